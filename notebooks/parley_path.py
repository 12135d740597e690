"""Where Parley's teaching notebooks find the Python module ``parley``.

The set-up cell of every notebook calls ``add_parley()`` before ``import parley``. The module is
taken from ``$PARLEY_PYTHONPATH`` if it is set (CTest points it at the module of the build under
test), else from ``<repo>/build/python`` if ``tools/setup.sh --python`` built it there, else from
wherever Python finds an installed ``parley``. When there is none, the error says in one line
what to run.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


class ParleyModuleNotFound(ImportError):
    """No module parley: its message is the one line that says what to build."""

    def _render_traceback_(self):
        # IPython shows this instead of a traceback, so a notebook says one line, not a stack.
        return [f"ParleyModuleNotFound: {self}"]


def add_parley(repo: Path = REPO) -> str:
    """Put the folder holding the module parley first on ``sys.path`` and say which one it is:
    ``$PARLEY_PYTHONPATH`` (which must hold ``parley/``), else ``<repo>/build/python`` if it holds
    ``parley/``, else an installed parley. Raises ParleyModuleNotFound when there is none."""
    explicit = os.environ.get("PARLEY_PYTHONPATH")
    built = Path(repo) / "build" / "python"
    if explicit:
        if not (Path(explicit) / "parley").is_dir():
            raise ParleyModuleNotFound(f"PARLEY_PYTHONPATH={explicit} holds no parley/: build the module with "
                                       f"`tools/setup.sh --python` (in {repo}) and point PARLEY_PYTHONPATH at "
                                       "<build>/python")
        folder, how = explicit, "$PARLEY_PYTHONPATH"
    elif (built / "parley").is_dir():
        folder, how = str(built), "the repository's build/python"
    else:
        folder, how = None, "installed"
    if folder is not None:
        if folder in sys.path:
            sys.path.remove(folder)
        sys.path.insert(0, folder)
    importlib.invalidate_caches()
    spec = importlib.util.find_spec("parley")
    if spec is None or spec.origin is None:
        raise ParleyModuleNotFound(f"no module parley (not $PARLEY_PYTHONPATH, {built}, nor installed): run "
                                   f"`tools/setup.sh --python` in {repo}, or set PARLEY_PYTHONPATH to the folder "
                                   "holding parley/")
    return f"{Path(spec.origin).resolve().parent} ({how})"
