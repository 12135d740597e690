"""`pip install .` (issue 19), offline, into a fresh venv: the wheel's RECORD lists every file with
its hash and size, the installed package imports from the venv (not from the source tree or a
build folder) and gives what the command line gives, and `pip uninstall` removes it. Each check
is also run on something broken (a changed file, a file left out, an import from elsewhere) to
show that it can fail.

Run by CTest (python.pip_install) with PARLEY_CLI=<build>/parley and PARLEY_WHEEL_BUILD_DIR=<build>,
so that the backend (tools/python_wheel/parley_wheel.py) packs the module already built there:

    PARLEY_CLI=build/parley PARLEY_WHEEL_BUILD_DIR=build /usr/bin/python3 -m pytest -q tests/python/test_pip_install.py

Without PARLEY_WHEEL_BUILD_DIR, pip builds the module from scratch in build/wheel (minutes).
"""

import base64
import csv
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import unittest
import zipfile
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[2]
CLI = os.environ.get("PARLEY_CLI", str(SOURCE / "build" / "parley"))

# Run in the venv: where parley comes from, where the venv installs packages, and fearon's analysis.
PROBE = """
import json, sysconfig
import parley, parley._core
analysis = parley.load("fearon").analyze()
analysis = analysis.to_dict() if hasattr(analysis, "to_dict") else analysis
print(json.dumps({"file": parley.__file__, "core": parley._core.__file__,
                  "platlib": sysconfig.get_path("platlib"), "analyze": analysis}))
"""


def venv_environment():
    """The environment for commands in the venv: no PYTHONPATH (the import must find the installed
    package by itself) and pip with no configuration but the command's flags."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("PIP_") and k not in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "VIRTUAL_ENV")}
    env.update(PIP_CONFIG_FILE=os.devnull, PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_NO_INPUT="1")
    return env


def run(command, cwd, env=None, check=True):
    """Runs command; a failure shows its output."""
    proc = subprocess.run([str(c) for c in command], cwd=cwd, env=env or venv_environment(),
                          capture_output=True, text=True)
    if check and proc.returncode != 0:
        raise AssertionError(f"{' '.join(map(str, command))} failed ({proc.returncode}):\n"
                             f"{proc.stdout[-4000:]}\n{proc.stderr[-4000:]}")
    return proc


def record_hash(data):
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def record_problems(files, record_name):
    """What is wrong with a RECORD, files being {name: content} of everything in the wheel (or
    installed): a file it does not list, a row whose file is missing, a wrong hash or size.
    Only RECORD itself goes without a hash; the files pip writes at install (.pyc) may too."""
    problems = []
    rows = {}
    for row in csv.reader(io.StringIO(files[record_name].decode())):
        if len(row) != 3:
            problems.append(f"malformed row {row}")
            continue
        if row[0] in rows:
            problems.append(f"{row[0]} listed twice")
        rows[row[0]] = row
    for name in files:
        if name not in rows:
            problems.append(f"{name} not in RECORD")
    for name, (_, digest, size) in rows.items():
        if name == record_name or (not digest and name.endswith(".pyc")):
            continue
        if name not in files:
            problems.append(f"{name} in RECORD but missing")
        elif digest != record_hash(files[name]):
            problems.append(f"{name}: hash {digest}, file {record_hash(files[name])}")
        elif size != str(len(files[name])):
            problems.append(f"{name}: size {size}, file {len(files[name])}")
    return problems


def wheel_files(path):
    with zipfile.ZipFile(path) as wheel:
        return {name: wheel.read(name) for name in wheel.namelist() if not name.endswith("/")}


def cmake_version():
    return re.search(r"project\(\s*parley\s+VERSION\s+([0-9.]+)", (SOURCE / "CMakeLists.txt").read_text()).group(1)


class PipInstall(unittest.TestCase):
    """One venv for the class: the wheel pip builds from the sources, and `pip install` of them."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = Path(tempfile.mkdtemp(prefix="parley-pip-")).resolve()
        cls.addClassCleanup(shutil.rmtree, cls.tmp, ignore_errors=True)  # also if the set-up fails
        cls.venv = cls.tmp / "env"
        cls.python = cls.venv / "bin" / "python"
        cls.outside = cls.tmp / "elsewhere"  # the folder the venv's commands run in
        cls.outside.mkdir()
        # Debian's numpy and pandas come into the venv from the system's site-packages.
        run([sys.executable, "-m", "venv", "--system-site-packages", cls.venv], cwd=cls.outside)
        pip = [cls.python, "-m", "pip"]
        run([*pip, "wheel", "--no-index", "--no-cache-dir", "--no-deps", "-w", cls.tmp / "wheels", SOURCE],
            cwd=cls.outside)
        cls.wheel = next((cls.tmp / "wheels").glob("parley-*.whl"))
        run([*pip, "install", "--no-index", "--no-cache-dir", SOURCE], cwd=cls.outside)

    def probe(self):
        proc = run([self.python, "-c", PROBE], cwd=self.outside, check=False)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        return json.loads(proc.stdout)

    def import_problem(self, found):
        """Why the probe's parley is not the installed one, or None."""
        expected = Path(found["platlib"]) / "parley"
        for key in ("file", "core"):
            path = Path(found[key]).resolve()
            if path.parent != expected.resolve() or not path.is_relative_to(self.venv):
                return f"parley {key} is {path}, not in {expected}"
        return None

    def test_wheel_name_tag_and_metadata(self):
        version = cmake_version()
        _, wheel_version, python, abi, platform = self.wheel.stem.split("-")
        self.assertEqual(wheel_version, version)
        files = wheel_files(self.wheel)
        dist_info = f"parley-{version}.dist-info"
        wheel_text = files[f"{dist_info}/WHEEL"].decode()
        self.assertIn("Root-Is-Purelib: false\n", wheel_text)
        self.assertIn(f"Tag: {python}-{abi}-{platform}\n", wheel_text)
        # The tag is one the venv's interpreter accepts, and no wider than its ABI.
        supported = run([self.python, "-c", "from pip._vendor.packaging.tags import sys_tags;"
                         "print('\\n'.join(map(str, sys_tags())))"], cwd=self.outside).stdout.split()
        self.assertIn(f"{python}-{abi}-{platform}", supported)
        self.assertNotIn(abi, ("none", "abi3"))
        self.assertNotEqual(platform, "any")
        metadata = files[f"{dist_info}/METADATA"].decode()
        for line in ("Metadata-Version: 2.1", "Name: parley", f"Version: {version}",
                     "Requires-Python: >=3.11", "Requires-Dist: numpy", "Requires-Dist: pandas"):
            self.assertIn(line + "\n", metadata)
        # Every file of the package's sources and the extension module, nothing else.
        sources = {f"parley/{p.name}" for p in (SOURCE / "sim" / "python" / "parley").iterdir() if p.is_file()}
        modules = {name for name in files if re.fullmatch(r"parley/_core\..*\.so", name)}
        self.assertEqual(len(modules), 1, modules)
        self.assertEqual(set(files), sources | modules | {f"{dist_info}/{n}" for n in ("METADATA", "WHEEL", "RECORD")})
        for name in sources:  # as they are now, not an older copy in the build folder
            self.assertEqual(files[name], (SOURCE / "sim" / "python" / name).read_bytes(), name)

    def test_wheel_record_lists_every_file_with_its_hash(self):
        files = wheel_files(self.wheel)
        record = next(name for name in files if name.endswith(".dist-info/RECORD"))
        self.assertEqual(record_problems(files, record), [])

    def test_record_check_catches_a_changed_a_missing_and_an_unlisted_file(self):
        files = wheel_files(self.wheel)
        record = next(name for name in files if name.endswith(".dist-info/RECORD"))
        changed = dict(files, **{"parley/__init__.py": files["parley/__init__.py"] + b"\n"})
        self.assertTrue(any("hash" in p for p in record_problems(changed, record)))
        missing = {k: v for k, v in files.items() if k != "parley/results.py"}
        self.assertIn("parley/results.py in RECORD but missing", record_problems(missing, record))
        unlisted = dict(files, **{"parley/extra.py": b""})
        self.assertIn("parley/extra.py not in RECORD", record_problems(unlisted, record))

    def test_installed_package_imports_from_the_venv_then_uninstalls(self):
        # The one test that needs parley installed, in order: import, the files, uninstall.
        self.assertFalse(self.outside.is_relative_to(SOURCE))
        found = self.probe()
        self.assertIsNone(self.import_problem(found))
        expected = json.loads(run([CLI, "analyze", "fearon", "--format", "json"], cwd=self.outside).stdout)
        self.assertEqual(found["analyze"], expected)
        # What pip installed is what its RECORD in the venv says, hash for hash, and holds the wheel.
        platlib = Path(found["platlib"])
        dist_info = f"parley-{cmake_version()}.dist-info"
        installed = {str(p.relative_to(platlib)): p.read_bytes()
                     for folder in ("parley", dist_info) for p in (platlib / folder).rglob("*") if p.is_file()}
        self.assertEqual(record_problems(installed, f"{dist_info}/RECORD"), [])
        for name, data in wheel_files(self.wheel).items():
            if name.startswith("parley/"):
                self.assertEqual(installed.get(name), data, f"{name} installed differs from the wheel's")

        run([self.python, "-m", "pip", "uninstall", "-y", "parley"], cwd=self.outside)
        proc = run([self.python, "-c", "import parley"], cwd=self.outside, check=False)
        self.assertNotEqual(proc.returncode, 0)
        self.assertIn("No module named 'parley'", proc.stderr)
        self.assertEqual(sorted(p.name for p in platlib.glob("parley*")), [])

    def test_import_check_catches_a_package_from_elsewhere(self):
        elsewhere = self.tmp / "shadow"
        (elsewhere / "parley" / "_core").mkdir(parents=True, exist_ok=True)
        (elsewhere / "parley" / "__init__.py").write_text("from . import _core\n")
        (elsewhere / "parley" / "_core" / "__init__.py").write_text("")
        env = dict(venv_environment(), PYTHONPATH=str(elsewhere))
        found = run([self.python, "-c", "import json, sysconfig, parley; print(json.dumps({'file': parley.__file__,"
                     "'core': parley._core.__file__, 'platlib': sysconfig.get_path('platlib')}))"],
                    cwd=self.outside, env=env).stdout
        self.assertIn("not in", self.import_problem(json.loads(found)))

    @unittest.skipUnless((SOURCE / ".git").exists(), "an sdist is made of the files git tracks")
    def test_sdist_holds_what_the_wheel_is_built_from(self):
        # The hook as a frontend calls it: in the source tree (-B: no __pycache__ left there).
        code = "import sys, parley_wheel; print(parley_wheel.build_sdist(sys.argv[1]))"
        env = dict(os.environ, PYTHONPATH=str(SOURCE / "tools" / "python_wheel"))
        name = run([sys.executable, "-B", "-c", code, self.tmp / "sdist"], cwd=SOURCE, env=env).stdout.strip()
        version = cmake_version()
        self.assertEqual(name, f"parley-{version}.tar.gz")
        with tarfile.open(self.tmp / "sdist" / name) as sdist:
            names = set(sdist.getnames())
            pkg_info = sdist.extractfile(f"parley-{version}/PKG-INFO").read().decode()
        tracked = run(["git", "-C", SOURCE, "ls-files"], cwd=SOURCE, env=os.environ).stdout.split("\n")
        expected = {f"parley-{version}/{path}" for path in tracked if path and (SOURCE / path).exists()}
        self.assertEqual(names - expected, {f"parley-{version}/PKG-INFO"})
        self.assertEqual(expected - names, set())
        for path in ("pyproject.toml", "CMakeLists.txt", "tools/python_wheel/parley_wheel.py",
                     "sim/python/core_module.cpp", "sim/python/parley/__init__.py"):
            self.assertIn(f"parley-{version}/{path}", names)
        self.assertIn(f"Version: {version}\n", pkg_info)


if __name__ == "__main__":
    unittest.main()
