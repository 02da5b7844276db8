/* gc.h - a precise mark-and-sweep collector and the allocation of heap
 * objects (pooled when small).  Roots: the world's own, every task's frames,
 * and the state slots of the layers above (world.h). */
#ifndef IL_GC_H
#define IL_GC_H

#include "world.h"

void *gc_alloc(Sim *S, ObjKind kind, size_t size);
void gc_account(Sim *S, Obj *o, int64_t delta); /* a payload grew or shrank */
void gc_mark_value(Sim *S, Value v);
void gc_mark_obj(Sim *S, Obj *o);
void gc_collect(Sim *S);
void gc_free_all(Sim *S);

#endif
