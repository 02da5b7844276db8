/* vm.c - the bytecode interpreter.
 *
 * vm_run executes the current context of one task, op by op, until its slice
 * ends (T->limit on the task's virtual clock), it blocks, it reaches an
 * eval-breaker check that was asked for, or its base frame returns.  All
 * state lives in the task's frames and chunks, never in the C stack, so the
 * scheduler can stop a task after any op and resume it later. */
#include "vm.h"
#include "attr.h"
#include "dict.h"
#include "format.h"
#include "gc.h"
#include "gen.h"
#include "green.h"
#include "list.h"
#include "obj.h"
#include "ops.h"
#include "repr.h"
#include "set.h"
#include "str.h"
#include "tuple.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>


/* ---- name lookups with hints ---- */

/* d[name] (V_UNDEF if absent), trying first the entry where this op found
 * it last time.  The hint is checked against d - that entry must still
 * hold this very key - so it is never wrong, only sometimes useless, and
 * the code of functions run with other globals (another process) stays
 * correct. */
static inline Value dict_get_hinted(Dict *d, Str *name, uint32_t *hint)
{
    uint32_t i = *hint;
    if (i < (uint64_t)d->nent && d->ent[i].key.tag == V_OBJ && d->ent[i].key.u.o == &name->h) return d->ent[i].val;
    int64_t j = dict_index_str(d, name);
    if (j < 0) return v_undef();
    *hint = (uint32_t)j;
    return d->ent[j].val;
}

/* The class attribute that makes obj.name not simply the instance's
 * __dict__ entry: a property or an instance of a class (a descriptor, or
 * a data descriptor when it has __set__); functions and plain values lose
 * to the __dict__ entry (attr.c decides the rest). */
static inline bool attr_plain(Value ca)
{
    return is_undef(ca) || (!is_kind(ca, K_PROPERTY) && !is_instance(ca));
}

/* An attribute op's inline cache: what the class lookup gave for the
 * class it saw last (STORE_ATTR keeps whether the plain store applies),
 * good while no class dict changed and no collection ran (attr_epoch, as
 * obj_class_lookup's own cache). */
struct AttrIC {
    const void *owner;  /* the class seen (attribute ops), the globals (LOAD_GLOBAL) */
    uint64_t epoch;
    Value val;
};

static struct AttrIC *attr_ic(Code *code, uint32_t at)
{
    if (UNLIKELY(!code->ic)) code->ic = xcalloc((size_t)code->nops, sizeof *code->ic);
    return &code->ic[at];
}

/* The class attribute name of cls, through op `at`'s inline cache. */
static inline Value ic_class_lookup(Sim *S, Code *code, uint32_t at, Class *cls, Str *name)
{
    struct AttrIC *ic = attr_ic(code, at);
    if (LIKELY(ic->owner == cls && ic->epoch == S->attr_epoch)) return ic->val;
    ic->val = obj_class_lookup(S, cls, name);
    ic->owner = cls;
    ic->epoch = S->attr_epoch;
    return ic->val;
}

/* STORE_ATTR's question, through its inline cache: may obj.name = v on
 * an instance of cls simply replace the __dict__ entry (no __setattr__ of
 * the program's, no property or data descriptor on the class)? */
static inline bool ic_plain_store(Sim *S, Code *code, uint32_t at, Class *cls, Str *name)
{
    struct AttrIC *ic = attr_ic(code, at);
    if (LIKELY(ic->owner == cls && ic->epoch == S->attr_epoch)) return ic->val.u.i != 0;
    bool ok = attr_plain(obj_class_lookup(S, cls, name));
    if (ok && (cls->cflags & CF_USER)) {
        Value sa = obj_class_lookup(S, cls, S->sym[SYM_setattr_]);
        ok = is_undef(sa) || is_kind(sa, K_NATIVE);
    }
    ic->val = v_bool(ok);
    ic->owner = cls;
    ic->epoch = S->attr_epoch;
    return ok;
}

/* A result the next op reads at once, stored as one 16-byte write.  The
 * ops copy Values as 16-byte loads; one that spans the two 8-byte stores
 * of a Value built field by field cannot be forwarded from the store
 * buffer and waits for them (x86: ~15 cycles, a third of the countdown
 * loop's time).  w0 is the first 8 bytes: the tag, aux 0. */
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
typedef long long VmWords __attribute__((vector_size(16)));
_Static_assert(sizeof(Value) == 16 && offsetof(Value, u) == 8, "a Value is two words: tag and aux, payload");
static inline void vstore(Value *d, uint32_t tag, int64_t payload)
{
    VmWords w = {(long long)tag, (long long)payload};
    memcpy(d, &w, sizeof w);
}
#else
static inline void vstore(Value *d, uint32_t tag, int64_t payload)
{
    d->tag = tag;
    d->aux = 0;
    d->u.i = payload;
}
#endif

_Static_assert(sizeof(Frame) == 96, "CALL's fast path writes every Frame field: update it with the struct");

/* Whether d has no entry for name.  An instance's __dict__ is small and
 * scanned: when no live entry has name's hash (the usual answer for a
 * method name) that is decided here, without a call; else dict.c does. */
static inline bool dict_lacks_str(Dict *d, Str *name)
{
    int64_t h = name->hash;
    if (d->mask || h == -1) return dict_index_str(d, name) < 0;
    for (int64_t i = 0; i < d->nent; i++)
        if (d->ent[i].hash == h && !is_undef(d->ent[i].key)) return dict_index_str(d, name) < 0;
    return true;
}

/* ---- contexts and chunks ---- */

#define CHUNK_MIN 48
#define CHUNK_MAX 65536

void vm_ctx_init(Ctx *c)
{
    memset(c, 0, sizeof *c);
    c->handled = v_undef();
}

/* Free chunk k unless it lives inside the context's owner. */
static void chunk_free(Ctx *c, Chunk *k)
{
    if (k != c->chunk0) free(k);
}

void vm_ctx_free(Ctx *c)
{
    Chunk *k = c->chunk;
    while (k) {
        Chunk *p = k->prev;
        chunk_free(c, k);
        k = p;
    }
    if (c->spare) chunk_free(c, c->spare);
    if (c->frames != c->frame0) free(c->frames);
    memset(c, 0, sizeof *c);
}

static Chunk *chunk_new(Ctx *c, size_t need)
{
    /* generators and coroutines are many and shallow: start with what
     * the first frame needs */
    size_t cap = c->gen ? GEN_MIN_VALUES : CHUNK_MIN;
    if (c->chunk) {
        cap = (size_t)(c->chunk->end - c->chunk->v) * 2;
        if (cap > CHUNK_MAX) cap = CHUNK_MAX;
    }
    if (cap < need) cap = need;
    Chunk *k;
    if (c->spare && (size_t)(c->spare->end - c->spare->v) >= cap) {
        k = c->spare;
        c->spare = NULL;
    } else {
        k = xmalloc(sizeof(Chunk) + cap * sizeof(Value));
        k->end = k->v + cap;
    }
    k->prev = c->chunk;
    c->chunk = k;
    return k;
}

static void chunk_release(Ctx *c, Chunk *k)
{
    /* frames open chunks in stack order, so k is the top chunk */
    c->chunk = k->prev;
    if (!c->spare) c->spare = k;
    else if (c->spare->end - c->spare->v < k->end - k->v) {
        chunk_free(c, c->spare);
        c->spare = k;
    } else {
        chunk_free(c, k);
    }
}

/* The first free value slot of c. */
static Value *ctx_top(Ctx *c)
{
    if (c->nframes) return c->frames[c->nframes - 1].sp;
    return c->top;
}

void vm_ctx_mark(Sim *S, Ctx *c)
{
    gc_mark_value(S, c->handled);
    for (int32_t i = 0; i < c->nframes; i++) {
        Frame *f = &c->frames[i];
        gc_mark_obj(S, (Obj *)f->func);
        gc_mark_obj(S, (Obj *)f->globals);
        gc_mark_obj(S, (Obj *)f->ns);
        gc_mark_value(S, f->extra);
        /* the call layout below the locals belongs to the caller's stack and
         * is marked with it; the result slot of a base frame too */
        for (Value *v = f->locals; v < f->sp; v++) gc_mark_value(S, *v);
        if (f->ret) gc_mark_value(S, *f->ret);
    }
}

Frame *vm_top_frame(Task *T)
{
    Ctx *c = T->cur;
    return c->nframes ? &c->frames[c->nframes - 1] : NULL;
}

/* ---- frames ---- */

static Frame *frame_alloc(Task *T, Ctx *c)
{
    if (c->nframes == c->fcap) {
        c->fcap = c->fcap ? c->fcap * 2 : c->gen ? 1 : 8;
        if (c->frames && c->frames == c->frame0) {
            /* out of the owner's room: the frames move to the heap */
            Frame *nf = xmalloc((size_t)c->fcap * sizeof(Frame));
            memcpy(nf, c->frames, (size_t)c->nframes * sizeof(Frame));
            c->frames = nf;
        } else {
            c->frames = xrealloc(c->frames, (size_t)c->fcap * sizeof(Frame));
        }
    }
    (void)T;
    Frame *f = &c->frames[c->nframes++];
    memset(f, 0, sizeof *f);
    f->extra = v_undef();
    return f;
}

static void frame_pop(Ctx *c)
{
    Frame *f = &c->frames[--c->nframes];
    if (f->chunk) chunk_release(c, f->chunk);
}

/* Find room for n values at or after want (which is in the current chunk,
 * or NULL for a fresh start); returns the region, and *opened the chunk if
 * one had to be opened. */
static Value *ctx_region(Ctx *c, Value *want, size_t n, Chunk **opened)
{
    *opened = NULL;
    if (want && c->chunk && want >= c->chunk->v && want + n <= c->chunk->end) return want;
    Chunk *k = chunk_new(c, n);
    *opened = k;
    return k->v;
}

int vm_recursion_error(Task *T)
{
    return exc_raise(T, EXC_RecursionError, "maximum recursion depth exceeded");
}

/* ---- argument binding (CPython's rules and messages) ---- */

static const char *fname(Func *fn) { return fn->qualname->s; }

static int missing_args(Task *T, Func *fn, Str **names, int n, bool kwonly)
{
    SBuf b = {0};
    for (int i = 0; i < n; i++) {
        if (i) sb_puts(&b, n == 2 ? " and " : (i == n - 1 ? ", and " : ", "));
        sb_printf(&b, "'%s'", names[i]->s);
    }
    int r = exc_raise(T, EXC_TypeError, "%s() missing %d required %s argument%s: %s", fname(fn), n,
                     kwonly ? "keyword-only" : "positional", n == 1 ? "" : "s", b.s);
    sb_free(&b);
    return r;
}

/* Bind args (npos positionals then keyword values) into locals[0..nlocals). */
static int bind_args(Task *T, Func *fn, const Value *args, int nargs, Tuple *kwnames, Value *locals)
{
    Sim *S = T->S;
    Code *co = fn->code;
    int nkw = kwnames ? (int)kwnames->n : 0;
    int npos = nargs - nkw;
    int argc = co->argcount;
    int total = argc + co->kwonly;
    int vararg_slot = (co->flags & CO_VARARGS) ? total : -1;
    int varkw_slot = (co->flags & CO_VARKW) ? total + (vararg_slot >= 0) : -1;
    for (int i = 0; i < co->nlocals; i++) locals[i] = v_undef();
    int ncopy = npos < argc ? npos : argc;
    for (int i = 0; i < ncopy; i++) locals[i] = args[i];
    if (npos > argc) {
        if (vararg_slot < 0) {
            int ndef = fn->defaults ? (int)fn->defaults->n : 0;
            int given_kw = 0;
            for (int k = 0; k < nkw; k++) {
                Str *kn = AS_STR(kwnames->v[k]);
                for (int i = argc; i < total; i++)
                    if (co->varnames[i] == kn || str_eq(co->varnames[i], kn)) given_kw++;
            }
            const char *plural_given = npos == 1 ? "was" : "were";
            if (given_kw) {
                return exc_raise(T, EXC_TypeError, "%s() takes %d positional argument%s but %d positional argument%s (and %d keyword-only argument%s) were given",
                                fname(fn), argc, argc == 1 ? "" : "s", npos, npos == 1 ? "" : "s", given_kw, given_kw == 1 ? "" : "s");
            }
            if (ndef)
                return exc_raise(T, EXC_TypeError, "%s() takes from %d to %d positional arguments but %d %s given",
                                fname(fn), argc - ndef, argc, npos, plural_given);
            return exc_raise(T, EXC_TypeError, "%s() takes %d positional argument%s but %d %s given", fname(fn), argc,
                            argc == 1 ? "" : "s", npos, plural_given);
        }
        Tuple *t = tuple_new(S, npos - argc);
        for (int i = argc; i < npos; i++) t->v[i - argc] = args[i];
        locals[vararg_slot] = v_obj(t);
    } else if (vararg_slot >= 0) {
        locals[vararg_slot] = v_obj(tuple_new(S, 0));
    }
    Dict *kwd = NULL;
    if (varkw_slot >= 0) {
        kwd = dict_new(S);
        locals[varkw_slot] = v_obj(kwd);
    }
    for (int k = 0; k < nkw; k++) {
        Str *kn = AS_STR(kwnames->v[k]);
        Value v = args[npos + k];
        int slot = -1;
        for (int i = co->posonly; i < total; i++)
            if (co->varnames[i] == kn || str_eq(co->varnames[i], kn)) {
                slot = i;
                break;
            }
        if (slot < 0) {
            bool posonly_hit = false;
            for (int i = 0; i < co->posonly; i++)
                if (str_eq(co->varnames[i], kn)) posonly_hit = true;
            if (kwd) {
                dict_set_str(S, kwd, kn, v);
                continue;
            }
            if (posonly_hit)
                return exc_raise(T, EXC_TypeError, "%s() got some positional-only arguments passed as keyword arguments: '%s'",
                                fname(fn), kn->s);
            return exc_raise(T, EXC_TypeError, "%s() got an unexpected keyword argument '%s'", fname(fn), kn->s);
        }
        if (!is_undef(locals[slot]))
            return exc_raise(T, EXC_TypeError, "%s() got multiple values for argument '%s'", fname(fn), kn->s);
        locals[slot] = v;
    }
    /* defaults */
    if (npos < argc) {
        int ndef = fn->defaults ? (int)fn->defaults->n : 0;
        int first_def = argc - ndef;
        Str *missing[64];
        int nmiss = 0;
        for (int i = npos; i < argc; i++) {
            if (!is_undef(locals[i])) continue;
            if (i >= first_def) locals[i] = fn->defaults->v[i - first_def];
            else if (nmiss < 64) missing[nmiss++] = co->varnames[i];
        }
        if (nmiss) return missing_args(T, fn, missing, nmiss, false);
    }
    if (co->kwonly) {
        Str *missing[64];
        int nmiss = 0;
        for (int i = argc; i < total; i++) {
            if (!is_undef(locals[i])) continue;
            Value d = fn->kwdefaults ? dict_get_str(fn->kwdefaults, co->varnames[i]) : v_undef();
            if (!is_undef(d)) locals[i] = d;
            else if (nmiss < 64) missing[nmiss++] = co->varnames[i];
        }
        if (nmiss) return missing_args(T, fn, missing, nmiss, true);
    }
    return 0;
}

/* Set up cells and free variables of a new frame. */
static void frame_cells(Sim *S, Frame *f, Func *fn)
{
    Code *co = f->code;
    Value *l = f->locals;
    for (int32_t i = 0; i < co->ncells; i++) {
        int32_t a = co->cell_arg[i];
        l[co->nlocals + i] = v_obj(vm_cell_new(S, a >= 0 ? l[a] : v_undef()));
    }
    for (int32_t i = 0; i < co->nfrees; i++)
        l[co->nlocals + co->ncells + i] = fn && fn->closure ? fn->closure->v[i] : v_undef();
}

/* Push a frame running fn with the given args.  ret: the result slot;
 * want: where the locals should go if they fit (else a new chunk opens).
 * in_place: args sit exactly at want (the CALL layout), no copy needed. */
static int push_func_frame(Task *T, Func *fn, Value *ret, Value *want, Value *args, int nargs,
                           Tuple *kwnames, bool in_place, int kind)
{
    Sim *S = T->S;
    Ctx *c = T->cur;
    Code *co = fn->code;
    if (c->base_depth + c->nframes >= S->recursion_limit) return vm_recursion_error(T);
    size_t need = (size_t)co->nlocalsplus + (size_t)co->maxstack;
    bool simple = !kwnames && nargs == co->argcount && !(co->flags & (CO_VARARGS | CO_VARKW)) && co->kwonly == 0;
    Chunk *opened;
    Value *locals;
    if (simple && in_place && args == want) {
        locals = ctx_region(c, args, need, &opened);
        if (opened) vcopy(locals, args, nargs);
        for (int32_t i = nargs; i < co->nlocals; i++) locals[i] = v_undef();
    } else {
        /* bind into a scratch copy: the region may overlap the arguments */
        Value small[16];
        Value *tmp = co->nlocals <= 16 ? small : xmalloc((size_t)co->nlocals * sizeof(Value));
        if (bind_args(T, fn, args, nargs, kwnames, tmp) < 0) {
            if (tmp != small) free(tmp);
            return -1;
        }
        locals = ctx_region(c, want, need, &opened);
        vcopy(locals, tmp, co->nlocals);
        if (tmp != small) free(tmp);
    }
    Frame *f = frame_alloc(T, c);
    f->code = co;
    f->func = fn;
    f->globals = fn->globals;
    f->ns = NULL;
    f->locals = locals;
    f->sp = locals + co->nlocalsplus;
    f->ret = ret;
    f->chunk = opened;
    f->pc = 0;
    f->kind = kind;
    frame_cells(S, f, fn);
    return 0;
}

/* ---- calls ---- */

enum { CALL_DONE, CALL_FRAME, CALL_ERROR, CALL_BLOCK, CALL_RETRY, CALL_YIELD, CALL_SWITCH, CALL_INPLACE };

/* A method of a builtin type called through its class (`int.__add__(x,
 * y)`, `Lock.acquire(x)`) gets its self from the caller, who may pass
 * anything or nothing.  The natives trust args[0] to be their own kind, so
 * the one check is here, as CPython's method descriptors make it. */
static bool self_fits(Sim *S, Native *n, Value *args, int nargs, Tuple *kwnames)
{
    if (nargs - (kwnames ? (int)kwnames->n : 0) < 1) return false;
    if (n->meth_flags & NF_CLASSMETHOD)
        return is_kind(args[0], K_CLASS) && obj_is_subclass(AS_CLASS(args[0]), n->owner);
    return obj_is_instance_of(S, args[0], n->owner);
}

static int self_error(Task *T, Native *n, Value *args, int nargs, Tuple *kwnames)
{
    const char *owner = n->owner->name->s;
    if (nargs - (kwnames ? (int)kwnames->n : 0) < 1)
        return exc_raise(T, EXC_TypeError, "descriptor '%s' of '%s' object needs an argument", n->name, owner);
    if (n->meth_flags & NF_CLASSMETHOD)
        return exc_raise(T, EXC_TypeError, "descriptor '%s' for type '%s' needs a subtype of '%s' as its first argument",
                         n->name, owner, owner);
    return exc_raise(T, EXC_TypeError, "descriptor '%s' requires a '%s' object but received a '%s'", n->name, owner,
                     obj_type_of(T->S, args[0])->name->s);
}

static int call_native(Task *T, Native *n, Value *ret, Value *args, int nargs, Tuple *kwnames)
{
    Value out = v_none();
    int r;
    if (!is_undef(n->bound)) {
        Value small[8];
        Value *a = nargs + 1 <= 8 ? small : xmalloc((size_t)(nargs + 1) * sizeof(Value));
        a[0] = n->bound;
        vcopy(a + 1, args, nargs);
        r = n->fn(T, a, nargs + 1, kwnames, &out);
        if (a != small) free(a);
    } else if ((n->meth_flags & (NF_METHOD | NF_CLASSMETHOD)) && n->owner && !self_fits(T->S, n, args, nargs, kwnames)) {
        r = self_error(T, n, args, nargs, kwnames);
    } else {
        r = n->fn(T, args, nargs, kwnames, &out);
    }
    if (r == NAT_RETRY || r == NAT_YIELD) {
        T->retry++;
        return r == NAT_RETRY ? CALL_RETRY : CALL_YIELD;
    }
    if (r == NAT_SWITCH) {
        T->retry = 0;
        return CALL_SWITCH;
    }
    T->retry = 0;
    if (r == NAT_ERR) {
        /* a native that fails must say why; one that forgot would leave
         * the error path raising whatever T->exc held (CPython's
         * "returned NULL without setting an exception") */
        if (UNLIKELY(!obj_is_exc_instance(T->S, T->exc)))
            exc_raise(T, EXC_SystemError, "%s returned an error without setting an exception", n->name);
        return CALL_ERROR;
    }
    if (r == NAT_BLOCK) return CALL_BLOCK;
    *ret = out;
    return CALL_DONE;
}

static int instance_call(Task *T, Class *cls, Value *ret, Value *want, Value *args, int nargs, Tuple *kwnames,
                         int kind, int *how);

/* Call callable with args.  ret receives the result (CALL_DONE), or is the
 * new frame's result slot (CALL_FRAME); want is where a new frame's locals
 * should start.  When in_place (the CALL layout), args[-1] is the writable
 * self slot, so a bound method can put self there without copying. */
static int invoke(Task *T, Value *ret, Value *want, Value callable, Value *args, int nargs, Tuple *kwnames,
                  bool in_place, int kind)
{
    Sim *S = T->S;
    for (int hops = 0; hops < 4; hops++) {
        if (!is_obj(callable)) break;
        switch ((ObjKind)callable.u.o->kind) {
        case K_FUNC: {
            Func *fn = AS_FUNC(callable);
            if (fn->code->flags & CO_MAKES_GEN) {
                Value out;
                if (gen_create(T, fn, args, nargs, kwnames, &out) < 0) return CALL_ERROR;
                *ret = out;
                return CALL_DONE;
            }
            if (push_func_frame(T, fn, ret, want, args, nargs, kwnames, in_place, kind) < 0) return CALL_ERROR;
            return CALL_FRAME;
        }
        case K_NATIVE:
            return call_native(T, AS_NATIVE(callable), ret, args, nargs, kwnames);
        case K_METHOD: {
            Method *m = AS_METHOD(callable);
            if (in_place) {
                args[-1] = m->self;
                args--;
                nargs++;
                want = args;
                callable = m->func;
                continue;
            }
            Value small[8];
            Value *a = nargs + 1 <= 8 ? small : xmalloc((size_t)(nargs + 1) * sizeof(Value));
            a[0] = m->self;
            vcopy(a + 1, args, nargs);
            int r = invoke(T, ret, want, m->func, a, nargs + 1, kwnames, false, kind);
            if (a != small) free(a);
            return r;
        }
        case K_CLASS: {
            int how;
            if (instance_call(T, AS_CLASS(callable), ret, want, args, nargs, kwnames, kind, &how) < 0) return CALL_ERROR;
            return how;
        }
        case K_INSTANCE: {
            Value m = obj_class_lookup(S, AS_INST(callable)->cls, S->sym[SYM_call]);
            if (is_undef(m)) break;
            if (in_place) {
                args[-1] = callable;
                args--;
                nargs++;
                want = args;
                callable = m;
                continue;
            }
            Value small[8];
            Value *a = nargs + 1 <= 8 ? small : xmalloc((size_t)(nargs + 1) * sizeof(Value));
            a[0] = callable;
            vcopy(a + 1, args, nargs);
            int r = invoke(T, ret, want, m, a, nargs + 1, kwnames, false, kind);
            if (a != small) free(a);
            return r;
        }
        case K_STATICMETHOD:
            /* callable since Python 3.10: the function it wraps */
            callable = ((Wrapper *)callable.u.o)->func;
            continue;
        default: break;
        }
        break;
    }
    exc_raise(T, EXC_TypeError, "'%s' object is not callable", obj_type_name(S, callable));
    return CALL_ERROR;
}

/* Calling a class: builtin constructors, or instance + __init__. */
/* A new instance of cls as object.__new__ (or a builtin's) makes it, before
 * __init__: a payload class's ctor (exceptions, threads, locks...), or a
 * plain instance.  CALL_BLOCK in *how when a builtin's ctor blocked. */
static int new_instance(Task *T, Class *cls, Value *args, int nargs, Tuple *kwnames, Value *inst, int *how)
{
    Sim *S = T->S;
    *how = CALL_DONE;
    /* the nearest builtin ancestor decides how instances are made */
    Class *base = cls;
    for (int64_t i = 0; i < cls->mro->n; i++) {
        Class *k = AS_CLASS(cls->mro->v[i]);
        if (k->ctor) {
            base = k;
            break;
        }
    }
    if (base->ctor && base->type_id != TY_OBJECT && !(base->cflags & CF_EXCEPTION) && !base->payload) {
        if (cls != base && (base->type_id == TY_LIST || base->type_id == TY_DICT || base->type_id == TY_SET)) {
            /* a subclass of list, dict or set: an empty one, filled by
             * __init__ (the builtin's, or the class's own) */
            *inst = obj_sub_new(S, cls, base->type_id);
            return 0;
        }
        /* int(), list(), str()...: the builtin makes the value */
        if (cls != base)
            return exc_raise(T, EXC_TypeError, "subclassing '%s' is not supported by the simulator", base->name->s);
        int r = base->ctor(T, args, nargs, kwnames, inst);
        if (r == NAT_ERR) return -1;
        if (r == NAT_BLOCK) *how = CALL_BLOCK;
        return 1; /* made and initialised */
    }
    if (base->ctor && base != S->types[TY_OBJECT]) {
        /* payload classes get (cls, args) via a hidden first argument */
        Value small[9];
        Value *a = nargs + 1 <= 9 ? small : xmalloc((size_t)(nargs + 1) * sizeof(Value));
        a[0] = v_obj(cls);
        vcopy(a + 1, args, nargs);
        int r = base->ctor(T, a, nargs + 1, kwnames, inst);
        if (a != small) free(a);
        if (r != NAT_OK) return -1;
    } else {
        if ((cls->payload && cls->payload->internal) || (cls->cflags & CF_NO_INSTANCES))
            return exc_raise(T, EXC_TypeError, "cannot create '%s' instances", cls->name->s);
        *inst = v_obj(obj_instance_new(S, cls));
    }
    return 0;
}

int vm_object_new(Task *T, Class *cls, Value *args, int nargs, Tuple *kwnames, Value *out)
{
    int how;
    int r = new_instance(T, cls, args, nargs, kwnames, out, &how);
    if (r > 0 && how == CALL_BLOCK) return exc_raise(T, EXC_RuntimeError, "a blocking constructor in __new__ is not supported by the simulator");
    return r < 0 ? -1 : 0;
}

static int instance_call(Task *T, Class *cls, Value *ret, Value *want, Value *args, int nargs, Tuple *kwnames,
                         int kind, int *how)
{
    Sim *S = T->S;
    *how = CALL_DONE;
    Value inst;
    Value newf = (cls->cflags & CF_USER) ? obj_class_lookup(S, cls, S->sym[SYM_new]) : v_undef();
    if (is_kind(newf, K_STATICMETHOD)) newf = ((Wrapper *)newf.u.o)->func;
    bool user_new = is_kind(newf, K_FUNC);
    if (user_new) {
        /* a Python __new__(cls, *args): __init__ runs only on an instance of cls */
        Value small[9];
        Value *a = nargs + 1 <= 9 ? small : xmalloc((size_t)(nargs + 1) * sizeof(Value));
        a[0] = v_obj(cls);
        vcopy(a + 1, args, nargs);
        int r = vm_call(T, newf, a, nargs + 1, kwnames, &inst);
        if (a != small) free(a);
        if (r < 0) return -1;
        if (!obj_is_instance_of(S, inst, cls)) {
            *ret = inst;
            return 0;
        }
        cls = obj_type_of(S, inst);
    } else {
        int r = new_instance(T, cls, args, nargs, kwnames, &inst, how);
        if (r < 0) return -1;
        if (r > 0) {
            if (*how != CALL_BLOCK) *ret = inst;
            return 0;
        }
    }
    Class *base = cls;
    for (int64_t i = 0; i < cls->mro->n; i++) {
        Class *k = AS_CLASS(cls->mro->v[i]);
        if (k->ctor) {
            base = k;
            break;
        }
    }
    Value init = obj_class_lookup(S, cls, S->sym[SYM_init]);
    if (is_kind(init, K_FUNC)) {
        *ret = inst;
        /* self goes first: build the argument list in a scratch array */
        Value small[9];
        Value *a = nargs + 1 <= 9 ? small : xmalloc((size_t)(nargs + 1) * sizeof(Value));
        a[0] = inst;
        vcopy(a + 1, args, nargs);
        int r = push_func_frame(T, AS_FUNC(init), ret, want, a, nargs + 1, kwnames, false, kind | FR_INIT);
        if (a != small) free(a);
        if (r < 0) return -1;
        *how = CALL_FRAME;
        return 0;
    }
    if (is_kind(init, K_NATIVE) && AS_NATIVE(init)->owner != S->types[TY_OBJECT]) {
        Value small[9], out;
        Value *a = nargs + 1 <= 9 ? small : xmalloc((size_t)(nargs + 1) * sizeof(Value));
        a[0] = inst;
        vcopy(a + 1, args, nargs);
        int r = AS_NATIVE(init)->fn(T, a, nargs + 1, kwnames, &out);
        if (a != small) free(a);
        if (r != NAT_OK) return -1;
    } else if (nargs > 0 && !(cls->cflags & CF_EXCEPTION) && !base->payload && !user_new) {
        return exc_raise(T, EXC_TypeError, "%s() takes no arguments", cls->name->s);
    }
    *ret = inst;
    return 0;
}

/* ---- helpers for ops ---- */

static int unbound_local(Task *T, Code *co, uint32_t slot)
{
    if (slot < (uint32_t)co->nlocals + (uint32_t)co->ncells)
        return exc_raise(T, EXC_UnboundLocalError, "cannot access local variable '%s' where it is not associated with a value",
                        co->varnames[slot]->s);
    return exc_raise(T, EXC_NameError, "cannot access free variable '%s' where it is not associated with a value in enclosing scope",
                    co->varnames[slot]->s);
}

static int name_error(Task *T, Str *name)
{
    return exc_raise(T, EXC_NameError, "name '%s' is not defined", name->s);
}

/* A name found nowhere: a builtin the library makes on first use, or
 * NameError.  0 with *out, or -1 with an exception. */
static int missing_name(Task *T, Str *name, Value *out)
{
    int r = T->S->import->lazy_builtin(T, name, out);
    if (r == 0) name_error(T, name);
    return r > 0 ? 0 : -1;
}

static int unpack(Task *T, Value seq, int before, int after, bool star, Value *dst)
{
    Sim *S = T->S;
    Value *items, keep;
    int64_t n;
    if (!is_list(seq) && !is_tuple(seq)) {
        Value it;
        if (obj_iter(T, seq, &it) < 0) {
            if (exc_matches(S, T->exc, EXC_TypeError)) {
                T->exc = v_undef();
                return exc_raise(T, EXC_TypeError, "cannot unpack non-iterable %s object", obj_type_name(S, seq));
            }
            return -1;
        }
        if (!star) {
            /* stop early so a too-long iterator is detected like CPython */
            List *l = list_new(S, before);
            for (int64_t k = 0; k <= before; k++) {
                Value x;
                int r = obj_next(T, it, &x);
                if (r < 0) return -1;
                if (r == 0) break;
                list_append(S, l, x);
            }
            seq = v_obj(l);
        } else {
            List *l;
            if (obj_to_list(T, it, &l) < 0) return -1;
            seq = v_obj(l);
        }
    }
    obj_items(T, seq, &items, &n, &keep);
    if (!star) {
        if (n != before) {
            if (n > before) return exc_raise(T, EXC_ValueError, "too many values to unpack (expected %d)", before);
            return exc_raise(T, EXC_ValueError, "not enough values to unpack (expected %d, got %lld)", before, (long long)n);
        }
        for (int i = 0; i < before; i++) dst[before - 1 - i] = items[i];
        return 0;
    }
    if (n < before + after)
        return exc_raise(T, EXC_ValueError, "not enough values to unpack (expected at least %d, got %lld)", before + after, (long long)n);
    int total = before + 1 + after;
    /* dst is filled so that the first target is on top */
    for (int i = 0; i < before; i++) dst[total - 1 - i] = items[i];
    List *mid = list_new(S, n - before - after);
    for (int64_t i = before; i < n - after; i++) mid->v[mid->n++] = items[i];
    dst[total - 1 - before] = v_obj(mid);
    for (int i = 0; i < after; i++) dst[after - 1 - i] = items[n - after + i];
    return 0;
}

static int check_exc_match(Task *T, Value exc, Value type, bool *match)
{
    Sim *S = T->S;
    if (is_tuple(type)) {
        *match = false;
        for (int64_t i = 0; i < AS_TUPLE(type)->n; i++) {
            bool m;
            if (check_exc_match(T, exc, AS_TUPLE(type)->v[i], &m) < 0) return -1;
            if (m) *match = true;
        }
        return 0;
    }
    if (!is_class(type) || !(AS_CLASS(type)->cflags & CF_EXCEPTION))
        return exc_raise(T, EXC_TypeError, "catching classes that do not inherit from BaseException is not allowed");
    *match = obj_is_instance_of(S, exc, AS_CLASS(type));
    return 0;
}

/* Turn the operand of `raise` into an exception instance. */
static int make_exception(Task *T, Value v, Value *out)
{
    Sim *S = T->S;
    if (is_class(v) && (AS_CLASS(v)->cflags & CF_EXCEPTION)) return vm_call(T, v, NULL, 0, NULL, out);
    if (obj_is_exc_instance(S, v)) {
        *out = v;
        return 0;
    }
    return exc_raise(T, EXC_TypeError, "exceptions must derive from BaseException");
}

static Value build_class(Task *T, Frame *f)
{
    Sim *S = T->S;
    Tuple *nb = AS_TUPLE(f->extra);
    Str *name = AS_STR(nb->v[0]);
    Tuple *bases = AS_TUPLE(nb->v[1]);
    Class *cls = attr_class_new(S, name, bases->n ? bases : NULL, f->ns, T);
    if (!cls) return v_undef();
    /* an instance is one list, dict or set, or one native object
     * (Thread, Exception...): two of them cannot be combined */
    int layouts = 0;
    for (int64_t i = 0; i < cls->mro->n; i++) {
        Class *k = AS_CLASS(cls->mro->v[i]);
        bool base_layout = k->type_id == TY_LIST || k->type_id == TY_DICT || k->type_id == TY_SET;
        bool native = !(k->cflags & CF_USER) && k->payload && (i + 1 == cls->mro->n || AS_CLASS(cls->mro->v[i + 1])->payload != k->payload);
        layouts += base_layout || native;
    }
    if (layouts > 1) {
        exc_raise(T, EXC_TypeError, "multiple bases have instance lay-out conflict");
        return v_undef();
    }
    cls->cflags |= CF_USER;
    Value mod = dict_get_str(f->ns, S->sym[SYM_module]);
    cls->module = is_str(mod) ? AS_STR(mod) : str_from_c(S, "__main__");
    Value qn = dict_get_str(f->ns, S->sym[SYM_qualname]);
    if (is_str(qn)) cls->qualname = AS_STR(qn);
    Code *co = f->code;
    for (int32_t i = 0; i < co->ncells; i++)
        if (str_eq_c(co->varnames[co->nlocals + i], "__class__"))
            AS_CELL(f->locals[co->nlocals + i])->v = v_obj(cls);
    return v_obj(cls);
}

static int do_format(Task *T, Value v, int conv, Value spec, Value *out)
{
    if (conv == 'r') v = repr_value(T, v);
    else if (conv == 'a') v = repr_ascii(T, v);
    else if (conv == 's') v = repr_str(T, v);
    if (is_undef(v)) return -1;
    if (is_undef(spec) && is_str(v)) {
        *out = v;
        return 0;
    }
    SBuf b = STR_BUF;
    Str *sp = is_undef(spec) ? NULL : AS_STR(spec);
    if (format_value(T, v, sp ? sp->s : "", sp ? (size_t)sp->len : 0, &b) < 0) {
        sb_free(&b);
        return -1;
    }
    return str_from_buf(T, &b, out);
}

/* The f-string of n parts: 0, or -1 with MemoryError when the parts add
 * up past the limit of a single object (summed in 64 bits: 22 parts of
 * 100 MB pass 2**31). */
static int build_string(Task *T, Value *parts, int n, Value *out)
{
    int64_t len = 0;
    for (int i = 0; i < n; i++) len += AS_STR(parts[i])->len;
    Str *r = str_alloc(T, len);
    if (!r) return -1;
    int64_t off = 0;
    bool ascii = true;
    int32_t clen = 0;
    for (int i = 0; i < n; i++) {
        Str *p = AS_STR(parts[i]);
        memcpy(r->s + off, p->s, (size_t)p->len);
        off += p->len;
        clen += p->clen;
        if (!(p->h.flags & OF_ASCII)) ascii = false;
    }
    r->clen = clen;
    if (ascii) r->h.flags |= OF_ASCII;
    *out = v_obj(r);
    return 0;
}

/* Find the handler for pc in co; NULL if none. */
static ExcEntry *find_handler(Code *co, uint32_t pc)
{
    for (int32_t i = 0; i < co->nexc; i++)
        if (pc >= co->exc[i].start && pc < co->exc[i].end) return &co->exc[i];
    return NULL;
}

/* ---- generators driven from bytecode ---- */

/* Natives that consume a whole iterable, and where it is in their args. */
static int push_func_frame(Task *T, Func *fn, Value *ret, Value *want, Value *args, int nargs, Tuple *kwnames,
                           bool in_place, int kind);

/* Push a frame calling the Python __next__ of the iterator in *slot, to
 * collect its items into list (an FR_COLLECT frame above frame f). */
static int collect_next(Task *T, Ctx *c, Frame *f, Value *slot, Value list)
{
    Value it = *slot;
    Value nm = obj_type_dunder(T->S, it, SYM_next);
    Value *ret = f->sp;
    *ret = v_none();
    f->sp = ret + 1;
    if (push_func_frame(T, AS_FUNC(nm), ret, ret + 1, &it, 1, NULL, false, FR_COLLECT) < 0) {
        f->sp = ret;
        return -1;
    }
    Frame *nf = &c->frames[c->nframes - 1];
    nf->extra = list;
    nf->slot = slot;
    return 0;
}

static Value *consumed_gen(Sim *S, Value callable, Value *args, int nargs)
{
    int i;
    if (is_kind(callable, K_NATIVE) && (AS_NATIVE(callable)->meth_flags & NF_CONSUMES)) {
        i = (AS_NATIVE(callable)->meth_flags & NF_METHOD) ? 1 : 0;
    } else if (is_class(callable)) {
        int ty = AS_CLASS(callable)->type_id;
        if (ty != TY_LIST && ty != TY_TUPLE && ty != TY_SET && ty != TY_FROZENSET && ty != TY_DICT) return NULL;
        i = 0;
    } else if (is_kind(callable, K_METHOD) && is_kind(AS_METHOD(callable)->func, K_NATIVE) &&
               (AS_NATIVE(AS_METHOD(callable)->func)->meth_flags & NF_CONSUMES)) {
        i = 0; /* a bound method (", ".join): the self is not in args */
    } else {
        return NULL;
    }
    if (i >= nargs) return NULL;
    Value a = args[i];
    if (is_kind(a, K_GEN) && ((Gen *)a.u.o)->state != GEN_RUNNING && ((Gen *)a.u.o)->state != GEN_DONE)
        return &args[i];
    if (is_kind(a, K_ITER) && AS_ITER(a)->ik == IT_USER) a = args[i] = AS_ITER(a)->src;
    if (is_kind(obj_type_dunder(S, a, SYM_next), K_FUNC)) return &args[i];
    return NULL;
}

static RunStatus fatal_ops(Task *T)
{
    Sim *S = T->S;
    S->fatal.set = true;
    snprintf(S->fatal.msg, sizeof S->fatal.msg,
             "stopped after %llu bytecode ops (the max_ops limit); if the program is meant to run longer, raise it with --set max_ops=N or 'max_ops: N' in the header",
             (unsigned long long)S->set.v[SET_max_ops]);
    return RUN_FATAL;
}

void vm_trace_full(Sim *S)
{
    S->fatal.set = true;
    snprintf(S->fatal.msg, sizeof S->fatal.msg,
             "stopped after recording %lld MiB of state changes and events (the max_trace limit): the program switches, "
             "sleeps or locks very often; to run longer, raise it with --set max_trace=BYTES if the machine has the memory",
             (long long)(S->set.v[SET_max_trace] >> 20));
}

int vm_memory_error(Task *T)
{
    Sim *S = T->S;
    return exc_raise(T, EXC_MemoryError, "the simulated heap passed %lld MiB (the max_memory setting)",
                     (long long)(S->set.v[SET_max_memory] >> 20));
}

int vm_c_loop_check(Task *T)
{
    Sim *S = T->S;
    if (!S->fatal.set) {
        /* a loop in C counts as ops and virtual time, as the VM's do (in
         * nested code too: a print expression in the REPL, a key function) */
        if (S->ops + (uint64_t)T->citems > (uint64_t)S->set.v[SET_max_ops]) {
            fatal_ops(T);
            return exc_raise(T, EXC_RuntimeError, "%s", S->fatal.msg);
        }
        /* A builtin charges its loop's items when the loop ends (max,
         * sum, `in`), and calls of natives from C charge nothing: inside
         * such a loop the clock stands still.  The items taken since it
         * last moved count as the op each is, so an endless one stops at
         * max_time as it does at max_ops; charged when it stops, so the
         * run ends at the time it was stopped at. */
        int64_t max_time = S->set.v[SET_max_time];
        if (T->clock != T->cmark_clock) {
            T->cmark_clock = T->clock;
            T->cmark_items = T->citems;
        }
        int64_t cost = (T->opcost ? T->opcost : S->opcost)[OP_NOP];
        int64_t pending = T->citems - T->cmark_items;
        bool late = T->clock >= max_time || (cost > 0 && pending >= (max_time - T->clock + cost - 1) / cost);
        if (late) {
            if (T->clock < max_time) T->clock = max_time;
            T->cmark_clock = T->clock;
            T->cmark_items = T->citems;
            S->fatal.set = true;
            snprintf(S->fatal.msg, sizeof S->fatal.msg,
                     "stopped at the max_time limit of %.3f s of virtual time, inside a loop in a builtin; if the program is meant to run longer, raise it with --set max_time=...",
                     max_time / 1e9);
            return exc_raise(T, EXC_RuntimeError, "%s", S->fatal.msg);
        }
    }
    if (S->heap_bytes > (size_t)S->set.v[SET_max_memory]) return vm_memory_error(T);
    return 0;
}

Cell *vm_cell_new(Sim *S, Value v)
{
    Cell *c = gc_alloc(S, K_CELL, sizeof(Cell));
    c->v = v;
    return c;
}

/* ---- out of the loop: the slow paths of CALL ---- */

/* A call's argument that a builtin consumes whole (list(g), sorted(g),
 * ", ".join(g)...) and that is a generator or an iterator with a Python
 * __next__: its items are collected by running frames on the task, so
 * its body may block like any code, and the call runs again with the
 * list in its place.  Returns the context to run next (the generator's),
 * or NULL with an exception.  Out of line: it is rare. */
static __attribute__((noinline)) Ctx *collect_arg(Task *T, Ctx *c, Frame *f, Value *arg)
{
    Sim *S = T->S;
    if (!is_kind(*arg, K_GEN)) return collect_next(T, c, f, arg, v_obj(list_new(S, 0))) < 0 ? NULL : c;
    Gen *g = (Gen *)arg->u.o;
    g->collect = list_new(S, 0);
    g->slot = arg;
    return gen_enter(T, g, c, GM_COLLECT, v_none());
}

/* A call that is not the fast path of CALL (the frame is saved): a native,
 * or anything else through invoke().  CALL_INPLACE when a native returned
 * and left the frame as it was, else how the call went (CALL_*). */
static int call_slow(Task *T, Ctx *c, Frame *f, Value *base, Value *args, int nargs, Tuple *kw)
{
    Value callable = base[0];
    if (!is_kind(callable, K_NATIVE)) return invoke(T, base, args, callable, args, nargs, kw, true, FR_NORMAL);
    Frame *frames0 = c->frames;
    int32_t nframes0 = c->nframes;
    uint32_t pc0 = f->pc;
    int how = call_native(T, AS_NATIVE(callable), base, args, nargs, kw);
    if (LIKELY(how == CALL_DONE && T->cur == c && c->frames == frames0 && c->nframes == nframes0 && f->pc == pc0))
        return CALL_INPLACE;
    return how;
}

/* ---- the interpreter loop ---- */

#if IL_ASAN
/* A compiler bug the sanitizer build looks for (STACK_CHECK): stop here,
 * where it shows, rather than at some later overwrite. */
static void vm_stack_bug(Code *code, uint32_t pc)
{
    fprintf(stderr, "internal error: the operand stack of %s passed its maxstack %d before op %u (line %d)\n",
            code->qualname->s, code->maxstack, pc, code_line(code, pc ? pc - 1 : 0));
    abort();
}
#endif

RunStatus vm_run(Task *T)
{
    Sim *S = T->S;
    Ctx *c = T->cur;
    Frame *f;
    Code *code;
    uint32_t *ops;
    Value *consts, *locals, *sp;
    Str **names;
    uint32_t pc, ins, arg;
    /* the slice's end on the virtual clock, and the time left before it:
     * one down-counter charged per op and tested for <= 0 (the clock is
     * limit - left, computed where natives or the scheduler read it) */
    int64_t limit = T->nested ? INT64_MAX : S->debug_ops ? 0 : T->limit;
    int64_t left = limit - T->clock;
    uint64_t nops = 0;
    uint64_t max_room = S->set.v[SET_max_ops] > (int64_t)S->ops ? (uint64_t)S->set.v[SET_max_ops] - S->ops : 0;
    /* every POLL_OPS ops (at an eval-breaker point) a slice also looks
     * for an interrupt (Ctrl-C in the REPL): long slices stay stoppable */
    uint64_t ops_room = !T->nested && max_room > POLL_OPS ? POLL_OPS : max_room;
    const int64_t *cost = T->opcost ? T->opcost : S->opcost;
    bool reraise = false;
    RunStatus status;
    /* scratch values; a and b never have their address taken, so they can
     * live in registers (r is the natives' out-parameter) */
    Value a, b, r;

    /* natives read and charge T->clock: keep it current around them */
#define CLK() (limit - left)
#define SAVE() (f->sp = sp, f->pc = pc, T->clock = CLK())
#define RELOAD()                                   \
    do {                                           \
        f = &c->frames[c->nframes - 1];            \
        code = f->code;                            \
        ops = code->ops;                           \
        consts = code->consts;                     \
        names = code->names;                       \
        locals = f->locals;                        \
        sp = f->sp;                                \
        pc = f->pc;                                \
        if (!T->nested) limit = S->debug_ops ? 0 : T->limit; \
        left = limit - T->clock;                   \
        nops += (uint64_t)T->op_credit;            \
        T->op_credit = 0;                          \
    } while (0)
#define LEAVE(st)                                  \
    do {                                           \
        status = (st);                             \
        goto leave;                                \
    } while (0)
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define ERR_IF(cond) do { if (UNLIKELY(cond)) goto error; } while (0)
    /* after a switch into an asyncio task's context: an exception thrown
     * into it (a cancellation) is raised there at once */
#define THROWN_IN()                                \
    do {                                           \
        if (UNLIKELY(!is_undef(T->resume_exc))) {  \
            T->exc = T->resume_exc;                \
            T->resume_exc = v_undef();             \
            goto error;                            \
        }                                          \
    } while (0)

    /* The eval breaker, at backward jumps and calls as in CPython 3.10+:
     * a GIL drop request (T->breaker), a pending collection, and every
     * POLL_OPS ops the max_ops limit and the debugger's interrupt.  REDO
     * (at a CALL): a stop comes before the call, which runs (and is
     * charged) again on resume; else (a jump) after the op.  (UNDO_OP
     * names OP_CALL rather than the op at hand: reading `ins` here keeps
     * it in a register for the whole loop, 5% more instructions.) */
#define UNDO_OP() (pc--, left += cost[OP_CALL], nops--)
#define EVAL_BREAKER(REDO)                                                   \
    if (UNLIKELY(T->breaker || S->gc_pending || nops > ops_room)) {          \
        if (nops > ops_room) {                                               \
            if (nops > max_room) {                                           \
                if (REDO) pc--;                                              \
                SAVE();                                                      \
                status = fatal_ops(T);                                       \
                goto leave;                                                  \
            }                                                                \
            if (S->trace->room < 0) {                                            \
                if (REDO) pc--;                                              \
                SAVE();                                                      \
                vm_trace_full(S);                                            \
                LEAVE(RUN_FATAL);                                            \
            }                                                                \
            if (S->hooks && S->hooks->interrupted(T, CLK(), nops)) {           \
                if (REDO) UNDO_OP();                                         \
                SAVE();                                                      \
                LEAVE(RUN_PAUSE);                                            \
            }                                                                \
            ops_room = max_room - nops > POLL_OPS ? nops + POLL_OPS : max_room; \
        }                                                                    \
        if (S->gc_pending && !S->gc_inhibit) {                               \
            SAVE();                                                          \
            gc_collect(S);                                                   \
            if (S->heap_bytes > (size_t)S->set.v[SET_max_memory]) {          \
                vm_memory_error(T);                                          \
                goto error;                                                  \
            }                                                                \
        }                                                                    \
        if (T->breaker && !T->nested) {                                      \
            if (REDO) UNDO_OP();                                             \
            SAVE();                                                          \
            LEAVE(RUN_BREAKER);                                              \
        }                                                                    \
    }

    /* Threaded dispatch where the compiler has labels as values (GCC,
     * Clang): each op's body ends in its own indirect jump to the next
     * (the compiler copies the one below into every body), so the branch
     * predictor learns op pairs rather than one shared jump.  The switch
     * stays: it is the fallback elsewhere and the only way bodies are
     * reached in it. */
    /* The sanitizer build checks between ops that the operand stack is
     * within the compiler's maxstack: a coroutine's frame has no room
     * past it (the compiler's stack effects and the ops must agree). */
#if IL_ASAN
#define STACK_CHECK()                                                        \
    do {                                                                     \
        if (UNLIKELY(sp > locals + code->nlocalsplus + code->maxstack))      \
            vm_stack_bug(code, pc);                                          \
    } while (0)
#else
#define STACK_CHECK() ((void)0)
#endif
    /* The next op: the slice's end, the fetch, the charge.  The hot ops
     * end with DISPATCH() rather than break: a copy of this in each of
     * them keeps the fetch's state in registers along the hot paths. */
#define FETCH()                                    \
    do {                                           \
        STACK_CHECK();                             \
        ins = ops[pc++];                           \
        arg = INSTR_ARG(ins);                      \
        left -= cost[INSTR_OP(ins)];               \
        nops++;                                    \
    } while (0)
    /* Pairs that nearly always come together (a comparison and its
     * jump, `x += 1` and its store) run as one:
     * when the next op is op NEXT and the slice has time left for it, the
     * op at hand takes it - charged and counted as FETCH would, so the
     * clock, the op count and every slice end are the same as op by op
     * (a debugger stepping ops has no time left: it never fuses). */
#define FUSE_NEXT(NEXT)                                                    \
    (left > 0 && INSTR_OP(ops[pc]) == (NEXT) &&                            \
     (arg = INSTR_ARG(ops[pc++]), left -= cost[NEXT], nops++, true))
#if defined(__GNUC__)
#define TARGET(n) case OP_##n: L_##n:
#define DISPATCH()                                 \
    if (UNLIKELY(left <= 0)) continue;             \
    else {                                         \
        FETCH();                                   \
        goto *dispatch[INSTR_OP(ins)];             \
    }
    static const void *const dispatch[OPCODE_COUNT] = {
#define X(n, w) __extension__ &&L_##n,
        OPCODES(X)
#undef X
    };
#else
#define TARGET(n) case OP_##n:
#define DISPATCH() continue
#endif

    if (!c->nframes) return RUN_DONE;
    RELOAD();
    if (T->resume_pending) {
        T->resume_pending = false;
        if (!is_undef(T->resume_exc)) {
            T->exc = T->resume_exc;
            T->resume_exc = v_undef();
            goto error;
        }
        sp[-1] = T->resume_val;
    }

    for (;;) {
        if (UNLIKELY(left <= 0)) {
            /* when debugging, every op comes here (limit is 0): the real
             * limit is T->limit, and debug_op may pause before this op
             * (the hook sees the operand stack: f->sp is current) */
            if (!S->debug_ops || T->nested || CLK() >= T->limit || T->pause ||
                (f->sp = sp, S->hooks->op(T, code, pc, f, nops, CLK()))) {
                SAVE();
                LEAVE(T->pause ? RUN_PAUSE : RUN_LIMIT);
            }
        }
        FETCH();
#ifdef VM_TRACE
        fprintf(stderr, "  %-12s %4u %-20s %-8u depth %ld\n", code->qualname->s, pc - 1, code_op_name[INSTR_OP(ins)], arg,
                (long)(sp - (locals + code->nlocalsplus)));
#endif
#if defined(__GNUC__)
        goto *dispatch[INSTR_OP(ins)];
#endif
        switch ((Opcode)INSTR_OP(ins)) {
        TARGET(NOP) TARGET(GEN_START) break;
        TARGET(POP_TOP) sp--; DISPATCH();
        TARGET(COPY) a = sp[-(int)arg]; PUSH(a); break;
        TARGET(SWAP) a = sp[-1]; sp[-1] = sp[-(int)arg]; sp[-(int)arg] = a; break;
        TARGET(PUSH_UNDEF) PUSH(v_undef()); break;
        TARGET(LOAD_CONST) PUSH(consts[arg]); DISPATCH();
        TARGET(LOAD_FAST)
            a = locals[arg];
            if (UNLIKELY(is_undef(a))) {
                SAVE();
                unbound_local(T, code, arg);
                goto error;
            }
            PUSH(a);
            DISPATCH();
        TARGET(STORE_FAST) locals[arg] = POP(); DISPATCH();
        TARGET(DELETE_FAST)
            if (is_undef(locals[arg])) {
                SAVE();
                unbound_local(T, code, arg);
                goto error;
            }
            locals[arg] = v_undef();
            break;
        TARGET(MAKE_CELL) locals[arg] = v_obj(vm_cell_new(S, locals[arg])); break;
        TARGET(LOAD_DEREF)
            a = AS_CELL(locals[arg])->v;
            if (UNLIKELY(is_undef(a))) {
                SAVE();
                unbound_local(T, code, arg);
                goto error;
            }
            PUSH(a);
            break;
        TARGET(STORE_DEREF) AS_CELL(locals[arg])->v = POP(); break;
        TARGET(DELETE_DEREF)
            if (is_undef(AS_CELL(locals[arg])->v)) {
                SAVE();
                unbound_local(T, code, arg);
                goto error;
            }
            AS_CELL(locals[arg])->v = v_undef();
            break;
        TARGET(LOAD_CLOSURE) PUSH(locals[arg]); break;
        TARGET(LOAD_CLASSDEREF) {
            Str *nm = code->varnames[arg];
            a = f->ns ? dict_get_str(f->ns, nm) : v_undef();
            if (is_undef(a)) {
                a = AS_CELL(locals[arg])->v;
                if (is_undef(a)) {
                    SAVE();
                    unbound_local(T, code, arg);
                    goto error;
                }
            }
            PUSH(a);
            break;
        }
        TARGET(LOAD_GLOBAL)
            if (code->ic && code->ic[pc - 1].owner == f->globals && code->ic[pc - 1].epoch == S->globals_epoch) {
                /* a builtin, as found before, and no global made since
                 * could hide it: no miss in the globals first (abs(),
                 * len() in a loop spent a lookup in each) */
                a = dict_get_hinted(S->builtins, names[arg], &code->hints[pc - 1]);
            } else {
                a = dict_get_hinted(f->globals, names[arg], &code->hints[pc - 1]);
                if (is_undef(a)) {
                    a = dict_get_hinted(S->builtins, names[arg], &code->hints[pc - 1]);
                    if (!is_undef(a)) {
                        struct AttrIC *ic = attr_ic(code, pc - 1);
                        ic->owner = f->globals;
                        ic->epoch = S->globals_epoch;
                        f->globals->h.flags |= OF_GLOBALS_SEEN;
                    }
                }
            }
            if (UNLIKELY(is_undef(a))) {
                SAVE();
                ERR_IF(missing_name(T, names[arg], &r) < 0);
                a = r;
                RELOAD();
            }
            PUSH(a);
            DISPATCH();
        TARGET(STORE_GLOBAL) dict_set_str(S, f->globals, names[arg], POP()); break;
        TARGET(DELETE_GLOBAL)
            if (!dict_del_str(S, f->globals, names[arg])) {
                SAVE();
                name_error(T, names[arg]);
                goto error;
            }
            break;
        TARGET(LOAD_NAME)
            a = dict_get_str(f->ns, names[arg]);
            if (is_undef(a)) a = dict_get_str(f->globals, names[arg]);
            if (is_undef(a)) a = dict_get_str(S->builtins, names[arg]);
            if (UNLIKELY(is_undef(a))) {
                SAVE();
                ERR_IF(missing_name(T, names[arg], &r) < 0);
                a = r;
                RELOAD();
            }
            PUSH(a);
            break;
        TARGET(STORE_NAME) dict_set_str(S, f->ns, names[arg], POP()); break;
        TARGET(DELETE_NAME)
            if (!dict_del_str(S, f->ns, names[arg])) {
                SAVE();
                name_error(T, names[arg]);
                goto error;
            }
            break;
        TARGET(LOAD_ATTR)
            if (is_instance(sp[-1])) {
                /* an instance's own attribute: the class lookup is cached
                 * (obj_class_lookup), the entry is where this op found it
                 * last time */
                Instance *in = AS_INST(sp[-1]);
                if (in->dict && attr_plain(ic_class_lookup(S, code, pc - 1, in->cls, names[arg]))) {
                    a = dict_get_hinted(in->dict, names[arg], &code->hints[pc - 1]);
                    if (!is_undef(a)) {
                        sp[-1] = a;
                        DISPATCH();
                    }
                }
            } else if (is_kind(sp[-1], K_MODULE)) {
                /* a module's attribute is its dict's entry (or __name__) */
                r = dict_get_hinted(AS_MODULE(sp[-1])->dict, names[arg], &code->hints[pc - 1]);
                if (!is_undef(r)) {
                    sp[-1] = r;
                    break;
                }
            }
            SAVE();
            ERR_IF(attr_get(T, sp[-1], names[arg], &r) < 0);
            RELOAD();
            sp[-1] = r;
            break;
        TARGET(STORE_ATTR)
            if (is_instance(sp[-1])) {
                /* replacing an instance's own attribute, as attr_set would:
                 * no __setattr__ of the program's, no property or data
                 * descriptor on the class, the entry where it was */
                Instance *in = AS_INST(sp[-1]);
                Dict *d = in->dict;
                uint32_t i = code->hints[pc - 1];
                if (d && i < (uint64_t)d->nent && d->ent[i].key.tag == V_OBJ && d->ent[i].key.u.o == &names[arg]->h &&
                    !(d->h.flags & OF_WATCHED) && ic_plain_store(S, code, pc - 1, in->cls, names[arg])) {
                    d->ent[i].val = sp[-2];
                    sp -= 2;
                    DISPATCH();
                }
                if (d) {
                    int64_t j = dict_index_str(d, names[arg]);
                    if (j >= 0) code->hints[pc - 1] = (uint32_t)j;
                }
            }
            SAVE();
            ERR_IF(attr_set(T, sp[-1], names[arg], sp[-2]) < 0);
            RELOAD();
            sp -= 2;
            break;
        TARGET(DELETE_ATTR)
            SAVE();
            ERR_IF(attr_del(T, sp[-1], names[arg]) < 0);
            RELOAD();
            sp--;
            break;
        TARGET(LOAD_METHOD) {
            if (is_kind(sp[-1], K_MODULE)) {
                /* module.f(): no self, as attr_get_method gives for modules */
                r = dict_get_hinted(AS_MODULE(sp[-1])->dict, names[arg], &code->hints[pc - 1]);
                if (!is_undef(r)) {
                    sp[-1] = r;
                    PUSH(v_undef());
                    break;
                }
            }
            if (is_instance(sp[-1])) {
                /* a method of an instance's class, not shadowed by its
                 * __dict__: pushed with self, no bound method (as
                 * attr_get_method) */
                Instance *in = AS_INST(sp[-1]);
                a = ic_class_lookup(S, code, pc - 1, in->cls, names[arg]);
                if ((is_kind(a, K_FUNC) || (is_kind(a, K_NATIVE) && (AS_NATIVE(a)->meth_flags & NF_METHOD))) &&
                    (!in->dict || dict_lacks_str(in->dict, names[arg]))) {
                    b = sp[-1];
                    sp[-1] = a;
                    PUSH(b);
                    DISPATCH();
                }
            }
            bool unbound;
            SAVE();
            ERR_IF(attr_get_method(T, sp[-1], names[arg], &r, &unbound) < 0);
            RELOAD();
            a = sp[-1];
            sp[-1] = r;
            PUSH(unbound ? a : v_undef());
            break;
        }
        TARGET(BINARY_OP) {
            b = sp[-1];
            a = sp[-2];
            if (LIKELY(a.tag == V_INT && b.tag == V_INT)) {
                int64_t x = a.u.i, y = b.u.i, z;
                switch (arg & (BIN_INPLACE - 1)) {
                case BIN_ADD: if (!__builtin_add_overflow(x, y, &z)) goto int_done; break;
                case BIN_SUB: if (!__builtin_sub_overflow(x, y, &z)) goto int_done; break;
                case BIN_MUL: if (!__builtin_mul_overflow(x, y, &z)) goto int_done; break;
                case BIN_AND: z = x & y; goto int_done;
                case BIN_OR: z = x | y; goto int_done;
                case BIN_XOR: z = x ^ y; goto int_done;
                case BIN_MOD:
                    if (y > 0 && x >= 0) {
                        z = x % y;
                        goto int_done;
                    }
                    break;
                case BIN_FLOORDIV:
                    if (y > 0 && x >= 0) {
                        z = x / y;
                        goto int_done;
                    }
                    break;
                default: break;
                }
                goto binop_slow;
            int_done:
                sp--;
                if (FUSE_NEXT(OP_STORE_FAST)) {
                    sp--;
                    vstore(&locals[arg], V_INT, z);
                    DISPATCH();
                }
                vstore(&sp[-1], V_INT, z);
                DISPATCH();
            }
            if (a.tag == V_FLOAT && b.tag == V_FLOAT) {
                double x = a.u.f, y = b.u.f;
                switch (arg & (BIN_INPLACE - 1)) {
                case BIN_ADD: sp--; sp[-1] = v_float(x + y); goto next;
                case BIN_SUB: sp--; sp[-1] = v_float(x - y); goto next;
                case BIN_MUL: sp--; sp[-1] = v_float(x * y); goto next;
                default: break;
                }
            }
        binop_slow:
            SAVE();
            ERR_IF(ops_binop(T, (int)arg, a, b, &r) < 0);
            RELOAD();
            sp--;
            sp[-1] = r;
            break;
        }
        TARGET(UNARY_NEG) TARGET(UNARY_POS) TARGET(UNARY_INVERT) TARGET(UNARY_NOT)
            SAVE();
            ERR_IF(ops_unary(T, (int)INSTR_OP(ins), sp[-1], &r) < 0);
            RELOAD();
            sp[-1] = r;
            break;
        TARGET(COMPARE_OP)
            b = sp[-1];
            a = sp[-2];
            if (LIKELY(a.tag == V_INT && b.tag == V_INT)) {
                bool res;
                switch (arg) {
                case CMP_LT: res = a.u.i < b.u.i; break;
                case CMP_LE: res = a.u.i <= b.u.i; break;
                case CMP_EQ: res = a.u.i == b.u.i; break;
                case CMP_NE: res = a.u.i != b.u.i; break;
                case CMP_GT: res = a.u.i > b.u.i; break;
                default: res = a.u.i >= b.u.i; break;
                }
                if (FUSE_NEXT(OP_POP_JUMP_IF_FALSE)) {
                    sp -= 2;
                    if (!res) pc = arg;
                    DISPATCH();
                }
                sp--;
                vstore(&sp[-1], V_BOOL, res);
                DISPATCH();
            }
            SAVE();
            ERR_IF(obj_richcmp(T, a, b, (int)arg, &r) < 0);
            RELOAD();
            sp--;
            sp[-1] = r;
            break;
        TARGET(IS_OP) {
            b = POP();
            a = sp[-1];
            bool same = a.tag == b.tag && (a.tag == V_OBJ ? a.u.o == b.u.o : obj_same(a, b));
            sp[-1] = v_bool(arg ? !same : same);
            break;
        }
        TARGET(CONTAINS_OP) {
            SAVE();
            int rr = obj_contains(T, sp[-1], sp[-2]);
            ERR_IF(rr < 0);
            RELOAD();
            sp--;
            sp[-1] = v_bool(arg ? !rr : rr);
            break;
        }
        TARGET(BINARY_SUBSCR)
            b = sp[-1];
            a = sp[-2];
            if (is_list(a) && b.tag == V_INT && !(a.u.o->flags & OF_SUBCLASS)) {
                List *l = AS_LIST(a);
                int64_t i = b.u.i < 0 ? b.u.i + l->n : b.u.i;
                if (i >= 0 && i < l->n) {
                    sp--;
                    sp[-1] = l->v[i];
                    break;
                }
            }
            SAVE();
            ERR_IF(obj_getitem(T, a, b, &r) < 0);
            RELOAD();
            sp--;
            sp[-1] = r;
            break;
        TARGET(STORE_SUBSCR)
            SAVE();
            ERR_IF(obj_setitem(T, sp[-2], sp[-1], sp[-3]) < 0);
            RELOAD();
            sp -= 3;
            break;
        TARGET(DELETE_SUBSCR)
            SAVE();
            ERR_IF(obj_delitem(T, sp[-2], sp[-1]) < 0);
            RELOAD();
            sp -= 2;
            break;
        TARGET(BUILD_SLICE) {
            Slice *s = gc_alloc(S, K_SLICE, sizeof(Slice));
            s->step = arg == 3 ? POP() : v_none();
            s->stop = POP();
            s->start = POP();
            PUSH(v_obj(s));
            break;
        }
        TARGET(BUILD_TUPLE) {
            Tuple *t = tuple_new(S, arg);
            sp -= arg;
            vcopy(t->v, sp, arg);
            PUSH(v_obj(t));
            left -= (int64_t)arg * cost[OP_NOP];
            break;
        }
        TARGET(BUILD_LIST) {
            List *l = list_new(S, arg);
            sp -= arg;
            if (arg) vcopy(l->v, sp, arg);
            l->n = arg;
            PUSH(v_obj(l));
            left -= (int64_t)arg * cost[OP_NOP];
            break;
        }
        TARGET(BUILD_SET) {
            Set *s = set_new(S, false);
            SAVE();
            for (uint32_t i = 0; i < arg; i++) ERR_IF(set_add(T, s, sp[-(int)arg + (int)i]) < 0);
            sp -= arg;
            PUSH(v_obj(s));
            break;
        }
        TARGET(BUILD_MAP) {
            Dict *d = dict_new(S);
            SAVE();
            for (uint32_t i = 0; i < arg; i++)
                ERR_IF(dict_set(T, d, sp[-2 * (int)arg + 2 * (int)i], sp[-2 * (int)arg + 2 * (int)i + 1]) < 0);
            sp -= 2 * arg;
            PUSH(v_obj(d));
            break;
        }
        TARGET(BUILD_STRING)
            SAVE();
            ERR_IF(build_string(T, sp - arg, (int)arg, &r) < 0);
            sp -= arg;
            PUSH(r);
            left -= AS_STR(r)->len / 8 * cost[OP_NOP]; /* the copy, as charge_bytes() */
            break;
        TARGET(LIST_APPEND)
            a = POP();
            list_append(S, AS_LIST(sp[-(int)arg]), a);
            break;
        TARGET(SET_ADD)
            a = POP();
            SAVE();
            ERR_IF(set_add(T, AS_SET(sp[-(int)arg]), a) < 0);
            break;
        TARGET(MAP_ADD)
            b = POP();
            a = POP();
            SAVE();
            ERR_IF(dict_set(T, AS_DICT(sp[-(int)arg]), a, b) < 0);
            break;
        TARGET(LIST_EXTEND) {
            a = sp[-1];
            List *dst = AS_LIST(sp[-1 - (int)arg]);
            SAVE();
            Value *items, keep;
            int64_t n;
            if (obj_items(T, a, &items, &n, &keep) < 0) {
                if (exc_matches(S, T->exc, EXC_TypeError) && !is_instance(a)) {
                    T->exc = v_undef();
                    exc_raise(T, EXC_TypeError, "Value after * must be an iterable, not %s", obj_type_name(S, a));
                }
                goto error;
            }
            RELOAD();
            for (int64_t i = 0; i < n; i++) list_append(S, dst, items[i]);
            left -= n * cost[OP_NOP]; /* as charge_items() */
            sp--;
            break;
        }
        TARGET(SET_UPDATE) {
            a = POP();
            Set *dst = AS_SET(sp[-(int)arg]);
            int64_t before = dst->used;
            SAVE();
            ERR_IF(set_update(T, dst, a) < 0);
            RELOAD();
            left -= (dst->used - before) * cost[OP_NOP];
            break;
        }
        TARGET(DICT_UPDATE) TARGET(DICT_MERGE) {
            a = POP();
            Dict *dst = AS_DICT(sp[-(int)arg]);
            SAVE();
            if (!is_dict(a)) {
                exc_raise(T, EXC_TypeError, "'%s' object is not a mapping", obj_type_name(S, a));
                goto error;
            }
            int64_t pos = 0;
            Value k, v;
            charge_items(T, AS_DICT(a)->used);
            while (dict_next(AS_DICT(a), &pos, &k, &v)) {
                if (INSTR_OP(ins) == OP_DICT_MERGE) {
                    Value old;
                    int fnd = dict_get(T, dst, k, &old);
                    ERR_IF(fnd < 0);
                    if (fnd) {
                        SBuf kb = {0};
                        repr_write_str(T, k, &kb);
                        exc_raise(T, EXC_TypeError, "got multiple values for keyword argument '%s'", kb.s ? kb.s : "");
                        sb_free(&kb);
                        goto error;
                    }
                }
                ERR_IF(dict_set(T, dst, k, v) < 0);
            }
            RELOAD();
            break;
        }
        TARGET(LIST_TO_TUPLE) {
            List *l = AS_LIST(sp[-1]);
            Tuple *t = tuple_new(S, l->n);
            if (l->n) vcopy(t->v, l->v, l->n);
            sp[-1] = v_obj(t);
            left -= l->n * cost[OP_NOP];
            break;
        }
        TARGET(UNPACK_SEQUENCE) {
            a = sp[-1];
            if (is_tuple(a) && AS_TUPLE(a)->n == (int64_t)arg) {
                Tuple *t = AS_TUPLE(a);
                sp--;
                for (int64_t i = t->n - 1; i >= 0; i--) PUSH(t->v[i]);
                break;
            }
            SAVE();
            Value tmp[64];
            Value *dst = arg <= 64 ? tmp : xmalloc(arg * sizeof(Value));
            int rr = unpack(T, a, (int)arg, 0, false, dst);
            if (rr == 0) {
                RELOAD();
                sp--;
                vcopy(sp, dst, arg);
                sp += arg;
            }
            if (dst != tmp) free(dst);
            ERR_IF(rr < 0);
            break;
        }
        TARGET(UNPACK_EX) {
            int before = (int)(arg & 0xFF), after = (int)(arg >> 8);
            a = sp[-1];
            SAVE();
            Value tmp[64];
            int total = before + after + 1;
            Value *dst = total <= 64 ? tmp : xmalloc((size_t)total * sizeof(Value));
            int rr = unpack(T, a, before, after, true, dst);
            if (rr == 0) {
                RELOAD();
                sp--;
                vcopy(sp, dst, total);
                sp += total;
            }
            if (dst != tmp) free(dst);
            ERR_IF(rr < 0);
            break;
        }
        TARGET(GET_ITER)
            a = sp[-1];
            if (is_kind(a, K_ITER) && AS_ITER(a)->ik < IT_VIEW_KEYS) break;
            if (is_kind(a, K_GEN)) break;
            SAVE();
            ERR_IF(obj_iter(T, a, &r) < 0);
            RELOAD();
            sp[-1] = r;
            break;
        TARGET(FOR_ITER) {
            a = sp[-1];
            if (is_kind(a, K_ITER)) {
                Iter *it = AS_ITER(a);
                if (it->ik == IT_RANGE) {
                    if (it->n > 0) {
                        vstore(sp++, V_INT, it->i);
                        it->i += it->step;
                        it->n--;
                        DISPATCH();
                    }
                    sp--;
                    pc = arg;
                    break;
                }
                if (it->ik == IT_SEQ && is_list(it->src)) {
                    List *l = AS_LIST(it->src);
                    if (it->i < l->n) {
                        PUSH(l->v[it->i++]);
                        DISPATCH();
                    }
                    it->src = v_none();
                    sp--;
                    pc = arg;
                    break;
                }
            }
            if (is_kind(a, K_GEN) && !T->nested) {
                Gen *g = (Gen *)a.u.o;
                if (g->state == GEN_DONE) {
                    sp--;
                    pc = arg;
                    break;
                }
                if (g->state == GEN_RUNNING) {
                    SAVE();
                    exc_raise(T, EXC_ValueError, "generator already executing");
                    goto error;
                }
                SAVE();
                c = gen_enter(T, g, c, GM_FORITER, v_none());
                RELOAD();
                break;
            }
            /* a Python __next__ runs as a frame, so it may block */
            Value itv = is_kind(a, K_ITER) && AS_ITER(a)->ik == IT_USER ? AS_ITER(a)->src : a;
            Value nm = obj_type_dunder(S, itv, SYM_next);
            if (is_kind(nm, K_FUNC)) {
                SAVE();
                *sp = v_none();
                f->sp = sp + 1;
                if (push_func_frame(T, AS_FUNC(nm), sp, sp + 1, &itv, 1, NULL, false, FR_FORITER) < 0) {
                    f->sp = sp;
                    goto error;
                }
                RELOAD();
                break;
            }
            SAVE();
            int rr = obj_next(T, a, &r);
            ERR_IF(rr < 0);
            RELOAD();
            if (rr) PUSH(r);
            else {
                sp--;
                pc = arg;
            }
            break;
        }
        TARGET(JUMP_FORWARD) pc = arg; DISPATCH();
        TARGET(JUMP_BACKWARD)
            pc = arg;
            goto breaker_check;
        TARGET(POP_JUMP_IF_FALSE) TARGET(POP_JUMP_IF_TRUE) {
            a = POP();
            int t;
            if (a.tag == V_BOOL) t = (int)a.u.i;
            else {
                SAVE();
                t = obj_truthy(T, a);
                ERR_IF(t < 0);
                RELOAD();
            }
            if (t == (INSTR_OP(ins) == OP_POP_JUMP_IF_TRUE)) pc = arg;
            DISPATCH();
        }
        TARGET(JUMP_IF_FALSE_OR_POP) TARGET(JUMP_IF_TRUE_OR_POP) {
            a = sp[-1];
            int t;
            if (a.tag == V_BOOL) t = (int)a.u.i;
            else {
                SAVE();
                t = obj_truthy(T, a);
                ERR_IF(t < 0);
                RELOAD();
            }
            if (t == (INSTR_OP(ins) == OP_JUMP_IF_TRUE_OR_POP)) pc = arg;
            else sp--;
            break;
        }
        TARGET(POP_JUMP_IF_NONE) a = POP(); if (is_none(a)) pc = arg; break;
        TARGET(POP_JUMP_IF_NOT_NONE) a = POP(); if (!is_none(a)) pc = arg; break;
        TARGET(CALL) {
            EVAL_BREAKER(1)
            int argc = (int)(arg & 0xFF);
            Tuple *kw = (arg >> 8) ? AS_TUPLE(consts[(arg >> 8) - 1]) : NULL;
            Value *base = sp - argc - 2;
            Value *args = base + 2;
            int nargs = argc;
            if (!is_undef(base[1])) {
                args = base + 1;
                nargs++;
            }
            Value callable = base[0];
            /* fast path: plain Python function, exact positional arity
             * (none of the natives' cases below applies to one) */
            if (is_kind(callable, K_FUNC)) {
                Func *fn = AS_FUNC(callable);
                Code *co = fn->code;
                if (!kw && nargs == co->argcount && co->kwonly == 0 &&
                    !(co->flags & (CO_VARARGS | CO_VARKW | CO_MAKES_GEN)) &&
                    args + co->nlocalsplus + co->maxstack <= c->chunk->end && c->base_depth + c->nframes < S->recursion_limit) {
                    f->sp = base;
                    f->pc = pc;
                    Frame *nf;
                    if (LIKELY(c->nframes < c->fcap)) {
                        /* frame_alloc's work, every field written once */
                        nf = &c->frames[c->nframes++];
                        nf->ns = NULL;
                        nf->chunk = NULL;
                        nf->pc = 0;
                        nf->kind = 0;
                        nf->extra = v_undef();
                        nf->slot = NULL;
                    } else {
                        nf = frame_alloc(T, c);
                    }
                    nf->code = co;
                    nf->func = fn;
                    nf->globals = fn->globals;
                    nf->locals = args;
                    nf->sp = args + co->nlocalsplus;
                    nf->ret = base;
                    for (int32_t i = nargs; i < co->nlocals; i++) args[i] = v_undef();
                    if (co->ncells | co->nfrees) frame_cells(S, nf, fn);
                    T->clock = CLK();
                    RELOAD();
                    DISPATCH();
                }
            }
            if (is_kind(callable, K_NATIVE) && (AS_NATIVE(callable)->meth_flags & NF_SLEEP0) && nargs == 1 && !kw &&
                is_int(args[0]) && args[0].u.i == 0 && left > cost[OP_GET_AWAITABLE] &&
                INSTR_OP(ops[pc]) == OP_GET_AWAITABLE && INSTR_OP(ops[pc + 1]) == OP_AWAIT) {
                /* `await asyncio.sleep(0)`: the call and the two ops
                 * after it go to the task's driver whole, when the ops
                 * would run now (the slice not over, no debugger looking
                 * at each op) - the trip through the native call, the
                 * ops and the await trap was a fifth of a task step */
                f->sp = base + 1;
                f->pc = pc;
                T->clock = CLK();
                if (gen_await_sleep0(T, c, base, cost[OP_GET_AWAITABLE] + cost[OP_AWAIT]) == AIO_RELOAD) {
                    c = T->cur;
                    RELOAD();
                    THROWN_IN();
                    break;
                }
            }
            Value *genarg = T->nested ? NULL : consumed_gen(S, callable, args, nargs);
            if (UNLIKELY(genarg)) {
                /* run the consumed argument to its end first (it may
                 * block), then this call again with a list in its place */
                pc--;
                left += cost[OP_CALL];
                SAVE();
                Ctx *gc = collect_arg(T, c, f, genarg);
                if (!gc) goto error;
                c = gc;
                RELOAD();
                break;
            }
            if (is_kind(callable, K_NATIVE) && (AS_NATIVE(callable)->meth_flags & NF_RESUMES) && !T->nested && !kw &&
                nargs == 3 && is_kind(args[0], K_GREEN)) {
                /* a greenlet's switch: this stack suspends at the call,
                 * whose result is what the next switch back passes */
                bool thr = AS_NATIVE(callable)->data == RESUME_GTHROW;
                sp = base;
                SAVE();
                Ctx *n = green_switch(T, c, (Green *)args[0].u.o, thr ? v_undef() : args[1], thr ? args[1] : v_undef(), args[2]);
                ERR_IF(!n);
                c = n;
                RELOAD();
                THROWN_IN();
                break;
            }
            if (is_kind(callable, K_NATIVE) && (AS_NATIVE(callable)->meth_flags & NF_RESUMES) && !T->nested && !kw &&
                nargs >= 1 && (is_kind(args[0], K_GEN) || (is_kind(args[0], K_CORO) && !((Gen *)args[0].u.o)->native))) {
                /* next(g), g.send(v), g.throw(e), coro.send(v): the
                 * generator (coroutine) runs on the task as a call, its
                 * value (trap) the call's result */
                Gen *g = (Gen *)args[0].u.o;
                int what = (int)AS_NATIVE(callable)->data;
                Value sent = what == RESUME_SEND && nargs == 2 ? args[1] : v_none(), thrown = v_undef();
                if ((what == RESUME_NEXT && nargs == 1) || (what == RESUME_SEND && nargs == 2) ||
                    (what == RESUME_THROW && nargs >= 2 && nargs <= 4)) {
                    SAVE();
                    if (what == RESUME_THROW) ERR_IF(gen_throw_exc(T, args + 1, nargs - 1, &thrown) < 0);
                    if (g->state == GEN_DONE) {
                        if (is_kind(args[0], K_CORO))
                            exc_raise(T, EXC_RuntimeError, "cannot reuse already awaited coroutine");
                        else
                            T->exc = is_undef(thrown) ? gen_stop_iteration(T, v_none()) : thrown;
                        goto error;
                    }
                    ERR_IF(gen_check_send(T, g, sent) < 0);
                    sp = base;
                    SAVE();
                    c = gen_drive(T, g, c, sent, thrown);
                    RELOAD();
                    THROWN_IN();
                    break;
                }
            }
            if (is_kind(callable, K_NATIVE) && (AS_NATIVE(callable)->meth_flags & NF_RESUMES) &&
                AS_NATIVE(callable)->data == RESUME_NEXT && !T->nested && !kw && nargs == 1 && is_instance(args[0])) {
                /* next(obj) of a class whose __next__ is Python: called
                 * from bytecode as type(obj).__next__(obj), so its body
                 * may block (a Pool's imap iterator waiting for a result) */
                Value m = obj_type_dunder(S, args[0], SYM_next);
                if (is_kind(m, K_FUNC)) base[0] = m;
            }
            if (is_kind(callable, K_NATIVE) && (AS_NATIVE(callable)->meth_flags & NF_RESUMES) &&
                AS_NATIVE(callable)->data == RESUME_NEXT && !T->nested && !kw && nargs == 2 && is_instance(args[0])) {
                /* next(obj, default) likewise: the frame's StopIteration
                 * gives the default (FR_NEXTDEF) */
                Value m = obj_type_dunder(S, args[0], SYM_next);
                if (is_kind(m, K_FUNC) && !(AS_FUNC(m)->code->flags & CO_MAKES_GEN)) {
                    Value itv = args[0], dflt = args[1];
                    SAVE();
                    *base = v_none();
                    f->sp = base + 1;
                    /* dflt is held only here until the frame keeps it */
                    S->gc_inhibit++;
                    int pr = push_func_frame(T, AS_FUNC(m), base, base + 1, &itv, 1, NULL, false, FR_NEXTDEF);
                    if (pr >= 0) c->frames[c->nframes - 1].extra = dflt;
                    S->gc_inhibit--;
                    if (pr < 0) {
                        f->sp = base;
                        goto error;
                    }
                    RELOAD();
                    break;
                }
            }
            /* natives may run nested code: it must start above the args */
            SAVE();
            Value layout0 = base[0], layout1 = base[1];
            int how = call_slow(T, c, f, base, args, nargs, kw);
            if (LIKELY(how == CALL_INPLACE)) {
                /* the common case: a native returned, and left this frame
                 * where it was; only the clock moved */
                if (!T->nested) limit = S->debug_ops ? 0 : T->limit;
                left = limit - T->clock;
                sp = base + 1;
                break;
            }
            if (how == CALL_FRAME) {
                /* the call layout now belongs to the callee */
                c->frames[c->nframes - 2].sp = base;
                RELOAD();
                break;
            }
            RELOAD();
            if (how == CALL_ERROR) goto error;
            if (how == CALL_RETRY || how == CALL_YIELD || how == CALL_SWITCH) {
                /* the same CALL runs again: when the task wakes (blocked),
                 * after the eval-breaker stop (yield), or when control
                 * comes back to this context (switch) */
                base[0] = layout0;
                base[1] = layout1;
                pc--;
                SAVE();
                if (how == CALL_SWITCH) {
                    c = T->cur;
                    RELOAD();
                    THROWN_IN();
                    break;
                }
                LEAVE(how == CALL_RETRY ? RUN_BLOCKED : RUN_BREAKER);
            }
            sp = base + 1;
            if (how == CALL_BLOCK) {
                SAVE();
                LEAVE(RUN_BLOCKED);
            }
            break;
        }
        TARGET(CALL_FUNCTION_EX) {
            Value kwargs = (arg & 1) ? POP() : v_undef();
            Value posargs = POP();
            Value *base = sp - 2;
            Value callable = base[0];
            SAVE();
            if (!is_tuple(posargs)) {
                List *l;
                if (obj_to_list(T, posargs, &l) < 0) {
                    if (exc_matches(S, T->exc, EXC_TypeError)) {
                        T->exc = v_undef();
                        exc_raise(T, EXC_TypeError, "Value after * must be an iterable, not %s", obj_type_name(S, posargs));
                    }
                    goto error;
                }
                Tuple *t = tuple_new(S, l->n);
                vcopy(t->v, l->v, l->n);
                posargs = v_obj(t);
            }
            Tuple *pt = AS_TUPLE(posargs);
            Tuple *kwn = NULL;
            int64_t nkw = 0;
            if (!is_undef(kwargs)) {
                if (!is_dict(kwargs)) {
                    exc_raise(T, EXC_TypeError, "argument after ** must be a mapping, not %s", obj_type_name(S, kwargs));
                    goto error;
                }
                nkw = AS_DICT(kwargs)->used;
                kwn = nkw ? tuple_new(S, nkw) : NULL;
            }
            int total = (int)(pt->n + nkw);
            Value *tmp = xmalloc((size_t)(total + 1) * sizeof(Value));
            vcopy(tmp, pt->v, pt->n);
            if (nkw) {
                int64_t pos = 0, i = 0;
                Value k, v;
                while (dict_next(AS_DICT(kwargs), &pos, &k, &v)) {
                    if (!is_str(k)) {
                        free(tmp);
                        exc_raise(T, EXC_TypeError, "keywords must be strings");
                        goto error;
                    }
                    kwn->v[i] = k;
                    tmp[pt->n + i] = v;
                    i++;
                }
            }
            /* keep the tuple/dict alive on the stack while the call runs
             * (compile.c's maxstack counts these 3 slots) */
            sp[0] = posargs;
            sp[1] = is_undef(kwargs) ? v_none() : kwargs;
            sp[2] = kwn ? v_obj(kwn) : v_none();
            f->sp = sp + 3;
            Value layout0 = base[0], layout1 = base[1];
            int how = invoke(T, base, base + 1, callable, tmp, total, kwn, false, FR_NORMAL);
            free(tmp);
            if (how == CALL_FRAME) {
                c->frames[c->nframes - 2].sp = base;
                RELOAD();
                break;
            }
            RELOAD();
            if (how == CALL_ERROR) goto error;
            if (how == CALL_RETRY) {
                base[0] = layout0;
                base[1] = layout1;
                base[2] = posargs;
                if (arg & 1) base[3] = kwargs;
                sp = base + 3 + (arg & 1);
                pc--;
                SAVE();
                LEAVE(RUN_BLOCKED);
            }
            sp = base + 1;
            if (how == CALL_BLOCK) {
                SAVE();
                LEAVE(RUN_BLOCKED);
            }
            break;
        }
        TARGET(MAKE_FUNCTION) {
            Func *fn = gc_alloc(S, K_FUNC, sizeof(Func));
            Code *co = code->children[arg >> 4];
            fn->code = co;
            fn->globals = f->globals;
            fn->name = co->name;
            fn->qualname = co->qualname;
            if (arg & 8) fn->closure = AS_TUPLE(POP());
            if (arg & 2) fn->kwdefaults = AS_DICT(POP());
            if (arg & 1) fn->defaults = AS_TUPLE(POP());
            PUSH(v_obj(fn));
            break;
        }
        TARGET(RETURN_VALUE) {
            r = POP();
            int kind = f->kind;
            Value *ret = f->ret;
            if (kind & FR_INIT) {
                if (!is_none(r)) {
                    SAVE();
                    exc_raise(T, EXC_TypeError, "__init__() should return None, not '%s'", obj_type_name(S, r));
                    goto error;
                }
                r = *ret;
            } else if (kind & FR_CLASSBODY) {
                SAVE();
                r = build_class(T, f);
                if (is_undef(r)) goto error;
            }
            if (kind & FR_COLLECT) {
                /* one more item: ask the iterator for the next */
                Value list = f->extra, *slot = f->slot;
                list_append(S, AS_LIST(list), r);
                frame_pop(c);
                T->clock = CLK();
                RELOAD();
                f->sp = ret;
                if (collect_next(T, c, f, slot, list) < 0) goto error;
                RELOAD();
                /* a return and a call: an eval-breaker point, where the
                 * limits and the collector are met (list() of an endless
                 * iterator otherwise grew without either) */
                goto breaker_check;
            }
            /* write the result before popping: the frame may own the
             * chunk that holds the result slot */
            *ret = r;
            frame_pop(c);
            if ((kind & FR_BASE) && c->nframes == 0 && c->gen && c->gen->h.kind == K_GREEN) {
                /* a greenlet ended: its parent's switch() returns r */
                T->clock = CLK();
                c = green_exit(T, c, r);
                RELOAD();
                break;
            }
            if ((kind & FR_BASE) && c->nframes == 0 && c->gen && c->gen->h.kind == K_AGEN) {
                /* an async generator ended: StopAsyncIteration to its awaiter */
                T->clock = CLK();
                c = gen_agen_return(T, c);
                RELOAD();
                ERR_IF(!is_undef(T->exc));
                break;
            }
            if ((kind & FR_BASE) && c->nframes == 0 && c->gen && c->gen->mode >= GM_AWAIT) {
                /* a coroutine returned: to its awaiter, or its task ended */
                T->clock = CLK();
                c = c->gen->mode == GM_AWAIT ? gen_await_exit(T, c, r) : T->driver->task_exit(T, c, r);
                RELOAD();
                THROWN_IN();
                break;
            }
            if ((kind & FR_BASE) && c->nframes == 0 && c->gen && c->gen->mode != GM_NESTED) {
                /* a driven generator finished: back to its driver */
                Gen *g = c->gen;
                int mode = g->mode;
                List *items = g->collect;
                Value *slot = g->slot;
                g->collect = NULL;
                c = gen_leave(T, c, GEN_DONE);
                T->clock = CLK();
                RELOAD();
                if (mode == GM_FORITER) {
                    sp--;
                    pc = INSTR_ARG(ops[pc - 1]);
                } else if (mode == GM_SEND) {
                    /* `yield from` ends with the return value */
                    sp[-1] = r;
                    pc = INSTR_ARG(ops[pc - 1]);
                } else if (mode == GM_CALL) {
                    /* next(g) of a generator that returned */
                    T->exc = gen_stop_iteration(T, r);
                    goto error;
                } else {
                    *slot = v_obj(items);
                }
                break;
            }
            if (kind & FR_BASE) {
                T->resume_val = r;
                if (!c->nframes) c->top = ret;
                LEAVE(RUN_DONE);
            }
            c->frames[c->nframes - 1].sp = ret + 1;
            T->clock = CLK();
            RELOAD();
            goto breaker_check;
        }
        TARGET(BUILD_CLASS) {
            Value bases = POP();
            Value name = POP();
            Value fnv = sp[-1];
            Tuple *bt = AS_TUPLE(bases);
            SAVE();
            for (int64_t i = 0; i < bt->n; i++) {
                Value bv = bt->v[i];
                if (!is_class(bv)) {
                    exc_raise(T, EXC_TypeError, "class bases must be classes, not %s", obj_type_name(S, bv));
                    goto error;
                }
                if (AS_CLASS(bv)->cflags & CF_FINAL) {
                    exc_raise(T, EXC_TypeError, "type '%s' is not an acceptable base type", AS_CLASS(bv)->name->s);
                    goto error;
                }
                int ty = AS_CLASS(bv)->type_id;
                if (ty >= 0 && ty != TY_OBJECT && ty != TY_LIST && ty != TY_DICT && ty != TY_SET) {
                    exc_raise(T, EXC_TypeError, "subclassing '%s' is not supported by the simulator", AS_CLASS(bv)->name->s);
                    goto error;
                }
            }
            Func *fn = AS_FUNC(fnv);
            Code *co = fn->code;
            Value *ret = sp - 1;
            f->sp = sp;
            Chunk *opened;
            Value *loc = ctx_region(c, sp, (size_t)co->nlocalsplus + (size_t)co->maxstack, &opened);
            if (c->base_depth + c->nframes >= S->recursion_limit) {
                if (opened) chunk_release(c, opened);
                vm_recursion_error(T);
                goto error;
            }
            Frame *nf = frame_alloc(T, c);
            nf->code = co;
            nf->func = fn;
            nf->globals = fn->globals;
            nf->ns = dict_new(S);
            nf->locals = loc;
            nf->sp = loc + co->nlocalsplus;
            nf->ret = ret;
            nf->chunk = opened;
            nf->kind = FR_CLASSBODY;
            nf->extra = tuple_pair(S, name, bases);
            frame_cells(S, nf, fn);
            c->frames[c->nframes - 2].sp = sp;
            RELOAD();
            break;
        }
        TARGET(RAISE_VARARGS) {
            SAVE();
            if (arg == 0) {
                if (is_undef(c->handled) || is_none(c->handled)) {
                    exc_raise(T, EXC_RuntimeError, "No active exception to reraise");
                    goto error;
                }
                T->exc = c->handled;
                reraise = true;
                goto error;
            }
            Value cause = arg == 2 ? POP() : v_undef();
            a = POP();
            SAVE();
            Value exc;
            if (make_exception(T, a, &exc) < 0) goto error;
            if (arg == 2) {
                Value cv = cause;
                if (!is_none(cause) && make_exception(T, cause, &cv) < 0) {
                    T->exc = v_undef();
                    exc_raise(T, EXC_TypeError, "exception causes must derive from BaseException");
                    goto error;
                }
                exc_set_cause(exc, cv);
            }
            exc_raise_value(T, exc);
            goto error;
        }
        TARGET(RERAISE)
            T->exc = POP();
            reraise = true;
            SAVE();
            goto error;
        TARGET(PUSH_EXC_INFO)
            a = sp[-1];
            sp[-1] = c->handled;
            PUSH(a);
            c->handled = a;
            break;
        TARGET(POP_EXCEPT)
            c->handled = POP();
            break;
        TARGET(CHECK_EXC_MATCH) {
            bool m;
            b = POP();
            SAVE();
            ERR_IF(check_exc_match(T, sp[-1], b, &m) < 0);
            PUSH(v_bool(m));
            break;
        }
        TARGET(BEFORE_WITH) {
            a = POP();
            SAVE();
            Str *ename = S->sym[arg ? SYM_aenter : SYM_enter], *xname = S->sym[arg ? SYM_aexit : SYM_exit];
            Class *cls = obj_type_of(S, a);
            if (is_undef(obj_class_lookup(S, cls, ename)) || is_undef(obj_class_lookup(S, cls, xname))) {
                exc_raise(T, EXC_TypeError, "'%s' object does not support the %scontext manager protocol", obj_type_name(S, a),
                         arg ? "asynchronous " : "");
                goto error;
            }
            Value ex;
            ERR_IF(attr_get(T, a, xname, &ex) < 0);
            bool unbound;
            ERR_IF(attr_get_method(T, a, ename, &r, &unbound) < 0);
            RELOAD();
            PUSH(ex);
            PUSH(r);
            PUSH(unbound ? a : v_undef());
            break;
        }
        TARGET(WITH_EXCEPT_START) {
            Value exc = sp[-1];
            Value ex = sp[-3];
            PUSH(ex);
            PUSH(v_undef());
            PUSH(v_obj(obj_type_of(S, exc)));
            PUSH(exc);
            PUSH(v_none());
            break;
        }
        TARGET(FORMAT_VALUE) {
            Value spec = (arg & 0x100) ? POP() : v_undef();
            a = sp[-1];
            if (is_str(a) && !(arg & 0xFF) && is_undef(spec)) break;
            if (is_int(a) && !(arg & 0xFF) && is_undef(spec)) {
                char buf[20];
                int k = fmt_i64(buf, a.u.i);
                sp[-1] = str_value_n(S, buf, (size_t)k);
                break;
            }
            SAVE();
            ERR_IF(do_format(T, a, (int)(arg & 0xFF), spec, &r) < 0);
            RELOAD();
            sp[-1] = r;
            break;
        }
        TARGET(IMPORT_NAME)
            SAVE();
            ERR_IF(S->import->import(T, names[arg], &r) < 0);
            PUSH(r);
            break;
        TARGET(IMPORT_FROM)
            SAVE();
            ERR_IF(S->import->import_from(T, sp[-1], names[arg], &r) < 0);
            PUSH(r);
            break;
        TARGET(LOAD_ASSERTION_ERROR) PUSH(v_obj(S->exc[EXC_AssertionError])); break;
        TARGET(YIELD_VALUE)
            if (c->gen && c->gen->h.kind == K_AGEN) {
                /* an async generator's value: the result of the await of
                 * its __anext__() (or asend) */
                r = POP();
                SAVE();
                c = gen_agen_yield(T, c, r);
                RELOAD();
                ERR_IF(!is_undef(T->exc));
                break;
            }
            if (c->gen && c->gen->mode == GM_AWAIT) {
                /* an __await__ generator's value: for the chain's driver */
                r = POP();
                SAVE();
                ERR_IF(gen_trap_yield(T, c, r) == AIO_ERROR);
                c = T->cur;
                RELOAD();
                THROWN_IN();
                break;
            }
            if (c->gen && c->gen->mode == GM_COLLECT) {
                /* the consumer wants everything: keep going */
                list_append(S, c->gen->collect, POP());
                PUSH(v_none());
                break;
            }
            if (c->gen && c->gen->mode != GM_NESTED && c->gen->mode < GM_AWAIT) {
                /* back to the for loop, the `yield from` or the call that
                 * drives it, with the value on its stack */
                r = POP();
                SAVE();
                c = gen_leave(T, c, GEN_SUSPENDED);
                RELOAD();
                PUSH(r);
                break;
            }
            T->resume_val = POP();
            SAVE();
            LEAVE(RUN_YIELD);
        TARGET(POP_ITER)
            a = POP();
            if (is_kind(a, K_GEN) && ((Gen *)a.u.o)->state == GEN_SUSPENDED) {
                /* an exception from its close is lost, as CPython only
                 * reports it ("Exception ignored in") */
                SAVE();
                Value saved = T->exc;
                if (gen_close(T, (Gen *)a.u.o) < 0) T->exc = saved;
                RELOAD();
            }
            break;
        TARGET(GET_YIELD_FROM_ITER)
            if (is_kind(sp[-1], K_CORO)) {
                SAVE();
                exc_raise(T, EXC_TypeError, "cannot 'yield from' a coroutine object in a non-coroutine generator");
                goto error;
            }
            if (!is_kind(sp[-1], K_GEN)) {
                SAVE();
                ERR_IF(obj_iter(T, sp[-1], &r) < 0);
                sp[-1] = r;
            }
            break;
        TARGET(SEND) {
            /* sp[-2]: the subiterator, sp[-1]: the value to send it */
            a = sp[-2];
            if (is_kind(a, K_GEN) && !T->nested) {
                Gen *g = (Gen *)a.u.o;
                b = POP();
                SAVE();
                if (g->state == GEN_DONE) {
                    sp[-1] = v_none();
                    pc = arg;
                    break;
                }
                ERR_IF(gen_check_send(T, g, b) < 0);
                c = gen_enter(T, g, c, GM_SEND, b);
                RELOAD();
                break;
            }
            SAVE();
            int rs;
            if (is_kind(a, K_GEN)) {
                rs = gen_resume(T, (Gen *)a.u.o, sp[-1], v_undef(), &r);
            } else if (is_none(sp[-1])) {
                rs = obj_next(T, a, &r);
                if (rs == 0) r = v_none();
            } else {
                /* iter.send(value); StopIteration ends it with its value */
                rs = vm_call_method(T, a, str_intern(S, "send", 4), &sp[-1], 1, &r) < 0 ? -1 : 1;
                if (rs < 0 && exc_matches(S, T->exc, EXC_StopIteration)) {
                    Tuple *ea = exc_args(S, T->exc);
                    r = ea && ea->n ? ea->v[0] : v_none();
                    T->exc = v_undef();
                    rs = 0;
                }
            }
            RELOAD();
            ERR_IF(rs < 0);
            if (rs == 0) {
                sp--;
                sp[-1] = r;
                pc = arg;
            } else {
                sp[-1] = r;
            }
            break;
        }
        TARGET(GET_AWAITABLE)
            /* a coroutine not yet started: await it (gen_await_op checks the rest) */
            if (is_kind(sp[-1], K_CORO) && ((struct Gen *)sp[-1].u.o)->state == GEN_CREATED) break;
#if defined(__GNUC__)
            __attribute__((fallthrough)); /* past the labels TARGET adds */
#else
            /* fall through */
#endif
        TARGET(AWAIT) TARGET(GET_AITER) TARGET(GET_ANEXT) TARGET(END_ASYNC_FOR) {
            SAVE();
            Frame *frames0 = c->frames;
            int32_t nframes0 = c->nframes;
            int rr = gen_await_op(T, (int)INSTR_OP(ins));
            if (rr == AIO_CONTINUE) {
                if (LIKELY(T->cur == c && c->frames == frames0 && c->nframes == nframes0 && f->pc == pc)) {
                    /* nothing moved: the stack as gen_await_op left it, the clock */
                    sp = f->sp;
                    left = limit - T->clock;
                    break;
                }
                RELOAD();
                break;
            }
            if (rr == AIO_ERROR || rr == AIO_RERAISE) {
                RELOAD();
                reraise = rr == AIO_RERAISE;
                goto error;
            }
            if (rr == AIO_RELOAD) {
                c = T->cur;
                RELOAD();
                THROWN_IN();
                break;
            }
            /* AIO_LEAVE is the drivers' only */
            SAVE();
            exc_raise(T, EXC_RuntimeError, "internal error: await op %d", rr);
            goto error;
        }
        default:
            SAVE();
            exc_raise(T, EXC_RuntimeError, "internal error: unknown opcode %u", INSTR_OP(ins));
            goto error;
        }
    next:
        continue;

    breaker_check:
        EVAL_BREAKER(0)
        continue;

    error:
        if (UNLIKELY(S->fatal.set)) {
            /* a limit a native hit (a loop in C past max_ops): the run
             * ends here, whatever handlers the program has.  The saved
             * state is current (as below), and the clock holds what the
             * native charged: reloaded, not saved over from `left` */
            RELOAD();
            LEAVE(RUN_FATAL);
        }
        /* T->exc holds the exception; pc is past the failing op (every
         * jump here follows a SAVE, so the saved state is current) */
        RELOAD();
        if (!reraise) exc_add_tb(T, T->exc, code, code->lines[pc ? pc - 1 : 0]);
        reraise = false;
        for (;;) {
            ExcEntry *h = find_handler(code, pc ? pc - 1 : 0);
            if (h) {
                sp = locals + code->nlocalsplus + h->depth;
                PUSH(T->exc);
                T->exc = v_undef();
                pc = h->target;
                break;
            }
            int kind = f->kind;
            Value *fret = f->ret;
            Value flist = f->extra, *fslot = f->slot;
            frame_pop(c);
            if ((kind & FR_BASE) && c->nframes == 0 && c->gen && c->gen->h.kind == K_GREEN) {
                /* into the parent of the greenlet, at its switch() */
                T->clock = CLK();
                c = green_exit(T, c, v_undef());
                RELOAD();
                exc_add_tb(T, T->exc, code, code->lines[pc ? pc - 1 : 0]);
                continue;
            }
            if ((kind & FR_BASE) && c->nframes == 0 && c->gen && c->gen->mode == GM_TASK) {
                /* the exception ends the task; the loop goes on */
                T->clock = CLK();
                c = T->driver->task_exit(T, c, v_undef());
                RELOAD();
                if (!is_undef(T->exc)) {
                    /* SystemExit/KeyboardInterrupt leave the loop too */
                    exc_add_tb(T, T->exc, code, code->lines[pc ? pc - 1 : 0]);
                    continue;
                }
                THROWN_IN();
                break;
            }
            if ((kind & FR_BASE) && c->nframes == 0 && c->gen && c->gen->h.kind == K_AGEN) {
                /* into the awaiter of the async generator (aclose() ends
                 * quietly on GeneratorExit) */
                c = gen_agen_raise(T, c);
                RELOAD();
                if (is_undef(T->exc)) break;
                exc_add_tb(T, T->exc, code, code->lines[pc ? pc - 1 : 0]);
                continue;
            }
            if ((kind & FR_BASE) && c->nframes == 0 && c->gen && c->gen->mode != GM_NESTED) {
                /* the exception leaves the generator (or an awaited
                 * coroutine) into its driver */
                bool collecting = c->gen->mode == GM_COLLECT;
                bool coro = c->gen->h.kind == K_CORO;
                c->gen->collect = NULL;
                c = c->gen->mode == GM_AWAIT ? gen_await_exit(T, c, v_undef()) : gen_leave(T, c, GEN_DONE);
                RELOAD();
                if (exc_matches(S, T->exc, EXC_StopIteration)) {
                    T->exc = v_undef();
                    exc_raise(T, EXC_RuntimeError, "%s raised StopIteration", coro ? "coroutine" : "generator");
                }
                /* the driver's pc is past FOR_ITER, or at the CALL */
                if (collecting) pc++;
                exc_add_tb(T, T->exc, code, code->lines[pc ? pc - 1 : 0]);
                continue;
            }
            if (kind & FR_BASE) {
                if (!c->nframes) c->top = fret ? fret : c->top;
                LEAVE(RUN_ERROR);
            }
            RELOAD();
            if ((kind & FR_COLLECT) && exc_matches(S, T->exc, EXC_StopIteration)) {
                /* collected: the call runs again with the list */
                T->exc = v_undef();
                *fslot = flist;
                sp = fret;
                break;
            }
            if ((kind & FR_NEXTDEF) && exc_matches(S, T->exc, EXC_StopIteration)) {
                /* next(it, default): exhausted, the default is the result */
                T->exc = v_undef();
                *fret = flist;
                sp = fret + 1;
                break;
            }
            if (kind & FR_COLLECT) pc++; /* the caller stopped at its CALL */
            if ((kind & FR_FORITER) && exc_matches(S, T->exc, EXC_StopIteration)) {
                /* the iterator is exhausted: leave the loop */
                T->exc = v_undef();
                sp = fret - 1;
                pc = INSTR_ARG(ops[pc - 1]);
                break;
            }
            exc_add_tb(T, T->exc, code, code->lines[pc ? pc - 1 : 0]);
        }
        continue;
    }

leave:
    T->clock = CLK();
    S->ops += nops;
    return status;
#undef SAVE
#undef CLK
#undef TARGET
#undef DISPATCH
#undef FETCH
#undef RELOAD
#undef LEAVE
#undef PUSH
#undef POP
#undef TOP
#undef ERR_IF
}

/* ---- calls from C ---- */

int vm_call(Task *T, Value func, Value *args, int nargs, Tuple *kwnames, Value *out)
{
    Sim *S = T->S;
    Ctx *c = T->cur;
    if (is_kind(func, K_NATIVE)) {
        Value r = v_none();
        int rc = call_native(T, AS_NATIVE(func), &r, args, nargs, kwnames);
        if (rc == CALL_BLOCK || rc == CALL_RETRY || rc == CALL_YIELD)
            return exc_raise(T, EXC_RuntimeError, "a blocking call (%s) inside a callback run from C code is not supported by the simulator",
                            AS_NATIVE(func)->name);
        if (rc == CALL_ERROR) return -1;
        *out = r;
        return 0;
    }
    /* The result lands in a C local: collection is off during nested runs,
     * so nothing needs to find it. */
    Value result = v_none();
    int32_t base_frames = c->nframes;
    int how = invoke(T, &result, ctx_top(c), func, args, nargs, kwnames, false, FR_BASE);
    int rc = 0;
    if (how == CALL_FRAME) {
        if (T->nested >= MAX_NESTED_RUNS) {
            while (c->nframes > base_frames) frame_pop(c);
            return vm_recursion_error(T);
        }
        T->nested++;
        S->gc_inhibit++;
        RunStatus st = vm_run(T);
        S->gc_inhibit--;
        T->nested--;
        if (st == RUN_DONE) {
            *out = result;
        } else if (st == RUN_ERROR) {
            rc = -1;
        } else {
            /* it blocked or hit a limit inside C-called code: unwind */
            while (c->nframes > base_frames) frame_pop(c);
            T->resume_pending = false;
            if (st == RUN_FATAL) rc = exc_raise(T, EXC_RuntimeError, "%s", S->fatal.msg);
            else
                rc = exc_raise(T, EXC_RuntimeError,
                              "a blocking call inside a callback run from C code (a key function, __str__, __eq__...) is not supported by the simulator");
        }
    } else if (how == CALL_DONE) {
        *out = result;
    } else if (how == CALL_BLOCK || how == CALL_RETRY) {
        rc = exc_raise(T, EXC_RuntimeError, "a blocking call inside a callback run from C code is not supported by the simulator");
    } else {
        rc = -1;
    }
    return rc;
}

int vm_call_method(Task *T, Value obj, Str *name, Value *args, int nargs, Value *out)
{
    Value m;
    if (attr_get(T, obj, name, &m) < 0) return -1;
    return vm_call(T, m, args, nargs, NULL, out);
}

int vm_start_call(Task *T, Value func, Value *args, int nargs, Tuple *kwnames, Value *out)
{
    Ctx *c = T->cur;
    Chunk *opened;
    Value *slot = ctx_region(c, ctx_top(c), 1, &opened);
    slot[0] = v_none();
    Value *saved_top = c->top;
    c->top = slot + 1;
    int how = invoke(T, slot, slot + 1, func, args, nargs, kwnames, false, FR_BASE);
    if (how == CALL_FRAME) {
        /* the base frame owns the chunk holding its result slot */
        Frame *f = &c->frames[c->nframes - 1];
        if (opened && !f->chunk) f->chunk = opened;
        return 0;
    }
    c->top = saved_top;
    if (opened && c->chunk == opened) chunk_release(c, opened);
    if (how == CALL_DONE) {
        *out = *slot;
        return 1;
    }
    if (how == CALL_BLOCK || how == CALL_RETRY)
        return exc_raise(T, EXC_RuntimeError, "a blocking builtin cannot be a thread's target in the simulator");
    return -1;
}

int vm_push_func(Task *T, Func *fn, Value *args, int nargs, Tuple *kwnames)
{
    Ctx *c = T->cur;
    Chunk *opened;
    /* room for the result slot and the frame at once: one chunk */
    Code *co = fn->code;
    Value *slot = ctx_region(c, ctx_top(c), 1 + (size_t)co->nlocalsplus + (size_t)co->maxstack, &opened);
    slot[0] = v_none();
    c->top = slot + 1;
    if (push_func_frame(T, fn, slot, slot + 1, args, nargs, kwnames, false, FR_BASE) < 0) {
        c->top = slot;
        if (opened && c->chunk == opened) chunk_release(c, opened);
        return -1;
    }
    Frame *f = &c->frames[c->nframes - 1];
    if (opened && !f->chunk) f->chunk = opened;
    return 0;
}

void vm_start_module(Task *T, Code *code, Dict *globals)
{
    Ctx *c = T->cur;
    Chunk *opened;
    size_t need = 1 + (size_t)code->nlocalsplus + (size_t)code->maxstack;
    Value *slot = ctx_region(c, ctx_top(c), need, &opened);
    slot[0] = v_none();
    Frame *f = frame_alloc(T, c);
    f->code = code;
    f->globals = globals;
    f->ns = globals;
    f->locals = slot + 1;
    f->sp = slot + 1 + code->nlocalsplus;
    f->ret = slot;
    f->chunk = opened;
    f->kind = FR_BASE | FR_MODULE;
}
