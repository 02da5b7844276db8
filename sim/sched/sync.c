/* sync.c - threading.Lock, RLock, Condition, Semaphore, BoundedSemaphore,
 * Event, Barrier, and queue.Queue / LifoQueue / PriorityQueue /
 * SimpleQueue, with CPython's semantics and messages.
 *
 * Waking does not hand anything over: a woken waiter runs again (after the
 * OS wake-up latency, and once it has the GIL) and retries.  So a thread
 * that releases a lock and asks for it again at once usually gets it back
 * before the waiter wakes - the barging CPython shows. */
#include "sync.h"
#include "dict.h"
#include "gc.h"
#include "list.h"
#include "native.h"
#include "proc.h"
#include "str.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static void sync_mark(Sim *S, void *p)
{
    SyncObj *o = p;
    gc_mark_value(S, o->lock);
    gc_mark_value(S, o->items);
}

static void sync_free(Sim *S, void *p)
{
    (void)S;
    SyncObj *o = p;
    BUF_FREE(o->waiters);
    BUF_FREE(o->putters);
    BUF_FREE(o->joiners);
    free(o);
}

/* A shared (multiprocessing) lock is one object for every process; fork
 * copies a thread lock with its state (a lock held by another thread
 * stays locked in the child, as in CPython); a pickle refuses. */
static int sync_clone(Copier *C, Value v, Value *out)
{
    Instance *in = AS_INST(v);
    SyncObj *so = in->payload;
    if (so && so->shared) {
        proc_copy_bytes(C, 16);
        *out = v;
        return 0;
    }
    Task *T = proc_copy_task(C);
    if (proc_copy_mode(C) != COPY_FORK) return exc_raise(T, EXC_TypeError, "cannot pickle '_thread.lock' object");
    if (!so) return proc_copy_instance(C, v, NULL, out);
    Sim *S = T->S;
    Instance *n = obj_instance_new(S, in->cls);
    SyncObj *sn = xcalloc(1, sizeof *sn);
    *sn = *so;
    memset(&sn->waiters, 0, sizeof sn->waiters);
    memset(&sn->putters, 0, sizeof sn->putters);
    memset(&sn->joiners, 0, sizeof sn->joiners);
    sn->obj = trace_add_obj(S->trace, so->kind, proc_copy_dst(C)->ps->tid, T->clock);
    n->payload = sn;
    proc_copy_memo(C, v, v_obj(n));
    if (proc_copy_nested(C, so->items, &sn->items) < 0 || proc_copy_nested(C, so->lock, &sn->lock) < 0) return -1;
    if (proc_copy_dict(C, v, v_obj(n)) < 0) return -1;
    *out = v_obj(n);
    return 0;
}

static int sync_trace_obj(Value v)
{
    SyncObj *o = AS_INST(v)->payload;
    return o ? o->obj : -1;
}

const PayloadOps sync_payload_ops = {"sync", sync_mark, sync_free, sync_clone, sync_trace_obj, NULL, false, false};

SyncObj *sync_of(Sim *S, Value v)
{
    (void)S;
    if (!is_instance(v)) return NULL;
    Instance *in = AS_INST(v);
    if (in->cls->payload != &sync_payload_ops || !in->payload) return NULL;
    return in->payload;
}

static SyncObj *self_sync(Task *T, Value *args, int nargs, const char *what)
{
    SyncObj *o = nargs ? sync_of(T->S, args[0]) : NULL;
    if (!o) exc_raise(T, EXC_TypeError, "%s needs a %s instance", what, what);
    return o;
}

/* ---- construction: each class's ctor makes the instance and payload ---- */

static Value new_sync(Task *T, Class *cls, int kind)
{
    Instance *in = obj_instance_new(T->S, cls);
    SyncObj *o = xcalloc(1, sizeof *o);
    o->kind = kind;
    o->lock = v_undef();
    o->items = v_undef();
    o->obj = sched_new_obj(T, kind);
    in->payload = o;
    return v_obj(in);
}

/* ---- Lock / RLock ---- */

static int acquire_impl(Task *T, SyncObj *L, bool blocking, int64_t deadline, bool *got)
{
    *got = false;
    if (L->kind == OBJ_RLOCK && L->owner == T) {
        L->count++;
        *got = true;
        return NAT_OK;
    }
    if (!L->owner) {
        L->owner = T;
        L->count = 1;
        T->st->waits_for = NULL;
        sched_event(T, EV_LOCK_ACQUIRE, L->obj, 0);
        *got = true;
        return NAT_OK;
    }
    if (!blocking || (T->retry && T->st->timed_out) || (deadline >= 0 && T->clock >= deadline)) {
        T->st->waits_for = NULL;
        return NAT_OK;
    }
    T->st->waits_for = L->owner;
    return sched_block(T, &L->waiters, L->kind == OBJ_RLOCK ? R_RLOCK : R_LOCK, L->obj, deadline);
}

static void release_impl(Task *T, SyncObj *L)
{
    L->owner = NULL;
    L->count = 0;
    sched_event(T, EV_LOCK_RELEASE, L->obj, 0);
    sched_wake_one(T->S, &L->waiters, T, L->obj);
}

int sync_lock_acquire(Task *T, Value lock, bool blocking, int64_t deadline, bool *got)
{
    SyncObj *L = sync_of(T->S, lock);
    if (!L) return exc_raise(T, EXC_TypeError, "not a lock");
    return acquire_impl(T, L, blocking, deadline, got);
}

int sync_lock_release(Task *T, Value lock)
{
    SyncObj *L = sync_of(T->S, lock);
    if (!L) return exc_raise(T, EXC_TypeError, "not a lock");
    if (!L->owner) return exc_raise(T, EXC_RuntimeError, "release unlocked lock");
    if (L->kind == OBJ_RLOCK) {
        if (L->owner != T) return exc_raise(T, EXC_RuntimeError, "cannot release un-acquired lock");
        if (--L->count > 0) return NAT_OK;
    }
    release_impl(T, L);
    return NAT_OK;
}

NATIVE(lock_new)
{
    if (nat_count(T, "Lock", nargs - 1, kw, 0, 0) < 0) return NAT_ERR;
    *out = new_sync(T, AS_CLASS(args[0]), OBJ_LOCK);
    return NAT_OK;
}

NATIVE(rlock_new)
{
    if (nat_count(T, "RLock", nargs - 1, kw, 0, 0) < 0) return NAT_ERR;
    *out = new_sync(T, AS_CLASS(args[0]), OBJ_RLOCK);
    return NAT_OK;
}

NATIVE(lock_acquire)
{
    SyncObj *L = self_sync(T, args, nargs, "acquire");
    if (!L) return NAT_ERR;
    if (T->retry == 0) {
        Value a[2];
        if (nat_parse(T, "acquire", args + 1, nargs - 1, kw, "|blocking,timeout", a) < 0) return NAT_ERR;
        int blocking = 1;
        if (!is_undef(a[0]) && (blocking = obj_truthy(T, a[0])) < 0) return NAT_ERR;
        int64_t dl = -1;
        if (!is_undef(a[1])) {
            double to = is_float(a[1]) ? a[1].u.f : is_intlike(a[1]) ? (double)a[1].u.i : -2;
            if (to == -2) return exc_raise(T, EXC_TypeError, "timeout must be a number");
            if (!blocking && to != -1) return exc_raise(T, EXC_ValueError, "can't specify a timeout for a non-blocking call");
            if (to < 0 && to != -1) return exc_raise(T, EXC_ValueError, "timeout value must be a non-negative number");
            if (to >= 0) dl = T->clock + secs_to_ns(to);
        }
        T->deadline = dl;
        T->phase = blocking;
    }
    bool got;
    int r = acquire_impl(T, L, T->phase, T->deadline, &got);
    if (r != NAT_OK) return r;
    *out = v_bool(got);
    return NAT_OK;
}

NATIVE(lock_enter)
{
    SyncObj *L = self_sync(T, args, nargs, "__enter__");
    if (!L) return NAT_ERR;
    bool got;
    int r = acquire_impl(T, L, true, -1, &got);
    if (r != NAT_OK) return r;
    *out = v_bool(true);
    return NAT_OK;
}

NATIVE(lock_release)
{
    if (nat_count(T, "release", nargs - 1, kw, 0, 0) < 0) return NAT_ERR;
    if (sync_lock_release(T, args[0]) != NAT_OK) return NAT_ERR;
    *out = v_none();
    return NAT_OK;
}

NATIVE(lock_exit)
{
    if (sync_lock_release(T, args[0]) != NAT_OK) return NAT_ERR;
    *out = v_none();
    return NAT_OK;
}

NATIVE(lock_locked)
{
    SyncObj *L = self_sync(T, args, nargs, "locked");
    if (!L) return NAT_ERR;
    *out = v_bool(L->owner != NULL);
    return NAT_OK;
}

NATIVE(lock_repr)
{
    SyncObj *L = self_sync(T, args, nargs, "__repr__");
    if (!L) return NAT_ERR;
    char buf[160];
    const char *cls = AS_INST(args[0])->cls->name->s;
    if (L->kind == OBJ_RLOCK)
        snprintf(buf, sizeof buf, "<%s %s object owner=%d count=%lld at 0x7f%010x>", L->owner ? "locked" : "unlocked",
                 cls, L->owner ? L->owner->id : 0, (long long)L->count, 0x2000 + L->obj * 0x40);
    else
        snprintf(buf, sizeof buf, "<%s %s object at 0x7f%010x>", L->owner ? "locked" : "unlocked", "_thread.lock",
                 0x2000 + L->obj * 0x40);
    (void)cls;
    *out = str_value(T->S, buf);
    return NAT_OK;
}

/* ---- Condition ---- */

NATIVE(cond_new)
{
    Value a[1];
    if (nat_parse(T, "Condition", args + 1, nargs - 1, kw, "|lock", a) < 0) return NAT_ERR;
    Value lock = a[0];
    if (is_undef(lock) || is_none(lock)) {
        Value cls = dict_get_str(sync_st(T->S)->threading, str_intern(T->S, "RLock", 5));
        lock = new_sync(T, AS_CLASS(cls), OBJ_RLOCK);
    } else if (!sync_of(T->S, lock)) {
        return exc_raise(T, EXC_TypeError, "Condition() needs a threading Lock or RLock in the simulator");
    }
    *out = new_sync(T, AS_CLASS(args[0]), OBJ_COND);
    ((SyncObj *)AS_INST(*out)->payload)->lock = lock;
    return NAT_OK;
}

static bool lock_owned_by(Task *T, Value lock)
{
    SyncObj *L = sync_of(T->S, lock);
    if (!L || !L->owner) return false;
    return L->kind == OBJ_LOCK || L->owner == T;
}

NATIVE(cond_acquire)
{
    SyncObj *C = self_sync(T, args, nargs, "acquire");
    if (!C) return NAT_ERR;
    SyncObj *L = sync_of(T->S, C->lock);
    if (T->retry == 0) {
        Value a[2];
        if (nat_parse(T, "acquire", args + 1, nargs - 1, kw, "|blocking,timeout", a) < 0) return NAT_ERR;
        int blocking = 1;
        if (!is_undef(a[0]) && (blocking = obj_truthy(T, a[0])) < 0) return NAT_ERR;
        int64_t dl = -1;
        if (!is_undef(a[1]) && sched_deadline(T, a[1], &dl) < 0) return NAT_ERR;
        T->deadline = dl;
        T->phase = blocking;
    }
    bool got;
    int r = acquire_impl(T, L, T->phase, T->deadline, &got);
    if (r != NAT_OK) return r;
    *out = v_bool(got);
    return NAT_OK;
}

NATIVE(cond_release)
{
    SyncObj *C = self_sync(T, args, nargs, "release");
    if (!C) return NAT_ERR;
    if (sync_lock_release(T, C->lock) != NAT_OK) return NAT_ERR;
    *out = v_none();
    return NAT_OK;
}

NATIVE(cond_enter)
{
    SyncObj *C = self_sync(T, args, nargs, "__enter__");
    if (!C) return NAT_ERR;
    bool got;
    int r = acquire_impl(T, sync_of(T->S, C->lock), true, -1, &got);
    if (r != NAT_OK) return r;
    *out = v_bool(true);
    return NAT_OK;
}

NATIVE(cond_exit)
{
    SyncObj *C = self_sync(T, args, nargs, "__exit__");
    if (!C) return NAT_ERR;
    if (sync_lock_release(T, C->lock) != NAT_OK) return NAT_ERR;
    *out = v_none();
    return NAT_OK;
}

/* The phases of Condition.wait, kept in T->phase across retries. */
enum { CW_START, CW_WAITING, CW_RELOCK };

/* One step of wait(): 1 done (result in *notified), 0 blocked (NAT_RETRY
 * returned through *rc), -1 error. */
static int cond_wait_step(Task *T, SyncObj *C, int64_t deadline, bool *notified, int *rc)
{
    SyncObj *L = sync_of(T->S, C->lock);
    if (T->phase == CW_START) {
        if (!lock_owned_by(T, C->lock)) return exc_raise(T, EXC_RuntimeError, "cannot wait on un-acquired lock");
        /* release the lock completely (an RLock may be held several times) */
        T->aux = L->count;
        release_impl(T, L);
        T->phase = CW_WAITING;
        *rc = sched_block(T, &C->waiters, R_COND, C->obj, deadline);
        return 0;
    }
    if (T->phase == CW_WAITING) {
        T->aux2 = !T->st->timed_out;
        T->phase = CW_RELOCK;
    }
    bool got;
    int r = acquire_impl(T, L, true, -1, &got);
    if (r == NAT_ERR) return -1;
    if (r == NAT_RETRY) {
        *rc = r;
        return 0;
    }
    L->count = T->aux > 0 ? T->aux : 1;
    *notified = T->aux2;
    return 1;
}

NATIVE(cond_wait)
{
    SyncObj *C = self_sync(T, args, nargs, "wait");
    if (!C) return NAT_ERR;
    if (T->retry == 0) {
        Value a[1];
        if (nat_parse(T, "wait", args + 1, nargs - 1, kw, "|timeout", a) < 0) return NAT_ERR;
        if (sched_deadline(T, a[0], &T->deadline) < 0) return NAT_ERR;
        T->phase = CW_START;
    }
    bool notified;
    int rc = NAT_OK;
    int s = cond_wait_step(T, C, T->deadline, &notified, &rc);
    if (s < 0) return NAT_ERR;
    if (s == 0) return rc;
    T->phase = 0;
    *out = v_bool(notified);
    return NAT_OK;
}

/* wait_for(predicate, timeout): the predicate runs (atomically) each time
 * the thread holds the lock again. */
NATIVE(cond_wait_for)
{
    SyncObj *C = self_sync(T, args, nargs, "wait_for");
    if (!C) return NAT_ERR;
    Value a[2];
    if (nat_parse(T, "wait_for", args + 1, nargs - 1, kw, "predicate|timeout", a) < 0) return NAT_ERR;
    if (T->retry == 0) {
        if (sched_deadline(T, a[1], &T->deadline) < 0) return NAT_ERR;
        T->phase = CW_START;
    }
    for (;;) {
        if (T->phase == CW_START) {
            Value r;
            if (vm_call(T, a[0], NULL, 0, NULL, &r) < 0) return NAT_ERR;
            int t = obj_truthy(T, r);
            if (t < 0) return NAT_ERR;
            bool expired = T->retry && T->st->timed_out;
            if (t || expired || (T->deadline >= 0 && T->clock >= T->deadline)) {
                T->phase = 0;
                *out = r;
                return NAT_OK;
            }
        }
        bool notified;
        int rc = NAT_OK;
        int s = cond_wait_step(T, C, T->deadline, &notified, &rc);
        if (s < 0) return NAT_ERR;
        if (s == 0) return rc;
        /* re-acquired: check the predicate again (a timed-out wait still
         * returns the predicate's last value) */
        T->phase = CW_START;
        if (!notified) T->st->timed_out = true;
    }
}

static int notify_impl(Task *T, Value *args, int nargs, Tuple *kw, int64_t n, const char *name)
{
    (void)kw;
    SyncObj *C = self_sync(T, args, nargs, name);
    if (!C) return NAT_ERR;
    if (!lock_owned_by(T, C->lock)) return exc_raise(T, EXC_RuntimeError, "cannot notify on un-acquired lock");
    sched_event(T, EV_NOTIFY, C->obj, (int)(n > (int64_t)C->waiters.n ? (int64_t)C->waiters.n : n));
    for (int64_t i = 0; i < n && C->waiters.n; i++) sched_wake_one(T->S, &C->waiters, T, C->obj);
    return NAT_OK;
}

NATIVE(cond_notify)
{
    int64_t n = 1;
    if (nargs > 1 && nat_arg_int(T, args[1], "notify", &n) < 0) return NAT_ERR;
    if (notify_impl(T, args, nargs, kw, n, "notify") != NAT_OK) return NAT_ERR;
    *out = v_none();
    return NAT_OK;
}

NATIVE(cond_notify_all)
{
    if (notify_impl(T, args, nargs, kw, INT64_MAX, "notify_all") != NAT_OK) return NAT_ERR;
    *out = v_none();
    return NAT_OK;
}

/* ---- Semaphore / BoundedSemaphore ---- */

static int sem_make(Task *T, Value *args, int nargs, Tuple *kw, Value *out, bool bounded)
{
    Value a[1];
    if (nat_parse(T, bounded ? "BoundedSemaphore" : "Semaphore", args + 1, nargs - 1, kw, "|value", a) < 0) return NAT_ERR;
    int64_t v = 1;
    if (!is_undef(a[0]) && nat_arg_int(T, a[0], "Semaphore", &v) < 0) return NAT_ERR;
    if (v < 0) return exc_raise(T, EXC_ValueError, "semaphore initial value must be >= 0");
    *out = new_sync(T, AS_CLASS(args[0]), OBJ_SEM);
    SyncObj *s = AS_INST(*out)->payload;
    s->count = v;
    s->bound = bounded ? v : -1;
    return NAT_OK;
}

NATIVE(sem_new) { return sem_make(T, args, nargs, kw, out, false); }
NATIVE(bsem_new) { return sem_make(T, args, nargs, kw, out, true); }

static int sem_acquire_impl(Task *T, SyncObj *s, bool blocking, int64_t deadline, bool *got)
{
    *got = false;
    if (s->count > 0) {
        s->count--;
        *got = true;
        sched_event(T, EV_LOCK_ACQUIRE, s->obj, (int)s->count);
        return NAT_OK;
    }
    if (!blocking || (T->retry && T->st->timed_out) || (deadline >= 0 && T->clock >= deadline)) return NAT_OK;
    return sched_block(T, &s->waiters, R_SEM, s->obj, deadline);
}

NATIVE(sem_acquire)
{
    SyncObj *s = self_sync(T, args, nargs, "acquire");
    if (!s) return NAT_ERR;
    if (T->retry == 0) {
        Value a[2];
        if (nat_parse(T, "acquire", args + 1, nargs - 1, kw, "|blocking,timeout", a) < 0) return NAT_ERR;
        int blocking = 1;
        if (!is_undef(a[0]) && (blocking = obj_truthy(T, a[0])) < 0) return NAT_ERR;
        if (!blocking && !is_undef(a[1]) && !is_none(a[1]))
            return exc_raise(T, EXC_ValueError, "can't specify timeout for non-blocking acquire");
        if (sched_deadline(T, a[1], &T->deadline) < 0) return NAT_ERR;
        T->phase = blocking;
    }
    bool got;
    int r = sem_acquire_impl(T, s, T->phase, T->deadline, &got);
    if (r != NAT_OK) return r;
    *out = v_bool(got);
    return NAT_OK;
}

NATIVE(sem_enter)
{
    SyncObj *s = self_sync(T, args, nargs, "__enter__");
    if (!s) return NAT_ERR;
    bool got;
    int r = sem_acquire_impl(T, s, true, -1, &got);
    if (r != NAT_OK) return r;
    *out = v_bool(true);
    return NAT_OK;
}

static int sem_release_impl(Task *T, SyncObj *s, int64_t n)
{
    if (n < 1) return exc_raise(T, EXC_ValueError, "n must be one or more");
    if (s->bound >= 0 && n > s->bound - s->count) return exc_raise(T, EXC_ValueError, "Semaphore released too many times");
    /* CPython's value is unbounded (and its notify loop runs n times) */
    if (s->count > INT64_MAX - n) return exc_raise(T, EXC_OverflowError, "semaphore value too large");
    s->count += n;
    sched_event(T, EV_LOCK_RELEASE, s->obj, (int)s->count);
    for (int64_t i = 0; i < n && s->waiters.n; i++) sched_wake_one(T->S, &s->waiters, T, s->obj);
    return NAT_OK;
}

NATIVE(sem_release)
{
    SyncObj *s = self_sync(T, args, nargs, "release");
    if (!s) return NAT_ERR;
    int64_t n = 1;
    if (nargs > 1 && nat_arg_int(T, args[1], "release", &n) < 0) return NAT_ERR;
    if (sem_release_impl(T, s, n) != NAT_OK) return NAT_ERR;
    *out = v_none();
    return NAT_OK;
}

NATIVE(sem_exit)
{
    SyncObj *s = self_sync(T, args, nargs, "__exit__");
    if (!s) return NAT_ERR;
    if (sem_release_impl(T, s, 1) != NAT_OK) return NAT_ERR;
    *out = v_none();
    return NAT_OK;
}

/* ---- Event ---- */

NATIVE(event_new)
{
    if (nat_count(T, "Event", nargs - 1, kw, 0, 0) < 0) return NAT_ERR;
    *out = new_sync(T, AS_CLASS(args[0]), OBJ_EVENT);
    return NAT_OK;
}

NATIVE(event_is_set)
{
    SyncObj *e = self_sync(T, args, nargs, "is_set");
    if (!e) return NAT_ERR;
    *out = v_bool(e->flag);
    return NAT_OK;
}

NATIVE(event_set)
{
    SyncObj *e = self_sync(T, args, nargs, "set");
    if (!e) return NAT_ERR;
    e->flag = true;
    sched_event(T, EV_NOTIFY, e->obj, (int)e->waiters.n);
    sched_wake_all(T->S, &e->waiters, T, e->obj);
    *out = v_none();
    return NAT_OK;
}

NATIVE(event_clear)
{
    SyncObj *e = self_sync(T, args, nargs, "clear");
    if (!e) return NAT_ERR;
    e->flag = false;
    *out = v_none();
    return NAT_OK;
}

NATIVE(event_wait)
{
    SyncObj *e = self_sync(T, args, nargs, "wait");
    if (!e) return NAT_ERR;
    if (T->retry == 0) {
        Value a[1];
        if (nat_parse(T, "wait", args + 1, nargs - 1, kw, "|timeout", a) < 0) return NAT_ERR;
        if (sched_deadline(T, a[0], &T->deadline) < 0) return NAT_ERR;
    }
    /* woken by set(): True even if the event was cleared since (CPython
     * returns what its Condition.wait said) */
    if (T->retry && !T->st->timed_out) {
        *out = v_bool(true);
        return NAT_OK;
    }
    if (e->flag || (T->retry && T->st->timed_out) || (T->deadline >= 0 && T->clock >= T->deadline)) {
        *out = v_bool(e->flag);
        return NAT_OK;
    }
    return sched_block(T, &e->waiters, R_EVENT, e->obj, T->deadline);
}

/* ---- Barrier ---- */

NATIVE(barrier_new)
{
    Value a[3];
    if (nat_parse(T, "Barrier", args + 1, nargs - 1, kw, "parties|action,timeout", a) < 0) return NAT_ERR;
    int64_t parties;
    if (nat_arg_int(T, a[0], "Barrier", &parties) < 0) return NAT_ERR;
    if (parties < 1) return exc_raise(T, EXC_ValueError, "parties must be > 0");
    *out = new_sync(T, AS_CLASS(args[0]), OBJ_BARRIER);
    SyncObj *b = AS_INST(*out)->payload;
    b->bound = parties;
    b->lock = is_undef(a[1]) ? v_none() : a[1];
    b->maxsize = -1;
    if (!is_undef(a[2]) && !is_none(a[2])) {
        double to;
        if (nat_arg_float(T, a[2], "Barrier", &to) < 0) return NAT_ERR;
        b->maxsize = secs_to_ns(to);
    }
    return NAT_OK;
}

static void barrier_break(Task *T, SyncObj *b)
{
    b->flag = true;
    sched_wake_all(T->S, &b->waiters, T, b->obj);
}

static int broken_barrier(Task *T)
{
    Value cls = dict_get_str(sync_st(T->S)->threading, str_intern(T->S, "BrokenBarrierError", 18));
    return exc_raise_value(T, exc_new(T, AS_CLASS(cls), NULL, 0));
}

NATIVE(barrier_wait)
{
    SyncObj *b = self_sync(T, args, nargs, "wait");
    if (!b) return NAT_ERR;
    if (T->retry == 0) {
        Value a[1];
        if (nat_parse(T, "wait", args + 1, nargs - 1, kw, "|timeout", a) < 0) return NAT_ERR;
        if (b->flag) return broken_barrier(T);
        int64_t dl = -1;
        if (!is_undef(a[0]) && !is_none(a[0])) {
            if (sched_deadline(T, a[0], &dl) < 0) return NAT_ERR;
        } else if (b->maxsize >= 0) {
            dl = T->clock + b->maxsize;
        }
        T->deadline = dl;
        T->aux = b->count++;       /* this thread's index */
        T->aux2 = b->generation;
        if (b->count == b->bound) {
            /* the last to arrive runs the action and releases everyone */
            if (!is_none(b->lock)) {
                Value r;
                if (vm_call(T, b->lock, NULL, 0, NULL, &r) < 0) {
                    barrier_break(T, b);
                    return NAT_ERR;
                }
            }
            b->count = 0;
            b->generation++;
            sched_event(T, EV_NOTIFY, b->obj, (int)b->waiters.n);
            sched_wake_all(T->S, &b->waiters, T, b->obj);
            *out = v_int(T->aux);
            return NAT_OK;
        }
    }
    if (b->generation != T->aux2) {
        *out = v_int(T->aux);
        return NAT_OK;
    }
    if (b->flag) return broken_barrier(T);
    if ((T->retry && T->st->timed_out) || (T->deadline >= 0 && T->clock >= T->deadline)) {
        barrier_break(T, b);
        return broken_barrier(T);
    }
    return sched_block(T, &b->waiters, R_BARRIER, b->obj, T->deadline);
}

NATIVE(barrier_abort)
{
    SyncObj *b = self_sync(T, args, nargs, "abort");
    if (!b) return NAT_ERR;
    barrier_break(T, b);
    *out = v_none();
    return NAT_OK;
}

NATIVE(barrier_reset)
{
    SyncObj *b = self_sync(T, args, nargs, "reset");
    if (!b) return NAT_ERR;
    if (b->waiters.n) barrier_break(T, b);
    b->flag = false;
    b->count = 0;
    b->generation++;
    *out = v_none();
    return NAT_OK;
}

NATIVE(barrier_parties)
{
    SyncObj *b = self_sync(T, args, nargs, "parties");
    if (!b) return NAT_ERR;
    *out = v_int(b->bound);
    return NAT_OK;
}

NATIVE(barrier_n_waiting)
{
    SyncObj *b = self_sync(T, args, nargs, "n_waiting");
    if (!b) return NAT_ERR;
    *out = v_int(b->count);
    return NAT_OK;
}

NATIVE(barrier_broken)
{
    SyncObj *b = self_sync(T, args, nargs, "broken");
    if (!b) return NAT_ERR;
    *out = v_bool(b->flag);
    return NAT_OK;
}

/* ---- queue.Queue and friends ---- */

static int queue_make(Task *T, Value *args, int nargs, Tuple *kw, Value *out, int qkind)
{
    Value a[1];
    int64_t maxsize = 0;
    if (qkind != 3) {
        if (nat_parse(T, "Queue", args + 1, nargs - 1, kw, "|maxsize", a) < 0) return NAT_ERR;
        if (!is_undef(a[0]) && nat_arg_int(T, a[0], "Queue", &maxsize) < 0) return NAT_ERR;
    } else if (nat_count(T, "SimpleQueue", nargs - 1, kw, 0, 0) < 0) {
        return NAT_ERR;
    }
    *out = new_sync(T, AS_CLASS(args[0]), OBJ_QUEUE);
    SyncObj *q = AS_INST(*out)->payload;
    q->maxsize = maxsize;
    q->qkind = qkind == 3 ? 0 : qkind;
    q->items = v_obj(list_new(T->S, 0));
    return NAT_OK;
}

NATIVE(queue_new) { return queue_make(T, args, nargs, kw, out, 0); }
NATIVE(lifo_new) { return queue_make(T, args, nargs, kw, out, 1); }
NATIVE(prio_new) { return queue_make(T, args, nargs, kw, out, 2); }
NATIVE(simple_new) { return queue_make(T, args, nargs, kw, out, 3); }

static int queue_exc(Task *T, const char *name)
{
    Value cls = dict_get_str(sync_st(T->S)->queue, str_intern(T->S, name, strlen(name)));
    return exc_raise_value(T, exc_new(T, AS_CLASS(cls), NULL, 0));
}

static int queue_push(Task *T, SyncObj *q, Value item)
{
    List *l = AS_LIST(q->items);
    if (q->qkind == 2) {
        /* a sorted insert keeps the smallest first (heapq's order for
         * distinct keys) */
        int64_t lo = 0, hi = l->n;
        while (lo < hi) {
            int64_t mid = (lo + hi) / 2;
            int lt = obj_lt(T, item, l->v[mid]);
            if (lt < 0) return -1;
            if (lt) hi = mid;
            else lo = mid + 1;
        }
        list_insert(T->S, l, lo, item);
    } else {
        list_append(T->S, l, item);
    }
    return 0;
}

static Value queue_pop(SyncObj *q)
{
    List *l = AS_LIST(q->items);
    Value v;
    if (q->qkind == 1) {
        v = l->v[--l->n];
    } else {
        v = l->v[0];
        memmove(l->v, l->v + 1, (size_t)(l->n - 1) * sizeof(Value));
        l->n--;
    }
    return v;
}

static int queue_put_impl(Task *T, SyncObj *q, Value item, bool block, int64_t deadline)
{
    List *l = AS_LIST(q->items);
    if (q->maxsize > 0 && l->n >= q->maxsize) {
        if (!block || (T->retry && T->st->timed_out) || (deadline >= 0 && T->clock >= deadline)) return queue_exc(T, "Full");
        return sched_block(T, &q->putters, R_QUEUE_PUT, q->obj, deadline);
    }
    if (queue_push(T, q, item) < 0) return NAT_ERR;
    q->unfinished++;
    sched_event(T, EV_QUEUE_PUT, q->obj, (int)l->n);
    sched_wake_one(T->S, &q->waiters, T, q->obj);
    return NAT_OK;
}

static int queue_get_impl(Task *T, SyncObj *q, bool block, int64_t deadline, Value *out)
{
    List *l = AS_LIST(q->items);
    if (l->n == 0) {
        if (!block || (T->retry && T->st->timed_out) || (deadline >= 0 && T->clock >= deadline)) return queue_exc(T, "Empty");
        return sched_block(T, &q->waiters, R_QUEUE_GET, q->obj, deadline);
    }
    *out = queue_pop(q);
    sched_event(T, EV_QUEUE_GET, q->obj, (int)l->n);
    sched_wake_one(T->S, &q->putters, T, q->obj);
    return NAT_OK;
}

static int queue_call_args(Task *T, Value *args, int nargs, Tuple *kw, const char *spec, const char *name, Value *a)
{
    if (T->retry) return 0;
    if (nat_parse(T, name, args + 1, nargs - 1, kw, spec, a) < 0) return -1;
    return 0;
}

NATIVE(queue_put)
{
    SyncObj *q = self_sync(T, args, nargs, "put");
    if (!q) return NAT_ERR;
    Value a[3] = {v_undef(), v_undef(), v_undef()};
    if (T->retry == 0) {
        if (queue_call_args(T, args, nargs, kw, "item|block,timeout", "put", a) < 0) return NAT_ERR;
        int block = 1;
        if (!is_undef(a[1]) && (block = obj_truthy(T, a[1])) < 0) return NAT_ERR;
        if (sched_deadline(T, block ? a[2] : v_undef(), &T->deadline) < 0) return NAT_ERR;
        T->phase = block;
    }
    /* the item is the first argument (positional or item=) */
    Value item = nat_npos(nargs - 1, kw) >= 1 ? args[1] : args[nargs - (kw ? (int)kw->n : 0)];
    if (nat_npos(nargs - 1, kw) < 1 && kw) {
        for (int k = 0; k < (int)kw->n; k++)
            if (str_eq_c(AS_STR(kw->v[k]), "item")) item = args[nat_npos(nargs, kw) + k];
    }
    int r = queue_put_impl(T, q, item, T->phase, T->deadline);
    if (r != NAT_OK) return r;
    *out = v_none();
    return NAT_OK;
}

NATIVE(queue_put_nowait)
{
    SyncObj *q = self_sync(T, args, nargs, "put_nowait");
    if (!q) return NAT_ERR;
    if (nat_count(T, "put_nowait", nargs - 1, kw, 1, 1) < 0) return NAT_ERR;
    int r = queue_put_impl(T, q, args[1], false, -1);
    if (r != NAT_OK) return r;
    *out = v_none();
    return NAT_OK;
}

NATIVE(queue_get)
{
    SyncObj *q = self_sync(T, args, nargs, "get");
    if (!q) return NAT_ERR;
    if (T->retry == 0) {
        Value a[2];
        if (queue_call_args(T, args, nargs, kw, "|block,timeout", "get", a) < 0) return NAT_ERR;
        int block = 1;
        if (!is_undef(a[0]) && (block = obj_truthy(T, a[0])) < 0) return NAT_ERR;
        if (sched_deadline(T, block ? a[1] : v_undef(), &T->deadline) < 0) return NAT_ERR;
        T->phase = block;
    }
    return queue_get_impl(T, q, T->phase, T->deadline, out);
}

NATIVE(queue_get_nowait)
{
    SyncObj *q = self_sync(T, args, nargs, "get_nowait");
    if (!q) return NAT_ERR;
    if (nat_count(T, "get_nowait", nargs - 1, kw, 0, 0) < 0) return NAT_ERR;
    return queue_get_impl(T, q, false, -1, out);
}

NATIVE(queue_qsize)
{
    SyncObj *q = self_sync(T, args, nargs, "qsize");
    if (!q) return NAT_ERR;
    *out = v_int(AS_LIST(q->items)->n);
    return NAT_OK;
}

NATIVE(queue_empty)
{
    SyncObj *q = self_sync(T, args, nargs, "empty");
    if (!q) return NAT_ERR;
    *out = v_bool(AS_LIST(q->items)->n == 0);
    return NAT_OK;
}

NATIVE(queue_full)
{
    SyncObj *q = self_sync(T, args, nargs, "full");
    if (!q) return NAT_ERR;
    *out = v_bool(q->maxsize > 0 && AS_LIST(q->items)->n >= q->maxsize);
    return NAT_OK;
}

NATIVE(queue_task_done)
{
    SyncObj *q = self_sync(T, args, nargs, "task_done");
    if (!q) return NAT_ERR;
    if (q->unfinished <= 0) return exc_raise(T, EXC_ValueError, "task_done() called too many times");
    if (--q->unfinished == 0) sched_wake_all(T->S, &q->joiners, T, q->obj);
    *out = v_none();
    return NAT_OK;
}

NATIVE(queue_join)
{
    SyncObj *q = self_sync(T, args, nargs, "join");
    if (!q) return NAT_ERR;
    if (q->unfinished == 0) {
        *out = v_none();
        return NAT_OK;
    }
    return sched_block(T, &q->joiners, R_QUEUE_JOIN, q->obj, -1);
}

/* ---- registration ---- */

static Class *sync_class(Sim *S, Dict *mod, const char *name, NativeFn ctor, const char *modname)
{
    Class *c = attr_class_new(S, str_intern(S, name, strlen(name)), NULL, NULL, NULL);
    c->payload = &sync_payload_ops;
    c->ctor = ctor;
    c->module = str_from_c(S, modname);
    dict_set_str(S, mod, c->name, v_obj(c));
    return c;
}

static void state_mark(Sim *S, void *p)
{
    SyncState *st = p;
    gc_mark_obj(S, (Obj *)st->threading);
    gc_mark_obj(S, (Obj *)st->queue);
}

static void state_free(Sim *S, void *p)
{
    (void)S;
    free(p);
}

static SyncState *state(Sim *S)
{
    static const SlotOps ops = {state_mark, state_free};
    if (!sync_st(S)) sim_slot_set(S, SLOT_THREADING, xcalloc(1, sizeof(SyncState)), &ops);
    return sync_st(S);
}

void sync_register_threading(Sim *S, Dict *th)
{
    state(S)->threading = th;
    static const MethodDef lockm[] = {
        {"acquire", lock_acquire}, {"release", lock_release}, {"locked", lock_locked},
        {"__enter__", lock_enter}, {"__exit__", lock_exit}, {"__repr__", lock_repr},
        {"acquire_lock", lock_acquire}, {"release_lock", lock_release},
    };
    Class *c = sync_class(S, th, "Lock", lock_new, "_thread");
    c->name = str_intern(S, "lock", 4);
    nat_def_methods(S, c, lockm, ARRAY_LEN(lockm));
    c = sync_class(S, th, "RLock", rlock_new, "_thread");
    nat_def_methods(S, c, lockm, ARRAY_LEN(lockm) - 2);
    static const MethodDef condm[] = {
        {"acquire", cond_acquire}, {"release", cond_release}, {"__enter__", cond_enter},
        {"__exit__", cond_exit}, {"wait", cond_wait}, {"wait_for", cond_wait_for},
        {"notify", cond_notify}, {"notify_all", cond_notify_all}, {"notifyAll", cond_notify_all},
    };
    c = sync_class(S, th, "Condition", cond_new, "threading");
    nat_def_methods(S, c, condm, ARRAY_LEN(condm));
    static const MethodDef semm[] = {
        {"acquire", sem_acquire}, {"release", sem_release}, {"__enter__", sem_enter}, {"__exit__", sem_exit},
    };
    c = sync_class(S, th, "Semaphore", sem_new, "threading");
    nat_def_methods(S, c, semm, ARRAY_LEN(semm));
    c = sync_class(S, th, "BoundedSemaphore", bsem_new, "threading");
    nat_def_methods(S, c, semm, ARRAY_LEN(semm));
    static const MethodDef evm[] = {
        {"is_set", event_is_set}, {"isSet", event_is_set}, {"set", event_set}, {"clear", event_clear},
        {"wait", event_wait},
    };
    c = sync_class(S, th, "Event", event_new, "threading");
    nat_def_methods(S, c, evm, ARRAY_LEN(evm));
    static const MethodDef barm[] = {{"wait", barrier_wait}, {"abort", barrier_abort}, {"reset", barrier_reset}};
    static const MethodDef barp[] = {{"parties", barrier_parties}, {"n_waiting", barrier_n_waiting}, {"broken", barrier_broken}};
    c = sync_class(S, th, "Barrier", barrier_new, "threading");
    nat_def_methods(S, c, barm, ARRAY_LEN(barm));
    for (size_t i = 0; i < ARRAY_LEN(barp); i++) nat_def_property(S, c, barp[i].name, barp[i].fn, NULL);
    dict_set_str(S, th, str_intern(S, "BrokenBarrierError", 18), v_obj(S->exc[EXC_BrokenBarrierError]));
}

void sync_register_queue(Sim *S, Dict *qm)
{
    state(S)->queue = qm;
    Class *c;
    static const MethodDef qmeth[] = {
        {"put", queue_put}, {"put_nowait", queue_put_nowait}, {"get", queue_get}, {"get_nowait", queue_get_nowait},
        {"qsize", queue_qsize}, {"empty", queue_empty}, {"full", queue_full}, {"task_done", queue_task_done},
        {"join", queue_join},
    };
    static const struct { const char *n; NativeFn ctor; } qs[] = {
        {"Queue", queue_new}, {"LifoQueue", lifo_new}, {"PriorityQueue", prio_new}, {"SimpleQueue", simple_new},
    };
    for (size_t i = 0; i < ARRAY_LEN(qs); i++) {
        c = sync_class(S, qm, qs[i].n, qs[i].ctor, "queue");
        nat_def_methods(S, c, qmeth, ARRAY_LEN(qmeth));
    }
    dict_set_str(S, qm, str_intern(S, "Empty", 5), v_obj(S->exc[EXC_QueueEmpty]));
    dict_set_str(S, qm, str_intern(S, "Full", 4), v_obj(S->exc[EXC_QueueFull]));
}
