/* types.c - creation of the builtin classes and exception classes, and of
 * the interned names the interpreter uses. */
#include "types.h"
#include "dict.h"
#include "gc.h"
#include "obj.h"
#include "str.h"
#include "tuple.h"

static const char *const type_names[TY_COUNT] = {
#define X(k, s) s,
    TYPE_IDS(X)
#undef X
};

static const struct { const char *name; int parent; } exc_table[EXC_COUNT] = {
#define X(k, s, p) {s, p},
    EXC_TYPES(X)
#undef X
};

static const char *const sym_text[SYM_COUNT] = {
#define X(f, s) s,
    SYMS(X)
#undef X
};

static Class *builtin_class(Sim *S, const char *name, Class *base, int type_id)
{
    Str *n = str_intern(S, name, strlen(name));
    Tuple *bases = NULL;
    if (base) {
        bases = tuple_new(S, 1);
        bases->v[0] = v_obj(base);
    }
    Class *c;
    if (!base) {
        /* object: its own root */
        c = gc_alloc(S, K_CLASS, sizeof(Class));
        obj_classes_changed(S);
        c->name = c->qualname = n;
        c->dict = dict_new(S);
        c->bases = tuple_new(S, 0);
        c->mro = tuple_new(S, 1);
        c->mro->v[0] = v_obj(c);
    } else {
        c = attr_class_new(S, n, bases, NULL, NULL);
    }
    c->type_id = type_id;
    return c;
}

void types_init(Sim *S)
{
    for (int i = 0; i < SYM_COUNT; i++) S->sym[i] = str_intern(S, sym_text[i], strlen(sym_text[i]));
    Class *object = builtin_class(S, "object", NULL, TY_OBJECT);
    S->types[TY_OBJECT] = object;
    for (int i = 1; i < TY_COUNT; i++)
        if (i != TY_BOOL) S->types[i] = builtin_class(S, type_names[i], object, i);
    /* bool after int, its base (bool.__mro__ is (bool, int, object)) */
    S->types[TY_BOOL] = builtin_class(S, type_names[TY_BOOL], S->types[TY_INT], TY_BOOL);
    /* types that cannot be subclassed in the simulator */
    static const int final[] = {TY_BOOL, TY_RANGE, TY_SLICE, TY_FUNCTION, TY_CELL, TY_METHOD, TY_BUILTIN,
                                TY_NONETYPE, TY_ELLIPSIS, TY_NOTIMPL, TY_GENERATOR, TY_COROUTINE,
                                TY_ASYNC_GENERATOR, TY_GREENLET,
#define X(k, s) k,
                                ITER_TYPE_IDS(X)
#undef X
    };
    for (size_t i = 0; i < ARRAY_LEN(final); i++) S->types[final[i]]->cflags |= CF_FINAL;
    static const int made_here[] = {
#define X(k, s) k,
        ITER_TYPE_IDS(X)
#undef X
    };
    for (size_t i = 0; i < ARRAY_LEN(made_here); i++) S->types[made_here[i]]->cflags |= CF_NO_INSTANCES;
    for (int i = 0; i < EXC_COUNT; i++) {
        Class *base = exc_table[i].parent < 0 ? object : S->exc[exc_table[i].parent];
        Class *c = builtin_class(S, exc_table[i].name, base, -1);
        c->cflags |= CF_EXCEPTION;
        c->payload = &exc_payload_ops;
        S->exc[i] = c;
    }
    /* exceptions that live in modules print with their module name */
    S->exc[EXC_QueueEmpty]->module = str_from_c(S, "_queue");
    S->exc[EXC_QueueFull]->module = str_from_c(S, "queue");
    S->exc[EXC_BrokenBarrierError]->module = str_from_c(S, "threading");
    S->exc[EXC_CancelledError]->module = str_from_c(S, "asyncio.exceptions");
    S->exc[EXC_InvalidStateError]->module = str_from_c(S, "asyncio.exceptions");
    S->exc[EXC_QueueEmptyAio]->module = str_from_c(S, "asyncio.queues");
    S->exc[EXC_QueueFullAio]->module = str_from_c(S, "asyncio.queues");
    /* singletons */
    S->ellipsis = v_obj(obj_instance_new(S, S->types[TY_ELLIPSIS]));
    S->notimpl = v_obj(obj_instance_new(S, S->types[TY_NOTIMPL]));
}
