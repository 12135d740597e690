#pragma once
// Hands the equilibria that the tasks of a parallel search find to one sink in task order,
// as soon as the tasks before them are done, with a bounded number waiting (private to
// sim/solve; used by reverse_search_enumeration.cpp).

#include <algorithm>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <utility>
#include <vector>

#include "parley/engine/ordered_reduction.hpp"
#include "parley/solve/reverse_search_enumeration.hpp"

namespace parley::detail {

/// \brief Runs tasks 0, ..., n - 1 on several threads and passes the equilibria they find to
/// `sink` in the order of a sequential run (task 0's in its order, then task 1's, ...), so the
/// sink sees the same sequence at any thread count.
///
/// The task at the head (the first one not done) hands its equilibria to the sink as it finds
/// them; a later task keeps its own until it is at the head, and a task holding
/// kMaxWaitingEquilibria of them stops until it is. A thread starts task t only while
/// t < head + 4 x threads. At most 4 x threads x kMaxWaitingEquilibria equilibria wait at any
/// time, however many the search finds (ordered_reduction.hpp's window, with the tasks'
/// results bounded too: one task of the reverse-search tree may hold most of the vertices).
///
/// Each equilibrium's outer_vertex is numbered within its task by the caller and renumbered
/// here, after the vertices of the tasks before it. A task may be run again from its start
/// (128-bit overflow, redone in unbounded integers): it finds the same equilibria in the same
/// order, and those already handed on are skipped (`restart`).
class OrderedEquilibriumStream {
 public:
  /// Equilibria a task not at the head keeps before it waits.
  static constexpr std::size_t kMaxWaitingEquilibria = 256;

  using Sink = std::function<void(const ExactExtremeEquilibrium&)>;

  OrderedEquilibriumStream(std::size_t tasks, const Sink& sink) : tasks_(tasks), sink_(sink) {}

  /// Runs `run_task(t)` for every task t on `threads` threads (this one when 1) and returns
  /// when all are done; the first exception any task or the sink throws stops the others
  /// and is rethrown here. run_task calls restart, emit and finish for its task.
  template <class RunTask>
  void run(int threads, RunTask&& run_task) {
    const auto window = 4 * static_cast<std::size_t>(std::max(threads, 1));
    const auto work = [&] {
      try {
        for (;;) {
          std::size_t t = 0;
          {
            std::unique_lock lock(mutex_);
            changed_.wait(lock, [&] { return failed_ || next_ >= tasks_.size() || next_ < head_ + window; });
            if (failed_ || next_ >= tasks_.size()) return;
            t = next_++;
          }
          run_task(t);
        }
      } catch (const Stopped&) {
        // another thread failed first
      } catch (...) {
        std::lock_guard lock(mutex_);
        if (!failed_) error_ = std::current_exception();
        failed_ = true;
        changed_.notify_all();
      }
    };
    run_on_threads(threads, work);
    if (error_) std::rethrow_exception(error_);
  }

  /// Task t starts (again): the equilibria it kept are dropped, its k-th equilibrium from now
  /// on is its k-th overall.
  void restart(std::size_t t) {
    std::lock_guard lock(mutex_);
    tasks_[t].waiting.clear();
    tasks_[t].found = 0;
  }

  /// Task t found `e` (outer_vertex numbered within the task).
  void emit(std::size_t t, ExactExtremeEquilibrium&& e) {
    std::unique_lock lock(mutex_);
    if (failed_) throw Stopped{};  // nothing reaches the sink after a failure
    Task& task = tasks_[t];
    if (task.found++ < task.handed_on) return;  // a rerun: handed on before
    if (t == head_) {
      hand_on_waiting(task);
      hand_on(task, e);
      return;
    }
    task.waiting.push_back(std::move(e));
    if (task.waiting.size() < kMaxWaitingEquilibria) return;
    changed_.wait(lock, [&] { return failed_ || head_ == t; });
    if (failed_) throw Stopped{};
    hand_on_waiting(task);
  }

  /// Task t is done, with `vertices` vertices and `bases` bases, in unbounded integers or not.
  void finish(std::size_t t, std::int64_t vertices, std::int64_t bases, bool big_integers) {
    std::lock_guard lock(mutex_);
    if (failed_) throw Stopped{};
    Task& task = tasks_[t];
    task.done = true;
    task.vertices = vertices;
    statistics_.bases += bases;
    if (big_integers) statistics_.arithmetic = PivotArithmetic::big_integer;
    // The head moves past every task done, handing on what they kept.
    bool moved = false;
    while (head_ < tasks_.size() && tasks_[head_].done) {
      Task& done = tasks_[head_];
      hand_on_waiting(done);
      vertex_offset_ += done.vertices;
      std::vector<ExactExtremeEquilibrium>().swap(done.waiting);
      ++head_;
      moved = true;
    }
    if (head_ < tasks_.size()) hand_on_waiting(tasks_[head_]);  // the new head's, found so far
    if (moved) changed_.notify_all();
  }

  /// Vertices, bases and arithmetic of all tasks (after run).
  [[nodiscard]] ReverseSearchStatistics statistics() const {
    ReverseSearchStatistics s = statistics_;
    s.vertices = vertex_offset_;
    return s;
  }

 private:
  struct Stopped {};
  struct Task {
    std::vector<ExactExtremeEquilibrium> waiting;
    std::size_t found = 0;      ///< equilibria found in the current run
    std::size_t handed_on = 0;  ///< equilibria handed to the sink, over all runs
    std::int64_t vertices = 0;
    bool done = false;
  };

  /// Under the lock, at the head.
  void hand_on(Task& task, ExactExtremeEquilibrium& e) {
    e.outer_vertex += vertex_offset_;
    ++task.handed_on;
    sink_(e);
  }
  void hand_on_waiting(Task& task) {
    for (ExactExtremeEquilibrium& e : task.waiting) hand_on(task, e);
    task.waiting.clear();
  }

  std::vector<Task> tasks_;
  const Sink& sink_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::size_t next_ = 0;           ///< the next task to start
  std::size_t head_ = 0;           ///< the first task not done
  std::int64_t vertex_offset_ = 0; ///< vertices of the tasks before the head
  ReverseSearchStatistics statistics_;
  bool failed_ = false;
  std::exception_ptr error_;
};

}  // namespace parley::detail
