#include "parley/agreement/epsilon_pareto_set.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <numeric>

#include "clause_split.hpp"
#include "parley/agreement/admissible_packages.hpp"
#include "parley/agreement/restricted_issue.hpp"

namespace parley {

namespace {

/// Points as a flat array, `m` coordinates each.
template <class T>
struct PointCloud {
  std::size_t m = 0;
  std::vector<T> c;
  [[nodiscard]] std::size_t size() const { return m == 0 ? 0 : c.size() / m; }
  [[nodiscard]] const T* at(std::size_t i) const { return c.data() + i * m; }
};

/// Indices of the points no other point dominates (q >= p in every coordinate, q != p); of
/// equal points the first is kept. Sort lexicographically downwards: a dominator always
/// comes first. m <= 2 is a scan, m = 3 a sweep with a Fenwick tree of suffix maxima over
/// the second coordinate, O(n log n); m >= 4 compares with the points kept so far.
template <class T>
std::vector<std::size_t> non_dominated(const PointCloud<T>& p) {
  const std::size_t n = p.size();
  const std::size_t m = p.m;
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t i, std::size_t j) {
    return std::lexicographical_compare(p.at(j), p.at(j) + m, p.at(i), p.at(i) + m);
  });
  auto equal = [&](std::size_t i, std::size_t j) { return std::equal(p.at(i), p.at(i) + m, p.at(j)); };
  std::vector<std::size_t> kept;
  if (n == 0) return kept;
  if (m == 1) return {order.front()};
  if (m == 2) {
    for (std::size_t idx = 0; idx < n; ++idx) {
      const std::size_t i = order[idx];
      if (kept.empty() || p.at(i)[1] > p.at(kept.back())[1]) kept.push_back(i);
    }
    return kept;
  }
  if (m == 3) {
    std::vector<T> second(n);
    for (std::size_t i = 0; i < n; ++i) second[i] = p.at(i)[1];
    std::sort(second.begin(), second.end());
    second.erase(std::unique(second.begin(), second.end()), second.end());
    // Fenwick tree over reversed ranks of the second coordinate: prefix max over ranks of
    // values >= a given one holds the best third coordinate seen so far.
    const std::size_t r = second.size();
    std::vector<T> tree(r + 1, std::numeric_limits<T>::lowest());
    std::vector<bool> filled(r + 1, false);
    auto rank = [&](T v) {
      return r - static_cast<std::size_t>(std::lower_bound(second.begin(), second.end(), v) - second.begin());
    };
    for (std::size_t idx = 0; idx < n; ++idx) {
      const std::size_t i = order[idx];
      if (idx > 0 && equal(i, order[idx - 1])) continue;
      const T* q = p.at(i);
      bool dominated = false;
      for (std::size_t k = rank(q[1]); k > 0; k -= k & (~k + 1))
        if (filled[k] && tree[k] >= q[2]) dominated = true;
      if (!dominated) kept.push_back(i);
      for (std::size_t k = rank(q[1]); k <= r; k += k & (~k + 1)) {
        if (!filled[k] || tree[k] < q[2]) tree[k] = q[2];
        filled[k] = true;
      }
    }
    return kept;
  }
  for (std::size_t idx = 0; idx < n; ++idx) {
    const std::size_t i = order[idx];
    const T* q = p.at(i);
    bool dominated = false;
    for (std::size_t j : kept) {
      const T* s = p.at(j);
      if (std::equal(q, q + m, s, [](T a, T b) { return b >= a; })) {
        dominated = true;
        break;
      }
    }
    if (!dominated) kept.push_back(i);
  }
  return kept;
}

/// Exact non-dominated filter, then epsilon-box pruning (doubling the box from `box` until
/// the set has at most `max_points` points) if it is still larger; the box used is added to
/// `epsilon`.
std::vector<std::size_t> prune_points(const PointCloud<double>& p, std::size_t max_points, double box0,
                                      double& epsilon) {
  std::vector<std::size_t> kept = non_dominated(p);
  if (kept.size() <= max_points) return kept;
  for (double box = box0;; box *= 2.0) {
    // One point per box: the largest utility sum.
    std::map<std::vector<std::int64_t>, std::size_t> best;
    std::vector<std::int64_t> key(p.m);
    auto sum = [&](std::size_t i) { return std::accumulate(p.at(i), p.at(i) + p.m, 0.0); };
    for (std::size_t i : kept) {
      for (std::size_t d = 0; d < p.m; ++d) key[d] = static_cast<std::int64_t>(std::floor(p.at(i)[d] / box));
      auto [it, inserted] = best.emplace(key, i);
      if (!inserted && sum(i) > sum(it->second)) it->second = i;
    }
    PointCloud<std::int64_t> boxes{p.m, {}};
    std::vector<std::size_t> chosen;
    for (const auto& [b, i] : best) {
      boxes.c.insert(boxes.c.end(), b.begin(), b.end());
      chosen.push_back(i);
    }
    std::vector<std::size_t> survivors;
    for (std::size_t b : non_dominated(boxes)) survivors.push_back(chosen[b]);
    if (survivors.size() <= max_points) {
      std::sort(survivors.begin(), survivors.end());
      epsilon += box;
      return survivors;
    }
  }
}

/// What the builder hands to EpsilonParetoSet::build.
struct BuiltSet {
  std::vector<std::size_t> parties;
  std::vector<double> utilities;
  PackageTable packages;
  double epsilon = 0.0;
};

/// Running set of partial packages: utilities and the package table row of each.
struct Running {
  PointCloud<double> u;
  std::vector<std::size_t> rows;
};

class EpsilonSetBuilder {
 public:
  /// The builder of the class `restriction` describes (empty: the whole space).
  EpsilonSetBuilder(const Scenario& scenario, std::span<const std::size_t> parties, const EpsilonSetOptions& options,
                    const std::vector<IssueRestriction>& restriction)
      : scenario_(scenario),
        parties_(parties.begin(), parties.end()),
        options_(options),
        restriction_(restriction),
        table_(scenario) {}

  BuiltSet run() {
    const std::size_t m = parties_.size();
    // An empty class has no point: no stage is built (a neutral code would not exist).
    for (std::size_t k = 0; k < scenario_.issues.size(); ++k)
      if (restriction_empties(scenario_.issues[k], restriction(k))) return {parties_, {}, std::move(table_), 0.0};
    const std::size_t root = table_.add_row();
    for (std::size_t k = 0; k < scenario_.issues.size(); ++k)
      table_.row(root)[k] = scenario_.issues[k].kind == IssueKind::clauses
                                ? 0.0
                                : restricted_neutral_code(scenario_.issues[k], restriction(k));
    Running set;
    set.u.m = m;
    set.u.c.assign(m, 0.0);
    set.rows = {root};
    for (std::size_t k = 0; k < scenario_.issues.size(); ++k) {
      std::vector<double> codes;
      PointCloud<double> options{m, {}};
      issue_options(k, codes, options);
      // Every partial package with every option of issue k, then pruning.
      PointCloud<double> sums{m, {}};
      sums.c.reserve(set.u.size() * options.size() * m);
      for (std::size_t i = 0; i < set.u.size(); ++i)
        for (std::size_t o = 0; o < options.size(); ++o)
          for (std::size_t d = 0; d < m; ++d) sums.c.push_back(set.u.at(i)[d] + options.at(o)[d]);
      const std::vector<std::size_t> kept = prune(sums);
      Running next;
      next.u.m = m;
      std::vector<std::size_t> new_rows;
      for (std::size_t s : kept) {
        const std::size_t i = s / options.size();
        const std::size_t o = s % options.size();
        next.u.c.insert(next.u.c.end(), sums.at(s), sums.at(s) + m);
        const std::size_t row = table_.copy_row(set.rows[i]);
        table_.row(row)[k] = codes[o];
        new_rows.push_back(row);
      }
      table_.keep_rows(new_rows);
      next.rows.resize(new_rows.size());
      std::iota(next.rows.begin(), next.rows.end(), 0);
      set = std::move(next);
    }
    return {parties_, std::move(set.u.c), std::move(table_), epsilon_};
  }

 private:
  /// Issue k's restriction, or nullptr when the set covers the whole space.
  [[nodiscard]] const IssueRestriction* restriction(std::size_t k) const {
    return restriction_.empty() ? nullptr : &restriction_[k];
  }

  [[nodiscard]] double weight(std::size_t d, std::size_t k) const { return scenario_.parties[parties_[d]].weights[k]; }

  [[nodiscard]] double value(std::size_t d, std::size_t k, double amount) const {
    if (weight(d, k) == 0.0) return 0.0;
    return weight(d, k) * scenario_.parties[parties_[d]].values[k].value_of_amount(scenario_.issues[k], amount);
  }

  std::vector<std::size_t> prune(const PointCloud<double>& p) {
    return prune_points(p, options_.max_points, options_.box, epsilon_);
  }

  /// The options of issue k: codes and their utility contributions.
  void issue_options(std::size_t k, std::vector<double>& codes, PointCloud<double>& options) {
    const Issue& issue = scenario_.issues[k];
    const std::size_t m = parties_.size();
    auto add = [&](double code) {
      codes.push_back(code);
      for (std::size_t d = 0; d < m; ++d) options.c.push_back(value(d, k, code));
    };
    bool anyone_cares = false;
    for (std::size_t d = 0; d < m; ++d) anyone_cares = anyone_cares || weight(d, k) > 0.0;
    const IssueRestriction* r = restriction(k);
    if (!anyone_cares && issue.kind != IssueKind::clauses) {
      add(restricted_neutral_code(issue, r));
      return;
    }
    switch (issue.kind) {
      case IssueKind::ordinal:
        for (std::size_t l = 0; l < issue.levels.size(); ++l)
          if (r == nullptr || r->levels.empty() || r->levels[l] != 0) add(static_cast<double>(l));
        break;
      case IssueKind::continuous: {
        std::vector<double> z;
        if (issue.steps) {
          const auto [first, last] = restricted_grid_span(issue, r);
          for (int j = first; j <= last; ++j) z.push_back(frontier_grid_point(issue, j));
        } else {
          // The allowed interval [lo, hi], sampled as the whole range would be.
          const auto [lo, hi] = restricted_interval(issue, r);
          const int n = lo == hi ? 1 : std::max(1, options_.continuous_intervals);
          for (int s = 0; s <= n; ++s) z.push_back(s == n ? hi : lo + (hi - lo) * s / n);
          for (std::size_t d = 0; d < m; ++d) {
            if (weight(d, k) == 0.0) continue;
            for (const auto& [x, v] : scenario_.parties[parties_[d]].values[k].curve.points())
              if (x > lo && x < hi) z.push_back(x);
          }
          std::sort(z.begin(), z.end());
          z.erase(std::unique(z.begin(), z.end()), z.end());
          // Utilities are affine between consecutive samples: the loss of a cell.
          double loss = 0.0;
          for (std::size_t s = 0; s + 1 < z.size(); ++s) {
            double up = 0.0, down = 0.0;
            for (std::size_t d = 0; d < m; ++d) {
              const double delta = value(d, k, z[s + 1]) - value(d, k, z[s]);
              up = std::max(up, delta);
              down = std::max(down, -delta);
            }
            loss = std::max(loss, std::min(up, down));
          }
          epsilon_ += loss;
        }
        for (double x : z) add(x);
        break;
      }
      case IssueKind::clauses:
        clause_options(k, codes, options);
        return;
    }
    // Keep the issue's own non-dominated options only.
    const std::vector<std::size_t> kept = non_dominated(options);
    std::vector<double> kept_codes;
    PointCloud<double> kept_options{m, {}};
    for (std::size_t i : kept) {
      kept_codes.push_back(codes[i]);
      kept_options.c.insert(kept_options.c.end(), options.at(i), options.at(i) + m);
    }
    codes = std::move(kept_codes);
    options = std::move(kept_options);
  }

  /// Subsets of a clauses issue, clause by clause, pruned like the running set.
  void clause_options(std::size_t k, std::vector<double>& codes, PointCloud<double>& options) {
    const Issue& issue = scenario_.issues[k];
    const std::size_t m = parties_.size();
    auto gain = [&](std::size_t d, std::size_t c) {
      return clause_gain(weight(d, k), scenario_.parties[parties_[d]].values[k], c);
    };
    ClauseSplit split = split_clauses(issue, m, gain);
    // A forced clause is at its forced state in every subset of the class, whatever the parties
    // think of it, so it is fixed in the base and never searched (as on the frontier).
    if (const IssueRestriction* r = restriction(k); r != nullptr && !r->clauses.empty()) {
      for (std::size_t c = 0; c < r->clauses.size(); ++c)
        if (r->clauses[c] >= 0) split.base[c] = static_cast<std::uint8_t>(r->clauses[c]);
      std::erase_if(split.mixed, [&](std::size_t c) { return r->clauses[c] >= 0; });
    }
    const std::vector<std::uint8_t>& base = split.base;
    const std::vector<std::size_t>& mixed = split.mixed;
    // Subsets as flags per point (few clauses are mixed in practice; the set stays pruned).
    std::vector<std::vector<std::uint8_t>> subsets{base};
    PointCloud<double> set{m, {}};
    for (std::size_t d = 0; d < m; ++d) {
      const IssueValuation& v = scenario_.parties[parties_[d]].values[k];
      set.c.push_back(weight(d, k) == 0.0 ? 0.0 : weight(d, k) * v.value_of_clauses(base.data()));
    }
    for (std::size_t c : mixed) {
      PointCloud<double> both = set;
      std::vector<std::vector<std::uint8_t>> both_subsets = subsets;
      for (std::size_t i = 0; i < set.size(); ++i) {
        for (std::size_t d = 0; d < m; ++d) both.c.push_back(set.at(i)[d] + gain(d, c));
        both_subsets.push_back(subsets[i]);
        both_subsets.back()[c] = 1;
      }
      const std::vector<std::size_t> kept = prune(both);
      set.c.clear();
      subsets.clear();
      for (std::size_t i : kept) {
        set.c.insert(set.c.end(), both.at(i), both.at(i) + m);
        subsets.push_back(std::move(both_subsets[i]));
      }
    }
    for (std::size_t i = 0; i < set.size(); ++i) codes.push_back(static_cast<double>(table_.add_subset(k, subsets[i])));
    options = std::move(set);
  }

  const Scenario& scenario_;
  std::vector<std::size_t> parties_;
  EpsilonSetOptions options_;
  std::vector<IssueRestriction> restriction_;
  PackageTable table_;
  double epsilon_ = 0.0;
};

}  // namespace

EpsilonParetoSet EpsilonParetoSet::build(const Scenario& scenario, std::span<const std::size_t> parties,
                                         const EpsilonSetOptions& options) {
  check_restriction_fits(scenario, options.restriction);
  for (const auto& alternative : options.alternatives) check_restriction_fits(scenario, alternative);
  BuiltSet parts;
  if (options.alternatives.empty()) {
    parts = EpsilonSetBuilder(scenario, parties, options, options.restriction).run();
  } else {
    // A union of classes: each class's set (a product of per-issue options, which the stagewise
    // pruning needs), then the union pruned again. Each class is covered within its epsilon, so
    // the union within the largest, plus the box of the last pruning.
    std::vector<BuiltSet> classes;
    for (const auto& alternative : options.alternatives)
      classes.push_back(
          EpsilonSetBuilder(scenario, parties, options, intersect_restrictions(scenario, options.restriction, alternative))
              .run());
    PointCloud<double> all{parties.size(), {}};
    std::vector<std::pair<std::size_t, std::size_t>> origin;  // (class, point)
    double epsilon = 0.0;
    for (std::size_t c = 0; c < classes.size(); ++c) {
      const BuiltSet& built = classes[c];
      all.c.insert(all.c.end(), built.utilities.begin(), built.utilities.end());
      for (std::size_t i = 0; i * parties.size() < built.utilities.size(); ++i) origin.emplace_back(c, i);
      if (!built.utilities.empty()) epsilon = std::max(epsilon, built.epsilon);
    }
    parts.parties.assign(parties.begin(), parties.end());
    parts.packages = PackageTable(scenario);
    for (const std::size_t p : prune_points(all, options.max_points, options.box, epsilon)) {
      const auto [c, i] = origin[p];
      parts.utilities.insert(parts.utilities.end(), all.at(p), all.at(p) + all.m);
      // The class's row, its clause subsets registered with the union's table.
      const std::size_t row = parts.packages.add_row();
      const std::span<const double> codes = classes[c].packages.row(i);
      for (std::size_t k = 0; k < scenario.issues.size(); ++k)
        parts.packages.row(row)[k] =
            scenario.issues[k].kind == IssueKind::clauses
                ? static_cast<double>(parts.packages.add_subset(
                      k, classes[c].packages.subset(k, static_cast<std::size_t>(codes[k]))))
                : codes[k];
    }
    parts.epsilon = epsilon;
  }
  EpsilonParetoSet out;
  out.parties_ = std::move(parts.parties);
  out.dimension_ = out.parties_.size();
  out.utilities_ = std::move(parts.utilities);
  out.packages_ = std::move(parts.packages);
  out.epsilon_ = parts.epsilon;
  return out;
}

Agreement EpsilonParetoSet::package(std::size_t point) const {
  Agreement out;
  package_into(point, out);
  return out;
}

void EpsilonParetoSet::package_into(std::size_t point, Agreement& out) const {
  packages_.write(point, -1, 0.0, out);
}

}  // namespace parley
