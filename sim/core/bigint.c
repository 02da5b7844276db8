/* bigint.c - Python's unbounded ints past the 64-bit fast path.
 *
 * An int that fits in 64 bits is always the unboxed V_INT, which the VM
 * adds, subtracts and compares inline; an operation whose result leaves
 * that range lands here and makes a BigInt: a sign and a magnitude of
 * 32-bit limbs, least significant first, with no leading zero limb.  A
 * result that fits in 64 bits goes back to V_INT (make()), so every value
 * has one representation.
 *
 * The algorithms: schoolbook addition and subtraction; schoolbook
 * multiplication, Karatsuba's above KARATSUBA_CUTOFF limbs; Knuth's
 * algorithm D for division; left-to-right binary powers; quadratic base
 * conversion, as CPython 3.11's (its 4300-digit limit keeps it short).
 * Results are CPython's bit for bit: floor division and modulo, the
 * two's-complement bit operations, hash() (modulus 2**61 - 1), float()
 * (correctly rounded) and true division (CPython's long_true_divide).
 *
 * Every function works on any int: an operand is read through a Num, a
 * view of its magnitude that holds a V_INT's limbs in place.  Scratch
 * limbs come from the stack when few, else from malloc; nothing here keeps
 * state between calls, and nothing depends on an address.
 *
 * Cost: op_cost per 4 limb steps (charge()). */
#include "bigint.h"
#include "gc.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>

#define MAX_LIMBS (BIGINT_MAX_BITS / 32)
#define KARATSUBA_CUTOFF 48
#define SMALL 16

/* ---- operands and results ---- */

typedef struct Num {
    const uint32_t *d;
    int64_t n;          /* limbs; 0 for zero */
    bool neg;
    uint32_t buf[2];    /* a V_INT's limbs */
} Num;

/* Never copy a Num: d may point into its own buf. */
static void num_of(Value v, Num *x)
{
    if (v.tag == V_OBJ) {
        const BigInt *b = (const BigInt *)v.u.o;
        x->d = b->d;
        x->n = b->n;
        x->neg = b->neg != 0;
        return;
    }
    uint64_t u = v.u.i < 0 ? 0 - (uint64_t)v.u.i : (uint64_t)v.u.i;
    x->neg = v.u.i < 0;
    x->buf[0] = (uint32_t)u;
    x->buf[1] = (uint32_t)(u >> 32);
    x->n = x->buf[1] ? 2 : x->buf[0] ? 1 : 0;
    x->d = x->buf;
}

/* Zeroed scratch limbs: on the stack when few. */
typedef struct Scratch {
    uint32_t *d;
    uint32_t small[SMALL];
} Scratch;

static uint32_t *scratch(Scratch *s, int64_t n)
{
    if (n <= SMALL) {
        memset(s->small, 0, sizeof s->small);
        s->d = s->small;
    } else {
        s->d = xcalloc((size_t)n, sizeof(uint32_t));
    }
    return s->d;
}

static void scratch_free(Scratch *s)
{
    if (s->d != s->small) free(s->d);
    s->d = NULL;
}

static int64_t trim(const uint32_t *d, int64_t n)
{
    while (n > 0 && !d[n - 1]) n--;
    return n;
}

/* The int (neg ? -1 : 1) * d[0..n): a V_INT when it fits, else a BigInt. */
static Value make(Sim *S, bool neg, const uint32_t *d, int64_t n)
{
    n = trim(d, n);
    if (n <= 2) {
        uint64_t u = n == 0 ? 0 : n == 1 ? d[0] : (d[0] | (uint64_t)d[1] << 32);
        if (u <= (uint64_t)INT64_MAX) return v_int(neg ? -(int64_t)u : (int64_t)u);
        if (neg && u == (uint64_t)1 << 63) return v_int(INT64_MIN);
    }
    BigInt *b = gc_alloc(S, K_BIGINT, sizeof(BigInt) + (size_t)n * sizeof(uint32_t));
    b->n = (int32_t)n;
    b->neg = neg;
    memcpy(b->d, d, (size_t)n * sizeof(uint32_t));
    return v_obj(b);
}

static int too_big(Task *T)
{
    return exc_raise(T, EXC_MemoryError, "the simulator limits an int to 2**30 bits");
}

static void charge(Task *T, uint64_t steps)
{
    if (T) charge_items(T, (int64_t)(steps / 4));
}

/* ---- magnitudes: arrays of limbs ---- */

static int64_t mag_bits(const uint32_t *a, int64_t n)
{
    return n ? (n - 1) * 32 + (32 - __builtin_clz(a[n - 1])) : 0;
}

/* Both trimmed. */
static int mag_cmp(const uint32_t *a, int64_t an, const uint32_t *b, int64_t bn)
{
    if (an != bn) return an < bn ? -1 : 1;
    for (int64_t i = an - 1; i >= 0; i--)
        if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
    return 0;
}

/* r[0..an] = a + b, for an >= bn. */
static void mag_add(const uint32_t *a, int64_t an, const uint32_t *b, int64_t bn, uint32_t *r)
{
    uint64_t c = 0;
    int64_t i = 0;
    for (; i < bn; i++) {
        c += (uint64_t)a[i] + b[i];
        r[i] = (uint32_t)c;
        c >>= 32;
    }
    for (; i < an; i++) {
        c += a[i];
        r[i] = (uint32_t)c;
        c >>= 32;
    }
    r[an] = (uint32_t)c;
}

/* r[0..an) = a - b, for a >= b (r may be a). */
static void mag_sub(const uint32_t *a, int64_t an, const uint32_t *b, int64_t bn, uint32_t *r)
{
    uint64_t borrow = 0;
    int64_t i = 0;
    for (; i < bn; i++) {
        uint64_t t = (uint64_t)a[i] - b[i] - borrow;
        r[i] = (uint32_t)t;
        borrow = t >> 63;
    }
    for (; i < an; i++) {
        uint64_t t = (uint64_t)a[i] - borrow;
        r[i] = (uint32_t)t;
        borrow = t >> 63;
    }
}

/* r[0..rn) += x[0..xn); the sum fits in r. */
static void mag_add_into(uint32_t *r, int64_t rn, const uint32_t *x, int64_t xn)
{
    uint64_t c = 0;
    int64_t i = 0;
    for (; i < xn; i++) {
        c += (uint64_t)r[i] + x[i];
        r[i] = (uint32_t)c;
        c >>= 32;
    }
    for (; c && i < rn; i++) {
        c += r[i];
        r[i] = (uint32_t)c;
        c >>= 32;
    }
}

/* r[0..rn) -= x[0..xn); r >= x. */
static void mag_sub_from(uint32_t *r, int64_t rn, const uint32_t *x, int64_t xn)
{
    uint64_t borrow = 0;
    int64_t i = 0;
    for (; i < xn; i++) {
        uint64_t t = (uint64_t)r[i] - x[i] - borrow;
        r[i] = (uint32_t)t;
        borrow = t >> 63;
    }
    for (; borrow && i < rn; i++) {
        uint64_t t = (uint64_t)r[i] - borrow;
        r[i] = (uint32_t)t;
        borrow = t >> 63;
    }
}

/* r[0..n) = r * m + add; returns the carry out. */
static uint32_t mag_muladd1(uint32_t *r, int64_t n, uint32_t m, uint32_t add)
{
    uint64_t c = add;
    for (int64_t i = 0; i < n; i++) {
        c += (uint64_t)r[i] * m;
        r[i] = (uint32_t)c;
        c >>= 32;
    }
    return (uint32_t)c;
}

/* q = a / d (q may be a or NULL); returns a % d. */
static uint32_t mag_divrem1(const uint32_t *a, int64_t an, uint32_t d, uint32_t *q)
{
    uint64_t r = 0;
    for (int64_t i = an - 1; i >= 0; i--) {
        uint64_t cur = r << 32 | a[i];
        if (q) q[i] = (uint32_t)(cur / d);
        r = cur % d;
    }
    return (uint32_t)r;
}

static void mul_school(const uint32_t *a, int64_t an, const uint32_t *b, int64_t bn, uint32_t *r)
{
    memset(r, 0, (size_t)(an + bn) * sizeof(uint32_t));
    for (int64_t j = 0; j < bn; j++) {
        uint64_t c = 0, bj = b[j];
        if (!bj) continue;
        for (int64_t i = 0; i < an; i++) {
            c += (uint64_t)a[i] * bj + r[i + j];
            r[i + j] = (uint32_t)c;
            c >>= 32;
        }
        r[an + j] = (uint32_t)c;
    }
}

/* r[0..an+bn) = a * b (r apart from a and b; a and b may have leading
 * zero limbs).  *steps counts the limb products. */
static void mag_mul(const uint32_t *a, int64_t an, const uint32_t *b, int64_t bn, uint32_t *r, uint64_t *steps)
{
    if (an < bn) {
        const uint32_t *t = a;
        a = b, b = t;
        int64_t tn = an;
        an = bn, bn = tn;
    }
    if (bn < KARATSUBA_CUTOFF) {
        mul_school(a, an, b, bn, r);
        *steps += (uint64_t)(an * bn);
        return;
    }
    if (an >= 2 * bn) {
        /* lopsided: a in slices of bn limbs */
        memset(r, 0, (size_t)(an + bn) * sizeof(uint32_t));
        uint32_t *t = xmalloc((size_t)(2 * bn) * sizeof(uint32_t));
        for (int64_t i = 0; i < an; i += bn) {
            int64_t k = an - i < bn ? an - i : bn;
            mag_mul(a + i, k, b, bn, t, steps);
            mag_add_into(r + i, an + bn - i, t, k + bn);
        }
        free(t);
        return;
    }
    /* Karatsuba: a = a1 B^h + a0, b = b1 B^h + b0 (b1 may be empty) */
    int64_t h = (an + 1) / 2, a1n = an - h, b1n = bn - h;
    mag_mul(a, h, b, h, r, steps);                      /* z0 in r[0..2h) */
    mag_mul(a + h, a1n, b + h, b1n, r + 2 * h, steps);  /* z2 in r[2h..an+bn) */
    uint32_t *sa = xmalloc((size_t)(4 * h + 4) * sizeof(uint32_t));
    uint32_t *sb = sa + h + 1, *z1 = sb + h + 1;
    mag_add(a, h, a + h, a1n, sa);
    mag_add(b, h, b + h, b1n, sb);
    mag_mul(sa, h + 1, sb, h + 1, z1, steps);
    mag_sub_from(z1, 2 * h + 2, r, 2 * h);
    mag_sub_from(z1, 2 * h + 2, r + 2 * h, an + bn - 2 * h);
    mag_add_into(r + h, an + bn - h, z1, trim(z1, 2 * h + 2));
    free(sa);
}

/* Knuth's algorithm D: q[0..an-bn] = a / b and r[0..bn) = a % b, for
 * bn >= 2, b trimmed, an >= bn (q, r may be NULL). */
static void mag_divrem(const uint32_t *a, int64_t an, const uint32_t *b, int64_t bn, uint32_t *q, uint32_t *r,
                       uint64_t *steps)
{
    int s = __builtin_clz(b[bn - 1]);
    uint32_t *vn = xmalloc((size_t)(bn + an + 1) * sizeof(uint32_t));
    uint32_t *un = vn + bn;
    for (int64_t i = bn - 1; i > 0; i--) vn[i] = (b[i] << s) | (uint32_t)((uint64_t)b[i - 1] >> (32 - s));
    vn[0] = b[0] << s;
    un[an] = (uint32_t)((uint64_t)a[an - 1] >> (32 - s));
    for (int64_t i = an - 1; i > 0; i--) un[i] = (a[i] << s) | (uint32_t)((uint64_t)a[i - 1] >> (32 - s));
    un[0] = a[0] << s;
    for (int64_t j = an - bn; j >= 0; j--) {
        uint64_t num = (uint64_t)un[j + bn] << 32 | un[j + bn - 1];
        uint64_t qhat = num / vn[bn - 1], rhat = num % vn[bn - 1];
        while (qhat >> 32 || qhat * vn[bn - 2] > (rhat << 32 | un[j + bn - 2])) {
            qhat--;
            rhat += vn[bn - 1];
            if (rhat >> 32) break;
        }
        int64_t k = 0, t;
        for (int64_t i = 0; i < bn; i++) {
            uint64_t p = qhat * vn[i];
            t = (int64_t)un[i + j] - k - (int64_t)(p & 0xFFFFFFFFu);
            un[i + j] = (uint32_t)t;
            k = (int64_t)(p >> 32) - (t >> 32);
        }
        t = (int64_t)un[j + bn] - k;
        un[j + bn] = (uint32_t)t;
        if (t < 0) {
            qhat--;
            uint64_t c = 0;
            for (int64_t i = 0; i < bn; i++) {
                c += (uint64_t)un[i + j] + vn[i];
                un[i + j] = (uint32_t)c;
                c >>= 32;
            }
            un[j + bn] += (uint32_t)c;
        }
        if (q) q[j] = (uint32_t)qhat;
    }
    *steps += (uint64_t)((an - bn + 1) * bn) * 2;
    if (r)
        for (int64_t i = 0; i < bn; i++) r[i] = (un[i] >> s) | (uint32_t)((uint64_t)un[i + 1] << (32 - s));
    free(vn);
}

/* r[0..an + bits/32 + 1) = a << bits. */
static void mag_shl(const uint32_t *a, int64_t an, int64_t bits, uint32_t *r)
{
    int64_t w = bits / 32;
    int s = (int)(bits % 32);
    memset(r, 0, (size_t)w * sizeof(uint32_t));
    uint32_t c = 0;
    for (int64_t i = 0; i < an; i++) {
        r[w + i] = (a[i] << s) | c;
        c = (uint32_t)((uint64_t)a[i] >> (32 - s));
    }
    r[w + an] = c;
}

/* r = a >> bits; returns its limbs (r needs an - bits/32).  *lost: a bit
 * set was shifted out. */
static int64_t mag_shr(const uint32_t *a, int64_t an, int64_t bits, uint32_t *r, bool *lost)
{
    int64_t w = bits / 32;
    int s = (int)(bits % 32);
    bool l = false;
    for (int64_t i = 0; i < w && i < an && !l; i++) l = a[i] != 0;
    if (s && w < an && (a[w] & ((1u << s) - 1))) l = true;
    if (lost) *lost = l;
    if (w >= an) return 0;
    int64_t rn = an - w;
    for (int64_t i = 0; i < rn; i++) {
        uint32_t hi = w + i + 1 < an ? (uint32_t)((uint64_t)a[w + i + 1] << (32 - s)) : 0;
        r[i] = (a[w + i] >> s) | hi;
    }
    return rn;
}

/* Bits [shift, shift + 64) of a, and (lost not NULL) whether a bit below
 * shift is set. */
static uint64_t mag_bits_at(const uint32_t *a, int64_t an, int64_t shift, bool *lost)
{
    uint32_t r[3] = {0, 0, 0};
    uint32_t part[3];
    int64_t w = shift / 32;
    int64_t k = an - w < 3 ? an - w : 3;
    if (k < 0) k = 0;
    memcpy(part, a + w, (size_t)k * sizeof(uint32_t));
    mag_shr(part, k, shift % 32, r, NULL);
    if (lost) {
        bool l = false;
        for (int64_t i = 0; i < w && i < an && !l; i++) l = a[i] != 0;
        if (shift % 32 && w < an && (a[w] & ((1u << (shift % 32)) - 1))) l = true;
        *lost = l;
    }
    return r[0] | (uint64_t)r[1] << 32;
}

/* |x| rounded to 53 bits, half to even: |x| ~ m * 2**e, 2**52 <= m <= 2**53. */
static uint64_t round53(const Num *x, int64_t *e)
{
    int64_t bits = mag_bits(x->d, x->n);
    if (bits <= 53) {
        *e = 0;
        return x->n ? (x->n == 1 ? x->d[0] : (x->d[0] | (uint64_t)x->d[1] << 32)) : 0;
    }
    int64_t shift = bits - 55;
    bool lost;
    uint64_t m = mag_bits_at(x->d, x->n, shift, &lost) & ((UINT64_C(1) << 55) - 1);
    m |= lost;
    uint64_t low = m & 3;
    m >>= 2;
    if (low > 2 || (low == 2 && (m & 1))) m++;
    *e = shift + 2;
    return m;
}

/* ---- the operations ---- */

static int addsub(Task *T, const Num *x, const Num *y, bool yneg, Value *out)
{
    Sim *S = T->S;
    Scratch s;
    int64_t big = x->n > y->n ? x->n : y->n;
    if (big + 1 > MAX_LIMBS) return too_big(T);
    if (x->neg == yneg || !y->n) {
        const Num *p = x->n >= y->n ? x : y, *q = p == x ? y : x;
        uint32_t *r = scratch(&s, p->n + 1);
        mag_add(p->d, p->n, q->d, q->n, r);
        *out = make(S, x->n ? x->neg : yneg, r, p->n + 1);
    } else {
        int c = mag_cmp(x->d, x->n, y->d, y->n);
        if (c == 0) {
            charge(T, (uint64_t)big);
            *out = v_int(0);
            return 0;
        }
        const Num *p = c > 0 ? x : y, *q = c > 0 ? y : x;
        uint32_t *r = scratch(&s, p->n);
        mag_sub(p->d, p->n, q->d, q->n, r);
        *out = make(S, c > 0 ? x->neg : yneg, r, p->n);
    }
    scratch_free(&s);
    charge(T, (uint64_t)big);
    return 0;
}

static int mul(Task *T, const Num *x, const Num *y, Value *out)
{
    if (!x->n || !y->n) {
        *out = v_int(0);
        return 0;
    }
    int64_t rn = x->n + y->n;
    if (rn > MAX_LIMBS + 1) return too_big(T);
    Scratch s;
    uint32_t *r = scratch(&s, rn);
    uint64_t steps = 0;
    mag_mul(x->d, x->n, y->d, y->n, r, &steps);
    *out = make(T->S, x->neg != y->neg, r, rn);
    scratch_free(&s);
    charge(T, steps);
    return 0;
}

/* Floor division and modulo (y nonzero); q or r may be NULL. */
static void divmod(Task *T, const Num *x, const Num *y, Value *q, Value *r)
{
    Sim *S = T->S;
    bool negq = x->neg != y->neg;
    if (mag_cmp(x->d, x->n, y->d, y->n) < 0) {
        /* |x| < |y|: 0 rem x, or -1 rem x + y when the signs differ */
        charge(T, (uint64_t)y->n);
        if (!x->n || !negq) {
            if (q) *q = v_int(0);
            if (r) *r = make(S, x->neg, x->d, x->n);
            return;
        }
        if (q) *q = v_int(-1);
        if (r) {
            Scratch s;
            uint32_t *d = scratch(&s, y->n);
            mag_sub(y->d, y->n, x->d, x->n, d);
            *r = make(S, y->neg, d, y->n);
            scratch_free(&s);
        }
        return;
    }
    int64_t qn = x->n - y->n + 1;
    Scratch sq, sr;
    uint32_t *qd = scratch(&sq, qn + 1), *rd = scratch(&sr, y->n);
    uint64_t steps = 0;
    if (y->n == 1) {
        rd[0] = mag_divrem1(x->d, x->n, y->d[0], qd);
        steps = (uint64_t)x->n * 2;
    } else {
        mag_divrem(x->d, x->n, y->d, y->n, qd, rd, &steps);
    }
    if (negq && trim(rd, y->n)) {
        /* floor: q + 1 (of the magnitude), and |y| - rem */
        uint32_t one = 1;
        mag_add_into(qd, qn + 1, &one, 1);
        mag_sub(y->d, y->n, rd, y->n, rd);
    }
    if (q) *q = make(S, negq, qd, qn + 1);
    if (r) *r = make(S, y->neg, rd, y->n);
    scratch_free(&sq);
    scratch_free(&sr);
    charge(T, steps);
}

static bool is_pow2(const Num *x)
{
    for (int64_t i = 0; i < x->n - 1; i++)
        if (x->d[i]) return false;
    return x->n && !(x->d[x->n - 1] & (x->d[x->n - 1] - 1));
}

int bigint_pow(Task *T, Value a, Value b, Value *out)
{
    Num x, e;
    num_of(a, &x);
    num_of(b, &e);
    if (!e.n) {
        *out = v_int(1);
        return 0;
    }
    if (!x.n) {
        *out = v_int(0);
        return 0;
    }
    bool odd = e.d[0] & 1;
    if (x.n == 1 && x.d[0] == 1) {
        *out = v_int(x.neg && odd ? -1 : 1);
        return 0;
    }
    if (e.n > 2 || (e.n == 2 && e.d[1] >> 31)) return too_big(T);
    uint64_t ue = e.d[0] | (e.n == 2 ? (uint64_t)e.d[1] << 32 : 0);
    int64_t bits = mag_bits(x.d, x.n);
    if ((uint64_t)(bits - 1) > (uint64_t)BIGINT_MAX_BITS / ue) return too_big(T);
    bool neg = x.neg && odd;
    Sim *S = T->S;
    if (is_pow2(&x)) {
        int64_t sh = (bits - 1) * (int64_t)ue;
        Scratch s;
        uint32_t *r = scratch(&s, sh / 32 + 1);
        r[sh / 32] = 1u << (sh % 32);
        *out = make(S, neg, r, sh / 32 + 1);
        scratch_free(&s);
        charge(T, (uint64_t)(sh / 32 + 1));
        return 0;
    }
    /* left to right: square, and multiply by x for each 1 bit */
    int64_t cap = (int64_t)(((uint64_t)bits * ue) / 32) + 4;
    if (cap > MAX_LIMBS + 2) return too_big(T);
    uint32_t *ra = xcalloc((size_t)cap, sizeof(uint32_t)), *rb = xcalloc((size_t)cap, sizeof(uint32_t));
    memcpy(ra, x.d, (size_t)x.n * sizeof(uint32_t));
    int64_t rn = x.n;
    uint64_t steps = 0;
    for (int bit = 62 - __builtin_clzll(ue); bit >= 0; bit--) {
        mag_mul(ra, rn, ra, rn, rb, &steps);
        rn = trim(rb, 2 * rn);
        uint32_t *t = ra;
        ra = rb, rb = t;
        if ((ue >> bit) & 1) {
            mag_mul(ra, rn, x.d, x.n, rb, &steps);
            rn = trim(rb, rn + x.n);
            t = ra, ra = rb, rb = t;
        }
    }
    *out = make(S, neg, ra, rn);
    free(ra);
    free(rb);
    charge(T, steps);
    return 0;
}

static int bitop(Task *T, int op, const Num *x, const Num *y, Value *out)
{
    int64_t n = (x->n > y->n ? x->n : y->n) + 1;
    Scratch sa, sb;
    uint32_t *a = scratch(&sa, n), *b = scratch(&sb, n);
    const Num *src[2] = {x, y};
    uint32_t *dst[2] = {a, b};
    for (int k = 0; k < 2; k++) {
        /* two's complement over n limbs: ~(m - 1) = ~m + 1 */
        memcpy(dst[k], src[k]->d, (size_t)src[k]->n * sizeof(uint32_t));
        if (src[k]->neg) {
            uint64_t c = 1;
            for (int64_t i = 0; i < n; i++) {
                c += (uint32_t)~dst[k][i];
                dst[k][i] = (uint32_t)c;
                c >>= 32;
            }
        }
    }
    for (int64_t i = 0; i < n; i++) a[i] = op == BIN_AND ? a[i] & b[i] : op == BIN_OR ? a[i] | b[i] : a[i] ^ b[i];
    bool neg = a[n - 1] >> 31;
    if (neg) {
        uint64_t c = 1;
        for (int64_t i = 0; i < n; i++) {
            c += (uint32_t)~a[i];
            a[i] = (uint32_t)c;
            c >>= 32;
        }
    }
    *out = make(T->S, neg, a, n);
    scratch_free(&sa);
    scratch_free(&sb);
    charge(T, (uint64_t)n * 2);
    return 0;
}

static int shift(Task *T, int op, const Num *x, const Num *c, Value *out)
{
    if (c->neg) return exc_raise(T, EXC_ValueError, "negative shift count");
    Sim *S = T->S;
    if (!x->n) {
        *out = v_int(0);
        return 0;
    }
    bool huge = c->n > 2 || (c->n == 2 && c->d[1] >> 31);
    uint64_t k = c->n ? c->d[0] | (c->n == 2 ? (uint64_t)c->d[1] << 32 : 0) : 0;
    if (op == BIN_LSHIFT) {
        if (huge || k > (uint64_t)BIGINT_MAX_BITS) return too_big(T);
        int64_t rn = x->n + (int64_t)k / 32 + 1;
        if (rn > MAX_LIMBS + 1) return too_big(T);
        Scratch s;
        uint32_t *r = scratch(&s, rn);
        mag_shl(x->d, x->n, (int64_t)k, r);
        *out = make(S, x->neg, r, rn);
        scratch_free(&s);
        charge(T, (uint64_t)rn);
        return 0;
    }
    /* >> floors: -(|x| >> k) - 1 when a bit of a negative x is lost */
    if (huge || k >= (uint64_t)x->n * 32) {
        *out = v_int(x->neg ? -1 : 0);
        return 0;
    }
    Scratch s;
    uint32_t *r = scratch(&s, x->n + 1);
    bool lost;
    int64_t rn = mag_shr(x->d, x->n, (int64_t)k, r, &lost);
    if (x->neg && lost) {
        uint32_t one = 1;
        mag_add_into(r, rn + 1, &one, 1);
        rn++;
    }
    *out = make(S, x->neg, r, rn);
    scratch_free(&s);
    charge(T, (uint64_t)x->n);
    return 0;
}

int bigint_binop(Task *T, int op, Value a, Value b, Value *out)
{
    Num x, y;
    num_of(a, &x);
    num_of(b, &y);
    switch (op) {
    case BIN_ADD: return addsub(T, &x, &y, y.neg, out);
    case BIN_SUB: return addsub(T, &x, &y, !y.neg, out);
    case BIN_MUL: return mul(T, &x, &y, out);
    case BIN_FLOORDIV:
        if (!y.n) return exc_raise(T, EXC_ZeroDivisionError, "integer division or modulo by zero");
        divmod(T, &x, &y, out, NULL);
        return 0;
    case BIN_MOD:
        if (!y.n) return exc_raise(T, EXC_ZeroDivisionError, "integer modulo by zero");
        divmod(T, &x, &y, NULL, out);
        return 0;
    case BIN_TRUEDIV: return bigint_truediv(T, a, b, out);
    case BIN_POW: return bigint_pow(T, a, b, out);
    case BIN_LSHIFT: case BIN_RSHIFT: return shift(T, op, &x, &y, out);
    case BIN_AND: case BIN_OR: case BIN_XOR: return bitop(T, op, &x, &y, out);
    default: return exc_raise(T, EXC_TypeError, "bad operator");
    }
}

int bigint_add_wide(Task *T, Value a, int64_t hi, uint64_t lo, Value *out)
{
    Num x, w;
    num_of(a, &x);
    /* w's magnitude in four limbs */
    bool neg = hi < 0;
    uint64_t mhi = (uint64_t)hi, mlo = lo;
    if (neg) {
        mlo = ~mlo + 1;
        mhi = ~mhi + (mlo == 0);
    }
    uint32_t d[4] = {(uint32_t)mlo, (uint32_t)(mlo >> 32), (uint32_t)mhi, (uint32_t)(mhi >> 32)};
    w.d = d;
    w.n = trim(d, 4);
    w.neg = neg && w.n;
    return addsub(T, &x, &w, w.neg, out);
}

int bigint_divmod(Task *T, Value a, Value b, Value *q, Value *r)
{
    Num x, y;
    num_of(a, &x);
    num_of(b, &y);
    if (!y.n) return exc_raise(T, EXC_ZeroDivisionError, "integer division or modulo by zero");
    divmod(T, &x, &y, q, r);
    return 0;
}

int bigint_truediv(Task *T, Value a, Value b, Value *out)
{
    Num x, y;
    num_of(a, &x);
    num_of(b, &y);
    if (!y.n) return exc_raise(T, EXC_ZeroDivisionError, "division by zero");
    bool neg = x.neg != y.neg;
    if (!x.n) {
        *out = v_float(neg ? -0.0 : 0.0);
        return 0;
    }
    int64_t ab = mag_bits(x.d, x.n), bb = mag_bits(y.d, y.n);
    if (ab <= DBL_MANT_DIG && bb <= DBL_MANT_DIG) {
        /* both exact as doubles: one rounding, in the division */
        int64_t e;
        double r = (double)round53(&x, &e) / (double)round53(&y, &e);
        *out = v_float(neg ? -r : r);
        return 0;
    }
    int64_t diff = ab - bb;
    if (diff > DBL_MAX_EXP) return exc_raise(T, EXC_OverflowError, "integer division result too large for a float");
    if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 1) {
        *out = v_float(neg ? -0.0 : 0.0);
        return 0;
    }
    /* x * 2**-sh // y has DBL_MANT_DIG + 2 or 3 bits; round those away */
    int64_t sh = (diff > DBL_MIN_EXP ? diff : DBL_MIN_EXP) - DBL_MANT_DIG - 2;
    bool inexact = false;
    Scratch sx;
    int64_t xn;
    uint32_t *xs;
    if (sh <= 0) {
        xn = x.n + (-sh) / 32 + 1;
        xs = scratch(&sx, xn);
        mag_shl(x.d, x.n, -sh, xs);
    } else {
        xs = scratch(&sx, x.n);
        xn = mag_shr(x.d, x.n, sh, xs, &inexact);
    }
    xn = trim(xs, xn);
    uint32_t qd[4] = {0, 0, 0, 0};
    uint64_t steps = (uint64_t)(xn + y.n);
    if (mag_cmp(xs, xn, y.d, y.n) >= 0) {
        Scratch sq, sr;
        uint32_t *q = scratch(&sq, xn - y.n + 2), *r = scratch(&sr, y.n);
        if (y.n == 1) r[0] = mag_divrem1(xs, xn, y.d[0], q);
        else mag_divrem(xs, xn, y.d, y.n, q, r, &steps);
        if (trim(r, y.n)) inexact = true;
        memcpy(qd, q, (size_t)(trim(q, xn - y.n + 1) < 3 ? trim(q, xn - y.n + 1) : 3) * sizeof(uint32_t));
        scratch_free(&sq);
        scratch_free(&sr);
    } else {
        inexact = true;
    }
    scratch_free(&sx);
    charge(T, steps);
    uint64_t qv = qd[0] | (uint64_t)qd[1] << 32;
    int64_t qbits = qv ? 64 - __builtin_clzll(qv) : 0;
    int64_t extra = (qbits > DBL_MIN_EXP - sh ? qbits : DBL_MIN_EXP - sh) - DBL_MANT_DIG;
    uint64_t mask = UINT64_C(1) << (extra - 1);
    uint64_t low = qv | inexact;
    if ((low & mask) && (low & (3 * mask - 1))) low += mask;
    qv = low & ~(2 * mask - 1);
    double dx = (double)qv;
    if (sh + qbits >= DBL_MAX_EXP && (sh + qbits > DBL_MAX_EXP || dx == ldexp(1.0, (int)qbits)))
        return exc_raise(T, EXC_OverflowError, "integer division result too large for a float");
    double r = ldexp(dx, (int)sh);
    *out = v_float(neg ? -r : r);
    return 0;
}

int bigint_neg(Task *T, Value a, Value *out)
{
    Num x;
    num_of(a, &x);
    *out = make(T->S, !x.neg, x.d, x.n);
    charge(T, (uint64_t)x.n);
    return 0;
}

int bigint_abs(Task *T, Value a, Value *out)
{
    Num x;
    num_of(a, &x);
    *out = make(T->S, false, x.d, x.n);
    charge(T, (uint64_t)x.n);
    return 0;
}

int bigint_invert(Task *T, Value a, Value *out)
{
    /* ~a = -(a + 1) */
    Num x, one;
    num_of(a, &x);
    num_of(v_int(1), &one);
    return addsub(T, &x, &one, false, out) < 0 ? -1 : bigint_neg(T, *out, out);
}

Value bigint_negated(Sim *S, Value a)
{
    Num x;
    num_of(a, &x);
    return make(S, !x.neg, x.d, x.n);
}

int bigint_round(Task *T, Value a, int64_t nd, Value *out)
{
    Num x;
    num_of(a, &x);
    /* 10**-nd > 2|a|: the answer is 0 */
    if (-(double)nd > (double)mag_bits(x.d, x.n) * 0.30103 + 2) {
        *out = v_int(0);
        return 0;
    }
    Value p, q, r, twice;
    if (bigint_pow(T, v_int(10), v_int(-nd), &p) < 0) return -1;
    if (bigint_divmod(T, a, p, &q, &r) < 0) return -1;
    if (bigint_binop(T, BIN_ADD, r, r, &twice) < 0) return -1;
    int c = bigint_cmp(twice, p);
    if (c > 0 || (c == 0 && (bigint_binop(T, BIN_AND, q, v_int(1), &r), r.u.i)))
        if (bigint_binop(T, BIN_ADD, q, v_int(1), &q) < 0) return -1;
    return bigint_binop(T, BIN_MUL, q, p, out);
}

/* ---- comparisons, hash, sizes ---- */

int bigint_sign(Value a)
{
    Num x;
    num_of(a, &x);
    return !x.n ? 0 : x.neg ? -1 : 1;
}

int bigint_cmp(Value a, Value b)
{
    Num x, y;
    num_of(a, &x);
    num_of(b, &y);
    if (x.neg != y.neg) return x.neg ? -1 : 1;
    int c = mag_cmp(x.d, x.n, y.d, y.n);
    return x.neg ? -c : c;
}

int bigint_cmp_float(Value a, double f)
{
    if (isnan(f)) return 2;
    if (isinf(f)) return f > 0 ? -1 : 1;
    Num x;
    num_of(a, &x);
    int xs = !x.n ? 0 : x.neg ? -1 : 1, fs = f > 0 ? 1 : f < 0 ? -1 : 0;
    if (xs != fs) return xs < fs ? -1 : 1;
    if (!xs) return 0;
    /* same sign: compare |x| with |f|, |f| in [2**(e-1), 2**e) */
    int e;
    double fr = frexp(fabs(f), &e);
    int64_t bits = mag_bits(x.d, x.n);
    int c;
    if (bits != e) {
        c = bits < e ? -1 : 1;
    } else if (e <= 53) {
        /* |x| < 2**53: exact as a double */
        double dx = (double)(x.d[0] | (x.n > 1 ? (uint64_t)x.d[1] << 32 : 0));
        c = dx < fabs(f) ? -1 : dx > fabs(f);
    } else {
        /* |f| = m * 2**(e - 53), an integer */
        uint64_t m = (uint64_t)ldexp(fr, 53);
        bool lost;
        uint64_t hi = mag_bits_at(x.d, x.n, e - 53, &lost);
        c = hi != m ? (hi < m ? -1 : 1) : lost;
    }
    return xs < 0 ? -c : c;
}

int64_t bigint_hash(Value a)
{
    /* |a| mod 2**61 - 1, limb by limb from the top */
    const uint64_t P = (UINT64_C(1) << 61) - 1;
    Num x;
    num_of(a, &x);
    uint64_t h = 0;
    for (int64_t i = x.n - 1; i >= 0; i--) {
        unsigned __int128 t = ((unsigned __int128)h << 32) | x.d[i];
        uint64_t r = (uint64_t)(t & P) + (uint64_t)(t >> 61);
        h = r >= P ? r - P : r;
    }
    int64_t r = x.neg ? -(int64_t)h : (int64_t)h;
    return r == -1 ? -2 : r;
}

int64_t bigint_bit_length(Value a)
{
    Num x;
    num_of(a, &x);
    return mag_bits(x.d, x.n);
}

int64_t bigint_bit_count(Value a)
{
    Num x;
    num_of(a, &x);
    int64_t c = 0;
    for (int64_t i = 0; i < x.n; i++) c += __builtin_popcount(x.d[i]);
    return c;
}

int64_t bigint_pickle_bytes(Value a)
{
    /* LONG1 (opcode, length byte) or LONG4, then two's complement bytes */
    int64_t n = bigint_bit_length(a) / 8 + 1;
    return (n < 256 ? 2 : 5) + n;
}

/* ---- floats ---- */

int bigint_to_double(Task *T, Value a, double *out)
{
    if (a.tag != V_OBJ) {
        *out = (double)a.u.i;
        return 0;
    }
    Num x;
    num_of(a, &x);
    int64_t e;
    uint64_t m = round53(&x, &e);
    double d = e > DBL_MAX_EXP ? INFINITY : ldexp((double)m, (int)e);
    if (isinf(d)) return exc_raise(T, EXC_OverflowError, "int too large to convert to float");
    *out = x.neg ? -d : d;
    return 0;
}

double bigint_frexp(Value a, int64_t *e)
{
    Num x;
    num_of(a, &x);
    int64_t ex;
    uint64_t m = round53(&x, &ex);
    int fe;
    double fr = frexp((double)m, &fe);
    *e = ex + fe;
    return x.neg ? -fr : fr;
}

int bigint_from_double(Task *T, double d, Value *out)
{
    if (isnan(d)) return exc_raise(T, EXC_ValueError, "cannot convert float NaN to integer");
    if (isinf(d)) return exc_raise(T, EXC_OverflowError, "cannot convert float infinity to integer");
    d = trunc(d);
    if (fabs(d) < 9223372036854775808.0) {
        *out = v_int((int64_t)d);
        return 0;
    }
    int e;
    double fr = frexp(fabs(d), &e);
    uint64_t m = (uint64_t)ldexp(fr, 53);
    uint32_t src[2] = {(uint32_t)m, (uint32_t)(m >> 32)};
    int64_t sh = e - 53, rn = 2 + sh / 32 + 1;
    uint32_t r[40];
    mag_shl(src, 2, sh, r);
    *out = make(T->S, d < 0, r, rn);
    return 0;
}

void bigint_double_ratio(Sim *S, double d, Value *num, Value *den)
{
    /* d = m * 2**e exactly, m odd (or 0) */
    int e;
    double fr = frexp(fabs(d), &e);
    uint64_t m = (uint64_t)ldexp(fr, 53);
    e -= 53;
    while (m && !(m & 1)) {
        m >>= 1;
        e++;
    }
    if (!m) e = 0;
    uint32_t r[40];
    uint32_t src[2] = {(uint32_t)m, (uint32_t)(m >> 32)};
    int64_t sh = e > 0 ? e : 0;
    mag_shl(src, 2, sh, r);
    *num = make(S, d < 0, r, 2 + sh / 32 + 1);
    sh = e < 0 ? -e : 0;
    uint32_t one[2] = {1, 0};
    mag_shl(one, 2, sh, r);
    *den = make(S, false, r, 2 + sh / 32 + 1);
}

/* ---- text ---- */

int64_t bigint_max_str_digits(Task *T)
{
    int64_t v = T && T->proc ? T->proc->int_max_str_digits : 0;
    return v == 0 ? BIGINT_STR_DIGITS : v < 0 ? 0 : v;
}

static int digit_limit_error(Task *T, int64_t limit)
{
    return exc_raise(T, EXC_ValueError,
                     "Exceeds the limit (%lld digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
                     (long long)limit);
}

int bigint_write(Task *T, Value a, int base, bool upper, SBuf *out)
{
    static const char lower_dig[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    static const char upper_dig[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    const char *dig = upper ? upper_dig : lower_dig;
    Num x;
    num_of(a, &x);
    if (!x.n) {
        sb_putc(out, '0');
        return 0;
    }
    int64_t bits = mag_bits(x.d, x.n);
    if (!(base & (base - 1))) {
        /* a power of two: k bits per digit */
        int k = __builtin_ctz((unsigned)base);
        int64_t nd = (bits + k - 1) / k;
        for (int64_t i = nd - 1; i >= 0; i--) sb_putc(out, dig[mag_bits_at(x.d, x.n, i * k, NULL) & (uint64_t)(base - 1)]);
        charge(T, (uint64_t)x.n);
        return 0;
    }
    int64_t limit = base == 10 ? bigint_max_str_digits(T) : 0;
    if (limit > 0 && (double)(bits - 1) * 0.30102999566398 > (double)limit + 1) return digit_limit_error(T, limit);
    /* chunks of k digits: the largest power of base below 2**32 */
    uint32_t chunk = (uint32_t)base;
    int k = 1;
    while ((uint64_t)chunk * (uint64_t)base <= UINT32_MAX) chunk *= (uint32_t)base, k++;
    Scratch s;
    uint32_t *t = scratch(&s, x.n);
    memcpy(t, x.d, (size_t)x.n * sizeof(uint32_t));
    int64_t tn = x.n, nch = 0;
    uint32_t *parts = xmalloc((size_t)(x.n * 32 / k + 2) * sizeof(uint32_t));
    uint64_t steps = 0;
    while (tn) {
        parts[nch++] = mag_divrem1(t, tn, chunk, t);
        steps += (uint64_t)tn * 2;
        tn = trim(t, tn);
    }
    char buf[40];
    int bn = 0;
    for (uint32_t v = parts[nch - 1]; v; v /= (uint32_t)base) buf[bn++] = dig[v % (uint32_t)base];
    int64_t ndig = bn + (nch - 1) * k;
    if (limit > 0 && ndig > limit) {
        free(parts);
        scratch_free(&s);
        charge(T, steps);
        return digit_limit_error(T, limit);
    }
    while (bn) sb_putc(out, buf[--bn]);
    for (int64_t i = nch - 2; i >= 0; i--) {
        uint32_t v = parts[i];
        for (int j = k - 1; j >= 0; j--) {
            buf[j] = dig[v % (uint32_t)base];
            v /= (uint32_t)base;
        }
        sb_put(out, buf, (size_t)k);
    }
    free(parts);
    scratch_free(&s);
    charge(T, steps);
    return 0;
}

static int digit_value(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

/* digits: n valid digit characters of base. */
static Value from_digits(Sim *S, const char *digits, int64_t n, int base, uint64_t *steps)
{
    if (n <= 18 && base <= 10) {
        int64_t v = 0;
        for (int64_t i = 0; i < n; i++) v = v * base + digit_value(digits[i]);
        return v_int(v);
    }
    double per = log2((double)base);
    int64_t cap = (int64_t)((double)n * per / 32.0) + 2;
    Scratch s;
    uint32_t *r = scratch(&s, cap);
    int64_t rn = 0;
    if (!(base & (base - 1))) {
        int k = __builtin_ctz((unsigned)base);
        int64_t bit = 0;
        for (int64_t i = n - 1; i >= 0; i--, bit += k) {
            uint64_t v = (uint64_t)digit_value(digits[i]) << (bit % 32);
            r[bit / 32] |= (uint32_t)v;
            if (v >> 32) r[bit / 32 + 1] |= (uint32_t)(v >> 32);
        }
        rn = cap;
        *steps += (uint64_t)cap;
    } else {
        uint32_t chunk = (uint32_t)base;
        int k = 1;
        while ((uint64_t)chunk * (uint64_t)base <= UINT32_MAX) chunk *= (uint32_t)base, k++;
        int64_t i = 0;
        int first = (int)(n % k);
        if (!first) first = k;
        while (i < n) {
            int take = i == 0 ? first : k;
            uint32_t v = 0, m = 1;
            for (int j = 0; j < take; j++) {
                v = v * (uint32_t)base + (uint32_t)digit_value(digits[i + j]);
                m *= (uint32_t)base;
            }
            i += take;
            uint32_t c = mag_muladd1(r, rn, m, v);
            if (c) r[rn++] = c;
            *steps += (uint64_t)rn * 2;
        }
    }
    Value v = make(S, false, r, rn);
    scratch_free(&s);
    return v;
}

Value bigint_from_digits(Sim *S, const char *digits, size_t n, int base)
{
    uint64_t steps = 0;
    return from_digits(S, digits, (int64_t)n, base, &steps);
}

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

int bigint_parse(Task *T, const char *s, size_t len, int base, Value *out)
{
    const char *p = s, *e = s + len;
    while (p < e && is_space(*p)) p++;
    while (e > p && is_space(e[-1])) e--;
    bool neg = false;
    if (p < e && (*p == '+' || *p == '-')) neg = *p++ == '-';
    bool prefixed = false;
    if (e - p >= 2 && p[0] == '0') {
        char c = (char)(p[1] | 0x20);
        int pb = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
        if (pb && (base == 0 || base == pb)) {
            base = pb;
            p += 2;
            prefixed = true;
        }
    }
    bool zero_start = base == 0 && p < e && *p == '0';
    if (base == 0) base = 10;
    /* digits, one underscore between two (or right after a prefix) */
    char small[64];
    char *digits = e - p <= (ptrdiff_t)sizeof small ? small : xmalloc((size_t)(e - p));
    int64_t n = 0;
    bool ok = p < e;
    for (const char *q = p; ok && q < e; q++) {
        if (*q == '_') {
            ok = (n > 0 || (prefixed && q == p)) && q + 1 < e && q[1] != '_';
            continue;
        }
        ok = digit_value(*q) < base;
        digits[n++] = *q;
    }
    ok = ok && n > 0;
    if (ok && zero_start) {
        /* base 0: a decimal with a leading zero is only zeros */
        for (int64_t i = 0; i < n; i++) ok = ok && digits[i] == '0';
    }
    int r = 1;
    if (ok) {
        int64_t limit = base & (base - 1) ? bigint_max_str_digits(T) : 0;
        if (limit > 0 && n > limit) {
            r = exc_raise(T, EXC_ValueError,
                          "Exceeds the limit (%lld digits) for integer string conversion: value has %lld digits; use sys.set_int_max_str_digits() to increase the limit",
                          (long long)limit, (long long)n);
        } else {
            uint64_t steps = 0;
            *out = from_digits(T->S, digits, n, base, &steps);
            if (neg) *out = bigint_negated(T->S, *out);
            charge(T, steps);
            r = 0;
        }
    }
    if (digits != small) free(digits);
    return r;
}

/* ---- pow(a, b, m) ---- */

/* The inverse of a modulo m (0 < a < m), or false. */
static int modinv(Task *T, Value a, Value m, Value *out, bool *ok)
{
    /* extended Euclid on (m, a): t0 * a = r0 (mod m) */
    Value r0 = m, r1 = a, t0 = v_int(0), t1 = v_int(1);
    while (bigint_sign(r1)) {
        Value q, r2, qt, t2;
        if (bigint_divmod(T, r0, r1, &q, &r2) < 0) return -1;
        if (bigint_binop(T, BIN_MUL, q, t1, &qt) < 0 || bigint_binop(T, BIN_SUB, t0, qt, &t2) < 0) return -1;
        r0 = r1, r1 = r2, t0 = t1, t1 = t2;
    }
    *ok = bigint_cmp(r0, v_int(1)) == 0;
    if (!*ok) return 0;
    return bigint_binop(T, BIN_MOD, t0, m, out);
}

int bigint_powmod(Task *T, Value a, Value b, Value m, Value *out)
{
    Num mm;
    num_of(m, &mm);
    if (!mm.n) return exc_raise(T, EXC_ValueError, "pow() 3rd argument cannot be 0");
    /* work modulo |m|; 0 for |m| == 1 before looking at b */
    Value um = make(T->S, false, mm.d, mm.n);
    if (mm.n == 1 && mm.d[0] == 1) {
        *out = v_int(0);
        return 0;
    }
    Value base;
    if (bigint_binop(T, BIN_MOD, a, um, &base) < 0) return -1;
    Num e;
    num_of(b, &e);
    if (e.neg) {
        bool ok;
        if (modinv(T, base, um, &base, &ok) < 0) return -1;
        if (!ok) return exc_raise(T, EXC_ValueError, "base is not invertible for the given modulus");
    }
    Num x, mod;
    num_of(base, &x);
    num_of(um, &mod);
    int64_t mn = mod.n;
    uint32_t *acc = xcalloc((size_t)(4 * mn + 2), sizeof(uint32_t));
    uint32_t *prod = acc + mn, *q = prod + 2 * mn;
    acc[0] = 1;
    int64_t an = 1;
    uint64_t steps = 0;
    /* acc = acc * y mod |m| */
#define MULMOD(y, yn)                                                              \
    do {                                                                           \
        int64_t pn_ = an + (yn);                                                   \
        mag_mul(acc, an, (y), (yn), prod, &steps);                                 \
        pn_ = trim(prod, pn_);                                                     \
        memset(acc, 0, (size_t)mn * sizeof(uint32_t));                             \
        if (mag_cmp(prod, pn_, mod.d, mn) < 0) {                                   \
            memcpy(acc, prod, (size_t)pn_ * sizeof(uint32_t));                     \
        } else if (mn == 1) {                                                      \
            acc[0] = mag_divrem1(prod, pn_, mod.d[0], NULL);                       \
            steps += (uint64_t)pn_;                                                \
        } else {                                                                   \
            mag_divrem(prod, pn_, mod.d, mn, q, acc, &steps);                      \
        }                                                                          \
        an = trim(acc, mn);                                                        \
    } while (0)
    for (int64_t i = e.n - 1; i >= 0; i--) {
        for (int bit = 31; bit >= 0; bit--) {
            if (an) MULMOD(acc, an);
            if ((e.d[i] >> bit) & 1 && an) MULMOD(x.d, x.n);
        }
    }
#undef MULMOD
    Value r = make(T->S, false, acc, an);
    free(acc);
    charge(T, steps);
    /* a negative modulus gives a result in (m, 0] */
    if (mm.neg && bigint_sign(r)) return bigint_binop(T, BIN_SUB, r, um, out);
    *out = r;
    return 0;
}

/* ---- the int functions of math ---- */

int bigint_gcd(Task *T, Value a, Value b, Value *out)
{
    if (bigint_abs(T, a, &a) < 0 || bigint_abs(T, b, &b) < 0) return -1;
    while (bigint_sign(b)) {
        if (a.tag == V_INT && b.tag == V_INT) {
            int64_t x = a.u.i, y = b.u.i;
            while (y) {
                int64_t t = x % y;
                x = y;
                y = t;
            }
            *out = v_int(x);
            return 0;
        }
        Value r;
        if (bigint_binop(T, BIN_MOD, a, b, &r) < 0) return -1;
        a = b;
        b = r;
    }
    *out = a;
    return 0;
}

int bigint_isqrt(Task *T, Value a, Value *out)
{
    if (bigint_sign(a) < 0) return exc_raise(T, EXC_ValueError, "isqrt() argument must be nonnegative");
    if (a.tag != V_OBJ) {
        uint64_t n = (uint64_t)a.u.i, r = (uint64_t)sqrt((double)n);
        while (r * r > n) r--;
        while ((r + 1) * (r + 1) <= n) r++;
        *out = v_int((int64_t)r);
        return 0;
    }
    /* Newton from above: x = 2**ceil(bits / 2) >= sqrt(a) */
    Value x, y, t;
    int64_t bits = bigint_bit_length(a);
    if (bigint_binop(T, BIN_LSHIFT, v_int(1), v_int((bits + 1) / 2), &x) < 0) return -1;
    for (;;) {
        if (bigint_binop(T, BIN_FLOORDIV, a, x, &t) < 0 || bigint_binop(T, BIN_ADD, x, t, &y) < 0 ||
            bigint_binop(T, BIN_RSHIFT, y, v_int(1), &y) < 0)
            return -1;
        if (bigint_cmp(y, x) >= 0) break;
        x = y;
    }
    *out = x;
    return 0;
}

/* lo * (lo + 1) * ... * hi, halves multiplied (Karatsuba takes the big
 * ones), as CPython's factorial does. */
static int range_product(Task *T, int64_t lo, int64_t hi, Value *out)
{
    if (hi - lo < 8) {
        Value r = v_int(lo);
        for (int64_t i = lo + 1; i <= hi; i++)
            if (bigint_binop(T, BIN_MUL, r, v_int(i), &r) < 0) return -1;
        *out = r;
        return 0;
    }
    int64_t mid = lo + (hi - lo) / 2;
    Value a, b;
    if (range_product(T, lo, mid, &a) < 0 || range_product(T, mid + 1, hi, &b) < 0) return -1;
    return bigint_binop(T, BIN_MUL, a, b, out);
}

int bigint_factorial(Task *T, Value nv, Value *out)
{
    if (bigint_sign(nv) < 0) return exc_raise(T, EXC_ValueError, "factorial() not defined for negative values");
    if (nv.tag == V_OBJ)
        return exc_raise(T, EXC_OverflowError, "factorial() argument should not exceed %lld", (long long)INT64_MAX);
    int64_t n = nv.u.i;
    /* log2(n!) ~ n log2(n / e) */
    if (n > 20 && (double)n * (log2((double)n) - 1.4426950408889634) > (double)BIGINT_MAX_BITS) return too_big(T);
    if (n < 2) {
        *out = v_int(1);
        return 0;
    }
    return range_product(T, 1, n, out);
}

int bigint_comb(Task *T, Value nv, Value kv, bool perm, Value *out)
{
    if (bigint_sign(nv) < 0) return exc_raise(T, EXC_ValueError, "n must be a non-negative integer");
    if (perm && is_none(kv)) return bigint_factorial(T, nv, out);
    if (bigint_sign(kv) < 0) return exc_raise(T, EXC_ValueError, "k must be a non-negative integer");
    if (bigint_cmp(kv, nv) > 0) {
        *out = v_int(0);
        return 0;
    }
    /* comb: k = min(k, n - k) */
    Value nk;
    if (bigint_binop(T, BIN_SUB, nv, kv, &nk) < 0) return -1;
    if (!perm && bigint_cmp(nk, kv) < 0) kv = nk;
    if (kv.tag == V_OBJ)
        return exc_raise(T, EXC_OverflowError, "%s must not exceed %lld", perm ? "k" : "min(n - k, k)", (long long)INT64_MAX);
    int64_t k = kv.u.i;
    if (k == 0) {
        *out = v_int(1);
        return 0;
    }
    if (nv.tag != V_OBJ) {
        /* n (n-1) ... (n-k+1), and for comb over k! */
        int64_t n = nv.u.i;
        if ((double)k * log2((double)n) > 2.0 * (double)BIGINT_MAX_BITS) return too_big(T);
        Value num, den;
        if (range_product(T, n - k + 1, n, &num) < 0) return -1;
        if (perm) {
            *out = num;
            return 0;
        }
        if (range_product(T, 1, k, &den) < 0) return -1;
        return bigint_binop(T, BIN_FLOORDIV, num, den, out);
    }
    /* a huge n: one factor at a time, dividing by i as comb goes */
    if ((double)k * (double)bigint_bit_length(nv) > (double)BIGINT_MAX_BITS) return too_big(T);
    Value r = v_int(1), f = nv;
    for (int64_t i = 1; i <= k; i++) {
        if (bigint_binop(T, BIN_MUL, r, f, &r) < 0) return -1;
        if (!perm && bigint_binop(T, BIN_FLOORDIV, r, v_int(i), &r) < 0) return -1;
        if (bigint_binop(T, BIN_SUB, f, v_int(1), &f) < 0) return -1;
    }
    *out = r;
    return 0;
}
