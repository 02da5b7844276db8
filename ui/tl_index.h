/* tl_index.h - the timeline pane's summary of a trace that keeps growing.
 *
 * stats_timeline_build() (sim/stats.h) walks the whole trace for every picture;
 * fine for one text timeline, too slow for 30 frames a second over a
 * million segments.  This index takes in each new record once and keeps,
 * per row, the times the row's value changed plus running totals of time
 * per state every TLX_CHECK changes, so the cells of a window cost
 * O(width * log n) whatever the trace's size.  Rows, their order, labels
 * and cell values are the same as stats_timeline_build()'s. */
#ifndef IL_TL_INDEX_H
#define IL_TL_INDEX_H

#include "../sim/sim.h"

/* A cell after the playhead: not happened yet. */
#define TLX_FUTURE (-2)

typedef struct TlxRowInfo {
    int kind;                /* ROW_* of sim/stats.h */
    int index;               /* core, process, or task index */
    char label[64];
} TlxRowInfo;

typedef struct TlIndex TlIndex;

TlIndex *tlx_new(void);
void tlx_free(TlIndex *x);
/* Take in the records t gained since the last call (t must be the same
 * trace, only longer).  gil: show a GIL row per process. */
void tlx_update(TlIndex *x, const Trace *t, bool gil);
/* Forget everything (a new trace). */
void tlx_reset(TlIndex *x);

int tlx_rows(const TlIndex *x);
const TlxRowInfo *tlx_row(const TlIndex *x, int row);

/* The cells of row for the window [from, to) in width buckets, as far as
 * time upto: buckets starting at or after upto are TLX_FUTURE.  Values as
 * in TlRow: a state for task rows, a task index for the others, -1 for
 * nothing. */
void tlx_cells(const TlIndex *x, int row, int64_t from, int64_t to, int width, int64_t upto, int32_t *cells);

/* What tlx_cells' majority rule hides, for a mark: per bucket, the value
 * other than cells[c] that held longest in it, or -1.  Only values that
 * matter are kept: on core, GIL and loop rows any task (a GIL handoff, a
 * short run); on task rows a block (a lock, a join, a queue).  So a short
 * event shows at any zoom.  Buckets holding very many changes are looked
 * at in their first few hundred. */
void tlx_minor(const TlIndex *x, int row, int64_t from, int64_t to, int width, int64_t upto, const int32_t *cells,
               int32_t *minor);

/* The row's value at time at (a state, a task, or -1). */
int tlx_value_at(const TlIndex *x, int row, int64_t at);

#endif
