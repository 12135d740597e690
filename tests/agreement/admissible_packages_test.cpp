// The packages that can be signed (issue 15). Red lines: terms a party never signs, whatever the
// rest is worth; a veto party's take the packages that cross them out of the agreement space
// (the frontier, the zone, the solutions and the solver's offers), the engine rejects a package
// that crosses one whatever the strategy, a plan that crosses one never passes, and `analyze`
// says which line empties or narrows the zone. Constraints between terms (excludes, requires)
// do the same for everyone: the frontier over the union of classes they leave equals the
// brute-force frontier of the packages that keep them. The loader names file, line and key.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <iterator>
#include <string>
#include <set>
#include <utility>
#include <vector>

#include "../support/scenario_builder.hpp"
#include "parley/agreement/agreement_space.hpp"
#include "parley/agreement/bargaining_solution.hpp"
#include "parley/agreement/admissible_packages.hpp"
#include "parley/engine/monte_carlo.hpp"
#include "parley/engine/simulation.hpp"
#include "parley/equilibrium/bargaining_equilibrium.hpp"
#include "parley/io/format/diagnostic.hpp"
#include "parley/io/scenario/scenario_document.hpp"
#include "parley/io/scenario/scenario_loader.hpp"
#include "parley/solve/scenario_analysis.hpp"

using namespace parley;

namespace {

// Fearon's lottery (p = 0.6, c = 0.1 each; the zone gives A a share in [0.5, 0.7]), with `lines`
// added to side B's entry as YAML flow maps.
Scenario fearon_with(const std::string& lines, const std::string& a_lines = "") {
  io::ScenarioDocument doc = io::parse_scenario_argument("fearon");
  if (!lines.empty()) io::apply_override(doc, "parties.b.red_lines", "[" + lines + "]");
  if (!a_lines.empty()) io::apply_override(doc, "parties.a.red_lines", "[" + a_lines + "]");
  return io::build_scenario(doc);
}

// A pie with an ordinal guarantee and three clauses, two veto parties: every package is a
// share, a guarantee level and a subset of the clauses.
const char* const kTalks = R"(title: Red lines
horizon: 4
issues:
  - {id: share, kind: continuous}
  - {id: guarantee, kind: ordinal, levels: [none, bilateral, alliance]}
  - {id: plan, kind: clauses, clauses: [{id: ceasefire}, {id: recognition}, {id: troops}]}
parties:
  - id: north
    weights: {share: 0.5, guarantee: 0.2, plan: 0.3}
    values:
      share: increasing
      guarantee: {none: 1, bilateral: 0.5, alliance: 0}
      plan: {ceasefire: 0.2, recognition: 1.0, troops: -0.6}
    red_lines:
      - {issue: plan, always: [ceasefire], never: [troops]}
  - id: south
    weights: {share: 0.5, guarantee: 0.3, plan: 0.2}
    values:
      share: decreasing
      guarantee: {none: 0, bilateral: 0.6, alliance: 1}
      plan: {ceasefire: 0.5, recognition: -1.0, troops: 0.8}
    red_lines:
      - {issue: plan, never: [recognition]}
      - {issue: guarantee, never: [none]}
      - {issue: share, at_most: 0.7}
)";

std::vector<io::Diagnostic> red_line_errors(const std::string& yaml) {
  try {
    (void)io::build_scenario(io::parse_scenario_text(yaml, "talks.yaml", "talks"));
  } catch (const io::ScenarioError& e) {
    return e.diagnostics();
  }
  return {};
}

std::string with_south_lines(const std::string& lines) {
  std::string yaml = kTalks;
  const std::string from = "      - {issue: plan, never: [recognition]}\n";
  yaml.replace(yaml.find(from), from.size(), lines);
  return yaml;
}

}  // namespace

TEST_CASE("red lines: a package crosses a line by its term on the line's issue", "[red_lines]") {
  const Scenario s = io::build_scenario(io::parse_scenario_text(kTalks, "talks.yaml", "talks"));
  const std::size_t north = 0, south = 1;
  REQUIRE(s.parties[south].red_lines.size() == 3);
  Agreement x = s.status_quo();
  x.amounts[0] = 0.5;
  x.amounts[1] = 1;                     // bilateral
  x.clauses = {1, 0, 0};                // ceasefire only
  CHECK_FALSE(s.crosses_veto_red_line(x));
  x.clauses = {1, 1, 0};                // recognition: south's line
  CHECK(s.red_lines_crossed(south, x) == std::vector<std::size_t>{0});
  CHECK_FALSE(s.crosses_red_line(north, x));
  x.clauses = {0, 0, 0};                // no ceasefire: north's line
  CHECK(s.crosses_red_line(north, x));
  x.clauses = {1, 0, 0};
  x.amounts[1] = 0;                     // no guarantee
  CHECK(s.red_lines_crossed(south, x) == std::vector<std::size_t>{1});
  x.amounts[1] = 2;
  x.amounts[0] = 0.7;                   // at_most is inclusive
  CHECK_FALSE(s.crosses_veto_red_line(x));
  x.amounts[0] = 0.7000001;
  CHECK(s.red_lines_crossed(south, x) == std::vector<std::size_t>{2});
}

TEST_CASE("red lines: the agreement space holds only packages no veto party's line excludes", "[red_lines]") {
  const Scenario s = io::build_scenario(io::parse_scenario_text(kTalks, "talks.yaml", "talks"));
  const AgreementSpace space(s);
  REQUIRE(space.point_count() > 1);
  for (std::size_t v = 0; v < space.point_count(); ++v) {
    INFO("vertex " << v);
    CHECK_FALSE(s.crosses_veto_red_line(space.package(space.point(v))));
  }
  // The same space without the lines reaches packages that cross them (north's best has
  // recognition in it), and its frontier dominates: lifting lines only adds packages.
  Scenario lifted = s;
  for (Party& p : lifted.parties) p.red_lines.clear();
  const AgreementSpace all(lifted);
  const std::vector<double> none(2, -1e9);
  const auto best = all.best_for(0, none);
  REQUIRE(best);
  CHECK(s.crosses_veto_red_line(all.package(*best)));
  const auto best_kept = space.best_for(0, none);
  REQUIRE(best_kept);
  CHECK(best_kept->value < best->value);
  CHECK_FALSE(s.crosses_veto_red_line(space.package(*best_kept)));
  // Every query's answer respects them: the best for south given north's floors.
  for (double floor : {0.2, 0.4, 0.6}) {
    const std::vector<double> floors{floor, -1e9};
    if (const auto p = space.best_for(1, floors)) CHECK_FALSE(s.crosses_veto_red_line(space.package(*p)));
  }
}

TEST_CASE("red lines: the restriction intersects lines, and contradictory ones leave no package", "[red_lines]") {
  const Scenario s = io::build_scenario(io::parse_scenario_text(kTalks, "talks.yaml", "talks"));
  const std::vector<std::size_t> both{0, 1};
  const auto r = red_line_restriction(s, both);
  REQUIRE(r.size() == 3);
  CHECK(r[0].hi == 0.7);
  CHECK_FALSE(r[0].lo);
  CHECK(r[1].levels == std::vector<std::uint8_t>{0, 1, 1});
  CHECK(r[2].clauses == std::vector<std::int8_t>{1, 0, 0});
  CHECK_FALSE(r[2].none);
  // A clause forced in by one restriction and out by another: nothing can be signed.
  std::vector<IssueRestriction> other(3);
  other[2].clauses = {0, -1, -1};
  const auto clash = intersect_restrictions(s, r, other);
  CHECK(clash[2].none);
  AgreementSpaceOptions options;
  options.frontier.restriction = other;
  CHECK(AgreementSpace(s, options).point_count() == 0);
}

TEST_CASE("red lines: analyze says which line empties the zone and which narrows it", "[red_lines]") {
  // B never gives A more than 0.45: the zone [0.5, 0.7] for A is gone.
  const Scenario empties = fearon_with("{issue: share, at_most: 0.45}");
  const ScenarioAnalysis a = analyze_scenario(empties);
  CHECK_FALSE(a.zopa.exists);
  REQUIRE(a.zopa_without_red_lines);
  CHECK(a.zopa_without_red_lines->exists);
  REQUIRE(a.red_line_effects.size() == 1);
  CHECK(a.red_line_effects[0].without.exists);
  CHECK_FALSE(a.nash);
  // B never gives more than 0.55: the zone is [0.5, 0.55] for A, and the Nash share (0.6
  // without the line: the midpoint of [0.5, 0.7], where (x - 0.5)(0.7 - x) peaks) is capped at
  // the line, the product rising all the way to it.
  const Scenario narrows = fearon_with("{issue: share, at_most: 0.55}");
  const ScenarioAnalysis n = analyze_scenario(narrows);
  REQUIRE(n.zopa.exists);
  CHECK(std::abs(n.zopa.sides[0].high - 0.55) < 1e-12);
  CHECK(std::abs(n.red_line_effects[0].without.sides[0].high - 0.7) < 1e-12);
  REQUIRE(n.nash);
  CHECK(std::abs(n.nash->utilities[0] - 0.55) < 1e-12);
  // A line nothing in the zone reaches does not bind.
  const ScenarioAnalysis loose = analyze_scenario(fearon_with("{issue: share, at_most: 0.9}"));
  CHECK(loose.zopa.sides[0].high == loose.red_line_effects[0].without.sides[0].high);
  // The equilibrium respects the line too: A proposes and takes what B allows, 0.55 (0.7
  // without the line: p + c_B).
  const AgreementSpace space(narrows);
  const auto eq = BargainingEquilibrium::solve(narrows, space);
  const int s0 = eq.start_state();
  CHECK(std::abs(eq.value(0, s0, 0) - 0.55) < 1e-12);
}

TEST_CASE("red lines: the engine rejects a crossing package whatever the strategy", "[red_lines]") {
  // Both play equilibrium: A offers B exactly its value of fighting (A keeps 0.7); with B's line
  // at 0.55 that offer is gone from the space, and A offers 0.55 instead, which settles.
  const Scenario narrows = fearon_with("{issue: share, at_most: 0.55}");
  const Simulation simulation(narrows);
  RunOptions options;
  options.runs = 40;
  options.threads = 1;
  const RunSummary summary = simulate(simulation, options);
  REQUIRE(summary.settled.count == summary.runs);
  CHECK(std::abs(summary.utility[0].mean - 0.55) < 1e-12);
}

TEST_CASE("red lines: a plan that crosses a veto party's line never passes", "[red_lines][plan]") {
  // Rubinstein's pie with a plan mediator and no counter-proposals: the split 0.6 / 0.4 passes
  // at once without lines (mediator_plan_test.cpp); with player 2 never giving more than 0.55 it
  // is rejected at every period, however good it is for player 2.
  using parley::testing::ScenarioBuilder;
  ScenarioBuilder b("plan-pie");
  b.horizon(10)
      .continuous("pie")
      .belligerent("player1").discount(0.9).weights({1.0}).curve(0, PiecewiseLinear::increasing(0.0, 1.0)).reservation(0.5)
      .belligerent("player2").discount(0.8).weights({1.0}).curve(0, PiecewiseLinear::decreasing(0.0, 1.0)).reservation(0.4)
      .mediator("mediator").weights({1.0}).curve(0, PiecewiseLinear::increasing(0.0, 1.0))
      .strategy(parley::testing::strategy("plan")).proposal(Agreement{{0.6}, {}})
      .mediated(2, {0, 1}, false);
  Scenario sc = b.build();
  const auto passes = BargainingEquilibrium::solve(sc, AgreementSpace(sc));
  CHECK(passes.plan_verdict(0, 0) == PlanVerdict::passes);
  RedLine line;
  line.issue = 0;
  line.at_most = 0.55;
  sc.parties[1].red_lines.push_back(line);
  const auto crossed = BargainingEquilibrium::solve(sc, AgreementSpace(sc));
  for (int t = 0; t < 10; ++t) CHECK(crossed.plan_verdict(t, 0) == PlanVerdict::rejected);
  CHECK(crossed.plan_rejected_by(0, 0) == 0b10);  // player 2 alone, for its red line
  CHECK(passes.plan_rejected_by(0, 0) == 0);
  CHECK(crossed.path().settled == 0.0);
}

TEST_CASE("red lines: the loader names the file, line and key of a line it cannot take", "[red_lines]") {
  CHECK(red_line_errors(kTalks).empty());
  const auto first = [](const std::vector<io::Diagnostic>& errors) {
    REQUIRE_FALSE(errors.empty());
    return errors.front();
  };
  const auto unknown = first(red_line_errors(with_south_lines("      - {issue: plan, never: [recognitoin]}\n")));
  CHECK(unknown.file == "talks.yaml");
  CHECK(unknown.line == 23);
  CHECK(unknown.path == "parties[1].red_lines[0].never[0]");
  CHECK_THAT(unknown.message, Catch::Contains("unknown clause 'recognitoin'") && Catch::Contains("recognition"));
  const auto wrong_kind = first(red_line_errors(with_south_lines("      - {issue: guarantee, at_most: 1}\n")));
  CHECK(wrong_kind.path == "parties[1].red_lines[0].at_most");
  CHECK_THAT(wrong_kind.message, Catch::Contains("continuous"));
  const auto every_level =
      first(red_line_errors(with_south_lines("      - {issue: guarantee, never: [none, bilateral, alliance]}\n")));
  CHECK_THAT(every_level.message, Catch::Contains("every level"));
  const auto no_issue = first(red_line_errors(with_south_lines("      - {never: [troops]}\n")));
  CHECK_THAT(no_issue.message, Catch::Contains("issue"));
  const auto list_issue = first(red_line_errors(with_south_lines("      - {issue: [plan], never: [troops]}\n")));
  CHECK(list_issue.path == "parties[1].red_lines[0].issue");
  CHECK_THAT(list_issue.message, Catch::Contains("expected an identifier"));
  // North always wants the ceasefire; south never signs it: together nothing can be signed.
  const auto clash = first(red_line_errors(with_south_lines("      - {issue: plan, never: [ceasefire]}\n")));
  CHECK(clash.path == "parties");
  CHECK_THAT(clash.message, Catch::Contains("leave no package") && Catch::Contains("plan"));
  // Three veto parties: red lines load as with two (the epsilon-Pareto set covers the packages
  // that cross none; tested below).
  std::string three = kTalks;
  three += "  - {id: west, weights: {share: 1}, values: {share: increasing}}\n";
  CHECK(red_line_errors(three).empty());
}

namespace {

// A small discrete space (5 x 3 x 3 x 2^3 = 360 packages) for brute force: a stepped share, two
// ordinal issues and three clauses, two veto parties with opposed tastes, and `constraints`.
std::string discrete_talks(const std::string& constraints) {
  return std::string(R"(title: Constrained
horizon: 3
issues:
  - {id: share, kind: continuous, steps: 4}
  - {id: guarantee, kind: ordinal, levels: [none, bilateral, alliance]}
  - {id: cap, kind: ordinal, levels: [no_cap, cap_high, cap_low]}
  - {id: plan, kind: clauses, clauses: [{id: ceasefire}, {id: elections}, {id: amnesty}]}
parties:
  - id: north
    weights: {share: 0.4, guarantee: 0.2, cap: 0.2, plan: 0.2}
    values:
      share: increasing
      guarantee: {none: 1, bilateral: 0.3, alliance: 0}
      cap: {no_cap: 0, cap_high: 0.5, cap_low: 1}
      plan: {ceasefire: 0.3, elections: 1.0, amnesty: 0.6}
  - id: south
    weights: {share: 0.4, guarantee: 0.3, cap: 0.1, plan: 0.2}
    values:
      share: decreasing
      guarantee: {none: 0, bilateral: 0.7, alliance: 1}
      cap: {no_cap: 1, cap_high: 0.6, cap_low: 0}
      plan: {ceasefire: 0.8, elections: -0.4, amnesty: -0.2}
)") + constraints;
}

// Every package of discrete_talks' space.
std::vector<Agreement> every_package(const Scenario& s) {
  std::vector<Agreement> out;
  for (int share = 0; share <= 4; ++share)
    for (int g = 0; g < 3; ++g)
      for (int c = 0; c < 3; ++c)
        for (int mask = 0; mask < 8; ++mask) {
          Agreement x = s.status_quo();
          x.amounts[0] = share / 4.0;
          x.amounts[1] = g;
          x.amounts[2] = c;
          for (int k = 0; k < 3; ++k) x.clauses[static_cast<std::size_t>(k)] = static_cast<std::uint8_t>(mask >> k & 1);
          out.push_back(x);
        }
  return out;
}

// The utility pairs (u_north, u_south) of the non-dominated admissible packages, by brute force.
std::set<std::pair<double, double>> brute_force_frontier(const Scenario& s) {
  std::vector<std::pair<double, double>> points;
  for (const Agreement& x : every_package(s))
    if (s.admissible(x)) points.emplace_back(s.utility(0, x), s.utility(1, x));
  std::set<std::pair<double, double>> out;
  for (const auto& p : points) {
    const bool dominated = std::any_of(points.begin(), points.end(), [&](const auto& q) {
      return q.first >= p.first - 1e-12 && q.second >= p.second - 1e-12 &&
             (q.first > p.first + 1e-12 || q.second > p.second + 1e-12);
    });
    if (!dominated) out.emplace(std::round(p.first * 1e9) / 1e9, std::round(p.second * 1e9) / 1e9);
  }
  return out;
}

std::set<std::pair<double, double>> space_frontier(const AgreementSpace& space) {
  std::set<std::pair<double, double>> out;
  for (std::size_t v = 0; v < space.point_count(); ++v)
    out.emplace(std::round(space.utility(space.point(v), 0) * 1e9) / 1e9,
                std::round(space.utility(space.point(v), 1) * 1e9) / 1e9);
  return out;
}

}  // namespace

TEST_CASE("constraints: the frontier over the classes they leave is the brute-force frontier", "[red_lines]") {
  const std::vector<std::string> cases = {
      "",
      "constraints:\n  - {excludes: [cap.cap_low, guarantee.alliance]}\n",
      "constraints:\n  - {requires: [plan.elections, plan.ceasefire]}\n",
      "constraints:\n  - {excludes: [cap.cap_low, guarantee.alliance]}\n  - {excludes: [cap.cap_low, guarantee.bilateral]}\n"
      "  - {requires: [plan.amnesty, guarantee.none]}\n",
  };
  for (const std::string& constraints : cases) {
    INFO("constraints: " << constraints);
    const Scenario s = io::build_scenario(io::parse_scenario_text(discrete_talks(constraints), "c.yaml", "c"));
    const AgreementSpace space(s);
    for (std::size_t v = 0; v < space.point_count(); ++v) CHECK(s.admissible(space.package(space.point(v))));
    CHECK(space_frontier(space) == brute_force_frontier(s));
  }
}

TEST_CASE("three veto parties: the space is the brute-force efficient set of the signable packages",
          "[red_lines]") {
  // discrete_talks with a third veto party, west, whose red lines and the constraints cut the
  // space: every package is enumerable, the epsilon-Pareto set needs no pruning (epsilon 0), so
  // its points must be exactly the non-dominated (north, south, west) triples of the admissible
  // packages.
  const std::string west = R"(  - id: west
    weights: {share: 0.2, guarantee: 0.3, cap: 0.2, plan: 0.3}
    values:
      share: decreasing
      guarantee: {none: 0.2, bilateral: 1, alliance: 0.4}
      cap: {no_cap: 0.3, cap_high: 1, cap_low: 0}
      plan: {ceasefire: 1, elections: 0.5, amnesty: -0.7}
    red_lines:
      - {issue: guarantee, never: [none]}
      - {issue: plan, never: [amnesty]}
)";
  const std::vector<std::string> cases = {
      "", "constraints:\n  - {excludes: [cap.cap_low, guarantee.alliance]}\n  - {requires: [plan.elections, plan.ceasefire]}\n"};
  for (const std::string& constraints : cases) {
    INFO("constraints: " << constraints);
    std::string yaml = discrete_talks("");
    yaml += west + constraints;
    const Scenario s = io::build_scenario(io::parse_scenario_text(yaml, "w.yaml", "w"));
    REQUIRE(s.veto_parties().size() == 3);
    const AgreementSpace space(s);
    REQUIRE_FALSE(space.is_exact());
    CHECK(space.epsilon() == 0.0);
    const auto rounded = [](double u) { return std::round(u * 1e9) / 1e9; };
    std::set<std::vector<double>> from_space;
    for (std::size_t v = 0; v < space.point_count(); ++v) {
      const Agreement x = space.package(space.point(v));
      CHECK(s.admissible(x));
      CHECK_FALSE(s.crosses_red_line(2, x));
      from_space.insert({rounded(s.utility(0, x)), rounded(s.utility(1, x)), rounded(s.utility(2, x))});
    }
    std::vector<std::vector<double>> points;
    for (const Agreement& x : every_package(s))
      if (s.admissible(x)) points.push_back({s.utility(0, x), s.utility(1, x), s.utility(2, x)});
    std::set<std::vector<double>> brute;
    for (const auto& p : points) {
      const bool dominated = std::any_of(points.begin(), points.end(), [&](const auto& q) {
        bool all = true, some = false;
        for (std::size_t d = 0; d < 3; ++d) {
          all = all && q[d] >= p[d] - 1e-12;
          some = some || q[d] > p[d] + 1e-12;
        }
        return all && some;
      });
      if (!dominated) brute.insert({rounded(p[0]), rounded(p[1]), rounded(p[2])});
    }
    // Compared as differences, so that a failure names the points in question. Every efficient
    // triple is in the space. The space may keep a point that brute force finds dominated only
    // through a coordinate tied to rounding (two sums of the same terms in another order, 1 ulp
    // apart, which exact dominance cannot order): it must then be dominated by a point of the
    // space itself that ties it there.
    std::vector<std::vector<double>> extra, missing;
    std::set_difference(from_space.begin(), from_space.end(), brute.begin(), brute.end(), std::back_inserter(extra));
    std::set_difference(brute.begin(), brute.end(), from_space.begin(), from_space.end(), std::back_inserter(missing));
    CHECK(missing.empty());
    for (const auto& e : extra) {
      INFO("extra point " << e[0] << " " << e[1] << " " << e[2]);
      const bool twin = std::any_of(from_space.begin(), from_space.end(), [&](const std::vector<double>& q) {
        bool above = true, tied = false;
        for (std::size_t d = 0; d < 3; ++d) {
          above = above && q[d] >= e[d] - 1e-9;
          tied = tied || std::abs(q[d] - e[d]) <= 1e-9;
        }
        return q != e && above && tied;
      });
      CHECK(twin);
    }
    CHECK(extra.size() <= 1);
    // And the lines bind: without them the space has packages they exclude.
    Scenario lifted = s;
    lifted.parties[2].red_lines.clear();
    const AgreementSpace without(lifted);
    bool crossed = false;
    for (std::size_t v = 0; v < without.point_count(); ++v)
      crossed = crossed || s.crosses_red_line(2, without.package(without.point(v)));
    CHECK(crossed);
  }
}

TEST_CASE("constraints: a package that breaks one is out of the space and refused by everyone", "[red_lines]") {
  const Scenario s = io::build_scenario(io::parse_scenario_text(
      discrete_talks("constraints:\n  - {excludes: [cap.cap_low, guarantee.alliance]}\n"), "c.yaml", "c"));
  REQUIRE(s.constraints.size() == 1);
  Agreement x = s.status_quo();
  x.amounts[1] = 2;  // alliance
  x.amounts[2] = 2;  // cap_low
  CHECK(s.constraints_broken(x) == std::vector<std::size_t>{0});
  CHECK_FALSE(s.admissible(x));
  x.amounts[2] = 1;
  CHECK(s.admissible(x));
  // Lifting the constraint only adds packages: the most welfare cannot fall.
  Scenario lifted = s;
  lifted.constraints.clear();
  const auto welfare = [](const AgreementSpace& space) { return max_welfare(space).utilities; };
  const auto with = welfare(AgreementSpace(s)), without = welfare(AgreementSpace(lifted));
  CHECK(with[0] + with[1] <= without[0] + without[1] + 1e-12);
}

TEST_CASE("constraints: analyze says which one narrows the zone", "[red_lines]") {
  // South values the alliance most and north the low cap: the most welfare has both, and a
  // constraint excluding the pair narrows the zone.
  const Scenario s = io::build_scenario(io::parse_scenario_text(
      discrete_talks("constraints:\n  - {excludes: [cap.cap_low, guarantee.alliance]}\n"
                     "  - {excludes: [cap.no_cap, plan.amnesty]}\n"),
      "c.yaml", "c"));
  const ScenarioAnalysis a = analyze_scenario(s);
  REQUIRE(a.zopa_without_constraints);
  REQUIRE(a.constraint_effects.size() == 2);
  REQUIRE(a.zopa.exists);
  const Zopa& lifted_first = a.constraint_effects[0].without;
  CHECK(lifted_first.max_welfare > a.zopa.max_welfare + 1e-9);
  CHECK(a.zopa_without_constraints->max_welfare >= lifted_first.max_welfare - 1e-12);
}

TEST_CASE("constraints: the loader names file, line and key, and refuses constraints that leave nothing", "[red_lines]") {
  const auto first_error = [](const std::string& constraints) {
    try {
      (void)io::build_scenario(io::parse_scenario_text(discrete_talks(constraints), "c.yaml", "c"));
    } catch (const io::ScenarioError& e) {
      return e.diagnostics().front();
    }
    return io::Diagnostic{};
  };
  const auto unknown = first_error("constraints:\n  - {excludes: [cap.cap_lo, guarantee.alliance]}\n");
  CHECK(unknown.file == "c.yaml");
  CHECK(unknown.line == 24);
  CHECK(unknown.path == "constraints[0].excludes[0]");
  CHECK_THAT(unknown.message, Catch::Contains("unknown level 'cap_lo'") && Catch::Contains("cap_low"));
  CHECK_THAT(first_error("constraints:\n  - {excludes: [share.x, guarantee.alliance]}\n").message,
             Catch::Contains("continuous"));
  CHECK_THAT(first_error("constraints:\n  - {excludes: [cap.cap_low, cap.cap_low]}\n").message,
             Catch::Contains("the same"));
  CHECK_THAT(first_error("constraints:\n  - {excludes: [cap.cap_low]}\n").message, Catch::Contains("two terms"));
  CHECK_THAT(first_error("constraints:\n  - {excludes: [cap.cap_low, plan.amnesty], requires: [cap.cap_low, "
                         "plan.amnesty]}\n").message,
             Catch::Contains("one of"));
  // The low cap both requires and excludes the ceasefire, so it is never signed; every guarantee
  // level requires the low cap: every package breaks some constraint.
  const auto nothing = first_error(
      "constraints:\n  - {excludes: [guarantee.none, guarantee.bilateral]}\n"
      "  - {requires: [guarantee.none, cap.cap_low]}\n  - {requires: [guarantee.bilateral, cap.cap_low]}\n"
      "  - {requires: [guarantee.alliance, cap.cap_low]}\n  - {excludes: [cap.cap_low, plan.ceasefire]}\n"
      "  - {requires: [cap.cap_low, plan.ceasefire]}\n");
  CHECK(nothing.path == "constraints");
  CHECK_THAT(nothing.message, Catch::Contains("leave no package to sign"));
}

TEST_CASE("constraints: the engine refuses a plan that breaks one, whatever it is worth", "[red_lines]") {
  // The 28-point variant of the default scenario with only the US proposing its plan, unmoved (no
  // drift), asking 0.3 of the contested territory: most runs sign it. The same plan breaking a
  // constraint (its 600,000 cap beside its US guarantee) is never signed.
  const auto signed_share = [](const std::string& constraint) {
    io::ScenarioDocument doc = io::parse_scenario_argument("ukraine-2025-28-point");
    io::apply_override(doc, "protocol.counter", "false");
    io::apply_override(doc, "parties.usa.strategy.drift", "0");
    io::apply_override(doc, "parties.usa.proposal.territory", "0.3");
    if (!constraint.empty()) io::apply_override(doc, "constraints", constraint);
    const Simulation simulation(io::build_scenario(doc));
    RunOptions options;
    options.runs = 200;
    options.seed = 5;
    return simulate(simulation, options).signed_agreement.p;
  };
  CHECK(signed_share("") > 0.5);
  CHECK(signed_share("[{excludes: [army_cap.cap_600k, guarantee.us_guarantee]}]") == 0.0);
}
