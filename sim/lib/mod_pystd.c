/* mod_pystd.c - the registry entries of the standard modules written in
 * Python (sim/py/NAME.py, run into the module's dict on first import), and
 * _interleave, the private module of natives their Python code imports:
 * what CPython's C helpers (object.__new__, type.__setattr__...) give them
 * and the simulator's Python subset lacks. */
#include "mod_pystd.h"
#include "attr.h"
#include "dict.h"
#include "native.h"
#include "str.h"
#include "tuple.h"

/* ---- _interleave ---- */

/* instance_new(cls): an instance of a user class without calling its
 * __init__ (object.__new__(cls)). */
NATIVE(il_instance_new)
{
    if (nat_count(T, "instance_new", nargs, kw, 1, 1) < 0) return NAT_ERR;
    if (!is_class(args[0])) return exc_raise(T, EXC_TypeError, "instance_new() needs a class");
    Class *c = AS_CLASS(args[0]);
    if (c->type_id >= 0 && c->type_id != TY_OBJECT)
        return exc_raise(T, EXC_TypeError, "object.__new__(%s) is not safe, use %s.__new__()", c->name->s, c->name->s);
    if (c->payload) {
        /* the payload's constructor makes it (deque(), an exception...) */
        for (int64_t i = 0; i < c->mro->n; i++) {
            Class *k = AS_CLASS(c->mro->v[i]);
            if (k->ctor && k->payload) {
                Value a = args[0];
                return k->ctor(T, &a, 1, NULL, out);
            }
        }
    }
    *out = v_obj(obj_instance_new(T->S, c));
    return NAT_OK;
}

/* type_setattr(cls, name, value): set a class attribute without the
 * metaclass's __setattr__ (type.__setattr__). */
NATIVE(il_type_setattr)
{
    if (nat_count(T, "type_setattr", nargs, kw, 3, 3) < 0) return NAT_ERR;
    if (!is_class(args[0]) || !is_str(args[1])) return exc_raise(T, EXC_TypeError, "type_setattr(cls, name, value)");
    Str *name = str_intern(T->S, AS_STR(args[1])->s, (size_t)AS_STR(args[1])->len);
    if (attr_type_setattr(T, AS_CLASS(args[0]), name, args[2]) < 0) return NAT_ERR;
    *out = v_none();
    return NAT_OK;
}

/* type_delattr(cls, name) */
NATIVE(il_type_delattr)
{
    if (nat_count(T, "type_delattr", nargs, kw, 2, 2) < 0) return NAT_ERR;
    if (!is_class(args[0]) || !is_str(args[1])) return exc_raise(T, EXC_TypeError, "type_delattr(cls, name)");
    Str *name = str_intern(T->S, AS_STR(args[1])->s, (size_t)AS_STR(args[1])->len);
    if (!dict_del_str(AS_CLASS(args[0])->dict, name))
        return exc_raise(T, EXC_AttributeError, "type object '%s' has no attribute '%s'", AS_CLASS(args[0])->name->s, name->s);
    *out = v_none();
    return NAT_OK;
}

static const ModEntry il_entries[] = {
    {"instance_new", ME_FN, il_instance_new, 0, NULL},
    {"type_setattr", ME_FN, il_type_setattr, 0, NULL},
    {"type_delattr", ME_FN, il_type_delattr, 0, NULL},
    {NULL, 0, NULL, 0, NULL},
};

static const ModEntry no_entries[] = {{NULL, 0, NULL, 0, NULL}};

#define PYMOD(var, name, py) static const ModDef var = {name, no_entries, NULL, NULL, py, NULL}
static const ModDef mod_il = {"_interleave", il_entries, NULL, NULL, NULL, NULL};
PYMOD(mod_functools, "functools", "functools");
PYMOD(mod_copy, "copy", "copy");
PYMOD(mod_itertools, "itertools", "itertools");
PYMOD(mod_contextlib, "contextlib", "contextlib");
PYMOD(mod_io, "io", "io");
PYMOD(mod_string, "string", "string");
PYMOD(mod_textwrap, "textwrap", "textwrap");
PYMOD(mod_statistics, "statistics", "statistics");
PYMOD(mod_json, "json", "json");

const ModDef *const mod_pystd_defs[] = {
    &mod_il, &mod_functools, &mod_copy, &mod_itertools, &mod_contextlib, &mod_io, &mod_string, &mod_textwrap, &mod_statistics, &mod_json,
};
const size_t mod_pystd_count = ARRAY_LEN(mod_pystd_defs);
