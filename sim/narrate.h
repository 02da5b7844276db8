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

/* A reason whose words have a subject of their own (the run loop a
 * thread runs: "trio's run loop waits for the next deadline"): the word to
 * lead into them with after the task's name ("its ", or ""); NULL for the
 * others, which read after the task's name or "it". */
const char *narrate_reason_lead(int reason);
/* The order of the trio batch a task step with this run reason belongs
 * to, in two words ("reversed", "in ready order"), or NULL when the
 * reason is not a trio batch's. */
const char *narrate_batch_order(int reason);

#endif
