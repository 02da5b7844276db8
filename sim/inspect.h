/* inspect.h - looking at a paused (or finished) run, for the REPL and the
 * UI: tasks, cores, GILs, synchronisation objects, timers, and the values
 * of variables.  Nothing here changes the run. */
#ifndef IL_INSPECT_H
#define IL_INSPECT_H

#include "sim.h"

typedef struct TaskView {
    int tid;                 /* its index in the trace's task table */
    const char *name;
    bool coroutine;          /* an asyncio task (parent: its loop's thread) */
    int parent;
    int proc;                /* process index */
    int state;               /* TaskState (trace state numbering) */
    const char *reason;      /* why, in words ("waits for a lock") */
    char waits[200];         /* about what: "lock a, held by Thread-1"; "" */
    int64_t since;           /* when the state began */
    const char *file;        /* where it is in the source, or NULL */
    int line;
    int core;                /* the core it runs on, or -1 */
} TaskView;

int sim_task_count(Sim *S);
bool sim_task_view(Sim *S, int tid, TaskView *out);
/* A task by number ("3"), name ("Thread-1"), or label with the target
 * ("Thread-1 (worker)"), or a name's unique prefix; -1 if none. */
int sim_find_task(Sim *S, const char *name);

int sim_core_count(Sim *S);
/* The trace task running on core i, or -1; its busy time so far. */
int sim_core_task(Sim *S, int i, int64_t *busy);

typedef struct GilView {
    bool on;
    int holder;              /* trace task, or -1 */
    bool drop_request;       /* a waiter asked the holder to drop it */
    int waiters[16];
    int nwaiters;
    int64_t switches, forced;
} GilView;

int sim_proc_count(Sim *S);
const char *sim_proc_name(Sim *S, int p);
void sim_gil_view(Sim *S, int p, GilView *out);

/* Locks, conditions, semaphores, events, barriers and queues reachable
 * from variables, one line each ("Lock a: locked by Thread-1, 1
 * waiting"); kinds: 'l' locks and friends, 'q' queues. */
void sim_objects(Sim *S, char kind, SBuf *out);

/* Pending timers in time order, one line each ("12.000 ms  Thread-1
 * wakes from time.sleep"). */
void sim_timers(Sim *S, SBuf *out);

/* The first line at or after `line` of the scenario that has code, or -1. */
int sim_code_line(Sim *S, int line);

/* The main process's global variable names, one per line (completion). */
void sim_global_names(Sim *S, SBuf *out);

/* The main process's global variables that hold data, one "name = value"
 * line each, with values shown without running any Python code (an
 * instance of a class as <Name>, long values cut short). */
void sim_globals_brief(Sim *S, SBuf *out);

/* What thread task tid does next, in words ("calls one()", "stores
 * counter", "loops back"), and the simple values its frame holds on its
 * operand stack ("holds 0"), for the challenge; nothing for a task that
 * is not in the scenario's code. */
void sim_task_next(Sim *S, int tid, SBuf *out);

/* Why task tid is in its state now, in words (a paragraph). */
void sim_explain(Sim *S, int tid, SBuf *out);

/* Evaluate expr (a Python expression) in task tid's scope - its frame's
 * locals, then its process's globals - and append its repr, or the
 * error, to out.  This runs Python code and so may change the run: a
 * front end calls it in a forked copy of the process. */
bool sim_eval(Sim *S, int tid, const char *expr, SBuf *out);
/* the ops an expression of sim_eval may run */
#define SIM_EVAL_OPS 10000000

#endif
