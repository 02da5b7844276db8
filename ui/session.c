/* session.c - a scenario being stepped through (session.h). */
#include "session.h"
#include "../sim/schedule.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void session_init(Session *ss)
{
    memset(ss, 0, sizeof *ss);
    ss->next_bp = 1;
    ss->focus = -1;
}

/* Let go of the live run: freed unless borrowed. */
static void drop(Session *ss)
{
    if (ss->S && !ss->borrowed) sim_free(ss->S);
    ss->S = NULL;
    ss->borrowed = false;
}

void session_free(Session *ss)
{
    drop(ss);
    free(ss->path);
    for (int i = 0; i < ss->nsets; i++) free(ss->sets[i]);
    free(ss->sets);
    free(ss->schedule);
    BUF_FREE(ss->bps);
    session_init(ss);
}

bool session_loaded(Session *ss) { return ss->S != NULL; }

static void apply_breaks(Session *ss)
{
    Sim *S = ss->S;
    for (size_t i = 0; i < ss->bps.n; i++) {
        Breakpoint *b = &ss->bps.v[i];
        switch (b->kind) {
        case BP_LINE: sim_break_line(S, b->line, true); break;
        case BP_TASK: sim_break_task(S, b->event, true); break;
        case BP_EVENT: sim_break_event(S, b->event, true); break;
        case BP_WATCH: sim_watch(S, b->name); break;
        }
    }
}

/* A fresh, loaded Sim for the session's file and settings, or NULL with
 * lasterr. */
static Sim *fresh(Session *ss, const char *path, char **sets, int nsets)
{
    Sim *S = sim_new();
    LoadError le;
    char err[300];
    if (sim_load(S, path, (const char *const *)sets, nsets, &le)) {
        if (!ss->schedule || schedule_follow(S, ss->schedule, err, sizeof err)) return S;
        snprintf(ss->lasterr, sizeof ss->lasterr, "error: --schedule: %s", err);
        sim_free(S);
        return NULL;
    }
    if (le.line)
        snprintf(ss->lasterr, sizeof ss->lasterr, "%s:%d:%d: error: %s", le.file, le.line, le.col, le.msg);
    else if (le.usage)
        snprintf(ss->lasterr, sizeof ss->lasterr, "error: %s", le.msg);
    else
        snprintf(ss->lasterr, sizeof ss->lasterr, "%s: error: %s", le.file[0] ? le.file : path, le.msg);
    sim_free(S);
    return NULL;
}

/* Run S to stop, stopping at each checkpoint on the way to call the
 * session's callback (the run goes on exactly as if it had not). */
static SimStatus run_to(Session *ss, Sim *S, const StopAt *stop)
{
    sim_checkpoints(S, ss->checkpoint ? ss->checkpoint_ops : 0);
    for (;;) {
        SimStatus st = sim_run_until(S, stop);
        if (st != SIM_PAUSED || sim_pause_info(S)->why != PAUSE_CHECKPOINT) return st;
        ss->checkpoint(ss->checkpoint_ctx);
    }
}

static void replace(Session *ss, Sim *S)
{
    drop(ss);
    ss->S = S;
    ss->status = SIM_PAUSED;
    apply_breaks(ss);
}

bool session_load(Session *ss, const char *path)
{
    Sim *S = fresh(ss, path, ss->sets, ss->nsets);
    if (!S) return false;
    char *p = xstrdup(path);
    free(ss->path);
    ss->path = p;
    replace(ss, S);
    ss->focus = -1;
    return true;
}

bool session_reload(Session *ss)
{
    if (!ss->path) {
        snprintf(ss->lasterr, sizeof ss->lasterr, "no scenario is loaded (load FILE first)");
        return false;
    }
    char *p = xstrdup(ss->path);
    bool ok = session_load(ss, p);
    free(p);
    return ok;
}

bool session_restart(Session *ss)
{
    if (!ss->path) {
        snprintf(ss->lasterr, sizeof ss->lasterr, "no scenario is loaded (load FILE first)");
        return false;
    }
    Sim *S = fresh(ss, ss->path, ss->sets, ss->nsets);
    if (!S) return false;
    replace(ss, S);
    return true;
}

void session_borrow(Session *ss, Sim *S, SimStatus status)
{
    if (ss->S != S) drop(ss);
    ss->S = S;
    ss->borrowed = true;
    ss->status = status;
}

bool session_adopt(Session *ss, const Sim *S)
{
    if (!ss->borrowed || ss->S != S) return false;
    ss->borrowed = false;
    return true;
}

void session_set_schedule(Session *ss, const char *schedule)
{
    free(ss->schedule);
    ss->schedule = schedule ? xstrdup(schedule) : NULL;
}

int64_t session_now(Session *ss) { return ss->S ? sim_now(ss->S) : 0; }

char *session_fingerprint(const Session *ss)
{
    SBuf b = {0};
    sb_puts(&b, ss->path ? ss->path : "");
    for (int i = 0; i < ss->nsets; i++) sb_printf(&b, "\n%s", ss->sets[i]);
    if (ss->schedule) sb_printf(&b, "\nschedule %s", ss->schedule);
    return sb_take(&b);
}

SimStatus session_run(Session *ss, const StopAt *stop)
{
    ss->status = run_to(ss, ss->S, stop);
    return ss->status;
}

SimStatus session_goto(Session *ss, Position p, int64_t t)
{
    Position now = sim_position(ss->S);
    /* ops < 0: a position by records alone */
    bool back = sim_finished(ss->S) ||
                (p.records >= 0 ? (p.ops < 0 ? p.records < now.records
                                             : p.ops < now.ops || (p.ops == now.ops && p.records < now.records))
                                : t < session_now(ss));
    if (back) {
        Sim *S = fresh(ss, ss->path, ss->sets, ss->nsets);
        if (!S) return ss->status;
        drop(ss);
        ss->S = S;
    } else {
        /* forward without breakpoints: a fresh copy of them afterwards */
        Sim *S = ss->S;
        for (size_t i = 0; i < ss->bps.n; i++) {
            Breakpoint *b = &ss->bps.v[i];
            if (b->kind == BP_LINE) sim_break_line(S, b->line, false);
            if (b->kind == BP_TASK) sim_break_task(S, b->event, false);
            if (b->kind == BP_EVENT) sim_break_event(S, b->event, false);
            if (b->kind == BP_WATCH) sim_watch(S, NULL);
        }
    }
    StopAt stop = sim_stop_none();
    if (p.records >= 0) {
        stop.records = p.records;
        stop.ops = p.ops;
    } else {
        stop.time = t;
    }
    ss->status = run_to(ss, ss->S, &stop);
    apply_breaks(ss);
    return ss->status;
}

bool session_set(Session *ss, const char *key, const char *value)
{
    /* the new list of overrides */
    char **sets = xmalloc(((size_t)ss->nsets + 1) * sizeof *sets);
    int n = 0;
    size_t kl = strlen(key);
    for (int i = 0; i < ss->nsets; i++)
        if (!(strncmp(ss->sets[i], key, kl) == 0 && ss->sets[i][kl] == '=')) sets[n++] = xstrdup(ss->sets[i]);
    if (value) {
        SBuf b = {0};
        sb_printf(&b, "%s=%s", key, value);
        sets[n++] = sb_take(&b);
    }
    if (ss->path) {
        int64_t t = session_now(ss);
        Sim *S = fresh(ss, ss->path, sets, n);
        if (!S) {
            for (int i = 0; i < n; i++) free(sets[i]);
            free(sets);
            return false;
        }
        drop(ss);
        ss->S = S;
        if (t > 0) {
            StopAt stop = sim_stop_none();
            stop.time = t;
            ss->status = run_to(ss, S, &stop);
        } else {
            ss->status = SIM_PAUSED;
        }
        apply_breaks(ss);
    }
    for (int i = 0; i < ss->nsets; i++) free(ss->sets[i]);
    free(ss->sets);
    ss->sets = sets;
    ss->nsets = n;
    return true;
}

void session_reset_sets(Session *ss, char **sets, int nsets)
{
    for (int i = 0; i < ss->nsets; i++) free(ss->sets[i]);
    free(ss->sets);
    ss->sets = xmalloc((size_t)(nsets ? nsets : 1) * sizeof *ss->sets);
    for (int i = 0; i < nsets; i++) ss->sets[i] = xstrdup(sets[i]);
    ss->nsets = nsets;
}

bool session_overrides(const Session *ss, const char *key)
{
    size_t kl = strlen(key);
    for (int i = 0; i < ss->nsets; i++)
        if (strncmp(ss->sets[i], key, kl) == 0 && ss->sets[i][kl] == '=') return true;
    return false;
}

void session_set_args(Session *ss, char **sets, int nsets)
{
    for (int i = 0; i < nsets; i++) {
        char *eq = strchr(sets[i], '=');
        if (!eq) continue;
        char *key = xstrndup(sets[i], (size_t)(eq - sets[i]));
        session_set(ss, key, eq + 1);
        free(key);
    }
}

int session_break(Session *ss, const Breakpoint *bp)
{
    Breakpoint b = *bp;
    b.id = ss->next_bp++;
    b.hits = 0;
    if (b.kind == BP_WATCH)
        for (size_t i = 0; i < ss->bps.n; i++)
            if (ss->bps.v[i].kind == BP_WATCH) {
                /* one watch at a time: the new one replaces it */
                ss->bps.v[i] = b;
                if (ss->S) sim_watch(ss->S, b.name);
                return b.id;
            }
    BUF_PUSH(ss->bps, b);
    if (ss->S) apply_breaks(ss);
    return b.id;
}

bool session_delete(Session *ss, int id)
{
    bool found = false;
    size_t j = 0;
    for (size_t i = 0; i < ss->bps.n; i++) {
        Breakpoint *b = &ss->bps.v[i];
        if (id == 0 || b->id == id) {
            found = true;
            if (ss->S) {
                if (b->kind == BP_LINE) sim_break_line(ss->S, b->line, false);
                if (b->kind == BP_TASK) sim_break_task(ss->S, b->event, false);
                if (b->kind == BP_EVENT) sim_break_event(ss->S, b->event, false);
                if (b->kind == BP_WATCH) sim_watch(ss->S, NULL);
            }
            continue;
        }
        ss->bps.v[j++] = *b;
    }
    ss->bps.n = j;
    if (ss->S) apply_breaks(ss);
    return found || id == 0;
}
