/* test_explore.c - goals (sim/goal.h), schedules (sim/schedule.h), the
 * text settings of a challenge's header, and a small exploration
 * (sim/explore.h), in-process. */
#include "check.h"
#include "settings.h"
#include "../../sim/debug.h"
#include "../../sim/explore.h"
#include "../../sim/goal.h"
#include "../../sim/schedule.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char RACE[] =
    "import threading\n"
    "counter = 0\n"
    "def one():\n"
    "    return 1\n"
    "def work():\n"
    "    global counter\n"
    "    for _ in range(2):\n"
    "        counter = counter + one()\n"
    "ts = [threading.Thread(target=work) for _ in range(2)]\n"
    "for t in ts:\n"
    "    t.start()\n"
    "for t in ts:\n"
    "    t.join()\n"
    "print(counter)\n";

static Sim *load(const char *src)
{
    Sim *S = sim_new();
    LoadError le;
    if (!sim_load_source(S, "race.py", src, strlen(src), NULL, 0, &le)) {
        FAILF("load: %s", le.msg);
        sim_free(S);
        return NULL;
    }
    return S;
}

static void check_goal_error(const char *text, const char *msg)
{
    char err[300] = "";
    Goal *g = goal_parse(text, err, sizeof err);
    if (g) FAILF("goal '%s' parsed (expected \"%s\")", text, msg);
    else CHECK_CONTAINS(err, msg);
    goal_free(g);
}

static void test_goal_parse(void)
{
    static const char *const good[] = {
        "stdout != \"4\\n\"", "deadlock", "exception", "exception IndexError", "together 2 lines 3-5",
        "line 7", "ends", "not deadlock and (stdout contains \"x\" or exception ValueError)",
        "deadlock\nexception", NULL,
    };
    for (int i = 0; good[i]; i++) {
        char err[300] = "";
        Goal *g = goal_parse(good[i], err, sizeof err);
        if (!g) FAILF("goal '%s': %s", good[i], err);
        goal_free(g);
    }
    check_goal_error("", "empty");
    check_goal_error("stdout = \"4\"", "expected ==, != or contains");
    check_goal_error("stdout == 4", "double quotes");
    check_goal_error("stdout == \"4", "closing");
    check_goal_error("stdout == \"\\q\"", "unknown escape");
    check_goal_error("together 2 lines 5-3", "A <= B");
    check_goal_error("together lines 3-5", "together N lines A-B");
    check_goal_error("(deadlock", "not closed");
    check_goal_error("deadlock deadlock", "unexpected 'deadlock'");
    check_goal_error("flying pigs", "unknown goal condition");
}

/* The goal against the default schedule's run of RACE (prints 4): at the
 * first choice (main is in t.start(), line 11) and at the end. */
static void test_goal_check(void)
{
    static const struct {
        const char *goal;
        bool now, end;
    } cases[] = {
        {"stdout == \"4\\n\"", false, true},
        {"stdout != \"4\\n\"", false, false},
        {"not stdout != \"4\\n\"", false, true},
        {"ends", false, true},
        {"deadlock", false, false},
        {"not deadlock", false, true},
        {"exception", false, false},
        {"line 11", true, false}, /* (the end alone does not see it) */
        {"deadlock or line 11", true, false},
        {"ends and not deadlock", false, true},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        Sim *S = load(RACE);
        if (!S) return;
        char err[300];
        Goal *g = goal_parse(cases[i].goal, err, sizeof err);
        CHECK(g != NULL);
        if (g) {
            CHECK(schedule_play(S, NULL, 0, false, NULL, err, sizeof err));
            CHECK_EQ_INT(sim_run_until(S, NULL), SIM_PAUSED);
            if (goal_check_now(g, S) != cases[i].now) FAILF("goal '%s' at the first choice", cases[i].goal);
            sim_free(S);
            S = load(RACE);
            goal_reset(g);
            CHECK(schedule_follow(S, "g:", err, sizeof err));
            CHECK_EQ_INT(sim_run(S), SIM_OK);
            if (goal_check_end(g, S) != cases[i].end) FAILF("goal '%s' at the end", cases[i].goal);
        }
        goal_free(g);
        sim_free(S);
    }
}

static void check_schedule_error(const char *sched, const char *msg)
{
    Sim *S = load(RACE);
    if (!S) return;
    char err[300] = "";
    if (schedule_follow(S, sched, err, sizeof err)) FAILF("schedule '%s' accepted (expected \"%s\")", sched, msg);
    else CHECK_CONTAINS(err, msg);
    sim_free(S);
}

static void test_schedule_parse(void)
{
    check_schedule_error("", "starts with g:, o: or f:");
    check_schedule_error("x:1@2", "starts with g:, o: or f:");
    check_schedule_error("f:", "without a GIL");
    check_schedule_error("g:1@5,2@3", "bad schedule");
    check_schedule_error("g:1@", "bad schedule");
    check_schedule_error("g:1@2/1", "bad schedule");
    check_schedule_error("g:1@2;", "bad schedule");
    static const char *const good[] = {"g:", "g:/5", "g:1@3", "g:0@5,2@7/19", "o:", NULL};
    for (int i = 0; good[i]; i++) {
        Sim *S = load(RACE);
        char err[300] = "";
        if (S && !schedule_follow(S, good[i], err, sizeof err)) FAILF("schedule '%s': %s", good[i], err);
        if (S && strncmp(good[i], "o:", 2) == 0) CHECK_EQ_INT(sim_settings(S)->v[SET_preempt], 1);
        if (S) sim_free(S);
    }
}

static char *write_race(void)
{
    char *path = xstrdup("/tmp/il_explore_XXXXXX");
    int fd = mkstemp(path);
    if (fd < 0 || write(fd, RACE, sizeof RACE - 1) != (ssize_t)(sizeof RACE - 1)) {
        FAILF("cannot write %s", path);
        if (fd >= 0) close(fd);
        free(path);
        return NULL;
    }
    close(fd);
    return path;
}

/* Every outcome's schedule replays to that outcome, and reads back the
 * same; a run that goes on past it says at which choice. */
static void test_schedule_round_trip(void)
{
    char *path = write_race();
    if (!path) return;
    ExploreOptions o;
    explore_options_init(&o);
    ExploreResult r;
    LoadError le;
    CHECK(explore_run(path, NULL, 0, &o, &r, &le));
    for (int i = 0; i < r.n; i++) {
        Sim *S = load(RACE);
        if (!S) break;
        char err[300];
        CHECK(schedule_follow(S, r.v[i].schedule, err, sizeof err));
        CHECK_EQ_INT(sim_run(S), SIM_OK);
        size_t n;
        const char *out = sim_stdout(S, &n);
        CHECK(n == r.v[i].outn && memcmp(out, r.v[i].out, n) == 0);
        char *t = schedule_text(S);
        CHECK_EQ_STR(t, r.v[i].schedule);
        free(t);
        sim_free(S);
    }
    explore_result_free(&r);
    unlink(path);
    free(path);
    Sim *S = load(RACE);
    if (!S) return;
    char err[300];
    CHECK(schedule_follow(S, "g:/3", err, sizeof err));
    CHECK_EQ_INT(sim_run(S), SIM_FATAL);
    CHECK_CONTAINS(sim_fatal_message(S), "at choice 3");
    CHECK_CONTAINS(sim_fatal_message(S), "goes on past the schedule's last choice");
    sim_free(S);
}

/* The challenge's moves: pause at each choice, go on from the moves. */
static void test_schedule_play(void)
{
    Sim *S = load(RACE);
    if (!S) return;
    char err[300];
    CHECK(schedule_play(S, NULL, 0, false, "stdout != \"4\\n\"", err, sizeof err));
    CHECK_EQ_INT(sim_run_until(S, NULL), SIM_PAUSED);
    CHECK_EQ_INT(sim_pause_info(S)->why, PAUSE_CHOICE);
    ScheduleChoice ch;
    CHECK(schedule_pending(S, &ch));
    CHECK(ch.n >= 2);
    int nmoves, nsteps;
    int *moves = schedule_moves(S, &nmoves);
    int *steps = schedule_steps(S, &nsteps);
    CHECK(nsteps > 0);
    CHECK_EQ_INT(nmoves, ch.index);
    free(moves);
    free(steps);
    CHECK(!schedule_goal_met(S));
    sim_free(S);
}

static void test_text_settings(void)
{
    Settings s;
    settings_init(&s);
    char err[SETTINGS_MSG_MAX];
    CHECK(settings_set(&s, "goal", "deadlock", err, sizeof err));
    CHECK(settings_set(&s, "hint", "first", err, sizeof err));
    CHECK(settings_set(&s, "hint", "second # not a comment", err, sizeof err));
    CHECK_EQ_STR(s.text[SET_goal], "deadlock");
    CHECK_EQ_STR(s.text[SET_hint], "first\nsecond # not a comment");
    Settings c;
    settings_copy(&c, &s);
    CHECK_EQ_STR(c.text[SET_hint], "first\nsecond # not a comment");
    char buf[128];
    CHECK_EQ_STR(settings_format(&c, SET_goal, buf, sizeof buf), "deadlock");
    settings_free(&c);
    settings_free(&s);
}

static void test_explore_race(void)
{
    char *path = write_race();
    if (!path) return;
    ExploreOptions o;
    explore_options_init(&o);
    ExploreResult r;
    LoadError le;
    CHECK(explore_run(path, NULL, 0, &o, &r, &le));
    CHECK(r.complete);
    CHECK_EQ_INT(r.n, 3);
    int64_t total = 0;
    bool seen[5] = {false};
    for (int i = 0; i < r.n; i++) {
        total += r.v[i].count;
        if (r.v[i].outn == 2 && r.v[i].out[0] >= '2' && r.v[i].out[0] <= '4') seen[r.v[i].out[0] - '0'] = true;
    }
    CHECK(seen[2] && seen[3] && seen[4]);
    CHECK_EQ_INT(total, r.runs);
    CHECK(r.pruned > 0);
    explore_result_free(&r);
    /* no preemption: the default schedule alone */
    o.preemptions = 0;
    CHECK(explore_run(path, NULL, 0, &o, &r, &le));
    CHECK_EQ_INT(r.runs, 1);
    CHECK_EQ_INT(r.n, 1);
    explore_result_free(&r);
    /* goals seen during the runs: where both threads meet, and a line */
    o.preemptions = 2;
    o.goal = "together 2 lines 8-8";
    CHECK(explore_run(path, NULL, 0, &o, &r, &le));
    CHECK(r.has_goal && r.goal_runs > 0 && r.goal_schedule);
    explore_result_free(&r);
    o.goal = "line 11";
    o.until_goal = true;
    CHECK(explore_run(path, NULL, 0, &o, &r, &le));
    CHECK_EQ_INT(r.runs, 1);
    CHECK(!r.complete && r.goal_runs == 1);
    explore_result_free(&r);
    o.goal = "stdout ~";
    CHECK(!explore_run(path, NULL, 0, &o, &r, &le));
    CHECK_CONTAINS(le.msg, "expected ==, != or contains");
    explore_result_free(&r);
    unlink(path);
    free(path);
}

const TestCase explore_tests[] = {
    {"explore_goal_parse", test_goal_parse},
    {"explore_goal_check", test_goal_check},
    {"explore_schedule_parse", test_schedule_parse},
    {"explore_schedule_round_trip", test_schedule_round_trip},
    {"explore_schedule_play", test_schedule_play},
    {"explore_text_settings", test_text_settings},
    {"explore_race", test_explore_race},
    TEST_END,
};
