/* srcinfo.h - docstrings and annotations read back from the source text
 * (the compiler keeps neither): installs the core's SourceHooks. */
#ifndef IL_SRCINFO_H
#define IL_SRCINFO_H

#include "world.h"

void srcinfo_install(Sim *S);
/* `__annotations__` read by a module's top-level code (CPython's module
 * dict has it): the names annotated above the line running, their
 * annotations evaluated now.  1 with *out, 0 outside module-level code. */
int srcinfo_module_annotations(Task *T, Value *out);

#endif
