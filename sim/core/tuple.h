/* tuple.h - tuple storage. */
#ifndef IL_TUPLE_H
#define IL_TUPLE_H

#include "world.h"

Tuple *tuple_new(Sim *S, int64_t n);   /* items V_NONE */
Value tuple_pair(Sim *S, Value a, Value b);

#endif
