/* schedule.c - following a schedule, and the challenge's moves
 * (schedule.h).  The scheduler asks at every switch point (SchedChoice);
 * the choices are those with more than one task to pick from. */
#include "schedule.h"
#include "debug.h"
#include "goal.h"
#include "inspect.h"
#include "sched.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Follow {
    SchedChoice hook;        /* installed in the scheduler; ctx is this */
    char mode;
    int *want;               /* per choice: the task, or -1 for the default */
    int nwant;
    int total;               /* the run's choices, -1: any */
    bool play, go_on;        /* the challenge: pause after the moves */
    int auto_left;           /* go_on: choices it may still make by itself */
    Goal *goal;
    bool goal_met;
    BUF(int) chosen, def;    /* per choice made */
    BUF(int) steps;          /* per switch point: the task that ran next */
    bool pending;            /* paused at a choice */
    ScheduleChoice wait;
} Follow;

char schedule_mode(const Settings *set)
{
    if (!settings_gil_on(set)) return 'f';
    return set->v[SET_preempt] == 1 ? 'o' : 'g';
}

static int tid_of(Task *T) { return T->st->tid; }

static void diverged(Sim *S, int k, Task *cur, const char *fmt, const char *what)
{
    char where[200] = "";
    Task *T = cur;
    if (T) {
        TaskView v;
        if (sim_task_view(S, tid_of(T), &v) && v.file)
            snprintf(where, sizeof where, " (%s at line %d)", v.name, v.line);
        else
            snprintf(where, sizeof where, " (%s)", T->name);
    }
    S->fatal.set = true;
    char msg[300];
    snprintf(msg, sizeof msg, fmt, what);
    snprintf(S->fatal.msg, sizeof S->fatal.msg,
             "the schedule does not fit this run: at choice %d%.100s %.200s (was the file edited, or a setting changed?)", k,
             where, msg);
}

static int follow_pick(Sim *S, void *ctx, Task *cur, Task *const *cands, int n, int def)
{
    Follow *F = ctx;
    F->pending = false;
    if (F->goal && !F->goal_met && goal_check_now(F->goal, S)) F->goal_met = true;
    int k = (int)F->chosen.n;
    bool go_on = F->go_on && cur && F->auto_left > 0;
    if (F->play && (F->goal_met || (n > 1 && k >= F->nwant && !go_on))) {
        /* the player's turn (or the goal holds): show this choice */
        F->pending = true;
        F->wait.index = k;
        F->wait.cur = cur ? tid_of(cur) : -1;
        F->wait.def = tid_of(cands[def]);
        F->wait.n = 0;
        for (int i = 0; i < n && i < 64; i++) F->wait.tasks[F->wait.n++] = tid_of(cands[i]);
        return SCHED_PAUSE;
    }
    int pick = def;
    if (n > 1) {
        if (F->total >= 0 && k >= F->total) {
            char what[80];
            snprintf(what, sizeof what, "%d", F->total);
            diverged(S, k, cur, "the run goes on past the schedule's last choice (it has %s)", what);
            return SCHED_STOP;
        }
        int want = k < F->nwant ? F->want[k] : F->play && go_on ? tid_of(cur) : -1;
        if (k >= F->nwant && F->play) F->auto_left--;
        if (want >= 0) {
            pick = -1;
            for (int i = 0; i < n; i++)
                if (tid_of(cands[i]) == want) pick = i;
            if (pick < 0) {
                char what[300];
                TaskView v;
                if (sim_task_view(S, want, &v))
                    snprintf(what, sizeof what, "%d (%s), which cannot run there: it %s", want, v.name,
                             v.state == TS_DONE ? "has finished" : v.reason);
                else
                    snprintf(what, sizeof what, "%d, which does not exist there", want);
                diverged(S, k, cur, "the schedule runs task %s", what);
                return SCHED_STOP;
            }
        }
        BUF_PUSH(F->chosen, tid_of(cands[pick]));
        BUF_PUSH(F->def, tid_of(cands[def]));
    }
    BUF_PUSH(F->steps, tid_of(cands[pick]));
    return pick;
}

static void follow_end(Sim *S, void *ctx)
{
    Follow *F = ctx;
    F->pending = false;
    if (F->goal && !F->goal_met && goal_check_end(F->goal, S)) F->goal_met = true;
    if (F->total >= 0 && (int)F->chosen.n != F->total) {
        S->fatal.set = true;
        snprintf(S->fatal.msg, sizeof S->fatal.msg,
                 "the schedule does not fit this run: the run ended after %d choices, the schedule has %d (was the file edited, or a setting changed?)",
                 (int)F->chosen.n, F->total);
    }
}

static void follow_free(void *ctx)
{
    Follow *F = ctx;
    free(F->want);
    goal_free(F->goal);
    BUF_FREE(F->chosen);
    BUF_FREE(F->def);
    BUF_FREE(F->steps);
    free(F);
}

static Follow *install(Sim *S)
{
    Follow *F = xcalloc(1, sizeof *F);
    F->hook.pick = follow_pick;
    F->hook.end = follow_end;
    F->hook.free = follow_free;
    F->hook.ctx = F;
    F->total = -1;
    F->mode = schedule_mode(&S->set);
    sched_set_choice(S, &F->hook);
    return F;
}

static Follow *follow_of(Sim *S)
{
    if (!S || !S->sched) return NULL;
    const SchedChoice *c = sched_get_choice(S);
    return c && c->pick == follow_pick ? c->ctx : NULL;
}

static bool bad(char *err, size_t errn, const char *msg)
{
    snprintf(err, errn, "%s", msg);
    return false;
}

bool schedule_follow(Sim *S, const char *text, char *err, size_t errn)
{
    if (sched_get_choice(S)) return bad(err, errn, "this run already follows a schedule");
    const char *p = text;
    char mode = *p;
    if ((mode != 'g' && mode != 'o' && mode != 'f') || p[1] != ':')
        return bad(err, errn, "a schedule starts with g:, o: or f: (as explore prints them)");
    if (mode == 'f' && settings_gil_on(&S->set))
        return bad(err, errn, "this schedule is for a run without a GIL: add --gil off");
    if (mode != 'f' && !settings_gil_on(&S->set))
        return bad(err, errn, "this schedule is for a run with a GIL: add --gil on");
    p += 2;
    BUF(int) want = {0};
    int total = -1;
    bool ok = true;
    /* TASK@CHOICE,TASK@CHOICE.../N */
    while (ok && *p && *p != '/') {
        const char *entry = p;
        char *end;
        long task = strtol(p, &end, 10);
        ok = end != p && *end == '@' && task >= 0 && task <= 1 << 21 && isdigit((unsigned char)p[0]);
        long k = 0;
        if (ok) {
            p = end + 1;
            k = strtol(p, &end, 10);
            ok = end != p && isdigit((unsigned char)p[0]) && k >= (long)want.n && k <= 1 << 24;
        }
        if (!ok) {
            p = entry;
            break;
        }
        while ((long)want.n < k) BUF_PUSH(want, -1);
        BUF_PUSH(want, (int)task);
        p = end;
        if (*p == ',' && p[1] && p[1] != '/') p++;
        else if (*p && *p != '/') ok = false;
    }
    if (ok && *p == '/') {
        char *end;
        long t = strtol(p + 1, &end, 10);
        ok = end != p + 1 && isdigit((unsigned char)p[1]) && !*end && t >= (long)want.n && t <= 1 << 24;
        if (ok) {
            total = (int)t;
            p = end;
        }
    }
    if (!ok || *p) {
        BUF_FREE(want);
        char msg[200];
        snprintf(msg, sizeof msg, "bad schedule at '%.40s' (expected TASK@CHOICE entries in increasing order, then /N)", p);
        return bad(err, errn, msg);
    }
    S->set.v[SET_preempt] = mode == 'o';
    Follow *F = install(S);
    F->mode = mode;
    F->want = want.v;
    F->nwant = (int)want.n;
    F->total = total;
    return true;
}

bool schedule_play(Sim *S, const int *moves, int n, bool go_on, const char *goal, char *err, size_t errn)
{
    if (sched_get_choice(S)) return bad(err, errn, "this run already follows a schedule");
    Goal *g = NULL;
    if (goal && !(g = goal_parse(goal, err, errn))) return false;
    Follow *F = install(S);
    F->play = true;
    F->go_on = go_on;
    F->auto_left = 500;
    F->goal = g;
    F->want = xmalloc((size_t)(n > 0 ? n : 1) * sizeof *F->want);
    if (n > 0) memcpy(F->want, moves, (size_t)n * sizeof *moves);
    F->nwant = n;
    return true;
}

bool schedule_pending(Sim *S, ScheduleChoice *out)
{
    Follow *F = follow_of(S);
    if (!F || !F->pending) return false;
    *out = F->wait;
    return true;
}

static int *copy_ints(const int *v, size_t n, int *count)
{
    int *out = xmalloc((n ? n : 1) * sizeof *out);
    if (n) memcpy(out, v, n * sizeof *v);
    *count = (int)n;
    return out;
}

int *schedule_moves(Sim *S, int *n)
{
    Follow *F = follow_of(S);
    return F ? copy_ints(F->chosen.v, F->chosen.n, n) : copy_ints(NULL, 0, n);
}

int *schedule_steps(Sim *S, int *n)
{
    Follow *F = follow_of(S);
    return F ? copy_ints(F->steps.v, F->steps.n, n) : copy_ints(NULL, 0, n);
}

char *schedule_text(Sim *S)
{
    Follow *F = follow_of(S);
    if (!F) return NULL;
    SBuf b = {0};
    sb_printf(&b, "%c:", F->mode);
    bool first = true;
    for (size_t k = 0; k < F->chosen.n; k++)
        if (F->chosen.v[k] != F->def.v[k]) {
            sb_printf(&b, "%s%d@%zu", first ? "" : ",", F->chosen.v[k], k);
            first = false;
        }
    if (sim_finished(S)) sb_printf(&b, "/%zu", F->chosen.n);
    return sb_take(&b);
}

bool schedule_goal_met(Sim *S)
{
    Follow *F = follow_of(S);
    return F && F->goal_met;
}
