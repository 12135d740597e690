#!/usr/bin/env bash
# Builds the benchmark programs (Release) and prints their figures, one block per program,
# each line a measured figure with its target. The performance targets of the issues are
# checked here, never in timed unit tests.
#
#   tools/benchmarks.sh [--build-dir DIR] [--quick] [NAME...]
#     --build-dir DIR  build and run from DIR (default: build)
#     --quick          shrink the long sweep benchmark tenfold (a quick look, not the target)
#     NAME...          only these programs, e.g. bench_nash bench_engine (default: all)
#
# Run it on an otherwise idle machine: wall-clock figures (sweeps, threads) share the cores.
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=build
sweep_args=()
names=()
while [ $# -gt 0 ]; do
  case "$1" in
    --build-dir) build_dir=$2; shift ;;
    --quick) sweep_args=(--scale 0.1) ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    bench_*) names+=("$1") ;;
    *) echo "tools/benchmarks.sh: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
if [ ${#names[@]} -eq 0 ]; then
  for source in tools/bench/bench_*.cpp; do names+=("$(basename "$source" .cpp)"); done
fi

if [ ! -f "$build_dir/CMakeCache.txt" ]; then
  cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DPARLEY_BUILD_BENCHMARKS=ON >/dev/null
fi
build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$build_dir/CMakeCache.txt")
if [ "$build_type" != Release ]; then
  echo "tools/benchmarks.sh: $build_dir is a $build_type build; benchmarks need Release" >&2
  exit 2
fi
cmake --build "$build_dir" -j2 --target "${names[@]}"

echo "machine: $(nproc) cores, $(uname -m), load average $(cut -d' ' -f1-3 /proc/loadavg)"
for name in "${names[@]}"; do
  echo
  echo "== $name"
  if [ "$name" = bench_sweep ]; then
    "$build_dir/$name" "${sweep_args[@]}"
  else
    "$build_dir/$name"
  fi
done
