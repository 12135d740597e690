#include "parley/sweep/design.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>

#include "parley/battlefield/random_stream.hpp"

namespace parley::sweep {

namespace {

// A uniform integer in [0, k), k >= 1, without modulo bias: draws below the largest multiple
// of k that fits in 64 bits are accepted.
std::uint64_t uniform_below(RandomStream& stream, std::uint64_t k) {
  const std::uint64_t max = std::numeric_limits<std::uint64_t>::max();
  const std::uint64_t limit = max - (max % k + 1) % k;  // accept x <= limit
  for (;;) {
    const std::uint64_t x = stream.next();
    if (x <= limit) return x % k;
  }
}

std::string join(const std::vector<std::string>& lines) {
  std::string text;
  for (const auto& line : lines) text += (text.empty() ? "" : "\n") + line;
  return text;
}

}  // namespace

std::vector<double> random_unit_point(std::uint64_t seed, std::uint64_t point, std::size_t dimension) {
  RandomStream stream(seed, point, 0, design_stream);
  std::vector<double> u(dimension);
  for (auto& x : u) x = stream.uniform();
  return u;
}

LatinHypercube::LatinHypercube(std::uint64_t points, std::size_t dimension, std::uint64_t seed)
    : points_(points), seed_(seed), permutations_(dimension) {
  for (std::size_t j = 0; j < dimension; ++j) {
    auto& pi = permutations_[j];
    pi.resize(points);
    std::iota(pi.begin(), pi.end(), std::uint64_t{0});
    RandomStream stream(seed, j, 0, design_stream + 1);
    // Fisher-Yates: every permutation equally likely.
    for (std::uint64_t i = points; i > 1; --i) std::swap(pi[i - 1], pi[uniform_below(stream, i)]);
  }
}

std::vector<double> LatinHypercube::point(std::uint64_t i) const {
  auto u = random_unit_point(seed_, i, permutations_.size());
  const double n = static_cast<double>(points_);
  for (std::size_t j = 0; j < u.size(); ++j) {
    // (k + U) / n can round up to (k + 1) / n for huge n; keep the point inside its stratum.
    const double k = static_cast<double>(permutations_[j][i]);
    u[j] = std::min((k + u[j]) / n, std::nextafter((k + 1) / n, 0.0));
  }
  return u;
}

SaltelliPosition saltelli_position(std::uint64_t point, std::size_t dimension) {
  const std::uint64_t block = dimension + 2;
  SaltelliPosition position;
  position.sample = point / block;
  const std::uint64_t r = point % block;
  if (r == 0) {
    position.matrix = SaltelliPosition::Matrix::a;
  } else if (r == 1) {
    position.matrix = SaltelliPosition::Matrix::b;
  } else {
    position.matrix = SaltelliPosition::Matrix::a_with_b_column;
    position.column = static_cast<std::size_t>(r - 2);
  }
  return position;
}

std::vector<double> saltelli_point(const SobolSequence& sequence, std::uint64_t point) {
  const auto d = static_cast<std::size_t>(sequence.dimension()) / 2;
  const SaltelliPosition position = saltelli_position(point, d);
  const auto base = sequence.point(position.sample);
  std::vector<double> a(base.begin(), base.begin() + static_cast<std::ptrdiff_t>(d));
  std::vector<double> b(base.begin() + static_cast<std::ptrdiff_t>(d), base.end());
  switch (position.matrix) {
    case SaltelliPosition::Matrix::a: return a;
    case SaltelliPosition::Matrix::b: return b;
    case SaltelliPosition::Matrix::a_with_b_column: a[position.column] = b[position.column]; return a;
  }
  return a;
}

std::string value_at(const VariedParameter& parameter, double u) {
  if (!parameter.is_range()) {
    const auto count = parameter.levels.size();
    const auto k = std::min(static_cast<std::size_t>(u * static_cast<double>(count)), count - 1);
    return parameter.levels[k];
  }
  const double x = std::clamp(parameter.lo + u * (parameter.hi - parameter.lo), parameter.lo, parameter.hi);
  return number_text(x + 0.0);
}

Design::Design(SweepSpec spec, const DesignLimits& limits) : spec_(std::move(spec)) {
  const auto problems = spec_problems(spec_, limits);
  if (!problems.empty()) throw std::invalid_argument(join(problems));
  size_ = design_size(spec_);
  const std::size_t d = spec_.parameters.size();
  if (spec_.design == DesignKind::latin_hypercube) hypercube_.emplace(spec_.samples, d, spec_.seed);
  if (spec_.design == DesignKind::sobol) sobol_.emplace(static_cast<int>(2 * d));
}

std::vector<double> Design::unit_point(std::uint64_t id) const {
  switch (spec_.design) {
    case DesignKind::grid: break;
    case DesignKind::random: return random_unit_point(spec_.seed, id, spec_.parameters.size());
    case DesignKind::latin_hypercube: return hypercube_->point(id);
    case DesignKind::sobol: return saltelli_point(*sobol_, id);
  }
  throw std::logic_error("Design::unit_point: a grid has no unit coordinates");
}

DesignPoint Design::point(std::uint64_t id) const {
  if (id >= size_) throw std::out_of_range("Design::point: no point " + std::to_string(id));
  DesignPoint point;
  point.id = id;
  const std::size_t d = spec_.parameters.size();
  point.values.resize(d);
  if (spec_.design == DesignKind::grid) {
    // Mixed radix, last parameter fastest.
    std::uint64_t rest = id;
    for (std::size_t j = d; j-- > 0;) {
      const auto& levels = spec_.parameters[j].levels;
      point.values[j] = levels[rest % levels.size()];
      rest /= levels.size();
    }
    return point;
  }
  const auto u = unit_point(id);
  for (std::size_t j = 0; j < d; ++j) point.values[j] = value_at(spec_.parameters[j], u[j]);
  return point;
}

}  // namespace parley::sweep
