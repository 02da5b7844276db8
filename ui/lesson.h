/* lesson.h - the lessons of LESSONS.md and where the program finds its
 * data (LESSONS.md and scenarios/), in the source tree or installed; the
 * predict blocks of a lesson, and its text with or without the answers. */
#ifndef IL_LESSON_H
#define IL_LESSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef struct Lesson {
    int number;
    int line;                /* the line of its "## N." heading in LESSONS.md */
    int body_line;           /* the line of LESSONS.md where source begins */
    char *title;             /* "Concurrency is not parallelism" */
    char *source;            /* the body below the heading, as written */
    char *text;              /* the body as a learner reads it: lesson_render(l, false),
                                or with the answers after `lesson N --answers` */
    char **scenarios;        /* full paths of the scenarios it names, in order */
    int nscenarios;
} Lesson;

/* A predict block: a question to answer before running a scenario.
 *
 *     ```predict
 *     scenario: 04_gil_cpu_bound.py
 *     ask: What will "threads / sequential" print?
 *     choice: a) about 0.5
 *     choice: b) about 1.0
 *     answer: b
 *     explain: Only the thread holding the GIL runs bytecode, ...
 *     ```
 *
 * One `key: value` per line; ask and explain continue on lines indented by
 * two spaces.  A numeric question has no choices, a number as its answer,
 * a tolerance and optionally a unit. */
typedef struct LessonQuestion {
    char *scenario;          /* the file in scenarios/, as written: "04_gil_cpu_bound.py" */
    char *ask;               /* the question, its lines joined by spaces */
    char **choices;          /* "a) about 0.5"...; NULL for a numeric question */
    int nchoices;
    char *answer;            /* a choice letter ("b"), or the number as written */
    bool numeric;            /* the answer is a number, with value and tolerance */
    double value;
    double tolerance;        /* absolute */
    char *unit;              /* "s", or NULL */
    char *explain;           /* why, its lines joined by spaces */
    int line;                /* the line of its "```predict" in LESSONS.md */
} LessonQuestion;

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

/* The predict blocks of lesson l, in order, in a new array *out (free it
 * with lesson_questions_free).  Returns how many, or -1 with a message
 * naming the line of LESSONS.md in err (and *out NULL) when a block is
 * malformed: an unknown or missing key, one choice, an answer that is not
 * one of the choices or not a number, a tolerance or unit beside choices. */
int lesson_questions(const Lesson *l, LessonQuestion **out, char *err, size_t errn);
void lesson_questions_free(LessonQuestion *q, int n);
/* The lesson's body as written (answers true), or as a learner reads it
 * before answering: without the answer, tolerance and explain lines of its
 * predict blocks, the "  Answer: " lines of its checks (and the lines that
 * continue them) and its "### Teacher note" section.  A new string. */
char *lesson_render(const Lesson *l, bool answers);

/* The predict block after a "```predict" line at *p as a learner reads
 * it, instead of its syntax: "Predict (SCENARIO): the question", its
 * choices (or "(a number, in UNIT)") indented on lines of their own, and,
 * when the block holds them (the text with the answers), "Answer: ..."
 * with the explanation.  Lines end in newlines but the last.  *p moves
 * past the block's closing fence.  A new string, or NULL with *p unmoved
 * when the block does not parse (show it as written). */
char *lesson_predict_prose(const char **p);

/* How a question was answered. */
enum { LP_NONE, LP_RIGHT, LP_WRONG, LP_SKIPPED };

/* The learner's answers, remembered between runs (progress.h) in the file
 * of kind LESSON_PROGRESS, $XDG_STATE_HOME/interleave/lessons.progress: a
 * line per question answered, "LESSON.QUESTION<tab>RESULT ANSWER" (QUESTION
 * counts the lesson's predict blocks from 1; RESULT right, wrong or
 * skipped; ANSWER "-" when skipped); a later answer replaces the earlier. */
#define LESSON_PROGRESS "lessons.progress"
/* Remember an answer; false when the file cannot be written. */
bool lesson_progress_record(int lesson, int question, int result, const char *answer);
/* The remembered result of a question (LP_NONE: not answered); the answer
 * into given (n bytes) when given is not NULL. */
int lesson_progress_get(int lesson, int question, char *given, size_t n);
/* Forget every answer.  False with why in err. */
bool lesson_progress_reset(char *err, size_t errn);

/* Is answer (as typed: "b", "B", "b)", "1.05", "1.05 s") an answer to q,
 * and is it right?  LP_RIGHT or LP_WRONG (progress.h), or LP_NONE when it
 * is not one of q's letters or, for a numeric question, not a number. */
int lesson_judge(const LessonQuestion *q, const char *answer);
/* The right answer in words: "b) about 1.0", or "2 s (give or take 0.2)". */
void lesson_answer_text(const LessonQuestion *q, char *b, size_t n);
/* Is q about the scenario at path (compared by file name)? */
bool lesson_question_is_for(const LessonQuestion *q, const char *path);

/* The list of lessons with their scenarios and the learner's progress
 * (progress.h): [x] all questions answered, [~] some, [ ] none. */
void lessons_print(const Lessons *ls, FILE *f);

/* `interleave lesson [N]`. */
int cmd_lesson(int argc, char **argv);

#endif
