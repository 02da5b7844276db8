/* gil.c - one GIL per process, after CPython's ceval_gil.c ("new GIL").
 *
 *  - A thread that finds the GIL free takes it at once (no queue).
 *  - A waiter waits one switch interval; if that wait timed out, the GIL is
 *    still held and no switch happened meanwhile, it sets the drop request.
 *  - The holder notices the request only at eval-breaker checks (backward
 *    jumps, calls and returns; every op with `preempt: every_op`), drops
 *    the GIL, and - because the drop was forced - may not take it again
 *    until another thread has held it.
 *  - A dropped GIL is signalled to one waiter (FIFO; seeded random with
 *    jitter), who wakes `gil_handoff` later and takes it if it is still
 *    free.  Meanwhile another thread may barge in.
 *  - Blocking calls and thread exit drop it voluntarily.
 * The convoy effect follows from these rules alone.  In a controlled run
 * (sched.h) the schedule decides instead: no intervals, no handoffs. */
#include "gil.h"

bool gil_on(Sim *S) { return settings_gil_on(&S->set); }

int64_t gil_interval(Proc *P)
{
    return P->switch_interval ? P->switch_interval : P->S->set.v[SET_switch_interval];
}

static void remove_waiter(ProcSched *ps, Task *T)
{
    if (!T->st->gil_waiting) return;
    sched_waitq_remove(&ps->gil_waiters, T);
    T->st->gil_waiting = false;
    T->st->interval_deferred = false;
    T->st->gil_timer_seq++;
}

/* May T take the GIL now? (free, and not forbidden by forced switching) */
static bool may_take(ProcSched *ps, Task *T)
{
    if (ps->gil_holder) return false;
    if (T->st->forced && ps->last_holder == T) return false;
    return true;
}

static void start_interval(Sim *S, Task *T, int64_t at)
{
    SchedTask *st = T->st;
    /* a controlled run switches where its schedule says, never on a drop
     * request (sched.h) */
    if (sched_controlled(S)) return;
    st->gil_wait_switch = T->proc->ps->switch_no;
    st->gil_timer_seq++;
    sched_timer(S, at + gil_interval(T->proc), SE_GIL_TIMER, T, st->gil_timer_seq);
}

/* A thread forced off the GIL waits in CPython's drop_gil until another
 * thread has taken it, and only then starts its own interval: start the
 * intervals of such waiters now that the switch happened. */
static void start_deferred_intervals(Sim *S, ProcSched *ps, int64_t at)
{
    for (size_t i = 0; i < ps->gil_waiters.n; i++) {
        Task *W = ps->gil_waiters.v[i];
        if (W->st->interval_deferred) {
            W->st->interval_deferred = false;
            start_interval(S, W, at);
        }
    }
}

bool gil_try_take(Task *T, int64_t at)
{
    Sim *S = T->S;
    ProcSched *ps = T->proc->ps;
    if (ps->gil_holder == T) return true;
    if (!may_take(ps, T)) return false;
    remove_waiter(ps, T);
    Task *prev = ps->last_holder;
    ps->gil_holder = T;
    if (prev != T) {
        ps->last_holder = T;
        ps->switch_no++;
        ps->gil_switches++;
    }
    /* a new holder starts without a pending drop request */
    ps->drop_request = false;
    if (prev != T) start_deferred_intervals(S, ps, at);
    T->breaker = false;
    T->st->forced = false;
    trace_event(S->trace, at, T->st->tid, EV_GIL_TAKE, ps->tid, prev ? prev->st->tid : -1, 0);
    return true;
}

/* Signal one eligible waiter that the GIL is free. */
static void signal_waiter(Sim *S, Proc *P, int64_t at)
{
    ProcSched *ps = P->ps;
    if (ps->gil_holder || ps->handoff || sched_controlled(S)) return;
    Task *eligible[64];
    int n = 0;
    for (size_t i = 0; i < ps->gil_waiters.n && n < 64; i++)
        if (may_take(ps, ps->gil_waiters.v[i])) eligible[n++] = ps->gil_waiters.v[i];
    if (!n) return;
    Task *W = eligible[0];
    if (S->set.f[SET_jitter] > 0) W = eligible[sched_rand(S) % (uint64_t)n];
    ps->handoff = W;
    sched_timer(S, at + S->set.v[SET_gil_handoff], SE_GIL_HANDOFF, W, 0);
}

void gil_wait(Task *T, int64_t at, int reason)
{
    Sim *S = T->S;
    Proc *P = T->proc;
    ProcSched *ps = P->ps;
    SchedTask *st = T->st;
    if (!st->gil_waiting) {
        st->gil_waiting = true;
        BUF_PUSH(ps->gil_waiters, T);
        trace_event(S->trace, at, st->tid, EV_GIL_REQUEST, ps->tid, ps->gil_holder ? ps->gil_holder->st->tid : -1, 0);
    }
    st->interval_deferred = st->forced && ps->last_holder == T;
    if (st->interval_deferred) st->gil_timer_seq++; /* cancel a running one */
    else start_interval(S, T, at);
    sched_set_state(S, T, TS_GILWAIT, reason, -1, at);
    st->waits_for = ps->gil_holder;
    signal_waiter(S, P, at);
}

void gil_drop(Task *T, int64_t at, int kind)
{
    Sim *S = T->S;
    Proc *P = T->proc;
    ProcSched *ps = P->ps;
    if (ps->gil_holder != T) return;
    ps->gil_holder = NULL;
    T->breaker = false;
    if (kind == DROP_FORCED) {
        /* FORCE_SWITCHING: no retaking before another thread held it */
        T->st->forced = true;
        ps->forced_switches++;
    }
    trace_event(S->trace, at, T->st->tid, EV_GIL_DROP, ps->tid, kind, 0);
    signal_waiter(S, P, at);
}

void gil_handoff(Sim *S, Task *W, int64_t at)
{
    Proc *P = W->proc;
    ProcSched *ps = P->ps;
    if (ps->handoff == W) ps->handoff = NULL;
    if (W->st->done || !W->st->gil_waiting) {
        signal_waiter(S, P, at);
        return;
    }
    if (gil_try_take(W, at)) {
        W->st->waits_for = NULL;
        sched_make_ready(S, W, R_READY_GIL, at);
    }
    /* else someone barged in: W keeps waiting, its interval running */
}

void gil_timer(Sim *S, Task *T, uint32_t seq, int64_t at)
{
    SchedTask *st = T->st;
    if (st->done || !st->gil_waiting || st->gil_timer_seq != seq) return;
    Proc *P = T->proc;
    ProcSched *ps = P->ps;
    Task *H = ps->gil_holder;
    if (H && ps->switch_no == st->gil_wait_switch && !ps->drop_request) {
        ps->drop_request = true;
        H->breaker = true;
        trace_event(S->trace, at, st->tid, EV_GIL_DROP_REQUEST, ps->tid, H->st->tid, 0);
    }
    /* wait another interval */
    start_interval(S, T, at);
    if (!H) signal_waiter(S, P, at);
}
