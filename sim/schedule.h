/* schedule.h - runs that follow a schedule: `run --schedule`, `play
 * --schedule`, the REPL's `load --schedule`, and the challenge, where the
 * player is the scheduler.
 *
 * Such a run is a controlled one (sched.h): one task at a time, and at
 * each switch point where more than one task could run - a *choice*,
 * counted from 0 - the schedule says which.  Written down, a schedule
 * names only the choices that differ from what the model picks by itself
 * (the running task goes on, unless it has held the core for a switch
 * interval; when it blocks or ends, the task that waited longest):
 *
 *     g:2@3,1@9/14
 *
 * is the mode (g: switch points at the GIL's eval-breaker checks; o: at
 * every op, `preempt: every_op`; f: at every op without a GIL, `gil:
 * off`), then task@choice for each such choice (task by its number, as
 * the UI and `info tasks` show them: 0 is MainThread), then /N, the
 * number of choices the run has (left out, the run may have any).  "g:/5"
 * is the default schedule of a run with 5 choices. */
#ifndef IL_SCHEDULE_H
#define IL_SCHEDULE_H

#include "sim.h"

/* Make the loaded, not yet started S follow schedule `text`.  The
 * schedule's mode sets `preempt`; one made with another `gil` setting is
 * refused.  A run that does not fit it (an edited file, other settings)
 * stops with an error saying at which choice.  False with a message. */
bool schedule_follow(Sim *S, const char *text, char *err, size_t errn);

/* The challenge: run the choices moves[0..n) (task numbers), then - while
 * the task that ran can go on, if go_on (for at most 500 choices) - pause
 * at the next choice
 * (sim_run_until returns SIM_PAUSED, PauseInfo.why PAUSE_CHOICE), or as
 * soon as goal (a goal: line, NULL for none) holds.  False with a
 * message (a bad goal). */
bool schedule_play(Sim *S, const int *moves, int n, bool go_on, const char *goal, char *err, size_t errn);

/* The choice a paused run waits for. */
typedef struct ScheduleChoice {
    int index;               /* which choice of the run, from 0 */
    int cur;                 /* the task that ran up to here when it can go on, else -1 */
    int def;                 /* the task the model would pick */
    int n;                   /* tasks[0..n): the ones that may run, cur first */
    int tasks[64];
} ScheduleChoice;
/* False when S is not paused at a choice. */
bool schedule_pending(Sim *S, ScheduleChoice *out);

/* The tasks chosen at the run's choices so far, in a new array (*n of
 * them), for the challenge to go on from or undo. */
int *schedule_moves(Sim *S, int *n);
/* The tasks that ran one step (switch point to switch point) after
 * another, in a new array. */
int *schedule_steps(Sim *S, int *n);
/* The schedule of the run so far as text (a new string): with its number
 * of choices once the run has ended.  NULL when S does not follow one. */
char *schedule_text(Sim *S);
/* schedule_play with a goal: did it hold (now, or at the end)? */
bool schedule_goal_met(Sim *S);

/* The mode letter of a run with these settings: 'g', 'o' or 'f'. */
char schedule_mode(const Settings *set);

#endif
