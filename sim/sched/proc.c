/* proc.c - simulated processes: copying objects between process heaps
 * (fork's memory copy, pickling), process lifecycles.
 *
 * Every process has its own objects: nothing mutable is ever shared
 * between two processes except the multiprocessing objects made to be
 * shared (queues, pipes, Value, Array, locks).  Three copy modes:
 *   FORK      the child gets a copy of everything reachable; functions get
 *             the child's globals, classes are duplicated.
 *   PICKLE    a snapshot in transit (queue items, spawn arguments):
 *             functions and classes stay references, checked to be
 *             picklable (module-level, named); locks and threads refuse.
 *   UNPICKLE  the snapshot arriving: functions and classes are looked up
 *             by name in the receiving process's __main__, as pickle does.
 * The bytes a pickle would take are counted, for pickle_cost. */
#include "proc.h"
#include "bigint.h"
#include "ptrmap.h"
#include "dict.h"
#include "gc.h"
#include "list.h"
#include "obj.h"
#include "repr.h"
#include "set.h"
#include "str.h"
#include "tuple.h"

#include <stdio.h>
#include <stdlib.h>

/* What each object copied so far became: a map to the copy's index in
 * vals, so shared references stay shared and cycles end. */
typedef struct Memo {
    PtrMap map;
    BUF(Value) vals;
} Memo;

static Value *memo_find(Memo *m, Obj *o)
{
    int64_t *i = ptrmap_find(&m->map, o);
    return i ? &m->vals.v[*i] : NULL;
}

static void memo_put(Memo *m, Obj *o, Value v)
{
    ptrmap_put(&m->map, o, (int64_t)m->vals.n);
    BUF_PUSH(m->vals, v);
}

static void memo_free(Memo *m)
{
    ptrmap_free(&m->map);
    BUF_FREE(m->vals);
}

struct Copier {
    Task *T;
    int mode;
    Proc *dst;            /* FORK/UNPICKLE: the receiving process */
    Dict *src_globals;    /* FORK: the parent's globals */
    Memo memo;
    int64_t bytes;
    int depth;
};

static int copy_value(Copier *C, Value v, Value *out);

int proc_unpicklable(Copier *C, Value v)
{
    return exc_raise(C->T, EXC_TypeError, "cannot pickle '%s' object", obj_type_name(C->T->S, v));
}

/* ---- for PayloadOps.clone ---- */

int proc_copy_mode(const Copier *C) { return C->mode; }
Proc *proc_copy_dst(const Copier *C) { return C->dst; }
Task *proc_copy_task(const Copier *C) { return C->T; }
void proc_copy_bytes(Copier *C, int64_t n) { C->bytes += n; }
void proc_copy_memo(Copier *C, Value orig, Value copy) { memo_put(&C->memo, orig.u.o, copy); }
int proc_copy_nested(Copier *C, Value v, Value *out) { return copy_value(C, v, out); }

int proc_copy_dict(Copier *C, Value orig, Value copy)
{
    Dict *d = AS_INST(orig)->dict;
    if (!d) return 0;
    Value dc;
    if (copy_value(C, v_obj(d), &dc) < 0) return -1;
    AS_INST(copy)->dict = AS_DICT(dc);
    return 0;
}

int proc_copy_instance(Copier *C, Value v, void *payload, Value *out)
{
    Value cv;
    if (copy_value(C, v_obj(AS_INST(v)->cls), &cv) < 0) return -1;
    Instance *n = obj_instance_new(C->T->S, AS_CLASS(cv));
    n->payload = payload;
    memo_put(&C->memo, v.u.o, v_obj(n));
    if (proc_copy_dict(C, v, v_obj(n)) < 0) return -1;
    *out = v_obj(n);
    return 0;
}

/* Functions and classes travel by name: they must be reachable as
 * __main__.<qualname> (module level, not a lambda or a nested function). */
static int by_reference(Copier *C, Value v, Str *qualname, Dict *home, Value *out)
{
    Sim *S = C->T->S;
    const char *qn = qualname->s;
    bool local = strchr(qn, '<') || strchr(qn, '.');
    if (C->mode == COPY_PICKLE) {
        if (local || !home) {
            SBuf r = MSG_BUF;
            repr_write(C->T, v, &r);
            int rc;
            if (strstr(qn, "<lambda>"))
                rc = exc_raise(C->T, EXC_AttributeError, "Can't pickle local object '%s'", qn);
            else if (local)
                rc = exc_raise(C->T, EXC_AttributeError, "Can't pickle local object '%s'", qn);
            else
                rc = exc_raise(C->T, EXC_TypeError, "cannot pickle %s", r.s);
            sb_free(&r);
            return rc;
        }
        *out = v;
        C->bytes += qualname->len + 20;
        return 0;
    }
    /* UNPICKLE: find it by name in the receiving process */
    if (!home) {
        *out = v;
        return 0;
    }
    Value found = dict_get_str(C->dst->globals, str_intern(S, qn, strlen(qn)));
    if (is_undef(found)) {
        Value mn = dict_get_str(C->dst->globals, S->sym[SYM_name]);
        return exc_raise(C->T, EXC_AttributeError, "Can't get attribute '%s' on <module '%s'>", qn,
                        is_str(mn) ? AS_STR(mn)->s : "__main__");
    }
    *out = found;
    return 0;
}

static int copy_items(Copier *C, Value *src, Value *dst, int64_t n)
{
    for (int64_t i = 0; i < n; i++)
        if (copy_value(C, src[i], &dst[i]) < 0) return -1;
    return 0;
}

static int copy_dict_into(Copier *C, Dict *src, Dict *dst)
{
    int64_t pos = 0;
    Value k, v;
    while (dict_next(src, &pos, &k, &v)) {
        Value k2, v2;
        if (copy_value(C, k, &k2) < 0 || copy_value(C, v, &v2) < 0) return -1;
        if (dict_set(C->T, dst, k2, v2) < 0) return -1;
        C->bytes += 2;
    }
    return 0;
}

/* Is this a function or class of the scenario (not of a library module)? */
static bool scenario_home(Copier *C, Dict *globals)
{
    Sim *S = C->T->S;
    for (size_t i = 0; i < S->procs.n; i++)
        if (S->procs.v[i]->globals == globals) return true;
    return false;
}

/* A new empty container like o: a plain one, or for an instance of a
 * program's subclass of list, dict or set, one of the copied class (it
 * travels as classes do) with a copy of its attributes.  NULL with an
 * exception when the class cannot travel. */
static Obj *new_like(Copier *C, Obj *o)
{
    Sim *S = C->T->S;
    if (!(o->flags & OF_SUBCLASS)) {
        if (o->kind == K_LIST) return &list_new(S, ((List *)o)->n)->h;
        if (o->kind == K_DICT) return &dict_new(S)->h;
        return &set_new(S, o->flags & OF_FROZEN)->h;
    }
    SubExt *x = obj_sub_ext(o);
    Value cls;
    if (copy_value(C, v_obj(x->cls), &cls) < 0) return NULL;
    Class *base = AS_CLASS(cls);
    int ty = TY_SET;
    for (int64_t i = 0; i < base->mro->n; i++) {
        int t = AS_CLASS(base->mro->v[i])->type_id;
        if (t == TY_LIST || t == TY_DICT || t == TY_SET) {
            ty = t;
            break;
        }
    }
    Obj *n = obj_sub_new(S, base, ty).u.o;
    C->bytes += 20 + base->name->len;
    return n;
}

/* The attributes of a subclass instance, after its items. */
static int copy_sub_attrs(Copier *C, Obj *o, Obj *n)
{
    if (!(o->flags & OF_SUBCLASS) || !obj_sub_ext(o)->attrs) return 0;
    Value d;
    if (copy_value(C, v_obj(obj_sub_ext(o)->attrs), &d) < 0) return -1;
    obj_sub_ext(n)->attrs = AS_DICT(d);
    return 0;
}

static int copy_obj(Copier *C, Value v, Value *out)
{
    Task *T = C->T;
    Sim *S = T->S;
    Obj *o = v.u.o;
    switch ((ObjKind)o->kind) {
    case K_STR:
        C->bytes += ((Str *)o)->len + 5;
        *out = v; /* immutable: sharing is invisible */
        return 0;
    case K_BIGINT:
        /* pickled as LONG1/LONG4: its two's-complement bytes */
        C->bytes += bigint_pickle_bytes(v);
        *out = v; /* immutable, as a str */
        return 0;
    case K_NATIVE: case K_MODULE: case K_RANGE: case K_SLICE:
        C->bytes += 10;
        *out = v;
        return 0;
    case K_TUPLE: {
        Tuple *t = (Tuple *)o;
        Tuple *n = tuple_new(S, t->n);
        memo_put(&C->memo, o, v_obj(n));
        C->bytes += 2;
        if (copy_items(C, t->v, n->v, t->n) < 0) return -1;
        *out = v_obj(n);
        return 0;
    }
    case K_LIST: {
        List *l = (List *)o;
        Obj *no = new_like(C, o);
        if (!no) return -1;
        List *n = (List *)no;
        memo_put(&C->memo, o, v_obj(n));
        C->bytes += 2;
        for (int64_t i = 0; i < l->n; i++) {
            Value x;
            if (copy_value(C, l->v[i], &x) < 0) return -1;
            list_append(S, n, x);
        }
        if (copy_sub_attrs(C, o, no) < 0) return -1;
        *out = v_obj(n);
        return 0;
    }
    case K_DICT: {
        Obj *no = new_like(C, o);
        if (!no) return -1;
        memo_put(&C->memo, o, v_obj(no));
        if (copy_dict_into(C, (Dict *)o, (Dict *)no) < 0 || copy_sub_attrs(C, o, no) < 0) return -1;
        *out = v_obj(no);
        return 0;
    }
    case K_SET: {
        Obj *no = new_like(C, o);
        if (!no) return -1;
        Set *n = (Set *)no;
        memo_put(&C->memo, o, v_obj(n));
        int64_t pos = 0;
        Value k;
        while (set_next((Set *)o, &pos, &k)) {
            Value k2;
            if (copy_value(C, k, &k2) < 0 || set_add(T, n, k2) < 0) return -1;
        }
        if (copy_sub_attrs(C, o, no) < 0) return -1;
        *out = v_obj(n);
        return 0;
    }
    case K_CELL: {
        Cell *n = vm_cell_new(S, v_undef());
        memo_put(&C->memo, o, v_obj(n));
        if (copy_value(C, ((Cell *)o)->v, &n->v) < 0) return -1;
        *out = v_obj(n);
        return 0;
    }
    case K_FUNC: {
        Func *f = (Func *)o;
        if (!scenario_home(C, f->globals)) {
            /* a function of a simulated library module: importable anywhere */
            C->bytes += f->qualname->len + 20;
            *out = v;
            return 0;
        }
        if (C->mode != COPY_FORK) return by_reference(C, v, f->qualname, f->globals, out);
        Func *n = gc_alloc(S, K_FUNC, sizeof(Func));
        Obj h = n->h; /* keep the fresh header */
        *n = *f;
        n->h = h;
        memo_put(&C->memo, o, v_obj(n));
        n->globals = C->dst->globals;
        n->oid = 0;
        Value d;
        if (f->defaults) {
            if (copy_value(C, v_obj(f->defaults), &d) < 0) return -1;
            n->defaults = AS_TUPLE(d);
        }
        if (f->kwdefaults) {
            if (copy_value(C, v_obj(f->kwdefaults), &d) < 0) return -1;
            n->kwdefaults = AS_DICT(d);
        }
        if (f->closure) {
            if (copy_value(C, v_obj(f->closure), &d) < 0) return -1;
            n->closure = AS_TUPLE(d);
        }
        if (f->dict) {
            if (copy_value(C, v_obj(f->dict), &d) < 0) return -1;
            n->dict = AS_DICT(d);
        }
        *out = v_obj(n);
        return 0;
    }
    case K_CLASS: {
        Class *k = (Class *)o;
        if (!(k->cflags & CF_USER)) {
            *out = v;
            return 0;
        }
        if (C->mode != COPY_FORK) {
            /* a class of a simulated library module (multiprocessing's
             * SpawnProcess...): every process has that module, and the
             * class is the same object there */
            if (k->module && !str_eq_c(k->module, "__main__") && !str_eq_c(k->module, "__mp_main__")) {
                C->bytes += k->qualname->len + 20;
                *out = v;
                return 0;
            }
            return by_reference(C, v, k->qualname, S->procs.v[0]->globals, out);
        }
        Class *n = gc_alloc(S, K_CLASS, sizeof(Class));
        Obj h = n->h;
        *n = *k;
        n->h = h;
        n->oid = 0;
        memo_put(&C->memo, o, v_obj(n));
        Value d;
        if (copy_value(C, v_obj(k->bases), &d) < 0) return -1;
        n->bases = AS_TUPLE(d);
        /* the MRO starts with the class itself */
        Tuple *mro = tuple_new(S, k->mro->n);
        mro->v[0] = v_obj(n);
        for (int64_t i = 1; i < k->mro->n; i++)
            if (copy_value(C, k->mro->v[i], &mro->v[i]) < 0) return -1;
        n->mro = mro;
        n->dict = dict_new(S);
        if (copy_dict_into(C, k->dict, n->dict) < 0) return -1;
        obj_classes_changed(S);
        *out = v_obj(n);
        return 0;
    }
    case K_METHOD: {
        Method *m = (Method *)o;
        Value self, fn;
        if (copy_value(C, m->self, &self) < 0 || copy_value(C, m->func, &fn) < 0) return -1;
        *out = obj_method(S, self, fn);
        memo_put(&C->memo, o, *out);
        return 0;
    }
    case K_INSTANCE: {
        Instance *in = (Instance *)o;
        Class *cls = in->cls;
        if (obj_same(v, S->ellipsis) || obj_same(v, S->notimpl)) {
            *out = v;
            return 0;
        }
        if (cls->payload && cls->payload != &exc_payload_ops && (in->payload || cls->payload->stateless)) {
            /* native state: the payload's own copy (a lock's fork copy, a
             * shared queue's handle...), or none (PayloadOps.stateless:
             * when an instance without its state is copied plainly) */
            if (!cls->payload->clone) return proc_unpicklable(C, v);
            return cls->payload->clone(C, v, out);
        }
        Value cv;
        if (copy_value(C, v_obj(cls), &cv) < 0) return -1;
        Instance *n = obj_instance_new(S, AS_CLASS(cv));
        memo_put(&C->memo, o, v_obj(n));
        C->bytes += 20 + cls->name->len;
        if (cls->payload == &exc_payload_ops && in->payload) {
            Tuple *a = exc_args(S, v);
            Value ac;
            if (copy_value(C, v_obj(a), &ac) < 0) return -1;
            exc_set_args(S, v_obj(n), AS_TUPLE(ac)->v, (int)AS_TUPLE(ac)->n);
        }
        if (in->dict) {
            Value d;
            if (copy_value(C, v_obj(in->dict), &d) < 0) return -1;
            n->dict = AS_DICT(d);
        }
        *out = v_obj(n);
        return 0;
    }
    case K_ITER: case K_GEN: case K_AGEN: case K_GREEN: case K_PROPERTY: case K_STATICMETHOD: case K_CLASSMETHOD: case K_SUPER:
        if (C->mode == COPY_FORK && o->kind == K_PROPERTY) {
            Property *p = (Property *)o, *n = gc_alloc(S, K_PROPERTY, sizeof(Property));
            memo_put(&C->memo, o, v_obj(n));
            if (copy_value(C, p->fget, &n->fget) < 0 || copy_value(C, p->fset, &n->fset) < 0 ||
                copy_value(C, p->fdel, &n->fdel) < 0)
                return -1;
            *out = v_obj(n);
            return 0;
        }
        if (C->mode == COPY_FORK && (o->kind == K_STATICMETHOD || o->kind == K_CLASSMETHOD)) {
            Wrapper *w = (Wrapper *)o, *n = gc_alloc(S, (ObjKind)o->kind, sizeof(Wrapper));
            memo_put(&C->memo, o, v_obj(n));
            if (copy_value(C, w->func, &n->func) < 0) return -1;
            *out = v_obj(n);
            return 0;
        }
        if (C->mode == COPY_FORK) {
            /* iterators and generators mid-way are not duplicated */
            *out = v;
            return 0;
        }
        return proc_unpicklable(C, v);
    default:
        *out = v;
        return 0;
    }
}

static int copy_value(Copier *C, Value v, Value *out)
{
    switch (v.tag) {
    case V_OBJ: break;
    case V_INT: C->bytes += 5; *out = v; return 0;
    case V_FLOAT: C->bytes += 9; *out = v; return 0;
    default: C->bytes += 1; *out = v; return 0;
    }
    Value *seen = memo_find(&C->memo, v.u.o);
    if (seen) {
        *out = *seen;
        C->bytes += 2;
        return 0;
    }
    if (++C->depth > 500) {
        C->depth--;
        return exc_raise(C->T, EXC_RecursionError, "maximum recursion depth exceeded while pickling an object");
    }
    int r = copy_obj(C, v, out);
    C->depth--;
    return r;
}

int proc_copy(Task *T, Value v, int mode, Proc *dst, Value *out, int64_t *bytes)
{
    Copier C;
    memset(&C, 0, sizeof C);
    C.T = T;
    C.mode = mode;
    C.dst = dst;
    int r = copy_value(&C, v, out);
    memo_free(&C.memo);
    if (bytes) *bytes = C.bytes;
    return r;
}

/* Fork: the child's globals become a copy of the parent's; extra (e.g.
 * the Process object) is copied in the same pass so shared references
 * stay shared. */
int proc_fork_copy(Task *T, Proc *child, Value extra, Value *extra_out)
{
    Copier C;
    memset(&C, 0, sizeof C);
    C.T = T;
    C.mode = COPY_FORK;
    C.dst = child;
    Dict *pg = T->proc->globals;
    memo_put(&C.memo, &pg->h, v_obj(child->globals));
    int r = copy_dict_into(&C, pg, child->globals);
    if (r == 0) r = copy_value(&C, extra, extra_out);
    memo_free(&C.memo);
    return r;
}

int64_t proc_pickle_ns(Sim *S, int64_t bytes)
{
    return (int64_t)((double)bytes * S->set.f[SET_pickle_cost] + 0.5);
}

bool proc_children_alive(Sim *S, Proc *P, bool daemons)
{
    for (size_t i = 0; i < S->procs.n; i++) {
        Proc *C = S->procs.v[i];
        if (C != P && C->parent_pid == P->pid && !C->ps->exited && (daemons || !C->daemon) && C->ps->main) return true;
    }
    return false;
}

void proc_exited(Sim *S, Proc *P, int64_t at)
{
    for (size_t i = 0; i < S->procs.n; i++) {
        Proc *Q = S->procs.v[i];
        if (Q != P && Q->pid == P->parent_pid) sched_child_exited(S, Q, at);
    }
    proc_wake_joiners(S, P);
}

void proc_wake_joiners(Sim *S, Proc *P) { sched_wake_all(S, &P->ps->joiners, NULL, -1); }

void proc_main_globals(Sim *S, Proc *P, Str *name)
{
    dict_set_str(S, P->globals, S->sym[SYM_name], v_obj(name));
    dict_set_str(S, P->globals, S->sym[SYM_file], str_value(S, S->filename));
    dict_set_str(S, P->globals, S->sym[SYM_doc], S->main_doc);
}
