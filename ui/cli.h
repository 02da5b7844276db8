/* cli.h - command-line subcommands and shared printing helpers. */
#ifndef IL_CLI_H
#define IL_CLI_H

#include "../sim/sim.h"
#include <stdio.h>

#define INTERLEAVE_VERSION "0.1.0"

/* Exit statuses (documented in --help). */
enum { EXIT_OK = 0, EXIT_ERROR = 1, EXIT_USAGE = 2, EXIT_DEADLOCK = 3 };

int cmd_run(int argc, char **argv);

/* Print a load error as `file:line:col: error: msg`, the source line and a
 * caret under the column. */
void print_load_error(FILE *f, const LoadError *e, const char *source);
/* Load path with the KEY=VALUE settings in sets and report a broken
 * scenario (file:line:col: error) before anything else is done with it:
 * EXIT_OK, or the exit status to return. */
int check_scenario(const char *path, char **sets, int nsets);

/* The getopt_long entries of the options that set a setting (--set,
 * --cores, --gil, --seed, --calibrated), shared by run and explore. */
#define CLI_SETTING_OPTIONS                                                    \
    {"set", required_argument, 0, 's'}, {"cores", required_argument, 0, 'c'}, \
    {"gil", required_argument, 0, 'g'}, {"seed", required_argument, 0, 'S'},  \
    {"calibrated", no_argument, 0, 'C'}
/* Option c, one of those, appended to sets as KEY=VALUE; false for any
 * other option. */
bool cli_setting_option(int c, const char *arg, char **sets, int *nsets);

#endif
