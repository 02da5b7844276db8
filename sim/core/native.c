/* native.c - argument parsing and registration helpers for natives. */
#include "native.h"
#include "bigint.h"
#include "dict.h"
#include "gc.h"
#include "str.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

int nat_no_kw(Task *T, const char *fname, Tuple *kw)
{
    if (kw && kw->n) return exc_raise(T, EXC_TypeError, "%s() takes no keyword arguments", fname);
    return 0;
}

int nat_count(Task *T, const char *fname, int nargs, Tuple *kw, int lo, int hi)
{
    if (nat_no_kw(T, fname, kw) < 0) return -1;
    if (nargs < lo || (hi >= 0 && nargs > hi)) {
        if (lo == hi)
            return exc_raise(T, EXC_TypeError, "%s() takes exactly %s (%d given)", fname,
                            lo == 0 ? "no arguments" : lo == 1 ? "one argument" : "2 arguments", nargs);
        if (nargs < lo) return exc_raise(T, EXC_TypeError, "%s expected at least %d argument%s, got %d", fname, lo, lo == 1 ? "" : "s", nargs);
        return exc_raise(T, EXC_TypeError, "%s expected at most %d argument%s, got %d", fname, hi, hi == 1 ? "" : "s", nargs);
    }
    return 0;
}

int nat_parse(Task *T, const char *fname, Value *args, int nargs, Tuple *kwnames, const char *spec, Value *out)
{
    const char *names[16];
    size_t lens[16];
    int n = 0, nreq = -1, first_kwonly = -1;
    const char *p = spec;
    while (*p && n < 16) {
        if (*p == '|') {
            nreq = n;
            p++;
            continue;
        }
        if (*p == '$') {
            if (nreq < 0) nreq = n;
            first_kwonly = n;
            p++;
            continue;
        }
        const char *e = p;
        while (*e && *e != ',' && *e != '|' && *e != '$') e++;
        names[n] = p;
        lens[n] = (size_t)(e - p);
        n++;
        p = *e == ',' ? e + 1 : e;
    }
    if (nreq < 0) nreq = n;
    int maxpos = first_kwonly >= 0 ? first_kwonly : n;
    int nkw = kwnames ? (int)kwnames->n : 0;
    int npos = nargs - nkw;
    for (int i = 0; i < n; i++) out[i] = v_undef();
    if (npos > maxpos) {
        if (maxpos == 0) return exc_raise(T, EXC_TypeError, "%s() takes no positional arguments", fname);
        return exc_raise(T, EXC_TypeError, "%s() takes at most %d positional argument%s (%d given)", fname, maxpos,
                        maxpos == 1 ? "" : "s", npos);
    }
    for (int i = 0; i < npos; i++) out[i] = args[i];
    for (int k = 0; k < nkw; k++) {
        Str *kn = AS_STR(kwnames->v[k]);
        int slot = -1;
        for (int i = 0; i < n; i++)
            if ((size_t)kn->len == lens[i] && memcmp(kn->s, names[i], lens[i]) == 0) slot = i;
        if (slot < 0) return exc_raise(T, EXC_TypeError, "%s() got an unexpected keyword argument '%s'", fname, kn->s);
        if (!is_undef(out[slot]))
            return exc_raise(T, EXC_TypeError, "argument for %s() given by name ('%s') and position (%d)", fname, kn->s, slot + 1);
        out[slot] = args[npos + k];
    }
    for (int i = 0; i < nreq; i++)
        if (is_undef(out[i]))
            return exc_raise(T, EXC_TypeError, "%s() missing required argument '%.*s' (pos %d)", fname, (int)lens[i], names[i], i + 1);
    return 0;
}

Native *nat_def_native(Sim *S, Dict *d, const char *name, NativeFn fn, int flags)
{
    Native *n = obj_native_new(S, name, fn, flags);
    dict_set_str(S, d, str_intern(S, name, strlen(name)), v_obj(n));
    return n;
}

Native *nat_def_method(Sim *S, Class *c, const char *name, NativeFn fn)
{
    Native *n = nat_def_native(S, c->dict, name, fn, NF_METHOD);
    n->owner = c;
    return n;
}

void nat_def_methods(Sim *S, Class *c, const MethodDef *m, size_t n)
{
    for (size_t i = 0; i < n; i++) nat_def_method(S, c, m[i].name, m[i].fn);
}

void nat_def_property(Sim *S, Class *c, const char *name, NativeFn get, NativeFn set)
{
    Property *p = gc_alloc(S, K_PROPERTY, sizeof(Property));
    Native *g = obj_native_new(S, name, get, NF_METHOD);
    g->owner = c;
    p->fget = v_obj(g);
    p->fset = v_none();
    if (set) {
        Native *s = obj_native_new(S, name, set, NF_METHOD);
        s->owner = c;
        p->fset = v_obj(s);
    }
    p->fdel = v_none();
    dict_set_str(S, c->dict, str_intern(S, name, strlen(name)), v_obj(p));
}

int nat_arg_int(Task *T, Value v, const char *fname, int64_t *out)
{
    if (is_intlike(v)) {
        *out = v.u.i;
        return 0;
    }
    if (is_float(v)) return exc_raise(T, EXC_TypeError, "'float' object cannot be interpreted as an integer");
    (void)fname;
    return obj_index(T, v, out, NULL);
}

int nat_arg_float(Task *T, Value v, const char *fname, double *out)
{
    if (is_float(v)) *out = v.u.f;
    else if (is_intlike(v)) *out = (double)v.u.i;
    else if (is_bigint(v)) return bigint_to_double(T, v, out);
    else return exc_raise(T, EXC_TypeError, "%s() argument must be a real number, not '%s'", fname, obj_type_name(T->S, v));
    return 0;
}

int nat_arg_str(Task *T, Value v, const char *fname, Str **out)
{
    if (!is_str(v)) return exc_raise(T, EXC_TypeError, "%s() argument must be str, not %s", fname, obj_type_name(T->S, v));
    *out = AS_STR(v);
    return 0;
}
