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
#include "profile_moments.hpp"

namespace parley {

namespace detail {

/// \brief What a MetaGame keeps to be extended: its prepared profiles, the stream's seed and
/// point, and the moments of runs [0, n) in play_meta_game's blocks (aligned on run 0):
/// `whole` has the whole blocks [0, B floor(n / B)) merged in order, `open` the Welford state of
/// the last block's runs [B floor(n / B), n) when n is not a multiple of B = runs_per_block.
/// The estimate is `whole` merged with `open`, as the block-ordered reduction of n runs at once
/// merges its last, partial block.
struct MetaGameRuns {
  std::shared_ptr<const std::vector<Simulation>> profiles;  ///< row-major: profile i * cols + j
  std::array<std::size_t, 2> players{};
  std::uint64_t seed = 0;
  std::uint64_t point = 0;
  ProfileMoments whole;
  ProfileMoments open;
};

}  // namespace detail

namespace {

using detail::MetaGameRuns;
using detail::ProfileMoments;

[[noreturn]] void fail(const std::string& what) { throw std::invalid_argument("meta-game: " + what); }

/// Adds runs [sampled.whole.count() + sampled.open.count(), runs) of every profile to
/// `sampled`, in the blocks play_meta_game would use for `runs` runs at once (MetaGameRuns):
/// the open block is continued where it stopped, every block is merged in order onto the
/// whole ones, and a last block that ends before its end stays open.
void add_runs(MetaGameRuns& sampled, std::int64_t runs, int threads, const MetaGameProgress& progress) {
  const std::int64_t done = sampled.whole.count() + sampled.open.count();
  if (runs <= done) return;
  const std::vector<Simulation>& profiles = *sampled.profiles;
  const auto k_profiles = static_cast<Eigen::Index>(profiles.size());
  const std::int64_t first_block = done / runs_per_block;
  const std::int64_t blocks = (runs + runs_per_block - 1) / runs_per_block - first_block;
  const std::int64_t whole_runs = runs / runs_per_block * runs_per_block;
  const ProfileMoments open_before = sampled.open;
  ProfileMoments whole_after = sampled.whole;
  ProfileMoments open_after(k_profiles);
  const std::array<std::size_t, 2> players = sampled.players;
  const std::uint64_t seed = sampled.seed;
  const std::uint64_t point = sampled.point;

  const auto make_block_worker = [&] {
    std::vector<std::unique_ptr<EpisodeRunner>> runners;
    for (const Simulation& simulation : profiles) runners.push_back(std::make_unique<EpisodeRunner>(simulation));
    return [&, runners = std::move(runners),
            payoffs = std::array<Eigen::VectorXd, 2>{Eigen::VectorXd(k_profiles), Eigen::VectorXd(k_profiles)},
            results = std::vector<EpisodeResult>(profiles.size())](std::int64_t block, ProfileMoments& slot) mutable {
      const std::int64_t start = (first_block + block) * runs_per_block;
      const std::int64_t first = std::max(start, done);
      const std::int64_t last = std::min(runs, start + runs_per_block);
      // The block the last call left open goes on from its Welford state.
      if (first > start) slot = open_before;
      for (std::int64_t k = first; k < last; ++k) {
        for (std::size_t q = 0; q < profiles.size(); ++q) {
          // The same run index in every profile: the same front (common random numbers).
          const EpisodeResult& r = runners[q]->run(seed, point, static_cast<std::uint64_t>(k));
          payoffs[0](static_cast<Eigen::Index>(q)) = r.payoffs[players[0]];
          payoffs[1](static_cast<Eigen::Index>(q)) = r.payoffs[players[1]];
          results[q].outcome = r.outcome;
          results[q].duration = r.duration;
        }
        slot.add(payoffs, results);
      }
      // A block that ends before its end is the next call's open block (one worker, once).
      if (last < start + runs_per_block) open_after = slot;
    };
  };
  // Merged onto the whole blocks in block order: the reduction of play_meta_game, whose state
  // after the last whole block is kept apart from the open one.
  const ProfileMoments total = reduce_blocks_in_order(
      blocks, worker_count(threads, blocks), sampled.whole, make_block_worker, [&](const ProfileMoments& merged) {
        if (merged.count() == whole_runs) whole_after = merged;
        if (progress) progress(merged.count(), runs);
      });
  if (total.count() != runs) fail("internal: runs lost in the reduction");
  sampled.whole = std::move(whole_after);
  sampled.open = std::move(open_after);
}

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
  auto profiles = std::make_shared<std::vector<Simulation>>();
  profiles->reserve(rows * cols);
  for (std::size_t i = 0; i < rows; ++i) {
    for (std::size_t j = 0; j < cols; ++j) {
      strategies[spec.players[0]] = spec.strategies[0][i];
      strategies[spec.players[1]] = spec.strategies[1][j];
      profiles->emplace_back(setting, strategies);
    }
  }

  const auto k_profiles = static_cast<Eigen::Index>(rows * cols);
  auto sampled = std::make_shared<MetaGameRuns>(
      MetaGameRuns{std::move(profiles), spec.players, options.seed, options.point, ProfileMoments(k_profiles),
                   ProfileMoments(k_profiles)});
  add_runs(*sampled, options.runs, options.threads, options.progress);
  return MetaGame::from_runs(spec, std::move(sampled));
}

MetaGame extend_meta_game(const MetaGame& meta, std::int64_t runs, int threads, const MetaGameProgress& progress) {
  if (runs < meta.runs()) fail("cannot extend to fewer runs than the meta-game has");
  if (runs == meta.runs()) return meta;
  auto sampled = std::make_shared<MetaGameRuns>(*meta.sampled_);
  add_runs(*sampled, runs, threads, progress);
  return MetaGame::from_runs(meta.spec_, std::move(sampled));
}

MetaGame MetaGame::from_runs(const MetaGameSpec& spec, std::shared_ptr<const MetaGameRuns> sampled) {
  // The estimate: the whole blocks, then the open one, as the reduction merges them.
  ProfileMoments total = sampled->whole;
  total.merge(sampled->open);
  const Scenario& sc = sampled->profiles->front().scenario();
  const std::size_t rows = spec.strategies[0].size();
  const std::size_t cols = spec.strategies[1].size();
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
  meta.sampled_ = std::move(sampled);
  return meta;
}

std::uint64_t MetaGame::seed() const { return sampled_->seed; }
std::uint64_t MetaGame::point() const { return sampled_->point; }

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

std::vector<MetaEquilibrium> meta_equilibria(const BimatrixGame& game, double support_tolerance) {
  std::vector<MetaEquilibrium> out;
  for (const MixedProfile& profile : extreme_equilibria(game)) {
    MetaEquilibrium e;
    e.profile = profile;
    e.payoffs = expected_payoffs(game, profile);
    for (Eigen::Index i = 0; i < profile.x.size(); ++i)
      if (profile.x(i) > support_tolerance) e.supports[0].push_back(static_cast<int>(i));
    for (Eigen::Index j = 0; j < profile.y.size(); ++j)
      if (profile.y(j) > support_tolerance) e.supports[1].push_back(static_cast<int>(j));
    out.push_back(std::move(e));
  }
  return out;
}

std::vector<MetaEquilibrium> meta_equilibria(const MetaGame& meta, double support_tolerance) {
  return meta_equilibria(meta.game(), support_tolerance);
}

std::vector<BestReply> best_replies(const MetaGame& meta, int player, double z) {
  const BimatrixGame& g = meta.game();
  const int own = g.num_strategies(player);
  const int other = g.num_strategies(1 - player);
  // Player 0's payoff at (mine, theirs) is A(mine, theirs); player 1's is B(theirs, mine).
  const auto payoff = [&](int mine, int theirs) { return player == 0 ? g.a()(mine, theirs) : g.b()(theirs, mine); };
  // The paired standard error of payoff(mine, theirs) - payoff(other_mine, theirs).
  const auto difference_error = [&](int mine, int other_mine, int theirs) {
    return player == 0 ? meta.difference_standard_error(0, mine, theirs, other_mine, theirs)
                       : meta.difference_standard_error(1, theirs, mine, theirs, other_mine);
  };
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
      // Within z paired standard errors of the best: not told apart from it (0 <= 0 for an
      // exact tie).
      const BestReplyTie tie{mine, r.payoff - payoff(mine, theirs), difference_error(r.reply, mine, theirs)};
      if (tie.margin <= z * tie.margin_standard_error) r.ties.push_back(tie);
    }
    if (r.runner_up >= 0) {
      r.margin = r.payoff - payoff(r.runner_up, theirs);
      r.margin_standard_error = difference_error(r.reply, r.runner_up, theirs);
    }
    out.push_back(r);
  }
  return out;
}

}  // namespace parley
