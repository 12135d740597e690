#pragma once
/// \file sweep_session.hpp
/// Running a sweep into its results file: a new file, or `--resume` of an interrupted one,
/// for the whole design or one shard, in this process or over the ranks of an MPI job.

#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>

#include "parley/sweep/design.hpp"
#include "parley/sweep/point_evaluation.hpp"
#include "parley/sweep/process_group.hpp"
#include "parley/sweep/shard.hpp"

namespace parley::io {

/// How far a session has got (reported on rank 0 after every row).
struct SweepProgress {
  std::uint64_t done = 0;     ///< rows in the file, those found on resuming included
  std::uint64_t failed = 0;   ///< of which with status invalid or error
  std::uint64_t total = 0;    ///< points the file is to hold (the shard's)
  std::uint64_t resumed = 0;  ///< rows already in the file when this session started
  double elapsed_seconds = 0.0;  ///< since this session started
  /// Whether the file's rows ended in point order (sort_sweep_results, when every point of the
  /// file is done); false while points are missing or past max_sorted_rows.
  bool in_point_order = false;
};

/// Where a session writes and how it runs.
struct SweepSessionOptions {
  std::string output;           ///< the results CSV; its manifest is output + ".json"
  bool resume = false;          ///< complete the file if it exists (start it if not)
  bool overwrite = false;       ///< replace an existing file instead of refusing to
  unsigned threads = 1;         ///< worker threads per process
  sweep::Shard shard;           ///< the part of the design to run
  std::string scenario;         ///< SCENARIO as given, for the manifest
  std::string scenario_sha256;  ///< hash of the scenario's text, for the manifest
  /// Called on rank 0 after each row is written (and once at the start); may be empty.
  std::function<void(const SweepProgress&)> progress;
};

/// \brief Thrown, on every rank alike, when a session cannot start (the file exists, belongs to
/// another sweep, cannot be written): no point has been evaluated.
class SweepNotStarted : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// \brief Runs the shard's points of `design` that the results file does not hold yet, writing
/// each row as soon as it is done, and keeps the manifest.
///
/// New file (no `resume`): refuses to replace an existing file unless `overwrite`; writes the
/// manifest, then the header. Resume: the existing manifest must describe the same sweep
/// (sweep_differences, and the same shard) and the file's header the same columns; rows already
/// there are kept and not recomputed, a torn last line (a kill mid-write) is cut off and its
/// point redone; a missing file is started. Rows come in completion order; sorted by point id,
/// the finished file equals an uninterrupted run's, whatever the threads, shards or ranks. The
/// manifest records the end time and row counts when the session finishes.
///
/// Collective over `group`: rank 0 reads and writes the files, every rank evaluates its share.
/// Throws SweepNotStarted (on every rank, with rank 0's message) if the file cannot be started
/// or resumed, and std::runtime_error (on rank 0) if writing fails later. Returns the final progress (meaningful on rank 0).
SweepProgress run_sweep_session(const sweep::ProcessGroup& group, const sweep::Design& design,
                                const sweep::PointEvaluator& evaluator, const SweepSessionOptions& options);

}  // namespace parley::io
