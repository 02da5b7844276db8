/* types.h - the builtin classes and exception classes, and the interned
 * names the interpreter uses. */
#ifndef IL_TYPES_H
#define IL_TYPES_H

#include "world.h"

/* Make them (at the Sim's creation). */
void types_init(Sim *S);

#endif
