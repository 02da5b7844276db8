/* export_util.c - what the exporters and the JSON output share
 * (export_util.h): the window, segment ends, exact microseconds, and one
 * escaper each for JSON and XML, so every file we write treats invalid
 * UTF-8 the same way. */
#include "export_util.h"

#include <stdlib.h>

bool ex_window(const Trace *t, const ExportOpts *o, int64_t *from, int64_t *to)
{
    int64_t a = o && o->from > 0 ? o->from : 0;
    int64_t b = o && o->to > 0 ? o->to : t->end;
    if (b > t->end) b = t->end;
    *from = a;
    *to = b;
    return b > a;
}

int64_t *ex_seg_ends(const Trace *t)
{
    int64_t *end = xmalloc((t->segs.n + 1) * sizeof *end);
    /* backwards: the next segment of each task seen so far */
    int64_t *next = xmalloc((t->tasks.n + 1) * sizeof *next);
    for (size_t k = 0; k < t->tasks.n; k++) next[k] = -1;
    for (size_t i = t->segs.n; i-- > 0;) {
        const TraceSeg g = trace_seg(t, i);
        int64_t e = next[g.task];
        if (e < 0) e = g.state == TS_DONE ? g.t : t->end;
        end[i] = e < g.t ? g.t : e;
        next[g.task] = g.t;
    }
    free(next);
    return end;
}

void ex_us(FILE *f, int64_t ns)
{
    if (ns < 0) {
        fputc('-', f);
        ns = -ns;
    }
    fprintf(f, "%lld.%03lld", (long long)(ns / 1000), (long long)(ns % 1000));
}

/* The length of the valid UTF-8 sequence at s (at most n bytes), or 0. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    size_t len;
    unsigned min;
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) len = 2, min = 0x80;
    else if (c >= 0xE0 && c <= 0xEF) len = 3, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4) len = 4, min = 0x10000;
    else return 0;
    if (len > n) return 0;
    unsigned cp = c & (0x3F >> (len - 1));
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0;
        cp = cp << 6 | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

void ex_json_str(FILE *f, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    fputc('"', f);
    for (size_t i = 0; i < n;) {
        unsigned char c = p[i];
        size_t l = utf8_len(p + i, n - i);
        if (!l) {
            fputs("\\ufffd", f);
            i++;
            continue;
        }
        if (l > 1) fwrite(p + i, 1, l, f);
        else if (c == '"') fputs("\\\"", f);
        else if (c == '\\') fputs("\\\\", f);
        else if (c == '\n') fputs("\\n", f);
        else if (c == '\t') fputs("\\t", f);
        else if (c < 0x20 || c == 0x7F) fprintf(f, "\\u%04x", c);
        else fputc(c, f);
        i += l;
    }
    fputc('"', f);
}

void ex_xml_str(FILE *f, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        unsigned char c = p[i];
        size_t l = utf8_len(p + i, n - i);
        if (!l) {
            fputs("\xEF\xBF\xBD", f);
            i++;
            continue;
        }
        if (l > 1) fwrite(p + i, 1, l, f);
        else if (c == '&') fputs("&amp;", f);
        else if (c == '<') fputs("&lt;", f);
        else if (c == '>') fputs("&gt;", f);
        else if (c == '"') fputs("&quot;", f);
        else if (c == '\'') fputs("&#39;", f);
        else if (c == '\n' || c == '\t') fputc(c, f);
        else if (c < 0x20 || c == 0x7F) fputs("\xEF\xBF\xBD", f);
        else fputc(c, f);
        i += l;
    }
}
