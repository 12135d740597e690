#pragma once
// Varied parameters for the sweep tests: a list of levels, or a continuous range.

#include <string>
#include <utility>
#include <vector>

#include "parley/sweep/sweep_spec.hpp"

namespace parley::testing {

/// A parameter that takes each of `values` in turn (a grid or categorical axis).
inline sweep::VariedParameter levels(std::string path, std::vector<std::string> values) {
  sweep::VariedParameter p;
  p.path = std::move(path);
  p.levels = std::move(values);
  return p;
}

/// A parameter that ranges over the interval [lo, hi].
inline sweep::VariedParameter range(std::string path, double lo, double hi) {
  sweep::VariedParameter p;
  p.path = std::move(path);
  p.lo = lo;
  p.hi = hi;
  return p;
}

}  // namespace parley::testing
