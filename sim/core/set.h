/* set.h - set and frozenset storage, in CPython 3.11's layout. */
#ifndef IL_SET_H
#define IL_SET_H

#include "world.h"

Set *set_new(Sim *S, bool frozen);
/* The same with `extra` zeroed bytes after the set (a subclass's SubExt). */
Set *set_new_with(Sim *S, bool frozen, size_t extra);
int set_add(Task *T, Set *s, Value key);               /* 0 ok, -1 err */
int set_contains(Task *T, Set *s, Value key);          /* 1, 0, -1 */
int set_discard(Task *T, Set *s, Value key);           /* 1 removed, 0, -1 */
bool set_next(Set *s, int64_t *pos, Value *key);
int set_update(Task *T, Set *s, Value iterable);       /* 0 ok, -1 err */
void set_clear(Sim *S, Set *s);

#endif
