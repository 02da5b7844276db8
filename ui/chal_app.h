/* chal_app.h - the challenge UI's state, shared by its loop (challenge.c)
 * and its drawing (chal_draw.c).  Private to the challenge.
 *
 * The state is the list of the player's choices; the run on screen is
 * that list replayed from the start (a small scenario runs in a
 * millisecond), paused at the next choice or ended.  Undo drops choices
 * and replays the rest. */
#ifndef IL_CHAL_APP_H
#define IL_CHAL_APP_H

#include "../sim/schedule.h"
#include "tui_term.h"

typedef struct Level {
    char *path;              /* full path of its scenario */
    char *file;              /* its file name: what progress remembers */
    char *title;
} Level;

enum { CO_NONE, CO_INTRO, CO_HINT, CO_WON, CO_TEXT };

typedef struct Chal {
    Level *levels;
    int nlevels, cur;        /* the level open (index) */
    /* the level's texts */
    char *goal, *hints, *explain, *description;
    int nhints, hints_shown;
    /* the player's choices, and where each key's ones begin (undo) */
    BUF(int) moves;
    BUF(int) marks;
    /* the run: paused at a choice, or ended */
    Sim *S;
    bool pending;            /* at a choice (ch) */
    ScheduleChoice ch;
    bool ended, won;
    bool won_before;         /* progress says so */
    char *schedule;          /* the run's schedule, once won */
    int *steps;              /* who ran each step */
    int nsteps;
    int overlay;             /* CO_* */
    char *ov_title, *ov_text;
    int ov_top;
    char msg[1600];
    bool quit;
} Chal;

/* Draw everything (one doupdate). */
void chal_draw(Chal *c);

#endif
