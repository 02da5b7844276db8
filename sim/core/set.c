/* set.c - set and frozenset storage, laid out and probed exactly like
 * CPython 3.11's setobject.c, so printing a set of ints shows CPython's
 * order. */
#include "set.h"
#include "gc.h"
#include "obj.h"

#include <stdlib.h>

#define SET_MINSIZE 8
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

static bool entry_empty(SetEntry *e) { return is_undef(e->key) && e->hash == 0; }

Set *set_new(Sim *S, bool frozen) { return set_new_with(S, frozen, 0); }

Set *set_new_with(Sim *S, bool frozen, size_t extra)
{
    Set *s = gc_alloc(S, K_SET, sizeof(Set) + extra);
    if (frozen) s->h.flags |= OF_FROZEN;
    s->mask = SET_MINSIZE - 1;
    s->table = xcalloc(SET_MINSIZE, sizeof(SetEntry));
    gc_account(S, &s->h, SET_MINSIZE * (int64_t)sizeof(SetEntry));
    return s;
}

static void set_insert_clean(SetEntry *table, uint64_t mask, Value key, int64_t hash)
{
    uint64_t perturb = (uint64_t)hash;
    uint64_t i = (uint64_t)hash & mask;
    for (;;) {
        SetEntry *e = &table[i];
        if (is_undef(e->key)) goto found;
        if (i + LINEAR_PROBES <= mask) {
            for (int j = 0; j < LINEAR_PROBES; j++) {
                e++;
                if (is_undef(e->key)) goto found;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
        continue;
    found:
        e->key = key;
        e->hash = hash;
        return;
    }
}

static void set_table_resize(Sim *S, Set *s, int64_t minused)
{
    int64_t newsize = SET_MINSIZE;
    while (newsize <= minused) newsize <<= 1;
    SetEntry *old = s->table;
    int64_t oldmask = s->mask;
    SetEntry *nt = xcalloc((size_t)newsize, sizeof(SetEntry));
    gc_account(S, &s->h, (newsize - (oldmask + 1)) * (int64_t)sizeof(SetEntry));
    s->table = nt;
    s->mask = newsize - 1;
    for (int64_t i = 0; i <= oldmask; i++)
        if (!is_undef(old[i].key)) set_insert_clean(nt, (uint64_t)s->mask, old[i].key, old[i].hash);
    s->fill = s->used;
    free(old);
}

/* 1 equal, 0 not, -1 error */
static int set_key_eq(Task *T, Value a, Value b)
{
    int q = obj_eq_quick(a, b);
    if (q != 2) return q;
    return obj_eq(T, a, b);
}

static int set_add_entry(Task *T, Set *s, Value key, int64_t hash)
{
    SetEntry *freeslot, *e;
    uint64_t perturb, mask, i;
restart:
    mask = (uint64_t)s->mask;
    i = (uint64_t)hash & mask;
    freeslot = NULL;
    perturb = (uint64_t)hash;
    for (;;) {
        e = &s->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (entry_empty(e)) goto found_unused_or_dummy;
            if (e->hash == hash && !is_undef(e->key)) {
                SetEntry *table = s->table;
                int r = set_key_eq(T, e->key, key);
                if (r < 0) return -1;
                if (r > 0) return 0; /* already present: keep the old key */
                if (table != s->table) goto restart;
                mask = (uint64_t)s->mask;
            } else if (e->hash == -1 && is_undef(e->key)) {
                freeslot = e;
            }
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_unused_or_dummy:
    if (freeslot) {
        s->used++;
        freeslot->key = key;
        freeslot->hash = hash;
        return 0;
    }
    s->fill++;
    s->used++;
    e->key = key;
    e->hash = hash;
    if ((uint64_t)s->fill * 5 < mask * 3) return 0;
    set_table_resize(T->S, s, s->used > 50000 ? s->used * 2 : s->used * 4);
    return 0;
}

/* Entry holding key, or NULL; *err on failure. */
static SetEntry *set_lookkey(Task *T, Set *s, Value key, int64_t hash, bool *err)
{
    uint64_t perturb = (uint64_t)hash;
    uint64_t mask = (uint64_t)s->mask;
    uint64_t i = (uint64_t)hash & mask;
    *err = false;
    for (;;) {
        SetEntry *e = &s->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (entry_empty(e)) return NULL;
            if (e->hash == hash && !is_undef(e->key)) {
                int r = set_key_eq(T, e->key, key);
                if (r < 0) {
                    *err = true;
                    return NULL;
                }
                if (r > 0) return e;
            }
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

int set_add(Task *T, Set *s, Value key)
{
    int64_t h;
    if (obj_hash(T, key, &h) < 0) return -1;
    return set_add_entry(T, s, key, h);
}

int set_contains(Task *T, Set *s, Value key)
{
    int64_t h;
    if (obj_hash(T, key, &h) < 0) {
        /* CPython retries an unhashable set as a frozenset; other types fail */
        return -1;
    }
    bool err;
    SetEntry *e = set_lookkey(T, s, key, h, &err);
    if (err) return -1;
    return e != NULL;
}

int set_discard(Task *T, Set *s, Value key)
{
    int64_t h;
    if (obj_hash(T, key, &h) < 0) return -1;
    bool err;
    SetEntry *e = set_lookkey(T, s, key, h, &err);
    if (err) return -1;
    if (!e) return 0;
    e->key = v_undef();
    e->hash = -1;
    s->used--;
    return 1;
}

void set_clear(Sim *S, Set *s)
{
    gc_account(S, &s->h, (SET_MINSIZE - (s->mask + 1)) * (int64_t)sizeof(SetEntry));
    free(s->table);
    s->table = xcalloc(SET_MINSIZE, sizeof(SetEntry));
    s->mask = SET_MINSIZE - 1;
    s->fill = s->used = 0;
}

bool set_next(Set *s, int64_t *pos, Value *key)
{
    while (*pos <= s->mask) {
        SetEntry *e = &s->table[(*pos)++];
        if (!is_undef(e->key)) {
            *key = e->key;
            return true;
        }
    }
    return false;
}

/* set |= other for a set or frozenset, as CPython's set_merge. */
static int set_merge(Task *T, Set *s, Set *o)
{
    if (o == s || o->used == 0) return 0;
    if ((s->fill + o->used) * 5 >= s->mask * 3) set_table_resize(T->S, s, (s->used + o->used) * 2);
    if (s->fill == 0 && s->mask == o->mask && o->fill == o->used) {
        for (int64_t i = 0; i <= o->mask; i++)
            if (!is_undef(o->table[i].key)) s->table[i] = o->table[i];
        s->fill = o->fill;
        s->used = o->used;
        return 0;
    }
    if (s->fill == 0) {
        for (int64_t i = 0; i <= o->mask; i++)
            if (!is_undef(o->table[i].key))
                set_insert_clean(s->table, (uint64_t)s->mask, o->table[i].key, o->table[i].hash);
        s->fill = s->used = o->used;
        return 0;
    }
    for (int64_t i = 0; i <= o->mask; i++)
        if (!is_undef(o->table[i].key) && set_add_entry(T, s, o->table[i].key, o->table[i].hash) < 0) return -1;
    return 0;
}

int set_update(Task *T, Set *s, Value it)
{
    if (is_set(it)) return set_merge(T, s, AS_SET(it));
    if (is_dict(it)) {
        Dict *d = AS_DICT(it);
        if ((s->fill + d->used) * 5 >= s->mask * 3) set_table_resize(T->S, s, (s->used + d->used) * 2);
        for (int64_t i = 0; i < d->nent; i++)
            if (!is_undef(d->ent[i].key) && set_add_entry(T, s, d->ent[i].key, d->ent[i].hash) < 0) return -1;
        return 0;
    }
    Value *items, keep;
    int64_t n;
    if (is_list(it) || is_tuple(it)) {
        if (obj_items(T, it, &items, &n, &keep) < 0) return -1;
        for (int64_t i = 0; i < n; i++) {
            /* re-read: a user __hash__ could mutate the list */
            Value x = is_list(it) ? (i < AS_LIST(it)->n ? AS_LIST(it)->v[i] : v_undef()) : items[i];
            if (is_undef(x)) break;
            if (set_add(T, s, x) < 0) return -1;
        }
        return 0;
    }
    Value iter;
    if (obj_iter(T, it, &iter) < 0) return -1;
    for (;;) {
        Value x;
        int r = obj_next(T, iter, &x);
        if (r < 0) return -1;
        if (r == 0) return 0;
        if (set_add(T, s, x) < 0) return -1;
    }
}

