/* green.c - greenlets (green.h).  Why the core: a switch leaves a stack
 * midway, frames and all, which only the VM can do; everything greenlet
 * does beyond that (the class, its start arguments, GreenletExit) is
 * Python in sim/py/greenlet.py.
 *
 * A greenlet's context starts with one frame, the module's bootstrap
 * function called with the greenlet object; it runs the first time the
 * greenlet is switched to.  Switching never nests a C call: the VM saves
 * where the running greenlet is (its leaf context: its own, or a
 * generator's it drives) and continues in the target's, so greenlets cost
 * no C stack and the scheduler sees one thread throughout, as CPython's
 * does.  The timeline rows of gevent's greenlets are gevent.py's business
 * (_interleave), as asyncio's tasks are aio.c's. */
#include "green.h"
#include "gc.h"
#include "native.h"
#include "str.h"
#include "tuple.h"

/* The thread's current greenlet: its main one until a switch. */
static Green *current(Task *T)
{
    if (!T->green) {
        Green *m = gc_alloc(T->S, K_GREEN, sizeof(Green));
        m->g.state = GEN_RUNNING;
        m->owner = v_none();
        m->thread = T;
        m->main = true;
        T->green = m;
    }
    return T->green;
}

/* Switch T into greenlet to: a started one resumes at its leaf with v
 * (or thrown raised there), a new one starts its bootstrap frame. */
static Ctx *enter(Task *T, Green *to, Value v, Value thrown)
{
    Ctx *c;
    if (to->g.state == GEN_CREATED) {
        c = &to->g.ctx;
    } else {
        c = to->g.leaf;
        to->g.leaf = NULL;
        Frame *f = &c->frames[c->nframes - 1];
        *f->sp++ = is_undef(v) ? v_none() : v;
    }
    to->g.state = GEN_RUNNING;
    T->green = to;
    T->cur = c;
    T->resume_exc = thrown; /* the VM raises it where c resumes */
    return c;
}

/* A dead greenlet's switches go to its parent, or the first one alive
 * above it (a main greenlet is alive while its thread runs) */
static Green *alive(Green *g)
{
    while (g->g.state == GEN_DONE && g->parent) g = g->parent;
    return g;
}

Ctx *green_switch(Task *T, Ctx *caller, Green *to, Value v, Value thrown, Value errcls)
{
    Green *from = current(T);
    to = alive(to);
    if (to->thread != T) {
        Value msg = str_value(T->S, "cannot switch to a different thread");
        Value e = is_class(errcls) ? exc_new(T, AS_CLASS(errcls), &msg, 1) : v_undef();
        if (is_undef(e)) exc_raise(T, EXC_RuntimeError, "cannot switch to a different thread");
        else exc_raise_value(T, e);
        return NULL;
    }
    from->g.leaf = caller;
    from->g.state = GEN_SUSPENDED;
    return enter(T, to, v, thrown);
}

Ctx *green_exit(Task *T, Ctx *c, Value r)
{
    Green *g = (Green *)c->gen;
    g->g.state = GEN_DONE;
    vm_ctx_free(&g->g.ctx);
    return enter(T, alive(g->parent), r, v_undef());
}

/* ---- the natives ---- */

static Green *green_arg(Task *T, Value v)
{
    if (is_kind(v, K_GREEN)) return (Green *)v.u.o;
    exc_raise(T, EXC_TypeError, "expected a greenlet, not %s", obj_type_name(T->S, v));
    return NULL;
}

/* _new(owner, bootstrap, parent) -> a greenlet that will run bootstrap(owner) */
int green_new_n(Task *T, Value *args, int nargs, Tuple *kw, Value *out)
{
    if (nat_count(T, "_new", nargs, kw, 3, 3) < 0) return NAT_ERR;
    Green *parent = green_arg(T, args[2]);
    if (!parent) return NAT_ERR;
    if (!is_kind(args[1], K_FUNC)) return exc_raise(T, EXC_TypeError, "the bootstrap must be a Python function");
    Green *g = gc_alloc(T->S, K_GREEN, sizeof(Green));
    g->owner = args[0];
    g->parent = parent;
    g->thread = T;
    g->g.state = GEN_CREATED;
    Func *fn = AS_FUNC(args[1]);
    g->g.name = fn->name;
    g->g.qualname = fn->qualname;
    g->g.code = fn->code;
    vm_ctx_init(&g->g.ctx);
    g->g.ctx.gen = &g->g;
    /* a stack of its own: depth counts from zero, as in CPython, where
     * each greenlet keeps its own recursion depth */
    Ctx *saved = T->cur;
    T->cur = &g->g.ctx;
    int r = vm_push_func(T, fn, args, 1, NULL);
    T->cur = saved;
    if (r < 0) {
        g->g.state = GEN_DONE;
        vm_ctx_free(&g->g.ctx);
        return NAT_ERR;
    }
    *out = v_obj(g);
    return NAT_OK;
}

/* _switch(g, value, error) and _throw(g, exc, error) reach here only from
 * C (a key function, a comparison...): the VM switches from bytecode.  A
 * switch to the running greenlet needs no stack change. */
static int switch_nested(Task *T, Value *args, int nargs, Tuple *kw, Value *out, bool thrown)
{
    if (nat_count(T, thrown ? "_throw" : "_switch", nargs, kw, 3, 3) < 0) return NAT_ERR;
    Green *to = green_arg(T, args[0]);
    if (!to) return NAT_ERR;
    if (alive(to) != current(T))
        return exc_raise(T, EXC_RuntimeError,
                         "a greenlet cannot switch from code C runs (a key function, a comparison, a property) "
                         "in the simulator");
    if (thrown) return exc_raise_value(T, args[1]);
    *out = args[1];
    return NAT_OK;
}

int green_switch_n(Task *T, Value *args, int nargs, Tuple *kw, Value *out)
{
    return switch_nested(T, args, nargs, kw, out, false);
}

int green_throw_n(Task *T, Value *args, int nargs, Tuple *kw, Value *out)
{
    return switch_nested(T, args, nargs, kw, out, true);
}

/* _current() -> the running greenlet (the thread's main one at first) */
int green_current_n(Task *T, Value *args, int nargs, Tuple *kw, Value *out)
{
    (void)args;
    if (nat_count(T, "_current", nargs, kw, 0, 0) < 0) return NAT_ERR;
    *out = v_obj(current(T));
    return NAT_OK;
}

/* _info(g) -> (owner, started, dead, parent or None, main) */
int green_info_n(Task *T, Value *args, int nargs, Tuple *kw, Value *out)
{
    Green *g = nat_count(T, "_info", nargs, kw, 1, 1) < 0 ? NULL : green_arg(T, args[0]);
    if (!g) return NAT_ERR;
    Tuple *t = tuple_new(T->S, 5);
    t->v[0] = g->owner;
    t->v[1] = v_bool(g->g.state != GEN_CREATED);
    t->v[2] = v_bool(g->g.state == GEN_DONE);
    t->v[3] = g->parent ? v_obj(g->parent) : v_none();
    t->v[4] = v_bool(g->main);
    *out = v_obj(t);
    return NAT_OK;
}

/* _set(g, "owner" | "parent", value) */
int green_set_n(Task *T, Value *args, int nargs, Tuple *kw, Value *out)
{
    Green *g = nat_count(T, "_set", nargs, kw, 3, 3) < 0 ? NULL : green_arg(T, args[0]);
    Str *what;
    if (!g || nat_arg_str(T, args[1], "_set", &what) < 0) return NAT_ERR;
    if (str_eq_c(what, "owner")) {
        g->owner = args[2];
    } else if (str_eq_c(what, "parent")) {
        Green *p = green_arg(T, args[2]);
        if (!p) return NAT_ERR;
        if (p->thread != g->thread) return exc_raise(T, EXC_ValueError, "parent cannot be on a different thread");
        for (Green *x = p; x; x = x->parent)
            if (x == g) return exc_raise(T, EXC_ValueError, "cyclic parent chain");
        g->parent = p;
    } else {
        return exc_raise(T, EXC_ValueError, "unknown greenlet field '%s'", what->s);
    }
    *out = v_none();
    return NAT_OK;
}

void green_trace(Sim *S, Obj *o)
{
    Green *g = (Green *)o;
    gc_mark_value(S, g->owner);
    gc_mark_obj(S, (Obj *)g->parent);
    gc_mark_obj(S, (Obj *)g->g.name);
    gc_mark_obj(S, (Obj *)g->g.qualname);
    if (!g->main) vm_ctx_mark(S, &g->g.ctx);
    gen_mark_chain(S, g->g.leaf);
}

void green_free(Sim *S, Obj *o)
{
    (void)S;
    Green *g = (Green *)o;
    /* a suspended greenlet nobody can switch to again: CPython would
     * throw GreenletExit into it; its stack just goes */
    if (!g->main) vm_ctx_free(&g->g.ctx);
}
