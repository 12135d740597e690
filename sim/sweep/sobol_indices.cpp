#include "parley/sweep/sobol_indices.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "parley/battlefield/random_stream.hpp"

namespace parley::sweep {

namespace {

// The stream coordinate for bootstrap draws ("bootstr").
constexpr std::uint64_t bootstrap_stream = 0x626f'6f74'7374'72ULL;

// Point estimates over the base samples listed in `rows` (with repetitions for a resample).
struct Estimates {
  std::vector<double> first_order;
  std::vector<double> total;
  double variance = 0.0;
};

Estimates estimate(const Eigen::VectorXd& f_a, const Eigen::VectorXd& f_b, const Eigen::MatrixXd& f_ab,
                   const std::vector<Eigen::Index>& rows) {
  const auto n = static_cast<double>(rows.size());
  const Eigen::Index d = f_ab.cols();
  // Variance of the 2N outputs of A and B, two-pass for accuracy.
  double mean = 0.0;
  for (const auto j : rows) mean += f_a[j] + f_b[j];
  mean /= 2 * n;
  double variance = 0.0;
  for (const auto j : rows) variance += (f_a[j] - mean) * (f_a[j] - mean) + (f_b[j] - mean) * (f_b[j] - mean);
  variance /= 2 * n;
  Estimates e;
  e.variance = variance;
  e.first_order.resize(static_cast<std::size_t>(d));
  e.total.resize(static_cast<std::size_t>(d));
  for (Eigen::Index i = 0; i < d; ++i) {
    double first = 0.0;
    double total = 0.0;
    for (const auto j : rows) {
      const double change = f_ab(j, i) - f_a[j];
      first += f_b[j] * change;
      total += change * change;
    }
    e.first_order[static_cast<std::size_t>(i)] = first / n / variance;
    e.total[static_cast<std::size_t>(i)] = total / (2 * n) / variance;
  }
  return e;
}

// The q-quantile of sorted values, linear between order statistics (Hyndman and Fan type 7).
double quantile(const std::vector<double>& sorted, double q) {
  const double h = q * static_cast<double>(sorted.size() - 1);
  const auto k = static_cast<std::size_t>(std::floor(h));
  if (k + 1 >= sorted.size()) return sorted.back();
  return sorted[k] + (h - static_cast<double>(k)) * (sorted[k + 1] - sorted[k]);
}

}  // namespace

SobolIndices sobol_indices(const Eigen::VectorXd& f_a, const Eigen::VectorXd& f_b, const Eigen::MatrixXd& f_ab,
                           int bootstrap, double confidence, std::uint64_t seed) {
  const Eigen::Index n = f_a.size();
  if (f_b.size() != n || f_ab.rows() != n)
    throw std::invalid_argument("sobol_indices: f(A), f(B) and f(A_B) need the same number of samples");
  if (n < 2) throw std::invalid_argument("sobol_indices: need at least 2 base samples");
  if (!(confidence > 0.0 && confidence < 1.0))
    throw std::invalid_argument("sobol_indices: the confidence level must be in (0, 1)");
  std::vector<Eigen::Index> rows(static_cast<std::size_t>(n));
  for (Eigen::Index j = 0; j < n; ++j) rows[static_cast<std::size_t>(j)] = j;
  const Estimates point = estimate(f_a, f_b, f_ab, rows);
  if (!(point.variance > 0.0))
    throw std::invalid_argument("sobol_indices: the output does not vary over the design (variance 0)");

  const auto d = static_cast<std::size_t>(f_ab.cols());
  std::vector<std::vector<double>> first(d), total(d);
  for (int b = 0; b < bootstrap; ++b) {
    RandomStream stream(seed, static_cast<std::uint64_t>(b), 0, bootstrap_stream);
    for (auto& j : rows)
      j = static_cast<Eigen::Index>(stream.uniform() * static_cast<double>(n));
    const Estimates e = estimate(f_a, f_b, f_ab, rows);
    if (!(e.variance > 0.0)) continue;  // a resample of identical outputs says nothing
    for (std::size_t i = 0; i < d; ++i) {
      first[i].push_back(e.first_order[i]);
      total[i].push_back(e.total[i]);
    }
  }

  SobolIndices result;
  result.variance = point.variance;
  result.samples = static_cast<std::size_t>(n);
  const double tail = (1.0 - confidence) / 2;
  auto interval = [&](double value, std::vector<double>& draws) {
    IndexEstimate estimate_{value, value, value};
    if (draws.empty()) return estimate_;
    std::sort(draws.begin(), draws.end());
    estimate_.lo = quantile(draws, tail);
    estimate_.hi = quantile(draws, 1.0 - tail);
    return estimate_;
  };
  for (std::size_t i = 0; i < d; ++i) {
    result.first_order.push_back(interval(point.first_order[i], first[i]));
    result.total.push_back(interval(point.total[i], total[i]));
  }
  return result;
}

}  // namespace parley::sweep
