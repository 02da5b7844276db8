/* native.h - helpers for writing native (C) functions: argument parsing
 * against a signature, and registering functions into dicts. */
#ifndef IL_NATIVE_H
#define IL_NATIVE_H

#include "obj.h"

/* Bind args to a signature.  spec: names separated by ','; '|' starts the
 * optional ones, '$' the keyword-only ones, e.g. "iterable|$key,reverse".
 * out[i] is V_UNDEF for an omitted optional.  fname is used in messages.
 * Returns 0, or -1 with TypeError raised. */
int nat_parse(Task *T, const char *fname, Value *args, int nargs, Tuple *kwnames, const char *spec, Value *out);

/* Number of positional arguments. */
static inline int nat_npos(int nargs, Tuple *kw) { return nargs - (kw ? (int)kw->n : 0); }
/* Reject keywords for functions that take none. */
int nat_no_kw(Task *T, const char *fname, Tuple *kw);
/* Require between lo and hi positionals (hi < 0: no limit), no keywords. */
int nat_count(Task *T, const char *fname, int nargs, Tuple *kw, int lo, int hi);

/* Register a native in d under name. */
Native *nat_def_native(Sim *S, Dict *d, const char *name, NativeFn fn, int flags);
/* Register a method on a builtin class. */
Native *nat_def_method(Sim *S, Class *c, const char *name, NativeFn fn);
typedef struct MethodDef {
    const char *name;
    NativeFn fn;
} MethodDef;
void nat_def_methods(Sim *S, Class *c, const MethodDef *m, size_t n);
/* A property implemented by natives (set NULL: read-only). */
void nat_def_property(Sim *S, Class *c, const char *name, NativeFn get, NativeFn set);

/* Argument conversions with CPython-style errors. */
int nat_arg_int(Task *T, Value v, const char *fname, int64_t *out);
int nat_arg_float(Task *T, Value v, const char *fname, double *out);
int nat_arg_str(Task *T, Value v, const char *fname, Str **out);

#define UNUSED __attribute__((unused))
#define NATIVE(name) \
    static int name(UNUSED Task *T, UNUSED Value *args, UNUSED int nargs, UNUSED Tuple *kw, UNUSED Value *out)

#endif
