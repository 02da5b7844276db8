/* sched.c - runs the simulated program.
 *
 * This version runs the main thread alone: it executes bytecode until the
 * thread blocks in time.sleep, then advances the virtual clock to its wake
 * time.  (Threads, cores and the GIL build on the same loop.) */
#include "sched.h"
#include "sim.h"
#include "obj.h"

#include <stdio.h>
#include <stdlib.h>

typedef struct SchedTask {
    int64_t wake;         /* sleeping until */
} SchedTask;

int sched_sleep(Task *T, int64_t ns)
{
    if (T->nested)
        return vm_raise(T, EXC_RuntimeError, "time.sleep() inside a callback run from C code is not supported by the simulator");
    if (!T->st) T->st = xcalloc(1, sizeof *T->st);
    T->st->wake = T->clock + ns;
    T->resume_val = v_none();
    return NAT_BLOCK;
}

static void finish_error(Sim *S, Task *T)
{
    Value exc = T->exc;
    T->exc = v_undef();
    if (exc_matches(S, exc, EXC_SystemExit)) {
        Tuple *a = exc_args(S, exc);
        Value code = a->n ? a->v[0] : v_none();
        if (is_none(code)) S->exit_code = 0;
        else if (is_intlike(code)) S->exit_code = (int)code.u.i;
        else {
            SBuf b = {0};
            v_strbuf(T, code, &b);
            sb_put(&S->err, b.s ? b.s : "", b.n);
            sb_putc(&S->err, '\n');
            sb_free(&b);
            S->exit_code = 1;
        }
        S->status = SIM_EXIT;
        return;
    }
    S->uncaught = exc;
    exc_format(S, exc, &S->err);
    S->status = SIM_EXCEPTION;
    S->exit_code = 1;
}

void sched_run(Sim *S)
{
    Task *T = S->main_task;
    int64_t max_time = S->set.v[SET_max_time];
    S->status = SIM_OK;
    for (;;) {
        T->limit = max_time;
        RunStatus st = vm_run(T);
        if (st == RUN_DONE) break;
        if (st == RUN_ERROR) {
            finish_error(S, T);
            break;
        }
        if (st == RUN_FATAL) {
            S->status = SIM_FATAL;
            S->exit_code = 1;
            break;
        }
        if (st == RUN_BLOCKED) {
            T->clock = T->st->wake;
            T->resume_pending = true;
        }
        if (T->clock >= max_time) {
            S->fatal.set = true;
            snprintf(S->fatal.msg, sizeof S->fatal.msg,
                     "stopped at the max_time limit of %.3f s of virtual time; if the program is meant to run longer, raise it with --set max_time=10s or 'max_time: 10s' in the header",
                     max_time / 1e9);
            S->status = SIM_FATAL;
            S->exit_code = 1;
            break;
        }
    }
    S->elapsed = T->clock;
}

void sched_mark(Sim *S) { (void)S; }

void sched_free(Sim *S)
{
    for (size_t i = 0; i < S->tasks.n; i++) {
        free(S->tasks.v[i]->st);
        S->tasks.v[i]->st = NULL;
    }
}
