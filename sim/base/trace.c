/* trace.c - recording the trace, its side tables and its hash. */
#include "trace.h"

#include <stdio.h>
#include <stdlib.h>

const TaskStateInfo trace_states[TS_COUNT] = {
#define X(id, name, legend, ascii, utf8, hex, c256, c8) {name, legend, ascii, utf8, hex, c256, c8},
    TASK_STATES(X)
#undef X
};

const int trace_legend[TS_COUNT] = {TS_NEW, TS_RUNNING, TS_READY, TS_GILWAIT, TS_BLOCKED,
                                    TS_SLEEPING, TS_IO, TS_AWAITING, TS_DONE};

const char *const trace_reason_text[R_COUNT] = {
#define X(k, s) s,
    REASONS(X)
#undef X
};

const char *const trace_event_name[EV_COUNT] = {
#define X(k, s) s,
    TRACE_EVENTS(X)
#undef X
};

/* The fields of a packed state change and event, in the order packed:
 * the time first, as it changes in every record.  A state change's
 * state, core and reason are one field (SEG_WHAT), and an event's kind
 * and process: the fewer fields, the cheaper a record (pack_push's cost
 * is per field, and an asyncio task step records two state changes). */
enum { SEGF_T, SEGF_TASK, SEGF_WHAT, SEGF_OBJ, SEGF_FIELDS };
enum { EVF_T, EVF_TASK, EVF_WHAT, EVF_A, EVF_B, EVF_SEG, EVF_FIELDS };
#define SEG_WHAT(state, core, reason) ((int64_t)(state) | (int64_t)(core) << 4 | (int64_t)(reason) << 11)
#define EV_WHAT(kind, proc) ((int64_t)(kind) | (int64_t)(proc) << 8)
_Static_assert(TS_COUNT <= 16 && TRACE_NO_CORE < 128 && EV_COUNT <= 256, "SEG_WHAT and EV_WHAT fields fit");

Trace *trace_new(int ncores)
{
    Trace *t = xcalloc(1, sizeof *t);
    t->ncores = ncores;
    t->room = INT64_MAX;
    pack_init(&t->segs, SEGF_FIELDS);
    pack_init(&t->evs, EVF_FIELDS);
    return t;
}

void trace_free(Trace *t)
{
    if (!t) return;
    for (size_t i = 0; i < t->names.n; i++) free(t->names.v[i]);
    for (size_t i = 0; i < t->objs.n; i++) free(t->objs.v[i].name);
    for (size_t i = 0; i < t->procs.n; i++) free(t->procs.v[i].name);
    for (size_t i = 0; i < t->strs.n; i++) free(t->strs.v[i]);
    free(t->rank);
    pack_free(&t->segs);
    pack_free(&t->evs);
    BUF_FREE(t->tasks);
    BUF_FREE(t->objs);
    BUF_FREE(t->procs);
    BUF_FREE(t->strs);
    BUF_FREE(t->names);
    free(t);
}

_Static_assert(sizeof(TraceSeg) == 16, "trace segments are 16 bytes");
_Static_assert(sizeof(TraceTask) <= 64, "a task row is at most 64 bytes (runs make 100,000s)");
_Static_assert(R_COUNT <= 256, "reasons fit TraceSeg.reason");

/* A copy of a task's name.  Runs make up to millions of tasks whose names
 * live as long as the trace: they are packed into 64 KiB blocks instead
 * of one allocation each. */
static char *name_copy(Trace *t, const char *name)
{
    size_t n = strlen(name) + 1;
    if (n > t->names_left) {
        size_t size = n > 65536 ? n : 65536;
        t->names_next = xmalloc(size);
        t->names_left = size;
        BUF_PUSH(t->names, t->names_next);
    }
    char *p = t->names_next;
    memcpy(p, name, n);
    t->names_next += n;
    t->names_left -= n;
    return p;
}

int trace_add_task(Trace *t, const char *name, int kind, int proc, int parent, bool daemon, int64_t at)
{
    if (t->tasks.n >= TRACE_MAX_TASKS) return -1;
    TraceTask tk = {.name = name_copy(t, name), .kind = kind, .proc = proc, .parent = parent, .opener = -1,
                    .daemon = daemon, .created = at, .ended = -1, .obj = -1, .since = at};
    BUF_PUSH(t->tasks, tk);
    return (int)t->tasks.n - 1;
}

void trace_rename_task(Trace *t, int task, const char *name)
{
    /* the old copy stays in its block: renames are rare */
    t->tasks.v[task].name = name_copy(t, name);
}

int trace_add_obj(Trace *t, int kind, int proc, int64_t at)
{
    if (t->objs.n >= TRACE_MAX_OBJS) return -1;
    TraceObj o = {kind, proc, NULL, at};
    BUF_PUSH(t->objs, o);
    return (int)t->objs.n - 1;
}

int trace_add_proc(Trace *t, const char *name, int pid, int parent)
{
    TraceProc p = {xstrdup(name), pid, parent};
    BUF_PUSH(t->procs, p);
    return (int)t->procs.n - 1;
}

int trace_add_str(Trace *t, const char *s)
{
    BUF_PUSH(t->strs, xstrdup(s));
    return (int)t->strs.n - 1;
}

/* A task's opener when it is a row of the same thread made before it
 * (so that following openers always ends), else -1. */
static int opener_of(const Trace *t, size_t j)
{
    int o = t->tasks.v[j].opener;
    return o >= 0 && (size_t)o < j && t->tasks.v[o].parent == t->tasks.v[j].parent ? o : -1;
}

int trace_depth(const Trace *t, int j)
{
    int d = 0;
    for (int o = opener_of(t, (size_t)j); o >= 0; o = opener_of(t, (size_t)o)) d++;
    return d;
}

void trace_children(const Trace *t, int **first, int **next)
{
    size_t nt = t->tasks.n;
    int *f = xmalloc((nt + 1) * sizeof(int)), *n = xmalloc((nt + 1) * sizeof(int));
    int *last = xmalloc((nt + 1) * sizeof(int));
    for (size_t k = 0; k < nt; k++) f[k] = last[k] = n[k] = -1;
    /* first the tree of openers: for each task, the tasks it opened, in
     * creation order (a thread's own rows are the roots) */
    for (size_t j = 0; j < nt; j++) {
        int k = opener_of(t, j);
        if (k < 0) k = t->tasks.v[j].parent;
        if (k < 0 || (size_t)k >= nt) continue;
        if (last[k] < 0) f[k] = (int)j;
        else n[last[k]] = (int)j;
        last[k] = (int)j;
    }
    /* then each thread's rows in depth-first order of that tree, so a
     * nursery's children come right under the task that opened it: every
     * task but a root had a parent earlier in the list, so one pass in
     * creation order splices each one's opened tasks in after it */
    for (size_t k = 0; k < nt; k++) {
        if (t->tasks.v[k].parent >= 0 || f[k] < 0) continue;
        for (int j = f[k]; j >= 0;) {
            int after = n[j];
            if (f[j] >= 0) {
                int tail = f[j];
                while (n[tail] >= 0) tail = n[tail];
                n[tail] = after;
                n[j] = f[j];
                f[j] = -1;
            }
            j = n[j];
        }
    }
    free(last);
    *first = f;
    *next = n;
}

void trace_state(Trace *t, int64_t at, int task, int state, int core, int reason, int obj)
{
    int64_t rec[SEGF_FIELDS] = {[SEGF_T] = at, [SEGF_TASK] = task,
                               [SEGF_WHAT] = SEG_WHAT(state, core < 0 ? TRACE_NO_CORE : core, reason),
                               [SEGF_OBJ] = obj};
    t->room -= (int64_t)pack_push(&t->segs, rec);
    TraceTask *tk = &t->tasks.v[task];
    tk->state = state;
    tk->reason = reason;
    tk->obj = obj;
    tk->since = at;
    if (t->hook) t->hook(t->hook_ctx, -1, task, at);
}

void trace_event(Trace *t, int64_t at, int task, int kind, int proc, int a, int b)
{
    int64_t rec[EVF_FIELDS] = {[EVF_T] = at, [EVF_TASK] = task, [EVF_WHAT] = EV_WHAT(kind, proc),
                              [EVF_A] = a, [EVF_B] = b, [EVF_SEG] = (int64_t)t->segs.n};
    t->room -= (int64_t)pack_push(&t->evs, rec);
    if (t->hook) t->hook(t->hook_ctx, kind, task, at);
}

TraceSeg trace_seg(const Trace *t, size_t i)
{
    int64_t r[SEGF_FIELDS];
    pack_get(&t->segs, i, r);
    int64_t w = r[SEGF_WHAT];
    return (TraceSeg){.t = r[SEGF_T], .task = (unsigned)r[SEGF_TASK], .state = (unsigned)(w & 15),
                      .core = (unsigned)(w >> 4 & 127), .obj = (int)r[SEGF_OBJ], .reason = (unsigned)(w >> 11)};
}

TraceEvent trace_ev(const Trace *t, size_t i)
{
    int64_t r[EVF_FIELDS];
    pack_get(&t->evs, i, r);
    return (TraceEvent){.t = r[EVF_T], .task = (int32_t)r[EVF_TASK], .kind = (uint16_t)(r[EVF_WHAT] & 255),
                        .proc = (uint16_t)(r[EVF_WHAT] >> 8), .a = (int32_t)r[EVF_A], .b = (int32_t)r[EVF_B],
                        .seg = (uint32_t)r[EVF_SEG]};
}

size_t trace_bytes(const Trace *t)
{
    return pack_bytes(&t->segs) + pack_bytes(&t->evs);
}

static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++) {
        h ^= b[i];
        h *= 1099511628211ULL;
    }
    return h;
}

static uint64_t fnv_i64(uint64_t h, int64_t v)
{
    unsigned char b[8];
    for (int i = 0; i < 8; i++) b[i] = (unsigned char)((uint64_t)v >> (8 * i));
    return fnv(h, b, 8);
}

uint64_t trace_hash(const Trace *t)
{
    /* field by field, so padding and host byte order never matter */
    uint64_t h = 14695981039346656037ULL;
    for (size_t i = 0; i < t->segs.n; i++) {
        TraceSeg s = trace_seg(t, i);
        h = fnv_i64(h, s.t);
        h = fnv_i64(h, s.task);
        h = fnv_i64(h, (int64_t)s.state | (int64_t)(s.core == TRACE_NO_CORE ? 0xFF : s.core) << 8 | (int64_t)s.reason << 16);
        h = fnv_i64(h, s.obj);
    }
    for (size_t i = 0; i < t->evs.n; i++) {
        TraceEvent e = trace_ev(t, i);
        h = fnv_i64(h, e.t);
        h = fnv_i64(h, e.task);
        h = fnv_i64(h, e.kind | (int64_t)e.proc << 16);
        h = fnv_i64(h, e.a);
        h = fnv_i64(h, e.b);
    }
    for (size_t i = 0; i < t->tasks.n; i++) {
        h = fnv(h, t->tasks.v[i].name, strlen(t->tasks.v[i].name) + 1);
        h = fnv_i64(h, t->tasks.v[i].proc);
    }
    if (t->loop_iterations || t->task_steps) {
        h = fnv_i64(h, t->loop_iterations);
        h = fnv_i64(h, t->task_steps);
    }
    return fnv_i64(h, t->end);
}

const char *trace_obj_kind_name(int kind)
{
    static const char *const names[] = {"lock", "RLock", "condition", "semaphore", "event", "barrier", "queue",
                                        "thread", "process", "multiprocessing queue", "pipe", "future",
                                        "asyncio object", "object"};
    return kind >= 0 && kind <= OBJ_OTHER ? names[kind] : "object";
}

const char *trace_obj_name(const Trace *t, int i, char *buf, size_t n)
{
    if (i < 0 || (size_t)i >= t->objs.n) {
        snprintf(buf, n, "?");
        return buf;
    }
    const TraceObj *o = &t->objs.v[i];
    if (o->name) snprintf(buf, n, "%s %s", trace_obj_kind_name(o->kind), o->name);
    else snprintf(buf, n, "%s #%d", trace_obj_kind_name(o->kind), i);
    return buf;
}
