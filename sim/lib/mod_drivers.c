/* mod_drivers.c - the `_interleave` module (mod_drivers.h).  A Python run
 * loop steps its coroutines with coro.send() (the core's await seam,
 * sim/core/gen.h); these natives put its tasks on the timeline the way
 * asyncio's C loop puts its own: a row under the thread, running while
 * the thread runs a step of it (Task.subtask, which shares the thread's
 * states: a blocking call inside it blocks it too), and a state with a
 * reason in words while it waits. */
#include "mod_drivers.h"
#include "dict.h"
#include "green.h"
#include "native.h"
#include "obj.h"
#include "sched.h"
#include "str.h"
#include "tuple.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct { const char *name; int code; } reasons[] = {
#define X(k, s) {#k, k},
    REASONS(X)
#undef X
};

/* R_* from its name without the R_ ("TRIO_SLEEP"), or -1 with ValueError */
static int reason_code(Task *T, Value v)
{
    Str *s;
    if (nat_arg_str(T, v, "reason", &s) < 0) return -1;
    for (size_t i = 0; i < ARRAY_LEN(reasons); i++)
        if (strcmp(reasons[i].name + 2, s->s) == 0) return reasons[i].code;
    return exc_raise(T, EXC_ValueError, "unknown reason '%s'", s->s);
}

static int state_code(Task *T, Value v)
{
    Str *s;
    if (nat_arg_str(T, v, "state", &s) < 0) return -1;
    for (int i = 0; i < TS_COUNT; i++)
        if (strcmp(trace_states[i].name, s->s) == 0) return i;
    return exc_raise(T, EXC_ValueError, "unknown state '%s'", s->s);
}

static int row_arg(Task *T, Value v, int *row)
{
    int64_t r;
    if (nat_arg_int(T, v, "row", &r) < 0) return -1;
    if (r < 0 || (size_t)r >= T->S->trace->tasks.n || T->S->trace->tasks.v[r].kind != TK_COROUTINE)
        return exc_raise(T, EXC_ValueError, "no such row");
    *row = (int)r;
    return 0;
}

/* row(name, reason[, opener]) -> a new task row under the current
 * thread, ready for reason (trio's next batch, the gevent hub's callback
 * queue); shown under row opener (the task whose nursery started it) */
NATIVE(drv_row)
{
    Str *name;
    int opener = -1;
    if (nat_count(T, "row", nargs, kw, 2, 3) < 0 || nat_arg_str(T, args[0], "row", &name) < 0) return NAT_ERR;
    int reason = reason_code(T, args[1]);
    if (reason < 0 || (nargs == 3 && row_arg(T, args[2], &opener) < 0)) return NAT_ERR;
    Trace *tr = T->S->trace;
    int row = trace_add_task(tr, name->s, TK_COROUTINE, T->proc->ps->tid, T->st->tid, false, T->clock);
    if (row < 0) return exc_raise(T, EXC_RuntimeError, "too many tasks for the trace");
    tr->tasks.v[row].opener = opener;
    trace_state(tr, T->clock, row, TS_READY, -1, reason, -1);
    *out = v_int(row);
    return NAT_OK;
}

/* run(row[, reason]): the thread now runs a step of this task */
NATIVE(drv_run)
{
    int row, reason = R_RUNNING;
    if (nat_count(T, "run", nargs, kw, 1, 2) < 0 || row_arg(T, args[0], &row) < 0) return NAT_ERR;
    if (nargs == 2 && (reason = reason_code(T, args[1])) < 0) return NAT_ERR;
    T->subtask = row;
    trace_state(T->S->trace, T->clock, row, TS_RUNNING, T->st->core, reason, -1);
    *out = v_none();
    return NAT_OK;
}

/* park(row, state, reason[, obj]): the task's step is over; it is in
 * state ("ready", "awaiting", "blocked", "sleeping", "done") for reason,
 * about trace object obj (from obj(), -1 none) */
NATIVE(drv_park)
{
    int row;
    int64_t obj = -1;
    if (nat_count(T, "park", nargs, kw, 3, 4) < 0 || row_arg(T, args[0], &row) < 0) return NAT_ERR;
    int state = state_code(T, args[1]), reason = state < 0 ? -1 : reason_code(T, args[2]);
    if (state < 0 || reason < 0) return NAT_ERR;
    if (nargs == 4 && nat_arg_int(T, args[3], "park", &obj) < 0) return NAT_ERR;
    if (obj < -1 || obj >= (int64_t)T->S->trace->objs.n) return exc_raise(T, EXC_ValueError, "no such object");
    if (T->subtask == row) T->subtask = -1;
    trace_state(T->S->trace, T->clock, row, state, -1, reason, (int)obj);
    *out = v_none();
    return NAT_OK;
}

/* idle(seconds, reason): the run loop sleeps on the virtual clock */
NATIVE(drv_idle)
{
    double secs;
    if (nat_count(T, "idle", nargs, kw, 2, 2) < 0 || nat_arg_float(T, args[0], "idle", &secs) < 0) return NAT_ERR;
    int reason = reason_code(T, args[1]);
    if (reason < 0) return NAT_ERR;
    if (isnan(secs) || secs < 0) return exc_raise(T, EXC_ValueError, "idle time must be non-negative");
    *out = v_none();
    return sched_sleep_for(T, secs_to_ns(secs), reason);
}

/* setting(key) -> its value as the header would write it */
NATIVE(drv_setting)
{
    Str *key;
    if (nat_count(T, "setting", nargs, kw, 1, 1) < 0 || nat_arg_str(T, args[0], "setting", &key) < 0) return NAT_ERR;
    int id = settings_find(key->s);
    if (id < 0) return exc_raise(T, EXC_ValueError, "unknown setting '%s'", key->s);
    if (id == SET_seed) {
        *out = v_int(T->S->set.v[SET_seed]);
        return NAT_OK;
    }
    char buf[64];
    *out = str_value(T->S, settings_format(&T->S->set, id, buf, sizeof buf));
    return NAT_OK;
}

/* format_exception(exc) -> its traceback as the simulator prints it */
NATIVE(drv_format_exception)
{
    if (nat_count(T, "format_exception", nargs, kw, 1, 1) < 0) return NAT_ERR;
    if (!obj_is_exc_instance(T->S, args[0])) return exc_raise(T, EXC_TypeError, "format_exception() needs an exception");
    SBuf b = STR_BUF;
    exc_format_task(T, args[0], &b);
    return str_from_buf(T, &b, out) < 0 ? NAT_ERR : NAT_OK;
}

/* The innermost frame of the program's own code on T, and the line it is
 * at, or NULL: frames of the simulator's library modules are skipped. */
static const Frame *program_frame(Task *T, int *line)
{
    for (Ctx *c = T->cur; c; c = c->gen ? c->gen->parent : NULL) {
        for (int32_t i = c->nframes - 1; i >= 0; i--) {
            const Frame *f = &c->frames[i];
            const Code *code = f->code;
            if (!code->src || code->src->library) continue;
            uint32_t pc = f->pc ? f->pc - 1 : 0;
            if (pc >= (uint32_t)code->nops) pc = (uint32_t)code->nops - 1;
            *line = code->lines[pc];
            return f;
        }
    }
    return NULL;
}

/* caller() -> (file, line, function) of the innermost frame of the
 * program's own code, as logging's findCaller reports it (logging's own
 * frames are the library's) */
NATIVE(drv_caller)
{
    if (nat_count(T, "caller", nargs, kw, 0, 0) < 0) return NAT_ERR;
    int line = 0;
    const Frame *f = program_frame(T, &line);
    Tuple *t = tuple_new(T->S, 3);
    t->v[0] = str_value(T->S, f ? f->code->src->name : "(unknown file)");
    t->v[1] = v_int(line);
    t->v[2] = f ? v_obj(f->code->name) : str_value(T->S, "(unknown function)");
    *out = v_obj(t);
    return NAT_OK;
}

/* obj(kind) -> a new trace object of kind ("lock", "event", "queue"...,
 * the trace's words) for a run loop's synchronisation object, so that a
 * task parked on it (park's obj) names it.  It is named after the line of
 * the program that made it ("queue made at line 12"): its variables live
 * in coroutines and greenlets, where the names of thread objects are not
 * looked for. */
NATIVE(drv_obj)
{
    Str *kind;
    if (nat_count(T, "obj", nargs, kw, 1, 1) < 0 || nat_arg_str(T, args[0], "obj", &kind) < 0) return NAT_ERR;
    int k = 0;
    while (k < OBJ_OTHER && strcmp(trace_obj_kind_name(k), kind->s) != 0) k++;
    int id = trace_add_obj(T->S->trace, k, T->proc->ps->tid, T->clock);
    int line = 0;
    if (id >= 0 && program_frame(T, &line)) {
        char name[48];
        snprintf(name, sizeof name, "made at line %d", line);
        T->S->trace->objs.v[id].name = xstrdup(name);
    }
    *out = v_int(id);
    return NAT_OK;
}

static const ModEntry drv_entries[] = {
    {"row", ME_FN, drv_row, 0, NULL}, {"run", ME_FN, drv_run, 0, NULL}, {"park", ME_FN, drv_park, 0, NULL},
    {"idle", ME_FN, drv_idle, 0, NULL}, {"setting", ME_FN, drv_setting, 0, NULL},
    {"format_exception", ME_FN, drv_format_exception, 0, NULL}, {"caller", ME_FN, drv_caller, 0, NULL},
    {"obj", ME_FN, drv_obj, 0, NULL}, {NULL, 0, NULL, 0, NULL},
};
static const char *const drv_names[] = {"row", "run", "park", "idle", "setting", "format_exception", "caller", "obj", NULL};

const ModDef mod_drivers_def = {"_interleave", drv_entries, drv_names, NULL, NULL, NULL, false, NULL};

/* ---- what the debugger shows of the run loops ---- */

/* Attribute name of instance v from its own dict (not its class's), or
 * undefined: the run loops' state as the debugger reads it. */
static Value own_attr(Sim *S, Value v, const char *name)
{
    if (!is_instance(v) || !AS_INST(v)->dict) return v_undef();
    return dict_get_str(AS_INST(v)->dict, str_intern(S, name, strlen(name)));
}

/* A global of a module whose Python part has run, or undefined. */
static Value module_global(Sim *S, const char *module, const char *name)
{
    Value m = dict_get_str(S->native_modules, str_intern(S, module, strlen(module)));
    if (!is_kind(m, K_MODULE) || !(AS_MODULE(m)->h.flags & OF_PY_RAN)) return v_undef();
    return dict_get_str(AS_MODULE(m)->dict, str_intern(S, name, strlen(name)));
}

static int64_t list_len(Value v) { return is_list(v) ? AS_LIST(v)->n : 0; }

/* A number as Python's repr writes it: 2, 0.1, 2.0, inf. */
static void num_text(Value v, char *buf, size_t n)
{
    if (is_intlike(v)) {
        snprintf(buf, n, "%lld", (long long)v.u.i);
        return;
    }
    if (!is_float(v)) {
        snprintf(buf, n, "?");
        return;
    }
    double x = v.u.f;
    if (isinf(x) || isnan(x)) {
        snprintf(buf, n, "%s", isnan(x) ? "nan" : x > 0 ? "inf" : "-inf");
        return;
    }
    /* the shortest that reads back the same, as repr's */
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(buf, n, "%.*g", prec, x);
        if (strtod(buf, NULL) == x) break;
    }
    if (!strpbrk(buf, ".e")) snprintf(buf + strlen(buf), n - strlen(buf), ".0");
}

/* The timeline name of a trio task or a greenlet: its row's, or NULL. */
static const char *row_name(Sim *S, Value task)
{
    Value row = own_attr(S, task, "_row");
    if (!is_int(row) || row.u.i < 0 || (size_t)row.u.i >= S->trace->tasks.n) return NULL;
    return S->trace->tasks.v[row.u.i].name;
}

/* "(function, argument)" a run loop stored on a timer: the function's
 * name and the argument as text, or false. */
static bool what_of(Value what, const char **fn, char *arg, size_t n)
{
    if (!is_tuple(what) || AS_TUPLE(what)->n != 2 || !is_str(AS_TUPLE(what)->v[0])) return false;
    *fn = AS_STR(AS_TUPLE(what)->v[0])->s;
    num_text(AS_TUPLE(what)->v[1], arg, n);
    return true;
}

/* What each timer does when it fires, by the function that made it: the
 * words after the task's name ("%s": the function's argument). */
static const struct { const char *fn, *text; } timer_words[] = {
    {"sleep", "its trio.sleep(%s) ends"},
    {"sleep_until", "its trio.sleep_until(%s) ends"},
    {"gevent.sleep", "its gevent.sleep(%s) ends"},
    {"move_on_after", "the deadline of its move_on_after(%s) block: Cancelled at its checkpoints"},
    {"move_on_at", "the deadline of its move_on_at(%s) block: Cancelled at its checkpoints"},
    {"fail_after", "the deadline of its fail_after(%s) block: Cancelled, then TooSlowError"},
    {"fail_at", "the deadline of its fail_at(%s) block: Cancelled, then TooSlowError"},
    {"Timeout", "its gevent.Timeout(%s) expires: raised in it"},
    {"spawn_later", "spawn_later(%s) starts it"},
};

static void timer_text(Value what, const char *otherwise, SBuf *out)
{
    const char *fn;
    char arg[40];
    if (what_of(what, &fn, arg, sizeof arg))
        for (size_t i = 0; i < ARRAY_LEN(timer_words); i++)
            if (strcmp(timer_words[i].fn, fn) == 0) {
                sb_printf(out, timer_words[i].text, arg);
                return;
            }
    sb_puts(out, otherwise);
}

/* trio's run loop counts time from 1000.0 at its start (runner.now). */
#define TRIO_EPOCH 1000.0

static void trio_timers(Sim *S, SBuf *out)
{
    Value r = module_global(S, "trio", "_runner");
    Value deadlines = own_attr(S, r, "deadlines"), start = own_attr(S, r, "start");
    if (!is_list(deadlines) || !is_float(start)) return;
    for (int64_t i = 0; i < AS_LIST(deadlines)->n; i++) {
        Value e = AS_LIST(deadlines)->v[i];
        /* [deadline, seq, scope]; scope None: dropped */
        if (!is_list(e) || AS_LIST(e)->n != 3 || !is_float(AS_LIST(e)->v[0]) || is_none(AS_LIST(e)->v[2])) continue;
        Value scope = AS_LIST(e)->v[2];
        const char *who = row_name(S, own_attr(S, scope, "_task"));
        int64_t ns = llround((AS_LIST(e)->v[0].u.f - TRIO_EPOCH + start.u.f) * 1e9);
        sb_printf(out, "%lld %s: ", (long long)ns, who ? who : "a trio task");
        timer_text(own_attr(S, scope, "_what"), "the deadline of its CancelScope: Cancelled at its checkpoints", out);
        sb_putc(out, '\n');
    }
}

/* a greenlet's name, or its thread's main greenlet's */
static void greenlet_text(Sim *S, Value g, Value hub, SBuf *out)
{
    const char *name = row_name(S, g);
    Value thread = own_attr(S, hub, "_il_thread");
    if (name) sb_puts(out, name);
    else sb_printf(out, "the main greenlet of %s", is_str(thread) ? AS_STR(thread)->s : "its thread");
}

/* libev's 4-ary heap starts at index 3 (sim/py/gevent.py's _HEAP0) */
#define GEVENT_HEAP0 3

static void gevent_timers(Sim *S, SBuf *out)
{
    Value hubs = module_global(S, "gevent", "_hubs");
    for (int64_t h = 0; h < list_len(hubs); h++) {
        Value hub = AS_LIST(hubs)->v[h], heap = own_attr(S, own_attr(S, hub, "loop"), "_heap");
        for (int64_t i = GEVENT_HEAP0; i < list_len(heap); i++) {
            Value t = AS_LIST(heap)->v[i], at = own_attr(S, t, "at"), who = own_attr(S, t, "_il_who");
            if (!is_float(at)) continue;
            sb_printf(out, "%lld ", (long long)llround(at.u.f * 1e9));
            if (is_undef(who) || is_none(who)) {
                Value thread = own_attr(S, hub, "_il_thread");
                sb_printf(out, "a timer of %s's gevent hub\n", is_str(thread) ? AS_STR(thread)->s : "a");
                continue;
            }
            greenlet_text(S, who, hub, out);
            sb_puts(out, ": ");
            timer_text(own_attr(S, t, "_il_what"), "a timer for it", out);
            sb_putc(out, '\n');
        }
    }
}

void drivers_timers(Sim *S, SBuf *out)
{
    trio_timers(S, out);
    gevent_timers(S, out);
}

/* "a, b": the names of the waiting trio tasks (entry: [task, value] when
 * pair) */
static void trio_waiters(Sim *S, Value list, bool pair, SBuf *out)
{
    for (int64_t i = 0; i < list_len(list); i++) {
        Value task = AS_LIST(list)->v[i];
        if (pair) task = is_list(task) && AS_LIST(task)->n == 2 ? AS_LIST(task)->v[0] : v_undef();
        const char *name = row_name(S, task);
        sb_printf(out, "%s%s", i ? ", " : "", name ? name : "?");
    }
}

static void obj_label(Sim *S, Value obj, SBuf *out)
{
    if (is_int(obj) && obj.u.i >= 0 && (size_t)obj.u.i < S->trace->objs.n && S->trace->objs.v[obj.u.i].name)
        sb_printf(out, " %s", S->trace->objs.v[obj.u.i].name);
}

static void items_text(int64_t n, SBuf *out) { sb_printf(out, "%lld item%s", (long long)n, n == 1 ? "" : "s"); }

static void trio_queues(Sim *S, SBuf *out)
{
    Value chans = own_attr(S, module_global(S, "trio", "_runner"), "channels");
    if (!is_dict(chans)) return;
    int64_t pos = 0;
    Value k, st;
    while (dict_next(AS_DICT(chans), &pos, &k, &st)) {
        char max[40];
        num_text(own_attr(S, st, "max"), max, sizeof max);
        Value snd = own_attr(S, st, "open_send"), rcv = own_attr(S, st, "open_receive");
        sb_puts(out, "memory channel");
        obj_label(S, own_attr(S, st, "obj"), out);
        sb_puts(out, ": ");
        items_text(list_len(own_attr(S, st, "data")), out);
        sb_printf(out, " (max_buffer_size %s), %lld send and %lld receive channel%s open", max,
                  is_int(snd) ? (long long)snd.u.i : 0LL, is_int(rcv) ? (long long)rcv.u.i : 0LL,
                  is_int(rcv) && rcv.u.i == 1 ? "" : "s");
        Value sending = own_attr(S, st, "send_tasks"), receiving = own_attr(S, st, "receive_tasks");
        if (list_len(sending)) {
            sb_puts(out, "; waiting to send: ");
            trio_waiters(S, sending, true, out);
        }
        if (list_len(receiving)) {
            sb_puts(out, "; waiting to receive: ");
            trio_waiters(S, receiving, false, out);
        }
        sb_putc(out, '\n');
    }
}

/* the greenlets gevent Waiters stand for */
static void gevent_waiters(Sim *S, Value list, Value hub, SBuf *out)
{
    for (int64_t i = 0; i < list_len(list); i++) {
        if (i) sb_puts(out, ", ");
        greenlet_text(S, own_attr(S, AS_LIST(list)->v[i], "greenlet"), hub, out);
    }
}

static void gevent_queues(Sim *S, SBuf *out)
{
    Value hubs = module_global(S, "gevent", "_hubs");
    for (int64_t h = 0; h < list_len(hubs); h++) {
        Value hub = AS_LIST(hubs)->v[h], qs = own_attr(S, hub, "_il_queues");
        if (!is_dict(qs)) continue;
        int64_t pos = 0;
        Value k, q;
        while (dict_next(AS_DICT(qs), &pos, &k, &q)) {
            sb_printf(out, "gevent %s", obj_type_name(S, q));
            obj_label(S, own_attr(S, q, "_obj"), out);
            sb_puts(out, ": ");
            items_text(list_len(own_attr(S, q, "queue")), out);
            Value max = own_attr(S, q, "_maxsize"), unfinished = own_attr(S, q, "unfinished_tasks");
            if (is_int(max) && max.u.i > 0) sb_printf(out, " (maxsize %lld)", (long long)max.u.i);
            if (is_int(unfinished) && unfinished.u.i) sb_printf(out, ", %lld unfinished", (long long)unfinished.u.i);
            Value putters = own_attr(S, q, "putters"), getters = own_attr(S, q, "getters");
            if (list_len(putters)) {
                sb_puts(out, "; waiting to put: ");
                gevent_waiters(S, putters, hub, out);
            }
            if (list_len(getters)) {
                sb_puts(out, "; waiting to get: ");
                gevent_waiters(S, getters, hub, out);
            }
            sb_putc(out, '\n');
        }
    }
}

void drivers_queues(Sim *S, SBuf *out)
{
    trio_queues(S, out);
    gevent_queues(S, out);
}

/* trio: all Python (sim/py/trio.py), on the driver seam and _interleave */
static const ModEntry no_entries[] = {{NULL, 0, NULL, 0, NULL}};
static const char *const trio_names[] = {
    "run", "sleep", "sleep_until", "sleep_forever", "current_time", "current_effective_deadline", "open_nursery",
    "Nursery", "CancelScope", "move_on_after", "move_on_at", "fail_after", "fail_at", "Cancelled", "TooSlowError",
    "WouldBlock", "EndOfChannel", "ClosedResourceError", "BrokenResourceError", "BusyResourceError",
    "RunFinishedError", "TrioInternalError", "MultiError", "NonBaseMultiError", "open_memory_channel",
    "MemorySendChannel", "MemoryReceiveChannel", "Event", "Lock", "StrictFIFOLock", "Semaphore", "CapacityLimiter",
    "to_thread", "from_thread", "lowlevel", "abc", "TASK_STATUS_IGNORED", NULL,
};
const ModDef mod_trio_def = {"trio", no_entries, trio_names, NULL, "trio", NULL, false, NULL};

/* trio's submodules: filled from trio.py's _submodules table, which these
 * lists repeat for the load-time check (`trio.lowlevel.spawn_system_task`
 * is an error at load, as `trio.open_tcp_stream` is) */
static const char *const trio_lowlevel_names[] = {
    "Abort", "Task", "checkpoint", "checkpoint_if_cancelled", "cancel_shielded_checkpoint", "current_task",
    "current_root_task", "wait_task_rescheduled", "reschedule", "current_clock", "add_instrument",
    "remove_instrument", NULL,
};
static const char *const trio_to_thread_names[] = {"run_sync", "current_default_thread_limiter", NULL};
static const char *const trio_from_thread_names[] = {"run", "run_sync", NULL};
static const char *const trio_abc_names[] = {"Instrument", NULL};
const ModDef mod_trio_sub_defs[TRIO_SUBMODULES] = {
    {"trio.lowlevel", no_entries, trio_lowlevel_names, NULL, NULL, NULL, false, NULL},
    {"trio.to_thread", no_entries, trio_to_thread_names, NULL, NULL, NULL, false, NULL},
    {"trio.from_thread", no_entries, trio_from_thread_names, NULL, NULL, NULL, false, NULL},
    {"trio.abc", no_entries, trio_abc_names, NULL, NULL, NULL, false, NULL},
};

/* greenlet: the class is Python (sim/py/greenlet.py); the stacks and the
 * switch are the core's (green.h).  _switch and _throw are switched by
 * the VM when bytecode calls them. */
static const ModEntry green_entries[] = {
    {"_new", ME_FN, green_new_n, 0, NULL}, {"_switch", ME_FN, green_switch_n, 0, NULL},
    {"_throw", ME_FN, green_throw_n, 0, NULL}, {"_current", ME_FN, green_current_n, 0, NULL},
    {"_info", ME_FN, green_info_n, 0, NULL}, {"_set", ME_FN, green_set_n, 0, NULL}, {NULL, 0, NULL, 0, NULL},
};
static const char *const green_names[] = {"greenlet", "getcurrent", "GreenletExit", "error", "settrace", "gettrace", NULL};

static void green_setup(Sim *S, Dict *d)
{
    static const struct { const char *name; int resume; } sw[] = {{"_switch", RESUME_GSWITCH}, {"_throw", RESUME_GTHROW}};
    for (size_t i = 0; i < ARRAY_LEN(sw); i++) {
        Native *n = AS_NATIVE(dict_get_str(d, str_intern(S, sw[i].name, strlen(sw[i].name))));
        n->meth_flags |= NF_RESUMES;
        n->data = sw[i].resume;
    }
}

const ModDef mod_greenlet_def = {"greenlet", green_entries, green_names, green_setup, "greenlet", NULL, false, NULL};

/* gevent: all Python (sim/py/gevent.py), on greenlets and _interleave.
 * Its submodules have no Python part of their own: importing one fills it
 * from the package's _submodules table (modules.c), and these lists are
 * what the compiler checks `from gevent.X import Y` against. */
static const char *const gevent_names[] = {
    "spawn", "spawn_later", "spawn_raw", "joinall", "killall", "wait", "iwait", "sleep", "idle", "kill",
    "getcurrent", "get_hub", "Greenlet", "GreenletExit", "Timeout", "with_timeout", "getswitchinterval",
    "setswitchinterval", "reinit", "__version__", NULL,
};
static const char *const gevent_exceptions_names[] = {
    "LoopExit", "ConcurrentObjectUseError", "InvalidSwitchError", "BlockingSwitchOutError", "InvalidThreadUseError",
    "HubDestroyed", NULL,
};
static const char *const gevent_hub_names[] = {
    "Hub", "get_hub", "sleep", "idle", "kill", "spawn_raw", "LoopExit", "Waiter", "getcurrent", "GreenletExit",
    "greenlet", NULL,
};
static const char *const gevent_greenlet_names[] = {"Greenlet", "joinall", "killall", "GreenletExit", NULL};
static const char *const gevent_timeout_names[] = {"Timeout", "with_timeout", NULL};
static const char *const gevent_event_names[] = {"Event", "AsyncResult", NULL};
static const char *const gevent_lock_names[] = {"Semaphore", "BoundedSemaphore", "DummySemaphore", "RLock", NULL};
static const char *const gevent_queue_names[] = {
    "Queue", "JoinableQueue", "UnboundQueue", "PriorityQueue", "LifoQueue", "SimpleQueue", "Empty", "Full", NULL,
};
static const char *const gevent_pool_names[] = {"Pool", "Group", "PoolFull", NULL};
static const char *const gevent_monkey_names[] = {
    "patch_all", "patch_thread", "patch_time", "patch_queue", "patch_socket", "patch_dns", "patch_select",
    "patch_ssl", "patch_subprocess", "patch_os", "patch_signal", "patch_sys", "patch_builtins",
    "is_module_patched", "is_object_patched", "get_original", NULL,
};

static const ModDef gevent_sub_defs[] = {
    {"gevent.exceptions", no_entries, gevent_exceptions_names, NULL, NULL, NULL, false, NULL},
    {"gevent.hub", no_entries, gevent_hub_names, NULL, NULL, NULL, false, NULL},
    {"gevent.greenlet", no_entries, gevent_greenlet_names, NULL, NULL, NULL, false, NULL},
    {"gevent.timeout", no_entries, gevent_timeout_names, NULL, NULL, NULL, false, NULL},
    {"gevent.event", no_entries, gevent_event_names, NULL, NULL, NULL, false, NULL},
    {"gevent.lock", no_entries, gevent_lock_names, NULL, NULL, NULL, false, NULL},
    {"gevent.queue", no_entries, gevent_queue_names, NULL, NULL, NULL, false, NULL},
    {"gevent.pool", no_entries, gevent_pool_names, NULL, NULL, NULL, false, NULL},
    {"gevent.monkey", no_entries, gevent_monkey_names, NULL, NULL, NULL, false, NULL},
};
static const ModDef gevent_def = {"gevent", no_entries, gevent_names, NULL, "gevent", NULL, false, NULL};

const ModDef *const mod_gevent_list[] = {
    &gevent_sub_defs[0], &gevent_sub_defs[1], &gevent_sub_defs[2], &gevent_sub_defs[3], &gevent_sub_defs[4],
    &gevent_sub_defs[5], &gevent_sub_defs[6], &gevent_sub_defs[7], &gevent_sub_defs[8], &gevent_def, NULL,
};
