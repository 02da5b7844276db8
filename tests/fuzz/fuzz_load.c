/* fuzz_load.c - libFuzzer target: any bytes as a scenario.  Loading must
 * either succeed or report file:line:col; running (with small limits) must
 * end with a status, never a crash or a sanitizer report.  Build and run it
 * with `make fuzz` (clang); saved inputs replay through `make test`. */
#include "../../sim/sim.h"

#include <stdint.h>
#include <stdio.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const limits[] = {"max_ops=20000", "max_time=2s"};
    Sim *S = sim_new();
    LoadError err;
    if (sim_load_source(S, "fuzz.py", (const char *)data, size, limits, 2, &err)) sim_run(S);
    sim_free(S);
    return 0;
}
