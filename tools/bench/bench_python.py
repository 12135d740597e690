#!/usr/bin/python3
"""The overhead of `import parley` against the command line (issue 19's targets):

- ``run`` of 10^4 episodes of the default scenario from Python, against ``parley run --runs 10000
  --format json`` as a process: the median of several repetitions each (target: Python within 5%
  of the command line, ratio <= 1.05);
- N calls of ``analyze`` on a small scenario (fearon) in one process, against N invocations of
  ``parley analyze fearon --format json`` (target: at least 20x faster).

    PYTHONPATH=build/python /usr/bin/python3 tools/bench/bench_python.py [--cli build/parley]
        [--calls 10000] [--repeats 7]

Both sides produce the same JSON (tests/python/test_module.py holds them equal); the Python side
also builds its table and CSV and parses the JSON into a result object, so its figure is the whole
cost a notebook pays. tools/benchmarks.sh runs this when the module is built.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

import parley


def timed(action) -> float:
    """Wall seconds of one call of ``action``."""
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cli", default="build/parley", help="the parley program (default: build/parley)")
    parser.add_argument("--calls", type=int, default=10000, help="analyze calls and CLI invocations (default 10^4)")
    parser.add_argument("--repeats", type=int, default=7, help="repetitions of each run timing (default 7)")
    parser.add_argument("--runs", type=int, default=10000, help="episodes of each run (default 10^4)")
    args = parser.parse_args()

    print(f"module: {parley.__file__}, version {parley.__version__}; program: {args.cli}")

    # run: the same seed and runs on both sides, alternated so that drift in the machine's load
    # falls on both; every hardware thread on both (threads=0 is the command's default too).
    talks = parley.load()
    talks.run(runs=200)  # warm: the scenario's tables, the thread pool's first start
    command = [args.cli, "run", "--runs", str(args.runs), "--seed", "1", "--format", "json"]
    in_python, in_cli = [], []
    for _ in range(args.repeats):
        in_python.append(timed(lambda: talks.run(runs=args.runs, seed=1)))
        in_cli.append(timed(lambda: subprocess.run(command, check=True, capture_output=True)))
    py, cli = statistics.median(in_python), statistics.median(in_cli)
    print(f"run of {args.runs} episodes, {parley.default_scenario()}: Python {py:.3f} s, command line {cli:.3f} s "
          f"(medians of {args.repeats}); ratio {py / cli:.3f} (target <= 1.05)")

    # analyze: N calls in this process against N processes.
    small = parley.load("fearon")
    python_seconds = timed(lambda: [small.analyze() for _ in range(args.calls)])
    command = [args.cli, "analyze", "fearon", "--format", "json"]
    cli_seconds = timed(lambda: [subprocess.run(command, check=True, capture_output=True) for _ in range(args.calls)])
    print(f"{args.calls} analyze calls, fearon: Python {python_seconds:.2f} s ({python_seconds / args.calls * 1e6:.0f} us "
          f"each), command line {cli_seconds:.2f} s ({cli_seconds / args.calls * 1e3:.2f} ms each); "
          f"{cli_seconds / python_seconds:.0f}x faster (target >= 20x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
