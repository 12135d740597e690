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
# With the Python module built in DIR (tools/setup.sh --python), bench_python (tools/bench/
# bench_python.py: `import parley` against the command line) runs too; name it to run it alone.
# Run it on an otherwise idle machine: wall-clock figures (sweeps, threads) share the cores.
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=build
sweep_args=()
names=()
want_python=0
while [ $# -gt 0 ]; do
  case "$1" in
    --build-dir) build_dir=$2; shift ;;
    --quick) sweep_args=(--scale 0.1) ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    bench_python) want_python=1; names+=("$1") ;;
    bench_*) names+=("$1") ;;
    *) echo "tools/benchmarks.sh: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
if [ ${#names[@]} -eq 0 ]; then
  for source in tools/bench/bench_*.cpp; do names+=("$(basename "$source" .cpp)"); done
  want_python=1
fi
# bench_python is a script, not a target: built (the module) only where the module is configured.
cpp_names=()
for name in "${names[@]}"; do [ "$name" = bench_python ] || cpp_names+=("$name"); done
names=("${cpp_names[@]}")

if [ ! -f "$build_dir/CMakeCache.txt" ]; then
  cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DPARLEY_BUILD_BENCHMARKS=ON >/dev/null
fi
build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$build_dir/CMakeCache.txt")
if [ "$build_type" != Release ]; then
  echo "tools/benchmarks.sh: $build_dir is a $build_type build; benchmarks need Release" >&2
  exit 2
fi
python_module=0
if [ $want_python = 1 ] && grep -q '^PARLEY_PYTHON:BOOL=ON' "$build_dir/CMakeCache.txt"; then
  python_module=1
fi
targets=("${names[@]}")
[ $python_module = 1 ] && targets+=(parley_python parley_cli)
[ ${#targets[@]} -gt 0 ] && cmake --build "$build_dir" -j2 --target "${targets[@]}"

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
if [ $want_python = 1 ]; then
  echo
  echo "== bench_python"
  if [ $python_module = 1 ]; then
    PYTHONPATH="$build_dir/python" /usr/bin/python3 tools/bench/bench_python.py --cli "$build_dir/parley"
  else
    echo "skipped: $build_dir has no Python module (tools/setup.sh --python --build-dir $build_dir)"
  fi
fi
