#!/usr/bin/env bash
# Sets Parley up and runs every test: the warnings-as-errors build and its test suite, the
# same suite under AddressSanitizer and UndefinedBehaviorSanitizer, and the notebooks and
# README figures end to end. The first build has OpenMPI, so that `mpirun -np 2 parley sweep`
# is tested against the serial sweep. This is what CI runs (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== build (warnings are errors) and test"
tools/setup.sh --werror --mpi --notebooks
ctest --test-dir build -j2 --output-on-failure --timeout 300

echo "== build with AddressSanitizer + UndefinedBehaviorSanitizer and test"
tools/setup.sh --build-dir build-asan --sanitize --werror
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan -j2 --output-on-failure --timeout 600
