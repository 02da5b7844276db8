/* challenge.c - `interleave challenge [N]` (challenge.h): the levels, the
 * progress, and the UI's loop and keys (chal_app.h; drawing in
 * chal_draw.c). */
#include "challenge.h"
#include "chal_app.h"
#include "cli.h"
#include "lesson.h"
#include "progress.h"
#include "tui.h"
#include "../sim/debug.h"
#include "../sim/inspect.h"

#include <dirent.h>
#include <locale.h>
#include <langinfo.h>
#include <stdlib.h>
#include <string.h>

#define PROGRESS_KIND "challenges"

/* ---- the levels ---- */

static int name_cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void levels_free(Level *v, int n)
{
    for (int i = 0; i < n; i++) {
        free(v[i].path);
        free(v[i].file);
        free(v[i].title);
    }
    free(v);
}

/* The scenarios of <data>/scenarios/challenges, by file name.  -1 with a
 * message when there are none. */
static int levels_load(Level **out, char *err, size_t errn)
{
    *out = NULL;
    char *dir = data_dir_find();
    if (!dir) {
        snprintf(err, errn, "cannot find the scenarios (next to the program, in ../share/interleave, or in $INTERLEAVE_DATA)");
        return -1;
    }
    SBuf d = {0};
    sb_printf(&d, "%s/scenarios/challenges", dir);
    free(dir);
    DIR *dp = opendir(d.s);
    if (!dp) {
        snprintf(err, errn, "cannot read %s", d.s);
        sb_free(&d);
        return -1;
    }
    BUF(char *) names = {0};
    struct dirent *e;
    while ((e = readdir(dp)) != NULL) {
        size_t n = strlen(e->d_name);
        if (n > 3 && strcmp(e->d_name + n - 3, ".py") == 0 && e->d_name[0] != '.') BUF_PUSH(names, xstrdup(e->d_name));
    }
    closedir(dp);
    if (names.n) qsort(names.v, names.n, sizeof *names.v, name_cmp);
    Level *v = xcalloc(names.n ? names.n : 1, sizeof *v);
    for (size_t i = 0; i < names.n; i++) {
        SBuf p = {0};
        sb_printf(&p, "%s/%s", d.s, names.v[i]);
        v[i].path = sb_take(&p);
        v[i].file = names.v[i];
        Sim *S = sim_new();
        LoadError le;
        if (sim_load(S, v[i].path, NULL, 0, &le) && sim_settings(S)->title) v[i].title = xstrdup(sim_settings(S)->title);
        else v[i].title = xstrdup(names.v[i]);
        sim_free(S);
    }
    int n = (int)names.n;
    BUF_FREE(names);
    sb_free(&d);
    if (!n) {
        snprintf(err, errn, "no challenges (scenarios/challenges/*.py)");
        free(v);
        return -1;
    }
    *out = v;
    return n;
}

/* ---- a level's run ---- */

static void set_overlay(Chal *c, int kind, const char *title, char *text)
{
    free(c->ov_title);
    free(c->ov_text);
    c->ov_title = xstrdup(title);
    c->ov_text = text;
    c->overlay = kind;
    c->ov_top = 0;
}

/* The win's text: the explanation and the schedule (again, for a player
 * who closed it too soon). */
static void show_won(Chal *c)
{
    const Level *L = &c->levels[c->cur];
    SBuf b = {0};
    sb_printf(&b, "The goal holds: %s\n\n", c->goal);
    /* each explain: line is a paragraph */
    for (const char *p = c->explain; p && *p;) {
        const char *e = strchr(p, '\n');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        sb_printf(&b, "%.*s\n\n", (int)len, p);
        p = e ? e + 1 : p + len;
    }
    sb_printf(&b, "Your schedule, in %zu choices: %s\n", c->moves.n, c->schedule);
    sb_printf(&b, "Watch it again: interleave play --schedule '%s' %s\n\n", c->schedule, L->path);
    sb_puts(&b, c->cur + 1 < c->nlevels ? "n: the next level   u: undo   r: play again   q: quit"
                                         : "That was the last level.   u: undo   r: play again   q: quit");
    set_overlay(c, CO_WON, "Goal reached!", sb_take(&b));
}

static void won_now(Chal *c)
{
    const Level *L = &c->levels[c->cur];
    free(c->schedule);
    c->schedule = schedule_text(c->S);
    progress_add(PROGRESS_KIND, L->file, c->schedule);
    c->won_before = true;
    show_won(c);
}

/* Replay the player's choices; go_on: then let the running task go on
 * while it can. */
static void replay(Chal *c, bool go_on)
{
    const Level *L = &c->levels[c->cur];
    if (c->S) sim_free(c->S);
    c->S = sim_new();
    LoadError le;
    char err[300];
    c->pending = c->ended = c->won = false;
    free(c->steps);
    c->steps = NULL;
    c->nsteps = 0;
    if (!sim_load(c->S, L->path, NULL, 0, &le) ||
        !schedule_play(c->S, c->moves.v, (int)c->moves.n, go_on, c->goal, err, sizeof err)) {
        snprintf(c->msg, sizeof c->msg, "%s: %s", L->path, le.msg[0] ? le.msg : err);
        sim_free(c->S);
        c->S = NULL;
        return;
    }
    SimStatus st = sim_run_until(c->S, NULL);
    c->pending = st == SIM_PAUSED && schedule_pending(c->S, &c->ch);
    c->ended = st != SIM_PAUSED;
    int n;
    int *mv = schedule_moves(c->S, &n);
    c->moves.n = 0;
    for (int i = 0; i < n; i++) BUF_PUSH(c->moves, mv[i]);
    free(mv);
    c->steps = schedule_steps(c->S, &c->nsteps);
    c->won = schedule_goal_met(c->S);
    if (c->won) won_now(c);
    else if (c->ended) snprintf(c->msg, sizeof c->msg, "The run ended, and the goal does not hold: u undoes, r starts again, h gives a hint");
}

static char *texts(const char *t) { return t ? xstrdup(t) : NULL; }

/* The level's texts, joined to paragraphs (each `hint:` line is a hint). */
static void open_level(Chal *c, int i)
{
    c->cur = i;
    const Level *L = &c->levels[i];
    free(c->goal);
    free(c->hints);
    free(c->explain);
    free(c->description);
    c->goal = c->hints = c->explain = c->description = NULL;
    c->nhints = c->hints_shown = 0;
    Sim *S = sim_new();
    LoadError le;
    if (sim_load(S, L->path, NULL, 0, &le)) {
        const Settings *set = sim_settings(S);
        c->goal = texts(set->text[SET_goal]);
        c->hints = texts(set->text[SET_hint]);
        c->explain = texts(set->text[SET_explain]);
        /* the docstring's lines make paragraphs: a blank line ends one */
        c->description = xstrdup(sim_description(S));
        for (char *p = c->description; *p; p++)
            if (*p == '\n' && p[1] != '\n' && p[1] && (p == c->description || p[-1] != '\n')) *p = ' ';
        if (c->hints) {
            c->nhints = 1;
            for (char *p = c->hints; *p; p++) c->nhints += *p == '\n';
        }
    }
    sim_free(S);
    if (!c->goal) c->goal = xstrdup("ends");
    c->moves.n = c->marks.n = 0;
    c->won_before = progress_has(PROGRESS_KIND, L->file, NULL);
    c->msg[0] = 0;
    replay(c, false);
    SBuf b = {0};
    sb_printf(&b, "%s\n\nGoal: %s\n\n", c->description ? c->description : "", c->goal);
    sb_puts(&b, "You are the scheduler.  Whenever more than one task could run, the run stops and you pick: "
                "press a task's number, or Enter to let the one the model would pick go on "
                "(c: let it run until it blocks or ends).  u undoes, r starts again, h gives a hint, "
                "i shows this again, n and p change level, q quits.");
    if (c->won_before) sb_puts(&b, "\n\n(You have won this level before.)");
    char title[200];
    snprintf(title, sizeof title, "Challenge %d of %d: %s", i + 1, c->nlevels, L->title);
    set_overlay(c, CO_INTRO, title, sb_take(&b));
}

static void show_hint(Chal *c)
{
    if (!c->nhints) {
        snprintf(c->msg, sizeof c->msg, "this level has no hints");
        return;
    }
    if (c->hints_shown < c->nhints) c->hints_shown++;
    SBuf b = {0};
    const char *p = c->hints;
    for (int i = 0; i < c->hints_shown && p; i++) {
        const char *e = strchr(p, '\n');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        sb_printf(&b, "%d. %.*s\n\n", i + 1, (int)len, p);
        p = e ? e + 1 : NULL;
    }
    sb_puts(&b, c->hints_shown < c->nhints ? "(h again for the next hint)" : "(that is every hint)");
    set_overlay(c, CO_HINT, "Hint", sb_take(&b));
}

/* ---- keys ---- */

static void choose(Chal *c, int task, bool go_on)
{
    if (!c->pending) {
        if (c->won && task < 0) {
            show_won(c);
            return;
        }
        snprintf(c->msg, sizeof c->msg, c->won ? "the goal holds: u undoes, r plays again, n opens the next level"
                                               : "the run has ended: u undoes, r starts again");
        return;
    }
    bool ok = false;
    for (int i = 0; i < c->ch.n; i++) ok |= c->ch.tasks[i] == task;
    if (!ok) {
        TaskView v;
        if (sim_task_view(c->S, task, &v))
            snprintf(c->msg, sizeof c->msg, "%s cannot run now: it %s%s%s", v.name,
                     v.state == TS_DONE ? "has finished" : v.reason, v.waits[0] ? " - " : "", v.waits);
        else
            snprintf(c->msg, sizeof c->msg, "there is no task %d", task);
        return;
    }
    BUF_PUSH(c->marks, (int)c->moves.n);
    BUF_PUSH(c->moves, task);
    replay(c, go_on);
}

static void undo(Chal *c)
{
    if (!c->marks.n) {
        snprintf(c->msg, sizeof c->msg, "nothing to undo");
        return;
    }
    c->moves.n = (size_t)c->marks.v[--c->marks.n];
    if (c->overlay == CO_WON) c->overlay = CO_NONE;
    replay(c, false);
    snprintf(c->msg, sizeof c->msg, "undone: back at choice %zu", c->moves.n);
}

static void handle_key(Chal *c, int k)
{
    if (c->overlay) {
        if (k == KEY_UP || k == KEY_DOWN || k == KEY_PPAGE || k == KEY_NPAGE) {
            int d = k == KEY_UP ? -1 : k == KEY_DOWN ? 1 : k == KEY_PPAGE ? -10 : 10;
            c->ov_top = c->ov_top + d > 0 ? c->ov_top + d : 0;
            return;
        }
        if (k == KEY_RESIZE) return;
        int was = c->overlay;
        c->overlay = CO_NONE;
        /* a key that only closes it */
        if (k == ' ' || k == '\n' || k == '\r' || k == KEY_ENTER || k == 27 || (k == 'i' && was == CO_INTRO) ||
            (k == 'h' && was == CO_HINT && c->hints_shown >= c->nhints))
            return;
    }
    c->msg[0] = 0;
    if (k >= '0' && k <= '9') {
        choose(c, k - '0', false);
        return;
    }
    switch (k) {
    case '\n': case '\r': case KEY_ENTER: case ' ': case 's':
        if (c->pending) choose(c, c->ch.def, false);
        else choose(c, -1, false);
        break;
    case 'c':
        if (c->pending) choose(c, c->ch.cur >= 0 ? c->ch.cur : c->ch.def, true);
        else choose(c, -1, false);
        break;
    case 'u': case KEY_BACKSPACE: case 127: case 8: undo(c); break;
    case 'r':
        c->moves.n = c->marks.n = 0;
        c->overlay = CO_NONE;
        replay(c, false);
        snprintf(c->msg, sizeof c->msg, "from the start again");
        break;
    case 'h': show_hint(c); break;
    case 'i': case '?': {
        int keep = c->hints_shown;
        open_level(c, c->cur);
        c->hints_shown = keep;
        break;
    }
    case 'n':
        if (c->cur + 1 < c->nlevels) open_level(c, c->cur + 1);
        else snprintf(c->msg, sizeof c->msg, "this is the last level");
        break;
    case 'p':
        if (c->cur > 0) open_level(c, c->cur - 1);
        else snprintf(c->msg, sizeof c->msg, "this is the first level");
        break;
    case 'q': case 'Q': c->quit = true; break;
    case KEY_RESIZE: case ERR: break;
    case 12: clearok(curscr, TRUE); break;
    default: snprintf(c->msg, sizeof c->msg, "no such key: i lists them"); break;
    }
}

static void chal_free(Chal *c)
{
    if (c->S) sim_free(c->S);
    free(c->goal);
    free(c->hints);
    free(c->explain);
    free(c->description);
    BUF_FREE(c->moves);
    BUF_FREE(c->marks);
    free(c->schedule);
    free(c->steps);
    free(c->ov_title);
    free(c->ov_text);
}

/* ---- the command ---- */

static void usage_challenge(FILE *f)
{
    fputs("usage: interleave challenge [--no-color] [--ascii] [N]\n"
          "  without N, list the challenges; with N, play challenge N: you are the\n"
          "  scheduler, and pick which task runs at each switch point until the\n"
          "  level's goal holds (keys: a task's number, Enter, c, u undo, h hint,\n"
          "  i the level's text, n/p other levels, q quit)\n",
          f);
}

static int list_levels(const Level *v, int n)
{
    int won = 0;
    printf("Challenges - you are the scheduler.  `interleave challenge N` plays one.\n");
    for (int i = 0; i < n; i++) {
        bool w = progress_has(PROGRESS_KIND, v[i].file, NULL);
        won += w;
        printf("%3d. %-32s %s\n", i + 1, v[i].title, w ? "won" : "");
    }
    char *path = progress_path(PROGRESS_KIND);
    printf("%d of %d won%s%s%s\n", won, n, path ? " (progress in " : "", path ? path : "", path ? ")" : "");
    free(path);
    return EXIT_OK;
}

/* Without a terminal: the level's text. */
static int level_text(const Level *L, int i, int n, const char *why)
{
    Sim *S = sim_new();
    LoadError le;
    int rc = EXIT_OK;
    if (!sim_load(S, L->path, NULL, 0, &le)) {
        print_load_error(stderr, &le, sim_source(S));
        rc = EXIT_ERROR;
    } else {
        const Settings *set = sim_settings(S);
        printf("Challenge %d of %d: %s\n\n%s\n\nGoal: %s\n", i + 1, n, L->title, sim_description(S),
               set->text[SET_goal] ? set->text[SET_goal] : "ends");
        fprintf(stderr, "interleave challenge: %s; the challenge needs a terminal\n", why);
    }
    sim_free(S);
    return rc;
}

int cmd_challenge(int argc, char **argv)
{
    bool color, ascii;
    {
        TuiOptions o;
        tui_options_init(&o);
        color = o.color;
        ascii = o.ascii;
        tui_options_free(&o);
    }
    int n = -1;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            usage_challenge(stdout);
            return EXIT_OK;
        }
        if (strcmp(argv[i], "--no-color") == 0) {
            color = false;
            continue;
        }
        if (strcmp(argv[i], "--ascii") == 0) {
            ascii = true;
            continue;
        }
        char *end;
        long v = strtol(argv[i], &end, 10);
        if (*end || end == argv[i] || n >= 0 || v < 1) {
            fprintf(stderr, "interleave challenge: unexpected argument '%s'\n", argv[i]);
            usage_challenge(stderr);
            return EXIT_USAGE;
        }
        n = (int)v;
    }
    Level *levels;
    char err[400];
    int nl = levels_load(&levels, err, sizeof err);
    if (nl < 0) {
        fprintf(stderr, "interleave challenge: %s\n", err);
        return EXIT_ERROR;
    }
    int rc = EXIT_OK;
    char why[256];
    if (n < 0) {
        rc = list_levels(levels, nl);
    } else if (n > nl) {
        fprintf(stderr, "interleave challenge: no challenge %d (there are %d: `interleave challenge` lists them)\n", n, nl);
        rc = EXIT_USAGE;
    } else if (!tui_available(why, sizeof why)) {
        rc = level_text(&levels[n - 1], n - 1, nl, why);
    } else {
        Chal c;
        memset(&c, 0, sizeof c);
        c.levels = levels;
        c.nlevels = nl;
        if (!term_open(color, ascii, false, why, sizeof why)) {
            fprintf(stderr, "interleave challenge: %s\n", why);
            rc = EXIT_ERROR;
        } else {
            open_level(&c, n - 1);
            while (!c.quit && !term_interrupted()) {
                chal_draw(&c);
                timeout(-1);
                handle_key(&c, getch());
            }
            term_close();
        }
        chal_free(&c);
    }
    levels_free(levels, nl);
    return rc;
}
