/* value.h - simulated Python values and heap objects.
 *
 * A Value is a 16-byte tagged union: None, bool, int (64-bit) and float are
 * unboxed (an int past 64 bits is a BigInt object); everything else is a
 * pointer to a garbage-collected Obj.  Builtin
 * types are Class objects too (S->types[TY_...]), so type(x), isinstance and
 * method lookup work the same way for builtin and user classes.  Instances
 * of builtin classes that carry native state (exceptions, threads, locks,
 * queues...) are Instance objects with a payload described by PayloadOps, so
 * a user class can subclass threading.Thread or Exception. */
#ifndef IL_VALUE_H
#define IL_VALUE_H

#include "common.h"

typedef enum { V_UNDEF = 0, V_NONE, V_BOOL, V_INT, V_FLOAT, V_OBJ } VTag;

typedef struct Obj Obj;
typedef struct Value {
    uint32_t tag;
    uint32_t aux;                 /* unused; keeps the layout explicit */
    union {
        int64_t i;
        double f;
        Obj *o;
    } u;
} Value;

#define OBJ_KINDS(X) \
    X(K_STR) X(K_LIST) X(K_TUPLE) X(K_DICT) X(K_SET) X(K_RANGE) X(K_SLICE) \
    X(K_FUNC) X(K_CELL) X(K_CLASS) X(K_INSTANCE) X(K_METHOD) X(K_NATIVE) \
    X(K_MODULE) X(K_ITER) X(K_PROPERTY) X(K_STATICMETHOD) X(K_CLASSMETHOD) \
    X(K_SUPER) X(K_GEN) X(K_CORO) X(K_AGEN) X(K_GREEN) X(K_BIGINT)

typedef enum {
#define X(k) k,
    OBJ_KINDS(X)
#undef X
    K_COUNT
} ObjKind;

struct Obj {
    uint8_t kind;       /* ObjKind */
    uint8_t mark;       /* GC mark bit */
    uint16_t flags;     /* per-kind flags (OF_*) */
    uint32_t size;      /* bytes charged to the heap, for GC pacing */
};

enum {
    OF_FROZEN = 1,      /* K_SET: frozenset */
    OF_ASCII = 2,       /* K_STR: every byte < 0x80, so index = byte offset */
    OF_IMPORTED = 8,    /* K_MODULE: imported once */
    OF_PY_RAN = 16,     /* K_MODULE: its Python part has run (or is running) */
    OF_PY_LAZY_RAN = 4, /* K_MODULE: its second, lazy Python part has run (or is running) */
    OF_SUBCLASS = 32,   /* K_LIST, K_DICT, K_SET: an instance of a program's subclass (a SubExt follows) */
    OF_WATCHED = 64,    /* K_DICT: a class's dict that attr.c's lookup cache has
                           read: changing it invalidates the cache */
    OF_GLOBALS_SEEN = 128, /* K_DICT: globals where a LOAD_GLOBAL found a builtin:
                           a new key moves Sim.globals_epoch */
    OF_POOL_CLASS = 0x1F00, /* any kind: gc.c's pool size class - 1 */
    OF_POOLED = 0x2000, /* any kind: allocated from gc.c's pools */
    OF_SEEN = 0x4000,   /* any kind: seen by the running native (gather's duplicates); cleared before it returns */
    OF_HAS_ID = 0x8000, /* has an entry in the id side table */
};

typedef struct Sim Sim;
typedef struct Task Task;
typedef struct Code Code;

typedef struct Str {
    Obj h;
    int64_t hash;       /* -1 until computed */
    int32_t len;        /* bytes */
    int32_t clen;       /* characters */
    char s[];           /* UTF-8, NUL-terminated */
} Str;

/* An int past 64 bits (bigint.h): never one that fits in an int64, which
 * is always a V_INT.  Immutable. */
typedef struct BigInt {
    Obj h;
    int32_t n;          /* limbs, the top one nonzero */
    int32_t neg;        /* 1: negative */
    uint32_t d[];       /* the magnitude, least significant limb first */
} BigInt;

typedef struct List {
    Obj h;
    int64_t n, cap;
    Value *v;
} List;

typedef struct Tuple {
    Obj h;
    int64_t n;
    Value v[];
} Tuple;

typedef struct DictEntry {
    int64_t hash;
    Value key, val;     /* key V_UNDEF: deleted */
} DictEntry;

typedef struct Dict {
    Obj h;
    int64_t used;       /* live entries */
    int64_t nent;       /* entries slots used (live + deleted) */
    int64_t ecap;
    DictEntry *ent;
    int32_t *index;     /* open-addressing table of entry indexes; -1 empty, -2 dummy */
    uint64_t mask;      /* index size - 1; 0 means no index yet (linear scan) */
} Dict;

typedef struct SetEntry {
    int64_t hash;       /* -1 with V_UNDEF key: dummy */
    Value key;          /* V_UNDEF: empty or dummy */
} SetEntry;

/* Laid out and probed exactly as CPython 3.11's set so that iteration order
 * (visible when a set of ints is printed) matches. */
typedef struct Set {
    Obj h;
    int64_t fill, used, mask, finger;
    SetEntry *table;
} Set;

/* An instance of a program's subclass of list, dict or set is the builtin
 * object itself, so every builtin operation and method works on it as on
 * its base; it is flagged OF_SUBCLASS and this follows it in the same
 * allocation (obj_sub_ext). */
typedef struct SubExt {
    struct Class *cls;  /* its class */
    struct Dict *attrs; /* its attributes (__dict__), NULL until set */
} SubExt;

typedef struct Range {
    Obj h;
    int64_t start, stop, step, len;
} Range;

typedef struct Slice {
    Obj h;
    Value start, stop, step;
} Slice;

typedef struct Cell {
    Obj h;
    Value v;            /* V_UNDEF when empty */
} Cell;

typedef struct Dict Dict;
typedef struct Class Class;

typedef struct Func {
    Obj h;
    Code *code;
    Dict *globals;
    Tuple *defaults;    /* NULL if none */
    Dict *kwdefaults;   /* NULL if none */
    Tuple *closure;     /* cells, NULL if none */
    Str *name, *qualname;
    Dict *dict;         /* function attributes, NULL until set */
    int64_t oid;        /* identity for hash() and id(): never an address */
} Func;

/* Native function protocol: args[0..nargs) holds the positional arguments
 * followed by the keyword values named by kwnames (a tuple of Str, or NULL),
 * so there are nargs - len(kwnames) positionals.  Returns NAT_OK with *out set,
 * NAT_ERR with an exception raised on the task, NAT_BLOCK when the task
 * sleeps and resumes later with T->resume_val as the result, or NAT_RETRY
 * when it blocks and the same call runs again once it is woken (T->retry
 * counts the re-runs; a native keeps its progress in T->deadline/phase), or
 * NAT_YIELD to stop at an eval-breaker point (a GIL switch may happen) and
 * run again right after, or NAT_SWITCH when it switched T->cur to another
 * context (an asyncio task's step): that runs, and when control comes back
 * the same call runs again (T->resume_exc, if set, is raised at once in the
 * new context). */
enum { NAT_OK = 0, NAT_ERR = -1, NAT_BLOCK = 1, NAT_RETRY = 2, NAT_YIELD = 3, NAT_SWITCH = 4 };
typedef int (*NativeFn)(Task *T, Value *args, int nargs, Tuple *kwnames, Value *out);

struct Copier;

/* A payload's behaviour: how the GC marks it, how it is freed, how it is
 * copied into another process's heap, and which trace object it is.  The
 * core and the scheduler dispatch through this table, so a library type
 * (a thread handle, a multiprocessing queue) brings its own behaviour
 * without the layers below knowing it. */
typedef struct PayloadOps {
    const char *name;
    void (*mark)(Sim *S, void *p);
    void (*free)(Sim *S, void *p);
    /* Copy instance v for another process (proc.h): 0 with *out (v itself
     * for a handle both processes share), -1 with an exception.  NULL: the
     * object cannot be pickled. */
    int (*clone)(struct Copier *C, Value v, Value *out);
    /* The trace object v stands for (a lock, a thread), or -1.  NULL: none;
     * the trace names such objects after the variables that hold them. */
    int (*trace_obj)(Value v);
    /* The attribute dict of instance v as the running task sees it, in
     * *out (threading.local keeps one per thread): 0, or -1 with an
     * exception.  NULL: the instance's own dict. */
    int (*inst_dict)(Task *T, Value v, Dict **out);
    /* only the simulator makes these (a loop's handles, a deque's
     * iterators): calling the class is "cannot create 'X' instances", as
     * for CPython's internal types, instead of an instance whose methods
     * would find no payload */
    bool internal;
    /* the instances carry no payload by design (an enum's members): clone
     * is theirs even so; for the other kinds an instance made without its
     * payload (object.__new__(Connection)) is copied as a plain object */
    bool stateless;
} PayloadOps;

struct Class {
    Obj h;
    Str *name;
    Str *qualname;
    Str *module;
    Tuple *bases;
    Tuple *mro;         /* including the class itself, ending with object */
    Dict *dict;
    int type_id;        /* TY_* for builtin types, -1 for user classes */
    const PayloadOps *payload; /* instances carry this payload (inherited) */
    NativeFn ctor;      /* builtin types: what calling the class does */
    uint16_t cflags;    /* CF_* */
    int64_t oid;
};

enum {
    CF_EXCEPTION = 1,   /* subclass of BaseException */
    CF_USER = 2,        /* defined by the program */
    CF_HAS_GETATTR = 4, /* defines __getattr__ */
    CF_FINAL = 8,       /* builtin that cannot be subclassed (bool, range...) */
    CF_DESCR_GET = 16,  /* defines __get__: its instances are descriptors */
    CF_DESCR_SET = 32,  /* defines __set__ or __delete__: data descriptors */
    CF_NATIVE_DUNDERS = 64, /* a library class in C whose native dunders (__len__,
                               __eq__, __add__...) the operators call, as a user
                               class's (collections.deque) */
    CF_NO_INSTANCES = 128, /* only the simulator makes these (list_iterator...):
                              calling the class is "cannot create" */
};

typedef struct Instance {
    Obj h;
    Class *cls;
    Dict *dict;         /* attributes; NULL until first set */
    void *payload;      /* native state, described by cls->payload */
    int64_t oid;
} Instance;

typedef struct Method {
    Obj h;
    Value self;
    Value func;
} Method;

typedef struct Native {
    Obj h;
    NativeFn fn;
    const char *name;   /* static string */
    Class *owner;       /* class it is a method of, or NULL */
    Value bound;        /* V_UNDEF, or a bound first argument (module funcs use none) */
    int64_t data;       /* extra integer the function may read */
    uint8_t meth_flags; /* NF_* */
} Native;

enum {
    NF_METHOD = 1,      /* takes self as args[0]; binds on attribute access */
    NF_CLASSMETHOD = 2, /* takes the class as args[0] */
    NF_STATIC = 4,
    NF_CONSUMES = 8,    /* consumes an iterable argument completely (list, sorted, sum...) */
    NF_RESUMES = 16,    /* resumes a generator (data: RESUME_*): called from bytecode, the VM
                           runs the generator on the task instead, so its body may block */
    NF_SLEEP0 = 32,     /* asyncio.sleep: `await asyncio.sleep(0)` may go to the task's driver
                           whole (AwaitDriver.sleep0) */
};

/* next(g), g.send(v), g.throw(e); a greenlet's switch and throw (green.h) */
enum { RESUME_NEXT, RESUME_SEND, RESUME_THROW, RESUME_GSWITCH, RESUME_GTHROW };

typedef struct ModuleObj {
    Obj h;
    Str *name;
    Dict *dict;
} ModuleObj;

typedef enum {
    IT_SEQ,             /* list/tuple/str by index */
    IT_RANGE, IT_DICT_KEYS, IT_DICT_VALUES, IT_DICT_ITEMS, IT_SET,
    IT_ENUMERATE, IT_ZIP, IT_MAP, IT_FILTER, IT_REVERSED,
    IT_CALLITER,        /* a class with only __getitem__, by index until IndexError */
    IT_SENTINEL,        /* iter(callable, sentinel): src is the callable, fn the sentinel */
    IT_VIEW_KEYS, IT_VIEW_VALUES, IT_VIEW_ITEMS, /* dict views (iterable, not iterators) */
    IT_USER,            /* an object with __next__, wrapped */
} IterKind;

typedef struct Iter {
    Obj h;
    uint8_t ik;         /* IterKind */
    int64_t i, n;       /* position; n: expected size (dict change detection) */
    int64_t step;       /* IT_RANGE: the step; IT_REVERSED: what was reversed (REV_*);
                         * IT_ZIP: 1 for strict=True */
    Value src;          /* what is iterated */
    Value fn;           /* map/filter function */
    Tuple *its;         /* zip/map iterators */
} Iter;

/* reversed() copies a str, dict or dict view into a list; its repr names
 * the original */
enum { REV_LIST, REV_TUPLE, REV_OTHER, REV_DICT, REV_DICT_VALUES, REV_DICT_ITEMS };

typedef struct Property {
    Obj h;
    Value fget, fset, fdel;
} Property;

typedef struct Wrapper {  /* staticmethod, classmethod */
    Obj h;
    Value func;
} Wrapper;

typedef struct Super {
    Obj h;
    Class *start;       /* look up after this class in the MRO */
    Value self;
    Class *self_cls;
} Super;

/* ---- builtin type ids ---- */
#define TYPE_IDS(X) \
    X(TY_OBJECT, "object") X(TY_TYPE, "type") X(TY_NONETYPE, "NoneType") \
    X(TY_BOOL, "bool") X(TY_INT, "int") X(TY_FLOAT, "float") X(TY_STR, "str") \
    X(TY_LIST, "list") X(TY_TUPLE, "tuple") X(TY_DICT, "dict") X(TY_SET, "set") \
    X(TY_FROZENSET, "frozenset") X(TY_RANGE, "range") X(TY_SLICE, "slice") \
    X(TY_FUNCTION, "function") X(TY_CELL, "cell") X(TY_METHOD, "method") \
    X(TY_BUILTIN, "builtin_function_or_method") X(TY_MODULE, "module") \
    X(TY_ITERATOR, "iterator") X(TY_PROPERTY, "property") \
    X(TY_STATICMETHOD, "staticmethod") X(TY_CLASSMETHOD, "classmethod") \
    X(TY_SUPER, "super") X(TY_COROUTINE, "coroutine") \
    X(TY_ELLIPSIS, "ellipsis") X(TY_NOTIMPL, "NotImplementedType") \
    X(TY_DICT_KEYS, "dict_keys") X(TY_DICT_VALUES, "dict_values") \
    X(TY_DICT_ITEMS, "dict_items") X(TY_ENUMERATE, "enumerate") \
    X(TY_ZIP, "zip") X(TY_MAP, "map") X(TY_FILTER, "filter") \
    X(TY_REVERSED, "reversed") X(TY_GENERATOR, "generator") \
    X(TY_ASYNC_GENERATOR, "async_generator") X(TY_GREENLET, "greenlet_stack") \
    ITER_TYPE_IDS(X)

/* the iterators of the builtin containers: each its own final type, named
 * as CPython names it (a class with only __getitem__ gets "iterator") */
#define ITER_TYPE_IDS(X) \
    X(TY_LIST_ITER, "list_iterator") X(TY_TUPLE_ITER, "tuple_iterator") \
    X(TY_STR_ITER, "str_iterator") X(TY_STR_ASCII_ITER, "str_ascii_iterator") \
    X(TY_RANGE_ITER, "range_iterator") X(TY_SET_ITER, "set_iterator") \
    X(TY_DICT_KEYITER, "dict_keyiterator") X(TY_DICT_VALUEITER, "dict_valueiterator") \
    X(TY_DICT_ITEMITER, "dict_itemiterator") X(TY_CALLABLE_ITER, "callable_iterator") \
    X(TY_LIST_REVITER, "list_reverseiterator") X(TY_DICT_REVKEYITER, "dict_reversekeyiterator") \
    X(TY_DICT_REVVALUEITER, "dict_reversevalueiterator") X(TY_DICT_REVITEMITER, "dict_reverseitemiterator")

typedef enum {
#define X(k, s) k,
    TYPE_IDS(X)
#undef X
    TY_COUNT
} TypeId;

/* ---- builtin exception classes: (id, name, parent id) ---- */
#define EXC_TYPES(X) \
    X(EXC_BaseException, "BaseException", -1) \
    X(EXC_SystemExit, "SystemExit", EXC_BaseException) \
    X(EXC_KeyboardInterrupt, "KeyboardInterrupt", EXC_BaseException) \
    X(EXC_GeneratorExit, "GeneratorExit", EXC_BaseException) \
    X(EXC_Exception, "Exception", EXC_BaseException) \
    X(EXC_StopIteration, "StopIteration", EXC_Exception) \
    X(EXC_StopAsyncIteration, "StopAsyncIteration", EXC_Exception) \
    X(EXC_ArithmeticError, "ArithmeticError", EXC_Exception) \
    X(EXC_OverflowError, "OverflowError", EXC_ArithmeticError) \
    X(EXC_ZeroDivisionError, "ZeroDivisionError", EXC_ArithmeticError) \
    X(EXC_AssertionError, "AssertionError", EXC_Exception) \
    X(EXC_AttributeError, "AttributeError", EXC_Exception) \
    X(EXC_LookupError, "LookupError", EXC_Exception) \
    X(EXC_IndexError, "IndexError", EXC_LookupError) \
    X(EXC_KeyError, "KeyError", EXC_LookupError) \
    X(EXC_NameError, "NameError", EXC_Exception) \
    X(EXC_UnboundLocalError, "UnboundLocalError", EXC_NameError) \
    X(EXC_RuntimeError, "RuntimeError", EXC_Exception) \
    X(EXC_NotImplementedError, "NotImplementedError", EXC_RuntimeError) \
    X(EXC_RecursionError, "RecursionError", EXC_RuntimeError) \
    X(EXC_TypeError, "TypeError", EXC_Exception) \
    X(EXC_ValueError, "ValueError", EXC_Exception) \
    X(EXC_UnicodeError, "UnicodeError", EXC_ValueError) \
    X(EXC_ImportError, "ImportError", EXC_Exception) \
    X(EXC_ModuleNotFoundError, "ModuleNotFoundError", EXC_ImportError) \
    X(EXC_OSError, "OSError", EXC_Exception) \
    X(EXC_TimeoutError, "TimeoutError", EXC_OSError) \
    X(EXC_MemoryError, "MemoryError", EXC_Exception) \
    X(EXC_EOFError, "EOFError", EXC_Exception) \
    X(EXC_BrokenBarrierError, "BrokenBarrierError", EXC_RuntimeError) \
    X(EXC_QueueEmpty, "Empty", EXC_Exception) \
    X(EXC_QueueFull, "Full", EXC_Exception) \
    X(EXC_CancelledError, "CancelledError", EXC_BaseException) \
    X(EXC_InvalidStateError, "InvalidStateError", EXC_Exception) \
    X(EXC_QueueEmptyAio, "QueueEmpty", EXC_Exception) \
    X(EXC_QueueFullAio, "QueueFull", EXC_Exception) \
    X(EXC_Warning, "Warning", EXC_Exception) \
    X(EXC_RuntimeWarning, "RuntimeWarning", EXC_Warning) \
    X(EXC_DeprecationWarning, "DeprecationWarning", EXC_Warning) \
    X(EXC_UserWarning, "UserWarning", EXC_Warning) \
    X(EXC_ConnectionError, "ConnectionError", EXC_OSError) \
    X(EXC_BrokenPipeError, "BrokenPipeError", EXC_ConnectionError) \
    X(EXC_ConnectionAbortedError, "ConnectionAbortedError", EXC_ConnectionError) \
    X(EXC_ConnectionRefusedError, "ConnectionRefusedError", EXC_ConnectionError) \
    X(EXC_ConnectionResetError, "ConnectionResetError", EXC_ConnectionError) \
    X(EXC_BlockingIOError, "BlockingIOError", EXC_OSError) \
    X(EXC_ChildProcessError, "ChildProcessError", EXC_OSError) \
    X(EXC_FileExistsError, "FileExistsError", EXC_OSError) \
    X(EXC_FileNotFoundError, "FileNotFoundError", EXC_OSError) \
    X(EXC_InterruptedError, "InterruptedError", EXC_OSError) \
    X(EXC_IsADirectoryError, "IsADirectoryError", EXC_OSError) \
    X(EXC_NotADirectoryError, "NotADirectoryError", EXC_OSError) \
    X(EXC_PermissionError, "PermissionError", EXC_OSError) \
    X(EXC_ProcessLookupError, "ProcessLookupError", EXC_OSError) \
    X(EXC_SystemError, "SystemError", EXC_Exception) \
    X(EXC_ReferenceError, "ReferenceError", EXC_Exception) \
    X(EXC_BufferError, "BufferError", EXC_Exception) \
    X(EXC_FloatingPointError, "FloatingPointError", EXC_ArithmeticError) \
    X(EXC_FutureWarning, "FutureWarning", EXC_Warning) \
    X(EXC_PendingDeprecationWarning, "PendingDeprecationWarning", EXC_Warning) \
    X(EXC_SyntaxWarning, "SyntaxWarning", EXC_Warning) \
    X(EXC_ImportWarning, "ImportWarning", EXC_Warning) \
    X(EXC_UnicodeWarning, "UnicodeWarning", EXC_Warning) \
    X(EXC_BytesWarning, "BytesWarning", EXC_Warning) \
    X(EXC_ResourceWarning, "ResourceWarning", EXC_Warning) \
    X(EXC_EncodingWarning, "EncodingWarning", EXC_Warning) \
    X(EXC_UnicodeDecodeError, "UnicodeDecodeError", EXC_UnicodeError) \
    X(EXC_UnicodeEncodeError, "UnicodeEncodeError", EXC_UnicodeError)

typedef enum {
#define X(k, s, p) k,
    EXC_TYPES(X)
#undef X
    EXC_COUNT
} ExcId;

/* ---- constructors of values ---- */
static inline Value v_undef(void) { Value v; v.tag = V_UNDEF; v.aux = 0; v.u.i = 0; return v; }
static inline Value v_none(void) { Value v; v.tag = V_NONE; v.aux = 0; v.u.i = 0; return v; }
static inline Value v_bool(bool b) { Value v; v.tag = V_BOOL; v.aux = 0; v.u.i = b; return v; }
static inline Value v_int(int64_t i) { Value v; v.tag = V_INT; v.aux = 0; v.u.i = i; return v; }
static inline Value v_float(double f) { Value v; v.tag = V_FLOAT; v.aux = 0; v.u.f = f; return v; }
static inline Value v_obj(void *o) { Value v; v.tag = V_OBJ; v.aux = 0; v.u.o = (Obj *)o; return v; }

static inline bool is_undef(Value v) { return v.tag == V_UNDEF; }
static inline bool is_none(Value v) { return v.tag == V_NONE; }
static inline bool is_int(Value v) { return v.tag == V_INT; }
static inline bool is_float(Value v) { return v.tag == V_FLOAT; }
static inline bool is_bool(Value v) { return v.tag == V_BOOL; }
static inline bool is_obj(Value v) { return v.tag == V_OBJ; }
static inline bool is_kind(Value v, ObjKind k) { return v.tag == V_OBJ && v.u.o->kind == k; }
static inline bool is_str(Value v) { return is_kind(v, K_STR); }
static inline bool is_list(Value v) { return is_kind(v, K_LIST); }
static inline bool is_tuple(Value v) { return is_kind(v, K_TUPLE); }
static inline bool is_dict(Value v) { return is_kind(v, K_DICT); }
static inline bool is_set(Value v) { return is_kind(v, K_SET); }
static inline bool is_class(Value v) { return is_kind(v, K_CLASS); }
static inline bool is_instance(Value v) { return is_kind(v, K_INSTANCE); }
static inline bool is_bigint(Value v) { return is_kind(v, K_BIGINT); }
/* int or bool: the values int arithmetic accepts */
static inline bool is_intlike(Value v) { return v.tag == V_INT || v.tag == V_BOOL; }

#define AS_STR(v) ((Str *)(v).u.o)
#define AS_LIST(v) ((List *)(v).u.o)
#define AS_TUPLE(v) ((Tuple *)(v).u.o)
#define AS_DICT(v) ((Dict *)(v).u.o)
#define AS_SET(v) ((Set *)(v).u.o)
#define AS_RANGE(v) ((Range *)(v).u.o)
#define AS_FUNC(v) ((Func *)(v).u.o)
#define AS_CLASS(v) ((Class *)(v).u.o)
#define AS_INST(v) ((Instance *)(v).u.o)
#define AS_NATIVE(v) ((Native *)(v).u.o)
#define AS_METHOD(v) ((Method *)(v).u.o)
#define AS_CELL(v) ((Cell *)(v).u.o)
#define AS_ITER(v) ((Iter *)(v).u.o)
#define AS_MODULE(v) ((ModuleObj *)(v).u.o)
#define AS_SLICE(v) ((Slice *)(v).u.o)

/* Copy n values; n may be 0 with NULL pointers (memcpy may not). */
static inline void vcopy(Value *dst, const Value *src, int64_t n)
{
    if (n > 0) memcpy(dst, src, (size_t)n * sizeof(Value));
}

#endif
