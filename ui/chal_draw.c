/* chal_draw.c - drawing the challenge (chal_app.h): the level's title
 * and goal, the source with where each task is, the tasks (who may run
 * now), the variables and locks, the output, the steps so far, and the
 * choice to make. */
#include "chal_app.h"
#include "../sim/inspect.h"

#include <stdlib.h>
#include <string.h>

/* ---- text helpers ---- */

static void title_bar(int y, int x, int w, const char *text, bool focus)
{
    attr_t at = term_attr(focus ? G_TITLE_FOCUS : G_TITLE);
    term_fill(y, x, w, at);
    term_puts_at(y, x + 1, w - 1, text, at);
}

/* Wrap text (paragraphs split at '\n') into lines of at most w columns:
 * each call gives the next line's bytes from *p, advancing it. */
static size_t wrap_next(const char **p, int w)
{
    const char *s = *p;
    size_t n = strcspn(s, "\n");
    size_t cut = 0, cols = 0, i = 0;
    while (i < n && (int)cols < w) {
        if (s[i] == ' ') cut = i;
        unsigned char b = (unsigned char)s[i];
        i += b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
        cols++;
    }
    size_t len = i >= n ? n : cut ? cut : i;
    const char *next = s + len;
    while (*next == ' ') next++;
    if (*next == '\n' && len >= n) next++;
    *p = next;
    return len;
}

static int count_wrapped(const char *text, int w)
{
    int k = 0;
    for (const char *p = text; *p;) {
        const char *before = p;
        wrap_next(&p, w);
        k++;
        if (p == before) p++;
    }
    return k;
}

/* ---- panes ---- */

typedef struct Mark {
    int line, task, state;
} Mark;

static bool is_candidate(const Chal *c, int task)
{
    for (int i = 0; c->pending && i < c->ch.n; i++)
        if (c->ch.tasks[i] == task) return true;
    return false;
}

static void draw_source(Chal *c, int y, int x, int h, int w)
{
    const Level *L = &c->levels[c->cur];
    const char *base = strrchr(L->path, '/');
    title_bar(y, x, w, base ? base + 1 : L->path, false);
    if (!c->S) return;
    const char *src = sim_source(c->S);
    Mark marks[64];
    int nm = 0, focus_line = 0;
    int nt = sim_task_count(c->S);
    for (int k = 0; k < nt && nm < 64; k++) {
        TaskView v;
        if (!sim_task_view(c->S, k, &v) || !v.file || v.line <= 0 || v.state == TS_DONE || v.state == TS_NEW) continue;
        marks[nm++] = (Mark){v.line, k, v.state};
        if (c->pending && k == c->ch.def) focus_line = v.line;
    }
    int nlines = 1;
    for (const char *p = src; *p; p++) nlines += *p == '\n';
    int vis = h - 1;
    int lo = 0, hi = 0;
    for (int i = 0; i < nm; i++) {
        if (!lo || marks[i].line < lo) lo = marks[i].line;
        if (marks[i].line > hi) hi = marks[i].line;
    }
    int top;
    if (lo && hi - lo < vis - 2) top = lo - (vis - (hi - lo)) / 3;
    else top = focus_line ? focus_line - vis / 3 : lo ? lo - vis / 3 : 1;
    if (top > nlines - vis + 1) top = nlines - vis + 1;
    if (top < 1) top = 1;
    const char *p = src;
    for (int l = 1; l < top && *p; l++) {
        const char *e = strchr(p, '\n');
        p = e ? e + 1 : p + strlen(p);
    }
    for (int i = 0; i < vis && *p; i++) {
        int line = top + i, yy = y + 1 + i;
        const char *e = strchr(p, '\n');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        char num[16];
        snprintf(num, sizeof num, "%4d ", line);
        term_puts_at(yy, x, 5, num, term_attr(G_DIM));
        int m = 0;
        for (int k = 0; k < nm && m < 3; k++)
            if (marks[k].line == line) {
                char lab[2] = {(char)('0' + marks[k].task % 10), 0};
                attr_t at = term_attr(G_STATE + marks[k].state) | A_BOLD;
                if (is_candidate(c, marks[k].task)) at |= A_REVERSE;
                term_puts_at(yy, x + 5 + m++, 1, lab, at);
            }
        term_put(yy, x + 9, w - 9, p, len, line == focus_line ? term_attr(G_HILITE) : 0);
        p = e ? e + 1 : p + len;
    }
}

/* The tasks: who they are, where, what they do next, and whether they
 * may run now. */
static int draw_tasks(Chal *c, int y, int x, int h, int w)
{
    title_bar(y, x, w, "Tasks: * may run, > goes on if you press Enter", false);
    if (!c->S) return 1;
    int row = 1, nt = sim_task_count(c->S);
    for (int k = 0; k < nt && row < h; k++) {
        TaskView v;
        if (!sim_task_view(c->S, k, &v)) continue;
        bool cand = is_candidate(c, k);
        bool def = c->pending && c->ch.def == k;
        const char *mark = cand ? (def ? (term_ascii() ? ">" : "\u25B8") : "*") : " ";
        char b[300];
        snprintf(b, sizeof b, "%s%d %-16.16s ", mark, k, v.name);
        attr_t at = cand ? A_BOLD : term_attr(G_DIM);
        int used = term_puts_at(y + row, x, w, b, at);
        SBuf what = {0};
        sb_puts(&what, "");
        if (v.state == TS_DONE) {
            sb_puts(&what, "finished");
        } else if (cand) {
            if (v.file && v.line > 0) sb_printf(&what, "%d: ", v.line);
            size_t before = what.n;
            sim_task_next(c->S, k, &what);
            if (what.n == before) sb_puts(&what, v.file ? "runs" : "starts");
        } else {
            sb_printf(&what, "%s", trace_states[v.state].name);
            if (v.state != TS_RUNNING && v.state != TS_NEW)
                sb_printf(&what, ": %s", v.waits[0] ? v.waits : v.reason);
        }
        term_puts_at(y + row, x + used, w - used, what.s, cand ? 0 : term_attr(G_STATE + v.state));
        sb_free(&what);
        row++;
    }
    return row;
}

static int draw_text_lines(int y, int x, int h, int w, const char *text, attr_t at, bool last)
{
    /* the first (or last) h lines of text, each cut at w columns */
    int n = 0;
    for (const char *p = text; *p; p++) n += *p == '\n';
    if (*text && text[strlen(text) - 1] != '\n') n++;
    int skip = last && n > h ? n - h : 0, row = 0;
    const char *p = text;
    for (int i = 0; *p && row < h; i++) {
        const char *e = strchr(p, '\n');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        if (i >= skip) term_put(y + row++, x, w, p, len, at);
        p = e ? e + 1 : p + len;
    }
    return row;
}

static void draw_state(Chal *c, int y, int x, int h, int w)
{
    title_bar(y, x, w, "Variables", false);
    if (!c->S) return;
    SBuf b = {0};
    sb_puts(&b, "");
    sim_globals_brief(c->S, &b);
    SBuf locks = {0};
    sim_objects(c->S, 'l', &locks);
    if (locks.s && strncmp(locks.s, "no locks", 8) != 0) sb_puts(&b, locks.s);
    sb_free(&locks);
    SBuf qs = {0};
    sim_objects(c->S, 'q', &qs);
    if (qs.s && strncmp(qs.s, "no queues", 9) != 0) sb_puts(&b, qs.s);
    sb_free(&qs);
    draw_text_lines(y + 1, x, h - 1, w, b.s, 0, false);
    sb_free(&b);
}

static void draw_output(Chal *c, int y, int x, int h, int w)
{
    title_bar(y, x, w, "Output", false);
    if (!c->S) return;
    size_t on, en;
    const char *o = sim_stdout(c->S, &on);
    const char *e = sim_stderr(c->S, &en);
    SBuf b = {0};
    sb_put(&b, o, on);
    /* the last line of a traceback says what went wrong */
    int rows = h - 1;
    if (en) rows--;
    draw_text_lines(y + 1, x, rows, w, b.s ? b.s : "", 0, true);
    if (en) {
        const char *end = e + en;
        while (end > e && end[-1] == '\n') end--;
        const char *start = end;
        while (start > e && start[-1] != '\n') start--;
        term_put(y + h - 1, x, w, start, (size_t)(end - start), term_attr(G_STDERR));
    }
    sb_free(&b);
}

/* The steps so far, one task number each, the newest at the right. */
static void draw_steps(Chal *c, int y, int w)
{
    const char *label = "Steps ";
    term_puts_at(y, 0, w, label, term_attr(G_DIM));
    int x0 = (int)strlen(label), room = (w - x0) / 2;
    int from = c->nsteps > room ? c->nsteps - room : 0;
    for (int i = from; i < c->nsteps; i++) {
        char b[4];
        snprintf(b, sizeof b, "%d", c->steps[i] % 10);
        bool switched = i > 0 && c->steps[i] != c->steps[i - 1];
        term_puts_at(y, x0 + (i - from) * 2, 2, b, switched ? A_BOLD : term_attr(G_DIM));
    }
}

static void draw_prompt(Chal *c, int y, int w)
{
    term_fill(y, 0, w, 0);
    char b[1700];
    if (c->msg[0]) {
        snprintf(b, sizeof b, "%s", c->msg);
    } else if (c->won) {
        snprintf(b, sizeof b, "Goal reached!  Enter: the explanation again  n: next level  u: undo  r: again");
    } else if (c->pending) {
        size_t off = (size_t)snprintf(b, sizeof b, "Choice %d: who runs next?", c->ch.index);
        for (int i = 0; i < c->ch.n && off < sizeof b; i++) {
            TaskView v;
            int k = c->ch.tasks[i];
            const char *name = sim_task_view(c->S, k, &v) ? v.name : "?";
            off += (size_t)snprintf(b + off, sizeof b - off, "  %d %s%s", k, name,
                                    k == c->ch.def ? (k == c->ch.cur ? " (goes on: Enter)" : " (Enter)") : "");
        }
    } else if (c->ended) {
        snprintf(b, sizeof b, "The run ended without reaching the goal: u undo, r again");
    } else {
        snprintf(b, sizeof b, "...");
    }
    term_puts_at(y, 0, w, b, A_BOLD);
}

static void draw_overlay(Chal *c)
{
    int w = COLS - 8 < 76 ? COLS - 8 : 76, x = (COLS - w) / 2;
    if (w < 20) return;
    int inner = w - 4;
    int lines = count_wrapped(c->ov_text, inner);
    int h = lines + 3;
    if (h > LINES - 2) h = LINES - 2;
    int y = (LINES - h) / 2;
    if (c->ov_top > lines - (h - 3)) c->ov_top = lines - (h - 3) > 0 ? lines - (h - 3) : 0;
    for (int r = 0; r < h; r++) term_fill(y + r, x, w, 0);
    title_bar(y, x, w, c->ov_title, true);
    const char *p = c->ov_text;
    int row = 0;
    for (int i = 0; *p && row < h - 2; i++) {
        const char *s = p;
        size_t len = wrap_next(&p, inner);
        if (p == s) p++;
        if (i >= c->ov_top) term_put(y + 1 + row++, x + 2, inner, s, len, 0);
    }
    const char *foot = lines > h - 3 ? "Up/Down scroll; any key closes" : "any key closes";
    term_puts_at(y + h - 1, x + w - 2 - (int)strlen(foot), (int)strlen(foot), foot, term_attr(G_DIM));
}

void chal_draw(Chal *c)
{
    erase();
    int W = COLS, H = LINES;
    if (W < 60 || H < 16) {
        term_puts_at(0, 0, W, "The terminal is too small for the challenge (60x16 at least): q quits", 0);
        wnoutrefresh(stdscr);
        doupdate();
        return;
    }
    const Level *L = &c->levels[c->cur];
    char head[400];
    snprintf(head, sizeof head, "Challenge %d of %d: %s%s", c->cur + 1, c->nlevels, L->title,
             c->won_before ? "  (won)" : "");
    title_bar(0, 0, W, head, true);
    /* the goal on a line of its own: it is what the level is about */
    char goal[400];
    snprintf(goal, sizeof goal, "Goal: %s", c->goal ? c->goal : "");
    for (char *q = goal; *q; q++)
        if (*q == '\n') *q = ' ';
    term_puts_at(1, 1, W - 1, goal, A_BOLD);
    int body = 2, bottom = H - 3; /* rows [body, bottom) */
    int left = W * 48 / 100;
    draw_source(c, body, 0, bottom - body, left - 1);
    int rx = left, rw = W - left;
    int nt = c->S ? sim_task_count(c->S) : 0;
    int th = nt + 1 < (bottom - body) / 2 ? nt + 1 : (bottom - body) / 2;
    draw_tasks(c, body, rx, th, rw);
    int rest = bottom - body - th;
    int vh = rest / 2;
    draw_state(c, body + th, rx, vh, rw);
    draw_output(c, body + th + vh, rx, rest - vh, rw);
    draw_steps(c, H - 3, W);
    draw_prompt(c, H - 2, W);
    term_puts_at(H - 1, 0, W, "0-9 pick  Enter go on  c run on  u undo  r restart  h hint  i info  n/p level  q quit",
            term_attr(G_DIM));
    if (c->overlay) draw_overlay(c);
    wnoutrefresh(stdscr);
    doupdate();
}
