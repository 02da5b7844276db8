/* settings.h - simulator settings: their table, defaults, parsing of the
 * scenario header (the module docstring's `key: value` lines) and of
 * command-line / REPL overrides. */
#ifndef IL_SETTINGS_H
#define IL_SETTINGS_H

#include "common.h"

typedef enum { ST_INT, ST_DURATION, ST_ENUM, ST_STRING, ST_FLOAT } SettingType;

/* X(field, key, type, default, min, max, enum values, help).  ST_FLOAT
 * defaults and bounds are given in thousandths (500 = 0.5). */
#define SETTINGS(X) \
    X(title, "title", ST_STRING, 0, 0, 0, NULL, "scenario title shown by the front ends") \
    X(cores, "cores", ST_INT, 2, 1, 64, NULL, "number of virtual CPU cores") \
    X(gil, "gil", ST_ENUM, 1, 0, 1, "off|on", "one GIL per process (off = free-threaded CPython)") \
    X(switch_interval, "switch_interval", ST_DURATION, 5000000, 1000, 10000000000LL, NULL, "GIL switch interval (sys.setswitchinterval)") \
    X(gil_handoff, "gil_handoff", ST_DURATION, 10000, 0, 1000000000, NULL, "time for the GIL to pass to a waiter after a drop") \
    X(preempt, "preempt", ST_ENUM, 0, 0, 1, "breaker|every_op", "where a GIL holder checks for a drop request") \
    X(quantum, "quantum", ST_DURATION, 10000000, 1000, 10000000000LL, NULL, "OS time slice when threads outnumber cores") \
    X(op_cost, "op_cost", ST_DURATION, 3, 1, 1000000, NULL, "virtual time per bytecode op") \
    X(thread_start_cost, "thread_start_cost", ST_DURATION, 100000, 0, 10000000000LL, NULL, "cost of Thread.start()") \
    X(start_method, "start_method", ST_ENUM, 0, 0, 2, "fork|spawn|forkserver", "multiprocessing start method") \
    X(fork_cost, "fork_cost", ST_DURATION, 2000000, 0, 10000000000LL, NULL, "process start cost with fork") \
    X(spawn_cost, "spawn_cost", ST_DURATION, 50000000, 0, 100000000000LL, NULL, "process start cost with spawn") \
    X(forkserver_cost, "forkserver_cost", ST_DURATION, 8000000, 0, 100000000000LL, NULL, "process start cost with forkserver") \
    X(pickle_cost, "pickle_cost", ST_FLOAT, 500, 0, 1000000000, NULL, "ns per byte to pickle data between processes") \
    X(queue_latency, "queue_latency", ST_DURATION, 70000, 0, 10000000000LL, NULL, "one-way latency of multiprocessing.Queue") \
    X(pipe_latency, "pipe_latency", ST_DURATION, 9000, 0, 10000000000LL, NULL, "one-way latency of multiprocessing.Pipe") \
    X(signal_latency, "signal_latency", ST_DURATION, 100000, 0, 10000000000LL, NULL, "time for terminate()/kill() to end a process") \
    X(sleep_slack, "sleep_slack", ST_DURATION, 100000, 0, 10000000000LL, NULL, "how late a thread's time.sleep() or timed wait returns (Linux timer slack and wake-up latency)") \
    X(io_latency, "io_latency", ST_DURATION, 1000000, 0, 100000000000LL, NULL, "default latency of a simulated blocking I/O call") \
    X(aio_step_cost, "aio_step_cost", ST_DURATION, 1000, 0, 1000000000, NULL, "event-loop cost of one task step") \
    X(task_create_cost, "task_create_cost", ST_DURATION, 5000, 0, 1000000000, NULL, "cost of asyncio.create_task") \
    X(goal, "goal", ST_STRING, 0, 0, 0, NULL, "a challenge's goal (interleave challenge; docs/language.md)") \
    X(hint, "hint", ST_STRING, 0, 0, 0, NULL, "a challenge's hint (each hint: line adds one)") \
    X(explain, "explain", ST_STRING, 0, 0, 0, NULL, "what a won challenge shows (each explain: line adds one)") \
    X(calibrated, "calibrated", ST_ENUM, 0, 0, 1, "no|yes", "take the unset costs from this machine's calibration profile (interleave calibrate)") \
    X(seed, "seed", ST_INT, 0, 0, INT64_MAX, NULL, "seed for random and for deliberate schedule variation") \
    X(trio_order, "trio_order", ST_ENUM, 0, 0, 1, "shuffle|fifo", "trio runs each batch of ready tasks forward or reversed by a coin drawn from the seed (shuffle), or in order (fifo)") \
    X(jitter, "jitter", ST_FLOAT, 0, 0, 1000, NULL, "noise on costs and random tie-breaks (0 = none, 0.1 = 10%)") \
    X(max_time, "max_time", ST_DURATION, 600000000000LL, 1, INT64_MAX, NULL, "stop a runaway program at this virtual time") \
    X(max_ops, "max_ops", ST_INT, 2000000000, 1, INT64_MAX, NULL, "stop a runaway program after this many bytecode ops") \
    X(max_memory, "max_memory", ST_INT, 1073741824, 1048576, 68719476736LL, NULL, "bytes of simulated heap beyond which the program gets MemoryError") \
    X(max_output, "max_output", ST_INT, 67108864, 1024, 68719476736LL, NULL, "bytes of program output beyond which the run stops, with a note") \
    X(max_processes, "max_processes", ST_INT, 1000, 1, 100000, NULL, "processes alive at once beyond which starting one fails, as past the OS's ulimit -u") \
    X(max_trace, "max_trace", ST_INT, 268435456, 1048576, 68719476736LL, NULL, "bytes of the run's record (state changes and events) beyond which the run stops")

typedef enum {
#define X(f, k, t, d, mn, mx, ev, h) SET_##f,
    SETTINGS(X)
#undef X
    SET_COUNT
} SettingId;

typedef struct Settings {
    int64_t v[SET_COUNT];     /* ints, durations (ns), enum indexes */
    double f[SET_COUNT];      /* ST_FLOAT values */
    char *title;              /* owned */
    char *text[SET_COUNT];    /* the other ST_STRING settings (owned); a key
                                 given again adds a line */
    bool given[SET_COUNT];    /* set by the header or an override */
} Settings;

typedef struct SettingInfo {
    const char *key;
    SettingType type;
    int64_t def, min, max;
    const char *enums;        /* "a|b|c" */
    const char *help;
} SettingInfo;

extern const SettingInfo settings_info[SET_COUNT];

void settings_init(Settings *s);
/* Does the run have a GIL (gil: on), or is it free-threaded (gil: off)? */
static inline bool settings_gil_on(const Settings *s) { return s->v[SET_gil] == 1; }
void settings_copy(Settings *dst, const Settings *src);
void settings_free(Settings *s);
int settings_find(const char *key);   /* -1 if unknown */
/* Room for any settings error message, including the list of every known
 * key that an unknown key's message carries. */
#define SETTINGS_MSG_MAX 1024

/* Set key to the text value.  Returns false with a message in err (give it
 * SETTINGS_MSG_MAX bytes, or the list of known keys may be cut short). */
bool settings_set(Settings *s, const char *key, const char *value, char *err, size_t errn);
/* The current value as text (for `show settings`); buf must hold 64 bytes. */
const char *settings_format(const Settings *s, int id, char *buf, size_t n);
/* A comma-separated list of every key, for error messages. */
const char *settings_known_keys(void);

typedef struct HeaderError {
    int line, col;
    char msg[SETTINGS_MSG_MAX];
} HeaderError;

/* Parse the header of a module docstring.  doc_first_line is the source
 * line of the docstring's first text line.  On success *description gets the
 * rest of the docstring (owned, may be empty). */
bool settings_parse_header(const char *doc, int doc_first_line, Settings *s,
                           char **description, HeaderError *err);

#endif
