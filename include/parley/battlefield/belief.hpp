#pragma once
/// \file belief.hpp
/// A party's Bayesian belief over hypotheses about the battlefield advantage (DESIGN 1.5).

#include <vector>

#include "parley/battlefield/battlefield_chain.hpp"
#include "parley/battlefield/war_value.hpp"
#include "parley/model/party.hpp"

namespace parley {

/// \brief pi_k(t): the probabilities of the hypotheses a_k(t) = clamp(schedule(t) + offset_k),
/// updated by Bayes' rule from each observed move of the front (DESIGN 1.5; Smith and Stam
/// 2004): pi_k(t + 1) = pi_k(t) P_t^k(from, to) / sum_j pi_j(t) P_t^j(from, to), with
/// likelihoods r (1 + a)/2, r (1 - a)/2, 1 - r (and the offensive moves) of each hypothesis.
///
/// Without a battlefield there is nothing to observe and the belief stays at its prior.
class Belief {
 public:
  /// \param battlefield the scenario's battlefield, or null without one.
  /// \param horizon the move probabilities of every hypothesis are tabulated for periods
  /// 0..horizon-1 (pass the scenario's T), so that observing costs a few multiplications per
  /// hypothesis; later periods, if any, evaluate the schedule on the fly.
  /// \throws std::invalid_argument if offsets and prior differ in length, are empty, or the
  /// prior has a negative entry or does not sum to 1 (within 1e-9).
  Belief(const BeliefSpec& spec, const BattlefieldParams* battlefield, int horizon = 0);

  /// Bayes' rule for the move from `from` (at t) to `to` (at t + 1). No allocation. A move
  /// from an absorbing state carries no information and is ignored; so is a move that every
  /// hypothesis deems impossible (the belief cannot condition on a null event, it keeps
  /// its current probabilities).
  void observe(int t, int from, int to);
  /// Back to the prior (for the next episode), no allocation.
  void reset();

  /// pi_k, in the order of the spec's offsets.
  [[nodiscard]] const std::vector<double>& probabilities() const { return probabilities_; }
  /// The offsets a_k are relative to the true schedule.
  [[nodiscard]] const std::vector<double>& offsets() const { return offsets_; }
  [[nodiscard]] std::size_t hypotheses() const { return offsets_.size(); }
  /// sum_k pi_k a_k(t): the advantage the party expects in period t.
  [[nodiscard]] double expected_advantage(int t) const;
  /// The chain of hypothesis k (only with a battlefield).
  [[nodiscard]] const BattlefieldChain& chain(std::size_t k) const { return chains_[k]; }

 private:
  std::vector<double> offsets_;
  std::vector<double> prior_;
  std::vector<double> probabilities_;
  /// The moves of hypothesis k in period t: tabulated, or computed into `untabulated`.
  [[nodiscard]] const FrontMoves& moves(int t, std::size_t k, FrontMoves& untabulated) const;

  std::vector<BattlefieldChain> chains_;  ///< one per hypothesis; empty without a battlefield
  int tabulated_ = 0;                     ///< periods in moves_
  std::vector<FrontMoves> moves_;         ///< [t * hypotheses + k]
};

/// sum_k pi_k V(t, s | a_k): the party's subjective value of fighting to the end (DESIGN 1.5),
/// with `tables_by_hypothesis[k]` the table of hypothesis k (war_values_by_belief()[i]).
[[nodiscard]] double subjective_value(const Belief& belief,
                                      const std::vector<WarValueTable>& tables_by_hypothesis,
                                      int t, int s);

/// sum_k pi_k W(t, s | a_k), t < T: the party's subjective value of rejecting at t and
/// fighting on, its reservation value r_i(t, s) of DESIGN 1.6. Because beliefs are a
/// martingale, this is also -c_i + delta_i times the expectation, under the current
/// predictive distribution of the next move s', of the subjective value at (t + 1, s') with
/// the posterior after observing s -> s': a party that waits expects exactly this.
[[nodiscard]] double subjective_continuation(
    const Belief& belief, const std::vector<WarValueTable>& tables_by_hypothesis, int t, int s);

}  // namespace parley
