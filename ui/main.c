/* main.c - entry point: dispatch to the subcommands, and `play`, which
 * chooses between the UI and (without a terminal that can show it) the
 * REPL, so that neither of them needs to know the other. */
#include "cli.h"
#include "calibrate.h"
#include "challenge.h"
#include "explore_cli.h"
#include "lesson.h"
#include "repl.h"
#include "tui.h"

#include <stdlib.h>
#include <string.h>

/* ---- interleave play ---- */

static void usage_play(FILE *f)
{
    fputs("usage: interleave play [options] FILE\n"
          "  open the UI on a scenario: its timeline unfolding, the source, the output\n"
          "  and the events in words (press ? in the UI for the keys)\n"
          "      --no-color        monochrome (also when NO_COLOR is set)\n"
          "      --ascii           ASCII glyphs only (also in a non-UTF-8 locale)\n"
          "      --present         presenter mode: timeline, events and output, large\n"
          "                        cells, a whole run played in about 15 s\n"
          "      --set KEY=VALUE   override a scenario setting (repeatable)\n"
          "      --cores N, --gil on|off, --seed N   shorthands for --set\n"
          "      --calibrated      this machine's costs (interleave calibrate), for the\n"
          "                        settings the header leaves unset\n"
          "      --schedule S      follow schedule S (as `interleave explore` prints them)\n"
          "      --bench-draw N    draw N frames headless and print the time per frame\n"
          "                        (0: only the first frame, for the start-up time)\n"
          "Without a terminal that can show the UI (a pipe, TERM=dumb), the REPL\n"
          "opens instead.\n",
          f);
}

static int cmd_play(int argc, char **argv)
{
    TuiOptions o;
    tui_options_init(&o);
    o.cmds = &repl_commands;
    const char *path = NULL;
    int rc = EXIT_OK;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            usage_play(stdout);
            tui_options_free(&o);
            return EXIT_OK;
        }
        int used = tui_option(&o, argc, argv, i);
        if (used > 0) {
            i += used - 1;
            continue;
        }
        if (used < 0 || argv[i][0] == '-' || path) {
            if (used == 0) fprintf(stderr, "interleave play: unexpected argument '%s'\n", argv[i]);
            usage_play(stderr);
            tui_options_free(&o);
            return EXIT_USAGE;
        }
        path = argv[i];
    }
    if (!path) {
        usage_play(stderr);
        tui_options_free(&o);
        return EXIT_USAGE;
    }
    /* the UI where the terminal can show it, else the REPL on the file */
    char why[256];
    if ((rc = check_scenario(path, o.sets, o.nsets)) != EXIT_OK) {
        /* reported */
    } else if (!o.bench_frames && !tui_available(why, sizeof why)) {
        fprintf(stderr, "interleave play: %s; opening the REPL instead\n", why);
        rc = repl_main_schedule(path, o.sets, o.nsets, o.schedule);
    } else {
        rc = tui_play(path, &o);
    }
    tui_options_free(&o);
    return rc;
}

/* A summary of the man page's synopsis (docs/interleave.1). */
static void usage(FILE *f)
{
    fputs("usage: interleave [FILE]                 open the REPL (with FILE loaded)\n"
          "       interleave run [options] FILE    simulate FILE: its timeline, output and statistics,\n"
          "                                        or --format json|chrome|svg\n"
          "       interleave play [options] FILE   watch FILE run in the full-screen UI\n"
          "       interleave explore [options] FILE every outcome of FILE within a bound on\n"
          "                                        preemptions, each with a schedule to replay\n"
          "       interleave lesson [options] [N]  list the lessons, or start lesson N\n"
          "       interleave challenge [N]         list the challenges, or play challenge N:\n"
          "                                        you are the scheduler\n"
          "       interleave calibrate             measure this machine's costs under python3,\n"
          "                                        for runs with --calibrated\n"
          "       interleave --help | --version\n"
          "\n"
          "interleave simulates a Python program that uses threads, processes,\n"
          "asyncio, trio or gevent, deterministically, on virtual cores with\n"
          "CPython's GIL.\n"
          "`interleave run --help` lists the options of run; in the REPL, `help`\n"
          "lists its commands.  The manual: man interleave (docs/interleave.1).\n"
          "\n"
          "Environment: NO_COLOR, TERM, INTERLEAVE_HISTORY, XDG_STATE_HOME, XDG_CONFIG_HOME,\n"
          "INTERLEAVE_SNAPSHOTS, INTERLEAVE_DATA.\n"
          "Exit status: 0 success (or the program's sys.exit status), 1 scenario or\n"
          "program error, 2 usage error, 3 deadlock.\n",
          f);
}

/* the library's Python parts, compiled by the build (sim/tool/freeze.c
 * writes them into build/.../gen/pyfrozen.c) */
extern const struct FrozenPart *const py_frozen_parts;

int main(int argc, char **argv)
{
    sim_use_frozen(py_frozen_parts);
    calibrate_load_profile();
    if (argc < 2) return repl_main(NULL, NULL, 0);
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        usage(stdout);
        return EXIT_OK;
    }
    if (strcmp(cmd, "--version") == 0) {
        printf("interleave %s\n", INTERLEAVE_VERSION);
        return EXIT_OK;
    }
    if (strcmp(cmd, "run") == 0) return cmd_run(argc - 1, argv + 1);
    if (strcmp(cmd, "play") == 0) return cmd_play(argc - 1, argv + 1);
    if (strcmp(cmd, "lesson") == 0) return cmd_lesson(argc - 1, argv + 1);
    if (strcmp(cmd, "explore") == 0) return cmd_explore(argc - 1, argv + 1);
    if (strcmp(cmd, "challenge") == 0) return cmd_challenge(argc - 1, argv + 1);
    if (strcmp(cmd, "calibrate") == 0) return cmd_calibrate(argc - 1, argv + 1);
    if (cmd[0] != '-' && argc == 2) return repl_main(cmd, NULL, 0);
    fprintf(stderr, "interleave: unknown command '%s'\n", cmd);
    usage(stderr);
    return EXIT_USAGE;
}
