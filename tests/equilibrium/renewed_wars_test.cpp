// Talks after a breakdown (issue 14): the solver plays out one renewed war per post-settlement
// balance, jointly with the first. Without hazard and with a binding commitment no peace ever
// breaks, so each renewed war is an ordinary bargaining game on its own battlefield and costs:
// its values must be those of a plain solve of the scenario rebuilt that way.
#include <catch2/catch.hpp>

#include <vector>

#include "../support/scenario_builder.hpp"
#include "parley/agreement/agreement_space.hpp"
#include "parley/equilibrium/bargaining_equilibrium.hpp"
#include "parley/equilibrium/peace_offers.hpp"
#include "parley/model/post_settlement.hpp"

using namespace parley;
using parley::testing::durability_term;
using parley::testing::ScenarioBuilder;

namespace {

// Territory linked to the front, a guarantee that shifts a renewed war toward B and raises A's
// cost, a clause that shifts it toward A (an army cap).
Scenario renewal_scenario(double base_hazard, DurabilityParams::Commitment commitment) {
  Scenario s = ScenarioBuilder("renewal")
                   .horizon(10)
                   .continuous("territory").steps(8).linked_to_front().status_quo(0.5)
                   .ordinal("guarantee", {"none", "article5"})
                   .clauses("plan", 2)
                   .belligerent("a").discount(0.95).cost(0.01).weights({0.6, 0.2, 0.2})
                   .curve(0, PiecewiseLinear::increasing(0.0, 1.0)).level_values(1, {1.0, 0.2})
                   .clause_values(2, {0.8, 0.3})
                   .belligerent("b").discount(0.9).cost(0.02).weights({0.5, 0.3, 0.2})
                   .curve(0, PiecewiseLinear::decreasing(0.0, 1.0)).level_values(1, {0.0, 1.0})
                   .clause_values(2, {-0.6, 0.4})
                   .front(8, 4, 0.5, 0.1).sides("a", "b")
                   .collapse_amounts({0.0, 1.0, 0.0}, {1.0, 0.0, 0.0})
                   .alternating({0, 1})
                   .build();
  s.collapse_a_terms.clauses.assign(2, 0);
  s.collapse_b_terms.clauses.assign(2, 0);
  DurabilityParams d;
  d.base_hazard = base_hazard;
  d.commitment = commitment;
  d.terms = {durability_term(1, 1, -1, 0.3, -0.3, {0.02, 0.0}), durability_term(2, -1, 0, 1.2, 0.25)};
  s.durability = d;
  return s;
}

}  // namespace

TEST_CASE("renewed wars: without breakdowns each is the plain equilibrium of its own battlefield and costs",
          "[solve][durability]") {
  const Scenario s = renewal_scenario(0.0, DurabilityParams::Commitment::binding);
  const BargainingEquilibrium eq = BargainingEquilibrium::solve(s, AgreementSpace(s));
  const PeaceOffers& offers = *eq.peace_offers();
  // article5 or not, times the cap clause in or out.
  REQUIRE(eq.renewed_count() == 4);
  for (std::size_t b = 0; b < eq.renewed_count(); ++b) {
    const PostSettlementBalance& balance = offers.balance(b);
    Scenario plain = s;
    plain.durability.reset();
    plain.battlefield->advantage.a0 = std::clamp(s.battlefield->advantage.a0 + balance.advantage_shift, -1.0, 1.0);
    for (std::size_t i = 0; i < plain.parties.size(); ++i) plain.parties[i].cost += balance.cost_shift[i];
    const BargainingEquilibrium direct = BargainingEquilibrium::solve(plain, AgreementSpace(plain));
    const BargainingEquilibrium& renewed = eq.renewed(b);
    INFO("balance " << b << " shift " << balance.advantage_shift);
    CHECK(&eq.regime(&balance) == &renewed);
    for (int t = 0; t <= s.horizon; ++t)
      for (int st = 0; st < direct.state_count(); ++st)
        for (std::size_t i = 0; i < s.parties.size(); ++i) {
          REQUIRE(renewed.value(t, st, i) == Approx(direct.value(t, st, i)).margin(1e-12));
          if (t < s.horizon) REQUIRE(renewed.continuation(t, st, i) == Approx(direct.continuation(t, st, i)).margin(1e-12));
        }
  }
  CHECK(&eq.regime(nullptr) == &eq);
}

TEST_CASE("renewed wars: a breakdown leads to the renewed war's talks, not to a war fought to the end",
          "[solve][durability]") {
  const Scenario s = renewal_scenario(0.2, DurabilityParams::Commitment::self_enforcing);
  const BargainingEquilibrium eq = BargainingEquilibrium::solve(s, AgreementSpace(s));
  const PeaceOffers& offers = *eq.peace_offers();
  const PeaceOffers fought(s);  // the same classes, renewed wars fought to the end
  REQUIRE(offers.balance_count() == fought.balance_count());
  bool differs = false;
  for (std::size_t b = 0; b < offers.balance_count(); ++b) {
    const BargainingEquilibrium& renewed = eq.renewed(b);
    for (int t = 0; t < s.horizon; ++t)
      for (int st = 0; st < renewed.state_count(); ++st)
        for (std::size_t i = 0; i < 2; ++i) {
          // The table the peace coefficients read is the renewed war's own.
          REQUIRE(offers.renewed_value(b, i, t, st) == renewed.value(t, st, i));
          REQUIRE(offers.renewed_fight(b, i, t, st) == renewed.continuation(t, st, i));
          // A veto party can always refuse and fight to the end: talks never make it worse off.
          REQUIRE(renewed.value(t, st, i) >= fought.renewed_value(b, i, t, st) - 1e-12);
          differs = differs || renewed.value(t, st, i) > fought.renewed_value(b, i, t, st) + 1e-6;
        }
  }
  CHECK(differs);
}
