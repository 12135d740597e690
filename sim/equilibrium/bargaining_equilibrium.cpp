#include "parley/equilibrium/bargaining_equilibrium.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstddef>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "parley/battlefield/battlefield_chain.hpp"
#include "parley/battlefield/war_value.hpp"
#include "parley/equilibrium/integer_program_offers.hpp"
#include "parley/model/post_settlement.hpp"
#include "parley/model/utility_tolerance.hpp"

namespace parley {

namespace {

constexpr double kMinusInfinity = -std::numeric_limits<double>::infinity();

[[noreturn]] void fail(const std::string& what) {
  throw std::invalid_argument("bargaining equilibrium: " + what);
}

}  // namespace

/// The backward induction of BargainingEquilibrium::solve, with its scratch space.
class EquilibriumSolver {
 public:
  /// `peace`, when given, is `offers` itself, solved with talks after a breakdown
  /// (RenewedTalks::resumed): the solver plays out one renewed war per balance with it.
  EquilibriumSolver(const Scenario& scenario, const OfferSpace& offers, const EquilibriumOptions& options,
                    PeaceOffers* peace = nullptr)
      : scenario_(scenario), offers_(offers), options_(options), peace_(peace) {}

  BargainingEquilibrium run();

 private:
  /// The war of one regime: the first war (regime 0) or the war renewed under a balance.
  struct Regime {
    BargainingEquilibrium* eq = nullptr;
    std::optional<BattlefieldChain> chain;
    std::vector<WarPayoffs> payoffs;
    /// Under a closing hazard: each party's value of the war fought to the end, R_i(t, s),
    /// what the talks' window closing leads to.
    std::vector<WarValueTable> closed;
    /// The between-talks state of this regime's war (0: none, a war of its own).
    std::size_t state = 0;
  };

  void set_up(BargainingEquilibrium& eq);
  /// Sizes eq's tables and fills their fixed rows (the horizon, the collapse states) for a war
  /// on `chain` (nullopt without a battlefield) with `payoffs`.
  void set_up_regime(Regime& regime);
  void continuation_row(Regime& regime, int t);
  void talk_row(BargainingEquilibrium& eq, int t);
  /// The plan's stage at (t, s) (the class comment): rejection_ holds R(t, s) on entry, and
  /// V(t, s) is written.
  void plan_stage(BargainingEquilibrium& eq, int t, int s);
  /// Proposer `who`'s equilibrium move at (t, s) when its offer failing leads to
  /// `rejection` (one value per party); adds its recognition-weighted contribution to
  /// `expected` (one entry per party).
  void propose(BargainingEquilibrium& eq, int t, int s, std::size_t k, const Recognition& who,
               std::span<const double> rejection, std::span<double> expected);
  /// The path of the first war, whose between-talks states k >= 1 are the regimes
  /// regimes_[between_regime(0, k)].
  void forward_path() const;
  /// The index in regimes_ of war w's regime in between-talks state k (w = 0: the first war,
  /// 1 + b: the war renewed under balance b; k = 0: the war itself).
  [[nodiscard]] std::size_t between_regime(std::size_t w, std::size_t k) const {
    return k == 0 ? w : wars_ + w * (between_states_ - 1) + (k - 1);
  }
  /// The belligerents' choice of pressure when talks at t fail (the class comment), in every war
  /// and state of measures: writes each regime's pressing_ row and makes its continuation at t the
  /// continuation with the chosen pressure.
  void choose_pressure(int t);
  /// Hands V^b(t, .) (and W^b(t, .) for t < T) of every renewed war to peace_.
  void record_renewed(int t, bool values, bool continuations);

  const Scenario& scenario_;
  const OfferSpace& offers_;
  EquilibriumOptions options_;
  PeaceOffers* peace_ = nullptr;
  /// [0]: the first war; [1 + b]: the war renewed under balance b; then each war's between-talks
  /// states k >= 1 (between_regime).
  std::vector<Regime> regimes_;
  std::size_t wars_ = 1;            ///< the first war and the renewed ones
  std::size_t between_states_ = 1;  ///< BetweenTalksStates::size()
  std::vector<std::size_t> pressers_;  ///< veto bits of the parties with a pressure option, in veto order
  std::size_t needed_votes_ = 0;  ///< responders' votes a veto proposer needs
  std::size_t plan_votes_ = 0;    ///< veto parties whose acceptance passes the mediator's plan
  double closing_ = 0.0;          ///< q, ProtocolParams::closing_hazard
  std::vector<double> mixed_;     ///< (1 - q) V(t + 1, .) + q R(t + 1, .), one row
  // Scratch, reused across cells.
  std::vector<double> floors_;
  std::vector<double> candidate_;
  std::vector<double> sum_tied_;
  std::vector<std::uint64_t> masks_;
  std::vector<std::size_t> positions_;
  std::vector<double> rejection_;
  std::vector<double> expected_;
};

BargainingEquilibrium EquilibriumSolver::run() {
  BargainingEquilibrium eq;
  set_up(eq);
  // Every regime is solved period by period together: a peace struck in any of them at t is
  // worth what the war renewed after it is worth from t + 1 on (DESIGN 1.10).
  const int T = eq.horizon_;
  if (peace_) record_renewed(T, true, false);
  for (int t = T - 1; t >= 0; --t) {
    for (Regime& r : regimes_) continuation_row(r, t);
    if (peace_) {
      record_renewed(t, false, true);
      peace_->complete_period(t);
    }
    if (!pressers_.empty() && eq.talks(t)) choose_pressure(t);
    // Backwards through regimes_: a war's between-talks regimes (last) come before the war itself,
    // whose plan stage weighs what failing leads to under each of them.
    for (auto r = regimes_.rbegin(); r != regimes_.rend(); ++r) {
      BargainingEquilibrium& e = *r->eq;
      if (e.talks(t)) {
        // A state with pressers only holds between talks: its talk rows are the war's (copied below).
        if (eq.between_talks_states_.mask(r->state) >> kPressingBit != 0) continue;
        talk_row(e, t);
      } else {
        for (std::size_t i = 0; i < e.parties_; ++i) {
          const auto w = e.continuation_[i].row(t);
          std::copy(w.begin(), w.end(), e.values_[i].row(t).begin());
        }
      }
    }
    // Talks reset what holds between them (the plan is tabled again, the offensives are decided
    // anew): a talk period's values are the war's whatever held before it.
    if (eq.talks(t))
      for (std::size_t w = 0; w < wars_; ++w)
        for (BargainingEquilibrium& levered : regimes_[w].eq->between_)
          for (std::size_t i = 0; i < levered.parties_; ++i)
            std::ranges::copy(std::as_const(regimes_[w].eq->values_[i]).row(t), levered.values_[i].row(t).begin());
    if (peace_) record_renewed(t, true, false);
  }
  forward_path();
  return eq;
}

void EquilibriumSolver::record_renewed(int t, bool values, bool continuations) {
  for (std::size_t b = 0; b + 1 < wars_; ++b) {
    const BargainingEquilibrium& e = *regimes_[b + 1].eq;
    for (std::size_t i = 0; i < e.parties_; ++i) {
      if (values) std::ranges::copy(std::as_const(e.values_[i]).row(t), peace_->renewed_value_row(b, i, t).begin());
      if (continuations)
        std::ranges::copy(std::as_const(e.continuation_[i]).row(t), peace_->renewed_fight_row(b, i, t).begin());
    }
  }
}

void EquilibriumSolver::set_up(BargainingEquilibrium& eq) {
  const Scenario& sc = scenario_;
  eq.parties_ = sc.parties.size();
  eq.veto_ = sc.veto_parties();
  if (eq.veto_.size() < 2) fail("needs at least two veto parties");
  if (eq.veto_.size() > 64) fail("at most 64 veto parties");
  if (offers_.party_count() != eq.parties_) fail("the offer space's parties are not the scenario's");
  if (options_.quota > eq.veto_.size()) fail("the quota exceeds the number of veto parties");
  if (sc.horizon < 0) fail("negative horizon");
  closing_ = sc.protocol.closing_hazard;
  if (!(closing_ >= 0.0 && closing_ <= 1.0)) fail("the closing hazard must be in [0, 1]");
  if (closing_ > 0.0 && peace_) fail("a closing hazard cannot be combined with a durability section (yet)");
  eq.horizon_ = sc.horizon;
  const std::size_t quota = options_.quota == 0 ? eq.veto_.size() : options_.quota;
  needed_votes_ = quota - 1;  // proposers are veto parties and vote for their own offer
  plan_votes_ = quota;        // the mediator has no vote: q veto parties must accept its plan

  const ProtocolSchedule schedule(sc.protocol, eq.veto_, eq.parties_, eq.horizon_);
  eq.talk_index_.assign(static_cast<std::size_t>(eq.horizon_), -1);
  int talk_periods = schedule.talk_periods();
  for (int t = 0; t < eq.horizon_; ++t) eq.talk_index_[static_cast<std::size_t>(t)] = schedule.talk_index(t);
  for (int k = 0; k < talk_periods; ++k) {
    const auto proposers = schedule.proposers(k);
    eq.proposers_.emplace_back(proposers.begin(), proposers.end());
  }
  for (const auto& period : eq.proposers_)
    for (const Recognition& r : period)
      if (!sc.parties[r.party].veto)
        fail("proposer '" + sc.parties[r.party].id + "' has no veto; the solver's proposers are veto parties");
  // A mediator playing `plan` with a proposal: its plan is the first stage of every talk
  // period (issue 15; the class comment).
  if (schedule.mediator_first()) {
    const Party& mediator = sc.parties[schedule.mediator()];
    if (mediator.strategy.name == "plan" && mediator.proposal) {
      eq.plan_stage_ = true;
      eq.mediator_ = schedule.mediator();
      eq.plan_ = *mediator.proposal;
      // What the plan is whatever the period: whether it breaks a constraint between terms,
      // whose red lines it crosses (issue 15).
      eq.plan_breaks_constraint_ = !sc.constraints_broken(eq.plan_).empty();
      for (std::size_t b = 0; b < eq.veto_.size(); ++b)
        if (sc.crosses_red_line(eq.veto_[b], eq.plan_)) eq.plan_red_lines_ |= std::uint64_t{1} << b;
    }
  }
  if (talk_periods > 0 && eq.proposers_.front().empty() && !eq.plan_stage_) {
    // Mediated talks without counter-proposals and without a plan the solver models: no veto
    // party proposes (see the class comment).
    std::fill(eq.talk_index_.begin(), eq.talk_index_.end(), -1);
    eq.proposers_.clear();
    talk_periods = 0;
  }
  eq.max_proposers_ = 0;
  eq.max_stages_ = 0;
  for (const auto& period : eq.proposers_) {
    const std::size_t stages = period.empty() ? 0 : period.back().stage + 1;
    eq.stages_.push_back(stages);
    eq.max_proposers_ = std::max(eq.max_proposers_, period.size());
    eq.max_stages_ = std::max(eq.max_stages_, stages);
  }

  // Between talks (issue 15; the class comment): one copy of the war per set of measures in
  // force and of pressers. The copies are made before the renewed wars', so that each renewed war
  // has its own.
  const std::size_t n = eq.parties_;
  try {
    eq.between_talks_states_ = BetweenTalksStates(between_talks_bits(sc, eq.veto_));
  } catch (const std::invalid_argument& e) {
    fail(e.what());
  }
  between_states_ = eq.between_talks_states_.size();
  const std::uint64_t pressing = pressers(sc, eq.veto_);
  pressers_.clear();
  for (std::size_t b = 0; b < eq.veto_.size(); ++b)
    if (pressing >> b & 1U) pressers_.push_back(b);
  if (!sc.leverage.empty() && !eq.plan_stage_)
    fail("leverage needs the mediated protocol with a mediator tabling its plan (strategy plan)");
  if (between_states_ > 1) {
    if (closing_ > 0.0) fail("leverage and pressure cannot be combined with a closing hazard (yet)");
    if (options_.quota != 0 && options_.quota < eq.veto_.size()) fail("leverage and pressure need unanimity (no quota)");
    BargainingEquilibrium copy = eq;
    copy.plan_stage_ = false;  // a between-talks war's talks are the counter-stages after the plan failed
    eq.between_.assign(between_states_ - 1, copy);
  }

  // The regimes: the first war, then one war renewed per post-settlement balance, each on its
  // own battlefield and costs (PeaceOffers' balances, as renewed_war_value builds them), then
  // each war's between-talks states, on its battlefield and costs shifted by the measures in force
  // and the offensives.
  regimes_.clear();
  Regime& first = regimes_.emplace_back();
  first.eq = &eq;
  if (sc.battlefield) first.chain.emplace(*sc.battlefield);
  for (std::size_t i = 0; i < n; ++i) first.payoffs.push_back(war_payoffs(sc, i));
  if (closing_ > 0.0)
    for (std::size_t i = 0; i < n; ++i) first.closed.push_back(war_value(sc, i));
  std::vector<PostSettlementBalance> balances(1, PostSettlementBalance{0.0, {}});
  if (peace_) {
    eq.renewed_.assign(peace_->balance_count(), eq);
    const BattlefieldParams renewed = renewed_battlefield(sc);
    for (std::size_t b = 0; b < peace_->balance_count(); ++b) {
      const PostSettlementBalance& balance = peace_->balance(b);
      balances.push_back(balance);
      Regime& r = regimes_.emplace_back();
      r.eq = &eq.renewed_[b];
      r.chain.emplace(renewed, balance.advantage_shift);
      for (std::size_t i = 0; i < n; ++i) {
        WarPayoffs payoffs = war_payoffs(sc, i);
        if (i < balance.cost_shift.size()) payoffs.cost += balance.cost_shift[i];
        r.payoffs.push_back(std::move(payoffs));
      }
    }
  }
  wars_ = regimes_.size();
  for (std::size_t w = 0; w < wars_; ++w)
    for (std::size_t k = 1; k < between_states_; ++k) {
      const WarShift effect = between_talks_shift(sc, eq.veto_, eq.between_talks_states_.mask(k));
      Regime r;
      r.eq = &regimes_[w].eq->between_[k - 1];
      r.state = k;
      if (sc.battlefield)
        r.chain.emplace(w == 0 ? *sc.battlefield : renewed_battlefield(sc),
                        balances[w].advantage_shift + effect.advantage_shift);
      r.payoffs = regimes_[w].payoffs;
      for (std::size_t i = 0; i < n; ++i) r.payoffs[i].cost += effect.cost_shift[i];
      regimes_.push_back(std::move(r));
    }
  for (Regime& r : regimes_) set_up_regime(r);

  floors_.assign(n, kMinusInfinity);
  candidate_.assign(n, 0.0);
  sum_tied_.assign(n, 0.0);
  rejection_.assign(n, 0.0);
  expected_.assign(n, 0.0);
}

void EquilibriumSolver::set_up_regime(Regime& regime) {
  BargainingEquilibrium& eq = *regime.eq;
  const auto& chain = regime.chain;
  const auto& payoffs = regime.payoffs;
  if (chain) {
    eq.state_count_ = chain->state_count();
    eq.start_ = chain->start();
    eq.collapse_a_ = chain->collapse_a();
    eq.collapse_b_ = chain->collapse_b();
  } else {
    eq.state_count_ = 1;
    eq.start_ = 0;
    eq.collapse_a_ = -1;  // nothing is absorbing
    eq.collapse_b_ = 1;
  }
  const std::size_t n = eq.parties_;
  const int S = eq.state_count_;
  const int T = eq.horizon_;
  const int talk_periods = static_cast<int>(eq.proposers_.size());
  // Each table filled where it lives: assign(n, table) would fill a temporary and copy it n
  // times, a tenth of a mediated solve's time (bench_solver).
  const auto zero_tables = [n](std::vector<TimeStateTable>& tables, int periods, int states) {
    tables.clear();
    tables.reserve(n);
    for (std::size_t i = 0; i < n; ++i) tables.emplace_back(periods, states, 0.0);
  };
  zero_tables(eq.values_, T + 1, S);
  zero_tables(eq.continuation_, T, S);
  const std::size_t offer_count = static_cast<std::size_t>(talk_periods) * eq.stride() * eq.max_proposers_;
  eq.offers_.assign(offer_count, EquilibriumOffer{});
  eq.offer_utilities_.assign(offer_count * n, 0.0);
  zero_tables(eq.stage_values_, talk_periods * static_cast<int>(eq.max_stages_), S);
  if (eq.plan_stage_) {
    const std::size_t cells = static_cast<std::size_t>(talk_periods) * eq.stride();
    eq.plan_verdicts_.assign(cells, PlanVerdict::rejected);
    eq.plan_rejected_by_.assign(cells, 0);
    eq.plan_utilities_.assign(cells * n, 0.0);
    eq.plan_rejection_.assign(cells * n, 0.0);
  }
  if (!eq.between_.empty()) {  // a war (not one of its between-talks copies)
    const std::size_t cells = static_cast<std::size_t>(talk_periods) * eq.stride();
    eq.after_talks_.assign(cells, 0);
  }
  if (!pressers_.empty()) eq.pressing_.assign(static_cast<std::size_t>(talk_periods) * eq.stride(), 0);

  // Row T: the frozen front (or the reservation value); every row: collapse values at the
  // absorbing states, which no period's recursion touches.
  for (std::size_t i = 0; i < n; ++i) {
    std::copy(payoffs[i].frozen.begin(), payoffs[i].frozen.end(), eq.values_[i].row(T).begin());
    if (!chain) continue;
    for (int t = 0; t <= T; ++t) {
      const std::span<double> row = eq.values_[i].row(t);
      std::fill(row.begin(), row.begin() + eq.collapse_a_ + 1, payoffs[i].collapse_a);
      std::fill(row.begin() + eq.collapse_b_, row.end(), payoffs[i].collapse_b);
      if (t == T) continue;
      const std::span<double> w = eq.continuation_[i].row(t);
      std::fill(w.begin(), w.begin() + eq.collapse_a_ + 1, payoffs[i].collapse_a);
      std::fill(w.begin() + eq.collapse_b_, w.end(), payoffs[i].collapse_b);
    }
  }
}

void EquilibriumSolver::continuation_row(Regime& regime, int t) {
  BargainingEquilibrium& eq = *regime.eq;
  const auto& chain = regime.chain;
  const auto& payoffs = regime.payoffs;
  const std::size_t n = eq.parties_;
  // Under a closing hazard q (a stochastic deadline, Binmore, Rubinstein and Wolinsky 1986's
  // breakdown risk) the next period is the talks' with probability 1 - q and the war fought to
  // its end with probability q: V(t + 1) is replaced by (1 - q) V(t + 1) + q R(t + 1).
  const auto next_row = [&](std::size_t i) -> std::span<const double> {
    const std::span<const double> next = std::as_const(eq.values_[i]).row(t + 1);
    if (closing_ == 0.0) return next;
    mixed_.resize(next.size());
    const double* closed = regime.closed[i].period(t + 1);
    for (std::size_t s = 0; s < next.size(); ++s) mixed_[s] = (1.0 - closing_) * next[s] + closing_ * closed[s];
    return mixed_;
  };
  if (!chain) {
    for (std::size_t i = 0; i < n; ++i)
      eq.continuation_[i](t, 0) = -payoffs[i].cost + payoffs[i].discount * next_row(i)[0];
    return;
  }
  // W_i(t, s) = -c_i + delta_i E[V_i(t + 1, s_{t+1}) | s_t = s]. The same Bellman step as the
  // war value's BattlefieldChain::backward_step, but summed as the solver always has (the
  // expectation first, then the discount): backward_step folds the discount into each move's
  // probability, which moves the printed equilibrium values in their last digits.
  const FrontMoves m = chain->moves(t);
  const int lo = eq.collapse_a_ + 1;
  const int hi = eq.collapse_b_;
  for (std::size_t i = 0; i < n; ++i) {
    const std::span<const double> next = next_row(i);
    const std::span<double> w = eq.continuation_[i].row(t);
    const double c = payoffs[i].cost;
    const double d = payoffs[i].discount;
    for (int s = lo; s < hi; ++s) w[static_cast<std::size_t>(s)] = -c + d * chain->expectation(m, s, next);
  }
}

void EquilibriumSolver::talk_row(BargainingEquilibrium& eq, int t) {
  const std::size_t n = eq.parties_;
  const auto talk = static_cast<std::size_t>(eq.talk_index_[static_cast<std::size_t>(t)]);
  const auto& proposers = eq.proposers_[talk];
  const std::size_t stages = eq.stages_[talk];
  for (int s = 0; s < eq.state_count_; ++s) {
    if (eq.absorbing(s)) continue;
    // After the last stage the war goes on; each earlier stage leads to the next one.
    for (std::size_t i = 0; i < n; ++i) rejection_[i] = eq.continuation_[i](t, s);
    for (std::size_t g = stages; g-- > 0;) {
      std::fill(expected_.begin(), expected_.end(), 0.0);
      for (std::size_t k = 0; k < proposers.size(); ++k)
        if (proposers[k].stage == g) propose(eq, t, s, k, proposers[k], rejection_, expected_);
      for (std::size_t i = 0; i < n; ++i) eq.stage_values_[i](eq.stage_row(t, g), s) = expected_[i];
      rejection_.swap(expected_);  // the stage's value is the previous stage's rejection value
    }
    if (eq.plan_stage_) {
      plan_stage(eq, t, s);
    } else {
      for (std::size_t i = 0; i < n; ++i) eq.values_[i](t, s) = rejection_[i];
      // Without a plan only the pressers' choice decides what holds between talks.
      if (!eq.after_talks_.empty() && !eq.pressing_.empty()) eq.after_talks_[eq.plan_cell(t, s)] = eq.pressing_[eq.plan_cell(t, s)];
    }
  }
}

void EquilibriumSolver::choose_pressure(int t) {
  BargainingEquilibrium& first = *regimes_.front().eq;
  const std::size_t n = first.parties_;
  const std::size_t cells_from = first.plan_cell(t, 0);
  for (std::size_t w = 0; w < wars_; ++w)
    for (std::size_t l = 0; l < between_states_; ++l) {
      const std::uint64_t measures = first.between_talks_states_.mask(l);
      if (measures >> kPressingBit != 0) continue;  // a state of measures only: who presses on top
      BargainingEquilibrium& e = *regimes_[between_regime(w, l)].eq;
      for (int s = 0; s < e.state_count_; ++s) {
        if (e.absorbing(s)) continue;
        // W^k_p(t, s) of the war in state k: party p's continuation there.
        const auto continuation = [&](std::uint64_t pressing, std::size_t p) {
          const std::size_t k = first.between_talks_state(measures, pressing);
          return regimes_[between_regime(w, k)].eq->continuation_[p](t, s);
        };
        // The pressers decide in veto order, each knowing the earlier choices and anticipating the
        // later ones (backward induction over the 2^m profiles; ties: it does not press).
        const auto decide = [&](auto&& self, std::size_t q, std::uint64_t chosen) -> std::uint64_t {
          if (q == pressers_.size()) return chosen;
          const std::uint64_t calm = self(self, q + 1, chosen);
          const std::uint64_t pressed = self(self, q + 1, chosen | std::uint64_t{1} << pressers_[q]);
          const std::size_t p = e.veto_[pressers_[q]];
          return worth_more(continuation(pressed, p), continuation(calm, p)) ? pressed : calm;
        };
        const std::uint64_t chosen = decide(decide, 0, 0);
        const std::size_t k = first.between_talks_state(measures, chosen);
        e.pressing_[cells_from + static_cast<std::size_t>(s)] = static_cast<std::uint16_t>(k);
        if (k == l) continue;
        const BargainingEquilibrium& pressed = *regimes_[between_regime(w, k)].eq;
        for (std::size_t i = 0; i < n; ++i) e.continuation_[i](t, s) = pressed.continuation_[i](t, s);
      }
    }
}

void EquilibriumSolver::plan_stage(BargainingEquilibrium& eq, int t, int s) {
  const std::size_t n = eq.parties_;
  const std::size_t cell = eq.plan_cell(t, s);
  const std::span<double> u(eq.plan_utilities_.data() + cell * n, n);
  const std::span<double> refused(eq.plan_rejection_.data() + cell * n, n);
  PlanVerdict& verdict = eq.plan_verdicts_[cell];
  // R^L_i(t, s): what the plan failing leads to with the measures of state L in force (L = 0:
  // none, the rejection_ this stage was called with).
  const auto failing = [&](std::size_t k, std::size_t i) {
    if (k == 0) return rejection_[i];
    const BargainingEquilibrium& war = eq.between_talks(k);
    return war.stage_count(t) > 0 ? war.stage_value(t, s, 0, i) : war.continuation(t, s, i);
  };
  const std::uint64_t every_veto = eq.veto_.size() == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << eq.veto_.size()) - 1;
  // The plan's worth to each party, signed here: u_i(x_M), or under durability the value of the
  // peace it makes (the same values the `equilibrium` strategy weighs a package by).
  std::optional<std::size_t> peace_class;
  if (peace_) peace_class = peace_->self_enforcing_class(eq.plan_, t, s);
  std::uint64_t rejected = every_veto;  // a plan that makes no peace: every veto party says no
  if (peace_ && !peace_class) {
    verdict = PlanVerdict::not_self_enforcing;
  } else {
    for (std::size_t i = 0; i < n; ++i)
      u[i] = peace_ ? peace_->value_in_class(*peace_class, eq.plan_, t, s, i) : scenario_.utility(i, eq.plan_);
    // Each veto party votes as if pivotal: against, iff the plan is worth less to it than the
    // plan failing on its vote alone, with its own measures in force (the class comment). A veto
    // party whose red line the plan crosses never accepts it, and a plan that breaks a
    // constraint between terms cannot be signed at all (issue 15).
    rejected = eq.plan_red_lines_;
    for (std::size_t b = 0; b < eq.veto_.size(); ++b) {
      const std::size_t j = eq.veto_[b];
      const double alone = failing(eq.between_talks_state(std::uint64_t{1} << b), j);
      if (!worth_at_least(u[j], alone)) rejected |= std::uint64_t{1} << b;
    }
    eq.plan_rejected_by_[cell] = rejected;
    const auto votes = eq.veto_.size() - static_cast<std::size_t>(std::popcount(rejected));
    verdict = !eq.plan_breaks_constraint_ && votes >= plan_votes_ ? PlanVerdict::passes : PlanVerdict::rejected;
    if (eq.plan_breaks_constraint_) rejected = every_veto;  // nobody can sign it: everyone answers no
  }
  const bool passes = verdict == PlanVerdict::passes;
  const std::size_t after = passes ? 0 : eq.between_talks_state(rejected);
  if (!eq.after_talks_.empty()) {
    // The measures in force, and who then presses (as chosen in the war under those measures).
    const BargainingEquilibrium& war = eq.between_talks(after);
    eq.after_talks_[cell] = passes ? 0 : war.pressing_.empty() ? static_cast<std::uint16_t>(after) : war.pressing_[cell];
  }
  for (std::size_t i = 0; i < n; ++i) refused[i] = failing(after, i);
  for (std::size_t b = 0; b < eq.veto_.size(); ++b)
    refused[eq.veto_[b]] = failing(eq.between_talks_state(std::uint64_t{1} << b), eq.veto_[b]);
  if (verdict == PlanVerdict::not_self_enforcing) std::copy(refused.begin(), refused.end(), u.begin());
  for (std::size_t i = 0; i < n; ++i) eq.values_[i](t, s) = passes ? u[i] : failing(after, i);
  if (after == 0) return;
  // The counter-stages that follow the failed plan are those of the war with the measures in
  // force: this war's offers and stage values at (t, s) are theirs, so that its path and whoever
  // reads its offers see what is played (issue 15).
  const BargainingEquilibrium& war = eq.between_talks(after);
  for (std::size_t k = 0; k < eq.max_proposers_; ++k) {
    const std::size_t slot = eq.offer_slot(t, s, k);
    eq.offers_[slot] = war.offers_[slot];
    std::copy_n(war.offer_utilities_.begin() + static_cast<std::ptrdiff_t>(slot * n), n,
                eq.offer_utilities_.begin() + static_cast<std::ptrdiff_t>(slot * n));
  }
  for (std::size_t g = 0; g < eq.stage_count(t); ++g)
    for (std::size_t i = 0; i < n; ++i) eq.stage_values_[i](eq.stage_row(t, g), s) = war.stage_values_[i](eq.stage_row(t, g), s);
}

void EquilibriumSolver::propose(BargainingEquilibrium& eq, int t, int s, std::size_t k, const Recognition& who,
                                std::span<const double> rejection, std::span<double> expected) {
  const std::size_t n = eq.parties_;
  const auto w = [&](std::size_t i) { return rejection[i]; };
  const std::size_t rho = who.party;
  const std::size_t slot = eq.offer_slot(t, s, k);
  EquilibriumOffer& offer = eq.offers_[slot];
  const std::span<double> offer_u(eq.offer_utilities_.data() + slot * n, n);

  // The other veto parties, as bit positions of the coalition mask.
  std::uint64_t others = 0;
  for (std::size_t b = 0; b < eq.veto_.size(); ++b)
    if (eq.veto_[b] != rho) others |= std::uint64_t{1} << b;
  const std::size_t m = eq.veto_.size() - 1;

  // Candidate coalitions: every set of `needed_votes_` other veto parties (one set, all of
  // them, under unanimity), enumerated in increasing order of their masks.
  masks_.clear();
  if (needed_votes_ >= m) {
    masks_.push_back(others);
  } else {
    // Subsets of size needed_votes_ of the m positions in `others`, in colex order (Gosper's
    // hack over m bits), mapped onto the positions.
    std::vector<std::size_t>& positions = positions_;
    positions.clear();
    for (std::size_t b = 0; b < eq.veto_.size(); ++b)
      if (others >> b & 1U) positions.push_back(b);
    if (needed_votes_ == 0) {
      masks_.push_back(0);
    } else {
      std::uint64_t sub = (std::uint64_t{1} << needed_votes_) - 1;
      const std::uint64_t limit = std::uint64_t{1} << m;
      while (sub < limit) {
        std::uint64_t mask = 0;
        for (std::size_t q = 0; q < m; ++q)
          if (sub >> q & 1U) mask |= std::uint64_t{1} << positions[q];
        masks_.push_back(mask);
        const std::uint64_t c = sub & (~sub + 1);
        const std::uint64_t r = sub + c;
        sub = (((r ^ sub) >> 2) / c) | r;
      }
    }
  }

  double best = kMinusInfinity;
  std::uint32_t tied = 0;
  offer = EquilibriumOffer{};
  for (std::uint64_t mask : masks_) {
    std::fill(floors_.begin(), floors_.end(), kMinusInfinity);
    for (std::size_t b = 0; b < eq.veto_.size(); ++b)
      if (mask >> b & 1U) floors_[eq.veto_[b]] = w(eq.veto_[b]);
    const auto point = offers_.best_for_at(t, s, rho, floors_, candidate_);
    if (!point) continue;
    const double value = candidate_[rho];
    if (tied > 0 && !worth_more(value, best)) {
      if (same_utility(value, best)) {  // equally cheap up to rounding: the proposer mixes
        ++tied;
        for (std::size_t i = 0; i < n; ++i) sum_tied_[i] += candidate_[i];
      }
      continue;
    }
    // Strictly better than every coalition so far (or the first feasible one).
    best = value;
    tied = 1;
    offer.point = *point;
    offer.coalition = mask;
    std::copy(candidate_.begin(), candidate_.end(), offer_u.begin());
    std::copy(candidate_.begin(), candidate_.end(), sum_tied_.begin());
  }
  offer.feasible = tied > 0;
  offer.tied_coalitions = tied;
  // Ties go to acceptance (DESIGN 1.9): a proposer whose best offer is worth exactly its value
  // of fighting on settles, as the responders whose floors it meets accept (Rubinstein 1982).
  offer.settles = offer.feasible && worth_at_least(best, w(rho));
  if (!offer.feasible)
    for (std::size_t i = 0; i < n; ++i) offer_u[i] = w(i);
  for (std::size_t i = 0; i < n; ++i)
    expected[i] += who.probability * (offer.settles ? sum_tied_[i] / static_cast<double>(tied) : w(i));
}

void EquilibriumSolver::forward_path() const {
  const Regime& regime = regimes_.front();
  BargainingEquilibrium& eq = *regime.eq;
  EquilibriumPath& path = eq.path_;
  const int T = eq.horizon_;
  path = EquilibriumPath{};
  path.settled_at.assign(static_cast<std::size_t>(T), 0.0);
  // pi[k]: the mass still at the table in between-talks state k (pi[0] without leverage or
  // pressure); closed: the mass whose window for talks has closed (a closing hazard excludes both).
  const std::size_t states = eq.stride();
  std::vector<std::vector<double>> pi(between_states_, std::vector<double>(states, 0.0));
  std::vector<double> next(states, 0.0), closed(states, 0.0);
  pi[0][static_cast<std::size_t>(eq.start_)] = 1.0;
  double settle_time = 0.0;
  for (int t = 0; t < T; ++t) {
    if (eq.talks(t)) {
      for (int s = 0; s < eq.state_count_; ++s) {
        const auto ss = static_cast<std::size_t>(s);
        if (eq.absorbing(s)) continue;
        // Talks reset what held between them: the mass at s meets the same talks whatever did.
        double at_table = 0.0;
        for (std::vector<double>& mass : pi) at_table += std::exchange(mass[ss], 0.0);
        if (at_table == 0.0) continue;
        const double settled = at_table * eq.settlement_probability(t, s);
        if (eq.plan_stage_ && eq.plan_verdict(t, s) == PlanVerdict::passes) path.settled_on_plan += settled;
        path.settled_at[static_cast<std::size_t>(t)] += settled;
        pi[eq.after_talks(t, s)][ss] = at_table - settled;
      }
      path.settled += path.settled_at[static_cast<std::size_t>(t)];
      settle_time += t * path.settled_at[static_cast<std::size_t>(t)];
    }
    if (regime.chain) {
      // Mass that reached a threshold ends the war by collapse and leaves the distribution; the
      // front moves on the chain of the between-talks state in force.
      const auto ia = static_cast<std::size_t>(eq.collapse_a_);
      const auto ib = static_cast<std::size_t>(eq.collapse_b_);
      const auto step = [&](const BattlefieldChain& chain, std::vector<double>& mass) {
        chain.propagate(t, mass, next);
        const double absorbed_a = next[ia];
        const double absorbed_b = next[ib];
        next[ia] = next[ib] = 0.0;
        path.collapse_a += absorbed_a;
        path.collapse_b += absorbed_b;
        path.expected_duration += (t + 1) * (absorbed_a + absorbed_b);
        std::swap(mass, next);
      };
      step(*regime.chain, pi[0]);
      for (std::size_t k = 1; k < between_states_; ++k) step(*regimes_[between_regime(0, k)].chain, pi[k]);
      if (closing_ > 0.0) step(*regime.chain, closed);
    }
    // The window for talks closes between t and t + 1 with probability q: that mass fights on.
    if (closing_ > 0.0)
      for (std::size_t s = 0; s < states; ++s) {
        closed[s] += closing_ * pi[0][s];
        pi[0][s] *= 1.0 - closing_;
      }
  }
  for (int s = eq.collapse_a_ + 1; s < eq.collapse_b_; ++s) {
    const auto ss = static_cast<std::size_t>(s);
    for (const std::vector<double>& mass : pi) path.frozen += mass[ss];
    path.frozen += closed[ss];
  }
  path.expected_duration += settle_time + T * path.frozen;
  path.expected_settlement_period =
      path.settled > 0.0 ? settle_time / path.settled : std::numeric_limits<double>::quiet_NaN();
}

BargainingEquilibrium BargainingEquilibrium::solve(const Scenario& scenario, const OfferSpace& offers,
                                                   const EquilibriumOptions& options) {
  return EquilibriumSolver(scenario, offers, options).run();
}

BargainingEquilibrium BargainingEquilibrium::solve(const Scenario& scenario, const AgreementSpace& space,
                                                   const EquilibriumOptions& options) {
  if (scenario.durability) {
    // Agreements are worth the peace they make, and talks resume after a breakdown (issue
    // 14): the equilibrium keeps its offers, which the joint induction completes.
    auto peace = std::make_shared<PeaceOffers>(scenario, AgreementSpaceOptions{}, RenewedTalks::resumed);
    BargainingEquilibrium eq = EquilibriumSolver(scenario, *peace, options, peace.get()).run();
    eq.keep_offer_space(peace, peace);
    return eq;
  }
  // Two veto parties: their exact frontier. More: the exact mixed-integer answer (issue 15),
  // not the epsilon-Pareto set's approximation.
  std::shared_ptr<const OfferSpace> offers;
  if (space.is_exact())
    offers = std::make_shared<const AgreementSpaceOffers>(space);
  else
    offers = std::make_shared<const IntegerProgramOffers>(scenario);
  BargainingEquilibrium eq = solve(scenario, *offers, options);
  eq.keep_offer_space(std::move(offers), nullptr);
  return eq;
}

void BargainingEquilibrium::keep_offer_space(const std::shared_ptr<const OfferSpace>& offers,
                                             const std::shared_ptr<const PeaceOffers>& peace) {
  offer_space_ = offers;
  peace_ = peace;
  for (BargainingEquilibrium& war : renewed_) war.keep_offer_space(offers, peace);
  for (BargainingEquilibrium& war : between_) war.keep_offer_space(offers, peace);
}

const BargainingEquilibrium& BargainingEquilibrium::regime(const PostSettlementBalance* balance) const {
  if (!balance || renewed_.empty()) return *this;
  const auto b = peace_->balance_index(*balance);
  if (!b) throw std::logic_error("bargaining equilibrium: a renewed war under a balance no agreement makes");
  return renewed_[*b];
}

void BargainingEquilibrium::package_into(const SpacePoint& point, Agreement& out) const {
  if (!offer_space_) throw std::logic_error("bargaining equilibrium: solved on an offer space it does not keep");
  offer_space_->package_into(point, out);
}

Agreement BargainingEquilibrium::package(const SpacePoint& point) const {
  Agreement out;
  package_into(point, out);
  return out;
}

int BargainingEquilibrium::first_talk_period() const {
  for (int t = 0; t < horizon_; ++t)
    if (talks(t)) return t;
  return -1;
}

std::span<const Recognition> BargainingEquilibrium::proposers(int t) const {
  const int k = talk_index_[static_cast<std::size_t>(t)];
  if (k < 0) return {};
  return proposers_[static_cast<std::size_t>(k)];
}

std::size_t BargainingEquilibrium::stage_count(int t) const {
  const int k = talk_index_[static_cast<std::size_t>(t)];
  return k < 0 ? 0 : stages_[static_cast<std::size_t>(k)];
}

double BargainingEquilibrium::rejection_value(int t, int s, std::size_t stage, std::size_t party) const {
  if (stage + 1 < stage_count(t)) return stage_value(t, s, stage + 1, party);
  return continuation(t, s, party);
}

double BargainingEquilibrium::settlement_probability(int t, int s) const {
  if (!talks(t) || absorbing(s)) return 0.0;
  // The plan's stage comes first: where it passes, no counter-proposal is made; where it fails,
  // the counter-stages are those of the war with the measures its rejection put in force, which
  // this war's offers at (t, s) are (plan_stage).
  if (plan_stage_ && plan_verdict(t, s) == PlanVerdict::passes) return 1.0;
  return counter_settlement_probability(t, s);
}

double BargainingEquilibrium::counter_settlement_probability(int t, int s) const {
  // The probability of reaching each stage times that of settling in it.
  const auto who = proposers(t);
  double reach = 1.0;
  double settled = 0.0;
  std::size_t stage = 0;
  double settled_in_stage = 0.0;
  for (std::size_t k = 0; k < who.size(); ++k) {
    if (who[k].stage != stage) {
      reach *= 1.0 - settled_in_stage;
      settled_in_stage = 0.0;
      stage = who[k].stage;
    }
    if (offer(t, s, k).settles) {
      settled_in_stage += who[k].probability;
      settled += reach * who[k].probability;
    }
  }
  return settled;
}

}  // namespace parley
