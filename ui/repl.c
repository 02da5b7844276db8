/* repl.c - the debugger-style command line.
 *
 * One Session (session.h) holds the scenario and its paused run; each
 * command moves it in time or looks at it.  Going back runs the scenario
 * again from the start: runs are deterministic and pausing never changes
 * them.  With a terminal, libedit gives line editing, a history file and
 * tab completion; otherwise commands are read from stdin, each echoed
 * after "> " so a script's output reads as a transcript. */
#include "repl.h"
#include "cli.h"
#include "export.h"
#include "lesson.h"
#include "progress.h"
#include "session.h"
#include "snap.h"
#include "timeline_text.h"
#include "tui.h"
#include "../sim/narrate.h"

#include <editline/readline.h>
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

typedef struct Repl Repl;
struct Repl {
    Session *ss;          /* the scenario and its run (own, or the caller's) */
    Session own;
    bool in_ui;           /* commands come from the UI's `:` */
    bool interactive;     /* a terminal: prompt, line editing, history */
    bool quit;
    size_t out_shown, err_shown; /* program output already shown */
    char *histfile;
    int depth;            /* nested `source` */
    /* `lesson N`: its predict questions, asked one by one (`answer X`) */
    Lessons lessons;      /* loaded at the first `lesson` (n 0: not yet) */
    const Lesson *lesson;
    LessonQuestion *qs;
    int nqs;
    int q_cur;            /* the question waiting for its answer, -1: none */
};

typedef void (*CmdFn)(Repl *r, int argc, char **argv);

typedef struct Cmd {
    const char *name, *alias, *usage, *help;
    CmdFn fn;
} Cmd;

static const Cmd *find_cmd(const char *name);

/* ---- output helpers ---- */

/* Where commands write: stdout, or what repl_exec() was given. */
static FILE *out_fp;
static FILE *out(void) { return out_fp ? out_fp : stdout; }

static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void say(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfprintf(out(), fmt, ap);
    va_end(ap);
}

/* An error: said like any output, and counted, so that a script piped
 * into the REPL that hit one exits 1 at its end (as sqlite3 does). */
static int failures;
static void fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfprintf(out(), fmt, ap);
    va_end(ap);
    failures++;
}

static void timestr(char *b, size_t n, int64_t ns) { fmt_duration(b, n, ns); }

static bool need_loaded(Repl *r)
{
    if (session_loaded(r->ss)) return true;
    fail("no scenario is loaded: use `load FILE`\n");
    return false;
}

static void usage_of(const char *name)
{
    const Cmd *c = find_cmd(name);
    if (c) fail("usage: %s\n", c->usage);
}

/* The program's output since it was last shown. */
static void show_output(Repl *r)
{
    Sim *S = r->ss->S;
    size_t n, m;
    const char *o = sim_stdout(S, &n), *e = sim_stderr(S, &m);
    if (n > r->out_shown) fwrite(o + r->out_shown, 1, n - r->out_shown, out());
    if (n > r->out_shown && o[n - 1] != '\n') fputc('\n', out());
    if (m > r->err_shown) fwrite(e + r->err_shown, 1, m - r->err_shown, out());
    r->out_shown = n;
    r->err_shown = m;
}

/* After going back: what the program printed up to now counts as shown. */
static void output_seen(Repl *r)
{
    sim_stdout(r->ss->S, &r->out_shown);
    sim_stderr(r->ss->S, &r->err_shown);
}

/* A task's name as tables show it ("Process-1/MainThread" when there are
 * several processes); the buffer is reused every few calls. */
/* "  14      counter = counter + one()" */
static void show_line(Repl *r, int line, const char *mark)
{
    const char *src = sim_source(r->ss->S);
    int n = 1;
    for (const char *p = src; *p; p++) {
        if (n == line) {
            const char *e = strchr(p, '\n');
            say("%s%5d  %.*s\n", mark, line, e ? (int)(e - p) : (int)strlen(p), p);
            return;
        }
        if (*p == '\n') n++;
    }
}

/* Where the run stands after a command moved it. */
static void show_stop(Repl *r, SimStatus st)
{
    Sim *S = r->ss->S;
    show_output(r);
    char t[32];
    timestr(t, sizeof t, session_now(r->ss));
    if (st != SIM_PAUSED) {
        const char *how = st == SIM_OK ? "normally" : st == SIM_EXIT ? "with sys.exit()" : st == SIM_EXCEPTION ? "with an uncaught exception"
                        : st == SIM_DEADLOCK ? "in a deadlock" : "at a limit";
        say("the run ended %s at %s (exit status %d)\n", how, t, st == SIM_DEADLOCK ? 3 : sim_exit_code(S));
        /* (a deadlock's report is on the program's stderr, shown above) */
        if (st == SIM_FATAL) say("interleave: %s\n", sim_fatal_message(S));
        return;
    }
    const PauseInfo *pi = sim_pause_info(S);
    switch (pi->why) {
    case PAUSE_LINE:
        say("breakpoint: %s reached line %d at %s\n", stats_task_str(sim_trace(r->ss->S), pi->task), pi->line, t);
        show_line(r, pi->line, "");
        break;
    case PAUSE_TASK:
        say("breakpoint: %s changed state at %s\n", stats_task_str(sim_trace(r->ss->S), pi->task), t);
        break;
    case PAUSE_EVENT:
        say("breakpoint: %s event at %s\n", trace_event_name[pi->event], t);
        break;
    case PAUSE_WATCH:
        say("watch: %s wrote the variable at %s: %s -> %s\n", stats_task_str(sim_trace(r->ss->S), pi->task), t, pi->old_value, pi->new_value);
        break;
    case PAUSE_INTERRUPT: say("interrupted at %s\n", t); break;
    default: say("at %s\n", t); break;
    }
    for (size_t i = 0; i < r->ss->bps.n; i++) {
        Breakpoint *b = &r->ss->bps.v[i];
        if ((pi->why == PAUSE_LINE && b->kind == BP_LINE && b->line == pi->line) ||
            (pi->why == PAUSE_TASK && b->kind == BP_TASK && b->event == pi->task) ||
            (pi->why == PAUSE_EVENT && b->kind == BP_EVENT && b->event == pi->event) ||
            (pi->why == PAUSE_WATCH && b->kind == BP_WATCH))
            b->hits++;
    }
}

/* The records a forward move went through, one line each. */
static void show_records(Repl *r, size_t seg0, size_t ev0, size_t max)
{
    const Trace *t = sim_trace(r->ss->S);
    Record *rec;
    size_t n;
    narrate_records_between(t, seg0, t->segs.n, ev0, t->evs.n, &rec, &n);
    size_t from = n > max ? n - max : 0;
    if (from) say("  ... %zu earlier records\n", from);
    for (size_t i = from; i < n; i++) {
        SBuf b = {0};
        narrate(r->ss->S, &rec[i], &b);
        char tm[32];
        timestr(tm, sizeof tm, rec[i].t);
        say("  %10s  %s\n", tm, b.s ? b.s : "");
        sb_free(&b);
    }
    free(rec);
}

static bool parse_count(const char *s, int64_t *out)
{
    char *end;
    long long v = strtoll(s, &end, 10);
    if (!*s || *end || v < 1) return false;
    *out = v;
    return true;
}

/* A time for goto, until, timeline or export, through the one duration
 * parser: true, or false after saying why s is not one (as --from and
 * --set do: "too long (at most 9200000000s)"). */
static bool parse_time(const char *s, int64_t *out)
{
    const char *why = duration_parse(s, out);
    if (why) fail("bad time '%s': %s\n", s, why);
    return !why;
}

static int resolve_task(Repl *r, const char *name)
{
    int k = sim_find_task(r->ss->S, name);
    if (k < 0) fail("no task '%s' (see `info tasks`)\n", name);
    return k;
}

/* The focused task, else the main thread. */
static int focus(Repl *r)
{
    if (r->ss->focus >= 0 && r->ss->focus < sim_task_count(r->ss->S)) return r->ss->focus;
    return sim_task_count(r->ss->S) ? 0 : -1;
}

/* A movement forward with the breakpoints. */
static void go(Repl *r, const StopAt *stop, bool list_records)
{
    const Trace *t = sim_trace(r->ss->S);
    size_t seg0 = t ? t->segs.n : 0, ev0 = t ? t->evs.n : 0;
    if (sim_finished(r->ss->S)) {
        say("the run has ended: use `back`, `goto TIME` or `restart`\n");
        return;
    }
    SimStatus st = session_run(r->ss, stop);
    if (list_records) show_records(r, seg0, ev0, 40);
    show_stop(r, st);
}

/* ---- commands ---- */

static void rc_help(Repl *r, int argc, char **argv);

static void rc_quit(Repl *r, int argc, char **argv)
{
    (void)argc, (void)argv;
    r->quit = true;
}

static void rc_load(Repl *r, int argc, char **argv)
{
    /* load FILE, or load --schedule S FILE: the run follows S */
    const char *sched = NULL, *file = argc == 2 ? argv[1] : NULL;
    if (argc == 4 && strcmp(argv[1], "--schedule") == 0) sched = argv[2], file = argv[3];
    if (!file) return usage_of("load");
    char *old = r->ss->schedule ? xstrdup(r->ss->schedule) : NULL;
    session_set_schedule(r->ss, sched);
    if (!session_load(r->ss, file)) {
        session_set_schedule(r->ss, old);
        free(old);
        fail("%s\n", r->ss->lasterr);
        return;
    }
    free(old);
    snap_discard(); /* another run */
    output_seen(r);
    const Settings *set = sim_settings(r->ss->S);
    say("loaded %s: %s%s%s\n", file, set->title && *set->title ? set->title : "(no title)",
        sched ? ", following schedule " : "", sched ? sched : "");
}

static void rc_reload(Repl *r, int argc, char **argv)
{
    (void)argv;
    if (argc != 1) return usage_of("reload");
    if (!session_reload(r->ss)) {
        fail("%s\n", r->ss->lasterr);
        return;
    }
    snap_discard(); /* the file may have changed */
    output_seen(r);
    say("reloaded %s\n", r->ss->path);
}

static void rc_restart(Repl *r, int argc, char **argv)
{
    (void)argv;
    if (argc != 1) return usage_of("restart");
    if (!need_loaded(r)) return;
    if (!session_restart(r->ss)) {
        fail("%s\n", r->ss->lasterr);
        return;
    }
    output_seen(r);
    say("at 0 ns: nothing has run yet\n");
}

static void rc_run(Repl *r, int argc, char **argv)
{
    (void)argv;
    if (argc != 1) return usage_of(argv[0]);
    if (!need_loaded(r)) return;
    StopAt s = sim_stop_none();
    go(r, &s, false);
}

static void rc_step(Repl *r, int argc, char **argv)
{
    int64_t n = 1;
    if (argc > 2 || (argc == 2 && !parse_count(argv[1], &n))) return usage_of("step");
    if (!need_loaded(r)) return;
    StopAt s = sim_stop_none();
    int64_t at = sim_position(r->ss->S).records;
    s.records = n > INT64_MAX - at ? INT64_MAX : at + n; /* step 9999999999999999999 runs to the end */
    go(r, &s, true);
}

static void rc_stepi(Repl *r, int argc, char **argv)
{
    int64_t n = 1;
    if (argc > 2 || (argc == 2 && !parse_count(argv[1], &n))) return usage_of("stepi");
    if (!need_loaded(r)) return;
    int k = focus(r);
    if (k < 0) k = 0;
    StopAt s = sim_stop_none();
    s.step_task = k;
    s.step_ops = n;
    go(r, &s, false);
    TaskView v;
    if (sim_task_view(r->ss->S, k, &v) && v.file) show_line(r, v.line, "");
}

static void moved_to(Repl *r, SimStatus st)
{
    output_seen(r);
    char t[32];
    timestr(t, sizeof t, session_now(r->ss));
    if (st == SIM_PAUSED) say("at %s\n", t);
    else show_stop(r, st);
}

/* ---- going back through a snapshot (snap.h) ---- */

enum { GO_RECORDS, GO_TIME };

/* What a woken snapshot needs to carry on as this REPL: the move, and
 * what may have changed since it was taken. */
typedef struct Resume {
    int kind;             /* GO_* */
    Position p;
    int64_t t;
    int focus, next_bp;
    size_t nbps;          /* followed by the breakpoints */
} Resume;

/* A snapshot every this many ops of a forward move: about 50 ms of
 * simulation, so going back costs about that much at most. */
#define CHECKPOINT_OPS (UINT64_C(1) << 23)

/* Where a snapshot taken inside a command comes back to (run_line). */
static jmp_buf resume_point;

/* Snapshots serve the REPL's own commands at the top level: not a
 * `source`d script (its file position would be the snapshot's), not the
 * UI's `:` commands (the screen is the UI's). */
static bool snaps_usable(Repl *r) { return snap_enabled() && !r->in_ui && r->depth == 0; }

/* Move by waking the latest snapshot before the target - going back, or
 * forward when that skips more than a checkpoint interval; returns only
 * if there is none worth it (or it could not be woken). */
static void jump_via_snapshot(Repl *r, int kind, Position p, int64_t t)
{
    if (!snaps_usable(r)) return;
    int i = snap_find(p, t);
    if (i < 0) return;
    Position here = sim_position(r->ss->S), there = snap_position(i);
    bool back = kind == GO_TIME ? t < session_now(r->ss) : p.records < here.records;
    if (!back && !sim_finished(r->ss->S) && there.ops < here.ops + (int64_t)(CHECKPOINT_OPS / 2)) return;
    Resume m = {kind, p, t, r->ss->focus, r->ss->next_bp, r->ss->bps.n};
    size_t n = sizeof m + m.nbps * sizeof(Breakpoint);
    char *buf = xmalloc(n);
    memcpy(buf, &m, sizeof m);
    if (m.nbps) memcpy(buf + sizeof m, r->ss->bps.v, m.nbps * sizeof(Breakpoint));
    /* its history is older: it reads ours back from the file */
    if (r->interactive && r->histfile) write_history(r->histfile);
    snap_resume(i, buf, n);
    free(buf);
}

static void moved_to(Repl *r, SimStatus st);

/* A snapshot woken by jump_via_snapshot: take over the REPL's state, then
 * make the move as the REPL would have. */
static void took_over(Repl *r)
{
    size_t n;
    const char *buf = snap_message(&n);
    Resume m;
    if (n < sizeof m) return;
    memcpy(&m, buf, sizeof m);
    r->ss->focus = m.focus;
    session_delete(r->ss, 0);
    for (size_t i = 0; i < m.nbps && sizeof m + (i + 1) * sizeof(Breakpoint) <= n; i++) {
        Breakpoint b;
        memcpy(&b, buf + sizeof m + i * sizeof b, sizeof b);
        BUF_PUSH(r->ss->bps, b);
    }
    r->ss->next_bp = m.next_bp;
    if (r->interactive && r->histfile) {
        clear_history();
        read_history(r->histfile);
    }
    SimStatus st = m.kind == GO_TIME ? session_goto(r->ss, (Position){-1, -1}, m.t) : session_goto(r->ss, m.p, -1);
    moved_to(r, st);
}

/* The session's checkpoint: snapshot this process here. */
static void on_checkpoint(void *ctx)
{
    Repl *r = ctx;
    if (!snaps_usable(r)) return;
    if (snap_take(sim_position(r->ss->S), sim_now(r->ss->S), CHECKPOINT_OPS / 2)) longjmp(resume_point, 1);
}

static void rc_back(Repl *r, int argc, char **argv)
{
    int64_t n = 1;
    if (argc > 2 || (argc == 2 && !parse_count(argv[1], &n))) return usage_of("back");
    if (!need_loaded(r)) return;
    Position p = sim_position(r->ss->S);
    if (p.records == 0) {
        say("already at the start\n");
        return;
    }
    p.records = p.records > n ? p.records - n : 0;
    p.ops = -1;
    if (p.records) jump_via_snapshot(r, GO_RECORDS, p, -1);
    SimStatus st = p.records ? session_goto(r->ss, p, -1) : (session_restart(r->ss), SIM_PAUSED);
    moved_to(r, st);
}

static void rc_goto(Repl *r, int argc, char **argv)
{
    int64_t t;
    if (argc != 2) return usage_of("goto");
    if (!parse_time(argv[1], &t)) return;
    if (!need_loaded(r)) return;
    Position p = {-1, -1};
    if (t > 0) jump_via_snapshot(r, GO_TIME, p, t);
    SimStatus st = t == 0 ? (session_restart(r->ss), SIM_PAUSED) : session_goto(r->ss, p, t);
    moved_to(r, st);
}

static void rc_until(Repl *r, int argc, char **argv)
{
    int64_t t;
    if (argc != 2) return usage_of("until");
    if (!parse_time(argv[1], &t)) return;
    if (!need_loaded(r)) return;
    if (t < session_now(r->ss)) {
        fail("that is in the past: use `goto %s` to go back\n", argv[1]);
        return;
    }
    StopAt s = sim_stop_none();
    s.time = t;
    go(r, &s, false);
}

static int event_kind(const char *name)
{
    if (strcmp(name, "gil-switch") == 0) return EV_GIL_TAKE;
    if (strcmp(name, "lock") == 0) return EV_LOCK_ACQUIRE;
    for (int k = 0; k < EV_COUNT; k++)
        if (strcmp(trace_event_name[k], name) == 0) return k;
    return -1;
}

static void rc_break(Repl *r, int argc, char **argv)
{
    if (argc < 2) return usage_of("break");
    if (!need_loaded(r)) return;
    Breakpoint b = {0};
    char *end;
    long line = strtol(argv[1], &end, 10);
    if (strcmp(argv[1], "on") == 0) {
        if (argc != 3) return usage_of("break");
        b.kind = BP_EVENT;
        b.event = event_kind(argv[2]);
        if (b.event < 0) {
            fail("unknown event '%s'; events:", argv[2]);
            for (int k = 0; k < EV_COUNT; k++) say(" %s", trace_event_name[k]);
            say(" gil-switch lock\n");
            return;
        }
        snprintf(b.name, sizeof b.name, "%s", argv[2]);
    } else if (!*end && argc == 2) {
        b.kind = BP_LINE;
        if (line < 1) return usage_of("break");
        /* like gdb: a line without code means the next one with code */
        b.line = sim_code_line(r->ss->S, (int)line);
        if (b.line < 0) {
            fail("no code at or after line %ld\n", line);
            return;
        }
        if (b.line != line) say("line %ld has no code: ", line);
        line = b.line;
    } else {
        /* a task name may contain spaces: "Thread-1 (worker)" */
        SBuf nm = {0};
        for (int i = 1; i < argc; i++) sb_printf(&nm, "%s%s", i > 1 ? " " : "", argv[i]);
        int k = resolve_task(r, nm.s);
        sb_free(&nm);
        if (k < 0) return;
        b.kind = BP_TASK;
        b.event = k;
        snprintf(b.name, sizeof b.name, "%s", stats_task_str(sim_trace(r->ss->S), k));
    }
    int id = session_break(r->ss, &b);
    if (b.kind == BP_LINE) {
        say("breakpoint %d at line %ld\n", id, line);
        show_line(r, (int)line, "");
    } else if (b.kind == BP_TASK) {
        say("breakpoint %d on %s (any change of state)\n", id, b.name);
    } else {
        say("breakpoint %d on %s events\n", id, b.name);
    }
}

static void rc_watch(Repl *r, int argc, char **argv)
{
    if (argc != 2) return usage_of("watch");
    if (!need_loaded(r)) return;
    Breakpoint b = {.kind = BP_WATCH};
    snprintf(b.name, sizeof b.name, "%s", argv[1]);
    int id = session_break(r->ss, &b);
    say("watchpoint %d: global variable %s\n", id, argv[1]);
}

static void rc_delete(Repl *r, int argc, char **argv)
{
    int64_t id = 0;
    if (argc > 2 || (argc == 2 && !parse_count(argv[1], &id))) return usage_of("delete");
    if (!session_delete(r->ss, (int)id)) {
        fail("no breakpoint %lld\n", (long long)id);
        return;
    }
    say(id ? "deleted breakpoint %lld\n" : "deleted all breakpoints\n", (long long)id);
}

static void info_breakpoints(Repl *r)
{
    if (!r->ss->bps.n) {
        say("no breakpoints\n");
        return;
    }
    for (size_t i = 0; i < r->ss->bps.n; i++) {
        Breakpoint *b = &r->ss->bps.v[i];
        say("%3d  ", b->id);
        switch (b->kind) {
        case BP_LINE: say("line %d", b->line); break;
        case BP_TASK: say("task %s", b->name); break;
        case BP_EVENT: say("on %s", b->name); break;
        case BP_WATCH: say("watch %s", b->name); break;
        }
        say("  (hit %d time%s)\n", b->hits, b->hits == 1 ? "" : "s");
    }
}

static void info_tasks(Repl *r, bool alive_only)
{
    Sim *S = r->ss->S;
    int n = sim_task_count(S), shown = 0;
    for (int k = 0; k < n; k++) {
        TaskView v;
        sim_task_view(S, k, &v);
        if (alive_only && v.state == TS_DONE) continue;
        shown++;
        char since[32];
        timestr(since, sizeof since, v.since);
        say("%c %-3d %s%-28s %-9s", k == focus(r) ? '*' : ' ', k, v.coroutine ? "  " : "", stats_task_str(sim_trace(r->ss->S), k), trace_states[v.state].name);
        if (v.file) say(" line %-4d", v.line);
        else say("          ");
        say(" %s", v.reason);
        if (v.waits[0]) say(" (%s)", v.waits);
        say("\n");
    }
    if (!shown) say(n ? "no live tasks\n" : "no tasks yet: nothing has run\n");
}

static void rc_where(Repl *r, int argc, char **argv)
{
    (void)argv;
    if (argc != 1) return usage_of("where");
    if (!need_loaded(r)) return;
    char t[32];
    timestr(t, sizeof t, session_now(r->ss));
    say("at %s\n", t);
    info_tasks(r, true);
}

static void info_cores(Repl *r)
{
    Sim *S = r->ss->S;
    int64_t now = session_now(r->ss);
    for (int i = 0; i < sim_core_count(S); i++) {
        int64_t busy;
        int k = sim_core_task(S, i, &busy);
        say("cpu%d  %-28s busy %3.0f%% so far\n", i, k >= 0 ? stats_task_str(sim_trace(r->ss->S), k) : "idle", now ? 100.0 * (double)busy / (double)now : 0.0);
    }
}

static void info_gil(Repl *r)
{
    Sim *S = r->ss->S;
    for (int p = 0; p < sim_proc_count(S); p++) {
        GilView g;
        sim_gil_view(S, p, &g);
        if (!g.on) {
            say("%s: no GIL (gil: off)\n", sim_proc_name(S, p));
            continue;
        }
        say("%s: ", sim_proc_name(S, p));
        if (g.holder >= 0) say("held by %s", stats_task_str(sim_trace(r->ss->S), g.holder));
        else say("free");
        if (g.drop_request) say(", drop requested");
        if (g.nwaiters) {
            say("; waiting:");
            for (int i = 0; i < g.nwaiters; i++) say("%s %s", i ? "," : "", stats_task_str(sim_trace(r->ss->S), g.waiters[i]));
        }
        /* the first holder took a free GIL: a handoff is a take from
         * another thread (as `info stats` counts them) */
        long long handoffs = g.switches > 0 ? (long long)g.switches - 1 : 0;
        say("; %lld handoff%s, %lld forced\n", handoffs, handoffs == 1 ? "" : "s", (long long)g.forced);
    }
}

/* The snapshots `back` and `goto` can resume from (snap.h): all of them
 * when they are few, else their span and the widest gap (what a move may
 * have to run again). */
static void info_snapshots(void)
{
    if (!snap_enabled()) {
        say("snapshots are off (INTERLEAVE_SNAPSHOTS=0): going back runs again from the start\n");
        return;
    }
    int64_t t[256];
    int n = snap_times(t, 256);
    if (n > 256) n = 256;
    say("%d snapshot%s (taken every %llu ops of a forward move)", n, n == 1 ? "" : "s",
        (unsigned long long)CHECKPOINT_OPS);
    char a[32], b[32];
    if (n <= 12) {
        for (int i = 0; i < n; i++) {
            timestr(a, sizeof a, t[i]);
            say("%s %s", i ? "," : ":", a);
        }
    } else {
        int64_t gap = t[0];
        for (int i = 1; i < n; i++)
            if (t[i] - t[i - 1] > gap) gap = t[i] - t[i - 1];
        timestr(a, sizeof a, t[0]);
        timestr(b, sizeof b, t[n - 1]);
        say(": from %s to %s", a, b);
        timestr(a, sizeof a, gap);
        say(", at most %s apart", a);
    }
    say("\n");
    if (snap_resumed_at() >= 0) {
        timestr(a, sizeof a, snap_resumed_at());
        say("this session went on from the snapshot at %s\n", a);
    }
}

static void rc_info(Repl *r, int argc, char **argv)
{
    if (argc != 2) return usage_of("info");
    const char *w = argv[1];
    if (strcmp(w, "breakpoints") == 0 || strcmp(w, "break") == 0) return info_breakpoints(r);
    if (!need_loaded(r)) return;
    SBuf b = {0};
    if (strcmp(w, "tasks") == 0) info_tasks(r, false);
    else if (strcmp(w, "cores") == 0) info_cores(r);
    else if (strcmp(w, "gil") == 0) info_gil(r);
    else if (strcmp(w, "locks") == 0) sim_objects(r->ss->S, 'l', &b);
    else if (strcmp(w, "queues") == 0) sim_objects(r->ss->S, 'q', &b);
    else if (strcmp(w, "timers") == 0) sim_timers(r->ss->S, &b);
    else if (strcmp(w, "hash") == 0) say("trace hash: %016llx\n", (unsigned long long)sim_trace_hash(r->ss->S));
    else if (strcmp(w, "snapshots") == 0) info_snapshots();
    else if (strcmp(w, "stats") == 0) {
        fflush(out());
        stats_print(out(), r->ss->S);
    } else {
        fail("info what? tasks, cores, gil, locks, queues, timers, stats, breakpoints, hash or snapshots\n");
    }
    if (b.s) fputs(b.s, out());
    sb_free(&b);
}

/* print runs Python code, which could change the run: it runs in a
 * forked copy of this process, and only its text comes back. */
static void rc_print(Repl *r, int argc, char **argv)
{
    if (argc < 2) return usage_of("print");
    if (!need_loaded(r)) return;
    SBuf expr = {0};
    for (int i = 1; i < argc; i++) sb_printf(&expr, "%s%s", i > 1 ? " " : "", argv[i]);
    int fd[2];
    if (pipe(fd) < 0) {
        fail("print: %s\n", strerror(errno));
        sb_free(&expr);
        return;
    }
    fflush(out());
    pid_t pid = fork();
    if (pid == 0) {
        close(fd[0]);
        SBuf out = {0};
        sim_eval(r->ss->S, focus(r), expr.s, &out);
        if (out.s && write(fd[1], out.s, out.n) < 0) _exit(1);
        _exit(0);
    }
    close(fd[1]);
    char buf[4096];
    ssize_t k;
    while ((k = read(fd[0], buf, sizeof buf)) > 0) fwrite(buf, 1, (size_t)k, out());
    close(fd[0]);
    if (pid > 0) waitpid(pid, NULL, 0);
    else fail("print: cannot fork: %s\n", strerror(errno));
    sb_free(&expr);
}

static void rc_list(Repl *r, int argc, char **argv)
{
    if (argc > 2) return usage_of("list");
    if (!need_loaded(r)) return;
    Sim *S = r->ss->S;
    int center = 0;
    if (argc == 2) {
        char *end;
        long l = strtol(argv[1], &end, 10);
        if (!*end) center = (int)l;
        else {
            int k = resolve_task(r, argv[1]);
            if (k < 0) return;
            TaskView v;
            if (sim_task_view(S, k, &v) && v.file) center = v.line;
        }
    } else {
        TaskView v;
        if (focus(r) >= 0 && sim_task_view(S, focus(r), &v) && v.file) center = v.line;
    }
    if (center < 1) center = 1;
    /* which tasks are on which line: their labels in the margin */
    int n = sim_task_count(S);
    for (int line = center - 5 < 1 ? 1 : center - 5; line <= center + 5; line++) {
        char mark[8] = "   ";
        int m = 0;
        for (int k = 0; k < n && m < 3; k++) {
            TaskView v;
            if (sim_task_view(S, k, &v) && v.state != TS_DONE && v.file && v.line == line) mark[m++] = stats_label(sim_trace(S), k);
        }
        char pre[16];
        snprintf(pre, sizeof pre, "%s%c", mark, line == center ? '>' : ' ');
        show_line(r, line, pre);
    }
}

static void rc_explain(Repl *r, int argc, char **argv)
{
    if (!need_loaded(r)) return;
    int k = focus(r);
    if (argc >= 2) {
        SBuf nm = {0};
        for (int i = 1; i < argc; i++) sb_printf(&nm, "%s%s", i > 1 ? " " : "", argv[i]);
        k = resolve_task(r, nm.s);
        sb_free(&nm);
        if (k < 0) return;
    }
    if (k < 0) {
        say("no tasks yet: nothing has run\n");
        return;
    }
    SBuf b = {0};
    sim_explain(r->ss->S, k, &b);
    fputs(b.s, out());
    sb_free(&b);
}

static void rc_timeline(Repl *r, int argc, char **argv)
{
    if (argc != 1 && argc != 3) return usage_of("timeline");
    if (!need_loaded(r)) return;
    int64_t from = 0, to = session_now(r->ss);
    if (argc == 3 && (!parse_time(argv[1], &from) || !parse_time(argv[2], &to))) return;
    if (argc == 3 && to <= from) return usage_of("timeline");
    if (to <= 0) {
        say("nothing has run yet\n");
        return;
    }
    fflush(out());
    timeline_print(out(), sim_trace(r->ss->S), from, to, 100, sim_gil_on(r->ss->S));
}

/* The UI on this run; `q` there comes back here at the UI's instant. */
static void rc_ui(Repl *r, int argc, char **argv)
{
    (void)argv;
    if (argc != 1) return usage_of("ui");
    if (!need_loaded(r)) return;
    if (r->in_ui) {
        say("already in the UI (q goes back to the REPL)\n");
        return;
    }
    char why[256];
    TuiOptions o;
    tui_options_init(&o);
    o.cmds = &repl_commands;
    if (!tui_available(why, sizeof why)) {
        fail("ui: %s\n", why);
        return;
    }
    /* no snapshots under the UI's screen; if it changed the run (g, c,
     * :set...), the old ones are of another run */
    void (*ckpt)(void *) = r->ss->checkpoint;
    r->ss->checkpoint = NULL;
    char *before = session_fingerprint(r->ss);
    int rc = tui_session(r->ss, r, &o, why, sizeof why);
    char *after = session_fingerprint(r->ss);
    if (strcmp(before, after) != 0) snap_discard();
    free(before);
    free(after);
    r->ss->checkpoint = ckpt;
    if (rc != 0) {
        fail("ui: %s\n", why);
        return;
    }
    output_seen(r);
    char t[32];
    timestr(t, sizeof t, session_now(r->ss));
    say("back from the UI at %s\n", t);
}

static void rc_task(Repl *r, int argc, char **argv)
{
    if (!need_loaded(r)) return;
    if (argc == 1) {
        int k = focus(r);
        if (k < 0) say("no tasks yet\n");
        else say("focus: %d %s\n", k, stats_task_str(sim_trace(r->ss->S), k));
        return;
    }
    SBuf nm = {0};
    for (int i = 1; i < argc; i++) sb_printf(&nm, "%s%s", i > 1 ? " " : "", argv[i]);
    int k = resolve_task(r, nm.s);
    sb_free(&nm);
    if (k < 0) return;
    r->ss->focus = k;
    say("focus: %d %s\n", k, stats_task_str(sim_trace(r->ss->S), k));
}

static void rc_set(Repl *r, int argc, char **argv)
{
    if (argc != 3) return usage_of("set");
    if (settings_find(argv[1]) < 0) {
        fail("unknown setting '%s'; settings: %s\n", argv[1], settings_known_keys());
        return;
    }
    /* the snapshots are of the run under the old value */
    snap_discard();
    if (!session_set(r->ss, argv[1], argv[2])) {
        fail("%s\n", r->ss->lasterr);
        return;
    }
    if (session_loaded(r->ss)) {
        output_seen(r);
        char t[32];
        timestr(t, sizeof t, session_now(r->ss));
        say("%s = %s; run again from the start to %s\n", argv[1], argv[2], t);
    } else {
        say("%s = %s\n", argv[1], argv[2]);
    }
}

static void rc_show(Repl *r, int argc, char **argv)
{
    if (argc != 2 || strcmp(argv[1], "settings") != 0) return usage_of("show");
    if (!need_loaded(r)) return;
    const Settings *set = sim_settings(r->ss->S);
    for (int i = 0; i < SET_COUNT; i++) {
        char v[128];
        /* a challenge's goal, hints and explanation only when it has them */
        if (settings_info[i].type == ST_STRING && i != SET_title && !set->given[i]) continue;
        settings_format(set, i, v, sizeof v);
        say("%-18s %-12s %s\n", settings_info[i].key, v, set->given[i] ? "(set)" : "");
    }
}

/* The program's own figure: the last line of its output with a digit in
 * it ("threads / sequential = 1.00", "slowdown: 26x"), cut to fit; "" when
 * it prints none. */
static void last_figure(Sim *S, char *b, size_t n)
{
    size_t len;
    const char *o = sim_stdout(S, &len);
    b[0] = 0;
    size_t end = len;
    while (end > 0) {
        size_t st = end;
        while (st > 0 && o[st - 1] != '\n') st--;
        bool digit = false;
        for (size_t i = st; i < end; i++) digit |= o[i] >= '0' && o[i] <= '9';
        if (digit) {
            size_t k = end - st < n - 1 ? end - st : n - 1;
            memcpy(b, o + st, k);
            b[k] = 0;
            return;
        }
        end = st ? st - 1 : 0;
    }
}

/* compare KEY=V1,V2 ...: every combination, run to the end. */
static void rc_compare(Repl *r, int argc, char **argv)
{
    if (argc < 2) return usage_of("compare");
    if (!need_loaded(r)) return;
    enum { MAXK = 4, MAXV = 8 };
    char keys[MAXK][64], vals[MAXK][MAXV][64];
    int nk = 0, nv[MAXK];
    for (int i = 1; i < argc && nk < MAXK; i++) {
        char *eq = strchr(argv[i], '=');
        if (!eq) return usage_of("compare");
        snprintf(keys[nk], sizeof keys[nk], "%.*s", (int)(eq - argv[i]), argv[i]);
        if (settings_find(keys[nk]) < 0) {
            fail("unknown setting '%s'\n", keys[nk]);
            return;
        }
        nv[nk] = 0;
        for (char *p = strtok(eq + 1, ","); p && nv[nk] < MAXV; p = strtok(NULL, ",")) snprintf(vals[nk][nv[nk]++], 64, "%s", p);
        if (!nv[nk]) return usage_of("compare");
        nk++;
    }
    for (int k = 0; k < nk; k++) say("%-12s", keys[k]);
    say("%12s %11s %11s %12s  %s\n", "elapsed", "parallelism", "cores busy", "GIL handoffs", "the program's own figure");
    int idx[MAXK] = {0};
    for (;;) {
        /* this combination's overrides, after the session's */
        int n = r->ss->nsets;
        char **sets = xmalloc(((size_t)n + MAXK) * sizeof *sets);
        for (int i = 0; i < n; i++) sets[i] = r->ss->sets[i];
        char own[MAXK][140];
        for (int k = 0; k < nk; k++) {
            snprintf(own[k], sizeof own[k], "%s=%s", keys[k], vals[k][idx[k]]);
            sets[n++] = own[k];
        }
        Sim *S = sim_new();
        LoadError le;
        for (int k = 0; k < nk; k++) say("%-12s", vals[k][idx[k]]);
        if (!sim_load(S, r->ss->path, (const char *const *)sets, n, &le)) {
            fail("error: %s\n", le.msg);
        } else {
            SimStatus st = sim_run(S);
            Stats *s = stats_compute(sim_trace(S));
            double busy = 0;
            for (int c = 0; c < s->ncores; c++) busy += (double)s->core_busy[c];
            char el[32];
            timestr(el, sizeof el, sim_elapsed_ns(S));
            char own_fig[64];
            last_figure(S, own_fig, sizeof own_fig);
            say("%12s %11.2f %10.0f%% %12lld  %s%s\n", el, s->parallelism,
                s->elapsed ? 100.0 * busy / ((double)s->elapsed * s->ncores) : 0.0, (long long)s->gil_handoffs, own_fig,
                st == SIM_DEADLOCK ? "  (deadlock)" : st == SIM_OK || st == SIM_EXIT ? "" : "  (failed)");
            stats_free(s);
        }
        sim_free(S);
        free(sets);
        int k = nk - 1;
        while (k >= 0 && ++idx[k] == nv[k]) idx[k--] = 0;
        if (k < 0) break;
    }
}

/* export chrome|svg FILE [FROM TO]: the run so far, or a window of it. */
static void rc_export(Repl *r, int argc, char **argv)
{
    if (argc != 3 && argc != 5) return usage_of("export");
    int fmt = export_format(argv[1]);
    if (fmt < 0) {
        fail("unknown format '%s': chrome or svg\n", argv[1]);
        return;
    }
    ExportOpts o = {0};
    if (argc == 5 && (!parse_time(argv[3], &o.from) || !parse_time(argv[4], &o.to))) return;
    if (argc == 5 && o.to <= o.from) return usage_of("export");
    if (!need_loaded(r)) return;
    if (session_now(r->ss) <= 0) {
        say("nothing has run yet: step or run first\n");
        return;
    }
    o.source = r->ss->path;
    char err[600];
    fflush(stdout);
    if (!export_to_file(r->ss->S, (ExportFormat)fmt, argv[2], &o, err, sizeof err)) {
        fail("export: %s\n", err);
        return;
    }
    int64_t to = o.to > 0 && o.to < session_now(r->ss) ? o.to : session_now(r->ss);
    char a[32], b[32];
    timestr(a, sizeof a, o.from);
    timestr(b, sizeof b, to);
    say("wrote %s: %s of %s to %s\n", argv[2], fmt == EXPORT_CHROME ? "a Chrome trace" : "an SVG timeline", a, b);
}

/* ---- lessons: predict, then check ----
 *
 * `lesson N` shows lesson N's text (without its answers) and asks its first
 * predict question, with its scenario loaded.  Until `answer X` (or
 * `answer skip`), the commands that would show the run's output or
 * figures wait; then the run plays to its end, the answer is judged,
 * remembered (progress.h) and explained, and the next question is asked. */

static void lesson_forget(Repl *r)
{
    lesson_questions_free(r->qs, r->nqs);
    r->qs = NULL;
    r->nqs = 0;
    r->q_cur = -1;
    r->lesson = NULL;
}

static bool lessons_ready(Repl *r)
{
    if (r->lessons.n) return true;
    char err[512];
    if (lessons_load(&r->lessons, err, sizeof err)) return true;
    say("%s\n", err);
    return false;
}

/* Ask question i (loading its scenario when another one is loaded). */
static void ask(Repl *r, int i)
{
    r->q_cur = i;
    const LessonQuestion *q = &r->qs[i];
    if (!r->ss->path || !lesson_question_is_for(q, r->ss->path)) {
        SBuf path = {0};
        sb_printf(&path, "%s/scenarios/%s", r->lessons.dir, q->scenario);
        char *argv[2] = {"load", path.s};
        rc_load(r, 2, argv);
        sb_free(&path);
    }
    say("\nQuestion %d of %d (%s): %s\n", i + 1, r->nqs, q->scenario, q->ask);
    for (int k = 0; k < q->nchoices; k++) say("  %s\n", q->choices[k]);
    if (q->numeric)
        say("Predict, then `answer NUMBER`%s%s (or `answer skip`); the run waits for it.\n", q->unit ? " in " : "",
            q->unit ? q->unit : "");
    else
        say("Predict, then `answer %c`..`answer %c` (or `answer skip`); the run waits for it.\n", q->choices[0][0],
            q->choices[q->nchoices - 1][0]);
}

static void rc_lesson(Repl *r, int argc, char **argv)
{
    if (argc > 2) return usage_of("lesson");
    if (!lessons_ready(r)) return;
    if (argc == 1) {
        lessons_print(&r->lessons, out());
        return;
    }
    char *end;
    long n = strtol(argv[1], &end, 10);
    const Lesson *l = *end || end == argv[1] ? NULL : lesson_get(&r->lessons, (int)n);
    if (!l) {
        say("no lesson %s (there are %d: `lesson` lists them)\n", argv[1], r->lessons.n);
        return;
    }
    lesson_forget(r);
    char err[512];
    LessonQuestion *qs;
    int nq = lesson_questions(l, &qs, err, sizeof err);
    if (nq < 0) {
        say("%s\n", err);
        return;
    }
    r->lesson = l;
    r->qs = qs;
    r->nqs = nq;
    say("Lesson %d. %s\n\n%s\n", l->number, l->title, l->text);
    if (nq) ask(r, 0);
    else if (l->nscenarios) {
        char *largv[2] = {"load", l->scenarios[0]};
        rc_load(r, 2, largv);
    }
}

static void rc_answer(Repl *r, int argc, char **argv)
{
    if (argc < 2) return usage_of("answer");
    if (r->q_cur < 0) {
        say("no question is waiting for an answer: `lesson N` starts lesson N\n");
        return;
    }
    /* the answer may have spaces ("2.5 s") */
    SBuf given = {0};
    for (int i = 1; i < argc; i++) sb_printf(&given, "%s%s", i > 1 ? " " : "", argv[i]);
    const LessonQuestion *q = &r->qs[r->q_cur];
    bool skip = strcmp(given.s, "skip") == 0;
    int verdict = skip ? LP_SKIPPED : lesson_judge(q, given.s);
    if (verdict == LP_NONE) {
        if (q->numeric) say("'%s' is not a number: `answer NUMBER` (or `answer skip`)\n", given.s);
        else say("'%s' is not one of the choices %c..%c (or `answer skip`)\n", given.s, q->choices[0][0],
                 q->choices[q->nchoices - 1][0]);
        sb_free(&given);
        return;
    }
    char right[256];
    if (!lesson_progress_record(r->lesson->number, r->q_cur + 1, verdict, skip ? "-" : given.s))
        say("(your answer is not remembered: the progress file cannot be written)\n");
    sb_free(&given);
    /* now the run: to its end, its output shown */
    int answered = r->q_cur;
    r->q_cur = -1;
    if (session_loaded(r->ss)) {
        char *rargv[1] = {"run"};
        rc_run(r, 1, rargv);
    }
    lesson_answer_text(q, right, sizeof right);
    if (verdict == LP_RIGHT) say("\nRight: %s. %s\n", right, q->explain);
    else if (verdict == LP_WRONG) say("\nNot quite: the answer is %s. %s\n", right, q->explain);
    else say("\nSkipped: the answer is %s. %s\n", right, q->explain);
    if (answered + 1 < r->nqs) {
        ask(r, answered + 1);
        return;
    }
    const Lesson *next = NULL;
    for (int i = 0; i < r->lessons.n; i++)
        if (&r->lessons.v[i] == r->lesson && i + 1 < r->lessons.n) next = &r->lessons.v[i + 1];
    if (next) say("That was the last question of lesson %d; `lesson %d` goes on (%s).\n", r->lesson->number, next->number, next->title);
    else say("That was the last question of the last lesson: the end of the course.\n");
}

/* A command that would show the run before the pending question is
 * answered: say so and refuse (true). */
static bool waits_for_answer(Repl *r, const char *cmd)
{
    static const char *const reveal[] = {"run", "r", "continue", "c", "step", "s", "stepi", "si", "until", "u",
                                         "goto", "timeline", "tl", "compare", "info", "i", "ui", "export", "back"};
    if (r->q_cur < 0) return false;
    for (size_t i = 0; i < ARRAY_LEN(reveal); i++)
        if (strcmp(cmd, reveal[i]) == 0) {
            say("first your prediction: `answer X` (or `answer skip`) - then the run plays\n");
            return true;
        }
    return false;
}

static void run_script(Repl *r, FILE *f);

static void rc_source(Repl *r, int argc, char **argv)
{
    if (argc != 2) return usage_of("source");
    if (r->depth > 8) {
        fail("source: too deeply nested\n");
        return;
    }
    FILE *f = fopen(argv[1], "r");
    if (!f) {
        fail("source: cannot read '%s': %s\n", argv[1], strerror(errno));
        return;
    }
    r->depth++;
    run_script(r, f);
    r->depth--;
    fclose(f);
}

static const Cmd commands[] = {
    {"help", "h", "help [COMMAND]", "list the commands, or explain one", rc_help},
    {"load", NULL, "load [--schedule S] FILE", "load a scenario (the run starts paused at 0); with --schedule the run follows schedule S, as `interleave explore` prints them", rc_load},
    {"reload", NULL, "reload", "load the scenario file again", rc_reload},
    {"restart", NULL, "restart", "go back to the start of the run", rc_restart},
    {"run", "r", "run", "run to the end or the next breakpoint", rc_run},
    {"continue", "c", "continue", "the same as run", rc_run},
    {"step", "s", "step [N]", "go forward N trace records (events and state changes), listing them", rc_step},
    {"stepi", "si", "stepi [N]", "run N bytecode ops of the focused task", rc_stepi},
    {"back", NULL, "back [N]", "go back N trace records", rc_back},
    {"goto", NULL, "goto TIME", "go to a virtual time, forward or back (e.g. goto 12.5ms)", rc_goto},
    {"until", "u", "until TIME", "run forward to a virtual time, stopping at breakpoints", rc_until},
    {"break", "b", "break LINE | break TASK | break on EVENT", "stop when a task reaches a line, when a task changes state, or at an event (gil-switch, lock, print, spawn, deadlock...)", rc_break},
    {"watch", NULL, "watch VAR", "stop when a global variable changes, showing old -> new and who wrote it", rc_watch},
    {"delete", "d", "delete [N]", "delete breakpoint N, or all", rc_delete},
    {"info", "i", "info tasks|cores|gil|locks|queues|timers|stats|breakpoints|hash|snapshots", "show part of the run's state (hash: the trace's, as run --trace-hash; snapshots: where back resumes from)", rc_info},
    {"where", "w", "where", "each live task: its state, line and what it waits for", rc_where},
    {"print", "p", "print EXPR", "evaluate a Python expression in the focused task's scope", rc_print},
    {"list", "l", "list [LINE|TASK]", "source around a line or a task (task labels in the margin)", rc_list},
    {"explain", "x", "explain [TASK]", "why a task is in its state now, in words", rc_explain},
    {"timeline", "tl", "timeline [FROM TO]", "the text timeline of the run so far, or of a window", rc_timeline},
    {"task", "t", "task [TASK]", "show or set the focused task (stepi, print, list, explain)", rc_task},
    {"set", NULL, "set KEY VALUE", "change a setting; the run is done again to the current time", rc_set},
    {"show", NULL, "show settings", "the settings and their values", rc_show},
    {"compare", NULL, "compare KEY=V1,V2 [KEY=...]", "run the scenario under each combination: elapsed time, parallelism (average busy cores), core use, GIL handoffs and the last figure the program prints", rc_compare},
    {"export", NULL, "export chrome|svg FILE [FROM TO]", "write the run so far (or a window of it) as a Chrome trace (Perfetto) or an SVG timeline", rc_export},
    {"source", NULL, "source FILE", "run the commands in FILE", rc_source},
    {"lesson", NULL, "lesson [N]", "list the lessons with your progress, or start lesson N: its text, then its questions to predict", rc_lesson},
    {"answer", NULL, "answer X | answer skip", "answer the lesson's question (a letter or a number); then the run plays and the answer is explained", rc_answer},
    {"ui", NULL, "ui", "open the UI on this run (q there comes back here, at the UI's time)", rc_ui},
    {"quit", "q", "quit", "leave (Ctrl-D too)", rc_quit},
    {"exit", NULL, "exit", "the same as quit", rc_quit},
};

static const Cmd *find_cmd(const char *name)
{
    for (size_t i = 0; i < ARRAY_LEN(commands); i++)
        if (strcmp(commands[i].name, name) == 0 || (commands[i].alias && strcmp(commands[i].alias, name) == 0))
            return &commands[i];
    return NULL;
}

static void rc_help(Repl *r, int argc, char **argv)
{
    (void)r;
    if (argc == 2) {
        const Cmd *c = find_cmd(argv[1]);
        if (!c) {
            fail("no command '%s'\n", argv[1]);
            return;
        }
        say("%s\n  %s\n", c->usage, c->help);
        if (c->alias) say("  (short: %s)\n", c->alias);
        return;
    }
    for (size_t i = 0; i < ARRAY_LEN(commands); i++) say("  %-44s %s\n", commands[i].usage, commands[i].help);
    say("TIME takes a unit: 500ns, 20us, 12.5ms, 2s.  A TASK is a number, a name or a label (see `info tasks`).\n");
}

/* The edit distance between two short words, for "did you mean". */
static int distance(const char *a, const char *b)
{
    int la = (int)strlen(a), lb = (int)strlen(b);
    if (la > 30 || lb > 30) return 99;
    int d[32][32];
    for (int i = 0; i <= la; i++) d[i][0] = i;
    for (int j = 0; j <= lb; j++) d[0][j] = j;
    for (int i = 1; i <= la; i++)
        for (int j = 1; j <= lb; j++) {
            int c = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
            if (d[i - 1][j] + 1 < c) c = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < c) c = d[i][j - 1] + 1;
            d[i][j] = c;
        }
    return d[la][lb];
}

static void run_line(Repl *r, char *line)
{
    char *argv[32];
    int argc = 0;
    for (char *p = strtok(line, " \t\r\n"); p && argc < 32; p = strtok(NULL, " \t\r\n")) argv[argc++] = p;
    if (!argc || argv[0][0] == '#') return;
    const Cmd *c = find_cmd(argv[0]);
    if (!c) {
        const char *best = NULL;
        int bd = 3;
        for (size_t i = 0; i < ARRAY_LEN(commands); i++) {
            int d = distance(argv[0], commands[i].name);
            if (d < bd) {
                bd = d;
                best = commands[i].name;
            }
        }
        if (best) fail("unknown command '%s'; did you mean '%s'?\n", argv[0], best);
        else fail("unknown command '%s'; try `help`\n", argv[0]);
        return;
    }
    if (waits_for_answer(r, c->name)) return;
    sim_interrupt_clear(); /* a Ctrl-C at the prompt is not for this command */
    if (snaps_usable(r) && setjmp(resume_point)) {
        /* this is a snapshot, woken to take over from a later REPL */
        took_over(r);
        fflush(out());
        return;
    }
    c->fn(r, argc, argv);
    fflush(out());
}

static void run_script(Repl *r, FILE *f)
{
    char *line = NULL;
    size_t cap = 0;
    while (!r->quit && getline(&line, &cap, f) >= 0) {
        line[strcspn(line, "\r\n")] = 0;
        if (!r->interactive || r->depth) say("> %s\n", line);
        run_line(r, line);
    }
    free(line);
}

/* ---- the terminal side: history, completion, Ctrl-C ---- */

static char *history_path(void)
{
    const char *h = getenv("INTERLEAVE_HISTORY");
    if (h && *h) return xstrdup(h);
    SBuf b = {0};
    const char *x = getenv("XDG_STATE_HOME");
    if (x && *x) {
        sb_printf(&b, "%s/interleave", x);
        mkdir(b.s, 0700);
        sb_puts(&b, "/history");
        return sb_take(&b);
    }
    const char *home = getenv("HOME");
    sb_printf(&b, "%s/.interleave_history", home && *home ? home : ".");
    return sb_take(&b);
}

static Repl *the_repl; /* for the completion callbacks */

static const char *const info_words[] = {"tasks", "cores", "gil", "locks", "queues", "timers", "stats", "breakpoints", "hash", "snapshots", NULL};

static char **word_list; /* the candidates of the current completion */

static char *gen_words(const char *text, int state)
{
    static int i;
    static size_t len;
    if (!state) {
        i = 0;
        len = strlen(text);
    }
    while (word_list && word_list[i]) {
        const char *w = word_list[i++];
        if (strncmp(w, text, len) == 0) return strdup(w);
    }
    return NULL;
}

static void words_reset(void)
{
    if (word_list)
        for (char **p = word_list; *p; p++) free(*p);
    free(word_list);
    word_list = NULL;
}

typedef BUF(char *) Words;

static void words_add(Words *b, const char *w) { BUF_PUSH(*b, xstrdup(w)); }

/* File names; a lone directory gets a '/' rather than a space, to go on
 * into it. */
static char **complete_file(const char *text)
{
    char **m = rl_completion_matches(text, rl_filename_completion_function);
    struct stat sb;
    /* one match: libedit gives {it, it, NULL}, readline {it, NULL} */
    if (m && m[0] && (!m[1] || !m[2]) && stat(m[0], &sb) == 0 && S_ISDIR(sb.st_mode) && strlen(m[0]) && m[0][strlen(m[0]) - 1] != '/') {
        size_t n = strlen(m[0]);
        char *d = malloc(n + 2);
        if (d) {
            memcpy(d, m[0], n);
            memcpy(d + n, "/", 2);
            free(m[0]);
            m[0] = d;
            rl_completion_append_character = '\0';
        }
    }
    return m;
}

static char **complete(const char *text, int start, int end)
{
    (void)end;
    Repl *r = the_repl;
    /* the command word, if this is an argument */
    char cmd[32] = "";
    sscanf(rl_line_buffer, "%31s", cmd);
    bool first = strspn(rl_line_buffer, " \t") == (size_t)start;
    rl_completion_append_character = ' ';
    words_reset();
    Words b = {0};
    const Cmd *c = first ? NULL : find_cmd(cmd);
    if (first) {
        for (size_t i = 0; i < ARRAY_LEN(commands); i++) words_add(&b, commands[i].name);
    } else if (c && (c->fn == rc_load || c->fn == rc_source)) {
        return complete_file(text);
    } else if (c && c->fn == rc_export) {
        /* the format, then a file name */
        int words = 0;
        for (const char *p = rl_line_buffer; p < rl_line_buffer + start;) {
            p += strspn(p, " \t");
            if (p >= rl_line_buffer + start) break;
            words++;
            p += strcspn(p, " \t");
        }
        if (words >= 2) {
            return complete_file(text);
        }
        words_add(&b, "chrome");
        words_add(&b, "svg");
    } else if (c && c->fn == rc_info) {
        for (int i = 0; info_words[i]; i++) words_add(&b, info_words[i]);
    } else if (c && (c->fn == rc_set || c->fn == rc_compare)) {
        char key[64] = "";
        int n = sscanf(rl_line_buffer, "%*s %63s", key);
        bool value = c->fn == rc_set && n == 1 && start > (int)(strstr(rl_line_buffer, key) - rl_line_buffer);
        int id = value ? settings_find(key) : -1;
        if (id >= 0 && settings_info[id].enums) {
            char e[128];
            snprintf(e, sizeof e, "%s", settings_info[id].enums);
            for (char *p = strtok(e, "|"); p; p = strtok(NULL, "|")) words_add(&b, p);
        } else if (!value) {
            for (int i = 0; i < SET_COUNT; i++) words_add(&b, settings_info[i].key);
        }
    } else if (c && c->fn == rc_show) {
        words_add(&b, "settings");
    } else if (c && (c->fn == rc_break || c->fn == rc_task || c->fn == rc_explain || c->fn == rc_list) && session_loaded(r->ss)) {
        for (int k = 0; k < sim_task_count(r->ss->S); k++) words_add(&b, stats_task_str(sim_trace(r->ss->S), k));
        if (c->fn == rc_break) words_add(&b, "on");
    } else if (c && (c->fn == rc_print || c->fn == rc_watch) && session_loaded(r->ss)) {
        /* global variables of the main process, as the compiled module names them */
        SBuf names = {0};
        sim_global_names(r->ss->S, &names);
        for (char *p = names.s ? strtok(names.s, "\n") : NULL; p; p = strtok(NULL, "\n")) words_add(&b, p);
        sb_free(&names);
    }
    BUF_PUSH(b, NULL);
    word_list = b.v;
    rl_attempted_completion_over = 1;
    return rl_completion_matches(text, gen_words);
}

static void on_sigint(int sig)
{
    (void)sig;
    sim_interrupt();
}

static void interactive_loop(Repl *r)
{
    the_repl = r;
    rl_attempted_completion_function = complete;
    rl_readline_name = "interleave";
    read_history(r->histfile);
    char *line;
    while (!r->quit && (line = readline("(interleave) ")) != NULL) {
        if (*line) add_history(line);
        run_line(r, line);
        free(line);
    }
    if (!r->quit) fputc('\n', out());
    write_history(r->histfile);
    history_truncate_file(r->histfile, 1000);
    words_reset();
}

/* The REPL on ss; path: a scenario to load first. */
static int repl_session(Session *ss, const char *path)
{
    Repl r;
    memset(&r, 0, sizeof r);
    r.ss = ss;
    r.q_cur = -1;
    r.interactive = isatty(0) && isatty(1);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigaction(SIGINT, &sa, NULL);
    if (snap_enabled()) {
        ss->checkpoint = on_checkpoint;
        ss->checkpoint_ctx = &r;
        ss->checkpoint_ops = CHECKPOINT_OPS;
        /* a woken snapshot reads on where the script is: nothing read ahead */
        if (!r.interactive) setvbuf(stdin, NULL, _IONBF, 0);
    }
    if (r.interactive) say("interleave %s - type `help` for the commands\n", INTERLEAVE_VERSION);
    if (path) {
        char *argv[2] = {"load", (char *)path};
        rc_load(&r, 2, argv);
    }
    if (r.interactive) {
        r.histfile = history_path();
        interactive_loop(&r);
        free(r.histfile);
    } else {
        run_script(&r, stdin);
    }
    snap_end();
    ss->checkpoint = NULL;
    lesson_forget(&r);
    lessons_free(&r.lessons);
    return !r.interactive && failures ? EXIT_ERROR : EXIT_OK;
}

int repl_main(const char *path, char **sets, int nsets) { return repl_main_schedule(path, sets, nsets, NULL); }

int repl_main_schedule(const char *path, char **sets, int nsets, const char *schedule)
{
    snap_start();
    Session ss;
    session_init(&ss);
    session_set_args(&ss, sets, nsets);
    session_set_schedule(&ss, schedule);
    int rc = repl_session(&ss, path);
    session_free(&ss);
    return rc;
}

static void *repl_open(Session *ss)
{
    Repl *r = xcalloc(1, sizeof *r);
    r->ss = ss;
    r->q_cur = -1;
    if (ss->S) output_seen(r);
    return r;
}

static void repl_close(void *cmds)
{
    Repl *r = cmds;
    lesson_forget(r);
    lessons_free(&r->lessons);
    free(r);
}

/* Run one command line, writing to f.  False when it asked to quit. */
static bool repl_exec(void *cmds, const char *line, FILE *f)
{
    Repl *r = cmds;
    FILE *prev = out_fp;
    bool prev_ui = r->in_ui;
    out_fp = f;
    r->in_ui = true;
    char *copy = xstrdup(line);
    run_line(r, copy);
    free(copy);
    fflush(f);
    out_fp = prev;
    r->in_ui = prev_ui;
    bool quit = r->quit;
    r->quit = false;
    return !quit;
}

const TuiCommands repl_commands = {repl_open, repl_exec, repl_close};
