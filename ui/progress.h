/* progress.h - what a learner has done, remembered between runs: one
 * file per kind of thing ("challenges"), in $XDG_STATE_HOME/interleave/
 * (else ~/.local/state/interleave/), one line per item done: its name, a
 * tab, and a note (a won challenge's schedule). */
#ifndef IL_PROGRESS_H
#define IL_PROGRESS_H

#include <stdbool.h>

/* The file of a kind (a new string), its directory made if need be; NULL
 * when there is no home for it. */
char *progress_path(const char *kind);
/* Is item done?  Its note in *note (a new string) when note is not NULL. */
bool progress_has(const char *kind, const char *item, char **note);
/* Mark item done (once; a later note replaces the earlier).  False when
 * the file cannot be written. */
bool progress_add(const char *kind, const char *item, const char *note);

#endif
