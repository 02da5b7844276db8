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

/* Room for extra more bytes and the NUL: how many of them may go in.
 * That is extra, unless it would pass b->max: then what fits, over is
 * set, and from then on none, so the text is always the exact start of
 * what was asked for.  n <= max holds throughout: max - n cannot wrap. */
static size_t sb_room(SBuf *b, size_t extra)
{
    if (b->over) return 0;
    if (b->max && extra > b->max - b->n) {
        b->over = true;
        extra = b->max - b->n;
    }
    if (b->n + extra + 1 > b->cap) {
        size_t nc = b->cap ? b->cap * 2 : 64;
        while (nc < b->n + extra + 1) nc *= 2;
        /* a bounded buffer never takes much more than its bound */
        if (b->max && nc > b->max + 1) nc = b->max + 1;
        b->s = xrealloc(b->s, nc);
        b->cap = nc;
    }
    return extra;
}

void sb_putc(SBuf *b, char c)
{
    if (!sb_room(b, 1)) return;
    b->s[b->n++] = c;
    b->s[b->n] = 0;
}

void sb_put(SBuf *b, const char *s, size_t n)
{
    n = sb_room(b, n);
    if (n) memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = 0;
}

void sb_puts(SBuf *b, const char *s) { sb_put(b, s, strlen(s)); }

void sb_fill(SBuf *b, char c, size_t n)
{
    n = sb_room(b, n);
    memset(b->s + b->n, c, n);
    b->n += n;
    b->s[b->n] = 0;
}

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
    size_t m = sb_room(b, (size_t)k);
    va_start(ap, fmt);
    vsnprintf(b->s + b->n, m + 1, fmt, ap);
    va_end(ap);
    b->n += m;
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
    b->over = false;
    return s;
}

void sb_free(SBuf *b)
{
    free(b->s);
    b->s = NULL;
    b->n = b->cap = 0;
    b->over = false;
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

const char *duration_parse(const char *s, int64_t *out_ns)
{
    static const char *const expected = "expected a duration with a unit (ns, us, ms, s), e.g. 5ms";
    char *end;
    double v = strtod(s, &end);
    if (end == s || v != v) return expected;
    while (*end == ' ') end++;
    double mul;
    if (strcmp(end, "ns") == 0) mul = 1;
    else if (strcmp(end, "us") == 0 || strcmp(end, "\xc2\xb5s") == 0) mul = 1e3;
    else if (strcmp(end, "ms") == 0) mul = 1e6;
    else if (strcmp(end, "s") == 0) mul = 1e9;
    else return expected;
    if (v < 0) return "a duration cannot be negative";
    /* about 292 years of nanoseconds fit an int64 */
    double ns = v * mul;
    if (!(ns <= 9.2e18)) return "too long (at most 9200000000s)";
    *out_ns = (int64_t)llround(ns);
    return NULL;
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
