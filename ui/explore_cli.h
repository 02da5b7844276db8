/* explore_cli.h - `interleave explore`: every outcome of a scenario within
 * a preemption bound, as text for a person or as JSON. */
#ifndef IL_EXPLORE_CLI_H
#define IL_EXPLORE_CLI_H

int cmd_explore(int argc, char **argv);

#endif
