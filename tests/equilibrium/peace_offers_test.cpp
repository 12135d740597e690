// The solver under durability (issue 14): every equilibrium offer is the proposer's best
// self-enforcing agreement given the others' values of rejecting, checked against brute force
// over every package with the exact peace core (peace_outlook of the offers' terms_of), in the
// first war and in every renewed one, and its values are the peace's.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

#include "../support/scenario_builder.hpp"
#include "parley/agreement/agreement_space.hpp"
#include "parley/battlefield/peace_value.hpp"
#include "parley/equilibrium/bargaining_equilibrium.hpp"
#include "parley/equilibrium/peace_offers.hpp"
#include "parley/io/scenario/builtin_scenarios.hpp"
#include "parley/io/scenario/scenario_loader.hpp"
#include "parley/model/post_settlement.hpp"
#include "parley/model/utility_tolerance.hpp"

using namespace parley;
using parley::testing::durability_term;
using parley::testing::ScenarioBuilder;

namespace {

// Territory on the front's grid (linked), a guarantee with three levels and three clauses; a
// hazard, a guarantee that lowers it and shifts the renewed war toward B and raises A's cost, a
// clause that shifts it toward A (an army cap), and one that lowers the hazard (a buffer zone).
Scenario durable_scenario(double base_hazard, DurabilityParams::Commitment commitment, double cap_shift) {
  Scenario s = ScenarioBuilder("durable")
                   .horizon(8)
                   .continuous("territory").steps(6).linked_to_front().status_quo(0.5)
                   .ordinal("guarantee", {"none", "assurances", "article5"})
                   .clauses("plan", 3)
                   .belligerent("a").discount(0.95).cost(0.01).weights({0.5, 0.3, 0.2})
                   .curve(0, PiecewiseLinear::increasing(0.0, 1.0)).level_values(1, {1.0, 0.6, 0.0})
                   .clause_values(2, {0.5, 1.0, -0.4})
                   .belligerent("b").discount(0.9).cost(0.02).weights({0.4, 0.4, 0.2})
                   .curve(0, PiecewiseLinear::decreasing(0.0, 1.0)).level_values(1, {0.0, 0.5, 1.0})
                   .clause_values(2, {-0.3, -1.0, 0.6})
                   .mediator("m").weights({0.2, 0.4, 0.4}).curve(0, PiecewiseLinear::decreasing(0.0, 1.0))
                   .level_values(1, {0.0, 0.7, 1.0}).clause_values(2, {0.2, -0.5, 0.9})
                   .front(6, 3, 0.6, 0.1).sides("a", "b")
                   .collapse_amounts({0.0, 2.0, 0.0}, {1.0, 0.0, 0.0})
                   .alternating({0, 1})
                   .build();
  s.collapse_a_terms.clauses.assign(3, 0);  // a collapse imposes no clause
  s.collapse_b_terms.clauses.assign(3, 0);
  DurabilityParams d;
  d.base_hazard = base_hazard;
  d.commitment = commitment;
  d.terms = {durability_term(1, 2, -1, 0.3, -0.3, {0.02, 0.0}), durability_term(1, 1, -1, 0.8),
             durability_term(2, -1, 1, 1.0, cap_shift), durability_term(2, -1, 2, 0.5)};
  s.durability = d;
  return s;
}

// Every package: territory on its grid, every level, every clause subset.
std::vector<Agreement> every_package(const Scenario& s) {
  std::vector<Agreement> out;
  const int steps = *s.issues[0].steps;
  for (int g = 0; g <= steps; ++g)
    for (int level = 0; level < 3; ++level)
      for (unsigned mask = 0; mask < 8; ++mask) {
        Agreement x;
        x.amounts = {static_cast<double>(g) / steps, static_cast<double>(level), 0.0};
        x.clauses = {static_cast<std::uint8_t>(mask & 1U), static_cast<std::uint8_t>(mask >> 1 & 1U),
                     static_cast<std::uint8_t>(mask >> 2 & 1U)};
        out.push_back(x);
      }
  return out;
}

// The brute force of one equilibrium: `eq` solved on `offers`, whose terms_of gives every
// package's peace terms (with the renewed wars' values the offers hold).
void check_against_brute_force(const Scenario& s, const BargainingEquilibrium& eq, const PeaceOffers& offers) {
  const auto packages = every_package(s);
  int feasible_offers = 0;
  int infeasible_offers = 0;
  for (int t = 0; t < s.horizon; ++t) {
    for (int st = 1; st < eq.state_count() - 1; ++st) {
      // The peace of every package signed at (t, st), from the exact core.
      std::vector<PeaceOutlook> outlooks;
      for (const Agreement& x : packages) outlooks.push_back(peace_outlook(offers.terms_of(x, t, st)));
      // What a responder playing the equilibrium weighs any package by: the peace's value.
      for (std::size_t p = 0; p < packages.size(); ++p)
        for (std::size_t i = 0; i < s.parties.size(); ++i)
          REQUIRE(offers.value_of(packages[p], t, st, i) == Approx(outlooks[p].value[i][0]).margin(1e-12));
      for (std::size_t k = 0; k < eq.proposers(t).size(); ++k) {
        const std::size_t rho = eq.proposers(t)[k].party;
        // Every other veto party must get at least its value of rejecting (unanimity).
        std::vector<std::pair<std::size_t, double>> floors;
        for (const std::size_t j : eq.veto_parties())
          if (j != rho) floors.emplace_back(j, eq.rejection_value(t, st, eq.proposers(t)[k].stage, j));
        double best = -1e300;
        bool found = false;
        for (const PeaceOutlook& o : outlooks) {
          if (!o.self_enforcing()) continue;
          if (!std::all_of(floors.begin(), floors.end(),
                           [&](const auto& f) { return worth_at_least(o.value[f.first][0], f.second); }))
            continue;
          found = true;
          best = std::max(best, o.value[rho][0]);
        }
        const EquilibriumOffer& offer = eq.offer(t, st, k);
        INFO("period " << t << " state " << st << " proposer " << rho);
        REQUIRE(offer.feasible == found);
        if (!found) {
          ++infeasible_offers;
          continue;
        }
        ++feasible_offers;
        CHECK(eq.offer_utilities(t, st, k)[rho] == Approx(best).margin(1e-12));
        // The offer's values are those of the peace its package makes, for every party.
        Agreement x;
        offers.package_into(offer.point, x);
        const PeaceOutlook o = peace_outlook(offers.terms_of(x, t, st));
        CHECK(o.self_enforcing());
        for (std::size_t i = 0; i < s.parties.size(); ++i)
          CHECK(eq.offer_utilities(t, st, k)[i] == Approx(o.value[i][0]).margin(1e-12));
      }
    }
  }
  CHECK(feasible_offers > 0);
  INFO("infeasible offers " << infeasible_offers);
}

// With talks after a breakdown (the solver's model), in the first war and in every renewed one.
void check_against_brute_force(const Scenario& s) {
  const BargainingEquilibrium eq = BargainingEquilibrium::solve(s, AgreementSpace(s));
  REQUIRE(eq.peace_offers() != nullptr);
  REQUIRE(eq.peace_offers()->renewed_talks() == RenewedTalks::resumed);
  REQUIRE(eq.renewed_count() == eq.peace_offers()->balance_count());
  check_against_brute_force(s, eq, *eq.peace_offers());
  for (std::size_t b = 0; b < eq.renewed_count(); ++b) check_against_brute_force(s, eq.renewed(b), *eq.peace_offers());
}

// With renewed wars fought to the end: the offers' terms are peace_terms' exactly.
void check_fought_to_the_end(const Scenario& s) {
  const PeaceOffers offers(s);
  REQUIRE(offers.renewed_talks() == RenewedTalks::none);
  const BargainingEquilibrium eq = BargainingEquilibrium::solve(s, offers);
  for (const Agreement& x : every_package(s)) {
    const PeaceTerms direct = peace_terms(s, x, 2, 3);
    const PeaceTerms held = offers.terms_of(x, 2, 3);
    CHECK(held.hazard == direct.hazard);
    CHECK(held.may_renew == direct.may_renew);
    for (std::size_t i = 0; i < s.parties.size(); ++i)
      for (int t = 2; t <= s.horizon; ++t) {
        CHECK(held.renewal[i][static_cast<std::size_t>(t)] == direct.renewal[i][static_cast<std::size_t>(t)]);
        CHECK(held.breakdown[i][static_cast<std::size_t>(t)] == direct.renewal[i][static_cast<std::size_t>(t)]);
      }
  }
  check_against_brute_force(s, eq, offers);
}

}  // namespace

TEST_CASE("peace offers: the solver's offers are the best self-enforcing packages, by brute force",
          "[solve][durability]") {
  check_against_brute_force(durable_scenario(0.1, DurabilityParams::Commitment::self_enforcing, 0.4));
  check_against_brute_force(durable_scenario(0.3, DurabilityParams::Commitment::self_enforcing, 0.9));
  check_against_brute_force(durable_scenario(0.05, DurabilityParams::Commitment::binding, 0.4));
}

TEST_CASE("peace offers: with renewed wars fought to the end, the offers are peace_terms' best, by brute force",
          "[solve][durability]") {
  check_fought_to_the_end(durable_scenario(0.1, DurabilityParams::Commitment::self_enforcing, 0.4));
  check_fought_to_the_end(durable_scenario(0.3, DurabilityParams::Commitment::self_enforcing, 0.9));
}

TEST_CASE("peace offers: classes are the mechanisms' combinations times the lines", "[solve][durability]") {
  const Scenario s = durable_scenario(0.1, DurabilityParams::Commitment::self_enforcing, 0.4);
  const PeaceOffers offers(s);
  // Guarantee: article5 and assurances carry terms, none forms the third class; clauses 1 and 2
  // in or out; 7 lines on a grid of 6 steps over 6 states.
  CHECK(offers.class_count() == 3 * 2 * 2 * 7);
  CHECK(offers.balance_count() == 2 * 2);  // article5 or not, the cap clause or not
  for (std::size_t c = 0; c < offers.class_count(); ++c) {
    const PeaceClass& cls = offers.peace_class(c);
    CHECK(cls.line >= 0);
    CHECK(cls.line <= 6);
    // Every vertex of the class's frontier is in the class: same hazard and line.
    const AgreementSpace& space = offers.class_space(c);
    for (std::size_t v = 0; v < space.point_count(); ++v) {
      const Agreement x = space.package(space.point(v));
      CHECK(breakdown_hazard(s, x) == cls.hazard);
      CHECK(renewal_line(s, x, 3) == cls.line);
    }
  }
}

TEST_CASE("peace offers: three veto parties, by brute force (each class a program, the pair frontiers as bounds)",
          "[solve][durability][mip]") {
  // The mediator must sign too: every offer is the proposer's best self-enforcing package that
  // gives both other veto parties their values of rejecting, against every package's exact
  // peace core, in the first war and in every renewed one.
  for (const double hazard : {0.1, 0.3}) {
    Scenario s = durable_scenario(hazard, DurabilityParams::Commitment::self_enforcing, 0.4 + hazard);
    s.parties[2].veto = true;
    REQUIRE(s.veto_parties().size() == 3);
    const BargainingEquilibrium eq = BargainingEquilibrium::solve(s, AgreementSpace(s));
    const PeaceOffers& offers = *eq.peace_offers();
    CHECK(offers.class_count() > 0);
    CHECK(offers.programs_solved() > 0);
    CHECK_THROWS_AS(offers.class_space(0), std::logic_error);
    check_against_brute_force(s, eq, offers);
    for (std::size_t b = 0; b < eq.renewed_count(); ++b) check_against_brute_force(s, eq.renewed(b), offers);
  }
  // Fewer than two veto parties is still refused.
  Scenario one = durable_scenario(0.1, DurabilityParams::Commitment::self_enforcing, 0.4);
  one.parties[1].veto = false;
  CHECK_THROWS_WITH(PeaceOffers(one), Catch::Contains("at least two veto parties"));
}

TEST_CASE("peace offers: a neutral durability section (h0 = 0, binding, no terms) changes no equilibrium figure "
          "of any shipped scenario",
          "[solve][durability]") {
  int compared = 0;
  for (const auto& builtin : io::builtin_scenarios()) {
    Scenario plain = io::load_scenario(std::string(builtin.name));
    if (!plain.battlefield || plain.veto_parties().size() != 2) continue;
    INFO(builtin.name);
    plain.durability.reset();
    Scenario neutral = plain;
    neutral.durability = parley::testing::neutral_durability();
    const AgreementSpace space(plain);
    const BargainingEquilibrium before = BargainingEquilibrium::solve(plain, space);
    const BargainingEquilibrium after = BargainingEquilibrium::solve(neutral, space);
    REQUIRE(after.peace_offers() != nullptr);
    for (int t = 0; t <= plain.horizon; ++t)
      for (int st = 0; st < before.state_count(); ++st)
        for (std::size_t i = 0; i < plain.parties.size(); ++i)
          REQUIRE(after.value(t, st, i) == Approx(before.value(t, st, i)).margin(1e-12));
    // The classes' frontiers split the frontier at the lines, so an offer inside a segment is
    // interpolated from other end points: equal to rounding, not bit for bit.
    CHECK(after.path().settled == Approx(before.path().settled).margin(1e-12));
    CHECK(after.path().expected_duration == Approx(before.path().expected_duration).margin(1e-9));
    for (std::size_t t = 0; t < before.path().settled_at.size(); ++t)
      CHECK(after.path().settled_at[t] == Approx(before.path().settled_at[t]).margin(1e-12));
    ++compared;
  }
  CHECK(compared > 0);
}
