/* io.c - the simulated program's stdout and stderr (io.h).  Every write
 * is also a trace event at the writer's virtual time, so the front ends
 * can show what was printed when, and by whom. */
#include "io.h"
#include "unicode.h"

#include <stdio.h>

int io_check_text(Task *T, const char *s, size_t n)
{
    uint32_t cp;
    int64_t at = uc_find_surrogate(s, n, &cp);
    if (at < 0) return 0;
    return exc_raise(T, EXC_UnicodeEncodeError, "'utf-8' codec can't encode character '\\u%04x' in position %lld: surrogates not allowed",
                     (unsigned)cp, (long long)at);
}

/* The output passed max_output: the run stops there (as at max_trace),
 * with a note where the output is cut.  A print loop would otherwise run
 * on to max_ops, half an hour of printing nothing.  -1 with an exception
 * that unwinds the native; the VM then ends the run (S->fatal). */
static int output_full(Task *T)
{
    Sim *S = T->S;
    static const char note[] = "\n[interleave: the program's output passed the max_output limit; the run stops here]\n";
    if (S->trace && T->st)
        trace_event(S->trace, T->clock, T->st->tid, EV_PRINT, T->proc->ps->tid, (int)S->err.n, -(int)(sizeof note - 1));
    sb_put(&S->err, note, sizeof note - 1);
    S->out_cut = true;
    if (!S->fatal.set) {
        long long max = (long long)S->set.v[SET_max_output];
        bool mib = max % (1 << 20) == 0;
        S->fatal.set = true;
        snprintf(S->fatal.msg, sizeof S->fatal.msg,
                 "stopped when the program's output passed %lld %s (the max_output limit); "
                 "to print more, raise it with --set max_output=BYTES",
                 mib ? max >> 20 : max, mib ? "MiB" : "bytes");
    }
    return exc_raise(T, EXC_RuntimeError, "%s", S->fatal.msg);
}

size_t io_room(Sim *S)
{
    size_t used = S->out.n + S->err.n, max = (size_t)S->set.v[SET_max_output];
    return S->out_cut || used >= max ? 0 : max - used;
}

int io_write(Task *T, int fd, const char *s, size_t n)
{
    Sim *S = T->S;
    SBuf *b = fd == 2 ? &S->err : &S->out;
    if (S->out_cut) return 0;
    if (n > io_room(S)) return output_full(T);
    if (S->trace && T->st && n)
        trace_event(S->trace, T->clock, T->st->tid, EV_PRINT, T->proc->ps->tid, (int)b->n, fd == 2 ? -(int)n : (int)n);
    sb_put(b, s, n);
    return 0;
}

int io_write_buf(Task *T, int fd, SBuf *b)
{
    static const char note[] = "\n[interleave: cut at the simulator's limit of a single object]\n";
    int r = io_write(T, fd, b->s ? b->s : "", b->n);
    if (r == 0 && b->over) r = io_write(T, fd, note, sizeof note - 1);
    sb_free(b);
    return r;
}

int io_stream_fd(Sim *S, Value v)
{
    if (is_instance(v) && AS_INST(v)->cls == S->textio_cls) return (int)(intptr_t)AS_INST(v)->payload;
    return -1;
}
