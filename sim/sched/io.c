/* io.c - the simulated program's stdout and stderr (io.h).  Every write
 * is also a trace event at the writer's virtual time, so the front ends
 * can show what was printed when, and by whom. */
#include "io.h"
#include "unicode.h"

int io_check_text(Task *T, const char *s, size_t n)
{
    uint32_t cp;
    int64_t at = uc_find_surrogate(s, n, &cp);
    if (at < 0) return 0;
    return exc_raise(T, EXC_UnicodeEncodeError, "'utf-8' codec can't encode character '\\u%04x' in position %lld: surrogates not allowed",
                     (unsigned)cp, (long long)at);
}

int io_write(Task *T, int fd, const char *s, size_t n)
{
    Sim *S = T->S;
    SBuf *b = fd == 2 ? &S->err : &S->out;
    if (S->out_cut) return 0;
    if (S->out.n + S->err.n + n > (size_t)S->set.v[SET_max_output]) {
        /* a print loop cannot fill the memory (or the disk, or the JSON):
         * what passes max_output is dropped, once said on stderr */
        static const char note[] = "\n[interleave: the program's output passed the max_output limit; the rest is cut]\n";
        if (S->trace && T->st)
            trace_event(S->trace, T->clock, T->st->tid, EV_PRINT, T->proc->ps->tid, (int)S->err.n, -(int)(sizeof note - 1));
        sb_put(&S->err, note, sizeof note - 1);
        S->out_cut = true;
        return 0;
    }
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
