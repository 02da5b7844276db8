/* mod_mp.c - the multiprocessing module: Process (fork, spawn,
 * forkserver), Queue, Pipe, Value, Array, shared locks, current_process,
 * cpu_count.  Pool lives in sim/py/multiprocessing.py on top of these. */
#include "mod_mp.h"
#include "attr.h"
#include "dict.h"
#include "gc.h"
#include "list.h"
#include "native.h"
#include "proc.h"
#include "repr.h"
#include "str.h"
#include "sync.h"
#include "tuple.h"

#include <stdio.h>
#include <stdlib.h>

/* multiprocessing's state in the Sim (SLOT_MP). */
typedef struct FdEntry FdEntry;

/* A Pool's worker handler blocked in _wait_for_updates: a worker that
 * ends wakes it, as a process's sentinel does in CPython. */
typedef struct PoolWatch {
    Task *task;
    Value notifier;       /* the pool's change notifier (a Queue) it blocks on */
    BUF(int) pids;        /* the workers it watches */
} PoolWatch;

typedef struct MpState {
    Dict *module;         /* multiprocessing's dict: the classes natives make */
    Class *main_cls, *parent_cls; /* _MainProcess, _ParentProcess (not in the module's namespace) */
    Class *pipe_end_cls;  /* _PipeEnd: the shared end a Connection is a handle on */
    int start_method;     /* set_start_method()'s choice, -1 none */
    BUF(FdEntry *) fds;   /* every pipe handle that is open, or still has its Connection */
    BUF(PoolWatch) watches;
    List *managers;       /* every Manager's objects (a list each), seen by every process */
} MpState;

static MpState *mp_st(Sim *S) { return S->slot[SLOT_MP]; }

/* ---- shared objects: one instance seen by every process ---- */

typedef struct MpObj {
    int kind;             /* MP_* */
    int obj;              /* trace object */
    List *items;          /* queue/pipe: arrived items (pickled snapshots) */
    List *transit;        /* queue/pipe: items on their way, in order */
    int64_t maxsize;
    WaitQ waiters;        /* get()/recv() */
    WaitQ putters;
    Value peer;           /* pipe: the other end's inbox owner */
    Value value;          /* Value: the number */
    List *array;          /* Array: the numbers */
    char typecode;
    Value lock;           /* Value/Array: their lock */
    bool closed;          /* queue: close() was called */
    bool readable, writable; /* pipe end: what its handles may do */
    int nopen;            /* pipe end: handles open on it, in every process */
} MpObj;

enum { MP_QUEUE, MP_CONN, MP_VALUE, MP_ARRAY };

static void mp_mark(Sim *S, void *p)
{
    MpObj *o = p;
    gc_mark_obj(S, (Obj *)o->items);
    gc_mark_obj(S, (Obj *)o->transit);
    gc_mark_obj(S, (Obj *)o->array);
    gc_mark_value(S, o->peer);
    gc_mark_value(S, o->value);
    gc_mark_value(S, o->lock);
}

static void mp_free(Sim *S, void *p)
{
    (void)S;
    MpObj *o = p;
    BUF_FREE(o->waiters);
    BUF_FREE(o->putters);
    free(o);
}

/* made to be shared between processes: every process uses the one object */
static int mp_clone(Copier *C, Value v, Value *out)
{
    proc_copy_bytes(C, 16);
    *out = v;
    return 0;
}

static const PayloadOps mp_payload_ops = {"multiprocessing", mp_mark, mp_free, mp_clone, NULL, NULL, false, false};


/* v's state if it is a multiprocessing object of this kind, else NULL */
static MpObj *mp_peek(Value v, int kind)
{
    if (is_instance(v) && AS_INST(v)->cls->payload == &mp_payload_ops && AS_INST(v)->payload &&
        ((MpObj *)AS_INST(v)->payload)->kind == kind)
        return AS_INST(v)->payload;
    return NULL;
}

static MpObj *mp_of(Task *T, Value v, int kind)
{
    MpObj *o = mp_peek(v, kind);
    if (!o) exc_raise(T, EXC_TypeError, "wrong multiprocessing object");
    return o;
}

static Class *mp_class(Sim *S, const char *name)
{
    Class *c = attr_class_new(S, str_intern(S, name, strlen(name)), NULL, NULL, NULL);
    c->payload = &mp_payload_ops;
    c->module = str_from_c(S, "multiprocessing");
    c->cflags |= CF_FINAL;
    return c;
}

static Value new_mp(Task *T, Class *cls, int kind, int objkind)
{
    Instance *in = obj_instance_new(T->S, cls);
    MpObj *o = xcalloc(1, sizeof *o);
    o->kind = kind;
    o->peer = o->value = o->lock = v_undef();
    o->obj = sched_new_obj(T, objkind);
    in->payload = o;
    return v_obj(in);
}

static const char *const method_names[] = {"fork", "spawn", "forkserver"};

/* forking: every open pipe handle gets the child's twin (Pipe section) */
static void fds_fork(Sim *S, Proc *parent, Proc *child);
static void fds_forked(Sim *S);

/* ---- Process ---- */

/* What a process object stands for, as CPython's classes: a Process the
 * program made, the main process (_MainProcess), a child's view of its
 * parent (_ParentProcess). */
enum { ROLE_PROCESS, ROLE_MAIN, ROLE_PARENT };

typedef struct ProcessData {
    Proc *proc;           /* the child, once started (main/parent: that process) */
    Str *name;
    Str *ident;           /* its _identity, "1" or "1:2": every Process object takes the next number */
    int parent_pid;       /* the pid of the process that made the object (CPython's _parent_pid) */
    int role;             /* ROLE_* */
    bool daemon;
    bool started;         /* started by the process holding this copy (CPython's _popen) */
    bool closed;
    int obj;
} ProcessData;

static void pd_mark(Sim *S, void *p)
{
    gc_mark_obj(S, (Obj *)((ProcessData *)p)->name);
    gc_mark_obj(S, (Obj *)((ProcessData *)p)->ident);
}
static void pd_free(Sim *S, void *p)
{
    (void)S;
    free(p);
}
/* a Process object travels with its name and settings */
static int pd_clone(Copier *C, Value v, Value *out)
{
    ProcessData *nd = xcalloc(1, sizeof *nd);
    *nd = *(ProcessData *)AS_INST(v)->payload;
    return proc_copy_instance(C, v, nd, out);
}

static const PayloadOps process_payload_ops = {"process", pd_mark, pd_free, pd_clone, NULL, NULL, false, false};

static ProcessData *pd_of(Task *T, Value v)
{
    if (is_instance(v) && AS_INST(v)->cls->payload == &process_payload_ops && AS_INST(v)->payload)
        return AS_INST(v)->payload;
    exc_raise(T, EXC_TypeError, "expected a multiprocessing.Process");
    return NULL;
}

/* Is v the calling process's own object (CPython's `self is _current_process`)? */
static bool is_current(Task *T, Value v) { return obj_same(v, T->proc->ps->process_obj); }

/* Most methods refuse a closed process object, as CPython's _check_closed. */
static ProcessData *pd_open(Task *T, Value v)
{
    ProcessData *pd = pd_of(T, v);
    if (pd && pd->closed) {
        exc_raise(T, EXC_ValueError, "process object is closed");
        return NULL;
    }
    return pd;
}

NATIVE(process_new)
{
    Instance *in = obj_instance_new(T->S, AS_CLASS(args[0]));
    ProcessData *pd = xcalloc(1, sizeof *pd);
    pd->obj = -1;
    pd->parent_pid = T->proc->pid;
    in->payload = pd;
    *out = v_obj(in);
    return NAT_OK;
}

NATIVE(process_init)
{
    Sim *S = T->S;
    Value a[6];
    if (nat_parse(T, "Process.__init__", args + 1, nargs - 1, kw, "|group,target,name,args,kwargs$daemon", a) < 0) return NAT_ERR;
    ProcessData *pd = pd_of(T, args[0]);
    if (!pd) return NAT_ERR;
    if (!is_undef(a[0]) && !is_none(a[0])) return exc_raise(T, EXC_AssertionError, "group argument must be None for now");
    Proc *P = T->proc;
    /* as CPython's BaseProcess: the creator's identity and the next
     * number, for every Process object, named or not; the default name
     * is the class's name and the identity (Process-3, Worker-1:2) */
    char id[128];
    snprintf(id, sizeof id, "%s%s%d", P->ident ? P->ident : "", P->ident && *P->ident ? ":" : "", ++P->process_counter);
    pd->ident = str_from_c(S, id);
    pd->parent_pid = P->pid;
    if (is_undef(a[2]) || is_none(a[2])) {
        char buf[256];
        snprintf(buf, sizeof buf, "%s-%s", AS_INST(args[0])->cls->name->s, id);
        pd->name = str_from_c(S, buf);
    } else {
        pd->name = AS_STR(repr_str(T, a[2]));
    }
    if (!is_undef(a[5]) && !is_none(a[5])) {
        int d = obj_truthy(T, a[5]);
        if (d < 0) return NAT_ERR;
        pd->daemon = d;
    } else {
        pd->daemon = P->daemon;
    }
    Instance *in = AS_INST(args[0]);
    if (!in->dict) in->dict = dict_new(S);
    Value targs = is_undef(a[3]) ? v_obj(tuple_new(S, 0)) : a[3];
    dict_set_str(S, in->dict, str_intern(S, "_target", 7), is_undef(a[1]) ? v_none() : a[1]);
    dict_set_str(S, in->dict, str_intern(S, "_args", 5), targs);
    dict_set_str(S, in->dict, str_intern(S, "_kwargs", 7), is_undef(a[4]) || is_none(a[4]) ? v_obj(dict_new(S)) : a[4]);
    *out = v_none();
    return NAT_OK;
}

static const char bootstrap_msg[] =
    "\n"
    "        An attempt has been made to start a new process before the\n"
    "        current process has finished its bootstrapping phase.\n"
    "\n"
    "        This probably means that you are not using fork to start your\n"
    "        child processes and you have forgotten to use the proper idiom\n"
    "        in the main module:\n"
    "\n"
    "            if __name__ == '__main__':\n"
    "                freeze_support()\n"
    "                ...\n"
    "\n"
    "        The \"freeze_support()\" line can be omitted if the program\n"
    "        is not going to be frozen to produce an executable.\n"
    "\n"
    "        To fix this issue, refer to the \"Safe importing of main module\"\n"
    "        section in https://docs.python.org/3/library/multiprocessing.html\n"
    "        ";

/* Stages of a child's main thread (spawn): the module, then the Process
 * object unpickled, then its run(). */
static int child_next_stage(Task *T)
{
    Sim *S = T->S;
    Proc *P = T->proc;
    ProcSched *ps = P->ps;
    SchedTask *st = T->st;
    if (st->stage == PS_MODULE) {
        ps->bootstrapping = false;
        st->stage = PS_UNPICKLE;
        /* unpickling runs on the child's clock */
        Value self;
        int64_t bytes = 0;
        if (proc_copy(T, ps->snapshot, COPY_UNPICKLE, P, &self, &bytes) < 0) {
            ps->snapshot = v_undef();
            return -1;
        }
        ps->snapshot = v_undef();
        T->clock += proc_pickle_ns(S, bytes);
        ps->process_obj = self;
        st->stage = PS_RUN;
        Value run, dummy;
        if (attr_get(T, self, str_intern(S, "run", 3), &run) < 0 || vm_start_call(T, run, NULL, 0, NULL, &dummy) < 0)
            return -1;
        return 1;
    }
    return 0;
}

NATIVE(process_start)
{
    Sim *S = T->S;
    ProcessData *pd = pd_open(T, args[0]);
    if (!pd) return NAT_ERR;
    if (nat_count(T, "start", nargs - 1, kw, 0, 0) < 0) return NAT_ERR;
    if (pd->started) return exc_raise(T, EXC_AssertionError, "cannot start a process twice");
    if (pd->parent_pid != T->proc->pid) return exc_raise(T, EXC_AssertionError, "can only start a process object created by current process");
    if (T->proc->ps->bootstrapping) return exc_raise(T, EXC_RuntimeError, "%s", bootstrap_msg);
    if (T->proc->daemon) return exc_raise(T, EXC_AssertionError, "daemonic processes are not allowed to have children");
    int method = mp_st(S)->start_method >= 0 ? mp_st(S)->start_method : (int)S->set.v[SET_start_method];
    /* a context's Process class (SpawnProcess...) names its own method */
    Value sm;
    int found = attr_get_opt(T, v_obj(AS_INST(args[0])->cls), str_intern(S, "_start_method", 13), &sm);
    if (found < 0) return NAT_ERR;
    if (found && is_str(sm))
        for (int i = 0; i < 3; i++)
            if (str_eq_c(AS_STR(sm), method_names[i])) method = i;
    if (S->trace->tasks.n >= TRACE_MAX_TASKS) return exc_raise(T, EXC_RuntimeError, TOO_MANY_TASKS);
    /* fork's EAGAIN, as the OS answers past ulimit -u */
    if (sched_procs_full(S)) {
        char msg[160];
        snprintf(msg, sizeof msg, "Resource temporarily unavailable (the simulator runs at most %lld processes at once: the max_processes setting)",
                 (long long)S->set.v[SET_max_processes]);
        Value eargs[2] = {v_int(11), v_obj(str_from_c(S, msg))};
        return exc_raise_value(T, exc_new(T, S->exc[EXC_BlockingIOError], eargs, 2));
    }
    Proc *child = sched_new_proc(S, T->proc, pd->name->s);
    child->ident = xstrdup(pd->ident ? pd->ident->s : "");
    child->daemon = pd->daemon;
    child->thread_counter = method == 0 ? T->proc->thread_counter : 0;
    Task *M = sched_new_thread(S, child, "MainThread", false, T->clock);
    M->st->is_thread = true;
    child->ps->main = M;
    int64_t cost;
    if (method == 0) {
        /* fork: the child starts as a copy of this process, with a handle
         * of its own on every pipe end this one has open */
        Value self;
        fds_fork(S, T->proc, child);
        int rc = proc_fork_copy(T, child, args[0], &self);
        fds_forked(S);
        if (rc < 0) {
            sched_proc_abandon(S, child);
            return NAT_ERR;
        }
        child->ps->process_obj = self;
        M->st->stage = PS_RUN;
        Value run, dummy;
        if (attr_get(M, self, str_intern(S, "run", 3), &run) < 0 || vm_start_call(M, run, NULL, 0, NULL, &dummy) < 0) {
            T->exc = M->exc;
            M->exc = v_undef();
            sched_proc_abandon(S, child);
            return NAT_ERR;
        }
        cost = S->set.v[SET_fork_cost];
    } else {
        /* spawn / forkserver: a fresh interpreter re-imports the main
         * module as __mp_main__, then unpickles this Process object */
        int64_t bytes = 0;
        Value snap;
        if (proc_copy(T, args[0], COPY_PICKLE, child, &snap, &bytes) < 0) {
            sched_proc_abandon(S, child);
            return NAT_ERR;
        }
        T->clock += proc_pickle_ns(S, bytes);
        sched_event(T, EV_PICKLE, (int)(bytes > INT32_MAX ? INT32_MAX : bytes), child->ps->tid);
        child->ps->snapshot = snap;
        proc_main_globals(S, child, S->sym[SYM_mp_main]);
        child->ps->bootstrapping = true;
        M->st->stage = PS_MODULE;
        M->st->on_base_done = child_next_stage;
        vm_start_module(M, S->main_code, child->globals);
        cost = method == 1 ? S->set.v[SET_spawn_cost] : S->set.v[SET_forkserver_cost];
    }
    pd->started = true;
    pd->proc = child;
    child->ps->owner_obj = args[0];
    pd->obj = trace_add_obj(S->trace, OBJ_PROCESS, T->proc->ps->tid, T->clock);
    trace_event(S->trace, T->clock, T->st->tid, EV_PROC_START, T->proc->ps->tid, child->ps->tid, method);
    sched_start_task(S, M, T->clock, cost, R_PROC_START);
    *out = v_none();
    return NAT_OK;
}


NATIVE(process_join)
{
    ProcessData *pd = pd_open(T, args[0]);
    if (!pd) return NAT_ERR;
    if (T->retry == 0) {
        Value a[1];
        if (nat_parse(T, "join", args + 1, nargs - 1, kw, "|timeout", a) < 0) return NAT_ERR;
        if (pd->parent_pid != T->proc->pid || pd->role != ROLE_PROCESS || is_current(T, args[0]))
            return exc_raise(T, EXC_AssertionError, "can only join a child process");
        if (!pd->started) return exc_raise(T, EXC_AssertionError, "can only join a started process");
        if (sched_deadline(T, a[0], &T->deadline) < 0) return NAT_ERR;
    }
    Proc *C = pd->proc;
    if (C->ps->exited || (T->retry && T->st->timed_out) || (T->deadline >= 0 && T->clock >= T->deadline)) {
        T->st->waits_for = NULL;
        *out = v_none();
        return NAT_OK;
    }
    T->st->waits_for = C->ps->main;
    return sched_block(T, &C->ps->joiners, R_PROC_JOIN, pd->obj, T->deadline);
}

NATIVE(process_is_alive)
{
    ProcessData *pd = pd_open(T, args[0]);
    if (!pd) return NAT_ERR;
    if (is_current(T, args[0])) *out = v_bool(true);
    else if (pd->role == ROLE_PARENT) *out = v_bool(!pd->proc->ps->exited);
    else if (pd->parent_pid != T->proc->pid) return exc_raise(T, EXC_AssertionError, "can only test a child process");
    else *out = v_bool(pd->started && !pd->proc->ps->exited);
    return NAT_OK;
}

/* terminate() and kill() send a signal: the child ends when it lands
 * (signal_latency later), so is_alive() is still True right after. */
static int kill_impl(Task *T, Value *args, int nargs, Tuple *kw, Value *out, int sig, const char *fname)
{
    ProcessData *pd = pd_open(T, args[0]);
    if (!pd || nat_count(T, fname, nargs - 1, kw, 0, 0) < 0) return NAT_ERR;
    if (pd->started && !pd->proc->ps->exited) sched_proc_signal(T->S, pd->proc, sig, T->clock);
    *out = v_none();
    return NAT_OK;
}

NATIVE(process_terminate) { return kill_impl(T, args, nargs, kw, out, 15, "terminate"); }
NATIVE(process_kill) { return kill_impl(T, args, nargs, kw, out, 9, "kill"); }

NATIVE(process_close)
{
    ProcessData *pd = pd_of(T, args[0]);
    if (!pd || nat_count(T, "close", nargs - 1, kw, 0, 0) < 0) return NAT_ERR;
    if (!pd->closed && pd->started && !pd->proc->ps->exited && !is_current(T, args[0]))
        return exc_raise(T, EXC_ValueError, "Cannot close a process while it is still running. You should first call join() or terminate().");
    pd->closed = true;
    *out = v_none();
    return NAT_OK;
}

NATIVE(process_get_name)
{
    ProcessData *pd = pd_of(T, args[0]);
    if (!pd) return NAT_ERR;
    *out = pd->name ? v_obj(pd->name) : v_none();
    return NAT_OK;
}

NATIVE(process_set_name)
{
    ProcessData *pd = pd_of(T, args[0]);
    if (!pd || nargs < 2) return NAT_ERR;
    if (!is_str(args[1])) return exc_raise(T, EXC_AssertionError, "name must be a string");
    pd->name = AS_STR(args[1]);
    *out = v_none();
    return NAT_OK;
}

NATIVE(process_get_daemon)
{
    ProcessData *pd = pd_of(T, args[0]);
    if (!pd) return NAT_ERR;
    *out = v_bool(pd->daemon);
    return NAT_OK;
}

NATIVE(process_set_daemon)
{
    ProcessData *pd = pd_of(T, args[0]);
    if (!pd || nargs < 2) return NAT_ERR;
    if (pd->started) return exc_raise(T, EXC_AssertionError, "process has already started");
    int d = obj_truthy(T, args[1]);
    if (d < 0) return NAT_ERR;
    pd->daemon = d;
    *out = v_none();
    return NAT_OK;
}

/* pid and ident: the calling process's own object gives its pid, another
 * the child's once this process started it, else None (CPython's
 * `self._popen and self._popen.pid`). */
NATIVE(process_pid)
{
    ProcessData *pd = pd_open(T, args[0]);
    if (!pd) return NAT_ERR;
    if (is_current(T, args[0])) *out = v_int(T->proc->pid);
    else if (pd->role == ROLE_PARENT || pd->started) *out = v_int(pd->proc->pid);
    else *out = v_none();
    return NAT_OK;
}

NATIVE(process_exitcode)
{
    ProcessData *pd = pd_open(T, args[0]);
    if (!pd) return NAT_ERR;
    *out = pd->started && pd->proc->ps->exited && !is_current(T, args[0]) ? v_int(pd->proc->ps->exitcode) : v_none();
    return NAT_OK;
}

/* _identity: a tuple of ints, (1,) or (3, 2) */
NATIVE(process_identity)
{
    ProcessData *pd = pd_of(T, args[0]);
    if (!pd) return NAT_ERR;
    List *l = list_new(T->S, 0);
    const char *p = pd->ident ? pd->ident->s : "";
    while (*p) {
        char *e;
        list_append(T->S, l, v_int(strtoll(p, &e, 10)));
        p = *e == ':' ? e + 1 : e;
    }
    Tuple *t = tuple_new(T->S, l->n);
    vcopy(t->v, l->v, l->n);
    *out = v_obj(t);
    return NAT_OK;
}

/* CPython's names for exit codes that are signals (-15 -> -SIGTERM) */
static const char *const signal_names[] = {NULL, "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT",
                                           "SIGBUS", "SIGFPE", "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2",
                                           "SIGPIPE", "SIGALRM", "SIGTERM"};

/* CPython's BaseProcess.__repr__: the status as the calling process sees
 * it, the pid once it started the child, the parent's pid, the exit code
 * (a signal by name) and the daemon flag. */
NATIVE(process_repr)
{
    ProcessData *pd = pd_of(T, args[0]);
    if (!pd) return NAT_ERR;
    bool cur = is_current(T, args[0]);
    bool stopped = pd->started && pd->proc->ps->exited;
    const char *st = cur ? "started" : pd->closed ? "closed" : pd->parent_pid != T->proc->pid ? "unknown"
                   : !pd->started ? "initial" : stopped ? "stopped" : "started";
    SBuf b = STR_BUF; /* the name is any str */
    sb_printf(&b, "<%s name=", AS_INST(args[0])->cls->name->s);
    repr_write(T, pd->name ? v_obj(pd->name) : v_none(), &b);
    if (pd->started && !pd->closed) sb_printf(&b, " pid=%d", pd->proc->pid);
    if (pd->role == ROLE_PROCESS) sb_printf(&b, " parent=%d", pd->parent_pid);
    else sb_puts(&b, " parent=None");
    sb_printf(&b, " %s", st);
    if (!cur && !pd->closed && pd->parent_pid == T->proc->pid && stopped) {
        int code = pd->proc->ps->exitcode;
        if (code < 0 && -code < (int)ARRAY_LEN(signal_names) && signal_names[-code]) sb_printf(&b, " exitcode=-%s", signal_names[-code]);
        else sb_printf(&b, " exitcode=%d", code);
    }
    if (pd->daemon) sb_puts(&b, " daemon");
    sb_putc(&b, '>');
    return str_from_buf(T, &b, out) < 0 ? NAT_ERR : NAT_OK;
}

/* ---- module functions ---- */

/* An object for process P that no Process() call made: the main process
 * (_MainProcess) or a child's parent (_ParentProcess). */
static Value process_view(Task *T, Proc *P, int role)
{
    Sim *S = T->S;
    Instance *in = obj_instance_new(S, role == ROLE_MAIN ? mp_st(S)->main_cls : mp_st(S)->parent_cls);
    ProcessData *pd = xcalloc(1, sizeof *pd);
    pd->proc = P;
    pd->name = str_from_c(S, P->name);
    pd->ident = str_from_c(S, P->ident ? P->ident : "");
    pd->parent_pid = P->parent_pid;
    pd->role = role;
    pd->obj = -1;
    in->payload = pd;
    return v_obj(in);
}

/* The Process object of the current process (the main one made on demand). */
static Value current_process_obj(Task *T)
{
    ProcSched *ps = T->proc->ps;
    if (is_undef(ps->process_obj)) ps->process_obj = process_view(T, T->proc, ROLE_MAIN);
    return ps->process_obj;
}

NATIVE(mp_current_process)
{
    if (nat_count(T, "current_process", nargs, kw, 0, 0) < 0) return NAT_ERR;
    *out = current_process_obj(T);
    return NAT_OK;
}

NATIVE(mp_parent_process)
{
    if (nat_count(T, "parent_process", nargs, kw, 0, 0) < 0) return NAT_ERR;
    *out = v_none();
    for (size_t i = 0; i < T->S->procs.n; i++) {
        Proc *P = T->S->procs.v[i];
        if (P->pid == T->proc->parent_pid) *out = process_view(T, P, ROLE_PARENT);
    }
    return NAT_OK;
}

NATIVE(mp_cpu_count)
{
    if (nat_count(T, "cpu_count", nargs, kw, 0, 0) < 0) return NAT_ERR;
    *out = v_int(T->S->set.v[SET_cores]);
    return NAT_OK;
}

/* The live children this process started: their Process objects, as
 * CPython's process._children holds them. */
NATIVE(mp_active_children)
{
    if (nat_count(T, "active_children", nargs, kw, 0, 0) < 0) return NAT_ERR;
    List *l = list_new(T->S, 0);
    for (size_t i = 0; i < T->S->procs.n; i++) {
        Proc *P = T->S->procs.v[i];
        if (P->parent_pid != T->proc->pid || P->ps->exited || P == T->proc || is_undef(P->ps->owner_obj)) continue;
        list_append(T->S, l, P->ps->owner_obj);
    }
    *out = v_obj(l);
    return NAT_OK;
}

NATIVE(mp_set_start_method)
{
    Value a[2];
    if (nat_parse(T, "set_start_method", args, nargs, kw, "method|force", a) < 0) return NAT_ERR;
    Sim *S = T->S;
    if (!is_str(a[0])) return exc_raise(T, EXC_ValueError, "cannot find context for %s", obj_type_name(S, a[0]));
    int m = -1;
    for (int i = 0; i < 3; i++)
        if (str_eq_c(AS_STR(a[0]), method_names[i])) m = i;
    if (m < 0) return exc_raise(T, EXC_ValueError, "cannot find context for '%s'", AS_STR(a[0])->s);
    int force = is_undef(a[1]) ? 0 : obj_truthy(T, a[1]);
    if (mp_st(S)->start_method >= 0 && !force) return exc_raise(T, EXC_RuntimeError, "context has already been set");
    mp_st(S)->start_method = m;
    *out = v_none();
    return NAT_OK;
}

NATIVE(mp_get_start_method)
{
    (void)args;
    Sim *S = T->S;
    if (nat_count(T, "get_start_method", nargs, kw, 0, 1) < 0) return NAT_ERR;
    int m = mp_st(S)->start_method >= 0 ? mp_st(S)->start_method : (int)S->set.v[SET_start_method];
    *out = str_value(S, method_names[m]);
    return NAT_OK;
}

NATIVE(mp_freeze_support)
{
    (void)T, (void)args, (void)nargs, (void)kw;
    *out = v_none();
    return NAT_OK;
}

/* ---- Queue ---- */

NATIVE(mpq_new)
{
    Value a[1];
    if (nat_parse(T, "Queue", args + 1, nargs - 1, kw, "|maxsize", a) < 0) return NAT_ERR;
    *out = new_mp(T, AS_CLASS(args[0]), MP_QUEUE, OBJ_MPQUEUE);
    MpObj *q = AS_INST(*out)->payload;
    q->items = list_new(T->S, 0);
    q->transit = list_new(T->S, 0);
    if (!is_undef(a[0]) && nat_arg_int(T, a[0], "Queue", &q->maxsize) < 0) return NAT_ERR;
    return NAT_OK;
}

static void pop_front(List *l)
{
    memmove(l->v, l->v + 1, (size_t)(l->n - 1) * sizeof(Value));
    l->n--;
}

/* An item reaches the queue (or pipe end) after the transfer latency. */
static void arrive(Sim *S, Value qv, int64_t at)
{
    MpObj *q = AS_INST(qv)->payload;
    if (!q->transit->n) return;
    list_append(S, q->items, q->transit->v[0]);
    pop_front(q->transit);
    (void)at;
    sched_wake_one(S, &q->waiters, NULL, q->obj);
}

static int send_item(Task *T, Value qv, MpObj *q, Value item, int64_t latency)
{
    Sim *S = T->S;
    Value snap;
    int64_t bytes = 0;
    if (proc_copy(T, item, COPY_PICKLE, NULL, &snap, &bytes) < 0) return -1;
    T->clock += proc_pickle_ns(S, bytes);
    sched_event(T, EV_PICKLE, (int)(bytes > INT32_MAX ? INT32_MAX : bytes), q->obj);
    sched_event(T, EV_QUEUE_PUT, q->obj, (int)(q->items->n + q->transit->n + 1));
    list_append(S, q->transit, snap);
    sched_callback(S, T->clock + latency, arrive, qv);
    return 0;
}

static int recv_item(Task *T, MpObj *q, Value *out)
{
    Value snap = q->items->v[0];
    pop_front(q->items);
    int64_t bytes = 0;
    if (proc_copy(T, snap, COPY_UNPICKLE, T->proc, out, &bytes) < 0) return -1;
    T->clock += proc_pickle_ns(T->S, bytes);
    sched_event(T, EV_QUEUE_GET, q->obj, (int)q->items->n);
    sched_wake_one(T->S, &q->putters, T, q->obj);
    return 0;
}

NATIVE(mpq_put)
{
    MpObj *q = mp_of(T, args[0], MP_QUEUE);
    if (!q) return NAT_ERR;
    Value a[3];
    if (nat_parse(T, "put", args + 1, nargs - 1, kw, "obj|block,timeout", a) < 0) return NAT_ERR;
    if (T->retry == 0) {
        int block = is_undef(a[1]) ? 1 : obj_truthy(T, a[1]);
        if (block < 0 || sched_deadline(T, block ? a[2] : v_undef(), &T->deadline) < 0) return NAT_ERR;
        T->phase = block;
    }
    if (q->closed) return exc_raise(T, EXC_ValueError, "Queue is closed");
    if (q->maxsize > 0 && q->items->n + q->transit->n >= q->maxsize) {
        if (!T->phase || (T->retry && T->st->timed_out) || (T->deadline >= 0 && T->clock >= T->deadline))
            return exc_raise_value(T, exc_new(T, T->S->exc[EXC_QueueFull], NULL, 0));
        return sched_block(T, &q->putters, R_QUEUE_PUT, q->obj, T->deadline);
    }
    if (send_item(T, args[0], q, a[0], T->S->set.v[SET_queue_latency]) < 0) return NAT_ERR;
    *out = v_none();
    return NAT_OK;
}

NATIVE(mpq_get)
{
    MpObj *q = mp_of(T, args[0], MP_QUEUE);
    if (!q) return NAT_ERR;
    if (T->retry == 0) {
        Value a[2];
        if (nat_parse(T, "get", args + 1, nargs - 1, kw, "|block,timeout", a) < 0) return NAT_ERR;
        int block = is_undef(a[0]) ? 1 : obj_truthy(T, a[0]);
        if (block < 0 || sched_deadline(T, block ? a[1] : v_undef(), &T->deadline) < 0) return NAT_ERR;
        T->phase = block;
    }
    if (q->items->n) return recv_item(T, q, out) < 0 ? NAT_ERR : NAT_OK;
    if (!T->phase || (T->retry && T->st->timed_out) || (T->deadline >= 0 && T->clock >= T->deadline))
        return exc_raise_value(T, exc_new(T, T->S->exc[EXC_QueueEmpty], NULL, 0));
    return sched_block(T, &q->waiters, R_MPQUEUE_GET, q->obj, T->deadline);
}

NATIVE(mpq_put_nowait)
{
    MpObj *q = mp_of(T, args[0], MP_QUEUE);
    if (!q || nat_count(T, "put_nowait", nargs - 1, kw, 1, 1) < 0) return NAT_ERR;
    if (q->maxsize > 0 && q->items->n + q->transit->n >= q->maxsize)
        return exc_raise_value(T, exc_new(T, T->S->exc[EXC_QueueFull], NULL, 0));
    if (send_item(T, args[0], q, args[1], T->S->set.v[SET_queue_latency]) < 0) return NAT_ERR;
    *out = v_none();
    return NAT_OK;
}

NATIVE(mpq_get_nowait)
{
    MpObj *q = mp_of(T, args[0], MP_QUEUE);
    if (!q || nat_count(T, "get_nowait", nargs - 1, kw, 0, 0) < 0) return NAT_ERR;
    if (!q->items->n) return exc_raise_value(T, exc_new(T, T->S->exc[EXC_QueueEmpty], NULL, 0));
    return recv_item(T, q, out) < 0 ? NAT_ERR : NAT_OK;
}

NATIVE(mpq_qsize)
{
    MpObj *q = mp_of(T, args[0], MP_QUEUE);
    if (!q) return NAT_ERR;
    *out = v_int(q->items->n + q->transit->n);
    return NAT_OK;
}

NATIVE(mpq_empty)
{
    MpObj *q = mp_of(T, args[0], MP_QUEUE);
    if (!q) return NAT_ERR;
    *out = v_bool(q->items->n == 0);
    return NAT_OK;
}

NATIVE(mpq_full)
{
    MpObj *q = mp_of(T, args[0], MP_QUEUE);
    if (!q) return NAT_ERR;
    *out = v_bool(q->maxsize > 0 && q->items->n + q->transit->n >= q->maxsize);
    return NAT_OK;
}

NATIVE(mpq_close)
{
    MpObj *q = mp_of(T, args[0], MP_QUEUE);
    if (!q) return NAT_ERR;
    q->closed = true;
    *out = v_none();
    return NAT_OK;
}

NATIVE(mpq_join_thread)
{
    (void)T, (void)args, (void)nargs, (void)kw;
    *out = v_none();
    return NAT_OK;
}

/* ---- Pipe ----
 *
 * A pipe has two ends, each a shared _PipeEnd (an MpObj of kind MP_CONN:
 * the messages that have reached that end, and the readers blocked on it).
 * A Connection is one process's handle on an end, like a file descriptor:
 * fork gives the child a handle of its own on every end the parent holds
 * open (reachable from the child's memory or not), a Connection sent in a
 * pickle arrives as a new handle, and closing one handle closes only it.
 * An end counts its open handles; recv() on the other end raises EOFError
 * once that count is zero and nothing is left to read.  A process that
 * exits closes every handle it holds.  A handle whose Connection object is
 * collected stays open until its process exits (CPython closes it when
 * the last reference goes; the simulator's collector runs at other
 * times). */

typedef struct FdEntry {
    Value end;            /* the _PipeEnd it is a handle on */
    int pid;              /* the process holding it; 0 while it travels in a pickle */
    bool closed;
    bool has_obj;         /* a Connection object uses it */
    struct FdEntry *twin; /* while forking: the child's handle made for this one */
} FdEntry;

typedef struct ConnData {
    FdEntry *fd;          /* NULL: closed, or never opened here */
} ConnData;

static MpState *mp_state(Sim *S) { return S->slot[SLOT_MP]; }

static FdEntry *fd_open(Sim *S, Value end, int pid)
{
    FdEntry *fd = xcalloc(1, sizeof *fd);
    fd->end = end;
    fd->pid = pid;
    ((MpObj *)AS_INST(end)->payload)->nopen++;
    BUF_PUSH(mp_state(S)->fds, fd);
    return fd;
}

static void fd_forget(Sim *S, FdEntry *fd)
{
    MpState *st = mp_state(S);
    for (size_t i = 0; i < st->fds.n; i++)
        if (st->fds.v[i] == fd) {
            st->fds.v[i] = st->fds.v[--st->fds.n];
            break;
        }
    free(fd);
}

/* Close one handle: the last one on an end wakes the readers of the other
 * end (they get EOFError once they have read what is left). */
static void fd_close(Sim *S, FdEntry *fd, Task *by)
{
    if (fd->closed) return;
    fd->closed = true;
    MpObj *e = AS_INST(fd->end)->payload;
    if (--e->nopen == 0) {
        MpObj *peer = AS_INST(e->peer)->payload;
        sched_wake_all(S, &peer->waiters, by, peer->obj);
    }
    if (!fd->has_obj) fd_forget(S, fd);
}

static void conn_mark(Sim *S, void *p)
{
    ConnData *cd = p;
    if (cd->fd) gc_mark_value(S, cd->fd->end);
}

static void conn_free(Sim *S, void *p)
{
    ConnData *cd = p;
    if (cd->fd && mp_state(S)) {
        cd->fd->has_obj = false;
        if (cd->fd->closed) fd_forget(S, cd->fd);
    }
    free(cd);
}

static int conn_clone(Copier *C, Value v, Value *out);
static const PayloadOps conn_payload_ops = {"connection", conn_mark, conn_free, conn_clone, NULL, NULL, false, false};

static Value conn_new(Sim *S, FdEntry *fd)
{
    Instance *in = obj_instance_new(S, AS_CLASS(dict_get_str(mp_st(S)->module, str_intern(S, "Connection", 10))));
    ConnData *cd = xcalloc(1, sizeof *cd);
    cd->fd = fd;
    if (fd) fd->has_obj = true;
    in->payload = cd;
    return v_obj(in);
}

/* fork: the child's handle made for this one before the copy (or a
 * closed Connection for a closed one); pickle: a handle in transit;
 * unpickle: the transit handle becomes the receiver's */
static int conn_clone(Copier *C, Value v, Value *out)
{
    Sim *S = proc_copy_task(C)->S;
    ConnData *cd = AS_INST(v)->payload;
    FdEntry *fd = cd->fd && !cd->fd->closed ? cd->fd : NULL;
    proc_copy_bytes(C, 16);
    switch (proc_copy_mode(C)) {
    case COPY_FORK:
        *out = conn_new(S, fd ? fd->twin : NULL);
        break;
    case COPY_PICKLE:
        if (!fd) return exc_raise(proc_copy_task(C), EXC_OSError, "handle is closed");
        *out = conn_new(S, fd_open(S, fd->end, 0));
        break;
    default:
        *out = conn_new(S, fd);
        if (fd) fd->pid = proc_copy_dst(C)->pid;
        cd->fd = NULL; /* the snapshot has handed its handle over */
        if (fd) fd->has_obj = true;
        break;
    }
    proc_copy_memo(C, v, *out);
    return 0;
}

/* Before a fork: the child gets a handle of its own on every pipe end the
 * parent has open, as fork duplicates every file descriptor. */
static void fds_fork(Sim *S, Proc *parent, Proc *child)
{
    MpState *st = mp_state(S);
    size_t n = st->fds.n;
    for (size_t i = 0; i < n; i++) {
        FdEntry *fd = st->fds.v[i];
        fd->twin = fd->pid == parent->pid && !fd->closed ? fd_open(S, fd->end, child->pid) : NULL;
    }
}

static void fds_forked(Sim *S)
{
    MpState *st = mp_state(S);
    for (size_t i = 0; i < st->fds.n; i++) st->fds.v[i]->twin = NULL;
}

static void watches_proc_exit(Sim *S, Proc *P);

/* A process that exits closes its handles, and wakes a Pool's worker
 * handler that watches it (the scheduler calls this). */
static void mp_proc_exit(Sim *S, Proc *P, int64_t at)
{
    (void)at;
    MpState *st = mp_state(S);
    if (!st) return;
    watches_proc_exit(S, P);
    for (size_t i = 0; i < st->fds.n;) {
        FdEntry *fd = st->fds.v[i];
        if (fd->pid == P->pid && !fd->closed) {
            bool gone = !fd->has_obj;
            fd_close(S, fd, NULL);
            if (gone) continue; /* fd_forget moved another entry here */
        }
        i++;
    }
}

static ConnData *conn_of(Task *T, Value v)
{
    if (is_instance(v) && AS_INST(v)->cls->payload == &conn_payload_ops && AS_INST(v)->payload)
        return AS_INST(v)->payload;
    exc_raise(T, EXC_TypeError, "expected a multiprocessing Connection");
    return NULL;
}

/* The end of an open handle, or NULL with CPython's OSError. */
static MpObj *conn_end(Task *T, Value v, ConnData **cdp)
{
    ConnData *cd = conn_of(T, v);
    if (!cd) return NULL;
    if (!cd->fd || cd->fd->closed) {
        exc_raise(T, EXC_OSError, "handle is closed");
        return NULL;
    }
    if (cdp) *cdp = cd;
    return AS_INST(cd->fd->end)->payload;
}

NATIVE(mp_pipe)
{
    Sim *S = T->S;
    Value a[1];
    if (nat_parse(T, "Pipe", args, nargs, kw, "|duplex", a) < 0) return NAT_ERR;
    int duplex = is_undef(a[0]) ? 1 : obj_truthy(T, a[0]);
    if (duplex < 0) return NAT_ERR;
    Class *cls = mp_st(S)->pipe_end_cls;
    Value e1 = new_mp(T, cls, MP_CONN, OBJ_PIPE), e2 = new_mp(T, cls, MP_CONN, OBJ_PIPE);
    MpObj *p1 = AS_INST(e1)->payload, *p2 = AS_INST(e2)->payload;
    p1->items = list_new(S, 0);
    p1->transit = list_new(S, 0);
    p2->items = list_new(S, 0);
    p2->transit = list_new(S, 0);
    p1->peer = e2;
    p2->peer = e1;
    /* Pipe(duplex=False): the first end only reads, the second only writes */
    p1->readable = p2->writable = true;
    p1->writable = p2->readable = duplex;
    *out = tuple_pair(S, conn_new(S, fd_open(S, e1, T->proc->pid)), conn_new(S, fd_open(S, e2, T->proc->pid)));
    return NAT_OK;
}

NATIVE(conn_send)
{
    MpObj *c = conn_end(T, args[0], NULL);
    if (!c || nat_count(T, "send", nargs - 1, kw, 1, 1) < 0) return NAT_ERR;
    if (!c->writable) return exc_raise(T, EXC_OSError, "connection is read-only");
    MpObj *peer = AS_INST(c->peer)->payload;
    if (send_item(T, c->peer, peer, args[1], T->S->set.v[SET_pipe_latency]) < 0) return NAT_ERR;
    *out = v_none();
    return NAT_OK;
}

/* Nothing left to read, ever: no handle on the other end is open and no
 * message is on its way here. */
static bool conn_eof(MpObj *c)
{
    return !c->items->n && !c->transit->n && ((MpObj *)AS_INST(c->peer)->payload)->nopen == 0;
}

NATIVE(conn_recv)
{
    MpObj *c = conn_end(T, args[0], NULL);
    if (!c || nat_count(T, "recv", nargs - 1, kw, 0, 0) < 0) return NAT_ERR;
    if (!c->readable) return exc_raise(T, EXC_OSError, "connection is write-only");
    if (c->items->n) return recv_item(T, c, out) < 0 ? NAT_ERR : NAT_OK;
    if (conn_eof(c)) return exc_raise_value(T, exc_new(T, T->S->exc[EXC_EOFError], NULL, 0));
    return sched_block(T, &c->waiters, R_PIPE_RECV, c->obj, -1);
}

/* poll(): is there something to read - a message, or the end of file
 * (recv() then raises EOFError at once)? */
NATIVE(conn_poll)
{
    MpObj *c = conn_end(T, args[0], NULL);
    if (!c) return NAT_ERR;
    if (T->retry == 0) {
        Value a[1];
        if (nat_parse(T, "poll", args + 1, nargs - 1, kw, "|timeout", a) < 0) return NAT_ERR;
        if (!c->readable) return exc_raise(T, EXC_OSError, "connection is write-only");
        if (is_undef(a[0])) T->deadline = T->clock;
        else if (sched_deadline(T, a[0], &T->deadline) < 0) return NAT_ERR;
    }
    bool ready = c->items->n || conn_eof(c);
    if (ready || (T->retry && T->st->timed_out) || (T->deadline >= 0 && T->clock >= T->deadline)) {
        *out = v_bool(ready);
        return NAT_OK;
    }
    return sched_block(T, &c->waiters, R_PIPE_RECV, c->obj, T->deadline);
}

NATIVE(conn_close)
{
    ConnData *cd = conn_of(T, args[0]);
    if (!cd) return NAT_ERR;
    if (cd->fd) {
        FdEntry *fd = cd->fd;
        cd->fd = NULL;
        fd->has_obj = false;
        if (fd->closed) fd_forget(T->S, fd);
        else fd_close(T->S, fd, T);
    }
    *out = v_none();
    return NAT_OK;
}

NATIVE(conn_closed)
{
    ConnData *cd = conn_of(T, args[0]);
    if (!cd) return NAT_ERR;
    *out = v_bool(!cd->fd || cd->fd->closed);
    return NAT_OK;
}

NATIVE(conn_readable)
{
    MpObj *c = conn_end(T, args[0], NULL);
    if (!c) return NAT_ERR;
    *out = v_bool(c->readable);
    return NAT_OK;
}

NATIVE(conn_writable)
{
    MpObj *c = conn_end(T, args[0], NULL);
    if (!c) return NAT_ERR;
    *out = v_bool(c->writable);
    return NAT_OK;
}

NATIVE(conn_enter)
{
    if (!conn_end(T, args[0], NULL)) return NAT_ERR;
    *out = args[0];
    return NAT_OK;
}

NATIVE(conn_exit)
{
    Value r;
    return conn_close(T, args, 1, NULL, &r) == NAT_OK ? (*out = v_none(), NAT_OK) : NAT_ERR;
}

/* ---- Pool's worker handler ---- */

static void watches_proc_exit(Sim *S, Proc *P)
{
    MpState *st = mp_state(S);
    for (size_t i = 0; i < st->watches.n; i++) {
        PoolWatch *w = &st->watches.v[i];
        for (size_t k = 0; k < w->pids.n; k++)
            if (w->pids.v[k] == P->pid) {
                MpObj *q = AS_INST(w->notifier)->payload;
                sched_wake_all(S, &q->waiters, NULL, q->obj);
                break;
            }
    }
}

static void watch_end(MpState *st, Task *T)
{
    for (size_t i = 0; i < st->watches.n; i++)
        if (st->watches.v[i].task == T) {
            BUF_FREE(st->watches.v[i].pids);
            st->watches.v[i] = st->watches.v[--st->watches.n];
            return;
        }
}

/* _wait_for_updates(workers, notifier): Pool's worker handler waits until
 * a worker process has ended or something was put on the pool's change
 * notifier (CPython waits on the workers' sentinels and the notifier's
 * pipe); what is on the notifier is dropped. */
NATIVE(mp_wait_for_updates)
{
    Sim *S = T->S;
    MpState *st = mp_state(S);
    if (nat_count(T, "_wait_for_updates", nargs, kw, 2, 2) < 0) return NAT_ERR;
    MpObj *q = mp_of(T, args[1], MP_QUEUE);
    if (!q) return NAT_ERR;
    if (!is_list(args[0])) return exc_raise(T, EXC_TypeError, "_wait_for_updates() needs a list of processes");
    List *l = AS_LIST(args[0]);
    bool ended = false;
    for (int64_t i = 0; i < l->n && !ended; i++) {
        ProcessData *pd = pd_of(T, l->v[i]);
        if (!pd) return NAT_ERR;
        ended = pd->started && pd->proc->ps->exited;
    }
    if (ended || q->items->n) {
        int64_t n = q->items->n;
        q->items->n = 0;
        if (n) sched_event(T, EV_QUEUE_GET, q->obj, 0);
        watch_end(st, T);
        *out = v_none();
        return NAT_OK;
    }
    watch_end(st, T);
    PoolWatch w = {T, args[1], {0}};
    for (int64_t i = 0; i < l->n; i++) {
        ProcessData *pd = AS_INST(l->v[i])->payload;
        if (pd->started) BUF_PUSH(w.pids, pd->proc->pid);
    }
    BUF_PUSH(st->watches, w);
    return sched_block(T, &q->waiters, R_POOL_WAIT, q->obj, -1);
}

/* ---- managers ----
 *
 * A Manager's objects live in its server process, and a proxy's call is a
 * round trip through a pipe to one of the server's threads (Python, in
 * multiprocessing_extra.py).  The objects are kept here, in one list per
 * manager that every process sees, so that a proxy called from C code (a
 * builtin such as len() or sorted() calling __len__ or __getitem__), which
 * cannot block for the round trip, can reach its object directly. */

static List *managers(Sim *S)
{
    MpState *st = mp_state(S);
    if (!st->managers) st->managers = list_new(S, 0);
    return st->managers;
}

/* _mgr_new(): a new manager's number */
NATIVE(mp_mgr_new)
{
    if (nat_count(T, "_mgr_new", nargs, kw, 0, 0) < 0) return NAT_ERR;
    List *all = managers(T->S);
    list_append(T->S, all, v_obj(list_new(T->S, 0)));
    *out = v_int(all->n - 1);
    return NAT_OK;
}

static List *manager_objs(Task *T, Value mid)
{
    List *all = managers(T->S);
    if (!is_int(mid) || mid.u.i < 0 || mid.u.i >= all->n) {
        exc_raise(T, EXC_ValueError, "no such manager");
        return NULL;
    }
    return AS_LIST(all->v[mid.u.i]);
}

/* _mgr_register(mid, obj): obj becomes one of the manager's objects; its id */
NATIVE(mp_mgr_register)
{
    if (nat_count(T, "_mgr_register", nargs, kw, 2, 2) < 0) return NAT_ERR;
    List *objs = manager_objs(T, args[0]);
    if (!objs) return NAT_ERR;
    list_append(T->S, objs, args[1]);
    *out = v_int(objs->n - 1);
    return NAT_OK;
}

/* _mgr_object(mid, oid): the object itself */
NATIVE(mp_mgr_object)
{
    if (nat_count(T, "_mgr_object", nargs, kw, 2, 2) < 0) return NAT_ERR;
    List *objs = manager_objs(T, args[0]);
    if (!objs) return NAT_ERR;
    if (!is_int(args[1]) || args[1].u.i < 0 || args[1].u.i >= objs->n)
        return exc_raise(T, EXC_KeyError, "no such object");
    *out = objs->v[args[1].u.i];
    return NAT_OK;
}

/* _can_block(): false inside Python code that C code called (a blocking
 * call would fail there) */
NATIVE(mp_can_block)
{
    if (nat_count(T, "_can_block", nargs, kw, 0, 0) < 0) return NAT_ERR;
    *out = v_bool(T->nested == 0);
    return NAT_OK;
}

/* _transfer(obj): what the other side of a pipe would get (a pickled and
 * unpickled copy), with the pickling time charged to the caller */
NATIVE(mp_transfer)
{
    if (nat_count(T, "_transfer", nargs, kw, 1, 1) < 0) return NAT_ERR;
    Value snap;
    int64_t bytes = 0;
    if (proc_copy(T, args[0], COPY_PICKLE, NULL, &snap, &bytes) < 0) return NAT_ERR;
    T->clock += proc_pickle_ns(T->S, bytes);
    bytes = 0;
    if (proc_copy(T, snap, COPY_UNPICKLE, T->proc, out, &bytes) < 0) return NAT_ERR;
    T->clock += proc_pickle_ns(T->S, bytes);
    return NAT_OK;
}

/* ---- Value / Array ---- */

static int typecode_of(Task *T, Value tc, char *out)
{
    if (is_str(tc) && AS_STR(tc)->len == 1 && strchr("bBhHiIlLqQfdc", AS_STR(tc)->s[0])) {
        *out = AS_STR(tc)->s[0];
        return 0;
    }
    return exc_raise(T, EXC_TypeError, "the simulator supports the typecodes i, l, q, b, h (ints) and d, f (floats), not %s",
                    is_str(tc) ? AS_STR(tc)->s : obj_type_name(T->S, tc));
}

static int coerce(Task *T, char tc, Value v, Value *out)
{
    if (tc == 'd' || tc == 'f') {
        if (is_float(v)) *out = v;
        else if (is_intlike(v)) *out = v_float((double)v.u.i);
        else return exc_raise(T, EXC_TypeError, "must be real number, not %s", obj_type_name(T->S, v));
        return 0;
    }
    if (is_intlike(v)) {
        *out = v_int(v.u.i);
        return 0;
    }
    return exc_raise(T, EXC_TypeError, "an integer is required (got type %s)", obj_type_name(T->S, v));
}

static Value make_lock(Task *T)
{
    Sim *S = T->S;
    Value cls = dict_get_str(sync_st(S)->threading, str_intern(S, "RLock", 5));
    Value lk;
    AS_CLASS(cls)->ctor(T, &cls, 1, NULL, &lk);
    ((SyncObj *)AS_INST(lk)->payload)->shared = true;
    return lk;
}

NATIVE(mp_value)
{
    Sim *S = T->S;
    Value a[3];
    if (nat_parse(T, "Value", args, nargs, kw, "typecode_or_type|value$lock", a) < 0) return NAT_ERR;
    char tc;
    if (typecode_of(T, a[0], &tc) < 0) return NAT_ERR;
    Class *cls = AS_CLASS(dict_get_str(mp_st(S)->module, str_intern(S, "Synchronized", 12)));
    *out = new_mp(T, cls, MP_VALUE, OBJ_OTHER);
    MpObj *o = AS_INST(*out)->payload;
    o->typecode = tc;
    if (coerce(T, tc, is_undef(a[1]) ? v_int(0) : a[1], &o->value) < 0) return NAT_ERR;
    o->lock = make_lock(T);
    return NAT_OK;
}

NATIVE(mpv_get)
{
    MpObj *o = mp_of(T, args[0], MP_VALUE);
    if (!o) return NAT_ERR;
    *out = o->value;
    return NAT_OK;
}

NATIVE(mpv_set)
{
    MpObj *o = mp_of(T, args[0], MP_VALUE);
    if (!o || nargs < 2) return NAT_ERR;
    if (coerce(T, o->typecode, args[1], &o->value) < 0) return NAT_ERR;
    *out = v_none();
    return NAT_OK;
}

NATIVE(mpv_get_lock)
{
    /* a synchronized Value's or Array's */
    MpObj *o = nargs ? mp_peek(args[0], MP_VALUE) : NULL;
    if (!o && nargs) o = mp_peek(args[0], MP_ARRAY);
    if (!o) return exc_raise(T, EXC_TypeError, "wrong multiprocessing object");
    *out = o->lock;
    return NAT_OK;
}

NATIVE(mpv_repr)
{
    MpObj *o = mp_of(T, args[0], MP_VALUE);
    if (!o) return NAT_ERR;
    SBuf b = {0};
    sb_printf(&b, "<Synchronized wrapper for c_%s(", o->typecode == 'd' ? "double" : o->typecode == 'f' ? "float" : "int");
    repr_write(T, o->value, &b);
    sb_puts(&b, ")>");
    *out = str_value_n(T->S, b.s, b.n);
    sb_free(&b);
    return NAT_OK;
}

NATIVE(mp_array)
{
    Sim *S = T->S;
    Value a[3];
    if (nat_parse(T, "Array", args, nargs, kw, "typecode_or_type,size_or_initializer$lock", a) < 0) return NAT_ERR;
    char tc;
    if (typecode_of(T, a[0], &tc) < 0) return NAT_ERR;
    Class *cls = AS_CLASS(dict_get_str(mp_st(S)->module, str_intern(S, "SynchronizedArray", 17)));
    *out = new_mp(T, cls, MP_ARRAY, OBJ_OTHER);
    MpObj *o = AS_INST(*out)->payload;
    o->typecode = tc;
    o->array = list_new(S, 0);
    if (is_intlike(a[1])) {
        if (obj_check_size(T, a[1].u.i) < 0) return NAT_ERR;
        for (int64_t i = 0; i < a[1].u.i; i++) list_append(S, o->array, tc == 'd' || tc == 'f' ? v_float(0) : v_int(0));
    } else {
        List *src;
        if (obj_to_list(T, a[1], &src) < 0) return NAT_ERR;
        for (int64_t i = 0; i < src->n; i++) {
            Value x;
            if (coerce(T, tc, src->v[i], &x) < 0) return NAT_ERR;
            list_append(S, o->array, x);
        }
    }
    o->lock = make_lock(T);
    return NAT_OK;
}

NATIVE(mpa_getitem)
{
    MpObj *o = mp_of(T, args[0], MP_ARRAY);
    if (!o || nargs < 2) return NAT_ERR;
    return obj_getitem(T, v_obj(o->array), args[1], out) < 0 ? NAT_ERR : NAT_OK;
}

NATIVE(mpa_setitem)
{
    MpObj *o = mp_of(T, args[0], MP_ARRAY);
    if (!o || nargs < 3) return NAT_ERR;
    if (is_kind(args[1], K_SLICE)) {
        List *src;
        if (obj_to_list(T, args[2], &src) < 0) return NAT_ERR;
        for (int64_t i = 0; i < src->n; i++)
            if (coerce(T, o->typecode, src->v[i], &src->v[i]) < 0) return NAT_ERR;
        int64_t before = o->array->n;
        if (obj_setitem(T, v_obj(o->array), args[1], v_obj(src)) < 0) return NAT_ERR;
        if (o->array->n != before) return exc_raise(T, EXC_ValueError, "Can only assign sequence of same size");
    } else {
        Value x;
        if (coerce(T, o->typecode, args[2], &x) < 0) return NAT_ERR;
        if (obj_setitem(T, v_obj(o->array), args[1], x) < 0) return NAT_ERR;
    }
    *out = v_none();
    return NAT_OK;
}

NATIVE(mpa_len)
{
    MpObj *o = mp_of(T, args[0], MP_ARRAY);
    if (!o) return NAT_ERR;
    *out = v_int(o->array->n);
    return NAT_OK;
}

NATIVE(mpa_iter)
{
    MpObj *o = mp_of(T, args[0], MP_ARRAY);
    if (!o) return NAT_ERR;
    return obj_iter(T, v_obj(o->array), out) < 0 ? NAT_ERR : NAT_OK;
}

NATIVE(mpa_repr)
{
    MpObj *o = mp_of(T, args[0], MP_ARRAY);
    if (!o) return NAT_ERR;
    SBuf b = {0};
    sb_printf(&b, "<SynchronizedArray wrapper for c_%s_Array_%lld>", o->typecode == 'd' ? "double" : "int", (long long)o->array->n);
    *out = str_value_n(T->S, b.s, b.n);
    sb_free(&b);
    return NAT_OK;
}

/* ---- shared versions of the threading primitives ---- */

static int shared_sync(Task *T, Value *args, int nargs, Tuple *kw, Value *out, const char *cls_name)
{
    Sim *S = T->S;
    Value cls = dict_get_str(sync_st(S)->threading, str_intern(S, cls_name, strlen(cls_name)));
    Value small[8];
    if (nargs > 7) return exc_raise(T, EXC_TypeError, "too many arguments");
    small[0] = cls;
    vcopy(small + 1, args, nargs);
    if (AS_CLASS(cls)->ctor(T, small, nargs + 1, kw, out) != NAT_OK) return NAT_ERR;
    ((SyncObj *)AS_INST(*out)->payload)->shared = true;
    if (strcmp(cls_name, "Condition") == 0) {
        SyncObj *c = AS_INST(*out)->payload;
        SyncObj *l = sync_of(S, c->lock);
        if (l) l->shared = true;
    }
    return NAT_OK;
}

NATIVE(mp_lock) { return shared_sync(T, args, nargs, kw, out, "Lock"); }
NATIVE(mp_rlock) { return shared_sync(T, args, nargs, kw, out, "RLock"); }
NATIVE(mp_semaphore) { return shared_sync(T, args, nargs, kw, out, "Semaphore"); }
NATIVE(mp_bsemaphore) { return shared_sync(T, args, nargs, kw, out, "BoundedSemaphore"); }
NATIVE(mp_event) { return shared_sync(T, args, nargs, kw, out, "Event"); }
NATIVE(mp_condition) { return shared_sync(T, args, nargs, kw, out, "Condition"); }
NATIVE(mp_barrier) { return shared_sync(T, args, nargs, kw, out, "Barrier"); }

/* ---- registration ---- */

static const ModEntry mp_entries[] = {
    {"current_process", ME_FN, mp_current_process, 0, NULL}, {"parent_process", ME_FN, mp_parent_process, 0, NULL},
    {"cpu_count", ME_FN, mp_cpu_count, 0, NULL}, {"active_children", ME_FN, mp_active_children, 0, NULL},
    {"set_start_method", ME_FN, mp_set_start_method, 0, NULL}, {"get_start_method", ME_FN, mp_get_start_method, 0, NULL},
    {"freeze_support", ME_FN, mp_freeze_support, 0, NULL}, {"Pipe", ME_FN, mp_pipe, 0, NULL},
    {"Value", ME_FN, mp_value, 0, NULL}, {"Array", ME_FN, mp_array, 0, NULL}, {"Lock", ME_FN, mp_lock, 0, NULL},
    {"RLock", ME_FN, mp_rlock, 0, NULL}, {"Semaphore", ME_FN, mp_semaphore, 0, NULL},
    {"BoundedSemaphore", ME_FN, mp_bsemaphore, 0, NULL}, {"Event", ME_FN, mp_event, 0, NULL},
    {"Condition", ME_FN, mp_condition, 0, NULL}, {"Barrier", ME_FN, mp_barrier, 0, NULL},
    {"_wait_for_updates", ME_FN, mp_wait_for_updates, 0, NULL},
    {"_mgr_new", ME_FN, mp_mgr_new, 0, NULL}, {"_mgr_register", ME_FN, mp_mgr_register, 0, NULL},
    {"_mgr_object", ME_FN, mp_mgr_object, 0, NULL}, {"_can_block", ME_FN, mp_can_block, 0, NULL},
    {"_transfer", ME_FN, mp_transfer, 0, NULL},
    {NULL, 0, NULL, 0, NULL},
};

static const char *const mp_names[] = {"Process", "Queue", "SimpleQueue", "JoinableQueue", "Pool", "TimeoutError",
                                       "get_context", "get_all_start_methods", "pool", "Manager", "managers",
                                       "Connection", "AuthenticationError", "ProcessError", "BufferTooShort", NULL};

static void state_mark(Sim *S, void *p)
{
    MpState *st = p;
    gc_mark_obj(S, (Obj *)st->module);
    gc_mark_obj(S, (Obj *)st->main_cls);
    gc_mark_obj(S, (Obj *)st->parent_cls);
    gc_mark_obj(S, (Obj *)st->pipe_end_cls);
    /* an open handle keeps its end alive, as a file descriptor does */
    for (size_t i = 0; i < st->fds.n; i++) gc_mark_value(S, st->fds.v[i]->end);
    for (size_t i = 0; i < st->watches.n; i++) gc_mark_value(S, st->watches.v[i].notifier);
    if (st->managers) gc_mark_obj(S, (Obj *)st->managers);
}
static void state_free(Sim *S, void *p)
{
    MpState *st = p;
    for (size_t i = 0; i < st->fds.n; i++) free(st->fds.v[i]);
    BUF_FREE(st->fds);
    for (size_t i = 0; i < st->watches.n; i++) BUF_FREE(st->watches.v[i].pids);
    BUF_FREE(st->watches);
    free(st);
    /* the heap goes after the slots: Connections freed then find no handles */
    S->slot[SLOT_MP] = NULL;
}

static void mp_setup(Sim *S, Dict *d)
{
    static const SlotOps ops = {state_mark, state_free};
    MpState *st = xcalloc(1, sizeof *st);
    st->module = d;
    st->start_method = -1;
    sim_slot_set(S, SLOT_MP, st, &ops);
    /* BaseProcess has the methods; Process, _MainProcess and
     * _ParentProcess are its subclasses, as in CPython */
    Class *base = attr_class_new(S, str_intern(S, "BaseProcess", 11), NULL, NULL, NULL);
    base->payload = &process_payload_ops;
    base->ctor = process_new;
    base->module = str_from_c(S, "multiprocessing.process");
    static const MethodDef pm[] = {
        {"__init__", process_init}, {"start", process_start}, {"join", process_join}, {"is_alive", process_is_alive},
        {"terminate", process_terminate}, {"kill", process_kill}, {"close", process_close}, {"__repr__", process_repr},
    };
    nat_def_methods(S, base, pm, ARRAY_LEN(pm));
    nat_def_property(S, base, "name", process_get_name, process_set_name);
    nat_def_property(S, base, "daemon", process_get_daemon, process_set_daemon);
    nat_def_property(S, base, "pid", process_pid, NULL);
    nat_def_property(S, base, "ident", process_pid, NULL);
    nat_def_property(S, base, "exitcode", process_exitcode, NULL);
    nat_def_property(S, base, "_identity", process_identity, NULL);
    static const char *const subs[][2] = {
        {"Process", "multiprocessing.context"}, {"_MainProcess", "multiprocessing.process"},
        {"_ParentProcess", "multiprocessing.process"},
    };
    Class *c = NULL;
    for (size_t i = 0; i < ARRAY_LEN(subs); i++) {
        Tuple *bases = tuple_new(S, 1);
        bases->v[0] = v_obj(base);
        c = attr_class_new(S, str_intern(S, subs[i][0], strlen(subs[i][0])), bases, NULL, NULL);
        c->module = str_from_c(S, subs[i][1]);
        if (i == 0) dict_set_str(S, d, c->name, v_obj(c));
        else if (i == 1) st->main_cls = c;
        else st->parent_cls = c;
    }

    static const MethodDef qm[] = {
        {"put", mpq_put}, {"get", mpq_get}, {"put_nowait", mpq_put_nowait}, {"get_nowait", mpq_get_nowait},
        {"qsize", mpq_qsize}, {"empty", mpq_empty}, {"full", mpq_full}, {"close", mpq_close},
        {"join_thread", mpq_join_thread}, {"cancel_join_thread", mpq_join_thread},
    };
    c = mp_class(S, "Queue");
    c->ctor = mpq_new;
    c->cflags &= (uint16_t)~CF_FINAL;
    nat_def_methods(S, c, qm, ARRAY_LEN(qm));
    dict_set_str(S, d, c->name, v_obj(c));
    dict_set_str(S, d, str_intern(S, "SimpleQueue", 11), v_obj(c));

    static const MethodDef cm[] = {{"send", conn_send}, {"recv", conn_recv},     {"poll", conn_poll},
                                   {"close", conn_close}, {"__enter__", conn_enter}, {"__exit__", conn_exit}};
    c = mp_class(S, "Connection");
    c->payload = &conn_payload_ops;
    c->module = str_from_c(S, "multiprocessing.connection");
    nat_def_methods(S, c, cm, ARRAY_LEN(cm));
    nat_def_property(S, c, "closed", conn_closed, NULL);
    nat_def_property(S, c, "readable", conn_readable, NULL);
    nat_def_property(S, c, "writable", conn_writable, NULL);
    dict_set_str(S, d, c->name, v_obj(c));
    st->pipe_end_cls = mp_class(S, "_PipeEnd");
    S->on_proc_exit = mp_proc_exit;

    c = mp_class(S, "Synchronized");
    nat_def_method(S, c, "get_lock", mpv_get_lock);
    nat_def_method(S, c, "__repr__", mpv_repr);
    nat_def_property(S, c, "value", mpv_get, mpv_set);
    dict_set_str(S, d, c->name, v_obj(c));

    static const MethodDef am[] = {
        {"__getitem__", mpa_getitem}, {"__setitem__", mpa_setitem}, {"__len__", mpa_len}, {"__iter__", mpa_iter},
        {"get_lock", mpv_get_lock}, {"__repr__", mpa_repr},
    };
    c = mp_class(S, "SynchronizedArray");
    nat_def_methods(S, c, am, ARRAY_LEN(am));
    dict_set_str(S, d, c->name, v_obj(c));
}

/* After sim/py/multiprocessing.py ran: Process.run is its `run`. */
static void mp_after_py(Sim *S, Dict *d)
{
    Value run = dict_get_str(d, str_intern(S, "_process_run", 12));
    Value cls = dict_get_str(d, str_intern(S, "Process", 7));
    dict_set_str(S, AS_CLASS(cls)->dict, str_intern(S, "run", 3), run);
    dict_del_str(S, d, str_intern(S, "_process_run", 12));
}

const ModDef mod_mp_def = {"multiprocessing", mp_entries, mp_names, mp_setup, "multiprocessing", mp_after_py, false, "multiprocessing_extra"};

/* multiprocessing.pool: filled from the package's _submodules table
 * (sim/py/multiprocessing.py) when it is imported */
static const char *const mp_pool_names[] = {
    "Pool", "ThreadPool", "ApplyResult", "AsyncResult", "MapResult", "IMapIterator", "IMapUnorderedIterator",
    "MaybeEncodingError", "RUN", "CLOSE", "TERMINATE", "worker", "mapstar", "starmapstar", "TimeoutError", NULL,
};
static const ModEntry no_entries[] = {{NULL, 0, NULL, 0, NULL}};
const ModDef mod_mp_pool_def = {"multiprocessing.pool", no_entries, mp_pool_names, NULL, NULL, NULL, false, NULL};

/* multiprocessing.managers: the same way */
static const char *const mp_managers_names[] = {
    "BaseManager", "SyncManager", "BaseProxy", "Token", "Namespace", "Value", "Array", "ListProxy", "DictProxy",
    "NamespaceProxy", "ValueProxy", "AcquirerProxy", "EventProxy", "ConditionProxy", "BarrierProxy",
    "IteratorProxy", "AutoProxy", "MakeProxyType", "RemoteError", NULL,
};
const ModDef mod_mp_managers_def = {"multiprocessing.managers", no_entries, mp_managers_names, NULL, NULL, NULL, false, NULL};

/* ---- concurrent.futures: all in sim/py/concurrent_futures.py ---- */

static const ModEntry futures_entries[] = {{NULL, 0, NULL, 0, NULL}};
static const char *const futures_names[] = {
    "thread", "process", "ThreadPoolExecutor", "ProcessPoolExecutor", "Executor", "Future", "as_completed", "wait", "FIRST_COMPLETED",
    "FIRST_EXCEPTION", "ALL_COMPLETED", "CancelledError", "TimeoutError", "BrokenExecutor", NULL};

static void futures_setup(Sim *S, Dict *d)
{
    dict_set_str(S, d, str_intern(S, "TimeoutError", 12), v_obj(S->exc[EXC_TimeoutError]));
}

/* concurrent.futures.thread and .process: filled from the package's
 * _submodules table */
static const char *const futures_thread_names[] = {"ThreadPoolExecutor", "BrokenThreadPool", NULL};
static const char *const futures_process_names[] = {"ProcessPoolExecutor", "BrokenProcessPool", NULL};
const ModDef mod_mp_futures_thread_def = {"concurrent.futures.thread", no_entries, futures_thread_names, NULL, NULL, NULL, false, NULL};
const ModDef mod_mp_futures_process_def = {"concurrent.futures.process", no_entries, futures_process_names, NULL, NULL, NULL, false, NULL};

const ModDef mod_mp_futures_def = {"concurrent.futures", futures_entries, futures_names, futures_setup, "concurrent_futures", NULL, false, NULL};

static const char *const concurrent_names[] = {"futures", NULL};

static void concurrent_setup(Sim *S, Dict *d)
{
    Str *n = str_intern(S, "concurrent.futures", 18);
    dict_set_str(S, d, str_intern(S, "futures", 7), dict_get_str(S->native_modules, n));
}

const ModDef mod_mp_concurrent_def = {"concurrent", futures_entries, concurrent_names, concurrent_setup, NULL, NULL, false, NULL};
