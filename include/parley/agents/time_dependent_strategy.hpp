#pragma once
/// \file time_dependent_strategy.hpp
/// Time-dependent concession (Faratin, Sierra and Jennings 1998): the built-ins `prolonged`
/// (Boulware), `quick` (Conceder), `linear` and `hardline` (DESIGN 1.6).

#include <vector>

#include "parley/agents/strategy.hpp"

namespace parley {

/// \brief Concedes from its ideal toward its reservation value as its own deadline nears.
///
/// Aspiration (Faratin et al. 1998, polynomial family, with the reservation value of the
/// battlefield as the floor):
///   tau_i(t) = r_i + (m_i - r_i) (1 - (min(t, P) / P)^(1/e)),
/// r_i = r_i(t, s_t) its current reservation value, m_i = max_x u_i(x), P its planning
/// horizon (Faratin's t_max) in periods: a parameter of the strategy, not the scenario's
/// computational horizon T, which the parties are not taken to know (issue 16: conceding
/// against T made the settlement week move one-for-one with T). From P on it asks only r_i.
/// e < 1 is Boulware
/// (`prolonged`, holds out and concedes late), e > 1 Conceder (`quick`), e = 1 `linear`;
/// `hardline` is the limit e -> 0, tau_i = m_i at every t. tau_i is never below r_i
/// (when r_i > m_i no agreement is worth settling for and the aspiration is r_i).
///
/// It proposes the agreement best for the other veto parties among those worth at least
/// tau_i to itself (AgreementSpace::best_for_others, the trade-off offer of Faratin et al.),
/// and passes if there is none. It accepts an offer worth at least min(tau_i(t), u_i(its own
/// next offer)), its next offer being the one it would make at the next talk period with
/// today's reservation value (Faratin's acceptance rule: take what beats your own next
/// move), and never less than r_i: once its next talk period is at or past P it accepts
/// anything worth r_i. `hardline` holds its ideal (max(m_i, r_i)) at every talk period.
class TimeDependentStrategy final : public Strategy {
 public:
  /// The catalog's default planning horizon P: 52 periods (a year of the default scenario's
  /// weeks; the horizon of an annual aid or budget decision).
  static constexpr int default_planning_horizon = 52;

  /// \param exponent e > 0 (the catalog allows [0.01, 100]).
  /// \param planning_horizon P >= 1, in periods (the catalog allows [1, 100000]).
  /// \throws std::invalid_argument if e <= 0 or not finite, or P < 1.
  TimeDependentStrategy(double exponent, int planning_horizon);
  /// The hardline strategy: tau_i = m_i at every period.
  static TimeDependentStrategy hardline();

  /// e, or 0 for hardline.
  [[nodiscard]] double exponent() const { return exponent_; }
  /// P, the period by which it has conceded down to its reservation value (0 for hardline).
  [[nodiscard]] int planning_horizon() const { return planning_horizon_; }

  /// tau(t) = max(r, r + (m - r)(1 - (t / P)^(1/e))) for 0 <= t < P, r from P on; e = 0 means
  /// hardline (max(r, m) at every t).
  [[nodiscard]] static double aspiration_at(double reservation, double ideal, int t, int planning_horizon,
                                            double exponent);
  /// (min(t, P) / P)^(1/e), the share of [r, m] conceded by t (0 for hardline and at t = 0).
  [[nodiscard]] static double conceded_share(int t, int planning_horizon, double exponent);

  bool propose(const StrategyView& view, Agreement& offer) override;
  Answer respond(const StrategyView& view, const Offer& offer) override;
  [[nodiscard]] double aspiration(const StrategyView& view) const override;

 private:
  TimeDependentStrategy() = default;
  /// tau(t) for the view's reservation value and ideal, with the conceded shares tabulated.
  [[nodiscard]] double aspiration_at_period(const StrategyView& view, int t) const;

  double exponent_ = 0.0;
  int planning_horizon_ = 0;
  /// conceded_share(t, P, e) for t = 0..P, filled on first use (pow is the hot spot otherwise).
  mutable std::vector<double> conceded_;
  /// u_i of its own next offer for the last (next talk period, reservation value) asked: the
  /// answers of one round share it, and the query behind it is a frontier search.
  struct NextOffer {
    int period = -1;
    double reservation = 0.0;
    double utility = 0.0;
  };
  NextOffer next_offer_;
};

}  // namespace parley
