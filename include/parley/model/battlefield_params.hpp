#pragma once
/// \file battlefield_params.hpp
/// Parameters of the front as a Markov chain (DESIGN 1.4).

#include <string>

#include "parley/model/advantage_schedule.hpp"

namespace parley {

/// \brief The front: states 0..N, s/N the share of the contested territory side A holds.
///
/// Interior moves per period: up with r (1 + a_t) / 2, down with r (1 - a_t) / 2, stay with
/// 1 - r. With an offensive probability o > 0, a move is `offensive_size` states instead of
/// one with probability o (clamped at the absorbing thresholds). States s <= collapse_a are
/// absorbing (side A's effort collapses), as are s >= collapse_b (side B collapses).
struct BattlefieldParams {
  int states = 10;        ///< N >= 2
  int start = 5;          ///< s_0, strictly between collapse_a and collapse_b
  int collapse_a = 0;     ///< absorbing threshold for side A, 0 <= collapse_a
  int collapse_b = 10;    ///< absorbing threshold for side B, collapse_b <= N
  double tempo = 0.5;     ///< r in (0, 1]: probability that the front moves in a period
  AdvantageSchedule advantage;
  double offensive_probability = 0.0;  ///< o in [0, 1]
  int offensive_size = 1;              ///< states gained by an offensive move, >= 1
  std::string side_a;     ///< party id of side A (the side whose share s/N is)
  std::string side_b;     ///< party id of side B
};

}  // namespace parley
