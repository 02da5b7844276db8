/* sched.h - the scheduler's interface to natives that block. */
#ifndef IL_SCHED_H
#define IL_SCHED_H

#include "vm.h"

/* time.sleep(ns): NAT_BLOCK (the task sleeps) or NAT_ERR. */
int sched_sleep(Task *T, int64_t ns);
/* Run the main program to its end. */
void sched_run(Sim *S);
void sched_mark(Sim *S);
void sched_free(Sim *S);

#endif
