/* mod_threading.h - threading.Thread, the threading module's functions, and queue. */
#ifndef IL_MOD_THREADING_H
#define IL_MOD_THREADING_H

#include "modules.h"

extern const ModDef mod_threading_def, mod_threading_queue_def;
/* The Thread object of task T (the main thread's is made on demand). */
Value mod_threading_thread_object(Task *T);

#endif
