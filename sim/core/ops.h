/* ops.h - the binary and unary operators, with 64-bit ints. */
#ifndef IL_OPS_H
#define IL_OPS_H

#include "world.h"

int ops_binop(Task *T, int op, Value a, Value b, Value *out);  /* BinOp [+BIN_INPLACE] */
int ops_unary(Task *T, int opcode, Value a, Value *out);       /* OP_UNARY_* */

#endif
