/* lesson_cmd.c - `interleave lesson [N] [--answers] [--no-predict]
 * [--reset]`: the list of lessons with the learner's progress, or lesson N
 * in the UI (its questions asked first) or, without a terminal, as text.
 * Apart from lesson.c because it opens the UI and the REPL, and they read
 * lessons. */
#include "lesson.h"
#include "cli.h"
#include "progress.h"
#include "repl.h"
#include "tui.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void usage_lesson(FILE *f)
{
    fputs("usage: interleave lesson [options] [N]\n"
          "  without N, list the lessons with your progress; with N, show lesson N and\n"
          "  open its scenarios in the UI (with a terminal) or run them as text (without one)\n"
          "      --answers     show the answers: of the predict questions (with their\n"
          "                    explanations), of the check questions, and the teacher note\n"
          "      --no-predict  in the UI, play each scenario at once instead of asking its\n"
          "                    question first\n"
          "      --reset       forget which questions you answered (the progress file)\n"
          "  the options of `interleave play` apply: --no-color, --ascii, --present,\n"
          "  --set KEY=VALUE, --cores N, --gil on|off, --seed N\n"
          "  progress is kept in $XDG_STATE_HOME/interleave/lessons.progress\n"
          "  (~/.local/state/interleave/ without XDG_STATE_HOME)\n",
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
    bool answers = false, reset = false;
    o.predict = true;
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
        if (strcmp(argv[i], "--no-predict") == 0) {
            o.predict = false;
            continue;
        }
        if (strcmp(argv[i], "--reset") == 0) {
            reset = true;
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
    char err[512];
    if (reset) {
        char *path = progress_path(LESSON_PROGRESS);
        bool ok = lesson_progress_reset(err, sizeof err);
        if (ok) printf("Progress forgotten (%s removed).\n", path ? path : "the progress file");
        else fprintf(stderr, "interleave lesson: %s\n", err);
        free(path);
        if (!ok || n < 0) {
            tui_options_free(&o);
            return ok ? EXIT_OK : EXIT_ERROR;
        }
    }
    Lessons ls;
    if (!lessons_load(&ls, err, sizeof err)) {
        fprintf(stderr, "interleave lesson: %s\n", err);
        tui_options_free(&o);
        return EXIT_ERROR;
    }
    int rc = EXIT_OK;
    if (n < 0) {
        lessons_print(&ls, stdout);
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
            o.lessons = &ls;
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
