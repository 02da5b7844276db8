/* proc.c - simulated processes: lifecycle bookkeeping shared with the
 * scheduler (multiprocessing builds on it). */
#include "sched.h"
#include "obj.h"

bool proc_children_alive(Sim *S, Proc *P)
{
    for (size_t i = 0; i < S->procs.n; i++) {
        Proc *C = S->procs.v[i];
        if (C->parent_pid == P->pid && C != P && !C->ps->exited && !C->daemon) return true;
    }
    return false;
}

void proc_exited(Sim *S, Proc *P, int64_t at)
{
    for (size_t i = 0; i < S->procs.n; i++) {
        Proc *Q = S->procs.v[i];
        if (Q->pid == P->parent_pid) sched_child_exited(S, Q, at);
    }
    proc_wake_joiners(S, P, at);
}

void proc_wake_joiners(Sim *S, Proc *P, int64_t at)
{
    (void)S, (void)P, (void)at;
}
