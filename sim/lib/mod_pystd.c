/* mod_pystd.c - the registry entries of the standard modules written in
 * Python (sim/py/NAME.py, run into the module's dict on first import), and
 * _stdlib, the private module of natives their Python code imports:
 * what CPython's C helpers (object.__new__, type.__setattr__...) give them
 * and the simulator's Python subset lacks. */
#include "mod_pystd.h"
#include "attr.h"
#include "bytes.h"
#include "dict.h"
#include "native.h"
#include "obj.h"
#include "proc.h"
#include "str.h"
#include "tuple.h"

/* ---- _stdlib ---- */

/* NewBase: a base class whose subclasses' __new__ is honoured.  The VM
 * never calls a user class's __new__ (docs/language.md); a class made by
 * a C constructor (a "payload" class) is, so library classes that need
 * __new__ (Enum: Color(1) returns a member; ABC: refuses abstract
 * classes; TypedDict) derive from this one.  Its instances are plain. */
/* An enum member keeps its identity in another process (CPython pickles
 * it as its class and value): the copy is the copied class's member of
 * the same name. */
static int newbase_clone(Copier *C, Value v, Value *out)
{
    Sim *S = proc_copy_task(C)->S;
    Instance *in = AS_INST(v);
    Value name = in->dict ? dict_get_str(in->dict, str_intern(S, "_name_", 6)) : v_undef();
    if (is_str(name)) {
        Value cv;
        if (proc_copy_nested(C, v_obj(in->cls), &cv) < 0) return -1;
        Value mm = obj_class_lookup(S, AS_CLASS(cv), str_intern(S, "_member_map_", 12));
        if (is_dict(mm)) {
            Value m = dict_get_str(AS_DICT(mm), AS_STR(name));
            if (is_instance(m)) {
                proc_copy_memo(C, v, m);
                *out = m;
                return 0;
            }
        }
    }
    return proc_copy_instance(C, v, NULL, out);
}
static const PayloadOps newbase_ops = {"object", NULL, NULL, newbase_clone, NULL, NULL, false, true};

static bool is_newbase_class(Class *c) { return c->payload == &newbase_ops; }

NATIVE(newbase_ctor)
{
    Sim *S = T->S;
    Class *cls = AS_CLASS(args[0]);
    Value nw = v_undef();
    for (int64_t i = 0; i < cls->mro->n && is_undef(nw); i++) {
        Value v = dict_get_str(AS_CLASS(cls->mro->v[i])->dict, S->sym[SYM_new]);
        if (is_kind(v, K_STATICMETHOD)) v = ((Wrapper *)v.u.o)->func;
        if (is_kind(v, K_FUNC)) nw = v;
    }
    if (!is_undef(nw)) return vm_call(T, nw, args, nargs, kw, out) < 0 ? NAT_ERR : NAT_OK;
    if (nargs > 1) {
        Value init = obj_class_lookup(S, cls, S->sym[SYM_init]);
        if (!is_kind(init, K_FUNC)) return exc_raise(T, EXC_TypeError, "%s() takes no arguments", cls->name->s);
    }
    *out = v_obj(obj_instance_new(S, cls));
    return NAT_OK;
}

/* is_subclass(a, b): issubclass without __subclasscheck__ (the MRO) */
NATIVE(il_is_subclass)
{
    if (nat_count(T, "is_subclass", nargs, kw, 2, 2) < 0) return NAT_ERR;
    if (!is_class(args[0]) || !is_class(args[1])) return exc_raise(T, EXC_TypeError, "is_subclass() needs two classes");
    *out = v_bool(obj_is_subclass(AS_CLASS(args[0]), AS_CLASS(args[1])) ||
                  (AS_CLASS(args[1])->type_id == TY_INT && AS_CLASS(args[0]) == T->S->types[TY_BOOL]));
    return NAT_OK;
}

/* set_metaclass(cls, meta): class-level operations of cls and its
 * subclasses use meta's methods (attr.c, attr_meta_of) */
NATIVE(il_set_metaclass)
{
    if (nat_count(T, "set_metaclass", nargs, kw, 2, 2) < 0) return NAT_ERR;
    if (!is_class(args[0]) || !is_class(args[1])) return exc_raise(T, EXC_TypeError, "set_metaclass() needs two classes");
    dict_set_str(T->S, AS_CLASS(args[0])->dict, T->S->sym[SYM_meta], args[1]);
    *out = v_none();
    return NAT_OK;
}

/* instance_new(cls): an instance of a user class without calling its
 * __init__ (object.__new__(cls)). */
NATIVE(il_instance_new)
{
    if (nat_count(T, "instance_new", nargs, kw, 1, 1) < 0) return NAT_ERR;
    if (!is_class(args[0])) return exc_raise(T, EXC_TypeError, "instance_new() needs a class");
    Class *c = AS_CLASS(args[0]);
    if (c->type_id >= 0 && c->type_id != TY_OBJECT)
        return exc_raise(T, EXC_TypeError, "object.__new__(%s) is not safe, use %s.__new__()", c->name->s, c->name->s);
    if (c->payload && !is_newbase_class(c)) {
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
    if (!dict_del_str(T->S, AS_CLASS(args[0])->dict, name))
        return exc_raise(T, EXC_AttributeError, "type object '%s' has no attribute '%s'", AS_CLASS(args[0])->name->s, name->s);
    *out = v_none();
    return NAT_OK;
}

static void il_setup(Sim *S, Dict *d)
{
    Class *c = attr_class_new(S, str_intern(S, "NewBase", 7), NULL, NULL, NULL);
    c->payload = &newbase_ops;
    c->ctor = newbase_ctor;
    c->module = str_from_c(S, "_stdlib");
    dict_set_str(S, d, c->name, v_obj(c));
    bytes_setup(S, d);
}

static const ModEntry il_entries[] = {
    {"is_subclass", ME_FN, il_is_subclass, 0, NULL},
    {"set_metaclass", ME_FN, il_set_metaclass, 0, NULL},
    {"instance_new", ME_FN, il_instance_new, 0, NULL},
    {"type_setattr", ME_FN, il_type_setattr, 0, NULL},
    {"type_delattr", ME_FN, il_type_delattr, 0, NULL},
    {NULL, 0, NULL, 0, NULL},
};

static const ModEntry no_entries[] = {{NULL, 0, NULL, 0, NULL}};

#define PYMOD(var, name, py) static const ModDef var = {name, no_entries, NULL, NULL, py, NULL, false, NULL}
static const char *const il_names[] = {"NewBase", "bytes", NULL};
static const ModDef mod_il = {"_stdlib", il_entries, il_names, il_setup, NULL, NULL, false, NULL};
PYMOD(mod_functools, "functools", "functools");
PYMOD(mod_copy, "copy", "copy");
PYMOD(mod_itertools, "itertools", "itertools");
PYMOD(mod_contextlib, "contextlib", "contextlib");
PYMOD(mod_io, "io", "io");
PYMOD(mod_string, "string", "string");
PYMOD(mod_textwrap, "textwrap", "textwrap");
PYMOD(mod_statistics, "statistics", "statistics");
PYMOD(mod_json, "json", "json");
PYMOD(mod_abc, "abc", "abc");
PYMOD(mod_enum, "enum", "enum");
PYMOD(mod_dataclasses, "dataclasses", "dataclasses");
PYMOD(mod_collections_abc, "collections.abc", "collections_abc");
PYMOD(mod_typing, "typing", "typing");
PYMOD(mod_uuid, "uuid", "uuid");
PYMOD(mod_secrets, "secrets", "secrets");

const ModDef *const mod_pystd_list[] = {
    &mod_il, &mod_functools, &mod_copy, &mod_itertools, &mod_contextlib, &mod_io, &mod_string, &mod_textwrap, &mod_statistics, &mod_json, &mod_abc, &mod_enum, &mod_dataclasses, &mod_collections_abc, &mod_typing, &mod_uuid, &mod_secrets, NULL,
};

