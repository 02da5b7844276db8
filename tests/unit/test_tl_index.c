/* test_tl_index.c - the UI's timeline summariser (ui/tl_index.h) gives the
 * rows and cells of stats_timeline_build() (sim/stats.h), for every scenario,
 * fed the trace in pieces as the UI feeds it. */
#include "check.h"
#include "../../sim/debug.h"
#include "../../sim/sim.h"
#include "../../ui/tl_index.h"

#include <glob.h>
#include <stdio.h>
#include <stdlib.h>

/* Time task k spends in state st during [bs, be), from the raw segments. */
static int64_t state_time(const Trace *t, int k, int st, int64_t bs, int64_t be)
{
    int64_t sum = 0, since = 0;
    int cur = -1;
    for (size_t i = 0; i <= t->segs.n; i++) {
        bool end = i == t->segs.n;
        TraceSeg g = end ? (TraceSeg){0} : trace_seg(t, i);
        if (!end && (int)g.task != k) continue;
        int64_t now = end ? t->end : g.t;
        if (cur == st) {
            int64_t a = since > bs ? since : bs, b = now < be ? now : be;
            if (b > a) sum += b - a;
        }
        if (!end) {
            cur = (int)g.state;
            since = now;
        }
    }
    return sum;
}

/* Run path, giving the index the trace every `chunk` records. */
static Sim *run_in_pieces(const char *path, TlIndex *x, int64_t chunk)
{
    Sim *S = sim_new();
    LoadError le;
    if (!sim_load(S, path, NULL, 0, &le)) {
        FAILF("%s: %s", path, le.msg);
        sim_free(S);
        return NULL;
    }
    bool gil = sim_settings(S)->v[SET_gil] == 1;
    for (;;) {
        StopAt st = sim_stop_none();
        st.records = sim_position(S).records + chunk;
        SimStatus r = sim_run_until(S, &st);
        tlx_update(x, sim_trace(S), gil);
        if (r != SIM_PAUSED) break;
    }
    return S;
}

static void compare_window(const char *path, const Trace *t, TlIndex *x, int64_t from, int64_t to, int width, bool gil)
{
    Timeline *tl = stats_timeline_build(t, from, to, width, gil);
    if (!CHECK_EQ_INT(tlx_rows(x), tl->nrows)) {
        stats_timeline_free(tl);
        return;
    }
    int32_t *cells = malloc((size_t)width * sizeof *cells);
    double bw = (double)(to - from) / width;
    for (int r = 0; r < tl->nrows; r++) {
        const TlxRowInfo *ri = tlx_row(x, r);
        CHECK_EQ_INT(ri->kind, tl->rows[r].kind);
        CHECK_EQ_STR(ri->label, tl->rows[r].label);
        tlx_cells(x, r, from, to, width, t->end, cells);
        for (int c = 0; c < width; c++) {
            int want = tl->rows[r].cells[c], got = cells[c];
            if (want == got) continue;
            int64_t bs = from + (int64_t)(c * bw), be = from + (int64_t)((c + 1) * bw);
            if (be <= bs) be = bs + 1;
            /* a tie between two states, broken the other way, is fine */
            if (ri->kind == ROW_TASK && want >= 0 && got >= 0 &&
                state_time(t, ri->index, want, bs, be) == state_time(t, ri->index, got, bs, be))
                continue;
            /* a busy bucket with many switches names one of its tasks */
            if (ri->kind != ROW_TASK && want >= 0 && got >= 0) continue;
            FAILF("%s: row '%s' cell %d of %d in [%lld, %lld): stats_timeline_build %d, index %d", path, ri->label, c, width,
                  (long long)from, (long long)to, want, got);
            r = tl->nrows;
            break;
        }
    }
    free(cells);
    stats_timeline_free(tl);
}

static void test_matches_timeline_build(void)
{
    glob_t g;
    if (glob("scenarios/*.py", 0, NULL, &g) != 0 || g.gl_pathc == 0) {
        FAILF("no scenarios/*.py (run from the top of the tree)");
        return;
    }
    for (size_t i = 0; i < g.gl_pathc; i++) {
        TlIndex *x = tlx_new();
        Sim *S = run_in_pieces(g.gl_pathv[i], x, 499);
        if (S) {
            const Trace *t = sim_trace(S);
            bool gil = sim_settings(S)->v[SET_gil] == 1;
            int64_t end = t->end > 0 ? t->end : 1;
            compare_window(g.gl_pathv[i], t, x, 0, end, 200, gil);
            compare_window(g.gl_pathv[i], t, x, 0, end, 37, gil);
            compare_window(g.gl_pathv[i], t, x, end / 3, end / 3 + end / 50 + 1, 80, gil);
            sim_free(S);
        }
        tlx_free(x);
    }
    globfree(&g);
}

/* Buckets after the playhead are the future; the one holding it counts
 * only what happened before it. */
static void test_future_cells(void)
{
    TlIndex *x = tlx_new();
    Sim *S = run_in_pieces("scenarios/02_interleaving_one_core.py", x, 100000);
    if (S) {
        const Trace *t = sim_trace(S);
        int32_t cells[10];
        int64_t half = t->end / 2;
        int row = -1;
        for (int r = 0; r < tlx_rows(x); r++)
            if (tlx_row(x, r)->kind == ROW_CORE) row = r;
        CHECK(row >= 0);
        tlx_cells(x, row, 0, t->end, 10, half, cells);
        CHECK(cells[4] != TLX_FUTURE);
        for (int c = 5; c < 10; c++) CHECK_EQ_INT(cells[c], TLX_FUTURE);
        CHECK(tlx_value_at(x, row, half) >= -1);
        sim_free(S);
    }
    tlx_free(x);
}

const TestCase tl_index_tests[] = {
    {"tl_index_matches_timeline_build", test_matches_timeline_build},
    {"tl_index_future_cells", test_future_cells},
    TEST_END,
};
