/* pack.h - append-only tables of small integer records, packed in bytes. */
#ifndef INTERLEAVE_PACK_H
#define INTERLEAVE_PACK_H

#include "common.h"

#include <stdint.h>

#define PACK_MAX_FIELDS 8
#define PACK_BLOCK 32   /* records per block: a read decodes at most one */

typedef struct PackCache PackCache;

typedef struct Pack {
    size_t n;                  /* records */
    int nf;                    /* fields per record */
    BUF(uint8_t) bytes;
    BUF(size_t) blocks;        /* where each block's bytes start */
    int64_t last[PACK_MAX_FIELDS]; /* the record pushed last */
    PackCache *cache;          /* the block a read decoded last */
} Pack;

void pack_init(Pack *p, int nf);
void pack_free(Pack *p);
/* Appends a record of p->nf fields; returns the bytes it took. */
size_t pack_push(Pack *p, const int64_t *rec);
/* Record i (< p->n) into rec.  Reads in order, forwards or backwards,
 * decode each block once. */
void pack_get(const Pack *p, size_t i, int64_t *rec);
/* The bytes the table holds. */
size_t pack_bytes(const Pack *p);

#endif
