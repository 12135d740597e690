#!/usr/bin/env bash
# Fuzzes the three readers of untrusted input: the scenario loader, Gambit's .nfg reader (with
# the Nash solvers behind `parley nash`) and the GENIUS importer (tests/fuzz/README.md).
#
#   tools/fuzz.sh seeds OUT_DIR
#       writes the seed corpora to OUT_DIR/<target>/: the shipped scenarios and the bad-input
#       corpus (scenario_loader), the Gambit games of tests/data/gambit (nfg_reader), and each
#       ANAC negotiation of tests/data/genius as domain, NUL, profile, NUL, profile
#       (genius_import).
#   tools/fuzz.sh run BUILD_DIR SECONDS [TARGET...]
#       runs each libFuzzer program BUILD_DIR/tests/fuzz_<target> (a build configured with
#       tools/setup.sh --sanitize --fuzz) for SECONDS of wall time, all at once, under
#       AddressSanitizer and UndefinedBehaviorSanitizer, starting from the seeds and every input
#       in tests/fuzz/regressions/<target>/. Each input may take 10 s and 1 GB at most (the
#       issue's bound for any bad input). A finding is printed in base64 with the command that
#       replays it; save it under tests/fuzz/regressions/<target>/ once fixed. Exits 1 if any
#       target found something. The inputs that widened coverage stay in BUILD_DIR/fuzz-run/
#       for the next run.
set -euo pipefail
# Paths on the command line are the caller's; the script works from the repository's root.
absolute() { case "$1" in /*) echo "$1" ;; *) echo "$PWD/$1" ;; esac; }
[ $# -lt 2 ] || set -- "$1" "$(absolute "$2")" "${@:3}"
cd "$(dirname "$0")/.."
targets_all=(scenario_loader nfg_reader genius_import)

write_seeds() {
  local out=$1
  mkdir -p "$out/scenario_loader" "$out/nfg_reader" "$out/genius_import"
  local f
  for f in scenarios/*.yaml tests/data/minimal.yaml tests/data/bad/*.yaml; do
    cp "$f" "$out/scenario_loader/$(basename "$(dirname "$f")")-$(basename "$f")"
  done
  for f in tests/data/gambit/games/*.nfg; do cp "$f" "$out/nfg_reader/"; done
  local dir domain profiles
  for dir in tests/data/genius/*/; do
    # The domain is the file whose root is negotiation_template (as find_genius_files decides).
    domain=$(grep -l '<negotiation_template' "$dir"*.xml | head -1 || true)
    [ -n "$domain" ] || continue
    mapfile -t profiles < <(ls "$dir"*.xml | grep -v -x -F "$domain" | sort)
    [ "${#profiles[@]}" -ge 2 ] || continue
    { cat "$domain"; printf '\0'; cat "${profiles[0]}"; printf '\0'; cat "${profiles[1]}"; } \
      > "$out/genius_import/$(basename "$dir").bin"
  done
}

case "${1:-}" in
  seeds)
    write_seeds "${2:?usage: tools/fuzz.sh seeds OUT_DIR}"
    ;;
  run)
    build=${2:?usage: tools/fuzz.sh run BUILD_DIR SECONDS [TARGET...]}
    seconds=${3:?usage: tools/fuzz.sh run BUILD_DIR SECONDS [TARGET...]}
    shift 3
    targets=("$@")
    [ ${#targets[@]} -gt 0 ] || targets=("${targets_all[@]}")
    work="$build/fuzz-run"
    write_seeds "$work/seeds"
    pids=()
    for t in "${targets[@]}"; do
      program="$build/tests/fuzz_$t"
      [ -x "$program" ] || { echo "tools/fuzz.sh: no $program: configure with tools/setup.sh --sanitize --fuzz" >&2; exit 2; }
      mkdir -p "$work/corpus/$t" "$work/findings/$t"
      # detect_leaks: a leak per input would be a finding too. The log of each target goes to
      # its own file; the last lines (libFuzzer's final stats) are printed below.
      ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        "$program" "$work/corpus/$t" "$work/seeds/$t" "tests/fuzz/regressions/$t" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=1024 -print_final_stats=1 \
        -artifact_prefix="$work/findings/$t/" > "$work/$t.log" 2>&1 &
      pids+=($!)
    done
    status=0
    for i in "${!targets[@]}"; do
      t=${targets[$i]}
      if wait "${pids[$i]}"; then
        runs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$work/$t.log" | grep -Eo '[0-9]+$' || echo "?")
        cov=$(grep -Eo 'cov: [0-9]+' "$work/$t.log" | tail -1 || true)
        echo "fuzz $t: no finding in ${seconds} s, $runs inputs, $cov edges"
      else
        status=1
        echo "fuzz $t: FINDING (log: $work/$t.log)"
        tail -n 60 "$work/$t.log"
        for f in "$work/findings/$t"/*; do
          [ -f "$f" ] || continue
          echo "-- input $(basename "$f") in base64 (replay: $build/tests/fuzz_replay_$t FILE):"
          base64 "$f"
        done
      fi
    done
    exit $status
    ;;
  *)
    echo "usage: tools/fuzz.sh seeds OUT_DIR | tools/fuzz.sh run BUILD_DIR SECONDS [TARGET...]" >&2
    exit 2
    ;;
esac
