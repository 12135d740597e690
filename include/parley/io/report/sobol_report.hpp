#pragma once
/// \file sobol_report.hpp
/// What `parley sweep --analyze sobol` prints: the first-order and total Sobol' indices of one
/// metric over the varied parameters (sweep/sobol_indices.hpp), with their bootstrap
/// intervals, as a table for people, CSV or JSON for programs.

#include <ostream>
#include <string>
#include <vector>

#include "parley/sweep/sobol_indices.hpp"

namespace parley::io {

/// \brief The indices of `metric` and how they were estimated: `indices.first_order[i]` and
/// `indices.total[i]` belong to `parameters[i]` (the varied paths, in the sweep's order); the
/// intervals are percentile intervals at `confidence` over `bootstrap` resamples.
struct SobolReport {
  std::string metric;
  std::vector<std::string> parameters;
  sweep::SobolIndices indices;
  int bootstrap = 0;
  double confidence = 0.0;
};

/// \brief A heading (metric, N base samples, V(Y) to 6 decimals, the level 100 confidence %
/// and the resamples), then a table with one row per parameter: S_i and S_Ti to 3 decimals,
/// each followed by its interval `[lo, hi]`.
void write_sobol_table(std::ostream& out, const SobolReport& report);

/// \brief `parameter,first_order,first_order_lo,first_order_hi,total,total_lo,total_hi`, then
/// one row per parameter, numbers as the shortest text that reads back exactly.
void write_sobol_csv(std::ostream& out, const SobolReport& report);

/// \brief One JSON object, then a line break: metric, samples, variance, confidence,
/// bootstrap, and `parameters` mapping each path to {first_order, total}, each {value, lo, hi}.
void write_sobol_json(std::ostream& out, const SobolReport& report);

}  // namespace parley::io
