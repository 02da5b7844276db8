/* mod_heapq.h - heapq's C half and bisect. */
#ifndef IL_MOD_HEAPQ_H
#define IL_MOD_HEAPQ_H

#include "modules.h"

extern const ModDef mod_heapq_def, mod_heapq_bisect_def;

#endif
