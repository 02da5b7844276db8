/* mod_hashlib.h - hashlib (md5, sha1, sha2) in C. */
#ifndef IL_MOD_HASHLIB_H
#define IL_MOD_HASHLIB_H

#include "modules.h"

extern const ModDef mod_hashlib_def;

#endif
