/* trace.h - the simulator's single output: what every task did, when, and
 * why.  Front ends (text timeline, REPL, UI, exports, statistics) read only
 * this.
 *
 * Two arrays, both append-only and in time order:
 *  - state changes ("segments"): task enters state at t, on a core or not,
 *    for a reason, about an object.  A segment lasts until the task's next
 *    change, so memory grows with state changes, not with time (24 bytes
 *    each).
 *  - point events: GIL handoffs, lock operations, wake-ups (who woke whom),
 *    prints, spawns, exceptions...
 * Objects (locks, queues, threads...) and strings are in side tables. */
#ifndef IL_TRACE_H
#define IL_TRACE_H

#include "common.h"
#include "pack.h"

/* How a run ended (sim_run), or that it is paused. */
typedef enum {
    SIM_OK,                   /* the program finished normally */
    SIM_EXCEPTION,            /* an uncaught exception ended it (traceback on stderr) */
    SIM_FATAL,                /* a runaway guard (max_ops / max_time) stopped it */
    SIM_DEADLOCK,             /* no task can ever proceed */
    SIM_EXIT,                 /* sys.exit(n) */
    SIM_PAUSED,               /* paused by a stop condition or breakpoint (debug.h) */
} SimStatus;

/* The task states, one row each, holding everything any front end shows
 * of a state: X(id, name, legend word, ASCII glyph, UTF-8 glyph, colour as
 * #RRGGBB, as an xterm-256 index, as a basic (ANSI) colour number).  The
 * name is the machine word (JSON keys, the REPL); the legend word and the
 * glyphs are what the text timeline, the UI and the SVG show.  Colours are
 * the Okabe-Ito palette, which colour-blind viewers can tell apart; sleeping
 * and io share sky blue and differ by glyph (and texture in the SVG). */
#define TASK_STATES(X)                                                                    \
    X(TS_NEW, "new", "starting", '+', "+", "#E69F00", 214, 3)                             \
    X(TS_READY, "ready", "ready", '.', "\u2591", "#F0E442", 227, 3)                       \
    X(TS_RUNNING, "running", "running", '#', "\u2588", "#009E73", 36, 2)                  \
    X(TS_GILWAIT, "gil-wait", "gil-wait", '~', "\u2248", "#D55E00", 166, 1)               \
    X(TS_BLOCKED, "blocked", "blocked", '-', "\u2500", "#CC79A7", 175, 5)                 \
    X(TS_SLEEPING, "sleeping", "sleeping", 'z', "z", "#56B4E9", 74, 6)                    \
    X(TS_IO, "io", "io", 'i', "i", "#56B4E9", 74, 6)                                      \
    X(TS_DONE, "done", "done", '_', "\u00B7", "#FFFFFF", 244, 7)                          \
    X(TS_AWAITING, "awaiting", "awaiting", 'a', "a", "#0072B2", 25, 4)

typedef enum {
#define X(id, name, legend, ascii, utf8, hex, c256, c8) id,
    TASK_STATES(X)
#undef X
    TS_COUNT
} TaskState;

typedef struct TaskStateInfo {
    const char *name, *legend;
    char ascii;
    const char *utf8;
    const char *hex;
    short c256, c8;
} TaskStateInfo;
extern const TaskStateInfo trace_states[TS_COUNT];
/* The order legends list the states in (the finished state last). */
extern const int trace_legend[TS_COUNT];

/* Why a task is in its state.  X(code, text) - the text reads after the
 * task's name: "Thread-1 waits for the GIL". */
#define REASONS(X) \
    X(R_NONE, "") \
    X(R_CREATED, "was created") \
    X(R_STARTING, "is starting (thread start cost)") \
    X(R_RUNNING, "runs") \
    X(R_READY_NEW, "is ready to run and waits for a core") \
    X(R_READY_WAKE, "was woken and waits for a core") \
    X(R_READY_PREEMPT, "used up its time slice and waits for a core") \
    X(R_READY_GIL, "got the GIL and waits for a core") \
    X(R_GIL_WAIT, "waits for the GIL") \
    X(R_GIL_FORCED, "dropped the GIL on a drop request and waits to get it back") \
    X(R_SLEEP, "sleeps (time.sleep)") \
    X(R_LOCK, "waits for a lock") \
    X(R_RLOCK, "waits for an RLock") \
    X(R_JOIN, "waits for a thread to finish (join)") \
    X(R_COND, "waits on a Condition") \
    X(R_EVENT, "waits for an Event") \
    X(R_SEM, "waits for a Semaphore") \
    X(R_BARRIER, "waits at a Barrier") \
    X(R_QUEUE_GET, "waits for an item (queue.get)") \
    X(R_QUEUE_PUT, "waits for room (queue.put)") \
    X(R_QUEUE_JOIN, "waits for queued work to be done (queue.join)") \
    X(R_START_WAIT, "waits for the new thread to start (Thread.start)") \
    X(R_EXIT_WAIT, "waits for non-daemon threads to finish before exiting") \
    X(R_PROC_START, "is starting (process start cost)") \
    X(R_PROC_JOIN, "waits for a process to finish (join)") \
    X(R_PROC_EXIT_WAIT, "waits for child processes before exiting") \
    X(R_PIPE_RECV, "waits for a message (Pipe.recv)") \
    X(R_MPQUEUE_GET, "waits for an item (multiprocessing.Queue.get)") \
    X(R_FUTURE, "waits for a Future") \
    X(R_IO, "waits for I/O") \
    X(R_DONE, "finishes") \
    X(R_DIED, "dies of an uncaught exception") \
    X(R_KILLED, "was abandoned at exit (daemon)") \
    X(R_AWAIT_TIMER, "awaits a timer (asyncio.sleep)") \
    X(R_AWAIT_FUTURE, "awaits a future") \
    X(R_AWAIT_TASK, "awaits a task") \
    X(R_AWAIT_QUEUE, "awaits a queue") \
    X(R_AWAIT_LOCK, "awaits an asyncio lock") \
    X(R_AWAIT_EVENT, "awaits an asyncio event") \
    X(R_AIO_READY, "is in the event loop's ready queue") \
    X(R_LOOP_IDLE, "event loop waits for the next timer") \
    X(R_LOOP_RUN, "event loop runs a task") \
    X(R_TRIO_READY, "is ready: trio runs it in its next batch") \
    X(R_TRIO_SLEEP, "sleeps until a cancel scope's deadline (trio.sleep)") \
    X(R_TRIO_EVENT, "waits for a trio Event") \
    X(R_TRIO_LOCK, "waits for a trio Lock, Semaphore or CapacityLimiter") \
    X(R_TRIO_CHANNEL, "waits on a trio memory channel") \
    X(R_TRIO_NURSERY, "waits for its nursery's children to finish") \
    X(R_TRIO_START, "waits for a child to call task_status.started()") \
    X(R_TRIO_THREAD, "waits for a worker thread (trio.to_thread.run_sync)") \
    X(R_TRIO_PARK, "waits to be rescheduled (trio.sleep_forever)") \
    X(R_TRIO_IDLE, "trio's run loop waits for the next deadline") \
    X(R_TRIO_BATCH_FWD, "runs in trio's current batch, which trio runs in the order its tasks became ready") \
    X(R_TRIO_BATCH_REV, "runs in trio's current batch, which trio runs reversed this time (a coin per batch; setting trio_order)") \
    X(R_HUB_READY, "is in the gevent hub's callback queue") \
    X(R_HUB_TIMER, "waits for a timer in the gevent hub (gevent.sleep)") \
    X(R_HUB_WAIT, "waits in the gevent hub for an event, a queue or a lock") \
    X(R_HUB_JOIN, "waits in the gevent hub for a greenlet to finish") \
    X(R_HUB_IDLE, "the gevent hub waits for the next timer") \
    X(R_POOL_WAIT, "waits for a pool worker to end or the pool to change (Pool's worker handler)") \
    X(R_SWITCHED, "was switched out: the schedule chose another task")

typedef enum {
#define X(k, s) k,
    REASONS(X)
#undef X
    R_COUNT
} Reason;

extern const char *const trace_reason_text[R_COUNT];

#define TRACE_EVENTS(X) \
    X(EV_SPAWN, "spawn") X(EV_START, "start") X(EV_EXIT, "exit") X(EV_JOIN, "join") \
    X(EV_GIL_REQUEST, "gil-request") X(EV_GIL_DROP_REQUEST, "gil-drop-request") \
    X(EV_GIL_DROP, "gil-drop") X(EV_GIL_TAKE, "gil-take") X(EV_LOCK_ACQUIRE, "lock-acquire") \
    X(EV_LOCK_RELEASE, "lock-release") X(EV_WAKE, "wake") X(EV_PRINT, "print") \
    X(EV_PICKLE, "pickle") X(EV_EXCEPTION, "exception") X(EV_PROC_START, "process-start") \
    X(EV_PROC_EXIT, "process-exit") X(EV_QUEUE_PUT, "queue-put") X(EV_QUEUE_GET, "queue-get") \
    X(EV_NOTIFY, "notify") X(EV_DEADLOCK, "deadlock") X(EV_TIMEOUT, "timeout") \
    X(EV_AWAIT, "await") X(EV_TIMER, "timer") X(EV_TASK_STEP, "task-step") \
    X(EV_LOOP_ITER, "loop-iteration") X(EV_SLEEP, "sleep")

typedef enum {
#define X(k, s) k,
    TRACE_EVENTS(X)
#undef X
    EV_COUNT
} TraceEventKind;

extern const char *const trace_event_name[EV_COUNT];

/* GIL drop kinds (EV_GIL_DROP's a) */
enum { DROP_FORCED, DROP_BLOCKING, DROP_EXIT, DROP_PREEMPTED };

/* 16 bytes: a run with a million task steps keeps millions of these. */
typedef struct TraceSeg {
    int64_t t;
    unsigned task : 21;   /* index in the task table (< TRACE_MAX_TASKS) */
    unsigned state : 4;   /* TaskState */
    unsigned core : 7;    /* TRACE_NO_CORE: not on a core */
    signed obj : 24;      /* object index, or the other task for joins; -1 none */
    unsigned reason : 8;  /* Reason */
} TraceSeg;

#define TRACE_MAX_TASKS ((1 << 21) - 1)
#define TRACE_MAX_OBJS ((1 << 23) - 1)
#define TRACE_NO_CORE 127

/* EV_PRINT: a = offset of the text in the program's stdout (stderr when
 * b < 0), b = its length (negated for stderr). */
typedef struct TraceEvent {
    int64_t t;
    int32_t task;      /* who, -1 for the system */
    uint16_t kind;     /* TraceEventKind */
    uint16_t proc;     /* process index */
    int32_t a, b;      /* meaning per kind */
    uint32_t seg;      /* how many segments were recorded before it */
} TraceEvent;

enum { TK_THREAD, TK_COROUTINE, TK_PROCESS_MAIN };

typedef struct TraceTask {
    char *name;
    int kind;          /* TK_* */
    int proc;          /* process index */
    int parent;        /* coroutine tasks: the loop's thread; else -1 */
    int opener;        /* coroutine tasks: the task whose nursery started it
                          (trio), shown under it; else -1 */
    int64_t created, ended;   /* ended -1 while alive */
    /* its latest state change, kept up to date for the front ends */
    int state, reason, obj;
    bool daemon;       /* here, in the padding after obj: 64 bytes a task */
    int64_t since;
} TraceTask;

enum { OBJ_LOCK, OBJ_RLOCK, OBJ_COND, OBJ_SEM, OBJ_EVENT, OBJ_BARRIER, OBJ_QUEUE, OBJ_THREAD,
       OBJ_PROCESS, OBJ_MPQUEUE, OBJ_PIPE, OBJ_FUTURE, OBJ_AIO, OBJ_OTHER };

typedef struct TraceObj {
    int kind;
    int proc;
    char *name;        /* a variable that refers to it, found when needed */
    int64_t created;
} TraceObj;

typedef struct TraceProc {
    char *name;
    int pid;
    int parent;        /* process index, -1 for the main process */
} TraceProc;

typedef struct Trace {
    /* the state changes and the events, packed (pack.c); read them with
     * trace_seg and trace_ev, count them with segs.n and evs.n */
    Pack segs, evs;
    BUF(TraceTask) tasks;
    BUF(TraceObj) objs;
    BUF(TraceProc) procs;
    BUF(char *) strs;  /* strings events refer to (exception messages) */
    BUF(char *) names; /* blocks holding the task names (a bump allocator) */
    char *names_next;  /* the free end of the last block */
    size_t names_left; /* and its size */
    int ncores;
    int64_t end;       /* virtual time the run ended */
    int64_t loop_iterations, task_steps; /* asyncio: event-loop iterations, task steps */
    /* bytes the segments and events may still take (the max_trace
     * setting): a loop that sleeps or locks millions of times records as
     * fast as it runs, and the host's memory is not the limit to meet.
     * When it is below 0 the scheduler and the VM stop the run; recording
     * goes on meanwhile, so the trace stays whole. */
    int64_t room;
    /* called after each record while set (debug.c): kind is the event's,
     * or -1 for a state change */
    void (*hook)(void *ctx, int kind, int task, int64_t at);
    void *hook_ctx;
    /* each task's place among the timeline's task rows (stats_label),
     * computed for rank_tasks tasks and rank_procs processes */
    int *rank;
    size_t rank_tasks, rank_procs;
} Trace;

Trace *trace_new(int ncores);
void trace_free(Trace *t);
/* A new task's index, or -1 past TRACE_MAX_TASKS. */
int trace_add_task(Trace *t, const char *name, int kind, int proc, int parent, bool daemon, int64_t at);
/* Each thread's coroutine tasks, in creation order but for a trio
 * nursery's children, which come right after the task that opened the
 * nursery (depth first), as linked lists over task indexes: first[k] is
 * thread k's first one, next[j] the one after j, -1 ending both.  The two
 * arrays are the caller's to free. */
void trace_children(const Trace *t, int **first, int **next);
/* How many openers above coroutine task j (0: started by its thread's
 * loop or the program), for its row's indentation. */
int trace_depth(const Trace *t, int j);
/* A task's new name (threading's Thread.name = ...). */
void trace_rename_task(Trace *t, int task, const char *name);
/* A new object's index, or -1 (an unnamed object) past TRACE_MAX_OBJS. */
int trace_add_obj(Trace *t, int kind, int proc, int64_t at);
int trace_add_proc(Trace *t, const char *name, int pid, int parent);
int trace_add_str(Trace *t, const char *s);
void trace_state(Trace *t, int64_t at, int task, int state, int core, int reason, int obj);
void trace_event(Trace *t, int64_t at, int task, int kind, int proc, int a, int b);
/* State change i (< segs.n) and event i (< evs.n), by value. */
TraceSeg trace_seg(const Trace *t, size_t i);
TraceEvent trace_ev(const Trace *t, size_t i);
/* The bytes the state changes and events take. */
size_t trace_bytes(const Trace *t);
/* FNV-1a over segments, events and the task table: equal runs, equal hash. */
uint64_t trace_hash(const Trace *t);
/* A readable name for object i: its variable name if one was found. */
const char *trace_obj_name(const Trace *t, int i, char *buf, size_t n);
const char *trace_obj_kind_name(int kind);

#endif
