// The exact two-party frontier (DESIGN 1.8) against brute force and hand-derived cases.
#include <catch2/catch.hpp>

#include <algorithm>
#include <limits>
#include <random>

#include "issue_space_fixtures.hpp"
#include "parley/agreement/pareto_frontier.hpp"

using namespace parley;
using namespace parley::testing;

namespace {

// The frontier's shape: u_a non-decreasing, u_b non-increasing, consecutive vertices
// distinct, segments strictly decreasing.
void check_invariants(const ParetoFrontier& f) {
  REQUIRE(f.size() >= 1);
  for (std::size_t j = 0; j + 1 < f.size(); ++j) {
    INFO("edge " << j);
    CHECK(f.u_a(j) <= f.u_a(j + 1));
    CHECK(f.u_b(j) >= f.u_b(j + 1));
    CHECK((f.u_a(j) < f.u_a(j + 1) || f.u_b(j) > f.u_b(j + 1)));
    if (f.edge_kind(j) == ParetoFrontier::EdgeKind::segment) {
      CHECK(f.u_a(j) < f.u_a(j + 1));
      CHECK(f.u_b(j) > f.u_b(j + 1));
      CHECK(f.moving_issue(j) >= 0);
    }
  }
}

// Every vertex and every point of every segment is an agreement with exactly those
// utilities: the package at fraction t of a segment is the interpolated amount.
void check_achievable(const Scenario& s, const ParetoFrontier& f) {
  const std::size_t a = f.party_a(), b = f.party_b();
  for (std::size_t v = 0; v < f.size(); ++v) {
    const Agreement x = f.package(f.vertex(v));
    CHECK(s.utility(a, x) == Approx(f.u_a(v)).margin(tight));
    CHECK(s.utility(b, x) == Approx(f.u_b(v)).margin(tight));
  }
  for (std::size_t j = 0; j + 1 < f.size(); ++j) {
    if (f.edge_kind(j) != ParetoFrontier::EdgeKind::segment) continue;
    for (double t : {0.125, 0.5, 0.875}) {
      const ParetoFrontier::Point p{j, t, f.u_a(j) + t * (f.u_a(j + 1) - f.u_a(j)),
                                    f.u_b(j) + t * (f.u_b(j + 1) - f.u_b(j))};
      const Agreement x = f.package(p);
      CHECK(x.amounts[static_cast<std::size_t>(f.moving_issue(j))] == Approx(f.moving_amount(j, t)).margin(tight));
      CHECK(s.utility(a, x) == Approx(p.u_a).margin(tight));
      CHECK(s.utility(b, x) == Approx(p.u_b).margin(tight));
    }
  }
}

// The frontier weakly dominates every agreement: E(u_a(x)) >= u_b(x), within `slack`.
void check_covers(const Scenario& s, const ParetoFrontier& f, const std::vector<Agreement>& xs, double slack = tight) {
  const std::size_t a = f.party_a(), b = f.party_b();
  for (const auto& x : xs) {
    const double ua = s.utility(a, x), ub = s.utility(b, x);
    const auto p = f.max_a_given_b(ub - slack);
    REQUIRE(p);
    CHECK(p->u_a >= ua - slack - tight);
  }
}

// Random agreements: continuous amounts anywhere in their range (or on their grid).
std::vector<Agreement> random_agreements(const Scenario& s, std::size_t n, std::uint32_t seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::vector<Agreement> out;
  for (std::size_t r = 0; r < n; ++r) {
    Agreement x = s.status_quo();
    for (std::size_t k = 0; k < s.issues.size(); ++k) {
      const Issue& issue = s.issues[k];
      if (issue.kind == IssueKind::continuous) {
        if (issue.steps) {
          const int j = std::uniform_int_distribution<int>(0, *issue.steps)(rng);
          x.amounts[k] = j == *issue.steps ? issue.hi : issue.lo + (issue.hi - issue.lo) * j / *issue.steps;
        } else {
          x.amounts[k] = issue.lo + (issue.hi - issue.lo) * unit(rng);
        }
      } else if (issue.kind == IssueKind::ordinal) {
        x.amounts[k] = std::uniform_int_distribution<int>(0, static_cast<int>(issue.levels.size()) - 1)(rng);
      } else {
        for (std::size_t c = 0; c < issue.clauses.size(); ++c) x.clauses[issue.clause_offset + c] = unit(rng) < 0.5;
      }
    }
    out.push_back(x);
  }
  return out;
}

bool has_free_continuous(const Scenario& s) {
  return std::any_of(s.issues.begin(), s.issues.end(),
                     [](const Issue& i) { return i.kind == IssueKind::continuous && !i.steps; });
}

}  // namespace

TEST_CASE("pie splitting: the frontier is the segment u_a + u_b = 1 and queries are exact", "[agreement]") {
  const Scenario s = pie();
  const ParetoFrontier f = ParetoFrontier::build(s, 0, 1);
  REQUIRE(f.size() == 2);
  CHECK(f.u_a(0) == 0.0);
  CHECK(f.u_b(0) == 1.0);
  CHECK(f.u_a(1) == 1.0);
  CHECK(f.u_b(1) == 0.0);
  CHECK(f.edge_kind(0) == ParetoFrontier::EdgeKind::segment);
  const auto p = f.max_a_given_b(0.2917);
  REQUIRE(p);
  CHECK(std::abs(p->u_a - 0.7083) <= 1e-12);
  CHECK(std::abs(f.package(*p).amounts[0] - 0.7083) <= 1e-12);
  const auto q = f.max_b_given_a(539.0 / 625.0);
  REQUIRE(q);
  CHECK(std::abs(q->u_b - 86.0 / 625.0) <= 1e-12);
  CHECK(std::abs(f.package(*q).amounts[0] - 539.0 / 625.0) <= 1e-12);
  CHECK_FALSE(f.max_a_given_b(1.0 + 1e-9));
  CHECK_FALSE(f.max_b_given_a(1.0 + 1e-9));
  CHECK(f.max_a_given_b(-5.0)->u_a == 1.0);
  CHECK(f.epsilon() == 0.0);
}

TEST_CASE("the frontier equals the brute-force non-dominated set on discrete spaces", "[agreement]") {
  for (std::uint32_t seed = 1; seed <= 150; ++seed) {
    Scenario s = random_space(seed);
    // Make every continuous issue discrete (an offer grid): brute force is then exhaustive.
    for (auto& issue : s.issues)
      if (issue.kind == IssueKind::continuous && !issue.steps) issue.steps = 3;
    const ParetoFrontier f = ParetoFrontier::build(s, 0, 1);
    INFO("seed " << seed);
    check_invariants(f);
    check_achievable(s, f);
    std::vector<std::pair<double, double>> u;
    for (const auto& x : enumerate_agreements(s, 0)) u.emplace_back(s.utility(0, x), s.utility(1, x));
    // Non-dominated points by brute force: sort by u_a descending (u_b descending on ties)
    // and keep the running record highs of u_b.
    std::sort(u.begin(), u.end(), [](const auto& p, const auto& q) {
      return p.first > q.first || (p.first == q.first && p.second > q.second);
    });
    std::vector<std::pair<double, double>> efficient;
    for (const auto& p : u)
      if (efficient.empty() || p.second > efficient.back().second + tight) efficient.push_back(p);
    std::reverse(efficient.begin(), efficient.end());
    REQUIRE(f.size() == efficient.size());
    for (std::size_t v = 0; v < f.size(); ++v) {
      CHECK(f.u_a(v) == Approx(efficient[v].first).margin(tight));
      CHECK(f.u_b(v) == Approx(efficient[v].second).margin(tight));
      if (v + 1 < f.size()) CHECK(f.edge_kind(v) == ParetoFrontier::EdgeKind::gap);
    }
  }
}

TEST_CASE("with continuous issues the frontier is achievable and covers a fine grid and random agreements",
          "[agreement]") {
  int with_segments = 0;
  for (std::uint32_t seed = 1; seed <= 120; ++seed) {
    const Scenario s = random_space(1000 + seed);
    const ParetoFrontier f = ParetoFrontier::build(s, 0, 1);
    INFO("seed " << 1000 + seed);
    check_invariants(f);
    check_achievable(s, f);
    int free_continuous = 0;
    for (const auto& issue : s.issues) free_continuous += issue.kind == IssueKind::continuous && !issue.steps;
    check_covers(s, f, enumerate_agreements(s, free_continuous >= 2 ? 12 : 60));
    check_covers(s, f, random_agreements(s, 1500, seed));
    with_segments += f.segment_count() > 0;
    if (!has_free_continuous(s)) CHECK(f.segment_count() == 0);
  }
  CHECK(with_segments > 40);  // the property was exercised on polylines, not only staircases
}

TEST_CASE("a segment + segment sum follows the flatter edge first", "[agreement]") {
  // Two divisible issues, a weights 0.6 / 0.4, b 0.3 / 0.7, opposed on both: the frontier
  // is concave, the issue a values more relative to b goes to a first: issue 0 (0.6/0.3 > 0.4/0.7).
  const Scenario s = ScenarioBuilder()
                         .continuous("x")
                         .continuous("y")
                         .belligerent("a").weights({0.6, 0.4})
                             .curve(0, PiecewiseLinear::increasing(0.0, 1.0)).curve(1, PiecewiseLinear::increasing(0.0, 1.0))
                         .belligerent("b").weights({0.3, 0.7})
                             .curve(0, PiecewiseLinear::decreasing(0.0, 1.0)).curve(1, PiecewiseLinear::decreasing(0.0, 1.0))
                         .build();
  const ParetoFrontier f = ParetoFrontier::build(s, 0, 1);
  REQUIRE(f.size() == 3);
  CHECK(f.u_a(1) == Approx(0.6).margin(tight));
  CHECK(f.u_b(1) == Approx(0.7).margin(tight));
  CHECK(f.moving_issue(0) == 0);
  CHECK(f.moving_issue(1) == 1);
  // u_b >= 0.85: a gets 0.5 of issue x and nothing of y.
  const auto p = f.max_a_given_b(0.85);
  REQUIRE(p);
  CHECK(p->u_a == Approx(0.3).margin(tight));
  const Agreement x = f.package(*p);
  CHECK(x.amounts[0] == Approx(0.5).margin(tight));
  CHECK(x.amounts[1] == Approx(0.0).margin(tight));
}

TEST_CASE("degenerate spaces: identical, opposed, indifferent, zero weights", "[agreement]") {
  SECTION("identical preferences: one point, everyone's best") {
    const Scenario s = ScenarioBuilder()
                           .continuous("x")
                           .ordinal("o", 3)
                           .belligerent("a").weights({0.5, 0.5})
                               .curve(0, PiecewiseLinear({{0.0, 0.2}, {0.4, 1.0}, {1.0, 0.0}}))
                               .level_values(1, {0.1, 0.9, 0.3})
                           .copy_of(0, "b")
                           .build();
    const ParetoFrontier f = ParetoFrontier::build(s, 0, 1);
    REQUIRE(f.size() == 1);
    CHECK(f.u_a(0) == Approx(0.95).margin(tight));
    CHECK(f.u_b(0) == Approx(0.95).margin(tight));
    const Agreement x = f.package(f.vertex(0));
    CHECK(x.amounts[0] == Approx(0.4).margin(tight));
    CHECK(x.level(1) == 1);
  }
  SECTION("fully opposed ordinal issue: every level is efficient, with gaps between") {
    const Scenario s = ScenarioBuilder()
                           .ordinal("o", 4)
                           .belligerent("a").weights({1.0}).level_values(0, {0.0, 0.2, 0.7, 1.0})
                           .belligerent("b").weights({1.0}).level_values(0, {1.0, 0.9, 0.4, 0.0})
                           .build();
    const ParetoFrontier f = ParetoFrontier::build(s, 0, 1);
    REQUIRE(f.size() == 4);
    for (std::size_t v = 0; v < 4; ++v) CHECK(f.package(f.vertex(v)).level(0) == static_cast<int>(v));
    CHECK(f.segment_count() == 0);
    // Between levels, the query returns the level, not an interpolation.
    CHECK(f.max_a_given_b(0.5)->u_a == Approx(0.2).margin(tight));
    CHECK(f.max_b_given_a(0.5)->u_b == Approx(0.4).margin(tight));
  }
  SECTION("a party indifferent to everything: the other gets its best, the frontier is one point") {
    const Scenario s = ScenarioBuilder()
                           .continuous("x")
                           .ordinal("o", 3)
                           .belligerent("a").weights({0.3, 0.7})
                               .curve(0, PiecewiseLinear::decreasing(0.0, 1.0)).level_values(1, {0.0, 1.0, 0.5})
                           .belligerent("b").weights({0.5, 0.5})
                               .curve(0, PiecewiseLinear({{0.0, 0.4}, {1.0, 0.4}})).level_values(1, {0.6, 0.6, 0.6})
                           .build();
    const ParetoFrontier f = ParetoFrontier::build(s, 0, 1);
    REQUIRE(f.size() == 1);
    CHECK(f.u_a(0) == Approx(1.0).margin(tight));
    CHECK(f.u_b(0) == Approx(0.5).margin(tight));
  }
  SECTION("zero-weight issues keep their status quo; a one-sided issue goes to who cares") {
    const Scenario s = ScenarioBuilder()
                           .continuous("pie")
                           .continuous("idle", 0.0, 4.0).status_quo(2.5)
                           .ordinal("mine", 3)
                           .clauses("plan", 3).status_quo_clauses({1, 0, 1})
                           .belligerent("a").weights({0.5, 0.0, 0.5, 0.0})
                               .curve(0, PiecewiseLinear::increasing(0.0, 1.0)).level_values(2, {0.0, 0.3, 1.0})
                           .belligerent("b").weights({1.0, 0.0, 0.0, 0.0})
                               .curve(0, PiecewiseLinear::decreasing(0.0, 1.0))
                           .build();
    const ParetoFrontier f = ParetoFrontier::build(s, 0, 1);
    REQUIRE(f.size() == 2);
    CHECK(f.u_a(0) == Approx(0.5).margin(tight));
    CHECK(f.u_b(0) == Approx(1.0).margin(tight));
    CHECK(f.u_a(1) == Approx(1.0).margin(tight));
    CHECK(f.u_b(1) == Approx(0.0).margin(tight));
    for (const Agreement& x : {f.package(f.vertex(0)), f.package(f.max_a_given_b(0.5).value())}) {
      CHECK(x.amounts[1] == 2.5);
      CHECK(x.level(2) == 2);
      CHECK(x.clauses == std::vector<std::uint8_t>{1, 0, 1});
    }
  }
}

TEST_CASE("clauses good for both are in, bad for both out, and each side's favourite trades", "[agreement]") {
  const Scenario s = ScenarioBuilder()
                         .clauses("plan", 4)
                         .belligerent("a").weights({1.0}).clause_values(0, {1.0, -1.0, 2.0, -0.5})
                         .belligerent("b").weights({1.0}).clause_values(0, {0.5, -2.0, -1.0, 1.0})
                         .build();
  const ParetoFrontier f = ParetoFrontier::build(s, 0, 1);
  // Ranges: a from -1.5 to 3, b from -3 to 1.5 (4.5 each). Clause 0 is in and clause 1 out
  // everywhere; 2 and 3 are traded. With 0 in and 1 out, the subsets of {2, 3} give
  // {}: (2.5, 3.5) / 4.5, {2}: (4.5, 2.5) / 4.5, {3}: (2, 4.5) / 4.5, {2, 3}: (4, 3.5) / 4.5,
  // and {2, 3} dominates {}.
  REQUIRE(f.size() == 3);
  for (std::size_t v = 0; v < f.size(); ++v) {
    const Agreement x = f.package(f.vertex(v));
    CHECK(x.clauses[0] == 1);
    CHECK(x.clauses[1] == 0);
  }
  CHECK(f.u_a(0) == Approx(2.0 / 4.5).margin(tight));
  CHECK(f.u_b(0) == Approx(1.0).margin(tight));
  CHECK(f.package(f.vertex(0)).clauses == std::vector<std::uint8_t>{1, 0, 0, 1});
  CHECK(f.u_a(1) == Approx(4.0 / 4.5).margin(tight));
  CHECK(f.u_b(1) == Approx(3.5 / 4.5).margin(tight));
  CHECK(f.package(f.vertex(1)).clauses == std::vector<std::uint8_t>{1, 0, 1, 1});
  CHECK(f.u_a(2) == Approx(1.0).margin(tight));
  CHECK(f.u_b(2) == Approx(2.5 / 4.5).margin(tight));
}

TEST_CASE("fourteen contested clauses: the subset-sum frontier equals brute force over 2^14 subsets",
          "[agreement]") {
  std::mt19937 rng(14);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::vector<double> a_values, b_values;
  for (std::size_t c = 0; c < 14; ++c) {
    const double sign = unit(rng) < 0.5 ? 1.0 : -1.0;
    a_values.push_back(sign * unit(rng));
    b_values.push_back(-sign * unit(rng));
  }
  const Scenario s = ScenarioBuilder()
                         .clauses("plan", 14)
                         .belligerent("a").weights({1.0}).clause_values(0, a_values)
                         .belligerent("b").weights({1.0}).clause_values(0, b_values)
                         .build();
  const ParetoFrontier f = ParetoFrontier::build(s, 0, 1);
  CHECK(f.epsilon() == 0.0);
  check_achievable(s, f);
  std::vector<std::pair<double, double>> u;
  for (const auto& x : enumerate_agreements(s, 0)) u.emplace_back(s.utility(0, x), s.utility(1, x));
  std::sort(u.begin(), u.end(), [](const auto& p, const auto& q) {
    return p.first > q.first || (p.first == q.first && p.second > q.second);
  });
  std::vector<std::pair<double, double>> efficient;
  for (const auto& p : u)
    if (efficient.empty() || p.second > efficient.back().second + tight) efficient.push_back(p);
  std::reverse(efficient.begin(), efficient.end());
  REQUIRE(f.size() == efficient.size());
  for (std::size_t v = 0; v < f.size(); ++v) {
    CHECK(f.u_a(v) == Approx(efficient[v].first).margin(tight));
    CHECK(f.u_b(v) == Approx(efficient[v].second).margin(tight));
  }
}

TEST_CASE("many zero-sum clauses are thinned with the loss reported and bounded", "[agreement]") {
  // 14 clauses, each exactly as good for a as bad for b: all 2^14 subsets lie on one line
  // and are efficient. With a cap of 64 points the frontier is thinned, and every agreement
  // is within epsilon in u_a of it.
  std::vector<double> a_values, b_values;
  for (std::size_t c = 0; c < 14; ++c) {
    const double v = (c % 2 == 0 ? 1.0 : -1.0) * (1.0 + 0.37 * static_cast<double>(c));
    a_values.push_back(v);
    b_values.push_back(-v);
  }
  const Scenario s = ScenarioBuilder()
                         .clauses("plan", 14)
                         .belligerent("a").weights({1.0}).clause_values(0, a_values)
                         .belligerent("b").weights({1.0}).clause_values(0, b_values)
                         .build();
  FrontierOptions options;
  options.max_discrete_points = 64;
  const ParetoFrontier f = ParetoFrontier::build(s, 0, 1, options);
  CHECK(f.epsilon() > 0.0);
  CHECK(f.size() <= 64);
  check_invariants(f);
  check_achievable(s, f);
  for (const auto& x : enumerate_agreements(s, 0)) {
    const auto p = f.max_a_given_b(s.utility(1, x) - tight);
    REQUIRE(p);
    CHECK(p->u_a >= s.utility(0, x) - f.epsilon() - tight);
  }
}

TEST_CASE("queries return the brute-force optimum and pick the best for the other on ties", "[agreement]") {
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  for (std::uint32_t seed = 1; seed <= 60; ++seed) {
    Scenario s = random_space(5000 + seed);
    for (auto& issue : s.issues)
      if (issue.kind == IssueKind::continuous && !issue.steps) issue.steps = 4;
    const ParetoFrontier f = ParetoFrontier::build(s, 0, 1);
    const auto xs = enumerate_agreements(s, 0);
    for (int q = 0; q < 20; ++q) {
      const double floor = unit(rng);
      double best_a = -1.0, best_b = -1.0;
      for (const auto& x : xs) {
        if (s.utility(1, x) >= floor) best_a = std::max(best_a, s.utility(0, x));
        if (s.utility(0, x) >= floor) best_b = std::max(best_b, s.utility(1, x));
      }
      const auto pa = f.max_a_given_b(floor);
      const auto pb = f.max_b_given_a(floor);
      INFO("seed " << seed << " floor " << floor);
      REQUIRE(pa.has_value() == (best_a >= 0.0));
      REQUIRE(pb.has_value() == (best_b >= 0.0));
      if (pa) {
        CHECK(pa->u_a == Approx(best_a).margin(tight));
        CHECK(s.utility(1, f.package(*pa)) >= floor - tight);
      }
      if (pb) {
        CHECK(pb->u_b == Approx(best_b).margin(tight));
        CHECK(s.utility(0, f.package(*pb)) >= floor - tight);
      }
    }
  }
}

TEST_CASE("merging a discrete stage in batches gives the same frontier, bit for bit", "[agreement][limits]") {
  // FrontierOptions::max_merge_vertices bounds the memory of a stage (issue 18: two ordinal
  // issues of 5,000 levels held 25 million points, 2.4 GB). Batches are subtrees of the
  // pairwise merge, so any batch size must give exactly the frontier of one batch: the same
  // vertices, edges and packages, compared with ==.
  for (std::uint32_t seed = 1; seed <= 150; ++seed) {
    Scenario s = random_space(seed);
    for (auto& issue : s.issues)
      if (issue.kind == IssueKind::continuous && !issue.steps) issue.steps = 5;
    FrontierOptions whole;
    whole.max_merge_vertices = std::numeric_limits<std::size_t>::max() / 4;
    const ParetoFrontier reference = ParetoFrontier::build(s, 0, 1, whole);
    for (const std::size_t budget : {std::size_t{1}, std::size_t{7}, std::size_t{64}}) {
      INFO("seed " << seed << ", batches of at most " << budget << " points");
      FrontierOptions batched;
      batched.max_merge_vertices = budget;
      const ParetoFrontier f = ParetoFrontier::build(s, 0, 1, batched);
      REQUIRE(f.size() == reference.size());
      for (std::size_t v = 0; v < f.size(); ++v) {
        CHECK(f.u_a(v) == reference.u_a(v));
        CHECK(f.u_b(v) == reference.u_b(v));
        const auto& p = f.vertex_package(v);
        const auto& q = reference.vertex_package(v);
        CHECK(p.issue == q.issue);
        CHECK(p.amount == q.amount);
        CHECK(f.package(ParetoFrontier::Point{v, 0.0, f.u_a(v), f.u_b(v)}) ==
              reference.package(ParetoFrontier::Point{v, 0.0, reference.u_a(v), reference.u_b(v)}));
        if (v + 1 < f.size()) CHECK(f.edge_kind(v) == reference.edge_kind(v));
      }
    }
  }
}
