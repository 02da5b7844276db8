/* mod_collections.h - collections.deque in C; the rest of collections is
 * sim/py/collections.py. */
#ifndef IL_MOD_COLLECTIONS_H
#define IL_MOD_COLLECTIONS_H

#include "modules.h"

extern const ModDef mod_collections_def;

#endif
