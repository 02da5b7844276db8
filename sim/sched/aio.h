/* aio.h - asyncio in C: coroutine objects, the await opcodes, futures and
 * tasks, and the event loop, modelled on CPython 3.11's BaseEventLoop and
 * _asyncio.Task.  The Python-level rest of asyncio (run, gather, wait_for,
 * queues, locks...) is sim/py/asyncio.py, built on these.
 *
 * How a coroutine runs: a coroutine object owns a context (its own frame
 * stack), like a generator.  A task's step switches its thread's current
 * context into the task's coroutine; `await coro` switches further into
 * that coroutine's context (its parent is the awaiting one).  Awaiting a
 * pending future suspends the whole chain: the thread switches back to the
 * context running the loop (loop.run_until_complete, a native that runs
 * again after each step), and the task remembers the innermost context
 * (its leaf).  Waking up resumes the leaf at the same AWAIT, which now
 * finds the future done.  So a task step is ordinary bytecode on its
 * thread: it needs a core and the GIL, and a blocking call inside it
 * blocks the thread and with it the whole loop. */
#ifndef IL_AIO_H
#define IL_AIO_H

#include "gen.h"
#include "sched.h"

enum { FUT_PENDING, FUT_DONE, FUT_CANCELLED };

/* A done callback, by what it does when the future is done. */
enum {
    CB_CALL,              /* call the Python callable v with the future */
    CB_WAKEUP,            /* wake up task v, which awaits the future */
    CB_STOP,              /* stop loop v (run_until_complete's target) */
    CB_GATHER,            /* gather's per-child callback; v is the outer future */
};
typedef struct FutCb {
    int kind;             /* CB_* */
    Value v;
} FutCb;

/* What a _GatheringFuture (gather's outer future) keeps, as the closure
 * of CPython's gather() and its _done_callback do. */
typedef struct GatherData {
    Value children;       /* list of the child futures, one per argument */
    int64_t nfuts;        /* distinct children */
    int64_t nfinished;    /* children done so far */
    bool return_exceptions;
    bool cancel_requested; /* _cancel_requested: cancel() cancelled a child */
    bool abandoned;       /* gather() itself failed: as CPython's outer None */
} GatherData;

/* The payload of asyncio.Future and asyncio.Task instances, allocated
 * with the instance (obj_instance_new_with). */
typedef struct FutData {
    /* what a task step reads first, together (a run may step 100,000
     * tasks in turn, each a cache miss): with the instance header these
     * fill two cache lines */
    int state;            /* FUT_* */
    int tid;              /* tasks: the trace task */
    bool is_task;
    bool must_cancel;     /* tasks: cancel() came while it ran */
    bool exc_retrieved;
    int reason;           /* what awaiting it means (R_AWAIT_*) */
    Ctx *leaf;            /* tasks: where its next step resumes */
    Value coro;           /* tasks: the coroutine (K_CORO) */
    Value waiter;         /* tasks: the future it awaits, or V_UNDEF */
    Value loop;           /* the loop instance */
    /* the rest */
    Value result;
    Value exc;            /* the exception set, or V_UNDEF */
    Value cancel_msg;
    BUF(FutCb) cbs;       /* starts as cb0: most futures get one callback */
    FutCb cb0;
    int obj;              /* trace object, -1 until needed */
    int num_cancels;      /* tasks */
    GatherData *gather;   /* _GatheringFuture only, else NULL */
    Str *name;            /* tasks: the name, or NULL for "Task-<num>" (made when asked for) */
    int num;              /* tasks: the number (every task takes one, named or not) */
    size_t index;         /* tasks: the place in its loop's task list */
} FutData;

/* One entry of the ready queue or the timer heap. */
enum { H_STEP, H_WAKEUP, H_CALL, H_SET_RESULT, H_STOP, H_GATHER };
typedef struct Handle {
    int kind;
    Value a, b;           /* STEP: task, exc; WAKEUP: task; CALL: fn, args tuple;
                             SET_RESULT: future, value; STOP: -;
                             GATHER: outer future, the child that is done */
    Value obj;            /* the Handle/TimerHandle instance (cancellable), or V_UNDEF */
} Handle;

typedef struct Timer {
    int64_t when;
    Handle h;
} Timer;

/* The payload of the event loop instance. */
typedef struct LoopData {
    Task *thread;         /* the thread running it, NULL when not running */
    Ctx *ctx;             /* the context of run_until_complete's frame */
    Handle *ring;         /* the ready queue (FIFO ring) */
    size_t head, n, cap;
    Timer *heap;
    size_t nheap, capheap;
    size_t ntodo;         /* handles left in the current iteration */
    bool running, stopping, closed, idle;
    bool iterated;        /* ran an iteration since run_until_complete began */
    Value current;        /* the task running a step, or V_UNDEF */
    Value target;         /* run_until_complete's future */
    BUF(Value) tasks;     /* tasks not done yet (all_tasks) */
    WaitQ selectq;        /* the thread, blocked in select() */
    int obj;              /* trace object */
    int task_counter;     /* Task-N names */
} LoopData;

/* The payload of Handle and TimerHandle instances. */
typedef struct HandleData {
    bool cancelled;
    int64_t when;
    Value fn, args;
} HandleData;

extern const PayloadOps aio_fut_ops, aio_loop_ops, aio_handle_ops;

/* asyncio's state in the Sim (SLOT_ASYNCIO): its C classes (made by
 * mod_asyncio.c), its module dict, and what the loops keep between runs. */
typedef struct AioState {
    Class *future, *task, *loop, *handle, *timer;
    Class *gathering;     /* _GatheringFuture (gather's outer future) */
    Dict *module;         /* asyncio's dict (gather falls back to its Python part) */
    struct Gen *sleep_spare; /* an awaited asyncio.sleep() coroutine to reuse */
    struct Gen *sleep0_held; /* what a task suspended at `await asyncio.sleep(0)`
                                holds (aio_sleep0): one for all of them */
    BUF(Value) failed;    /* tasks that ended with an exception */
} AioState;

/* Make the state (when the asyncio module is set up). */
AioState *aio_init(Sim *S);
static inline AioState *aio_st(Sim *S) { return (AioState *)S->slot[SLOT_ASYNCIO]; }

/* asyncio on one thread (Task.aio). */
typedef struct AioThread {
    Value loop;           /* the loop running on this thread, or V_UNDEF */
    Value default_loop;   /* asyncio.set_event_loop()'s loop, or V_UNDEF */
} AioThread;

/* T's asyncio state, made on first use. */
AioThread *aio_thread(Task *T);
static inline Value aio_loop_of(const Task *T) { return T->aio ? T->aio->loop : v_undef(); }
static inline Value aio_default_of(const Task *T) { return T->aio ? T->aio->default_loop : v_undef(); }

FutData *aio_fut_data(Value v);      /* NULL unless v is a Future or Task */
Str *aio_task_name(Sim *S, FutData *t); /* a task's name, made on first use */
LoopData *aio_loop_data(Value v);    /* NULL unless v is an event loop */

/* Futures. */
Value aio_fut_new(Task *T, Value loop);
int aio_fut_set_result(Task *T, Value fut, Value result);
int aio_fut_set_exception(Task *T, Value fut, Value exc);
bool aio_fut_cancel(Task *T, Value fut, Value msg);   /* Future.cancel() itself */
bool aio_task_cancel(Task *T, Value task, Value msg); /* Task.cancel() itself */
/* fut.cancel(msg) as Python would call it (a subclass may override it):
 * 1 cancelled, 0 not, -1 error. */
int aio_cancel(Task *T, Value fut, Value msg);
int aio_fut_result(Task *T, FutData *f, Value *out);   /* raises when not a result */
/* Add a done callback of kind CB_* (scheduled at once when fut is done). */
void aio_fut_add_callback(Task *T, Value fut, int kind, Value v);
/* fut._make_cancelled_error() */
Value aio_fut_cancelled_error(Task *T, FutData *f);

/* Loop operations (loop is a loop instance). */
void aio_loop_call_soon(Task *T, Value loop, Handle h, bool threadsafe);
void aio_loop_call_at(Task *T, Value loop, int64_t when, Handle h);
Value aio_loop_create_task(Task *T, Value loop, Value coro, Value name);
int aio_loop_run_until_complete(Task *T, Value loop, Value fut, Value *out);
/* The running loop of task T's thread, or V_UNDEF. */
Value aio_running_loop(Task *T);
/* The task whose step is running on T's thread, or V_UNDEF. */
Value aio_current_task(Task *T);

/* An event loop instance, not running yet. */
Value aio_new_loop(Task *T);
/* The loop get_event_loop() gives: the running one, else the thread's. */
Value aio_event_loop(Task *T);
/* v's loop data, or NULL with TypeError raised. */
LoopData *aio_need_loop(Task *T, Value v);

/* gather() of npos coroutines and asyncio futures (aio_plain_future), in
 * C; its outer future in *out.  NAT_OK, or NAT_ERR with an exception. */
int aio_gather(Task *T, Value *args, int npos, bool return_exceptions, Value *out);
/* Can gather handle v in C (one of asyncio's own future classes)? */
bool aio_plain_future(Sim *S, Value v);
/* A _GatheringFuture over the list children. */
Value aio_gathering_new(Task *T, Value loop, Value children);
/* gather()'s callback for child (a handle of the loop).  0, or -1 with an
 * exception on T (for the loop's exception handler). */
int aio_gather_child_done(Task *T, Value outer, Value child);
/* _GatheringFuture.cancel(msg) itself: 1 cancelled, 0 not, -1 error. */
int aio_gather_cancel(Task *T, Value outer, Value msg);

/* A native coroutine (asyncio.sleep) made in C. */
Value aio_sleep_coro(Task *T, int64_t delay, Value result);

/* Front ends: the live data of coroutine task tid (NULL when it is not
 * pending on a running loop); pending asyncio timers, one per line, each
 * starting with its time in ns. */
FutData *aio_find_task(Sim *S, int tid);
void aio_timers(Sim *S, SBuf *out);
/* When the timer that coroutine task tid awaits fires, or -1. */
int64_t aio_task_wakeup(Sim *S, int tid);

/* Deadlock report: what the loop on T waits for, in words. */
void aio_describe_wait(Sim *S, Task *T, SBuf *b);
/* Log the failed tasks whose exception nobody asked for (at exit). */
void aio_warn_unretrieved(Sim *S);

/* "name(arg, ...) at file:line", as asyncio shows a callback. */
void aio_callback_text(Task *T, Value fn, Tuple *args, SBuf *b);

#endif
