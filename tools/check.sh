#!/usr/bin/env bash
# Sets Parley up and runs every test: the warnings-as-errors build and its test suite, the
# same suite under AddressSanitizer and UndefinedBehaviorSanitizer (a clang build, which also
# holds the libFuzzer targets), a minute of fuzzing of each reader of untrusted input under
# the same sanitizers (tests/fuzz/README.md), the tests that run threads under ThreadSanitizer
# (a third build), the notebooks and README figures end to end, and
# every shipped scenario's HTML report loaded in headless Chromium (tests/report/README.md).
# The first build has OpenMPI, so that `mpirun -np 2 parley sweep` is tested against the
# serial sweep. This is what CI runs (.ci/run). Each phase prints its
# wall time, and a summary of all of them closes the log.
set -euo pipefail
cd "$(dirname "$0")/.."

# The pages the browser tests wrote and their screenshots (tests/report/README.md), named at the
# end of the log for CI to keep as artifacts, also when a phase fails.
report_artifacts() {
  echo "== report pages and screenshots, kept as CI artifacts"
  local files=()
  shopt -s nullglob
  files=(build/artifacts/report-*.png build/artifacts/report-*.html)
  if [ ${#files[@]} -gt 0 ]; then
    ls -l "${files[@]}"
  else
    echo "none in build/artifacts (the browser tests need chromium: tools/setup.sh --browser)"
  fi
}
trap report_artifacts EXIT

phase_names=()
phase_seconds=()
# phase NAME COMMAND...: runs COMMAND, prints how long it took, remembers it for the summary.
phase() {
  local name=$1; shift
  echo "== $name"
  local start=$SECONDS
  "$@"
  local took=$((SECONDS - start))
  phase_names+=("$name")
  phase_seconds+=("$took")
  printf '== %s: %dm%02ds\n' "$name" $((took / 60)) $((took % 60))
}

phase "set-up and build (warnings are errors, OpenMPI, notebooks, Chromium, the Python module)" \
  tools/setup.sh --all --werror --mpi --notebooks --browser --python
phase "test suite" ctest --test-dir build -j2 --output-on-failure --timeout 300
phase "build with AddressSanitizer + UndefinedBehaviorSanitizer (clang, with the fuzz targets)" \
  tools/setup.sh --all --build-dir build-asan --sanitize --fuzz --werror
phase "test suite under the sanitizers" env ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan -j2 --output-on-failure --timeout 600
phase "fuzzing: scenario loader, .nfg reader, GENIUS importer, 60 s each" \
  tools/fuzz.sh run build-asan 60

# The tests that run threads (the equilibrium searches, the Monte Carlo runs, the sweeps, the
# integer programs' shared answers), in two groups at once, one a core: their results must not
# depend on the thread count, and a data race would make them.
thread_sanitized_tests() {
  local status=0 first second
  TSAN_OPTIONS=halt_on_error=1 build-tsan/tests/parley_tests \
    "[engine],[nash],[reverse_search],[mip],[leverage],[pressure],[adaptive]" &
  first=$!
  TSAN_OPTIONS=halt_on_error=1 build-tsan/tests/parley_tests "[sweep]~[mpi]~mpi child*" &
  second=$!
  wait "$first" || status=1
  wait "$second" || status=1
  return "$status"
}
phase "build with ThreadSanitizer (clang)" tools/setup.sh --all --build-dir build-tsan --thread-sanitize --werror
phase "the threaded tests under ThreadSanitizer" thread_sanitized_tests

echo "== phase times"
total=0
for i in "${!phase_names[@]}"; do
  printf '%6ds  %s\n' "${phase_seconds[$i]}" "${phase_names[$i]}"
  total=$((total + phase_seconds[i]))
done
printf '%6ds  total (%dm%02ds)\n' "$total" $((total / 60)) $((total % 60))
if command -v ccache >/dev/null; then ccache --show-stats 2>/dev/null | grep -Ei 'hits|misses' || true; fi
