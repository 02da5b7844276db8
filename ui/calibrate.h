/* calibrate.h - `interleave calibrate`: this machine's costs, measured
 * under the local python3, written as a settings profile that runs use
 * with --calibrated (or `calibrated: yes` in a header). */
#ifndef IL_CALIBRATE_H
#define IL_CALIBRATE_H

int cmd_calibrate(int argc, char **argv);
/* Read the profile, if there is one, and hand it to the simulator (once,
 * at start-up); a malformed one is reported on stderr and left out. */
void calibrate_load_profile(void);

#endif
