#include "parley/io/sweep/sweep_summary.hpp"

#include <cstdint>

#include "parley/io/format/number_format.hpp"

namespace parley::io {

ProgressCount sweep_progress_count(const SweepProgress& progress) {
  return {static_cast<std::int64_t>(progress.done), static_cast<std::int64_t>(progress.total),
          static_cast<std::int64_t>(progress.resumed), static_cast<std::int64_t>(progress.failed)};
}

std::string sweep_summary(const SweepProgress& progress, const std::string& output) {
  std::string line = std::to_string(progress.done) + " of " + std::to_string(progress.total) + " points done";
  if (progress.resumed) line += " (" + std::to_string(progress.resumed) + " already there)";
  return line + ", " + std::to_string(progress.failed) + " failed, " + format_fixed(progress.elapsed_seconds, 1) +
         " s -> " + output;
}

}  // namespace parley::io
