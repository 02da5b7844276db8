/* debug.c - pausing a run: stop conditions, breakpoints, the watch and
 * interruption (debug.h).
 *
 * Three places can ask for a pause, and each leaves the run resumable
 * exactly where it was:
 *  - the scheduler's loop, before its next action (a time target, a
 *    position reached, a record that asked for a pause);
 *  - a trace record (an event or state change with a breakpoint, or the
 *    record count of a position): the task running at that moment stops
 *    at its next op boundary (its slice limit drops to 0);
 *  - with S->debug_ops, the VM calls debug_op before every op (line
 *    breakpoints, stepi, the watch, an op-count position). */
#include "debug.h"
#include "aio.h"
#include "dict.h"
#include "gc.h"
#include "obj.h"
#include "repr.h"
#include "str.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Debug {
    StopAt stop;
    int64_t step_left;    /* stepi: ops the task may still run */
    PauseInfo info;
    bool pausing;         /* a pause was asked for and not yet taken */
    bool paused;          /* the run is paused now */
    bool finished;
    int64_t now;          /* virtual time of the pause */
    uint8_t *line_bp;     /* by line number */
    int nline_bp;
    uint8_t *task_bp;     /* by trace task */
    int ntask_bp;
    uint64_t event_bp;    /* bit per TraceEventKind */
    uint64_t ckpt_every, ckpt_next; /* sim_checkpoints: interval, next op count */
    Str *watch;           /* watched global, or NULL */
    BUF(Value) watch_old; /* its value per process (by index in S->procs) */
} Debug;

static volatile sig_atomic_t interrupted;

void sim_interrupt(void) { interrupted = 1; }
void sim_interrupt_clear(void) { interrupted = 0; }

StopAt sim_stop_none(void)
{
    return (StopAt){.time = -1, .records = -1, .ops = -1, .step_task = -1, .step_ops = -1};
}

static bool debug_op(Task *T, Code *code, uint32_t pc, Frame *f, uint64_t nops, int64_t clk);
static bool debug_interrupted(Task *T, int64_t clk, uint64_t nops);
static bool debug_pausing(Sim *S);
static bool debug_pause_before(Sim *S, int64_t t);
static int64_t debug_stop_time(Sim *S);
static void debug_mark(Sim *S, void *p);
static void debug_free(Sim *S, void *p);

static const DebugHooks hooks = {debug_op, debug_interrupted, debug_pausing, debug_pause_before, debug_stop_time};
static const SlotOps slot_ops = {debug_mark, debug_free};

/* The debugger's state, made (and its hooks installed) on first use. */
static Debug *dbg(Sim *S)
{
    if (!S->dbg) {
        S->dbg = xcalloc(1, sizeof *S->dbg);
        S->dbg->stop = sim_stop_none();
        sim_slot_set(S, SLOT_DEBUG, S->dbg, &slot_ops);
        S->hooks = &hooks;
    }
    return S->dbg;
}

static int64_t records(const Trace *t) { return (int64_t)(t->segs.n + t->evs.n); }

/* Ask for a pause: the running task (if any) leaves at its next op. */
static void request(Sim *S, PauseReason why, int task, int64_t now)
{
    Debug *d = S->dbg;
    if (d->pausing) return;
    d->pausing = true;
    d->now = now;
    d->info.why = why;
    d->info.task = task;
    Task *T = sched_current(S);
    if (T) {
        T->limit = 0;
        T->pause = true;
    }
}

/* Every trace record, while something may need one. */
static void on_record(void *ctx, int kind, int task, int64_t at)
{
    Sim *S = ctx;
    Debug *d = S->dbg;
    if (kind >= 0 && kind < 64 && (d->event_bp >> kind & 1)) {
        request(S, PAUSE_EVENT, task, at);
        d->info.event = kind;
    } else if (kind < 0 && task >= 0 && task < d->ntask_bp && d->task_bp[task]) {
        request(S, PAUSE_TASK, task, at);
    } else if (d->stop.records >= 0 && d->stop.ops < 0 && records(S->trace) >= d->stop.records) {
        request(S, PAUSE_POSITION, task, at);
    }
}

/* A short repr that runs no Python code (a debugger must not change the
 * run): builtin values in full, instances by their class. */
static void safe_repr(Sim *S, Value v, char *buf, size_t n, int depth)
{
    if (is_undef(v)) {
        snprintf(buf, n, "<unbound>");
        return;
    }
    if (!is_obj(v) || is_str(v)) {
        SBuf b = {.max = n}; /* no more than buf holds, whatever v's size */
        Task *T = S->main_task;
        Value saved = T->exc;
        if (repr_write(T, v, &b) < 0 && !b.over) sb_puts(&b, "?");
        T->exc = saved;
        snprintf(buf, n, "%s", b.s ? b.s : "");
        sb_free(&b);
        return;
    }
    if ((is_list(v) || is_tuple(v)) && depth < 2) {
        List *l = is_list(v) ? AS_LIST(v) : NULL;
        int64_t len = l ? l->n : AS_TUPLE(v)->n;
        Value *items = l ? l->v : AS_TUPLE(v)->v;
        size_t off = (size_t)snprintf(buf, n, "%c", l ? '[' : '(');
        for (int64_t i = 0; i < len && off + 8 < n; i++) {
            char item[64];
            safe_repr(S, items[i], item, sizeof item, depth + 1);
            off += (size_t)snprintf(buf + off, n - off, "%s%s", i ? ", " : "", item);
        }
        if (off + 2 < n) snprintf(buf + off, n - off, "%s", l ? "]" : len == 1 ? ",)" : ")");
        return;
    }
    snprintf(buf, n, "<%s object>", obj_type_name(S, v));
}

static bool same_value(Value a, Value b)
{
    if (a.tag != b.tag) return false;
    if (a.tag == V_FLOAT) return a.u.f == b.u.f;
    return a.u.i == b.u.i; /* ints, bools, and object identity */
}

static int proc_index(Sim *S, Proc *P)
{
    for (size_t i = 0; i < S->procs.n; i++)
        if (S->procs.v[i] == P) return (int)i;
    return 0;
}

/* The op before pc stored the watched name: did the value change? */
static bool watch_check(Task *T, Code *code, uint32_t pc, Frame *f, int64_t clk)
{
    Sim *S = T->S;
    Debug *d = S->dbg;
    uint32_t prev = code->ops[pc - 1];
    int op = (int)INSTR_OP(prev);
    if (op != OP_STORE_GLOBAL && !(op == OP_STORE_NAME && f->ns == f->globals)) return false;
    if (code->names[INSTR_ARG(prev)] != d->watch) return false;
    int p = proc_index(S, T->proc);
    while ((int)d->watch_old.n <= p) BUF_PUSH(d->watch_old, v_undef());
    Value now = dict_get_str(f->globals, d->watch);
    Value old = d->watch_old.v[p];
    if (same_value(old, now)) return false;
    d->watch_old.v[p] = now;
    request(S, PAUSE_WATCH, T->st->tid, clk);
    safe_repr(S, old, d->info.old_value, sizeof d->info.old_value, 0);
    safe_repr(S, now, d->info.new_value, sizeof d->info.new_value, 0);
    return true;
}

static bool debug_op(Task *T, Code *code, uint32_t pc, Frame *f, uint64_t nops, int64_t clk)
{
    Sim *S = T->S;
    Debug *d = S->dbg;
    if (interrupted) {
        interrupted = 0;
        request(S, PAUSE_INTERRUPT, T->st->tid, clk);
        return true;
    }
    if (d->stop.ops >= 0 && (int64_t)(S->ops + nops) >= d->stop.ops && records(S->trace) >= d->stop.records) {
        request(S, PAUSE_POSITION, T->st->tid, clk);
        return true;
    }
    if (d->stop.step_task == T->st->tid) {
        if (d->step_left <= 0) {
            request(S, PAUSE_STEP, T->st->tid, clk);
            return true;
        }
        d->step_left--;
    }
    if (d->nline_bp && code->src == S->sources) {
        int line = code->lines[pc];
        if (line != T->dbg_line || code != T->dbg_code) {
            T->dbg_line = line;
            T->dbg_code = code;
            if (line < d->nline_bp && d->line_bp[line]) {
                request(S, PAUSE_LINE, T->st->tid, clk);
                d->info.line = line;
                return true;
            }
        }
    }
    if (d->watch && pc > 0 && watch_check(T, code, pc, f, clk)) return true;
    return false;
}

static bool debug_pausing(Sim *S) { return S->dbg && S->dbg->pausing; }

/* A checkpoint is due once the run has done ckpt_next ops (ops: the count
 * including the running slice's). */
static bool checkpoint_due(Debug *d, uint64_t ops)
{
    if (!d->ckpt_every || d->pausing || ops < d->ckpt_next) return false;
    d->ckpt_next = ops + d->ckpt_every;
    return true;
}

void sim_checkpoints(Sim *S, uint64_t every)
{
    Debug *d = dbg(S);
    d->ckpt_every = every;
    d->ckpt_next = S->ops + every;
}

static bool debug_interrupted(Task *T, int64_t clk, uint64_t nops)
{
    if (T->nested) return false;
    Sim *S = T->S;
    if (interrupted) {
        interrupted = 0;
        dbg(S);
        request(S, PAUSE_INTERRUPT, T->st->tid, clk);
        return true;
    }
    if (S->dbg && checkpoint_due(S->dbg, S->ops + nops)) {
        request(S, PAUSE_CHECKPOINT, T->st->tid, clk);
        return true;
    }
    return false;
}

static int64_t debug_stop_time(Sim *S) { return S->dbg && !S->dbg->pausing ? S->dbg->stop.time : -1; }

static bool debug_pause_before(Sim *S, int64_t t)
{
    Debug *d = S->dbg;
    if (!d) return false;
    if (!d->pausing && interrupted) {
        interrupted = 0;
        request(S, PAUSE_INTERRUPT, -1, t);
    }
    /* the stop before a checkpoint due at the same moment: a checkpoint
     * pause past the stop time would let the run resume beyond it (the
     * next slice is no longer capped by a time already passed) */
    if (!d->pausing && d->stop.time >= 0 && t >= d->stop.time) request(S, PAUSE_TIME, -1, d->stop.time);
    if (!d->pausing && d->stop.ops >= 0 && (int64_t)S->ops >= d->stop.ops && records(S->trace) >= d->stop.records)
        request(S, PAUSE_POSITION, -1, t);
    if (checkpoint_due(d, S->ops)) request(S, PAUSE_CHECKPOINT, -1, t);
    return d->pausing;
}

/* The VM checks before every op only when something needs it. */
static void update_modes(Sim *S)
{
    Debug *d = S->dbg;
    S->debug_ops = d->stop.ops >= 0 || d->stop.step_task >= 0 || d->nline_bp || d->watch;
    bool hook = d->event_bp || d->ntask_bp || (d->stop.records >= 0 && d->stop.ops < 0);
    S->trace->hook = hook ? on_record : NULL;
    S->trace->hook_ctx = S;
}

/* Run until the end or a pause; SIM_PAUSED when paused. */
static int sim_go(Sim *S)
{
    if (!S->main_task) return SIM_FATAL;
    if (!sched_run(S)) return SIM_PAUSED;
    /* CPython warns as coroutines die; the simulator's collector runs at
     * its own times, so the ones still alive warn at exit */
    if (S->main_task) aio_warn_unretrieved(S);
    gen_warn_unawaited(S);
    if (getenv("INTERLEAVE_DUMP_TRACE")) sched_debug_dump(S);
    return S->status;
}

SimStatus sim_run_until(Sim *S, const StopAt *stop)
{
    Debug *d = dbg(S);
    if (d->finished) return (SimStatus)S->status;
    d->stop = stop ? *stop : sim_stop_none();
    d->step_left = d->stop.step_ops;
    d->pausing = d->paused = false;
    memset(&d->info, 0, sizeof d->info);
    d->info.task = -1;
    update_modes(S);
    SimStatus st = sim_go(S);
    if (st == SIM_PAUSED) {
        if (!d->pausing) {
            /* not asked for here: a controlled run waits for a choice */
            d->now = sched_time(S);
            d->info.why = PAUSE_CHOICE;
        }
        d->paused = true;
        d->pausing = false;
        /* the trace so far ends now: statistics and timelines of it */
        S->trace->end = d->now;
        return st;
    }
    d->finished = true;
    d->now = S->elapsed;
    return st;
}

SimStatus sim_run(Sim *S) { return sim_run_until(S, NULL); }

bool sim_started(Sim *S) { return S->dbg && (S->dbg->paused || S->dbg->finished); }
bool sim_finished(Sim *S) { return S->dbg && S->dbg->finished; }

Position sim_position(Sim *S) { return (Position){(int64_t)S->ops, records(S->trace)}; }

const PauseInfo *sim_pause_info(Sim *S) { return &dbg(S)->info; }

int64_t sim_now(Sim *S)
{
    Debug *d = dbg(S);
    return d->paused || d->finished ? d->now : 0;
}

static void set_flag(uint8_t **v, int *n, int i, bool on)
{
    if (i < 0) return;
    if (i >= *n) {
        if (!on) return;
        int m = i + 16;
        *v = xrealloc(*v, (size_t)m);
        memset(*v + *n, 0, (size_t)(m - *n));
        *n = m;
    }
    (*v)[i] = on;
}

void sim_break_line(Sim *S, int line, bool on)
{
    Debug *d = dbg(S);
    set_flag(&d->line_bp, &d->nline_bp, line, on);
    update_modes(S);
}

void sim_break_task(Sim *S, int task, bool on)
{
    Debug *d = dbg(S);
    set_flag(&d->task_bp, &d->ntask_bp, task, on);
    update_modes(S);
}

void sim_break_event(Sim *S, int kind, bool on)
{
    Debug *d = dbg(S);
    if (kind < 0 || kind >= 64) return;
    if (on) d->event_bp |= 1ULL << kind;
    else d->event_bp &= ~(1ULL << kind);
    update_modes(S);
}

void sim_watch(Sim *S, const char *name)
{
    Debug *d = dbg(S);
    d->watch = name && *name ? str_intern(S, name, strlen(name)) : NULL;
    d->watch_old.n = 0;
    /* the values now are the starting point */
    for (size_t i = 0; d->watch && i < S->procs.n; i++)
        BUF_PUSH(d->watch_old, S->procs.v[i]->globals ? dict_get_str(S->procs.v[i]->globals, d->watch) : v_undef());
    update_modes(S);
}

static void debug_mark(Sim *S, void *p)
{
    Debug *d = p;
    gc_mark_obj(S, (Obj *)d->watch);
    for (size_t i = 0; i < d->watch_old.n; i++) gc_mark_value(S, d->watch_old.v[i]);
}

static void debug_free(Sim *S, void *p)
{
    Debug *d = p;
    free(d->line_bp);
    free(d->task_bp);
    BUF_FREE(d->watch_old);
    free(d);
    S->dbg = NULL;
}
