/* mod_threading.c - threading.Thread and the threading module's functions,
 * and the queue module.  Thread.run comes from sim/py/threading.py, so a
 * thread's first frame is Python, as in CPython. */
#include "mod_threading.h"
#include "attr.h"
#include "dict.h"
#include "gc.h"
#include "io.h"
#include "list.h"
#include "native.h"
#include "proc.h"
#include "repr.h"
#include "str.h"
#include "sync.h"
#include "tuple.h"

#include <stdio.h>
#include <stdlib.h>

typedef struct ThreadData {
    Task *task;           /* NULL until started; the main thread's task for _MainThread */
    Str *name;
    bool daemon;
    bool started;
    int obj;              /* trace object */
} ThreadData;

static const PayloadOps thread_payload_ops;

static void thread_mark(Sim *S, void *p) { gc_mark_obj(S, (Obj *)((ThreadData *)p)->name); }
static void thread_free(Sim *S, void *p)
{
    (void)S;
    free(p);
}

static int thread_trace_obj(Value v)
{
    if (is_instance(v) && AS_INST(v)->cls->payload == &thread_payload_ops && AS_INST(v)->payload)
        return ((ThreadData *)AS_INST(v)->payload)->obj;
    return -1;
}

/* fork: the child's copy refers to the same thread (CPython's child keeps
 * the Thread objects, which are not running there); a pickle refuses */
static int thread_clone(Copier *C, Value v, Value *out)
{
    if (proc_copy_mode(C) != COPY_FORK) return proc_unpicklable(C, v);
    *out = v;
    return 0;
}

static const PayloadOps thread_payload_ops = {"thread", thread_mark, thread_free, thread_clone, thread_trace_obj, NULL, false, false};

static ThreadData *thread_of(Task *T, Value v)
{
    if (is_instance(v) && AS_INST(v)->cls->payload == &thread_payload_ops && AS_INST(v)->payload)
        return AS_INST(v)->payload;
    exc_raise(T, EXC_TypeError, "expected a threading.Thread, not %s", obj_type_name(T->S, v));
    return NULL;
}

static int64_t ident_of(Task *T) { return 139900000000000LL + (int64_t)T->id * 4096; }


/* The Thread object of task T (the main thread's is made on demand). */
Value mod_threading_thread_object(Task *T)
{
    Sim *S = T->S;
    if (!is_undef(T->thread_obj)) return T->thread_obj;
    Value cls = dict_get_str(sync_st(S)->threading, str_intern(S, "Thread", 6));
    Instance *in = obj_instance_new(S, AS_CLASS(cls));
    ThreadData *td = xcalloc(1, sizeof *td);
    td->task = T;
    td->name = str_from_c(S, T->name);
    td->started = true;
    td->obj = trace_add_obj(S->trace, OBJ_THREAD, T->proc->ps->tid, T->clock);
    in->payload = td;
    in->dict = dict_new(S);
    dict_set_str(S, in->dict, str_intern(S, "_target", 7), v_none());
    T->thread_obj = v_obj(in);
    return T->thread_obj;
}

NATIVE(thread_new)
{
    Instance *in = obj_instance_new(T->S, AS_CLASS(args[0]));
    ThreadData *td = xcalloc(1, sizeof *td);
    td->obj = -1;
    in->payload = td;
    *out = v_obj(in);
    return NAT_OK;
}

NATIVE(thread_init)
{
    Sim *S = T->S;
    Value a[6];
    if (nat_parse(T, "Thread.__init__", args + 1, nargs - 1, kw, "|group,target,name,args,kwargs$daemon", a) < 0) return NAT_ERR;
    ThreadData *td = thread_of(T, args[0]);
    if (!td) return NAT_ERR;
    if (!is_undef(a[0]) && !is_none(a[0])) return exc_raise(T, EXC_AssertionError, "group argument must be None for now");
    Value target = is_undef(a[1]) ? v_none() : a[1];
    Proc *P = T->proc;
    if (is_undef(a[2]) || is_none(a[2])) {
        char buf[256];
        int n = ++P->thread_counter;
        Value tn;
        if (!is_none(target) && attr_get_opt(T, target, S->sym[SYM_name], &tn) == 1 && is_str(tn))
            snprintf(buf, sizeof buf, "Thread-%d (%s)", n, AS_STR(tn)->s);
        else
            snprintf(buf, sizeof buf, "Thread-%d", n);
        T->exc = v_undef();
        td->name = str_from_c(S, buf);
    } else {
        td->name = AS_STR(repr_str(T, a[2]));
    }
    if (is_undef(a[5]) || is_none(a[5])) {
        ThreadData *cur = AS_INST(mod_threading_thread_object(T))->payload;
        td->daemon = cur->daemon;
    } else {
        int d = obj_truthy(T, a[5]);
        if (d < 0) return NAT_ERR;
        td->daemon = d;
    }
    Instance *in = AS_INST(args[0]);
    if (!in->dict) in->dict = dict_new(S);
    Value targs = is_undef(a[3]) ? v_obj(tuple_new(S, 0)) : a[3];
    if (!is_tuple(targs)) {
        List *l;
        if (obj_to_list(T, targs, &l) < 0) return NAT_ERR;
        Tuple *t = tuple_new(S, l->n);
        vcopy(t->v, l->v, l->n);
        targs = v_obj(t);
    }
    dict_set_str(S, in->dict, str_intern(S, "_target", 7), target);
    dict_set_str(S, in->dict, str_intern(S, "_args", 5), targs);
    dict_set_str(S, in->dict, str_intern(S, "_kwargs", 7),
                 is_undef(a[4]) || is_none(a[4]) ? v_obj(dict_new(S)) : a[4]);
    *out = v_none();
    return NAT_OK;
}

NATIVE(thread_start)
{
    Sim *S = T->S;
    ThreadData *td = thread_of(T, args[0]);
    if (!td) return NAT_ERR;
    if (T->retry == 0) {
        if (nat_count(T, "start", nargs - 1, kw, 0, 0) < 0) return NAT_ERR;
        if (td->started) return exc_raise(T, EXC_RuntimeError, "threads can only be started once");
        if (!td->name) return exc_raise(T, EXC_RuntimeError, "thread.__init__() not called");
        Task *N = sched_new_thread(S, T->proc, td->name->s, td->daemon, T->clock);
        if (!N) return exc_raise(T, EXC_RuntimeError, TOO_MANY_TASKS);
        N->st->is_thread = true;
        N->thread_obj = args[0];
        td->task = N;
        td->started = true;
        td->obj = trace_add_obj(S->trace, OBJ_THREAD, T->proc->ps->tid, T->clock);
        /* its first frame: self.run() */
        Value run, dummy;
        if (attr_get(T, args[0], str_intern(S, "run", 3), &run) < 0) return NAT_ERR;
        if (vm_start_call(N, run, NULL, 0, NULL, &dummy) < 0) {
            /* run() could not even start: report like CPython and finish */
            T->exc = N->exc;
            N->exc = v_undef();
            return NAT_ERR;
        }
        sched_event(T, EV_SPAWN, N->st->tid, td->obj);
        sched_start_task(S, N, T->clock, S->set.v[SET_thread_start_cost], R_STARTING);
    }
    /* CPython's start() waits until the new thread is running */
    Task *N = td->task;
    if (N->st->started || N->st->done) {
        *out = v_none();
        return NAT_OK;
    }
    return sched_block(T, &N->st->start_waiters, R_START_WAIT, td->obj, -1);
}

NATIVE(thread_join)
{
    ThreadData *td = thread_of(T, args[0]);
    if (!td) return NAT_ERR;
    if (T->retry == 0) {
        Value a[1];
        if (nat_parse(T, "join", args + 1, nargs - 1, kw, "|timeout", a) < 0) return NAT_ERR;
        if (!td->started) return exc_raise(T, EXC_RuntimeError, "cannot join thread before it is started");
        if (td->task == T) return exc_raise(T, EXC_RuntimeError, "cannot join current thread");
        if (sched_deadline(T, a[0], &T->deadline) < 0) return NAT_ERR;
    }
    Task *N = td->task;
    if (N->st->done || (T->retry && T->st->timed_out) || (T->deadline >= 0 && T->clock >= T->deadline)) {
        T->st->waits_for = NULL;
        if (N->st->done) sched_event(T, EV_JOIN, N->st->tid, td->obj);
        *out = v_none();
        return NAT_OK;
    }
    T->st->waits_for = N;
    return sched_block(T, &N->st->joiners, R_JOIN, td->obj, T->deadline);
}

NATIVE(thread_is_alive)
{
    ThreadData *td = thread_of(T, args[0]);
    if (!td) return NAT_ERR;
    *out = v_bool(td->started && td->task && !td->task->st->done);
    return NAT_OK;
}

NATIVE(thread_get_name)
{
    ThreadData *td = thread_of(T, args[0]);
    if (!td) return NAT_ERR;
    *out = td->name ? v_obj(td->name) : v_none();
    return NAT_OK;
}

NATIVE(thread_set_name)
{
    ThreadData *td = thread_of(T, args[0]);
    if (!td) return NAT_ERR;
    if (nargs < 2) return exc_raise(T, EXC_TypeError, "name is required");
    td->name = AS_STR(repr_str(T, args[1]));
    if (td->task) {
        free(td->task->name);
        td->task->name = xstrdup(td->name->s);
        trace_rename_task(T->S->trace, td->task->st->tid, td->name->s);
    }
    *out = v_none();
    return NAT_OK;
}

NATIVE(thread_get_daemon)
{
    ThreadData *td = thread_of(T, args[0]);
    if (!td) return NAT_ERR;
    *out = v_bool(td->daemon);
    return NAT_OK;
}

NATIVE(thread_set_daemon)
{
    ThreadData *td = thread_of(T, args[0]);
    if (!td) return NAT_ERR;
    if (nargs < 2) return exc_raise(T, EXC_TypeError, "daemon is required");
    if (td->started) return exc_raise(T, EXC_RuntimeError, "cannot set daemon status of active thread");
    int d = obj_truthy(T, args[1]);
    if (d < 0) return NAT_ERR;
    td->daemon = d;
    *out = v_none();
    return NAT_OK;
}

NATIVE(thread_ident)
{
    ThreadData *td = thread_of(T, args[0]);
    if (!td) return NAT_ERR;
    *out = td->task && td->started ? v_int(ident_of(td->task)) : v_none();
    return NAT_OK;
}

NATIVE(thread_native_id)
{
    ThreadData *td = thread_of(T, args[0]);
    if (!td) return NAT_ERR;
    *out = td->task && td->started ? v_int(T->proc->pid + td->task->id) : v_none();
    return NAT_OK;
}

NATIVE(thread_repr)
{
    ThreadData *td = thread_of(T, args[0]);
    if (!td) return NAT_ERR;
    const char *status = !td->started ? "initial" : td->task->st->done ? "stopped" : "started";
    SBuf b = STR_BUF; /* the name is any str */
    sb_printf(&b, "<%s(%s, %s", AS_INST(args[0])->cls->name->s, td->name ? td->name->s : "?", status);
    if (td->daemon) sb_puts(&b, " daemon");
    if (td->started) sb_printf(&b, " %lld", (long long)ident_of(td->task));
    sb_puts(&b, ")>");
    return str_from_buf(T, &b, out) < 0 ? NAT_ERR : NAT_OK;
}

/* ---- threading.local ----
 *
 * One attribute dict per thread, as CPython's _thread._local: a thread
 * that touches the object for the first time gets a fresh dict, and a
 * subclass's __init__ runs again there with the constructor's arguments.
 * Threads are keyed by task id, which the run never reuses. */

typedef struct LocalDict {
    int task;             /* Task.id of the thread */
    Dict *dict;
} LocalDict;

typedef struct LocalData {
    Value args;           /* the constructor's positional arguments (a tuple) */
    Value kwnames;        /* their keyword names (a tuple) or undef */
    BUF(LocalDict) dicts;
} LocalData;

static const PayloadOps local_payload_ops;

static void local_mark(Sim *S, void *p)
{
    LocalData *ld = p;
    gc_mark_value(S, ld->args);
    gc_mark_value(S, ld->kwnames);
    for (size_t i = 0; i < ld->dicts.n; i++) gc_mark_obj(S, (Obj *)ld->dicts.v[i].dict);
}

static void local_free(Sim *S, void *p)
{
    (void)S;
    BUF_FREE(((LocalData *)p)->dicts);
    free(p);
}

/* fork: the child's main thread is the thread that forked, so it sees
 * that thread's attributes; a pickle refuses, as CPython's does */
static int local_clone(Copier *C, Value v, Value *out)
{
    if (proc_copy_mode(C) != COPY_FORK) return proc_unpicklable(C, v);
    LocalData *ld = AS_INST(v)->payload, *nd = xcalloc(1, sizeof *nd);
    nd->args = ld->args;
    nd->kwnames = ld->kwnames;
    Value copy;
    if (proc_copy_instance(C, v, nd, &copy) < 0) return -1;
    Value a;
    if (proc_copy_nested(C, ld->args, &a) < 0) return -1;
    nd->args = a;
    int forker = proc_copy_task(C)->id;
    for (size_t i = 0; i < ld->dicts.n; i++) {
        if (ld->dicts.v[i].task != forker) continue;
        Value d;
        if (proc_copy_nested(C, v_obj(ld->dicts.v[i].dict), &d) < 0) return -1;
        LocalDict e = {proc_copy_dst(C)->ps->main->id, AS_DICT(d)};
        BUF_PUSH(nd->dicts, e);
    }
    *out = copy;
    return 0;
}

/* The running thread's dict; a thread new to the object gets one, and the
 * class's own __init__ (if it has one) runs on it with the saved arguments. */
static int local_inst_dict(Task *T, Value v, Dict **out)
{
    Sim *S = T->S;
    LocalData *ld = AS_INST(v)->payload;
    for (size_t i = 0; i < ld->dicts.n; i++)
        if (ld->dicts.v[i].task == T->id) {
            *out = ld->dicts.v[i].dict;
            return 0;
        }
    /* forget the dicts of threads that have ended, as CPython does */
    size_t k = 0;
    for (size_t i = 0; i < ld->dicts.n; i++) {
        Task *X = ld->dicts.v[i].task < (int)S->tasks.n ? S->tasks.v[ld->dicts.v[i].task] : NULL;
        if (X && X->st && !X->st->done) ld->dicts.v[k++] = ld->dicts.v[i];
    }
    ld->dicts.n = k;
    LocalDict e = {T->id, dict_new(S)};
    BUF_PUSH(ld->dicts, e);
    *out = e.dict;
    Value init = obj_class_lookup(S, AS_INST(v)->cls, S->sym[SYM_init]);
    if (!is_kind(init, K_FUNC)) return 0;
    Tuple *a = AS_TUPLE(ld->args);
    Value small[9], r;
    Value *cargs = a->n + 1 <= 9 ? small : xmalloc((size_t)(a->n + 1) * sizeof(Value));
    cargs[0] = v;
    vcopy(cargs + 1, a->v, a->n);
    int rc = vm_call(T, init, cargs, (int)a->n + 1, is_undef(ld->kwnames) ? NULL : AS_TUPLE(ld->kwnames), &r);
    if (cargs != small) free(cargs);
    if (rc < 0) {
        /* a failed __init__ leaves no dict behind */
        for (size_t i = 0; i < ld->dicts.n; i++)
            if (ld->dicts.v[i].task == T->id) ld->dicts.v[i] = ld->dicts.v[--ld->dicts.n];
        return -1;
    }
    return 0;
}

static const PayloadOps local_payload_ops = {"local", local_mark, local_free, local_clone, NULL, local_inst_dict, false, false};

/* local(*args, **kwargs): arguments are kept for the subclass's __init__
 * in each thread; without one, CPython refuses them. */
NATIVE(local_new)
{
    Sim *S = T->S;
    Class *cls = AS_CLASS(args[0]);
    Value init = obj_class_lookup(S, cls, S->sym[SYM_init]);
    if (nargs > 1 && !is_kind(init, K_FUNC))
        return exc_raise(T, EXC_TypeError, "Initialization arguments are not supported");
    Instance *in = obj_instance_new(S, cls);
    LocalData *ld = xcalloc(1, sizeof *ld);
    /* positionals then keyword values, as vm_call takes them back */
    Tuple *a = tuple_new(S, nargs - 1);
    vcopy(a->v, args + 1, nargs - 1);
    ld->args = v_obj(a);
    ld->kwnames = kw ? v_obj(kw) : v_undef();
    /* the creating thread's dict: its __init__ is the ordinary call that follows */
    LocalDict e = {T->id, dict_new(S)};
    BUF_PUSH(ld->dicts, e);
    in->payload = ld;
    *out = v_obj(in);
    return NAT_OK;
}

/* ---- module functions ---- */

NATIVE(th_current_thread)
{
    if (nat_count(T, "current_thread", nargs, kw, 0, 0) < 0) return NAT_ERR;
    *out = mod_threading_thread_object(T);
    return NAT_OK;
}

NATIVE(th_main_thread)
{
    if (nat_count(T, "main_thread", nargs, kw, 0, 0) < 0) return NAT_ERR;
    *out = mod_threading_thread_object(T->proc->ps->main);
    return NAT_OK;
}

NATIVE(th_get_ident)
{
    if (nat_count(T, "get_ident", nargs, kw, 0, 0) < 0) return NAT_ERR;
    *out = v_int(ident_of(T));
    return NAT_OK;
}

NATIVE(th_get_native_id)
{
    if (nat_count(T, "get_native_id", nargs, kw, 0, 0) < 0) return NAT_ERR;
    *out = v_int(T->proc->pid + T->id);
    return NAT_OK;
}

static bool counts(Task *X, Proc *P) { return X->proc == P && X->st && X->st->is_thread && X->st->started && !X->st->done; }

NATIVE(th_active_count)
{
    if (nat_count(T, "active_count", nargs, kw, 0, 0) < 0) return NAT_ERR;
    int64_t n = 0;
    for (size_t i = 0; i < T->S->tasks.n; i++)
        if (counts(T->S->tasks.v[i], T->proc)) n++;
    *out = v_int(n);
    return NAT_OK;
}

NATIVE(th_enumerate)
{
    if (nat_count(T, "enumerate", nargs, kw, 0, 0) < 0) return NAT_ERR;
    List *l = list_new(T->S, 0);
    for (size_t i = 0; i < T->S->tasks.n; i++) {
        Task *X = T->S->tasks.v[i];
        if (counts(X, T->proc)) list_append(T->S, l, mod_threading_thread_object(X));
    }
    *out = v_obj(l);
    return NAT_OK;
}

/* A header line and an exception's traceback on stderr: the default
 * excepthook's "Exception in thread NAME:" (threading.py calls it). */
NATIVE(th_print_exception)
{
    if (nat_count(T, "_print_exception", nargs, kw, 2, 2) < 0) return NAT_ERR;
    if (!is_str(args[0]) || !obj_is_exc_instance(T->S, args[1]))
        return exc_raise(T, EXC_TypeError, "_print_exception(header, exception)");
    SBuf b = STR_BUF;
    sb_printf(&b, "%s\n", AS_STR(args[0])->s);
    exc_format_task(T, args[1], &b);
    if (io_write_buf(T, 2, &b) < 0) return NAT_ERR;
    *out = v_none();
    return NAT_OK;
}

static const ModEntry threading_entries[] = {
    {"current_thread", ME_FN, th_current_thread, 0, NULL}, {"currentThread", ME_FN, th_current_thread, 0, NULL},
    {"main_thread", ME_FN, th_main_thread, 0, NULL}, {"get_ident", ME_FN, th_get_ident, 0, NULL},
    {"get_native_id", ME_FN, th_get_native_id, 0, NULL}, {"active_count", ME_FN, th_active_count, 0, NULL},
    {"activeCount", ME_FN, th_active_count, 0, NULL}, {"enumerate", ME_FN, th_enumerate, 0, NULL},
    {"TIMEOUT_MAX", ME_FLOAT, NULL, 9223372036.0, NULL},
    {"_print_exception", ME_FN, th_print_exception, 0, NULL}, {NULL, 0, NULL, 0, NULL},
};

static const char *const threading_names[] = {"Thread", "_register_atexit", "local", "Timer", "excepthook",
                                              "__excepthook__", "ExceptHookArgs", SYNC_THREADING_NAMES, NULL};

static void threading_setup(Sim *S, Dict *d)
{
    Class *c = attr_class_new(S, str_intern(S, "Thread", 6), NULL, NULL, NULL);
    c->payload = &thread_payload_ops;
    c->ctor = thread_new;
    c->module = str_from_c(S, "threading");
    dict_set_str(S, d, c->name, v_obj(c));
    static const struct { const char *n; NativeFn f; } m[] = {
        {"__init__", thread_init}, {"start", thread_start}, {"join", thread_join}, {"is_alive", thread_is_alive},
        {"getName", thread_get_name}, {"setName", thread_set_name}, {"isDaemon", thread_get_daemon},
        {"setDaemon", thread_set_daemon}, {"__repr__", thread_repr},
    };
    for (size_t i = 0; i < ARRAY_LEN(m); i++) nat_def_method(S, c, m[i].n, m[i].f);
    static const struct { const char *n; NativeFn get, set; } props[] = {
        {"name", thread_get_name, thread_set_name}, {"daemon", thread_get_daemon, thread_set_daemon},
        {"ident", thread_ident, NULL}, {"native_id", thread_native_id, NULL},
    };
    for (size_t i = 0; i < ARRAY_LEN(props); i++) {
        Property *p = gc_alloc(S, K_PROPERTY, sizeof(Property));
        Native *g = obj_native_new(S, props[i].n, props[i].get, NF_METHOD);
        g->owner = c;
        p->fget = v_obj(g);
        if (props[i].set) {
            Native *s = obj_native_new(S, props[i].n, props[i].set, NF_METHOD);
            s->owner = c;
            p->fset = v_obj(s);
        } else {
            p->fset = v_none();
        }
        p->fdel = v_none();
        dict_set_str(S, c->dict, str_intern(S, props[i].n, strlen(props[i].n)), v_obj(p));
    }
    c = attr_class_new(S, str_intern(S, "_local", 6), NULL, NULL, NULL);
    c->payload = &local_payload_ops;
    c->ctor = local_new;
    c->module = str_from_c(S, "_thread");
    dict_set_str(S, d, str_intern(S, "local", 5), v_obj(c));
    sync_register_threading(S, d);
}

/* After sim/py/threading.py ran: Thread.run is its `run`. */
static void threading_after_py(Sim *S, Dict *d)
{
    Value run = dict_get_str(d, str_intern(S, "run", 3));
    Value cls = dict_get_str(d, str_intern(S, "Thread", 6));
    dict_set_str(S, AS_CLASS(cls)->dict, str_intern(S, "run", 3), run);
    dict_del_str(S, d, str_intern(S, "run", 3));
}

const ModDef mod_threading_def = {"threading", threading_entries, threading_names, threading_setup, "threading",
                              threading_after_py, false, "threading_extra"};

static const ModEntry queue_entries[] = {{NULL, 0, NULL, 0, NULL}};
static const char *const queue_names[] = {SYNC_QUEUE_NAMES, NULL};

static void queue_setup(Sim *S, Dict *d)
{
    sync_register_queue(S, d);
}

const ModDef mod_threading_queue_def = {"queue", queue_entries, queue_names, queue_setup, NULL, NULL, false, NULL};
