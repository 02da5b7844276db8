/* debug.h - running a Sim in steps, for the REPL and the UI: stop
 * conditions, breakpoints, a watched variable, and interruption.
 *
 * Pausing never changes the run: a run paused and resumed any number of
 * times does exactly what it does straight through (the same trace and
 * output), because the scheduler resumes a paused time slice with the
 * limits it had.  So a front end goes back in time by running again from
 * the start to an earlier Position. */
#ifndef IL_DEBUG_H
#define IL_DEBUG_H

#include "sim.h"

/* What to run until (any field -1: not used). */
typedef struct StopAt {
    int64_t time;         /* before anything happens at this virtual time or later */
    int64_t records;      /* once the trace holds this many records (segments + events) */
    int64_t ops;          /* with `records`: once both this many ops ran and that many records exist */
    int step_task;        /* stepi: this trace task ... */
    int64_t step_ops;     /* ... is about to run its op after this many more */
} StopAt;

/* StopAt with nothing set: run to the end (or a breakpoint). */
StopAt sim_stop_none(void);

/* Where a paused run is: enough to come back to it (StopAt.ops/records). */
typedef struct Position {
    int64_t ops, records;
} Position;

typedef enum {
    PAUSE_NONE,
    PAUSE_TIME,           /* StopAt.time */
    PAUSE_POSITION,       /* StopAt.records / ops */
    PAUSE_STEP,           /* StopAt.step_task */
    PAUSE_LINE,           /* a task reached a line breakpoint */
    PAUSE_TASK,           /* a task with a breakpoint changed state */
    PAUSE_EVENT,          /* an event of a kind with a breakpoint */
    PAUSE_WATCH,          /* the watched variable changed */
    PAUSE_INTERRUPT,      /* sim_interrupt() (Ctrl-C) */
    PAUSE_CHECKPOINT,     /* sim_checkpoints(): a place to snapshot the process */
    PAUSE_CHOICE,         /* a controlled run waits for a choice (schedule.h) */
} PauseReason;

typedef struct PauseInfo {
    PauseReason why;
    int task;             /* the trace task that hit it, or -1 */
    int line;             /* PAUSE_LINE */
    int event;            /* PAUSE_EVENT: the TraceEventKind */
    char old_value[160], new_value[160]; /* PAUSE_WATCH: reprs */
} PauseInfo;

/* Run until stop (NULL: to the end) or a breakpoint.  SIM_PAUSED when it
 * paused, else how the run ended (then sim_run's results are final). */
SimStatus sim_run_until(Sim *S, const StopAt *stop);
bool sim_started(Sim *S);
bool sim_finished(Sim *S);
Position sim_position(Sim *S);
const PauseInfo *sim_pause_info(Sim *S);
/* The paused run's virtual time (the end time once finished). */
int64_t sim_now(Sim *S);

/* Breakpoints and the watch: they last across runs of this Sim only; a
 * front end sets them again on a new Sim. */
void sim_break_line(Sim *S, int line, bool on);
void sim_break_task(Sim *S, int task, bool on);
void sim_break_event(Sim *S, int kind, bool on);
/* Watch a global variable (of every process) by name; NULL: none. */
void sim_watch(Sim *S, const char *name);

/* Pause (PAUSE_CHECKPOINT) each time about `every` more ops have run (0:
 * never), so a front end can snapshot the whole process there and later
 * come back by resuming the snapshot instead of running from the start.
 * Resuming after such a pause with the same StopAt goes on as if nothing
 * had happened. */
void sim_checkpoints(Sim *S, uint64_t every);

/* Async-signal-safe: pause the running Sim at its next chance. */
void sim_interrupt(void);
/* Forget an interrupt not yet acted on (one that came between runs). */
void sim_interrupt_clear(void);

#endif
