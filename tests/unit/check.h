/* check.h - a tiny unit-test framework, in the spirit of Redis's testhelp.h.
 *
 * A test is a `static void test_x(void)`; each test file lists its tests in a
 * table `const TestCase NAME_tests[]` ending with TEST_END, and main.c runs
 * every table.  The CHECK macros record the first failure of the running
 * test (file:line and the failed expression) and let the test go on, so it
 * can still free what it allocated; each returns whether it held.
 *
 * main() prints one line per test, `ok NAME` or `FAIL NAME: reason`, and
 * exits 1 if a test failed.  A test named `bug_...` documents a known bug in
 * sim/: its failure is printed as `FAIL bug_x: known bug: ...` but does not
 * change the exit status (an `ok bug_x` line means the bug is fixed). */
#ifndef CHECK_H
#define CHECK_H

#include <stdbool.h>
#include <stddef.h>

typedef struct TestCase {
    const char *name;
    void (*fn)(void);
} TestCase;

#define TEST_END {NULL, NULL}

bool check_true(const char *file, int line, const char *expr, bool ok);
bool check_str_eq(const char *file, int line, const char *ea, const char *eb,
                  const char *a, const char *b);
bool check_int_eq(const char *file, int line, const char *ea, const char *eb,
                  long long a, long long b);
bool check_contains(const char *file, int line, const char *ea, const char *eb,
                    const char *hay, const char *needle);
void check_fail(const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#define CHECK(cond) check_true(__FILE__, __LINE__, #cond, (cond))
#define CHECK_EQ_STR(a, b) check_str_eq(__FILE__, __LINE__, #a, #b, (a), (b))
#define CHECK_EQ_INT(a, b) \
    check_int_eq(__FILE__, __LINE__, #a, #b, (long long)(a), (long long)(b))
/* hay contains needle (both strings; NULL never matches) */
#define CHECK_CONTAINS(hay, needle) \
    check_contains(__FILE__, __LINE__, #hay, #needle, (hay), (needle))
#define FAILF(...) check_fail(__FILE__, __LINE__, __VA_ARGS__)

/* Run fn(arg) in a forked child, for code that may crash the process (a
 * known stack overflow): the child's stderr goes to /dev/null, so a
 * sanitizer report there cannot fail the whole binary.  Returns true when
 * the child exited with status 0; otherwise false with why filled. */
bool run_isolated(void (*fn)(void *), void *arg, int timeout_s, char *why, size_t whyn);

#endif
