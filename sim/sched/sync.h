/* sync.h - locks, conditions, semaphores, events, barriers and queues, as
 * payloads of Instance objects.  Blocking operations use the scheduler's
 * retry protocol: a native that cannot proceed blocks the task and runs
 * again when it is woken, exactly like CPython's C loops around a wait. */
#ifndef IL_SYNC_H
#define IL_SYNC_H

#include "sched.h"

typedef struct SyncObj {
    int obj;              /* trace object */
    int kind;             /* OBJ_* */
    Task *owner;          /* Lock/RLock holder */
    int64_t count;        /* RLock depth, Semaphore value, Barrier arrivals */
    int64_t bound;        /* BoundedSemaphore's initial value; Barrier parties */
    int64_t maxsize;      /* Queue */
    int64_t unfinished;   /* Queue: items not yet task_done() */
    int64_t generation;   /* Barrier */
    bool flag;            /* Event; Barrier broken */
    bool shared;          /* multiprocessing: one object across processes */
    int qkind;            /* Queue: 0 FIFO, 1 LIFO, 2 priority */
    Value lock;           /* Condition: its lock; Barrier: its action */
    Value items;          /* Queue: a List */
    WaitQ waiters;        /* lock/cond/sem/event/barrier waiters, queue getters */
    WaitQ putters;        /* queue: blocked put() */
    WaitQ joiners;        /* queue: blocked join() */
} SyncObj;

extern const PayloadOps sync_payload_ops;

/* Register the classes of the threading and queue modules. */
/* The threading and queue modules' dicts (SLOT_THREADING), where the
 * natives find the classes they make (RLock, BrokenBarrierError, Empty...). */
typedef struct SyncState {
    Dict *threading, *queue;
} SyncState;
static inline SyncState *sync_st(Sim *S) { return (SyncState *)S->slot[SLOT_THREADING]; }

/* Put the classes into the threading (queue) module's dict, d. */
void sync_register_threading(Sim *S, Dict *d);
void sync_register_queue(Sim *S, Dict *d);
#define SYNC_THREADING_NAMES "Lock", "RLock", "Condition", "Semaphore", "BoundedSemaphore", "Event", \
    "Barrier", "BrokenBarrierError"
#define SYNC_QUEUE_NAMES "Queue", "LifoQueue", "PriorityQueue", "SimpleQueue", "Empty", "Full"

/* Acquire/release a Lock or RLock instance from C (Condition, Queue).
 * acquire returns NAT_OK/NAT_RETRY/NAT_ERR like a native. */
int sync_lock_acquire(Task *T, Value lock, bool blocking, int64_t deadline, bool *got);
int sync_lock_release(Task *T, Value lock);

/* The SyncObj of v if it is one, else NULL. */
SyncObj *sync_of(Sim *S, Value v);

#endif
