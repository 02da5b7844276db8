/* axis.h - time axes: round ticks (1, 2 or 5 times a power of ten
 * nanoseconds) labelled in one unit per axis, with as many decimals as the
 * step needs ("60.05 ms", never "60050 us" beside "61 ms").  The text
 * timeline, the UI and the SVG all label their axes with this. */
#ifndef IL_AXIS_H
#define IL_AXIS_H

#include <stddef.h>
#include <stdint.h>

typedef struct Axis {
    int64_t from, to;        /* the window, ns */
    int64_t step;            /* between ticks, ns */
    int64_t unit;            /* 1, 1e3, 1e6 or 1e9 ns */
    const char *uname;       /* "ns", "us", "ms" or "s" */
    int dec;                 /* decimals of the labels */
} Axis;

/* An axis over [from, to] whose ticks are at least min_gap ns apart. */
void axis_init(Axis *ax, int64_t from, int64_t to, int64_t min_gap);
/* The first tick at or after the window's start (the next: + step). */
int64_t axis_first(const Axis *ax);
/* The label of the tick at t: "60.05 ms" ("0" at 0). */
void axis_label(const Axis *ax, int64_t t, char *buf, size_t n);

#endif
