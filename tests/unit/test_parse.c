/* test_parse.c - the parser (sim/parse.h, sim/ast.h). */
#include "check.h"
#include "parse.h"
#include "lex.h"

#include <stdio.h>
#include <stdlib.h>

static bool parse(const char *src, Module *m, ParseError *err)
{
    return parse_module(src, strlen(src), m, err);
}

/* Parse src, reporting a parse error as the test's failure. */
static bool parse_ok(const char *src, Module *m)
{
    ParseError err;
    if (parse(src, m, &err)) return true;
    FAILF("parse error %d:%d: %s", err.line, err.col, err.msg);
    return false;
}

/* ---- the AST as an s-expression, for compact shape checks ---- */

static void sx(const Node *n, SBuf *b);

static void sx_list(const NodeList *l, SBuf *b)
{
    for (size_t i = 0; i < l->n; i++) {
        sb_putc(b, ' ');
        sx(l->v[i], b);
    }
}

static const char *op_text(int op)
{
    if (op == -KW_IN) return "not in";
    if (op == -KW_IS) return "is not";
    return op > 0 && op < OP_COUNT_ ? lex_tok_op_text[op] : "?";
}

static void sx_comp(const char *tag, const Node *n, SBuf *b)
{
    sb_printf(b, "(%s ", tag);
    sx(n->a, b);
    if (n->kind == E_DICTCOMP) {
        sb_putc(b, ' ');
        sx(n->b, b);
    }
    for (size_t i = 0; i < n->list.n; i++) {
        const Node *g = n->list.v[i];
        sb_puts(b, " (for ");
        sx(g->a, b);
        sb_putc(b, ' ');
        sx(g->b, b);
        for (size_t k = 0; k < g->list.n; k++) {
            sb_puts(b, " if ");
            sx(g->list.v[k], b);
        }
        sb_putc(b, ')');
    }
    sb_putc(b, ')');
}

static void sx(const Node *n, SBuf *b)
{
    if (!n) {
        sb_puts(b, "_");
        return;
    }
    switch (n->kind) {
    case E_NAME: sb_puts(b, n->name); break;
    case E_CONST:
        switch (n->op) {
        case C_NONE: sb_puts(b, "None"); break;
        case C_TRUE: sb_puts(b, "True"); break;
        case C_FALSE: sb_puts(b, "False"); break;
        case C_INT: sb_printf(b, "%lld", (long long)n->ival); break;
        case C_FLOAT: sb_printf(b, "%g", n->fval); break;
        case C_STR: sb_printf(b, "'%.*s'", n->slen, n->sval); break;
        default: sb_puts(b, "..."); break;
        }
        break;
    case E_BINOP:
    case E_UNARY:
        sb_printf(b, "(%s ", op_text(n->op));
        sx(n->a, b);
        if (n->kind == E_BINOP) {
            sb_putc(b, ' ');
            sx(n->b, b);
        }
        sb_putc(b, ')');
        break;
    case E_BOOLOP:
        sb_printf(b, "(%s", op_text(n->op));
        sx_list(&n->list, b);
        sb_putc(b, ')');
        break;
    case E_COMPARE:
        sb_puts(b, "(cmp ");
        sx(n->a, b);
        for (size_t i = 0; i < n->list.n; i++) {
            sb_printf(b, " %s ", op_text(n->ops[i]));
            sx(n->list.v[i], b);
        }
        sb_putc(b, ')');
        break;
    case E_CALL:
        sb_puts(b, "(call ");
        sx(n->a, b);
        sx_list(&n->list, b);
        for (size_t i = 0; i < n->list2.n; i++) {
            sb_printf(b, " %s=", n->list2.v[i]->name ? n->list2.v[i]->name : "**");
            sx(n->list2.v[i]->a, b);
        }
        sb_putc(b, ')');
        break;
    case E_ATTR:
        sb_puts(b, "(. ");
        sx(n->a, b);
        sb_printf(b, " %s)", n->name);
        break;
    case E_SUBSCRIPT:
        sb_puts(b, "([] ");
        sx(n->a, b);
        sb_putc(b, ' ');
        sx(n->b, b);
        sb_putc(b, ')');
        break;
    case E_SLICE:
        sb_puts(b, "(: ");
        sx(n->a, b);
        sb_putc(b, ' ');
        sx(n->b, b);
        sb_putc(b, ' ');
        sx(n->c, b);
        sb_putc(b, ')');
        break;
    case E_TUPLE: sb_puts(b, "(tuple"); sx_list(&n->list, b); sb_putc(b, ')'); break;
    case E_LIST: sb_puts(b, "(list"); sx_list(&n->list, b); sb_putc(b, ')'); break;
    case E_SET: sb_puts(b, "(set"); sx_list(&n->list, b); sb_putc(b, ')'); break;
    case E_DICT:
        sb_puts(b, "(dict");
        for (size_t i = 0; i < n->list.n; i++) {
            sb_putc(b, ' ');
            if (n->list.v[i]) sx(n->list.v[i], b);
            else sb_puts(b, "**");
            sb_putc(b, ':');
            sx(n->list2.v[i], b);
        }
        sb_putc(b, ')');
        break;
    case E_STARRED: sb_puts(b, "(* "); sx(n->a, b); sb_putc(b, ')'); break;
    case E_YIELD:
        sb_puts(b, "(yield");
        if (n->a) {
            sb_putc(b, ' ');
            sx(n->a, b);
        }
        sb_putc(b, ')');
        break;
    case E_YIELDFROM: sb_puts(b, "(yield-from "); sx(n->a, b); sb_putc(b, ')'); break;
    case E_LAMBDA: sb_puts(b, "(lambda "); sx(n->a, b); sb_putc(b, ')'); break;
    case E_IFEXP:
        sb_puts(b, "(if ");
        sx(n->a, b);
        sb_putc(b, ' ');
        sx(n->b, b);
        sb_putc(b, ' ');
        sx(n->c, b);
        sb_putc(b, ')');
        break;
    case E_LISTCOMP: sx_comp("listcomp", n, b); break;
    case E_SETCOMP: sx_comp("setcomp", n, b); break;
    case E_GENEXP: sx_comp("genexp", n, b); break;
    case E_DICTCOMP: sx_comp("dictcomp", n, b); break;
    case E_FSTRING: sb_puts(b, "(f"); sx_list(&n->list, b); sb_putc(b, ')'); break;
    case E_FORMATTED:
        sb_puts(b, "(fmt ");
        sx(n->a, b);
        if (n->flags) sb_printf(b, " !%c", n->flags);
        if (n->b) {
            sb_putc(b, ' ');
            sx(n->b, b);
        }
        sb_putc(b, ')');
        break;
    case E_NAMEDEXPR:
        sb_puts(b, "(:= ");
        sx(n->a, b);
        sb_putc(b, ' ');
        sx(n->b, b);
        sb_putc(b, ')');
        break;
    case S_EXPR: sx(n->a, b); break;
    case S_ASSIGN:
        sb_puts(b, "(=");
        sx_list(&n->list, b);
        sb_putc(b, ' ');
        sx(n->a, b);
        sb_putc(b, ')');
        break;
    default: sb_printf(b, "<%s>", parse_node_kind_name[n->kind]); break;
    }
}

/* The first statement of src as an s-expression ("" when parsing fails). */
static char *first_sx(const char *src)
{
    Module m;
    ParseError err;
    SBuf b = {0};
    sb_put(&b, "", 0);
    if (!parse(src, &m, &err)) {
        FAILF("parse of %s failed: %d:%d %s", src, err.line, err.col, err.msg);
        return sb_take(&b);
    }
    if (m.body.n) sx(m.body.v[0], &b);
    parse_module_free(&m);
    return sb_take(&b);
}

static void check_sx(const char *src, const char *want)
{
    char *got = first_sx(src);
    CHECK_EQ_STR(got, want);
    free(got);
}

/* Parsing src must fail at line:col (col 0: not checked) with msg in the
 * message. */
static void check_parse_error(const char *src, int line, int col, const char *msg)
{
    Module m;
    ParseError err;
    if (parse(src, &m, &err)) {
        FAILF("no error for %s (expected \"%s\")", src, msg);
        parse_module_free(&m);
        return;
    }
    CHECK_CONTAINS(err.msg, msg);
    CHECK_EQ_INT(err.line, line);
    if (col) CHECK_EQ_INT(err.col, col);
    CHECK(m.body.n == 0 && m.arena == NULL);
}

/* ---- tests ---- */

static void test_precedence_arith(void)
{
    check_sx("1 + 2 * 3 ** -4\n", "(+ 1 (* 2 (** 3 (- 4))))");
    check_sx("-2 ** 2 ** 3\n", "(- (** 2 (** 2 3)))");
    check_sx("a - b - c // d % e\n", "(- (- a b) (% (// c d) e))");
    check_sx("a | b ^ c & d << 1 + 2\n", "(| a (^ b (& c (<< d (+ 1 2)))))");
    check_sx("(1 + 2) * 3\n", "(* (+ 1 2) 3)");
    check_sx("x.y[1](2).z\n", "(. (call ([] (. x y) 1) 2) z)");
}

static void test_precedence_logic(void)
{
    check_sx("not a == b and c or d\n", "(or (and (not (cmp a == b)) c) d)");
    check_sx("a or b or c and not d\n", "(or a b (and c (not d)))");
    check_sx("(y := 5)\n", "(:= y 5)");
}

static void test_chained_comparison(void)
{
    check_sx("a < b <= c != d in e not in f is g is not h > i >= j == k\n",
             "(cmp a < b <= c != d in e not in f is g is not h > i >= j == k)");
    Module m;
    if (parse_ok("0 < x < 10\n", &m)) {
        const Node *c = m.body.v[0]->a;
        CHECK_EQ_INT(c->kind, E_COMPARE);
        CHECK_EQ_INT(c->list.n, 2);
        CHECK_EQ_INT(c->ops[0], OP_LESS);
        CHECK_EQ_INT(c->ops[1], OP_LESS);
        CHECK_EQ_INT(c->col, 1);
        CHECK_EQ_INT(c->end_col, 11);
        parse_module_free(&m);
    }
}

static void test_lambda_and_conditional(void)
{
    Module m;
    if (parse_ok("f = lambda x, y=2, *a, k, m=3, **kw: x if y else k\n", &m)) {
        const Node *s = m.body.v[0];
        CHECK_EQ_INT(s->kind, S_ASSIGN);
        const Node *l = s->a;
        if (CHECK_EQ_INT(l->kind, E_LAMBDA)) {
            const Params *p = l->params;
            CHECK_EQ_INT(p->args.n, 2);
            CHECK_EQ_INT(p->defaults.n, 1);
            CHECK_EQ_INT(p->kwonly.n, 2);
            CHECK(p->kw_defaults.n == 2 && p->kw_defaults.v[0] == NULL && p->kw_defaults.v[1] != NULL);
            CHECK(p->vararg && strcmp(p->vararg->name, "a") == 0);
            CHECK(p->kwarg && strcmp(p->kwarg->name, "kw") == 0);
            SBuf b = {0};
            sx(l->a, &b);
            CHECK_EQ_STR(b.s, "(if y x k)");  /* a=test b=body c=orelse */
            sb_free(&b);
        }
        parse_module_free(&m);
    }
    check_sx("x = a if b else c if d else e\n", "(= x (if b a (if d c e)))");
    check_sx("f = lambda: (yield_ := 1)\n", "(= f (lambda (:= yield_ 1)))");
    check_parse_error("x = 1 if y\n", 1, 0, "expected 'else' after 'if' expression");
}

static void test_comprehensions(void)
{
    check_sx("[x * y for x in a if x if y for y in b]\n",
             "(listcomp (* x y) (for x a if x if y) (for y b))");
    check_sx("{k: v for k, v in d.items()}\n", "(dictcomp k v (for (tuple k v) (call (. d items))))");
    check_sx("{x for x in s}\n", "(setcomp x (for x s))");
    check_sx("(x for x in s)\n", "(genexp x (for x s))");
    check_sx("sum(x for x in s)\n", "(call sum (genexp x (for x s)))");
    check_sx("[(a, b) for a, *b in z]\n", "(listcomp (tuple a b) (for (tuple a (* b)) z))");
    check_parse_error("f(x for x in s, 1)\n", 1, 3, "Generator expression must be parenthesized");
}

static void test_decorators(void)
{
    Module m;
    if (parse_ok("@d1\n@d2(3)\n@a.b\ndef f(): pass\n@dec\nclass C: pass\n", &m) &&
        CHECK_EQ_INT(m.body.n, 2)) {
        const Node *f = m.body.v[0];
        CHECK_EQ_INT(f->kind, S_FUNCDEF);
        CHECK_EQ_STR(f->name, "f");
        CHECK_EQ_INT(f->line, 4);   /* the line of 'def', as in CPython 3.8+ */
        if (CHECK_EQ_INT(f->list2.n, 3)) {
            SBuf b = {0};
            for (size_t i = 0; i < 3; i++) {
                sx(f->list2.v[i], &b);
                sb_putc(&b, ';');
            }
            CHECK_EQ_STR(b.s, "d1;(call d2 3);(. a b);");
            sb_free(&b);
        }
        const Node *c = m.body.v[1];
        CHECK_EQ_INT(c->kind, S_CLASSDEF);
        CHECK_EQ_INT(c->list3.n, 1);
        parse_module_free(&m);
    }
    check_parse_error("@dec\nx = 1\n", 2, 1, "invalid syntax");
}

static void test_try_fields(void)
{
    Module m;
    const char *src = "try:\n    a\n    b\nexcept ValueError as e:\n    c\nexcept (KeyError, IndexError):\n    pass\n"
                      "except:\n    d\nelse:\n    e2\nfinally:\n    f\n    g\n";
    if (parse_ok(src, &m)) {
        const Node *t = m.body.v[0];
        CHECK_EQ_INT(t->kind, S_TRY);
        CHECK_EQ_INT(t->list.n, 2);
        if (CHECK_EQ_INT(t->list2.n, 3)) {
            const Node *h0 = t->list2.v[0], *h1 = t->list2.v[1], *h2 = t->list2.v[2];
            CHECK_EQ_INT(h0->kind, S_HANDLER);
            CHECK(h0->a && h0->a->kind == E_NAME && strcmp(h0->a->name, "ValueError") == 0);
            CHECK(h0->name && strcmp(h0->name, "e") == 0);
            CHECK_EQ_INT(h0->line, 4);
            CHECK(h1->a && h1->a->kind == E_TUPLE && h1->a->list.n == 2 && h1->name == NULL);
            CHECK(h2->a == NULL && h2->list.n == 1);
        }
        CHECK_EQ_INT(t->list3.n, 1);
        CHECK(t->d && t->d->list.n == 2);
        parse_module_free(&m);
    }
    if (parse_ok("try:\n    pass\nfinally:\n    pass\n", &m)) {
        const Node *t = m.body.v[0];
        CHECK(t->list2.n == 0 && t->list3.n == 0 && t->d && t->d->list.n == 1);
        parse_module_free(&m);
    }
    check_parse_error("try:\n  pass\nexcept A, B:\n  pass\n", 3, 8, "multiple exception types must be parenthesized");
    check_parse_error("try:\n  pass\nelse:\n  pass\n", 3, 1, "expected 'except' or 'finally' block");
}

static void test_with_items(void)
{
    Module m;
    if (parse_ok("with a as x, b, c() as (y, z):\n    pass\n", &m)) {
        const Node *w = m.body.v[0];
        CHECK_EQ_INT(w->kind, S_WITH);
        if (CHECK_EQ_INT(w->list.n, 3)) {
            CHECK(w->list.v[0]->b && w->list.v[0]->b->kind == E_NAME);
            CHECK(w->list.v[1]->b == NULL);
            CHECK(w->list.v[2]->a->kind == E_CALL && w->list.v[2]->b && w->list.v[2]->b->kind == E_TUPLE);
        }
        CHECK_EQ_INT(w->list2.n, 1);
        parse_module_free(&m);
    }
    /* 3.10 parenthesised items, and a parenthesised tuple expression */
    if (parse_ok("with (open_a() as a,\n      open_b() as b,):\n    pass\nwith (x, y):\n    pass\n", &m)) {
        CHECK_EQ_INT(m.body.v[0]->list.n, 2);
        CHECK_EQ_INT(m.body.v[1]->list.n, 1);
        CHECK_EQ_INT(m.body.v[1]->list.v[0]->a->kind, E_TUPLE);
        parse_module_free(&m);
    }
    check_parse_error("with a as f():\n    pass\n", 1, 11, "cannot assign to function call");
}

static void test_star_assignment_targets(void)
{
    check_sx("a, *b, c = d\n", "(= (tuple a (* b) c) d)");
    check_sx("[x, *y] = first, *rest = z\n", "(= (list x (* y)) (tuple first (* rest)) z)");
    check_sx("x = *a, *b\n", "(= x (tuple (* a) (* b)))");
    check_sx("for i, (j, *k) in it: pass\n", "<S_FOR>");
    check_parse_error("a, *b, *c = d\n", 1, 0, "multiple starred expressions in assignment");
    check_parse_error("*a = b\n", 1, 1, "starred assignment target must be in a list or tuple");
}

static void test_fstring_parts(void)
{
    check_sx("f'a{x!r:>{w}}b{y=}{z:08.3f}'\n",
             "(f 'a' (fmt x !r (f '>' (fmt w))) 'b' 'y=' (fmt y !r) (fmt z (f '08.3f')))");
    check_sx("'ab' f'{1}' \"c\"\n", "(f 'ab' (fmt 1) 'c')");
    check_sx("'ab' 'cd'\n", "'abcd'");
    check_sx("f'{{x}}'\n", "(f '{x}')");
}

static void test_err_expected_colon(void)
{
    check_parse_error("if x\n    pass\n", 1, 5, "expected ':'");
    check_parse_error("def f(a)\n  pass\n", 1, 9, "expected ':'");
    check_parse_error("for x in y:\n  pass\nelse\n  pass\n", 3, 5, "expected ':'");
    check_parse_error("class A:\nreturn 1\n", 2, 1, "expected an indented block after class definition on line 1");
}

static void test_err_return_outside_function(void)
{
    check_parse_error("return 5\n", 1, 1, "'return' outside function");
    check_parse_error("def f():\n    pass\nclass A:\n    return 1\n", 4, 5, "'return' outside function");
    check_sx("def f():\n    class A:\n        x = lambda: 1\n    return A\n", "<S_FUNCDEF>");
}

static void test_err_break_continue_outside_loop(void)
{
    check_parse_error("x = 1\nbreak\n", 2, 1, "'break' outside loop");
    check_parse_error("while x:\n    continue\ncontinue\n", 3, 1, "'continue' not properly in loop");
    /* a def inside a loop starts a fresh function: no loop there */
    check_parse_error("for x in y:\n    def g():\n        break\n", 3, 9, "'break' outside loop");
    check_sx("while a:\n    if b:\n        break\n    else:\n        continue\n", "<S_WHILE>");
}

static void test_err_cannot_assign(void)
{
    check_parse_error("f() = 3\n", 1, 1, "cannot assign to function call here. Maybe you meant '==' instead of '='?");
    check_parse_error("1 = x\n", 1, 1, "cannot assign to literal here");
    check_parse_error("x = None = 1\n", 1, 5, "cannot assign to None");
    check_parse_error("a + b = 1\n", 1, 1, "cannot assign to expression here");
    check_parse_error("for f() in y: pass\n", 1, 5, "cannot assign to function call");
    check_parse_error("del f()\n", 1, 5, "cannot delete function call");
    check_parse_error("(a, b) += 1\n", 1, 1, "'tuple' is an illegal expression for augmented assignment");
}

static void test_yield(void)
{
    check_sx("f = lambda: (yield 1)\n", "(= f (lambda (yield 1)))");
    check_sx("f = lambda: (yield)\n", "(= f (lambda (yield)))");
    check_sx("f = lambda: (yield a, b)\n", "(= f (lambda (yield (tuple a b))))");
    check_sx("f = lambda: (yield from g())\n", "(= f (lambda (yield-from (call g))))");
}

static void test_err_yield(void)
{
    check_parse_error("yield 1\n", 1, 1, "'yield' outside function");
    check_parse_error("x = (yield)\n", 1, 6, "'yield' outside function");
    check_parse_error("async def f():\n    yield from g()\n", 2, 5, "'yield from' inside async function");
}

static void test_err_fstring_expressions(void)
{
    check_parse_error("x = f'{a!x}'\n", 1, 0, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
    check_parse_error("x = f'abc}'\n", 1, 0, "f-string: single '}' is not allowed");
    check_parse_error("x = f'{a'\n", 1, 0, "f-string: expecting '}'");
    check_parse_error("y = 1\nx = f'{a $ b}'\n", 2, 10, "f-string: invalid character '$'");
    check_parse_error("x = f'{a b}'\n", 1, 0, "invalid syntax");
    check_parse_error("x = f'{a:{b:{c:{d}}}}'\n", 1, 0, "f-string: expressions nested too deeply");
}

static void test_err_misc_positions(void)
{
    check_parse_error("f(a=1, a=2)\n", 1, 8, "keyword argument repeated: a");
    check_parse_error("f(a=1, b)\n", 1, 8, "positional argument follows keyword argument");
    check_parse_error("def f(a=1, b): pass\n", 1, 12, "non-default argument follows default argument");
    check_parse_error("def f(a, a): pass\n", 1, 10, "duplicate argument 'a' in function definition");
    check_parse_error("x = {1: 2, 3}\n", 1, 12, "':' expected after dictionary key");
    check_parse_error("x = 1\n  y = 2\n", 2, 0, "unexpected indent");
    check_parse_error("x = a b\n", 1, 7, "invalid syntax");
}

static void test_deep_nesting_is_an_error(void)
{
    /* 500 '(' : an error (CPython: "too many nested parentheses"), no crash */
    char src[1100];
    size_t n = 0;
    for (int i = 0; i < 500; i++) src[n++] = '(';
    src[n++] = '1';
    for (int i = 0; i < 500; i++) src[n++] = ')';
    src[n++] = '\n';
    src[n] = 0;
    check_parse_error(src, 1, 0, "too many nested parentheses");
    /* 150 levels are fine, as in CPython */
    n = 0;
    for (int i = 0; i < 150; i++) src[n++] = '[';
    for (int i = 0; i < 150; i++) src[n++] = ']';
    src[n++] = '\n';
    src[n] = 0;
    Module m;
    if (parse_ok(src, &m)) parse_module_free(&m);
    /* deep nesting without brackets goes through the parser's own guard */
    SBuf b = {0};
    sb_puts(&b, "x = ");
    for (int i = 0; i < 2000; i++) sb_puts(&b, "-");
    sb_puts(&b, "1\ny = ");
    for (int i = 0; i < 2000; i++) sb_puts(&b, "not ");
    sb_puts(&b, "1\n");
    check_parse_error(b.s, 1, 0, "too many nested");
    sb_free(&b);
    for (int i = 0; i < 1000; i++) sb_puts(&b, "lambda: ");
    sb_puts(&b, "1\n");
    check_parse_error(b.s, 1, 0, "too many nested");
    sb_free(&b);
}

static void test_module_docstring(void)
{
    Module m;
    if (parse_ok("\n# c\n\"\"\"\ncores: 4\n\"\"\"\nx = 1\n", &m)) {
        CHECK_EQ_STR(m.docstring, "\ncores: 4\n");
        CHECK_EQ_INT(m.doc_line, 3);
        CHECK_EQ_INT(m.doc_body_line, 3);
        CHECK_EQ_INT(m.body.n, 2);
        parse_module_free(&m);
    }
    if (parse_ok("x = 1\n'not a docstring'\n", &m)) {
        CHECK(m.docstring == NULL);
        parse_module_free(&m);
    }
}

/* Bug: an empty f-string expression makes parse_module return true (with
 * the statements before it only): parse_sub_expression copies the parser,
 * reports the error on the original, then overwrites its `failed` flag with
 * the copy's.  sim_load_source then runs the truncated program. */
static void test_bug_fstring_empty_expression(void)
{
    check_parse_error("print(1)\nx = f'{}'\nprint(2)\n", 2, 0, "f-string: empty expression not allowed");
    check_parse_error("x = f'{ }'\n", 1, 0, "f-string: empty expression not allowed");
}

/* Bug: some syntax errors are reported at other places than CPython 3.11
 * reports them (tests/errors/README.md: positions are CPython's), and one
 * with another message. */
static void test_bug_error_positions(void)
{
    check_parse_error("x = 1 if y\n", 1, 5, "expected 'else' after 'if' expression");
    check_parse_error("try:\n  pass\nexcept:\n  pass\nexcept ValueError:\n  pass\n", 3, 1,
                      "default 'except:' must be last");
    check_parse_error("a, *b, *c = d\n", 1, 1, "multiple starred expressions in assignment");
    check_parse_error("print(a b)\n", 1, 7, "invalid syntax. Perhaps you forgot a comma?");
}

static void parse_power_chain(void *arg)
{
    int terms = *(int *)arg;
    SBuf b = {0};
    /* one term a line, inside parentheses: the lexer's column counting is
     * linear in the line length, so a single long line would be slow */
    sb_puts(&b, "x = (2");
    for (int i = 1; i < terms; i++) sb_puts(&b, "\n**2");
    sb_puts(&b, ")\n");
    Module m;
    ParseError err;
    if (parse_module(b.s, b.n, &m, &err)) parse_module_free(&m);
    sb_free(&b);
}

/* Bug: power() -> factor() -> power() recursion has no depth guard (only
 * unary operators call enter()), so a long `a**b**c...` chain overflows the
 * C stack instead of reporting "too many nested ..." like `- - - 1` does. */
static void test_bug_deep_power_chain(void)
{
    int terms = 1000000;
    char why[200];
    if (!run_isolated(parse_power_chain, &terms, 60, why, sizeof why))
        FAILF("parsing 'x = (2**2**...)' with %d terms crashed: %s", terms, why);
}

const TestCase parse_tests[] = {
    {"parse_precedence_arith", test_precedence_arith},
    {"parse_precedence_logic", test_precedence_logic},
    {"parse_chained_comparison", test_chained_comparison},
    {"parse_lambda_and_conditional", test_lambda_and_conditional},
    {"parse_comprehensions", test_comprehensions},
    {"parse_decorators", test_decorators},
    {"parse_try_fields", test_try_fields},
    {"parse_with_items", test_with_items},
    {"parse_star_assignment_targets", test_star_assignment_targets},
    {"parse_fstring_parts", test_fstring_parts},
    {"parse_module_docstring", test_module_docstring},
    {"parse_err_expected_colon", test_err_expected_colon},
    {"parse_err_return_outside_function", test_err_return_outside_function},
    {"parse_err_break_continue_outside_loop", test_err_break_continue_outside_loop},
    {"parse_err_cannot_assign", test_err_cannot_assign},
    {"parse_yield", test_yield},
    {"parse_err_yield", test_err_yield},
    {"parse_err_fstring_expressions", test_err_fstring_expressions},
    {"parse_err_misc_positions", test_err_misc_positions},
    {"parse_deep_nesting_is_an_error", test_deep_nesting_is_an_error},
    {"bug_parse_fstring_empty_expression", test_bug_fstring_empty_expression},
    {"bug_parse_deep_power_chain", test_bug_deep_power_chain},
    {"bug_parse_error_positions", test_bug_error_positions},
    TEST_END,
};
