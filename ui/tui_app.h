/* tui_app.h - the UI's state, shared by its loop (tui.c) and its drawing
 * (tui_draw.c).  Private to the UI.
 *
 * Two runs of the scenario: the session's (paused at the playhead: the
 * source lines, `e`, the `:` commands look at it) and a reference run that
 * is always at or ahead of the playhead, which the timeline, the events and
 * the output are drawn from.  Runs are deterministic, so the reference's
 * trace up to the playhead is exactly the session's: stepping back only
 * moves the playhead over the reference, and the session catches up when
 * the keys stop coming.  At the end of a finished run the session borrows
 * the reference's Sim (session_borrow) instead of simulating the whole run
 * a second time: two whole runs of 100k asyncio tasks are twice the memory
 * of `interleave run`.  Anywhere else before the end, the two runs are
 * separate, so near the end of a big run both are nearly whole. */
#ifndef IL_TUI_APP_H
#define IL_TUI_APP_H

#include "tl_index.h"
#include "tui.h"
#include "tui_layout.h"
#include "tui_term.h"

enum { OV_NONE, OV_HELP, OV_TEXT, OV_LESSON };

typedef struct App {
    Session *ss;
    void *cmds;              /* runs the `:` commands (o.cmds) */
    bool own_cmds;           /* opened by the UI, closed with it */
    TuiOptions o;
    char *fingerprint;       /* path and settings the reference was made with */

    Sim *ref;                /* the reference run */
    TlIndex *idx;            /* its timeline summary */
    int64_t err_printed;     /* stderr bytes written by prints (the rest: tracebacks,
                                the deadlock report), -1: not known yet */

    int64_t pos;             /* the playhead: records of the trace that have happened */
    int64_t now;             /* and its virtual time */
    bool by_time;            /* the playhead was put at a time (else at a record) */
    int64_t synced, synced_now; /* the playhead the session was last brought to (-1: none) */

    /* the timeline's window */
    bool fit;                /* the whole run */
    bool follow;             /* keep the playhead in view */
    int64_t vfrom, vspan;
    int cursor, row_top;     /* the selected row, the first one shown */
    int keep_kind, keep_index; /* the row the cursor is to find again (kind -1: none) */

    int focus;               /* PANE_* */
    int src_top;             /* first source line shown (1-based), 0: follow the cursor's task */
    int ev_back, out_back;   /* lines scrolled back in the events and output panes */

    bool playing;
    int64_t rate;            /* virtual ns played per wall second */
    bool speed_set;          /* the rate is the run's default or a key's (else not chosen yet) */
    double last_frame;       /* wall time of the last frame (pacing only) */

    int overlay;             /* OV_* */
    char *overlay_title, *overlay_text;
    int overlay_top;

    bool cmdline;            /* typing a `:` command */
    char cmd[256];
    int cmdlen;

    char msg[1600];          /* a note in the status line until the next key */
    Layout L;
    int layout_rows;         /* the timeline rows L was made for */
    int lesson_scn;          /* which of the lesson's scenarios is open */

    /* the lesson's predict questions (tui.c, "predict mode") */
    LessonQuestion *qs;      /* o.lesson's, in order */
    int nqs;
    int *q_result;           /* LP_* of each in this UI (LP_NONE: not answered yet) */
    char (*q_given)[32];     /* the answer given */
    int q_cur;               /* the question on screen (the open scenario's), -1: none */
    bool asking;             /* predict mode: the answer first, then the run */
    char q_in[32];           /* a number being typed */
    int q_inlen;
    int q_top;               /* lines the question pane is scrolled by */
    int q_lines;             /* the lines its text took at the last layout */
    SimStatus ref_status;    /* how the reference run ended (SIM_PAUSED: not yet) */
    bool quit;
} App;

/* The rates [ and ] step through: virtual ns of playback per wall second. */
extern const int64_t tui_speeds[];
extern const int tui_nspeeds;

/* The reference run's end so far (its end once finished). */
int64_t app_span(const App *a);
/* The time of record i (0-based) of the reference trace. */
int64_t app_record_time(const App *a, int64_t i);
/* How many of the first n records are events (the rest are state changes). */
size_t app_events_before(const Trace *t, int64_t n);
/* Are the session's scenario and settings the reference's? */
bool app_same_run(const App *a);
/* The task the cursor row stands for, or -1. */
int app_cursor_task(const App *a);
/* The number of timeline rows. */
int app_rows(const App *a);

/* The question pane's text (a new string; NULL without a question):
 * what is asked, its choices and the prompt, or after the answer the
 * verdict and why. */
char *app_question_text(const App *a);
/* The lines text takes word-wrapped to w columns (draw_wrapped's rule). */
int app_wrapped_lines(const char *text, int w);
/* Markdown paragraphs joined into one line each, so that they wrap to
 * the box they are drawn in (list items, indented and fenced lines
 * keep their own lines), and predict blocks as their questions
 * (lesson_predict_prose).  A new string. */
char *app_reflow(const char *md);

/* Draw everything (one doupdate). */
void draw_all(App *a);

#endif
