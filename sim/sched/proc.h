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
/* Fill a fresh process's globals for the scenario module (__name__ etc.). */
void proc_main_globals(Sim *S, Proc *P, Str *name);
/* The child P exited: wake the tasks joining it. */
void proc_wake_joiners(Sim *S, Proc *P);

/* ---- for the payloads' clone operation (PayloadOps.clone) ---- */
typedef struct Copier Copier;
int proc_copy_mode(const Copier *C);      /* COPY_* */
Proc *proc_copy_dst(const Copier *C);     /* FORK/UNPICKLE: the receiving process */
Task *proc_copy_task(const Copier *C);
/* Count n bytes of pickle. */
void proc_copy_bytes(Copier *C, int64_t n);
/* orig became copy: later references to orig get copy (call it before
 * copying what the object refers to, so cycles end). */
void proc_copy_memo(Copier *C, Value orig, Value copy);
/* Copy a value the object refers to. */
int proc_copy_nested(Copier *C, Value v, Value *out);
/* Copy instance orig's attribute dict into instance copy. */
int proc_copy_dict(Copier *C, Value orig, Value copy);
/* The usual copy of an instance: its class (copied as classes are), the
 * given payload, its attributes. */
int proc_copy_instance(Copier *C, Value v, void *payload, Value *out);
/* TypeError: cannot pickle '<type>' object. */
int proc_unpicklable(Copier *C, Value v);

#endif
