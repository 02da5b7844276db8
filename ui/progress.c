/* progress.c - the learner's answers to lesson questions, kept in a text
 * file under the XDG state directory (progress.h).  Appending one line per
 * answer keeps a crash from losing earlier answers and needs no locking
 * beyond what O_APPEND gives two UIs open at once. */
#include "progress.h"
#include "../sim/sim.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *const result_names[] = {[PR_NONE] = "none", [PR_RIGHT] = "right", [PR_WRONG] = "wrong",
                                           [PR_SKIPPED] = "skipped"};

const char *progress_result_name(int result)
{
    return result >= 0 && result <= PR_SKIPPED ? result_names[result] : "none";
}

/* The directory (a new string), or NULL. */
static char *state_dir(void)
{
    SBuf b = {0};
    const char *x = getenv("XDG_STATE_HOME");
    const char *home = getenv("HOME");
    if (x && *x) sb_printf(&b, "%s/interleave", x);
    else if (home && *home) sb_printf(&b, "%s/.local/state/interleave", home);
    else return NULL;
    return sb_take(&b);
}

char *progress_path(void)
{
    char *d = state_dir();
    if (!d) return NULL;
    SBuf b = {0};
    sb_printf(&b, "%s/lessons.progress", d);
    free(d);
    return sb_take(&b);
}

/* mkdir -p dir; false with errno set. */
static bool make_dirs(char *dir)
{
    for (char *p = dir + 1; *p; p++) {
        if (*p != '/') continue;
        *p = 0;
        int rc = mkdir(dir, 0700);
        *p = '/';
        if (rc != 0 && errno != EEXIST) return false;
    }
    return mkdir(dir, 0700) == 0 || errno == EEXIST;
}

void progress_free(Progress *p)
{
    free(p->v);
    p->v = NULL;
    p->n = 0;
}

static ProgressEntry *find(Progress *p, int lesson, int question)
{
    for (int i = 0; i < p->n; i++)
        if (p->v[i].lesson == lesson && p->v[i].question == question) return &p->v[i];
    return NULL;
}

const ProgressEntry *progress_find(const Progress *p, int lesson, int question)
{
    return find((Progress *)p, lesson, question);
}

void progress_load(Progress *p)
{
    memset(p, 0, sizeof *p);
    char *path = progress_path();
    FILE *f = path ? fopen(path, "r") : NULL;
    free(path);
    if (!f) return;
    char line[256];
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#') continue;
        int lesson, question;
        char res[16], ans[32];
        if (sscanf(line, "%d %d %15s %31s", &lesson, &question, res, ans) != 4) continue;
        int r = PR_NONE;
        for (int k = PR_RIGHT; k <= PR_SKIPPED; k++)
            if (strcmp(res, result_names[k]) == 0) r = k;
        if (r == PR_NONE || question < 1) continue;
        ProgressEntry *e = find(p, lesson, question);
        if (!e) {
            p->v = xrealloc(p->v, (size_t)(p->n + 1) * sizeof *p->v);
            e = &p->v[p->n++];
        }
        *e = (ProgressEntry){lesson, question, r, ""};
        snprintf(e->answer, sizeof e->answer, "%s", ans);
    }
    fclose(f);
}

bool progress_record(int lesson, int question, int result, const char *answer, char *err, size_t errn)
{
    char *dir = state_dir();
    if (!dir) {
        snprintf(err, errn, "no place to keep progress: neither XDG_STATE_HOME nor HOME is set");
        return false;
    }
    if (!make_dirs(dir)) {
        snprintf(err, errn, "cannot create %s: %s", dir, strerror(errno));
        free(dir);
        return false;
    }
    free(dir);
    char *path = progress_path();
    bool fresh = access(path, F_OK) != 0;
    FILE *f = fopen(path, "a");
    if (!f) {
        snprintf(err, errn, "cannot write %s: %s", path, strerror(errno));
        free(path);
        return false;
    }
    if (fresh) fputs("# interleave lessons: LESSON QUESTION RESULT ANSWER (the last line of a question counts)\n", f);
    /* one word: what the learner typed, without spaces */
    char word[32];
    size_t k = 0;
    for (const char *s = answer && *answer ? answer : "-"; *s && k + 1 < sizeof word; s++)
        if (*s != ' ' && *s != '\t' && *s != '\n') word[k++] = *s;
    word[k] = 0;
    fprintf(f, "%d %d %s %s\n", lesson, question, progress_result_name(result), k ? word : "-");
    bool ok = fclose(f) == 0;
    if (!ok) snprintf(err, errn, "cannot write %s: %s", path, strerror(errno));
    free(path);
    return ok;
}

bool progress_reset(char *err, size_t errn)
{
    char *path = progress_path();
    if (!path) {
        snprintf(err, errn, "neither XDG_STATE_HOME nor HOME is set: there is no progress file");
        return false;
    }
    bool ok = remove(path) == 0 || errno == ENOENT;
    if (!ok) snprintf(err, errn, "cannot remove %s: %s", path, strerror(errno));
    free(path);
    return ok;
}
