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

/* ---- timeline summary ---- */

typedef struct Iv {
    int64_t s, e;
    int v;
} Iv;

typedef BUF(Iv) IvList;

/* Each cell gets the value covering most of its bucket (-1 when nothing
 * covers it).  ivs are sorted by start and do not overlap. */
/* Each cell shows the value that covers most of its bucket; for core and
 * GIL rows, being idle competes too (a blank cell). */
static void fill_cells(const IvList *ivs, int64_t from, int64_t to, int width, int16_t *cells)
{
    double b = (double)(to - from) / width;
    enum { K = 16 };
    int vals[K];
    int64_t amt[K];
    size_t j = 0;
    for (int c = 0; c < width; c++) {
        int64_t bs = from + (int64_t)(c * b), be = from + (int64_t)((c + 1) * b);
        if (be <= bs) be = bs + 1;
        int n = 0;
        while (j < ivs->n && ivs->v[j].e <= bs) j++;
        for (size_t k = j; k < ivs->n && ivs->v[k].s < be; k++) {
            int64_t s = ivs->v[k].s > bs ? ivs->v[k].s : bs;
            int64_t e = ivs->v[k].e < be ? ivs->v[k].e : be;
            if (e <= s) continue;
            int v = ivs->v[k].v, m;
            for (m = 0; m < n && vals[m] != v; m++) {}
            if (m == n) {
                if (n == K) continue;
                vals[n] = v;
                amt[n++] = 0;
            }
            amt[m] += e - s;
        }
        int best = -1;
        int64_t bt = 0, busy = 0;
        for (int m = 0; m < n; m++) busy += amt[m];
        if (busy * 2 < be - bs) bt = be - bs - busy; /* mostly idle */
        for (int m = 0; m < n; m++)
            if (amt[m] > bt) {
                bt = amt[m];
                best = vals[m];
            }
        cells[c] = (int16_t)best;
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
    snprintf(buf, n, "%c   %s", stats_label(t, j), name);
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

static int iv_cmp(const void *a, const void *b)
{
    const Iv *x = a, *y = b;
    return x->s < y->s ? -1 : x->s > y->s ? 1 : 0;
}

static void sort_ivs(IvList *l)
{
    if (l->n > 1) qsort(l->v, l->n, sizeof *l->v, iv_cmp);
}

Timeline *stats_timeline_build(const Trace *t, int64_t from, int64_t to, int width, bool gil)
{
    Timeline *tl = xcalloc(1, sizeof *tl);
    if (width < 1) width = 1;
    if (to <= from) to = from + 1;
    tl->from = from;
    tl->to = to;
    tl->width = width;
    int nt = (int)t->tasks.n;
    IvList *task_iv = xcalloc((size_t)nt + 1, sizeof *task_iv);
    IvList *core_iv = xcalloc((size_t)t->ncores + 1, sizeof *core_iv);
    IvList *gil_iv = xcalloc(t->procs.n + 1, sizeof *gil_iv);
    /* segments -> per-task and per-core intervals */
    int *lstate = xmalloc(((size_t)nt + 1) * sizeof(int));
    int *lcore = xmalloc(((size_t)nt + 1) * sizeof(int));
    int64_t *lt = xcalloc((size_t)nt + 1, sizeof(int64_t));
    for (int i = 0; i < nt; i++) lstate[i] = -1;
    for (size_t i = 0; i <= t->segs.n; i++) {
        bool end = i == t->segs.n;
        TraceSeg g = end ? (TraceSeg){0} : trace_seg(t, i);
        int lo = end ? 0 : g.task, hi = end ? nt : g.task + 1;
        for (int k = lo; k < hi; k++) {
            int64_t now = end ? t->end : g.t;
            if (lstate[k] >= 0 && now > lt[k]) {
                Iv iv = {lt[k], now, lstate[k]};
                BUF_PUSH(task_iv[k], iv);
                if (lstate[k] == TS_RUNNING && lcore[k] >= 0 && lcore[k] < t->ncores) {
                    Iv cv = {lt[k], now, k};
                    BUF_PUSH(core_iv[lcore[k]], cv);
                }
            }
            if (!end) {
                lstate[k] = g.state;
                lcore[k] = g.core == TRACE_NO_CORE ? -1 : (int)g.core;
                lt[k] = g.t;
            }
        }
    }
    /* core intervals arrive per task; sort each core's by start */
    for (int c = 0; c < t->ncores; c++) sort_ivs(&core_iv[c]);
    /* GIL holders from take/drop events */
    int *holder = xmalloc((t->procs.n + 1) * sizeof(int));
    int64_t *since = xcalloc(t->procs.n + 1, sizeof(int64_t));
    for (size_t p = 0; p < t->procs.n; p++) holder[p] = -1;
    for (size_t i = 0; i < t->evs.n; i++) {
        const TraceEvent e = trace_ev(t, i);
        if (e.kind != EV_GIL_TAKE && e.kind != EV_GIL_DROP) continue;
        size_t p = e.proc;
        if (p >= t->procs.n) continue;
        if (holder[p] >= 0 && e.t > since[p]) {
            Iv iv = {since[p], e.t, holder[p]};
            BUF_PUSH(gil_iv[p], iv);
        }
        holder[p] = e.kind == EV_GIL_TAKE ? e.task : -1;
        since[p] = e.t;
    }
    for (size_t p = 0; p < t->procs.n; p++)
        if (holder[p] >= 0 && t->end > since[p]) {
            Iv iv = {since[p], t->end, holder[p]};
            BUF_PUSH(gil_iv[p], iv);
        }
    char lab[80];
    for (int c = 0; c < t->ncores; c++) {
        snprintf(lab, sizeof lab, "cpu%d", c);
        TlRow *r = add_row(tl, ROW_CORE, c, lab);
        fill_cells(&core_iv[c], from, to, width, r->cells);
    }
    if (gil)
        for (size_t p = 0; p < t->procs.n; p++) {
            if (t->procs.n == 1) snprintf(lab, sizeof lab, "GIL");
            else snprintf(lab, sizeof lab, "GIL %s", t->procs.v[p].name);
            TlRow *r = add_row(tl, ROW_GIL, (int)p, lab);
            fill_cells(&gil_iv[p], from, to, width, r->cells);
        }
    /* each thread's coroutine tasks, in creation order */
    int *first, *next;
    trace_children(t, &first, &next);
    /* tasks grouped by process; coroutine tasks follow their loop thread,
     * under a row of which one the loop runs */
    for (size_t p = 0; p < t->procs.n; p++)
        for (int k = 0; k < nt; k++) {
            const TraceTask *tk = &t->tasks.v[k];
            if ((size_t)tk->proc != p || tk->parent >= 0) continue;
            char name[64];
            stats_task_name(t, k, name, sizeof name);
            snprintf(lab, sizeof lab, "%c %s", stats_label(t, k), name);
            fill_cells(&task_iv[k], from, to, width, add_row(tl, ROW_TASK, k, lab)->cells);
            if (first[k] < 0) continue;
            IvList loop = {0};
            for (int j = first[k]; j >= 0; j = next[j])
                for (size_t i = 0; i < task_iv[j].n; i++)
                    if (task_iv[j].v[i].v == TS_RUNNING) {
                        Iv iv = {task_iv[j].v[i].s, task_iv[j].v[i].e, j};
                        BUF_PUSH(loop, iv);
                    }
            sort_ivs(&loop);
            fill_cells(&loop, from, to, width, add_row(tl, ROW_LOOP, k, "  event loop")->cells);
            BUF_FREE(loop);
            int shown = 0, more = 0;
            for (int j = first[k]; j >= 0; j = next[j]) {
                if (shown == TL_MAX_CHILD_ROWS) {
                    more++;
                    continue;
                }
                shown++;
                stats_child_label(t, j, lab, sizeof lab);
                fill_cells(&task_iv[j], from, to, width, add_row(tl, ROW_TASK, j, lab)->cells);
            }
            if (more) {
                snprintf(lab, sizeof lab, "    (%d more tasks)", more);
                add_row(tl, ROW_NOTE, k, lab);
            }
        }
    free(first);
    free(next);
    for (int k = 0; k < nt; k++) BUF_FREE(task_iv[k]);
    for (int c = 0; c < t->ncores; c++) BUF_FREE(core_iv[c]);
    for (size_t p = 0; p < t->procs.n; p++) BUF_FREE(gil_iv[p]);
    free(task_iv);
    free(core_iv);
    free(gil_iv);
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
