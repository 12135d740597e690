#!/usr/bin/env bash
# Installs what Parley needs from Debian's packages (only what is missing), then configures
# and builds it. Usage: tools/setup.sh [--build-dir DIR] [--sanitize] [--werror] [--mpi] [--notebooks]
#   --build-dir DIR  build here (default: build)
#   --sanitize       AddressSanitizer + UndefinedBehaviorSanitizer build (Debug, no benchmarks)
#   --werror         treat warnings as errors
#   --mpi            also install OpenMPI and build with it (mpirun -np P parley sweep ...)
#   --notebooks      also install Debian's Python packages the notebooks and plots use
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=build
build_type=Release
cmake_args=()
want_notebooks=0
want_mpi=0
while [ $# -gt 0 ]; do
  case "$1" in
    --build-dir) build_dir=$2; shift ;;
    --sanitize) build_type=Debug; cmake_args+=(-DPARLEY_SANITIZE=ON -DCMAKE_CXX_FLAGS=-O1 -DPARLEY_BUILD_BENCHMARKS=OFF) ;;
    --werror) cmake_args+=(-DPARLEY_WERROR=ON) ;;
    --mpi) want_mpi=1 ;;
    --notebooks) want_notebooks=1 ;;
    *) echo "tools/setup.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

packages=(g++ cmake ninja-build libeigen3-dev libboost-program-options-dev catch2 libyaml-cpp-dev
          libtinyxml2-dev)
if [ "$want_notebooks" = 1 ]; then
  packages+=(python3-numpy python3-pandas python3-matplotlib python3-yaml jupyter-nbconvert
             python3-ipykernel python3-nbformat python3-nbclient)
fi
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

cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="$build_type" "${cmake_args[@]}" >/dev/null
cmake --build "$build_dir" -j2
