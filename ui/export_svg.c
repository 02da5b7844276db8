/* export_svg.c - the run's timeline as an SVG image, for slides and print.
 *
 * The rows are the text timeline's (sim/stats.h stats_timeline_build): a row per
 * core, per process's GIL (with the GIL on), per thread, and under a
 * thread running an event loop, a row of which task the loop runs and a
 * row per asyncio task.  A task row draws each of its state segments
 * exactly, with a <title> tooltip (the state, its times and the reason);
 * core, GIL and event-loop rows draw who they serve, with the task's
 * number in the bar when it fits.
 *
 * Each state has an Okabe-Ito colour (distinct for colour-blind viewers)
 * and its own hatch or dot pattern, so the image also reads printed in
 * grey.  Segments narrower than a pixel are pooled into one-pixel bars
 * showing the state that took most of that pixel, so the file grows with
 * the image's width, not with the trace.
 *
 * Coordinates are computed in double and written with two decimals:
 * equal runs give byte-identical files. */
#include "export_util.h"
#include "axis.h"
#include "../sim/narrate.h"

#include <stdlib.h>
#include <string.h>

/* Okabe-Ito colours and a texture per state, indexed by ST_*: the UI's
 * colours (ui/tui_term.c), and a texture so a grey print tells apart what
 * only the hue does on screen (sleeping and io share sky blue there). */
enum { TEX_NONE, TEX_DOTS, TEX_SPARSE, TEX_DIAG, TEX_BACKDIAG, TEX_CROSS, TEX_HORIZ, TEX_VERT };
static const int texture[TS_COUNT] = {
    [TS_NEW] = TEX_SPARSE, [TS_READY] = TEX_DOTS, [TS_RUNNING] = TEX_NONE, [TS_GILWAIT] = TEX_DIAG,
    [TS_BLOCKED] = TEX_CROSS, [TS_SLEEPING] = TEX_HORIZ, [TS_IO] = TEX_VERT, [TS_DONE] = TEX_NONE,
    [TS_AWAITING] = TEX_BACKDIAG,
};
/* the legend: trace_legend's order, without the finished state */
#define NLEGEND (TS_COUNT - 1)
/* rows of who runs (cores, GILs, event loops): a colour per task, as in
 * the UI, none of them a state's (a GIL held is not "starting"); dark
 * enough for the white task number on them */
#define WHO_LEGEND "a task on a cpu, GIL or loop (a colour each)"
static const char *const task_fill[] = {"#0072B2", "#8C564B", "#117733", "#882255", "#332288", "#44AA99"};
#define FONT "DejaVu Sans, Helvetica, Arial, sans-serif"

enum { ROW_H = 18, ROW_PITCH = 22, GROUP_GAP = 8 };
#define CHAR_W 6.6 /* the average width of a 12px character, for fitting text */

typedef struct Iv {
    int64_t s, e;
    int v;                    /* a state (task rows) or a task (core, GIL, loop rows) */
    int seg;                  /* the segment it comes from, -1 */
} Iv;
typedef BUF(Iv) IvList;

/* Segments too narrow to draw, pooled in one pixel column. */
typedef struct Bin {
    bool on;
    long col;
    int64_t s, e;
    int n;
    int vals[8];
    int64_t amt[8];
} Bin;

typedef struct Svg {
    FILE *f;
    Sim *S;
    const Trace *t;
    int64_t from, to;
    int W;
    double x0, pw;            /* the plot's left edge and width */
    IvList *task, *core, *gil, *loop;
} Svg;

static double X(const Svg *G, int64_t t) { return G->x0 + (double)(t - G->from) * G->pw / (double)(G->to - G->from); }

static void text(FILE *f, const char *s) { ex_xml_str(f, s, strlen(s)); }

/* ---- intervals per row, clipped to the window ---- */

static int iv_cmp(const void *a, const void *b)
{
    const Iv *x = a, *y = b;
    if (x->s != y->s) return x->s < y->s ? -1 : 1;
    return (x->seg > y->seg) - (x->seg < y->seg);
}

static void push(Svg *G, IvList *l, int64_t s, int64_t e, int v, int seg)
{
    if (s < G->from) s = G->from;
    if (e > G->to) e = G->to;
    if (e <= s) return;
    Iv iv = {s, e, v, seg};
    BUF_PUSH(*l, iv);
}

static void collect(Svg *G)
{
    const Trace *t = G->t;
    size_t nt = t->tasks.n;
    G->task = xcalloc(nt + 1, sizeof *G->task);
    G->loop = xcalloc(nt + 1, sizeof *G->loop);
    G->core = xcalloc((size_t)t->ncores + 1, sizeof *G->core);
    G->gil = xcalloc(t->procs.n + 1, sizeof *G->gil);
    int64_t *end = ex_seg_ends(t);
    for (size_t i = 0; i < t->segs.n; i++) {
        const TraceSeg g = trace_seg(t, i);
        if (g.state == TS_DONE) continue;
        int k = (int)g.task;
        int parent = t->tasks.v[k].parent;
        push(G, &G->task[k], g.t, end[i], g.state, (int)i);
        if (g.state != TS_RUNNING) continue;
        if (parent < 0 && g.core != TRACE_NO_CORE && (int)g.core < t->ncores)
            push(G, &G->core[g.core], g.t, end[i], k, (int)i);
        else if (parent >= 0 && (size_t)parent < nt)
            push(G, &G->loop[parent], g.t, end[i], k, (int)i);
    }
    free(end);
    for (int c = 0; c < t->ncores; c++)
        if (G->core[c].n > 1) qsort(G->core[c].v, G->core[c].n, sizeof(Iv), iv_cmp);
    for (size_t k = 0; k < nt; k++)
        if (G->loop[k].n > 1) qsort(G->loop[k].v, G->loop[k].n, sizeof(Iv), iv_cmp);
    /* GIL holders from the take and drop events */
    int *holder = xmalloc((t->procs.n + 1) * sizeof(int));
    int64_t *since = xcalloc(t->procs.n + 1, sizeof(int64_t));
    for (size_t p = 0; p < t->procs.n; p++) holder[p] = -1;
    for (size_t i = 0; i < t->evs.n; i++) {
        const TraceEvent e = trace_ev(t, i);
        if ((e.kind != EV_GIL_TAKE && e.kind != EV_GIL_DROP) || e.proc >= t->procs.n) continue;
        if (holder[e.proc] >= 0) push(G, &G->gil[e.proc], since[e.proc], e.t, holder[e.proc], -1);
        holder[e.proc] = e.kind == EV_GIL_TAKE ? e.task : -1;
        since[e.proc] = e.t;
    }
    for (size_t p = 0; p < t->procs.n; p++)
        if (holder[p] >= 0) push(G, &G->gil[p], since[p], t->end, holder[p], -1);
    free(holder);
    free(since);
}

static void release(Svg *G)
{
    for (size_t k = 0; k < G->t->tasks.n; k++) {
        BUF_FREE(G->task[k]);
        BUF_FREE(G->loop[k]);
    }
    for (int c = 0; c < G->t->ncores; c++) BUF_FREE(G->core[c]);
    for (size_t p = 0; p < G->t->procs.n; p++) BUF_FREE(G->gil[p]);
    free(G->task);
    free(G->loop);
    free(G->core);
    free(G->gil);
}

/* ---- pieces of text ---- */

static void dur(char *b, size_t n, int64_t ns) { fmt_duration(b, n, ns); }

/* "A – B (D)" */
static void span_text(SBuf *b, int64_t s, int64_t e)
{
    char x[32], y[32], d[32];
    dur(x, sizeof x, s);
    dur(y, sizeof y, e);
    dur(d, sizeof d, e - s);
    sb_printf(b, "%s \xE2\x80\x93 %s (%s)", x, y, d);
}

/* narrate()'s sentence for a segment without the task's name in front. */
static void seg_reason(Svg *G, int seg, SBuf *out)
{
    const Trace *t = G->t;
    Record r = {trace_seg(t, seg).t, seg, -1};
    SBuf b = {0};
    narrate(G->S, &r, &b);
    char name[96];
    stats_task_name(G->t, (int)trace_seg(t, seg).task, name, sizeof name);
    size_t n = strlen(name);
    const char *s = b.s ? b.s : "";
    if (strncmp(s, name, n) == 0 && s[n] == ' ') s += n + 1;
    sb_puts(out, s);
    sb_free(&b);
}

/* ---- drawing ---- */

typedef struct RowCtx {
    int kind;                 /* ROW_* */
    int index;                /* core, process or task */
    double y;
} RowCtx;

static void fill_of(const RowCtx *rc, int v, char *buf, size_t n)
{
    if (rc->kind == ROW_TASK) snprintf(buf, n, "url(#st-%s)", trace_states[v].legend);
    else snprintf(buf, n, "%s", task_fill[(v >= 0 ? v : 0) % (int)ARRAY_LEN(task_fill)]);
}

/* The tooltip of one interval. */
static void tip(Svg *G, const RowCtx *rc, const Iv *iv, SBuf *b)
{
    char who[96], name[96];
    if (rc->kind == ROW_TASK) {
        stats_task_name(G->t, rc->index, name, sizeof name);
        sb_printf(b, "%s: %s, ", name, trace_states[iv->v].legend);
        span_text(b, iv->s, iv->e);
        if (iv->seg >= 0) {
            sb_puts(b, "\n");
            seg_reason(G, iv->seg, b);
        }
        return;
    }
    stats_task_name(G->t, iv->v, who, sizeof who);
    if (rc->kind == ROW_CORE) sb_printf(b, "cpu%d runs %s, ", rc->index, who);
    else if (rc->kind == ROW_GIL) sb_printf(b, "the GIL of %s is held by %s, ", G->t->procs.v[rc->index].name, who);
    else {
        sb_printf(b, "the event loop of %s runs %s", G->t->tasks.v[rc->index].name, who);
        const char *order = iv->seg >= 0 ? narrate_batch_order(trace_seg(G->t, (size_t)iv->seg).reason) : NULL;
        if (order) sb_printf(b, " (trio's batch, %s)", order);
        sb_puts(b, ", ");
    }
    span_text(b, iv->s, iv->e);
}

static void rect(Svg *G, const RowCtx *rc, double x, double w, const char *fill, const char *tipstr, int label)
{
    FILE *f = G->f;
    fprintf(f, "<rect class=\"seg\" x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%d\" fill=\"%s\"><title>", x, rc->y, w,
            ROW_H, fill);
    text(f, tipstr);
    fputs("</title></rect>\n", f);
    if (label >= 0 && w >= 10)
        fprintf(f, "<text class=\"lbl\" x=\"%.2f\" y=\"%.2f\">%c</text>\n", x + w / 2, rc->y + 13, stats_label(G->t, label));
}

static void bin_flush(Svg *G, const RowCtx *rc, Bin *b)
{
    if (!b->on) return;
    b->on = false;
    int best = 0;
    for (int m = 1; m < b->n; m++)
        if (b->amt[m] > b->amt[best]) best = m;
    char fill[64], name[96];
    fill_of(rc, b->vals[best], fill, sizeof fill);
    SBuf s = {0};
    if (rc->kind == ROW_TASK) {
        stats_task_name(G->t, rc->index, name, sizeof name);
        sb_printf(&s, "%s: many changes, mostly %s, ", name, trace_states[b->vals[best]].legend);
    } else {
        stats_task_name(G->t, b->vals[best], name, sizeof name);
        sb_printf(&s, "%s%d: many changes, mostly %s, ", rc->kind == ROW_CORE ? "cpu" : rc->kind == ROW_GIL ? "GIL " : "loop ",
                  rc->index, name);
    }
    span_text(&s, b->s, b->e);
    double x = (double)b->col, right = G->x0 + G->pw;
    if (x < G->x0) x = G->x0;
    double w = x + 1 > right ? right - x : 1;
    rect(G, rc, x, w, fill, s.s, -1);
    sb_free(&s);
}

static void bin_add(Bin *b, const Iv *iv)
{
    if (!b->n) b->s = iv->s;
    b->e = iv->e;
    int m;
    for (m = 0; m < b->n && b->vals[m] != iv->v; m++) {}
    if (m == b->n) {
        if (b->n == 8) return;
        b->vals[b->n] = iv->v;
        b->amt[b->n++] = 0;
    }
    b->amt[m] += iv->e - iv->s;
}

/* A row's intervals: exact rectangles, pooled below a pixel. */
static void draw_ivs(Svg *G, const RowCtx *rc, const IvList *l)
{
    Bin bin = {0};
    for (size_t i = 0; i < l->n; i++) {
        const Iv *iv = &l->v[i];
        double a = X(G, iv->s), z = X(G, iv->e);
        if (z - a >= 1.0) {
            bin_flush(G, rc, &bin);
            char fill[64];
            fill_of(rc, iv->v, fill, sizeof fill);
            SBuf s = {0};
            tip(G, rc, iv, &s);
            rect(G, rc, a, z - a, fill, s.s, rc->kind == ROW_TASK ? -1 : iv->v);
            sb_free(&s);
            continue;
        }
        long col = (long)a;
        if (bin.on && bin.col != col) bin_flush(G, rc, &bin);
        if (!bin.on) {
            memset(&bin, 0, sizeof bin);
            bin.on = true;
            bin.col = col;
        }
        bin_add(&bin, iv);
    }
    bin_flush(G, rc, &bin);
}

static void pattern(FILE *f, int st)
{
    const char *c = trace_states[st].hex;
    fprintf(f, "<pattern id=\"st-%s\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\">"
               "<rect width=\"6\" height=\"6\" fill=\"%s\"/>", trace_states[st].legend, c);
    /* dark lines, but light ones on the darkest colour (blue) */
    const char *ink = st == TS_AWAITING ? "stroke=\"#fff\" stroke-opacity=\"0.6\" stroke-width=\"1.2\""
                                           : "stroke=\"#000\" stroke-opacity=\"0.45\" stroke-width=\"1.2\"";
    switch (texture[st]) {
    case TEX_DOTS: fputs("<circle cx=\"1.5\" cy=\"1.5\" r=\"1\" fill=\"#000\" fill-opacity=\"0.45\"/>"
                         "<circle cx=\"4.5\" cy=\"4.5\" r=\"1\" fill=\"#000\" fill-opacity=\"0.45\"/>", f); break;
    case TEX_SPARSE: fputs("<circle cx=\"3\" cy=\"3\" r=\"0.8\" fill=\"#000\" fill-opacity=\"0.5\"/>", f); break;
    case TEX_DIAG: fprintf(f, "<path d=\"M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2\" %s/>", ink); break;
    case TEX_BACKDIAG: fprintf(f, "<path d=\"M-1,5 l2,2 M0,0 l6,6 M5,-1 l2,2\" %s/>", ink); break;
    case TEX_CROSS: fprintf(f, "<path d=\"M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2 M-1,5 l2,2 M0,0 l6,6 M5,-1 l2,2\" %s/>", ink); break;
    case TEX_HORIZ: fprintf(f, "<path d=\"M0,3 h6\" %s/>", ink); break;
    case TEX_VERT: fprintf(f, "<path d=\"M3,0 v6\" %s/>", ink); break;
    default: break;
    }
    fputs("</pattern>\n", f);
}

/* ---- the axis ---- */

static void axis(Svg *G, double top, double bottom)
{
    FILE *f = G->f;
    /* at most one label per ~90 px */
    Axis ax;
    axis_init(&ax, G->from, G->to, (int64_t)((double)(G->to - G->from) * 90.0 / G->pw));
    fprintf(f, "<g class=\"axis\">\n<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"#000\"/>\n", G->x0, top,
            G->x0 + G->pw, top);
    for (int64_t t = axis_first(&ax); t <= G->to; t += ax.step) {
        double x = X(G, t);
        char lab[48];
        axis_label(&ax, t, lab, sizeof lab);
        fprintf(f, "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"#000\"/>", x, top - 4, x, top);
        fprintf(f, "<line class=\"grid\" x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"#ccc\" stroke-width=\"0.6\"/>", x,
                top, x, bottom);
        fprintf(f, "<text x=\"%.2f\" y=\"%.2f\" text-anchor=\"middle\">%s</text>\n", x, top - 7, lab);
        if (t > G->to - ax.step) break; /* no overflow near INT64_MAX */
    }
    fputs("</g>\n", f);
}

/* ---- the whole image ---- */

/* Rows are grouped (a gap between groups): the cores, the GILs, then each
 * process's threads and tasks. */
static int group_of(const Trace *t, const TlRow *row)
{
    if (row->kind == ROW_CORE) return -2;
    if (row->kind == ROW_GIL) return -1;
    return row->index >= 0 && (size_t)row->index < t->tasks.n ? t->tasks.v[row->index].proc : 0;
}

/* The settings line: the ones a lesson changes, and any given explicitly. */
static void settings_line(Svg *G, SBuf *b, const ExportOpts *o)
{
    const Settings *set = sim_settings(G->S);
    if (o && o->source) sb_printf(b, "%s", o->source);
    for (int i = 0; i < SET_COUNT; i++) {
        if (settings_info[i].type == ST_STRING) continue; /* the title, a challenge's texts */
        bool key = i == SET_cores || i == SET_gil || i == SET_switch_interval || i == SET_seed;
        if (!key && !set->given[i]) continue;
        char v[128];
        settings_format(set, i, v, sizeof v);
        sb_printf(b, "%s%s: %s", b->n ? "  \xC2\xB7  " : "", settings_info[i].key, v);
    }
}

/* Text lines of at most `max` characters, cut at the separators. */
static int wrap_lines(const char *s, int max, char lines[][512], int nmax)
{
    int n = 0;
    const char *sep = "  \xC2\xB7  ";
    while (*s && n < nmax) {
        size_t len = strlen(s);
        size_t cut = len;
        if ((int)len > max) {
            cut = 0;
            for (const char *p = strstr(s, sep); p && (int)(p - s) <= max; p = strstr(p + 1, sep)) cut = (size_t)(p - s);
            if (!cut) cut = (size_t)max;
        }
        if (cut > 511) cut = 511;
        memcpy(lines[n], s, cut);
        lines[n++][cut] = 0;
        s += cut;
        if (strncmp(s, sep, strlen(sep)) == 0) s += strlen(sep);
    }
    return n;
}

bool export_svg(FILE *f, Sim *S, const ExportOpts *o)
{
    Svg G = {.f = f, .S = S, .t = sim_trace(S)};
    const Trace *t = G.t;
    if (!ex_window(t, o, &G.from, &G.to)) {
        G.from = 0;
        G.to = 1;
    }
    G.W = o && o->width ? o->width : 1200;
    if (G.W < 400) G.W = 400;
    bool gil = sim_gil_on(S);
    Timeline *tl = stats_timeline_build(t, G.from, G.to, 1, gil);
    /* the label column fits the longest label, within a third of the image */
    size_t longest = 6;
    for (int r = 0; r < tl->nrows; r++)
        if (strlen(tl->rows[r].label) > longest) longest = strlen(tl->rows[r].label);
    double lw = (double)longest * CHAR_W + 16;
    if (lw > G.W / 3.0) lw = G.W / 3.0;
    G.x0 = 10 + lw;
    G.pw = G.W - G.x0 - 24;
    collect(&G);

    const Settings *set = sim_settings(S);
    const char *title = set->title && *set->title ? set->title : (o && o->source ? o->source : "interleave");
    SBuf sl = {0};
    settings_line(&G, &sl, o);
    char lines[6][512];
    int nl = wrap_lines(sl.s ? sl.s : "", (int)((G.W - 20) / CHAR_W), lines, 6);
    char a[32], z[32], e[32];
    dur(a, sizeof a, G.from);
    dur(z, sizeof z, G.to);
    dur(e, sizeof e, t->end);
    char window[128];
    if (G.from == 0 && G.to == t->end) snprintf(window, sizeof window, "the whole run: %s of virtual time", e);
    else snprintf(window, sizeof window, "%s \xE2\x80\x93 %s of a run of %s (virtual time)", a, z, e);

    /* vertical layout */
    double y = 30;
    double head = y + 8 + 16.0 * (nl + 1);
    double axis_y = head + 24;
    double rows_top = axis_y + 8;
    double ry = rows_top;
    double *row_y = xmalloc(((size_t)tl->nrows + 1) * sizeof *row_y);
    for (int r = 0; r < tl->nrows; r++) {
        const TlRow *row = &tl->rows[r];
        if (r > 0 && group_of(t, row) != group_of(t, &tl->rows[r - 1])) ry += GROUP_GAP;
        row_y[r] = ry;
        ry += ROW_PITCH;
    }
    double rows_bottom = ry;
    /* the legend: swatches in lines */
    double leg_top = rows_bottom + 18, lx = 10, ly = leg_top;
    int nleg = NLEGEND + 1;
    double *leg_x = xmalloc((size_t)nleg * sizeof *leg_x), *leg_y = xmalloc((size_t)nleg * sizeof *leg_y);
    for (int i = 0; i < nleg; i++) {
        const char *name = i < nleg - 1 ? trace_states[trace_legend[i]].legend : WHO_LEGEND;
        double w = 22 + (double)strlen(name) * CHAR_W + 18;
        if (lx + w > G.W - 10 && lx > 10) {
            lx = 10;
            ly += 22;
        }
        leg_x[i] = lx;
        leg_y[i] = ly;
        lx += w;
    }
    double H = ly + 22 + 24;

    fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
               "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%.0f\" viewBox=\"0 0 %d %.0f\" "
               "font-family=\"%s\" font-size=\"12\">\n<title>",
            G.W, H, G.W, H, FONT);
    text(f, title);
    fputs("</title>\n<desc>", f);
    text(f, "interleave timeline: ");
    text(f, sl.s ? sl.s : "");
    text(f, "; ");
    text(f, window);
    fputs("</desc>\n<defs>\n", f);
    for (int i = 0; i < NLEGEND; i++) pattern(f, trace_legend[i]);
    fputs("</defs>\n<style>.lbl{font-size:10px;text-anchor:middle;fill:#fff}</style>\n", f);
    fprintf(f, "<rect class=\"bg\" width=\"%d\" height=\"%.0f\" fill=\"#fff\"/>\n", G.W, H);
    fprintf(f, "<text class=\"title\" x=\"10\" y=\"%.0f\" font-size=\"18\" font-weight=\"bold\">", y);
    text(f, title);
    fputs("</text>\n", f);
    for (int i = 0; i < nl; i++) {
        fprintf(f, "<text class=\"settings\" x=\"10\" y=\"%.0f\" fill=\"#333\">", y + 20 + 16.0 * i);
        text(f, lines[i]);
        fputs("</text>\n", f);
    }
    fprintf(f, "<text class=\"window\" x=\"10\" y=\"%.0f\" fill=\"#333\">", y + 20 + 16.0 * nl);
    text(f, window);
    fputs("</text>\n", f);
    axis(&G, axis_y, rows_bottom);

    for (int r = 0; r < tl->nrows; r++) {
        const TlRow *row = &tl->rows[r];
        RowCtx rc = {row->kind, row->index, row_y[r]};
        static const char *const kinds[] = {"core", "gil", "task", "loop", "note"};
        fprintf(f, "<g class=\"row %s\"", kinds[row->kind]);
        if (row->kind == ROW_TASK) fprintf(f, " data-task=\"%d\"", row->index);
        else if (row->kind == ROW_CORE) fprintf(f, " data-core=\"%d\"", row->index);
        else if (row->kind == ROW_GIL) fprintf(f, " data-process=\"%d\"", row->index);
        fputs(">\n", f);
        /* the label, cut to the column */
        char lab[128];
        snprintf(lab, sizeof lab, "%s", row->label);
        size_t fit = (size_t)((lw - 8) / CHAR_W);
        if (strlen(lab) > fit && fit > 3) {
            size_t cut = fit - 1;
            while (cut > 0 && ((unsigned char)lab[cut] & 0xC0) == 0x80) cut--;
            snprintf(lab + cut, sizeof lab - cut, "\xE2\x80\xA6");
        }
        fprintf(f, "<text x=\"10\" y=\"%.2f\" xml:space=\"preserve\"%s>", rc.y + 13, row->kind == ROW_NOTE ? " fill=\"#555\"" : "");
        text(f, lab);
        fputs("</text>\n", f);
        switch (row->kind) {
        case ROW_TASK: draw_ivs(&G, &rc, &G.task[row->index]); break;
        case ROW_CORE: draw_ivs(&G, &rc, &G.core[row->index]); break;
        case ROW_GIL: draw_ivs(&G, &rc, &G.gil[row->index]); break;
        case ROW_LOOP: draw_ivs(&G, &rc, &G.loop[row->index]); break;
        default: break;
        }
        fputs("</g>\n", f);
    }

    fputs("<g class=\"legend\">\n", f);
    for (int i = 0; i < nleg; i++) {
        bool st = i < nleg - 1;
        const char *name = st ? trace_states[trace_legend[i]].legend : WHO_LEGEND;
        fprintf(f, "<rect x=\"%.2f\" y=\"%.2f\" width=\"16\" height=\"14\" stroke=\"#000\" stroke-width=\"0.5\" fill=\"", leg_x[i],
                leg_y[i]);
        if (st) fprintf(f, "url(#st-%s)", name);
        else fputs(task_fill[0], f);
        fprintf(f, "\"/><text x=\"%.2f\" y=\"%.2f\">", leg_x[i] + 22, leg_y[i] + 11);
        text(f, name);
        fputs("</text>\n", f);
    }
    fprintf(f, "<text x=\"10\" y=\"%.2f\" fill=\"#555\">cpu, GIL and event-loop rows show the number of the task they run; "
               "hover over a bar for its times and reason</text>\n</g>\n</svg>\n",
            ly + 36);
    free(leg_x);
    free(leg_y);
    free(row_y);
    sb_free(&sl);
    release(&G);
    stats_timeline_free(tl);
    return !ferror(f);
}
