/* snap.h - snapshots of the whole REPL process, for going back fast.
 *
 * While a run moves forward, the REPL forks at checkpoints: the child
 * stops, a frozen copy of the process at that instant.  Going back to an
 * earlier instant wakes the latest snapshot at or before it, hands it
 * what changed since (the breakpoints, the focus...) and the command, and
 * the current process exits: the snapshot runs forward from there and
 * goes on as the REPL.  So `back` costs at most one checkpoint interval of
 * simulation, however long the run.
 *
 * The process the shell started stays as an anchor that reaps the others
 * (a child subreaper) and exits when the last one does. */
#ifndef IL_SNAP_H
#define IL_SNAP_H

#include "../sim/debug.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Split off the anchor (call first, before loading anything).  False when
 * snapshots are off ($INTERLEAVE_SNAPSHOTS=0, or fork is not possible):
 * then nothing else here does anything. */
bool snap_start(void);
bool snap_enabled(void);

/* Take a snapshot of this process at the run's position pos (virtual
 * time now), unless one is within gap ops of it.  Returns false in the
 * process that goes on; returns true in the snapshot when, later, it is
 * woken to take over - with the message the waking process sent
 * (snap_message). */
bool snap_take(Position pos, int64_t now, uint64_t gap);

/* The latest snapshot at or before a position (pos.records >= 0) or a
 * time, or -1. */
int snap_find(Position pos, int64_t t);
/* Where snapshot i is. */
Position snap_position(int i);
/* Wake snapshot i with a message of n bytes and end this process; the
 * other snapshots stay, known to it.  Returns only on failure. */
void snap_resume(int i, const void *msg, size_t n);
/* The message of the waker, after snap_take returned true (owned by this
 * module until the next snapshot). */
const void *snap_message(size_t *n);

/* The virtual time of the snapshot this process was woken from, or -1. */
int64_t snap_resumed_at(void);

/* The virtual times of the snapshots (at most max), oldest first; how
 * many there are. */
int snap_times(int64_t *times, int max);

/* The run changed (another file or settings): the snapshots are useless. */
void snap_discard(void);
/* Quitting: end the snapshots. */
void snap_end(void);

#endif
