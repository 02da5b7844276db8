/* repl.h - the interactive debugger-style command line (`interleave`,
 * `interleave FILE`), and its commands for the UI's `:`. */
#ifndef IL_REPL_H
#define IL_REPL_H

#include "tui.h"

#include <stdio.h>

/* Run the REPL; path (may be NULL) is loaded with the KEY=VALUE settings
 * in sets.  Returns the process exit status. */
int repl_main(const char *path, char **sets, int nsets);
/* repl_main, the run following schedule (schedule.h; NULL: none). */
int repl_main_schedule(const char *path, char **sets, int nsets, const char *schedule);

/* The REPL's commands on a session the caller owns, for the UI's `:`. */
extern const TuiCommands repl_commands;

#endif
