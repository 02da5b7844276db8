/* test_lex.c - the tokenizer (sim/lex.h). */
#include "check.h"
#include "lex.h"
#include "unicode.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* Tokenize src; on failure *err is filled.  Free tl with lex_free. */
static bool lex(const char *src, TokenList *tl, LexError *err)
{
    memset(tl, 0, sizeof *tl);
    memset(err, 0, sizeof *err);
    return lex_source(src, strlen(src), 1, 1, false, tl, err);
}

/* The token stream as one line: NL, IN, DE, EOF for the layout tokens and
 * the source text for the others, separated by spaces. */
static char *summary(const TokenList *tl)
{
    SBuf b = {0};
    sb_put(&b, "", 0);
    for (size_t i = 0; i < tl->n; i++) {
        const Token *t = &tl->v[i];
        if (i) sb_putc(&b, ' ');
        switch (t->kind) {
        case T_NEWLINE: sb_puts(&b, "NL"); break;
        case T_INDENT: sb_puts(&b, "IN"); break;
        case T_DEDENT: sb_puts(&b, "DE"); break;
        case T_EOF: sb_puts(&b, "EOF"); break;
        default: sb_put(&b, t->start, (size_t)t->len); break;
        }
    }
    return sb_take(&b);
}

/* Tokenize src, reporting a lex error as the test's failure. */
static bool lex_ok(const char *src, TokenList *tl)
{
    LexError err;
    if (lex(src, tl, &err)) return true;
    FAILF("lex error %d:%d: %s", err.line, err.col, err.msg);
    return false;
}

/* Check the layout of src against want (see summary()). */
static void check_layout(const char *src, const char *want)
{
    TokenList tl;
    if (lex_ok(src, &tl)) {
        char *got = summary(&tl);
        CHECK_EQ_STR(got, want);
        free(got);
    }
    lex_free(&tl);
}

/* The first token whose text is text (NULL if none). */
static const Token *find_tok(const TokenList *tl, const char *text)
{
    size_t n = strlen(text);
    for (size_t i = 0; i < tl->n; i++)
        if ((size_t)tl->v[i].len == n && memcmp(tl->v[i].start, text, n) == 0) return &tl->v[i];
    return NULL;
}

static void check_pos(const TokenList *tl, const char *text, int line, int col)
{
    const Token *t = find_tok(tl, text);
    if (!t) {
        FAILF("no token '%s'", text);
        return;
    }
    if (t->line != line || t->col != col)
        FAILF("token '%s' at %d:%d, expected %d:%d", text, t->line, t->col, line, col);
}

/* Lexing src must fail at line:col with a message containing msg. */
static void check_lex_error(const char *src, int line, int col, const char *msg)
{
    TokenList tl;
    LexError err;
    if (lex(src, &tl, &err)) {
        FAILF("no error for %s (expected \"%s\")", src, msg);
        lex_free(&tl);
        return;
    }
    CHECK_CONTAINS(err.msg, msg);
    CHECK_EQ_INT(err.line, line);
    if (col) CHECK_EQ_INT(err.col, col);
    lex_free(&tl);
}

static void test_indent_nested_blocks(void)
{
    check_layout("if a:\n    if b:\n        c\n    d\ne\n",
                 "if a : NL IN if b : NL IN c NL DE d NL DE e NL EOF");
}

static void test_dedent_two_levels_at_once(void)
{
    /* from the innermost block straight back to column 0: two DEDENTs */
    check_layout("if a:\n    if b:\n        c\ne\n",
                 "if a : NL IN if b : NL IN c NL DE DE e NL EOF");
    /* and to a middle level of three */
    check_layout("if a:\n  if b:\n    if c:\n      d\n  e\n",
                 "if a : NL IN if b : NL IN if c : NL IN d NL DE DE e NL DE EOF");
}

static void test_dedent_at_eof_without_newline(void)
{
    check_layout("def f():\n    return 1", "def f ( ) : NL IN return 1 NL DE EOF");
}

static void test_blank_and_comment_lines(void)
{
    /* blank lines and comment-only lines (at any indentation) make no tokens */
    check_layout("if a:\n\n  # note\n    b\n        # deeper comment\n\n    c  # trailing\n",
                 "if a : NL IN b NL c NL DE EOF");
}

static void test_implicit_line_joining(void)
{
    const char *src = "x = (1,\n     2) + [3\n]\nz = {\n  'k':\n    4}\n";
    check_layout(src, "x = ( 1 , 2 ) + [ 3 ] NL z = { 'k' : 4 } NL EOF");
    TokenList tl;
    if (lex_ok(src, &tl)) {
        check_pos(&tl, "2", 2, 6);
        check_pos(&tl, "]", 3, 1);
        check_pos(&tl, "4", 6, 5);
    }
    lex_free(&tl);
}

static void test_backslash_continuation(void)
{
    const char *src = "y = 1 + \\\n  2\nif a and \\\n        b:\n    pass\n";
    check_layout(src, "y = 1 + 2 NL if a and b : NL IN pass NL DE EOF");
    TokenList tl;
    if (lex_ok(src, &tl)) {
        check_pos(&tl, "2", 2, 3);
        check_pos(&tl, "b", 4, 9);
    }
    lex_free(&tl);
    check_lex_error("x = 1 \\ 2\n", 1, 0, "unexpected character after line continuation character");
}

static void test_positions_after_tabs(void)
{
    /* columns count characters: a tab is one column */
    TokenList tl;
    if (lex_ok("if a:\n\tb = 1\n\tc =\t22\n", &tl)) {
        check_pos(&tl, "b", 2, 2);
        check_pos(&tl, "=", 2, 4);
        check_pos(&tl, "22", 3, 6);
        const Token *t = find_tok(&tl, "22");
        if (CHECK(t)) {
            CHECK_EQ_INT(t->end_line, 3);
            CHECK_EQ_INT(t->end_col, 8);
        }
    }
    lex_free(&tl);
}

static void test_positions_after_utf8(void)
{
    /* "é" is two bytes but one column; so are "ñ" and "ü"; "変" is three */
    TokenList tl;
    const char *src = "\xc3\xa9 = 'x\xc3\xb1\xc3\xbc' + \xe5\xa4\x89 # \xc3\xa9\ny = (\xc3\xa9,\n  \xe5\xa4\x89)\n";
    if (lex_ok(src, &tl)) {
        check_pos(&tl, "=", 1, 3);
        check_pos(&tl, "'x\xc3\xb1\xc3\xbc'", 1, 5);
        const Token *s = find_tok(&tl, "'x\xc3\xb1\xc3\xbc'");
        if (CHECK(s)) {
            CHECK_EQ_INT(s->end_col, 10);
            CHECK_EQ_STR(s->sval, "x\xc3\xb1\xc3\xbc");
            CHECK_EQ_INT(s->slen, 5);
        }
        check_pos(&tl, "+", 1, 11);
        check_pos(&tl, "\xe5\xa4\x89", 1, 13);
        check_pos(&tl, ",", 2, 7);
        check_pos(&tl, ")", 3, 4);
    }
    lex_free(&tl);
    CHECK_EQ_INT(uc_count("a\xc3\xa9\xe5\xa4\x89z", 7), 4);
}

static void test_int_literals(void)
{
    TokenList tl;
    const char *src = "1_000_000 0xFF 0o17 0b1010 0x_ff 0B11 9223372036854775807 0 00 0_0\n";
    static const int64_t want[] = {1000000, 255, 15, 10, 255, 3, INT64_MAX, 0, 0, 0};
    if (lex_ok(src, &tl) && CHECK_EQ_INT(tl.n, 12)) {
        for (size_t i = 0; i < 10; i++) {
            CHECK_EQ_INT(tl.v[i].kind, T_INT);
            CHECK_EQ_INT(tl.v[i].ival, want[i]);
        }
        CHECK_EQ_INT(tl.v[6].col, 39);
        CHECK_EQ_INT(tl.v[6].end_col, 58);
    }
    lex_free(&tl);
    check_lex_error("x = 0b102\n", 1, 9, "invalid digit '2'");
    check_lex_error("x = 0x\n", 1, 5, "invalid hexadecimal literal");
    check_lex_error("x = 12abc\n", 1, 5, "invalid decimal literal");
}

static void test_float_literals(void)
{
    TokenList tl;
    const char *src = "3.14 1e10 1.5E-3 .5 5. 1_0.2_5 2e+3 1_0e1_0 0.1\n";
    static const double want[] = {3.14, 1e10, 1.5e-3, 0.5, 5.0, 10.25, 2000.0, 1e11, 0.1};
    if (lex_ok(src, &tl) && CHECK_EQ_INT(tl.n, 11)) {
        for (size_t i = 0; i < 9; i++) {
            CHECK_EQ_INT(tl.v[i].kind, T_FLOAT);
            if (tl.v[i].fval != want[i])
                FAILF("float token %zu '%.*s' = %.17g, expected %.17g", i, tl.v[i].len,
                      tl.v[i].start, tl.v[i].fval, want[i]);
        }
    }
    lex_free(&tl);
    /* "1..2" style: a float then an attribute access ("1.real" is an error in
     * CPython too, but "1 .real" is a name after an int) */
    check_layout("x = 1 .real\n", "x = 1 . real NL EOF");
    check_lex_error("x = 1.5j\n", 1, 5, "complex numbers are not supported");
}

static void test_string_escapes(void)
{
    TokenList tl;
    /* \t \n \\ \' \x41 \u00e9 \101 \a, an unknown escape kept, and \<newline> */
    const char *src = "s = 'a\\tb\\n\\\\\\'\\x41\\u00e9\\101\\a\\q\\\nz'\n";
    if (lex_ok(src, &tl) && CHECK(tl.n >= 3)) {
        const Token *t = &tl.v[2];
        CHECK_EQ_INT(t->kind, T_STRING);
        CHECK_EQ_STR(t->sval, "a\tb\n\\'A\xc3\xa9" "A\a\\qz");
        CHECK_EQ_INT(t->slen, 14);
        CHECK_EQ_INT(t->sflags, 0);
        CHECK_EQ_INT(t->end_line, 2);
        CHECK_EQ_INT(t->end_col, 3);
    }
    lex_free(&tl);
    /* a NUL escape is kept in the decoded body (slen counts it) */
    if (lex_ok("'a\\0b'", &tl) && CHECK(tl.n >= 1)) {
        CHECK_EQ_INT(tl.v[0].slen, 3);
        CHECK(memcmp(tl.v[0].sval, "a\0b", 3) == 0);
    }
    lex_free(&tl);
    check_lex_error("s = 'ab\\x4'\n", 1, 5, "truncated \\xXX escape");
}

static void test_raw_strings(void)
{
    TokenList tl;
    if (lex_ok("r'a\\nb\\'' R\"\\d+\" u'\\x41'\n", &tl) && CHECK(tl.n >= 3)) {
        CHECK_EQ_STR(tl.v[0].sval, "a\\nb\\'");
        CHECK_EQ_INT(tl.v[0].slen, 6);
        CHECK(tl.v[0].sflags & STR_RAW);
        CHECK_EQ_STR(tl.v[1].sval, "\\d+");
        CHECK_EQ_STR(tl.v[2].sval, "A");   /* u'' is an ordinary string */
        CHECK_EQ_INT(tl.v[2].sflags, 0);
    }
    lex_free(&tl);
    char msg[100] = "";
    int off = -1;
    SBuf out = {0};
    CHECK(lex_unescape("x\\ty", 4, true, &out, msg, sizeof msg, &off));
    CHECK_EQ_STR(out.s, "x\\ty");
    sb_free(&out);
    CHECK(!lex_unescape("ab\\u12", 6, false, &out, msg, sizeof msg, &off));
    CHECK_EQ_INT(off, 2);
    CHECK_CONTAINS(msg, "truncated \\u");
    sb_free(&out);
}

static void test_fstring_keeps_raw_body(void)
{
    TokenList tl;
    if (lex_ok("x = f'{a}\\n{b!r:>{w}}' + rf\"{c}\\d\"\n", &tl) && CHECK(tl.n >= 5)) {
        const Token *t = &tl.v[2];
        CHECK_EQ_INT(t->kind, T_STRING);
        CHECK_EQ_INT(t->sflags, STR_F);
        CHECK_EQ_STR(t->sval, "{a}\\n{b!r:>{w}}");   /* not decoded */
        CHECK_EQ_INT(t->slen, 15);
        CHECK_EQ_INT(t->body_line, 1);
        CHECK_EQ_INT(t->body_col, 7);
        CHECK_EQ_INT(t->col, 5);
        const Token *u = &tl.v[4];
        CHECK_EQ_INT(u->sflags, STR_F | STR_RAW);
        CHECK_EQ_STR(u->sval, "{c}\\d");
    }
    lex_free(&tl);
}

static void test_triple_quoted_strings(void)
{
    TokenList tl;
    const char *src = "b = '''line1\nl\xc3\xa9ne2 \"q\" ''' + c\nd = \"\"\"\n\"\"\"\n";
    if (lex_ok(src, &tl)) {
        check_layout(src, "b = '''line1\nl\xc3\xa9ne2 \"q\" ''' + c NL d = \"\"\"\n\"\"\" NL EOF");
        const Token *t = &tl.v[2];
        CHECK_EQ_INT(t->kind, T_STRING);
        CHECK(t->sflags & STR_TRIPLE);
        CHECK_EQ_STR(t->sval, "line1\nl\xc3\xa9ne2 \"q\" ");
        CHECK_EQ_INT(t->line, 1);
        CHECK_EQ_INT(t->col, 5);
        CHECK_EQ_INT(t->end_line, 2);
        CHECK_EQ_INT(t->end_col, 14);
        check_pos(&tl, "+", 2, 15);
        check_pos(&tl, "c", 2, 17);
        check_pos(&tl, "d", 3, 1);
        const Token *e = &tl.v[8];
        CHECK_EQ_STR(e->sval, "\n");
        CHECK_EQ_INT(e->end_line, 4);
        CHECK_EQ_INT(e->end_col, 4);
    }
    lex_free(&tl);
}

static void test_err_unterminated_string(void)
{
    check_lex_error("x = 'abc\n", 1, 5, "unterminated string literal");
    check_lex_error("y = 1\nx = f\"abc\ny = 2\n", 2, 5, "unterminated string literal");
    check_lex_error("s = '''abc\ndef\n", 1, 5, "unterminated triple-quoted string literal");
}

static void test_err_bracket_never_closed(void)
{
    /* the position is the opening bracket's, however far the file goes on */
    check_lex_error("x = (1,\n  2\n", 1, 5, "'(' was never closed");
    check_lex_error("x = [1,\n 2,\n (3\n\n\ny = 1\n", 3, 2, "'(' was never closed");
    check_lex_error("d = {'a': [1,\n", 1, 11, "'[' was never closed");
}

static void test_err_brackets_mismatched(void)
{
    check_lex_error("x = (1]\n", 1, 7, "closing parenthesis ']' does not match opening parenthesis '('");
    check_lex_error("x = (1,\n 2]\n", 2, 3, "closing parenthesis ']' does not match opening parenthesis '(' on line 1");
    check_lex_error("\xc3\xa9 = 1\nx = '\xc3\xa9' + y)\n", 2, 12, "unmatched ')'");
}

/* Past 64 bits a literal keeps its digits (sval, no underscores) and its
 * base (ival) for the compiler's big int; past 4300 decimal digits it is
 * CPython's SyntaxError. */
static void test_int_literal_big(void)
{
    TokenList tl;
    if (lex_ok("x = 9223372036854775807 + 9_223_372_036_854_775_808 + 0xFF_FFFFFFFFFFFFFFFF\n", &tl)) {
        const Token *small = find_tok(&tl, "9223372036854775807");
        const Token *dec = find_tok(&tl, "9_223_372_036_854_775_808");
        const Token *hex = find_tok(&tl, "0xFF_FFFFFFFFFFFFFFFF");
        if (CHECK(small && dec && hex)) {
            CHECK(small->sval == NULL);
            CHECK_EQ_INT(small->ival, INT64_MAX);
            CHECK_EQ_STR(dec->sval, "9223372036854775808");
            CHECK_EQ_INT(dec->ival, 10);
            CHECK_EQ_STR(hex->sval, "FFFFFFFFFFFFFFFFFF");
            CHECK_EQ_INT(hex->ival, 16);
        }
    }
    lex_free(&tl);
    char *src = malloc(4400);
    memcpy(src, "x = ", 4);
    memset(src + 4, '7', 4301);
    strcpy(src + 4305, "\n");
    check_lex_error(src, 1, 5, "Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits");
    memset(src + 4, '7', 4300);
    strcpy(src + 4304, "\n");
    CHECK(lex_ok(src, &tl));
    lex_free(&tl);
    free(src);
    check_lex_error("x = 0777\n", 1, 5, "leading zeros in decimal integer literals are not permitted");
}

static void test_err_bytes_literal(void)
{
    check_lex_error("x = b'ab\xc3\xa9'\n", 1, 5, "bytes can only contain ASCII literal characters");
    check_lex_error("x = 1\ny = rb\"\xc3\xa9\"\n", 2, 5, "bytes can only contain ASCII");
}

static void test_err_bad_dedent(void)
{
    check_lex_error("if x:\n        a\n    b\n", 3, 0, "unindent does not match any outer indentation level");
    check_lex_error("if x:\n    if y:\n        a\n  b\n", 4, 0, "unindent does not match any outer indentation level");
}

/* A tab-indented line followed by one indented with spaces means different
 * things at different tab sizes: CPython's TabError. */
static void test_err_tab_error(void)
{
    const char *msg = "inconsistent use of tabs and spaces in indentation";
    check_lex_error("a = 1\nif a:\n\tx = 1\n        y = 2\n", 4, 9, msg);
    check_lex_error("if a:\n        x = 1\n\ty = 2\n", 3, 0, msg);
    /* an indent that is deeper at tab size 8 but not at tab size 1 */
    check_lex_error("if a:\n        x = 1\n        if b:\n\t\t y\n", 4, 0, msg);
    /* consistent mixes are fine: the same prefix on every line */
    check_layout("if a:\n\tx\n\tif b:\n\t    y\n\tz\n", "if a : NL IN x NL if b : NL IN y NL DE z NL DE EOF");
}

/* Bad escapes give CPython's codec message, with its positions (counted with
 * each non-ASCII character as 10 bytes). */
static void test_err_escape_messages(void)
{
    check_lex_error("x = \"\\u12\"\n", 1, 5,
                    "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-3: truncated \\uXXXX escape");
    check_lex_error("x = \"ab\\u12z\"\n", 1, 5, "position 2-5: truncated \\uXXXX escape");
    check_lex_error("x = '\\x'\n", 1, 5, "position 0-1: truncated \\xXX escape");
    check_lex_error("x = '\\U0001'\n", 1, 5, "position 0-5: truncated \\UXXXXXXXX escape");
    check_lex_error("x = '\\U00110000'\n", 1, 5, "position 0-9: illegal Unicode character");
    check_lex_error("x = '\xc3\xa9\\x1'\n", 1, 5, "position 10-12: truncated \\xXX escape");
}

/* Columns are tracked incrementally: a 200,000-token line lexes in linear
 * time (rescanning the line for each token took minutes under ASan). */
static void lex_long_line(void *arg)
{
    (void)arg;
    int terms = 100000;
    SBuf b = {0};
    sb_puts(&b, "x = 1");
    for (int i = 1; i < terms; i++) sb_puts(&b, "+\xc3\xa9");
    sb_puts(&b, "\n");
    TokenList tl;
    LexError err;
    memset(&tl, 0, sizeof tl);
    if (!lex_source(b.s, b.n, 1, 1, false, &tl, &err)) _exit(2);
    /* x = 1 then (+, é) pairs, NEWLINE, EOF: the last é starts at column
     * 5 + 2 * (terms - 1) */
    const Token *last = &tl.v[tl.n - 3];
    if (last->col != 5 + 2 * (terms - 1) || last->end_col != last->col + 1) _exit(3);
    lex_free(&tl);
    sb_free(&b);
}

static void test_long_line_is_linear(void)
{
    char why[200];
    if (!run_isolated(lex_long_line, NULL, 20, why, sizeof why)) FAILF("lexing a 200,000-token line: %s", why);
}

static void test_expr_mode_offsets(void)
{
    /* f-string expressions are lexed on their own, with a starting position
     * and no layout tokens */
    TokenList tl;
    LexError err;
    memset(&err, 0, sizeof err);
    memset(&tl, 0, sizeof tl);
    if (CHECK(lex_source("a +\n b", 6, 3, 10, true, &tl, &err))) {
        char *s = summary(&tl);
        CHECK_EQ_STR(s, "a + b EOF");
        free(s);
        check_pos(&tl, "a", 3, 10);
        check_pos(&tl, "+", 3, 12);
        check_pos(&tl, "b", 4, 2);
    }
    lex_free(&tl);
}

/* Found while writing these tests: digits past the 100th of a float literal
 * are dropped, so a 151-digit literal is read as 1e99 (CPython: 1e+150). */
static void test_bug_long_float_literal(void)
{
    char src[200];
    size_t n = 0;
    src[n++] = '1';
    for (int i = 0; i < 150; i++) src[n++] = '0';
    memcpy(src + n, ".0\n", 4);
    TokenList tl;
    if (lex_ok(src, &tl) && CHECK_EQ_INT(tl.v[0].kind, T_FLOAT)) {
        if (tl.v[0].fval != 1e150) FAILF("1 followed by 150 zeros '.0' read as %.17g, expected 1e+150", tl.v[0].fval);
    }
    lex_free(&tl);
}

/* CPython rejects a trailing or doubled underscore in a number ("invalid
 * decimal literal"); the lexer reads "1_" as 1 and "1__0" as 10. */
static void test_bug_number_underscores(void)
{
    check_lex_error("x = 1_\n", 1, 0, "invalid decimal literal");
    check_lex_error("x = 1__0\n", 1, 0, "invalid decimal literal");
}

const TestCase lex_tests[] = {
    {"lex_indent_nested_blocks", test_indent_nested_blocks},
    {"lex_dedent_two_levels_at_once", test_dedent_two_levels_at_once},
    {"lex_dedent_at_eof_without_newline", test_dedent_at_eof_without_newline},
    {"lex_blank_and_comment_lines", test_blank_and_comment_lines},
    {"lex_implicit_line_joining", test_implicit_line_joining},
    {"lex_backslash_continuation", test_backslash_continuation},
    {"lex_positions_after_tabs", test_positions_after_tabs},
    {"lex_positions_after_utf8", test_positions_after_utf8},
    {"lex_int_literals", test_int_literals},
    {"lex_float_literals", test_float_literals},
    {"lex_string_escapes", test_string_escapes},
    {"lex_raw_strings", test_raw_strings},
    {"lex_fstring_keeps_raw_body", test_fstring_keeps_raw_body},
    {"lex_triple_quoted_strings", test_triple_quoted_strings},
    {"lex_expr_mode_offsets", test_expr_mode_offsets},
    {"lex_err_unterminated_string", test_err_unterminated_string},
    {"lex_err_bracket_never_closed", test_err_bracket_never_closed},
    {"lex_err_brackets_mismatched", test_err_brackets_mismatched},
    {"lex_int_literal_big", test_int_literal_big},
    {"lex_err_bytes_literal", test_err_bytes_literal},
    {"lex_err_bad_dedent", test_err_bad_dedent},
    {"lex_err_tab_error", test_err_tab_error},
    {"lex_err_escape_messages", test_err_escape_messages},
    {"lex_long_line_is_linear", test_long_line_is_linear},
    {"bug_lex_long_float_literal", test_bug_long_float_literal},
    {"bug_lex_number_underscores", test_bug_number_underscores},
    TEST_END,
};
