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

#include "parley/model/scenario.hpp"

namespace parley::testing {

/// Tolerance for utilities that are exact up to rounding (sums of a few products of doubles).
inline constexpr double tight = 1e-12;

inline Issue continuous_issue(std::string id, double lo = 0.0, double hi = 1.0) {
  Issue issue;
  issue.id = std::move(id);
  issue.kind = IssueKind::continuous;
  issue.lo = lo;
  issue.hi = hi;
  issue.status_quo = lo;
  return issue;
}

inline Issue ordinal_issue(std::string id, std::size_t levels) {
  Issue issue;
  issue.id = std::move(id);
  issue.kind = IssueKind::ordinal;
  for (std::size_t l = 0; l < levels; ++l) issue.levels.push_back("l" + std::to_string(l));
  return issue;
}

inline Issue clauses_issue(std::string id, std::size_t clauses) {
  Issue issue;
  issue.id = std::move(id);
  issue.kind = IssueKind::clauses;
  for (std::size_t c = 0; c < clauses; ++c) issue.clauses.push_back({issue.id + "_c" + std::to_string(c), ""});
  issue.status_quo_clauses.assign(clauses, 0);
  return issue;
}

/// A party with the given weights and one default-constructed valuation per issue.
inline Party party(std::string id, std::vector<double> weights, bool veto = true) {
  Party p;
  p.id = std::move(id);
  p.veto = veto;
  p.role = veto ? Role::belligerent : Role::mediator;
  p.values.resize(weights.size());
  p.weights = std::move(weights);
  return p;
}

/// Pie splitting: one continuous issue [0, 1], a's share; a increasing, b decreasing.
inline Scenario pie() {
  Scenario s;
  s.issues = {continuous_issue("share")};
  Party a = party("a", {1.0});
  a.values[0].curve = PiecewiseLinear::increasing(0.0, 1.0);
  Party b = party("b", {1.0});
  b.values[0].curve = PiecewiseLinear::decreasing(0.0, 1.0);
  s.parties = {a, b};
  s.finalize();
  return s;
}

/// One continuous issue whose frontier is the polyline through (x, curve(x)): a values the
/// amount linearly, b through the given breakpoints.
inline Scenario polyline(const std::vector<std::pair<double, double>>& b_points) {
  Scenario s;
  s.issues = {continuous_issue("x")};
  Party a = party("a", {1.0});
  a.values[0].curve = PiecewiseLinear::increasing(0.0, 1.0);
  Party b = party("b", {1.0});
  b.values[0].curve = PiecewiseLinear(b_points);
  s.parties = {a, b};
  s.finalize();
  return s;
}

/// A random small space: up to two continuous issues (random piecewise-linear values, some
/// with `steps`), up to two ordinal issues and up to one clauses issue with mixed-sign values;
/// `parties` veto parties plus one mediator, random weights (some zero).
inline Scenario random_space(std::uint32_t seed, std::size_t parties = 2) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  auto count = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  Scenario s;
  const int continuous = count(0, 2);
  const int ordinal = count(0, 2);
  const int clauses = count(0, 1);
  for (int k = 0; k < continuous; ++k) {
    Issue issue = continuous_issue("c" + std::to_string(k), 0.0, 1.0 + k);
    if (unit(rng) < 0.2) issue.steps = count(1, 6);
    s.issues.push_back(issue);
  }
  for (int k = 0; k < ordinal; ++k) s.issues.push_back(ordinal_issue("o" + std::to_string(k), count(2, 4)));
  for (int k = 0; k < clauses; ++k) s.issues.push_back(clauses_issue("p" + std::to_string(k), count(2, 5)));
  if (s.issues.empty()) s.issues.push_back(ordinal_issue("o", 3));
  const std::size_t n = s.issues.size();
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
    const bool veto = i < parties;
    Party p = party("p" + std::to_string(i), w, veto);
    for (std::size_t k = 0; k < n; ++k) {
      const Issue& issue = s.issues[k];
      auto& v = p.values[k];
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
          v.curve = PiecewiseLinear(pts);
          break;
        }
        case IssueKind::ordinal:
          for (std::size_t l = 0; l < issue.levels.size(); ++l) v.level_values.push_back(unit(rng));
          break;
        case IssueKind::clauses:
          for (std::size_t c = 0; c < issue.clauses.size(); ++c)
            v.clause_values.push_back(unit(rng) < 0.15 ? 0.0 : 2.0 * unit(rng) - 1.0);
          break;
      }
    }
    s.parties.push_back(p);
  }
  s.finalize();
  return s;
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
