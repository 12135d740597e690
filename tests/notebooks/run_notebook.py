#!/usr/bin/python3
"""Execute notebooks top to bottom, headless, the way CTest runs the teaching notebooks.

    /usr/bin/python3 tests/notebooks/run_notebook.py [--timeout S] [--output-dir DIR] NOTEBOOK...

It does what ``jupyter-nbconvert --to notebook --execute --output-dir DIR`` does (the kernel runs in
the notebook's folder; a cell that raises stops the run, printed with its traceback, and the exit
status is 1), with two differences:

- it is nbclient alone, without nbconvert's exporters, and stops the kernel without waiting for a
  graceful shutdown: about 0.7 s less per notebook (the notebooks are the longest part of the
  suite);
- it runs notebooks that make ipywidgets with Debian bookworm's packages: python3-ipywidgets 6
  opens a widget's comm with the widget's state as the message's data, where python3-nbclient 0.7
  expects it under ``data["state"]`` (ipywidgets 7 and later) and stops with ``KeyError: 'state'``
  (so ``jupyter-nbconvert --execute`` fails on notebooks/09-what-if-sliders.ipynb). A headless run
  has no widgets to render, so such messages are ignored here; the outputs of the cells are kept.

The executed copies (with outputs) go to DIR, under the notebook's file name.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError


class HeadlessClient(NotebookClient):
    """nbclient's client, tolerant of the widget comms of ipywidgets 6."""

    def on_comm_open_jupyter_widget(self, msg):
        if "state" not in msg["content"]["data"]:  # ipywidgets 6: nothing to mimic headless
            return None
        return super().on_comm_open_jupyter_widget(msg)


def run(path: Path, output_dir: Path | None, timeout: int) -> bool:
    """Execute one notebook in its own folder; write the executed copy; True if every cell ran."""
    nb = nbformat.read(path, as_version=4)
    # The kernel is stopped at once when the last cell has run: nothing it would do on a graceful
    # shutdown matters to the run, which saves about 0.2 s a notebook.
    client = HeadlessClient(nb, timeout=timeout, kernel_name=nb.metadata.get("kernelspec", {}).get("name", "python3"),
                            shutdown_kernel="immediate", resources={"metadata": {"path": str(path.resolve().parent)}})
    ok = True
    try:
        client.execute()
    except CellExecutionError as failed:
        print(f"{path}: {failed}", file=sys.stderr)
        ok = False
    if output_dir is not None:
        output_dir.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, output_dir / path.name)
    return ok


def main(argv=None) -> int:
    """Run each notebook given; exit 1 if any cell of any of them raised."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("notebooks", nargs="+", type=Path)
    ap.add_argument("--output-dir", type=Path, help="write the executed notebooks here")
    ap.add_argument("--timeout", type=int, default=240, help="seconds a cell may take (default 240)")
    a = ap.parse_args(argv)
    results = [run(nb, a.output_dir, a.timeout) for nb in a.notebooks]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
