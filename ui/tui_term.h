/* tui_term.h - the terminal under the UI: setting curses up and always
 * restoring it (on quit, Ctrl-C, SIGTERM, a crash or a fatal error), the
 * colour palette and the glyphs. */
#ifndef IL_TUI_TERM_H
#define IL_TUI_TERM_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

/* Can the UI run here?  No when stdin/stdout is not a terminal, TERM is
 * unset or dumb, or the terminal cannot address the cursor. */
bool term_usable(char *why, size_t n);

/* Take the terminal (curses on, our signal handlers in).  headless: draw
 * into /dev/null (the draw benchmark).  False with why on failure. */
bool term_open(bool color, bool ascii, bool headless, char *why, size_t n);
/* Give it back; safe to call twice, and from a signal handler's path. */
void term_close(void);
/* Ctrl-C was pressed since the last call. */
bool term_interrupted(void);
/* Whether sig's default action ends the process and it can be caught:
 * all but SIGKILL, SIGSTOP and those ignored or stopping by default; the
 * real-time signals too.  term_open catches each (SIGINT apart) to give
 * the terminal back first; the REPL's anchor (snap.c) to end its family. */
bool term_signal_ends(int sig);

/* What the palette and glyphs are. */
bool term_color(void);
bool term_ascii(void);

/* Things drawn, each a glyph (a UTF-8 or ASCII string) and attributes. */
enum {
    G_STATE,                 /* + the trace state (ST_*) */
    G_CORE = G_STATE + 9,    /* a core running a task */
    G_GIL,                   /* a GIL held */
    G_LOOP,                  /* an event loop running a coroutine */
    G_STDERR,                /* the program's stderr */
    G_TITLE,                 /* a pane's title bar */
    G_TITLE_FOCUS,           /* the focused pane's */
    G_CURSOR,                /* the row under the cursor */
    G_DIM,                   /* line numbers, times */
    G_PLAYHEAD,              /* the playhead mark on the axis */
    G_HILITE,                /* the latest event, a task's current line */
    G_TASK,                  /* + task % TERM_TASK_HUES: who a core, GIL or loop serves */
    G_COUNT = G_TASK + 6
};
#define TERM_TASK_HUES 6
attr_t term_attr(int g);
/* The colour of task k on core, GIL and loop rows: neighbouring tasks
 * differ, not only by their label. */
attr_t term_task_attr(int k);
/* A state's glyph; state -1 or out of range: a blank. */
const char *term_state_glyph(int state);

/* Frame pieces that differ between UTF-8 and ASCII. */
typedef struct Chrome {
    const char *vline, *hline, *tick, *playhead, *play, *pause, *ellipsis, *corner;
} Chrome;
const Chrome *term_chrome(void);

/* Text in cells.  term_fit: the bytes of the first `cols` characters of
 * s (UTF-8), stopping at a newline, with the columns taken in *used;
 * term_put: at most w columns of s at (y, x), tabs as spaces, control
 * characters skipped, other bytes above 127 as '?' in ASCII mode; the
 * columns used.  term_fill: w blank cells. */
size_t term_fit(const char *s, size_t len, int cols, int *used);
int term_put(int y, int x, int w, const char *s, size_t len, attr_t at);
int term_puts_at(int y, int x, int w, const char *s, attr_t at);
void term_fill(int y, int x, int w, attr_t at);

#endif
