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
#include "sched.h"
#include "str.h"
#include "tuple.h"

#include <math.h>

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

/* row(name, reason) -> a new task row under the current thread, ready
 * for reason (trio's next batch, the gevent hub's callback queue) */
NATIVE(drv_row)
{
    Str *name;
    if (nat_count(T, "row", nargs, kw, 2, 2) < 0 || nat_arg_str(T, args[0], "row", &name) < 0) return NAT_ERR;
    int reason = reason_code(T, args[1]);
    if (reason < 0) return NAT_ERR;
    Trace *tr = T->S->trace;
    int row = trace_add_task(tr, name->s, TK_COROUTINE, T->proc->ps->tid, T->st->tid, false, T->clock);
    if (row < 0) return exc_raise(T, EXC_RuntimeError, "too many tasks for the trace");
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

/* park(row, state, reason): the task's step is over; it is in state
 * ("ready", "awaiting", "blocked", "sleeping", "done") for reason */
NATIVE(drv_park)
{
    int row;
    if (nat_count(T, "park", nargs, kw, 3, 3) < 0 || row_arg(T, args[0], &row) < 0) return NAT_ERR;
    int state = state_code(T, args[1]), reason = state < 0 ? -1 : reason_code(T, args[2]);
    if (state < 0 || reason < 0) return NAT_ERR;
    if (T->subtask == row) T->subtask = -1;
    trace_state(T->S->trace, T->clock, row, state, -1, reason, -1);
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
    SBuf b = {0};
    exc_format_task(T, args[0], &b);
    *out = str_value_n(T->S, b.s ? b.s : "", b.n);
    sb_free(&b);
    return NAT_OK;
}

/* caller() -> (file, line, function) of the innermost frame of the
 * program's own code, as logging's findCaller reports it: frames of the
 * simulator's library modules (logging itself) are skipped */
NATIVE(drv_caller)
{
    if (nat_count(T, "caller", nargs, kw, 0, 0) < 0) return NAT_ERR;
    for (Ctx *c = T->cur; c; c = c->gen ? c->gen->parent : NULL) {
        for (int32_t i = c->nframes - 1; i >= 0; i--) {
            Frame *f = &c->frames[i];
            Code *code = f->code;
            if (!code->src || code->src->library) continue;
            uint32_t pc = f->pc ? f->pc - 1 : 0;
            if (pc >= (uint32_t)code->nops) pc = (uint32_t)code->nops - 1;
            Tuple *t = tuple_new(T->S, 3);
            t->v[0] = str_value(T->S, code->src->name);
            t->v[1] = v_int(code->lines[pc]);
            t->v[2] = v_obj(code->name);
            *out = v_obj(t);
            return NAT_OK;
        }
    }
    Tuple *t = tuple_new(T->S, 3);
    t->v[0] = str_value(T->S, "(unknown file)");
    t->v[1] = v_int(0);
    t->v[2] = str_value(T->S, "(unknown function)");
    *out = v_obj(t);
    return NAT_OK;
}

static const ModEntry drv_entries[] = {
    {"row", ME_FN, drv_row, 0, NULL}, {"run", ME_FN, drv_run, 0, NULL}, {"park", ME_FN, drv_park, 0, NULL},
    {"idle", ME_FN, drv_idle, 0, NULL}, {"setting", ME_FN, drv_setting, 0, NULL},
    {"format_exception", ME_FN, drv_format_exception, 0, NULL}, {"caller", ME_FN, drv_caller, 0, NULL},
    {NULL, 0, NULL, 0, NULL},
};
static const char *const drv_names[] = {"row", "run", "park", "idle", "setting", "format_exception", "caller", NULL};

const ModDef mod_drivers_def = {"_interleave", drv_entries, drv_names, NULL, NULL, NULL, false, NULL};

/* trio: all Python (sim/py/trio.py), on the driver seam and _interleave */
static const ModEntry no_entries[] = {{NULL, 0, NULL, 0, NULL}};
static const char *const trio_names[] = {
    "run", "sleep", "sleep_until", "sleep_forever", "current_time", "current_effective_deadline", "open_nursery",
    "Nursery", "CancelScope", "move_on_after", "move_on_at", "fail_after", "fail_at", "Cancelled", "TooSlowError",
    "WouldBlock", "EndOfChannel", "ClosedResourceError", "BrokenResourceError", "BusyResourceError",
    "RunFinishedError", "TrioInternalError", "MultiError", "NonBaseMultiError", "open_memory_channel",
    "MemorySendChannel", "MemoryReceiveChannel", "Event", "Lock", "StrictFIFOLock", "Semaphore", "CapacityLimiter",
    "to_thread", "from_thread", "lowlevel", "TASK_STATUS_IGNORED", NULL,
};
const ModDef mod_trio_def = {"trio", no_entries, trio_names, NULL, "trio", NULL, false, NULL};

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
