#pragma once
/// \file episode_observer.hpp
/// Watching an episode step by step (`parley run --trace`). The core never prints: it reports
/// events to an observer, and the command line words them.

#include <cstddef>
#include <span>

#include "parley/agents/offer.hpp"
#include "parley/agents/strategy.hpp"
#include "parley/agents/strategy_view.hpp"
#include "parley/engine/episode_result.hpp"

namespace parley {

/// \brief A peace that broke (DESIGN 1.10): the settlement of `settled_at` held for
/// `period - settled_at` periods and the war resumes at `period` from the line at `line`.
struct PeaceBreakdown {
  int settled_at = 0;  ///< t0, the settlement's period
  int period = 0;      ///< t_b, the first period of renewed war (T: it breaks as the horizon comes)
  double hazard = 0.0; ///< h(x), the settlement's hazard per period
  /// The veto belligerents who renewed the war at will (empty: the hazard broke the peace).
  std::span<const std::size_t> renewers;
  int line = 0;        ///< the front state the renewed war starts from (renewal_line)
  double advantage_shift = 0.0;  ///< the post-settlement balance's shift of side A's advantage
};

/// \brief Receives the events of an episode in order. Every default does nothing.
class EpisodeObserver {
 public:
  virtual ~EpisodeObserver() = default;
  /// Talks open at state.period: the front, every reservation value and every party's current
  /// aspiration (Strategy::aspiration).
  virtual void on_talks(const NegotiationState& /*state*/, std::span<const double> /*aspirations*/) {}
  /// A party whose turn it was made no offer.
  virtual void on_pass(const NegotiationState& /*state*/, std::size_t /*party*/) {}
  /// An offer was put on the table (it is also the last entry of state.history).
  virtual void on_offer(const NegotiationState& /*state*/, const Offer& /*offer*/) {}
  /// A veto party answered the offer.
  virtual void on_answer(const NegotiationState& /*state*/, std::size_t /*party*/, const Offer& /*offer*/,
                         const Answer& /*answer*/) {}
  /// Period t's fighting moved the front from `from` to `to`.
  virtual void on_fighting(int /*t*/, int /*from*/, int /*to*/) {}
  /// A peace broke and the war resumes (only under a durability section).
  virtual void on_breakdown(const PeaceBreakdown& /*event*/) {}
  /// The episode ended.
  virtual void on_end(const EpisodeResult& /*result*/) {}
};

}  // namespace parley
