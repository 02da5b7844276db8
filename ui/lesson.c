/* lesson.c - LESSONS.md as a list of lessons, the data directory, and
 * `interleave lesson [N]`.
 *
 * A lesson is a "## N. Title" section of LESSONS.md; its scenarios are the
 * `scenarios/NAME.py` it mentions, in the order it first mentions them. */
#include "lesson.h"
#include "cli.h"
#include "repl.h"
#include "tui.h"

#include <limits.h>
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

/* The scenarios a lesson's text names, as full paths, first mention first. */
static void find_scenarios(Lesson *l, const char *dir)
{
    const char *p = l->text;
    while ((p = strstr(p, "scenarios/")) != NULL) {
        const char *name = p + strlen("scenarios/");
        size_t len = strspn(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");
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

static char *trimmed(const char *s, size_t n)
{
    while (n && (*s == '\n' || *s == ' ')) s++, n--;
    while (n && (s[n - 1] == '\n' || s[n - 1] == ' ')) n--;
    return xstrndup(s, n);
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
    while ((p = strstr(p, "\n## ")) != NULL) {
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
        l->title = trimmed(title, (size_t)(eol - title));
        l->text = trimmed(eol, (size_t)(next - eol));
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
          "  the options of `interleave play` apply: --no-color, --ascii, --present,\n"
          "  --set KEY=VALUE, --cores N, --gil on|off, --seed N\n",
          f);
}

/* Without a terminal: the lesson's text, then each scenario run as text. */
static int lesson_text(const Lesson *l)
{
    printf("Lesson %d. %s\n\n%s\n", l->number, l->title, l->text);
    int worst = EXIT_OK;
    for (int i = 0; i < l->nscenarios; i++) {
        printf("\n=== %s ===\n", l->scenarios[i]);
        fflush(stdout);
        char *argv[] = {"run", l->scenarios[i], NULL};
        int rc = cmd_run(2, argv);
        fflush(stdout);
        /* a deadlock is what lesson 8 is about: not a failure of the lesson */
        if (rc != EXIT_OK && rc != EXIT_DEADLOCK) worst = rc;
    }
    return worst;
}

int cmd_lesson(int argc, char **argv)
{
    TuiOptions o;
    tui_options_init(&o);
    int n = -1;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            usage_lesson(stdout);
            return EXIT_OK;
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
        printf("Run `interleave lesson N` to start one.\n");
    } else {
        const Lesson *l = lesson_get(&ls, n);
        if (!l) {
            fprintf(stderr, "interleave lesson: no lesson %d (there are %d: `interleave lesson` lists them)\n", n, ls.n);
            rc = EXIT_USAGE;
        } else if (!l->nscenarios) {
            printf("Lesson %d. %s\n\n%s\n", l->number, l->title, l->text);
        } else if (tui_available(NULL, 0)) {
            o.lesson = l;
            o.cmds = &repl_commands;
            rc = tui_play(l->scenarios[0], &o);
        } else {
            rc = lesson_text(l);
        }
    }
    lessons_free(&ls);
    tui_options_free(&o);
    return rc;
}
