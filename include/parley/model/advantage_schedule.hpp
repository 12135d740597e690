#pragma once
/// \file advantage_schedule.hpp
/// Side A's battlefield advantage a_t in [-1, 1] over time: the "battlefield-advantage
/// assumption" that the simulator compares strategies under (DESIGN 1.4).

#include <utility>
#include <vector>

namespace parley {

/// \brief a_t as a function of the period t.
///
/// - constant: a_t = a0;
/// - linear: a0 before t0, a1 after t1, linear in between (e.g. a slowly shifting balance);
/// - exponential: a_t = a_inf + (a0 - a_inf) 2^(-t / half_life) (exhaustion, or aid arriving);
/// - steps: a0 until the first step, then the value of the latest step with period <= t
///   (aid cut off at a date, mobilisation).
struct AdvantageSchedule {
  enum class Kind { constant, linear, exponential, steps };
  Kind kind = Kind::constant;
  double a0 = 0.0;
  double a1 = 0.0;        ///< linear: final value
  double t0 = 0.0;        ///< linear: start of the change
  double t1 = 0.0;        ///< linear: end of the change
  double a_inf = 0.0;     ///< exponential: limit
  double half_life = 1.0; ///< exponential: periods to close half the gap
  std::vector<std::pair<int, double>> steps;  ///< steps: (period, new value), periods increasing

  /// a_t, always in [-1, 1] for a validated schedule.
  [[nodiscard]] double at(int t) const;
  /// Whether a_t is the same for every t (the chain is homogeneous).
  [[nodiscard]] bool is_constant() const;
};

const char* to_string(AdvantageSchedule::Kind kind);

}  // namespace parley
