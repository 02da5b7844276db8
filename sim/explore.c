/* explore.c - every interleaving within a preemption bound, with a
 * dynamic partial-order reduction (explore.h).
 *
 * A depth-first search over schedules, stateless: each schedule runs from
 * the start in a fresh Sim (sim_new, then sim_load_source parses and
 * compiles the file again), as a controlled run whose chooser replays the
 * path to the branch point, takes the branch, and then lets the model
 * pick (no more preemptions).
 *
 * Why not reuse the common prefix of runs?  Measured in CPU time per
 * schedule, over the 34,000 schedules of tests/explore/ and the
 * challenges at -p 2 (x86-64 Linux, glibc): building the world (sim_new:
 * types, builtins, modules) 132 us, loading 46 us (the header, parsing
 * and compiling are 21-57 us of it), running the schedule 69 us, the race
 * analysis 8 us, sim_free 23 us - 278 us, three quarters of it setup and
 * teardown.  So:
 * - Compiling once and starting each run from the compiled code would
 *   save only that 10-20%, and it cannot be done from here: a Sim can be
 *   neither reset nor copied, and its code's constants and names live in
 *   its own heap.  Half the cost, sim_new, would remain.
 * - Forking a paused run at the branch point (as the REPL's snapshots do)
 *   is slower: fork and exit of this 6 MB process alone cost 110-170 us of
 *   the child's CPU, and a forked copy that runs a schedule 430-580 us
 *   (about a hundred copy-on-write faults, on the object pools),
 *   against 278 us for a fresh run from scratch.  It would save at most
 *   the setup and the prefix's part of the 69 us.
 * What did pay: the 2 MB object pool of every Sim (gc.c) came from mmap,
 * was faulted in (the kernel zeroing its pages) and unmapped again for
 * each schedule.  Keeping big blocks in malloc's heap (mallopt in
 * explore_run) lets a run reuse the memory of the run before: 419 us per
 * schedule before, 278 us after (sim_new 226 -> 132 us, sim_free 47 ->
 * 23 us).
 *
 * Each switch point ends a step; while a step runs, the debugger's op hook
 * (world.h) writes down what each op is about to read or write, as keys:
 * (a module's dict, a name) for globals, an object for its attributes,
 * items, or a builtin called on it (a lock's acquire, a queue's put), a
 * cell for a closure's variable, the output for a print; a builtin
 * function of module state (random) is a key itself.  After each run,
 * vector clocks over those accesses (and over the scheduler's wake-ups and
 * thread creations, which order steps too) find the races: a step and the
 * latest earlier step of another task that touches the same key, one of
 * them writing, with nothing else ordering them.  For each, the search
 * will also try the later step's task at the earlier one's switch point
 * (and at the start of that task's turn, so that a bound on preemptions
 * does not hide the race).  Alternatives never marked so are the pruned
 * ones: they only reorder steps that do not touch each other's data.
 *
 * Code that a builtin runs (a sort key, a __eq__ a list calls) is counted
 * in the builtin's step through its arguments, not op by op. */
#include "explore.h"
#include "aio.h"
#include "gen.h"
#include "goal.h"
#include "sched.h"
#include "schedule.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

/* A run with more switch points than this is too long to explore. */
#define MAX_POINTS 200000

typedef struct Access {
    const void *obj, *name;  /* the key: (dict, name) for a global, (object, NULL) */
    uintptr_t write;
} Access;

/* A switch point of the run, and the step after it. */
typedef struct Point {
    int cur;                 /* the task that could go on, or -1 */
    int def;                 /* what the model picks */
    int chosen;
    int choice;              /* its number among the run's choices, or -1 (one task) */
    int preempts;            /* preemptions before it */
    uint32_t en_off, en_n;   /* the tasks that could run (ints[]) */
    uint32_t fp_off, fp_n;   /* what the step did (acc[]) */
} Point;

/* The search's state at a point of the current path. */
typedef struct Node {
    BUF(int) bt;             /* tasks to try here */
    BUF(int) done;           /* tried */
} Node;

typedef struct Edge {
    int from;                /* a step */
    int to;                  /* a task whose next step comes after it */
} Edge;

typedef struct Explorer {
    const ExploreOptions *o;
    ExploreResult *res;
    Goal *goal;
    SchedChoice hook;
    BUF(Node) nodes;
    BUF(int) prefix;         /* the tasks chosen at points [0, prefix.n) */
    int branch;              /* and then this one (-1: none) */
    /* the run under way */
    Sim *S;
    BUF(Point) pts;
    BUF(int) ints;
    BUF(Access) acc;
    BUF(Edge) edges;
    BUF(uint8_t) started;    /* per task: has had a step */
    Task *open;              /* the task of the open step, or NULL */
    uint32_t where0;         /* the goal's line ranges it was in (goal_where) */
    size_t out0, err0;
    int preempts, choices;
    bool goal_met;
    bool broken;
    char why[200];
} Explorer;

void explore_options_init(ExploreOptions *o)
{
    memset(o, 0, sizeof *o);
    o->preemptions = 2;
    o->max_runs = 100000;
}

static int tid_of(Task *T) { return T->st->tid; }

static bool has(const int *v, size_t n, int x)
{
    for (size_t i = 0; i < n; i++)
        if (v[i] == x) return true;
    return false;
}

/* ---- what a step touches ---- */

static const char OUTPUT_KEY = 0, IMPORT_KEY = 0, REGION_KEYS[32] = {0};

static void touch(Explorer *x, const void *obj, const void *name, bool write)
{
    if (!x->open || !obj) return;
    Access a = {obj, name, write};
    BUF_PUSH(x->acc, a);
}

/* Objects whose state can be shared: containers, instances (locks,
 * queues, threads...), cells, iterators, generators, classes. */
static void touch_value(Explorer *x, Value v, bool write)
{
    if (!is_obj(v)) return;
    switch (v.u.o->kind) {
    case K_LIST: case K_DICT: case K_SET: case K_INSTANCE: case K_CELL: case K_ITER: case K_GEN: case K_CORO:
    case K_AGEN: case K_CLASS:
        touch(x, v.u.o, NULL, write);
        break;
    case K_MODULE: break; /* its attributes are (dict, name) keys */
    case K_METHOD: touch_value(x, AS_METHOD(v)->self, write); break;
    case K_TUPLE:
        /* a tuple does not change, but what it holds may */
        for (int64_t i = 0; i < AS_TUPLE(v)->n && i < 16; i++) touch_value(x, AS_TUPLE(v)->v[i], write);
        break;
    default: break;
    }
}

static void touch_attr(Explorer *x, Value obj, Str *name, bool write)
{
    if (is_kind(obj, K_MODULE)) touch(x, AS_MODULE(obj)->dict, name, write);
    else if (is_instance(obj)) {
        touch(x, obj.u.o, NULL, write);
        /* an attribute read may find the class's */
        if (!write) touch(x, AS_INST(obj)->cls, NULL, false);
    } else touch_value(x, obj, write);
}

/* Builtin functions that depend on no state but their arguments'. */
static bool pure_native(const char *name)
{
    static const char *const pure[] = {
        "len", "range", "isinstance", "issubclass", "print", "str", "int", "float", "bool", "repr", "abs", "min",
        "max", "sum", "sorted", "list", "tuple", "dict", "set", "frozenset", "enumerate", "zip", "map", "filter",
        "reversed", "any", "all", "iter", "next", "hash", "id", "type", "format", "chr", "ord", "divmod", "round",
        "pow", "callable", "hasattr", "getattr", "setattr", "delattr", "super", "object", "ascii", "bin", "hex",
        "oct", "sleep", "time", "perf_counter", "monotonic", "time_ns", "perf_counter_ns", "monotonic_ns",
        "current_thread", "get_ident", "getpid", "main_thread", "Lock", "RLock", "Condition", "Semaphore",
        "BoundedSemaphore", "Event", "Queue", "Thread", NULL,
    };
    for (int i = 0; pure[i]; i++)
        if (strcmp(pure[i], name) == 0) return true;
    return false;
}

static void touch_call(Explorer *x, Value callable, Value self, const Value *args, int nargs)
{
    Value fn = callable;
    if (is_kind(fn, K_METHOD)) {
        self = AS_METHOD(fn)->self;
        fn = AS_METHOD(fn)->func;
    }
    if (!is_kind(fn, K_NATIVE)) return; /* Python code: its own ops say */
    Native *n = AS_NATIVE(fn);
    if (!is_undef(n->bound) && !is_none(n->bound)) touch_value(x, n->bound, true);
    if (!is_undef(self)) touch_value(x, self, true);
    for (int i = 0; i < nargs; i++) touch_value(x, args[i], true);
    if (!n->owner && is_undef(self) && (is_undef(n->bound) || is_none(n->bound)) && !pure_native(n->name))
        touch(x, n, NULL, true); /* random.random(): the module's state */
}

static Explorer *explorer_of(Sim *S)
{
    const SchedChoice *c = sched_get_choice(S);
    return c ? c->ctx : NULL;
}

static bool ex_op(Task *T, Code *code, uint32_t pc, Frame *f, uint64_t nops, int64_t clk)
{
    (void)nops;
    (void)clk;
    Explorer *x = explorer_of(T->S);
    if (!x || T->nested) return false;
    uint32_t ins = code->ops[pc], arg = INSTR_ARG(ins);
    Value *sp = f->sp;
    Str **names = code->names;
    /* running a generator's body changes the generator (another task's
     * next() on it meanwhile fails: "generator already executing") */
    if (T->cur && T->cur->gen) touch(x, T->cur->gen, NULL, true);
    switch ((Opcode)INSTR_OP(ins)) {
    case OP_LOAD_GLOBAL: touch(x, f->globals, names[arg], false); break;
    case OP_STORE_GLOBAL: case OP_DELETE_GLOBAL: touch(x, f->globals, names[arg], true); break;
    case OP_LOAD_NAME:
        touch(x, f->ns, names[arg], false);
        if (f->ns != f->globals) touch(x, f->globals, names[arg], false);
        break;
    case OP_STORE_NAME: case OP_DELETE_NAME: touch(x, f->ns, names[arg], true); break;
    case OP_LOAD_ATTR: case OP_LOAD_METHOD: touch_attr(x, sp[-1], names[arg], false); break;
    case OP_STORE_ATTR: case OP_DELETE_ATTR: touch_attr(x, sp[-1], names[arg], true); break;
    case OP_BINARY_SUBSCR: touch_value(x, sp[-2], false); break;
    case OP_STORE_SUBSCR: case OP_DELETE_SUBSCR: touch_value(x, sp[-2], true); break;
    case OP_CONTAINS_OP: touch_value(x, sp[-1], false); break;
    case OP_GET_ITER: case OP_UNPACK_SEQUENCE: case OP_UNPACK_EX: case OP_GET_YIELD_FROM_ITER:
        touch_value(x, sp[-1], false);
        break;
    case OP_FOR_ITER:
        /* an iterator moves on (shared ones too), reading what it iterates */
        touch_value(x, sp[-1], true);
        if (is_kind(sp[-1], K_ITER)) touch_value(x, AS_ITER(sp[-1])->src, false);
        break;
    case OP_BINARY_OP:
        touch_value(x, sp[-2], (arg & BIN_INPLACE) != 0);
        touch_value(x, sp[-1], false);
        break;
    case OP_COMPARE_OP:
        touch_value(x, sp[-2], false);
        touch_value(x, sp[-1], false);
        break;
    case OP_FORMAT_VALUE: touch_value(x, sp[(arg & 0x100) ? -2 : -1], false); break;
    case OP_LIST_EXTEND: case OP_SET_UPDATE: case OP_DICT_UPDATE: case OP_DICT_MERGE: touch_value(x, sp[-1], false); break;
    case OP_LOAD_DEREF: case OP_LOAD_CLASSDEREF: touch_value(x, f->locals[arg], false); break;
    case OP_STORE_DEREF: case OP_DELETE_DEREF: touch_value(x, f->locals[arg], true); break;
    case OP_CALL: {
        /* armed, the call stops at its eval-breaker check first: it runs
         * in the next step */
        if (T->breaker) break;
        int argc = (int)(arg & 0xFF);
        Value *base = sp - argc - 2;
        touch_call(x, base[0], base[1], base + 2, argc);
        break;
    }
    case OP_CALL_FUNCTION_EX: {
        int kw = (int)(arg & 1);
        Value posargs = sp[-1 - kw];
        Value callable = sp[-3 - kw];
        if (is_tuple(posargs)) touch_call(x, callable, v_undef(), AS_TUPLE(posargs)->v, (int)AS_TUPLE(posargs)->n);
        else touch_call(x, callable, v_undef(), &posargs, 1);
        if (kw) touch_value(x, sp[-1], true);
        break;
    }
    case OP_IMPORT_NAME: touch(x, &IMPORT_KEY, NULL, true); break;
    default: break;
    }
    return false;
}

static bool ex_interrupted(Task *T, int64_t clk, uint64_t nops)
{
    (void)T, (void)clk, (void)nops;
    return false;
}
static bool ex_pausing(Sim *S) { return (void)S, false; }
static bool ex_pause_before(Sim *S, int64_t t) { return (void)S, (void)t, false; }
static int64_t ex_stop_time(Sim *S) { return (void)S, -1; }

static const DebugHooks ex_hooks = {ex_op, ex_interrupted, ex_pausing, ex_pause_before, ex_stop_time};

static int access_cmp(const void *a, const void *b)
{
    const Access *x = a, *y = b;
    if (x->obj != y->obj) return (uintptr_t)x->obj < (uintptr_t)y->obj ? -1 : 1;
    if (x->name != y->name) return (uintptr_t)x->name < (uintptr_t)y->name ? -1 : 1;
    return x->write < y->write ? 1 : x->write > y->write ? -1 : 0; /* writes first */
}

/* The open step ends: what it touched, each key once (a write if any). */
static void close_step(Explorer *x)
{
    if (!x->open) return;
    Sim *S = x->S;
    Task *T = x->open;
    if (S->out.n != x->out0 || S->err.n != x->err0) touch(x, &OUTPUT_KEY, NULL, true);
    if (T->st->done) touch_value(x, T->thread_obj, true);
    if (x->goal) {
        /* entering or leaving a line range of the goal orders this step
         * against the others that do: `together` sees every order */
        uint32_t moved = goal_where(x->goal, S, T) ^ x->where0;
        for (int b = 0; b < 32; b++)
            if (moved >> b & 1) touch(x, &REGION_KEYS[b], NULL, true);
    }
    Point *p = &x->pts.v[x->pts.n - 1];
    Access *a = x->acc.v + p->fp_off;
    size_t n = x->acc.n - p->fp_off, k = 0;
    /* (sorting by address only groups equal keys: the order is not used) */
    if (n > 1) qsort(a, n, sizeof *a, access_cmp);
    for (size_t i = 0; i < n; i++)
        if (!k || a[i].obj != a[k - 1].obj || a[i].name != a[k - 1].name) a[k++] = a[i];
    x->acc.n = p->fp_off + k;
    p->fp_n = (uint32_t)k;
    x->open = NULL;
}

static void stop_run(Explorer *x, Sim *S, const char *why)
{
    x->broken = true;
    snprintf(x->why, sizeof x->why, "%s", why);
    S->fatal.set = true;
    snprintf(S->fatal.msg, sizeof S->fatal.msg, "%s", why);
}

static int ex_pick(Sim *S, void *ctx, Task *cur, Task *const *cands, int n, int def)
{
    Explorer *x = ctx;
    close_step(x);
    if (x->goal && !x->goal_met && goal_check_now(x->goal, S)) x->goal_met = true;
    size_t i = x->pts.n;
    if (i >= MAX_POINTS) {
        char why[200];
        snprintf(why, sizeof why, "a run has more than %d switch points: too long to explore (try less work per thread)",
                 MAX_POINTS);
        stop_run(x, S, why);
        return SCHED_STOP;
    }
    int want = i < x->prefix.n ? x->prefix.v[i] : i == x->prefix.n ? x->branch : -1;
    int k = def;
    if (want >= 0) {
        k = -1;
        for (int j = 0; j < n; j++)
            if (tid_of(cands[j]) == want) k = j;
        if (k < 0) {
            stop_run(x, S, "internal error: a run went differently with the same schedule");
            return SCHED_STOP;
        }
    }
    Point p = {0};
    p.cur = cur ? tid_of(cur) : -1;
    p.def = tid_of(cands[def]);
    p.chosen = tid_of(cands[k]);
    p.choice = n > 1 ? x->choices++ : -1;
    p.preempts = x->preempts;
    p.en_off = (uint32_t)x->ints.n;
    p.en_n = (uint32_t)n;
    for (int j = 0; j < n; j++) BUF_PUSH(x->ints, tid_of(cands[j]));
    p.fp_off = (uint32_t)x->acc.n;
    /* a switch away from cur where the model would not switch */
    if (cur && k != 0 && def == 0) x->preempts++;
    BUF_PUSH(x->pts, p);
    x->open = cands[k];
    x->where0 = x->goal ? goal_where(x->goal, S, cands[k]) : 0;
    x->out0 = S->out.n;
    x->err0 = S->err.n;
    int t = p.chosen;
    while ((int)x->started.n <= t) BUF_PUSH(x->started, 0);
    if (!x->started.v[t]) {
        /* its first step: after whoever started it */
        x->started.v[t] = 1;
        touch_value(x, cands[k]->thread_obj, true);
    }
    return k;
}

static void ex_edge(Sim *S, void *ctx, Task *T)
{
    (void)S;
    Explorer *x = ctx;
    if (!x->pts.n) return;
    Edge e = {(int)x->pts.n - 1, tid_of(T)};
    BUF_PUSH(x->edges, e);
}

static void ex_end(Sim *S, void *ctx)
{
    Explorer *x = ctx;
    close_step(x);
    if (x->goal && !x->goal_met && goal_check_end(x->goal, S)) x->goal_met = true;
}

/* ---- outcomes ---- */

/* Uncaught exceptions from the tracebacks on stderr, in words. */
static void exceptions_of(const char *err, size_t n, SBuf *out)
{
    const char *end = err + n, *prev = NULL, *p = err;
    while (p < end) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol) eol = end;
        if ((size_t)(eol - p) == 34 && memcmp(p, "Traceback (most recent call last):", 34) == 0) {
            /* the exception is the first line after it that is not indented */
            const char *q = eol < end ? eol + 1 : end;
            while (q < end && (*q == ' ' || *q == '\n')) {
                const char *e2 = memchr(q, '\n', (size_t)(end - q));
                q = e2 ? e2 + 1 : end;
            }
            const char *qe = q < end ? memchr(q, '\n', (size_t)(end - q)) : NULL;
            if (!qe) qe = end;
            if (out->n) sb_puts(out, "; ");
            static const char thr[] = "Exception in thread ";
            if (prev && (size_t)(p - prev) > sizeof thr && memcmp(prev, thr, sizeof thr - 1) == 0)
                sb_printf(out, "in %.*s: ", (int)(p - 2 - prev - (sizeof thr - 1)), prev + sizeof thr - 1);
            else if (prev && prev[0] == 'P' && strncmp(prev, "Process ", 8) == 0)
                sb_printf(out, "in %.*s: ", (int)(p - 2 - prev - 8), prev + 8);
            sb_put(out, q, (size_t)(qe - q));
            p = qe;
        }
        prev = p;
        p = eol < end ? eol + 1 : end;
    }
}

static char *schedule_of(Explorer *x)
{
    SBuf b = {0};
    sb_printf(&b, "%c:", x->res->mode);
    bool first = true;
    for (size_t i = 0; i < x->pts.n; i++) {
        const Point *p = &x->pts.v[i];
        if (p->choice < 0 || p->chosen == p->def) continue;
        sb_printf(&b, "%s%d@%d", first ? "" : ",", p->chosen, p->choice);
        first = false;
    }
    sb_printf(&b, "/%d", x->choices);
    return sb_take(&b);
}

static void record_outcome(Explorer *x, Sim *S)
{
    ExploreResult *r = x->res;
    int status = S->status == SIM_OK ? 0 : S->status == SIM_EXIT ? S->exit_code : S->status == SIM_DEADLOCK ? 3 : 1;
    bool deadlock = S->status == SIM_DEADLOCK;
    SBuf e = {0};
    if (S->status == SIM_DEADLOCK || S->status == SIM_FATAL) sb_puts(&e, S->fatal.msg);
    SBuf ex = {0};
    exceptions_of(S->err.s ? S->err.s : "", S->err.n, &ex);
    if (ex.n) sb_printf(&e, "%s%s", e.n ? "; " : "", ex.s);
    sb_free(&ex);
    char *error = e.n ? sb_take(&e) : NULL;
    sb_free(&e);
    int found = -1;
    for (int i = 0; i < r->n && found < 0; i++) {
        ExploreOutcome *o = &r->v[i];
        if (o->outn == S->out.n && (!o->outn || memcmp(o->out, S->out.s, o->outn) == 0) && o->exit_status == status &&
            o->deadlock == deadlock && ((!o->error && !error) || (o->error && error && strcmp(o->error, error) == 0)))
            found = i;
    }
    if (found < 0) {
        r->v = xrealloc(r->v, (size_t)(r->n + 1) * sizeof *r->v);
        ExploreOutcome *o = &r->v[r->n++];
        memset(o, 0, sizeof *o);
        o->out = xstrndup(S->out.s ? S->out.s : "", S->out.n);
        o->outn = S->out.n;
        o->exit_status = status;
        o->deadlock = deadlock;
        o->error = error;
        o->schedule = schedule_of(x);
        found = r->n - 1;
    } else {
        free(error);
    }
    r->v[found].count++;
    if (x->goal_met) {
        r->v[found].goal = true;
        if (!r->goal_runs++) r->goal_schedule = schedule_of(x);
    }
}

/* ---- the reduction: races of the run just made ---- */

typedef struct KeySlot {
    const void *obj, *name;
    int last_write;          /* a step, or -1 */
    BUF(int) reads;          /* steps that read it since, one per task */
} KeySlot;

typedef struct KeyMap {
    KeySlot *v;
    size_t cap, n;
} KeyMap;

static size_t key_hash(const void *obj, const void *name)
{
    uint64_t h = (uint64_t)(uintptr_t)obj * 0x9E3779B97F4A7C15ULL ^ (uint64_t)(uintptr_t)name * 0xC2B2AE3D27D4EB4FULL;
    return (size_t)(h ^ (h >> 29));
}

static KeySlot *key_find(KeyMap *m, const void *obj, const void *name)
{
    if (m->n * 2 >= m->cap) {
        KeyMap big = {xcalloc(m->cap ? m->cap * 2 : 256, sizeof(KeySlot)), m->cap ? m->cap * 2 : 256, 0};
        for (size_t i = 0; i < m->cap; i++)
            if (m->v[i].obj) {
                size_t j = key_hash(m->v[i].obj, m->v[i].name) & (big.cap - 1);
                while (big.v[j].obj) j = (j + 1) & (big.cap - 1);
                big.v[j] = m->v[i];
                big.n++;
            }
        free(m->v);
        *m = big;
    }
    size_t j = key_hash(obj, name) & (m->cap - 1);
    while (m->v[j].obj && (m->v[j].obj != obj || m->v[j].name != name)) j = (j + 1) & (m->cap - 1);
    if (!m->v[j].obj) {
        m->v[j].obj = obj;
        m->v[j].name = name;
        m->v[j].last_write = -1;
        m->n++;
    }
    return &m->v[j];
}

static void key_map_free(KeyMap *m)
{
    for (size_t i = 0; i < m->cap; i++) BUF_FREE(m->v[i].reads);
    free(m->v);
}

static void add_unique(Node *nd, int t)
{
    if (!has(nd->bt.v, nd->bt.n, t)) BUF_PUSH(nd->bt, t);
}

/* Try task t at point i (all that could run there, when t could not). */
static void backtrack_at(Explorer *x, size_t i, int t)
{
    const Point *p = &x->pts.v[i];
    Node *nd = &x->nodes.v[i];
    const int *en = x->ints.v + p->en_off;
    if (has(en, p->en_n, t)) add_unique(nd, t);
    else
        for (uint32_t k = 0; k < p->en_n; k++) add_unique(nd, en[k]);
}

static void add_backtrack(Explorer *x, size_t i, int t)
{
    backtrack_at(x, i, t);
    /* and where the task of step i began its turn (Coons et al.) */
    size_t b = i;
    while (b > 0 && x->pts.v[b - 1].chosen == x->pts.v[i].chosen) b--;
    if (b != i) backtrack_at(x, b, t);
}

/* Find the races of the run (those of steps from `from` on are new). */
static void analyze(Explorer *x, size_t from)
{
    size_t np = x->pts.n;
    int nt = 0;
    for (size_t i = 0; i < np; i++)
        if (x->pts.v[i].chosen >= nt) nt = x->pts.v[i].chosen + 1;
    for (size_t i = 0; i < x->edges.n; i++)
        if (x->edges.v[i].to >= nt) nt = x->edges.v[i].to + 1;
    int *vc = xcalloc(np * (size_t)nt + 1, sizeof *vc);
    int *local = xcalloc(np + 1, sizeof *local);
    int *last = xmalloc((size_t)nt * sizeof *last);  /* each task's latest step */
    int *count = xcalloc((size_t)nt, sizeof *count);
    int *pre = xmalloc((size_t)nt * sizeof *pre);
    for (int t = 0; t < nt; t++) last[t] = -1;
    KeyMap keys = {0};
    size_t ei = 0;
    /* edges into a task, consumed at its first step after them */
    BUF(Edge) pending = {0};
    for (size_t j = 0; j < np; j++) {
        const Point *p = &x->pts.v[j];
        int t = p->chosen;
        while (ei < x->edges.n && x->edges.v[ei].from < (int)j) BUF_PUSH(pending, x->edges.v[ei++]);
        if (last[t] >= 0) memcpy(pre, vc + (size_t)last[t] * (size_t)nt, (size_t)nt * sizeof *pre);
        else memset(pre, 0, (size_t)nt * sizeof *pre);
        for (size_t k = 0; k < pending.n;) {
            if (pending.v[k].to != t) {
                k++;
                continue;
            }
            const int *o = vc + (size_t)pending.v[k].from * (size_t)nt;
            for (int q = 0; q < nt; q++)
                if (o[q] > pre[q]) pre[q] = o[q];
            pending.v[k] = pending.v[--pending.n];
        }
        int *mine = vc + j * (size_t)nt;
        memcpy(mine, pre, (size_t)nt * sizeof *pre);
        int race = -1;
        const Access *a = x->acc.v + p->fp_off;
        for (uint32_t k = 0; k < p->fp_n; k++) {
            KeySlot *ks = key_find(&keys, a[k].obj, a[k].name);
            int cand[1 + 64];
            int nc = 0;
            if (ks->last_write >= 0) cand[nc++] = ks->last_write;
            if (a[k].write)
                for (size_t r = 0; r < ks->reads.n && nc < 65; r++) cand[nc++] = ks->reads.v[r];
            for (int c = 0; c < nc; c++) {
                int i = cand[c];
                int q = x->pts.v[i].chosen;
                if (q == t) continue;
                if (pre[q] < local[i] && i > race) race = i;
                const int *o = vc + (size_t)i * (size_t)nt;
                for (int u = 0; u < nt; u++)
                    if (o[u] > mine[u]) mine[u] = o[u];
            }
        }
        local[j] = ++count[t];
        mine[t] = local[j];
        last[t] = (int)j;
        for (uint32_t k = 0; k < p->fp_n; k++) {
            KeySlot *ks = key_find(&keys, a[k].obj, a[k].name);
            if (a[k].write) {
                ks->last_write = (int)j;
                ks->reads.n = 0;
            } else {
                size_t r = 0;
                while (r < ks->reads.n && x->pts.v[ks->reads.v[r]].chosen != t) r++;
                if (r < ks->reads.n) ks->reads.v[r] = (int)j;
                else BUF_PUSH(ks->reads, (int)j);
            }
        }
        if (j >= from && race >= 0) add_backtrack(x, (size_t)race, t);
    }
    BUF_FREE(pending);
    key_map_free(&keys);
    free(vc);
    free(local);
    free(last);
    free(count);
    free(pre);
}

/* ---- the search ---- */

static int cost_at(const Point *p, int t) { return p->cur >= 0 && t != p->cur && p->def == p->cur; }

static bool in_bound(Explorer *x, const Point *p, int t)
{
    return x->o->preemptions < 0 || p->preempts + cost_at(p, t) <= x->o->preemptions;
}

/* Point i leaves the path: count what was not tried there. */
static void leave_node(Explorer *x, size_t i)
{
    const Point *p = &x->pts.v[i];
    Node *nd = &x->nodes.v[i];
    const int *en = x->ints.v + p->en_off;
    for (uint32_t k = 0; k < p->en_n; k++) {
        if (has(nd->done.v, nd->done.n, en[k])) continue;
        if (!in_bound(x, p, en[k])) x->res->beyond++;
        else if (!has(nd->bt.v, nd->bt.n, en[k])) x->res->pruned++;
    }
    BUF_FREE(nd->bt);
    BUF_FREE(nd->done);
}

/* The next branch: the deepest point with a task left to try within the
 * bound.  False when the search is over. */
static bool next_branch(Explorer *x)
{
    for (size_t i = x->pts.n; i-- > 0;) {
        const Point *p = &x->pts.v[i];
        Node *nd = &x->nodes.v[i];
        int best = -1;
        for (size_t k = 0; k < nd->bt.n; k++) {
            int t = nd->bt.v[k];
            if (has(nd->done.v, nd->done.n, t) || !in_bound(x, p, t)) continue;
            if (best < 0 || t < best) best = t;
        }
        if (best < 0) {
            leave_node(x, i);
            x->nodes.n = i;
            continue;
        }
        BUF_PUSH(nd->done, best);
        x->prefix.n = 0;
        for (size_t j = 0; j < i; j++) BUF_PUSH(x->prefix, x->pts.v[j].chosen);
        x->branch = best;
        x->nodes.n = i + 1;
        return true;
    }
    return false;
}

static void reset_run(Explorer *x)
{
    x->pts.n = x->ints.n = x->acc.n = x->edges.n = x->started.n = 0;
    x->open = NULL;
    x->preempts = x->choices = 0;
    x->goal_met = false;
    if (x->goal) goal_reset(x->goal);
}

/* One run under the current prefix and branch.  False when it could not
 * be made (the file does not load: err). */
static bool run_one(Explorer *x, const char *name, const char *src, size_t len, const char *const *sets, int nsets,
                    LoadError *err)
{
    Sim *S = sim_new();
    if (!sim_load_source(S, name, src, len, sets, nsets, err)) {
        sim_free(S);
        return false;
    }
    reset_run(x);
    x->S = S;
    sched_set_choice(S, &x->hook);
    S->hooks = &ex_hooks;
    S->debug_ops = true;
    while (!sched_run(S)) {
    }
    if (S->main_task) aio_warn_unretrieved(S);
    gen_warn_unawaited(S);
    size_t from = x->prefix.n;
    /* the path's new points start untried */
    for (size_t i = x->nodes.n; i < x->pts.n; i++) {
        Node nd = {0};
        BUF_PUSH(nd.done, x->pts.v[i].chosen);
        BUF_PUSH(x->nodes, nd);
    }
    if (!x->broken) {
        x->res->runs++;
        x->res->steps += (int64_t)x->pts.n;
        if (x->preempts > x->res->max_preemptions) x->res->max_preemptions = x->preempts;
        record_outcome(x, S);
        if (x->o->no_reduction) {
            for (size_t i = from; i < x->pts.n; i++) {
                const Point *p = &x->pts.v[i];
                for (uint32_t k = 0; k < p->en_n; k++) add_unique(&x->nodes.v[i], x->ints.v[p->en_off + k]);
            }
        } else {
            analyze(x, from);
        }
    }
    x->S = NULL;
    sim_free(S);
    return true;
}

/* Most schedules first; among equals, the first found first. */
static void sort_outcomes(ExploreResult *r)
{
    for (int i = 1; i < r->n; i++) {
        ExploreOutcome o = r->v[i];
        int j = i;
        for (; j > 0 && r->v[j - 1].count < o.count; j--) r->v[j] = r->v[j - 1];
        r->v[j] = o;
    }
}

bool explore_run(const char *path, const char *const *sets, int nsets, const ExploreOptions *o, ExploreResult *r,
                 LoadError *err)
{
    memset(r, 0, sizeof *r);
    memset(err, 0, sizeof *err);
#if defined(__GLIBC__) && defined(M_MMAP_THRESHOLD)
    /* thousands of Sims, one after another: their big blocks (the 2 MB
     * object pools) stay in the heap for the next, instead of an mmap,
     * page faults and a munmap each time (process-wide, for good) */
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
#endif
    size_t len;
    char *src = read_file(path, &len);
    const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
    if (!src) {
        snprintf(err->file, sizeof err->file, "%s", path);
        snprintf(err->msg, sizeof err->msg, "cannot read '%s'", path);
        return false;
    }
    /* the settings and the goal, from a first load */
    const char **all = xmalloc((size_t)(nsets + 1) * sizeof *all);
    for (int i = 0; i < nsets; i++) all[i] = sets[i];
    if (o->every_op) all[nsets++] = "preempt=every_op";
    Sim *S = sim_new();
    bool ok = sim_load_source(S, name, src, len, all, nsets, err);
    Explorer x = {0};
    x.o = o;
    x.res = r;
    x.branch = -1;
    if (ok) {
        r->mode = schedule_mode(sim_settings(S));
        const char *g = o->goal ? o->goal : S->set.text[SET_goal];
        if (g) {
            x.goal = goal_parse(g, err->msg, sizeof err->msg);
            if (!x.goal) {
                snprintf(err->file, sizeof err->file, "%s", name);
                ok = false;
            } else {
                r->has_goal = true;
                r->goal_text = xstrdup(g);
            }
        }
    }
    sim_free(S);
    x.hook.pick = ex_pick;
    x.hook.edge = ex_edge;
    x.hook.end = ex_end;
    x.hook.ctx = &x;
    if (ok) {
        for (;;) {
            if (!run_one(&x, name, src, len, all, nsets, err)) {
                ok = false;
                break;
            }
            if (x.broken) {
                snprintf(r->stopped, sizeof r->stopped, "%s", x.why);
                break;
            }
            if (o->until_goal && r->goal_runs) {
                snprintf(r->stopped, sizeof r->stopped, "stopped at the first schedule that reaches the goal");
                break;
            }
            if (o->progress && !o->progress(o->progress_ctx, r->runs)) {
                snprintf(r->stopped, sizeof r->stopped, "interrupted");
                break;
            }
            if (!next_branch(&x)) {
                r->complete = true;
                break;
            }
            if (r->runs >= o->max_runs) {
                snprintf(r->stopped, sizeof r->stopped, "stopped at --max-runs %lld", (long long)o->max_runs);
                break;
            }
        }
    }
    for (size_t i = 0; i < x.nodes.n; i++) {
        BUF_FREE(x.nodes.v[i].bt);
        BUF_FREE(x.nodes.v[i].done);
    }
    BUF_FREE(x.nodes);
    BUF_FREE(x.prefix);
    BUF_FREE(x.pts);
    BUF_FREE(x.ints);
    BUF_FREE(x.acc);
    BUF_FREE(x.edges);
    BUF_FREE(x.started);
    goal_free(x.goal);
    free(all);
    free(src);
    sort_outcomes(r);
    return ok;
}

void explore_result_free(ExploreResult *r)
{
    for (int i = 0; i < r->n; i++) {
        free(r->v[i].out);
        free(r->v[i].error);
        free(r->v[i].schedule);
    }
    free(r->v);
    free(r->goal_text);
    free(r->goal_schedule);
    memset(r, 0, sizeof *r);
}
