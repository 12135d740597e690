"""The results of `import parley`: each is the JSON object the same command prints with
``--format json`` (a ``dict``, so ``result["outcomes"]`` and ``json.dumps(result)`` work as on the
JSON), with

- its fields as attributes (``summary.outcomes.settled``; nested objects read the same way),
- ``to_dict()``: a plain deep copy, the JSON's names and numbers,
- ``str(result)`` and a notebook's display: the table the command prints by default,
- NumPy arrays and pandas DataFrames for its tables (each class lists its own).

A field whose name is also a ``dict`` method (``items``, ``keys``, ``values``, ``get``, ``copy``...)
is read with ``result["values"]``; one named like a Python keyword with a trailing underscore
(``advantage.from_``) or ``advantage["from"]``.
"""

from __future__ import annotations

import io
import json
from typing import Any

import numpy as np
import pandas as pd

__all__ = [
    "Result",
    "Record",
    "Description",
    "Analysis",
    "Solution",
    "RunSummary",
    "Trace",
    "Comparison",
    "RegimeMap",
    "NashEquilibria",
]

OUTCOMES = ("settled", "collapse_a", "collapse_b", "frozen")


def _wrap(value: Any) -> Any:
    """A JSON value for attribute access: objects as Records, arrays element by element."""
    if isinstance(value, dict) and not isinstance(value, Record):
        return Record(value)
    if isinstance(value, list):
        return [_wrap(v) for v in value]
    return value


class Record(dict):
    """A JSON object whose fields are also attributes (``record.name`` is ``record["name"]``)."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        try:
            return _wrap(self[name])
        except KeyError:
            # A field named like a Python keyword reads with a trailing underscore: advantage.from_.
            if name.endswith("_") and name[:-1] in self:
                return _wrap(self[name[:-1]])
            raise AttributeError(f"{type(self).__name__} has no field {name!r} (fields: {', '.join(self)})") from None

    def __dir__(self) -> list[str]:
        return sorted(set(super().__dir__()) | {k for k in self if k.isidentifier()})

    def to_dict(self) -> dict:
        """A plain deep copy: dicts, lists, numbers, strings and booleans, as the JSON has them."""
        return json.loads(json.dumps(self))


class Result(Record):
    """What one command printed: its JSON object, with its table as ``str()`` (and its CSV, where
    the command writes one, behind the class's ``to_frame()``)."""

    command = ""

    def __init__(self, data: dict, text: str = "", csv: str | None = None):
        super().__init__(data)
        self._text = text
        self._csv = csv

    # Pickling and copying keep the texts (dict's own protocol would drop the attributes' state).
    def __reduce__(self):
        return (type(self), (dict(self), self._text, self._csv))

    def __str__(self) -> str:
        return self._text or json.dumps(self, indent=2)

    def __repr__(self) -> str:
        name = self.get("scenario") or self.get("game") or ""
        return f"<parley.{type(self).__name__} of `parley {self.command}{' ' + name if name else ''}`>"

    def _repr_pretty_(self, printer, cycle) -> None:  # IPython and Jupyter show the table
        printer.text(repr(self) if cycle else str(self))

    def _csv_frame(self) -> pd.DataFrame:
        if self._csv is None:
            raise ValueError(f"`parley {self.command}` writes no CSV")
        return pd.read_csv(io.StringIO(self._csv))


class Description(Result):
    """`parley describe --format json`: the scenario in words (parties, issues, battlefield...)."""

    command = "describe"


class Analysis(Result):
    """`parley analyze --format json`: war values, absorption, the bargaining range, the frontier,
    the Nash and Kalai-Smorodinsky packages; with the exact tables as arrays."""

    command = "analyze"

    def __init__(self, data: dict, text: str = "", csv: str | None = None, arrays: dict | None = None):
        super().__init__(data, text, csv)
        self._arrays = arrays or {}

    def __reduce__(self):
        return (type(self), (dict(self), self._text, self._csv, self._arrays))

    @property
    def war_values(self) -> dict[str, np.ndarray]:
        """V_i(t, s) for every party i (by id): an array of shape (T + 1, states), row t the value
        at period t of fighting to the end from each state of the front (DESIGN 1.4), under the
        true schedule; one state without a battlefield. ``war_values[i][0, s0]`` is ``war_value[i]``."""
        return self._arrays.get("war_values", {})

    @property
    def absorption_by_period(self) -> pd.DataFrame:
        """P(side A collapses in period t) and P(side B collapses in period t), t = 0..T-1 (the war
        lasts t + 1 periods), by row; their sums are ``absorption.collapse_a`` and ``.collapse_b``.
        Empty without a battlefield."""
        a = self._arrays.get("absorption")
        if a is None:
            return pd.DataFrame(columns=["collapse_a", "collapse_b"])
        frame = pd.DataFrame({"collapse_a": a["collapse_a"], "collapse_b": a["collapse_b"]})
        frame.index.name = "period"
        return frame

    @property
    def final_distribution(self) -> np.ndarray:
        """pi_T: the probability of each state of the front at the horizon (the frozen mass on the
        interior, the collapses at the thresholds). Empty without a battlefield."""
        a = self._arrays.get("absorption")
        return np.asarray([] if a is None else a["final_distribution"], dtype=float)

    def value_table(self) -> pd.DataFrame:
        """`parley analyze --format csv`: V_i(0, s), each party's value of fighting on, by state s."""
        return self._csv_frame()

    def frontier_table(self) -> pd.DataFrame:
        """The Pareto frontier: one row per vertex, each party's utility, the edge to the next
        vertex (``segment``: every point between is an agreement; ``gap``: none is) and the
        package."""
        points = self["frontier"]["points"]
        return pd.DataFrame([{**p["utilities"], "edge_to_next": p.get("edge_to_next", ""), "agreement": p["agreement"]}
                             for p in points])

    @property
    def frontier_utilities(self) -> np.ndarray:
        """The frontier's vertices as an array of shape (vertices, parties), over the parties the
        frontier is drawn for (the veto parties, in the scenario's order: the first columns of
        ``frontier_table()``)."""
        points = self["frontier"]["points"]
        if not points:
            return np.zeros((0, 0))
        parties = list(points[0]["utilities"])
        return np.array([[p["utilities"][i] for i in parties] for p in points], dtype=float)


class Solution(Result):
    """`parley solve --format json`: the subgame-perfect equilibrium of the bargaining game."""

    command = "solve"

    def to_frame(self) -> pd.DataFrame:
        """`parley solve --format csv`: the offers and values at the reported period, by state."""
        return self._csv_frame()


class RunSummary(Result):
    """`parley run --format json`: the Monte Carlo summary (outcomes with intervals, durations,
    payoffs, terms)."""

    command = "run"

    def to_frame(self) -> pd.DataFrame:
        """`parley run --format csv`: the summary as one row, with the CSV's columns."""
        return self._csv_frame()

    def outcome_table(self) -> pd.DataFrame:
        """P(each way the war ends) with its 95% Wilson interval, one row per outcome."""
        rows = []
        for k in OUTCOMES:
            lo, hi = self.get("outcomes_ci95", {}).get(k, [np.nan, np.nan])
            rows.append({"outcome": k, "probability": self["outcomes"][k], "ci_low": lo, "ci_high": hi})
        return pd.DataFrame(rows).set_index("outcome")

    def settlement_curve(self) -> pd.DataFrame:
        """By period: the share of runs settled at or before it (``settled``) and the share of wars
        over by any means (``ended``), from the settlement counts and the duration histogram."""
        n = self["runs"]
        counts = np.asarray(self["settlement_period"]["counts"], dtype=float)
        ended = np.asarray(self["duration"]["histogram"], dtype=float)
        periods = np.arange(max(len(counts), len(ended)))
        settled = np.zeros(len(periods))
        settled[: len(counts)] = counts
        over = np.zeros(len(periods))
        over[: len(ended)] = ended
        frame = pd.DataFrame({"settled": np.cumsum(settled) / n, "ended": np.cumsum(over) / n}, index=periods)
        frame.index.name = "period"
        return frame

    @property
    def duration_histogram(self) -> np.ndarray:
        """Runs whose war lasted d periods, d = 0..T."""
        return np.asarray(self["duration"]["histogram"], dtype=np.int64)


class Trace(Result):
    """`parley run --trace --format json`: one episode's events, period by period."""

    command = "run --trace"

    def to_frame(self) -> pd.DataFrame:
        """One row per event (talks, offer, answer, fighting, end...), nested fields flattened
        with dots (``parties.russia.reservation``)."""
        return pd.json_normalize(self["events"])


class Comparison(Result):
    """`parley compare --format json`: the strategy meta-game (payoffs, equilibria, best replies)."""

    command = "compare"

    def _matrices(self, key: str) -> dict[str, pd.DataFrame]:
        p1, p2 = self["players"]
        rows, cols = self["strategies"][p1], self["strategies"][p2]
        return {p: pd.DataFrame(self[key][p], index=pd.Index(rows, name=p1), columns=pd.Index(cols, name=p2))
                for p in (p1, p2)}

    def payoff_matrices(self) -> dict[str, pd.DataFrame]:
        """Each player's expected payoff by profile: rows the first player's strategies, columns
        the second's."""
        return self._matrices("payoffs")

    def standard_error_matrices(self) -> dict[str, pd.DataFrame]:
        """The standard errors of ``payoff_matrices()``, in the same shape."""
        return self._matrices("standard_errors")

    def to_frame(self) -> pd.DataFrame:
        """`parley compare --format csv`: one row per profile (payoffs, standard errors, settled
        share, mean duration)."""
        return self._csv_frame()


class RegimeMap(Result):
    """`parley compare --across PATH=SPEC --format json`: the meta-game along a parameter and the
    boundaries where its answer changes; with two parameters, ``maps`` and ``curves``."""

    command = "compare --across"

    def to_frame(self) -> pd.DataFrame:
        """One row per value played: the value (and the second parameter's, for two), the runs,
        the equilibrium set in words and each best reply in words."""
        maps = self["maps"] if "maps" in self else [self]
        rows = []
        for m in maps:
            for point in m["points"]:
                row = {m["parameter"]: point["value"]}
                if m.get("second_parameter"):
                    row[m["second_parameter"]] = m["second_value"]
                row["runs"] = point["runs"]
                row["equilibria"] = point["equilibrium_set"]
                for reply in point["best_replies"]:
                    row[f"{reply['player']} vs {reply['against']}"] = reply["reply"]
                rows.append(row)
        return pd.DataFrame(rows)


class NashEquilibria(Result):
    """`parley nash GAME --format json`: every equilibrium of a bimatrix game, verified."""

    command = "nash"

    def to_frame(self) -> pd.DataFrame:
        """One row per equilibrium: each player's probability of each strategy
        (``1:<strategy>``) and each player's payoff (``payoff.<player>``)."""
        rows = []
        for eq in self["equilibria"]:
            row = {}
            for player, probabilities in eq["probabilities"].items():
                for name, x in zip(self["strategies"][player], probabilities):
                    row[f"{player}:{name}"] = x
            for player, value in eq["payoffs"].items():
                row[f"payoff.{player}"] = value
            rows.append(row)
        return pd.DataFrame(rows)
