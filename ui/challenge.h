/* challenge.h - `interleave challenge [N]`: levels in which the player is
 * the scheduler.  Each level is a scenario in scenarios/challenges/ whose
 * header has a goal: (sim/goal.h), hints and an explanation; the player
 * picks which task runs at every switch point where more than one could,
 * until the goal holds.  Won levels are remembered (progress.h). */
#ifndef IL_CHALLENGE_H
#define IL_CHALLENGE_H

int cmd_challenge(int argc, char **argv);

#endif
