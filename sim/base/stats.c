/* stats.c - statistics and the timeline summary, from the trace alone. */
#include "stats.h"

#include <stdlib.h>
#include <stdio.h>

Stats *stats_compute(const Trace *t)
{
    Stats *s = xcalloc(1, sizeof *s);
    s->elapsed = t->end;
    s->ntasks = (int)t->tasks.n;
    s->tasks = xcalloc((size_t)s->ntasks + 1, sizeof *s->tasks);
    s->ncores = t->ncores;
    s->core_busy = xcalloc((size_t)s->ncores + 1, sizeof *s->core_busy);
    int *last_state = xmalloc(((size_t)s->ntasks + 1) * sizeof(int));
    int *last_core = xmalloc(((size_t)s->ntasks + 1) * sizeof(int));
    int64_t *last_t = xcalloc((size_t)s->ntasks + 1, sizeof(int64_t));
    for (int i = 0; i < s->ntasks; i++) last_state[i] = -1;
    for (size_t i = 0; i < t->segs.n; i++) {
        const TraceSeg g = trace_seg(t, i);
        int k = g.task;
        /* coroutine tasks run on their thread: its core time and context
         * switches already count them */
        bool thread = t->tasks.v[k].parent < 0;
        if (last_state[k] >= 0) {
            int64_t d = g.t - last_t[k];
            s->tasks[k].t[last_state[k]] += d;
            if (thread && last_state[k] == TS_RUNNING && last_core[k] >= 0 && last_core[k] < s->ncores)
                s->core_busy[last_core[k]] += d;
        }
        if (g.state == TS_RUNNING && last_state[k] != TS_RUNNING) {
            s->tasks[k].switches++;
            if (thread) s->context_switches++;
        }
        last_state[k] = g.state;
        last_core[k] = g.core == TRACE_NO_CORE ? -1 : (int)g.core;
        last_t[k] = g.t;
    }
    for (int k = 0; k < s->ntasks; k++) {
        if (last_state[k] < 0 || t->end <= last_t[k]) continue;
        int64_t d = t->end - last_t[k];
        s->tasks[k].t[last_state[k]] += d;
        if (t->tasks.v[k].parent < 0 && last_state[k] == TS_RUNNING && last_core[k] >= 0 && last_core[k] < s->ncores)
            s->core_busy[last_core[k]] += d;
    }
    for (int k = 0; k < s->ntasks; k++)
        if (t->tasks.v[k].parent < 0) s->running_total += s->tasks[k].t[TS_RUNNING];
    s->loop_iterations = t->loop_iterations;
    s->task_steps = t->task_steps;
    for (size_t i = 0; i < t->evs.n; i++) {
        const TraceEvent e = trace_ev(t, i);
        if (e.kind == EV_GIL_TAKE && e.a >= 0 && e.a != e.task) s->gil_handoffs++;
        if (e.kind == EV_GIL_DROP && e.a == DROP_FORCED) s->forced_switches++;
    }
    s->parallelism = s->elapsed > 0 ? (double)s->running_total / (double)s->elapsed : 0;
    free(last_state);
    free(last_core);
    free(last_t);
    return s;
}

void stats_free(Stats *s)
{
    if (!s) return;
    free(s->tasks);
    free(s->core_busy);
    free(s);
}

/* ---- timeline summary ----
 *
 * Each cell shows the value that covers most of its bucket; being idle
 * (nothing covering it) competes too, a blank cell.  Values are counted in
 * the order their intervals start, at most TL_VALUES of them per bucket
 * (the later ones count for nothing, busy time included), and the first of
 * equals wins.
 *
 * The rows are made in one pass over the trace, keeping no intervals: the
 * intervals of 100,000 asyncio tasks stepping ten times (2.3 million, per
 * task, per core and per event loop, sorted) took 140 MB, as much as the
 * run (`interleave run` peaked at 293 MB against 153 with -q).  A task's or
 * a GIL's intervals come in order and do not overlap, so its row needs only
 * the bucket being filled (PrefixRow).  A core's and an event loop's come
 * as they end - a thread runs on a core across its coroutines' steps - so
 * those rows keep, per bucket, the TL_VALUES values whose intervals start
 * first (TopRow): each task's intervals come in order, so a value's first
 * interval in a bucket is its earliest, and a value pushed out by earlier
 * ones never comes back. */

enum { TL_VALUES = 16 }; /* values counted per bucket */

/* The buckets of [from, to): bucket c is [bk_start(c), bk_end(c)). */
typedef struct Buckets {
    int64_t from;
    double b;                /* nanoseconds a bucket */
    int width;
} Buckets;

static int64_t bk_start(const Buckets *k, int c) { return k->from + (int64_t)(c * k->b); }

static int64_t bk_end(const Buckets *k, int c)
{
    int64_t bs = bk_start(k, c), be = k->from + (int64_t)((c + 1) * k->b);
    return be <= bs ? bs + 1 : be;
}

/* The first bucket ending after s (width: none). */
static int bk_first(const Buckets *k, int64_t s)
{
    int lo = 0, hi = k->width;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (bk_end(k, mid) > s) hi = mid;
        else lo = mid + 1;
    }
    return lo;
}

/* The time each value covers in one bucket, in the order they came. */
typedef struct Acc {
    int n;
    int vals[TL_VALUES];
    int64_t amt[TL_VALUES];
} Acc;

static void acc_add(Acc *a, int v, int64_t d)
{
    int m;
    for (m = 0; m < a->n && a->vals[m] != v; m++) {}
    if (m == a->n) {
        if (a->n == TL_VALUES) return;
        a->vals[a->n] = v;
        a->amt[a->n++] = 0;
    }
    a->amt[m] += d;
}

/* The cell of a bucket len long: the value covering most of it, idle
 * competing, or -1. */
static int16_t acc_cell(const Acc *a, int64_t len)
{
    int best = -1;
    int64_t bt = 0, busy = 0;
    for (int m = 0; m < a->n; m++) busy += a->amt[m];
    if (busy * 2 < len) bt = len - busy; /* mostly idle */
    for (int m = 0; m < a->n; m++)
        if (a->amt[m] > bt) {
            bt = a->amt[m];
            best = a->vals[m];
        }
    return (int16_t)best;
}

/* A row whose intervals come in order without overlapping: buckets before
 * `done` are final, bucket `done` is being filled. */
typedef struct PrefixRow {
    int16_t *cells;          /* width */
    int done;
    Acc acc;
} PrefixRow;

static void prefix_next(PrefixRow *r, const Buckets *k)
{
    r->cells[r->done] = acc_cell(&r->acc, bk_end(k, r->done) - bk_start(k, r->done));
    r->acc.n = 0;
    r->done++;
}

/* Value v over [s, e), after every interval before it. */
static void prefix_add(PrefixRow *r, const Buckets *k, int64_t s, int64_t e, int v)
{
    while (r->done < k->width && bk_end(k, r->done) <= s) prefix_next(r, k);
    while (r->done < k->width && bk_start(k, r->done) < e) {
        int64_t bs = bk_start(k, r->done), be = bk_end(k, r->done);
        acc_add(&r->acc, v, (e < be ? e : be) - (s > bs ? s : bs));
        if (be > e) break; /* the next interval may cover the rest */
        prefix_next(r, k);
    }
}

static void prefix_finish(PrefixRow *r, const Buckets *k)
{
    while (r->done < k->width) prefix_next(r, k);
}

/* A core's or an event loop's row: per bucket the TL_VALUES values whose
 * first interval in it starts first (start, then `order`: the sort of the
 * intervals this replaces, stable over the order they were listed in). */
typedef struct TopEntry {
    int v;
    int64_t start, order;    /* the value's first interval in the bucket */
    int64_t amt;
} TopEntry;

typedef struct TopRow {
    TopEntry *e;             /* width * TL_VALUES */
    uint8_t *n;              /* per bucket */
} TopRow;

static bool top_before(const TopEntry *x, int64_t start, int64_t order)
{
    return x->start < start || (x->start == start && x->order < order);
}

static void top_init(TopRow *r, int width)
{
    r->e = xmalloc((size_t)width * TL_VALUES * sizeof *r->e);
    r->n = xcalloc((size_t)width, 1);
}

static void top_free(TopRow *r)
{
    free(r->e);
    free(r->n);
}

/* Value v over [s, e); a task's intervals come in order. */
static void top_add(TopRow *r, const Buckets *k, int64_t s, int64_t e, int v, int64_t order)
{
    for (int c = bk_first(k, s); c < k->width && bk_start(k, c) < e; c++) {
        int64_t bs = bk_start(k, c), be = bk_end(k, c);
        int64_t d = (e < be ? e : be) - (s > bs ? s : bs);
        if (d <= 0) continue;
        TopEntry *E = r->e + (size_t)c * TL_VALUES;
        int n = r->n[c], m, last = -1;
        for (m = 0; m < n && E[m].v != v; m++)
            if (last < 0 || top_before(&E[last], E[m].start, E[m].order)) last = m;
        if (m < n) {
            E[m].amt += d;
            continue;
        }
        if (n < TL_VALUES) {
            m = r->n[c]++;
        } else {
            /* full: it takes the place of the one starting last, if it starts before it */
            if (!top_before(&(TopEntry){0, s, order, 0}, E[last].start, E[last].order)) continue;
            m = last;
        }
        E[m] = (TopEntry){v, s, order, d};
    }
}

static void top_cells(const TopRow *r, const Buckets *k, int16_t *cells)
{
    for (int c = 0; c < k->width; c++) {
        TopEntry E[TL_VALUES];
        int n = r->n[c];
        memcpy(E, r->e + (size_t)c * TL_VALUES, (size_t)n * sizeof *E);
        /* in the order they start */
        for (int i = 1; i < n; i++)
            for (int j = i; j > 0 && top_before(&E[j], E[j - 1].start, E[j - 1].order); j--) {
                TopEntry x = E[j];
                E[j] = E[j - 1];
                E[j - 1] = x;
            }
        Acc a = {0};
        for (int i = 0; i < n; i++) acc_add(&a, E[i].v, E[i].amt);
        cells[c] = acc_cell(&a, bk_end(k, c) - bk_start(k, c));
    }
}

char stats_task_label(int i)
{
    static const char labels[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    return i >= 0 && i < 62 ? labels[i] : '*';
}

char stats_label(const Trace *t, int k)
{
    if (k < 0 || (size_t)k >= t->tasks.n) return '*';
    if (t->rank_tasks != t->tasks.n || t->rank_procs != t->procs.n) {
        /* a cache of the row order in the trace, which is otherwise read-only here */
        Trace *w = (Trace *)t;
        size_t nt = t->tasks.n;
        w->rank = xrealloc(w->rank, (nt + 1) * sizeof *w->rank);
        int *first, *next;
        trace_children(t, &first, &next);
        int r = 0;
        for (size_t k2 = 0; k2 < nt; k2++) w->rank[k2] = -1;
        for (size_t p = 0; p <= t->procs.n; p++)
            for (size_t q = 0; q < nt; q++) {
                const TraceTask *tk = &t->tasks.v[q];
                /* the last pass: tasks of no known process */
                bool here = p < t->procs.n ? (size_t)tk->proc == p : (size_t)tk->proc >= t->procs.n;
                if (!here || tk->parent >= 0) continue;
                w->rank[q] = r++;
                for (int j = first[q]; j >= 0; j = next[j]) w->rank[j] = r++;
            }
        for (size_t q = 0; q < nt; q++)
            if (w->rank[q] < 0) w->rank[q] = r++;
        free(first);
        free(next);
        w->rank_tasks = nt;
        w->rank_procs = t->procs.n;
    }
    return stats_task_label(t->rank[k]);
}

void stats_task_name(const Trace *t, int k, char *buf, size_t n)
{
    if (k < 0 || (size_t)k >= t->tasks.n) {
        snprintf(buf, n, "?");
        return;
    }
    const TraceTask *tk = &t->tasks.v[k];
    if (t->procs.n > 1 && tk->parent < 0) snprintf(buf, n, "%s/%s", t->procs.v[tk->proc].name, tk->name);
    else snprintf(buf, n, "%s", tk->name);
}

void stats_child_label(const Trace *t, int j, char *buf, size_t n)
{
    /* CPython's names, and the short words the label uses */
    static const char *const own[] = {"shutdown_asyncgens", "shutdown_default_executor"};
    static const char *const word[] = {"asyncgens", "executor"};
    const char *name = t->tasks.v[j].name;
    const char *paren = strrchr(name, '(');
    for (size_t i = 0; paren && i < ARRAY_LEN(own); i++) {
        size_t k = strlen(own[i]);
        if (strncmp(paren + 1, own[i], k) == 0 && paren[1 + k] == ')' && !paren[2 + k]) {
            snprintf(buf, n, "%c   loop: %s", stats_label(t, j), word[i]);
            return;
        }
    }
    /* a nursery's children indented under the task that opened it */
    snprintf(buf, n, "%c   %*s%s", stats_label(t, j), 2 * trace_depth(t, j), "", name);
}

const char *stats_task_str(const Trace *t, int k)
{
    static char buf[4][80];
    static int slot;
    char *b = buf[slot++ % 4];
    stats_task_name(t, k, b, sizeof buf[0]);
    return b;
}

static TlRow *add_row(Timeline *tl, int kind, int index, const char *label)
{
    tl->rows = xrealloc(tl->rows, (size_t)(tl->nrows + 1) * sizeof *tl->rows);
    TlRow *r = &tl->rows[tl->nrows++];
    r->kind = kind;
    r->index = index;
    snprintf(r->label, sizeof r->label, "%s", label);
    r->cells = xmalloc((size_t)tl->width * sizeof(int16_t));
    for (int c = 0; c < tl->width; c++) r->cells[c] = -1;
    return r;
}

/* The row of cells made elsewhere (cells is the row's from now on). */
static void add_row_cells(Timeline *tl, int kind, int index, const char *label, int16_t *cells)
{
    TlRow *r = add_row(tl, kind, index, label);
    free(r->cells);
    r->cells = cells;
}

Timeline *stats_timeline_build(const Trace *t, int64_t from, int64_t to, int width, bool gil)
{
    Timeline *tl = xcalloc(1, sizeof *tl);
    if (width < 1) width = 1;
    if (to <= from) to = from + 1;
    tl->from = from;
    tl->to = to;
    tl->width = width;
    Buckets bk = {from, (double)(to - from) / width, width};
    int nt = (int)t->tasks.n;
    size_t np = t->procs.n;
    /* the tasks with a row: each process's threads, and a thread's first
     * TL_MAX_CHILD_ROWS coroutine tasks (in creation order) */
    int *first, *next;
    trace_children(t, &first, &next);
    int *slot = xmalloc(((size_t)nt + 1) * sizeof *slot); /* task -> its row in rows[], or -1 */
    int *loop_of = xmalloc(((size_t)nt + 1) * sizeof *loop_of); /* thread -> its loop row in loops[], or -1 */
    int nrows = 0, nloops = 0;
    for (int k = 0; k < nt; k++) slot[k] = loop_of[k] = -1;
    for (int k = 0; k < nt; k++) {
        const TraceTask *tk = &t->tasks.v[k];
        if (tk->parent >= 0 || (size_t)tk->proc >= np) continue;
        slot[k] = nrows++;
        if (first[k] < 0) continue;
        loop_of[k] = nloops++;
        int shown = 0;
        for (int j = first[k]; j >= 0 && shown < TL_MAX_CHILD_ROWS; j = next[j], shown++) slot[j] = nrows++;
    }
    PrefixRow *rows = xcalloc((size_t)nrows + 1, sizeof *rows);
    for (int i = 0; i < nrows; i++) rows[i].cells = xmalloc((size_t)width * sizeof(int16_t));
    TopRow *loops = xcalloc((size_t)nloops + 1, sizeof *loops);
    for (int i = 0; i < nloops; i++) top_init(&loops[i], width);
    TopRow *cores = xcalloc((size_t)t->ncores + 1, sizeof *cores);
    for (int c = 0; c < t->ncores; c++) top_init(&cores[c], width);
    /* segments -> each task's intervals, as each one ends */
    int *lstate = xmalloc(((size_t)nt + 1) * sizeof(int));
    int *lcore = xmalloc(((size_t)nt + 1) * sizeof(int));
    int64_t *lt = xcalloc((size_t)nt + 1, sizeof(int64_t));
    int64_t listed = 0; /* intervals ended so far: a core's intervals were sorted stably in this order */
    for (int i = 0; i < nt; i++) lstate[i] = -1;
    for (size_t i = 0; i <= t->segs.n; i++) {
        bool end = i == t->segs.n;
        TraceSeg g = end ? (TraceSeg){0} : trace_seg(t, i);
        int lo = end ? 0 : g.task, hi = end ? nt : g.task + 1;
        for (int k = lo; k < hi; k++) {
            int64_t now = end ? t->end : g.t;
            if (lstate[k] >= 0 && now > lt[k]) {
                if (slot[k] >= 0) prefix_add(&rows[slot[k]], &bk, lt[k], now, lstate[k]);
                if (lstate[k] == TS_RUNNING) {
                    if (lcore[k] >= 0 && lcore[k] < t->ncores) top_add(&cores[lcore[k]], &bk, lt[k], now, k, listed++);
                    /* the loop's intervals were listed by child (in creation order), then in time */
                    int p = t->tasks.v[k].parent;
                    if (p >= 0 && p < nt && loop_of[p] >= 0) top_add(&loops[loop_of[p]], &bk, lt[k], now, k, k);
                }
            }
            if (!end) {
                lstate[k] = g.state;
                lcore[k] = g.core == TRACE_NO_CORE ? -1 : (int)g.core;
                lt[k] = g.t;
            }
        }
    }
    /* GIL holders from take/drop events */
    PrefixRow *gils = xcalloc(np + 1, sizeof *gils);
    int *holder = xmalloc((np + 1) * sizeof(int));
    int64_t *since = xcalloc(np + 1, sizeof(int64_t));
    for (size_t p = 0; p < np; p++) {
        holder[p] = -1;
        gils[p].cells = xmalloc((size_t)width * sizeof(int16_t));
    }
    for (size_t i = 0; i < t->evs.n; i++) {
        const TraceEvent e = trace_ev(t, i);
        if (e.kind != EV_GIL_TAKE && e.kind != EV_GIL_DROP) continue;
        size_t p = e.proc;
        if (p >= np) continue;
        if (holder[p] >= 0 && e.t > since[p]) prefix_add(&gils[p], &bk, since[p], e.t, holder[p]);
        holder[p] = e.kind == EV_GIL_TAKE ? e.task : -1;
        since[p] = e.t;
    }
    for (size_t p = 0; p < np; p++) {
        if (holder[p] >= 0 && t->end > since[p]) prefix_add(&gils[p], &bk, since[p], t->end, holder[p]);
        prefix_finish(&gils[p], &bk);
    }
    for (int i = 0; i < nrows; i++) prefix_finish(&rows[i], &bk);

    char lab[80];
    for (int c = 0; c < t->ncores; c++) {
        snprintf(lab, sizeof lab, "cpu%d", c);
        top_cells(&cores[c], &bk, add_row(tl, ROW_CORE, c, lab)->cells);
    }
    for (size_t p = 0; p < np; p++) {
        if (gil) {
            if (np == 1) snprintf(lab, sizeof lab, "GIL");
            else snprintf(lab, sizeof lab, "GIL %s", t->procs.v[p].name);
            add_row_cells(tl, ROW_GIL, (int)p, lab, gils[p].cells);
        } else {
            free(gils[p].cells);
        }
    }
    /* tasks grouped by process; coroutine tasks follow their loop thread,
     * under a row of which one the loop runs */
    for (size_t p = 0; p < np; p++)
        for (int k = 0; k < nt; k++) {
            const TraceTask *tk = &t->tasks.v[k];
            if ((size_t)tk->proc != p || tk->parent >= 0) continue;
            char name[64];
            stats_task_name(t, k, name, sizeof name);
            snprintf(lab, sizeof lab, "%c %s", stats_label(t, k), name);
            add_row_cells(tl, ROW_TASK, k, lab, rows[slot[k]].cells);
            if (first[k] < 0) continue;
            top_cells(&loops[loop_of[k]], &bk, add_row(tl, ROW_LOOP, k, "  event loop")->cells);
            int more = 0;
            for (int j = first[k]; j >= 0; j = next[j]) {
                if (slot[j] < 0) {
                    more++;
                    continue;
                }
                stats_child_label(t, j, lab, sizeof lab);
                add_row_cells(tl, ROW_TASK, j, lab, rows[slot[j]].cells);
            }
            if (more) {
                snprintf(lab, sizeof lab, "    (%d more tasks)", more);
                add_row(tl, ROW_NOTE, k, lab);
            }
        }
    free(first);
    free(next);
    free(slot);
    free(loop_of);
    free(rows); /* their cells are the timeline's */
    for (int i = 0; i < nloops; i++) top_free(&loops[i]);
    free(loops);
    for (int c = 0; c < t->ncores; c++) top_free(&cores[c]);
    free(cores);
    free(gils);
    free(lstate);
    free(lcore);
    free(lt);
    free(holder);
    free(since);
    return tl;
}

void stats_timeline_free(Timeline *tl)
{
    if (!tl) return;
    for (int i = 0; i < tl->nrows; i++) free(tl->rows[i].cells);
    free(tl->rows);
    free(tl);
}
