#!/usr/bin/env bash
# Installs what Parley needs from Debian's packages (only what is missing), then configures
# and builds it. Usage:
#   tools/setup.sh [--all] [--build-dir DIR] [--sanitize] [--thread-sanitize] [--fuzz] [--werror]
#                  [--mpi] [--notebooks] [--browser] [--python] [--help]
#   (no option)      build only the `parley` program (what `build/parley run` needs)
#   --all            build every target: the library, the program, the tests, the benchmarks
#   --build-dir DIR  build here (default: build)
#   --sanitize       AddressSanitizer + UndefinedBehaviorSanitizer build (Debug, no benchmarks)
#   --thread-sanitize  ThreadSanitizer build (clang, optimised with line tables, no benchmarks):
#                    the threaded searches, runs and sweeps checked for data races
#   --fuzz           build with clang, and the libFuzzer targets of tests/fuzz (tools/fuzz.sh runs
#                    them); with --sanitize, one instrumented build serves the tests and the fuzzing
#   --werror         treat warnings as errors
#   --mpi            also install OpenMPI and build with it (mpirun -np P parley sweep ...)
#   --notebooks      also install Debian's Python packages the notebooks and plots use, and build
#                    the Python module they reach Parley through (as --python does)
#   --browser        also install Debian's chromium (and a font), in which the HTML report's
#                    tests load the page (tests/report/README.md)
#   --python         also install pybind11 and Python's headers and build the Python module
#                    `parley` into DIR/python (PYTHONPATH=DIR/python; docs/python.md), with
#                    NumPy, pandas, pip, venv and pytest, for its tests and `pip install .`
#   --help           print this text
# Compilations go through ccache (Debian's package) with its cache outside the clone
# (ccache's default, ~/.cache/ccache), so a second build on the same machine is warm; set
# PARLEY_NO_CCACHE=1 to compile without it.
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=build
build_type=Release
cmake_args=()
want_notebooks=0
want_browser=0
want_python=0
want_mpi=0
want_clang=0
targets=(--target parley_cli)
while [ $# -gt 0 ]; do
  case "$1" in
    --all) targets=() ;;
    --build-dir) build_dir=$2; shift ;;
    # Debug keeps assertions; -g1 (line tables, enough for the sanitizers' stack traces) instead
    # of -g halves the compile time of the instrumented build. -O2, not -O1: the sanitizers
    # check the same accesses, and the solver's joint induction over renewed wars (the default
    # scenario's durability, solved by every run of it) is twice as fast.
    --sanitize) build_type=Debug
                cmake_args+=(-DPARLEY_SANITIZE=ON -DCMAKE_CXX_FLAGS=-O2 -DCMAKE_CXX_FLAGS_DEBUG=-g1
                             -DPARLEY_BUILD_BENCHMARKS=OFF) ;;
    --thread-sanitize) build_type=RelWithDebInfo
                       want_clang=1
                       cmake_args+=(-DCMAKE_CXX_COMPILER=clang++ -DPARLEY_THREAD_SANITIZE=ON
                                    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1" -DPARLEY_BUILD_BENCHMARKS=OFF) ;;
    --fuzz) want_clang=1
            cmake_args+=(-DCMAKE_CXX_COMPILER=clang++ -DPARLEY_FUZZ=ON) ;;
    --werror) cmake_args+=(-DPARLEY_WERROR=ON) ;;
    --mpi) want_mpi=1 ;;
    --notebooks) want_notebooks=1; want_python=1 ;;  # the notebooks reach Parley through the module
    --browser) want_browser=1 ;;
    --python) want_python=1 ;;
    -h|--help) sed -n '2,/^set -euo/{/^#/s/^# \{0,1\}//p}' "$0"; exit 0 ;;
    *) echo "tools/setup.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

packages=(g++ cmake ninja-build libeigen3-dev libboost-program-options-dev catch2 libyaml-cpp-dev
          libtinyxml2-dev libssl-dev nlohmann-json3-dev libglpk-dev)
[ "${PARLEY_NO_CCACHE:-0}" = 1 ] || packages+=(ccache)
if [ "$want_notebooks" = 1 ]; then
  packages+=(python3-numpy python3-pandas python3-matplotlib python3-yaml jupyter-nbconvert
             python3-ipykernel python3-nbformat python3-nbclient python3-ipywidgets)
fi
if [ "$want_python" = 1 ]; then
  # The package's dependencies, NumPy and pandas, from Debian (a venv with --system-site-packages
  # sees them, so `pip install --no-index .` downloads nothing); pip and venv for that install
  # (and its test), pytest for the Python tests.
  packages+=(pybind11-dev python3-dev python3-numpy python3-pandas python3-pip python3-venv python3-pytest)
  cmake_args+=(-DPARLEY_PYTHON=ON -DPython3_EXECUTABLE=/usr/bin/python3)
fi
# Without a font, headless Chromium draws no text, and the report's figures would be checked bare.
[ "$want_browser" = 0 ] || packages+=(chromium fonts-dejavu-core)
# libFuzzer and the sanitizers' runtime for clang are in libclang-rt-dev, which clang only
# recommends.
[ "$want_clang" = 0 ] || packages+=(clang libclang-rt-dev)
if [ "$want_mpi" = 1 ]; then
  packages+=(libopenmpi-dev openmpi-bin)
  cmake_args+=(-DPARLEY_WITH_MPI=ON)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  echo "tools/setup.sh: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ "${PARLEY_NO_CCACHE:-0}" != 1 ]; then
  cmake_args+=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  # Paths under the clone are hashed relative to it, so the library and the program hit the
  # cache from a clone in another folder too (the tests and benchmarks carry their source path
  # in a -D define, so they hit from the same folder only). The precompiled header needs
  # pch_defines and time_macros to be cacheable at all.
  export CCACHE_BASEDIR="$PWD"
  export CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime
  export CCACHE_NOHASHDIR=1
  # Depend mode hashes the compiler's own dependency output (-MD) instead of preprocessing
  # every file a second time, so a cold cache costs next to nothing over no cache.
  export CCACHE_DEPEND=1
  ccache --max-size=5G >/dev/null
else
  cmake_args+=(-UCMAKE_CXX_COMPILER_LAUNCHER)
fi
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="$build_type" "${cmake_args[@]}" >/dev/null
cmake --build "$build_dir" -j2 "${targets[@]}"
