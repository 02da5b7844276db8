/* parse.h - recursive-descent parser from tokens to the AST of ast.h. */
#ifndef IL_PARSE_H
#define IL_PARSE_H

#include "ast.h"

typedef struct ParseError {
    int line, col;        /* 1-based; 0 when unknown */
    char msg[256];
} ParseError;

/* Parse a whole module.  On failure returns false, fills err, and leaves
 * *out empty (nothing to free).  On success free with parse_module_free. */
bool parse_module(const char *src, size_t len, Module *out, ParseError *err);
void parse_module_free(Module *m);

#endif
