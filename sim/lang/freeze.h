/* freeze.h - compiled code objects to bytes and back (frozen modules). */
#ifndef IL_FREEZE_H
#define IL_FREEZE_H

#include "code.h"

/* Code c and the code nested in it, written to out.  False (out then
 * holds part of it) when a constant is of a kind the format does not
 * carry: such code is compiled at run time instead. */
bool freeze_code(Sim *S, const Code *c, SBuf *out);
/* The code frozen in data, made anew in S: its strings interned, every
 * code object linked into S->codes in the order the compiler links them,
 * each with src as its source.  NULL when data is malformed. */
Code *freeze_thaw(Sim *S, const unsigned char *data, size_t len, Source *src);

#endif
