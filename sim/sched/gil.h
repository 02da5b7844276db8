/* gil.h - one GIL per process, after CPython's ceval_gil.c. */
#ifndef IL_GIL_H
#define IL_GIL_H

#include "sched.h"

bool gil_on(Sim *S);
bool gil_try_take(Task *T, int64_t at);
void gil_wait(Task *T, int64_t at, int reason);
void gil_drop(Task *T, int64_t at, int kind);
void gil_timer(Sim *S, Task *T, uint32_t seq, int64_t at);
void gil_handoff(Sim *S, Task *W, int64_t at);
int64_t gil_interval(Proc *P);

#endif
