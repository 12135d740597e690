#pragma once
/// \file meta_game.hpp
/// The strategy meta-game (DESIGN 1.7): which strategy should each belligerent pick, given
/// what the other may pick? Each profile of strategies is simulated by Monte Carlo with common
/// random numbers; the expected payoffs form a bimatrix game whose Nash equilibria answer the
/// question ("prolonged versus quick").

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <Eigen/Dense>

#include "parley/agents/bargaining_setting.hpp"
#include "parley/engine/confidence_interval.hpp"
#include "parley/engine/monte_carlo.hpp"
#include "parley/model/party.hpp"
#include "parley/solve/bimatrix_game.hpp"

namespace parley {

/// \brief The two players of the meta-game and the strategies each may choose.
///
/// Every other party keeps the strategy the scenario gives it (a mediator its plan).
struct MetaGameSpec {
  std::array<std::size_t, 2> players{};                 ///< party indices: row player, column player
  std::array<std::vector<StrategySpec>, 2> strategies;  ///< each player's candidate strategies
  /// Optional labels of the strategies in reports (one per strategy); empty: their names.
  std::array<std::vector<std::string>, 2> labels;
};

/// \brief How the episodes of one profile ended, over the runs.
struct ProfileOutcome {
  double settled = 0.0;      ///< share of runs that ended in agreement
  double mean_duration = 0.0;  ///< mean periods fought (EpisodeResult::duration)
};

namespace detail {
struct MetaGameRuns;
}  // namespace detail

/// Progress of a meta-game's runs: (runs done, runs wanted) per profile, as RunOptions::progress.
using MetaGameProgress = std::function<void(std::int64_t, std::int64_t)>;

/// \brief The meta-game estimated by Monte Carlo: a bimatrix game of expected payoffs, with
/// the sampling error of every payoff and of every difference between profiles.
///
/// Payoffs are those of DESIGN 1.1 (EpisodeResult::payoffs): discounted utility of the
/// outcome minus accumulated costs, from period 0. Row i is the row player's strategy i,
/// column j the column player's strategy j.
///
/// Common random numbers: run k of every profile draws its front from the same stream
/// RandomStream(seed, point, k) (the engine's front stream depends on the run only, never on
/// the strategies), so the profiles are compared on the same fronts and the difference of two
/// profiles' payoffs is estimated from the paired per-run differences,
///   Var(mean of X - Y) = (Var X + Var Y - 2 Cov(X, Y)) / runs,
/// much smaller than the unpaired variance when the payoffs move together with the front.
/// The covariances are accumulated by the multivariate form of Welford's update and merged
/// block by block in run order (Chan, Golub and LeVeque 1979), so memory does not grow with
/// the number of runs and the result does not depend on the number of threads.
///
/// A MetaGame keeps its prepared profiles and its moments, so that extend_meta_game can add
/// runs without replaying the ones it has; copies share the profiles.
class MetaGame {
 public:
  /// The expected payoffs: A for the row player, B for the column player, labelled with the
  /// players' ids and the strategies' labels (MetaGameSpec::labels, or their names).
  [[nodiscard]] const BimatrixGame& game() const { return game_; }
  [[nodiscard]] const MetaGameSpec& spec() const { return spec_; }
  [[nodiscard]] std::int64_t runs() const { return runs_; }
  /// The seed and design point of the common random numbers: run k of every profile draws
  /// from RandomStream(seed, point, k).
  [[nodiscard]] std::uint64_t seed() const;
  [[nodiscard]] std::uint64_t point() const;

  /// The standard error of the mean payoff of `player` (0 row, 1 column) at profile (i, j).
  [[nodiscard]] double standard_error(int player, int i, int j) const;
  /// The standard error of the estimated difference payoff(i, j) - payoff(k, l) of `player`,
  /// from the paired per-run differences (0 when the two profiles pay the same in every run).
  [[nodiscard]] double difference_standard_error(int player, int i, int j, int k, int l) const;
  /// How the episodes of profile (i, j) ended.
  [[nodiscard]] const ProfileOutcome& outcome(int i, int j) const {
    return outcomes_[static_cast<std::size_t>(profile(i, j))];
  }

 private:
  friend MetaGame play_meta_game(std::shared_ptr<const BargainingSetting>, const MetaGameSpec&, const RunOptions&);
  friend MetaGame extend_meta_game(const MetaGame&, std::int64_t, int, const MetaGameProgress&);
  MetaGame(BimatrixGame game, MetaGameSpec spec) : game_(std::move(game)), spec_(std::move(spec)) {}
  /// The estimate of the runs in `sampled` (built by meta_game.cpp).
  static MetaGame from_runs(const MetaGameSpec& spec, std::shared_ptr<const detail::MetaGameRuns> sampled);
  [[nodiscard]] int profile(int i, int j) const { return i * game_.cols() + j; }

  BimatrixGame game_;
  MetaGameSpec spec_;
  /// The prepared profiles, the seed and point, and the moments of the runs so far, kept
  /// block-aligned for extend_meta_game.
  std::shared_ptr<const detail::MetaGameRuns> sampled_;
  std::int64_t runs_ = 0;
  /// Per player: the covariance matrix of the per-run payoffs over profiles (profile index
  /// i * cols + j), unbiased (divided by runs - 1).
  std::array<Eigen::MatrixXd, 2> covariance_;
  std::vector<ProfileOutcome> outcomes_;
};

/// \brief Simulates every profile of `spec` for `options.runs` runs with common random numbers
/// and returns the estimated meta-game.
///
/// Profile (i, j) is the scenario with the row player playing strategies[0][i] and the column
/// player strategies[1][j] (Simulation(setting, strategies)); run k of every profile is the
/// engine's episode k of design point options.point under options.seed. Cost: profiles x runs
/// episodes, spread over options.threads threads (0: every hardware thread).
/// \throws std::invalid_argument if runs < 1, a player index is out of range, the players are
/// the same party, a strategy list is empty, a label list has the wrong length, or a
/// strategy cannot be prepared for its party;
/// rethrows the first exception of a worker.
[[nodiscard]] MetaGame play_meta_game(std::shared_ptr<const BargainingSetting> setting, const MetaGameSpec& spec,
                                      const RunOptions& options);

/// \brief The same meta-game with runs [meta.runs(), runs) added, without replaying the runs
/// it has: run k of every profile is again RandomStream(meta.seed(), meta.point(), k), and the
/// moments are merged as play_meta_game merges them, so that the result is bit-identical to
/// play_meta_game with `runs` runs, at any thread count (`threads`, 0: every hardware thread).
///
/// How: play_meta_game's blocks of runs_per_block runs are aligned on run 0 and merged in
/// order. `meta` keeps the merged moments of its whole blocks and, apart, the Welford state of
/// its last block if that is partial; the extension continues that block where it stopped
/// (Welford's update is sequential, so the block comes out as if played at once) and merges it
/// and the following blocks in order onto the whole ones. `progress` (optional) gets (runs
/// done, runs) after each block.
/// \throws std::invalid_argument if runs < meta.runs(); rethrows the first exception of a worker.
[[nodiscard]] MetaGame extend_meta_game(const MetaGame& meta, std::int64_t runs, int threads = 0,
                                        const MetaGameProgress& progress = {});

/// \brief A Nash equilibrium of the meta-game, with its supports and expected payoffs.
struct MetaEquilibrium {
  MixedProfile profile;              ///< x over the row player's strategies, y over the column player's
  std::array<double, 2> payoffs{};   ///< x^T A y, x^T B y
  std::array<std::vector<int>, 2> supports;  ///< strategies played with positive probability
};

/// \brief Every extreme Nash equilibrium of the estimated meta-game (vertex enumeration of the
/// best-response polytopes: Avis, Rosenberg, Savani and von Stengel 2010; exact on degenerate
/// games, where equal payoffs are common in meta-games because different strategies often
/// produce the same episodes), in the order enumerate_extreme_equilibria reports them.
/// Probabilities below `support_tolerance` are outside the support.
[[nodiscard]] std::vector<MetaEquilibrium> meta_equilibria(const MetaGame& meta, double support_tolerance = 1e-9);

/// The same for any bimatrix game (meta_equilibrium_set.hpp solves a game derived from the
/// estimate this way).
[[nodiscard]] std::vector<MetaEquilibrium> meta_equilibria(const BimatrixGame& game, double support_tolerance = 1e-9);

/// \brief A strategy that cannot be told apart from a best reply at the chosen confidence.
struct BestReplyTie {
  int strategy = 0;
  /// payoff(reply) - payoff(strategy) >= 0 and its paired standard error; the tie is
  /// margin <= z * margin_standard_error.
  double margin = 0.0;
  double margin_standard_error = 0.0;
  /// An exact tie: the same payoff in every run (margin and standard error both 0), as two
  /// strategies that play identically have. No number of runs separates them.
  [[nodiscard]] bool exact() const { return margin == 0.0 && margin_standard_error == 0.0; }
};

/// \brief A player's best reply to one pure strategy of the other, and by how much it is best.
struct BestReply {
  int against = 0;      ///< the other player's strategy
  int reply = 0;        ///< the best reply (the first, in strategy order, among tied best)
  double payoff = 0.0;  ///< its expected payoff
  /// The second-best strategy (-1 if the player has only one) and the estimated margin
  /// payoff(reply) - payoff(runner_up) >= 0, with its paired standard error.
  int runner_up = -1;
  double margin = 0.0;
  double margin_standard_error = 0.0;
  /// The other strategies tied with `reply` (BestReplyTie: within z paired standard errors of
  /// it, exact ties included), in strategy order; empty when the reply is clear.
  std::vector<BestReplyTie> ties;
};

/// The best reply of `player` (0 row, 1 column) to each pure strategy of the other player:
/// argmax over its strategies of its expected payoff against that strategy, with the
/// strategies tied with it at the normal quantile `z` (z_95 = 1.96: differences that a 95%
/// confidence interval does not tell from 0; confidence_z turns a confidence into z).
[[nodiscard]] std::vector<BestReply> best_replies(const MetaGame& meta, int player, double z = z_95);

}  // namespace parley
