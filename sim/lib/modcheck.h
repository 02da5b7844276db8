/* modcheck.h - the load-time check of module attributes: `threading.local`
 * where the simulated module has no `local` is an error naming the place,
 * not an AttributeError at run time. */
#ifndef IL_MODCHECK_H
#define IL_MODCHECK_H

#include "ast.h"
#include "compile.h"

/* Check every `M.attr` (and `M.sub.attr`) in m where M is bound only by an
 * import of a simulated module.  false with *line, *col (1-based) and msg
 * on the first attribute the module lacks. */
bool modcheck_module(const Module *m, const ImportResolver *r, int *line, int *col, char *msg, size_t msgsize);

#endif
