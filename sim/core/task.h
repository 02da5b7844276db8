/* task.h - what runs: a task (a thread's or a coroutine task's stack of
 * frames, its virtual clock, what it blocks on) and a process (its
 * globals and modules).  The VM runs tasks; the scheduler decides when;
 * the per-layer data hang off them (SchedTask, ProcSched, AioThread). */
#ifndef IL_TASK_H
#define IL_TASK_H

#include "code.h"
#include "trace.h"

enum {
    FR_NORMAL = 0,
    FR_INIT = 1,          /* __init__: result is the instance in the ret slot */
    FR_CLASSBODY = 2,     /* class body: result is the new class */
    FR_MODULE = 4,
    FR_BASE = 8,          /* a nested (C-called) run stops when this returns */
    FR_DISCARD = 16,      /* result is dropped (thread entry) */
    FR_FORITER = 32,      /* a user __next__ called by FOR_ITER: StopIteration ends the loop */
    FR_COLLECT = 64,      /* a user __next__ called to collect an argument of list(), sorted()... */
    FR_NEXTDEF = 128,     /* a user __next__ called by next(it, default): StopIteration gives extra */
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
    Value extra;          /* FR_CLASSBODY: (name, bases) tuple; FR_COLLECT: the list; FR_NEXTDEF: the default */
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
    int cdepth;           /* C recursion of repr, == and < through nested containers (obj.h) */
    int64_t citems;       /* items C loops have taken from iterators (obj_next), checked against the limits */
    int64_t cmark_clock;  /* the clock at the last limit check that saw it move (vm_c_loop_check) */
    int64_t cmark_items;  /* citems then: the items taken since, the clock has not charged yet */
    Value thread_obj;     /* the threading.Thread instance, if any */
    struct AioThread *aio; /* asyncio on this thread (aio.h), NULL until it has a loop */
    int subtask;          /* the trace task (an asyncio task's, a trio task's, a greenlet's)
                             whose step the thread runs now, or -1: it shares the thread's states */
    struct Green *green;  /* its running greenlet (green.h), NULL until it asks for one */
    const struct AwaitDriver *driver; /* what drives its GM_TASK coroutines now (gen.h), or NULL */
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
    char *ident;          /* multiprocessing's _identity joined by ':' ("1", "1:2"); "" for the main process */
    Dict *globals;        /* the __main__ module's namespace */
    Dict *modules;        /* imported simulated modules by name */
    int parent_pid;
    int64_t switch_interval; /* sys.setswitchinterval(), 0 = the setting */
    int64_t int_max_str_digits; /* sys.set_int_max_str_digits(): 0 unset (4300), -1 no limit */
    int thread_counter;   /* threading's Thread-N names */
    int process_counter;  /* multiprocessing's Process-N names */
    int aio_task_counter; /* asyncio's Task-N names */
    bool daemon;          /* multiprocessing daemon process */
    struct Rng *rng;      /* `random` state, created on first use */
    struct ProcSched *ps; /* scheduler's per-process data (GIL...) */
};

#endif
