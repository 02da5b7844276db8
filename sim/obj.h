/* obj.h - the object protocol: types, truth, equality, hashing, ordering,
 * attributes, items, iteration, arithmetic, repr/str.
 *
 * Functions that may run user code (dunder methods) take the Task and
 * return -1 with an exception raised on it when they fail. */
#ifndef IL_OBJ_H
#define IL_OBJ_H

#include "vm.h"

Class *type_of(Sim *S, Value v);
const char *type_name(Sim *S, Value v);
Value class_lookup(Class *c, Str *name);          /* MRO search; V_UNDEF if absent */
bool is_subclass(Class *a, Class *b);
bool is_instance_of(Sim *S, Value v, Class *c);
bool is_exc_instance(Sim *S, Value v);           /* an instance of BaseException */
bool is_callable(Sim *S, Value v);

int v_truthy(Task *T, Value v);                  /* 1, 0, -1 */
int v_eq(Task *T, Value a, Value b);             /* a == b: 1, 0, -1 */
bool v_same(Value a, Value b);                   /* a is b */
int v_hash(Task *T, Value v, int64_t *out);      /* 0 or -1 (unhashable) */
int v_richcmp(Task *T, Value a, Value b, int op, Value *out); /* CmpOp */
int v_lt(Task *T, Value a, Value b);             /* a < b as 1/0, -1 err */
int v_len(Task *T, Value v, int64_t *out);
int v_contains(Task *T, Value container, Value item); /* 1, 0, -1 */

int v_getattr(Task *T, Value obj, Str *name, Value *out);
int v_getattr_opt(Task *T, Value obj, Str *name, Value *out); /* 1 found, 0 no, -1 err */
int v_setattr(Task *T, Value obj, Str *name, Value val);
int v_delattr(Task *T, Value obj, Str *name);
/* Method lookup for LOAD_METHOD: when the attribute is a plain function or
 * method-native found on the type, returns 1 with *meth and *self set so the
 * call needs no bound-method object; otherwise 0 with *meth the attribute. */
int v_getmethod(Task *T, Value obj, Str *name, Value *meth, bool *unbound);

int v_getitem(Task *T, Value obj, Value key, Value *out);
int v_setitem(Task *T, Value obj, Value key, Value val);
int v_delitem(Task *T, Value obj, Value key);

int v_iter(Task *T, Value v, Value *out);
int v_next(Task *T, Value it, Value *out);        /* 1 item, 0 exhausted, -1 err */
/* Materialise any iterable as a fresh list. */
int v_to_list(Task *T, Value v, List **out);
/* Borrow items of a list or tuple without copying; other iterables are
 * collected into a new list.  items and n stay valid until the next allocation
 * that could move a list. */
int v_items(Task *T, Value v, Value **items, int64_t *n, Value *keep);

int v_binop(Task *T, int op, Value a, Value b, Value *out);  /* BinOp [+BIN_INPLACE] */
int v_unary(Task *T, int opcode, Value a, Value *out);       /* OP_UNARY_* */

int v_repr(Task *T, Value v, SBuf *out);
int v_strbuf(Task *T, Value v, SBuf *out);
Value v_repr_str(Task *T, Value v);              /* V_UNDEF on error */
Value v_ascii_str(Task *T, Value v);             /* ascii(v); V_UNDEF on error */
Value v_str_str(Task *T, Value v);

/* Index helpers. */
int v_index(Task *T, Value v, int64_t *out, const char *what); /* int-like -> int64 */
int seq_index(Task *T, int64_t len, Value key, int64_t *out, const char *what);
/* Normalise a slice against len: start, stop, step and count of items. */
int slice_indices(Task *T, Slice *s, int64_t len, int64_t *start, int64_t *stop,
                  int64_t *step, int64_t *count);

/* Deterministic identity (id(), default hash): a counter, never an address,
 * so no pointer order can leak into a simulation. */
int64_t obj_id(Sim *S, Obj *o);
void obj_id_forget(Sim *S, Obj *o);   /* gc: o is being freed */
void obj_ids_free(Sim *S);

/* The largest container or string one operation may build: the simulator
 * must not exhaust the host's memory because a scenario asked it to. */
#define MAX_ITEMS (INT64_C(1) << 27)
int check_size(Task *T, int64_t n);  /* 0, or -1 with MemoryError */

/* Make objects */
Value v_method(Sim *S, Value self, Value func);
Native *native_new(Sim *S, const char *name, NativeFn fn, int flags);
Instance *instance_new(Sim *S, Class *cls);
/* An instance with a zeroed payload of `size` bytes in the same
 * allocation, right after it (one allocation, and one cache line fewer
 * to fetch, for objects made by the hundred thousand).  The class's
 * payload free function must then not free the payload itself. */
Instance *instance_new_with(Sim *S, Class *cls, size_t size);
Class *class_new(Sim *S, Str *name, Tuple *bases, Dict *dict, Task *T); /* NULL + exc on bad MRO */
Iter *iter_new(Sim *S, int kind, Value src);

/* dict keys/items views as sets (views.c).  The compare and binop
 * functions return 1 when they handled the operation (*out set), 0 when it
 * is not a view operation, -1 on error. */
bool is_setview(Value v);
int view_contains(Task *T, Value view, Value item);              /* 1, 0, -1 */
int setview_compare(Task *T, Value a, Value b, int op, Value *out); /* CmpOp */
int setview_binop(Task *T, int op, Value a, Value b, Value *out);   /* & | - ^ */

/* Fast identity check for the method a class defines for a dunder (used by
 * hot paths to skip user-code calls). */
Value type_dunder(Sim *S, Value v, int sym);

/* object.__repr__: "<module.Class object at 0x...>" with a fake address,
 * and no module for builtin classes ("<object object at 0x...>"). */
void repr_default(Sim *S, Value v, SBuf *out);

/* Protection against infinite recursion in repr of self-containing
 * containers: 1 if v is already being printed. */
int repr_enter(Sim *S, Obj *o);
void repr_leave(Sim *S, Obj *o);
/* Sort v[0..n) in place, stably, by key(item) (key undefined: the items)
 * with <, as list.sort does.  0, or -1 with an exception. */
int obj_sort(Task *T, Value *v, int64_t n, Value key, bool reverse);

#endif
