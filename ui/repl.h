/* repl.h - the interactive debugger-style command line (`interleave`,
 * `interleave FILE`), and its commands for the UI's `:`. */
#ifndef IL_REPL_H
#define IL_REPL_H

#include "session.h"

#include <stdio.h>

/* Run the REPL; path (may be NULL) is loaded with the KEY=VALUE settings
 * in sets.  Returns the process exit status. */
int repl_main(const char *path, char **sets, int nsets);

/* The commands on a session the caller owns (the UI's `:`). */
typedef struct Repl Repl;
Repl *repl_new(Session *ss);
void repl_free(Repl *r);
/* Run one command line, writing to f.  False when it asked to quit. */
bool repl_exec(Repl *r, const char *line, FILE *f);

#endif
