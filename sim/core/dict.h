/* dict.h - dict storage in insertion order. */
#ifndef IL_DICT_H
#define IL_DICT_H

#include "world.h"

Dict *dict_new(Sim *S);
/* dict operations that may call __eq__/__hash__ take T and return -1 on error */
int dict_get(Task *T, Dict *d, Value key, Value *out); /* 1 found, 0 not, -1 err */
int dict_set(Task *T, Dict *d, Value key, Value val);  /* 0 ok, -1 err */
int dict_del(Task *T, Dict *d, Value key);             /* 1 removed, 0 absent, -1 err */
/* fast paths for interned/str keys (no user code can run) */
Value dict_get_str(Dict *d, Str *key);                  /* V_UNDEF if absent */
int64_t dict_index_str(Dict *d, Str *key);              /* its entry's index in d->ent, or -1 */
void dict_set_str(Sim *S, Dict *d, Str *key, Value val);
bool dict_del_str(Sim *S, Dict *d, Str *key);
bool dict_next(Dict *d, int64_t *pos, Value *key, Value *val);
void dict_clear(Sim *S, Dict *d);
/* dict.update(src): a dict, an object with keys(), or pairs. */
int dict_update(Task *T, Dict *d, Value src);
Dict *dict_copy(Sim *S, Dict *d);

#endif
