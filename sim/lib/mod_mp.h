/* mod_mp.h - the multiprocessing module and concurrent.futures' C part. */
#ifndef IL_MOD_MP_H
#define IL_MOD_MP_H

#include "modules.h"

extern const ModDef mod_mp_pool_def, mod_mp_managers_def, mod_mp_futures_thread_def, mod_mp_futures_process_def;
extern const ModDef mod_mp_def, mod_mp_futures_def, mod_mp_concurrent_def;

#endif
