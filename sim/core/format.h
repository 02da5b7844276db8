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
/* An int (any size) as text in a base: sign, prefix ("0x"), digits.  -1
 * with ValueError past the decimal digit limit. */
int format_int_text(Task *T, Value v, int base, bool upper, const char *prefix, SBuf *out);
/* int (op) int on 64-bit ints; a result past 64 bits is a big int. */
int ops_int_binop(Task *T, int op, int64_t a, int64_t b, Value *out);

#endif
