/* mod_asyncio.h - the asyncio module's C part. */
#ifndef IL_MOD_ASYNCIO_H
#define IL_MOD_ASYNCIO_H

#include "modules.h"

extern const ModDef mod_asyncio_def;

#endif
