// IntegerProgramOffers (issue 15): the proposer's problem by mixed-integer programming, against
// the exact two-party frontier, against brute-force enumeration with three veto parties, red
// lines and constraints, and Baron-Ferejohn's legislature dividing coins (docs/theory.md),
// whose equilibrium a brute-force backward induction computes independently.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "../agreement/issue_space_fixtures.hpp"
#include "../support/scenario_builder.hpp"
#include "parley/agreement/agreement_space.hpp"
#include "parley/equilibrium/bargaining_equilibrium.hpp"
#include "parley/equilibrium/integer_program_offers.hpp"
#include "parley/model/utility_tolerance.hpp"

using namespace parley;
using parley::testing::enumerate_agreements;
using parley::testing::random_space;
using parley::testing::ScenarioBuilder;

namespace {

constexpr double kProgramExact = 1e-12;
constexpr double kUnbound = -std::numeric_limits<double>::infinity();

// Baron and Ferejohn's legislature dividing `coins` indivisible coins: coin k is an ordinal
// issue whose level i gives it to member i, and every member values each coin 1/coins, so
// u_i = (coins of i) / coins. Equal recognition, a common delta, disagreement worth 0.
Scenario coin_legislature(std::size_t members, int coins, double delta, int horizon) {
  ScenarioBuilder b("coins");
  b.horizon(horizon);
  for (int k = 0; k < coins; ++k) b.ordinal("coin" + std::to_string(k), members);
  for (std::size_t i = 0; i < members; ++i) {
    b.belligerent("member" + std::to_string(i))
        .discount(delta)
        .weights(std::vector<double>(static_cast<std::size_t>(coins), 1.0 / coins));
    std::vector<double> mine(members, 0.0);
    mine[i] = 1.0;
    for (int k = 0; k < coins; ++k) b.level_values(static_cast<std::size_t>(k), mine);
  }
  b.random();
  return b.build();
}

// Majority rule among five members: three votes, the proposer's included.
EquilibriumOptions majority_of_five() {
  EquilibriumOptions options;
  options.quota = 3;
  return options;
}

// Brute force: the most coins a proposer keeps when `votes` responders must each get coins
// worth at least `floor`, by enumerating every division of the coins among the members.
int most_kept(std::size_t members, int coins, double floor, std::size_t votes) {
  int best = -1;
  std::vector<int> split(members, 0);  // split[0]: the proposer's coins
  const auto visit = [&](auto&& self, std::size_t i, int left) -> void {
    if (i + 1 == members) {
      split[i] = left;
      std::size_t accept = 0;
      for (std::size_t j = 1; j < members; ++j)
        if (worth_at_least(static_cast<double>(split[j]) / coins, floor)) ++accept;
      if (accept >= votes) best = std::max(best, split[0]);
      return;
    }
    for (int c = 0; c <= left; ++c) {
      split[i] = c;
      self(self, i + 1, left - c);
    }
  };
  visit(visit, 0, coins);
  return best;
}

// The proposer's best package by enumeration: the largest u_rho over `packages` meeting the
// floors (ties to acceptance), or -infinity when none does.
double enumerated_best(const Scenario& sc, const std::vector<Agreement>& packages, std::size_t proposer,
                       const std::vector<double>& floors) {
  double best = kUnbound;
  for (const Agreement& x : packages) {
    if (!sc.admissible(x)) continue;
    bool meets = true;
    for (const std::size_t j : sc.veto_parties())
      if (j != proposer && !worth_at_least(sc.utility(j, x), floors[j])) meets = false;
    if (meets) best = std::max(best, sc.utility(proposer, x));
  }
  return best;
}

Agreement offered_package(const OfferSpace& offers, const SpacePoint& point) {
  Agreement x;
  offers.package_into(point, x);
  return x;
}

bool all_discrete(const Scenario& sc) {
  for (const Issue& issue : sc.issues)
    if (issue.kind == IssueKind::continuous && !issue.steps) return false;
  return true;
}

}  // namespace

TEST_CASE("Baron-Ferejohn with coins: the proposer keeps what brute force and the closed form say",
          "[solve][mip]") {
  // n members, C coins, unanimity (quota n) or majority (quota (n + 1)/2). By symmetry every
  // member's value is 1/n in a period where offers pass, so in the period before it a
  // responder's floor is delta/n and it must get c* = the fewest coins worth delta/n: the
  // proposer keeps C - (q - 1) c*, the closed form 1 - delta (q - 1)/n with each vote's price
  // rounded up to whole coins (exactly the closed form when delta C / n is whole: 0.64 for five
  // members, 50 coins, delta 0.9, majority, the figure issue 15 quotes). With few coins that
  // can leave the proposer less than fighting on (3 members, 7 coins, delta 0.9, unanimity:
  // one coin kept against 0.3) or no division that passes at all (5 members, 7 coins, delta 0.9,
  // unanimity: four votes at 2 coins), and nobody settles. Checked against a backward induction that
  // enumerates every division of the coins.
  const int horizon = 4;
  int closed_form_checks = 0;
  for (const std::size_t n : {3u, 5u}) {
    for (const int coins : {7, 50}) {
      for (const double delta : {0.5, 0.9}) {
        for (const bool majority : {false, true}) {
          const std::size_t quota = majority ? (n + 1) / 2 : n;
          INFO("n = " << n << ", coins = " << coins << ", delta = " << delta << ", quota = " << quota);
          const Scenario sc = coin_legislature(n, coins, delta, horizon);
          EquilibriumOptions options;
          options.quota = quota;
          const IntegerProgramOffers offers(sc);
          const auto eq = BargainingEquilibrium::solve(sc, offers, options);
          const double nd = static_cast<double>(n);
          // The brute-force backward induction: members are symmetric, so they share one value
          // V(t); a responder's floor and the proposer's value of fighting on are both
          // delta V(t + 1); the proposer settles when what it keeps is worth that, and then
          // V(t) = 1/n (the coins are all divided), else V(t) = delta V(t + 1).
          double value_next = 0.0;  // V(T) = 0: disagreement at the deadline
          for (int t = horizon - 1; t >= 0; --t) {
            INFO("t = " << t);
            const double floor = delta * value_next;
            const int kept = most_kept(n, coins, floor, quota - 1);  // -1: no division passes
            const bool settles = kept >= 0 && worth_at_least(static_cast<double>(kept) / coins, floor);
            const auto who = eq.proposers(t);
            REQUIRE(who.size() == n);
            for (std::size_t k = 0; k < n; ++k) {
              const EquilibriumOffer& offer = eq.offer(t, 0, k);
              CHECK(offer.settles == settles);
              REQUIRE(offer.feasible == (kept >= 0));
              if (kept < 0) continue;
              const auto u = eq.offer_utilities(t, 0, k);
              CHECK(std::abs(u[who[k].party] - static_cast<double>(kept) / coins) < kProgramExact);
              // The package: whole coins, as many kept as brute force says.
              const Agreement x = offered_package(offers, offer.point);
              int own = 0;
              for (int c = 0; c < coins; ++c) own += x.level(static_cast<std::size_t>(c)) == static_cast<int>(who[k].party);
              CHECK(own == kept);
            }
            const double value = settles ? 1.0 / nd : delta * value_next;
            for (std::size_t i = 0; i < n; ++i) CHECK(std::abs(eq.value(t, 0, i) - value) < kProgramExact);
            if (settles && t + 2 <= horizon && value_next == 1.0 / nd) {
              // The closed form: c* = ceil(delta C / n) coins per bought vote.
              const int per_vote = static_cast<int>(std::ceil(delta * coins / nd - 1e-9));
              CHECK(kept == coins - static_cast<int>(quota - 1) * per_vote);
              ++closed_form_checks;
            }
            value_next = value;
          }
          if (n == 5 && coins == 50 && delta == 0.9 && majority)
            CHECK(std::abs(eq.offer_utilities(0, 0, 0)[eq.proposers(0)[0].party] - 0.64) < kProgramExact);
        }
      }
    }
  }
  CHECK(closed_form_checks >= 24);  // the closed form is checked, not skipped
}

TEST_CASE("The solver takes the integer program with three veto parties, not the epsilon-Pareto set", "[solve][mip]") {
  // Five members, 20 coins, majority, delta 0.9: a responder's floor 0.18 is 3.6 coins, so 4
  // each to two partners and 12 kept (0.6). The epsilon-Pareto set's equilibrium is another
  // (its points are only within epsilon of every agreement).
  const Scenario sc = coin_legislature(5, 20, 0.9, 4);
  const EquilibriumOptions options = majority_of_five();
  const AgreementSpace space(sc);
  const auto eq = BargainingEquilibrium::solve(sc, space, options);
  for (std::size_t k = 0; k < 5; ++k) {
    const auto u = eq.offer_utilities(0, 0, k);
    CHECK(std::abs(u[eq.proposers(0)[k].party] - 0.6) < kProgramExact);
    CHECK(std::abs(eq.value(0, 0, k) - 0.2) < kProgramExact);
  }
  const Agreement x = eq.package(eq.offer(0, 0, 0).point);
  CHECK(sc.utility(eq.proposers(0)[0].party, x) == Approx(0.6).margin(kProgramExact));
  // The epsilon-Pareto set's equilibrium differs somewhere: the check above can fail.
  const AgreementSpaceOffers approximate(space);
  const auto eq_approximate = BargainingEquilibrium::solve(sc, approximate, options);
  double largest_gap = 0.0;
  for (int t = 0; t < sc.horizon; ++t)
    for (std::size_t k = 0; k < 5; ++k) {
      const std::size_t rho = eq.proposers(t)[k].party;
      largest_gap = std::max(largest_gap, std::abs(eq.offer_utilities(t, 0, k)[rho] -
                                                   eq_approximate.offer_utilities(t, 0, k)[rho]));
    }
  INFO("largest gap " << largest_gap);
  CHECK(largest_gap > 0.01);
}

TEST_CASE("With two veto parties the integer program answers as the exact frontier", "[solve][mip]") {
  // Random spaces (continuous issues with nonconcave piecewise-linear values, grids, ordinal
  // issues, clauses), floors at the responder's utility of enumerated packages (so ties are
  // exercised) and between them: the same optimum and the same tie-break (the best for the
  // other veto party) as AgreementSpace's frontier, to rounding.
  for (std::uint32_t seed = 1; seed <= 40; ++seed) {
    INFO("seed " << seed);
    const Scenario sc = random_space(seed);
    const AgreementSpace space(sc);
    const AgreementSpaceOffers frontier(space);
    const IntegerProgramOffers program(sc);
    const auto packages = enumerate_agreements(sc, 4);
    std::mt19937 rng(seed);
    std::uniform_int_distribution<std::size_t> pick(0, packages.size() - 1);
    for (int q = 0; q < 12; ++q) {
      const std::size_t rho = static_cast<std::size_t>(q % 2);
      std::vector<double> floors(sc.parties.size(), kUnbound);
      floors[1 - rho] = sc.utility(1 - rho, packages[pick(rng)]) + (q % 3 == 2 ? 0.01 : 0.0);
      std::vector<double> u_frontier(sc.parties.size()), u_program(sc.parties.size());
      const auto a = frontier.best_for(rho, floors, u_frontier);
      const auto b = program.best_for(rho, floors, u_program);
      INFO("proposer " << rho << ", floor " << floors[1 - rho] << ", gaps " << u_program[rho] - u_frontier[rho] << " " << u_program[1 - rho] - u_frontier[1 - rho]);
      REQUIRE(a.has_value() == b.has_value());
      if (!a) continue;
      CHECK(std::abs(u_program[rho] - u_frontier[rho]) < kProgramExact);
      // The responder's utility to 1e-10: among the proposer's maximisers (the same up to
      // rounding, 1e-14) it can move by the trade-off's slope times that rounding, 3.4e-12 on
      // a segment where it changes 200 times faster than the proposer's (seed 20).
      CHECK(std::abs(u_program[1 - rho] - u_frontier[1 - rho]) < 1e-10);
      CHECK(worth_at_least(u_program[1 - rho], floors[1 - rho]));
    }
  }
}

TEST_CASE("Three veto parties, red lines and constraints: the integer program finds the enumerated optimum",
          "[solve][mip]") {
  // Random spaces with three veto parties, a red line on an ordinal level or a clause and a
  // constraint between two terms: every answer is signable, meets the floors, and is worth at
  // least the best enumerated package (exactly as much when every issue is discrete, where the
  // enumeration is the whole space).
  int exact_cases = 0;
  for (std::uint32_t seed = 1; seed <= 40; ++seed) {
    INFO("seed " << seed);
    Scenario sc = random_space(seed, 3);
    std::vector<std::pair<std::size_t, std::size_t>> terms;  // (issue, option)
    for (std::size_t k = 0; k < sc.issues.size(); ++k) {
      const Issue& issue = sc.issues[k];
      const std::size_t options = issue.kind == IssueKind::ordinal ? issue.levels.size()
                                  : issue.kind == IssueKind::clauses ? issue.clauses.size()
                                                                     : 0;
      for (std::size_t o = 0; o < options; ++o) terms.emplace_back(k, o);
    }
    std::mt19937 rng(seed);
    if (terms.size() >= 3) {
      std::uniform_int_distribution<std::size_t> term(0, terms.size() - 1);
      const auto [k, o] = terms[term(rng)];
      RedLine line;
      line.issue = k;
      (sc.issues[k].kind == IssueKind::ordinal ? line.levels : line.never).push_back(o);
      sc.parties[seed % 3].red_lines.push_back(line);
      TermConstraint c;
      c.kind = seed % 2 == 0 ? TermConstraint::Kind::excludes : TermConstraint::Kind::implies;
      const auto as_term = [&](std::size_t t) { return PackageTerm{terms[t].first, terms[t].second}; };
      const std::size_t first = term(rng);
      std::size_t second = term(rng);
      while (second == first) second = term(rng);
      c.first = as_term(first);
      c.second = as_term(second);
      sc.constraints.push_back(c);
    }
    const IntegerProgramOffers program(sc);
    const auto packages = enumerate_agreements(sc, 6);
    const bool exact = all_discrete(sc);
    exact_cases += exact ? 1 : 0;
    std::uniform_int_distribution<std::size_t> pick(0, packages.size() - 1);
    for (int q = 0; q < 9; ++q) {
      const std::size_t rho = static_cast<std::size_t>(q % 3);
      std::vector<double> floors(sc.parties.size(), kUnbound);
      const Agreement& anchor = packages[pick(rng)];
      for (std::size_t j = 0; j < 3; ++j)
        if (j != rho) floors[j] = sc.utility(j, anchor) - (q % 2 == 0 ? 0.0 : 0.05);
      std::vector<double> u(sc.parties.size());
      const auto point = program.best_for(rho, floors, u);
      const double enumerated = enumerated_best(sc, packages, rho, floors);
      INFO("proposer " << rho);
      if (!point) {
        CHECK(enumerated == kUnbound);
        continue;
      }
      const Agreement x = offered_package(program, *point);
      CHECK(sc.admissible(x));
      for (std::size_t j = 0; j < 3; ++j) {
        CHECK(u[j] == sc.utility(j, x));
        if (j != rho) CHECK(worth_at_least(u[j], floors[j]));
      }
      if (exact)
        CHECK(std::abs(u[rho] - enumerated) < kProgramExact);
      else
        CHECK(u[rho] >= enumerated - kProgramExact);
    }
  }
  CHECK(exact_cases >= 5);  // the exact comparison is not vacuous
}

TEST_CASE("Equilibria on the integer program are solved in worker threads and released in another", "[solve][mip]") {
  // GLPK keeps its memory per thread; the engine solves its equilibrium lazily in a worker and
  // the Python module in its own thread, and either may release it elsewhere. Two workers at
  // once, each solving and querying its own space, the results kept past the workers' end:
  // the same as a solve in this thread.
  const Scenario sc = coin_legislature(5, 12, 0.9, 3);
  const EquilibriumOptions options = majority_of_five();
  const AgreementSpace space(sc);
  const auto reference = BargainingEquilibrium::solve(sc, space, options);
  std::optional<BargainingEquilibrium> solved[2];
  {
    std::thread first([&] { solved[0].emplace(BargainingEquilibrium::solve(sc, space, options)); });
    std::thread second([&] { solved[1].emplace(BargainingEquilibrium::solve(sc, space, options)); });
    first.join();
    second.join();
  }
  for (const auto& eq : solved) {
    REQUIRE(eq.has_value());
    for (int t = 0; t < sc.horizon; ++t)
      for (std::size_t k = 0; k < 5; ++k) {
        CHECK(eq->offer_utilities(t, 0, k)[k] == reference.offer_utilities(t, 0, k)[k]);
        CHECK(eq->package(eq->offer(t, 0, k).point) == reference.package(reference.offer(t, 0, k).point));
      }
  }
  solved[0].reset();  // released here, solved in a worker
  solved[1].reset();
}

TEST_CASE("Terms no veto party values stay at the status quo", "[solve][mip]") {
  // Three veto parties divide a stepped share; a mediator alone values a guarantee level, a
  // clause and a continuous amount. The proposer's offers leave those at the status quo (level
  // 2, the clause in, 0.3), as the two-party frontier does, whatever the mediator would prefer.
  ScenarioBuilder b("neutral");
  b.horizon(3)
      .ordinal("pie", std::size_t{3})
      .ordinal("guarantee", std::size_t{4}).status_quo(2.0)
      .clauses("plan", std::size_t{2}).status_quo_clauses({0, 1})
      .continuous("aid").status_quo(0.3);
  for (std::size_t i = 0; i < 3; ++i) {
    std::vector<double> mine(3, 0.0);
    mine[i] = 1.0;
    b.belligerent("member" + std::to_string(i)).discount(0.9).weights({1.0, 0.0, 0.0, 0.0}).level_values(0, mine);
  }
  b.mediator("broker")
      .weights({0.0, 0.4, 0.3, 0.3})
      .level_values(1, {1.0, 0.0, 0.0, 0.5})
      .clause_values(2, {1.0, -1.0})
      .curve(3, PiecewiseLinear::increasing(0.0, 1.0));
  b.random();
  const Scenario sc = b.build();
  const IntegerProgramOffers program(sc);
  std::vector<double> floors(4, kUnbound), u(4);
  for (std::size_t rho = 0; rho < 3; ++rho) {
    const auto point = program.best_for(rho, floors, u);
    REQUIRE(point);
    const Agreement x = offered_package(program, *point);
    CHECK(x.level(0) == static_cast<int>(rho));
    CHECK(x.level(1) == 2);
    CHECK(x.clauses == std::vector<std::uint8_t>{0, 1});
    CHECK(x.amounts[3] == 0.3);
  }
}
