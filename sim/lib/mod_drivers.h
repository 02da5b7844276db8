/* mod_drivers.h - `_interleave`, what the run loops written in Python
 * (trio's, gevent's hub: sim/py) need from the simulator: rows on the
 * timeline for their tasks, the thread's time given to the task it steps,
 * idle waits with a reason, and the scenario's seed and settings; and
 * the greenlet module (its natives are the core's, green.h). */
#ifndef IL_MOD_DRIVERS_H
#define IL_MOD_DRIVERS_H

#include "modules.h"

extern const ModDef mod_drivers_def, mod_trio_def, mod_greenlet_def;
/* trio.lowlevel, trio.to_thread, trio.from_thread, trio.abc */
#define TRIO_SUBMODULES 4
extern const ModDef mod_trio_sub_defs[TRIO_SUBMODULES];
/* gevent's submodules and then gevent, NULL-terminated */
extern const ModDef *const mod_gevent_list[];

/* ---- what the debugger shows of them (sim/inspect.c) ----
 * Read from the run loops' Python state without running any code, so a
 * paused run is left as it was. */

/* trio's pending deadlines (a sleep's, a move_on_after block's...) and
 * every gevent hub's timers: one "NS TEXT" line each, NS the virtual time
 * it fires at, as sched_timers writes them. */
void drivers_timers(Sim *S, SBuf *out);
/* trio's open memory channels and the gevent queues: a line each, "Type
 * name: N items...; waiting to get: ...", as sim_objects writes queues. */
void drivers_queues(Sim *S, SBuf *out);

#endif
