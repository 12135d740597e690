"""`import parley` (issue 19) against the command line: every call gives the dict that the same
command prints with --format json, number for number; errors carry file, line and key; a long
call releases the GIL. Run by CTest (python.module) with PYTHONPATH=<build>/python and
PARLEY_CLI=<build>/parley:

    PYTHONPATH=build/python PARLEY_CLI=build/parley /usr/bin/python3 -m unittest tests/python/test_module.py
"""

import json
import os
import subprocess
import threading
import time
import unittest

import parley

CLI = os.environ.get("PARLEY_CLI", "build/parley")


def cli_json(*args):
    """`parley ARGS --format json`, parsed."""
    proc = subprocess.run([CLI, *map(str, args), "--format", "json"], capture_output=True, text=True, check=True)
    return json.loads(proc.stdout)


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
    def test_every_public_name_has_a_docstring_and_a_stub(self):
        with open(os.path.join(os.path.dirname(parley.__file__), "parley.pyi")) as stub:
            text = stub.read()
        public = [n for n in dir(parley) if not n.startswith("_")]
        for name in public:
            with self.subTest(name=name):
                self.assertTrue(getattr(parley, name).__doc__, f"{name} has no docstring")
                self.assertRegex(text, rf"(def|class) {name}\b")
        for name in [n for n in dir(parley.Scenario) if not n.startswith("_")]:
            with self.subTest(method=name):
                self.assertTrue(getattr(parley.Scenario, name).__doc__, f"Scenario.{name} has no docstring")
                self.assertRegex(text, rf"def {name}\b")


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


def parley_source(relative):
    """A file of the source tree (this file is tests/python/test_module.py)."""
    return os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", relative)


if __name__ == "__main__":
    unittest.main()
