/* io.c - the simulated program's stdout and stderr (io.h).  Every write
 * is also a trace event at the writer's virtual time, so the front ends
 * can show what was printed when, and by whom. */
#include "io.h"

int io_write(Task *T, int fd, const char *s, size_t n)
{
    Sim *S = T->S;
    SBuf *b = fd == 2 ? &S->err : &S->out;
    if (S->trace && T->st && n)
        trace_event(S->trace, T->clock, T->st->tid, EV_PRINT, T->proc->ps->tid, (int)b->n, fd == 2 ? -(int)n : (int)n);
    sb_put(b, s, n);
    return 0;
}

int io_stream_fd(Sim *S, Value v)
{
    if (is_instance(v) && AS_INST(v)->cls == S->textio_cls) return (int)(intptr_t)AS_INST(v)->payload;
    return -1;
}
