/* calibrate.c - `interleave calibrate` (calibrate.h).
 *
 * The simulator's costs are a fast bare-metal machine's by default; a
 * classroom VM starts a forked process in 7 ms rather than 2, and its
 * sleeps return later.  Here small probes run under the local python3 and
 * time what the settings model: an op (a countdown loop, divided by what
 * the same loop costs the simulator in op_cost units), a thread's start,
 * a process's start for each start method, pickling per byte, the one-way
 * latency of a multiprocessing Queue and Pipe, how late a sleep returns,
 * and the switch interval.  Each figure is a median (the minimum for the
 * countdown, which only noise makes slower).  They are written as a
 * profile of `key: value` lines, in the scenario header's syntax, to
 * $XDG_CONFIG_HOME/interleave/calibration; `--print` shows it instead.
 *
 * The profile changes no run by itself: a run asks for it (--calibrated,
 * `calibrated: yes`), and then says so, because its figures are no longer
 * the ones the lessons quote. */
#include "calibrate.h"
#include "cli.h"
#include "../sim/sim.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* Each probe prints "name seconds". */
static const char PROBE[] =
    "import multiprocessing as mp, pickle, statistics, sys, threading, time\n"
    "def countdown(n):\n"
    "    t = time.perf_counter()\n"
    "    while n > 0:\n"
    "        n -= 1\n"
    "    return time.perf_counter() - t\n"
    "def thread_start():\n"
    "    out = []\n"
    "    for _ in range(30):\n"
    "        box = []\n"
    "        t0 = time.perf_counter()\n"
    "        th = threading.Thread(target=lambda: box.append(time.perf_counter()))\n"
    "        th.start()\n"
    "        th.join()\n"
    "        out.append(box[0] - t0)\n"
    "    return statistics.median(out)\n"
    "def child(q):\n"
    "    q.put(time.perf_counter())\n"
    "def proc_start(method, n):\n"
    "    ctx = mp.get_context(method)\n"
    "    out = []\n"
    "    for _ in range(n):\n"
    "        q = ctx.Queue()\n"
    "        t0 = time.perf_counter()\n"
    "        p = ctx.Process(target=child, args=(q,))\n"
    "        p.start()\n"
    "        out.append(q.get() - t0)\n"
    "        p.join()\n"
    "    return statistics.median(out)\n"
    "def echo_queue(qin, qout):\n"
    "    while qin.get() is not None:\n"
    "        qout.put(time.perf_counter())\n"
    "def echo_pipe(conn):\n"
    "    while conn.recv() is not None:\n"
    "        conn.send(time.perf_counter())\n"
    "def latency(kind):\n"
    "    ctx = mp.get_context('fork')\n"
    "    out = []\n"
    "    if kind == 'queue':\n"
    "        qin, qout = ctx.Queue(), ctx.Queue()\n"
    "        p = ctx.Process(target=echo_queue, args=(qin, qout))\n"
    "        send, recv = qin.put, qout.get\n"
    "    else:\n"
    "        a, b = ctx.Pipe()\n"
    "        p = ctx.Process(target=echo_pipe, args=(b,))\n"
    "        send, recv = a.send, a.recv\n"
    "    p.start()\n"
    "    for _ in range(60):\n"
    "        t0 = time.perf_counter()\n"
    "        send(1)\n"
    "        out.append(recv() - t0)\n"
    "        time.sleep(0.001)\n"
    "    send(None)\n"
    "    p.join()\n"
    "    return statistics.median(out)\n"
    "def pickling():\n"
    "    data = [(i, str(i), i * 0.5) for i in range(50000)]\n"
    "    best = None\n"
    "    for _ in range(5):\n"
    "        t0 = time.perf_counter()\n"
    "        b = pickle.dumps(data)\n"
    "        pickle.loads(b)\n"
    "        t = (time.perf_counter() - t0) / 2 / len(b)\n"
    "        best = t if best is None else min(best, t)\n"
    "    return best\n"
    "def sleep_late():\n"
    "    out = []\n"
    "    for _ in range(100):\n"
    "        t0 = time.perf_counter()\n"
    "        time.sleep(0.001)\n"
    "        out.append(time.perf_counter() - t0 - 0.001)\n"
    "    return statistics.median(out)\n"
    "if __name__ == '__main__':\n"
    "    N = int(sys.argv[1])\n"
    "    print('countdown', min(countdown(N) for _ in range(3)) / N)\n"
    "    print('thread_start', thread_start())\n"
    "    for m in ('fork', 'spawn', 'forkserver'):\n"
    "        print(m, proc_start(m, 9 if m == 'fork' else 5))\n"
    "    print('queue', latency('queue'))\n"
    "    print('pipe', latency('pipe'))\n"
    "    print('pickle', pickling())\n"
    "    print('sleep', sleep_late())\n"
    "    print('switch', sys.getswitchinterval())\n"
    "    print('version', '%d.%d.%d' % sys.version_info[:3])\n";

enum { P_COUNTDOWN, P_THREAD, P_FORK, P_SPAWN, P_FORKSERVER, P_QUEUE, P_PIPE, P_PICKLE, P_SLEEP, P_SWITCH, P_COUNT };

/* what each probe measures: the setting it gives, and the probe's name */
static const struct { const char *probe, *setting; } probes[P_COUNT] = {
    [P_COUNTDOWN] = {"countdown", "op_cost"},         [P_THREAD] = {"thread_start", "thread_start_cost"},
    [P_FORK] = {"fork", "fork_cost"},                 [P_SPAWN] = {"spawn", "spawn_cost"},
    [P_FORKSERVER] = {"forkserver", "forkserver_cost"}, [P_QUEUE] = {"queue", "queue_latency"},
    [P_PIPE] = {"pipe", "pipe_latency"},              [P_PICKLE] = {"pickle", "pickle_cost"},
    [P_SLEEP] = {"sleep", "sleep_slack"},             [P_SWITCH] = {"switch", "switch_interval"},
};

#define COUNTDOWN_N 3000000

static void usage_calibrate(FILE *f)
{
    fputs("usage: interleave calibrate [--python PATH] [--print]\n"
          "  time this machine under python3 (an op, thread and process starts, pickling,\n"
          "  queue and pipe latency, how late a sleep returns) and write the figures as\n"
          "  a settings profile, $XDG_CONFIG_HOME/interleave/calibration (by default\n"
          "  ~/.config/interleave/calibration); runs use it with --calibrated or\n"
          "  `calibrated: yes` in a scenario header.  Takes a few seconds.\n"
          "      --python PATH     the Python to measure (default: python3 on PATH)\n"
          "      --print           print the profile instead of writing it\n",
          f);
}

/* The profile's path in buf; false if neither XDG_CONFIG_HOME nor HOME is
 * set. */
static bool profile_path(char *buf, size_t n, bool make_dir)
{
    const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
    char dir[4096];
    if (xdg && *xdg)
        snprintf(dir, sizeof dir, "%s", xdg);
    else if (home && *home)
        snprintf(dir, sizeof dir, "%s/.config", home);
    else
        return false;
    if (make_dir) {
        mkdir(dir, 0777);
        char sub[4200];
        snprintf(sub, sizeof sub, "%s/interleave", dir);
        mkdir(sub, 0777);
    }
    snprintf(buf, n, "%s/interleave/calibration", dir);
    return true;
}

void calibrate_load_profile(void)
{
    char path[4300];
    if (!profile_path(path, sizeof path, false)) return;
    FILE *f = fopen(path, "r");
    if (!f) return;
    SBuf b = {0};
    char chunk[4096];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) sb_put(&b, chunk, got);
    fclose(f);
    sb_put(&b, "", 0);
    char err[600];
    if (!sim_calibration(b.s ? b.s : "", path, err, sizeof err))
        fprintf(stderr, "interleave: the calibration profile is left out: %s\n", err);
    free(b.s);
}

/* What the countdown's loop costs the simulator per iteration, in op_cost
 * units (ns at op_cost 1ns): two runs, so that the start costs cancel. */
static double sim_units_per_iteration(void)
{
    int64_t t[2];
    for (int i = 0; i < 2; i++) {
        char src[200];
        snprintf(src, sizeof src, "def countdown(n):\n    while n > 0:\n        n -= 1\n\ncountdown(%d)\n",
                 100000 * (i + 1));
        Sim *S = sim_new();
        const char *set[] = {"op_cost=1ns"};
        LoadError le;
        bool ok = sim_load_source(S, "<calibrate>", src, strlen(src), set, 1, &le);
        t[i] = ok && sim_run(S) == SIM_OK ? sim_elapsed_ns(S) : -1;
        sim_free(S);
        if (t[i] < 0) return -1;
    }
    return (double)(t[1] - t[0]) / 100000.0;
}

/* Run the probe under python; its figures into secs[], false with a
 * message on stderr. */
static bool run_probe(const char *python, double secs[P_COUNT], char *version, size_t vn)
{
    char path[] = "/tmp/interleave-calibrate-XXXXXX.py";
    int fd = mkstemps(path, 3);
    if (fd < 0) {
        fprintf(stderr, "interleave calibrate: cannot write the probe: %s\n", strerror(errno));
        return false;
    }
    FILE *f = fdopen(fd, "w");
    if (!f || fputs(PROBE, f) < 0) {
        fprintf(stderr, "interleave calibrate: cannot write the probe: %s\n", strerror(errno));
        if (f) fclose(f);
        else close(fd);
        unlink(path);
        return false;
    }
    fclose(f);
    char cmd[8400];
    snprintf(cmd, sizeof cmd, "'%s' '%s' %d 2>&1", python, path, COUNTDOWN_N);
    FILE *p = strchr(python, '\'') ? NULL : popen(cmd, "r");
    if (!p) {
        fprintf(stderr, "interleave calibrate: cannot run %s\n", python);
        unlink(path);
        return false;
    }
    for (int i = 0; i < P_COUNT; i++) secs[i] = NAN;
    SBuf out = {0};
    char line[512];
    while (fgets(line, sizeof line, p)) {
        sb_puts(&out, line);
        char name[64], val[64];
        if (sscanf(line, "%63s %63s", name, val) != 2) continue;
        if (strcmp(name, "version") == 0) snprintf(version, vn, "%s", val);
        for (int i = 0; i < P_COUNT; i++)
            if (strcmp(name, probes[i].probe) == 0) secs[i] = strtod(val, NULL);
    }
    int st = pclose(p);
    unlink(path);
    bool ok = WIFEXITED(st) && WEXITSTATUS(st) == 0;
    for (int i = 0; ok && i < P_COUNT; i++) ok = isfinite(secs[i]) && secs[i] >= 0;
    if (!ok) fprintf(stderr, "interleave calibrate: the probes failed under %s:\n%s", python, out.s ? out.s : "");
    free(out.s);
    return ok;
}

int cmd_calibrate(int argc, char **argv)
{
    const char *python = "python3";
    bool print = false;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--print") == 0) {
            print = true;
        } else if (strcmp(argv[i], "--python") == 0 && i + 1 < argc) {
            python = argv[++i];
        } else if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            usage_calibrate(stdout);
            return EXIT_OK;
        } else {
            fprintf(stderr, "interleave calibrate: unexpected argument '%s'\n", argv[i]);
            usage_calibrate(stderr);
            return EXIT_USAGE;
        }
    }
    char path[4300];
    if (!print && !profile_path(path, sizeof path, true)) {
        fprintf(stderr, "interleave calibrate: neither XDG_CONFIG_HOME nor HOME is set: nowhere to write the profile (--print shows it)\n");
        return EXIT_USAGE;
    }
    double units = sim_units_per_iteration();
    double secs[P_COUNT];
    char version[64] = "?";
    if (units <= 0 || !run_probe(python, secs, version, sizeof version)) return EXIT_ERROR;
    SBuf b = {0};
    sb_printf(&b, "# interleave calibration profile, written by `interleave calibrate`\n"
                  "# measured under %s (Python %s); used by runs with --calibrated\n"
                  "# or `calibrated: yes`, for the settings their header leaves unset\n",
              python, version);
    for (int i = 0; i < P_COUNT; i++) {
        double ns = secs[i] * 1e9;
        if (i == P_COUNTDOWN) ns /= units;
        if (i == P_PICKLE)
            sb_printf(&b, "%s: %.3f\n", probes[i].setting, ns); /* ns per byte, a float setting */
        else
            sb_printf(&b, "%s: %lldns\n", probes[i].setting, (long long)fmax(i == P_COUNTDOWN ? 1 : 0, llround(ns)));
    }
    char err[600];
    if (!sim_calibration(b.s, print ? "<calibrate>" : path, err, sizeof err)) {
        fprintf(stderr, "interleave calibrate: %s\n%s", err, b.s);
        free(b.s);
        return EXIT_ERROR;
    }
    int rc = EXIT_OK;
    if (print) {
        fputs(b.s, stdout);
    } else {
        FILE *f = fopen(path, "w");
        bool ok = f && fputs(b.s, f) >= 0;
        if (f && fclose(f) != 0) ok = false;
        if (!ok) {
            fprintf(stderr, "interleave calibrate: cannot write %s: %s\n", path, strerror(errno));
            rc = EXIT_ERROR;
        } else {
            printf("%swritten to %s\n", b.s, path);
        }
    }
    free(b.s);
    return rc;
}
