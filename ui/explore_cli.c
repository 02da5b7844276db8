/* explore_cli.c - `interleave explore` (explore_cli.h): options, then the
 * outcomes, each with how many schedules led to it and the command that
 * replays one of them. */
#include "explore_cli.h"
#include "cli.h"
#include "export_util.h"
#include "../sim/explore.h"

#include <getopt.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void usage_explore(FILE *f)
{
    fputs("usage: interleave explore [options] FILE\n"
          "  run FILE under every schedule that differs at a switch point, within a\n"
          "  bound on preemptions, and print each outcome with the command that\n"
          "  replays it (`interleave run --schedule ...`)\n"
          "  -p, --preemptions N   at most N preemptions per schedule (default 2;\n"
          "                        -1: no bound)\n"
          "      --max-runs N      stop after N schedules (default 100000)\n"
          "      --every-op        a switch point after every op (preempt: every_op),\n"
          "                        not only at the GIL's eval-breaker checks\n"
          "      --goal GOAL       also say whether GOAL can hold (the syntax of a\n"
          "                        challenge's goal: line; default: the file's own)\n"
          "      --until-goal      stop at the first schedule in which the goal holds\n"
          "      --no-reduction    run every schedule in the bound, also those that\n"
          "                        only reorder independent steps (slow; a check)\n"
          "      --format FMT      text (default) or json\n"
          "      --set KEY=VALUE   override a scenario setting (repeatable)\n"
          "      --cores N, --gil on|off, --seed N   shorthands for --set\n"
          "      --calibrated      this machine's costs (interleave calibrate)\n"
          "  -h, --help            this help\n"
          "Exit status: 0 when the exploration ran (complete or not), 1 for a\n"
          "scenario error or a run too long to explore, 2 for a usage error.\n",
          f);
}

static volatile sig_atomic_t interrupted;

static void on_sigint(int sig)
{
    (void)sig;
    interrupted = 1;
}

static bool keep_going(void *ctx, int64_t runs)
{
    (void)ctx;
    (void)runs;
    return !interrupted;
}

static double wall(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A word for an outcome in the summary: its output when that is one short
 * line, else what went wrong, else its number. */
static void label(const ExploreOutcome *o, int i, char *buf, size_t n)
{
    const char *nl = memchr(o->out, '\n', o->outn);
    bool one_line = o->outn && nl == o->out + o->outn - 1 && o->outn <= 30 && !o->error;
    if (one_line) snprintf(buf, n, "%.*s", (int)o->outn - 1, o->out);
    else if (o->deadlock) snprintf(buf, n, "deadlock");
    else if (o->error && !o->outn) snprintf(buf, n, "error");
    else snprintf(buf, n, "outcome %d", i + 1);
}

/* Shell quoting for the replay command. */
static void shell_word(SBuf *b, const char *s)
{
    bool plain = *s != 0;
    for (const char *p = s; *p; p++)
        if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./=:,@+%", *p)) plain = false;
    if (plain) {
        sb_puts(b, s);
        return;
    }
    sb_putc(b, '\'');
    for (const char *p = s; *p; p++) {
        if (*p == '\'') sb_puts(b, "'\\''");
        else sb_putc(b, *p);
    }
    sb_putc(b, '\'');
}

static char *replay_command(const char *schedule, char **sets, int nsets, const char *path)
{
    SBuf b = {0};
    sb_puts(&b, "interleave run --schedule ");
    shell_word(&b, schedule);
    for (int i = 0; i < nsets; i++) {
        sb_puts(&b, " --set ");
        shell_word(&b, sets[i]);
    }
    sb_putc(&b, ' ');
    shell_word(&b, path);
    return sb_take(&b);
}

static void print_indented(FILE *f, const char *label_text, const char *s, size_t n)
{
    fprintf(f, "  %s", label_text);
    if (!n) {
        fputs("(none)\n", f);
        return;
    }
    const char *p = s, *end = s + n;
    bool first = true;
    while (p < end) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        size_t len = eol ? (size_t)(eol - p) : (size_t)(end - p);
        if (!first) fprintf(f, "  %*s", (int)strlen(label_text), "");
        fprintf(f, "%.*s%s\n", (int)len, p, eol ? "" : "   (no newline at the end)");
        first = false;
        p = eol ? eol + 1 : end;
    }
}

static void print_text(FILE *f, const ExploreResult *r, const ExploreOptions *o, char **sets, int nsets,
                       const char *path, double secs)
{
    char bound[64];
    if (o->preemptions < 0) snprintf(bound, sizeof bound, "with no bound on preemptions");
    else snprintf(bound, sizeof bound, "within %d preemption%s", o->preemptions, o->preemptions == 1 ? "" : "s");
    fprintf(f, "%d outcome%s in %lld schedule%s (%s %s):", r->n, r->n == 1 ? "" : "s", (long long)r->runs,
            r->runs == 1 ? "" : "s", r->complete ? "complete" : "not complete", bound);
    for (int i = 0; i < r->n; i++) {
        char l[64];
        label(&r->v[i], i, l, sizeof l);
        if (!i) fprintf(f, " %s (%lld schedule%s)", l, (long long)r->v[i].count, r->v[i].count == 1 ? "" : "s");
        else fprintf(f, ", %s (%lld)", l, (long long)r->v[i].count);
    }
    fputc('\n', f);
    if (!r->complete && r->stopped[0]) fprintf(f, "(%s)\n", r->stopped);
    for (int i = 0; i < r->n; i++) {
        const ExploreOutcome *oc = &r->v[i];
        char l[64];
        label(oc, i, l, sizeof l);
        fprintf(f, "\n%s: %lld schedule%s\n", l, (long long)oc->count, oc->count == 1 ? "" : "s");
        print_indented(f, "stdout: ", oc->out, oc->outn);
        if (oc->exit_status) fprintf(f, "  exit status: %d\n", oc->exit_status);
        if (oc->error) fprintf(f, "  %s: %s\n", oc->deadlock ? "deadlock" : "error", oc->deadlock && !strncmp(oc->error, "deadlock: ", 10) ? oc->error + 10 : oc->error);
        if (r->has_goal) fprintf(f, "  goal: %s\n", oc->goal ? "reached" : "not reached");
        char *cmd = replay_command(oc->schedule, sets, nsets, path);
        fprintf(f, "  replay: %s\n", cmd);
        free(cmd);
    }
    if (r->has_goal) {
        fprintf(f, "\ngoal (%s): ", r->goal_text);
        if (r->goal_runs) {
            char *cmd = replay_command(r->goal_schedule, sets, nsets, path);
            fprintf(f, "reached in %lld schedule%s, for one: %s\n", (long long)r->goal_runs, r->goal_runs == 1 ? "" : "s",
                    cmd);
            free(cmd);
        } else {
            fprintf(f, "not reached in any schedule%s\n", r->complete ? "" : " run");
        }
    }
    fprintf(f, "\n%lld schedules run (%lld switch points), %lld alternatives pruned (they only reorder independent steps), %lld beyond the bound; %.2f s\n",
            (long long)r->runs, (long long)r->steps, (long long)r->pruned, (long long)r->beyond, secs);
}

static void print_json(FILE *f, const ExploreResult *r, const ExploreOptions *o)
{
    fprintf(f, "{\"complete\": %s, \"runs\": %lld, \"pruned\": %lld, \"beyond\": %lld, \"preemptions\": %d, \"outcomes\": [",
            r->complete ? "true" : "false", (long long)r->runs, (long long)r->pruned, (long long)r->beyond,
            o->preemptions);
    for (int i = 0; i < r->n; i++) {
        const ExploreOutcome *oc = &r->v[i];
        fputs(i ? ", {\"stdout\": " : "{\"stdout\": ", f);
        ex_json_str(f, oc->out, oc->outn);
        fprintf(f, ", \"exit_status\": %d, \"deadlock\": %s, \"error\": ", oc->exit_status, oc->deadlock ? "true" : "false");
        if (oc->error) ex_json_str(f, oc->error, strlen(oc->error));
        else fputs("null", f);
        fprintf(f, ", \"count\": %lld, \"schedule\": ", (long long)oc->count);
        ex_json_str(f, oc->schedule, strlen(oc->schedule));
        if (r->has_goal) fprintf(f, ", \"goal\": %s", oc->goal ? "true" : "false");
        fputc('}', f);
    }
    fputc(']', f);
    if (r->has_goal) {
        fputs(", \"goal\": {\"text\": ", f);
        ex_json_str(f, r->goal_text, strlen(r->goal_text));
        fprintf(f, ", \"runs\": %lld, \"schedule\": ", (long long)r->goal_runs);
        if (r->goal_schedule) ex_json_str(f, r->goal_schedule, strlen(r->goal_schedule));
        else fputs("null", f);
        fputc('}', f);
    }
    if (!r->complete) {
        fputs(", \"stopped\": ", f);
        ex_json_str(f, r->stopped, strlen(r->stopped));
    }
    fputs("}\n", f);
}

int cmd_explore(int argc, char **argv)
{
    static const struct option opts[] = {
        {"preemptions", required_argument, 0, 'p'}, {"max-runs", required_argument, 0, 'm'},
        {"every-op", no_argument, 0, 'e'}, {"goal", required_argument, 0, 'G'},
        {"no-reduction", no_argument, 0, 'R'}, {"format", required_argument, 0, 'f'},
        {"until-goal", no_argument, 0, 'U'},
        CLI_SETTING_OPTIONS, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0},
    };
    ExploreOptions o;
    explore_options_init(&o);
    bool json = false;
    char **sets = calloc((size_t)argc + 1, sizeof *sets);
    int nsets = 0, rc = EXIT_USAGE, c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "p:h", opts, NULL)) != -1) {
        char *end;
        switch (c) {
        case 'p':
            o.preemptions = (int)strtol(optarg, &end, 10);
            if (*end || end == optarg || o.preemptions < -1 || o.preemptions > 1000) {
                fprintf(stderr, "interleave explore: --preemptions takes a number from 0 (or -1 for no bound)\n");
                goto out;
            }
            break;
        case 'm':
            o.max_runs = strtoll(optarg, &end, 10);
            if (*end || end == optarg || o.max_runs < 1) {
                fprintf(stderr, "interleave explore: --max-runs takes a number from 1\n");
                goto out;
            }
            break;
        case 'e': o.every_op = true; break;
        case 'G': o.goal = optarg; break;
        case 'R': o.no_reduction = true; break;
        case 'U': o.until_goal = true; break;
        case 'f':
            if (strcmp(optarg, "json") != 0 && strcmp(optarg, "text") != 0) {
                fprintf(stderr, "interleave explore: unknown format '%s' (expected text or json)\n", optarg);
                goto out;
            }
            json = strcmp(optarg, "json") == 0;
            break;
        case 's': case 'C': case 'c': case 'g': case 'S': cli_setting_option(c, optarg, sets, &nsets); break;
        case 'h':
            usage_explore(stdout);
            rc = EXIT_OK;
            goto out;
        default:
            usage_explore(stderr);
            goto out;
        }
    }
    if (optind != argc - 1) {
        fprintf(stderr, "interleave explore: expected one scenario FILE\n");
        usage_explore(stderr);
        goto out;
    }
    {
        const char *path = argv[optind];
        struct sigaction sa, old;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_sigint;
        sigaction(SIGINT, &sa, &old);
        interrupted = 0;
        o.progress = keep_going;
        ExploreResult r;
        LoadError le;
        double t0 = wall();
        bool ok = explore_run(path, (const char *const *)sets, nsets, &o, &r, &le);
        double secs = wall() - t0;
        sigaction(SIGINT, &old, NULL);
        if (!ok) {
            if (le.line > 0 || le.file[0]) {
                Sim *S = sim_new();
                LoadError le2;
                sim_load(S, path, (const char *const *)sets, nsets, &le2);
                print_load_error(stderr, &le, sim_source(S));
                sim_free(S);
            } else {
                fprintf(stderr, "interleave explore: %s\n", le.msg);
            }
            rc = le.usage ? EXIT_USAGE : EXIT_ERROR;
        } else if (!r.runs && r.stopped[0]) {
            /* not one schedule could be run to its end */
            fprintf(stderr, "interleave explore: %s\n", r.stopped);
            rc = EXIT_ERROR;
        } else {
            if (json) print_json(stdout, &r, &o);
            else print_text(stdout, &r, &o, sets, nsets, path, secs);
            rc = EXIT_OK;
        }
        explore_result_free(&r);
    }
out:
    for (int i = 0; i < nsets; i++) free(sets[i]);
    free(sets);
    return rc;
}
