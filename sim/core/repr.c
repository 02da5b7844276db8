/* repr.c - repr() and str() of every value, as CPython prints them.
 * Where CPython prints an address ("<object at 0x...>") we print a fake
 * address derived from the object's deterministic id. */
#include "repr.h"
#include "attr.h"
#include "bigint.h"
#include "dict.h"
#include "format.h"
#include "gen.h"
#include "obj.h"
#include "set.h"
#include "str.h"
#include "unicode.h"

#include <stdio.h>

static void fake_addr(Sim *S, Obj *o, SBuf *out)
{
    sb_printf(out, "0x7f%010llx", (unsigned long long)(0x1000 + obj_id(S, o) * 0x40));
}

/* Dunders CPython implements as type slots: their builtin versions print
 * as slot wrappers (unbound) and method-wrappers (bound).  __getitem__ and
 * __contains__ are left out: dict's are ordinary methods. */
static bool is_slot_name(const char *name)
{
    static const char *const slots[] = {
        "__init__", "__repr__", "__str__", "__hash__", "__eq__", "__ne__", "__lt__", "__le__", "__gt__",
        "__ge__", "__len__", "__iter__", "__next__", "__setattr__", "__delattr__", "__getattribute__",
        "__call__", "__bool__", "__neg__", "__pos__", "__abs__", "__invert__", "__int__", "__float__",
        "__index__", "__setitem__", "__delitem__", "__add__", "__sub__", "__mul__", "__truediv__",
        "__floordiv__", "__mod__", "__pow__", "__and__", "__or__", "__xor__", "__lshift__", "__rshift__",
    };
    for (size_t i = 0; i < ARRAY_LEN(slots); i++)
        if (strcmp(name, slots[i]) == 0) return true;
    return false;
}

void repr_default(Sim *S, Value v, SBuf *out)
{
    Class *c = obj_type_of(S, v);
    /* builtin classes print without a module: <object object at ...> */
    bool builtin = !(c->cflags & CF_USER) && (!c->module || str_eq_c(c->module, "builtins"));
    if (builtin) sb_printf(out, "<%s object at ", c->name->s);
    else sb_printf(out, "<%s.%s object at ", c->module ? c->module->s : "__main__", c->qualname ? c->qualname->s : c->name->s);
    if (is_obj(v)) fake_addr(S, v.u.o, out);
    else sb_puts(out, "0x0");
    sb_putc(out, '>');
}

static void repr_quote_str(Str *s, SBuf *out)
{
    bool has_sq = memchr(s->s, '\'', (size_t)s->len) != NULL;
    bool has_dq = memchr(s->s, '"', (size_t)s->len) != NULL;
    char q = has_sq && !has_dq ? '"' : '\'';
    sb_putc(out, q);
    for (int32_t i = 0; i < s->len && !out->over; i++) {
        /* a run of characters that stand for themselves goes in at once */
        int32_t j = i;
        while (j < s->len && (unsigned char)s->s[j] >= 0x20 && (unsigned char)s->s[j] < 0x7f && s->s[j] != q && s->s[j] != '\\') j++;
        if (j > i) {
            sb_put(out, s->s + i, (size_t)(j - i));
            i = j - 1;
            continue;
        }
        unsigned char c = (unsigned char)s->s[i];
        if (c == (unsigned char)q || c == '\\') {
            sb_putc(out, '\\');
            sb_putc(out, (char)c);
        } else if (c == '\n') sb_puts(out, "\\n");
        else if (c == '\r') sb_puts(out, "\\r");
        else if (c == '\t') sb_puts(out, "\\t");
        else if (c < 0x20 || c == 0x7f) sb_printf(out, "\\x%02x", c);
        else if (c >= 0x80) {
            /* decode one code point; non-printable ranges are escaped */
            uint32_t cp;
            int len;
            if ((c & 0xE0) == 0xC0) cp = c & 0x1F, len = 2;
            else if ((c & 0xF0) == 0xE0) cp = c & 0x0F, len = 3;
            else cp = c & 0x07, len = 4;
            if (len > s->len - i) len = (int)(s->len - i); /* (strings are valid UTF-8; be safe anyway) */
            for (int k = 1; k < len; k++) cp = (cp << 6) | ((unsigned char)s->s[i + k] & 0x3F);
            if (uc_isprintable(cp)) sb_put(out, s->s + i, (size_t)len);
            else if (cp < 0x100) sb_printf(out, "\\x%02x", cp);
            else if (cp < 0x10000) sb_printf(out, "\\u%04x", cp);
            else sb_printf(out, "\\U%08x", cp);
            i += len - 1;
        } else sb_putc(out, (char)c);
    }
    sb_putc(out, q);
}

static int repr_seq(Task *T, const Value *v, int64_t n, SBuf *out)
{
    charge_items(T, n);
    for (int64_t i = 0; i < n; i++) {
        if (i) sb_puts(out, ", ");
        if (repr_write(T, v[i], out) < 0 || obj_cut(T, out) < 0) return -1;
    }
    return 0;
}

static int call_str_dunder(Task *T, Value m, Value v, SBuf *out, const char *which)
{
    Value r;
    if (vm_call(T, m, &v, 1, NULL, &r) < 0) return -1;
    if (!is_str(r)) return exc_raise(T, EXC_TypeError, "%s returned non-string (type %s)", which, obj_type_name(T->S, r));
    sb_put(out, AS_STR(r)->s, (size_t)AS_STR(r)->len);
    return 0;
}


static int repr_inner(Task *T, Value v, SBuf *out);

int repr_write(Task *T, Value v, SBuf *out)
{
    if (UNLIKELY(obj_is_sub(v))) {
        /* a subclass of list, dict or set may have its own __repr__ */
        Value m = obj_type_dunder(T->S, v, SYM_repr);
        if (!is_undef(m)) return call_str_dunder(T, m, v, out, "__repr__");
    }
    return repr_write_builtin(T, v, out);
}

int repr_write_builtin(Task *T, Value v, SBuf *out)
{
    if (!obj_is_container(v)) return repr_inner(T, v, out);
    if (obj_recurse_enter(T, " while getting the repr of an object") < 0) return -1;
    int r = repr_inner(T, v, out);
    obj_recurse_leave(T);
    return r;
}

static int repr_inner(Task *T, Value v, SBuf *out)
{
    Sim *S = T->S;
    char buf[64];
    switch (v.tag) {
    case V_NONE: sb_puts(out, "None"); return 0;
    case V_BOOL: sb_puts(out, v.u.i ? "True" : "False"); return 0;
    case V_INT: {
        char digits[20];
        sb_put(out, digits, (size_t)fmt_i64(digits, v.u.i));
        return 0;
    }
    case V_FLOAT: format_float_repr(v.u.f, buf, sizeof buf); sb_puts(out, buf); return 0;
    case V_UNDEF: sb_puts(out, "<undefined>"); return 0;
    default: break;
    }
    Obj *o = v.u.o;
    switch ((ObjKind)o->kind) {
    case K_STR: repr_quote_str((Str *)o, out); return 0;
    case K_BIGINT:
        if (((BigInt *)o)->neg) sb_putc(out, '-');
        return bigint_write(T, v, 10, false, out);
    case K_LIST: {
        if (obj_repr_enter(S, o)) {
            sb_puts(out, "[...]");
            return 0;
        }
        sb_putc(out, '[');
        int r = repr_seq(T, ((List *)o)->v, ((List *)o)->n, out);
        sb_putc(out, ']');
        obj_repr_leave(S, o);
        return r;
    }
    case K_TUPLE: {
        Tuple *t = (Tuple *)o;
        sb_putc(out, '(');
        if (repr_seq(T, t->v, t->n, out) < 0) return -1;
        sb_puts(out, t->n == 1 ? ",)" : ")");
        return 0;
    }
    case K_DICT: {
        if (obj_repr_enter(S, o)) {
            sb_puts(out, "{...}");
            return 0;
        }
        sb_putc(out, '{');
        charge_items(T, ((Dict *)o)->used);
        int64_t pos = 0;
        Value k, val;
        bool first = true;
        while (dict_next((Dict *)o, &pos, &k, &val)) {
            if (!first) sb_puts(out, ", ");
            first = false;
            if (repr_write(T, k, out) < 0 || (sb_puts(out, ": "), repr_write(T, val, out)) < 0 || obj_cut(T, out) < 0) {
                obj_repr_leave(S, o);
                return -1;
            }
        }
        sb_putc(out, '}');
        obj_repr_leave(S, o);
        return 0;
    }
    case K_SET: {
        Set *s = (Set *)o;
        bool frozen = o->flags & OF_FROZEN;
        if (s->used == 0) {
            sb_puts(out, frozen ? "frozenset()" : "set()");
            return 0;
        }
        if (frozen) sb_puts(out, "frozenset(");
        sb_putc(out, '{');
        charge_items(T, s->used);
        int64_t pos = 0;
        Value k;
        bool first = true;
        while (set_next(s, &pos, &k)) {
            if (!first) sb_puts(out, ", ");
            first = false;
            if (repr_write(T, k, out) < 0 || obj_cut(T, out) < 0) return -1;
        }
        sb_putc(out, '}');
        if (frozen) sb_putc(out, ')');
        return 0;
    }
    case K_RANGE: {
        Range *r = (Range *)o;
        if (r->step == 1) sb_printf(out, "range(%lld, %lld)", (long long)r->start, (long long)r->stop);
        else sb_printf(out, "range(%lld, %lld, %lld)", (long long)r->start, (long long)r->stop, (long long)r->step);
        return 0;
    }
    case K_SLICE: {
        Slice *s = (Slice *)o;
        sb_puts(out, "slice(");
        repr_write(T, s->start, out);
        sb_puts(out, ", ");
        repr_write(T, s->stop, out);
        sb_puts(out, ", ");
        repr_write(T, s->step, out);
        sb_putc(out, ')');
        return 0;
    }
    case K_FUNC:
        sb_printf(out, "<function %s at ", ((Func *)o)->qualname->s);
        fake_addr(S, o, out);
        sb_putc(out, '>');
        return 0;
    case K_CLASS: {
        Class *c = (Class *)o;
        if (c->cflags & CF_USER) {
            /* <enum 'Color'>: the metaclass-like class's __repr__ */
            Value m = attr_meta_method(S, c, S->sym[SYM_repr]);
            if (is_kind(m, K_FUNC)) return call_str_dunder(T, m, v, out, "__repr__");
        }
        if (c->cflags & CF_USER) sb_printf(out, "<class '%s.%s'>", c->module ? c->module->s : "__main__", c->qualname->s);
        else if (c->module) sb_printf(out, "<class '%s.%s'>", c->module->s, c->name->s);
        else sb_printf(out, "<class '%s'>", c->name->s);
        return 0;
    }
    case K_METHOD: {
        Method *m = (Method *)o;
        if (is_kind(m->func, K_NATIVE)) {
            const char *nm = AS_NATIVE(m->func)->name;
            sb_printf(out, is_slot_name(nm) ? "<method-wrapper '%s' of %s object at " : "<built-in method %s of %s object at ",
                      nm, obj_type_name(S, m->self));
            if (is_obj(m->self)) fake_addr(S, m->self.u.o, out);
            else sb_puts(out, "0x0");
            sb_putc(out, '>');
            return 0;
        }
        Str *qn = is_kind(m->func, K_FUNC) ? AS_FUNC(m->func)->qualname : str_from_c(S, "?");
        sb_printf(out, "<bound method %s of ", qn->s);
        if (repr_write(T, m->self, out) < 0) return -1;
        sb_putc(out, '>');
        return 0;
    }
    case K_NATIVE: {
        Native *n = (Native *)o;
        if (n->owner)
            sb_printf(out, is_slot_name(n->name) ? "<slot wrapper '%s' of '%s' objects>" : "<method '%s' of '%s' objects>",
                      n->name, n->owner->name->s);
        else sb_printf(out, "<built-in function %s>", n->name);
        return 0;
    }
    case K_MODULE:
        sb_printf(out, "<module '%s' (built-in)>", ((ModuleObj *)o)->name->s);
        return 0;
    case K_CELL:
        sb_puts(out, "<cell at ");
        fake_addr(S, o, out);
        sb_putc(out, '>');
        return 0;
    case K_ITER: {
        Iter *it = (Iter *)o;
        if (it->ik >= IT_VIEW_KEYS && it->ik <= IT_VIEW_ITEMS) {
            static const char *vn[] = {"dict_keys", "dict_values", "dict_items"};
            sb_printf(out, "%s([", vn[it->ik - IT_VIEW_KEYS]);
            Dict *d = AS_DICT(it->src);
            int64_t pos = 0;
            Value k, val;
            bool first = true;
            while (dict_next(d, &pos, &k, &val)) {
                if (!first) sb_puts(out, ", ");
                first = false;
                if (it->ik == IT_VIEW_KEYS) repr_write(T, k, out);
                else if (it->ik == IT_VIEW_VALUES) repr_write(T, val, out);
                else {
                    sb_putc(out, '(');
                    repr_write(T, k, out);
                    sb_puts(out, ", ");
                    repr_write(T, val, out);
                    sb_putc(out, ')');
                }
            }
            sb_puts(out, "])");
            return 0;
        }
        const char *name = obj_type_name(S, v);
        sb_printf(out, "<%s object at ", name);
        fake_addr(S, o, out);
        sb_putc(out, '>');
        return 0;
    }
    case K_GEN: case K_CORO: case K_AGEN:
        if (o->kind == K_CORO && ((Gen *)o)->native == CORO_ASEND) {
            sb_puts(out, "<async_generator_asend object at ");
            fake_addr(S, o, out);
            sb_putc(out, '>');
            return 0;
        }
        sb_printf(out, "<%s object %s at ", o->kind == K_CORO ? "coroutine" : o->kind == K_AGEN ? "async_generator" : "generator",
                  (((Gen *)o)->qualname ? ((Gen *)o)->qualname : ((Gen *)o)->name)->s);
        fake_addr(S, o, out);
        sb_putc(out, '>');
        return 0;
    case K_STATICMETHOD: case K_CLASSMETHOD:
        sb_printf(out, "<%s(", obj_type_name(S, v));
        if (repr_write(T, ((Wrapper *)o)->func, out) < 0) return -1;
        sb_puts(out, ")>");
        return 0;
    case K_SUPER: {
        Super *sp = (Super *)o;
        sb_printf(out, "<super: <class '%s'>, <%s object>>", sp->start->name->s, sp->self_cls->name->s);
        return 0;
    }
    case K_PROPERTY:
        sb_printf(out, "<%s object at ", obj_type_name(S, v));
        fake_addr(S, o, out);
        sb_putc(out, '>');
        return 0;
    case K_INSTANCE: {
        Instance *in = (Instance *)o;
        if (obj_same(v, S->ellipsis)) {
            sb_puts(out, "Ellipsis");
            return 0;
        }
        if (obj_same(v, S->notimpl)) {
            sb_puts(out, "NotImplemented");
            return 0;
        }
        Value m = obj_type_dunder(S, v, SYM_repr);
        if (!is_undef(m))
            return call_str_dunder(T, m, v, out, "__repr__");
        if (in->cls->cflags & CF_EXCEPTION) return exc_repr(T, v, out);
        Value rm = obj_class_lookup(S, in->cls, S->sym[SYM_repr]);
        if (is_kind(rm, K_NATIVE) && AS_NATIVE(rm)->owner != S->types[TY_OBJECT]) {
            Value r;
            if (vm_call(T, rm, &v, 1, NULL, &r) < 0) return -1;
            if (is_str(r)) {
                sb_put(out, AS_STR(r)->s, (size_t)AS_STR(r)->len);
                return 0;
            }
        }
        repr_default(S, v, out);
        return 0;
    }
    default: sb_puts(out, "<object>"); return 0;
    }
}

int repr_write_str(Task *T, Value v, SBuf *out)
{
    Sim *S = T->S;
    if (is_str(v)) {
        sb_put(out, AS_STR(v)->s, (size_t)AS_STR(v)->len);
        return 0;
    }
    if (UNLIKELY(obj_is_sub(v))) {
        Value m = obj_type_dunder(S, v, SYM_str);
        if (!is_undef(m)) return call_str_dunder(T, m, v, out, "__str__");
    }
    if (is_instance(v)) {
        Value m = obj_type_dunder(S, v, SYM_str);
        if (!is_undef(m)) return call_str_dunder(T, m, v, out, "__str__");
        if (AS_INST(v)->cls->cflags & CF_EXCEPTION) return exc_str(T, v, out);
        Value sm = obj_class_lookup(S, AS_INST(v)->cls, S->sym[SYM_str]);
        if (is_kind(sm, K_NATIVE) && AS_NATIVE(sm)->owner != S->types[TY_OBJECT]) {
            Value r;
            if (vm_call(T, sm, &v, 1, NULL, &r) < 0) return -1;
            if (is_str(r)) {
                sb_put(out, AS_STR(r)->s, (size_t)AS_STR(r)->len);
                return 0;
            }
        }
    }
    return repr_write(T, v, out);
}

Value repr_value(Task *T, Value v)
{
    SBuf b = STR_BUF;
    Value r;
    if (repr_write(T, v, &b) < 0) {
        sb_free(&b);
        return v_undef();
    }
    return str_from_buf(T, &b, &r) < 0 ? v_undef() : r;
}

Value repr_str(Task *T, Value v)
{
    if (is_str(v)) return v;
    if (v.tag == V_INT) {
        /* str(i), the commonest: no buffer to grow and copy */
        char digits[20];
        return v_obj(str_new(T->S, digits, (size_t)fmt_i64(digits, v.u.i)));
    }
    SBuf b = STR_BUF;
    Value r;
    if (repr_write_str(T, v, &b) < 0) {
        sb_free(&b);
        return v_undef();
    }
    return str_from_buf(T, &b, &r) < 0 ? v_undef() : r;
}

/* ascii(v): repr(v) with every non-ASCII character escaped as \xNN,
 * \uNNNN or \UNNNNNNNN. */
Value repr_ascii(Task *T, Value v)
{
    Value r = repr_value(T, v);
    if (is_undef(r)) return r;
    const Str *s = AS_STR(r);
    SBuf b = STR_BUF;
    for (int64_t i = 0; i < s->len && !b.over;) {
        unsigned char c = (unsigned char)s->s[i];
        if (c < 0x80) {
            sb_putc(&b, (char)c);
            i++;
            continue;
        }
        int n;
        uint32_t cp = uc_decode(s->s + i, (size_t)(s->len - i), &n);
        i += n;
        /* \xNN, \uNNNN or \UNNNNNNNN by hand: snprintf was most of the time */
        int digits = cp < 0x100 ? 2 : cp < 0x10000 ? 4 : 8;
        char esc[10] = {'\\', digits == 2 ? 'x' : digits == 4 ? 'u' : 'U'};
        for (int k = 0; k < digits; k++) esc[2 + k] = "0123456789abcdef"[(cp >> (4 * (digits - 1 - k))) & 15];
        sb_put(&b, esc, (size_t)(2 + digits));
    }
    return str_from_buf(T, &b, &r) < 0 ? v_undef() : r;
}
