/* modules.h - the simulated standard-library modules (never the host's). */
#ifndef IL_MODULES_H
#define IL_MODULES_H

#include "vm.h"
#include "compile.h"

enum { ME_FN, ME_FLOAT, ME_INT, ME_VALUE };

/* One attribute of a module: a native function, a number, or a value made
 * when the module is created. */
typedef struct ModEntry {
    const char *name;
    int kind;
    NativeFn fn;
    double num;
    Value (*make)(Sim *S);
} ModEntry;

/* A simulated module: its entries, the names its setup adds (classes),
 * and optionally Python source in sim/py/ run on first import. */
typedef struct ModDef {
    const char *name;
    const ModEntry *entries;
    const char *const *names;         /* NULL-terminated, or NULL */
    void (*setup)(Sim *S, Dict *d);   /* when the Sim is created */
    const char *py;                   /* sim/py/<py>.py, or NULL */
    void (*after_py)(Sim *S, Dict *d);
    /* the Python part runs when a name it defines is first asked for, not
     * at import: `import time` stays as cheap as in CPython */
    bool py_on_demand;
    /* sim/py/<py_lazy>.py: a second Python part, run after the first the
     * first time a name the module lacks is asked for (threading's Timer
     * and excepthook: `import threading` costs no more for having them) */
    const char *py_lazy;
} ModDef;

/* The compiler's questions about imports, answered from the registry. */
extern const ImportResolver modules_resolver;

/* Python parts compiled at build time (freeze.h): the front end links
 * them in (build/gen, made by sim/tool/freeze.c) and says so once, before
 * any load; a part without one is compiled from its source on import. */
typedef struct FrozenPart {
    const char *name;                 /* sim/py/<name>.py */
    const unsigned char *data;
    size_t len;
} FrozenPart;
void modules_use_frozen(const FrozenPart *parts);   /* ends with a NULL name */
/* The name of the i-th Python part, NULL past the last. */
const char *modules_py_part(int i);
/* Part `part` compiled in S and frozen into out (the build's tool); false
 * with err when it cannot be. */
bool modules_freeze_part(Sim *S, const char *part, SBuf *out, char *err, size_t errn);

/* Make every module and install the import hook (Sim.import). */
void modules_init(Sim *S);
/* sys.argv = [path] as python3 gives it: the scenario's path as typed on the
 * command line, or '-' for standard input (path "<stdin>"). */
void modules_set_argv(Sim *S, const char *path);

#endif
