/* tui_layout.c - the panes' rectangles (tui_layout.h).
 *
 * Normal mode: the timeline across the top, as tall as its rows want but
 * at most three fifths of the screen; under it the lesson's question, when
 * there is one; below them the source on the left and, on the right, the
 * event log above the program's output.  Presenter mode: the timeline with
 * its rows spaced out, the event log and the output side by side under it
 * (the output holds a scenario's punch line), the question at the bottom. */
#include "tui_layout.h"

#include <string.h>

static int clamp(int v, int lo, int hi) { return v < lo ? lo : v > hi ? hi : v; }

static Rect rect(int y, int x, int h, int w) { return (Rect){y, x, h, w}; }

void layout_compute(Layout *L, int w, int h, int timeline_rows, bool present, int qlines)
{
    memset(L, 0, sizeof *L);
    if (w < TUI_MIN_W || h < TUI_MIN_H) {
        L->too_small = true;
        return;
    }
    L->status = rect(h - 1, 0, 1, w);
    int avail = h - 1;
    if (present) {
        int qh = qlines > 0 ? clamp(qlines + 1, 3, clamp(avail / 4, 3, 10)) : 0;
        int rest = avail - qh;
        /* a blank line between rows: a projector's rows are told apart */
        int want = 2 * timeline_rows - 1 + TL_CHROME_LINES;
        int th = clamp(want, 6, rest - 4);
        if (th > rest * 3 / 5 && rest * 3 / 5 >= 6) th = rest * 3 / 5;
        int lw = w / 2;
        L->pane[PANE_TIMELINE] = rect(0, 0, th, w);
        L->pane[PANE_EVENTS] = rect(th, 0, rest - th, lw);
        L->pane[PANE_OUTPUT] = rect(th, lw + 1, rest - th, w - lw - 1);
        if (qh) L->pane[PANE_QUESTION] = rect(rest, 0, qh, w);
        return;
    }
    int want = timeline_rows + TL_CHROME_LINES;
    /* the question: its lines and a title, at most a quarter of the screen */
    int qh = qlines > 0 ? clamp(qlines + 1, 2, clamp(avail / 4, 2, 8)) : 0;
    if (avail - qh < 13) qh = qlines > 0 ? 2 : 0; /* a small screen: one line of it */
    if (avail - qh < 13) qh = 0;                  /* a tiny one: none (the timeline first) */
    /* the lower panes need 7 lines: a title and a few lines of each */
    int th = clamp(want, 6, (avail - qh) * 3 / 5);
    if (avail - qh - th < 7) th = avail - qh - 7;
    int bh = avail - qh - th;
    L->pane[PANE_TIMELINE] = rect(0, 0, th, w);
    if (qh) L->pane[PANE_QUESTION] = rect(th, 0, qh, w);
    /* source on the left (a column between), events over output on the right */
    int sw = w * 11 / 20;
    int rw = w - sw - 1;
    int oh = clamp(bh * 2 / 5, 3, bh - 3);
    int by = th + qh;
    L->pane[PANE_SOURCE] = rect(by, 0, bh, sw);
    L->pane[PANE_EVENTS] = rect(by, sw + 1, bh - oh, rw);
    L->pane[PANE_OUTPUT] = rect(by + bh - oh, sw + 1, oh, rw);
}
