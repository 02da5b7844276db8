/* lex.h - the tokenizer: Python source to tokens with INDENT/DEDENT and an
 * exact line:col (1-based, columns in characters) for every token. */
#ifndef IL_LEX_H
#define IL_LEX_H

#include "common.h"

#define TOKEN_KINDS(X) \
    X(T_EOF, "end of file") X(T_NEWLINE, "newline") X(T_INDENT, "indent") \
    X(T_DEDENT, "dedent") X(T_NAME, "name") X(T_INT, "integer") \
    X(T_FLOAT, "float") X(T_STRING, "string") X(T_OP, "operator") \
    X(T_KEYWORD, "keyword")

typedef enum {
#define X(k, s) k,
    TOKEN_KINDS(X)
#undef X
} TokKind;

/* Operators and keywords share one id space so the parser can switch on it. */
#define TOKEN_OPS(X) \
    X(OP_LPAR, "(") X(OP_RPAR, ")") X(OP_LSQB, "[") X(OP_RSQB, "]") \
    X(OP_LBRACE, "{") X(OP_RBRACE, "}") X(OP_COLON, ":") X(OP_COMMA, ",") \
    X(OP_SEMI, ";") X(OP_PLUS, "+") X(OP_MINUS, "-") X(OP_STAR, "*") \
    X(OP_SLASH, "/") X(OP_VBAR, "|") X(OP_AMPER, "&") X(OP_LESS, "<") \
    X(OP_GREATER, ">") X(OP_EQUAL, "=") X(OP_DOT, ".") X(OP_PERCENT, "%") \
    X(OP_EQEQUAL, "==") X(OP_NOTEQUAL, "!=") X(OP_LESSEQUAL, "<=") \
    X(OP_GREATEREQUAL, ">=") X(OP_TILDE, "~") X(OP_CIRCUMFLEX, "^") \
    X(OP_LSHIFT, "<<") X(OP_RSHIFT, ">>") X(OP_DOUBLESTAR, "**") \
    X(OP_PLUSEQUAL, "+=") X(OP_MINEQUAL, "-=") X(OP_STAREQUAL, "*=") \
    X(OP_SLASHEQUAL, "/=") X(OP_PERCENTEQUAL, "%=") X(OP_AMPEREQUAL, "&=") \
    X(OP_VBAREQUAL, "|=") X(OP_CIRCUMFLEXEQUAL, "^=") X(OP_LSHIFTEQUAL, "<<=") \
    X(OP_RSHIFTEQUAL, ">>=") X(OP_DOUBLESTAREQUAL, "**=") \
    X(OP_DOUBLESLASH, "//") X(OP_DOUBLESLASHEQUAL, "//=") X(OP_AT, "@") \
    X(OP_ATEQUAL, "@=") X(OP_RARROW, "->") X(OP_ELLIPSIS, "...") \
    X(OP_COLONEQUAL, ":=") X(OP_BANG, "!") \
    X(KW_FALSE, "False") X(KW_NONE, "None") X(KW_TRUE, "True") \
    X(KW_AND, "and") X(KW_AS, "as") X(KW_ASSERT, "assert") \
    X(KW_ASYNC, "async") X(KW_AWAIT, "await") X(KW_BREAK, "break") \
    X(KW_CLASS, "class") X(KW_CONTINUE, "continue") X(KW_DEF, "def") \
    X(KW_DEL, "del") X(KW_ELIF, "elif") X(KW_ELSE, "else") \
    X(KW_EXCEPT, "except") X(KW_FINALLY, "finally") X(KW_FOR, "for") \
    X(KW_FROM, "from") X(KW_GLOBAL, "global") X(KW_IF, "if") \
    X(KW_IMPORT, "import") X(KW_IN, "in") X(KW_IS, "is") \
    X(KW_LAMBDA, "lambda") X(KW_NONLOCAL, "nonlocal") X(KW_NOT, "not") \
    X(KW_OR, "or") X(KW_PASS, "pass") X(KW_RAISE, "raise") \
    X(KW_RETURN, "return") X(KW_TRY, "try") X(KW_WHILE, "while") \
    X(KW_WITH, "with") X(KW_YIELD, "yield")

typedef enum {
    OP_NONE_ = 0,
#define X(k, s) k,
    TOKEN_OPS(X)
#undef X
    OP_COUNT_
} OpId;

extern const char *const lex_tok_op_text[OP_COUNT_];
extern const char *const lex_tok_kind_name[];

enum { STR_F = 1, STR_RAW = 2, STR_BYTES = 4, STR_TRIPLE = 8 };

typedef struct Token {
    TokKind kind;
    int op;              /* OpId for T_OP and T_KEYWORD */
    const char *start;   /* into the source */
    int len;
    int line, col;       /* 1-based */
    int end_line, end_col;
    int64_t ival;        /* T_INT; past 64 bits: the base, with the digits in sval */
    double fval;         /* T_FLOAT */
    char *sval;          /* T_STRING: decoded (or, for f-strings, raw) body */
    int slen;
    int sflags;          /* STR_* */
    int body_line, body_col; /* where the body starts (for f-string parts) */
} Token;

typedef struct LexError {
    int line, col;
    char msg[256];
} LexError;

typedef struct TokenList {
    Token *v;
    size_t n, cap;
} TokenList;

/* Tokenize src (NUL-terminated).  On error returns false and fills err; the
 * tokens produced so far stay in out (free with lex_free). first_line and
 * first_col offset positions, for f-string expressions lexed on their own. */
bool lex_source(const char *src, size_t len, int first_line, int first_col,
                bool expr_mode, TokenList *out, LexError *err);
void lex_free(TokenList *tl);

/* Decode backslash escapes of a (non-raw) string body into out.  Returns
 * false with a message on a bad escape; *bad_off is the offset in body. */
bool lex_unescape(const char *body, int len, bool raw, SBuf *out, char *msg,
                  size_t msgn, int *bad_off);


#endif
