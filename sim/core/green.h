/* green.h - greenlets: stacks of a thread that switch among themselves
 * by explicit calls (the `greenlet` module gevent is built on).
 *
 * A greenlet is a context (task.h) like a generator's, but it has no
 * caller to return to: switch() suspends the running greenlet wherever it
 * is - any depth of Python frames, even inside a generator it drives - and
 * resumes another where that one switched away, the value passed becoming
 * the result of that switch() call.  A greenlet whose function returns
 * (or raises) passes the value (or the exception) to its parent.  Each
 * thread has a main greenlet: its own stack, made the first time the
 * thread asks for the current greenlet.
 *
 * The Python side (sim/py/greenlet.py) is the greenlet class; these are
 * the natives it calls.  Switching is done by the VM itself (NF_RESUMES,
 * RESUME_GSWITCH / RESUME_GTHROW): a switch from code run nested by C
 * cannot leave that C call, and raises instead. */
#ifndef IL_GREEN_H
#define IL_GREEN_H

#include "gen.h"

typedef struct Green {
    Gen g;                /* kind K_GREEN: g.ctx its stack (unused by a main
                             greenlet), g.leaf where it switched away, g.state */
    Value owner;          /* the greenlet.greenlet object, or None */
    struct Green *parent; /* who gets its result; NULL for a main greenlet */
    Task *thread;         /* the thread whose stacks it switches among */
    bool main;
} Green;

/* The VM runs a switch: the running greenlet suspends at caller (the
 * call's result slot on top), to resumes with v as its switch()'s value
 * or with thrown raised there (defined: a throw).  A dead target passes
 * the switch on to its parent.  The context to run, or NULL with an
 * exception (errcls: greenlet.error, for a greenlet of another thread). */
Ctx *green_switch(Task *T, Ctx *caller, Green *to, Value v, Value thrown, Value errcls);
/* The base frame of greenlet context c returned r, or raised T->exc (r
 * undefined): the greenlet is dead, its parent (or the first one alive
 * above it) resumes with r or the exception. */
Ctx *green_exit(Task *T, Ctx *c, Value r);

/* the natives of the greenlet module (sim/lib/mod_drivers.c names them) */
int green_new_n(Task *T, Value *args, int nargs, Tuple *kw, Value *out);
int green_switch_n(Task *T, Value *args, int nargs, Tuple *kw, Value *out);
int green_throw_n(Task *T, Value *args, int nargs, Tuple *kw, Value *out);
int green_current_n(Task *T, Value *args, int nargs, Tuple *kw, Value *out);
int green_info_n(Task *T, Value *args, int nargs, Tuple *kw, Value *out);
int green_set_n(Task *T, Value *args, int nargs, Tuple *kw, Value *out);

void green_trace(Sim *S, Obj *o);
void green_free(Sim *S, Obj *o);

#endif
