#pragma once
/// \file episode_narrator.hpp
/// One episode told event by event (`parley run --trace`): for a person, in the scenario's
/// words (EpisodeNarrator), or for a program, as a JSON array of event objects
/// (EpisodeEventWriter). Both watch EpisodeRunner::run as an EpisodeObserver.

#include <cstdint>
#include <ostream>
#include <span>
#include <string>

#include "parley/engine/episode_observer.hpp"
#include "parley/engine/simulation.hpp"
#include "parley/io/format/json_writer.hpp"

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
  void on_end(const EpisodeResult& result) override;

 private:
  [[nodiscard]] std::string name(std::size_t party) const;
  /// "12 of 40 (Ukraine holds 30.0%)": front state s of N, the share s / N held by side A.
  [[nodiscard]] std::string front_text(int state) const;

  std::ostream& out_;
  const Simulation& simulation_;
};

/// \brief The same events as JSON objects, one per event ("event": talks, pass, offer,
/// answer, fighting, end), written as elements of an array the caller has opened.
class EpisodeEventWriter final : public EpisodeObserver {
 public:
  /// Writes through `json`; `simulation` must outlive the writer.
  EpisodeEventWriter(JsonWriter& json, const Simulation& simulation) : json_(json), simulation_(simulation) {}

  void on_talks(const NegotiationState& state, std::span<const double> aspirations) override;
  void on_pass(const NegotiationState& state, std::size_t party) override;
  void on_offer(const NegotiationState& state, const Offer& offer) override;
  void on_answer(const NegotiationState& state, std::size_t party, const Offer& offer, const Answer& answer) override;
  void on_fighting(int t, int from, int to) override;
  void on_end(const EpisodeResult& result) override;

 private:
  [[nodiscard]] const std::string& id(std::size_t party) const;

  JsonWriter& json_;
  const Simulation& simulation_;
};

/// The form of a trace.
enum class TraceFormat { text, json };

/// \brief Runs episode 0 of `seed` (the random stream of (seed, point 0, run 0), as run 0 of a
/// Monte Carlo run with that seed) and writes it: as text, a heading and the narration; as
/// JSON, {"scenario", "seed", "run": 0, "events": [...]}.
void write_episode_trace(std::ostream& out, const Simulation& simulation, std::uint64_t seed, TraceFormat format);

}  // namespace parley::io
