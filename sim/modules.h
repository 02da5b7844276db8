/* modules.h - the simulated standard-library modules (never the host's). */
#ifndef IL_MODULES_H
#define IL_MODULES_H

#include "vm.h"

/* Static questions for the compiler (no Sim needed). */
bool modules_exists(const char *name);
bool modules_has_attr(const char *module, const char *attr);
const char *modules_list(void);

void modules_init(Sim *S);
int modules_import(Task *T, Str *name, Value *out);
int modules_import_from(Task *T, Value module, Str *name, Value *out);

#endif
