/* dict.c - dict storage, kept in insertion order as CPython's is: a
 * compact entry array, plus an open-addressing index table once the dict
 * is past a few entries (small dicts are scanned). */
#include "dict.h"
#include "attr.h"
#include "gc.h"
#include "obj.h"
#include "str.h"

#include <stdlib.h>

#define DICT_LINEAR_MAX 8

Dict *dict_new(Sim *S)
{
    return gc_alloc(S, K_DICT, sizeof(Dict));
}

static void dict_build_index(Sim *S, Dict *d, uint64_t size)
{
    int64_t old = d->mask ? (int64_t)(d->mask + 1) * 4 : 0;
    free(d->index);
    d->index = xmalloc(size * sizeof(int32_t));
    memset(d->index, 0xFF, size * sizeof(int32_t));
    d->mask = size - 1;
    for (int64_t i = 0; i < d->nent; i++) {
        if (is_undef(d->ent[i].key)) continue;
        uint64_t perturb = (uint64_t)d->ent[i].hash;
        uint64_t j = perturb & d->mask;
        while (d->index[j] != -1) {
            perturb >>= 5;
            j = (j * 5 + perturb + 1) & d->mask;
        }
        d->index[j] = (int32_t)i;
    }
    gc_account(S, &d->h, (int64_t)size * 4 - old);
}

/* Remove deleted entries from the entry array (keeps order). */
static void dict_compact(Sim *S, Dict *d)
{
    int64_t w = 0;
    for (int64_t i = 0; i < d->nent; i++)
        if (!is_undef(d->ent[i].key)) d->ent[w++] = d->ent[i];
    d->nent = w;
    if (d->mask) dict_build_index(S, d, d->mask + 1);
}

static void dict_reserve(Sim *S, Dict *d)
{
    if (d->nent < d->ecap) return;
    if (d->used < d->nent * 3 / 4 && d->nent >= 8) {
        dict_compact(S, d);
        if (d->nent < d->ecap) return;
    }
    int64_t nc = d->ecap ? d->ecap * 2 : 4;
    d->ent = xrealloc(d->ent, (size_t)nc * sizeof(DictEntry));
    gc_account(S, &d->h, (nc - d->ecap) * (int64_t)sizeof(DictEntry));
    d->ecap = nc;
}

/* Index of the entry for key, -1 if absent, -2 on error. */
static int64_t dict_find(Task *T, Dict *d, Value key, int64_t hash)
{
    if (!d->mask) {
        for (int64_t i = 0; i < d->nent; i++) {
            DictEntry *e = &d->ent[i];
            if (is_undef(e->key) || e->hash != hash) continue;
            int q = obj_eq_quick(e->key, key);
            if (q == 2) {
                if (!T) continue;
                q = obj_eq(T, e->key, key);
                if (q < 0) return -2;
            }
            if (q) return i;
        }
        return -1;
    }
    uint64_t perturb = (uint64_t)hash;
    uint64_t j = perturb & d->mask;
    for (;;) {
        int32_t ix = d->index[j];
        if (ix == -1) return -1;
        if (ix >= 0) {
            DictEntry *e = &d->ent[ix];
            if (e->hash == hash && !is_undef(e->key)) {
                int q = obj_eq_quick(e->key, key);
                if (q == 2) {
                    if (!T) q = 0;
                    else {
                        q = obj_eq(T, e->key, key);
                        if (q < 0) return -2;
                    }
                }
                if (q) return ix;
            }
        }
        perturb >>= 5;
        j = (j * 5 + perturb + 1) & d->mask;
    }
}

/* A class's dict changed: attr.c's lookup cache no longer holds. */
static inline void dict_changed(Sim *S, Dict *d)
{
    if (UNLIKELY(d->h.flags & OF_WATCHED)) S->attr_epoch++;
}

static void dict_insert_new(Sim *S, Dict *d, Value key, int64_t hash, Value val)
{
    dict_changed(S, d);
    if (UNLIKELY(d->h.flags & OF_GLOBALS_SEEN)) S->globals_epoch++;
    dict_reserve(S, d);
    int64_t i = d->nent++;
    d->ent[i].key = key;
    d->ent[i].val = val;
    d->ent[i].hash = hash;
    d->used++;
    if (d->mask) {
        if ((uint64_t)d->nent * 3 >= (d->mask + 1) * 2) {
            dict_build_index(S, d, (d->mask + 1) * 4);
            return;
        }
        uint64_t perturb = (uint64_t)hash;
        uint64_t j = perturb & d->mask;
        while (d->index[j] >= 0) {
            perturb >>= 5;
            j = (j * 5 + perturb + 1) & d->mask;
        }
        d->index[j] = (int32_t)i;
    } else if (d->nent > DICT_LINEAR_MAX) {
        dict_build_index(S, d, 32);
    }
}

int dict_get(Task *T, Dict *d, Value key, Value *out)
{
    int64_t h;
    if (obj_hash(T, key, &h) < 0) return -1;
    int64_t i = dict_find(T, d, key, h);
    if (i == -2) return -1;
    if (i < 0) return 0;
    *out = d->ent[i].val;
    return 1;
}

int dict_set(Task *T, Dict *d, Value key, Value val)
{
    int64_t h;
    if (obj_hash(T, key, &h) < 0) return -1;
    int64_t i = dict_find(T, d, key, h);
    if (i == -2) return -1;
    if (i >= 0) {
        d->ent[i].val = val;
        dict_changed(T->S, d);
        return 0;
    }
    dict_insert_new(T->S, d, key, h, val);
    return 0;
}

static void dict_remove_at(Dict *d, int64_t i)
{
    if (d->mask) {
        uint64_t perturb = (uint64_t)d->ent[i].hash;
        uint64_t j = perturb & d->mask;
        while (d->index[j] != (int32_t)i) {
            perturb >>= 5;
            j = (j * 5 + perturb + 1) & d->mask;
        }
        d->index[j] = -2;
    }
    d->ent[i].key = v_undef();
    d->ent[i].val = v_undef();
    d->used--;
    /* trailing deleted entries can simply be dropped */
    while (d->nent && is_undef(d->ent[d->nent - 1].key) && !d->mask) d->nent--;
}

int dict_del(Task *T, Dict *d, Value key)
{
    int64_t h;
    if (obj_hash(T, key, &h) < 0) return -1;
    int64_t i = dict_find(T, d, key, h);
    if (i == -2) return -1;
    if (i < 0) return 0;
    dict_remove_at(d, i);
    dict_changed(T->S, d);
    return 1;
}

int64_t dict_index_str(Dict *d, Str *key)
{
    int64_t i = dict_find(NULL, d, v_obj(key), str_hash(key));
    return i >= 0 ? i : -1;
}

Value dict_get_str(Dict *d, Str *key)
{
    int64_t i = dict_find(NULL, d, v_obj(key), str_hash(key));
    return i >= 0 ? d->ent[i].val : v_undef();
}

void dict_set_str(Sim *S, Dict *d, Str *key, Value val)
{
    int64_t h = str_hash(key);
    int64_t i = dict_find(NULL, d, v_obj(key), h);
    if (i >= 0) {
        d->ent[i].val = val;
        dict_changed(S, d);
    } else {
        dict_insert_new(S, d, v_obj(key), h, val);
    }
}

bool dict_del_str(Sim *S, Dict *d, Str *key)
{
    int64_t i = dict_find(NULL, d, v_obj(key), str_hash(key));
    if (i < 0) return false;
    dict_remove_at(d, i);
    dict_changed(S, d);
    return true;
}

bool dict_next(Dict *d, int64_t *pos, Value *key, Value *val)
{
    while (*pos < d->nent) {
        DictEntry *e = &d->ent[(*pos)++];
        if (!is_undef(e->key)) {
            if (key) *key = e->key;
            if (val) *val = e->val;
            return true;
        }
    }
    return false;
}

void dict_clear(Sim *S, Dict *d)
{
    dict_changed(S, d);
    free(d->ent);
    free(d->index);
    gc_account(S, &d->h, -(int64_t)(d->h.size - sizeof(Dict)));
    d->ent = NULL;
    d->index = NULL;
    d->used = d->nent = d->ecap = 0;
    d->mask = 0;
}

Dict *dict_copy(Sim *S, Dict *src)
{
    Dict *d = dict_new(S);
    int64_t pos = 0;
    Value k, v;
    while (dict_next(src, &pos, &k, &v)) {
        DictEntry *e = &src->ent[pos - 1];
        dict_insert_new(S, d, k, e->hash, v);
    }
    return d;
}

int dict_update(Task *T, Dict *d, Value src)
{
    Sim *S = T->S;
    if (is_dict(src)) {
        int64_t pos = 0;
        Value k, v;
        charge_items(T, AS_DICT(src)->used);
        while (dict_next(AS_DICT(src), &pos, &k, &v))
            if (dict_set(T, d, k, v) < 0) return -1;
        return 0;
    }
    Value keys_m;
    if (is_instance(src) && attr_get_opt(T, src, str_intern(S, "keys", 4), &keys_m) == 1) {
        Value ks;
        if (vm_call(T, keys_m, NULL, 0, NULL, &ks) < 0) return -1;
        Value it;
        if (obj_iter(T, ks, &it) < 0) return -1;
        for (;;) {
            Value k, v;
            int r = obj_next(T, it, &k);
            if (r < 0) return -1;
            if (r == 0) return 0;
            charge_items(T, 1);
            if (obj_getitem(T, src, k, &v) < 0 || dict_set(T, d, k, v) < 0) return -1;
        }
    }
    Value it;
    if (obj_iter(T, src, &it) < 0) return -1;
    for (int64_t idx = 0;; idx++) {
        Value item;
        int r = obj_next(T, it, &item);
        if (r < 0) return -1;
        if (r == 0) return 0;
        charge_items(T, 1);
        Value *pv, keep;
        int64_t n;
        if (!is_list(item) && !is_tuple(item)) {
            if (obj_iter(T, item, &keep) < 0) {
                T->exc = v_undef();
                return exc_raise(T, EXC_TypeError, "cannot convert dictionary update sequence element #%lld to a sequence", (long long)idx);
            }
        }
        if (obj_items(T, item, &pv, &n, &keep) < 0) return -1;
        if (n != 2)
            return exc_raise(T, EXC_ValueError, "dictionary update sequence element #%lld has length %lld; 2 is required",
                            (long long)idx, (long long)n);
        if (dict_set(T, d, pv[0], pv[1]) < 0) return -1;
    }
}
