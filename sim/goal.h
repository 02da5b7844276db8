/* goal.h - a challenge's goal: the `goal:` line of a scenario's header,
 * checked on a run as it goes (interleave challenge, and explore, which
 * says whether some schedule reaches it).
 *
 *     goal: stdout != "4\n"
 *     goal: deadlock
 *     goal: together 2 lines 14-16
 *     goal: exception IndexError or stdout contains "twice"
 *
 * A goal is conditions joined by `and`, `or` and `not`, with parentheses;
 * `and` binds tighter than `or`, and several goal: lines are joined by
 * `and`.  The conditions:
 *
 *   stdout == "TEXT"        the program's whole output, at the end (TEXT
 *   stdout != "TEXT"        in double quotes, with \n \t \" \\ escapes)
 *   stdout contains "TEXT"  the output so far holds TEXT
 *   deadlock                the run ends in a deadlock
 *   exception [NAME]        an exception escaped a thread (of class NAME)
 *   together N lines A-B    N tasks at once are somewhere in lines A..B
 *                           of the scenario (a frame of theirs is there),
 *                           at a switch point; `line A` for one line
 *   ends                    the run ends (a goal that only asks to finish)
 *
 * While the run goes, a condition about the end is not known yet: the
 * goal holds as soon as it is true whatever those turn out to be. */
#ifndef IL_GOAL_H
#define IL_GOAL_H

#include "sim.h"

typedef struct Goal Goal;
struct Task;

/* Parse a goal; NULL with a message in err. */
Goal *goal_parse(const char *text, char *err, size_t errn);
void goal_free(Goal *g);
/* Forget what was seen (for another run of the same goal). */
void goal_reset(Goal *g);
/* Look at the run now, at a switch point (or paused): does the goal hold
 * already?  Remembers what it saw (a `together` that held). */
bool goal_check_now(Goal *g, Sim *S);
/* The run has ended: does the goal hold? */
bool goal_check_end(Goal *g, Sim *S);
/* Which of the goal's line ranges (`together`, `line`; bit i for the
 * i-th, up to 32) task T is in now: an explorer orders the steps that
 * enter and leave them. */
uint32_t goal_where(Goal *g, Sim *S, struct Task *T);

#endif
