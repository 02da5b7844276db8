/* exc.c - exception objects, raising from C, tracebacks in CPython's
 * format (including chained exceptions). */
#include "exc.h"
#include "gen.h"
#include "gc.h"
#include "obj.h"
#include "repr.h"
#include "str.h"
#include "tuple.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct TbEntry {
    Code *code;
    int line;
} TbEntry;

typedef struct ExcData {
    Tuple *args;
    TbEntry *tb;          /* in unwinding order: innermost first */
    int ntb, tbcap;
    Value cause, context;
    bool suppress_context;
} ExcData;

static void exc_mark(Sim *S, void *p)
{
    ExcData *e = p;
    gc_mark_obj(S, (Obj *)e->args);
    gc_mark_value(S, e->cause);
    gc_mark_value(S, e->context);
}

static void exc_free(Sim *S, void *p)
{
    (void)S;
    ExcData *e = p;
    free(e->tb);
    free(e);
}

const PayloadOps exc_payload_ops = {"exception", exc_mark, exc_free, NULL, NULL, NULL, false, false};

static ExcData *exc_data(Value v)
{
    Instance *in = AS_INST(v);
    if (!in->payload) {
        ExcData *e = xcalloc(1, sizeof *e);
        e->cause = v_none();
        e->context = v_none();
        in->payload = e;
    }
    return in->payload;
}

Value exc_new(Task *T, Class *cls, Value *args, int nargs)
{
    Sim *S = T->S;
    Instance *in = obj_instance_new(S, cls);
    ExcData *e = exc_data(v_obj(in));
    e->args = tuple_new(S, nargs);
    for (int i = 0; i < nargs; i++) e->args->v[i] = args[i];
    return v_obj(in);
}

void exc_set_args(Sim *S, Value exc, Value *args, int nargs)
{
    ExcData *e = exc_data(exc);
    e->args = tuple_new(S, nargs);
    for (int i = 0; i < nargs; i++) e->args->v[i] = args[i];
}

Tuple *exc_args(Sim *S, Value exc)
{
    ExcData *e = exc_data(exc);
    if (!e->args) e->args = tuple_new(S, 0);
    return e->args;
}

bool exc_matches(Sim *S, Value exc, int exc_id)
{
    return is_instance(exc) && obj_is_subclass(AS_INST(exc)->cls, S->exc[exc_id]);
}

/* The exception being handled where T runs: its own context's, else the
 * one of the context that drives it (a generator's or coroutine's caller),
 * as CPython links their exception states. */
static Value handled_now(Task *T)
{
    for (Ctx *c = T->cur; c; c = c->gen ? c->gen->parent : NULL)
        if (!is_undef(c->handled) && !is_none(c->handled)) return c->handled;
    return T->ctx.handled;
}

int exc_raise_value(Task *T, Value exc)
{
    Sim *S = T->S;
    /* implicit chaining: an exception raised while one is being handled */
    Value handled = handled_now(T);
    if (!is_undef(handled) && !is_none(handled) && !obj_same(handled, exc) && is_instance(exc)) {
        ExcData *e = exc_data(exc);
        if (is_none(e->context)) {
            /* avoid cycles: do not chain an exception to itself */
            Value c = handled;
            bool cycle = false;
            for (int k = 0; k < 100 && is_instance(c); k++) {
                if (obj_same(c, exc)) {
                    cycle = true;
                    break;
                }
                c = exc_data(c)->context;
            }
            if (!cycle) e->context = handled;
        }
    }
    (void)S;
    T->exc = exc;
    return -1;
}

int exc_raise(Task *T, int exc_id, const char *fmt, ...)
{
    char buf[EXC_MSG_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    Value msg = str_value(T->S, buf);
    return exc_raise_value(T, exc_new(T, T->S->exc[exc_id], &msg, 1));
}

void exc_add_tb(Task *T, Value exc, Code *code, int line)
{
    (void)T;
    if (!is_instance(exc)) return;
    ExcData *e = exc_data(exc);
    if (e->ntb == e->tbcap) {
        e->tbcap = e->tbcap ? e->tbcap * 2 : 8;
        e->tb = xrealloc(e->tb, (size_t)e->tbcap * sizeof *e->tb);
    }
    e->tb[e->ntb].code = code;
    e->tb[e->ntb].line = line;
    e->ntb++;
}

void exc_set_cause(Value exc, Value cause)
{
    ExcData *e = exc_data(exc);
    e->cause = cause;
    e->suppress_context = true;
}

/* ---- text ---- */

/* OSError(errno, strerror[, filename[, winerror[, filename2]]]): CPython
 * reads the errno and its text out of the arguments */
static bool os_error_args(Sim *S, Value v, Tuple *a)
{
    return a->n >= 2 && a->n <= 5 && obj_is_subclass(AS_INST(v)->cls, S->exc[EXC_OSError]);
}

/* OSError(errno, ...) makes the subclass the errno names, as CPython's
 * OSError.__new__ does (Linux's numbers: the simulated OS is Linux) */
Class *exc_os_error_class(Sim *S, Value errno_value)
{
    static const struct { int no, exc; } map[] = {
        {11, EXC_BlockingIOError} /* EAGAIN */, {114, EXC_BlockingIOError} /* EALREADY */,
        {115, EXC_BlockingIOError} /* EINPROGRESS */, {10, EXC_ChildProcessError} /* ECHILD */,
        {32, EXC_BrokenPipeError} /* EPIPE */, {108, EXC_BrokenPipeError} /* ESHUTDOWN */,
        {103, EXC_ConnectionAbortedError}, {111, EXC_ConnectionRefusedError}, {104, EXC_ConnectionResetError},
        {17, EXC_FileExistsError} /* EEXIST */, {2, EXC_FileNotFoundError} /* ENOENT */,
        {21, EXC_IsADirectoryError}, {20, EXC_NotADirectoryError}, {4, EXC_InterruptedError} /* EINTR */,
        {13, EXC_PermissionError} /* EACCES */, {1, EXC_PermissionError} /* EPERM */,
        {3, EXC_ProcessLookupError} /* ESRCH */, {110, EXC_TimeoutError} /* ETIMEDOUT */,
    };
    if (is_intlike(errno_value))
        for (size_t i = 0; i < sizeof map / sizeof *map; i++)
            if (map[i].no == errno_value.u.i) return S->exc[map[i].exc];
    return S->exc[EXC_OSError];
}

/* What .args shows: an OSError given a filename keeps it out of them */
static Tuple *shown_args(Sim *S, Value v)
{
    Tuple *a = exc_args(S, v);
    if (!os_error_args(S, v, a) || a->n <= 2 || is_none(a->v[2])) return a;
    Tuple *t = tuple_new(S, 2);
    t->v[0] = a->v[0];
    t->v[1] = a->v[1];
    return t;
}

int exc_str(Task *T, Value v, SBuf *out)
{
    Sim *S = T->S;
    Tuple *a = exc_args(S, v);
    if (a->n == 0) return 0;
    if (os_error_args(S, v, a)) {
        sb_puts(out, "[Errno ");
        if (repr_write_str(T, a->v[0], out) < 0) return -1;
        sb_puts(out, "] ");
        if (repr_write_str(T, a->v[1], out) < 0) return -1;
        if (a->n >= 3 && !is_none(a->v[2])) {
            sb_puts(out, ": ");
            if (repr_write(T, a->v[2], out) < 0) return -1;
            if (a->n >= 5 && !is_none(a->v[4])) {
                sb_puts(out, " -> ");
                if (repr_write(T, a->v[4], out) < 0) return -1;
            }
        }
        return 0;
    }
    if (a->n == 1) {
        if (obj_is_subclass(AS_INST(v)->cls, S->exc[EXC_KeyError])) return repr_write(T, a->v[0], out);
        return repr_write_str(T, a->v[0], out);
    }
    return repr_write(T, v_obj(a), out);
}

int exc_repr(Task *T, Value v, SBuf *out)
{
    Sim *S = T->S;
    Tuple *a = shown_args(S, v);
    sb_puts(out, AS_INST(v)->cls->name->s);
    sb_putc(out, '(');
    for (int64_t i = 0; i < a->n; i++) {
        if (i) sb_puts(out, ", ");
        if (repr_write(T, a->v[i], out) < 0) return -1;
    }
    sb_putc(out, ')');
    return 0;
}

int exc_get_attr(Task *T, Value exc, Str *name, Value *out)
{
    Sim *S = T->S;
    ExcData *e = exc_data(exc);
    if (name == S->sym[SYM_args]) {
        *out = v_obj(shown_args(S, exc));
        return 1;
    }
    if (name == S->sym[SYM_cause]) {
        *out = e->cause;
        return 1;
    }
    if (name == S->sym[SYM_context]) {
        *out = e->context;
        return 1;
    }
    if (name == S->sym[SYM_traceback]) {
        *out = v_none();
        return 1;
    }
    if (str_eq_c(name, "__suppress_context__")) {
        *out = v_bool(e->suppress_context);
        return 1;
    }
    if (obj_is_subclass(AS_INST(exc)->cls, S->exc[EXC_OSError])) {
        /* (errno, strerror, filename, winerror, filename2) */
        static const char *const fields[] = {"errno", "strerror", "filename", NULL, "filename2"};
        for (int i = 0; i < 5; i++)
            if (fields[i] && str_eq_c(name, fields[i])) {
                Tuple *a = exc_args(S, exc);
                *out = os_error_args(S, exc, a) && i < a->n ? a->v[i] : v_none();
                return 1;
            }
    }
    if (name == S->sym[SYM_value] && obj_is_subclass(AS_INST(exc)->cls, S->exc[EXC_StopIteration])) {
        Tuple *a = exc_args(S, exc);
        *out = a->n ? a->v[0] : v_none();
        return 1;
    }
    return 0;
}

Str *exc_message(Task *T, Value exc)
{
    SBuf b = STR_BUF;
    sb_put(&b, "", 0);
    Value saved = T->exc;
    T->exc = v_undef();
    if (exc_str(T, exc, &b) < 0) {
        sb_free(&b);
        T->exc = saved;
        return NULL;
    }
    T->exc = saved;
    Str *s = str_new(T->S, b.s, b.n);
    sb_free(&b);
    return s;
}

static void format_one(Sim *S, Task *T, Value exc, SBuf *out, int depth)
{
    ExcData *e = exc_data(exc);
    if (depth < 20) {
        if (is_instance(e->cause) && !is_none(e->cause)) {
            format_one(S, T, e->cause, out, depth + 1);
            sb_puts(out, "\nThe above exception was the direct cause of the following exception:\n\n");
        } else if (is_instance(e->context) && !e->suppress_context) {
            format_one(S, T, e->context, out, depth + 1);
            sb_puts(out, "\nDuring handling of the above exception, another exception occurred:\n\n");
        }
    }
    if (e->ntb) {
        sb_puts(out, "Traceback (most recent call last):\n");
        /* CPython folds a line repeated more than 3 times in a row */
        int repeat = 0;
        for (int i = e->ntb - 1; i >= 0; i--) {
            Code *c = e->tb[i].code;
            if (i < e->ntb - 1 && e->tb[i + 1].code == c && e->tb[i + 1].line == e->tb[i].line) {
                if (++repeat >= 3) continue;
            } else {
                if (repeat >= 3)
                    sb_printf(out, "  [Previous line repeated %d more time%s]\n", repeat - 2, repeat - 2 == 1 ? "" : "s");
                repeat = 0;
            }
            const char *fn = (c->flags & CO_MODULE) ? "<module>" : c->name->s;
            sb_printf(out, "  File \"%s\", line %d, in %s\n", c->src ? c->src->name : "?", e->tb[i].line, fn);
            int len;
            const char *src = code_source_line(c->src, e->tb[i].line, &len);
            if (len) sb_printf(out, "    %.*s\n", len, src);
        }
        if (repeat >= 3) sb_printf(out, "  [Previous line repeated %d more time%s]\n", repeat - 2, repeat - 2 == 1 ? "" : "s");
    }
    Class *cls = AS_INST(exc)->cls;
    if (cls->module && !str_eq_c(cls->module, "__main__") && !str_eq_c(cls->module, "builtins"))
        sb_printf(out, "%s.", cls->module->s);
    sb_puts(out, cls->name->s);
    SBuf msg = STR_BUF;
    Value saved = T->exc;
    T->exc = v_undef();
    if (exc_str(T, exc, &msg) < 0) {
        sb_free(&msg);
        sb_puts(&msg, "<exception str() failed>");
    }
    T->exc = saved;
    if (msg.n) {
        sb_puts(out, ": ");
        sb_put(out, msg.s, msg.n);
    }
    sb_putc(out, '\n');
    sb_free(&msg);
}

/* Formatting may call __str__ of user exceptions, so it needs a task: the
 * simulation's first task is used (formatting happens after the run). */
void exc_format_task(Task *T, Value exc, SBuf *out)
{
    format_one(T->S, T, exc, out, 0);
}

void exc_format(Sim *S, Value exc, SBuf *out)
{
    Task *T = S->tasks.n ? S->tasks.v[0] : NULL;
    if (!T) return;
    format_one(S, T, exc, out, 0);
}

/* Location of the innermost frame of exc's traceback (for --format json). */
bool exc_location(Value exc, int *line, Code **code)
{
    if (!is_instance(exc) || !AS_INST(exc)->payload) return false;
    ExcData *e = AS_INST(exc)->payload;
    if (!e->ntb) return false;
    *line = e->tb[0].line;
    *code = e->tb[0].code;
    return true;
}
