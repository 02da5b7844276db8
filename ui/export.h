/* export.h - a run's trace as files for other programs: Chrome Trace Event
 * JSON (Perfetto, chrome://tracing) and SVG timelines for slides.
 *
 * The exporters read only sim/'s public headers (the trace, statistics,
 * narration) and write only integers and fixed-point decimals, so equal
 * runs give byte-identical files.  They export the run so far: a paused
 * run's trace ends at its current time. */
#ifndef IL_EXPORT_H
#define IL_EXPORT_H

#include "../sim/sim.h"
#include <stdio.h>

typedef enum { EXPORT_CHROME, EXPORT_SVG } ExportFormat;

typedef struct ExportOpts {
    int64_t from, to;       /* the window in ns; to <= 0: the end of the run so far */
    int width;              /* SVG width in pixels; 0: 1200 */
    const char *source;     /* the scenario's file name, shown in the SVG; may be NULL */
} ExportOpts;

/* "chrome" or "svg" -> ExportFormat; -1 for anything else. */
int export_format(const char *name);

/* Write the run as Chrome Trace Event JSON.  False on a write error. */
bool export_chrome(FILE *f, Sim *S, const ExportOpts *o);
/* Write the run's timeline as an SVG image.  False on a write error. */
bool export_svg(FILE *f, Sim *S, const ExportOpts *o);

/* Export to path ("-": stdout).  False with a message in err (the file
 * could not be written, or the window is empty). */
bool export_to_file(Sim *S, ExportFormat fmt, const char *path, const ExportOpts *o, char *err, size_t errn);

#endif
