/* tui_term.c - curses set up and torn down, the palette, the glyphs.
 *
 * The terminal must come back whatever happens: term_close() is
 * idempotent and runs on every path out (a quit, SIGTERM and SIGHUP, a
 * crash signal, and xmalloc's fatal hook) before any message is printed.
 * Ctrl-C only sets a flag the main loop reads: the UI quits normally.
 *
 * Colours are the Okabe-Ito palette (safe for colour-blind viewers) on
 * the terminal's own background; every state also has its own glyph, so
 * the picture reads with NO_COLOR, in monochrome and in print. */
#include "tui_term.h"
#include "../sim/sim.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <unistd.h>

static bool open_now, use_color, use_ascii;
static SCREEN *screen;
static FILE *headless_out, *headless_in;
static volatile sig_atomic_t interrupted;
/* The handlers we replaced, given back by term_close(): for every signal
 * whose default action ends the process (term_signal_ends), so that none -
 * an uncommon one (SIGUSR1, SIGXCPU from a ulimit, SIGPWR, SIGSTKFLT, a
 * real-time signal) no more than SIGTERM - leaves the terminal in the
 * alternate screen with the cursor hidden. */
static struct sigaction old_fatal[NSIG], old_int;
static bool caught[NSIG];
static void (*old_hook)(void);
static attr_t attrs[G_COUNT];

bool term_usable(char *why, size_t n)
{
    if (!isatty(0) || !isatty(1)) {
        snprintf(why, n, "standard input and output are not a terminal");
        return false;
    }
    const char *term = getenv("TERM");
    if (!term || !*term || strcmp(term, "dumb") == 0) {
        snprintf(why, n, "TERM is %s: the terminal cannot draw the UI", term && *term ? "dumb" : "not set");
        return false;
    }
    int err = 0;
    if (setupterm(NULL, 1, &err) != OK) {
        snprintf(why, n, "the terminal type '%s' is unknown here", term);
        return false;
    }
    char *cup = tigetstr("cup");
    bool ok = cup && cup != (char *)-1;
    del_curterm(cur_term);
    if (!ok) snprintf(why, n, "the terminal '%s' cannot move the cursor", term);
    return ok;
}

void term_close(void)
{
    if (!open_now) return;
    open_now = false;
    endwin();
    for (int sig = 1; sig < NSIG; sig++)
        if (caught[sig]) sigaction(sig, &old_fatal[sig], NULL), caught[sig] = false;
    sigaction(SIGINT, &old_int, NULL);
    xalloc_fatal_hook = old_hook;
    if (screen) {
        delscreen(screen);
        screen = NULL;
    }
    if (headless_out) fclose(headless_out);
    if (headless_in) fclose(headless_in);
    headless_out = headless_in = NULL;
    fflush(stdout);
}

static void on_fatal_signal(int sig)
{
    /* not async-signal-safe, like htop's: a terminal left in raw mode is worse */
    term_close();
    signal(sig, SIG_DFL);
    raise(sig);
}

static void on_sigint(int sig)
{
    (void)sig;
    interrupted = 1;
}

bool term_interrupted(void)
{
    bool was = interrupted;
    interrupted = 0;
    return was;
}

bool term_signal_ends(int sig)
{
    switch (sig) {
    case SIGKILL: case SIGSTOP: case SIGCHLD: case SIGCONT:
    case SIGURG: case SIGWINCH: case SIGTSTP: case SIGTTIN: case SIGTTOU:
        return false;
    default:
        return sig > 0 && sig <= SIGRTMAX;
    }
}

static void handlers(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_fatal_signal;
    sa.sa_flags = SA_RESETHAND;
    /* every signal up to the last real-time one; the C library's own
     * (glibc keeps two below SIGRTMIN) refuse, and are left alone */
    for (int sig = 1; sig <= SIGRTMAX && sig < NSIG; sig++) {
        if (sig == SIGINT || !term_signal_ends(sig) || sigaction(sig, NULL, &old_fatal[sig]) != 0) continue;
        /* one ignored when we started (nohup's SIGHUP) ends nothing */
        if (old_fatal[sig].sa_handler == SIG_IGN) continue;
        caught[sig] = sigaction(sig, &sa, NULL) == 0;
    }
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigaction(SIGINT, &sa, &old_int);
    old_hook = xalloc_fatal_hook;
    xalloc_fatal_hook = term_close;
    interrupted = 0;
}

/* A state's colour (trace_states: Okabe-Ito in the xterm 256-colour cube,
 * and the nearest of the 8 basic colours for terminals without it) as
 * colour pair 1 + state. */
static attr_t hue(int state)
{
    if (!use_color) return 0;
    const TaskStateInfo *si = &trace_states[state];
    init_pair((short)(1 + state), COLORS >= 256 ? si->c256 : si->c8, -1);
    return COLOR_PAIR(1 + state);
}

/* Task hues, apart from the states' (xterm-256, then basic): blue,
 * vermilion, bluish green, reddish purple, yellow, sky blue. */
static const short task_c256[TERM_TASK_HUES] = {33, 202, 36, 169, 220, 117};
static const short task_c8[TERM_TASK_HUES] = {COLOR_BLUE, COLOR_RED, COLOR_GREEN, COLOR_MAGENTA, COLOR_YELLOW, COLOR_CYAN};

attr_t term_task_attr(int k) { return attrs[G_TASK + (k >= 0 ? k : 0) % TERM_TASK_HUES]; }

static void palette(void)
{
    if (use_color) {
        start_color();
        use_default_colors();
    }
    /* the states: colour where there is colour, and an attribute that
     * tells them apart without (running bold, waiting for the GIL
     * underlined, ready and done dim) */
    for (int s = 0; s < TS_COUNT; s++) attrs[G_STATE + s] = hue(s);
    attrs[G_STATE + TS_RUNNING] |= A_BOLD;
    if (!use_color) attrs[G_STATE + TS_GILWAIT] |= A_UNDERLINE;
    if (!use_color) attrs[G_STATE + TS_DONE] |= A_DIM;
    /* who runs: cores in running's colour, GILs in starting's orange,
     * event loops in awaiting's blue; stderr and the playhead stand out */
    attrs[G_CORE] = hue(TS_RUNNING) | A_BOLD;
    attrs[G_GIL] = hue(TS_NEW) | A_BOLD;
    attrs[G_LOOP] = hue(TS_AWAITING) | A_BOLD;
    attrs[G_STDERR] = hue(TS_GILWAIT) | A_BOLD;
    attrs[G_TITLE] = A_REVERSE;
    attrs[G_TITLE_FOCUS] = A_REVERSE | A_BOLD;
    attrs[G_CURSOR] = A_REVERSE;
    attrs[G_DIM] = hue(TS_DONE) | (use_color ? 0 : A_DIM);
    attrs[G_PLAYHEAD] = hue(TS_GILWAIT) | A_BOLD;
    attrs[G_HILITE] = A_BOLD;
    for (int i = 0; i < TERM_TASK_HUES; i++) {
        attrs[G_TASK + i] = A_BOLD;
        if (!use_color) continue;
        /* pairs after the states' (1 + state) */
        init_pair((short)(1 + TS_COUNT + i), COLORS >= 256 ? task_c256[i] : task_c8[i], -1);
        attrs[G_TASK + i] |= COLOR_PAIR(1 + TS_COUNT + i);
    }
}

bool term_open(bool color, bool ascii, bool headless, char *why, size_t n)
{
    use_ascii = ascii;
    if (headless) {
        headless_out = fopen("/dev/null", "w");
        headless_in = fopen("/dev/null", "r");
        if (!headless_out || !headless_in) {
            snprintf(why, n, "cannot open /dev/null");
            return false;
        }
        screen = newterm("xterm-256color", headless_out, headless_in);
    } else {
        screen = newterm(NULL, stdout, stdin);
    }
    if (!screen) {
        snprintf(why, n, "cannot set up the terminal '%s'", headless ? "xterm-256color" : getenv("TERM"));
        if (headless_out) fclose(headless_out);
        if (headless_in) fclose(headless_in);
        headless_out = headless_in = NULL;
        return false;
    }
    open_now = true;
    handlers();
    use_color = color && has_colors();
    cbreak();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    curs_set(0);
    set_escdelay(25);
    /* Home and End as the common terminals send them, whatever terminfo says */
    static const struct {
        const char *seq;
        int key;
    } keys[] = {{"\033[H", KEY_HOME}, {"\033[F", KEY_END}, {"\033OH", KEY_HOME}, {"\033OF", KEY_END},
                {"\033[1~", KEY_HOME}, {"\033[4~", KEY_END}, {"\033[7~", KEY_HOME}, {"\033[8~", KEY_END}};
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) define_key(keys[i].seq, keys[i].key);
    palette();
    return true;
}

bool term_color(void) { return use_color; }
bool term_ascii(void) { return use_ascii; }

attr_t term_attr(int g) { return g >= 0 && g < G_COUNT ? attrs[g] : 0; }

const char *term_state_glyph(int state)
{
    static char ascii[TS_COUNT][2];
    if (state < 0 || state >= TS_COUNT) return " ";
    if (!use_ascii) return trace_states[state].utf8;
    ascii[state][0] = trace_states[state].ascii;
    return ascii[state];
}

const Chrome *term_chrome(void)
{
    static const Chrome utf8 = {"│", "─", "┴", "▼", "▶", "‖", "…", "┼"};
    static const Chrome ascii = {"|", "-", "|", "v", ">", "||", "~", "+"};
    return use_ascii ? &ascii : &utf8;
}

/* ---- text ---- */

/* Bytes of the first `cols` characters of s (UTF-8), stopping at a
 * newline; *used gets the columns taken. */
size_t term_fit(const char *s, size_t len, int cols, int *used)
{
    size_t i = 0;
    int c = 0;
    while (i < len && s[i] != '\n' && c < cols) {
        unsigned char b = (unsigned char)s[i];
        if (b < 0x20 && b != '\t') {
            /* a control character (a NUL a program printed...) takes no
             * column: term_put() skips it */
            i++;
            continue;
        }
        size_t k = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
        if (i + k > len) break;
        i += k;
        c++;
    }
    if (used) *used = c;
    return i;
}

/* Draw at most w columns of s at (y, x); returns the columns used.  Tabs
 * become spaces; in ASCII mode other bytes above 127 become '?'. */
int term_put(int y, int x, int w, const char *s, size_t len, attr_t at)
{
    if (w <= 0) return 0;
    attron(at);
    move(y, x);
    int c = 0;
    size_t i = 0;
    while (i < len && s[i] != '\n' && c < w) {
        if (s[i] == '\t') {
            addch(' ');
            c++;
            i++;
            continue;
        }
        if (s[i] == '\r' || ((unsigned char)s[i] < 0x20)) {
            i++;
            continue;
        }
        int one;
        size_t k = term_fit(s + i, len - i, 1, &one);
        if (!k) break;
        if (term_ascii() && (unsigned char)s[i] >= 0x80) addch('?');
        else addnstr(s + i, (int)k);
        i += k;
        c++;
    }
    attroff(at);
    return c;
}

int term_puts_at(int y, int x, int w, const char *s, attr_t at) { return term_put(y, x, w, s, strlen(s), at); }

void term_fill(int y, int x, int w, attr_t at)
{
    attron(at);
    for (int i = 0; i < w; i++) mvaddch(y, x + i, ' ');
    attroff(at);
}
