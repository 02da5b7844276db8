/* mod_pystd.h - the standard modules written in Python (sim/py/: functools,
 * itertools, contextlib, enum, dataclasses, json...) and _interleave, the
 * private module of natives their Python code uses. */
#ifndef IL_MOD_PYSTD_H
#define IL_MOD_PYSTD_H

#include "modules.h"

/* NULL-terminated */
extern const ModDef *const mod_pystd_list[];

#endif
