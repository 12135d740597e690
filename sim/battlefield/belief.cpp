#include "parley/battlefield/belief.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace parley {

Belief::Belief(const BeliefSpec& spec, const BattlefieldParams* battlefield, int horizon)
    : offsets_(spec.offsets), prior_(spec.prior), probabilities_(spec.prior) {
  if (offsets_.empty() || offsets_.size() != prior_.size())
    throw std::invalid_argument("belief: offsets and prior must be non-empty and of equal length");
  double total = 0.0;
  for (double p : prior_) {
    if (!(p >= 0.0)) throw std::invalid_argument("belief: prior probabilities must be >= 0");
    total += p;
  }
  if (std::abs(total - 1.0) > 1e-9) throw std::invalid_argument("belief: prior must sum to 1");
  if (battlefield) {
    chains_.reserve(offsets_.size());
    for (double offset : offsets_) chains_.emplace_back(*battlefield, offset);
    tabulated_ = std::max(horizon, 0);
    moves_.reserve(static_cast<std::size_t>(tabulated_) * chains_.size());
    for (int t = 0; t < tabulated_; ++t)
      for (const BattlefieldChain& chain : chains_) moves_.push_back(chain.moves(t));
  }
}

const FrontMoves& Belief::moves(int t, std::size_t k, FrontMoves& untabulated) const {
  if (t >= 0 && t < tabulated_) return moves_[static_cast<std::size_t>(t) * chains_.size() + k];
  untabulated = chains_[k].moves(t);
  return untabulated;
}

void Belief::observe(int t, int from, int to) {
  if (chains_.empty() || chains_.front().absorbing(from)) return;
  // Which moves lead from `from` to `to` is the same under every hypothesis (they share the
  // states and thresholds); only their probabilities differ. The likelihoods go into
  // probabilities_ unnormalised; if every hypothesis deems the move impossible (total = 0)
  // the previous belief is restored, so it never becomes 0/0.
  const unsigned leads = chains_.front().moves_reaching(from, to);
  FrontMoves untabulated;
  double total = 0.0;
  for (std::size_t k = 0; k < chains_.size(); ++k)
    total += probabilities_[k] * BattlefieldChain::probability(moves(t, k, untabulated), leads);
  if (!(total > 0.0)) return;
  for (std::size_t k = 0; k < chains_.size(); ++k)
    probabilities_[k] *= BattlefieldChain::probability(moves(t, k, untabulated), leads) / total;
}

void Belief::reset() { std::copy(prior_.begin(), prior_.end(), probabilities_.begin()); }

double Belief::expected_advantage(int t) const {
  if (chains_.empty()) return 0.0;
  double a = 0.0;
  for (std::size_t k = 0; k < chains_.size(); ++k) a += probabilities_[k] * chains_[k].advantage(t);
  return a;
}

namespace {

void check_tables(const Belief& belief, const std::vector<WarValueTable>& tables) {
  if (tables.size() != belief.hypotheses())
    throw std::invalid_argument("subjective value: one war value table per hypothesis expected");
}

}  // namespace

double subjective_value(const Belief& belief, const std::vector<WarValueTable>& tables_by_hypothesis,
                        int t, int s) {
  check_tables(belief, tables_by_hypothesis);
  const auto& pi = belief.probabilities();
  double v = 0.0;
  for (std::size_t k = 0; k < pi.size(); ++k) v += pi[k] * tables_by_hypothesis[k](t, s);
  return v;
}

double subjective_continuation(const Belief& belief,
                               const std::vector<WarValueTable>& tables_by_hypothesis, int t,
                               int s) {
  check_tables(belief, tables_by_hypothesis);
  const auto& pi = belief.probabilities();
  double v = 0.0;
  for (std::size_t k = 0; k < pi.size(); ++k) v += pi[k] * tables_by_hypothesis[k].continuation(t, s);
  return v;
}

}  // namespace parley
