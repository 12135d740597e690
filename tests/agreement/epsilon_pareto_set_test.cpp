// The epsilon-Pareto set for three or more parties: its cover guarantee against brute force
// and against the exact two-party frontier.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "issue_space_fixtures.hpp"
#include "parley/agreement/epsilon_pareto_set.hpp"
#include "parley/agreement/pareto_frontier.hpp"

using namespace parley;
using namespace parley::testing;

namespace {

// Some point of the set is within epsilon of u in every coordinate.
bool covered(const EpsilonParetoSet& set, const std::vector<double>& u) {
  for (std::size_t p = 0; p < set.size(); ++p) {
    bool ok = true;
    for (std::size_t k = 0; k < set.dimension() && ok; ++k) ok = set.utility(p, k) >= u[k] - set.epsilon() - tight;
    if (ok) return true;
  }
  return false;
}

void check_set(const Scenario& s, const EpsilonParetoSet& set, const std::vector<Agreement>& xs) {
  const auto parties = set.parties();
  // Stored utilities are those of the stored packages; no point dominates another.
  for (std::size_t p = 0; p < set.size(); ++p) {
    const Agreement x = set.package(p);
    for (std::size_t k = 0; k < set.dimension(); ++k)
      CHECK(set.utility(p, k) == Approx(s.utility(parties[k], x)).margin(tight));
    for (std::size_t q = 0; q < set.size(); ++q) {
      if (q == p) continue;
      bool dominates = true;
      for (std::size_t k = 0; k < set.dimension(); ++k) dominates = dominates && set.utility(q, k) >= set.utility(p, k);
      CHECK_FALSE(dominates);
    }
  }
  for (const auto& x : xs) {
    std::vector<double> u;
    for (std::size_t i : parties) u.push_back(s.utility(i, x));
    CHECK(covered(set, u));
  }
}

}  // namespace

TEST_CASE("the epsilon set covers every agreement within its reported epsilon", "[agreement]") {
  for (std::uint32_t seed = 1; seed <= 30; ++seed) {
    const Scenario s = random_space(4000 + seed, 3);
    const std::vector<std::size_t> parties{0, 1, 2};
    const EpsilonParetoSet set = EpsilonParetoSet::build(s, parties);
    INFO("seed " << 4000 + seed << " epsilon " << set.epsilon());
    check_set(s, set, enumerate_agreements(s, 10));
  }
}

TEST_CASE("the sampling loss of a continuous issue is the reported epsilon", "[agreement]") {
  // One divisible issue, a wants it (weight 0.5 on it), b and c do not (weights 0.3, 0.8):
  // on each of the 16 intervals a's utility rises by 0.5/16 and b's, c's fall by 0.3/16,
  // 0.8/16, so the worst point of an interval is within min(0.5, 0.8)/16 of an end.
  const Scenario s = ScenarioBuilder()
                         .continuous("x")
                         .ordinal("o", 2)
                         .belligerent("a").weights({0.5, 0.5})
                             .curve(0, PiecewiseLinear::increasing(0.0, 1.0)).level_values(1, {0.0, 1.0})
                         .belligerent("b").weights({0.3, 0.7})
                             .curve(0, PiecewiseLinear::decreasing(0.0, 1.0)).level_values(1, {0.0, 1.0})
                         .belligerent("c").weights({0.8, 0.2})
                             .curve(0, PiecewiseLinear::decreasing(0.0, 1.0)).level_values(1, {1.0, 0.0})
                         .build();
  const std::vector<std::size_t> parties{0, 1, 2};
  const EpsilonParetoSet set = EpsilonParetoSet::build(s, parties);
  CHECK(set.epsilon() == Approx(0.5 / 16.0).margin(1e-15));
  // Level 1 with x = x_j dominates level 0 with x_i >= x_j + 1/4 (c's loss on x outweighs its
  // 0.2 on the level): of level 0 only x < 1/4 survives, 4 grid points, with all 17 of level 1.
  CHECK(set.size() == 17 + 4);
  check_set(s, set, enumerate_agreements(s, 400));
}

TEST_CASE("box pruning keeps the cover, with the box counted in epsilon", "[agreement]") {
  ScenarioBuilder builder;
  builder.clauses("plan", 10).ordinal("o", 4);
  std::mt19937 rng(9);
  std::uniform_real_distribution<double> unit(-1.0, 1.0);
  for (int i = 0; i < 3; ++i) {
    std::vector<double> clause_values, level_values;
    for (int c = 0; c < 10; ++c) clause_values.push_back(unit(rng));
    for (int l = 0; l < 4; ++l) level_values.push_back(0.5 + 0.5 * unit(rng));
    builder.belligerent("p" + std::to_string(i)).weights({0.7, 0.3}).clause_values(0, clause_values).level_values(1, level_values);
  }
  const Scenario s = builder.build();
  EpsilonSetOptions options;
  options.max_points = 40;
  options.box = 0.01;
  const std::vector<std::size_t> parties{0, 1, 2};
  const EpsilonParetoSet set = EpsilonParetoSet::build(s, parties, options);
  CHECK(set.epsilon() >= 0.01);
  CHECK(set.size() <= 40);
  check_set(s, set, enumerate_agreements(s, 0));
}

TEST_CASE("with two parties the epsilon set lies under the exact frontier and covers it", "[agreement]") {
  for (std::uint32_t seed = 1; seed <= 30; ++seed) {
    const Scenario s = random_space(6000 + seed, 2);
    const ParetoFrontier f = ParetoFrontier::build(s, 0, 1);
    const std::vector<std::size_t> parties{0, 1};
    const EpsilonParetoSet set = EpsilonParetoSet::build(s, parties);
    INFO("seed " << 6000 + seed);
    for (std::size_t p = 0; p < set.size(); ++p) {
      const auto best = f.max_a_given_b(set.utility(p, 1) - tight);
      REQUIRE(best);
      CHECK(best->u_a >= set.utility(p, 0) - tight);
    }
    for (std::size_t v = 0; v < f.size(); ++v) {
      CHECK(covered(set, {f.u_a(v), f.u_b(v)}));
      if (v + 1 < f.size() && f.edge_kind(v) == ParetoFrontier::EdgeKind::segment)
        CHECK(covered(set, {0.5 * (f.u_a(v) + f.u_a(v + 1)), 0.5 * (f.u_b(v) + f.u_b(v + 1))}));
    }
  }
}
