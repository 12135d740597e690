"""Parley, a negotiation-position game-theory simulator, in Python.

The command line's vocabulary, in process: load a scenario (a YAML file, a GENIUS folder or a
built-in name), change it with ``set`` (the ``--set`` paths), and ask what the commands ask::

    import parley
    talks = parley.load()                       # the default scenario (parley.default_scenario())
    stronger = talks.set("battlefield.advantage.from", 0.5)
    print(stronger.run(runs=2000, seed=1))      # the table `parley run` prints
    stronger.run(runs=2000).outcomes.settled    # a number of its JSON

Each result is the JSON object the same command prints with ``--format json``, number for number
(``parley.results``), with NumPy arrays and pandas DataFrames for its tables. Long calls release
the GIL; ``run``, ``compare`` and ``sweep`` stop on Ctrl-C and report progress to a callback.
docs/python.md has a worked example.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import pandas as pd

from . import _core
from ._core import ScenarioError
from .results import (Analysis, Comparison, Description, NashEquilibria, Record, RegimeMap, Result, RunSummary,
                      Solution, Trace)

__version__: str = _core.__version__

__all__ = [
    "Analysis",
    "Comparison",
    "Description",
    "NashEquilibria",
    "Record",
    "RegimeMap",
    "Result",
    "RunSummary",
    "Scenario",
    "ScenarioError",
    "Solution",
    "Trace",
    "default_scenario",
    "load",
    "nash",
    "read_sweep",
    "scenarios",
    "yaml_text",
]

Progress = Callable[[int, int], Any]


def scenarios() -> list[str]:
    """The names of the scenarios built into Parley (`parley scenarios`)."""
    return _core.scenarios()


def default_scenario() -> str:
    """The name of the scenario every command uses when given none."""
    return _core.default_scenario()


def load(path_or_name: str | os.PathLike | None = None) -> Scenario:
    """A scenario from a YAML file, a GENIUS folder or a built-in name (default:
    ``default_scenario()``), validated as the command line validates it.

    Raises ScenarioError with every problem found (its ``diagnostics`` name file, line, column and
    key)."""
    source = default_scenario() if path_or_name is None else os.fspath(path_or_name)
    return Scenario(_core.load(source))


def yaml_text(value: Any) -> str:
    """A Python value as the YAML text ``--set PATH=VALUE`` takes: a str as it is, True/False as
    true/false, a number as its shortest round-trip decimal, a list or tuple as a flow sequence
    ``[a, b]``, a dict as a flow mapping ``{k: v}``."""
    if isinstance(value, str):
        return value
    if type(value).__module__ == "numpy" and hasattr(value, "item"):
        return yaml_text(value.item())  # a NumPy scalar (np.float64's repr is 'np.float64(0.3)' in NumPy 2)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return float.__repr__(value)  # also for a float subclass, whose repr may not be a number
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{yaml_text(k)}: {yaml_text(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(yaml_text(v) for v in value) + "]"
    return str(value)


def _strategy_texts(strategies: Mapping[str, Iterable[str]] | Iterable[str] | None) -> list[str]:
    """`--strategies` texts: {"russia": ["prolonged", "quick"]} or ["russia=prolonged,quick"]."""
    if strategies is None:
        return []
    if isinstance(strategies, Mapping):
        return [f"{party}={','.join(str(s) for s in names)}" for party, names in strategies.items()]
    if isinstance(strategies, str):
        return [strategies]
    return [str(s) for s in strategies]


def _assignments(spec: Mapping[str, Any] | Iterable[str] | str, what: str) -> list[str]:
    """`PATH=SPEC` texts from a mapping {path: spec} (a spec: "lo:hi:n", "v1,v2", or a list of
    values), a list of texts, or one text."""
    if isinstance(spec, str):
        return [spec]
    if isinstance(spec, Mapping):
        out = []
        for path, value in spec.items():
            if isinstance(value, (list, tuple)):
                value = ",".join(yaml_text(v) for v in value)
            out.append(f"{path}={yaml_text(value)}")
        return out
    out = [str(s) for s in spec]
    if not out:
        raise ValueError(f"{what}: give at least one PATH=SPEC")
    return out


def read_sweep(path: str | os.PathLike) -> pd.DataFrame:
    """A sweep's results CSV (``parley sweep -o FILE`` or ``Scenario.sweep(output=FILE)``) as a
    DataFrame with the file's columns, rows in point order; ``attrs["manifest"]`` holds its
    manifest (FILE.json) when there is one."""
    frame = pd.read_csv(path)
    if "point" in frame:
        frame = frame.sort_values("point", kind="stable").reset_index(drop=True)
    manifest = os.fspath(path) + ".json"
    if os.path.exists(manifest):
        with open(manifest, encoding="utf-8") as f:
            frame.attrs["manifest"] = json.load(f)
    return frame


class Scenario:
    """A validated scenario, with the ``--set`` changes made to it. Immutable: ``set`` returns a
    new scenario."""

    def __init__(self, core: _core.Scenario):
        self._core = core

    @property
    def id(self) -> str:
        """The scenario's id: its file's stem or built-in name."""
        return self._core.id

    @property
    def title(self) -> str:
        """The scenario's title."""
        return self._core.title

    @property
    def horizon(self) -> int:
        """T: the periods of talks and fighting before the conflict freezes."""
        return self._core.horizon

    @property
    def parties(self) -> list[str]:
        """The parties' ids, in the scenario's order."""
        return self._core.parties

    @property
    def source(self) -> str:
        """What it was loaded from: the file, folder or built-in name given to ``load``."""
        return self._core.source

    @property
    def overrides(self) -> list[str]:
        """Every ``PATH=VALUE`` set so far, in order (the ``--set`` arguments that make it)."""
        return self._core.overrides

    def set(self, path: str | Mapping[str, Any] | None, value: Any = None) -> Scenario:
        """A copy with fields changed, as ``--set PATH=VALUE`` changes them: ``set(path, value)``,
        or ``set({path: value, ...})`` for several in order (``set(None)``: an unchanged copy). The same key paths as the command
        line; the value is YAML text or a Python value (``yaml_text``). Raises ScenarioError
        naming ``--set PATH=VALUE`` when the result is not valid."""
        if path is None:
            return Scenario(self._core)  # nothing to change (set(sets or {}) without the `or {}`)
        if isinstance(path, Mapping):
            if value is not None:
                raise TypeError("set(mapping) takes no value")
            core = self._core
            for p, v in path.items():
                core = core.set(str(p), yaml_text(v))
            return Scenario(core)
        if value is None:
            raise TypeError("set(path, value): give the value (YAML text or a Python value)")
        return Scenario(self._core.set(path, yaml_text(value)))

    def describe(self) -> Description:
        """`parley describe --format json`: the scenario in words (str(): its table)."""
        data, text = _core.describe(self._core)
        return Description(json.loads(data), text)

    def analyze(self) -> Analysis:
        """`parley analyze --format json`: war values, absorption, the bargaining range, the Pareto
        frontier, the Nash and Kalai-Smorodinsky packages. ``war_values`` (by period and state),
        ``absorption_by_period`` and ``final_distribution`` are arrays; ``value_table()`` is
        `analyze --format csv`. Releases the GIL."""
        data, text, csv, arrays = _core.analyze(self._core)
        return Analysis(json.loads(data), text, csv, arrays)

    def solve(self, period: int = -1) -> Solution:
        """`parley solve [--period P] --format json`: the subgame-perfect equilibrium; offers
        reported at ``period`` (-1: the first talks). ``to_frame()`` is `solve --format csv`.
        Releases the GIL."""
        data, text, csv = _core.solve(self._core, period)
        return Solution(json.loads(data), text, csv)

    def run(self, runs: int = 10000, seed: int = 1, threads: int = 0, progress: Progress | None = None) -> RunSummary:
        """`parley run --runs N --seed S --threads K --format json`: the Monte Carlo summary, the
        same numbers at any ``threads`` (0: every hardware thread). ``to_frame()`` is `run --format
        csv`. Releases the GIL; Ctrl-C stops it within a block of runs (KeyboardInterrupt);
        ``progress(done, total)`` is called from the calling thread as blocks finish."""
        data, text, csv = _core.run(self._core, runs, seed, threads, progress)
        return RunSummary(json.loads(data), text, csv)

    def trace(self, seed: int = 1) -> Trace:
        """`parley run --trace --seed S --format json`: run 0 of ``seed``, event by event (str():
        the narration `run --trace` prints)."""
        data, text = _core.trace(self._core, seed)
        return Trace(json.loads(data), text)

    def compare(self, strategies: Mapping[str, Iterable[str]] | Iterable[str] | None = None, runs: int = 2000,
                seed: int = 1, threads: int = 0, confidence: float = 0.95, max_runs: int = 0,
                fixed_runs: bool = False, across: Mapping[str, Any] | Iterable[str] | str | None = None,
                tolerance: float | None = None, progress: Progress | None = None) -> Comparison | RegimeMap:
        """`parley compare --format json`: the strategy meta-game.

        ``strategies`` maps a party to its strategies ({'russia': ['prolonged', 'quick:e=0.5']},
        or `--strategies` texts; default: both sides of the battlefield with prolonged and quick);
        the runs start at ``runs`` and double until the equilibrium set at ``confidence`` is
        stable or ``max_runs`` (0: 16 x runs) is spent, unless ``fixed_runs``.

        With ``across`` (`--across`: "PATH=lo:hi:n", {path: "lo:hi:n"}, or two of them, a map
        along the first at each value of the second), the regime map: the meta-game at every
        value with the same random numbers, each boundary bisected to ``tolerance`` (default: the
        smallest grid step / 8; 0: no bisection); returns a RegimeMap.

        Releases the GIL; Ctrl-C stops it (KeyboardInterrupt); ``progress(done, total)`` gets the
        runs of the meta-game being played."""
        texts = _strategy_texts(strategies)
        if across is None:
            if tolerance is not None:
                raise ValueError("tolerance is for a regime map: give across= too")
            data, text, csv = _core.compare(self._core, texts, runs, seed, threads, confidence, max_runs, fixed_runs,
                                            progress)
            return Comparison(json.loads(data), text, csv)
        specs = _assignments(across, "across")
        data, text = _core.regime_map(self._core, specs, texts, runs, seed, threads, confidence, max_runs, fixed_runs,
                                      -1.0 if tolerance is None else float(tolerance), progress)
        return RegimeMap(json.loads(data), text)

    def sweep(self, vary: Mapping[str, Any] | Iterable[str] | str, runs: int = 1000, seed: int = 1,
              threads: int = 0, design: str = "grid", samples: int = 0, metrics: Iterable[str] | None = None,
              meta_game: bool = False, strategies: Mapping[str, Iterable[str]] | Iterable[str] | None = None,
              output: str | os.PathLike | None = None, resume: bool = False, overwrite: bool = False,
              max_points: int = 0, progress: Progress | None = None) -> pd.DataFrame:
        """`parley sweep SCENARIO --set ... --vary PATH=SPEC ... -o FILE`: this scenario (its
        ``overrides`` as ``--set``) simulated at every point of a design, as a DataFrame with the
        results CSV's columns, rows in point order.

        ``vary`` maps a path to a SPEC ("lo:hi:n", "v1,v2", "lo:hi" for random, lhs and sobol
        designs, or a list of values). ``design``: grid, random, lhs or sobol (``samples``
        points, or base samples for sobol). ``metrics``: the metric columns to keep (patterns
        with *). ``meta_game``: also the meta-game at every point (``meta.*`` columns), for the
        ``strategies``. Rows are written to ``output`` (default: a temporary file) as points
        finish, with its manifest; ``resume=True`` completes an interrupted file, ``overwrite=True``
        replaces one. Ctrl-C stops after the points in progress (every finished point is kept in
        ``output`` for resume); ``progress(done, total)`` counts points. ``attrs["manifest"]``
        holds the manifest."""
        specs = _assignments(vary, "vary")
        with tempfile.TemporaryDirectory() as folder:
            path = os.fspath(output) if output is not None else os.path.join(folder, "sweep.csv")
            counts = _core.sweep(self._core, specs, path, resume, overwrite, runs, seed, threads, design, samples,
                                 list(metrics or []), meta_game, _strategy_texts(strategies), max_points, progress)
            frame = read_sweep(path)
        frame.attrs["counts"] = counts
        return frame

    def __repr__(self) -> str:
        changes = "".join(f" --set {o}" for o in self.overrides)
        return f"<parley.Scenario {self.id}{changes}>"


def nash(A: Any, B: Any, method: str = "enum") -> NashEquilibria:
    """`parley nash GAME.nfg --format json` for the bimatrix game (A, B): A[i][j] and B[i][j] are the
    payoffs of players 1 and 2 when 1 plays row i and 2 column j (lists, NumPy arrays or
    DataFrames; integers, Fractions and floats are taken exactly, floats as their shortest
    decimals). method 'enum': every extreme equilibrium, with the maximal Nash subsets; 'lh':
    Lemke-Howson from each missing label. Every equilibrium is verified before it is returned.
    Releases the GIL while it solves."""
    if isinstance(A, pd.DataFrame):
        A = A.to_numpy()
    if isinstance(B, pd.DataFrame):
        B = B.to_numpy()
    data, text = _core.nash(A, B, method)
    return NashEquilibria(json.loads(data), text)
