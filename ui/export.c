/* export.c - choosing an exporter and writing to a file (export.h). */
#include "export_util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

int export_format(const char *name)
{
    if (strcmp(name, "chrome") == 0) return EXPORT_CHROME;
    if (strcmp(name, "svg") == 0) return EXPORT_SVG;
    return -1;
}

bool export_to_file(Sim *S, ExportFormat fmt, const char *path, const ExportOpts *o, char *err, size_t errn)
{
    int64_t from, to;
    if (!ex_window(sim_trace(S), o, &from, &to)) {
        char end[32];
        fmt_duration(end, sizeof end, sim_trace(S)->end);
        snprintf(err, errn, "nothing to export: the window is empty (the run so far ends at %s)", end);
        return false;
    }
    bool to_stdout = strcmp(path, "-") == 0;
    FILE *f = to_stdout ? stdout : fopen(path, "w");
    if (!f) {
        snprintf(err, errn, "cannot write '%s': %s", path, strerror(errno));
        return false;
    }
    bool ok = fmt == EXPORT_CHROME ? export_chrome(f, S, o) : export_svg(f, S, o);
    int e = errno;
    if (fflush(f) != 0) {
        ok = false;
        e = errno;
    }
    if (!to_stdout && fclose(f) != 0 && ok) {
        ok = false;
        e = errno;
    }
    if (!ok) snprintf(err, errn, "cannot write '%s': %s", path, strerror(e ? e : EIO));
    return ok;
}
