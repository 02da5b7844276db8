/* sched.h - the deterministic scheduler: virtual cores, an OS scheduler
 * (round-robin with a quantum), one GIL per process, blocking and waking,
 * timers, deadlock detection.  Internal to sim/.
 *
 * Time: each core has its own clock; the scheduler always advances the
 * running core whose clock is smallest, never past the next timer, and
 * never more than one op past another running core - so ops on different
 * cores interleave in virtual-time order.
 *
 * Ties are broken by a fixed rule: at equal times timers fire before any op
 * runs; timers fire in the order (time, kind, creation sequence) with the
 * kinds ordered as in EventKind below; among cores, the lower core number
 * runs first.  With `jitter` > 0, waiter choice and costs vary, drawn from
 * the scenario's seed. */
#ifndef IL_SCHED_H
#define IL_SCHED_H

#include "vm.h"
#include "trace.h"

/* A FIFO of blocked tasks. */
typedef struct WaitQ {
    Task **v;
    size_t n, cap;
} WaitQ;

/* Timer kinds, in tie-break order. */
typedef enum {
    SE_WAKE,          /* a sleeper's time is up / a woken waiter becomes runnable */
    SE_TIMEOUT,       /* a blocking call's timeout */
    SE_START,         /* a new thread or process has paid its start cost */
    SE_GIL_HANDOFF,   /* the chosen GIL waiter wakes to take the GIL */
    SE_GIL_TIMER,     /* a GIL waiter's switch interval elapsed */
    SE_CALLBACK,      /* a native callback (queue latency, asyncio timers...) */
} EventKind;

typedef struct SchedTask {
    int state;            /* TaskState */
    int reason;           /* Reason */
    int obj;              /* trace object the task waits on, or -1 */
    int core;             /* -1 when not on a core */
    int tid;              /* index in the trace's task table */
    int64_t since;        /* when the current state began */
    int64_t time_in[TS_COUNT];
    bool wants_gil;       /* must take its process's GIL before running */
    bool forced;          /* dropped the GIL on request: waits for a switch */
    bool gil_waiting;     /* in its process's GIL waiter queue */
    uint64_t gil_wait_switch; /* switch number when the current interval began */
    bool interval_deferred;   /* forced off: the interval starts at the next switch */
    uint32_t gil_timer_seq;
    WaitQ *waitq;         /* the queue it is blocked in, if any */
    uint32_t wait_seq;    /* bumps each block, invalidating old timeouts */
    bool timed_out;       /* its last wait ended by timeout */
    bool daemon, started, done, died, is_thread;
    bool exit_waiting_children; /* a main thread waiting for child processes */
    WaitQ start_waiters;  /* blocked in Thread.start() until this one runs */
    WaitQ joiners;
    Task *waits_for;      /* the lock holder / joined thread it waits for */
    /* the state a blocking native asked for, applied when vm_run returns */
    int pending_state, pending_reason, pending_obj;
    int64_t slice_start;  /* when it got its core (quantum accounting) */
    int64_t ran;          /* virtual time spent running bytecode */
    int64_t *opcost;      /* per-task op costs when jitter varies them */
    /* process main threads: when the base frame returns, set up the next
     * stage (spawn: module, then the target) and return true to go on */
    int (*on_base_done)(Task *T);  /* 1 go on, 0 exit, -1 exit with T->exc */
    int stage;            /* where a process main thread is (PS_*) */
    bool atexit_done;     /* a main thread ran threading's atexit callbacks */
    bool hook_done;       /* a thread handed its exception to threading.excepthook */
} SchedTask;

typedef struct ProcSched {
    Task *gil_holder;
    Task *last_holder;    /* CPython's gil->last_holder */
    bool drop_request;
    uint64_t switch_no;   /* counts GIL handoffs (CPython's gil->switch_number) */
    WaitQ gil_waiters;
    Task *handoff;        /* waiter signalled to take the GIL (timer pending) */
    int tid;              /* trace process index */
    Task *main;
    WaitQ exit_waiters;   /* the main thread waiting for non-daemon threads */
    int exitcode;
    bool exited;
    int64_t gil_switches, forced_switches;
    WaitQ joiners;        /* Process.join() callers */
    bool bootstrapping;   /* spawn: re-running the main module */
    Value process_obj;    /* its multiprocessing.Process object (in its heap) */
    Value owner_obj;      /* the Process object its parent started it with (in the parent's heap) */
    int signal;           /* a terminate()/kill() on its way: the signal, 0 none */
    Value snapshot;       /* spawn: the pickled Process object in transit */
} ProcSched;

enum { PS_MODULE, PS_UNPICKLE, PS_RUN };

/* ---- used by natives ---- */

/* time.sleep(ns): the task sleeps (sleep_slack late); NAT_BLOCK. */
int sched_sleep(Task *T, int64_t ns);
/* A run loop's idle wait for exactly ns, with the reason the timeline
 * shows (R_*). */
int sched_sleep_for(Task *T, int64_t ns, int reason);
/* Block T on q until woken or until deadline (-1: none).  Returns NAT_RETRY:
 * the call runs again when T wakes (T->retry > 0, T->st->timed_out). */
int sched_block(Task *T, WaitQ *q, int reason, int obj, int64_t deadline);
/* Wake the first / every task blocked on q. */
bool sched_wake_one(Sim *S, WaitQ *q, Task *by, int obj);
void sched_wake_all(Sim *S, WaitQ *q, Task *by, int obj);
void sched_waitq_remove(WaitQ *q, Task *T);
/* The deadline of a timeout argument in seconds (None/-1: none). */
int sched_deadline(Task *T, Value timeout, int64_t *deadline);
/* Record a point event at the task's time. */
void sched_event(Task *T, int kind, int a, int b);
int sched_new_obj(Task *T, int kind);

/* Threads and processes (threads.c, proc.c).  NULL when the trace's task
 * table is full (TRACE_MAX_TASKS). */
Task *sched_new_thread(Sim *S, Proc *P, const char *name, bool daemon, int64_t at);
#define TOO_MANY_TASKS "can't start new thread: the simulator's trace holds at most 2097151 tasks"
void sched_start_task(Sim *S, Task *T, int64_t at, int64_t cost, int reason);
Proc *sched_new_proc(Sim *S, Proc *parent, const char *name);
/* Are max_processes processes alive (starting one more fails)? */
bool sched_procs_full(Sim *S);
/* A child that could not be started: it never existed as far as anyone
 * waits for it. */
void sched_proc_abandon(Sim *S, Proc *P);
Task *sched_current(Sim *S);
int64_t sched_now(Sim *S);
/* A one-shot native callback at time `at` (mp queue latency, asyncio). */
typedef void (*SchedCallback)(Sim *S, Value data, int64_t at);
void sched_callback(Sim *S, int64_t at, SchedCallback fn, Value data);

/* Processes (proc.c). */
/* Is a child of P still running (its daemonic ones too, or not)? */
bool proc_children_alive(Sim *S, Proc *P, bool daemons);
void proc_exited(Sim *S, Proc *P, int64_t at);
void sched_child_exited(Sim *S, Proc *parent, int64_t at);
/* End process P now (its main thread is done). */
void sched_proc_exit(Sim *S, Proc *P, int64_t at);
/* Send signal sig (15 SIGTERM, 9 SIGKILL) to P at time at: P ends with
 * exit code -sig when it lands, signal_latency later. */
void sched_proc_signal(Sim *S, Proc *P, int sig, int64_t at);
void sched_stats(Sim *S, int64_t *busy, int ncores, uint64_t *ctx_switches);

/* ---- controlled runs (explore, schedule replay, the challenge) ----
 *
 * With a SchedChoice installed (before the run starts), the scheduler runs
 * one task at a time and asks it, at every switch point, which task runs
 * next.  Switch points are those of the model in force: with the GIL, the
 * running thread's eval-breaker checks (backward jumps, calls), with
 * `preempt: every_op` or `gil: off` every op; and, without a choice to
 * make, wherever the running task blocks or ends.  Wake-ups take no time
 * (the woken task can run at the next switch point), no time slice or
 * switch interval forces a switch, and a GIL waiter gets the GIL when it
 * is chosen.  Virtual time still passes with every op, so sleeps, timeouts
 * and start costs end when they would. */
typedef struct SchedChoice {
    /* Which of cands[0..n) runs next (n >= 1).  cur: the task that ran up
     * to this switch point when it could go on (then cands[0] == cur), or
     * NULL.  def: the index the model picks by itself (cur, unless it has
     * held the core for a switch interval while others wait: then the next
     * one round the tasks; without cur, the one waiting longest).
     * Returns an index, SCHED_PAUSE to pause the run here (sched_run
     * returns false and asks again when resumed), or SCHED_STOP after
     * setting S->fatal. */
    int (*pick)(Sim *S, void *ctx, Task *cur, Task *const *cands, int n, int def);
    /* T will run again after being blocked, or was created: what the
     * running (or last) task did came first.  May be NULL. */
    void (*edge)(Sim *S, void *ctx, Task *T);
    /* The run has ended (not paused); may set S->fatal.  May be NULL. */
    void (*end)(Sim *S, void *ctx);
    /* At sim_free: free ctx (which may hold this struct).  May be NULL. */
    void (*free)(void *ctx);
    void *ctx;
} SchedChoice;
enum { SCHED_PAUSE = -1, SCHED_STOP = -2 };
void sched_set_choice(Sim *S, const SchedChoice *c);
const SchedChoice *sched_get_choice(Sim *S);
bool sched_controlled(Sim *S);
/* Does every op end a step in a controlled run (every_op, or no GIL)? */
bool sched_every_op(Sim *S);

/* ---- used by sim.c ---- */
void sched_init(Sim *S);
/* INTERLEAVE_DUMP_TRACE: the trace on stderr, for debugging the simulator. */
void sched_debug_dump(Sim *S);
/* Run until the end (true) or a pause (false: call again to go on). */
bool sched_run(Sim *S);
/* The virtual time the run has reached. */
int64_t sched_time(Sim *S);
/* For the front ends: cores, and pending timers (one per line, each
 * starting with its time in ns). */
int sched_ncores(Sim *S);
Task *sched_core(Sim *S, int i, int64_t *busy);
void sched_timers(Sim *S, SBuf *out);
/* When T's pending timer of this kind fires, or -1. */
int64_t sched_timer_of(Sim *S, Task *T, int kind);


/* scheduler internals shared with gil.c */
void sched_set_state(Sim *S, Task *T, int state, int reason, int obj, int64_t at);
void sched_make_ready(Sim *S, Task *T, int reason, int64_t at);
void sched_timer(Sim *S, int64_t at, int kind, Task *T, int64_t a);
uint64_t sched_rand(Sim *S);

#endif
