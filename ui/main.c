/* main.c - entry point: dispatch to the subcommands. */
#include "cli.h"
#include "lesson.h"
#include "repl.h"
#include "tui.h"

#include <stdlib.h>
#include <string.h>

/* A summary of the man page's synopsis (docs/interleave.1). */
static void usage(FILE *f)
{
    fputs("usage: interleave [FILE]                 open the REPL (with FILE loaded)\n"
          "       interleave run [options] FILE    simulate FILE: its timeline, output and statistics,\n"
          "                                        or --format json|chrome|svg\n"
          "       interleave play [options] FILE   watch FILE run in the full-screen UI\n"
          "       interleave lesson [options] [N]  list the lessons, or start lesson N\n"
          "       interleave --help | --version\n"
          "\n"
          "interleave simulates a Python program that uses threads, processes or\n"
          "asyncio, deterministically, on virtual cores with CPython's GIL.\n"
          "`interleave run --help` lists the options of run; in the REPL, `help`\n"
          "lists its commands.  The manual: man interleave (docs/interleave.1).\n"
          "\n"
          "Environment: NO_COLOR, TERM, INTERLEAVE_HISTORY, XDG_STATE_HOME,\n"
          "INTERLEAVE_SNAPSHOTS, INTERLEAVE_DATA.\n"
          "Exit status: 0 success (or the program's sys.exit status), 1 scenario or\n"
          "program error, 2 usage error, 3 deadlock.\n",
          f);
}

int main(int argc, char **argv)
{
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
    if (cmd[0] != '-' && argc == 2) return repl_main(cmd, NULL, 0);
    fprintf(stderr, "interleave: unknown command '%s'\n", cmd);
    usage(stderr);
    return EXIT_USAGE;
}
