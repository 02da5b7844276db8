/* modules.c - the registry of simulated modules and the small ones:
 * time (on the virtual clock), random (CPython's Mersenne Twister, seeded
 * from the scenario's seed), os, sys and math. */
#include "modules.h"
#include "freeze.h"
#include "bigint.h"
#include "dict.h"
#include "bytes.h"
#include "format.h"
#include "gc.h"
#include "gen.h"
#include "io.h"
#include "list.h"
#include "mod_asyncio.h"
#include "mod_collections.h"
#include "mod_hashlib.h"
#include "mod_heapq.h"
#include "mod_operator.h"
#include "mod_pystd.h"
#include "mod_drivers.h"
#include "srcinfo.h"
#include "mod_mp.h"
#include "mod_threading.h"
#include "native.h"
#include "ops.h"
#include "parse.h"
#include "str.h"
#include "tuple.h"
#include "unicode.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#define FN(n, f) {n, ME_FN, f, 0, NULL}
#define NUM(n, v) {n, ME_FLOAT, NULL, v, NULL}
#define INT(n, v) {n, ME_INT, NULL, v, NULL}
#define VAL(n, m) {n, ME_VALUE, NULL, 0, m}
#define END {NULL, 0, NULL, 0, NULL}

/* ---- time ---- */

#define EPOCH_NS INT64_C(1700000000000000000)

NATIVE(time_sleep)
{
    if (nat_count(T, "sleep", nargs, kw, 1, 1) < 0) return NAT_ERR;
    double secs;
    if (is_intlike(args[0])) secs = (double)args[0].u.i;
    else if (is_float(args[0])) secs = args[0].u.f;
    else return exc_raise(T, EXC_TypeError, "'%s' object cannot be interpreted as an integer", obj_type_name(T->S, args[0]));
    if (isnan(secs)) return exc_raise(T, EXC_ValueError, "Invalid value NaN (not a number)");
    if (secs < 0) return exc_raise(T, EXC_ValueError, "sleep length must be non-negative");
    if (secs > 1e9) return exc_raise(T, EXC_OverflowError, "sleep length is too large");
    *out = v_none();
    return sched_sleep(T, secs_to_ns(secs));
}

NATIVE(time_time)
{
    if (nat_count(T, "time", nargs, kw, 0, 0) < 0) return NAT_ERR;
    *out = v_float((double)(EPOCH_NS + T->clock) / 1e9);
    return NAT_OK;
}

NATIVE(time_monotonic)
{
    if (nat_count(T, "monotonic", nargs, kw, 0, 0) < 0) return NAT_ERR;
    *out = v_float((double)T->clock / 1e9);
    return NAT_OK;
}

NATIVE(time_time_ns)
{
    if (nat_count(T, "time_ns", nargs, kw, 0, 0) < 0) return NAT_ERR;
    *out = v_int(EPOCH_NS + T->clock);
    return NAT_OK;
}

NATIVE(time_monotonic_ns)
{
    if (nat_count(T, "monotonic_ns", nargs, kw, 0, 0) < 0) return NAT_ERR;
    *out = v_int(T->clock);
    return NAT_OK;
}

static const ModEntry time_entries[] = {
    FN("sleep", time_sleep), FN("time", time_time), FN("monotonic", time_monotonic),
    FN("perf_counter", time_monotonic), FN("process_time", time_monotonic),
    FN("time_ns", time_time_ns), FN("monotonic_ns", time_monotonic_ns),
    FN("perf_counter_ns", time_monotonic_ns), END,
};

/* the calendar half is Python (sim/py/time.py) */
static const char *const time_names[] = {
    "struct_time", "gmtime", "localtime", "mktime", "strftime", "strptime", "asctime", "ctime", "timezone",
    "altzone", "daylight", "tzname", NULL,
};

/* ---- random: MT19937 exactly as CPython's _random ---- */

typedef struct Rng {
    uint32_t mt[624];
    int mti;
    bool has_gauss;
    double gauss_next;
    /* os.urandom's own stream (secrets, uuid4): the same generator,
     * seeded apart, so it never shifts `random`'s sequence */
    bool os_seeded;
    int os_mti;
    uint32_t os_mt[624];
} Rng;

static void mt_init(Rng *r, uint32_t s)
{
    r->mt[0] = s;
    for (int i = 1; i < 624; i++) r->mt[i] = 1812433253u * (r->mt[i - 1] ^ (r->mt[i - 1] >> 30)) + (uint32_t)i;
    r->mti = 624;
}

static void mt_init_by_array(Rng *r, const uint32_t *key, int len)
{
    mt_init(r, 19650218u);
    int i = 1, j = 0;
    for (int k = 624 > len ? 624 : len; k; k--) {
        r->mt[i] = (r->mt[i] ^ ((r->mt[i - 1] ^ (r->mt[i - 1] >> 30)) * 1664525u)) + key[j] + (uint32_t)j;
        i++, j++;
        if (i >= 624) {
            r->mt[0] = r->mt[623];
            i = 1;
        }
        if (j >= len) j = 0;
    }
    for (int k = 623; k; k--) {
        r->mt[i] = (r->mt[i] ^ ((r->mt[i - 1] ^ (r->mt[i - 1] >> 30)) * 1566083941u)) - (uint32_t)i;
        i++;
        if (i >= 624) {
            r->mt[0] = r->mt[623];
            i = 1;
        }
    }
    r->mt[0] = 0x80000000u;
}

static uint32_t mt_next(Rng *r)
{
    static const uint32_t mag01[2] = {0, 0x9908b0dfu};
    if (r->mti >= 624) {
        int k;
        uint32_t y;
        for (k = 0; k < 624 - 397; k++) {
            y = (r->mt[k] & 0x80000000u) | (r->mt[k + 1] & 0x7fffffffu);
            r->mt[k] = r->mt[k + 397] ^ (y >> 1) ^ mag01[y & 1];
        }
        for (; k < 623; k++) {
            y = (r->mt[k] & 0x80000000u) | (r->mt[k + 1] & 0x7fffffffu);
            r->mt[k] = r->mt[k + (397 - 624)] ^ (y >> 1) ^ mag01[y & 1];
        }
        y = (r->mt[623] & 0x80000000u) | (r->mt[0] & 0x7fffffffu);
        r->mt[623] = r->mt[396] ^ (y >> 1) ^ mag01[y & 1];
        r->mti = 0;
    }
    uint32_t y = r->mt[r->mti++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    y ^= y >> 18;
    return y;
}

static void rng_seed(Rng *r, uint64_t seed)
{
    uint32_t key[2] = {(uint32_t)seed, (uint32_t)(seed >> 32)};
    mt_init_by_array(r, key, key[1] ? 2 : 1);
    r->has_gauss = false;
}

static Rng *proc_rng(Task *T)
{
    Proc *P = T->proc;
    if (!P->rng) {
        P->rng = xcalloc(1, sizeof(Rng));
        /* unseeded: CPython uses OS entropy; we use the scenario's seed, so
         * runs repeat, and each process gets its own stream */
        rng_seed(P->rng, (uint64_t)T->S->set.v[SET_seed] * 1000003u + (uint64_t)P->pid);
    }
    return P->rng;
}

static double rng_random(Rng *r)
{
    uint32_t a = mt_next(r) >> 5, b = mt_next(r) >> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

static uint64_t rng_getrandbits(Rng *r, int k)
{
    if (k <= 32) return mt_next(r) >> (32 - k);
    uint64_t lo = mt_next(r);
    uint64_t hi = mt_next(r) >> (64 - k);
    return lo | (hi << 32);
}

static uint64_t rng_below(Rng *r, uint64_t n)
{
    if (n == 0) return 0;
    int k = 0;
    for (uint64_t x = n; x; x >>= 1) k++;
    uint64_t v = rng_getrandbits(r, k);
    while (v >= n) v = rng_getrandbits(r, k);
    return v;
}

NATIVE(random_seed)
{
    if (nat_count(T, "seed", nargs, kw, 0, 1) < 0) return NAT_ERR;
    Rng *r = proc_rng(T);
    if (nargs == 0 || is_none(args[0])) rng_seed(r, (uint64_t)T->S->set.v[SET_seed]);
    else if (is_intlike(args[0])) {
        int64_t v = args[0].u.i;
        rng_seed(r, v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v);
    } else if (is_float(args[0])) {
        int64_t h;
        obj_hash(T, args[0], &h);
        rng_seed(r, h < 0 ? (uint64_t)0 - (uint64_t)h : (uint64_t)h);
    } else if (is_str(args[0])) {
        /* CPython hashes str seeds with SHA-512; any fixed function keeps
         * runs repeatable, but the stream differs from CPython's */
        int64_t h = str_hash(AS_STR(args[0]));
        rng_seed(r, (uint64_t)h);
    } else {
        return exc_raise(T, EXC_TypeError, "The only supported seed types are: None, int, float, str, bytes, and bytearray.");
    }
    *out = v_none();
    return NAT_OK;
}

NATIVE(random_random)
{
    if (nat_count(T, "random", nargs, kw, 0, 0) < 0) return NAT_ERR;
    *out = v_float(rng_random(proc_rng(T)));
    return NAT_OK;
}

/* start + step * k for a uniform k in [0, n), or in [0, 2**64) when full:
 * in unsigned arithmetic, as stop - start and step * k may not fit an
 * int64 while the result does.  Full is CPython's _randbelow(2**64):
 * getrandbits(65) - two words and the top bit of a third - until that bit
 * is clear, so the stream stays CPython's. */
static int64_t range_pick(Task *T, int64_t start, int64_t step, uint64_t n, bool full)
{
    Rng *r = proc_rng(T);
    uint64_t k;
    if (full) {
        for (;;) {
            uint64_t lo = rng_getrandbits(r, 32), hi = rng_getrandbits(r, 32);
            if (!rng_getrandbits(r, 1)) {
                k = lo | hi << 32;
                break;
            }
        }
    } else {
        k = rng_below(r, n);
    }
    return (int64_t)((uint64_t)start + (uint64_t)step * k);
}

/* randrange(start, stop, step); one_arg: randrange(stop).  The messages
 * are 3.11's. */
static int randrange_impl(Task *T, int64_t start, int64_t stop, int64_t step, bool one_arg, Value *out)
{
    if (step == 0) return exc_raise(T, EXC_ValueError, "zero step for randrange()");
    uint64_t w = step > 0 ? (stop > start ? (uint64_t)stop - (uint64_t)start : 0)
                          : (start > stop ? (uint64_t)start - (uint64_t)stop : 0);
    uint64_t s = step > 0 ? (uint64_t)step : (uint64_t)0 - (uint64_t)step;
    uint64_t n = w / s + (w % s != 0);
    if (n == 0) {
        if (step != 1 || one_arg) return exc_raise(T, EXC_ValueError, "empty range for randrange()");
        /* the width stop - start: 0 or negative here, maybe past int64 */
        uint64_t mag = (uint64_t)start - (uint64_t)stop;
        return exc_raise(T, EXC_ValueError, "empty range for randrange() (%lld, %lld, %s%llu)", (long long)start,
                         (long long)stop, mag ? "-" : "", (unsigned long long)mag);
    }
    *out = v_int(range_pick(T, start, step, n, false));
    return NAT_OK;
}

NATIVE(random_randint)
{
    if (nat_count(T, "randint", nargs, kw, 2, 2) < 0) return NAT_ERR;
    int64_t a, b;
    if (nat_arg_int(T, args[0], "randint", &a) < 0 || nat_arg_int(T, args[1], "randint", &b) < 0) return NAT_ERR;
    if (b < INT64_MAX) return randrange_impl(T, a, b + 1, 1, false, out);
    /* b + 1 does not fit: [a, b] has w + 1 values, all 2**64 from INT64_MIN */
    uint64_t w = (uint64_t)b - (uint64_t)a;
    *out = v_int(range_pick(T, a, 1, w + 1, w == UINT64_MAX));
    return NAT_OK;
}

NATIVE(random_randrange)
{
    if (nat_count(T, "randrange", nargs, kw, 1, 3) < 0) return NAT_ERR;
    int64_t v[3] = {0, 0, 1};
    for (int i = 0; i < nargs; i++)
        if (nat_arg_int(T, args[i], "randrange", &v[i]) < 0) return NAT_ERR;
    if (nargs == 1) return randrange_impl(T, 0, v[0], 1, true, out);
    return randrange_impl(T, v[0], v[1], nargs == 3 ? v[2] : 1, false, out);
}

NATIVE(random_choice)
{
    if (nat_count(T, "choice", nargs, kw, 1, 1) < 0) return NAT_ERR;
    int64_t n;
    if (obj_len(T, args[0], &n) < 0) return NAT_ERR;
    if (n == 0) return exc_raise(T, EXC_IndexError, "Cannot choose from an empty sequence");
    return obj_getitem(T, args[0], v_int((int64_t)rng_below(proc_rng(T), (uint64_t)n)), out) < 0 ? NAT_ERR : NAT_OK;
}

NATIVE(random_shuffle)
{
    if (nat_count(T, "shuffle", nargs, kw, 1, 1) < 0) return NAT_ERR;
    if (!is_list(args[0])) return exc_raise(T, EXC_TypeError, "shuffle() needs a list in the simulator");
    List *l = AS_LIST(args[0]);
    Rng *r = proc_rng(T);
    for (int64_t i = l->n - 1; i > 0; i--) {
        int64_t j = (int64_t)rng_below(r, (uint64_t)(i + 1));
        Value t = l->v[i];
        l->v[i] = l->v[j];
        l->v[j] = t;
    }
    *out = v_none();
    return NAT_OK;
}

NATIVE(random_uniform)
{
    if (nat_count(T, "uniform", nargs, kw, 2, 2) < 0) return NAT_ERR;
    double a, b;
    if (nat_arg_float(T, args[0], "uniform", &a) < 0 || nat_arg_float(T, args[1], "uniform", &b) < 0) return NAT_ERR;
    *out = v_float(a + (b - a) * rng_random(proc_rng(T)));
    return NAT_OK;
}

NATIVE(random_sample)
{
    Value a[2];
    if (nat_parse(T, "sample", args, nargs, kw, "population,k", a) < 0) return NAT_ERR;
    List *pool;
    if (obj_to_list(T, a[0], &pool) < 0) return NAT_ERR;
    int64_t k;
    if (nat_arg_int(T, a[1], "sample", &k) < 0) return NAT_ERR;
    int64_t n = pool->n;
    if (k < 0 || k > n) return exc_raise(T, EXC_ValueError, "Sample larger than population or is negative");
    Rng *r = proc_rng(T);
    List *res = list_new(T->S, k);
    /* CPython's pool algorithm (for small k relative to n it uses a set;
     * both pick the same indexes only for the pool path) */
    for (int64_t i = 0; i < k; i++) {
        int64_t j = (int64_t)rng_below(r, (uint64_t)(n - i));
        res->v[res->n++] = pool->v[j];
        pool->v[j] = pool->v[n - i - 1];
    }
    *out = v_obj(res);
    return NAT_OK;
}

NATIVE(random_gauss)
{
    Value a[2];
    if (nat_parse(T, "gauss", args, nargs, kw, "|mu,sigma", a) < 0) return NAT_ERR;
    double mu = 0, sigma = 1;
    if (!is_undef(a[0]) && nat_arg_float(T, a[0], "gauss", &mu) < 0) return NAT_ERR;
    if (!is_undef(a[1]) && nat_arg_float(T, a[1], "gauss", &sigma) < 0) return NAT_ERR;
    Rng *r = proc_rng(T);
    double z;
    if (r->has_gauss) {
        z = r->gauss_next;
        r->has_gauss = false;
    } else {
        double x2pi = rng_random(r) * 2 * M_PI;
        double g2rad = sqrt(-2.0 * log(1.0 - rng_random(r)));
        z = cos(x2pi) * g2rad;
        r->gauss_next = sin(x2pi) * g2rad;
        r->has_gauss = true;
    }
    *out = v_float(mu + z * sigma);
    return NAT_OK;
}

static const ModEntry random_entries[] = {
    FN("seed", random_seed), FN("random", random_random), FN("randint", random_randint),
    FN("randrange", random_randrange), FN("choice", random_choice), FN("shuffle", random_shuffle),
    FN("uniform", random_uniform), FN("sample", random_sample), FN("gauss", random_gauss), END,
};

/* ---- os ---- */

NATIVE(os_getpid)
{
    if (nat_count(T, "getpid", nargs, kw, 0, 0) < 0) return NAT_ERR;
    *out = v_int(T->proc->pid);
    return NAT_OK;
}

NATIVE(os_getppid)
{
    if (nat_count(T, "getppid", nargs, kw, 0, 0) < 0) return NAT_ERR;
    *out = v_int(T->proc->parent_pid ? T->proc->parent_pid : 1);
    return NAT_OK;
}

NATIVE(os_cpu_count)
{
    if (nat_count(T, "cpu_count", nargs, kw, 0, 0) < 0) return NAT_ERR;
    *out = v_int(T->S->set.v[SET_cores]);
    return NAT_OK;
}

/* os.urandom(n): n bytes from the process's urandom stream, seeded from
 * the scenario's seed (never the host's entropy: runs repeat) */
NATIVE(os_urandom)
{
    if (nat_count(T, "urandom", nargs, kw, 1, 1) < 0) return NAT_ERR;
    int64_t n;
    if (nat_arg_int(T, args[0], "urandom", &n) < 0) return NAT_ERR;
    if (n < 0) return exc_raise(T, EXC_ValueError, "negative argument not allowed");
    if (obj_check_size(T, n) < 0) return NAT_ERR;
    Rng *r = proc_rng(T);
    Rng *g = xmalloc(sizeof *g);
    if (!r->os_seeded) {
        uint64_t seed = (uint64_t)T->S->set.v[SET_seed];
        uint32_t key[3] = {(uint32_t)seed, (uint32_t)(seed >> 32), (uint32_t)T->proc->pid ^ 0x5EC7E75u};
        mt_init_by_array(g, key, 3);
        r->os_seeded = true;
    } else {
        memcpy(g->mt, r->os_mt, sizeof g->mt);
        g->mti = r->os_mti;
    }
    uint8_t *buf = xmalloc((size_t)n + 4);
    for (int64_t i = 0; i < n; i += 4) {
        uint32_t v = mt_next(g);
        for (int k = 0; k < 4 && i + k < n; k++) buf[i + k] = (uint8_t)(v >> (8 * k));
    }
    memcpy(r->os_mt, g->mt, sizeof g->mt);
    r->os_mti = g->mti;
    free(g);
    charge_items(T, n / 8 + 30); /* getrandom(2) */
    *out = bytes_new(T->S, buf, n);
    free(buf);
    return NAT_OK;
}

static const ModEntry os_entries[] = {
    FN("urandom", os_urandom), FN("getpid", os_getpid), FN("getppid", os_getppid), FN("cpu_count", os_cpu_count), END,
};

/* ---- sys ---- */

NATIVE(sys_setswitchinterval)
{
    if (nat_count(T, "setswitchinterval", nargs, kw, 1, 1) < 0) return NAT_ERR;
    double s;
    if (nat_arg_float(T, args[0], "setswitchinterval", &s) < 0) return NAT_ERR;
    if (s <= 0) return exc_raise(T, EXC_ValueError, "switch interval must be strictly positive");
    int64_t ns = secs_to_ns(s);
    if (ns < 1000) ns = 1000; /* CPython clamps to 1 microsecond */
    T->proc->switch_interval = ns;
    *out = v_none();
    return NAT_OK;
}

NATIVE(sys_getswitchinterval)
{
    if (nat_count(T, "getswitchinterval", nargs, kw, 0, 0) < 0) return NAT_ERR;
    int64_t ns = T->proc->switch_interval ? T->proc->switch_interval : T->S->set.v[SET_switch_interval];
    *out = v_float((double)ns / 1e9);
    return NAT_OK;
}

NATIVE(sys_set_int_max_str_digits)
{
    Value a[1];
    if (nat_parse(T, "set_int_max_str_digits", args, nargs, kw, "maxdigits", a) < 0) return NAT_ERR;
    if (is_bigint(a[0])) return exc_raise(T, EXC_OverflowError, "Python int too large to convert to C int");
    int64_t n;
    if (nat_arg_int(T, a[0], "set_int_max_str_digits", &n) < 0) return NAT_ERR;
    if (n != 0 && n < 640) return exc_raise(T, EXC_ValueError, "maxdigits must be 0 or larger than 640");
    T->proc->int_max_str_digits = n ? n : -1;
    *out = v_none();
    return NAT_OK;
}

NATIVE(sys_get_int_max_str_digits)
{
    if (nat_count(T, "get_int_max_str_digits", nargs, kw, 0, 0) < 0) return NAT_ERR;
    *out = v_int(bigint_max_str_digits(T));
    return NAT_OK;
}

NATIVE(sys_exit)
{
    if (nat_count(T, "exit", nargs, kw, 0, 1) < 0) return NAT_ERR;
    return exc_raise_value(T, exc_new(T, T->S->exc[EXC_SystemExit], args, nargs));
}

/* exc_info(): the exception being handled, as (type, value, traceback);
 * the simulator keeps no traceback objects, so the third is None */
NATIVE(sys_exc_info)
{
    if (nat_count(T, "exc_info", nargs, kw, 0, 0) < 0) return NAT_ERR;
    Tuple *t = tuple_new(T->S, 3);
    for (Ctx *c = T->cur; c; c = c->gen ? c->gen->parent : NULL) {
        if (is_undef(c->handled) || is_none(c->handled)) continue;
        t->v[0] = v_obj(obj_type_of(T->S, c->handled));
        t->v[1] = c->handled;
        break;
    }
    *out = v_obj(t);
    return NAT_OK;
}

NATIVE(sys_getrecursionlimit)
{
    if (nat_count(T, "getrecursionlimit", nargs, kw, 0, 0) < 0) return NAT_ERR;
    *out = v_int(T->S->recursion_limit);
    return NAT_OK;
}

NATIVE(sys_setrecursionlimit)
{
    if (nat_count(T, "setrecursionlimit", nargs, kw, 1, 1) < 0) return NAT_ERR;
    int64_t n;
    if (nat_arg_int(T, args[0], "setrecursionlimit", &n) < 0) return NAT_ERR;
    if (n < 1) return exc_raise(T, EXC_ValueError, "recursion limit must be greater or equal than 1");
    if (n > 100000) n = 100000;
    T->S->recursion_limit = (int)n;
    *out = v_none();
    return NAT_OK;
}

/* ---- sys.getsizeof: CPython 3.11's sizes on 64-bit Linux ---- */

/* the bytes of an int object: 24 + 4 per 30-bit digit (at least one) */
static int64_t int_size(int64_t v)
{
    uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    int64_t digits = 1;
    while (m >= ((uint64_t)1 << 30)) {
        m >>= 30;
        digits++;
    }
    return 24 + 4 * digits;
}

/* a dict grown one insertion at a time: its table size, and a keys object
 * with 16-byte entries when every key is a str, 24 otherwise */
static int64_t dict_size(Dict *d)
{
    if (d->used == 0) return 64;
    int64_t size = 8, used = d->used;
    while (used > size * 2 / 3) {
        /* grown at `usable` items to the power of two above usable * 3 */
        int64_t want = (size * 2 / 3) * 3, s2 = 8;
        while (s2 <= want) s2 *= 2;
        size = s2;
    }
    bool all_str = true;
    int64_t pos = 0;
    Value k, v;
    while (all_str && dict_next(d, &pos, &k, &v)) all_str = is_str(k);
    int64_t ix = size <= 128 ? 1 : size <= 32768 ? 2 : size <= 2147483648LL ? 4 : 8;
    return 64 + 32 + size * ix + (size * 2 / 3) * (all_str ? 16 : 24);
}

static int64_t list_size(int64_t n)
{
    /* as grown by appends (listobject.c's over-allocation) */
    int64_t alloc = 0;
    for (int64_t i = 1; i <= n; i++)
        if (i > alloc) alloc = (i + (i >> 3) + 6) & ~(int64_t)3;
    return 56 + 8 * alloc;
}

NATIVE(sys_getsizeof)
{
    if (nat_count(T, "getsizeof", nargs, kw, 1, 2) < 0) return NAT_ERR;
    Value v = args[0];
    int64_t size = 56;
    switch (v.tag) {
    case V_NONE: size = 16; break;
    case V_BOOL: size = 28; break;
    case V_INT: size = int_size(v.u.i); break;
    case V_FLOAT: size = 24; break;
    default:
        if (bytes_check(v)) {
            int64_t n;
            bytes_data(v, &n);
            size = 33 + n;
            break;
        }
        switch ((ObjKind)v.u.o->kind) {
        case K_BIGINT: size = 24 + 4 * ((bigint_bit_length(v) + 29) / 30); break;
        case K_STR: {
            Str *st = AS_STR(v);
            uint32_t max = 0;
            for (const char *p = st->s; !(st->h.flags & OF_ASCII) && p < st->s + st->len;) {
                int l;
                uint32_t c = uc_decode(p, (size_t)(st->s + st->len - p), &l);
                if (c > max) max = c;
                p += l;
            }
            size = max < 0x80 ? 49 + st->clen : max < 0x100 ? 73 + st->clen : max < 0x10000 ? 74 + 2 * (int64_t)st->clen
                                                                                           : 76 + 4 * (int64_t)st->clen;
            charge_items(T, st->len / 8);
            break;
        }
        case K_TUPLE: size = 40 + 8 * AS_TUPLE(v)->n; break;
        case K_LIST: size = list_size(AS_LIST(v)->n); break;
        case K_DICT: size = dict_size(AS_DICT(v)); break;
        case K_SET: size = 216 + (AS_SET(v)->mask > 7 ? 16 * (AS_SET(v)->mask + 1) : 0); break;
        case K_RANGE: size = 48; break;
        case K_FUNC: size = 152; break;
        case K_CLASS: size = 1688; break;
        case K_METHOD: size = 64; break;
        case K_NATIVE: case K_MODULE: size = 72; break;
        case K_GEN: case K_CORO: case K_AGEN: size = 200; break;
        case K_ITER: size = 48; break;
        case K_SLICE: size = 56; break;
        case K_PROPERTY: size = 80; break;
        case K_STATICMETHOD: case K_CLASSMETHOD: size = 48; break;
        case K_CELL: size = 40; break;
        case K_INSTANCE:
            size = AS_INST(v)->cls == T->S->types[TY_OBJECT] ? 16 : (AS_INST(v)->cls->cflags & CF_EXCEPTION) ? 72 : 56;
            break;
        default: break;
        }
    }
    *out = v_int(size);
    return NAT_OK;
}

NATIVE(textio_write)
{
    if (nat_count(T, "write", nargs, kw, 2, 2) < 0) return NAT_ERR;
    if (!is_str(args[1])) return exc_raise(T, EXC_TypeError, "write() argument must be str, not %s", obj_type_name(T->S, args[1]));
    int fd = io_stream_fd(T->S, args[0]);
    if (io_check_text(T, AS_STR(args[1])->s, (size_t)AS_STR(args[1])->len) < 0 ||
        io_write(T, fd < 0 ? 1 : fd, AS_STR(args[1])->s, (size_t)AS_STR(args[1])->len) < 0) return NAT_ERR;
    *out = v_int(AS_STR(args[1])->clen);
    return NAT_OK;
}

NATIVE(textio_flush)
{
    (void)T, (void)args, (void)nargs, (void)kw;
    *out = v_none();
    return NAT_OK;
}

NATIVE(textio_repr)
{
    if (nat_count(T, "__repr__", nargs, kw, 1, 1) < 0) return NAT_ERR;
    int fd = io_stream_fd(T->S, args[0]);
    *out = str_value(T->S, fd == 2 ? "<_io.TextIOWrapper name='<stderr>' mode='w' encoding='utf-8'>"
                               : "<_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>");
    return NAT_OK;
}

static Value make_stream(Sim *S, int fd)
{
    if (!S->textio_cls) {
        S->textio_cls = attr_class_new(S, str_from_c(S, "TextIOWrapper"), NULL, NULL, NULL);
        S->textio_cls->module = str_from_c(S, "_io");
        nat_def_method(S, S->textio_cls, "write", textio_write);
        nat_def_method(S, S->textio_cls, "flush", textio_flush);
        nat_def_method(S, S->textio_cls, "__repr__", textio_repr);
    }
    Instance *in = obj_instance_new(S, S->textio_cls);
    in->payload = (void *)(intptr_t)fd;
    return v_obj(in);
}

static Value make_stdout(Sim *S) { return S->std_out = make_stream(S, 1); }
static Value make_stderr(Sim *S) { return S->std_err = make_stream(S, 2); }
/* sys.__stdout__ and sys.__stderr__: the same objects (made just before) */
static Value make_orig_stdout(Sim *S) { return S->std_out; }
static Value make_orig_stderr(Sim *S) { return S->std_err; }
static Value make_version(Sim *S) { return str_value(S, "3.11.7 (interleave simulator)"); }
static Value make_platform(Sim *S) { return str_value(S, "linux"); }

static Value make_builtin_module_names(Sim *S);

static Value make_argv(Sim *S)
{
    /* no scenario yet: python3 without a script gives [''] */
    List *l = list_new(S, 1);
    list_append(S, l, str_value(S, ""));
    return v_obj(l);
}

void modules_set_argv(Sim *S, const char *path)
{
    Value sys = dict_get_str(S->native_modules, str_intern(S, "sys", 3));
    if (is_undef(sys)) return;
    Value argv = dict_get_str(AS_MODULE(sys)->dict, str_intern(S, "argv", 4));
    if (!is_list(argv) || AS_LIST(argv)->n < 1) return;
    AS_LIST(argv)->v[0] = str_value(S, strcmp(path, "<stdin>") == 0 ? "-" : path);
}

static Value make_version_info(Sim *S)
{
    Tuple *t = tuple_new(S, 3);
    t->v[0] = v_int(3);
    t->v[1] = v_int(11);
    t->v[2] = v_int(7);
    return v_obj(t);
}

static const ModEntry sys_entries[] = {
    FN("setswitchinterval", sys_setswitchinterval), FN("getswitchinterval", sys_getswitchinterval),
    FN("exit", sys_exit), FN("exc_info", sys_exc_info), FN("getrecursionlimit", sys_getrecursionlimit),
    FN("getsizeof", sys_getsizeof),
    FN("setrecursionlimit", sys_setrecursionlimit), FN("set_int_max_str_digits", sys_set_int_max_str_digits),
    FN("get_int_max_str_digits", sys_get_int_max_str_digits), VAL("stdout", make_stdout), VAL("stderr", make_stderr),
    VAL("__stdout__", make_orig_stdout), VAL("__stderr__", make_orig_stderr),
    VAL("version", make_version), VAL("version_info", make_version_info), VAL("platform", make_platform),
    VAL("argv", make_argv), VAL("builtin_module_names", make_builtin_module_names), INT("maxsize", 9223372036854775807.0), END,
};

/* ---- math ---- */

static int math1(Task *T, Value *args, int nargs, Tuple *kw, Value *out, const char *name, double (*fn)(double), int domain)
{
    if (nat_count(T, name, nargs, kw, 1, 1) < 0) return NAT_ERR;
    double x;
    if (nat_arg_float(T, args[0], name, &x) < 0) return NAT_ERR;
    if ((domain == 1 && x < 0) || (domain == 2 && x <= 0) || (domain == 3 && (x < -1 || x > 1)))
        return exc_raise(T, EXC_ValueError, "math domain error");
    double r = fn(x);
    if (isinf(r) && !isinf(x)) return exc_raise(T, EXC_OverflowError, "math range error");
    *out = v_float(r);
    return NAT_OK;
}

#define MATH1(cname, pyname, fn, dom) NATIVE(cname) { return math1(T, args, nargs, kw, out, pyname, fn, dom); }
MATH1(math_sqrt, "sqrt", sqrt, 1)
MATH1(math_exp, "exp", exp, 0)
MATH1(math_sin, "sin", sin, 0)
MATH1(math_cos, "cos", cos, 0)
MATH1(math_tan, "tan", tan, 0)
MATH1(math_asin, "asin", asin, 3)
MATH1(math_acos, "acos", acos, 3)
MATH1(math_atan, "atan", atan, 0)
/* math.log/log2/log10 of an int too big for a double: from its mantissa
 * and exponent, as CPython's loghelper.  1 when x was such an int. */
static int log_big(Task *T, Value x, double (*fn)(double), double *out)
{
    if (!is_bigint(x)) return 0;
    double d;
    if (bigint_to_double(T, x, &d) == 0) {
        *out = fn(d);
    } else {
        T->exc = v_undef();
        int64_t e;
        double m = bigint_frexp(x, &e);
        *out = fn(m) + fn(2.0) * (double)e;
    }
    if (bigint_sign(x) <= 0) return exc_raise(T, EXC_ValueError, "math domain error");
    return 1;
}

static int math_log_n(Task *T, Value *args, int nargs, Tuple *kw, Value *out, const char *name, double (*fn)(double))
{
    if (nat_count(T, name, nargs, kw, 1, 1) < 0) return NAT_ERR;
    double r;
    int b = log_big(T, args[0], fn, &r);
    if (b < 0) return NAT_ERR;
    if (b) {
        *out = v_float(r);
        return NAT_OK;
    }
    return math1(T, args, nargs, kw, out, name, fn, 2);
}

NATIVE(math_log2) { return math_log_n(T, args, nargs, kw, out, "log2", log2); }
NATIVE(math_log10) { return math_log_n(T, args, nargs, kw, out, "log10", log10); }
MATH1(math_fabs, "fabs", fabs, 0)
MATH1(math_erf, "erf", erf, 0)
MATH1(math_erfc, "erfc", erfc, 0)

NATIVE(math_log)
{
    if (nat_count(T, "log", nargs, kw, 1, 2) < 0) return NAT_ERR;
    double lx, lb = 1;
    for (int i = 0; i < nargs; i++) {
        double x, *o = i ? &lb : &lx;
        int big = log_big(T, args[i], log, o);
        if (big < 0) return NAT_ERR;
        if (big) continue;
        if (nat_arg_float(T, args[i], "log", &x) < 0) return NAT_ERR;
        if (x <= 0) return exc_raise(T, EXC_ValueError, "math domain error");
        *o = log(x);
    }
    if (lb == 0) return exc_raise(T, EXC_ZeroDivisionError, "float division by zero");
    *out = v_float(lx / lb);
    return NAT_OK;
}

static int math_round_to_int(Task *T, Value *args, int nargs, Tuple *kw, Value *out, const char *name, double (*fn)(double))
{
    if (nat_count(T, name, nargs, kw, 1, 1) < 0) return NAT_ERR;
    if (bigint_is_int(args[0])) {
        *out = is_bool(args[0]) ? v_int(args[0].u.i) : args[0];
        return NAT_OK;
    }
    double x;
    if (nat_arg_float(T, args[0], name, &x) < 0) return NAT_ERR;
    return bigint_from_double(T, fn(x), out) < 0 ? NAT_ERR : NAT_OK;
}

NATIVE(math_floor) { return math_round_to_int(T, args, nargs, kw, out, "floor", floor); }
NATIVE(math_ceil) { return math_round_to_int(T, args, nargs, kw, out, "ceil", ceil); }
NATIVE(math_trunc) { return math_round_to_int(T, args, nargs, kw, out, "trunc", trunc); }

NATIVE(math_pow)
{
    if (nat_count(T, "pow", nargs, kw, 2, 2) < 0) return NAT_ERR;
    double x, y;
    if (nat_arg_float(T, args[0], "pow", &x) < 0 || nat_arg_float(T, args[1], "pow", &y) < 0) return NAT_ERR;
    if ((x == 0 && y < 0) || (x < 0 && y != floor(y))) return exc_raise(T, EXC_ValueError, "math domain error");
    *out = v_float(pow(x, y));
    return NAT_OK;
}

NATIVE(math_atan2)
{
    if (nat_count(T, "atan2", nargs, kw, 2, 2) < 0) return NAT_ERR;
    double y, x;
    if (nat_arg_float(T, args[0], "atan2", &y) < 0 || nat_arg_float(T, args[1], "atan2", &x) < 0) return NAT_ERR;
    *out = v_float(atan2(y, x));
    return NAT_OK;
}

NATIVE(math_hypot)
{
    if (nat_no_kw(T, "hypot", kw) < 0) return NAT_ERR;
    double acc = 0;
    for (int i = 0; i < nargs; i++) {
        double x;
        if (nat_arg_float(T, args[i], "hypot", &x) < 0) return NAT_ERR;
        acc = hypot(acc, x);
    }
    *out = v_float(acc);
    return NAT_OK;
}

NATIVE(math_isclose)
{
    Value a[4];
    if (nat_parse(T, "isclose", args, nargs, kw, "a,b|$rel_tol,abs_tol", a) < 0) return NAT_ERR;
    double x, y, rt = 1e-9, at = 0;
    if (nat_arg_float(T, a[0], "isclose", &x) < 0 || nat_arg_float(T, a[1], "isclose", &y) < 0) return NAT_ERR;
    if (!is_undef(a[2]) && nat_arg_float(T, a[2], "isclose", &rt) < 0) return NAT_ERR;
    if (!is_undef(a[3]) && nat_arg_float(T, a[3], "isclose", &at) < 0) return NAT_ERR;
    if (x == y) *out = v_bool(true);
    else if (isinf(x) || isinf(y)) *out = v_bool(false);
    else {
        double d = fabs(x - y);
        *out = v_bool(d <= fabs(rt * y) || d <= fabs(rt * x) || d <= at);
    }
    return NAT_OK;
}

/* An int argument of the math int functions (int, bool or big int). */
static int math_int_arg(Task *T, Value v, Value *out)
{
    if (bigint_is_int(v)) {
        *out = is_bool(v) ? v_int(v.u.i) : v;
        return 0;
    }
    int64_t i;
    if (nat_arg_int(T, v, "", &i) < 0) return -1;
    *out = v_int(i);
    return 0;
}

NATIVE(math_gcd)
{
    if (nat_no_kw(T, "gcd", kw) < 0) return NAT_ERR;
    Value g = v_int(0);
    for (int i = 0; i < nargs; i++) {
        Value x;
        if (math_int_arg(T, args[i], &x) < 0 || bigint_gcd(T, g, x, &g) < 0) return NAT_ERR;
    }
    *out = g;
    return NAT_OK;
}

NATIVE(math_lcm)
{
    if (nat_no_kw(T, "lcm", kw) < 0) return NAT_ERR;
    Value l = v_int(1);
    for (int i = 0; i < nargs; i++) {
        Value x, g, p;
        if (math_int_arg(T, args[i], &x) < 0) return NAT_ERR;
        if (!bigint_sign(x) || !bigint_sign(l)) {
            l = v_int(0);
            continue;
        }
        /* |l * x| // gcd(l, x) */
        if (bigint_gcd(T, l, x, &g) < 0 || bigint_binop(T, BIN_FLOORDIV, l, g, &p) < 0 ||
            bigint_binop(T, BIN_MUL, p, x, &p) < 0 || bigint_abs(T, p, &l) < 0)
            return NAT_ERR;
    }
    *out = l;
    return NAT_OK;
}

NATIVE(math_factorial)
{
    if (nat_count(T, "factorial", nargs, kw, 1, 1) < 0) return NAT_ERR;
    Value n;
    if (is_float(args[0])) return exc_raise(T, EXC_TypeError, "'float' object cannot be interpreted as an integer");
    if (math_int_arg(T, args[0], &n) < 0) return NAT_ERR;
    return bigint_factorial(T, n, out) < 0 ? NAT_ERR : NAT_OK;
}

NATIVE(math_isqrt)
{
    if (nat_count(T, "isqrt", nargs, kw, 1, 1) < 0) return NAT_ERR;
    Value n;
    if (math_int_arg(T, args[0], &n) < 0) return NAT_ERR;
    return bigint_isqrt(T, n, out) < 0 ? NAT_ERR : NAT_OK;
}

static int math_pred(Task *T, Value *args, int nargs, Tuple *kw, Value *out, const char *name, int which)
{
    if (nat_count(T, name, nargs, kw, 1, 1) < 0) return NAT_ERR;
    double x;
    if (nat_arg_float(T, args[0], name, &x) < 0) return NAT_ERR;
    *out = v_bool(which == 0 ? isnan(x) : which == 1 ? isinf(x) : isfinite(x));
    return NAT_OK;
}

NATIVE(math_isnan) { return math_pred(T, args, nargs, kw, out, "isnan", 0); }
NATIVE(math_isinf) { return math_pred(T, args, nargs, kw, out, "isinf", 1); }
NATIVE(math_isfinite) { return math_pred(T, args, nargs, kw, out, "isfinite", 2); }

NATIVE(math_prod)
{
    Value a[2];
    if (nat_parse(T, "prod", args, nargs, kw, "iterable|$start", a) < 0) return NAT_ERR;
    Value acc = is_undef(a[1]) ? v_int(1) : a[1];
    Value it;
    if (obj_iter(T, a[0], &it) < 0) return NAT_ERR;
    for (;;) {
        Value x;
        int r = obj_next(T, it, &x);
        if (r < 0) return NAT_ERR;
        if (r == 0) break;
        if (ops_binop(T, BIN_MUL, acc, x, &acc) < 0) return NAT_ERR;
    }
    *out = acc;
    return NAT_OK;
}

NATIVE(math_fsum)
{
    if (nat_count(T, "fsum", nargs, kw, 1, 1) < 0) return NAT_ERR;
    Value it;
    if (obj_iter(T, args[0], &it) < 0) return NAT_ERR;
    /* Neumaier compensated summation: exact for the inputs we meet */
    double s = 0, c = 0;
    for (;;) {
        Value x;
        int r = obj_next(T, it, &x);
        if (r < 0) return NAT_ERR;
        if (r == 0) break;
        double v;
        if (nat_arg_float(T, x, "fsum", &v) < 0) return NAT_ERR;
        double t = s + v;
        if (fabs(s) >= fabs(v)) c += (s - t) + v;
        else c += (v - t) + s;
        s = t;
    }
    *out = v_float(s + c);
    return NAT_OK;
}

NATIVE(math_comb)
{
    if (nat_count(T, "comb", nargs, kw, 2, 2) < 0) return NAT_ERR;
    Value n, k;
    if (math_int_arg(T, args[0], &n) < 0 || math_int_arg(T, args[1], &k) < 0) return NAT_ERR;
    return bigint_comb(T, n, k, false, out) < 0 ? NAT_ERR : NAT_OK;
}

NATIVE(math_perm)
{
    if (nat_count(T, "perm", nargs, kw, 1, 2) < 0) return NAT_ERR;
    Value n, k = v_none();
    if (math_int_arg(T, args[0], &n) < 0 || (nargs == 2 && !is_none(args[1]) && math_int_arg(T, args[1], &k) < 0))
        return NAT_ERR;
    return bigint_comb(T, n, k, true, out) < 0 ? NAT_ERR : NAT_OK;
}

static const ModEntry math_entries[] = {
    FN("sqrt", math_sqrt), FN("exp", math_exp), FN("sin", math_sin), FN("cos", math_cos),
    FN("tan", math_tan), FN("asin", math_asin), FN("acos", math_acos), FN("atan", math_atan),
    FN("atan2", math_atan2), FN("log", math_log), FN("log2", math_log2), FN("log10", math_log10),
    FN("fabs", math_fabs), FN("floor", math_floor), FN("ceil", math_ceil), FN("trunc", math_trunc),
    FN("pow", math_pow), FN("hypot", math_hypot), FN("isclose", math_isclose), FN("gcd", math_gcd),
    FN("factorial", math_factorial), FN("isqrt", math_isqrt), FN("isnan", math_isnan),
    FN("isinf", math_isinf), FN("isfinite", math_isfinite), FN("prod", math_prod), FN("fsum", math_fsum),
    FN("comb", math_comb), FN("perm", math_perm), FN("lcm", math_lcm), FN("erf", math_erf), FN("erfc", math_erfc),
    NUM("pi", M_PI), NUM("e", M_E), NUM("tau", 2 * M_PI), NUM("inf", INFINITY),
    NUM("nan", NAN), END,
};

/* ---- registry ---- */

static const ModDef mod_time = {"time", time_entries, time_names, NULL, "time", NULL, true, NULL};
static const ModDef mod_random = {"random", random_entries, NULL, NULL, NULL, NULL, false, NULL};
static const ModDef mod_os = {"os", os_entries, NULL, NULL, NULL, NULL, false, NULL};
static const ModDef mod_sys = {"sys", sys_entries, NULL, NULL, NULL, NULL, false, NULL};
static const ModDef mod_math = {"math", math_entries, NULL, NULL, NULL, NULL, false, NULL};
static const ModEntry groups_entries[] = {{NULL, 0, NULL, 0, NULL}};
/* `import builtins` gives the builtins themselves: its dict is S->builtins
 * (filled by builtins_init before the modules are made), as in CPython */
static const ModDef mod_builtins = {"builtins", groups_entries, NULL, NULL, NULL, NULL, false, NULL};
/* modules that are all Python (sim/py/NAME.py) */
static const char *const calendar_names[] = {
    "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY", "day_name", "day_abbr",
    "month_name", "month_abbr", "mdays", "IllegalMonthError", "IllegalWeekdayError", "isleap", "leapdays",
    "weekday", "monthrange", "timegm", "Calendar", "TextCalendar", "firstweekday", "setfirstweekday",
    "monthcalendar", "prmonth", "month", "weekheader", NULL,
};
static const ModDef mod_calendar = {"calendar", groups_entries, calendar_names, NULL, "calendar", NULL, false, NULL};
static const char *const logging_names[] = {
    "CRITICAL", "FATAL", "ERROR", "WARNING", "WARN", "INFO", "DEBUG", "NOTSET", "BASIC_FORMAT", "raiseExceptions",
    "logThreads", "logMultiprocessing", "logProcesses", "getLevelName", "addLevelName", "getLevelNamesMapping",
    "LogRecord", "setLogRecordFactory", "getLogRecordFactory", "makeLogRecord", "PercentStyle", "StrFormatStyle",
    "StringTemplateStyle", "Formatter", "BufferingFormatter", "Filter", "Filterer", "Handler", "StreamHandler",
    "NullHandler", "lastResort", "PlaceHolder", "Manager", "Logger", "RootLogger", "LoggerAdapter", "root",
    "setLoggerClass", "getLoggerClass", "basicConfig", "getLogger", "critical", "fatal", "error", "exception",
    "warning", "warn", "info", "debug", "log", "disable", "shutdown", "captureWarnings", NULL,
};
static const char *const datetime_names[] = {
    "MINYEAR", "MAXYEAR", "timedelta", "tzinfo", "timezone", "UTC", "date", "time", "datetime", "IsoCalendarDate",
    NULL,
};
static const ModDef mod_datetime = {"datetime", groups_entries, datetime_names, NULL, "datetime", NULL, false, NULL};
static const char *const timeit_names[] = {
    "default_timer", "default_number", "default_repeat", "Timer", "timeit", "repeat", NULL,
};
static const ModDef mod_timeit = {"timeit", groups_entries, timeit_names, NULL, "timeit", NULL, false, NULL};
static const char *const signal_names[] = {
    "SIG_DFL", "SIG_IGN", "NSIG", "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE",
    "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGCHLD", "SIGCONT", "SIGSTOP",
    "Signals", "default_int_handler", "getsignal", "signal", "strsignal", "raise_signal", "alarm", "pause",
    "valid_signals", NULL,
};
static const ModDef mod_signal = {"signal", groups_entries, signal_names, NULL, "signal", NULL, false, NULL};
static const ModDef mod_logging = {"logging", groups_entries, logging_names, NULL, "logging", NULL, false, NULL};
static const char *const groups_names[] = {"BaseExceptionGroup", "ExceptionGroup", NULL};
static void groups_after_py(Sim *S, Dict *d);
static const ModDef mod_groups = {"_exceptiongroup", groups_entries, groups_names, NULL, "_exceptiongroup", groups_after_py, false, NULL};

/* in creation order: a package after its submodules */
static const ModDef *const core_defs[] = {
    &mod_builtins, &mod_time, &mod_calendar, &mod_datetime, &mod_logging, &mod_timeit, &mod_signal, &mod_random, &mod_os, &mod_sys, &mod_math, &mod_groups, &mod_drivers_def,
    &mod_trio_sub_defs[0], &mod_trio_sub_defs[1], &mod_trio_sub_defs[2], &mod_trio_sub_defs[3], &mod_trio_def, &mod_greenlet_def,
    &mod_threading_def, &mod_threading_queue_def, &mod_mp_pool_def, &mod_mp_managers_def, &mod_mp_def, &mod_mp_futures_thread_def, &mod_mp_futures_process_def, &mod_mp_futures_def, &mod_mp_concurrent_def,
    &mod_asyncio_def, &mod_collections_def, &mod_heapq_def, &mod_heapq_bisect_def, &mod_operator_def,
    &mod_hashlib_def, NULL,
};
/* every registry list, each NULL-terminated */
static const ModDef *const *const def_lists[] = {core_defs, mod_gevent_list, mod_pystd_list};
#define FOR_EACH_DEF(d) \
    for (size_t l_ = 0; l_ < ARRAY_LEN(def_lists); l_++) \
        for (const ModDef *const *p_ = def_lists[l_], *d; (d = *p_) != NULL; p_++)

static const ModDef *find_def(const char *name)
{
    FOR_EACH_DEF(d)
        if (strcmp(d->name, name) == 0) return d;
    return NULL;
}

static bool modules_exists(const char *name) { return find_def(name) != NULL; }

extern const char *const py_sources[][2];

static const char *py_source(const char *part)
{
    for (int i = 0; py_sources[i][0]; i++)
        if (strcmp(py_sources[i][0], part) == 0) return py_sources[i][1];
    return NULL;
}

static bool is_ident_char(char c) { return isalnum((unsigned char)c) || c == '_' || (unsigned char)c >= 0x80; }

/* Does the line at p (column 0 of a sim/py source) bind `attr` at module
 * level: def, async def, class, or an assignment `NAME = ...`, `NAME: T =
 * ...`, `A, B = ...`?  Names a module imports for its own use are not
 * its attributes here. */
static bool py_line_binds(const char *p, const char *attr, size_t alen)
{
    if (strncmp(p, "async def ", 10) == 0) p += 10;
    else if (strncmp(p, "def ", 4) == 0) p += 4;
    else if (strncmp(p, "class ", 6) == 0) p += 6;
    else {
        /* NAME [, NAME]* (=|:) */
        const char *q = p;
        for (;;) {
            const char *w = q;
            while (is_ident_char(*q)) q++;
            if (q == w || isdigit((unsigned char)*w)) return false;
            bool hit = (size_t)(q - w) == alen && memcmp(w, attr, alen) == 0;
            while (*q == ' ') q++;
            if (*q == ',') {
                q++;
                while (*q == ' ') q++;
                if (hit) {
                    /* still must be an assignment: check the rest */
                    const char *r = q;
                    while (*r && *r != '\n' && *r != '=') r++;
                    return *r == '=' && r[1] != '=';
                }
                continue;
            }
            if ((*q == '=' && q[1] != '=') || *q == ':') return hit;
            return false;
        }
    }
    return strncmp(p, attr, alen) == 0 && !is_ident_char(p[alen]);
}

/* Is attr a module-level name of the Python source of module `py`? */
static bool py_defines(const char *py, const char *attr)
{
    const char *text = py_source(py);
    if (!text) return false;
    size_t alen = strlen(attr);
    for (const char *p = text; *p; ) {
        if (py_line_binds(p, attr, alen)) return true;
        const char *nl = strchr(p, '\n');
        if (!nl) break;
        p = nl + 1;
    }
    return false;
}

static bool modules_has_attr(const char *module, const char *attr)
{
    const ModDef *d = find_def(module);
    if (!d) return false;
    /* the builtins are made by several files at start-up: asked at run time */
    if (d == &mod_builtins) return true;
    for (const ModEntry *e = d->entries; e->name; e++)
        if (strcmp(e->name, attr) == 0) return true;
    for (const char *const *n = d->names; n && *n; n++)
        if (strcmp(*n, attr) == 0) return true;
    if (d->py && py_defines(d->py, attr)) return true;
    /* every module has these */
    static const char *const dunders[] = {"__name__", "__doc__", "__file__", "__dict__", "__spec__", "__loader__", "__package__"};
    for (size_t i = 0; i < ARRAY_LEN(dunders); i++)
        if (strcmp(dunders[i], attr) == 0) return true;
    return false;
}

/* Module names sorted (a few dozen: an insertion sort) and, for the
 * messages that list them, joined with ", " into buf. */
static void sort_names(const char **names, size_t n)
{
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
            const char *t = names[j];
            names[j] = names[j - 1];
            names[j - 1] = t;
        }
}

static void join_sorted(const char **names, size_t n, char *buf, size_t size)
{
    sort_names(names, n);
    size_t off = 0;
    buf[0] = 0;
    for (size_t i = 0; i < n && off < size; i++)
        off += (size_t)snprintf(buf + off, size - off, "%s%s", i ? ", " : "", names[i]);
}

/* Every module's name, sorted, as CPython's sys.builtin_module_names: all
 * of ours are built in.  A program (and the native sweep test) can learn
 * from it what there is to import. */
static Value make_builtin_module_names(Sim *S)
{
    const char *names[128];
    size_t n = 0;
    FOR_EACH_DEF(d)
        if (n < ARRAY_LEN(names)) names[n++] = d->name;
    sort_names(names, n);
    Tuple *t = tuple_new(S, (int)n);
    for (size_t i = 0; i < n; i++) t->v[i] = str_value(S, names[i]);
    return v_obj(t);
}

static const char *modules_list(void)
{
    static char buf[2048];
    if (!buf[0]) {
        const char *names[64];
        size_t n = 0;
        /* not the simulator's own (_interleave) nor submodules */
        FOR_EACH_DEF(d)
            if (d->name[0] != '_' && !strchr(d->name, '.') && n < ARRAY_LEN(names)) names[n++] = d->name;
        /* sorted for a stable, readable message */
        join_sorted(names, n, buf, sizeof buf);
    }
    return buf;
}

/* package's submodules, sorted by name, short ("event, queue") */
static const char *modules_submodules(const char *package)
{
    static char buf[1024];
    const char *names[64];
    size_t n = 0, plen = strlen(package);
    FOR_EACH_DEF(d)
        if (strncmp(d->name, package, plen) == 0 && d->name[plen] == '.' && n < ARRAY_LEN(names)) names[n++] = d->name + plen + 1;
    join_sorted(names, n, buf, sizeof buf);
    return buf;
}

const ImportResolver modules_resolver = {modules_exists, modules_has_attr, modules_list, modules_submodules};

static const ImportHooks import_hooks;

void modules_init(Sim *S)
{
    S->import = &import_hooks;
    srcinfo_install(S);
    FOR_EACH_DEF(d) {
        ModuleObj *m = gc_alloc(S, K_MODULE, sizeof(ModuleObj));
        m->name = str_intern(S, d->name, strlen(d->name));
        m->dict = d == &mod_builtins ? S->builtins : dict_new(S);
        dict_set_str(S, m->dict, S->sym[SYM_name], v_obj(m->name));
        for (const ModEntry *e = d->entries; e->name; e++) {
            Value v;
            switch (e->kind) {
            case ME_FN: v = v_obj(obj_native_new(S, e->name, e->fn, 0)); break;
            case ME_FLOAT: v = v_float(e->num); break;
            case ME_INT: v = v_int(e->num >= 9.2e18 ? INT64_MAX : (int64_t)e->num); break;
            default: v = e->make(S); break;
            }
            dict_set_str(S, m->dict, str_intern(S, e->name, strlen(e->name)), v);
        }
        if (d->setup) d->setup(S, m->dict);
        dict_set_str(S, S->native_modules, m->name, v_obj(m));
    }
}

/* the parts the build compiled (modules_use_frozen), or NULL */
static const FrozenPart *frozen;

void modules_use_frozen(const FrozenPart *parts) { frozen = parts; }

/* Python part `part`'s module code, thawed from its frozen data or else
 * compiled from its source (registered in S->sources either way, for
 * tracebacks), or NULL with the internal error in err. */
static Code *compile_part(Sim *S, const char *part, Source **srcp, char *err, size_t errn)
{
    const char *text = py_source(part);
    if (!text) return snprintf(err, errn, "no Python source for %s", part), NULL;
    char name[128];
    snprintf(name, sizeof name, "<interleave>/%s.py", part);
    Source *src = *srcp = code_source_add(&S->sources, name, text, strlen(text), true);
    for (const FrozenPart *f = frozen; f && f->name; f++) {
        if (strcmp(f->name, part) != 0) continue;
        S->gc_inhibit++;
        Code *code = freeze_thaw(S, f->data, f->len, src);
        S->gc_inhibit--;
        if (code) return code;
        break; /* (cannot happen: the build checks each one) compiled instead */
    }
    Module mod;
    ParseError pe;
    if (!parse_module(src->text, strlen(src->text), &mod, &pe))
        return snprintf(err, errn, "%s:%d:%d: %s", name, pe.line, pe.col, pe.msg), NULL;
    CompileError ce;
    S->gc_inhibit++;
    Code *code = compile_module(S, &mod, src, &modules_resolver, &ce);
    S->gc_inhibit--;
    parse_module_free(&mod);
    if (!code) snprintf(err, errn, "%s:%d:%d: %s", name, ce.line, ce.col, ce.msg);
    return code;
}

const char *modules_py_part(int i)
{
    for (int k = 0; py_sources[k][0]; k++)
        if (k == i) return py_sources[k][0];
    return NULL;
}

bool modules_freeze_part(Sim *S, const char *part, SBuf *out, char *err, size_t errn)
{
    const FrozenPart *saved = frozen;
    frozen = NULL;
    Source *src;
    Code *code = compile_part(S, part, &src, err, errn);
    frozen = saved;
    if (!code) return false;
    if (!freeze_code(S, code, out)) return snprintf(err, errn, "a constant of %s cannot be frozen", part), false;
    /* the build's own check: what an import makes from it is this code */
    Code *back = freeze_thaw(S, (const unsigned char *)out->s, out->n, src);
    SBuf again = {0};
    bool same = back && freeze_code(S, back, &again) && again.n == out->n && memcmp(again.s, out->s, out->n) == 0;
    sb_free(&again);
    if (!same) snprintf(err, errn, "%s does not read back as it was written", part);
    return same;
}

/* Run a module's Python part the first time any task imports it.  Its
 * code is a library file's; its functions see the module's natives as
 * globals. */
static int run_py_part(Task *T, const ModDef *d, ModuleObj *m, const char *part)
{
    Sim *S = T->S;
    Source *src;
    char err[1200];
    Code *code = compile_part(S, part, &src, err, sizeof err);
    if (!code) return exc_raise(T, EXC_ImportError, "internal error in module %s: %s", d->name, err);
    Func *fn = gc_alloc(S, K_FUNC, sizeof(Func));
    fn->code = code;
    fn->globals = m->dict;
    fn->name = code->name;
    fn->qualname = code->qualname;
    /* run it on a context of its own: the import op that got here (in
     * the VM) does not reload its frame pointer, so the importer's frame
     * array must not grow under it, which a deep chain of imports
     * (functools -> collections -> collections.abc -> abc) would do */
    Value r;
    Ctx fresh, *saved = T->cur;
    vm_ctx_init(&fresh);
    fresh.base_depth = saved->base_depth + saved->nframes;
    T->cur = &fresh;
    int rc = vm_call(T, v_obj(fn), NULL, 0, NULL, &r);
    T->cur = saved;
    vm_ctx_free(&fresh);
    if (rc < 0) return -1;
    if (d->after_py && part == d->py) d->after_py(S, m->dict);
    return 0;
}

static int ensure_py(Task *T, const ModDef *d, ModuleObj *m);
static int ensure_py_lazy(Task *T, const ModDef *d, ModuleObj *m);

/* A submodule without a Python part of its own (gevent.queue) holds what
 * its package's Python part lists for it in _submodules[short name]
 * (multiprocessing.pool's is in the package's lazy part). */
static int fill_from_package(Task *T, ModuleObj *pkg, ModuleObj *sub, const char *short_name)
{
    Sim *S = T->S;
    if (ensure_py_lazy(T, find_def(pkg->name->s), pkg) < 0) return -1;
    Value table = dict_get_str(pkg->dict, str_intern(S, "_submodules", 11));
    if (is_undef(table) || !is_dict(table)) return 0;
    Value names = dict_get_str(AS_DICT(table), str_intern(S, short_name, strlen(short_name)));
    if (is_undef(names) || !is_dict(names)) return 0;
    Dict *d = AS_DICT(names);
    for (int64_t i = 0; i < d->nent; i++) {
        DictEntry *e = &d->ent[i];
        if (!is_undef(e->key) && is_str(e->key)) dict_set_str(S, sub->dict, AS_STR(e->key), e->val);
    }
    return 0;
}

/* Run module m's Python part (def d) once. */
static int ensure_py(Task *T, const ModDef *d, ModuleObj *m)
{
    if (!d || !d->py || (m->h.flags & OF_PY_RAN)) return 0;
    m->h.flags |= OF_PY_RAN; /* first: an import cycle sees the module as it is */
    return run_py_part(T, d, m, d->py);
}

/* Run module m's second, lazy Python part (def d) once, after the first. */
static int ensure_py_lazy(Task *T, const ModDef *d, ModuleObj *m)
{
    if (!d || !d->py_lazy || (m->h.flags & OF_PY_LAZY_RAN)) return 0;
    if (ensure_py(T, d, m) < 0) return -1;
    m->h.flags |= OF_PY_LAZY_RAN;
    return run_py_part(T, d, m, d->py_lazy);
}

static int modules_import(Task *T, Str *name, Value *out)
{
    Sim *S = T->S;
    Value m = dict_get_str(S->native_modules, name);
    if (is_undef(m)) return exc_raise(T, EXC_ModuleNotFoundError, "No module named '%s'", name->s);
    ModuleObj *mo = AS_MODULE(m);
    *out = m;
    if (mo->h.flags & OF_IMPORTED) return 0;
    mo->h.flags |= OF_IMPORTED;
    const ModDef *d = find_def(name->s);
    const char *dot = strrchr(name->s, '.');
    ModuleObj *pkg = NULL;
    if (dot) {
        /* a package's submodule: the package first, and the submodule
         * becomes its attribute, as in CPython */
        Value p;
        if (modules_import(T, str_intern(S, name->s, (size_t)(dot - name->s)), &p) < 0) return -1;
        pkg = AS_MODULE(p);
        dict_set_str(S, pkg->dict, str_intern(S, dot + 1, strlen(dot + 1)), m);
    }
    if (d && d->py) {
        if (!d->py_on_demand && ensure_py(T, d, mo) < 0) return -1;
    } else if (pkg && fill_from_package(T, pkg, mo, dot + 1) < 0) {
        return -1;
    }
    /* a package brings these submodules along, as CPython's do: an
     * attribute of the package, Python part run */
    static const char *const brought[][2] = {
        {"concurrent", "concurrent.futures"}, {"collections", "collections.abc"}, {"trio", "trio.lowlevel"},
        {"trio", "trio.to_thread"}, {"trio", "trio.from_thread"}, {"trio", "trio.abc"},
    };
    for (size_t i = 0; i < ARRAY_LEN(brought); i++) {
        if (!str_eq_c(name, brought[i][0])) continue;
        Value sub;
        if (modules_import(T, str_intern(S, brought[i][1], strlen(brought[i][1])), &sub) < 0) return -1;
    }
    *out = m;
    return 0;
}

static int modules_module_attr(Task *T, Value module, Str *name, Value *out)
{
    ModuleObj *m = AS_MODULE(module);
    const ModDef *d = find_def(m->name->s);
    if (!d) return 0;
    if (d->py_on_demand && !(m->h.flags & OF_PY_RAN)) {
        if (ensure_py(T, d, m) < 0) return -1;
    } else if (d->py_lazy && !(m->h.flags & OF_PY_LAZY_RAN)) {
        if (ensure_py_lazy(T, d, m) < 0) return -1;
    } else {
        return 0;
    }
    *out = dict_get_str(m->dict, name);
    return is_undef(*out) ? 0 : 1;
}

static int modules_import_from(Task *T, Value module, Str *name, Value *out)
{
    ModuleObj *m = AS_MODULE(module);
    Value v = dict_get_str(m->dict, name);
    if (is_undef(v)) {
        int r = modules_module_attr(T, module, name, &v);
        if (r < 0) return -1;
    }
    if (is_undef(v)) {
        char sub[256];
        snprintf(sub, sizeof sub, "%s.%s", m->name->s, name->s);
        Str *subname = str_intern(T->S, sub, strlen(sub));
        if (!is_undef(dict_get_str(T->S->native_modules, subname)) && modules_import(T, subname, &v) < 0) return -1;
    }
    if (is_undef(v))
        return exc_raise(T, EXC_ImportError, "cannot import name '%s' from '%s'", name->s, m->name->s);
    *out = v;
    return 0;
}

/* Builtins that are Python in the simulator, made the first time a program
 * names one (so a program that never does pays nothing). */
static const struct { const char *name, *module; } lazy_builtins[] = {
    {"BaseExceptionGroup", "_exceptiongroup"}, {"ExceptionGroup", "_exceptiongroup"},
    /* what the parser rewrites except* into */
    {"__except_star_begin__", "_exceptiongroup"}, {"__except_star_match__", "_exceptiongroup"},
    {"__except_star_raised__", "_exceptiongroup"}, {"__except_star_end__", "_exceptiongroup"},
};

static int modules_lazy_builtin(Task *T, Str *name, Value *out)
{
    Sim *S = T->S;
    if (str_eq_c(name, "__annotations__")) return srcinfo_module_annotations(T, out);
    for (size_t i = 0; i < ARRAY_LEN(lazy_builtins); i++) {
        if (!str_eq_c(name, lazy_builtins[i].name)) continue;
        Value m;
        if (modules_import(T, str_intern(S, lazy_builtins[i].module, strlen(lazy_builtins[i].module)), &m) < 0) return -1;
        *out = dict_get_str(S->builtins, name);
        return is_undef(*out) ? 0 : 1;
    }
    return 0;
}

/* _exceptiongroup's classes are builtins */
static void groups_after_py(Sim *S, Dict *d)
{
    for (size_t i = 0; i < ARRAY_LEN(lazy_builtins); i++) {
        Str *g = str_intern(S, lazy_builtins[i].name, strlen(lazy_builtins[i].name));
        dict_set_str(S, S->builtins, g, dict_get_str(d, g));
    }
}

static const ImportHooks import_hooks = {modules_import, modules_import_from, modules_lazy_builtin, modules_module_attr};
