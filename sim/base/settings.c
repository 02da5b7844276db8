/* settings.c - the settings table and the scenario header parser.
 *
 * The header is the run of `key: value` lines at the top of the module
 * docstring (blank lines before it are skipped; `#` starts a comment, and a
 * line holding only a comment is skipped too).  The first other line that is
 * not `key: value` ends it; the rest is the description.
 * An identifier followed by ':' is always taken as a key, so a misspelt key
 * is reported rather than silently becoming description text. */
#include "settings.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

const SettingInfo settings_info[SET_COUNT] = {
#define X(f, k, t, d, mn, mx, ev, h) {k, t, d, mn, mx, ev, h},
    SETTINGS(X)
#undef X
};

void settings_init(Settings *s)
{
    memset(s, 0, sizeof *s);
    for (int i = 0; i < SET_COUNT; i++) {
        s->v[i] = settings_info[i].def;
        if (settings_info[i].type == ST_FLOAT) s->f[i] = settings_info[i].def / 1000.0;
    }
}

void settings_copy(Settings *dst, const Settings *src)
{
    *dst = *src;
    dst->title = src->title ? xstrdup(src->title) : NULL;
    for (int i = 0; i < SET_COUNT; i++) dst->text[i] = src->text[i] ? xstrdup(src->text[i]) : NULL;
}

void settings_free(Settings *s)
{
    free(s->title);
    s->title = NULL;
    for (int i = 0; i < SET_COUNT; i++) {
        free(s->text[i]);
        s->text[i] = NULL;
    }
}

int settings_find(const char *key)
{
    for (int i = 0; i < SET_COUNT; i++)
        if (strcmp(settings_info[i].key, key) == 0) return i;
    return -1;
}

const char *settings_known_keys(void)
{
    /* the keys take about 300 bytes; an unknown-key message quotes them all */
    static char buf[SETTINGS_MSG_MAX / 2];
    if (!buf[0]) {
        size_t n = 0;
        for (int i = 0; i < SET_COUNT; i++)
            n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s", i ? ", " : "", settings_info[i].key);
    }
    return buf;
}

static int enum_index(const char *enums, const char *v)
{
    int idx = 0;
    const char *p = enums;
    size_t vl = strlen(v);
    while (*p) {
        const char *e = strchr(p, '|');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (n == vl && memcmp(p, v, n) == 0) return idx;
        idx++;
        if (!e) break;
        p = e + 1;
    }
    return -1;
}

static const char *enum_name(const char *enums, int64_t idx, char *buf, size_t n)
{
    const char *p = enums;
    for (int64_t i = 0; i < idx && p; i++) {
        p = strchr(p, '|');
        if (p) p++;
    }
    if (!p) return "?";
    const char *e = strchr(p, '|');
    size_t len = e ? (size_t)(e - p) : strlen(p);
    snprintf(buf, n, "%.*s", (int)len, p);
    return buf;
}

bool settings_set(Settings *s, const char *key, const char *value, char *err, size_t errn)
{
    int id = settings_find(key);
    if (id < 0) {
        snprintf(err, errn, "unknown setting '%.64s' (known: %s)", key, settings_known_keys());
        return false;
    }
    const SettingInfo *si = &settings_info[id];
    switch (si->type) {
    case ST_STRING:
        if (id == SET_title) {
            free(s->title);
            s->title = xstrdup(value);
        } else if (s->text[id]) {
            /* goal, hint, explain: one more line */
            size_t a = strlen(s->text[id]), b = strlen(value);
            s->text[id] = xrealloc(s->text[id], a + b + 2);
            s->text[id][a] = '\n';
            memcpy(s->text[id] + a + 1, value, b + 1);
        } else {
            s->text[id] = xstrdup(value);
        }
        break;
    case ST_INT: {
        char *end;
        errno = 0;
        /* allow 1_000 and 1e6 style for convenience */
        char clean[64];
        size_t n = 0;
        for (const char *p = value; *p && n < sizeof clean - 1; p++)
            if (*p != '_') clean[n++] = *p;
        clean[n] = 0;
        long long v = strtoll(clean, &end, 10);
        if (*end == 'e' || *end == 'E' || *end == '.') {
            double d = strtod(clean, &end);
            if (*end || d != floor(d) || d > 9e18) goto bad_int;
            v = (long long)d;
        }
        if (end == clean || *end || errno) {
        bad_int:
            snprintf(err, errn, "bad value '%s' for %s: expected an integer", value, key);
            return false;
        }
        if (v < si->min || v > si->max) {
            snprintf(err, errn, "bad value '%s' for %s: must be between %lld and %lld", value, key,
                     (long long)si->min, (long long)si->max);
            return false;
        }
        s->v[id] = v;
        break;
    }
    case ST_DURATION: {
        int64_t ns;
        const char *why = duration_parse(value, &ns);
        if (why) {
            snprintf(err, errn, "bad value '%s' for %s: %s", value, key, why);
            return false;
        }
        if (ns < si->min || ns > si->max) {
            char a[32], b[32];
            fmt_duration(a, sizeof a, si->min);
            fmt_duration(b, sizeof b, si->max);
            snprintf(err, errn, "bad value '%s' for %s: must be between %s and %s", value, key, a, b);
            return false;
        }
        s->v[id] = ns;
        break;
    }
    case ST_ENUM: {
        int idx = enum_index(si->enums, value);
        if (idx < 0) {
            char opts[64];
            snprintf(opts, sizeof opts, "%s", si->enums);
            for (char *p = opts; *p; p++)
                if (*p == '|') *p = ',';
            snprintf(err, errn, "bad value '%s' for %s: expected one of %s", value, key, si->enums);
            return false;
        }
        s->v[id] = idx;
        break;
    }
    case ST_FLOAT: {
        char *end;
        errno = 0;
        double d = strtod(value, &end);
        bool pct = *end == '%';
        if (pct) end++, d /= 100;
        if (end == value || *end || errno || !isfinite(d)) {
            snprintf(err, errn, "bad value '%s' for %s: expected a number", value, key);
            return false;
        }
        if (d < si->min / 1000.0 || d > si->max / 1000.0) {
            snprintf(err, errn, "bad value '%s' for %s: must be between %g and %g", value, key,
                     si->min / 1000.0, si->max / 1000.0);
            return false;
        }
        s->f[id] = d;
        break;
    }
    }
    s->given[id] = true;
    return true;
}

const char *settings_format(const Settings *s, int id, char *buf, size_t n)
{
    const SettingInfo *si = &settings_info[id];
    switch (si->type) {
    case ST_STRING: {
        const char *t = id == SET_title ? s->title : s->text[id];
        snprintf(buf, n, "%s", t ? t : "");
        break;
    }
    case ST_INT: snprintf(buf, n, "%lld", (long long)s->v[id]); break;
    case ST_DURATION: {
        int64_t v = s->v[id];
        if (v % 1000000000 == 0 && v) snprintf(buf, n, "%llds", (long long)(v / 1000000000));
        else if (v % 1000000 == 0 && v) snprintf(buf, n, "%lldms", (long long)(v / 1000000));
        else if (v % 1000 == 0 && v) snprintf(buf, n, "%lldus", (long long)(v / 1000));
        else snprintf(buf, n, "%lldns", (long long)v);
        break;
    }
    case ST_ENUM: enum_name(si->enums, s->v[id], buf, n); break;
    case ST_FLOAT: snprintf(buf, n, "%g", s->f[id]); break;
    }
    return buf;
}

static bool is_ident_start(char c) { return isalpha((unsigned char)c) || c == '_'; }
static bool is_ident(char c) { return isalnum((unsigned char)c) || c == '_'; }

bool settings_parse_header(const char *doc, int doc_first_line, Settings *s,
                           char **description, HeaderError *err)
{
    const char *p = doc;
    int line = doc_first_line;
    SBuf desc = {0};
    bool in_header = true, seen_key = false;
    while (*p) {
        const char *eol = strchr(p, '\n');
        size_t len = eol ? (size_t)(eol - p) : strlen(p);
        if (in_header) {
            const char *q = p, *end = p + len;
            while (q < end && (*q == ' ' || *q == '\t')) q++;
            if (q == end && !seen_key) goto next; /* leading blank lines */
            if (q < end && *q == '#') goto next;  /* a comment line: the header goes on */
            int col = (int)(q - p) + 1;
            const char *k = q;
            if (q < end && is_ident_start(*q)) {
                while (q < end && is_ident(*q)) q++;
                const char *kend = q;
                while (q < end && (*q == ' ' || *q == '\t')) q++;
                if (q < end && *q == ':') {
                    char key[64];
                    snprintf(key, sizeof key, "%.*s", (int)(kend - k), k);
                    q++;
                    while (q < end && (*q == ' ' || *q == '\t')) q++;
                    const char *vend = end;
                    /* '#' starts a comment (but not inside the title) */
                    int id = settings_find(key);
                    if (id < 0 || settings_info[id].type != ST_STRING) {
                        const char *h = memchr(q, '#', (size_t)(end - q));
                        if (h) vend = h;
                    }
                    while (vend > q && (vend[-1] == ' ' || vend[-1] == '\t' || vend[-1] == '\r')) vend--;
                    char value[512];
                    snprintf(value, sizeof value, "%.*s", (int)(vend - q), q);
                    char msg[SETTINGS_MSG_MAX];
                    if (id < 0) {
                        err->line = line;
                        err->col = col;
                        snprintf(err->msg, sizeof err->msg, "unknown setting '%s' in the scenario header (known: %s)",
                                 key, settings_known_keys());
                        sb_free(&desc);
                        return false;
                    }
                    if (!value[0]) {
                        err->line = line;
                        err->col = col;
                        snprintf(err->msg, sizeof err->msg, "setting '%s' has no value", key);
                        sb_free(&desc);
                        return false;
                    }
                    if (!settings_set(s, key, value, msg, sizeof msg)) {
                        err->line = line;
                        err->col = (int)(q - p) + 1;
                        snprintf(err->msg, sizeof err->msg, "%s", msg);
                        sb_free(&desc);
                        return false;
                    }
                    seen_key = true;
                    goto next;
                }
            }
            in_header = false;
            /* the blank line that ends the header (q moved past a word
             * that was not a key, so look at the whole line) */
            if (k == end) goto next;
        }
        sb_put(&desc, p, len);
        sb_putc(&desc, '\n');
    next:
        if (!eol) break;
        p = eol + 1;
        line++;
    }
    /* trim trailing blank lines of the description */
    while (desc.n && (desc.s[desc.n - 1] == '\n' || desc.s[desc.n - 1] == ' ')) desc.s[--desc.n] = 0;
    *description = sb_take(&desc);
    return true;
}
