/* containers.c - list, tuple, dict, set, range and cell storage.
 *
 * dict keeps insertion order (a compact entry array plus an index table);
 * set is laid out and probed exactly like CPython 3.11's setobject.c, so
 * printing a set of ints shows CPython's order. */
#include "obj.h"

#include <stdlib.h>

/* ---- list / tuple ---- */

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

Tuple *tuple_new(Sim *S, int64_t n)
{
    Tuple *t = gc_alloc(S, K_TUPLE, sizeof(Tuple) + (size_t)n * sizeof(Value));
    t->n = n;
    for (int64_t i = 0; i < n; i++) t->v[i] = v_none();
    return t;
}

Value v_tuple2(Sim *S, Value a, Value b)
{
    Tuple *t = tuple_new(S, 2);
    t->v[0] = a;
    t->v[1] = b;
    return v_obj(t);
}

Range *range_new(Sim *S, int64_t start, int64_t stop, int64_t step)
{
    Range *r = gc_alloc(S, K_RANGE, sizeof(Range));
    r->start = start;
    r->stop = stop;
    r->step = step;
    if (step > 0) r->len = stop > start ? (int64_t)(((uint64_t)stop - (uint64_t)start - 1) / (uint64_t)step + 1) : 0;
    else r->len = start > stop ? (int64_t)(((uint64_t)start - (uint64_t)stop - 1) / (uint64_t)(-step) + 1) : 0;
    return r;
}

Cell *cell_new(Sim *S, Value v)
{
    Cell *c = gc_alloc(S, K_CELL, sizeof(Cell));
    c->v = v;
    return c;
}

/* ---- dict ---- */

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

static bool fast_key_eq(Value a, Value b)
{
    if (a.tag != b.tag) return false;
    if (a.tag == V_OBJ) {
        if (a.u.o == b.u.o) return true;
        if (a.u.o->kind == K_STR && b.u.o->kind == K_STR) return str_eq((Str *)a.u.o, (Str *)b.u.o);
        return false;
    }
    if (a.tag == V_FLOAT) return a.u.f == b.u.f;
    return a.u.i == b.u.i;
}

/* Can two keys with equal hashes be compared without user code, and do we
 * know the answer?  Returns 1/0 when decided, 2 when == must be called. */
static int key_eq_quick(Value a, Value b)
{
    if (fast_key_eq(a, b)) return 1;
    bool an = a.tag == V_INT || a.tag == V_BOOL || a.tag == V_FLOAT;
    bool bn = b.tag == V_INT || b.tag == V_BOOL || b.tag == V_FLOAT;
    if (an && bn) return 2;
    if (a.tag != V_OBJ || b.tag != V_OBJ) return 0;
    if (a.u.o->kind == K_STR || b.u.o->kind == K_STR) {
        if (a.u.o->kind == K_INSTANCE || b.u.o->kind == K_INSTANCE) return 2;
        return 0;
    }
    return 2;
}

/* Index of the entry for key, -1 if absent, -2 on error. */
static int64_t dict_find(Task *T, Dict *d, Value key, int64_t hash)
{
    if (!d->mask) {
        for (int64_t i = 0; i < d->nent; i++) {
            DictEntry *e = &d->ent[i];
            if (is_undef(e->key) || e->hash != hash) continue;
            int q = key_eq_quick(e->key, key);
            if (q == 2) {
                if (!T) continue;
                q = v_eq(T, e->key, key);
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
                int q = key_eq_quick(e->key, key);
                if (q == 2) {
                    if (!T) q = 0;
                    else {
                        q = v_eq(T, e->key, key);
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

static void dict_insert_new(Sim *S, Dict *d, Value key, int64_t hash, Value val)
{
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
    if (v_hash(T, key, &h) < 0) return -1;
    int64_t i = dict_find(T, d, key, h);
    if (i == -2) return -1;
    if (i < 0) return 0;
    *out = d->ent[i].val;
    return 1;
}

int dict_set(Task *T, Dict *d, Value key, Value val)
{
    int64_t h;
    if (v_hash(T, key, &h) < 0) return -1;
    int64_t i = dict_find(T, d, key, h);
    if (i == -2) return -1;
    if (i >= 0) {
        d->ent[i].val = val;
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
    if (v_hash(T, key, &h) < 0) return -1;
    int64_t i = dict_find(T, d, key, h);
    if (i == -2) return -1;
    if (i < 0) return 0;
    dict_remove_at(d, i);
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
    if (i >= 0) d->ent[i].val = val;
    else dict_insert_new(S, d, v_obj(key), h, val);
}

bool dict_del_str(Dict *d, Str *key)
{
    int64_t i = dict_find(NULL, d, v_obj(key), str_hash(key));
    if (i < 0) return false;
    dict_remove_at(d, i);
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

/* ---- set (CPython 3.11 layout) ---- */

#define SET_MINSIZE 8
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

static bool entry_empty(SetEntry *e) { return is_undef(e->key) && e->hash == 0; }

Set *set_new(Sim *S, bool frozen)
{
    Set *s = gc_alloc(S, K_SET, sizeof(Set));
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
    int q = key_eq_quick(a, b);
    if (q != 2) return q;
    return v_eq(T, a, b);
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
    if (v_hash(T, key, &h) < 0) return -1;
    return set_add_entry(T, s, key, h);
}

int set_contains(Task *T, Set *s, Value key)
{
    int64_t h;
    if (v_hash(T, key, &h) < 0) {
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
    if (v_hash(T, key, &h) < 0) return -1;
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
        if (v_items(T, it, &items, &n, &keep) < 0) return -1;
        for (int64_t i = 0; i < n; i++) {
            /* re-read: a user __hash__ could mutate the list */
            Value x = is_list(it) ? (i < AS_LIST(it)->n ? AS_LIST(it)->v[i] : v_undef()) : items[i];
            if (is_undef(x)) break;
            if (set_add(T, s, x) < 0) return -1;
        }
        return 0;
    }
    Value iter;
    if (v_iter(T, it, &iter) < 0) return -1;
    for (;;) {
        Value x;
        int r = v_next(T, iter, &x);
        if (r < 0) return -1;
        if (r == 0) return 0;
        if (set_add(T, s, x) < 0) return -1;
    }
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
    if (is_instance(src) && v_getattr_opt(T, src, str_intern(S, "keys", 4), &keys_m) == 1) {
        Value ks;
        if (vm_call(T, keys_m, NULL, 0, NULL, &ks) < 0) return -1;
        Value it;
        if (v_iter(T, ks, &it) < 0) return -1;
        for (;;) {
            Value k, v;
            int r = v_next(T, it, &k);
            if (r < 0) return -1;
            if (r == 0) return 0;
            charge_items(T, 1);
            if (v_getitem(T, src, k, &v) < 0 || dict_set(T, d, k, v) < 0) return -1;
        }
    }
    Value it;
    if (v_iter(T, src, &it) < 0) return -1;
    for (int64_t idx = 0;; idx++) {
        Value item;
        int r = v_next(T, it, &item);
        if (r < 0) return -1;
        if (r == 0) return 0;
        charge_items(T, 1);
        Value *pv, keep;
        int64_t n;
        if (!is_list(item) && !is_tuple(item)) {
            if (v_iter(T, item, &keep) < 0) {
                T->exc = v_undef();
                return vm_raise(T, EXC_TypeError, "cannot convert dictionary update sequence element #%lld to a sequence", (long long)idx);
            }
        }
        if (v_items(T, item, &pv, &n, &keep) < 0) return -1;
        if (n != 2)
            return vm_raise(T, EXC_ValueError, "dictionary update sequence element #%lld has length %lld; 2 is required",
                            (long long)idx, (long long)n);
        if (dict_set(T, d, pv[0], pv[1]) < 0) return -1;
    }
}
