/* common.h - allocation wrappers and growable arrays shared by all of sim/.
 *
 * Allocation failure is not recoverable inside the simulator: xmalloc and
 * friends call the hook installed by the front end (which restores the
 * terminal) and then abort.  Everything else reports errors as values. */
#ifndef IL_COMMON_H
#define IL_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <string.h>

/* 1 in a build under AddressSanitizer (GCC says so one way, Clang the
 * other): the heap and the VM then check more. */
#if defined(__SANITIZE_ADDRESS__)
#define IL_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define IL_ASAN 1
#endif
#endif
#ifndef IL_ASAN
#define IL_ASAN 0
#endif

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Called before abort() on out-of-memory; the UI uses it to restore the tty. */
extern void (*xalloc_fatal_hook)(void);

/* A growable array of T: { T *v; size_t n, cap; }.  BUF_PUSH may move v. */
#define BUF(T) struct { T *v; size_t n, cap; }
#define BUF_GROW(b, need)                                                    \
    do {                                                                     \
        if ((b).n + (need) > (b).cap) {                                      \
            /* first 64 bytes: many small arrays (callbacks...) */          \
            size_t nc_ = (b).cap ? (b).cap * 2 : 64 / sizeof *(b).v + 1;     \
            while (nc_ < (b).n + (need)) nc_ *= 2;                           \
            (b).v = xrealloc((b).v, nc_ * sizeof *(b).v);                    \
            (b).cap = nc_;                                                   \
        }                                                                    \
    } while (0)
#define BUF_PUSH(b, x)                                                       \
    do {                                                                     \
        BUF_GROW(b, 1);                                                      \
        (b).v[(b).n++] = (x);                                                \
    } while (0)
#define BUF_FREE(b) do { free((b).v); (b).v = NULL; (b).n = (b).cap = 0; } while (0)

/* A growable byte string, always NUL-terminated when s != NULL.  With
 * max set it never holds more than max bytes: the append that would pass
 * it keeps what fits, sets over, and every later one is dropped.  So a
 * builder of a bounded result (the text of a new str, a message) cannot
 * use more memory than the bound however much it is asked to append,
 * learns that it was cut, and holds the first max bytes of the text. */
typedef struct SBuf {
    char *s;
    size_t n, cap;
    size_t max;   /* 0 (no bound), or the most bytes it may hold */
    bool over;    /* an append was dropped: the text is incomplete */
} SBuf;
void sb_putc(SBuf *b, char c);
void sb_put(SBuf *b, const char *s, size_t n);
void sb_puts(SBuf *b, const char *s);
void sb_fill(SBuf *b, char c, size_t n);   /* n copies of c */
void sb_printf(SBuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *sb_take(SBuf *b);          /* returns the string (never NULL), resets b */
/* v in decimal into buf (no NUL); its length.  str(int) and f-strings
 * print ints all the time, and snprintf is a fifth of such a loop. */
int fmt_i64(char buf[20], int64_t v);
void sb_free(SBuf *b);

/* Read a whole file; NULL and errno set on failure.  "-" reads stdin. */
char *read_file(const char *path, size_t *len);

/* Durations: "5ms", "0.5s", "100us", "20ns" -> ns.  The one parser of
 * every duration a user gives (--from, --to, --set, a header, the REPL's
 * goto and until...): NULL, or why s is not one, to print after the value
 * ("too long (at most 9200000000s)": a run cannot hold more). */
const char *duration_parse(const char *s, int64_t *out_ns);
/* Seconds (a timeout, a delay, an interval) to virtual nanoseconds, with
 * one rule everywhere: the nearest nanosecond; NaN and negative values
 * give 0, and huge ones INT64_MAX / 2 (far past any run's end, and safe to
 * add to a clock). */
int64_t secs_to_ns(double s);
/* Format ns as a short human duration ("5.00 ms", "1.250 s"). */
void fmt_duration(char *buf, size_t n, int64_t ns);

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))
#define LIKELY(x) __builtin_expect(!!(x), 1)
#define UNLIKELY(x) __builtin_expect(!!(x), 0)

#endif
