/* methods.h - the methods of the builtin types. */
#ifndef IL_METHODS_H
#define IL_METHODS_H

#include "world.h"

/* Put them into the builtin classes. */
void methods_init(Sim *S);

#endif
