#pragma once
/// \file sweep_output_lock.hpp
/// One writer per results file: two `parley sweep --resume -o same.csv` at once both wrote their
/// rows into it, duplicating points and garbling a row (issue 18).

#include <string>

namespace parley::io {

/// \brief An advisory lock on a sweep's results file, held for the life of the object.
///
/// Takes flock(LOCK_EX | LOCK_NB) on `RESULTS.lock`, a file beside the results, and removes it
/// when released. Advisory: it stops other Parley sweeps, not other programs. Throws
/// std::runtime_error naming the results file when another sweep holds it, or when the lock
/// file cannot be made (a folder that cannot be written).
class SweepOutputLock {
 public:
  explicit SweepOutputLock(const std::string& results_path);
  ~SweepOutputLock();
  SweepOutputLock(const SweepOutputLock&) = delete;
  SweepOutputLock& operator=(const SweepOutputLock&) = delete;
  SweepOutputLock(SweepOutputLock&& other) noexcept;
  SweepOutputLock& operator=(SweepOutputLock&&) = delete;

  /// The lock file: the results path with ".lock" appended.
  [[nodiscard]] const std::string& path() const { return path_; }

 private:
  std::string path_;
  int fd_ = -1;
};

}  // namespace parley::io
