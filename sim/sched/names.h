/* names.h - names for trace objects, after the variables that refer to them. */
#ifndef IL_NAMES_H
#define IL_NAMES_H

#include "sched.h"

/* Give trace objects the names of variables that refer to them. */
void names_trace_objects(Sim *S);
/* Visit (name, value) for every variable of every process and task frame,
 * one level into instances and lists (names.c). */
void names_walk(Sim *S, void (*fn)(Sim *S, void *ctx, const char *name, Value v), void *ctx);
/* The same, leaving out the frames of the simulator's library code. */
void names_walk_program(Sim *S, void (*fn)(Sim *S, void *ctx, const char *name, Value v), void *ctx);

#endif
