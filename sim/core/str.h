/* str.h - string objects: creation, interning, hashing, indexing. */
#ifndef IL_STR_H
#define IL_STR_H

#include "world.h"

Str *str_new(Sim *S, const char *s, size_t n);
Str *str_from_c(Sim *S, const char *s);
Str *str_intern(Sim *S, const char *s, size_t n); /* permanent, unique */
Value str_value(Sim *S, const char *s);
Value str_value_n(Sim *S, const char *s, size_t n);
int64_t str_hash(Str *s);
bool str_eq(Str *a, Str *b);
bool str_eq_c(Str *a, const char *c);
/* byte offset of character index i (0 <= i <= clen) */
int64_t str_byte_offset(Str *s, int64_t i);

#endif
