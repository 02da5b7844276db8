/* bigint.h - Python's unbounded ints past the 64-bit fast path.
 *
 * An int that fits in 64 bits is always the unboxed V_INT; any other is a
 * BigInt (value.h): a sign and a magnitude of 32-bit limbs.  Every
 * function here takes any int (V_INT, V_BOOL or BigInt) and gives back the
 * one representation of its result: a V_INT when it fits, so equal values
 * hash, compare and key dicts alike.
 *
 * Costs: op_cost per 4 limb steps (a limb added, subtracted, shifted,
 * compared, converted or copied, or one limb-by-limb product; a division
 * or decimal conversion counts its products twice).  docs/language.md
 * states the rule. */
#ifndef IL_BIGINT_H
#define IL_BIGINT_H

#include "vm.h"

/* Any Python int: V_INT, V_BOOL (bool is an int) or a BigInt. */
static inline bool bigint_is_int(Value v) { return is_intlike(v) || is_kind(v, K_BIGINT); }

/* The largest int the simulator makes; past it, MemoryError. */
#define BIGINT_MAX_BITS (INT64_C(1) << 30)
/* CPython's default sys.get_int_max_str_digits(). */
#define BIGINT_STR_DIGITS 4300

/* a OP b for two ints, OP a BinOp (not **: bigint_pow).  0, or -1 with
 * an exception (ZeroDivisionError, ValueError for a negative shift,
 * MemoryError past BIGINT_MAX_BITS). */
int bigint_binop(Task *T, int op, Value a, Value b, Value *out);
/* a + w for the 128-bit two's-complement w = hi * 2**64 + lo (sum()'s
 * running total of small ints). */
int bigint_add_wide(Task *T, Value a, int64_t hi, uint64_t lo, Value *out);
/* a ** b for b >= 0. */
int bigint_pow(Task *T, Value a, Value b, Value *out);
/* pow(a, b, m), with CPython's rules for negative b and m. */
int bigint_powmod(Task *T, Value a, Value b, Value m, Value *out);
/* a / b, correctly rounded as CPython's long/long true division. */
int bigint_truediv(Task *T, Value a, Value b, Value *out);
/* Floor division and modulo at once (either output may be NULL). */
int bigint_divmod(Task *T, Value a, Value b, Value *q, Value *r);
int bigint_neg(Task *T, Value a, Value *out);
int bigint_abs(Task *T, Value a, Value *out);
int bigint_invert(Task *T, Value a, Value *out);
/* round(a, nd) for nd < 0: half to even at a power of ten. */
int bigint_round(Task *T, Value a, int64_t nd, Value *out);

int bigint_sign(Value a);                      /* -1, 0, 1 */
int bigint_cmp(Value a, Value b);              /* -1, 0, 1 */
int bigint_cmp_float(Value a, double f);       /* -1, 0, 1; 2 if f is NaN */
int64_t bigint_hash(Value a);                  /* CPython's (modulus 2**61 - 1) */
int64_t bigint_bit_length(Value a);
int64_t bigint_bit_count(Value a);
/* The bytes pickle would write for a (multiprocessing's copies). */
int64_t bigint_pickle_bytes(Value a);

/* float(a), correctly rounded; OverflowError past the largest double. */
int bigint_to_double(Task *T, Value a, double *out);
/* a = m * 2**e with 0.5 <= |m| < 1 (math.log of ints too big for a double). */
double bigint_frexp(Value a, int64_t *e);
/* int(d): truncated; ValueError for NaN, OverflowError for infinities. */
int bigint_from_double(Task *T, double d, Value *out);
/* The numerator and denominator of a finite double (as_integer_ratio). */
void bigint_double_ratio(Sim *S, double d, Value *num, Value *den);

/* The digits of |a| in base 2..36 (lowercase unless upper), appended to
 * out.  Base 10 obeys the process's digit limit (ValueError). */
int bigint_write(Task *T, Value a, int base, bool upper, SBuf *out);
/* int(s, base) for base 0 or 2..36: whitespace, sign, base prefix and
 * underscores as CPython takes them.  0 with *out; 1 when s is no valid
 * literal (nothing raised); -1 with an exception (the digit limit). */
int bigint_parse(Task *T, const char *s, size_t n, int base, Value *out);
/* An int literal's digits (checked by the lexer, no underscores). */
Value bigint_from_digits(Sim *S, const char *digits, size_t n, int base);
/* -a, for the compiler's folding of negative literals. */
Value bigint_negated(Sim *S, Value a);
/* The process's sys.get_int_max_str_digits() (0: no limit). */
int64_t bigint_max_str_digits(Task *T);

/* The int functions of math: gcd of two ints, isqrt, factorial, and
 * comb/perm (perm: k may be V_NONE). */
int bigint_gcd(Task *T, Value a, Value b, Value *out);
int bigint_isqrt(Task *T, Value a, Value *out);
int bigint_factorial(Task *T, Value n, Value *out);
int bigint_comb(Task *T, Value n, Value k, bool perm, Value *out);

#endif
