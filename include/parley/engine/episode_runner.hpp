#pragma once
/// \file episode_runner.hpp
/// One episode of talks and fighting, exactly as DESIGN 1.1 times it.

#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <span>
#include <vector>

#include "parley/agents/offer.hpp"
#include "parley/agents/strategy.hpp"
#include "parley/agents/strategy_view.hpp"
#include "parley/battlefield/belief.hpp"
#include "parley/battlefield/peace_value.hpp"
#include "parley/model/between_talks.hpp"
#include "parley/model/post_settlement.hpp"
#include "parley/battlefield/random_stream.hpp"
#include "parley/engine/episode_observer.hpp"
#include "parley/engine/episode_result.hpp"
#include "parley/engine/simulation.hpp"
#include "parley/equilibrium/bargaining_equilibrium.hpp"
#include "parley/equilibrium/peace_offers.hpp"

namespace parley {

/// \brief Runs episodes of one Simulation, reusing its buffers: after the first few episodes
/// (warm-up, while the history and caches grow to their working size) it allocates nothing
/// without a durability section; with one, each settlement's outlook and balance reuse the
/// runner's storage and only a renewed war's mediator, solving its Nash package afresh,
/// allocates (about 3 allocations an episode on the default scenario, bench_engine).
///
/// Episode (DESIGN 1.1), for t = 0 .. T-1:
/// 1. talks, if t is a talk period: every party's reservation value r_j(t, s_t) is read from
///    its war-value tables under its posterior; the protocol's schedule (ProtocolSchedule)
///    names proposers in turn:
///    - alternating: proposer_order()[round mod n], one proposal per round (Rubinstein);
///    - random: one proposer drawn with the recognition probabilities (Baron-Ferejohn), from
///      the run's protocol stream (RandomStream stream `protocol_stream`), so the front's
///      stream stays the same whatever the strategies do (common random numbers);
///    - mediated: the mediator, then, if counter-proposals are allowed, each party of
///      proposer_order() in turn after the previous offer failed.
///    Each offer is answered by every veto party other than its proposer (all of them answer,
///    so no strategy sees a different history for being asked or not); when all accept, the
///    episode ends in a settlement at t.
/// 2. fighting: with a battlefield, the front moves s_{t+1} ~ P_t(s_t, .) (FrontSampler, on
///    the run's front stream), every party with more than one hypothesis updates its belief
///    by Bayes' rule, and an absorbing state ends the episode in a collapse.
/// At T the war freezes. Payoffs are those of Simulation. Under a closing hazard q
/// (ProtocolParams::closing_hazard) the window for talks survives each transition with
/// probability 1 - q: the number survived, K = floor(ln U / ln(1 - q)), is drawn once from the
/// run's `closing_stream`, and no talks are held after period K (the war is fought to its end).
///
/// Under a durability section (Simulation::durable(), DESIGN 1.10) a settlement on x at t0 with
/// the front at s starts a peace instead of ending the episode:
/// - the peace holds period by period; while it holds each party receives the flow
///   (1 - delta_i) u_i(x) a period (a peace that never breaks is worth u_i(x) at t0, as in 1.1);
///   between two periods of peace it breaks with probability h = breakdown_hazard(x). The
///   number of transitions survived is drawn at once, K = floor(ln U / ln(1 - h)) (so
///   P(K >= k) = (1 - h)^k), from the run's `durability_stream`; the other streams draw what
///   they always drew. At T a peace still holding is final.
/// - a veto belligerent renews the war at will at PeaceOutlook::first_renewal of the peace's
///   exact outlook (peace_outlook, Fearon 1995, Powell 2006), with the values of the renewed
///   war the solver computes: the renewed war's equilibrium, talks included
///   (BargainingSetting::equilibrium, PeaceOffers::terms_of), whatever strategies the parties
///   play (where the solver cannot solve the scenario it has no renewed wars, and the war is
///   valued as fought to the end, as peace_terms builds it). A renewal at will at t_r is
///   fought in t_r: no talks in that period (at t0 itself the peace never starts and the war
///   goes on in t0's fighting).
/// - at the breakdown period t_b (the earlier of the two) the war resumes from
///   renewal_line(x, s) on renewed_battlefield with side A's advantage shifted and each party's
///   cost raised by x's post-settlement balance; from then on the front moves on that chain,
///   (a line at a collapse threshold ends the war at t_b with that collapse, no fighting),
///   reservation values are the renewed war's values W_i(t, s) under it (the values the exact
///   model uses for every party, whatever its prior: beliefs stop learning, since the renewed
///   chain is not among their hypotheses), and talks resume at t_b (t_r + 1 after a renewal
///   at will), if it is a talk period, under the same protocol (its proposers follow the
///   period, ProtocolSchedule::talk_index, as in the solver), with the strategies keeping their state and
///   the whole history of offers (what a party learnt of the others in the first talks is not
///   forgotten by a ceasefire; Fortna 2003 on renewed wars between the same parties). Strategies
///   that read the setting's war-value tables themselves, rather than the reservation values of
///   the view, still see the first war's; NegotiationState::balance names the balance in force
///   (the `equilibrium` strategy plays that renewed war's part). A new
///   settlement may break again; the newest settlement's balance then rules.
/// Payoffs add up everything: delta-discounted costs of fighting (raised in renewed wars),
/// flows of peace u_i(x) (delta_i^{t0} - delta_i^{t_b}) per broken peace, and the terms in
/// force at the end (delta_i^{t0} u_i(x) for a peace held from t0, the collapse terms, or the
/// frozen front at T). An episode without a breakdown is accounted exactly as in 1.1.
///
/// Between talks (issue 15): the veto parties that answer no to the mediator's package in a talk
/// period (NegotiationState::leverage) put the leverage measures aimed at them in force, and if
/// the talks of that period end without agreement each veto party with an offensive option is
/// asked, in veto order, whether it presses (Strategy::press; NegotiationState::pressing), until
/// the next talk period: the front then moves on the war's chain with side A's advantage shifted
/// by the measures and offensives (between_talks_shift), and their costs are added to the payoffs
/// (sum of delta_i^t e_i over the periods fought under them). Beliefs do not learn from a move
/// made under an advantage shift (no hypothesis holds it). Behavioural strategies see the
/// measures only through the front and the costs; the `equilibrium` strategy plays the solver's
/// war under them.
///
/// Not thread-safe: use one runner per thread (the Simulation may be shared).
class EpisodeRunner {
 public:
  /// The stream of protocol randomness (random recognition); the front uses stream 0.
  static constexpr std::uint64_t protocol_stream = 1;
  /// The stream of the breakdowns of peace (DESIGN 1.10): one draw per settlement whose
  /// hazard is strictly between 0 and 1.
  static constexpr std::uint64_t durability_stream = 2;
  /// The stream of the talks' stochastic deadline (ProtocolParams::closing_hazard): one draw per
  /// episode when 0 < q < 1.
  static constexpr std::uint64_t closing_stream = 3;

  /// Keeps a reference to `simulation`, which must outlive the runner.
  explicit EpisodeRunner(const Simulation& simulation);

  /// Runs episode `run` of design point `point` under base seed `seed`: the front's draws come
  /// from RandomStream(seed, point, run). The result stays valid until the next call.
  const EpisodeResult& run(std::uint64_t seed, std::uint64_t point, std::uint64_t run,
                           EpisodeObserver* observer = nullptr);

  /// The offers of the last episode, oldest first.
  [[nodiscard]] std::span<const Offer> history() const { return {pool_.data(), history_size_}; }
  [[nodiscard]] const Simulation& simulation() const { return *simulation_; }

 private:
  /// One proposal and its answers; true if every veto party accepted. `rejecters`, when given,
  /// receives the veto parties that answered no (bit k: setting_->veto_parties()[k]).
  bool offer_round(std::size_t proposer, EpisodeObserver* observer, std::uint64_t* rejecters = nullptr);
  /// r_j(t, s) of every party into reservations_.
  void update_reservations(int t, int s);
  void settle(int t, const Offer& offer);
  void end_war(Outcome outcome, int period, int duration, int state, const Agreement& terms);

  /// The renewed war under one post-settlement balance: its chain, sampler and every party's
  /// war values (the costs raised by the balance). Built on first use, kept for the runner's
  /// life (one per distinct balance, i.e. per set of durability terms with distinct shifts).
  struct RenewedWar {
    PostSettlementBalance balance;
    std::unique_ptr<FrontSampler> sampler;
    std::unique_ptr<BattlefieldChain> chain;
    std::vector<WarValueTable> values;  ///< per party: fought to the end (the reservations)
    std::size_t regime = 0;             ///< its index among peace_offers_' balances, if set
  };
  /// A war (the first, or a renewed one) in a between-talks state: its chain and sampler, and each
  /// party's extra cost per period.
  struct BetweenTalksWar {
    int war = -1;               ///< war_ it belongs to
    std::size_t state = 0;      ///< the between-talks state (BetweenTalksStates index, >= 1)
    std::unique_ptr<BattlefieldChain> chain;
    std::unique_ptr<FrontSampler> sampler;
    std::vector<double> cost_shift;  ///< per party
  };
  /// The war in progress in between-talks state k >= 1, built if new.
  const BetweenTalksWar& between_talks_war(std::size_t k);
  /// The index in renewed_ of the renewed war under `balance`, built if new.
  std::size_t renewed_war(const PostSettlementBalance& balance);
  /// The peace of a settlement at t0 (durable scenarios only): returns the period t_b at which
  /// the war resumes, or -1 if the peace holds to T; accounts the peace's flows and sets the
  /// renewed war up (war_, s, the observer).
  int keep_peace(int t0, const Offer& offer, int& s, RandomStream& draws, EpisodeObserver* observer);
  /// Adds the fighting of [war_start_, end) to realised_ and fighting_; the war in progress
  /// then starts at `end`.
  void close_war_segment(int end);
  /// The payoffs of an episode that ended at `end` with terms worth `utility(i)` to party i.
  template <typename Utility>
  void account_end(int end, Utility utility);

  const Simulation* simulation_;
  const BargainingSetting* setting_;
  std::vector<std::unique_ptr<Strategy>> strategies_;
  std::vector<Belief> beliefs_;
  std::vector<std::size_t> learners_;  ///< parties with more than one hypothesis
  std::vector<double> reservations_;
  std::vector<double> aspirations_;
  std::vector<Offer> pool_;            ///< offers; the first history_size_ are this episode's
  std::size_t history_size_ = 0;
  NegotiationState state_;
  EpisodeResult result_;

  // Durability (DESIGN 1.10).
  std::deque<RenewedWar> renewed_;  ///< per distinct balance, built on first use (a deque: stable addresses)
  std::vector<std::size_t> terms_;  ///< the durability terms of the settlement being kept (scratch)
  /// The setting's equilibrium and its peace offers, whose renewed wars value a renewal at will
  /// (null when nobody may renew, or where the solver cannot solve the scenario).
  std::shared_ptr<const BargainingEquilibrium> equilibrium_;
  const PeaceOffers* peace_offers_ = nullptr;
  int silent_period_ = -1;               ///< a period whose talks a renewal at will replaced by fighting
  int open_until_ = 0;                   ///< the last period whose talks the window allows
  int war_ = -1;                         ///< index of the renewed war in progress; -1: the first war
  int war_start_ = 0;                    ///< the first period of the war in progress
  int fighting_ = 0;                     ///< periods of fighting before war_start_
  std::vector<double> realised_;         ///< per party: what the closed segments are worth at 0
  std::vector<std::size_t> renewers_pool_;  ///< veto belligerents (may renew at will)
  std::vector<std::size_t> renewers_;    ///< who renewed at the last breakdown
  PeaceTerms peace_;                     ///< reused for each settlement's outlook
  PeaceOutlook outlook_;                 ///< the outlook of the settlement being kept (reused)
  PostSettlementBalance balance_;        ///< its balance (reused)

  // Between talks (issue 15).
  BetweenTalksStates between_states_;     ///< the sets of measures and pressers that can hold
  std::vector<std::size_t> pressers_;     ///< veto bits of the parties with an offensive option
  const BetweenTalksWar* between_war_ = nullptr;  ///< the war between talks of the fighting ahead (null: none)
  std::deque<BetweenTalksWar> between_wars_;    ///< per (war, state) met, built on first use
  std::vector<double> leverage_cost_;     ///< per party: sum of delta_i^t e_i over the periods fought in them
};

}  // namespace parley
