/* modcheck.c - the load-time check of module attributes (modcheck.h).
 *
 * The compiler checks `from M import name`; this pass checks attribute
 * reads `M.name` on the parsed scenario, where M is a name the program
 * binds only by `import M` (or `import M as N`, `from P import M` for a
 * submodule) and never assigns otherwise.  Assigning to a module's
 * attribute (`time.sleep = fake`) is allowed, as in CPython. */
#include "modcheck.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Alias {
    char name[128];       /* the name bound in the program */
    char module[128];     /* the module it is bound to */
    bool unsafe;          /* also bound some other way, or to two modules */
} Alias;

typedef struct Check {
    const ImportResolver *r;
    BUF(Alias) aliases;
    /* aliases by name: every name a program binds is one, and a file of
     * 100,000 globals must not take quadratic time (open addressing,
     * index + 1, 0 free) */
    uint32_t *index;
    size_t icap;
    BUF(const Node *) targets; /* attribute nodes that are assigned or deleted */
    bool failed;
    int line, col;
    char *msg;
    size_t msgsize;
} Check;

static size_t name_hash(const char *s)
{
    size_t h = 2166136261u;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

static uint32_t *index_slot(Check *C, const char *name)
{
    size_t mask = C->icap - 1;
    for (size_t i = name_hash(name) & mask;; i = (i + 1) & mask)
        if (!C->index[i] || strcmp(C->aliases.v[C->index[i] - 1].name, name) == 0) return &C->index[i];
}

static Alias *find_alias(Check *C, const char *name)
{
    if (!C->icap) return NULL;
    uint32_t k = *index_slot(C, name);
    return k ? &C->aliases.v[k - 1] : NULL;
}

/* a new alias (its name not yet bound) */
static void add_alias(Check *C, Alias a)
{
    BUF_PUSH(C->aliases, a);
    if (C->aliases.n * 2 > C->icap) {
        free(C->index);
        C->icap = C->icap ? C->icap * 2 : 64;
        C->index = xcalloc(C->icap, sizeof *C->index);
        for (size_t i = 0; i + 1 < C->aliases.n; i++) *index_slot(C, C->aliases.v[i].name) = (uint32_t)i + 1;
    }
    *index_slot(C, C->aliases.v[C->aliases.n - 1].name) = (uint32_t)C->aliases.n;
}

static void bind_module(Check *C, const char *name, const char *module)
{
    Alias *a = find_alias(C, name);
    if (a) {
        if (strcmp(a->module, module) != 0) a->unsafe = true;
        return;
    }
    Alias n = {0};
    snprintf(n.name, sizeof n.name, "%s", name);
    snprintf(n.module, sizeof n.module, "%s", module);
    add_alias(C, n);
}

static void bind_other(Check *C, const char *name)
{
    Alias *a = find_alias(C, name);
    if (a) {
        a->unsafe = true;
        return;
    }
    Alias n = {0};
    snprintf(n.name, sizeof n.name, "%s", name);
    n.unsafe = true;
    add_alias(C, n);
}

/* A store target: names it binds, attribute targets to skip. */
static void target(Check *C, const Node *t)
{
    if (!t) return;
    switch (t->kind) {
    case E_NAME: bind_other(C, t->name); break;
    case E_TUPLE: case E_LIST:
        for (size_t i = 0; i < t->list.n; i++) target(C, t->list.v[i]);
        break;
    case E_STARRED: target(C, t->a); break;
    case E_ATTR: BUF_PUSH(C->targets, t); break;
    default: break;
    }
}

static void params(Check *C, const Params *p)
{
    if (!p) return;
    for (size_t i = 0; i < p->args.n; i++) bind_other(C, p->args.v[i]->name);
    for (size_t i = 0; i < p->kwonly.n; i++) bind_other(C, p->kwonly.v[i]->name);
    if (p->vararg) bind_other(C, p->vararg->name);
    if (p->kwarg) bind_other(C, p->kwarg->name);
}

static void collect_list(Check *C, const NodeList *l);

/* First pass: what each name is bound to. */
static void collect(Check *C, const Node *n)
{
    if (!n) return;
    switch (n->kind) {
    case S_IMPORT:
        for (size_t i = 0; i < n->list.n; i++) {
            const Node *a = n->list.v[i];
            if (!C->r->exists(a->name)) continue;
            if (a->sval) {
                bind_module(C, a->sval, a->name);
            } else {
                /* import a.b binds a */
                char top[128];
                snprintf(top, sizeof top, "%.*s", (int)strcspn(a->name, "."), a->name);
                bind_module(C, top, top);
            }
        }
        return;
    case S_IMPORTFROM:
        for (size_t i = 0; i < n->list.n; i++) {
            const Node *a = n->list.v[i];
            char sub[256];
            snprintf(sub, sizeof sub, "%s.%s", n->name, a->name);
            const char *as = a->sval ? a->sval : a->name;
            if (C->r->exists(sub)) bind_module(C, as, sub);
            else bind_other(C, as);
        }
        return;
    case S_ASSIGN:
        for (size_t i = 0; i < n->list.n; i++) target(C, n->list.v[i]);
        break;
    case S_AUGASSIGN: case S_ANNASSIGN: case S_FOR: case E_COMPREHENSION: case E_NAMEDEXPR:
        target(C, n->a);
        break;
    case S_WITHITEM: target(C, n->b); break;
    case S_DEL:
        for (size_t i = 0; i < n->list.n; i++) target(C, n->list.v[i]);
        break;
    case S_FUNCDEF: case S_CLASSDEF:
        bind_other(C, n->name);
        break;
    case S_HANDLER:
        if (n->name) bind_other(C, n->name);
        break;
    default: break;
    }
    if (n->params) params(C, n->params);
    collect(C, n->a);
    collect(C, n->b);
    collect(C, n->c);
    collect(C, n->d);
    collect_list(C, &n->list);
    collect_list(C, &n->list2);
    collect_list(C, &n->list3);
    if (n->params) {
        collect_list(C, &n->params->defaults);
        collect_list(C, &n->params->kw_defaults);
    }
}

static void collect_list(Check *C, const NodeList *l)
{
    for (size_t i = 0; i < l->n; i++) collect(C, l->v[i]);
}

static bool is_target(Check *C, const Node *n)
{
    for (size_t i = 0; i < C->targets.n; i++)
        if (C->targets.v[i] == n) return true;
    return false;
}

/* An attribute chain rooted at a module alias: check it, outermost last. */
static void check_attr(Check *C, const Node *n)
{
    const Node *chain[16];
    int k = 0;
    const Node *e = n;
    while (e->kind == E_ATTR && k < 16) {
        chain[k++] = e;
        e = e->a;
    }
    if (e->kind != E_NAME || k == 16) return;
    Alias *a = find_alias(C, e->name);
    if (!a || a->unsafe) return;
    char mod[300];
    snprintf(mod, sizeof mod, "%s", a->module);
    for (int i = k - 1; i >= 0; i--) {
        const Node *at = chain[i];
        char sub[600];
        snprintf(sub, sizeof sub, "%s.%s", mod, at->name);
        if (C->r->exists(sub)) {
            snprintf(mod, sizeof mod, "%.299s", sub);
            continue;
        }
        if (i == 0 && is_target(C, at)) return;
        if (!C->r->has_attr(mod, at->name)) {
            C->failed = true;
            C->line = at->end_line;
            C->col = at->end_col - (int)strlen(at->name);
            if (C->col < 1) C->col = at->col;
            snprintf(C->msg, C->msgsize, "'%s.%s' is not supported by the simulator (module '%s' has no attribute '%s' here)",
                     mod, at->name, mod, at->name);
        }
        return;
    }
}

static void check_list(Check *C, const NodeList *l);

static void check(Check *C, const Node *n)
{
    if (!n || C->failed) return;
    if (n->kind == E_ATTR) {
        check_attr(C, n);
        if (C->failed) return;
        /* the chain's root may hold other expressions (f().x) */
        const Node *e = n;
        while (e->kind == E_ATTR) e = e->a;
        check(C, e);
        return;
    }
    check(C, n->a);
    check(C, n->b);
    check(C, n->c);
    check(C, n->d);
    check_list(C, &n->list);
    check_list(C, &n->list2);
    check_list(C, &n->list3);
    if (n->params) {
        check_list(C, &n->params->defaults);
        check_list(C, &n->params->kw_defaults);
    }
}

static void check_list(Check *C, const NodeList *l)
{
    for (size_t i = 0; i < l->n && !C->failed; i++) check(C, l->v[i]);
}

bool modcheck_module(const Module *m, const ImportResolver *r, int *line, int *col, char *msg, size_t msgsize)
{
    Check C = {0};
    C.r = r;
    C.msg = msg;
    C.msgsize = msgsize;
    collect_list(&C, &m->body);
    check_list(&C, &m->body);
    BUF_FREE(C.aliases);
    free(C.index);
    BUF_FREE(C.targets);
    if (!C.failed) return true;
    *line = C.line;
    *col = C.col;
    return false;
}
