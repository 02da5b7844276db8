/* mod_operator.h - the operator module (C, as CPython's _operator). */
#ifndef IL_MOD_OPERATOR_H
#define IL_MOD_OPERATOR_H

#include "modules.h"

extern const ModDef mod_operator_def;

#endif
