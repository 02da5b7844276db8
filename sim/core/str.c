/* str.c - string objects: creation, interning, hashing, indexing.
 *
 * Strings are UTF-8 with their character count cached; an all-ASCII string
 * (the common case) indexes in O(1).  Hashes are FNV-1a: CPython randomises
 * str hashes, so no output may depend on them, and a fixed function keeps
 * runs reproducible. */
#include "str.h"
#include "gc.h"
#include "obj.h"
#include "unicode.h"
#include "vm.h"

#include <stdlib.h>

Str *str_new(Sim *S, const char *s, size_t n)
{
    Str *o = gc_alloc(S, K_STR, sizeof(Str) + n + 1);
    memcpy(o->s, s, n);
    o->s[n] = 0;
    o->len = (int32_t)n;
    o->hash = -1;
    int32_t c = 0;
    bool ascii = true;
    for (size_t i = 0; i < n; i++) {
        unsigned char b = (unsigned char)s[i];
        if (b >= 0x80) ascii = false;
        c += !uc_cont(b);
    }
    o->clen = c;
    if (ascii) o->h.flags |= OF_ASCII;
    return o;
}

Str *str_alloc(Task *T, int64_t nbytes)
{
    if (obj_check_size(T, nbytes) < 0) return NULL;
    Str *o = gc_alloc(T->S, K_STR, sizeof(Str) + (size_t)nbytes + 1);
    o->len = (int32_t)nbytes;
    o->s[nbytes] = 0;
    o->hash = -1;
    return o;
}

int str_from_buf(Task *T, SBuf *b, Value *out)
{
    if (obj_buf_fits(T, b) < 0) return -1;
    *out = v_obj(str_new(T->S, b->s ? b->s : "", b->n));
    sb_free(b);
    return 0;
}

Str *str_from_c(Sim *S, const char *s) { return str_new(S, s, strlen(s)); }
Value str_value(Sim *S, const char *s) { return v_obj(str_new(S, s, strlen(s))); }
Value str_value_n(Sim *S, const char *s, size_t n) { return v_obj(str_new(S, s, n)); }

int64_t str_hash(Str *s)
{
    if (s->hash != -1) return s->hash;
    uint64_t h = 14695981039346656037ULL;
    for (int32_t i = 0; i < s->len; i++) {
        h ^= (unsigned char)s->s[i];
        h *= 1099511628211ULL;
    }
    int64_t r = (int64_t)(h >> 1);
    if (r == -1) r = -2;
    s->hash = r;
    return r;
}

bool str_eq(Str *a, Str *b)
{
    if (a == b) return true;
    if (a->len != b->len) return false;
    if (a->hash != -1 && b->hash != -1 && a->hash != b->hash) return false;
    return memcmp(a->s, b->s, (size_t)a->len) == 0;
}

bool str_eq_c(Str *a, const char *c)
{
    size_t n = strlen(c);
    return (size_t)a->len == n && memcmp(a->s, c, n) == 0;
}

int64_t str_byte_offset(Str *s, int64_t i)
{
    if (s->h.flags & OF_ASCII) return i;
    if (i >= s->clen) return s->len;
    int64_t c = 0;
    for (int32_t b = 0; b < s->len; b++) {
        if (!uc_cont((unsigned char)s->s[b])) {
            if (c == i) return b;
            c++;
        }
    }
    return s->len;
}

/* The intern table holds every name the compiler sees; interned strings are
 * marked as roots, so they live as long as the simulation. */
Str *str_intern(Sim *S, const char *s, size_t n)
{
    if (S->itab_n * 2 >= S->itab_cap) {
        size_t nc = S->itab_cap ? S->itab_cap * 2 : 512;
        Str **nt = xcalloc(nc, sizeof *nt);
        for (size_t i = 0; i < S->itab_cap; i++) {
            Str *x = S->itab[i];
            if (!x) continue;
            size_t j = (size_t)str_hash(x) & (nc - 1);
            while (nt[j]) j = (j + 1) & (nc - 1);
            nt[j] = x;
        }
        free(S->itab);
        S->itab = nt;
        S->itab_cap = nc;
    }
    uint64_t h = 14695981039346656037ULL;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    int64_t hash = (int64_t)(h >> 1);
    if (hash == -1) hash = -2;
    size_t j = (size_t)hash & (S->itab_cap - 1);
    while (S->itab[j]) {
        Str *x = S->itab[j];
        if ((size_t)x->len == n && memcmp(x->s, s, n) == 0) return x;
        j = (j + 1) & (S->itab_cap - 1);
    }
    Str *o = str_new(S, s, n);
    o->hash = hash;
    S->itab[j] = o;
    S->itab_n++;
    return o;
}
