/* tui_draw.c - drawing the UI's panes from the App's state.
 *
 * Everything is drawn into stdscr and sent with one doupdate() per frame:
 * curses sends only what changed, so nothing flickers.  Drawing never
 * changes the App except to keep the cursor row and the playhead in
 * view. */
#include "tui_app.h"
#include "axis.h"
#include "../sim/inspect.h"
#include "../sim/narrate.h"

#include <stdlib.h>
#include <string.h>

/* ---- text helpers ---- */

static void pane_title(const App *a, int pane, const char *name, const char *extra)
{
    Rect r = a->L.pane[pane];
    attr_t at = term_attr(a->focus == pane ? G_TITLE_FOCUS : G_TITLE);
    term_fill(r.y, r.x, r.w, at);
    char b[256];
    snprintf(b, sizeof b, "%s%s%s%s", a->focus == pane ? (term_ascii() ? "> " : "▸ ") : " ", name, extra && *extra ? "  " : "", extra ? extra : "");
    term_puts_at(r.y, r.x, r.w, b, at);
}

static void fmt_time(char *b, size_t n, int64_t ns)
{
    if (ns == 0) snprintf(b, n, "0");
    else fmt_duration(b, n, ns);
}

/* ---- the timeline ---- */

static void draw_legend(int y, int x, int w)
{
    int c = 0;
    for (int i = 0; i < TS_COUNT; i++) {
        int st = trace_legend[i];
        const char *name = trace_states[st].legend;
        int need = 2 + (int)strlen(name) + 1;
        if (c + need > w) break;
        c += term_puts_at(y, x + c, 1, term_state_glyph(st), term_attr(G_STATE + st));
        c += term_puts_at(y, x + c, w - c, " ", 0);
        c += term_puts_at(y, x + c, w - c, name, 0);
        c += term_puts_at(y, x + c, w - c, " ", 0);
    }
}

static void draw_timeline(App *a)
{
    Rect R = a->L.pane[PANE_TIMELINE];
    const Trace *t = sim_trace(a->ref);
    int nrows = tlx_rows(a->idx);
    int lw = 8;
    for (int r = 0; r < nrows; r++) {
        int n = (int)strlen(tlx_row(a->idx, r)->label) + 1;
        if (n > lw) lw = n;
    }
    if (lw > R.w / 4) lw = R.w / 4;
    int cw = a->o.present ? 2 : 1;
    int cols = (R.w - lw - 1) / cw;
    if (cols < 1) cols = 1;
    int64_t span = app_span(a);
    if (span < 1) span = 1;
    if (a->fit) {
        a->vfrom = 0;
        a->vspan = span;
    }
    if (a->vspan < cols) a->vspan = cols;
    if (a->follow && !a->fit && (a->now < a->vfrom || a->now >= a->vfrom + a->vspan)) {
        a->vfrom = a->now - a->vspan / 8;
        if (a->vfrom < 0) a->vfrom = 0;
    }
    int64_t from = a->vfrom, to = a->vfrom + a->vspan;
    char from_s[32], to_s[32], extra[128];
    fmt_time(from_s, sizeof from_s, from);
    fmt_time(to_s, sizeof to_s, to);
    if (a->asking)
        snprintf(extra, sizeof extra, "(the run plays once you answer the question)");
    else
        snprintf(extra, sizeof extra, "%s - %s%s%s", from_s, to_s, a->fit ? " (whole run)" : "",
                 sim_finished(a->ref) ? "" : "  simulating...");
    pane_title(a, PANE_TIMELINE, "Timeline", extra);

    /* the axis: round ticks with labels, and the playhead */
    int x0 = R.x + lw + 1;
    /* a label about every 12 columns */
    Axis ax;
    axis_init(&ax, from, to, (to - from) * 12 / (cols * cw > 0 ? cols * cw : 1));
    int last_end = -1;
    const Chrome *ch = term_chrome();
    for (int64_t tk = axis_first(&ax); tk < to && !a->asking; tk += ax.step) {
        int c = (int)((double)(tk - from) / (double)(to - from) * cols) * cw;
        char lab[32];
        axis_label(&ax, tk, lab, sizeof lab);
        term_puts_at(R.y + 2, x0 + c, 1, ch->tick, term_attr(G_DIM));
        if (c > last_end && c + (int)strlen(lab) <= cols * cw) {
            last_end = c + (int)strlen(lab) + 1;
            term_puts_at(R.y + 1, x0 + c, cols * cw - c, lab, term_attr(G_DIM));
        }
    }
    if (a->now >= from && a->now < to) {
        int pc = (int)((double)(a->now - from) / (double)(to - from) * cols) * cw;
        term_puts_at(R.y + 2, x0 + pc, 1, ch->playhead, term_attr(G_PLAYHEAD));
    }

    /* the rows, the cursor's kept in view */
    int gap = a->o.present ? 2 : 1; /* presenter mode: a blank line between rows */
    int vis = (R.h - TL_CHROME_LINES + gap - 1) / gap;
    if (a->cursor >= nrows) a->cursor = nrows - 1;
    if (a->cursor < 0) a->cursor = 0;
    if (a->cursor < a->row_top) a->row_top = a->cursor;
    if (a->cursor >= a->row_top + vis) a->row_top = a->cursor - vis + 1;
    if (a->row_top > nrows - vis) a->row_top = nrows - vis > 0 ? nrows - vis : 0;
    int32_t *cells = xmalloc((size_t)cols * sizeof *cells);
    int32_t *minor = xmalloc((size_t)cols * sizeof *minor);
    for (int i = 0; i < vis && a->row_top + i < nrows; i++) {
        int r = a->row_top + i;
        const TlxRowInfo *ri = tlx_row(a->idx, r);
        int y = R.y + 3 + i * gap;
        attr_t lat = r == a->cursor ? term_attr(G_CURSOR) : (ri->kind == ROW_TASK ? 0 : term_attr(G_HILITE));
        if (r == a->cursor) term_fill(y, R.x, lw, lat);
        term_puts_at(y, R.x, lw, ri->label, lat);
        if (ri->kind == ROW_NOTE) continue;
        tlx_cells(a->idx, r, from, to, cols, a->now, cells);
        tlx_minor(a->idx, r, from, to, cols, a->now, cells, minor);
        int shown = -1;
        for (int c = 0; c < cols; c++) {
            int v = cells[c];
            /* a short event the majority would hide gets the cell,
             * underlined, unless the cell before already shows its value */
            bool mark = minor[c] >= 0 && minor[c] != shown;
            if (mark) v = minor[c];
            shown = v;
            if (v < 0) continue;
            char g[8];
            attr_t at;
            if (ri->kind == ROW_TASK) {
                snprintf(g, sizeof g, "%s", term_state_glyph(v));
                at = term_attr(G_STATE + v);
            } else {
                snprintf(g, sizeof g, "%c", stats_label(t, v));
                at = term_task_attr(v);
            }
            if (mark) at |= A_UNDERLINE;
            for (int k = 0; k < cw; k++) term_puts_at(y, x0 + c * cw + k, 1, g, at);
        }
    }
    free(cells);
    free(minor);
    if (nrows > vis) {
        char more[48];
        snprintf(more, sizeof more, " rows %d-%d of %d ", a->row_top + 1, a->row_top + vis < nrows ? a->row_top + vis : nrows, nrows);
        term_puts_at(R.y + R.h - 1, R.x + R.w - (int)strlen(more), (int)strlen(more), more, term_attr(G_DIM));
        draw_legend(R.y + R.h - 1, R.x, R.w - (int)strlen(more) - 1);
    } else {
        draw_legend(R.y + R.h - 1, R.x, R.w);
    }
    (void)t;
}

/* ---- the source ---- */

typedef struct Mark {
    int line;
    int task;
    int state;
} Mark;

static void draw_source(App *a)
{
    Rect R = a->L.pane[PANE_SOURCE];
    if (!R.h) return;
    Sim *S = a->ss->S;
    const char *path = a->ss->path ? a->ss->path : "";
    const char *base = strrchr(path, '/');
    pane_title(a, PANE_SOURCE, "Source", base ? base + 1 : path);
    const char *src = sim_source(S);
    /* where each shown task is now (the session is at the playhead) */
    Mark marks[64];
    int nm = 0, cursor_line = 0, cursor_task = app_cursor_task(a);
    int nrows = tlx_rows(a->idx);
    for (int r = 0; r < nrows && nm < 64; r++) {
        const TlxRowInfo *ri = tlx_row(a->idx, r);
        if (ri->kind != ROW_TASK) continue;
        TaskView v;
        if (!sim_task_view(S, ri->index, &v) || !v.file || v.line <= 0) continue;
        if (v.state == TS_DONE || v.state == TS_NEW) continue;
        marks[nm++] = (Mark){v.line, ri->index, v.state};
        if (ri->index == cursor_task) cursor_line = v.line;
    }
    if (!cursor_line)
        for (int i = 0; i < nm; i++)
            if (marks[i].state == TS_RUNNING) {
                cursor_line = marks[i].line;
                break;
            }
    int nlines = 1;
    for (const char *p = src; *p; p++) nlines += *p == '\n';
    int vis = R.h - 1;
    int top = a->src_top;
    if (top <= 0) {
        /* every marked line in view when they fit, else the cursor's task's */
        int lo = cursor_line, hi = cursor_line;
        for (int i = 0; i < nm; i++) {
            if (!lo || marks[i].line < lo) lo = marks[i].line;
            if (marks[i].line > hi) hi = marks[i].line;
        }
        if (lo && hi - lo < vis - 2) top = lo - (vis - (hi - lo)) / 3;
        else top = cursor_line ? cursor_line - vis / 3 : 1;
    }
    if (top > nlines - vis + 1) top = nlines - vis + 1;
    if (top < 1) top = 1;
    if (a->src_top > 0) a->src_top = top;
    const char *p = src;
    for (int l = 1; l < top && *p; l++) {
        const char *e = strchr(p, '\n');
        p = e ? e + 1 : p + strlen(p);
    }
    for (int i = 0; i < vis && *p; i++) {
        int line = top + i, y = R.y + 1 + i;
        const char *e = strchr(p, '\n');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        char num[16];
        snprintf(num, sizeof num, "%4d ", line);
        term_puts_at(y, R.x, 5, num, term_attr(G_DIM));
        /* the margin: the labels of the tasks at this line */
        int m = 0;
        for (int k = 0; k < nm && m < 3; k++)
            if (marks[k].line == line) {
                char lab[2] = {stats_label(sim_trace(a->ref), marks[k].task), 0};
                term_puts_at(y, R.x + 5 + m++, 1, lab, term_attr(G_STATE + marks[k].state) | A_BOLD);
            }
        attr_t at = line == cursor_line ? term_attr(G_HILITE) : 0;
        term_put(y, R.x + 9, R.w - 9, p, len, at);
        p = e ? e + 1 : p + len;
    }
}

/* ---- output and events ---- */

/* The program's output up to the playhead: its last lines, stdout and
 * stderr as they were interleaved (stderr in its own colour). */
static void draw_output(App *a)
{
    Rect R = a->L.pane[PANE_OUTPUT];
    if (!R.h) return;
    pane_title(a, PANE_OUTPUT, "Output", a->out_back ? "(scrolled back)" : NULL);
    if (a->asking) {
        term_puts_at(R.y + 1, R.x, R.w, " (hidden until you answer the question)", term_attr(G_DIM));
        return;
    }
    const Trace *t = sim_trace(a->ref);
    size_t so, se;
    const char *out = sim_stdout(a->ref, &so), *err = sim_stderr(a->ref, &se);
    int vis = R.h - 1, want = vis + a->out_back;
    /* the prints before the playhead, newest first, until enough lines */
    size_t j = app_events_before(t, a->pos), first = j;
    int newlines = 0;
    size_t bytes = 0;
    while (j > 0 && newlines <= want && bytes < (1 << 18)) {
        const TraceEvent e = trace_ev(t, --j);
        if (e.kind != EV_PRINT) continue;
        size_t len = (size_t)(e.b < 0 ? -(int64_t)e.b : e.b);
        const char *s = (e.b < 0 ? err : out) + e.a;
        for (size_t k = 0; k < len; k++) newlines += s[k] == '\n';
        bytes += len;
        first = j;
    }
    /* in order, into one buffer with a stderr flag per byte */
    SBuf text = {0};
    BUF(char) iserr = {0};
    for (size_t k = first; k < app_events_before(t, a->pos); k++) {
        const TraceEvent e = trace_ev(t, k);
        if (e.kind != EV_PRINT) continue;
        bool is_err = e.b < 0;
        size_t len = (size_t)(is_err ? -(int64_t)e.b : e.b);
        if ((size_t)e.a + len > (is_err ? se : so)) continue;
        sb_put(&text, (is_err ? err : out) + e.a, len);
        for (size_t q = 0; q < len; q++) BUF_PUSH(iserr, is_err);
    }
    /* at the end, what the program wrote to stderr other than by printing:
     * a traceback, the deadlock report */
    if (sim_finished(a->ref) && a->pos >= (int64_t)(t->segs.n + t->evs.n)) {
        if (a->err_printed < 0) {
            a->err_printed = 0;
            for (size_t k = t->evs.n; k-- > 0;)
                if (trace_ev(t, k).kind == EV_PRINT && trace_ev(t, k).b < 0) {
                    a->err_printed = trace_ev(t, k).a - (int64_t)trace_ev(t, k).b;
                    break;
                }
        }
        if ((size_t)a->err_printed < se) {
            size_t len = se - (size_t)a->err_printed;
            sb_put(&text, err + a->err_printed, len);
            for (size_t q = 0; q < len; q++) BUF_PUSH(iserr, true);
        }
    }
    /* its last lines (a final newline ends the last line, it does not start one) */
    size_t n = text.n;
    if (n && text.s[n - 1] == '\n') n--;
    size_t *starts = xmalloc((size_t)(want + 1) * sizeof *starts);
    int nl = 0;
    size_t end = n;
    while (text.s && nl < want) {
        size_t st = end;
        while (st > 0 && text.s[st - 1] != '\n') st--;
        starts[nl++] = st;
        if (st == 0) break;
        end = st - 1;
    }
    /* long lines wrap: the screen lines, oldest first */
    typedef struct Piece {
        size_t at, len;
    } Piece;
    BUF(Piece) rows = {0};
    for (int i = nl - 1; i >= 0; i--) {
        size_t st = starts[i];
        const char *e = memchr(text.s + st, '\n', n - st);
        size_t len = e ? (size_t)(e - (text.s + st)) : n - st, off = 0;
        do {
            size_t k = term_fit(text.s + st + off, len - off, R.w, NULL);
            if (!k) k = len - off; /* no room at all: the rest is one (cut) row */
            BUF_PUSH(rows, ((Piece){st + off, k}));
            off += k;
        } while (off < len);
    }
    int total = (int)rows.n;
    if (a->out_back > total - vis) a->out_back = total - vis > 0 ? total - vis : 0;
    int top = total - vis - a->out_back;
    if (top < 0) top = 0;
    for (int i = 0; i < vis && top + i < total; i++) {
        Piece p = rows.v[top + i];
        term_put(R.y + 1 + i, R.x, R.w, text.s + p.at, p.len, iserr.v[p.at] ? term_attr(G_STDERR) : 0);
    }
    BUF_FREE(rows);
    free(starts);
    sb_free(&text);
    BUF_FREE(iserr);
}

static void draw_events(App *a)
{
    Rect R = a->L.pane[PANE_EVENTS];
    if (!R.h) return;
    pane_title(a, PANE_EVENTS, "Events", a->ev_back ? "(scrolled back)" : NULL);
    if (a->asking) {
        term_puts_at(R.y + 1, R.x, R.w, " (hidden until you answer the question)", term_attr(G_DIM));
        return;
    }
    const Trace *t = sim_trace(a->ref);
    int vis = R.h - 1;
    /* a run a limit stopped says so as its last event */
    bool stopped = a->ref_status == SIM_FATAL && !a->ev_back && a->pos >= (int64_t)(t->segs.n + t->evs.n);
    if (stopped && vis > 1) vis--;
    int64_t hi = a->pos - a->ev_back;
    if (hi < 0) hi = 0;
    int64_t lo = hi - vis > 0 ? hi - vis : 0;
    size_t e0 = app_events_before(t, lo), e1 = app_events_before(t, hi);
    size_t s0 = (size_t)lo - e0, s1 = (size_t)hi - e1;
    Record *rec;
    size_t n;
    narrate_records_between(t, s0, s1, e0, e1, &rec, &n);
    int tw = 11;
    for (size_t i = 0; i < n && (int)i < vis; i++) {
        SBuf b = {0};
        narrate(a->ref, &rec[i], &b);
        char tm[32];
        fmt_time(tm, sizeof tm, rec[i].t);
        int y = R.y + 1 + (int)i;
        bool latest = !a->ev_back && i + 1 == n;
        char col[40];
        snprintf(col, sizeof col, "%*s ", tw - 1, tm);
        term_puts_at(y, R.x, tw, col, term_attr(G_DIM));
        term_puts_at(y, R.x + tw, R.w - tw, b.s ? b.s : "", latest ? term_attr(G_HILITE) : 0);
        sb_free(&b);
    }
    if (!n) term_puts_at(R.y + 1, R.x, R.w, a->pos ? "" : " (nothing has happened yet: space plays, -> steps)", term_attr(G_DIM));
    if (stopped) {
        char tm[32], line[600];
        fmt_time(tm, sizeof tm, app_span(a));
        snprintf(line, sizeof line, "%*s STOPPED by a limit: %s", 10, tm, sim_fatal_message(a->ref));
        int y = R.y + 1 + ((int)n < vis ? (int)n : vis);
        term_puts_at(y, R.x, R.w, line, term_attr(G_STDERR) | A_BOLD);
    }
    free(rec);
}

/* ---- wrapped text: the lesson, the question ---- */

/* Greedy word wrap of text to w columns, its newlines kept; draws the
 * lines from skip on, at most h of them, at (y, x).  Returns how many lines
 * the whole text takes (h 0: only count). */
static int draw_wrapped(int y, int x, int h, int w, const char *text, int skip, attr_t at)
{
    if (w < 1) w = 1;
    const char *p = text;
    int line = 0;
    while (*p) {
        const char *eol = strchr(p, '\n');
        size_t len = eol ? (size_t)(eol - p) : strlen(p);
        /* a line's indentation is kept on the lines it wraps to */
        size_t ind = 0;
        while (ind < len && p[ind] == ' ') ind++;
        if (ind * 2 >= (size_t)w) ind = 0;
        size_t off = 0;
        bool first = true;
        do {
            int room = w - (first ? 0 : (int)ind);
            int used;
            size_t k = term_fit(p + off, len - off, room, &used);
            if (off + k < len) {
                size_t b = k;
                while (b > 0 && p[off + b] != ' ') b--;
                if (b > 0) k = b;
            }
            if (!k) k = len - off; /* no room: cut */
            if (h && line >= skip && line < skip + h)
                term_put(y + line - skip, x + (first ? 0 : (int)ind), room, p + off, k, at);
            line++;
            off += k;
            while (off < len && p[off] == ' ') off++;
            first = false;
        } while (off < len);
        p = eol ? eol + 1 : p + len;
    }
    return line;
}

int app_wrapped_lines(const char *text, int w) { return draw_wrapped(0, 0, 0, w, text, 0, 0); }

/* Does a Markdown line stand on its own line (not joined to the one
 * before)? */
static bool own_line(const char *s, size_t n)
{
    if (!n) return true;
    if (s[0] == '#' || s[0] == '|' || s[0] == '>' || (n >= 2 && (s[0] == '-' || s[0] == '*') && s[1] == ' ')) return true;
    size_t d = 0;
    while (d < n && s[d] >= '0' && s[d] <= '9') d++;
    if (d && d + 1 < n && s[d] == '.' && s[d + 1] == ' ') return true;
    if (n >= 10 && strncmp(s, "  Answer: ", 10) == 0) return true;
    return n >= 4 && strncmp(s, "    ", 4) == 0;
}

char *app_reflow(const char *md)
{
    SBuf b = {0};
    bool fence = false, joinable = false;
    const char *p = md;
    while (*p) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        bool is_fence = n >= 3 && strncmp(p, "```", 3) == 0;
        const char *after = e ? e + 1 : p + n;
        char *q = !fence && n == 10 && strncmp(p, "```predict", 10) == 0 ? lesson_predict_prose(&after) : NULL;
        if (q) {
            /* a predict block: the question a learner reads, not its syntax */
            if (b.n && b.s[b.n - 1] != '\n') sb_putc(&b, '\n');
            sb_puts(&b, q);
            free(q);
            joinable = false;
            p = after;
            continue;
        }
        if (fence || is_fence) {
            if (b.n && b.s[b.n - 1] != '\n') sb_putc(&b, '\n');
            sb_put(&b, p, n);
            if (is_fence) fence = !fence;
            joinable = false;
        } else if (!n) {
            sb_puts(&b, b.n ? "\n\n" + (b.s[b.n - 1] == '\n') : "");
            joinable = false;
        } else if (joinable && !own_line(p, n)) {
            /* a wrapped line of the paragraph: one space, then its words */
            size_t k = 0;
            while (k < n && p[k] == ' ') k++;
            sb_putc(&b, ' ');
            sb_put(&b, p + k, n - k);
        } else {
            if (b.n && b.s[b.n - 1] != '\n') sb_putc(&b, '\n');
            sb_put(&b, p, n);
            joinable = p[0] != '#';
        }
        p = e ? e + 1 : p + n;
    }
    if (!b.s) sb_puts(&b, "");
    return sb_take(&b);
}

char *app_question_text(const App *a)
{
    if (a->q_cur < 0 || a->q_cur >= a->nqs) return NULL;
    const LessonQuestion *q = &a->qs[a->q_cur];
    SBuf b = {0};
    sb_printf(&b, "%s\n", q->ask);
    int res = a->q_result[a->q_cur];
    if (res == LP_NONE) {
        for (int i = 0; i < q->nchoices; i++) sb_printf(&b, "  %s\n", q->choices[i]);
        if (!a->asking)
            sb_printf(&b, "(predict it, then watch; `interleave lesson %d --answers` has the answer)", a->o.lesson->number);
        else if (q->numeric)
            sb_printf(&b, "Your answer, a number%s%s: %.*s_   (Enter answers, Esc skips)", q->unit ? " in " : "",
                      q->unit ? q->unit : "", a->q_inlen, a->q_in);
        else
            sb_printf(&b, "Your answer: press %c-%c   (Esc skips)", q->choices[0][0], q->choices[q->nchoices - 1][0]);
    } else {
        char right[256];
        lesson_answer_text(q, right, sizeof right);
        if (res == LP_RIGHT) sb_printf(&b, "You said %s: right.", a->q_given[a->q_cur]);
        else if (res == LP_WRONG) sb_printf(&b, "You said %s; the answer is %s.", a->q_given[a->q_cur], right);
        else sb_printf(&b, "Skipped; the answer is %s.", right);
        sb_printf(&b, " %s", q->explain);
    }
    return sb_take(&b);
}

static void draw_question(App *a)
{
    Rect R = a->L.pane[PANE_QUESTION];
    if (!R.h || a->q_cur < 0) return;
    int nq = 0, k = 0;
    for (int i = 0; i < a->nqs; i++)
        if (a->ss->path && lesson_question_is_for(&a->qs[i], a->ss->path)) {
            nq++;
            if (i <= a->q_cur) k++;
        }
    char extra[96];
    snprintf(extra, sizeof extra, "%s%s", a->asking ? "predict, then watch" : "",
             a->q_lines > R.h - 1 ? (a->focus == PANE_QUESTION ? "  (Up/Down scroll)" : "  (Tab, Up/Down: more)") : "");
    char name[48];
    if (nq > 1) snprintf(name, sizeof name, "Question %d of %d", k, nq);
    else snprintf(name, sizeof name, "Question");
    pane_title(a, PANE_QUESTION, name, extra);
    char *text = app_question_text(a);
    draw_wrapped(R.y + 1, R.x + 1, R.h - 1, R.w - 2, text, a->q_top, a->asking ? A_BOLD : 0);
    free(text);
}

/* ---- the status line ---- */

static void draw_status(App *a)
{
    Rect R = a->L.status;
    attr_t at = term_attr(G_TITLE);
    term_fill(R.y, 0, R.w, at);
    if (a->cmdline) {
        char b[300];
        snprintf(b, sizeof b, ":%.*s", a->cmdlen, a->cmd);
        term_puts_at(R.y, 0, R.w, b, at | A_BOLD);
        curs_set(1);
        move(R.y, 1 + a->cmdlen < R.w ? 1 + a->cmdlen : R.w - 1);
        return;
    }
    curs_set(0);
    /* the time first, then a message or the title, the settings, the play state */
    const Settings *st = sim_settings(a->ref);
    char now[32], end[32], sw[32], clock[80], title[200], conf[120], right[120];
    fmt_time(now, sizeof now, a->now);
    fmt_time(end, sizeof end, app_span(a));
    fmt_duration(sw, sizeof sw, st->v[SET_switch_interval]);
    snprintf(clock, sizeof clock, " %s / %s%s ", now, end, sim_finished(a->ref) ? "" : "+");
    if (a->o.lesson)
        snprintf(title, sizeof title, "L%d %d/%d %s%s%s", a->o.lesson->number, a->lesson_scn + 1, a->o.lesson->nscenarios,
                 a->o.lesson->title, st->title ? ": " : "", st->title ? st->title : "");
    else
        snprintf(title, sizeof title, "%s", st->title ? st->title : "");
    if (a->asking) snprintf(clock, sizeof clock, " %s / ? ", now);
    char gil[48];
    /* a setting that is not the scenario's header's is marked */
    bool gil_o = session_overrides(a->ss, "gil") || session_overrides(a->ss, "switch_interval");
    if (settings_gil_on(st)) snprintf(gil, sizeof gil, "GIL %s%s", sw, gil_o ? "*" : "");
    else snprintf(gil, sizeof gil, "no GIL%s", gil_o ? "*" : "");
    snprintf(conf, sizeof conf, " %lld core%s%s, %s, seed %lld%s%s ", (long long)st->v[SET_cores],
             st->v[SET_cores] == 1 ? "" : "s", session_overrides(a->ss, "cores") ? "*" : "", gil,
             (long long)st->v[SET_seed], session_overrides(a->ss, "seed") ? "*" : "",
             sim_calibrated_from(a->ref) ? ", calibrated" : "");
    /* the rate with as many decimals as its digits need ("3.4 ms", a
     * presenter's pace; "2 ms", a rung of the ladder): the step of the
     * axis is the place of its last nonzero digit */
    char sp[32];
    int64_t place = 1;
    while (a->rate > 0 && place <= INT64_MAX / 10 && a->rate % (place * 10) == 0) place *= 10;
    Axis sx;
    axis_init(&sx, 0, a->rate, place);
    axis_label(&sx, a->rate, sp, sizeof sp);
    const Chrome *ch = term_chrome();
    snprintf(right, sizeof right, " %s %s/s  ? help  q quit ", a->playing ? ch->play : ch->pause, sp);
    int rw = (int)strlen(right) - (term_ascii() ? 0 : 2);
    int cw = (int)strlen(conf);
    int room = R.w - rw;
    int x = term_puts_at(R.y, 0, room, clock, at | A_BOLD);
    /* the settings go first when there is no room for both, except in a
     * lesson: its number and title first */
    const char *first = a->msg[0] ? a->msg : title;
    int most = a->msg[0] ? 12 : 48;
    int need = (int)strlen(first) < most ? (int)strlen(first) : most;
    bool show_conf = room - x - cw >= need || (!a->msg[0] && !a->o.lesson);
    int tw = room - x - (show_conf ? cw : 0);
    if (a->msg[0]) term_puts_at(R.y, x, tw, a->msg, at | A_BOLD);
    else term_puts_at(R.y, x, tw, title, at);
    if (show_conf && room - cw > x) term_puts_at(R.y, room - cw, cw, conf, at);
    if (R.w > rw) term_puts_at(R.y, R.w - rw, rw, right, at);
}

/* ---- overlays ---- */

static const char *const help_lines[] = {
    "space        play / pause",
    "Right Left   one event forward / back",
    ".            on to the next event that matters (a handoff, a block, a print...)",
    "> <          one timeline column forward / back (Shift-Right/Left too)",
    "Home End     the start / the end of the run",
    "+ - 0        zoom in / out / the whole run",
    "[ ]          play slower / faster",
    "Up Down      the row cursor (timeline) or scroll (other panes)",
    "PgUp PgDn    scroll the focused pane (timeline: earlier / later)",
    "Tab          the next pane (Shift-Tab: the previous)",
    "e            explain the task under the cursor",
    "g            GIL on / off (simulates again, keeps the time)",
    "c            cores 1, 2, 4, 8 (simulates again, keeps the time)",
    ":            a REPL command (step, goto 12ms, info gil, set ...)",
    "n p L        lessons: next / previous scenario, the lesson's text",
    "?            this help",
    "q            quit (back to the REPL when opened with `ui`)",
    NULL,
};

static void box_at(int y, int x, int h, int w, const char *title)
{
    const Chrome *ch = term_chrome();
    for (int i = 0; i < h; i++) term_fill(y + i, x, w, 0);
    for (int i = 1; i < w - 1; i++) {
        term_puts_at(y, x + i, 1, ch->hline, 0);
        term_puts_at(y + h - 1, x + i, 1, ch->hline, 0);
    }
    for (int i = 1; i < h - 1; i++) {
        term_puts_at(y + i, x, 1, ch->vline, 0);
        term_puts_at(y + i, x + w - 1, 1, ch->vline, 0);
    }
    const char *c = term_ascii() ? "+" : NULL;
    term_puts_at(y, x, 1, c ? c : "┌", 0);
    term_puts_at(y, x + w - 1, 1, c ? c : "┐", 0);
    term_puts_at(y + h - 1, x, 1, c ? c : "└", 0);
    term_puts_at(y + h - 1, x + w - 1, 1, c ? c : "┘", 0);
    char t[160];
    snprintf(t, sizeof t, " %s ", title);
    term_puts_at(y, x + 2, w - 4, t, A_BOLD);
}

static int count_lines(const char *s, int w)
{
    int n = 0;
    for (const char *p = s; *p;) {
        const char *e = strchr(p, '\n');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        n += len ? (int)((len + (size_t)w - 1) / (size_t)w) : 1;
        p = e ? e + 1 : p + len;
    }
    return n;
}

static void draw_overlay(App *a)
{
    int W = COLS, H = LINES - 1;
    if (a->overlay == OV_HELP) {
        int n = 0, w = 0;
        for (; help_lines[n]; n++)
            if ((int)strlen(help_lines[n]) > w) w = (int)strlen(help_lines[n]);
        int bw = w + 4 < W ? w + 4 : W, bh = n + 3 < H ? n + 3 : H;
        int y = (H - bh) / 2, x = (W - bw) / 2;
        box_at(y, x, bh, bw, "keys (any key closes)");
        for (int i = 0; i < n && i < bh - 2; i++) term_puts_at(y + 1 + i, x + 2, bw - 4, help_lines[i], 0);
        return;
    }
    char *flowed = a->overlay == OV_LESSON && a->o.lesson ? app_reflow(a->o.lesson->text) : NULL;
    const char *text = flowed ? flowed : a->overlay_text;
    if (!text) return;
    int bw = W - 4 > 100 ? 100 : W - 4;
    int inner = bw - 4;
    int total = flowed ? app_wrapped_lines(text, inner) : count_lines(text, inner);
    int bh = total + 2 < H - 2 ? total + 2 : H - 2;
    if (bh < 3) bh = 3;
    if (a->overlay_top > total - (bh - 2)) a->overlay_top = total - (bh - 2) > 0 ? total - (bh - 2) : 0;
    int y = (H - bh) / 2, x = (W - bw) / 2;
    char title[200];
    if (a->overlay == OV_LESSON)
        snprintf(title, sizeof title, "Lesson %d. %s", a->o.lesson->number, a->o.lesson->title);
    else
        snprintf(title, sizeof title, "%s", a->overlay_title ? a->overlay_title : "");
    box_at(y, x, bh, bw, title);
    if (flowed) {
        draw_wrapped(y + 1, x + 2, bh - 2, inner, text, a->overlay_top, 0);
        free(flowed);
    } else {
    /* hard-wrapped, as the REPL printed it */
    const char *p = text;
    int line = 0;
    while (*p && line < a->overlay_top + bh - 2) {
        const char *e = strchr(p, '\n');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        size_t off = 0;
        do {
            int used;
            size_t k = term_fit(p + off, len - off, inner, &used);
            if (!k) k = len - off;
            if (line >= a->overlay_top && line < a->overlay_top + bh - 2) term_put(y + 1 + line - a->overlay_top, x + 2, inner, p + off, k, 0);
            line++;
            off += k;
        } while (off < len);
        p = e ? e + 1 : p + len;
    }
    }
    if (total > bh - 2) {
        char more[64];
        snprintf(more, sizeof more, " %d-%d of %d lines, Up/Down ", a->overlay_top + 1, a->overlay_top + bh - 2, total);
        term_puts_at(y + bh - 1, x + bw - 2 - (int)strlen(more), (int)strlen(more), more, term_attr(G_DIM));
    }
}

void draw_all(App *a)
{
    erase();
    if (a->L.too_small) {
        /* three short lines, centred: they fit a very small terminal */
        char size[96];
        snprintf(size, sizeof size, "%dx%d: the UI needs %dx%d", COLS, LINES, TUI_MIN_W, TUI_MIN_H);
        const char *lines[] = {"terminal too small", size, "enlarge it, or q quits"};
        /* on a 10x5 terminal the long lines would be cut to nonsense */
        if (COLS < (int)strlen(lines[2])) lines[0] = "too small", lines[1] = "", lines[2] = "q quits";
        for (int i = 0; i < 3; i++) {
            int len = (int)strlen(lines[i]);
            int x = (COLS - len) / 2 > 0 ? (COLS - len) / 2 : 0;
            term_puts_at(LINES / 2 - 1 + i >= 0 ? LINES / 2 - 1 + i : 0, x, COLS, lines[i], i == 0 ? A_BOLD : 0);
        }
        refresh();
        return;
    }
    draw_timeline(a);
    draw_source(a);
    draw_events(a);
    draw_output(a);
    draw_question(a);
    /* the column between the source and the panes on its right */
    Rect s = a->L.pane[PANE_SOURCE];
    if (s.h)
        for (int i = 0; i < s.h; i++) term_puts_at(s.y + i, s.x + s.w, 1, term_chrome()->vline, term_attr(G_DIM));
    if (a->overlay) draw_overlay(a);
    draw_status(a);
    if (!a->cmdline) curs_set(0);
    wnoutrefresh(stdscr);
    doupdate();
}
