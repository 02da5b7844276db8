#!/bin/sh
# `make run`: the main thing, the first lesson.  With a terminal, the UI on
# its first scenario (n opens the next); without one (CI, a pipe), the
# lesson's text and a text run of each of its scenarios.
cd "$(dirname "$0")/.." || exit 1
exec ./interleave lesson 0
