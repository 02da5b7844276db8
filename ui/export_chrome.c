/* export_chrome.c - the run as Chrome Trace Event JSON, for Perfetto
 * (ui.perfetto.dev) and chrome://tracing.
 *
 * What the file holds:
 *  - a process per simulated process (its simulated pid, named with
 *    process_name metadata) and a "CPU" process with a thread per core;
 *  - a thread per simulated thread and per asyncio task (thread_name),
 *    ordered as the text timeline orders its rows (thread_sort_index);
 *  - per task, back-to-back "X" slices, one per state change, named by
 *    the state ("running", "gil-wait"...) with the reason in args; per
 *    core, a slice per stretch a thread ran on it, named by the thread;
 *  - the trace's point events as thread-scoped instants ("gil-take",
 *    "lock-acquire", "print"...), each with a sentence in args.what;
 *  - counters: each process's GIL holder (the task number, -1 when free),
 *    the OS ready queue (threads waiting for a core) and each event
 *    loop's ready queue;
 *  - v2 flows (bind_id, flow_out/flow_in) from a wake-up event (a
 *    zero-length "wake" slice on the waker's track) to the slice the woken
 *    task starts when it wakes.
 *
 * Ids: simulated pids start at 4000, the CPU process is pid 1 with a tid
 * per core (2 + core), and task k is tid 1000000 + k, so no tid is also a
 * pid (Perfetto takes a tid equal to a pid for that process's main
 * thread).  Every event names a named thread, even process counters, or
 * Perfetto would invent an unnamed thread for it.
 *
 * Times are integer nanoseconds written as microseconds with three
 * decimals; events are written in the trace's own order, so equal runs
 * give byte-identical files. */
#include "export_util.h"
#include "cli.h"
#include "../sim/narrate.h"

#include <stdlib.h>
#include <string.h>

enum { CPU_PID = 1, CORE_TID0 = 2, TASK_TID0 = 1000000 };

/* A counter track: its value is written when it changes, once per
 * timestamp (the last value at that time). */
typedef struct Counter {
    int pid, tid;
    char name[96];
    const char *arg;
    int64_t ts, val;         /* the pending value */
    bool pending;
    int64_t shown;           /* the last value written */
    bool any;
} Counter;

typedef struct Chrome {
    FILE *f;
    Sim *S;
    const Trace *t;
    int64_t from, to;
    bool first;              /* no comma before the first event */
    int64_t *seg_end;
    int32_t *flow_in;        /* per segment: the flow it ends, 0 none */
    int32_t *flow_out;       /* per event: the flow it starts, 0 none */
    BUF(Counter) ctr;
    int ready_ctr;           /* the OS ready queue's counter */
    int *gil_ctr;            /* per process, -1 without a GIL */
    int *loop_ctr;           /* per task: its event loop's ready queue, -1 none */
} Chrome;

static int task_tid(int k) { return TASK_TID0 + k; }

/* Start an event object; the caller adds fields and closes it. */
static void ev_begin(Chrome *C, const char *ph, const char *cat, const char *name, int pid, int tid)
{
    FILE *f = C->f;
    fputs(C->first ? "\n" : ",\n", f);
    C->first = false;
    fprintf(f, "{\"ph\":\"%s\"", ph);
    if (cat) fprintf(f, ",\"cat\":\"%s\"", cat);
    if (name) {
        fputs(",\"name\":", f);
        ex_json_str(f, name, strlen(name));
    }
    fprintf(f, ",\"pid\":%d,\"tid\":%d", pid, tid);
}

static void ev_ts(Chrome *C, int64_t ts)
{
    fputs(",\"ts\":", C->f);
    ex_us(C->f, ts);
}

static void meta(Chrome *C, const char *what, int pid, int tid, const char *key, const char *sval, int ival)
{
    ev_begin(C, "M", NULL, what, pid, tid);
    fprintf(C->f, ",\"args\":{\"%s\":", key);
    if (sval) ex_json_str(C->f, sval, strlen(sval));
    else fprintf(C->f, "%d", ival);
    fputs("}}", C->f);
}

/* ---- counters ---- */

static int counter_new(Chrome *C, int pid, int tid, const char *name, const char *arg, int64_t initial)
{
    Counter c = {.pid = pid, .tid = tid, .arg = arg, .ts = C->from, .val = initial, .pending = true};
    snprintf(c.name, sizeof c.name, "%s", name);
    BUF_PUSH(C->ctr, c);
    return (int)C->ctr.n - 1;
}

static void counter_flush(Chrome *C, Counter *c)
{
    if (!c->pending) return;
    c->pending = false;
    if (c->any && c->shown == c->val) return;
    c->any = true;
    c->shown = c->val;
    ev_begin(C, "C", "counter", c->name, c->pid, c->tid);
    ev_ts(C, c->ts);
    fprintf(C->f, ",\"args\":{\"%s\":%lld}}", c->arg, (long long)c->val);
}

/* The value from time ts on; changes before the window count from its
 * start, changes after it are dropped. */
static void counter_set(Chrome *C, int i, int64_t ts, int64_t val)
{
    if (i < 0 || ts > C->to) return;
    Counter *c = &C->ctr.v[i];
    if (ts < C->from) ts = C->from;
    if (c->pending && c->ts != ts) counter_flush(C, c);
    c->ts = ts;
    c->val = val;
    c->pending = true;
}

/* ---- the pieces ---- */

/* narrate()'s sentence for a segment without the task's name in front:
 * "waits for a lock (lock a)". */
static void seg_reason(Chrome *C, int seg, SBuf *out)
{
    const Trace *t = C->t;
    Record r = {trace_seg(t, seg).t, seg, -1};
    SBuf b = {0};
    narrate(C->S, &r, &b);
    char name[96];
    stats_task_name(t, (int)trace_seg(t, seg).task, name, sizeof name);
    size_t n = strlen(name);
    const char *s = b.s ? b.s : "";
    if (strncmp(s, name, n) == 0 && s[n] == ' ') s += n + 1;
    sb_puts(out, s);
    sb_free(&b);
}

static void emit_metadata(Chrome *C)
{
    const Trace *t = C->t;
    int nt = (int)t->tasks.n;
    meta(C, "process_name", CPU_PID, CORE_TID0, "name", "CPU", 0);
    meta(C, "process_sort_index", CPU_PID, CORE_TID0, "sort_index", NULL, 0);
    for (int c = 0; c < t->ncores; c++) {
        char nm[32];
        snprintf(nm, sizeof nm, "cpu%d", c);
        meta(C, "thread_name", CPU_PID, CORE_TID0 + c, "name", nm, 0);
        meta(C, "thread_sort_index", CPU_PID, CORE_TID0 + c, "sort_index", NULL, c);
    }
    /* the row order of the text timeline: each process's threads, each
     * followed by its event loop's tasks */
    int *first, *next;
    trace_children(t, &first, &next);
    for (size_t p = 0; p < t->procs.n; p++) {
        int pid = t->procs.v[p].pid, main = -1, order = 0;
        for (int k = 0; k < nt && main < 0; k++)
            if ((size_t)t->tasks.v[k].proc == p) main = k;
        int mtid = main >= 0 ? task_tid(main) : pid;
        meta(C, "process_name", pid, mtid, "name", t->procs.v[p].name, 0);
        meta(C, "process_sort_index", pid, mtid, "sort_index", NULL, (int)p + 1);
        if (main < 0) meta(C, "thread_name", pid, pid, "name", "(no threads)", 0);
        for (int k = 0; k < nt; k++) {
            const TraceTask *tk = &t->tasks.v[k];
            if ((size_t)tk->proc != p || tk->parent >= 0) continue;
            for (int j = k; j >= 0; j = j == k ? first[k] : next[j]) {
                meta(C, "thread_name", pid, task_tid(j), "name", t->tasks.v[j].name, 0);
                meta(C, "thread_sort_index", pid, task_tid(j), "sort_index", NULL, order++);
            }
        }
        /* coroutine tasks whose loop thread is in another process (not
         * expected) still get a name */
        for (int k = 0; k < nt; k++) {
            const TraceTask *tk = &t->tasks.v[k];
            if ((size_t)tk->proc == p && tk->parent >= 0 && (tk->parent >= nt || t->tasks.v[tk->parent].proc != tk->proc))
                meta(C, "thread_name", pid, task_tid(k), "name", tk->name, 0);
        }
    }
    free(first);
    free(next);
}

/* Counters: the OS ready queue on the CPU process, each process's GIL
 * holder, each event loop's ready queue. */
static void make_counters(Chrome *C)
{
    const Trace *t = C->t;
    int nt = (int)t->tasks.n;
    C->ready_ctr = counter_new(C, CPU_PID, CORE_TID0, "ready queue", "threads", 0);
    C->gil_ctr = xmalloc((t->procs.n + 1) * sizeof(int));
    bool gil = sim_gil_on(C->S);
    for (size_t p = 0; p < t->procs.n; p++) {
        C->gil_ctr[p] = -1;
        int main = -1;
        for (int k = 0; k < nt && main < 0; k++)
            if ((size_t)t->tasks.v[k].proc == p) main = k;
        if (gil && main >= 0) C->gil_ctr[p] = counter_new(C, t->procs.v[p].pid, task_tid(main), "GIL", "holder", -1);
    }
    C->loop_ctr = xmalloc(((size_t)nt + 1) * sizeof(int));
    for (int k = 0; k < nt; k++) C->loop_ctr[k] = -1;
    for (int j = 0; j < nt; j++) {
        int k = t->tasks.v[j].parent;
        if (k < 0 || k >= nt || C->loop_ctr[k] >= 0) continue;
        char nm[96];
        snprintf(nm, sizeof nm, "event loop (%s)", t->tasks.v[k].name);
        C->loop_ctr[k] = counter_new(C, t->procs.v[t->tasks.v[k].proc].pid, task_tid(k), nm, "ready", 0);
    }
}

/* Which wake-up events get a flow, and to which slice: the woken task's
 * first slice (of non-zero length in the window) after the event.  Ids
 * are numbered in trace order. */
static void link_flows(Chrome *C, const Record *rec, size_t n)
{
    const Trace *t = C->t;
    C->flow_in = xcalloc(t->segs.n + 1, sizeof *C->flow_in);
    C->flow_out = xcalloc(t->evs.n + 1, sizeof *C->flow_out);
    int *pend = xmalloc((t->tasks.n + 1) * sizeof(int)); /* the wake event waiting for its slice */
    for (size_t k = 0; k < t->tasks.n; k++) pend[k] = -1;
    int32_t id = 0;
    for (size_t r = 0; r < n; r++) {
        if (rec[r].ev >= 0) {
            const TraceEvent e = trace_ev(t, rec[r].ev);
            if (e.kind == EV_WAKE && e.task >= 0 && e.a >= 0 && (size_t)e.a < t->tasks.n && e.t >= C->from &&
                e.t <= C->to)
                pend[e.a] = rec[r].ev;
            continue;
        }
        int i = rec[r].seg;
        const TraceSeg g = trace_seg(t, i);
        if (pend[g.task] < 0) continue;
        int64_t s = g.t > C->from ? g.t : C->from, e = C->seg_end[i] < C->to ? C->seg_end[i] : C->to;
        if (g.state == TS_DONE || g.t > C->to) {
            pend[g.task] = -1;
        } else if (e > s) {
            C->flow_out[pend[g.task]] = C->flow_in[i] = ++id;
            pend[g.task] = -1;
        }
    }
    free(pend);
}

static void emit_segment(Chrome *C, int i, int *lstate)
{
    const Trace *t = C->t;
    const TraceSeg g = trace_seg(t, i);
    int k = (int)g.task;
    const TraceTask *tk = &t->tasks.v[k];
    /* counters first: they hold from this change on */
    int old = lstate[k];
    lstate[k] = g.state;
    if (old != (int)g.state) {
        int ctr = tk->parent < 0 ? C->ready_ctr : tk->parent < (int)t->tasks.n ? C->loop_ctr[tk->parent] : -1;
        if (ctr >= 0 && (old == TS_READY || g.state == TS_READY)) {
            Counter *c = &C->ctr.v[ctr];
            counter_set(C, ctr, g.t, c->val + (g.state == TS_READY) - (old == TS_READY));
        }
    }
    int64_t s = g.t > C->from ? g.t : C->from, e = C->seg_end[i] < C->to ? C->seg_end[i] : C->to;
    if (g.state == TS_DONE || e <= s) return;
    int pid = t->procs.v[tk->proc].pid;
    SBuf why = {0};
    seg_reason(C, i, &why);
    ev_begin(C, "X", "state", trace_states[g.state].legend, pid, task_tid(k));
    ev_ts(C, s);
    fputs(",\"dur\":", C->f);
    ex_us(C->f, e - s);
    if (C->flow_in[i]) fprintf(C->f, ",\"bind_id\":%d,\"flow_in\":true", C->flow_in[i]);
    fputs(",\"args\":{\"reason\":", C->f);
    ex_json_str(C->f, why.s ? why.s : "", why.n);
    fputs("}}", C->f);
    sb_free(&why);
    if (g.state == TS_RUNNING && tk->parent < 0 && g.core != TRACE_NO_CORE && (int)g.core < t->ncores) {
        char name[96];
        stats_task_name(t, k, name, sizeof name);
        ev_begin(C, "X", "cpu", name, CPU_PID, CORE_TID0 + (int)g.core);
        ev_ts(C, s);
        fputs(",\"dur\":", C->f);
        ex_us(C->f, e - s);
        fprintf(C->f, ",\"args\":{\"task\":%d}}", k);
    }
}

static const char *event_cat(int kind)
{
    switch (kind) {
    case EV_GIL_REQUEST: case EV_GIL_DROP_REQUEST: case EV_GIL_DROP: case EV_GIL_TAKE: return "gil";
    case EV_LOCK_ACQUIRE: case EV_LOCK_RELEASE: case EV_NOTIFY: case EV_WAKE: case EV_TIMEOUT: return "sync";
    case EV_QUEUE_PUT: case EV_QUEUE_GET: case EV_PICKLE: return "queue";
    case EV_PRINT: return "output";
    case EV_AWAIT: case EV_TIMER: case EV_TASK_STEP: case EV_LOOP_ITER: return "asyncio";
    default: return "task";
    }
}

static void emit_event(Chrome *C, int j)
{
    const Trace *t = C->t;
    const TraceEvent e = trace_ev(t, j);
    size_t p = e.proc < t->procs.n ? e.proc : 0;
    if ((e.kind == EV_GIL_TAKE || e.kind == EV_GIL_DROP) && p < t->procs.n)
        counter_set(C, C->gil_ctr[p], e.t, e.kind == EV_GIL_TAKE ? e.task : -1);
    if (e.t < C->from || e.t > C->to || !t->procs.n) return;
    Record r = {e.t, -1, j};
    SBuf what = {0};
    narrate(C->S, &r, &what);
    bool own = e.task >= 0 && (size_t)e.task < t->tasks.n;
    /* a task's event goes on its own thread, in its own process (a
     * wake-up across processes is recorded under the woken's process) */
    if (own && (size_t)t->tasks.v[e.task].proc < t->procs.n) p = (size_t)t->tasks.v[e.task].proc;
    int pid = t->procs.v[p].pid;
    int tid = own ? task_tid(e.task) : -1;
    if (!own) /* the system's events go on the process, through a named thread */
        for (size_t k = 0; k < t->tasks.n && tid < 0; k++)
            if ((size_t)t->tasks.v[k].proc == p) tid = task_tid((int)k);
    if (tid < 0) tid = pid;
    if (C->flow_out[j]) {
        /* a point the flow can start from: a zero-length slice */
        ev_begin(C, "X", "wake", "wake", pid, tid);
        ev_ts(C, e.t);
        fprintf(C->f, ",\"dur\":0.000,\"bind_id\":%d,\"flow_out\":true", C->flow_out[j]);
    } else {
        ev_begin(C, "i", event_cat(e.kind), trace_event_name[e.kind], pid, tid);
        ev_ts(C, e.t);
        fprintf(C->f, ",\"s\":\"%s\"", own ? "t" : "p");
    }
    fputs(",\"args\":{\"what\":", C->f);
    ex_json_str(C->f, what.s ? what.s : "", what.n);
    fputs("}}", C->f);
    sb_free(&what);
}

static void emit_other_data(Chrome *C)
{
    FILE *f = C->f;
    const Settings *set = sim_settings(C->S);
    fputs("\"otherData\":{\"generator\":\"interleave " INTERLEAVE_VERSION "\",\"title\":", f);
    const char *title = set->title ? set->title : "";
    ex_json_str(f, title, strlen(title));
    fputs(",\"from_us\":", f);
    ex_us(f, C->from);
    fputs(",\"to_us\":", f);
    ex_us(f, C->to);
    fputs(",\"run_end_us\":", f);
    ex_us(f, C->t->end);
    fputs(",\"settings\":{", f);
    bool first = true;
    for (int i = 0; i < SET_COUNT; i++) {
        if (settings_info[i].type == ST_STRING) continue; /* the title, a challenge's texts */
        char v[128];
        settings_format(set, i, v, sizeof v);
        fprintf(f, "%s\"%s\":", first ? "" : ",", settings_info[i].key);
        first = false;
        ex_json_str(f, v, strlen(v));
    }
    fputs("}}", f);
}

bool export_chrome(FILE *f, Sim *S, const ExportOpts *o)
{
    Chrome C = {.f = f, .S = S, .t = sim_trace(S), .first = true};
    const Trace *t = C.t;
    if (!ex_window(t, o, &C.from, &C.to)) C.from = C.to = 0;
    C.seg_end = ex_seg_ends(t);
    Record *rec;
    size_t n;
    narrate_records_between(t, 0, t->segs.n, 0, t->evs.n, &rec, &n);
    link_flows(&C, rec, n);
    /* Perfetto wants displayTimeUnit first, and stops reading at a key it
     * does not know */
    fputs("{\"displayTimeUnit\":\"ns\",\n", f);
    emit_other_data(&C);
    fputs(",\n\"traceEvents\":[", f);
    emit_metadata(&C);
    make_counters(&C);
    int *lstate = xmalloc((t->tasks.n + 1) * sizeof(int));
    for (size_t k = 0; k < t->tasks.n; k++) lstate[k] = -1;
    for (size_t r = 0; r < n; r++) {
        if (rec[r].seg >= 0) emit_segment(&C, rec[r].seg, lstate);
        else emit_event(&C, rec[r].ev);
    }
    for (size_t i = 0; i < C.ctr.n; i++) counter_flush(&C, &C.ctr.v[i]);
    fputs("\n]}\n", f);
    free(lstate);
    free(rec);
    free(C.seg_end);
    free(C.flow_in);
    free(C.flow_out);
    free(C.gil_ctr);
    free(C.loop_ctr);
    BUF_FREE(C.ctr);
    return !ferror(f);
}
