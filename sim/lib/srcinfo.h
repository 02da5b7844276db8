/* srcinfo.h - docstrings and annotations read back from the source text
 * (the compiler keeps neither): installs the core's SourceHooks. */
#ifndef IL_SRCINFO_H
#define IL_SRCINFO_H

#include "world.h"

void srcinfo_install(Sim *S);

#endif
