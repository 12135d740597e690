#pragma once
/// \file episode_narrator.hpp
/// One episode told event by event (`parley run --trace`): for a person, in the scenario's
/// words (EpisodeNarrator, an EpisodeObserver of EpisodeRunner::run), or for a program, as a
/// JSON array of event objects (write_episode_trace; docs/outputs.md names their fields).

#include <cstdint>
#include <ostream>
#include <span>
#include <string>

#include "parley/engine/episode_observer.hpp"
#include "parley/engine/simulation.hpp"

namespace parley::io {

/// \brief Words the events of one episode for a person: each period's talks (the front, every
/// veto party's reservation value and demand), every offer with its worth to each veto party,
/// every answer with its reason, the fighting, and how the episode ends with the payoffs.
class EpisodeNarrator final : public EpisodeObserver {
 public:
  /// Writes to `out`; `simulation` must outlive the narrator.
  EpisodeNarrator(std::ostream& out, const Simulation& simulation) : out_(out), simulation_(simulation) {}

  void on_talks(const NegotiationState& state, std::span<const double> aspirations) override;
  void on_pass(const NegotiationState& state, std::size_t party) override;
  void on_offer(const NegotiationState& state, const Offer& offer) override;
  void on_answer(const NegotiationState& state, std::size_t party, const Offer& offer, const Answer& answer) override;
  void on_fighting(int t, int from, int to) override;
  void on_breakdown(const PeaceBreakdown& event) override;
  void on_end(const EpisodeResult& result) override;

 private:
  [[nodiscard]] std::string name(std::size_t party) const;
  /// "12 of 40 (Ukraine holds 30.0%)": front state s of N, the share s / N held by side A.
  [[nodiscard]] std::string front_text(int state) const;

  std::ostream& out_;
  const Simulation& simulation_;
};

/// The form of a trace.
enum class TraceFormat { text, json };

/// \brief Runs episode 0 of `seed` (the random stream of (seed, point 0, run 0), as run 0 of a
/// Monte Carlo run with that seed) and writes it: as text, a heading and the narration; as
/// JSON, {"scenario", "seed", "run": 0, "events": [...]}, one object per event ("event":
/// talks, pass, offer, answer, fighting, breakdown (under a durability section), end) with the
/// same facts as the narration.
void write_episode_trace(std::ostream& out, const Simulation& simulation, std::uint64_t seed, TraceFormat format);

}  // namespace parley::io
