#pragma once
/// \file war_shift.hpp
/// What a measure or an offensive changes about the war while it lasts: side A's advantage and
/// each party's cost per period (issue 15).

#include <vector>

namespace parley {

/// \brief A shift of the war: added to side A's advantage a_t (the result clamped to [-1, 1] by
/// the battlefield chain) and to each party's cost per period.
struct WarShift {
  double advantage_shift = 0.0;
  std::vector<double> cost_shift;  ///< per party (scenario order); empty: none
};

}  // namespace parley
