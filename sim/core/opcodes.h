/* opcodes.h - the bytecode instruction set.
 *
 * An instruction is one uint32_t: opcode in the low 8 bits, argument in the
 * high 24.  Jump arguments are absolute instruction indexes.  X(name, weight)
 * - weight is the op's cost in units of op_cost (calls and container builds
 * cost more, as they do in CPython). */
#ifndef IL_OPCODES_H
#define IL_OPCODES_H

#define OPCODES(X) \
    X(NOP, 1) \
    X(POP_TOP, 1) \
    X(COPY, 1)              /* push stack[-arg] */ \
    X(SWAP, 1)              /* swap TOS and stack[-arg] */ \
    X(PUSH_UNDEF, 1)        /* the 'no self' marker below call args */ \
    X(LOAD_CONST, 1) \
    X(LOAD_FAST, 1) \
    X(STORE_FAST, 1) \
    X(DELETE_FAST, 1) \
    X(MAKE_CELL, 1)         /* wrap local arg in a new cell */ \
    X(LOAD_DEREF, 1) \
    X(STORE_DEREF, 1) \
    X(DELETE_DEREF, 1) \
    X(LOAD_CLOSURE, 1)      /* push the cell object itself */ \
    X(LOAD_CLASSDEREF, 1)   /* class body: namespace first, then cell */ \
    X(LOAD_GLOBAL, 2) \
    X(STORE_GLOBAL, 2) \
    X(DELETE_GLOBAL, 2) \
    X(LOAD_NAME, 2) \
    X(STORE_NAME, 2) \
    X(DELETE_NAME, 2) \
    X(LOAD_ATTR, 3) \
    X(STORE_ATTR, 3) \
    X(DELETE_ATTR, 3) \
    X(LOAD_METHOD, 3) \
    X(BINARY_OP, 1)         /* arg: BinOp */ \
    X(UNARY_NEG, 1) \
    X(UNARY_POS, 1) \
    X(UNARY_INVERT, 1) \
    X(UNARY_NOT, 1) \
    X(COMPARE_OP, 1)        /* arg: CmpOp */ \
    X(IS_OP, 1)             /* arg 1: is not */ \
    X(CONTAINS_OP, 2)       /* arg 1: not in */ \
    X(BINARY_SUBSCR, 2) \
    X(STORE_SUBSCR, 2) \
    X(DELETE_SUBSCR, 2) \
    X(BUILD_SLICE, 2) \
    X(BUILD_TUPLE, 2) \
    X(BUILD_LIST, 2) \
    X(BUILD_SET, 3) \
    X(BUILD_MAP, 3) \
    X(BUILD_STRING, 2) \
    X(LIST_APPEND, 2)       /* append TOS to the list at stack[-arg] after pop */ \
    X(SET_ADD, 2) \
    X(MAP_ADD, 2) \
    X(LIST_EXTEND, 3) \
    X(SET_UPDATE, 3) \
    X(DICT_UPDATE, 3) \
    X(DICT_MERGE, 3)        /* like DICT_UPDATE but duplicate keys are an error (**kw) */ \
    X(LIST_TO_TUPLE, 2) \
    X(UNPACK_SEQUENCE, 2) \
    X(UNPACK_EX, 2)         /* arg: before | after << 8 */ \
    X(GET_ITER, 2) \
    X(FOR_ITER, 1)          /* arg: jump target when exhausted */ \
    X(JUMP_FORWARD, 1) \
    X(JUMP_BACKWARD, 1)     /* an eval-breaker point */ \
    X(POP_JUMP_IF_FALSE, 1) \
    X(POP_JUMP_IF_TRUE, 1) \
    X(JUMP_IF_FALSE_OR_POP, 1) \
    X(JUMP_IF_TRUE_OR_POP, 1) \
    X(POP_JUMP_IF_NONE, 1) \
    X(POP_JUMP_IF_NOT_NONE, 1) \
    X(CALL, 10)             /* arg: argc | (kwnames const index + 1) << 8; stack: callable, self|undef, args... */ \
    X(CALL_FUNCTION_EX, 12) /* arg 1: has kwargs dict; stack: callable, undef, tuple[, dict] */ \
    X(MAKE_FUNCTION, 3)     /* arg: flags (1 defaults, 2 kwdefaults, 8 closure) | child code index << 4 */ \
    X(RETURN_VALUE, 2) \
    X(BUILD_CLASS, 10)      /* stack: body func, name, bases tuple -> class (runs body) */ \
    X(RAISE_VARARGS, 2) \
    X(RERAISE, 1) \
    X(PUSH_EXC_INFO, 1) \
    X(POP_EXCEPT, 1) \
    X(CHECK_EXC_MATCH, 2) \
    X(BEFORE_WITH, 4) \
    X(WITH_EXCEPT_START, 4) \
    X(FORMAT_VALUE, 2)      /* arg: conversion (0,'s','r','a') | 0x100 if spec on stack */ \
    X(IMPORT_NAME, 5) \
    X(IMPORT_FROM, 2) \
    X(LOAD_ASSERTION_ERROR, 1) \
    X(GET_AWAITABLE, 2) \
    X(AWAIT, 2)             /* run an awaitable to completion, suspending as needed */ \
    X(GET_AITER, 2) \
    X(GET_ANEXT, 2) \
    X(END_ASYNC_FOR, 1) \
    X(YIELD_VALUE, 2)       /* yield TOS; the value sent back replaces it */ \
    X(GEN_START, 1) \
    X(GET_YIELD_FROM_ITER, 1) /* TOS = iter(TOS), unless a generator */ \
    X(POP_ITER, 1)          /* pop a for loop's iterator that only it held; close it if a generator */ \
    X(SEND, 2)              /* send TOS into the iterator below it: a yielded value replaces TOS;
                               when it returns, both become the return value and jump to arg */

typedef enum {
#define X(n, w) OP_##n,
    OPCODES(X)
#undef X
    OPCODE_COUNT
} Opcode;

extern const char *const code_op_name[OPCODE_COUNT];
extern const unsigned char code_op_weight[OPCODE_COUNT];

#define BINOPS(X) \
    X(BIN_ADD, "+", "__add__", "__radd__") X(BIN_SUB, "-", "__sub__", "__rsub__") \
    X(BIN_MUL, "*", "__mul__", "__rmul__") X(BIN_TRUEDIV, "/", "__truediv__", "__rtruediv__") \
    X(BIN_FLOORDIV, "//", "__floordiv__", "__rfloordiv__") X(BIN_MOD, "%", "__mod__", "__rmod__") \
    X(BIN_POW, "**", "__pow__", "__rpow__") X(BIN_LSHIFT, "<<", "__lshift__", "__rlshift__") \
    X(BIN_RSHIFT, ">>", "__rshift__", "__rrshift__") X(BIN_AND, "&", "__and__", "__rand__") \
    X(BIN_OR, "|", "__or__", "__ror__") X(BIN_XOR, "^", "__xor__", "__rxor__")

typedef enum {
#define X(k, s, m, r) k,
    BINOPS(X)
#undef X
    BIN_COUNT
} BinOp;
/* in-place variants are BIN_x + BIN_INPLACE */
#define BIN_INPLACE 16

typedef enum { CMP_LT, CMP_LE, CMP_EQ, CMP_NE, CMP_GT, CMP_GE } CmpOp;

#define INSTR(op, arg) ((uint32_t)(op) | ((uint32_t)(arg) << 8))
#define INSTR_OP(i) ((i) & 0xFF)
#define INSTR_ARG(i) ((i) >> 8)
#define MAX_ARG 0xFFFFFF

#endif
