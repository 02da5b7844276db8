/* mod_drivers.h - `_interleave`, what the run loops written in Python
 * (trio's, gevent's hub: sim/py) need from the simulator: rows on the
 * timeline for their tasks, the thread's time given to the task it steps,
 * idle waits with a reason, and the scenario's seed and settings; and
 * the greenlet module (its natives are the core's, green.h). */
#ifndef IL_MOD_DRIVERS_H
#define IL_MOD_DRIVERS_H

#include "modules.h"

extern const ModDef mod_drivers_def, mod_trio_def, mod_greenlet_def;
/* gevent's submodules and then gevent, NULL-terminated */
extern const ModDef *const mod_gevent_list[];

#endif
