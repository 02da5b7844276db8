/* lex.c - tokenizer with INDENT/DEDENT, implicit line joining inside
 * brackets, and line:col on every token.  Strings are decoded here except
 * f-strings, whose raw body the parser splits into parts. */
#include "lex.h"
#include "bigint.h"
#include "unicode.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

const char *const lex_tok_op_text[OP_COUNT_] = {
    [OP_NONE_] = "",
#define X(k, s) [k] = s,
    TOKEN_OPS(X)
#undef X
};

const char *const lex_tok_kind_name[] = {
#define X(k, s) s,
    TOKEN_KINDS(X)
#undef X
};

typedef struct Lexer {
    const char *src, *p, *end;
    const char *line_start;
    int line;
    /* column cache: col_n characters lie between line_start and col_p, so a
     * token's column costs only the characters since the previous one
     * (rescanning from line_start made very long lines quadratic) */
    const char *col_line, *col_p;
    int col_n;
    int col_base;      /* added to columns on the first line (f-string parts) */
    int first_line;
    int depth;         /* bracket nesting */
    char brackets[200];
    int bracket_line[200], bracket_col[200];
    int indents[100];
    int altindents[100]; /* the same levels measured with tabs as 1 column */
    int nindent;
    bool at_line_start;
    bool expr_mode;
    TokenList *out;
    LexError *err;
} Lexer;

static int col_of(Lexer *L, const char *p)
{
    if (L->col_line != L->line_start || p < L->col_p) {
        L->col_line = L->col_p = L->line_start;
        L->col_n = 0;
    }
    L->col_n += (int)uc_count(L->col_p, (size_t)(p - L->col_p));
    L->col_p = p;
    int c = L->col_n + 1;
    if (L->line == L->first_line) c += L->col_base;
    return c;
}

static bool fail_at(Lexer *L, int line, int col, const char *fmt, const char *a)
{
    L->err->line = line;
    L->err->col = col;
    snprintf(L->err->msg, sizeof L->err->msg, fmt, a);
    return false;
}

static bool fail(Lexer *L, const char *p, const char *fmt, const char *a)
{
    return fail_at(L, L->line, col_of(L, p), fmt, a);
}

static Token *push(Lexer *L, TokKind k, const char *start, int len)
{
    BUF_GROW(*L->out, 1);
    Token *t = &L->out->v[L->out->n++];
    memset(t, 0, sizeof *t);
    t->kind = k;
    t->start = start;
    t->len = len;
    t->line = L->line;
    t->col = col_of(L, start);
    t->end_line = L->line;
    t->end_col = t->col + (int)uc_count(start, (size_t)len);
    return t;
}

/* Sorted (lex_source stops at the first keyword past a name's first letter). */
static const struct { const char *s; int op; } keywords[] = {
    {"False", KW_FALSE}, {"None", KW_NONE}, {"True", KW_TRUE},
    {"and", KW_AND}, {"as", KW_AS}, {"assert", KW_ASSERT},
    {"async", KW_ASYNC}, {"await", KW_AWAIT}, {"break", KW_BREAK},
    {"class", KW_CLASS}, {"continue", KW_CONTINUE}, {"def", KW_DEF},
    {"del", KW_DEL}, {"elif", KW_ELIF}, {"else", KW_ELSE},
    {"except", KW_EXCEPT}, {"finally", KW_FINALLY}, {"for", KW_FOR},
    {"from", KW_FROM}, {"global", KW_GLOBAL}, {"if", KW_IF},
    {"import", KW_IMPORT}, {"in", KW_IN}, {"is", KW_IS},
    {"lambda", KW_LAMBDA}, {"nonlocal", KW_NONLOCAL}, {"not", KW_NOT},
    {"or", KW_OR}, {"pass", KW_PASS}, {"raise", KW_RAISE},
    {"return", KW_RETURN}, {"try", KW_TRY}, {"while", KW_WHILE},
    {"with", KW_WITH}, {"yield", KW_YIELD},
};

/* Operators, longest first so that a prefix never shadows a longer one. */
static const int ops_by_len[] = {
    OP_DOUBLESTAREQUAL, OP_DOUBLESLASHEQUAL, OP_LSHIFTEQUAL, OP_RSHIFTEQUAL,
    OP_ELLIPSIS, OP_EQEQUAL, OP_NOTEQUAL, OP_LESSEQUAL, OP_GREATEREQUAL,
    OP_LSHIFT, OP_RSHIFT, OP_DOUBLESTAR, OP_PLUSEQUAL, OP_MINEQUAL,
    OP_STAREQUAL, OP_SLASHEQUAL, OP_PERCENTEQUAL, OP_AMPEREQUAL,
    OP_VBAREQUAL, OP_CIRCUMFLEXEQUAL, OP_DOUBLESLASH, OP_ATEQUAL, OP_RARROW,
    OP_COLONEQUAL, OP_LPAR, OP_RPAR, OP_LSQB, OP_RSQB, OP_LBRACE, OP_RBRACE,
    OP_COLON, OP_COMMA, OP_SEMI, OP_PLUS, OP_MINUS, OP_STAR, OP_SLASH,
    OP_VBAR, OP_AMPER, OP_LESS, OP_GREATER, OP_EQUAL, OP_DOT, OP_PERCENT,
    OP_TILDE, OP_CIRCUMFLEX, OP_AT, OP_BANG,
};

static void put_utf8(SBuf *b, uint32_t cp)
{
    char enc[4];
    sb_put(b, enc, (size_t)uc_encode(cp, enc));
}

static int hexval(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* The one-character escapes str and bytes literals share: the character
 * it stands for, 0 for a backslash-newline (nothing), -1 for the others. */
static int simple_escape(char e)
{
    switch (e) {
    case '\n': return 0;
    case '\\': return '\\';
    case '\'': return '\'';
    case '"': return '"';
    case 'a': return '\a';
    case 'b': return '\b';
    case 'f': return '\f';
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    case 'v': return '\v';
    default: return -1;
    }
}

/* CPython's message for a bad escape that starts at s[from] and was found
 * bad at s[to + 1]: "... in position FROM-TO: what".  Positions count bytes of
 * the literal as CPython's decoder sees it, where each non-ASCII character
 * has been rewritten as a 10-byte \\UXXXXXXXX escape. */
static void escape_error(char *msg, size_t msgn, const char *s, int from, int to, const char *what)
{
    int pos = 0, first = 0;
    for (int k = 0; k < to; k++) {
        if (k == from) first = pos;
        unsigned char b = (unsigned char)s[k];
        if (b < 0x80) pos++;
        else if (!uc_cont(b)) pos += 10;
    }
    snprintf(msg, msgn, "(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: %s",
             first, pos, what);
}

bool lex_unescape(const char *s, int len, bool raw, SBuf *out, char *msg,
                  size_t msgn, int *bad_off)
{
    if (!out->s) sb_put(out, "", 0);
    for (int i = 0; i < len; i++) {
        char c = s[i];
        if (c != '\\' || raw || i + 1 >= len) {
            sb_putc(out, c);
            continue;
        }
        char e = s[++i];
        int one = simple_escape(e);
        if (one >= 0) {
            if (one) sb_putc(out, (char)one);
            continue;
        }
        switch (e) {
        case 'x': case 'u': case 'U': {
            int nd = e == 'x' ? 2 : e == 'u' ? 4 : 8;
            uint32_t cp = 0;
            for (int k = 0; k < nd; k++) {
                int h = i + 1 + k < len ? hexval((unsigned char)s[i + 1 + k]) : -1;
                if (h < 0) {
                    static const char *const what[] = {"truncated \\xXX escape", "truncated \\uXXXX escape",
                                                       "truncated \\UXXXXXXXX escape"};
                    escape_error(msg, msgn, s, i - 1, i + k, what[e == 'x' ? 0 : e == 'u' ? 1 : 2]);
                    *bad_off = i - 1;
                    return false;
                }
                cp = cp * 16 + (uint32_t)h;
            }
            if (cp > 0x10FFFF) {
                escape_error(msg, msgn, s, i - 1, i + nd, "illegal Unicode character");
                *bad_off = i - 1;
                return false;
            }
            i += nd;
            put_utf8(out, cp);
            break;
        }
        case 'N':
            snprintf(msg, msgn, "'\\N{...}' escapes are not supported by the simulator");
            *bad_off = i - 1;
            return false;
        default:
            if (e >= '0' && e <= '7') {
                uint32_t cp = 0;
                int k = 0;
                while (k < 3 && i < len && s[i] >= '0' && s[i] <= '7') {
                    cp = cp * 8 + (uint32_t)(s[i] - '0');
                    i++, k++;
                }
                i--;
                put_utf8(out, cp);
            } else {
                sb_putc(out, '\\');
                sb_putc(out, e);
            }
        }
    }
    return true;
}

/* Decode a bytes literal's body: ASCII only; \\x and octal escapes give
 * one byte each, and \\u, \\U, \\N are no escapes in bytes (kept as they
 * are), as in CPython. */
static bool unescape_bytes(const char *s, int len, bool raw, SBuf *out, char *msg, size_t msgn)
{
    if (!out->s) sb_put(out, "", 0);
    for (int i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0x80) {
            snprintf(msg, msgn, "bytes can only contain ASCII literal characters");
            return false;
        }
    for (int i = 0; i < len; i++) {
        char c = s[i];
        if (c != '\\' || raw || i + 1 >= len) {
            sb_putc(out, c);
            continue;
        }
        char e = s[++i];
        int one = simple_escape(e);
        if (one >= 0) {
            if (one) sb_putc(out, (char)one);
            continue;
        }
        switch (e) {
        case 'x': {
            int h1 = i + 1 < len ? hexval((unsigned char)s[i + 1]) : -1;
            int h2 = i + 2 < len ? hexval((unsigned char)s[i + 2]) : -1;
            if (h1 < 0 || h2 < 0) {
                snprintf(msg, msgn, "(value error) invalid \\x escape at position %d", i - 1);
                return false;
            }
            sb_putc(out, (char)(h1 * 16 + h2));
            i += 2;
            break;
        }
        default:
            if (e >= '0' && e <= '7') {
                unsigned v = 0;
                int k = 0;
                while (k < 3 && i < len && s[i] >= '0' && s[i] <= '7') {
                    v = v * 8 + (unsigned)(s[i] - '0');
                    i++, k++;
                }
                i--;
                sb_putc(out, (char)(v & 0xFF));
            } else {
                sb_putc(out, '\\');
                sb_putc(out, e);
            }
        }
    }
    return true;
}

/* Lex a string literal starting at p (at the prefix). */
static bool lex_string(Lexer *L, const char *p, int flags)
{
    const char *start = p;
    while (*p != '\'' && *p != '"') p++;
    char q = *p;
    bool triple = p + 2 < L->end && p[1] == q && p[2] == q;
    int startline = L->line;
    int startcol = col_of(L, start);
    p += triple ? 3 : 1;
    const char *body = p;
    int body_line = L->line, body_col = col_of(L, body);
    for (;;) {
        if (p >= L->end) {
            if (triple)
                return fail_at(L, startline, startcol,
                               "unterminated triple-quoted string literal%s", "");
            return fail_at(L, startline, startcol, "unterminated string literal%s", "");
        }
        if (*p == '\\' && p + 1 < L->end) {
            if (p[1] == '\n') {
                L->line++;
                L->line_start = p + 2;
            }
            p += 2;
            continue;
        }
        if (*p == '\n') {
            if (!triple)
                return fail_at(L, startline, startcol, "unterminated string literal%s", "");
            L->line++;
            L->line_start = p + 1;
            p++;
            continue;
        }
        if (*p == q && (!triple || (p + 2 < L->end && p[1] == q && p[2] == q))) break;
        p++;
    }
    const char *body_end = p;
    p += triple ? 3 : 1;
    BUF_GROW(*L->out, 1);
    Token *t = &L->out->v[L->out->n++];
    memset(t, 0, sizeof *t);
    t->kind = T_STRING;
    t->start = start;
    t->len = (int)(p - start);
    t->line = startline;
    t->col = startcol;
    t->end_line = L->line;
    t->end_col = col_of(L, p);
    t->sflags = flags | (triple ? STR_TRIPLE : 0);
    t->body_line = body_line;
    t->body_col = body_col;
    if (flags & STR_F) {
        t->sval = xstrndup(body, (size_t)(body_end - body));
        t->slen = (int)(body_end - body);
    } else {
        SBuf b = {0};
        char msg[200];
        int off = 0;
        bool ok = (flags & STR_BYTES)
                      ? unescape_bytes(body, (int)(body_end - body), flags & STR_RAW, &b, msg, sizeof msg)
                      : lex_unescape(body, (int)(body_end - body), flags & STR_RAW, &b, msg, sizeof msg, &off);
        if (!ok) {
            sb_free(&b);
            L->err->line = startline;
            L->err->col = startcol;
            snprintf(L->err->msg, sizeof L->err->msg, "%s", msg);
            L->out->n--;
            return false;
        }
        t->slen = (int)b.n;
        t->sval = sb_take(&b);
    }
    L->p = p;
    return true;
}

/* Read a run of digits of `base` into b (underscores dropped).  CPython
 * allows one underscore between two digits, and (after a base prefix) one
 * right after the prefix; anything else is an invalid literal.  Returns
 * the position after the run, or NULL with *bad at the offending char. */
static const char *digit_run(const char *p, int base, bool after_prefix, SBuf *b, const char **bad)
{
    bool any = false;
    for (;;) {
        if (*p == '_') {
            if (!(any || after_prefix) || hexval((unsigned char)p[1]) < 0 ||
                (base == 10 && !isdigit((unsigned char)p[1]))) {
                *bad = p;
                return NULL;
            }
            p++;
            continue;
        }
        int v = hexval((unsigned char)*p);
        if (v < 0 || (base == 10 && !isdigit((unsigned char)*p)) || (base != 10 && v >= base))
            return p;
        sb_putc(b, *p++);
        any = true;
    }
}

static bool lex_number(Lexer *L)
{
    const char *p = L->p, *s = p, *bad = NULL;
    SBuf b = {0};
    bool is_float = false;
    int base = 10;
    if (*p == '0' && strchr("xXoObB", p[1]) && p[1]) {
        base = (p[1] == 'x' || p[1] == 'X') ? 16 : (p[1] == 'o' || p[1] == 'O') ? 8 : 2;
        const char *kind = base == 16 ? "hexadecimal" : base == 8 ? "octal" : "binary";
        p = digit_run(p + 2, base, true, &b, &bad);
        if (!p || b.n == 0) {
            sb_free(&b);
            return fail(L, !p ? bad : s, "invalid %s literal", kind);
        }
        if (isalnum((unsigned char)*p) && hexval((unsigned char)*p) >= 0 && base != 16) {
            sb_free(&b);
            char what[64];
            snprintf(what, sizeof what, "'%c' in %s", *p, kind);
            return fail(L, p, "invalid digit %s literal", what);
        }
    } else {
        p = digit_run(p, 10, false, &b, &bad);
        if (p && *p == '.' && p[1] != '.') {
            is_float = true;
            sb_putc(&b, *p++);
            if (*p == '_') bad = p, p = NULL;
            else p = digit_run(p, 10, false, &b, &bad);
        }
        if (p && (*p == 'e' || *p == 'E') &&
            (isdigit((unsigned char)p[1]) ||
             ((p[1] == '+' || p[1] == '-') && isdigit((unsigned char)p[2])))) {
            is_float = true;
            sb_putc(&b, *p++);
            if (*p == '+' || *p == '-') sb_putc(&b, *p++);
            p = digit_run(p, 10, false, &b, &bad);
        }
        if (!p) {
            sb_free(&b);
            return fail(L, bad, "invalid decimal literal%s", "");
        }
    }
    if (*p == 'j' || *p == 'J') {
        sb_free(&b);
        return fail(L, s, "complex numbers are not supported by the simulator%s", "");
    }
    if (isalpha((unsigned char)*p) || *p == '_') {
        sb_free(&b);
        return fail(L, s, "invalid %s literal",
                    base == 16 ? "hexadecimal" : base == 8 ? "octal" : base == 2 ? "binary" : "decimal");
    }
    sb_putc(&b, 0);
    const char *buf = b.s;
    size_t n = b.n - 1;
    Token *t = push(L, is_float ? T_FLOAT : T_INT, s, (int)(p - s));
    bool ok = true;
    if (is_float) {
        t->fval = strtod(buf, NULL);
    } else {
        errno = 0;
        unsigned long long v = strtoull(buf, NULL, base);
        if (base == 10 && n > 1 && buf[0] == '0' && strspn(buf, "0") != n) {
            L->out->n--;
            ok = fail(L, s, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers%s", "");
        } else if (base == 10 && n > BIGINT_STR_DIGITS) {
            L->out->n--;
            char msg[256];
            snprintf(msg, sizeof msg, "Exceeds the limit (%d digits) for integer string conversion: value has %zu digits; "
                     "use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals "
                     "to avoid decimal conversion limits.", BIGINT_STR_DIGITS, n);
            ok = fail(L, s, "%s", msg);
        } else if (errno == ERANGE || v > (unsigned long long)INT64_MAX) {
            /* past 64 bits: the compiler makes the big int from the digits */
            t->sval = xstrndup(buf, n);
            t->slen = (int)n;
            v = (unsigned long long)base;
        }
        t->ival = (int64_t)v;
    }
    sb_free(&b);
    L->p = p;
    return ok;
}

/* Handle the indentation at the start of a logical line.  Returns false on
 * error; sets *skip when the line is blank or a comment.  Like CPython, the
 * indentation is measured twice, with tabs to multiples of 8 (col) and as
 * 1 column (altcol): when the two measures disagree about how the line
 * relates to the enclosing block, its meaning depends on the tab size and
 * it is a TabError. */
static bool lex_indent(Lexer *L, bool *skip)
{
    static const char tab_error[] = "inconsistent use of tabs and spaces in indentation%s";
    const char *p = L->p;
    int col = 0, altcol = 0;
    for (;; p++) {
        if (*p == ' ') col++, altcol++;
        else if (*p == '\t') col = (col / 8 + 1) * 8, altcol++;
        else if (*p == '\f') col = altcol = 0;
        else break;
    }
    L->p = p;
    if (p >= L->end || *p == '\n' || *p == '#' || (*p == '\r' && p[1] == '\n') ||
        (*p == '\\' && p[1] == '\n' && false)) {
        *skip = true;
        return true;
    }
    *skip = false;
    int cur = L->indents[L->nindent - 1], altcur = L->altindents[L->nindent - 1];
    if (col == cur) {
        if (altcol != altcur) return fail(L, p, tab_error, "");
    } else if (col > cur) {
        if (L->nindent >= (int)ARRAY_LEN(L->indents))
            return fail(L, p, "too many levels of indentation%s", "");
        if (altcol <= altcur) return fail(L, p, tab_error, "");
        L->indents[L->nindent] = col;
        L->altindents[L->nindent++] = altcol;
        push(L, T_INDENT, p, 0);
    } else {
        while (L->nindent > 1 && L->indents[L->nindent - 1] > col) {
            L->nindent--;
            push(L, T_DEDENT, p, 0);
        }
        if (L->indents[L->nindent - 1] != col)
            return fail(L, p, "unindent does not match any outer indentation level%s", "");
        if (L->altindents[L->nindent - 1] != altcol) return fail(L, p, tab_error, "");
    }
    return true;
}

static bool lex_run(Lexer *L)
{
    static const char opens[] = "([{", closes[] = ")]}";
    while (L->p < L->end) {
        if (L->at_line_start && L->depth == 0 && !L->expr_mode) {
            bool skip;
            if (!lex_indent(L, &skip)) return false;
            L->at_line_start = false;
            if (skip) {
                /* blank or comment line: consume it entirely */
                while (L->p < L->end && *L->p != '\n') L->p++;
                if (L->p < L->end) {
                    L->p++;
                    L->line++;
                    L->line_start = L->p;
                }
                L->at_line_start = true;
                continue;
            }
        }
        const char *p = L->p;
        char c = *p;
        if (c == ' ' || c == '\t' || c == '\f' || c == '\r') {
            L->p++;
            continue;
        }
        if (c == '#') {
            while (L->p < L->end && *L->p != '\n') L->p++;
            continue;
        }
        if (c == '\\') {
            const char *q = p + 1;
            if (*q == '\r') q++;
            if (*q == '\n') {
                L->p = q + 1;
                L->line++;
                L->line_start = L->p;
                continue;
            }
            return fail(L, p, "unexpected character after line continuation character%s", "");
        }
        if (c == '\n') {
            if (L->depth == 0 && !L->expr_mode) {
                Token *last = L->out->n ? &L->out->v[L->out->n - 1] : NULL;
                if (last && last->kind != T_NEWLINE) push(L, T_NEWLINE, p, 1);
                L->at_line_start = true;
            }
            L->p++;
            L->line++;
            L->line_start = L->p;
            continue;
        }
        if (isalpha((unsigned char)c) || c == '_' || (unsigned char)c >= 0x80) {
            const char *q = p;
            while (isalnum((unsigned char)*q) || *q == '_' || (unsigned char)*q >= 0x80) q++;
            int n = (int)(q - p);
            /* string prefixes */
            if ((*q == '\'' || *q == '"') && n <= 2) {
                int flags = 0;
                bool ok = true;
                for (int i = 0; i < n; i++) {
                    char d = (char)tolower((unsigned char)p[i]);
                    if (d == 'r') flags |= STR_RAW;
                    else if (d == 'f') flags |= STR_F;
                    else if (d == 'b') flags |= STR_BYTES;
                    else if (d == 'u') ;
                    else ok = false;
                }
                if ((flags & STR_BYTES) && (flags & STR_F)) ok = false;
                if (ok) {
                    if (!lex_string(L, p, flags)) return false;
                    continue;
                }
            }
            Token *t = push(L, T_NAME, p, n);
            /* (keywords are sorted: past c's letter, none can match) */
            for (size_t i = 0; i < ARRAY_LEN(keywords) && keywords[i].s[0] <= c; i++)
                if (keywords[i].s[0] == c && strncmp(keywords[i].s, p, (size_t)n) == 0 && keywords[i].s[n] == 0) {
                    t->kind = T_KEYWORD;
                    t->op = keywords[i].op;
                    break;
                }
            L->p = q;
            continue;
        }
        if (isdigit((unsigned char)c) || (c == '.' && isdigit((unsigned char)p[1]))) {
            if (!lex_number(L)) return false;
            continue;
        }
        if (c == '\'' || c == '"') {
            if (!lex_string(L, p, 0)) return false;
            continue;
        }
        int found = 0;
        for (size_t i = 0; i < ARRAY_LEN(ops_by_len); i++) {
            const char *s = lex_tok_op_text[ops_by_len[i]];
            if (s[0] != c) continue; /* most operators fail here, cheaply */
            size_t n = strlen(s);
            if ((size_t)(L->end - p) >= n && memcmp(s, p, n) == 0) {
                found = ops_by_len[i];
                break;
            }
        }
        if (!found) {
            char cs[8];
            snprintf(cs, sizeof cs, "%c", c);
            if ((unsigned char)c < 0x20 || c == '$' || c == '?' || c == '`')
                return fail(L, p, "invalid character '%s' in source", cs);
            return fail(L, p, "invalid syntax near '%s'", cs);
        }
        Token *t = push(L, T_OP, p, (int)strlen(lex_tok_op_text[found]));
        t->op = found;
        const char *o = strchr(opens, lex_tok_op_text[found][0]);
        const char *cl = strchr(closes, lex_tok_op_text[found][0]);
        if (o && t->len == 1) {
            if (L->depth >= (int)ARRAY_LEN(L->brackets))
                return fail(L, p, "too many nested parentheses%s", "");
            L->brackets[L->depth] = *o;
            L->bracket_line[L->depth] = t->line;
            L->bracket_col[L->depth] = t->col;
            L->depth++;
        } else if (cl && t->len == 1) {
            if (L->depth == 0)
                return fail(L, p, "unmatched '%s'", lex_tok_op_text[found]);
            char want = opens[cl - closes];
            if (L->brackets[L->depth - 1] != want) {
                char msg[120];
                snprintf(msg, sizeof msg, "closing parenthesis '%c' does not match opening parenthesis '%c'",
                         *cl, L->brackets[L->depth - 1]);
                if (L->bracket_line[L->depth - 1] != t->line)
                    snprintf(msg + strlen(msg), sizeof msg - strlen(msg), " on line %d",
                             L->bracket_line[L->depth - 1]);
                return fail(L, p, "%s", msg);
            }
            L->depth--;
        }
        L->p = p + t->len;
    }
    if (L->depth > 0) {
        char s[2] = {L->brackets[L->depth - 1], 0};
        return fail_at(L, L->bracket_line[L->depth - 1], L->bracket_col[L->depth - 1],
                       "'%s' was never closed", s);
    }
    if (!L->expr_mode) {
        Token *last = L->out->n ? &L->out->v[L->out->n - 1] : NULL;
        if (last && last->kind != T_NEWLINE) push(L, T_NEWLINE, L->p, 0);
        while (L->nindent > 1) {
            L->nindent--;
            push(L, T_DEDENT, L->p, 0);
        }
    }
    push(L, T_EOF, L->p, 0);
    return true;
}

bool lex_source(const char *src, size_t len, int first_line, int first_col,
                bool expr_mode, TokenList *out, LexError *err)
{
    Lexer L;
    memset(&L, 0, sizeof L);
    L.src = L.p = L.line_start = src;
    L.end = src + len;
    L.line = L.first_line = first_line;
    L.col_base = first_col - 1;
    L.indents[0] = L.altindents[0] = 0;
    L.nindent = 1;
    L.at_line_start = true;
    L.expr_mode = expr_mode;
    L.out = out;
    L.err = err;
    /* a UTF-8 byte order mark is allowed at the very start */
    if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0) L.p += 3, L.line_start += 3;
    /* source must be UTF-8, as CPython requires without a coding line */
    size_t bad = uc_invalid(src, len);
    if (bad < len) {
        int line = first_line;
        size_t start = 0;
        for (size_t i = 0; i < bad; i++)
            if (src[i] == '\n') line++, start = i + 1;
        int col = 1 + (int)uc_count(src + start, bad - start);
        err->line = line;
        err->col = col;
        snprintf(err->msg, sizeof err->msg, "Non-UTF-8 code starting with '\\x%02x' on line %d, but no encoding declared",
                 (unsigned char)src[bad], line);
        return false;
    }
    return lex_run(&L);
}

void lex_free(TokenList *tl)
{
    for (size_t i = 0; i < tl->n; i++) free(tl->v[i].sval);
    BUF_FREE(*tl);
}
