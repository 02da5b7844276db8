/* narrate.h - trace records in words, for the REPL's step output and the
 * UI's event log: "Thread-2 asks Thread-1 to drop the GIL". */
#ifndef IL_NARRATE_H
#define IL_NARRATE_H

#include "sim.h"

/* One record of the trace: a state change (seg >= 0) or an event. */
typedef struct Record {
    int64_t t;
    int seg;                 /* index in segs, or -1 */
    int ev;                  /* index in evs, or -1 */
} Record;

/* The records with index ranges [seg_from, seg_to) and [ev_from, ev_to),
 * merged in the order they were recorded. */
void narrate_records_between(const Trace *t, size_t seg_from, size_t seg_to, size_t ev_from, size_t ev_to,
                     Record **out, size_t *n);

/* The record in words (no time, no newline).  Print events quote the text
 * from the program's output. */
void narrate(Sim *S, const Record *r, SBuf *out);

#endif
