/* proc.h - copying objects between processes, and process lifecycles. */
#ifndef IL_PROC_H
#define IL_PROC_H

#include "sched.h"

enum { COPY_FORK, COPY_PICKLE, COPY_UNPICKLE };

/* Copy v for (or into) process dst.  *bytes gets the size a pickle would
 * have.  -1 with an exception on T if it cannot be pickled. */
int proc_copy(Task *T, Value v, int mode, Proc *dst, Value *out, int64_t *bytes);
/* Copy the parent's globals into the child's, and extra with them. */
int proc_fork_copy(Task *T, Proc *child, Value extra, Value *extra_out);
/* Virtual time to pickle this many bytes. */
int64_t proc_pickle_ns(Sim *S, int64_t bytes);
/* multiprocessing's shared objects (mod_mp.c). */
bool proc_shared(Value v);
/* A copy of a native object's payload: 1 with *out, 0 when the object is
 * a handle to share as is, -1 with an exception (it cannot be pickled). */
int proc_clone_payload(Task *T, Value v, int mode, void **out);

#endif
