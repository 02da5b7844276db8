/* sim.h - the simulator's public interface, for the front ends in ui/.
 *
 * A Sim is one loaded scenario and one run of it.  Load, run, then read the
 * results (program output, errors, statistics, the trace).  Nothing here
 * touches a terminal; errors come back as values. */
#ifndef IL_SIM_H
#define IL_SIM_H

#include "common.h"
#include "settings.h"
#include "trace.h"
#include "stats.h"

typedef struct Sim Sim;

typedef struct LoadError {
    char file[256];
    int line, col;            /* 0 when not tied to a place */
    char msg[1024];
    bool usage;               /* a bad override (--set): a usage error, not the file's */
} LoadError;


Sim *sim_new(void);
void sim_free(Sim *S);
/* The library's Python parts compiled at build time (modules.h): the
 * program says so once, before any sim_new; without them every import
 * compiles its part from source. */
struct FrozenPart;
void sim_use_frozen(const struct FrozenPart *parts);
/* A finished run that is only to be looked at keeps its record - the
 * trace, the output, the settings, the fatal message, the debugger's end
 * time - and frees the rest: its objects, tasks and processes.  Nothing
 * may run, inspect or step it after that (the UI's reference run of 100k
 * tasks: the session's own run needs the memory).  No-op unless finished. */
void sim_drop_heap(Sim *S);
bool sim_heap_dropped(const Sim *S);

/* Load a scenario from a file ("-" is stdin).  overrides: "key=value"
 * strings applied after the header.  Returns false and fills err. */
bool sim_load(Sim *S, const char *path, const char *const *overrides, int noverrides, LoadError *err);
bool sim_load_source(Sim *S, const char *name, const char *src, size_t len,
                     const char *const *overrides, int noverrides, LoadError *err);

/* The machine's calibration profile (`interleave calibrate`): `key: value`
 * lines as in a scenario header, and the file they came from.  A run whose
 * settings say `calibrated: yes` takes from it every setting its header
 * and overrides leave unset.  Process-wide: the front end reads the file
 * once, before any load.  False with a `file:line:col:` message in err for
 * a bad profile. */
bool sim_calibration(const char *text, const char *origin, char *err, size_t errn);
/* Where the run's calibrated costs came from, or NULL if not calibrated. */
const char *sim_calibrated_from(Sim *S);

/* The loaded program's bytecode, human-readable (`interleave run --dis`). */
void sim_disasm(Sim *S, SBuf *out);

/* Run the loaded program to its end. */
SimStatus sim_run(Sim *S);
/* Does the run have a GIL (the gil setting)? */
bool sim_gil_on(Sim *S);

/* Results. */
const char *sim_stdout(Sim *S, size_t *len);
const char *sim_stderr(Sim *S, size_t *len);
int64_t sim_elapsed_ns(Sim *S);
uint64_t sim_ops(Sim *S);
int sim_exit_code(Sim *S);              /* the process exit status the program asked for */
const Settings *sim_settings(Sim *S);
const char *sim_description(Sim *S);
const char *sim_fatal_message(Sim *S);  /* for SIM_FATAL / SIM_DEADLOCK */
const char *sim_source(Sim *S);         /* the loaded source text, or "" */
/* The trace of the run, and its stable hash. */
const Trace *sim_trace(Sim *S);
uint64_t sim_trace_hash(Sim *S);

/* Location and message of the uncaught exception (SIM_EXCEPTION). */
bool sim_error_location(Sim *S, int *line, int *col, char *msg, size_t msgn);

#endif
