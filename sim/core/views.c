/* views.c - dict keys and items views as sets, as CPython's dictobject.c
 * treats them: comparison by content with sets and other views, membership
 * by dict lookup, and the set operators (& | - ^), which always build a
 * new set.  A view is an Iter of kind IT_VIEW_KEYS/IT_VIEW_ITEMS whose src
 * is the dict; values views are not set-like. */
#include "views.h"
#include "dict.h"
#include "native.h"
#include "set.h"
#include "tuple.h"

bool views_is_setview(Value v)
{
    return is_kind(v, K_ITER) && (AS_ITER(v)->ik == IT_VIEW_KEYS || AS_ITER(v)->ik == IT_VIEW_ITEMS);
}

static bool is_setlike(Value v) { return is_set(v) || views_is_setview(v); }

static Dict *view_dict(Value v) { return AS_DICT(AS_ITER(v)->src); }

int views_contains(Task *T, Value view, Value item)
{
    Dict *d = view_dict(view);
    Value found;
    if (AS_ITER(view)->ik == IT_VIEW_KEYS) return dict_get(T, d, item, &found);
    /* (key, value) in d.items(): look the key up, then compare the value */
    if (!is_tuple(item) || AS_TUPLE(item)->n != 2) return 0;
    int r = dict_get(T, d, AS_TUPLE(item)->v[0], &found);
    if (r <= 0) return r;
    Value want = AS_TUPLE(item)->v[1];
    if (obj_same(found, want)) return 1;
    return obj_eq(T, found, want);
}

static int64_t setlike_len(Value v) { return is_set(v) ? AS_SET(v)->used : view_dict(v)->used; }

static int setlike_contains(Task *T, Value c, Value item)
{
    return is_set(c) ? set_contains(T, AS_SET(c), item) : views_contains(T, c, item);
}

/* Every item of a is in b (CPython's all_contained_in). */
static int all_contained_in(Task *T, Value a, Value b)
{
    Value it;
    if (obj_iter(T, a, &it) < 0) return -1;
    for (;;) {
        Value x;
        int r = obj_next(T, it, &x);
        if (r <= 0) return r < 0 ? -1 : 1;
        charge_items(T, 1);
        r = setlike_contains(T, b, x);
        if (r <= 0) return r;
    }
}

int views_compare(Task *T, Value a, Value b, int op, Value *out)
{
    if (!(views_is_setview(a) || views_is_setview(b)) || !is_setlike(a) || !is_setlike(b)) return 0;
    int64_t la = setlike_len(a), lb = setlike_len(b);
    int r;
    switch (op) {
    case CMP_EQ: case CMP_NE:
        r = la == lb ? all_contained_in(T, a, b) : 0;
        if (r >= 0 && op == CMP_NE) r = !r;
        break;
    case CMP_LT: r = la < lb ? all_contained_in(T, a, b) : 0; break;
    case CMP_LE: r = la <= lb ? all_contained_in(T, a, b) : 0; break;
    case CMP_GT: r = la > lb ? all_contained_in(T, b, a) : 0; break;
    default: r = la >= lb ? all_contained_in(T, b, a) : 0; break;
    }
    if (r < 0) return -1;
    *out = v_bool(r);
    return 1;
}

/* set(v) for the left operand of a view operator (CPython's
 * dictviews_to_set). */
static int to_set(Task *T, Value v, Set **out)
{
    *out = set_new(T->S, false);
    if (set_update(T, *out, v) < 0) return -1;
    charge_items(T, (*out)->used);
    return 0;
}

/* {x for x in iterable if x in container}, in the iterable's order. */
static int intersect(Task *T, Value iterable, Value container, Value *out)
{
    Set *r = set_new(T->S, false);
    *out = v_obj(r);
    Value it;
    if (obj_iter(T, iterable, &it) < 0) return -1;
    for (;;) {
        Value x;
        int n = obj_next(T, it, &x);
        if (n <= 0) return n;
        charge_items(T, 1);
        int c = setlike_contains(T, container, x);
        if (c < 0) return -1;
        if (c && set_add(T, r, x) < 0) return -1;
    }
}

/* d1.items() ^ d2.items() (CPython's dictitems_xor): the pairs of d2 whose
 * key is not in d1 with an equal value, then d1's pairs left over. */
static int items_xor(Task *T, Dict *d1, Dict *d2, Value *out)
{
    Sim *S = T->S;
    Dict *rest = dict_copy(S, d1);
    charge_items(T, d1->used + d2->used);
    Set *r = set_new(S, false);
    *out = v_obj(r);
    int64_t pos = 0;
    Value k, v2;
    while (dict_next(d2, &pos, &k, &v2)) {
        Value v1;
        int f = dict_get(T, rest, k, &v1);
        if (f < 0) return -1;
        int same = 0;
        if (f) same = obj_same(v1, v2) ? 1 : obj_eq(T, v1, v2);
        if (same < 0) return -1;
        if (same) {
            if (dict_del(T, rest, k) < 0) return -1;
        } else if (set_add(T, r, tuple_pair(S, k, v2)) < 0) {
            return -1;
        }
    }
    pos = 0;
    Value v1;
    while (dict_next(rest, &pos, &k, &v1))
        if (set_add(T, r, tuple_pair(S, k, v1)) < 0) return -1;
    return 0;
}

int views_binop(Task *T, int op, Value a, Value b, Value *out)
{
    if (!views_is_setview(a) && !views_is_setview(b)) return 0;
    if (op != BIN_AND && op != BIN_OR && op != BIN_SUB && op != BIN_XOR) return 0;
    Set *r;
    switch (op) {
    case BIN_AND: {
        /* the view goes first; a smaller-or-equal view against an exact set
         * iterates the view, otherwise the smaller operand is iterated */
        Value self = views_is_setview(a) ? a : b, other = views_is_setview(a) ? b : a;
        int64_t ls = view_dict(self)->used;
        if (is_set(other) && !(other.u.o->flags & OF_FROZEN)) {
            if (ls <= AS_SET(other)->used) return intersect(T, self, other, out) < 0 ? -1 : 1;
        } else if (views_is_setview(other) && view_dict(other)->used > ls) {
            Value t = self;
            self = other;
            other = t;
        }
        return intersect(T, other, self, out) < 0 ? -1 : 1;
    }
    case BIN_OR: {
        int64_t before;
        if (to_set(T, a, &r) < 0 || (before = r->used, set_update(T, r, b)) < 0) return -1;
        charge_items(T, r->used - before);
        *out = v_obj(r);
        return 1;
    }
    case BIN_SUB: {
        if (to_set(T, a, &r) < 0) return -1;
        *out = v_obj(r);
        Value it;
        if (obj_iter(T, b, &it) < 0) return -1;
        for (;;) {
            Value x;
            int n = obj_next(T, it, &x);
            if (n < 0) return -1;
            if (n == 0) return 1;
            charge_items(T, 1);
            if (set_discard(T, r, x) < 0) return -1;
        }
    }
    default: {
        if (views_is_setview(a) && views_is_setview(b) && AS_ITER(a)->ik == IT_VIEW_ITEMS && AS_ITER(b)->ik == IT_VIEW_ITEMS)
            return items_xor(T, view_dict(a), view_dict(b), out) < 0 ? -1 : 1;
        /* set(a).symmetric_difference_update(b) */
        Set *o;
        if (to_set(T, a, &r) < 0 || to_set(T, b, &o) < 0) return -1;
        *out = v_obj(r);
        int64_t pos = 0;
        Value x;
        charge_items(T, o->used);
        while (set_next(o, &pos, &x)) {
            int c = set_discard(T, r, x);
            if (c < 0) return -1;
            if (!c && set_add(T, r, x) < 0) return -1;
        }
        return 1;
    }
    }
}

/* view.isdisjoint(iterable): iterate the smaller side when both are sized
 * sets, probing the other. */
NATIVE(view_isdisjoint)
{
    if (nargs != 2 || !views_is_setview(args[0])) return exc_raise(T, EXC_TypeError, "isdisjoint() takes exactly one argument");
    if (nat_no_kw(T, "isdisjoint", kw) < 0) return NAT_ERR;
    Value self = args[0], other = args[1];
    if (obj_same(self, other)) {
        *out = v_bool(view_dict(self)->used == 0);
        return NAT_OK;
    }
    if (is_setlike(other) && setlike_len(other) > setlike_len(self)) {
        Value t = self;
        self = other;
        other = t;
    }
    Value it;
    if (obj_iter(T, other, &it) < 0) return NAT_ERR;
    for (;;) {
        Value x;
        int n = obj_next(T, it, &x);
        if (n < 0) return NAT_ERR;
        if (n == 0) break;
        charge_items(T, 1);
        int c = setlike_contains(T, self, x);
        if (c < 0) return NAT_ERR;
        if (c) {
            *out = v_bool(false);
            return NAT_OK;
        }
    }
    *out = v_bool(true);
    return NAT_OK;
}

void views_init(Sim *S)
{
    nat_def_method(S, S->types[TY_DICT_KEYS], "isdisjoint", view_isdisjoint);
    nat_def_method(S, S->types[TY_DICT_ITEMS], "isdisjoint", view_isdisjoint);
}
