/* tl_index.c - the timeline summary, kept up to date record by record
 * (tl_index.h).
 *
 * Each row is a series of points (t, v): the row's value is v from t until
 * the next point.  Values: a state for task rows, a task for core, GIL and
 * event-loop rows, -1 for nothing.  Every TLX_CHECK points the series also
 * stores the time spent so far in each class (a state; or "busy" for the
 * other rows), so the time per state in any window is a difference of two
 * running totals. */
#include "tl_index.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    TLX_CHECK = 32, /* points between running totals */
    TLX_WALK = 24,  /* buckets crossing at most this many points are walked exactly */
};

typedef struct Pt {
    int64_t t;
    int32_t v;
} Pt;

typedef struct Series {
    BUF(Pt) pts;
    BUF(int64_t) cum;   /* per checkpoint k, ncls totals before pts[k * TLX_CHECK].t */
    int ncls;           /* TS_COUNT for task rows, 1 (busy) for the others */
} Series;

typedef struct RowRef {
    TlxRowInfo info;
    Series *(*series)(const TlIndex *x, int index);
} RowRef;

struct TlIndex {
    size_t segs, evs;        /* records taken in */
    int ncores;
    size_t ntasks, nprocs, cap_tasks, cap_procs;
    bool gil;
    Series *task, *loop;     /* per task (loop: the coroutines a thread's event loop runs) */
    Series *core, *gils;     /* per core, per process */
    int *lstate, *lcore;     /* per task: its latest state and core */
    BUF(RowRef) rows;
    size_t rows_tasks, rows_procs; /* what the row list was built for */
    bool rows_gil;
};

static int cls(const Series *s, int v) { return s->ncls == 1 ? (v >= 0 ? 0 : -1) : v; }

static void series_init(Series *s, int ncls)
{
    memset(s, 0, sizeof *s);
    s->ncls = ncls;
}

static void series_free(Series *s)
{
    BUF_FREE(s->pts);
    BUF_FREE(s->cum);
}

static int series_last(const Series *s) { return s->pts.n ? s->pts.v[s->pts.n - 1].v : -1; }

/* The value becomes v at time t. */
static void series_set(Series *s, int64_t t, int v)
{
    size_t n = s->pts.n;
    if (n ? s->pts.v[n - 1].v == v : v == -1) return;
    if (n && s->pts.v[n - 1].t >= t) {
        /* the last value lasted no time: replace it, merging with the one before */
        if (n >= 2 && s->pts.v[n - 2].v == v) {
            s->pts.n--;
            if ((n - 1) % TLX_CHECK == 0) s->cum.n -= (size_t)s->ncls;
        } else {
            s->pts.v[n - 1].v = v;
        }
        return;
    }
    if (n % TLX_CHECK == 0) {
        /* totals before this point: the previous checkpoint plus the points since */
        BUF_GROW(s->cum, (size_t)s->ncls);
        int64_t *c = s->cum.v + s->cum.n;
        if (n == 0) {
            memset(c, 0, (size_t)s->ncls * sizeof *c);
        } else {
            memcpy(c, c - s->ncls, (size_t)s->ncls * sizeof *c);
            for (size_t j = n - TLX_CHECK; j < n; j++) {
                int k = cls(s, s->pts.v[j].v);
                int64_t end = j + 1 < n ? s->pts.v[j + 1].t : t;
                if (k >= 0) c[k] += end - s->pts.v[j].t;
            }
        }
        s->cum.n += (size_t)s->ncls;
    }
    Pt p = {t, v};
    BUF_PUSH(s->pts, p);
}

/* The last point at or before t, or -1. */
static long index_at(const Series *s, int64_t t)
{
    long lo = 0, hi = (long)s->pts.n - 1, ans = -1;
    while (lo <= hi) {
        long mid = (lo + hi) / 2;
        if (s->pts.v[mid].t <= t) {
            ans = mid;
            lo = mid + 1;
        } else {
            hi = mid - 1;
        }
    }
    return ans;
}

/* Time per class before t, into out[ncls]. */
static void totals_at(const Series *s, int64_t t, int64_t *out)
{
    memset(out, 0, (size_t)s->ncls * sizeof *out);
    long i = index_at(s, t);
    if (i < 0) return;
    size_t k = (size_t)i / TLX_CHECK;
    memcpy(out, s->cum.v + k * (size_t)s->ncls, (size_t)s->ncls * sizeof *out);
    for (size_t j = k * TLX_CHECK; j < (size_t)i; j++) {
        int c = cls(s, s->pts.v[j].v);
        if (c >= 0) out[c] += s->pts.v[j + 1].t - s->pts.v[j].t;
    }
    int c = cls(s, s->pts.v[i].v);
    if (c >= 0) out[c] += t - s->pts.v[i].t;
}

/* ---- the index ---- */

static Series *task_series(const TlIndex *x, int i) { return &x->task[i]; }
static Series *loop_series(const TlIndex *x, int i) { return &x->loop[i]; }
static Series *core_series(const TlIndex *x, int i) { return &x->core[i]; }
static Series *gil_series(const TlIndex *x, int i) { return &x->gils[i]; }

TlIndex *tlx_new(void) { return xcalloc(1, sizeof(TlIndex)); }

void tlx_reset(TlIndex *x)
{
    for (size_t i = 0; i < x->ntasks; i++) {
        series_free(&x->task[i]);
        series_free(&x->loop[i]);
    }
    for (int i = 0; i < x->ncores; i++) series_free(&x->core[i]);
    for (size_t i = 0; i < x->nprocs; i++) series_free(&x->gils[i]);
    free(x->task);
    free(x->loop);
    free(x->core);
    free(x->gils);
    free(x->lstate);
    free(x->lcore);
    BUF_FREE(x->rows);
    memset(x, 0, sizeof *x);
}

void tlx_free(TlIndex *x)
{
    if (!x) return;
    tlx_reset(x);
    free(x);
}

static void grow_tasks(TlIndex *x, size_t n)
{
    if (n <= x->ntasks) return;
    if (n > x->cap_tasks) {
        size_t cap = x->cap_tasks ? x->cap_tasks * 2 : 16;
        while (cap < n) cap *= 2;
        x->task = xrealloc(x->task, cap * sizeof *x->task);
        x->loop = xrealloc(x->loop, cap * sizeof *x->loop);
        x->lstate = xrealloc(x->lstate, cap * sizeof *x->lstate);
        x->lcore = xrealloc(x->lcore, cap * sizeof *x->lcore);
        x->cap_tasks = cap;
    }
    for (size_t i = x->ntasks; i < n; i++) {
        series_init(&x->task[i], TS_COUNT);
        series_init(&x->loop[i], 1);
        x->lstate[i] = -1;
        x->lcore[i] = -1;
    }
    x->ntasks = n;
}

static void grow_procs(TlIndex *x, size_t n)
{
    if (n <= x->nprocs) return;
    if (n > x->cap_procs) {
        size_t cap = x->cap_procs ? x->cap_procs * 2 : 4;
        while (cap < n) cap *= 2;
        x->gils = xrealloc(x->gils, cap * sizeof *x->gils);
        x->cap_procs = cap;
    }
    for (size_t i = x->nprocs; i < n; i++) series_init(&x->gils[i], 1);
    x->nprocs = n;
}

static void take_segment(TlIndex *x, const Trace *t, const TraceSeg *g)
{
    int k = (int)g->task;
    grow_tasks(x, (size_t)k + 1);
    series_set(&x->task[k], g->t, (int)g->state);
    int core = g->core == TRACE_NO_CORE ? -1 : (int)g->core;
    /* the core it leaves, unless another task took it at the same instant */
    int old = x->lcore[k];
    if (x->lstate[k] == TS_RUNNING && old >= 0 && old < x->ncores && series_last(&x->core[old]) == k)
        series_set(&x->core[old], g->t, -1);
    if (g->state == TS_RUNNING && core >= 0 && core < x->ncores) series_set(&x->core[core], g->t, k);
    int parent = (size_t)k < t->tasks.n ? t->tasks.v[k].parent : -1;
    if (parent >= 0) {
        grow_tasks(x, (size_t)parent + 1);
        Series *lp = &x->loop[parent];
        if (g->state == TS_RUNNING) series_set(lp, g->t, k);
        else if (series_last(lp) == k) series_set(lp, g->t, -1);
    }
    x->lstate[k] = (int)g->state;
    x->lcore[k] = core;
}

static void add_row(TlIndex *x, int kind, int index, const char *label, Series *(*series)(const TlIndex *, int))
{
    RowRef r;
    memset(&r, 0, sizeof r);
    r.info.kind = kind;
    r.info.index = index;
    snprintf(r.info.label, sizeof r.info.label, "%s", label);
    r.series = series;
    BUF_PUSH(x->rows, r);
}

/* The rows in stats_timeline_build()'s order: cores, GILs, then the tasks of
 * each process, a thread's coroutine tasks after it under its event loop. */
static void build_rows(TlIndex *x, const Trace *t)
{
    x->rows.n = 0;
    char lab[80];
    for (int c = 0; c < x->ncores; c++) {
        snprintf(lab, sizeof lab, "cpu%d", c);
        add_row(x, ROW_CORE, c, lab, core_series);
    }
    if (x->gil)
        for (size_t p = 0; p < t->procs.n; p++) {
            if (t->procs.n == 1) snprintf(lab, sizeof lab, "GIL");
            else snprintf(lab, sizeof lab, "GIL %s", t->procs.v[p].name);
            add_row(x, ROW_GIL, (int)p, lab, gil_series);
        }
    size_t nt = t->tasks.n;
    int *first, *next;
    trace_children(t, &first, &next);
    for (size_t p = 0; p < t->procs.n; p++)
        for (size_t k = 0; k < nt; k++) {
            const TraceTask *tk = &t->tasks.v[k];
            if ((size_t)tk->proc != p || tk->parent >= 0) continue;
            char name[64];
            stats_task_name(t, (int)k, name, sizeof name);
            snprintf(lab, sizeof lab, "%c %s", stats_label(t, (int)k), name);
            add_row(x, ROW_TASK, (int)k, lab, task_series);
            if (first[k] < 0) continue;
            add_row(x, ROW_LOOP, (int)k, "  event loop", loop_series);
            int shown = 0, more = 0;
            for (int j = first[k]; j >= 0; j = next[j]) {
                if (shown == TL_MAX_CHILD_ROWS) {
                    more++;
                    continue;
                }
                shown++;
                stats_child_label(t, j, lab, sizeof lab);
                add_row(x, ROW_TASK, j, lab, task_series);
            }
            if (more) {
                snprintf(lab, sizeof lab, "    (%d more tasks)", more);
                add_row(x, ROW_NOTE, (int)k, lab, NULL);
            }
        }
    free(first);
    free(next);
    x->rows_tasks = nt;
    x->rows_procs = t->procs.n;
    x->rows_gil = x->gil;
}

void tlx_update(TlIndex *x, const Trace *t, bool gil)
{
    if (!x->core) {
        x->ncores = t->ncores;
        x->core = xcalloc((size_t)(t->ncores > 0 ? t->ncores : 1), sizeof *x->core);
        for (int c = 0; c < x->ncores; c++) series_init(&x->core[c], 1);
    }
    x->gil = gil;
    grow_tasks(x, t->tasks.n);
    grow_procs(x, t->procs.n);
    for (; x->segs < t->segs.n; x->segs++) {
        TraceSeg g = trace_seg(t, x->segs);
        take_segment(x, t, &g);
    }
    for (; x->evs < t->evs.n; x->evs++) {
        const TraceEvent e = trace_ev(t, x->evs);
        if ((e.kind != EV_GIL_TAKE && e.kind != EV_GIL_DROP) || e.proc >= t->procs.n) continue;
        grow_procs(x, (size_t)e.proc + 1);
        series_set(&x->gils[e.proc], e.t, e.kind == EV_GIL_TAKE ? e.task : -1);
    }
    if (x->rows_tasks != t->tasks.n || x->rows_procs != t->procs.n || x->rows_gil != gil || !x->rows.n)
        build_rows(x, t);
}

int tlx_rows(const TlIndex *x) { return (int)x->rows.n; }

const TlxRowInfo *tlx_row(const TlIndex *x, int row) { return &x->rows.v[row].info; }

static const Series *row_series(const TlIndex *x, int row)
{
    const RowRef *r = &x->rows.v[row];
    return r->series ? r->series(x, r->info.index) : NULL;
}

int tlx_value_at(const TlIndex *x, int row, int64_t at)
{
    const Series *s = row_series(x, row);
    long i = s ? index_at(s, at) : -1;
    return i < 0 ? -1 : s->pts.v[i].v;
}

/* What covers most of [bs, be), idle competing (the rule of sim/stats.c's
 * fill_cells), by walking the few points in it. */
static int walk_bucket(const Series *s, long i0, long i1, int64_t bs, int64_t be)
{
    int vals[TLX_WALK + 2];
    int64_t amt[TLX_WALK + 2];
    int n = 0;
    int64_t busy = 0;
    for (long j = i0 < 0 ? 0 : i0; j <= i1; j++) {
        int v = s->pts.v[j].v;
        int64_t a = s->pts.v[j].t > bs ? s->pts.v[j].t : bs;
        int64_t e = (size_t)j + 1 < s->pts.n && s->pts.v[j + 1].t < be ? s->pts.v[j + 1].t : be;
        if (v < 0 || e <= a) continue;
        int m;
        for (m = 0; m < n && vals[m] != v; m++) {}
        if (m == n) {
            vals[n] = v;
            amt[n++] = 0;
        }
        amt[m] += e - a;
        busy += e - a;
    }
    int best = -1;
    int64_t bt = busy * 2 < be - bs ? be - bs - busy : 0;
    for (int m = 0; m < n; m++)
        if (amt[m] > bt) {
            bt = amt[m];
            best = vals[m];
        }
    return best;
}

/* The same over many points: from the running totals. */
static int sum_bucket(const Series *s, int64_t bs, int64_t be)
{
    int64_t a[TS_COUNT], b[TS_COUNT], busy = 0;
    totals_at(s, bs, a);
    totals_at(s, be, b);
    for (int c = 0; c < s->ncls; c++) busy += b[c] - a[c];
    if (busy * 2 < be - bs) return -1;
    if (s->ncls > 1) {
        int best = -1;
        int64_t bt = 0;
        for (int c = 0; c < s->ncls; c++)
            if (b[c] - a[c] > bt) {
                bt = b[c] - a[c];
                best = c;
            }
        return best;
    }
    /* mostly busy with many changes: who is running mid-bucket, or next */
    long i = index_at(s, bs + (be - bs) / 2);
    for (long j = i < 0 ? 0 : i, k = 0; (size_t)j < s->pts.n && k <= TLX_WALK; j++, k++)
        if (s->pts.v[j].v >= 0) return s->pts.v[j].v;
    return -1;
}

enum { TLX_MINOR_SCAN = 256 };

void tlx_minor(const TlIndex *x, int row, int64_t from, int64_t to, int width, int64_t upto, const int32_t *cells,
               int32_t *minor)
{
    const Series *s = row_series(x, row);
    bool task_row = tlx_row(x, row)->kind == ROW_TASK;
    if (to <= from) to = from + 1;
    double bw = (double)(to - from) / width;
    for (int c = 0; c < width; c++) {
        minor[c] = -1;
        int64_t bs = from + (int64_t)(c * bw), be = from + (int64_t)((c + 1) * bw);
        if (be <= bs) be = bs + 1;
        if (!s || bs >= upto) continue;
        if (be > upto) be = upto;
        long i0 = index_at(s, bs), i1 = index_at(s, be - 1);
        if (i1 < 0) continue;
        if (i0 < 0) i0 = 0;
        if (i1 - i0 > TLX_MINOR_SCAN) i1 = i0 + TLX_MINOR_SCAN;
        int64_t best_t = 0;
        for (long j = i0; j <= i1; j++) {
            int v = s->pts.v[j].v;
            if (v < 0 || v == cells[c] || (task_row && v != TS_BLOCKED)) continue;
            int64_t a = s->pts.v[j].t > bs ? s->pts.v[j].t : bs;
            int64_t e = (size_t)j + 1 < s->pts.n && s->pts.v[j + 1].t < be ? s->pts.v[j + 1].t : be;
            /* a point at the bucket's end still counts: it lasted */
            int64_t d = e > a ? e - a : 1;
            if (d > best_t) {
                best_t = d;
                minor[c] = v;
            }
        }
    }
}

void tlx_cells(const TlIndex *x, int row, int64_t from, int64_t to, int width, int64_t upto, int32_t *cells)
{
    const Series *s = row_series(x, row);
    if (to <= from) to = from + 1;
    double bw = (double)(to - from) / width;
    for (int c = 0; c < width; c++) {
        int64_t bs = from + (int64_t)(c * bw), be = from + (int64_t)((c + 1) * bw);
        if (be <= bs) be = bs + 1;
        if (bs >= upto) {
            cells[c] = TLX_FUTURE;
            continue;
        }
        if (be > upto) be = upto;
        if (!s) {
            cells[c] = -1;
            continue;
        }
        long i0 = index_at(s, bs), i1 = index_at(s, be - 1);
        if (i1 < 0) cells[c] = -1;
        else if (i1 - i0 <= TLX_WALK) cells[c] = walk_bucket(s, i0, i1, bs, be);
        else cells[c] = sum_bucket(s, bs, be);
    }
}
