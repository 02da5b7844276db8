/* format.h - text formatting of values: float repr, the format-spec
 * mini-language (f-strings, format(), str.format) and %-formatting. */
#ifndef IL_FORMAT_H
#define IL_FORMAT_H

#include "vm.h"

/* repr() of a float, as CPython prints it (shortest round-trip). */
void format_float_repr(double d, char *buf, size_t n);
/* format(v, spec) appended to out. */
int format_value(Task *T, Value v, const char *spec, size_t speclen, SBuf *out);
/* fmt % args */
int format_percent(Task *T, Str *fmt, Value args, Value *out);
/* fmt.format(*args, **kwargs) */
int format_str_format(Task *T, Str *fmt, Value *args, int nargs, Tuple *kwnames, Value *out);
/* str.format_map(mapping): named fields are looked up with mapping[name]. */
int format_str_format_map(Task *T, Str *fmt, Value map, Value *out);
/* int(x) as text in a base, with optional prefix ("0x"). */
void format_int_base(int64_t v, int base, bool upper, const char *prefix, SBuf *out);
/* OverflowError for an int result beyond 64 bits: "integer overflow: A OP B
 * does not fit in 64 bits (...)"; ops_int_overflow_expr takes the expression as
 * a printf format ("abs(%lld)").  Both return -1. */
int ops_int_overflow(Task *T, const char *op, int64_t a, int64_t b);
int ops_int_overflow_expr(Task *T, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int ops_int_binop(Task *T, int op, int64_t a, int64_t b, Value *out);

#endif
