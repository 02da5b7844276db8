/* mod_collections.c - collections.deque in C (as CPython's _collections),
 * and the collections module's registration; the rest of collections is
 * Python (sim/py/collections.py).
 *
 * A deque is a ring buffer of values.  Operations at either end are O(1)
 * and charge nothing beyond their call; the ones that walk it (extend,
 * rotate, index, count, remove, in, ==, repr, copy, insert and del in the
 * middle) charge per element they touch, as list operations do. */
#include "mod_collections.h"
#include "attr.h"
#include "dict.h"
#include "gc.h"
#include "list.h"
#include "native.h"
#include "proc.h"
#include "repr.h"
#include "str.h"
#include "tuple.h"

#include <stdio.h>
#include <stdlib.h>

typedef struct Deque {
    Value *v;
    int64_t cap, head, n;
    int64_t maxlen;        /* -1: unbounded */
    uint64_t state;        /* bumped by every mutation (iterators check it) */
} Deque;

typedef struct DequeIter {
    Value deque;
    int64_t i;             /* items handed out */
    uint64_t state;
    bool reversed;
} DequeIter;

static const PayloadOps deque_ops, dequeiter_ops;
static Class *iter_class(Sim *S, bool reversed);

/* ---- the ring buffer ---- */

static inline Value *slot(Deque *d, int64_t i) { return &d->v[(d->head + i) % d->cap]; }

static void grow(Deque *d)
{
    int64_t ncap = d->cap ? d->cap * 2 : 8;
    Value *nv = xmalloc((size_t)ncap * sizeof(Value));
    for (int64_t i = 0; i < d->n; i++) nv[i] = *slot(d, i);
    free(d->v);
    d->v = nv;
    d->cap = ncap;
    d->head = 0;
}

static void push_right(Deque *d, Value x)
{
    if (d->maxlen == 0) return;
    if (d->maxlen > 0 && d->n == d->maxlen) {
        d->head = (d->head + 1) % d->cap;
        d->n--;
    }
    if (d->n == d->cap) grow(d);
    *slot(d, d->n) = x;
    d->n++;
    d->state++;
}

static void push_left(Deque *d, Value x)
{
    if (d->maxlen == 0) return;
    if (d->maxlen > 0 && d->n == d->maxlen) d->n--;
    if (d->n == d->cap) grow(d);
    d->head = (d->head + d->cap - 1) % d->cap;
    d->v[d->head] = x;
    d->n++;
    d->state++;
}

static Value pop_right(Deque *d)
{
    Value x = *slot(d, d->n - 1);
    d->n--;
    d->state++;
    return x;
}

static Value pop_left(Deque *d)
{
    Value x = d->v[d->head];
    d->head = (d->head + 1) % d->cap;
    d->n--;
    d->state++;
    return x;
}

/* Remove the item at i, moving the shorter side. */
static void del_at(Task *T, Deque *d, int64_t i)
{
    if (i < d->n - 1 - i) {
        for (int64_t k = i; k > 0; k--) *slot(d, k) = *slot(d, k - 1);
        d->head = (d->head + 1) % d->cap;
        charge_items(T, i / 8);
    } else {
        for (int64_t k = i; k < d->n - 1; k++) *slot(d, k) = *slot(d, k + 1);
        charge_items(T, (d->n - 1 - i) / 8);
    }
    d->n--;
    d->state++;
}

static void deque_mark(Sim *S, void *p)
{
    Deque *d = p;
    for (int64_t i = 0; i < d->n; i++) gc_mark_value(S, *slot(d, i));
}

static void deque_free(Sim *S, void *p)
{
    (void)S;
    Deque *d = p;
    free(d->v);
    free(d);
}

static Deque *deque_new_payload(void)
{
    Deque *d = xcalloc(1, sizeof *d);
    d->maxlen = -1;
    return d;
}

/* a process gets its own copy, items copied as a list's are */
static int deque_clone(Copier *C, Value v, Value *out)
{
    Deque *d = AS_INST(v)->payload, *nd = deque_new_payload();
    nd->maxlen = d->maxlen;
    if (proc_copy_instance(C, v, nd, out) < 0) {
        deque_free(NULL, nd);
        return -1;
    }
    proc_copy_bytes(C, 2);
    for (int64_t i = 0; i < d->n; i++) {
        Value x;
        if (proc_copy_nested(C, *slot(d, i), &x) < 0) return -1;
        push_right(nd, x);
    }
    return 0;
}

static const PayloadOps deque_ops = {"deque", deque_mark, deque_free, deque_clone, NULL, NULL, false, false};

static void dequeiter_mark(Sim *S, void *p) { gc_mark_value(S, ((DequeIter *)p)->deque); }
static void dequeiter_free(Sim *S, void *p)
{
    (void)S;
    free(p);
}
static const PayloadOps dequeiter_ops = {"deque_iterator", dequeiter_mark, dequeiter_free, NULL, NULL, NULL, true, false};

static Deque *deque_of(Task *T, Value v)
{
    if (is_instance(v) && AS_INST(v)->cls->payload == &deque_ops && AS_INST(v)->payload) return AS_INST(v)->payload;
    exc_raise(T, EXC_TypeError, "descriptor requires a 'collections.deque' object but received a '%s'", obj_type_name(T->S, v));
    return NULL;
}

static bool is_deque(Value v) { return is_instance(v) && AS_INST(v)->cls->payload == &deque_ops && AS_INST(v)->payload; }

/* ---- construction ---- */

NATIVE(deque_ctor)
{
    Instance *in = obj_instance_new(T->S, AS_CLASS(args[0]));
    in->payload = deque_new_payload();
    *out = v_obj(in);
    return NAT_OK;
}

static int extend_right(Task *T, Deque *d, Value self, Value iterable)
{
    if (obj_same(self, iterable)) {
        List *l;
        if (obj_to_list(T, iterable, &l) < 0) return -1;
        iterable = v_obj(l);
    }
    Value it;
    if (obj_iter(T, iterable, &it) < 0) return -1;
    int64_t k = 0;
    for (;;) {
        Value x;
        int r = obj_next(T, it, &x);
        if (r < 0) return -1;
        if (r == 0) break;
        push_right(d, x);
        k++;
    }
    charge_items(T, k);
    return 0;
}

static int extend_left(Task *T, Deque *d, Value self, Value iterable)
{
    if (obj_same(self, iterable)) {
        List *l;
        if (obj_to_list(T, iterable, &l) < 0) return -1;
        iterable = v_obj(l);
    }
    Value it;
    if (obj_iter(T, iterable, &it) < 0) return -1;
    int64_t k = 0;
    for (;;) {
        Value x;
        int r = obj_next(T, it, &x);
        if (r < 0) return -1;
        if (r == 0) break;
        push_left(d, x);
        k++;
    }
    charge_items(T, k);
    return 0;
}

NATIVE(deque_init)
{
    Value a[2];
    if (nat_parse(T, "deque", args + 1, nargs - 1, kw, "|iterable,maxlen", a) < 0) return NAT_ERR;
    Deque *d = deque_of(T, args[0]);
    if (!d) return NAT_ERR;
    int64_t maxlen = -1;
    if (!is_undef(a[1]) && !is_none(a[1])) {
        if (!is_intlike(a[1])) return exc_raise(T, EXC_TypeError, "an integer is required");
        maxlen = a[1].u.i;
        if (maxlen < 0) return exc_raise(T, EXC_ValueError, "maxlen must be non-negative");
    }
    d->n = 0;
    d->head = 0;
    d->state++;
    d->maxlen = maxlen;
    if (!is_undef(a[0]) && extend_right(T, d, args[0], a[0]) < 0) return NAT_ERR;
    *out = v_none();
    return NAT_OK;
}

/* ---- methods ---- */

#define SELF_DEQUE(name, lo, hi) \
    if (nat_count(T, name, nargs, kw, (lo) + 1, (hi) + 1) < 0) return NAT_ERR; \
    Deque *d = deque_of(T, args[0]); \
    if (!d) return NAT_ERR

NATIVE(deque_append)
{
    SELF_DEQUE("append", 1, 1);
    push_right(d, args[1]);
    *out = v_none();
    return NAT_OK;
}

NATIVE(deque_appendleft)
{
    SELF_DEQUE("appendleft", 1, 1);
    push_left(d, args[1]);
    *out = v_none();
    return NAT_OK;
}

NATIVE(deque_pop)
{
    SELF_DEQUE("pop", 0, 0);
    if (d->n == 0) return exc_raise(T, EXC_IndexError, "pop from an empty deque");
    *out = pop_right(d);
    return NAT_OK;
}

NATIVE(deque_popleft)
{
    SELF_DEQUE("popleft", 0, 0);
    if (d->n == 0) return exc_raise(T, EXC_IndexError, "pop from an empty deque");
    *out = pop_left(d);
    return NAT_OK;
}

NATIVE(deque_extend)
{
    SELF_DEQUE("extend", 1, 1);
    if (extend_right(T, d, args[0], args[1]) < 0) return NAT_ERR;
    *out = v_none();
    return NAT_OK;
}

NATIVE(deque_extendleft)
{
    SELF_DEQUE("extendleft", 1, 1);
    if (extend_left(T, d, args[0], args[1]) < 0) return NAT_ERR;
    *out = v_none();
    return NAT_OK;
}

NATIVE(deque_clear)
{
    SELF_DEQUE("clear", 0, 0);
    d->n = 0;
    d->head = 0;
    d->state++;
    *out = v_none();
    return NAT_OK;
}

NATIVE(deque_rotate)
{
    SELF_DEQUE("rotate", 0, 1);
    int64_t k = 1;
    if (nargs > 1 && nat_arg_int(T, args[1], "rotate", &k) < 0) return NAT_ERR;
    if (d->n > 1) {
        int64_t n = d->n;
        k %= n;
        if (k < 0) k += n;
        /* right by k: move k items from the right end to the left */
        int64_t moves = k <= n / 2 ? k : n - k;
        if (k <= n / 2) {
            for (int64_t i = 0; i < k; i++) {
                Value x = pop_right(d);
                d->head = (d->head + d->cap - 1) % d->cap;
                d->v[d->head] = x;
                d->n++;
            }
        } else {
            for (int64_t i = 0; i < n - k; i++) {
                Value x = pop_left(d);
                *slot(d, d->n) = x;
                d->n++;
            }
        }
        d->state++;
        charge_items(T, moves);
    }
    *out = v_none();
    return NAT_OK;
}

NATIVE(deque_reverse)
{
    SELF_DEQUE("reverse", 0, 0);
    for (int64_t i = 0, j = d->n - 1; i < j; i++, j--) {
        Value t = *slot(d, i);
        *slot(d, i) = *slot(d, j);
        *slot(d, j) = t;
    }
    d->state++;
    charge_items(T, d->n / 2);
    *out = v_none();
    return NAT_OK;
}

NATIVE(deque_count)
{
    SELF_DEQUE("count", 1, 1);
    int64_t c = 0;
    uint64_t st = d->state;
    for (int64_t i = 0; i < d->n; i++) {
        int r = obj_eq(T, *slot(d, i), args[1]);
        if (r < 0) return NAT_ERR;
        if (d->state != st) return exc_raise(T, EXC_RuntimeError, "deque mutated during iteration");
        c += r;
    }
    charge_items(T, d->n);
    *out = v_int(c);
    return NAT_OK;
}

static int find(Task *T, Deque *d, Value x, int64_t lo, int64_t hi, int64_t *at)
{
    uint64_t st = d->state;
    for (int64_t i = lo; i < hi && i < d->n; i++) {
        int r = obj_same(*slot(d, i), x) ? 1 : obj_eq(T, *slot(d, i), x);
        if (r < 0) return -1;
        if (d->state != st) return exc_raise(T, EXC_RuntimeError, "deque mutated during iteration");
        if (r) {
            charge_items(T, i - lo + 1);
            *at = i;
            return 1;
        }
    }
    charge_items(T, hi - lo);
    return 0;
}

NATIVE(deque_index)
{
    SELF_DEQUE("index", 1, 3);
    int64_t lo = 0, hi = d->n;
    if (nargs > 2 && nat_arg_int(T, args[2], "index", &lo) < 0) return NAT_ERR;
    if (nargs > 3 && nat_arg_int(T, args[3], "index", &hi) < 0) return NAT_ERR;
    if (lo < 0) lo = lo + d->n < 0 ? 0 : lo + d->n;
    if (hi < 0) hi = hi + d->n < 0 ? 0 : hi + d->n;
    if (hi > d->n) hi = d->n;
    int64_t at;
    int r = find(T, d, args[1], lo, hi, &at);
    if (r < 0) return NAT_ERR;
    if (r == 0) {
        Value rv = repr_value(T, args[1]);
        if (is_undef(rv)) return NAT_ERR;
        return exc_raise(T, EXC_ValueError, "%s is not in deque", AS_STR(rv)->s);
    }
    *out = v_int(at);
    return NAT_OK;
}

NATIVE(deque_remove)
{
    SELF_DEQUE("remove", 1, 1);
    int64_t at;
    int r = find(T, d, args[1], 0, d->n, &at);
    if (r < 0) return NAT_ERR;
    if (r == 0) {
        Value rv = repr_value(T, args[1]);
        if (is_undef(rv)) return NAT_ERR;
        return exc_raise(T, EXC_ValueError, "%s is not in deque", AS_STR(rv)->s);
    }
    del_at(T, d, at);
    *out = v_none();
    return NAT_OK;
}

NATIVE(deque_insert)
{
    SELF_DEQUE("insert", 2, 2);
    int64_t i;
    if (nat_arg_int(T, args[1], "insert", &i) < 0) return NAT_ERR;
    if (d->maxlen >= 0 && d->n >= d->maxlen) return exc_raise(T, EXC_IndexError, "deque already at its maximum size");
    if (i < 0) i = i + d->n < 0 ? 0 : i + d->n;
    if (i > d->n) i = d->n;
    push_right(d, v_none());
    for (int64_t k = d->n - 1; k > i; k--) *slot(d, k) = *slot(d, k - 1);
    *slot(d, i) = args[2];
    charge_items(T, (d->n - i) / 8);
    *out = v_none();
    return NAT_OK;
}

static Value copy_of(Task *T, Value self, Deque *d)
{
    Instance *in = obj_instance_new(T->S, AS_INST(self)->cls);
    Deque *nd = deque_new_payload();
    in->payload = nd;
    nd->maxlen = d->maxlen;
    for (int64_t i = 0; i < d->n; i++) push_right(nd, *slot(d, i));
    charge_items(T, d->n);
    return v_obj(in);
}

NATIVE(deque_copy)
{
    SELF_DEQUE("copy", 0, 0);
    *out = copy_of(T, args[0], d);
    return NAT_OK;
}

NATIVE(deque_len)
{
    SELF_DEQUE("__len__", 0, 0);
    *out = v_int(d->n);
    return NAT_OK;
}

NATIVE(deque_bool)
{
    SELF_DEQUE("__bool__", 0, 0);
    *out = v_bool(d->n > 0);
    return NAT_OK;
}

static int index_of(Task *T, Deque *d, Value key, int64_t *i)
{
    if (is_kind(key, K_SLICE)) return exc_raise(T, EXC_TypeError, "sequence index must be integer, not 'slice'");
    if (!is_intlike(key) && obj_index(T, key, i, NULL) < 0) return -1;
    if (is_intlike(key)) *i = key.u.i;
    if (*i < 0) *i += d->n;
    if (*i < 0 || *i >= d->n) return exc_raise(T, EXC_IndexError, "deque index out of range");
    return 0;
}

NATIVE(deque_getitem)
{
    SELF_DEQUE("__getitem__", 1, 1);
    int64_t i;
    if (index_of(T, d, args[1], &i) < 0) return NAT_ERR;
    *out = *slot(d, i);
    return NAT_OK;
}

NATIVE(deque_setitem)
{
    SELF_DEQUE("__setitem__", 2, 2);
    int64_t i;
    if (index_of(T, d, args[1], &i) < 0) return NAT_ERR;
    *slot(d, i) = args[2];
    *out = v_none();
    return NAT_OK;
}

NATIVE(deque_delitem)
{
    SELF_DEQUE("__delitem__", 1, 1);
    int64_t i;
    if (index_of(T, d, args[1], &i) < 0) return NAT_ERR;
    del_at(T, d, i);
    *out = v_none();
    return NAT_OK;
}

NATIVE(deque_contains)
{
    SELF_DEQUE("__contains__", 1, 1);
    int64_t at;
    int r = find(T, d, args[1], 0, d->n, &at);
    if (r < 0) return NAT_ERR;
    *out = v_bool(r);
    return NAT_OK;
}

static Value make_iter(Task *T, Value self, bool rev)
{
    Sim *S = T->S;
    Class *ic = iter_class(S, rev);
    Instance *in = obj_instance_new(S, ic);
    DequeIter *it = xcalloc(1, sizeof *it);
    it->deque = self;
    it->state = ((Deque *)AS_INST(self)->payload)->state;
    it->reversed = rev;
    in->payload = it;
    return v_obj(in);
}

NATIVE(deque_iter)
{
    SELF_DEQUE("__iter__", 0, 0);
    (void)d;
    *out = make_iter(T, args[0], false);
    return NAT_OK;
}

NATIVE(deque_reversed)
{
    SELF_DEQUE("__reversed__", 0, 0);
    (void)d;
    *out = make_iter(T, args[0], true);
    return NAT_OK;
}

NATIVE(dequeiter_next)
{
    if (nat_count(T, "__next__", nargs, kw, 1, 1) < 0) return NAT_ERR;
    DequeIter *it = AS_INST(args[0])->payload;
    Deque *d = AS_INST(it->deque)->payload;
    if (d->state != it->state) {
        it->i = d->n; /* stays exhausted, as CPython's */
        return exc_raise(T, EXC_RuntimeError, "deque mutated during iteration");
    }
    if (it->i >= d->n) return exc_raise_value(T, exc_new(T, T->S->exc[EXC_StopIteration], NULL, 0));
    *out = *slot(d, it->reversed ? d->n - 1 - it->i : it->i);
    it->i++;
    return NAT_OK;
}

NATIVE(dequeiter_iter)
{
    (void)T, (void)nargs, (void)kw;
    *out = args[0];
    return NAT_OK;
}

NATIVE(dequeiter_length_hint)
{
    (void)T, (void)nargs, (void)kw;
    DequeIter *it = AS_INST(args[0])->payload;
    Deque *d = AS_INST(it->deque)->payload;
    *out = v_int(d->n - it->i > 0 ? d->n - it->i : 0);
    return NAT_OK;
}

NATIVE(deque_repr)
{
    SELF_DEQUE("__repr__", 0, 0);
    Sim *S = T->S;
    Instance *in = AS_INST(args[0]);
    SBuf b = STR_BUF;
    if (obj_repr_enter(S, (Obj *)in)) {
        *out = str_value(S, "[...]");
        return NAT_OK;
    }
    sb_printf(&b, "%s([", in->cls->name->s);
    for (int64_t i = 0; i < d->n; i++) {
        if (i) sb_puts(&b, ", ");
        if (repr_write(T, *slot(d, i), &b) < 0 || obj_cut(T, &b) < 0) {
            obj_repr_leave(S, (Obj *)in);
            sb_free(&b);
            return NAT_ERR;
        }
    }
    obj_repr_leave(S, (Obj *)in);
    sb_putc(&b, ']');
    if (d->maxlen >= 0) sb_printf(&b, ", maxlen=%lld", (long long)d->maxlen);
    sb_putc(&b, ')');
    charge_items(T, d->n);
    return str_from_buf(T, &b, out) < 0 ? NAT_ERR : NAT_OK;
}

/* ==, <, ... between deques: item by item, as lists */
static int deque_compare(Task *T, Value *args, int nargs, Tuple *kw, Value *out, int op)
{
    if (nat_count(T, "__eq__", nargs, kw, 2, 2) < 0) return NAT_ERR;
    if (!is_deque(args[0]) || !is_deque(args[1])) {
        *out = T->S->notimpl;
        return NAT_OK;
    }
    Deque *a = AS_INST(args[0])->payload, *b = AS_INST(args[1])->payload;
    List *la = list_new(T->S, a->n), *lb = list_new(T->S, b->n);
    for (int64_t i = 0; i < a->n; i++) list_append(T->S, la, *slot(a, i));
    for (int64_t i = 0; i < b->n; i++) list_append(T->S, lb, *slot(b, i));
    return obj_richcmp(T, v_obj(la), v_obj(lb), op, out) < 0 ? NAT_ERR : NAT_OK;
}

NATIVE(deque_eq) { return deque_compare(T, args, nargs, kw, out, CMP_EQ); }
NATIVE(deque_ne) { return deque_compare(T, args, nargs, kw, out, CMP_NE); }
NATIVE(deque_lt) { return deque_compare(T, args, nargs, kw, out, CMP_LT); }
NATIVE(deque_le) { return deque_compare(T, args, nargs, kw, out, CMP_LE); }
NATIVE(deque_gt) { return deque_compare(T, args, nargs, kw, out, CMP_GT); }
NATIVE(deque_ge) { return deque_compare(T, args, nargs, kw, out, CMP_GE); }

NATIVE(deque_add)
{
    if (nat_count(T, "__add__", nargs, kw, 2, 2) < 0) return NAT_ERR;
    Deque *d = deque_of(T, args[0]);
    if (!d) return NAT_ERR;
    if (!is_deque(args[1]))
        return exc_raise(T, EXC_TypeError, "can only concatenate deque (not \"%s\") to deque", obj_type_name(T->S, args[1]));
    Value r = copy_of(T, args[0], d);
    Deque *o = AS_INST(args[1])->payload, *rd = AS_INST(r)->payload;
    for (int64_t i = 0; i < o->n; i++) push_right(rd, *slot(o, i));
    charge_items(T, o->n);
    *out = r;
    return NAT_OK;
}

NATIVE(deque_iadd)
{
    SELF_DEQUE("__iadd__", 1, 1);
    if (extend_right(T, d, args[0], args[1]) < 0) return NAT_ERR;
    *out = args[0];
    return NAT_OK;
}

NATIVE(deque_mul)
{
    SELF_DEQUE("__mul__", 1, 1);
    if (!is_intlike(args[1])) {
        *out = T->S->notimpl;
        return NAT_OK;
    }
    int64_t k = args[1].u.i;
    Value r = copy_of(T, args[0], d);
    Deque *rd = AS_INST(r)->payload;
    rd->n = 0;
    rd->head = 0;
    if (k > 0 && obj_check_size(T, k * d->n) < 0) return NAT_ERR;
    for (int64_t j = 0; j < k; j++)
        for (int64_t i = 0; i < d->n; i++) push_right(rd, *slot(d, i));
    charge_items(T, k > 0 ? k * d->n : 0);
    *out = r;
    return NAT_OK;
}

NATIVE(deque_maxlen)
{
    SELF_DEQUE("maxlen", 0, 0);
    *out = d->maxlen < 0 ? v_none() : v_int(d->maxlen);
    return NAT_OK;
}

/* ---- the module ---- */

static Class *new_class(Sim *S, const char *name, const char *module, const PayloadOps *ops)
{
    Class *c = attr_class_new(S, str_intern(S, name, strlen(name)), NULL, NULL, NULL);
    c->payload = ops;
    c->module = str_from_c(S, module);
    c->cflags |= CF_NATIVE_DUNDERS;
    return c;
}

static Class *iter_class(Sim *S, bool reversed)
{
    Value m = dict_get_str(S->native_modules, str_intern(S, "collections", 11));
    Value c = dict_get_str(AS_MODULE(m)->dict, str_intern(S, reversed ? "_deque_reverse_iterator" : "_deque_iterator",
                                                          reversed ? 23 : 15));
    return AS_CLASS(c);
}

static void collections_setup(Sim *S, Dict *d)
{
    Class *c = new_class(S, "deque", "collections", &deque_ops);
    c->ctor = deque_ctor;
    static const MethodDef m[] = {
        {"__init__", deque_init}, {"append", deque_append}, {"appendleft", deque_appendleft},
        {"pop", deque_pop}, {"popleft", deque_popleft}, {"extend", deque_extend},
        {"extendleft", deque_extendleft}, {"clear", deque_clear}, {"rotate", deque_rotate},
        {"reverse", deque_reverse}, {"count", deque_count}, {"index", deque_index},
        {"remove", deque_remove}, {"insert", deque_insert}, {"copy", deque_copy}, {"__copy__", deque_copy},
        {"__len__", deque_len}, {"__bool__", deque_bool}, {"__getitem__", deque_getitem},
        {"__setitem__", deque_setitem}, {"__delitem__", deque_delitem}, {"__contains__", deque_contains},
        {"__iter__", deque_iter}, {"__reversed__", deque_reversed}, {"__repr__", deque_repr},
        {"__eq__", deque_eq}, {"__ne__", deque_ne}, {"__lt__", deque_lt}, {"__le__", deque_le},
        {"__gt__", deque_gt}, {"__ge__", deque_ge}, {"__add__", deque_add}, {"__iadd__", deque_iadd},
        {"__mul__", deque_mul},
    };
    nat_def_methods(S, c, m, ARRAY_LEN(m));
    nat_def_property(S, c, "maxlen", deque_maxlen, NULL);
    dict_set_str(S, c->dict, S->sym[SYM_hash], v_none());
    dict_set_str(S, d, c->name, v_obj(c));
    for (int rev = 0; rev < 2; rev++) {
        const char *nm = rev ? "_deque_reverse_iterator" : "_deque_iterator";
        Class *ic = new_class(S, nm, "collections", &dequeiter_ops);
        ic->module = str_from_c(S, "_collections");
        static const MethodDef im[] = {
            {"__next__", dequeiter_next}, {"__iter__", dequeiter_iter}, {"__length_hint__", dequeiter_length_hint},
        };
        nat_def_methods(S, ic, im, ARRAY_LEN(im));
        dict_set_str(S, d, str_intern(S, nm, strlen(nm)), v_obj(ic));
    }
}

static const ModEntry collections_entries[] = {{NULL, 0, NULL, 0, NULL}};
static const char *const collections_names[] = {"deque", NULL};

const ModDef mod_collections_def = {"collections", collections_entries, collections_names, collections_setup,
                                    "collections", NULL, false, NULL};
