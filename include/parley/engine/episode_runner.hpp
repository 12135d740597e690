#pragma once
/// \file episode_runner.hpp
/// One episode of talks and fighting, exactly as DESIGN 1.1 times it.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "parley/agents/offer.hpp"
#include "parley/agents/strategy.hpp"
#include "parley/agents/strategy_view.hpp"
#include "parley/battlefield/belief.hpp"
#include "parley/battlefield/random_stream.hpp"
#include "parley/engine/episode_observer.hpp"
#include "parley/engine/episode_result.hpp"
#include "parley/engine/simulation.hpp"

namespace parley {

/// \brief Runs episodes of one Simulation, reusing its buffers: after the first few episodes
/// (warm-up, while the history and caches grow to their working size) it allocates nothing.
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
/// At T the war freezes. Payoffs are those of Simulation.
///
/// Not thread-safe: use one runner per thread (the Simulation may be shared).
class EpisodeRunner {
 public:
  /// The stream of protocol randomness (random recognition); the front uses stream 0.
  static constexpr std::uint64_t protocol_stream = 1;

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
  /// One proposal and its answers; true if every veto party accepted.
  bool offer_round(std::size_t proposer, EpisodeObserver* observer);
  /// r_j(t, s) of every party into reservations_.
  void update_reservations(int t, int s);
  void settle(int t, const Offer& offer);
  void end_war(Outcome outcome, int period, int duration, int state, const Agreement& terms);

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
};

}  // namespace parley
