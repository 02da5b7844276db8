/* inspect.c - views of a paused or finished run (inspect.h). */
#include "inspect.h"
#include "aio.h"
#include "dict.h"
#include "gc.h"
#include "gil.h"
#include "mod_drivers.h"
#include "modules.h"
#include "names.h"
#include "narrate.h"
#include "obj.h"
#include "parse.h"
#include "repr.h"
#include "str.h"
#include "sync.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int sim_task_count(Sim *S) { return S->trace ? (int)S->trace->tasks.n : 0; }

/* The thread task with trace index tid, or NULL (a coroutine task). */
static Task *thread_task(Sim *S, int tid)
{
    for (size_t i = 0; i < S->tasks.n; i++)
        if (S->tasks.v[i]->st && S->tasks.v[i]->st->tid == tid) return S->tasks.v[i];
    return NULL;
}

/* The line a context's top frame is at: its next op's, except after a
 * call that returns when the task wakes (time.sleep), where the call's. */
static void where_in(const Ctx *c, bool after_call, const char **file, int *line)
{
    if (!c || !c->nframes) return;
    const Frame *f = &c->frames[c->nframes - 1];
    if (!f->code->src || f->code->src->library) return;
    uint32_t pc = after_call && f->pc ? f->pc - 1 : f->pc;
    if (pc >= (uint32_t)f->code->nops) pc = (uint32_t)f->code->nops - 1;
    *file = f->code->src->name;
    *line = f->code->lines[pc];
}

/* What T waits for, in words: the object, and who holds it. */
static void waits_text(Sim *S, int obj, Task *holder, int reason, char *buf, size_t n)
{
    char nm[160] = "";
    if (obj >= 0 && (size_t)obj < S->trace->objs.n) {
        names_trace_objects(S);
        trace_obj_name(S->trace, obj, nm, sizeof nm);
    }
    if (holder && reason == R_JOIN)
        snprintf(buf, n, "%s%s%s, which is %s", nm, *nm ? " " : "", holder->name, trace_states[holder->st->state].name);
    else if (holder)
        snprintf(buf, n, "%s%sheld by %s", nm, *nm ? ", " : "", holder->name);
    else
        snprintf(buf, n, "%s", nm);
}

/* What a future is about: gather's names its tasks. */
static void future_text(Sim *S, Value fut, char *buf, size_t n)
{
    Instance *in = AS_INST(fut);
    FutData *g = aio_fut_data(fut);
    Value kids = g && g->gather ? g->gather->children : v_undef();
    if (is_list(kids)) {
        size_t off = (size_t)snprintf(buf, n, "gather of");
        for (int64_t i = 0; i < AS_LIST(kids)->n && off < n; i++) {
            FutData *k = aio_fut_data(AS_LIST(kids)->v[i]);
            if (k && k->is_task) off += (size_t)snprintf(buf + off, n - off, "%s %s", i ? "," : "", S->trace->tasks.v[k->tid].name);
        }
        return;
    }
    if (in->cls != aio_st(S)->future) {
        snprintf(buf, n, "a %s", in->cls->name->s);
        return;
    }
    FutData *f = aio_fut_data(fut);
    waits_text(S, f->obj, NULL, 0, buf, n);
}

bool sim_task_view(Sim *S, int tid, TaskView *out)
{
    if (tid < 0 || tid >= sim_task_count(S)) return false;
    const TraceTask *tk = &S->trace->tasks.v[tid];
    memset(out, 0, sizeof *out);
    out->tid = tid;
    out->name = tk->name;
    out->coroutine = tk->kind == TK_COROUTINE;
    out->parent = tk->parent;
    out->proc = tk->proc;
    out->state = tk->ended >= 0 ? TS_DONE : tk->state;
    out->reason = trace_reason_text[tk->ended >= 0 && tk->reason < R_DONE ? R_DONE : tk->reason];
    out->since = tk->since;
    out->core = -1;
    Task *T = thread_task(S, tid);
    if (T) {
        if (T->st->done) return true;
        out->core = T->st->state == TS_RUNNING ? T->st->core : -1;
        where_in(T->cur, T->st->state == TS_SLEEPING, &out->file, &out->line);
        /* the GIL's holder now, not the one when the wait began */
        Task *holder = T->st->state == TS_GILWAIT ? T->proc->ps->gil_holder : T->st->waits_for;
        waits_text(S, T->st->obj, holder, T->st->reason, out->waits, sizeof out->waits);
        if (T->st->reason == R_LOOP_IDLE) {
            int64_t w = sched_timer_of(S, T, SE_TIMEOUT);
            char b[32];
            fmt_duration(b, sizeof b, w);
            if (w >= 0) snprintf(out->waits, sizeof out->waits, "until %s, unless another thread wakes it", b);
            else snprintf(out->waits, sizeof out->waits, "no timer: only another thread can wake it");
        }
        return true;
    }
    Task *host = thread_task(S, tk->parent);
    bool stepping = host && host->subtask == tid;
    if (stepping) {
        /* its step is running: it is where its thread is */
        where_in(host->cur, host->st->state == TS_SLEEPING, &out->file, &out->line);
        out->core = host->st->state == TS_RUNNING ? host->st->core : -1;
    }
    FutData *t = aio_find_task(S, tid);
    if (!t) {
        /* a trio task or a greenlet: what it waits on, when its run loop
         * said (_interleave.park's object) */
        if (!stepping && out->state != TS_DONE && tk->obj >= 0) waits_text(S, tk->obj, NULL, 0, out->waits, sizeof out->waits);
        return true;
    }
    if (!stepping && t->leaf) {
        where_in(t->leaf, false, &out->file, &out->line);
    }
    FutData *w = aio_fut_data(t->waiter);
    if (w && w->is_task) snprintf(out->waits, sizeof out->waits, "%s", S->trace->tasks.v[w->tid].name);
    else if (w && w->reason != R_AWAIT_TIMER) future_text(S, t->waiter, out->waits, sizeof out->waits);
    return true;
}

int sim_find_task(Sim *S, const char *name)
{
    int n = sim_task_count(S);
    char *end;
    long k = strtol(name, &end, 10);
    if (*name && !*end) return k >= 0 && k < n ? (int)k : -1;
    int found = -1;
    size_t len = strlen(name);
    for (int i = 0; i < n; i++) {
        const char *tn = S->trace->tasks.v[i].name;
        if (strcmp(tn, name) == 0) return i;
        /* "Thread-1" names "Thread-1 (worker)" */
        if (strncmp(tn, name, len) == 0 && (tn[len] == ' ' || tn[len] == 0)) return i;
    }
    for (int i = 0; i < n; i++)
        if (strncmp(S->trace->tasks.v[i].name, name, len) == 0) {
            if (found >= 0) return -1; /* ambiguous */
            found = i;
        }
    return found;
}

int sim_core_count(Sim *S) { return S->sched ? sched_ncores(S) : 0; }

int sim_core_task(Sim *S, int i, int64_t *busy)
{
    Task *T = sched_core(S, i, busy);
    return T ? T->st->tid : -1;
}

int sim_proc_count(Sim *S) { return (int)S->procs.n; }

const char *sim_proc_name(Sim *S, int p) { return p >= 0 && p < (int)S->procs.n ? S->procs.v[p]->name : "?"; }

void sim_gil_view(Sim *S, int p, GilView *out)
{
    memset(out, 0, sizeof *out);
    out->holder = -1;
    out->on = gil_on(S);
    if (p < 0 || p >= (int)S->procs.n || !S->procs.v[p]->ps) return;
    ProcSched *ps = S->procs.v[p]->ps;
    out->holder = ps->gil_holder ? ps->gil_holder->st->tid : -1;
    out->drop_request = ps->drop_request;
    for (size_t i = 0; i < ps->gil_waiters.n && out->nwaiters < 16; i++)
        out->waiters[out->nwaiters++] = ps->gil_waiters.v[i]->st->tid;
    out->switches = ps->gil_switches;
    out->forced = ps->forced_switches;
}

/* ---- objects ---- */

typedef struct ObjWalk {
    char kind;
    SBuf *out;
    BUF(int) seen;
} ObjWalk;

static void waiter_names(WaitQ *q, SBuf *out)
{
    for (size_t i = 0; i < q->n; i++) sb_printf(out, "%s%s", i ? ", " : "", q->v[i]->name);
}

static void describe_obj(Sim *S, void *ctx, const char *name, Value v)
{
    ObjWalk *w = ctx;
    SyncObj *o = sync_of(S, v);
    if (!o) return;
    bool queue = o->kind == OBJ_QUEUE;
    if ((w->kind == 'q') != queue) return;
    for (size_t i = 0; i < w->seen.n; i++)
        if (w->seen.v[i] == o->obj) return;
    BUF_PUSH(w->seen, o->obj);
    SBuf *b = w->out;
    sb_printf(b, "%s %s: ", obj_type_name(S, v), name);
    WaitQ *q = &o->waiters;
    switch (o->kind) {
    case OBJ_LOCK: case OBJ_RLOCK:
        if (o->owner) sb_printf(b, "held by %s", o->owner->name);
        else sb_puts(b, "free");
        if (o->kind == OBJ_RLOCK && o->owner) sb_printf(b, " (depth %lld)", (long long)o->count);
        break;
    case OBJ_SEM: sb_printf(b, "value %lld", (long long)o->count); break;
    case OBJ_EVENT: sb_puts(b, o->flag ? "set" : "not set"); break;
    case OBJ_BARRIER:
        sb_printf(b, "%lld of %lld parties waiting%s", (long long)o->count, (long long)o->bound, o->flag ? ", broken" : "");
        break;
    case OBJ_COND: {
        SyncObj *lk = sync_of(S, o->lock);
        sb_puts(b, lk && lk->owner ? "its lock held by " : "its lock free");
        if (lk && lk->owner) sb_puts(b, lk->owner->name);
        break;
    }
    case OBJ_QUEUE: {
        int64_t n = is_list(o->items) ? AS_LIST(o->items)->n : 0;
        sb_printf(b, "%lld item%s", (long long)n, n == 1 ? "" : "s");
        if (o->maxsize > 0) sb_printf(b, " (maxsize %lld)", (long long)o->maxsize);
        if (o->unfinished) sb_printf(b, ", %lld unfinished", (long long)o->unfinished);
        if (o->putters.n) {
            sb_puts(b, "; waiting to put: ");
            waiter_names(&o->putters, b);
        }
        break;
    }
    default: break;
    }
    if (q->n) {
        sb_puts(b, queue ? "; waiting to get: " : "; waiting: ");
        waiter_names(q, b);
    }
    sb_putc(b, '\n');
}

void sim_objects(Sim *S, char kind, SBuf *out)
{
    ObjWalk w = {kind, out, {0}};
    size_t before = out->n;
    names_walk_program(S, describe_obj, &w);
    BUF_FREE(w.seen);
    if (kind == 'q') drivers_queues(S, out);
    if (out->n == before) sb_puts(out, kind == 'q' ? "no queues\n" : "no locks, conditions, semaphores, events or barriers\n");
}

/* ---- timers ---- */

static int line_time_cmp(const void *a, const void *b)
{
    long long x = atoll(*(char *const *)a), y = atoll(*(char *const *)b);
    return x < y ? -1 : x > y;
}

/* A thread that runs trio's run loop or a gevent hub idles in a sleep on
 * the virtual clock, which the scheduler lists as a time.sleep: say what
 * it is instead (raw: the scheduler's "NS TEXT" lines). */
static void loop_wakeups(Sim *S, SBuf *raw)
{
    for (size_t i = 0; i < S->tasks.n; i++) {
        Task *T = S->tasks.v[i];
        if (!T->st || T->st->done || T->st->state != TS_SLEEPING) continue;
        const char *loop = T->st->reason == R_TRIO_IDLE ? "trio's run loop wakes for its next deadline"
                         : T->st->reason == R_HUB_IDLE ? "the gevent hub wakes for its next timer" : NULL;
        int64_t at = sched_timer_of(S, T, SE_WAKE);
        if (!loop || at < 0) continue;
        char was[200];
        snprintf(was, sizeof was, "%lld %s wakes from time.sleep\n", (long long)at, T->name);
        char *p = raw->s ? strstr(raw->s, was) : NULL;
        if (!p || (p != raw->s && p[-1] != '\n')) continue;
        size_t len = strlen(was);
        memmove(p, p + len, raw->n - (size_t)(p - raw->s) - len + 1);
        raw->n -= len;
        sb_printf(raw, "%lld %s: %s (epoll's timeout, in whole milliseconds)\n", (long long)at, T->name, loop);
    }
}

void sim_timers(Sim *S, SBuf *out)
{
    SBuf raw = {0};
    sb_puts(&raw, "");
    sched_timers(S, &raw);
    loop_wakeups(S, &raw);
    aio_timers(S, &raw);
    drivers_timers(S, &raw);
    /* one "ns text" line each: sort them by time and print the times */
    BUF(char *) lines = {0};
    for (char *p = raw.s, *nl; p && *p; p = nl + 1) {
        nl = strchr(p, '\n');
        *nl = 0;
        BUF_PUSH(lines, p);
    }
    if (lines.n) qsort(lines.v, lines.n, sizeof *lines.v, line_time_cmp);
    for (size_t i = 0; i < lines.n; i++) {
        char t[32];
        fmt_duration(t, sizeof t, atoll(lines.v[i]));
        sb_printf(out, "%10s  %s\n", t, strchr(lines.v[i], ' ') + 1);
    }
    if (!lines.n) sb_puts(out, "no timers pending\n");
    BUF_FREE(lines);
    sb_free(&raw);
}

int sim_code_line(Sim *S, int line)
{
    int best = -1;
    for (Code *c = S->codes; c; c = c->next) {
        if (c->src != S->sources) continue;
        for (int32_t i = 0; i < c->nops; i++)
            if (c->lines[i] >= line && (best < 0 || c->lines[i] < best)) best = c->lines[i];
    }
    return best;
}

void sim_global_names(Sim *S, SBuf *out)
{
    if (!S->procs.n || !S->procs.v[0]->globals) return;
    int64_t pos = 0;
    Value k, v;
    while (dict_next(S->procs.v[0]->globals, &pos, &k, &v))
        if (is_str(k) && AS_STR(k)->s[0] != '_' && !is_kind(v, K_MODULE) && !is_kind(v, K_FUNC) && !is_class(v))
            sb_printf(out, "%s\n", AS_STR(k)->s);
}

/* A repr that runs no Python code: builtin values, containers of them. */
static void brief_repr(Sim *S, Value v, SBuf *b, int depth)
{
    if (b->n > 200) {
        sb_puts(b, "...");
        return;
    }
    if (!is_obj(v) || is_str(v)) {
        Task *T = S->main_task;
        Value saved = T->exc;
        if (repr_write(T, v, b) < 0) sb_puts(b, "?");
        T->exc = saved;
        return;
    }
    if (depth < 3 && (is_list(v) || is_tuple(v))) {
        bool list = is_list(v);
        int64_t n = list ? AS_LIST(v)->n : AS_TUPLE(v)->n;
        Value *items = list ? AS_LIST(v)->v : AS_TUPLE(v)->v;
        sb_putc(b, list ? '[' : '(');
        for (int64_t i = 0; i < n; i++) {
            if (i) sb_puts(b, ", ");
            if (b->n > 200) {
                sb_puts(b, "...");
                break;
            }
            brief_repr(S, items[i], b, depth + 1);
        }
        sb_puts(b, list ? "]" : n == 1 ? ",)" : ")");
        return;
    }
    if (depth < 3 && is_dict(v)) {
        int64_t pos = 0;
        Value k, x;
        bool first = true;
        sb_putc(b, '{');
        while (dict_next(AS_DICT(v), &pos, &k, &x)) {
            if (!first) sb_puts(b, ", ");
            first = false;
            if (b->n > 200) {
                sb_puts(b, "...");
                break;
            }
            brief_repr(S, k, b, depth + 1);
            sb_puts(b, ": ");
            brief_repr(S, x, b, depth + 1);
        }
        sb_putc(b, '}');
        return;
    }
    sb_printf(b, "<%s>", obj_type_name(S, v));
}

void sim_globals_brief(Sim *S, SBuf *out)
{
    if (!S->procs.n || !S->procs.v[0]->globals) return;
    int64_t pos = 0;
    Value k, v;
    while (dict_next(S->procs.v[0]->globals, &pos, &k, &v)) {
        if (!is_str(k) || AS_STR(k)->s[0] == '_' || is_kind(v, K_MODULE) || is_kind(v, K_FUNC) || is_class(v) ||
            is_kind(v, K_NATIVE) || is_kind(v, K_METHOD))
            continue;
        SBuf b = {0};
        brief_repr(S, v, &b, 0);
        sb_printf(out, "%s = %s\n", AS_STR(k)->s, b.s ? b.s : "");
        sb_free(&b);
    }
}

static const char *callable_name(Value v)
{
    if (is_kind(v, K_METHOD)) v = AS_METHOD(v)->func;
    if (is_kind(v, K_FUNC)) return AS_FUNC(v)->name->s;
    if (is_kind(v, K_NATIVE)) return AS_NATIVE(v)->name;
    if (is_class(v)) return AS_CLASS(v)->name->s;
    return NULL;
}

void sim_task_next(Sim *S, int tid, SBuf *out)
{
    Task *T = thread_task(S, tid);
    if (!T || T->st->done || !T->cur || !T->cur->nframes) return;
    const Frame *f = &T->cur->frames[T->cur->nframes - 1];
    const Code *co = f->code;
    if (!co->src || co->src != S->sources || f->pc >= (uint32_t)co->nops) return;
    uint32_t ins = co->ops[f->pc], arg = INSTR_ARG(ins);
    Value *base = f->sp;
    switch ((Opcode)INSTR_OP(ins)) {
    case OP_LOAD_GLOBAL: case OP_LOAD_NAME: sb_printf(out, "reads %s", co->names[arg]->s); break;
    case OP_STORE_GLOBAL: case OP_STORE_NAME: sb_printf(out, "stores %s", co->names[arg]->s); break;
    case OP_LOAD_FAST: case OP_LOAD_DEREF: sb_printf(out, "reads %s", co->varnames[arg]->s); break;
    case OP_STORE_FAST: case OP_STORE_DEREF: sb_printf(out, "stores %s", co->varnames[arg]->s); break;
    case OP_LOAD_ATTR: case OP_LOAD_METHOD: sb_printf(out, "reads .%s", co->names[arg]->s); break;
    case OP_STORE_ATTR: sb_printf(out, "sets .%s", co->names[arg]->s); break;
    case OP_BINARY_SUBSCR: sb_puts(out, "reads an item"); break;
    case OP_STORE_SUBSCR: sb_puts(out, "stores an item"); break;
    case OP_BINARY_OP: sb_puts(out, "computes"); break;
    case OP_COMPARE_OP: case OP_CONTAINS_OP: case OP_IS_OP: sb_puts(out, "compares"); break;
    case OP_JUMP_BACKWARD: sb_puts(out, "loops back"); break;
    case OP_FOR_ITER: sb_puts(out, "takes the next item"); break;
    case OP_RETURN_VALUE: sb_puts(out, "returns"); break;
    case OP_BEFORE_WITH: sb_puts(out, "enters a with block"); break;
    case OP_CALL: {
        int argc = (int)(arg & 0xFF);
        base = f->sp - argc - 2;
        const char *name = base >= f->locals + co->nlocalsplus ? callable_name(base[0]) : NULL;
        if (name) sb_printf(out, "calls %s()", name);
        else sb_puts(out, "calls");
        break;
    }
    default: sb_printf(out, "%s", code_op_name[INSTR_OP(ins)]); break;
    }
    /* what it has read and not yet used */
    Value *lo = f->locals + co->nlocalsplus;
    bool first = true;
    for (Value *v = lo; v < base && v < lo + 4; v++) {
        if (is_obj(*v) && !is_str(*v)) continue;
        if (is_undef(*v)) continue;
        sb_puts(out, first ? ", holds " : " and ");
        first = false;
        brief_repr(S, *v, out, 2);
    }
}

/* ---- explanations ---- */

/* The latest event of kind by task (or about it, when a >= 0) before
 * the end of the trace: its time, or -1. */
static int64_t last_event(const Trace *t, int kind, int task, int a)
{
    for (size_t i = t->evs.n; i > 0; i--) {
        const TraceEvent e = trace_ev(t, i - 1);
        if (e.kind == kind && (task < 0 || e.task == task) && (a < 0 || e.a == a)) return e.t;
    }
    return -1;
}

static void when(SBuf *out, const char *fmt, int64_t ns)
{
    char b[32];
    fmt_duration(b, sizeof b, ns);
    sb_printf(out, fmt, b);
}

/* The task's reason as a clause: "it waits for a lock", "its event loop
 * waits for the next timer". */
static void reason_clause(SBuf *out, const char *reason)
{
    for (int r = 0; r < R_COUNT; r++)
        if (reason == trace_reason_text[r] && narrate_reason_lead(r)) {
            sb_printf(out, "%s%s", narrate_reason_lead(r), reason);
            return;
        }
    sb_printf(out, "it %s", reason);
}

/* What runs a coroutine task's peers while it waits, by its reason: trio's
 * run loop, the gevent hub, or an asyncio event loop. */
static const char *runner_noun(const char *reason)
{
    for (int r = R_TRIO_READY; r <= R_TRIO_BATCH_REV; r++)
        if (reason == trace_reason_text[r]) return "trio's run loop";
    for (int r = R_HUB_READY; r <= R_HUB_IDLE; r++)
        if (reason == trace_reason_text[r]) return "the gevent hub";
    return "its event loop";
}

void sim_explain(Sim *S, int tid, SBuf *out)
{
    TaskView v;
    if (!sim_task_view(S, tid, &v)) {
        sb_puts(out, "no such task\n");
        return;
    }
    const Trace *t = S->trace;
    Task *T = thread_task(S, tid);
    sb_printf(out, "%s is %s", v.name, trace_states[v.state].name);
    if (v.state != TS_DONE) when(out, " since %s", v.since);
    sb_puts(out, ": ");
    switch (v.state) {
    case TS_DONE:
        reason_clause(out, v.reason);
        if (t->tasks.v[tid].ended >= 0) when(out, " at %s", t->tasks.v[tid].ended);
        sb_puts(out, ".\n");
        return;
    case TS_RUNNING:
        if (v.coroutine) {
            sb_printf(out, "its step runs on its thread, %s", t->tasks.v[v.parent].name);
            if (v.core >= 0) sb_printf(out, ", on cpu%d", v.core);
            /* a run loop's own word on the step (trio's batch order) */
            if (v.reason != trace_reason_text[R_RUNNING]) sb_printf(out, "; it %s", v.reason);
            sb_puts(out, ".");
        } else {
            sb_printf(out, "it runs bytecode on cpu%d.", v.core);
        }
        break;
    case TS_READY:
        if (v.coroutine && v.reason != trace_reason_text[R_AIO_READY]) {
            /* trio's runner, gevent's hub */
            sb_printf(out, "it %s; %s runs it in turn.", v.reason, t->tasks.v[v.parent].name);
        } else if (v.coroutine) {
            sb_printf(out, "it is in the event loop's ready queue; the loop on %s runs it in turn.", t->tasks.v[v.parent].name);
        } else {
            sb_puts(out, "it can run but every core is busy (");
            for (int i = 0; i < sim_core_count(S); i++) {
                int k = sim_core_task(S, i, NULL);
                sb_printf(out, "%scpu%d: %s", i ? ", " : "", i, k >= 0 ? t->tasks.v[k].name : "idle");
            }
            sb_puts(out, "); the OS gives it a core when a slice (quantum) ends or a core frees.");
        }
        break;
    case TS_GILWAIT: {
        GilView g;
        sim_gil_view(S, v.proc, &g);
        sb_puts(out, "it needs its process's GIL to run bytecode");
        if (g.holder >= 0) {
            sb_printf(out, ", and %s holds it", t->tasks.v[g.holder].name);
            int64_t since = last_event(t, EV_GIL_TAKE, g.holder, -1);
            if (since >= 0) when(out, " (since %s)", since);
        }
        sb_puts(out, ".");
        if (T && T->st->forced)
            sb_puts(out, " It dropped the GIL on a drop request, so it may not take it back before another thread has held it.");
        int64_t asked = last_event(t, EV_GIL_DROP_REQUEST, tid, -1), req = last_event(t, EV_GIL_REQUEST, tid, -1);
        if (g.drop_request && asked >= 0 && asked >= req)
            when(out, " It asked for a drop at %s: the holder drops the GIL at its next eval-breaker check (a backward jump or a call).", asked);
        else if (T && sched_timer_of(S, T, SE_GIL_TIMER) >= 0)
            when(out, " If no switch happens first, it asks the holder to drop the GIL at %s (one switch interval of waiting).",
                 sched_timer_of(S, T, SE_GIL_TIMER));
        break;
    }
    case TS_BLOCKED: case TS_IO:
        reason_clause(out, v.reason);
        if (v.waits[0]) sb_printf(out, " (%s)", v.waits);
        sb_puts(out, ".");
        if (T && T->st->waits_for && T->st->reason != R_JOIN) {
            int64_t got = T->st->obj >= 0 ? last_event(t, EV_LOCK_ACQUIRE, T->st->waits_for->st->tid, T->st->obj) : -1;
            if (got >= 0) when(out, " The holder took it at %s.", got);
        }
        if (T && sched_timer_of(S, T, SE_TIMEOUT) >= 0) when(out, " Its timeout ends the wait at %s.", sched_timer_of(S, T, SE_TIMEOUT));
        break;
    case TS_SLEEPING:
        reason_clause(out, v.reason);
        if (T && sched_timer_of(S, T, SE_WAKE) >= 0) when(out, " and wakes at %s", sched_timer_of(S, T, SE_WAKE));
        sb_puts(out, "; sleeping, it needs no core and holds no GIL.");
        break;
    case TS_AWAITING: {
        reason_clause(out, v.reason);
        if (v.waits[0]) sb_printf(out, " (%s)", v.waits);
        int64_t w = aio_task_wakeup(S, tid);
        if (w >= 0) when(out, ", which fires at %s", w);
        sb_printf(out, "; meanwhile %s runs other tasks.", runner_noun(v.reason));
        break;
    }
    case TS_NEW:
        reason_clause(out, v.reason);
        if (T && sched_timer_of(S, T, SE_START) >= 0) when(out, " until %s", sched_timer_of(S, T, SE_START));
        sb_puts(out, ".");
        break;
    default:
        reason_clause(out, v.reason);
        sb_putc(out, '.');
        break;
    }
    if (v.file) sb_printf(out, " It is at line %d.", v.line);
    sb_putc(out, '\n');
}

/* ---- values ---- */

bool sim_eval(Sim *S, int tid, const char *expr, SBuf *out)
{
    Task *T = thread_task(S, tid);
    Ctx *c = T ? T->cur : NULL;
    if (!T) {
        /* a coroutine task: its thread evaluates, in the task's frame */
        const TraceTask *tk = tid >= 0 && tid < sim_task_count(S) ? &S->trace->tasks.v[tid] : NULL;
        T = tk ? thread_task(S, tk->parent) : NULL;
        FutData *t = aio_find_task(S, tid);
        c = t && t->leaf ? t->leaf : T ? T->cur : NULL;
    }
    if (!T) T = S->main_task;
    if (!T) {
        sb_puts(out, "nothing is loaded\n");
        return false;
    }
    /* the frame's variables, over its process's globals */
    Dict *ns = dict_new(S);
    int64_t pos = 0;
    Value k, v;
    while (dict_next(T->proc->globals, &pos, &k, &v)) dict_set(T, ns, k, v);
    if (c && c->nframes) {
        Frame *f = &c->frames[c->nframes - 1];
        Code *co = f->code;
        for (int32_t i = 0; i < co->nlocalsplus; i++) {
            Value x = f->locals[i];
            if (i >= co->nlocals && is_kind(x, K_CELL)) x = AS_CELL(x)->v;
            if (!is_undef(x) && co->varnames && i < co->nlocals + co->ncells + co->nfrees && co->varnames[i])
                dict_set_str(S, ns, co->varnames[i], x);
        }
    }
    SBuf src = {0};
    sb_printf(&src, "__interleave_value__ = (%s)\n", expr);
    Source *s = code_source_add(&S->sources, "<print>", src.s, src.n, true);
    sb_free(&src);
    Module m;
    ParseError pe;
    if (!parse_module(s->text, strlen(s->text), &m, &pe)) {
        sb_printf(out, "error: %s\n", pe.msg);
        return false;
    }
    CompileError ce;
    Code *code = compile_module(S, &m, s, &modules_resolver, &ce);
    parse_module_free(&m);
    if (!code) {
        sb_printf(out, "error: %s\n", ce.msg);
        return false;
    }
    Func *fn = gc_alloc(S, K_FUNC, sizeof(Func));
    fn->code = code;
    fn->globals = ns;
    fn->name = code->name;
    fn->qualname = code->qualname;
    Value r, saved = T->exc;
    T->exc = v_undef();
    /* a question about the run gets a prompt answer: an expression that
     * computes for ever stops after SIM_EVAL_OPS ops, not at max_ops */
    int64_t max_ops = S->set.v[SET_max_ops];
    if ((int64_t)S->ops + SIM_EVAL_OPS < max_ops) S->set.v[SET_max_ops] = (int64_t)S->ops + SIM_EVAL_OPS;
    bool ok = vm_call(T, v_obj(fn), NULL, 0, NULL, &r) == 0;
    S->set.v[SET_max_ops] = max_ops;
    if (S->fatal.set) {
        /* the limit ended the evaluation, not the run */
        S->fatal.set = false;
        sb_printf(out, "the expression ran for more than %d ops: stopped\n", SIM_EVAL_OPS);
        T->exc = saved;
        return false;
    }
    if (ok) {
        Value val = dict_get_str(ns, str_intern(S, "__interleave_value__", 20));
        /* as big as a str may be, no bigger: the value is the program's */
        SBuf text = STR_BUF;
        ok = repr_write(T, val, &text) == 0;
        if (ok) {
            sb_put(out, text.s ? text.s : "", text.n);
            if (text.over) sb_puts(out, "... (cut: longer than a str may be)");
            sb_putc(out, '\n');
        }
        sb_free(&text);
    }
    if (!ok) {
        Str *msg = exc_message(T, T->exc);
        sb_printf(out, "%s: %s\n", obj_type_name(S, T->exc), msg ? msg->s : "");
    }
    T->exc = saved;
    return ok;
}
