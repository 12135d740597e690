#pragma once
/// \file process_group.hpp
/// The processes one sweep is spread over: the ranks of an MPI job started by `mpirun` (when
/// Parley is built with PARLEY_WITH_MPI), or just this process.

#include <cstdint>
#include <string>
#include <vector>

#include "parley/sweep/design.hpp"
#include "parley/sweep/pending_points.hpp"
#include "parley/sweep/point_evaluation.hpp"
#include "parley/sweep/sweep_runner.hpp"

namespace parley::sweep {

/// \brief This process's place in the job.
///
/// Built with MPI and started by an MPI launcher (the environment has OMPI_COMM_WORLD_SIZE,
/// PMIX_RANK or PMI_RANK), the constructor joins MPI_COMM_WORLD with MPI_Init_thread at level
/// MPI_THREAD_FUNNELED (only the thread that constructed the group calls MPI; worker threads
/// never do) and the destructor finalises it. Otherwise the group is this process alone and
/// MPI is never touched, so a plain run pays nothing. Started by a launcher with more than one
/// process but built without MPI, every process would write the whole sweep: the constructor
/// throws std::runtime_error instead. One group per process.
class ProcessGroup {
 public:
  ProcessGroup();
  ~ProcessGroup();
  ProcessGroup(const ProcessGroup&) = delete;
  ProcessGroup& operator=(const ProcessGroup&) = delete;

  [[nodiscard]] int rank() const { return rank_; }
  [[nodiscard]] int size() const { return size_; }
  /// Rank 0: the process that reads and writes the files.
  [[nodiscard]] bool is_root() const { return rank_ == 0; }

  /// Collective: every rank receives rank 0's `bytes`.
  void broadcast(std::string& bytes) const;
  /// Collective: every rank receives rank 0's `values`.
  void broadcast(std::vector<std::uint64_t>& values) const;
  /// Ends every process of the job with `code` (MPI_Abort); a group of one does nothing, so the
  /// caller's own return of the code ends it. For failures on one rank that the others cannot see.
  void abort(int code) const;

 private:
  int rank_ = 0;
  int size_ = 1;
  bool initialised_mpi_ = false;
};

/// \brief `evaluate_points` spread over the group: rank r evaluates the pending points of
/// index i mod size = r (points.every(size, r)) with `threads` threads and sends each row to
/// rank 0 as soon as it is done; `sink` is called on rank 0 only, with every row of every rank,
/// serialised, in arrival order.
///
/// Collective: every rank calls it with the same `points` (built from the same DonePoints).
/// With a group of one it is `evaluate_points`. The rows do not depend on which rank computes
/// them (an evaluator is a function of the point), so the union of rows equals a serial run's.
void evaluate_points_distributed(const ProcessGroup& group, const Design& design, const PendingPoints& points,
                                 const PointEvaluator& evaluator, unsigned threads, const RowSink& sink);

/// \brief The bytes of a row, for sending between processes (same architecture at both ends):
/// point, status, message and metrics, each length-prefixed.
std::string encode_row(const PointResult& row);
/// The row `encode_row` encoded; throws std::invalid_argument on truncated bytes.
PointResult decode_row(const std::string& bytes);

}  // namespace parley::sweep
