#include "parley/io/sweep/sweep_summary.hpp"

#include <cstdint>

#include "parley/io/format/number_format.hpp"
#include "parley/io/sweep/sweep_results.hpp"

namespace parley::io {

ProgressCount sweep_progress_count(const SweepProgress& progress) {
  return {static_cast<std::int64_t>(progress.done), static_cast<std::int64_t>(progress.total),
          static_cast<std::int64_t>(progress.resumed), static_cast<std::int64_t>(progress.failed)};
}

std::string sweep_summary(const SweepProgress& progress, const std::string& output) {
  std::string line = std::to_string(progress.done) + " of " + std::to_string(progress.total) + " points done";
  if (progress.resumed) line += " (" + std::to_string(progress.resumed) + " already there)";
  line += ", " + std::to_string(progress.failed) + " failed, " + format_fixed(progress.elapsed_seconds, 1) + " s -> " +
          output;
  if (progress.done == progress.total && !progress.in_point_order)
    line += " (rows left in completion order: more than " + std::to_string(max_sorted_rows) + " to sort)";
  return line;
}

}  // namespace parley::io
