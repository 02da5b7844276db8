/* parse.c - recursive-descent parser for interleave's Python subset.
 *
 * One function per grammar rule, the rule in a comment above it (as Lua's
 * lparser.c does).  The parser stops at the first error, as CPython does, and
 * reports it with the line:col of the offending token.  Constructs outside the
 * subset are parsed far enough to be named in the error. */
#include "parse.h"
#include "lex.h"
#include "unicode.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

const char *const parse_node_kind_name[] = {
#define X(k) #k,
    NODE_KINDS(X)
#undef X
};

/* ---- arena ---- */

struct Arena {
    struct Arena *next;
    size_t used, cap;
    _Alignas(16) char data[];
};

static void *arena_alloc(Arena **ap, size_t n)
{
    n = (n + 15) & ~(size_t)15;
    Arena *a = *ap;
    if (!a || a->used + n > a->cap) {
        size_t cap = n > 65536 ? n : 65536;
        Arena *b = xmalloc(sizeof *b + cap);
        b->next = a;
        b->used = 0;
        b->cap = cap;
        *ap = a = b;
    }
    void *p = a->data + a->used;
    a->used += n;
    memset(p, 0, n);
    return p;
}

static char *arena_strndup(Arena **ap, const char *s, size_t n)
{
    char *p = arena_alloc(ap, n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

static void arena_free(Arena *a)
{
    while (a) {
        Arena *n = a->next;
        free(a);
        a = n;
    }
}

/* NodeLists grow inside the arena: a doubled copy wastes at most as much as
 * it holds, and one arena_free releases everything. */
typedef struct Parser {
    Token *t;           /* current token */
    Token *toks;
    size_t ntoks;
    Arena *arena;
    ParseError *err;
    bool failed;
    int depth;          /* recursion guard */
    Node *last_expr;    /* the latest complete expression, for "forgot a comma?" */
    int func_depth;     /* inside def/lambda */
    int async_depth;    /* inside async def */
    int loop_depth;
    int blocks;         /* statically nested loops, try and with items of the current function */
    int nesting;        /* nested blocks and elif branches: the compiler recurses on them */
    const char *src;
} Parser;

#define MAX_DEPTH 200
/* CPython's limit on a function's nested loops, try blocks and with items
 * (CO_MAXBLOCKS): past it, SyntaxError "too many statically nested blocks" */
#define MAX_STATIC_BLOCKS 20
/* Nested blocks, and an if's elif branches (each one an if nested in the
 * last one's else): CPython's compiler gives up with RecursionError a
 * little beyond 1000 elifs; the simulator stops at this depth with a
 * load-time error before its own C stack could run out. */
#define MAX_NESTING 2000

static void list_push(Parser *P, NodeList *l, Node *n)
{
    if (l->n == l->cap) {
        size_t nc = l->cap ? l->cap * 2 : 4;
        Node **v = arena_alloc(&P->arena, nc * sizeof *v);
        if (l->n) memcpy(v, l->v, l->n * sizeof *v);
        l->v = v;
        l->cap = nc;
    }
    l->v[l->n++] = n;
}

static bool error_at(Parser *P, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static bool error_at(Parser *P, int line, int col, const char *fmt, ...)
{
    if (P->failed) return false;
    P->failed = true;
    P->err->line = line;
    P->err->col = col;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(P->err->msg, sizeof P->err->msg, fmt, ap);
    va_end(ap);
    return false;
}

#define ERR(tok, ...) error_at(P, (tok)->line, (tok)->col, __VA_ARGS__)

static Node *new_node(Parser *P, NodeKind k, Token *at)
{
    Node *n = arena_alloc(&P->arena, sizeof *n);
    n->kind = k;
    n->line = at->line;
    n->col = at->col;
    n->end_line = at->end_line;
    n->end_col = at->end_col;
    return n;
}

static void set_end(Parser *P, Node *n)
{
    Token *prev = P->t > P->toks ? P->t - 1 : P->t;
    n->end_line = prev->end_line;
    n->end_col = prev->end_col;
}

static bool is_op(Parser *P, int op) { return (P->t->kind == T_OP || P->t->kind == T_KEYWORD) && P->t->op == op; }
static bool is_kind(Parser *P, TokKind k) { return P->t->kind == k; }
static void advance(Parser *P) { if (P->t->kind != T_EOF) P->t++; }
static bool accept(Parser *P, int op)
{
    if (is_op(P, op)) {
        advance(P);
        return true;
    }
    return false;
}
static Token *peek(Parser *P, int k)
{
    Token *t = P->t;
    for (int i = 0; i < k && t->kind != T_EOF; i++) t++;
    return t;
}

static const char *tok_desc(Token *t, char *buf, size_t n)
{
    switch (t->kind) {
    case T_OP: case T_KEYWORD: snprintf(buf, n, "'%s'", lex_tok_op_text[t->op]); break;
    case T_NAME: snprintf(buf, n, "name '%.*s'", t->len > 40 ? 40 : t->len, t->start); break;
    default: snprintf(buf, n, "%s", lex_tok_kind_name[t->kind]);
    }
    return buf;
}

static bool syntax_error(Parser *P)
{
    Token *t = P->t;
    if (t->kind == T_INDENT) return ERR(t, "unexpected indent");
    return ERR(t, "invalid syntax");
}

static bool starts_operand(const Token *t)
{
    return t->kind == T_NAME || t->kind == T_INT || t->kind == T_STRING || t->kind == T_FLOAT;
}

static bool ends_operand(const Token *t)
{
    return starts_operand(t) || (t->kind == T_OP && (t->op == OP_RPAR || t->op == OP_RSQB || t->op == OP_RBRACE));
}

static bool expect(Parser *P, int op)
{
    if (accept(P, op)) return true;
    if (P->failed) return false;
    Token *t = P->t;
    /* CPython points at the end of the previous token for a missing ':'. */
    if (op == OP_COLON && t > P->toks && t->kind != T_OP) {
        Token *prev = t - 1;
        return error_at(P, prev->end_line, prev->end_col, "expected ':'");
    }
    if (t->kind == T_KEYWORD && t->op == KW_YIELD) return syntax_error(P);
    /* Two expressions side by side inside brackets: CPython guesses a
     * missing comma and points at the first of the two. */
    if ((op == OP_RPAR || op == OP_RSQB || op == OP_RBRACE) && P->last_expr && t > P->toks &&
        starts_operand(t) && ends_operand(t - 1))
        return error_at(P, P->last_expr->line, P->last_expr->col, "invalid syntax. Perhaps you forgot a comma?");
    char d[64] = "";
    return ERR(t, "expected '%s', found %s", lex_tok_op_text[op], tok_desc(t, d, sizeof d));
}

static char *tok_name(Parser *P, Token *t) { return arena_strndup(&P->arena, t->start, (size_t)t->len); }

static bool enter(Parser *P)
{
    if (++P->depth > MAX_DEPTH) {
        error_at(P, P->t->line, P->t->col, "too many nested parentheses or expressions (limit %d)", MAX_DEPTH);
        return false;
    }
    return true;
}
#define LEAVE(P) ((P)->depth--)

/* forward declarations */
static Node *expression(Parser *P);
static Node *star_expressions(Parser *P);
static Node *named_expression(Parser *P);
static Node *yield_expr(Parser *P);
static Node *bitor(Parser *P);
static Node *disjunction(Parser *P);
static bool block(Parser *P, NodeList *body, const char *what, Token *kw);
static bool statement(Parser *P, NodeList *out);

/* ---- f-strings ---- */

static Node *parse_fstring_body(Parser *P, Token *tok, const char *body, int len,
                                int line, int col, int nest);

/* Position (line, col) of body[off], given that body starts at (line, col). */
static void body_pos(const char *body, int off, int *line, int *col)
{
    int start = 0;
    for (int i = 0; i < off; i++)
        if (body[i] == '\n') {
            (*line)++;
            *col = 1;
            start = i + 1;
        }
    *col += (int)uc_count(body + start, (size_t)(off - start));
}

static Node *str_const(Parser *P, Token *at, const char *s, int n)
{
    Node *c = new_node(P, E_CONST, at);
    c->op = C_STR;
    c->sval = arena_strndup(&P->arena, s, (size_t)n);
    c->slen = n;
    return c;
}

static Node *parse_sub_expression(Parser *P, const char *text, int n, int line, int col)
{
    TokenList tl = {0};
    LexError le;
    char *copy = xstrndup(text, (size_t)n);
    if (!lex_source(copy, (size_t)n, line, col, true, &tl, &le)) {
        error_at(P, le.line, le.col, "f-string: %s", le.msg);
        lex_free(&tl);
        free(copy);
        return NULL;
    }
    Parser sub = *P;
    sub.toks = tl.v;
    sub.t = tl.v;
    sub.ntoks = tl.n;
    Node *e = NULL;
    if (tl.v[0].kind == T_EOF) {
        error_at(&sub, line, col, "f-string: empty expression not allowed");
    } else {
        e = star_expressions(&sub);
        if (e && sub.t->kind != T_EOF) {
            syntax_error(&sub);
            e = NULL;
        }
    }
    /* carry state back: the arena is shared; names and strings were copied
     * into it, so the sub-tokens can go */
    P->arena = sub.arena;
    P->failed = sub.failed;
    lex_free(&tl);
    free(copy);
    return P->failed ? NULL : e;
}

/* Split an f-string body into literal and formatted parts. */
static Node *parse_fstring_body(Parser *P, Token *tok, const char *body, int len,
                                int line, int col, int nest)
{
    Node *fs = new_node(P, E_FSTRING, tok);
    SBuf lit = {0};
    bool raw = tok->sflags & STR_RAW;
    int i = 0;
#define FLUSH_LIT()                                                                   \
    do {                                                                              \
        if (lit.n > 0) {                                                              \
            char msg[200];                                                            \
            int off;                                                                  \
            SBuf dec = {0};                                                           \
            if (!lex_unescape(lit.s ? lit.s : "", (int)lit.n, raw, &dec, msg, sizeof msg, &off)) { \
                sb_free(&dec);                                                        \
                sb_free(&lit);                                                        \
                error_at(P, tok->line, tok->col, "%s", msg);                          \
                return NULL;                                                          \
            }                                                                         \
            if (dec.n) list_push(P, &fs->list, str_const(P, tok, dec.s, (int)dec.n)); \
            sb_free(&dec);                                                            \
        }                                                                             \
        lit.n = 0;                                                                    \
        if (lit.s) lit.s[0] = 0;                                                      \
    } while (0)
    while (i < len) {
        char c = body[i];
        if (c == '{' && i + 1 < len && body[i + 1] == '{' ) {
            sb_putc(&lit, '{');
            i += 2;
            continue;
        }
        if (c == '}' && i + 1 < len && body[i + 1] == '}') {
            sb_putc(&lit, '}');
            i += 2;
            continue;
        }
        if (c == '}') {
            int l = line, cc = col;
            body_pos(body, i, &l, &cc);
            sb_free(&lit);
            error_at(P, l, cc, "f-string: single '}' is not allowed");
            return NULL;
        }
        if (c == '\\' && !raw && i + 1 < len) {
            sb_putc(&lit, c);
            sb_putc(&lit, body[i + 1]);
            i += 2;
            continue;
        }
        if (c != '{') {
            sb_putc(&lit, c);
            i++;
            continue;
        }
        /* a replacement field */
        FLUSH_LIT();
        int open = i;
        int j = i + 1;
        int depth = 0;
        char inq = 0;
        int expr_end = -1, conv = 0, spec_start = -1, end = -1;
        bool debug = false;
        for (; j < len; j++) {
            char d = body[j];
            if (inq) {
                if (d == inq) inq = 0;
                continue;
            }
            if (d == '\'' || d == '"') { inq = d; continue; }
            if (d == '(' || d == '[' || d == '{') { depth++; continue; }
            if ((d == ')' || d == ']' || d == '}') && depth > 0) { depth--; continue; }
            if (depth > 0) continue;
            if (d == '}') { if (expr_end < 0) expr_end = j; end = j; break; }
            if (d == '!' && j + 1 < len && body[j + 1] != '=') {
                if (expr_end < 0) expr_end = j;
                conv = j + 1 < len ? body[j + 1] : 0;
                j++;
                continue;
            }
            int after = j + 1;
            while (after < len && body[after] == ' ') after++;
            if (d == '=' && expr_end < 0 && after < len && (body[after] == '}' || body[after] == '!' || body[after] == ':') &&
                j > 0 && !strchr("=!<>", body[j - 1])) {
                debug = true;
                expr_end = j;
                continue;
            }
            if (d == ':' ) {
                if (expr_end < 0) expr_end = j;
                spec_start = j + 1;
                /* the spec runs to the matching '}' */
                int sd = 0;
                for (j = j + 1; j < len; j++) {
                    if (body[j] == '{') sd++;
                    else if (body[j] == '}') {
                        if (sd == 0) break;
                        sd--;
                    }
                }
                end = j;
                break;
            }
        }
        int l = line, cc = col;
        body_pos(body, open, &l, &cc);
        if (end < 0 || end >= len) {
            sb_free(&lit);
            error_at(P, l, cc, "f-string: expecting '}'");
            return NULL;
        }
        if (conv && conv != 'r' && conv != 's' && conv != 'a') {
            sb_free(&lit);
            error_at(P, l, cc, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
            return NULL;
        }
        int el = line, ec = col;
        body_pos(body, open + 1, &el, &ec);
        Node *value = parse_sub_expression(P, body + open + 1, expr_end - open - 1, el, ec);
        if (!value) {
            sb_free(&lit);
            return NULL;
        }
        if (debug) {
            /* f"{x=}" prints the expression text, then its repr */
            int dl = expr_end + 1 - (open + 1);
            const char *ds = body + open + 1;
            /* keep whitespace after '=' up to a conversion/spec */
            int k = expr_end + 1;
            while (k < len && (body[k] == ' ')) k++;
            dl = k - (open + 1);
            list_push(P, &fs->list, str_const(P, tok, ds, dl));
            if (!conv && spec_start < 0) conv = 'r';
        }
        Node *f = new_node(P, E_FORMATTED, tok);
        f->line = el;
        f->col = ec;
        f->a = value;
        f->flags = conv;
        if (spec_start >= 0) {
            if (nest >= 2) {
                sb_free(&lit);
                error_at(P, l, cc, "f-string: expressions nested too deeply");
                return NULL;
            }
            int sl = line, sc = col;
            body_pos(body, spec_start, &sl, &sc);
            f->b = parse_fstring_body(P, tok, body + spec_start, end - spec_start, sl, sc, nest + 1);
            if (!f->b) {
                sb_free(&lit);
                return NULL;
            }
        }
        list_push(P, &fs->list, f);
        i = end + 1;
        continue;
    }
    FLUSH_LIT();
    sb_free(&lit);
    return fs;
#undef FLUSH_LIT
}

/* strings: STRING+  (adjacent literals concatenate; any f-part makes an
 * f-string) */
static Node *strings(Parser *P)
{
    Token *first = P->t;
    bool anyf = false, anyb = false, anys = false;
    for (Token *t = P->t; t->kind == T_STRING; t++) {
        if (t->sflags & STR_F) anyf = true;
        if (t->sflags & STR_BYTES) anyb = true;
        else anys = true;
    }
    if (anyb && anys) {
        error_at(P, first->line, first->col, "cannot mix bytes and nonbytes literals");
        return NULL;
    }
    if (anyb || !anyf) {
        /* adjacent plain literals (all bytes, or all str) are one constant */
        SBuf b = {0};
        sb_put(&b, "", 0);
        while (is_kind(P, T_STRING)) {
            sb_put(&b, P->t->sval, (size_t)P->t->slen);
            advance(P);
        }
        Node *c = str_const(P, first, b.s, (int)b.n);
        if (anyb) c->op = C_BYTES;
        set_end(P, c);
        sb_free(&b);
        return c;
    }
    Node *out = new_node(P, E_FSTRING, first);
    while (is_kind(P, T_STRING)) {
        Token *t = P->t;
        if (t->sflags & STR_F) {
            Node *part = parse_fstring_body(P, t, t->sval, t->slen, t->body_line, t->body_col, 0);
            if (!part) return NULL;
            for (size_t i = 0; i < part->list.n; i++) list_push(P, &out->list, part->list.v[i]);
        } else if (t->slen) {
            list_push(P, &out->list, str_const(P, t, t->sval, t->slen));
        }
        advance(P);
    }
    set_end(P, out);
    return out;
}

/* ---- expressions ---- */

static Node *make_const(Parser *P, Token *t, int ck)
{
    Node *n = new_node(P, E_CONST, t);
    n->op = ck;
    return n;
}

static bool check_target(Parser *P, Node *n, bool del, bool aug);

/* star_target: ['*'] bitor */
static Node *star_target(Parser *P)
{
    Token *it = P->t;
    if (accept(P, OP_STAR)) {
        Node *x = new_node(P, E_STARRED, it);
        x->a = bitor(P);
        return x->a ? x : NULL;
    }
    return bitor(P);
}

/* star_targets: star_target (',' star_target)* [','] - up to 'in' */
static Node *star_targets(Parser *P)
{
    Token *tt = P->t;
    Node *first = star_target(P);
    if (!first || !is_op(P, OP_COMMA)) return first;
    Node *tup = new_node(P, E_TUPLE, tt);
    list_push(P, &tup->list, first);
    while (accept(P, OP_COMMA)) {
        if (is_op(P, KW_IN)) break;
        Node *x = star_target(P);
        if (!x) return NULL;
        list_push(P, &tup->list, x);
    }
    return tup;
}

/* comp_for: ['async'] 'for' targets 'in' disjunction ('if' disjunction)* ... */
static bool comp_fors(Parser *P, NodeList *gens)
{
    while (is_op(P, KW_FOR) || (is_op(P, KW_ASYNC) && peek(P, 1)->op == KW_FOR && peek(P, 1)->kind == T_KEYWORD)) {
        Token *at = P->t;
        int async = 0;
        if (accept(P, KW_ASYNC)) {
            async = 1;
            if (P->async_depth == 0)
                return ERR(at, "asynchronous comprehension outside of an asynchronous function");
        }
        advance(P); /* for */
        Node *g = new_node(P, E_COMPREHENSION, at);
        g->flags = async;
        /* target list: star_targets */
        Node *first = star_targets(P);
        if (!first) return false;
        if (!check_target(P, first, false, false)) return false;
        g->a = first;
        if (!expect(P, KW_IN)) return false;
        g->b = disjunction(P);
        if (!g->b) return false;
        while (is_op(P, KW_IF)) {
            advance(P);
            Node *c = disjunction(P);
            if (!c) return false;
            list_push(P, &g->list, c);
        }
        list_push(P, gens, g);
    }
    return true;
}

static bool is_comp_start(Parser *P)
{
    return is_op(P, KW_FOR) || (is_op(P, KW_ASYNC) && peek(P, 1)->kind == T_KEYWORD && peek(P, 1)->op == KW_FOR);
}

/* args: (positional | '*' expr | kw '=' expr | '**' expr) (',' ...)* [','] */
static bool call_args(Parser *P, Node *call)
{
    bool seen_kw = false, seen_dstar = false;
    while (!is_op(P, OP_RPAR)) {
        Token *at = P->t;
        if (accept(P, OP_STAR)) {
            Node *s = new_node(P, E_STARRED, at);
            s->a = expression(P);
            if (!s->a) return false;
            if (seen_dstar) return ERR(at, "iterable argument unpacking follows keyword argument unpacking");
            list_push(P, &call->list, s);
        } else if (accept(P, OP_DOUBLESTAR)) {
            Node *k = new_node(P, E_KEYWORD, at);
            k->a = expression(P);
            if (!k->a) return false;
            seen_dstar = true;
            list_push(P, &call->list2, k);
        } else if (is_kind(P, T_NAME) && peek(P, 1)->kind == T_OP && peek(P, 1)->op == OP_EQUAL) {
            Node *k = new_node(P, E_KEYWORD, at);
            k->name = tok_name(P, P->t);
            advance(P);
            advance(P);
            k->a = expression(P);
            if (!k->a) return false;
            for (size_t i = 0; i < call->list2.n; i++)
                if (call->list2.v[i]->name && strcmp(call->list2.v[i]->name, k->name) == 0)
                    return ERR(at, "keyword argument repeated: %s", k->name);
            seen_kw = true;
            list_push(P, &call->list2, k);
        } else {
            Node *e = named_expression(P);
            if (!e) return false;
            if (is_comp_start(P)) {
                Node *g = new_node(P, E_GENEXP, at);
                g->a = e;
                if (!comp_fors(P, &g->list)) return false;
                set_end(P, g);
                if (call->list.n || call->list2.n || !is_op(P, OP_RPAR))
                    return ERR(at, "Generator expression must be parenthesized");
                e = g;
            } else if (seen_dstar) {
                return ERR(at, "positional argument follows keyword argument unpacking");
            } else if (seen_kw) {
                return ERR(at, "positional argument follows keyword argument");
            }
            if (is_op(P, OP_EQUAL)) return ERR(P->t, "expression cannot contain assignment, perhaps you meant \"==\"?");
            list_push(P, &call->list, e);
        }
        if (!accept(P, OP_COMMA)) break;
    }
    return expect(P, OP_RPAR);
}

/* slice: [expr] ':' [expr] [':' [expr]] | named_expression */
static Node *slice_item(Parser *P)
{
    Token *at = P->t;
    Node *lo = NULL;
    if (!is_op(P, OP_COLON)) {
        lo = named_expression(P);
        if (!lo) return NULL;
        if (!is_op(P, OP_COLON)) return lo;
    }
    Node *s = new_node(P, E_SLICE, at);
    s->a = lo;
    advance(P); /* : */
    if (!is_op(P, OP_COLON) && !is_op(P, OP_RSQB) && !is_op(P, OP_COMMA)) {
        s->b = expression(P);
        if (!s->b) return NULL;
    }
    if (accept(P, OP_COLON)) {
        if (!is_op(P, OP_RSQB) && !is_op(P, OP_COMMA)) {
            s->c = expression(P);
            if (!s->c) return NULL;
        }
    }
    set_end(P, s);
    return s;
}

/* dict: '{' (key ':' value | '**' expr) (',' ...)* [','] '}'  - after the
 * first item */
static Node *dict_rest(Parser *P, Node *d)
{
    while (accept(P, OP_COMMA)) {
        if (is_op(P, OP_RBRACE)) break;
        if (accept(P, OP_DOUBLESTAR)) {
            Node *v = bitor(P);
            if (!v) return NULL;
            list_push(P, &d->list, NULL);
            list_push(P, &d->list2, v);
            continue;
        }
        Node *k = expression(P);
        if (!k) return NULL;
        if (!is_op(P, OP_COLON))
            return error_at(P, k->line, k->col, "':' expected after dictionary key"), NULL;
        advance(P);
        Node *v = expression(P);
        if (!v) return NULL;
        list_push(P, &d->list, k);
        list_push(P, &d->list2, v);
    }
    if (!expect(P, OP_RBRACE)) return NULL;
    set_end(P, d);
    return d;
}

/* atom: NAME | True | False | None | '...' | NUMBER | strings
 *     | '(' [yield | named_expr [genexp] | tuple] ')' | list | dict | set */
static Node *atom(Parser *P)
{
    Token *t = P->t;
    switch (t->kind) {
    case T_NAME: {
        Node *n = new_node(P, E_NAME, t);
        n->name = tok_name(P, t);
        advance(P);
        return n;
    }
    case T_INT: {
        Node *n = make_const(P, t, C_INT);
        n->ival = t->ival;
        if (t->sval) {
            /* past 64 bits: the digits, ival the base */
            n->sval = arena_strndup(&P->arena, t->sval, (size_t)t->slen);
            n->slen = t->slen;
        }
        advance(P);
        return n;
    }
    case T_FLOAT: {
        Node *n = make_const(P, t, C_FLOAT);
        n->fval = t->fval;
        advance(P);
        return n;
    }
    case T_STRING:
        return strings(P);
    case T_KEYWORD:
        switch (t->op) {
        case KW_TRUE: advance(P); return make_const(P, t, C_TRUE);
        case KW_FALSE: advance(P); return make_const(P, t, C_FALSE);
        case KW_NONE: advance(P); return make_const(P, t, C_NONE);
        case KW_LAMBDA: return expression(P);
        default: break;
        }
        break;
    case T_OP:
        switch (t->op) {
        case OP_ELLIPSIS: advance(P); return make_const(P, t, C_ELLIPSIS);
        case OP_LPAR: {
            advance(P);
            if (accept(P, OP_RPAR)) {
                Node *n = new_node(P, E_TUPLE, t);
                set_end(P, n);
                return n;
            }
            if (is_op(P, KW_YIELD)) {
                /* (yield x) */
                Node *y = yield_expr(P);
                if (!y || !expect(P, OP_RPAR)) return NULL;
                return y;
            }
            Token *et = P->t;
            Node *e;
            if (is_op(P, OP_STAR)) {
                e = new_node(P, E_STARRED, et);
                advance(P);
                e->a = bitor(P);
                if (!e->a) return NULL;
            } else {
                e = named_expression(P);
            }
            if (!e) return NULL;
            if (is_comp_start(P)) {
                Node *g = new_node(P, E_GENEXP, t);
                g->a = e;
                if (!comp_fors(P, &g->list)) return NULL;
                if (!expect(P, OP_RPAR)) return NULL;
                set_end(P, g);
                return g;
            }
            if (is_op(P, OP_COMMA)) {
                Node *tup = new_node(P, E_TUPLE, t);
                list_push(P, &tup->list, e);
                while (accept(P, OP_COMMA)) {
                    if (is_op(P, OP_RPAR)) break;
                    Token *it = P->t;
                    Node *x;
                    if (accept(P, OP_STAR)) {
                        x = new_node(P, E_STARRED, it);
                        x->a = bitor(P);
                        if (!x->a) return NULL;
                    } else {
                        x = named_expression(P);
                    }
                    if (!x) return NULL;
                    list_push(P, &tup->list, x);
                }
                if (!expect(P, OP_RPAR)) return NULL;
                set_end(P, tup);
                return tup;
            }
            if (e->kind == E_STARRED) return ERR(et, "cannot use starred expression here"), NULL;
            if (!expect(P, OP_RPAR)) return NULL;
            /* parenthesised: keep the inner node, widen its span */
            return e;
        }
        case OP_LSQB: {
            advance(P);
            Node *l = new_node(P, E_LIST, t);
            if (accept(P, OP_RSQB)) {
                set_end(P, l);
                return l;
            }
            Token *et = P->t;
            Node *e;
            if (accept(P, OP_STAR)) {
                e = new_node(P, E_STARRED, et);
                e->a = bitor(P);
                if (!e->a) return NULL;
            } else {
                e = named_expression(P);
            }
            if (!e) return NULL;
            if (is_comp_start(P) && e->kind != E_STARRED) {
                Node *c = new_node(P, E_LISTCOMP, t);
                c->a = e;
                if (!comp_fors(P, &c->list)) return NULL;
                if (!expect(P, OP_RSQB)) return NULL;
                set_end(P, c);
                return c;
            }
            list_push(P, &l->list, e);
            while (accept(P, OP_COMMA)) {
                if (is_op(P, OP_RSQB)) break;
                Token *it = P->t;
                Node *x;
                if (accept(P, OP_STAR)) {
                    x = new_node(P, E_STARRED, it);
                    x->a = bitor(P);
                    if (!x->a) return NULL;
                } else {
                    x = named_expression(P);
                }
                if (!x) return NULL;
                list_push(P, &l->list, x);
            }
            if (!expect(P, OP_RSQB)) return NULL;
            set_end(P, l);
            return l;
        }
        case OP_LBRACE: {
            advance(P);
            if (accept(P, OP_RBRACE)) {
                Node *d = new_node(P, E_DICT, t);
                set_end(P, d);
                return d;
            }
            Token *et = P->t;
            if (accept(P, OP_DOUBLESTAR)) {
                Node *d = new_node(P, E_DICT, t);
                Node *v = bitor(P);
                if (!v) return NULL;
                list_push(P, &d->list, NULL);
                list_push(P, &d->list2, v);
                return dict_rest(P, d);
            }
            Node *first;
            if (accept(P, OP_STAR)) {
                first = new_node(P, E_STARRED, et);
                first->a = bitor(P);
                if (!first->a) return NULL;
            } else {
                first = named_expression(P);
                if (!first) return NULL;
            }
            if (accept(P, OP_COLON)) {
                Node *v = expression(P);
                if (!v) return NULL;
                if (is_comp_start(P)) {
                    Node *c = new_node(P, E_DICTCOMP, t);
                    c->a = first;
                    c->b = v;
                    if (!comp_fors(P, &c->list)) return NULL;
                    if (!expect(P, OP_RBRACE)) return NULL;
                    set_end(P, c);
                    return c;
                }
                Node *d = new_node(P, E_DICT, t);
                list_push(P, &d->list, first);
                list_push(P, &d->list2, v);
                return dict_rest(P, d);
            }
            if (is_comp_start(P) && first->kind != E_STARRED) {
                Node *c = new_node(P, E_SETCOMP, t);
                c->a = first;
                if (!comp_fors(P, &c->list)) return NULL;
                if (!expect(P, OP_RBRACE)) return NULL;
                set_end(P, c);
                return c;
            }
            Node *s = new_node(P, E_SET, t);
            list_push(P, &s->list, first);
            while (accept(P, OP_COMMA)) {
                if (is_op(P, OP_RBRACE)) break;
                Token *it = P->t;
                Node *x;
                if (accept(P, OP_STAR)) {
                    x = new_node(P, E_STARRED, it);
                    x->a = bitor(P);
                    if (!x->a) return NULL;
                } else {
                    x = named_expression(P);
                }
                if (!x) return NULL;
                list_push(P, &s->list, x);
            }
            if (!expect(P, OP_RBRACE)) return NULL;
            set_end(P, s);
            return s;
        }
        default: break;
        }
        break;
    default: break;
    }
    syntax_error(P);
    return NULL;
}

/* primary: atom ('.' NAME | '(' args ')' | '[' slices ']')* */
static Node *primary(Parser *P)
{
    Node *e = atom(P);
    while (e) {
        Token *t = P->t;
        if (accept(P, OP_DOT)) {
            if (!is_kind(P, T_NAME)) {
                syntax_error(P);
                return NULL;
            }
            Node *a = new_node(P, E_ATTR, t);
            a->line = e->line;
            a->col = e->col;
            a->a = e;
            a->name = tok_name(P, P->t);
            advance(P);
            set_end(P, a);
            e = a;
        } else if (accept(P, OP_LPAR)) {
            Node *c = new_node(P, E_CALL, t);
            c->line = e->line;
            c->col = e->col;
            c->a = e;
            if (!call_args(P, c)) return NULL;
            set_end(P, c);
            e = c;
        } else if (accept(P, OP_LSQB)) {
            Node *s = new_node(P, E_SUBSCRIPT, t);
            s->line = e->line;
            s->col = e->col;
            s->a = e;
            Token *it = P->t;
            Node *idx = slice_item(P);
            if (!idx) return NULL;
            if (is_op(P, OP_COMMA)) {
                Node *tup = new_node(P, E_TUPLE, it);
                list_push(P, &tup->list, idx);
                while (accept(P, OP_COMMA)) {
                    if (is_op(P, OP_RSQB)) break;
                    Node *x = slice_item(P);
                    if (!x) return NULL;
                    list_push(P, &tup->list, x);
                }
                idx = tup;
            }
            s->b = idx;
            if (!expect(P, OP_RSQB)) return NULL;
            set_end(P, s);
            e = s;
        } else {
            break;
        }
    }
    return e;
}

/* await_primary: 'await' primary | primary */
static Node *await_primary(Parser *P)
{
    Token *t = P->t;
    if (accept(P, KW_AWAIT)) {
        if (P->async_depth == 0) {
            if (P->func_depth == 0) return ERR(t, "'await' outside function"), NULL;
            return ERR(t, "'await' outside async function"), NULL;
        }
        if (!enter(P)) return NULL;
        Node *n = new_node(P, E_AWAIT, t);
        n->a = primary(P);
        LEAVE(P);
        if (!n->a) return NULL;
        set_end(P, n);
        return n;
    }
    return primary(P);
}

static Node *factor(Parser *P);

/* power: await_primary ['**' factor] */
static Node *power(Parser *P)
{
    Node *e = await_primary(P);
    if (!e) return NULL;
    Token *t = P->t;
    if (accept(P, OP_DOUBLESTAR)) {
        Node *b = new_node(P, E_BINOP, t);
        b->op = OP_DOUBLESTAR;
        b->line = e->line;
        b->col = e->col;
        b->a = e;
        /* `a ** b ** c ...` recurses right: guard it like unary ops */
        if (!enter(P)) return NULL;
        b->b = factor(P);
        LEAVE(P);
        if (!b->b) return NULL;
        set_end(P, b);
        return b;
    }
    return e;
}

/* factor: ('+'|'-'|'~') factor | power */
static Node *factor(Parser *P)
{
    Token *t = P->t;
    if (is_op(P, OP_PLUS) || is_op(P, OP_MINUS) || is_op(P, OP_TILDE)) {
        advance(P);
        if (!enter(P)) return NULL;
        Node *n = new_node(P, E_UNARY, t);
        n->op = t->op;
        n->a = factor(P);
        LEAVE(P);
        if (!n->a) return NULL;
        set_end(P, n);
        return n;
    }
    return power(P);
}

typedef Node *(*RuleFn)(Parser *);

static Node *binary_level(Parser *P, RuleFn next, const int *ops, int nops)
{
    Node *e = next(P);
    while (e) {
        Token *t = P->t;
        int found = 0;
        if (t->kind == T_OP)
            for (int i = 0; i < nops; i++)
                if (t->op == ops[i]) found = ops[i];
        if (!found) break;
        advance(P);
        Node *b = new_node(P, E_BINOP, t);
        b->op = found;
        b->line = e->line;
        b->col = e->col;
        b->a = e;
        b->b = next(P);
        if (!b->b) return NULL;
        set_end(P, b);
        e = b;
    }
    return e;
}

static Node *term(Parser *P)
{
    static const int ops[] = {OP_STAR, OP_SLASH, OP_DOUBLESLASH, OP_PERCENT, OP_AT};
    return binary_level(P, factor, ops, 5);
}
static Node *sum(Parser *P)
{
    static const int ops[] = {OP_PLUS, OP_MINUS};
    return binary_level(P, term, ops, 2);
}
static Node *shift_expr(Parser *P)
{
    static const int ops[] = {OP_LSHIFT, OP_RSHIFT};
    return binary_level(P, sum, ops, 2);
}
static Node *bitand(Parser *P)
{
    static const int ops[] = {OP_AMPER};
    return binary_level(P, shift_expr, ops, 1);
}
static Node *bitxor(Parser *P)
{
    static const int ops[] = {OP_CIRCUMFLEX};
    return binary_level(P, bitand, ops, 1);
}
static Node *bitor(Parser *P)
{
    static const int ops[] = {OP_VBAR};
    return binary_level(P, bitxor, ops, 1);
}

/* comparison: bitor (compare_op bitor)* */
static Node *comparison(Parser *P)
{
    Node *e = bitor(P);
    if (!e) return NULL;
    Node *cmp = NULL;
    BUF(int) ops = {0};
    for (;;) {
        Token *t = P->t;
        int op = 0;
        if (t->kind == T_OP && (t->op == OP_LESS || t->op == OP_GREATER || t->op == OP_EQEQUAL ||
                                t->op == OP_NOTEQUAL || t->op == OP_LESSEQUAL ||
                                t->op == OP_GREATEREQUAL)) {
            op = t->op;
            advance(P);
        } else if (is_op(P, KW_IN)) {
            op = KW_IN;
            advance(P);
        } else if (is_op(P, KW_NOT) && peek(P, 1)->kind == T_KEYWORD && peek(P, 1)->op == KW_IN) {
            op = -KW_IN;
            advance(P);
            advance(P);
        } else if (is_op(P, KW_IS)) {
            advance(P);
            op = accept(P, KW_NOT) ? -KW_IS : KW_IS;
        } else {
            break;
        }
        if (!cmp) {
            cmp = new_node(P, E_COMPARE, t);
            cmp->line = e->line;
            cmp->col = e->col;
            cmp->a = e;
        }
        Node *r = bitor(P);
        if (!r) {
            free(ops.v);
            return NULL;
        }
        BUF_PUSH(ops, op);
        list_push(P, &cmp->list, r);
    }
    if (!cmp) return e;
    cmp->ops = arena_alloc(&P->arena, ops.n * sizeof(int));
    memcpy(cmp->ops, ops.v, ops.n * sizeof(int));
    free(ops.v);
    set_end(P, cmp);
    return cmp;
}

/* inversion: 'not' inversion | comparison */
static Node *inversion(Parser *P)
{
    Token *t = P->t;
    if (accept(P, KW_NOT)) {
        if (!enter(P)) return NULL;
        Node *n = new_node(P, E_UNARY, t);
        n->op = KW_NOT;
        n->a = inversion(P);
        LEAVE(P);
        if (!n->a) return NULL;
        set_end(P, n);
        return n;
    }
    return comparison(P);
}

static Node *boolop(Parser *P, RuleFn next, int kw)
{
    Node *e = next(P);
    if (!e || !is_op(P, kw)) return e;
    Node *b = new_node(P, E_BOOLOP, P->t);
    b->op = kw;
    b->line = e->line;
    b->col = e->col;
    list_push(P, &b->list, e);
    while (accept(P, kw)) {
        Node *x = next(P);
        if (!x) return NULL;
        list_push(P, &b->list, x);
    }
    set_end(P, b);
    return b;
}

static Node *conjunction(Parser *P) { return boolop(P, inversion, KW_AND); }
static Node *disjunction(Parser *P) { return boolop(P, conjunction, KW_OR); }

/* params: as in def, without annotations when lambda */
static bool parameters(Parser *P, Params *ps, int close_op, bool lambda)
{
    bool seen_default = false, seen_star = false;
    while (!is_op(P, close_op)) {
        Token *t = P->t;
        if (accept(P, OP_SLASH)) {
            if (ps->posonly || seen_star || ps->args.n == 0)
                return ERR(t, "invalid syntax");
            ps->posonly = (int)ps->args.n;
        } else if (accept(P, OP_STAR)) {
            if (seen_star) return ERR(t, "* argument may appear only once");
            seen_star = true;
            if (is_kind(P, T_NAME)) {
                Node *n = new_node(P, E_NAME, P->t);
                n->name = tok_name(P, P->t);
                advance(P);
                if (!lambda && accept(P, OP_COLON) && !expression(P)) return false;
                ps->vararg = n;
            } else if (is_op(P, close_op) || (is_op(P, OP_COMMA) && peek(P, 1)->kind == T_OP && peek(P, 1)->op == close_op)) {
                return ERR(t, "named arguments must follow bare *");
            }
        } else if (accept(P, OP_DOUBLESTAR)) {
            if (!is_kind(P, T_NAME)) return syntax_error(P);
            Node *n = new_node(P, E_NAME, P->t);
            n->name = tok_name(P, P->t);
            advance(P);
            if (!lambda && accept(P, OP_COLON) && !expression(P)) return false;
            ps->kwarg = n;
            accept(P, OP_COMMA);
            if (!is_op(P, close_op)) return ERR(P->t, "arguments cannot follow var-keyword argument");
            break;
        } else if (is_kind(P, T_NAME)) {
            Node *n = new_node(P, E_NAME, P->t);
            n->name = tok_name(P, P->t);
            advance(P);
            if (!lambda && accept(P, OP_COLON) && !expression(P)) return false;
            /* duplicate check */
            NodeList *all[] = {&ps->args, &ps->kwonly};
            for (int k = 0; k < 2; k++)
                for (size_t i = 0; i < all[k]->n; i++)
                    if (strcmp(all[k]->v[i]->name, n->name) == 0)
                        return ERR(t, "duplicate argument '%s' in function definition", n->name);
            Node *def = NULL;
            if (accept(P, OP_EQUAL)) {
                def = expression(P);
                if (!def) return false;
            }
            if (seen_star) {
                list_push(P, &ps->kwonly, n);
                list_push(P, &ps->kw_defaults, def);
            } else {
                if (def) {
                    seen_default = true;
                    list_push(P, &ps->defaults, def);
                } else if (seen_default) {
                    return ERR(t, "non-default argument follows default argument");
                }
                list_push(P, &ps->args, n);
            }
        } else {
            return syntax_error(P);
        }
        if (!accept(P, OP_COMMA)) break;
    }
    return true;
}

/* lambdef: 'lambda' [params] ':' expression */
static Node *lambdef(Parser *P)
{
    Token *t = P->t;
    advance(P);
    Node *n = new_node(P, E_LAMBDA, t);
    n->params = arena_alloc(&P->arena, sizeof(Params));
    if (!parameters(P, n->params, OP_COLON, true)) return NULL;
    if (!expect(P, OP_COLON)) return NULL;
    P->func_depth++;
    int saved_async = P->async_depth;
    P->async_depth = 0;
    n->a = expression(P);
    P->async_depth = saved_async;
    P->func_depth--;
    if (!n->a) return NULL;
    set_end(P, n);
    return n;
}

/* expression: disjunction ['if' disjunction 'else' expression] | lambdef */
/* yield_expr: 'yield' 'from' expression | 'yield' [star_expressions] */
static Node *yield_expr(Parser *P)
{
    Token *t = P->t;
    advance(P);
    if (P->func_depth == 0) return ERR(t, "'yield' outside function"), NULL;
    Node *n;
    if (accept(P, KW_FROM)) {
        if (P->async_depth) return ERR(t, "'yield from' inside async function"), NULL;
        n = new_node(P, E_YIELDFROM, t);
        n->a = expression(P);
        if (!n->a) return NULL;
    } else {
        n = new_node(P, E_YIELD, t);
        if (!is_kind(P, T_NEWLINE) && !is_op(P, OP_SEMI) && !is_kind(P, T_EOF) && !is_op(P, OP_RPAR) &&
            !is_op(P, OP_EQUAL)) {
            n->a = star_expressions(P);
            if (!n->a) return NULL;
        }
    }
    set_end(P, n);
    return n;
}

static Node *expression(Parser *P)
{
    if (!enter(P)) return NULL;
    Node *r;
    if (is_op(P, KW_LAMBDA)) {
        r = lambdef(P);
    } else {
        r = disjunction(P);
        if (r && is_op(P, KW_IF)) {
            Token *t = P->t;
            advance(P);
            Node *n = new_node(P, E_IFEXP, t);
            n->line = r->line;
            n->col = r->col;
            n->b = r;
            n->a = disjunction(P);
            if (!n->a) r = NULL;
            else if (!is_op(P, KW_ELSE)) {
                error_at(P, r->line, r->col, "expected 'else' after 'if' expression");
                r = NULL;
            } else {
                advance(P);
                n->c = expression(P);
                r = n->c ? n : NULL;
                if (r) set_end(P, n);
            }
        }
    }
    if (r) P->last_expr = r;
    LEAVE(P);
    return r;
}

/* named_expression: NAME ':=' expression | expression */
static Node *named_expression(Parser *P)
{
    if (is_kind(P, T_NAME) && peek(P, 1)->kind == T_OP && peek(P, 1)->op == OP_COLONEQUAL) {
        Token *t = P->t;
        Node *n = new_node(P, E_NAMEDEXPR, t);
        Node *target = new_node(P, E_NAME, t);
        target->name = tok_name(P, t);
        advance(P);
        advance(P);
        n->a = target;
        n->b = expression(P);
        if (!n->b) return NULL;
        set_end(P, n);
        return n;
    }
    return expression(P);
}

/* star_expressions: star_expression (',' star_expression)* [','] */
static Node *star_expressions(Parser *P)
{
    Token *t = P->t;
    Node *e;
    if (accept(P, OP_STAR)) {
        e = new_node(P, E_STARRED, t);
        e->a = bitor(P);
        if (!e->a) return NULL;
        set_end(P, e);
    } else {
        e = named_expression(P);
    }
    if (!e) return NULL;
    if (!is_op(P, OP_COMMA)) return e;
    Node *tup = new_node(P, E_TUPLE, t);
    list_push(P, &tup->list, e);
    while (accept(P, OP_COMMA)) {
        if (is_kind(P, T_NEWLINE) || is_op(P, OP_EQUAL) || is_op(P, OP_RPAR) ||
            is_op(P, OP_COLON) || is_kind(P, T_EOF) || is_op(P, OP_SEMI) ||
            (P->t->kind == T_OP && P->t->op >= OP_PLUSEQUAL && P->t->op <= OP_DOUBLESTAREQUAL))
            break;
        Token *it = P->t;
        Node *x;
        if (accept(P, OP_STAR)) {
            x = new_node(P, E_STARRED, it);
            x->a = bitor(P);
            if (!x->a) return NULL;
        } else {
            x = named_expression(P);
        }
        if (!x) return NULL;
        list_push(P, &tup->list, x);
    }
    set_end(P, tup);
    return tup;
}

/* ---- statements ---- */

static const char *target_desc(Node *n)
{
    switch (n->kind) {
    case E_CALL: return "function call";
    case E_CONST: return "literal";
    case E_BINOP: case E_UNARY: return "expression";
    case E_BOOLOP: return "expression";
    case E_COMPARE: return "comparison";
    case E_LAMBDA: return "lambda";
    case E_IFEXP: return "conditional expression";
    case E_FSTRING: return "f-string expression";
    case E_DICT: return "dict literal";
    case E_SET: return "set display";
    case E_LISTCOMP: return "list comprehension";
    case E_DICTCOMP: return "dict comprehension";
    case E_SETCOMP: return "set comprehension";
    case E_GENEXP: return "generator expression";
    case E_AWAIT: return "await expression";
    case E_YIELD: case E_YIELDFROM: return "yield expression";
    case E_NAMEDEXPR: return "named expression";
    default: return "expression";
    }
}

/* Check that n can be assigned to (or deleted, when del is true). */
static bool check_target(Parser *P, Node *n, bool del, bool aug)
{
    switch (n->kind) {
    case E_NAME: case E_ATTR: case E_SUBSCRIPT: return true;
    case E_TUPLE: case E_LIST: {
        if (aug) return error_at(P, n->line, n->col, "'%s' is an illegal expression for augmented assignment",
                                 n->kind == E_TUPLE ? "tuple" : "list");
        int stars = 0;
        for (size_t i = 0; i < n->list.n; i++) {
            Node *x = n->list.v[i];
            if (x->kind == E_STARRED) {
                if (del) return error_at(P, x->line, x->col, "cannot delete starred");
                if (++stars > 1) return error_at(P, n->line, n->col, "multiple starred expressions in assignment");
                if (!check_target(P, x->a, del, aug)) return false;
            } else if (!check_target(P, x, del, aug)) {
                return false;
            }
        }
        return true;
    }
    case E_STARRED:
        return error_at(P, n->line, n->col, "starred assignment target must be in a list or tuple");
    default:
        if (aug) return error_at(P, n->line, n->col, "'%s' is an illegal expression for augmented assignment", target_desc(n));
        if (del) return error_at(P, n->line, n->col, "cannot delete %s", target_desc(n));
        if (n->kind == E_CONST && n->op != C_STR && n->op != C_BYTES && n->op != C_INT && n->op != C_FLOAT && n->op != C_ELLIPSIS)
            return error_at(P, n->line, n->col, "cannot assign to %s", n->op == C_NONE ? "None" : n->op == C_TRUE ? "True" : "False");
        return error_at(P, n->line, n->col, "cannot assign to %s here. Maybe you meant '==' instead of '='?", target_desc(n));
    }
}

static bool end_simple(Parser *P)
{
    if (is_kind(P, T_NEWLINE) || is_op(P, OP_SEMI) || is_kind(P, T_EOF)) return true;
    /* outside brackets CPython does not guess a missing comma */
    return syntax_error(P);
}

static bool dotted_name(Parser *P, SBuf *b)
{
    if (!is_kind(P, T_NAME)) return syntax_error(P);
    sb_put(b, P->t->start, (size_t)P->t->len);
    advance(P);
    while (accept(P, OP_DOT)) {
        if (!is_kind(P, T_NAME)) return syntax_error(P);
        sb_putc(b, '.');
        sb_put(b, P->t->start, (size_t)P->t->len);
        advance(P);
    }
    return true;
}

static Node *alias(Parser *P, bool dotted)
{
    Node *a = new_node(P, S_ALIAS, P->t);
    SBuf b = {0};
    if (dotted) {
        if (!dotted_name(P, &b)) {
            sb_free(&b);
            return NULL;
        }
    } else {
        if (!is_kind(P, T_NAME)) {
            syntax_error(P);
            return NULL;
        }
        sb_put(&b, P->t->start, (size_t)P->t->len);
        advance(P);
    }
    a->name = arena_strndup(&P->arena, b.s, b.n);
    sb_free(&b);
    if (accept(P, KW_AS)) {
        if (!is_kind(P, T_NAME)) {
            syntax_error(P);
            return NULL;
        }
        a->sval = tok_name(P, P->t);
        advance(P);
    }
    set_end(P, a);
    return a;
}

/* simple_stmt: one of the small statements */
static Node *simple_stmt(Parser *P)
{
    Token *t = P->t;
    if (t->kind == T_KEYWORD) {
        switch (t->op) {
        case KW_PASS: advance(P); return new_node(P, S_PASS, t);
        case KW_BREAK:
            advance(P);
            if (P->loop_depth == 0) return ERR(t, "'break' outside loop"), NULL;
            return new_node(P, S_BREAK, t);
        case KW_CONTINUE:
            advance(P);
            if (P->loop_depth == 0) return ERR(t, "'continue' not properly in loop"), NULL;
            return new_node(P, S_CONTINUE, t);
        case KW_RETURN: {
            advance(P);
            if (P->func_depth == 0) return ERR(t, "'return' outside function"), NULL;
            Node *n = new_node(P, S_RETURN, t);
            if (!is_kind(P, T_NEWLINE) && !is_op(P, OP_SEMI) && !is_kind(P, T_EOF)) {
                n->a = star_expressions(P);
                if (!n->a) return NULL;
            }
            set_end(P, n);
            return n;
        }
        case KW_RAISE: {
            advance(P);
            Node *n = new_node(P, S_RAISE, t);
            if (!is_kind(P, T_NEWLINE) && !is_op(P, OP_SEMI) && !is_kind(P, T_EOF)) {
                n->a = expression(P);
                if (!n->a) return NULL;
                if (accept(P, KW_FROM)) {
                    n->b = expression(P);
                    if (!n->b) return NULL;
                }
            }
            set_end(P, n);
            return n;
        }
        case KW_GLOBAL: case KW_NONLOCAL: {
            advance(P);
            Node *n = new_node(P, t->op == KW_GLOBAL ? S_GLOBAL : S_NONLOCAL, t);
            if (t->op == KW_NONLOCAL && P->func_depth == 0)
                return ERR(t, "nonlocal declaration not allowed at module level"), NULL;
            do {
                if (!is_kind(P, T_NAME)) return syntax_error(P), NULL;
                Node *nm = new_node(P, E_NAME, P->t);
                nm->name = tok_name(P, P->t);
                list_push(P, &n->list, nm);
                advance(P);
            } while (accept(P, OP_COMMA));
            return n;
        }
        case KW_DEL: {
            advance(P);
            Node *n = new_node(P, S_DEL, t);
            Node *e = star_expressions(P);
            if (!e) return NULL;
            if (e->kind == E_TUPLE) n->list = e->list;
            else list_push(P, &n->list, e);
            for (size_t i = 0; i < n->list.n; i++)
                if (!check_target(P, n->list.v[i], true, false)) return NULL;
            return n;
        }
        case KW_ASSERT: {
            advance(P);
            Node *n = new_node(P, S_ASSERT, t);
            n->a = expression(P);
            if (!n->a) return NULL;
            if (accept(P, OP_COMMA)) {
                n->b = expression(P);
                if (!n->b) return NULL;
            }
            return n;
        }
        case KW_IMPORT: {
            advance(P);
            Node *n = new_node(P, S_IMPORT, t);
            do {
                Node *a = alias(P, true);
                if (!a) return NULL;
                list_push(P, &n->list, a);
            } while (accept(P, OP_COMMA));
            return n;
        }
        case KW_FROM: {
            advance(P);
            Node *n = new_node(P, S_IMPORTFROM, t);
            if (is_op(P, OP_DOT) || is_op(P, OP_ELLIPSIS))
                return ERR(P->t, "relative imports are not supported by the simulator"), NULL;
            SBuf b = {0};
            if (!dotted_name(P, &b)) {
                sb_free(&b);
                return NULL;
            }
            n->name = arena_strndup(&P->arena, b.s, b.n);
            sb_free(&b);
            if (!expect(P, KW_IMPORT)) return NULL;
            if (is_op(P, OP_STAR))
                return ERR(t, "'from %s import *' is not supported by the simulator; import the names you use", n->name), NULL;
            bool paren = accept(P, OP_LPAR);
            do {
                if (paren && is_op(P, OP_RPAR)) break;
                Node *a = alias(P, false);
                if (!a) return NULL;
                list_push(P, &n->list, a);
            } while (accept(P, OP_COMMA));
            if (paren && !expect(P, OP_RPAR)) return NULL;
            return n;
        }
        default: break;
        }
    }
    /* expression statement or assignment */
    Node *e = is_op(P, KW_YIELD) ? yield_expr(P) : star_expressions(P);
    if (!e) return NULL;
    Token *op = P->t;
    if (is_op(P, OP_EQUAL)) {
        Node *n = new_node(P, S_ASSIGN, t);
        while (accept(P, OP_EQUAL)) {
            if (!check_target(P, e, false, false)) return NULL;
            list_push(P, &n->list, e);
            e = is_op(P, KW_YIELD) ? yield_expr(P) : star_expressions(P);
            if (!e) return NULL;
        }
        n->a = e;
        set_end(P, n);
        return n;
    }
    if (op->kind == T_OP && op->op >= OP_PLUSEQUAL && op->op <= OP_ATEQUAL && op->op != OP_DOUBLESLASH &&
        op->op != OP_AT) {
        if (op->op == OP_ATEQUAL) return ERR(op, "the '@' operator is not supported by the simulator"), NULL;
        if (!check_target(P, e, false, true)) return NULL;
        advance(P);
        Node *n = new_node(P, S_AUGASSIGN, t);
        n->a = e;
        n->op = op->op;
        n->b = is_op(P, KW_YIELD) ? yield_expr(P) : star_expressions(P);
        if (!n->b) return NULL;
        set_end(P, n);
        return n;
    }
    if (is_op(P, OP_COLON) && (e->kind == E_NAME || e->kind == E_ATTR || e->kind == E_SUBSCRIPT)) {
        advance(P);
        Node *n = new_node(P, S_ANNASSIGN, t);
        n->a = e;
        n->b = expression(P);
        if (!n->b) return NULL;
        if (accept(P, OP_EQUAL)) {
            n->c = star_expressions(P);
            if (!n->c) return NULL;
        }
        return n;
    }
    Node *n = new_node(P, S_EXPR, t);
    n->a = e;
    set_end(P, n);
    return n;
}

/* simple_stmts: simple_stmt (';' simple_stmt)* [';'] NEWLINE */
static bool simple_stmts(Parser *P, NodeList *out)
{
    for (;;) {
        Node *s = simple_stmt(P);
        if (!s) return false;
        list_push(P, out, s);
        if (!end_simple(P)) return false;
        if (!accept(P, OP_SEMI)) break;
        if (is_kind(P, T_NEWLINE) || is_kind(P, T_EOF)) break;
    }
    if (is_kind(P, T_EOF)) return true;
    if (!is_kind(P, T_NEWLINE)) return syntax_error(P);
    advance(P);
    return true;
}

static bool block_body(Parser *P, NodeList *body, const char *what, Token *kw);

/* block: NEWLINE INDENT statements DEDENT | simple_stmts */
static bool block(Parser *P, NodeList *body, const char *what, Token *kw)
{
    if (P->nesting >= MAX_NESTING)
        return ERR(kw, "too many nested blocks and elif branches (the simulator's limit is %d)", MAX_NESTING);
    P->nesting++;
    bool ok = block_body(P, body, what, kw);
    P->nesting--;
    return ok;
}

static bool block_body(Parser *P, NodeList *body, const char *what, Token *kw)
{
    if (!expect(P, OP_COLON)) return false;
    if (!is_kind(P, T_NEWLINE)) return simple_stmts(P, body);
    advance(P);
    if (!is_kind(P, T_INDENT))
        return ERR(P->t, "expected an indented block after %s on line %d", what, kw->line);
    advance(P);
    while (!is_kind(P, T_DEDENT) && !is_kind(P, T_EOF)) {
        if (!statement(P, body)) return false;
    }
    accept(P, 0);
    if (is_kind(P, T_DEDENT)) advance(P);
    return true;
}

/* Enter n statically nested blocks (a loop, a try, a with's items) at
 * token t: false with CPython's SyntaxError past its limit. */
static bool enter_blocks(Parser *P, int n, Token *t)
{
    P->blocks += n;
    if (P->blocks <= MAX_STATIC_BLOCKS) return true;
    ERR(t, "too many statically nested blocks");
    return false;
}

/* if_stmt: 'if' named_expression ':' block elif_stmt | else_block
 * An elif is an if in the else of the one before; the chain is read in a
 * loop, not by recursion, and counts towards the nesting limit. */
static Node *if_stmt(Parser *P)
{
    Node *head = NULL, *prev = NULL;
    int elifs = 0;
    Node *result = NULL;
    for (;;) {
        Token *t = P->t;
        advance(P);
        Node *n = new_node(P, S_IF, t);
        n->a = named_expression(P);
        if (!n->a) break;
        if (!block(P, &n->list, t->op == KW_IF ? "'if' statement" : "'elif' statement", t)) break;
        if (prev) list_push(P, &prev->list2, n);
        else head = n;
        prev = n;
        if (is_op(P, KW_ELIF)) {
            if (P->nesting >= MAX_NESTING) {
                ERR(P->t, "too many nested blocks and elif branches (the simulator's limit is %d)", MAX_NESTING);
                break;
            }
            P->nesting++;
            elifs++;
            continue;
        }
        if (is_op(P, KW_ELSE)) {
            Token *et = P->t;
            advance(P);
            if (!block(P, &n->list2, "'else' statement", et)) break;
        }
        result = head;
        break;
    }
    P->nesting -= elifs;
    return result;
}

static bool else_block(Parser *P, NodeList *out)
{
    if (!is_op(P, KW_ELSE)) return true;
    Token *et = P->t;
    advance(P);
    return block(P, out, "'else' statement", et);
}

/* while_stmt: 'while' named_expression ':' block [else_block] */
static Node *while_stmt(Parser *P)
{
    Token *t = P->t;
    advance(P);
    Node *n = new_node(P, S_WHILE, t);
    n->a = named_expression(P);
    if (!n->a) return NULL;
    if (!enter_blocks(P, 1, t)) return NULL;
    P->loop_depth++;
    bool ok = block(P, &n->list, "'while' statement", t);
    P->loop_depth--;
    P->blocks--;
    if (!ok || !else_block(P, &n->list2)) return NULL;
    return n;
}

/* for_stmt: ['async'] 'for' star_targets 'in' star_expressions ':' block [else] */
static Node *for_stmt(Parser *P, Token *async_tok)
{
    Token *t = P->t;
    advance(P);
    Node *n = new_node(P, S_FOR, async_tok ? async_tok : t);
    n->flags = async_tok ? FLAG_ASYNC : 0;
    Node *first = star_targets(P);
    if (!first) return NULL;
    if (!check_target(P, first, false, false)) return NULL;
    n->a = first;
    if (!expect(P, KW_IN)) return NULL;
    n->b = star_expressions(P);
    if (!n->b) return NULL;
    if (!enter_blocks(P, 1, t)) return NULL;
    P->loop_depth++;
    bool ok = block(P, &n->list, "'for' statement", t);
    P->loop_depth--;
    P->blocks--;
    if (!ok || !else_block(P, &n->list2)) return NULL;
    return n;
}

/* with_stmt: ['async'] 'with' with_item (',' with_item)* ':' block */
static Node *with_stmt(Parser *P, Token *async_tok)
{
    Token *t = P->t;
    advance(P);
    Node *n = new_node(P, S_WITH, async_tok ? async_tok : t);
    n->flags = async_tok ? FLAG_ASYNC : 0;
    bool paren = false;
    /* 'with (a as b, c as d):' - parenthesised items (3.10+) */
    if (is_op(P, OP_LPAR)) {
        int depth = 0;
        Token *q = P->t;
        for (; q->kind != T_EOF; q++) {
            if (q->kind == T_OP && (q->op == OP_LPAR || q->op == OP_LSQB || q->op == OP_LBRACE)) depth++;
            else if (q->kind == T_OP && (q->op == OP_RPAR || q->op == OP_RSQB || q->op == OP_RBRACE)) {
                if (--depth == 0) break;
            } else if (depth == 1 && q->kind == T_KEYWORD && q->op == KW_AS) {
                paren = true;
            }
        }
        if (paren && !(q[1].kind == T_OP && q[1].op == OP_COLON)) paren = false;
        if (paren) advance(P);
    }
    do {
        if (paren && is_op(P, OP_RPAR)) break;
        Node *item = new_node(P, S_WITHITEM, P->t);
        item->a = expression(P);
        if (!item->a) return NULL;
        if (accept(P, KW_AS)) {
            Token *tt = P->t;
            Node *target = bitor(P);
            if (!target) return NULL;
            if (is_op(P, OP_COMMA) && !paren && false) (void)tt;
            if (!check_target(P, target, false, false)) return NULL;
            item->b = target;
        }
        list_push(P, &n->list, item);
    } while (accept(P, OP_COMMA));
    if (paren && !expect(P, OP_RPAR)) return NULL;
    if (!enter_blocks(P, (int)n->list.n, t)) return NULL;
    bool ok = block(P, &n->list2, "'with' statement", t);
    P->blocks -= (int)n->list.n;
    return ok ? n : NULL;
}

/* ---- except* ----
 * `try: B  except* E1 as g: H1  except* E2: H2` is rewritten here into
 * plain Python that the _exceptiongroup module's helpers (lazy builtins)
 * carry out, as CPython's bytecode does:
 *     try: B
 *     except BaseException as __star_exc_N:
 *         __star_N = __except_star_begin__(__star_exc_N)
 *         __star_match_N = __except_star_match__(__star_N, E1)
 *         if __star_match_N is not None:
 *             g = __star_match_N
 *             try: H1
 *             except BaseException as __star_raised_N:
 *                 __except_star_raised__(__star_N, __star_raised_N)
 *         ... (E2, H2) ...
 *         __except_star_end__(__star_N)   # raises what is left, if any
 */
static Node *syn_name(Parser *P, Token *at, const char *name)
{
    Node *n = new_node(P, E_NAME, at);
    n->name = arena_strndup(&P->arena, name, strlen(name));
    return n;
}

static Node *syn_call(Parser *P, Token *at, const char *fn, Node *a, Node *b)
{
    Node *c = new_node(P, E_CALL, at);
    c->a = syn_name(P, at, fn);
    list_push(P, &c->list, a);
    if (b) list_push(P, &c->list, b);
    return c;
}

static Node *syn_assign(Parser *P, Token *at, const char *target, Node *value)
{
    Node *n = new_node(P, S_ASSIGN, at);
    list_push(P, &n->list, syn_name(P, at, target));
    n->a = value;
    return n;
}

static Node *syn_expr(Parser *P, Token *at, Node *e)
{
    Node *n = new_node(P, S_EXPR, at);
    n->a = e;
    return n;
}

/* The handler of a try whose handlers are except* clauses (in stars). */
static Node *star_handler(Parser *P, Token *at, NodeList *stars)
{
    static int counter;
    int k = ++counter;
    char exc[40], st[40], match[40], raised[40];
    snprintf(exc, sizeof exc, "__star_exc_%d", k);
    snprintf(st, sizeof st, "__star_%d", k);
    snprintf(match, sizeof match, "__star_match_%d", k);
    snprintf(raised, sizeof raised, "__star_raised_%d", k);
    Node *h = new_node(P, S_HANDLER, at);
    h->a = syn_name(P, at, "BaseException");
    h->name = arena_strndup(&P->arena, exc, strlen(exc));
    list_push(P, &h->list, syn_assign(P, at, st, syn_call(P, at, "__except_star_begin__", syn_name(P, at, exc), NULL)));
    for (size_t i = 0; i < stars->n; i++) {
        Node *c = stars->v[i];
        Token ct = *at;
        ct.line = c->line;
        ct.col = c->col;
        list_push(P, &h->list, syn_assign(P, &ct, match, syn_call(P, &ct, "__except_star_match__", syn_name(P, &ct, st), c->a)));
        Node *test = new_node(P, E_COMPARE, &ct);
        test->a = syn_name(P, &ct, match);
        list_push(P, &test->list, make_const(P, &ct, C_NONE));
        test->ops = arena_alloc(&P->arena, sizeof(int));
        test->ops[0] = -KW_IS;
        Node *iff = new_node(P, S_IF, &ct);
        iff->a = test;
        if (c->name) list_push(P, &iff->list, syn_assign(P, &ct, c->name, syn_name(P, &ct, match)));
        Node *tr = new_node(P, S_TRY, &ct);
        tr->list = c->list;
        Node *rh = new_node(P, S_HANDLER, &ct);
        rh->a = syn_name(P, &ct, "BaseException");
        rh->name = arena_strndup(&P->arena, raised, strlen(raised));
        list_push(P, &rh->list, syn_expr(P, &ct, syn_call(P, &ct, "__except_star_raised__", syn_name(P, &ct, st), syn_name(P, &ct, raised))));
        list_push(P, &tr->list2, rh);
        list_push(P, &iff->list, tr);
        list_push(P, &h->list, iff);
    }
    list_push(P, &h->list, syn_expr(P, at, syn_call(P, at, "__except_star_end__", syn_name(P, at, st), NULL)));
    return h;
}

/* No break, continue or return may leave an except* block (CPython's rule). */
static bool star_body_ok(Parser *P, NodeList *body, int loops)
{
    for (size_t i = 0; i < body->n; i++) {
        Node *n = body->v[i];
        if (n->kind == S_RETURN || ((n->kind == S_BREAK || n->kind == S_CONTINUE) && loops == 0)) {
            const char *what = n->kind == S_RETURN ? "return" : n->kind == S_BREAK ? "break" : "continue";
            return error_at(P, n->line, n->col, "'%s' cannot appear in an except* block", what);
        }
        if (n->kind == S_FUNCDEF || n->kind == S_CLASSDEF) continue;
        int inner = loops + (n->kind == S_WHILE || n->kind == S_FOR);
        if (!star_body_ok(P, &n->list, inner) || !star_body_ok(P, &n->list2, n->kind == S_WHILE || n->kind == S_FOR ? loops : inner) ||
            !star_body_ok(P, &n->list3, loops))
            return false;
        if (n->d && !star_body_ok(P, &n->d->list, loops)) return false;
    }
    return true;
}

/* try_stmt: 'try' ':' block (except_block+ [else] [finally] | finally) */
static Node *try_stmt(Parser *P)
{
    Token *t = P->t;
    advance(P);
    Node *n = new_node(P, S_TRY, t);
    if (!enter_blocks(P, 1, t)) return NULL;
    bool body_ok = block(P, &n->list, "'try' statement", t);
    P->blocks--;
    if (!body_ok) return NULL;
    int nstar = 0;
    Token *first_except = NULL;
    while (is_op(P, KW_EXCEPT)) {
        Token *et = P->t;
        if (!first_except) first_except = et;
        advance(P);
        bool star = accept(P, OP_STAR);
        if (star) nstar++;
        if ((star && nstar != (int)n->list2.n + 1) || (!star && nstar))
            return ERR(et, "cannot have both 'except' and 'except*' on the same 'try'"), NULL;
        if (star && is_op(P, OP_COLON)) return ERR(P->t, "expected one or more exception types"), NULL;
        Node *h = new_node(P, S_HANDLER, et);
        if (!is_op(P, OP_COLON)) {
            Token *tt = P->t;
            h->a = expression(P);
            if (!h->a) return NULL;
            if (is_op(P, OP_COMMA)) {
                Node *tup = new_node(P, E_TUPLE, tt);
                list_push(P, &tup->list, h->a);
                while (accept(P, OP_COMMA)) {
                    Node *x = expression(P);
                    if (!x) return NULL;
                    list_push(P, &tup->list, x);
                }
                return ERR(tt, "multiple exception types must be parenthesized"), NULL;
            }
            if (accept(P, KW_AS)) {
                if (!is_kind(P, T_NAME)) return syntax_error(P), NULL;
                h->name = tok_name(P, P->t);
                advance(P);
            }
        } else if (n->list2.n && false) {
        }
        for (size_t i = 0; i < n->list2.n; i++)
            if (!n->list2.v[i]->a)
                return error_at(P, n->list2.v[i]->line, n->list2.v[i]->col, "default 'except:' must be last"), NULL;
        if (!block(P, &h->list, star ? "'except*' statement" : "'except' statement", et)) return NULL;
        if (star && !star_body_ok(P, &h->list, 0)) return NULL;
        list_push(P, &n->list2, h);
    }
    if (nstar) {
        NodeList stars = n->list2;
        memset(&n->list2, 0, sizeof n->list2);
        list_push(P, &n->list2, star_handler(P, first_except, &stars));
    }
    if (is_op(P, KW_ELSE)) {
        if (!n->list2.n) return ERR(P->t, "expected 'except' or 'finally' block"), NULL;
        if (!else_block(P, &n->list3)) return NULL;
    }
    if (is_op(P, KW_FINALLY)) {
        Token *ft = P->t;
        advance(P);
        n->d = new_node(P, S_PASS, ft);
        if (!block(P, &n->d->list, "'finally' statement", ft)) return NULL;
    }
    if (!n->list2.n && !n->d) return ERR(P->t, "expected 'except' or 'finally' block"), NULL;
    return n;
}

/* funcdef: ['async'] 'def' NAME '(' [params] ')' ['->' expression] ':' block */
static Node *funcdef(Parser *P, Token *async_tok, NodeList *decorators)
{
    Token *t = P->t;
    advance(P);
    if (!is_kind(P, T_NAME)) return syntax_error(P), NULL;
    Node *n = new_node(P, S_FUNCDEF, async_tok ? async_tok : t);
    n->flags = async_tok ? FLAG_ASYNC : 0;
    n->name = tok_name(P, P->t);
    if (decorators) n->list2 = *decorators;
    advance(P);
    if (!expect(P, OP_LPAR)) return NULL;
    n->params = arena_alloc(&P->arena, sizeof(Params));
    if (!parameters(P, n->params, OP_RPAR, false)) return NULL;
    if (!expect(P, OP_RPAR)) return NULL;
    if (accept(P, OP_RARROW)) {
        n->a = expression(P);
        if (!n->a) return NULL;
    }
    int saved_loop = P->loop_depth, saved_async = P->async_depth, saved_blocks = P->blocks;
    P->loop_depth = 0;
    P->blocks = 0; /* a function counts its own blocks */
    P->async_depth = async_tok ? 1 : 0;
    P->func_depth++;
    bool ok = block(P, &n->list, "function definition", t);
    P->func_depth--;
    P->loop_depth = saved_loop;
    P->blocks = saved_blocks;
    P->async_depth = saved_async;
    return ok ? n : NULL;
}

/* classdef: 'class' NAME ['(' [args] ')'] ':' block */
static Node *classdef(Parser *P, NodeList *decorators)
{
    Token *t = P->t;
    advance(P);
    if (!is_kind(P, T_NAME)) return syntax_error(P), NULL;
    Node *n = new_node(P, S_CLASSDEF, t);
    n->name = tok_name(P, P->t);
    if (decorators) n->list3 = *decorators;
    advance(P);
    if (accept(P, OP_LPAR)) {
        Node *call = new_node(P, E_CALL, t);
        if (!call_args(P, call)) return NULL;
        n->list = call->list;
        n->b = call; /* keywords in call->list2 */
        for (size_t i = 0; i < call->list2.n; i++) {
            Node *k = call->list2.v[i];
            return error_at(P, k->line, k->col, "class keyword argument '%s' is not supported by the simulator",
                            k->name ? k->name : "**"), NULL;
        }
        for (size_t i = 0; i < n->list.n; i++)
            if (n->list.v[i]->kind == E_STARRED)
                return ERR(t, "starred base classes are not supported by the simulator"), NULL;
    }
    int saved_loop = P->loop_depth, saved_func = P->func_depth, saved_async = P->async_depth;
    P->loop_depth = 0;
    P->func_depth = 0;
    P->async_depth = 0;
    bool ok = block(P, &n->list2, "class definition", t);
    P->loop_depth = saved_loop;
    P->func_depth = saved_func;
    P->async_depth = saved_async;
    return ok ? n : NULL;
}

/* statement: compound_stmt | simple_stmts */
static bool statement(Parser *P, NodeList *out)
{
    if (!enter(P)) return false;
    Token *t = P->t;
    Node *n = NULL;
    bool ok = true;
    if (t->kind == T_INDENT) {
        ok = ERR(t, "unexpected indent");
    } else if (t->kind == T_KEYWORD) {
        switch (t->op) {
        case KW_IF: n = if_stmt(P); ok = n != NULL; break;
        case KW_WHILE: n = while_stmt(P); ok = n != NULL; break;
        case KW_FOR: n = for_stmt(P, NULL); ok = n != NULL; break;
        case KW_TRY: n = try_stmt(P); ok = n != NULL; break;
        case KW_WITH: n = with_stmt(P, NULL); ok = n != NULL; break;
        case KW_DEF: n = funcdef(P, NULL, NULL); ok = n != NULL; break;
        case KW_CLASS: n = classdef(P, NULL); ok = n != NULL; break;
        case KW_ASYNC: {
            advance(P);
            if (is_op(P, KW_DEF)) n = funcdef(P, t, NULL);
            else if (is_op(P, KW_WITH) || is_op(P, KW_FOR)) {
                if (P->async_depth == 0) {
                    ok = ERR(t, "'async %s' outside async function", lex_tok_op_text[P->t->op]);
                    break;
                }
                n = is_op(P, KW_WITH) ? with_stmt(P, t) : for_stmt(P, t);
            } else {
                ok = syntax_error(P);
                break;
            }
            ok = n != NULL;
            break;
        }
        case KW_ELSE: case KW_ELIF: case KW_EXCEPT: case KW_FINALLY:
            ok = ERR(t, "invalid syntax ('%s' without a matching statement)", lex_tok_op_text[t->op]);
            break;
        default:
            ok = simple_stmts(P, out);
            break;
        }
    } else if (t->kind == T_OP && t->op == OP_AT) {
        NodeList decos = {0};
        while (is_op(P, OP_AT)) {
            advance(P);
            Node *d = named_expression(P);
            if (!d) {
                ok = false;
                break;
            }
            list_push(P, &decos, d);
            if (!is_kind(P, T_NEWLINE)) {
                ok = syntax_error(P);
                break;
            }
            advance(P);
        }
        if (ok) {
            Token *at = P->t;
            if (is_op(P, KW_DEF)) n = funcdef(P, NULL, &decos);
            else if (is_op(P, KW_CLASS)) n = classdef(P, &decos);
            else if (is_op(P, KW_ASYNC) && peek(P, 1)->kind == T_KEYWORD && peek(P, 1)->op == KW_DEF) {
                advance(P);
                n = funcdef(P, at, &decos);
            } else
                ok = syntax_error(P);
            if (ok) ok = n != NULL;
        }
    } else if (t->kind == T_NAME && t->len == 5 && memcmp(t->start, "match", 5) == 0 &&
               peek(P, 1)->kind != T_OP) {
        /* 'match' is a soft keyword: a statement 'match x:' starts a match block */
        Token *q = P->t;
        while (q->kind != T_NEWLINE && q->kind != T_EOF) q++;
        if (q > P->t && q[-1].kind == T_OP && q[-1].op == OP_COLON)
            ok = ERR(t, "'match' statements are not supported by the simulator");
        else
            ok = simple_stmts(P, out);
    } else {
        ok = simple_stmts(P, out);
    }
    if (ok && n) list_push(P, out, n);
    LEAVE(P);
    return ok && !P->failed;
}

void parse_module_free(Module *m)
{
    arena_free(m->arena);
    m->arena = NULL;
}

bool parse_module(const char *src, size_t len, Module *out, ParseError *err)
{
    memset(out, 0, sizeof *out);
    memset(err, 0, sizeof *err);
    TokenList tl = {0};
    LexError le;
    if (!lex_source(src, len, 1, 1, false, &tl, &le)) {
        err->line = le.line;
        err->col = le.col;
        snprintf(err->msg, sizeof err->msg, "%s", le.msg);
        lex_free(&tl);
        return false;
    }
    Parser P;
    memset(&P, 0, sizeof P);
    P.toks = P.t = tl.v;
    P.ntoks = tl.n;
    P.err = err;
    P.src = src;
    while (!is_kind(&P, T_EOF)) {
        if (is_kind(&P, T_NEWLINE)) {
            advance(&P);
            continue;
        }
        if (!statement(&P, &out->body)) break;
    }
    /* The module docstring carries the scenario header. */
    if (!P.failed && out->body.n) {
        Node *s = out->body.v[0];
        if (s->kind == S_EXPR && s->a->kind == E_CONST && s->a->op == C_STR) {
            out->docstring = s->a->sval;
            out->doc_line = s->a->line;
            Token *dt = tl.v;
            while (dt->kind != T_STRING && dt->kind != T_EOF) dt++;
            out->doc_body_line = dt->kind == T_STRING ? dt->body_line : s->a->line;
        }
    }
    lex_free(&tl);
    out->arena = P.arena;
    if (P.failed) {
        parse_module_free(out);
        memset(out, 0, sizeof *out);
        return false;
    }
    return true;
}
