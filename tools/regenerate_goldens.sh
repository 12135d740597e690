#!/usr/bin/env bash
# Regenerates the golden results of `parley run` (tests/data/golden/<scenario>.json), which
# tests/cli/golden_test.cpp compares against. Run it after an intended change of the
# engine, the strategies or a shipped scenario, and review the diff before committing:
#
#   tools/regenerate_goldens.sh [BUILD_DIR]      # default BUILD_DIR: build
#
# Every shipped scenario (scenarios/*.yaml) is run with 2000 runs, seed 1, two threads; a
# scenario that does not run in this build (e.g. a strategy not registered yet) is skipped
# with a note, and its stale golden, if any, is removed.
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build}"
parley="$build/parley"
[[ -x "$parley" ]] || { echo "no $parley: build first (cmake --build $build)" >&2; exit 1; }
mkdir -p tests/data/golden
for file in scenarios/*.yaml; do
  name="$(basename "$file" .yaml)"
  out="tests/data/golden/$name.json"
  if "$parley" run "$name" --runs 2000 --seed 1 --threads 2 --format json -o "$out.tmp" 2> "$out.err"; then
    mv "$out.tmp" "$out"
    echo "wrote $out"
  else
    echo "skipped $name: $(head -n 1 "$out.err")"
    rm -f "$out.tmp" "$out"
  fi
  rm -f "$out.err"
done
