#pragma once
// Scenarios for the agreement-space tests, built in code: hand-made spaces with known
// frontiers, random small spaces, and brute-force enumeration of their agreements.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "../support/scenario_builder.hpp"
#include "parley/model/scenario.hpp"

namespace parley::testing {

/// Tolerance for utilities that are exact up to rounding (sums of a few products of doubles).
inline constexpr double tight = 1e-12;

/// Pie splitting: one continuous issue [0, 1], a's share; a increasing, b decreasing.
inline Scenario pie() {
  return ScenarioBuilder()
      .continuous("share")
      .belligerent("a").weights({1.0}).curve(0, PiecewiseLinear::increasing(0.0, 1.0))
      .belligerent("b").weights({1.0}).curve(0, PiecewiseLinear::decreasing(0.0, 1.0))
      .build();
}

/// One continuous issue whose frontier is the polyline through (x, curve(x)): a values the
/// amount linearly, b through the given breakpoints.
inline Scenario polyline(const std::vector<std::pair<double, double>>& b_points) {
  return ScenarioBuilder()
      .continuous("x")
      .belligerent("a").weights({1.0}).curve(0, PiecewiseLinear::increasing(0.0, 1.0))
      .belligerent("b").weights({1.0}).curve(0, PiecewiseLinear(b_points))
      .build();
}

/// A random small space: up to two continuous issues (random piecewise-linear values, some
/// with `steps`), up to two ordinal issues and up to one clauses issue with mixed-sign values;
/// `parties` veto parties plus one mediator, random weights (some zero).
inline Scenario random_space(std::uint32_t seed, std::size_t parties = 2) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  auto count = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  ScenarioBuilder s;
  const int continuous = count(0, 2);
  const int ordinal = count(0, 2);
  const int clauses = count(0, 1);
  for (int k = 0; k < continuous; ++k) {
    s.continuous("c" + std::to_string(k), 0.0, 1.0 + k);
    if (unit(rng) < 0.2) s.steps(count(1, 6));
  }
  for (int k = 0; k < ordinal; ++k) s.ordinal("o" + std::to_string(k), static_cast<std::size_t>(count(2, 4)));
  for (int k = 0; k < clauses; ++k) s.clauses("p" + std::to_string(k), static_cast<std::size_t>(count(2, 5)));
  if (s.draft().issues.empty()) s.ordinal("o", std::size_t{3});
  const std::vector<Issue> issues = s.draft().issues;
  const std::size_t n = issues.size();
  for (std::size_t i = 0; i < parties + 1; ++i) {
    std::vector<double> w(n);
    double sum = 0.0;
    for (auto& x : w) {
      x = unit(rng) < 0.2 ? 0.0 : unit(rng);
      sum += x;
    }
    if (sum == 0.0) {
      w[0] = 1.0;
      sum = 1.0;
    }
    for (auto& x : w) x /= sum;
    const std::string id = "p" + std::to_string(i);
    if (i < parties) s.belligerent(id);
    else s.mediator(id);
    s.weights(w);
    for (std::size_t k = 0; k < n; ++k) {
      const Issue& issue = issues[k];
      switch (issue.kind) {
        case IssueKind::continuous: {
          std::vector<std::pair<double, double>> pts{{issue.lo, unit(rng)}};
          const int inner = count(0, 3);
          std::vector<double> xs;
          for (int j = 0; j < inner; ++j) xs.push_back(issue.lo + (issue.hi - issue.lo) * unit(rng));
          std::sort(xs.begin(), xs.end());
          for (double x : xs)
            if (x > pts.back().first + 1e-3 && x < issue.hi - 1e-3) pts.emplace_back(x, unit(rng));
          pts.emplace_back(issue.hi, unit(rng));
          s.curve(k, PiecewiseLinear(pts));
          break;
        }
        case IssueKind::ordinal: {
          std::vector<double> values;
          for (std::size_t l = 0; l < issue.levels.size(); ++l) values.push_back(unit(rng));
          s.level_values(k, values);
          break;
        }
        case IssueKind::clauses: {
          std::vector<double> values;
          for (std::size_t c = 0; c < issue.clauses.size(); ++c) values.push_back(unit(rng) < 0.15 ? 0.0 : 2.0 * unit(rng) - 1.0);
          s.clause_values(k, values);
          break;
        }
      }
    }
  }
  return s.build();
}

/// Every agreement of the space with each continuous issue on a grid of `grid` intervals
/// plus every breakpoint of every party (or on its offer grid when `steps` is set).
inline std::vector<Agreement> enumerate_agreements(const Scenario& s, int grid) {
  std::vector<std::vector<double>> amounts(s.issues.size());
  for (std::size_t k = 0; k < s.issues.size(); ++k) {
    const Issue& issue = s.issues[k];
    auto& a = amounts[k];
    if (issue.kind == IssueKind::ordinal) {
      for (std::size_t l = 0; l < issue.levels.size(); ++l) a.push_back(static_cast<double>(l));
    } else if (issue.kind == IssueKind::continuous) {
      const int n = issue.steps ? *issue.steps : grid;
      for (int j = 0; j <= n; ++j) a.push_back(j == n ? issue.hi : issue.lo + (issue.hi - issue.lo) * j / n);
      if (!issue.steps)
        for (const auto& p : s.parties)
          for (const auto& [x, v] : p.values[k].curve.points()) a.push_back(x);
    } else {
      for (std::size_t m = 0; m < (std::size_t{1} << issue.clauses.size()); ++m) a.push_back(static_cast<double>(m));
    }
  }
  std::vector<Agreement> out;
  Agreement x = s.status_quo();
  std::vector<std::size_t> index(s.issues.size(), 0);
  while (true) {
    for (std::size_t k = 0; k < s.issues.size(); ++k) {
      const Issue& issue = s.issues[k];
      if (issue.kind == IssueKind::clauses) {
        const auto mask = static_cast<std::size_t>(amounts[k][index[k]]);
        for (std::size_t c = 0; c < issue.clauses.size(); ++c) x.clauses[issue.clause_offset + c] = (mask >> c) & 1U;
      } else {
        x.amounts[k] = amounts[k][index[k]];
      }
    }
    out.push_back(x);
    std::size_t k = 0;
    while (k < index.size() && ++index[k] == amounts[k].size()) index[k++] = 0;
    if (k == index.size()) break;
  }
  return out;
}

}  // namespace parley::testing
