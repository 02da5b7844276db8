/* test_bigint.c - the big int core (sim/core/bigint.h) on its own: carries
 * and borrows across limbs, Karatsuba and Knuth's division checked by
 * their identities, the one representation of values that fit in 64 bits,
 * conversions to and from floats and text, hash().  Expected values were
 * computed with python3 3.11. */
#include "check.h"
#include "../../sim/sim.h"
#include "bigint.h"
#include "gc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static Sim *S;
static Task T0;

static Task *task(void)
{
    if (!S) {
        S = sim_new();
        memset(&T0, 0, sizeof T0);
        T0.S = S;
    }
    T0.exc = v_undef();
    return &T0;
}

static void done(void)
{
    if (S) sim_free(S);
    S = NULL;
}

/* A decimal (or 0x...) literal as an int. */
static Value num(const char *s)
{
    Value v = v_undef();
    int r = bigint_parse(task(), s, strlen(s), 0, &v);
    if (r != 0) FAILF("bad test literal %s", s);
    return v;
}

/* str(v), in a static buffer. */
static const char *text(Value v)
{
    static char buf[4][2000];
    static int k;
    char *b = buf[k++ % 4];
    SBuf sb = {0};
    if (bigint_sign(v) < 0) sb_putc(&sb, '-');
    bigint_write(task(), v, 10, false, &sb);
    sb_putc(&sb, 0);
    snprintf(b, 2000, "%s", sb.s);
    sb_free(&sb);
    return b;
}

static Value op(int o, Value a, Value b)
{
    Value r = v_undef();
    if (bigint_binop(task(), o, a, b, &r) < 0) FAILF("operator %d raised", o);
    return r;
}

#define CHECK_NUM(v, want) CHECK_EQ_STR(text(v), want)

static void test_carries(void)
{
    CHECK_NUM(op(BIN_ADD, num("4294967295"), num("1")), "4294967296");
    CHECK_NUM(op(BIN_ADD, num("18446744073709551615"), num("1")), "18446744073709551616");
    CHECK_NUM(op(BIN_ADD, num("0xffffffffffffffffffffffffffffffff"), num("1")), "340282366920938463463374607431768211456");
    CHECK_NUM(op(BIN_SUB, num("340282366920938463463374607431768211456"), num("1")), "340282366920938463463374607431768211455");
    CHECK_NUM(op(BIN_SUB, num("1"), num("340282366920938463463374607431768211456")), "-340282366920938463463374607431768211455");
    CHECK_NUM(op(BIN_MUL, num("0xffffffffffffffff"), num("0xffffffffffffffff")), "340282366920938463426481119284349108225");
    CHECK_NUM(op(BIN_ADD, num("-18446744073709551616"), num("18446744073709551616")), "0");
    done();
}

/* Values that fit in 64 bits are V_INT, whatever made them. */
static void test_one_representation(void)
{
    Value m = num("-9223372036854775808");
    CHECK(m.tag == V_INT && m.u.i == INT64_MIN);
    Value p = num("9223372036854775808");
    CHECK(is_bigint(p));
    Value n = v_undef();
    bigint_neg(task(), p, &n);
    CHECK(n.tag == V_INT && n.u.i == INT64_MIN);
    Value back = op(BIN_SUB, p, num("1"));
    CHECK(back.tag == V_INT && back.u.i == INT64_MAX);
    CHECK(op(BIN_FLOORDIV, op(BIN_MUL, p, p), p).tag == V_OBJ);
    Value q = op(BIN_FLOORDIV, num("-9223372036854775808"), num("-1"));
    CHECK(is_bigint(q));
    CHECK_NUM(q, "9223372036854775808");
    CHECK_EQ_INT(bigint_hash(p), bigint_hash(v_int(INT64_MAX)) + 1);
    done();
}

/* A deterministic stream of ints of 1 to ~200 limbs, some all ones. */
static uint64_t seed = 88172645463325252ULL;
static uint32_t next32(void)
{
    seed ^= seed << 13;
    seed ^= seed >> 7;
    seed ^= seed << 17;
    return (uint32_t)seed;
}

static Value random_int(int maxlimbs)
{
    int n = 1 + (int)(next32() % (uint32_t)maxlimbs);
    int kind = (int)(next32() % 4);
    Value r = v_int(0);
    for (int i = 0; i < n; i++) {
        uint32_t limb = kind == 0 ? 0xFFFFFFFFu : kind == 1 && i < n - 1 ? 0 : next32();
        r = op(BIN_OR, op(BIN_LSHIFT, r, v_int(32)), v_int(limb));
    }
    if (next32() & 1) bigint_neg(task(), r, &r);
    return r;
}

/* (a * b) // b == a, divmod's identity and remainder sign, Karatsuba sizes. */
static void test_mul_div_identities(void)
{
    for (int i = 0; i < 300; i++) {
        Value a = random_int(i < 150 ? 8 : 200), b = random_int(i < 150 ? 8 : 150);
        if (!bigint_sign(b)) continue;
        Value p = op(BIN_MUL, a, b);
        if (!CHECK(bigint_cmp(op(BIN_FLOORDIV, p, b), a) == 0)) break;
        if (!CHECK(bigint_sign(op(BIN_MOD, p, b)) == 0)) break;
        Value q, r;
        bigint_divmod(task(), a, b, &q, &r);
        if (!CHECK(bigint_cmp(op(BIN_ADD, op(BIN_MUL, q, b), r), a) == 0)) break;
        /* the remainder has b's sign and |r| < |b| */
        Value ar, ab;
        bigint_abs(task(), r, &ar);
        bigint_abs(task(), b, &ab);
        if (!CHECK(bigint_cmp(ar, ab) < 0)) break;
        if (!CHECK(bigint_sign(r) == 0 || bigint_sign(r) == bigint_sign(b))) break;
        /* (a + b) - b == a; a ^ b ^ b == a */
        if (!CHECK(bigint_cmp(op(BIN_SUB, op(BIN_ADD, a, b), b), a) == 0)) break;
        if (!CHECK(bigint_cmp(op(BIN_XOR, op(BIN_XOR, a, b), b), a) == 0)) break;
    }
    done();
}

/* Knuth D's rare add-back step (Hacker's Delight's divmnu test vectors). */
static void test_division_add_back(void)
{
    Value a = num("0x7fffffff800000010000000000000000"), b = num("0x800000008000000200000005");
    CHECK_NUM(op(BIN_FLOORDIV, a, b), "4294967293");
    CHECK_NUM(op(BIN_MOD, a, b), "39614081266355540837921718287");
    a = num("0x800000000000000000000003");
    b = num("0x200000000000000000000001");
    CHECK_NUM(op(BIN_FLOORDIV, a, b), "3");
    CHECK_NUM(op(BIN_MOD, a, b), "9903520314283042199192993792");
    CHECK_NUM(op(BIN_FLOORDIV, num("-100000000000000000000000000000"), num("7")), "-14285714285714285714285714286");
    CHECK_NUM(op(BIN_MOD, num("-100000000000000000000000000000"), num("7")), "2");
    done();
}

static void test_bits(void)
{
    CHECK_NUM(op(BIN_AND, num("-1180591620717411303424"), num("0xffff")), "0");
    CHECK_NUM(op(BIN_OR, num("-1180591620717411303424"), num("5")), "-1180591620717411303419");
    CHECK_NUM(op(BIN_RSHIFT, num("-1267650600228229401496703205376"), num("98")), "-4");
    CHECK_NUM(op(BIN_RSHIFT, num("-1267650600228229401496703205377"), num("100")), "-2");
    CHECK_NUM(op(BIN_LSHIFT, num("-3"), num("70")), "-3541774862152233910272");
    Value inv = v_undef();
    bigint_invert(task(), num("1208925819614629174706175"), &inv);
    CHECK_NUM(inv, "-1208925819614629174706176");
    CHECK_EQ_INT(bigint_bit_length(num("-1180591620717411303424")), 71);
    CHECK_EQ_INT(bigint_bit_count(num("0xf0f0f0f0f0f0f0f0f0f0f0f0")), 48);
    done();
}

static void test_floats(void)
{
    double d = 0;
    /* ties to even: 2**64 + 2**11 rounds down, + 1 more rounds up */
    bigint_to_double(task(), num("18446744073709553664"), &d);
    CHECK(d == 18446744073709551616.0);
    bigint_to_double(task(), num("18446744073709553665"), &d);
    CHECK(d == 18446744073709555712.0);
    bigint_to_double(task(), num("-340282366920938463463374607431768211455"), &d);
    CHECK(d == -340282366920938463463374607431768211456.0);
    CHECK_EQ_INT(bigint_cmp_float(num("9007199254740993"), 9007199254740992.0), 1);
    CHECK_EQ_INT(bigint_cmp_float(num("18446744073709551616"), 18446744073709551616.0), 0);
    CHECK_EQ_INT(bigint_cmp_float(num("18446744073709551617"), 18446744073709551616.0), 1);
    CHECK_EQ_INT(bigint_cmp_float(num("-18446744073709551617"), -18446744073709551616.0), -1);
    CHECK_EQ_INT(bigint_cmp_float(num("18446744073709551616"), NAN), 2);
    CHECK_EQ_INT(bigint_cmp_float(num("18446744073709551616"), INFINITY), -1);
    Value v = v_undef();
    bigint_from_double(task(), 1e20, &v);
    CHECK_NUM(v, "100000000000000000000");
    bigint_from_double(task(), -1.5e300, &v);
    CHECK_EQ_INT(bigint_bit_length(v), 998);
    /* true division: CPython's correctly rounded results */
    bigint_truediv(task(), num("1180591620717411303424"), num("3"), &v);
    CHECK(v.tag == V_FLOAT && v.u.f == 3.935305402391371e+20);
    bigint_truediv(task(), num("1267650600228229401496703217721"), num("18446744073709551617"), &v);
    CHECK(v.tag == V_FLOAT && v.u.f == 68719476736.0);
    done();
}

static void test_text_and_hash(void)
{
    const char *big = "12345678901234567890123456789012345678901234567890123456789012345678901234567890";
    CHECK_NUM(num(big), big);
    CHECK_NUM(num("-0x_dead_beef_dead_beef_dead_beef"), "-68915718021581205938132336367");
    CHECK_NUM(num("0b" "1111111111111111111111111111111111111111111111111111111111111111111111"),
              "1180591620717411303423");
    SBuf sb = {0};
    bigint_write(task(), num("1267650600228229401496703205376"), 8, false, &sb);
    sb_putc(&sb, 0);
    CHECK_EQ_STR(sb.s, "2000000000000000000000000000000000");
    sb_free(&sb);
    Value v;
    CHECK_EQ_INT(bigint_parse(task(), "1__0", 4, 10, &v), 1);
    CHECK_EQ_INT(bigint_parse(task(), "010", 3, 0, &v), 1);
    CHECK_EQ_INT(bigint_parse(task(), " 0_0 ", 5, 0, &v), 0);
    CHECK_EQ_INT(bigint_hash(num("18446744073709551616")), 8);
    CHECK_EQ_INT(bigint_hash(num("-18446744073709551616")), -8);
    CHECK_EQ_INT(bigint_hash(num("2305843009213693951")), 0);
    CHECK_EQ_INT(bigint_hash(num("1000000000000000000000000000000")), 465258685558744706);
    done();
}

static void test_math(void)
{
    Value v = v_undef();
    bigint_isqrt(task(), v_int(INT64_MAX), &v);
    CHECK_EQ_INT(v.u.i, 3037000499);
    bigint_isqrt(task(), v_int(9223372030926249001), &v);
    CHECK_EQ_INT(v.u.i, 3037000499);
    bigint_isqrt(task(), num("1606938044258990275541962092341162602522202993782792835313721"), &v);
    CHECK_NUM(v, "1267650600228229401496703205376");
    bigint_factorial(task(), v_int(30), &v);
    CHECK_NUM(v, "265252859812191058636308480000000");
    bigint_comb(task(), v_int(100), v_int(50), false, &v);
    CHECK_NUM(v, "100891344545564193334812497256");
    bigint_powmod(task(), v_int(123456789), num("100000000000000000000"), num("170141183460469231731687303715884105727"), &v);
    CHECK_NUM(v, "11485719757397944168412040985552799008");
    bigint_gcd(task(), num("-1000000000000000000000000000000"), v_int(0), &v);
    CHECK_NUM(v, "1000000000000000000000000000000");
    done();
}

const TestCase bigint_tests[] = {
    {"bigint_carries", test_carries},
    {"bigint_one_representation", test_one_representation},
    {"bigint_mul_div_identities", test_mul_div_identities},
    {"bigint_division_add_back", test_division_add_back},
    {"bigint_bits", test_bits},
    {"bigint_floats", test_floats},
    {"bigint_text_and_hash", test_text_and_hash},
    {"bigint_math", test_math},
    TEST_END,
};
