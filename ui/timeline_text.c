/* timeline_text.c - draws the timeline summary (sim/stats.h) as text:
 * a row per core, per process GIL and per task, a glyph per state. */
#include "timeline_text.h"
#include "export_util.h"
#include "axis.h"
#include "../sim/narrate.h"

#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

int terminal_width(void)
{
    struct winsize ws;
    if (isatty(1) && ioctl(1, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20) return ws.ws_col;
    return 80;
}

/* The glyphs of a thread's trio-batch row: a batch trio runs in the order
 * its tasks became ready, one it runs reversed (its coin), and a column
 * that holds both. */
enum { BATCH_FWD = '>', BATCH_REV = '<', BATCH_BOTH = '*' };

/* The trio-batch row of the loop on thread `thread` over [from, to) in
 * cols columns: each column a task of the loop ran in shows which way its
 * batch went.  false (line untouched) when no trio batch ran there. */
static bool batch_row(const Trace *t, int thread, int64_t from, int64_t to, int cols, char *line)
{
    size_t nt = t->tasks.n;
    int64_t *start = xmalloc((nt + 1) * sizeof *start); /* a batch step's start, or -1 */
    int *glyph = xmalloc((nt + 1) * sizeof *glyph);
    for (size_t k = 0; k < nt; k++) start[k] = -1;
    bool any = false;
    memset(line, ' ', (size_t)cols);
    line[cols] = 0;
    for (size_t i = 0; i <= t->segs.n; i++) {
        bool end = i == t->segs.n;
        TraceSeg g = end ? (TraceSeg){0} : trace_seg(t, i);
        size_t lo = end ? 0 : g.task, hi = end ? nt : (size_t)g.task + 1;
        for (size_t k = lo; k < hi; k++) {
            if (start[k] < 0) continue;
            int64_t s = start[k] > from ? start[k] : from, e = end ? t->end : g.t;
            if (e > to) e = to;
            start[k] = -1;
            if (e < s || s >= to) continue;
            int c0 = (int)((double)(s - from) / (double)(to - from) * cols);
            int c1 = (int)((double)(e - from) / (double)(to - from) * cols);
            if (c1 >= cols) c1 = cols - 1;
            for (int c = c0 < cols ? c0 : cols - 1; c <= c1; c++)
                line[c] = line[c] == ' ' || line[c] == glyph[k] ? (char)glyph[k] : BATCH_BOTH;
            any = true;
        }
        if (end || t->tasks.v[g.task].parent != thread) continue;
        if (g.state == TS_RUNNING && narrate_batch_order(g.reason)) {
            start[g.task] = g.t;
            glyph[g.task] = g.reason == R_TRIO_BATCH_REV ? BATCH_REV : BATCH_FWD;
        }
    }
    free(start);
    free(glyph);
    return any;
}

void timeline_print(FILE *f, const Trace *t, int64_t from, int64_t to, int width, bool gil)
{
    if (to <= 0 || to > t->end) to = t->end;
    if (to <= from) to = from + 1;
    /* label column: the longest row label, within reason */
    int lw = 6;
    for (size_t i = 0; i < t->tasks.n; i++) {
        char name[64];
        stats_task_name(t, (int)i, name, sizeof name);
        int n = (int)strlen(name) + 2 + (t->tasks.v[i].parent >= 0 ? 2 + 2 * trace_depth(t, (int)i) : 0);
        if (n > lw) lw = n;
    }
    if (lw > 40) lw = 40;
    if (lw > width / 3) lw = width / 3 > 6 ? width / 3 : 6;
    int cols = width - lw - 2;
    if (cols < 10) cols = 10;
    Timeline *tl = stats_timeline_build(t, from, to, cols, true);
    char *line = malloc((size_t)cols + 1);
    /* the axis: round ticks (a label about every 12 columns), and a ruler
     * with a | at each tick */
    Axis ax;
    axis_init(&ax, from, to, (to - from) * 12 / cols);
    memset(line, ' ', (size_t)cols);
    line[cols] = 0;
    char *ruler = malloc((size_t)cols + 1);
    memset(ruler, '-', (size_t)cols);
    ruler[cols] = 0;
    int last_end = -1;
    for (int64_t tk = axis_first(&ax); tk <= to; tk += ax.step) {
        int c = (int)((double)(tk - from) / (double)(to - from) * cols);
        if (c >= cols) c = cols - 1;
        ruler[c] = '|';
        char lab[32];
        axis_label(&ax, tk, lab, sizeof lab);
        int len = (int)strlen(lab);
        int at = c + len <= cols ? c : cols - len; /* the last one may lean left */
        if (at > last_end) {
            memcpy(line + at, lab, (size_t)len);
            last_end = at + len;
        }
        if (tk > to - ax.step) break;
    }
    fprintf(f, "%*s  %s\n", lw, "", line);
    fprintf(f, "%*s  %s\n", lw, "", ruler);
    free(ruler);
    bool batches = false;
    for (int r = 0; r < tl->nrows; r++) {
        TlRow *row = &tl->rows[r];
        if (row->kind == ROW_GIL && !gil) continue;
        for (int c = 0; c < cols; c++) {
            int v = row->cells[c];
            if (row->kind == ROW_TASK) line[c] = v < 0 || v == TS_DONE ? ' ' : trace_states[v].ascii; /* finished: blank */
            else line[c] = v < 0 ? ' ' : stats_label(t, v);
        }
        fprintf(f, "%-*.*s  %s\n", lw, lw, row->label, line);
        if (row->kind == ROW_LOOP && batch_row(t, row->index, from, to, cols, line)) {
            fprintf(f, "%-*.*s  %s\n", lw, lw, "  trio batch", line);
            batches = true;
        }
    }
    /* the legend, wrapped to the width */
    int x = lw;
    fprintf(f, "%*s", lw, "");
    for (int i = 0; i < TS_COUNT; i++) {
        const TaskStateInfo *si = &trace_states[trace_legend[i]];
        if (trace_legend[i] == TS_DONE) continue; /* drawn blank */
        int n = (int)strlen(si->legend) + 4;
        if (x + n > width && x > lw) {
            fprintf(f, "\n%*s", lw, "");
            x = lw;
        }
        fprintf(f, "  %c %s", si->ascii, si->legend);
        x += n;
    }
    fprintf(f, "\n%*s  cpu, GIL and event-loop rows show the label of the task they run\n", lw, "");
    if (batches)
        fprintf(f, "%*s  trio batch: %c in the order its tasks became ready, %c reversed (a coin per batch), %c both\n",
                lw, "", BATCH_FWD, BATCH_REV, BATCH_BOTH);
    free(line);
    stats_timeline_free(tl);
}

static void fmt_ms(char *buf, size_t n, int64_t ns)
{
    if (ns == 0) snprintf(buf, n, "0");
    else fmt_duration(buf, n, ns);
}

void stats_print(FILE *f, Sim *S)
{
    const Trace *t = sim_trace(S);
    Stats *s = stats_compute(t);
    char el[32];
    fmt_duration(el, sizeof el, s->elapsed);
    fprintf(f, "--- %s: %s virtual time, %llu bytecode ops\n", sim_settings(S)->title, el, (unsigned long long)sim_ops(S));
    /* not the costs the lessons quote */
    if (sim_calibrated_from(S)) fprintf(f, "  calibrated: the costs of this machine (%s)\n", sim_calibrated_from(S));
    /* io (an event loop waiting in select) only when some task did */
    int cols[] = {TS_RUNNING, TS_READY, TS_GILWAIT, TS_BLOCKED, TS_SLEEPING, TS_IO, TS_AWAITING};
    size_t ncols = ARRAY_LEN(cols);
    bool io = false;
    for (int k = 0; k < s->ntasks; k++) io |= s->tasks[k].t[TS_IO] > 0;
    if (!io) {
        cols[5] = TS_AWAITING;
        ncols--;
    }
    int nw = 4;
    for (size_t i = 0; i < t->tasks.n; i++) {
        char name[64];
        stats_task_name(t, (int)i, name, sizeof name);
        int n = (int)strlen(name);
        if (n > nw) nw = n;
    }
    if (nw > 40) nw = 40;
    fprintf(f, "  %-*s", nw, "task");
    for (size_t c = 0; c < ncols; c++) fprintf(f, " %10s", trace_states[cols[c]].name);
    fputc('\n', f);
    for (int k = 0; k < s->ntasks; k++) {
        char name[64];
        stats_task_name(t, k, name, sizeof name);
        fprintf(f, "  %-*.*s", nw, nw, name);
        for (size_t c = 0; c < ncols; c++) {
            char b[32];
            fmt_ms(b, sizeof b, s->tasks[k].t[cols[c]]);
            fprintf(f, " %10s", b);
        }
        fputc('\n', f);
    }
    fprintf(f, "  cores:");
    for (int c = 0; c < s->ncores; c++)
        fprintf(f, " cpu%d %.0f%%", c, s->elapsed ? 100.0 * (double)s->core_busy[c] / (double)s->elapsed : 0.0);
    fprintf(f, "\n  GIL: %lld handoff%s, %lld forced switch%s; %lld context switch%s\n", (long long)s->gil_handoffs,
            s->gil_handoffs == 1 ? "" : "s", (long long)s->forced_switches, s->forced_switches == 1 ? "" : "es",
            (long long)s->context_switches, s->context_switches == 1 ? "" : "es");
    if (s->task_steps)
        fprintf(f, "  event loop: %lld iteration%s, %lld task step%s\n", (long long)s->loop_iterations,
                s->loop_iterations == 1 ? "" : "s", (long long)s->task_steps, s->task_steps == 1 ? "" : "s");
    fprintf(f, "  parallelism %.2f (average busy cores: running time of all threads / elapsed)\n", s->parallelism);
    stats_free(s);
}

void stats_json(FILE *f, Sim *S)
{
    const Trace *t = sim_trace(S);
    Stats *s = stats_compute(t);
    fputs(", \"tasks\": [", f);
    for (int k = 0; k < s->ntasks; k++) {
        const TraceTask *tk = &t->tasks.v[k];
        fputs(k ? ", {\"name\": " : "{\"name\": ", f);
        ex_json_str(f, tk->name, strlen(tk->name));
        fprintf(f, ", \"kind\": \"%s\", \"process\": ", tk->kind == TK_COROUTINE ? "coroutine" : "thread");
        ex_json_str(f, t->procs.v[tk->proc].name, strlen(t->procs.v[tk->proc].name));
        fprintf(f, ", \"daemon\": %s", tk->daemon ? "true" : "false");
        for (int st = 0; st < TS_COUNT; st++) {
            if (st == TS_NEW || st == TS_DONE) continue;
            fprintf(f, ", \"%s_ns\": %lld", trace_states[st].name, (long long)s->tasks[k].t[st]);
        }
        fputc('}', f);
    }
    fputs("], \"cores\": [", f);
    for (int c = 0; c < s->ncores; c++)
        fprintf(f, "%s{\"busy_ns\": %lld, \"utilization\": %.4f}", c ? ", " : "", (long long)s->core_busy[c],
                s->elapsed ? (double)s->core_busy[c] / (double)s->elapsed : 0.0);
    fprintf(f, "], \"gil\": {\"handoffs\": %lld, \"forced_switches\": %lld}, \"context_switches\": %lld, \"parallelism\": %.4f",
            (long long)s->gil_handoffs, (long long)s->forced_switches, (long long)s->context_switches, s->parallelism);
    fprintf(f, ", \"event_loop\": {\"iterations\": %lld, \"task_steps\": %lld}", (long long)s->loop_iterations,
            (long long)s->task_steps);
    fprintf(f, ", \"trace\": {\"segments\": %zu, \"events\": %zu, \"bytes\": %zu}", t->segs.n, t->evs.n,
            trace_bytes(t));
    fprintf(f, ", \"trace_hash\": \"%016llx\"", (unsigned long long)sim_trace_hash(S));
    stats_free(s);
}
