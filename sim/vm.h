/* vm.h - the simulated world (Sim), its processes and tasks, code objects,
 * frames, and the bytecode interpreter's entry points.  Internal to sim/:
 * front ends use sim.h. */
#ifndef IL_VM_H
#define IL_VM_H

#include "code.h"
#include "scenario.h"

/* ---- execution state ---- */

enum {
    FR_NORMAL = 0,
    FR_INIT = 1,          /* __init__: result is the instance in the ret slot */
    FR_CLASSBODY = 2,     /* class body: result is the new class */
    FR_MODULE = 4,
    FR_BASE = 8,          /* a nested (C-called) run stops when this returns */
    FR_DISCARD = 16,      /* result is dropped (thread entry) */
    FR_FORITER = 32,      /* a user __next__ called by FOR_ITER: StopIteration ends the loop */
    FR_COLLECT = 64,      /* a user __next__ called to collect an argument of list(), sorted()... */
};

/* Values live in chunks that never move, so a native may keep pointers to
 * its arguments while it runs nested code; a frame's locals and operand
 * stack are contiguous inside one chunk. */
typedef struct Chunk {
    struct Chunk *prev;
    Value *end;
    Value v[];
} Chunk;

typedef struct Frame {
    Code *code;
    Func *func;           /* NULL for module code */
    Dict *globals;
    Dict *ns;             /* LOAD_NAME namespace: module dict or class body dict */
    Value *locals;        /* nlocalsplus slots, then the operand stack */
    Value *sp;            /* saved operand stack top */
    Value *ret;           /* where the result goes (the callable's slot) */
    Chunk *chunk;         /* the chunk this frame opened, or NULL */
    uint32_t pc;          /* next instruction */
    int32_t kind;         /* FR_* */
    Value extra;          /* FR_CLASSBODY: (name, bases) tuple; FR_COLLECT: the list */
    Value *slot;          /* FR_COLLECT: the call argument the list replaces */
} Frame;

/* A stack of frames with their values: a thread's own, an asyncio task's,
 * or a generator's. */
typedef struct Ctx {
    Chunk *chunk;         /* current (top) chunk */
    Chunk *spare;         /* one cached free chunk */
    Value *top;           /* first free slot when no frame is active */
    Frame *frames;
    int32_t nframes, fcap;
    int32_t base_depth;   /* frames of the task below this context (generators) */
    Value handled;        /* exception being handled (bare raise, __context__) */
    struct Gen *gen;      /* the generator this context belongs to, if any */
    Frame *frame0;        /* room for one frame in the owner's allocation, or NULL */
    Chunk *chunk0;        /* likewise for a first chunk: never freed on its own */
} Ctx;

typedef enum {
    RUN_LIMIT,            /* reached the time/ops limit of the slice */
    RUN_BREAKER,          /* stopped at an eval-breaker check on request */
    RUN_BLOCKED,          /* a native blocked the task */
    RUN_DONE,             /* the base frame returned */
    RUN_ERROR,            /* an exception escaped the base frame */
    RUN_YIELD,            /* a generator yielded (value in T->resume_val) */
    RUN_FATAL,            /* max_ops/max_time reached; S->fatal says why */
    RUN_PAUSE,            /* a debugger pause (debug.h) between two ops */
} RunStatus;

typedef struct Proc Proc;

/* ---- trace-visible task states ---- */
#define TASK_STATES(X) \
    X(TS_NEW, "new", ' ') X(TS_READY, "ready", '.') X(TS_RUNNING, "running", '#') \
    X(TS_GILWAIT, "gil-wait", '~') X(TS_BLOCKED, "blocked", '-') \
    X(TS_SLEEPING, "sleeping", 'z') X(TS_IO, "io", 'i') X(TS_DONE, "done", ' ') \
    X(TS_AWAITING, "awaiting", 'a')

typedef enum {
#define X(k, s, g) k,
    TASK_STATES(X)
#undef X
    TS_COUNT
} TaskState;

extern const char *const task_state_name[TS_COUNT];

struct Task {
    Sim *S;
    Proc *proc;
    int id;               /* unique in the run, in creation order */
    char *name;           /* owned: "MainThread", "Thread-1", "Task-3" */
    Ctx ctx;              /* the thread's own stack */
    Ctx *cur;             /* the stack being run: ctx, an asyncio task's, a generator's */
    Value exc;            /* exception being raised, V_UNDEF if none */
    /* resumption after NAT_BLOCK */
    bool resume_pending;
    Value resume_val;
    Value resume_exc;     /* raise this instead of returning resume_val */
    /* timing */
    int64_t clock;        /* the task's virtual time while it runs */
    int64_t limit;        /* the current slice ends at this time */
    bool breaker;         /* stop at the next eval-breaker check */
    int nested;           /* depth of C-called (nested) runs */
    Value thread_obj;     /* the threading.Thread instance, if any */
    Value aio_loop;       /* the asyncio loop running on this thread, or V_UNDEF */
    Value aio_default;    /* asyncio.set_event_loop()'s loop, or V_UNDEF */
    int aio_tid;          /* trace task of the coroutine it runs a step of, or -1 */
    const int64_t *opcost; /* per-task op costs (jitter), or NULL for S->opcost */
    int retry;            /* >0 when a blocking native runs again after waking */
    int op_credit;        /* ops done in C for the running vm_run to count (aio.c) */
    int64_t deadline;     /* a blocking native's deadline across retries */
    int phase;            /* a blocking native's progress across retries */
    int64_t aux, aux2;    /* more of a blocking native's saved state */
    /* debugging (debug.c) */
    bool pause;           /* leave vm_run at the next op for a pause */
    Code *dbg_code;       /* where its last op was, for line breakpoints */
    int dbg_line;
    struct SchedTask *st; /* scheduler's per-task data (sched.c) */
};

struct Proc {
    Sim *S;
    int pid;
    char *name;           /* "MainProcess", "Process-1" */
    Dict *globals;        /* the __main__ module's namespace */
    Dict *modules;        /* imported simulated modules by name */
    int parent_pid;
    int64_t switch_interval; /* sys.setswitchinterval(), 0 = the setting */
    int thread_counter;   /* threading's Thread-N names */
    int process_counter;  /* multiprocessing's Process-N names */
    int aio_task_counter; /* asyncio's Task-N names */
    bool daemon;          /* multiprocessing daemon process */
    struct Rng *rng;      /* `random` state, created on first use */
    struct ProcSched *ps; /* scheduler's per-process data (GIL...) */
};

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
    X(cause, "__cause__") X(context, "__context__") X(value, "value") X(sleep, "sleep")

typedef enum {
#define X(f, s) SYM_##f,
    SYMS(X)
#undef X
    SYM_COUNT
} SymId;

/* The most memory the simulated heaps may hold before MemoryError. */
#define HEAP_LIMIT ((size_t)2 << 30)

/* The reason a run stopped short of the program's end (max_ops etc.). */
typedef struct Fatal {
    bool set;
    char msg[400];
} Fatal;

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

    /* interned strings: open addressing on Str* */
    Str **itab;
    size_t itab_cap, itab_n;
    Str *sym[SYM_COUNT];

    Class *types[TY_COUNT];
    Class *exc[EXC_COUNT];
    Dict *builtins;
    Dict *native_modules; /* name -> ModuleObj, shared by all processes */
    Dict *mod_threading, *mod_queue, *mod_mp; /* their dicts, for classes natives make */
    Class *aio_future, *aio_task, *aio_loop, *aio_handle, *aio_timer; /* asyncio's C classes */
    Class *aio_gathering;     /* asyncio's _GatheringFuture (gather's outer future) */
    Dict *mod_asyncio;        /* asyncio's dict (gather falls back to its Python part) */
    int64_t coros_unstarted;  /* coroutine objects never awaited (yet) */
    struct Gen *sleep_spare;  /* an awaited asyncio.sleep() coroutine to reuse (aio.c) */
    BUF(Value) aio_failed;    /* asyncio tasks that ended with an exception */
    struct Debug *dbg;        /* stepping and breakpoints (debug.c), or NULL */
    bool debug_ops;           /* check debug.c's conditions before every op */
    int start_method_override; /* multiprocessing.set_start_method(), -1 none */
    Value none_str;       /* "None" */

    Code *codes;          /* every code object, linked via next */
    Code *main_code;

    /* costs */
    int64_t opcost[OPCODE_COUNT];
    uint64_t ops;         /* bytecode ops executed */

    /* output */
    SBuf out, err;

    /* processes and tasks (the scheduler owns the rest) */
    BUF(Proc *) procs;
    BUF(Task *) tasks;
    struct Sched *sched;
    struct Trace *trace;

    Value ellipsis, notimpl;  /* singletons */
    Class *textio_cls;        /* sys.stdout / sys.stderr */
    Value std_out, std_err;
    int exit_code;            /* sys.exit() status */
    int status;               /* SimStatus of the run */
    Value uncaught;           /* the exception that ended the run */
    int64_t elapsed;          /* virtual time at the end of the run */
    Task *main_task;
    BUF(Obj *) repr_stack;    /* containers being repr'd (cycle guard) */
    struct IdMap *ids;        /* id() of objects without an oid field */
    int64_t next_oid;

    Fatal fatal;
    uint64_t rng[2];      /* xoroshiro128+ state for `random` */
    int recursion_limit;
};

/* ---- interpreter entry points (vm.c) ---- */

/* Run T->cur until it blocks, finishes, errs, or T->clock reaches T->limit. */
RunStatus vm_run(Task *T);
/* Make func(*args) the base frame of T->cur (a thread's entry, a task's
 * coroutine).  A native runs at once: returns 1 with *out set.  Returns 0
 * when a frame was pushed, -1 with an exception on T. */
int vm_start_call(Task *T, Value func, Value *args, int nargs, Tuple *kwnames, Value *out);
/* Push module code as the base frame of T->cur. */
void vm_start_module(Task *T, Code *code, Dict *globals);
/* Call a callable from C and run it to completion on T (atomically: it may
 * not block).  Returns 0 with *out, or -1 with an exception on T. */
int vm_call(Task *T, Value func, Value *args, int nargs, Tuple *kwnames, Value *out);
/* Call a method by name on obj. -1 with exception if missing or failing. */
int vm_call_method(Task *T, Value obj, Str *name, Value *args, int nargs, Value *out);

/* ---- the cost of O(n) work inside one op or builtin ----
 * Every op costs its weight times op_cost; a builtin, method or operator
 * that does O(n) work also charges op_cost per element it touches, through
 * these two, so the whole model is one rule: charge_items for elements
 * (values compared, copied, hashed, characters scanned) and charge_bytes
 * for bulk copies of string data (one element per 8 bytes, as memcpy). */
static inline void charge_items(Task *T, int64_t n)
{
    /* the task's own cost table when jitter gives it one, as ops use */
    if (n > 0) T->clock += (T->opcost ? T->opcost : T->S->opcost)[OP_NOP] * n;
}
static inline void charge_bytes(Task *T, int64_t nbytes) { charge_items(T, nbytes / 8); }

Frame *vm_top_frame(Task *T);
void ctx_init(Ctx *c);
void ctx_free(Ctx *c);
void ctx_mark(Sim *S, Ctx *c);

/* ---- raising (exc.c) ---- */
/* Runs of Python code from C (key functions, generators driven by
 * builtins, __repr__...) recurse on the C stack; past this depth they raise
 * RecursionError instead of overflowing it. */
#define MAX_NESTED_RUNS 150
int recursion_error(Task *T);

/* Debugging hooks (debug.c): before each op when S->debug_ops (true:
 * pause there), and the scheduler's pause checks. */
bool debug_op(Task *T, Code *code, uint32_t pc, Frame *f, uint64_t nops, int64_t clk);
bool debug_pausing(Sim *S);
bool debug_pause_before(Sim *S, int64_t t);
int64_t debug_stop_time(Sim *S);  /* the time to pause at, or -1 */
/* Polled every POLL_OPS ops of a slice (nops: the slice's ops so far):
 * true (and a pause asked for) after sim_interrupt(), or at a checkpoint
 * (sim_checkpoints). */
#define POLL_OPS (1u << 22)
bool debug_interrupted(Task *T, int64_t clk, uint64_t nops);
void debug_mark(Sim *S);
void debug_free(Sim *S);
/* Run until the end or a pause (sim.c); SIM_PAUSED when paused. */
int sim_go(Sim *S);
int vm_raise(Task *T, int exc_id, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int vm_raise_value(Task *T, Value exc);
Value exc_new(Task *T, Class *cls, Value *args, int nargs);
bool exc_matches(Sim *S, Value exc, int exc_id);
void exc_add_tb(Task *T, Value exc, Code *code, int line);
void exc_set_args(Sim *S, Value exc, Value *args, int nargs);
Tuple *exc_args(Sim *S, Value exc);
void exc_set_cause(Value exc, Value cause);
bool exc_location(Value exc, int *line, Code **code);
extern const PayloadOps exc_payload_ops;
/* Format an exception with its traceback as CPython prints it. */
void exc_format(Sim *S, Value exc, SBuf *out);
void exc_format_task(Task *T, Value exc, SBuf *out);
Str *exc_message(Task *T, Value exc);  /* str(exc), or NULL */

#endif
