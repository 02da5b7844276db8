/* gen.c - generator expressions and the contexts of generators and
 * coroutines.  `yield` statements are not part of the simulated subset;
 * generator expressions are, and they must be lazy (an any() over a
 * generator stops early, with the side effects CPython has). */
#include "gen.h"
#include "gc.h"
#include "native.h"

#include <stdlib.h>

Gen *gen_new(Task *T, int kind, Func *fn, Value *args, int nargs, Tuple *kwnames)
{
    Sim *S = T->S;
    /* a coroutine's first frame and its values (the result slot, the
     * locals, the operand stack) fit in the same allocation: a task
     * step then touches one block instead of three */
    size_t nvals = 0;
    if (fn) {
        nvals = 1 + (size_t)fn->code->nlocalsplus + (size_t)fn->code->maxstack;
        if (nvals < GEN_MIN_VALUES) nvals = GEN_MIN_VALUES;
    }
    size_t size = fn ? sizeof(Gen) + sizeof(Frame) + sizeof(Chunk) + nvals * sizeof(Value) : GEN_NATIVE_SIZE;
    Gen *g = gc_alloc(S, kind, size);
    g->state = GEN_CREATED;
    if (kind == K_CORO) S->coros_unstarted++;
    if (!fn) {
        g->native = -1; /* the caller says which */
        g->nres = g->nfut = g->nth = v_undef();
        return g;
    }
    vm_ctx_init(&g->ctx);
    g->ctx.gen = g;
    g->ctx.frame0 = g->ctx.frames = (Frame *)(g + 1);
    g->ctx.fcap = 1;
    Chunk *k = (Chunk *)(g->ctx.frame0 + 1);
    k->prev = NULL;
    k->end = k->v + nvals;
    g->ctx.chunk0 = g->ctx.spare = k;
    g->name = fn->name;
    g->qualname = fn->qualname;
    g->code = fn->code;
    Ctx *saved = T->cur;
    g->ctx.base_depth = saved->base_depth + saved->nframes;
    T->cur = &g->ctx;
    int r = vm_push_func(T, fn, args, nargs, kwnames);
    T->cur = saved;
    if (r < 0) {
        g->state = GEN_DONE;
        vm_ctx_free(&g->ctx);
        return NULL;
    }
    return g;
}

/* ---- coroutine objects ---- */

/* Where the running code is: for the never-awaited warning. */
void gen_note_site(Task *T, Gen *g)
{
    Ctx *c = T->cur;
    if (!c->nframes) return;
    Frame *f = &c->frames[c->nframes - 1];
    uint32_t pc = f->pc ? f->pc - 1 : 0;
    if (g->site == f->code && g->site_pc == pc) return; /* a recycled sleep() made here before */
    g->site = f->code;
    g->site_pc = pc;
    g->site_line = f->code->lines[pc];
}

int gen_coro_create(Task *T, Func *fn, Value *args, int nargs, Tuple *kwnames, Value *out)
{
    Gen *g = gen_new(T, K_CORO, fn, args, nargs, kwnames);
    if (!g) return -1;
    gen_note_site(T, g);
    *out = v_obj(g);
    return 0;
}

static void warn_unawaited(Sim *S, Gen *g)
{
    if (g->state != GEN_CREATED || !g->qualname) return;
    gen_coro_started(S, g);
    g->state = GEN_DONE; /* warn once */
    const char *file = g->site && g->site->src ? g->site->src->name : "?";
    sb_printf(&S->err, "%s:%d: RuntimeWarning: coroutine '%s' was never awaited\n", file, g->site_line, g->qualname->s);
    int len;
    const char *line = g->site ? code_source_line(g->site->src, g->site_line, &len) : (len = 0, "");
    if (len) sb_printf(&S->err, "  %.*s\n", len, line);
    sb_puts(&S->err, "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n");
}

void gen_warn_unawaited(Sim *S)
{
    if (S->coros_unstarted <= 0) return;
    /* the heap is in creation order: so are the warnings */
    for (size_t i = 0; i < S->objects.n; i++) {
        Obj *o = S->objects.v[i];
        if (o->kind == K_CORO && ((Gen *)o)->state == GEN_CREATED) warn_unawaited(S, (Gen *)o);
    }
}

/* ---- generators ---- */

int gen_create(Task *T, Func *fn, Value *args, int nargs, Tuple *kwnames, Value *out)
{
    if (fn->code->flags & CO_COROUTINE) return gen_coro_create(T, fn, args, nargs, kwnames, out);
    Gen *g = gen_new(T, (fn->code->flags & CO_ASYNC_GENERATOR) ? K_AGEN : K_GEN, fn, args, nargs, kwnames);
    if (!g) return -1;
    *out = v_obj(g);
    return 0;
}

Ctx *gen_enter(Task *T, Gen *g, Ctx *parent, int mode, Value sent)
{
    gen_coro_started(T->S, g);
    if (g->state == GEN_SUSPENDED) {
        /* the value of the yield expression */
        Frame *gf = &g->ctx.frames[g->ctx.nframes - 1];
        *gf->sp++ = sent;
    }
    g->state = GEN_RUNNING;
    g->mode = mode;
    g->parent = parent;
    g->ctx.base_depth = parent->base_depth + parent->nframes;
    T->cur = &g->ctx;
    return T->cur;
}

Ctx *gen_leave(Task *T, Ctx *c, int state)
{
    Gen *g = c->gen;
    Ctx *p = g->parent;
    g->state = state;
    g->parent = NULL;
    if (state == GEN_DONE) vm_ctx_free(&g->ctx);
    T->cur = p;
    return p;
}

int gen_check_send(Task *T, Gen *g, Value sent)
{
    if (g->state == GEN_RUNNING) return exc_raise(T, EXC_ValueError, "generator already executing");
    if (g->state == GEN_CREATED && !is_none(sent) && !is_undef(sent))
        return exc_raise(T, EXC_TypeError, "can't send non-None value to a just-started generator");
    return 0;
}

Value gen_stop_iteration(Task *T, Value value)
{
    Sim *S = T->S;
    return exc_new(T, S->exc[EXC_StopIteration], &value, is_none(value) ? 0 : 1);
}

int gen_throw_exc(Task *T, Value *args, int nargs, Value *out)
{
    Sim *S = T->S;
    if (nargs < 1 || nargs > 3) return exc_raise(T, EXC_TypeError, "throw expected at least 1 argument, got %d", nargs);
    Value typ = args[0], val = nargs > 1 ? args[1] : v_none();
    if (obj_is_exc_instance(S, typ)) {
        if (!is_none(val)) return exc_raise(T, EXC_TypeError, "instance exception may not have a separate value");
        *out = typ;
        return 0;
    }
    if (is_class(typ) && (AS_CLASS(typ)->cflags & CF_EXCEPTION)) {
        if (obj_is_exc_instance(S, val) && obj_is_instance_of(S, val, AS_CLASS(typ))) {
            *out = val;
            return 0;
        }
        Value e;
        if (is_none(val)) e = exc_new(T, AS_CLASS(typ), NULL, 0);
        else if (is_tuple(val)) e = exc_new(T, AS_CLASS(typ), AS_TUPLE(val)->v, (int)AS_TUPLE(val)->n);
        else e = exc_new(T, AS_CLASS(typ), &val, 1);
        if (is_undef(e)) return -1;
        *out = e;
        return 0;
    }
    return exc_raise(T, EXC_TypeError, "exceptions must be classes or instances deriving from BaseException, not %s",
                     obj_type_name(S, typ));
}

int gen_resume(Task *T, Gen *g, Value sent, Value thrown, Value *out)
{
    Sim *S = T->S;
    if (g->state == GEN_DONE) {
        if (!is_undef(thrown)) return exc_raise_value(T, thrown);
        *out = v_none();
        return 0;
    }
    if (gen_check_send(T, g, sent) < 0) return -1;
    /* each nested run is a C-level recursion: bound it like Python frames */
    if (T->nested >= MAX_NESTED_RUNS) return vm_recursion_error(T);
    if (g->state == GEN_SUSPENDED) {
        /* the value of the yield expression */
        Frame *f = &g->ctx.frames[g->ctx.nframes - 1];
        *f->sp++ = is_undef(sent) ? v_none() : sent;
    }
    g->state = GEN_RUNNING;
    g->mode = GM_NESTED;
    Ctx *saved = T->cur;
    g->ctx.base_depth = saved->base_depth + saved->nframes;
    T->cur = &g->ctx;
    T->nested++;
    S->gc_inhibit++;
    Value saved_exc = T->resume_exc;
    if (!is_undef(thrown)) {
        /* raised at the yield it is suspended at (vm_run's resume) */
        T->resume_pending = true;
        T->resume_val = v_none();
        T->resume_exc = thrown;
    }
    RunStatus st = vm_run(T);
    if (!is_undef(thrown)) T->resume_exc = saved_exc;
    S->gc_inhibit--;
    T->nested--;
    T->cur = saved;
    switch (st) {
    case RUN_YIELD:
        g->state = GEN_SUSPENDED;
        *out = T->resume_val;
        return 1;
    case RUN_DONE:
        g->state = GEN_DONE;
        vm_ctx_free(&g->ctx);
        *out = T->resume_val;
        return 0;
    case RUN_ERROR:
        g->state = GEN_DONE;
        vm_ctx_free(&g->ctx);
        if (exc_matches(S, T->exc, EXC_StopIteration)) {
            T->exc = v_undef();
            return exc_raise(T, EXC_RuntimeError, "generator raised StopIteration");
        }
        return -1;
    case RUN_FATAL:
        g->state = GEN_DONE;
        vm_ctx_free(&g->ctx);
        return exc_raise(T, EXC_RuntimeError, "%s", S->fatal.msg);
    default:
        g->state = GEN_DONE;
        vm_ctx_free(&g->ctx);
        T->resume_pending = false;
        return exc_raise(T, EXC_RuntimeError,
                         "a generator driven by a builtin (next() with a default, zip(), a key function...) "
                         "cannot block in the simulator; drive it with a for loop or next(g)");
    }
}

int gen_next(Task *T, Gen *g, Value *out)
{
    int r = gen_resume(T, g, v_none(), v_undef(), out);
    return r == 0 ? 0 : r;
}

void gen_trace(Sim *S, Obj *o)
{
    Gen *g = (Gen *)o;
    gc_mark_obj(S, (Obj *)g->name);
    gc_mark_obj(S, (Obj *)g->qualname);
    if (g->native) {
        gc_mark_value(S, g->nres);
        gc_mark_value(S, g->nfut);
        gc_mark_value(S, g->nth);
        return;
    }
    gc_mark_obj(S, (Obj *)g->collect);
    if (o->kind == K_AGEN) gc_mark_value(S, g->dflt);
    vm_ctx_mark(S, &g->ctx);
}

void gen_mark_chain(Sim *S, Ctx *leaf)
{
    for (Ctx *c = leaf; c && c->gen; c = c->gen->parent) gc_mark_obj(S, (Obj *)c->gen);
}

void gen_free(Sim *S, Obj *o)
{
    Gen *g = (Gen *)o;
    if (o->kind == K_CORO) warn_unawaited(S, g);
    if (!g->native) vm_ctx_free(&g->ctx);
}

/* ---- async generators ---- */

Value gen_asend_new(Task *T, Value agen, int aop, Value v, Value dflt)
{
    Gen *a = gen_new(T, K_CORO, NULL, NULL, 0, NULL);
    a->native = CORO_ASEND;
    a->nstate = aop;
    a->nres = agen;
    a->nfut = v;
    a->nth = dflt;
    return v_obj(a);
}

static const char *const aop_name[] = {"anext", "athrow", "aclose"};

Ctx *gen_asend_await(Task *T, Ctx *c, Gen *a)
{
    Sim *S = T->S;
    Frame *f = &c->frames[c->nframes - 1];
    gen_coro_started(S, a);
    if (a->state == GEN_DONE) {
        exc_raise(T, EXC_RuntimeError, "cannot reuse already awaited %s()", aop_name[a->nstate]);
        return NULL;
    }
    a->state = GEN_DONE;
    Gen *g = (Gen *)a->nres.u.o;
    int aop = a->nstate;
    if (g->state == GEN_RUNNING) {
        exc_raise(T, EXC_RuntimeError, "%s(): asynchronous generator is already running", aop_name[aop]);
        return NULL;
    }
    if (g->state == GEN_DONE || (aop == AGEN_CLOSE && g->state == GEN_CREATED)) {
        /* nothing to run: aclose() is done, anext() ends (or gives its
         * default), athrow() raises StopAsyncIteration as CPython's does */
        if (g->state != GEN_DONE) vm_ctx_free(&g->ctx);
        g->state = GEN_DONE;
        if (aop == AGEN_CLOSE) f->sp[-1] = v_none();
        else if (aop == AGEN_SEND && !is_undef(a->nth)) f->sp[-1] = a->nth;
        else {
            exc_raise_value(T, exc_new(T, S->exc[EXC_StopAsyncIteration], NULL, 0));
            return NULL;
        }
        return c;
    }
    if (aop == AGEN_SEND && g->state == GEN_CREATED && !is_none(a->nfut)) {
        exc_raise(T, EXC_TypeError, "can't send non-None value to a just-started async generator");
        return NULL;
    }
    g->aop = aop;
    g->dflt = a->nth;
    Value thrown = aop == AGEN_SEND ? v_undef() : aop == AGEN_CLOSE ? exc_new(T, S->exc[EXC_GeneratorExit], NULL, 0) : a->nfut;
    Ctx *gc = gen_enter(T, g, c, GM_AWAIT, aop == AGEN_SEND ? a->nfut : v_none());
    /* raised at the yield it is suspended at, as the VM resumes it */
    T->resume_exc = thrown;
    return gc;
}

Ctx *gen_agen_yield(Task *T, Ctx *c, Value value)
{
    int aop = c->gen->aop;
    Ctx *p = gen_leave(T, c, GEN_SUSPENDED);
    if (aop == AGEN_CLOSE) exc_raise(T, EXC_RuntimeError, "async generator ignored GeneratorExit");
    else p->frames[p->nframes - 1].sp[-1] = value;
    return p;
}

Ctx *gen_agen_return(Task *T, Ctx *c)
{
    int aop = c->gen->aop;
    Value dflt = c->gen->dflt;
    Ctx *p = gen_leave(T, c, GEN_DONE);
    Frame *pf = &p->frames[p->nframes - 1];
    if (aop == AGEN_CLOSE) pf->sp[-1] = v_none();
    else if (aop == AGEN_SEND && !is_undef(dflt)) pf->sp[-1] = dflt;
    else T->exc = exc_new(T, T->S->exc[EXC_StopAsyncIteration], NULL, 0);
    return p;
}

Ctx *gen_agen_raise(Task *T, Ctx *c)
{
    Sim *S = T->S;
    int aop = c->gen->aop;
    Ctx *p = gen_leave(T, c, GEN_DONE);
    if (aop == AGEN_CLOSE && (exc_matches(S, T->exc, EXC_GeneratorExit) || exc_matches(S, T->exc, EXC_StopAsyncIteration))) {
        T->exc = v_undef();
        p->frames[p->nframes - 1].sp[-1] = v_none();
    } else if (exc_matches(S, T->exc, EXC_StopAsyncIteration) || exc_matches(S, T->exc, EXC_StopIteration)) {
        bool async_stop = exc_matches(S, T->exc, EXC_StopAsyncIteration);
        T->exc = v_undef();
        exc_raise(T, EXC_RuntimeError, "async generator raised %s", async_stop ? "StopAsyncIteration" : "StopIteration");
    }
    return p;
}

static Gen *agen_of(Task *T, Value v, const char *what)
{
    if (is_kind(v, K_AGEN)) return (Gen *)v.u.o;
    exc_raise(T, EXC_TypeError, "descriptor '%s' for 'async_generator' objects doesn't apply to a '%s' object", what,
              obj_type_name(T->S, v));
    return NULL;
}

NATIVE(agen_anext)
{
    if (!agen_of(T, args[0], "__anext__")) return NAT_ERR;
    *out = gen_asend_new(T, args[0], AGEN_SEND, v_none(), v_undef());
    return NAT_OK;
}

NATIVE(agen_asend)
{
    if (nargs != 2 || kw) return exc_raise(T, EXC_TypeError, "asend() takes exactly one argument (%d given)", nargs - 1);
    if (!agen_of(T, args[0], "asend")) return NAT_ERR;
    *out = gen_asend_new(T, args[0], AGEN_SEND, args[1], v_undef());
    return NAT_OK;
}

NATIVE(agen_athrow)
{
    if (!agen_of(T, args[0], "athrow")) return NAT_ERR;
    Value thrown;
    if (gen_throw_exc(T, args + 1, nargs - 1, &thrown) < 0) return NAT_ERR;
    *out = gen_asend_new(T, args[0], AGEN_THROW, thrown, v_undef());
    return NAT_OK;
}

NATIVE(agen_aclose)
{
    if (!agen_of(T, args[0], "aclose")) return NAT_ERR;
    *out = gen_asend_new(T, args[0], AGEN_CLOSE, v_none(), v_undef());
    return NAT_OK;
}

/* ---- the await opcodes ---- */

static int not_awaitable(Task *T, Value v)
{
    return exc_raise(T, EXC_TypeError, "object %s can't be used in 'await' expression", obj_type_name(T->S, v));
}

/* The chain of awaits from context c up to its root: the root's context
 * (a coroutine not awaited by another: GM_CALL, GM_TASK, or none). */
static Ctx *chain_root(Ctx *c)
{
    while (c->gen && c->gen->mode == GM_AWAIT) c = c->gen->parent;
    return c;
}

int gen_await_sleep0(Task *T, Ctx *c, Value *slot, int64_t charge)
{
    Gen *rg = chain_root(c)->gen;
    if (!rg || rg->mode != GM_TASK || !T->driver || !T->driver->sleep0) return -1;
    return T->driver->sleep0(T, c, slot, charge);
}

/* Leaf context leaf cannot finish its await of (or its __await__
 * generator's yield of) v: to the root's driver. */
static int trap(Task *T, Ctx *leaf, Value v, int kind)
{
    Ctx *root = chain_root(leaf);
    Gen *rg = root->gen;
    if (rg && rg->mode == GM_CALL && rg->h.kind == K_CORO) {
        /* coro.send() in bytecode drives it: the chain suspends and v is
         * send()'s value (the caller's frame is at base: push it) */
        for (Ctx *x = leaf; x != root; x = x->gen->parent) x->gen->state = GEN_SUSPENDED;
        rg->state = GEN_SUSPENDED;
        rg->leaf = leaf;
        rg->trap = kind;
        Ctx *p = rg->parent;
        rg->parent = NULL;
        T->cur = p;
        Frame *pf = &p->frames[p->nframes - 1];
        *pf->sp++ = v;
        return AIO_RELOAD;
    }
    if (rg && rg->mode == GM_TASK && T->driver) return T->driver->trap(T, leaf, v, kind);
    if (kind == TRAP_YIELD) exc_raise(T, EXC_RuntimeError, "an __await__ generator yielded outside of a coroutine driver");
    else exc_raise(T, EXC_RuntimeError, "await outside of a running asyncio task is not supported by the simulator");
    return AIO_ERROR;
}

Ctx *gen_await_exit(Task *T, Ctx *c, Value r)
{
    Ctx *p = gen_leave(T, c, GEN_DONE);
    if (!is_undef(r)) p->frames[p->nframes - 1].sp[-1] = r;
    return p;
}

int gen_await_op(Task *T, int op)
{
    Sim *S = T->S;
    Ctx *c = T->cur;
    Frame *f = &c->frames[c->nframes - 1];
    Value a = f->sp[-1];
    switch (op) {
    case OP_GET_AWAITABLE: {
        if (is_kind(a, K_CORO)) {
            Gen *g = (Gen *)a.u.o;
            if (g->native) return AIO_CONTINUE;
            if (g->state == GEN_DONE) return exc_raise(T, EXC_RuntimeError, "cannot reuse already awaited coroutine"), AIO_ERROR;
            if (g->state != GEN_CREATED) return exc_raise(T, EXC_RuntimeError, "coroutine is being awaited already"), AIO_ERROR;
            return AIO_CONTINUE;
        }
        if (!is_instance(a)) return not_awaitable(T, a), AIO_ERROR;
        Value m = obj_type_dunder(S, a, SYM_await_), it;
        if (is_undef(m)) return AIO_CONTINUE; /* a driver's own awaitable (an asyncio future), or its error */
        if (vm_call(T, m, &a, 1, NULL, &it) < 0) return AIO_ERROR;
        f = &c->frames[c->nframes - 1]; /* the call may have moved the frames */
        if (is_kind(it, K_CORO)) return exc_raise(T, EXC_TypeError, "__await__() returned a coroutine"), AIO_ERROR;
        if (!is_kind(it, K_GEN))
            return exc_raise(T, EXC_TypeError, "__await__() returned non-iterator of type '%s'", obj_type_name(S, it)),
                   AIO_ERROR;
        f->sp[-1] = it;
        return AIO_CONTINUE;
    }
    case OP_AWAIT: {
        if (is_kind(a, K_CORO) && !((Gen *)a.u.o)->native) {
            gen_enter(T, (Gen *)a.u.o, c, GM_AWAIT, v_none());
            return AIO_RELOAD;
        }
        if (is_kind(a, K_CORO) && ((Gen *)a.u.o)->native == CORO_ASEND) {
            /* an async generator's __anext__() and the like */
            Ctx *n = gen_asend_await(T, c, (Gen *)a.u.o);
            return !n ? AIO_ERROR : n == c ? AIO_CONTINUE : AIO_RELOAD;
        }
        if (is_kind(a, K_GEN)) {
            /* an __await__ generator: a coroutine in all but name */
            Gen *g = (Gen *)a.u.o;
            if (gen_check_send(T, g, v_none()) < 0) return AIO_ERROR;
            if (g->state == GEN_DONE) {
                f->sp[-1] = v_none();
                return AIO_CONTINUE;
            }
            gen_enter(T, g, c, GM_AWAIT, v_none());
            return AIO_RELOAD;
        }
        return trap(T, c, a, TRAP_AWAIT);
    }
    case OP_GET_AITER: {
        if (is_kind(a, K_AGEN)) return AIO_CONTINUE; /* its own iterator */
        Value m = obj_type_dunder(S, a, SYM_aiter), r;
        if (is_undef(m)) {
            exc_raise(T, EXC_TypeError, "'async for' requires an object with __aiter__ method, got %s", obj_type_name(S, a));
            return AIO_ERROR;
        }
        if (vm_call(T, m, &a, 1, NULL, &r) < 0) return AIO_ERROR;
        f = &c->frames[c->nframes - 1]; /* the call may have moved the frames */
        if (!is_kind(r, K_AGEN) && is_undef(obj_type_dunder(S, r, SYM_anext))) {
            exc_raise(T, EXC_TypeError, "'async for' received an object from __aiter__ that does not implement __anext__: %s",
                      obj_type_name(S, r));
            return AIO_ERROR;
        }
        f->sp[-1] = r;
        return AIO_CONTINUE;
    }
    case OP_GET_ANEXT: {
        if (is_kind(a, K_AGEN)) {
            *f->sp++ = gen_asend_new(T, a, AGEN_SEND, v_none(), v_undef());
            return AIO_CONTINUE;
        }
        Value m = obj_type_dunder(S, a, SYM_anext), r;
        if (vm_call(T, m, &a, 1, NULL, &r) < 0) return AIO_ERROR;
        f = &c->frames[c->nframes - 1]; /* the call may have moved the frames */
        if (!is_kind(r, K_CORO) && !is_instance(r)) {
            exc_raise(T, EXC_TypeError, "'async for' received an invalid object from __anext__: %s", obj_type_name(S, r));
            return AIO_ERROR;
        }
        *f->sp++ = r;
        return AIO_CONTINUE;
    }
    default: { /* OP_END_ASYNC_FOR: the handler around __anext__: iterator, exception */
        f->sp -= 2;
        if (exc_matches(S, a, EXC_StopAsyncIteration)) return AIO_CONTINUE;
        T->exc = a;
        return AIO_RERAISE;
    }
    }
}

/* ---- coroutines driven by send() ---- */

int gen_trap_yield(Task *T, Ctx *c, Value v)
{
    return trap(T, c, v, TRAP_YIELD);
}

Ctx *gen_drive(Task *T, Gen *g, Ctx *caller, Value sent, Value thrown)
{
    if (g->state == GEN_CREATED || g->h.kind != K_CORO) {
        Ctx *n = gen_enter(T, g, caller, GM_CALL, sent);
        T->resume_exc = thrown;
        return n;
    }
    /* a chain that trapped: its leaf resumes, with sent as the value of
     * the trapped await (or yield), or thrown raised there */
    Ctx *leaf = g->leaf;
    g->leaf = NULL;
    for (Ctx *x = leaf; x != &g->ctx; x = x->gen->parent) x->gen->state = GEN_RUNNING;
    g->state = GEN_RUNNING;
    g->mode = GM_CALL;
    g->parent = caller;
    g->ctx.base_depth = caller->base_depth + caller->nframes;
    T->cur = leaf;
    Frame *lf = &leaf->frames[leaf->nframes - 1];
    if (is_undef(thrown)) {
        if (g->trap == TRAP_AWAIT) lf->sp[-1] = sent;
        else *lf->sp++ = sent;
    } else if (g->trap == TRAP_YIELD) {
        *lf->sp++ = v_none();
    }
    T->resume_exc = thrown;
    return leaf;
}

/* ---- attributes of generator and coroutine objects ---- */

static Gen *gen_of(Task *T, Value v)
{
    if (is_kind(v, K_GEN) || is_kind(v, K_CORO) || is_kind(v, K_AGEN)) return (Gen *)v.u.o;
    exc_raise(T, EXC_TypeError, "expected a generator or coroutine, not %s", obj_type_name(T->S, v));
    return NULL;
}

NATIVE(gen_name_get)
{
    Gen *g = gen_of(T, args[0]);
    if (!g) return NAT_ERR;
    *out = g->name ? v_obj(g->name) : v_none();
    return NAT_OK;
}

NATIVE(gen_qualname_get)
{
    Gen *g = gen_of(T, args[0]);
    if (!g) return NAT_ERR;
    *out = g->qualname ? v_obj(g->qualname) : v_none();
    return NAT_OK;
}

NATIVE(gen_running_get)
{
    Gen *g = gen_of(T, args[0]);
    if (!g) return NAT_ERR;
    *out = v_bool(g->state == GEN_RUNNING && (g->native || g->parent == NULL || T->cur == &g->ctx));
    return NAT_OK;
}

/* close(): a generator or coroutine that has not started, or has ended,
 * just ends; one suspended midway is not supported (its finally blocks
 * would have to run). */
/* g.send(v), g.throw(...), g.__next__() called from C or a nested run
 * (from bytecode the VM runs the generator on the task instead: the
 * natives carry NF_RESUMES).  A return ends them with StopIteration. */
static int resume_native(Task *T, Gen *g, Value sent, Value thrown, Value *out)
{
    int r = gen_resume(T, g, sent, thrown, out);
    if (r < 0) return NAT_ERR;
    if (r == 0) return exc_raise_value(T, gen_stop_iteration(T, *out));
    return NAT_OK;
}

static Gen *python_gen_of(Task *T, Value v, const char *what)
{
    if (is_kind(v, K_GEN)) return (Gen *)v.u.o;
    exc_raise(T, EXC_TypeError, "descriptor '%s' for 'generator' objects doesn't apply to a '%s' object", what,
              obj_type_name(T->S, v));
    return NULL;
}

NATIVE(gen_next_m)
{
    Gen *g = nargs == 1 ? python_gen_of(T, args[0], "__next__") : NULL;
    if (!g) return nargs == 1 ? NAT_ERR : exc_raise(T, EXC_TypeError, "expected 0 arguments, got %d", nargs - 1);
    return resume_native(T, g, v_none(), v_undef(), out);
}

NATIVE(gen_send_m)
{
    if (nargs != 2 || kw) return exc_raise(T, EXC_TypeError, "generator.send() takes exactly one argument (%d given)", nargs - 1);
    Gen *g = python_gen_of(T, args[0], "send");
    if (!g) return NAT_ERR;
    return resume_native(T, g, args[1], v_undef(), out);
}

NATIVE(gen_throw_m)
{
    Gen *g = nargs >= 1 ? python_gen_of(T, args[0], "throw") : NULL;
    if (!g) return nargs >= 1 ? NAT_ERR : exc_raise(T, EXC_TypeError, "throw expected at least 1 argument, got 0");
    Value thrown;
    if (gen_throw_exc(T, args + 1, nargs - 1, &thrown) < 0) return NAT_ERR;
    return resume_native(T, g, v_none(), thrown, out);
}

/* coro.send()/throw() reach here only from C code or a nested run (from
 * bytecode the VM drives the coroutine on the task: NF_RESUMES). */
NATIVE(coro_send_m)
{
    (void)args;
    return exc_raise(T, EXC_RuntimeError, "coroutine.send() and throw() from a callback run by C code are not supported by the simulator");
}

NATIVE(gen_iter_m)
{
    *out = args[0];
    return NAT_OK;
}

int gen_close(Task *T, Gen *g)
{
    bool coro = g->h.kind == K_CORO;
    if (g->state == GEN_RUNNING && !g->native)
        return exc_raise(T, EXC_ValueError, "%s already executing", coro ? "coroutine" : "generator");
    if (g->state == GEN_SUSPENDED && !g->native) {
        if (coro)
            return exc_raise(T, EXC_RuntimeError, "closing a suspended coroutine is not supported by the simulator");
        /* GeneratorExit at the yield: its finally blocks and with exits run */
        Value ge = exc_new(T, T->S->exc[EXC_GeneratorExit], NULL, 0), r;
        int rc = gen_resume(T, g, v_none(), ge, &r);
        if (rc > 0) return exc_raise(T, EXC_RuntimeError, "generator ignored GeneratorExit");
        if (rc < 0) {
            if (!exc_matches(T->S, T->exc, EXC_GeneratorExit) && !exc_matches(T->S, T->exc, EXC_StopIteration))
                return -1;
            T->exc = v_undef();
        }
        return 0;
    }
    gen_coro_started(T->S, g);
    if (g->state != GEN_DONE && !g->native) vm_ctx_free(&g->ctx);
    g->state = GEN_DONE;
    return 0;
}

NATIVE(gen_close_m)
{
    Gen *g = gen_of(T, args[0]);
    if (!g || gen_close(T, g) < 0) return NAT_ERR;
    *out = v_none();
    return NAT_OK;
}

void gen_register(Sim *S)
{
    Class *cls[] = {S->types[TY_GENERATOR], S->types[TY_COROUTINE], S->types[TY_ASYNC_GENERATOR]};
    static const char *const running[] = {"gi_running", "cr_running", "ag_running"};
    for (size_t i = 0; i < ARRAY_LEN(cls); i++) {
        nat_def_property(S, cls[i], "__name__", gen_name_get, NULL);
        nat_def_property(S, cls[i], "__qualname__", gen_qualname_get, NULL);
        nat_def_property(S, cls[i], running[i], gen_running_get, NULL);
        if (i < 2) nat_def_method(S, cls[i], "close", gen_close_m);
    }
    static const MethodDef am[] = {
        {"__aiter__", gen_iter_m}, {"__anext__", agen_anext}, {"asend", agen_asend},
        {"athrow", agen_athrow}, {"aclose", agen_aclose},
    };
    nat_def_methods(S, S->types[TY_ASYNC_GENERATOR], am, ARRAY_LEN(am));
    Class *gc = S->types[TY_GENERATOR];
    static const struct { const char *name; NativeFn fn; int resume; } m[] = {
        {"__next__", gen_next_m, RESUME_NEXT}, {"send", gen_send_m, RESUME_SEND}, {"throw", gen_throw_m, RESUME_THROW},
    };
    for (size_t i = 0; i < ARRAY_LEN(m); i++) {
        Native *n = nat_def_method(S, gc, m[i].name, m[i].fn);
        n->meth_flags |= NF_RESUMES;
        n->data = m[i].resume;
    }
    nat_def_method(S, gc, "__iter__", gen_iter_m);
    static const struct { const char *name; int resume; } cm[] = {{"send", RESUME_SEND}, {"throw", RESUME_THROW}};
    for (size_t i = 0; i < ARRAY_LEN(cm); i++) {
        Native *n = nat_def_method(S, S->types[TY_COROUTINE], cm[i].name, coro_send_m);
        n->meth_flags |= NF_RESUMES;
        n->data = cm[i].resume;
    }
}
