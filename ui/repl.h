/* repl.h - the interactive debugger-style command line (`interleave`,
 * `interleave FILE`). */
#ifndef IL_REPL_H
#define IL_REPL_H

/* Run the REPL; path may be NULL.  Returns the process exit status. */
int repl_main(const char *path);

#endif
