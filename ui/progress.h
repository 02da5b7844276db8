/* progress.h - which lesson questions a learner has answered, and how,
 * remembered between runs in $XDG_STATE_HOME/interleave/lessons.progress
 * (~/.local/state/interleave/ without XDG_STATE_HOME).
 *
 * The file is text, one answer a line, appended as answers come:
 *
 *     LESSON QUESTION RESULT ANSWER
 *     3 1 right b
 *     3 2 wrong 0.5
 *
 * QUESTION counts the lesson's predict blocks from 1; RESULT is right,
 * wrong or skipped; ANSWER is what was given ("-" when skipped).  A later
 * line for the same question replaces an earlier one; lines starting with
 * '#' and lines that do not parse are ignored, so the file can be edited
 * by hand. */
#ifndef IL_PROGRESS_H
#define IL_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>

enum { PR_NONE, PR_RIGHT, PR_WRONG, PR_SKIPPED };

typedef struct ProgressEntry {
    int lesson, question;    /* the lesson's number, its predict block from 1 */
    int result;              /* PR_RIGHT, PR_WRONG, PR_SKIPPED */
    char answer[32];         /* as given, "-" when skipped */
} ProgressEntry;

typedef struct Progress {
    ProgressEntry *v;        /* one per question answered, the latest answer */
    int n;
} Progress;

/* The file's path (a new string): $XDG_STATE_HOME/interleave/lessons.progress,
 * else $HOME/.local/state/interleave/lessons.progress; NULL without either. */
char *progress_path(void);
/* Read the file (a missing file is no progress).  Always usable; free it. */
void progress_load(Progress *p);
void progress_free(Progress *p);
/* The latest answer to question q of lesson l, or NULL. */
const ProgressEntry *progress_find(const Progress *p, int lesson, int question);
/* Append an answer (creating the directories); false with why in err. */
bool progress_record(int lesson, int question, int result, const char *answer, char *err, size_t errn);
/* Forget everything (remove the file).  False with why in err; no file is
 * not an error. */
bool progress_reset(char *err, size_t errn);
/* "right", "wrong", "skipped". */
const char *progress_result_name(int result);

#endif
