/* snap.c - process snapshots for the REPL (snap.h).
 *
 * A snapshot is a forked child blocked reading one end of a socket pair;
 * only the REPL holds the other ends.  Waking snapshot i means sending it
 * a message over its socket, together with the sockets of all the other
 * snapshots (SCM_RIGHTS) and where they are: it returns from snap_take()
 * as the new REPL, knowing every snapshot, earlier and later ones alike,
 * and the waker exits.  When the REPL is gone for good (quit, or a
 * crash), every snapshot reads end-of-file and exits.
 *
 * Fork keeps one process group, so the terminal's Ctrl-C reaches every
 * process: the anchor and the frozen snapshots ignore it. */
#include "snap.h"
#include "tui_term.h"
#include "../sim/sim.h"

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

/* At most this many at once (one message can pass this many sockets),
 * and fewer when the process is big (snap_cap).  Past it, the one whose
 * going leaves the shortest gap goes, so they stay evenly spread.  A run
 * of 10 s of two busy threads (a thousand million ops) keeps all of its
 * 140: any instant is at most 70 ms of re-execution away. */
#define MAX_SNAPS 200
/* What the frozen copies may cost together, at worst: a snapshot shares
 * its pages with the REPL until one of them writes a page, and a
 * collection writes to every object. */
#define SNAP_BUDGET ((int64_t)4 << 30)

typedef struct Snap {
    pid_t pid;
    int fd;                  /* our end of its socket pair */
    Position pos;
    int64_t now;
} Snap;

/* What comes first in a wake-up: the other snapshots, then the message. */
typedef struct Header {
    size_t msg_n;
    int nsnaps;
    Snap snaps[MAX_SNAPS];   /* fd fields are meaningless: the fds come alongside */
} Header;

static Snap snaps[MAX_SNAPS]; /* in the order of the run */
static int nsnaps;
static bool enabled;
static char *message;
static size_t message_n;
static int64_t resumed_at = -1; /* the time of the snapshot this process was woken from */

static volatile sig_atomic_t anchor_signal;

static void anchor_on_signal(int sig) { anchor_signal = sig; }

/* The parent of a process, from /proc (0 when it cannot be read). */
static pid_t parent_of(pid_t pid)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    FILE *f = fopen(path, "r");
    if (!f) return 0;
    char buf[512];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = 0;
    /* "pid (comm) state ppid ...": comm may hold spaces and parentheses */
    char *close = strrchr(buf, ')');
    int ppid = 0;
    char state;
    if (!close || sscanf(close + 1, " %c %d", &state, &ppid) != 2) return 0;
    return (pid_t)ppid;
}

/* Signal every process below this one (the REPL and its snapshots, at
 * any depth): the family ends with the process the shell started. */
static void signal_family(int sig)
{
    enum { MAXFAM = 4096 };
    static pid_t fam[MAXFAM];
    int n = 0;
    fam[n++] = getpid();
    for (bool grew = true; grew;) {
        grew = false;
        DIR *dir = opendir("/proc");
        if (!dir) return;
        struct dirent *de;
        while ((de = readdir(dir)) != NULL) {
            char *end;
            long pid = strtol(de->d_name, &end, 10);
            if (end == de->d_name || *end || pid <= 0) continue;
            bool known = false;
            for (int i = 0; i < n && !known; i++) known = fam[i] == (pid_t)pid;
            if (known || n >= MAXFAM) continue;
            pid_t pp = parent_of((pid_t)pid);
            for (int i = 0; i < n; i++)
                if (fam[i] == pp) {
                    fam[n++] = (pid_t)pid;
                    grew = true;
                    break;
                }
        }
        closedir(dir);
    }
    for (int i = 1; i < n; i++) kill(fam[i], sig);
}

/* The shell's process: reap everything, exit as the last REPL did.  A
 * SIGTERM or SIGHUP sent to it (the pid the shell knows) - or any other
 * signal that would end it alone, SIGUSR1 or a real-time one - ends the
 * whole family, the REPL restoring the terminal on its way out. */
static void anchor(void)
{
    signal(SIGINT, SIG_IGN);
    signal(SIGQUIT, SIG_IGN);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = anchor_on_signal;
    /* once: a second one of the kind ends the anchor at once */
    sa.sa_flags = SA_RESETHAND;
    sigemptyset(&sa.sa_mask);
    /* no SA_RESTART: waitpid returns EINTR; the C library's own signals
     * refuse, one ignored when we started (nohup's SIGHUP) stays so */
    for (int sig = 1; sig <= SIGRTMAX; sig++) {
        struct sigaction old;
        if (sig == SIGINT || sig == SIGQUIT || !term_signal_ends(sig) || sigaction(sig, NULL, &old) != 0 ||
            old.sa_handler == SIG_IGN)
            continue;
        sigaction(sig, &sa, NULL);
    }
    int code = 0, crash = 0, status, ended_by = 0;
    for (;;) {
        pid_t p = waitpid(-1, &status, 0);
        if (p < 0) {
            if (errno == EINTR) {
                if (anchor_signal && !ended_by) {
                    ended_by = anchor_signal;
                    signal_family(ended_by);
                }
                continue;
            }
            break; /* no children left */
        }
        if (WIFEXITED(status)) code = WEXITSTATUS(status);
        else if (WIFSIGNALED(status) && WTERMSIG(status) != SIGKILL) crash = WTERMSIG(status);
    }
    if (ended_by) crash = ended_by;
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

static void drop(int i)
{
    memmove(&snaps[i], &snaps[i + 1], (size_t)(nsnaps - i - 1) * sizeof *snaps);
    nsnaps--;
}

/* How many snapshots a process of this size may have. */
static int snap_cap(void)
{
    long pages = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (f) {
        long size;
        if (fscanf(f, "%ld %ld", &size, &pages) != 2) pages = 0;
        fclose(f);
    }
    int64_t rss = (int64_t)pages * sysconf(_SC_PAGESIZE);
    int64_t cap = rss > 0 ? SNAP_BUDGET / rss : MAX_SNAPS;
    return cap < 8 ? 8 : cap > MAX_SNAPS ? MAX_SNAPS : (int)cap;
}

/* End the snapshot whose going merges the two shortest neighbouring
 * gaps (never the first or the last: the run stays covered). */
static void thin(void)
{
    int best = -1;
    int64_t best_gap = 0;
    for (int i = 1; i + 1 < nsnaps; i++) {
        int64_t gap = snaps[i + 1].pos.ops - snaps[i - 1].pos.ops;
        if (best < 0 || gap < best_gap) best = i, best_gap = gap;
    }
    if (best < 0) best = 0;
    end_one(&snaps[best]);
    drop(best);
}

static bool io_full(int fd, void *buf, size_t n, bool writing)
{
    char *p = buf;
    while (n) {
        ssize_t k = writing ? write(fd, p, n) : read(fd, p, n);
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) return false;
        p += k;
        n -= (size_t)k;
    }
    return true;
}

/* In the woken snapshot: the header with the other snapshots' sockets,
 * then the message.  False at end of file (the REPL is gone). */
static bool receive(int fd)
{
    Header h;
    char ctl[CMSG_SPACE(MAX_SNAPS * sizeof(int))];
    struct iovec iov = {&h, sizeof h};
    struct msghdr mh;
    memset(&mh, 0, sizeof mh);
    mh.msg_iov = &iov;
    mh.msg_iovlen = 1;
    mh.msg_control = ctl;
    mh.msg_controllen = sizeof ctl;
    ssize_t k;
    do k = recvmsg(fd, &mh, MSG_WAITALL | MSG_CMSG_CLOEXEC);
    while (k < 0 && errno == EINTR);
    if (k != (ssize_t)sizeof h || h.nsnaps < 0 || h.nsnaps > MAX_SNAPS) return false;
    struct cmsghdr *c = CMSG_FIRSTHDR(&mh);
    int nfds = c && c->cmsg_type == SCM_RIGHTS ? (int)((c->cmsg_len - CMSG_LEN(0)) / sizeof(int)) : 0;
    if (nfds != h.nsnaps) return false;
    nsnaps = h.nsnaps;
    for (int i = 0; i < nsnaps; i++) {
        snaps[i] = h.snaps[i];
        memcpy(&snaps[i].fd, CMSG_DATA(c) + (size_t)i * sizeof(int), sizeof(int));
    }
    free(message);
    message = xmalloc(h.msg_n ? h.msg_n : 1);
    message_n = h.msg_n;
    return io_full(fd, message, h.msg_n, false);
}

bool snap_take(Position pos, int64_t now, uint64_t gap)
{
    if (!enabled) return false;
    /* one per stretch of the run: a run done again passes old places */
    for (int i = 0; i < nsnaps; i++) {
        uint64_t d = (uint64_t)(snaps[i].pos.ops > pos.ops ? snaps[i].pos.ops - pos.ops : pos.ops - snaps[i].pos.ops);
        if (d < gap) return false;
    }
    bool woken = false;
    for (;;) {
        for (int cap = snap_cap(); nsnaps >= cap;) thin();
        int at = 0;
        while (at < nsnaps && snaps[at].pos.ops < pos.ops) at++;
        int sv[2];
        if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0) return woken;
        fflush(stdout);
        fflush(stderr);
        pid_t pid = fork();
        if (pid < 0) {
            close(sv[0]);
            close(sv[1]);
            return woken;
        }
        if (pid > 0) {
            close(sv[1]);
            memmove(&snaps[at + 1], &snaps[at], (size_t)(nsnaps - at) * sizeof *snaps);
            snaps[at] = (Snap){pid, sv[0], pos, now};
            nsnaps++;
            return woken;
        }
        /* the snapshot: it holds no other snapshot's socket (so they all
         * see the end when the REPL goes), and waits */
        close(sv[0]);
        for (int i = 0; i < nsnaps; i++) close(snaps[i].fd);
        nsnaps = 0;
        struct sigaction ign, old_int, old_quit;
        memset(&ign, 0, sizeof ign);
        ign.sa_handler = SIG_IGN;
        sigaction(SIGINT, &ign, &old_int);
        sigaction(SIGQUIT, &ign, &old_quit);
        if (!receive(sv[1])) _exit(0);
        close(sv[1]);
        sigaction(SIGINT, &old_int, NULL);
        sigaction(SIGQUIT, &old_quit, NULL);
        /* woken: first leave a copy of itself here in its place, or the
         * next goto to this stretch has to come from further back */
        woken = true;
        resumed_at = now;
    }
}

const void *snap_message(size_t *n)
{
    *n = message_n;
    return message;
}

int snap_find(Position pos, int64_t t)
{
    int best = -1;
    for (int i = 0; i < nsnaps; i++) {
        /* strictly before a time: `goto t` stops before anything at t */
        bool before = pos.records >= 0 ? snaps[i].pos.records <= pos.records : snaps[i].now < t;
        if (before) best = i;
    }
    return best;
}

Position snap_position(int i) { return i >= 0 && i < nsnaps ? snaps[i].pos : (Position){-1, -1}; }

void snap_resume(int i, const void *msg, size_t n)
{
    if (i < 0 || i >= nsnaps) return;
    /* it learns of every other snapshot, and gets their sockets */
    Header h;
    memset(&h, 0, sizeof h);
    h.msg_n = n;
    int fds[MAX_SNAPS];
    for (int j = 0; j < nsnaps; j++)
        if (j != i) {
            fds[h.nsnaps] = snaps[j].fd;
            h.snaps[h.nsnaps++] = snaps[j];
        }
    char ctl[CMSG_SPACE(MAX_SNAPS * sizeof(int))];
    memset(ctl, 0, sizeof ctl);
    struct iovec iov = {&h, sizeof h};
    struct msghdr mh;
    memset(&mh, 0, sizeof mh);
    mh.msg_iov = &iov;
    mh.msg_iovlen = 1;
    if (h.nsnaps) {
        mh.msg_control = ctl;
        mh.msg_controllen = CMSG_SPACE((size_t)h.nsnaps * sizeof(int));
        struct cmsghdr *c = CMSG_FIRSTHDR(&mh);
        c->cmsg_level = SOL_SOCKET;
        c->cmsg_type = SCM_RIGHTS;
        c->cmsg_len = CMSG_LEN((size_t)h.nsnaps * sizeof(int));
        memcpy(CMSG_DATA(c), fds, (size_t)h.nsnaps * sizeof(int));
    }
    fflush(stdout);
    fflush(stderr);
    /* a snapshot that died meanwhile: EPIPE, not SIGPIPE */
    ssize_t k;
    do k = sendmsg(snaps[i].fd, &mh, MSG_NOSIGNAL);
    while (k < 0 && errno == EINTR);
    if (k != (ssize_t)sizeof h) {
        end_one(&snaps[i]);
        drop(i);
        return;
    }
    struct sigaction ign, old;
    memset(&ign, 0, sizeof ign);
    ign.sa_handler = SIG_IGN;
    sigaction(SIGPIPE, &ign, &old);
    bool ok = io_full(snaps[i].fd, (void *)msg, n, true);
    sigaction(SIGPIPE, &old, NULL);
    if (!ok) {
        end_one(&snaps[i]);
        drop(i);
        return;
    }
    _exit(0);
}

int64_t snap_resumed_at(void) { return resumed_at; }

int snap_times(int64_t *times, int max)
{
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
