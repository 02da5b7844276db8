/* tl_index.c - the timeline summary, kept up to date record by record
 * (tl_index.h).
 *
 * Each row is a series of points (t, v): the row's value is v from t until
 * the next point.  Values: a state for task rows, a task for core, GIL and
 * event-loop rows, -1 for nothing.  Every TLX_CHECK points the series also
 * stores the time spent so far in each class (a state; or "busy" for the
 * other rows), so the time per state in any window is a difference of two
 * running totals.
 *
 * Memory.  On 100,000 asyncio tasks stepping ten times (2.3 million state
 * changes) this index took 172 MB, more than the run it summarises (154
 * MB): a series for every task, though only a thread's first
 * TL_MAX_CHILD_ROWS coroutine tasks have a row, and 16-byte points in
 * arrays grown by doubling - the core's and the event loop's 2.2 million
 * points each, and a copy while realloc moved them.  Now only tasks with a
 * row have a series (the others keep their latest state and core), and a
 * series keeps its last points as they are (a new record may still change
 * the last one) and packs every earlier TLX_CHECK of them in a block: the
 * time as a varint step from the point before, the value as 0 for -1, else
 * as a zigzag varint step from the block's last value other than -1 (the
 * loop runs task k, then k + 1: one byte).  With each block's start time
 * and running totals that is under 3 bytes a point, in chunks that never
 * move: 14 MB for that run.  A read decodes a block of 32 points (about
 * 100 ns) into a cursor, which the next reads in the block reuse; a 200x50
 * frame of that run takes 0.75 ms, as before. */
#include "tl_index.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    TLX_CHECK = 32,            /* points per block; running totals at each block's start */
    TLX_WALK = 24,             /* buckets crossing at most this many points are walked exactly */
    TLX_BLOCK_MAX = TLX_CHECK * 20, /* bytes an encoded block may take: two 10-byte varints a point */
    TLX_CHUNK_MIN = 4096,      /* the first chunk of encoded blocks; each next one twice as big */
    TLX_CHUNK_MAX = 256 << 10, /* up to this */
};

typedef struct Pt {
    int64_t t;
    int32_t v;
} Pt;

typedef struct Block {
    int64_t t0;                /* its first point's time */
    uint8_t *bytes;            /* its points, encoded (in a chunk of the series) */
} Block;

typedef struct Series {
    size_t n;                  /* points */
    BUF(Block) blocks;         /* points [0, blocks.n * TLX_CHECK), packed */
    Pt *tail;                  /* the points after them: n - blocks.n * TLX_CHECK <= TLX_CHECK */
    int tail_cap;
    BUF(int64_t) cum;          /* per block (the tail's too), ncls totals before its first point */
    int64_t acc[TS_COUNT];     /* totals before the last point */
    int ncls;                  /* TS_COUNT for task rows, 1 (busy) for the others */
    BUF(uint8_t *) chunks;     /* where the blocks' bytes are */
    uint8_t *wp, *wend;        /* the free rest of the newest chunk */
    size_t chunk_size;         /* the newest chunk's */
} Series;

typedef struct TaskInfo {
    int32_t series;            /* its row's series (x->series), -1: it has no row */
    int32_t loop;              /* a thread's: the series of the coroutine its event loop runs, -1: none yet */
    int32_t kids;              /* a thread's coroutine tasks so far */
    int8_t core;               /* its latest core, -1: none */
    int8_t state;              /* its latest state, -1: none */
} TaskInfo;

typedef struct RowRef {
    TlxRowInfo info;
    const Series *(*series)(const TlIndex *x, int index);
} RowRef;

struct TlIndex {
    size_t segs, evs;          /* records taken in */
    int ncores;
    bool gil;
    BUF(Series *) series;      /* every series, each allocated alone (owned here) */
    BUF(TaskInfo) tasks;       /* per task of the trace */
    int32_t *core, *gils;      /* per core, per process: its series */
    size_t nprocs, cap_procs;
    BUF(RowRef) rows;
    size_t rows_tasks, rows_procs; /* what the row list was built for */
    bool rows_gil;
};

static int cls(const Series *s, int v) { return s->ncls == 1 ? (v >= 0 ? 0 : -1) : v; }

/* ---- packed blocks ---- */

static uint8_t *put_varint(uint8_t *w, uint64_t z)
{
    while (z >= 0x80) {
        *w++ = (uint8_t)(z | 0x80);
        z >>= 7;
    }
    *w++ = (uint8_t)z;
    return w;
}

static const uint8_t *get_varint(const uint8_t *r, uint64_t *z)
{
    uint64_t v = 0;
    for (int shift = 0;; shift += 7) {
        uint8_t byte = *r++;
        v |= (uint64_t)(byte & 0x7f) << shift;
        if (byte < 0x80) break;
    }
    *z = v;
    return r;
}

/* TLX_CHECK points (times strictly increasing) into at most TLX_BLOCK_MAX
 * bytes at w; returns the end. */
static uint8_t *encode_block(uint8_t *w, const Pt *p)
{
    int64_t ref = 0;
    for (int j = 0; j < TLX_CHECK; j++) {
        if (j) w = put_varint(w, (uint64_t)(p[j].t - p[j - 1].t));
        if (p[j].v == -1) {
            *w++ = 0;
            continue;
        }
        uint64_t d = (uint64_t)((int64_t)p[j].v - ref);
        w = put_varint(w, (d << 1 ^ (0 - (d >> 63))) + 1);
        ref = p[j].v;
    }
    return w;
}

static void decode_block(const Block *b, Pt *p)
{
    const uint8_t *r = b->bytes;
    int64_t t = b->t0, ref = 0;
    for (int j = 0; j < TLX_CHECK; j++) {
        uint64_t z;
        if (j) {
            r = get_varint(r, &z);
            t += (int64_t)z;
        }
        r = get_varint(r, &z);
        p[j].t = t;
        if (!z) {
            p[j].v = -1;
        } else {
            z--;
            ref += (int64_t)(z >> 1 ^ (0 - (z & 1)));
            p[j].v = (int32_t)ref;
        }
    }
}

/* The full tail becomes a block. */
static void seal(Series *s)
{
    if ((size_t)(s->wend - s->wp) < TLX_BLOCK_MAX) {
        size_t size = s->chunk_size ? s->chunk_size * 2 : TLX_CHUNK_MIN;
        if (size > TLX_CHUNK_MAX) size = TLX_CHUNK_MAX;
        uint8_t *c = xmalloc(size);
        BUF_PUSH(s->chunks, c);
        s->wp = c;
        s->wend = c + size;
        s->chunk_size = size;
    }
    Block b = {s->tail[0].t, s->wp};
    s->wp = encode_block(s->wp, s->tail);
    BUF_PUSH(s->blocks, b);
}

/* The last block back into the tail (it was the last one written). */
static void unseal(Series *s)
{
    Block *b = &s->blocks.v[--s->blocks.n];
    decode_block(b, s->tail);
    s->wp = b->bytes;
}

static int tail_n(const Series *s) { return (int)(s->n - s->blocks.n * TLX_CHECK); }

/* ---- reading: a cursor holding one decoded block ---- */

typedef struct Cur {
    const Series *s;
    size_t b;                  /* the block held, SIZE_MAX: none */
    const Pt *p;               /* its points: buf, or the series' tail */
    Pt buf[TLX_CHECK];
} Cur;

static void cur_init(Cur *c, const Series *s)
{
    c->s = s;
    c->b = SIZE_MAX;
    c->p = NULL;
}

static void cur_load(Cur *c, size_t b)
{
    if (b == c->b) return;
    if (b < c->s->blocks.n) {
        decode_block(&c->s->blocks.v[b], c->buf);
        c->p = c->buf;
    } else {
        c->p = c->s->tail;
    }
    c->b = b;
}

/* Point i (< s->n). */
static Pt cur_get(Cur *c, size_t i)
{
    cur_load(c, i / TLX_CHECK);
    return c->p[i % TLX_CHECK];
}

/* The last point at or before t, or -1; its block is loaded. */
static long index_at(Cur *c, int64_t t)
{
    const Series *s = c->s;
    size_t nb = (s->n + TLX_CHECK - 1) / TLX_CHECK;
    long lo = 0, hi = (long)nb - 1, b = -1;
    while (lo <= hi) {
        long mid = (lo + hi) / 2;
        int64_t t0 = (size_t)mid < s->blocks.n ? s->blocks.v[mid].t0 : s->tail[0].t;
        if (t0 <= t) {
            b = mid;
            lo = mid + 1;
        } else {
            hi = mid - 1;
        }
    }
    if (b < 0) return -1;
    cur_load(c, (size_t)b);
    size_t first = (size_t)b * TLX_CHECK, cnt = s->n - first < TLX_CHECK ? s->n - first : TLX_CHECK;
    size_t j = 0;
    while (j + 1 < cnt && c->p[j + 1].t <= t) j++;
    return (long)(first + j);
}

/* Time per class before t, into out[ncls]. */
static void totals_at(Cur *c, int64_t t, int64_t *out)
{
    const Series *s = c->s;
    memset(out, 0, (size_t)s->ncls * sizeof *out);
    long i = index_at(c, t);
    if (i < 0) return;
    size_t k = (size_t)i / TLX_CHECK;
    memcpy(out, s->cum.v + k * (size_t)s->ncls, (size_t)s->ncls * sizeof *out);
    const Pt *p = c->p; /* block k: holds every point from k * TLX_CHECK to i */
    int last = (int)((size_t)i - k * TLX_CHECK);
    for (int j = 0; j < last; j++) {
        int cl = cls(s, p[j].v);
        if (cl >= 0) out[cl] += p[j + 1].t - p[j].t;
    }
    int cl = cls(s, p[last].v);
    if (cl >= 0) out[cl] += t - p[last].t;
}

/* ---- writing ---- */

static Series *series_new(int ncls)
{
    Series *s = xcalloc(1, sizeof *s);
    s->ncls = ncls;
    return s;
}

static void series_free(Series *s)
{
    if (!s) return;
    BUF_FREE(s->blocks);
    free(s->tail);
    BUF_FREE(s->cum);
    for (size_t i = 0; i < s->chunks.n; i++) free(s->chunks.v[i]);
    BUF_FREE(s->chunks);
    free(s);
}

static Pt series_point(const Series *s, size_t i)
{
    if (i >= s->blocks.n * TLX_CHECK) return s->tail[i % TLX_CHECK];
    Pt p[TLX_CHECK];
    decode_block(&s->blocks.v[i / TLX_CHECK], p);
    return p[i % TLX_CHECK];
}

static int series_last(const Series *s)
{
    if (!s->n) return -1;
    int k = tail_n(s);
    return k ? s->tail[k - 1].v : series_point(s, s->n - 1).v;
}

/* The value becomes v at time t. */
static void series_set(Series *s, int64_t t, int v)
{
    size_t n = s->n;
    if (n ? series_last(s) == v : v == -1) return;
    if (n && !tail_n(s)) unseal(s); /* the last point may change (not seen: see series_pop) */
    Pt *last = n ? &s->tail[tail_n(s) - 1] : NULL;
    if (last && last->t >= t) {
        /* the last value lasted no time: replace it, merging with the one
         * before.  That one is older than t, so it is never changed in its
         * turn, nor a point before it. */
        Pt prev = n >= 2 ? series_point(s, n - 2) : (Pt){0, 0};
        if (n >= 2 && prev.v == v) {
            int c = cls(s, prev.v);
            if (c >= 0) s->acc[c] -= last->t - prev.t;
            s->n--;
            if ((n - 1) % TLX_CHECK == 0) s->cum.n -= (size_t)s->ncls;
        } else {
            last->v = v;
        }
        return;
    }
    if (last) {
        int c = cls(s, last->v);
        if (c >= 0) s->acc[c] += t - last->t;
    }
    if (n % TLX_CHECK == 0) {
        if (n && tail_n(s) == TLX_CHECK) seal(s);
        BUF_GROW(s->cum, (size_t)s->ncls);
        memcpy(s->cum.v + s->cum.n, s->acc, (size_t)s->ncls * sizeof *s->acc);
        s->cum.n += (size_t)s->ncls;
    }
    int k = tail_n(s);
    if (k == s->tail_cap) {
        s->tail_cap = s->tail_cap ? s->tail_cap * 2 : 2;
        s->tail = xrealloc(s->tail, (size_t)s->tail_cap * sizeof *s->tail);
    }
    s->tail[k] = (Pt){t, v};
    s->n++;
}

/* ---- the index ---- */

static const Series *series_of(const TlIndex *x, int32_t i) { return i >= 0 ? x->series.v[i] : NULL; }

static const Series *task_series(const TlIndex *x, int i)
{
    return (size_t)i < x->tasks.n ? series_of(x, x->tasks.v[i].series) : NULL;
}
static const Series *loop_series(const TlIndex *x, int i)
{
    return (size_t)i < x->tasks.n ? series_of(x, x->tasks.v[i].loop) : NULL;
}
static const Series *core_series(const TlIndex *x, int i) { return series_of(x, x->core[i]); }
static const Series *gil_series(const TlIndex *x, int i) { return series_of(x, x->gils[i]); }

static int32_t add_series(TlIndex *x, int ncls)
{
    BUF_PUSH(x->series, series_new(ncls));
    return (int32_t)(x->series.n - 1);
}

static Series *ser(TlIndex *x, int32_t i) { return x->series.v[i]; }

TlIndex *tlx_new(void) { return xcalloc(1, sizeof(TlIndex)); }

void tlx_reset(TlIndex *x)
{
    for (size_t i = 0; i < x->series.n; i++) series_free(x->series.v[i]);
    BUF_FREE(x->series);
    BUF_FREE(x->tasks);
    free(x->core);
    free(x->gils);
    BUF_FREE(x->rows);
    memset(x, 0, sizeof *x);
}

void tlx_free(TlIndex *x)
{
    if (!x) return;
    tlx_reset(x);
    free(x);
}

/* Info for tasks up to n, in the trace's order: a series for a task that
 * will have a row (build_rows), a thread or one of its first
 * TL_MAX_CHILD_ROWS coroutine tasks. */
static void grow_tasks(TlIndex *x, const Trace *t, size_t n)
{
    while (x->tasks.n < n) {
        size_t k = x->tasks.n;
        TaskInfo ti = {-1, -1, 0, -1, -1};
        BUF_PUSH(x->tasks, ti);
        int parent = k < t->tasks.n ? t->tasks.v[k].parent : -1;
        bool row = true;
        if (parent >= 0 && (size_t)parent < k) row = x->tasks.v[parent].kids++ < TL_MAX_CHILD_ROWS;
        if (row) x->tasks.v[k].series = add_series(x, TS_COUNT);
    }
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
    for (size_t i = x->nprocs; i < n; i++) x->gils[i] = add_series(x, 1);
    x->nprocs = n;
}

static void take_segment(TlIndex *x, const Trace *t, const TraceSeg *g)
{
    int k = (int)g->task;
    grow_tasks(x, t, (size_t)k + 1);
    TaskInfo *tk = &x->tasks.v[k];
    if (tk->series >= 0) series_set(ser(x, tk->series), g->t, (int)g->state);
    int core = g->core == TRACE_NO_CORE ? -1 : (int)g->core;
    /* the core it leaves, unless another task took it at the same instant */
    int old = tk->core;
    if (tk->state == TS_RUNNING && old >= 0 && old < x->ncores && series_last(ser(x, x->core[old])) == k)
        series_set(ser(x, x->core[old]), g->t, -1);
    if (g->state == TS_RUNNING && core >= 0 && core < x->ncores) series_set(ser(x, x->core[core]), g->t, k);
    tk->state = (int8_t)g->state;
    tk->core = (int8_t)core;
    int parent = (size_t)k < t->tasks.n ? t->tasks.v[k].parent : -1;
    if (parent >= 0) {
        grow_tasks(x, t, (size_t)parent + 1);
        TaskInfo *pt = &x->tasks.v[parent];
        if (pt->loop < 0) pt->loop = add_series(x, 1);
        Series *lp = ser(x, pt->loop);
        if (g->state == TS_RUNNING) series_set(lp, g->t, k);
        else if (series_last(lp) == k) series_set(lp, g->t, -1);
    }
}
static void add_row(TlIndex *x, int kind, int index, const char *label, const Series *(*series)(const TlIndex *, int))
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
        for (int c = 0; c < x->ncores; c++) x->core[c] = add_series(x, 1);
    }
    x->gil = gil;
    grow_tasks(x, t, t->tasks.n);
    grow_procs(x, t->procs.n);
    for (; x->segs < t->segs.n; x->segs++) {
        TraceSeg g = trace_seg(t, x->segs);
        take_segment(x, t, &g);
    }
    for (; x->evs < t->evs.n; x->evs++) {
        const TraceEvent e = trace_ev(t, x->evs);
        if ((e.kind != EV_GIL_TAKE && e.kind != EV_GIL_DROP) || e.proc >= t->procs.n) continue;
        grow_procs(x, (size_t)e.proc + 1);
        series_set(ser(x, x->gils[e.proc]), e.t, e.kind == EV_GIL_TAKE ? e.task : -1);
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
    if (!s) return -1;
    Cur c;
    cur_init(&c, s);
    long i = index_at(&c, at);
    return i < 0 ? -1 : cur_get(&c, (size_t)i).v;
}

/* What covers most of [bs, be), idle competing (the rule of sim/stats.c's
 * fill_cells), by walking the few points in it. */
static int walk_bucket(Cur *c, long i0, long i1, int64_t bs, int64_t be)
{
    const Series *s = c->s;
    int vals[TLX_WALK + 2];
    int64_t amt[TLX_WALK + 2];
    int n = 0;
    int64_t busy = 0;
    for (long j = i0 < 0 ? 0 : i0; j <= i1; j++) {
        Pt p = cur_get(c, (size_t)j);
        int v = p.v;
        int64_t a = p.t > bs ? p.t : bs;
        int64_t e = be;
        if ((size_t)j + 1 < s->n) {
            int64_t tn = cur_get(c, (size_t)j + 1).t;
            if (tn < be) e = tn;
        }
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
static int sum_bucket(Cur *c, int64_t bs, int64_t be)
{
    const Series *s = c->s;
    int64_t a[TS_COUNT], b[TS_COUNT], busy = 0;
    totals_at(c, bs, a);
    totals_at(c, be, b);
    for (int k = 0; k < s->ncls; k++) busy += b[k] - a[k];
    if (busy * 2 < be - bs) return -1;
    if (s->ncls > 1) {
        int best = -1;
        int64_t bt = 0;
        for (int k = 0; k < s->ncls; k++)
            if (b[k] - a[k] > bt) {
                bt = b[k] - a[k];
                best = k;
            }
        return best;
    }
    /* mostly busy with many changes: who is running mid-bucket, or next */
    long i = index_at(c, bs + (be - bs) / 2);
    for (long j = i < 0 ? 0 : i, k = 0; (size_t)j < s->n && k <= TLX_WALK; j++, k++) {
        int v = cur_get(c, (size_t)j).v;
        if (v >= 0) return v;
    }
    return -1;
}

enum { TLX_MINOR_SCAN = 256 };

void tlx_minor(const TlIndex *x, int row, int64_t from, int64_t to, int width, int64_t upto, const int32_t *cells,
               int32_t *minor)
{
    const Series *s = row_series(x, row);
    bool task_row = tlx_row(x, row)->kind == ROW_TASK;
    Cur cur;
    if (s) cur_init(&cur, s);
    if (to <= from) to = from + 1;
    double bw = (double)(to - from) / width;
    for (int c = 0; c < width; c++) {
        minor[c] = -1;
        int64_t bs = from + (int64_t)(c * bw), be = from + (int64_t)((c + 1) * bw);
        if (be <= bs) be = bs + 1;
        if (!s || bs >= upto) continue;
        if (be > upto) be = upto;
        long i0 = index_at(&cur, bs), i1 = index_at(&cur, be - 1);
        if (i1 < 0) continue;
        if (i0 < 0) i0 = 0;
        if (i1 - i0 > TLX_MINOR_SCAN) i1 = i0 + TLX_MINOR_SCAN;
        int64_t best_t = 0;
        for (long j = i0; j <= i1; j++) {
            Pt p = cur_get(&cur, (size_t)j);
            int v = p.v;
            if (v < 0 || v == cells[c] || (task_row && v != TS_BLOCKED)) continue;
            int64_t a = p.t > bs ? p.t : bs;
            int64_t e = be;
            if ((size_t)j + 1 < s->n) {
                int64_t tn = cur_get(&cur, (size_t)j + 1).t;
                if (tn < be) e = tn;
            }
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
    Cur cur;
    if (s) cur_init(&cur, s);
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
        long i0 = index_at(&cur, bs), i1 = index_at(&cur, be - 1);
        if (i1 < 0) cells[c] = -1;
        else if (i1 - i0 <= TLX_WALK) cells[c] = walk_bucket(&cur, i0, i1, bs, be);
        else cells[c] = sum_bucket(&cur, bs, be);
    }
}
