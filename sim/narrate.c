/* narrate.c - trace records in words (narrate.h). */
#include "narrate.h"
#include "names.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void narrate_records_between(const Trace *t, size_t seg_from, size_t seg_to, size_t ev_from, size_t ev_to,
                     Record **out, size_t *n)
{
    size_t m = (seg_to - seg_from) + (ev_to - ev_from), k = 0;
    Record *r = xmalloc((m ? m : 1) * sizeof *r);
    size_t i = seg_from, j = ev_from;
    while (i < seg_to || j < ev_to) {
        /* in the order they were recorded */
        bool seg = j >= ev_to || (i < seg_to && i < trace_ev(t, j).seg);
        if (seg) {
            /* a task's end is told once: by its exit event, when that
             * comes next, not also by the state change before it */
            const TraceSeg g = trace_seg(t, i);
            if (g.state == TS_DONE && j < ev_to && trace_ev(t, j).seg == i + 1 && trace_ev(t, j).kind == EV_EXIT &&
                trace_ev(t, j).task == (int32_t)g.task) {
                i++;
                continue;
            }
            r[k++] = (Record){trace_seg(t, i).t, (int)i, -1};
            i++;
        } else {
            r[k++] = (Record){trace_ev(t, j).t, -1, (int)j};
            j++;
        }
    }
    *out = r;
    *n = k;
}

/* "Process-1/MainThread" when there are several processes (a static
 * buffer per call slot: a record names at most three tasks). */
static void obj_text(Sim *S, int obj, SBuf *out)
{
    char nm[160];
    names_trace_objects(S);
    const TraceObj *o = obj >= 0 && (size_t)obj < S->trace->objs.n ? &S->trace->objs.v[obj] : NULL;
    if (!o) return;
    if (o->name) sb_printf(out, "%s %s", trace_obj_kind_name(o->kind), o->name);
    else sb_puts(out, trace_obj_name(S->trace, obj, nm, sizeof nm));
}

static void quote_output(Sim *S, int off, int len, SBuf *out)
{
    size_t n;
    const char *text = len < 0 ? sim_stderr(S, &n) : sim_stdout(S, &n);
    if (len < 0) len = -len;
    if (off < 0 || (size_t)off + (size_t)len > n) return;
    sb_putc(out, '"');
    for (int i = 0; i < len && i < 60; i++) {
        char c = text[off + i];
        if (c == '\n') sb_puts(out, "\\n");
        else if (c == '"') sb_puts(out, "\\\"");
        else sb_putc(out, c);
    }
    if (len > 60) sb_puts(out, "...");
    sb_putc(out, '"');
}

/* Reasons whose words have a subject of their own - the run loop a thread
 * runs, not the thread - and the word that leads into them. */
static const struct { int reason; const char *lead; } loop_reasons[] = {
    {R_LOOP_IDLE, "its "},   /* "event loop waits for the next timer" */
    {R_LOOP_RUN, "its "},
    {R_TRIO_IDLE, ""},       /* "trio's run loop waits for the next deadline" */
    {R_HUB_IDLE, ""},
};

const char *narrate_reason_lead(int reason)
{
    for (size_t i = 0; i < ARRAY_LEN(loop_reasons); i++)
        if (loop_reasons[i].reason == reason) return loop_reasons[i].lead;
    return NULL;
}

/* The reason of task's first state change at or after segment i (within
 * a few), or -1. */
static int next_reason(const Trace *t, size_t i, int task)
{
    for (size_t k = i; k < t->segs.n && k < i + 8; k++) {
        TraceSeg g = trace_seg(t, k);
        if ((int)g.task == task) return (int)g.reason;
    }
    return -1;
}

static void narrate_event(Sim *S, const TraceEvent *e, SBuf *out)
{
    const Trace *t = S->trace;
    const char *who = e->task >= 0 ? stats_task_str(t, e->task) : "the simulator";
    switch (e->kind) {
    case EV_SPAWN:
        if (e->a == e->task) sb_printf(out, "%s has paid its start cost", who);
        else sb_printf(out, "%s starts %s", who, stats_task_str(t, e->a));
        break;
    case EV_START: sb_printf(out, "%s begins to run", who); break;
    case EV_EXIT: sb_printf(out, "%s %s", who, e->a ? "dies of an uncaught exception" : "finishes"); break;
    case EV_JOIN: sb_printf(out, "%s has joined %s", who, stats_task_str(t, e->a)); break;
    case EV_GIL_REQUEST:
        sb_printf(out, "%s asks for the GIL", who);
        if (e->a >= 0) sb_printf(out, " (%s holds it)", stats_task_str(t, e->a));
        break;
    case EV_GIL_DROP_REQUEST:
        sb_printf(out, "%s has waited a switch interval: it asks %s to drop the GIL", who, stats_task_str(t, e->a));
        break;
    case EV_GIL_DROP:
        sb_printf(out, "%s drops the GIL (%s)", who,
                  e->a == DROP_FORCED ? "drop request" : e->a == DROP_BLOCKING ? "blocking call" : e->a == DROP_EXIT ? "exit" : "preempted");
        break;
    case EV_GIL_TAKE:
        sb_printf(out, "%s takes the GIL", who);
        if (e->a >= 0 && e->a != e->task) sb_printf(out, " from %s", stats_task_str(t, e->a));
        break;
    case EV_LOCK_ACQUIRE: case EV_LOCK_RELEASE:
        sb_printf(out, "%s %s ", who, e->kind == EV_LOCK_ACQUIRE ? "acquires" : "releases");
        obj_text(S, e->a, out);
        break;
    case EV_WAKE:
        sb_printf(out, "%s wakes %s", who, stats_task_str(t, e->a));
        if (e->b >= 0) {
            sb_puts(out, " (");
            obj_text(S, e->b, out);
            sb_putc(out, ')');
        }
        break;
    case EV_PRINT:
        sb_printf(out, "%s writes ", who);
        quote_output(S, e->a, e->b, out);
        if (e->b < 0) sb_puts(out, " to stderr");
        break;
    case EV_PICKLE: sb_printf(out, "%s pickles %d bytes", who, e->a); break;
    case EV_EXCEPTION:
        sb_printf(out, "%s raises %s", who, e->a >= 0 && (size_t)e->a < t->strs.n ? t->strs.v[e->a] : "an exception");
        break;
    case EV_PROC_START: sb_printf(out, "%s starts process %s", who, (size_t)e->a < t->procs.n ? t->procs.v[e->a].name : "?"); break;
    case EV_PROC_EXIT: sb_printf(out, "process %s exits with code %d", (size_t)e->proc < t->procs.n ? t->procs.v[e->proc].name : "?", e->a); break;
    case EV_QUEUE_PUT: case EV_QUEUE_GET:
        sb_printf(out, "%s %s ", who, e->kind == EV_QUEUE_PUT ? "puts an item on" : "gets an item from");
        obj_text(S, e->a, out);
        sb_printf(out, " (%d left)", e->b);
        break;
    case EV_NOTIFY:
        sb_printf(out, "%s notifies ", who);
        obj_text(S, e->a, out);
        sb_printf(out, " (%d waiting)", e->b);
        break;
    case EV_DEADLOCK: sb_puts(out, "deadlock: no task can ever proceed"); break;
    case EV_TIMEOUT: sb_printf(out, "%s's wait times out", who); break;
    case EV_SLEEP: {
        /* a run loop's idle wait is a sleep on the virtual clock, where
         * the real loop waits in epoll with a timeout */
        int r = next_reason(t, e->seg, e->task);
        if (r == R_TRIO_IDLE || r == R_HUB_IDLE) sb_printf(out, "%s calls epoll_wait with a timeout", who);
        else sb_printf(out, "%s calls time.sleep", who);
        break;
    }
    default: sb_printf(out, "%s: %s", who, trace_event_name[e->kind]); break;
    }
}

const char *narrate_batch_order(int reason)
{
    return reason == R_TRIO_BATCH_FWD ? "in ready order" : reason == R_TRIO_BATCH_REV ? "reversed" : NULL;
}

void narrate(Sim *S, const Record *r, SBuf *out)
{
    const Trace *t = S->trace;
    if (r->ev >= 0) {
        TraceEvent e = trace_ev(t, (size_t)r->ev);
        narrate_event(S, &e, out);
        return;
    }
    const TraceSeg g = trace_seg(t, r->seg);
    const char *lead = narrate_reason_lead(g.reason);
    if (lead && !(g.state == TS_RUNNING && g.core != TRACE_NO_CORE))
        sb_printf(out, "%s: %s", stats_task_str(t, (int)g.task), lead);
    else
        sb_printf(out, "%s ", stats_task_str(t, (int)g.task));
    if (g.state == TS_RUNNING && g.core != TRACE_NO_CORE) {
        sb_printf(out, "runs on cpu%u", g.core);
        /* which way trio runs this batch: the coin is part of the story */
        const char *order = narrate_batch_order(g.reason);
        if (order) sb_printf(out, " (trio's batch, %s)", order);
    } else {
        sb_puts(out, trace_reason_text[g.reason]);
    }
    if (g.obj >= 0 && g.state != TS_RUNNING) {
        sb_puts(out, " (");
        obj_text(S, g.obj, out);
        sb_putc(out, ')');
    }
}
