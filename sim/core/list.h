/* list.h - list storage. */
#ifndef IL_LIST_H
#define IL_LIST_H

#include "world.h"

List *list_new(Sim *S, int64_t cap);
void list_append(Sim *S, List *l, Value v);
void list_insert(Sim *S, List *l, int64_t i, Value v);

#endif
