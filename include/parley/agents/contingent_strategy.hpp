#pragma once
/// \file contingent_strategy.hpp
/// The `contingent` built-in: demands that track the front (DESIGN 1.6; Slantchev 2003,
/// Smith and Stam 2004).

#include <optional>

#include "parley/agents/strategy.hpp"

namespace parley {

/// \brief The most party i can get from an agreement that gives every other veto party j at
/// least its reservation value r_j(t, s):
///   A_i(t, s) = max { u_i(x) : u_j(x) >= r_j(t, s) for every veto j != i }
/// (AgreementSpace::best_for with floors r_j), or nullopt when no agreement meets the floors
/// (the bargaining range is empty: Fearon 1995's range, under the parties' own beliefs).
/// A_i - r_i is the surplus i believes a settlement leaves it.
[[nodiscard]] std::optional<double> attainable_utility(const StrategyView& view);

/// \brief Demands its reservation value plus a share beta of the surplus it believes exists.
///
/// Aspiration: a_i = r_i + beta max(0, A_i - r_i) (attainable_utility), recomputed at every
/// decision, so its demands follow the front and the beliefs: a front moving its way raises
/// r_i and lowers the others' r_j, and it asks for more. beta = 1 demands the whole surplus
/// (the subgame-perfect proposer's offer under complete information: the others get exactly
/// their continuation values, Slantchev 2003); beta = 0 settles for its reservation value
/// (the subgame-perfect responder). It proposes the aspiration offer at a_i (passing if none is
/// worth a_i) and accepts offers worth at least a_i.
class ContingentStrategy final : public Strategy {
 public:
  /// \throws std::invalid_argument unless 0 <= beta <= 1.
  explicit ContingentStrategy(double beta);
  [[nodiscard]] double beta() const { return beta_; }

  /// a_i = r_i + beta max(0, A_i - r_i) for the view's party and state.
  [[nodiscard]] static double demand(const StrategyView& view, double beta);

  bool propose(const StrategyView& view, Agreement& offer) override;
  Answer respond(const StrategyView& view, const Offer& offer) override;
  [[nodiscard]] double aspiration(const StrategyView& view) const override;

 private:
  double beta_;
};

}  // namespace parley
