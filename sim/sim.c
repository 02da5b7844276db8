/* sim.c - the simulated world: creation, loading a scenario, running it,
 * the GC's roots, program output, and teardown. */
#include "sim.h"
#include "builtins.h"
#include "debug.h"
#include "dict.h"
#include "gc.h"
#include "gen.h"
#include "methods.h"
#include "modcheck.h"
#include "modules.h"
#include "obj.h"
#include "parse.h"
#include "proc.h"
#include "str.h"
#include "trace.h"
#include "types.h"
#include "views.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>


Sim *sim_new(void)
{
    Sim *S = xcalloc(1, sizeof *S);
    settings_init(&S->set);
    S->gc_threshold = 8u << 20;
    S->attr_epoch = 1;
    S->globals_epoch = 1;
    S->recursion_limit = 1000;
    S->gc_inhibit = 1; /* no collection while the world is being built */
    types_init(S);
    S->builtins = dict_new(S);
    S->native_modules = dict_new(S);
    builtins_init(S);
    methods_init(S);
    gen_register(S);
    views_init(S);
    modules_init(S);
    S->uncaught = v_undef();
    S->gc_inhibit = 0;
    return S;
}

void sim_use_frozen(const struct FrozenPart *parts) { modules_use_frozen(parts); }

static bool fail(LoadError *err, const char *file, int line, int col, const char *msg)
{
    snprintf(err->file, sizeof err->file, "%s", file);
    err->line = line;
    err->col = col;
    snprintf(err->msg, sizeof err->msg, "%s", msg);
    return false;
}

/* the calibration profile: the values its lines gave (given[] marks
 * them), and its file; or why the file was refused */
static Settings calib;
static char *calib_origin;
static char calib_error[600];

/* what a machine's costs may set: not the semantics (gil, seed, jitter,
 * the limits) */
static const int calibratable[] = {SET_op_cost, SET_thread_start_cost, SET_fork_cost, SET_spawn_cost,
                                   SET_forkserver_cost, SET_queue_latency, SET_pipe_latency, SET_pickle_cost,
                                   SET_sleep_slack, SET_switch_interval};

bool sim_calibration(const char *text, const char *origin, char *err, size_t errn)
{
    Settings s;
    settings_init(&s);
    char *desc = NULL;
    HeaderError he;
    bool ok = settings_parse_header(text, 1, &s, &desc, &he);
    free(desc);
    if (ok) {
        bool allowed[SET_COUNT] = {false};
        for (size_t i = 0; i < sizeof calibratable / sizeof *calibratable; i++) allowed[calibratable[i]] = true;
        for (int i = 0; ok && i < SET_COUNT; i++)
            if (s.given[i] && !allowed[i]) {
                he.line = he.col = 0;
                snprintf(he.msg, sizeof he.msg, "'%s' is not a cost a calibration profile may set", settings_info[i].key);
                ok = false;
            }
    }
    if (!ok) {
        if (he.line) snprintf(err, errn, "%s:%d:%d: error: %s", origin, he.line, he.col, he.msg);
        else snprintf(err, errn, "%s: error: %s", origin, he.msg);
        snprintf(calib_error, sizeof calib_error, "%s", err);
        settings_free(&s);
        return false;
    }
    calib_error[0] = 0;
    settings_free(&calib);
    free(calib_origin);
    calib = s;
    calib_origin = xstrdup(origin);
    return true;
}

const char *sim_calibrated_from(Sim *S) { return S->set.v[SET_calibrated] ? calib_origin : NULL; }

/* calibrated: yes - the profile's numbers where the header and the
 * overrides said nothing (they stay not given: defaults of this machine) */
static bool calibrate(Sim *S, const char *name, LoadError *err)
{
    if (!calib_origin) {
        err->usage = true;
        char msg[800];
        if (calib_error[0])
            snprintf(msg, sizeof msg, "calibrated: yes, but the calibration profile was refused (%s): run `interleave calibrate` again", calib_error);
        return fail(err, name, 0, 0, calib_error[0] ? msg : "calibrated: yes, but this machine has no calibration profile: run `interleave calibrate` first");
    }
    for (int i = 0; i < SET_COUNT; i++) {
        SettingType ty = settings_info[i].type;
        if (!calib.given[i] || S->set.given[i] || ty == ST_STRING) continue;
        S->set.v[i] = calib.v[i];
        S->set.f[i] = calib.f[i];
    }
    return true;
}

static void set_costs(Sim *S)
{
    for (int i = 0; i < OPCODE_COUNT; i++) S->opcost[i] = S->set.v[SET_op_cost] * code_op_weight[i];
}

bool sim_load_source(Sim *S, const char *name, const char *src, size_t len,
                     const char *const *overrides, int noverrides, LoadError *err)
{
    memset(err, 0, sizeof *err);
    if (S->main_code) return fail(err, name, 0, 0, "a scenario is already loaded");
    free(S->filename);
    S->filename = xstrdup(name);
    modules_set_argv(S, name);
    Source *source = code_source_add(&S->sources, name, src, len, false);
    if (memchr(src, 0, len)) return fail(err, name, 1, 1, "the file contains a NUL byte; is it a Python source file?");
    Module m;
    ParseError pe;
    if (!parse_module(source->text, len, &m, &pe)) return fail(err, name, pe.line, pe.col, pe.msg);
    if (m.docstring) {
        HeaderError he;
        char *desc = NULL;
        if (!settings_parse_header(m.docstring, m.doc_body_line, &S->set, &desc, &he)) {
            parse_module_free(&m);
            return fail(err, name, he.line, he.col, he.msg);
        }
        free(S->description);
        S->description = desc;
    }
    for (int i = 0; i < noverrides; i++) {
        const char *kv = overrides[i];
        const char *eq = strchr(kv, '=');
        char key[64], msg[SETTINGS_MSG_MAX];
        if (!eq || eq == kv || (size_t)(eq - kv) >= sizeof key) {
            parse_module_free(&m);
            err->usage = true;
            snprintf(msg, sizeof msg, "bad --set '%s': expected KEY=VALUE", kv);
            return fail(err, name, 0, 0, msg);
        }
        snprintf(key, sizeof key, "%.*s", (int)(eq - kv), kv);
        if (!settings_set(&S->set, key, eq + 1, msg, sizeof msg)) {
            parse_module_free(&m);
            err->usage = true;
            return fail(err, name, 0, 0, msg);
        }
    }
    if (S->set.v[SET_calibrated] && !calibrate(S, name, err)) {
        parse_module_free(&m);
        return false;
    }
    if (!S->set.title) {
        const char *base = strrchr(name, '/');
        S->set.title = xstrdup(base ? base + 1 : name);
    }
    set_costs(S);
    S->gc_inhibit++;
    CompileError ce;
    Code *code = compile_module(S, &m, source, &modules_resolver, &ce);
    Value doc = m.docstring ? str_value(S, m.docstring) : v_none();
    int ml = 0, mc = 0;
    char mmsg[300];
    bool attrs_ok = !code || modcheck_module(&m, &modules_resolver, &ml, &mc, mmsg, sizeof mmsg);
    parse_module_free(&m);
    S->gc_inhibit--;
    if (!code) return fail(err, name, ce.line, ce.col, ce.msg);
    if (!attrs_ok) return fail(err, name, ml, mc, mmsg);
    S->main_code = code;
    S->main_doc = doc;
    sched_init(S);
    Proc *P = sched_new_proc(S, NULL, "MainProcess");
    proc_main_globals(S, P, S->sym[SYM_main]);
    Task *T = sched_new_thread(S, P, "MainThread", false, 0);
    T->st->is_thread = true;
    P->ps->main = T;
    S->main_task = T;
    vm_start_module(T, code, P->globals);
    return true;
}

bool sim_load(Sim *S, const char *path, const char *const *overrides, int noverrides, LoadError *err)
{
    size_t len;
    char *src = read_file(path, &len);
    if (!src) {
        memset(err, 0, sizeof *err);
        char msg[300];
        snprintf(msg, sizeof msg, "cannot read '%s': %s", path, strerror(errno));
        return fail(err, path, 0, 0, msg);
    }
    bool ok = sim_load_source(S, strcmp(path, "-") == 0 ? "<stdin>" : path, src, len, overrides, noverrides, err);
    free(src);
    return ok;
}

void sim_disasm(Sim *S, SBuf *out)
{
    if (S->main_code) code_disasm(S->main_code, out);
}




const char *sim_stdout(Sim *S, size_t *len)
{
    if (len) *len = S->out.n;
    return S->out.s ? S->out.s : "";
}

const char *sim_stderr(Sim *S, size_t *len)
{
    if (len) *len = S->err.n;
    return S->err.s ? S->err.s : "";
}

int64_t sim_elapsed_ns(Sim *S) { return S->elapsed; }
const Trace *sim_trace(Sim *S) { return S->trace; }

uint64_t sim_trace_hash(Sim *S)
{
    /* the program's output is part of what must repeat */
    uint64_t h = S->trace ? trace_hash(S->trace) : 0;
    for (size_t i = 0; i < S->out.n; i++) {
        h ^= (unsigned char)S->out.s[i];
        h *= 1099511628211ULL;
    }
    return h;
}
uint64_t sim_ops(Sim *S) { return S->ops; }
int sim_exit_code(Sim *S) { return S->exit_code; }
const Settings *sim_settings(Sim *S) { return &S->set; }
const char *sim_description(Sim *S) { return S->description ? S->description : ""; }
const char *sim_fatal_message(Sim *S) { return S->fatal.msg; }
const char *sim_source(Sim *S) { return S->sources ? S->sources->text : ""; }

bool sim_error_location(Sim *S, int *line, int *col, char *msg, size_t msgn)
{
    if (!is_instance(S->uncaught)) return false;
    Code *code;
    if (!exc_location(S->uncaught, line, &code)) *line = 0;
    *col = 0;
    if (code && *line) {
        for (int32_t i = 0; i < code->nops; i++)
            if (code->lines[i] == *line) {
                *col = code->cols[i];
                break;
            }
    }
    Task *T = S->main_task;
    Str *m = exc_message(T, S->uncaught);
    const char *cls = AS_INST(S->uncaught)->cls->name->s;
    if (m && m->len) snprintf(msg, msgn, "%s: %s", cls, m->s);
    else snprintf(msg, msgn, "%s", cls);
    return true;
}

/* The run itself: the layers' state (but the debugger's, keep_slot),
 * tasks, processes and every object. */
static void free_run(Sim *S, int keep_slot)
{
    /* the layers' state first: it may refer to the tasks */
    for (int i = SLOT_COUNT; i-- > 0;) {
        if (i == keep_slot) continue;
        if (S->slot_ops[i] && S->slot_ops[i]->free) S->slot_ops[i]->free(S, S->slot[i]);
        S->slot_ops[i] = NULL;
        S->slot[i] = NULL;
    }
    for (size_t i = 0; i < S->tasks.n; i++) {
        Task *T = S->tasks.v[i];
        vm_ctx_free(&T->ctx);
        free(T->name);
        free(T);
    }
    BUF_FREE(S->tasks);
    for (size_t i = 0; i < S->procs.n; i++) {
        free(S->procs.v[i]->name);
        free(S->procs.v[i]->ident);
        free(S->procs.v[i]->rng);
        free(S->procs.v[i]);
    }
    BUF_FREE(S->procs);
    gc_free_all(S);
    free(S->attr_cache);
    S->attr_cache = NULL;
    obj_ids_free(S);
    free(S->itab);
    S->itab = NULL;
    S->itab_cap = S->itab_n = 0;
    BUF_FREE(S->repr_stack);
}

void sim_drop_heap(Sim *S)
{
    if (S->heap_dropped || !sim_finished(S)) return;
    /* the scheduler's state owns the trace: kept out of its way */
    Trace *t = S->trace;
    S->trace = NULL;
    free_run(S, SLOT_DEBUG);
    S->trace = t;
    /* what pointed into the freed run points nowhere: a run or a report
     * asked of it by mistake finds nothing rather than freed memory */
    S->main_task = NULL;
    S->uncaught = v_undef();
    S->main_doc = v_none();
    S->heap_dropped = true;
}

bool sim_heap_dropped(const Sim *S) { return S->heap_dropped; }

void sim_free(Sim *S)
{
    if (!S) return;
    if (S->heap_dropped) {
        if (S->slot_ops[SLOT_DEBUG]) S->slot_ops[SLOT_DEBUG]->free(S, S->slot[SLOT_DEBUG]);
        trace_free(S->trace);
    } else {
        free_run(S, -1);
    }
    code_free_all(S->codes);
    sb_free(&S->out);
    sb_free(&S->err);
    code_source_free_all(S->sources);
    free(S->filename);
    free(S->description);
    settings_free(&S->set);
    free(S);
}

bool sim_gil_on(Sim *S) { return settings_gil_on(&S->set); }
