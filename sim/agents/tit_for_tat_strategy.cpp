#include "parley/agents/tit_for_tat_strategy.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "parley/agents/strategy_registry.hpp"

namespace parley {

namespace {

struct Progress {
  double demand;
  std::size_t seen;
};

// The demand after reading the offers of the history from `seen` on: every offer of another
// veto party j that follows an earlier offer of j moves the demand by reciprocity times j's
// concession u_j(earlier) - u_j(latest), kept within [min_x u_i, m_i].
Progress read_history(const StrategyView& view, double demand, std::size_t seen, double reciprocity) {
  const auto history = view.history();
  const std::size_t self = view.self();
  const double lo = view.space().min_utility(self);
  const double hi = view.max_utility();
  for (; seen < history.size(); ++seen) {
    const Offer& latest = history[seen];
    const std::size_t j = latest.proposer;
    if (j == self || !view.setting().is_veto(j)) continue;
    for (std::size_t q = seen; q-- > 0;) {
      if (history[q].proposer != j) continue;
      const double concession = history[q].utilities[j] - latest.utilities[j];
      demand = std::clamp(demand - reciprocity * concession, lo, hi);
      break;
    }
  }
  return {demand, seen};
}

}  // namespace

TitForTatStrategy::TitForTatStrategy(double reciprocity) : reciprocity_(reciprocity) {
  if (!(reciprocity >= 0.0) || !std::isfinite(reciprocity))
    throw std::invalid_argument("tit-for-tat strategy: reciprocity must be >= 0");
}

void TitForTatStrategy::reset() {
  started_ = false;
  demand_ = 0.0;
  seen_ = 0;
}

void TitForTatStrategy::catch_up(const StrategyView& view) {
  const Progress p = read_history(view, started_ ? demand_ : view.max_utility(), started_ ? seen_ : 0, reciprocity_);
  started_ = true;
  demand_ = p.demand;
  seen_ = p.seen;
}

double TitForTatStrategy::aspiration(const StrategyView& view) const {
  const Progress p = read_history(view, started_ ? demand_ : view.max_utility(), started_ ? seen_ : 0, reciprocity_);
  return std::max(p.demand, view.reservation());
}

bool TitForTatStrategy::propose(const StrategyView& view, Agreement& offer) {
  catch_up(view);
  return propose_at_aspiration(view, std::max(demand_, view.reservation()), offer);
}

Answer TitForTatStrategy::respond(const StrategyView& view, const Offer& offer) {
  catch_up(view);
  return answer_by_threshold(offer.utilities[view.self()], demand_, view.reservation());
}

namespace {

StrategyMaker prepare_tit_for_tat(const BargainingSetting&, std::size_t, const StrategySpec& spec) {
  return copies_of(TitForTatStrategy(spec.params.at("reciprocity")));
}

}  // namespace

PARLEY_REGISTER_STRATEGY(tit_for_tat, 70,
                         {"tit_for_tat", true, false,
                          "concedes, in its own utility, what the other side conceded in its last offer",
                          "Axelrod (1984); Faratin, Sierra, Jennings (1998) behaviour-dependent tactics",
                          {{"reciprocity", 1.0, 0.0, 2.0, "fraction of the opponent's last concession it returns"}}},
                         &prepare_tit_for_tat);

}  // namespace parley
