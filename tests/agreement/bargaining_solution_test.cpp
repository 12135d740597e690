// Zone of possible agreement, Nash, Kalai-Smorodinsky and maximum welfare (DESIGN 1.8;
// THEORY "Bargaining solutions"; Fearon 1995 for the range).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <random>

#include "issue_space_fixtures.hpp"
#include "parley/agreement/bargaining_solution.hpp"
#include "parley/agreement/disagreement_point.hpp"

using namespace parley;
using namespace parley::testing;

namespace {

}  // namespace

TEST_CASE("on a straight frontier Nash and Kalai-Smorodinsky coincide", "[agreement]") {
  // u_b = 0.8 (1 - x), u_a = x. With d = (0.1, 0.1): maximise (x - 0.1)(0.7 - 0.8 x):
  // x = 0.78 / 1.6 = 0.4875. KS: ideal (0.875, 0.72), gains (0.775, 0.62), equal ratios at
  // the same x.
  const AgreementSpace line(polyline({{0.0, 0.8}, {1.0, 0.0}}));
  const std::vector<double> d{0.1, 0.1};
  const auto nash = nash_solution(line, d);
  const auto ks = kalai_smorodinsky(line, d);
  REQUIRE(nash);
  REQUIRE(ks);
  CHECK(nash->agreement.amounts[0] == Approx(0.4875).margin(tight));
  CHECK(ks->agreement.amounts[0] == Approx(0.4875).margin(tight));
  CHECK(nash->utilities[1] == Approx(0.8 * (1 - 0.4875)).margin(tight));
  // On the pie, for any d inside, both split the surplus equally: x = (1 + d_a - d_b) / 2.
  const AgreementSpace space(pie());
  for (const auto& [da, db] : {std::pair{0.0, 0.0}, {0.2, 0.1}, {0.5, 0.3}, {0.05, 0.9}}) {
    const std::vector<double> dd{da, db};
    const double x = (1.0 + da - db) / 2.0;
    CHECK(nash_solution(space, dd)->utilities[0] == Approx(x).margin(tight));
    CHECK(kalai_smorodinsky(space, dd)->utilities[0] == Approx(x).margin(tight));
  }
}

TEST_CASE("a hand-derived polyline: Nash inside a segment, Kalai-Smorodinsky on the diagonal", "[agreement]") {
  // Frontier (0, 1) -> (0.25, 0.9) -> (1, 0), d = 0. On the second segment u_b = 1.2 (1 - u_a):
  // the product 1.2 u_a (1 - u_a) peaks at u_a = 0.5 (0.3), above the first segment's best
  // (0.25 * 0.9 = 0.225 at its end). KS with ideal (1, 1): u_a = u_b = 1.2 / 2.2 = 6/11.
  const AgreementSpace space(polyline({{0.0, 1.0}, {0.25, 0.9}, {1.0, 0.0}}));
  const std::vector<double> d{0.0, 0.0};
  const auto nash = nash_solution(space, d);
  REQUIRE(nash);
  CHECK(nash->agreement.amounts[0] == Approx(0.5).margin(tight));
  CHECK(nash->utilities[1] == Approx(0.6).margin(tight));
  CHECK(nash->point.value == Approx(0.3).margin(tight));
  const auto ks = kalai_smorodinsky(space, d);
  REQUIRE(ks);
  CHECK(ks->agreement.amounts[0] == Approx(6.0 / 11.0).margin(tight));
  CHECK(ks->utilities[1] == Approx(6.0 / 11.0).margin(tight));
  // Maximum welfare: the kink, 0.25 + 0.9.
  const BargainingSolution w = max_welfare(space);
  CHECK(w.utilities[0] == Approx(0.25).margin(tight));
  CHECK(w.point.value == Approx(1.15).margin(tight));
}

TEST_CASE("on u_b = 1 - u_a^2 Nash and Kalai-Smorodinsky differ and match the closed forms", "[agreement]") {
  // THEORY: d = 0, Nash maximises u (1 - u^2): u_a = 1/sqrt(3), u_b = 2/3; KS has u_a = u_b
  // = (sqrt(5) - 1)/2. The curve is approximated by a polyline through 200 of its points;
  // on the polyline both are computed exactly, which the dense search below confirms.
  const int m = 200;
  std::vector<std::pair<double, double>> pts;
  for (int i = 0; i <= m; ++i) {
    const double x = static_cast<double>(i) / m;
    pts.emplace_back(x, 1.0 - x * x);
  }
  const Scenario s = polyline(pts);
  const AgreementSpace space(s);
  REQUIRE(space.frontier().size() == static_cast<std::size_t>(m + 1));
  const std::vector<double> d{0.0, 0.0};
  const auto nash = nash_solution(space, d);
  const auto ks = kalai_smorodinsky(space, d);
  REQUIRE(nash);
  REQUIRE(ks);
  // The exact optimum of the polyline: no point of a dense sweep does better.
  double dense = 0.0;
  for (int i = 0; i <= 200000; ++i) {
    const double x = i / 200000.0;
    dense = std::max(dense, x * s.parties[1].values[0].curve(x));
  }
  CHECK(nash->point.value >= dense - 1e-15);
  CHECK(nash->point.value - dense <= 1e-9);
  // The polyline lies within h^2 / 4 = 2.5e-5 of the curve, so the optimum moves little.
  CHECK(nash->utilities[0] == Approx(1.0 / std::sqrt(3.0)).margin(2e-4));
  CHECK(nash->utilities[1] == Approx(2.0 / 3.0).margin(1e-4));
  CHECK(ks->utilities[0] == Approx(ks->utilities[1]).margin(tight));
  CHECK(ks->utilities[0] == Approx((std::sqrt(5.0) - 1.0) / 2.0).margin(1e-5));
  CHECK(std::abs(nash->utilities[0] - ks->utilities[0]) > 0.03);
}

TEST_CASE("a two-issue logroll gives each side its high-weight issue", "[agreement]") {
  // a cares 0.8 for the territory (wants all of it), b 0.8 for the guarantee (wants the top
  // level); each gives up its low-weight issue entirely.
  const Scenario s = ScenarioBuilder()
                         .continuous("territory")
                         .ordinal("guarantee", 3)
                         .belligerent("a").weights({0.8, 0.2})
                             .curve(0, PiecewiseLinear::increasing(0.0, 1.0)).level_values(1, {1.0, 0.5, 0.0})
                         .belligerent("b").weights({0.2, 0.8})
                             .curve(0, PiecewiseLinear::decreasing(0.0, 1.0)).level_values(1, {0.0, 0.5, 1.0})
                         .mediator("usa").weights({0.5, 0.5})
                             .curve(0, PiecewiseLinear::increasing(0.0, 1.0)).level_values(1, {0.0, 1.0, 0.0})
                         .build();
  const AgreementSpace space(s);
  const auto d = reservation_point(s);
  const auto nash = nash_solution(space, d);
  const auto ks = kalai_smorodinsky(space, d);
  const BargainingSolution w = max_welfare(space);
  for (const BargainingSolution* sol : {&*nash, &*ks, &w}) {
    CHECK(sol->agreement.amounts[0] == Approx(1.0).margin(tight));
    CHECK(sol->agreement.level(1) == 2);
    CHECK(sol->utilities[0] == Approx(0.8).margin(tight));
    CHECK(sol->utilities[1] == Approx(0.8).margin(tight));
    CHECK(sol->utilities[2] == Approx(0.5).margin(tight));  // the mediator's view of it
  }
}

TEST_CASE("the zone of possible agreement is Fearon's range, and says why when it is empty", "[agreement]") {
  // p = 0.6, c_A = c_B = 0.1: war is worth 0.5 to A and 0.3 to B; A's share ranges over
  // [0.5, 0.7] and B's over [0.3, 0.5].
  const AgreementSpace space(pie());
  const Zopa z = zone_of_possible_agreement(space, std::vector<double>{0.5, 0.3});
  REQUIRE(z.exists);
  REQUIRE(z.sides.size() == 2);
  CHECK(z.sides[0].low == Approx(0.5).margin(tight));
  CHECK(z.sides[0].high == Approx(0.7).margin(tight));
  CHECK(z.sides[1].low == Approx(0.3).margin(tight));
  CHECK(z.sides[1].high == Approx(0.5).margin(tight));
  CHECK(z.sides[0].best_given_others.value() == Approx(0.7).margin(tight));
  CHECK(z.max_welfare == Approx(1.0).margin(tight));
  CHECK(z.disagreement_welfare == Approx(0.8).margin(tight));
  // Mutual optimism: A expects 0.6, B 0.5. The most A can get with B at 0.5 is 0.5 < 0.6.
  const Zopa empty = zone_of_possible_agreement(space, std::vector<double>{0.6, 0.5});
  CHECK_FALSE(empty.exists);
  CHECK(empty.sides[0].best_given_others.value() == Approx(0.5).margin(tight));
  CHECK(empty.sides[1].best_given_others.value() == Approx(0.4).margin(tight));
  CHECK(empty.disagreement_welfare > empty.max_welfare);
  CHECK_FALSE(nash_solution(space, std::vector<double>{0.6, 0.5}));
  CHECK_FALSE(kalai_smorodinsky(space, std::vector<double>{0.6, 0.5}));
  // B demanding more than it can ever get: no agreement gives it that at all.
  const Zopa impossible = zone_of_possible_agreement(space, std::vector<double>{0.0, 1.2});
  CHECK_FALSE(impossible.exists);
  CHECK_FALSE(impossible.sides[0].best_given_others);
  CHECK(impossible.sides[1].ideal == 1.0);
  // A zone reduced to one point: d on the frontier.
  const Zopa point = zone_of_possible_agreement(space, std::vector<double>{0.25, 0.75});
  CHECK(point.exists);
  CHECK(nash_solution(space, std::vector<double>{0.25, 0.75})->utilities[0] == Approx(0.25).margin(tight));
}

TEST_CASE("Nash, Kalai-Smorodinsky and welfare beat every agreement by brute force", "[agreement]") {
  std::mt19937 rng(3);
  std::uniform_real_distribution<double> unit(0.0, 0.6);
  for (std::uint32_t seed = 1; seed <= 60; ++seed) {
    for (std::size_t veto : {std::size_t{2}, std::size_t{3}}) {
      Scenario s = random_space(2000 + seed, veto);
      for (auto& issue : s.issues)
        if (issue.kind == IssueKind::continuous && !issue.steps) issue.steps = 3;
      const AgreementSpace space(s);
      REQUIRE(space.epsilon() == 0.0);  // discrete and small: exact in both cases
      const auto xs = enumerate_agreements(s, 0);
      std::vector<double> d(s.parties.size(), 0.0);
      for (std::size_t i = 0; i < veto; ++i) d[i] = unit(rng);
      double best_product = -1.0, best_welfare = -1.0;
      bool zone = false;
      std::vector<double> ideal(veto, -1.0);
      for (const auto& x : xs) {
        const auto u = space.utilities(x);
        bool in = true;
        double welfare = 0.0;
        for (std::size_t i = 0; i < veto; ++i) {
          in = in && u[i] >= d[i];
          welfare += u[i];
        }
        best_welfare = std::max(best_welfare, welfare);
        if (!in) continue;
        zone = true;
        best_product = std::max(best_product, nash_product(space, u, d));
        for (std::size_t i = 0; i < veto; ++i) ideal[i] = std::max(ideal[i], u[i]);
      }
      INFO("seed " << seed << " veto " << veto);
      CHECK(max_welfare(space).point.value == Approx(best_welfare).margin(tight));
      const auto nash = nash_solution(space, d);
      const auto ks = kalai_smorodinsky(space, d);
      REQUIRE(nash.has_value() == zone);
      REQUIRE(ks.has_value() == zone);
      CHECK(zone_of_possible_agreement(space, d).exists == zone);
      if (!zone) continue;
      CHECK(nash->point.value == Approx(best_product).margin(tight));
      CHECK(nash_product(space, nash->utilities, d) == Approx(best_product).margin(tight));
      // KS: no agreement of the zone has a larger least normalised gain.
      double best_min = -1e9;
      for (const auto& x : xs) {
        const auto u = space.utilities(x);
        bool in = true;
        double least = 1e9;
        for (std::size_t i = 0; i < veto; ++i) {
          in = in && u[i] >= d[i];
          if (worth_more(ideal[i], d[i])) least = std::min(least, (u[i] - d[i]) / (ideal[i] - d[i]));
        }
        if (in) best_min = std::max(best_min, least);
      }
      if (best_min < 1e9) CHECK(ks->point.value == Approx(best_min).margin(1e-9));
    }
  }
}

TEST_CASE("disagreement points: reservation values and the frozen front", "[agreement]") {
  Scenario s = pie();
  s.parties[0].reservation = 0.3;
  s.parties[1].reservation = 0.45;
  s.issues[0].linked_to_front = true;
  s.battlefield = front(8, 3, 0.5, 0.0);  // the model's default tempo and advantage
  CHECK(reservation_point(s) == std::vector<double>{0.3, 0.45});
  const auto frozen = frozen_front_point(s, 3);
  CHECK(frozen[0] == Approx(3.0 / 8.0).margin(tight));
  CHECK(frozen[1] == Approx(5.0 / 8.0).margin(tight));
}
