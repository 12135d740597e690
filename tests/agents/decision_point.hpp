#pragma once
// A decision point outside an episode, for calling one strategy directly: the setting of a
// scenario, every party's belief (at its prior unless moved), reservation values computed from
// the beliefs exactly as the engine does, and a history of offers.

#include <memory>
#include <utility>
#include <vector>

#include "parley/agents/bargaining_setting.hpp"
#include "parley/agents/strategy.hpp"
#include "parley/agents/strategy_view.hpp"
#include "parley/battlefield/belief.hpp"

namespace parley::testing {

class DecisionPoint {
 public:
  explicit DecisionPoint(const Scenario& scenario)
      : setting_(std::make_shared<BargainingSetting>(scenario)) {
    const Scenario& sc = setting_->scenario();
    for (const Party& p : sc.parties)
      beliefs_.emplace_back(p.belief, sc.battlefield ? &*sc.battlefield : nullptr);
    reservations_.assign(sc.parties.size(), 0.0);
    at(0, setting_->start_state());
  }

  // Moves to period t and front state s, recomputing every reservation value from the beliefs.
  DecisionPoint& at(int t, int s) {
    state_.period = t;
    state_.front = s;
    for (std::size_t j = 0; j < beliefs_.size(); ++j)
      reservations_[j] = subjective_continuation(beliefs_[j], setting_->war_values(j), t, s);
    refresh();
    return *this;
  }
  // Party j observes s -> s' in period t (Bayes), without moving the decision point.
  void observe(std::size_t j, int t, int from, int to) { beliefs_[j].observe(t, from, to); }

  // Puts an offer by `proposer` in the history and returns it.
  const Offer& offer(std::size_t proposer, const Agreement& package) {
    Offer o;
    o.period = state_.period;
    o.round = state_.round;
    o.proposer = proposer;
    o.package = package;
    for (std::size_t j = 0; j < beliefs_.size(); ++j) o.utilities.push_back(setting_->scenario().utility(j, package));
    history_.push_back(std::move(o));
    refresh();
    return history_.back();
  }
  // Party `party`'s answer, playing `strategy`, to `proposer` offering the package with these
  // amounts (a scenario without clauses); the offer joins the history.
  Answer answer(Strategy& strategy, std::size_t party, std::size_t proposer, std::vector<double> amounts) {
    Agreement package;
    package.amounts = std::move(amounts);
    return strategy.respond(view(party), offer(proposer, package));
  }
  void clear_history() {
    history_.clear();
    refresh();
  }

  [[nodiscard]] StrategyView view(std::size_t party) const { return StrategyView(*setting_, state_, party); }
  [[nodiscard]] const BargainingSetting& setting() const { return *setting_; }
  [[nodiscard]] const Scenario& scenario() const { return setting_->scenario(); }
  [[nodiscard]] double reservation(std::size_t party) const { return reservations_[party]; }
  [[nodiscard]] const Belief& belief(std::size_t party) const { return beliefs_[party]; }

 private:
  void refresh() {
    state_.beliefs = beliefs_;
    state_.reservations = reservations_;
    state_.history = history_;
  }

  std::shared_ptr<BargainingSetting> setting_;
  std::vector<Belief> beliefs_;
  std::vector<double> reservations_;
  std::vector<Offer> history_;
  NegotiationState state_;
};

}  // namespace parley::testing
