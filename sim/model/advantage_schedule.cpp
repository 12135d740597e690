#include "parley/model/advantage_schedule.hpp"

#include <algorithm>
#include <cmath>

namespace parley {

double AdvantageSchedule::at(int t) const {
  const double tt = static_cast<double>(t);
  switch (kind) {
    case Kind::constant: return a0;
    case Kind::linear:
      if (tt <= t0) return a0;
      if (tt >= t1) return a1;
      return a0 + (a1 - a0) * (tt - t0) / (t1 - t0);
    case Kind::exponential:
      // The gap to the limit halves every half_life periods.
      return a_inf + (a0 - a_inf) * std::exp2(-tt / half_life);
    case Kind::steps: {
      double a = a0;
      for (const auto& [period, value] : steps) {
        if (period > t) break;
        a = value;
      }
      return a;
    }
  }
  return a0;
}

bool AdvantageSchedule::is_constant() const {
  switch (kind) {
    case Kind::constant: return true;
    case Kind::linear: return a0 == a1;
    case Kind::exponential: return a0 == a_inf;
    case Kind::steps:
      return std::all_of(steps.begin(), steps.end(), [&](const auto& s) { return s.second == a0; });
  }
  return true;
}

const char* to_string(AdvantageSchedule::Kind kind) {
  switch (kind) {
    case AdvantageSchedule::Kind::constant: return "constant";
    case AdvantageSchedule::Kind::linear: return "linear";
    case AdvantageSchedule::Kind::exponential: return "exponential";
    case AdvantageSchedule::Kind::steps: return "steps";
  }
  return "?";
}

}  // namespace parley
