/* tui_app.c - the queries on the UI's state that its loop (tui.c) and its
 * drawing (tui_draw.c) share (tui_app.h): kept apart from both so that
 * drawing never calls back into the loop. */
#include "tui_app.h"

#include <stdlib.h>
#include <string.h>

const int64_t tui_speeds[] = {
    1000, 2000, 5000, 10000, 20000, 50000, 100000, 200000, 500000,                  /* 1 us/s .. */
    1000000, 2000000, 5000000, 10000000, 20000000, 50000000, 100000000, 200000000, 500000000, /* 1 ms/s .. */
    1000000000LL, 2000000000LL, 5000000000LL, 10000000000LL, 20000000000LL, 60000000000LL,
};
const int tui_nspeeds = (int)(sizeof tui_speeds / sizeof *tui_speeds);

int64_t app_span(const App *a) { return sim_now(a->ref); }

int app_rows(const App *a) { return tlx_rows(a->idx); }

size_t app_events_before(const Trace *t, int64_t n)
{
    /* event j is record j + its seg: increasing in j */
    size_t lo = 0, hi = t->evs.n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if ((int64_t)(mid + trace_ev(t, mid).seg) < n) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

int64_t app_record_time(const App *a, int64_t i)
{
    const Trace *t = sim_trace(a->ref);
    size_t e = app_events_before(t, i);
    if (e < t->evs.n && (int64_t)(e + trace_ev(t, e).seg) == i) return trace_ev(t, e).t;
    size_t s = (size_t)i - e;
    return s < t->segs.n ? trace_seg(t, s).t : sim_now(a->ref);
}

bool app_same_run(const App *a)
{
    char *fp = session_fingerprint(a->ss);
    bool same = a->fingerprint && strcmp(fp, a->fingerprint) == 0;
    free(fp);
    return same;
}

int app_cursor_task(const App *a)
{
    if (a->cursor < 0 || a->cursor >= tlx_rows(a->idx)) return -1;
    const TlxRowInfo *ri = tlx_row(a->idx, a->cursor);
    switch (ri->kind) {
    case ROW_TASK:
    case ROW_NOTE: return ri->index;
    case ROW_LOOP: {
        int v = tlx_value_at(a->idx, a->cursor, a->now);
        return v >= 0 ? v : ri->index;
    }
    default: return tlx_value_at(a->idx, a->cursor, a->now);
    }
}
