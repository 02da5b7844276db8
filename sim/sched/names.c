/* names.c - names for trace objects: a lock is shown as "lock lock_a"
 * after the variable that refers to it.  Found by looking through the
 * globals of every process, one level of instance attributes
 * ("account.lock"), and the locals of every task's frames. */
#include "names.h"
#include "dict.h"

#include <stdio.h>
#include <stdlib.h>

/* The trace object v stands for, by its payload's operation, or -1. */
static int obj_of(Value v)
{
    if (!is_instance(v)) return -1;
    const PayloadOps *ops = AS_INST(v)->cls->payload;
    return ops && ops->trace_obj ? ops->trace_obj(v) : -1;
}

typedef void (*NameFn)(Sim *S, void *ctx, const char *name, Value v);

static void scan_dict(Sim *S, Dict *d, const char *prefix, int depth, NameFn fn, void *ctx)
{
    int64_t pos = 0;
    Value k, v;
    while (dict_next(d, &pos, &k, &v)) {
        if (!is_str(k)) continue;
        const char *ks = AS_STR(k)->s;
        if (ks[0] == '_' && ks[1] == '_') continue;
        char name[200];
        snprintf(name, sizeof name, "%s%s", prefix, ks);
        fn(S, ctx, name, v);
        if (depth > 0 && is_instance(v) && AS_INST(v)->dict && (AS_INST(v)->cls->cflags & CF_USER)) {
            char p2[210];
            snprintf(p2, sizeof p2, "%s.", name);
            scan_dict(S, AS_INST(v)->dict, p2, depth - 1, fn, ctx);
        }
        if (depth > 0 && is_list(v)) {
            List *l = AS_LIST(v);
            for (int64_t i = 0; i < l->n && i < 64; i++) {
                char p2[240];
                snprintf(p2, sizeof p2, "%.200s[%lld]", name, (long long)i);
                fn(S, ctx, p2, l->v[i]);
            }
        }
    }
}

/* program_only: not the variables of the simulator's library code (a run
 * loop's own queue is no queue of the program's) */
static void walk(Sim *S, NameFn fn, void *ctx, bool program_only)
{
    for (size_t i = 0; i < S->procs.n; i++) scan_dict(S, S->procs.v[i]->globals, "", 1, fn, ctx);
    for (size_t i = 0; i < S->tasks.n; i++) {
        Ctx *c = &S->tasks.v[i]->ctx;
        for (int32_t f = c->nframes - 1; f >= 0; f--) {
            Frame *fr = &c->frames[f];
            Code *co = fr->code;
            if (program_only && co->src && co->src->library) continue;
            for (int32_t k = 0; k < co->nlocals; k++) {
                Value v = fr->locals[k];
                if (is_undef(v)) continue;
                fn(S, ctx, co->varnames[k]->s, v);
                if (is_instance(v) && AS_INST(v)->dict && (AS_INST(v)->cls->cflags & CF_USER)) {
                    char p[200];
                    snprintf(p, sizeof p, "%s.", co->varnames[k]->s);
                    scan_dict(S, AS_INST(v)->dict, p, 0, fn, ctx);
                }
            }
        }
    }
}

void names_walk(Sim *S, NameFn fn, void *ctx) { walk(S, fn, ctx, false); }

void names_walk_program(Sim *S, NameFn fn, void *ctx) { walk(S, fn, ctx, true); }

static void name_one(Sim *S, void *ctx, const char *name, Value v)
{
    (void)ctx;
    int id = obj_of(v);
    if (id < 0 || (size_t)id >= S->trace->objs.n || S->trace->objs.v[id].name) return;
    S->trace->objs.v[id].name = xstrdup(name);
}

void names_trace_objects(Sim *S) { names_walk(S, name_one, NULL); }
