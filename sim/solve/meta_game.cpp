#include "parley/solve/meta_game.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "parley/engine/episode_runner.hpp"
#include "parley/engine/ordered_reduction.hpp"
#include "parley/engine/simulation.hpp"
#include "parley/solve/vertex_enumeration.hpp"

namespace parley {

namespace {

/// \brief Streaming mean vector and co-moment matrix of the per-run payoffs of every profile,
/// for both players, plus the profiles' outcome counts.
///
/// add(): the multivariate Welford update, with n the new count,
///   d = x - mean, mean += d / n, M2 += d (x - mean)^T;
/// merge(): Chan, Golub and LeVeque (1979) for vectors,
///   n = n_a + n_b, delta = mean_b - mean_a, mean = mean_a + delta n_b / n,
///   M2 = M2_a + M2_b + delta delta^T n_a n_b / n.
/// M2 / (n - 1) is the unbiased covariance matrix.
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

[[noreturn]] void fail(const std::string& what) { throw std::invalid_argument("meta-game: " + what); }

}  // namespace

MetaGame play_meta_game(std::shared_ptr<const BargainingSetting> setting, const MetaGameSpec& spec,
                        const RunOptions& options) {
  if (!setting) fail("no setting");
  if (options.runs < 1) fail("runs must be >= 1");
  const Scenario& sc = setting->scenario();
  for (std::size_t player : spec.players)
    if (player >= sc.parties.size()) fail("player index out of range");
  if (spec.players[0] == spec.players[1]) fail("the two players must be different parties");
  for (std::size_t p = 0; p < 2; ++p) {
    if (spec.strategies[p].empty()) fail("every player needs at least one strategy");
    if (!spec.labels[p].empty() && spec.labels[p].size() != spec.strategies[p].size())
      fail("one label per strategy expected");
  }

  // One prepared simulation per profile, row-major: profile i * cols + j.
  const std::size_t rows = spec.strategies[0].size();
  const std::size_t cols = spec.strategies[1].size();
  std::vector<StrategySpec> strategies;
  for (const Party& p : sc.parties) strategies.push_back(p.strategy);
  std::vector<Simulation> profiles;
  profiles.reserve(rows * cols);
  for (std::size_t i = 0; i < rows; ++i) {
    for (std::size_t j = 0; j < cols; ++j) {
      strategies[spec.players[0]] = spec.strategies[0][i];
      strategies[spec.players[1]] = spec.strategies[1][j];
      profiles.emplace_back(setting, strategies);
    }
  }

  const std::int64_t blocks = (options.runs + runs_per_block - 1) / runs_per_block;
  const std::array<std::size_t, 2> players = spec.players;
  const auto make_block_worker = [&] {
    std::vector<std::unique_ptr<EpisodeRunner>> runners;
    for (const Simulation& simulation : profiles) runners.push_back(std::make_unique<EpisodeRunner>(simulation));
    const auto k_profiles = static_cast<Eigen::Index>(profiles.size());
    return [&, runners = std::move(runners),
            payoffs = std::array<Eigen::VectorXd, 2>{Eigen::VectorXd(k_profiles), Eigen::VectorXd(k_profiles)},
            results = std::vector<EpisodeResult>(profiles.size())](std::int64_t block, ProfileMoments& slot) mutable {
      const std::int64_t first = block * runs_per_block;
      const std::int64_t last = std::min(options.runs, first + runs_per_block);
      for (std::int64_t k = first; k < last; ++k) {
        for (std::size_t q = 0; q < profiles.size(); ++q) {
          // The same run index in every profile: the same front (common random numbers).
          const EpisodeResult& r = runners[q]->run(options.seed, options.point, static_cast<std::uint64_t>(k));
          payoffs[0](static_cast<Eigen::Index>(q)) = r.payoffs[players[0]];
          payoffs[1](static_cast<Eigen::Index>(q)) = r.payoffs[players[1]];
          results[q].outcome = r.outcome;
          results[q].duration = r.duration;
        }
        slot.add(payoffs, results);
      }
    };
  };
  const ProfileMoments total = reduce_blocks_in_order(
      blocks, worker_count(options.threads, blocks), ProfileMoments(static_cast<Eigen::Index>(profiles.size())),
      make_block_worker, [&](const ProfileMoments& merged) {
        if (options.progress) options.progress(merged.count(), options.runs);
      });

  const auto r = static_cast<Eigen::Index>(rows);
  const auto c = static_cast<Eigen::Index>(cols);
  Eigen::MatrixXd a(r, c), b(r, c);
  for (Eigen::Index i = 0; i < r; ++i)
    for (Eigen::Index j = 0; j < c; ++j) {
      a(i, j) = total.mean(0)(i * c + j);
      b(i, j) = total.mean(1)(i * c + j);
    }
  std::array<std::vector<std::string>, 2> labels = spec.labels;
  for (std::size_t p = 0; p < 2; ++p)
    if (labels[p].empty())
      for (const StrategySpec& s : spec.strategies[p]) labels[p].push_back(s.name);
  BimatrixGame game(std::move(a), std::move(b),
                    {sc.parties[spec.players[0]].id, sc.parties[spec.players[1]].id}, std::move(labels),
                    sc.title.empty() ? sc.id : sc.title);
  MetaGame meta(std::move(game), spec);
  meta.runs_ = total.count();
  meta.covariance_ = {total.covariance(0), total.covariance(1)};
  for (std::size_t k = 0; k < rows * cols; ++k) {
    ProfileOutcome o;
    o.settled = static_cast<double>(total.settled(k)) / static_cast<double>(total.count());
    o.mean_duration = static_cast<double>(total.duration(k)) / static_cast<double>(total.count());
    meta.outcomes_.push_back(o);
  }
  return meta;
}

double MetaGame::standard_error(int player, int i, int j) const {
  const int k = profile(i, j);
  return std::sqrt(std::max(0.0, covariance_[static_cast<std::size_t>(player)](k, k)) / static_cast<double>(runs_));
}

double MetaGame::difference_standard_error(int player, int i, int j, int k, int l) const {
  const Eigen::MatrixXd& cov = covariance_[static_cast<std::size_t>(player)];
  const int x = profile(i, j);
  const int y = profile(k, l);
  const double variance = cov(x, x) + cov(y, y) - 2.0 * cov(x, y);
  return std::sqrt(std::max(0.0, variance) / static_cast<double>(runs_));
}

std::vector<MetaEquilibrium> meta_equilibria(const MetaGame& meta, double support_tolerance) {
  std::vector<MetaEquilibrium> out;
  for (const MixedProfile& profile : extreme_equilibria(meta.game())) {
    MetaEquilibrium e;
    e.profile = profile;
    e.payoffs = expected_payoffs(meta.game(), profile);
    for (Eigen::Index i = 0; i < profile.x.size(); ++i)
      if (profile.x(i) > support_tolerance) e.supports[0].push_back(static_cast<int>(i));
    for (Eigen::Index j = 0; j < profile.y.size(); ++j)
      if (profile.y(j) > support_tolerance) e.supports[1].push_back(static_cast<int>(j));
    out.push_back(std::move(e));
  }
  return out;
}

std::vector<BestReply> best_replies(const MetaGame& meta, int player) {
  const BimatrixGame& g = meta.game();
  const int own = g.num_strategies(player);
  const int other = g.num_strategies(1 - player);
  // Player 0's payoff at (mine, theirs) is A(mine, theirs); player 1's is B(theirs, mine).
  const auto payoff = [&](int mine, int theirs) { return player == 0 ? g.a()(mine, theirs) : g.b()(theirs, mine); };
  std::vector<BestReply> out;
  for (int theirs = 0; theirs < other; ++theirs) {
    BestReply r;
    r.against = theirs;
    for (int mine = 1; mine < own; ++mine)
      if (payoff(mine, theirs) > payoff(r.reply, theirs)) r.reply = mine;
    r.payoff = payoff(r.reply, theirs);
    for (int mine = 0; mine < own; ++mine) {
      if (mine == r.reply) continue;
      if (r.runner_up < 0 || payoff(mine, theirs) > payoff(r.runner_up, theirs)) r.runner_up = mine;
    }
    if (r.runner_up >= 0) {
      r.margin = r.payoff - payoff(r.runner_up, theirs);
      r.margin_standard_error = player == 0
                                    ? meta.difference_standard_error(0, r.reply, theirs, r.runner_up, theirs)
                                    : meta.difference_standard_error(1, theirs, r.reply, theirs, r.runner_up);
    }
    out.push_back(r);
  }
  return out;
}

}  // namespace parley
