#pragma once
/// \file bargaining_setting.hpp
/// Everything about a scenario that strategies consult and that never changes within an
/// episode, computed once per scenario and shared read-only by every thread (DESIGN 1.5-1.7).

#include <cstddef>
#include <memory>
#include <mutex>
#include <span>
#include <vector>

#include "parley/agreement/agreement_space.hpp"
#include "parley/battlefield/battlefield_chain.hpp"
#include "parley/battlefield/war_value.hpp"
#include "parley/equilibrium/bargaining_equilibrium.hpp"
#include "parley/model/protocol_schedule.hpp"
#include "parley/model/scenario.hpp"

namespace parley {

/// \brief The fixed part of the bargaining game of a scenario.
///
/// Holds the agreement space of the veto parties (AgreementSpace: the exact two-party frontier
/// or an epsilon-Pareto set), every party's exact war-value table under every hypothesis of
/// its belief (war_values_by_belief: the reservation value r_i(t, s) of DESIGN 1.6 is read
/// from them), the true battlefield chain, and the talk schedule. Building it is the costly
/// step of a simulation (the frontier and one backward sweep per table); afterwards every
/// accessor is O(1) and const, so one setting serves any number of threads.
///
/// Information: the scenario is common knowledge. Beliefs are about nature (side A's
/// advantage), not about the other parties, and every front move is public, so every party
/// can compute every other party's posterior and hence its reservation value (the
/// "agreeing to disagree" set-up of Smith and Stam 2004). Strategies may therefore read the
/// others' reservation values; what differs between the parties is only the prior.
class BargainingSetting {
 public:
  /// Builds the setting of a finalized, valid scenario (at least two veto parties).
  /// \throws std::invalid_argument if the scenario's battlefield or beliefs are invalid (the
  /// loader rules these out for scenarios read from files).
  explicit BargainingSetting(const Scenario& scenario, const AgreementSpaceOptions& options = {});

  /// The scenario (the copy held by the agreement space).
  [[nodiscard]] const Scenario& scenario() const { return space_.scenario(); }
  [[nodiscard]] const AgreementSpace& space() const { return space_; }
  /// T.
  [[nodiscard]] int horizon() const { return scenario().horizon; }
  [[nodiscard]] std::size_t party_count() const { return scenario().parties.size(); }
  /// Indices of the veto parties, in scenario order.
  [[nodiscard]] std::span<const std::size_t> veto_parties() const { return veto_; }
  [[nodiscard]] bool is_veto(std::size_t party) const { return scenario().parties[party].veto; }

  /// Party i's war values V_i(. | a_k), one table per hypothesis k of its belief.
  [[nodiscard]] const std::vector<WarValueTable>& war_values(std::size_t party) const {
    return war_values_[party];
  }
  /// Party i's war values were it to press to the end (its Party::pressure in force in every
  /// period: side A's advantage moved its way, its cost raised), one table per hypothesis of its
  /// belief; empty for a party without an offensive option or without a battlefield (issue 15).
  [[nodiscard]] const std::vector<WarValueTable>& pressing_war_values(std::size_t party) const {
    return pressing_values_[party];
  }
  /// The true battlefield chain, or nullptr without a battlefield.
  [[nodiscard]] const BattlefieldChain* chain() const { return chain_.get(); }
  /// N + 1 with a battlefield, 1 without (the one state 0).
  [[nodiscard]] int state_count() const { return chain_ ? chain_->state_count() : 1; }
  /// s_0 (0 without a battlefield).
  [[nodiscard]] int start_state() const { return chain_ ? chain_->start() : 0; }
  /// Whether every party's belief has a single hypothesis: then no posterior ever moves and
  /// every reservation value is a function of (t, s) alone in the first war of an episode (strategies may cache on it until NegotiationState::renewed_war()).
  [[nodiscard]] bool static_beliefs() const { return static_beliefs_; }

  /// The protocol's talk periods and proposers.
  [[nodiscard]] const ProtocolSchedule& schedule() const { return schedule_; }
  /// Whether period t has talks (ProtocolParams::talks_at), 0 <= t < T.
  [[nodiscard]] bool talks_at(int t) const { return schedule_.talks_at(t); }
  /// The first talk period after t, or T if there is none; 0 <= t < T.
  [[nodiscard]] int next_talks(int t) const { return schedule_.next_talks(t); }
  /// The proposers of the alternating protocol and the counter-proposers of the mediated one:
  /// ProtocolParams::order, or the veto parties in scenario order when it is empty.
  [[nodiscard]] std::span<const std::size_t> proposer_order() const { return schedule_.order(); }
  /// Recognition probabilities of the random protocol, per party (ProtocolParams::recognition,
  /// or equal over proposer_order() when it is empty).
  [[nodiscard]] std::span<const double> recognition() const { return schedule_.recognition(); }

  /// The scenario's subgame-perfect equilibrium (BargainingEquilibrium::solve on space()),
  /// solved on first use, once, whichever thread asks first, and shared: the `equilibrium`
  /// strategy plays it, and under durability the engine values a war renewed at will by its
  /// renewed wars (DESIGN 1.10).
  /// \throws std::invalid_argument as BargainingEquilibrium::solve (then on every call).
  [[nodiscard]] std::shared_ptr<const BargainingEquilibrium> equilibrium() const;

 private:
  AgreementSpace space_;
  std::vector<std::size_t> veto_;
  std::vector<std::vector<WarValueTable>> war_values_;
  std::vector<std::vector<WarValueTable>> pressing_values_;
  std::shared_ptr<const BattlefieldChain> chain_;
  bool static_beliefs_ = true;
  ProtocolSchedule schedule_;
  mutable std::mutex equilibrium_mutex_;
  mutable std::shared_ptr<const BargainingEquilibrium> equilibrium_;
};

}  // namespace parley
