/* str.h - string objects: creation, interning, hashing, indexing. */
#ifndef IL_STR_H
#define IL_STR_H

#include "world.h"

/* A copy of s[0..n): n must be within the limit of a single object
 * (obj.h MAX_ITEMS), as it is for any part of an existing string.  Text
 * of a size the program chose is built with str_alloc or in a STR_BUF
 * buffer turned into a str by str_from_buf, which check it. */
Str *str_new(Sim *S, const char *s, size_t n);
/* A str of nbytes bytes whose text (and clen, and OF_ASCII) the caller
 * fills in; NULL with MemoryError past the limit of a single object,
 * checked before anything is allocated. */
Str *str_alloc(Task *T, int64_t nbytes);
/* The str of b's text (a STR_BUF buffer); b is freed.  0, or -1 with
 * MemoryError when the text passed the limit of a single object. */
int str_from_buf(Task *T, SBuf *b, Value *out);
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
