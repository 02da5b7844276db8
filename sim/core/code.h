/* code.h - code objects (what the compiler makes and the VM runs) and
 * the source texts they come from. */
#ifndef IL_CODE_H
#define IL_CODE_H

#include "value.h"
#include "opcodes.h"

/* A source text code was compiled from: the scenario, or a simulated
 * library module written in Python (sim/py/).  Tracebacks read it. */
typedef struct Source {
    char *name;           /* as tracebacks print it */
    char *text;
    const char **lines;   /* lines[i]: start of line i+1 */
    int nlines;
    bool library;         /* part of the simulator, not the scenario */
    struct Source *next;
} Source;

typedef struct ExcEntry {
    uint32_t start, end;  /* protected instruction range [start, end) */
    uint32_t target;      /* handler */
    uint32_t depth;       /* operand stack depth to unwind to */
} ExcEntry;

enum {
    CO_VARARGS = 1, CO_VARKW = 2, CO_COROUTINE = 4, CO_CLASSBODY = 8,
    CO_MODULE = 16, CO_GENEXP = 32, CO_NESTED = 64, CO_GENERATOR = 128, CO_ASYNC_GENERATOR = 256,
};
/* Calling a function with these makes a generator or coroutine object. */
#define CO_MAKES_GEN (CO_GENEXP | CO_COROUTINE | CO_GENERATOR | CO_ASYNC_GENERATOR)

struct Code {
    uint32_t *ops;
    int32_t nops;
    int32_t *lines;       /* source line of each op */
    uint16_t *cols;       /* source column of each op (1-based) */
    Value *consts;
    int32_t nconsts;
    Str **names;          /* global/attribute names (interned) */
    int32_t nnames;
    struct Code **children; /* nested code objects (MAKE_FUNCTION arg >> 4) */
    int32_t nchildren;
    Str **varnames;       /* locals, then cells, then frees */
    int32_t nlocals, ncells, nfrees;
    int32_t nlocalsplus;  /* nlocals + ncells + nfrees */
    int32_t *cell_arg;    /* for each cell: the argument it starts from, or -1 */
    int32_t argcount;     /* positional parameters (incl. positional-only) */
    int32_t posonly;
    int32_t kwonly;
    int32_t flags;        /* CO_* */
    int32_t maxstack;
    ExcEntry *exc;
    int32_t nexc;
    Str *name, *qualname;
    int32_t firstline;
    uint32_t *hints;      /* per op: where LOAD_GLOBAL/LOAD_ATTR found its name last (vm.c) */
    struct AttrIC *ic;    /* per op: the attribute ops' inline caches (vm.c), made on first use */
    Source *src;
    struct Code *next;    /* all code objects of a program, for marking/freeing */
};

/* Add a copy of text to the end of list (the scenario stays first). */
Source *code_source_add(Source **list, const char *name, const char *text, size_t len, bool library);
/* Line `line` of src, stripped; "" if out of range. */
const char *code_source_line(Source *src, int line, int *len);
void code_source_free_all(Source *list);

/* Which line an instruction came from. */
int code_line(Code *c, uint32_t pc);
/* Human-readable bytecode (debugging, `--dis`). */
void code_disasm(Code *c, SBuf *out);
/* Free c and every code object linked after it. */
void code_free_all(Code *c);

#endif
