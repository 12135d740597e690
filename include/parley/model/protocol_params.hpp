#pragma once
/// \file protocol_params.hpp
/// Who proposes, when talks happen (DESIGN 1.7).

#include <cstddef>
#include <string>
#include <vector>

namespace parley {

/// \brief The bargaining protocol.
///
/// - alternating: the proposers in `order` take turns, one per talk period (Rubinstein);
/// - random: a proposer drawn with probabilities `recognition` (Baron-Ferejohn);
/// - mediated: the mediator (`mediator`) proposes; if `counter`, a belligerent in `order`
///   may counter-propose in the same period after the mediator's package is rejected.
/// Talks happen every `every` periods starting at 0, or exactly at `periods` if it is not empty.
struct ProtocolParams {
  enum class Kind { alternating, random, mediated };
  Kind kind = Kind::alternating;
  std::vector<std::size_t> order;        ///< party indices
  std::vector<double> recognition;       ///< per party (index), summing to 1 (random)
  std::size_t mediator = 0;              ///< party index (mediated)
  bool counter = true;                   ///< mediated: belligerents may counter
  int every = 1;
  std::vector<int> periods;
  /// q: the probability that the window for talks closes for good between two periods (an aid
  /// decision, an election: a stochastic deadline, issue 16). After it closes no party
  /// proposes and the war is fought to its end. 0: the talks stay open to the horizon (Stahl's
  /// finite horizon, the limit of q -> 0).
  double closing_hazard = 0.0;

  /// Whether period t has talks.
  [[nodiscard]] bool talks_at(int t) const;
};

const char* to_string(ProtocolParams::Kind kind);

}  // namespace parley
