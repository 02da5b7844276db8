/* tui_layout.c - the panes' rectangles (tui_layout.h).
 *
 * Normal mode: the timeline across the top, as tall as its rows want but
 * at most three fifths of the screen; below it the source on the left and,
 * on the right, the event log above the program's output.  Presenter mode:
 * the timeline and the event log only, the lesson's text under them. */
#include "tui_layout.h"

#include <string.h>

static int clamp(int v, int lo, int hi) { return v < lo ? lo : v > hi ? hi : v; }

static Rect rect(int y, int x, int h, int w) { return (Rect){y, x, h, w}; }

void layout_compute(Layout *L, int w, int h, int timeline_rows, bool present, bool lesson)
{
    memset(L, 0, sizeof *L);
    if (w < TUI_MIN_W || h < TUI_MIN_H) {
        L->too_small = true;
        return;
    }
    L->status = rect(h - 1, 0, 1, w);
    int avail = h - 1;
    int want = timeline_rows + TL_CHROME_LINES;
    if (present) {
        int lh = lesson ? clamp(avail / 4, 4, 10) : 0;
        int rest = avail - lh;
        int th = clamp(want, 6, rest * 2 / 3);
        L->pane[PANE_TIMELINE] = rect(0, 0, th, w);
        L->pane[PANE_EVENTS] = rect(th, 0, rest - th, w);
        if (lh) L->lesson = rect(rest, 0, lh, w);
        return;
    }
    /* the lower panes need 7 lines: a title and a few lines of each */
    int th = clamp(want, 6, avail * 3 / 5);
    if (avail - th < 7) th = avail - 7;
    int bh = avail - th;
    L->pane[PANE_TIMELINE] = rect(0, 0, th, w);
    /* source on the left (a column between), events over output on the right */
    int sw = w * 11 / 20;
    int rw = w - sw - 1;
    int oh = clamp(bh * 2 / 5, 3, bh - 3);
    L->pane[PANE_SOURCE] = rect(th, 0, bh, sw);
    L->pane[PANE_EVENTS] = rect(th, sw + 1, bh - oh, rw);
    L->pane[PANE_OUTPUT] = rect(th + bh - oh, sw + 1, oh, rw);
}
