#include "parley/solve/meta_equilibrium_set.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <vector>

namespace parley {

namespace {

/// T_p(t) for every t: the best reply and the strategies tied with it, ascending.
std::vector<std::vector<int>> tie_sets(const std::vector<BestReply>& replies) {
  std::vector<std::vector<int>> out;
  for (const BestReply& r : replies) {
    std::vector<int> tied{r.reply};
    for (const BestReplyTie& t : r.ties) tied.push_back(t.strategy);
    std::sort(tied.begin(), tied.end());
    out.push_back(std::move(tied));
  }
  return out;
}

/// The tie-closed game from the tie sets (MetaEquilibriumSet).
BimatrixGame close_ties(const MetaGame& meta, const std::array<std::vector<BestReply>, 2>& replies) {
  const BimatrixGame& g = meta.game();
  Eigen::MatrixXd a = g.a();
  Eigen::MatrixXd b = g.b();
  // The row player's payoff against column t is A(., t); the column player's against row t is B(t, .).
  for (const BestReply& r : replies[0])
    for (const BestReplyTie& t : r.ties) a(t.strategy, r.against) = a(r.reply, r.against);
  for (const BestReply& r : replies[1])
    for (const BestReplyTie& t : r.ties) b(r.against, t.strategy) = b(r.against, r.reply);
  return BimatrixGame(std::move(a), std::move(b), {g.player_name(0), g.player_name(1)},
                      {g.strategy_labels(0), g.strategy_labels(1)}, g.title());
}

}  // namespace

BimatrixGame tie_closed_game(const MetaGame& meta, double z) {
  return close_ties(meta, {best_replies(meta, 0, z), best_replies(meta, 1, z)});
}

MetaEquilibriumSet meta_equilibrium_set(const MetaGame& meta, double z) {
  const std::array<std::vector<BestReply>, 2> replies{best_replies(meta, 0, z), best_replies(meta, 1, z)};
  MetaEquilibriumSet set;
  for (std::size_t p = 0; p < 2; ++p) set.ties[p] = tie_sets(replies[p]);
  for (const MetaEquilibrium& e : meta_equilibria(close_ties(meta, replies))) set.supports.push_back(e.supports);
  std::sort(set.supports.begin(), set.supports.end());
  set.supports.erase(std::unique(set.supports.begin(), set.supports.end()), set.supports.end());
  return set;
}

}  // namespace parley
