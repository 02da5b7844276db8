/* session.h - one scenario being stepped through, for the REPL and the UI:
 * the live (paused) run, the settings it runs with, the breakpoints, and
 * going back in time by running again from the start (runs are
 * deterministic, and pausing never changes them). */
#ifndef IL_SESSION_H
#define IL_SESSION_H

#include "../sim/debug.h"
#include "../sim/inspect.h"
#include "../sim/sim.h"

enum { BP_LINE, BP_TASK, BP_EVENT, BP_WATCH };

typedef struct Breakpoint {
    int id;
    int kind;                 /* BP_* */
    int line;                 /* BP_LINE */
    char name[64];            /* BP_TASK: task name; BP_WATCH: variable */
    int event;                /* BP_EVENT: TraceEventKind, or -1 for deadlock */
    int hits;
} Breakpoint;

typedef struct Session {
    char *path;               /* the loaded scenario, or NULL */
    char **sets;              /* KEY=VALUE overrides, owned */
    int nsets;
    char *schedule;           /* a schedule every run follows (schedule.h), or NULL */
    Sim *S;                   /* the live run (paused, or finished) */
    bool borrowed;            /* S is someone else's (session_borrow): never freed here */
    SimStatus status;         /* of the last run command */
    BUF(Breakpoint) bps;
    int next_bp;
    int focus;                /* the focused task (stepi, list, print), -1 none */
    char lasterr[1400];       /* the last error, as file:line:col: error: ... */
    /* every checkpoint_ops ops of a forward move, checkpoint(ctx) is called
     * with the run paused (the REPL snapshots its process there); 0: never */
    uint64_t checkpoint_ops;
    void (*checkpoint)(void *ctx);
    void *checkpoint_ctx;
} Session;

void session_init(Session *ss);
void session_free(Session *ss);

/* Load path with the session's overrides; on an error the old state is
 * kept and lasterr says why. */
bool session_load(Session *ss, const char *path);
bool session_reload(Session *ss);
/* Follow schedule (NULL: none) from the next load on. */
void session_set_schedule(Session *ss, const char *schedule);
/* Set (or with value NULL, drop) a KEY=VALUE override: the run is done
 * again from the start to the current time.  False (state kept) when
 * the value is bad; lasterr says why. */
bool session_set(Session *ss, const char *key, const char *value);
/* session_set for each KEY=VALUE of the command line (--set, --cores...),
 * before anything is loaded; the command line checked them already. */
void session_set_args(Session *ss, char **sets, int nsets);
/* Replace the overrides with a copy of sets, without running anything:
 * the next session_load applies them. */
void session_reset_sets(Session *ss, char **sets, int nsets);
/* Does an override set key (the header's value is not the one used)? */
bool session_overrides(const Session *ss, const char *key);

/* Forward from where the run is, with the breakpoints. */
SimStatus session_run(Session *ss, const StopAt *stop);
/* To position p or time t (-1: not used), forward or - by running again
 * from the start - back, without stopping at breakpoints. */
SimStatus session_goto(Session *ss, Position p, int64_t t);
/* Back to the start (nothing has run). */
bool session_restart(Session *ss);
/* Use S, a finished run of the session's scenario and settings that the
 * caller owns (the UI's reference run, whose end is where the session is
 * to be), instead of simulating the whole run a second time: the
 * session's own run is freed, S never is.  The session lets go of S
 * unfreed when it moves (goto, restart, set, load); the owner, to let go
 * of S first, calls session_adopt. */
void session_borrow(Session *ss, Sim *S, SimStatus status);
/* If the session borrows S, S is the session's from now on (true); else
 * nothing changes (false). */
bool session_adopt(Session *ss, const Sim *S);

int64_t session_now(Session *ss);
/* The file and settings as one string (a new one): equal strings, the
 * same run. */
char *session_fingerprint(const Session *ss);
bool session_loaded(Session *ss);

/* Breakpoints: returns the new id, or 0 with lasterr. */
int session_break(Session *ss, const Breakpoint *bp);
bool session_delete(Session *ss, int id);   /* id 0: all */

#endif
