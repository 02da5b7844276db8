/* gc.c - a precise mark-and-sweep collector.
 *
 * Collection only happens at safe points chosen by the interpreter (eval-
 * breaker checks between ops), never inside a native function, so C code may
 * hold Values in locals without rooting them.  Allocation merely sets
 * S->gc_pending once the heap has doubled since the last collection.
 *
 * The heap is an array of object pointers in allocation order, not a list
 * threaded through the objects: the sweep then reads object headers at
 * addresses it already knows, so their cache misses overlap instead of
 * each waiting for the one before (a heap of a million objects is
 * mostly cache misses). */
#include "gc.h"
#include "gen.h"
#include "green.h"
#include "obj.h"

#include <stdlib.h>

#define GC_MIN_THRESHOLD (8u << 20)

/* ---- pools: where small objects live ----
 *
 * Most objects are small, and a run may make them by the hundred thousand
 * (per asyncio task: a coroutine, a task, a range and its iterator).  So
 * objects up to POOL_MAX bytes are carved, one after another, out of
 * POOL_BLOCK-sized zeroed blocks, and a freed one goes on the free list of
 * its size class (a multiple of 16 bytes, kept in its header's flags).  No
 * malloc call and no malloc header per object, and the objects a task
 * makes in turn lie next to each other.  Pool memory is kept for reuse,
 * never returned, like CPython's pymalloc.  Bigger objects use calloc;
 * under AddressSanitizer every object does, so the sanitizer still checks
 * each one. */
#define USE_POOLS (!IL_ASAN)

#define POOL_BLOCK ((size_t)2 << 20)
/* a coroutine with its first frame is 500-700 bytes: pooled too (from
 * calloc, 100,000 of them faulted in 40 MB page by page) */
#define POOL_MAX 1024
#define POOL_CLASSES (POOL_MAX / 16 + 1)

struct GcPools {
    void *free[POOL_CLASSES];         /* class c: freed objects of 16 * c bytes, linked through their first word */
    char *next, *end;                 /* the unused rest of the newest block (all classes) */
    BUF(void *) blocks;
};

/* A zeroed block.  Not offered for huge pages: with the kernel's usual
 * THP setting (defrag "madvise") a fault in such a region compacts memory
 * synchronously, and right after another process freed its memory (the
 * benchmark's python3) that took 100k tasks x 10 from 0.21 s to 0.31 s.
 * calloc's fresh pages are also faulted in only where objects land. */
static char *pool_block(void)
{
    return xcalloc(1, POOL_BLOCK);
}

/* A zeroed object of size class c. */
static void *pool_alloc(Sim *S, size_t c)
{
    struct GcPools *P = S->pools;
    if (!P) P = S->pools = xcalloc(1, sizeof *P);
    size_t bytes = c << 4;
    void *o = P->free[c];
    if (o) {
        P->free[c] = *(void **)o;
        memset(o, 0, bytes);
        return o;
    }
    if ((size_t)(P->end - P->next) < bytes) {
        P->next = pool_block();
        P->end = P->next + POOL_BLOCK;
        BUF_PUSH(P->blocks, P->next);
    }
    o = P->next;
    P->next += bytes;
    return o;   /* fresh block memory is zero */
}

static void pool_free(Sim *S, Obj *o)
{
    struct GcPools *P = S->pools;
    size_t c = ((o->flags & OF_POOL_CLASS) >> 8) + 1;
    *(void **)o = P->free[c];
    P->free[c] = o;
}

static void pools_free_all(Sim *S)
{
    struct GcPools *P = S->pools;
    if (!P) return;
    for (size_t i = 0; i < P->blocks.n; i++) free(P->blocks.v[i]);
    BUF_FREE(P->blocks);
    free(P);
    S->pools = NULL;
}

void *gc_alloc(Sim *S, ObjKind kind, size_t size)
{
    Obj *o;
    if (USE_POOLS && size <= POOL_MAX) {
        size_t c = (size + 15) >> 4;
        o = pool_alloc(S, c);
        o->flags = (uint16_t)(OF_POOLED | ((c - 1) << 8));
    } else {
        o = xcalloc(1, size);
    }
    o->kind = (uint8_t)kind;
    o->size = (uint32_t)size;
    BUF_PUSH(S->objects, o);
    S->heap_bytes += size;
    if (S->heap_bytes > S->gc_threshold) S->gc_pending = true;
    return o;
}

void gc_account(Sim *S, Obj *o, int64_t delta)
{
    int64_t ns = (int64_t)o->size + delta;
    if (ns < 0) ns = 0;
    if (ns > UINT32_MAX) ns = UINT32_MAX;
    S->heap_bytes = (size_t)((int64_t)S->heap_bytes + (ns - (int64_t)o->size));
    o->size = (uint32_t)ns;
    if (S->heap_bytes > S->gc_threshold) S->gc_pending = true;
}

void gc_mark_obj(Sim *S, Obj *o)
{
    if (!o || o->mark) return;
    o->mark = 1;
    BUF_PUSH(S->gray, o);
}

void gc_mark_value(Sim *S, Value v)
{
    if (v.tag == V_OBJ) gc_mark_obj(S, v.u.o);
}

static void mark_values(Sim *S, const Value *v, int64_t n)
{
    for (int64_t i = 0; i < n; i++)
        if (v[i].tag == V_OBJ) gc_mark_obj(S, v[i].u.o);
}

/* Mark everything o refers to. */
static void trace_obj(Sim *S, Obj *o)
{
    if (UNLIKELY(o->flags & OF_SUBCLASS) && (o->kind == K_LIST || o->kind == K_DICT || o->kind == K_SET)) {
        SubExt *x = obj_sub_ext(o);
        gc_mark_obj(S, (Obj *)x->cls);
        gc_mark_obj(S, (Obj *)x->attrs);
    }
    switch ((ObjKind)o->kind) {
    case K_STR: case K_RANGE: case K_BIGINT: break;
    case K_LIST: mark_values(S, ((List *)o)->v, ((List *)o)->n); break;
    case K_TUPLE: mark_values(S, ((Tuple *)o)->v, ((Tuple *)o)->n); break;
    case K_DICT: {
        Dict *d = (Dict *)o;
        for (int64_t i = 0; i < d->nent; i++) {
            gc_mark_value(S, d->ent[i].key);
            gc_mark_value(S, d->ent[i].val);
        }
        break;
    }
    case K_SET: {
        Set *s = (Set *)o;
        if (s->table)
            for (int64_t i = 0; i <= s->mask; i++) gc_mark_value(S, s->table[i].key);
        break;
    }
    case K_SLICE: {
        Slice *s = (Slice *)o;
        gc_mark_value(S, s->start);
        gc_mark_value(S, s->stop);
        gc_mark_value(S, s->step);
        break;
    }
    case K_FUNC: {
        Func *f = (Func *)o;
        gc_mark_obj(S, (Obj *)f->globals);
        gc_mark_obj(S, (Obj *)f->defaults);
        gc_mark_obj(S, (Obj *)f->kwdefaults);
        gc_mark_obj(S, (Obj *)f->closure);
        gc_mark_obj(S, (Obj *)f->name);
        gc_mark_obj(S, (Obj *)f->qualname);
        gc_mark_obj(S, (Obj *)f->dict);
        break;
    }
    case K_CELL: gc_mark_value(S, ((Cell *)o)->v); break;
    case K_CLASS: {
        Class *c = (Class *)o;
        gc_mark_obj(S, (Obj *)c->name);
        gc_mark_obj(S, (Obj *)c->qualname);
        gc_mark_obj(S, (Obj *)c->module);
        gc_mark_obj(S, (Obj *)c->bases);
        gc_mark_obj(S, (Obj *)c->mro);
        gc_mark_obj(S, (Obj *)c->dict);
        break;
    }
    case K_INSTANCE: {
        Instance *in = (Instance *)o;
        gc_mark_obj(S, (Obj *)in->cls);
        gc_mark_obj(S, (Obj *)in->dict);
        if (in->payload && in->cls->payload && in->cls->payload->mark)
            in->cls->payload->mark(S, in->payload);
        break;
    }
    case K_METHOD:
        gc_mark_value(S, ((Method *)o)->self);
        gc_mark_value(S, ((Method *)o)->func);
        break;
    case K_NATIVE:
        gc_mark_obj(S, (Obj *)((Native *)o)->owner);
        gc_mark_value(S, ((Native *)o)->bound);
        break;
    case K_MODULE:
        gc_mark_obj(S, (Obj *)((ModuleObj *)o)->name);
        gc_mark_obj(S, (Obj *)((ModuleObj *)o)->dict);
        break;
    case K_ITER: {
        Iter *it = (Iter *)o;
        gc_mark_value(S, it->src);
        gc_mark_value(S, it->fn);
        gc_mark_obj(S, (Obj *)it->its);
        break;
    }
    case K_PROPERTY: {
        Property *p = (Property *)o;
        gc_mark_value(S, p->fget);
        gc_mark_value(S, p->fset);
        gc_mark_value(S, p->fdel);
        break;
    }
    case K_STATICMETHOD: case K_CLASSMETHOD: gc_mark_value(S, ((Wrapper *)o)->func); break;
    case K_GEN: case K_CORO: case K_AGEN: gen_trace(S, o); break;
    case K_GREEN: green_trace(S, o); break;
    case K_SUPER:
        gc_mark_obj(S, (Obj *)((Super *)o)->start);
        gc_mark_obj(S, (Obj *)((Super *)o)->self_cls);
        gc_mark_value(S, ((Super *)o)->self);
        break;
    case K_COUNT: break;
    }
}

static void free_obj(Sim *S, Obj *o)
{
    if (o->flags & OF_HAS_ID) obj_id_forget(S, o);
    switch ((ObjKind)o->kind) {
    case K_LIST: free(((List *)o)->v); break;
    case K_DICT: free(((Dict *)o)->ent); free(((Dict *)o)->index); break;
    case K_SET: free(((Set *)o)->table); break;
    case K_GEN: case K_CORO: case K_AGEN: gen_free(S, o); break;
    case K_GREEN: green_free(S, o); break;
    case K_INSTANCE: {
        Instance *in = (Instance *)o;
        if (in->payload && in->cls->payload && in->cls->payload->free)
            in->cls->payload->free(S, in->payload);
        break;
    }
    default: break;
    }
    if (o->flags & OF_POOLED) pool_free(S, o);
    else free(o);
}

/* Free the objects of S->objects not marked, and keep the marked ones in
 * order, unmarked.  Dead objects are freed newest first, except that
 * instances, then classes, go last (oldest first): an instance's payload
 * free function reads its class.  Returns the live bytes.  keep_live
 * false: free everything. */
static size_t sweep(Sim *S, bool keep_live)
{
    Obj **v = S->objects.v;
    size_t n = S->objects.n, w = n, live = 0;
    BUF(Obj *) inst = {0};
    BUF(Obj *) classes = {0};
    /* newest first; survivors are packed at the top end, in order */
    for (size_t i = n; i-- > 0;) {
        Obj *o = v[i];
        if (keep_live && o->mark) {
            o->mark = 0;
            live += o->size;
            v[--w] = o;
        } else if (o->kind == K_INSTANCE) {
            BUF_PUSH(inst, o);
        } else if (o->kind == K_CLASS) {
            BUF_PUSH(classes, o);
        } else {
            free_obj(S, o);
        }
    }
    /* both lists are newest first: free them oldest first */
    for (size_t i = inst.n; i-- > 0;) free_obj(S, inst.v[i]);
    for (size_t i = classes.n; i-- > 0;) free_obj(S, classes.v[i]);
    BUF_FREE(inst);
    BUF_FREE(classes);
    if (n > w) memmove(v, v + w, (n - w) * sizeof *v);
    S->objects.n = n - w;
    return live;
}

/* Everything reachable from outside the heap: the world's own roots,
 * every task's frames, and the state the layers above keep in slots. */
static void mark_roots(Sim *S)
{
    for (size_t i = 0; i < S->itab_cap; i++)
        if (S->itab[i]) gc_mark_obj(S, (Obj *)S->itab[i]);
    for (int i = 0; i < TY_COUNT; i++) gc_mark_obj(S, (Obj *)S->types[i]);
    for (int i = 0; i < EXC_COUNT; i++) gc_mark_obj(S, (Obj *)S->exc[i]);
    gc_mark_obj(S, (Obj *)S->builtins);
    gc_mark_obj(S, (Obj *)S->native_modules);
    gc_mark_obj(S, (Obj *)S->textio_cls);
    gc_mark_value(S, S->ellipsis);
    gc_mark_value(S, S->notimpl);
    gc_mark_value(S, S->std_out);
    gc_mark_value(S, S->std_err);
    gc_mark_value(S, S->uncaught);
    for (Code *c = S->codes; c; c = c->next)
        for (int32_t i = 0; i < c->nconsts; i++) gc_mark_value(S, c->consts[i]);
    for (size_t i = 0; i < S->procs.n; i++) {
        gc_mark_obj(S, (Obj *)S->procs.v[i]->globals);
        gc_mark_obj(S, (Obj *)S->procs.v[i]->modules);
    }
    gc_mark_value(S, S->main_doc);
    for (size_t i = 0; i < S->tasks.n; i++) {
        Task *T = S->tasks.v[i];
        vm_ctx_mark(S, &T->ctx);
        if (T->cur != &T->ctx) vm_ctx_mark(S, T->cur);
        gen_mark_chain(S, T->cur);
        gc_mark_obj(S, (Obj *)T->green);
        gc_mark_value(S, T->exc);
        gc_mark_value(S, T->resume_val);
        gc_mark_value(S, T->resume_exc);
        gc_mark_value(S, T->thread_obj);
    }
    for (int i = 0; i < SLOT_COUNT; i++)
        if (S->slot_ops[i] && S->slot_ops[i]->mark) S->slot_ops[i]->mark(S, S->slot[i]);
}


void gc_collect(Sim *S)
{
    /* what the attribute cache points to may be freed (or its address
     * reused) from here on */
    S->attr_epoch++;
    S->globals_epoch++;
    mark_roots(S);
    while (S->gray.n) {
        Obj *o = S->gray.v[--S->gray.n];
        trace_obj(S, o);
    }
    size_t before = S->heap_bytes;
    size_t live = sweep(S, true);
    S->heap_bytes = live;
    /* the next collection when the heap has doubled; when this one found
     * nearly everything alive (a program building up its data: 100,000
     * tasks), when it has quadrupled - marking what is alive is the cost,
     * and collecting it again soon would only find it alive again */
    size_t next = live * (live / 8 * 9 > before ? 4 : 2);
    S->gc_threshold = next > GC_MIN_THRESHOLD ? next : GC_MIN_THRESHOLD;
    S->gc_pending = false;
    S->gc_runs++;
}

void gc_free_all(Sim *S)
{
    sweep(S, false);
    pools_free_all(S);
    BUF_FREE(S->objects);
    S->heap_bytes = 0;
    BUF_FREE(S->gray);
}
