/* tui.h - the ncurses UI: the run unfolding on a timeline, with the
 * source, the program's output and the events in words.
 * `interleave play FILE`, `interleave lesson N`, and the REPL's `ui`. */
#ifndef IL_TUI_H
#define IL_TUI_H

#include "lesson.h"
#include "session.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* The `:` commands.  The caller gives them (the REPL's: repl.h), so the
 * UI does not depend on the REPL that opens it. */
typedef struct TuiCommands {
    void *(*open)(Session *ss);              /* commands on the UI's session */
    bool (*exec)(void *cmds, const char *line, FILE *out); /* false: quit */
    void (*close)(void *cmds);
} TuiCommands;

typedef struct TuiOptions {
    bool color;              /* false: --no-color or NO_COLOR */
    bool ascii;              /* --ascii, or a locale that is not UTF-8 */
    bool present;            /* --present: presenter mode */
    const Lesson *lesson;    /* a lesson is running (its scenarios, its text) */
    char **sets;             /* KEY=VALUE settings (--set, --cores...) */
    int nsets;
    char *schedule;          /* --schedule: the run follows it (owned), or NULL */
    int bench_frames;        /* --bench-draw N: draw N frames headless, print the time */
    const TuiCommands *cmds; /* what `:` runs; NULL: nothing */
} TuiOptions;

void tui_options_init(TuiOptions *o);
void tui_options_free(TuiOptions *o);
/* Take one command-line option of play/lesson at argv[i] (with its value
 * at argv[i + 1] when it needs one): the number of arguments used, 0 when
 * argv[i] is not such an option, -1 (message printed) when it is bad. */
int tui_option(TuiOptions *o, int argc, char **argv, int i);

/* Can this terminal show the UI?  If not, why (in why) - for a message
 * before falling back to the REPL or to text. */
bool tui_available(char *why, size_t n);

/* The UI on scenario path (or, with o->bench_frames, the draw benchmark);
 * returns the exit status. */
int tui_play(const char *path, const TuiOptions *o);
/* The UI on a loaded session, from its current instant; when it returns,
 * the session is at the UI's instant.  cmds (opened by the caller with
 * o->cmds) runs the `:` commands.
 * Returns 0, or -1 with why when the terminal could not be set up. */
int tui_session(Session *ss, void *cmds, const TuiOptions *o, char *why, size_t n);

#endif
