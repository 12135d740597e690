// AgreementSpace: the queries of the strategies and the solver (DESIGN 1.6, 1.7), for two
// veto parties (exact) and three (epsilon-Pareto set), against brute force.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "issue_space_fixtures.hpp"
#include "parley/agreement/agreement_space.hpp"

using namespace parley;
using namespace parley::testing;

namespace {

Scenario discrete_space(std::uint32_t seed, std::size_t veto) {
  Scenario s = random_space(seed, veto);
  for (auto& issue : s.issues)
    if (issue.kind == IssueKind::continuous && !issue.steps) issue.steps = 3;
  return s;
}

}  // namespace

TEST_CASE("the space answers 'best for A with B at least 0.2917' on a pie exactly", "[agreement]") {
  const AgreementSpace space(pie());
  REQUIRE(space.is_exact());
  const std::vector<double> floors{0.0, 0.2917};
  const auto p = space.best_for(0, floors);
  REQUIRE(p);
  CHECK(std::abs(p->value - 0.7083) <= 1e-12);
  CHECK(std::abs(space.package(*p).amounts[0] - 0.7083) <= 1e-12);
  CHECK(std::abs(space.utility(*p, 1) - 0.2917) <= 1e-12);
  // The trade-off offer of b at aspiration 0.6: a gets 0.4.
  const auto q = space.best_for_others(1, 0.6);
  REQUIRE(q);
  CHECK(std::abs(q->value - 0.4) <= 1e-12);
  CHECK(std::abs(space.utility(*q, 1) - 0.6) <= 1e-12);
  CHECK_FALSE(space.best_for(1, std::vector<double>{1.5, 0.0}));
  CHECK(space.max_utility(0) == 1.0);
  CHECK(space.min_utility(1) == 0.0);
  CHECK(space.epsilon() == 0.0);
}

TEST_CASE("two veto parties: queries are optimal, feasible and utilities exact for every party", "[agreement]") {
  std::mt19937 rng(11);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  for (std::uint32_t seed = 1; seed <= 40; ++seed) {
    const Scenario s = discrete_space(300 + seed, 2);
    const AgreementSpace space(s);
    REQUIRE(space.is_exact());
    const auto xs = enumerate_agreements(s, 0);
    // m_i for every party, the mediator (index 2) included, equals the brute-force maximum.
    for (std::size_t i = 0; i < s.parties.size(); ++i) {
      double hi = -1.0, lo = 2.0;
      for (const auto& x : xs) {
        hi = std::max(hi, s.utility(i, x));
        lo = std::min(lo, s.utility(i, x));
      }
      CHECK(space.max_utility(i) == Approx(hi).margin(tight));
      CHECK(space.min_utility(i) == Approx(lo).margin(tight));
    }
    for (int q = 0; q < 10; ++q) {
      // Floors indexed by party: the mediator's floor must be ignored.
      const std::vector<double> floors{unit(rng), unit(rng), 2.0};
      for (std::size_t i : {0, 1}) {
        const std::size_t j = 1 - i;
        double best = -1.0;
        for (const auto& x : xs)
          if (s.utility(j, x) >= floors[j]) best = std::max(best, s.utility(i, x));
        const auto p = space.best_for(i, floors);
        INFO("seed " << seed << " party " << i);
        REQUIRE(p.has_value() == (best >= 0.0));
        if (!p) continue;
        CHECK(p->value == Approx(best).margin(tight));
        const Agreement x = space.package(*p);
        CHECK(s.utility(j, x) >= floors[j] - tight);
        for (std::size_t k = 0; k < s.parties.size(); ++k)
          CHECK(space.utility(*p, k) == Approx(s.utility(k, x)).margin(tight));
        // best_for_others(j, f) is the same question asked the other way round.
        const auto r = space.best_for_others(j, floors[j]);
        REQUIRE(r);
        CHECK(r->value == Approx(best).margin(tight));
      }
    }
  }
}

TEST_CASE("every party's utility is exact inside segments, mediators included", "[agreement]") {
  for (std::uint32_t seed = 1; seed <= 30; ++seed) {
    const Scenario s = random_space(700 + seed, 2);
    const AgreementSpace space(s);
    Agreement x;
    for (std::size_t e = 0; e < space.edge_count(); ++e) {
      for (double t : {0.0, 0.3, 0.99}) {
        if (t > 0.0 && space.frontier().edge_kind(e) != ParetoFrontier::EdgeKind::segment) continue;
        const SpacePoint p{e, t, 0.0};
        space.package_into(p, x);
        for (std::size_t k = 0; k < s.parties.size(); ++k) CHECK(space.utility(p, k) == Approx(s.utility(k, x)).margin(tight));
      }
    }
  }
}

TEST_CASE("three veto parties: exact on small discrete spaces, and within epsilon otherwise", "[agreement]") {
  std::mt19937 rng(5);
  std::uniform_real_distribution<double> unit(0.0, 0.8);
  for (std::uint32_t seed = 1; seed <= 25; ++seed) {
    const bool discrete = seed % 2 == 0;
    const Scenario s = discrete ? discrete_space(900 + seed, 3) : random_space(900 + seed, 3);
    const AgreementSpace space(s);
    REQUIRE_FALSE(space.is_exact());
    const double eps = space.epsilon();
    if (discrete) CHECK(eps == 0.0);  // nothing sampled, nothing box-pruned
    const auto xs = enumerate_agreements(s, 8);
    for (int q = 0; q < 8; ++q) {
      const std::vector<double> floors{unit(rng), unit(rng), unit(rng), 0.0};
      for (std::size_t i = 0; i < 3; ++i) {
        // With floors raised by epsilon the brute-force optimum is covered by a set point
        // that meets the original floors and loses at most epsilon.
        double best = -1.0;
        for (const auto& x : xs) {
          bool ok = true;
          for (std::size_t j = 0; j < 3; ++j)
            if (j != i && s.utility(j, x) < floors[j] + eps) ok = false;
          if (ok) best = std::max(best, s.utility(i, x));
        }
        const auto p = space.best_for(i, floors);
        INFO("seed " << seed << " party " << i << " eps " << eps);
        if (best < 0.0) continue;
        REQUIRE(p);
        CHECK(p->value >= best - eps - tight);
        const Agreement x = space.package(*p);
        for (std::size_t j = 0; j < 3; ++j) {
          CHECK(space.utility(*p, j) == Approx(s.utility(j, x)).margin(tight));
          if (j != i) CHECK(s.utility(j, x) >= floors[j] - tight);
        }
      }
    }
  }
}
