/* mod_heapq.c - heapq's C half (CPython's _heapq: heappush, heappop,
 * heapify, heapreplace, heappushpop and the max-heap helpers) and bisect
 * (CPython's _bisect).  nlargest, nsmallest and merge are Python, as in
 * CPython (sim/py/heapq.py).
 *
 * The sifts are CPython's exactly (items of equal priority come out in
 * the same order), comparing with < only; each charges one element per
 * level it moves an item, bisect one per probe. */
#include "mod_heapq.h"
#include "attr.h"
#include "list.h"
#include "native.h"
#include "str.h"

/* ---- heapq ---- */

static int heap_list(Task *T, Value v, List **out)
{
    if (!is_list(v)) return exc_raise(T, EXC_TypeError, "heap argument must be a list");
    *out = AS_LIST(v);
    return 0;
}

/* a < b, with the list-changed check CPython makes around user code */
static int less(Task *T, List *l, int64_t n, Value a, Value b)
{
    int r = obj_lt(T, a, b);
    if (r < 0) return -1;
    if (l->n != n) return exc_raise(T, EXC_RuntimeError, "list changed size during iteration");
    return r;
}

/* 'heap' is a heap at all indices >= startpos, except possibly for pos:
 * move the item at pos up to its place (CPython's _siftdown). */
static int siftdown(Task *T, List *l, int64_t startpos, int64_t pos, bool max)
{
    int64_t n = l->n;
    Value newitem = l->v[pos];
    int64_t moves = 0;
    while (pos > startpos) {
        int64_t parentpos = (pos - 1) >> 1;
        Value parent = l->v[parentpos];
        int r = max ? less(T, l, n, parent, newitem) : less(T, l, n, newitem, parent);
        if (r < 0) return -1;
        if (!r) break;
        l->v[pos] = parent;
        pos = parentpos;
        moves++;
    }
    l->v[pos] = newitem;
    charge_items(T, moves + 1);
    return 0;
}

/* Bubble the smaller child up until hitting a leaf, then sift the item
 * down (CPython's _siftup). */
static int siftup(Task *T, List *l, int64_t pos, bool max)
{
    int64_t endpos = l->n, startpos = pos;
    Value newitem = l->v[pos];
    int64_t childpos = 2 * pos + 1;
    int64_t moves = 0;
    while (childpos < endpos) {
        int64_t rightpos = childpos + 1;
        if (rightpos < endpos) {
            int r = max ? less(T, l, endpos, l->v[rightpos], l->v[childpos])
                        : less(T, l, endpos, l->v[childpos], l->v[rightpos]);
            if (r < 0) return -1;
            if (!r) childpos = rightpos;
        }
        l->v[pos] = l->v[childpos];
        pos = childpos;
        childpos = 2 * pos + 1;
        moves++;
    }
    l->v[pos] = newitem;
    charge_items(T, moves);
    return siftdown(T, l, startpos, pos, max);
}

NATIVE(heapq_heappush)
{
    if (nat_count(T, "heappush", nargs, kw, 2, 2) < 0) return NAT_ERR;
    List *l = NULL;
    if (heap_list(T, args[0], &l) < 0) return NAT_ERR;
    list_append(T->S, l, args[1]);
    if (siftdown(T, l, 0, l->n - 1, false) < 0) return NAT_ERR;
    *out = v_none();
    return NAT_OK;
}

static int heappop_impl(Task *T, Value *args, int nargs, Tuple *kw, Value *out, bool max)
{
    if (nat_count(T, max ? "_heappop_max" : "heappop", nargs, kw, 1, 1) < 0) return NAT_ERR;
    List *l = NULL;
    if (heap_list(T, args[0], &l) < 0) return NAT_ERR;
    if (l->n == 0) return exc_raise(T, EXC_IndexError, "index out of range");
    Value last = l->v[--l->n];
    if (l->n == 0) {
        *out = last;
        return NAT_OK;
    }
    Value ret = l->v[0];
    l->v[0] = last;
    if (siftup(T, l, 0, max) < 0) return NAT_ERR;
    *out = ret;
    return NAT_OK;
}

NATIVE(heapq_heappop) { return heappop_impl(T, args, nargs, kw, out, false); }
NATIVE(heapq_heappop_max) { return heappop_impl(T, args, nargs, kw, out, true); }

static int heapreplace_impl(Task *T, Value *args, int nargs, Tuple *kw, Value *out, bool max)
{
    if (nat_count(T, max ? "_heapreplace_max" : "heapreplace", nargs, kw, 2, 2) < 0) return NAT_ERR;
    List *l = NULL;
    if (heap_list(T, args[0], &l) < 0) return NAT_ERR;
    if (l->n == 0) return exc_raise(T, EXC_IndexError, "index out of range");
    Value ret = l->v[0];
    l->v[0] = args[1];
    if (siftup(T, l, 0, max) < 0) return NAT_ERR;
    *out = ret;
    return NAT_OK;
}

NATIVE(heapq_heapreplace) { return heapreplace_impl(T, args, nargs, kw, out, false); }
NATIVE(heapq_heapreplace_max) { return heapreplace_impl(T, args, nargs, kw, out, true); }

NATIVE(heapq_heappushpop)
{
    if (nat_count(T, "heappushpop", nargs, kw, 2, 2) < 0) return NAT_ERR;
    List *l = NULL;
    if (heap_list(T, args[0], &l) < 0) return NAT_ERR;
    if (l->n == 0) {
        *out = args[1];
        return NAT_OK;
    }
    int r = less(T, l, l->n, l->v[0], args[1]);
    if (r < 0) return NAT_ERR;
    if (!r) {
        *out = args[1];
        return NAT_OK;
    }
    Value ret = l->v[0];
    l->v[0] = args[1];
    if (siftup(T, l, 0, false) < 0) return NAT_ERR;
    *out = ret;
    return NAT_OK;
}

static int heapify_impl(Task *T, Value *args, int nargs, Tuple *kw, Value *out, bool max)
{
    if (nat_count(T, max ? "_heapify_max" : "heapify", nargs, kw, 1, 1) < 0) return NAT_ERR;
    List *l = NULL;
    if (heap_list(T, args[0], &l) < 0) return NAT_ERR;
    for (int64_t i = l->n / 2 - 1; i >= 0; i--)
        if (siftup(T, l, i, max) < 0) return NAT_ERR;
    *out = v_none();
    return NAT_OK;
}

NATIVE(heapq_heapify) { return heapify_impl(T, args, nargs, kw, out, false); }
NATIVE(heapq_heapify_max) { return heapify_impl(T, args, nargs, kw, out, true); }

static const ModEntry heapq_entries[] = {
    {"heappush", ME_FN, heapq_heappush, 0, NULL}, {"heappop", ME_FN, heapq_heappop, 0, NULL},
    {"heapify", ME_FN, heapq_heapify, 0, NULL}, {"heapreplace", ME_FN, heapq_heapreplace, 0, NULL},
    {"heappushpop", ME_FN, heapq_heappushpop, 0, NULL}, {"_heappop_max", ME_FN, heapq_heappop_max, 0, NULL},
    {"_heapreplace_max", ME_FN, heapq_heapreplace_max, 0, NULL},
    {"_heapify_max", ME_FN, heapq_heapify_max, 0, NULL}, {NULL, 0, NULL, 0, NULL},
};

const ModDef mod_heapq_def = {"heapq", heapq_entries, NULL, NULL, "heapq", NULL, false, NULL};

/* ---- bisect ---- */

static int seq_item(Task *T, Value a, int64_t i, Value *out)
{
    if (is_list(a)) {
        List *l = AS_LIST(a);
        if (i >= l->n) return exc_raise(T, EXC_IndexError, "list index out of range");
        *out = l->v[i];
        return 0;
    }
    return obj_getitem(T, a, v_int(i), out);
}

/* The parsed arguments of bisect_* and insort_*: a, x, lo, hi, key. */
typedef struct BisectArgs {
    Value a, x, key;
    int64_t lo, hi;
} BisectArgs;

static int bisect_args(Task *T, const char *name, Value *args, int nargs, Tuple *kw, BisectArgs *b)
{
    Value a[5];
    if (nat_parse(T, name, args, nargs, kw, "a,x|lo,hi$key", a) < 0) return -1;
    b->a = a[0];
    b->x = a[1];
    b->key = is_undef(a[4]) ? v_none() : a[4];
    b->lo = 0;
    if (!is_undef(a[2]) && nat_arg_int(T, a[2], name, &b->lo) < 0) return -1;
    if (b->lo < 0) return exc_raise(T, EXC_ValueError, "lo must be non-negative");
    if (is_undef(a[3]) || is_none(a[3])) {
        if (obj_len(T, a[0], &b->hi) < 0) return -1;
    } else if (nat_arg_int(T, a[3], name, &b->hi) < 0) {
        return -1;
    }
    return 0;
}

/* The insertion point of x in a[lo:hi] (right: after equal items); with a
 * key, items are compared as key(item) against x. */
static int bisect_core(Task *T, BisectArgs *b, Value x, bool right, int64_t *pos)
{
    int64_t lo = b->lo, hi = b->hi, probes = 0;
    while (lo < hi) {
        int64_t mid = (int64_t)(((uint64_t)lo + (uint64_t)hi) / 2);
        Value item;
        if (seq_item(T, b->a, mid, &item) < 0) return -1;
        if (!is_none(b->key) && vm_call(T, b->key, &item, 1, NULL, &item) < 0) return -1;
        int r = right ? obj_lt(T, x, item) : obj_lt(T, item, x);
        if (r < 0) return -1;
        if (right ? r : !r) hi = mid;
        else lo = mid + 1;
        probes++;
    }
    charge_items(T, probes);
    *pos = lo;
    return 0;
}

static int bisect_native(Task *T, const char *name, Value *args, int nargs, Tuple *kw, bool right, Value *out)
{
    BisectArgs b;
    int64_t p;
    if (bisect_args(T, name, args, nargs, kw, &b) < 0 || bisect_core(T, &b, b.x, right, &p) < 0) return NAT_ERR;
    *out = v_int(p);
    return NAT_OK;
}

NATIVE(bisect_right) { return bisect_native(T, "bisect_right", args, nargs, kw, true, out); }
NATIVE(bisect_left) { return bisect_native(T, "bisect_left", args, nargs, kw, false, out); }

/* insort: search with key(x) (the key applies to x too), insert x */
static int insort_impl(Task *T, const char *name, Value *args, int nargs, Tuple *kw, bool right, Value *out)
{
    BisectArgs b;
    if (bisect_args(T, name, args, nargs, kw, &b) < 0) return NAT_ERR;
    Value kx = b.x;
    if (!is_none(b.key) && vm_call(T, b.key, &b.x, 1, NULL, &kx) < 0) return NAT_ERR;
    int64_t p;
    if (bisect_core(T, &b, kx, right, &p) < 0) return NAT_ERR;
    if (is_list(b.a)) {
        list_insert(T->S, AS_LIST(b.a), p, b.x);
        charge_items(T, (AS_LIST(b.a)->n - p) / 8);
    } else {
        Value ins, r;
        if (attr_get(T, b.a, str_intern(T->S, "insert", 6), &ins) < 0) return NAT_ERR;
        Value ia[2] = {v_int(p), b.x};
        if (vm_call(T, ins, ia, 2, NULL, &r) < 0) return NAT_ERR;
    }
    *out = v_none();
    return NAT_OK;
}

NATIVE(bisect_insort_right) { return insort_impl(T, "insort_right", args, nargs, kw, true, out); }
NATIVE(bisect_insort_left) { return insort_impl(T, "insort_left", args, nargs, kw, false, out); }

static const ModEntry bisect_entries[] = {
    {"bisect_right", ME_FN, bisect_right, 0, NULL}, {"bisect_left", ME_FN, bisect_left, 0, NULL},
    {"bisect", ME_FN, bisect_right, 0, NULL}, {"insort_right", ME_FN, bisect_insort_right, 0, NULL},
    {"insort_left", ME_FN, bisect_insort_left, 0, NULL}, {"insort", ME_FN, bisect_insort_right, 0, NULL},
    {NULL, 0, NULL, 0, NULL},
};

const ModDef mod_heapq_bisect_def = {"bisect", bisect_entries, NULL, NULL, NULL, NULL, false, NULL};
