/* common.c - allocation wrappers, string buffers, file and duration helpers. */
#include "common.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <math.h>

void (*xalloc_fatal_hook)(void);

static void oom(size_t n)
{
    if (xalloc_fatal_hook) xalloc_fatal_hook();
    fprintf(stderr, "interleave: out of memory (%zu bytes)\n", n);
    abort();
}

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) oom(n);
    return p;
}

void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p) oom(n * size);
    return p;
}

void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) oom(n);
    return q;
}

char *xstrdup(const char *s) { return xstrndup(s, strlen(s)); }

char *xstrndup(const char *s, size_t n)
{
    char *p = xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

static void sb_reserve(SBuf *b, size_t extra)
{
    if (b->n + extra + 1 > b->cap) {
        size_t nc = b->cap ? b->cap * 2 : 64;
        while (nc < b->n + extra + 1) nc *= 2;
        b->s = xrealloc(b->s, nc);
        b->cap = nc;
    }
}

void sb_putc(SBuf *b, char c)
{
    sb_reserve(b, 1);
    b->s[b->n++] = c;
    b->s[b->n] = 0;
}

void sb_put(SBuf *b, const char *s, size_t n)
{
    sb_reserve(b, n);
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = 0;
}

void sb_puts(SBuf *b, const char *s) { sb_put(b, s, strlen(s)); }

void sb_printf(SBuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char tmp[256];
    int k = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (k < 0) return;
    if ((size_t)k < sizeof tmp) {
        sb_put(b, tmp, (size_t)k);
        return;
    }
    sb_reserve(b, (size_t)k);
    va_start(ap, fmt);
    vsnprintf(b->s + b->n, (size_t)k + 1, fmt, ap);
    va_end(ap);
    b->n += (size_t)k;
}

int fmt_i64(char buf[20], int64_t v)
{
    char tmp[20];
    int n = 0;
    /* the magnitude in unsigned: -INT64_MIN does not fit an int64 */
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    do {
        tmp[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    int k = 0;
    if (v < 0) buf[k++] = '-';
    while (n) buf[k++] = tmp[--n];
    return k;
}

char *sb_take(SBuf *b)
{
    char *s = b->s ? b->s : xstrdup("");
    b->s = NULL;
    b->n = b->cap = 0;
    return s;
}

void sb_free(SBuf *b)
{
    free(b->s);
    b->s = NULL;
    b->n = b->cap = 0;
}

char *read_file(const char *path, size_t *len)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) return NULL;
    SBuf b = {0};
    char chunk[65536];
    size_t k;
    while ((k = fread(chunk, 1, sizeof chunk, f)) > 0) sb_put(&b, chunk, k);
    int err = ferror(f);
    if (f != stdin) fclose(f);
    if (err) {
        sb_free(&b);
        errno = EIO;
        return NULL;
    }
    if (len) *len = b.n;
    return sb_take(&b);
}

/* 1 with *ns (a double: it may be out of range), 0 when s is not a
 * number with a unit */
static int duration_value(const char *s, double *ns)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (end == s || v < 0 || v != v) return 0;
    while (*end == ' ') end++;
    double mul;
    if (strcmp(end, "ns") == 0) mul = 1;
    else if (strcmp(end, "us") == 0 || strcmp(end, "\xc2\xb5s") == 0) mul = 1e3;
    else if (strcmp(end, "ms") == 0) mul = 1e6;
    else if (strcmp(end, "s") == 0) mul = 1e9;
    else return 0;
    *ns = v * mul;
    return 1;
}

bool parse_duration(const char *s, int64_t *out_ns)
{
    double ns;
    if (!duration_value(s, &ns) || !(ns <= 9.2e18)) return false;
    *out_ns = (int64_t)llround(ns);
    return true;
}

bool duration_too_long(const char *s)
{
    double ns;
    return duration_value(s, &ns) && !(ns <= 9.2e18);
}

int64_t secs_to_ns(double s)
{
    if (!(s > 0)) return 0;
    if (s > 4.6e9) return INT64_MAX / 2;
    return (int64_t)llround(s * 1e9);
}

void fmt_duration(char *buf, size_t n, int64_t ns)
{
    int64_t a = ns < 0 ? -ns : ns;
    if (a < 1000) snprintf(buf, n, "%lld ns", (long long)ns);
    else if (a < 1000000) snprintf(buf, n, "%.1f us", ns / 1e3);
    else if (a < 1000000000) snprintf(buf, n, "%.2f ms", ns / 1e6);
    else snprintf(buf, n, "%.3f s", ns / 1e9);
}
