/* pack.c - append-only tables of small integer records, packed in bytes.
 *
 * The trace records every state change and event of a run, millions of
 * them: 1000 threads taking a lock a thousand times each make two million
 * events, and 100,000 asyncio tasks stepping ten times two million state
 * changes.  As fixed structs (16-28 bytes each) they were most of such a
 * run's memory, and first touching that memory most of its time (a fresh
 * page costs ~25 us on these VMs).  Consecutive records differ in few
 * fields and by little - the time moves on by a few hundred ns, the same
 * task takes and releases the same lock - so each record is stored as a
 * byte saying which fields changed, then each change as a zigzag varint of
 * the difference: 3 to 6 bytes instead of 16 to 28.
 *
 * Reads must stay cheap for the front ends, which scan the trace forwards,
 * backwards and by binary search: records are grouped in blocks of
 * PACK_BLOCK, each starting from all-zero fields, so record i is decoded
 * from its block's start; a read decodes the whole block into a cache, and
 * the next reads of that block are copies. */
#include "pack.h"

#include <stdlib.h>
#include <string.h>

struct PackCache {
    size_t block;   /* which block rec holds, SIZE_MAX none */
    size_t count;   /* how many of its records */
    int64_t rec[PACK_BLOCK][PACK_MAX_FIELDS];
};

void pack_init(Pack *p, int nf)
{
    memset(p, 0, sizeof *p);
    p->nf = nf < PACK_MAX_FIELDS ? nf : PACK_MAX_FIELDS;
    p->cache = xcalloc(1, sizeof *p->cache);
    p->cache->block = SIZE_MAX;
}

void pack_free(Pack *p)
{
    BUF_FREE(p->bytes);
    BUF_FREE(p->blocks);
    free(p->cache);
    p->cache = NULL;
    p->n = 0;
}

/* One field: nothing when it did not change, else its zigzag varint. */
static inline uint8_t *put_field(Pack *p, const int64_t *rec, int f, uint8_t *w, unsigned *changed)
{
    /* differences in unsigned arithmetic: they may wrap, never overflow */
    uint64_t d = (uint64_t)rec[f] - (uint64_t)p->last[f];
    if (!d) return w;
    p->last[f] = rec[f];
    *changed |= 1u << f;
    uint64_t z = d << 1 ^ (0 - (d >> 63));
    while (z >= 0x80) {
        *w++ = (uint8_t)(z | 0x80);
        z >>= 7;
    }
    *w++ = (uint8_t)z;
    return w;
}

size_t pack_push(Pack *p, const int64_t *rec)
{
    if (p->n % PACK_BLOCK == 0) {
        BUF_PUSH(p->blocks, p->bytes.n);
        memset(p->last, 0, sizeof p->last);
    }
    BUF_GROW(p->bytes, 1 + 10 * PACK_MAX_FIELDS);
    uint8_t *start = p->bytes.v + p->bytes.n, *w = start + 1;
    unsigned changed = 0;
    /* written out field by field: an asyncio task step records two
     * records, and a loop over p->nf cost 150 instructions a record */
    int nf = p->nf;
    w = put_field(p, rec, 0, w, &changed);
    if (nf > 1) w = put_field(p, rec, 1, w, &changed);
    if (nf > 2) w = put_field(p, rec, 2, w, &changed);
    if (nf > 3) w = put_field(p, rec, 3, w, &changed);
    if (nf > 4) w = put_field(p, rec, 4, w, &changed);
    if (nf > 5) w = put_field(p, rec, 5, w, &changed);
    if (nf > 6) w = put_field(p, rec, 6, w, &changed);
    if (nf > 7) w = put_field(p, rec, 7, w, &changed);
    *start = (uint8_t)changed;
    size_t used = (size_t)(w - start);
    p->bytes.n += used;
    p->n++;
    return used;
}

static void decode_block(const Pack *p, size_t b, PackCache *c)
{
    const uint8_t *r = p->bytes.v + p->blocks.v[b];
    size_t count = p->n - b * PACK_BLOCK;
    if (count > PACK_BLOCK) count = PACK_BLOCK;
    uint64_t cur[PACK_MAX_FIELDS] = {0};
    for (size_t k = 0; k < count; k++) {
        unsigned changed = *r++;
        for (int f = 0; changed; f++, changed >>= 1) {
            if (!(changed & 1)) continue;
            uint64_t z = 0;
            for (int shift = 0;; shift += 7) {
                uint8_t byte = *r++;
                z |= (uint64_t)(byte & 0x7f) << shift;
                if (byte < 0x80) break;
            }
            cur[f] += z >> 1 ^ (0 - (z & 1));
        }
        for (int f = 0; f < p->nf; f++) c->rec[k][f] = (int64_t)cur[f];
    }
    c->block = b;
    c->count = count;
}

void pack_get(const Pack *p, size_t i, int64_t *rec)
{
    PackCache *c = p->cache;
    size_t b = i / PACK_BLOCK, k = i % PACK_BLOCK;
    /* a block still being filled is decoded again once it has grown */
    if (c->block != b || k >= c->count) decode_block(p, b, c);
    memcpy(rec, c->rec[k], (size_t)p->nf * sizeof *rec);
}

size_t pack_bytes(const Pack *p)
{
    return p->bytes.n + p->blocks.n * sizeof *p->blocks.v;
}
