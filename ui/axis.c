/* axis.c - time axes with round ticks and one unit (axis.h).  Labels are
 * made from integers only, so they are exact and the same on every host. */
#include "axis.h"

#include <stdio.h>

void axis_init(Axis *ax, int64_t from, int64_t to, int64_t min_gap)
{
    ax->from = from;
    ax->to = to > from ? to : from + 1;
    if (min_gap < 1) min_gap = 1;
    /* the smallest 1-2-5 step at least min_gap */
    int64_t pow10 = 1;
    int e = 0;
    for (;;) {
        if (pow10 >= min_gap) { ax->step = pow10; break; }
        if (2 * pow10 >= min_gap) { ax->step = 2 * pow10; break; }
        if (5 * pow10 >= min_gap) { ax->step = 5 * pow10; break; }
        if (pow10 > INT64_MAX / 20) { ax->step = pow10 * 10; break; }
        pow10 *= 10;
        e++;
    }
    /* the unit of the window's end: every label is in it */
    int ulog;
    if (ax->to >= 1000000000) ax->unit = 1000000000, ax->uname = "s", ulog = 9;
    else if (ax->to >= 1000000) ax->unit = 1000000, ax->uname = "ms", ulog = 6;
    else if (ax->to >= 1000) ax->unit = 1000, ax->uname = "us", ulog = 3;
    else ax->unit = 1, ax->uname = "ns", ulog = 0;
    ax->dec = ulog - e > 0 ? ulog - e : 0;
}

int64_t axis_first(const Axis *ax)
{
    if (ax->from <= 0) return 0;
    return (ax->from + ax->step - 1) / ax->step * ax->step;
}

void axis_label(const Axis *ax, int64_t t, char *buf, size_t n)
{
    if (t == 0) {
        snprintf(buf, n, "0");
        return;
    }
    int64_t scale = 1;
    for (int i = 0; i < ax->dec; i++) scale *= 10;
    int64_t q = t / ax->unit, r = t % ax->unit;
    if (!ax->dec) {
        snprintf(buf, n, "%lld %s", (long long)q, ax->uname);
        return;
    }
    snprintf(buf, n, "%lld.%0*lld %s", (long long)q, ax->dec, (long long)(r / (ax->unit / scale)), ax->uname);
}
