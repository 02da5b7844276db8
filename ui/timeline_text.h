/* timeline_text.h - the text timeline and statistics of `interleave run`. */
#ifndef IL_TIMELINE_TEXT_H
#define IL_TIMELINE_TEXT_H

#include "../sim/sim.h"
#include <stdio.h>

/* Print the timeline of [from, to) (to <= 0: the whole run) in `width`
 * columns, with a time axis and a legend. */
void timeline_print(FILE *f, const Trace *t, int64_t from, int64_t to, int width, bool gil);
void stats_print(FILE *f, Sim *S);
void stats_json(FILE *f, Sim *S);
/* The terminal's width, or 80. */
int terminal_width(void);

#endif
