/* attr.c - attribute access (instances, classes, modules, functions,
 * builtin values), method lookup without bound-method allocation, and class
 * creation with C3 linearisation. */
#include "attr.h"
#include "dict.h"
#include "gc.h"
#include "list.h"
#include "obj.h"
#include "str.h"
#include "tuple.h"

#include <stdio.h>
#include <stdlib.h>

/* Bind a class attribute found for an instance (or class) access. */
static int bind_attr(Task *T, Value attr, Value self, Class *cls, bool via_class, Value *out)
{
    Sim *S = T->S;
    if (!is_obj(attr)) {
        *out = attr;
        return 0;
    }
    switch ((ObjKind)attr.u.o->kind) {
    case K_FUNC:
        *out = via_class ? attr : obj_method(S, self, attr);
        return 0;
    case K_NATIVE: {
        Native *n = AS_NATIVE(attr);
        if (n->meth_flags & NF_CLASSMETHOD) *out = obj_method(S, v_obj(cls), attr);
        else if ((n->meth_flags & NF_METHOD) && !via_class) *out = obj_method(S, self, attr);
        else *out = attr;
        return 0;
    }
    case K_STATICMETHOD:
        *out = ((Wrapper *)attr.u.o)->func;
        return 0;
    case K_CLASSMETHOD:
        *out = obj_method(S, v_obj(cls), ((Wrapper *)attr.u.o)->func);
        return 0;
    case K_PROPERTY: {
        if (via_class) {
            *out = attr;
            return 0;
        }
        Property *p = (Property *)attr.u.o;
        if (is_undef(p->fget) || is_none(p->fget))
            return exc_raise(T, EXC_AttributeError, "property of '%s' object has no getter", cls->name->s);
        return vm_call(T, p->fget, &self, 1, NULL, out);
    }
    case K_INSTANCE:
        if (AS_INST(attr)->cls->cflags & CF_DESCR_GET) {
            /* a user descriptor: __get__(descr, instance or None, owner) */
            Value m = obj_class_lookup(S, AS_INST(attr)->cls, S->sym[SYM_get]);
            if (!is_undef(m)) {
                Value a[3] = {attr, via_class ? v_none() : self, v_obj(cls)};
                return vm_call(T, m, a, 3, NULL, out);
            }
        }
        *out = attr;
        return 0;
    default:
        *out = attr;
        return 0;
    }
}

/* A data descriptor: an instance of a class that defines __set__ or
 * __delete__ (it wins over the instance's __dict__). */
static inline bool is_data_descr(Value v)
{
    return is_instance(v) && (AS_INST(v)->cls->cflags & CF_DESCR_SET);
}

/* The metaclass-like class of c (enum's EnumType, abc's ABCMeta): the
 * simulator has no metaclasses, so a library base class names one in its
 * dict (_interleave_metaclass_) and class-level operations (iteration,
 * len, in, [], repr, missing attributes, setting attributes, creating a
 * subclass) use its methods.  V_UNDEF if none. */
Value attr_meta_of(Sim *S, Class *c)
{
    if (!(c->cflags & CF_USER) && c->type_id >= 0) return v_undef();
    Value m = obj_class_lookup(S, c, S->sym[SYM_meta]);
    return is_class(m) ? m : v_undef();
}

/* meta's method `name` for class c, or V_UNDEF. */
Value attr_meta_method(Sim *S, Class *c, Str *name)
{
    Value m = attr_meta_of(S, c);
    if (is_undef(m)) return m;
    return obj_class_lookup(S, AS_CLASS(m), name);
}

static int no_attr(Task *T, Value obj, Str *name)
{
    Sim *S = T->S;
    if (is_kind(obj, K_MODULE))
        return exc_raise(T, EXC_AttributeError, "module '%s' has no attribute '%s'", AS_MODULE(obj)->name->s, name->s);
    if (is_class(obj))
        return exc_raise(T, EXC_AttributeError, "type object '%s' has no attribute '%s'", AS_CLASS(obj)->name->s, name->s);
    return exc_raise(T, EXC_AttributeError, "'%s' object has no attribute '%s'", obj_type_name(S, obj), name->s);
}

static int exc_special_attr(Task *T, Value obj, Str *name, Value *out);

/* The last resort of a lookup: cls's __getattr__(obj, name); 1 with *out,
 * 0 when it raised AttributeError (not found), -1 for another error. */
static int call_getattr(Task *T, Class *cls, Value obj, Str *name, Value *out)
{
    Sim *S = T->S;
    Value m = obj_class_lookup(S, cls, S->sym[SYM_getattr_]);
    Value args[2] = {obj, v_obj(name)};
    if (vm_call(T, m, args, 2, NULL, out) < 0) {
        if (!exc_matches(S, T->exc, EXC_AttributeError)) return -1;
        T->exc = v_undef();
        return 0;
    }
    return 1;
}

/* The dict holding instance in's attributes for this task: its own, or
 * the one its payload picks (threading.local: the running thread's). */
static inline int inst_dict(Task *T, Value obj, Instance *in, Dict **out)
{
    const PayloadOps *po = in->cls->payload;
    if (UNLIKELY(po && po->inst_dict)) return po->inst_dict(T, obj, out);
    *out = in->dict;
    return 0;
}

int attr_inst_dict(Task *T, Value obj, Dict **out)
{
    Instance *in = AS_INST(obj);
    if (inst_dict(T, obj, in, out) < 0) return -1;
    if (!*out && !(in->cls->payload && in->cls->payload->inst_dict)) *out = in->dict = dict_new(T->S);
    return 0;
}

int attr_get_opt(Task *T, Value obj, Str *name, Value *out)
{
    Sim *S = T->S;
    if (is_obj(obj)) {
        Obj *o = obj.u.o;
        switch ((ObjKind)o->kind) {
        case K_INSTANCE: {
            Instance *in = (Instance *)o;
            Value ca = obj_class_lookup(S, in->cls, name);
            if (is_kind(ca, K_PROPERTY)) return bind_attr(T, ca, obj, in->cls, false, out) < 0 ? -1 : 1;
            if (is_data_descr(ca) && (AS_INST(ca)->cls->cflags & CF_DESCR_GET))
                return bind_attr(T, ca, obj, in->cls, false, out) < 0 ? -1 : 1;
            Dict *idict;
            if (inst_dict(T, obj, in, &idict) < 0) return -1;
            if (idict) {
                Value v = dict_get_str(idict, name);
                if (!is_undef(v)) {
                    *out = v;
                    return 1;
                }
            }
            if (!is_undef(ca)) return bind_attr(T, ca, obj, in->cls, false, out) < 0 ? -1 : 1;
            if (name == S->sym[SYM_class_]) {
                *out = v_obj(in->cls);
                return 1;
            }
            if (name == S->sym[SYM_dict_]) {
                if (attr_inst_dict(T, obj, &idict) < 0) return -1;
                *out = v_obj(idict);
                return 1;
            }
            if (in->cls->cflags & CF_EXCEPTION) {
                int r = exc_special_attr(T, obj, name, out);
                if (r) return r;
            }
            if (in->cls->cflags & CF_HAS_GETATTR) return call_getattr(T, in->cls, obj, name, out);
            return 0;
        }
        case K_LIST: case K_DICT: case K_SET: {
            if (!(o->flags & OF_SUBCLASS)) break;
            /* a program's subclass of list, dict or set: its class, then
             * its own attributes, as an instance's */
            SubExt *x = obj_sub_ext(o);
            Value ca = obj_class_lookup(S, x->cls, name);
            if (is_kind(ca, K_PROPERTY)) return bind_attr(T, ca, obj, x->cls, false, out) < 0 ? -1 : 1;
            if (x->attrs) {
                Value v = dict_get_str(x->attrs, name);
                if (!is_undef(v)) {
                    *out = v;
                    return 1;
                }
            }
            if (!is_undef(ca)) return bind_attr(T, ca, obj, x->cls, false, out) < 0 ? -1 : 1;
            if (name == S->sym[SYM_dict_]) {
                if (!x->attrs) x->attrs = dict_new(S);
                *out = v_obj(x->attrs);
                return 1;
            }
            if (x->cls->cflags & CF_HAS_GETATTR) return call_getattr(T, x->cls, obj, name, out);
            break;
        }
        case K_CLASS: {
            Class *c = (Class *)o;
            /* type's own descriptors win over the class's dict */
            if (name == S->sym[SYM_name]) { *out = v_obj(c->name); return 1; }
            if (name == S->sym[SYM_qualname]) { *out = v_obj(c->qualname ? c->qualname : c->name); return 1; }
            if ((name == S->sym[SYM_doc] || name == S->sym[SYM_annotations]) && (c->cflags & CF_USER)) {
                /* not inherited: the class's own, else from its source */
                Value v = dict_get_str(c->dict, name);
                if (!is_undef(v)) {
                    *out = v;
                    return 1;
                }
                int r = S->srcinfo ? S->srcinfo->attr(T, obj, name, out) : 0;
                if (r) return r;
                if (name == S->sym[SYM_doc]) {
                    *out = v_none();
                    return 1;
                }
            }
            Value ca = obj_class_lookup(S, c, name);
            if (!is_undef(ca)) return bind_attr(T, ca, obj, c, true, out) < 0 ? -1 : 1;
            if (name == S->sym[SYM_module]) { *out = c->module ? v_obj(c->module) : str_value(S, "builtins"); return 1; }
            if (name == S->sym[SYM_dict_]) { *out = v_obj(c->dict); return 1; }
            if (name == S->sym[SYM_class_]) { *out = v_obj(S->types[TY_TYPE]); return 1; }
            if (str_eq_c(name, "__bases__")) { *out = v_obj(c->bases); return 1; }
            if (str_eq_c(name, "__mro__")) { *out = v_obj(c->mro); return 1; }
            if (str_eq_c(name, "__base__")) {
                *out = c->bases->n ? c->bases->v[0] : v_none();
                return 1;
            }
            if (name == S->sym[SYM_doc]) { *out = v_none(); return 1; }
            Value ma = attr_meta_method(S, c, name);
            if (!is_undef(ma)) {
                /* the class is an instance of its metaclass */
                return bind_attr(T, ma, obj, AS_CLASS(attr_meta_of(S, c)), false, out) < 0 ? -1 : 1;
            }
            return 0;
        }
        case K_MODULE: {
            Value v = dict_get_str(((ModuleObj *)o)->dict, name);
            if (is_undef(v)) {
                if (name == S->sym[SYM_name]) {
                    *out = v_obj(((ModuleObj *)o)->name);
                    return 1;
                }
                return S->import && S->import->module_attr ? S->import->module_attr(T, obj, name, out) : 0;
            }
            *out = v;
            return 1;
        }
        case K_FUNC: {
            Func *f = (Func *)o;
            if (name == S->sym[SYM_name]) { *out = v_obj(f->name); return 1; }
            if (name == S->sym[SYM_qualname]) { *out = v_obj(f->qualname); return 1; }
            if (f->dict && (name == S->sym[SYM_module] || name == S->sym[SYM_doc])) {
                Value v = dict_get_str(f->dict, name);
                if (!is_undef(v)) {
                    *out = v;
                    return 1;
                }
            }
            if (name == S->sym[SYM_module]) {
                /* the __name__ of the globals it was defined in */
                Value mn = f->globals ? dict_get_str(f->globals, S->sym[SYM_name]) : v_undef();
                *out = is_str(mn) ? mn : str_value(S, "__main__");
                return 1;
            }
            if (name == S->sym[SYM_doc] || name == S->sym[SYM_annotations]) {
                Value v = f->dict ? dict_get_str(f->dict, name) : v_undef();
                if (!is_undef(v)) {
                    *out = v;
                    return 1;
                }
                /* the compiler keeps neither: read them from the source */
                int r = S->srcinfo ? S->srcinfo->attr(T, obj, name, out) : 0;
                if (r) return r;
                *out = name == S->sym[SYM_doc] ? v_none() : v_obj(dict_new(S));
                return 1;
            }
            if (name == S->sym[SYM_dict_]) {
                if (!f->dict) f->dict = dict_new(S);
                *out = v_obj(f->dict);
                return 1;
            }
            if (f->dict) {
                Value v = dict_get_str(f->dict, name);
                if (!is_undef(v)) {
                    *out = v;
                    return 1;
                }
            }
            break;
        }
        case K_NATIVE:
            if (name == S->sym[SYM_name] || name == S->sym[SYM_qualname]) {
                *out = str_value(S, ((Native *)o)->name);
                return 1;
            }
            if (str_eq_c(name, "__self__")) {
                *out = is_undef(((Native *)o)->bound) ? v_none() : ((Native *)o)->bound;
                return 1;
            }
            break;
        case K_METHOD: {
            Method *m = (Method *)o;
            if (str_eq_c(name, "__self__")) { *out = m->self; return 1; }
            if (str_eq_c(name, "__func__")) { *out = m->func; return 1; }
            return attr_get_opt(T, m->func, name, out);
        }
        case K_SUPER: {
            Super *sp = (Super *)o;
            Tuple *mro = sp->self_cls->mro;
            int64_t i = 0;
            while (i < mro->n && AS_CLASS(mro->v[i]) != sp->start) i++;
            for (i++; i < mro->n; i++) {
                Class *k = AS_CLASS(mro->v[i]);
                Value v = dict_get_str(k->dict, name);
                if (is_undef(v)) continue;
                bool via_class = is_class(sp->self);
                return bind_attr(T, v, sp->self, sp->self_cls, via_class && !is_kind(v, K_CLASSMETHOD), out) < 0 ? -1 : 1;
            }
            return 0;
        }
        case K_PROPERTY: {
            Property *p = (Property *)o;
            if (str_eq_c(name, "fget")) { *out = is_undef(p->fget) ? v_none() : p->fget; return 1; }
            if (str_eq_c(name, "fset")) { *out = is_undef(p->fset) ? v_none() : p->fset; return 1; }
            if (str_eq_c(name, "fdel")) { *out = is_undef(p->fdel) ? v_none() : p->fdel; return 1; }
            if (str_eq_c(name, "__isabstractmethod__")) {
                /* abc: abstract when one of its functions is */
                Value fs[3] = {p->fget, p->fset, p->fdel};
                *out = v_bool(false);
                for (int i = 0; i < 3; i++) {
                    Value a;
                    if (!is_kind(fs[i], K_FUNC)) continue;
                    int r = attr_get_opt(T, fs[i], name, &a);
                    if (r < 0) return -1;
                    if (r == 1) {
                        int t = obj_truthy(T, a);
                        if (t < 0) return -1;
                        if (t) *out = v_bool(true);
                    }
                }
                return 1;
            }
            /* property.setter / deleter are natives on the property type */
            break;
        }
        case K_STATICMETHOD: case K_CLASSMETHOD: {
            Value fn = ((Wrapper *)o)->func;
            if (str_eq_c(name, "__func__") || str_eq_c(name, "__wrapped__")) {
                *out = fn;
                return 1;
            }
            /* the function's attributes show through (__isabstractmethod__, __doc__) */
            return attr_get_opt(T, fn, name, out);
        }
        case K_SLICE: {
            Slice *s = (Slice *)o;
            if (str_eq_c(name, "start")) { *out = s->start; return 1; }
            if (str_eq_c(name, "stop")) { *out = s->stop; return 1; }
            if (str_eq_c(name, "step")) { *out = s->step; return 1; }
            break;
        }
        case K_RANGE: {
            Range *r = (Range *)o;
            if (str_eq_c(name, "start")) { *out = v_int(r->start); return 1; }
            if (str_eq_c(name, "stop")) { *out = v_int(r->stop); return 1; }
            if (str_eq_c(name, "step")) { *out = v_int(r->step); return 1; }
            break;
        }
        default: break;
        }
    } else if (obj.tag == V_INT || obj.tag == V_BOOL || obj.tag == V_FLOAT) {
        if (str_eq_c(name, "real")) { *out = obj.tag == V_BOOL ? v_int(obj.u.i) : obj; return 1; }
        if (str_eq_c(name, "imag")) { *out = obj.tag == V_FLOAT ? v_float(0) : v_int(0); return 1; }
        if (obj.tag != V_FLOAT && str_eq_c(name, "numerator")) { *out = v_int(obj.u.i); return 1; }
        if (obj.tag != V_FLOAT && str_eq_c(name, "denominator")) { *out = v_int(1); return 1; }
    }
    /* builtin types: methods live on the type */
    Class *c = obj_type_of(S, obj);
    Value ca = obj_class_lookup(S, c, name);
    if (!is_undef(ca)) return bind_attr(T, ca, obj, c, false, out) < 0 ? -1 : 1;
    if (name == S->sym[SYM_class_]) {
        *out = v_obj(c);
        return 1;
    }
    return 0;
}

int attr_get(Task *T, Value obj, Str *name, Value *out)
{
    int r = attr_get_opt(T, obj, name, out);
    if (r < 0) return -1;
    if (r == 0) return no_attr(T, obj, name);
    return 0;
}

int attr_get_method(Task *T, Value obj, Str *name, Value *meth, bool *unbound)
{
    Sim *S = T->S;
    *unbound = false;
    Class *c = obj_type_of(S, obj);
    if (!is_class(obj) && !is_kind(obj, K_MODULE) && !is_kind(obj, K_SUPER)) {
        Value ca = obj_class_lookup(S, c, name);
        if (is_kind(ca, K_FUNC) || (is_kind(ca, K_NATIVE) && (AS_NATIVE(ca)->meth_flags & NF_METHOD))) {
            bool shadowed = false;
            if (is_instance(obj)) {
                Dict *idict;
                if (inst_dict(T, obj, AS_INST(obj), &idict) < 0) return -1;
                if (idict) shadowed = !is_undef(dict_get_str(idict, name));
            } else if (obj_is_sub(obj) && obj_sub_ext(obj.u.o)->attrs) {
                shadowed = !is_undef(dict_get_str(obj_sub_ext(obj.u.o)->attrs, name));
            }
            if (!shadowed) {
                *meth = ca;
                *unbound = true;
                return 0;
            }
        }
    }
    return attr_get(T, obj, name, meth);
}

int attr_set(Task *T, Value obj, Str *name, Value val)
{
    Sim *S = T->S;
    if (is_obj(obj)) {
        Obj *o = obj.u.o;
        switch ((ObjKind)o->kind) {
        case K_INSTANCE: {
            Instance *in = (Instance *)o;
            /* a class's own __setattr__ comes first, as type(obj).__setattr__ */
            if (in->cls->cflags & CF_USER) {
                Value m = obj_class_lookup(S, in->cls, S->sym[SYM_setattr_]);
                if (!is_undef(m) && !is_kind(m, K_NATIVE)) {
                    Value args[3] = {obj, v_obj(name), val}, r;
                    return vm_call(T, m, args, 3, NULL, &r);
                }
            }
            return attr_object_setattr(T, obj, name, val);
        }
        case K_CLASS: {
            Class *c = (Class *)o;
            Value m = attr_meta_method(S, c, S->sym[SYM_setattr_]);
            if (is_kind(m, K_FUNC)) {
                Value args[3] = {obj, v_obj(name), val}, r;
                return vm_call(T, m, args, 3, NULL, &r);
            }
            return attr_type_setattr(T, c, name, val);
        }
        case K_MODULE:
            dict_set_str(S, ((ModuleObj *)o)->dict, name, val);
            return 0;
        case K_LIST: case K_DICT: case K_SET: {
            if (!(o->flags & OF_SUBCLASS)) break;
            SubExt *x = obj_sub_ext(o);
            Value ca = obj_class_lookup(S, x->cls, name);
            if (is_kind(ca, K_PROPERTY)) {
                Property *p = (Property *)ca.u.o;
                if (is_undef(p->fset) || is_none(p->fset))
                    return exc_raise(T, EXC_AttributeError, "property '%s' of '%s' object has no setter", name->s,
                                    x->cls->name->s);
                Value args[2] = {obj, val}, r;
                return vm_call(T, p->fset, args, 2, NULL, &r);
            }
            Value m = obj_class_lookup(S, x->cls, S->sym[SYM_setattr_]);
            if (!is_undef(m) && !is_kind(m, K_NATIVE)) {
                Value args[3] = {obj, v_obj(name), val}, r;
                return vm_call(T, m, args, 3, NULL, &r);
            }
            if (!x->attrs) x->attrs = dict_new(S);
            dict_set_str(S, x->attrs, name, val);
            return 0;
        }
        case K_FUNC: {
            Func *f = (Func *)o;
            if (name == S->sym[SYM_name] && is_str(val)) {
                f->name = AS_STR(val);
                return 0;
            }
            if (name == S->sym[SYM_qualname] && is_str(val)) {
                f->qualname = AS_STR(val);
                return 0;
            }
            if (!f->dict) f->dict = dict_new(S);
            dict_set_str(S, f->dict, name, val);
            return 0;
        }
        default: break;
        }
    }
    return exc_raise(T, EXC_AttributeError, "'%s' object has no attribute '%s'", obj_type_name(S, obj), name->s);
}

int attr_object_setattr(Task *T, Value obj, Str *name, Value val)
{
    Sim *S = T->S;
    Instance *in = AS_INST(obj);
    Value ca = obj_class_lookup(S, in->cls, name);
    if (is_kind(ca, K_PROPERTY)) {
        Property *p = (Property *)ca.u.o;
        if (is_undef(p->fset) || is_none(p->fset))
            return exc_raise(T, EXC_AttributeError, "property '%s' of '%s' object has no setter", name->s,
                            in->cls->name->s);
        Value args[2] = {obj, val}, r;
        return vm_call(T, p->fset, args, 2, NULL, &r);
    }
    if (is_data_descr(ca)) {
        Value m = obj_class_lookup(S, AS_INST(ca)->cls, S->sym[SYM_set]);
        if (is_undef(m))
            return exc_raise(T, EXC_AttributeError, "__set__");
        Value args[3] = {ca, obj, val}, r;
        return vm_call(T, m, args, 3, NULL, &r);
    }
    Dict *idict;
    if (attr_inst_dict(T, obj, &idict) < 0) return -1;
    dict_set_str(S, idict, name, val);
    return 0;
}

int attr_del(Task *T, Value obj, Str *name)
{
    /* a class's own __delattr__ comes first, as type(obj).__delattr__ */
    if (is_instance(obj) && (AS_INST(obj)->cls->cflags & CF_USER)) {
        Value m = obj_class_lookup(T->S, AS_INST(obj)->cls, T->S->sym[SYM_delattr_]);
        if (is_kind(m, K_FUNC)) {
            Value args[2] = {obj, v_obj(name)}, r;
            return vm_call(T, m, args, 2, NULL, &r);
        }
    }
    return attr_object_delattr(T, obj, name);
}

int attr_object_delattr(Task *T, Value obj, Str *name)
{
    if (is_instance(obj)) {
        Instance *in = AS_INST(obj);
        Value ca = obj_class_lookup(T->S, in->cls, name);
        if (is_kind(ca, K_PROPERTY)) {
            Property *p = (Property *)ca.u.o;
            if (is_undef(p->fdel) || is_none(p->fdel))
                return exc_raise(T, EXC_AttributeError, "property '%s' of '%s' object has no deleter", name->s, in->cls->name->s);
            Value r;
            return vm_call(T, p->fdel, &obj, 1, NULL, &r);
        }
        if (is_data_descr(ca)) {
            Value m = obj_class_lookup(T->S, AS_INST(ca)->cls, T->S->sym[SYM_delete_]);
            if (is_undef(m)) return exc_raise(T, EXC_AttributeError, "__delete__");
            Value args[2] = {ca, obj}, r;
            return vm_call(T, m, args, 2, NULL, &r);
        }
        Dict *idict;
        if (inst_dict(T, obj, in, &idict) < 0) return -1;
        if (idict && dict_del_str(T->S, idict, name)) return 0;
    } else if (obj_is_sub(obj)) {
        SubExt *x = obj_sub_ext(obj.u.o);
        if (x->attrs && dict_del_str(T->S, x->attrs, name)) return 0;
    } else if (is_class(obj) && (AS_CLASS(obj)->cflags & CF_USER)) {
        Value m = attr_meta_method(T->S, AS_CLASS(obj), T->S->sym[SYM_delattr_]);
        if (is_kind(m, K_FUNC)) {
            Value args[2] = {obj, v_obj(name)}, r;
            return vm_call(T, m, args, 2, NULL, &r);
        }
        if (dict_del_str(T->S, AS_CLASS(obj)->dict, name)) return 0;
    } else if (is_kind(obj, K_MODULE)) {
        if (dict_del_str(T->S, AS_MODULE(obj)->dict, name)) return 0;
    }
    return no_attr(T, obj, name);
}

/* ---- exceptions' attributes live in the payload (exc.c) ---- */


static int exc_special_attr(Task *T, Value obj, Str *name, Value *out)
{
    return exc_get_attr(T, obj, name, out);
}

/* ---- classes ---- */

/* CPython's message when the merge is stuck: the names of the classes at
 * the heads of the sequences still to merge, each once, in order (with
 * CPython's line break after "resolution"). */
static int mro_error(Task *T, Tuple **seqs, const int64_t *pos, int64_t nseq)
{
    SBuf b = {0};
    sb_puts(&b, "Cannot create a consistent method resolution\norder (MRO) for bases");
    for (int64_t i = 0, shown = 0; i < nseq; i++) {
        if (pos[i] >= seqs[i]->n) continue;
        Class *h = AS_CLASS(seqs[i]->v[pos[i]]);
        bool seen = false;
        for (int64_t j = 0; j < i && !seen; j++)
            seen = pos[j] < seqs[j]->n && AS_CLASS(seqs[j]->v[pos[j]]) == h;
        if (seen) continue;
        sb_printf(&b, "%s %s", shown++ ? "," : "", h->name->s);
    }
    exc_raise(T, EXC_TypeError, "%s", b.s);
    sb_free(&b);
    return -1;
}

/* C3 linearisation: merge the bases' MROs and the base list.  A class
 * listed twice among the bases is CPython's "duplicate base class". */
static Tuple *compute_mro(Sim *S, Class *c, Tuple *bases, Task *T)
{
    int64_t nb = bases->n;
    for (int64_t i = 0; i < nb; i++)
        for (int64_t j = 0; j < i; j++)
            if (obj_same(bases->v[i], bases->v[j])) {
                exc_raise(T, EXC_TypeError, "duplicate base class %s", AS_CLASS(bases->v[i])->name->s);
                return NULL;
            }
    int64_t nseq = nb + 1;
    Tuple **seqs = xcalloc((size_t)nseq, sizeof *seqs);
    int64_t *pos = xcalloc((size_t)nseq, sizeof *pos);
    for (int64_t i = 0; i < nb; i++) seqs[i] = AS_CLASS(bases->v[i])->mro;
    seqs[nb] = bases;
    List *out = list_new(S, 8);
    list_append(S, out, v_obj(c));
    for (;;) {
        Class *cand = NULL;
        bool any = false;
        for (int64_t i = 0; i < nseq; i++) {
            if (pos[i] >= seqs[i]->n) continue;
            any = true;
            Class *h = AS_CLASS(seqs[i]->v[pos[i]]);
            /* h must not appear in the tail of any sequence */
            bool in_tail = false;
            for (int64_t j = 0; j < nseq && !in_tail; j++)
                for (int64_t k = pos[j] + 1; k < seqs[j]->n; k++)
                    if (AS_CLASS(seqs[j]->v[k]) == h) {
                        in_tail = true;
                        break;
                    }
            if (!in_tail) {
                cand = h;
                break;
            }
        }
        if (!any) break;
        if (!cand) {
            mro_error(T, seqs, pos, nseq);
            free(seqs);
            free(pos);
            return NULL;
        }
        list_append(S, out, v_obj(cand));
        for (int64_t i = 0; i < nseq; i++)
            if (pos[i] < seqs[i]->n && AS_CLASS(seqs[i]->v[pos[i]]) == cand) pos[i]++;
    }
    free(seqs);
    free(pos);
    Tuple *t = tuple_new(S, out->n);
    vcopy(t->v, out->v, out->n);
    return t;
}

/* Does c (or a base) define __get__, __set__ or __delete__? */
static void class_descr_flags(Sim *S, Class *c)
{
    for (int64_t i = 0; i < c->mro->n; i++) {
        Dict *d = AS_CLASS(c->mro->v[i])->dict;
        if (!d || !d->used) continue;
        if (!is_undef(dict_get_str(d, S->sym[SYM_get]))) c->cflags |= CF_DESCR_GET;
        if (!is_undef(dict_get_str(d, S->sym[SYM_set])) || !is_undef(dict_get_str(d, S->sym[SYM_delete_])))
            c->cflags |= CF_DESCR_SET;
    }
}

/* What type.__new__ and a metaclass do once a class exists: __set_name__
 * of its attributes, the base's __init_subclass__, and the metaclass's
 * __init__(cls, name, bases, namespace) (attr_meta_of).  Run from C: they
 * may not block. */
static int class_created_hooks_in(Task *T, Class *c);

/* The hooks run on a context of their own: the VM's class-body return
 * still reads the class body's frame after making the class, so the
 * frame array must not grow (and move) under it. */
static int class_created_hooks(Task *T, Class *c)
{
    Ctx fresh, *saved = T->cur;
    vm_ctx_init(&fresh);
    fresh.base_depth = saved->base_depth + saved->nframes;
    T->cur = &fresh;
    int r = class_created_hooks_in(T, c);
    T->cur = saved;
    vm_ctx_free(&fresh);
    return r;
}

static int class_created_hooks_in(Task *T, Class *c)
{
    Sim *S = T->S;
    Value r;
    /* __set_name__: over a snapshot, as the hook may change the dict */
    int64_t n = c->dict->nent;
    for (int64_t i = 0; i < n && i < c->dict->nent; i++) {
        DictEntry *e = &c->dict->ent[i];
        if (is_undef(e->key) || !is_instance(e->val)) continue;
        Value m = obj_class_lookup(S, AS_INST(e->val)->cls, S->sym[SYM_set_name]);
        if (!is_kind(m, K_FUNC)) continue;
        Value a[3] = {e->val, v_obj(c), e->key};
        if (vm_call(T, m, a, 3, NULL, &r) < 0) return -1;
    }
    for (int64_t i = 1; i < c->mro->n; i++) {
        Value m = dict_get_str(AS_CLASS(c->mro->v[i])->dict, S->sym[SYM_init_subclass]);
        if (is_undef(m)) continue;
        if (is_kind(m, K_CLASSMETHOD)) m = ((Wrapper *)m.u.o)->func;
        if (!is_kind(m, K_FUNC)) break;
        Value a = v_obj(c);
        if (vm_call(T, m, &a, 1, NULL, &r) < 0) return -1;
        break;
    }
    Value meta = attr_meta_of(S, c);
    if (!is_undef(meta)) {
        Value init = obj_class_lookup(S, AS_CLASS(meta), S->sym[SYM_init]);
        if (is_kind(init, K_FUNC)) {
            Value a[4] = {v_obj(c), v_obj(c->name), v_obj(c->bases), v_obj(c->dict)};
            if (vm_call(T, init, a, 4, NULL, &r) < 0) return -1;
        }
    }
    return 0;
}

Class *attr_class_new(Sim *S, Str *name, Tuple *bases, Dict *dict, Task *T)
{
    Class *c = gc_alloc(S, K_CLASS, sizeof(Class));
    obj_classes_changed(S);
    c->name = name;
    c->qualname = name;
    c->dict = dict ? dict : dict_new(S);
    c->type_id = -1;
    if (!bases || bases->n == 0) {
        bases = tuple_new(S, 1);
        bases->v[0] = v_obj(S->types[TY_OBJECT]);
    }
    c->bases = bases;
    if (!T) {
        /* builtin classes: single inheritance, mro = self + base's mro */
        Class *b = AS_CLASS(bases->v[0]);
        if (b == c) {
            c->mro = tuple_new(S, 1);
            c->mro->v[0] = v_obj(c);
        } else {
            c->mro = tuple_new(S, b->mro->n + 1);
            c->mro->v[0] = v_obj(c);
            vcopy(c->mro->v + 1, b->mro->v, b->mro->n);
        }
    } else {
        c->mro = compute_mro(S, c, bases, T);
        if (!c->mro) return NULL;
    }
    for (int64_t i = 0; i < bases->n; i++) {
        Class *b = AS_CLASS(bases->v[i]);
        if (b->cflags & CF_EXCEPTION) c->cflags |= CF_EXCEPTION;
        if (b->cflags & CF_HAS_GETATTR) c->cflags |= CF_HAS_GETATTR;
        if (b->payload && !c->payload) c->payload = b->payload;
    }
    if (dict && !is_undef(dict_get_str(dict, S->sym[SYM_getattr_]))) c->cflags |= CF_HAS_GETATTR;
    Value nf = dict ? dict_get_str(dict, S->sym[SYM_new]) : v_undef();
    if (is_kind(nf, K_FUNC)) {
        /* __new__ is a static method without saying so, as in CPython */
        Wrapper *w = gc_alloc(S, K_STATICMETHOD, sizeof(Wrapper));
        w->func = nf;
        dict_set_str(S, dict, S->sym[SYM_new], v_obj(w));
    }
    class_descr_flags(S, c);
    if (T) {
        /* a class statement or type(name, bases, dict): a user class */
        c->cflags |= CF_USER;
        Value mod = dict_get_str(c->dict, S->sym[SYM_module]);
        if (is_str(mod)) c->module = AS_STR(mod);
        Value qn = dict_get_str(c->dict, S->sym[SYM_qualname]);
        if (is_str(qn)) c->qualname = AS_STR(qn);
        if (class_created_hooks(T, c) < 0) return NULL;
    }
    return c;
}

int attr_type_setattr(Task *T, Class *c, Str *name, Value val)
{
    Sim *S = T->S;
    if (!(c->cflags & CF_USER))
        return exc_raise(T, EXC_TypeError, "cannot set '%s' attribute of immutable type '%s'", name->s, c->name->s);
    dict_set_str(S, c->dict, name, val);
    if (name == S->sym[SYM_getattr_]) c->cflags |= CF_HAS_GETATTR;
    if (name == S->sym[SYM_get] || name == S->sym[SYM_set] || name == S->sym[SYM_delete_]) class_descr_flags(S, c);
    return 0;
}
