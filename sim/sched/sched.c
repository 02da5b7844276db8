/* sched.c - virtual cores, the OS scheduler, timers, blocking and waking,
 * thread and process lifecycles, deadlock detection.  See sched.h for the
 * time model and the tie-break rule. */
#include "sched.h"
#include "aio.h"
#include "dict.h"
#include "gc.h"
#include "gil.h"
#include "io.h"
#include "names.h"
#include "obj.h"
#include "repr.h"
#include "str.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* The debugger's questions, through its hooks (none: never pause). */
static bool dbg_pausing(Sim *S) { return S->hooks && S->hooks->pausing(S); }
static bool dbg_pause_before(Sim *S, int64_t t) { return S->hooks && S->hooks->pause_before(S, t); }
static int64_t dbg_stop_time(Sim *S) { return S->hooks ? S->hooks->stop_time(S) : -1; }

#define NEVER INT64_MAX

typedef struct SEvent {
    int64_t t;
    int kind;
    uint64_t seq;
    Task *task;
    int64_t a;
    SchedCallback fn;
    Value data;           /* SE_CALLBACK's argument (a GC root) */
} SEvent;

typedef struct Core {
    Task *task;
    int64_t t;            /* how far this core has simulated */
    int64_t busy;         /* time spent running bytecode */
} Core;

typedef struct Sched {
    Core *cores;
    int ncores;
    WaitQ ready;
    size_t ready_head;
    SEvent *heap;
    size_t nheap, capheap;
    uint64_t seq;
    uint64_t rng;
    int64_t now;          /* time of the event being processed */
    Task *current;        /* task whose bytecode (or native) is running */
    int procs_alive;      /* processes not yet exited (max_processes) */
    uint64_t ctx_switches;
    bool ended;
    int64_t end_time;
    bool begun;
    int resume_core;      /* a paused slice to go on with, or -1 */
    int64_t resume_limit;
    int64_t slice_limit;  /* the running slice's end, cut by new timers
                             (a pause zeroes the task's limit, not this) */
    /* a controlled run (sched.h): one task at a time, on core 0 */
    const SchedChoice *choice;
    bool at_switch;       /* core 0's task stopped at a switch point */
    bool one_op;          /* its slice runs one op with the breaker off */
    int64_t held_since;   /* when core 0's task got it */
} Sched;

static Sched *SCH(Sim *S) { return S->sched; }

/* ---- wait queues ---- */

static void waitq_push(WaitQ *q, Task *T) { BUF_PUSH(*q, T); }

void sched_waitq_remove(WaitQ *q, Task *T)
{
    for (size_t i = 0; i < q->n; i++)
        if (q->v[i] == T) {
            memmove(q->v + i, q->v + i + 1, (q->n - i - 1) * sizeof *q->v);
            q->n--;
            return;
        }
}

/* ---- timers: a binary heap on (t, kind, seq) ---- */

static bool ev_less(const SEvent *a, const SEvent *b)
{
    if (a->t != b->t) return a->t < b->t;
    if (a->kind != b->kind) return a->kind < b->kind;
    return a->seq < b->seq;
}

static void heap_push(Sched *sc, SEvent e)
{
    if (sc->nheap == sc->capheap) {
        sc->capheap = sc->capheap ? sc->capheap * 2 : 64;
        sc->heap = xrealloc(sc->heap, sc->capheap * sizeof *sc->heap);
    }
    size_t i = sc->nheap++;
    sc->heap[i] = e;
    while (i > 0) {
        size_t p = (i - 1) / 2;
        if (!ev_less(&sc->heap[i], &sc->heap[p])) break;
        SEvent t = sc->heap[i];
        sc->heap[i] = sc->heap[p];
        sc->heap[p] = t;
        i = p;
    }
}

static SEvent heap_pop(Sched *sc)
{
    SEvent top = sc->heap[0];
    sc->heap[0] = sc->heap[--sc->nheap];
    size_t i = 0;
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, m = i;
        if (l < sc->nheap && ev_less(&sc->heap[l], &sc->heap[m])) m = l;
        if (r < sc->nheap && ev_less(&sc->heap[r], &sc->heap[m])) m = r;
        if (m == i) break;
        SEvent t = sc->heap[i];
        sc->heap[i] = sc->heap[m];
        sc->heap[m] = t;
        i = m;
    }
    return top;
}

/* A timer earlier than the running task's slice end cuts the slice short,
 * so no core runs past an event it could be affected by. */
static void add_timer(Sched *sc, SEvent e)
{
    heap_push(sc, e);
    if (sc->current && e.t < sc->slice_limit) {
        sc->slice_limit = e.t;
        if (e.t < sc->current->limit) sc->current->limit = e.t;
    }
}

void sched_timer(Sim *S, int64_t at, int kind, Task *T, int64_t a)
{
    Sched *sc = SCH(S);
    SEvent e = {at, kind, sc->seq++, T, a, NULL, v_undef()};
    add_timer(sc, e);
}

void sched_callback(Sim *S, int64_t at, SchedCallback fn, Value data)
{
    Sched *sc = SCH(S);
    SEvent e = {at, SE_CALLBACK, sc->seq++, NULL, 0, fn, data};
    add_timer(sc, e);
}

uint64_t sched_rand(Sim *S)
{
    /* splitmix64: deterministic from the seed */
    Sched *sc = SCH(S);
    uint64_t z = (sc->rng += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/* A reproducible uniform number in [0, 1). */
static double unit_rand(Sim *S)
{
    return (double)(sched_rand(S) >> 11) / 9007199254740992.0;
}

/* Vary a duration by up to +-jitter (a fraction), reproducibly. */
static int64_t jittered(Sim *S, int64_t d)
{
    double j = S->set.f[SET_jitter];
    if (j <= 0 || d <= 0) return d;
    return (int64_t)((double)d * (1.0 + j * (2 * unit_rand(S) - 1)));
}

/* Lengthen a duration by up to +jitter: a sleep never ends early. */
static int64_t jittered_up(Sim *S, int64_t d)
{
    double j = S->set.f[SET_jitter];
    if (j <= 0 || d <= 0) return d;
    return d + (int64_t)((double)d * j * unit_rand(S));
}

/* ---- time ---- */

int64_t sched_now(Sim *S)
{
    Sched *sc = SCH(S);
    if (sc->current) return sc->current->clock;
    return sc->now;
}

Task *sched_current(Sim *S) { return SCH(S)->current; }

/* ---- states ---- */

void sched_set_state(Sim *S, Task *T, int state, int reason, int obj, int64_t at)
{
    SchedTask *st = T->st;
    if (at < st->since) at = st->since;
    st->time_in[st->state] += at - st->since;
    st->since = at;
    if (st->state == state && st->reason == reason && st->obj == obj) return;
    st->state = state;
    st->reason = reason;
    st->obj = obj;
    trace_state(S->trace, at, st->tid, state, state == TS_RUNNING ? st->core : -1, reason, obj);
    /* a coroutine task or greenlet in the middle of a step shares its
     * thread's fate: a blocking call inside it blocks it too */
    if (T->subtask >= 0) trace_state(S->trace, at, T->subtask, state, state == TS_RUNNING ? st->core : -1, reason, obj);
}

static void dispatch(Sim *S, int ci, Task *T, int64_t at)
{
    Sched *sc = SCH(S);
    Core *c = &sc->cores[ci];
    if (c->t < at) c->t = at;
    c->task = T;
    T->st->core = ci;
    T->st->slice_start = c->t;
    sc->ctx_switches++;
    sched_set_state(S, T, TS_RUNNING, R_RUNNING, -1, c->t);
}

bool sched_controlled(Sim *S) { return SCH(S)->choice != NULL; }

void sched_set_choice(Sim *S, const SchedChoice *c) { SCH(S)->choice = c; }

const SchedChoice *sched_get_choice(Sim *S) { return SCH(S)->choice; }

bool sched_every_op(Sim *S) { return S->set.v[SET_preempt] == 1 || !gil_on(S); }

void sched_make_ready(Sim *S, Task *T, int reason, int64_t at)
{
    Sched *sc = SCH(S);
    /* (a controlled run puts a task on the core only when it is chosen) */
    for (int i = 0; i < sc->ncores && !sc->choice; i++)
        if (!sc->cores[i].task) {
            dispatch(S, i, T, at);
            return;
        }
    waitq_push(&sc->ready, T);
    sched_set_state(S, T, TS_READY, reason, -1, at);
}

static Task *ready_pop(Sched *sc)
{
    if (sc->ready_head >= sc->ready.n) return NULL;
    Task *T = sc->ready.v[sc->ready_head++];
    if (sc->ready_head == sc->ready.n) sc->ready_head = sc->ready.n = 0;
    return T;
}

static bool ready_waiting(Sched *sc) { return sc->ready_head < sc->ready.n; }

static void core_free(Sim *S, int ci, int64_t at)
{
    Sched *sc = SCH(S);
    Core *c = &sc->cores[ci];
    if (c->task) c->task->st->core = -1;
    c->task = NULL;
    if (c->t < at) c->t = at;
    Task *next = sc->choice ? NULL : ready_pop(sc);
    if (next) dispatch(S, ci, next, c->t);
}

/* A task that stopped waiting wants to run again: through the GIL when
 * its process has one. */
static void resume(Sim *S, Task *T, int64_t at)
{
    if (SCH(S)->choice && SCH(S)->choice->edge) SCH(S)->choice->edge(S, SCH(S)->choice->ctx, T);
    if (gil_on(S) && T->st->wants_gil && T->proc->ps->gil_holder != T) {
        Proc *P = T->proc;
        bool can = !P->ps->gil_holder && !(T->st->forced && P->ps->last_holder == T);
        if (!can) {
            gil_wait(T, at, R_GIL_WAIT);
            return;
        }
    }
    sched_make_ready(S, T, R_READY_WAKE, at);
}

/* ---- blocking API for natives ---- */

void sched_event(Task *T, int kind, int a, int b)
{
    Sim *S = T->S;
    trace_event(S->trace, T->clock, T->st->tid, kind, T->proc->ps->tid, a, b);
}

int sched_new_obj(Task *T, int kind)
{
    return trace_add_obj(T->S->trace, kind, T->proc->ps->tid, T->clock);
}

/* A thread's sleep and a timed wait's timeout end late by sleep_slack: the
 * kernel's timer slack (50 us for a normal thread) plus the wake-up, as
 * measured by `interleave calibrate`.  It adds up: ten sleep(1) calls end
 * after one sleep(10), which sleep-based demos depend on.  sleep(0) and a
 * zero timeout do not wait, so they are not late. */
static int64_t slack(Sim *S, int64_t ns) { return ns > 0 ? ns + S->set.v[SET_sleep_slack] : ns; }

/* T sleeps ns as the program sees it (the event says ns) and wakes after
 * wake_ns */
static int sleep_task(Task *T, int64_t ns, int64_t wake_ns, int reason)
{
    if (T->nested)
        return exc_raise(T, EXC_RuntimeError, "time.sleep() inside a callback run from C code is not supported by the simulator");
    SchedTask *st = T->st;
    st->pending_state = TS_SLEEPING;
    st->pending_reason = reason;
    st->pending_obj = -1;
    st->wait_seq++;
    sched_timer(T->S, T->clock + jittered_up(T->S, wake_ns), SE_WAKE, T, st->wait_seq);
    sched_event(T, EV_SLEEP, (int)(ns / 1000), 0);
    T->resume_val = v_none();
    return NAT_BLOCK;
}

int sched_sleep(Task *T, int64_t ns) { return sleep_task(T, ns, slack(T->S, ns), R_SLEEP); }

int sched_sleep_for(Task *T, int64_t ns, int reason) { return sleep_task(T, ns, ns, reason); }

int sched_block(Task *T, WaitQ *q, int reason, int obj, int64_t deadline)
{
    if (T->nested)
        return exc_raise(T, EXC_RuntimeError, "a blocking call inside a callback run from C code is not supported by the simulator");
    SchedTask *st = T->st;
    st->pending_state = TS_BLOCKED;
    st->pending_reason = reason;
    st->pending_obj = obj;
    st->waitq = q;
    st->timed_out = false;
    st->wait_seq++;
    waitq_push(q, T);
    if (deadline >= 0) sched_timer(T->S, deadline, SE_TIMEOUT, T, st->wait_seq);
    return NAT_RETRY;
}

static void wake(Sim *S, Task *W, Task *by, int obj, int64_t at)
{
    SchedTask *st = W->st;
    st->waitq = NULL;
    st->wait_seq++;
    trace_event(S->trace, at, by ? by->st->tid : -1, EV_WAKE, W->proc->ps->tid, st->tid, obj);
    /* the woken thread needs the OS to run it again: it becomes runnable
     * after the wake-up latency (in a controlled run at once: whether it
     * runs before the waker goes on is the schedule's choice) */
    int64_t latency = SCH(S)->choice ? 0 : jittered(S, S->set.v[SET_gil_handoff]);
    sched_timer(S, at + latency, SE_WAKE, W, st->wait_seq);
}

bool sched_wake_one(Sim *S, WaitQ *q, Task *by, int obj)
{
    if (!q->n) return false;
    Task *W = q->v[0];
    sched_waitq_remove(q, W);
    wake(S, W, by, obj, sched_now(S));
    return true;
}

void sched_wake_all(Sim *S, WaitQ *q, Task *by, int obj)
{
    int64_t at = sched_now(S);
    while (q->n) {
        Task *W = q->v[0];
        sched_waitq_remove(q, W);
        wake(S, W, by, obj, at);
    }
}

int sched_deadline(Task *T, Value timeout, int64_t *deadline)
{
    *deadline = -1;
    if (is_undef(timeout) || is_none(timeout)) return 0;
    double secs;
    if (is_intlike(timeout)) secs = (double)timeout.u.i;
    else if (is_float(timeout)) secs = timeout.u.f;
    else return exc_raise(T, EXC_TypeError, "timeout must be a number, not %s", obj_type_name(T->S, timeout));
    if (secs < 0) {
        if (secs == -1) return 0; /* Lock.acquire(timeout=-1): forever */
        return exc_raise(T, EXC_ValueError, "timeout value must be a non-negative number");
    }
    *deadline = T->clock + slack(T->S, secs_to_ns(secs));
    return 0;
}

/* ---- threads and processes ---- */

_Static_assert(TS_COUNT <= 16, "task states fit TraceSeg.state");

Task *sched_new_thread(Sim *S, Proc *P, const char *name, bool daemon, int64_t at)
{
    if (S->trace->tasks.n >= TRACE_MAX_TASKS) return NULL;
    Task *T = xcalloc(1, sizeof *T);
    T->S = S;
    T->proc = P;
    T->id = (int)S->tasks.n;
    T->name = xstrdup(name);
    vm_ctx_init(&T->ctx);
    T->cur = &T->ctx;
    T->exc = T->resume_val = T->resume_exc = T->thread_obj = v_undef();
    T->subtask = -1;
    BUF_PUSH(S->tasks, T);
    SchedTask *st = xcalloc(1, sizeof *st);
    T->st = st;
    st->core = -1;
    st->obj = -1;
    st->daemon = daemon;
    st->since = at;
    st->state = TS_NEW;
    st->tid = trace_add_task(S->trace, name, TK_THREAD, P->ps->tid, -1, daemon, at);
    if (SCH(S)->choice && SCH(S)->choice->edge) SCH(S)->choice->edge(S, SCH(S)->choice->ctx, T);
    trace_state(S->trace, at, st->tid, TS_NEW, -1, R_CREATED, -1);
    st->wants_gil = true;
    double j = S->set.f[SET_jitter];
    if (j > 0) {
        /* each thread runs at a slightly different speed */
        st->opcost = xmalloc(sizeof S->opcost);
        double f = 1.0 + j * (2 * unit_rand(S) - 1);
        for (int i = 0; i < OPCODE_COUNT; i++) {
            /* costs are whole ns: round, but never past +-jitter (with
             * a 3 ns op and jitter 0.2 the cost stays 3 ns) */
            double base = (double)S->opcost[i];
            int64_t c = (int64_t)(base * f + 0.5);
            int64_t lo = (int64_t)ceil(base * (1 - j)), hi = (int64_t)floor(base * (1 + j));
            if (c < lo) c = lo;
            if (c > hi) c = hi;
            st->opcost[i] = lo <= hi ? c : S->opcost[i];
        }
        T->opcost = st->opcost;
    }
    return T;
}

void sched_start_task(Sim *S, Task *T, int64_t at, int64_t cost, int reason)
{
    /* in a controlled run a thread can run as soon as it is started: when
     * it does is the schedule's choice (a process still pays its start) */
    if (SCH(S)->choice && reason == R_STARTING) cost = 0;
    sched_set_state(S, T, TS_NEW, reason, -1, at);
    sched_timer(S, at + jittered(S, cost), SE_START, T, 0);
}

Proc *sched_new_proc(Sim *S, Proc *parent, const char *name)
{
    Proc *P = xcalloc(1, sizeof *P);
    P->S = S;
    P->pid = 4000 + 7 * (int)S->procs.n;
    P->parent_pid = parent ? parent->pid : 0;
    P->name = xstrdup(name);
    P->globals = dict_new(S);
    P->modules = dict_new(S);
    P->ps = xcalloc(1, sizeof *P->ps);
    P->ps->tid = trace_add_proc(S->trace, name, P->pid, parent ? parent->ps->tid : -1);
    P->ps->process_obj = P->ps->snapshot = P->ps->owner_obj = v_undef();
    BUF_PUSH(S->procs, P);
    SCH(S)->procs_alive++;
    return P;
}

bool sched_procs_full(Sim *S) { return SCH(S)->procs_alive >= S->set.v[SET_max_processes]; }

void sched_proc_abandon(Sim *S, Proc *P)
{
    if (!P->ps->exited) SCH(S)->procs_alive--;
    P->ps->exited = true;
    P->ps->main->st->done = true;
}

static int alive_nondaemon(Sim *S, Proc *P, Task *except)
{
    int n = 0;
    for (size_t i = 0; i < S->tasks.n; i++) {
        Task *T = S->tasks.v[i];
        if (T->proc == P && T != except && T->st && !T->st->done && !T->st->daemon && T->st->is_thread) n++;
    }
    return n;
}

static void print_thread_exception(Sim *S, Task *T)
{
    Value exc = T->exc;
    T->exc = v_undef();
    Proc *P = T->proc;
    bool main = T == P->ps->main;
    if (exc_matches(S, exc, EXC_SystemExit)) {
        /* sys.exit: silent; a main thread's code becomes the exit status */
        if (!main) return;
        Tuple *a = exc_args(S, exc);
        Value code = a->n ? a->v[0] : v_none();
        if (is_none(code)) P->ps->exitcode = 0;
        else if (is_intlike(code)) P->ps->exitcode = (int)code.u.i;
        else {
            SBuf b = STR_BUF;
            repr_write_str(T, code, &b);
            sb_putc(&b, '\n');
            /* past max_output the run stops (S->fatal): nothing to raise into */
            if (io_write_buf(T, 2, &b) < 0) T->exc = v_undef();
            P->ps->exitcode = 1;
        }
        return;
    }
    SBuf b = STR_BUF;
    if (main) {
        if (P != S->procs.v[0]) {
            if (T->st->stage == PS_RUN) sb_printf(&b, "Process %s:\n", P->name);
        } else {
            S->uncaught = exc;
            S->status = SIM_EXCEPTION;
        }
        P->ps->exitcode = 1;
    } else {
        sb_printf(&b, "Exception in thread %s:\n", T->name);
    }
    exc_format_task(T, exc, &b);
    if (io_write_buf(T, 2, &b) < 0) T->exc = v_undef();
    trace_event(S->trace, T->clock, T->st->tid, EV_EXCEPTION, P->ps->tid,
                trace_add_str(S->trace, AS_INST(exc)->cls->name->s), 0);
}

static void process_exit(Sim *S, Proc *P, int64_t at);

/* The main thread's code is done: CPython joins non-daemon threads
 * (threading._shutdown), then multiprocessing's exit function terminates
 * the daemonic child processes and joins every child - the terminated
 * ones too, once the signal has landed - before the process exits. */
static void main_finished(Sim *S, Task *T, int64_t at)
{
    Proc *P = T->proc;
    if (alive_nondaemon(S, P, T) > 0) {
        waitq_push(&P->ps->exit_waiters, T);
        T->st->waitq = &P->ps->exit_waiters;
        sched_set_state(S, T, TS_BLOCKED, R_EXIT_WAIT, -1, at);
        return;
    }
    if (proc_children_alive(S, P, true)) {
        for (size_t i = 0; i < S->procs.n; i++) {
            Proc *C = S->procs.v[i];
            if (C != P && C->parent_pid == P->pid && C->daemon && !C->ps->exited && C->ps->main)
                sched_proc_signal(S, C, 15, at);
        }
        T->st->exit_waiting_children = true;
        sched_set_state(S, T, TS_BLOCKED, R_PROC_EXIT_WAIT, -1, at);
        return;
    }
    process_exit(S, P, at);
}

static void thread_done(Sim *S, Task *T, int reason, int64_t at)
{
    SchedTask *st = T->st;
    st->done = true;
    sched_set_state(S, T, TS_DONE, reason, -1, at);
    S->trace->tasks.v[st->tid].ended = at;
    trace_event(S->trace, at, st->tid, EV_EXIT, T->proc->ps->tid, reason == R_DIED, 0);
    int64_t saved = SCH(S)->now;
    SCH(S)->now = at;
    sched_wake_all(S, &st->joiners, T, -1);
    SCH(S)->now = saved;
    vm_ctx_free(&T->ctx);
    T->cur = &T->ctx;
}

static void process_exit(Sim *S, Proc *P, int64_t at)
{
    Task *M = P->ps->main;
    ProcSched *ps = P->ps;
    if (!ps->exited) SCH(S)->procs_alive--;
    ps->exited = true;
    if (!M->st->done) thread_done(S, M, M->st->died ? R_DIED : R_DONE, at);
    /* daemon threads are abandoned */
    for (size_t i = 0; i < S->tasks.n; i++) {
        Task *T = S->tasks.v[i];
        if (T->proc != P || T->st->done) continue;
        SchedTask *st = T->st;
        if (st->core >= 0) {
            Core *c = &SCH(S)->cores[st->core];
            c->task = NULL;
            st->core = -1;
        }
        if (st->waitq) sched_waitq_remove(st->waitq, T);
        if (st->gil_waiting) sched_waitq_remove(&ps->gil_waiters, T);
        for (size_t k = SCH(S)->ready_head; k < SCH(S)->ready.n; k++)
            if (SCH(S)->ready.v[k] == T) {
                memmove(SCH(S)->ready.v + k, SCH(S)->ready.v + k + 1, (SCH(S)->ready.n - k - 1) * sizeof(Task *));
                SCH(S)->ready.n--;
                break;
            }
        st->gil_waiting = false;
        st->waitq = NULL;
        st->wait_seq++;
        st->gil_timer_seq++;
        thread_done(S, T, R_KILLED, at);
    }
    ps->gil_holder = NULL;
    trace_event(S->trace, at, M->st->tid, EV_PROC_EXIT, ps->tid, ps->exitcode, 0);
    if (S->on_proc_exit) {
        int64_t saved = SCH(S)->now;
        SCH(S)->now = at;
        S->on_proc_exit(S, P, at);
        SCH(S)->now = saved;
    }
    /* daemonic child processes are terminated when their parent exits */
    for (size_t i = 0; i < S->procs.n; i++) {
        Proc *C = S->procs.v[i];
        if (C != P && C->parent_pid == P->pid && C->daemon && !C->ps->exited && C->ps->main) {
            C->ps->exitcode = -15;
            process_exit(S, C, at);
        }
    }
    if (P == S->procs.v[0]) {
        SCH(S)->ended = true;
        SCH(S)->end_time = at;
        return;
    }
    proc_exited(S, P, at);
    /* free cores may now take waiting tasks */
    for (int i = 0; i < SCH(S)->ncores; i++)
        if (!SCH(S)->cores[i].task) core_free(S, i, at);
}

void sched_proc_exit(Sim *S, Proc *P, int64_t at)
{
    if (!P->ps->exited) process_exit(S, P, at);
}

/* A signal lands: the process ends with exit code -signal (a process
 * that ended meanwhile keeps its own code). */
static void signal_lands(Sim *S, Value pid, int64_t at)
{
    for (size_t i = 0; i < S->procs.n; i++) {
        Proc *P = S->procs.v[i];
        if (P->pid != pid.u.i || P->ps->exited || !P->ps->signal) continue;
        P->ps->exitcode = -P->ps->signal;
        int64_t saved = SCH(S)->now;
        SCH(S)->now = at;
        process_exit(S, P, at);
        SCH(S)->now = saved;
    }
}

void sched_proc_signal(Sim *S, Proc *P, int sig, int64_t at)
{
    if (P->ps->exited) return;
    /* SIGKILL overtakes a SIGTERM still on its way */
    if (P->ps->signal && (P->ps->signal == 9 || sig != 9)) return;
    P->ps->signal = sig;
    sched_callback(S, at + jittered(S, S->set.v[SET_signal_latency]), signal_lands, v_int(P->pid));
}

void sched_child_exited(Sim *S, Proc *parent, int64_t at)
{
    Task *M = parent->ps->main;
    if (M->st->exit_waiting_children && !proc_children_alive(S, parent, true)) {
        M->st->exit_waiting_children = false;
        process_exit(S, parent, at);
    }
}

/* A thread's base frame returned or raised. */
/* A main thread whose code is done runs the callbacks of
 * threading._register_atexit first, as CPython's threading._shutdown does
 * (concurrent.futures finishes its queued work there).  True when they
 * were started: the thread goes on running them. */
static bool start_atexits(Sim *S, Task *T)
{
    if (T->st->atexit_done) return false;
    T->st->atexit_done = true;
    /* (modules are shared by the processes: the callbacks are kept per pid) */
    Value m = dict_get_str(S->native_modules, str_intern(S, "threading", 9));
    if (!is_kind(m, K_MODULE) || !(AS_MODULE(m)->h.flags & OF_PY_RAN)) return false;
    Dict *d = AS_MODULE(m)->dict;
    Value calls = dict_get_str(d, str_intern(S, "_threading_atexits", 18));
    Value run = dict_get_str(d, str_intern(S, "_run_atexits", 12));
    Value mine;
    if (!is_kind(calls, K_DICT) || is_undef(run) || dict_get(T, AS_DICT(calls), v_int(T->proc->pid), &mine) <= 0)
        return false;
    T->exc = v_undef();
    Value out;
    return vm_start_call(T, run, NULL, 0, NULL, &out) == 0;
}

/* A thread's run() raised: CPython's Thread._bootstrap_inner hands the
 * exception to threading.excepthook.  The default hook is done in C
 * (print_thread_exception); one the program installed runs on the thread
 * itself (threading.py's _invoke_excepthook), which goes on running it.
 * True when it was started. */
static bool start_excepthook(Sim *S, Task *T)
{
    SchedTask *st = T->st;
    if (st->hook_done || T == T->proc->ps->main || !st->is_thread || is_undef(T->thread_obj)) return false;
    st->hook_done = true;
    Value m = dict_get_str(S->native_modules, str_intern(S, "threading", 9));
    if (!is_kind(m, K_MODULE) || !(AS_MODULE(m)->h.flags & OF_PY_RAN)) return false;
    Dict *d = AS_MODULE(m)->dict;
    /* excepthook and __excepthook__ are in threading's lazy part: no
     * excepthook at all means nobody set one */
    Value hook = dict_get_str(d, str_intern(S, "excepthook", 10));
    Value dflt = dict_get_str(d, str_intern(S, "__excepthook__", 14));
    if (is_undef(hook) || obj_same(hook, dflt)) return false;
    Str *iname = str_intern(S, "_invoke_excepthook", 18);
    Value invoke = dict_get_str(d, iname), exc = T->exc, out;
    T->exc = v_undef();
    if (is_undef(invoke) && S->import->module_attr(T, m, iname, &invoke) <= 0) {
        T->exc = exc;
        return false;
    }
    if (vm_start_call(T, invoke, &exc, 1, NULL, &out) == 0) return true;
    T->exc = exc;
    return false;
}

static void thread_exit(Sim *S, Task *T, bool error, int64_t at)
{
    SchedTask *st = T->st;
    Proc *P = T->proc;
    if (!error && st->on_base_done) {
        int next = st->on_base_done(T); /* a process's next stage */
        if (next > 0) return;
        if (next < 0) error = true;
    }
    if (error) {
        st->died |= !exc_matches(S, T->exc, EXC_SystemExit);
        if (start_excepthook(S, T)) return;
        print_thread_exception(S, T);
    }
    if (T == P->ps->main && start_atexits(S, T)) return;
    if (gil_on(S) && P->ps->gil_holder == T) gil_drop(T, at, DROP_EXIT);
    int ci = st->core;
    if (T == P->ps->main) {
        /* the main thread lingers (blocked) until the others are done */
        if (ci >= 0) {
            SCH(S)->cores[ci].task = NULL;
            st->core = -1;
        }
        main_finished(S, T, at);
        if (ci >= 0 && !SCH(S)->cores[ci].task) core_free(S, ci, at);
        return;
    }
    thread_done(S, T, error ? R_DIED : R_DONE, at);
    if (ci >= 0) core_free(S, ci, at);
    Task *M = P->ps->main;
    if (M->st->reason == R_EXIT_WAIT && !M->st->done && alive_nondaemon(S, P, M) == 0) {
        sched_waitq_remove(&P->ps->exit_waiters, M);
        M->st->waitq = NULL;
        main_finished(S, M, at);
    }
}

/* ---- running a core ---- */

static void handle_blocked(Sim *S, int ci, Task *T)
{
    SchedTask *st = T->st;
    int64_t at = T->clock;
    if (T->retry == 0) T->resume_pending = true;
    if (gil_on(S) && T->proc->ps->gil_holder == T) gil_drop(T, at, DROP_BLOCKING);
    sched_set_state(S, T, st->pending_state, st->pending_reason, st->pending_obj, at);
    core_free(S, ci, at);
}

static void run_slice(Sim *S, int ci, int64_t limit);

/* T stopped at an eval-breaker check: a pending drop request is honoured. */
static void breaker_stop(Sim *S, int ci, Task *T)
{
    Core *c = &SCH(S)->cores[ci];
    ProcSched *ps = T->proc->ps;
    T->breaker = false;
    if (gil_on(S) && ps->drop_request && ps->gil_holder == T) {
        gil_drop(T, c->t, DROP_FORCED);
        core_free(S, ci, c->t);
        gil_wait(T, c->t, R_GIL_FORCED);
    }
}

static void run_core(Sim *S, int ci, int64_t limit)
{
    Sched *sc = SCH(S);
    Core *c = &sc->cores[ci];
    Task *T = c->task;
    SchedTask *st = T->st;
    Proc *P = T->proc;
    if (gil_on(S) && P->ps->gil_holder != T) {
        if (!gil_try_take(T, c->t)) {
            core_free(S, ci, c->t);
            gil_wait(T, c->t, st->forced ? R_GIL_FORCED : R_GIL_WAIT);
            return;
        }
    }
    if (!st->started) {
        st->started = true;
        trace_event(S->trace, c->t, st->tid, EV_START, P->ps->tid, 0, 0);
        if (st->start_waiters.n) {
            int64_t saved = sc->now;
            sc->now = c->t;
            sched_wake_all(S, &st->start_waiters, T, -1);
            sc->now = saved;
        }
    }
    if (sc->choice) {
        /* a controlled run: the task runs to its next switch point - with
         * every op one, else armed for its next eval-breaker check (its
         * first op after a switch point or a wake-up runs unarmed: a stop
         * at a call comes before the call) */
        if (sched_every_op(S) || sc->one_op) {
            sc->one_op = true;
            T->breaker = false;
            if (c->t + 1 < limit) limit = c->t + 1;
        } else {
            T->breaker = true;
        }
    } else if (T->breaker && S->set.v[SET_preempt] == 1) {
        /* preempt: every_op - the drop request is honoured between any two ops */
        T->clock = c->t;
        breaker_stop(S, ci, T);
        return;
    } else if (ready_waiting(sc)) {
        int64_t q = st->slice_start + S->set.v[SET_quantum];
        if (q <= c->t) {
            /* time slice used up: to the back of the ready queue */
            core_free(S, ci, c->t);
            waitq_push(&sc->ready, T);
            sched_set_state(S, T, TS_READY, R_READY_PREEMPT, -1, c->t);
            return;
        }
        if (q < limit) limit = q;
    }
    /* the steps above may have set timers */
    if (sc->nheap && sc->heap[0].t < limit) limit = sc->heap[0].t;
    if (limit <= c->t) return;
    if (dbg_pausing(S)) {
        /* a record made above asked for a pause: the slice starts when
         * the run resumes */
        sc->resume_core = ci;
        sc->resume_limit = limit;
        return;
    }
    run_slice(S, ci, limit);
}

/* Run core ci's task's bytecode until limit, and act on how it stopped.
 * A paused slice resumes here with the same limit, so a pause changes
 * nothing in the run. */
static void run_slice(Sim *S, int ci, int64_t limit)
{
    Sched *sc = SCH(S);
    Core *c = &sc->cores[ci];
    Task *T = c->task;
    SchedTask *st = T->st;
    /* a pause at a time inside this slice ends it there; the rest runs
     * on resume with the same limit, as if nothing had happened */
    int64_t pt = dbg_stop_time(S), lim = limit;
    if (pt > c->t && pt < limit) lim = pt;
    T->clock = c->t;
    T->limit = lim;
    T->pause = false;
    sc->current = T;
    sc->slice_limit = limit;
    RunStatus rs = vm_run(T);
    limit = sc->slice_limit; /* what a pause resumes with */
    if (rs == RUN_LIMIT && lim < limit && T->clock >= lim) {
        dbg_pause_before(S, T->clock);
        rs = RUN_PAUSE;
    }
    sc->current = NULL;
    st->ran += T->clock - c->t;
    c->busy += T->clock - c->t;
    c->t = T->clock;
    switch (rs) {
    case RUN_LIMIT:
        if (sc->choice && sc->one_op) {
            /* its one op is done (a pause before it would be RUN_PAUSE) */
            sc->one_op = false;
            sc->at_switch = sched_every_op(S);
        }
        return;
    case RUN_PAUSE:
        T->pause = false;
        sc->resume_core = ci;
        sc->resume_limit = limit;
        return;
    case RUN_BREAKER:
        if (sc->choice) {
            T->breaker = false;
            sc->at_switch = true;
            return;
        }
        breaker_stop(S, ci, T);
        return;
    case RUN_BLOCKED:
        handle_blocked(S, ci, T);
        return;
    case RUN_DONE:
        thread_exit(S, T, false, c->t);
        return;
    case RUN_ERROR:
        thread_exit(S, T, true, c->t);
        return;
    case RUN_FATAL:
        return;
    case RUN_YIELD:
        exc_raise(T, EXC_RuntimeError, "internal error: a yield reached the scheduler");
        thread_exit(S, T, true, c->t);
        return;
    }
}

static void on_timer(Sim *S, SEvent *e)
{
    Task *T = e->task;
    switch (e->kind) {
    case SE_WAKE:
        if (T->st->done || (uint32_t)e->a != T->st->wait_seq) return;
        if (T->st->reason == R_EXIT_WAIT) return;
        resume(S, T, e->t);
        return;
    case SE_TIMEOUT:
        if (T->st->done || (uint32_t)e->a != T->st->wait_seq || !T->st->waitq) return;
        sched_waitq_remove(T->st->waitq, T);
        T->st->waitq = NULL;
        T->st->timed_out = true;
        trace_event(S->trace, e->t, T->st->tid, EV_TIMEOUT, T->proc->ps->tid, T->st->obj, 0);
        resume(S, T, e->t);
        return;
    case SE_START:
        if (T->st->done) return;
        trace_event(S->trace, e->t, T->st->tid, EV_SPAWN, T->proc->ps->tid, T->st->tid, 0);
        resume(S, T, e->t);
        return;
    case SE_GIL_HANDOFF:
        gil_handoff(S, T, e->t);
        return;
    case SE_GIL_TIMER:
        gil_timer(S, T, (uint32_t)e->a, e->t);
        return;
    case SE_CALLBACK:
        e->fn(S, e->data, e->t);
        return;
    }
}

/* ---- deadlock ---- */

static void describe_wait(Sim *S, Task *T, SBuf *b)
{
    SchedTask *st = T->st;
    char nm[160];
    if (st->reason == R_LOOP_IDLE) {
        aio_describe_wait(S, T, b);
        return;
    }
    sb_printf(b, "%s %s", T->name, trace_reason_text[st->reason]);
    if (st->obj >= 0) {
        names_trace_objects(S);
        /* the reason already says what kind of object: just its name */
        const char *name = (size_t)st->obj < S->trace->objs.n ? S->trace->objs.v[st->obj].name : NULL;
        sb_printf(b, " (%s)", name ? name : trace_obj_name(S->trace, st->obj, nm, sizeof nm));
    }
    if (st->waits_for) {
        if (st->reason == R_JOIN) sb_printf(b, ", which is %s", trace_states[st->waits_for->st->state].name);
        else sb_printf(b, ", held by %s", st->waits_for->name);
    }
}

static void report_deadlock(Sim *S, int64_t at)
{
    SBuf b = {0};
    /* find a cycle in the wait-for graph (lock holders, joined threads) */
    Task *cycle_start = NULL;
    for (size_t i = 0; i < S->tasks.n && !cycle_start; i++) {
        Task *T = S->tasks.v[i];
        Task *slow = T, *fast = T;
        while (fast && fast->st->waits_for && fast->st->waits_for->st->waits_for) {
            slow = slow->st->waits_for;
            fast = fast->st->waits_for->st->waits_for;
            if (slow == fast) {
                cycle_start = slow;
                break;
            }
        }
    }
    sb_printf(&b, "deadlock: ");
    if (cycle_start) {
        Task *T = cycle_start;
        do {
            describe_wait(S, T, &b);
            T = T->st->waits_for;
            if (T != cycle_start) sb_puts(&b, "; ");
        } while (T != cycle_start);
    } else {
        /* a main thread that ended waits at exit for its non-daemon
         * threads: those are the ones left blocked forever */
        for (size_t i = 0; i < S->tasks.n; i++) {
            Task *T = S->tasks.v[i];
            if (!T->st->done && (T->st->reason == R_EXIT_WAIT || T->st->reason == R_PROC_EXIT_WAIT)) {
                sb_printf(&b, "%s finished, but threads it waits for at exit are blocked forever: ", T->name);
                break;
            }
        }
        bool first = true;
        for (size_t i = 0; i < S->tasks.n; i++) {
            Task *T = S->tasks.v[i];
            if (T->st->done || (T->st->state != TS_BLOCKED && T->st->state != TS_GILWAIT && T->st->state != TS_IO))
                continue;
            if (T->st->reason == R_EXIT_WAIT || T->st->reason == R_PROC_EXIT_WAIT) continue;
            if (!first) sb_puts(&b, "; ");
            first = false;
            describe_wait(S, T, &b);
        }
        if (first) sb_puts(&b, "no task can ever proceed");
        else sb_puts(&b, " - and nothing left running can wake them");
    }
    snprintf(S->fatal.msg, sizeof S->fatal.msg, "%s", b.s);
    sb_free(&b);
    char t[32];
    fmt_duration(t, sizeof t, at);
    SBuf m = {0};
    sb_printf(&m, "interleave: %s (at %s of virtual time)\n", S->fatal.msg, t);
    sb_put(&S->err, m.s, m.n);
    sb_free(&m);
    trace_event(S->trace, at, -1, EV_DEADLOCK, 0, 0, 0);
    S->status = SIM_DEADLOCK;
    S->exit_code = 3;
}

/* ---- the main loop ---- */

static void sched_mark(Sim *S, void *p)
{
    (void)p;
    for (size_t i = 0; i < S->procs.n; i++) {
        ProcSched *ps = S->procs.v[i]->ps;
        if (!ps) continue;
        gc_mark_value(S, ps->process_obj);
        gc_mark_value(S, ps->snapshot);
        gc_mark_value(S, ps->owner_obj);
    }
    Sched *sc = SCH(S);
    if (!sc) return;
    for (size_t i = 0; i < sc->nheap; i++) gc_mark_value(S, sc->heap[i].data);
}

static void sched_free(Sim *S, void *p)
{
    (void)p;
    Sched *sc = SCH(S);
    for (size_t i = 0; i < S->tasks.n; i++) {
        Task *T = S->tasks.v[i];
        if (!T->st) continue;
        BUF_FREE(T->st->joiners);
        BUF_FREE(T->st->start_waiters);
        free(T->st->opcost);
        free(T->st);
        T->st = NULL;
    }
    for (size_t i = 0; i < S->procs.n; i++) {
        ProcSched *ps = S->procs.v[i]->ps;
        if (!ps) continue;
        BUF_FREE(ps->gil_waiters);
        BUF_FREE(ps->exit_waiters);
        BUF_FREE(ps->joiners);
        free(ps);
        S->procs.v[i]->ps = NULL;
    }
    if (sc && sc->choice && sc->choice->free) sc->choice->free(sc->choice->ctx);
    if (sc) {
        free(sc->cores);
        free(sc->heap);
        BUF_FREE(sc->ready);
        free(sc);
        S->sched = NULL;
    }
    trace_free(S->trace);
    S->trace = NULL;
}

void sched_init(Sim *S)
{
    static const SlotOps ops = {sched_mark, sched_free};
    Sched *sc = xcalloc(1, sizeof *sc);
    S->sched = sc;
    sim_slot_set(S, SLOT_SCHED, sc, &ops);
    sc->ncores = (int)S->set.v[SET_cores];
    sc->cores = xcalloc((size_t)sc->ncores, sizeof *sc->cores);
    sc->rng = (uint64_t)S->set.v[SET_seed] * 0x2545F4914F6CDD1DULL + 1;
    sc->resume_core = -1;
    S->trace = trace_new(sc->ncores);
    S->trace->room = S->set.v[SET_max_trace];
}

static void too_long(Sim *S, int64_t max_time)
{
    S->fatal.set = true;
    snprintf(S->fatal.msg, sizeof S->fatal.msg,
             "stopped at the max_time limit of %.3f s of virtual time; if the program is meant to run longer, raise it with --set max_time=%.0fs or 'max_time: %.0fs' in the header",
             max_time / 1e9, max_time * 10 / 1e9 < 1 ? 1 : max_time * 10 / 1e9, max_time * 10 / 1e9 < 1 ? 1 : max_time * 10 / 1e9);
    SCH(S)->end_time = max_time;
}

/* Nothing runs and no timer is left: a deadlock. */
static void deadlocked(Sim *S)
{
    Sched *sc = SCH(S);
    int64_t at = 0;
    for (int i = 0; i < sc->ncores; i++)
        if (sc->cores[i].t > at) at = sc->cores[i].t;
    if (sc->now > at) at = sc->now;
    report_deadlock(S, at);
    sc->end_time = at;
}

static void fire_timer(Sim *S)
{
    Sched *sc = SCH(S);
    SEvent e = heap_pop(sc);
    sc->now = e.t;
    on_timer(S, &e);
}

/* ---- controlled runs (sched.h) ---- */

static bool in_ready(Sched *sc, Task *T)
{
    for (size_t k = sc->ready_head; k < sc->ready.n; k++)
        if (sc->ready.v[k] == T) return true;
    return false;
}

static void ready_remove(Sched *sc, Task *T)
{
    for (size_t k = sc->ready_head; k < sc->ready.n; k++)
        if (sc->ready.v[k] == T) {
            memmove(sc->ready.v + k, sc->ready.v + k + 1, (sc->ready.n - k - 1) * sizeof *sc->ready.v);
            if (--sc->ready.n == sc->ready_head) sc->ready_head = sc->ready.n = 0;
            return;
        }
}

/* Could T take core 0 now?  cur, at a switch point, gives up its GIL to
 * a thread of its process that is chosen. */
static bool ctl_can_run(Sim *S, Task *T, Task *cur)
{
    SchedTask *st = T->st;
    if (T == cur || st->done) return false;
    if (!st->gil_waiting && !in_ready(SCH(S), T)) return false;
    if (gil_on(S) && st->wants_gil) {
        Task *H = T->proc->ps->gil_holder;
        if (H && H != T && H != cur) return false;
    }
    return true;
}

typedef BUF(Task *) TaskBuf;

/* The tasks that may run next: cur (if any) first, then by creation. */
static int ctl_candidates(Sim *S, Task *cur, TaskBuf *out)
{
    out->n = 0;
    if (cur) BUF_PUSH(*out, cur);
    for (size_t i = 0; i < S->tasks.n; i++)
        if (ctl_can_run(S, S->tasks.v[i], cur)) BUF_PUSH(*out, S->tasks.v[i]);
    return (int)out->n;
}

/* What the model picks by itself: cur goes on until it has held the core
 * for a switch interval while others wait (then the next one round, as
 * the GIL's forced switch would do); else the one that waited longest. */
static int ctl_default(Sim *S, Task *cur, Task *const *v, int n, int64_t now)
{
    if (cur) {
        if (n < 2 || now - SCH(S)->held_since < gil_interval(cur->proc)) return 0;
        for (int i = 1; i < n; i++)
            if (v[i]->id > cur->id) return i;
        return 1;
    }
    int best = 0;
    for (int i = 1; i < n; i++)
        if (v[i]->st->since < v[best]->st->since) best = i;
    return best;
}

/* cur stops at a switch point for W: with the GIL, a thread of the same
 * process takes it from cur. */
static void ctl_switch_out(Sim *S, Task *cur, Task *W, int64_t at)
{
    Sched *sc = SCH(S);
    sc->cores[0].task = NULL;
    cur->st->core = -1;
    if (gil_on(S) && cur->proc->ps->gil_holder == cur && W->proc == cur->proc) {
        gil_drop(cur, at, DROP_PREEMPTED);
        gil_wait(cur, at, R_SWITCHED);
    } else {
        waitq_push(&sc->ready, cur);
        sched_set_state(S, cur, TS_READY, R_SWITCHED, -1, at);
    }
}

enum { CTL_PAUSED, CTL_ENDED, CTL_DEADLOCK, CTL_TOO_LONG };

static int ctl_loop(Sim *S)
{
    Sched *sc = SCH(S);
    Core *c = &sc->cores[0];
    int64_t max_time = S->set.v[SET_max_time];
    TaskBuf cands = {0};
    int result = CTL_ENDED;
    for (;;) {
        if (S->fatal.set) break;
        if (dbg_pausing(S)) {
            result = CTL_PAUSED;
            break;
        }
        if (sc->ended) break;
        if (sc->resume_core >= 0) {
            sc->resume_core = -1;
            run_slice(S, 0, sc->resume_limit);
            continue;
        }
        int64_t et = sc->nheap ? sc->heap[0].t : NEVER;
        Task *T = c->task;
        if (T && !sc->at_switch) {
            /* the timers due by its next op first */
            if (dbg_pause_before(S, et <= c->t ? et : c->t)) {
                result = CTL_PAUSED;
                break;
            }
            if (et <= c->t) {
                fire_timer(S);
                continue;
            }
            if (c->t >= max_time) {
                result = CTL_TOO_LONG;
                break;
            }
            run_core(S, 0, et < max_time ? et : max_time);
            continue;
        }
        /* a choice: what is due now first, as it may add candidates */
        int64_t now = c->t > sc->now ? c->t : sc->now;
        if (et <= now) {
            if (dbg_pause_before(S, et)) {
                result = CTL_PAUSED;
                break;
            }
            fire_timer(S);
            continue;
        }
        Task *cur = sc->at_switch ? T : NULL;
        int n = ctl_candidates(S, cur, &cands);
        if (!n) {
            if (!sc->nheap) {
                result = CTL_DEADLOCK;
                break;
            }
            if (et >= max_time) {
                result = CTL_TOO_LONG;
                break;
            }
            if (dbg_pause_before(S, et)) {
                result = CTL_PAUSED;
                break;
            }
            fire_timer(S);
            continue;
        }
        sc->now = now;
        int k = sc->choice->pick(S, sc->choice->ctx, cur, cands.v, n, ctl_default(S, cur, cands.v, n, now));
        if (k == SCHED_PAUSE) {
            result = CTL_PAUSED;
            break;
        }
        if (k < 0 || k >= n) continue; /* SCHED_STOP: S->fatal says why */
        Task *W = cands.v[k];
        sc->at_switch = false;
        sc->one_op = true;
        if (W == cur) continue;
        if (cur) ctl_switch_out(S, cur, W, now);
        ready_remove(sc, W);
        dispatch(S, 0, W, now);
        sc->held_since = c->t;
    }
    BUF_FREE(cands);
    return result;
}

bool sched_run(Sim *S)
{
    Sched *sc = SCH(S);
    int64_t max_time = S->set.v[SET_max_time];
    if (!sc->begun) {
        sc->begun = true;
        S->status = SIM_OK;
        Task *M = S->main_task;
        sched_make_ready(S, M, R_READY_NEW, 0);
        M->st->started = true;
    }
    if (sc->choice) {
        switch (ctl_loop(S)) {
        case CTL_PAUSED: return false;
        case CTL_DEADLOCK: deadlocked(S); break;
        case CTL_TOO_LONG: too_long(S, max_time); break;
        default: break;
        }
    }
    while (!sc->choice) {
        if (S->trace->room < 0 && !S->fatal.set) vm_trace_full(S);
        if (S->fatal.set) {
            S->status = SIM_FATAL;
            S->exit_code = 1;
            break;
        }
        if (dbg_pausing(S)) return false;
        if (sc->ended) break;
        if (sc->resume_core >= 0) {
            /* the slice a pause interrupted goes on first */
            int ci = sc->resume_core;
            sc->resume_core = -1;
            run_slice(S, ci, sc->resume_limit);
            continue;
        }
        int best = -1;
        int64_t bt = NEVER, second = NEVER;
        for (int i = 0; i < sc->ncores; i++) {
            if (!sc->cores[i].task) continue;
            int64_t t = sc->cores[i].t;
            if (t < bt) {
                second = bt;
                bt = t;
                best = i;
            } else if (t < second) {
                second = t;
            }
        }
        int64_t et = sc->nheap ? sc->heap[0].t : NEVER;
        if ((best >= 0 || sc->nheap) && dbg_pause_before(S, best >= 0 && bt < et ? bt : et)) return false;
        if (best >= 0 && bt < et) {
            if (bt >= max_time) {
                too_long(S, max_time);
                break;
            }
            int64_t limit = et;
            if (second != NEVER && second + 1 < limit) limit = second + 1;
            if (max_time < limit) limit = max_time;
            run_core(S, best, limit);
            continue;
        }
        if (sc->nheap) {
            if (et >= max_time) {
                too_long(S, max_time);
                break;
            }
            fire_timer(S);
            continue;
        }
        if (best < 0) deadlocked(S);
        break;
    }
    if (sc->choice && sc->choice->end && !S->fatal.set) sc->choice->end(S, sc->choice->ctx);
    if (S->fatal.set && S->status != SIM_DEADLOCK) {
        S->status = SIM_FATAL;
        S->exit_code = 1;
        if (!sc->end_time) {
            for (int i = 0; i < sc->ncores; i++)
                if (sc->cores[i].t > sc->end_time) sc->end_time = sc->cores[i].t;
        }
    }
    if (S->status != SIM_FATAL && S->status != SIM_DEADLOCK) {
        S->exit_code = S->procs.v[0]->ps->exitcode;
        if (S->status == SIM_OK && S->exit_code) S->status = SIM_EXIT;
    }
    S->elapsed = sc->end_time;
    S->trace->end = sc->end_time;
    /* close the segments of tasks still alive (blocked forever, killed) */
    for (size_t i = 0; i < S->tasks.n; i++) {
        Task *T = S->tasks.v[i];
        SchedTask *st = T->st;
        if (st->since < sc->end_time) {
            st->time_in[st->state] += sc->end_time - st->since;
            st->since = sc->end_time;
        }
    }
    return true;
}

int64_t sched_time(Sim *S)
{
    Sched *sc = SCH(S);
    if (sc->ended || sc->end_time) return sc->end_time;
    /* paused: the time of whatever runs next, bounded by what has run */
    int64_t t = sc->now;
    for (int i = 0; i < sc->ncores; i++)
        if (sc->cores[i].task && sc->cores[i].t > t) t = sc->cores[i].t;
    return t;
}

int sched_ncores(Sim *S) { return SCH(S)->ncores; }

Task *sched_core(Sim *S, int i, int64_t *busy)
{
    Sched *sc = SCH(S);
    if (i < 0 || i >= sc->ncores) return NULL;
    if (busy) *busy = sc->cores[i].busy;
    return sc->cores[i].task;
}

int64_t sched_timer_of(Sim *S, Task *T, int kind)
{
    Sched *sc = SCH(S);
    int64_t best = -1;
    for (size_t i = 0; i < sc->nheap; i++) {
        const SEvent *e = &sc->heap[i];
        if (e->task != T || e->kind != kind) continue;
        if ((kind == SE_WAKE || kind == SE_TIMEOUT) && (uint32_t)e->a != T->st->wait_seq) continue;
        if (kind == SE_GIL_TIMER && (uint32_t)e->a != T->st->gil_timer_seq) continue;
        if (best < 0 || e->t < best) best = e->t;
    }
    return best;
}

void sched_timers(Sim *S, SBuf *out)
{
    Sched *sc = SCH(S);
    for (size_t i = 0; i < sc->nheap; i++) {
        const SEvent *e = &sc->heap[i];
        Task *T = e->task;
        const char *what = NULL;
        switch (e->kind) {
        case SE_WAKE:
            if (T->st->done || (uint32_t)e->a != T->st->wait_seq) continue;
            what = T->st->state == TS_SLEEPING ? "wakes from time.sleep" : "becomes runnable after its wake-up";
            break;
        case SE_TIMEOUT:
            if (T->st->done || (uint32_t)e->a != T->st->wait_seq || !T->st->waitq) continue;
            what = "stops waiting (timeout)";
            break;
        case SE_START: what = "has paid its start cost and starts"; break;
        case SE_GIL_HANDOFF: what = "is handed the GIL"; break;
        case SE_GIL_TIMER:
            if (T->st->done || !T->st->gil_waiting || T->st->gil_timer_seq != (uint32_t)e->a) continue;
            what = "has waited a switch interval for the GIL (a drop request unless it switched)";
            break;
        case SE_CALLBACK: what = NULL; break;
        }
        if (what) sb_printf(out, "%lld %s %s\n", (long long)e->t, T->name, what);
        else sb_printf(out, "%lld a message arrives (queue or pipe latency)\n", (long long)e->t);
    }
}

void sched_stats(Sim *S, int64_t *busy, int ncores, uint64_t *ctx_switches)
{
    Sched *sc = SCH(S);
    for (int i = 0; i < ncores && i < sc->ncores; i++) busy[i] = sc->cores[i].busy;
    *ctx_switches = sc->ctx_switches;
}



void sched_debug_dump(Sim *S)
{
    Trace *t = S->trace;
    for (size_t i = 0; i < t->segs.n; i++) {
        const TraceSeg s = trace_seg(t, i);
        fprintf(stderr, "%10lld %-22s %-9s core %3d %s\n", (long long)s.t, t->tasks.v[s.task].name,
                trace_states[s.state].name, s.core == TRACE_NO_CORE ? -1 : (int)s.core, trace_reason_text[s.reason]);
    }
}
