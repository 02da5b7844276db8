/* mod_asyncio.c - the asyncio module's C part: the event loop class,
 * Future, Task, Handle/TimerHandle and sleep, on the machinery of aio.c.
 * The rest of the module (run, gather, wait_for, queues, locks...) is
 * sim/py/asyncio.py. */
#include "mod_asyncio.h"
#include "aio.h"
#include "attr.h"
#include "dict.h"
#include "native.h"
#include "repr.h"
#include "set.h"
#include "str.h"
#include "tuple.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- helpers ---- */

static FutData *need_fut(Task *T, Value v)
{
    FutData *f = aio_fut_data(v);
    if (!f) exc_raise(T, EXC_TypeError, "expected an asyncio.Future, not %s", obj_type_name(T->S, v));
    return f;
}

static int no_running_loop(Task *T)
{
    return exc_raise(T, EXC_RuntimeError, "no running event loop");
}

/* A Handle (or TimerHandle) instance for fn(*args). */
static Value make_handle(Task *T, Class *cls, Value fn, Value *args, int nargs, int64_t when)
{
    Sim *S = T->S;
    Instance *in = obj_instance_new(S, cls);
    HandleData *h = xcalloc(1, sizeof *h);
    h->fn = fn;
    Tuple *t = tuple_new(S, nargs);
    vcopy(t->v, args, nargs);
    h->args = v_obj(t);
    h->when = when;
    in->payload = h;
    return v_obj(in);
}

/* call_soon / call_later / call_at: callback and *args after `skip`
 * leading arguments (self, delay...). */
static int schedule(Task *T, Value *args, int nargs, Tuple *kw, int skip, int64_t when, bool threadsafe, Value *out)
{
    Sim *S = T->S;
    LoopData *ld = aio_need_loop(T, args[0]);
    if (!ld) return NAT_ERR;
    if (ld->closed) return exc_raise(T, EXC_RuntimeError, "Event loop is closed");
    int npos = nat_npos(nargs, kw);
    if (kw)
        for (int64_t i = 0; i < kw->n; i++)
            if (!str_eq_c(AS_STR(kw->v[i]), "context"))
                return exc_raise(T, EXC_TypeError, "call_soon() got an unexpected keyword argument '%s'", AS_STR(kw->v[i])->s);
    if (npos < skip + 1) return exc_raise(T, EXC_TypeError, "missing the callback argument");
    Value fn = args[skip];
    if (!obj_is_callable(S, fn)) return exc_raise(T, EXC_TypeError, "a callable object was expected by call_soon(), got %s", obj_type_name(S, fn));
    Class *cls = when >= 0 ? aio_st(S)->timer : aio_st(S)->handle;
    *out = make_handle(T, cls, fn, args + skip + 1, npos - skip - 1, when);
    HandleData *hd = AS_INST(*out)->payload;
    Handle h = {H_CALL, fn, hd->args, *out};
    if (when >= 0) aio_loop_call_at(T, args[0], when, h);
    else aio_loop_call_soon(T, args[0], h, threadsafe);
    return NAT_OK;
}

/* ---- the event loop ---- */

NATIVE(loop_ctor)
{
    *out = aio_new_loop(T);
    return NAT_OK;
}

NATIVE(loop_time)
{
    if (!aio_need_loop(T, args[0])) return NAT_ERR;
    *out = v_float((double)T->clock / 1e9);
    return NAT_OK;
}

NATIVE(loop_call_soon_m) { return schedule(T, args, nargs, kw, 1, -1, false, out); }
NATIVE(loop_call_soon_threadsafe_m) { return schedule(T, args, nargs, kw, 1, -1, true, out); }

NATIVE(loop_call_later_m)
{
    double d;
    if (nat_npos(nargs, kw) < 3) return exc_raise(T, EXC_TypeError, "call_later() missing required arguments: 'delay' and 'callback'");
    if (nat_arg_float(T, args[1], "call_later", &d) < 0) return NAT_ERR;
    return schedule(T, args, nargs, kw, 2, T->clock + secs_to_ns(d), false, out);
}

NATIVE(loop_call_at_m)
{
    double w;
    if (nat_npos(nargs, kw) < 3) return exc_raise(T, EXC_TypeError, "call_at() missing required arguments: 'when' and 'callback'");
    if (nat_arg_float(T, args[1], "call_at", &w) < 0) return NAT_ERR;
    int64_t when = secs_to_ns(w);
    return schedule(T, args, nargs, kw, 2, when, false, out);
}

NATIVE(loop_create_future_m)
{
    if (!aio_need_loop(T, args[0])) return NAT_ERR;
    *out = aio_fut_new(T, args[0]);
    return NAT_OK;
}

NATIVE(loop_create_task_m)
{
    Value a[3];
    if (nat_parse(T, "create_task", args + 1, nargs - 1, kw, "coro$name,context", a) < 0) return NAT_ERR;
    if (!aio_need_loop(T, args[0])) return NAT_ERR;
    *out = aio_loop_create_task(T, args[0], a[0], a[1]);
    return is_undef(*out) ? NAT_ERR : NAT_OK;
}

NATIVE(loop_run_until_complete_m)
{
    if (nat_count(T, "run_until_complete", nargs - 1, kw, 1, 1) < 0) return NAT_ERR;
    if (!aio_need_loop(T, args[0])) return NAT_ERR;
    return aio_loop_run_until_complete(T, args[0], args[1], out);
}

NATIVE(loop_run_forever_m)
{
    if (nat_count(T, "run_forever", nargs - 1, kw, 0, 0) < 0) return NAT_ERR;
    if (!aio_need_loop(T, args[0])) return NAT_ERR;
    return aio_loop_run_until_complete(T, args[0], v_undef(), out);
}

NATIVE(loop_stop_m)
{
    LoopData *ld = aio_need_loop(T, args[0]);
    if (!ld) return NAT_ERR;
    ld->stopping = true;
    *out = v_none();
    return NAT_OK;
}

NATIVE(loop_is_running_m)
{
    LoopData *ld = aio_need_loop(T, args[0]);
    if (!ld) return NAT_ERR;
    *out = v_bool(ld->running);
    return NAT_OK;
}

NATIVE(loop_is_closed_m)
{
    LoopData *ld = aio_need_loop(T, args[0]);
    if (!ld) return NAT_ERR;
    *out = v_bool(ld->closed);
    return NAT_OK;
}

NATIVE(loop_close_m)
{
    LoopData *ld = aio_need_loop(T, args[0]);
    if (!ld) return NAT_ERR;
    if (ld->running) return exc_raise(T, EXC_RuntimeError, "Cannot close a running event loop");
    ld->closed = true;
    ld->n = ld->head = 0;
    ld->nheap = 0;
    *out = v_none();
    return NAT_OK;
}

NATIVE(loop_get_debug_m)
{
    *out = v_bool(false);
    return NAT_OK;
}

NATIVE(loop_set_debug_m)
{
    *out = v_none();
    return NAT_OK;
}

NATIVE(loop_repr_m)
{
    LoopData *ld = aio_need_loop(T, args[0]);
    if (!ld) return NAT_ERR;
    char b[128];
    snprintf(b, sizeof b, "<_UnixSelectorEventLoop running=%s closed=%s debug=False>", ld->running ? "True" : "False",
             ld->closed ? "True" : "False");
    *out = v_obj(str_from_c(T->S, b));
    return NAT_OK;
}

/* ---- handles ---- */

NATIVE(handle_cancel_m)
{
    HandleData *h = AS_INST(args[0])->payload;
    h->cancelled = true;
    *out = v_none();
    return NAT_OK;
}

NATIVE(handle_cancelled_m)
{
    HandleData *h = AS_INST(args[0])->payload;
    *out = v_bool(h->cancelled);
    return NAT_OK;
}

NATIVE(handle_when_m)
{
    HandleData *h = AS_INST(args[0])->payload;
    *out = v_float((double)h->when / 1e9);
    return NAT_OK;
}

NATIVE(handle_repr_m)
{
    HandleData *h = AS_INST(args[0])->payload;
    SBuf b = STR_BUF;
    bool timer = AS_INST(args[0])->cls == aio_st(T->S)->timer;
    sb_puts(&b, timer ? "<TimerHandle " : "<Handle ");
    if (h->cancelled) sb_puts(&b, "cancelled ");
    if (timer) sb_printf(&b, "when=%.17g ", (double)h->when / 1e9);
    aio_callback_text(T, h->fn, AS_TUPLE(h->args), &b);
    sb_putc(&b, '>');
    return str_from_buf(T, &b, out) < 0 ? NAT_ERR : NAT_OK;
}

/* ---- futures ---- */

NATIVE(fut_ctor)
{
    /* the instance; __init__ binds it to its loop (a subclass's __init__
     * may take other arguments and call Future.__init__ itself) */
    *out = aio_fut_new(T, v_undef());
    AS_INST(*out)->cls = AS_CLASS(args[0]);
    return NAT_OK;
}

NATIVE(fut_init)
{
    FutData *f = need_fut(T, args[0]);
    if (!f) return NAT_ERR;
    *out = v_none();
    if (f->is_task) return NAT_OK; /* Task's constructor did it all */
    Value a[1];
    if (nat_parse(T, "Future", args + 1, nargs - 1, kw, "$loop", a) < 0) return NAT_ERR;
    Value loop = is_undef(a[0]) || is_none(a[0]) ? aio_event_loop(T) : a[0];
    if (!aio_need_loop(T, loop)) return NAT_ERR;
    f->loop = loop;
    return NAT_OK;
}

NATIVE(fut_result_m)
{
    FutData *f = need_fut(T, args[0]);
    if (!f) return NAT_ERR;
    return aio_fut_result(T, f, out) < 0 ? NAT_ERR : NAT_OK;
}

NATIVE(fut_exception_m)
{
    FutData *f = need_fut(T, args[0]);
    if (!f) return NAT_ERR;
    if (f->state == FUT_CANCELLED) return aio_fut_result(T, f, out) < 0 ? NAT_ERR : NAT_OK;
    if (f->state == FUT_PENDING) return exc_raise(T, EXC_InvalidStateError, "Exception is not set.");
    f->exc_retrieved = true;
    *out = is_undef(f->exc) ? v_none() : f->exc;
    return NAT_OK;
}

NATIVE(fut_done_m)
{
    FutData *f = need_fut(T, args[0]);
    if (!f) return NAT_ERR;
    *out = v_bool(f->state != FUT_PENDING);
    return NAT_OK;
}

NATIVE(fut_cancelled_m)
{
    FutData *f = need_fut(T, args[0]);
    if (!f) return NAT_ERR;
    *out = v_bool(f->state == FUT_CANCELLED);
    return NAT_OK;
}

NATIVE(fut_cancel_m)
{
    Value a[1];
    if (nat_parse(T, "cancel", args + 1, nargs - 1, kw, "|msg", a) < 0) return NAT_ERR;
    FutData *f = need_fut(T, args[0]);
    if (!f) return NAT_ERR;
    Value msg = is_undef(a[0]) ? v_none() : a[0];
    /* the C behaviour of this class itself (a subclass's override is
     * found by attribute lookup before this) */
    *out = v_bool(f->is_task ? aio_task_cancel(T, args[0], msg) : aio_fut_cancel(T, args[0], msg));
    return NAT_OK;
}

NATIVE(fut_set_result_m)
{
    if (nat_count(T, "set_result", nargs - 1, kw, 1, 1) < 0) return NAT_ERR;
    FutData *f = need_fut(T, args[0]);
    if (!f) return NAT_ERR;
    if (f->is_task) return exc_raise(T, EXC_RuntimeError, "Task does not support set_result operation");
    if (aio_fut_set_result(T, args[0], args[1]) < 0) return NAT_ERR;
    *out = v_none();
    return NAT_OK;
}

NATIVE(fut_set_exception_m)
{
    if (nat_count(T, "set_exception", nargs - 1, kw, 1, 1) < 0) return NAT_ERR;
    FutData *f = need_fut(T, args[0]);
    if (!f) return NAT_ERR;
    if (f->is_task) return exc_raise(T, EXC_RuntimeError, "Task does not support set_exception operation");
    if (aio_fut_set_exception(T, args[0], args[1]) < 0) return NAT_ERR;
    *out = v_none();
    return NAT_OK;
}

NATIVE(fut_add_done_callback_m)
{
    Value a[2];
    if (nat_parse(T, "add_done_callback", args + 1, nargs - 1, kw, "fn$context", a) < 0) return NAT_ERR;
    if (!need_fut(T, args[0])) return NAT_ERR;
    aio_fut_add_callback(T, args[0], CB_CALL, a[0]);
    *out = v_none();
    return NAT_OK;
}

NATIVE(fut_remove_done_callback_m)
{
    if (nat_count(T, "remove_done_callback", nargs - 1, kw, 1, 1) < 0) return NAT_ERR;
    FutData *f = need_fut(T, args[0]);
    if (!f) return NAT_ERR;
    size_t j = 0;
    int64_t removed = 0;
    for (size_t i = 0; i < f->cbs.n; i++) {
        if (f->cbs.v[i].kind == CB_CALL) {
            int eq = obj_eq(T, f->cbs.v[i].v, args[1]);
            if (eq < 0) return NAT_ERR;
            if (eq) {
                removed++;
                continue;
            }
        }
        f->cbs.v[j++] = f->cbs.v[i];
    }
    f->cbs.n = j;
    *out = v_int(removed);
    return NAT_OK;
}

NATIVE(fut_get_loop_m)
{
    FutData *f = need_fut(T, args[0]);
    if (!f) return NAT_ERR;
    *out = f->loop;
    return NAT_OK;
}

NATIVE(fut_make_cancelled_error_m)
{
    FutData *f = need_fut(T, args[0]);
    if (!f) return NAT_ERR;
    Value msg = f->cancel_msg;
    bool has = !is_undef(msg) && !is_none(msg);
    *out = exc_new(T, T->S->exc[EXC_CancelledError], has ? &msg : NULL, has ? 1 : 0);
    return NAT_OK;
}

NATIVE(fut_cancel_message_get)
{
    FutData *f = need_fut(T, args[0]);
    if (!f) return NAT_ERR;
    *out = is_undef(f->cancel_msg) ? v_none() : f->cancel_msg;
    return NAT_OK;
}

/* "result=1", "exception=ValueError('x')", or the callbacks. */
static int fut_repr_info(Task *T, FutData *f, SBuf *b)
{
    if (f->state == FUT_CANCELLED) {
        sb_puts(b, "cancelled");
        return 0;
    }
    if (f->state == FUT_PENDING) {
        sb_puts(b, "pending");
        if (f->cbs.n) {
            sb_puts(b, " cb=[");
            for (size_t i = 0; i < f->cbs.n; i++) {
                if (i) sb_puts(b, ", ");
                Value nm;
                if (f->cbs.v[i].kind == CB_WAKEUP) sb_puts(b, "Task.task_wakeup()");
                else if (f->cbs.v[i].kind == CB_GATHER) sb_puts(b, "gather.<locals>._done_callback()");
                else if (attr_get_opt(T, f->cbs.v[i].v, T->S->sym[SYM_qualname], &nm) == 1 && is_str(nm))
                    sb_printf(b, "%s()", AS_STR(nm)->s);
                else
                    sb_puts(b, "callback()");
                T->exc = v_undef();
            }
            sb_putc(b, ']');
        }
        return 0;
    }
    sb_puts(b, "finished ");
    if (!is_undef(f->exc)) {
        sb_puts(b, "exception=");
        return repr_write(T, f->exc, b);
    }
    sb_puts(b, "result=");
    return repr_write(T, f->result, b);
}

NATIVE(fut_repr_m)
{
    FutData *f = need_fut(T, args[0]);
    if (!f) return NAT_ERR;
    SBuf b = STR_BUF;
    sb_printf(&b, "<%s ", AS_INST(args[0])->cls->name->s);
    if (fut_repr_info(T, f, &b) < 0) {
        sb_free(&b);
        return NAT_ERR;
    }
    sb_putc(&b, '>');
    return str_from_buf(T, &b, out) < 0 ? NAT_ERR : NAT_OK;
}

/* ---- tasks ---- */

NATIVE(task_ctor)
{
    Value a[4];
    if (nat_parse(T, "Task", args + 1, nargs - 1, kw, "coro$loop,name,context", a) < 0) return NAT_ERR;
    Value loop = is_undef(a[1]) || is_none(a[1]) ? aio_event_loop(T) : a[1];
    if (!aio_need_loop(T, loop)) return NAT_ERR;
    *out = aio_loop_create_task(T, loop, a[0], a[2]);
    if (is_undef(*out)) return NAT_ERR;
    AS_INST(*out)->cls = AS_CLASS(args[0]);
    return NAT_OK;
}

static FutData *need_task(Task *T, Value v)
{
    FutData *f = aio_fut_data(v);
    if (!f || !f->is_task) {
        exc_raise(T, EXC_TypeError, "expected an asyncio.Task, not %s", obj_type_name(T->S, v));
        return NULL;
    }
    return f;
}

NATIVE(task_get_name_m)
{
    FutData *t = need_task(T, args[0]);
    if (!t) return NAT_ERR;
    *out = v_obj(aio_task_name(T->S, t));
    return NAT_OK;
}

NATIVE(task_set_name_m)
{
    if (nat_count(T, "set_name", nargs - 1, kw, 1, 1) < 0) return NAT_ERR;
    FutData *t = need_task(T, args[0]);
    if (!t) return NAT_ERR;
    Value s = repr_str(T, args[1]);
    if (is_undef(s)) return NAT_ERR;
    t->name = AS_STR(s);
    *out = v_none();
    return NAT_OK;
}

NATIVE(task_get_coro_m)
{
    FutData *t = need_task(T, args[0]);
    if (!t) return NAT_ERR;
    *out = t->coro;
    return NAT_OK;
}

NATIVE(task_cancelling_m)
{
    FutData *t = need_task(T, args[0]);
    if (!t) return NAT_ERR;
    *out = v_int(t->num_cancels);
    return NAT_OK;
}

NATIVE(task_uncancel_m)
{
    FutData *t = need_task(T, args[0]);
    if (!t) return NAT_ERR;
    if (t->num_cancels > 0) t->num_cancels--;
    *out = v_int(t->num_cancels);
    return NAT_OK;
}

/* The line a coroutine is at: where its outermost frame stopped, or its
 * def line before it started. */
static void coro_where(Gen *g, SBuf *b, bool done)
{
    if (g->native || !g->qualname) {
        sb_printf(b, "%s()", g->qualname ? g->qualname->s : "?");
        return;
    }
    sb_printf(b, "%s() ", g->qualname->s);
    if (done || !g->ctx.nframes) {
        sb_puts(b, "done");
        if (g->code && g->code->src) sb_printf(b, ", defined at %s:%d", g->code->src->name, g->code->firstline);
        return;
    }
    Frame *f = &g->ctx.frames[0];
    int line = g->state == GEN_CREATED ? f->code->firstline : f->code->lines[f->pc ? f->pc - 1 : 0];
    sb_printf(b, "running at %s:%d", f->code->src ? f->code->src->name : "?", line);
}

NATIVE(task_repr_m)
{
    FutData *t = need_task(T, args[0]);
    if (!t) return NAT_ERR;
    SBuf b = STR_BUF;
    sb_printf(&b, "<%s %s name='%s' coro=<", AS_INST(args[0])->cls->name->s,
              /* a pending task asked to cancel says so, as CPython's task repr */
              t->state == FUT_PENDING ? (t->num_cancels > 0 ? "cancelling" : "pending")
              : t->state == FUT_CANCELLED ? "cancelled" : "finished", aio_task_name(T->S, t)->s);
    coro_where((Gen *)t->coro.u.o, &b, t->state != FUT_PENDING);
    sb_putc(&b, '>');
    int rc = 0;
    if (t->state == FUT_DONE) {
        if (!is_undef(t->exc)) {
            sb_puts(&b, " exception=");
            rc = repr_write(T, t->exc, &b);
        } else {
            sb_puts(&b, " result=");
            rc = repr_write(T, t->result, &b);
        }
    } else if (t->state == FUT_PENDING && aio_fut_data(t->waiter)) {
        sb_puts(&b, " wait_for=<Future ");
        rc = fut_repr_info(T, aio_fut_data(t->waiter), &b);
        sb_putc(&b, '>');
    }
    sb_putc(&b, '>');
    if (rc < 0) {
        sb_free(&b);
        return NAT_ERR;
    }
    return str_from_buf(T, &b, out) < 0 ? NAT_ERR : NAT_OK;
}

/* ---- gather: its C part is aio_gather (aio.c) ---- */

static int gather_py(Task *T, Value *args, int nargs, Tuple *kw, Value *out)
{
    Sim *S = T->S;
    Value fn = dict_get_str(aio_st(S)->module, str_intern(S, "_gather_py", 10));
    if (is_undef(fn)) return exc_raise(T, EXC_RuntimeError, "internal error: asyncio._gather_py is missing");
    return vm_call(T, fn, args, nargs, kw, out) < 0 ? NAT_ERR : NAT_OK;
}

NATIVE(nat_gather)
{
    Sim *S = T->S;
    int npos = nat_npos(nargs, kw);
    bool plain = !kw || (kw->n == 1 && str_eq_c(AS_STR(kw->v[0]), "return_exceptions") &&
                         (is_bool(args[npos]) || is_int(args[npos]) || is_none(args[npos])));
    for (int i = 0; plain && i < npos; i++) plain = is_kind(args[i], K_CORO) || aio_plain_future(S, args[i]);
    if (!plain) return gather_py(T, args, nargs, kw, out);
    return aio_gather(T, args, npos, kw && args[npos].u.i != 0 && !is_none(args[npos]), out);
}

NATIVE(gathering_ctor)
{
    /* _GatheringFuture(children, *, loop): for _gather_py */
    Value a[2];
    if (nat_parse(T, "_GatheringFuture", args + 1, nargs - 1, kw, "children$loop", a) < 0) return NAT_ERR;
    Value loop = is_undef(a[1]) || is_none(a[1]) ? aio_event_loop(T) : a[1];
    if (!aio_need_loop(T, loop)) return NAT_ERR;
    if (!is_list(a[0])) return exc_raise(T, EXC_TypeError, "_GatheringFuture() expects a list of children");
    *out = aio_gathering_new(T, loop, a[0]);
    AS_INST(*out)->cls = AS_CLASS(args[0]);
    return NAT_OK;
}

NATIVE(gathering_init)
{
    /* the constructor did it all */
    *out = v_none();
    return NAT_OK;
}

NATIVE(gathering_cancel_m)
{
    Value a[1];
    if (nat_parse(T, "cancel", args + 1, nargs - 1, kw, "|msg", a) < 0) return NAT_ERR;
    FutData *f = aio_fut_data(args[0]);
    if (!f || !f->gather) return exc_raise(T, EXC_TypeError, "expected a _GatheringFuture");
    int r = aio_gather_cancel(T, args[0], is_undef(a[0]) ? v_none() : a[0]);
    if (r < 0) return NAT_ERR;
    *out = v_bool(r);
    return NAT_OK;
}

NATIVE(gathering_children_get)
{
    FutData *f = aio_fut_data(args[0]);
    if (!f || !f->gather) return exc_raise(T, EXC_TypeError, "expected a _GatheringFuture");
    *out = f->gather->children;
    return NAT_OK;
}

NATIVE(gathering_cancel_requested_get)
{
    FutData *f = aio_fut_data(args[0]);
    if (!f || !f->gather) return exc_raise(T, EXC_TypeError, "expected a _GatheringFuture");
    *out = v_bool(f->gather->cancel_requested);
    return NAT_OK;
}

/* ---- module functions ---- */

NATIVE(aio_sleep)
{
    Value a[2];
    if (nargs == 1 && !kw && is_intlike(args[0]) && args[0].u.i == 0) {
        /* sleep(0), the commonest: a bare yield to the loop */
        *out = aio_sleep_coro(T, 0, v_none());
        return NAT_OK;
    }
    if (nargs == 1 && !kw) {
        /* the common sleep(delay): no argument parsing */
        a[0] = args[0];
        a[1] = v_undef();
    } else if (nat_parse(T, "sleep", args, nargs, kw, "delay|result", a) < 0) {
        return NAT_ERR;
    }
    double d;
    if (nat_arg_float(T, a[0], "sleep", &d) < 0) return NAT_ERR;
    *out = aio_sleep_coro(T, d <= 0 ? 0 : secs_to_ns(d) ? secs_to_ns(d) : 1, is_undef(a[1]) ? v_none() : a[1]);
    return NAT_OK;
}

NATIVE(aio_get_running_loop)
{
    if (nat_count(T, "get_running_loop", nargs, kw, 0, 0) < 0) return NAT_ERR;
    if (is_undef(aio_loop_of(T))) return no_running_loop(T);
    *out = aio_loop_of(T);
    return NAT_OK;
}

NATIVE(aio_get_running_loop_opt)
{
    *out = is_undef(aio_loop_of(T)) ? v_none() : aio_loop_of(T);
    return NAT_OK;
}

NATIVE(aio_get_event_loop)
{
    if (nat_count(T, "get_event_loop", nargs, kw, 0, 0) < 0) return NAT_ERR;
    *out = aio_event_loop(T);
    return NAT_OK;
}

NATIVE(aio_new_event_loop)
{
    if (nat_count(T, "new_event_loop", nargs, kw, 0, 0) < 0) return NAT_ERR;
    *out = aio_new_loop(T);
    return NAT_OK;
}

NATIVE(aio_set_event_loop)
{
    if (nat_count(T, "set_event_loop", nargs, kw, 1, 1) < 0) return NAT_ERR;
    if (!is_none(args[0]) && !aio_need_loop(T, args[0])) return NAT_ERR;
    aio_thread(T)->default_loop = is_none(args[0]) ? v_undef() : args[0];
    *out = v_none();
    return NAT_OK;
}

NATIVE(aio_current_task_fn)
{
    Value a[1];
    if (nat_parse(T, "current_task", args, nargs, kw, "|loop", a) < 0) return NAT_ERR;
    Value loop = is_undef(a[0]) || is_none(a[0]) ? aio_loop_of(T) : a[0];
    if (is_undef(loop)) return no_running_loop(T);
    LoopData *ld = aio_need_loop(T, loop);
    if (!ld) return NAT_ERR;
    *out = is_undef(ld->current) ? v_none() : ld->current;
    return NAT_OK;
}

NATIVE(aio_all_tasks)
{
    Value a[1];
    if (nat_parse(T, "all_tasks", args, nargs, kw, "|loop", a) < 0) return NAT_ERR;
    Value loop = is_undef(a[0]) || is_none(a[0]) ? aio_loop_of(T) : a[0];
    if (is_undef(loop)) return no_running_loop(T);
    LoopData *ld = aio_need_loop(T, loop);
    if (!ld) return NAT_ERR;
    Set *s = set_new(T->S, false);
    for (size_t i = 0; i < ld->tasks.n; i++)
        if (set_add(T, s, ld->tasks.v[i]) < 0) return NAT_ERR;
    *out = v_obj(s);
    return NAT_OK;
}

NATIVE(aio_iscoroutine)
{
    if (nat_count(T, "iscoroutine", nargs, kw, 1, 1) < 0) return NAT_ERR;
    *out = v_bool(is_kind(args[0], K_CORO));
    return NAT_OK;
}

NATIVE(aio_iscoroutinefunction)
{
    if (nat_count(T, "iscoroutinefunction", nargs, kw, 1, 1) < 0) return NAT_ERR;
    Value f = args[0];
    if (is_kind(f, K_METHOD)) f = AS_METHOD(f)->func;
    *out = v_bool(is_kind(f, K_FUNC) && (AS_FUNC(f)->code->flags & CO_COROUTINE));
    return NAT_OK;
}

NATIVE(aio_isfuture)
{
    if (nat_count(T, "isfuture", nargs, kw, 1, 1) < 0) return NAT_ERR;
    *out = v_bool(aio_fut_data(args[0]) != NULL);
    return NAT_OK;
}

/* _wait_reason(fut, what): what awaiting fut means, for the trace
 * ("queue", "lock", "event", "semaphore", "condition"). */
NATIVE(aio_wait_reason)
{
    if (nat_count(T, "_wait_reason", nargs, kw, 2, 2) < 0) return NAT_ERR;
    FutData *f = need_fut(T, args[0]);
    if (!f || !is_str(args[1])) return NAT_ERR;
    Str *w = AS_STR(args[1]);
    f->reason = str_eq_c(w, "queue") ? R_AWAIT_QUEUE
              : str_eq_c(w, "event") ? R_AWAIT_EVENT
              : str_eq_c(w, "timer") ? R_AWAIT_TIMER
              : str_eq_c(w, "lock") || str_eq_c(w, "semaphore") || str_eq_c(w, "condition") ? R_AWAIT_LOCK
              : R_AWAIT_FUTURE;
    *out = v_none();
    return NAT_OK;
}

/* _print_exception(message, exc): the default exception handler's log. */
NATIVE(aio_print_exception)
{
    if (nat_count(T, "_print_exception", nargs, kw, 2, 2) < 0) return NAT_ERR;
    if (!is_str(args[0])) return exc_raise(T, EXC_TypeError, "_print_exception() argument 1 must be str");
    Sim *S = T->S;
    SBuf b = STR_BUF; /* a traceback: its message may hold a huge value */
    sb_put(&b, AS_STR(args[0])->s, (size_t)AS_STR(args[0])->len);
    sb_putc(&b, '\n');
    if (obj_is_exc_instance(S, args[1])) exc_format_task(T, args[1], &b);
    sb_put(&S->err, b.s, b.n);
    sb_free(&b);
    *out = v_none();
    return NAT_OK;
}

static const ModEntry aio_entries[] = {
    {"sleep", ME_FN, aio_sleep, 0, NULL},
    {"gather", ME_FN, nat_gather, 0, NULL},
    {"get_running_loop", ME_FN, aio_get_running_loop, 0, NULL},
    {"_get_running_loop", ME_FN, aio_get_running_loop_opt, 0, NULL},
    {"get_event_loop", ME_FN, aio_get_event_loop, 0, NULL},
    {"new_event_loop", ME_FN, aio_new_event_loop, 0, NULL},
    {"set_event_loop", ME_FN, aio_set_event_loop, 0, NULL},
    {"current_task", ME_FN, aio_current_task_fn, 0, NULL},
    {"all_tasks", ME_FN, aio_all_tasks, 0, NULL},
    {"iscoroutine", ME_FN, aio_iscoroutine, 0, NULL},
    {"iscoroutinefunction", ME_FN, aio_iscoroutinefunction, 0, NULL},
    {"isfuture", ME_FN, aio_isfuture, 0, NULL},
    {"_wait_reason", ME_FN, aio_wait_reason, 0, NULL},
    {"_print_exception", ME_FN, aio_print_exception, 0, NULL},
    {NULL, 0, NULL, 0, NULL},
};

/* Everything the module has, for `from asyncio import X` checks at load
 * time: the classes made below and the Python part's names. */
static const char *const aio_names[] = {
    "Future", "Task", "Handle", "TimerHandle", "AbstractEventLoop", "BaseEventLoop", "CancelledError",
    "InvalidStateError", "TimeoutError", "QueueEmpty", "QueueFull", "run", "gather", "wait", "wait_for",
    "as_completed", "shield", "timeout", "timeout_at", "Timeout", "ensure_future", "create_task", "to_thread",
    "wrap_future", "run_coroutine_threadsafe", "Queue", "LifoQueue", "PriorityQueue", "Lock", "Event",
    "Semaphore", "BoundedSemaphore", "Condition", "FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED",
    "TaskGroup", "Barrier", "BrokenBarrierError", "Runner", NULL,
};

static Class *aio_class(Sim *S, Dict *d, const char *name, const char *module, Class *base, const PayloadOps *ops)
{
    Tuple *bases = NULL;
    if (base) {
        bases = tuple_new(S, 1);
        bases->v[0] = v_obj(base);
    }
    Class *c = attr_class_new(S, str_intern(S, name, strlen(name)), bases, NULL, NULL);
    c->payload = ops;
    c->module = str_from_c(S, module);
    dict_set_str(S, d, c->name, v_obj(c));
    return c;
}

static void aio_setup(Sim *S, Dict *d)
{
    aio_init(S);
    AS_NATIVE(dict_get_str(d, str_intern(S, "sleep", 5)))->meth_flags |= NF_SLEEP0;
    Class *c = aio_class(S, d, "_UnixSelectorEventLoop", "asyncio.unix_events", NULL, &aio_loop_ops);
    c->ctor = loop_ctor;
    static const MethodDef lm[] = {
        {"time", loop_time}, {"call_soon", loop_call_soon_m}, {"call_soon_threadsafe", loop_call_soon_threadsafe_m},
        {"call_later", loop_call_later_m}, {"call_at", loop_call_at_m}, {"create_future", loop_create_future_m},
        {"create_task", loop_create_task_m}, {"run_until_complete", loop_run_until_complete_m},
        {"run_forever", loop_run_forever_m}, {"stop", loop_stop_m}, {"is_running", loop_is_running_m},
        {"is_closed", loop_is_closed_m}, {"close", loop_close_m}, {"get_debug", loop_get_debug_m},
        {"set_debug", loop_set_debug_m}, {"__repr__", loop_repr_m},
    };
    nat_def_methods(S, c, lm, ARRAY_LEN(lm));
    aio_st(S)->loop = c;
    dict_set_str(S, d, str_intern(S, "AbstractEventLoop", 17), v_obj(c));
    dict_set_str(S, d, str_intern(S, "BaseEventLoop", 13), v_obj(c));

    static const MethodDef hm[] = {
        {"cancel", handle_cancel_m}, {"cancelled", handle_cancelled_m}, {"__repr__", handle_repr_m},
    };
    c = aio_class(S, d, "Handle", "asyncio.events", NULL, &aio_handle_ops);
    c->cflags |= CF_FINAL;
    nat_def_methods(S, c, hm, ARRAY_LEN(hm));
    aio_st(S)->handle = c;
    c = aio_class(S, d, "TimerHandle", "asyncio.events", aio_st(S)->handle, &aio_handle_ops);
    c->cflags |= CF_FINAL;
    nat_def_method(S, c, "when", handle_when_m);
    aio_st(S)->timer = c;

    static const MethodDef fm[] = {
        {"__init__", fut_init}, {"result", fut_result_m}, {"exception", fut_exception_m}, {"done", fut_done_m},
        {"cancelled", fut_cancelled_m}, {"cancel", fut_cancel_m}, {"set_result", fut_set_result_m},
        {"set_exception", fut_set_exception_m}, {"add_done_callback", fut_add_done_callback_m},
        {"remove_done_callback", fut_remove_done_callback_m}, {"get_loop", fut_get_loop_m},
        {"_make_cancelled_error", fut_make_cancelled_error_m}, {"__repr__", fut_repr_m},
    };
    c = aio_class(S, d, "Future", "_asyncio", NULL, &aio_fut_ops);
    c->ctor = fut_ctor;
    nat_def_methods(S, c, fm, ARRAY_LEN(fm));
    nat_def_property(S, c, "_cancel_message", fut_cancel_message_get, NULL);
    aio_st(S)->future = c;

    static const MethodDef tm[] = {
        {"get_name", task_get_name_m}, {"set_name", task_set_name_m}, {"get_coro", task_get_coro_m},
        {"cancelling", task_cancelling_m}, {"uncancel", task_uncancel_m}, {"__repr__", task_repr_m},
    };
    c = aio_class(S, d, "Task", "_asyncio", aio_st(S)->future, &aio_fut_ops);
    c->ctor = task_ctor;
    nat_def_methods(S, c, tm, ARRAY_LEN(tm));
    aio_st(S)->task = c;

    c = aio_class(S, d, "_GatheringFuture", "asyncio.tasks", aio_st(S)->future, &aio_fut_ops);
    c->ctor = gathering_ctor;
    nat_def_method(S, c, "__init__", gathering_init);
    nat_def_method(S, c, "cancel", gathering_cancel_m);
    nat_def_property(S, c, "_children", gathering_children_get, NULL);
    nat_def_property(S, c, "_cancel_requested", gathering_cancel_requested_get, NULL);
    aio_st(S)->gathering = c;
    aio_st(S)->module = d;

    dict_set_str(S, d, str_intern(S, "CancelledError", 14), v_obj(S->exc[EXC_CancelledError]));
    dict_set_str(S, d, str_intern(S, "InvalidStateError", 17), v_obj(S->exc[EXC_InvalidStateError]));
    dict_set_str(S, d, str_intern(S, "TimeoutError", 12), v_obj(S->exc[EXC_TimeoutError]));
    dict_set_str(S, d, str_intern(S, "QueueEmpty", 10), v_obj(S->exc[EXC_QueueEmptyAio]));
    dict_set_str(S, d, str_intern(S, "QueueFull", 9), v_obj(S->exc[EXC_QueueFullAio]));
}

/* After sim/py/asyncio.py ran: the methods of its BaseEventLoop class
 * join the C loop class, which takes that name. */
static void aio_after_py(Sim *S, Dict *d)
{
    Str *name = str_intern(S, "BaseEventLoop", 13);
    Class *py = AS_CLASS(dict_get_str(d, name));
    int64_t pos = 0;
    Value k, v;
    while (dict_next(py->dict, &pos, &k, &v))
        if (is_kind(v, K_FUNC)) dict_set_str(S, aio_st(S)->loop->dict, AS_STR(k), v);
    dict_set_str(S, d, name, v_obj(aio_st(S)->loop));
}

const ModDef mod_asyncio_def = {"asyncio", aio_entries, aio_names, aio_setup, "asyncio", aio_after_py, false, NULL};
