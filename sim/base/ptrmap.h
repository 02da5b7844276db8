/* ptrmap.h - a hash map from pointers to 64-bit integers: object ids
 * (obj.c), the copies made while pickling (proc.c), gather's repeated
 * arguments (aio.c).  It only answers "what is stored for this pointer?";
 * nobody iterates it, so the addresses it hashes never show in a run. */
#ifndef IL_PTRMAP_H
#define IL_PTRMAP_H

#include "common.h"

typedef struct PtrMap {
    const void **keys;    /* NULL: empty slot */
    int64_t *vals;
    size_t cap, n;        /* cap: 0 or a power of two */
} PtrMap;

/* The value stored for key, or NULL. */
int64_t *ptrmap_find(const PtrMap *m, const void *key);
/* Store val for key (replacing any); returns where it is stored. */
int64_t *ptrmap_put(PtrMap *m, const void *key, int64_t val);
/* Remove key; false when it was absent. */
bool ptrmap_del(PtrMap *m, const void *key);
void ptrmap_free(PtrMap *m);

#endif
