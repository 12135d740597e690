#pragma once
/// \file equilibrium_strategy.hpp
/// The `equilibrium` built-in: plays the solver's subgame-perfect Markov policy inside an
/// episode (DESIGN 1.6, 1.7).
///
/// It reads its policy from the equilibrium layer below (BargainingEquilibrium), solved once
/// per simulation by its preparer.

#include <cstddef>
#include <memory>

#include "parley/agents/bargaining_setting.hpp"
#include "parley/agents/strategy.hpp"
#include "parley/agents/strategy_registry.hpp"
#include "parley/equilibrium/bargaining_equilibrium.hpp"

namespace parley {

/// \brief Proposes and answers as in the subgame-perfect equilibrium under complete
/// information (BargainingEquilibrium), at the episode's current (t, s_t).
///
/// - Proposing at stage g of talk period t (g = 0 except for the counter-proposals of the
///   mediated protocol, where g is its place among them): the solver's offer
///   argmax u_i(x) s.t. u_j(x) >= R_j(t, s) for the other veto parties j, R the value of the
///   stage's offer failing; it passes (makes no offer) where the equilibrium proposer would
///   not settle, and, as every built-in, never proposes what is worth less to itself than
///   its reservation value r_i(t, s).
/// - Answering an offer made at stage g: accepts iff it is worth at least R_i(t, s) (ties
///   accepted), and never less than r_i(t, s). An offer by a party that is not a proposer of
///   the solver's protocol (the mediator's package) is accepted iff it is worth at least
///   V_i(t, s), the value of going on to the counter-proposals.
/// With every party knowing the true battlefield schedule, r_i <= R_i (a veto party can
/// always refuse everything and fight to the end), so the policy is exactly the solver's and
/// an episode in which every veto party plays `equilibrium` ends as the solver's path says.
/// A party with a mistaken belief still plays the complete-information policy, bounded by its
/// own r_i. After a peace has broken (DESIGN 1.10) it plays the renewed war's part of the
/// equilibrium, BargainingEquilibrium::regime(NegotiationState::balance).
class EquilibriumStrategy final : public Strategy {
 public:
  /// Plays party `party`'s part of `equilibrium`, which must be the equilibrium of the
  /// scenario the episode runs.
  EquilibriumStrategy(std::shared_ptr<const BargainingEquilibrium> equilibrium, std::size_t party);

  bool propose(const StrategyView& view, Agreement& offer) override;
  Answer respond(const StrategyView& view, const Offer& offer) override;
  /// max(V_i(t, s), r_i(t, s)): what it expects from the talks now.
  [[nodiscard]] double aspiration(const StrategyView& view) const override;
  /// Presses iff the solver's belligerents press after talks at (t, s) fail with the measures the
  /// plan's actual rejecters put in force (BargainingEquilibrium::pressing).
  bool press(const StrategyView& view) override;

  [[nodiscard]] const BargainingEquilibrium& equilibrium() const { return *equilibrium_; }

 private:
  /// The index k into equilibrium().proposers(t) of the offer `proposer` is making now, its
  /// `earlier`-th offer of this talk period (0-based), or -1 if the solver has no such stage.
  [[nodiscard]] int proposal_slot(int t, std::size_t proposer, std::size_t earlier) const;

  std::shared_ptr<const BargainingEquilibrium> equilibrium_;
  std::size_t party_;
};

/// The registry's preparer for `equilibrium` (strategy_registry.hpp): the setting's equilibrium
/// (BargainingSetting::equilibrium, solved once per setting), shared read-only by every
/// instance.
/// \throws std::invalid_argument if the solver cannot solve the scenario (BargainingEquilibrium::solve).
[[nodiscard]] StrategyMaker prepare_equilibrium_strategy(const BargainingSetting& setting, std::size_t party,
                                                         const StrategySpec& spec);

}  // namespace parley
