#!/usr/bin/python3
"""Self-tests of browser_check.py: it passes a good page and fails each kind of broken one, naming
what is broken. The pages are in fixtures/. Needs Chromium (the tests that load a page are skipped
without it); $PARLEY_CHROMIUM names the binary, else chromium on PATH.

    /usr/bin/python3 -m unittest discover -s tests/report -p 'test_*.py' -v
    /usr/bin/python3 tests/report/test_browser_check.py -v
"""

from __future__ import annotations

import atexit
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import unittest
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
CHECK = HERE / "browser_check.py"
FIXTURES = HERE / "fixtures"
CHROMIUM = os.environ.get("PARLEY_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


def check(page: str | Path, *options: str) -> subprocess.CompletedProcess:
    """browser_check.py on a fixture (or a path), with the Chromium found above."""
    path = FIXTURES / page if isinstance(page, str) else page
    extra = ["--chromium", CHROMIUM] if CHROMIUM else []
    return subprocess.run([sys.executable, str(CHECK), str(path), *extra, *options],
                          capture_output=True, text=True, timeout=300)


# Every page is checked once, all of them together (Chromium's start-up is most of a check's
# time): the tests below look at the results. Screenshots go to a folder removed at exit.
SHOTS = Path(tempfile.mkdtemp(prefix="browser-check-selftest-"))
atexit.register(shutil.rmtree, SHOTS, ignore_errors=True)
RUNS = {
    "good": ("good.html", "--screenshot", str(SHOTS / "shots" / "good.png")),
    "top": ("good.html", "--screenshot", str(SHOTS / "top.png"), "--window-size", "640,300"),
    "broken-image": ("broken-image.html",),
    "script-error": ("script-error.html",),
    "console-error": ("console-error.html",),
    "script-error-under-csp": ("script-error-under-csp.html",),
    "external-resource": ("external-resource.html",),
    "empty-svg": ("empty-svg.html",),
    "zero-size-svg": ("zero-size-svg.html",),
    "no-heading": ("no-heading.html",),
    "too-wide": ("too-wide.html",),
    "too-wide-allowed": ("too-wide.html", "--overflow-tolerance", "-1"),
}
_results: dict[str, subprocess.CompletedProcess] = {}


def result(name: str) -> subprocess.CompletedProcess:
    if not _results:
        with ThreadPoolExecutor(max_workers=4) as pool:
            futures = {key: pool.submit(check, *run) for key, run in RUNS.items()}
            _results.update({key: f.result() for key, f in futures.items()})
    return _results[name]


def failures(result: subprocess.CompletedProcess) -> list[str]:
    return [line.strip() for line in result.stdout.splitlines() if line.strip().startswith("FAIL [")]


@unittest.skipUnless(CHROMIUM, "no Chromium (Debian: apt-get install chromium)")
class Pages(unittest.TestCase):
    def assertFailsWith(self, run: str, kind: str, *named: str) -> list[str]:
        """The check fails (status 1) in `run` with one kind of problem only, `kind`, and its
        messages name every string in `named`."""
        r = result(run)
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
        self.assertIn(": FAIL", r.stdout)
        found = failures(r)
        self.assertTrue(found, r.stdout)
        self.assertEqual({f.split("]")[0] + "]" for f in found}, {f"FAIL [{kind}]"}, r.stdout)
        for text in named:
            self.assertIn(text, "\n".join(found), r.stdout)
        return found

    def test_good_page_passes_with_a_screenshot(self):
        r = result("good")
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertIn(": PASS", r.stdout)
        self.assertEqual(failures(r), [])
        # Three figures (one in a closed <details>), the image, the sprite sheet left alone.
        self.assertIn("3 svg figure(s), 1 image(s)", r.stdout)
        self.assertIn("1 definitions-only svg(s) skipped", r.stdout)
        shot = SHOTS / "shots" / "good.png"
        head = shot.read_bytes()[:24]
        self.assertEqual(head[:8], b"\x89PNG\r\n\x1a\n")
        width, height = struct.unpack(">II", head[16:24])
        self.assertEqual(width, 1280)
        self.assertGreater(height, 200)    # as tall as the page, not the window
        self.assertLess(height, 800)
        self.assertIn(f"screenshot: {shot} (1280x{height})", r.stdout)

    def test_window_size_sets_the_screenshot(self):
        r = result("top")
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertEqual(struct.unpack(">II", (SHOTS / "top.png").read_bytes()[16:24]), (640, 300))

    def test_broken_image_is_named(self):
        found = self.assertFailsWith("broken-image", "image", 'src="missing.png"', "this one does not")
        self.assertEqual(len(found), 1, found)   # the data: image, which loads, is not named

    def test_script_error(self):
        self.assertFailsWith("script-error", "script", "drawTheChart is not defined", "script-error.html:6")

    def test_script_error_when_the_hook_is_refused(self):
        # The page's policy refuses the hook's script (it comes before the hook): the error is
        # read from Chromium's log, and the check says it could not hook the page.
        self.assertFailsWith("script-error-under-csp", "script", "drawTheChart is not defined")
        self.assertIn("warning: the check's error hook did not run", result("script-error-under-csp").stdout)

    def test_console_error(self):
        self.assertFailsWith("console-error", "console", "figure data missing")

    def test_outside_resource(self):
        self.assertFailsWith("external-resource", "external", "http://example.invalid/style.css")

    def test_empty_svg_is_named(self):
        found = self.assertFailsWith("empty-svg", "svg", "figure 2 of 2", 'id "outcomes"', "draws nothing")
        self.assertEqual(len(found), 1, found)   # the first figure draws a circle

    def test_svg_without_size(self):
        self.assertFailsWith("zero-size-svg", "svg", 'id "frontier"', "has no size")

    def test_title_and_heading_required(self):
        found = self.assertFailsWith("no-heading", "document", "<title>", "<h1>")
        self.assertEqual(len(found), 2, found)

    def test_page_wider_than_the_window(self):
        found = self.assertFailsWith("too-wide", "layout", "table#sweep")
        self.assertNotIn("3000 px", found[0])   # inside a scrolling box: not the page's width
        self.assertEqual(result("too-wide-allowed").returncode, 0, result("too-wide-allowed").stdout)

    def test_page_given_by_a_relative_path_from_another_folder(self):
        r = subprocess.run([sys.executable, str(CHECK), "fixtures/good.html", "--chromium", CHROMIUM],
                           cwd=HERE, capture_output=True, text=True, timeout=300)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)


class Usage(unittest.TestCase):
    def test_missing_page(self):
        result = check(FIXTURES / "no-such-page.html")
        self.assertEqual(result.returncode, 2)
        self.assertIn("no such file", result.stderr)

    def test_missing_chromium(self):
        result = subprocess.run([sys.executable, str(CHECK), str(FIXTURES / "good.html"),
                                 "--chromium", "/nonexistent/chromium"], capture_output=True, text=True)
        self.assertEqual(result.returncode, 2)
        self.assertIn("no Chromium", result.stderr)

    def test_bad_window_size(self):
        result = check("good.html", "--screenshot", "x.png", "--window-size", "wide")
        self.assertEqual(result.returncode, 2)
        self.assertIn("W,H", result.stderr)


if __name__ == "__main__":
    unittest.main()
