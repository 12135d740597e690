#pragma once
/// \file strategy_view.hpp
/// What a strategy sees when it acts: a read-only view of the episode's public state from one
/// party's seat (DESIGN 1.6).

#include <cstddef>
#include <cstdint>
#include <span>

#include "parley/agents/bargaining_setting.hpp"
#include "parley/agents/offer.hpp"
#include "parley/battlefield/belief.hpp"
#include "parley/model/post_settlement.hpp"

namespace parley {

/// \brief The public state of an episode at a decision, owned by whoever runs the episode.
///
/// Every span covers all parties (by party index) or the whole history; the engine refreshes
/// it in place, so it never allocates.
struct NegotiationState {
  int period = 0;      ///< t, 0 <= t < T
  int front = 0;       ///< s_t (always 0 without a battlefield)
  int round = 0;       ///< index of the current round of talks
  std::span<const Belief> beliefs;        ///< pi_j(t) of every party
  /// r_j(t, s_t) = sum_k pi_jk(t) W_j(t, s_t | a_k) for every party j: the value, under its own
  /// belief, of rejecting at t and fighting on (belief.hpp: subjective_continuation).
  std::span<const double> reservations;
  std::span<const Offer> history;         ///< every offer of the episode so far, oldest first
  /// The post-settlement balance of the renewed war in progress, or nullptr in the first war
  /// (valid until the episode ends).
  const PostSettlementBalance* balance = nullptr;
  /// The veto parties that answered no to the mediator's package in this talk period (bit k:
  /// the k-th veto party, BargainingSetting::veto_parties()): the measures aimed at them are in
  /// force if the period ends without agreement (Scenario::leverage, issue 15). 0 before the
  /// mediator's package is answered.
  std::uint64_t leverage = 0;
  /// The veto parties that chose to press in the fighting after this talk period's failed talks
  /// (bits as `leverage`; issue 15): those asked before a party, when it is asked.
  std::uint64_t pressing = 0;

  /// True once a peace has broken in this episode (DESIGN 1.10): the war is then a renewed
  /// one, whose values (and so the reservations) are not the setting's tables at (t, s).
  [[nodiscard]] bool renewed_war() const { return balance != nullptr; }
};

/// \brief A strategy's window on the episode: the state seen from party `self`'s seat.
///
/// It exposes t, T, the front, the beliefs, the reservation values (its own r_i(t, s) and,
/// since priors are common knowledge, the others'), the history of offers, and the fixed
/// setting (scenario, agreement space, war-value tables). Cheap to construct; the engine
/// makes one per decision.
class StrategyView {
 public:
  StrategyView(const BargainingSetting& setting, const NegotiationState& state, std::size_t self)
      : setting_(&setting), state_(&state), self_(self) {}

  [[nodiscard]] const BargainingSetting& setting() const { return *setting_; }
  [[nodiscard]] const Scenario& scenario() const { return setting_->scenario(); }
  [[nodiscard]] const AgreementSpace& space() const { return setting_->space(); }
  [[nodiscard]] const NegotiationState& state() const { return *state_; }

  /// The party this view belongs to.
  [[nodiscard]] std::size_t self() const { return self_; }
  /// t.
  [[nodiscard]] int period() const { return state_->period; }
  /// T.
  [[nodiscard]] int horizon() const { return setting_->horizon(); }
  /// s_t.
  [[nodiscard]] int front() const { return state_->front; }
  [[nodiscard]] int round() const { return state_->round; }
  /// The next talk period after t, or T if none is left.
  [[nodiscard]] int next_talks() const { return setting_->next_talks(state_->period); }

  /// The party's own posterior pi_i(t).
  [[nodiscard]] const Belief& belief() const { return state_->beliefs[self_]; }
  [[nodiscard]] const Belief& belief(std::size_t party) const { return state_->beliefs[party]; }
  /// r_i(t, s_t): its value of rejecting now and fighting on, by its own belief.
  [[nodiscard]] double reservation() const { return state_->reservations[self_]; }
  /// r_j(t, s_t) of party j, under j's belief.
  [[nodiscard]] double reservation(std::size_t party) const { return state_->reservations[party]; }
  /// Every party's reservation value (by party index).
  [[nodiscard]] std::span<const double> reservations() const { return state_->reservations; }
  /// m_i = max_x u_i(x), the most it can get from any agreement.
  [[nodiscard]] double max_utility() const { return setting_->space().max_utility(self_); }
  /// Every offer so far, oldest first.
  [[nodiscard]] std::span<const Offer> history() const { return state_->history; }

 private:
  const BargainingSetting* setting_;
  const NegotiationState* state_;
  std::size_t self_;
};

}  // namespace parley
