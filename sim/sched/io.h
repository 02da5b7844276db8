/* io.h - the simulated program's stdout and stderr. */
#ifndef IL_IO_H
#define IL_IO_H

#include "sched.h"

/* Write text to fd 1 or 2 of the simulated program, at the task's time.
 * 0, or -1 with an exception when the output passes max_output: the run
 * then stops (S->fatal), and what comes after is dropped. */
int io_write(Task *T, int fd, const char *s, size_t n);
/* Bytes the output may still take before it passes max_output. */
size_t io_room(Sim *S);
/* io_write of b's text (a bounded buffer: a traceback holding a huge
 * value), with a note when b was cut at its bound; b is freed. */
int io_write_buf(Task *T, int fd, SBuf *b);
/* Text for the program's output must be UTF-8: a lone surrogate raises
 * UnicodeEncodeError, as CPython's UTF-8 stdout does (0, or -1). */
int io_check_text(Task *T, const char *s, size_t n);
/* 1 or 2 for sys.stdout / sys.stderr objects, -1 for anything else. */
int io_stream_fd(Sim *S, Value v);

#endif
