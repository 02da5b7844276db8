/* world.h - the simulated world (Sim): the heap, the interned names, the
 * builtin types, the processes and tasks, the output, and the state the
 * layers above the core keep in it.  Internal to sim/: front ends use
 * sim.h.
 *
 * The core (values, the VM) never calls the scheduler, the library or the
 * debugger.  They reach it through what they install here: state slots
 * with their mark and free operations (as Lua's libraries keep their
 * state in its registry), the import hook, and the debugger's hooks. */
#ifndef IL_WORLD_H
#define IL_WORLD_H

#include "task.h"
#include "settings.h"
#include "ptrmap.h"

/* Common interned names, X(field, text). */
#define SYMS(X) \
    X(init, "__init__") X(name, "__name__") X(main, "__main__") \
    X(mp_main, "__mp_main__") X(builtins, "__builtins__") X(str, "__str__") \
    X(repr, "__repr__") X(eq, "__eq__") X(ne, "__ne__") X(lt, "__lt__") \
    X(le, "__le__") X(gt, "__gt__") X(ge, "__ge__") X(hash, "__hash__") \
    X(len, "__len__") X(bool_, "__bool__") X(iter, "__iter__") \
    X(next, "__next__") X(getitem, "__getitem__") X(setitem, "__setitem__") \
    X(delitem, "__delitem__") X(contains, "__contains__") X(call, "__call__") \
    X(enter, "__enter__") X(exit, "__exit__") X(aenter, "__aenter__") \
    X(aexit, "__aexit__") X(getattr_, "__getattr__") X(class_, "__class__") \
    X(dict_, "__dict__") X(module, "__module__") X(qualname, "__qualname__") \
    X(doc, "__doc__") X(args, "args") X(neg, "__neg__") X(pos, "__pos__") \
    X(invert, "__invert__") X(abs, "__abs__") X(int_, "__int__") \
    X(float_, "__float__") X(index, "__index__") X(format, "__format__") \
    X(run, "run") X(setattr_, "__setattr__") X(await_, "__await__") \
    X(aiter, "__aiter__") X(anext, "__anext__") X(new, "__new__") \
    X(file, "__file__") X(round, "__round__") X(set_name, "__set_name__") \
    X(init_subclass, "__init_subclass__") X(missing, "__missing__") \
    X(reversed, "__reversed__") X(traceback, "__traceback__") \
    X(cause, "__cause__") X(context, "__context__") X(value, "value") X(sleep, "sleep") \
    X(get, "__get__") X(set, "__set__") X(delete_, "__delete__") X(delattr_, "__delattr__") \
    X(class_getitem, "__class_getitem__") X(meta, "_interleave_metaclass_") \
    X(instancecheck, "__instancecheck__") X(subclasscheck, "__subclasscheck__") \
    X(annotations, "__annotations__")

typedef enum {
#define X(f, s) SYM_##f,
    SYMS(X)
#undef X
    SYM_COUNT
} SymId;

/* The most memory the simulated heaps may hold before MemoryError. */
/* (the heap's limit is the max_memory setting) */

/* The reason a run stopped short of the program's end (max_ops etc.). */
typedef struct Fatal {
    bool set;
    char msg[400];
} Fatal;

/* The debugger's hooks (debug.c installs them, as lua_sethook does): the
 * VM and the scheduler call them through Sim.hooks and never name the
 * debugger.  NULL hooks: no debugger. */
typedef struct DebugHooks {
    /* before each op while Sim.debug_ops: true to pause there (f->sp is
     * the operand stack's top: an explorer reads what the op touches) */
    bool (*op)(Task *T, Code *code, uint32_t pc, Frame *f, uint64_t nops, int64_t clk);
    /* every POLL_OPS ops of a slice (nops: its ops so far): true (and a
     * pause asked for) after an interrupt, or at a checkpoint */
    bool (*interrupted)(Task *T, int64_t clk, uint64_t nops);
    /* the scheduler's questions: is a pause under way; must the run pause
     * before anything happens at time t; when to pause (-1: no time) */
    bool (*pausing)(Sim *S);
    bool (*pause_before)(Sim *S, int64_t t);
    int64_t (*stop_time)(Sim *S);
} DebugHooks;

/* State that a layer above the core keeps in the Sim, by owner.  The
 * collector marks each through its SlotOps and sim_free frees it, so
 * neither needs to know what it is. */
#define SIM_SLOTS(X) X(SLOT_SCHED) X(SLOT_DEBUG) X(SLOT_ASYNCIO) X(SLOT_THREADING) X(SLOT_MP) X(SLOT_SRCINFO)
typedef enum {
#define X(k) k,
    SIM_SLOTS(X)
#undef X
    SLOT_COUNT
} SimSlot;

typedef struct SlotOps {
    void (*mark)(Sim *S, void *state);  /* the values it holds are GC roots */
    void (*free)(Sim *S, void *state);  /* at sim_free, before the heap */
} SlotOps;

/* The import hook: `import name` and `from module import name` (the
 * library's module registry installs it).  0 with *out, or -1 with an
 * exception on T. */
typedef struct ImportHooks {
    int (*import)(Task *T, Str *name, Value *out);
    int (*import_from)(Task *T, Value module, Str *name, Value *out);
    /* A builtin made on first use (ExceptionGroup...): 1 with *out (now in
     * the builtins), 0 when there is none of that name, -1 on error. */
    int (*lazy_builtin)(Task *T, Str *name, Value *out);
    /* An attribute missing from a module: a Python part that runs on
     * demand (time's calendar half) may define it.  1 with *out, 0 when
     * it does not, -1 on error. */
    int (*module_attr)(Task *T, Value module, Str *name, Value *out);
} ImportHooks;

/* What the compiler does not keep, read back from the source text (the
 * library's srcinfo.c installs it): a function's or class's __doc__ and
 * __annotations__.  1 with *out, 0 when it has none, -1 with an
 * exception. */
typedef struct SourceHooks {
    int (*attr)(Task *T, Value obj, Str *name, Value *out);
} SourceHooks;

struct Sim {
    Settings set;
    char *filename;       /* as given */
    Value main_doc;       /* the scenario's docstring (or None) */
    char *description;    /* docstring text after the header */
    Source *sources;      /* every source text compiled, scenario first */

    /* the heap */
    BUF(Obj *) objects;   /* every object, oldest first; the sweep walks it */
    struct GcPools *pools; /* where small objects are allocated (gc.c) */
    size_t heap_bytes, gc_threshold;
    BUF(Obj *) gray;
    int gc_inhibit;       /* >0: no collection (nested C-called runs) */
    bool gc_pending;
    uint64_t gc_runs;
    /* attr.c's cache of class attribute lookups, (class, name) -> value:
     * an entry holds while attr_epoch is what it was when it was filled
     * (a change to a watched class dict, and every collection, move it) */
    struct AttrCacheEntry *attr_cache;
    uint64_t attr_epoch;
    /* LOAD_GLOBAL's cache of "not a global: a builtin" holds while this
     * is what it was when filled (a new key in globals it looked in, and
     * every collection, move it) */
    uint64_t globals_epoch;

    /* interned strings: open addressing on Str* */
    Str **itab;
    size_t itab_cap, itab_n;
    Str *sym[SYM_COUNT];

    Class *types[TY_COUNT];
    Class *exc[EXC_COUNT];
    Dict *builtins;
    Dict *native_modules; /* name -> ModuleObj, shared by all processes */
    int64_t coros_unstarted;  /* coroutine objects never awaited (yet) */
    Value none_str;       /* "None" */

    Code *codes;          /* every code object, linked via next */
    Code *main_code;

    /* costs */
    int64_t opcost[OPCODE_COUNT];
    uint64_t ops;         /* bytecode ops executed */

    /* output */
    SBuf out, err;
    bool out_cut;         /* output passed max_output: the rest is dropped (io.c) */

    /* processes and tasks (the scheduler owns the rest) */
    BUF(Proc *) procs;
    BUF(Task *) tasks;
    struct Sched *sched;  /* = slot[SLOT_SCHED], typed: the scheduler reads it often */
    struct Trace *trace;

    /* what the layers above install (see the top of this file) */
    void *slot[SLOT_COUNT];
    const SlotOps *slot_ops[SLOT_COUNT];
    const ImportHooks *import;
    /* A process ended: multiprocessing closes the pipe handles it held, as
     * a dying process's file descriptors close (the library installs it,
     * the scheduler calls it). */
    void (*on_proc_exit)(Sim *S, Proc *P, int64_t at);
    const SourceHooks *srcinfo;
    /* b'...' literals: bytes is a library type (the library installs it,
     * the compiler calls it) */
    Value (*make_bytes)(Sim *S, const void *data, int64_t n);
    const DebugHooks *hooks;
    struct Debug *dbg;    /* = slot[SLOT_DEBUG], for the hooks */
    bool debug_ops;       /* call hooks->op before every op */

    Value ellipsis, notimpl;  /* singletons */
    Class *textio_cls;        /* sys.stdout / sys.stderr */
    Value std_out, std_err;
    int exit_code;            /* sys.exit() status */
    int status;               /* SimStatus of the run */
    Value uncaught;           /* the exception that ended the run */
    int64_t elapsed;          /* virtual time at the end of the run */
    Task *main_task;
    BUF(Obj *) repr_stack;    /* containers being repr'd (cycle guard) */
    PtrMap ids;               /* id() of objects without an oid field */
    int64_t next_oid;

    Fatal fatal;
    int recursion_limit;
    bool heap_dropped;        /* sim_drop_heap: only the record of the run is left */
};

/* Keep a layer's state in slot (replacing none). */
static inline void sim_slot_set(Sim *S, SimSlot slot, void *state, const SlotOps *ops)
{
    S->slot[slot] = state;
    S->slot_ops[slot] = ops;
}

#endif
