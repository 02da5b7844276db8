/* builtins.c - the builtin functions (print, len, sorted, ...) and the
 * constructors of the builtin types (int(), str(), list(), ...). */
#include "builtins.h"
#include "gen.h"
#include "attr.h"
#include "bigint.h"
#include "dict.h"
#include "format.h"
#include "gc.h"
#include "io.h"
#include "list.h"
#include "native.h"
#include "ops.h"
#include "repr.h"
#include "set.h"
#include "str.h"
#include "tuple.h"
#include "unicode.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* ---- print ---- */

enum { PRINT_END = 1 };

/* The text print writes (before its end) into b, a bounded buffer: it
 * stops where b is cut (b->over), which the caller turns into MemoryError
 * or the end of the output.  0, or -1 with the exception and b freed. */
static int print_text(Task *T, Value *args, int npos, Value sep, SBuf *b)
{
    sb_put(b, "", 0);
    for (int i = 0; i < npos && !b->over; i++) {
        if (i) {
            if (is_str(sep)) sb_put(b, AS_STR(sep)->s, (size_t)AS_STR(sep)->len);
            else sb_putc(b, ' ');
        }
        if (repr_write_str(T, args[i], b) < 0) {
            if (!b->over) {
                sb_free(b);
                return -1;
            }
            T->exc = v_undef(); /* the repr's MemoryError at the cut: the caller says what it means */
        }
    }
    return 0;
}

/* print(..., file=obj) for an object that is not sys.stdout or sys.stderr
 * (an io.StringIO): obj.write(text), then obj.write(end), as CPython
 * does.  The writes are calls from C: they may not block. */
static int print_to_object(Task *T, Value file, Value *args, int npos, Value sep, const char *e, size_t en, Value *out)
{
    Sim *S = T->S;
    Value write, r;
    if (attr_get_opt(T, file, str_intern(S, "write", 5), &write) <= 0) {
        if (!is_undef(T->exc)) return NAT_ERR;
        return exc_raise(T, EXC_AttributeError, "'%s' object has no attribute 'write'", obj_type_name(S, file));
    }
    SBuf b = STR_BUF;
    if (print_text(T, args, npos, sep, &b) < 0) return NAT_ERR;
    Value text;
    if (str_from_buf(T, &b, &text) < 0) return NAT_ERR;
    if (vm_call(T, write, &text, 1, NULL, &r) < 0) return NAT_ERR;
    if (en) {
        Value ev = str_value_n(S, e, en);
        if (vm_call(T, write, &ev, 1, NULL, &r) < 0) return NAT_ERR;
    }
    *out = v_none();
    return NAT_OK;
}

NATIVE(bi_print)
{
    Sim *S = T->S;
    int npos = nat_npos(nargs, kw);
    Value sep = v_undef(), end = v_undef(), file = v_undef(), flush = v_undef();
    for (int k = 0; kw && k < (int)kw->n; k++) {
        Str *kn = AS_STR(kw->v[k]);
        Value v = args[npos + k];
        if (str_eq_c(kn, "sep")) sep = v;
        else if (str_eq_c(kn, "end")) end = v;
        else if (str_eq_c(kn, "file")) file = v;
        else if (str_eq_c(kn, "flush")) flush = v;
        else return exc_raise(T, EXC_TypeError, "'%s' is an invalid keyword argument for print()", kn->s);
    }
    (void)flush;
    if (!is_undef(sep) && !is_none(sep) && !is_str(sep))
        return exc_raise(T, EXC_TypeError, "sep must be None or a string, not %s", obj_type_name(S, sep));
    if (!is_undef(end) && !is_none(end) && !is_str(end))
        return exc_raise(T, EXC_TypeError, "end must be None or a string, not %s", obj_type_name(S, end));
    if (is_undef(file) || is_none(file)) {
        /* sys.stdout, which contextlib.redirect_stdout may have replaced */
        Value sys = dict_get_str(S->native_modules, str_intern(S, "sys", 3));
        file = is_kind(sys, K_MODULE) ? dict_get_str(AS_MODULE(sys)->dict, str_intern(S, "stdout", 6)) : v_undef();
        if (is_undef(file) || is_none(file)) file = S->std_out;
    }
    int fd = io_stream_fd(S, file);
    const char *e = "\n";
    size_t en = 1;
    if (is_str(end)) {
        e = AS_STR(end)->s;
        en = (size_t)AS_STR(end)->len;
    }
    if (fd < 0) return print_to_object(T, file, args, npos, sep, e, en, out);
    if (T->retry > 0 && T->phase == PRINT_END) {
        /* resumed between the two writes */
        T->phase = 0;
        if (en && io_write(T, fd, e, en) < 0) return NAT_ERR;
        *out = v_none();
        return NAT_OK;
    }
    /* One line within the limit of a single object, as any str; and no
     * more than the output has room for, past which the run stops
     * (io_write): print(*[s] * 1000) builds no more than either. */
    SBuf b = STR_BUF;
    size_t room = io_room(S);
    bool room_first = room < b.max;
    if (room_first) b.max = room + 1;
    if (print_text(T, args, npos, sep, &b) < 0) return NAT_ERR;
    if (b.over && !room_first) {
        sb_free(&b);
        return obj_check_size(T, MAX_ITEMS + 1);
    }
    /* CPython writes the text and the end separately, and the second
     * write is a call - an eval-breaker point: a pending GIL drop request
     * lets another thread print in between */
    if (io_check_text(T, b.s, b.n) < 0 || io_check_text(T, e, en) < 0) {
        sb_free(&b);
        return NAT_ERR;
    }
    int r = io_write(T, fd, b.s, b.n);
    sb_free(&b);
    if (r < 0) return NAT_ERR;
    if (en && T->breaker && !T->nested) {
        T->phase = PRINT_END;
        return NAT_YIELD;
    }
    if (en && io_write(T, fd, e, en) < 0) return NAT_ERR;
    *out = v_none();
    return NAT_OK;
}

/* ---- simple functions ---- */

NATIVE(bi_len)
{
    if (nat_count(T, "len", nargs, kw, 1, 1) < 0) return NAT_ERR;
    int64_t n;
    if (obj_len(T, args[0], &n) < 0) return NAT_ERR;
    *out = v_int(n);
    return NAT_OK;
}

NATIVE(bi_repr)
{
    if (nat_count(T, "repr", nargs, kw, 1, 1) < 0) return NAT_ERR;
    *out = repr_value(T, args[0]);
    return is_undef(*out) ? NAT_ERR : NAT_OK;
}

NATIVE(bi_ascii)
{
    if (nat_count(T, "ascii", nargs, kw, 1, 1) < 0) return NAT_ERR;
    *out = repr_ascii(T, args[0]);
    return is_undef(*out) ? NAT_ERR : NAT_OK;
}

NATIVE(bi_abs)
{
    if (nat_count(T, "abs", nargs, kw, 1, 1) < 0) return NAT_ERR;
    Value a = args[0];
    if (is_intlike(a) && a.u.i != INT64_MIN) {
        *out = v_int(a.u.i < 0 ? -a.u.i : a.u.i);
        return NAT_OK;
    }
    if (bigint_is_int(a)) return bigint_abs(T, a, out) < 0 ? NAT_ERR : NAT_OK;
    if (is_float(a)) {
        *out = v_float(fabs(a.u.f));
        return NAT_OK;
    }
    Value m = obj_type_dunder(T->S, a, SYM_abs);
    if (!is_undef(m)) return vm_call(T, m, &a, 1, NULL, out) < 0 ? NAT_ERR : NAT_OK;
    return exc_raise(T, EXC_TypeError, "bad operand type for abs(): '%s'", obj_type_name(T->S, a));
}

static int any_all(Task *T, Value *args, int nargs, Tuple *kw, Value *out, bool want, const char *name)
{
    if (nat_count(T, name, nargs, kw, 1, 1) < 0) return NAT_ERR;
    Value it;
    if (obj_iter(T, args[0], &it) < 0) return NAT_ERR;
    int64_t n = 0;
    bool found = false;
    for (;;) {
        Value x;
        int r = obj_next(T, it, &x);
        if (r < 0) return NAT_ERR;
        if (r == 0) break;
        n++;
        int t = obj_truthy(T, x);
        if (t < 0) return NAT_ERR;
        if (t == want) {
            found = true;
            break;
        }
    }
    charge_items(T, n);
    *out = v_bool(found ? want : !want);
    return NAT_OK;
}

NATIVE(bi_any) { return any_all(T, args, nargs, kw, out, true, "any"); }
NATIVE(bi_all) { return any_all(T, args, nargs, kw, out, false, "all"); }

static int base_repr(Task *T, Value *args, int nargs, Tuple *kw, Value *out, int base, const char *name, const char *pfx)
{
    if (nat_count(T, name, nargs, kw, 1, 1) < 0) return NAT_ERR;
    Value v = args[0];
    if (!bigint_is_int(v)) {
        int64_t i;
        if (obj_index(T, v, &i, NULL) < 0) return NAT_ERR;
        v = v_int(i);
    }
    SBuf b = STR_BUF;
    if (format_int_text(T, v, base, false, pfx, &b) < 0) {
        sb_free(&b);
        return NAT_ERR;
    }
    return str_from_buf(T, &b, out) < 0 ? NAT_ERR : NAT_OK;
}

NATIVE(bi_bin) { return base_repr(T, args, nargs, kw, out, 2, "bin", "0b"); }
NATIVE(bi_oct) { return base_repr(T, args, nargs, kw, out, 8, "oct", "0o"); }
NATIVE(bi_hex) { return base_repr(T, args, nargs, kw, out, 16, "hex", "0x"); }

NATIVE(bi_callable)
{
    if (nat_count(T, "callable", nargs, kw, 1, 1) < 0) return NAT_ERR;
    *out = v_bool(obj_is_callable(T->S, args[0]));
    return NAT_OK;
}

NATIVE(bi_chr)
{
    if (nat_count(T, "chr", nargs, kw, 1, 1) < 0) return NAT_ERR;
    int64_t c;
    if (nat_arg_int(T, args[0], "chr", &c) < 0) return NAT_ERR;
    if (c < 0 || c > 0x10FFFF) return exc_raise(T, EXC_ValueError, "chr() arg not in range(0x110000)");
    char buf[4];
    int n = uc_encode((uint32_t)c, buf);
    *out = str_value_n(T->S, buf, (size_t)n);
    return NAT_OK;
}

NATIVE(bi_ord)
{
    if (nat_count(T, "ord", nargs, kw, 1, 1) < 0) return NAT_ERR;
    if (!is_str(args[0]))
        return exc_raise(T, EXC_TypeError, "ord() expected string of length 1, but %s found", obj_type_name(T->S, args[0]));
    Str *s = AS_STR(args[0]);
    if (s->clen != 1)
        return exc_raise(T, EXC_TypeError, "ord() expected a character, but string of length %d found", s->clen);
    int len;
    uint32_t cp = uc_decode(s->s, (size_t)s->len, &len);
    *out = v_int(cp);
    return NAT_OK;
}

NATIVE(bi_getattr)
{
    if (nat_count(T, "getattr", nargs, kw, 2, 3) < 0) return NAT_ERR;
    if (!is_str(args[1])) return exc_raise(T, EXC_TypeError, "attribute name must be string, not '%s'", obj_type_name(T->S, args[1]));
    Str *name = str_intern(T->S, AS_STR(args[1])->s, (size_t)AS_STR(args[1])->len);
    if (nargs == 3) {
        int r = attr_get_opt(T, args[0], name, out);
        if (r < 0) {
            if (!exc_matches(T->S, T->exc, EXC_AttributeError)) return NAT_ERR;
            T->exc = v_undef();
            r = 0;
        }
        if (r == 0) *out = args[2];
        return NAT_OK;
    }
    return attr_get(T, args[0], name, out) < 0 ? NAT_ERR : NAT_OK;
}

NATIVE(bi_hasattr)
{
    if (nat_count(T, "hasattr", nargs, kw, 2, 2) < 0) return NAT_ERR;
    if (!is_str(args[1])) return exc_raise(T, EXC_TypeError, "attribute name must be string, not '%s'", obj_type_name(T->S, args[1]));
    Str *name = str_intern(T->S, AS_STR(args[1])->s, (size_t)AS_STR(args[1])->len);
    Value v;
    int r = attr_get_opt(T, args[0], name, &v);
    if (r < 0) {
        if (!exc_matches(T->S, T->exc, EXC_AttributeError)) return NAT_ERR;
        T->exc = v_undef();
        r = 0;
    }
    *out = v_bool(r == 1);
    return NAT_OK;
}

NATIVE(bi_setattr)
{
    if (nat_count(T, "setattr", nargs, kw, 3, 3) < 0) return NAT_ERR;
    if (!is_str(args[1])) return exc_raise(T, EXC_TypeError, "attribute name must be string, not '%s'", obj_type_name(T->S, args[1]));
    Str *name = str_intern(T->S, AS_STR(args[1])->s, (size_t)AS_STR(args[1])->len);
    if (attr_set(T, args[0], name, args[2]) < 0) return NAT_ERR;
    *out = v_none();
    return NAT_OK;
}

NATIVE(bi_delattr)
{
    if (nat_count(T, "delattr", nargs, kw, 2, 2) < 0) return NAT_ERR;
    if (!is_str(args[1])) return exc_raise(T, EXC_TypeError, "attribute name must be string, not '%s'", obj_type_name(T->S, args[1]));
    Str *name = str_intern(T->S, AS_STR(args[1])->s, (size_t)AS_STR(args[1])->len);
    if (attr_del(T, args[0], name) < 0) return NAT_ERR;
    *out = v_none();
    return NAT_OK;
}

NATIVE(bi_divmod)
{
    if (nat_count(T, "divmod", nargs, kw, 2, 2) < 0) return NAT_ERR;
    Value q, r;
    if (bigint_is_int(args[0]) && bigint_is_int(args[1]))
        return bigint_divmod(T, args[0], args[1], &q, &r) < 0 ? NAT_ERR : (*out = tuple_pair(T->S, q, r), NAT_OK);
    if (ops_binop(T, BIN_FLOORDIV, args[0], args[1], &q) < 0) return NAT_ERR;
    if (ops_binop(T, BIN_MOD, args[0], args[1], &r) < 0) return NAT_ERR;
    *out = tuple_pair(T->S, q, r);
    return NAT_OK;
}

NATIVE(bi_format)
{
    if (nat_count(T, "format", nargs, kw, 1, 2) < 0) return NAT_ERR;
    Str *spec = NULL;
    if (nargs == 2) {
        if (!is_str(args[1])) return exc_raise(T, EXC_TypeError, "format() argument 2 must be str, not %s", obj_type_name(T->S, args[1]));
        spec = AS_STR(args[1]);
    }
    SBuf b = STR_BUF;
    if (format_value(T, args[0], spec ? spec->s : "", spec ? (size_t)spec->len : 0, &b) < 0) {
        sb_free(&b);
        return NAT_ERR;
    }
    charge_bytes(T, (int64_t)b.n);
    return str_from_buf(T, &b, out) < 0 ? NAT_ERR : NAT_OK;
}

NATIVE(bi_hash)
{
    if (nat_count(T, "hash", nargs, kw, 1, 1) < 0) return NAT_ERR;
    int64_t h;
    if (obj_hash(T, args[0], &h) < 0) return NAT_ERR;
    *out = v_int(h);
    return NAT_OK;
}

NATIVE(bi_id)
{
    if (nat_count(T, "id", nargs, kw, 1, 1) < 0) return NAT_ERR;
    *out = v_int(obj_id_value(T->S, args[0]));
    return NAT_OK;
}

/* An object with its own __instancecheck__/__subclasscheck__ (typing's
 * special forms) may stand where a class is expected. */
static Value check_hook(Sim *S, Value c, bool inst)
{
    if (is_class(c)) {
        Value m = attr_meta_method(S, AS_CLASS(c), S->sym[inst ? SYM_instancecheck : SYM_subclasscheck]);
        return is_kind(m, K_FUNC) ? m : v_undef();
    }
    if (is_instance(c) && (AS_INST(c)->cls->cflags & CF_USER)) {
        Value m = obj_class_lookup(S, AS_INST(c)->cls, S->sym[inst ? SYM_instancecheck : SYM_subclasscheck]);
        return is_kind(m, K_FUNC) ? m : v_undef();
    }
    return v_undef();
}

static int check_classinfo(Task *T, Value c, const char *fname, int argn)
{
    if (is_class(c)) return 0;
    if (is_tuple(c)) {
        for (int64_t i = 0; i < AS_TUPLE(c)->n; i++)
            if (check_classinfo(T, AS_TUPLE(c)->v[i], fname, argn) < 0) return -1;
        return 0;
    }
    if (!is_undef(check_hook(T->S, c, strcmp(fname, "isinstance") == 0))) return 0;
    return exc_raise(T, EXC_TypeError, "%s() arg %d must be a type, a tuple of types, or a union", fname, argn);
}

/* A library class that stands for a builtin type it cannot subclass
 * (IntEnum members for int, namedtuples for tuple, Counter for dict) names
 * it in _interleave_bases_. */
static bool virtual_base(Sim *S, Class *k, Class *c)
{
    if (c->type_id < 0 || !(k->cflags & CF_USER)) return false;
    Value vb = obj_class_lookup(S, k, str_intern(S, "_interleave_bases_", 18));
    if (!is_tuple(vb)) return false;
    for (int64_t i = 0; i < AS_TUPLE(vb)->n; i++)
        if (is_class(AS_TUPLE(vb)->v[i]) && obj_is_subclass(AS_CLASS(AS_TUPLE(vb)->v[i]), c)) return true;
    return false;
}

static bool classinfo_match(Sim *S, Class *k, Value c)
{
    if (is_class(c))
        return obj_is_subclass(k, AS_CLASS(c)) || (AS_CLASS(c)->type_id == TY_INT && k == S->types[TY_BOOL]) ||
               virtual_base(S, k, AS_CLASS(c));
    if (!is_tuple(c)) return false;
    for (int64_t i = 0; i < AS_TUPLE(c)->n; i++)
        if (classinfo_match(S, k, AS_TUPLE(c)->v[i])) return true;
    return false;
}

/* isinstance(x, c) / issubclass(x, c): 1, 0, or -1 with an exception.  A
 * class whose metaclass-like class (abc.ABCMeta) defines __instancecheck__
 * or __subclasscheck__ decides for itself, as in CPython (after the exact
 * type test, for isinstance). */
static int class_check(Task *T, Value x, Value c, bool inst)
{
    Sim *S = T->S;
    Class *k = inst ? obj_type_of(S, x) : AS_CLASS(x);
    if (is_tuple(c)) {
        for (int64_t i = 0; i < AS_TUPLE(c)->n; i++) {
            int r = class_check(T, x, AS_TUPLE(c)->v[i], inst);
            if (r) return r;
        }
        return 0;
    }
    if (inst && is_class(c) && k == AS_CLASS(c)) return 1;
    Value m = check_hook(S, c, inst);
    if (!is_undef(m)) {
        Value a[2] = {c, x}, r;
        if (vm_call(T, m, a, 2, NULL, &r) < 0) return -1;
        return obj_truthy(T, r);
    }
    return classinfo_match(S, k, c);
}

NATIVE(bi_isinstance)
{
    if (nat_count(T, "isinstance", nargs, kw, 2, 2) < 0) return NAT_ERR;
    if (check_classinfo(T, args[1], "isinstance", 2) < 0) return NAT_ERR;
    int r = class_check(T, args[0], args[1], true);
    if (r < 0) return NAT_ERR;
    *out = v_bool(r);
    return NAT_OK;
}

NATIVE(bi_issubclass)
{
    if (nat_count(T, "issubclass", nargs, kw, 2, 2) < 0) return NAT_ERR;
    if (!is_class(args[0])) return exc_raise(T, EXC_TypeError, "issubclass() arg 1 must be a class");
    if (check_classinfo(T, args[1], "issubclass", 2) < 0) return NAT_ERR;
    int r = class_check(T, args[0], args[1], false);
    if (r < 0) return NAT_ERR;
    *out = v_bool(r);
    return NAT_OK;
}

NATIVE(bi_iter)
{
    if (nat_count(T, "iter", nargs, kw, 1, 2) < 0) return NAT_ERR;
    if (nargs == 2) {
        if (!obj_is_callable(T->S, args[0])) return exc_raise(T, EXC_TypeError, "iter(v, w): v must be callable");
        Iter *it = obj_iter_new(T->S, IT_SENTINEL, args[0]);
        it->fn = args[1];
        *out = v_obj(it);
        return NAT_OK;
    }
    if (obj_iter(T, args[0], out) < 0) return NAT_ERR;
    /* a class's __iter__ result is what iter() returns, as in CPython
     * (the wrapper is for the builtins that iterate) */
    if (is_kind(*out, K_ITER) && AS_ITER(*out)->ik == IT_USER) *out = AS_ITER(*out)->src;
    return NAT_OK;
}

NATIVE(bi_next)
{
    if (nat_count(T, "next", nargs, kw, 1, 2) < 0) return NAT_ERR;
    Value it = args[0];
    if (!is_kind(it, K_ITER) && !is_kind(it, K_GEN) && !(is_instance(it) && !is_undef(obj_type_dunder(T->S, it, SYM_next))))
        return exc_raise(T, EXC_TypeError, "'%s' object is not an iterator", obj_type_name(T->S, it));
    int r = obj_next(T, it, out);
    if (r < 0) return NAT_ERR;
    if (r == 0) {
        if (nargs == 2) {
            *out = args[1];
            return NAT_OK;
        }
        return exc_raise_value(T, exc_new(T, T->S->exc[EXC_StopIteration], NULL, 0));
    }
    return NAT_OK;
}

NATIVE(bi_aiter)
{
    if (nat_count(T, "aiter", nargs, kw, 1, 1) < 0) return NAT_ERR;
    if (is_kind(args[0], K_AGEN)) {
        *out = args[0];
        return NAT_OK;
    }
    Value m = obj_type_dunder(T->S, args[0], SYM_aiter);
    if (is_undef(m)) return exc_raise(T, EXC_TypeError, "'%s' object is not an async iterable", obj_type_name(T->S, args[0]));
    return vm_call(T, m, args, 1, NULL, out) < 0 ? NAT_ERR : NAT_OK;
}

NATIVE(bi_anext)
{
    if (nat_count(T, "anext", nargs, kw, 1, 2) < 0) return NAT_ERR;
    if (is_kind(args[0], K_AGEN)) {
        *out = gen_asend_new(T, args[0], AGEN_SEND, v_none(), nargs == 2 ? args[1] : v_undef());
        return NAT_OK;
    }
    Value m = obj_type_dunder(T->S, args[0], SYM_anext);
    if (is_undef(m)) return exc_raise(T, EXC_TypeError, "'%s' object is not an async iterator", obj_type_name(T->S, args[0]));
    if (nargs == 2)
        return exc_raise(T, EXC_TypeError, "anext() with a default is supported by the simulator for async generators only");
    return vm_call(T, m, args, 1, NULL, out) < 0 ? NAT_ERR : NAT_OK;
}

static int minmax(Task *T, Value *args, int nargs, Tuple *kw, Value *out, bool is_max)
{
    const char *name = is_max ? "max" : "min";
    int npos = nat_npos(nargs, kw);
    Value key = v_undef(), def = v_undef();
    for (int k = 0; kw && k < (int)kw->n; k++) {
        Str *kn = AS_STR(kw->v[k]);
        if (str_eq_c(kn, "key")) key = args[npos + k];
        else if (str_eq_c(kn, "default")) def = args[npos + k];
        else return exc_raise(T, EXC_TypeError, "'%s' is an invalid keyword argument for %s()", kn->s, name);
    }
    if (npos == 0) return exc_raise(T, EXC_TypeError, "%s expected at least 1 argument, got 0", name);
    if (npos > 1 && !is_undef(def))
        return exc_raise(T, EXC_TypeError, "Cannot specify a default for %s() with multiple positional arguments", name);
    Value seq = npos == 1 ? args[0] : v_undef();
    Value it = v_undef();
    if (npos == 1 && obj_iter(T, seq, &it) < 0) return NAT_ERR;
    bool have = false;
    Value best = v_undef(), bestk = v_undef();
    int64_t count = 0;
    for (int i = 0;; i++, count++) {
        Value x;
        if (npos == 1) {
            int r = obj_next(T, it, &x);
            if (r < 0) return NAT_ERR;
            if (r == 0) break;
        } else {
            if (i >= npos) break;
            x = args[i];
        }
        Value k = x;
        if (!is_undef(key) && !is_none(key) && vm_call(T, key, &x, 1, NULL, &k) < 0) return NAT_ERR;
        if (!have) {
            best = x;
            bestk = k;
            have = true;
            continue;
        }
        int lt = is_max ? obj_lt(T, bestk, k) : obj_lt(T, k, bestk);
        if (lt < 0) return NAT_ERR;
        if (lt) {
            best = x;
            bestk = k;
        }
    }
    charge_items(T, count);
    if (!have) {
        if (!is_undef(def)) {
            *out = def;
            return NAT_OK;
        }
        return exc_raise(T, EXC_ValueError, "%s() arg is an empty sequence", name);
    }
    *out = best;
    return NAT_OK;
}

NATIVE(bi_max) { return minmax(T, args, nargs, kw, out, true); }
NATIVE(bi_min) { return minmax(T, args, nargs, kw, out, false); }

NATIVE(bi_sum)
{
    Value a[2];
    if (nat_parse(T, "sum", args, nargs, kw, "iterable|start", a) < 0) return NAT_ERR;
    Value acc = is_undef(a[1]) ? v_int(0) : a[1];
    if (is_str(acc)) return exc_raise(T, EXC_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    Value it;
    if (obj_iter(T, a[0], &it) < 0) return NAT_ERR;
    int64_t n = 0;
    /* ints past 64 bits: small items add up in a 128-bit total first, which
     * joins acc when it could overflow and at the end (no big int is made
     * per item) */
    __int128 wide = 0;
    bool pending = false;
    for (;;) {
        Value x;
        int r = obj_next(T, it, &x);
        if (r < 0) return NAT_ERR;
        if (r == 0) break;
        n++;
        if (acc.tag == V_INT && x.tag == V_INT) {
            int64_t s;
            if (!__builtin_add_overflow(acc.u.i, x.u.i, &s)) {
                acc.u.i = s;
                continue;
            }
        }
        if (x.tag == V_INT && bigint_is_int(acc)) {
            if (wide > ((__int128)1 << 125) || wide < -((__int128)1 << 125)) {
                if (bigint_add_wide(T, acc, (int64_t)(wide >> 64), (uint64_t)wide, &acc) < 0) return NAT_ERR;
                wide = 0;
            }
            wide += x.u.i;
            pending = true;
            continue;
        }
        if (pending) {
            if (bigint_add_wide(T, acc, (int64_t)(wide >> 64), (uint64_t)wide, &acc) < 0) return NAT_ERR;
            wide = 0;
            pending = false;
        }
        if (acc.tag == V_FLOAT && x.tag == V_FLOAT) {
            acc.u.f += x.u.f;
            continue;
        }
        if (ops_binop(T, BIN_ADD, acc, x, &acc) < 0) return NAT_ERR;
    }
    if (pending && bigint_add_wide(T, acc, (int64_t)(wide >> 64), (uint64_t)wide, &acc) < 0) return NAT_ERR;
    charge_items(T, n);
    *out = acc;
    return NAT_OK;
}

/* The inverse of a modulo m (0 <= a < m) by the extended Euclidean
 * algorithm; false when gcd(a, m) != 1. */
static bool invmod(uint64_t a, uint64_t m, uint64_t *out)
{
    __int128 r0 = (__int128)m, r1 = (__int128)a, t0 = 0, t1 = 1;
    while (r1 != 0) {
        __int128 q = r0 / r1, r2 = r0 - q * r1, t2 = t0 - q * t1;
        r0 = r1, r1 = r2, t0 = t1, t1 = t2;
    }
    if (r0 != 1) return false;
    if (t0 < 0) t0 += (__int128)m;
    *out = (uint64_t)t0;
    return true;
}

NATIVE(bi_pow)
{
    Value a[3];
    if (nat_parse(T, "pow", args, nargs, kw, "base,exp|mod", a) < 0) return NAT_ERR;
    if (is_undef(a[2]) || is_none(a[2])) return ops_binop(T, BIN_POW, a[0], a[1], out) < 0 ? NAT_ERR : NAT_OK;
    if (!bigint_is_int(a[0]) || !bigint_is_int(a[1]) || !bigint_is_int(a[2]))
        return exc_raise(T, EXC_TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
    if (!is_intlike(a[0]) || !is_intlike(a[1]) || !is_intlike(a[2]))
        return bigint_powmod(T, a[0], a[1], a[2], out) < 0 ? NAT_ERR : NAT_OK;
    int64_t b = a[0].u.i, e = a[1].u.i, m = a[2].u.i;
    if (m == 0) return exc_raise(T, EXC_ValueError, "pow() 3rd argument cannot be 0");
    /* CPython's order: work modulo |m|, answer 0 for |m| == 1 before
     * looking at the exponent, turn a negative exponent into a modular
     * inverse, and shift the result into (m, 0] for a negative modulus */
    uint64_t um = m < 0 ? 0 - (uint64_t)m : (uint64_t)m;
    if (um == 1) {
        *out = v_int(0);
        return NAT_OK;
    }
    __int128 rb = (__int128)b % (__int128)um;
    uint64_t base = (uint64_t)(rb < 0 ? rb + (__int128)um : rb);
    uint64_t ue = e < 0 ? 0 - (uint64_t)e : (uint64_t)e;
    if (e < 0 && !invmod(base, um, &base))
        return exc_raise(T, EXC_ValueError, "base is not invertible for the given modulus");
    unsigned __int128 r = 1, x = base;
    while (ue) {
        if (ue & 1) r = (r * x) % um;
        x = (x * x) % um;
        ue >>= 1;
    }
    int64_t res = m < 0 && r != 0 ? (int64_t)((__int128)r - (__int128)um) : (int64_t)r;
    *out = v_int(res);
    return NAT_OK;
}

NATIVE(bi_round)
{
    Value a[2];
    if (nat_parse(T, "round", args, nargs, kw, "number|ndigits", a) < 0) return NAT_ERR;
    Value x = a[0];
    bool has_nd = !is_undef(a[1]) && !is_none(a[1]);
    int64_t nd = 0;
    if (has_nd && nat_arg_int(T, a[1], "round", &nd) < 0) return NAT_ERR;
    if (bigint_is_int(x)) {
        if (!has_nd || nd >= 0) {
            *out = is_bool(x) ? v_int(x.u.i) : x;
            return NAT_OK;
        }
        if (nd < -18 || is_bigint(x)) return bigint_round(T, x, nd, out) < 0 ? NAT_ERR : NAT_OK;
        int64_t p = 1;
        for (int64_t i = 0; i < -nd; i++) p *= 10;
        int64_t q = x.u.i / p, r = x.u.i % p;
        if (r < 0) {
            r += p;
            q--;
        }
        /* half to even */
        if (2 * r > p || (2 * r == p && (q & 1))) q++;
        int64_t res;
        if (__builtin_mul_overflow(q, p, &res)) return bigint_round(T, x, nd, out) < 0 ? NAT_ERR : NAT_OK;
        *out = v_int(res);
        return NAT_OK;
    }
    if (is_float(x)) {
        double d = x.u.f;
        if (!has_nd) {
            return bigint_from_double(T, nearbyint(d), out) < 0 ? NAT_ERR : NAT_OK;
        }
        if (isnan(d) || isinf(d) || nd > 300) {
            *out = x;
            return NAT_OK;
        }
        if (nd < -308) {
            *out = v_float(0.0 * d);
            return NAT_OK;
        }
        char buf[400];
        if (nd >= 0) {
            /* printf rounds the exact binary value, half to even on ties,
             * like CPython's correctly rounded round() */
            snprintf(buf, sizeof buf, "%.*f", (int)nd, d);
            *out = v_float(strtod(buf, NULL));
        } else {
            double p = pow(10.0, (double)-nd);
            double y = d / p;
            double r = nearbyint(y);
            if (fabs(y - trunc(y)) == 0.5) r = 2.0 * nearbyint(y / 2.0);
            *out = v_float(r * p);
        }
        return NAT_OK;
    }
    Value m = obj_type_dunder(T->S, x, SYM_round);
    if (!is_undef(m)) {
        Value ca[2] = {x, a[1]};
        return vm_call(T, m, ca, has_nd ? 2 : 1, NULL, out) < 0 ? NAT_ERR : NAT_OK;
    }
    return exc_raise(T, EXC_TypeError, "type %s doesn't define __round__ method", obj_type_name(T->S, x));
}

NATIVE(bi_sorted)
{
    int npos = nat_npos(nargs, kw);
    if (npos != 1) return exc_raise(T, EXC_TypeError, "sorted expected 1 argument, got %d", npos);
    Value a[3];
    if (nat_parse(T, "sorted", args, nargs, kw, "iterable|$key,reverse", a) < 0) return NAT_ERR;
    List *l;
    if (obj_to_list(T, a[0], &l) < 0) return NAT_ERR;
    int rev = 0;
    if (!is_undef(a[2])) {
        rev = obj_truthy(T, a[2]);
        if (rev < 0) return NAT_ERR;
    }
    if (obj_sort(T, l->v, l->n, a[1], rev) < 0) return NAT_ERR;
    *out = v_obj(l);
    return NAT_OK;
}

NATIVE(bi_vars)
{
    if (nat_count(T, "vars", nargs, kw, 1, 1) < 0) return NAT_ERR;
    Value d;
    if (attr_get(T, args[0], T->S->sym[SYM_dict_], &d) < 0) {
        T->exc = v_undef();
        return exc_raise(T, EXC_TypeError, "vars() argument must have __dict__ attribute");
    }
    *out = d;
    return NAT_OK;
}

/* ---- dir ---- */

/* What CPython 3.11's object contributes to every dir(): the simulator's
 * object has fewer of these as real attributes, but dir() of a user class
 * or instance should print what python3 prints. */
static const char *const object_dir[] = {
    "__class__", "__delattr__", "__dir__", "__doc__", "__eq__", "__format__", "__ge__",
    "__getattribute__", "__getstate__", "__gt__", "__hash__", "__init__", "__init_subclass__", "__le__",
    "__lt__", "__ne__", "__new__", "__reduce__", "__reduce_ex__", "__repr__", "__setattr__", "__sizeof__",
    "__str__", "__subclasshook__",
};

/* ... and what BaseException adds to it. */
static const char *const base_exception_dir[] = {
    "__cause__", "__context__", "__dict__", "__setstate__", "__suppress_context__", "__traceback__",
    "add_note", "args", "with_traceback",
};

/* ... and the builtin exceptions that add attributes of their own. */
static const struct { int exc; const char *names; } exception_dir[] = {
    {EXC_StopIteration, "value"}, {EXC_SystemExit, "code"}, {EXC_NameError, "name"},
    {EXC_AttributeError, "name obj"}, {EXC_ImportError, "msg name path"},
    {EXC_OSError, "characters_written errno filename filename2 strerror"},
};

static int dir_add(Task *T, Set *names, const char *s)
{
    return set_add(T, names, str_value(T->S, s));
}

/* The string keys of d. */
static int dir_add_dict(Task *T, Set *names, Dict *d)
{
    int64_t pos = 0;
    Value k, v;
    while (dict_next(d, &pos, &k, &v))
        if (is_str(k) && set_add(T, names, k) < 0) return -1;
    return 0;
}

/* The names a class's dict holds in CPython.  A user class's dict also has
 * __module__, __doc__, __dict__ and __weakref__ (the simulator keeps no
 * docstrings and makes the last two on demand) and no __qualname__, which
 * CPython moves out of the namespace.  object and BaseException stand for
 * their CPython lists; other builtin classes give the methods the simulator
 * has. */
static int dir_add_class(Task *T, Set *names, Class *c)
{
    if (c == T->S->types[TY_OBJECT]) {
        for (size_t i = 0; i < ARRAY_LEN(object_dir); i++)
            if (dir_add(T, names, object_dir[i]) < 0) return -1;
        return 0;
    }
    if (c == T->S->exc[EXC_BaseException]) {
        for (size_t i = 0; i < ARRAY_LEN(base_exception_dir); i++)
            if (dir_add(T, names, base_exception_dir[i]) < 0) return -1;
        return 0;
    }
    for (size_t i = 0; i < ARRAY_LEN(exception_dir); i++) {
        if (c != T->S->exc[exception_dir[i].exc]) continue;
        for (const char *p = exception_dir[i].names; *p;) {
            size_t n = strcspn(p, " ");
            if (set_add(T, names, str_value_n(T->S, p, n)) < 0) return -1;
            p += n + (p[n] == ' ');
        }
    }
    int64_t pos = 0;
    Value k, v;
    while (dict_next(c->dict, &pos, &k, &v)) {
        if (!is_str(k) || ((c->cflags & CF_USER) && str_eq_c(AS_STR(k), "__qualname__"))) continue;
        if (set_add(T, names, k) < 0) return -1;
    }
    if (c->cflags & CF_USER) {
        static const char *const implicit[] = {"__module__", "__doc__", "__dict__", "__weakref__"};
        for (size_t i = 0; i < ARRAY_LEN(implicit); i++)
            if (dir_add(T, names, implicit[i]) < 0) return -1;
    }
    return 0;
}

static int dir_add_mro(Task *T, Set *names, Class *c)
{
    for (int64_t i = 0; i < c->mro->n; i++)
        if (dir_add_class(T, names, AS_CLASS(c->mro->v[i])) < 0) return -1;
    return 0;
}

/* dir(x), sorted: a module's names; a class's names and its bases'; an
 * instance's attributes and its class's; a __dir__ the program defines.
 * Matches CPython for modules' own names and for user classes and their
 * instances; for builtin types and values it lists what the simulator has
 * (docs/language.md). */
NATIVE(bi_dir)
{
    Sim *S = T->S;
    if (nat_count(T, "dir", nargs, kw, 0, 1) < 0) return NAT_ERR;
    if (nargs == 0) /* (a plain dir() is rejected at load time) */
        return exc_raise(T, EXC_TypeError, "dir() without an argument is not supported by the simulator (namespaces cannot be inspected)");
    Value x = args[0];
    Set *names = set_new(S, false);
    int r = 0;
    if (is_instance(x) && (AS_INST(x)->cls->cflags & CF_USER)) {
        Value m = obj_class_lookup(S, AS_INST(x)->cls, str_intern(S, "__dir__", 7));
        if (is_kind(m, K_FUNC)) {
            Value res;
            List *l;
            if (vm_call(T, m, &x, 1, NULL, &res) < 0 || obj_to_list(T, res, &l) < 0) return NAT_ERR;
            if (obj_sort(T, l->v, l->n, v_undef(), false) < 0) return NAT_ERR;
            *out = v_obj(l);
            return NAT_OK;
        }
    }
    if (is_kind(x, K_MODULE)) {
        r = dir_add_dict(T, names, AS_MODULE(x)->dict);
    } else if (is_class(x)) {
        r = dir_add_mro(T, names, AS_CLASS(x));
    } else {
        if (is_instance(x) && AS_INST(x)->dict) r = dir_add_dict(T, names, AS_INST(x)->dict);
        if (r == 0 && is_kind(x, K_FUNC) && AS_FUNC(x)->dict) r = dir_add_dict(T, names, AS_FUNC(x)->dict);
        if (r == 0) r = dir_add_mro(T, names, obj_type_of(S, x));
    }
    if (r < 0) return NAT_ERR;
    List *l;
    if (obj_to_list(T, v_obj(names), &l) < 0 || obj_sort(T, l->v, l->n, v_undef(), false) < 0) return NAT_ERR;
    *out = v_obj(l);
    return NAT_OK;
}

/* super() with no arguments reads __class__ and the first argument of the
 * calling frame, as CPython does. */
NATIVE(bi_super)
{
    Sim *S = T->S;
    if (nat_no_kw(T, "super", kw) < 0) return NAT_ERR;
    Value start, self;
    if (nargs == 2) {
        start = args[0];
        self = args[1];
    } else if (nargs == 0) {
        Frame *f = vm_top_frame(T);
        if (!f || !f->func || f->code->argcount == 0) return exc_raise(T, EXC_RuntimeError, "super(): no arguments");
        Code *co = f->code;
        start = v_undef();
        for (int32_t i = 0; i < co->nfrees; i++)
            if (str_eq_c(co->varnames[co->nlocals + co->ncells + i], "__class__"))
                start = AS_CELL(f->locals[co->nlocals + co->ncells + i])->v;
        if (is_undef(start)) return exc_raise(T, EXC_RuntimeError, "super(): __class__ cell not found");
        self = f->locals[0];
        for (int32_t i = 0; i < co->ncells; i++)
            if (co->cell_arg[i] == 0) self = AS_CELL(f->locals[co->nlocals + i])->v;
        if (is_undef(self)) return exc_raise(T, EXC_RuntimeError, "super(): arg[0] deleted");
    } else {
        return exc_raise(T, EXC_TypeError, "super() takes 0 or 2 arguments in the simulator");
    }
    if (!is_class(start)) return exc_raise(T, EXC_TypeError, "super() argument 1 must be a type, not %s", obj_type_name(S, start));
    Class *sc = is_class(self) && obj_is_subclass(AS_CLASS(self), AS_CLASS(start)) ? AS_CLASS(self) : obj_type_of(S, self);
    if (!obj_is_subclass(sc, AS_CLASS(start)))
        return exc_raise(T, EXC_TypeError, "super(type, obj): obj must be an instance or subtype of type");
    Super *sp = gc_alloc(S, K_SUPER, sizeof(Super));
    sp->start = AS_CLASS(start);
    sp->self = self;
    sp->self_cls = sc;
    *out = v_obj(sp);
    return NAT_OK;
}

NATIVE(bi_property)
{
    Value a[4];
    if (nat_parse(T, "property", args, nargs, kw, "|fget,fset,fdel,doc", a) < 0) return NAT_ERR;
    Property *p = gc_alloc(T->S, K_PROPERTY, sizeof(Property));
    p->fget = is_undef(a[0]) ? v_none() : a[0];
    p->fset = is_undef(a[1]) ? v_none() : a[1];
    p->fdel = is_undef(a[2]) ? v_none() : a[2];
    *out = v_obj(p);
    return NAT_OK;
}

static int wrapper(Task *T, Value *args, int nargs, Tuple *kw, Value *out, int kind, const char *name)
{
    if (nat_count(T, name, nargs, kw, 1, 1) < 0) return NAT_ERR;
    Wrapper *w = gc_alloc(T->S, (ObjKind)kind, sizeof(Wrapper));
    w->func = args[0];
    *out = v_obj(w);
    return NAT_OK;
}

NATIVE(bi_staticmethod) { return wrapper(T, args, nargs, kw, out, K_STATICMETHOD, "staticmethod"); }
NATIVE(bi_classmethod) { return wrapper(T, args, nargs, kw, out, K_CLASSMETHOD, "classmethod"); }

/* ---- lazy iterators ---- */

NATIVE(bi_enumerate)
{
    Value a[2];
    if (nat_parse(T, "enumerate", args, nargs, kw, "iterable|start", a) < 0) return NAT_ERR;
    Value it;
    if (obj_iter(T, a[0], &it) < 0) return NAT_ERR;
    Iter *e = obj_iter_new(T->S, IT_ENUMERATE, v_none());
    e->fn = it;
    if (!is_undef(a[1]) && nat_arg_int(T, a[1], "enumerate", &e->i) < 0) return NAT_ERR;
    *out = v_obj(e);
    return NAT_OK;
}

static int iter_all(Task *T, Value *args, int n, Tuple **out)
{
    Tuple *t = tuple_new(T->S, n);
    for (int i = 0; i < n; i++)
        if (obj_iter(T, args[i], &t->v[i]) < 0) return -1;
    *out = t;
    return 0;
}

NATIVE(bi_zip)
{
    int npos = nat_npos(nargs, kw);
    int strict = 0;
    for (int k = 0; kw && k < (int)kw->n; k++) {
        if (!str_eq_c(AS_STR(kw->v[k]), "strict"))
            return exc_raise(T, EXC_TypeError, "'%s' is an invalid keyword argument for zip()", AS_STR(kw->v[k])->s);
        strict = obj_truthy(T, args[npos + k]);
        if (strict < 0) return NAT_ERR;
    }
    Iter *z = obj_iter_new(T->S, IT_ZIP, v_none());
    z->step = strict;
    if (iter_all(T, args, npos, &z->its) < 0) return NAT_ERR;
    *out = v_obj(z);
    return NAT_OK;
}

NATIVE(bi_map)
{
    if (nat_no_kw(T, "map", kw) < 0) return NAT_ERR;
    if (nargs < 2) return exc_raise(T, EXC_TypeError, "map() must have at least two arguments.");
    Iter *m = obj_iter_new(T->S, IT_MAP, v_none());
    m->fn = args[0];
    if (iter_all(T, args + 1, nargs - 1, &m->its) < 0) return NAT_ERR;
    *out = v_obj(m);
    return NAT_OK;
}

NATIVE(bi_filter)
{
    if (nat_count(T, "filter", nargs, kw, 2, 2) < 0) return NAT_ERR;
    Value it;
    if (obj_iter(T, args[1], &it) < 0) return NAT_ERR;
    Iter *f = obj_iter_new(T->S, IT_FILTER, it);
    f->fn = args[0];
    *out = v_obj(f);
    return NAT_OK;
}

NATIVE(bi_reversed)
{
    if (nat_count(T, "reversed", nargs, kw, 1, 1) < 0) return NAT_ERR;
    Sim *S = T->S;
    Value v = args[0];
    if (is_list(v) || is_tuple(v)) {
        Iter *r = obj_iter_new(S, IT_REVERSED, v);
        r->i = (is_list(v) ? AS_LIST(v)->n : AS_TUPLE(v)->n) - 1;
        r->step = is_list(v) ? REV_LIST : REV_TUPLE;
        *out = v_obj(r);
        return NAT_OK;
    }
    if (is_kind(v, K_RANGE)) {
        Range *g = AS_RANGE(v);
        int64_t last = g->start + (g->len - 1) * g->step;
        Range *nr = obj_range_new(S, last, last - g->len * g->step, -g->step);
        Iter *it = obj_iter_new(S, IT_RANGE, v_obj(nr));
        it->i = nr->start;
        it->n = nr->len;
        it->step = nr->step;
        *out = v_obj(it);
        return NAT_OK;
    }
    int view = is_kind(v, K_ITER) ? AS_ITER(v)->ik : -1;
    if (is_str(v) || is_dict(v) || view == IT_VIEW_KEYS || view == IT_VIEW_VALUES || view == IT_VIEW_ITEMS) {
        List *l;
        if (obj_to_list(T, v, &l) < 0) return NAT_ERR;
        charge_items(T, l->n); /* the copy */
        Iter *r = obj_iter_new(S, IT_REVERSED, v_obj(l));
        r->i = l->n - 1;
        r->step = is_str(v) ? REV_OTHER : view == IT_VIEW_VALUES ? REV_DICT_VALUES : view == IT_VIEW_ITEMS ? REV_DICT_ITEMS : REV_DICT;
        *out = v_obj(r);
        return NAT_OK;
    }
    Value m = obj_type_dunder(S, v, SYM_reversed);
    if (is_undef(m) && is_class(v) && (AS_CLASS(v)->cflags & CF_USER)) {
        /* reversed(Color): the metaclass-like class's __reversed__ */
        m = attr_meta_method(S, AS_CLASS(v), S->sym[SYM_reversed]);
        if (!is_kind(m, K_FUNC)) m = v_undef();
    }
    if (!is_undef(m)) return vm_call(T, m, &v, 1, NULL, out) < 0 ? NAT_ERR : NAT_OK;
    if (!is_undef(obj_type_dunder(S, v, SYM_len)) && !is_undef(obj_type_dunder(S, v, SYM_getitem))) {
        int64_t n;
        if (obj_len(T, v, &n) < 0) return NAT_ERR;
        List *l = list_new(S, n);
        for (int64_t i = n - 1; i >= 0; i--) {
            Value x;
            if (obj_getitem(T, v, v_int(i), &x) < 0) return NAT_ERR;
            list_append(S, l, x);
        }
        Iter *r = obj_iter_new(S, IT_SEQ, v_obj(l));
        *out = v_obj(r);
        return NAT_OK;
    }
    return exc_raise(T, EXC_TypeError, "'%s' object is not reversible", obj_type_name(S, v));
}

/* ---- type constructors ---- */

static int parse_int_str(Task *T, Str *s, int64_t base, Value *out)
{
    int r = bigint_parse(T, s->s, (size_t)s->len, (int)base, out);
    if (r == 1) {
        SBuf rb = MSG_BUF;
        repr_write(T, v_obj(s), &rb);
        exc_raise(T, EXC_ValueError, "invalid literal for int() with base %lld: %s", (long long)(base ? base : 10), rb.s ? rb.s : "");
        sb_free(&rb);
        return -1;
    }
    return r;
}

NATIVE(ctor_int)
{
    Value a[2];
    if (nat_parse(T, "int", args, nargs, kw, "|x,base", a) < 0) return NAT_ERR;
    if (is_undef(a[0])) {
        *out = v_int(0);
        return NAT_OK;
    }
    Value x = a[0];
    if (!is_undef(a[1])) {
        int64_t base;
        if (nat_arg_int(T, a[1], "int", &base) < 0) return NAT_ERR;
        if ((base != 0 && base < 2) || base > 36) return exc_raise(T, EXC_ValueError, "int() base must be >= 2 and <= 36, or 0");
        if (!is_str(x)) return exc_raise(T, EXC_TypeError, "int() can't convert non-string with explicit base");
        return parse_int_str(T, AS_STR(x), base, out) < 0 ? NAT_ERR : NAT_OK;
    }
    if (is_intlike(x)) {
        *out = v_int(x.u.i);
        return NAT_OK;
    }
    if (is_bigint(x)) {
        *out = x;
        return NAT_OK;
    }
    if (is_float(x)) return bigint_from_double(T, x.u.f, out) < 0 ? NAT_ERR : NAT_OK;
    if (is_str(x)) return parse_int_str(T, AS_STR(x), 10, out) < 0 ? NAT_ERR : NAT_OK;
    Value m = obj_type_dunder(T->S, x, SYM_int_);
    if (is_undef(m)) m = obj_type_dunder(T->S, x, SYM_index);
    if (!is_undef(m)) return vm_call(T, m, &x, 1, NULL, out) < 0 ? NAT_ERR : NAT_OK;
    return exc_raise(T, EXC_TypeError, "int() argument must be a string, a bytes-like object or a real number, not '%s'",
                    obj_type_name(T->S, x));
}

NATIVE(ctor_float)
{
    Value a[1];
    if (nat_parse(T, "float", args, nargs, kw, "|x", a) < 0) return NAT_ERR;
    Value x = a[0];
    if (is_undef(x)) {
        *out = v_float(0);
        return NAT_OK;
    }
    if (is_float(x)) {
        *out = x;
        return NAT_OK;
    }
    if (bigint_is_int(x)) {
        double d;
        if (bigint_to_double(T, x, &d) < 0) return NAT_ERR;
        *out = v_float(d);
        return NAT_OK;
    }
    if (is_str(x)) {
        Str *s = AS_STR(x);
        char buf[128];
        const char *p = s->s, *e = s->s + s->len;
        while (p < e && (*p == ' ' || *p == '\t' || *p == '\n')) p++;
        while (e > p && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n')) e--;
        size_t n = 0;
        bool ok = e > p && (size_t)(e - p) < sizeof buf;
        for (const char *q = p; ok && q < e; q++) {
            if (*q == '_') {
                if (q == p || q + 1 == e || !(q[-1] >= '0' && q[-1] <= '9') || !(q[1] >= '0' && q[1] <= '9')) ok = false;
                continue;
            }
            buf[n++] = *q;
        }
        buf[n] = 0;
        char *end = NULL;
        double d = 0;
        if (ok) {
            /* only Python's spellings: digits, inf, infinity, nan */
            for (size_t i = 0; i < n; i++)
                if (!strchr("0123456789.eE+-", buf[i])) {
                    const char *w = buf + (buf[0] == '+' || buf[0] == '-');
                    if (strcasecmp(w, "inf") && strcasecmp(w, "infinity") && strcasecmp(w, "nan")) ok = false;
                    break;
                }
        }
        if (ok) {
            errno = 0;
            d = strtod(buf, &end);
            ok = end && *end == 0 && end != buf;
        }
        if (!ok) {
            SBuf rb = MSG_BUF;
            repr_write(T, x, &rb);
            exc_raise(T, EXC_ValueError, "could not convert string to float: %s", rb.s ? rb.s : "");
            sb_free(&rb);
            return NAT_ERR;
        }
        *out = v_float(d);
        return NAT_OK;
    }
    Value m = obj_type_dunder(T->S, x, SYM_float_);
    if (!is_undef(m)) return vm_call(T, m, &x, 1, NULL, out) < 0 ? NAT_ERR : NAT_OK;
    return exc_raise(T, EXC_TypeError, "float() argument must be a string or a real number, not '%s'", obj_type_name(T->S, x));
}

NATIVE(ctor_str)
{
    Value a[1] = {nargs == 1 && !kw ? args[0] : v_undef()};
    if (is_undef(a[0]) && nat_parse(T, "str", args, nargs, kw, "|object", a) < 0) return NAT_ERR;
    if (is_undef(a[0])) {
        *out = str_value(T->S, "");
        return NAT_OK;
    }
    *out = repr_str(T, a[0]);
    return is_undef(*out) ? NAT_ERR : NAT_OK;
}

NATIVE(ctor_bool)
{
    if (nat_count(T, "bool", nargs, kw, 0, 1) < 0) return NAT_ERR;
    if (nargs == 0) {
        *out = v_bool(false);
        return NAT_OK;
    }
    int t = obj_truthy(T, args[0]);
    if (t < 0) return NAT_ERR;
    *out = v_bool(t);
    return NAT_OK;
}

NATIVE(ctor_list)
{
    if (nat_count(T, "list", nargs, kw, 0, 1) < 0) return NAT_ERR;
    if (nargs == 0) {
        *out = v_obj(list_new(T->S, 0));
        return NAT_OK;
    }
    List *l;
    if (obj_to_list(T, args[0], &l) < 0) return NAT_ERR;
    charge_items(T, l->n);
    *out = v_obj(l);
    return NAT_OK;
}

NATIVE(ctor_tuple)
{
    if (nat_count(T, "tuple", nargs, kw, 0, 1) < 0) return NAT_ERR;
    if (nargs == 1 && is_tuple(args[0])) {
        *out = args[0];
        return NAT_OK;
    }
    List *l = NULL;
    if (nargs == 1 && obj_to_list(T, args[0], &l) < 0) return NAT_ERR;
    Tuple *t = tuple_new(T->S, l ? l->n : 0);
    if (l) vcopy(t->v, l->v, l->n);
    if (l) charge_items(T, l->n);
    *out = v_obj(t);
    return NAT_OK;
}

NATIVE(ctor_dict)
{
    int npos = nat_npos(nargs, kw);
    if (npos > 1) return exc_raise(T, EXC_TypeError, "dict expected at most 1 argument, got %d", npos);
    Dict *d = dict_new(T->S);
    if (npos == 1 && dict_update(T, d, args[0]) < 0) return NAT_ERR;
    for (int k = 0; kw && k < (int)kw->n; k++)
        if (dict_set(T, d, kw->v[k], args[npos + k]) < 0) return NAT_ERR;
    *out = v_obj(d);
    return NAT_OK;
}

static int make_set(Task *T, Value *args, int nargs, Tuple *kw, Value *out, bool frozen)
{
    if (nat_count(T, frozen ? "frozenset" : "set", nargs, kw, 0, 1) < 0) return NAT_ERR;
    Set *s = set_new(T->S, frozen);
    if (nargs == 1 && set_update(T, s, args[0]) < 0) return NAT_ERR;
    charge_items(T, s->used);
    *out = v_obj(s);
    return NAT_OK;
}

NATIVE(ctor_set) { return make_set(T, args, nargs, kw, out, false); }
NATIVE(ctor_frozenset) { return make_set(T, args, nargs, kw, out, true); }

NATIVE(ctor_range)
{
    if (nat_no_kw(T, "range", kw) < 0) return NAT_ERR;
    if (nargs < 1 || nargs > 3)
        return exc_raise(T, EXC_TypeError, nargs < 1 ? "range expected at least 1 argument, got %d" : "range expected at most 3 arguments, got %d", nargs);
    int64_t v[3] = {0, 0, 1};
    for (int i = 0; i < nargs; i++)
        if (nat_arg_int(T, args[i], "range", &v[i]) < 0) return NAT_ERR;
    int64_t start = nargs == 1 ? 0 : v[0], stop = nargs == 1 ? v[0] : v[1], step = nargs == 3 ? v[2] : 1;
    if (step == 0) return exc_raise(T, EXC_ValueError, "range() arg 3 must not be zero");
    *out = v_obj(obj_range_new(T->S, start, stop, step));
    return NAT_OK;
}

NATIVE(ctor_slice)
{
    if (nat_count(T, "slice", nargs, kw, 1, 3) < 0) return NAT_ERR;
    Slice *s = gc_alloc(T->S, K_SLICE, sizeof(Slice));
    s->start = nargs >= 2 ? args[0] : v_none();
    s->stop = nargs >= 2 ? args[1] : args[0];
    s->step = nargs == 3 ? args[2] : v_none();
    *out = v_obj(s);
    return NAT_OK;
}

NATIVE(ctor_object)
{
    if (nat_count(T, "object", nargs, kw, 0, 0) < 0) return NAT_ERR;
    *out = v_obj(obj_instance_new(T->S, T->S->types[TY_OBJECT]));
    return NAT_OK;
}

NATIVE(ctor_type)
{
    Sim *S = T->S;
    if (nat_no_kw(T, "type", kw) < 0) return NAT_ERR;
    if (nargs == 1) {
        *out = v_obj(obj_type_of(S, args[0]));
        return NAT_OK;
    }
    if (nargs != 3) return exc_raise(T, EXC_TypeError, "type() takes 1 or 3 arguments");
    if (!is_str(args[0]) || !is_tuple(args[1]) || !is_dict(args[2]))
        return exc_raise(T, EXC_TypeError, "type.__new__() argument types must be (str, tuple, dict)");
    Class *c = attr_class_new(S, AS_STR(args[0]), AS_TUPLE(args[1])->n ? AS_TUPLE(args[1]) : NULL, dict_copy(S, AS_DICT(args[2])), T);
    if (!c) return NAT_ERR;
    c->cflags |= CF_USER;
    /* a __module__ in the namespace names it, as in CPython */
    Value mod = dict_get_str(c->dict, S->sym[SYM_module]);
    c->module = is_str(mod) ? AS_STR(mod) : str_from_c(S, "__main__");
    *out = v_obj(c);
    return NAT_OK;
}

/* exceptions: BaseException(*args) */
NATIVE(ctor_exception)
{
    /* args[0] is the class (instance_call passes it for payload classes) */
    Class *cls = AS_CLASS(args[0]);
    int npos = nat_npos(nargs, kw);
    if (cls == T->S->exc[EXC_OSError] && npos >= 3 && npos <= 6) cls = exc_os_error_class(T->S, args[1]);
    Value exc = exc_new(T, cls, args + 1, npos - 1);
    if (kw && kw->n && !(cls->cflags & CF_USER))
        return exc_raise(T, EXC_TypeError, "%s() takes no keyword arguments", cls->name->s);
    *out = exc;
    return NAT_OK;
}

NATIVE(exc_init)
{
    /* BaseException.__init__(self, *args) */
    int npos = nat_npos(nargs, kw);
    exc_set_args(T->S, args[0], args + 1, npos - 1);
    *out = v_none();
    return NAT_OK;
}

void builtins_init(Sim *S)
{
    Dict *b = S->builtins;
    static const struct { const char *name; NativeFn fn; } fns[] = {
        {"print", bi_print}, {"len", bi_len}, {"repr", bi_repr}, {"ascii", bi_ascii}, {"abs", bi_abs}, {"any", bi_any},
        {"all", bi_all}, {"bin", bi_bin}, {"oct", bi_oct}, {"hex", bi_hex}, {"callable", bi_callable},
        {"chr", bi_chr}, {"ord", bi_ord}, {"getattr", bi_getattr}, {"hasattr", bi_hasattr},
        {"setattr", bi_setattr}, {"delattr", bi_delattr}, {"divmod", bi_divmod}, {"format", bi_format},
        {"hash", bi_hash}, {"id", bi_id}, {"isinstance", bi_isinstance}, {"issubclass", bi_issubclass},
        {"iter", bi_iter}, {"next", bi_next}, {"aiter", bi_aiter}, {"anext", bi_anext}, {"max", bi_max}, {"min", bi_min}, {"sum", bi_sum},
        {"pow", bi_pow}, {"round", bi_round}, {"sorted", bi_sorted}, {"vars", bi_vars},
        {"super", bi_super}, {"property", bi_property}, {"staticmethod", bi_staticmethod},
        {"classmethod", bi_classmethod}, {"enumerate", bi_enumerate}, {"zip", bi_zip},
        {"map", bi_map}, {"filter", bi_filter}, {"reversed", bi_reversed}, {"dir", bi_dir},
    };
    for (size_t i = 0; i < ARRAY_LEN(fns); i++) {
        /* these read their iterable to the end: a generator argument can
         * be run to its end first, resumably */
        static const char *const consumers[] = {"sorted", "sum", "min", "max"};
        int flags = 0;
        for (size_t k = 0; k < ARRAY_LEN(consumers); k++)
            if (strcmp(consumers[k], fns[i].name) == 0) flags = NF_CONSUMES;
        Native *n = nat_def_native(S, b, fns[i].name, fns[i].fn, flags);
        if (fns[i].fn == bi_next) n->meth_flags |= NF_RESUMES, n->data = RESUME_NEXT;
    }
    /* the type objects: calling them constructs */
    static const struct { int ty; NativeFn fn; } ctors[] = {
        {TY_INT, ctor_int}, {TY_FLOAT, ctor_float}, {TY_STR, ctor_str}, {TY_BOOL, ctor_bool},
        {TY_LIST, ctor_list}, {TY_TUPLE, ctor_tuple}, {TY_DICT, ctor_dict}, {TY_SET, ctor_set},
        {TY_FROZENSET, ctor_frozenset}, {TY_RANGE, ctor_range}, {TY_SLICE, ctor_slice},
        {TY_OBJECT, ctor_object}, {TY_TYPE, ctor_type},
    };
    for (size_t i = 0; i < ARRAY_LEN(ctors); i++) {
        Class *c = S->types[ctors[i].ty];
        c->ctor = ctors[i].fn;
        dict_set_str(S, b, c->name, v_obj(c));
    }
    S->exc[EXC_BaseException]->ctor = ctor_exception;
    nat_def_method(S, S->exc[EXC_BaseException], "__init__", exc_init);
    for (int i = 0; i < EXC_COUNT; i++) {
        Class *c = S->exc[i];
        if (!c->module) dict_set_str(S, b, c->name, v_obj(c));
    }
    dict_set_str(S, b, str_intern(S, "Ellipsis", 8), S->ellipsis);
    dict_set_str(S, b, str_intern(S, "NotImplemented", 14), S->notimpl);
    /* aliases CPython has */
    dict_set_str(S, b, str_intern(S, "EnvironmentError", 16), v_obj(S->exc[EXC_OSError]));
    dict_set_str(S, b, str_intern(S, "IOError", 7), v_obj(S->exc[EXC_OSError]));
}
