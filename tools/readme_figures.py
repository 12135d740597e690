#!/usr/bin/python3
"""Regenerate the README's figures from the default scenario (ukraine-2025), fixed seeds.

    tools/readme_figures.py [OUTDIR]     # default: docs/images

Writes four PNGs, each from one parley command (the binary is $PARLEY_CLI, else
build/parley, else parley on PATH):

- settlement.png  share of talks settled by week, as in the file vs both sides quick (parley run)
- meta-game.png   the prolonged/quick meta-game with its equilibria (parley compare)
- frontier.png    the Pareto frontier with the disagreement, Nash and KS points (parley analyze)
- regime-map.png  the meta-game over Russia's starting advantage, with its boundaries (parley compare --across)

and, where Debian's chromium is installed, a fifth:

- report.png      the top of the default scenario's HTML page (parley report), as headless
                  Chromium renders it (tests/report/browser_check.py)

CI runs this into a temporary folder; the images in docs/images are regenerated, never edited.
"""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import plot as pp  # noqa: E402

SEED = 1


def settlement(out: Path) -> Path:
    """Settlement-time curves of the default scenario, as in the file and with both sides quick."""
    runs = {"as in the file (Russia prolonged, Ukraine linear)": pp.run_json(runs=5000, seed=SEED),
            "both sides quick": pp.run_json(sets={"parties.russia.strategy": "quick",
                                                  "parties.ukraine.strategy": "quick"},
                                            runs=5000, seed=SEED)}
    ax = pp.plot_settlement(runs, ended=True,
                            title="The 2025 talks: share settled by week (parley run, 5000 runs, seed 1)")
    return pp.save(ax, out / "settlement.png")


def meta_game(out: Path) -> Path:
    """The prolonged/quick strategy meta-game of the default scenario with its equilibria."""
    return pp.save(pp.plot_payoff_matrix(pp.compare_json(runs=2000, seed=SEED)), out / "meta-game.png")


def frontier(out: Path) -> Path:
    """Pareto frontier of Russia's and Ukraine's utilities with d, Nash, KS and max welfare."""
    return pp.save(pp.plot_frontier(pp.analyze_json()), out / "frontier.png")


def regime_map(out: Path) -> Path:
    """The prolonged/quick meta-game over Russia's starting advantage, boundaries bisected."""
    regime = pp.regime_json("battlefield.advantage.from=-0.5:0.5:11", runs=1000, seed=SEED)
    return pp.save(pp.plot_regime_map(regime), out / "regime-map.png")


def report(out: Path) -> Path | None:
    """The top of `parley report`'s page for the default scenario, rendered by headless
    Chromium and checked as the report tests check it; None without chromium."""
    if shutil.which("chromium") is None:
        print("report.png: skipped (no chromium; tools/setup.sh --browser installs it)")
        return None
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "report.html"
        # Written from its own folder, so the page's "made by" line reads `-o report.html`.
        subprocess.run([str(Path(pp.cli_path()).resolve()), "report", "--seed", str(SEED), "-o", page.name],
                       cwd=folder, check=True)
        shot = out / "report.png"
        subprocess.run([sys.executable, str(pp.REPO / "tests" / "report" / "browser_check.py"), str(page),
                        "--screenshot", str(shot), "--window-size", "1280,1500"], check=True)
    return shot


def main(argv) -> int:
    """Write the figures into OUTDIR (default docs/images) and list them."""
    out = Path(argv[1]) if len(argv) > 1 else pp.REPO / "docs" / "images"
    out.mkdir(parents=True, exist_ok=True)
    for make in (settlement, meta_game, frontier, regime_map, report):
        made = make(out)
        if made is not None:
            print(made)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except pp.ParleyNotFound as missing:
        print(f"tools/readme_figures.py: {missing}", file=sys.stderr)
        sys.exit(2)
