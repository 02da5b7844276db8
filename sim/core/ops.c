/* ops.c - arithmetic and the other binary/unary operators.  Ints are
 * 64-bit here; a result past 64 bits is a big int, made by bigint.c. */
#include "ops.h"
#include "bigint.h"
#include "dict.h"
#include "format.h"
#include "gc.h"
#include "list.h"
#include "obj.h"
#include "set.h"
#include "str.h"
#include "tuple.h"
#include "views.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

static const char *const binop_sym[] = {
#define X(k, s, m, r) s,
    BINOPS(X)
#undef X
};
static const char *const binop_meth[] = {
#define X(k, s, m, r) m,
    BINOPS(X)
#undef X
};
static const char *const binop_rmeth[] = {
#define X(k, s, m, r) r,
    BINOPS(X)
#undef X
};

static int64_t floordiv(int64_t a, int64_t b)
{
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) q--;
    return q;
}

static int64_t floormod(int64_t a, int64_t b)
{
    int64_t m = a % b;
    if (m != 0 && ((m < 0) != (b < 0))) m += b;
    return m;
}

static int int_pow(Task *T, int64_t a, int64_t b, Value *out)
{
    if (b < 0) {
        if (a == 0) return exc_raise(T, EXC_ZeroDivisionError, "0.0 cannot be raised to a negative power");
        *out = v_float(pow((double)a, (double)b));
        return 0;
    }
    int64_t r = 1, base = a, e = b;
    while (e) {
        if (e & 1) {
            if (__builtin_mul_overflow(r, base, &r)) return bigint_pow(T, v_int(a), v_int(b), out);
        }
        e >>= 1;
        if (e && __builtin_mul_overflow(base, base, &base)) return bigint_pow(T, v_int(a), v_int(b), out);
    }
    *out = v_int(r);
    return 0;
}

/* int (op) int.  A result past 64 bits is a big int (bigint.c).  Returns
 * 0, -1 error. */
int ops_int_binop(Task *T, int op, int64_t a, int64_t b, Value *out)
{
    int64_t r;
    switch (op) {
    case BIN_ADD:
        if (__builtin_add_overflow(a, b, &r)) goto big;
        break;
    case BIN_SUB:
        if (__builtin_sub_overflow(a, b, &r)) goto big;
        break;
    case BIN_MUL:
        if (__builtin_mul_overflow(a, b, &r)) goto big;
        break;
    case BIN_TRUEDIV: {
        if (b == 0) return exc_raise(T, EXC_ZeroDivisionError, "division by zero");
        /* exact when both fit in a double's mantissa; else rounded once, as CPython */
        if (llabs(a) < (1LL << 53) && llabs(b) < (1LL << 53)) *out = v_float((double)a / (double)b);
        else return bigint_truediv(T, v_int(a), v_int(b), out);
        return 0;
    }
    case BIN_FLOORDIV:
        if (b == 0) return exc_raise(T, EXC_ZeroDivisionError, "integer division or modulo by zero");
        if (a == INT64_MIN && b == -1) goto big;
        r = floordiv(a, b);
        break;
    case BIN_MOD:
        if (b == 0) return exc_raise(T, EXC_ZeroDivisionError, "integer modulo by zero");
        if (b == -1) r = 0;
        else r = floormod(a, b);
        break;
    case BIN_POW: return int_pow(T, a, b, out);
    case BIN_LSHIFT:
        if (b < 0) return exc_raise(T, EXC_ValueError, "negative shift count");
        if (a == 0) r = 0;
        else if (b >= 64 || (a > 0 ? a > (INT64_MAX >> b) : a < (INT64_MIN >> b))) goto big;
        else r = (int64_t)((uint64_t)a << b);
        break;
    case BIN_RSHIFT:
        if (b < 0) return exc_raise(T, EXC_ValueError, "negative shift count");
        r = b >= 63 ? (a < 0 ? -1 : 0) : a >> b;
        break;
    case BIN_AND: r = a & b; break;
    case BIN_OR: r = a | b; break;
    case BIN_XOR: r = a ^ b; break;
    default: return exc_raise(T, EXC_TypeError, "bad operator");
    }
    *out = v_int(r);
    return 0;
big:
    return bigint_binop(T, op, v_int(a), v_int(b), out);
}

/* A number as a double for float arithmetic: an int too big for one is
 * CPython's OverflowError. */
static int num_double(Task *T, Value v, double *out)
{
    if (is_float(v)) *out = v.u.f;
    else if (is_intlike(v)) *out = (double)v.u.i;
    else return bigint_to_double(T, v, out);
    return 0;
}

static int float_binop(Task *T, int op, double a, double b, Value *out)
{
    switch (op) {
    case BIN_ADD: *out = v_float(a + b); return 0;
    case BIN_SUB: *out = v_float(a - b); return 0;
    case BIN_MUL: *out = v_float(a * b); return 0;
    case BIN_TRUEDIV:
        if (b == 0) return exc_raise(T, EXC_ZeroDivisionError, "float division by zero");
        *out = v_float(a / b);
        return 0;
    case BIN_FLOORDIV: {
        if (b == 0) return exc_raise(T, EXC_ZeroDivisionError, "float floor division by zero");
        double m = fmod(a, b);
        double d = (a - m) / b;
        if (m && ((b < 0) != (m < 0))) d -= 1.0;
        double f = floor(d);
        if (d - f > 0.5) f += 1.0;
        if (d == 0) f = copysign(0.0, a / b);
        *out = v_float(f);
        return 0;
    }
    case BIN_MOD: {
        if (b == 0) return exc_raise(T, EXC_ZeroDivisionError, "float modulo");
        double m = fmod(a, b);
        if (m) {
            if ((b < 0) != (m < 0)) m += b;
        } else {
            m = copysign(0.0, b);
        }
        *out = v_float(m);
        return 0;
    }
    case BIN_POW: {
        if (a == 0 && b < 0) return exc_raise(T, EXC_ZeroDivisionError, "0.0 cannot be raised to a negative power");
        if (a < 0 && b != floor(b))
            return exc_raise(T, EXC_ValueError, "complex numbers are not supported by the simulator (negative number raised to a fractional power)");
        double r = pow(a, b);
        if (isinf(r) && isfinite(a) && isfinite(b)) return exc_raise(T, EXC_OverflowError, "(34, 'Numerical result out of range')");
        *out = v_float(r);
        return 0;
    }
    default: return 1; /* not a float operator */
    }
}

static int seq_repeat(Task *T, Value seq, Value count, Value *out)
{
    Sim *S = T->S;
    if (is_bigint(count)) return exc_raise(T, EXC_OverflowError, "cannot fit 'int' into an index-sized integer");
    int64_t n = count.u.i;
    if (n < 0) n = 0;
    if (is_str(seq)) {
        Str *s = AS_STR(seq);
        if (!s->len) n = 0; /* '' * 2**62 is '' at once, not 2**62 empty copies */
        /* len * n saturated: it may not fit 64 bits */
        Str *r = str_alloc(T, n && s->len > MAX_ITEMS / n ? MAX_ITEMS + 1 : s->len * n);
        if (!r) return -1;
        /* doubling: log n copies, not n ('x' * 10**8 is 10**8 one-byte copies) */
        int64_t total = r->len;
        if (n) memcpy(r->s, s->s, (size_t)s->len);
        for (int64_t done = s->len; done < total; done *= 2)
            memcpy(r->s + done, r->s, (size_t)(done < total - done ? done : total - done));
        r->clen = (int32_t)(s->clen * n);
        r->h.flags |= s->h.flags & OF_ASCII;
        if (!s->len) r->h.flags |= OF_ASCII;
        charge_bytes(T, r->len);
        *out = v_obj(r);
        return 0;
    }
    Value *items = is_list(seq) ? AS_LIST(seq)->v : AS_TUPLE(seq)->v;
    int64_t len = is_list(seq) ? AS_LIST(seq)->n : AS_TUPLE(seq)->n;
    if (!len) n = 0;
    if (n && len > MAX_ITEMS / n) return obj_check_size(T, MAX_ITEMS + 1);
    charge_items(T, len * n);
    if (is_list(seq)) {
        List *l = list_new(S, len * n);
        for (int64_t i = 0; i < n; i++) vcopy(l->v + i * len, items, len);
        l->n = len * n;
        *out = v_obj(l);
    } else {
        Tuple *t = tuple_new(S, len * n);
        for (int64_t i = 0; i < n; i++) vcopy(t->v + i * len, items, len);
        *out = v_obj(t);
    }
    return 0;
}

/* a + b: 0, or -1 with MemoryError past the limit of a single object */
static int str_concat(Task *T, Str *a, Str *b, Value *out)
{
    Str *r = str_alloc(T, (int64_t)a->len + b->len);
    if (!r) return -1;
    charge_bytes(T, r->len);
    memcpy(r->s, a->s, (size_t)a->len);
    memcpy(r->s + a->len, b->s, (size_t)b->len);
    r->clen = a->clen + b->clen;
    if ((a->h.flags & OF_ASCII) && (b->h.flags & OF_ASCII)) r->h.flags |= OF_ASCII;
    *out = v_obj(r);
    return 0;
}

static Set *set_copy(Task *T, Set *s, bool frozen)
{
    Set *r = set_new(T->S, frozen);
    set_update(T, r, v_obj(s));
    return r;
}

/* Set algebra in CPython's iteration orders. */
static int set_binop(Task *T, int op, Set *a, Set *b, bool inplace, Value *out)
{
    Sim *S = T->S;
    bool frozen = (a->h.flags & OF_FROZEN) != 0;
    /* the items each algorithm below walks: copies, probes and adds */
    switch (op) {
    case BIN_OR: charge_items(T, (inplace ? 0 : a->used) + b->used); break;
    case BIN_AND: charge_items(T, a->used < b->used ? a->used : b->used); break;
    case BIN_SUB: charge_items(T, inplace ? b->used : (a->used >> 2) > b->used ? a->used + b->used : a->used); break;
    case BIN_XOR: charge_items(T, inplace ? b->used : a->used + b->used); break;
    default: break;
    }
    switch (op) {
    case BIN_OR: {
        Set *r = inplace ? a : set_copy(T, a, frozen);
        if (set_update(T, r, v_obj(b)) < 0) return -1;
        *out = v_obj(r);
        return 0;
    }
    case BIN_AND: {
        Set *small = a, *big = b;
        if (a->used > b->used) small = b, big = a;
        Set *r = set_new(S, frozen);
        int64_t pos = 0;
        Value k;
        while (set_next(small, &pos, &k)) {
            int c = set_contains(T, big, k);
            if (c < 0) return -1;
            if (c && set_add(T, r, k) < 0) return -1;
        }
        if (inplace) {
            /* a &= b: CPython swaps the result's table into a */
            Set tmp = *a;
            a->fill = r->fill, a->used = r->used, a->mask = r->mask, a->table = r->table;
            r->fill = tmp.fill, r->used = tmp.used, r->mask = tmp.mask, r->table = tmp.table;
            uint32_t sa = a->h.size;
            a->h.size = r->h.size;
            r->h.size = sa;
            *out = v_obj(a);
        } else {
            *out = v_obj(r);
        }
        return 0;
    }
    case BIN_SUB: {
        if (inplace) {
            int64_t pos = 0;
            Value k;
            if (a == b) {
                while (set_next(b, &pos, &k)) set_discard(T, a, k);
            } else {
                while (set_next(b, &pos, &k))
                    if (set_discard(T, a, k) < 0) return -1;
            }
            *out = v_obj(a);
            return 0;
        }
        Set *r;
        if ((a->used >> 2) > b->used) {
            r = set_copy(T, a, frozen);
            int64_t pos = 0;
            Value k;
            while (set_next(b, &pos, &k))
                if (set_discard(T, r, k) < 0) return -1;
        } else {
            r = set_new(S, frozen);
            int64_t pos = 0;
            Value k;
            while (set_next(a, &pos, &k)) {
                int c = set_contains(T, b, k);
                if (c < 0) return -1;
                if (!c && set_add(T, r, k) < 0) return -1;
            }
        }
        *out = v_obj(r);
        return 0;
    }
    case BIN_XOR: {
        /* result starts as a copy of b, then each item of a toggles */
        if (inplace && a == b) {
            set_clear(S, a);
            *out = v_obj(a);
            return 0;
        }
        Set *r = inplace ? a : set_copy(T, b, frozen);
        Set *src = inplace ? b : a;
        int64_t pos = 0;
        Value k;
        while (set_next(src, &pos, &k)) {
            int c = set_discard(T, r, k);
            if (c < 0) return -1;
            if (!c && set_add(T, r, k) < 0) return -1;
        }
        *out = v_obj(r);
        return 0;
    }
    default: return 1;
    }
}

/* A dunder the operator calls: a user class's, or a native of a library
 * class that asks for it (CF_NATIVE_DUNDERS: deque, bytes). */
static bool binop_dunder(Value m)
{
    if (is_undef(m)) return false;
    if (!is_kind(m, K_NATIVE)) return true;
    Class *o = AS_NATIVE(m)->owner;
    return o && (o->cflags & CF_NATIVE_DUNDERS);
}

#define BINOP_CLASS (CF_USER | CF_NATIVE_DUNDERS)


/* The class of v, when it may define operator methods: an instance of a
 * user class (or a library class asking for its dunders), or of a user
 * subclass of list, dict or set. */
static Class *user_class(Value v)
{
    if (is_instance(v)) return (AS_INST(v)->cls->cflags & BINOP_CLASS) ? AS_INST(v)->cls : NULL;
    return obj_is_sub(v) ? obj_sub_ext(v.u.o)->cls : NULL;
}

static int user_binop(Task *T, int op, Value a, Value b, bool inplace, Value *out, bool *handled)
{
    Sim *S = T->S;
    *handled = false;
    Class *ca = user_class(a), *cb = user_class(b);
    if (!ca && !cb && !is_instance(a) && !is_instance(b)) return 0;
    if (inplace && ca) {
        char iname[32];
        snprintf(iname, sizeof iname, "__i%s", binop_meth[op] + 2);
        Str *n = str_intern(S, iname, strlen(iname));
        Value im = obj_class_lookup(S, ca, n);
        if (binop_dunder(im)) {
            Value args[2] = {a, b};
            if (vm_call(T, im, args, 2, NULL, out) < 0) return -1;
            if (!obj_same(*out, S->notimpl)) {
                *handled = true;
                return 0;
            }
        }
    }
    if (ca) {
        Str *n = str_intern(S, binop_meth[op], strlen(binop_meth[op]));
        Value m = obj_class_lookup(S, ca, n);
        if (binop_dunder(m)) {
            Value args[2] = {a, b};
            if (vm_call(T, m, args, 2, NULL, out) < 0) return -1;
            if (!obj_same(*out, S->notimpl)) {
                *handled = true;
                return 0;
            }
        }
    }
    if (cb) {
        Str *n = str_intern(S, binop_rmeth[op], strlen(binop_rmeth[op]));
        Value m = obj_class_lookup(S, cb, n);
        if (binop_dunder(m)) {
            Value args[2] = {b, a};
            if (vm_call(T, m, args, 2, NULL, out) < 0) return -1;
            if (!obj_same(*out, S->notimpl)) {
                *handled = true;
                return 0;
            }
        }
    }
    return 0;
}

int ops_binop(Task *T, int opx, Value a, Value b, Value *out)
{
    Sim *S = T->S;
    bool inplace = opx >= BIN_INPLACE;
    int op = opx & (BIN_INPLACE - 1);
    /* numbers */
    if (is_intlike(a) && is_intlike(b)) {
        if (a.tag == V_BOOL && b.tag == V_BOOL && (op == BIN_AND || op == BIN_OR || op == BIN_XOR)) {
            int64_t r = op == BIN_AND ? (a.u.i & b.u.i) : op == BIN_OR ? (a.u.i | b.u.i) : (a.u.i ^ b.u.i);
            *out = v_bool(r != 0);
            return 0;
        }
        return ops_int_binop(T, op, a.u.i, b.u.i, out);
    }
    /* a big int; but an int ** a negative int is a float power */
    if (bigint_is_int(a) && bigint_is_int(b) && !(op == BIN_POW && bigint_sign(b) < 0))
        return bigint_binop(T, op, a, b, out);
    if ((is_float(a) || bigint_is_int(a)) && (is_float(b) || bigint_is_int(b))) {
        double x, y;
        if (num_double(T, a, &x) < 0 || num_double(T, b, &y) < 0) return -1;
        int r = float_binop(T, op, x, y, out);
        if (r <= 0) return r;
        goto unsupported;
    }
    if (UNLIKELY(obj_is_sub(a) || obj_is_sub(b))) {
        /* a subclass of list, dict or set: its own operator methods first */
        bool handled;
        if (user_binop(T, op, a, b, inplace, out, &handled) < 0) return -1;
        if (handled) return 0;
    }
    if (is_obj(a)) {
        Obj *o = a.u.o;
        switch ((ObjKind)o->kind) {
        case K_STR:
            if (op == BIN_ADD) {
                if (!is_str(b))
                    return exc_raise(T, EXC_TypeError, "can only concatenate str (not \"%s\") to str", obj_type_name(S, b));
                return str_concat(T, AS_STR(a), AS_STR(b), out);
            }
            if (op == BIN_MUL && bigint_is_int(b)) return seq_repeat(T, a, b, out);
            if (op == BIN_MUL && !is_instance(b))
                return exc_raise(T, EXC_TypeError, "can't multiply sequence by non-int of type '%s'", obj_type_name(S, b));
            if (op == BIN_MOD) {
                if (format_percent(T, AS_STR(a), b, out) < 0) return -1;
                charge_bytes(T, AS_STR(*out)->len);
                return 0;
            }
            break;
        case K_LIST:
            if (op == BIN_ADD) {
                if (inplace) {
                    List *src;
                    if (obj_to_list(T, b, &src) < 0) return -1;
                    charge_items(T, src->n); /* as list.extend */
                    for (int64_t i = 0; i < src->n; i++) list_append(S, (List *)o, src->v[i]);
                    *out = a;
                    return 0;
                }
                if (!is_list(b))
                    return exc_raise(T, EXC_TypeError, "can only concatenate list (not \"%s\") to list", obj_type_name(S, b));
                List *x = (List *)o, *y = AS_LIST(b);
                charge_items(T, x->n + y->n);
                List *r = list_new(S, x->n + y->n);
                vcopy(r->v, x->v, x->n);
                vcopy(r->v + x->n, y->v, y->n);
                r->n = x->n + y->n;
                *out = v_obj(r);
                return 0;
            }
            if (op == BIN_MUL && bigint_is_int(b)) {
                if (inplace) {
                    Value r;
                    if (seq_repeat(T, a, b, &r) < 0) return -1;
                    List *l = (List *)o, *rl = AS_LIST(r);
                    Value *tmp = l->v;
                    int64_t tc = l->cap;
                    l->v = rl->v, l->n = rl->n, l->cap = rl->cap;
                    rl->v = tmp, rl->n = 0, rl->cap = tc;
                    *out = a;
                    return 0;
                }
                return seq_repeat(T, a, b, out);
            }
            if (op == BIN_MUL && !is_instance(b))
                return exc_raise(T, EXC_TypeError, "can't multiply sequence by non-int of type '%s'", obj_type_name(S, b));
            break;
        case K_TUPLE:
            if (op == BIN_ADD) {
                if (!is_tuple(b))
                    return exc_raise(T, EXC_TypeError, "can only concatenate tuple (not \"%s\") to tuple", obj_type_name(S, b));
                Tuple *x = (Tuple *)o, *y = AS_TUPLE(b);
                charge_items(T, x->n + y->n);
                Tuple *r = tuple_new(S, x->n + y->n);
                vcopy(r->v, x->v, x->n);
                vcopy(r->v + x->n, y->v, y->n);
                *out = v_obj(r);
                return 0;
            }
            if (op == BIN_MUL && bigint_is_int(b)) return seq_repeat(T, a, b, out);
            if (op == BIN_MUL && !is_instance(b))
                return exc_raise(T, EXC_TypeError, "can't multiply sequence by non-int of type '%s'", obj_type_name(S, b));
            break;
        case K_SET:
            if (is_set(b)) {
                int r = set_binop(T, op, (Set *)o, AS_SET(b), inplace && !(o->flags & OF_FROZEN), out);
                if (r <= 0) return r;
            }
            break;
        case K_DICT:
            if (op == BIN_OR && is_dict(b)) {
                charge_items(T, (inplace ? 0 : ((Dict *)o)->used) + AS_DICT(b)->used);
                Dict *r = inplace ? (Dict *)o : dict_copy(S, (Dict *)o);
                int64_t pos = 0;
                Value k, v;
                while (dict_next(AS_DICT(b), &pos, &k, &v))
                    if (dict_set(T, r, k, v) < 0) return -1;
                *out = v_obj(r);
                return 0;
            }
            break;
        default: break;
        }
    }
    if (bigint_is_int(a) && op == BIN_MUL && (is_str(b) || is_list(b) || is_tuple(b))) return seq_repeat(T, b, a, out);
    {
        int h = views_binop(T, op, a, b, out);
        if (h) return h < 0 ? -1 : 0;
    }
    {
        bool handled;
        if (user_binop(T, op, a, b, inplace, out, &handled) < 0) return -1;
        if (handled) return 0;
    }
unsupported:
    if (is_str(a) && op == BIN_ADD)
        return exc_raise(T, EXC_TypeError, "can only concatenate str (not \"%s\") to str", obj_type_name(S, b));
    if ((is_list(a) || is_tuple(a) || is_str(a)) && op == BIN_MUL)
        return exc_raise(T, EXC_TypeError, "can't multiply sequence by non-int of type '%s'", obj_type_name(S, b));
    if ((is_list(b) || is_tuple(b) || is_str(b)) && op == BIN_MUL && !bigint_is_int(a))
        return exc_raise(T, EXC_TypeError, "can't multiply sequence by non-int of type '%s'", obj_type_name(S, a));
    return exc_raise(T, EXC_TypeError, "unsupported operand type(s) for %s%s: '%s' and '%s'", binop_sym[op],
                    inplace ? "=" : "", obj_type_name(S, a), obj_type_name(S, b));
}

int ops_unary(Task *T, int opcode, Value a, Value *out)
{
    Sim *S = T->S;
    switch (opcode) {
    case OP_UNARY_NOT: {
        int t = obj_truthy(T, a);
        if (t < 0) return -1;
        *out = v_bool(!t);
        return 0;
    }
    case OP_UNARY_NEG:
        if (is_intlike(a)) {
            if (a.u.i == INT64_MIN) return bigint_neg(T, a, out);
            *out = v_int(-a.u.i);
            return 0;
        }
        if (is_bigint(a)) return bigint_neg(T, a, out);
        if (is_float(a)) {
            *out = v_float(-a.u.f);
            return 0;
        }
        break;
    case OP_UNARY_POS:
        if (is_intlike(a)) {
            *out = v_int(a.u.i);
            return 0;
        }
        if (is_bigint(a)) {
            *out = a;
            return 0;
        }
        if (is_float(a)) {
            *out = a;
            return 0;
        }
        break;
    case OP_UNARY_INVERT:
        if (is_intlike(a)) {
            *out = v_int(~a.u.i);
            return 0;
        }
        if (is_bigint(a)) return bigint_invert(T, a, out);
        break;
    default: break;
    }
    int sym = opcode == OP_UNARY_NEG ? SYM_neg : opcode == OP_UNARY_POS ? SYM_pos : SYM_invert;
    Value m = obj_type_dunder(S, a, sym);
    if (!is_undef(m)) return vm_call(T, m, &a, 1, NULL, out);
    const char *s = opcode == OP_UNARY_NEG ? "-" : opcode == OP_UNARY_POS ? "+" : "~";
    return exc_raise(T, EXC_TypeError, "bad operand type for unary %s: '%s'", s, obj_type_name(S, a));
}
