"""`import parley` (issue 19) against the command line: every call gives the dict that the same
command prints with --format json, number for number, its table as str() and its CSV as a
DataFrame; a sweep's DataFrame is the sweep's CSV; errors carry file, line and key; a long call
releases the GIL and stops on Ctrl-C. Run by CTest (python.module) with PYTHONPATH=<build>/python
and PARLEY_CLI=<build>/parley:

    PYTHONPATH=build/python PARLEY_CLI=build/parley /usr/bin/python3 -m pytest -q tests/python/test_module.py
"""

import io
import json
import os
import pickle
import subprocess
import tempfile
import threading
import time
import unittest

import numpy as np
import pandas as pd

import parley

CLI = os.environ.get("PARLEY_CLI", "build/parley")


def cli_text(*args):
    """What `parley ARGS` prints."""
    return subprocess.run([CLI, *map(str, args)], capture_output=True, text=True, check=True).stdout


def cli_json(*args):
    """`parley ARGS --format json`, parsed."""
    return json.loads(cli_text(*args, "--format", "json"))


def cli_csv(*args):
    """`parley ARGS --format csv`, as a DataFrame."""
    return pd.read_csv(io.StringIO(cli_text(*args, "--format", "csv")))


class SameAsTheCommandLine(unittest.TestCase):
    """Each call's dict equals the command's JSON for the same scenario and options."""

    def test_scenarios(self):
        listed = subprocess.run([CLI, "scenarios"], capture_output=True, text=True, check=True).stdout
        self.assertTrue(parley.scenarios())
        for name in parley.scenarios():
            self.assertIn(name, listed)
        self.assertIn(parley.default_scenario(), parley.scenarios())

    def test_describe_analyze_solve(self):
        for name in ("fearon", "rubinstein", "optimism"):
            with self.subTest(scenario=name):
                s = parley.load(name)
                self.assertEqual(s.id, name)
                self.assertEqual(s.describe(), cli_json("describe", name))
                self.assertEqual(s.analyze(), cli_json("analyze", name))
                self.assertEqual(s.solve(), cli_json("solve", name))

    def test_run_any_thread_count(self):
        s = parley.load("optimism")
        expected = cli_json("run", "optimism", "--runs", 3000, "--seed", 7)
        self.assertEqual(s.run(runs=3000, seed=7, threads=1), expected)
        self.assertEqual(s.run(runs=3000, seed=7, threads=2), expected)
        self.assertNotEqual(s.run(runs=3000, seed=8), expected)  # the seed matters: the test can fail

    def test_compare(self):
        s = parley.load("fearon")
        strategies = {"a": ["hardline", "contingent:beta=1"], "b": ["contingent:beta=0"]}
        expected = cli_json("compare", "fearon", "--strategies", "a=hardline,contingent:beta=1",
                            "--strategies", "b=contingent:beta=0", "--runs", 300, "--seed", 4)
        self.assertEqual(s.compare(strategies, runs=300, seed=4), expected)
        self.assertEqual(s.compare(["a=hardline,contingent:beta=1", "b=contingent:beta=0"], runs=300, seed=4), expected)
        fixed = cli_json("compare", "optimism", "--runs", 200, "--fixed-runs", "--confidence", 0.9)
        self.assertEqual(parley.load("optimism").compare(runs=200, fixed_runs=True, confidence=0.9), fixed)
        with self.assertRaises(ValueError):
            s.compare({"a": ["no-such-strategy"]})

    def test_set_is_the_command_lines_set(self):
        base = parley.load("fearon")
        changed = base.set("parties.b.cost", "0.3")
        self.assertEqual(changed.overrides, ["parties.b.cost=0.3"])
        self.assertEqual(base.overrides, [])  # the original is unchanged
        self.assertEqual(changed.analyze(), cli_json("analyze", "fearon", "--set", "parties.b.cost=0.3"))
        self.assertNotEqual(changed.analyze(), base.analyze())

    def test_default_scenario(self):
        s = parley.load()
        self.assertEqual(s.id, parley.default_scenario())
        self.assertEqual(s.solve(), cli_json("solve"))


def nfg_text(a, b):
    """The game (A, B) as a Gambit .nfg file, player 1's strategy varying fastest."""
    m, n = len(a), len(a[0])
    pairs = " ".join(f"{a[i][j]} {b[i][j]}" for j in range(n) for i in range(m))
    return f'NFG 1 R "test" {{ "1" "2" }} {{ {m} {n} }}\n\n{pairs}\n'


class Nash(unittest.TestCase):
    """parley.nash(A, B) is `parley nash FILE --format json` for the same payoffs."""

    def nash_cli(self, a, b, *extra):
        import tempfile
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "game.nfg")
            with open(path, "w") as out:
                out.write(nfg_text(a, b))
            return cli_json("nash", path, *extra)

    def test_random_integer_games(self):
        import random
        rng = random.Random(19)
        for m, n in ((2, 2), (3, 4), (6, 5)):
            a = [[rng.randint(-10, 10) for _ in range(n)] for _ in range(m)]
            b = [[rng.randint(-10, 10) for _ in range(n)] for _ in range(m)]
            with self.subTest(shape=(m, n)):
                found = parley.nash(a, b)
                expected = self.nash_cli(a, b)
                self.assertEqual({k: v for k, v in found.items() if k != "game"},
                                 {k: v for k, v in expected.items() if k != "game"})
                self.assertEqual(parley.nash(a, b, method="lh")["method"], "lh")

    def test_equilibria_as_a_frame(self):
        found = parley.nash([[1, 0], [0, 1]], [[1, 0], [0, 1]])  # coordination: two pure, one mixed
        frame = found.to_frame()
        self.assertEqual(len(frame), 3)
        self.assertEqual(sorted(frame["1:1"]), [0, 0.5, 1])
        self.assertEqual(sorted(frame["payoff.2"]), [0.5, 1, 1])
        self.assertIn("3 equilibria", str(found))

    def test_numpy_fractions_and_floats(self):
        import numpy as np
        from fractions import Fraction
        a = [[3, 0], [5, 1]]
        b = [[3, 5], [0, 1]]  # the prisoner's dilemma: one equilibrium, (1, 1)
        self.assertEqual(parley.nash(np.array(a), np.array(b)), parley.nash(a, b))
        found = parley.nash(a, b)
        self.assertEqual(len(found["equilibria"]), 1)
        halves = [[Fraction(1, 2), 0], [0, Fraction(1, 2)]]
        self.assertEqual(parley.nash(halves, halves), parley.nash([[0.5, 0], [0, 0.5]], [[0.5, 0], [0, 0.5]]))
        with self.assertRaises(ValueError):
            parley.nash([[1, 2]], [[1, 2], [3, 4]])
        with self.assertRaises(ValueError):
            parley.nash([[1, 2], [3]], [[1, 2], [3, 4]])
        with self.assertRaises(ValueError):
            parley.nash(a, b, method="gambit")


class Errors(unittest.TestCase):
    """Bad input raises parley.ScenarioError with what the command line prints."""

    def test_bad_set(self):
        with self.assertRaises(parley.ScenarioError) as caught:
            parley.load("fearon").set("parties.b.cost", "-1")
        first = caught.exception.diagnostics[0]
        self.assertEqual(first["file"], "--set parties.b.cost=-1")
        self.assertEqual(first["key"], "parties[1].cost")
        self.assertIn("must be >= 0", first["message"])
        proc = subprocess.run([CLI, "analyze", "fearon", "--set", "parties.b.cost=-1"], capture_output=True, text=True)
        self.assertEqual(proc.returncode, 1)
        self.assertIn(first["text"], proc.stderr)

    def test_bad_file_names_its_line(self):
        import tempfile
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "bad.yaml")
            with open(parley_source("scenarios/fearon.yaml")) as source:
                text = source.read().replace("horizon: 1", "horizon: -1", 1)
            with open(path, "w") as out:
                out.write(text)
            with self.assertRaises(parley.ScenarioError) as caught:
                parley.load(path)
            first = caught.exception.diagnostics[0]
            self.assertEqual(first["file"], path)
            self.assertEqual(first["key"], "horizon")
            self.assertGreater(first["line"], 0)
            self.assertTrue(isinstance(caught.exception, ValueError))

    def test_unknown_scenario_and_bad_arguments(self):
        with self.assertRaises(parley.ScenarioError):
            parley.load("no-such-scenario")
        with self.assertRaises(ValueError):
            parley.load("fearon").run(runs=0)
        with self.assertRaises(ValueError):
            parley.load("fearon").solve(period=5)


class Documented(unittest.TestCase):
    def test_every_public_name_has_a_docstring_and_annotations(self):
        import inspect
        for name in parley.__all__:
            with self.subTest(name=name):
                self.assertTrue(getattr(parley, name).__doc__, f"{name} has no docstring")
        classes = [parley.Scenario, parley.Analysis, parley.RunSummary, parley.Comparison, parley.RegimeMap,
                   parley.Trace, parley.Solution, parley.NashEquilibria, parley.Result, parley.Record]
        for cls in classes:
            for name, member in vars(cls).items():
                if name.startswith("_") or not (callable(member) or isinstance(member, property)):
                    continue
                with self.subTest(member=f"{cls.__name__}.{name}"):
                    self.assertTrue(member.__doc__, f"{cls.__name__}.{name} has no docstring")
                    function = member.fget if isinstance(member, property) else member
                    self.assertIn("return", inspect.get_annotations(function), f"{cls.__name__}.{name}: no return type")
        for name in ("load", "nash", "scenarios", "default_scenario", "read_sweep", "yaml_text"):
            self.assertIn("return", inspect.get_annotations(getattr(parley, name)))

    def test_the_core_stub_names_every_public_name_of_the_core(self):
        with open(os.path.join(os.path.dirname(parley.__file__), "_core.pyi")) as stub:
            text = stub.read()
        for name in [n for n in dir(parley._core) if not n.startswith("_")]:
            with self.subTest(name=name):
                self.assertRegex(text, rf"(def|class) {name}\b")
        self.assertTrue(os.path.exists(os.path.join(os.path.dirname(parley.__file__), "py.typed")))


class ResultObjects(unittest.TestCase):
    """Results are the JSON with attributes, to_dict(), the table as str(), and frames."""

    def test_attributes_to_dict_str_and_pickle(self):
        analysis = parley.load("fearon").analyze()
        self.assertIsInstance(analysis, dict)
        self.assertEqual(analysis.war_value.a, analysis["war_value"]["a"])
        self.assertEqual(analysis.zopa.parties.b.high, analysis["zopa"]["parties"]["b"]["high"])
        plain = analysis.to_dict()
        self.assertIs(type(plain), dict)
        self.assertIs(type(plain["zopa"]), dict)
        self.assertEqual(plain, cli_json("analyze", "fearon"))
        with self.assertRaises(AttributeError):
            analysis.no_such_field
        described = parley.load().describe()
        self.assertEqual(described.battlefield.advantage.from_, described["battlefield"]["advantage"]["from"])
        self.assertEqual(str(analysis), cli_text("analyze", "fearon"))
        self.assertIn("parley analyze fearon", repr(analysis))
        again = pickle.loads(pickle.dumps(analysis))
        self.assertEqual(again, analysis)
        self.assertEqual(str(again), str(analysis))
        self.assertEqual(json.loads(json.dumps(analysis)), plain)

    def test_tables_are_the_commands_tables(self):
        s = parley.load("rubinstein")
        self.assertEqual(str(s.describe()), cli_text("describe", "rubinstein"))
        self.assertEqual(str(s.solve()), cli_text("solve", "rubinstein"))
        self.assertEqual(str(s.run(runs=300, seed=3)), cli_text("run", "rubinstein", "--runs", 300, "--seed", 3))

    def test_frames_are_the_commands_csv(self):
        s = parley.load("optimism")
        pd.testing.assert_frame_equal(s.analyze().value_table(), cli_csv("analyze", "optimism"))
        pd.testing.assert_frame_equal(s.solve().to_frame(), cli_csv("solve", "optimism"))
        pd.testing.assert_frame_equal(s.run(runs=400, seed=2).to_frame(),
                                      cli_csv("run", "optimism", "--runs", 400, "--seed", 2))
        comparison = s.compare(runs=200, fixed_runs=True)
        pd.testing.assert_frame_equal(comparison.to_frame(), cli_csv("compare", "optimism", "--runs", 200,
                                                                     "--fixed-runs"))
        matrices = comparison.payoff_matrices()
        first, second = comparison["players"]
        self.assertEqual(list(matrices[first].index), comparison["strategies"][first])
        self.assertEqual(list(matrices[first].columns), comparison["strategies"][second])
        np.testing.assert_array_equal(matrices[second].to_numpy(), np.array(comparison["payoffs"][second]))

    def test_war_values_and_absorption_as_arrays(self):
        s = parley.load()
        analysis = s.analyze()
        table = analysis.value_table()
        states = len(table)
        for party in s.parties:
            with self.subTest(party=party):
                values = analysis.war_values[party]
                self.assertEqual(values.shape, (s.horizon + 1, states))
                # Row 0 is the CSV's V_i(0, s) (which sums in another order: equal to rounding);
                # the start state's entry is the JSON's war value.
                np.testing.assert_allclose(values[0], table[party].to_numpy(), rtol=1e-12, atol=1e-15)
                self.assertIn(analysis.war_value[party], list(values[0]))
                # The last row is the value at the horizon: the frozen front's worth, the same
                # in every period before it only if the war changes nothing (it does here).
                self.assertFalse(np.allclose(values[-1], values[0]))
        by_period = analysis.absorption_by_period
        self.assertEqual(len(by_period), s.horizon)
        self.assertAlmostEqual(by_period["collapse_a"].sum(), analysis.absorption.collapse_a, delta=1e-12)
        self.assertAlmostEqual(by_period["collapse_b"].sum(), analysis.absorption.collapse_b, delta=1e-12)
        self.assertAlmostEqual(analysis.final_distribution.sum(), 1.0, delta=1e-12)
        frontier = analysis.frontier_utilities
        np.testing.assert_array_equal(frontier, analysis.frontier_table()[list(frontier_parties(analysis))].to_numpy())

    def test_run_frames(self):
        summary = parley.load("optimism").run(runs=500, seed=4)
        outcomes = summary.outcome_table()
        self.assertAlmostEqual(outcomes["probability"].sum(), 1.0, delta=1e-12)
        curve = summary.settlement_curve()
        self.assertAlmostEqual(curve["ended"].iloc[-1], 1.0, delta=1e-12)
        self.assertAlmostEqual(curve["settled"].iloc[-1], summary.outcomes.settled, delta=1e-12)
        self.assertEqual(summary.duration_histogram.sum(), 500)

    def test_set_takes_python_values_and_mappings(self):
        s = parley.load("fearon")
        self.assertEqual(s.set("parties.b.cost", 0.3).overrides, ["parties.b.cost=0.3"])
        both = s.set({"parties.b.cost": 0.3, "parties.a.cost": "0.2"})
        self.assertEqual(both.overrides, ["parties.b.cost=0.3", "parties.a.cost=0.2"])
        self.assertEqual(both.analyze(), cli_json("analyze", "fearon", "--set", "parties.b.cost=0.3",
                                                  "--set", "parties.a.cost=0.2"))
        self.assertEqual(parley.yaml_text([True, 1, 0.5, "x"]), "[true, 1, 0.5, x]")
        self.assertEqual(parley.yaml_text(np.float64(0.3)), "0.3")
        self.assertEqual(parley.yaml_text(np.int64(3)), "3")
        self.assertEqual(parley.yaml_text(np.bool_(True)), "true")

        class Labelled(float):  # a float subclass whose repr is not a number (NumPy 2's np.float64)
            def __repr__(self):
                return f"Labelled({float(self)!r})"

        self.assertEqual(parley.yaml_text(Labelled(0.3)), "0.3")
        self.assertEqual(s.set(None).overrides, [])
        with self.assertRaises(TypeError):
            s.set("parties.b.cost")


class MoreCommands(unittest.TestCase):
    """trace, compare(across=) and sweep against the command line."""

    def test_trace(self):
        s = parley.load("optimism")
        self.assertEqual(s.trace(seed=3), cli_json("run", "optimism", "--trace", "--seed", 3))
        self.assertEqual(str(s.trace(seed=3)), cli_text("run", "optimism", "--trace", "--seed", 3))
        frame = s.trace(seed=3).to_frame()
        self.assertEqual(len(frame), len(s.trace(seed=3).events))
        self.assertNotEqual(s.trace(seed=4), s.trace(seed=3))

    def test_regime_map_one_and_two_parameters(self):
        s = parley.load("fearon")
        strategies = {"a": ["hardline", "contingent:beta=1"], "b": ["contingent:beta=0"]}
        args = ["--strategies", "a=hardline,contingent:beta=1", "--strategies", "b=contingent:beta=0",
                "--runs", 200, "--seed", 5]
        one = s.compare(strategies, runs=200, seed=5, across="parties.b.cost=0:0.6:4")
        self.assertIsInstance(one, parley.RegimeMap)
        self.assertEqual(one, cli_json("compare", "fearon", "--across", "parties.b.cost=0:0.6:4", *args))
        self.assertEqual(s.compare(strategies, runs=200, seed=5, across={"parties.b.cost": "0:0.6:4"}), one)
        self.assertEqual(len(one.to_frame()), len(one["points"]))
        two = s.compare(strategies, runs=200, seed=5, tolerance=0.05,
                        across=["parties.b.cost=0:0.6:3", "parties.a.cost=0,0.1"])
        self.assertEqual(two, cli_json("compare", "fearon", "--across", "parties.b.cost=0:0.6:3", "--across",
                                       "parties.a.cost=0,0.1", "--tolerance", 0.05, *args))
        self.assertEqual(set(two.to_frame()["parties.a.cost"].astype(str)), {"0", "0.1"})
        with self.assertRaises(ValueError):
            s.compare(across="parties.b.cost=a,b")
        with self.assertRaises(ValueError):
            s.compare(tolerance=0.1)

    def test_sweep_is_the_sweeps_csv(self):
        s = parley.load("optimism").set("parties.a.cost", 0.02)
        vary = {"battlefield.advantage": "0:0.4:3", "parties.b.strategy": ["prolonged", "quick"]}
        frame = s.sweep(vary, runs=150, seed=3, threads=2)
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "cli.csv")
            cli_text("sweep", "optimism", "--set", "parties.a.cost=0.02", "--vary", "battlefield.advantage=0:0.4:3",
                     "--vary", "parties.b.strategy=prolonged,quick", "--runs", 150, "--seed", 3, "-o", path, "-q")
            expected = parley.read_sweep(path)
            with open(path) as f:
                header = f.readline().strip().split(",")
        self.assertEqual(list(frame.columns), header)
        pd.testing.assert_frame_equal(frame, expected)
        self.assertEqual(frame.attrs["counts"]["done"], 6)
        self.assertEqual(frame.attrs["manifest"]["sweep"]["runs"], 150)

    def test_sweep_interrupted_then_resumed(self):
        s = parley.load()  # points of a tenth of a second each: the interruption lands mid-sweep
        vary = {"battlefield.advantage.from": "0:0.5:8"}
        whole = s.sweep(vary, runs=1000, seed=2, threads=1)

        def stop_after_two(done, total):
            if done >= 2:
                raise KeyboardInterrupt

        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "sweep.csv")
            with self.assertRaises(KeyboardInterrupt):
                s.sweep(vary, runs=1000, seed=2, threads=1, output=path, progress=stop_after_two)
            kept = pd.read_csv(path)
            self.assertGreaterEqual(len(kept), 2)
            self.assertLess(len(kept), 8)
            with self.assertRaises(FileExistsError):
                s.sweep(vary, runs=1000, seed=2, output=path)
            resumed = s.sweep(vary, runs=1000, seed=2, threads=1, output=path, resume=True)
            self.assertEqual(resumed.attrs["counts"]["resumed"], len(kept))
        pd.testing.assert_frame_equal(resumed, whole)

    def test_sweep_errors(self):
        s = parley.load("optimism")
        with self.assertRaises(ValueError):
            s.sweep({"no.such.path": "0:1:2"}, runs=10)
        with self.assertRaises(ValueError):
            s.sweep({"battlefield.advantage": "0:1:2"}, runs=10, design="no-such-design")


class Interrupts(unittest.TestCase):
    def test_ctrl_c_stops_a_long_run_within_a_second(self):
        import _thread
        s = parley.load()
        timer = threading.Timer(0.3, _thread.interrupt_main)  # what Ctrl-C does: SIGINT to the main thread
        started = time.monotonic()
        timer.start()
        with self.assertRaises(KeyboardInterrupt):
            s.run(runs=10**8, threads=2)  # hours of work
        self.assertLess(time.monotonic() - started, 0.3 + 1.0)
        timer.join()
        # The module still works afterwards.
        self.assertEqual(s.run(runs=200, seed=2), cli_json("run", "--runs", 200, "--seed", 2))

    def test_ctrl_c_stops_a_long_compare_within_a_second(self):
        import _thread
        timer = threading.Timer(0.3, _thread.interrupt_main)
        started = time.monotonic()
        timer.start()
        with self.assertRaises(KeyboardInterrupt):
            parley.load().compare(runs=10**8, fixed_runs=True, threads=2)
        self.assertLess(time.monotonic() - started, 0.3 + 1.0)
        timer.join()

    def test_progress_is_reported_from_the_calling_thread(self):
        seen = []
        caller = threading.get_ident()
        parley.load("optimism").run(runs=20000, threads=2,
                                    progress=lambda done, total: seen.append((done, total, threading.get_ident())))
        self.assertTrue(seen)
        self.assertTrue(all(t == 20000 and ident == caller for _, t, ident in seen))
        done = [d for d, _, _ in seen]
        self.assertEqual(done, sorted(done))
        self.assertLessEqual(done[-1], 20000)


class ReleasesTheGil(unittest.TestCase):
    def test_a_thread_runs_while_run_works(self):
        s = parley.load()
        ticks = []
        done = threading.Event()

        def count():
            while not done.is_set():
                ticks.append(time.monotonic())
                time.sleep(0.001)

        worker = threading.Thread(target=count)
        worker.start()
        started = time.monotonic()
        s.run(runs=2000, threads=1)
        finished = time.monotonic()
        done.set()
        worker.join()
        during = [t for t in ticks if started < t < finished]
        # Under the GIL the counter would stop for the whole run; released, it ticks throughout.
        self.assertGreater(finished - started, 0.05)
        self.assertGreater(len(during), 10)


def frontier_parties(analysis):
    """The parties the frontier is over (its utilities' keys: the veto parties)."""
    return analysis["frontier"]["points"][0]["utilities"].keys()


def parley_source(relative):
    """A file of the source tree (this file is tests/python/test_module.py)."""
    return os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", relative)


if __name__ == "__main__":
    unittest.main()
