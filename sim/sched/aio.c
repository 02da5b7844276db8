/* aio.c - coroutine objects, the await opcodes, futures, tasks and the
 * event loop.  aio.h says how a coroutine runs; the Python-visible classes
 * and functions are in mod_asyncio.c. */
#include "aio.h"
#include "ptrmap.h"
#include "attr.h"
#include "dict.h"
#include "gc.h"
#include "list.h"
#include "obj.h"
#include "repr.h"
#include "stats.h"
#include "str.h"
#include "tuple.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- payloads ---- */

static void fut_mark(Sim *S, void *p)
{
    FutData *f = p;
    gc_mark_value(S, f->result);
    gc_mark_value(S, f->exc);
    gc_mark_value(S, f->cancel_msg);
    gc_mark_value(S, f->loop);
    for (size_t i = 0; i < f->cbs.n; i++) gc_mark_value(S, f->cbs.v[i].v);
    if (f->gather) gc_mark_value(S, f->gather->children);
    gc_mark_value(S, f->coro);
    gc_mark_obj(S, (Obj *)f->name);
    gc_mark_value(S, f->waiter);
}

static void fut_free(Sim *S, void *p)
{
    (void)S;
    FutData *f = p;
    if (f->cbs.v != &f->cb0) free(f->cbs.v);
    free(f->gather);
    /* f itself is part of its instance */
}

const PayloadOps aio_fut_ops = {"future", fut_mark, fut_free, NULL, NULL, NULL, false, false};

static void handle_mark(Sim *S, Handle *h)
{
    gc_mark_value(S, h->a);
    gc_mark_value(S, h->b);
    gc_mark_value(S, h->obj);
}

static void loop_mark(Sim *S, void *p)
{
    LoopData *ld = p;
    for (size_t i = 0; i < ld->n; i++) handle_mark(S, &ld->ring[(ld->head + i) & (ld->cap - 1)]);
    for (size_t i = 0; i < ld->nheap; i++) handle_mark(S, &ld->heap[i].h);
    gc_mark_value(S, ld->current);
    gc_mark_value(S, ld->target);
    for (size_t i = 0; i < ld->tasks.n; i++) gc_mark_value(S, ld->tasks.v[i]);
}

static void loop_free(Sim *S, void *p)
{
    (void)S;
    LoopData *ld = p;
    free(ld->ring);
    free(ld->heap);
    BUF_FREE(ld->tasks);
    free(ld->selectq.v);
    free(ld);
}

const PayloadOps aio_loop_ops = {"event loop", loop_mark, loop_free, NULL, NULL, NULL, false, false};

static void hd_mark(Sim *S, void *p)
{
    HandleData *h = p;
    gc_mark_value(S, h->fn);
    gc_mark_value(S, h->args);
}

static void hd_free(Sim *S, void *p)
{
    (void)S;
    free(p);
}

const PayloadOps aio_handle_ops = {"handle", hd_mark, hd_free, NULL, NULL, NULL, true, false};

/* ---- the state ---- */

static void state_mark(Sim *S, void *p)
{
    AioState *A = p;
    gc_mark_obj(S, (Obj *)A->sleep_spare);
    gc_mark_obj(S, (Obj *)A->sleep0_held);
    for (size_t i = 0; i < A->failed.n; i++) gc_mark_value(S, A->failed.v[i]);
    for (size_t i = 0; i < S->tasks.n; i++) {
        AioThread *at = S->tasks.v[i]->aio;
        if (!at) continue;
        gc_mark_value(S, at->loop);
        gc_mark_value(S, at->default_loop);
    }
}

static void state_free(Sim *S, void *p)
{
    AioState *A = p;
    BUF_FREE(A->failed);
    for (size_t i = 0; i < S->tasks.n; i++) {
        free(S->tasks.v[i]->aio);
        S->tasks.v[i]->aio = NULL;
    }
    free(A);
}

static const SlotOps state_ops = {state_mark, state_free};

AioState *aio_init(Sim *S)
{
    AioState *A = xcalloc(1, sizeof *A);
    sim_slot_set(S, SLOT_ASYNCIO, A, &state_ops);
    return A;
}

AioThread *aio_thread(Task *T)
{
    if (!T->aio) {
        T->aio = xmalloc(sizeof *T->aio);
        T->aio->loop = T->aio->default_loop = v_undef();
    }
    return T->aio;
}

static void *payload_of(Value v, const PayloadOps *ops)
{
    if (is_instance(v) && AS_INST(v)->cls->payload == ops) return AS_INST(v)->payload;
    return NULL;
}

FutData *aio_fut_data(Value v) { return payload_of(v, &aio_fut_ops); }
LoopData *aio_loop_data(Value v) { return payload_of(v, &aio_loop_ops); }

static Handle handle(int kind, Value a, Value b)
{
    return (Handle){kind, a, b, v_undef()};
}

/* ---- coroutine objects ---- */

Value aio_sleep_coro(Task *T, int64_t delay, Value result)
{
    Sim *S = T->S;
    Gen *g = aio_st(S)->sleep_spare;
    if (g) {
        /* recycled: see recycle_sleep() */
        aio_st(S)->sleep_spare = NULL;
        g->state = GEN_CREATED;
        g->nstate = 0;
        g->nres = g->nfut = g->nth = v_undef();
        S->coros_unstarted++;
    } else {
        g = gen_new(T, K_CORO, NULL, NULL, 0, NULL);
    }
    g->native = CORO_SLEEP;
    g->name = g->qualname = S->sym[SYM_sleep];
    g->delay = delay;
    g->nres = result;
    gen_note_site(T, g);
    return v_obj(g);
}

/* CPython logs a failed task whose exception nobody asked for when the
 * task is collected; the simulator does it for those left at exit. */
void aio_warn_unretrieved(Sim *S)
{
    Task *T = S->main_task;
    for (size_t i = 0; i < aio_st(S)->failed.n; i++) {
        FutData *t = aio_fut_data(aio_st(S)->failed.v[i]);
        if (t->exc_retrieved) continue;
        t->exc_retrieved = true;
        SBuf b = {0};
        sb_puts(&b, "Task exception was never retrieved\nfuture: ");
        Value r;
        Value save = T->exc;
        T->exc = v_undef();
        Value rm = obj_class_lookup(S, aio_st(S)->task, S->sym[SYM_repr]);
        if (vm_call(T, rm, &aio_st(S)->failed.v[i], 1, NULL, &r) == 0 && is_str(r)) sb_puts(&b, AS_STR(r)->s);
        T->exc = v_undef();
        sb_putc(&b, '\n');
        exc_format_task(T, t->exc, &b);
        T->exc = save;
        sb_put(&S->err, b.s, b.n);
        sb_free(&b);
    }
    BUF_FREE(aio_st(S)->failed);
}

/* ---- the ready queue and the timer heap ---- */

/* The ready queue's capacity is a power of two: positions wrap with a mask. */
static Handle *ring_push_slot(LoopData *ld)
{
    if (ld->n == ld->cap) {
        /* grown in place (a big block is remapped, not copied: 100,000
         * ready tasks made this queue fault in twice its size), then the
         * handles that wrapped around, those before head, move up after
         * the others */
        size_t old = ld->cap, cap = old ? old * 2 : 16;
        ld->ring = xrealloc(ld->ring, cap * sizeof *ld->ring);
        if (ld->head) memcpy(ld->ring + old, ld->ring, ld->head * sizeof *ld->ring);
        ld->cap = cap;
    }
    return &ld->ring[(ld->head + ld->n++) & (ld->cap - 1)];
}

static void ring_push(LoopData *ld, Handle h)
{
    *ring_push_slot(ld) = h;
}

static Handle ring_pop(LoopData *ld)
{
    Handle h = ld->ring[ld->head];
    ld->head = (ld->head + 1) & (ld->cap - 1);
    ld->n--;
    return h;
}

/* The timer heap works exactly like Python's heapq on TimerHandles, which
 * compare by deadline only: timers due at the same instant come out in
 * the order heapq's sifting gives, as in CPython. */
static void sift_down(Timer *h, size_t start, size_t pos)
{
    Timer item = h[pos];
    while (pos > start) {
        size_t parent = (pos - 1) >> 1;
        if (!(item.when < h[parent].when)) break;
        h[pos] = h[parent];
        pos = parent;
    }
    h[pos] = item;
}

static void heap_push(LoopData *ld, Timer t)
{
    if (ld->nheap == ld->capheap) {
        ld->capheap = ld->capheap ? ld->capheap * 2 : 16;
        ld->heap = xrealloc(ld->heap, ld->capheap * sizeof *ld->heap);
    }
    ld->heap[ld->nheap++] = t;
    sift_down(ld->heap, 0, ld->nheap - 1);
}

static Timer heap_pop(LoopData *ld)
{
    Timer *h = ld->heap;
    Timer last = h[--ld->nheap];
    if (!ld->nheap) return last;
    Timer top = h[0];
    h[0] = last;
    /* heapq._siftup: the smaller child moves up to the leaf, then sift down */
    size_t end = ld->nheap, pos = 0, child = 1;
    Timer item = h[0];
    while (child < end) {
        size_t right = child + 1;
        if (right < end && !(h[child].when < h[right].when)) child = right;
        h[pos] = h[child];
        pos = child;
        child = 2 * pos + 1;
    }
    h[pos] = item;
    sift_down(h, 0, pos);
    return top;
}

static bool handle_cancelled(const Handle *h)
{
    HandleData *d = payload_of(h->obj, &aio_handle_ops);
    return d && d->cancelled;
}

void aio_loop_call_soon(Task *T, Value loop, Handle h, bool threadsafe)
{
    LoopData *ld = aio_loop_data(loop);
    ring_push(ld, h);
    /* another thread's call wakes the loop out of select() (the self-pipe) */
    if (threadsafe && ld->selectq.n) sched_wake_all(T->S, &ld->selectq, T, ld->obj);
}

void aio_loop_call_at(Task *T, Value loop, int64_t when, Handle h)
{
    LoopData *ld = aio_loop_data(loop);
    heap_push(ld, (Timer){when, h});
    (void)T;
}

/* ---- futures ---- */

static void fut_init_data(FutData *f)
{
    f->cbs.v = &f->cb0;
    f->cbs.cap = 1;
}

Value aio_fut_new(Task *T, Value loop)
{
    Sim *S = T->S;
    Instance *in = obj_instance_new_with(S, aio_st(S)->future, sizeof(FutData));
    FutData *f = in->payload;
    fut_init_data(f);
    f->result = f->exc = f->cancel_msg = f->coro = f->waiter = v_undef();
    f->loop = loop;
    f->obj = -1;
    f->tid = -1;
    f->reason = R_AWAIT_FUTURE;
    return v_obj(in);
}

/* Done: each callback runs from the loop, in the order they were added. */
static void schedule_callbacks(Task *T, Value fut)
{
    Sim *S = T->S;
    FutData *f = aio_fut_data(fut);
    for (size_t i = 0; i < f->cbs.n; i++) {
        FutCb cb = f->cbs.v[i];
        Handle h;
        switch (cb.kind) {
        case CB_WAKEUP: h = handle(H_WAKEUP, cb.v, fut); break;
        case CB_STOP: h = handle(H_STOP, cb.v, v_undef()); break;
        case CB_GATHER: h = handle(H_GATHER, cb.v, fut); break;
        default: {
            Tuple *args = tuple_new(S, 1);
            args->v[0] = fut;
            h = handle(H_CALL, cb.v, v_obj(args));
            break;
        }
        }
        aio_loop_call_soon(T, f->loop, h, false);
    }
    f->cbs.n = 0;
}

static int invalid_state(Task *T, const char *msg)
{
    return exc_raise(T, EXC_InvalidStateError, "%s", msg);
}

int aio_fut_set_result(Task *T, Value fut, Value result)
{
    FutData *f = aio_fut_data(fut);
    if (f->state != FUT_PENDING) return invalid_state(T, "invalid state");
    f->result = result;
    f->state = FUT_DONE;
    schedule_callbacks(T, fut);
    return 0;
}

int aio_fut_set_exception(Task *T, Value fut, Value exc)
{
    Sim *S = T->S;
    FutData *f = aio_fut_data(fut);
    if (f->state != FUT_PENDING) return invalid_state(T, "invalid state");
    if (is_class(exc)) {
        Value inst;
        if (vm_call(T, exc, NULL, 0, NULL, &inst) < 0) return -1;
        exc = inst;
    }
    if (!obj_is_exc_instance(S, exc)) return exc_raise(T, EXC_TypeError, "invalid exception object");
    if (exc_matches(S, exc, EXC_StopIteration))
        return exc_raise(T, EXC_TypeError, "StopIteration interacts badly with generators and cannot be raised into a Future");
    f->exc = exc;
    f->state = FUT_DONE;
    schedule_callbacks(T, fut);
    return 0;
}

bool aio_fut_cancel(Task *T, Value fut, Value msg)
{
    FutData *f = aio_fut_data(fut);
    if (f->state != FUT_PENDING) return false;
    f->state = FUT_CANCELLED;
    f->cancel_msg = msg;
    schedule_callbacks(T, fut);
    return true;
}

static Value cancelled_error(Task *T, Value msg)
{
    Sim *S = T->S;
    bool has = !is_undef(msg) && !is_none(msg);
    return exc_new(T, S->exc[EXC_CancelledError], has ? &msg : NULL, has ? 1 : 0);
}

Value aio_fut_cancelled_error(Task *T, FutData *f) { return cancelled_error(T, f->cancel_msg); }

int aio_fut_result(Task *T, FutData *f, Value *out)
{
    if (f->state == FUT_CANCELLED)
        return exc_raise_value(T, is_undef(f->exc) ? cancelled_error(T, f->cancel_msg) : f->exc);
    if (f->state == FUT_PENDING) return invalid_state(T, "Result is not set.");
    f->exc_retrieved = true;
    if (!is_undef(f->exc)) return exc_raise_value(T, f->exc);
    *out = f->result;
    return 0;
}

void aio_fut_add_callback(Task *T, Value fut, int kind, Value v)
{
    FutData *f = aio_fut_data(fut);
    if (f->cbs.n == f->cbs.cap) {
        /* out of cb0 (or the array that replaced it) */
        FutCb *nv = xmalloc(f->cbs.cap * 2 * sizeof *nv);
        memcpy(nv, f->cbs.v, f->cbs.n * sizeof *nv);
        if (f->cbs.v != &f->cb0) free(f->cbs.v);
        f->cbs.v = nv;
        f->cbs.cap *= 2;
    }
    f->cbs.v[f->cbs.n++] = (FutCb){kind, v};
    /* already done: the callback is scheduled at once */
    if (f->state != FUT_PENDING) schedule_callbacks(T, fut);
}

/* The trace object of a future (made when a task first waits on it). */
static int fut_obj(Task *T, FutData *f)
{
    if (f->obj < 0) f->obj = sched_new_obj(T, f->is_task ? OBJ_AIO : OBJ_FUTURE);
    return f->obj;
}

/* ---- tasks ---- */

static int thread_core(Task *T) { return T->st->core; }

static void task_state(Task *T, FutData *t, int state, int reason, int obj)
{
    trace_state(T->S->trace, T->clock, t->tid, state, state == TS_RUNNING ? thread_core(T) : -1, reason, obj);
}

/* "Task-N (coro)" into buf, without printf: tasks are made by the
 * hundred thousand. */
static void task_label(char *buf, size_t size, int num, const char *coro)
{
    char digits[12];
    int nd = 0;
    unsigned u = (unsigned)num;
    do digits[nd++] = (char)('0' + u % 10); while ((u /= 10) && nd < (int)sizeof digits);
    size_t n = 0;
    for (const char *p = "Task-"; *p && n + 1 < size; p++) buf[n++] = *p;
    while (nd && n + 1 < size) buf[n++] = digits[--nd];
    for (const char *p = " ("; *p && n + 1 < size; p++) buf[n++] = *p;
    for (const char *p = coro; *p && n + 1 < size; p++) buf[n++] = *p;
    if (n + 1 < size) buf[n++] = ')';
    buf[n] = 0;
}

Value aio_loop_create_task(Task *T, Value loop, Value coro, Value name)
{
    Sim *S = T->S;
    if (!is_kind(coro, K_CORO)) {
        SBuf b = {0};
        if (repr_write(T, coro, &b) == 0)
            exc_raise(T, EXC_TypeError, "a coroutine was expected, got %.200s", b.s ? b.s : "");
        sb_free(&b);
        return v_undef();
    }
    LoopData *ld = aio_loop_data(loop);
    if (ld->closed) {
        /* CPython closes the coroutine so it does not warn */
        gen_coro_started(S, (Gen *)coro.u.o);
        ((Gen *)coro.u.o)->state = GEN_DONE;
        exc_raise(T, EXC_RuntimeError, "Event loop is closed");
        return v_undef();
    }
    Instance *in = obj_instance_new_with(S, aio_st(S)->task, sizeof(FutData));
    Value task = v_obj(in);
    FutData *t = in->payload;
    fut_init_data(t);
    t->result = t->exc = t->cancel_msg = t->waiter = v_undef();
    t->loop = loop;
    t->obj = -1;
    t->reason = R_AWAIT_TASK;
    t->is_task = true;
    t->coro = coro;
    Gen *g = (Gen *)coro.u.o;
    char label[200];
    /* every task takes a number, named or not, as in CPython */
    t->num = ++T->proc->aio_task_counter;
    if (is_undef(name) || is_none(name)) {
        /* "Task-N (coro)"; the name Str waits until something asks */
        task_label(label, sizeof label, t->num, g->name ? g->name->s : "?");
    } else {
        Value s = repr_str(T, name);
        if (is_undef(s)) return v_undef();
        t->name = AS_STR(s);
        snprintf(label, sizeof label, "%s", t->name->s);
    }
    Task *host = ld->thread ? ld->thread : T;
    if (S->trace->tasks.n >= TRACE_MAX_TASKS) {
        exc_raise(T, EXC_RuntimeError, "can't create a task: the simulator's trace holds at most %d tasks", TRACE_MAX_TASKS);
        return v_undef();
    }
    T->clock += S->set.v[SET_task_create_cost];
    t->tid = trace_add_task(S->trace, label, TK_COROUTINE, T->proc->ps->tid, host->st->tid, false, T->clock);
    task_state(T, t, TS_READY, R_AIO_READY, -1);
    t->index = ld->tasks.n;
    BUF_PUSH(ld->tasks, task);
    aio_loop_call_soon(T, loop, handle(H_STEP, task, v_undef()), ld->thread && ld->thread != T);
    return task;
}

Str *aio_task_name(Sim *S, FutData *t)
{
    if (!t->name) {
        char nm[32];
        snprintf(nm, sizeof nm, "Task-%d", t->num);
        t->name = str_from_c(S, nm);
    }
    return t->name;
}

/* Drop a finished task from the loop's list (all_tasks() is a set: the
 * order does not matter, so the last one takes its place). */
static void forget_task(LoopData *ld, Value task)
{
    size_t i = aio_fut_data(task)->index;
    if (i >= ld->tasks.n || !obj_same(ld->tasks.v[i], task)) return;
    Value last = ld->tasks.v[--ld->tasks.n];
    ld->tasks.v[i] = last;
    aio_fut_data(last)->index = i;
}

/* The task's coroutine ended with r, or (r undefined) with exc. */
static void task_finish(Task *T, LoopData *ld, Value task, Value r, Value exc)
{
    Sim *S = T->S;
    FutData *t = aio_fut_data(task);
    gen_coro_started(S, (Gen *)t->coro.u.o);
    ((Gen *)t->coro.u.o)->state = GEN_DONE;
    if (!is_undef(r)) {
        aio_fut_set_result(T, task, r);
    } else if (exc_matches(S, exc, EXC_CancelledError)) {
        Tuple *a = exc_args(S, exc);
        aio_fut_cancel(T, task, a && a->n ? a->v[0] : v_undef());
        /* kept, with its traceback, for whoever asks for the result */
        t->exc = exc;
    } else {
        aio_fut_set_exception(T, task, exc);
        BUF_PUSH(aio_st(S)->failed, task); /* for "never retrieved" at exit */
    }
    task_state(T, t, TS_DONE, R_DONE, -1);
    S->trace->tasks.v[t->tid].ended = T->clock;
    forget_task(ld, task);
    if (obj_same(ld->current, task)) {
        ld->current = v_undef();
        T->subtask = -1;
    }
}

/* Run one step of a C-made coroutine (asyncio.sleep).  1: done with *out;
 * 0: suspended, waiting for *wait (V_UNDEF: a bare yield); -1: error. */
static int native_step(Task *T, Gen *g, Value *out, Value *wait)
{
    Value loop = aio_running_loop(T);
    switch (g->nstate) {
    case 0:
        gen_coro_started(T->S, g);
        g->state = GEN_RUNNING;
        if (g->delay <= 0) {
            g->nstate = 1;
            *wait = v_undef();
            return 0;
        } else {
            Value fut = aio_fut_new(T, loop);
            aio_fut_data(fut)->reason = R_AWAIT_TIMER;
            /* a cancellable timer: sleep cancels it when it ends early */
            Value th = v_obj(obj_instance_new(T->S, aio_st(T->S)->timer));
            HandleData *hd = xcalloc(1, sizeof *hd);
            hd->when = T->clock + g->delay;
            hd->fn = hd->args = v_undef();
            AS_INST(th)->payload = hd;
            Handle h = handle(H_SET_RESULT, fut, g->nres);
            h.obj = th;
            aio_loop_call_at(T, loop, hd->when, h);
            g->nfut = fut;
            g->nth = th;
            g->nstate = 2;
            *wait = fut;
            return 0;
        }
    case 1:
        g->state = GEN_DONE;
        *out = g->nres;
        return 1;
    default: {
        g->state = GEN_DONE;
        HandleData *hd = payload_of(g->nth, &aio_handle_ops);
        if (hd) hd->cancelled = true;
        FutData *f = aio_fut_data(g->nfut);
        g->nfut = g->nth = v_undef();
        return aio_fut_result(T, f, out) < 0 ? -1 : 1;
    }
    }
}

bool aio_task_cancel(Task *T, Value task, Value msg)
{
    FutData *t = aio_fut_data(task);
    if (t->state != FUT_PENDING) return false;
    t->num_cancels++;
    if (!is_undef(t->waiter)) {
        int r = aio_cancel(T, t->waiter, msg);
        if (r < 0) T->exc = v_undef();
        if (r > 0) return true;
    }
    t->must_cancel = true;
    t->cancel_msg = msg;
    return true;
}

int aio_cancel(Task *T, Value fut, Value msg)
{
    Sim *S = T->S;
    FutData *f = aio_fut_data(fut);
    Class *cls = AS_INST(fut)->cls;
    if (cls == aio_st(S)->future) return aio_fut_cancel(T, fut, msg);
    if (cls == aio_st(S)->task) return aio_task_cancel(T, fut, msg);
    if (cls == aio_st(S)->gathering) return aio_gather_cancel(T, fut, msg);
    /* a Python subclass (gather's future) may override cancel() */
    Value m, r;
    if (attr_get(T, fut, str_intern(S, "cancel", 6), &m) < 0) return -1;
    if (vm_call(T, m, &msg, 1, NULL, &r) < 0) return -1;
    (void)f;
    return obj_truthy(T, r);
}

/* The current task stops at an await of fut (V_UNDEF: a bare yield). */
static void task_suspend(Task *T, LoopData *ld, Value fut)
{
    Value task = ld->current;
    FutData *t = aio_fut_data(task);
    if (is_undef(fut)) {
        task_state(T, t, TS_READY, R_AIO_READY, -1);
        /* aio_loop_call_soon(H_STEP), written in place (the loop is ld:
         * tasks only run on their own loop) */
        Handle *h = ring_push_slot(ld);
        h->kind = H_STEP;
        h->a = task;
        h->b = h->obj = v_undef();
    } else {
        FutData *f = aio_fut_data(fut);
        t->waiter = fut;
        aio_fut_add_callback(T, fut, CB_WAKEUP, task);
        /* timers are many and need no name: no trace object for them */
        task_state(T, t, TS_AWAITING, f->reason, f->reason == R_AWAIT_TIMER ? -1 : fut_obj(T, f));
        /* a cancel that came while the task ran cancels what it awaits */
        if (t->must_cancel) {
            int r = aio_cancel(T, fut, t->cancel_msg);
            if (r < 0) T->exc = v_undef();
            if (r > 0) t->must_cancel = false;
        }
    }
    ld->current = v_undef();
    T->subtask = -1;
}

static void recycle_sleep(Sim *S, Gen *g, Code *code, uint32_t await_pc);

/* An asyncio.sleep(0) coroutine as its AWAIT leaves it: started, its
 * first step (a bare yield) taken, as native_step's first case does */
static Gen *sleep0_yielded(Task *T)
{
    Gen *g = (Gen *)aio_sleep_coro(T, 0, v_none()).u.o;
    gen_coro_started(T->S, g);
    g->state = GEN_RUNNING;
    g->nstate = 1;
    return g;
}

/* A task resumes at the AWAIT of an asyncio.sleep(0) (the commonest step
 * of all): that AWAIT only takes the coroutine's result, so it is done
 * here, as the op would do it and charged as the op, instead of in
 * another trip through the interpreter and the await op.  Not when the op
 * would not run now: the time slice is over, or a debugger looks at
 * every op. */
static void finish_sleep0(Task *T, Ctx *leaf)
{
    Sim *S = T->S;
    Frame *f = &leaf->frames[leaf->nframes - 1];
    Value a = f->sp[-1];
    if (!is_kind(a, K_CORO)) return;
    Gen *g = (Gen *)a.u.o;
    bool held = g == aio_st(S)->sleep0_held;
    if (!held && (g->native != CORO_SLEEP || g->nstate != 1)) return;
    if (S->debug_ops || T->pause || (!T->nested && T->clock >= T->limit) ||
        INSTR_OP(f->code->ops[f->pc]) != OP_AWAIT) {
        /* the AWAIT runs as an op after all: on a coroutine of its own
         * when the task held the shared one, as the call would have made */
        if (held) f->sp[-1] = v_obj(sleep0_yielded(T));
        return;
    }
    T->clock += (T->opcost ? T->opcost : S->opcost)[OP_AWAIT];
    T->op_credit++;
    f->sp[-1] = g->nres;
    if (!held) {
        g->state = GEN_DONE;
        recycle_sleep(S, g, f->code, f->pc);
    }
    f->pc++;
}

/* One step of task: NAT_SWITCH when T switched into its coroutine,
 * NAT_OK when the step ran in C, NAT_ERR on an internal error. */
static int task_step(Task *T, LoopData *ld, Value task, Value exc)
{
    Sim *S = T->S;
    FutData *t = aio_fut_data(task);
    if (t->state != FUT_PENDING) return NAT_OK;
    if (t->must_cancel) {
        exc = cancelled_error(T, t->cancel_msg);
        t->must_cancel = false;
    }
    t->waiter = v_undef();
    ld->current = task;
    T->subtask = t->tid;
    T->clock += S->set.v[SET_aio_step_cost];
    task_state(T, t, TS_RUNNING, R_LOOP_RUN, -1);
    S->trace->task_steps++;
    Gen *g = (Gen *)t->coro.u.o;
    if (g->native) {
        Value r = v_undef(), wait;
        int rc = is_undef(exc) ? native_step(T, g, &r, &wait) : (exc_raise_value(T, exc), -1);
        if (rc < 0) {
            Value e = T->exc;
            T->exc = v_undef();
            task_finish(T, ld, task, v_undef(), e);
        } else if (rc == 1) {
            task_finish(T, ld, task, r, v_undef());
        } else {
            task_suspend(T, ld, wait);
        }
        return NAT_OK;
    }
    if (g->state == GEN_CREATED) {
        if (!is_undef(exc)) {
            /* thrown into a coroutine that never started: it just ends */
            task_finish(T, ld, task, v_undef(), exc);
            return NAT_OK;
        }
        gen_enter(T, g, ld->ctx, GM_TASK, v_none());
        return NAT_SWITCH;
    }
    g->parent = ld->ctx;
    T->cur = t->leaf;
    if (!is_undef(exc)) {
        /* raised at the await it stopped at */
        t->leaf->frames[t->leaf->nframes - 1].pc++;
        T->resume_exc = exc;
    } else {
        finish_sleep0(T, t->leaf);
    }
    return NAT_SWITCH;
}

static Ctx *next_step(Task *T, LoopData *ld);

/* The driver: a task's coroutine ended. */
static Ctx *task_exit(Task *T, Ctx *c, Value r)
{
    Ctx *p = gen_leave(T, c, GEN_DONE);
    Value loop = aio_running_loop(T);
    LoopData *ld = aio_loop_data(loop);
    Value exc = T->exc;
    if (is_undef(r)) T->exc = v_undef();
    task_finish(T, ld, ld->current, r, exc);
    if (is_undef(r) && (exc_matches(T->S, exc, EXC_SystemExit) || exc_matches(T->S, exc, EXC_KeyboardInterrupt))) {
        /* these leave the loop, as in CPython: raised out of
         * run_until_complete, whose CALL the loop context is at */
        p->frames[p->nframes - 1].pc++;
        ld->running = false;
        ld->thread = NULL;
        aio_thread(T)->loop = v_undef();
        T->driver = NULL;
        T->exc = exc;
        return p;
    }
    return next_step(T, ld);
}

Value aio_running_loop(Task *T) { return aio_loop_of(T); }

Value aio_current_task(Task *T)
{
    LoopData *ld = aio_loop_data(aio_loop_of(T));
    return ld ? ld->current : v_undef();
}

/* `await asyncio.sleep(0)` makes and drops a coroutine object per await,
 * and without reference counts each waits for a collection.  When the
 * object was made by the CALL just before this await (pc is the AWAIT's),
 * nothing else can refer to it, so once awaited it is kept for the next
 * sleep() to reuse.  This keeps loops of sleeps from churning the heap. */
static void recycle_sleep(Sim *S, Gen *g, Code *code, uint32_t await_pc)
{
    if (g->site == code && g->site_pc + 2 == await_pc && !aio_st(S)->sleep_spare) aio_st(S)->sleep_spare = g;
}

/* ---- the await opcodes ---- */

static int not_awaitable(Task *T, Value v)
{
    return exc_raise(T, EXC_TypeError, "object %s can't be used in 'await' expression", obj_type_name(T->S, v));
}

/* The driver: the task's coroutine chain awaits v, which the core cannot
 * finish - a future, or asyncio.sleep's C-made coroutine (kind
 * TRAP_AWAIT), or a value an __await__ generator yields (TRAP_YIELD, which
 * the simulator's asyncio does not take). */
/* The running task's chain, whose leaf is c, waits for wait (undefined:
 * a bare yield to the loop): the task suspends, and its AWAIT runs again
 * when it wakes; the loop goes on with its next handle. */
static int suspend_at_await(Task *T, LoopData *ld, Ctx *c, Value wait)
{
    c->frames[c->nframes - 1].pc--;
    aio_fut_data(ld->current)->leaf = c;
    task_suspend(T, ld, wait);
    next_step(T, ld);
    return AIO_RELOAD;
}

static int aio_trap(Task *T, Ctx *c, Value a, int kind)
{
    Sim *S = T->S;
    Frame *f = &c->frames[c->nframes - 1];
    if (kind == TRAP_YIELD) {
        exc_raise(T, EXC_RuntimeError, "an __await__ generator that yields is not supported by the simulator's asyncio");
        return AIO_ERROR;
    }
    if (!is_kind(a, K_CORO) && !aio_fut_data(a)) return not_awaitable(T, a), AIO_ERROR;
        LoopData *ld = aio_loop_data(aio_loop_of(T));
        if (!ld || is_undef(ld->current) || ld->thread != T) {
            exc_raise(T, EXC_RuntimeError, "await outside of a running asyncio task is not supported by the simulator");
            return AIO_ERROR;
        }
        Value wait;
        if (is_kind(a, K_CORO)) {
            Value r;
            int rc = native_step(T, (Gen *)a.u.o, &r, &wait);
            if (rc < 0) return AIO_ERROR;
            if (rc == 1) {
                f->sp[-1] = r;
                recycle_sleep(S, (Gen *)a.u.o, f->code, f->pc - 1);
                return AIO_CONTINUE;
            }
        } else {
            FutData *fd = aio_fut_data(a);
            if (fd->state != FUT_PENDING) {
                Value r;
                if (aio_fut_result(T, fd, &r) < 0) return AIO_ERROR;
                f->sp[-1] = r;
                return AIO_CONTINUE;
            }
            if (obj_same(a, ld->current)) {
                SBuf b = {0};
                repr_write(T, a, &b);
                exc_raise(T, EXC_RuntimeError, "Task cannot await on itself: %s", b.s ? b.s : "");
                sb_free(&b);
                return AIO_ERROR;
            }
            wait = a;
        }
        return suspend_at_await(T, ld, c, wait);
    }

/* The driver: `await asyncio.sleep(0)` whole (AwaitDriver.sleep0), what
 * the call, GET_AWAITABLE, AWAIT and aio_trap would do: its first step -
 * a bare yield - and the same suspension at the AWAIT, charged and
 * counted as the two ops.  The coroutine the call would make is never
 * seen by the program while the task is suspended: every suspended task
 * holds the same one (sleep0_held; 100,000 tasks held 11 MB of their
 * own), and finish_sleep0 makes a real one only if the AWAIT must run as
 * an op.  Not taken outside a running task (the ops then run, and
 * aio_trap raises as it should). */
static int aio_sleep0(Task *T, Ctx *c, Value *slot, int64_t charge)
{
    LoopData *ld = aio_loop_data(aio_loop_of(T));
    if (!ld || is_undef(ld->current) || ld->thread != T) return -1;
    AioState *A = aio_st(T->S);
    if (!A->sleep0_held) A->sleep0_held = sleep0_yielded(T);
    *slot = v_obj(A->sleep0_held);
    T->clock += charge;
    T->op_credit += 2;
    c->frames[c->nframes - 1].pc += 2;
    return suspend_at_await(T, ld, c, v_undef());
}

static const AwaitDriver aio_driver = {aio_trap, task_exit, aio_sleep0};

/* ---- running the loop ---- */

/* A Python callback raised: report it as the default exception handler
 * does, and go on. */
/* "name(arg, ...) at file:line", as asyncio shows a callback. */
void aio_callback_text(Task *T, Value fn, Tuple *args, SBuf *b)
{
    Value nm;
    if (attr_get_opt(T, fn, T->S->sym[SYM_qualname], &nm) == 1 && is_str(nm)) sb_puts(b, AS_STR(nm)->s);
    else sb_puts(b, "callback");
    T->exc = v_undef();
    sb_putc(b, '(');
    for (int64_t i = 0; args && i < args->n; i++) {
        if (i) sb_puts(b, ", ");
        if (repr_write(T, args->v[i], b) < 0) T->exc = v_undef();
    }
    sb_putc(b, ')');
    if (is_kind(fn, K_FUNC) && AS_FUNC(fn)->code->src)
        sb_printf(b, " at %s:%d", AS_FUNC(fn)->code->src->name, AS_FUNC(fn)->code->firstline);
}

/* A callback raised: to the loop's exception handler (the default one
 * prints it), and the loop goes on. */
static void callback_failed(Task *T, Value loop, Handle *h)
{
    Sim *S = T->S;
    Value exc = T->exc;
    T->exc = v_undef();
    /* bounded: the repr of a callback's arguments is the program's */
    SBuf b = STR_BUF;
    sb_puts(&b, "Exception in callback ");
    if (h->kind == H_GATHER) {
        /* gather's callback is C here, Python in CPython: name it as there */
        sb_puts(&b, "gather.<locals>._done_callback(");
        if (repr_write(T, h->b, &b) < 0) T->exc = v_undef();
        sb_putc(&b, ')');
    } else {
        aio_callback_text(T, h->a, AS_TUPLE(h->b), &b);
    }
    Dict *ctx = dict_new(S);
    dict_set_str(S, ctx, str_intern(S, "message", 7), str_value_n(S, b.s, b.n));
    dict_set_str(S, ctx, str_intern(S, "exception", 9), exc);
    if (!is_undef(h->obj)) dict_set_str(S, ctx, str_intern(S, "handle", 6), h->obj);
    sb_free(&b);
    Value m, r, arg = v_obj(ctx);
    if (attr_get(T, loop, str_intern(S, "call_exception_handler", 22), &m) < 0 || vm_call(T, m, &arg, 1, NULL, &r) < 0) {
        /* the handler itself failed: say so, as CPython's logger would */
        SBuf e = {0};
        sb_puts(&e, "Exception in the exception handler\n");
        exc_format_task(T, T->exc, &e);
        T->exc = v_undef();
        sb_put(&S->err, e.s, e.n);
        sb_free(&e);
    }
}

/* Leave run_until_complete: its result, or what ended it. */
static int loop_finish(Task *T, LoopData *ld, Value *out)
{
    ld->running = false;
    ld->stopping = false;
    ld->thread = NULL;
    ld->ntodo = 0;
    aio_thread(T)->loop = v_undef();
    T->driver = NULL;
    Value target = ld->target;
    ld->target = v_undef();
    FutData *f = aio_fut_data(target);
    if (!f) {
        /* run_forever(), ended by stop() */
        *out = v_none();
        return NAT_OK;
    }
    if (f->state == FUT_PENDING) {
        for (size_t i = 0; i < f->cbs.n; i++)
            if (f->cbs.v[i].kind == CB_STOP) {
                memmove(&f->cbs.v[i], &f->cbs.v[i + 1], (f->cbs.n - i - 1) * sizeof(FutCb));
                f->cbs.n--;
                break;
            }
        exc_raise(T, EXC_RuntimeError, "Event loop stopped before Future completed.");
        return NAT_ERR;
    }
    return aio_fut_result(T, f, out) < 0 ? NAT_ERR : NAT_OK;
}

/* Run the loop's ready handles until one needs T to switch into a task's
 * coroutine (NAT_SWITCH).  Anything else - an iteration boundary that
 * must wait in select(), the end of the run, the end of T's time slice -
 * is done only when `driver` (the run_until_complete call itself): other
 * callers get NAT_OK and go back to that call. */
static int loop_next(Task *T, LoopData *ld, bool driver, Value *out)
{
    Sim *S = T->S;
    /* a controlled run may give the driver's call one op's time: a handle
     * runs before the loop gives its turn back, or it never would */
    bool ran = !sched_controlled(S);
    for (;;) {
        if (ld->ntodo == 0) {
            if (!driver) return NAT_OK;
            /* CPython's run_forever: an iteration, then the stop check */
            if (ld->stopping && ld->iterated) return loop_finish(T, ld, out);
            /* a new iteration (CPython's _run_once): drop cancelled timers
             * at the head; with nothing ready, wait in select() for the
             * earliest timer or a wake-up from another thread */
            while (ld->nheap && handle_cancelled(&ld->heap[0].h)) heap_pop(ld);
            if (ld->n == 0 && !ld->stopping) {
                int64_t when = ld->nheap ? ld->heap[0].when : -1;
                if (when < 0 || when > T->clock) {
                    /* epoll's timeout is in whole milliseconds, rounded
                     * up: the loop wakes at or a little after the timer,
                     * and timers due by then run in the same iteration */
                    if (when >= 0) when = T->clock + (when - T->clock + 999999) / 1000000 * 1000000;
                    ld->idle = true;
                    int r = sched_block(T, &ld->selectq, R_LOOP_IDLE, ld->obj, when);
                    T->st->pending_state = TS_IO;
                    return r;
                }
            }
            ld->idle = false;
            ld->iterated = true;
            S->trace->loop_iterations++;
            while (ld->nheap && ld->heap[0].when <= T->clock) {
                Timer tm = heap_pop(ld);
                if (!handle_cancelled(&tm.h)) ring_push(ld, tm.h);
            }
            ld->ntodo = ld->n;
            continue;
        }
        /* long runs of C-only handles still give other cores their turn */
        if (T->clock >= T->limit && !T->nested && ran) {
            if (!driver) return NAT_OK;
            return NAT_YIELD;
        }
        ran = true;
        Handle h = ring_pop(ld);
        ld->ntodo--;
        if (handle_cancelled(&h)) continue;
        switch (h.kind) {
        case H_STOP:
            ld->stopping = true;
            break;
        case H_SET_RESULT:
            if (aio_fut_data(h.a)->state == FUT_PENDING) aio_fut_set_result(T, h.a, h.b);
            break;
        case H_GATHER:
            if (aio_gather_child_done(T, h.a, h.b) < 0) callback_failed(T, aio_loop_of(T), &h);
            break;
        case H_CALL: {
            Value r;
            Tuple *args = AS_TUPLE(h.b);
            if (vm_call(T, h.a, args->v, (int)args->n, NULL, &r) < 0) callback_failed(T, aio_loop_of(T), &h);
            break;
        }
        case H_STEP: case H_WAKEUP: {
            int r = task_step(T, ld, h.a, h.kind == H_STEP ? h.b : v_undef());
            if (r != NAT_OK) return r;
            break;
        }
        }
    }
}

int aio_loop_run_until_complete(Task *T, Value loop, Value arg, Value *out)
{
    LoopData *ld = aio_loop_data(loop);
    Ctx *c = T->cur;
    bool again = ld->running && ld->thread == T && ld->ctx == c;
    if (!again) {
        if (ld->closed) return exc_raise(T, EXC_RuntimeError, "Event loop is closed"), NAT_ERR;
        if (ld->running) return exc_raise(T, EXC_RuntimeError, "This event loop is already running"), NAT_ERR;
        if (!is_undef(aio_loop_of(T)))
            return exc_raise(T, EXC_RuntimeError, "Cannot run the event loop while another loop is running"), NAT_ERR;
        /* arg V_UNDEF: run_forever() */
        Value fut = arg;
        if (is_kind(arg, K_CORO)) {
            fut = aio_loop_create_task(T, loop, arg, v_undef());
            if (is_undef(fut)) return NAT_ERR;
        } else if (!is_undef(arg) && !aio_fut_data(arg)) {
            return exc_raise(T, EXC_TypeError, "An asyncio.Future, a coroutine or an awaitable is required"), NAT_ERR;
        }
        ld->target = fut;
        if (!is_undef(fut)) aio_fut_add_callback(T, fut, CB_STOP, loop);
        ld->running = true;
        ld->iterated = false;
        ld->thread = T;
        ld->ctx = c;
        ld->ntodo = 0;
        aio_thread(T)->loop = loop;
        T->driver = &aio_driver;
    }
    return loop_next(T, ld, true, out);
}

/* A task's step ended (it awaits, or it finished) on T: the next handle
 * of this iteration may be another task's step, which can start right
 * here instead of going back through run_until_complete's call.  Returns
 * the context to run. */
static Ctx *next_step(Task *T, LoopData *ld)
{
    T->cur = ld->ctx;
    if (loop_next(T, ld, false, NULL) != NAT_SWITCH) T->cur = ld->ctx;
    return T->cur;
}

/* ---- the front ends' view ---- */

FutData *aio_find_task(Sim *S, int tid)
{
    for (size_t i = 0; i < S->tasks.n; i++) {
        LoopData *ld = aio_loop_data(aio_loop_of(S->tasks.v[i]));
        for (size_t k = 0; ld && k < ld->tasks.n; k++) {
            FutData *t = aio_fut_data(ld->tasks.v[k]);
            if (t->tid == tid) return t;
        }
    }
    return NULL;
}

int64_t aio_task_wakeup(Sim *S, int tid)
{
    FutData *t = aio_find_task(S, tid);
    if (!t || is_undef(t->waiter)) return -1;
    LoopData *ld = aio_loop_data(t->loop);
    for (size_t k = 0; ld && k < ld->nheap; k++)
        if (ld->heap[k].h.kind == H_SET_RESULT && obj_same(ld->heap[k].h.a, t->waiter) && !handle_cancelled(&ld->heap[k].h))
            return ld->heap[k].when;
    return -1;
}

void aio_timers(Sim *S, SBuf *out)
{
    for (size_t i = 0; i < S->tasks.n; i++) {
        Task *T = S->tasks.v[i];
        LoopData *ld = aio_loop_data(aio_loop_of(T));
        for (size_t k = 0; ld && k < ld->nheap; k++) {
            const Timer *tm = &ld->heap[k];
            if (handle_cancelled(&tm->h)) continue;
            sb_printf(out, "%lld ", (long long)tm->when);
            if (tm->h.kind == H_SET_RESULT) {
                /* a sleep: name the task that awaits it */
                const char *who = "a future";
                for (size_t j = 0; j < ld->tasks.n; j++) {
                    FutData *t = aio_fut_data(ld->tasks.v[j]);
                    if (obj_same(t->waiter, tm->h.a)) who = S->trace->tasks.v[t->tid].name;
                }
                sb_printf(out, "%s's event loop: %s wakes from asyncio.sleep\n", T->name, who);
            } else {
                sb_printf(out, "%s's event loop: a callback (call_later)\n", T->name);
            }
        }
    }
}

/* ---- the scheduler's view ---- */

void aio_describe_wait(Sim *S, Task *T, SBuf *b)
{
    LoopData *ld = aio_loop_data(aio_loop_of(T));
    if (!ld) return;
    sb_printf(b, "%s's event loop has nothing to run", T->name);
    for (size_t i = 0; i < ld->tasks.n; i++) {
        FutData *t = aio_fut_data(ld->tasks.v[i]);
        const TraceTask *tt = &S->trace->tasks.v[t->tid];
        FutData *w = aio_fut_data(t->waiter);
        sb_printf(b, "%s %s %s", i ? ";" : ":", tt->name, w ? trace_reason_text[w->reason] : "is ready");
        if (w && w->is_task) sb_printf(b, " (%s)", S->trace->tasks.v[w->tid].name);
        if (w && !w->is_task) sb_puts(b, " that nothing will complete");
    }
}

/* ---- loops ---- */

LoopData *aio_need_loop(Task *T, Value v)
{
    LoopData *ld = aio_loop_data(v);
    if (!ld) exc_raise(T, EXC_TypeError, "expected an event loop, not %s", obj_type_name(T->S, v));
    return ld;
}

Value aio_new_loop(Task *T)
{
    Sim *S = T->S;
    Instance *in = obj_instance_new(S, aio_st(S)->loop);
    LoopData *ld = xcalloc(1, sizeof *ld);
    ld->current = ld->target = v_undef();
    ld->obj = sched_new_obj(T, OBJ_AIO);
    in->payload = ld;
    in->dict = dict_new(S);
    dict_set_str(S, in->dict, str_intern(S, "_default_executor", 17), v_none());
    dict_set_str(S, in->dict, str_intern(S, "_exception_handler", 18), v_none());
    return v_obj(in);
}

/* The loop get_event_loop() gives: the running one, else the thread's. */
Value aio_event_loop(Task *T)
{
    if (!is_undef(aio_loop_of(T))) return aio_loop_of(T);
    if (is_undef(aio_default_of(T))) aio_thread(T)->default_loop = aio_new_loop(T);
    return aio_default_of(T);
}

/* ---- gather ----
 *
 * CPython's gather() is Python (asyncio/tasks.py): per argument it calls
 * ensure_future, fills a dict and adds a closure as done callback, and
 * that closure runs once per child.  With 100,000 children that Python is
 * most of the cost of a run, so the common case - every argument a
 * coroutine or one of asyncio's own futures - is done here in C, with
 * the same steps in the same order.  Anything else (a user subclass of
 * Future, which may override __eq__ or get_loop; a non-awaitable; an
 * unknown keyword) goes to the Python version, _gather_py in
 * sim/py/asyncio.py, so its behaviour is CPython's exactly.
 *
 * The C version charges the virtual time the Python version's bytecode
 * would have cost, in op_cost units (measured on the Python version), so
 * simulated timings do not depend on which one ran. */
enum {
    GATHER_CALL_OPS = 111,  /* the call: closure cells, locals, the outer future */
    GATHER_LOOP_OPS = 15,   /* get_event_loop() and get_loop() for the first coroutine */
    GATHER_ARG_OPS = 88,    /* an argument made a child: the dict, add_done_callback... */
    GATHER_CORO_OPS = 33,   /* ... and ensure_future's create_task for a coroutine, */
    GATHER_PRE_OPS = 10,    /* of which this much comes before the task is made */
    GATHER_DUP_OPS = 29,    /* an argument seen before */
    GATHER_CB_OPS = 32,     /* a child's done callback */
    GATHER_CB_CHECK_OPS = 34, /* ... its checks without return_exceptions */
    GATHER_CB_LATE_OPS = 56, /* one that finds the outer future done... */
    GATHER_CB_LATE_CANCEL_OPS = 38, /* ... and was cancelled itself */
    GATHER_CB_EXC_OPS = 78, /* one that fails the outer future */
    GATHER_FINISH_OPS = 28, /* the last one's results list and set_result */
    GATHER_RESULT_OPS = 68, /* a child's entry in the results list... */
    GATHER_RESULT_EXC_OPS = 56, /* ... for a child that failed */
    GATHER_RESULT_CANCEL_OPS = 57, /* ... for a child cancelled */
    GATHER_CANCEL_OPS = 34, /* _GatheringFuture.cancel() */
    GATHER_CANCEL_CHILD_OPS = 21, /* ... per child */
};

Value aio_gathering_new(Task *T, Value loop, Value children)
{
    Value v = aio_fut_new(T, loop);
    AS_INST(v)->cls = aio_st(T->S)->gathering;
    GatherData *gd = xcalloc(1, sizeof *gd);
    gd->children = children;
    aio_fut_data(v)->gather = gd;
    return v;
}

/* Futures gather can handle in C: asyncio's own classes, whose equality
 * is identity and whose methods nobody overrides. */
bool aio_plain_future(Sim *S, Value v)
{
    if (!is_instance(v)) return false;
    Class *c = AS_INST(v)->cls;
    return c == aio_st(S)->future || c == aio_st(S)->task || c == aio_st(S)->gathering;
}

/* Which earlier argument an object was (gather makes one child per
 * distinct argument).  Arguments are flagged OF_SEEN as they come; only a
 * repeated one needs to know which earlier argument it was, from a map of
 * first occurrences built at the first repeat. */
typedef struct ArgSet {
    PtrMap first;         /* object -> index of its first argument */
    bool indexed;         /* the map is built (there was a repeat) */
} ArgSet;

/* The index of an earlier argument that is args[i], or -1 (args[i] is
 * new, and now flagged). */
static int argset_find_add(ArgSet *s, const Value *args, int i)
{
    Obj *o = args[i].u.o;
    if (!(o->flags & OF_SEEN)) {
        o->flags |= OF_SEEN;
        if (s->indexed) ptrmap_put(&s->first, o, i);
        return -1;
    }
    if (!s->indexed) {
        /* the first repeat: index the arguments so far (first occurrences) */
        s->indexed = true;
        for (int j = 0; j < i; j++)
            if (!ptrmap_find(&s->first, args[j].u.o)) ptrmap_put(&s->first, args[j].u.o, j);
    }
    return (int)*ptrmap_find(&s->first, o);
}

static void argset_done(ArgSet *s, const Value *args, int n)
{
    for (int i = 0; i < n; i++) args[i].u.o->flags &= (uint16_t)~OF_SEEN;
    ptrmap_free(&s->first);
}

/* CancelledError('' if fut._cancel_message is None else fut._cancel_message) */
static Value child_cancelled_error(Task *T, FutData *c)
{
    Value msg = is_undef(c->cancel_msg) || is_none(c->cancel_msg) ? v_obj(str_intern(T->S, "", 0)) : c->cancel_msg;
    return exc_new(T, T->S->exc[EXC_CancelledError], &msg, 1);
}

/* fut.exception() of a child known not to be cancelled: marks it retrieved */
static Value child_exception(FutData *c)
{
    c->exc_retrieved = true;
    return c->exc;
}

/* All children are done: the results, in argument order. */
static int gather_finish(Task *T, Value outer, GatherData *gd)
{
    Sim *S = T->S;
    List *children = AS_LIST(gd->children);
    List *results = list_new(S, children->n);
    charge_items(T, GATHER_FINISH_OPS);
    FutData *last = NULL;
    for (int64_t i = 0; i < children->n; i++) {
        last = aio_fut_data(children->v[i]);
        Value res;
        if (last->state == FUT_CANCELLED) {
            charge_items(T, GATHER_RESULT_CANCEL_OPS);
            res = child_cancelled_error(T, last);
        } else {
            res = child_exception(last);
            charge_items(T, is_undef(res) ? GATHER_RESULT_OPS : GATHER_RESULT_EXC_OPS);
            if (is_undef(res)) res = last->result;
        }
        list_append(S, results, res);
    }
    /* CPython makes the CancelledError from its loop variable: the last
     * child */
    if (gd->cancel_requested) return aio_fut_set_exception(T, outer, aio_fut_cancelled_error(T, last));
    return aio_fut_set_result(T, outer, v_obj(results));
}

int aio_gather_child_done(Task *T, Value outer, Value child)
{
    FutData *o = aio_fut_data(outer), *c = aio_fut_data(child);
    GatherData *gd = o->gather;
    gd->nfinished++;
    if (gd->abandoned || o->state != FUT_PENDING) {
        charge_items(T, c->state == FUT_CANCELLED ? GATHER_CB_LATE_CANCEL_OPS : GATHER_CB_LATE_OPS);
        if (c->state != FUT_CANCELLED) child_exception(c);
        return 0;
    }
    if (!gd->return_exceptions) {
        if (c->state == FUT_CANCELLED) {
            charge_items(T, GATHER_CB_EXC_OPS);
            return aio_fut_set_exception(T, outer, aio_fut_cancelled_error(T, c));
        }
        Value exc = child_exception(c);
        if (!is_undef(exc)) {
            charge_items(T, GATHER_CB_EXC_OPS);
            /* (set_exception refuses a StopIteration, as CPython's does) */
            return aio_fut_set_exception(T, outer, exc);
        }
    }
    charge_items(T, GATHER_CB_OPS + (gd->return_exceptions ? 0 : GATHER_CB_CHECK_OPS));
    if (gd->nfinished == gd->nfuts) return gather_finish(T, outer, gd);
    return 0;
}

int aio_gather_cancel(Task *T, Value outer, Value msg)
{
    FutData *o = aio_fut_data(outer);
    charge_items(T, GATHER_CANCEL_OPS);
    if (o->state != FUT_PENDING) return 0;
    List *children = AS_LIST(o->gather->children);
    bool ret = false;
    for (int64_t i = 0; i < children->n; i++) {
        charge_items(T, GATHER_CANCEL_CHILD_OPS);
        int r = aio_cancel(T, children->v[i], msg);
        if (r < 0) return -1;
        if (r) ret = true;
    }
    if (ret) o->gather->cancel_requested = true;
    return ret;
}

int aio_gather(Task *T, Value *args, int npos, bool return_exceptions, Value *out)
{
    Sim *S = T->S;
    if (npos == 0) {
        Value loop = aio_event_loop(T);
        if (!aio_need_loop(T, loop)) return NAT_ERR;
        *out = aio_fut_new(T, loop);
        aio_fut_set_result(T, *out, v_obj(list_new(S, 0)));
        return NAT_OK;
    }
    charge_items(T, GATHER_CALL_OPS);
    List *children = list_new(S, npos);
    Value outer = aio_gathering_new(T, v_undef(), v_obj(children));
    GatherData *gd = aio_fut_data(outer)->gather;
    gd->return_exceptions = return_exceptions;
    ArgSet seen = {0};
    Value loop = v_undef();
    int rc = NAT_OK;
    int i;
    for (i = 0; i < npos; i++) {
        int j = argset_find_add(&seen, args, i);
        if (j >= 0) {
            charge_items(T, GATHER_DUP_OPS);
            list_append(S, children, children->v[j]);
            continue;
        }
        Value fut = args[i];
        if (is_kind(fut, K_CORO)) {
            /* ensure_future(arg, loop=loop): the task is made part way
             * through the Python version's ops, so its timeline is too */
            charge_items(T, GATHER_PRE_OPS);
            bool first = is_undef(loop);
            if (first) loop = aio_event_loop(T);
            if (!aio_need_loop(T, loop)) {
                rc = NAT_ERR;
                break;
            }
            fut = aio_loop_create_task(T, loop, fut, v_undef());
            if (is_undef(fut)) {
                rc = NAT_ERR;
                break;
            }
            charge_items(T, GATHER_ARG_OPS + GATHER_CORO_OPS - GATHER_PRE_OPS);
            if (first) charge_items(T, GATHER_LOOP_OPS);
        } else {
            /* (loop = fut.get_loop() for a first future) */
            charge_items(T, GATHER_ARG_OPS + (is_undef(loop) ? 1 : 0));
        }
        if (is_undef(loop)) loop = aio_fut_data(fut)->loop;
        gd->nfuts++;
        aio_fut_add_callback(T, fut, CB_GATHER, outer);
        list_append(S, children, fut);
    }
    argset_done(&seen, args, rc == NAT_OK ? npos : i + 1);
    if (rc != NAT_OK) {
        /* the children made so far stay, with callbacks that find no
         * outer future (CPython's outer is still None) */
        gd->abandoned = true;
        return rc;
    }
    aio_fut_data(outer)->loop = loop;
    *out = outer;
    return NAT_OK;
}
