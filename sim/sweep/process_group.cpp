#include "parley/sweep/process_group.hpp"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <exception>
#include <mutex>
#include <stdexcept>
#include <thread>

#if defined(PARLEY_WITH_MPI) && PARLEY_WITH_MPI
#include <mpi.h>
#define PARLEY_SWEEP_MPI 1
#else
#define PARLEY_SWEEP_MPI 0
#endif

namespace parley::sweep {

namespace {

// The number of processes an MPI launcher says it started, or 0 if none started this one.
int launcher_world_size() {
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_SIZE"})
    if (const char* value = std::getenv(name)) return std::max(1, std::atoi(value));
  for (const char* name : {"PMIX_RANK", "PMI_RANK"})
    if (std::getenv(name)) return 1;
  return 0;
}

template <typename T>
void put(std::string& out, const T& value) {
  out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

template <typename T>
T take(const std::string& in, std::size_t& at) {
  if (at + sizeof(T) > in.size()) throw std::invalid_argument("decode_row: truncated row");
  T value;
  std::memcpy(&value, in.data() + at, sizeof value);
  at += sizeof value;
  return value;
}

}  // namespace

std::string encode_row(const PointResult& row) {
  std::string out;
  put(out, row.point);
  put(out, static_cast<std::uint8_t>(row.status));
  put(out, static_cast<std::uint64_t>(row.message.size()));
  out += row.message;
  put(out, static_cast<std::uint64_t>(row.metrics.size()));
  for (const double x : row.metrics) put(out, x);
  return out;
}

PointResult decode_row(const std::string& bytes) {
  std::size_t at = 0;
  PointResult row;
  row.point = take<std::uint64_t>(bytes, at);
  const auto status = take<std::uint8_t>(bytes, at);
  if (status > static_cast<std::uint8_t>(PointStatus::error)) throw std::invalid_argument("decode_row: bad status");
  row.status = static_cast<PointStatus>(status);
  const auto length = take<std::uint64_t>(bytes, at);
  if (at + length > bytes.size()) throw std::invalid_argument("decode_row: truncated row");
  row.message = bytes.substr(at, length);
  at += length;
  const auto count = take<std::uint64_t>(bytes, at);
  if (count > (bytes.size() - at) / sizeof(double)) throw std::invalid_argument("decode_row: truncated row");
  row.metrics.resize(count);
  for (auto& x : row.metrics) x = take<double>(bytes, at);
  if (at != bytes.size()) throw std::invalid_argument("decode_row: trailing bytes");
  return row;
}

ProcessGroup::ProcessGroup() {
  const int launched = launcher_world_size();
#if PARLEY_SWEEP_MPI
  if (launched > 0) {
    int already = 0;
    MPI_Initialized(&already);
    if (already) throw std::logic_error("ProcessGroup: MPI is already initialised (one group per process)");
    int provided = 0;
    MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
    initialised_mpi_ = true;
    if (provided < MPI_THREAD_FUNNELED) {
      MPI_Finalize();
      initialised_mpi_ = false;
      throw std::runtime_error("the MPI library does not allow threads (MPI_THREAD_FUNNELED)");
    }
    MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
    MPI_Comm_size(MPI_COMM_WORLD, &size_);
  }
#else
  if (launched > 1)
    throw std::runtime_error("started by an MPI launcher with " + std::to_string(launched) +
                             " processes, but this parley was built without MPI (configure with "
                             "-DPARLEY_WITH_MPI=ON); each process would redo the whole sweep");
#endif
}

ProcessGroup::~ProcessGroup() {
#if PARLEY_SWEEP_MPI
  if (initialised_mpi_) MPI_Finalize();
#endif
}

void ProcessGroup::broadcast(std::string& bytes) const {
  if (size_ == 1) return;
#if PARLEY_SWEEP_MPI
  auto length = static_cast<std::uint64_t>(bytes.size());
  MPI_Bcast(&length, 1, MPI_UINT64_T, 0, MPI_COMM_WORLD);
  bytes.resize(static_cast<std::size_t>(length));
  // MPI counts are int: send in chunks below 2^30 bytes.
  constexpr std::size_t chunk = std::size_t{1} << 30;
  for (std::size_t at = 0; at < bytes.size(); at += chunk)
    MPI_Bcast(bytes.data() + at, static_cast<int>(std::min(chunk, bytes.size() - at)), MPI_CHAR, 0, MPI_COMM_WORLD);
#else
  (void)bytes;  // a group of several processes exists only with MPI
#endif
}

void ProcessGroup::broadcast(std::vector<std::uint64_t>& values) const {
  if (size_ == 1) return;
  std::string bytes;
  if (is_root()) bytes.assign(reinterpret_cast<const char*>(values.data()), values.size() * sizeof(std::uint64_t));
  broadcast(bytes);
  values.resize(bytes.size() / sizeof(std::uint64_t));
  std::memcpy(values.data(), bytes.data(), values.size() * sizeof(std::uint64_t));
}

void ProcessGroup::abort(int code) const {
#if PARLEY_SWEEP_MPI
  if (size_ > 1) MPI_Abort(MPI_COMM_WORLD, code);
#else
  (void)code;
#endif
}

#if PARLEY_SWEEP_MPI
namespace {

constexpr int row_tag = 1;   // a finished row, encoded
constexpr int done_tag = 2;  // the sending rank has sent all its rows

// Rows finished by this rank's worker threads, waiting for the MPI thread.
struct RowQueue {
  std::mutex mutex;
  std::condition_variable ready;
  std::deque<PointResult> rows;
  bool finished = false;
  bool cancelled = false;
  std::exception_ptr failure;
};

struct Cancelled {};

}  // namespace
#endif

void evaluate_points_distributed(const ProcessGroup& group, const Design& design, const PendingPoints& points,
                                 const PointEvaluator& evaluator, unsigned threads, const RowSink& sink) {
  if (group.size() == 1) {
    evaluate_points(design, point_source(points), evaluator, threads, sink);
    return;
  }
#if PARLEY_SWEEP_MPI
  // This rank's share, walked as it goes: pending points rank, rank + size, ...
  const PendingPoints mine =
      points.every(static_cast<std::uint64_t>(group.size()), static_cast<std::uint64_t>(group.rank()));

  RowQueue queue;
  std::thread compute([&] {
    try {
      evaluate_points(design, point_source(mine), evaluator, threads, [&](PointResult&& row) {
        const std::lock_guard lock(queue.mutex);
        if (queue.cancelled) throw Cancelled{};
        queue.rows.push_back(std::move(row));
        queue.ready.notify_one();
      });
    } catch (const Cancelled&) {
    } catch (...) {
      const std::lock_guard lock(queue.mutex);
      queue.failure = std::current_exception();
    }
    const std::lock_guard lock(queue.mutex);
    queue.finished = true;
    queue.ready.notify_one();
  });

  // Takes the rows waiting in the queue; waits up to `wait` for one if there is none.
  // Returns whether the local work is over (finished and drained).
  auto take_rows = [&](std::deque<PointResult>& out, std::chrono::milliseconds wait) {
    std::unique_lock lock(queue.mutex);
    if (queue.rows.empty() && !queue.finished) queue.ready.wait_for(lock, wait);
    out.swap(queue.rows);
    return queue.finished && out.empty() && queue.rows.empty();
  };
  auto stop_compute = [&] {
    {
      const std::lock_guard lock(queue.mutex);
      queue.cancelled = true;
    }
    compute.join();
  };

  std::deque<PointResult> batch;
  if (group.is_root()) {
    try {
      int ranks_running = group.size() - 1;
      bool local_done = false;
      while (!local_done || ranks_running > 0) {
        // Short waits while other ranks run: their rows arrive by MPI, which cannot wake a
        // condition variable.
        const auto wait = ranks_running > 0 ? std::chrono::milliseconds(2) : std::chrono::milliseconds(200);
        if (!local_done) {
          local_done = take_rows(batch, wait);
          for (auto& row : batch) sink(std::move(row));
          batch.clear();
        } else {
          std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        for (;;) {
          int arrived = 0;
          MPI_Status status;
          MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &arrived, &status);
          if (!arrived) break;
          int length = 0;
          MPI_Get_count(&status, MPI_CHAR, &length);
          std::string bytes(static_cast<std::size_t>(length), '\0');
          MPI_Recv(bytes.data(), length, MPI_CHAR, status.MPI_SOURCE, status.MPI_TAG, MPI_COMM_WORLD,
                   MPI_STATUS_IGNORE);
          if (status.MPI_TAG == done_tag)
            --ranks_running;
          else
            sink(decode_row(bytes));
        }
      }
    } catch (...) {
      stop_compute();
      throw;
    }
    compute.join();
  } else {
    bool local_done = false;
    while (!local_done) {
      local_done = take_rows(batch, std::chrono::milliseconds(200));
      for (const auto& row : batch) {
        std::string bytes = encode_row(row);
        MPI_Send(bytes.data(), static_cast<int>(bytes.size()), MPI_CHAR, 0, row_tag, MPI_COMM_WORLD);
      }
      batch.clear();
    }
    compute.join();
    MPI_Send(nullptr, 0, MPI_CHAR, 0, done_tag, MPI_COMM_WORLD);
  }
  if (queue.failure) std::rethrow_exception(queue.failure);
#else
  (void)design;
  (void)points;
  (void)evaluator;
  (void)threads;
  (void)sink;
  throw std::logic_error("evaluate_points_distributed: a group of several processes needs MPI");
#endif
}

}  // namespace parley::sweep
