/* main.c - runs every registered unit test; see check.h. */
#include "check.h"

#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

extern const TestCase lex_tests[];
extern const TestCase parse_tests[];
extern const TestCase compile_vm_tests[];
extern const TestCase scenario_tests[];
extern const TestCase tl_index_tests[];
extern const TestCase tui_layout_tests[];
extern const TestCase bigint_tests[];
extern const TestCase explore_tests[];
extern const TestCase freeze_tests[];

static const TestCase *const suites[] = {lex_tests, parse_tests, compile_vm_tests, scenario_tests, tl_index_tests, tui_layout_tests, bigint_tests, explore_tests, freeze_tests};

static char reason[1024];   /* the first failure of the running test */
static int nfailed_checks;

void check_fail(const char *file, int line, const char *fmt, ...)
{
    if (nfailed_checks++) return;
    int k = snprintf(reason, sizeof reason, "%s:%d: ", file, line);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(reason + k, sizeof reason - (size_t)k, fmt, ap);
    va_end(ap);
}

bool check_true(const char *file, int line, const char *expr, bool ok)
{
    if (!ok) check_fail(file, line, "CHECK(%s)", expr);
    return ok;
}

/* s as a one-line C literal (at most 200 characters of it). */
static const char *quoted(const char *s, char *buf, size_t n)
{
    if (!s) return "NULL";
    size_t k = 0;
    buf[k++] = '"';
    for (const char *p = s; *p && k + 8 < n; p++) {
        unsigned char c = (unsigned char)*p;
        if (p - s >= 200) {
            k += (size_t)snprintf(buf + k, n - k, "...");
            break;
        }
        if (c == '\n') k += (size_t)snprintf(buf + k, n - k, "\\n");
        else if (c == '"' || c == '\\') k += (size_t)snprintf(buf + k, n - k, "\\%c", c);
        else if (c < 0x20) k += (size_t)snprintf(buf + k, n - k, "\\x%02x", c);
        else buf[k++] = (char)c;
    }
    snprintf(buf + k, n - k, "\"");
    return buf;
}

bool check_str_eq(const char *file, int line, const char *ea, const char *eb,
                  const char *a, const char *b)
{
    if (a && b && strcmp(a, b) == 0) return true;
    char qa[300], qb[300];
    check_fail(file, line, "CHECK_EQ_STR(%s, %s): %s != %s", ea, eb, quoted(a, qa, sizeof qa),
               quoted(b, qb, sizeof qb));
    return false;
}

bool check_int_eq(const char *file, int line, const char *ea, const char *eb,
                  long long a, long long b)
{
    if (a == b) return true;
    check_fail(file, line, "CHECK_EQ_INT(%s, %s): %lld != %lld", ea, eb, a, b);
    return false;
}

bool check_contains(const char *file, int line, const char *ea, const char *eb,
                    const char *hay, const char *needle)
{
    if (hay && needle && strstr(hay, needle)) return true;
    char qa[300], qb[300];
    check_fail(file, line, "CHECK_CONTAINS(%s, %s): %s does not contain %s", ea, eb,
               quoted(hay, qa, sizeof qa), quoted(needle, qb, sizeof qb));
    return false;
}

bool run_isolated(void (*fn)(void *), void *arg, int timeout_s, char *why, size_t whyn)
{
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0) {
        snprintf(why, whyn, "fork failed");
        return false;
    }
    if (pid == 0) {
        int fd = open("/dev/null", O_WRONLY);
        if (fd >= 0) {
            dup2(fd, 1);
            dup2(fd, 2);
        }
        alarm((unsigned)timeout_s);
        fn(arg);
        _exit(0);
    }
    int status = 0;
    if (waitpid(pid, &status, 0) < 0) {
        snprintf(why, whyn, "waitpid failed");
        return false;
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return true;
    if (WIFSIGNALED(status))
        snprintf(why, whyn, "the child died of signal %d%s", WTERMSIG(status),
                 WTERMSIG(status) == SIGALRM ? " (timeout)" : "");
    else
        snprintf(why, whyn, "the child exited with status %d (a crash or a sanitizer report)",
                 WEXITSTATUS(status));
    return false;
}

int main(void)
{
    int failed = 0, known = 0, total = 0;
    for (size_t s = 0; s < sizeof suites / sizeof suites[0]; s++) {
        for (const TestCase *t = suites[s]; t->name; t++) {
            reason[0] = 0;
            nfailed_checks = 0;
            t->fn();
            total++;
            bool bug = strncmp(t->name, "bug_", 4) == 0;
            if (!nfailed_checks) {
                printf("ok %s\n", t->name);
            } else {
                for (char *p = reason; *p; p++)
                    if (*p == '\n' || *p == '\r') *p = ' ';
                printf("FAIL %s: %s%s", t->name, bug ? "known bug: " : "", reason);
                if (nfailed_checks > 1) printf(" (and %d more failed checks)", nfailed_checks - 1);
                printf("\n");
                if (bug) known++;
                else failed++;
            }
            fflush(stdout);
        }
    }
    fprintf(stderr, "%d tests, %d failed, %d known bugs\n", total, failed, known);
    return failed ? 1 : 0;
}
