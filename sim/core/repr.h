/* repr.h - repr() and str() of every value, as CPython prints them. */
#ifndef IL_REPR_H
#define IL_REPR_H

#include "world.h"

int repr_write(Task *T, Value v, SBuf *out);
/* The builtin type's repr, which a subclass's __repr__ does not
 * intercept (what list.__repr__(x) and super().__repr__() give). */
int repr_write_builtin(Task *T, Value v, SBuf *out);
int repr_write_str(Task *T, Value v, SBuf *out);
Value repr_value(Task *T, Value v);              /* V_UNDEF on error */
Value repr_ascii(Task *T, Value v);             /* ascii(v); V_UNDEF on error */
Value repr_str(Task *T, Value v);

/* object.__repr__: "<module.Class object at 0x...>" with a fake address,
 * and no module for builtin classes ("<object object at 0x...>"). */
void repr_default(Sim *S, Value v, SBuf *out);

#endif
