/* export_util.h - what the exporters (export_chrome.c, export_svg.c) and
 * the JSON statistics of `run` share: the window, segment end times, and
 * escaping for JSON and XML.  Private to ui/; the exporters' public
 * interface is export.h. */
#ifndef IL_EXPORT_UTIL_H
#define IL_EXPORT_UTIL_H

#include "export.h"

/* The window [from, to] the options ask for, within [0, the trace's end].
 * False when it is empty. */
bool ex_window(const Trace *t, const ExportOpts *o, int64_t *from, int64_t *to);

/* For each segment, when it ends: the task's next segment, else the end
 * of the trace (a finished task's last segment, "done", ends where it
 * starts).  Owned by the caller (free). */
int64_t *ex_seg_ends(const Trace *t);

/* ns as microseconds with three decimals ("1234.567"): exact, and the same
 * on every host. */
void ex_us(FILE *f, int64_t ns);
/* A JSON string literal of n bytes; invalid UTF-8 becomes U+FFFD. */
void ex_json_str(FILE *f, const char *s, size_t n);
/* Text for XML content or a quoted attribute: &<>"' escaped, control
 * characters (which XML 1.0 cannot hold) and invalid UTF-8 as U+FFFD. */
void ex_xml_str(FILE *f, const char *s, size_t n);

#endif
