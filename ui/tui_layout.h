/* tui_layout.h - where the UI's panes go on a screen of a given size.
 * Pure arithmetic (no curses), so it is tested in-process. */
#ifndef IL_TUI_LAYOUT_H
#define IL_TUI_LAYOUT_H

#include <stdbool.h>

/* The smallest screen the UI draws on; below it, a "too small" message. */
#define TUI_MIN_W 50
#define TUI_MIN_H 14

enum { PANE_TIMELINE, PANE_SOURCE, PANE_EVENTS, PANE_OUTPUT, PANE_QUESTION, PANE_COUNT };

typedef struct Rect {
    int y, x, h, w;          /* h == 0: not shown */
} Rect;

typedef struct Layout {
    bool too_small;
    Rect pane[PANE_COUNT];   /* each pane's first line is its title bar */
    Rect status;             /* the status line, at the bottom */
} Layout;

/* Lay out a w x h screen.  timeline_rows: the rows the timeline would like
 * (cores, GILs, tasks); present: presenter mode (no source; timeline rows
 * a line apart); qlines: the lines the lesson's question would like (0: no
 * question pane). */
void layout_compute(Layout *L, int w, int h, int timeline_rows, bool present, int qlines);

/* The timeline pane's lines around its rows: title, two axis lines, legend. */
#define TL_CHROME_LINES 4

#endif
