// The peace after a settlement (issue 14): its value against the closed forms, the probability
// that it holds and its expected length, renewal at will (self-enforcement), and the terms an
// agreement's mechanisms make of it (post_settlement.hpp).
#include <catch2/catch.hpp>

#include <cmath>

#include "parley/battlefield/battlefield_chain.hpp"
#include "parley/battlefield/peace_value.hpp"
#include "parley/battlefield/war_value.hpp"
#include "parley/model/post_settlement.hpp"
#include "../support/scenario_builder.hpp"

using parley::PeaceOutlook;
using parley::PeaceTerms;

namespace {

/// One party with utility u, patience delta, hazard h and a constant renewal value r, settled
/// at t0 of a horizon T; nobody may renew at will unless `renews`.
PeaceTerms constant_terms(double u, double delta, double h, double r, int t0, int horizon, bool renews = false) {
  PeaceTerms terms;
  terms.utility = {u};
  terms.discount = {delta};
  terms.hazard = h;
  terms.renewal = {std::vector<double>(static_cast<std::size_t>(horizon) + 1, r)};
  if (renews) terms.may_renew = {0};
  terms.settlement_period = t0;
  terms.horizon = horizon;
  return terms;
}

}  // namespace

TEST_CASE("peace value: constant hazard and renewal value, against the closed form", "[battlefield][peace]") {
  // V(t) = c + q V(t + 1) with c = (1 - delta) u + delta h R and q = delta (1 - h), V(T) = u:
  // V(t0) = L + q^(T - t0) (u - L), L = c / (1 - q) = ((1 - delta) u + delta h R) / (1 - delta (1 - h)).
  for (const double h : {0.0, 0.01, 0.2, 1.0}) {
    for (const int horizon : {1, 7, 300}) {
      const double u = 0.7, delta = 0.98, r = 0.15;
      const PeaceOutlook outlook = parley::peace_outlook(constant_terms(u, delta, h, r, 2, horizon + 2));
      const double q = delta * (1.0 - h);
      const double limit = ((1.0 - delta) * u + delta * h * r) / (1.0 - q);
      INFO("h " << h << ", T - t0 " << horizon);
      CHECK(outlook.value[0][0] == Approx(limit + std::pow(q, horizon) * (u - limit)).margin(1e-12));
      CHECK(outlook.value[0].back() == u);
      CHECK(outlook.self_enforcing());
    }
  }
  // A horizon far away: the stationary value itself.
  const PeaceOutlook far = parley::peace_outlook(constant_terms(0.6, 0.99, 0.03, 0.2, 0, 5000));
  CHECK(far.value[0][0] == Approx((0.01 * 0.6 + 0.99 * 0.03 * 0.2) / (1.0 - 0.99 * 0.97)).margin(1e-12));
  // No hazard: the peace is worth u_i in every period, as without durability.
  const PeaceOutlook safe = parley::peace_outlook(constant_terms(0.6, 0.9, 0.0, -5.0, 3, 40));
  for (const double v : safe.value[0]) CHECK(v == Approx(0.6).margin(1e-15));
}

TEST_CASE("peace value: how long the peace holds", "[battlefield][peace]") {
  const double h = 0.05;
  const PeaceOutlook outlook = parley::peace_outlook(constant_terms(0.5, 0.95, h, 0.1, 0, 20000));
  for (const int k : {0, 1, 5, 52, 260}) CHECK(outlook.holds_probability(k) == Approx(std::pow(1.0 - h, k)).margin(1e-15));
  CHECK(outlook.expected_periods() == Approx(1.0 / h).margin(1e-12));
  // A horizon K periods away makes the peace final there: E = (1 - (1-h)^K) / h, P = (1-h)^K after.
  const PeaceOutlook short_one = parley::peace_outlook(constant_terms(0.5, 0.95, h, 0.1, 10, 19));
  CHECK(short_one.expected_periods() == Approx((1.0 - std::pow(1.0 - h, 10)) / h).margin(1e-12));
  CHECK(short_one.holds_probability(9) == Approx(std::pow(1.0 - h, 9)).margin(1e-15));
  CHECK(short_one.holds_probability(50) == Approx(std::pow(1.0 - h, 9)).margin(1e-15));
  // A smaller hazard (a stronger guarantee) never shortens the expected peace.
  double previous = 0.0;
  for (const double hazard : {0.9, 0.5, 0.2, 0.1, 0.02, 0.0}) {
    const double expected = parley::peace_outlook(constant_terms(0.5, 0.95, hazard, 0.1, 0, 100)).expected_periods();
    CHECK(expected >= previous);
    previous = expected;
  }
}

TEST_CASE("peace value: a belligerent renews the war when fighting is worth more than the peace",
          "[battlefield][peace]") {
  // Renewal worth more than the peace's flow: not self-enforcing, broken at once, worth R to all.
  PeaceTerms terms = constant_terms(0.3, 0.9, 0.02, 0.4, 5, 30, true);
  terms.utility.push_back(0.7);
  terms.discount.push_back(0.9);
  terms.renewal.push_back(std::vector<double>(31, 0.1));
  PeaceOutlook outlook = parley::peace_outlook(terms);
  CHECK_FALSE(outlook.self_enforcing());
  CHECK(outlook.first_renewal == 5);
  CHECK(outlook.renewers == std::vector<std::size_t>{0});
  CHECK(outlook.value[0][0] == 0.4);
  CHECK(outlook.value[1][0] == 0.1);
  CHECK(outlook.holds_probability(0) == 0.0);
  CHECK(outlook.expected_periods() == 0.0);

  // Renewal worth less than the peace in every period: self-enforcing.
  terms.renewal[0].assign(31, 0.25);
  CHECK(parley::peace_outlook(terms).self_enforcing());

  // A balance that turns late (period 20 on, fighting is worth 0.9 to party 0): the peace is
  // kept until then and broken there; before, each party values it with the break foreseen.
  terms.renewal[0].assign(31, 0.25);
  for (int t = 20; t <= 30; ++t) terms.renewal[0][static_cast<std::size_t>(t)] = 0.9;
  outlook = parley::peace_outlook(terms);
  CHECK(outlook.first_renewal == 20);
  CHECK(outlook.value[0][15] == 0.9);
  CHECK(outlook.holds_probability(14) == Approx(std::pow(0.98, 14)).margin(1e-15));
  CHECK(outlook.holds_probability(15) == 0.0);
  CHECK(outlook.expected_periods() == Approx((1.0 - std::pow(0.98, 15)) / 0.02).margin(1e-12));
  // Period 19 by hand: keep = 0.1 u + 0.9 (0.98 V(20) + 0.02 R(20)) with V(20) = R(20) = 0.9.
  const double keep19 = 0.1 * 0.3 + 0.9 * 0.9;
  CHECK(outlook.value[0][14] == Approx(keep19).margin(1e-15));
  // Party 1 may not renew: the same terms with nobody renewing keep the peace to the horizon.
  terms.may_renew.clear();
  CHECK(parley::peace_outlook(terms).self_enforcing());
}

TEST_CASE("peace value: bad terms are refused", "[battlefield][peace]") {
  PeaceTerms terms = constant_terms(0.5, 0.9, 0.1, 0.0, 0, 10);
  terms.hazard = 1.5;
  CHECK_THROWS_AS(parley::peace_outlook(terms), std::invalid_argument);
  terms = constant_terms(0.5, 0.9, 0.1, 0.0, 0, 10);
  terms.renewal[0].pop_back();
  CHECK_THROWS_AS(parley::peace_outlook(terms), std::invalid_argument);
  terms = constant_terms(0.5, 0.9, 0.1, 0.0, 11, 10);
  CHECK_THROWS_AS(parley::peace_outlook(terms), std::invalid_argument);
  terms = constant_terms(0.5, 0.9, 0.1, 0.0, 0, 10);
  terms.may_renew = {3};
  CHECK_THROWS_AS(parley::peace_outlook(terms), std::invalid_argument);
}

TEST_CASE("peace terms: an agreement's mechanisms set the hazard, the line and the renewed war",
          "[battlefield][peace]") {
  using parley::testing::ScenarioBuilder;
  parley::Scenario s = ScenarioBuilder("durable")
                           .horizon(40)
                           .continuous("territory").linked_to_front().status_quo(0.5)
                           .ordinal("guarantee", {"none", "coalition", "article5"})
                           .belligerent("a").weights({0.5, 0.5}).curve(0, parley::PiecewiseLinear::increasing(0, 1))
                           .level_values(1, {0.0, 0.5, 1.0}).cost(0.002).discount(0.99)
                           .belligerent("b").weights({0.5, 0.5}).curve(0, parley::PiecewiseLinear::decreasing(0, 1))
                           .level_values(1, {1.0, 0.5, 0.0}).cost(0.001).discount(0.99)
                           .front(10, 5, 0.3, 0.1).sides("a", "b")
                           .alternating({0, 1})
                           .build();
  parley::Agreement x;
  x.amounts = {0.3, 2.0};  // territory 0.3 (line: state 3 of 10), guarantee article5
  // Without a durability section: no hazard, the peace is worth u_i(x) throughout.
  PeaceTerms terms = parley::peace_terms(s, x, 4, 6);
  CHECK(terms.hazard == 0.0);
  CHECK(terms.may_renew.empty());  // b would rather fight from the line (0.69 > 0.35), but may not
  const PeaceOutlook plain = parley::peace_outlook(terms);
  for (std::size_t i = 0; i < 2; ++i) CHECK(plain.value[i][0] == Approx(s.utility(i, x)).margin(1e-12));

  parley::DurabilityParams durability;
  durability.base_hazard = 0.04;
  const auto article5 = parley::testing::durability_term(1, 2, -1, 0.25, -0.3, {0.004, 0.0});
  durability.terms = {article5};
  s.durability = durability;
  terms = parley::peace_terms(s, x, 4, 6);
  CHECK(terms.hazard == Approx(0.01).margin(1e-15));
  CHECK(terms.may_renew == std::vector<std::size_t>{0, 1});
  // Under durability b renews the war at once: fighting from the line is worth more to it.
  const PeaceOutlook broken = parley::peace_outlook(terms);
  CHECK(broken.first_renewal == 4);
  CHECK(broken.renewers == std::vector<std::size_t>{1});
  CHECK(broken.value[1][0] == terms.renewal[1][4]);
  // The renewed war: from state 3 (the agreement's line, not the front's 6), advantage
  // 0.1 - 0.3, side a's cost 0.002 + 0.004.
  const parley::BattlefieldChain chain(parley::renewed_battlefield(s), -0.3);
  parley::WarPayoffs payoffs = parley::war_payoffs(s, 0);
  payoffs.cost += 0.004;
  const parley::WarValueTable renewed = parley::war_value(chain, 40, payoffs);
  for (const int t : {0, 4, 17, 40}) CHECK(terms.renewal[0][static_cast<std::size_t>(t)] == renewed(t, 3));
  // Without article5 the agreement carries no mechanism: the base hazard, no shift.
  x.amounts[1] = 1.0;
  terms = parley::peace_terms(s, x, 4, 6);
  CHECK(terms.hazard == Approx(0.04).margin(1e-15));
  const parley::WarValueTable base = parley::war_value(parley::BattlefieldChain(parley::renewed_battlefield(s), 0.0), 40,
                                                       parley::war_payoffs(s, 1));
  CHECK(terms.renewal[1][10] == base(10, 3));
}

namespace {

/// Two sides over a linked territory and a guarantee, with a guarantee term of multiplier `mu`
/// and an army-cap-like clause term shifting a renewed war by `cap_shift` toward side a.
parley::Scenario monotone_scenario(double mu, double cap_shift) {
  using parley::testing::ScenarioBuilder;
  parley::Scenario s = ScenarioBuilder("monotone")
                           .horizon(30)
                           .continuous("territory").linked_to_front().status_quo(0.5)
                           .ordinal("guarantee", {"none", "article5"})
                           .clauses("plan", 1)
                           .belligerent("a").weights({0.6, 0.2, 0.2}).curve(0, parley::PiecewiseLinear::increasing(0, 1))
                           .level_values(1, {1.0, 0.0}).clause_values(2, {1.0}).cost(0.003).discount(0.98)
                           .belligerent("b").weights({0.6, 0.3, 0.1}).curve(0, parley::PiecewiseLinear::decreasing(0, 1))
                           .level_values(1, {0.0, 1.0}).clause_values(2, {-1.0}).cost(0.004).discount(0.97)
                           .front(8, 4, 0.5, 0.1).sides("a", "b")
                           .collapse_amounts({0.0, 1.0, 0.0}, {1.0, 0.0, 0.0})
                           .alternating({0, 1})
                           .build();
  s.collapse_a_terms.clauses = {0};
  s.collapse_b_terms.clauses = {1};
  parley::DurabilityParams d;
  d.base_hazard = 0.08;
  d.terms = {parley::testing::durability_term(1, 1, -1, mu, -0.2, {0.002, 0.0}),
             parley::testing::durability_term(2, -1, 0, 1.0, cap_shift)};
  s.durability = d;
  return s;
}

std::vector<parley::Agreement> monotone_packages() {
  std::vector<parley::Agreement> out;
  for (int g = 0; g <= 8; ++g)
    for (int level = 0; level < 2; ++level)
      for (std::uint8_t cap = 0; cap < 2; ++cap) {
        parley::Agreement x;
        x.amounts = {g / 8.0, static_cast<double>(level), 0.0};
        x.clauses = {cap};
        out.push_back(x);
      }
  return out;
}

}  // namespace

TEST_CASE("peace value: a stronger guarantee (a smaller multiplier) never shortens the expected peace",
          "[battlefield][peace][durability]") {
  const auto packages = monotone_packages();
  int lengthened = 0;
  for (const int t0 : {0, 12}) {
    for (const parley::Agreement& x : packages) {
      double previous = -1.0;
      for (const double mu : {1.5, 1.0, 0.8, 0.5, 0.3, 0.1, 0.0}) {
        const PeaceOutlook o = parley::peace_outlook(parley::peace_terms(monotone_scenario(mu, 0.3), x, t0, 4));
        INFO("t0 " << t0 << " territory " << x.amounts[0] << " guarantee " << x.amounts[1] << " mu " << mu);
        CHECK(o.expected_periods() >= previous - 1e-12);
        if (previous >= 0.0 && o.expected_periods() > previous + 1e-9) ++lengthened;
        previous = o.expected_periods();
      }
    }
  }
  CHECK(lengthened > 0);  // the multiplier matters somewhere
}

TEST_CASE("peace value: a larger cap shift never makes an agreement the favoured side would break one it keeps",
          "[battlefield][peace][durability]") {
  // The cap shifts a renewed war toward side a: a's renewal can only become likelier. (Side b
  // may renew less, so self-enforcement as a whole is not monotone; a's part of it is.)
  const auto packages = monotone_packages();
  int broken_by_shift = 0;
  for (const int t0 : {0, 12}) {
    for (const parley::Agreement& x : packages) {
      bool kept_before = true;
      int renewal_before = 1 << 30;
      for (const double shift : {0.0, 0.2, 0.4, 0.6, 0.8, 1.0, 1.5}) {
        PeaceTerms terms = parley::peace_terms(monotone_scenario(0.5, shift), x, t0, 4);
        terms.may_renew = {0};  // side a's incentive alone
        const PeaceOutlook o = parley::peace_outlook(terms);
        INFO("t0 " << t0 << " territory " << x.amounts[0] << " cap " << int{x.clauses[0]} << " shift " << shift);
        const int renewal = o.self_enforcing() ? 1 << 30 : o.first_renewal;
        if (!kept_before) CHECK_FALSE(o.self_enforcing());
        CHECK(renewal <= renewal_before);  // and never later
        if (kept_before && !o.self_enforcing()) ++broken_by_shift;
        kept_before = o.self_enforcing();
        renewal_before = renewal;
      }
    }
  }
  CHECK(broken_by_shift > 0);  // the shift matters somewhere
}
