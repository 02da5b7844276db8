/* test_tui_layout.c - the UI's panes fit the screen at every size. */
#include "check.h"
#include "../../ui/tui_layout.h"

static bool inside(Rect r, int w, int h) { return r.y >= 0 && r.x >= 0 && r.y + r.h <= h && r.x + r.w <= w; }

static bool overlap(Rect a, Rect b)
{
    if (!a.h || !b.h) return false;
    return a.y < b.y + b.h && b.y < a.y + a.h && a.x < b.x + b.w && b.x < a.x + a.w;
}

/* Every size from the minimum to 250x80, normal and presenter mode, few and
 * many timeline rows: shown panes lie on the screen, never overlap, leave
 * the bottom line to the status, and have room for a title and content. */
static void test_layout_fits(void)
{
    for (int w = TUI_MIN_W; w <= 250; w += 7)
        for (int h = TUI_MIN_H; h <= 80; h += 3)
            for (int mode = 0; mode < 4; mode++)
                for (int rows = 1; rows <= 200; rows *= 9) {
                    bool present = mode & 1, lesson = mode & 2;
                    Layout L;
                    layout_compute(&L, w, h, rows, present, lesson ? 6 : 0);
                    if (!CHECK(!L.too_small)) return;
                    Rect all[PANE_COUNT + 1];
                    int n = 0;
                    for (int p = 0; p < PANE_COUNT; p++) all[n++] = L.pane[p];
                    all[n++] = L.status;
                    CHECK_EQ_INT(L.status.y, h - 1);
                    CHECK_EQ_INT(L.status.w, w);
                    for (int i = 0; i < n; i++) {
                        if (!all[i].h) continue;
                        if (!CHECK(inside(all[i], w, h))) return;
                        for (int j = i + 1; j < n; j++)
                            if (!CHECK(!overlap(all[i], all[j]))) return;
                    }
                    CHECK(L.pane[PANE_TIMELINE].h >= 6);
                    CHECK(L.pane[PANE_EVENTS].h >= 3);
                    /* the timeline takes what its rows want when there is room */
                    int want = rows + TL_CHROME_LINES < 6 ? 6 : rows + TL_CHROME_LINES;
                    if (want <= (h - 1) / 2 && !present && !lesson) CHECK_EQ_INT(L.pane[PANE_TIMELINE].h, want);
                    if (!lesson || h >= 16) CHECK_EQ_INT(L.pane[PANE_QUESTION].h > 0, lesson);
                    CHECK(L.pane[PANE_OUTPUT].h >= 3); /* presenter mode too: the punch line */
                    if (present) {
                        CHECK_EQ_INT(L.pane[PANE_SOURCE].h, 0);
                    } else {
                        CHECK(L.pane[PANE_SOURCE].h >= 7);
                        CHECK(L.pane[PANE_SOURCE].w >= 20);
                    }
                }
}

static void test_layout_too_small(void)
{
    Layout L;
    layout_compute(&L, TUI_MIN_W - 1, 30, 5, false, 0);
    CHECK(L.too_small);
    layout_compute(&L, 100, TUI_MIN_H - 1, 5, false, 0);
    CHECK(L.too_small);
    layout_compute(&L, 80, 24, 5, false, 0);
    CHECK(!L.too_small);
}

const TestCase tui_layout_tests[] = {
    {"tui_layout_fits", test_layout_fits},
    {"tui_layout_too_small", test_layout_too_small},
    TEST_END,
};
