#!/usr/bin/python3
"""Plots of Parley's results, as a module and as a command.

Every function reads what the ``parley`` binary prints (JSON or CSV) -- it never recomputes
the model -- and every plot says which command its data came from. The binary is
``$PARLEY_CLI`` if set, else ``<repo>/build/parley`` if it was built, else ``parley`` on
``PATH``; when none is there, the error says in one line what to run.

As a module::

    import plot as pp
    run = pp.run_json("ukraine-2025", runs=2000, seed=1)
    pp.plot_settlement({"as in the file": run})

The drawing and reshaping functions take the JSON as a dict, so they take the results of the
Python module ``parley`` unchanged (each is the same command's JSON); the notebooks get their data
that way and use only those functions::

    import parley, plot as pp
    pp.plot_settlement({"as in the file": parley.load().run(runs=2000, seed=1)})

As a command, one subcommand per picture, each writing a PNG::

    tools/plot.py outcomes   [SCENARIO] [--set P=V]... [--runs N] [--seed S] -o out.png
    tools/plot.py settlement [SCENARIO] [--variant 'LABEL:P=V;P=V']... -o out.png
    tools/plot.py value      [SCENARIO] [--set P=V]... -o out.png
    tools/plot.py frontier   [SCENARIO] [--set P=V]... -o out.png
    tools/plot.py payoff     [SCENARIO] [--strategies PARTY=S1,S2]... -o out.png
    tools/plot.py regime     [SCENARIO] --across PATH=SPEC [--strategies PARTY=S1,S2]... -o out.png
    tools/plot.py sweep results.csv --x PATH --y PATH --metric COLUMN -o out.png

``--input FILE`` makes a subcommand read a JSON (or, for ``value``, CSV) file that parley
already wrote instead of calling the binary.
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import matplotlib

if "ipykernel" not in sys.modules:  # scripts and CI draw off-screen; notebooks keep inline
    matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


# --------------------------------------------------------------------------------------------
# Calling the binary
# --------------------------------------------------------------------------------------------

class ParleyNotFound(RuntimeError):
    """No parley binary: its message is the one line that says what to run."""

    def _render_traceback_(self):
        # IPython shows this instead of a traceback, so a notebook says one line, not a stack.
        return [f"ParleyNotFound: {self}"]


def cli_path() -> str:
    """The parley binary, found the way a user expects: $PARLEY_CLI (which must exist), else
    <repo>/build/parley, else ``parley`` on PATH. Raises ParleyNotFound when there is none."""
    explicit = os.environ.get("PARLEY_CLI")
    if explicit:
        if shutil.which(explicit) is None:
            raise ParleyNotFound(f"PARLEY_CLI={explicit} is not an executable file: build Parley "
                                 f"with `tools/setup.sh` (in {REPO}) or point PARLEY_CLI at the binary")
        return explicit
    built = REPO / "build" / "parley"
    if os.access(built, os.X_OK):
        return str(built)
    on_path = shutil.which("parley")
    if on_path:
        return on_path
    raise ParleyNotFound(f"no parley binary (not $PARLEY_CLI, {built}, nor on PATH): run "
                         f"`tools/setup.sh` in {REPO}, or set PARLEY_CLI to the binary")


def parley(*args: str) -> str:
    """Run ``parley ARGS...`` and return its standard output; raise with its stderr on failure."""
    cmd = [cli_path(), *map(str, args)]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stderr.strip()}")
    return proc.stdout


def _scenario_args(scenario=None, sets=None, runs=None, seed=None, extra=()) -> list[str]:
    """Common options: the scenario, --set PATH=VALUE (a dict or a list of strings), --runs, --seed."""
    args: list[str] = []
    if scenario:
        args.append(str(scenario))
    if isinstance(sets, dict):
        sets = [f"{k}={v}" for k, v in sets.items()]
    for s in sets or []:
        args += ["--set", s]
    if runs is not None:
        args += ["--runs", str(runs)]
    if seed is not None:
        args += ["--seed", str(seed)]
    return args + [str(e) for e in extra]


def run_json(scenario=None, sets=None, runs=2000, seed=1, extra=()) -> dict:
    """``parley run --format json``: outcome probabilities, durations, payoffs, terms."""
    return json.loads(parley("run", *_scenario_args(scenario, sets, runs, seed, extra), "--format", "json"))


def trace_json(scenario=None, sets=None, seed=1) -> dict:
    """``parley run --trace --format json``: one episode's events (talks, offers, answers, fighting)."""
    return json.loads(parley("run", *_scenario_args(scenario, sets, None, seed), "--trace", "--format", "json"))


def analyze_json(scenario=None, sets=None) -> dict:
    """``parley analyze --format json``: war values, absorption, ZOPA, frontier, Nash and KS points."""
    return json.loads(parley("analyze", *_scenario_args(scenario, sets), "--format", "json"))


def value_table(scenario=None, sets=None) -> pd.DataFrame:
    """``parley analyze --format csv``: V_i(0, s), each party's value of fighting to the end, by state s."""
    return pd.read_csv(io.StringIO(parley("analyze", *_scenario_args(scenario, sets), "--format", "csv")))


def solve_json(scenario=None, sets=None, extra=()) -> dict:
    """``parley solve --format json``: the subgame-perfect equilibrium values and offers."""
    return json.loads(parley("solve", *_scenario_args(scenario, sets, extra=extra), "--format", "json"))


def describe_json(scenario=None, sets=None) -> dict:
    """``parley describe --format json``: parties, issues (with clause texts), proposals, battlefield."""
    return json.loads(parley("describe", *_scenario_args(scenario, sets), "--format", "json"))


def compare_json(scenario=None, sets=None, strategies=None, runs=500, seed=1) -> dict:
    """``parley compare --format json``: the strategy meta-game (payoff matrices, equilibria).

    ``strategies`` maps a party id to a list of strategy names (default: the binary's own).
    """
    extra = []
    for party, names in (strategies or {}).items():
        extra += ["--strategies", f"{party}={','.join(names)}"]
    return json.loads(parley("compare", *_scenario_args(scenario, sets, runs, seed, extra), "--format", "json"))


def regime_json(across, scenario=None, sets=None, strategies=None, runs=500, seed=1,
                tolerance=None) -> dict:
    """``parley compare --across PATH=SPEC --format json``: the meta-game at every value of one
    numeric field and the boundaries where its answer changes (a regime map). ``across`` may be
    a list of two: one map along the first at each value of the second (JSON with ``maps`` and
    ``curves``)."""
    extra = []
    for spec in [across] if isinstance(across, str) else across:
        extra += ["--across", spec]
    for party, names in (strategies or {}).items():
        extra += ["--strategies", f"{party}={','.join(names)}"]
    if tolerance is not None:
        extra += ["--tolerance", str(tolerance)]
    return json.loads(parley("compare", *_scenario_args(scenario, sets, runs, seed, extra), "--format", "json"))


def sweep_csv(vary: dict, output=None, scenario=None, sets=None, runs=200, seed=1, metrics=None) -> pd.DataFrame:
    """``parley sweep --vary PATH=SPEC ... -o FILE``: one row per design point, read back as a table.

    ``vary`` maps a --set path to a SPEC (``lo:hi:n`` or ``v1,v2,...``). Without ``output`` the
    CSV goes to a temporary folder.
    """
    args = ["sweep", *_scenario_args(scenario, sets, runs, seed)]
    for path, spec in vary.items():
        args += ["--vary", f"{path}={spec}"]
    if metrics:
        args += ["--metrics", ",".join(metrics)]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(output) if output else Path(tmp) / "sweep.csv"
        parley(*args, "-o", out, "--force", "-q")
        return read_sweep(out)


def read_sweep(path) -> pd.DataFrame:
    """A sweep's tidy CSV (written by ``parley sweep``), rows sorted by design point."""
    return pd.read_csv(path).sort_values("point").reset_index(drop=True)


# --------------------------------------------------------------------------------------------
# Tables derived from the JSON (no model computation: only reshaping)
# --------------------------------------------------------------------------------------------

def _load_results():
    """The reshaping the package ``parley`` gives its results (sim/python/parley/results.py),
    loaded from the source tree: it needs numpy and pandas only, not the compiled module, so
    command-line users and the notebooks share one definition of these tables."""
    path = Path(__file__).resolve().parent.parent / "sim" / "python" / "parley" / "results.py"
    spec = importlib.util.spec_from_file_location("parley_results", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_results = _load_results()
OUTCOMES = list(_results.OUTCOMES)


def outcome_table(run: dict) -> pd.DataFrame:
    """Outcome probabilities and their 95% intervals from ``parley run --format json``."""
    return _results.RunSummary(run).outcome_table()


def settlement_curve(run: dict) -> pd.DataFrame:
    """Share of runs settled at or before each period, and share of wars ended by any means.

    From ``settlement_period.counts`` (settlements per period) and ``duration.histogram``
    (runs whose war lasted d periods) of ``parley run --format json``.
    """
    return _results.RunSummary(run).settlement_curve()


def frontier_table(analysis: dict) -> pd.DataFrame:
    """The Pareto frontier of ``parley analyze --format json``: one row per vertex, with the edge
    to the next vertex (``segment``: every point between is an agreement; ``gap``: none is)."""
    return _results.Analysis(analysis).frontier_table()


def payoff_frames(comparison: dict) -> dict:
    """Each player's payoff matrix from ``parley compare --format json`` (rows: first player's
    strategies, columns: second player's)."""
    return _results.Comparison(comparison).payoff_matrices()


def pure_equilibria(comparison: dict) -> list[tuple[int, int]]:
    """(row, column) cells of the pure Nash equilibria listed by ``parley compare``."""
    p1, p2 = comparison["players"]
    cells = []
    for eq in comparison["equilibria"]:
        a, b = np.asarray(eq["probabilities"][p1]), np.asarray(eq["probabilities"][p2])
        if np.isclose(a.max(), 1) and np.isclose(b.max(), 1):
            cells.append((int(a.argmax()), int(b.argmax())))
    return cells


def trace_table(trace: dict) -> pd.DataFrame:
    """One row per talks event of ``parley run --trace --format json``: period, front, and each
    party's reservation value, aspiration and belief (posterior over its hypotheses)."""
    rows = []
    for ev in trace["events"]:
        if ev["event"] != "talks":
            continue
        row = {"period": ev["period"], "front": ev["front"]}
        for pid, view in ev["parties"].items():
            row[f"{pid}.reservation"] = view.get("reservation")
            row[f"{pid}.aspiration"] = view.get("aspiration")
            row[f"{pid}.belief"] = view.get("belief")
        rows.append(row)
    return pd.DataFrame(rows).set_index("period")


def trace_end(trace: dict) -> dict:
    """The last event of a traced episode (how and when it ended), as parley reports it."""
    return trace["events"][-1]


def sweep_rows(df: pd.DataFrame, where: dict | None = None) -> pd.DataFrame:
    """The rows of a sweep with status ``ok`` whose columns equal ``where``'s values: numbers as
    numbers (``--where x=0`` keeps the rows where x is 0.0), anything else as text."""
    d = df[df["status"] == "ok"] if "status" in df else df
    for k, v in (where or {}).items():
        if k not in d:
            raise ValueError(f"--where {k}: no such column in the sweep")
        try:
            keep = pd.to_numeric(d[k], errors="coerce") == float(v)
        except (TypeError, ValueError):
            keep = d[k].astype(str) == str(v)
        d = d[keep]
    if d.empty:
        raise ValueError("no sweep rows left to plot (check status and --where)")
    return d


def sweep_grid(df: pd.DataFrame, x: str, y: str, metric: str, where: dict | None = None) -> pd.DataFrame:
    """Pivot a sweep into a y-by-x grid of ``metric`` (mean over any other varied parameter).

    Only rows with status ``ok`` are used; ``where`` keeps rows whose columns equal given values.
    """
    d = sweep_rows(df, where)
    grid = d.pivot_table(index=y, columns=x, values=metric, aggfunc="mean")

    def order(col):
        """Numbers ascending; names (strategies, levels) in the order the sweep lists them."""
        vals = pd.unique(d.sort_values("point")[col]) if "point" in d else pd.unique(d[col])
        return sorted(vals) if pd.api.types.is_numeric_dtype(d[col]) else list(vals)

    return grid.reindex(index=order(y), columns=order(x))


def sweep_scope(df: pd.DataFrame, x: str, y: str, where: dict | None = None) -> str:
    """What a sweep plot of x and y fixes and averages, in words: "where tempo = 0.4" for each
    ``where`` filter, "mean over advantage (3 values)" for every other varied parameter that
    still takes more than one value, "" when there is nothing of the kind."""
    try:
        d = sweep_rows(df, where)
    except ValueError:  # nothing left: the plot says so itself
        d = df
    parts = [f"where {k} = {v}" for k, v in (where or {}).items()]
    columns = list(df.columns)
    varied = columns[columns.index("point") + 1:columns.index("seed")] if {"point", "seed"} <= set(columns) else []
    for k in varied:
        if k in (x, y) or k in (where or {}):
            continue
        n = d[k].nunique()
        if n > 1:
            parts.append(f"mean over {k} ({n} values)")
    return "; ".join(parts)


# --------------------------------------------------------------------------------------------
# Plots (each returns its Axes or Figure; nothing is shown or saved here)
# --------------------------------------------------------------------------------------------

def _ax(ax, size=(6, 4)):
    """The given Axes, or a new one in a new figure."""
    if ax is None:
        _, ax = plt.subplots(figsize=size, layout="constrained")
    return ax


def plot_outcomes(run: dict, ax=None, title=None):
    """Bar chart of how episodes end (settled, collapse of A, collapse of B, frozen) with 95%
    intervals, from ``parley run --format json``."""
    ax = _ax(ax)
    t = outcome_table(run)
    err = np.vstack([t["probability"] - t["ci_low"], t["ci_high"] - t["probability"]]).clip(min=0)
    ax.bar(t.index, t["probability"], yerr=err, capsize=4, color=["#4c72b0", "#c44e52", "#dd8452", "#8c8c8c"])
    for i, p in enumerate(t["probability"]):
        ax.text(i, p + 0.02, f"{p:.3f}", ha="center", va="bottom", fontsize=9)
    ax.set_ylim(0, 1.1)
    ax.set_ylabel("probability")
    ax.set_title(title or f"{run.get('title', run.get('scenario', ''))}\nhow episodes end "
                 f"({run['runs']} runs, seed {run['seed']}; parley run)", fontsize=10)
    return ax


def plot_settlement(runs, ax=None, title=None, ended=False):
    """Share of episodes settled by each period (cumulative), one line per run, from
    ``parley run --format json``; ``ended=True`` adds the share of wars over by any means.

    With a durability section a settlement counts when its peace held to the horizon, and the
    war's length counts its periods of fighting, before and after any breakdown (DESIGN 1.10):
    the dotted line is then the share that fought at most that long, and says so."""
    if isinstance(runs, dict) and "runs" in runs and "outcomes" in runs:
        runs = {runs.get("scenario", "run"): runs}
    ax = _ax(ax)
    period = "period"
    for label, run in runs.items():
        c = settlement_curve(run)
        line, = ax.step(c.index, c["settled"], where="post", label=label)
        if ended:
            what = "fought at most this long (any end)" if "durability" in run else "war over (any end)"
            ax.step(c.index, c["ended"], where="post", ls=":", color=line.get_color(), label=f"{label}: {what}")
        period = run.get("period", period)
    ax.set_xlabel(f"{period}s from the start")
    durable = any("durability" in run for run in runs.values())
    ax.set_ylabel("share settled by then" + (" (peace held to the end)" if durable else ""))
    ax.set_ylim(0, 1.02)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8)
    ax.set_title(title or "Settlement-time curve (parley run)", fontsize=10)
    return ax


def plot_value_function(table: pd.DataFrame, parties=None, ax=None, start=None, title=None):
    """V_i(0, s): each party's value of fighting to the end from each state of the front, from
    ``parley analyze --format csv``; ``start`` marks the starting state. Where a party's prior
    makes it believe another value (the ``<id>_believed`` column), that is drawn dashed."""
    ax = _ax(ax)
    parties = parties or [c for c in table.columns
                          if c not in ("state", "share") and not c.endswith("_believed")]
    for p in parties:
        line, = ax.plot(table["share"], table[p], marker="o", ms=3, label=p)
        believed = f"{p}_believed"
        if believed in table and (table[believed] - table[p]).abs().max() > 1e-12:
            ax.plot(table["share"], table[believed], ls="--", color=line.get_color(),
                    label=f"{p} (as it believes)")
    if start is not None:
        ax.axvline(table.loc[table["state"] == start, "share"].iloc[0], color="k", ls="--", lw=0.8,
                   label=f"start (state {start})")
    ax.set_xlabel("s / N: share of the contested territory held by side A")
    ax.set_ylabel("V_i(0, s)")
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8)
    ax.set_title(title or "Value of fighting to the end (parley analyze --format csv)", fontsize=10)
    return ax


def plot_frontier(analysis: dict, ax=None, title=None, label_points=True, solve=None):
    """The veto parties' Pareto frontier (segments where every point is an agreement, dots at the
    vertices), the disagreement point d, the zone of agreement above d, the Nash,
    Kalai-Smorodinsky and maximum-welfare points and every tabled package (the plan), from
    ``parley analyze --format json``; with ``solve`` (``parley solve --format json``), also the
    equilibrium offer at the first talks, marked as passing or not."""
    ax = _ax(ax, (5.5, 5))
    ft = frontier_table(analysis)
    p1, p2 = [c for c in ft.columns if c not in ("edge_to_next", "agreement")][:2]
    ax.plot(ft[p1], ft[p2], ".", color="#4c72b0", ms=4, label="frontier vertices")
    seg = False
    for i in range(len(ft) - 1):
        if ft.loc[i, "edge_to_next"] == "segment":
            ax.plot(ft.loc[i:i + 1, p1], ft.loc[i:i + 1, p2], "-", color="#4c72b0", lw=1.5,
                    label=None if seg else "frontier segments")
            seg = True
    d = analysis.get("disagreement", {})
    if p1 in d and p2 in d:
        ax.plot(d[p1], d[p2], "ks", label=f"disagreement d ({d[p1]:.3f}, {d[p2]:.3f})")
        ax.axvline(d[p1], color="k", lw=0.5, ls=":")
        ax.axhline(d[p2], color="k", lw=0.5, ls=":")
        zone = ft[(ft[p1] >= d[p1]) & (ft[p2] >= d[p2])]
        if not zone.empty:
            ax.fill_between(np.r_[d[p1], zone[p1], zone[p1].iloc[-1]],
                            d[p2], np.r_[zone[p2].iloc[0], zone[p2], d[p2]],
                            step=None, color="#55a868", alpha=0.15, label="zone of agreement")
    for key, marker, name in (("nash", "*", "Nash"), ("kalai_smorodinsky", "D", "Kalai-Smorodinsky"),
                              ("max_welfare", "^", "max welfare")):
        pt = analysis.get(key)
        if pt:
            u = pt["utilities"]
            ax.plot(u[p1], u[p2], marker, ms=11 if marker == "*" else 7,
                    label=f"{name} ({u[p1]:.3f}, {u[p2]:.3f})" if label_points else name)
    for proposal in analysis.get("proposals", []):
        u = proposal["utilities"]
        rejected = ", ".join(proposal.get("rejected_by", [])) or "nobody"
        ax.plot(u[p1], u[p2], "o", ms=8, mfc="none", mew=2,
                label=f"{proposal['party']}'s tabled package (rejected by {rejected})")
    offer = (solve or {}).get("offer")
    if offer:
        # The package's own utilities (with durability `utilities` values the peace it makes).
        u = offer.get("peace", {}).get("utilities") or offer["utilities"]
        ax.plot(u[p1], u[p2], "P", ms=9, label="equilibrium offer at the first talks (parley solve): "
                + ("passes" if offer["settles"] else "not agreed"))
    ax.set_xlabel(f"u_{p1}")
    ax.set_ylabel(f"u_{p2}")
    ax.set_xlim(-0.02, 1.02)
    ax.set_ylim(-0.02, 1.02)
    ax.set_aspect("equal")
    ax.grid(alpha=0.3)
    ax.legend(fontsize=7, loc="lower left")
    ax.set_title(title or f"{analysis.get('title', '')}\nPareto frontier (parley analyze)", fontsize=10)
    return ax


def plot_payoff_matrix(comparison: dict, fig=None, title=None):
    """The strategy meta-game as two heat maps (each player's expected payoff per profile), pure
    Nash equilibria boxed, mixed ones listed, from ``parley compare --format json``."""
    frames = payoff_frames(comparison)
    p1, p2 = comparison["players"]
    fig = fig or plt.figure(figsize=(10, 4.2), layout="constrained")
    axes = fig.subplots(1, 2)
    cells = pure_equilibria(comparison)
    for ax, p in zip(axes, (p1, p2)):
        m = frames[p]
        im = ax.imshow(m.values, cmap="viridis", aspect="auto")
        fig.colorbar(im, ax=ax, shrink=0.8, label=f"expected utility of {p}")
        for (i, j), v in np.ndenumerate(m.values):
            lum = im.norm(v)
            ax.text(j, i, f"{v:.3f}", ha="center", va="center", fontsize=9,
                    color="black" if lum > 0.5 else "white")
        for (i, j) in cells:
            ax.add_patch(plt.Rectangle((j - 0.5, i - 0.5), 1, 1, fill=False, ec="red", lw=3))
        ax.set_xticks(range(m.shape[1]), m.columns)
        ax.set_yticks(range(m.shape[0]), m.index)
        ax.set_xlabel(f"{p2}'s strategy")
        ax.set_ylabel(f"{p1}'s strategy")
        ax.set_title(f"payoff to {p}", fontsize=10)
    notes = []
    for k, eq in enumerate(comparison["equilibria"], 1):
        desc = "; ".join(f"{q}: " + ", ".join(f"{s} {pr:.2f}" for s, pr in
                                              zip(comparison["strategies"][q], eq["probabilities"][q]) if pr > 0)
                         for q in (p1, p2))
        notes.append(f"NE {k}: {desc}")
    fig.suptitle((title or f"{comparison.get('title', '')}: strategy meta-game "
                  f"({comparison['runs']} runs per profile; parley compare)")
                 + "\nred boxes: pure Nash equilibria   " + " | ".join(notes), fontsize=9)
    return fig


def regime_rows(regime: dict) -> pd.DataFrame:
    """A regime map as a table: one row per grid value, one column per feature (the equilibrium
    set, then each best reply), each cell the answer in words, as ``parley compare --across``."""
    rows = []
    for point in regime["points"]:
        row = {"value": point["value"], "equilibria": point["equilibrium_set"]}
        for reply in point["best_replies"]:
            row[f"{reply['player']} vs {reply['against']}"] = reply["reply"]
        rows.append(row)
    return pd.DataFrame(rows).set_index("value")


def plot_regime_map(regime: dict, ax=None, title=None, colours=None):
    """The regime map: one band per feature (the equilibrium set, each best reply) over the
    parameter, coloured by its answer and changing colour at each boundary's bisected estimate,
    with the boundary's bracket shaded (``parley compare --across --format json``). ``colours``
    maps answers to colours (to draw several maps alike); other answers get the default ones."""
    table = regime_rows(regime)
    features = list(table.columns)
    ax = _ax(ax, (10, 1.4 + 0.5 * len(features)))
    x = table.index.to_numpy(dtype=float)
    mids = (x[:-1] + x[1:]) / 2
    outer = (x[0] - (x[1] - x[0]) / 2, x[-1] + (x[-1] - x[-2]) / 2)
    answers = sorted({v for col in features for v in table[col]})
    colours = {**{a: plt.get_cmap("tab20")(k % 20) for k, a in enumerate(answers)}, **(colours or {})}
    row_of = lambda b: 0 if b["feature"] == "equilibria" else features.index(f"{b['player']} vs {b['against']}")  # noqa: E731
    for r, feature in enumerate(features):
        # A cell's edge is its boundary's estimate for this feature, or the cell's middle.
        edges = mids.copy()
        for b in regime["boundaries"]:
            if row_of(b) == r:
                edges[b["cell"]] = b["at"]
        bounds = np.concatenate([[outer[0]], edges, [outer[1]]])
        for k, answer in enumerate(table[feature]):
            ax.barh(r, bounds[k + 1] - bounds[k], left=bounds[k], height=0.8, color=colours[answer], edgecolor="none")
    for b in regime["boundaries"]:
        r = row_of(b)
        ax.fill_between([b["low"], b["high"]], r - 0.45, r + 0.45, color="k", alpha=0.3, lw=0)
        ax.plot([b["at"], b["at"]], [r - 0.45, r + 0.45], color="k", lw=1.2)
    ax.set_yticks(range(len(features)), features)
    ax.set_ylim(len(features) - 0.5, -0.5)
    ax.set_xlim(*outer)
    ax.set_xlabel(regime["parameter"])
    handles = [plt.Rectangle((0, 0), 1, 1, color=colours[a]) for a in answers]
    ax.legend(handles, answers, loc="center left", bbox_to_anchor=(1.01, 0.5), fontsize=8, frameon=False)
    ax.set_title(title or f"{regime['scenario']}: the meta-game over {regime['parameter']}\n(parley compare --across, "
                 f"seed {regime['seed']}; black lines: boundaries by bisection, shaded: their brackets)", fontsize=9)
    ax.figure.set_layout_engine("constrained")
    return ax


def regime_payoffs(regime: dict) -> pd.DataFrame:
    """Every profile's payoffs over the parameter with their standard errors, one row per
    (value, profile, player), from ``parley compare --across --format json`` (``profiles``)."""
    ids = [p["id"] for p in regime["players"]]
    rows = []
    for point in regime["points"]:
        for prof in point["profiles"]:
            for k, pid in enumerate(ids):
                rows.append({"value": point["value"], "profile": f"{prof['row']} / {prof['column']}", "player": pid,
                             "payoff": prof["payoffs"][k], "std_error": prof["std_errors"][k]})
    return pd.DataFrame(rows)


def plot_regime_payoffs(regime: dict, fig=None, title=None, z=1.96):
    """Each player's expected payoff of every profile against the parameter, with bands of
    +- z standard errors (95% for 1.96) and that player's best-reply boundaries as dashed lines
    (``parley compare --across --format json``)."""
    table = regime_payoffs(regime)
    players = regime["players"]
    fig = fig or plt.figure(figsize=(11, 4.2))
    axes = fig.subplots(1, len(players), sharex=True)
    for ax, player in zip(np.atleast_1d(axes), players):
        mine = table[table["player"] == player["id"]]
        for profile, rows in mine.groupby("profile", sort=False):
            line, = ax.plot(rows["value"], rows["payoff"], "-o", ms=3, label=profile)
            ax.fill_between(rows["value"], rows["payoff"] - z * rows["std_error"],
                            rows["payoff"] + z * rows["std_error"], color=line.get_color(), alpha=0.2, lw=0)
        for b in regime["boundaries"]:
            if b.get("player") == player["id"]:
                ax.axvline(b["at"], color="k", ls="--", lw=0.8)
        ax.set_title(f"{player['name']}'s expected payoff", fontsize=10)
        ax.set_xlabel(regime["parameter"])
        ax.grid(alpha=0.3)
    np.atleast_1d(axes)[0].set_ylabel("expected payoff")
    np.atleast_1d(axes)[-1].legend(title=f"{players[0]['name']} / {players[1]['name']}", fontsize=8,
                                   loc="center left", bbox_to_anchor=(1.01, 0.5), frameon=False)
    fig.suptitle(title or f"{regime['scenario']}: payoffs of each profile over {regime['parameter']}\n"
                 f"(parley compare --across, seed {regime['seed']}; bands: 95% intervals; dashed: best-reply "
                 "boundaries)", fontsize=9)
    fig.set_layout_engine("constrained")
    return fig


def sweep_regime_rows(df: pd.DataFrame, varied: list[str]) -> pd.DataFrame:
    """The answers of a ``parley sweep --meta-game`` file in words, one row per point: the pure
    equilibria at the confidence (with the number of mixed ones), and each best reply ("tie: a,
    b" when tied), from the ``meta.*`` indicator columns (io/sweep/meta_game_metrics.hpp)."""
    ok = df[df["status"] == "ok"] if "status" in df else df
    pure = [c for c in ok.columns if c.startswith("meta.equilibrium.")]
    replies: dict[str, list[tuple[str, str]]] = {}
    for c in ok.columns:
        if c.startswith("meta.reply."):
            feature, _, candidate = c[len("meta.reply."):].partition(".is.")
            player, _, against = feature.partition(".vs.")
            replies.setdefault(f"{player} vs {against}", []).append((candidate, c))
    rows = []
    for _, r in ok.iterrows():
        row = {v: r[v] for v in varied}
        eq = [c[len("meta.equilibrium."):].replace(".vs.", " / ") for c in pure if r[c] == 1]
        mixed = int(r.get("meta.mixed", 0))
        row["equilibria"] = "; ".join(eq + ([f"{mixed} mixed"] if mixed else [])) or "none found"
        for feature, candidates in replies.items():
            best = [cand for cand, col in candidates if r[col] == 1]
            row[feature] = best[0] if len(best) == 1 else "tie: " + ", ".join(best)
        rows.append(row)
    return pd.DataFrame(rows)


def plot_sweep_regime(df: pd.DataFrame, x: str, y: str | None = None, where=None, title=None):
    """The regime map of a ``parley sweep --meta-game`` file over one varied parameter (one band
    per feature) or two (one panel per feature, each grid cell coloured by its answer), at the
    grid's resolution: boundaries lie somewhere between neighbouring cells (``compare --across``
    bisects them). Rows are kept by ``where`` (column -> value); the title says what is kept."""
    data = sweep_rows(df, where)
    varied = [x] + ([y] if y else [])
    table = sweep_regime_rows(data, varied)
    if table.duplicated(varied).any():
        raise ValueError(f"another varied parameter takes several values at one ({', '.join(varied)}): an answer "
                         "cannot be averaged, so keep one value of it with --where COLUMN=VALUE")
    features = [c for c in table.columns if c not in varied]
    answers = sorted({v for f in features for v in table[f]})
    colours = {a: plt.get_cmap("tab10")(k % 10) for k, a in enumerate(answers)}
    scope = sweep_scope(df, x, y or x, where)
    if y is None:
        table = table.sort_values(x)
        fig, ax = plt.subplots(figsize=(10, 1.4 + 0.5 * len(features)))
        xs = table[x].to_numpy(dtype=float)
        edges = np.concatenate([[xs[0] - (xs[1] - xs[0]) / 2], (xs[:-1] + xs[1:]) / 2,
                                [xs[-1] + (xs[-1] - xs[-2]) / 2]]) if len(xs) > 1 else np.array([xs[0] - .5, xs[0] + .5])
        for r, feature in enumerate(features):
            for k, answer in enumerate(table[feature]):
                ax.barh(r, edges[k + 1] - edges[k], left=edges[k], height=0.8, color=colours[answer])
        ax.set_yticks(range(len(features)), features)
        ax.set_ylim(len(features) - 0.5, -0.5)
        ax.set_xlabel(x)
    else:
        cols = min(3, len(features))
        rows_n = int(np.ceil(len(features) / cols))
        fig = plt.figure(figsize=(4.2 * cols + 2.5, 3.4 * rows_n))
        axes = np.atleast_1d(fig.subplots(rows_n, cols, squeeze=False)).ravel()
        xv, yv = sorted(table[x].unique()), sorted(table[y].unique())
        for ax, feature in zip(axes, features):
            grid = np.full((len(yv), len(xv), 4), 1.0)
            for _, r in table.iterrows():
                grid[yv.index(r[y]), xv.index(r[x])] = colours[r[feature]]
            ax.imshow(grid, origin="lower", aspect="auto")
            ax.set_xticks(range(len(xv)), [f"{v:g}" for v in xv], rotation=45 if len(xv) > 8 else 0)
            ax.set_yticks(range(len(yv)), [f"{v:g}" for v in yv])
            ax.set_xlabel(x)
            ax.set_ylabel(y)
            ax.set_title(feature, fontsize=9)
        for ax in axes[len(features):]:
            ax.axis("off")
    handles = [plt.Rectangle((0, 0), 1, 1, color=colours[a]) for a in answers]
    if y is not None and len(axes) > len(features):  # a free panel holds the legend
        axes[len(features)].legend(handles, answers, loc="center", fontsize=8, frameon=False)
    else:
        legend_ax = ax if y is None else axes[len(features) - 1]
        legend_ax.legend(handles, answers, loc="center left", bbox_to_anchor=(1.02, 0.5), fontsize=8, frameon=False)
    fig.suptitle(title or "the meta-game at every point (parley sweep --meta-game; boundaries at the grid's "
                 "resolution)" + (f"\n{scope}" if scope else ""), fontsize=9)
    fig.set_layout_engine("constrained")
    return fig


def plot_terms(df: pd.DataFrame, x: str, issue: str, final=False, where=None, ax=None, title=None):
    """Settlement terms of one issue against a varied parameter (``parley sweep`` CSV): an
    ordinal issue's level shares stacked, a clauses issue's clause shares as lines, a continuous
    issue's mean amount; over the settled runs (``terms.*``, their count ``terms.n_settled`` on a
    second axis) or, with ``final``, over every run's terms in force at its end
    (``final_terms.*``, war outcomes included). Other varied parameters are averaged over, and
    the title says so (sweep_scope)."""
    data = sweep_rows(df, where)
    prefix = ("final_terms." if final else "terms.") + issue + "."
    grouped = data.groupby(x).mean(numeric_only=True).sort_index()
    ax = _ax(ax, (7.5, 4.2))
    levels = [c for c in grouped.columns if c.startswith(prefix + "levels.")]
    clauses = [c for c in grouped.columns if c.startswith(prefix + "clauses.")]
    if levels:
        ax.stackplot(grouped.index, *[grouped[c] for c in levels], labels=[c[len(prefix) + 7:] for c in levels],
                     alpha=0.85)
        ax.set_ylim(0, 1)
        ax.set_ylabel(f"share of {'runs' if final else 'settlements'} at each level")
    elif clauses:
        for c in clauses:
            ax.plot(grouped.index, grouped[c], "-o", ms=3, label=c[len(prefix) + 8:])
        ax.set_ylim(0, 1)
        ax.set_ylabel(f"share of {'runs' if final else 'settlements'} with the clause")
    elif prefix + "mean" in grouped:
        ax.plot(grouped.index, grouped[prefix + "mean"], "-o", label=f"mean {issue}")
        ax.set_ylabel(f"mean {issue}")
    else:
        raise ValueError(f"no {prefix}* column in the sweep (is '{issue}' an issue id?)")
    if not final and "terms.n_settled" in grouped:
        count = ax.twinx()
        count.plot(grouped.index, grouped["terms.n_settled"], "k:", lw=1, label="settled runs")
        count.set_ylabel("settled runs per point (dotted)")
    ax.set_xlabel(x)
    ax.legend(fontsize=7, loc="center left", bbox_to_anchor=(1.12, 0.5), frameon=False)
    scope = sweep_scope(df, x, x, where)
    ax.set_title(title or f"{issue}: terms {'in force at the end of every run' if final else 'of the settlements'} "
                 f"(parley sweep)" + (f"\n{scope}" if scope else ""), fontsize=9)
    ax.figure.set_layout_engine("constrained")
    return ax


def plot_regime_maps(regimes: dict, fig=None, title=None):
    """A regime map over two parameters (``parley compare --across A --across B --format json``):
    one band chart along the first parameter per value of the second, stacked, the same answer
    in the same colour in every one (plot_regime_map)."""
    maps = regimes["maps"]
    answers = sorted({v for m in maps for col in regime_rows(m).columns for v in regime_rows(m)[col]})
    colours = {a: plt.get_cmap("tab20")(k % 20) for k, a in enumerate(answers)}
    features = len(regime_rows(maps[0]).columns)
    fig = fig or plt.figure(figsize=(10, len(maps) * (1.0 + 0.45 * features)))
    axes = np.atleast_1d(fig.subplots(len(maps), 1, sharex=True))
    for ax, regime in zip(axes, maps):
        plot_regime_map(regime, ax=ax, colours=colours,
                        title=f"{regime['second_parameter']} = {regime['second_value']}")
    fig.suptitle(title or f"{regimes['scenario']}: the meta-game over {regimes['parameters'][0]} at each "
                 f"{regimes['parameters'][1]}\n(parley compare --across twice; black lines: boundaries by "
                 "bisection, shaded: their brackets)", fontsize=9)
    return fig


def plot_sweep(df: pd.DataFrame, x: str, y: str, metric: str, ax=None, where=None, title=None,
               annotate=None, cmap="viridis"):
    """Heat map of a sweep metric over two varied parameters (``parley sweep`` CSV); the mean is
    taken over any other varied parameter, and the title says so, and which ``where`` filters
    it applies (sweep_scope)."""
    grid = sweep_grid(df, x, y, metric, where)
    ax = _ax(ax, (6.5, 4.5))
    im = ax.imshow(grid.values, origin="lower", aspect="auto", cmap=cmap)
    ax.figure.colorbar(im, ax=ax, label=metric)
    fmt = lambda v: f"{v:g}" if isinstance(v, (int, float, np.floating)) else str(v)  # noqa: E731
    ax.set_xticks(range(grid.shape[1]), [fmt(v) for v in grid.columns], rotation=45 if grid.shape[1] > 8 else 0)
    ax.set_yticks(range(grid.shape[0]), [fmt(v) for v in grid.index])
    ax.set_xlabel(x)
    ax.set_ylabel(y)
    if annotate is None:
        annotate = grid.size <= 144
    if annotate:
        for (i, j), v in np.ndenumerate(grid.values):
            if np.isfinite(v):
                ax.text(j, i, f"{v:.3g}", ha="center", va="center", fontsize=7,
                        color="black" if im.norm(v) > 0.5 else "white")
    scope = sweep_scope(df, x, y, where)
    ax.set_title(title or f"{metric} (parley sweep)" + (f"\n{scope}" if scope else ""), fontsize=10)
    return ax


def save(fig_or_ax, path) -> Path:
    """Write a figure (or an Axes' figure) as PNG without a timestamp, close it, return the path."""
    fig = getattr(fig_or_ax, "figure", fig_or_ax)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110, metadata={"Software": None})
    plt.close(fig)
    return path


# --------------------------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------------------------

def _load(path):
    """A JSON file that parley wrote."""
    return json.loads(Path(path).read_text())


def _variant(spec: str):
    """'LABEL:PATH=VALUE;PATH=VALUE' -> (label, [PATH=VALUE, ...])."""
    label, _, sets = spec.partition(":")
    return label, [s for s in sets.split(";") if s]


def _parser() -> argparse.ArgumentParser:
    """The command-line interface: one subcommand per plot."""
    ap = argparse.ArgumentParser(prog="plot.py", description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)

    def common(p, runs=None):
        p.add_argument("scenario", nargs="?", help="scenario file or built-in name (default: parley's)")
        p.add_argument("--set", action="append", default=[], metavar="PATH=VALUE")
        p.add_argument("--input", help="read this parley output instead of calling the binary")
        p.add_argument("-o", "--output", required=True, help="PNG to write")
        if runs is not None:
            p.add_argument("--runs", type=int, default=runs)
            p.add_argument("--seed", type=int, default=1)

    common(sub.add_parser("outcomes", help="outcome distribution (parley run)"), runs=2000)
    p = sub.add_parser("settlement", help="share settled by period (parley run)")
    common(p, runs=2000)
    p.add_argument("--variant", action="append", default=[], metavar="'LABEL:PATH=VALUE;...'",
                   help="one curve per variant (extra --set values); default one curve")
    p.add_argument("--ended", action="store_true", help="also draw the share of wars over by any means")
    p = sub.add_parser("value", help="V_i(0, s) over the front (parley analyze --format csv)")
    common(p)
    p.add_argument("--party", action="append", help="party ids to draw (default: all)")
    p = sub.add_parser("frontier", help="Pareto frontier with d, Nash, KS, the plan (parley analyze) and the "
                                        "equilibrium offer (parley solve)")
    common(p)
    p.add_argument("--solve", action="store_true", help="also mark the equilibrium offer (parley solve)")
    p = sub.add_parser("payoff", help="strategy payoff matrices with equilibria (parley compare)")
    common(p, runs=500)
    p.add_argument("--strategies", action="append", default=[], metavar="PARTY=S1,S2")
    p = sub.add_parser("regime", help="regime map over one parameter, or two (parley compare --across)")
    common(p, runs=500)
    p.add_argument("--across", required=True, action="append", metavar="PATH=SPEC",
                   help="the parameter to bisect along; again for a second, one map per value")
    p.add_argument("--strategies", action="append", default=[], metavar="PARTY=S1,S2")
    p = sub.add_parser("regime-payoffs", help="each profile's payoffs over the parameter, 95%% bands "
                                              "(parley compare --across)")
    common(p, runs=500)
    p.add_argument("--across", required=True, action="append", metavar="PATH=SPEC")
    p.add_argument("--strategies", action="append", default=[], metavar="PARTY=S1,S2")
    p = sub.add_parser("sweep-regime", help="regime map over one or two varied parameters (parley sweep --meta-game)")
    p.add_argument("csv", help="a results CSV written by parley sweep --meta-game")
    p.add_argument("--x", required=True)
    p.add_argument("--y", help="a second varied parameter: one panel per feature")
    p.add_argument("--where", action="append", default=[], metavar="COLUMN=VALUE")
    p.add_argument("-o", "--output", required=True)
    p = sub.add_parser("terms", help="settlement terms of one issue against a varied parameter (parley sweep)")
    p.add_argument("csv", help="a results CSV written by parley sweep")
    p.add_argument("--x", required=True)
    p.add_argument("--issue", required=True, help="issue id, e.g. guarantee")
    p.add_argument("--final", action="store_true", help="the terms in force at the end of every run (final_terms.*)")
    p.add_argument("--where", action="append", default=[], metavar="COLUMN=VALUE")
    p.add_argument("-o", "--output", required=True)
    p = sub.add_parser("sweep", help="heat map of a sweep metric over two varied parameters")
    p.add_argument("csv", help="a results CSV written by parley sweep")
    p.add_argument("--x", required=True)
    p.add_argument("--y", required=True)
    p.add_argument("--metric", required=True)
    p.add_argument("--where", action="append", default=[], metavar="COLUMN=VALUE",
                   help="keep only rows with this value of another varied parameter")
    p.add_argument("-o", "--output", required=True)
    return ap


def main(argv=None) -> int:
    """Entry point of ``tools/plot.py``."""
    a = _parser().parse_args(argv)
    if a.command == "outcomes":
        run = _load(a.input) if a.input else run_json(a.scenario, a.set, a.runs, a.seed)
        out = plot_outcomes(run)
    elif a.command == "settlement":
        if a.input:
            runs = {Path(a.input).stem: _load(a.input)}
        elif a.variant:
            runs = {lab: run_json(a.scenario, a.set + s, a.runs, a.seed) for lab, s in map(_variant, a.variant)}
        else:
            runs = {a.scenario or "default scenario": run_json(a.scenario, a.set, a.runs, a.seed)}
        out = plot_settlement(runs, ended=a.ended)
    elif a.command == "value":
        table = pd.read_csv(a.input) if a.input else value_table(a.scenario, a.set)
        start = None if a.input else describe_json(a.scenario, a.set).get("battlefield", {}).get("start")
        out = plot_value_function(table, a.party, start=start)
    elif a.command == "frontier":
        out = plot_frontier(_load(a.input) if a.input else analyze_json(a.scenario, a.set),
                            solve=solve_json(a.scenario, a.set) if a.solve else None)
    elif a.command == "payoff":
        strategies = dict(s.split("=", 1) for s in a.strategies)
        strategies = {k: v.split(",") for k, v in strategies.items()}
        out = plot_payoff_matrix(_load(a.input) if a.input else
                                 compare_json(a.scenario, a.set, strategies, a.runs, a.seed))
    elif a.command == "regime":
        strategies = {k: v.split(",") for k, v in (s.split("=", 1) for s in a.strategies)}
        regime = _load(a.input) if a.input else regime_json(a.across, a.scenario, a.set, strategies, a.runs, a.seed)
        out = plot_regime_maps(regime) if "maps" in regime else plot_regime_map(regime)
    elif a.command == "regime-payoffs":
        strategies = {k: v.split(",") for k, v in (s.split("=", 1) for s in a.strategies)}
        if len(a.across) > 1:
            raise ValueError("regime-payoffs draws the payoffs along one parameter: give --across once")
        out = plot_regime_payoffs(_load(a.input) if a.input else
                                  regime_json(a.across, a.scenario, a.set, strategies, a.runs, a.seed))
    elif a.command == "sweep-regime":
        out = plot_sweep_regime(read_sweep(a.csv), a.x, a.y, where=dict(w.split("=", 1) for w in a.where))
    elif a.command == "terms":
        out = plot_terms(read_sweep(a.csv), a.x, a.issue, final=a.final, where=dict(w.split("=", 1) for w in a.where))
    else:
        where = dict(w.split("=", 1) for w in a.where)
        out = plot_sweep(read_sweep(a.csv), a.x, a.y, a.metric, where=where)
    print(save(out, a.output))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except ParleyNotFound as missing:
        print(f"tools/plot.py: {missing}", file=sys.stderr)
        sys.exit(2)
    except (ValueError, KeyError) as bad:
        print(f"tools/plot.py: {bad}", file=sys.stderr)
        sys.exit(2)
