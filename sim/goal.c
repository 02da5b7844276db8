/* goal.c - parsing a challenge's goal and checking it on a run (goal.h).
 *
 * A goal is a small tree of and/or/not over conditions.  It is evaluated
 * with three values: while the run goes, what depends on its end is not
 * known, so the goal holds early only when it holds whatever that turns
 * out to be. */
#include "goal.h"
#include "sched.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum {
    G_AND, G_OR, G_NOT,
    G_STDOUT_EQ, G_STDOUT_NE, G_STDOUT_HAS, G_DEADLOCK, G_EXCEPTION, G_TOGETHER, G_ENDS,
} GoalKind;

typedef struct GNode {
    GoalKind kind;
    struct GNode *a, *b;
    char *text;           /* stdout's TEXT, exception's NAME (or NULL) */
    size_t len;
    int n, from, to;      /* together */
    bool seen;            /* it held at some point (the monotone conditions) */
} GNode;

struct Goal {
    GNode *root;
    size_t events_seen;   /* trace events looked at for exceptions */
};

enum { NO, YES, UNKNOWN };

/* ---- parsing ---- */

typedef struct Parser {
    const char *p;
    char *err;
    size_t errn;
    bool failed;
} Parser;

static void fail(Parser *P, const char *msg)
{
    if (P->failed) return;
    P->failed = true;
    snprintf(P->err, P->errn, "%s", msg);
}

static void skip_space(Parser *P)
{
    while (*P->p == ' ' || *P->p == '\t' || *P->p == '\r') P->p++;
}

/* The next word (letters, digits, _), if it is `w`: consume it. */
static bool word_is(Parser *P, const char *w)
{
    skip_space(P);
    size_t n = strlen(w);
    if (strncmp(P->p, w, n) != 0 || isalnum((unsigned char)P->p[n]) || P->p[n] == '_') return false;
    P->p += n;
    return true;
}

static bool read_int(Parser *P, int *out)
{
    skip_space(P);
    if (!isdigit((unsigned char)*P->p)) return false;
    long v = strtol(P->p, (char **)&P->p, 10);
    if (v < 0 || v > 1000000) return false;
    *out = (int)v;
    return true;
}

static bool read_string(Parser *P, char **out, size_t *len)
{
    skip_space(P);
    if (*P->p != '"') return false;
    P->p++;
    SBuf b = {0};
    sb_put(&b, "", 0);
    while (*P->p && *P->p != '"' && *P->p != '\n') {
        char c = *P->p++;
        if (c == '\\') {
            c = *P->p++;
            switch (c) {
            case 'n': c = '\n'; break;
            case 't': c = '\t'; break;
            case '"': case '\\': break;
            default:
                sb_free(&b);
                fail(P, "unknown escape in a goal's text (known: \\n \\t \\\" \\\\)");
                return false;
            }
        }
        sb_putc(&b, c);
    }
    if (*P->p != '"') {
        sb_free(&b);
        fail(P, "a goal's text is missing its closing \"");
        return false;
    }
    P->p++;
    *len = b.n;
    *out = sb_take(&b);
    return true;
}

static GNode *node(GoalKind k)
{
    GNode *n = xcalloc(1, sizeof *n);
    n->kind = k;
    return n;
}

static void free_node(GNode *n)
{
    if (!n) return;
    free_node(n->a);
    free_node(n->b);
    free(n->text);
    free(n);
}

static GNode *parse_or(Parser *P);

static GNode *parse_atom(Parser *P)
{
    skip_space(P);
    if (!*P->p || *P->p == '\n') {
        fail(P, "the goal ends where a condition was expected");
        return NULL;
    }
    if (*P->p == '(') {
        P->p++;
        GNode *n = parse_or(P);
        skip_space(P);
        if (*P->p != ')') {
            free_node(n);
            fail(P, "a '(' in the goal is not closed");
            return NULL;
        }
        P->p++;
        return n;
    }
    if (word_is(P, "not")) {
        GNode *n = node(G_NOT);
        n->a = parse_atom(P);
        if (!n->a) {
            free_node(n);
            return NULL;
        }
        return n;
    }
    if (word_is(P, "stdout")) {
        skip_space(P);
        GoalKind k;
        if (strncmp(P->p, "==", 2) == 0) k = G_STDOUT_EQ, P->p += 2;
        else if (strncmp(P->p, "!=", 2) == 0) k = G_STDOUT_NE, P->p += 2;
        else if (word_is(P, "contains")) k = G_STDOUT_HAS;
        else {
            fail(P, "expected ==, != or contains after stdout");
            return NULL;
        }
        GNode *n = node(k);
        if (!read_string(P, &n->text, &n->len)) {
            free_node(n);
            fail(P, "expected a text in double quotes after stdout ==, != or contains");
            return NULL;
        }
        return n;
    }
    if (word_is(P, "deadlock")) return node(G_DEADLOCK);
    if (word_is(P, "ends")) return node(G_ENDS);
    if (word_is(P, "exception")) {
        GNode *n = node(G_EXCEPTION);
        skip_space(P);
        const char *s = P->p;
        while (isalnum((unsigned char)*P->p) || *P->p == '_') P->p++;
        size_t len = (size_t)(P->p - s);
        bool keyword = (len == 3 && (strncmp(s, "and", 3) == 0 || strncmp(s, "not", 3) == 0)) ||
                       (len == 2 && strncmp(s, "or", 2) == 0);
        if (keyword) P->p = s;
        else if (len) n->text = xstrndup(s, len);
        return n;
    }
    bool one_line = false;
    if (word_is(P, "together") || (one_line = word_is(P, "line"))) {
        GNode *n = node(G_TOGETHER);
        n->n = 1;
        if (!one_line && (!read_int(P, &n->n) || n->n < 1 || !word_is(P, "lines"))) {
            free_node(n);
            fail(P, "expected `together N lines A-B`");
            return NULL;
        }
        if (!read_int(P, &n->from)) {
            free_node(n);
            fail(P, one_line ? "expected `line N`" : "expected `together N lines A-B`");
            return NULL;
        }
        n->to = n->from;
        skip_space(P);
        if (!one_line && *P->p == '-') {
            P->p++;
            if (!read_int(P, &n->to) || n->to < n->from) {
                free_node(n);
                fail(P, "expected `together N lines A-B` with A <= B");
                return NULL;
            }
        }
        return n;
    }
    char msg[160];
    snprintf(msg, sizeof msg, "unknown goal condition at '%.40s' (known: stdout, deadlock, exception, together, line, ends, not)", P->p);
    fail(P, msg);
    return NULL;
}

/* `and` joins the atoms (so does a newline: each goal: line is one more
 * condition), `or` joins the and-chains: a left-leaning chain of kind
 * over what operand parses. */
static bool and_sep(Parser *P) { return word_is(P, "and") || (skip_space(P), *P->p == '\n' && P->p++); }
static bool or_sep(Parser *P) { return word_is(P, "or"); }

static GNode *parse_chain(Parser *P, int kind, GNode *(*operand)(Parser *), bool (*sep)(Parser *))
{
    GNode *l = operand(P);
    while (l && sep(P)) {
        GNode *n = node(kind);
        n->a = l;
        n->b = operand(P);
        l = n;
        if (!n->b) break;
    }
    if (P->failed) {
        free_node(l);
        return NULL;
    }
    return l;
}

static GNode *parse_and(Parser *P) { return parse_chain(P, G_AND, parse_atom, and_sep); }
static GNode *parse_or(Parser *P) { return parse_chain(P, G_OR, parse_and, or_sep); }

Goal *goal_parse(const char *text, char *err, size_t errn)
{
    Parser P = {text, err, errn, false};
    const char *t = text;
    while (*t == ' ' || *t == '\t' || *t == '\n') t++;
    if (!*t) {
        fail(&P, "the goal is empty");
        return NULL;
    }
    GNode *root = parse_or(&P);
    skip_space(&P);
    if (root && *P.p) {
        char msg[160];
        snprintf(msg, sizeof msg, "unexpected '%.40s' in the goal (conditions are joined by and, or)", P.p);
        fail(&P, msg);
        free_node(root);
        root = NULL;
    }
    if (!root) {
        if (!P.failed) fail(&P, "the goal is empty");
        return NULL;
    }
    Goal *g = xcalloc(1, sizeof *g);
    g->root = root;
    return g;
}

void goal_free(Goal *g)
{
    if (!g) return;
    free_node(g->root);
    free(g);
}

static void reset_node(GNode *n)
{
    if (!n) return;
    n->seen = false;
    reset_node(n->a);
    reset_node(n->b);
}

void goal_reset(Goal *g)
{
    reset_node(g->root);
    g->events_seen = 0;
}

/* ---- checking ---- */

/* Is one of the task's frames at a line in [from, to] of the scenario? */
static bool task_in_lines(Sim *S, Task *T, int from, int to)
{
    const Ctx *c = T->cur;
    if (!c) return false;
    for (int32_t i = c->nframes; i-- > 0;) {
        const Frame *f = &c->frames[i];
        if (!f->code->src || f->code->src != S->sources) continue;
        /* the top frame is at its next op; the others at the call they wait in */
        uint32_t pc = i == c->nframes - 1 ? f->pc : f->pc ? f->pc - 1 : 0;
        if (pc >= (uint32_t)f->code->nops) pc = (uint32_t)f->code->nops - 1;
        int line = f->code->lines[pc];
        if (line >= from && line <= to) return true;
    }
    return false;
}

static bool together(Sim *S, const GNode *n)
{
    int k = 0;
    for (size_t i = 0; i < S->tasks.n; i++) {
        Task *T = S->tasks.v[i];
        if (T->st && !T->st->done && task_in_lines(S, T, n->from, n->to)) k++;
    }
    return k >= n->n;
}

static void where(GNode *n, Sim *S, Task *T, uint32_t *mask, int *bit)
{
    if (!n) return;
    where(n->a, S, T, mask, bit);
    where(n->b, S, T, mask, bit);
    if (n->kind != G_TOGETHER) return;
    if (*bit < 32 && task_in_lines(S, T, n->from, n->to)) *mask |= 1u << *bit;
    ++*bit;
}

uint32_t goal_where(Goal *g, Sim *S, Task *T)
{
    uint32_t mask = 0;
    int bit = 0;
    if (T->st && !T->st->done) where(g->root, S, T, &mask, &bit);
    return mask;
}

static void look(GNode *n, Sim *S)
{
    if (!n) return;
    look(n->a, S);
    look(n->b, S);
    if (n->seen) return;
    switch (n->kind) {
    case G_STDOUT_HAS: n->seen = S->out.n >= n->len && memmem(S->out.s, S->out.n, n->text, n->len) != NULL; break;
    case G_TOGETHER: n->seen = together(S, n); break;
    default: break;
    }
}

/* An exception of class cls escaped a thread. */
static void saw_exception(GNode *n, const char *cls)
{
    if (!n) return;
    saw_exception(n->a, cls);
    saw_exception(n->b, cls);
    if (n->kind == G_EXCEPTION && (!n->text || strcmp(cls, n->text) == 0)) n->seen = true;
}

/* The trace's events since the last look. */
static void new_events(Goal *g, Sim *S)
{
    const Trace *t = S->trace;
    for (; g->events_seen < t->evs.n; g->events_seen++) {
        const TraceEvent e = trace_ev(t, g->events_seen);
        if (e.kind == EV_EXCEPTION)
            saw_exception(g->root, e.a >= 0 && (size_t)e.a < t->strs.n ? t->strs.v[e.a] : "");
    }
}

static int eval(const GNode *n, Sim *S, bool end)
{
    switch (n->kind) {
    case G_AND: {
        int a = eval(n->a, S, end), b = eval(n->b, S, end);
        return a == NO || b == NO ? NO : a == YES && b == YES ? YES : UNKNOWN;
    }
    case G_OR: {
        int a = eval(n->a, S, end), b = eval(n->b, S, end);
        return a == YES || b == YES ? YES : a == NO && b == NO ? NO : UNKNOWN;
    }
    case G_NOT: {
        int a = eval(n->a, S, end);
        return a == UNKNOWN ? UNKNOWN : a == YES ? NO : YES;
    }
    case G_STDOUT_HAS: case G_TOGETHER: case G_EXCEPTION:
        return n->seen ? YES : end ? NO : UNKNOWN;
    case G_STDOUT_EQ: case G_STDOUT_NE: {
        if (!end) return UNKNOWN;
        bool eq = S->out.n == n->len && (n->len == 0 || memcmp(S->out.s, n->text, n->len) == 0);
        return eq == (n->kind == G_STDOUT_EQ) ? YES : NO;
    }
    case G_DEADLOCK: return !end ? UNKNOWN : S->status == SIM_DEADLOCK ? YES : NO;
    case G_ENDS: return end ? YES : UNKNOWN;
    }
    return NO;
}

bool goal_check_now(Goal *g, Sim *S)
{
    new_events(g, S);
    look(g->root, S);
    return eval(g->root, S, false) == YES;
}

bool goal_check_end(Goal *g, Sim *S)
{
    new_events(g, S);
    look(g->root, S);
    return eval(g->root, S, true) == YES;
}
