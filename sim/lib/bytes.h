/* bytes.h - a minimal bytes type (str.encode(), hashlib digests...). */
#ifndef IL_BYTES_H
#define IL_BYTES_H

#include "world.h"

/* Make the class (into _interleave's dict d). */
void bytes_setup(Sim *S, Dict *d);
Value bytes_new(Sim *S, const void *data, int64_t n);
bool bytes_check(Value v);
const uint8_t *bytes_data(Value v, int64_t *n);
/* A bytes argument: 0 with its data, or -1 with TypeError (msg for a str,
 * or CPython's "a bytes-like object is required" when NULL). */
int bytes_arg(Task *T, Value v, const char *str_msg, const uint8_t **d, int64_t *n);
/* b'...' as CPython prints it */
void bytes_repr_to(const uint8_t *d, int64_t n, SBuf *b);

#endif
