/* lesson.h - the lessons of LESSONS.md and where the program finds its
 * data (LESSONS.md and scenarios/), in the source tree or installed. */
#ifndef IL_LESSON_H
#define IL_LESSON_H

#include <stdbool.h>
#include <stddef.h>

typedef struct Lesson {
    int number;
    char *title;             /* "Concurrency is not parallelism" */
    char *text;              /* the body below the heading, as written */
    char **scenarios;        /* full paths of the scenarios it names, in order */
    int nscenarios;
} Lesson;

typedef struct Lessons {
    char *dir;               /* the data directory */
    Lesson *v;
    int n;
} Lessons;

/* The directory holding LESSONS.md and scenarios/: $INTERLEAVE_DATA, else
 * next to the executable (the source tree), else <exe dir>/../share/
 * interleave (installed).  A new string, or NULL when none has them. */
char *data_dir_find(void);

/* Read LESSONS.md from the data directory.  False with a message in err. */
bool lessons_load(Lessons *ls, char *err, size_t errn);
void lessons_free(Lessons *ls);
/* Lesson number n, or NULL. */
const Lesson *lesson_get(const Lessons *ls, int n);

/* `interleave lesson [N]`. */
int cmd_lesson(int argc, char **argv);

#endif
