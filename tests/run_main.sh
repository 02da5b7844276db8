#!/bin/sh
# `make run`: the main thing.  With a terminal, the UI on the first lesson's
# scenario; without one (CI, a pipe), a text run of it.
cd "$(dirname "$0")/.." || exit 1
first=$(ls scenarios/*.py 2>/dev/null | head -n 1)
if [ -z "$first" ]; then
    echo "make run: no scenarios in scenarios/" >&2
    exit 1
fi
if [ -t 0 ] && [ -t 1 ] && ./interleave play --help >/dev/null 2>&1; then
    exec ./interleave play "$first"
fi
exec ./interleave run "$first"
