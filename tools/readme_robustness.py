#!/usr/bin/python3
"""Rewrite the README's robustness tables from the program's own output.

    tools/readme_robustness.py [README]     # default: README.md

Each block of the README between a line `<!-- robustness: ARGS -->` and the next
`<!-- /robustness -->` is replaced by the robustness section of `parley ARGS` (the binary is
$PARLEY_CLI, else build/parley): the lines from "Robustness:" to the end, in a text fence.
tests/repository/readme_robustness_test.cpp checks that the blocks match the program.
"""

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BLOCK = re.compile(r"(<!-- robustness: (?P<args>[^>]*?) -->\n)(?P<body>.*?)(<!-- /robustness -->)", re.S)


def robustness_section(args: str) -> str:
    binary = os.environ.get("PARLEY_CLI", str(ROOT / "build" / "parley"))
    out = subprocess.run([binary, *shlex.split(args)], check=True, capture_output=True, text=True).stdout
    start = out.index("Robustness:")
    return out[start:].rstrip("\n") + "\n"


def main() -> int:
    readme = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "README.md"
    text = readme.read_text()
    rewritten = BLOCK.sub(lambda m: m.group(1) + "```text\n" + robustness_section(m.group("args")) + "```\n" +
                          m.group(4), text)
    readme.write_text(rewritten)
    print(f"rewrote {len(BLOCK.findall(text))} robustness blocks of {readme}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
