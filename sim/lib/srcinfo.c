/* srcinfo.c - docstrings and annotations read back from the source text.
 *
 * The compiler keeps neither docstrings nor annotations (docs/language.md),
 * but functools.wraps copies __doc__, dataclasses and typing.NamedTuple
 * read a class's __annotations__, and singledispatch a function's.  This
 * file finds the def or class statement in the parsed source (a function
 * by its first line, a class by its qualified name) and evaluates each
 * annotation as CPython would at definition time, for the forms
 * annotations take: names, attributes, subscripts (List[int]), tuples and
 * lists, constants and `|`.  Any other expression, or a name that is not
 * defined, gives the annotation's source text (as a string annotation
 * would).  The results are cached: a function's __annotations__ and a
 * class's in their __dict__, as CPython keeps them.
 *
 * (The proper home of this is the compiler: srcinfo stays until it emits
 * docstrings and __annotations__ itself.) */
#include "srcinfo.h"
#include "bytes.h"
#include "attr.h"
#include "dict.h"
#include "ops.h"
#include "lex.h"
#include "parse.h"
#include "str.h"
#include "tuple.h"
#include "list.h"
#include "obj.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the parsed sources, cached per Sim ---- */

typedef struct Parsed {
    Source *src;
    Module mod;
    bool ok;
} Parsed;

typedef struct SrcState {
    BUF(Parsed) parsed;
} SrcState;

static void state_free(Sim *S, void *p)
{
    (void)S;
    SrcState *st = p;
    for (size_t i = 0; i < st->parsed.n; i++)
        if (st->parsed.v[i].ok) parse_module_free(&st->parsed.v[i].mod);
    BUF_FREE(st->parsed);
    free(st);
}

static const SlotOps state_ops = {NULL, state_free};

static Module *parsed(Sim *S, Source *src)
{
    if (!src) return NULL;
    SrcState *st = S->slot[SLOT_SRCINFO];
    for (size_t i = 0; i < st->parsed.n; i++)
        if (st->parsed.v[i].src == src) return st->parsed.v[i].ok ? &st->parsed.v[i].mod : NULL;
    Parsed p = {0};
    p.src = src;
    ParseError pe;
    p.ok = parse_module(src->text, strlen(src->text), &p.mod, &pe);
    BUF_PUSH(st->parsed, p);
    return p.ok ? &st->parsed.v[st->parsed.n - 1].mod : NULL;
}

/* ---- finding the statement ---- */

static const Node *find_def_list(const NodeList *l, int line, const char *name);

static const Node *find_def(const Node *n, int line, const char *name)
{
    if (!n) return NULL;
    if (n->kind == S_FUNCDEF && n->line == line && strcmp(n->name, name) == 0) return n;
    if (n->kind < S_EXPR) return NULL; /* expressions hold no defs (lambdas have no docs) */
    const Node *r;
    if ((r = find_def_list(&n->list, line, name)) || (r = find_def_list(&n->list2, line, name)) ||
        (r = find_def_list(&n->list3, line, name)))
        return r;
    if (n->d && (r = find_def_list(&n->d->list, line, name))) return r;
    return NULL;
}

static const Node *find_def_list(const NodeList *l, int line, const char *name)
{
    for (size_t i = 0; i < l->n; i++) {
        const Node *r = find_def(l->v[i], line, name);
        if (r) return r;
    }
    return NULL;
}

/* Classes whose qualified name is qn: the one that starts last before
 * `before` (the line being run), or the first. */
typedef struct ClassSearch {
    const char *qn;
    int before;
    const Node *best, *first;
} ClassSearch;

static void find_class_list(ClassSearch *cs, const NodeList *l, const char *prefix);

static void find_class(ClassSearch *cs, const Node *n, const char *prefix)
{
    if (!n || n->kind < S_EXPR) return;
    char qn[512];
    if (n->kind == S_CLASSDEF || n->kind == S_FUNCDEF) {
        snprintf(qn, sizeof qn, "%s%s%s", prefix, *prefix ? "." : "", n->name);
        if (n->kind == S_CLASSDEF && strcmp(qn, cs->qn) == 0) {
            if (!cs->first) cs->first = n;
            if (n->line <= cs->before && (!cs->best || n->line > cs->best->line)) cs->best = n;
        }
        if (n->kind == S_FUNCDEF) {
            char inner[560];
            snprintf(inner, sizeof inner, "%s.<locals>", qn);
            find_class_list(cs, &n->list, inner);
        } else {
            find_class_list(cs, &n->list2, qn);
        }
        return;
    }
    find_class_list(cs, &n->list, prefix);
    find_class_list(cs, &n->list2, prefix);
    find_class_list(cs, &n->list3, prefix);
    if (n->d) find_class_list(cs, &n->d->list, prefix);
}

static void find_class_list(ClassSearch *cs, const NodeList *l, const char *prefix)
{
    for (size_t i = 0; i < l->n; i++) find_class(cs, l->v[i], prefix);
}

/* The innermost frame running scenario (not library) code. */
static Frame *scenario_frame(Task *T)
{
    Ctx *c = T->cur;
    for (int32_t i = c->nframes - 1; i >= 0; i--) {
        Frame *f = &c->frames[i];
        if (f->code && f->code->src && !f->code->src->library) return f;
    }
    return NULL;
}

/* The source a class was defined in: the scenario's for __main__, the
 * library module's for one of sim/py. */
static Source *class_source(Sim *S, Class *c)
{
    const char *mod = c->module ? c->module->s : "__main__";
    for (Source *s = S->sources; s; s = s->next) {
        if (!s->library) {
            if (strcmp(mod, "__main__") == 0 || strcmp(mod, "__mp_main__") == 0) return s;
            continue;
        }
        char want[200];
        snprintf(want, sizeof want, "<interleave>/%s.py", mod);
        if (strcmp(s->name, want) == 0) return s;
    }
    return NULL;
}

static const Node *class_node(Task *T, Class *c, Source **src_out)
{
    Sim *S = T->S;
    Source *src = class_source(S, c);
    Module *m = parsed(S, src);
    if (!m) return NULL;
    Frame *f = scenario_frame(T);
    int before = 1 << 30;
    if (f && f->code->src == src) before = code_line(f->code, f->pc ? f->pc - 1 : 0);
    ClassSearch cs = {c->qualname ? c->qualname->s : c->name->s, before, NULL, NULL};
    find_class_list(&cs, &m->body, "");
    *src_out = src;
    return cs.best ? cs.best : cs.first;
}

/* ---- docstrings ---- */

static Value docstring(Sim *S, const NodeList *body)
{
    if (body->n == 0) return v_none();
    const Node *s = body->v[0];
    if (s->kind != S_EXPR || !s->a || s->a->kind != E_CONST || s->a->op != C_STR) return v_none();
    return str_value_n(S, s->a->sval, (size_t)s->a->slen);
}

/* ---- annotations ---- */

/* The source text between two positions (1-based lines and columns). */
static Value source_text(Sim *S, Source *src, int line, int col, int end_line, int end_col)
{
    if (!src || line < 1 || line > src->nlines || end_line < line || end_line > src->nlines) return str_value(S, "");
    const char *a = src->lines[line - 1] + col - 1;
    const char *b = src->lines[end_line - 1] + end_col - 1;
    if (b < a) return str_value(S, "");
    return str_value_n(S, a, (size_t)(b - a));
}

typedef struct Scope {
    Dict *local;          /* a class body's namespace, or NULL */
    Dict *globals;
    Source *src;
} Scope;

static int eval_node(Task *T, const Node *n, Scope *sc, Value *out);

static Value node_text(Sim *S, const Node *n, Scope *sc)
{
    return source_text(S, sc->src, n->line, n->col, n->end_line, n->end_col);
}

static int eval_seq(Task *T, const Node *n, Scope *sc, bool tuple, Value *out)
{
    Sim *S = T->S;
    List *l = list_new(S, (int64_t)n->list.n);
    for (size_t i = 0; i < n->list.n; i++) {
        Value v;
        if (eval_node(T, n->list.v[i], sc, &v) < 0) return -1;
        list_append(S, l, v);
    }
    if (!tuple) {
        *out = v_obj(l);
        return 0;
    }
    Tuple *t = tuple_new(S, l->n);
    vcopy(t->v, l->v, l->n);
    *out = v_obj(t);
    return 0;
}

/* 0 with the value; 1 when the form is not evaluated (the caller uses
 * the text); -1 never (failures become the text too). */
static int eval_node(Task *T, const Node *n, Scope *sc, Value *out)
{
    Sim *S = T->S;
    switch (n->kind) {
    case E_NAME: {
        Str *name = str_intern(S, n->name, strlen(n->name));
        Value v = sc->local ? dict_get_str(sc->local, name) : v_undef();
        if (is_undef(v) && sc->globals) v = dict_get_str(sc->globals, name);
        if (is_undef(v)) v = dict_get_str(S->builtins, name);
        if (is_undef(v)) break;
        *out = v;
        return 0;
    }
    case E_CONST:
        switch (n->op) {
        case C_NONE: *out = v_none(); return 0;
        case C_TRUE: *out = v_bool(true); return 0;
        case C_FALSE: *out = v_bool(false); return 0;
        case C_INT: *out = v_int(n->ival); return 0;
        case C_FLOAT: *out = v_float(n->fval); return 0;
        case C_STR: *out = str_value_n(S, n->sval, (size_t)n->slen); return 0;
        case C_ELLIPSIS: *out = S->ellipsis; return 0;
        case C_BYTES: *out = bytes_new(S, n->sval, n->slen); return 0;
        default: break;
        }
        break;
    case E_ATTR: {
        Value base;
        if (eval_node(T, n->a, sc, &base) < 0) return -1;
        if (is_str(base) && n->a->kind != E_CONST) break;
        int r = attr_get_opt(T, base, str_intern(S, n->name, strlen(n->name)), out);
        if (r == 1) return 0;
        T->exc = v_undef();
        break;
    }
    case E_SUBSCRIPT: {
        Value base, idx;
        if (eval_node(T, n->a, sc, &base) < 0) return -1;
        if (is_str(base) && n->a->kind != E_CONST) break;
        if (n->b->kind == E_TUPLE) {
            if (eval_seq(T, n->b, sc, true, &idx) < 0) return -1;
        } else if (eval_node(T, n->b, sc, &idx) < 0) {
            return -1;
        }
        if (obj_getitem(T, base, idx, out) == 0) return 0;
        T->exc = v_undef();
        break;
    }
    case E_TUPLE: return eval_seq(T, n, sc, true, out);
    case E_LIST: return eval_seq(T, n, sc, false, out);
    case E_BINOP: {
        Value a, b;
        if (n->op != OP_VBAR) break;
        if (eval_node(T, n->a, sc, &a) < 0 || eval_node(T, n->b, sc, &b) < 0) return -1;
        if (ops_binop(T, BIN_OR, a, b, out) == 0) return 0;
        T->exc = v_undef();
        break;
    }
    default: break;
    }
    *out = node_text(S, n, sc);
    return 0;
}

/* A parameter's annotation: the parser keeps only the name, so read the
 * text after it (`name: ANNOTATION` up to a ',', ')' or '=' outside
 * brackets and strings) and parse that. */
static int param_annotation(Task *T, const Node *p, Scope *sc, Value *out)
{
    Sim *S = T->S;
    Source *src = sc->src;
    if (!src || p->line < 1 || p->line > src->nlines) return 0;
    const char *q = src->lines[p->line - 1] + p->end_col - 1;
    while (*q == ' ' || *q == '\t') q++;
    if (*q != ':') return 0;
    q++;
    const char *start = q;
    int depth = 0;
    char quote = 0;
    for (; *q; q++) {
        char c = *q;
        if (quote) {
            if (c == '\\' && q[1]) q++;
            else if (c == quote) quote = 0;
            continue;
        }
        if (c == '\'' || c == '"') quote = c;
        else if (c == '(' || c == '[' || c == '{') depth++;
        else if (c == ')' || c == ']' || c == '}') {
            if (depth == 0) break;
            depth--;
        } else if ((c == ',' || c == '=') && depth == 0) break;
        else if ((c == '\n' || c == '#') && depth == 0) break;
    }
    size_t len = (size_t)(q - start);
    char *text = xmalloc(len + 4);
    text[0] = '(';
    memcpy(text + 1, start, len);
    memcpy(text + 1 + len, ")\n", 3);
    Module m;
    ParseError pe;
    int rc = 0;
    if (parse_module(text, len + 3, &m, &pe)) {
        if (m.body.n == 1 && m.body.v[0]->kind == S_EXPR) {
            /* positions inside `text`: evaluate without a source for texts */
            Scope inner = *sc;
            inner.src = NULL;
            Value v;
            const Node *e = m.body.v[0]->a;
            int r = eval_node(T, e, &inner, &v);
            if (r == 0 && is_str(v) && AS_STR(v)->len == 0 && !(e->kind == E_CONST && e->op == C_STR)) {
                /* fell back to the text: the stripped source */
                const char *a = start, *b = q;
                while (a < b && (*a == ' ' || *a == '\t')) a++;
                while (b > a && (b[-1] == ' ' || b[-1] == '\t')) b--;
                v = str_value_n(S, a, (size_t)(b - a));
            }
            if (r == 0) {
                *out = v;
                rc = 1;
            }
        }
        parse_module_free(&m);
    }
    free(text);
    return rc;
}

static int func_annotations(Task *T, Func *f, const Node *def, Value *out)
{
    Sim *S = T->S;
    Dict *d = dict_new(S);
    Scope sc = {NULL, f->globals, f->code->src};
    const Params *ps = def->params;
    const Node *all[256];
    size_t n = 0;
    for (size_t i = 0; ps && i < ps->args.n && n < 250; i++) all[n++] = ps->args.v[i];
    if (ps && ps->vararg) all[n++] = ps->vararg;
    for (size_t i = 0; ps && i < ps->kwonly.n && n < 254; i++) all[n++] = ps->kwonly.v[i];
    if (ps && ps->kwarg) all[n++] = ps->kwarg;
    for (size_t i = 0; i < n; i++) {
        Value v;
        if (param_annotation(T, all[i], &sc, &v))
            dict_set_str(S, d, str_intern(S, all[i]->name, strlen(all[i]->name)), v);
    }
    if (def->a) {
        Value v;
        if (eval_node(T, def->a, &sc, &v) < 0) return -1;
        dict_set_str(S, d, str_intern(S, "return", 6), v);
    }
    *out = v_obj(d);
    return 1;
}

/* The globals a class's annotations are evaluated in: its methods', or the
 * running scenario frame's. */
static Dict *class_globals(Task *T, Class *c)
{
    int64_t it = 0;
    Value k, v;
    while (dict_next(c->dict, &it, &k, &v)) {
        if (is_kind(v, K_FUNC)) return AS_FUNC(v)->globals;
        if ((is_kind(v, K_CLASSMETHOD) || is_kind(v, K_STATICMETHOD)) && is_kind(((Wrapper *)v.u.o)->func, K_FUNC))
            return AS_FUNC(((Wrapper *)v.u.o)->func)->globals;
    }
    Frame *f = scenario_frame(T);
    return f ? f->globals : NULL;
}

static int class_annotations(Task *T, Class *c, const Node *def, Source *src, Value *out)
{
    Sim *S = T->S;
    Dict *d = dict_new(S);
    Scope sc = {c->dict, class_globals(T, c), src};
    for (size_t i = 0; def && i < def->list2.n; i++) {
        const Node *s = def->list2.v[i];
        if (s->kind != S_ANNASSIGN || s->a->kind != E_NAME) continue;
        Value v;
        if (eval_node(T, s->b, &sc, &v) < 0) return -1;
        dict_set_str(S, d, str_intern(S, s->a->name, strlen(s->a->name)), v);
    }
    *out = v_obj(d);
    return 1;
}

static int source_attr(Task *T, Value obj, Str *name, Value *out)
{
    Sim *S = T->S;
    bool doc = name == S->sym[SYM_doc];
    if (is_kind(obj, K_FUNC)) {
        Func *f = AS_FUNC(obj);
        Module *m = parsed(S, f->code->src);
        const Node *def = m ? find_def_list(&m->body, f->code->firstline, f->code->name->s) : NULL;
        if (!def) return 0;
        if (doc) {
            *out = docstring(S, &def->list);
            return 1;
        }
        if (func_annotations(T, f, def, out) < 0) return -1;
        if (!f->dict) f->dict = dict_new(S);
        dict_set_str(S, f->dict, name, *out);
        return 1;
    }
    if (is_class(obj)) {
        Class *c = AS_CLASS(obj);
        Source *src = NULL;
        const Node *def = class_node(T, c, &src);
        if (doc) {
            if (!def) return 0;
            *out = docstring(S, &def->list2);
            return 1;
        }
        if (class_annotations(T, c, def, src, out) < 0) return -1;
        dict_set_str(S, c->dict, name, *out);
        return 1;
    }
    return 0;
}

/* Module-level annotated names in the statements body (and the blocks of
 * its if/for/while/try/with statements) before line `upto`. */
static int module_ann(Task *T, const NodeList *body, int upto, Scope *sc, Dict *d)
{
    for (size_t i = 0; i < body->n; i++) {
        const Node *s = body->v[i];
        if (s->line >= upto) break;
        if (s->kind == S_ANNASSIGN && s->a->kind == E_NAME) {
            Value v;
            if (eval_node(T, s->b, sc, &v) < 0) return -1;
            dict_set_str(T->S, d, str_intern(T->S, s->a->name, strlen(s->a->name)), v);
        } else if (s->kind != S_FUNCDEF && s->kind != S_CLASSDEF) {
            if (module_ann(T, &s->list, upto, sc, d) < 0 || module_ann(T, &s->list2, upto, sc, d) < 0) return -1;
        }
    }
    return 0;
}

int srcinfo_module_annotations(Task *T, Value *out)
{
    Ctx *c = T->cur;
    if (!c->nframes) return 0;
    Frame *f = &c->frames[c->nframes - 1];
    /* module-level code only: a function's own body has no __annotations__ */
    if (!f->code || !f->code->src || f->code->src->library || !str_eq_c(f->code->name, "<module>")) return 0;
    Module *m = parsed(T->S, f->code->src);
    if (!m) return 0;
    Dict *d = dict_new(T->S);
    Scope sc = {NULL, f->globals, f->code->src};
    if (module_ann(T, &m->body, code_line(f->code, f->pc), &sc, d) < 0) return -1;
    *out = v_obj(d);
    return 1;
}

static const SourceHooks source_hooks = {source_attr};

void srcinfo_install(Sim *S)
{
    sim_slot_set(S, SLOT_SRCINFO, xcalloc(1, sizeof(SrcState)), &state_ops);
    S->srcinfo = &source_hooks;
}
