#include "parley/engine/episode_runner.hpp"

namespace parley {

EpisodeRunner::EpisodeRunner(const Simulation& simulation)
    : simulation_(&simulation), setting_(&simulation.setting()) {
  const Scenario& sc = simulation.scenario();
  const std::size_t n = sc.parties.size();
  const BattlefieldParams* battlefield = sc.battlefield ? &*sc.battlefield : nullptr;
  strategies_.reserve(n);
  beliefs_.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    strategies_.push_back(simulation.make_strategy(i));
    beliefs_.emplace_back(sc.parties[i].belief, battlefield);
    if (battlefield && beliefs_.back().hypotheses() > 1) learners_.push_back(i);
  }
  reservations_.assign(n, 0.0);
  aspirations_.assign(n, 0.0);
  result_.payoffs.assign(n, 0.0);
  state_.beliefs = beliefs_;
  state_.reservations = reservations_;
}

void EpisodeRunner::update_reservations(int t, int s) {
  for (std::size_t j = 0; j < beliefs_.size(); ++j) {
    const auto& tables = setting_->war_values(j);
    // r_j(t, s) = sum_k pi_jk W_j(t, s | a_k); one hypothesis needs no weighting.
    reservations_[j] = tables.size() == 1 ? tables[0].continuation(t, s)
                                          : subjective_continuation(beliefs_[j], tables, t, s);
  }
}

bool EpisodeRunner::offer_round(std::size_t proposer, EpisodeObserver* observer) {
  const Scenario& sc = simulation_->scenario();
  if (history_size_ == pool_.size()) {
    Offer fresh;
    fresh.package = sc.status_quo();
    fresh.utilities.assign(sc.parties.size(), 0.0);
    pool_.push_back(std::move(fresh));
    state_.history = {pool_.data(), history_size_};
  }
  Offer& offer = pool_[history_size_];
  if (!strategies_[proposer]->propose(StrategyView(*setting_, state_, proposer), offer.package)) {
    if (observer) observer->on_pass(state_, proposer);
    return false;
  }
  offer.period = state_.period;
  offer.round = state_.round;
  offer.proposer = proposer;
  simulation_->utilities().evaluate(offer.package, offer.utilities);
  ++history_size_;
  state_.history = {pool_.data(), history_size_};
  if (observer) observer->on_offer(state_, offer);
  bool accepted = true;
  for (const std::size_t j : setting_->veto_parties()) {
    if (j == proposer) continue;
    const Answer answer = strategies_[j]->respond(StrategyView(*setting_, state_, j), offer);
    if (observer) observer->on_answer(state_, j, offer, answer);
    accepted = accepted && answer.accept;
  }
  return accepted;
}

void EpisodeRunner::settle(int t, const Offer& offer) {
  result_.outcome = Outcome::settled;
  result_.period = t;
  result_.duration = t;
  result_.final_state = state_.front;
  result_.proposer = offer.proposer;
  result_.terms = &offer.package;
  for (std::size_t i = 0; i < result_.payoffs.size(); ++i)
    result_.payoffs[i] = simulation_->payoff(i, t, offer.utilities[i]);
}

void EpisodeRunner::end_war(Outcome outcome, int period, int duration, int state, const Agreement& terms) {
  result_.outcome = outcome;
  result_.period = period;
  result_.duration = duration;
  result_.final_state = state;
  result_.proposer = 0;
  result_.terms = &terms;
  for (std::size_t i = 0; i < result_.payoffs.size(); ++i) {
    double u = 0.0;
    switch (outcome) {
      case Outcome::collapse_a: u = simulation_->collapse_a_utility(i); break;
      case Outcome::collapse_b: u = simulation_->collapse_b_utility(i); break;
      default: u = simulation_->frozen_utility(i, state); break;
    }
    result_.payoffs[i] = simulation_->payoff(i, duration, u);
  }
}

const EpisodeResult& EpisodeRunner::run(std::uint64_t seed, std::uint64_t point, std::uint64_t run,
                                        EpisodeObserver* observer) {
  const Scenario& sc = simulation_->scenario();
  const ProtocolSchedule& schedule = setting_->schedule();
  const FrontSampler* sampler = simulation_->sampler();
  const BattlefieldChain* chain = setting_->chain();
  const int horizon = sc.horizon;

  RandomStream front_stream(seed, point, run, RandomStream::front_stream);
  RandomStream protocol_draws(seed, point, run, protocol_stream);
  for (const std::size_t i : learners_) beliefs_[i].reset();
  for (auto& strategy : strategies_) strategy->reset();
  history_size_ = 0;
  state_.history = {pool_.data(), 0};

  int s = setting_->start_state();
  int round = 0;
  for (int t = 0; t < horizon; ++t) {
    if (schedule.talks_at(t)) {
      state_.period = t;
      state_.front = s;
      state_.round = round;
      update_reservations(t, s);
      if (observer) {
        for (std::size_t j = 0; j < strategies_.size(); ++j)
          aspirations_[j] = strategies_[j]->aspiration(StrategyView(*setting_, state_, j));
        observer->on_talks(state_, aspirations_);
      }
      // The protocol's proposals of this talk period (ProtocolSchedule), in order, until one
      // passes; under `random` one uniform draw picks the proposer.
      bool settled = false;
      if (schedule.kind() == ProtocolParams::Kind::random) {
        settled = offer_round(schedule.recognised(protocol_draws.uniform()), observer);
      } else {
        if (schedule.mediator_first()) settled = offer_round(schedule.mediator(), observer);
        for (const Recognition& who : schedule.proposers(round)) {
          if (settled) break;
          settled = offer_round(who.party, observer);
        }
      }
      if (settled) {
        settle(t, pool_[history_size_ - 1]);
        if (observer) observer->on_end(result_);
        return result_;
      }
      ++round;
    }
    if (!sampler) continue;  // no battlefield: only time passes
    const int next = sampler->step(t, s, front_stream);
    if (observer) observer->on_fighting(t, s, next);
    for (const std::size_t i : learners_) beliefs_[i].observe(t, s, next);
    s = next;
    if (chain->absorbing(s)) {
      const bool a_collapses = s <= chain->collapse_a();
      end_war(a_collapses ? Outcome::collapse_a : Outcome::collapse_b, t, t + 1, s,
              a_collapses ? simulation_->collapse_a_terms() : simulation_->collapse_b_terms());
      if (observer) observer->on_end(result_);
      return result_;
    }
  }
  end_war(Outcome::frozen, horizon, horizon, s, simulation_->frozen_terms(s));
  if (observer) observer->on_end(result_);
  return result_;
}

}  // namespace parley
