/* explore.h - every interleaving of a scenario within a preemption bound:
 * `interleave explore`.
 *
 * The scenario runs again and again as a controlled run (sched.h), each
 * time under another schedule: at every switch point, every task that
 * could run is tried, as long as the schedule stays within the bound (a
 * switch away from a task that could go on is a preemption; one because
 * it blocked or ended, or because it held the core for a switch interval,
 * is not).  Schedules that only reorder independent steps are not run: a
 * dynamic partial-order reduction (Flanagan and Godefroid's, with the
 * extra backtracking points of Coons et al.'s bounded variant) over what
 * each step reads and writes - globals, attributes, items, cells, the
 * objects passed to builtins (locks, queues, events...), the output - runs
 * another order only where two tasks' steps touch the same thing and one
 * of them writes it.  Each run's outcome (its output, exit status, and
 * deadlock or uncaught exceptions) is collected with how many schedules
 * led to it and one schedule (schedule.h) that reproduces it. */
#ifndef IL_EXPLORE_H
#define IL_EXPLORE_H

#include "sim.h"

typedef struct ExploreOptions {
    int preemptions;         /* the bound; -1: none */
    int64_t max_runs;        /* stop after this many runs */
    bool every_op;           /* switch points after every op (preempt: every_op) */
    bool no_reduction;       /* run every schedule in the bound (to check the reduction) */
    const char *goal;        /* a goal to look for (goal.h); NULL: the header's goal:, if any */
    bool until_goal;         /* stop at the first schedule in which it holds */
    /* called after each run, may be NULL; return false to stop early */
    bool (*progress)(void *ctx, int64_t runs);
    void *progress_ctx;
} ExploreOptions;

void explore_options_init(ExploreOptions *o);

typedef struct ExploreOutcome {
    char *out;               /* the program's stdout */
    size_t outn;
    int exit_status;         /* as `interleave run` would exit */
    bool deadlock;
    char *error;             /* uncaught exceptions, a deadlock or a limit, in words; NULL: none */
    int64_t count;           /* schedules that led here */
    char *schedule;          /* the first of them */
    bool goal;               /* the goal held in it */
} ExploreOutcome;

typedef struct ExploreResult {
    bool complete;           /* every schedule within the bound was covered */
    char stopped[200];       /* else why not */
    int64_t runs;            /* schedules run */
    int64_t pruned;          /* alternatives not run: they only reorder independent steps */
    int64_t beyond;          /* alternatives not run: past the preemption bound */
    int64_t steps;           /* switch points, over all runs */
    int max_preemptions;     /* the most any run used */
    ExploreOutcome *v;       /* the outcomes, most schedules first */
    int n;
    bool has_goal;
    char *goal_text;         /* the goal looked for */
    int64_t goal_runs;       /* schedules in which it held */
    char *goal_schedule;     /* the first of them, or NULL */
    char mode;               /* the schedules' mode letter */
} ExploreResult;

/* Explore the scenario at path with settings overrides sets.  False
 * when it does not load (err filled) or the goal is bad (err.msg). */
bool explore_run(const char *path, const char *const *sets, int nsets, const ExploreOptions *o, ExploreResult *r,
                 LoadError *err);
void explore_result_free(ExploreResult *r);

#endif
