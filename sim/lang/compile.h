/* compile.h - the compiler: AST to code objects.
 *
 * Two passes: a symbol-table pass that decides for every name whether it is
 * local, a cell, free, global or a class-namespace name (CPython's rules),
 * then code generation with an exception table (per-instruction handlers,
 * run-length encoded), so a try block costs nothing until it raises. */
#ifndef IL_COMPILE_H
#define IL_COMPILE_H

#include "ast.h"
#include "vm.h"

typedef struct CompileError {
    int line, col;
    char msg[1024];
} CompileError;

/* What the compiler asks about imports, so that `import x` of a module
 * the simulator lacks is a load-time error: the caller's answer (the
 * library's module registry, modules_resolver). */
typedef struct ImportResolver {
    bool (*exists)(const char *module);
    bool (*has_attr)(const char *module, const char *attr);
    const char *(*list)(void);      /* the modules there are, for messages */
    /* a package's submodules there are ("event, queue"), for messages; ""
     * when it has none */
    const char *(*submodules)(const char *package);
} ImportResolver;

/* Compile a parsed module.  Code objects are linked into S->codes (the Sim
 * owns them).  Returns NULL with err filled on failure. */
Code *compile_module(Sim *S, Module *m, Source *src, const ImportResolver *imports, CompileError *err);

#endif
