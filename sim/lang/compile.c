/* compile.c - symbol tables and code generation.
 *
 * Names are resolved with CPython's rules: assigned in a function means
 * local; used but bound in an enclosing function means free (and a cell
 * there); `global`/`nonlocal` override; class bodies use a namespace dict;
 * methods that use super() get the class through a __class__ cell.
 * Comprehensions are nested functions, as in CPython 3.11. */
#include "compile.h"
#include "bigint.h"
#include "lex.h"
#include "str.h"
#include "tuple.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

/* ================= symbol tables ================= */

enum { SC_MODULE, SC_FUNCTION, SC_CLASS };
enum { F_ASSIGN = 1, F_PARAM = 2, F_GLOBAL = 4, F_NONLOCAL = 8, F_USE = 16 };
enum { R_UNKNOWN, R_LOCAL, R_CELL, R_FREE, R_GLOBAL_EXPLICIT, R_GLOBAL_IMPLICIT, R_NAME };

typedef struct Sym {
    const char *name;
    int flags;
    int res;
    int line, col;        /* first use, for errors */
} Sym;

typedef struct Scope Scope;
struct Scope {
    int kind;
    bool comprehension, genexp, lambda, is_async;
    bool generator;       /* a def or lambda whose body yields */
    bool return_value;    /* ... and a `return x` (an error in an async generator) */
    int return_line, return_col;
    Scope *parent;
    const char *name;
    char *qualname;       /* owned */
    Node *node;
    BUF(Sym) syms;
    uint32_t *sym_ix;     /* hash index of syms by name (index + 1; 0 empty) */
    size_t sym_cap;
    BUF(Scope *) children;
    BUF(const char *) params;   /* in varnames order */
    int argcount, posonly, kwonly;
    bool varargs, varkw;
    BUF(const char *) varnames; /* final: params then locals */
    BUF(const char *) cellvars;
    BUF(const char *) freevars;
    bool class_cell;      /* class scope: a child uses __class__ */
};

typedef struct Compiler {
    Sim *S;
    Source *src;
    const ImportResolver *imports;
    CompileError *err;
    bool failed;
    int depth;          /* st_expr recursion */
    BUF(NodeList *) const_sets; /* constant set displays seen so far */
    Scope *module_scope;
    BUF(Scope *) all_scopes;
} Compiler;

static bool cerror(Compiler *C, int line, int col, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static bool cerror(Compiler *C, int line, int col, const char *fmt, ...)
{
    if (C->failed) return false;
    C->failed = true;
    C->err->line = line;
    C->err->col = col;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(C->err->msg, sizeof C->err->msg, fmt, ap);
    va_end(ap);
    return false;
}

static Scope *scope_new(Compiler *C, int kind, Scope *parent, const char *name, Node *node)
{
    Scope *s = xcalloc(1, sizeof *s);
    s->kind = kind;
    s->parent = parent;
    s->name = name;
    s->node = node;
    if (node) node->scope = s;
    if (parent) BUF_PUSH(parent->children, s);
    BUF_PUSH(C->all_scopes, s);
    /* qualname: CPython's rules (function scopes add "<locals>") */
    if (!parent || parent->kind == SC_MODULE) {
        s->qualname = xstrdup(name);
    } else {
        SBuf b = {0};
        sb_puts(&b, parent->qualname);
        if (parent->kind == SC_FUNCTION) sb_puts(&b, ".<locals>");
        sb_putc(&b, '.');
        sb_puts(&b, name);
        s->qualname = sb_take(&b);
    }
    return s;
}

static void scope_free(Scope *s)
{
    BUF_FREE(s->syms);
    free(s->sym_ix);
    BUF_FREE(s->children);
    BUF_FREE(s->params);
    BUF_FREE(s->varnames);
    BUF_FREE(s->cellvars);
    BUF_FREE(s->freevars);
    free(s->qualname);
    free(s);
}

static uint64_t name_hash(const char *s)
{
    uint64_t h = 1469598103934665603u;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h ^ (h >> 32);
}

/* The slot of name in s's index: its symbol's (index + 1), or 0 where it
 * would go.  A module with 100,000 globals resolves them in linear time. */
static uint32_t *sym_slot(Scope *s, const char *name)
{
    for (size_t i = (size_t)name_hash(name) & (s->sym_cap - 1);; i = (i + 1) & (s->sym_cap - 1))
        if (!s->sym_ix[i] || strcmp(s->syms.v[s->sym_ix[i] - 1].name, name) == 0) return &s->sym_ix[i];
}

static Sym *sym_find(Scope *s, const char *name)
{
    if (!s->sym_cap) return NULL;
    uint32_t *slot = sym_slot(s, name);
    return *slot ? &s->syms.v[*slot - 1] : NULL;
}

static Sym *sym_add(Scope *s, const char *name, int flags, Node *at)
{
    Sym *y = sym_find(s, name);
    if (!y) {
        if ((s->syms.n + 1) * 2 >= s->sym_cap) {
            /* grow the index to keep it at most half full */
            size_t nc = s->sym_cap ? s->sym_cap * 2 : 16;
            free(s->sym_ix);
            s->sym_ix = xcalloc(nc, sizeof *s->sym_ix);
            s->sym_cap = nc;
            for (size_t i = 0; i < s->syms.n; i++) *sym_slot(s, s->syms.v[i].name) = (uint32_t)i + 1;
        }
        Sym n = {name, 0, R_UNKNOWN, at ? at->line : 0, at ? at->col : 0};
        BUF_PUSH(s->syms, n);
        *sym_slot(s, name) = (uint32_t)s->syms.n;
        y = &s->syms.v[s->syms.n - 1];
    }
    y->flags |= flags;
    return y;
}

static int index_of(const char **v, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(v[i], name) == 0) return (int)i;
    return -1;
}

static bool st_expr(Compiler *C, Scope *s, Node *n);
static bool st_stmts(Compiler *C, Scope *s, NodeList *l);

static bool st_store(Compiler *C, Scope *s, Node *t)
{
    switch (t->kind) {
    case E_NAME: {
        Sym *y = sym_find(s, t->name);
        if (y && (y->flags & F_GLOBAL) == 0 && (y->flags & F_NONLOCAL) == 0) {
            y->flags |= F_ASSIGN;
            return true;
        }
        sym_add(s, t->name, F_ASSIGN, t);
        return true;
    }
    case E_TUPLE: case E_LIST:
        for (size_t i = 0; i < t->list.n; i++)
            if (!st_store(C, s, t->list.v[i])) return false;
        return true;
    case E_STARRED: return st_store(C, s, t->a);
    case E_ATTR: return st_expr(C, s, t->a);
    case E_SUBSCRIPT: return st_expr(C, s, t->a) && st_expr(C, s, t->b);
    default: return true;
    }
}

static bool st_params(Compiler *C, Scope *s, Params *p)
{
    (void)C;
    for (size_t i = 0; i < p->args.n; i++) {
        BUF_PUSH(s->params, p->args.v[i]->name);
        sym_add(s, p->args.v[i]->name, F_PARAM | F_ASSIGN, p->args.v[i]);
    }
    for (size_t i = 0; i < p->kwonly.n; i++) {
        BUF_PUSH(s->params, p->kwonly.v[i]->name);
        sym_add(s, p->kwonly.v[i]->name, F_PARAM | F_ASSIGN, p->kwonly.v[i]);
    }
    if (p->vararg) {
        BUF_PUSH(s->params, p->vararg->name);
        sym_add(s, p->vararg->name, F_PARAM | F_ASSIGN, p->vararg);
    }
    if (p->kwarg) {
        BUF_PUSH(s->params, p->kwarg->name);
        sym_add(s, p->kwarg->name, F_PARAM | F_ASSIGN, p->kwarg);
    }
    s->argcount = (int)p->args.n;
    s->posonly = p->posonly;
    s->kwonly = (int)p->kwonly.n;
    s->varargs = p->vararg != NULL;
    s->varkw = p->kwarg != NULL;
    return true;
}

/* defaults are evaluated in the enclosing scope */
static bool st_param_defaults(Compiler *C, Scope *s, Params *p)
{
    for (size_t i = 0; i < p->defaults.n; i++)
        if (!st_expr(C, s, p->defaults.v[i])) return false;
    for (size_t i = 0; i < p->kw_defaults.n; i++)
        if (p->kw_defaults.v[i] && !st_expr(C, s, p->kw_defaults.v[i])) return false;
    return true;
}

static bool st_comprehension(Compiler *C, Scope *s, Node *n)
{
    NodeList *gens = &n->list;
    /* the first iterable is evaluated outside */
    if (!st_expr(C, s, gens->v[0]->b)) return false;
    const char *nm = n->kind == E_LISTCOMP ? "<listcomp>" : n->kind == E_SETCOMP ? "<setcomp>"
                   : n->kind == E_DICTCOMP ? "<dictcomp>" : "<genexpr>";
    Scope *cs = scope_new(C, SC_FUNCTION, s, nm, n);
    cs->comprehension = true;
    cs->genexp = n->kind == E_GENEXP;
    cs->is_async = s->is_async;
    BUF_PUSH(cs->params, ".0");
    sym_add(cs, ".0", F_PARAM | F_ASSIGN, n);
    cs->argcount = 1;
    for (size_t i = 0; i < gens->n; i++) {
        Node *g = gens->v[i];
        if (i > 0 && !st_expr(C, cs, g->b)) return false;
        if (!st_store(C, cs, g->a)) return false;
        for (size_t k = 0; k < g->list.n; k++)
            if (!st_expr(C, cs, g->list.v[k])) return false;
    }
    if (n->kind == E_DICTCOMP) return st_expr(C, cs, n->a) && st_expr(C, cs, n->b);
    return st_expr(C, cs, n->a);
}

static bool st_expr_node(Compiler *C, Scope *s, Node *n);

/* The parser builds left-nested chains (a + b + c ...) in a loop, so tree
 * depth is not bounded by its recursion guard; every later pass recurses on
 * the tree, so bound the depth here, once, as CPython does. */
#define MAX_TREE_DEPTH 1000

static bool st_expr(Compiler *C, Scope *s, Node *n)
{
    if (!n) return true;
    if (C->depth >= MAX_TREE_DEPTH)
        return cerror(C, n->line, n->col, "expression too deeply nested: the simulator's limit is %d levels", MAX_TREE_DEPTH);
    C->depth++;
    bool ok = st_expr_node(C, s, n);
    C->depth--;
    return ok;
}

static bool st_expr_node(Compiler *C, Scope *s, Node *n)
{
    switch (n->kind) {
    case E_NAME:
        sym_add(s, n->name, F_USE, n);
        if (strcmp(n->name, "super") == 0 && s->kind == SC_FUNCTION) sym_add(s, "__class__", F_USE, n);
        return true;
    case E_CONST: return true;
    case E_NAMEDEXPR: {
        /* binds in the nearest enclosing non-comprehension scope */
        Scope *t = s;
        while (t->comprehension) t = t->parent;
        if (t != s) {
            if (t->kind == SC_CLASS)
                return cerror(C, n->line, n->col, "assignment expression within a comprehension cannot be used in a class body");
            Sym *y = sym_find(s, n->a->name);
            if (y && (y->flags & F_ASSIGN))
                return cerror(C, n->line, n->col, "assignment expression cannot rebind comprehension iteration variable '%s'", n->a->name);
            for (Scope *u = s; u != t; u = u->parent)
                sym_add(u, n->a->name, t->kind == SC_MODULE ? F_GLOBAL : F_NONLOCAL, n->a);
            if (t->kind == SC_MODULE) sym_add(t, n->a->name, F_ASSIGN, n->a);
            else st_store(C, t, n->a);
        } else {
            st_store(C, s, n->a);
        }
        return st_expr(C, s, n->b);
    }
    case E_LAMBDA: {
        if (!st_param_defaults(C, s, n->params)) return false;
        Scope *ls = scope_new(C, SC_FUNCTION, s, "<lambda>", n);
        ls->lambda = true;
        st_params(C, ls, n->params);
        return st_expr(C, ls, n->a);
    }
    case E_LISTCOMP: case E_SETCOMP: case E_GENEXP: case E_DICTCOMP:
        return st_comprehension(C, s, n);
    case E_CALL:
        if (!st_expr(C, s, n->a)) return false;
        for (size_t i = 0; i < n->list.n; i++)
            if (!st_expr(C, s, n->list.v[i])) return false;
        for (size_t i = 0; i < n->list2.n; i++)
            if (!st_expr(C, s, n->list2.v[i]->a)) return false;
        return true;
    case E_DICT:
        for (size_t i = 0; i < n->list.n; i++)
            if (!st_expr(C, s, n->list.v[i]) || !st_expr(C, s, n->list2.v[i])) return false;
        return true;
    case E_FSTRING: case E_TUPLE: case E_LIST: case E_SET: case E_BOOLOP:
        for (size_t i = 0; i < n->list.n; i++)
            if (!st_expr(C, s, n->list.v[i])) return false;
        return true;
    case E_COMPARE:
        if (!st_expr(C, s, n->a)) return false;
        for (size_t i = 0; i < n->list.n; i++)
            if (!st_expr(C, s, n->list.v[i])) return false;
        return true;
    case E_AWAIT:
        if (s->comprehension && !s->is_async)
            return cerror(C, n->line, n->col, "asynchronous comprehension outside of an asynchronous function");
        return st_expr(C, s, n->a);
    case E_YIELD: case E_YIELDFROM:
        if (s->comprehension) {
            const char *what = s->genexp ? "generator expression" : s->node->kind == E_LISTCOMP ? "list comprehension"
                             : s->node->kind == E_SETCOMP ? "set comprehension" : "dict comprehension";
            return cerror(C, n->line, n->col, "'yield' inside %s", what);
        }
        if (s->kind != SC_FUNCTION) return cerror(C, n->line, n->col, "'yield' outside function");
        s->generator = true;
        if (s->is_async && s->return_value)
            return cerror(C, s->return_line, s->return_col, "'return' with value in async generator");
        return st_expr(C, s, n->a);
    default:
        return st_expr(C, s, n->a) && st_expr(C, s, n->b) && st_expr(C, s, n->c);
    }
}

static bool st_funcdef(Compiler *C, Scope *s, Node *n)
{
    for (size_t i = 0; i < n->list2.n; i++)
        if (!st_expr(C, s, n->list2.v[i])) return false;
    if (!st_param_defaults(C, s, n->params)) return false;
    st_store(C, s, &(Node){.kind = E_NAME, .name = n->name, .line = n->line, .col = n->col});
    Scope *fs = scope_new(C, SC_FUNCTION, s, n->name, n);
    fs->is_async = n->flags & FLAG_ASYNC;
    st_params(C, fs, n->params);
    return st_stmts(C, fs, &n->list);
}

static bool st_stmt(Compiler *C, Scope *s, Node *n)
{
    switch (n->kind) {
    case S_EXPR: return st_expr(C, s, n->a);
    case S_ASSIGN:
        if (!st_expr(C, s, n->a)) return false;
        for (size_t i = 0; i < n->list.n; i++)
            if (!st_store(C, s, n->list.v[i])) return false;
        return true;
    case S_AUGASSIGN:
        if (n->a->kind == E_NAME) sym_add(s, n->a->name, F_USE, n->a);
        return st_expr(C, s, n->b) && st_store(C, s, n->a);
    case S_ANNASSIGN:
        if (n->c && !st_expr(C, s, n->c)) return false;
        if (n->a->kind == E_NAME && !n->c) return true; /* bare annotation: no binding */
        return st_store(C, s, n->a);
    case S_DEL:
        for (size_t i = 0; i < n->list.n; i++)
            if (!st_store(C, s, n->list.v[i])) return false;
        return true;
    case S_RETURN:
        if (n->a && !s->return_value) {
            s->return_value = true;
            s->return_line = n->line;
            s->return_col = n->col;
        }
        if (n->a && s->is_async && s->generator)
            return cerror(C, n->line, n->col, "'return' with value in async generator");
        return st_expr(C, s, n->a);
    case S_RAISE: return st_expr(C, s, n->a) && st_expr(C, s, n->b);
    case S_GLOBAL: case S_NONLOCAL:
        for (size_t i = 0; i < n->list.n; i++) {
            Node *nm = n->list.v[i];
            Sym *y = sym_find(s, nm->name);
            const char *what = n->kind == S_GLOBAL ? "global" : "nonlocal";
            if (y && (y->flags & F_PARAM)) return cerror(C, nm->line, nm->col, "name '%s' is parameter and %s", nm->name, what);
            if (y && (y->flags & (F_USE | F_ASSIGN)) && !(y->flags & (F_GLOBAL | F_NONLOCAL)))
                return cerror(C, nm->line, nm->col, "name '%s' is %s prior to %s declaration", nm->name,
                              (y->flags & F_ASSIGN) ? "assigned to" : "used", what);
            if (n->kind == S_NONLOCAL && s->kind != SC_FUNCTION)
                return cerror(C, nm->line, nm->col, "nonlocal declaration not allowed at module level");
            sym_add(s, nm->name, n->kind == S_GLOBAL ? F_GLOBAL : F_NONLOCAL, nm);
        }
        return true;
    case S_IMPORT:
        for (size_t i = 0; i < n->list.n; i++) {
            Node *a = n->list.v[i];
            /* `import a.b` binds a; `import a.b as c` binds c */
            const char *bind = a->sval ? a->sval : a->name;
            if (!a->sval && strchr(a->name, '.'))
                bind = str_intern(C->S, a->name, (size_t)(strchr(a->name, '.') - a->name))->s;
            st_store(C, s, &(Node){.kind = E_NAME, .name = (char *)bind, .line = a->line, .col = a->col});
        }
        return true;
    case S_IMPORTFROM:
        for (size_t i = 0; i < n->list.n; i++) {
            Node *a = n->list.v[i];
            st_store(C, s, &(Node){.kind = E_NAME, .name = a->sval ? a->sval : a->name, .line = a->line, .col = a->col});
        }
        return true;
    case S_ASSERT: return st_expr(C, s, n->a) && st_expr(C, s, n->b);
    case S_IF: case S_WHILE:
        return st_expr(C, s, n->a) && st_stmts(C, s, &n->list) && st_stmts(C, s, &n->list2);
    case S_FOR:
        return st_expr(C, s, n->b) && st_store(C, s, n->a) && st_stmts(C, s, &n->list) && st_stmts(C, s, &n->list2);
    case S_TRY:
        if (!st_stmts(C, s, &n->list)) return false;
        for (size_t i = 0; i < n->list2.n; i++) {
            Node *h = n->list2.v[i];
            if (!st_expr(C, s, h->a)) return false;
            if (h->name && !st_store(C, s, &(Node){.kind = E_NAME, .name = h->name, .line = h->line, .col = h->col})) return false;
            if (!st_stmts(C, s, &h->list)) return false;
        }
        if (!st_stmts(C, s, &n->list3)) return false;
        return !n->d || st_stmts(C, s, &n->d->list);
    case S_WITH:
        for (size_t i = 0; i < n->list.n; i++) {
            Node *it = n->list.v[i];
            if (!st_expr(C, s, it->a)) return false;
            if (it->b && !st_store(C, s, it->b)) return false;
        }
        return st_stmts(C, s, &n->list2);
    case S_FUNCDEF: return st_funcdef(C, s, n);
    case S_CLASSDEF: {
        for (size_t i = 0; i < n->list3.n; i++)
            if (!st_expr(C, s, n->list3.v[i])) return false;
        for (size_t i = 0; i < n->list.n; i++)
            if (!st_expr(C, s, n->list.v[i])) return false;
        st_store(C, s, &(Node){.kind = E_NAME, .name = n->name, .line = n->line, .col = n->col});
        Scope *cs = scope_new(C, SC_CLASS, s, n->name, n);
        return st_stmts(C, cs, &n->list2);
    }
    default: return true;
    }
}

static bool st_stmts(Compiler *C, Scope *s, NodeList *l)
{
    for (size_t i = 0; i < l->n; i++)
        if (!st_stmt(C, s, l->v[i])) return false;
    return true;
}

/* Is name bound (as a local or cell) in an enclosing function scope? */
static bool bound_in_enclosing(Scope *s, const char *name)
{
    for (Scope *p = s->parent; p; p = p->parent) {
        if (p->kind == SC_MODULE) return false;
        if (p->kind == SC_CLASS) {
            if (strcmp(name, "__class__") == 0) return true;
            continue;
        }
        Sym *y = sym_find(p, name);
        if (y && (y->flags & F_GLOBAL)) return false;
        if (y && (y->flags & (F_ASSIGN | F_PARAM | F_NONLOCAL))) return true;
    }
    return false;
}

/* Resolve s and its children; returns false on error.  Adds to `frees` the
 * names s needs from enclosing scopes. */
static bool resolve(Compiler *C, Scope *s)
{
    for (size_t i = 0; i < s->syms.n; i++) {
        Sym *y = &s->syms.v[i];
        if (y->flags & F_GLOBAL) y->res = R_GLOBAL_EXPLICIT;
        else if (y->flags & F_NONLOCAL) {
            if (!bound_in_enclosing(s, y->name))
                return cerror(C, y->line, y->col, "no binding for nonlocal '%s' found", y->name);
            y->res = R_FREE;
        } else if (s->kind == SC_MODULE) y->res = R_GLOBAL_IMPLICIT;
        else if (s->kind == SC_CLASS) {
            if (y->flags & F_ASSIGN) y->res = R_NAME;
            else if (bound_in_enclosing(s, y->name) && strcmp(y->name, "__class__") != 0) y->res = R_FREE;
            else y->res = R_NAME;
        } else if (y->flags & (F_ASSIGN | F_PARAM)) y->res = R_LOCAL;
        else if (bound_in_enclosing(s, y->name)) y->res = R_FREE;
        else y->res = R_GLOBAL_IMPLICIT;
    }
    for (size_t c = 0; c < s->children.n; c++) {
        Scope *ch = s->children.v[c];
        if (!resolve(C, ch)) return false;
        /* every name free in the child is a cell here, or passes through */
        for (size_t i = 0; i < ch->freevars.n; i++) {
            const char *nm = ch->freevars.v[i];
            if (s->kind == SC_CLASS && strcmp(nm, "__class__") == 0) {
                s->class_cell = true;
                continue;
            }
            Sym *y = sym_find(s, nm);
            if (s->kind == SC_FUNCTION && y && y->res == R_LOCAL) {
                y->res = R_CELL;
            } else if (s->kind == SC_FUNCTION && y && (y->res == R_CELL || y->res == R_FREE)) {
                /* already */
            } else if (s->kind != SC_MODULE) {
                /* pass through (class scopes keep their own NAME binding) */
                if (index_of(s->freevars.v, s->freevars.n, nm) < 0) BUF_PUSH(s->freevars, nm);
                if (!y) {
                    sym_add(s, nm, F_USE, NULL)->res = R_FREE;
                } else if (s->kind == SC_FUNCTION && y->res != R_FREE) {
                    y->res = R_FREE;
                }
            }
        }
    }
    /* final layout */
    if (s->kind == SC_FUNCTION) {
        for (size_t i = 0; i < s->params.n; i++) BUF_PUSH(s->varnames, s->params.v[i]);
        for (size_t i = 0; i < s->syms.n; i++) {
            Sym *y = &s->syms.v[i];
            if ((y->res == R_LOCAL || y->res == R_CELL) && index_of(s->varnames.v, s->varnames.n, y->name) < 0)
                if (y->res == R_LOCAL || (y->flags & F_PARAM)) BUF_PUSH(s->varnames, y->name);
            if (y->res == R_CELL) BUF_PUSH(s->cellvars, y->name);
            if (y->res == R_FREE && index_of(s->freevars.v, s->freevars.n, y->name) < 0) BUF_PUSH(s->freevars, y->name);
        }
    } else if (s->kind == SC_CLASS) {
        for (size_t i = 0; i < s->syms.n; i++) {
            Sym *y = &s->syms.v[i];
            if (y->res == R_FREE && index_of(s->freevars.v, s->freevars.n, y->name) < 0) BUF_PUSH(s->freevars, y->name);
        }
        if (s->class_cell) BUF_PUSH(s->cellvars, "__class__");
    }
    return true;
}

/* ================= code generation ================= */

typedef struct Handler {
    int label;
    int depth;
    int parent;
} Handler;

enum { FB_WHILE, FB_FOR, FB_TRY_FINALLY, FB_FINALLY_END, FB_WITH, FB_HANDLER, FB_ASYNC_FOR };

typedef struct FBlock {
    int kind;
    int brk, cont;        /* labels for loops */
    int outer_handler;    /* handler in effect outside this block */
    Node *finally;        /* FB_TRY_FINALLY: holder node with the body */
    const char *name;     /* FB_HANDLER: 'except E as name' */
    bool async;
    bool temp_iter;       /* FB_FOR over an iterator only the loop holds (not a name's) */
} FBlock;

typedef struct CG {
    Compiler *C;
    Sim *S;
    Scope *sc;
    BUF(uint32_t) ops;
    BUF(int32_t) lines;
    BUF(uint16_t) cols;
    BUF(int32_t) hand;    /* per instruction: handler index or -1 */
    BUF(Value) consts;
    BUF(Str *) names;
    /* hash indexes of consts and names (index + 1; 0 empty): a module with
     * 100,000 globals or a 100,000-item literal compiles in linear time */
    uint32_t *const_ix, *name_ix;
    size_t const_cap, name_cap;
    BUF(Code *) children;   /* code objects MAKE_FUNCTION creates functions of */
    BUF(int32_t) labels;
    BUF(Handler) handlers;
    int cur_handler;
    BUF(FBlock) fblocks;
    int line, col;
} CG;

static int new_label(CG *g)
{
    BUF_PUSH(g->labels, -1);
    return (int)g->labels.n - 1;
}

static void place(CG *g, int label) { g->labels.v[label] = (int32_t)g->ops.n; }

static void emit(CG *g, int op, int arg)
{
    if (arg > MAX_ARG || arg < 0) {
        cerror(g->C, g->line, g->col, "program too large for the simulator (operand %d)", arg);
        arg = 0;
    }
    BUF_PUSH(g->ops, INSTR(op, arg));
    BUF_PUSH(g->lines, g->line);
    BUF_PUSH(g->cols, (uint16_t)(g->col > 65535 ? 65535 : g->col));
    BUF_PUSH(g->hand, g->cur_handler);
}

/* Jumps carry a label id until the end, when they are patched. */
static void emit_jump(CG *g, int op, int label) { emit(g, op, label); }

/* Two constants are the same one: equal strings, the same float bits (so
 * 0.0 and -0.0 stay two), the same scalar, the same object. */
static bool const_same(Value c, Value v)
{
    if (c.tag != v.tag) return false;
    if (v.tag == V_OBJ) return c.u.o == v.u.o || (is_str(v) && is_str(c) && str_eq(AS_STR(c), AS_STR(v)));
    if (v.tag == V_FLOAT) return memcmp(&c.u.f, &v.u.f, sizeof(double)) == 0;
    return c.u.i == v.u.i;
}

static uint64_t const_hash(Value v)
{
    uint64_t h = (uint64_t)v.tag * 0x9E3779B97F4A7C15u;
    if (v.tag == V_OBJ && is_str(v)) h ^= (uint64_t)str_hash(AS_STR(v));
    else if (v.tag == V_OBJ) h ^= (uint64_t)(uintptr_t)v.u.o >> 4;
    else h ^= (uint64_t)v.u.i;
    h ^= h >> 31;
    h *= 0xBF58476D1CE4E5B9u;
    return h ^ (h >> 29);
}

/* Look up (or, with add, insert) in an index table of n slots over items
 * 0..count-1: the slot holding the item same() as the key, or an empty
 * one.  The table grows to twice the items. */
static uint32_t *ix_slot(uint32_t *tab, size_t cap, uint64_t h, bool (*same)(CG *, uint32_t, const void *),
                         CG *g, const void *key)
{
    for (size_t i = (size_t)h & (cap - 1);; i = (i + 1) & (cap - 1))
        if (!tab[i] || same(g, tab[i] - 1, key)) return &tab[i];
}

static bool const_at_same(CG *g, uint32_t i, const void *key) { return const_same(g->consts.v[i], *(const Value *)key); }
static bool name_at_same(CG *g, uint32_t i, const void *key) { return g->names.v[i] == key; }

static void ix_grow(uint32_t **tab, size_t *cap, size_t count, uint64_t (*hash_of)(CG *, uint32_t), CG *g)
{
    if ((count + 1) * 2 < *cap) return; /* room for one more */
    size_t nc = *cap ? *cap * 2 : 64;
    uint32_t *nt = xcalloc(nc, sizeof *nt);
    for (uint32_t i = 0; i < count; i++) {
        size_t j = (size_t)hash_of(g, i) & (nc - 1);
        while (nt[j]) j = (j + 1) & (nc - 1);
        nt[j] = i + 1;
    }
    free(*tab);
    *tab = nt;
    *cap = nc;
}

static uint64_t const_hash_at(CG *g, uint32_t i) { return const_hash(g->consts.v[i]); }
static uint64_t name_hash_at(CG *g, uint32_t i) { return (uint64_t)(uintptr_t)g->names.v[i] * 0x9E3779B97F4A7C15u >> 7; }

static int add_const(CG *g, Value v)
{
    ix_grow(&g->const_ix, &g->const_cap, g->consts.n, const_hash_at, g);
    uint32_t *slot = ix_slot(g->const_ix, g->const_cap, const_hash(v), const_at_same, g, &v);
    if (*slot) return (int)*slot - 1;
    BUF_PUSH(g->consts, v);
    *slot = (uint32_t)g->consts.n;
    return (int)g->consts.n - 1;
}

static int add_name(CG *g, const char *name)
{
    Str *s = str_intern(g->S, name, strlen(name));
    ix_grow(&g->name_ix, &g->name_cap, g->names.n, name_hash_at, g);
    uint32_t *slot = ix_slot(g->name_ix, g->name_cap, (uint64_t)(uintptr_t)s * 0x9E3779B97F4A7C15u >> 7, name_at_same,
                             g, s);
    if (*slot) return (int)*slot - 1;
    BUF_PUSH(g->names, s);
    *slot = (uint32_t)g->names.n;
    return (int)g->names.n - 1;
}

static int push_handler(CG *g, int label, int depth)
{
    Handler h = {label, depth, g->cur_handler};
    BUF_PUSH(g->handlers, h);
    g->cur_handler = (int)g->handlers.n - 1;
    return g->cur_handler;
}

static void pop_handler(CG *g) { g->cur_handler = g->handlers.v[g->cur_handler].parent; }

/* Operand-stack depth at statement level: what the enclosing blocks keep. */
static int stmt_depth(CG *g)
{
    int d = 0;
    for (size_t i = 0; i < g->fblocks.n; i++) {
        switch (g->fblocks.v[i].kind) {
        case FB_FOR: case FB_WITH: case FB_HANDLER: case FB_ASYNC_FOR: d += 1; break;
        case FB_FINALLY_END: d += 2; break;
        default: break;
        }
    }
    return d;
}

static void set_pos(CG *g, Node *n)
{
    g->line = n->line;
    g->col = n->col;
}

static bool expr(CG *g, Node *n);
static bool stmts(CG *g, NodeList *l);
static bool store(CG *g, Node *t);
static Code *compile_scope(Compiler *C, Scope *s, NodeList *body, Node *expr_body, Node *owner);

/* ---- names ---- */

static Sym *lookup(CG *g, const char *name)
{
    Sym *y = sym_find(g->sc, name);
    return y;
}

static int slot_of(CG *g, const char *name, int res)
{
    Scope *s = g->sc;
    if (res == R_LOCAL) return index_of(s->varnames.v, s->varnames.n, name);
    if (res == R_CELL) return (int)s->varnames.n + index_of(s->cellvars.v, s->cellvars.n, name);
    return (int)s->varnames.n + (int)s->cellvars.n + index_of(s->freevars.v, s->freevars.n, name);
}

/* Builtins that would touch the host: named at load time. */
static const struct { const char *name; const char *why; } host_builtins[] = {
    {"open", "a scenario cannot touch the host's files"},
    {"input", "a scenario cannot read the terminal"},
    {"eval", "code cannot be compiled at run time"},
    {"exec", "code cannot be compiled at run time"},
    {"compile", "code cannot be compiled at run time"},
    {"__import__", "use an import statement"},
    {"breakpoint", "use the REPL's break command"},
    {"globals", "namespaces cannot be inspected"},
    {"locals", "namespaces cannot be inspected"},
    {"memoryview", "bytes are not part of the simulated subset"},
    {"bytes", "bytes are not part of the simulated subset"},
    {"bytearray", "bytes are not part of the simulated subset"},
    {"complex", "complex numbers are not part of the simulated subset"},
};

static bool check_host_name(CG *g, Node *n)
{
    Scope *m = g->C->module_scope;
    Sym *y = sym_find(m, n->name);
    if (y && (y->flags & F_ASSIGN)) return true;
    for (size_t i = 0; i < ARRAY_LEN(host_builtins); i++)
        if (strcmp(host_builtins[i].name, n->name) == 0)
            return cerror(g->C, n->line, n->col, "'%s' is not supported by the simulator (%s)", n->name, host_builtins[i].why);
    return true;
}

/* dir() with no argument lists the caller's namespace, which the simulator
 * does not expose (like globals() and locals()); dir(x) is fine. */
static bool check_dir_call(CG *g, Node *call)
{
    Node *f = call->a;
    if (f->kind != E_NAME || strcmp(f->name, "dir") != 0 || call->list.n || call->list2.n) return true;
    Sym *y = lookup(g, f->name);
    if (y && (y->res == R_LOCAL || y->res == R_CELL || y->res == R_FREE)) return true;
    Sym *m = sym_find(g->C->module_scope, f->name);
    if (m && (m->flags & F_ASSIGN)) return true;
    return cerror(g->C, f->line, f->col,
                  "dir() without an argument is not supported by the simulator (namespaces cannot be inspected); pass the object to list");
}

static bool load_name(CG *g, Node *n)
{
    Sym *y = lookup(g, n->name);
    int res = y ? y->res : (g->sc->kind == SC_CLASS ? R_NAME : R_GLOBAL_IMPLICIT);
    switch (res) {
    case R_LOCAL: emit(g, OP_LOAD_FAST, slot_of(g, n->name, res)); return true;
    case R_CELL: case R_FREE:
        if (g->sc->kind == SC_CLASS) emit(g, OP_LOAD_CLASSDEREF, slot_of(g, n->name, res));
        else emit(g, OP_LOAD_DEREF, slot_of(g, n->name, res));
        return true;
    case R_NAME:
        if (!check_host_name(g, n)) return false;
        emit(g, OP_LOAD_NAME, add_name(g, n->name));
        return true;
    default:
        if (!check_host_name(g, n)) return false;
        emit(g, OP_LOAD_GLOBAL, add_name(g, n->name));
        return true;
    }
}

static void store_name(CG *g, const char *name)
{
    Sym *y = lookup(g, name);
    int res = y ? y->res : R_GLOBAL_IMPLICIT;
    switch (res) {
    case R_LOCAL: emit(g, OP_STORE_FAST, slot_of(g, name, res)); break;
    case R_CELL: case R_FREE: emit(g, OP_STORE_DEREF, slot_of(g, name, res)); break;
    case R_NAME: emit(g, OP_STORE_NAME, add_name(g, name)); break;
    default: emit(g, OP_STORE_GLOBAL, add_name(g, name)); break;
    }
}

static void delete_name(CG *g, const char *name)
{
    Sym *y = lookup(g, name);
    int res = y ? y->res : R_GLOBAL_IMPLICIT;
    switch (res) {
    case R_LOCAL: emit(g, OP_DELETE_FAST, slot_of(g, name, res)); break;
    case R_CELL: case R_FREE: emit(g, OP_DELETE_DEREF, slot_of(g, name, res)); break;
    case R_NAME: emit(g, OP_DELETE_NAME, add_name(g, name)); break;
    default: emit(g, OP_DELETE_GLOBAL, add_name(g, name)); break;
    }
}

/* ---- expressions ---- */

static int binop_of(int tok)
{
    switch (tok) {
    case OP_PLUS: case OP_PLUSEQUAL: return BIN_ADD;
    case OP_MINUS: case OP_MINEQUAL: return BIN_SUB;
    case OP_STAR: case OP_STAREQUAL: return BIN_MUL;
    case OP_SLASH: case OP_SLASHEQUAL: return BIN_TRUEDIV;
    case OP_DOUBLESLASH: case OP_DOUBLESLASHEQUAL: return BIN_FLOORDIV;
    case OP_PERCENT: case OP_PERCENTEQUAL: return BIN_MOD;
    case OP_DOUBLESTAR: case OP_DOUBLESTAREQUAL: return BIN_POW;
    case OP_LSHIFT: case OP_LSHIFTEQUAL: return BIN_LSHIFT;
    case OP_RSHIFT: case OP_RSHIFTEQUAL: return BIN_RSHIFT;
    case OP_AMPER: case OP_AMPEREQUAL: return BIN_AND;
    case OP_VBAR: case OP_VBAREQUAL: return BIN_OR;
    case OP_CIRCUMFLEX: case OP_CIRCUMFLEXEQUAL: return BIN_XOR;
    default: return -1;
    }
}

static bool emit_compare(CG *g, int op)
{
    switch (op) {
    case OP_LESS: emit(g, OP_COMPARE_OP, CMP_LT); break;
    case OP_LESSEQUAL: emit(g, OP_COMPARE_OP, CMP_LE); break;
    case OP_EQEQUAL: emit(g, OP_COMPARE_OP, CMP_EQ); break;
    case OP_NOTEQUAL: emit(g, OP_COMPARE_OP, CMP_NE); break;
    case OP_GREATER: emit(g, OP_COMPARE_OP, CMP_GT); break;
    case OP_GREATEREQUAL: emit(g, OP_COMPARE_OP, CMP_GE); break;
    case KW_IN: emit(g, OP_CONTAINS_OP, 0); break;
    case -KW_IN: emit(g, OP_CONTAINS_OP, 1); break;
    case KW_IS: emit(g, OP_IS_OP, 0); break;
    case -KW_IS: emit(g, OP_IS_OP, 1); break;
    default: return false;
    }
    return true;
}

static bool has_starred(NodeList *l)
{
    for (size_t i = 0; i < l->n; i++)
        if (l->v[i]->kind == E_STARRED) return true;
    return false;
}

/* Build a list from elements that may contain *x; leaves a list on the stack. */
static bool build_list_starred(CG *g, NodeList *l)
{
    emit(g, OP_BUILD_LIST, 0);
    size_t i = 0;
    while (i < l->n) {
        Node *e = l->v[i];
        if (e->kind == E_STARRED) {
            if (!expr(g, e->a)) return false;
            emit(g, OP_LIST_EXTEND, 1);
            i++;
            continue;
        }
        size_t k = 0;
        while (i < l->n && l->v[i]->kind != E_STARRED) {
            if (!expr(g, l->v[i])) return false;
            i++, k++;
        }
        emit(g, OP_BUILD_LIST, (int)k);
        emit(g, OP_LIST_EXTEND, 1);
    }
    return true;
}

static bool const_value(CG *g, Node *n, Value *out)
{
    Sim *S = g->S;
    switch (n->op) {
    case C_NONE: *out = v_none(); return true;
    case C_TRUE: *out = v_bool(true); return true;
    case C_FALSE: *out = v_bool(false); return true;
    case C_INT:
        *out = n->sval ? bigint_from_digits(S, n->sval, (size_t)n->slen, (int)n->ival) : v_int(n->ival);
        return true;
    case C_FLOAT: *out = v_float(n->fval); return true;
    case C_STR: *out = v_obj(str_intern(S, n->sval, (size_t)n->slen)); return true;
    case C_ELLIPSIS: *out = S->ellipsis; return true;
    case C_BYTES:
        /* bytes is a library type: the library makes the object */
        if (!S->make_bytes) return false;
        *out = S->make_bytes(S, n->sval, n->slen);
        return true;
    }
    return false;
}

static Value const_tuple_of_names(CG *g, Node **kws, size_t n)
{
    Tuple *t = tuple_new(g->S, (int64_t)n);
    for (size_t i = 0; i < n; i++) t->v[i] = v_obj(str_intern(g->S, kws[i]->name, strlen(kws[i]->name)));
    return v_obj(t);
}

/* call: callable and self slot are already on the stack */
static bool call_args(CG *g, Node *call, int extra_pos)
{
    bool starred = has_starred(&call->list);
    bool dstar = false;
    for (size_t i = 0; i < call->list2.n; i++)
        if (!call->list2.v[i]->name) dstar = true;
    if (!starred && !dstar) {
        for (size_t i = 0; i < call->list.n; i++)
            if (!expr(g, call->list.v[i])) return false;
        for (size_t i = 0; i < call->list2.n; i++)
            if (!expr(g, call->list2.v[i]->a)) return false;
        int argc = (int)(call->list.n + call->list2.n) + extra_pos;
        if (argc > 255) return cerror(g->C, call->line, call->col, "too many arguments in one call (the simulator allows 255)");
        int kw = call->list2.n ? add_const(g, const_tuple_of_names(g, call->list2.v, call->list2.n)) + 1 : 0;
        set_pos(g, call);
        emit(g, OP_CALL, argc | kw << 8);
        return true;
    }
    if (extra_pos) return cerror(g->C, call->line, call->col, "internal: starred call with extra args");
    if (!build_list_starred(g, &call->list)) return false;
    emit(g, OP_LIST_TO_TUPLE, 0);
    int flags = 0;
    if (call->list2.n) {
        flags = 1;
        emit(g, OP_BUILD_MAP, 0);
        for (size_t i = 0; i < call->list2.n; i++) {
            Node *k = call->list2.v[i];
            if (k->name) {
                emit(g, OP_LOAD_CONST, add_const(g, v_obj(str_intern(g->S, k->name, strlen(k->name)))));
                if (!expr(g, k->a)) return false;
                emit(g, OP_BUILD_MAP, 1);
                emit(g, OP_DICT_MERGE, 1);
            } else {
                if (!expr(g, k->a)) return false;
                emit(g, OP_DICT_MERGE, 1);
            }
        }
    }
    set_pos(g, call);
    emit(g, OP_CALL_FUNCTION_EX, flags);
    return true;
}

static bool make_closure(CG *g, Scope *child, Code *code, int flags)
{
    if (child->freevars.n) {
        for (size_t i = 0; i < child->freevars.n; i++) {
            const char *nm = child->freevars.v[i];
            if (g->sc->kind == SC_CLASS && strcmp(nm, "__class__") == 0) {
                emit(g, OP_LOAD_CLOSURE, (int)index_of(g->sc->cellvars.v, g->sc->cellvars.n, nm));
                continue;
            }
            Sym *y = lookup(g, nm);
            int res = y ? y->res : R_FREE;
            if (res != R_CELL && res != R_FREE) res = R_FREE;
            int slot;
            if (g->sc->kind == SC_CLASS) {
                /* class scopes have no fast locals: cells then frees */
                int ci = index_of(g->sc->cellvars.v, g->sc->cellvars.n, nm);
                slot = ci >= 0 ? ci : (int)g->sc->cellvars.n + index_of(g->sc->freevars.v, g->sc->freevars.n, nm);
            } else {
                slot = slot_of(g, nm, res);
            }
            emit(g, OP_LOAD_CLOSURE, slot);
        }
        emit(g, OP_BUILD_TUPLE, (int)child->freevars.n);
        flags |= 8;
    }
    BUF_PUSH(g->children, code);
    emit(g, OP_MAKE_FUNCTION, flags | (int)((g->children.n - 1) << 4));
    return true;
}

/* defaults and kwdefaults for a def or lambda; returns MAKE_FUNCTION flags */
static int function_defaults(CG *g, Params *p)
{
    int flags = 0;
    if (p->defaults.n) {
        for (size_t i = 0; i < p->defaults.n; i++) expr(g, p->defaults.v[i]);
        emit(g, OP_BUILD_TUPLE, (int)p->defaults.n);
        flags |= 1;
    }
    size_t nkw = 0;
    for (size_t i = 0; i < p->kw_defaults.n; i++)
        if (p->kw_defaults.v[i]) {
            emit(g, OP_LOAD_CONST, add_const(g, v_obj(str_intern(g->S, p->kwonly.v[i]->name, strlen(p->kwonly.v[i]->name)))));
            expr(g, p->kw_defaults.v[i]);
            nkw++;
        }
    if (nkw) {
        emit(g, OP_BUILD_MAP, (int)nkw);
        flags |= 2;
    }
    return flags;
}

static bool comprehension(CG *g, Node *n)
{
    Scope *cs = n->scope;
    Code *code = compile_scope(g->C, cs, NULL, n, n);
    if (!code) return false;
    set_pos(g, n);
    make_closure(g, cs, code, 0);
    emit(g, OP_PUSH_UNDEF, 0);
    if (!expr(g, n->list.v[0]->b)) return false;
    emit(g, n->list.v[0]->flags ? OP_GET_AITER : OP_GET_ITER, 0);
    set_pos(g, n);
    emit(g, OP_CALL, 1);
    return true;
}

/* Compile a condition and jump to label when it is `when`. */
static bool jump_if(CG *g, Node *n, bool when, int label)
{
    if (n->kind == E_UNARY && n->op == KW_NOT) return jump_if(g, n->a, !when, label);
    if (n->kind == E_BOOLOP) {
        bool is_and = n->op == KW_AND;
        if (is_and == !when) {
            /* and-jump-if-false / or-jump-if-true: any operand decides */
            for (size_t i = 0; i < n->list.n; i++)
                if (!jump_if(g, n->list.v[i], when, label)) return false;
            return true;
        }
        int skip = new_label(g);
        for (size_t i = 0; i + 1 < n->list.n; i++)
            if (!jump_if(g, n->list.v[i], !when, skip)) return false;
        if (!jump_if(g, n->list.v[n->list.n - 1], when, label)) return false;
        place(g, skip);
        return true;
    }
    if (!expr(g, n)) return false;
    emit_jump(g, when ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, label);
    return true;
}

static bool fstring(CG *g, Node *n)
{
    int parts = 0;
    for (size_t i = 0; i < n->list.n; i++) {
        Node *p = n->list.v[i];
        if (p->kind == E_CONST) {
            Value v;
            const_value(g, p, &v);
            emit(g, OP_LOAD_CONST, add_const(g, v));
        } else {
            if (!expr(g, p->a)) return false;
            int arg = p->flags;
            if (p->b) {
                if (!fstring(g, p->b)) return false;
                arg |= 0x100;
            }
            set_pos(g, p);
            emit(g, OP_FORMAT_VALUE, arg);
        }
        parts++;
    }
    if (parts == 0) emit(g, OP_LOAD_CONST, add_const(g, v_obj(str_intern(g->S, "", 0))));
    else if (parts > 1) emit(g, OP_BUILD_STRING, parts);
    else if (n->list.v[0]->kind == E_CONST) {
        /* a lone literal part is already a str */
    } else if (!(n->list.v[0]->kind == E_FORMATTED)) {
        emit(g, OP_BUILD_STRING, 1);
    }
    return true;
}

static bool is_negative_number(const Node *n)
{
    return n->kind == E_UNARY && n->op == OP_MINUS && n->a->kind == E_CONST &&
           (n->a->op == C_INT || n->a->op == C_FLOAT);
}

/* Constants as CPython's constant cache keys them: 1, 1.0 and True are
 * different keys; -0.0 differs from 0.0. */
static bool const_key_eq(const Node *a, const Node *b)
{
    bool na = is_negative_number(a), nb = is_negative_number(b);
    const Node *x = na ? a->a : a, *y = nb ? b->a : b;
    if (x->op != y->op) return false;
    switch (x->op) {
    case C_INT:
        if (x->sval || y->sval)
            return na == nb && x->sval && y->sval && x->ival == y->ival && x->slen == y->slen &&
                   memcmp(x->sval, y->sval, (size_t)x->slen) == 0;
        return (na ? -x->ival : x->ival) == (nb ? -y->ival : y->ival);
    case C_FLOAT: {
        double u = na ? -x->fval : x->fval, v = nb ? -y->fval : y->fval;
        return u == v && signbit(u) == signbit(v);
    }
    case C_STR: case C_BYTES: return x->slen == y->slen && memcmp(x->sval, y->sval, (size_t)x->slen) == 0;
    default: return true; /* None, True, False, Ellipsis */
    }
}

/* Python's == between two constants (1 == 1.0 == True, 0.0 == -0.0). */
static bool const_py_eq(const Node *a, const Node *b)
{
    bool na = is_negative_number(a), nb = is_negative_number(b);
    const Node *x = na ? a->a : a, *y = nb ? b->a : b;
    bool xnum = x->op == C_INT || x->op == C_FLOAT || x->op == C_TRUE || x->op == C_FALSE;
    bool ynum = y->op == C_INT || y->op == C_FLOAT || y->op == C_TRUE || y->op == C_FALSE;
    if (xnum && ynum) {
        if (x->op == C_INT && y->op == C_INT) return const_key_eq(a, b);
        if (x->sval || y->sval) return false; /* a big int literal and a float: never both written */
        double u = x->op == C_INT ? (double)x->ival : x->op == C_FLOAT ? x->fval : x->op == C_TRUE;
        double v = y->op == C_INT ? (double)y->ival : y->op == C_FLOAT ? y->fval : y->op == C_TRUE;
        return (na ? -u : u) == (nb ? -v : v);
    }
    return const_key_eq(a, b);
}

/* Is n, by key, among the items of l that a set keeps (the first of each
 * group of equal items)? */
static bool const_in(const Node *n, const NodeList *l)
{
    for (size_t i = 0; i < l->n; i++) {
        bool kept = true;
        for (size_t j = 0; j < i && kept; j++) kept = !const_py_eq(l->v[j], l->v[i]);
        if (kept && const_key_eq(n, l->v[i])) return true;
    }
    return false;
}

static bool const_kept(const Node *n, const NodeList *l, size_t i)
{
    for (size_t j = 0; j < i; j++)
        if (const_py_eq(l->v[j], n)) return false;
    return true;
}

/* The items of the first constant set display of the module that holds
 * the same constants as l (CPython shares one frozenset between them). */
static NodeList *const_set_items(Compiler *C, NodeList *l)
{
    /* the comparison is cubic: big displays are not shared (they would
     * only print differently when two of them hold the same constants) */
    if (l->n > 64) return l;
    for (size_t k = 0; k < C->const_sets.n; k++) {
        NodeList *o = C->const_sets.v[k];
        bool same = true;
        for (size_t i = 0; i < l->n && same; i++) same = !const_kept(l->v[i], l, i) || const_in(l->v[i], o);
        for (size_t i = 0; i < o->n && same; i++) same = !const_kept(o->v[i], o, i) || const_in(o->v[i], l);
        if (same) return o;
    }
    BUF_PUSH(C->const_sets, l);
    return l;
}

static bool all_const(const NodeList *l)
{
    for (size_t i = 0; i < l->n; i++)
        if (l->v[i]->kind != E_CONST && !is_negative_number(l->v[i])) return false;
    return true;
}

static bool expr(CG *g, Node *n)
{
    if (g->C->failed) return false;
    int sl = g->line, sc = g->col;
    set_pos(g, n);
    bool ok = true;
    switch (n->kind) {
    case E_NAME: ok = load_name(g, n); break;
    case E_CONST: {
        Value v;
        const_value(g, n, &v);
        emit(g, OP_LOAD_CONST, add_const(g, v));
        break;
    }
    case E_FSTRING: ok = fstring(g, n); break;
    case E_TUPLE:
        if (has_starred(&n->list)) {
            ok = build_list_starred(g, &n->list);
            emit(g, OP_LIST_TO_TUPLE, 0);
        } else {
            for (size_t i = 0; i < n->list.n && ok; i++) ok = expr(g, n->list.v[i]);
            emit(g, OP_BUILD_TUPLE, (int)n->list.n);
        }
        break;
    case E_LIST:
        if (has_starred(&n->list)) ok = build_list_starred(g, &n->list);
        else {
            for (size_t i = 0; i < n->list.n && ok; i++) ok = expr(g, n->list.v[i]);
            emit(g, OP_BUILD_LIST, (int)n->list.n);
        }
        break;
    case E_SET:
        if (has_starred(&n->list)) {
            emit(g, OP_BUILD_SET, 0);
            for (size_t i = 0; i < n->list.n && ok; i++) {
                Node *e = n->list.v[i];
                if (e->kind == E_STARRED) {
                    ok = expr(g, e->a);
                    emit(g, OP_SET_UPDATE, 1);
                } else {
                    ok = expr(g, e);
                    emit(g, OP_SET_ADD, 1);
                }
            }
        } else if (n->list.n >= 3 && all_const(&n->list)) {
            /* CPython folds this display into a frozenset constant f1,
             * its constant merging replaces f1 by f2 = frozenset(list(f1))
             * (shared by every equal display of the module), and the new
             * set is merged from f2.  With colliding hashes each step can
             * change the order, so take the same steps. */
            NodeList *items = const_set_items(g->C, &n->list);
            emit(g, OP_BUILD_SET, 0);
            emit(g, OP_BUILD_SET, 0);
            emit(g, OP_BUILD_LIST, 0);
            for (size_t i = 0; i < items->n && ok; i++) ok = expr(g, items->v[i]);
            emit(g, OP_BUILD_SET, (int)items->n);
            emit(g, OP_LIST_EXTEND, 1);
            emit(g, OP_SET_UPDATE, 1);
            emit(g, OP_SET_UPDATE, 1);
        } else {
            for (size_t i = 0; i < n->list.n && ok; i++) ok = expr(g, n->list.v[i]);
            emit(g, OP_BUILD_SET, (int)n->list.n);
        }
        break;
    case E_DICT: {
        bool dstar = false;
        for (size_t i = 0; i < n->list.n; i++)
            if (!n->list.v[i]) dstar = true;
        if (!dstar) {
            for (size_t i = 0; i < n->list.n && ok; i++) ok = expr(g, n->list.v[i]) && expr(g, n->list2.v[i]);
            emit(g, OP_BUILD_MAP, (int)n->list.n);
        } else {
            emit(g, OP_BUILD_MAP, 0);
            for (size_t i = 0; i < n->list.n && ok; i++) {
                if (!n->list.v[i]) {
                    ok = expr(g, n->list2.v[i]);
                    emit(g, OP_DICT_UPDATE, 1);
                } else {
                    ok = expr(g, n->list.v[i]) && expr(g, n->list2.v[i]);
                    emit(g, OP_MAP_ADD, 1);
                }
            }
        }
        break;
    }
    case E_BINOP: {
        if (n->op == OP_AT) return cerror(g->C, n->line, n->col, "the '@' operator is not supported by the simulator");
        ok = expr(g, n->a) && expr(g, n->b);
        set_pos(g, n);
        emit(g, OP_BINARY_OP, binop_of(n->op));
        break;
    }
    case E_UNARY:
        if (is_negative_number(n)) {
            /* folded, as CPython does: -1 is one constant */
            Value v;
            const_value(g, n->a, &v);
            v = v.tag == V_INT ? v_int(-v.u.i) : v.tag == V_FLOAT ? v_float(-v.u.f) : bigint_negated(g->S, v);
            emit(g, OP_LOAD_CONST, add_const(g, v));
            break;
        }
        ok = expr(g, n->a);
        set_pos(g, n);
        emit(g, n->op == OP_MINUS ? OP_UNARY_NEG : n->op == OP_PLUS ? OP_UNARY_POS
                : n->op == OP_TILDE ? OP_UNARY_INVERT : OP_UNARY_NOT, 0);
        break;
    case E_BOOLOP: {
        int end = new_label(g);
        for (size_t i = 0; i < n->list.n && ok; i++) {
            ok = expr(g, n->list.v[i]);
            if (i + 1 < n->list.n) emit_jump(g, n->op == KW_AND ? OP_JUMP_IF_FALSE_OR_POP : OP_JUMP_IF_TRUE_OR_POP, end);
        }
        place(g, end);
        break;
    }
    case E_COMPARE: {
        ok = expr(g, n->a);
        if (n->list.n == 1) {
            ok = ok && expr(g, n->list.v[0]);
            set_pos(g, n);
            emit_compare(g, n->ops[0]);
            break;
        }
        int cleanup = new_label(g), end = new_label(g);
        for (size_t i = 0; i < n->list.n && ok; i++) {
            ok = expr(g, n->list.v[i]);
            set_pos(g, n);
            if (i + 1 < n->list.n) {
                emit(g, OP_SWAP, 2);
                emit(g, OP_COPY, 2);
                emit_compare(g, n->ops[i]);
                emit_jump(g, OP_JUMP_IF_FALSE_OR_POP, cleanup);
            } else {
                emit_compare(g, n->ops[i]);
            }
        }
        emit_jump(g, OP_JUMP_FORWARD, end);
        place(g, cleanup);
        emit(g, OP_SWAP, 2);
        emit(g, OP_POP_TOP, 0);
        place(g, end);
        break;
    }
    case E_CALL: {
        Node *f = n->a;
        if (!check_dir_call(g, n)) return false;
        bool starred = has_starred(&n->list);
        for (size_t i = 0; i < n->list2.n; i++)
            if (!n->list2.v[i]->name) starred = true;
        if (f->kind == E_ATTR && !starred) {
            ok = expr(g, f->a);
            set_pos(g, f);
            g->col = f->end_col - (int)strlen(f->name);
            emit(g, OP_LOAD_METHOD, add_name(g, f->name));
        } else {
            ok = expr(g, f);
            emit(g, OP_PUSH_UNDEF, 0);
        }
        ok = ok && call_args(g, n, 0);
        break;
    }
    case E_ATTR:
        ok = expr(g, n->a);
        set_pos(g, n);
        emit(g, OP_LOAD_ATTR, add_name(g, n->name));
        break;
    case E_SUBSCRIPT:
        ok = expr(g, n->a) && expr(g, n->b);
        set_pos(g, n);
        emit(g, OP_BINARY_SUBSCR, 0);
        break;
    case E_SLICE: {
        Node *parts[3] = {n->a, n->b, n->c};
        int k = n->c ? 3 : 2;
        for (int i = 0; i < k && ok; i++) {
            if (parts[i]) ok = expr(g, parts[i]);
            else emit(g, OP_LOAD_CONST, add_const(g, v_none()));
        }
        emit(g, OP_BUILD_SLICE, k);
        break;
    }
    case E_STARRED:
        return cerror(g->C, n->line, n->col, "can't use starred expression here");
    case E_LAMBDA: {
        Scope *ls = n->scope;
        int flags = function_defaults(g, n->params);
        Code *code = compile_scope(g->C, ls, NULL, n->a, n);
        if (!code) return false;
        set_pos(g, n);
        make_closure(g, ls, code, flags);
        break;
    }
    case E_IFEXP: {
        int els = new_label(g), end = new_label(g);
        ok = jump_if(g, n->a, false, els) && expr(g, n->b);
        emit_jump(g, OP_JUMP_FORWARD, end);
        place(g, els);
        ok = ok && expr(g, n->c);
        place(g, end);
        break;
    }
    case E_LISTCOMP: case E_SETCOMP: case E_DICTCOMP: case E_GENEXP:
        ok = comprehension(g, n);
        break;
    case E_AWAIT:
        ok = expr(g, n->a);
        set_pos(g, n);
        emit(g, OP_GET_AWAITABLE, 0);
        emit(g, OP_AWAIT, 0);
        break;
    case E_YIELD:
        /* the value goes out; the one sent in (None by next()) comes back */
        if (n->a) ok = expr(g, n->a);
        else emit(g, OP_LOAD_CONST, add_const(g, v_none()));
        set_pos(g, n);
        emit(g, OP_YIELD_VALUE, 0);
        break;
    case E_YIELDFROM: {
        /* iter; send None, then each value the caller sends, until the
         * subiterator returns: its return value is the result */
        int loop = new_label(g), end = new_label(g);
        ok = expr(g, n->a);
        set_pos(g, n);
        emit(g, OP_GET_YIELD_FROM_ITER, 0);
        emit(g, OP_LOAD_CONST, add_const(g, v_none()));
        place(g, loop);
        emit_jump(g, OP_SEND, end);
        emit(g, OP_YIELD_VALUE, 0);
        emit_jump(g, OP_JUMP_BACKWARD, loop);
        place(g, end);
        break;
    }
    case E_NAMEDEXPR:
        ok = expr(g, n->b);
        emit(g, OP_COPY, 1);
        store_name(g, n->a->name);
        break;
    default:
        return cerror(g->C, n->line, n->col, "this expression is not supported by the simulator (%s)", parse_node_kind_name[n->kind]);
    }
    g->line = sl;
    g->col = sc;
    return ok && !g->C->failed;
}

/* ---- assignment targets ---- */

static bool store(CG *g, Node *t)
{
    set_pos(g, t);
    switch (t->kind) {
    case E_NAME: store_name(g, t->name); return true;
    case E_ATTR:
        if (!expr(g, t->a)) return false;
        set_pos(g, t);
        emit(g, OP_STORE_ATTR, add_name(g, t->name));
        return true;
    case E_SUBSCRIPT:
        if (!expr(g, t->a) || !expr(g, t->b)) return false;
        set_pos(g, t);
        emit(g, OP_STORE_SUBSCR, 0);
        return true;
    case E_TUPLE: case E_LIST: {
        int star = -1;
        for (size_t i = 0; i < t->list.n; i++)
            if (t->list.v[i]->kind == E_STARRED) star = (int)i;
        if (star < 0) emit(g, OP_UNPACK_SEQUENCE, (int)t->list.n);
        else emit(g, OP_UNPACK_EX, star | (int)((t->list.n - (size_t)star - 1) << 8));
        for (size_t i = 0; i < t->list.n; i++) {
            Node *x = t->list.v[i];
            if (!store(g, x->kind == E_STARRED ? x->a : x)) return false;
        }
        return true;
    }
    default:
        return cerror(g->C, t->line, t->col, "cannot assign to this expression");
    }
}

/* ---- statements ---- */

static void push_fblock(CG *g, FBlock fb)
{
    fb.outer_handler = g->cur_handler;
    BUF_PUSH(g->fblocks, fb);
}

/* Emit the code that leaves fblock fb early (return/break/continue).
 * preserve_top: a return value sits on top of the stack. */
static bool unwind_fblock(CG *g, FBlock *fb, bool preserve_top)
{
    int saved = g->cur_handler;
    g->cur_handler = fb->outer_handler;
    switch (fb->kind) {
    case FB_WHILE: break;
    case FB_FOR: case FB_ASYNC_FOR:
        if (preserve_top) emit(g, OP_SWAP, 2);
        /* leaving early drops a generator only the loop held: CPython's
         * refcount closes it there, running its finally blocks */
        if (fb->temp_iter) emit(g, OP_POP_ITER, 0);
        else emit(g, OP_POP_TOP, 0);
        break;
    case FB_TRY_FINALLY: {
        /* run the finally body inline, outside this try's protection */
        size_t n = g->fblocks.n;
        FBlock copy = *fb;
        /* the finally body runs with the fblocks outside this one */
        size_t idx = (size_t)(fb - g->fblocks.v);
        size_t saved_n = g->fblocks.n;
        g->fblocks.n = idx;
        bool ok = stmts(g, &copy.finally->list);
        g->fblocks.n = saved_n;
        (void)n;
        if (!ok) return false;
        break;
    }
    case FB_FINALLY_END:
        if (preserve_top) emit(g, OP_SWAP, 2);
        emit(g, OP_POP_TOP, 0);
        if (preserve_top) emit(g, OP_SWAP, 2);
        emit(g, OP_POP_EXCEPT, 0);
        break;
    case FB_WITH:
        if (preserve_top) emit(g, OP_SWAP, 2);
        emit(g, OP_PUSH_UNDEF, 0);
        emit(g, OP_LOAD_CONST, add_const(g, v_none()));
        emit(g, OP_LOAD_CONST, add_const(g, v_none()));
        emit(g, OP_LOAD_CONST, add_const(g, v_none()));
        emit(g, OP_CALL, 3);
        if (fb->async) {
            emit(g, OP_GET_AWAITABLE, 0);
            emit(g, OP_AWAIT, 0);
        }
        emit(g, OP_POP_TOP, 0);
        break;
    case FB_HANDLER:
        if (preserve_top) emit(g, OP_SWAP, 2);
        emit(g, OP_POP_EXCEPT, 0);
        if (fb->name) {
            emit(g, OP_LOAD_CONST, add_const(g, v_none()));
            store_name(g, fb->name);
            delete_name(g, fb->name);
        }
        break;
    }
    g->cur_handler = saved;
    return true;
}

static bool stmt_return(CG *g, Node *n)
{
    Scope *s = g->sc;
    if (s->genexp) return cerror(g->C, n->line, n->col, "'return' with value in generator");
    if (n->a) {
        if (!expr(g, n->a)) return false;
    } else {
        emit(g, OP_LOAD_CONST, add_const(g, v_none()));
    }
    set_pos(g, n);
    for (size_t i = g->fblocks.n; i-- > 0;)
        if (!unwind_fblock(g, &g->fblocks.v[i], true)) return false;
    emit(g, OP_RETURN_VALUE, 0);
    return true;
}

static bool stmt_break_continue(CG *g, Node *n, bool is_break)
{
    set_pos(g, n);
    for (size_t i = g->fblocks.n; i-- > 0;) {
        FBlock *fb = &g->fblocks.v[i];
        if (fb->kind == FB_WHILE || fb->kind == FB_FOR || fb->kind == FB_ASYNC_FOR) {
            if (is_break) {
                if (!unwind_fblock(g, fb, false)) return false;
                emit_jump(g, OP_JUMP_FORWARD, fb->brk);
            } else {
                emit_jump(g, OP_JUMP_BACKWARD, fb->cont);
            }
            return true;
        }
        if (!unwind_fblock(g, fb, false)) return false;
    }
    return cerror(g->C, n->line, n->col, is_break ? "'break' outside loop" : "'continue' not properly in loop");
}

static bool stmt_for(CG *g, Node *n)
{
    bool async = n->flags & FLAG_ASYNC;
    if (!expr(g, n->b)) return false;
    set_pos(g, n);
    emit(g, async ? OP_GET_AITER : OP_GET_ITER, 0);
    int loop = new_label(g), cleanup = new_label(g), end = new_label(g);
    place(g, loop);
    if (async) {
        /* __anext__ awaited; StopAsyncIteration ends the loop */
        int h = push_handler(g, cleanup, stmt_depth(g) + 1);
        (void)h;
        emit(g, OP_GET_ANEXT, 0);
        emit(g, OP_AWAIT, 0);
        pop_handler(g);
    } else {
        emit_jump(g, OP_FOR_ITER, cleanup);
    }
    if (!store(g, n->a)) return false;
    bool temp = n->b->kind != E_NAME && n->b->kind != E_ATTR && n->b->kind != E_SUBSCRIPT;
    push_fblock(g, (FBlock){.kind = async ? FB_ASYNC_FOR : FB_FOR, .brk = end, .cont = loop, .temp_iter = temp && !async});
    bool ok = stmts(g, &n->list);
    g->fblocks.n--;
    if (!ok) return false;
    set_pos(g, n);
    emit_jump(g, OP_JUMP_BACKWARD, loop);
    place(g, cleanup);
    if (async) emit(g, OP_END_ASYNC_FOR, 0);
    if (!stmts(g, &n->list2)) return false;
    place(g, end);
    return true;
}

static bool stmt_while(CG *g, Node *n)
{
    int loop = new_label(g), els = new_label(g), end = new_label(g);
    place(g, loop);
    if (!(n->a->kind == E_CONST && n->a->op == C_TRUE) && !jump_if(g, n->a, false, els)) return false;
    push_fblock(g, (FBlock){.kind = FB_WHILE, .brk = end, .cont = loop});
    bool ok = stmts(g, &n->list);
    g->fblocks.n--;
    if (!ok) return false;
    set_pos(g, n);
    emit_jump(g, OP_JUMP_BACKWARD, loop);
    place(g, els);
    if (!stmts(g, &n->list2)) return false;
    place(g, end);
    return true;
}

/* The handler entered when an exception escapes an except/finally body:
 * restore the previously handled exception and re-raise. */
static void emit_cleanup_handler(CG *g, int label)
{
    place(g, label);
    emit(g, OP_SWAP, 2);
    emit(g, OP_POP_EXCEPT, 0);
    emit(g, OP_RERAISE, 0);
}

static bool stmt_try_except(CG *g, Node *n)
{
    int depth = stmt_depth(g);
    int handler = new_label(g), end = new_label(g), cleanup = new_label(g);
    push_handler(g, handler, depth);
    push_fblock(g, (FBlock){.kind = FB_WHILE, .brk = -1});
    g->fblocks.n--; /* the try body itself needs no unwinding */
    bool ok = stmts(g, &n->list);
    pop_handler(g);
    if (!ok) return false;
    if (!stmts(g, &n->list3)) return false; /* else */
    emit_jump(g, OP_JUMP_FORWARD, end);
    place(g, handler);
    set_pos(g, n->list2.v[0]);
    push_handler(g, cleanup, depth + 1);
    emit(g, OP_PUSH_EXC_INFO, 0);
    for (size_t i = 0; i < n->list2.n; i++) {
        Node *h = n->list2.v[i];
        set_pos(g, h);
        int next = new_label(g);
        if (h->a) {
            if (!expr(g, h->a)) return false;
            emit(g, OP_CHECK_EXC_MATCH, 0);
            emit_jump(g, OP_POP_JUMP_IF_FALSE, next);
        }
        if (h->name) store_name(g, h->name);
        else emit(g, OP_POP_TOP, 0);
        push_fblock(g, (FBlock){.kind = FB_HANDLER, .name = h->name});
        ok = stmts(g, &h->list);
        g->fblocks.n--;
        if (!ok) return false;
        int saved = g->cur_handler;
        g->cur_handler = g->handlers.v[saved].parent;
        emit(g, OP_POP_EXCEPT, 0);
        if (h->name) {
            emit(g, OP_LOAD_CONST, add_const(g, v_none()));
            store_name(g, h->name);
            delete_name(g, h->name);
        }
        emit_jump(g, OP_JUMP_FORWARD, end);
        g->cur_handler = saved;
        place(g, next);
    }
    /* no clause matched: re-raise (through the cleanup handler) */
    emit(g, OP_RERAISE, 0);
    pop_handler(g);
    emit_cleanup_handler(g, cleanup);
    place(g, end);
    return true;
}

static bool stmt_try(CG *g, Node *n)
{
    if (!n->d) return stmt_try_except(g, n);
    /* try/finally around (try/except when there are handlers) */
    int depth = stmt_depth(g);
    int fin_exc = new_label(g), end = new_label(g), cleanup = new_label(g);
    push_handler(g, fin_exc, depth);
    push_fblock(g, (FBlock){.kind = FB_TRY_FINALLY, .finally = n->d});
    bool ok;
    if (n->list2.n) {
        Node inner = *n;
        inner.d = NULL;
        ok = stmt_try_except(g, &inner);
    } else {
        ok = stmts(g, &n->list);
    }
    g->fblocks.n--;
    pop_handler(g);
    if (!ok) return false;
    /* normal path */
    if (!stmts(g, &n->d->list)) return false;
    emit_jump(g, OP_JUMP_FORWARD, end);
    /* exceptional path */
    place(g, fin_exc);
    set_pos(g, n->d);
    push_handler(g, cleanup, depth + 1);
    emit(g, OP_PUSH_EXC_INFO, 0);
    push_fblock(g, (FBlock){.kind = FB_FINALLY_END});
    ok = stmts(g, &n->d->list);
    g->fblocks.n--;
    if (!ok) return false;
    emit(g, OP_RERAISE, 0);
    pop_handler(g);
    emit_cleanup_handler(g, cleanup);
    place(g, end);
    return true;
}

static bool with_items(CG *g, Node *n, size_t i)
{
    if (i == n->list.n) return stmts(g, &n->list2);
    bool async = n->flags & FLAG_ASYNC;
    Node *item = n->list.v[i];
    int depth = stmt_depth(g);
    if (!expr(g, item->a)) return false;
    set_pos(g, item);
    emit(g, OP_BEFORE_WITH, async ? 1 : 0);
    emit(g, OP_CALL, 0);
    if (async) {
        emit(g, OP_GET_AWAITABLE, 0);
        emit(g, OP_AWAIT, 0);
    }
    int handler = new_label(g), end = new_label(g), cleanup = new_label(g), suppress = new_label(g);
    push_handler(g, handler, depth + 1);
    if (item->b) {
        if (!store(g, item->b)) return false;
    } else {
        emit(g, OP_POP_TOP, 0);
    }
    push_fblock(g, (FBlock){.kind = FB_WITH, .async = async});
    bool ok = with_items(g, n, i + 1);
    g->fblocks.n--;
    pop_handler(g);
    if (!ok) return false;
    /* normal exit: exit(None, None, None) */
    set_pos(g, item);
    emit(g, OP_PUSH_UNDEF, 0);
    emit(g, OP_LOAD_CONST, add_const(g, v_none()));
    emit(g, OP_LOAD_CONST, add_const(g, v_none()));
    emit(g, OP_LOAD_CONST, add_const(g, v_none()));
    emit(g, OP_CALL, 3);
    if (async) {
        emit(g, OP_GET_AWAITABLE, 0);
        emit(g, OP_AWAIT, 0);
    }
    emit(g, OP_POP_TOP, 0);
    emit_jump(g, OP_JUMP_FORWARD, end);
    /* exceptional exit: stack holds exit, exc */
    place(g, handler);
    push_handler(g, cleanup, depth + 2);
    emit(g, OP_PUSH_EXC_INFO, 0);         /* exit, prev, exc */
    emit(g, OP_WITH_EXCEPT_START, 0);     /* ... exit, undef, type, exc, None */
    emit(g, OP_CALL, 3);
    if (async) {
        emit(g, OP_GET_AWAITABLE, 0);
        emit(g, OP_AWAIT, 0);
    }
    emit_jump(g, OP_POP_JUMP_IF_TRUE, suppress);
    emit(g, OP_RERAISE, 0);
    place(g, suppress);
    emit(g, OP_POP_TOP, 0);               /* exc */
    emit(g, OP_POP_EXCEPT, 0);            /* prev */
    emit(g, OP_POP_TOP, 0);               /* exit */
    pop_handler(g);
    emit_jump(g, OP_JUMP_FORWARD, end);
    /* an exception from __exit__ itself, or the re-raise */
    place(g, cleanup);
    emit(g, OP_SWAP, 2);
    emit(g, OP_POP_EXCEPT, 0);
    emit(g, OP_SWAP, 2);
    emit(g, OP_POP_TOP, 0);               /* drop exit */
    emit(g, OP_RERAISE, 0);
    place(g, end);
    return true;
}

static bool check_import(CG *g, Node *at, const char *mod)
{
    if (g->C->imports->exists(mod)) return true;
    /* a submodule the simulated package lacks (gevent.subprocess): the
     * package is there, only part of it is simulated */
    const char *dot = strrchr(mod, '.');
    char pkg[128];
    snprintf(pkg, sizeof pkg, "%.*s", dot ? (int)(dot - mod) : 0, mod);
    if (dot && g->C->imports->exists(pkg)) {
        const char *subs = g->C->imports->submodules(pkg);
        if (*subs)
            return cerror(g->C, at->line, at->col, "module '%s' is not supported by the simulator (the simulated %s has: %s)",
                          mod, pkg, subs);
        return cerror(g->C, at->line, at->col, "module '%s' is not supported by the simulator (%s has no submodules here)",
                      mod, pkg);
    }
    return cerror(g->C, at->line, at->col, "module '%s' is not available in the simulator (available: %s)", mod, g->C->imports->list());
}

static bool stmt_import(CG *g, Node *n)
{
    for (size_t i = 0; i < n->list.n; i++) {
        Node *a = n->list.v[i];
        set_pos(g, a);
        if (!check_import(g, n, a->name)) return false;
        if (a->sval || !strchr(a->name, '.')) {
            emit(g, OP_IMPORT_NAME, add_name(g, a->name));
            store_name(g, a->sval ? a->sval : a->name);
        } else {
            /* import a.b binds a, and imports a.b */
            size_t len = (size_t)(strchr(a->name, '.') - a->name);
            Str *top = str_intern(g->S, a->name, len);
            emit(g, OP_IMPORT_NAME, add_name(g, a->name));
            emit(g, OP_POP_TOP, 0);
            emit(g, OP_IMPORT_NAME, add_name(g, top->s));
            store_name(g, top->s);
        }
    }
    return true;
}

static bool stmt_importfrom(CG *g, Node *n)
{
    if (!check_import(g, n, n->name)) return false;
    set_pos(g, n);
    emit(g, OP_IMPORT_NAME, add_name(g, n->name));
    for (size_t i = 0; i < n->list.n; i++) {
        Node *a = n->list.v[i];
        if (!g->C->imports->has_attr(n->name, a->name)) {
            char sub[200];
            snprintf(sub, sizeof sub, "%s.%s", n->name, a->name);
            if (!g->C->imports->exists(sub))
                return cerror(g->C, a->line, a->col, "cannot import name '%s' from '%s' (not supported by the simulator)", a->name, n->name);
        }
        set_pos(g, a);
        emit(g, OP_IMPORT_FROM, add_name(g, a->name));
        store_name(g, a->sval ? a->sval : a->name);
    }
    emit(g, OP_POP_TOP, 0);
    return true;
}

static bool stmt_funcdef(CG *g, Node *n)
{
    for (size_t i = 0; i < n->list2.n; i++) {
        if (!expr(g, n->list2.v[i])) return false;
        emit(g, OP_PUSH_UNDEF, 0);
    }
    set_pos(g, n);
    int flags = function_defaults(g, n->params);
    Scope *fs = n->scope;
    Code *code = compile_scope(g->C, fs, &n->list, NULL, n);
    if (!code) return false;
    set_pos(g, n);
    make_closure(g, fs, code, flags);
    for (size_t i = 0; i < n->list2.n; i++) emit(g, OP_CALL, 1);
    store_name(g, n->name);
    return true;
}

static bool stmt_classdef(CG *g, Node *n)
{
    for (size_t i = 0; i < n->list3.n; i++) {
        if (!expr(g, n->list3.v[i])) return false;
        emit(g, OP_PUSH_UNDEF, 0);
    }
    set_pos(g, n);
    Scope *cs = n->scope;
    Code *code = compile_scope(g->C, cs, &n->list2, NULL, n);
    if (!code) return false;
    set_pos(g, n);
    make_closure(g, cs, code, 0);
    emit(g, OP_LOAD_CONST, add_const(g, v_obj(str_intern(g->S, n->name, strlen(n->name)))));
    for (size_t i = 0; i < n->list.n; i++)
        if (!expr(g, n->list.v[i])) return false;
    emit(g, OP_BUILD_TUPLE, (int)n->list.n);
    set_pos(g, n);
    emit(g, OP_BUILD_CLASS, 0);
    for (size_t i = 0; i < n->list3.n; i++) emit(g, OP_CALL, 1);
    store_name(g, n->name);
    return true;
}

static bool stmt(CG *g, Node *n)
{
    if (g->C->failed) return false;
    set_pos(g, n);
    switch (n->kind) {
    case S_EXPR:
        if (!expr(g, n->a)) return false;
        emit(g, OP_POP_TOP, 0);
        return true;
    case S_ASSIGN:
        if (!expr(g, n->a)) return false;
        for (size_t i = 0; i < n->list.n; i++) {
            if (i + 1 < n->list.n) emit(g, OP_COPY, 1);
            if (!store(g, n->list.v[i])) return false;
        }
        return true;
    case S_AUGASSIGN: {
        Node *t = n->a;
        int op = binop_of(n->op) + BIN_INPLACE;
        if (t->kind == E_NAME) {
            if (!expr(g, t) || !expr(g, n->b)) return false;
            set_pos(g, n);
            emit(g, OP_BINARY_OP, op);
            store_name(g, t->name);
        } else if (t->kind == E_ATTR) {
            if (!expr(g, t->a)) return false;
            emit(g, OP_COPY, 1);
            set_pos(g, t);
            emit(g, OP_LOAD_ATTR, add_name(g, t->name));
            if (!expr(g, n->b)) return false;
            set_pos(g, n);
            emit(g, OP_BINARY_OP, op);
            emit(g, OP_SWAP, 2);
            emit(g, OP_STORE_ATTR, add_name(g, t->name));
        } else {
            if (!expr(g, t->a) || !expr(g, t->b)) return false;
            emit(g, OP_COPY, 2);
            emit(g, OP_COPY, 2);
            set_pos(g, t);
            emit(g, OP_BINARY_SUBSCR, 0);
            if (!expr(g, n->b)) return false;
            set_pos(g, n);
            emit(g, OP_BINARY_OP, op);
            emit(g, OP_SWAP, 3);
            emit(g, OP_SWAP, 2);
            emit(g, OP_STORE_SUBSCR, 0);
        }
        return true;
    }
    case S_ANNASSIGN:
        if (!n->c) return true;
        if (!expr(g, n->c)) return false;
        return store(g, n->a);
    case S_DEL:
        for (size_t i = 0; i < n->list.n; i++) {
            Node *t = n->list.v[i];
            set_pos(g, t);
            if (t->kind == E_NAME) delete_name(g, t->name);
            else if (t->kind == E_ATTR) {
                if (!expr(g, t->a)) return false;
                emit(g, OP_DELETE_ATTR, add_name(g, t->name));
            } else if (t->kind == E_SUBSCRIPT) {
                if (!expr(g, t->a) || !expr(g, t->b)) return false;
                emit(g, OP_DELETE_SUBSCR, 0);
            } else if (t->kind == E_TUPLE || t->kind == E_LIST) {
                Node d = *n;
                d.list = t->list;
                if (!stmt(g, &d)) return false;
            }
        }
        return true;
    case S_PASS: return true;
    case S_BREAK: return stmt_break_continue(g, n, true);
    case S_CONTINUE: return stmt_break_continue(g, n, false);
    case S_RETURN: return stmt_return(g, n);
    case S_RAISE:
        if (n->a && !expr(g, n->a)) return false;
        if (n->b && !expr(g, n->b)) return false;
        set_pos(g, n);
        emit(g, OP_RAISE_VARARGS, n->b ? 2 : n->a ? 1 : 0);
        return true;
    case S_GLOBAL: case S_NONLOCAL: return true;
    case S_IMPORT: return stmt_import(g, n);
    case S_IMPORTFROM: return stmt_importfrom(g, n);
    case S_ASSERT: {
        int ok_label = new_label(g);
        if (!jump_if(g, n->a, true, ok_label)) return false;
        set_pos(g, n);
        emit(g, OP_LOAD_ASSERTION_ERROR, 0);
        if (n->b) {
            emit(g, OP_PUSH_UNDEF, 0);
            if (!expr(g, n->b)) return false;
            emit(g, OP_CALL, 1);
        }
        set_pos(g, n);
        emit(g, OP_RAISE_VARARGS, 1);
        place(g, ok_label);
        return true;
    }
    case S_IF: {
        int els = new_label(g), end = new_label(g);
        if (!jump_if(g, n->a, false, els)) return false;
        if (!stmts(g, &n->list)) return false;
        if (n->list2.n) emit_jump(g, OP_JUMP_FORWARD, end);
        place(g, els);
        if (!stmts(g, &n->list2)) return false;
        place(g, end);
        return true;
    }
    case S_WHILE: return stmt_while(g, n);
    case S_FOR: return stmt_for(g, n);
    case S_TRY: return stmt_try(g, n);
    case S_WITH: return with_items(g, n, 0);
    case S_FUNCDEF: return stmt_funcdef(g, n);
    case S_CLASSDEF: return stmt_classdef(g, n);
    default:
        return cerror(g->C, n->line, n->col, "this statement is not supported by the simulator");
    }
}

static bool stmts(CG *g, NodeList *l)
{
    for (size_t i = 0; i < l->n; i++)
        if (!stmt(g, l->v[i])) return false;
    return true;
}

/* ---- finishing a code object ---- */

static bool is_jump(int op)
{
    return op == OP_JUMP_FORWARD || op == OP_JUMP_BACKWARD || op == OP_POP_JUMP_IF_FALSE ||
           op == OP_POP_JUMP_IF_TRUE || op == OP_JUMP_IF_FALSE_OR_POP || op == OP_JUMP_IF_TRUE_OR_POP ||
           op == OP_FOR_ITER || op == OP_POP_JUMP_IF_NONE || op == OP_POP_JUMP_IF_NOT_NONE || op == OP_SEND;
}

/* Stack effect of an instruction; `taken` for the branch of a jump. */
static int stack_effect(int op, int arg, bool taken)
{
    switch (op) {
    case OP_NOP: case OP_SWAP: case OP_UNARY_NEG: case OP_UNARY_POS: case OP_UNARY_INVERT:
    case OP_UNARY_NOT: case OP_GET_ITER: case OP_LIST_TO_TUPLE:
    case OP_GET_AWAITABLE: case OP_AWAIT: case OP_GET_AITER: case OP_JUMP_FORWARD: case OP_JUMP_BACKWARD:
    case OP_DELETE_FAST: case OP_DELETE_DEREF: case OP_DELETE_GLOBAL: case OP_DELETE_NAME:
    case OP_LOAD_ATTR: case OP_FORMAT_VALUE: case OP_MAKE_CELL: case OP_GEN_START:
        if (op == OP_FORMAT_VALUE && (arg & 0x100)) return -1;
        return 0;
    case OP_POP_TOP: case OP_STORE_FAST: case OP_STORE_DEREF: case OP_STORE_GLOBAL:
    case OP_STORE_NAME: case OP_BINARY_OP: case OP_COMPARE_OP: case OP_IS_OP: case OP_CONTAINS_OP:
    case OP_BINARY_SUBSCR: case OP_LIST_APPEND: case OP_SET_ADD: case OP_LIST_EXTEND:
    case OP_SET_UPDATE: case OP_DICT_UPDATE: case OP_DICT_MERGE: case OP_POP_JUMP_IF_FALSE:
    case OP_POP_JUMP_IF_TRUE: case OP_POP_JUMP_IF_NONE: case OP_POP_JUMP_IF_NOT_NONE:
    case OP_DELETE_ATTR: case OP_RERAISE: case OP_POP_EXCEPT: case OP_POP_ITER:
        return -1;
    case OP_END_ASYNC_FOR: return -2;
    case OP_CHECK_EXC_MATCH: case OP_YIELD_VALUE: case OP_GET_YIELD_FROM_ITER: return 0;
    case OP_SEND: return taken ? -1 : 0;
    case OP_COPY: case OP_PUSH_UNDEF: case OP_LOAD_CONST: case OP_LOAD_FAST: case OP_LOAD_DEREF:
    case OP_LOAD_CLOSURE: case OP_LOAD_CLASSDEREF: case OP_LOAD_GLOBAL: case OP_LOAD_NAME:
    case OP_IMPORT_NAME: case OP_IMPORT_FROM: case OP_LOAD_ASSERTION_ERROR: case OP_PUSH_EXC_INFO:
    case OP_LOAD_METHOD: case OP_GET_ANEXT:
        return 1;
    case OP_STORE_ATTR: case OP_DELETE_SUBSCR: return -2;
    case OP_STORE_SUBSCR: return -3;
    case OP_MAP_ADD: return -2;
    case OP_BUILD_SLICE: return 1 - arg;
    case OP_BUILD_TUPLE: case OP_BUILD_LIST: case OP_BUILD_SET: case OP_BUILD_STRING: return 1 - arg;
    case OP_BUILD_MAP: return 1 - 2 * arg;
    case OP_UNPACK_SEQUENCE: return arg - 1;
    case OP_UNPACK_EX: return (arg & 0xFF) + (arg >> 8);
    case OP_FOR_ITER: return taken ? -1 : 1;
    case OP_JUMP_IF_FALSE_OR_POP: case OP_JUMP_IF_TRUE_OR_POP: return taken ? 0 : -1;
    case OP_CALL: return -1 - (arg & 0xFF);
    case OP_CALL_FUNCTION_EX: return -2 - (arg & 1);
    case OP_MAKE_FUNCTION: /* pops defaults/kwdefaults/closure, pushes the function */
        return 1 - ((arg & 1) != 0) - ((arg & 2) != 0) - ((arg & 8) != 0);
    case OP_RETURN_VALUE: return -1;
    case OP_BUILD_CLASS: return -2;
    case OP_RAISE_VARARGS: return -arg;
    case OP_BEFORE_WITH: return 2;
    case OP_WITH_EXCEPT_START: return 5;
    default: return 0;
    }
}

/* Flow analysis over the bytecode: the deepest operand stack any path can
 * reach.  Returns -1 if some path underflows (a compiler bug). */
static int compute_maxstack(Code *c, int32_t *depths)
{
    int n = c->nops;
    for (int i = 0; i < n; i++) depths[i] = -1;
    int *work = xmalloc((size_t)(n + 1) * sizeof(int));
    int nw = 0, maxd = 0;
    bool bad = false;
#define VISIT(t, d)                                  \
    do {                                             \
        if ((t) < n && depths[t] < 0) {              \
            if ((d) < 0) bad = true;                 \
            depths[t] = (d) < 0 ? 0 : (d);           \
            work[nw++] = (t);                        \
        }                                            \
    } while (0)
    if (n) VISIT(0, 0);
    for (int i = 0; i < c->nexc; i++) VISIT((int)c->exc[i].target, (int)c->exc[i].depth + 1);
    while (nw) {
        int pc = work[--nw];
        int d = depths[pc];
        uint32_t ins = c->ops[pc];
        int op = (int)INSTR_OP(ins), arg = (int)INSTR_ARG(ins);
        if (d > maxd) maxd = d;
        if (is_jump(op)) VISIT(arg, d + stack_effect(op, arg, true));
        if (op == OP_JUMP_FORWARD || op == OP_JUMP_BACKWARD || op == OP_RETURN_VALUE || op == OP_RAISE_VARARGS ||
            op == OP_RERAISE)
            continue;
        int nd = d + stack_effect(op, arg, false);
        if (nd > maxd) maxd = nd;
        /* Slots an op uses above its operands while it runs (vm.c), as
         * a coroutine's stack is exactly this big: CALL_FUNCTION_EX keeps
         * its argument tuple, dict and keyword names there (3 slots above
         * the callable's pair); a CALL that collects an iterator with a
         * Python __next__ (list(it)) puts each result slot above its
         * arguments. */
        if (op == OP_CALL_FUNCTION_EX && d + 2 > maxd) maxd = d + 2;
        if (op == OP_CALL && d + 1 > maxd) maxd = d + 1;
        VISIT(pc + 1, nd);
    }
#undef VISIT
    free(work);
    return bad ? -1 : maxd;
}

static Code *finish(CG *g, Scope *s, int flags)
{
    Sim *S = g->S;
    free(g->const_ix);
    free(g->name_ix);
    Code *c = xcalloc(1, sizeof *c);
    c->nops = (int32_t)g->ops.n;
    c->ops = g->ops.v;
    c->hints = xcalloc((size_t)c->nops + 1, sizeof *c->hints);
    c->lines = g->lines.v;
    c->cols = g->cols.v;
    /* patch jump labels */
    for (int32_t i = 0; i < c->nops; i++) {
        int op = (int)INSTR_OP(c->ops[i]);
        if (is_jump(op)) c->ops[i] = INSTR(op, g->labels.v[INSTR_ARG(c->ops[i])]);
    }
    /* exception table from per-instruction handlers */
    BUF(ExcEntry) ex = {0};
    for (int32_t i = 0; i < c->nops;) {
        int h = g->hand.v[i];
        int32_t j = i;
        while (j < c->nops && g->hand.v[j] == h) j++;
        if (h >= 0) {
            ExcEntry e = {(uint32_t)i, (uint32_t)j, (uint32_t)g->labels.v[g->handlers.v[h].label],
                          (uint32_t)g->handlers.v[h].depth};
            BUF_PUSH(ex, e);
        }
        i = j;
    }
    c->exc = ex.v;
    c->nexc = (int32_t)ex.n;
    free(g->hand.v);
    c->consts = g->consts.v;
    c->nconsts = (int32_t)g->consts.n;
    c->names = g->names.v;
    c->nnames = (int32_t)g->names.n;
    c->children = g->children.v;
    c->nchildren = (int32_t)g->children.n;
    c->nlocals = (int32_t)s->varnames.n;
    c->ncells = (int32_t)s->cellvars.n;
    c->nfrees = (int32_t)s->freevars.n;
    c->nlocalsplus = c->nlocals + c->ncells + c->nfrees;
    c->varnames = xcalloc((size_t)c->nlocalsplus + 1, sizeof(Str *));
    for (int32_t i = 0; i < c->nlocals; i++) c->varnames[i] = str_intern(S, s->varnames.v[i], strlen(s->varnames.v[i]));
    for (int32_t i = 0; i < c->ncells; i++) c->varnames[c->nlocals + i] = str_intern(S, s->cellvars.v[i], strlen(s->cellvars.v[i]));
    for (int32_t i = 0; i < c->nfrees; i++)
        c->varnames[c->nlocals + c->ncells + i] = str_intern(S, s->freevars.v[i], strlen(s->freevars.v[i]));
    c->cell_arg = xcalloc((size_t)c->ncells + 1, sizeof(int32_t));
    for (int32_t i = 0; i < c->ncells; i++) {
        int p = index_of(s->params.v, s->params.n, s->cellvars.v[i]);
        c->cell_arg[i] = p >= 0 ? index_of(s->varnames.v, s->varnames.n, s->cellvars.v[i]) : -1;
    }
    c->argcount = s->argcount;
    c->posonly = s->posonly;
    c->kwonly = s->kwonly;
    c->flags = flags | (s->varargs ? CO_VARARGS : 0) | (s->varkw ? CO_VARKW : 0);
    c->name = str_intern(S, s->name, strlen(s->name));
    c->qualname = str_intern(S, s->qualname, strlen(s->qualname));
    int32_t *depths = xmalloc((size_t)(c->nops + 1) * sizeof(int32_t));
    c->maxstack = compute_maxstack(c, depths);
    free(depths);
    if (c->maxstack < 0) {
        SBuf d = {0};
        code_disasm(c, &d);
        cerror(g->C, g->line, g->col, "internal compiler error: stack underflow in %s", c->qualname->s);
        if (getenv("INTERLEAVE_DEBUG")) fputs(d.s, stderr);
        sb_free(&d);
        c->maxstack = 64;
    }
    free(g->labels.v);
    free(g->handlers.v);
    free(g->fblocks.v);
    c->src = g->C->src;
    /* a function's first line is its def (co_firstlineno), the module's 1 */
    c->firstline = s->node && s->kind != SC_MODULE ? s->node->line : g->lines.n ? c->lines[0] : 1;
    c->next = S->codes;
    S->codes = c;
    return c;
}

/* Compile one scope's body: statements (module, def, class) or an
 * expression (lambda, comprehension). */
static Code *compile_scope(Compiler *C, Scope *s, NodeList *body, Node *expr_body, Node *owner)
{
    CG g;
    memset(&g, 0, sizeof g);
    g.C = C;
    g.S = C->S;
    g.sc = s;
    g.cur_handler = -1;
    if (owner) set_pos(&g, owner);
    else g.line = 1;
    int flags = 0;
    if (s->kind == SC_MODULE) flags |= CO_MODULE;
    if (s->kind == SC_CLASS) flags |= CO_CLASSBODY;
    if (s->generator) flags |= s->is_async ? CO_ASYNC_GENERATOR : CO_GENERATOR;
    else if (s->is_async && !s->comprehension) flags |= CO_COROUTINE;
    if (s->genexp) flags |= CO_GENEXP;
    if (s->parent && s->parent->kind != SC_MODULE) flags |= CO_NESTED;
    bool ok = true;
    if (s->kind == SC_CLASS) {
        emit(&g, OP_LOAD_NAME, add_name(&g, "__name__"));
        emit(&g, OP_STORE_NAME, add_name(&g, "__module__"));
        emit(&g, OP_LOAD_CONST, add_const(&g, v_obj(str_intern(C->S, s->qualname, strlen(s->qualname)))));
        emit(&g, OP_STORE_NAME, add_name(&g, "__qualname__"));
    }
    if (s->comprehension) {
        Node *n = expr_body;
        if (s->genexp) emit(&g, OP_GEN_START, 0);
        else emit(&g, n->kind == E_LISTCOMP ? OP_BUILD_LIST : n->kind == E_SETCOMP ? OP_BUILD_SET : OP_BUILD_MAP, 0);
        int nfor = (int)n->list.n;
        int *loops = xcalloc((size_t)nfor, sizeof(int));
        int *ends = xcalloc((size_t)nfor, sizeof(int));
        for (int i = 0; i < nfor && ok; i++) {
            Node *gen = n->list.v[i];
            loops[i] = new_label(&g);
            ends[i] = new_label(&g);
            if (i == 0) emit(&g, OP_LOAD_FAST, 0);
            else {
                ok = expr(&g, gen->b);
                emit(&g, gen->flags ? OP_GET_AITER : OP_GET_ITER, 0);
            }
            place(&g, loops[i]);
            set_pos(&g, gen);
            if (gen->flags) {
                /* the collection (not for a genexp) and the i+1 iterators stay */
                push_handler(&g, ends[i], (s->genexp ? 0 : 1) + i + 1);
                emit(&g, OP_GET_ANEXT, 0);
                emit(&g, OP_AWAIT, 0);
                pop_handler(&g);
            } else {
                emit_jump(&g, OP_FOR_ITER, ends[i]);
            }
            ok = ok && store(&g, gen->a);
            for (size_t k = 0; k < gen->list.n && ok; k++) ok = jump_if(&g, gen->list.v[k], false, loops[i]);
        }
        if (ok) {
            int depth = nfor + (s->genexp ? 0 : 1);
            set_pos(&g, n);
            if (n->kind == E_DICTCOMP) {
                ok = expr(&g, n->a) && expr(&g, n->b);
                emit(&g, OP_MAP_ADD, depth);
            } else {
                ok = expr(&g, n->a);
                if (s->genexp) {
                    emit(&g, OP_YIELD_VALUE, 0);
                    emit(&g, OP_POP_TOP, 0);
                } else {
                    emit(&g, n->kind == E_LISTCOMP ? OP_LIST_APPEND : OP_SET_ADD, depth);
                }
            }
            for (int i = nfor - 1; i >= 0; i--) {
                emit_jump(&g, OP_JUMP_BACKWARD, loops[i]);
                place(&g, ends[i]);
                if (n->list.v[i]->flags) emit(&g, OP_END_ASYNC_FOR, 0);
            }
            if (s->genexp) emit(&g, OP_LOAD_CONST, add_const(&g, v_none()));
            emit(&g, OP_RETURN_VALUE, 0);
        }
        free(loops);
        free(ends);
    } else if (expr_body) {
        ok = expr(&g, expr_body);
        emit(&g, OP_RETURN_VALUE, 0);
    } else {
        ok = stmts(&g, body);
        /* implicit return None */
        if (body->n) {
            Node *last = body->v[body->n - 1];
            g.line = last->end_line ? last->end_line : last->line;
        }
        emit(&g, OP_LOAD_CONST, add_const(&g, v_none()));
        emit(&g, OP_RETURN_VALUE, 0);
    }
    if (!ok || C->failed) {
        free(g.ops.v);
        free(g.lines.v);
        free(g.cols.v);
        free(g.hand.v);
        free(g.consts.v);
        free(g.names.v);
        free(g.const_ix);
        free(g.name_ix);
        free(g.children.v);
        free(g.labels.v);
        free(g.handlers.v);
        free(g.fblocks.v);
        return NULL;
    }
    return finish(&g, s, flags);
}

Code *compile_module(Sim *S, Module *m, Source *src, const ImportResolver *imports, CompileError *err)
{
    Compiler C;
    memset(&C, 0, sizeof C);
    C.S = S;
    C.src = src;
    C.imports = imports;
    C.err = err;
    memset(err, 0, sizeof *err);
    Scope *ms = scope_new(&C, SC_MODULE, NULL, "<module>", NULL);
    C.module_scope = ms;
    Code *code = NULL;
    if (st_stmts(&C, ms, &m->body) && resolve(&C, ms)) code = compile_scope(&C, ms, &m->body, NULL, NULL);
    for (size_t i = 0; i < C.all_scopes.n; i++) scope_free(C.all_scopes.v[i]);
    BUF_FREE(C.all_scopes);
    BUF_FREE(C.const_sets);
    return C.failed ? NULL : code;
}
