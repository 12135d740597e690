"""The in-tree PEP 517 build backend behind `pip install .` (pyproject.toml, docs/python.md).

A setuptools backend would have pip download setuptools into its isolated build environment; this
one needs only the standard library, so `pip install --no-index .` works offline. It builds the
CMake target `parley_python`, which assembles the importable package in <build>/python/parley
(the .py files, the extension module parley._core, its stubs, py.typed), and packs that package
into a wheel for the running interpreter.

The build folder is $PARLEY_WHEEL_BUILD_DIR if set, else <source>/build/wheel. A folder already
configured by someone else (a CTest build, tools/setup.sh --python) is only built, never
reconfigured, so that its own options stay; <source>/build/wheel, or a folder not configured yet,
is configured here: Release, the module on, neither the tests nor the benchmarks. CMake's output
goes to stderr. $CMAKE_BUILD_PARALLEL_LEVEL sets the jobs (2 by default).
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import os
import re
import shlex
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import time
import zipfile
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python < 3.11, which pyproject.toml's requires-python rules out
    tomllib = None

__all__ = ["get_requires_for_build_wheel", "prepare_metadata_for_build_wheel", "build_wheel",
           "get_requires_for_build_sdist", "build_sdist", "BuildError"]

# The [project] keys that metadata() writes; any other key is refused rather than silently dropped.
_PROJECT_KEYS = {"name", "dynamic", "description", "readme", "requires-python", "license", "dependencies"}


class BuildError(RuntimeError):
    """A step of the build failed; the message says which and what to do."""


# ---- The project: pyproject.toml's [project] table and CMakeLists.txt's version -----------------

def _source() -> Path:
    """The source tree: PEP 517 runs every hook with it as the working directory."""
    source = Path.cwd()
    if not (source / "CMakeLists.txt").is_file() or not (source / "pyproject.toml").is_file():
        raise BuildError(f"{source} is not Parley's source tree (no CMakeLists.txt and pyproject.toml)")
    return source


def version(source: Path) -> str:
    """The version in CMakeLists.txt's `project(parley VERSION x.y.z ...)`."""
    text = (source / "CMakeLists.txt").read_text(encoding="utf-8")
    found = re.search(r"^\s*project\(\s*parley\s+VERSION\s+([0-9]+(?:\.[0-9]+)*)", text, re.MULTILINE | re.IGNORECASE)
    if not found:
        raise BuildError(f"no `project(parley VERSION x.y.z` in {source / 'CMakeLists.txt'}")
    return found.group(1)


def _project(source: Path) -> dict:
    if tomllib is None:
        raise BuildError("Parley's build backend needs Python 3.11 or later (tomllib)")
    with open(source / "pyproject.toml", "rb") as f:
        project = tomllib.load(f).get("project", {})
    unknown = sorted(set(project) - _PROJECT_KEYS - {"version"})
    if unknown:
        raise BuildError(f"pyproject.toml's [project] has {', '.join(unknown)}, which "
                         "tools/python_wheel/parley_wheel.py does not write into the wheel's METADATA: add them there")
    if "version" in project and project["version"] != version(source):
        raise BuildError(f"pyproject.toml says version {project['version']}, CMakeLists.txt {version(source)}: "
                         "leave the version to CMakeLists.txt (dynamic = [\"version\"])")
    return project


def _normalized(name: str) -> str:
    """The distribution name as wheel and dist-info file names spell it."""
    return re.sub(r"[-_.]+", "_", name).lower()


def metadata(source: Path) -> str:
    """The core metadata (METADATA in the wheel, PKG-INFO in the sdist), version 2.1."""
    project = _project(source)
    lines = ["Metadata-Version: 2.1", f"Name: {project['name']}", f"Version: {version(source)}"]
    if "description" in project:
        lines.append(f"Summary: {' '.join(project['description'].split())}")
    if "requires-python" in project:
        lines.append(f"Requires-Python: {project['requires-python']}")
    terms = project.get("license")
    if isinstance(terms, dict) and "file" in terms:
        terms = (source / terms["file"]).read_text(encoding="utf-8")
    elif isinstance(terms, dict):
        terms = terms.get("text")
    if terms:
        # A multi-line field continues on lines indented by eight spaces (core metadata spec).
        lines.append("License: " + "\n        ".join(terms.strip().splitlines()))
    lines += [f"Requires-Dist: {requirement}" for requirement in project.get("dependencies", [])]
    description = ""
    readme = project.get("readme")
    if readme:
        readme_file = readme if isinstance(readme, str) else readme["file"]
        kind = {".md": "text/markdown", ".rst": "text/x-rst"}.get(Path(readme_file).suffix.lower(), "text/plain")
        if isinstance(readme, dict):
            kind = readme.get("content-type", kind)
        lines.append(f"Description-Content-Type: {kind}")
        description = "\n" + (source / readme_file).read_text(encoding="utf-8")
    return "\n".join(lines) + "\n" + description


# ---- The wheel's tag: this interpreter, this platform -------------------------------------------

def wheel_tag() -> str:
    """`interpreter-abi-platform` for the running Python, e.g. cp311-cp311-linux_x86_64: the
    extension module is built for this interpreter's ABI, so the wheel claims nothing wider."""
    name = sys.implementation.name
    python = f"{sys.version_info.major}{sys.version_info.minor}"
    interpreter = {"cpython": "cp", "pypy": "pp"}.get(name, name) + python
    if name == "cpython":
        abi = f"cp{python}" + ("d" if sysconfig.get_config_var("Py_DEBUG") else "")
        abi += "t" if sysconfig.get_config_var("Py_GIL_DISABLED") else ""
    else:
        abi = re.sub(r"[-.]", "_", sysconfig.get_config_var("SOABI") or "none")
    platform = re.sub(r"[-.]", "_", sysconfig.get_platform())
    if platform == "linux_x86_64" and sys.maxsize <= 2**32:
        platform = "linux_i686"  # a 32-bit Python on a 64-bit kernel (as pip's own tags say)
    return f"{interpreter}-{abi}-{platform}"


def _wheel_file(tag: str) -> str:
    return f"Wheel-Version: 1.0\nGenerator: parley_wheel\nRoot-Is-Purelib: false\nTag: {tag}\n"


def _dist_info(source: Path) -> str:
    return f"{_normalized(_project(source)['name'])}-{version(source)}.dist-info"


# ---- Building the module with CMake -------------------------------------------------------------

def _run(command: list[str], env: dict[str, str]) -> None:
    """Runs command with its output on stderr (pip shows it with -v, and on failure)."""
    print("parley_wheel: " + shlex.join(command), file=sys.stderr, flush=True)
    sys.stdout.flush()
    try:
        # File descriptor 2 rather than sys.stderr, which may be an object without one.
        status = subprocess.run(command, env=env, stdout=2, stderr=2).returncode
    except FileNotFoundError:
        raise BuildError(f"{command[0]} not found: install Debian's cmake and ninja-build "
                         "(tools/setup.sh --python installs what the module needs)") from None
    if status != 0:
        raise BuildError(f"`{shlex.join(command)}` failed with exit status {status} (its output is above)")


def _cache(build: Path) -> dict[str, str]:
    """CMakeCache.txt's entries, KEY:TYPE=VALUE, as {KEY: VALUE}."""
    entries = {}
    for line in (build / "CMakeCache.txt").read_text(encoding="utf-8", errors="replace").splitlines():
        found = re.match(r"([^#/][^:=]*)(?::[A-Z]+)?=(.*)", line)
        if found:
            entries[found.group(1)] = found.group(2)
    return entries


def _environment(source: Path, launcher: bool) -> dict[str, str]:
    env = dict(os.environ)
    if launcher:
        # As tools/setup.sh sets them: paths hashed relative to the clone, so a module already
        # compiled by another build of the same sources on this machine comes from ccache.
        env.setdefault("CCACHE_BASEDIR", str(source))
        env.setdefault("CCACHE_SLOPPINESS", "pch_defines,time_macros,include_file_mtime,include_file_ctime")
        env.setdefault("CCACHE_NOHASHDIR", "1")
        env.setdefault("CCACHE_DEPEND", "1")
    return env


def compile_module(source: Path) -> Path:
    """Builds the target parley_python; returns <build>/python/parley."""
    given = os.environ.get("PARLEY_WHEEL_BUILD_DIR")
    build = Path(given).resolve() if given else source / "build" / "wheel"
    configured = (build / "CMakeCache.txt").is_file()
    ccache = os.environ.get("PARLEY_NO_CCACHE", "0") != "1" and shutil.which("ccache") is not None
    env = _environment(source, ccache)
    if given and configured:
        cache = _cache(build)
        home = cache.get("CMAKE_HOME_DIRECTORY", "")
        if not home or not Path(home).exists() or not os.path.samefile(home, source):
            raise BuildError(f"PARLEY_WHEEL_BUILD_DIR={build} is a build of {home or 'an unknown source'}, "
                             f"not of {source}")
        if cache.get("PARLEY_PYTHON", "").upper() not in ("ON", "1", "TRUE", "YES"):
            raise BuildError(f"PARLEY_WHEEL_BUILD_DIR={build} was configured without -DPARLEY_PYTHON=ON")
    else:
        # Our own folder is configured every time (quick once configured), so that it follows the
        # interpreter pip runs: a module is built for one Python.
        command = ["cmake", "-S", str(source), "-B", str(build), "-DCMAKE_BUILD_TYPE=Release",
                   "-DPARLEY_PYTHON=ON", f"-DPython3_EXECUTABLE={sys.executable}",
                   "-DPARLEY_BUILD_TESTS=OFF", "-DPARLEY_BUILD_BENCHMARKS=OFF"]
        if not configured and shutil.which("ninja"):
            command += ["-G", "Ninja"]
        command += ["-DCMAKE_CXX_COMPILER_LAUNCHER=ccache"] if ccache else ["-UCMAKE_CXX_COMPILER_LAUNCHER"]
        _run(command, env)
    jobs = os.environ.get("CMAKE_BUILD_PARALLEL_LEVEL") or "2"
    _run(["cmake", "--build", str(build), "--target", "parley_python", "-j", jobs], env)
    return build / "python" / "parley"


def package_files(source: Path, package: Path) -> list[tuple[str, Path]]:
    """(name in the wheel, file) for every file of the package: the files of sim/python/parley and
    the extension module for this interpreter, built in `package` (<build>/python/parley).

    The pure files are taken from the sources, not from their copies beside the module: CMake
    copies them after linking the module, so a .py edited since the last link is stale there.
    Anything else in `package` (a __pycache__, a module for another Python) stays out."""
    sources = sorted(p for p in (source / "sim" / "python" / "parley").iterdir() if p.is_file() and p.suffix != ".pyc")
    module = "_core" + sysconfig.get_config_var("EXT_SUFFIX")
    if not (package / module).is_file():
        others = sorted(p.name for p in package.glob("_core.*"))
        raise BuildError(f"{package} has no {module}, the module for this Python ({sys.executable})"
                         + (f"; it has {', '.join(others)}: its build folder was configured for another Python"
                            if others else ""))
    return [(f"parley/{path.name}", path) for path in sources] + [(f"parley/{module}", package / module)]


# ---- Writing the wheel --------------------------------------------------------------------------

def _record_hash(data: bytes) -> str:
    """RECORD's hash: sha256, urlsafe base64 without padding (the wheel spec)."""
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode("ascii")


def _zip_date() -> tuple[int, int, int, int, int, int]:
    """SOURCE_DATE_EPOCH if set (reproducible builds), else the earliest date a zip can hold:
    the same sources then give the same wheel, byte for byte."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return time.gmtime(max(int(epoch), 315532800))[:6] if epoch else (1980, 1, 1, 0, 0, 0)


def write_wheel(directory: Path, name: str, entries: list[tuple[str, bytes, bool]]) -> None:
    """Writes the wheel `directory/name` holding entries (name, content, executable) and a RECORD
    of them, which goes last as the wheel spec recommends for the dist-info."""
    dist_info = next(entry for entry, _, _ in entries if entry.endswith(".dist-info/METADATA")).rsplit("/", 1)[0]
    record = io.StringIO()
    writer = csv.writer(record, lineterminator="\n")
    for entry, data, _ in entries:
        writer.writerow([entry, _record_hash(data), len(data)])
    writer.writerow([f"{dist_info}/RECORD", "", ""])
    date = _zip_date()
    with zipfile.ZipFile(directory / name, "w", zipfile.ZIP_DEFLATED) as wheel:
        for entry, data, executable in [*entries, (f"{dist_info}/RECORD", record.getvalue().encode(), False)]:
            info = zipfile.ZipInfo(entry, date)
            info.external_attr = (0o100755 if executable else 0o100644) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            wheel.writestr(info, data)


# ---- The PEP 517 hooks --------------------------------------------------------------------------

def get_requires_for_build_wheel(config_settings=None) -> list[str]:
    """Nothing to install: the backend is the standard library and CMake is Debian's."""
    return []


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None) -> str:
    """Writes the dist-info folder (METADATA, WHEEL) without building anything; returns its name."""
    source = _source()
    dist_info = Path(metadata_directory) / _dist_info(source)
    dist_info.mkdir(parents=True, exist_ok=True)
    (dist_info / "METADATA").write_text(metadata(source), encoding="utf-8")
    (dist_info / "WHEEL").write_text(_wheel_file(wheel_tag()), encoding="utf-8")
    return dist_info.name


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None) -> str:
    """Builds the module with CMake and writes parley-<version>-<tag>.whl; returns its name."""
    source = _source()
    files = package_files(source, compile_module(source))
    dist_info = _dist_info(source)
    tag = wheel_tag()
    entries = [(name, path.read_bytes(), os.access(path, os.X_OK)) for name, path in files]
    entries += [(f"{dist_info}/METADATA", metadata(source).encode("utf-8"), False),
                (f"{dist_info}/WHEEL", _wheel_file(tag).encode("utf-8"), False)]
    name = f"{dist_info.removesuffix('.dist-info')}-{tag}.whl"
    Path(wheel_directory).mkdir(parents=True, exist_ok=True)
    write_wheel(Path(wheel_directory), name, entries)
    print(f"parley_wheel: wrote {name}", file=sys.stderr)
    return name


def get_requires_for_build_sdist(config_settings=None) -> list[str]:
    return []


def build_sdist(sdist_directory, config_settings=None) -> str:
    """Writes parley-<version>.tar.gz: the files git tracks (as they are in the work tree) and
    PKG-INFO, all under parley-<version>/. Needs a git checkout."""
    source = _source()
    try:
        listed = subprocess.run(["git", "-C", str(source), "ls-files", "-z", "--cached"],
                                capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError) as error:
        raise BuildError(f"an sdist is made of the files git tracks, and `git ls-files` failed in {source}: "
                         f"{getattr(error, 'stderr', b'').decode(errors='replace').strip() or error}") from None
    top = f"{_normalized(_project(source)['name'])}-{version(source)}"
    name = f"{top}.tar.gz"
    Path(sdist_directory).mkdir(parents=True, exist_ok=True)

    def anonymous(info: tarfile.TarInfo) -> tarfile.TarInfo:
        # Whose machine built it is no part of the sdist.
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        return info

    with tarfile.open(Path(sdist_directory) / name, "w:gz", format=tarfile.PAX_FORMAT) as sdist:
        for path in sorted(p for p in listed.decode("utf-8").split("\0") if p):
            if os.path.lexists(source / path):  # a tracked file deleted in the work tree stays out
                sdist.add(source / path, f"{top}/{path}", recursive=False, filter=anonymous)
        pkg_info = metadata(source).encode("utf-8")
        info = anonymous(tarfile.TarInfo(f"{top}/PKG-INFO"))
        info.size, info.mode = len(pkg_info), 0o644
        sdist.addfile(info, io.BytesIO(pkg_info))
    return name
