/* snap.c - process snapshots for the REPL (snap.h).
 *
 * A snapshot is a forked child blocked reading a pipe; the REPL keeps the
 * write end.  Waking it means writing a message: the child returns from
 * snap_take() with it and becomes the REPL, and the waker exits.  Killing
 * it (SIGKILL) is how a snapshot ends.
 *
 * Fork keeps one process group, so the terminal's Ctrl-C reaches every
 * process: the anchor and the frozen snapshots ignore it. */
#include "snap.h"
#include "../sim/common.h"

#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

/* At most this many at once: past it, every other one goes, so they stay
 * evenly spread over the run (and the interval between them doubles). */
#define MAX_SNAPS 32

typedef struct Snap {
    pid_t pid;
    int fd;                  /* the pipe it waits on */
    Position pos;
    int64_t now;
} Snap;

static Snap snaps[MAX_SNAPS];
static int nsnaps;
static bool enabled;
static char *message;
static size_t message_n;

/* The shell's process: reap everything, exit as the last REPL did. */
static void anchor(void)
{
    signal(SIGINT, SIG_IGN);
    signal(SIGQUIT, SIG_IGN);
    int code = 0, crash = 0, status;
    for (;;) {
        pid_t p = waitpid(-1, &status, 0);
        if (p < 0) {
            if (errno == EINTR) continue;
            break; /* no children left */
        }
        if (WIFEXITED(status)) code = WEXITSTATUS(status);
        else if (WIFSIGNALED(status) && WTERMSIG(status) != SIGKILL) crash = WTERMSIG(status);
    }
    if (crash) {
        signal(crash, SIG_DFL);
        raise(crash);
    }
    _exit(code);
}

bool snap_start(void)
{
    const char *e = getenv("INTERLEAVE_SNAPSHOTS");
    if (e && strcmp(e, "0") == 0) return false;
    /* orphaned snapshots come back to the anchor, not to init */
    if (prctl(PR_SET_CHILD_SUBREAPER, 1) != 0) return false;
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0) {
        prctl(PR_SET_CHILD_SUBREAPER, 0);
        return false;
    }
    if (pid > 0) anchor();
    enabled = true;
    return true;
}

bool snap_enabled(void) { return enabled; }

static void end_one(Snap *s)
{
    kill(s->pid, SIGKILL);
    close(s->fd);
}

/* Keep snapshots 0, 2, 4...: the spacing doubles, the run stays covered. */
static void thin(void)
{
    int k = 0;
    for (int i = 0; i < nsnaps; i++) {
        if (i % 2) end_one(&snaps[i]);
        else snaps[k++] = snaps[i];
    }
    nsnaps = k;
}

static bool read_full(int fd, void *buf, size_t n)
{
    char *p = buf;
    while (n) {
        ssize_t k = read(fd, p, n);
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) return false;
        p += k;
        n -= (size_t)k;
    }
    return true;
}

static bool write_full(int fd, const void *buf, size_t n)
{
    const char *p = buf;
    while (n) {
        ssize_t k = write(fd, p, n);
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) return false;
        p += k;
        n -= (size_t)k;
    }
    return true;
}

bool snap_take(Position pos, int64_t now)
{
    /* one per place: a run done again from the start passes old ones */
    if (!enabled || (nsnaps && pos.ops <= snaps[nsnaps - 1].pos.ops)) return false;
    if (nsnaps == MAX_SNAPS) thin();
    int fds[2];
    if (pipe(fds) < 0) return false;
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return false;
    }
    if (pid > 0) {
        close(fds[0]);
        snaps[nsnaps++] = (Snap){pid, fds[1], pos, now};
        return false;
    }
    /* the snapshot: frozen until a message comes, gone at end of file */
    close(fds[1]);
    struct sigaction ign, old_int, old_quit;
    memset(&ign, 0, sizeof ign);
    ign.sa_handler = SIG_IGN;
    sigaction(SIGINT, &ign, &old_int);
    sigaction(SIGQUIT, &ign, &old_quit);
    size_t n;
    if (!read_full(fds[0], &n, sizeof n)) _exit(0);
    free(message);
    message = xmalloc(n ? n : 1);
    if (!read_full(fds[0], message, n)) _exit(0);
    message_n = n;
    close(fds[0]);
    sigaction(SIGINT, &old_int, NULL);
    sigaction(SIGQUIT, &old_quit, NULL);
    return true;
}

const void *snap_message(size_t *n)
{
    *n = message_n;
    return message;
}

/* Snapshots this process knows of that ended since (thinned out by a later
 * REPL process) are dropped. */
static void prune(void)
{
    int k = 0;
    for (int i = 0; i < nsnaps; i++) {
        if (kill(snaps[i].pid, 0) == 0) snaps[k++] = snaps[i];
        else close(snaps[i].fd);
    }
    nsnaps = k;
}

int snap_find(Position pos, int64_t t)
{
    prune();
    int best = -1;
    for (int i = 0; i < nsnaps; i++) {
        /* strictly before a time: `goto t` stops before anything at t */
        bool before = pos.records >= 0 ? snaps[i].pos.records <= pos.records : snaps[i].now < t;
        if (before) best = i;
    }
    return best;
}

void snap_resume(int i, const void *msg, size_t n)
{
    if (i < 0 || i >= nsnaps) return;
    fflush(stdout);
    fflush(stderr);
    /* a snapshot that died meanwhile: EPIPE, not SIGPIPE */
    struct sigaction ign, old;
    memset(&ign, 0, sizeof ign);
    ign.sa_handler = SIG_IGN;
    sigaction(SIGPIPE, &ign, &old);
    bool ok = write_full(snaps[i].fd, &n, sizeof n) && write_full(snaps[i].fd, msg, n);
    sigaction(SIGPIPE, &old, NULL);
    if (!ok) return;
    /* the ones after it show instants past the target: they end */
    for (int j = i + 1; j < nsnaps; j++) end_one(&snaps[j]);
    _exit(0);
}

int snap_times(int64_t *times, int max)
{
    prune();
    for (int i = 0; i < nsnaps && i < max; i++) times[i] = snaps[i].now;
    return nsnaps;
}

void snap_discard(void)
{
    for (int i = 0; i < nsnaps; i++) end_one(&snaps[i]);
    nsnaps = 0;
}

void snap_end(void)
{
    snap_discard();
    free(message);
    message = NULL;
}
