#include "parley/solve/regime_map.hpp"

#include <map>
#include <stdexcept>
#include <utility>

namespace parley {

bool same_feature(const RegimeFeature& feature, const RegimeAnswer& a, const RegimeAnswer& b) {
  if (feature.equilibria) return a.set.supports == b.set.supports;
  const auto p = static_cast<std::size_t>(feature.player);
  const auto t = static_cast<std::size_t>(feature.against);
  return a.set.ties[p][t] == b.set.ties[p][t];
}

namespace {

// Every feature of an answer: the equilibria, then each player's best reply to each strategy.
std::vector<RegimeFeature> features_of(const RegimeAnswer& answer) {
  std::vector<RegimeFeature> features{{true, 0, 0}};
  for (int p = 0; p < 2; ++p)
    for (std::size_t t = 0; t < answer.set.ties[static_cast<std::size_t>(p)].size(); ++t)
      features.push_back({false, p, static_cast<int>(t)});
  return features;
}

}  // namespace

RegimeMap map_regimes(const std::vector<double>& values, const RegimeOracle& oracle, double tolerance) {
  if (values.size() < 2) throw std::invalid_argument("a regime map needs at least two values");
  for (std::size_t k = 1; k < values.size(); ++k)
    if (!(values[k] > values[k - 1])) throw std::invalid_argument("a regime map's values must increase");
  RegimeMap map;
  map.values = values;
  map.tolerance = tolerance;
  for (const double x : values) {
    map.points.push_back(oracle(x));
    ++map.evaluations;
  }
  for (std::size_t cell = 0; cell + 1 < values.size(); ++cell) {
    const RegimeAnswer& left = map.points[cell];
    const RegimeAnswer& right = map.points[cell + 1];
    // The cell's midpoints, shared between its features (each costs a meta-game).
    std::map<double, RegimeAnswer> inside;
    const auto at = [&](double x) -> const RegimeAnswer& {
      auto it = inside.find(x);
      if (it == inside.end()) {
        it = inside.emplace(x, oracle(x)).first;
        ++map.evaluations;
      }
      return it->second;
    };
    for (const RegimeFeature& feature : features_of(left)) {
      if (same_feature(feature, left, right)) continue;
      double low = values[cell];
      double high = values[cell + 1];
      const RegimeAnswer* before = &left;
      const RegimeAnswer* after = &right;
      while (tolerance > 0.0 && high - low > tolerance) {
        const double mid = 0.5 * (low + high);
        const RegimeAnswer& m = at(mid);
        if (same_feature(feature, m, left)) {
          low = mid;
          before = &m;
        } else {
          high = mid;
          after = &m;
        }
      }
      map.boundaries.push_back({feature, cell, low, high, *before, *after});
    }
  }
  return map;
}

}  // namespace parley
