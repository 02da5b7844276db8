/* list.c - list storage: creation and growth.  The list methods are in
 * methods.c. */
#include "list.h"
#include "gc.h"

#include <stdlib.h>

List *list_new(Sim *S, int64_t cap)
{
    List *l = gc_alloc(S, K_LIST, sizeof(List));
    if (cap > 0) {
        l->v = xmalloc((size_t)cap * sizeof(Value));
        l->cap = cap;
        gc_account(S, &l->h, cap * (int64_t)sizeof(Value));
    }
    return l;
}

static void list_grow(Sim *S, List *l, int64_t need)
{
    if (need <= l->cap) return;
    int64_t nc = need + (need >> 3) + (need < 9 ? 3 : 6);
    l->v = xrealloc(l->v, (size_t)nc * sizeof(Value));
    gc_account(S, &l->h, (nc - l->cap) * (int64_t)sizeof(Value));
    l->cap = nc;
}

void list_append(Sim *S, List *l, Value v)
{
    if (l->n == l->cap) list_grow(S, l, l->n + 1);
    l->v[l->n++] = v;
}

void list_insert(Sim *S, List *l, int64_t i, Value v)
{
    if (i < 0) i += l->n;
    if (i < 0) i = 0;
    if (i > l->n) i = l->n;
    if (l->n == l->cap) list_grow(S, l, l->n + 1);
    memmove(l->v + i + 1, l->v + i, (size_t)(l->n - i) * sizeof(Value));
    l->v[i] = v;
    l->n++;
}
