/* gen.h - generator objects (generator expressions) and the await
 * operations.  A generator owns a context (its own frame stack); next()
 * runs that context on the calling task until it yields. */
#ifndef IL_GEN_H
#define IL_GEN_H

#include "vm.h"

/* A generator runs either nested (next() from C: atomic), or - when a for
 * loop or a builtin that consumes it drives it - as a sub-context of the
 * task: the task's current context switches into the generator's and back,
 * so the generator's body may block like any code. */
typedef struct Gen {
    Obj h;
    Ctx ctx;
    int state;            /* GEN_* */
    int mode;             /* GM_*: how it is being driven */
    Str *name;
    Str *qualname;        /* what repr() shows: "f.<locals>.<genexpr>" */
    Ctx *parent;          /* GM_FORITER/GM_COLLECT: the context to return to */
    List *collect;        /* GM_COLLECT: the items so far */
    Value *slot;          /* GM_COLLECT: the call argument to replace */
} Gen;

enum { GEN_CREATED, GEN_SUSPENDED, GEN_RUNNING, GEN_DONE };
enum { GM_NESTED, GM_FORITER, GM_COLLECT };

/* Calling a generator-expression (or coroutine) function. */
int gen_create(Task *T, Func *fn, Value *args, int nargs, Tuple *kwnames, Value *out);
/* 1 with *out, 0 when exhausted, -1 with an exception on T. */
int gen_next(Task *T, Gen *g, Value *out);
void gen_trace(Sim *S, Obj *o);
void gen_free(Sim *S, Obj *o);

/* The await family of opcodes (aio.c).  Returns one of AIO_*; with
 * AIO_LEAVE, *status says how vm_run must return. */
enum { AIO_CONTINUE, AIO_ERROR, AIO_RELOAD, AIO_LEAVE };
int aio_op(Task *T, int op, RunStatus *status);

/* Calling an `async def` function: a coroutine object (aio.c). */
int coro_create(Task *T, Func *fn, Value *args, int nargs, Tuple *kwnames, Value *out);

/* Push fn(*args) as the base frame of T->cur without generator/coroutine
 * wrapping (vm.c). */
int vm_push_func(Task *T, Func *fn, Value *args, int nargs, Tuple *kwnames);

#endif
