#include "parley/agents/time_dependent_strategy.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "parley/agents/strategy_registry.hpp"

namespace parley {

TimeDependentStrategy::TimeDependentStrategy(double exponent) : exponent_(exponent) {
  if (!(exponent > 0.0) || !std::isfinite(exponent))
    throw std::invalid_argument("time-dependent strategy: the concession exponent e must be > 0");
}

TimeDependentStrategy TimeDependentStrategy::hardline() { return TimeDependentStrategy(); }

double TimeDependentStrategy::conceded_share(int t, int horizon, double exponent) {
  // (t / T)^(1/e): the fraction of the way from the ideal to the reservation value conceded
  // by t (Faratin et al. 1998, polynomial alpha with kappa = 0); e = 0 concedes nothing.
  if (!(exponent > 0.0) || t <= 0) return 0.0;
  return std::pow(static_cast<double>(t) / static_cast<double>(horizon), 1.0 / exponent);
}

double TimeDependentStrategy::aspiration_at(double reservation, double ideal, int t, int horizon,
                                            double exponent) {
  if (t >= horizon) return reservation;
  const double conceded = conceded_share(t, horizon, exponent);
  return std::max(reservation, reservation + (ideal - reservation) * (1.0 - conceded));
}

double TimeDependentStrategy::aspiration_at_period(const StrategyView& view, int t) const {
  const int horizon = view.horizon();
  const double r = view.reservation();
  if (t >= horizon) return r;
  if (conceded_.size() != static_cast<std::size_t>(horizon) + 1) {
    conceded_.resize(static_cast<std::size_t>(horizon) + 1);
    for (int u = 0; u <= horizon; ++u) conceded_[static_cast<std::size_t>(u)] = conceded_share(u, horizon, exponent_);
  }
  const double conceded = conceded_[static_cast<std::size_t>(t)];
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
  // At the last talk period rejecting means fighting to the end and its "next offer" is the
  // one of t = T, where tau = r: anything worth r is taken. Not by `hardline`, which holds its
  // ideal to the end (DESIGN 1.6): two hardliners with incompatible ideals never settle.
  if (next >= view.horizon()) return answer_by_threshold(u, exponent_ > 0.0 ? r : aspiration(view), r);
  const double tau = aspiration(view);
  // Its own next offer, at the next talk period with today's reservation value.
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
  return {"e", default_e, 0.01, 100.0, "concession exponent: aspiration r + (m - r)(1 - (t/T)^(1/e))"};
}

const char* const kFaratin = "Faratin, Sierra, Jennings (1998), Robotics and Autonomous Systems 24(3-4)";

StrategyMaker prepare_time_dependent(const BargainingSetting&, std::size_t, const StrategySpec& spec) {
  return copies_of(TimeDependentStrategy(spec.params.at("e")));
}

StrategyMaker prepare_hardline(const BargainingSetting&, std::size_t, const StrategySpec&) {
  return copies_of(TimeDependentStrategy::hardline());
}

}  // namespace

PARLEY_REGISTER_STRATEGY(prolonged, 10,
                         {"prolonged", true, false, "Boulware time-dependent concession: holds out, concedes late",
                          kFaratin, {concession_exponent(0.2)}},
                         &prepare_time_dependent);
PARLEY_REGISTER_STRATEGY(quick, 20,
                         {"quick", true, false, "Conceder time-dependent concession: concedes early to settle fast",
                          kFaratin, {concession_exponent(3.0)}},
                         &prepare_time_dependent);
PARLEY_REGISTER_STRATEGY(linear, 30,
                         {"linear", true, false, "time-dependent concession at a constant rate (e = 1)", kFaratin,
                          {concession_exponent(1.0)}},
                         &prepare_time_dependent);
PARLEY_REGISTER_STRATEGY(hardline, 40,
                         {"hardline", true, false,
                          "demands its ideal agreement to the end; accepts only that or better", kFaratin, {}},
                         &prepare_hardline);

}  // namespace parley
