#include "parley/solve/bimatrix_game.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <utility>

namespace parley {

namespace {

std::vector<std::string> numbered_labels(Eigen::Index count) {
  std::vector<std::string> labels;
  labels.reserve(static_cast<std::size_t>(count));
  for (Eigen::Index k = 1; k <= count; ++k) labels.push_back(std::to_string(k));
  return labels;
}

}  // namespace

BimatrixGame::BimatrixGame(Eigen::MatrixXd a, Eigen::MatrixXd b)
    : BimatrixGame(a, b, {"Player 1", "Player 2"}, {numbered_labels(a.rows()), numbered_labels(a.cols())}) {}

BimatrixGame::BimatrixGame(Eigen::MatrixXd a, Eigen::MatrixXd b, std::array<std::string, 2> player_names,
                           std::array<std::vector<std::string>, 2> strategy_labels, std::string title)
    : a_(std::move(a)),
      b_(std::move(b)),
      player_names_(std::move(player_names)),
      strategy_labels_(std::move(strategy_labels)),
      title_(std::move(title)) {
  if (a_.rows() == 0 || a_.cols() == 0) {
    throw std::invalid_argument("BimatrixGame: each player needs at least one strategy");
  }
  if (a_.rows() != b_.rows() || a_.cols() != b_.cols()) {
    throw std::invalid_argument("BimatrixGame: payoff matrices A (" + std::to_string(a_.rows()) + "x" +
                                std::to_string(a_.cols()) + ") and B (" + std::to_string(b_.rows()) + "x" +
                                std::to_string(b_.cols()) + ") differ in size");
  }
  if (!a_.allFinite() || !b_.allFinite()) {
    throw std::invalid_argument("BimatrixGame: payoffs must be finite numbers");
  }
  for (int p = 0; p < 2; ++p) {
    if (static_cast<int>(strategy_labels_[static_cast<std::size_t>(p)].size()) != num_strategies(p)) {
      throw std::invalid_argument("BimatrixGame: player " + std::to_string(p + 1) + " has " +
                                  std::to_string(num_strategies(p)) + " strategies but " +
                                  std::to_string(strategy_labels_[static_cast<std::size_t>(p)].size()) +
                                  " labels");
    }
  }
}

const std::string& BimatrixGame::player_name(int player) const {
  return player_names_.at(static_cast<std::size_t>(player));
}

const std::vector<std::string>& BimatrixGame::strategy_labels(int player) const {
  return strategy_labels_.at(static_cast<std::size_t>(player));
}

std::array<double, 2> expected_payoffs(const BimatrixGame& game, const MixedProfile& profile) {
  return {profile.x.dot(game.a() * profile.y), profile.x.dot(game.b() * profile.y)};
}

double regret(const BimatrixGame& game, const MixedProfile& profile) {
  const Eigen::VectorXd row_values = game.a() * profile.y;                 // (A y)_i
  const Eigen::VectorXd column_values = game.b().transpose() * profile.x;  // (B^T x)_j
  const double gain1 = row_values.maxCoeff() - profile.x.dot(row_values);
  const double gain2 = column_values.maxCoeff() - profile.y.dot(column_values);
  return std::max(gain1, gain2);
}

NormalizedPayoffs normalized_payoffs(const BimatrixGame& game) {
  // Shifted to minimum 0 along `axis` (columns of A, rows of B), then divided by the largest
  // entry. The difference of two finite payoffs may overflow (1e308 - -1e308): then the payoffs
  // are first divided by their largest magnitude, a positive scaling that changes no incentive.
  const auto normalize = [](const Eigen::MatrixXd& payoffs, bool per_column, double& scale) {
    const auto shifted = [per_column](const Eigen::MatrixXd& m) -> Eigen::MatrixXd {
      if (per_column) return m.rowwise() - m.colwise().minCoeff();
      return m.colwise() - m.rowwise().minCoeff();
    };
    Eigen::MatrixXd result = shifted(payoffs);
    scale = result.maxCoeff();
    if (!std::isfinite(scale)) {
      const double magnitude = payoffs.cwiseAbs().maxCoeff();
      result = shifted(payoffs / magnitude);
      scale = result.maxCoeff();
      if (scale > 0.0) result /= scale;
      scale *= magnitude;  // may be infinite; the normalised entries are right regardless
      return result;
    }
    if (scale > 0.0) result /= scale;
    return result;
  };
  NormalizedPayoffs normalized;
  normalized.a = normalize(game.a(), true, normalized.scale_a);
  normalized.b = normalize(game.b(), false, normalized.scale_b);
  return normalized;
}

bool is_nash_equilibrium(const BimatrixGame& game, const MixedProfile& profile, double tolerance) {
  const auto is_distribution = [tolerance](const Eigen::VectorXd& v, int size) {
    return v.size() == size && v.allFinite() && v.minCoeff() >= -tolerance &&
           std::abs(v.sum() - 1.0) <= tolerance;
  };
  return is_distribution(profile.x, game.rows()) && is_distribution(profile.y, game.cols()) &&
         regret(game, profile) <= tolerance;
}

double profile_distance(const MixedProfile& p, const MixedProfile& q) {
  if (p.x.size() != q.x.size() || p.y.size() != q.y.size()) {
    return std::numeric_limits<double>::infinity();
  }
  return std::max((p.x - q.x).cwiseAbs().maxCoeff(), (p.y - q.y).cwiseAbs().maxCoeff());
}

}  // namespace parley
