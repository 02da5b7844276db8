/* attr.h - attribute access (instances, classes, modules, functions, builtin
 * values), method lookup without bound-method allocation, and class
 * creation with C3 linearisation. */
#ifndef IL_ATTR_H
#define IL_ATTR_H

#include "world.h"

int attr_get(Task *T, Value obj, Str *name, Value *out);
int attr_get_opt(Task *T, Value obj, Str *name, Value *out); /* 1 found, 0 no, -1 err */
int attr_set(Task *T, Value obj, Str *name, Value val);
int attr_del(Task *T, Value obj, Str *name);
/* The attribute dict of instance obj as task T sees it (made if it has
 * none yet): its own, or the running thread's for a threading.local. */
int attr_inst_dict(Task *T, Value obj, Dict **out);
/* object.__setattr__: properties and data descriptors, else the instance's
 * __dict__ (obj must be an instance). */
int attr_object_setattr(Task *T, Value obj, Str *name, Value val);
/* object.__delattr__: what `del obj.name` does without the class's own
 * __delattr__. */
int attr_object_delattr(Task *T, Value obj, Str *name);
/* Method lookup for LOAD_METHOD: when the attribute is a plain function or
 * method-native found on the type, returns 1 with *meth and *self set so the
 * call needs no bound-method object; otherwise 0 with *meth the attribute. */
/* Set a class attribute without the metaclass's __setattr__ (a user class
 * only: TypeError for a builtin type). */
int attr_type_setattr(Task *T, Class *c, Str *name, Value val);
/* The metaclass-like class a library base class names for its subclasses
 * (enum, abc; see attr.c), or V_UNDEF, and one of its methods. */
Value attr_meta_of(Sim *S, Class *c);
Value attr_meta_method(Sim *S, Class *c, Str *name);
int attr_get_method(Task *T, Value obj, Str *name, Value *meth, bool *unbound);

#endif
