/* vm.h - the bytecode interpreter's entry points, the contexts (frame
 * stacks) it runs, and the cost model of O(n) work.  Internal to sim/:
 * front ends use sim.h. */
#ifndef IL_VM_H
#define IL_VM_H

#include "world.h"
#include "exc.h"

/* ---- interpreter entry points (vm.c) ---- */

/* Run T->cur until it blocks, finishes, errs, or T->clock reaches T->limit. */
RunStatus vm_run(Task *T);
/* Make func(*args) the base frame of T->cur (a thread's entry, a task's
 * coroutine).  A native runs at once: returns 1 with *out set.  Returns 0
 * when a frame was pushed, -1 with an exception on T. */
int vm_start_call(Task *T, Value func, Value *args, int nargs, Tuple *kwnames, Value *out);
/* Push module code as the base frame of T->cur. */
void vm_start_module(Task *T, Code *code, Dict *globals);
/* Call a callable from C and run it to completion on T (atomically: it may
 * not block).  Returns 0 with *out, or -1 with an exception on T. */
int vm_call(Task *T, Value func, Value *args, int nargs, Tuple *kwnames, Value *out);
/* object.__new__(cls, *args): an instance of cls made as a builtin base
 * makes it, without __init__.  0 with *out, or -1 with an exception. */
int vm_object_new(Task *T, Class *cls, Value *args, int nargs, Tuple *kwnames, Value *out);
/* Call a method by name on obj. -1 with exception if missing or failing. */
int vm_call_method(Task *T, Value obj, Str *name, Value *args, int nargs, Value *out);

/* ---- the cost of O(n) work inside one op or builtin ----
 * Every op costs its weight times op_cost; a builtin, method or operator
 * that does O(n) work also charges op_cost per element it touches, through
 * these two, so the whole model is one rule: charge_items for elements
 * (values compared, copied, hashed, characters scanned) and charge_bytes
 * for bulk copies of string data (one element per 8 bytes, as memcpy). */
static inline void charge_items(Task *T, int64_t n)
{
    /* the task's own cost table when jitter gives it one, as ops use */
    if (n > 0) T->clock += (T->opcost ? T->opcost : T->S->opcost)[OP_NOP] * n;
}
static inline void charge_bytes(Task *T, int64_t nbytes) { charge_items(T, nbytes / 8); }

/* Runs of Python code from C (key functions, generators driven by
 * builtins, __repr__...) recurse on the C stack; past this depth they raise
 * RecursionError instead of overflowing it. */
#define MAX_NESTED_RUNS 150
int vm_recursion_error(Task *T);
/* MemoryError for a heap past the max_memory setting (-1). */
int vm_memory_error(Task *T);
/* Stop the run because its record passed max_trace (S->trace->room < 0). */
void vm_trace_full(Sim *S);
/* A loop in C (a builtin taking items from an iterator) checks the run's
 * limits every so many items: max_ops and max_time end the run (S->fatal,
 * with an exception to unwind the native; the VM then stops), a heap past
 * max_memory raises MemoryError.  0, or -1. */
int vm_c_loop_check(Task *T);
/* How often a long slice asks DebugHooks.interrupted, in ops. */
#define POLL_OPS (1u << 22)

Frame *vm_top_frame(Task *T);
/* A closure cell holding v. */
Cell *vm_cell_new(Sim *S, Value v);
void vm_ctx_init(Ctx *c);
void vm_ctx_free(Ctx *c);
void vm_ctx_mark(Sim *S, Ctx *c);

#endif
