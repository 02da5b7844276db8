/* mod_mp.h - the multiprocessing module and concurrent.futures' C part. */
#ifndef IL_MOD_MP_H
#define IL_MOD_MP_H

#include "modules.h"

extern const ModDef mod_mp_def, mod_mp_futures_def, mod_mp_concurrent_def;

#endif
