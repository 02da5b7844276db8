/* bytes.h - a minimal bytes type (str.encode(), hashlib digests...). */
#ifndef IL_BYTES_H
#define IL_BYTES_H

#include "world.h"

/* Make the class (into _interleave's dict d). */
void bytes_setup(Sim *S, Dict *d);
/* A copy of data[0..n): n within the limit of a single object (obj.h),
 * as any part of an existing bytes is; sizes a program chooses go
 * through bytes_from_buf or obj_check_size first. */
Value bytes_new(Sim *S, const void *data, int64_t n);
/* The bytes of b's text (a STR_BUF buffer); b is freed.  0, or -1 with
 * MemoryError when it passed the limit of a single object. */
int bytes_from_buf(Task *T, SBuf *b, Value *out);
bool bytes_check(Value v);
const uint8_t *bytes_data(Value v, int64_t *n);
/* A bytes argument: 0 with its data, or -1 with TypeError (msg for a str,
 * or CPython's "a bytes-like object is required" when NULL). */
int bytes_arg(Task *T, Value v, const char *str_msg, const uint8_t **d, int64_t *n);
/* b'...' as CPython prints it */
void bytes_repr_to(const uint8_t *d, int64_t n, SBuf *b);

#endif
