/* cli.c - `interleave run`: simulate a scenario and print its output. */
#include "cli.h"
#include "export_util.h"
#include "../sim/schedule.h"
#include "timeline_text.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

void print_load_error(FILE *f, const LoadError *e, const char *source)
{
    if (e->line <= 0) {
        fprintf(f, "%s: error: %s\n", e->file, e->msg);
        return;
    }
    fprintf(f, "%s:%d:%d: error: %s\n", e->file, e->line, e->col, e->msg);
    /* the source line, then a caret under the column */
    const char *p = source;
    for (int l = 1; l < e->line && p && *p; l++) {
        p = strchr(p, '\n');
        if (p) p++;
    }
    if (!p || !*p) return;
    const char *end = strchr(p, '\n');
    size_t len = end ? (size_t)(end - p) : strlen(p);
    if (len && p[len - 1] == '\r') len--;
    /* a very long line: a window of it around the column, cut at
     * character boundaries and marked with ... */
    enum { WIDE = 160 };
    int col = 1;
    const char *from = p, *to = p + len;
    if (len > WIDE) {
        const char *at = p;
        for (int c = 1; at < p + len && c < e->col; at++)
            if (((unsigned char)*at & 0xC0) != 0x80) c++;
        from = at - (at - p > WIDE / 2 ? WIDE / 2 : at - p);
        while (from > p && ((unsigned char)*from & 0xC0) == 0x80) from--;
        to = from + WIDE < p + len ? from + WIDE : p + len;
        while (to < p + len && ((unsigned char)*to & 0xC0) == 0x80) to++;
        for (const char *q = p; q < from; q++)
            if (((unsigned char)*q & 0xC0) != 0x80) col++;
    }
    fprintf(f, "    %s%.*s%s\n    ", from > p ? "..." : "", (int)(to - from), from, to < p + len ? "..." : "");
    if (from > p) fputs("   ", f);
    for (const char *q = from; q < to && col < e->col; q++) {
        if (((unsigned char)*q & 0xC0) == 0x80) continue;
        fputc(*q == '\t' ? '\t' : ' ', f);
        col++;
    }
    fputs("^\n", f);
}

static void usage_run(FILE *f)
{
    fputs("usage: interleave run [options] FILE\n"
          "  -q, --quiet           print only the program's stdout\n"
          "      --format FMT      text (default), json, chrome (Chrome Trace Event JSON,\n"
          "                        for Perfetto and chrome://tracing) or svg (a timeline)\n"
          "  -o, --output FILE     write the chrome or svg export to FILE, not stdout\n"
          "                        (the program's output then goes to stdout, as with -q)\n"
          "      --from TIME       chrome and svg: start the export at TIME (e.g. 12.5ms)\n"
          "      --to TIME         chrome and svg: end the export at TIME\n"
          "      --set KEY=VALUE   override a scenario setting (repeatable)\n"
          "      --cores N         shorthand for --set cores=N\n"
          "      --gil on|off      shorthand for --set gil=...\n"
          "      --seed N          shorthand for --set seed=N\n"
          "      --calibrated      this machine's costs (interleave calibrate) for the\n"
          "                        settings the header leaves unset\n"
          "      --width N         width of the text timeline (default: the terminal's, or\n"
          "                        80), or of the SVG in pixels (default 1200)\n"
          "      --no-timeline     print the output and statistics without the timeline\n"
          "      --trace-hash      end with the run's trace hash (equal runs, equal hash)\n"
          "      --schedule S      follow schedule S (as `interleave explore` prints them):\n"
          "                        one task at a time, switching where S says\n"
          "  -h, --help            this help\n"
          "FILE may be - to read the scenario from standard input.\n"
          "Exit status: the program's own (0, or its sys.exit code), 1 for a scenario\n"
          "or program error, 2 for a usage error, 3 for a deadlock.\n",
          f);
}

/* The program's stdout and stderr, each to its own stream, in the order
 * the program wrote them (every write is a trace event), so a terminal
 * shows a logging demo as python3 would; what was written other than by
 * a traced write (a report at exit) follows, per stream. */
static void write_program_output(Sim *S, FILE *out, FILE *err)
{
    size_t on, en, odone = 0, edone = 0;
    const char *o = sim_stdout(S, &on), *e = sim_stderr(S, &en);
    const Trace *t = sim_trace(S);
    FILE *last = NULL;
    for (size_t k = 0; t && k < t->evs.n; k++) {
        const TraceEvent ev = trace_ev(t, k);
        if (ev.kind != EV_PRINT) continue;
        bool is_err = ev.b < 0;
        size_t off = (size_t)ev.a, len = (size_t)(is_err ? -(int64_t)ev.b : ev.b);
        size_t *done = is_err ? &edone : &odone;
        if (off != *done || off + len > (is_err ? en : on)) continue;
        FILE *f = is_err ? err : out;
        if (last && last != f) fflush(last);
        fwrite((is_err ? e : o) + off, 1, len, f);
        *done = off + len;
        last = f;
    }
    if (last) fflush(last);
    fwrite(o + odone, 1, on - odone, out);
    fflush(out);
    fwrite(e + edone, 1, en - edone, err);
}

/* The exit status of `interleave run`: the program's own, or ours. */
static int exit_code(Sim *S, SimStatus st)
{
    return st == SIM_OK ? EXIT_OK : st == SIM_EXIT ? sim_exit_code(S) : st == SIM_DEADLOCK ? EXIT_DEADLOCK : EXIT_ERROR;
}

static void print_json(Sim *S, const LoadError *le, SimStatus st, bool loaded)
{
    FILE *f = stdout;
    size_t on = 0, en = 0;
    const char *o = loaded ? sim_stdout(S, &on) : "";
    const char *e = loaded ? sim_stderr(S, &en) : "";
    int status = !loaded ? EXIT_ERROR : exit_code(S, st);
    fprintf(f, "{\"elapsed_ns\": %lld, \"ops\": %llu, \"exit_status\": %d, \"stdout\": ",
            loaded ? (long long)sim_elapsed_ns(S) : 0LL, loaded ? (unsigned long long)sim_ops(S) : 0ULL, status);
    ex_json_str(f, o, on);
    fputs(", \"stderr\": ", f);
    ex_json_str(f, e, en);
    /* both streams' writes in the order they happened, with their times */
    fputs(", \"writes\": [", f);
    const Trace *t = loaded ? sim_trace(S) : NULL;
    bool first = true;
    for (size_t k = 0; t && k < t->evs.n; k++) {
        const TraceEvent ev = trace_ev(t, k);
        if (ev.kind != EV_PRINT) continue;
        bool is_err = ev.b < 0;
        size_t off = (size_t)ev.a, len = (size_t)(is_err ? -(int64_t)ev.b : ev.b);
        if (off + len > (is_err ? en : on)) continue;
        fprintf(f, "%s{\"t_ns\": %lld, \"task\": %d, \"stream\": \"%s\", \"text\": ", first ? "" : ", ",
                (long long)ev.t, ev.task, is_err ? "stderr" : "stdout");
        ex_json_str(f, (is_err ? e : o) + off, len);
        fputc('}', f);
        first = false;
    }
    fputc(']', f);
    fputs(", \"error\": ", f);
    if (!loaded) {
        fputs("{\"file\": ", f);
        ex_json_str(f, le->file, strlen(le->file));
        fprintf(f, ", \"line\": %d, \"col\": %d, \"message\": ", le->line, le->col);
        ex_json_str(f, le->msg, strlen(le->msg));
        fputs(", \"kind\": \"load\"}", f);
    } else if (st == SIM_EXCEPTION) {
        int line = 0, col = 0;
        char msg[600] = "";
        sim_error_location(S, &line, &col, msg, sizeof msg);
        fputs("{\"file\": ", f);
        ex_json_str(f, le->file, strlen(le->file));
        fprintf(f, ", \"line\": %d, \"col\": %d, \"message\": ", line, col);
        ex_json_str(f, msg, strlen(msg));
        fputs(", \"kind\": \"exception\"}", f);
    } else if (st == SIM_FATAL || st == SIM_DEADLOCK) {
        const char *m = sim_fatal_message(S);
        fputs("{\"file\": ", f);
        ex_json_str(f, le->file, strlen(le->file));
        fputs(", \"line\": 0, \"col\": 0, \"message\": ", f);
        ex_json_str(f, m, strlen(m));
        fprintf(f, ", \"kind\": \"%s\"}", st == SIM_FATAL ? "limit" : "deadlock");
    } else {
        fputs("null", f);
    }
    if (loaded) {
        const char *cal = sim_calibrated_from(S);
        fputs(", \"calibrated\": ", f);
        if (cal) ex_json_str(f, cal, strlen(cal));
        else fputs("null", f);
        fputs(", \"deadlock\": ", f);
        if (st == SIM_DEADLOCK) ex_json_str(f, sim_fatal_message(S), strlen(sim_fatal_message(S)));
        else fputs("null", f);
        stats_json(f, S);
    }
    fputs("}\n", f);
}

bool cli_setting_option(int c, const char *arg, char **sets, int *nsets)
{
    char buf[300];
    switch (c) {
    case 's': sets[(*nsets)++] = strdup(arg); return true;
    case 'C': snprintf(buf, sizeof buf, "calibrated=yes"); break;
    case 'c': case 'g': case 'S':
        snprintf(buf, sizeof buf, "%s=%s", c == 'c' ? "cores" : c == 'g' ? "gil" : "seed", arg);
        break;
    default: return false;
    }
    sets[(*nsets)++] = strdup(buf);
    return true;
}

int cmd_run(int argc, char **argv)
{
    static const struct option opts[] = {
        {"quiet", no_argument, 0, 'q'}, {"format", required_argument, 0, 'f'},
        CLI_SETTING_OPTIONS,
        {"help", no_argument, 0, 'h'}, {"dis", no_argument, 0, 'D'}, {"width", required_argument, 0, 'w'},
        {"trace-hash", no_argument, 0, 'H'}, {"no-timeline", no_argument, 0, 'N'},
        {"output", required_argument, 0, 'o'}, {"from", required_argument, 0, 'F'},
        {"to", required_argument, 0, 'T'}, {"schedule", required_argument, 0, 'X'}, {0, 0, 0, 0},
    };
    bool quiet = false, json = false, dis = false, hash = false, no_timeline = false;
    int width = 0, export = -1;
    const char *output = NULL, *schedule = NULL;
    int64_t from = 0, to = 0;
    char **sets = calloc((size_t)argc + 1, sizeof *sets);
    int nsets = 0;
    int rc = EXIT_USAGE;
    optind = 1;
    int c;
    while ((c = getopt_long(argc, argv, "qho:", opts, NULL)) != -1) {
        switch (c) {
        case 'q': quiet = true; break;
        case 'D': dis = true; break;
        case 'H': hash = true; break;
        case 'N': no_timeline = true; break;
        case 'w':
            width = atoi(optarg);
            if (width < 20 || width > 10000) {
                fprintf(stderr, "interleave run: --width must be between 20 and 10000\n");
                goto out;
            }
            break;
        case 'f':
            json = strcmp(optarg, "json") == 0;
            export = export_format(optarg);
            if (!json && export < 0 && strcmp(optarg, "text") != 0) {
                fprintf(stderr, "interleave run: unknown format '%s' (expected text, json, chrome or svg)\n", optarg);
                goto out;
            }
            break;
        case 'o': output = optarg; break;
        case 'X': schedule = optarg; break;
        case 'F': case 'T': {
            int64_t *v = c == 'F' ? &from : &to;
            const char *why = duration_parse(optarg, v);
            if (why) {
                fprintf(stderr, "interleave run: bad time '%s' for --%s: %s\n", optarg, c == 'F' ? "from" : "to", why);
                goto out;
            }
            break;
        }
        case 's': case 'C': case 'c': case 'g': case 'S': cli_setting_option(c, optarg, sets, &nsets); break;
        case 'h':
            usage_run(stdout);
            rc = EXIT_OK;
            goto out;
        default:
            usage_run(stderr);
            goto out;
        }
    }
    if ((output || from || to) && export < 0) {
        fprintf(stderr, "interleave run: %s needs --format chrome or svg\n", output ? "-o" : from ? "--from" : "--to");
        goto out;
    }
    if (to && to <= from) {
        fprintf(stderr, "interleave run: --to must be later than --from\n");
        goto out;
    }
    if (optind != argc - 1) {
        fprintf(stderr, "interleave run: expected one scenario FILE\n");
        usage_run(stderr);
        goto out;
    }
    {
        const char *path = argv[optind];
        Sim *S = sim_new();
        LoadError le;
        if (!sim_load(S, path, (const char *const *)sets, nsets, &le)) {
            if (json) print_json(S, &le, SIM_OK, false);
            else print_load_error(stderr, &le, sim_source(S));
            rc = le.usage ? EXIT_USAGE : EXIT_ERROR;
            sim_free(S);
            goto out;
        }
        snprintf(le.file, sizeof le.file, "%s", strcmp(path, "-") == 0 ? "<stdin>" : path);
        char serr[300];
        if (schedule && !schedule_follow(S, schedule, serr, sizeof serr)) {
            fprintf(stderr, "interleave run: --schedule: %s\n", serr);
            sim_free(S);
            rc = EXIT_USAGE;
            goto out;
        }
        if (dis) {
            SBuf b = {0};
            sim_disasm(S, &b);
            fputs(b.s ? b.s : "", stdout);
            sb_free(&b);
            sim_free(S);
            rc = EXIT_OK;
            goto out;
        }
        SimStatus st = sim_run(S);
        size_t en;
        const char *e = sim_stderr(S, &en);
        if (json) {
            print_json(S, &le, st, true);
        } else if (export >= 0) {
            /* the export on stdout (or in -o FILE, with the program's
             * output on stdout); the program's stderr as always */
            ExportOpts eo = {from, to, width, le.file};
            char err[600];
            bool ok = export_to_file(S, (ExportFormat)export, output ? output : "-", &eo, err, sizeof err);
            if (ok && output) write_program_output(S, stdout, stderr);
            else fwrite(e, 1, en, stderr);
            if (st == SIM_FATAL) fprintf(stderr, "interleave: %s\n", sim_fatal_message(S));
            if (!ok) {
                fprintf(stderr, "interleave run: %s\n", err);
                rc = EXIT_ERROR;
                goto done;
            }
        } else {
            if (!quiet && !no_timeline) {
                timeline_print(stdout, sim_trace(S), 0, 0, width ? width : terminal_width(),
                               sim_gil_on(S));
                fputs("--- output\n", stdout);
            }
            write_program_output(S, stdout, stderr);
            if (st == SIM_FATAL) fprintf(stderr, "interleave: %s\n", sim_fatal_message(S));
            if (!quiet) stats_print(stdout, S);
            if (hash) printf("trace hash: %016llx\n", (unsigned long long)sim_trace_hash(S));
        }
        rc = exit_code(S, st);
    done:
#if IL_ASAN
        sim_free(S);
#else
        /* the process ends now: tearing down a heap of millions of
         * objects one by one would only add to the run's wall time (the
         * sanitizer build frees everything, so leaks still show) */
        fflush(stdout);
#endif
    }
out:
    for (int i = 0; i < nsets; i++) free(sets[i]);
    free(sets);
    return rc;
}

/* A broken scenario is reported (file:line:col: error) before the
 * terminal is touched: 0, or the exit status. */
int check_scenario(const char *path, char **sets, int nsets)
{
    Sim *check = sim_new();
    LoadError le;
    int rc = EXIT_OK;
    if (!sim_load(check, path, (const char *const *)sets, nsets, &le)) {
        print_load_error(stderr, &le, sim_source(check));
        rc = le.usage ? EXIT_USAGE : EXIT_ERROR;
    }
    sim_free(check);
    return rc;
}
