#include "parley/engine/episode_runner.hpp"

#include <cmath>
#include <stdexcept>

namespace parley {

namespace {

/// K, the number of transitions something survives that ends with probability q between two
/// periods (a peace, the talks' window), drawn by inversion: K = floor(ln U / ln(1 - q)) with
/// U in (0, 1], so P(K >= k) = (1 - q)^k; 0 < q < 1.
double transitions_survived(RandomStream& draws, double q) {
  const double u = 1.0 - draws.uniform();  // in (0, 1]
  return std::floor(std::log(u) / std::log1p(-q));
}

}  // namespace

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
  realised_.assign(n, 0.0);
  if (simulation.durable()) {
    // The parties that may renew the war at will, as peace_terms names them: none when a third
    // party enforces the agreement (commitment: binding).
    if (sc.durability->commitment == DurabilityParams::Commitment::self_enforcing)
      for (const std::size_t j : sc.veto_parties())
        if (sc.parties[j].role == Role::belligerent) renewers_pool_.push_back(j);
    peace_.utility.assign(n, 0.0);
    peace_.renewal.assign(n, std::vector<double>(static_cast<std::size_t>(sc.horizon) + 1, 0.0));
    for (std::size_t i = 0; i < n; ++i) peace_.discount.push_back(war_payoffs(sc, i).discount);
    peace_.may_renew = renewers_pool_;
    peace_.horizon = sc.horizon;
    // A renewal at will is valued by the solver's renewed wars, talks included (DESIGN 1.10).
    // Where the solver has no renewed wars (a protocol it does not solve), a renewed war is
    // valued as fought to the end (peace_terms).
    if (!renewers_pool_.empty()) {
      try {
        equilibrium_ = setting_->equilibrium();
        peace_offers_ = equilibrium_->peace_offers();
        peace_.breakdown.assign(n, std::vector<double>(static_cast<std::size_t>(sc.horizon) + 1, 0.0));
      } catch (const std::invalid_argument&) {
        equilibrium_.reset();
      }
    }
  }
  between_states_ = BetweenTalksStates(between_talks_bits(sc, setting_->veto_parties()));
  const std::uint64_t pressing = pressers(sc, setting_->veto_parties());
  for (std::size_t b = 0; b < setting_->veto_parties().size(); ++b)
    if (pressing >> b & 1U) pressers_.push_back(b);
  leverage_cost_.assign(n, 0.0);
  aspirations_.assign(n, 0.0);
  result_.payoffs.assign(n, 0.0);
  state_.beliefs = beliefs_;
  state_.reservations = reservations_;
}

void EpisodeRunner::update_reservations(int t, int s) {
  if (war_ >= 0) {
    // A renewed war (DESIGN 1.10): its values under the post-settlement balance.
    const RenewedWar& war = renewed_[static_cast<std::size_t>(war_)];
    for (std::size_t j = 0; j < beliefs_.size(); ++j) reservations_[j] = war.values[j].continuation(t, s);
    return;
  }
  for (std::size_t j = 0; j < beliefs_.size(); ++j) {
    const auto& tables = setting_->war_values(j);
    // r_j(t, s) = sum_k pi_jk W_j(t, s | a_k); one hypothesis needs no weighting.
    reservations_[j] = tables.size() == 1 ? tables[0].continuation(t, s)
                                          : subjective_continuation(beliefs_[j], tables, t, s);
  }
}

bool EpisodeRunner::offer_round(std::size_t proposer, EpisodeObserver* observer, std::uint64_t* rejecters) {
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
  // A package that breaks a constraint between terms cannot be signed by anyone (issue 15).
  const bool signable = sc.constraints.empty() || sc.keeps_constraints(offer.package);
  const auto& veto = setting_->veto_parties();
  for (std::size_t b = 0; b < veto.size(); ++b) {
    const std::size_t j = veto[b];
    if (j == proposer) continue;
    // A red line is never crossed, whatever the package is worth and whatever the strategy
    // (issue 15): the engine answers for the party, as its strategy would have no say.
    Answer answer;
    if (!signable)
      answer.reason = AnswerReason::breaks_constraint;
    else if (!sc.parties[j].red_lines.empty() && sc.crosses_red_line(j, offer.package))
      answer.reason = AnswerReason::crosses_red_line;
    else
      answer = strategies_[j]->respond(StrategyView(*setting_, state_, j), offer);
    if (observer) observer->on_answer(state_, j, offer, answer);
    accepted = accepted && answer.accept;
    if (rejecters && !answer.accept) *rejecters |= std::uint64_t{1} << b;
  }
  return accepted;
}

void EpisodeRunner::close_war_segment(int end) {
  fighting_ += end - war_start_;
  if (war_start_ == 0 && war_ < 0) {  // the first war: C_i(end), with no extra cost
    for (std::size_t i = 0; i < realised_.size(); ++i) realised_[i] = -simulation_->accumulated_cost(i, end);
  } else {
    const std::vector<double>* extra = war_ >= 0 ? &renewed_[static_cast<std::size_t>(war_)].balance.cost_shift : nullptr;
    for (std::size_t i = 0; i < realised_.size(); ++i) {
      // sum_{war_start <= tau < end} delta_i^tau (c_i + e_i)
      double cost = simulation_->accumulated_cost(i, end) - simulation_->accumulated_cost(i, war_start_);
      if (extra && i < extra->size() && (*extra)[i] != 0.0) {
        cost += (*extra)[i] * (simulation_->discounted_periods(i, end) - simulation_->discounted_periods(i, war_start_));
      }
      realised_[i] -= cost;
    }
  }
  war_start_ = end;
}

template <typename Utility>
void EpisodeRunner::account_end(int end, Utility utility) {
  close_war_segment(end);
  result_.duration = fighting_;
  for (std::size_t i = 0; i < result_.payoffs.size(); ++i) {
    // Without a breakdown, exactly DESIGN 1.1's delta^t u - C(t) (bit for bit as without
    // durability); after one, the closed segments plus the terms in force from `end` on; less
    // the costs of the periods fought under leverage.
    result_.payoffs[i] = result_.breakdowns == 0 ? simulation_->payoff(i, end, utility(i))
                                                 : realised_[i] + simulation_->discount_power(i, end) * utility(i);
    if (leverage_cost_[i] != 0.0) result_.payoffs[i] -= leverage_cost_[i];
  }
}

const EpisodeRunner::BetweenTalksWar& EpisodeRunner::between_talks_war(std::size_t k) {
  for (const BetweenTalksWar& war : between_wars_)
    if (war.war == war_ && war.state == k) return war;
  const Scenario& sc = simulation_->scenario();
  const WarShift effect = between_talks_shift(sc, setting_->veto_parties(), between_states_.mask(k));
  BetweenTalksWar& war = between_wars_.emplace_back();
  war.war = war_;
  war.state = k;
  war.cost_shift = effect.cost_shift;
  if (sc.battlefield) {
    // The war in progress (the first, or renewed under its balance) with the measures' shift on
    // top, as the solver's leverage regimes build it.
    if (war_ < 0) {
      war.chain = std::make_unique<BattlefieldChain>(*sc.battlefield, effect.advantage_shift);
    } else {
      const PostSettlementBalance& balance = renewed_[static_cast<std::size_t>(war_)].balance;
      war.chain = std::make_unique<BattlefieldChain>(renewed_battlefield(sc),
                                                     balance.advantage_shift + effect.advantage_shift);
    }
    war.sampler = std::make_unique<FrontSampler>(*war.chain, sc.horizon);
  }
  return war;
}

void EpisodeRunner::settle(int t, const Offer& offer) {
  result_.outcome = Outcome::settled;
  result_.period = t;
  result_.final_state = state_.front;
  result_.proposer = offer.proposer;
  result_.terms = &offer.package;
  result_.peace_periods += simulation_->scenario().horizon - t;
  account_end(t, [&](std::size_t i) { return offer.utilities[i]; });
}

void EpisodeRunner::end_war(Outcome outcome, int period, int duration, int state, const Agreement& terms) {
  result_.outcome = outcome;
  result_.period = period;
  result_.final_state = state;
  result_.proposer = 0;
  result_.terms = &terms;
  // `duration` is the period the war ended at: t + 1 after a collapse in t, T when frozen.
  account_end(duration, [&](std::size_t i) {
    switch (outcome) {
      case Outcome::collapse_a: return simulation_->collapse_a_utility(i);
      case Outcome::collapse_b: return simulation_->collapse_b_utility(i);
      default: return simulation_->frozen_utility(i, state);
    }
  });
}

std::size_t EpisodeRunner::renewed_war(const PostSettlementBalance& balance) {
  for (std::size_t w = 0; w < renewed_.size(); ++w)
    if (renewed_[w].balance == balance) return w;
  const Scenario& sc = simulation_->scenario();
  RenewedWar war;
  war.balance = balance;
  // As peace_terms builds it: the renewed battlefield, A's advantage shifted, costs raised.
  war.chain = std::make_unique<BattlefieldChain>(renewed_battlefield(sc), balance.advantage_shift);
  war.sampler = std::make_unique<FrontSampler>(*war.chain, sc.horizon);
  for (std::size_t i = 0; i < sc.parties.size(); ++i) war.values.push_back(renewed_war_value(sc, *war.chain, balance, i));
  if (peace_offers_) war.regime = peace_offers_->balance_index(balance).value();
  renewed_.push_back(std::move(war));
  return renewed_.size() - 1;
}

int EpisodeRunner::keep_peace(int t0, const Offer& offer, int& s, RandomStream& draws, EpisodeObserver* observer) {
  const Scenario& sc = simulation_->scenario();
  const int horizon = sc.horizon;
  const Agreement& x = offer.package;
  // The terms x contains, found once for its hazard and its balance.
  contained_terms_into(sc, x, terms_);
  const double h = breakdown_hazard(sc, terms_);
  // The hazard: K transitions survived, P(K >= k) = (1 - h)^k; the peace breaks at t0 + 1 + K
  // if that is at most T (between T - 1 and T it may still break: DESIGN 1.10's recursion).
  int breaks = -1;
  if (h >= 1.0) {
    breaks = t0 + 1;
  } else if (h > 0.0) {
    const double survived = transitions_survived(draws, h);
    if (survived < static_cast<double>(horizon - t0)) breaks = t0 + 1 + static_cast<int>(survived);
  }
  // Renewal at will: the exact outlook of this peace (peace_value.hpp), from the cached tables.
  post_settlement_balance_into(sc, terms_, balance_);
  const PostSettlementBalance& balance = balance_;
  const std::size_t w = renewed_war(balance);
  const int line = renewal_line(sc, x, s);
  int renewal = -1;
  std::span<const std::size_t> renewers;
  PeaceOutlook& outlook = outlook_;
  if (!renewers_pool_.empty()) {
    const RenewedWar& war = renewed_[w];
    for (std::size_t i = 0; i < peace_.utility.size(); ++i) {
      peace_.utility[i] = offer.utilities[i];
      std::vector<double>& row = peace_.renewal[i];
      if (!peace_offers_) {
        for (int t = t0; t <= horizon; ++t) row[static_cast<std::size_t>(t)] = war.values[i](t, line);
        continue;
      }
      // The renewed war's equilibrium: W^b(t) renewed at will, V^b(t) after a breakdown.
      std::vector<double>& after = peace_.breakdown[i];
      for (int t = t0; t <= horizon; ++t) {
        row[static_cast<std::size_t>(t)] = peace_offers_->renewed_fight(war.regime, i, t, line);
        after[static_cast<std::size_t>(t)] = peace_offers_->renewed_value(war.regime, i, t, line);
      }
    }
    peace_.hazard = h;
    peace_.settlement_period = t0;
    peace_outlook_into(peace_, outlook);
    renewal = outlook.first_renewal;
  }
  const bool at_will = renewal >= 0 && (breaks < 0 || renewal <= breaks);
  if (at_will) {
    breaks = renewal;
    renewers_.assign(outlook.renewers.begin(), outlook.renewers.end());
    renewers = renewers_;
  }
  if (breaks < 0) return -1;  // the peace holds to T

  close_war_segment(t0);
  for (std::size_t i = 0; i < realised_.size(); ++i) {
    // The flows (1 - delta) u a period for t0 <= t < t_b: u (delta^t0 - delta^t_b).
    realised_[i] += offer.utilities[i] * (simulation_->discount_power(i, t0) - simulation_->discount_power(i, breaks));
  }
  result_.peace_periods += breaks - t0;
  ++result_.breakdowns;
  if (at_will) ++result_.renewals;
  // Renewed at will at t_r, the war is fought in t_r (the value W^b(t_r) the decision weighed).
  if (at_will) silent_period_ = breaks;
  war_ = static_cast<int>(w);
  state_.balance = &renewed_[w].balance;
  war_start_ = breaks;
  s = line;
  if (observer) {
    PeaceBreakdown event;
    event.settled_at = t0;
    event.period = breaks;
    event.hazard = h;
    event.renewers = renewers;
    event.line = line;
    event.advantage_shift = balance.advantage_shift;
    observer->on_breakdown(event);
  }
  return breaks;
}

const EpisodeResult& EpisodeRunner::run(std::uint64_t seed, std::uint64_t point, std::uint64_t run,
                                        EpisodeObserver* observer) {
  const Scenario& sc = simulation_->scenario();
  const ProtocolSchedule& schedule = setting_->schedule();
  const int horizon = sc.horizon;

  RandomStream front_stream(seed, point, run, RandomStream::front_stream);
  RandomStream protocol_draws(seed, point, run, protocol_stream);
  RandomStream durability_draws(seed, point, run, durability_stream);
  // The talks' window: open through period K, K transitions survived (P(K >= k) = (1 - q)^k).
  const double q = sc.protocol.closing_hazard;
  open_until_ = horizon;
  if (q >= 1.0) {
    open_until_ = 0;
  } else if (q > 0.0) {
    RandomStream closing_draws(seed, point, run, closing_stream);
    const double survived = transitions_survived(closing_draws, q);
    if (survived < static_cast<double>(horizon)) open_until_ = static_cast<int>(survived);
  }
  for (const std::size_t i : learners_) beliefs_[i].reset();
  for (auto& strategy : strategies_) strategy->reset();
  history_size_ = 0;
  state_.history = {pool_.data(), 0};
  result_.peace_periods = 0;
  result_.breakdowns = 0;
  result_.renewals = 0;
  result_.first_agreement = -1;
  war_ = -1;
  state_.balance = nullptr;
  state_.leverage = 0;
  state_.pressing = 0;
  between_war_ = nullptr;
  std::fill(leverage_cost_.begin(), leverage_cost_.end(), 0.0);
  silent_period_ = -1;
  war_start_ = 0;
  fighting_ = 0;

  int s = setting_->start_state();
  for (int t = 0; t < horizon; ++t) {
    if (schedule.talks_at(t) && t != silent_period_ && t <= open_until_) {
      // Proposers follow the period (the solver's Markov order), also across a peace.
      const int round = schedule.talk_index(t);
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
      // Talks reset the leverage: the mediator's package is answered anew.
      state_.leverage = 0;
      if (schedule.kind() == ProtocolParams::Kind::random) {
        settled = offer_round(schedule.recognised(protocol_draws.uniform()), observer);
      } else {
        if (schedule.mediator_first()) settled = offer_round(schedule.mediator(), observer, &state_.leverage);
        for (const Recognition& who : schedule.proposers(round)) {
          if (settled) break;
          settled = offer_round(who.party, observer);
        }
      }
      state_.pressing = 0;
      if (!settled)
        // The offensives until the next talks (issue 15): each presser in veto order, seeing the
        // earlier choices.
        for (const std::size_t b : pressers_) {
          const std::size_t j = setting_->veto_parties()[b];
          if (strategies_[j]->press(StrategyView(*setting_, state_, j))) state_.pressing |= std::uint64_t{1} << b;
        }
      // Found once per talk period, not once per period fought.
      const std::size_t between = settled ? 0 : between_states_.index_of(state_.leverage | state_.pressing << kPressingBit);
      between_war_ = between > 0 ? &between_talks_war(between) : nullptr;
      if (settled) {
        const Offer& offer = pool_[history_size_ - 1];
        if (result_.first_agreement < 0) result_.first_agreement = t;
        const int resumes = simulation_->durable() ? keep_peace(t, offer, s, durability_draws, observer) : -1;
        if (resumes < 0) {
          settle(t, offer);
          if (observer) observer->on_end(result_);
          return result_;
        }
        // The peace broke (DESIGN 1.10): the war resumes at `resumes` from the line. A line at
        // a collapse threshold ends it there and then, with no fighting (the war value of an
        // absorbing state is the collapse's, as peace_terms values it).
        const BattlefieldChain& renewed_chain = *renewed_[static_cast<std::size_t>(war_)].chain;
        if (renewed_chain.absorbing(s)) {
          const bool a_collapses = s <= renewed_chain.collapse_a();
          end_war(a_collapses ? Outcome::collapse_a : Outcome::collapse_b, resumes, resumes, s,
                  a_collapses ? simulation_->collapse_a_terms() : simulation_->collapse_b_terms());
          if (observer) observer->on_end(result_);
          return result_;
        }
        // Renewed at once, the war goes on in this period's fighting.
        if (resumes > t) {
          t = resumes - 1;
          continue;
        }
      }
    }
    const bool renewed = war_ >= 0;
    const FrontSampler* sampler =
        renewed ? renewed_[static_cast<std::size_t>(war_)].sampler.get() : simulation_->sampler();
    const BattlefieldChain* chain = renewed ? renewed_[static_cast<std::size_t>(war_)].chain.get() : setting_->chain();
    bool shifted = false;
    if (between_war_) {
      // The measures and offensives in force (issue 15): their costs this period, and their shift
      // of the front.
      const BetweenTalksWar& war = *between_war_;
      for (std::size_t i = 0; i < leverage_cost_.size(); ++i)
        if (war.cost_shift[i] != 0.0) leverage_cost_[i] += war.cost_shift[i] * simulation_->discount_power(i, t);
      if (war.sampler) {
        sampler = war.sampler.get();
        chain = war.chain.get();
        shifted = war.chain->advantage_offset() != 0.0;
      }
    }
    if (!sampler) continue;  // no battlefield: only time passes
    const int next = sampler->step(t, s, front_stream);
    if (observer) observer->on_fighting(t, s, next);
    // Beliefs are about the first war's chain; a renewed war's is known, and a move under a
    // leverage shift is no hypothesis's (see the class notes).
    if (!renewed && !shifted)
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
