#pragma once
/// \file pressure.hpp
/// Pressure as a choice (issue 15): a belligerent that is a side of the front may order an
/// offensive while it talks, "prolonging the discussion while simultaneously exerting pressure
/// through military action". Pressing moves the front's odds its way and costs it more per period.

namespace parley {

/// \brief A belligerent's offensive option: chosen after talks fail, for the periods until the
/// next talks.
struct Pressure {
  /// How far pressing moves side A's advantage toward the presser's side: +advantage for side A,
  /// -advantage for side B (with the other shifts in force, clamped to [-1, 1]).
  double advantage = 0.0;
  double cost = 0.0;  ///< added to the presser's cost per period while it presses
};

}  // namespace parley
