/* progress.c - a learner's progress on disk (progress.h). */
#include "progress.h"
#include "../sim/sim.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* mkdir -p for the directories of path (not its last part). */
static void make_dirs(char *path)
{
    for (char *p = path + 1; *p; p++)
        if (*p == '/') {
            *p = 0;
            mkdir(path, 0700);
            *p = '/';
        }
}

char *progress_path(const char *kind)
{
    SBuf b = {0};
    const char *x = getenv("XDG_STATE_HOME");
    const char *home = getenv("HOME");
    if (x && *x) sb_printf(&b, "%s/interleave/%s", x, kind);
    else if (home && *home) sb_printf(&b, "%s/.local/state/interleave/%s", home, kind);
    else return NULL;
    char *path = sb_take(&b);
    make_dirs(path);
    return path;
}

/* The file's lines, in a new string ("" when there is none). */
static char *read_all(const char *path)
{
    size_t n;
    char *s = read_file(path, &n);
    return s ? s : xstrdup("");
}

/* The line for item in text, or NULL. */
static const char *find_line(const char *text, const char *item)
{
    size_t n = strlen(item);
    for (const char *p = text; *p;) {
        const char *eol = strchr(p, '\n');
        if (strncmp(p, item, n) == 0 && (p[n] == '\t' || p[n] == '\n' || !p[n])) return p;
        if (!eol) break;
        p = eol + 1;
    }
    return NULL;
}

bool progress_has(const char *kind, const char *item, char **note)
{
    if (note) *note = NULL;
    char *path = progress_path(kind);
    if (!path) return false;
    char *text = read_all(path);
    const char *line = find_line(text, item);
    if (line && note) {
        const char *t = line + strlen(item);
        if (*t == '\t') t++;
        else t = "";
        *note = xstrndup(t, strcspn(t, "\n"));
    }
    free(text);
    free(path);
    return line != NULL;
}

bool progress_add(const char *kind, const char *item, const char *note)
{
    char *path = progress_path(kind);
    if (!path) return false;
    char *text = read_all(path);
    SBuf b = {0};
    sb_puts(&b, "");
    /* every other line as it was, then this one */
    for (const char *p = text; *p;) {
        const char *eol = strchr(p, '\n');
        size_t len = eol ? (size_t)(eol - p) : strlen(p);
        size_t n = strlen(item);
        bool mine = len >= n && strncmp(p, item, n) == 0 && (len == n || p[n] == '\t');
        if (!mine && len) {
            sb_put(&b, p, len);
            sb_putc(&b, '\n');
        }
        p = eol ? eol + 1 : p + len;
    }
    sb_printf(&b, "%s\t%s\n", item, note ? note : "");
    SBuf tmp = {0};
    sb_printf(&tmp, "%s.tmp", path);
    FILE *f = fopen(tmp.s, "w");
    bool ok = f && fwrite(b.s, 1, b.n, f) == b.n;
    if (f && fclose(f) != 0) ok = false;
    if (ok) ok = rename(tmp.s, path) == 0;
    else remove(tmp.s);
    sb_free(&tmp);
    sb_free(&b);
    free(text);
    free(path);
    return ok;
}
