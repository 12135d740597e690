#pragma once
// The streaming moments of a meta-game's per-run payoffs (private to sim/solve; meta_game.cpp
// accumulates its runs in it, block by block).

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include <Eigen/Dense>

#include "parley/engine/episode_result.hpp"

namespace parley::detail {

/// \brief Streaming mean vector and co-moment matrix of the per-run payoffs of every profile,
/// for both players, plus the profiles' outcome counts.
///
/// add(): the multivariate Welford update, with n the new count,
///   d = x - mean, mean += d / n, M2 += d (x - mean)^T;
/// merge(): Chan, Golub and LeVeque (1979) for vectors,
///   n = n_a + n_b, delta = mean_b - mean_a, mean = mean_a + delta n_b / n,
///   M2 = M2_a + M2_b + delta delta^T n_a n_b / n.
/// M2 / (n - 1) is the unbiased covariance matrix. Both are deterministic functions of the
/// runs added and of the order of the adds and merges, so the same sequence of operations
/// gives the same bits.
class ProfileMoments {
 public:
  explicit ProfileMoments(Eigen::Index profiles) {
    for (int p = 0; p < 2; ++p) {
      mean_[p] = Eigen::VectorXd::Zero(profiles);
      m2_[p] = Eigen::MatrixXd::Zero(profiles, profiles);
      delta_[p] = Eigen::VectorXd::Zero(profiles);
    }
    settled_.assign(static_cast<std::size_t>(profiles), 0);
    duration_.assign(static_cast<std::size_t>(profiles), 0);
  }

  void clear() {
    count_ = 0;
    for (int p = 0; p < 2; ++p) {
      mean_[p].setZero();
      m2_[p].setZero();
    }
    std::fill(settled_.begin(), settled_.end(), 0);
    std::fill(duration_.begin(), duration_.end(), 0);
  }

  /// One run: x[p](k) is player p's payoff in profile k; the outcome of each profile.
  void add(const std::array<Eigen::VectorXd, 2>& x, const std::vector<EpisodeResult>& results) {
    ++count_;
    const double n = static_cast<double>(count_);
    for (int p = 0; p < 2; ++p) {
      delta_[p] = x[p] - mean_[p];
      mean_[p] += delta_[p] / n;
      m2_[p].noalias() += delta_[p] * (x[p] - mean_[p]).transpose();
    }
    for (std::size_t k = 0; k < results.size(); ++k) {
      settled_[k] += results[k].outcome == Outcome::settled ? 1 : 0;
      duration_[k] += results[k].duration;
    }
  }

  void merge(const ProfileMoments& other) {
    if (other.count_ == 0) return;
    if (count_ == 0) {
      *this = other;
      return;
    }
    const double na = static_cast<double>(count_);
    const double nb = static_cast<double>(other.count_);
    const double n = na + nb;
    for (int p = 0; p < 2; ++p) {
      const Eigen::VectorXd delta = other.mean_[p] - mean_[p];
      mean_[p] += delta * (nb / n);
      m2_[p] += other.m2_[p] + delta * delta.transpose() * (na * nb / n);
    }
    count_ += other.count_;
    for (std::size_t k = 0; k < settled_.size(); ++k) {
      settled_[k] += other.settled_[k];
      duration_[k] += other.duration_[k];
    }
  }

  [[nodiscard]] std::int64_t count() const { return count_; }
  [[nodiscard]] const Eigen::VectorXd& mean(int p) const { return mean_[p]; }
  [[nodiscard]] Eigen::MatrixXd covariance(int p) const {
    return count_ > 1 ? Eigen::MatrixXd(m2_[p] / static_cast<double>(count_ - 1))
                      : Eigen::MatrixXd::Zero(m2_[p].rows(), m2_[p].cols());
  }
  [[nodiscard]] std::int64_t settled(std::size_t k) const { return settled_[k]; }
  [[nodiscard]] std::int64_t duration(std::size_t k) const { return duration_[k]; }

 private:
  std::int64_t count_ = 0;
  std::array<Eigen::VectorXd, 2> mean_;
  std::array<Eigen::MatrixXd, 2> m2_;
  std::array<Eigen::VectorXd, 2> delta_;  ///< scratch
  std::vector<std::int64_t> settled_;
  std::vector<std::int64_t> duration_;
};

}  // namespace parley::detail
