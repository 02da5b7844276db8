/* tui.c - the UI's loop: keys, the playhead, playback, and keeping the
 * session and the reference run in step (see tui_app.h).
 *
 * Key handlers change the App and never draw; the loop draws once per
 * turn.  While paused the loop blocks on the keyboard (no CPU); while
 * playing it wakes every frame; while the reference run is still being
 * simulated it does so in slices between keys, so the first frame comes at
 * once.  The host clock paces playback only: what the run does never
 * depends on it. */
#include "tui_app.h"
#include "cli.h"
#include "repl.h"
#include "../sim/inspect.h"
#include "../sim/schedule.h"

#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>


enum {
    REF_SLICE = 100000,      /* records simulated per idle turn */
    FRAME_MS = 33,           /* about 30 frames a second while playing */
};

static double wall(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- the reference trace ---- */

static const Trace *ref_trace(const App *a) { return sim_trace(a->ref); }

static int64_t ref_records(const App *a)
{
    const Trace *t = ref_trace(a);
    return (int64_t)(t->segs.n + t->evs.n);
}




/* Records at or before time at. */
static int64_t records_at(const App *a, int64_t at)
{
    const Trace *t = ref_trace(a);
    size_t lo = 0, hi = t->segs.n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (trace_seg(t, mid).t <= at) lo = mid + 1;
        else hi = mid;
    }
    size_t s = lo;
    lo = 0, hi = t->evs.n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (trace_ev(t, mid).t <= at) lo = mid + 1;
        else hi = mid;
    }
    return (int64_t)(s + lo);
}


/* A new reference run for the session's scenario and settings. */
static bool ref_make(App *a)
{
    Sim *S = sim_new();
    LoadError le;
    char err[300];
    if (!sim_load(S, a->ss->path, (const char *const *)a->ss->sets, a->ss->nsets, &le)) {
        snprintf(a->msg, sizeof a->msg, "cannot simulate %s: %s", a->ss->path, le.msg);
        sim_free(S);
        return false;
    }
    /* a schedule to follow (play --schedule): the reference follows it too */
    if (a->ss->schedule && !schedule_follow(S, a->ss->schedule, err, sizeof err)) {
        snprintf(a->msg, sizeof a->msg, "--schedule: %s", err);
        sim_free(S);
        return false;
    }
    if (a->ref) {
        /* the cursor stays on what it shows once the new run has that row */
        if (a->cursor < tlx_rows(a->idx)) {
            a->keep_kind = tlx_row(a->idx, a->cursor)->kind;
            a->keep_index = tlx_row(a->idx, a->cursor)->index;
        }
        if (!session_adopt(a->ss, a->ref)) sim_free(a->ref);
    }
    a->ref = S;
    a->ref_status = SIM_PAUSED;
    a->err_printed = -1;
    tlx_reset(a->idx);
    tlx_update(a->idx, sim_trace(S), sim_gil_on(a->ref));
    free(a->fingerprint);
    a->fingerprint = session_fingerprint(a->ss);
    return true;
}

static void ref_run(App *a, const StopAt *st)
{
    a->ref_status = sim_run_until(a->ref, st);
    tlx_update(a->idx, ref_trace(a), sim_gil_on(a->ref));
}

/* Simulate the reference at least to `records` records and to time `at`
 * (-1: either not needed). */
static void ref_ensure(App *a, int64_t records, int64_t at)
{
    if (!sim_finished(a->ref) && records >= 0 && ref_records(a) < records) {
        StopAt st = sim_stop_none();
        st.records = records;
        ref_run(a, &st);
    }
    if (!sim_finished(a->ref) && at >= 0 && sim_now(a->ref) <= at) {
        StopAt st = sim_stop_none();
        st.time = at + 1;
        ref_run(a, &st);
    }
}

static void ref_finish(App *a)
{
    if (!sim_finished(a->ref)) ref_run(a, NULL);
}

/* ---- the playhead ---- */

static void set_pos(App *a, int64_t pos)
{
    ref_ensure(a, pos, -1);
    if (pos > ref_records(a)) pos = ref_records(a);
    if (pos < 0) pos = 0;
    a->pos = pos;
    a->now = pos ? app_record_time(a, pos - 1) : 0;
    a->by_time = false;
    a->follow = true;
    a->src_top = 0;
    a->ev_back = a->out_back = 0;
}

static void set_time(App *a, int64_t at)
{
    if (at < 0) at = 0;
    ref_ensure(a, -1, at);
    if (sim_finished(a->ref) && at > app_span(a)) at = app_span(a);
    a->now = at;
    a->pos = records_at(a, at);
    a->by_time = true;
    a->follow = true;
    a->src_top = 0;
    a->ev_back = a->out_back = 0;
}

/* Bring the session to the playhead (backwards: by running again). */
static bool in_sync(const App *a) { return a->synced == a->pos && a->synced_now == a->now; }

static bool at_end(const App *a) { return sim_finished(a->ref) && a->pos >= ref_records(a); }

static void sync_live(App *a)
{
    if (in_sync(a)) return;
    if (a->pos == 0 && a->now == 0) {
        session_restart(a->ss);
    } else if (at_end(a) && a->now >= app_span(a) && app_same_run(a) && !sim_heap_dropped(a->ref)) {
        /* the finished reference is the session's state there: borrowed,
         * not simulated a second time (two whole runs of 100k tasks took
         * 2x the memory of `interleave run`) */
        session_borrow(a->ss, a->ref, a->ref_status);
    } else {
        /* the session needs a run of its own: a finished reference is
         * only drawn from from now on, so its objects go first (just
         * before the end of 100k tasks the two runs were 2.2x the memory
         * of `interleave run`); the end is then simulated again, not
         * borrowed */
        if (a->ss->S == a->ref && !session_restart(a->ss)) {
            /* the file can no longer be loaded: the session stays at the
             * end, on the reference */
            snprintf(a->msg, sizeof a->msg, "%s", a->ss->lasterr);
        } else {
            sim_drop_heap(a->ref);
            Position p = {-1, a->by_time ? -1 : a->pos};
            session_goto(a->ss, p, a->by_time ? a->now : -1);
        }
    }
    a->synced = a->pos;
    a->synced_now = a->now;
}

/* ---- playback ---- */

/* A presented scenario plays in about this many wall seconds, whatever
 * its virtual length: a demo's pace.  The rate is not a rung of the
 * ladder, whose steps of up to 2.5 would make it anything from 15 to 37 s. */
#define PRESENT_SECONDS 15

/* v rounded to two significant digits, so the status line can say it
 * exactly ("3.4 ms/s"). */
static int64_t two_digits(int64_t v)
{
    int64_t p = 1;
    while (v / p >= 100) p *= 10;
    return (v + p / 2) / p * p;
}

/* The pace a run opens with: in presenter mode the whole run in
 * PRESENT_SECONDS, else the fastest rung that takes at least 10 s. */
static void default_speed(App *a)
{
    if (a->speed_set) return;
    ref_finish(a);
    int64_t lo = tui_speeds[0], hi = tui_speeds[tui_nspeeds - 1];
    if (a->o.present) {
        int64_t r = two_digits(app_span(a) / PRESENT_SECONDS);
        a->rate = r < lo ? lo : r > hi ? hi : r;
    } else {
        int64_t target = app_span(a) / 10;
        a->rate = lo;
        for (int i = 0; i < tui_nspeeds && tui_speeds[i] <= target; i++) a->rate = tui_speeds[i];
    }
    a->speed_set = true;
}

/* The next rung of the speed ladder above (up) or below the rate, which
 * may lie between rungs; the ladder's end when there is none. */
static int64_t ladder_step(int64_t rate, bool up)
{
    if (up) {
        for (int i = 0; i < tui_nspeeds; i++)
            if (tui_speeds[i] > rate) return tui_speeds[i];
        return tui_speeds[tui_nspeeds - 1];
    }
    for (int i = tui_nspeeds - 1; i >= 0; i--)
        if (tui_speeds[i] < rate) return tui_speeds[i];
    return tui_speeds[0];
}

static void play_toggle(App *a)
{
    if (a->playing) {
        a->playing = false;
        return;
    }
    default_speed(a);
    if (at_end(a)) set_pos(a, 0);
    a->playing = true;
    a->last_frame = wall();
}

/* The status line's word at the end: how the run ended. */
static void end_message(App *a)
{
    if (a->ref_status == SIM_FATAL)
        snprintf(a->msg, sizeof a->msg, "STOPPED by a limit (not the program's end): %s", sim_fatal_message(a->ref));
    else
        snprintf(a->msg, sizeof a->msg, "the end of the run (space plays it again)");
}

static void play_advance(App *a)
{
    double t = wall(), dt = t - a->last_frame;
    a->last_frame = t;
    if (dt > 0.25) dt = 0.25; /* after a stall, do not jump */
    int64_t at = a->now + (int64_t)((double)a->rate * dt);
    ref_ensure(a, -1, at);
    if (sim_finished(a->ref) && at >= app_span(a)) {
        set_pos(a, ref_records(a));
        a->now = app_span(a);
        a->playing = false;
        end_message(a);
        return;
    }
    set_time(a, at);
}

/* ---- rows and tasks ---- */



static void overlay_text(App *a, const char *title, char *text)
{
    free(a->overlay_title);
    free(a->overlay_text);
    a->overlay_title = xstrdup(title);
    a->overlay_text = text;
    a->overlay = OV_TEXT;
    a->overlay_top = 0;
}

static void explain(App *a)
{
    sync_live(a);
    int k = app_cursor_task(a);
    if (k < 0) {
        snprintf(a->msg, sizeof a->msg, "nothing to explain on this row now: move the cursor (Up/Down) to a task");
        return;
    }
    if (k >= sim_task_count(a->ss->S)) {
        snprintf(a->msg, sizeof a->msg, "%s does not exist yet at this time", tlx_row(a->idx, a->cursor)->label);
        return;
    }
    SBuf b = {0};
    sim_explain(a->ss->S, k, &b);
    char title[128];
    TaskView v;
    snprintf(title, sizeof title, "why %s is where it is", sim_task_view(a->ss->S, k, &v) ? v.name : "the task");
    overlay_text(a, title, sb_take(&b));
}

/* After the session changed under us (`:` commands, settings): follow it. */
static void follow_session(App *a, bool keep_time)
{
    char *fp = session_fingerprint(a->ss);
    bool changed = strcmp(fp, a->fingerprint) != 0;
    free(fp);
    if (changed && !ref_make(a)) return;
    if (keep_time) {
        set_time(a, a->now);
    } else {
        set_pos(a, sim_position(a->ss->S).records);
        a->now = session_now(a->ss);
        a->synced = a->pos;
        a->synced_now = a->now;
    }
}

static void change_setting(App *a, const char *key, const char *value)
{
    if (!session_set(a->ss, key, value)) {
        snprintf(a->msg, sizeof a->msg, "%s", a->ss->lasterr);
        return;
    }
    a->synced = -1;
    follow_session(a, true);
    snprintf(a->msg, sizeof a->msg, "%s %s: simulated again, at the same time (an override, marked *%s)", key, value,
             a->o.lesson ? "; the next scenario opens with its own" : "");
}

static void run_command(App *a, const char *line)
{
    sync_live(a);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f) return;
    bool go_on = a->cmds ? a->o.cmds->exec(a->cmds, line, f) : (fputs("no commands here\n", f), true);
    fclose(f);
    if (!go_on) a->quit = true;
    follow_session(a, false);
    while (len && buf[len - 1] == '\n') buf[--len] = 0;
    if (!len) {
        free(buf);
        return;
    }
    if (!strchr(buf, '\n') && (int)len < COLS - 10) {
        snprintf(a->msg, sizeof a->msg, "%s", buf);
        free(buf);
        return;
    }
    char title[300];
    snprintf(title, sizeof title, ":%s", line);
    overlay_text(a, title, buf);
}

/* ---- predict mode ----
 *
 * A lesson's predict blocks name their scenario.  When a scenario opens in
 * a lesson, its first question not yet answered in this UI is asked before
 * anything plays: the timeline stays at 0, the events, the output and the
 * run's length stay hidden, and the keys answer (a letter, or a number and
 * Enter; Esc skips).  The answer is judged and remembered (progress.h);
 * when the scenario's questions are answered, the run plays and the
 * question pane says whether the answer was right and why.  Without
 * predict mode (--no-predict, `interleave play`) the question is shown
 * but not asked. */

static void questions_load(App *a)
{
    lesson_questions_free(a->qs, a->nqs);
    free(a->q_result);
    free(a->q_given);
    a->qs = NULL;
    a->nqs = 0;
    a->q_result = NULL;
    a->q_given = NULL;
    a->q_cur = -1;
    a->asking = false;
    if (!a->o.lesson) return;
    char err[512];
    int n = lesson_questions(a->o.lesson, &a->qs, err, sizeof err);
    if (n < 0) {
        /* `interleave lesson N` checked them: only a LESSONS.md edited since */
        snprintf(a->msg, sizeof a->msg, "%s", err);
        return;
    }
    a->nqs = n;
    a->q_result = xmalloc((size_t)(n ? n : 1) * sizeof *a->q_result);
    a->q_given = xmalloc((size_t)(n ? n : 1) * sizeof *a->q_given);
    for (int i = 0; i < n; i++) {
        a->q_result[i] = LP_NONE;
        a->q_given[i][0] = 0;
    }
}

/* The open scenario's question to show: its first one not answered yet,
 * else its last; -1 when it has none. */
static int scenario_question(const App *a, bool *unanswered)
{
    int last = -1;
    *unanswered = false;
    for (int i = 0; i < a->nqs; i++) {
        if (!a->ss->path || !lesson_question_is_for(&a->qs[i], a->ss->path)) continue;
        if (a->q_result[i] == LP_NONE) {
            *unanswered = true;
            return i;
        }
        last = i;
    }
    return last;
}

static void relayout(App *a);

/* Show (and in predict mode, ask) the open scenario's question. */
static void question_open(App *a)
{
    bool unanswered;
    a->q_cur = scenario_question(a, &unanswered);
    a->asking = a->o.predict && unanswered;
    a->q_inlen = 0;
    a->q_top = 0;
    if (a->asking) {
        a->playing = false;
        set_pos(a, 0);
        a->synced = -1;
    }
    relayout(a);
}

static void answer_question(App *a, const char *given)
{
    LessonQuestion *q = &a->qs[a->q_cur];
    int verdict = given ? lesson_judge(q, given) : LP_SKIPPED;
    if (verdict == LP_NONE) {
        if (q->numeric)
            snprintf(a->msg, sizeof a->msg, "'%s' is not a number%s%s: type one and Enter (Esc skips)", given,
                     q->unit ? " of " : "", q->unit ? q->unit : "");
        else
            snprintf(a->msg, sizeof a->msg, "'%s' is not one of the choices (Esc skips)", given);
        return;
    }
    a->q_result[a->q_cur] = verdict;
    snprintf(a->q_given[a->q_cur], sizeof a->q_given[a->q_cur], "%s", given ? given : "-");
    char right[256];
    if (!lesson_progress_record(a->o.lesson->number, a->q_cur + 1, verdict, given))
        snprintf(a->msg, sizeof a->msg, "(your answer is not remembered: the progress file cannot be written)");
    else {
        lesson_answer_text(q, right, sizeof right);
        if (verdict == LP_RIGHT) snprintf(a->msg, sizeof a->msg, "right: %s - now watch the run", right);
        else if (verdict == LP_WRONG) snprintf(a->msg, sizeof a->msg, "not quite: the answer is %s - watch the run", right);
        else snprintf(a->msg, sizeof a->msg, "skipped: the answer is %s", right);
    }
    int answered = a->q_cur;
    bool unanswered;
    int next = scenario_question(a, &unanswered);
    if (unanswered) {
        /* the scenario's next question; the last verdict stays in the status */
        a->q_cur = next;
        a->q_inlen = 0;
        a->q_top = 0;
        relayout(a);
        return;
    }
    a->q_cur = answered;
    a->asking = false;
    a->q_top = 0;
    relayout(a);
    set_pos(a, 0);
    play_toggle(a);
}

/* A key while a question is asked; false: not an answer key (the caller
 * handles it, or refuses it). */
static bool question_key(App *a, int k)
{
    LessonQuestion *q = &a->qs[a->q_cur];
    if (k == 27) {
        answer_question(a, NULL);
        return true;
    }
    if (!q->numeric) {
        char c = k >= 'A' && k <= 'Z' ? (char)(k - 'A' + 'a') : (char)k;
        for (int i = 0; k > 0 && k < 128 && i < q->nchoices; i++)
            if (q->choices[i][0] == c) {
                char given[2] = {c, 0};
                answer_question(a, given);
                return true;
            }
        return false;
    }
    if ((k >= '0' && k <= '9') || k == '.' || (k == '-' && !a->q_inlen)) {
        if (a->q_inlen < (int)sizeof a->q_in - 1) a->q_in[a->q_inlen++] = (char)k;
        a->q_in[a->q_inlen] = 0;
        return true;
    }
    if (k == KEY_BACKSPACE || k == 127 || k == 8) {
        if (a->q_inlen) a->q_in[--a->q_inlen] = 0;
        return true;
    }
    if ((k == '\n' || k == '\r' || k == KEY_ENTER) && a->q_inlen) {
        a->q_in[a->q_inlen] = 0;
        char given[32];
        snprintf(given, sizeof given, "%s", a->q_in);
        a->q_inlen = 0;
        answer_question(a, given);
        return true;
    }
    return false;
}

/* ---- a lesson's scenarios ---- */

/* Lesson l (of o.lessons) and its scenario i (-1: its last). */
static void open_lesson(App *a, const Lesson *l, int i);

static void open_lesson_scenario(App *a, int i)
{
    const Lesson *l = a->o.lesson;
    if (!l) {
        snprintf(a->msg, sizeof a->msg, "no lesson is running (interleave lesson N)");
        return;
    }
    if (i < 0 || i >= l->nscenarios) {
        /* past either end: the next or the previous lesson */
        const Lessons *ls = a->o.lessons;
        int at = -1;
        for (int k = 0; ls && k < ls->n; k++)
            if (&ls->v[k] == l) at = k;
        int to = at < 0 ? -1 : i < 0 ? at - 1 : at + 1;
        while (ls && to >= 0 && to < ls->n && !ls->v[to].nscenarios) to += i < 0 ? -1 : 1;
        if (!ls || at < 0 || to < 0 || to >= ls->n) {
            snprintf(a->msg, sizeof a->msg, i < 0 ? "this is the first scenario of the first lesson"
                                                  : "this was the last scenario of the last lesson: the end of the course");
            return;
        }
        open_lesson(a, &ls->v[to], i < 0 ? -1 : 0);
        return;
    }
    /* the scenario's own header: settings changed with g, c or :set were
     * for the scenario they were changed in (the command line's stay) */
    session_reset_sets(a->ss, a->o.sets, a->o.nsets);
    if (!session_load(a->ss, l->scenarios[i])) {
        snprintf(a->msg, sizeof a->msg, "%s", a->ss->lasterr);
        return;
    }
    a->lesson_scn = i;
    a->playing = false;
    a->speed_set = false;
    a->cursor = 0;
    a->fit = true;
    ref_make(a);
    a->keep_kind = ROW_TASK; /* the main thread */
    a->keep_index = 0;
    set_pos(a, 0);
    a->synced = a->synced_now = 0;
    question_open(a);
}

static void open_lesson(App *a, const Lesson *l, int i)
{
    a->o.lesson = l;
    questions_load(a);
    open_lesson_scenario(a, i < 0 ? l->nscenarios - 1 : i);
    if (!a->msg[0] || strncmp(a->msg, "cannot", 6) != 0)
        snprintf(a->msg, sizeof a->msg, "Lesson %d. %s (L: its text)", l->number, l->title);
}

/* ---- the next event that matters (presenting) ---- */

/* Does event e change the picture a class is looking at: a GIL handoff, a
 * thread or process starting or ending, a print, a queue moving, an
 * exception, a timeout, a deadlock?  (Requests, wake-ups and loop
 * iterations lead up to those.) */
static bool event_matters(const TraceEvent *e)
{
    switch (e->kind) {
    case EV_GIL_TAKE: return e->a >= 0 && e->a != e->task;
    case EV_SPAWN: case EV_START: case EV_EXIT: case EV_JOIN: case EV_PRINT: case EV_EXCEPTION:
    case EV_PROC_START: case EV_PROC_EXIT: case EV_QUEUE_PUT: case EV_QUEUE_GET: case EV_DEADLOCK:
    case EV_TIMEOUT:
        return true;
    default: return false;
    }
}

/* A thread blocking (a lock, a join, a queue) matters too. */
static bool seg_matters(const TraceSeg *g) { return g->state == TS_BLOCKED; }

/* The playhead just after the next record that matters, or at the end. */
static void next_that_matters(App *a)
{
    ref_finish(a);
    const Trace *t = ref_trace(a);
    int64_t total = ref_records(a);
    size_t j = app_events_before(t, a->pos), i = (size_t)a->pos - j;
    while ((int64_t)(i + j) < total) {
        /* the record at index i + j: event j when it comes before segment i */
        TraceEvent e = j < t->evs.n ? trace_ev(t, j) : (TraceEvent){0};
        bool ev = j < t->evs.n && (i >= t->segs.n || e.seg <= i);
        TraceSeg g = ev ? (TraceSeg){0} : trace_seg(t, i);
        bool hit = ev ? event_matters(&e) : seg_matters(&g);
        if (ev) j++;
        else i++;
        if (hit) {
            set_pos(a, (int64_t)(i + j));
            return;
        }
    }
    set_pos(a, total);
    a->now = app_span(a);
    end_message(a);
}

/* ---- keys ---- */

static int bucket(const App *a)
{
    Rect r = a->L.pane[PANE_TIMELINE];
    int cols = (r.w - r.w / 4 - 1) / (a->o.present ? 2 : 1);
    int64_t b = a->vspan / (cols > 0 ? cols : 1);
    return (int)(b > 0 ? (b < INT32_MAX ? b : INT32_MAX) : 1);
}

static void zoom(App *a, bool in)
{
    int64_t span = app_span(a) > 0 ? app_span(a) : 1;
    int64_t v = a->fit ? span : a->vspan;
    v = in ? v / 2 : v * 2;
    /* (halving and doubling may round a little below the whole run) */
    if (v >= span - span / 64) {
        a->fit = true;
        return;
    }
    if (v < 10) v = 10;
    a->fit = false;
    a->vspan = v;
    /* around the playhead, within the run */
    a->vfrom = a->now - v / 2;
    if (a->vfrom > span - v) a->vfrom = span - v;
    if (a->vfrom < 0) a->vfrom = 0;
    a->follow = true;
}

static void scroll_by(App *a, int lines)
{
    switch (a->focus) {
    case PANE_TIMELINE: a->cursor += lines; break;
    case PANE_SOURCE: {
        if (!a->src_top) {
            /* start from what is shown */
            a->src_top = 1;
            int line = 0;
            TaskView v;
            int k = app_cursor_task(a);
            if (k >= 0 && sim_task_view(a->ss->S, k, &v) && v.file) line = v.line;
            a->src_top = line - (a->L.pane[PANE_SOURCE].h - 1) / 3;
            if (a->src_top < 1) a->src_top = 1;
        }
        a->src_top += lines;
        if (a->src_top < 1) a->src_top = 1;
        break;
    }
    case PANE_EVENTS:
        a->ev_back -= lines;
        if (a->ev_back < 0) a->ev_back = 0;
        if (a->ev_back > a->pos) a->ev_back = (int)(a->pos < INT32_MAX ? a->pos : INT32_MAX);
        break;
    case PANE_OUTPUT:
        a->out_back -= lines;
        if (a->out_back < 0) a->out_back = 0;
        break;
    case PANE_QUESTION: {
        int most = a->q_lines - (a->L.pane[PANE_QUESTION].h - 1);
        a->q_top += lines;
        if (a->q_top > most) a->q_top = most;
        if (a->q_top < 0) a->q_top = 0;
        break;
    }
    }
}

static void page(App *a, int dir)
{
    if (a->focus == PANE_TIMELINE) {
        if (a->fit) {
            zoom(a, true);
            if (a->fit) return;
        }
        a->vfrom += dir * (a->vspan / 2);
        if (a->vfrom < 0) a->vfrom = 0;
        if (a->vfrom > app_span(a) - a->vspan / 2) a->vfrom = app_span(a) - a->vspan / 2 > 0 ? app_span(a) - a->vspan / 2 : 0;
        a->follow = false;
        return;
    }
    int h = a->L.pane[a->focus].h - 2;
    scroll_by(a, dir * (h > 1 ? h : 1));
}

static void next_focus(App *a, int dir)
{
    for (int i = 0; i < PANE_COUNT; i++) {
        a->focus = (a->focus + dir + PANE_COUNT) % PANE_COUNT;
        if (a->L.pane[a->focus].h) return;
    }
}

static void command_key(App *a, int k)
{
    if (k == 27) {
        a->cmdline = false;
    } else if (k == '\n' || k == '\r' || k == KEY_ENTER) {
        a->cmdline = false;
        a->cmd[a->cmdlen] = 0;
        if (a->cmdlen) run_command(a, a->cmd);
    } else if (k == KEY_BACKSPACE || k == 127 || k == 8) {
        if (a->cmdlen) a->cmdlen--;
        else a->cmdline = false;
    } else if (k == 21) { /* Ctrl-U */
        a->cmdlen = 0;
    } else if (k >= 32 && k < 256 && a->cmdlen < (int)sizeof a->cmd - 1) {
        a->cmd[a->cmdlen++] = (char)k;
    }
}

static void relayout(App *a)
{
    for (int r = 0; a->keep_kind >= 0 && r < tlx_rows(a->idx); r++)
        if (tlx_row(a->idx, r)->kind == a->keep_kind && tlx_row(a->idx, r)->index == a->keep_index) {
            a->cursor = r;
            a->keep_kind = -1;
        }
    a->layout_rows = tlx_rows(a->idx);
    char *q = app_question_text(a);
    a->q_lines = q ? app_wrapped_lines(q, COLS - 2) : 0;
    free(q);
    layout_compute(&a->L, COLS, LINES, a->layout_rows, a->o.present, a->q_lines);
    if (!a->L.pane[a->focus].h) a->focus = PANE_TIMELINE;
}

static void handle_key(App *a, int k)
{
    if (a->cmdline) {
        command_key(a, k);
        return;
    }
    if (a->overlay) {
        /* Up/Down scroll a long text; any other key closes */
        if (a->overlay != OV_HELP && (k == KEY_UP || k == KEY_DOWN || k == KEY_PPAGE || k == KEY_NPAGE)) {
            int d = k == KEY_UP ? -1 : k == KEY_DOWN ? 1 : k == KEY_PPAGE ? -10 : 10;
            a->overlay_top = a->overlay_top + d > 0 ? a->overlay_top + d : 0;
            return;
        }
        if (k != KEY_RESIZE) a->overlay = OV_NONE;
        if (k != 'q' && k != KEY_RESIZE) return;
        if (k == 'q') return;
    }
    if (a->asking) {
        a->msg[0] = 0;
        if (question_key(a, k)) return;
        /* what shows the run waits for the answer; the rest works */
        static const int allowed[] = {'q', 'Q', '?', 'L', 'n', 'p', '\t', KEY_BTAB, KEY_UP, KEY_DOWN,
                                      KEY_PPAGE, KEY_NPAGE, KEY_RESIZE, 12, ERR};
        bool ok = false;
        for (size_t i = 0; i < sizeof allowed / sizeof *allowed; i++) ok |= k == allowed[i];
        if (!ok) {
            const LessonQuestion *q = &a->qs[a->q_cur];
            if (q->numeric)
                snprintf(a->msg, sizeof a->msg, "first your prediction: type a number and Enter (Esc skips the question)");
            else
                snprintf(a->msg, sizeof a->msg, "first your prediction: press %c-%c (Esc skips the question)",
                         q->choices[0][0], q->choices[q->nchoices - 1][0]);
            return;
        }
    }
    a->msg[0] = 0;
    switch (k) {
    case ' ': play_toggle(a); break;
    case KEY_RIGHT:
        a->playing = false;
        if (at_end(a)) snprintf(a->msg, sizeof a->msg, "the run has ended (Home goes to the start)");
        else set_pos(a, a->pos + 1);
        break;
    case KEY_LEFT:
        a->playing = false;
        if (a->pos == 0) snprintf(a->msg, sizeof a->msg, "at the start");
        else set_pos(a, a->pos - 1);
        break;
    case '>': case KEY_SRIGHT: a->playing = false; set_time(a, a->now + bucket(a)); break;
    case '<': case KEY_SLEFT: a->playing = false; set_time(a, a->now - bucket(a)); break;
    case KEY_HOME: a->playing = false; set_pos(a, 0); break;
    case KEY_END:
        a->playing = false;
        ref_finish(a);
        set_pos(a, ref_records(a));
        /* the run's end, which may lie after its last record (a limit
         * stopped it in the middle of a long op, a final sleep) */
        a->now = app_span(a);
        end_message(a);
        break;
    case '+': case '=': zoom(a, true); break;
    case '-': case '_': zoom(a, false); break;
    case '0': a->fit = true; break;
    case '[':
        default_speed(a);
        a->rate = ladder_step(a->rate, false);
        break;
    case ']':
        default_speed(a);
        a->rate = ladder_step(a->rate, true);
        break;
    case 'g': change_setting(a, "gil", sim_gil_on(a->ref) ? "off" : "on"); break;
    case 'c': {
        int64_t n = sim_settings(a->ref)->v[SET_cores];
        char v[8];
        snprintf(v, sizeof v, "%d", n < 2 ? 2 : n < 4 ? 4 : n < 8 ? 8 : 1);
        change_setting(a, "cores", v);
        break;
    }
    case 'e': explain(a); break;
    case '.':
        a->playing = false;
        if (at_end(a)) snprintf(a->msg, sizeof a->msg, "the run has ended (Home goes to the start)");
        else next_that_matters(a);
        break;
    case '\t': next_focus(a, 1); break;
    case KEY_BTAB: next_focus(a, -1); break;
    case ':':
        a->cmdline = true;
        a->cmdlen = 0;
        a->playing = false;
        break;
    case '?': a->overlay = OV_HELP; break;
    case 'L':
        if (a->o.lesson) {
            a->overlay = OV_LESSON;
            a->overlay_top = 0;
        } else {
            snprintf(a->msg, sizeof a->msg, "no lesson is running (interleave lesson N)");
        }
        break;
    case 'n': open_lesson_scenario(a, a->lesson_scn + 1); break;
    case 'p': open_lesson_scenario(a, a->lesson_scn - 1); break;
    case 'q': case 'Q': a->quit = true; break;
    case KEY_UP: scroll_by(a, -1); break;
    case KEY_DOWN: scroll_by(a, 1); break;
    case KEY_PPAGE: page(a, -1); break;
    case KEY_NPAGE: page(a, 1); break;
    case KEY_RESIZE: relayout(a); break;
    case 12: clearok(curscr, TRUE); break; /* Ctrl-L */
    case 27: break;                           /* Esc: nothing open to close */
    case ERR: break;
    default:
        snprintf(a->msg, sizeof a->msg, "no such key: ? lists them");
        break;
    }
}

static bool input_pending(void)
{
    timeout(0);
    int c = getch();
    if (c == ERR) return false;
    ungetch(c);
    return true;
}

/* ---- setting up ---- */

static void app_init(App *a, Session *ss, void *cmds, const TuiOptions *o)
{
    memset(a, 0, sizeof *a);
    a->ss = ss;
    a->o = *o;
    a->cmds = cmds;
    if (!cmds && o->cmds) {
        a->cmds = o->cmds->open(ss);
        a->own_cmds = true;
    }
    a->idx = tlx_new();
    a->fit = a->follow = true;
    a->rate = 1000000; /* 1 ms/s until the run's length is known */
    a->synced = -1;
    a->keep_kind = -1;
    a->q_cur = -1;
    a->ref_status = SIM_PAUSED;
}

static void app_free(App *a)
{
    /* a session at the run's end keeps the run (the REPL goes on with it) */
    if (a->ref && !session_adopt(a->ss, a->ref)) sim_free(a->ref);
    tlx_free(a->idx);
    if (a->own_cmds) a->o.cmds->close(a->cmds);
    free(a->fingerprint);
    free(a->overlay_title);
    free(a->overlay_text);
    lesson_questions_free(a->qs, a->nqs);
    free(a->q_result);
    free(a->q_given);
}

/* The first task row under the cursor: the main thread. */
static void cursor_home(App *a)
{
    for (int r = 0; r < tlx_rows(a->idx); r++)
        if (tlx_row(a->idx, r)->kind == ROW_TASK) {
            a->cursor = r;
            return;
        }
}

/* Start at the session's instant. */
static bool app_start(App *a, char *why, size_t n)
{
    if (!ref_make(a)) {
        snprintf(why, n, "%.200s", a->msg);
        return false;
    }
    set_pos(a, sim_position(a->ss->S).records);
    a->now = session_now(a->ss);
    a->synced = a->pos;
    a->synced_now = a->now;
    cursor_home(a);
    if (a->o.lesson) {
        questions_load(a);
        question_open(a);
    }
    return true;
}

static void loop(App *a)
{
    relayout(a);
    for (;;) {
        if (term_interrupted()) break;
        if (!in_sync(a) && (a->playing || !input_pending())) sync_live(a);
        if (tlx_rows(a->idx) != a->layout_rows) relayout(a);
        if (!a->speed_set && sim_finished(a->ref)) default_speed(a);
        draw_all(a);
        timeout(a->playing ? FRAME_MS : sim_finished(a->ref) ? -1 : 0);
        int k = getch();
        if (k == ERR) {
            if (a->playing) play_advance(a);
            else if (!sim_finished(a->ref)) {
                StopAt st = sim_stop_none();
                st.records = ref_records(a) + REF_SLICE;
                ref_run(a, &st);
            }
            continue;
        }
        if (a->L.too_small && k != 'q' && k != KEY_RESIZE) continue;
        handle_key(a, k);
        if (a->quit) break;
        if (a->playing) play_advance(a);
    }
    sync_live(a);
}

int tui_session(Session *ss, void *cmds, const TuiOptions *o, char *why, size_t n)
{
    App a;
    app_init(&a, ss, cmds, o);
    if (!app_start(&a, why, n)) {
        app_free(&a);
        return -1;
    }
    if (!term_open(o->color, o->ascii, false, why, n)) {
        app_free(&a);
        return -1;
    }
    loop(&a);
    term_close();
    app_free(&a);
    return 0;
}

/* ---- the draw benchmark (make bench) ---- */

static int bench(const char *path, const TuiOptions *o)
{
    double t0 = wall();
    Session ss;
    session_init(&ss);
    session_set_args(&ss, o->sets, o->nsets);
    char why[256];
    if (!session_load(&ss, path)) {
        fprintf(stderr, "%s\n", ss.lasterr);
        session_free(&ss);
        return EXIT_ERROR;
    }
    App a;
    app_init(&a, &ss, NULL, o);
    if (!app_start(&a, why, sizeof why) || !term_open(false, o->ascii, true, why, sizeof why)) {
        fprintf(stderr, "interleave play: %s\n", why);
        app_free(&a);
        session_free(&ss);
        return EXIT_ERROR;
    }
    resize_term(50, 200);
    relayout(&a);
    draw_all(&a);
    double first = wall() - t0;
    if (o->bench_frames < 0) {
        term_close();
        printf("first frame %.1f ms\n", first * 1e3);
        app_free(&a);
        session_free(&ss);
        return EXIT_OK;
    }
    ref_finish(&a);
    set_pos(&a, ref_records(&a));
    size_t segs = ref_trace(&a)->segs.n;
    /* the whole run, then zoomed in around the middle, as a person would */
    double t1 = wall();
    for (int i = 0; i < o->bench_frames; i++) {
        a.fit = i % 4 == 0;
        a.vspan = app_span(&a) >> (i % 4 * 3);
        a.vfrom = app_span(&a) / 2 - a.vspan / 2;
        a.follow = false;
        draw_all(&a);
    }
    double per = (wall() - t1) / (o->bench_frames > 0 ? o->bench_frames : 1);
    term_close();
    printf("first frame %.1f ms; %zu segments; %d frames of 200x50: %.2f ms per frame\n", first * 1e3, segs,
           o->bench_frames, per * 1e3);
    app_free(&a);
    session_free(&ss);
    return EXIT_OK;
}

/* ---- options and commands ---- */

void tui_options_init(TuiOptions *o)
{
    memset(o, 0, sizeof *o);
    const char *nc = getenv("NO_COLOR");
    o->color = !(nc && *nc);
    setlocale(LC_CTYPE, "");
    o->ascii = strcmp(nl_langinfo(CODESET), "UTF-8") != 0;
}

void tui_options_free(TuiOptions *o)
{
    for (int i = 0; i < o->nsets; i++) free(o->sets[i]);
    free(o->sets);
    o->sets = NULL;
    o->nsets = 0;
    free(o->schedule);
    o->schedule = NULL;
}

static void add_set(TuiOptions *o, const char *key, const char *value)
{
    SBuf b = {0};
    if (value) sb_printf(&b, "%s=%s", key, value);
    else sb_puts(&b, key);
    o->sets = xrealloc(o->sets, (size_t)(o->nsets + 1) * sizeof *o->sets);
    o->sets[o->nsets++] = sb_take(&b);
}

int tui_option(TuiOptions *o, int argc, char **argv, int i)
{
    const char *s = argv[i];
    if (strcmp(s, "--no-color") == 0) return o->color = false, 1;
    if (strcmp(s, "--ascii") == 0) return o->ascii = true, 1;
    if (strcmp(s, "--present") == 0) return o->present = true, 1;
    if (strcmp(s, "--calibrated") == 0) return add_set(o, "calibrated", "yes"), 1;
    static const char *const with_value[] = {"--set", "--cores", "--gil", "--seed", "--bench-draw", "--schedule"};
    for (size_t k = 0; k < sizeof with_value / sizeof *with_value; k++) {
        size_t l = strlen(with_value[k]);
        if (strncmp(s, with_value[k], l) != 0 || (s[l] && s[l] != '=')) continue;
        const char *v = s[l] == '=' ? s + l + 1 : i + 1 < argc ? argv[i + 1] : NULL;
        int used = s[l] == '=' ? 1 : 2;
        if (!v) {
            fprintf(stderr, "interleave: %s needs a value\n", with_value[k]);
            return -1;
        }
        if (k == 0) {
            if (!strchr(v, '=')) {
                fprintf(stderr, "interleave: --set takes KEY=VALUE, not '%s'\n", v);
                return -1;
            }
            add_set(o, v, NULL);
        } else if (k == 5) {
            free(o->schedule);
            o->schedule = xstrdup(v);
        } else if (k == 4) {
            /* 0: only the first frame (-1 here: 0 means no benchmark) */
            o->bench_frames = atoi(v) > 0 ? atoi(v) : -1;
        } else {
            add_set(o, with_value[k] + 2, v);
        }
        return used;
    }
    return 0;
}

bool tui_available(char *why, size_t n)
{
    char tmp[8];
    return term_usable(why ? why : tmp, why ? n : sizeof tmp);
}

int tui_play(const char *path, const TuiOptions *o)
{
    int bad = check_scenario(path, o->sets, o->nsets);
    if (bad) return bad;
    if (o->bench_frames) return bench(path, o);
    Session ss;
    session_init(&ss);
    session_set_args(&ss, o->sets, o->nsets);
    session_set_schedule(&ss, o->schedule);
    int rc = EXIT_OK;
    char why[512];
    if (!session_load(&ss, path)) {
        fprintf(stderr, "%s\n", ss.lasterr);
        rc = EXIT_ERROR;
    } else if (tui_session(&ss, NULL, o, why, sizeof why) != 0) {
        fprintf(stderr, "interleave: %s\n", why);
        rc = EXIT_ERROR;
    }
    session_free(&ss);
    return rc;
}
