/* gen.h - generator objects (generator expressions) and coroutine objects
 * (K_CORO: `async def` calls, and C-made ones such as asyncio.sleep's).
 * Both own a context (their own frame stack); a generator's next() runs
 * that context on the calling task until it yields, and an await switches
 * into a coroutine's context (aio.h). */
#ifndef IL_GEN_H
#define IL_GEN_H

#include "vm.h"

/* A generator runs either nested (next() from C: atomic), or - when a for
 * loop or a builtin that consumes it drives it - as a sub-context of the
 * task: the task's current context switches into the generator's and back,
 * so the generator's body may block like any code. */
typedef struct Gen {
    Obj h;
    int state;            /* GEN_* */
    int native;           /* CORO_PY, or what a C-made coroutine does */
    Str *name;
    Str *qualname;
    Code *site;           /* where it was created (never-awaited warning) */
    int32_t site_line;
    uint32_t site_pc;
    union {
        struct {              /* C-made coroutines (asyncio.sleep, an async generator's asend) */
            int nstate;           /* progress; CORO_ASEND: the AGEN_* operation */
            int64_t delay;        /* CORO_SLEEP: its delay */
            Value nres, nfut, nth;/* CORO_SLEEP: result, future, timer handle;
                                     CORO_ASEND: the async generator, the value sent
                                     or the exception thrown, anext()'s default */
        };
        struct {              /* generators and Python coroutines */
            int mode;             /* GM_*: how it is being driven */
            Code *code;           /* the function's code (for reprs once it ended) */
            Ctx *parent;          /* the context to return to */
            List *collect;        /* GM_COLLECT: the items so far */
            Value *slot;          /* GM_COLLECT: the call argument to replace */
            int aop;              /* K_AGEN: the AGEN_* operation awaited now */
            Value dflt;           /* K_AGEN: anext()'s default for it, or V_UNDEF */
            Ctx *leaf;            /* K_CORO driven by send(): the context its chain trapped in */
            int trap;             /* ... and how (TRAP_*) */
            Ctx ctx;
        };
    };
} Gen;

/* A generator's first chunk holds at least this many values (vm.c's
 * chunk_new starts generators' chunks at this size too) */
#define GEN_MIN_VALUES 4

/* C-made coroutines are allocated without the Python part */
#define GEN_NATIVE_SIZE (offsetof(Gen, nth) + sizeof(Value))


enum { GEN_CREATED, GEN_SUSPENDED, GEN_RUNNING, GEN_DONE };
/* How a generator's or coroutine's context is being run: nested from C,
 * by a FOR_ITER, by a call that collects it, by the SEND of a `yield
 * from`, by a call of next(g), g.send(v) or g.throw(e) in bytecode (its
 * value is the call's result); a coroutine awaited by another (its
 * parent), or a task's outermost coroutine (its parent is the context
 * running the event loop).  All but GM_NESTED run on the task like any
 * code, so a generator's body may block. */
enum { GM_NESTED, GM_FORITER, GM_COLLECT, GM_SEND, GM_CALL, GM_AWAIT, GM_TASK };
enum { CORO_PY, CORO_SLEEP, CORO_ASEND };
/* What awaiting an async generator's asend object does (its __anext__,
 * asend, athrow, aclose). */
enum { AGEN_SEND, AGEN_THROW, AGEN_CLOSE };

/* A coroutine leaves GEN_CREATED (it was awaited, or closed): the count
 * of never-started ones lets the exit check skip the heap walk. */
static inline void gen_coro_started(Sim *S, Gen *g)
{
    if (g->h.kind == K_CORO && g->state == GEN_CREATED) S->coros_unstarted--;
}

/* Calling a generator-expression (or coroutine) function. */
int gen_create(Task *T, Func *fn, Value *args, int nargs, Tuple *kwnames, Value *out);
/* A new generator or coroutine object (kind K_GEN or K_CORO) whose context
 * runs fn(*args); NULL with an exception.  fn NULL: a C-made coroutine. */
Gen *gen_new(Task *T, int kind, Func *fn, Value *args, int nargs, Tuple *kwnames);
/* Switch T into g's context, run by parent in mode GM_*, with sent as the
 * value of the yield it is suspended at; returns it. */
Ctx *gen_enter(Task *T, Gen *g, Ctx *parent, int mode, Value sent);
/* Leave the context c (of a generator) back to its parent, which is
 * returned; GEN_DONE frees the context. */
Ctx *gen_leave(Task *T, Ctx *c, int state);
/* 1 with *out, 0 when exhausted, -1 with an exception on T. */
int gen_next(Task *T, Gen *g, Value *out);
/* Resume g nested (atomically) with sent as the value of its yield, or
 * with the exception thrown raised there (undefined: none): 1 when it
 * yielded *out, 0 when it returned *out, -1 with an exception on T. */
int gen_resume(Task *T, Gen *g, Value sent, Value thrown, Value *out);
/* Can g take a value now (not running, not done; None only before it
 * starts)?  0, or -1 with CPython's exception raised. */
int gen_check_send(Task *T, Gen *g, Value sent);
/* The exception g.throw(type[, value[, tb]]) throws, from its arguments:
 * 0 with *out, or -1 with an exception on T. */
int gen_throw_exc(Task *T, Value *args, int nargs, Value *out);
/* g.close(): GeneratorExit thrown in at its yield (nested), so its finally
 * blocks run.  0, or -1 with an exception on T. */
int gen_close(Task *T, Gen *g);
/* ---- async generators ----
 * An async generator (K_AGEN) is awaited through the objects its
 * __anext__, asend, athrow and aclose return (K_CORO with native
 * CORO_ASEND): awaiting one switches into the generator's context like
 * awaiting a coroutine (GM_AWAIT), and the generator's next yield comes
 * back as the await's value, its end as StopAsyncIteration. */
/* The awaitable for operation aop (AGEN_*) with v (sent, or thrown). */
Value gen_asend_new(Task *T, Value agen, int aop, Value v, Value dflt);
/* Await asend object a (on top of c's stack): switches into its
 * generator and returns the context to run, or returns c itself when the
 * await is over at once (its result replaces a), or NULL with an
 * exception on T. */
Ctx *gen_asend_await(Task *T, Ctx *c, Gen *a);
/* The async generator of context c yielded value / returned / raised
 * (T->exc): back to the awaiting context, which is returned, with the
 * await's value in place or an exception pending on T. */
Ctx *gen_agen_yield(Task *T, Ctx *c, Value value);
Ctx *gen_agen_return(Task *T, Ctx *c);
Ctx *gen_agen_raise(Task *T, Ctx *c);
/* StopIteration(value), for a generator that returned value. */
Value gen_stop_iteration(Task *T, Value value);
void gen_trace(Sim *S, Obj *o);
/* Mark the generators and coroutines whose contexts lead from leaf up
 * (a running chain: next(g) from bytecode leaves g on no stack). */
void gen_mark_chain(Sim *S, Ctx *leaf);
/* The attributes of generator and coroutine objects (__name__, close...). */
void gen_register(Sim *S);
void gen_free(Sim *S, Obj *o);

/* ---- the await opcodes and the drivers ----
 * The core finishes what it can of an await: a coroutine runs inside the
 * awaiting one (GM_AWAIT), an async generator's asend object enters the
 * generator, an object's __await__ generator runs like a coroutine (its
 * return value is the await's).  What it cannot finish - a future, a
 * C-made coroutine, a value an __await__ generator yields - is a *trap*
 * for whatever drives the chain's outermost coroutine (its root):
 *  - a Python driver that steps it with coro.send(v) / coro.throw(e)
 *    from bytecode (trio's and gevent's run loops in sim/py; mode
 *    GM_CALL): the whole chain suspends, the trap comes out of send() as
 *    its value, and the next send's value is the trapped await's;
 *  - a driver in C (asyncio's event loop; mode GM_TASK), installed on the
 *    thread while it runs (Task.driver) with these operations. */
enum { AIO_CONTINUE, AIO_ERROR, AIO_RERAISE, AIO_RELOAD, AIO_LEAVE };
enum { TRAP_AWAIT, TRAP_YIELD };  /* at an AWAIT; at an __await__ generator's yield */
typedef struct AwaitDriver {
    /* The chain whose leaf context is leaf traps v: AIO_CONTINUE with the
     * await's value in place of v, AIO_RELOAD when T->cur changed,
     * AIO_ERROR with an exception on T. */
    int (*trap)(Task *T, Ctx *leaf, Value v, int kind);
    /* The root coroutine of context c (GM_TASK) returned r, or raised
     * T->exc (r undefined): the context to run next. */
    Ctx *(*task_exit)(Task *T, Ctx *c, Value r);
    /* Optional: the leaf's frame is at `await asyncio.sleep(0)`, its CALL
     * charged and its pc past it, the next two ops GET_AWAITABLE and
     * AWAIT, whose costs are charge: the call's coroutine into *slot (the
     * call's result slot), and the three ops' work done as they would
     * do it, charged and counted as them, ending as trap would
     * (AIO_RELOAD); or -1, and nothing done, when the driver does not
     * take it. */
    int (*sleep0)(Task *T, Ctx *leaf, Value *slot, int64_t charge);
} AwaitDriver;

/* `await asyncio.sleep(0)`, the commonest await of all, straight to the
 * driver of c's chain (AwaitDriver.sleep0): AIO_* or -1 as that op. */
int gen_await_sleep0(Task *T, Ctx *c, Value *slot, int64_t charge);

/* An __await__ generator (mode GM_AWAIT) in context c yields v: a trap. */
int gen_trap_yield(Task *T, Ctx *c, Value v);
/* Run g as the call next(g) / g.send(sent) / coro.send(sent) / .throw()
 * from caller's frame (whose stack is at the call's base): the context
 * to run (thrown, if defined, is raised there at once by the VM). */
Ctx *gen_drive(Task *T, Gen *g, Ctx *caller, Value sent, Value thrown);
/* GET_AWAITABLE, AWAIT, GET_AITER, GET_ANEXT, END_ASYNC_FOR on the task's
 * current context: AIO_* (AIO_LEAVE never: it is the drivers' only). */
int gen_await_op(Task *T, int op);
/* The base frame of coroutine context c (mode GM_AWAIT: a coroutine, or
 * an __await__ generator, awaited by another) returned r, or raised T->exc
 * (r undefined; it stays on T to propagate): back to the awaiter. */
Ctx *gen_await_exit(Task *T, Ctx *c, Value r);

/* Calling an `async def` function: a coroutine object. */
int gen_coro_create(Task *T, Func *fn, Value *args, int nargs, Tuple *kwnames, Value *out);
/* Remember where the running code is, for the never-awaited warning. */
void gen_note_site(Task *T, Gen *g);
/* Print RuntimeWarnings for coroutine objects never awaited (at exit). */
void gen_warn_unawaited(Sim *S);

/* Push fn(*args) as the base frame of T->cur without generator/coroutine
 * wrapping (vm.c). */
int vm_push_func(Task *T, Func *fn, Value *args, int nargs, Tuple *kwnames);

#endif
