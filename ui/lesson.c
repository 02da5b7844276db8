/* lesson.c - LESSONS.md as a list of lessons, the data directory, and
 * `interleave lesson [N] [--answers]`.
 *
 * A lesson is a "## N. Title" section of LESSONS.md; its scenarios are the
 * `scenarios/NAME.py` (or `scenarios/DIR/NAME.py`, as the challenges in
 * scenarios/challenges/) it mentions, in the order it first mentions them.
 *
 * A lesson holds its answers (the predict blocks' answer and explanation,
 * the "  Answer: " line under each check question, the teacher note), and
 * a learner must not see them before answering.  So the text every front
 * end shows, Lesson.text, is rendered without them when LESSONS.md is
 * loaded; `--answers` swaps in the text as written.  The predict blocks are
 * parsed here, once, for the front ends that ask their questions; LESSONS.md
 * documents the syntax at its top.  Everything but the header's functions
 * is static: the format is this file's business. */
#include "lesson.h"
#include "cli.h"
#include "repl.h"
#include "tui.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static bool has_lessons(const char *dir)
{
    SBuf p = {0};
    sb_printf(&p, "%s/LESSONS.md", dir);
    bool ok = access(p.s, R_OK) == 0;
    sb_free(&p);
    return ok;
}

char *data_dir_find(void)
{
    const char *env = getenv("INTERLEAVE_DATA");
    if (env && *env && has_lessons(env)) return xstrdup(env);
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0) return NULL;
    exe[n] = 0;
    char *slash = strrchr(exe, '/');
    if (!slash) return NULL;
    *slash = 0;
    if (has_lessons(exe)) return xstrdup(exe);
    SBuf p = {0};
    sb_printf(&p, "%s/../share/interleave", exe);
    char real[PATH_MAX];
    if (has_lessons(p.s) && realpath(p.s, real)) {
        sb_free(&p);
        return xstrdup(real);
    }
    sb_free(&p);
    return NULL;
}

/* The length of the scenario name NAME or DIR/NAME at s (one directory
 * down at most: the challenges live in scenarios/challenges/), before its
 * ".py"; 0 when there is none. */
static size_t scenario_name_len(const char *s)
{
    static const char word[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";
    size_t len = strspn(s, word);
    if (len && s[len] == '/') {
        size_t more = strspn(s + len + 1, word);
        if (more) len += 1 + more;
    }
    return len;
}

/* The scenarios a lesson's text names, as full paths, first mention first. */
static void find_scenarios(Lesson *l, const char *dir)
{
    const char *p = l->source;
    while ((p = strstr(p, "scenarios/")) != NULL) {
        const char *name = p + strlen("scenarios/");
        size_t len = scenario_name_len(name);
        p = name + len;
        if (!len || strncmp(p, ".py", 3) != 0) continue;
        SBuf path = {0};
        sb_printf(&path, "%s/scenarios/%.*s.py", dir, (int)len, name);
        bool seen = false;
        for (int i = 0; i < l->nscenarios; i++) seen |= strcmp(l->scenarios[i], path.s) == 0;
        if (seen) {
            sb_free(&path);
            continue;
        }
        l->scenarios = xrealloc(l->scenarios, (size_t)(l->nscenarios + 1) * sizeof *l->scenarios);
        l->scenarios[l->nscenarios++] = sb_take(&path);
    }
}

/* s[0..n) without the blank lines and spaces around it; *skipped counts
 * the newlines dropped in front (the body's first line is that much later). */
static char *trimmed(const char *s, size_t n, int *skipped)
{
    int nl = 0;
    while (n && (*s == '\n' || *s == ' ')) nl += *s == '\n', s++, n--;
    while (n && (s[n - 1] == '\n' || s[n - 1] == ' ')) n--;
    if (skipped) *skipped = nl;
    return xstrndup(s, n);
}

static int count_lines(const char *from, const char *to)
{
    int n = 0;
    for (; from < to; from++) n += *from == '\n';
    return n;
}

/* ---- reading a body line by line ---- */

typedef struct Line {
    const char *s;           /* the line, without its newline */
    size_t n;
} Line;

/* The line at *p, moving *p past it; false at the end. */
static bool next_line(const char **p, Line *l)
{
    if (!**p) return false;
    const char *nl = strchr(*p, '\n');
    l->s = *p;
    l->n = nl ? (size_t)(nl - *p) : strlen(*p);
    *p = nl ? nl + 1 : *p + l->n;
    return true;
}

static bool line_starts(Line l, const char *prefix)
{
    size_t k = strlen(prefix);
    return l.n >= k && memcmp(l.s, prefix, k) == 0;
}

/* The line without trailing spaces equals word. */
static bool line_is(Line l, const char *word)
{
    while (l.n && (l.s[l.n - 1] == ' ' || l.s[l.n - 1] == '\r')) l.n--;
    return l.n == strlen(word) && memcmp(l.s, word, l.n) == 0;
}

static bool line_blank(Line l)
{
    for (size_t i = 0; i < l.n; i++)
        if (l.s[i] != ' ' && l.s[i] != '\r') return false;
    return true;
}

/* A line that continues the previous key (ask, explain) or Answer: two
 * spaces of indentation, then text. */
static bool continues(Line l)
{
    return l.n > 2 && l.s[0] == ' ' && l.s[1] == ' ' && !line_blank(l);
}

/* "key: value" -> key (letters only) and value (trimmed); false otherwise. */
static bool key_value(Line l, char *key, size_t keyn, Line *value)
{
    size_t i = 0;
    while (i < l.n && l.s[i] >= 'a' && l.s[i] <= 'z') i++;
    if (!i || i >= keyn || i >= l.n || l.s[i] != ':') return false;
    memcpy(key, l.s, i);
    key[i] = 0;
    i++;
    while (i < l.n && l.s[i] == ' ') i++;
    value->s = l.s + i;
    value->n = l.n - i;
    while (value->n && (value->s[value->n - 1] == ' ' || value->s[value->n - 1] == '\r')) value->n--;
    return true;
}

/* ---- the text a learner reads ---- */

char *lesson_render(const Lesson *l, bool answers)
{
    if (answers) return xstrdup(l->source);
    enum { BODY, PREDICT, ANSWER, NOTE } st = BODY;
    bool hidden_key = false;     /* in a predict block: the key being continued is hidden */
    SBuf b = {0};
    const char *p = l->source;
    Line ln;
    while (next_line(&p, &ln)) {
        bool keep = true;
        if (st == NOTE) {
            if (!line_starts(ln, "### ")) continue;
            st = BODY;
        }
        if (st == ANSWER) {
            if (continues(ln) && !line_starts(ln, "  Answer: ")) continue;
            st = BODY;
        }
        if (st == PREDICT) {
            char key[16];
            Line v;
            if (line_is(ln, "```")) st = BODY;
            else if (continues(ln)) keep = !hidden_key;
            else if (key_value(ln, key, sizeof key, &v)) {
                hidden_key = strcmp(key, "answer") == 0 || strcmp(key, "tolerance") == 0 || strcmp(key, "explain") == 0;
                keep = !hidden_key;
            }
        } else if (line_is(ln, "```predict")) {
            st = PREDICT;
            hidden_key = false;
        } else if (line_starts(ln, "  Answer: ")) {
            st = ANSWER;
            keep = false;
        } else if (line_is(ln, "### Teacher note")) {
            st = NOTE;
            keep = false;
        }
        if (keep) {
            sb_put(&b, ln.s, ln.n);
            sb_putc(&b, '\n');
        }
    }
    /* the teacher note ends most lessons: no blank tail where it was */
    while (b.n && (b.s[b.n - 1] == '\n' || b.s[b.n - 1] == ' ')) b.s[--b.n] = 0;
    return sb_take(&b);
}

/* ---- predict blocks ---- */

static void q_free(LessonQuestion *q)
{
    free(q->scenario);
    free(q->ask);
    for (int i = 0; i < q->nchoices; i++) free(q->choices[i]);
    free(q->choices);
    free(q->answer);
    free(q->unit);
    free(q->explain);
    memset(q, 0, sizeof *q);
}

void lesson_questions_free(LessonQuestion *q, int n)
{
    for (int i = 0; i < n; i++) q_free(&q[i]);
    free(q);
}

/* *field = *field + " " + v (or v). */
static void append_words(char **field, Line v)
{
    size_t old = *field ? strlen(*field) : 0;
    char *s = xmalloc(old + 1 + v.n + 1);
    if (old) memcpy(s, *field, old);
    size_t k = old;
    if (old) s[k++] = ' ';
    memcpy(s + k, v.s, v.n);
    s[k + v.n] = 0;
    free(*field);
    *field = s;
}

static bool bad(char *err, size_t errn, int line, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static bool bad(char *err, size_t errn, int line, const char *fmt, ...)
{
    int k = snprintf(err, errn, "LESSONS.md:%d: ", line);
    if (k < 0 || (size_t)k >= errn) return false;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err + k, errn - (size_t)k, fmt, ap);
    va_end(ap);
    return false;
}

static bool parse_number(const char *s, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (end == s || *end || errno || !isfinite(v)) return false;
    *out = v;
    return true;
}

/* The block after a "```predict" line at *p (LESSONS.md line *lineno),
 * up to its closing fence.  False with err set when it is malformed. */
static bool parse_block(const char **p, int *lineno, LessonQuestion *q, char *err, size_t errn)
{
    int start = *lineno;
    q->line = start;
    char **cont = NULL;          /* the key that continuation lines add to */
    bool has_tolerance = false;
    Line ln;
    for (;;) {
        if (!next_line(p, &ln)) return bad(err, errn, start, "a predict block without its closing ```");
        ++*lineno;
        if (line_is(ln, "```")) break;
        if (line_blank(ln)) {
            cont = NULL;
            continue;
        }
        if (continues(ln)) {
            if (!cont) return bad(err, errn, *lineno, "an indented line that continues no ask: or explain:");
            Line v = {ln.s, ln.n};
            while (v.n && *v.s == ' ') v.s++, v.n--;
            append_words(cont, v);
            continue;
        }
        char key[16];
        Line v;
        if (!key_value(ln, key, sizeof key, &v))
            return bad(err, errn, *lineno, "expected `key: value` in a predict block, got '%.*s'", (int)ln.n, ln.s);
        if (!v.n) return bad(err, errn, *lineno, "'%s:' without a value", key);
        cont = NULL;
        char **one = NULL;
        if (strcmp(key, "scenario") == 0) one = &q->scenario;
        else if (strcmp(key, "ask") == 0) one = cont = &q->ask;
        else if (strcmp(key, "answer") == 0) one = &q->answer;
        else if (strcmp(key, "unit") == 0) one = &q->unit;
        else if (strcmp(key, "explain") == 0) one = cont = &q->explain;
        else if (strcmp(key, "choice") == 0) {
            if (v.n < 4 || v.s[0] < 'a' || v.s[0] > 'z' || v.s[1] != ')' || v.s[2] != ' ')
                return bad(err, errn, *lineno, "a choice starts with its letter and ')', as in 'a) about 0.5'");
            for (int i = 0; i < q->nchoices; i++)
                if (q->choices[i][0] == v.s[0]) return bad(err, errn, *lineno, "two choices '%c'", v.s[0]);
            q->choices = xrealloc(q->choices, (size_t)(q->nchoices + 1) * sizeof *q->choices);
            q->choices[q->nchoices++] = xstrndup(v.s, v.n);
            continue;
        } else if (strcmp(key, "tolerance") == 0) {
            char *t = xstrndup(v.s, v.n);
            bool ok = parse_number(t, &q->tolerance) && q->tolerance >= 0;
            free(t);
            if (!ok) return bad(err, errn, *lineno, "the tolerance is not a number >= 0");
            if (has_tolerance) return bad(err, errn, *lineno, "'tolerance:' given twice");
            has_tolerance = true;
            continue;
        } else {
            return bad(err, errn, *lineno, "unknown key '%s' in a predict block (known: scenario, ask, choice, answer, tolerance, unit, explain)", key);
        }
        if (*one) return bad(err, errn, *lineno, "'%s:' given twice", key);
        *one = xstrndup(v.s, v.n);
    }
    static const char *const need[] = {"scenario", "ask", "answer", "explain"};
    char *const have[] = {q->scenario, q->ask, q->answer, q->explain};
    for (size_t i = 0; i < ARRAY_LEN(need); i++)
        if (!have[i]) return bad(err, errn, start, "a predict block without '%s:'", need[i]);
    size_t sn = scenario_name_len(q->scenario);
    if (!sn || strcmp(q->scenario + sn, ".py") != 0)
        return bad(err, errn, start, "'scenario: %s' is not the name of a file in scenarios/ (NAME.py or DIR/NAME.py)",
                   q->scenario);
    if (q->nchoices == 1) return bad(err, errn, start, "a predict block has no choices (a number) or at least two");
    if (q->nchoices) {
        bool found = false;
        for (int i = 0; i < q->nchoices; i++) found |= strlen(q->answer) == 1 && q->choices[i][0] == q->answer[0];
        if (!found) return bad(err, errn, start, "'answer: %s' is not the letter of one of its choices", q->answer);
        if (has_tolerance || q->unit) return bad(err, errn, start, "a multiple-choice question has no tolerance or unit");
    } else {
        if (!parse_number(q->answer, &q->value))
            return bad(err, errn, start, "'answer: %s' is neither a choice letter (there are no choices) nor a number", q->answer);
        if (!has_tolerance) return bad(err, errn, start, "a numeric answer needs 'tolerance:'");
        q->numeric = true;
    }
    return true;
}

int lesson_questions(const Lesson *l, LessonQuestion **out, char *err, size_t errn)
{
    *out = NULL;
    LessonQuestion *v = NULL;
    int n = 0;
    const char *p = l->source;
    int lineno = l->body_line - 1;
    Line ln;
    while (next_line(&p, &ln)) {
        lineno++;
        if (!line_is(ln, "```predict")) continue;
        v = xrealloc(v, (size_t)(n + 1) * sizeof *v);
        memset(&v[n], 0, sizeof v[n]);
        n++;
        if (!parse_block(&p, &lineno, &v[n - 1], err, errn)) {
            lesson_questions_free(v, n);
            return -1;
        }
    }
    *out = v;
    return n;
}

bool lessons_load(Lessons *ls, char *err, size_t errn)
{
    memset(ls, 0, sizeof *ls);
    ls->dir = data_dir_find();
    if (!ls->dir) {
        snprintf(err, errn, "cannot find LESSONS.md and scenarios/ (next to the program, in ../share/interleave, or in $INTERLEAVE_DATA)");
        return false;
    }
    SBuf path = {0};
    sb_printf(&path, "%s/LESSONS.md", ls->dir);
    size_t mdlen;
    char *md = read_file(path.s, &mdlen);
    if (!md) {
        snprintf(err, errn, "cannot read %s", path.s);
        sb_free(&path);
        lessons_free(ls);
        return false;
    }
    sb_free(&path);
    /* each "## N. Title" line starts a lesson that runs to the next "## " */
    const char *p = md;
    int lineno = 1;              /* the line p is on */
    const char *counted = md;
    while ((p = strstr(p, "\n## ")) != NULL) {
        lineno += count_lines(counted, p + 1);
        counted = p + 1;
        p += 4;
        char *end;
        long num = strtol(p, &end, 10);
        if (end == p || *end != '.') continue;
        const char *title = end + 1 + strspn(end + 1, " ");
        const char *eol = strchr(title, '\n');
        if (!eol) eol = title + strlen(title);
        const char *next = strstr(eol, "\n## ");
        if (!next) next = eol + strlen(eol);
        ls->v = xrealloc(ls->v, (size_t)(ls->n + 1) * sizeof *ls->v);
        Lesson *l = &ls->v[ls->n++];
        memset(l, 0, sizeof *l);
        l->number = (int)num;
        l->line = lineno;
        l->title = trimmed(title, (size_t)(eol - title), NULL);
        int skipped;
        l->source = trimmed(eol, (size_t)(next - eol), &skipped);
        l->body_line = lineno + skipped;
        l->text = lesson_render(l, false);
        find_scenarios(l, ls->dir);
        p = next;
    }
    free(md);
    if (!ls->n) {
        snprintf(err, errn, "%s/LESSONS.md has no lessons (\"## 1. Title\" sections)", ls->dir);
        lessons_free(ls);
        return false;
    }
    return true;
}

void lessons_free(Lessons *ls)
{
    for (int i = 0; i < ls->n; i++) {
        Lesson *l = &ls->v[i];
        free(l->title);
        free(l->source);
        free(l->text);
        for (int k = 0; k < l->nscenarios; k++) free(l->scenarios[k]);
        free(l->scenarios);
    }
    free(ls->v);
    free(ls->dir);
    memset(ls, 0, sizeof *ls);
}

const Lesson *lesson_get(const Lessons *ls, int n)
{
    for (int i = 0; i < ls->n; i++)
        if (ls->v[i].number == n) return &ls->v[i];
    return NULL;
}

static void usage_lesson(FILE *f)
{
    fputs("usage: interleave lesson [options] [N]\n"
          "  without N, list the lessons; with N, show lesson N and open its scenarios\n"
          "  in the UI (with a terminal) or run them as text (without one)\n"
          "      --answers   show the answers: of the predict questions (with their\n"
          "                  explanations), of the check questions, and the teacher note\n"
          "  the options of `interleave play` apply: --no-color, --ascii, --present,\n"
          "  --set KEY=VALUE, --cores N, --gil on|off, --seed N\n",
          f);
}

/* Without a terminal: the lesson's text, then each scenario run as text,
 * with the settings given on the command line (--set, --cores...). */
static int lesson_text(const Lesson *l, const TuiOptions *o)
{
    printf("Lesson %d. %s\n\n%s\n", l->number, l->title, l->text);
    int worst = EXIT_OK;
    char **argv = xmalloc((size_t)(2 * o->nsets + 3) * sizeof *argv);
    for (int i = 0; i < l->nscenarios; i++) {
        printf("\n=== %s ===\n", l->scenarios[i]);
        fflush(stdout);
        int argc = 0;
        argv[argc++] = "run";
        for (int k = 0; k < o->nsets; k++) {
            argv[argc++] = "--set";
            argv[argc++] = o->sets[k];
        }
        argv[argc++] = l->scenarios[i];
        argv[argc] = NULL;
        int rc = cmd_run(argc, argv);
        fflush(stdout);
        /* a deadlock is what lesson 10 is about: not a failure of the lesson */
        if (rc != EXIT_OK && rc != EXIT_DEADLOCK) worst = rc;
    }
    free(argv);
    return worst;
}

/* Lesson l's predict blocks parse and name scenarios that exist; false
 * with the first problem on stderr. */
static bool questions_ok(const Lessons *ls, const Lesson *l)
{
    char err[512];
    LessonQuestion *q;
    int nq = lesson_questions(l, &q, err, sizeof err);
    if (nq < 0) {
        fprintf(stderr, "interleave lesson: %s/%s\n", ls->dir, err);
        return false;
    }
    bool ok = true;
    for (int i = 0; i < nq && ok; i++) {
        SBuf path = {0};
        sb_printf(&path, "%s/scenarios/%s", ls->dir, q[i].scenario);
        if (access(path.s, R_OK) != 0) {
            fprintf(stderr, "interleave lesson: %s/LESSONS.md:%d: the predict block names %s, which does not exist\n",
                    ls->dir, q[i].line, path.s);
            ok = false;
        }
        sb_free(&path);
    }
    lesson_questions_free(q, nq);
    return ok;
}

int cmd_lesson(int argc, char **argv)
{
    TuiOptions o;
    tui_options_init(&o);
    int n = -1;
    bool answers = false;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            usage_lesson(stdout);
            tui_options_free(&o);
            return EXIT_OK;
        }
        if (strcmp(argv[i], "--answers") == 0) {
            answers = true;
            continue;
        }
        int used = tui_option(&o, argc, argv, i);
        if (used > 0) {
            i += used - 1;
            continue;
        }
        char *end;
        long v = strtol(argv[i], &end, 10);
        if (used < 0 || *end || end == argv[i] || n >= 0) {
            if (used == 0) fprintf(stderr, "interleave lesson: unexpected argument '%s'\n", argv[i]);
            usage_lesson(stderr);
            tui_options_free(&o);
            return EXIT_USAGE;
        }
        n = (int)v;
    }
    Lessons ls;
    char err[512];
    if (!lessons_load(&ls, err, sizeof err)) {
        fprintf(stderr, "interleave lesson: %s\n", err);
        tui_options_free(&o);
        return EXIT_ERROR;
    }
    int rc = EXIT_OK;
    if (n < 0) {
        for (int i = 0; i < ls.n; i++) {
            printf("%2d. %s\n", ls.v[i].number, ls.v[i].title);
            for (int k = 0; k < ls.v[i].nscenarios; k++) {
                const char *s = strrchr(ls.v[i].scenarios[k], '/');
                printf("      %s\n", s ? s + 1 : ls.v[i].scenarios[k]);
            }
        }
        printf("Run `interleave lesson N` to start one (`--answers` shows the answers).\n");
        for (int i = 0; i < ls.n; i++)
            if (!questions_ok(&ls, &ls.v[i])) rc = EXIT_ERROR;
    } else {
        Lesson *l = NULL;
        for (int i = 0; i < ls.n && !l; i++)
            if (ls.v[i].number == n) l = &ls.v[i];
        if (l && answers) {
            free(l->text);
            l->text = lesson_render(l, true);
        }
        if (!l) {
            fprintf(stderr, "interleave lesson: no lesson %d (there are %d: `interleave lesson` lists them)\n", n, ls.n);
            rc = EXIT_USAGE;
        } else if (!questions_ok(&ls, l)) {
            rc = EXIT_ERROR;
        } else if (!l->nscenarios) {
            printf("Lesson %d. %s\n\n%s\n", l->number, l->title, l->text);
        } else if (tui_available(NULL, 0)) {
            o.lesson = l;
            o.cmds = &repl_commands;
            rc = tui_play(l->scenarios[0], &o);
        } else {
            rc = lesson_text(l, &o);
        }
    }
    lessons_free(&ls);
    tui_options_free(&o);
    return rc;
}
