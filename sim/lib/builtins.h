/* builtins.h - the builtin functions and the constructors of the builtin types. */
#ifndef IL_BUILTINS_H
#define IL_BUILTINS_H

#include "world.h"

/* Fill S->builtins. */
void builtins_init(Sim *S);

#endif
