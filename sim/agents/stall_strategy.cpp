#include "parley/agents/stall_strategy.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>

#include "parley/agents/contingent_strategy.hpp"
#include "parley/agents/strategy_registry.hpp"
#include "parley/model/utility_tolerance.hpp"

namespace parley {

namespace {

// r_j(t + 1, s') after party j observes s -> s': sum_k pi'_jk V_j(t + 1, s' | a_k) with
// pi'_jk proportional to pi_jk P_t(s, s' | a_k) (Bayes' rule, belief.hpp), written without
// touching the belief itself. `chain` is null without a battlefield (nothing to learn).
double reservation_after(const Belief& belief, const std::vector<WarValueTable>& tables, bool battlefield,
                         int t, int s, int s_next, std::vector<double>& posterior) {
  const auto& pi = belief.probabilities();
  const std::size_t k_count = pi.size();
  posterior.resize(k_count);
  double total = 0.0;
  for (std::size_t k = 0; k < k_count; ++k) {
    posterior[k] = battlefield ? pi[k] * belief.chain(k).probability(t, s, s_next) : pi[k];
    total += posterior[k];
  }
  double r = 0.0;
  for (std::size_t k = 0; k < k_count; ++k) {
    const double weight = total > 0.0 ? posterior[k] / total : pi[k];
    r += weight * tables[k].continuation(t + 1, s_next);
  }
  return r;
}

}  // namespace

StallStrategy::StallStrategy(double beta) : beta_(beta) {
  if (!(beta >= 0.0 && beta <= 1.0)) throw std::invalid_argument("stall strategy: beta must be in [0, 1]");
}

std::optional<double> StallStrategy::waiting_value(const StrategyView& view, std::vector<double>& floors,
                                                   std::vector<double>& posterior) {
  const int t = view.period();
  if (t + 1 >= view.horizon()) return std::nullopt;
  const BargainingSetting& setting = view.setting();
  const std::size_t self = view.self();
  const BattlefieldChain* chain = setting.chain();
  const int s = view.front();

  // The distinct states the front can reach in one period.
  std::array<int, 5> next{};
  std::size_t count = 0;
  if (!chain) {
    next[count++] = s;
  } else {
    const int far = chain->offensive_size();
    for (const int delta : {-far, -1, 0, 1, far}) {
      const int to = delta == 0 ? s : chain->destination(s, delta);
      if (std::find(next.begin(), next.begin() + static_cast<std::ptrdiff_t>(count), to) ==
          next.begin() + static_cast<std::ptrdiff_t>(count))
        next[count++] = to;
    }
  }

  floors.assign(setting.party_count(), 0.0);
  const Belief& own = view.belief();
  double expected = 0.0;
  for (std::size_t m = 0; m < count; ++m) {
    const int to = next[m];
    // Its predictive probability of s -> s': sum_k pi_ik P_t(s, s' | a_k).
    double p = 1.0;
    if (chain) {
      p = 0.0;
      for (std::size_t k = 0; k < own.hypotheses(); ++k)
        p += own.probabilities()[k] * own.chain(k).probability(t, s, to);
    }
    if (!(p > 0.0)) continue;
    for (const std::size_t j : setting.veto_parties())
      floors[j] = reservation_after(view.belief(j), setting.war_values(j), chain != nullptr, t, s, to, posterior);
    const double own_reservation =
        reservation_after(own, setting.war_values(self), chain != nullptr, t, s, to, posterior);
    floors[self] = own_reservation;
    // G_i(t + 1, s') = max(A_i(t + 1, s'), r_i(t + 1, s')).
    double secured = own_reservation;
    if (const auto point = view.space().best_for(self, floors))
      secured = std::max(secured, view.space().utility(*point, self));
    expected += p * secured;
  }
  const Party& party = view.scenario().parties[self];
  return party.discount * expected - party.cost;
}

StallStrategy::Demand StallStrategy::demand(const StrategyView& view) const {
  const double r = view.reservation();
  const auto attainable = attainable_utility(view);
  const double secured = attainable ? std::max(*attainable, r) : r;
  const auto waiting = waiting_value(view, floors_, posterior_);
  if (waiting && worth_more(*waiting, secured)) return {*waiting, true};
  return {ContingentStrategy::demand(view, beta_), false};
}

double StallStrategy::aspiration(const StrategyView& view) const { return demand(view).value; }

bool StallStrategy::press(const StrategyView& view) {
  if (view.state().renewed_war()) return false;
  const auto& tables = view.setting().pressing_war_values(view.self());
  const int t = view.period();
  if (tables.empty() || t >= view.horizon()) return false;
  const double pressing = subjective_continuation(view.belief(), tables, t, view.front());
  return worth_more(pressing, view.reservation());
}

bool StallStrategy::propose(const StrategyView& view, Agreement& offer) {
  // While stalling the demand may exceed what any agreement gives it: it then passes.
  return propose_at_aspiration(view, demand(view).value, offer);
}

Answer StallStrategy::respond(const StrategyView& view, const Offer& offer) {
  const Demand d = demand(view);
  return answer_by_threshold(offer.utilities[view.self()], d.value, view.reservation(),
                             d.waiting ? AnswerReason::waiting_pays : AnswerReason::below_demand);
}

namespace {

StrategyMaker prepare_stall(const BargainingSetting&, std::size_t, const StrategySpec& spec) {
  return copies_of(StallStrategy(spec.params.at("beta")));
}

}  // namespace

PARLEY_REGISTER_STRATEGY(stall, 60,
                         {"stall", true, false,
                          "fight and talk: rejects while waiting pays by its own belief, then plays contingent; with an "
                          "offensive option (pressure) it presses after failed talks where pressing pays by its belief",
                          "Slantchev (2003), APSR 97(4); Powell (2004), AJPS 48(2)",
                          {{"beta", 0.5, 0.0, 1.0, "share of the believed surplus demanded once it stops stalling"}}},
                         &prepare_stall);

}  // namespace parley
