#!/usr/bin/env bash
# Captures what every `parley` command prints, for every shipped scenario, the ANAC domains of
# tests/data/genius, the Gambit games of tests/data/gambit and the bad inputs of tests/data/bad,
# into one folder: one file per command line, holding its exit code, standard output and
# standard error. Two captures, before and after a restructuring, compared with `diff -r`, show
# that no printed number or message changed:
#
#   tools/capture_outputs.sh BUILD_DIR OUT_DIR        # e.g. build /tmp/before
#   diff -r /tmp/before /tmp/after && echo unchanged
#
# Everything runs with fixed seeds on two threads (results do not depend on the thread count);
# the sweep manifest's clock times are left out, and the checkout's folder is written SOURCE (and
# the scratch folder WORK), so that captures from two clones compare.
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:?usage: tools/capture_outputs.sh BUILD_DIR OUT_DIR}"
out="${2:?usage: tools/capture_outputs.sh BUILD_DIR OUT_DIR}"
parley="$(cd "$build" && pwd)/parley"
[[ -x "$parley" ]] || { echo "no $parley: build first" >&2; exit 1; }
mkdir -p "$out"
out="$(cd "$out" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
count=0

# capture NAME ARGS...: runs `parley ARGS...` in the scratch folder and stores its exit code,
# output and errors as OUT_DIR/NAME. Files it writes with -o are appended by the caller.
capture() {
  local name=$1; shift
  local rc=0
  (cd "$work" && "$parley" "$@" > "$work/stdout" 2> "$work/stderr") || rc=$?
  {
    echo "\$ parley $*"
    echo "exit $rc"
    echo "--- stdout"
    cat "$work/stdout"
    echo "--- stderr"
    cat "$work/stderr"
  } | sed "s|$work|WORK|g; s|$PWD|SOURCE|g" > "$out/$name"
  count=$((count + 1))
}

# append NAME FILE: adds a file a command wrote to its capture. A sweep writes its rows in the
# order the points finish, which varies from run to run, so CSV rows are sorted by point.
append() {
  { echo "--- $2"
    if [[ "$2" == *.csv ]]; then head -n 1 "$work/$2"; tail -n +2 "$work/$2" | sort -t, -k1,1n
    else cat "$work/$2"; fi
  } | sed "s|$work|WORK|g; s|$PWD|SOURCE|g" >> "$out/$1"
  rm -f "$work/$2"
}

capture scenarios scenarios
capture schema schema
capture version --version
for file in scenarios/*.yaml; do
  s="$(basename "$file" .yaml)"
  capture "validate.$s" validate "$PWD/$file"
  for f in table json; do capture "describe.$s.$f" describe "$s" --format "$f"; done
  for f in table json csv; do
    capture "analyze.$s.$f" analyze "$s" --format "$f"
    capture "solve.$s.$f" solve "$s" --format "$f"
    capture "run.$s.$f" run "$s" --runs 300 --seed 3 --threads 2 --format "$f"
    capture "compare.$s.$f" compare "$s" --runs 150 --seed 5 --threads 2 --format "$f"
  done
  capture "run.$s.trace" run "$s" --trace --seed 2
  capture "export-genius.$s" export-genius "$s" --ignore-battlefield -o genius
  for written in "$work"/genius/*.xml; do [[ -f "$written" ]] && append "export-genius.$s" "genius/$(basename "$written")"; done
done
capture run.set run ukraine-2025 --runs 200 --seed 9 --threads 2 --set battlefield.advantage=0.3 \
  --set parties.russia.cost=0.01 --format json
capture compare.strategies compare ukraine-2025 --runs 100 --threads 2 \
  --strategies russia=prolonged,quick,stall --strategies ukraine=prolonged,contingent --export-nfg meta.nfg
[[ -f "$work/meta.nfg" ]] && append compare.strategies meta.nfg
capture solve.period solve ukraine-2025 --period 8 --format json
for dir in tests/data/genius/*/; do
  d="$(basename "$dir")"
  capture "import-genius.$d" import-genius "$PWD/$dir" -o imported.yaml
  [[ -f "$work/imported.yaml" ]] && append "import-genius.$d" imported.yaml
  capture "analyze.$d" analyze "$PWD/$dir" --format json
  capture "run.$d" run "$PWD/$dir" --runs 100 --seed 4 --threads 2 --format json
done
for game in tests/data/gambit/games/*.nfg; do
  g="$(basename "$game" .nfg)"
  capture "nash.$g.json" nash "$PWD/$game" --format json
  capture "nash.$g.table" nash "$PWD/$game"
  capture "nash.$g.lh" nash "$PWD/$game" --method lh --format json
done
for bad in tests/data/bad/*.yaml; do
  capture "validate.bad.$(basename "$bad" .yaml)" validate "$PWD/$bad"
done
capture set.unknown run --set parties.russia.cots=0.1 --runs 10
capture sweep.grid sweep ukraine-2025 --vary battlefield.advantage=-0.2:0.2:3 \
  --vary parties.ukraine.strategy=prolonged,quick --runs 50 --threads 2 -q -o grid.csv
append sweep.grid grid.csv
capture sweep.sobol sweep ukraine-2025 --design sobol --samples 4 --vary battlefield.advantage=-0.3:0.3 \
  --vary parties.russia.cost=0.001:0.02 --runs 20 --threads 2 -q -o sobol.csv
capture sweep.analyze sweep --analyze sobol sobol.csv --metric outcomes.settled --bootstrap 50
append sweep.sobol sobol.csv
capture sweep.plan sweep --plan "$PWD/scenarios/sweeps/prolonged-vs-quick.yaml" --runs 20 --threads 2 -q -o plan.csv
[[ -f "$work/plan.csv" ]] && append sweep.plan plan.csv
rm -f "$work"/*.json
echo "captured $count command lines into $out"
