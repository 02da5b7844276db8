/* exc.h - exception objects: raising from C, matching, tracebacks in
 * CPython's format (chained exceptions included). */
#ifndef IL_EXC_H
#define IL_EXC_H

#include "world.h"

/* A message exc_raise formats is cut at this many bytes; the buffer a
 * message's repr of a program's value is written into (MSG_BUF) stops
 * there too, so "X is not in list" of a huge X costs no more. */
#define EXC_MSG_MAX 1024
#define MSG_BUF {.max = EXC_MSG_MAX}
int exc_raise(Task *T, int exc_id, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int exc_raise_value(Task *T, Value exc);
Value exc_new(Task *T, Class *cls, Value *args, int nargs);
bool exc_matches(Sim *S, Value exc, int exc_id);
void exc_add_tb(Task *T, Value exc, Code *code, int line);
void exc_set_args(Sim *S, Value exc, Value *args, int nargs);
Tuple *exc_args(Sim *S, Value exc);
/* The OSError subclass an errno names (OSError(2, ...) is a
 * FileNotFoundError), or OSError. */
Class *exc_os_error_class(Sim *S, Value errno_value);
void exc_set_cause(Value exc, Value cause);
bool exc_location(Value exc, int *line, Code **code);
extern const PayloadOps exc_payload_ops;
/* Format an exception with its traceback as CPython prints it. */
void exc_format(Sim *S, Value exc, SBuf *out);
void exc_format_task(Task *T, Value exc, SBuf *out);
Str *exc_message(Task *T, Value exc);  /* str(exc), or NULL */
/* str(), repr() and attribute lookup of exception objects (for repr.c and
 * attr.c): 0, or -1 with an exception. */
int exc_str(Task *T, Value exc, SBuf *out);
int exc_repr(Task *T, Value exc, SBuf *out);
int exc_get_attr(Task *T, Value exc, Str *name, Value *out);

#endif
