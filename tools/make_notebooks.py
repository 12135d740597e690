#!/usr/bin/python3
"""Write Parley's teaching notebooks (notebooks/*.ipynb) and their answer keys
(notebooks/answers/*-answers.ipynb) from the one source below, without outputs.

    tools/make_notebooks.py           # (re)write the notebooks
    tools/make_notebooks.py --check   # exit 1 if the committed notebooks differ from this source

A student notebook and its answer key differ only in the exercise cells: the student's holds
``answer_X_Y = None``, the key's holds the worked solution. The check cell after each exercise
is the same in both (``checks.exercise_X_Y(answer_X_Y)``): it reminds while the answer is None
and asserts once answered, so CI executes both versions top to bottom. An *explain* exercise
(``explain``) asks why something happens: its answer is prose in a markdown cell, a placeholder
for the student and the model answer in the key, with no check. A *predict-then-check* exercise
(``predict``) records a prediction before a cell runs, then asks for the answer read off its
output: the check asserts the answer and says whether the prediction agreed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "notebooks"

SETUP = '''\
%matplotlib inline
import sys
from pathlib import Path

# Find the repository (the folder holding tools/plot.py) from wherever the notebook runs.
ROOT = next(p for p in (Path.cwd(), *Path.cwd().parents) if (p / "tools" / "plot.py").is_file())
sys.path[:0] = [str(ROOT / "tools"), str(ROOT / "notebooks")]

import numpy as np
import pandas as pd
import matplotlib.pyplot as plt

import parley_path  # finds the module parley: $PARLEY_PYTHONPATH, else build/python, else an installed one
print("parley module:", parley_path.add_parley())
import parley       # Parley itself: parley.load(scenario).set({...}).analyze(), .solve(), .run(), .compare()
import plot as pp   # draws Parley's results (tools/plot.py, also a command: tools/plot.py --help)
import checks       # the exercise checks'''


def md(text: str) -> dict:
    """A markdown cell."""
    return {"kind": "md", "src": text.strip("\n")}


def code(text: str) -> dict:
    """A code cell, the same in the student notebook and the answer key."""
    return {"kind": "code", "src": text.strip("\n")}


def exercise(num: str, question: str, solution: str, check: str | None = None) -> list[dict]:
    """An exercise: the question, the answer cell (None for students, ``solution`` in the key),
    and the check cell."""
    var = "answer_" + num.replace(".", "_")
    check = check or f"checks.exercise_{num.replace('.', '_')}({var});"
    return [md(f"**Exercise {num}.** {question.strip()}"),
            {"kind": "exercise", "student": f"# Your answer (replace None), then run the check below.\n{var} = None",
             "solution": solution.strip("\n")},
            code(check)]


def explain(num: str, question: str, answer: str) -> list[dict]:
    """An explain exercise: a why-question answered in prose, a placeholder markdown cell for the
    student and the model answer in the key; no check (prose is for a teacher to read)."""
    return [md(f"**Exercise {num} (explain).** {question.strip()}"),
            {"kind": "prose",
             "student": "*Your answer:* double-click this cell and replace this line with a few sentences.",
             "solution": "**Model answer.** " + answer.strip()}]


def predict(num: str, question: str, options: str, prediction: str, reasoning: str, run: str,
            read: str, solution: str, check: str | None = None) -> list[dict]:
    """A predict-then-check exercise: the question, the prediction (``prediction_X_Y``, one of
    ``options``) and its reasons in prose, both made *before* the run cell; then the run, the
    answer read off its output and the check, which asserts the answer and compares the prediction."""
    tag = num.replace(".", "_")
    pvar, var = f"prediction_{tag}", f"answer_{tag}"
    check = check or f"checks.exercise_{tag}({var}, {pvar});"
    return [md(f"**Exercise {num} (predict, then check).** {question.strip()}\n\n"
               f"*Before you run the cells below*, set `{pvar}` to {options.strip()} and say why in the "
               "cell under it. The check does not mark the prediction, only compares it with what the "
               "program says; it marks the answer you read off the output."),
            {"kind": "exercise",
             "student": f"# Your prediction (replace None) before you run the next cells.\n{pvar} = None",
             "solution": prediction.strip("\n")},
            {"kind": "prose",
             "student": "*Why I expect this:* double-click this cell and write your reasons before you run on.",
             "solution": "**Model reasoning.** " + reasoning.strip()},
            code(run),
            md(f"**Now check.** {read.strip()}"),
            {"kind": "exercise", "student": f"# Your answer (replace None), then run the check below.\n{var} = None",
             "solution": solution.strip("\n")},
            code(check)]


def sections(title, shows, how, body, notice, exercises, tries, extend) -> list[dict]:
    """The one structure every notebook follows."""
    cells = [md(f"# {title}\n\n## What it shows\n\n{shows.strip()}"),
             md("## How it works\n\n" + how.strip()), code(SETUP)]
    cells += body
    cells.append(md("## Things to notice\n\n" + notice.strip()))
    cells.append(md("## Exercises\n\nEach answer cell starts as `None`; the cell after it checks "
                    "your answer (an `assert` with a hint). An *explain* exercise asks why: answer it in "
                    "a few sentences in the markdown cell under it; it has no check, and the key gives a "
                    "model answer. The teacher's key is in `answers/`."))
    for ex in exercises:
        cells += ex
    cells.append(md("## Things to try\n\n" + tries.strip()))
    cells.append(md("## Extending it\n\n" + extend.strip()))
    return cells


# ============================================================================================
# 01 The bargaining range
# ============================================================================================

NB1 = sections(
    "1. The bargaining range: war as a costly lottery (Fearon 1995)",
    """
Two sides dispute a good of size 1 (x is side A's share). If they fight, A wins everything with
probability p, and war costs c_A and c_B. Because war destroys value, every division in
**(p - c_A, p + c_B)** is better for *both* sides than fighting: a bargaining range always exists
under complete information. This notebook computes the range with `parley analyze` and
`parley solve` on the built-in `fearon` scenario and checks it against Fearon's closed form for
many values of p and the costs.
""",
    """
The `fearon` scenario is a battlefield with three states: the front starts in the middle and, with
tempo 1, moves in the first period to A's win (probability (1 + a)/2 = p) or to A's collapse.
`parley analyze` computes each side's exact value of fighting (its *war value*, here p - c_A and
1 - p - c_B) and the **zone of possible agreement** (ZOPA): the packages every veto party prefers to
fighting. `parley solve` computes the subgame-perfect equilibrium: the proposer offers the
responder exactly its war value.

Everything below calls Parley through its Python module `parley` (the set-up cell says where it
found it), which asks what the command line asks: `fearon = parley.load("fearon")` loads the
scenario, `fearon.set({"battlefield.advantage": 0.4})` is a changed copy (the command line's
`--set battlefield.advantage=0.4`), and `.describe()`, `.analyze()`, `.solve()` and
`.run(runs=..., seed=...)` return what `parley describe|analyze|solve|run fearon --format json`
prints: a dict with the same keys and numbers, whose keys also read as attributes
(`an.zopa.exists`); `print(result)` shows the table the command prints. Each result is then
compared with the closed form written in a cell. `tools/plot.py` (`pp`) draws the pictures.
""",
    [
        md("### The shipped scenario\n\nThe scenario's own parameters, read back from `describe()` "
           "(`parley describe fearon`):"),
        code('''
fearon = parley.load("fearon")                      # the built-in scenario
desc = fearon.describe()
adv = desc.battlefield.advantage.value
p = (1 + adv) / 2                                   # tempo 1: the front moves for sure
cost = {q["id"]: q["cost"] for q in desc["parties"]}
print(f"p = {p:.3f}, c_A = {cost['a']}, c_B = {cost['b']}")

an = fearon.analyze()                               # parley analyze fearon
print("war values:", an["war_value"])
zone_a = an["zopa"]["parties"]["a"]                 # A's utility is its share x
print(f"bargaining range from parley: [{zone_a['low']:.6f}, {zone_a['high']:.6f}]")
print(f"Fearon's closed form:         [{p - cost['a']:.6f}, {p + cost['b']:.6f}]")
'''),
        md("### The range against the closed form, over p and the costs\n\n"
           "Each row is one `analyze()` of the scenario with fields set (`parley analyze fearon "
           "--set ...`); the last columns are the closed form `p - c_A`, `p + c_B`."),
        code('''
def fearon_range(p, c_a, c_b):
    """The bargaining range (A's share) as parley analyze reports it, for win probability p."""
    an = fearon.set({"battlefield.advantage": float(2 * p - 1),      # float(): p may be a NumPy number
                     "parties.a.cost": c_a, "parties.b.cost": c_b}).analyze()
    z = an["zopa"]["parties"]["a"]
    return z["low"], z["high"]

rows = []
for p_ in (0.3, 0.5, 0.6, 0.8):
    for c_a, c_b in ((0.1, 0.1), (0.05, 0.2), (0.15, 0.02)):
        low, high = fearon_range(p_, c_a, c_b)
        rows.append(dict(p=p_, c_A=c_a, c_B=c_b, low=low, high=high,
                         closed_low=p_ - c_a, closed_high=p_ + c_b))
table = pd.DataFrame(rows)
table["max_error"] = np.maximum(abs(table.low - table.closed_low), abs(table.high - table.closed_high))
assert table.max_error.max() < 1e-9, "parley's range differs from Fearon's closed form"
table
'''),
        code('''
ps = np.linspace(0.15, 0.85, 15)
ranges = np.array([fearon_range(q, 0.1, 0.1) for q in ps])
fig, ax = plt.subplots(figsize=(6, 4), layout="constrained")
ax.fill_between(ps, ranges[:, 0], ranges[:, 1], alpha=0.3, label="bargaining range (parley analyze)")
ax.plot(ps, ps - 0.1, "k--", lw=1, label="p - c_A, p + c_B (closed form)")
ax.plot(ps, ps + 0.1, "k--", lw=1)
ax.plot(ps, ps, color="C3", lw=1, label="x = p (the war's expected division)")
ax.set(xlabel="p = P(A wins)", ylabel="A's share x", title="Fearon's bargaining range, c_A = c_B = 0.1")
ax.legend(fontsize=8);
'''),
        md("### Who gets what: the equilibrium picks an end of the range\n\n"
           "With one take-it-or-leave-it offer, the proposer keeps all the surplus: A proposing "
           "gives x = p + c_B, B proposing gives x = p - c_A."),
        code('''
x_a = fearon.solve().offer.agreement.share                                # parley solve fearon
x_b = fearon.set("protocol.order", "[b,a]").solve().offer.agreement.share  # --set 'protocol.order=[b,a]'
print(f"A proposes: x = {x_a:.6f} (p + c_B = {p + cost['b']:.6f})")
print(f"B proposes: x = {x_b:.6f} (p - c_A = {p - cost['a']:.6f})")
assert abs(x_a - (p + cost["b"])) < 1e-9 and abs(x_b - (p - cost["a"])) < 1e-9
'''),
        md("### No war under complete information\n\nSimulating the equilibrium strategies: every "
           "episode settles at t = 0, none is fought (Fearon's puzzle)."),
        code('''
run = fearon.run(runs=1000, seed=1)                 # parley run fearon --runs 1000 --seed 1
pp.plot_outcomes(run)
assert run["outcomes"]["settled"] == 1.0
'''),
        md("### Concave utilities widen the range\n\n"
           "Make A risk averse, u_A(x) = x^0.5, by a piecewise-linear value with 201 breakpoints. "
           "docs/theory.md gives the range's lower end in shares as (p - c_A)^(1/a): A accepts less "
           "because the lottery of war is worth less to it."),
        code('''
xs = np.linspace(0, 1, 201)
points = "[" + ", ".join(f"[{x:.3f}, {x ** 0.5:.10f}]" for x in xs) + "]"
risk_averse = {"parties.a.values.share": "{points: " + points + "}", "protocol.order": "[b,a]"}
x_low = fearon.set(risk_averse).solve().offer.agreement.share
closed = (p - cost["a"]) ** (1 / 0.5)
print(f"B proposing to a risk-averse A: x = {x_low:.5f}; closed form (p - c_A)^2 = {closed:.5f}")
assert abs(x_low - closed) < 2e-3   # the only error is the piecewise-linear approximation of sqrt
'''),
    ],
    """
- The range always contains p: fighting is a lottery whose expected division is p, and both sides
  pay to play it. Its width is c_A + c_B whatever p is.
- Parley's range equals the closed form to ~1e-15: `analyze` computes war values exactly
  (backward induction on the Markov chain), not by simulation.
- Who proposes decides *where* in the range the deal lands, not *whether* there is one.
- Risk aversion (a concave u) moves the lower end of the range down: a risk-averse side settles
  for less rather than gamble.
""",
    [
        exercise("1.1", """
With p = 0.7 (advantage 0.4), c_A = 0.05 and c_B = 0.15, what is the lowest share A accepts?
Use `fearon.set({...}).analyze()` (`parley analyze fearon --set ...`).""", '''
an_11 = fearon.set({"battlefield.advantage": 0.4, "parties.a.cost": 0.05,
                    "parties.b.cost": 0.15}).analyze()
answer_1_1 = an_11["zopa"]["parties"]["a"]["low"]
answer_1_1'''),
        exercise("1.2", """
With p = 0.6 and both costs 0.02, how wide is the bargaining range (high - low)?""", '''
low, high = fearon_range(0.6, 0.02, 0.02)
answer_1_2 = high - low
answer_1_2'''),
        exercise("1.3", """
In the shipped `fearon` scenario, which share x does the equilibrium settle on when B makes the
offer? Use `solve()` with `protocol.order` set to `[b,a]`.""", '''
answer_1_3 = fearon.set("protocol.order", "[b,a]").solve().offer.agreement.share
answer_1_3'''),
        explain("1.4", """
Why is the bargaining range never empty under complete information, whatever p is, and why does
that mean no war is fought in the simulation?""", """
Fighting is a lottery: A gets the whole good with probability p and nothing otherwise, so its
expected share is p, and it pays c_A to play; B expects 1 - p and pays c_B. A's value of war is
therefore p - c_A and B's is 1 - p - c_B. A division x beats war for A when x >= p - c_A, and for
B when 1 - x >= 1 - p - c_B, i.e. x <= p + c_B. Together: an interval of width c_A + c_B around p.
As long as war destroys something (c_A + c_B > 0) it is non-empty; p only slides it along. With
complete information both sides know p and the costs, so the proposer offers the responder exactly
its war value, the responder gains nothing by fighting, and every episode settles at t = 0. War
needs something this scenario leaves out: private information or optimism (notebook 4), a
commitment problem (notebook 7), or a good that cannot be divided."""),
    ],
    """
- Make the costs asymmetric and watch the range shift off-centre around p.
- Give B a convex value (`parties.b.values.share={points: [[0,1],[0.5,0.15],[1,0]]}`): does the
  range shrink, and can it close?
- Add discounting (`parties.a.discount=0.9`): war values are discounted once, settlement at t = 0
  is not, so the range widens.
""",
    """
- Add a `horizon` of several periods and `tempo` < 1: war becomes a walk, not a single lottery
  (notebook 3), and the range is [V_A, 1 - V_B] with V the exact war values.
- Replace one side's `belief` with an optimistic offset (`parties.a.belief={offset: 0.3}`) and see
  the range close: the subject of notebook 4.
""",
)

# ============================================================================================
# 02 Rubinstein
# ============================================================================================

NB2 = sections(
    "2. Alternating offers: patience and first-mover advantage (Rubinstein 1982, Stahl 1972)",
    """
Two players split a pie by alternating offers; delay is costly because each discounts the future
(d1, d2). The unique subgame-perfect equilibrium gives player 1 **(1 - d2)/(1 - d1 d2)**
immediately (10/19 for d = 0.9, 0.9). With a finite number of rounds T the share follows Stahl's
closed form and converges to Rubinstein's as T grows. This notebook checks `parley solve` against
both forms, shows the first-mover advantage and how it vanishes as players become patient.
""",
    """
`parley solve` runs backward induction over the periods: in the last round the proposer takes
everything; in each earlier round the proposer offers the responder exactly the discounted value
of the responder's next-round position, which the responder accepts. The solver treats a
continuous issue exactly (no grid), so its shares match the closed forms to floating-point
accuracy. The built-in scenario `rubinstein` has T = 200 rounds and no battlefield. Below,
`pie.set({...}).solve()` is `parley solve rubinstein --set ... --format json`, read in
Python (notebook 1 explains the module's calls).
""",
    [
        code('''
pie = parley.load("rubinstein")                   # the scenario (rubinstein is the closed form below)

def share(sets=None):
    """Player 1's equilibrium share of the pie from parley solve on the rubinstein scenario."""
    return pie.set(sets or {}).solve().offer.agreement.pie

def rubinstein(d1, d2):
    """Infinite-horizon closed form: player 1's share (1 - d2) / (1 - d1 d2)."""
    return (1 - d2) / (1 - d1 * d2)

sol = pie.solve()
print("equilibrium offer:", sol["offer"]["agreement"], "settles at period", sol["settlement_period"])
print(f"closed form 10/19 = {rubinstein(0.9, 0.9):.12f}")
assert abs(sol["offer"]["agreement"]["pie"] - rubinstein(0.9, 0.9)) < 1e-9
'''),
        md("### Finite horizon: Stahl's closed form, round by round\n\n"
           "`checks.rubinstein_finite(d1, d2, T)` is docs/theory.md's formula (T = 2m+1: "
           "(1-d2)(1-D^m)/(1-D) + D^m; T = 2m: (1-d2)(1-D^m)/(1-D), D = d1 d2)."),
        code('''
Ts = range(1, 31)
finite = pd.DataFrame({"T": Ts,
                       "parley": [share({"horizon": T}) for T in Ts],
                       "closed form": [checks.rubinstein_finite(0.9, 0.9, T) for T in Ts]}).set_index("T")
assert (finite["parley"] - finite["closed form"]).abs().max() < 1e-12
ax = finite.plot(style=["o", "-"], figsize=(6, 3.5))
ax.axhline(rubinstein(0.9, 0.9), color="k", ls=":", label="infinite horizon 10/19")
ax.set(ylabel="player 1's share", title="Finite-horizon shares converge, alternating above and below")
ax.legend(); finite.head(6)
'''),
        md("### Patience is power\n\nA grid of discount factors: parley against the closed forms "
           "(the 200-round one exactly; the infinite-horizon (1 - d2)/(1 - d1 d2) up to D^100)."),
        code('''
ds = [0.5, 0.7, 0.8, 0.9, 0.95]
grid = pd.DataFrame([[share({"parties.player1.discount": d1, "parties.player2.discount": d2})
                      for d2 in ds] for d1 in ds], index=pd.Index(ds, name="d1"), columns=pd.Index(ds, name="d2"))
T = pie.horizon                                        # the scenario's number of rounds
finite_T = pd.DataFrame([[checks.rubinstein_finite(d1, d2, T) for d2 in ds] for d1 in ds], index=grid.index, columns=grid.columns)
infinite = pd.DataFrame([[rubinstein(d1, d2) for d2 in ds] for d1 in ds], index=grid.index, columns=grid.columns)
print(f"largest difference from the {T}-round closed form:", float((grid - finite_T).abs().max().max()))
print("largest difference from the infinite-horizon form:", float((grid - infinite).abs().max().max()),
      "(the D^(T/2) term: largest for the most patient pair)")
assert (grid - finite_T).abs().max().max() < 1e-9
grid.round(4)
'''),
        md("### First-mover advantage, and its disappearance\n\n"
           "With d1 = d2 = d, the first proposer gets 1/(1 + d): the advantage over the second "
           "proposer, (1 - d)/(1 + d), vanishes as d -> 1."),
        code('''
rows = []
for d in (0.5, 0.8, 0.9, 0.95, 0.99):
    sets = {"parties.player1.discount": d, "parties.player2.discount": d, "horizon": 4000}
    first = share(sets)
    second = share({**sets, "protocol.order": "[player2,player1]"})
    rows.append(dict(d=d, first_mover=first, second_mover=second, closed_first=1 / (1 + d)))
fm = pd.DataFrame(rows).set_index("d")
assert (fm.first_mover - fm.closed_first).abs().max() < 1e-9
fm
'''),
        md("### The continuous-time limit\n\nWith d_i = exp(-r_i h) and h -> 0, player 1's share "
           "tends to r2/(r1 + r2): only *relative* impatience matters."),
        code('''
r1, r2 = 0.1, 0.2
rows = []
for h in (2.0, 1.0, 0.5, 0.1, 0.02):
    sets = {"parties.player1.discount": float(np.exp(-r1 * h)), "parties.player2.discount": float(np.exp(-r2 * h)),
            "horizon": int(400 / h)}
    rows.append(dict(h=h, parley=share(sets), limit=r2 / (r1 + r2)))
ct = pd.DataFrame(rows).set_index("h")
ct
'''),
        md("### Simulating the equilibrium, and a heuristic against it\n\n"
           "`parley run` plays the strategies; with both on `equilibrium` the deal is immediate. "
           "Switching player 1 to the Boulware `prolonged` tactic shows what a heuristic costs."),
        code('''
eq = pie.run(runs=200, seed=1)
boulware = pie.set("parties.player1.strategy", "prolonged").run(runs=200, seed=1)
pd.DataFrame({
    "both equilibrium": [eq["outcomes"]["settled"], eq["settlement_period"]["mean"],
                         eq["parties"]["player1"]["utility"]["mean"]],
    "player 1 prolonged": [boulware["outcomes"]["settled"], boulware["settlement_period"]["mean"],
                           boulware["parties"]["player1"]["utility"]["mean"]],
}, index=["P(settled)", "mean settlement round", "player 1's utility"])
'''),
    ],
    """
- The agreement is immediate and the share is exact: the solver reproduces 10/19 and 181/1000 to
  ~1e-15, and the 200-round share differs from 10/19 by 10/19 * 0.81^100.
- Finite horizons alternate around the limit: an odd T lets player 1 make the last offer.
- The first proposer's edge shrinks like (1 - d)/(1 + d); as h -> 0 only r2/(r1 + r2) remains.
- A heuristic concession tactic facing an equilibrium player delays agreement, and delay is costly.
""",
    [
        exercise("2.1", """
Player 1 is patient (d1 = 0.95), player 2 is not (d2 = 0.8). What share does player 1 get in the
equilibrium of the (200-round) `rubinstein` scenario?""", '''
answer_2_1 = share({"parties.player1.discount": 0.95, "parties.player2.discount": 0.8})
answer_2_1'''),
        exercise("2.2", """
With d = (0.9, 0.9) and only T = 5 rounds, what is player 1's share?""", '''
answer_2_2 = share({"horizon": 5})
answer_2_2'''),
        exercise("2.3", """
With d = (0.9, 0.9), what share does player 1 get when **player 2** proposes first?""", '''
answer_2_3 = share({"protocol.order": "[player2,player1]"})
answer_2_3'''),
        explain("2.4", """
Why does the first proposer's advantage shrink to nothing as both players become patient
(d -> 1)?""", """
The proposer's power comes only from what it costs the responder to say no. A responder who rejects
waits one round and then proposes itself, so it accepts any offer worth at least d times what it
would get as next round's proposer. With equal discount factors the first proposer's share x
solves 1 - x = d x: x = 1/(1 + d), and the responder gets d/(1 + d). The difference,
(1 - d)/(1 + d), is what one round of delay destroys, measured in shares. As d -> 1 a round of
delay costs nothing, the threat to reject and propose next is as good as proposing now, and the
split tends to one half (with different rates, to r2/(r1 + r2): only relative patience is left)."""),
    ],
    """
- Fixed costs instead of discounting: `share({"parties.player1.discount": 1, "parties.player2.discount": 1,
  "parties.player1.cost": 0.01, "parties.player2.cost": 0.02})`.
  docs/theory.md says player 1 gets everything when c1 < c2 and exactly c2 when c1 > c2: check both.
- `print(pie.set("parties.player1.strategy", "prolonged").trace())` (`parley run rubinstein
  --trace`) narrates the offers of a heuristic against the equilibrium, round by round.
- Three players: add a party with veto and `protocol.kind: random` (Baron-Ferejohn).
""",
    """
- The `steps` option of a continuous issue restricts offers to a grid: how far from 10/19 is the
  equilibrium with 10 steps?
- Put a battlefield between the rounds (bargaining while fighting, Slantchev 2003): the responder
  is offered its value of fighting on, and the share tracks the probability of winning.
""",
)

# ============================================================================================
# 03 The front as a random walk
# ============================================================================================

NB3 = sections(
    "3. The front as a random walk: advantage, collapse and duration",
    """
Parley's battlefield is a Markov chain: the front s in 0..N moves up (toward side B's collapse)
with p = r(1 + a)/2, down with q = r(1 - a)/2 and stays with 1 - r. Without talks this is the
**gambler's ruin**, with closed forms for the probability that B collapses, the expected duration
and the discounted value of winning. This notebook checks Parley's *exact* analytics and its
*Monte Carlo* simulation against those forms, then draws the default scenario's value function.
""",
    """
`parley analyze` (`analyze()`) propagates the distribution of the front period by period and
solves the Bellman recursion V(t, s) = -c + delta * sum P(s, s') V(t + 1, s') exactly; `parley
run` (`run()`) samples episodes. We reuse the `fearon` scenario as a bare battlefield by
overriding its fields with `set` (`--set` on the command line): N states, start k, tempo
r = p + q, advantage a = (p - q)/(p + q), a horizon long enough that freezing has negligible
probability, no costs; both sides play `hardline` in simulations so
talks never end the war. The closed forms are in `checks.py` (`ruin_hit_top`, `ruin_duration`,
`ruin_discounted`), written from docs/theory.md.
""",
    [
        code('''
fearon = parley.load("fearon")

def walk(N, k, p, q, delta=1.0, horizon=3000):
    """The fields to set (--set overrides) turning fearon into a gambler's-ruin walk on 0..N from k."""
    return {"battlefield.states": N, "battlefield.collapse_b": N, "battlefield.start": k,
            "battlefield.tempo": float(p + q), "battlefield.advantage": float((p - q) / (p + q)),
            "horizon": horizon, "parties.a.cost": 0, "parties.b.cost": 0,
            "parties.a.discount": delta, "parties.b.discount": delta,
            "parties.a.strategy": "hardline", "parties.b.strategy": "hardline"}

N, k, p, q = 6, 2, 0.5, 0.25            # docs/theory.md's worked example
an = fearon.set(walk(N, k, p, q)).analyze()
print("P(B collapses):  parley", an["absorption"]["collapse_b"], " closed", checks.ruin_hit_top(N, k, p, q))
print("E[duration]:     parley", an["expected_duration"], " closed", checks.ruin_duration(N, k, p, q))
assert abs(an["absorption"]["collapse_b"] - checks.ruin_hit_top(N, k, p, q)) < 1e-12
assert abs(an["expected_duration"] - checks.ruin_duration(N, k, p, q)) < 1e-9
'''),
        md("### Exact, from every starting state\n\nWith discount 1 and no cost, A's war value "
           "V_A(0, s) is the probability that B collapses from s; with discount 0.8 it is "
           "E[0.8^tau; B collapses]. `value_table()` of an analysis is `parley analyze --format csv`."),
        code('''
v1 = fearon.set(walk(N, k, p, q)).analyze().value_table()
v8 = fearon.set(walk(N, k, p, q, delta=0.8)).analyze().value_table()
ks = v1["state"].to_numpy()[1:-1]
exact = pd.DataFrame({
    "V_A, delta=1 (parley)": v1["a"].to_numpy()[1:-1],
    "P_N(k) closed": [checks.ruin_hit_top(N, s, p, q) for s in ks],
    "V_A, delta=0.8 (parley)": v8["a"].to_numpy()[1:-1],
    "E[d^tau; N] closed": [checks.ruin_discounted(N, s, p, q, 0.8)[0] for s in ks],
    "V_B, delta=0.8 (parley)": v8["b"].to_numpy()[1:-1],
    "E[d^tau; 0] closed": [checks.ruin_discounted(N, s, p, q, 0.8)[1] for s in ks]}, index=pd.Index(ks, name="k"))
assert np.allclose(exact.iloc[:, 0], exact.iloc[:, 1], atol=1e-12)
assert np.allclose(exact.iloc[:, 2], exact.iloc[:, 3], atol=1e-12)
assert np.allclose(exact.iloc[:, 4], exact.iloc[:, 5], atol=1e-12)
ax = pp.plot_value_function(v8, ["a", "b"], start=k, title="V_i(0, s) of the walk, delta = 0.8")
ax.plot(ks, exact.iloc[:, 3], "kx", label="closed forms")
ax.plot(ks, exact.iloc[:, 5], "kx")
exact
'''),
        md("### Simulated against exact\n\n`run()` (`parley run`) with 20,000 episodes: the closed forms lie "
           "within the simulation's 95% intervals (up to the usual 1-in-20 miss)."),
        code('''
sim = fearon.set(walk(N, k, p, q)).run(runs=20000, seed=1)
lo, hi = sim["outcomes_ci95"]["collapse_b"]
dlo, dhi = sim["duration"]["ci95"]
print(f"P(B collapses): simulated {sim['outcomes']['collapse_b']:.4f} [{lo:.4f}, {hi:.4f}], exact {checks.ruin_hit_top(N, k, p, q):.4f}")
print(f"duration:       simulated {sim['duration']['mean']:.3f} [{dlo:.3f}, {dhi:.3f}], exact {checks.ruin_duration(N, k, p, q):.3f}")
se = sim["duration"]["std_error"]
assert abs(sim["duration"]["mean"] - checks.ruin_duration(N, k, p, q)) < 5 * se
pp.plot_outcomes(sim, title="How the walk ends (parley run, hardline sides, 20,000 runs)");
'''),
        md("### Advantage and tempo\n\nAdvantage decides who collapses and how fast; the tempo "
           "r only stretches time (the probability of reaching N does not depend on r)."),
        code('''
N2, k2 = 10, 5
rows = []
for a in np.linspace(-0.6, 0.6, 13):
    for r in (0.25, 0.5):
        p_, q_ = r * (1 + a) / 2, r * (1 - a) / 2
        res = fearon.set(walk(N2, k2, p_, q_, horizon=4000)).analyze()
        rows.append(dict(advantage=a, tempo=r, P_B_collapses=res["absorption"]["collapse_b"],
                         duration=res["expected_duration"],
                         closed_P=checks.ruin_hit_top(N2, k2, p_, q_),
                         closed_duration=checks.ruin_duration(N2, k2, p_, q_)))
adv = pd.DataFrame(rows)
assert np.allclose(adv.P_B_collapses, adv.closed_P, atol=1e-9)
assert np.allclose(adv.duration, adv.closed_duration, rtol=1e-6)
fig, axes = plt.subplots(1, 2, figsize=(10, 3.5), layout="constrained")
for r, g in adv.groupby("tempo"):
    axes[0].plot(g.advantage, g.P_B_collapses, "o-", label=f"tempo {r}")
    axes[1].plot(g.advantage, g.duration, "o-", label=f"tempo {r}")
axes[0].set(xlabel="advantage a", ylabel="P(B collapses)", title="who wins (parley analyze)")
axes[1].set(xlabel="advantage a", ylabel="expected duration", title="how long it lasts")
axes[0].legend(); axes[1].legend();
'''),
        md("### The 2025 front\n\nThe default scenario's front (20 states, Russia's advantage "
           "decaying from 0.3): each party's value of fighting to the end, from every state."),
        code('''
talks = parley.load()                                   # the default scenario, ukraine-2025
pp.plot_value_function(talks.analyze().value_table(), start=talks.describe().battlefield.start);
'''),
    ],
    """
- Exact and simulated agree: the exact values are the means the Monte Carlo estimates.
- A modest advantage is decisive over a long war: at a = 0.2 the stronger side wins most wars from
  the middle, and the war is shortest when the advantage is large either way.
- Halving the tempo doubles the duration and leaves the probabilities unchanged.
- In the 2025 scenario, V is not linear in the front: states near a collapse threshold are worth
  far more (or less) than their territory.
""",
    [
        exercise("3.1", """
N = 10, start k = 3, p = 0.3, q = 0.2. What is the probability that side B collapses? Use
parley (`fearon.set(walk(...)).analyze()`).""", '''
answer_3_1 = fearon.set(walk(10, 3, 0.3, 0.2)).analyze()["absorption"]["collapse_b"]
answer_3_1'''),
        exercise("3.2", """
An even fight (a = 0) on N = 10 from k = 5 with tempo 0.5: what is the expected duration?""", '''
answer_3_2 = fearon.set(walk(10, 5, 0.25, 0.25, horizon=5000)).analyze()["expected_duration"]
answer_3_2'''),
        exercise("3.3", """
For docs/theory.md's example (N = 6, k = 2, p = 1/2, q = 1/4, delta = 0.8), what is
E[delta^tau; A collapses]? (Which party's war value is it?)""", '''
answer_3_3 = fearon.set(walk(6, 2, 0.5, 0.25, delta=0.8)).analyze()["war_value"]["b"]
answer_3_3'''),
        explain("3.4", """
Why does halving the tempo r double the expected duration of the war but leave the probability that
B collapses unchanged?""", """
The tempo decides only *whether* the front moves in a period (with probability r = p + q). *Which
way* it moves, given that it moves, is up with p/(p + q) = (1 + a)/2 and down with (1 - a)/2, and
neither depends on r. Look at the walk only in the periods when it moves: that sequence of moves is
the same gambler's ruin whatever r is, so the probability that it reaches N before 0 is the same.
Between two moves the front waits a geometric number of periods with mean 1/r, so the war lasts the
expected number of moves times 1/r: half the tempo, twice the duration. (Once there is discounting
or a cost per period, a slower war is worth less to the side that wins it, so the war values do
depend on r.)"""),
    ],
    """
- Add offensives (`battlefield.offensive={probability: 0.1, size: 3}`): jumps shorten wars and are
  no longer a simple gambler's ruin; compare simulated and exact.
- Make the advantage decay (`battlefield.advantage={kind: exponential, from: 0.4, limit: 0,
  half_life: 20}`) and watch P(B collapses) fall.
- Move `collapse_a` and `collapse_b` inwards: a fragile side collapses sooner.
""",
    """
- Holding costs: with c > 0 and delta = 1, V_A(0, k) = P_N(k) - c E[tau_k]; check it.
- Compute the distribution of the war's end by period (the `duration.histogram` of `parley run`)
  and compare it with the exact distribution obtained by propagating pi_{t+1} = pi_t P.
""",
)

# ============================================================================================
# 04 Mutual optimism
# ============================================================================================

NB4 = sections(
    "4. Mutual optimism and learning: why wars go on, and how battlefield news ends them",
    """
If each side believes the war will go its way, the values each expects from fighting can sum to
more than the pie: **no division satisfies both**, and rational sides fight although war is costly
(Blainey 1973; Fearon 1995). Every move of the front is evidence; updating by Bayes' rule brings the
beliefs together (Slantchev's *principle of convergence*), the bargaining range reopens and the war
ends at the table. This notebook follows that process in the built-in `optimism` scenario.
""",
    """
In `optimism` the truth is an even fight (advantage 0). Side A holds a prior over two hypotheses,
advantage 0 or +0.4; side B over -0.4 or 0, each with probability 1/2. A party's *subjective* war
value is the prior-weighted mean of the exact war values under each hypothesis (`parley analyze`
reports both the true and the subjective values, and the zone of agreement under each). During a
run each side updates its posterior from the observed moves of the front with the likelihoods
r(1 + a)/2 (up), r(1 - a)/2 (down), 1 - r (stay); its demands (strategy `contingent`) follow its
current subjective value. `parley run --trace` narrates one episode, including the posteriors:
in Python `optimism.trace(seed=1)`, whose `events` are the JSON's and whose `print()` is the
narration.
""",
    [
        code('''
optimism = parley.load("optimism")
an = optimism.analyze()
print("true war values:      ", {k: round(v, 4) for k, v in an["war_value"].items()})
print("subjective war values:", {k: round(v, 4) for k, v in an["subjective_war_value"].items()})
print("sum of subjective values:", round(sum(an["subjective_war_value"].values()), 4),
      "-> zone of agreement exists:", an["zopa"]["exists"])
print("with true beliefs the zone exists:", an["zopa_complete_information"]["exists"])
'''),
        md("### One war, narrated\n\nThe trace of run 0 (seed 1): each side's posterior on the truth "
           "and the sum of the two reservation values. A deal is possible once that sum falls "
           "below 1."),
        code('''
trace = optimism.trace(seed=1)                          # parley run optimism --trace --seed 1
tt = pp.trace_table(trace)                              # one row per round of talks
end = pp.trace_end(trace)
desc = optimism.describe()
beliefs = {q["id"]: q["belief"] for q in desc["parties"]}
truth_a = beliefs["a"]["offsets"].index(0.0)      # which hypothesis is the truth, for each side
truth_b = beliefs["b"]["offsets"].index(0.0)
fig, axes = plt.subplots(1, 3, figsize=(13, 3.5), layout="constrained")
axes[0].step(tt.index, tt["front"], where="post")
axes[0].set(xlabel="period", ylabel="front s", title="the front")
axes[1].plot(tt.index, [b[truth_a] for b in tt["a.belief"]], label="A: P(advantage 0)")
axes[1].plot(tt.index, [b[truth_b] for b in tt["b.belief"]], label="B: P(advantage 0)")
axes[1].set(xlabel="period", ylabel="posterior on the truth", title="learning (Bayes)"); axes[1].legend()
total = tt["a.reservation"] + tt["b.reservation"]
axes[2].plot(tt.index, total)
axes[2].axhline(1, color="k", ls=":")
axes[2].set(xlabel="period", ylabel="sum of reservation values", title="the range reopens below 1")
print("the episode ends:", end["outcome"], "at period", end["period"])
'''),
        md("### Bayes' rule by hand, against the trace\n\nThe posterior in the trace is the prior "
           "times the likelihood of every move so far (a closed form), normalised."),
        code('''
bf = desc["battlefield"]
r, a_true = bf["tempo"], bf["advantage"]["value"]
moves = [(e["period"], e["to"] - e["from"]) for e in trace["events"] if e["event"] == "fighting"]

def posterior(prior, offsets, upto):
    """Posterior over advantage hypotheses after the moves of periods < upto."""
    post = np.array(prior, dtype=float)
    for t, step in moves:
        if t >= upto:
            break
        a = np.clip(a_true + np.array(offsets), -1, 1)
        post *= np.where(step > 0, r * (1 + a) / 2, np.where(step < 0, r * (1 - a) / 2, 1 - r))
        post /= post.sum()
    return post

by_hand = np.array([posterior(beliefs["a"]["prior"], beliefs["a"]["offsets"], t)[truth_a] for t in tt.index])
from_trace = np.array([b[truth_a] for b in tt["a.belief"]])
print("largest difference, Bayes by hand vs parley:", np.abs(by_hand - from_trace).max())
assert np.abs(by_hand - from_trace).max() < 1e-9
'''),
        md("### Many wars: when do they end?\n\nSettlement-time curves for the scenario as shipped, "
           "with true beliefs (no optimism), with more confident priors, and with higher costs."),
        code('''
variants = {
    "mutual optimism (as shipped)": {},
    "true beliefs": {"parties.a.belief": "{offset: 0}", "parties.b.belief": "{offset: 0}"},
    "more confident priors": {"parties.a.belief": "{offsets: [0.0, 0.4], prior: [0.2, 0.8]}",
                              "parties.b.belief": "{offsets: [-0.4, 0.0], prior: [0.8, 0.2]}"},
    "higher costs (0.006)": {"parties.a.cost": 0.006, "parties.b.cost": 0.006},
}
runs = {label: optimism.set(sets).run(runs=2000, seed=1) for label, sets in variants.items()}
pp.plot_settlement(runs, title="Share settled by period (parley run optimism, 2000 runs each)")
summary = pd.DataFrame({label: {"P(settled)": r_["outcomes"]["settled"],
                                "P(collapse)": r_["outcomes"]["collapse_a"] + r_["outcomes"]["collapse_b"],
                                "mean duration": r_["duration"]["mean"],
                                "median duration": r_["duration"]["median"]}
                        for label, r_ in runs.items()}).T
summary
'''),
    ],
    """
- Under complete information the zone of agreement is wide (about 0.27 to 0.73) and the deal is
  immediate; optimism alone empties it.
- The posteriors move only when the front moves (a stay is equally likely under every hypothesis).
- In a single war the evidence can mislead one side for a while (if the front happens to move A's
  way, A grows *more* confident); what reopens the range is that the two beliefs come together.
- The war ends at the table *when the beliefs have converged enough*, not when one side wins; some
  wars end on the battlefield first.
- More confident priors mean longer wars; higher costs mean shorter ones (docs/theory.md's comparative
  statics), read off the summary table.
""",
    [
        exercise("4.1", """
Compute A's subjective war value yourself: run `optimism.set({...}).analyze()` once per
hypothesis of A (setting `battlefield.advantage` to the true advantage plus the offset, and A's
belief to `{offset: 0}`), and weight `war_value.a` by A's prior.""", '''
vals = [optimism.set({"battlefield.advantage": a_true + off,
                      "parties.a.belief": "{offset: 0}"}).analyze()["war_value"]["a"]
        for off in beliefs["a"]["offsets"]]
answer_4_1 = float(np.dot(beliefs["a"]["prior"], vals))
answer_4_1'''),
        exercise("4.2", """
Using only the prior and the moves (`moves`), compute A's posterior probability of the truth
(advantage 0) at the talks of period 10 of the traced episode.""", '''
answer_4_2 = posterior(beliefs["a"]["prior"], beliefs["a"]["offsets"], 10)[truth_a]
answer_4_2'''),
        exercise("4.3", """
What is the mean duration of the war when both costs are 0.006 instead of 0.005 (2000 runs,
seed 1)? Is it shorter than as shipped, and why?""", '''
answer_4_3 = runs["higher costs (0.006)"]["duration"]["mean"]
answer_4_3'''),
        explain("4.4", """
Why does mutual optimism empty the zone of agreement although war is costly for both sides, and why
does fighting reopen it?""", """
Each side's reservation value is its *subjective* war value: the prior-weighted mean of its exact
war values under its hypotheses. A gives weight 1/2 to being ahead (advantage +0.4) and B gives
weight 1/2 to being ahead (-0.4), so each values fighting above its true war value. A division
needs x >= V_A for A and 1 - x >= V_B for B, which is possible only if V_A + V_B <= 1. The true war
values sum to less than 1 by what war destroys, but the two optimisms together add more than that
margin, so the subjective values sum to more than 1 and no division satisfies both (the first cell
prints the sum). Fighting produces evidence that both see: a move of the front is more likely under
some hypotheses than under others, so Bayes' rule moves both posteriors, and because both watch the
same front and the truth is in both supports, both drift toward the truth (a week when the front
holds teaches nothing: a stay has likelihood 1 - r under every hypothesis). As the beliefs come
together the subjective values fall toward the true ones, their sum drops below 1 and the range
reopens: the war ends at the table once it has taught the sides enough."""),
    ],
    """
- Try the `stall` strategy (`parties.a.strategy=stall`): "fight and talk" while waiting pays.
- Make only one side optimistic: is the zone of agreement still empty?
- Remove the truth from a side's support (`offsets: [0.2, 0.4]`): do the beliefs still converge?
""",
    """
- Sweep the size of the optimistic offset (`optimism.sweep({"parties.a.belief.offsets": ...})`,
  `parley sweep --vary 'parties.a.belief.offsets=...'`) and plot the mean duration (notebook 5
  shows sweeps and heat maps).
- Give the sides more than two hypotheses and compare the speed of learning.
""",
)

# ============================================================================================
# 05 The 2025 talks
# ============================================================================================

NB5 = sections(
    "5. Prolonged or quick? The 2025 talks scenario",
    """
The default scenario models the December 2025 Moscow talks: Russia and Ukraine bargain over
territory, a security guarantee, an army cap and the points of a US plan while the front moves; the
USA mediates. Should a side hold out (**prolonged**, Boulware) or concede early (**quick**,
Conceder)? The answer depends on what one assumes about the battlefield. This notebook plays the
strategy **meta-game** under several advantage assumptions and maps outcomes over a sweep.
""",
    """
`parley compare` (in Python `talks.compare(runs=..., seed=...)`) simulates every profile of the
listed strategies with *common random numbers* (every profile fights on the same fronts), so
differences between cells are due to the strategies; it then lists every Nash equilibrium of the
resulting bimatrix game. `parley sweep` (`talks.sweep(vary={...})`) runs the simulation over a
grid of scenario fields and gives one row per point, the columns of the CSV the command writes;
`pp.plot_sweep` draws two varied fields against a metric. Runs are kept small so the notebook is
quick: raise `runs=` for real work. Every assumption of the scenario is documented in `scenarios/ukraine-2025.yaml`.
""",
    [
        code('''
talks = parley.load()                                   # the default scenario, ukraine-2025
desc = talks.describe()
print(desc["battlefield"]["summary"])
print(desc["protocol"]["summary"])
an = talks.analyze()
print("war values:", {k: round(v, 3) for k, v in an["war_value"].items()},
      "| zone of agreement exists:", an["zopa"]["exists"])
'''),
        md("### The meta-game under the scenario's own assumption"),
        code('''
base = talks.compare(runs=300, seed=1)                  # parley compare --runs 300 --seed 1
pp.plot_payoff_matrix(base)
for line in base["summary"]:
    print("-", line)
'''),
        md("### Across advantage assumptions\n\nThe same meta-game under different schedules of "
           "Russia's advantage a_t. For each: the equilibria, and the chance of a deal and the "
           "mean duration in the first equilibrium's profile."),
        code('''
assumptions = {
    "Ukraine ahead (a = -0.2)": "-0.2",
    "even (a = 0)": "0",
    "as shipped (0.3, half-life 52 wk)": None,
    "Russia ahead (a = 0.3)": "0.3",
    "aid cut off at week 26": "{kind: steps, from: 0.1, steps: [{period: 26, value: 0.5}]}",
}
rows, games = [], {}
for label, value in assumptions.items():
    scenario = talks.set("battlefield.advantage", value) if value else talks
    cmp = scenario.compare(runs=300, seed=1)
    games[label] = cmp
    p1, p2 = cmp["players"]
    eq = cmp["equilibria"][0]
    i, j = int(np.argmax(eq["probabilities"][p1])), int(np.argmax(eq["probabilities"][p2]))
    rows.append({"assumption": label, "equilibria": len(cmp["equilibria"]),
                 f"{p1} plays": cmp["strategies"][p1][i], f"{p2} plays": cmp["strategies"][p2][j],
                 f"{p1} payoff": eq["payoffs"][p1], f"{p2} payoff": eq["payoffs"][p2],
                 "P(deal)": cmp["outcomes"]["settled"][i][j],
                 "mean duration": cmp["outcomes"]["mean_duration"][i][j]})
meta = pd.DataFrame(rows).set_index("assumption")
meta.round(3)
'''),
        md("### A sweep and its heat map\n\nUkraine's concession style against a constant "
           "advantage, with Russia playing `prolonged` as in the file: mean duration and Ukraine's "
           "expected utility."),
        code('''
sweep = talks.sweep({"battlefield.advantage": "-0.3:0.6:7",
                     "parties.ukraine.strategy": "prolonged,linear,quick"}, runs=150, seed=1,
                    metrics=["outcomes.*", "duration.mean", "parties.*.utility.mean"])
fig, axes = plt.subplots(1, 2, figsize=(12, 4), layout="constrained")
pp.plot_sweep(sweep, "battlefield.advantage", "parties.ukraine.strategy", "duration.mean", ax=axes[0])
pp.plot_sweep(sweep, "battlefield.advantage", "parties.ukraine.strategy", "parties.ukraine.utility.mean",
              ax=axes[1], cmap="magma")
sweep[["battlefield.advantage", "parties.ukraine.strategy", "outcomes.settled", "duration.mean",
       "parties.ukraine.utility.mean"]].head()
'''),
        md("### When talks settle\n\nThe settlement-time curve of the equilibrium profile against "
           "both sides playing quick, under the scenario's own assumption."),
        code('''
curves = {"as in the file (Russia prolonged, Ukraine linear)": talks.run(runs=2000, seed=1),
          "both quick": talks.set({"parties.russia.strategy": "quick",
                                   "parties.ukraine.strategy": "quick"}).run(runs=2000, seed=1)}
pp.plot_settlement(curves, ended=True);
'''),
    ],
    """
- Read the payoff heat maps cell by cell: is there a profile both sides prefer to the equilibrium?
  If so the meta-game is a prisoner's dilemma: holding out is individually rational and
  collectively costly.
- The equilibrium can stay the same while its payoffs move a lot with the advantage assumption:
  the assumption decides *who* gains from delay.
- Talks in this scenario happen every 4 weeks and the Boulware side concedes late in its own
  planning horizon (52 weeks by default; `prolonged:horizon=104` plans over two years), so the
  first agreements come around week 40 whatever the model's horizon. The settlements that *hold*
  pile up near the end of the horizon: earlier ones are renewed at will, and only near the end
  of the model is a peace not worth breaking. `parley run --robustness` shows which conclusions
  survive a change of horizon, speaking order or planning horizon.
- These are Monte Carlo estimates with standard errors (`standard_errors` in the compare JSON);
  `compare` starts at 300 runs per profile here and doubles them until the equilibrium set at
  95% confidence is the same at two sizes (`adaptive.history` in the JSON says how it stopped);
  best replies it cannot tell apart at that confidence are reported as ties, not decided.
""",
    [
        exercise("5.1", """
Under a constant advantage of 0 (`talks.set("battlefield.advantage", 0)`, 300 runs, seed 1), which
profile maximises the **sum** of the two sides' expected payoffs? Answer as a tuple
`(russia_strategy, ukraine_strategy)`. (`payoff_matrices()` of a comparison gives each side's
payoffs as a table.)""", '''
# Played above: games["even (a = 0)"] is talks.set("battlefield.advantage", 0).compare(runs=300, seed=1).
matrices = games["even (a = 0)"].payoff_matrices()
total = matrices["russia"] + matrices["ukraine"]
answer_5_1 = total.stack().idxmax()                     # the (row, column) of the largest sum
answer_5_1'''),
        exercise("5.2", """
In the default scenario, what is the probability of a deal when both belligerents play `quick`
(2000 runs, seed 1)?""", '''
answer_5_2 = curves["both quick"]["outcomes"]["settled"]
answer_5_2'''),
        exercise("5.3", """
By how much does Russia's exact war value (`analyze()`, `parley analyze`) rise when the constant
advantage goes from 0 to 0.3?""", '''
answer_5_3 = (talks.set("battlefield.advantage", 0.3).analyze()["war_value"]["russia"]
              - talks.set("battlefield.advantage", 0).analyze()["war_value"]["russia"])
answer_5_3'''),
        explain("5.4", """
In the two runs of the settlement-time cell (`curves`), the first agreement is signed around week 8
when both sides play `quick`, and only around week 40 in the scenario's own profile (Russia
`prolonged`, Ukraine `linear`): see `durability.first_agreement_period.median` in each run. Why,
from the tactics' aspiration formula (docs/design.md, 1.6)?""", """
A time-dependent tactic demands tau_i(t) = r_i + (m_i - r_i)(1 - (t/P)^(1/e)): by week t it has
given up the fraction (t/P)^(1/e) of its surplus over its war value, with a planning horizon
P = 52 weeks. A deal needs both demands to fit in one package, so it waits for the slower side.
`quick` (e = 3) has given up (8/52)^(1/3), about 0.54, of its surplus by week 8, the third round of
talks (talks are every 4 weeks: weeks 0, 4, 8): two quick sides meet there. `prolonged` (e = 0.2)
gives up (t/52)^5: about 0.0001 at week 8, 0.03 at week 26, 0.16 at week 36 and 0.27 at week 40,
while Ukraine's `linear` tactic has given up t/52 (0.77 by week 40). The gap closes only when
Russia's curve turns down, late in its planning year. The date follows the tactic's planning
horizon P, not the war or the model's horizon, which is why it barely moves when the horizon does."""),
    ],
    """
- Add strategies to the meta-game: `talks.compare(strategies={"russia": ["prolonged", "quick",
  "contingent"], "ukraine": ["prolonged", "quick", "contingent"]}, runs=300)`: mixed equilibria appear.
- Change the rhythm of talks (`protocol.every`) or the mediator's drift
  (`parties.usa.strategy.drift`).
- Sweep `battlefield.tempo` against the advantage: a slow front favours the side that can wait.
""",
    """
- Use `talks.sweep(..., design="lhs", samples=...)` (`parley sweep --design lhs`) over costs,
  discounts and the advantage, then `parley sweep --analyze sobol` to see which assumption
  matters most.
- Export the meta-game (`parley compare --export-nfg game.nfg`) and solve it with Gambit.
""",
)

# ============================================================================================
# 06 The plan's clauses
# ============================================================================================

NB6 = sections(
    "6. The plan's clauses: frontier, zone of agreement and the Nash package",
    """
A peace plan is a package: a territorial line, a guarantee, an army cap and many clauses, each
valued differently by each side. This notebook draws the **Pareto frontier** of Russia's and
Ukraine's utilities over all packages, the **zone of agreement** above the disagreement point (each
side's value of fighting on), and the **Nash** and **Kalai-Smorodinsky** packages, lists which of
the plan's clauses they hold, compares them with the plan as tabled, and shows how all of this moves
with the front.
""",
    """
Utilities are additive: u_i(x) = sum_k w_ik v_ik(x_k), and a clause issue is worth
(sum of the included a_ic - min_i)/(max_i - min_i). `parley analyze` merges the issues' possible
values and prunes dominated points, so the frontier it reports is exact (continuous issues give
segments between vertices). The disagreement point d is each veto party's exact war value; the
Nash package maximises (u_R - d_R)(u_U - d_U) on the frontier, Kalai-Smorodinsky equalises the
shares of the ideal gains. Below, the additive formula is also written out in Python (from the
scenario file's weights and values) and checked against the utilities `analyze()` reports (the
JSON of `parley analyze`); it is then used to place the plan as tabled.
""",
    [
        code('''
talks = parley.load()                                   # the default scenario, ukraine-2025
an = talks.analyze()                                    # parley analyze --format json
pp.plot_frontier(an)
print("zone of agreement exists:", an["zopa"]["exists"])
for key in ("nash", "kalai_smorodinsky", "max_welfare"):
    ag = an[key]["agreement"]
    print(f"{key:18s} territory {ag['territory']}, guarantee {ag['guarantee']}, army cap {ag['army_cap']}, "
          f"{len(ag['plan'])} clauses")
'''),
        md("### Utilities by hand\n\nThe additive formula, from the scenario file, checked on the "
           "Nash, Kalai-Smorodinsky and max-welfare packages."),
        code('''
import yaml
scenario = yaml.safe_load((ROOT / "scenarios" / "ukraine-2025.yaml").read_text())
issues = {i["id"]: i for i in scenario["issues"]}
parties = {q["id"]: q for q in scenario["parties"]}

def issue_value(spec, issue, x):
    """v_ik(x): the value of one issue's setting x for a party, as DESIGN 1.2 defines it."""
    if issue["kind"] == "continuous":
        lo, hi = issue["range"]
        if spec == "increasing":
            return (x - lo) / (hi - lo)
        if spec == "decreasing":
            return (hi - x) / (hi - lo)
        pts = np.array(spec["points"], dtype=float)
        return float(np.interp(x, pts[:, 0], pts[:, 1]))
    if issue["kind"] == "ordinal":
        return spec[x]
    neg = sum(v for v in spec.values() if v < 0)
    pos = sum(v for v in spec.values() if v > 0)
    return (sum(spec.get(c, 0) for c in x) - neg) / (pos - neg)

def utility(party, agreement):
    """u_i(x) = sum_k w_ik v_ik(x_k)."""
    q = parties[party]
    return sum(w * issue_value(q["values"][k], issues[k], agreement[k]) for k, w in q["weights"].items() if w > 0)

for key in ("nash", "kalai_smorodinsky", "max_welfare"):
    for party in ("russia", "ukraine"):
        assert abs(utility(party, an[key]["agreement"]) - an[key]["utilities"][party]) < 1e-9
print("the additive formula reproduces parley's utilities")
'''),
        md("### The plan as tabled, on the frontier"),
        code('''
plan = parties["usa"]["proposal"]
u_plan = {q: utility(q, plan) for q in ("russia", "ukraine")}
d = an["disagreement"]
print("plan as tabled:", {q: round(v, 3) for q, v in u_plan.items()},
      "| disagreement:", {q: round(d[q], 3) for q in ("russia", "ukraine")})
print("inside the zone of agreement:", all(u_plan[q] >= d[q] for q in u_plan))
# parley analyze holds the tabled plan against d too: the same utilities, the same verdict.
tabled = an["proposals"][0]
assert tabled["party"] == "usa"
for q in u_plan:
    assert abs(tabled["utilities"][q] - u_plan[q]) < 1e-9, (q, tabled["utilities"][q], u_plan[q])
assert (not tabled["rejected_by"]) == all(u_plan[q] >= d[q] for q in u_plan)
ax = pp.plot_frontier(an)
ax.plot(u_plan["russia"], u_plan["ukraine"], "P", ms=10, color="C6", label="the 28-point plan as tabled")
ax.legend(fontsize=7, loc="lower left");
'''),
        md("### Which clauses does each package hold?\n\nClause texts come from `describe()` "
           "(`parley describe`); a_ic are the scenario's clause values."),
        code('''
clause_issue = next(i for i in talks.describe()["issues"] if i["kind"] == "clauses")
clauses = pd.DataFrame([{"clause": c["id"], "text": c["text"]} for c in clause_issue["clauses"]]).set_index("clause")
for label, ag in (("plan", plan), ("Nash", an["nash"]["agreement"]), ("KS", an["kalai_smorodinsky"]["agreement"])):
    clauses[label] = [c in ag["plan"] for c in clauses.index]
for q in ("russia", "ukraine"):
    clauses[f"a_{q}"] = [parties[q]["values"]["plan"].get(c, 0) for c in clauses.index]
clauses.sort_values("a_russia", ascending=False)
'''),
        md("### How the packages move with the front\n\nThe same analysis from other starting "
           "states of the front (`battlefield.start`): the disagreement point moves with the war "
           "values, and the Nash package follows it."),
        code('''
starts = list(range(2, 19, 2))
moving = {s: talks.set("battlefield.start", s).analyze() for s in starts}
rows = []
for s, res in moving.items():
    ag = res["nash"]["agreement"]
    rows.append({"start": s, "front x": s / 20, "d_russia": res["disagreement"]["russia"],
                 "d_ukraine": res["disagreement"]["ukraine"], "Nash territory": ag["territory"],
                 "Nash guarantee": ag["guarantee"], "Nash army cap": ag["army_cap"],
                 "Nash clauses": len(ag["plan"])})
track = pd.DataFrame(rows).set_index("start")
inclusion = pd.DataFrame({s: [c in res["nash"]["agreement"]["plan"] for c in clauses.index]
                          for s, res in moving.items()}, index=clauses.index).astype(int)
fig, axes = plt.subplots(1, 2, figsize=(13, 6), layout="constrained", width_ratios=[1, 1.3])
axes[0].plot(track["front x"], track["Nash territory"], "o-", label="Nash territory (Russia's share)")
axes[0].plot(track["front x"], track["d_russia"], "s--", label="d Russia")
axes[0].plot(track["front x"], track["d_ukraine"], "s--", label="d Ukraine")
axes[0].set(xlabel="front at the start (Russia's share)", title="Nash package and disagreement point")
axes[0].legend(fontsize=8)
axes[1].imshow(inclusion.values, aspect="auto", cmap="Greens")
axes[1].set_yticks(range(len(inclusion)), inclusion.index, fontsize=7)
axes[1].set_xticks(range(len(starts)), [f"{s / 20:.1f}" for s in starts])
axes[1].set(xlabel="front at the start", title="clauses in the Nash package (green: included)")
track
'''),
    ],
    """
- The frontier bends: trading clauses each side values differently creates joint gains, so the
  Nash package is far above the disagreement point for both.
- The Nash package keeps clauses that are cheap for one side and valuable for the other and drops
  those that cost one side more than they give the other.
- Whether the plan as tabled lies inside the zone of agreement, and how far below the frontier,
  says how much a mediator could still improve it.
- As the front moves in Russia's favour, the disagreement point moves along with it and the Nash
  territory follows; some clauses enter or leave the package.
""",
    [
        exercise("6.1", """
How many of the plan's clauses does the Nash package of the default scenario hold?""", '''
answer_6_1 = len(an["nash"]["agreement"]["plan"])
answer_6_1'''),
        exercise("6.2", """
When the front starts at state 10 (half the contested territory), does the Nash package include the
clause `recognition`? Answer `True` or `False`.""", '''
answer_6_2 = "recognition" in moving[10]["nash"]["agreement"]["plan"]
answer_6_2'''),
        exercise("6.3", """
What territorial share does the Nash package give Russia when the front starts at state 14?""", '''
answer_6_3 = moving[14]["nash"]["agreement"]["territory"]
answer_6_3'''),
        explain("6.4", """
The Nash package contains clauses that one side dislikes. Why, and by what rule does a clause enter
it?""", """
Utilities are additive, so including a clause c moves the two utilities by fixed amounts:
Delta_R = w_R a_Rc / (max_R - min_R) for Russia and Delta_U likewise for Ukraine. A clause both
sides like is always in, one both dislike always out; the rest are trades. The Nash package
maximises the product of the gains over the disagreement point, g_R g_U with g_i = u_i - d_i.
Adding c (everything else fixed) turns it into (g_R + Delta_R)(g_U + Delta_U) =
g_R g_U (1 + Delta_R/g_R)(1 + Delta_U/g_U), so to first order c enters when
Delta_R/g_R + Delta_U/g_U > 0: when what it gives one side, relative to that side's gain, outweighs
what it costs the other, relative to its gain. A clause cheap for one side and valuable to the other
pays for itself, and the package is balanced by clauses, territory, guarantee and army cap going
the other way. That trading of issues weighed differently (logrolling) is what makes the frontier
bend outward. Because the rule uses the gains, moving the disagreement point (the front) changes
which trades are worth making: clauses enter and leave the package as the front moves."""),
    ],
    """
- Change a clause value (`talks.set("parties.ukraine.values.plan.amnesty", 0).analyze()`) and see
  which packages change.
- Give the EU a veto (`talks.set("parties.eu.veto", True)`): with three veto parties the frontier
  is computed with epsilon-dominance (its epsilon is reported).
- Compare the Nash package with what the simulated talks settle on (`terms` of `talks.run()`).
""",
    """
- Write a mediator strategy that moves from the plan toward the Nash package (`plan` with
  `drift`) and measure, with `run()`, how the chance of a deal changes with the drift.
- Add an `evaluate` step to your own analysis: which single clause, removed from the plan, gains
  Ukraine most while costing Russia least?
""",
)

# ============================================================================================
# 07 Commitment problems
# ============================================================================================

NB7 = sections(
    "7. Commitment problems: why guarantees and army caps matter (Powell 2006, Fortna 2003)",
    """
In notebooks 1 to 6 a settlement ends the conflict for good. Real ceasefires break: Minsk I
(September 2014) collapsed within months, Minsk II (February 2015) held at low intensity until
February 2022. Under a `durability` section a settlement makes a **peace that may not last**:

- each period of peace breaks with a **hazard** h, lowered or raised by the mechanisms the
  agreement contains (a guarantee, a buffer zone, a joint commission: Fortna 2003);
- a belligerent **renews the war at will** when a war fought from the agreement's line, under the
  balance the agreement leaves (an army cap shifts it), is worth more to it than keeping the peace:
  an agreement nobody would break is **self-enforcing**; after a breakdown talks resume, so a
  renewed war is worth what fighting and renegotiating under the new balance brings;
- when power shifts enough after a settlement, no self-enforcing agreement gives the weaker side
  what fighting *now* is worth to it, and rational sides fight under complete information:
  **Powell's (2006) commitment problem**, one of Fearon's (1995) rationalist causes of war.

This notebook checks the peace's closed forms (expected length, probability of holding, value)
against `parley analyze`, reproduces Powell's threshold on a toy built from the shipped `fearon`
scenario with `set` (the command line's `--set`), and then asks of the 2025 talks: which packages
are self-enforcing, what the equilibrium offer becomes when the peace may break, and how the
guarantee and the army caps move it.
""",
    """
The model is `docs/design.md` section 1.10; the toy's derivation is `docs/theory.md`,
"Commitment problems (Powell 2006)". For an agreement x signed at period t0:

- the hazard is h(x) = min(1, h0 * prod mu_m) over the terms m that x contains (`durability.terms`);
- R_i(t) is party i's value of a war renewed at t, from the agreement's line under the
  post-settlement balance (the battlefield's advantage plus the terms' `advantage` shifts, the
  costs plus the terms' `cost`): period t fought, then the renewed war's equilibrium, talks
  included (the solver plays one renewed war per balance); B_i(t) likewise for a breakdown
  between t - 1 and t (talks at t included). Where no talks follow (the toys below hold talks at
  the start only, or one period of fighting ends the war), both are the war fought to the end;
- by backward induction from the horizon T, where the peace is final (V_i(T) = u_i(x)):
  C_i(t) = (1 - delta_i) u_i + delta_i [(1 - h) V_i(t + 1) + h B_i(t + 1)], and a veto belligerent
  j renews the war at t when R_j(t) > C_j(t) (then V_i(t) = R_i(t) for all), else V_i(t) = C_i(t);
- with h and R constant and far from the horizon, V_i = ((1 - delta_i) u_i + delta_i h R_i) /
  (1 - delta_i (1 - h)); P(the peace still holds k periods on) = (1 - h)^k; the expected number of
  periods of peace (the settlement's own included) is 1 / h, or (1 - (1 - h)^K) / h when at most
  K = T - t0 + 1 periods are possible.

`parley analyze` (`analyze()` in Python) reports this peace for the Nash, Kalai-Smorodinsky and
tabled packages (key `durability`); `parley solve` (`solve()`) values every agreement by its peace
and lets proposers offer only self-enforcing ones (`offer.peace` describes the equilibrium offer's
peace). Setting
`durability.commitment=binding` says a third party enforces the agreement (only the hazard breaks
it); with `durability.hazard=0` as well, every settlement is final again, as in notebooks 1 to 6.
Everything here is exact (backward induction); nothing is sampled.
""",
    [
        md("### 1. A peace with a constant hazard\n\n"
           "The closed forms, written out in Python:"),
        code('''
def expected_peace(h, K=None):
    """E[periods of peace], the settlement's own included: 1/h, or (1 - (1 - h)^K)/h if at most K are possible."""
    if K is None:
        return np.inf if h == 0 else 1 / h
    return K if h == 0 else (1 - (1 - h) ** K) / h

def holds(h, k):
    """P(the peace still holds k periods after the settlement)."""
    return (1 - h) ** k

def peace_value(u, R, h, delta):
    """Far from the horizon: ((1 - delta) u + delta h R) / (1 - delta (1 - h))."""
    return ((1 - delta) * u + delta * h * R) / (1 - delta * (1 - h))

def peace_value_finite(u, R, R_T, h, delta, T, t0=0):
    """The same by backward induction over t0..T, nobody renewing at will: V(T) = u, and a
    breakdown at t + 1 < T is worth R, one at the horizon R_T."""
    V = u
    for t in range(T - 1, t0 - 1, -1):
        V = (1 - delta) * u + delta * ((1 - h) * V + h * (R if t + 1 < T else R_T))
    return V

for h in (0.005, 0.02, 0.1):
    print(f"h = {h}: expected {expected_peace(h):.1f} periods, P(holds 52) = {holds(h, 52):.3f}")
'''),
        md("**Checked against `parley analyze` on a toy.** The shipped `fearon` scenario (a front of "
           "2 states, tempo 1: one period of fighting decides the war) with a horizon of T periods, "
           "discount delta, a binding commitment (so only the hazard breaks the peace), a hazard h, "
           "a renewed war fought at advantage `a_r`, and talks in period 0 only (after a breakdown "
           "talks resume in the model; here none come, so the renewed war is fought out and its "
           "value R is fixed, as the closed form assumes). A war renewed before the horizon is worth "
           "R_A = -c_A + delta (1 + a_r)/2 and R_B = -c_B + delta (1 - a_r)/2 (the front is back at "
           "state 1 and the next period decides it); one renewed at the horizon freezes at once on "
           "the agreement's line, state 1 of 2, worth a share of 1/2 to each. The Nash package's "
           "value from `analyze` against the recursion (exact) and the far-horizon closed form (which "
           "it approaches as T grows, the gap shrinking like (delta (1 - h))^T):"),
        code('''
fearon = parley.load("fearon")
fearon_desc = fearon.describe()                          # parley describe fearon
c = {q["id"]: q["cost"] for q in fearon_desc["parties"]}
delta, h, a_r = 0.9, 0.1, 0.3

def toy_peace(T, h=h, delta=delta, a_r=a_r):
    """parley analyze on fearon with a horizon T, discount delta, a binding peace of hazard h and
    talks at the start only."""
    return fearon.set({
        "horizon": T, "parties.a.discount": delta, "parties.b.discount": delta, "protocol.periods": "[0]",
        "durability": f"{{hazard: {float(h)!r}, commitment: binding, renewed_war: {{advantage: {float(a_r)!r}}}}}"
    }).analyze()

R = {"a": -c["a"] + delta * (1 + a_r) / 2, "b": -c["b"] + delta * (1 - a_r) / 2}
rows = []
for T in (5, 10, 20, 40, 80):
    an_T = toy_peace(T)
    nash = next(p for p in an_T["durability"] if p["package"] == "nash")
    for q in ("a", "b"):
        u = nash["utilities"][q]
        rows.append({"T": T, "party": q, "u": u, "parley value": nash["values"][q],
                     "recursion": peace_value_finite(u, R[q], 0.5, h, delta, T),
                     "closed form (T -> inf)": peace_value(u, R[q], h, delta),
                     "parley E[periods]": nash["expected_periods"], "(1-(1-h)^(T+1))/h": expected_peace(h, T + 1),
                     "parley P(holds 10)": nash["holds"]["10"], "(1-h)^min(10,T)": holds(h, min(10, T))})
toy = pd.DataFrame(rows)
assert (toy["parley value"] - toy["recursion"]).abs().max() < 1e-12
assert (toy["parley E[periods]"] - toy["(1-(1-h)^(T+1))/h"]).abs().max() < 1e-9
assert (toy["parley P(holds 10)"] - toy["(1-h)^min(10,T)"]).abs().max() < 1e-12
toy["gap to closed form"] = toy["parley value"] - toy["closed form (T -> inf)"]
toy.round(6)
'''),
        md("Over the hazard, at a horizon of 80 periods: the value falls from u (a final peace) toward "
           "R (a war renewed at once), and the expected length is 1/h until the horizon truncates it."),
        code('''
hs = np.linspace(0, 0.5, 21)
sweep_h = [next(p for p in toy_peace(80, h=x)["durability"] if p["package"] == "nash") for x in hs]
fig, axes = plt.subplots(1, 2, figsize=(11, 3.8), layout="constrained")
for q, color in (("a", "C0"), ("b", "C1")):
    u = sweep_h[0]["utilities"][q]
    axes[0].plot(hs, [p["values"][q] for p in sweep_h], "o", color=color, label=f"{q}: parley analyze")
    axes[0].plot(hs, [peace_value(u, R[q], x, delta) for x in hs], "-", color=color, lw=1, label=f"{q}: closed form")
    axes[0].axhline(R[q], color=color, ls=":", lw=1)
axes[0].set(xlabel="hazard h", ylabel="value of the Nash package's peace", title="value (dotted: R_i, a war renewed)")
axes[0].legend(fontsize=8)
axes[1].plot(hs[1:], [p["expected_periods"] for p in sweep_h[1:]], "o", label="parley analyze (T = 80)")
axes[1].plot(hs[1:], [expected_peace(x) for x in hs[1:]], "k-", lw=1, label="1 / h")
axes[1].plot(hs[1:], [expected_peace(x, 81) for x in hs[1:]], "k--", lw=1, label="(1 - (1 - h)^81) / h")
axes[1].set(xlabel="hazard h", ylabel="expected periods of peace", yscale="log", title="expected length")
axes[1].legend(fontsize=8)
assert max(abs(p["expected_periods"] - expected_peace(x, 81)) for p, x in zip(sweep_h, hs)) < 1e-9;
'''),
        md("### 2. Powell's commitment problem on the toy\n\n"
           "docs/theory.md's toy: A divides a pie with B (u_A = x, u_B = 1 - x), one period of "
           "fighting decides the war (A wins with probability (1 + a)/2), A proposes every period, "
           "the peace has no hazard, and after a settlement a renewed war is fought at advantage "
           "a + Delta (a demobilisation, a rearmament: power shifts toward A). Fighting now is worth "
           "W_A = -c_A + delta (1 + a)/2 and W_B = -c_B + delta (1 - a)/2; the agreement is "
           "self-enforcing iff x >= R_A = -c_A + delta (1 + a + Delta)/2 (A would not break it) and "
           "B accepts iff 1 - x >= W_B. So an agreement exists iff R_A + W_B <= 1:\n\n"
           "**delta Delta / 2 <= 1 - delta + c_A + c_B**, i.e. Delta* = 2 (1 - delta + c_A + c_B) / delta.\n\n"
           "Built from `fearon` with `set` (`--set`) only: a horizon of 6 periods, the costs and discounts, and "
           "the durability section. One more override: in `fearon` the share is *linked* to the front, "
           "so a renewed war would start from the line the share draws (a share below 1/4 puts the "
           "line on A's collapse, which makes such corner packages self-enforcing and changes the "
           "solver's explanation); the theory's war resumes from the front where it stood, so the toy "
           "replaces the issue by an unlinked share (`issues=[{id: share, kind: continuous, "
           "status_quo: 0.5}]`)."),
        code('''
a0 = fearon_desc["battlefield"]["advantage"]["value"]     # the toy's a (fearon's 0.2)

def powell(shift, delta=1.0, c_a=0.02, c_b=0.03, commitment="self_enforcing", hazard=0):
    """The fields to set (--set) making fearon the toy of docs/theory.md with a post-settlement shift."""
    return {"issues": "[{id: share, kind: continuous, status_quo: 0.5}]", "horizon": 6,
            "parties.a.discount": delta, "parties.b.discount": delta,
            "parties.a.cost": c_a, "parties.b.cost": c_b,
            "durability": f"{{hazard: {float(hazard)!r}, commitment: {commitment}, "
                          f"renewed_war: {{advantage: {float(a0 + shift)!r}}}}}"}

def powell_threshold(delta, c_a, c_b):
    """Delta*: the largest shift of A's renewed-war advantage that still allows agreement."""
    return 2 * (1 - delta + c_a + c_b) / delta

star = powell_threshold(1.0, 0.02, 0.03)
for shift in (star - 0.02, star + 0.02):
    s = fearon.set(powell(shift)).solve()
    print(f"Delta = {shift:.2f}: P(agreement) = {s['settlement_probability']}, values {s['value']}, "
          f"offer {s['offer']['agreement']}")
# str() of a result is the table the command prints: parley solve's names Powell's case when
# nothing can be offered.
text = str(fearon.set(powell(star + 0.02)).solve())
print("\\n".join(line for line in text.splitlines() if "Powell" in line or "proposes" in line))
'''),
        md("Below the threshold A offers B exactly its value of fighting now and keeps x* = 1 - W_B; "
           "above it the equilibrium is war at once, although self-enforcing divisions exist. "
           "The sweep, for two discount-and-cost pairs, against the closed form:"),
        code('''
cases = [(1.0, 0.02, 0.03), (0.95, 0.01, 0.02)]
shifts = np.round(np.linspace(0, 0.4, 41), 4)
fig, axes = plt.subplots(1, 2, figsize=(12, 4), layout="constrained")
summary = []
for (d, ca, cb), color in zip(cases, ("C0", "C3")):
    star = powell_threshold(d, ca, cb)
    sols = [fearon.set(powell(x, d, ca, cb)).solve() for x in shifts]
    settled = np.array([s["settlement_probability"] for s in sols])
    label = f"delta {d}, c_A {ca}, c_B {cb}"
    axes[0].plot(shifts, settled, "o-", color=color, ms=4, label=label)
    axes[0].axvline(star, color=color, ls="--", lw=1)
    W_A, W_B = -ca + d * (1 + a0) / 2, -cb + d * (1 - a0) / 2
    axes[1].plot(shifts, [s["value"]["a"] for s in sols], "o", color=color, ms=4, label=f"A's value, {label}")
    axes[1].plot(shifts, np.where(shifts <= star, 1 - W_B, W_A), "-", color=color, lw=1)
    assert np.all((settled == 1) == (shifts <= star + 1e-12)), "agreement vanishes at Delta*"
    just_below = fearon.set(powell(star - 1e-6, d, ca, cb)).solve()["settlement_probability"]
    just_above = fearon.set(powell(star + 1e-6, d, ca, cb)).solve()["settlement_probability"]
    assert just_below == 1 and just_above == 0
    summary.append({"delta": d, "c_A": ca, "c_B": cb, "Delta* (closed form)": star,
                    "P(agree) at Delta* - 1e-6": just_below, "P(agree) at Delta* + 1e-6": just_above,
                    "A's x* = 1 - W_B": 1 - W_B})
axes[0].set(xlabel="shift Delta of A's advantage after a settlement", ylabel="P(agreement) (parley solve)",
            title="agreement vanishes at Delta* (dashed: the closed form)")
axes[0].legend(fontsize=8)
axes[1].set(xlabel="shift Delta", ylabel="A's equilibrium value", title="A's value: x* = 1 - W_B, then W_A (lines)")
axes[1].legend(fontsize=8)
pd.DataFrame(summary)
'''),
        md("A third party that enforces the agreement (`durability.commitment=binding`) removes the "
           "problem: with the same shift, agreement is back, with the values of the model without "
           "durability (the section left out)."),
        code('''
big = 0.3
without = {k: v for k, v in powell(big).items() if k != "durability"}
rows = []
for label, sets in (("self-enforcing", powell(big)), ("binding", powell(big, commitment="binding")),
                    ("no durability section", without)):
    s = fearon.set(sets).solve()
    rows.append({"commitment": label, "P(agreement)": s["settlement_probability"], **s["value"]})
binding_table = pd.DataFrame(rows).set_index("commitment")
for q in ("a", "b"):
    assert abs(binding_table.loc["binding", q] - binding_table.loc["no durability section", q]) < 1e-12
binding_table
'''),
        md("### 3. The 2025 talks: which packages are self-enforcing?\n\n"
           "The `durability` section of the 2025 talks (assumption A8): a weekly hazard anchored on "
           "the Minsk record, multipliers for the guarantee levels, the army caps, the buffer zone "
           "and the Peace Council, and shifts of a renewed war's balance. `analyze` reports the peace "
           "of the Nash, Kalai-Smorodinsky and tabled packages. This section reads it in the "
           "28-point variant (`ukraine-2025-28-point`: the same section, the 28-point draft tabled, "
           "and none of the default's red lines, leverage or offensive option). In the default, "
           "Russia's offensive option makes a renewed war worth more to it than any of these "
           "packages, so it would fight on at once from each: compare `parley analyze`."),
        code('''
import yaml
scenario = yaml.safe_load((ROOT / "scenarios" / "ukraine-2025-28-point.yaml").read_text())
dur = scenario["durability"]
talks = parley.load("ukraine-2025-28-point")             # the same scenario, loaded by parley
an = talks.analyze()
agreements = {"nash": an["nash"]["agreement"], "kalai_smorodinsky": an["kalai_smorodinsky"]["agreement"],
              "proposal": an["proposals"][0]["agreement"]}
kinds = {i["id"]: i["kind"] for i in scenario["issues"]}

def hazard_of(agreement):
    """h(x) = min(1, h0 prod mu_m) over the terms x contains, from the scenario file."""
    mu = 1.0
    for issue, terms in dur["terms"].items():
        held = agreement[issue] if kinds[issue] == "clauses" else [agreement[issue]]
        mu *= np.prod([terms[t].get("hazard", 1.0) for t in held if t in terms])
    return min(1.0, dur["hazard"] * mu)

T = scenario["horizon"]
rows = []
for p in an["durability"]:
    ag = agreements[p["package"]]
    row = {"package": p["package"], "territory": ag["territory"], "guarantee": ag["guarantee"],
           "army cap": ag["army_cap"], "hazard": p["hazard"], "h0 prod mu": hazard_of(ag),
           "self-enforcing": p["self_enforcing"], "renewers": ", ".join(p["renewers"]),
           "E[weeks]": p["expected_periods"], **{f"P(holds {k})": v for k, v in p["holds"].items()}}
    for q in ("russia", "ukraine"):
        row[f"u {q}"], row[f"V {q}"] = p["utilities"][q], p["values"][q]
    rows.append(row)
packages = pd.DataFrame(rows).set_index("package")
assert (packages["hazard"] - packages["h0 prod mu"]).abs().max() < 1e-12
K = T + 1                                            # analyze signs each package at period 0
for name, row in packages[packages["self-enforcing"]].iterrows():
    h_ = row["hazard"]
    assert abs(row["E[weeks]"] - expected_peace(h_, K)) < 1e-9
    for k in an["durability"][0]["holds"]:
        assert abs(row[f"P(holds {k})"] - holds(h_, min(int(k), T))) < 1e-12   # final once at the horizon
print(f"horizon T = {T} weeks, at most K = {K} weeks of peace; closed forms checked for",
      ", ".join(packages.index[packages["self-enforcing"]]))
packages.T
'''),
        md("For a self-enforcing package the figures are the closed forms: E[weeks] = (1 - (1 - h)^K)/h "
           "with K = T + 1 possible weeks of peace (T the horizon, printed above), and P(holds k weeks) = "
           "(1 - h)^min(k, T) (a peace that reaches the horizon counts as holding, so the 5- and "
           "10-year figures are those of holding to the horizon). A package some belligerent would break at once has "
           "first_renewal 0, no peace at all, and is worth each party its value of the renewed war "
           "(its V is then far from its u: see the `proposal` column)."),
        md("### The equilibrium offer when the peace may break\n\n"
           "`parley solve` under the scenario's durability, against the model without durability "
           "(`durability.commitment=binding` and `durability.hazard=0`: every settlement is final)."),
        code('''
def offer_row(label, s):
    """One row: the equilibrium offer's package, its peace, and the values at the start."""
    o = s["offer"]
    ag, peace = o["agreement"] or {}, o["peace"] or {}
    return {"model": label, "P(agreement)": s["settlement_probability"], "proposer": o["proposer"],
            "territory": ag.get("territory"), "guarantee": ag.get("guarantee"), "army cap": ag.get("army_cap"),
            "clauses": len(ag.get("plan", [])), "hazard": peace.get("hazard"),
            "E[weeks]": peace.get("expected_periods"), "self-enforcing": peace.get("self_enforcing"),
            "V russia": s["value"]["russia"], "V ukraine": s["value"]["ukraine"]}

eq_durable = talks.solve()
eq_final = talks.set({"durability.commitment": "binding", "durability.hazard": 0}).solve()
equilibria = pd.DataFrame([offer_row("durability (A8)", eq_durable),
                           offer_row("final settlements", eq_final)]).set_index("model")
# Self-enforcing, nothing passes at the start (the commitment problem); bound, the first talks settle.
assert not eq_durable["offer"]["settles"] and eq_final["offer"]["settles"]
print("agreement comes, if at all, in week", round(eq_durable["settlement_period"], 1), "under durability,",
      round(eq_final["settlement_period"], 1), "when settlements are final")
changed = sorted(set(eq_durable["offer"]["agreement"]["plan"]) ^ set(eq_final["offer"]["agreement"]["plan"]))
print("clauses in one offer but not the other:", changed)
equilibria.T
'''),
        md("### A stronger or weaker guarantee\n\n"
           "Sweep the hazard multiplier of the strongest guarantee level (`article5`; the shipped "
           "value is the one in the scenario file): the equilibrium package, its expected peace and "
           "each side's value."),
        code('''
mu5 = dur["terms"]["guarantee"]["article5"]["hazard"]
multipliers = sorted({0.05, 0.1, mu5, 0.5, 0.75, 1.0, 1.5, 2.5})
guar = pd.DataFrame([offer_row(m, talks.set("durability.terms.guarantee.article5.hazard", m).solve())
                     for m in multipliers]).set_index("model").rename_axis("article5 multiplier")
fig, axes = plt.subplots(1, 2, figsize=(12, 4), layout="constrained")
axes[0].plot(guar.index, guar["E[weeks]"], "o-")
for j, (m, row) in enumerate(guar.iterrows()):
    axes[0].annotate(f"{row['guarantee']}\\nx={row['territory']}", (m, row["E[weeks]"]), fontsize=7,
                     textcoords="offset points", xytext=(12, 6) if j % 2 else (-12, -22), ha="center")
axes[0].axvline(mu5, color="k", ls=":", lw=1)
axes[0].set(xlabel="article5's hazard multiplier (dotted: shipped)", ylabel="expected weeks of peace",
            title="the equilibrium offer's peace (label: guarantee level, territory)")
axes[1].plot(guar.index, guar["V russia"], "o-", label="Russia")
axes[1].plot(guar.index, guar["V ukraine"], "s-", label="Ukraine")
axes[1].axvline(mu5, color="k", ls=":", lw=1)
axes[1].set(xlabel="article5's hazard multiplier", ylabel="equilibrium value", title="who gains from a stronger guarantee")
axes[1].legend()
guar
'''),
        md("On a **fixed** package a stronger guarantee never shortens the peace (a smaller multiplier, "
           "a smaller hazard): the Nash package under the same sweep, from `analyze` (the Nash package "
           "itself is computed from the utilities, so it stays the same package)."),
        code('''
rows = []
for m in multipliers:
    p = next(p for p in talks.set("durability.terms.guarantee.article5.hazard", m).analyze()["durability"]
             if p["package"] == "nash")
    rows.append({"article5 multiplier": m, "hazard": p["hazard"], "E[weeks]": p["expected_periods"],
                 "P(holds 52)": p["holds"]["52"], "self-enforcing": p["self_enforcing"]})
nash_sweep = pd.DataFrame(rows).set_index("article5 multiplier")
print("Nash package's guarantee:", an["nash"]["agreement"]["guarantee"])
assert nash_sweep["E[weeks]"].is_monotonic_decreasing
nash_sweep
'''),
        md("### The army caps: a shift of power\n\n"
           "An army cap shifts a renewed war's balance toward Russia (Powell's shift of power). First "
           "the 85,000 cap (the Istanbul-2022 demand): sweep its advantage shift and solve."),
        code('''
shift85 = dur["terms"]["army_cap"]["cap_85k"]["advantage"]
shifts85 = sorted({-0.3, 0.0, 0.1, shift85, 0.6, 1.0})
cap85 = pd.DataFrame([offer_row(x, talks.set("durability.terms.army_cap.cap_85k.advantage", x).solve())
                      for x in shifts85]).set_index("model").rename_axis("cap_85k advantage shift")
print("equilibrium caps across the sweep:", sorted(set(cap85["army cap"])))
cap85
'''),
        md("Then the cap the plan as tabled contains (`cap_600k`): sweep its shift and ask `analyze` "
           "whether the tabled plan is self-enforcing, who would break it, and what it is worth."),
        code('''
shift600 = dur["terms"]["army_cap"]["cap_600k"]["advantage"]
shifts600 = sorted({-0.6, -0.4, -0.2, 0.0, 0.05, shift600, 0.2, 0.3})
rows = []
for x in shifts600:
    p = next(p for p in talks.set("durability.terms.army_cap.cap_600k.advantage", x).analyze()["durability"]
             if p["package"] == "proposal")
    rows.append({"cap_600k advantage shift": x, "self-enforcing": p["self_enforcing"],
                 "renewers": ", ".join(p["renewers"]), "E[weeks]": p["expected_periods"],
                 "V russia": p["values"]["russia"], "V ukraine": p["values"]["ukraine"],
                 "u russia": p["utilities"]["russia"], "u ukraine": p["utilities"]["ukraine"]})
plan_cap = pd.DataFrame(rows).set_index("cap_600k advantage shift")
fig, ax = plt.subplots(figsize=(7, 4), layout="constrained")
ax.plot(plan_cap.index, plan_cap["V russia"], "o-", label="Russia: value of the plan's peace")
ax.plot(plan_cap.index, plan_cap["V ukraine"], "s-", label="Ukraine: value of the plan's peace")
ax.plot(plan_cap.index, plan_cap["u russia"], "C0:", label="Russia: u (were it final)")
ax.plot(plan_cap.index, plan_cap["u ukraine"], "C1:", label="Ukraine: u (were it final)")
ax.axvline(shift600, color="k", ls=":", lw=1)
for x, row in plan_cap.iterrows():
    if not row["self-enforcing"]:
        ax.axvspan(x - 0.025, x + 0.025, color="0.85", zorder=0)
ax.set(xlabel="cap_600k's advantage shift (dotted: shipped; grey: not self-enforcing)",
       ylabel="value", title="the plan as tabled under a shift of power (parley analyze)")
ax.legend(fontsize=7)
plan_cap
'''),
    ],
    """
- The closed forms hold exactly once the horizon is accounted for: the expected length is
  (1 - (1 - h)^K)/h, not 1/h, and P(holds) stops falling at the horizon, where the model makes the
  peace final. The far-horizon value formula is the limit the exact recursion approaches (the toy's
  table, last column).
- In the toy, agreement is all or nothing in the shift: up to Delta* A offers B exactly its value of
  fighting now; beyond it no division both gives B that and leaves A unwilling to break it, so
  they fight at once, with complete information. The threshold grows with the costs of war and
  with impatience (1 - delta), as Powell's condition says.
- A binding commitment removes the problem entirely: what makes the war is the *inability to
  commit*, not the shift of power itself.
- In the 2025 scenario, compare the `self-enforcing` row of the package table: the plan as tabled
  gives Russia a line and a balance from which renewing the war pays, so its peace is worth far
  less than its utilities suggest; the cap_600k sweep shows which shift is enough for that.
- After a breakdown talks resume, so renewing the war costs a side only the fighting until the
  next talks, and a side whose prospects improve with time renews to renegotiate. In the 2025
  scenario Russia's advantage decays, so no package Russia would accept at the start is one
  Ukraine would keep: under durability the offer at the start does not settle (the cell prints
  when agreement comes instead), and the peace comes only as the model's horizon nears. When it comes
  moves with the horizon (`talks.set("horizon", 52)`, `208`): an artifact; that it does not come early
  does not.
- Compare the equilibrium offer under durability with the one when settlements are final (the
  table above lists the package, its peace and the values, and the cell prints the clauses that
  differ); the guarantee sweep shows where the offered guarantee level changes. A stronger guarantee always lengthens a fixed package's peace, but the
  equilibrium offer may switch packages, so its expected peace need not move monotonically.
- The 85,000 cap's shift leaves the equilibrium offer as it is when no offer contains that cap:
  a term's multiplier or shift matters only to packages that contain it.
""",
    [
        exercise("7.1", """
Without a horizon, how many weeks does a peace with a constant weekly hazard of 0.005 (the
scenario's h0, the Minsk record) last on average, counting the week of the settlement?""", '''
answer_7_1 = expected_peace(0.005)
answer_7_1'''),
        exercise("7.2", """
In the 28-point variant (`talks` above), what is the probability that the Nash package's peace still holds one
year (52 weeks) after it is signed? Compute it from the package's hazard with the closed form (if a
belligerent renews the war, `analyze` says when: here not within the year), then compare with
`holds` in `parley analyze`.""", '''
h_nash = next(p for p in an["durability"] if p["package"] == "nash")["hazard"]   # an: talks.analyze() above
answer_7_2 = holds(h_nash, 52)
answer_7_2'''),
        exercise("7.3", """
In the toy, with discount 0.9, c_A = 0.01 and c_B = 0.02, up to which shift Delta of A's
renewed-war advantage is there agreement? Check your number with `fearon.set(powell(x, 0.9, 0.01,
0.02)).solve()` just below and just above it.""", '''
answer_7_3 = powell_threshold(0.9, 0.01, 0.02)
answer_7_3'''),
        exercise("7.4", """
In the toy with delta = 1, c_A = 0.02, c_B = 0.03 and a shift Delta = 0.12 after the settlement,
is the division x = 0.6 (A's share) self-enforcing? Answer `True` or `False`. (A war A renews is
worth R_A = -c_A + delta (1 + a + Delta)/2 to it, with the toy's a from `fearon`; B's R_B likewise.)""", '''
R_A = -0.02 + (1 + a0 + 0.12) / 2
R_B = -0.03 + (1 - a0 - 0.12) / 2
answer_7_4 = bool(0.6 >= R_A and 1 - 0.6 >= R_B)
answer_7_4'''),
        exercise("7.5", """
By how many weeks does the expected peace of the 28-point variant's **Nash package** grow when
the `article5` guarantee's hazard multiplier goes from the shipped value to 0.1 (a stronger
guarantee)? Use `analyze()` with `durability.terms.guarantee.article5.hazard` set.""", '''
def nash_weeks(m):
    an_m = talks.set("durability.terms.guarantee.article5.hazard", m).analyze()
    return next(p for p in an_m["durability"] if p["package"] == "nash")["expected_periods"]
answer_7_5 = nash_weeks(0.1) - nash_weeks(mu5)
answer_7_5'''),
        explain("7.6", """
In Powell's toy, a binding commitment restores agreement at the same shift of power. Why is it the
inability to commit, and not the shift itself, that makes the sides fight?""", """
After a settlement A's war is worth R_A = -c_A + delta (1 + a + Delta)/2, more than fighting now. A
self-enforcing division must give A at least R_A (or A breaks it), and B accepts only if it gets at
least W_B, its value of fighting now. Both fit only if R_A + W_B <= 1; past Delta* they do not, so B,
knowing that any deal it could accept would be broken once A is stronger, does better fighting now,
while it is stronger than it will be. With a binding commitment the condition x >= R_A is
gone: a third party enforces the division, so A cannot cash in its future strength. What is left is
Fearon's range between the current war values, [W_A, 1 - W_B], which is never empty because
fighting costs both (W_A + W_B = delta - c_A - c_B < 1). The shift is the same; what changed is that
A can now promise not to use it. The war comes from the missing enforcement, which a guarantee or a
third party can supply, not from a conflict of interests that no division could bridge."""),
    ],
    """
- Make the toy's peace hazardous as well as shifted (`powell(shift, hazard=0.05)`): does a hazard
  move the threshold, and in which direction?
- Give the renewed war its own tempo (`durability.renewed_war.tempo`) in the default scenario: a
  faster renewed war makes renewal more tempting for the stronger side.
- Raise the cost a guarantee imposes on the aggressor
  (`durability.terms.guarantee.coalition_force.cost.russia=0.002`) and see whether the tabled plan
  becomes self-enforcing.
- Sweep the base hazard (`durability.hazard`) from 0 to 0.05 and watch the equilibrium territory
  and the values: who pays for a fragile peace?
""",
    """
- Monte Carlo of breakdowns (settled and held, settled then broke, weeks of peace and of fighting,
  a `--trace` that narrates a breakdown) comes with `parley run` under durability; until then this
  notebook uses only the exact `analyze` and `solve`. Once it is there, simulate the equilibrium
  and compare the share of peaces holding a year with the `holds` figure above.
- `solve()` (the JSON of `parley solve`) says that nothing can be offered (`offer.feasible` false)
  but not *why*; its table (`print(...)`) names Powell's case. A JSON key for it would let a sweep map where the
  commitment problem bites over two parameters (a grid of the cap's shift and the guarantee's
  multiplier).
- The exact values treat a renewed war as fought to the end: talks after a breakdown are not in
  them (docs/design.md 1.10, stated limits).
""",
)


# ============================================================================================
# 08 The regime map
# ============================================================================================

NB8 = sections(
    "8. The regime map: prolonged or quick along Russia's battlefield advantage",
    """
Notebook 5 played the prolonged-or-quick meta-game of the 2025 talks under a handful of advantage
assumptions. A **regime map** plays it along a whole axis: at every value of Russia's starting
advantage a_0 (`battlefield.advantage.from`; the scenario assumes +0.3, decaying with a half-life of
52 weeks) it plays the meta-game, and wherever the answer changes (the set of equilibria, or one
side's best reply to one of the other's strategies) it locates the change by bisection. Which side
gains from holding out, and from which advantage on? The exercises are **predict, then check**:
before each run you write down what you expect and why, then read the answer off the program's
output and see where your reasons held.
""",
    """
`parley compare --across battlefield.advantage.from=LO:HI:N` plays `compare`'s meta-game (Russia
and Ukraine, each `prolonged` or `quick`) at N evenly spaced values of a_0. Every value and every
profile uses the same seed, so all of them fight on the same random fronts (common random numbers):
a difference between two cells comes from the strategies or the parameter, not from luck. At each
value `compare` starts at `--runs` runs per profile and doubles them until the equilibrium set at
95% confidence is stable; best replies it cannot tell apart at that confidence are reported as a
tie (`tie: prolonged, quick`), an answer of its own. In every grid cell whose two ends differ, the
midpoint is played and replaces the end it agrees with, until the bracket is at most `--tolerance`
wide. In Python the map is `talks.compare(across=GRID, runs=..., seed=..., tolerance=...)`; the
result, the JSON of `parley compare --across ... --format json`, has `points` (per value:
`equilibrium_set`, `equilibria` with payoffs, `best_replies`, the `welfare` of each profile) and
`boundaries` (per change: `feature`, `player`, `against`, the bracket `low`..`high`, the estimate
`at` ± `plus_minus`, `from`, `to` and a `sentence`). Its `to_frame()` is the table and
`pp.plot_regime_map` draws the picture. To keep the
notebook quick the maps have 6 values, 300 runs and a tolerance of 0.05: refine all three for real
work.
""",
    [
        md("### The assumption on the axis\n\n"
           "The scenario's schedule is a_t = a_inf + (a_0 - a_inf) 2^(-t / half_life) "
           "(docs/scenario-format.md). The map varies a_0 and keeps the decay: these are the schedules "
           "it compares."),
        code('''
talks = parley.load()                                   # the default scenario, ukraine-2025
desc = talks.describe()
print(desc["battlefield"]["summary"])
schedule = desc["battlefield"]["advantage"]

def advantage(t, a0, half_life=schedule["half_life"], limit=schedule["limit"]):
    """Russia's advantage in week t under the exponential schedule that starts at a0."""
    return limit + (a0 - limit) * 2.0 ** (-np.asarray(t) / half_life)

GRID = "battlefield.advantage.from=-0.5:0.5:6"    # the map's axis: 6 values of a_0
RUNS, TOLERANCE = 300, 0.05
weeks = np.arange(desc["horizon"] + 1)
fig, ax = plt.subplots(figsize=(7, 3.5), layout="constrained")
for a0 in np.linspace(-0.5, 0.5, 6):
    ax.plot(weeks, advantage(weeks, a0), lw=1, label=f"a_0 = {a0:+.1f}")
ax.plot(weeks, advantage(weeks, schedule["from"]), "k--", lw=1.5, label=f"as shipped ({schedule['from']:+.1f})")
ax.axhline(0, color="0.5", lw=0.5)
ax.set(xlabel="week", ylabel="Russia's advantage a_t",
       title=f"the schedules on the map's axis (half-life {schedule['half_life']:g} weeks)")
ax.legend(fontsize=7, ncol=2);
'''),
        md("### One meta-game, read the way the map reads it\n\n"
           "The map plays this at every value of a_0. Here an even start, a_0 = 0: the payoffs, then "
           "the best replies in words. Each best reply (a player against one strategy of the other) "
           "is one *feature* of the map, one band of its picture; the equilibrium set is another."),
        code('''
even = talks.set("battlefield.advantage.from", 0).compare(runs=RUNS, seed=1)
pp.plot_payoff_matrix(even)
for line in even["summary"]:
    print("-", line)
'''),
        md("Two helpers for the exercises: one feature's boundaries in a map's JSON, and the map's "
           "row for a grid value."),
        code('''
def boundaries_of(regime, player, against):
    """The boundaries where `player`'s best reply to `against` changes, along the axis."""
    return [b for b in regime["boundaries"] if b.get("player") == player and b.get("against") == against]

def row_at(table, value):
    """The row of a regime table (a map's to_frame(), by value) for the grid value closest to `value`."""
    return table.iloc[int(np.abs(table.index.to_numpy(dtype=float) - value).argmin())]
'''),
    ],
    """
- Read the picture band by band: one band per feature (the equilibrium set, then each player's best
  reply to each strategy of the other), coloured by its answer. A black line is a boundary at its
  bisected estimate; the grey around it is its bracket, the interval the program can vouch for.
- A best reply can turn while the equilibrium set stays the same: best replies say what a side
  would do if the other deviated, and they can move long before the equilibrium does. That is what
  a map shows and a single meta-game does not.
- A tie (`tie: prolonged, quick`) is the Monte Carlo's resolution, not a third strategy: at 95%
  confidence the program cannot tell the two apart there. More runs narrow a tie band; its edges
  are still boundaries of what can be said.
- Bisection is cheap: the map plays a few meta-games more than the grid has values (`evaluations`
  in the JSON), where a grid fine enough for the same brackets would need range / tolerance + 1.
- Common random numbers make neighbouring values comparable, so a boundary is not noise between
  two independent samples; it is still an estimate from a few hundred runs per profile.
""",
    [
        predict("8.1", """
At the scenario's own starting advantage, a_0 = +0.3, which side prefers to prolong: whose best
reply is `prolonged` whatever the other side plays?""",
                '`"russia"`, `"ukraine"`, `"both"` or `"neither"`',
                '''
prediction_8_1 = "both"''', '''
Both. Russia is ahead and its war value is high, so holding out costs it little while the war goes
its way, and against a side that concedes it collects the concessions. Ukraine, less obviously:
conceding quickly does not buy it a lasting peace. The packages a quick Ukraine accepts give Russia
a line beyond the front, and Russia, still ahead, can renew the war from that line (exercise 8.4
looks at how); holding out keeps Ukraine's demands up while Russia's advantage decays. Only when
Russia starts behind or level would I expect a quick Ukraine to do better, against a quick Russia.''',
                '''
regime = talks.compare(across=GRID, runs=RUNS, seed=1, tolerance=TOLERANCE)   # parley compare --across
table = regime.to_frame().set_index(regime.parameter)   # per value: runs per profile, the answers
pp.plot_regime_map(regime)
for b in regime["boundaries"]:
    print("-", b["sentence"])
print(regime["evaluations"], "meta-games played,", len(table), "of them on the grid")
table''', """
In the map's row for a_0 = +0.3 (`row_at(table, 0.3)`), whose best reply is `prolonged` against
both of the other side's strategies? Answer `"russia"`, `"ukraine"`, `"both"` or `"neither"`.""", '''
row = row_at(table, 0.3)
holds_out = {p: all(row[f"{p} vs {s}"] == "prolonged" for s in ("prolonged", "quick"))
             for p in ("russia", "ukraine")}
answer_8_1 = {(True, True): "both", (True, False): "russia", (False, True): "ukraine",
              (False, False): "neither"}[(holds_out["russia"], holds_out["ukraine"])]
answer_8_1'''),
        predict("8.2", """
Take a large starting advantage, a_0 = +0.5. Which profile do you expect to end more wars in a
settlement that holds (`outcomes.settled` of `parley run`): both sides `quick`, or both
`prolonged`?""",
                '`"quick"` or `"prolonged"`',
                '''
prediction_8_2 = "prolonged"''', '''
Both prolonged, against the first intuition that quick concessions make quick deals. Two quick sides
do sign early, but at +0.5 Russia is far ahead: the package it signs draws the line well beyond the
front, and a war renewed from there is worth more to Russia than the peace. So I expect the early
peaces to break and the war to go on until Ukraine collapses. Two prolonged sides sign nothing until
late in their planning year, when Russia's advantage has decayed by about half; by then a peace is
more often worth keeping.''',
                '''
profiles = {"both quick": ("quick", "quick"), "both prolonged": ("prolonged", "prolonged"),
            "Russia prolonged, Ukraine quick": ("prolonged", "quick")}
at_half = {label: talks.set({"battlefield.advantage.from": 0.5, "parties.russia.strategy": r,
                             "parties.ukraine.strategy": u}).run(runs=1000, seed=1)
           for label, (r, u) in profiles.items()}
pd.DataFrame({label: {"P(settled: a peace that holds)": run["outcomes"]["settled"],
                      "P(Ukraine collapses)": run["outcomes"]["collapse_b"],
                      "mean duration (weeks)": run["duration"]["mean"],
                      "P(a peace is signed)": run["durability"]["signed"],
                      "P(a peace breaks)": run["durability"]["broke"],
                      "mean breakdowns": run["durability"]["breakdowns"]["mean"],
                      "first agreement (median week)": run["durability"]["first_agreement_period"]["median"],
                      "Russia's payoff": run["parties"]["russia"]["utility"]["mean"],
                      "Ukraine's payoff": run["parties"]["ukraine"]["utility"]["mean"]}
              for label, run in at_half.items()}).round(3)''', """
What share of the wars ends in a settlement that holds when both sides play `quick` at
a_0 = +0.5 (1000 runs, seed 1)?""", '''
answer_8_2 = at_half["both quick"]["outcomes"]["settled"]
answer_8_2'''),
        predict("8.3", """
In the map of exercise 8.1, Russia's best reply to a quick Ukraine turns from `prolonged` to `quick`
at a large starting advantage. Suppose Russia's advantage lasts longer: a half-life of 104 weeks
instead of 52 (`battlefield.advantage.half_life`). Does that boundary move to a smaller a_0, to a
larger one, or stay where it is (the file's half-life turns within the new boundary's bracket)?""",
                '`"smaller"`, `"larger"` or `"same"`',
                '''
prediction_8_3 = "smaller"''', '''
Smaller. What makes `quick` pay for Russia at a large advantage is that its lead lasts long enough
for early deals to be broken and the war renewed from a line further forward (exercise 8.2's table).
With a half-life of 104 weeks the lead after half a year is still 2^(-26/104), about 84%, of a_0
instead of 2^(-26/52), about 71%: a smaller starting lead buys the same strength when the early
deals are made and broken.''',
                '''
lasting = talks.set("battlefield.advantage.half_life", 104).compare(across=GRID, runs=RUNS, seed=1,
                                                                   tolerance=TOLERANCE)
answers = sorted({a for m in (regime, lasting) for a in pp.regime_rows(m).stack()})
colours = {a: plt.get_cmap("tab10")(k % 10) for k, a in enumerate(answers)}   # the same in both maps
fig, axes = plt.subplots(2, 1, figsize=(10, 6.5))
pp.plot_regime_map(regime, ax=axes[0], title="half-life 52 weeks (as shipped)", colours=colours)
pp.plot_regime_map(lasting, ax=axes[1], title="half-life 104 weeks", colours=colours)
for b in lasting["boundaries"]:
    print("-", b["sentence"])''', """
Where, in the new map, does Russia's best reply to a quick Ukraine turn? Answer the boundary's
estimate `at` (`boundaries_of(lasting, "russia", "quick")`).""", '''
answer_8_3 = boundaries_of(lasting, "russia", "quick")[0]["at"]
print("half-life 52: ", boundaries_of(regime, "russia", "quick")[0]["sentence"])
print("half-life 104:", boundaries_of(lasting, "russia", "quick")[0]["sentence"])
answer_8_3'''),
        explain("8.4", """
At a large starting advantage Russia does better playing `quick` against a quick Ukraine, although
almost none of those wars ends at the table. Why? Use the table of exercise 8.2 and one narrated
episode, e.g.
`print(talks.set({"battlefield.advantage.from": 0.5, "parties.russia.strategy": "quick", "parties.ukraine.strategy": "quick"}).trace(seed=3))`
(`parley run --set battlefield.advantage.from=0.5 --set parties.russia.strategy=quick --set parties.ukraine.strategy=quick --trace --seed 3`).""",
                """
Because at that advantage an early deal is a step forward for Russia, not a peace. Two quick sides
agree from about week 8. The package Ukraine accepts draws the line far beyond the front (in the
narrated episode the first deal puts it at 70% of the contested territory while the front is at
30%) in exchange for terms, such as a guarantee, that matter only if the peace lasts. Russia cannot
promise to keep such a peace (notebook 7's commitment problem): a war renewed from the new line is
worth more to it than the peace, so it renews at will, often before the peace even starts, and the
war resumes from the agreement's line, not from where the front stood. Each round of talks
ratchets the front toward Ukraine's collapse: nearly every war ends that way, after about 20 weeks
instead of the 35 to 40 it takes when Russia holds out and signs nothing until late in its
planning year. With a cost for every week of war and discounting, winning sooner is worth more to
Russia than the better terms holding out would bring. At a smaller advantage a renewed war is worth
less, fewer early deals are broken, and holding out pays Russia again; a lead that lasts longer
(exercise 8.3) brings the turn to a smaller a_0. Making every settlement binding
(`durability.commitment=binding`) takes the renewals away: try it on the map."""),
    ],
    """
- Make every settlement binding (`talks.set("durability.commitment", "binding").compare(across=GRID, ...)`):
  does Russia's turn to `quick` survive without renewals at will?
- Refine the map: `-0.5:0.5:21`, `tolerance=0.01`, `runs=1000`. Do the boundaries stay inside the
  brackets of the coarse map?
- Map another axis: `battlefield.tempo`, `parties.ukraine.cost`, `durability.hazard`,
  `protocol.every`.
- Add strategies (`strategies={"russia": ["prolonged", "linear", "quick"], "ukraine": [...]}`):
  more features, and mixed equilibria where best replies cycle.
- `tools/plot.py regime --across battlefield.advantage.from=-0.5:0.5:11 -o map.png` draws the same
  picture from the command line.
""",
    """
- A map has one axis. Loop over half-lives and stack one feature's boundary estimates into a
  curve (the boundary's a_0 against the half-life): a two-parameter regime diagram by hand.
- `points[k]["welfare"]` holds the sum of the two payoffs for each profile: plot the welfare of the
  equilibrium against the best profile along the axis, the price of holding out.
- At a value near a boundary, run `parley compare --robustness`: does the answer there survive a
  change of horizon, speaking order or planning horizon?
""",
)


# ============================================================================================
# 09 What if? Sliders over the advantage and the guarantee
# ============================================================================================

NB9 = sections(
    "9. What if? Sliders over the battlefield advantage and the guarantee the plan tables",
    """
Two assumptions of the 2025 talks are the ones a reader most wants to move: **how far ahead Russia
starts** on the battlefield (a_0, `battlefield.advantage.from`; the scenario assumes +0.3, decaying
with a half-life of 52 weeks) and **which security guarantee the US plan tables**
(`parties.usa.proposal.guarantee`; the 28-point draft tables its own "reliable" US guarantee, and
the December revisions discussed an Article 5-like one). The notebook starts from the 28-point
variant of the default scenario (`ukraine-2025-28-point`), whose plan tables the US guarantee
(the default tables the December plan, with the Article 5-like one). Two sliders redraw, at every setting, the
strategy **meta-game** of notebook 5 (each side `prolonged` or `quick`, the equilibria boxed) and
the **Pareto frontier** of notebook 6 with the disagreement point d, the Nash package and the plan.
Move them and watch which parts of the pictures move, and which never do.
""",
    """
`what_if(advantage, guarantee)` is an ordinary function of the two slider values. It sets the two
fields on the 28-point variant (`talks.set({...})`, the command line's `--set`), asks
`analyze()` (the frontier, d, the Nash package, the tabled plan's utilities and the peace it would
make) and `compare(runs=RUNS, seed=1)` (the meta-game, with common random numbers; few runs, so a
redraw takes about a second), draws both, prints a summary and returns everything it computed (a
`WhatIf` with `.analysis`, `.game` and `.figure`). The same setting is computed once (the results
are memoized), so moving a slider back is instant. On the command line the same numbers are
`parley analyze ukraine-2025-28-point --set battlefield.advantage.from=0.5 --set
parties.usa.proposal.guarantee=article5` and `parley compare ukraine-2025-28-point --runs 100 --set ...`, and `tools/plot.py frontier` and `tools/plot.py payoff`
draw the same pictures.

The sliders (`ipywidgets`, Debian's `python3-ipywidgets`) only call `what_if`. Where nobody moves a
slider (CI executes the notebook headless), the cells after them call `what_if` directly at three
settings, and the exercises read their numbers from its results.

**Why the guarantee the plan tables, and not a guarantee's hazard.** The frontier is every package
the parties could sign, each guarantee level included, valued by the parties' weights and values;
d is each side's value of fighting on; the Nash package maximises the product of the gains over d
on the frontier. No choice of what the plan tables moves any of them. What the mediator chooses is
*which* package to table, and the guarantee in it is the lever the 2025 revisions argued over. It
moves the plan on the frontier (Ukraine values the levels from 0 to 1 with weight 0.35, Russia the
other way with weight 0.20), decides who would reject the plan, changes the peace the plan would
make (each level has its own hazard multiplier and shifts the balance of a renewed war: the
scenario's assumption A8, notebook 7), and it is where the simulated talks start (the US `plan`
strategy tables it and drifts toward the Nash package), so it moves the meta-game as well. A
guarantee's hazard multiplier (`durability.terms.guarantee.us_guarantee.hazard`) is a judgement
about how well a guarantee works: it moves no point of the frontier (utilities are those of a final
peace), only how long a signed peace lasts; *Things to try* adds it as a third slider. The
advantage slider moves d, hence the zone of agreement and the Nash package, and the meta-game.
""",
    [
        md("### The two assumptions as the file makes them"),
        code('''
import functools
from collections import namedtuple

import ipywidgets as widgets
from IPython.display import display

talks = parley.load("ukraine-2025-28-point")            # the default scenario with the 28-point draft
desc = talks.describe()
print(desc["battlefield"]["summary"])
A0 = desc["battlefield"]["advantage"]["from"]           # Russia's starting advantage in the file
LEVELS = [level["id"] for level in next(i for i in desc["issues"] if i["id"] == "guarantee")["levels"]]
usa = next(q for q in desc["parties"] if q["id"] == "usa")
PLAN_GUARANTEE = usa["proposal"]["guarantee"]           # the level the plan tables in the file
print(f"a_0 = {A0:+.2f}; guarantee levels, weakest to strongest: {', '.join(LEVELS)}; "
      f"the plan tables {PLAN_GUARANTEE}")
'''),
        md("### The drawing function\n\n"
           "`results` computes (and remembers), `what_if` draws and summarises. The frontier panel adds "
           "one point to notebook 6's picture: the **plan's peace** (x), what the plan is worth to each "
           "side once it may break (`durability` in the analysis: a belligerent renews the war when that "
           "pays, notebook 7), joined to the plan by a dotted line."),
        code('''
RUNS = 100   # runs per profile to start from (compare doubles them until its equilibria are stable)

@functools.lru_cache(maxsize=128)
def results(advantage, guarantee):
    """The analysis and the meta-game of the default scenario with Russia's starting advantage and
    the guarantee the plan tables set (parley analyze / parley compare --runs RUNS --seed 1)."""
    scenario = talks.set({"battlefield.advantage.from": advantage, "parties.usa.proposal.guarantee": guarantee})
    return scenario.analyze(), scenario.compare(runs=RUNS, seed=1)

WhatIf = namedtuple("WhatIf", "advantage guarantee analysis game figure")

def plan_peace(analysis):
    """The tabled plan's peace, as analyze reports it (its `durability` entry for the proposal)."""
    return next(p for p in analysis["durability"] if p["package"] == "proposal")

def what_if(advantage=A0, guarantee=PLAN_GUARANTEE):
    """Draw the meta-game and the frontier at one setting of the two sliders; return what was drawn."""
    advantage = round(float(advantage), 2)
    analysis, game = results(advantage, guarantee)
    setting = f"a_0 = {advantage:+.2f}, the plan tables {guarantee}"
    fig = plt.figure(figsize=(15, 5), layout="constrained")
    left, right = fig.subfigures(1, 2, width_ratios=[2, 1.1])
    pp.plot_payoff_matrix(game, fig=left, title=f"{setting}: the meta-game ({game['runs']} runs per profile)")
    ax = right.subplots()
    pp.plot_frontier(analysis, ax=ax, title=f"{setting}\\nPareto frontier, d, Nash and the plan")
    plan, peace = analysis["proposals"][0]["utilities"], plan_peace(analysis)["values"]
    ax.plot([plan["russia"], peace["russia"]], [plan["ukraine"], peace["ukraine"]], "k:", lw=1)
    ax.plot(peace["russia"], peace["ukraine"], "X", ms=9, color="C3",
            label=f"the plan's peace ({peace['russia']:.3f}, {peace['ukraine']:.3f})")
    ax.legend(fontsize=6, loc="upper right")
    result = WhatIf(advantage, guarantee, analysis, game, fig)
    print(summary(result))
    return result

def summary(result):
    """The setting's answers in words: the equilibria, the plan and its peace."""
    game, analysis = result.game, result.analysis
    p1, p2 = game["players"]
    lines = [f"a_0 = {result.advantage:+.2f}, the plan tables {result.guarantee}:"]
    for eq in game["equilibria"]:
        plays = [", ".join(s for s, x in zip(game["strategies"][q], eq["probabilities"][q]) if x > 0) for q in (p1, p2)]
        lines.append(f"  equilibrium: {p1} {plays[0]}, {p2} {plays[1]}; payoffs "
                     f"{eq['payoffs'][p1]:.3f}, {eq['payoffs'][p2]:.3f}")
    tabled, peace = analysis["proposals"][0], plan_peace(analysis)
    rejected = ", ".join(tabled["rejected_by"]) or "nobody"
    broken = (f"renewed by {', '.join(peace['renewers'])} in week {peace['first_renewal']}" if peace["renewers"]
              else "self-enforcing")
    lines.append(f"  the plan: u = ({tabled['utilities'][p1]:.3f}, {tabled['utilities'][p2]:.3f}), rejected by "
                 f"{rejected}; its peace {broken}, worth ({peace['values'][p1]:.3f}, {peace['values'][p2]:.3f})")
    return "\\n".join(lines)
'''),
        md("### Move the sliders\n\n"
           "Each move redraws both pictures (about a second for a new setting). Without a browser this "
           "cell draws the file's setting once."),
        code('''
advantage = widgets.FloatSlider(value=A0, min=-0.5, max=0.7, step=0.05, description="a_0",
                                readout_format="+.2f", continuous_update=False)
guarantee = widgets.SelectionSlider(options=LEVELS, value=PLAN_GUARANTEE, description="guarantee",
                                    continuous_update=False)
last = {}

def redraw(advantage, guarantee):
    """What a slider move calls: what_if, shown at once (a slider moves outside any cell)."""
    last["result"] = what_if(advantage, guarantee)
    plt.show()

display(widgets.HBox([advantage, guarantee]),
        widgets.interactive_output(redraw, {"advantage": advantage, "guarantee": guarantee}))
'''),
        md("A slider is a widget whose `value` can also be set from code, which is what a click does: "
           "the pictures above are redrawn, and `last[\"result\"]` is what the move drew. Here it tables "
           "the Article 5-like guarantee at the file's advantage, the second of the three settings below "
           "(the guarantee slider stays on `article5` until you move it back)."),
        code('''
guarantee.value = "article5"                 # what a click on the slider does
guaranteed = last["result"]                  # what the move drew: a_0 as in the file, article5 tabled
assert (guaranteed.advantage, guaranteed.guarantee) == (A0, "article5")
'''),
        md("### Three settings, without sliders\n\n"
           "The file's own setting (where the sliders start):"),
        code('''
shipped = what_if(A0, PLAN_GUARANTEE)
'''),
        md("The same advantage with the Article 5-like guarantee tabled is `guaranteed`, drawn by the "
           "slider move above (`what_if(A0, \"article5\")` draws it here again). Russia further ahead, "
           "the plan as in the file:"),
        code('''
ahead = what_if(0.6, PLAN_GUARANTEE)
'''),
        md("Which numbers moved between the three, side by side:"),
        code('''
def row(result):
    """One setting's numbers: d, the Nash package's and the plan's utilities, the plan's peace and
    the first equilibrium's payoffs."""
    an, game = result.analysis, result.game
    eq = game["equilibria"][0]
    return {"d russia": an["disagreement"]["russia"], "d ukraine": an["disagreement"]["ukraine"],
            "Nash u russia": an["nash"]["utilities"]["russia"], "Nash u ukraine": an["nash"]["utilities"]["ukraine"],
            "plan u russia": an["proposals"][0]["utilities"]["russia"],
            "plan u ukraine": an["proposals"][0]["utilities"]["ukraine"],
            "plan's peace russia": plan_peace(an)["values"]["russia"],
            "plan's peace ukraine": plan_peace(an)["values"]["ukraine"],
            "eq. payoff russia": eq["payoffs"]["russia"], "eq. payoff ukraine": eq["payoffs"]["ukraine"]}

settings = {f"a_0 {r.advantage:+.2f}, {r.guarantee}": r for r in (shipped, guaranteed, ahead)}
compared = pd.DataFrame({label: row(r) for label, r in settings.items()})
# The frontier is every package the parties could sign: neither slider moves it.
assert shipped.analysis["frontier"] == guaranteed.analysis["frontier"] == ahead.analysis["frontier"]
print("the frontier: the same", len(shipped.analysis["frontier"]["points"]), "vertices at all three settings")
compared.round(3)
'''),
    ],
    """
- The frontier never moves (the cell above asserts it): it is the set of every package's utilities,
  and neither slider changes what a package is worth to anyone.
- The advantage slider moves d inside the frontier: Russia's value of fighting on rises with
  a_0 and Ukraine's falls, the zone of agreement shifts toward Russia and the Nash package follows.
  The plan stays where it is.
- The guarantee slider moves only the plan: along a line, since only the guarantee term of each
  side's utility changes. It also moves the plan's peace (x), often much further: a guarantee
  changes who would renew the war and when, so the peace the plan makes can be worth far more, or
  less, than the plan's utilities say (notebook 7's commitment problem).
- In the meta-game, the boxes (the equilibria) move less than the numbers in the cells: the
  assumption decides *who* gains from holding out more often than *whether* to hold out. At a large
  a_0 Russia's best reply to a quick Ukraine turns to `quick` (notebook 8's regime map).
- With `RUNS = 100` the meta-game is an estimate: the title says how many runs per profile compare
  needed before its equilibrium set was stable, and a cell that differs by less than its standard
  error (`game["standard_errors"]`) can change with more runs or another seed.
""",
    [
        exercise("9.1", """
At a_0 = +0.3, by how much does Ukraine's utility of the plan as tabled (`u` of the plan, in
`analysis["proposals"][0]["utilities"]`) rise when the plan tables `article5` instead of the US
guarantee? Read it from `shipped` and `guaranteed`.""", '''
answer_9_1 = (guaranteed.analysis["proposals"][0]["utilities"]["ukraine"]
              - shipped.analysis["proposals"][0]["utilities"]["ukraine"])
answer_9_1'''),
        exercise("9.2", """
By how much does the plan's **peace** gain in value for Ukraine (`values` of the plan's peace,
`plan_peace(result.analysis)`) between the same two settings? Compare with 9.1: what does the
guarantee buy Ukraine besides its own term of the utility?""", '''
answer_9_2 = (plan_peace(guaranteed.analysis)["values"]["ukraine"]
              - plan_peace(shipped.analysis)["values"]["ukraine"])
print("who renews the plan's peace:", plan_peace(shipped.analysis)["renewers"], "with the US guarantee,",
      plan_peace(guaranteed.analysis)["renewers"], "with article5")
answer_9_2'''),
        exercise("9.3", """
With Russia further ahead (a_0 = +0.6, the plan as in the file), what is Russia's best reply to a
quick Ukraine in the meta-game? Read it from `ahead.game["best_replies"]` (answer the strategy's
name, e.g. `"prolonged"`).""", '''
answer_9_3 = next(r["reply"] for r in ahead.game["best_replies"]["russia"] if r["against"] == "quick")
answer_9_3'''),
        explain("9.4", """
The guarantee slider moves the plan but not the frontier, the disagreement point or the Nash point;
the advantage slider moves d and the Nash point but neither the frontier nor the plan. Why?""", """
A package's utility is the weighted sum of what each party thinks of its terms, u_i(x) = sum_k w_ik
v_ik(x_k): it depends on the package and the party's values, nothing else. The frontier is the
upper-right edge of all packages' utility pairs, every guarantee level included, so what the plan
happens to table cannot move it, and neither can the battlefield. The disagreement point d is each
side's value of fighting on: the battlefield (a_0) moves it, the plan does not, since fighting does
not depend on what is on the table. The Nash package is the point of the frontier that maximises
(u_R - d_R)(u_U - d_U): with the frontier fixed, it moves only when d moves, i.e. with the
advantage. The plan is one package: changing its guarantee changes only the guarantee term of each
side's utility (Ukraine gains w_U times the difference of its values of the two levels, Russia
loses its own), so it moves along a line; the advantage changes no term of it, so it stays put.
What the advantage does change about the plan is whether it is acceptable: it is rejected by a
side whose d lies above its utility of the plan, and, under durability, what its peace is worth."""),
    ],
    """
- Add a third slider over how well the plan's guarantee works,
  `durability.terms.guarantee.us_guarantee.hazard` (0.6 in the file): pass it to `results` and
  `talks.set`. Which picture moves, and which does not?
- Table no guarantee at all (`none`) and find, with the advantage slider, the smallest a_0 from
  which Ukraine no longer rejects the plan; then find it to 0.01 by bisection on `analyze()`.
- Slide the army cap the plan tables instead (`parties.usa.proposal.army_cap`): a cap shifts a
  renewed war toward Russia (notebook 7).
- Raise `RUNS` to 500 (and clear the memo: `results.cache_clear()`): which answers of the meta-game
  survive?
""",
    """
- Mark the equilibrium offer of `solve()` on the frontier (`pp.plot_frontier(analysis,
  solve=scenario.solve())`): about a third of a second more per redraw.
- Replace the sliders by a grid: `talks.sweep(vary={"battlefield.advantage.from": "-0.5:0.7:7",
  "parties.usa.proposal.guarantee": "none,us_guarantee,article5"}, meta_game=True, runs=100)` and
  `pp.plot_sweep_regime` draw the meta-game's answers over both at once.
- `ipywidgets.interact` builds the sliders from `what_if`'s defaults in one line; this notebook
  builds them by hand to choose their ranges and to redraw only on release.
""",
)


NOTEBOOKS = {
    "01-bargaining-range": NB1,
    "02-alternating-offers": NB2,
    "03-front-random-walk": NB3,
    "04-mutual-optimism": NB4,
    "05-prolonged-or-quick": NB5,
    "06-plan-clauses": NB6,
    "07-commitment-problems": NB7,
    "08-regime-map": NB8,
    "09-what-if-sliders": NB9,
}


def build(name: str, spec: list[dict], answers: bool) -> nbformat.NotebookNode:
    """One notebook (student version, or the answer key with ``answers=True``), with stable cell ids."""
    nb = new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    cells = []
    if answers:
        cells.append(new_markdown_cell(
            f"**Teacher's answer key** for `{name}.ipynb`: the same notebook with every exercise "
            "worked. Generated by `tools/make_notebooks.py`; do not give it to students."))
    for c in spec:
        if c["kind"] == "md":
            cells.append(new_markdown_cell(c["src"]))
        elif c["kind"] == "code":
            cells.append(new_code_cell(c["src"]))
        elif c["kind"] == "prose":
            cells.append(new_markdown_cell(c["solution"] if answers else c["student"]))
        else:
            cells.append(new_code_cell(c["solution"] if answers else c["student"]))
    for i, cell in enumerate(cells):
        cell["id"] = f"{name[:2]}-{'a' if answers else 's'}-{i:02d}"
    nb.cells = cells
    return nb


def targets() -> dict[Path, str]:
    """Every notebook file this script writes, with its JSON text."""
    out = {}
    for name, spec in NOTEBOOKS.items():
        out[OUT / f"{name}.ipynb"] = nbformat.writes(build(name, spec, False)) + "\n"
        out[OUT / "answers" / f"{name}-answers.ipynb"] = nbformat.writes(build(name, spec, True)) + "\n"
    return out


def main(argv=None) -> int:
    """Write the notebooks, or with --check report whether the committed ones are current."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="only compare with the files on disk")
    a = ap.parse_args(argv)
    stale = []
    for path, text in targets().items():
        if a.check:
            if not path.exists() or path.read_text() != text:
                stale.append(path)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
            print(path.relative_to(REPO))
    if stale:
        print("out of date (run tools/make_notebooks.py):", *[str(p.relative_to(REPO)) for p in stale], sep="\n  ")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
