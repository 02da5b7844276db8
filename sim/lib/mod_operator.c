/* mod_operator.c - the operator module, in C as CPython's _operator: the
 * operators as functions (one call each, like the operator itself), and
 * itemgetter, attrgetter and methodcaller, whose calls are natives so a
 * sort key costs what CPython's does. */
#include "mod_operator.h"
#include "attr.h"
#include "dict.h"
#include "gc.h"
#include "native.h"
#include "ops.h"
#include "proc.h"
#include "repr.h"
#include "str.h"
#include "tuple.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the operators ---- */

static int binop(Task *T, const char *name, Value *args, int nargs, Tuple *kw, int op, Value *out)
{
    if (nat_count(T, name, nargs, kw, 2, 2) < 0) return NAT_ERR;
    return ops_binop(T, op, args[0], args[1], out) < 0 ? NAT_ERR : NAT_OK;
}

#define BINOP(cname, pyname, op) \
    NATIVE(cname) { return binop(T, pyname, args, nargs, kw, op, out); }
BINOP(op_add, "add", BIN_ADD)
BINOP(op_sub, "sub", BIN_SUB)
BINOP(op_mul, "mul", BIN_MUL)
BINOP(op_truediv, "truediv", BIN_TRUEDIV)
BINOP(op_floordiv, "floordiv", BIN_FLOORDIV)
BINOP(op_mod, "mod", BIN_MOD)
BINOP(op_pow, "pow", BIN_POW)
BINOP(op_lshift, "lshift", BIN_LSHIFT)
BINOP(op_rshift, "rshift", BIN_RSHIFT)
BINOP(op_and, "and_", BIN_AND)
BINOP(op_or, "or_", BIN_OR)
BINOP(op_xor, "xor", BIN_XOR)
BINOP(op_iadd, "iadd", BIN_ADD + BIN_INPLACE)
BINOP(op_isub, "isub", BIN_SUB + BIN_INPLACE)
BINOP(op_imul, "imul", BIN_MUL + BIN_INPLACE)
BINOP(op_itruediv, "itruediv", BIN_TRUEDIV + BIN_INPLACE)
BINOP(op_ifloordiv, "ifloordiv", BIN_FLOORDIV + BIN_INPLACE)
BINOP(op_imod, "imod", BIN_MOD + BIN_INPLACE)
BINOP(op_ipow, "ipow", BIN_POW + BIN_INPLACE)
BINOP(op_ilshift, "ilshift", BIN_LSHIFT + BIN_INPLACE)
BINOP(op_irshift, "irshift", BIN_RSHIFT + BIN_INPLACE)
BINOP(op_iand, "iand", BIN_AND + BIN_INPLACE)
BINOP(op_ior, "ior", BIN_OR + BIN_INPLACE)
BINOP(op_ixor, "ixor", BIN_XOR + BIN_INPLACE)

static int concat(Task *T, const char *name, Value *args, int nargs, Tuple *kw, int op, Value *out)
{
    if (nat_count(T, name, nargs, kw, 2, 2) < 0) return NAT_ERR;
    if (!is_str(args[0]) && !is_list(args[0]) && !is_tuple(args[0]) && !is_instance(args[0]))
        return exc_raise(T, EXC_TypeError, "'%s' object can't be concatenated", obj_type_name(T->S, args[0]));
    return ops_binop(T, op, args[0], args[1], out) < 0 ? NAT_ERR : NAT_OK;
}

NATIVE(op_concat) { return concat(T, "concat", args, nargs, kw, BIN_ADD, out); }
NATIVE(op_iconcat) { return concat(T, "iconcat", args, nargs, kw, BIN_ADD + BIN_INPLACE, out); }

static int cmp(Task *T, const char *name, Value *args, int nargs, Tuple *kw, int op, Value *out)
{
    if (nat_count(T, name, nargs, kw, 2, 2) < 0) return NAT_ERR;
    return obj_richcmp(T, args[0], args[1], op, out) < 0 ? NAT_ERR : NAT_OK;
}

#define CMP(cname, pyname, op) \
    NATIVE(cname) { return cmp(T, pyname, args, nargs, kw, op, out); }
CMP(op_lt, "lt", CMP_LT)
CMP(op_le, "le", CMP_LE)
CMP(op_eq, "eq", CMP_EQ)
CMP(op_ne, "ne", CMP_NE)
CMP(op_gt, "gt", CMP_GT)
CMP(op_ge, "ge", CMP_GE)

static int unary(Task *T, const char *name, Value *args, int nargs, Tuple *kw, int opcode, Value *out)
{
    if (nat_count(T, name, nargs, kw, 1, 1) < 0) return NAT_ERR;
    return ops_unary(T, opcode, args[0], out) < 0 ? NAT_ERR : NAT_OK;
}

NATIVE(op_neg) { return unary(T, "neg", args, nargs, kw, OP_UNARY_NEG, out); }
NATIVE(op_pos) { return unary(T, "pos", args, nargs, kw, OP_UNARY_POS, out); }
NATIVE(op_inv) { return unary(T, "inv", args, nargs, kw, OP_UNARY_INVERT, out); }

NATIVE(op_not)
{
    if (nat_count(T, "not_", nargs, kw, 1, 1) < 0) return NAT_ERR;
    int r = obj_truthy(T, args[0]);
    if (r < 0) return NAT_ERR;
    *out = v_bool(!r);
    return NAT_OK;
}

NATIVE(op_truth)
{
    if (nat_count(T, "truth", nargs, kw, 1, 1) < 0) return NAT_ERR;
    int r = obj_truthy(T, args[0]);
    if (r < 0) return NAT_ERR;
    *out = v_bool(r);
    return NAT_OK;
}

NATIVE(op_is)
{
    if (nat_count(T, "is_", nargs, kw, 2, 2) < 0) return NAT_ERR;
    *out = v_bool(obj_same(args[0], args[1]));
    return NAT_OK;
}

NATIVE(op_is_not)
{
    if (nat_count(T, "is_not", nargs, kw, 2, 2) < 0) return NAT_ERR;
    *out = v_bool(!obj_same(args[0], args[1]));
    return NAT_OK;
}

NATIVE(op_abs)
{
    if (nat_count(T, "abs", nargs, kw, 1, 1) < 0) return NAT_ERR;
    Value f = dict_get_str(T->S->builtins, str_intern(T->S, "abs", 3));
    return vm_call(T, f, args, 1, NULL, out) < 0 ? NAT_ERR : NAT_OK;
}

NATIVE(op_index)
{
    if (nat_count(T, "index", nargs, kw, 1, 1) < 0) return NAT_ERR;
    int64_t i;
    if (!is_intlike(args[0]) && !is_instance(args[0]))
        return exc_raise(T, EXC_TypeError, "'%s' object cannot be interpreted as an integer", obj_type_name(T->S, args[0]));
    if (obj_index(T, args[0], &i, NULL) < 0) return NAT_ERR;
    *out = v_int(i);
    return NAT_OK;
}

NATIVE(op_contains)
{
    if (nat_count(T, "contains", nargs, kw, 2, 2) < 0) return NAT_ERR;
    int r = obj_contains(T, args[0], args[1]);
    if (r < 0) return NAT_ERR;
    *out = v_bool(r);
    return NAT_OK;
}

/* countOf and indexOf compare with `is` first, then ==, as CPython */
static int scan(Task *T, const char *name, Value *args, int nargs, Tuple *kw, bool count, Value *out)
{
    if (nat_count(T, name, nargs, kw, 2, 2) < 0) return NAT_ERR;
    Value it;
    if (obj_iter(T, args[0], &it) < 0) return NAT_ERR;
    int64_t i = 0, n = 0;
    for (;; i++) {
        Value x;
        int r = obj_next(T, it, &x);
        if (r < 0) return NAT_ERR;
        if (r == 0) break;
        int e = obj_same(x, args[1]) ? 1 : obj_eq(T, x, args[1]);
        if (e < 0) return NAT_ERR;
        if (e && !count) {
            charge_items(T, i + 1);
            *out = v_int(i);
            return NAT_OK;
        }
        n += e;
    }
    charge_items(T, i);
    if (!count) return exc_raise(T, EXC_ValueError, "sequence.index(x): x not in sequence");
    *out = v_int(n);
    return NAT_OK;
}

NATIVE(op_countOf) { return scan(T, "countOf", args, nargs, kw, true, out); }
NATIVE(op_indexOf) { return scan(T, "indexOf", args, nargs, kw, false, out); }

NATIVE(op_getitem)
{
    if (nat_count(T, "getitem", nargs, kw, 2, 2) < 0) return NAT_ERR;
    return obj_getitem(T, args[0], args[1], out) < 0 ? NAT_ERR : NAT_OK;
}

NATIVE(op_setitem)
{
    if (nat_count(T, "setitem", nargs, kw, 3, 3) < 0) return NAT_ERR;
    if (obj_setitem(T, args[0], args[1], args[2]) < 0) return NAT_ERR;
    *out = v_none();
    return NAT_OK;
}

NATIVE(op_delitem)
{
    if (nat_count(T, "delitem", nargs, kw, 2, 2) < 0) return NAT_ERR;
    if (obj_delitem(T, args[0], args[1]) < 0) return NAT_ERR;
    *out = v_none();
    return NAT_OK;
}

NATIVE(op_length_hint)
{
    if (nat_count(T, "length_hint", nargs, kw, 1, 2) < 0) return NAT_ERR;
    int64_t n;
    if (obj_len(T, args[0], &n) == 0) {
        *out = v_int(n);
        return NAT_OK;
    }
    T->exc = v_undef();
    *out = nargs > 1 ? args[1] : v_int(0);
    return NAT_OK;
}

NATIVE(op_call)
{
    int npos = nat_npos(nargs, kw);
    if (npos < 1) return exc_raise(T, EXC_TypeError, "call() missing required argument 'obj' (pos 1)");
    return vm_call(T, args[0], args + 1, nargs - 1, kw, out) < 0 ? NAT_ERR : NAT_OK;
}

/* ---- itemgetter, attrgetter, methodcaller ---- */

/* Their state: a tuple (itemgetter: the items; attrgetter: one tuple of
 * names per dotted path; methodcaller: name, args tuple, kwargs dict). */
static void getter_mark(Sim *S, void *p) { gc_mark_obj(S, (Obj *)p); }
static int getter_clone(Copier *C, Value v, Value *out)
{
    Value t;
    if (proc_copy_nested(C, v_obj((Obj *)AS_INST(v)->payload), &t) < 0) return -1;
    return proc_copy_instance(C, v, AS_TUPLE(t), out);
}
static const PayloadOps getter_ops = {"operator getter", getter_mark, NULL, getter_clone, NULL, NULL, false, false};

static Tuple *state_of(Value self) { return (Tuple *)AS_INST(self)->payload; }

static Value new_getter(Sim *S, Value cls, Tuple *state)
{
    Instance *in = obj_instance_new(S, AS_CLASS(cls));
    in->payload = state;
    return v_obj(in);
}

NATIVE(itemgetter_ctor)
{
    int npos = nat_npos(nargs, kw) - 1;
    if (kw && kw->n) return exc_raise(T, EXC_TypeError, "itemgetter() takes no keyword arguments");
    if (npos < 1) return exc_raise(T, EXC_TypeError, "itemgetter expected 1 argument, got 0");
    Tuple *t = tuple_new(T->S, npos);
    vcopy(t->v, args + 1, npos);
    *out = new_getter(T->S, args[0], t);
    return NAT_OK;
}

NATIVE(itemgetter_call)
{
    if (nat_count(T, "itemgetter", nargs, kw, 2, 2) < 0) return NAT_ERR;
    Tuple *st = state_of(args[0]);
    if (st->n == 1) return obj_getitem(T, args[1], st->v[0], out) < 0 ? NAT_ERR : NAT_OK;
    Tuple *r = tuple_new(T->S, st->n);
    for (int64_t i = 0; i < st->n; i++)
        if (obj_getitem(T, args[1], st->v[i], &r->v[i]) < 0) return NAT_ERR;
    *out = v_obj(r);
    return NAT_OK;
}

static int repr_args(Task *T, const char *head, Value *items, int64_t n, SBuf *b)
{
    sb_puts(b, head);
    sb_putc(b, '(');
    for (int64_t i = 0; i < n; i++) {
        if (i) sb_puts(b, ", ");
        if (repr_write(T, items[i], b) < 0 || obj_cut(T, b) < 0) return -1;
    }
    return 0;
}

NATIVE(itemgetter_repr)
{
    Tuple *st = state_of(args[0]);
    SBuf b = STR_BUF;
    if (repr_args(T, "operator.itemgetter", st->v, st->n, &b) < 0) {
        sb_free(&b);
        return NAT_ERR;
    }
    sb_putc(&b, ')');
    return str_from_buf(T, &b, out) < 0 ? NAT_ERR : NAT_OK;
}

NATIVE(attrgetter_ctor)
{
    Sim *S = T->S;
    int npos = nat_npos(nargs, kw) - 1;
    if (kw && kw->n) return exc_raise(T, EXC_TypeError, "attrgetter() takes no keyword arguments");
    if (npos < 1) return exc_raise(T, EXC_TypeError, "attrgetter expected 1 argument, got 0");
    Tuple *t = tuple_new(S, npos);
    for (int i = 0; i < npos; i++) {
        Value a = args[1 + i];
        if (!is_str(a)) return exc_raise(T, EXC_TypeError, "attribute name must be a string");
        /* split on dots */
        const char *s = AS_STR(a)->s;
        int64_t parts = 1;
        for (const char *p = s; *p; p++) parts += *p == '.';
        Tuple *names = tuple_new(S, parts);
        int64_t k = 0;
        const char *start = s;
        for (const char *p = s;; p++) {
            if (*p == '.' || *p == 0) {
                names->v[k++] = v_obj(str_intern(S, start, (size_t)(p - start)));
                start = p + 1;
                if (*p == 0) break;
            }
        }
        t->v[i] = v_obj(names);
    }
    *out = new_getter(S, args[0], t);
    return NAT_OK;
}

static int get_path(Task *T, Value obj, Tuple *names, Value *out)
{
    for (int64_t i = 0; i < names->n; i++)
        if (attr_get(T, obj, AS_STR(names->v[i]), &obj) < 0) return -1;
    *out = obj;
    return 0;
}

NATIVE(attrgetter_call)
{
    if (nat_count(T, "attrgetter", nargs, kw, 2, 2) < 0) return NAT_ERR;
    Tuple *st = state_of(args[0]);
    if (st->n == 1) return get_path(T, args[1], AS_TUPLE(st->v[0]), out) < 0 ? NAT_ERR : NAT_OK;
    Tuple *r = tuple_new(T->S, st->n);
    for (int64_t i = 0; i < st->n; i++)
        if (get_path(T, args[1], AS_TUPLE(st->v[i]), &r->v[i]) < 0) return NAT_ERR;
    *out = v_obj(r);
    return NAT_OK;
}

NATIVE(attrgetter_repr)
{
    Sim *S = T->S;
    Tuple *st = state_of(args[0]);
    SBuf b = STR_BUF;
    sb_puts(&b, "operator.attrgetter(");
    for (int64_t i = 0; i < st->n; i++) {
        if (i) sb_puts(&b, ", ");
        Tuple *names = AS_TUPLE(st->v[i]);
        SBuf path = {0};
        for (int64_t k = 0; k < names->n; k++) {
            if (k) sb_putc(&path, '.');
            sb_puts(&path, AS_STR(names->v[k])->s);
        }
        Value pv = str_value_n(S, path.s ? path.s : "", path.n);
        sb_free(&path);
        if (repr_write(T, pv, &b) < 0) {
            sb_free(&b);
            return NAT_ERR;
        }
    }
    sb_putc(&b, ')');
    return str_from_buf(T, &b, out) < 0 ? NAT_ERR : NAT_OK;
}

NATIVE(methodcaller_ctor)
{
    Sim *S = T->S;
    int npos = nat_npos(nargs, kw) - 1;
    if (npos < 1) return exc_raise(T, EXC_TypeError, "methodcaller needs at least one argument, the method name");
    if (!is_str(args[1])) return exc_raise(T, EXC_TypeError, "method name must be a string");
    Tuple *pos = tuple_new(S, npos - 1);
    vcopy(pos->v, args + 2, npos - 1);
    Dict *kwd = dict_new(S);
    for (int64_t i = 0; kw && i < kw->n; i++) dict_set_str(S, kwd, AS_STR(kw->v[i]), args[1 + npos + i]);
    Tuple *t = tuple_new(S, 3);
    t->v[0] = v_obj(str_intern(S, AS_STR(args[1])->s, (size_t)AS_STR(args[1])->len));
    t->v[1] = v_obj(pos);
    t->v[2] = v_obj(kwd);
    *out = new_getter(S, args[0], t);
    return NAT_OK;
}

NATIVE(methodcaller_call)
{
    if (nat_count(T, "methodcaller", nargs, kw, 2, 2) < 0) return NAT_ERR;
    Sim *S = T->S;
    Tuple *st = state_of(args[0]);
    Value m;
    if (attr_get(T, args[1], AS_STR(st->v[0]), &m) < 0) return NAT_ERR;
    Tuple *pos = AS_TUPLE(st->v[1]);
    Dict *kwd = AS_DICT(st->v[2]);
    int64_t n = pos->n + kwd->used;
    Value small[8];
    Value *a = n <= 8 ? small : xmalloc((size_t)n * sizeof(Value));
    vcopy(a, pos->v, pos->n);
    Tuple *names = NULL;
    if (kwd->used) {
        names = tuple_new(S, kwd->used);
        int64_t it = 0, k = 0;
        Value key, val;
        while (dict_next(kwd, &it, &key, &val)) {
            names->v[k] = key;
            a[pos->n + k] = val;
            k++;
        }
    }
    int r = vm_call(T, m, a, (int)n, names, out);
    if (a != small) free(a);
    return r < 0 ? NAT_ERR : NAT_OK;
}

NATIVE(methodcaller_repr)
{
    Tuple *st = state_of(args[0]);
    SBuf b = STR_BUF;
    Tuple *pos = AS_TUPLE(st->v[1]);
    Value *items = xmalloc((size_t)(pos->n + 1) * sizeof(Value));
    items[0] = st->v[0];
    vcopy(items + 1, pos->v, pos->n);
    int r = repr_args(T, "operator.methodcaller", items, pos->n + 1, &b);
    free(items);
    Dict *kwd = AS_DICT(st->v[2]);
    int64_t it = 0;
    Value key, val;
    while (r == 0 && dict_next(kwd, &it, &key, &val)) {
        sb_printf(&b, ", %s=", AS_STR(key)->s);
        r = repr_write(T, val, &b) < 0 ? -1 : obj_cut(T, &b);
    }
    if (r < 0) {
        sb_free(&b);
        return NAT_ERR;
    }
    sb_putc(&b, ')');
    return str_from_buf(T, &b, out) < 0 ? NAT_ERR : NAT_OK;
}

/* ---- the module ---- */

#define F(n, f) {n, ME_FN, f, 0, NULL}
static const ModEntry operator_entries[] = {
    F("add", op_add), F("sub", op_sub), F("mul", op_mul), F("truediv", op_truediv),
    F("floordiv", op_floordiv), F("mod", op_mod), F("pow", op_pow), F("lshift", op_lshift),
    F("rshift", op_rshift), F("and_", op_and), F("or_", op_or), F("xor", op_xor),
    F("iadd", op_iadd), F("isub", op_isub), F("imul", op_imul), F("itruediv", op_itruediv),
    F("ifloordiv", op_ifloordiv), F("imod", op_imod), F("ipow", op_ipow), F("ilshift", op_ilshift),
    F("irshift", op_irshift), F("iand", op_iand), F("ior", op_ior), F("ixor", op_ixor),
    F("concat", op_concat), F("iconcat", op_iconcat),
    F("lt", op_lt), F("le", op_le), F("eq", op_eq), F("ne", op_ne), F("gt", op_gt), F("ge", op_ge),
    F("neg", op_neg), F("pos", op_pos), F("inv", op_inv), F("invert", op_inv), F("not_", op_not),
    F("truth", op_truth), F("is_", op_is), F("is_not", op_is_not), F("abs", op_abs), F("index", op_index),
    F("contains", op_contains), F("countOf", op_countOf), F("indexOf", op_indexOf), F("getitem", op_getitem),
    F("setitem", op_setitem), F("delitem", op_delitem), F("length_hint", op_length_hint), F("call", op_call),
    F("__add__", op_add), F("__sub__", op_sub), F("__mul__", op_mul), F("__truediv__", op_truediv),
    F("__floordiv__", op_floordiv), F("__mod__", op_mod), F("__pow__", op_pow), F("__and__", op_and),
    F("__or__", op_or), F("__xor__", op_xor), F("__lt__", op_lt), F("__le__", op_le), F("__eq__", op_eq),
    F("__ne__", op_ne), F("__gt__", op_gt), F("__ge__", op_ge), F("__neg__", op_neg), F("__not__", op_not),
    F("__getitem__", op_getitem), F("__setitem__", op_setitem), F("__delitem__", op_delitem),
    F("__contains__", op_contains), F("__concat__", op_concat), F("__abs__", op_abs), F("__index__", op_index),
    F("__inv__", op_inv), F("__invert__", op_inv), F("__pos__", op_pos), F("__lshift__", op_lshift),
    F("__rshift__", op_rshift), F("__iadd__", op_iadd), F("__isub__", op_isub), F("__imul__", op_imul),
    {NULL, 0, NULL, 0, NULL},
};
#undef F

static const char *const operator_names[] = {"itemgetter", "attrgetter", "methodcaller", NULL};

static void getter_class(Sim *S, Dict *d, const char *name, NativeFn ctor, NativeFn call, NativeFn repr)
{
    Class *c = attr_class_new(S, str_intern(S, name, strlen(name)), NULL, NULL, NULL);
    c->payload = &getter_ops;
    c->ctor = ctor;
    c->module = str_from_c(S, "operator");
    c->cflags |= CF_FINAL;
    nat_def_method(S, c, "__call__", call);
    nat_def_method(S, c, "__repr__", repr);
    dict_set_str(S, d, c->name, v_obj(c));
}

static void operator_setup(Sim *S, Dict *d)
{
    getter_class(S, d, "itemgetter", itemgetter_ctor, itemgetter_call, itemgetter_repr);
    getter_class(S, d, "attrgetter", attrgetter_ctor, attrgetter_call, attrgetter_repr);
    getter_class(S, d, "methodcaller", methodcaller_ctor, methodcaller_call, methodcaller_repr);
}

const ModDef mod_operator_def = {"operator", operator_entries, operator_names, operator_setup, NULL, NULL, false, NULL};
