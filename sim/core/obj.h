/* obj.h - the object protocol: types, truth, equality, hashing, ordering,
 * attributes, items, iteration, arithmetic, repr/str.
 *
 * Functions that may run user code (dunder methods) take the Task and
 * return -1 with an exception raised on it when they fail. */
#ifndef IL_OBJ_H
#define IL_OBJ_H

#include "vm.h"

Class *obj_type_of(Sim *S, Value v);
const char *obj_type_name(Sim *S, Value v);
/* MRO search; V_UNDEF if absent.  Cached per (class, name) while no
 * class dict it read changes and no collection runs (S->attr_epoch): a
 * direct-mapped table, as CPython's type attribute cache.  Which entries
 * hit depends on addresses, but never what a lookup returns, so runs
 * stay deterministic. */
#define ATTR_CACHE_SIZE 4096
struct AttrCacheEntry {
    Class *cls;
    Str *name;
    uint64_t epoch;
    Value val;
};
Value obj_class_lookup_fill(Sim *S, struct AttrCacheEntry *e, Class *c, Str *name);
static inline Value obj_class_lookup(Sim *S, Class *c, Str *name)
{
    struct AttrCacheEntry *e = NULL;
    if (LIKELY(S->attr_cache != NULL)) {
        uintptr_t h = ((uintptr_t)c >> 4) * 0x9E3779B1u ^ ((uintptr_t)name >> 4);
        e = &S->attr_cache[(h ^ h >> 15) & (ATTR_CACHE_SIZE - 1)];
        if (e->cls == c && e->name == name && e->epoch == S->attr_epoch) return e->val;
    }
    return obj_class_lookup_fill(S, e, c, name);
}
/* Every class creation calls this: a new class may sit where a freed one
 * was, or be filled in after a lookup (a process's copy). */
void obj_classes_changed(Sim *S);
bool obj_is_subclass(Class *a, Class *b);
bool obj_is_instance_of(Sim *S, Value v, Class *c);
bool obj_is_exc_instance(Sim *S, Value v);           /* an instance of BaseException */
bool obj_is_callable(Sim *S, Value v);

int obj_truthy(Task *T, Value v);                  /* 1, 0, -1 */
int obj_eq(Task *T, Value a, Value b);             /* a == b: 1, 0, -1 */
bool obj_same(Value a, Value b);                   /* a is b */
/* Can two keys with equal hashes (dict and set lookups) be compared
 * without user code, and what is the answer?  1 or 0 when decided, 2 when
 * == must be called. */
int obj_eq_quick(Value a, Value b);
/* a == b as containers compare items (in, index, count, ==): the same
 * object is equal to itself before __eq__ is asked (a nan too) */
int obj_eq_id(Task *T, Value a, Value b);
int obj_hash(Task *T, Value v, int64_t *out);      /* 0 or -1 (unhashable) */
int obj_richcmp(Task *T, Value a, Value b, int op, Value *out); /* CmpOp */
int obj_lt(Task *T, Value a, Value b);             /* a < b as 1/0, -1 err */
int obj_len(Task *T, Value v, int64_t *out);
int obj_contains(Task *T, Value container, Value item); /* 1, 0, -1 */


int obj_getitem(Task *T, Value obj, Value key, Value *out);
int obj_setitem(Task *T, Value obj, Value key, Value val);
int obj_delitem(Task *T, Value obj, Value key);

int obj_iter(Task *T, Value v, Value *out);
int obj_next(Task *T, Value it, Value *out);        /* 1 item, 0 exhausted, -1 err */
/* Materialise any iterable as a fresh list. */
int obj_to_list(Task *T, Value v, List **out);
/* Borrow items of a list or tuple without copying; other iterables are
 * collected into a new list.  items and n stay valid until the next allocation
 * that could move a list. */
int obj_items(Task *T, Value v, Value **items, int64_t *n, Value *keep);



/* Index helpers. */
int obj_index(Task *T, Value v, int64_t *out, const char *what); /* int-like -> int64 */
int obj_seq_index(Task *T, int64_t len, Value key, int64_t *out, const char *what);
/* Normalise a slice against len: start, stop, step and count of items. */
int obj_slice_indices(Task *T, Slice *s, int64_t len, int64_t *start, int64_t *stop,
                  int64_t *step, int64_t *count);

/* Deterministic identity (id(), default hash): a counter, never an address,
 * so no pointer order can leak into a simulation. */
int64_t obj_id(Sim *S, Obj *o);
/* id(v) as the program sees it, for any value: an object's number, or one
 * made from an immediate's bits (small ints and None have fixed ids). */
int64_t obj_id_value(Sim *S, Value v);
void obj_id_forget(Sim *S, Obj *o);   /* gc: o is being freed */
void obj_ids_free(Sim *S);

/* The largest container or string one operation may build: the simulator
 * must not exhaust the host's memory because a scenario asked it to. */
#define MAX_ITEMS (INT64_C(1) << 27)
/* The one check of that limit: 0, or -1 with MemoryError ("the simulator
 * limits a single object to ...").  n is a 64-bit count computed before
 * anything is allocated (a 32-bit length would wrap past 2 GiB). */
int obj_check_size(Task *T, int64_t n);
/* The initialiser of a buffer (SBuf) that builds the text of a new str or
 * bytes: it never holds more than the limit (what passes it is cut, and
 * over set), so no builder - repr of a huge list, an f-string, '%'
 * formatting, replace - uses more memory than one object may, whatever
 * the program asks; str_from_buf or bytes_from_buf then raise the
 * MemoryError.  Loops over many items stop early on over (obj_cut). */
#define STR_BUF {.max = (size_t)MAX_ITEMS}
/* -1 with the MemoryError when b was cut at the limit (a loop filling it
 * stops), else 0. */
static inline int obj_cut(Task *T, const SBuf *b) { return UNLIKELY(b->over) ? obj_check_size(T, MAX_ITEMS + 1) : 0; }
/* A finished buffer about to become a str or bytes: 0 when it fits in
 * one object, else -1 with the MemoryError (and b freed). */
static inline int obj_buf_fits(Task *T, SBuf *b)
{
    if (!b->over && (int64_t)b->n <= MAX_ITEMS) return 0;
    sb_free(b);
    return obj_check_size(T, MAX_ITEMS + 1);
}

/* repr, == and < recurse in C through nested containers: a 50,000-deep
 * list must end in RecursionError, as in CPython, not overflow the C
 * stack.  0, or -1 with RecursionError ("maximum recursion depth
 * exceeded" + where). */
int obj_recurse_enter(Task *T, const char *where);
static inline void obj_recurse_leave(Task *T) { T->cdepth--; }
/* Containers whose protocols recurse into their items. */
static inline bool obj_is_container(Value v)
{
    if (v.tag != V_OBJ) return false;
    int k = v.u.o->kind;
    return k == K_LIST || k == K_TUPLE || k == K_DICT || k == K_SET;
}

/* Make objects */
Value obj_method(Sim *S, Value self, Value func);
Native *obj_native_new(Sim *S, const char *name, NativeFn fn, int flags);
Instance *obj_instance_new(Sim *S, Class *cls);
/* An instance with a zeroed payload of `size` bytes in the same
 * allocation, right after it (one allocation, and one cache line fewer
 * to fetch, for objects made by the hundred thousand).  The class's
 * payload free function must then not free the payload itself. */
Instance *obj_instance_new_with(Sim *S, Class *cls, size_t size);
Class *attr_class_new(Sim *S, Str *name, Tuple *bases, Dict *dict, Task *T); /* NULL + exc on bad MRO */
Iter *obj_iter_new(Sim *S, int kind, Value src);


/* Fast identity check for the method a class defines for a dunder (used by
 * hot paths to skip user-code calls). */
Value obj_type_dunder(Sim *S, Value v, int sym);

/* Instances of a program's subclass of list, dict or set (value.h SubExt). */
static inline bool obj_is_sub(Value v)
{
    return v.tag == V_OBJ && (v.u.o->flags & OF_SUBCLASS) &&
           (v.u.o->kind == K_LIST || v.u.o->kind == K_DICT || v.u.o->kind == K_SET);
}
SubExt *obj_sub_ext(Obj *o);
/* An empty instance of cls, whose builtin base is type_id (TY_LIST,
 * TY_DICT or TY_SET). */
Value obj_sub_new(Sim *S, Class *cls, int type_id);
/* The builtin base's own item operations, which a subclass's overrides
 * do not intercept (list.__getitem__ and the like, what super() reaches). */
int obj_getitem_base(Task *T, Value obj, Value key, Value *out);
int obj_setitem_base(Task *T, Value obj, Value key, Value val);
int obj_delitem_base(Task *T, Value obj, Value key);
int obj_contains_base(Task *T, Value container, Value item);
int obj_iter_base(Task *T, Value v, Value *out);


/* Protection against infinite recursion in repr of self-containing
 * containers: 1 if v is already being printed. */
int obj_repr_enter(Sim *S, Obj *o);
void obj_repr_leave(Sim *S, Obj *o);
/* Sort v[0..n) in place, stably, by key(item) (key undefined: the items)
 * with <, as list.sort does.  0, or -1 with an exception. */
int obj_sort(Task *T, Value *v, int64_t n, Value key, bool reverse);
Range *obj_range_new(Sim *S, int64_t start, int64_t stop, int64_t step);

#endif
