"""Checks for the exercises of Parley's teaching notebooks.

Each ``exercise_X_Y(answer)`` is called by a check cell right after the exercise. While the
answer is still ``None`` it only says so (the notebook keeps running, which is how CI executes
the student notebooks); once answered it asserts, with a hint if the answer is wrong. Expected
values are computed here, from a closed form (docs/theory.md), from the scenario file, or by
calling Parley through its Python module ``parley`` (which the notebook's set-up cell has found);
nothing is a stored number. Reading this file gives the answers away: it is part of the teacher's
material, with ``answers/``.
"""

from __future__ import annotations

import functools
import math
from pathlib import Path

import numpy as np
import yaml

import parley

REPO = Path(__file__).resolve().parent.parent
# The default scenario with the 28-point draft tabled and without red lines, leverage or an
# offensive option: notebook 7's durability section and notebook 9 read it (the default's plan
# tables the Article 5-like guarantee, and Russia's offensive makes no package self-enforcing).
PLAN_28 = "ukraine-2025-28-point"


def _pending(name: str, answer) -> bool:
    """True (and a reminder) while the student has not answered yet."""
    if answer is None:
        print(f"Exercise {name}: not answered yet -- replace None with your answer and run this cell again.")
        return True
    return False


def _number(name: str, answer, expected: float, tol: float, hint: str) -> bool:
    """Assert that ``answer`` is a number within ``tol`` of ``expected``; say too high/too low if not."""
    if _pending(name, answer):
        return False
    try:
        value = float(answer)
    except (TypeError, ValueError):
        raise AssertionError(f"Exercise {name}: expected a number, got {answer!r}.") from None
    if not (math.isfinite(value) and abs(value - expected) <= tol):
        side = "too high" if value > expected else "too low"
        raise AssertionError(f"Exercise {name}: {value:.6g} is {side} (tolerance {tol:g}). Hint: {hint}")
    print(f"Exercise {name}: correct ({value:.6g}).")
    return True


def _equal(name: str, answer, expected, hint: str) -> bool:
    """Assert that ``answer`` equals ``expected`` (strings compared without case or spaces)."""
    if _pending(name, answer):
        return False
    norm = lambda v: tuple(map(norm, v)) if isinstance(v, (list, tuple)) else (  # noqa: E731
        str(v).strip().lower() if isinstance(v, str) else v)
    assert norm(answer) == norm(expected), f"Exercise {name}: {answer!r} is not right. Hint: {hint}"
    print(f"Exercise {name}: correct ({answer!r}).")
    return True


# ----------------------------------------------------------------------------- 01 Fearon

def exercise_1_1(answer) -> bool:
    """Lowest share A accepts with p = 0.7, c_A = 0.05, c_B = 0.15: p - c_A (Fearon)."""
    p, c_a, c_b = 0.7, 0.05, 0.15
    hint = ("A accepts any share worth at least its war value p - c_A. Run analyze on fearon with "
            "--set battlefield.advantage=0.4 (p = (1 + a) / 2) and both costs, and read "
            "zopa.parties.a.low.")
    if answer is not None and abs(float(answer) - (p + c_b)) < 1e-6:
        hint = "that is the top of the range, what B can at most concede (p + c_B). " + hint
    return _number("1.1", answer, p - c_a, 1e-6, hint)


def exercise_1_2(answer) -> bool:
    """Width of the bargaining range with p = 0.6, c_A = c_B = 0.02: c_A + c_B."""
    return _number("1.2", answer, 0.02 + 0.02, 1e-6,
                   "the width of (p - c_A, p + c_B) does not depend on p; compute high - low "
                   "from zopa.parties.a with both costs set to 0.02.")


def exercise_1_3(answer) -> bool:
    """Equilibrium share when B proposes (fearon as shipped): B leaves A exactly p - c_A."""
    d = parley.load("fearon").describe()
    p = (1 + d["battlefield"]["advantage"]["value"]) / 2
    c_a = next(q["cost"] for q in d["parties"] if q["id"] == "a")
    return _number("1.3", answer, p - c_a, 1e-6,
                   "the proposer offers the responder exactly its war value and keeps the rest; "
                   "use solve with --set 'protocol.order=[b,a]' and read offer.agreement.share.")


# ----------------------------------------------------------------------------- 02 Rubinstein

def rubinstein_finite(d1: float, d2: float, T: int) -> float:
    """Player 1's share with T rounds (docs/theory.md): the Stahl finite-horizon closed form."""
    D, m = d1 * d2, T // 2
    base = (1 - d2) * (1 - D**m) / (1 - D)
    return base + D**m if T % 2 else base


def exercise_2_1(answer) -> bool:
    """Infinite-horizon share with d1 = 0.95, d2 = 0.8: (1 - d2) / (1 - d1 d2)."""
    return _number("2.1", answer, (1 - 0.8) / (1 - 0.95 * 0.8), 1e-6,
                   "solve rubinstein with both discounts set; the more patient player gets more.")


def exercise_2_2(answer) -> bool:
    """Five rounds, d = (0.9, 0.9): player 1 proposes last and keeps more than 10/19."""
    return _number("2.2", answer, rubinstein_finite(0.9, 0.9, 5), 1e-9,
                   "--set horizon=5; with an odd horizon player 1 also makes the last offer.")


def exercise_2_3(answer) -> bool:
    """Player 1's share when player 2 proposes first, d = (0.9, 0.9): d1 (1 - d2) / (1 - d1 d2)."""
    d1 = d2 = 0.9
    return _number("2.3", answer, d1 * (1 - d2) / (1 - d1 * d2), 1e-6,
                   "--set 'protocol.order=[player2,player1]'; player 2 now keeps "
                   "(1 - d1) / (1 - d1 d2), and player 1 gets the rest.")


# ----------------------------------------------------------------------------- 03 random walk

def ruin_hit_top(N: int, k: int, p: float, q: float) -> float:
    """Gambler's ruin: P(reach N before 0 from k), up with p, down with q (Feller XIV)."""
    if math.isclose(p, q):
        return k / N
    rho = q / p
    return (1 - rho**k) / (1 - rho**N)


def ruin_duration(N: int, k: int, p: float, q: float) -> float:
    """Gambler's ruin: expected number of periods until 0 or N is reached, from k."""
    if math.isclose(p, q):
        return k * (N - k) / (p + q)
    return (k - N * ruin_hit_top(N, k, p, q)) / (q - p)


def ruin_discounted(N: int, k: int, p: float, q: float, delta: float) -> tuple[float, float]:
    """(E[delta^tau; hit N], E[delta^tau; hit 0]) from the roots of delta p L^2 - (1 - delta r) L + delta q."""
    r = 1 - p - q
    l1, l2 = sorted(np.roots([delta * p, -(1 - delta * r), delta * q]).real, reverse=True)
    top = (l1**k - l2**k) / (l1**N - l2**N)
    bottom = (l1**N * l2**k - l2**N * l1**k) / (l1**N - l2**N)
    return top, bottom


def exercise_3_1(answer) -> bool:
    """P(side B collapses) with N = 10, k = 3, p = 0.3, q = 0.2."""
    return _number("3.1", answer, ruin_hit_top(10, 3, 0.3, 0.2), 1e-6,
                   "tempo r = p + q and advantage a = (p - q) / (p + q); read absorption.collapse_b "
                   "with a horizon long enough that the war almost never freezes.")


def exercise_3_2(answer) -> bool:
    """Expected duration of a fair walk, N = 10, k = 5, tempo 0.5."""
    return _number("3.2", answer, ruin_duration(10, 5, 0.25, 0.25), 1e-3,
                   "with p = q the duration is k (N - k) / (p + q): halving the tempo doubles it. "
                   "Read expected_duration from analyze with a horizon of a few thousand periods.")


def exercise_3_3(answer) -> bool:
    """E[delta^tau; hit 0] for N = 6, k = 2, p = 1/2, q = 1/4, delta = 0.8 (THEORY: 3/35)."""
    return _number("3.3", answer, ruin_discounted(6, 2, 0.5, 0.25, 0.8)[1], 1e-6,
                   "side B's war value is E[delta^tau; A collapses] when B's utility is 1 if A "
                   "collapses, 0 if B does, its cost is 0 and its discount 0.8.")


# ----------------------------------------------------------------------------- 04 optimism

def exercise_4_1(answer) -> bool:
    """A's subjective war value: the prior-weighted mean of its war values under each hypothesis."""
    expected = parley.load("optimism").analyze()["subjective_war_value"]["a"]
    return _number("4.1", answer, expected, 1e-9,
                   "run analyze once per hypothesis (battlefield.advantage = the true advantage "
                   "plus the offset, with parties.a.belief={offset: 0}) and weight war_value.a by "
                   "the prior.")


def exercise_4_2(answer, period: int = 10) -> bool:
    """A's posterior on 'advantage 0' at the talks of ``period`` in the traced episode (seed 1)."""
    events = parley.load("optimism").trace(seed=1).to_frame()
    talks = events[events["event"] == "talks"].set_index("period")
    expected = talks.loc[period, "parties.a.belief"][0]
    return _number("4.2", answer, expected, 1e-9,
                   "multiply the prior by the likelihood of every move before that period "
                   "(up r(1 + a)/2, down r(1 - a)/2, stay 1 - r) under each hypothesis, then "
                   "normalise. Moves are the 'fighting' events of the trace.")


def exercise_4_3(answer) -> bool:
    """Mean duration with war costs 0.006 for both (2000 runs, seed 1)."""
    run = parley.load("optimism").set({"parties.a.cost": 0.006, "parties.b.cost": 0.006}).run(runs=2000, seed=1)
    return _number("4.3", answer, run["duration"]["mean"], 1e-9,
                   "run optimism with both costs set to 0.006, --runs 2000 --seed 1, and read "
                   "duration.mean.")


# ----------------------------------------------------------------------------- 05 2025 talks

def exercise_5_1(answer) -> bool:
    """The profile (russia, ukraine) with the largest payoff sum at constant advantage 0."""
    cmp = parley.load().set("battlefield.advantage", 0).compare(runs=300, seed=1)
    p1, p2 = cmp["players"]
    total = np.asarray(cmp["payoffs"][p1]) + np.asarray(cmp["payoffs"][p2])
    i, j = np.unravel_index(int(total.argmax()), total.shape)
    expected = (cmp["strategies"][p1][i], cmp["strategies"][p2][j])
    return _equal("5.1", tuple(answer) if answer is not None else None, expected,
                  "add the two payoff matrices of compare (300 runs, seed 1) and find the "
                  "largest cell; answer as (russia_strategy, ukraine_strategy).")


def exercise_5_2(answer) -> bool:
    """P(settled) in the default scenario when both belligerents play quick (2000 runs, seed 1)."""
    run = parley.load().set({"parties.russia.strategy": "quick", "parties.ukraine.strategy": "quick"}).run(
        runs=2000, seed=1)
    return _number("5.2", answer, run["outcomes"]["settled"], 1e-12,
                   "run with both strategies set to quick, --runs 2000 --seed 1: outcomes.settled.")


def exercise_5_3(answer) -> bool:
    """How much Russia's war value rises when the constant advantage goes from 0 to 0.3."""
    v = [parley.load().set("battlefield.advantage", a).analyze()["war_value"]["russia"] for a in (0, 0.3)]
    return _number("5.3", answer, v[1] - v[0], 1e-9,
                   "two analyze calls with battlefield.advantage=0 and =0.3; subtract war_value.russia.")


# ----------------------------------------------------------------------------- 06 plan clauses

def exercise_6_1(answer) -> bool:
    """How many of the plan's clauses the Nash package of the default scenario holds."""
    expected = len(parley.load().analyze()["nash"]["agreement"]["plan"])
    return _number("6.1", answer, expected, 0, "count nash.agreement.plan from analyze.")


def exercise_6_2(answer) -> bool:
    """Whether the Nash package includes `recognition` when the front starts at state 10."""
    expected = "recognition" in parley.load().set("battlefield.start", 10).analyze()["nash"]["agreement"]["plan"]
    return _equal("6.2", answer, expected, "analyze with --set battlefield.start=10; answer True or False.")


def exercise_6_3(answer) -> bool:
    """The territory share of the Nash package when the front starts at state 14."""
    expected = parley.load().set("battlefield.start", 14).analyze()["nash"]["agreement"]["territory"]
    return _number("6.3", answer, expected, 1e-9,
                   "analyze with --set battlefield.start=14 and read nash.agreement.territory.")


# ----------------------------------------------------------------------------- 07 commitment

def _nash_peace(sets=None) -> dict:
    """The peace of the Nash package of the 28-point variant, as parley analyze reports it."""
    return _nash_peace_of(tuple((sets or {}).items()))


@functools.lru_cache(maxsize=None)
def _nash_peace_of(sets: tuple) -> dict:
    """_nash_peace, computed once per set of changes (exercises 7.2 and 7.5 both need the file's)."""
    return next(p for p in parley.load(PLAN_28).set(dict(sets)).analyze()["durability"] if p["package"] == "nash")


def exercise_7_1(answer) -> bool:
    """Expected length of a peace with constant hazard 0.005 and no horizon: 1 / h."""
    h = 0.005
    hint = ("P(the peace still holds k periods on) is (1 - h)^k; the expected number of periods "
            "is the sum of these over k >= 0, a geometric series.")
    if answer is not None and abs(float(answer) - (1 / h - 1)) < 1e-6:
        hint = "count the week of the settlement too. " + hint
    return _number("7.1", answer, 1 / h, 1e-9, hint)


def exercise_7_2(answer) -> bool:
    """P(the Nash package's peace holds 52 weeks) in the 28-point variant: holds['52'] of analyze."""
    return _number("7.2", answer, _nash_peace()["holds"]["52"], 1e-9,
                   "(1 - h)^52 with h the Nash package's hazard (durability[...].hazard in "
                   "parley analyze); it equals durability[...].holds['52'].")


def powell_threshold(delta: float, cost_a: float, cost_b: float) -> float:
    """docs/theory.md: agreement iff delta * Delta / 2 <= 1 - delta + c_A + c_B."""
    return 2 * (1 - delta + cost_a + cost_b) / delta


def exercise_7_3(answer) -> bool:
    """Powell's threshold in the toy for delta = 0.9, c_A = 0.01, c_B = 0.02."""
    expected = powell_threshold(0.9, 0.01, 0.02)
    hint = ("agreement needs R_A + W_B <= 1, i.e. delta * Delta / 2 <= 1 - delta + c_A + c_B; "
            "solve for Delta.")
    if answer is not None and abs(float(answer) - expected / 2) < 1e-6:
        hint = "that is the shift in A's probability of winning, Delta / 2; the question asks for Delta. " + hint
    return _number("7.3", answer, expected, 1e-6, hint)


def exercise_7_4(answer) -> bool:
    """Whether x = 0.6 is self-enforcing in the toy (delta 1, c 0.02 and 0.03, shift 0.12)."""
    d = parley.load("fearon").describe()
    a = d["battlefield"]["advantage"]["value"]
    r_a = -0.02 + (1 + a + 0.12) / 2
    r_b = -0.03 + (1 - a - 0.12) / 2
    return _equal("7.4", answer, bool(0.6 >= r_a and 0.4 >= r_b),
                  "compare each side's share with its value of a war renewed at advantage a + Delta "
                  "(a = fearon's battlefield.advantage); ties keep the peace. Answer True or False.")


def exercise_7_5(answer) -> bool:
    """Weeks of expected peace the Nash package gains when article5's multiplier drops to 0.1."""
    gain = (_nash_peace({"durability.terms.guarantee.article5.hazard": 0.1})["expected_periods"]
            - _nash_peace()["expected_periods"])
    return _number("7.5", answer, gain, 1e-9,
                   "two parley analyze calls (the shipped scenario, and --set "
                   "durability.terms.guarantee.article5.hazard=0.1); subtract the Nash package's "
                   "durability[...].expected_periods, new minus shipped.")


# ----------------------------------------------------------------------------- 08 regime map

REGIME_GRID = "battlefield.advantage.from=-0.5:0.5:6"   # the notebook's map: 6 values of a_0
REGIME_RUNS, REGIME_TOLERANCE = 300, 0.05


def _talks(half_life=None) -> parley.Scenario:
    """The default scenario, with Russia's advantage decaying with ``half_life`` weeks if given."""
    talks = parley.load()
    return talks if half_life is None else talks.set("battlefield.advantage.half_life", half_life)


@functools.lru_cache(maxsize=None)
def regime_map(half_life=None) -> dict:
    """The notebook's regime map of the default scenario (seed 1), computed once per half-life."""
    return _talks(half_life).compare(across=REGIME_GRID, runs=REGIME_RUNS, seed=1, tolerance=REGIME_TOLERANCE)


def meta_game(a0: float, half_life=None) -> dict:
    """The meta-game a map plays at one value of a_0: the same runs and seed, so the same numbers as
    the map's point there (every value of a map fights on the same random fronts)."""
    return _talks(half_life).set("battlefield.advantage.from", a0).compare(runs=REGIME_RUNS, seed=1)


def best_reply(game: dict, player: str, against: str) -> str:
    """``player``'s best reply to ``against`` in a meta-game, in a map's words: the strategy, or
    "tie: a, b" when strategies cannot be told apart at the confidence."""
    reply = next(r for r in game["best_replies"][player] if r["against"] == against)
    if not reply["ties"]:
        return reply["reply"]
    tied = {reply["reply"], *(t["strategy"] for t in reply["ties"])}
    return "tie: " + ", ".join(s for s in game["strategies"][player] if s in tied)


def _prediction(name: str, prediction, actual: str, options: tuple[str, ...]) -> None:
    """Compare a prediction (made before the run) with what the program says; never marks it."""
    if prediction is None:
        print(f"Exercise {name}: no prediction recorded -- next time, predict before you run.")
        return
    said = str(prediction).strip().lower()
    assert said in options, f"Exercise {name}: the prediction {prediction!r} is not one of {options}."
    if said == actual:
        print(f"Exercise {name}: your prediction ({said!r}) agrees with the program.")
    else:
        print(f"Exercise {name}: you predicted {said!r}; the program says {actual!r}. "
              "What did your reasons leave out? Look at the output above again before you go on.")


def _reply_boundary(regime: dict, player: str, against: str) -> dict:
    """The first boundary of ``player``'s best reply to ``against`` in a regime map."""
    found = [b for b in regime["boundaries"] if b.get("player") == player and b.get("against") == against]
    assert found, f"the map has no boundary of {player}'s best reply to {against}"
    return found[0]


def exercise_8_1(answer, prediction=None) -> bool:
    """At a_0 = +0.3, which side's best reply is prolonged against both strategies of the other."""
    if _pending("8.1", answer):   # nothing to run until there is an answer
        return False
    game = meta_game(0.3)   # the map's point at +0.3, played alone
    holds_out = {q: all(best_reply(game, q, s) == "prolonged" for s in game["strategies"][other])
                 for q, other in (("russia", "ukraine"), ("ukraine", "russia"))}
    expected = {(True, True): "both", (True, False): "russia", (False, True): "ukraine",
                (False, False): "neither"}[(holds_out["russia"], holds_out["ukraine"])]
    ok = _equal("8.1", answer, expected,
                "in the map's row for 0.3, look at 'russia vs prolonged', 'russia vs quick' and the "
                "same for ukraine: a side prefers prolonging if both of its cells say prolonged (a tie "
                "is not a preference).")
    if ok:
        _prediction("8.1", prediction, expected, ("russia", "ukraine", "both", "neither"))
    return ok


def _run_at_half(russia: str, ukraine: str) -> dict:
    """parley run at a_0 = +0.5 with the given strategies (1000 runs, seed 1)."""
    return parley.load().set({"battlefield.advantage.from": 0.5, "parties.russia.strategy": russia,
                              "parties.ukraine.strategy": ukraine}).run(runs=1000, seed=1)


def exercise_8_2(answer, prediction=None) -> bool:
    """P(settled) at a_0 = +0.5 when both play quick; the prediction: which profile settles more."""
    if _pending("8.2", answer):   # nothing to run until there is an answer
        return False
    quick = _run_at_half("quick", "quick")["outcomes"]["settled"]
    prolonged = _run_at_half("prolonged", "prolonged")["outcomes"]["settled"]
    ok = _number("8.2", answer, quick, 1e-12,
                 "run with battlefield.advantage.from=0.5 and both strategies quick, 1000 runs, seed 1: "
                 "outcomes.settled (a settlement that holds), not durability.signed.")
    if ok:
        _prediction("8.2", prediction, "quick" if quick > prolonged else "prolonged", ("quick", "prolonged"))
    return ok


def exercise_8_3(answer, prediction=None) -> bool:
    """Where Russia's best reply to a quick Ukraine turns, with a half-life of 104 weeks; the
    prediction: whether the file's half-life (52 weeks) turns at a larger a_0 (it has not turned
    yet at the new bracket's high end), a smaller one (it has turned already at its low end), or
    within the new bracket ("same")."""
    if _pending("8.3", answer):   # nothing to run until there is an answer
        return False
    lasting = _reply_boundary(regime_map(104), "russia", "quick")
    ok = _number("8.3", answer, lasting["at"], 1e-9,
                 "the map with --set battlefield.advantage.half_life=104 (same grid, runs, seed and "
                 "tolerance); the boundary whose player is russia and against is quick: its 'at'.")
    if ok:
        if best_reply(meta_game(lasting["high"]), "russia", "quick") == lasting["from"]:
            actual = "smaller"
        elif best_reply(meta_game(lasting["low"]), "russia", "quick") == lasting["to"]:
            actual = "larger"
        else:
            actual = "same"
        _prediction("8.3", prediction, actual, ("smaller", "larger", "same"))
    return ok


# ----------------------------------------------------------------------------- 09 what-if sliders

WHAT_IF_RUNS = 100   # the notebook's RUNS: runs per profile the meta-game starts from


def _what_if(advantage: float, guarantee: str) -> parley.Scenario:
    """The 28-point variant with Russia's starting advantage and the guarantee the plan tables."""
    return parley.load(PLAN_28).set({"battlefield.advantage.from": advantage, "parties.usa.proposal.guarantee": guarantee})


def _plan_peace(advantage: float, guarantee: str) -> dict:
    """The tabled plan's peace at one setting, as parley analyze reports it."""
    return next(p for p in _what_if(advantage, guarantee).analyze()["durability"] if p["package"] == "proposal")


def exercise_9_1(answer) -> bool:
    """Ukraine's utility of the plan, article5 tabled minus the US guarantee: w_U (v_U(article5) -
    v_U(us_guarantee)), from the scenario file (additive utilities: only the guarantee term changes)."""
    scenario = yaml.safe_load((REPO / "scenarios" / f"{PLAN_28}.yaml").read_text())
    ukraine = next(q for q in scenario["parties"] if q["id"] == "ukraine")
    levels = ukraine["values"]["guarantee"]
    expected = ukraine["weights"]["guarantee"] * (levels["article5"] - levels["us_guarantee"])
    hint = ("u_i(x) = sum_k w_ik v_ik(x_k): only the guarantee's term changes, by Ukraine's weight of "
            "the guarantee times the difference of its values of the two levels. Subtract the two "
            "results' analysis['proposals'][0]['utilities']['ukraine'], article5 minus the US guarantee.")
    if answer is not None and abs(float(answer) + expected) < 1e-9:
        hint = "the sign: Ukraine gains from the stronger guarantee. " + hint
    return _number("9.1", answer, expected, 1e-9, hint)


def exercise_9_2(answer) -> bool:
    """The plan's peace's value to Ukraine at a_0 = +0.3, article5 tabled minus the US guarantee."""
    if _pending("9.2", answer):   # nothing to compute until there is an answer
        return False
    a0 = parley.load(PLAN_28).describe()["battlefield"]["advantage"]["from"]
    expected = (_plan_peace(a0, "article5")["values"]["ukraine"]
                - _plan_peace(a0, "us_guarantee")["values"]["ukraine"])
    hint = ("the plan's peace is the analysis's durability entry whose package is 'proposal' "
            "(plan_peace(result.analysis)); subtract its values['ukraine'], article5 minus the US "
            "guarantee, not its utilities.")
    if isinstance(answer, (int, float)) and abs(answer - expected) > 1e-9:   # which mistake? (only then)
        plan = [_what_if(a0, g).analyze()["proposals"][0]["utilities"]["ukraine"] for g in ("article5", "us_guarantee")]
        if abs(answer - (plan[0] - plan[1])) < 1e-9:
            hint = "that is the change of the plan's utility (exercise 9.1), not of its peace's value. " + hint
    return _number("9.2", answer, expected, 1e-9, hint)


def exercise_9_3(answer) -> bool:
    """Russia's best reply to a quick Ukraine at a_0 = +0.6, the plan as in the file."""
    if _pending("9.3", answer):
        return False
    game = parley.load(PLAN_28).set("battlefield.advantage.from", 0.6).compare(runs=WHAT_IF_RUNS, seed=1)
    expected = next(r["reply"] for r in game["best_replies"]["russia"] if r["against"] == "quick")
    return _equal("9.3", answer, expected,
                  "what_if(0.6) (RUNS runs, seed 1): in game['best_replies']['russia'], the entry whose "
                  "'against' is 'quick'; its 'reply'.")
