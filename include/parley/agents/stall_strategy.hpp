#pragma once
/// \file stall_strategy.hpp
/// The `stall` built-in: "fight and talk" (DESIGN 1.6; Slantchev 2003, Powell 2004).

#include <vector>

#include "parley/agents/strategy.hpp"

namespace parley {

/// \brief Rejects while, by its own belief, waiting pays; then plays `contingent`.
///
/// Let G_i(t, s) = max(A_i(t, s), r_i(t, s)) be what party i can secure at (t, s): the most
/// an agreement the others would accept can give it (attainable_utility), or fighting on.
/// Waiting one period is worth, in today's units,
///   w_i(t, s) = delta_i E_i[ G_i(t + 1, s') ] - c_i,
/// the expectation over i's predictive distribution of the next front state s'
/// (sum_k pi_ik P_t(s, s' | a_k)), with every party's posterior updated by Bayes' rule for
/// the move s -> s' and every reservation value read at (t + 1, s'). Waiting pays when
/// worth_more(w_i, G_i(t, s)) (more beyond rounding, DESIGN 1.9). Its own reservation value is a
/// martingale under its belief (delta_i E_i[r_i(t + 1)] - c_i = r_i(t)), so under common
/// beliefs waiting never pays and `stall` is `contingent`; it stalls when it expects the
/// battlefield to correct another party's optimism, lowering that party's reservation value
/// faster than the delay costs (Slantchev's principle of convergence). While waiting pays,
/// its demand is w_i: it accepts only offers worth at least w_i (and r_i) and proposes at
/// that level. At the last talk period (t + 1 = T) waiting never pays.
class StallStrategy final : public Strategy {
 public:
  /// \param beta the contingent share of the surplus once it stops stalling, in [0, 1].
  /// \throws std::invalid_argument unless 0 <= beta <= 1.
  explicit StallStrategy(double beta);
  [[nodiscard]] double beta() const { return beta_; }

  /// w_i(t, s) for the view's party, or nullopt if t + 1 = T (no later talks to wait for).
  /// Needs `floors` and `posterior` scratch space; allocates only on the first call.
  [[nodiscard]] static std::optional<double> waiting_value(const StrategyView& view,
                                                           std::vector<double>& floors,
                                                           std::vector<double>& posterior);

  bool propose(const StrategyView& view, Agreement& offer) override;
  Answer respond(const StrategyView& view, const Offer& offer) override;
  [[nodiscard]] double aspiration(const StrategyView& view) const override;
  /// Talks while pressing (issue 15): presses whenever, by its own belief, fighting on while
  /// pressing (its Party::pressure in force to the end) is worth more than fighting on without,
  /// sum_k pi_k W^press(t, s | a_k) > r_i(t, s); in the first war only (its tables are the first
  /// war's). `contingent`, the same demands without pressing, never presses.
  bool press(const StrategyView& view) override;

 private:
  /// The demand now, and whether it is the waiting value.
  struct Demand {
    double value;
    bool waiting;
  };
  [[nodiscard]] Demand demand(const StrategyView& view) const;

  double beta_;
  mutable std::vector<double> floors_;     ///< scratch: reservation floors at (t + 1, s')
  mutable std::vector<double> posterior_;  ///< scratch: a party's posterior after s -> s'
};

}  // namespace parley
