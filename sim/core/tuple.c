/* tuple.c - tuple storage: a tuple's items live in its own allocation. */
#include "tuple.h"
#include "gc.h"

Tuple *tuple_new(Sim *S, int64_t n)
{
    Tuple *t = gc_alloc(S, K_TUPLE, sizeof(Tuple) + (size_t)n * sizeof(Value));
    t->n = n;
    for (int64_t i = 0; i < n; i++) t->v[i] = v_none();
    return t;
}

Value tuple_pair(Sim *S, Value a, Value b)
{
    Tuple *t = tuple_new(S, 2);
    t->v[0] = a;
    t->v[1] = b;
    return v_obj(t);
}
