#pragma once
/// \file sweep_summary.hpp
/// How `parley sweep` tells its progress: the progress bar's count while points run, and one
/// line when the session ends.

#include <string>

#include "parley/io/format/progress_bar.hpp"
#include "parley/io/sweep/sweep_session.hpp"

namespace parley::io {

/// The progress bar's count of a session's progress: done of total, resumed, failed.
ProgressCount sweep_progress_count(const SweepProgress& progress);

/// \brief The end-of-sweep line (without the command's prefix and the line break):
/// `D of T points done[ (R already there)], F failed, S s -> OUTPUT`, S the session's
/// seconds to one decimal; the part in brackets only when R > 0 rows were there on resuming;
/// when every point is done but the rows could not be sorted (sort_sweep_results:
/// too large), a note that they are in completion order.
std::string sweep_summary(const SweepProgress& progress, const std::string& output);

}  // namespace parley::io
