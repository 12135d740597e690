// The two-party frontier over a class of agreements (FrontierOptions::restriction): its queries
// against brute force over every allowed package, its packages inside the class, and the edge
// cases (no restriction, one package, an empty class, malformed restrictions).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "issue_space_fixtures.hpp"
#include "parley/agreement/agreement_space.hpp"
#include "parley/agreement/pareto_frontier.hpp"
#include "parley/model/utility_tolerance.hpp"

using namespace parley;
using namespace parley::testing;

namespace {

// Issue layout of the random class scenarios.
constexpr std::size_t class_grid = 0;  // continuous [0, 2] with steps
constexpr std::size_t class_free = 1;  // continuous [0, 1] without steps
constexpr std::size_t class_ordinal = 2;
constexpr std::size_t class_plan = 3;  // clauses

double class_grid_point(const Issue& issue, int j) {
  return j == *issue.steps ? issue.hi : issue.lo + (issue.hi - issue.lo) * j / *issue.steps;
}

// Two belligerents over the four kinds of issue, random values of random signs; an issue is
// sometimes valued by one party only or by neither (then it must stay at its status quo, or
// the allowed option nearest it).
Scenario random_class_scenario(std::uint32_t seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  auto count = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  const int steps = count(3, 6);
  const auto levels = static_cast<std::size_t>(count(3, 5));
  const auto clauses = static_cast<std::size_t>(count(4, 6));
  std::vector<std::uint8_t> sq_clauses(clauses);
  for (auto& f : sq_clauses) f = unit(rng) < 0.5 ? 1 : 0;
  ScenarioBuilder s;
  s.continuous("grid", 0.0, 2.0).steps(steps).status_quo(2.0 * unit(rng));
  s.continuous("free", 0.0, 1.0).status_quo(unit(rng));
  s.ordinal("rank", levels).status_quo(count(0, static_cast<int>(levels) - 1));
  s.clauses("plan", clauses).status_quo_clauses(sq_clauses);
  std::vector<bool> idle(4);
  for (std::size_t k = 0; k < 4; ++k) idle[k] = unit(rng) < 0.15;
  for (int i = 0; i < 2; ++i) {
    std::vector<double> w(4);
    for (std::size_t k = 0; k < 4; ++k) w[k] = idle[k] || unit(rng) < 0.15 ? 0.0 : unit(rng);
    s.belligerent(i == 0 ? "a" : "b").weights(w);
    const auto curve = [&](double lo, double hi) {
      std::vector<std::pair<double, double>> pts{{lo, unit(rng)}};
      std::vector<double> xs;
      for (int j = count(0, 3); j > 0; --j) xs.push_back(lo + (hi - lo) * unit(rng));
      std::sort(xs.begin(), xs.end());
      for (double x : xs)
        if (x > pts.back().first + 1e-3 && x < hi - 1e-3) pts.emplace_back(x, unit(rng));
      pts.emplace_back(hi, unit(rng));
      return PiecewiseLinear(pts);
    };
    s.curve(class_grid, curve(0.0, 2.0)).curve(class_free, curve(0.0, 1.0));
    std::vector<double> lv(levels), cv(clauses);
    for (auto& v : lv) v = unit(rng);
    for (auto& v : cv) v = unit(rng) < 0.15 ? 0.0 : 2.0 * unit(rng) - 1.0;
    s.level_values(class_ordinal, lv).clause_values(class_plan, cv);
  }
  return s.build();
}

// A random class: each issue left whole about a third of the time; bounds random or exactly
// grid points; levels allowed at random; clauses free, forced in or forced out.
std::vector<IssueRestriction> random_class(const Scenario& s, std::mt19937& rng) {
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::vector<IssueRestriction> r(s.issues.size());
  const Issue& grid = s.issues[class_grid];
  const auto grid_bound = [&]() -> std::optional<double> {
    if (unit(rng) < 0.3) return std::nullopt;
    if (unit(rng) < 0.5) return class_grid_point(grid, std::uniform_int_distribution<int>(0, *grid.steps)(rng));
    return -0.3 + 2.6 * unit(rng);
  };
  if (unit(rng) < 0.7) {
    r[class_grid].lo = grid_bound();
    r[class_grid].hi = grid_bound();
  }
  if (unit(rng) < 0.7) {
    double lo = -0.2 + 1.4 * unit(rng), hi = -0.2 + 1.4 * unit(rng);
    if (unit(rng) < 0.9 && lo > hi) std::swap(lo, hi);
    if (unit(rng) < 0.1) hi = lo;
    if (unit(rng) < 0.8) r[class_free].lo = lo;
    if (unit(rng) < 0.8) r[class_free].hi = hi;
  }
  if (unit(rng) < 0.7) {
    r[class_ordinal].levels.resize(s.issues[class_ordinal].levels.size());
    for (auto& f : r[class_ordinal].levels) f = unit(rng) < 0.6 ? 1 : 0;
  }
  if (unit(rng) < 0.7) {
    r[class_plan].clauses.resize(s.issues[class_plan].clauses.size());
    for (auto& c : r[class_plan].clauses)
      c = static_cast<std::int8_t>(unit(rng) < 0.5 ? -1 : (unit(rng) < 0.5 ? 0 : 1));
  }
  return r;
}

// The class, spelled out independently of the builder: the allowed options of each issue.
struct ClassOptions {
  std::vector<double> grid;         // allowed grid amounts
  double free_lo = 0.0, free_hi = 0.0;  // allowed interval of the free issue
  std::vector<int> levels;
  std::vector<std::vector<std::uint8_t>> subsets;  // allowed clause subsets
};

ClassOptions class_options(const Scenario& s, const std::vector<IssueRestriction>& r) {
  ClassOptions o;
  const Issue& grid = s.issues[class_grid];
  for (int j = 0; j <= *grid.steps; ++j) {
    const double z = class_grid_point(grid, j);
    if ((!r[class_grid].lo || z >= *r[class_grid].lo) && (!r[class_grid].hi || z <= *r[class_grid].hi))
      o.grid.push_back(z);
  }
  const Issue& free_issue = s.issues[class_free];
  o.free_lo = std::max(free_issue.lo, r[class_free].lo.value_or(free_issue.lo));
  o.free_hi = std::min(free_issue.hi, r[class_free].hi.value_or(free_issue.hi));
  for (std::size_t l = 0; l < s.issues[class_ordinal].levels.size(); ++l)
    if (r[class_ordinal].levels.empty() || r[class_ordinal].levels[l] != 0) o.levels.push_back(static_cast<int>(l));
  const std::size_t n = s.issues[class_plan].clauses.size();
  for (std::size_t mask = 0; mask < (std::size_t{1} << n); ++mask) {
    std::vector<std::uint8_t> flags(n);
    bool allowed = true;
    for (std::size_t c = 0; c < n; ++c) {
      flags[c] = static_cast<std::uint8_t>((mask >> c) & 1U);
      if (!r[class_plan].clauses.empty() && r[class_plan].clauses[c] >= 0 && flags[c] != r[class_plan].clauses[c])
        allowed = false;
    }
    if (allowed) o.subsets.push_back(flags);
  }
  return o;
}

bool class_is_empty(const ClassOptions& o) { return o.grid.empty() || o.free_lo > o.free_hi || o.levels.empty(); }

// Whether a package lies in the class (the free amount within rounding of its interval, the
// grid amount a grid point of the class up to rounding).
bool in_class(const Scenario& s, const ClassOptions& o, const Agreement& x) {
  const double z = x.amounts[class_grid];
  if (std::none_of(o.grid.begin(), o.grid.end(), [&](double g) { return std::abs(g - z) <= tight; })) return false;
  if (x.amounts[class_free] < o.free_lo - tight || x.amounts[class_free] > o.free_hi + tight) return false;
  if (std::find(o.levels.begin(), o.levels.end(), x.level(class_ordinal)) == o.levels.end()) return false;
  const std::size_t off = s.issues[class_plan].clause_offset;
  const auto first = x.clauses.begin() + static_cast<std::ptrdiff_t>(off);
  const auto count = static_cast<std::ptrdiff_t>(s.issues[class_plan].clauses.size());
  const std::vector<std::uint8_t> flags(first, first + count);
  return std::find(o.subsets.begin(), o.subsets.end(), flags) != o.subsets.end();
}

// The brute-force optimum max { u_p : x in class, worth_at_least(u_q, floor) }, exact: every
// discrete combination, and along the free issue every piece between consecutive breakpoints
// of either party (both utilities affine on it), whose optimum is an end or the crossing
// u_q = floor. nullopt when nothing meets the floor.
struct BruteClass {
  std::vector<double> du[2];  // utility of each discrete combination, free issue left out
  std::vector<double> z;      // breakpoints of the free issue in [free_lo, free_hi]
  std::vector<double> fu[2];  // w v(z) of the free issue at each breakpoint

  BruteClass(const Scenario& s, const ClassOptions& o) {
    if (class_is_empty(o)) return;
    Agreement x = s.status_quo();
    const std::size_t off = s.issues[class_plan].clause_offset;
    for (double g : o.grid)
      for (int l : o.levels)
        for (const auto& flags : o.subsets) {
          x.amounts[class_grid] = g;
          x.amounts[class_free] = o.free_lo;
          x.amounts[class_ordinal] = l;
          std::copy(flags.begin(), flags.end(), x.clauses.begin() + static_cast<std::ptrdiff_t>(off));
          for (std::size_t p = 0; p < 2; ++p) du[p].push_back(s.utility(p, x) - free_term(s, p, o.free_lo));
        }
    z = {o.free_lo, o.free_hi};
    for (const auto& party : s.parties)
      for (const auto& [bx, bv] : party.values[class_free].curve.points())
        if (bx > o.free_lo && bx < o.free_hi) z.push_back(bx);
    std::sort(z.begin(), z.end());
    z.erase(std::unique(z.begin(), z.end()), z.end());
    for (std::size_t p = 0; p < 2; ++p)
      for (double zz : z) fu[p].push_back(free_term(s, p, zz));
  }

  static double free_term(const Scenario& s, std::size_t p, double amount) {
    const Party& party = s.parties[p];
    return party.weights[class_free] == 0.0 ? 0.0 : party.weights[class_free] * party.values[class_free].curve(amount);
  }

  [[nodiscard]] std::optional<double> best(std::size_t p, double floor) const {
    const std::size_t q = 1 - p;
    std::optional<double> out;
    const auto see = [&](double u) {
      if (!out || u > *out) out = u;
    };
    for (std::size_t c = 0; c < du[p].size(); ++c) {
      for (std::size_t i = 0; i < z.size(); ++i) {
        const double up0 = du[p][c] + fu[p][i], uq0 = du[q][c] + fu[q][i];
        if (worth_at_least(uq0, floor)) see(up0);
        if (i + 1 == z.size()) continue;
        const double up1 = du[p][c] + fu[p][i + 1], uq1 = du[q][c] + fu[q][i + 1];
        if ((uq0 - floor) * (uq1 - floor) < 0.0) {
          const double t = (floor - uq0) / (uq1 - uq0);
          see(up0 + (up1 - up0) * t);
        }
      }
    }
    return out;
  }
};

// Every package the frontier materialises, at its vertices, inside its segments and at a
// query's answer, lies in the class and has the utilities the frontier reports.
void check_point_in_class(const Scenario& s, const ClassOptions& o, const ParetoFrontier& f,
                          const ParetoFrontier::Point& p) {
  const Agreement x = f.package(p);
  INFO("vertex " << p.vertex << " t " << p.t);
  CHECK(in_class(s, o, x));
  CHECK(std::abs(s.utility(f.party_a(), x) - p.u_a) <= tight);
  CHECK(std::abs(s.utility(f.party_b(), x) - p.u_b) <= tight);
}

void check_packages_in_class(const Scenario& s, const ClassOptions& o, const ParetoFrontier& f) {
  for (std::size_t v = 0; v < f.size(); ++v) check_point_in_class(s, o, f, f.vertex(v));
  for (std::size_t j = 0; j + 1 < f.size(); ++j) {
    if (f.edge_kind(j) != ParetoFrontier::EdgeKind::segment) continue;
    for (double t : {0.25, 0.5, 0.75})
      check_point_in_class(s, o, f,
                           {j, t, f.u_a(j) + t * (f.u_a(j + 1) - f.u_a(j)), f.u_b(j) + t * (f.u_b(j + 1) - f.u_b(j))});
  }
}

// An issue neither party values stays at its status quo if allowed, else at the allowed option
// nearest it; so does a clause neither values.
void check_idle_issues(const Scenario& s, const ClassOptions& o, const std::vector<IssueRestriction>& r,
                       const Agreement& x) {
  const auto idle = [&](std::size_t k) { return s.parties[0].weights[k] == 0.0 && s.parties[1].weights[k] == 0.0; };
  if (idle(class_grid)) {
    const Issue& grid = s.issues[class_grid];
    const double target =
        std::clamp(grid.status_quo, r[class_grid].lo.value_or(grid.lo), r[class_grid].hi.value_or(grid.hi));
    double nearest = std::numeric_limits<double>::infinity();
    for (double g : o.grid) nearest = std::min(nearest, std::abs(g - target));
    CHECK(std::abs(x.amounts[class_grid] - target) <= nearest + tight);
  }
  if (idle(class_free))
    CHECK(x.amounts[class_free] == std::clamp(s.issues[class_free].status_quo, o.free_lo, o.free_hi));
  if (idle(class_ordinal)) {
    int expected = o.levels.front();
    for (int l : o.levels)
      if (std::abs(l - s.issues[class_ordinal].status_quo) < std::abs(expected - s.issues[class_ordinal].status_quo))
        expected = l;
    CHECK(x.level(class_ordinal) == expected);
  }
  const Issue& plan = s.issues[class_plan];
  for (std::size_t c = 0; c < plan.clauses.size(); ++c) {
    const auto cares = [&](std::size_t p) {
      return s.parties[p].weights[class_plan] != 0.0 && s.parties[p].values[class_plan].clause_values[c] != 0.0;
    };
    if (cares(0) || cares(1)) continue;
    const bool forced = !r[class_plan].clauses.empty() && r[class_plan].clauses[c] >= 0;
    CHECK(x.clauses[plan.clause_offset + c] == (forced ? r[class_plan].clauses[c] : plan.status_quo_clauses[c]));
  }
}

}  // namespace

TEST_CASE("over a random class, queries equal brute force and every package lies in the class",
          "[agreement][frontier-class]") {
  std::mt19937 rng(2026);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  int empty_classes = 0, with_segments = 0, idle_issues = 0;
  for (std::uint32_t seed = 1; seed <= 160; ++seed) {
    const Scenario s = random_class_scenario(seed);
    const std::vector<IssueRestriction> r = random_class(s, rng);
    FrontierOptions options;
    options.restriction = r;
    const ParetoFrontier f = ParetoFrontier::build(s, 0, 1, options);
    const ClassOptions o = class_options(s, r);
    const BruteClass brute(s, o);
    INFO("seed " << seed);
    if (class_is_empty(o)) {
      ++empty_classes;
      CHECK(f.size() == 0);
      continue;
    }
    REQUIRE(f.size() >= 1);
    with_segments += f.segment_count() > 0;
    for (std::size_t k = 0; k < 4; ++k) idle_issues += s.parties[0].weights[k] == 0.0 && s.parties[1].weights[k] == 0.0;
    check_packages_in_class(s, o, f);
    for (std::size_t v = 0; v < f.size(); ++v) check_idle_issues(s, o, r, f.package(f.vertex(v)));
    // Floors at random and at every vertex's own utilities (ties with the floor).
    std::vector<double> floors;
    for (int q = 0; q < 30; ++q) floors.push_back(-0.1 + 1.2 * unit(rng));
    for (std::size_t v = 0; v < f.size(); ++v) {
      floors.push_back(f.u_a(v));
      floors.push_back(f.u_b(v));
    }
    for (double y : floors) {
      INFO("floor " << y);
      const auto pa = f.max_a_given_b(y);
      const auto best_a = brute.best(0, y);
      REQUIRE(pa.has_value() == best_a.has_value());
      if (pa) {
        CHECK(std::abs(pa->u_a - *best_a) <= tight);
        check_point_in_class(s, o, f, *pa);
      }
      const auto pb = f.max_b_given_a(y);
      const auto best_b = brute.best(1, y);
      REQUIRE(pb.has_value() == best_b.has_value());
      if (pb) {
        CHECK(std::abs(pb->u_b - *best_b) <= tight);
        check_point_in_class(s, o, f, *pb);
      }
    }
  }
  // The property was exercised on empty classes, on polylines and on idle issues.
  CHECK(empty_classes > 5);
  CHECK(with_segments > 40);
  CHECK(idle_issues > 10);
}

TEST_CASE("a restriction that allows everything gives the unrestricted frontier", "[agreement][frontier-class]") {
  const auto same = [](const ParetoFrontier& f, const ParetoFrontier& g, bool packages) {
    REQUIRE(f.size() == g.size());
    for (std::size_t v = 0; v < f.size(); ++v) {
      CHECK(f.u_a(v) == g.u_a(v));
      CHECK(f.u_b(v) == g.u_b(v));
      if (packages) CHECK(f.package(f.vertex(v)) == g.package(g.vertex(v)));
    }
    for (std::size_t j = 0; j + 1 < f.size(); ++j) {
      CHECK(f.edge_kind(j) == g.edge_kind(j));
      CHECK(f.moving_issue(j) == g.moving_issue(j));
      if (packages && f.edge_kind(j) == ParetoFrontier::EdgeKind::segment)
        CHECK(f.package({j, 0.5, 0.0, 0.0}) == g.package({j, 0.5, 0.0, 0.0}));
    }
    CHECK(f.epsilon() == g.epsilon());
  };
  for (std::uint32_t seed = 1; seed <= 60; ++seed) {
    INFO("seed " << seed);
    const Scenario s = seed % 2 == 0 ? random_space(seed) : random_class_scenario(seed);
    const ParetoFrontier whole = ParetoFrontier::build(s, 0, 1);
    // One default entry per issue: the very same build.
    FrontierOptions defaults;
    defaults.restriction.resize(s.issues.size());
    same(whole, ParetoFrontier::build(s, 0, 1, defaults), true);
    // Every field spelled out as the whole issue: the same utilities and edges (an idle grid
    // issue's status quo may be snapped by another formula, equal up to rounding).
    FrontierOptions spelled;
    for (const Issue& issue : s.issues) {
      IssueRestriction r;
      if (issue.kind == IssueKind::ordinal) r.levels.assign(issue.levels.size(), 1);
      if (issue.kind == IssueKind::continuous) {
        r.lo = issue.lo;
        r.hi = issue.hi;
      }
      if (issue.kind == IssueKind::clauses) r.clauses.assign(issue.clauses.size(), -1);
      spelled.restriction.push_back(r);
    }
    same(whole, ParetoFrontier::build(s, 0, 1, spelled), false);
  }
}

TEST_CASE("a class of one package has one vertex, that package", "[agreement][frontier-class]") {
  for (std::uint32_t seed = 1; seed <= 30; ++seed) {
    INFO("seed " << seed);
    const Scenario s = random_class_scenario(seed);
    std::vector<IssueRestriction> r(4);
    const Issue& grid = s.issues[class_grid];
    const int j = static_cast<int>(seed % static_cast<std::uint32_t>(*grid.steps + 1));
    r[class_grid].lo = r[class_grid].hi = class_grid_point(grid, j);
    r[class_free].lo = r[class_free].hi = 0.3;
    r[class_ordinal].levels.assign(s.issues[class_ordinal].levels.size(), 0);
    r[class_ordinal].levels[seed % r[class_ordinal].levels.size()] = 1;
    for (std::size_t c = 0; c < s.issues[class_plan].clauses.size(); ++c)
      r[class_plan].clauses.push_back(static_cast<std::int8_t>((seed >> c) & 1U));
    FrontierOptions options;
    options.restriction = r;
    const ParetoFrontier f = ParetoFrontier::build(s, 0, 1, options);
    REQUIRE(f.size() == 1);
    const Agreement x = f.package(f.vertex(0));
    CHECK(x.amounts[class_grid] == class_grid_point(grid, j));
    CHECK(x.amounts[class_free] == 0.3);
    CHECK(x.level(class_ordinal) == static_cast<int>(seed % r[class_ordinal].levels.size()));
    for (std::size_t c = 0; c < s.issues[class_plan].clauses.size(); ++c)
      CHECK(static_cast<unsigned>(x.clauses[s.issues[class_plan].clause_offset + c]) == ((seed >> c) & 1U));
    CHECK(std::abs(s.utility(0, x) - f.u_a(0)) <= tight);
    CHECK(std::abs(s.utility(1, x) - f.u_b(0)) <= tight);
    CHECK(f.max_a_given_b(f.u_b(0))->u_a == f.u_a(0));
    CHECK_FALSE(f.max_a_given_b(f.u_b(0) + 1e-6));
  }
}

TEST_CASE("forced clauses stay forced, good and bad for both alike", "[agreement][frontier-class]") {
  // Clause 0 good for both, 1 bad for both, 2 and 3 traded: the unrestricted frontier has 0 in
  // and 1 out everywhere (pareto_frontier_test.cpp); forcing 0 out and 1 in moves every vertex
  // by the same amount without renormalising (ranges stay 4.5 each).
  const Scenario s = ScenarioBuilder()
                         .clauses("plan", 4)
                         .belligerent("a").weights({1.0}).clause_values(0, {1.0, -1.0, 2.0, -0.5})
                         .belligerent("b").weights({1.0}).clause_values(0, {0.5, -2.0, -1.0, 1.0})
                         .build();
  FrontierOptions options;
  options.restriction.resize(1);
  options.restriction[0].clauses = {0, 1, -1, 1};
  const ParetoFrontier f = ParetoFrontier::build(s, 0, 1, options);
  // v = (sum over S - min) / (max - min): a's min -1.5, b's -3. Subset {1, 3}: a -1.5 -> 0,
  // b -1 -> 2 / 4.5; {1, 2, 3}: a 0.5 -> 2 / 4.5, b -2 -> 1 / 4.5. Both efficient.
  REQUIRE(f.size() == 2);
  CHECK(f.u_a(0) == Approx(0.0).margin(tight));
  CHECK(f.u_b(0) == Approx(2.0 / 4.5).margin(tight));
  CHECK(f.u_a(1) == Approx(2.0 / 4.5).margin(tight));
  CHECK(f.u_b(1) == Approx(1.0 / 4.5).margin(tight));
  CHECK(f.package(f.vertex(0)).clauses == std::vector<std::uint8_t>{0, 1, 0, 1});
  CHECK(f.package(f.vertex(1)).clauses == std::vector<std::uint8_t>{0, 1, 1, 1});
}

TEST_CASE("an idle issue outside the class moves to the allowed option nearest its status quo",
          "[agreement][frontier-class]") {
  const Scenario s = ScenarioBuilder()
                         .continuous("pie")
                         .continuous("idle", 0.0, 4.0).status_quo(2.5)
                         .continuous("grid", 0.0, 1.0).steps(4).status_quo(0.5)
                         .ordinal("rank", 5).status_quo(2)
                         .belligerent("a").weights({1.0, 0.0, 0.0, 0.0}).curve(0, PiecewiseLinear::increasing(0.0, 1.0))
                         .belligerent("b").weights({1.0, 0.0, 0.0, 0.0}).curve(0, PiecewiseLinear::decreasing(0.0, 1.0))
                         .build();
  FrontierOptions options;
  options.restriction.resize(4);
  options.restriction[1].hi = 1.5;
  options.restriction[2].lo = 0.6;  // grid points 0.75 and 1 inside
  options.restriction[3].levels = {1, 1, 0, 0, 1};  // levels 1 and 4: 1 is the nearer to 2
  const ParetoFrontier f = ParetoFrontier::build(s, 0, 1, options);
  REQUIRE(f.size() == 2);
  for (const Agreement& x : {f.package(f.vertex(0)), f.package(f.max_a_given_b(0.4).value())}) {
    CHECK(x.amounts[1] == 1.5);
    CHECK(x.amounts[2] == 0.75);
    CHECK(x.level(3) == 1);
  }
  // A tie between allowed levels 1 and 3 goes to the lower.
  options.restriction[3].levels = {0, 1, 0, 1, 0};
  CHECK(ParetoFrontier::build(s, 0, 1, options).package(ParetoFrontier::Point{}).level(3) == 1);
  // An allowed status quo stays.
  options.restriction[3].levels = {0, 0, 1, 0, 1};
  CHECK(ParetoFrontier::build(s, 0, 1, options).package(ParetoFrontier::Point{}).level(3) == 2);
}

TEST_CASE("a continuous issue cut to a sub-interval: its breakpoints clipped, its ends added",
          "[agreement][frontier-class]") {
  // Pie splitting with a's share in [0.2, 0.7]: the frontier is the segment from (0.2, 0.8) to
  // (0.7, 0.3); a single amount is a single vertex.
  const Scenario s = pie();
  FrontierOptions options;
  options.restriction.resize(1);
  options.restriction[0].lo = 0.2;
  options.restriction[0].hi = 0.7;
  const ParetoFrontier f = ParetoFrontier::build(s, 0, 1, options);
  REQUIRE(f.size() == 2);
  CHECK(f.u_a(0) == Approx(0.2).margin(tight));
  CHECK(f.u_a(1) == Approx(0.7).margin(tight));
  CHECK(f.edge_kind(0) == ParetoFrontier::EdgeKind::segment);
  CHECK(f.max_a_given_b(0.1)->u_a == Approx(0.7).margin(tight));
  CHECK(f.max_a_given_b(0.5)->u_a == Approx(0.5).margin(tight));
  CHECK_FALSE(f.max_a_given_b(0.85));
  CHECK_FALSE(f.max_b_given_a(0.75));
  options.restriction[0].lo = 0.4;
  options.restriction[0].hi = 0.4;
  const ParetoFrontier point = ParetoFrontier::build(s, 0, 1, options);
  REQUIRE(point.size() == 1);
  CHECK(point.package(point.vertex(0)).amounts[0] == 0.4);
}

TEST_CASE("an empty class gives an empty frontier and an agreement space with no point",
          "[agreement][frontier-class]") {
  const Scenario s = random_class_scenario(7);
  std::vector<std::vector<IssueRestriction>> empties(3, std::vector<IssueRestriction>(4));
  empties[0][class_ordinal].levels.assign(s.issues[class_ordinal].levels.size(), 0);
  empties[1][class_free].lo = 0.6;
  empties[1][class_free].hi = 0.4;
  // [0.1, 0.2] holds no point of a grid of step at least 1/3 over [0, 2].
  empties[2][class_grid].lo = 0.1;
  empties[2][class_grid].hi = 0.2;
  for (const auto& r : empties) {
    AgreementSpaceOptions options;
    options.frontier.restriction = r;
    const ParetoFrontier f = ParetoFrontier::build(s, 0, 1, options.frontier);
    CHECK(f.size() == 0);
    CHECK(f.segment_count() == 0);
    CHECK(f.epsilon() == 0.0);
    for (double y : {-1e9, -1.0, 0.0, 0.5, 1.0}) {
      CHECK_FALSE(f.max_a_given_b(y));
      CHECK_FALSE(f.max_b_given_a(y));
    }
    const AgreementSpace space(s, options);
    CHECK(space.point_count() == 0);
    CHECK(space.edge_count() == 0);
    CHECK(space.epsilon() == 0.0);
    const std::vector<double> floors{0.0, 0.0};
    CHECK_FALSE(space.best_for(0, floors));
    CHECK_FALSE(space.best_for(1, floors));
    CHECK_FALSE(space.best_for_others(0, -1.0));
    CHECK_FALSE(space.best_for_others(1, -1.0));
    // max_utility stays over the whole space.
    CHECK(space.max_utility(0) == AgreementSpace(s).max_utility(0));
  }
}

TEST_CASE("malformed restrictions throw, naming the issue", "[agreement][frontier-class]") {
  const Scenario s = random_class_scenario(3);
  const auto build_with = [&](const std::vector<IssueRestriction>& r) {
    FrontierOptions options;
    options.restriction = r;
    return ParetoFrontier::build(s, 0, 1, options);
  };
  CHECK_THROWS_AS(build_with(std::vector<IssueRestriction>(3)), std::invalid_argument);
  CHECK_THROWS_AS(build_with(std::vector<IssueRestriction>(5)), std::invalid_argument);
  const auto fails = [&](std::size_t k, auto edit, const std::string& issue_id) {
    std::vector<IssueRestriction> r(4);
    edit(r[k]);
    CHECK_THROWS_WITH(build_with(r), Catch::Contains("'" + issue_id + "'"));
    CHECK_THROWS_AS(build_with(r), std::invalid_argument);
  };
  const std::size_t levels = s.issues[class_ordinal].levels.size();
  const std::size_t clauses = s.issues[class_plan].clauses.size();
  // Sizes.
  fails(class_ordinal, [&](IssueRestriction& r) { r.levels.assign(levels + 1, 1); }, "rank");
  fails(class_plan, [&](IssueRestriction& r) { r.clauses.assign(clauses - 1, -1); }, "plan");
  // Kinds.
  fails(class_grid, [&](IssueRestriction& r) { r.levels.assign(levels, 1); }, "grid");
  fails(class_plan, [&](IssueRestriction& r) { r.levels.assign(levels, 1); }, "plan");
  fails(class_ordinal, [](IssueRestriction& r) { r.lo = 0.0; }, "rank");
  fails(class_plan, [](IssueRestriction& r) { r.hi = 1.0; }, "plan");
  fails(class_free, [&](IssueRestriction& r) { r.clauses.assign(clauses, -1); }, "free");
  fails(class_ordinal, [&](IssueRestriction& r) { r.clauses.assign(clauses, -1); }, "rank");
  // Values.
  fails(class_free, [](IssueRestriction& r) { r.lo = std::numeric_limits<double>::quiet_NaN(); }, "free");
  fails(class_plan, [&](IssueRestriction& r) { r.clauses.assign(clauses, 2); }, "plan");
  // Well-formed: no throw.
  std::vector<IssueRestriction> fine(4);
  fine[class_ordinal].levels.assign(levels, 1);
  fine[class_plan].clauses.assign(clauses, -1);
  fine[class_free].lo = 0.5;
  CHECK_NOTHROW(build_with(fine));
}

TEST_CASE("the agreement space passes a class to its frontier, or with three veto parties to its epsilon set",
          "[agreement][frontier-class]") {
  const Scenario s = random_class_scenario(11);
  AgreementSpaceOptions options;
  options.frontier.restriction.resize(4);
  options.frontier.restriction[class_free].lo = 0.25;
  options.frontier.restriction[class_free].hi = 0.5;
  options.frontier.restriction[class_ordinal].levels.assign(s.issues[class_ordinal].levels.size(), 0);
  options.frontier.restriction[class_ordinal].levels[1] = 1;
  const AgreementSpace space(s, options);
  const ParetoFrontier f = ParetoFrontier::build(s, 0, 1, options.frontier);
  REQUIRE(space.point_count() == f.size());
  for (std::size_t v = 0; v < f.size(); ++v) CHECK(space.frontier().u_a(v) == f.u_a(v));
  const ClassOptions o = class_options(s, options.frontier.restriction);
  const std::vector<double> floors{0.0, 0.3};
  if (const auto p = space.best_for(0, floors)) CHECK(in_class(s, o, space.package(*p)));

  const Scenario three = random_space(5, 3);
  REQUIRE(three.veto_parties().size() == 3);
  AgreementSpaceOptions restricted;
  restricted.frontier.restriction.resize(three.issues.size());
  // Every issue's upper half (levels, clauses forced out, bounds): the set keeps to it.
  for (std::size_t k = 0; k < three.issues.size(); ++k) {
    const Issue& issue = three.issues[k];
    IssueRestriction& r = restricted.frontier.restriction[k];
    if (issue.kind == IssueKind::ordinal) {
      r.levels.assign(issue.levels.size(), 0);
      for (std::size_t l = issue.levels.size() / 2; l < issue.levels.size(); ++l) r.levels[l] = 1;
    } else if (issue.kind == IssueKind::continuous) {
      r.lo = (issue.lo + issue.hi) / 2;
    } else {
      r.clauses.assign(issue.clauses.size(), -1);
      r.clauses[0] = 0;
    }
  }
  const auto keeps_to = [&](const Agreement& x) {
    for (std::size_t k = 0; k < three.issues.size(); ++k) {
      const Issue& issue = three.issues[k];
      const IssueRestriction& r = restricted.frontier.restriction[k];
      if (issue.kind == IssueKind::ordinal && r.levels[static_cast<std::size_t>(x.level(k))] == 0) return false;
      if (issue.kind == IssueKind::continuous && x.amounts[k] < *r.lo - tight) return false;
      if (issue.kind == IssueKind::clauses && x.clauses[issue.clause_offset] != 0) return false;
    }
    return true;
  };
  const AgreementSpace three_class(three, restricted);
  REQUIRE(three_class.point_count() > 0);
  for (std::size_t p = 0; p < three_class.point_count(); ++p) CHECK(keeps_to(three_class.package(three_class.point(p))));
  // The whole space's set does not keep to the class: some point of it lies outside.
  const AgreementSpace whole(three);
  bool outside = false;
  for (std::size_t p = 0; p < whole.point_count(); ++p) outside = outside || !keeps_to(whole.package(whole.point(p)));
  CHECK(outside);
}
