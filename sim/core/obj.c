/* obj.c - types, truth, equality, hashing, ordering, length, membership,
 * items and iteration, with CPython's semantics and error messages. */
#include "obj.h"
#include "attr.h"
#include "bigint.h"
#include "ptrmap.h"
#include "dict.h"
#include "gc.h"
#include "gen.h"
#include "list.h"
#include "set.h"
#include "str.h"
#include "tuple.h"
#include "views.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static int index_too_big(Task *T, const char *what);

/* ---- types ---- */

/* which builtin type an iterator is: what type() and repr() name */
static TypeId iter_type_id(const Iter *it)
{
    static const TypeId reversed[] = {
        [REV_LIST] = TY_LIST_REVITER, [REV_TUPLE] = TY_REVERSED, [REV_OTHER] = TY_REVERSED,
        [REV_DICT] = TY_DICT_REVKEYITER, [REV_DICT_VALUES] = TY_DICT_REVVALUEITER,
        [REV_DICT_ITEMS] = TY_DICT_REVITEMITER,
    };
    switch ((IterKind)it->ik) {
    case IT_SEQ:
        if (is_list(it->src)) return TY_LIST_ITER;
        if (is_tuple(it->src)) return TY_TUPLE_ITER;
        return it->src.u.o->flags & OF_ASCII ? TY_STR_ASCII_ITER : TY_STR_ITER;
    case IT_RANGE: return TY_RANGE_ITER;
    case IT_DICT_KEYS: return TY_DICT_KEYITER;
    case IT_DICT_VALUES: return TY_DICT_VALUEITER;
    case IT_DICT_ITEMS: return TY_DICT_ITEMITER;
    case IT_SET: return TY_SET_ITER;
    case IT_SENTINEL: return TY_CALLABLE_ITER;
    case IT_ENUMERATE: return TY_ENUMERATE;
    case IT_ZIP: return TY_ZIP;
    case IT_MAP: return TY_MAP;
    case IT_FILTER: return TY_FILTER;
    case IT_REVERSED:
        return it->step >= 0 && it->step < (int64_t)ARRAY_LEN(reversed) ? reversed[it->step] : TY_REVERSED;
    case IT_VIEW_KEYS: return TY_DICT_KEYS;
    case IT_VIEW_VALUES: return TY_DICT_VALUES;
    case IT_VIEW_ITEMS: return TY_DICT_ITEMS;
    case IT_CALLITER: case IT_USER: break;
    }
    return TY_ITERATOR;
}

Class *obj_type_of(Sim *S, Value v)
{
    switch (v.tag) {
    case V_NONE: return S->types[TY_NONETYPE];
    case V_BOOL: return S->types[TY_BOOL];
    case V_INT: return S->types[TY_INT];
    case V_FLOAT: return S->types[TY_FLOAT];
    case V_OBJ: break;
    default: return S->types[TY_OBJECT];
    }
    Obj *o = v.u.o;
    switch ((ObjKind)o->kind) {
    case K_STR: return S->types[TY_STR];
    case K_LIST: return UNLIKELY(o->flags & OF_SUBCLASS) ? obj_sub_ext(o)->cls : S->types[TY_LIST];
    case K_TUPLE: return S->types[TY_TUPLE];
    case K_DICT: return UNLIKELY(o->flags & OF_SUBCLASS) ? obj_sub_ext(o)->cls : S->types[TY_DICT];
    case K_SET:
        if (UNLIKELY(o->flags & OF_SUBCLASS)) return obj_sub_ext(o)->cls;
        return S->types[(o->flags & OF_FROZEN) ? TY_FROZENSET : TY_SET];
    case K_RANGE: return S->types[TY_RANGE];
    case K_SLICE: return S->types[TY_SLICE];
    case K_FUNC: return S->types[TY_FUNCTION];
    case K_CELL: return S->types[TY_CELL];
    case K_CLASS: return S->types[TY_TYPE];
    case K_INSTANCE: return ((Instance *)o)->cls;
    case K_METHOD: return S->types[TY_METHOD];
    case K_NATIVE: return S->types[TY_BUILTIN];
    case K_MODULE: return S->types[TY_MODULE];
    case K_ITER: return S->types[iter_type_id((Iter *)o)];
    case K_PROPERTY: return S->types[TY_PROPERTY];
    case K_STATICMETHOD: return S->types[TY_STATICMETHOD];
    case K_CLASSMETHOD: return S->types[TY_CLASSMETHOD];
    case K_SUPER: return S->types[TY_SUPER];
    case K_GEN: return S->types[TY_GENERATOR];
    case K_CORO: return S->types[TY_COROUTINE];
    case K_AGEN: return S->types[TY_ASYNC_GENERATOR];
    case K_GREEN: return S->types[TY_GREENLET];
    case K_BIGINT: return S->types[TY_INT];
    default: return S->types[TY_OBJECT];
    }
}

const char *obj_type_name(Sim *S, Value v) { return obj_type_of(S, v)->name->s; }

/* obj_class_lookup's miss: the MRO search, into entry e (NULL before the
 * table exists). */
Value obj_class_lookup_fill(Sim *S, struct AttrCacheEntry *e, Class *c, Str *name)
{
    if (UNLIKELY(!e)) {
        S->attr_cache = xcalloc(ATTR_CACHE_SIZE, sizeof *S->attr_cache);
        return obj_class_lookup(S, c, name);
    }
    Tuple *mro = c->mro;
    Value r = v_undef();
    for (int64_t i = 0; i < mro->n; i++) {
        Dict *d = AS_CLASS(mro->v[i])->dict;
        /* from now on a change to d invalidates the cache (dict.c) */
        d->h.flags |= OF_WATCHED;
        r = dict_get_str(d, name);
        if (!is_undef(r)) break;
    }
    e->cls = c;
    e->name = name;
    e->epoch = S->attr_epoch;
    e->val = r;
    return r;
}

void obj_classes_changed(Sim *S)
{
    S->attr_epoch++;
}

bool obj_is_subclass(Class *a, Class *b)
{
    if (a == b) return true;
    for (int64_t i = 0; i < a->mro->n; i++)
        if (AS_CLASS(a->mro->v[i]) == b) return true;
    return false;
}

bool obj_is_instance_of(Sim *S, Value v, Class *c)
{
    return obj_is_subclass(obj_type_of(S, v), c);
}

bool obj_is_exc_instance(Sim *S, Value v)
{
    return is_instance(v) && (AS_INST(v)->cls->cflags & CF_EXCEPTION) && S;
}

bool obj_is_callable(Sim *S, Value v)
{
    if (!is_obj(v)) return false;
    switch ((ObjKind)v.u.o->kind) {
    case K_FUNC: case K_CLASS: case K_METHOD: case K_NATIVE: return true;
    case K_INSTANCE: return !is_undef(obj_class_lookup(S, AS_INST(v)->cls, S->sym[SYM_call]));
    default: return false;
    }
}

/* The user-defined dunder of v's class, or V_UNDEF when v is not an
 * instance of a user class or the class does not define it. */
Value obj_type_dunder(Sim *S, Value v, int sym)
{
    Class *c;
    if (is_instance(v)) c = AS_INST(v)->cls;
    else if (obj_is_sub(v)) c = obj_sub_ext(v.u.o)->cls;
    else return v_undef();
    if (!(c->cflags & (CF_USER | CF_NATIVE_DUNDERS))) return v_undef();
    Value m = obj_class_lookup(S, c, S->sym[sym]);
    /* natives on builtin bases (object.__eq__ etc.) mean "default", but
     * not those of a library class that asks for its own */
    if (is_kind(m, K_NATIVE) && !(AS_NATIVE(m)->owner && (AS_NATIVE(m)->owner->cflags & CF_NATIVE_DUNDERS)))
        return v_undef();
    return m;
}

static int call_dunder(Task *T, Value m, Value self, Value *args, int nargs, Value *out)
{
    Value buf[4];
    buf[0] = self;
    for (int i = 0; i < nargs && i < 3; i++) buf[i + 1] = args[i];
    return vm_call(T, m, buf, nargs + 1, NULL, out);
}

/* ---- instances of a program's subclass of list, dict or set ---- */

SubExt *obj_sub_ext(Obj *o)
{
    size_t base = o->kind == K_LIST ? sizeof(List) : o->kind == K_DICT ? sizeof(Dict) : sizeof(Set);
    return (SubExt *)((char *)o + base);
}

Value obj_sub_new(Sim *S, Class *cls, int type_id)
{
    Obj *o;
    if (type_id == TY_LIST) o = gc_alloc(S, K_LIST, sizeof(List) + sizeof(SubExt));
    else if (type_id == TY_DICT) o = gc_alloc(S, K_DICT, sizeof(Dict) + sizeof(SubExt));
    else o = &set_new_with(S, false, sizeof(SubExt))->h;
    o->flags |= OF_SUBCLASS;
    obj_sub_ext(o)->cls = cls;
    return v_obj(o);
}

/* The method a subclass of a builtin container defines for sym (a
 * Python function; the builtin's own is V_UNDEF), for the operations
 * below to call before doing the builtin's work. */
static inline Value sub_dunder(Sim *S, Value v, int sym)
{
    return UNLIKELY(obj_is_sub(v)) ? obj_type_dunder(S, v, sym) : v_undef();
}

/* A class-level dunder (len(C), iter(C), x in C, C[k]) from the class's
 * metaclass-like class (attr_meta_of), or V_UNDEF. */
static Value meta_dunder(Sim *S, Value cls, int sym)
{
    if (!is_class(cls) || !(AS_CLASS(cls)->cflags & CF_USER)) return v_undef();
    Value m = attr_meta_method(S, AS_CLASS(cls), S->sym[sym]);
    return is_kind(m, K_FUNC) ? m : v_undef();
}

/* ---- truth ---- */

int obj_truthy(Task *T, Value v)
{
    switch (v.tag) {
    case V_NONE: case V_UNDEF: return 0;
    case V_BOOL: case V_INT: return v.u.i != 0;
    case V_FLOAT: return v.u.f != 0.0;
    default: break;
    }
    Obj *o = v.u.o;
    if (UNLIKELY(obj_is_sub(v))) {
        Value m = obj_type_dunder(T->S, v, SYM_bool_);
        if (is_undef(m)) m = obj_type_dunder(T->S, v, SYM_len);
        if (!is_undef(m)) {
            Value r;
            if (call_dunder(T, m, v, NULL, 0, &r) < 0) return -1;
            return obj_truthy(T, r);
        }
    }
    switch ((ObjKind)o->kind) {
    case K_STR: return ((Str *)o)->len != 0;
    case K_LIST: return ((List *)o)->n != 0;
    case K_TUPLE: return ((Tuple *)o)->n != 0;
    case K_DICT: return ((Dict *)o)->used != 0;
    case K_SET: return ((Set *)o)->used != 0;
    case K_RANGE: return ((Range *)o)->len != 0;
    case K_INSTANCE: {
        Sim *S = T->S;
        Value m = obj_type_dunder(S, v, SYM_bool_);
        Value r;
        if (!is_undef(m)) {
            if (call_dunder(T, m, v, NULL, 0, &r) < 0) return -1;
            if (!is_bool(r))
                return exc_raise(T, EXC_TypeError, "__bool__ should return bool, returned %s", obj_type_name(S, r));
            return (int)r.u.i;
        }
        m = obj_type_dunder(S, v, SYM_len);
        if (!is_undef(m)) {
            if (call_dunder(T, m, v, NULL, 0, &r) < 0) return -1;
            if (is_bigint(r)) return index_too_big(T, NULL);
            if (!is_intlike(r))
                return exc_raise(T, EXC_TypeError, "'%s' object cannot be interpreted as an integer", obj_type_name(S, r));
            return r.u.i != 0;
        }
        return 1;
    }
    default: return 1;
    }
}

/* ---- equality ---- */

bool obj_same(Value a, Value b)
{
    if (a.tag != b.tag) return false;
    if (a.tag == V_FLOAT) return a.u.f == b.u.f || (isnan(a.u.f) && isnan(b.u.f) && memcmp(&a.u.f, &b.u.f, 8) == 0);
    return a.u.i == b.u.i;
}

/* == for containers: identity implies equality (as PyObject_RichCompareBool) */
int obj_eq_id(Task *T, Value a, Value b)
{
    if (a.tag == V_OBJ && b.tag == V_OBJ && a.u.o == b.u.o) return 1;
    /* a nan with the same bits stands for the same object (fast_key_eq) */
    if (a.tag == V_FLOAT && b.tag == V_FLOAT && a.u.i == b.u.i) return 1;
    return obj_eq(T, a, b);
}

static int seq_eq(Task *T, const Value *a, int64_t na, const Value *b, int64_t nb)
{
    if (na != nb) return 0;
    for (int64_t i = 0; i < na; i++) {
        int r = obj_eq_id(T, a[i], b[i]);
        if (r != 1) {
            charge_items(T, i + 1);
            return r;
        }
    }
    charge_items(T, na);
    return 1;
}

static bool is_number(Value v) { return v.tag == V_INT || v.tag == V_BOOL || v.tag == V_FLOAT || is_bigint(v); }

/* Exact comparison of an int with a double (no rounding surprises for
 * large ints): returns -1, 0, 1, or 2 if f is NaN. */
static int cmp_int_float(int64_t i, double f)
{
    if (isnan(f)) return 2;
    if (f >= 9223372036854775808.0) return -1;
    if (f < -9223372036854775808.0) return 1;
    double fl = floor(f);
    int64_t fi = (int64_t)fl;
    if (i < fi) return -1;
    if (i > fi) return 1;
    return fl == f ? 0 : -1;
}

/* Exact, as CPython: a big int and a float compare as the numbers they are. */
static int num_cmp(Value a, Value b)
{
    if (a.tag != V_FLOAT && b.tag != V_FLOAT) {
        if (a.tag == V_OBJ || b.tag == V_OBJ) return bigint_cmp(a, b);
        return a.u.i < b.u.i ? -1 : a.u.i > b.u.i;
    }
    if (a.tag == V_FLOAT && b.tag == V_FLOAT) {
        if (isnan(a.u.f) || isnan(b.u.f)) return 2;
        return a.u.f < b.u.f ? -1 : a.u.f > b.u.f;
    }
    if (a.tag == V_FLOAT) {
        int r = b.tag == V_OBJ ? bigint_cmp_float(b, a.u.f) : cmp_int_float(b.u.i, a.u.f);
        return r == 2 ? 2 : -r;
    }
    return a.tag == V_OBJ ? bigint_cmp_float(a, b.u.f) : cmp_int_float(a.u.i, b.u.f);
}

static int eq_inner(Task *T, Value a, Value b);

int obj_eq(Task *T, Value a, Value b)
{
    if (!obj_is_container(a) || !obj_is_container(b)) return eq_inner(T, a, b);
    if (obj_recurse_enter(T, " in comparison") < 0) return -1;
    int r = eq_inner(T, a, b);
    obj_recurse_leave(T);
    return r;
}

static int eq_inner(Task *T, Value a, Value b)
{
    if (is_number(a) && is_number(b)) return num_cmp(a, b) == 0;
    if (a.tag != V_OBJ || b.tag != V_OBJ) {
        if (a.tag == V_NONE || b.tag == V_NONE) {
            if (a.tag == b.tag) return 1;
            /* a user __eq__ may still claim equality with None */
            if (!is_instance(a) && !is_instance(b)) return 0;
        } else if (!is_instance(a) && !is_instance(b)) {
            return a.tag == b.tag && a.u.i == b.u.i && a.tag != V_OBJ;
        }
    }
    Sim *S = T->S;
    Obj *x = a.tag == V_OBJ ? a.u.o : NULL, *y = b.tag == V_OBJ ? b.u.o : NULL;
    if (UNLIKELY(obj_is_sub(a) || obj_is_sub(b))) {
        Value r, m = sub_dunder(S, a, SYM_eq);
        if (!is_undef(m)) {
            if (call_dunder(T, m, a, &b, 1, &r) < 0) return -1;
            if (!obj_same(r, S->notimpl)) return obj_truthy(T, r);
        }
        m = sub_dunder(S, b, SYM_eq);
        if (!is_undef(m)) {
            if (call_dunder(T, m, b, &a, 1, &r) < 0) return -1;
            if (!obj_same(r, S->notimpl)) return obj_truthy(T, r);
        }
    }
    if (x && y && (x->kind == K_ITER || y->kind == K_ITER)) {
        Value r;
        int h = views_compare(T, a, b, CMP_EQ, &r);
        if (h) return h < 0 ? -1 : (int)r.u.i;
    }
    if (x && y && x->kind == y->kind && x->kind != K_INSTANCE) {
        switch ((ObjKind)x->kind) {
        case K_STR: return str_eq((Str *)x, (Str *)y);
        case K_LIST: return seq_eq(T, ((List *)x)->v, ((List *)x)->n, ((List *)y)->v, ((List *)y)->n);
        case K_TUPLE: return seq_eq(T, ((Tuple *)x)->v, ((Tuple *)x)->n, ((Tuple *)y)->v, ((Tuple *)y)->n);
        case K_DICT: {
            Dict *d1 = (Dict *)x, *d2 = (Dict *)y;
            if (d1->used != d2->used) return 0;
            charge_items(T, d1->used);
            int64_t pos = 0;
            Value k, v;
            while (dict_next(d1, &pos, &k, &v)) {
                Value v2;
                int f = dict_get(T, d2, k, &v2);
                if (f <= 0) return f;
                int r = obj_eq_id(T, v, v2);
                if (r != 1) return r;
            }
            return 1;
        }
        case K_SET: {
            Set *s1 = (Set *)x, *s2 = (Set *)y;
            if (s1->used != s2->used) return 0;
            charge_items(T, s1->used);
            int64_t pos = 0;
            Value k;
            while (set_next(s1, &pos, &k)) {
                int r = set_contains(T, s2, k);
                if (r != 1) return r;
            }
            return 1;
        }
        case K_RANGE: {
            Range *r1 = (Range *)x, *r2 = (Range *)y;
            if (r1->len != r2->len) return 0;
            if (r1->len == 0) return 1;
            if (r1->start != r2->start) return 0;
            return r1->len == 1 || r1->step == r2->step;
        }
        case K_METHOD: {
            Method *m1 = (Method *)x, *m2 = (Method *)y;
            return obj_same(m1->self, m2->self) && obj_same(m1->func, m2->func);
        }
        default: return x == y;
        }
    }
    /* a user __eq__ on either side */
    Value m = obj_type_dunder(S, a, SYM_eq);
    Value r;
    if (!is_undef(m)) {
        if (call_dunder(T, m, a, &b, 1, &r) < 0) return -1;
        if (!obj_same(r, S->notimpl)) return obj_truthy(T, r);
    }
    m = obj_type_dunder(S, b, SYM_eq);
    if (!is_undef(m)) {
        if (call_dunder(T, m, b, &a, 1, &r) < 0) return -1;
        if (!obj_same(r, S->notimpl)) return obj_truthy(T, r);
    }
    /* sets and frozensets compare equal across types */
    if (x && y && x->kind == K_SET && y->kind == K_SET) return 0;
    return x == y && a.tag == b.tag;
}

/* ---- hashing (CPython-compatible for numbers and tuples, so that sets
 * iterate in the same order) ---- */

#define HASH_MODULUS (((int64_t)1 << 61) - 1)

static int64_t hash_int(int64_t v)
{
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    int64_t h = (int64_t)(u % (uint64_t)HASH_MODULUS);
    if (v < 0) h = -h;
    return h == -1 ? -2 : h;
}

static int64_t hash_double(double v)
{
    if (isinf(v)) return v > 0 ? 314159 : -314159;
    if (isnan(v)) return 0; /* CPython 3.10+ uses the object's id; any fixed value is fine */
    int e;
    double m = frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    uint64_t x = 0;
    while (m) {
        x = ((x << 28) & (uint64_t)HASH_MODULUS) | x >> (61 - 28);
        m *= 268435456.0;
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= (uint64_t)HASH_MODULUS) x -= (uint64_t)HASH_MODULUS;
    }
    e = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61);
    x = ((x << e) & (uint64_t)HASH_MODULUS) | x >> (61 - e);
    int64_t h = (int64_t)x * sign;
    return h == -1 ? -2 : h;
}

static int64_t obj_identity_hash(Sim *S, Obj *o);

static int hash_inner(Task *T, Value v, int64_t *out);

int obj_hash(Task *T, Value v, int64_t *out)
{
    if (!is_tuple(v)) return hash_inner(T, v, out);
    if (obj_recurse_enter(T, " while calling a Python object") < 0) return -1;
    int r = hash_inner(T, v, out);
    obj_recurse_leave(T);
    return r;
}

static int hash_inner(Task *T, Value v, int64_t *out)
{
    Sim *S = T->S;
    switch (v.tag) {
    case V_NONE: *out = 0xFCA86420; return 0;
    case V_BOOL: case V_INT: *out = hash_int(v.u.i); return 0;
    case V_FLOAT: {
        double f = v.u.f;
        if (f == floor(f) && fabs(f) < 9.2e18) *out = hash_int((int64_t)f);
        else *out = hash_double(f);
        return 0;
    }
    default: break;
    }
    Obj *o = v.u.o;
    if (UNLIKELY(obj_is_sub(v))) {
        /* a subclass may make itself hashable */
        Value m = obj_type_dunder(S, v, SYM_hash);
        if (is_kind(m, K_FUNC)) {
            Value r;
            if (call_dunder(T, m, v, NULL, 0, &r) < 0) return -1;
            if (!is_intlike(r)) return exc_raise(T, EXC_TypeError, "__hash__ method should return an integer");
            *out = r.u.i == -1 ? -2 : r.u.i;
            return 0;
        }
    }
    switch ((ObjKind)o->kind) {
    case K_STR: *out = str_hash((Str *)o); return 0;
    case K_BIGINT: *out = bigint_hash(v); return 0;
    case K_TUPLE: {
        /* xxHash-based, as CPython 3.8+ */
        Tuple *t = (Tuple *)o;
        const uint64_t P1 = 11400714785074694791ULL, P2 = 14029467366897019727ULL,
                       P5 = 2870177450012600261ULL;
        uint64_t acc = P5;
        for (int64_t i = 0; i < t->n; i++) {
            int64_t lane;
            if (obj_hash(T, t->v[i], &lane) < 0) return -1;
            acc += (uint64_t)lane * P2;
            acc = (acc << 31) | (acc >> 33);
            acc *= P1;
        }
        acc += (uint64_t)t->n ^ (P5 ^ 3527539UL);
        if (acc == (uint64_t)-1) acc = 1546275796;
        *out = (int64_t)acc;
        return 0;
    }
    case K_SET: {
        if (!(o->flags & OF_FROZEN)) break;
        /* order-independent combination, after CPython's frozenset_hash */
        Set *s = (Set *)o;
        uint64_t h = 0;
        for (int64_t i = 0; s->table && i <= s->mask; i++) {
            if (is_undef(s->table[i].key)) continue;
            uint64_t x = (uint64_t)s->table[i].hash;
            h ^= ((x ^ 89869747UL) ^ (x << 16)) * 3644798167UL;
        }
        h ^= ((uint64_t)s->used + 1) * 1927868237UL;
        h ^= (h >> 11) ^ (h >> 25);
        h = h * 69069U + 907133923UL;
        if (h == (uint64_t)-1) h = 590923713UL;
        *out = (int64_t)h;
        return 0;
    }
    case K_LIST: case K_DICT: case K_SLICE: break;
    case K_ITER:
        if (views_is_setview(v)) break; /* keys and items views compare by content */
        *out = obj_identity_hash(S, o);
        return 0;
    case K_RANGE: {
        Range *r = (Range *)o;
        Value items[3] = {v_int(r->len), r->len ? v_int(r->start) : v_none(), r->len > 1 ? v_int(r->step) : v_none()};
        int64_t hs[3];
        for (int i = 0; i < 3; i++) obj_hash(T, items[i], &hs[i]);
        *out = hs[0] * 1000003 ^ hs[1] * 31 ^ hs[2];
        if (*out == -1) *out = -2;
        return 0;
    }
    case K_INSTANCE: {
        Class *c = ((Instance *)o)->cls;
        if (c->cflags & (CF_USER | CF_NATIVE_DUNDERS)) {
            Value m = obj_class_lookup(S, c, S->sym[SYM_hash]);
            if (is_none(m)) break; /* __hash__ = None */
            bool own_native = is_kind(m, K_NATIVE) && AS_NATIVE(m)->owner && (AS_NATIVE(m)->owner->cflags & CF_NATIVE_DUNDERS);
            if (!is_undef(m) && (!is_kind(m, K_NATIVE) || own_native)) {
                Value r;
                if (call_dunder(T, m, v, NULL, 0, &r) < 0) return -1;
                if (is_bigint(r)) {
                    *out = bigint_hash(r);
                    return 0;
                }
                if (!is_intlike(r))
                    return exc_raise(T, EXC_TypeError, "__hash__ method should return an integer");
                *out = r.u.i == -1 ? -2 : r.u.i;
                return 0;
            }
            /* defining __eq__ without __hash__ makes instances unhashable */
            if (is_undef(m) || is_kind(m, K_NATIVE)) {
                Value eq = obj_class_lookup(S, c, S->sym[SYM_eq]);
                if (!is_undef(eq) && !is_kind(eq, K_NATIVE) && is_undef(dict_get_str(c->dict, S->sym[SYM_hash]))) {
                    /* CPython sets __hash__ = None in the class that defines __eq__ */
                    bool defines_eq_here = false;
                    for (int64_t i = 0; i < c->mro->n; i++) {
                        Class *k = AS_CLASS(c->mro->v[i]);
                        if (!is_undef(dict_get_str(k->dict, S->sym[SYM_hash]))) break;
                        if (!is_undef(dict_get_str(k->dict, S->sym[SYM_eq]))) {
                            defines_eq_here = (k->cflags & CF_USER) != 0;
                            break;
                        }
                    }
                    if (defines_eq_here) break;
                }
            }
        }
        *out = obj_identity_hash(S, o);
        return 0;
    }
    default:
        *out = obj_identity_hash(S, o);
        return 0;
    }
    return exc_raise(T, EXC_TypeError, "unhashable type: '%s'", obj_type_name(S, v));
}

/* ---- identity: deterministic ids, never addresses ---- */

static int64_t *oid_field(Obj *o)
{
    switch ((ObjKind)o->kind) {
    case K_INSTANCE: return &((Instance *)o)->oid;
    case K_CLASS: return &((Class *)o)->oid;
    case K_FUNC: return &((Func *)o)->oid;
    default: return NULL;
    }
}

int64_t obj_id_value(Sim *S, Value v)
{
    if (is_obj(v)) return 140000000000000 + obj_id(S, v.u.o) * 16;
    /* unsigned: the bits of an int64 extreme must not overflow */
    return 9000000 + (int64_t)(((uint64_t)v.tag * 1000003u + (uint64_t)v.u.i) % 1000000u);
}

int64_t obj_id(Sim *S, Obj *o)
{
    int64_t *f = oid_field(o);
    if (f) {
        if (!*f) *f = ++S->next_oid;
        return *f;
    }
    int64_t *id = ptrmap_find(&S->ids, o);
    if (id) return *id;
    o->flags |= OF_HAS_ID; /* gc removes the entry when o is freed */
    return *ptrmap_put(&S->ids, o, ++S->next_oid);
}

static int64_t obj_identity_hash(Sim *S, Obj *o)
{
    int64_t id = obj_id(S, o);
    return (id * 2654435761LL) & 0x7FFFFFFFFFFF;
}

/* ---- ordering ---- */

static const char *cmp_sym[] = {"<", "<=", "==", "!=", ">", ">="};
static const int cmp_dunder[] = {SYM_lt, SYM_le, SYM_eq, SYM_ne, SYM_gt, SYM_ge};
static const int cmp_swap[] = {CMP_GT, CMP_GE, CMP_EQ, CMP_NE, CMP_LT, CMP_LE};

static bool cmp_result(int c, int op)
{
    switch (op) {
    case CMP_LT: return c < 0;
    case CMP_LE: return c <= 0;
    case CMP_EQ: return c == 0;
    case CMP_NE: return c != 0;
    case CMP_GT: return c > 0;
    default: return c >= 0;
    }
}

static int seq_cmp(Task *T, const Value *a, int64_t na, const Value *b, int64_t nb, int op, Value *out)
{
    int64_t n = na < nb ? na : nb;
    for (int64_t i = 0; i < n; i++) {
        int e = obj_eq_id(T, a[i], b[i]);
        if (e < 0) return -1;
        if (!e) {
            charge_items(T, i + 1);
            if (op == CMP_EQ) { *out = v_bool(false); return 0; }
            if (op == CMP_NE) { *out = v_bool(true); return 0; }
            return obj_richcmp(T, a[i], b[i], op, out);
        }
    }
    charge_items(T, n);
    *out = v_bool(cmp_result(na < nb ? -1 : na > nb, op));
    return 0;
}

static int set_subset(Task *T, Set *a, Set *b)
{
    if (a->used > b->used) return 0;
    charge_items(T, a->used);
    int64_t pos = 0;
    Value k;
    while (set_next(a, &pos, &k)) {
        int r = set_contains(T, b, k);
        if (r != 1) return r;
    }
    return 1;
}

static int richcmp_inner(Task *T, Value a, Value b, int op, Value *out);

int obj_richcmp(Task *T, Value a, Value b, int op, Value *out)
{
    if (!obj_is_container(a) || !obj_is_container(b)) return richcmp_inner(T, a, b, op, out);
    if (obj_recurse_enter(T, " in comparison") < 0) return -1;
    int r = richcmp_inner(T, a, b, op, out);
    obj_recurse_leave(T);
    return r;
}

static int richcmp_inner(Task *T, Value a, Value b, int op, Value *out)
{
    Sim *S = T->S;
    if (op == CMP_EQ || op == CMP_NE) {
        if (is_instance(a) || is_instance(b) || obj_is_sub(a) || obj_is_sub(b)) {
            /* user __eq__/__ne__ may return non-bools */
            Value m = obj_type_dunder(S, a, cmp_dunder[op]);
            if (!is_undef(m)) {
                if (call_dunder(T, m, a, &b, 1, out) < 0) return -1;
                if (!obj_same(*out, S->notimpl)) return 0;
            }
            m = obj_type_dunder(S, b, cmp_dunder[op]);
            if (!is_undef(m)) {
                if (call_dunder(T, m, b, &a, 1, out) < 0) return -1;
                if (!obj_same(*out, S->notimpl)) return 0;
            }
            if (op == CMP_NE && !is_undef(obj_type_dunder(S, a, SYM_eq))) {
                int r = obj_eq(T, a, b);
                if (r < 0) return -1;
                *out = v_bool(!r);
                return 0;
            }
        }
        int r = obj_eq(T, a, b);
        if (r < 0) return -1;
        *out = v_bool(op == CMP_EQ ? r : !r);
        return 0;
    }
    if (is_number(a) && is_number(b)) {
        int c = num_cmp(a, b);
        *out = v_bool(c != 2 && cmp_result(c, op));
        return 0;
    }
    if (UNLIKELY(obj_is_sub(a) || obj_is_sub(b))) {
        Value m = sub_dunder(S, a, cmp_dunder[op]);
        if (!is_undef(m)) {
            if (call_dunder(T, m, a, &b, 1, out) < 0) return -1;
            if (!obj_same(*out, S->notimpl)) return 0;
        }
        m = sub_dunder(S, b, cmp_dunder[cmp_swap[op]]);
        if (!is_undef(m)) {
            if (call_dunder(T, m, b, &a, 1, out) < 0) return -1;
            if (!obj_same(*out, S->notimpl)) return 0;
        }
    }
    if (is_obj(a) && is_obj(b) && a.u.o->kind == b.u.o->kind) {
        switch ((ObjKind)a.u.o->kind) {
        case K_STR: {
            Str *x = AS_STR(a), *y = AS_STR(b);
            int32_t n = x->len < y->len ? x->len : y->len;
            int c = memcmp(x->s, y->s, (size_t)n);
            if (c == 0) c = x->len < y->len ? -1 : x->len > y->len;
            *out = v_bool(cmp_result(c, op));
            return 0;
        }
        case K_LIST:
            return seq_cmp(T, AS_LIST(a)->v, AS_LIST(a)->n, AS_LIST(b)->v, AS_LIST(b)->n, op, out);
        case K_TUPLE:
            return seq_cmp(T, AS_TUPLE(a)->v, AS_TUPLE(a)->n, AS_TUPLE(b)->v, AS_TUPLE(b)->n, op, out);
        case K_SET: {
            Set *x = AS_SET(a), *y = AS_SET(b);
            int r;
            switch (op) {
            case CMP_LE: r = set_subset(T, x, y); break;
            case CMP_LT: r = x->used < y->used ? set_subset(T, x, y) : 0; break;
            case CMP_GE: r = set_subset(T, y, x); break;
            default: r = y->used < x->used ? set_subset(T, y, x) : 0; break;
            }
            if (r < 0) return -1;
            *out = v_bool(r);
            return 0;
        }
        default: break;
        }
    }
    int h = views_compare(T, a, b, op, out);
    if (h) return h < 0 ? -1 : 0;
    Value m = obj_type_dunder(S, a, cmp_dunder[op]);
    if (!is_undef(m)) {
        if (call_dunder(T, m, a, &b, 1, out) < 0) return -1;
        if (!obj_same(*out, S->notimpl)) return 0;
    }
    m = obj_type_dunder(S, b, cmp_dunder[cmp_swap[op]]);
    if (!is_undef(m)) {
        if (call_dunder(T, m, b, &a, 1, out) < 0) return -1;
        if (!obj_same(*out, S->notimpl)) return 0;
    }
    return exc_raise(T, EXC_TypeError, "'%s' not supported between instances of '%s' and '%s'",
                    cmp_sym[op], obj_type_name(S, a), obj_type_name(S, b));
}

int obj_lt(Task *T, Value a, Value b)
{
    if (a.tag == V_INT && b.tag == V_INT) return a.u.i < b.u.i;
    if (is_str(a) && is_str(b)) {
        Str *x = AS_STR(a), *y = AS_STR(b);
        int32_t n = x->len < y->len ? x->len : y->len;
        int c = memcmp(x->s, y->s, (size_t)n);
        return c < 0 || (c == 0 && x->len < y->len);
    }
    Value r;
    if (obj_richcmp(T, a, b, CMP_LT, &r) < 0) return -1;
    return obj_truthy(T, r);
}

/* ---- length and membership ---- */

int obj_len(Task *T, Value v, int64_t *out)
{
    if (is_obj(v)) {
        Obj *o = v.u.o;
        if (UNLIKELY(obj_is_sub(v)) && !is_undef(obj_type_dunder(T->S, v, SYM_len))) goto user_len;
        switch ((ObjKind)o->kind) {
        case K_STR: *out = ((Str *)o)->clen; return 0;
        case K_LIST: *out = ((List *)o)->n; return 0;
        case K_TUPLE: *out = ((Tuple *)o)->n; return 0;
        case K_DICT: *out = ((Dict *)o)->used; return 0;
        case K_SET: *out = ((Set *)o)->used; return 0;
        case K_RANGE: *out = ((Range *)o)->len; return 0;
        case K_ITER: {
            Iter *it = (Iter *)o;
            if (it->ik >= IT_VIEW_KEYS && it->ik <= IT_VIEW_ITEMS) {
                *out = AS_DICT(it->src)->used;
                return 0;
            }
            break;
        }
        case K_INSTANCE: user_len: {
            Value m = obj_type_dunder(T->S, v, SYM_len);
            if (is_undef(m)) m = obj_class_lookup(T->S, AS_INST(v)->cls, T->S->sym[SYM_len]);
            if (!is_undef(m)) {
                Value r;
                if (call_dunder(T, m, v, NULL, 0, &r) < 0) return -1;
                if (is_bigint(r))
                    return bigint_sign(r) < 0 ? exc_raise(T, EXC_ValueError, "__len__() should return >= 0") : index_too_big(T, NULL);
                if (!is_intlike(r))
                    return exc_raise(T, EXC_TypeError, "'%s' object cannot be interpreted as an integer", obj_type_name(T->S, r));
                if (r.u.i < 0) return exc_raise(T, EXC_ValueError, "__len__() should return >= 0");
                *out = r.u.i;
                return 0;
            }
            break;
        }
        case K_CLASS: {
            Value m = meta_dunder(T->S, v, SYM_len);
            if (is_undef(m)) break;
            Value r;
            if (call_dunder(T, m, v, NULL, 0, &r) < 0) return -1;
            if (!is_intlike(r))
                return exc_raise(T, EXC_TypeError, "'%s' object cannot be interpreted as an integer", obj_type_name(T->S, r));
            *out = r.u.i;
            return 0;
        }
        default: break;
        }
    }
    return exc_raise(T, EXC_TypeError, "object of type '%s' has no len()", obj_type_name(T->S, v));
}

static const char *str_find(const char *h, size_t hn, const char *n, size_t nn)
{
    if (nn == 0) return h;
    if (nn > hn) return NULL;
    const char *end = h + hn - nn;
    for (const char *p = h; p <= end; p++) {
        p = memchr(p, n[0], (size_t)(end - p) + 1);
        if (!p) return NULL;
        if (memcmp(p, n, nn) == 0) return p;
    }
    return NULL;
}

int obj_contains(Task *T, Value c, Value item)
{
    Value m = sub_dunder(T->S, c, SYM_contains);
    if (UNLIKELY(!is_undef(m))) {
        Value r;
        if (call_dunder(T, m, c, &item, 1, &r) < 0) return -1;
        return obj_truthy(T, r);
    }
    return obj_contains_base(T, c, item);
}

int obj_contains_base(Task *T, Value c, Value item)
{
    Sim *S = T->S;
    if (is_obj(c)) {
        Obj *o = c.u.o;
        switch ((ObjKind)o->kind) {
        case K_STR: {
            if (!is_str(item))
                return exc_raise(T, EXC_TypeError, "'in <string>' requires string as left operand, not %s", obj_type_name(S, item));
            Str *h = (Str *)o, *n = AS_STR(item);
            charge_items(T, h->len); /* a scan, as str.find */
            return str_find(h->s, (size_t)h->len, n->s, (size_t)n->len) != NULL;
        }
        case K_LIST: {
            List *l = (List *)o;
            for (int64_t i = 0; i < l->n; i++) {
                int r = obj_eq_id(T, l->v[i], item);
                if (r != 0) {
                    charge_items(T, i + 1);
                    return r;
                }
            }
            charge_items(T, l->n);
            return 0;
        }
        case K_TUPLE: {
            Tuple *t = (Tuple *)o;
            for (int64_t i = 0; i < t->n; i++) {
                int r = obj_eq_id(T, t->v[i], item);
                if (r != 0) {
                    charge_items(T, i + 1);
                    return r;
                }
            }
            charge_items(T, t->n);
            return 0;
        }
        case K_DICT: {
            Value dummy;
            return dict_get(T, (Dict *)o, item, &dummy);
        }
        case K_SET: return set_contains(T, (Set *)o, item);
        case K_RANGE: {
            Range *r = (Range *)o;
            int64_t x;
            if (is_intlike(item)) x = item.u.i;
            else if (is_float(item) && item.u.f == floor(item.u.f) && fabs(item.u.f) < 9e18) x = (int64_t)item.u.f;
            else return 0;
            if (r->len == 0) return 0;
            if (r->step > 0 ? (x < r->start || x >= r->stop) : (x > r->start || x <= r->stop)) return 0;
            return (x - r->start) % r->step == 0;
        }
        case K_ITER:
            if (views_is_setview(c)) return views_contains(T, c, item);
            break;
        case K_INSTANCE: case K_CLASS: {
            Value m = o->kind == K_CLASS ? meta_dunder(S, c, SYM_contains) : obj_type_dunder(S, c, SYM_contains);
            if (!is_undef(m)) {
                Value r;
                if (call_dunder(T, m, c, &item, 1, &r) < 0) return -1;
                return obj_truthy(T, r);
            }
            break;
        }
        default: break;
        }
    }
    /* generic: iterate */
    Value it;
    if (obj_iter(T, c, &it) < 0) {
        if (exc_matches(S, T->exc, EXC_TypeError)) {
            T->exc = v_undef();
            return exc_raise(T, EXC_TypeError, "argument of type '%s' is not iterable", obj_type_name(S, c));
        }
        return -1;
    }
    for (;;) {
        Value x;
        int r = obj_next(T, it, &x);
        if (r <= 0) return r;
        r = obj_eq_id(T, x, item);
        if (r != 0) return r;
    }
}

/* ---- indexes and slices ---- */

/* An int past 64 bits as an index: as CPython's past Py_ssize_t. */
static int index_too_big(Task *T, const char *what)
{
    return exc_raise(T, what ? EXC_IndexError : EXC_OverflowError, "cannot fit 'int' into an index-sized integer");
}

int obj_index(Task *T, Value v, int64_t *out, const char *what)
{
    if (is_intlike(v)) {
        *out = v.u.i;
        return 0;
    }
    if (is_bigint(v)) return index_too_big(T, what);
    Value m = obj_type_dunder(T->S, v, SYM_index);
    if (!is_undef(m)) {
        Value r;
        if (call_dunder(T, m, v, NULL, 0, &r) < 0) return -1;
        if (is_intlike(r)) {
            *out = r.u.i;
            return 0;
        }
        if (is_bigint(r)) return index_too_big(T, what);
    }
    if (what)
        return exc_raise(T, EXC_TypeError, "%s indices must be integers or slices, not %s", what, obj_type_name(T->S, v));
    return exc_raise(T, EXC_TypeError, "'%s' object cannot be interpreted as an integer", obj_type_name(T->S, v));
}

int obj_seq_index(Task *T, int64_t len, Value key, int64_t *out, const char *what)
{
    int64_t i;
    if (obj_index(T, key, &i, what) < 0) return -1;
    if (i < 0) i += len;
    if (i < 0 || i >= len) return exc_raise(T, EXC_IndexError, "%s index out of range", what);
    *out = i;
    return 0;
}

/* A slice bound; one past 64 bits clamps, as CPython's past Py_ssize_t. */
static int slice_part(Task *T, Value v, int64_t *out)
{
    if (is_none(v)) return 1;
    if (is_bigint(v)) {
        *out = bigint_sign(v) > 0 ? INT64_MAX : -INT64_MAX;
        return 0;
    }
    if (obj_index(T, v, out, NULL) < 0) {
        if (exc_matches(T->S, T->exc, EXC_TypeError)) {
            T->exc = v_undef();
            return exc_raise(T, EXC_TypeError, "slice indices must be integers or None or have an __index__ method");
        }
        return -1;
    }
    return 0;
}

int obj_slice_indices(Task *T, Slice *s, int64_t len, int64_t *start, int64_t *stop,
                  int64_t *step, int64_t *count)
{
    int64_t st = 1;
    int r = slice_part(T, s->step, &st);
    if (r < 0) return -1;
    if (st == 0) return exc_raise(T, EXC_ValueError, "slice step cannot be zero");
    if (st < -INT64_MAX) st = -INT64_MAX;
    int64_t a, b;
    r = slice_part(T, s->start, &a);
    if (r < 0) return -1;
    if (r == 1) a = st > 0 ? 0 : len - 1;
    else {
        if (a < 0) a += len;
        if (a < 0) a = st > 0 ? 0 : -1;
        if (a >= len) a = st > 0 ? len : len - 1;
    }
    r = slice_part(T, s->stop, &b);
    if (r < 0) return -1;
    if (r == 1) b = st > 0 ? len : -1;
    else {
        if (b < 0) b += len;
        if (b < 0) b = st > 0 ? 0 : -1;
        if (b >= len) b = st > 0 ? len : len - 1;
    }
    int64_t n;
    if (st > 0) n = b > a ? (b - a - 1) / st + 1 : 0;
    else n = a > b ? (a - b - 1) / (-st) + 1 : 0;
    *start = a;
    *stop = b;
    *step = st;
    *count = n;
    return 0;
}

/* ---- items ---- */

static Value str_char(Sim *S, Str *s, int64_t i)
{
    if (s->h.flags & OF_ASCII) return str_value_n(S, s->s + i, 1);
    int64_t a = str_byte_offset(s, i), b = str_byte_offset(s, i + 1);
    return str_value_n(S, s->s + a, (size_t)(b - a));
}

static int str_slice(Task *T, Str *s, Slice *sl, Value *out)
{
    int64_t a, b, st, n;
    if (obj_slice_indices(T, sl, s->clen, &a, &b, &st, &n) < 0) return -1;
    Sim *S = T->S;
    if (st == 1) {
        int64_t x = str_byte_offset(s, a), y = str_byte_offset(s, a + n);
        charge_bytes(T, y - x);
        *out = str_value_n(S, s->s + x, (size_t)(y - x));
        return 0;
    }
    charge_items(T, n);
    SBuf b2 = {0};
    sb_put(&b2, "", 0);
    for (int64_t k = 0, i = a; k < n; k++, i += st) {
        int64_t x = str_byte_offset(s, i), y = str_byte_offset(s, i + 1);
        sb_put(&b2, s->s + x, (size_t)(y - x));
    }
    *out = str_value_n(S, b2.s, b2.n);
    sb_free(&b2);
    return 0;
}

int obj_getitem(Task *T, Value obj, Value key, Value *out)
{
    Value m = sub_dunder(T->S, obj, SYM_getitem);
    if (UNLIKELY(!is_undef(m))) return call_dunder(T, m, obj, &key, 1, out);
    return obj_getitem_base(T, obj, key, out);
}

int obj_getitem_base(Task *T, Value obj, Value key, Value *out)
{
    Sim *S = T->S;
    if (is_obj(obj)) {
        Obj *o = obj.u.o;
        bool sl = is_kind(key, K_SLICE);
        switch ((ObjKind)o->kind) {
        case K_LIST: {
            List *l = (List *)o;
            if (sl) {
                int64_t a, b, st, n;
                if (obj_slice_indices(T, AS_SLICE(key), l->n, &a, &b, &st, &n) < 0) return -1;
                List *r = list_new(S, n);
                for (int64_t k = 0, i = a; k < n; k++, i += st) r->v[k] = l->v[i];
                r->n = n;
                charge_items(T, n);
                *out = v_obj(r);
                return 0;
            }
            int64_t i;
            if (obj_seq_index(T, l->n, key, &i, "list") < 0) return -1;
            *out = l->v[i];
            return 0;
        }
        case K_TUPLE: {
            Tuple *t = (Tuple *)o;
            if (sl) {
                int64_t a, b, st, n;
                if (obj_slice_indices(T, AS_SLICE(key), t->n, &a, &b, &st, &n) < 0) return -1;
                Tuple *r = tuple_new(S, n);
                for (int64_t k = 0, i = a; k < n; k++, i += st) r->v[k] = t->v[i];
                charge_items(T, n);
                *out = v_obj(r);
                return 0;
            }
            int64_t i;
            if (obj_seq_index(T, t->n, key, &i, "tuple") < 0) return -1;
            *out = t->v[i];
            return 0;
        }
        case K_STR: {
            Str *s = (Str *)o;
            if (sl) return str_slice(T, s, AS_SLICE(key), out);
            int64_t i;
            if (obj_seq_index(T, s->clen, key, &i, "string") < 0) return -1;
            *out = str_char(S, s, i);
            return 0;
        }
        case K_RANGE: {
            Range *r = (Range *)o;
            if (sl) {
                int64_t a, b, st, n;
                if (obj_slice_indices(T, AS_SLICE(key), r->len, &a, &b, &st, &n) < 0) return -1;
                int64_t start = r->start + a * r->step, step = r->step * st;
                *out = v_obj(obj_range_new(S, start, start + n * step, step));
                return 0;
            }
            int64_t i;
            if (obj_seq_index(T, r->len, key, &i, "range object") < 0) return -1;
            *out = v_int(r->start + i * r->step);
            return 0;
        }
        case K_DICT: {
            int f = dict_get(T, (Dict *)o, key, out);
            if (f < 0) return -1;
            if (f == 0) {
                /* a dict subclass's __missing__ answers for a missing key */
                Value mm = sub_dunder(S, obj, SYM_missing);
                if (!is_undef(mm)) return call_dunder(T, mm, obj, &key, 1, out);
                return exc_raise_value(T, exc_new(T, S->exc[EXC_KeyError], &key, 1));
            }
            return 0;
        }
        case K_INSTANCE: {
            Value m = obj_type_dunder(S, obj, SYM_getitem);
            if (is_undef(m)) m = obj_class_lookup(S, AS_INST(obj)->cls, S->sym[SYM_getitem]);
            if (!is_undef(m)) return call_dunder(T, m, obj, &key, 1, out);
            break;
        }
        case K_CLASS: {
            /* list[int] and friends in annotations: return the class */
            if (AS_CLASS(obj)->type_id >= 0) {
                *out = obj;
                return 0;
            }
            Value m = meta_dunder(S, obj, SYM_getitem);
            if (!is_undef(m)) return call_dunder(T, m, obj, &key, 1, out);
            /* __class_getitem__, an implicit classmethod (Generic[T]) */
            m = obj_class_lookup(S, AS_CLASS(obj), S->sym[SYM_class_getitem]);
            if (is_kind(m, K_CLASSMETHOD)) m = ((Wrapper *)m.u.o)->func;
            if (is_kind(m, K_FUNC) || is_kind(m, K_NATIVE)) return call_dunder(T, m, obj, &key, 1, out);
            break;
        }
        default: break;
        }
    }
    return exc_raise(T, EXC_TypeError, "'%s' object is not subscriptable", obj_type_name(S, obj));
}

int obj_setitem(Task *T, Value obj, Value key, Value val)
{
    Value m = sub_dunder(T->S, obj, SYM_setitem);
    if (UNLIKELY(!is_undef(m))) {
        Value buf[3] = {obj, key, val}, r;
        return vm_call(T, m, buf, 3, NULL, &r);
    }
    return obj_setitem_base(T, obj, key, val);
}

int obj_setitem_base(Task *T, Value obj, Value key, Value val)
{
    Sim *S = T->S;
    if (is_obj(obj)) {
        Obj *o = obj.u.o;
        switch ((ObjKind)o->kind) {
        case K_LIST: {
            List *l = (List *)o;
            if (is_kind(key, K_SLICE)) {
                int64_t a, b, st, n;
                if (obj_slice_indices(T, AS_SLICE(key), l->n, &a, &b, &st, &n) < 0) return -1;
                List *src;
                if (obj_to_list(T, val, &src) < 0) return -1;
                charge_items(T, src->n);
                if (st == 1) {
                    int64_t m = src->n;
                    int64_t nn = l->n - n + m;
                    charge_items(T, (l->n - a - n) / 8); /* the tail moves, as in insert() */
                    if (nn > l->cap) {
                        l->v = xrealloc(l->v, (size_t)nn * sizeof(Value));
                        gc_account(S, o, (nn - l->cap) * (int64_t)sizeof(Value));
                        l->cap = nn;
                    }
                    /* an empty list has no array yet: nothing to move */
                    if (l->n - a - n) memmove(l->v + a + m, l->v + a + n, (size_t)(l->n - a - n) * sizeof(Value));
                    if (m) vcopy(l->v + a, src->v, m);
                    l->n = nn;
                    return 0;
                }
                if (src->n != n)
                    return exc_raise(T, EXC_ValueError, "attempt to assign sequence of size %lld to extended slice of size %lld",
                                    (long long)src->n, (long long)n);
                for (int64_t k = 0, i = a; k < n; k++, i += st) l->v[i] = src->v[k];
                return 0;
            }
            int64_t i;
            if (obj_seq_index(T, l->n, key, &i, "list assignment") < 0) return -1;
            l->v[i] = val;
            return 0;
        }
        case K_DICT: return dict_set(T, (Dict *)o, key, val);
        case K_INSTANCE: {
            Value m = obj_type_dunder(S, obj, SYM_setitem);
            if (is_undef(m)) m = obj_class_lookup(S, AS_INST(obj)->cls, S->sym[SYM_setitem]);
            if (!is_undef(m)) {
                Value args[2] = {key, val}, r;
                Value buf[3] = {obj, args[0], args[1]};
                return vm_call(T, m, buf, 3, NULL, &r);
            }
            break;
        }
        default: break;
        }
    }
    return exc_raise(T, EXC_TypeError, "'%s' object does not support item assignment", obj_type_name(S, obj));
}

int obj_delitem(Task *T, Value obj, Value key)
{
    Value m = sub_dunder(T->S, obj, SYM_delitem);
    if (UNLIKELY(!is_undef(m))) {
        Value r;
        return call_dunder(T, m, obj, &key, 1, &r);
    }
    return obj_delitem_base(T, obj, key);
}

int obj_delitem_base(Task *T, Value obj, Value key)
{
    Sim *S = T->S;
    if (is_obj(obj)) {
        Obj *o = obj.u.o;
        switch ((ObjKind)o->kind) {
        case K_LIST: {
            List *l = (List *)o;
            if (is_kind(key, K_SLICE)) {
                int64_t a, b, st, n;
                if (obj_slice_indices(T, AS_SLICE(key), l->n, &a, &b, &st, &n) < 0) return -1;
                if (st < 0) {
                    a = a + (n - 1) * st;
                    st = -st;
                }
                int64_t w = a;
                charge_items(T, l->n - a);
                for (int64_t i = a, k = 0; i < l->n; i++) {
                    if (k < n && i == a + k * st) {
                        k++;
                        continue;
                    }
                    l->v[w++] = l->v[i];
                }
                l->n = w;
                return 0;
            }
            int64_t i;
            if (obj_seq_index(T, l->n, key, &i, "list assignment") < 0) return -1;
            charge_items(T, (l->n - i) / 8); /* as pop(i) */
            memmove(l->v + i, l->v + i + 1, (size_t)(l->n - i - 1) * sizeof(Value));
            l->n--;
            return 0;
        }
        case K_DICT: {
            int r = dict_del(T, (Dict *)o, key);
            if (r < 0) return -1;
            if (r == 0) return exc_raise_value(T, exc_new(T, S->exc[EXC_KeyError], &key, 1));
            return 0;
        }
        case K_INSTANCE: {
            Value m = obj_type_dunder(S, obj, SYM_delitem);
            if (!is_undef(m)) {
                Value r;
                return call_dunder(T, m, obj, &key, 1, &r);
            }
            break;
        }
        default: break;
        }
    }
    return exc_raise(T, EXC_TypeError, "'%s' object does not support item deletion", obj_type_name(S, obj));
}

/* ---- iteration ---- */

Iter *obj_iter_new(Sim *S, int kind, Value src)
{
    Iter *it = gc_alloc(S, K_ITER, sizeof(Iter));
    it->ik = (uint8_t)kind;
    it->src = src;
    it->fn = v_undef();
    return it;
}

int obj_iter(Task *T, Value v, Value *out)
{
    Value m = sub_dunder(T->S, v, SYM_iter);
    if (UNLIKELY(!is_undef(m))) {
        Value r;
        if (call_dunder(T, m, v, NULL, 0, &r) < 0) return -1;
        if (is_kind(r, K_ITER) || is_kind(r, K_GEN)) {
            *out = r;
            return 0;
        }
        if (is_instance(r) && !is_undef(obj_type_dunder(T->S, r, SYM_next))) {
            *out = v_obj(obj_iter_new(T->S, IT_USER, r));
            return 0;
        }
        return exc_raise(T, EXC_TypeError, "iter() returned non-iterator of type '%s'", obj_type_name(T->S, r));
    }
    return obj_iter_base(T, v, out);
}

int obj_iter_base(Task *T, Value v, Value *out)
{
    Sim *S = T->S;
    if (is_obj(v)) {
        Obj *o = v.u.o;
        switch ((ObjKind)o->kind) {
        case K_LIST: case K_TUPLE: case K_STR:
            *out = v_obj(obj_iter_new(S, IT_SEQ, v));
            return 0;
        case K_RANGE: {
            Iter *it = obj_iter_new(S, IT_RANGE, v);
            it->i = ((Range *)o)->start;
            it->n = ((Range *)o)->len;
            it->step = ((Range *)o)->step;
            *out = v_obj(it);
            return 0;
        }
        case K_DICT: {
            Iter *it = obj_iter_new(S, IT_DICT_KEYS, v);
            it->n = ((Dict *)o)->used;
            *out = v_obj(it);
            return 0;
        }
        case K_SET: {
            Iter *it = obj_iter_new(S, IT_SET, v);
            it->n = ((Set *)o)->used;
            *out = v_obj(it);
            return 0;
        }
        case K_GEN:
            *out = v;
            return 0;
        case K_ITER: {
            Iter *it = (Iter *)o;
            if (it->ik >= IT_VIEW_KEYS && it->ik <= IT_VIEW_ITEMS) {
                Iter *ni = obj_iter_new(S, IT_DICT_KEYS + (it->ik - IT_VIEW_KEYS), it->src);
                ni->n = AS_DICT(it->src)->used;
                *out = v_obj(ni);
                return 0;
            }
            *out = v;
            return 0;
        }
        case K_INSTANCE: case K_CLASS: {
            Value m;
            if (o->kind == K_CLASS) {
                m = meta_dunder(S, v, SYM_iter);
                if (is_undef(m)) break;
            } else {
                m = obj_type_dunder(S, v, SYM_iter);
            }
            if (is_undef(m)) {
                /* a native class's own __iter__ (multiprocessing.Array) */
                Value nm = obj_class_lookup(S, AS_INST(v)->cls, S->sym[SYM_iter]);
                if (is_kind(nm, K_NATIVE) && AS_NATIVE(nm)->owner != S->types[TY_OBJECT]) m = nm;
            }
            if (!is_undef(m)) {
                Value r;
                if (call_dunder(T, m, v, NULL, 0, &r) < 0) return -1;
                if (is_kind(r, K_ITER) || is_kind(r, K_GEN)) {
                    *out = r;
                    return 0;
                }
                if (is_instance(r) && !is_undef(obj_type_dunder(S, r, SYM_next))) {
                    *out = v_obj(obj_iter_new(S, IT_USER, r));
                    return 0;
                }
                return exc_raise(T, EXC_TypeError, "iter() returned non-iterator of type '%s'", obj_type_name(S, r));
            }
            m = obj_type_dunder(S, v, SYM_getitem);
            if (!is_undef(m)) {
                Iter *it = obj_iter_new(S, IT_CALLITER, v);
                *out = v_obj(it);
                return 0;
            }
            break;
        }
        default: break;
        }
    }
    return exc_raise(T, EXC_TypeError, "'%s' object is not iterable", obj_type_name(S, v));
}

static int dict_changed(Task *T, Iter *it, const char *what)
{
    Dict *d = AS_DICT(it->src);
    if (d->used != it->n) {
        it->n = -1;
        return exc_raise(T, EXC_RuntimeError, "%s changed size during iteration", what);
    }
    return 0;
}

/* zip(strict=True) ran out at iterator k: an error unless every iterator
 * ends together (CPython's messages, arguments counted from 1). */
static int zip_strict_end(Task *T, Tuple *its, int64_t k)
{
    if (k > 0)
        return exc_raise(T, EXC_ValueError, "zip() argument %lld is shorter than argument%s%lld", (long long)k + 1,
                        k == 1 ? " " : "s 1-", (long long)k);
    for (int64_t i = 1; i < its->n; i++) {
        Value x;
        int r = obj_next(T, its->v[i], &x);
        if (r < 0) return -1;
        if (r > 0)
            return exc_raise(T, EXC_ValueError, "zip() argument %lld is longer than argument%s%lld", (long long)i + 1,
                            i == 1 ? " " : "s 1-", (long long)i);
    }
    return 0;
}

int obj_next(Task *T, Value itv, Value *out)
{
    Sim *S = T->S;
    /* a loop in C over an endless iterator must still meet the limits */
    if (UNLIKELY((++T->citems & 4095) == 0) && vm_c_loop_check(T) < 0) return -1;
    if (is_kind(itv, K_GEN)) return gen_next(T, (Gen *)itv.u.o, out);
    if (!is_kind(itv, K_ITER)) {
        if (is_instance(itv)) {
            Value m = obj_type_dunder(S, itv, SYM_next);
            if (!is_undef(m)) {
                if (call_dunder(T, m, itv, NULL, 0, out) < 0) {
                    if (exc_matches(S, T->exc, EXC_StopIteration)) {
                        T->exc = v_undef();
                        return 0;
                    }
                    return -1;
                }
                return 1;
            }
        }
        return exc_raise(T, EXC_TypeError, "'%s' object is not an iterator", obj_type_name(S, itv));
    }
    Iter *it = AS_ITER(itv);
    switch ((IterKind)it->ik) {
    case IT_SEQ: {
        Value s = it->src;
        if (is_list(s)) {
            List *l = AS_LIST(s);
            if (it->i < l->n) {
                *out = l->v[it->i++];
                return 1;
            }
        } else if (is_tuple(s)) {
            Tuple *t = AS_TUPLE(s);
            if (it->i < t->n) {
                *out = t->v[it->i++];
                return 1;
            }
        } else if (is_str(s)) {
            Str *st = AS_STR(s);
            /* i is a byte offset here */
            if (it->i < st->len) {
                int64_t a = it->i, b = a + 1;
                while (b < st->len && ((unsigned char)st->s[b] & 0xC0) == 0x80) b++;
                *out = str_value_n(S, st->s + a, (size_t)(b - a));
                it->i = b;
                return 1;
            }
        }
        it->src = v_none(); /* exhausted iterators stay exhausted */
        return 0;
    }
    case IT_RANGE:
        if (it->n > 0) {
            *out = v_int(it->i);
            it->i += it->step;
            it->n--;
            return 1;
        }
        return 0;
    case IT_DICT_KEYS: case IT_DICT_VALUES: case IT_DICT_ITEMS: {
        if (it->n < 0) return 0;
        if (dict_changed(T, it, "dictionary") < 0) return -1;
        Value k, v;
        if (!dict_next(AS_DICT(it->src), &it->i, &k, &v)) {
            it->n = -1;
            return 0;
        }
        if (it->ik == IT_DICT_KEYS) *out = k;
        else if (it->ik == IT_DICT_VALUES) *out = v;
        else *out = tuple_pair(S, k, v);
        return 1;
    }
    case IT_SET: {
        if (it->n < 0) return 0;
        Set *s = AS_SET(it->src);
        if (s->used != it->n) {
            it->n = -1;
            return exc_raise(T, EXC_RuntimeError, "Set changed size during iteration");
        }
        if (!set_next(s, &it->i, out)) {
            it->n = -1;
            return 0;
        }
        return 1;
    }
    case IT_ENUMERATE: {
        Value x;
        int r = obj_next(T, it->fn, &x);
        if (r <= 0) return r;
        *out = tuple_pair(S, v_int(it->i++), x);
        return 1;
    }
    case IT_ZIP: {
        if (it->its->n == 0) return 0;
        Tuple *t = tuple_new(S, it->its->n);
        for (int64_t k = 0; k < it->its->n; k++) {
            int r = obj_next(T, it->its->v[k], &t->v[k]);
            if (r < 0) return r;
            if (r == 0) return it->step ? zip_strict_end(T, it->its, k) : 0;
        }
        *out = v_obj(t);
        return 1;
    }
    case IT_MAP: {
        int64_t n = it->its->n;
        Value args[8];
        Value *a = n <= 8 ? args : xmalloc((size_t)n * sizeof(Value));
        int r = 1;
        for (int64_t k = 0; k < n && r == 1; k++) r = obj_next(T, it->its->v[k], &a[k]);
        if (r == 1) r = vm_call(T, it->fn, a, (int)n, NULL, out) < 0 ? -1 : 1;
        if (a != args) free(a);
        return r;
    }
    case IT_FILTER:
        for (;;) {
            Value x;
            int r = obj_next(T, it->src, &x);
            if (r <= 0) return r;
            int t;
            if (is_none(it->fn)) {
                t = obj_truthy(T, x);
            } else {
                Value res;
                if (vm_call(T, it->fn, &x, 1, NULL, &res) < 0) return -1;
                t = obj_truthy(T, res);
            }
            if (t < 0) return -1;
            if (t) {
                *out = x;
                return 1;
            }
        }
    case IT_REVERSED: {
        if (it->i < 0) return 0;
        Value s = it->src;
        int64_t n = is_list(s) ? AS_LIST(s)->n : is_tuple(s) ? AS_TUPLE(s)->n : 0;
        if (it->i >= n) {
            it->i = -1;
            return 0;
        }
        if (is_list(s)) *out = AS_LIST(s)->v[it->i];
        else if (is_tuple(s)) *out = AS_TUPLE(s)->v[it->i];
        it->i--;
        return 1;
    }
    case IT_CALLITER: {
        Value m = obj_type_dunder(S, it->src, SYM_getitem);
        Value idx = v_int(it->i);
        Value buf[2] = {it->src, idx};
        if (vm_call(T, m, buf, 2, NULL, out) < 0) {
            if (exc_matches(S, T->exc, EXC_IndexError) || exc_matches(S, T->exc, EXC_StopIteration)) {
                T->exc = v_undef();
                return 0;
            }
            return -1;
        }
        it->i++;
        return 1;
    }
    case IT_SENTINEL: {
        /* CPython's callable_iterator: a StopIteration from the callable or
         * a result equal to the sentinel ends it for good */
        if (it->n < 0) return 0;
        if (vm_call(T, it->src, NULL, 0, NULL, out) < 0) {
            if (!exc_matches(S, T->exc, EXC_StopIteration)) return -1;
            T->exc = v_undef();
        } else {
            int eq = obj_eq(T, it->fn, *out);
            if (eq < 0) return -1;
            if (!eq) return 1;
        }
        it->n = -1;
        it->src = it->fn = v_none();
        return 0;
    }
    case IT_USER: return obj_next(T, it->src, out);
    case IT_VIEW_KEYS: case IT_VIEW_VALUES: case IT_VIEW_ITEMS:
        return exc_raise(T, EXC_TypeError, "'%s' object is not an iterator", obj_type_name(S, itv));
    }
    return 0;
}

/* A list subclass with its own __iter__ is iterated, as CPython's list()
 * does for anything but an exact list or tuple. */
static inline bool plain_items(Sim *S, Value v)
{
    return is_tuple(v) || (is_list(v) && (!(v.u.o->flags & OF_SUBCLASS) || is_undef(obj_type_dunder(S, v, SYM_iter))));
}

int obj_to_list(Task *T, Value v, List **out)
{
    Sim *S = T->S;
    if (plain_items(S, v)) {
        int64_t n = is_list(v) ? AS_LIST(v)->n : AS_TUPLE(v)->n;
        Value *src = is_list(v) ? AS_LIST(v)->v : AS_TUPLE(v)->v;
        List *l = list_new(S, n);
        vcopy(l->v, src, n);
        l->n = n;
        *out = l;
        return 0;
    }
    Value it;
    if (obj_iter(T, v, &it) < 0) return -1;
    int64_t hint = 0;
    if (is_kind(v, K_RANGE)) {
        hint = AS_RANGE(v)->len;
        if (obj_check_size(T, hint) < 0) return -1;
    }
    else if (is_dict(v)) hint = AS_DICT(v)->used;
    else if (is_set(v)) hint = AS_SET(v)->used;
    List *l = list_new(S, hint);
    for (;;) {
        Value x;
        int r = obj_next(T, it, &x);
        if (r < 0) return -1;
        if (r == 0) break;
        list_append(S, l, x);
    }
    *out = l;
    return 0;
}

int obj_items(Task *T, Value v, Value **items, int64_t *n, Value *keep)
{
    if (is_list(v) && plain_items(T->S, v)) {
        *items = AS_LIST(v)->v;
        *n = AS_LIST(v)->n;
        *keep = v;
        return 0;
    }
    if (is_tuple(v)) {
        *items = AS_TUPLE(v)->v;
        *n = AS_TUPLE(v)->n;
        *keep = v;
        return 0;
    }
    List *l;
    if (obj_to_list(T, v, &l) < 0) return -1;
    *items = l->v;
    *n = l->n;
    *keep = v_obj(l);
    return 0;
}

/* ---- construction helpers ---- */

Value obj_method(Sim *S, Value self, Value func)
{
    Method *m = gc_alloc(S, K_METHOD, sizeof(Method));
    m->self = self;
    m->func = func;
    return v_obj(m);
}

Native *obj_native_new(Sim *S, const char *name, NativeFn fn, int flags)
{
    Native *n = gc_alloc(S, K_NATIVE, sizeof(Native));
    n->fn = fn;
    n->name = name;
    n->meth_flags = (uint8_t)flags;
    n->bound = v_undef();
    return n;
}

Instance *obj_instance_new(Sim *S, Class *cls)
{
    Instance *in = gc_alloc(S, K_INSTANCE, sizeof(Instance));
    in->cls = cls;
    return in;
}

Instance *obj_instance_new_with(Sim *S, Class *cls, size_t size)
{
    Instance *in = gc_alloc(S, K_INSTANCE, sizeof(Instance) + size);
    in->cls = cls;
    in->payload = in + 1;
    return in;
}

/* The depth a C recursion may reach: the recursion limit, and never more
 * than this, which the C stack holds with room to spare */
#define MAX_C_RECURSION 4000

int obj_recurse_enter(Task *T, const char *where)
{
    int lim = T->S->recursion_limit < MAX_C_RECURSION ? T->S->recursion_limit : MAX_C_RECURSION;
    if (T->cdepth >= lim) return exc_raise(T, EXC_RecursionError, "maximum recursion depth exceeded%s", where);
    T->cdepth++;
    return 0;
}

int obj_check_size(Task *T, int64_t n)
{
    if (n < 0 || n > MAX_ITEMS)
        return exc_raise(T, EXC_MemoryError, "the simulator limits a single object to %lld items or bytes",
                        (long long)MAX_ITEMS);
    return 0;
}

int obj_repr_enter(Sim *S, Obj *o)
{
    for (size_t i = 0; i < S->repr_stack.n; i++)
        if (S->repr_stack.v[i] == o) return 1;
    BUF_PUSH(S->repr_stack, o);
    return 0;
}

void obj_repr_leave(Sim *S, Obj *o)
{
    if (S->repr_stack.n && S->repr_stack.v[S->repr_stack.n - 1] == o) S->repr_stack.n--;
}

void obj_id_forget(Sim *S, Obj *o) { ptrmap_del(&S->ids, o); }

void obj_ids_free(Sim *S) { ptrmap_free(&S->ids); }

/* ---- sorting (stable merge sort; keys computed once) ---- */

static int merge_sort(Task *T, Value *keys, int64_t *idx, int64_t *tmp, int64_t n, bool reverse)
{
    for (int64_t width = 1; width < n; width *= 2) {
        for (int64_t lo = 0; lo < n; lo += 2 * width) {
            int64_t mid = lo + width < n ? lo + width : n;
            int64_t hi = lo + 2 * width < n ? lo + 2 * width : n;
            int64_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi) {
                /* take from the right only when strictly before the left:
                 * that keeps equal items in their original order */
                int lt = reverse ? obj_lt(T, keys[idx[i]], keys[idx[j]]) : obj_lt(T, keys[idx[j]], keys[idx[i]]);
                if (lt < 0) return -1;
                tmp[k++] = lt ? idx[j++] : idx[i++];
            }
            while (i < mid) tmp[k++] = idx[i++];
            while (j < hi) tmp[k++] = idx[j++];
        }
        memcpy(idx, tmp, (size_t)n * sizeof(int64_t));
    }
    return 0;
}

int obj_sort(Task *T, Value *v, int64_t n, Value key, bool reverse)
{
    Sim *S = T->S;
    if (n < 2) {
        if (n == 1 && !is_undef(key) && !is_none(key)) {
            Value k;
            if (vm_call(T, key, v, 1, NULL, &k) < 0) return -1;
        }
        return 0;
    }
    Value *keys = v;
    List *keep = NULL;
    if (!is_undef(key) && !is_none(key)) {
        keep = list_new(S, n);
        for (int64_t i = 0; i < n; i++) {
            Value k;
            if (vm_call(T, key, &v[i], 1, NULL, &k) < 0) return -1;
            keep->v[keep->n++] = k;
        }
        keys = keep->v;
    }
    int64_t *idx = xmalloc((size_t)n * sizeof(int64_t));
    int64_t *tmp = xmalloc((size_t)n * sizeof(int64_t));
    for (int64_t i = 0; i < n; i++) idx[i] = i;
    int r = merge_sort(T, keys, idx, tmp, n, reverse);
    if (r == 0) {
        Value *copy = xmalloc((size_t)n * sizeof(Value));
        for (int64_t i = 0; i < n; i++) copy[i] = v[idx[i]];
        vcopy(v, copy, n);
        free(copy);
    }
    free(idx);
    free(tmp);
    /* O(n log n) work */
    charge_items(T, n * (int64_t)(log2((double)n) + 1));
    return r;
}

Range *obj_range_new(Sim *S, int64_t start, int64_t stop, int64_t step)
{
    Range *r = gc_alloc(S, K_RANGE, sizeof(Range));
    r->start = start;
    r->stop = stop;
    r->step = step;
    if (step > 0) r->len = stop > start ? (int64_t)(((uint64_t)stop - (uint64_t)start - 1) / (uint64_t)step + 1) : 0;
    else r->len = start > stop ? (int64_t)(((uint64_t)start - (uint64_t)stop - 1) / (uint64_t)(-step) + 1) : 0;
    return r;
}

static bool fast_key_eq(Value a, Value b)
{
    if (a.tag != b.tag) return false;
    if (a.tag == V_OBJ) {
        if (a.u.o == b.u.o) return true;
        if (a.u.o->kind == K_STR && b.u.o->kind == K_STR) return str_eq((Str *)a.u.o, (Str *)b.u.o);
        return false;
    }
    /* CPython finds a key by identity before ==, so `d[x]` works for x =
     * nan.  A float here has no identity: a nan with the same bits stands
     * for the same object (else d.update(d) on nan keys never ends) */
    if (a.tag == V_FLOAT) return a.u.f == b.u.f || (a.u.f != a.u.f && a.u.i == b.u.i);
    return a.u.i == b.u.i;
}

/* Can two keys with equal hashes be compared without user code, and do we
 * know the answer?  Returns 1/0 when decided, 2 when == must be called. */
int obj_eq_quick(Value a, Value b)
{
    if (fast_key_eq(a, b)) return 1;
    if (a.tag == V_OBJ && b.tag == V_OBJ) {
        if (a.u.o->kind == K_STR || b.u.o->kind == K_STR) {
            if (a.u.o->kind == K_INSTANCE || b.u.o->kind == K_INSTANCE) return 2;
            return 0;
        }
        return 2;
    }
    /* numbers: a big int may equal a float */
    bool an = a.tag == V_INT || a.tag == V_BOOL || a.tag == V_FLOAT || is_bigint(a);
    bool bn = b.tag == V_INT || b.tag == V_BOOL || b.tag == V_FLOAT || is_bigint(b);
    return an && bn ? 2 : 0;
}
