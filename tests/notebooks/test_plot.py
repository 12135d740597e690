#!/usr/bin/python3
"""Tests of tools/plot.py: the data it reads match the parley binary's own output, and every
plot (function and subcommand) writes a PNG. Also checks that the committed notebooks are the
generator's current output and carry no outputs, that their set-up cell finds the module parley
where notebooks/parley_path.py says, and that tests/notebooks/run_notebook.py (which CTest runs
them with) fails on a failing cell and runs a notebook that makes widgets.

    PARLEY_CLI=build/parley /usr/bin/python3 tests/notebooks/test_plot.py
"""

import io
import json
import os
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path
from unittest import mock

import nbformat
import pandas as pd

REPO = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(REPO / "tools"), str(REPO / "notebooks")]
import parley_path  # noqa: E402
import plot as pp  # noqa: E402

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def direct(*args):
    """parley's standard output, called without the plotting module."""
    return subprocess.run([pp.cli_path(), *map(str, args)], check=True, capture_output=True, text=True).stdout


class DataMatchesCli(unittest.TestCase):
    """What plot.py reads is exactly what the binary prints."""

    def test_run(self):
        run = pp.run_json("ukraine-2025", {"battlefield.tempo": 0.4}, runs=300, seed=7)
        self.assertEqual(run, json.loads(direct("run", "ukraine-2025", "--set", "battlefield.tempo=0.4",
                                                "--runs", 300, "--seed", 7, "--format", "json")))
        curve = pp.settlement_curve(run)
        self.assertAlmostEqual(curve["settled"].iloc[-1], run["outcomes"]["settled"], places=12)
        self.assertAlmostEqual(curve["ended"].iloc[-1], 1.0, places=12)
        self.assertTrue((curve["settled"].diff().dropna() >= 0).all())
        table = pp.outcome_table(run)
        self.assertAlmostEqual(table["probability"].sum(), 1.0, places=9)

    def test_value_table(self):
        table = pp.value_table()
        raw = pd.read_csv(io.StringIO(direct("analyze", "--format", "csv")))
        pd.testing.assert_frame_equal(table, raw)
        an = pp.analyze_json()
        start = pp.describe_json()["battlefield"]["start"]
        row = table[table["state"] == start].iloc[0]
        for party, value in an["war_value"].items():
            self.assertAlmostEqual(row[party], value, places=12)
        for party, value in an["subjective_war_value"].items():
            self.assertAlmostEqual(row[f"{party}_believed"], value, places=12)

    def test_frontier(self):
        an = pp.analyze_json("fearon")
        self.assertEqual(an, json.loads(direct("analyze", "fearon", "--format", "json")))
        ft = pp.frontier_table(pp.analyze_json())
        self.assertEqual(len(ft), len(pp.analyze_json()["frontier"]["points"]))
        self.assertTrue(set(ft["edge_to_next"]) <= {"segment", "gap", ""})

    def test_compare(self):
        cmp = pp.compare_json("fearon", strategies={"a": ["equilibrium", "hardline"], "b": ["equilibrium", "hardline"]},
                              runs=50, seed=3)
        raw = json.loads(direct("compare", "fearon", "--strategies", "a=equilibrium,hardline",
                                "--strategies", "b=equilibrium,hardline", "--runs", 50, "--seed", 3,
                                "--format", "json"))
        self.assertEqual(cmp, raw)
        frames = pp.payoff_frames(cmp)
        for p in cmp["players"]:
            self.assertEqual(frames[p].values.tolist(), raw["payoffs"][p])
        for i, j in pp.pure_equilibria(cmp):
            self.assertTrue(any(eq["probabilities"][cmp["players"][0]][i] == 1 and
                                eq["probabilities"][cmp["players"][1]][j] == 1 for eq in raw["equilibria"]))

    def test_regime(self):
        strategies = {"a": ["hardline", "contingent:beta=1"], "b": ["contingent:beta=0"]}
        regime = pp.regime_json("parties.b.cost=0.3:0.5:3", "fearon", strategies=strategies, runs=50, seed=2)
        raw = json.loads(direct("compare", "fearon", "--strategies", "a=hardline,contingent:beta=1",
                                "--strategies", "b=contingent:beta=0", "--runs", 50, "--seed", 2,
                                "--across", "parties.b.cost=0.3:0.5:3", "--format", "json"))
        self.assertEqual(regime, raw)
        rows = pp.regime_rows(regime)
        self.assertEqual(list(rows.index), [0.3, 0.4, 0.5])
        self.assertEqual(list(rows.columns), ["equilibria", "a vs contingent:beta=0", "b vs hardline",
                                              "b vs contingent:beta=1"])
        self.assertEqual(rows.loc[0.3, "a vs contingent:beta=0"], "contingent:beta=1")
        self.assertTrue(all(b["low"] < 0.4 <= b["high"] for b in regime["boundaries"]))

    def test_sweep(self):
        with tempfile.TemporaryDirectory() as tmp:
            df = pp.sweep_csv({"battlefield.tempo": "0.2:0.4:3", "parties.ukraine.strategy": "quick,prolonged"},
                              output=Path(tmp) / "s.csv", runs=20, seed=1)
            raw = pd.read_csv(Path(tmp) / "s.csv").sort_values("point").reset_index(drop=True)
        pd.testing.assert_frame_equal(df, raw)
        self.assertEqual(len(df), 6)
        grid = pp.sweep_grid(df, "battlefield.tempo", "parties.ukraine.strategy", "outcomes.settled")
        self.assertEqual(grid.shape, (2, 3))
        self.assertEqual(list(grid.index), ["quick", "prolonged"])  # the sweep's order, not sorted
        row = df[(df["battlefield.tempo"] == 0.3) & (df["parties.ukraine.strategy"] == "prolonged")].iloc[0]
        self.assertEqual(grid.loc["prolonged", 0.3], row["outcomes.settled"])
        # A plot over one of the two says what it averages over, or which value it keeps.
        self.assertEqual(pp.sweep_scope(df, "battlefield.tempo", "battlefield.tempo"),
                         "mean over parties.ukraine.strategy (2 values)")
        self.assertEqual(pp.sweep_scope(df, "battlefield.tempo", "battlefield.tempo",
                                        {"parties.ukraine.strategy": "quick"}),
                         "where parties.ukraine.strategy = quick")
        self.assertEqual(pp.sweep_scope(df, "battlefield.tempo", "parties.ukraine.strategy"), "")

    def test_regime_payoffs(self):
        strategies = {"a": ["hardline", "contingent:beta=1"], "b": ["contingent:beta=0"]}
        regime = pp.regime_json("parties.b.cost=0.3,0.5", "fearon", strategies=strategies, runs=50, seed=2)
        table = pp.regime_payoffs(regime)
        self.assertEqual(len(table), 2 * 2 * 2)  # values x profiles x players
        point = regime["points"][1]["profiles"][0]
        row = table[(table["value"] == 0.5) & (table["profile"] == "hardline / contingent:beta=0")
                    & (table["player"] == "b")].iloc[0]
        self.assertEqual(row["payoff"], point["payoffs"][1])
        self.assertEqual(row["std_error"], point["std_errors"][1])

    def test_sweep_meta_game(self):
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "meta.csv"
            direct("sweep", "fearon", "--meta-game", "--strategies", "a=hardline,contingent:beta=1",
                   "--strategies", "b=contingent:beta=0", "--vary", "parties.b.cost=0.3,0.5",
                   "--vary", "parties.a.cost=0,0.1", "--runs", 50, "-q", "-o", out)
            df = pp.read_sweep(out)
        rows = pp.sweep_regime_rows(df, ["parties.b.cost", "parties.a.cost"])
        self.assertEqual(len(rows), 4)
        low = rows[rows["parties.b.cost"] == 0.3].iloc[0]
        high = rows[rows["parties.b.cost"] == 0.5].iloc[0]
        # Fearon's boundary at c_B = 0.4 (tests/cli/compare_across_test.cpp): A's best reply to the
        # contingent B is contingent below it, a tie above, where (hardline, contingent) joins the
        # equilibria.
        self.assertEqual(low["a vs contingent:beta=0"], "contingent:beta=1")
        self.assertEqual(high["a vs contingent:beta=0"], "tie: hardline, contingent:beta=1")
        self.assertEqual(low["equilibria"], "contingent:beta=1 / contingent:beta=0")
        self.assertEqual(high["equilibria"], "hardline / contingent:beta=0; contingent:beta=1 / contingent:beta=0")
        # One answer per cell: another varied parameter must be fixed before a one-parameter map.
        with self.assertRaises(ValueError):
            pp.plot_sweep_regime(df, "parties.b.cost")
        pp.plot_sweep_regime(df, "parties.b.cost", where={"parties.a.cost": 0})

    def test_terms(self):
        df = pd.DataFrame({"point": [0, 1, 2, 3], "x": [0.0, 0.0, 1.0, 1.0], "seed": 1, "status": "ok",
                           "terms.n_settled": [10, 30, 20, 20],
                           "terms.g.levels.low": [1.0, 0.5, 0.0, 0.2], "terms.g.levels.high": [0.0, 0.5, 1.0, 0.8]})
        ax = pp.plot_terms(df, "x", "g")
        self.assertIn("terms of the settlements", ax.get_title())
        heights = [p for p in ax.collections]  # one stacked band per level
        self.assertEqual(len(heights), 2)
        with self.assertRaises(ValueError):
            pp.plot_terms(df, "x", "nonexistent")

    def test_trace(self):
        tr = pp.trace_json("optimism", seed=1)
        tt = pp.trace_table(tr)
        self.assertEqual(len(tt), sum(e["event"] == "talks" for e in tr["events"]))
        self.assertEqual(pp.trace_end(tr)["event"], "end")


class PlotsWritePngs(unittest.TestCase):
    """Every plot function and every subcommand writes a PNG."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = Path(self.tmp.name)

    def tearDown(self):
        self.tmp.cleanup()

    def assertPng(self, path):
        data = Path(path).read_bytes()
        self.assertTrue(data.startswith(PNG_MAGIC), f"{path} is not a PNG")
        self.assertGreater(len(data), 5000, f"{path} is suspiciously small")

    def test_functions(self):
        run = pp.run_json(runs=200, seed=1)
        self.assertPng(pp.save(pp.plot_outcomes(run), self.dir / "o.png"))
        self.assertPng(pp.save(pp.plot_settlement({"a": run}, ended=True), self.dir / "s.png"))
        self.assertPng(pp.save(pp.plot_value_function(pp.value_table(), start=6), self.dir / "v.png"))
        self.assertPng(pp.save(pp.plot_frontier(pp.analyze_json()), self.dir / "f.png"))
        self.assertPng(pp.save(pp.plot_payoff_matrix(pp.compare_json(runs=50)), self.dir / "p.png"))
        regime = pp.regime_json("parties.b.cost=0.3,0.5", "fearon", runs=50,
                                strategies={"a": ["hardline", "contingent:beta=1"], "b": ["contingent:beta=0"]})
        self.assertPng(pp.save(pp.plot_regime_map(regime), self.dir / "r.png"))
        answer = pp.regime_rows(regime).iloc[0, 0]                  # a chosen colour for one answer
        ax = pp.plot_regime_map(regime, colours={answer: "red"})
        self.assertIn((1.0, 0.0, 0.0, 1.0), [tuple(bar.get_facecolor()) for bar in ax.patches])
        self.assertPng(pp.save(ax, self.dir / "r2.png"))

    def test_subcommands(self):
        script = REPO / "tools" / "plot.py"
        sweep = self.dir / "sweep.csv"
        direct("sweep", "--vary", "battlefield.advantage=-0.2:0.4:3", "--vary", "battlefield.tempo=0.2,0.4",
               "--runs", 20, "-q", "-o", sweep)
        meta = self.dir / "meta.csv"
        direct("sweep", "fearon", "--meta-game", "--vary", "battlefield.advantage=-0.2:0.4:3",
               "--vary", "battlefield.tempo=0.5,1", "--runs", 20, "-q", "-o", meta)
        cases = {
            "outcomes": ["outcomes", "--runs", "200"],
            "settlement": ["settlement", "--runs", "200", "--variant", "file:",
                           "--variant", "quick:parties.russia.strategy=quick;parties.ukraine.strategy=quick"],
            "value": ["value", "fearon"],
            "frontier": ["frontier"],
            "payoff": ["payoff", "--runs", "50"],
            "regime": ["regime", "fearon", "--across", "parties.b.cost=0.3,0.5", "--runs", "50",
                       "--strategies", "a=hardline,contingent:beta=1", "--strategies", "b=contingent:beta=0"],
            "sweep": ["sweep", str(sweep), "--x", "battlefield.advantage", "--y", "battlefield.tempo",
                      "--metric", "duration.mean"],
            "terms": ["terms", str(sweep), "--x", "battlefield.advantage", "--issue", "guarantee"],
            "final-terms": ["terms", str(sweep), "--x", "battlefield.advantage", "--issue", "territory", "--final"],
            "regime-payoffs": ["regime-payoffs", "fearon", "--across", "parties.b.cost=0.3,0.5", "--runs", "50"],
            "regime-2d": ["regime", "fearon", "--across", "parties.b.cost=0.3,0.5", "--across", "parties.a.cost=0,0.1",
                          "--runs", "50"],
            "frontier-solve": ["frontier", "--solve"],
            "sweep-regime": ["sweep-regime", str(meta), "--x", "battlefield.advantage", "--y", "battlefield.tempo"],
        }
        for name, args in cases.items():
            out = self.dir / f"{name}.png"
            subprocess.run([sys.executable, str(script), *args, "-o", str(out)], check=True, capture_output=True)
            self.assertPng(out)

    def test_input_file(self):
        saved = self.dir / "compare.json"
        direct("compare", "--runs", 40, "--format", "json", "-o", saved)
        out = self.dir / "from-file.png"
        subprocess.run([sys.executable, str(REPO / "tools" / "plot.py"), "payoff", "--input", str(saved),
                        "-o", str(out)], check=True, capture_output=True)
        self.assertPng(out)


class BinaryDiscovery(unittest.TestCase):
    """$PARLEY_CLI, else <repo>/build/parley, else parley on PATH, else one line saying what to run."""

    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory()
        self.dir = Path(self._tmp.name)
        self.repo = self.dir / "repo"
        self.bin = self.dir / "bin"
        (self.repo / "build").mkdir(parents=True)
        self.bin.mkdir()

    def tearDown(self):
        self._tmp.cleanup()

    def executable(self, path):
        path.write_text("#!/bin/sh\n")
        path.chmod(0o755)
        return str(path)

    def find(self, cli=None):
        env = {"PATH": str(self.bin)}
        if cli is not None:
            env["PARLEY_CLI"] = cli
        with mock.patch.dict(os.environ, env, clear=True), mock.patch.object(pp, "REPO", self.repo):
            return pp.cli_path()

    def test_order(self):
        on_path = self.executable(self.bin / "parley")
        self.assertEqual(self.find(), on_path)
        built = self.executable(self.repo / "build" / "parley")
        self.assertEqual(self.find(), built)
        chosen = self.executable(self.dir / "my-parley")
        self.assertEqual(self.find(chosen), chosen)

    def test_none_says_what_to_run(self):
        with self.assertRaises(pp.ParleyNotFound) as caught:
            self.find()
        message = str(caught.exception)
        self.assertNotIn("\n", message)
        self.assertIn("tools/setup.sh", message)
        self.assertEqual(caught.exception._render_traceback_(), [f"ParleyNotFound: {message}"])

    def test_missing_explicit_binary_is_named(self):
        self.executable(self.repo / "build" / "parley")   # an explicit choice is not overridden
        with self.assertRaises(pp.ParleyNotFound) as caught:
            self.find(str(self.dir / "nowhere"))
        self.assertIn("PARLEY_CLI=", str(caught.exception))

    def test_command_prints_one_line(self):
        env = dict(os.environ, PARLEY_CLI=str(self.dir / "nowhere"))
        proc = subprocess.run([sys.executable, str(REPO / "tools" / "plot.py"), "outcomes",
                               "-o", str(self.dir / "x.png")], env=env, capture_output=True, text=True)
        self.assertEqual(proc.returncode, 2)
        self.assertNotIn("Traceback", proc.stderr)
        self.assertEqual(len(proc.stderr.strip().splitlines()), 1, proc.stderr)
        self.assertIn("tools/setup.sh", proc.stderr)


class ModuleDiscovery(unittest.TestCase):
    """The notebooks' set-up: $PARLEY_PYTHONPATH, else <repo>/build/python, else an installed parley,
    else one line saying what to build."""

    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory()
        self.dir = Path(self._tmp.name)
        self.repo = self.dir / "repo"
        self.repo.mkdir()
        self.site = self.dir / "site"           # where an installed parley would be
        self.site.mkdir()
        # Only the standard library and the fake folders: no real parley on the path.
        self.path = [p for p in sys.path if p and not (Path(p) / "parley").exists()] + [str(self.site)]

    def tearDown(self):
        self._tmp.cleanup()

    def package(self, folder):
        (folder / "parley").mkdir(parents=True)
        (folder / "parley" / "__init__.py").write_text("")
        return folder

    def find(self, explicit=None):
        env = {k: v for k, v in os.environ.items() if k != "PARLEY_PYTHONPATH"}
        if explicit is not None:
            env["PARLEY_PYTHONPATH"] = str(explicit)
        with mock.patch.dict(os.environ, env, clear=True), mock.patch.object(sys, "path", list(self.path)):
            return parley_path.add_parley(self.repo), list(sys.path)

    def test_order(self):
        self.package(self.site)
        where, _ = self.find()
        self.assertEqual(where, f"{(self.site / 'parley').resolve()} (installed)")
        built = self.package(self.repo / "build" / "python")
        where, path = self.find()
        self.assertEqual(where, f"{(built / 'parley').resolve()} (the repository's build/python)")
        self.assertEqual(path[0], str(built))
        chosen = self.package(self.dir / "elsewhere")
        where, path = self.find(chosen)
        self.assertEqual(where, f"{(chosen / 'parley').resolve()} ($PARLEY_PYTHONPATH)")
        self.assertEqual(path[0], str(chosen))

    def test_none_says_what_to_build(self):
        with self.assertRaises(parley_path.ParleyModuleNotFound) as caught:
            self.find()
        message = str(caught.exception)
        self.assertNotIn("\n", message)
        self.assertIn("tools/setup.sh --python", message)
        self.assertEqual(caught.exception._render_traceback_(), [f"ParleyModuleNotFound: {message}"])

    def test_explicit_folder_must_hold_the_module(self):
        self.package(self.repo / "build" / "python")   # an explicit choice is not overridden
        with self.assertRaises(parley_path.ParleyModuleNotFound) as caught:
            self.find(self.dir / "nowhere")
        self.assertIn("PARLEY_PYTHONPATH=", str(caught.exception))


class NotebookRunner(unittest.TestCase):
    """tests/notebooks/run_notebook.py: a cell that raises fails the run (after a widget cell that
    Debian's ipywidgets 6 makes, which nbconvert cannot run), and the executed copy is written."""

    def test_widgets_then_failure(self):
        nb = nbformat.v4.new_notebook()
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nb.cells = [nbformat.v4.new_code_cell("import ipywidgets\nslider = ipywidgets.FloatSlider(value=0.3)\n"
                                              "display(slider)\nprint('widget made')"),
                    nbformat.v4.new_code_cell("assert 1 + 1 == 3, 'this cell fails'")]
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "widgets.ipynb"
            nbformat.write(nb, path)
            proc = subprocess.run([sys.executable, str(Path(__file__).parent / "run_notebook.py"), "--timeout", "60",
                                   "--output-dir", str(Path(tmp) / "out"), str(path)], capture_output=True, text=True)
            self.assertEqual(proc.returncode, 1, proc.stdout + proc.stderr)
            self.assertIn("this cell fails", proc.stderr)
            self.assertNotIn("KeyError", proc.stderr)
            done = nbformat.read(Path(tmp) / "out" / "widgets.ipynb", as_version=4)
            self.assertIn("widget made", "".join(o.get("text", "") for o in done.cells[0].outputs))


class NotebooksAreClean(unittest.TestCase):
    """The committed notebooks are the generator's output, without outputs."""

    def test_generated(self):
        rc = subprocess.run([sys.executable, str(REPO / "tools" / "make_notebooks.py"), "--check"],
                            capture_output=True, text=True)
        self.assertEqual(rc.returncode, 0, rc.stdout + rc.stderr)

    def test_no_outputs(self):
        files = sorted((REPO / "notebooks").glob("**/*.ipynb"))
        self.assertGreaterEqual(len(files), 12)
        for f in files:
            nb = nbformat.read(f, as_version=4)
            for cell in nb.cells:
                if cell.cell_type == "code":
                    self.assertEqual(cell.outputs, [], f"{f.name} has outputs")
                    self.assertIsNone(cell.execution_count, f"{f.name} has execution counts")


if __name__ == "__main__":
    unittest.main(verbosity=2)
