#include "parley/agents/time_dependent_strategy.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "parley/agents/strategy_registry.hpp"

namespace parley {

TimeDependentStrategy::TimeDependentStrategy(double exponent, int planning_horizon)
    : exponent_(exponent), planning_horizon_(planning_horizon) {
  if (!(exponent > 0.0) || !std::isfinite(exponent))
    throw std::invalid_argument("time-dependent strategy: the concession exponent e must be > 0");
  if (planning_horizon < 1)
    throw std::invalid_argument("time-dependent strategy: the planning horizon must be >= 1 period");
}

TimeDependentStrategy TimeDependentStrategy::hardline() { return TimeDependentStrategy(); }

double TimeDependentStrategy::conceded_share(int t, int planning_horizon, double exponent) {
  // (t / P)^(1/e): the fraction of the way from the ideal to the reservation value conceded
  // by t (Faratin et al. 1998, polynomial alpha with kappa = 0, t_max = P); e = 0 concedes
  // nothing, and from P on everything is conceded.
  if (!(exponent > 0.0) || t <= 0) return 0.0;
  if (t >= planning_horizon) return 1.0;
  return std::pow(static_cast<double>(t) / static_cast<double>(planning_horizon), 1.0 / exponent);
}

double TimeDependentStrategy::aspiration_at(double reservation, double ideal, int t, int planning_horizon,
                                            double exponent) {
  const double conceded = conceded_share(t, planning_horizon, exponent);
  return std::max(reservation, reservation + (ideal - reservation) * (1.0 - conceded));
}

double TimeDependentStrategy::aspiration_at_period(const StrategyView& view, int t) const {
  const double r = view.reservation();
  if (exponent_ > 0.0 && t >= planning_horizon_) return r;
  if (conceded_.empty()) {
    // Hardline concedes nothing at any t: one entry serves every period.
    const int last = exponent_ > 0.0 ? planning_horizon_ : 0;
    conceded_.resize(static_cast<std::size_t>(last) + 1);
    for (int u = 0; u <= last; ++u) conceded_[static_cast<std::size_t>(u)] = conceded_share(u, last, exponent_);
  }
  const double conceded = conceded_[std::min(static_cast<std::size_t>(t), conceded_.size() - 1)];
  return std::max(r, r + (view.max_utility() - r) * (1.0 - conceded));
}

double TimeDependentStrategy::aspiration(const StrategyView& view) const {
  return aspiration_at_period(view, view.period());
}

bool TimeDependentStrategy::propose(const StrategyView& view, Agreement& offer) {
  return propose_at_aspiration(view, aspiration(view), offer);
}

Answer TimeDependentStrategy::respond(const StrategyView& view, const Offer& offer) {
  const double r = view.reservation();
  const double u = offer.utilities[view.self()];
  const int next = view.next_talks();
  const double tau = aspiration(view);
  // Its own next offer, at the next talk period with today's reservation value. Past its
  // planning horizon that offer asks only r, so anything worth r is taken; `hardline` holds
  // its ideal throughout (DESIGN 1.6): two hardliners with incompatible ideals never settle.
  // The scenario's horizon T plays no part: the parties are not taken to know it (issue 16).
  if (next_offer_.period != next || next_offer_.reservation != r) {
    const double tau_next = aspiration_at_period(view, next);
    const auto point = aspiration_offer(view, tau_next);
    next_offer_ = {next, r, point ? view.space().utility(*point, view.self()) : tau_next};
  }
  return answer_by_threshold(u, std::min(tau, next_offer_.utility), r);
}

namespace {

// Faratin, Sierra and Jennings (1998), "Negotiation decision functions for autonomous
// agents", Robotics and Autonomous Systems 24: the polynomial family's exponent; e < 1 is
// Boulware (holds out), e > 1 Conceder.
StrategyParam concession_exponent(double default_e) {
  return {"e", default_e, 0.01, 100.0, "concession exponent: aspiration r + (m - r)(1 - (t/P)^(1/e))"};
}

// Faratin's t_max, the tactic's own deadline; deliberately not the scenario's horizon.
StrategyParam planning_horizon() {
  return {"horizon", static_cast<double>(TimeDependentStrategy::default_planning_horizon), 1.0, 100000.0,
          "planning horizon P in periods: the aspiration reaches the reservation value at t = P (not the "
          "scenario's horizon)"};
}

const char* const kFaratin = "Faratin, Sierra, Jennings (1998), Robotics and Autonomous Systems 24(3-4)";

StrategyMaker prepare_time_dependent(const BargainingSetting&, std::size_t, const StrategySpec& spec) {
  const double horizon = spec.params.at("horizon");
  if (horizon != std::floor(horizon))
    throw std::invalid_argument("the planning horizon `horizon` must be a whole number of periods");
  return copies_of(TimeDependentStrategy(spec.params.at("e"), static_cast<int>(horizon)));
}

StrategyMaker prepare_hardline(const BargainingSetting&, std::size_t, const StrategySpec&) {
  return copies_of(TimeDependentStrategy::hardline());
}

}  // namespace

PARLEY_REGISTER_STRATEGY(prolonged, 10,
                         {"prolonged", true, false, "Boulware time-dependent concession: holds out, concedes late",
                          kFaratin, {concession_exponent(0.2), planning_horizon()}},
                         &prepare_time_dependent);
PARLEY_REGISTER_STRATEGY(quick, 20,
                         {"quick", true, false, "Conceder time-dependent concession: concedes early to settle fast",
                          kFaratin, {concession_exponent(3.0), planning_horizon()}},
                         &prepare_time_dependent);
PARLEY_REGISTER_STRATEGY(linear, 30,
                         {"linear", true, false, "time-dependent concession at a constant rate (e = 1)", kFaratin,
                          {concession_exponent(1.0), planning_horizon()}},
                         &prepare_time_dependent);
PARLEY_REGISTER_STRATEGY(hardline, 40,
                         {"hardline", true, false,
                          "demands its ideal agreement to the end; accepts only that or better", kFaratin, {}},
                         &prepare_hardline);

}  // namespace parley
