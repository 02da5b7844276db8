/* stats.h - statistics computed from a trace, and the timeline summary the
 * front ends draw (rows of time buckets). */
#ifndef IL_STATS_H
#define IL_STATS_H

#include "trace.h"


typedef struct TaskStats {
    int64_t t[TS_COUNT];     /* time spent in each state */
    int switches;            /* times it got a core */
} TaskStats;

typedef struct Stats {
    int64_t elapsed;
    int ntasks;
    TaskStats *tasks;        /* indexed like the trace's task table */
    int ncores;
    int64_t *core_busy;      /* time each core ran a task */
    int64_t gil_handoffs;    /* the GIL passed from one thread to another */
    int64_t forced_switches; /* drops on a drop request */
    int64_t context_switches;
    int64_t running_total;   /* sum of running time over threads */
    int64_t loop_iterations; /* asyncio event-loop iterations */
    int64_t task_steps;      /* asyncio task steps (switches between coroutines) */
    double parallelism;      /* running_total / elapsed: the average number of busy cores */
} Stats;

Stats *stats_compute(const Trace *t);
void stats_free(Stats *s);

/* ---- the timeline summary ---- */

/* cores, GILs, tasks; an event loop's running task; a note ("N more") */
enum { ROW_CORE, ROW_GIL, ROW_TASK, ROW_LOOP, ROW_NOTE };
/* Coroutine task rows shown under a thread; the rest are counted. */
#define TL_MAX_CHILD_ROWS 24

typedef struct TlRow {
    int kind;                /* ROW_* */
    int index;               /* core number, process index, or task index */
    char label[64];
    int16_t *cells;          /* ROW_TASK: a state (-1 absent); others: task index (-1 idle) */
} TlRow;

typedef struct Timeline {
    int64_t from, to;        /* the window */
    int width;               /* cells per row */
    int nrows;
    TlRow *rows;
} Timeline;

/* Summarise [from, to) into width buckets: each cell shows what took most
 * of its bucket.  Rows: each core, each process's GIL (when gil), each task
 * grouped by process (coroutine tasks after their loop's thread). */
Timeline *stats_timeline_build(const Trace *t, int64_t from, int64_t to, int width, bool gil);
void stats_timeline_free(Timeline *tl);
/* The one-character label of the i-th row: 0-9, A-Z, a-z, then '*'. */
char stats_task_label(int i);
/* Task k's label: its row's (the rows go by process, each thread followed
 * by its coroutine tasks), so the labels read in order down the timeline.
 * A task created later may move the labels of the rows after its own. */
char stats_label(const Trace *t, int k);
/* A task's name as rows and tables show it: "Process-1/MainThread" when
 * there is more than one process. */
void stats_task_name(const Trace *t, int k, char *buf, size_t n);
/* The row label of coroutine task j under its loop's row: "3   Task-3
 * (fetch)"; the tasks asyncio.run() makes for its own shutdown
 * (shutdown_asyncgens, shutdown_default_executor) are marked as the
 * loop's: "5   loop: asyncgens", "6   loop: executor". */
void stats_child_label(const Trace *t, int j, char *buf, size_t n);
/* The same as a string, valid until four more calls (for messages). */
const char *stats_task_str(const Trace *t, int k);

#endif
