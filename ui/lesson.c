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
 * is static: the format is this file's business.  The command that opens
 * a lesson is lesson_cmd.c's (it reaches for the UI and the REPL, which
 * use this file). */
#include "lesson.h"
#include "cli.h"
#include "progress.h"

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

/* The keys of the block after a "```predict" line at *p (LESSONS.md line
 * *lineno), up to its closing fence, into q (*has_tolerance: a tolerance
 * line was read).  False with err set when a line is malformed; which
 * keys a question needs is check_block's. */
static bool read_block(const char **p, int *lineno, LessonQuestion *q, bool *has_tolerance, char *err, size_t errn)
{
    int start = *lineno;
    q->line = start;
    char **cont = NULL;          /* the key that continuation lines add to */
    *has_tolerance = false;
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
            if (*has_tolerance) return bad(err, errn, *lineno, "'tolerance:' given twice");
            *has_tolerance = true;
            continue;
        } else {
            return bad(err, errn, *lineno, "unknown key '%s' in a predict block (known: scenario, ask, choice, answer, tolerance, unit, explain)", key);
        }
        if (*one) return bad(err, errn, *lineno, "'%s:' given twice", key);
        *one = xstrndup(v.s, v.n);
    }
    return true;
}

/* Does the question read by read_block (from LESSONS.md line q->line) have
 * the keys it needs, and do they agree?  False with err set when not. */
static bool check_block(LessonQuestion *q, bool has_tolerance, char *err, size_t errn)
{
    int start = q->line;
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

/* The block after a "```predict" line at *p (LESSONS.md line *lineno),
 * up to its closing fence.  False with err set when it is malformed. */
static bool parse_block(const char **p, int *lineno, LessonQuestion *q, char *err, size_t errn)
{
    bool has_tolerance;
    return read_block(p, lineno, q, &has_tolerance, err, errn) && check_block(q, has_tolerance, err, errn);
}

char *lesson_predict_prose(const char **p)
{
    LessonQuestion q = {0};
    const char *at = *p;
    int lineno = 0;
    bool has_tolerance;
    char err[256];
    if (!read_block(&at, &lineno, &q, &has_tolerance, err, sizeof err) || !q.scenario || !q.ask) {
        q_free(&q);
        return NULL;
    }
    SBuf b = {0};
    sb_printf(&b, "Predict (%s): %s\n", q.scenario, q.ask);
    for (int i = 0; i < q.nchoices; i++) sb_printf(&b, "  %s\n", q.choices[i]);
    if (!q.nchoices) sb_printf(&b, "  (a number%s%s)\n", q.unit ? ", in " : "", q.unit ? q.unit : "");
    /* the text with the answers (`lesson N --answers`) holds them: say them */
    if (q.answer && q.explain && check_block(&q, has_tolerance, err, sizeof err)) {
        char right[256];
        lesson_answer_text(&q, right, sizeof right);
        sb_printf(&b, "  Answer: %s. %s\n", right, q.explain);
    }
    q_free(&q);
    *p = at;
    b.s[--b.n] = 0; /* the last newline is the caller's */
    return sb_take(&b);
}

static const char *const result_words[] = {[LP_NONE] = "none", [LP_RIGHT] = "right", [LP_WRONG] = "wrong",
                                           [LP_SKIPPED] = "skipped"};

bool lesson_progress_record(int lesson, int question, int result, const char *answer)
{
    char item[32], note[64], word[32];
    size_t k = 0;
    /* the answer as one word: what the learner typed, without spaces */
    for (const char *s = answer && *answer ? answer : "-"; *s && k + 1 < sizeof word; s++)
        if (*s != ' ' && *s != '\t' && *s != '\n') word[k++] = *s;
    word[k] = 0;
    snprintf(item, sizeof item, "%d.%d", lesson, question);
    snprintf(note, sizeof note, "%s %s", result_words[result >= LP_RIGHT && result <= LP_SKIPPED ? result : LP_SKIPPED],
             k ? word : "-");
    return progress_add(LESSON_PROGRESS, item, note);
}

int lesson_progress_get(int lesson, int question, char *given, size_t n)
{
    char item[32];
    snprintf(item, sizeof item, "%d.%d", lesson, question);
    char *note = NULL;
    if (given && n) given[0] = 0;
    if (!progress_has(LESSON_PROGRESS, item, &note)) return LP_NONE;
    int r = LP_NONE;
    for (int i = LP_RIGHT; i <= LP_SKIPPED; i++) {
        size_t k = strlen(result_words[i]);
        if (note && strncmp(note, result_words[i], k) == 0 && (note[k] == ' ' || !note[k])) {
            r = i;
            if (given && n) snprintf(given, n, "%s", note[k] ? note + k + 1 : "");
        }
    }
    free(note);
    return r;
}

bool lesson_progress_reset(char *err, size_t errn)
{
    char *path = progress_path(LESSON_PROGRESS);
    if (!path) {
        snprintf(err, errn, "neither XDG_STATE_HOME nor HOME is set: there is no progress file");
        return false;
    }
    bool ok = remove(path) == 0 || errno == ENOENT;
    if (!ok) snprintf(err, errn, "cannot remove %s: %s", path, strerror(errno));
    free(path);
    return ok;
}

int lesson_judge(const LessonQuestion *q, const char *answer)
{
    while (*answer == ' ') answer++;
    if (q->numeric) {
        char *end;
        errno = 0;
        double v = strtod(answer, &end);
        if (end == answer || errno || !isfinite(v)) return LP_NONE;
        /* a unit after the number is fine; anything else is not a number */
        while (*end == ' ') end++;
        if (*end && !(q->unit && strcmp(end, q->unit) == 0)) return LP_NONE;
        /* a little slack for the decimal written as 0.1 + 0.2 */
        return fabs(v - q->value) <= q->tolerance * (1 + 1e-9) + 1e-12 ? LP_RIGHT : LP_WRONG;
    }
    char c = answer[0] >= 'A' && answer[0] <= 'Z' ? (char)(answer[0] - 'A' + 'a') : answer[0];
    const char *rest = answer + (c ? 1 : 0);
    if (*rest == ')') rest++;
    while (*rest == ' ') rest++;
    if (!c || *rest) return LP_NONE;
    for (int i = 0; i < q->nchoices; i++)
        if (q->choices[i][0] == c) return c == q->answer[0] ? LP_RIGHT : LP_WRONG;
    return LP_NONE;
}

void lesson_answer_text(const LessonQuestion *q, char *b, size_t n)
{
    if (q->numeric) {
        snprintf(b, n, "%s%s%s (give or take %g%s%s)", q->answer, q->unit ? " " : "", q->unit ? q->unit : "",
                 q->tolerance, q->unit ? " " : "", q->unit ? q->unit : "");
        return;
    }
    for (int i = 0; i < q->nchoices; i++)
        if (q->choices[i][0] == q->answer[0]) {
            snprintf(b, n, "%s", q->choices[i]);
            return;
        }
    snprintf(b, n, "%s", q->answer);
}

bool lesson_question_is_for(const LessonQuestion *q, const char *path)
{
    const char *base = strrchr(path, '/');
    return strcmp(base ? base + 1 : path, q->scenario) == 0;
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

/* The list of lessons, each with a mark for the questions answered:
 * [x] all of them, [~] some, [ ] none. */
void lessons_print(const Lessons *ls, FILE *f)
{
    int all = 0, answered = 0, right = 0;
    for (int i = 0; i < ls->n; i++) {
        const Lesson *l = &ls->v[i];
        char err[512];
        LessonQuestion *q;
        int nq = lesson_questions(l, &q, err, sizeof err);
        int done = 0, ok = 0;
        for (int k = 0; k < nq; k++) {
            int res = lesson_progress_get(l->number, k + 1, NULL, 0);
            done += res != LP_NONE;
            ok += res == LP_RIGHT;
        }
        if (nq > 0) lesson_questions_free(q, nq);
        const char *mark = nq <= 0 ? "   " : done == nq ? "[x]" : done ? "[~]" : "[ ]";
        char tail[64] = "";
        if (nq > 0 && done) snprintf(tail, sizeof tail, "  (%d/%d answered, %d right)", done, nq, ok);
        fprintf(f, "%s %2d. %s%s\n", mark, l->number, l->title, tail);
        for (int k = 0; k < l->nscenarios; k++) {
            const char *s = strrchr(l->scenarios[k], '/');
            fprintf(f, "          %s\n", s ? s + 1 : l->scenarios[k]);
        }
        all += nq > 0 ? nq : 0;
        answered += done;
        right += ok;
    }
    char *path = progress_path(LESSON_PROGRESS);
    fprintf(f, "Progress: %d of %d questions answered, %d right ([x] all of a lesson's, [~] some).\n", answered, all, right);
    fprintf(f, "Run `interleave lesson N` to start one (`--answers` shows the answers,\n"
           "`--reset` forgets your progress, kept in %s).\n", path ? path : "(no HOME: not kept)");
    free(path);
}
