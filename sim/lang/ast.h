/* ast.h - the abstract syntax tree the parser builds and the compiler reads.
 * Every node is allocated in the parse's arena and freed with it. */
#ifndef IL_AST_H
#define IL_AST_H

#include "common.h"

#define NODE_KINDS(X) \
    /* expressions */ \
    X(E_NAME) X(E_CONST) X(E_FSTRING) X(E_FORMATTED) X(E_TUPLE) X(E_LIST) \
    X(E_SET) X(E_DICT) X(E_BINOP) X(E_UNARY) X(E_BOOLOP) X(E_COMPARE) \
    X(E_CALL) X(E_KEYWORD) X(E_ATTR) X(E_SUBSCRIPT) X(E_SLICE) X(E_STARRED) \
    X(E_LAMBDA) X(E_IFEXP) X(E_LISTCOMP) X(E_SETCOMP) X(E_GENEXP) \
    X(E_DICTCOMP) X(E_COMPREHENSION) X(E_AWAIT) X(E_YIELD) X(E_YIELDFROM) X(E_NAMEDEXPR) \
    /* statements */ \
    X(S_EXPR) X(S_ASSIGN) X(S_AUGASSIGN) X(S_ANNASSIGN) X(S_DEL) X(S_PASS) \
    X(S_BREAK) X(S_CONTINUE) X(S_RETURN) X(S_RAISE) X(S_GLOBAL) \
    X(S_NONLOCAL) X(S_IMPORT) X(S_IMPORTFROM) X(S_ALIAS) X(S_ASSERT) X(S_IF) \
    X(S_WHILE) X(S_FOR) X(S_TRY) X(S_HANDLER) X(S_WITH) X(S_WITHITEM) \
    X(S_FUNCDEF) X(S_CLASSDEF)

typedef enum {
#define X(k) k,
    NODE_KINDS(X)
#undef X
    NODE_KIND_COUNT
} NodeKind;

extern const char *const parse_node_kind_name[];

typedef enum { C_NONE, C_TRUE, C_FALSE, C_INT, C_FLOAT, C_STR, C_ELLIPSIS, C_BYTES } ConstKind;

typedef struct Node Node;
typedef struct NodeList { Node **v; size_t n, cap; } NodeList;

typedef struct Params {
    NodeList args;        /* E_NAME nodes: positional (incl. positional-only) */
    NodeList defaults;    /* defaults of the last len(defaults) args */
    NodeList kwonly;      /* E_NAME nodes */
    NodeList kw_defaults; /* one per kwonly; NULL where none */
    Node *vararg;         /* E_NAME or NULL */
    Node *kwarg;          /* E_NAME or NULL */
    int posonly;          /* how many of args are positional-only */
} Params;

struct Node {
    NodeKind kind;
    int op;               /* OpId for operators; ConstKind for E_CONST */
    int line, col;        /* 1-based start */
    int end_line, end_col;
    Node *a, *b, *c, *d;  /* meaning depends on kind; see parse.c */
    NodeList list, list2, list3;
    char *name;           /* identifier, NUL-terminated, in the arena */
    int64_t ival;
    double fval;
    char *sval;           /* string constant (UTF-8, may hold NULs) */
    int slen;
    int flags;            /* e.g. async, conversion char */
    Params *params;
    int *ops;             /* E_COMPARE: one OpId per comparator */
    void *scope;          /* compiler: the scope a def/lambda/class/comprehension opens */
};

/* Field use by kind (so the compiler reads the same names):
 *  E_NAME name            E_CONST op=ConstKind ival/fval/sval (C_INT past 64 bits:
 *        sval the digits, ival the base)
 *  E_FSTRING list=parts   E_FORMATTED a=value b=spec(E_FSTRING|NULL) flags=conv
 *  E_TUPLE/E_LIST/E_SET list=elts
 *  E_DICT list=keys (NULL for **x) list2=values
 *  E_BINOP op a b         E_UNARY op a         E_BOOLOP op list
 *  E_COMPARE a list=comparators ops (KW_IN/KW_IS/OP_LESS...; negated forms
 *        'not in' and 'is not' as -KW_IN and -KW_IS)
 *  E_CALL a=func list=args list2=keywords (E_KEYWORD name a; name NULL for **)
 *  E_ATTR a name          E_SUBSCRIPT a b      E_SLICE a b c (each may be NULL)
 *  E_STARRED a            E_LAMBDA params a=body   E_IFEXP a=test b=body c=orelse
 *  E_LISTCOMP/E_SETCOMP/E_GENEXP a=elt list=generators
 *  E_DICTCOMP a=key b=value list=generators
 *  E_COMPREHENSION a=target b=iter list=ifs flags=async
 *  E_AWAIT a              E_NAMEDEXPR a=target b=value
 *  E_YIELD a (NULL: a bare yield)   E_YIELDFROM a
 *  S_EXPR a   S_ASSIGN list=targets a=value   S_AUGASSIGN a op b
 *  S_ANNASSIGN a=target b=annotation c=value  S_DEL list  S_RETURN a
 *  S_RAISE a=exc b=cause  S_GLOBAL/S_NONLOCAL list=E_NAME
 *  S_IMPORT list=S_ALIAS  S_IMPORTFROM name=module list=S_ALIAS
 *  S_ALIAS name sval=asname (NULL if none)
 *  S_ASSERT a b  S_IF a list=body list2=orelse  S_WHILE a list list2
 *  S_FOR a=target b=iter list list2 flags=async
 *  S_TRY list=body list2=handlers list3=orelse d->list=finalbody (d is a
 *        holder node, NULL when there is no finally)
 *  S_HANDLER a=type name=asname list=body
 *  S_WITH list=items list2=body flags=async   S_WITHITEM a=ctx b=vars
 *  S_FUNCDEF name params list=body list2=decorators flags=async a=returns
 *  S_CLASSDEF name list=bases list2=body list3=decorators b=keywords holder
 */

enum { FLAG_ASYNC = 1 };

typedef struct Arena Arena;

typedef struct Module {
    NodeList body;
    Arena *arena;
    char *docstring;       /* the module docstring, or NULL */
    int doc_line;          /* line of the docstring token */
    int doc_body_line;     /* line where the docstring's text starts */
} Module;

#endif
