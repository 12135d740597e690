#pragma once
/// \file sweep_results.hpp
/// A sweep's results file: tidy CSV, one line per design point, written and flushed as points
/// finish, and read back to resume an interrupted sweep, merge shards or analyse.
///
/// Columns: `point` (the design point's id), one per varied parameter (named by its path,
/// holding the value as YAML text), `seed` (the base seed), `status` (ok, invalid, error),
/// `message` (why a point failed, empty when ok), then one per metric (empty when the point
/// failed or the metric is undefined, e.g. mean settlement terms with no settlement). No
/// comment or metadata lines: those are in the manifest (sweep_manifest.hpp). Every record is
/// one line (line breaks in messages become "; "), so a record is complete exactly when its
/// line ends with "\n".

#include <cstdio>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/sweep/design.hpp"
#include "parley/sweep/point_evaluation.hpp"

namespace parley::io {

/// The header: point, the parameter paths, seed, status, message, the metric names.
std::vector<std::string> sweep_results_header(const std::vector<std::string>& parameters,
                                              const std::vector<std::string>& metrics);

/// \brief The line (with its "\n") for one finished point: its id and values from `point`,
/// the base `seed`, and `result`'s status, message and `metric_count` metrics (all empty for a
/// failed point). Metrics are the shortest text that reads back as the same double (so files
/// compare equal exactly when results do); NaN is written as an empty field.
std::string format_sweep_row(const sweep::DesignPoint& point, std::uint64_t seed, const sweep::PointResult& result,
                             std::size_t metric_count);

/// CSV fields of one record (RFC 4180 quoting; the record holds no line break), or nothing if
/// a quoted field is not closed.
std::optional<std::vector<std::string>> split_csv_record(std::string_view line);

/// One line of a results file, read back.
struct SweepResultRow {
  std::uint64_t point = 0;
  std::vector<std::string> values;  ///< parameter values as written
  std::uint64_t seed = 0;
  sweep::PointStatus status = sweep::PointStatus::ok;
  std::string message;
  std::vector<double> metrics;      ///< NaN for empty fields
  std::string line;                 ///< the line as it is in the file, with its "\n"
  std::uint64_t line_number = 0;    ///< 1-based line of the file (the header is line 1)
};

/// \brief A results file as found on disk.
///
/// `complete_bytes` is the length of the file up to the end of its last complete line; when
/// the file is longer (`torn_tail`: a process killed mid-write left a line without its "\n"),
/// the tail is not a row and resuming truncates it. A file without a complete header line has
/// an empty header.
struct SweepResultsFile {
  std::vector<std::string> header;
  std::vector<std::string> parameters;  ///< the columns between `point` and `seed`
  std::vector<std::string> metrics;     ///< the columns after `message`
  std::vector<SweepResultRow> rows;
  std::uint64_t complete_bytes = 0;
  bool torn_tail = false;
};

/// \brief Reads a results file. Throws std::runtime_error naming the file and line if it
/// cannot be read, its header is not a results header, or a complete line is not a valid row
/// (wrong number of fields, bad point id, seed, status or number): such damage is not what an
/// interruption leaves, so it is reported rather than repaired.
SweepResultsFile read_sweep_results(const std::string& path);

/// \brief Reads a results file line by line, handing each row to `row` instead of keeping it:
/// memory does not grow with the file (resuming a sweep of 10^9 points). Returns what
/// read_sweep_results does without the rows; `row` gets the file's header, parameters and
/// metrics already filled in. Throws as read_sweep_results does, and passes on what `row`
/// throws.
SweepResultsFile scan_sweep_results(const std::string& path,
                                    const std::function<void(const SweepResultsFile& file, SweepResultRow&& row)>& row);

/// The most rows sort_sweep_results sorts: its index takes 16 bytes a row (1.6 GB here).
inline constexpr std::uint64_t max_sorted_rows = 100'000'000;

/// What sort_sweep_results did.
enum class SweepSortOutcome {
  already_sorted,  ///< the rows were in point order: the file is untouched
  sorted,          ///< the file was replaced by its rows in point order
  too_large,       ///< more than max_sorted_rows rows: left in completion order
};

/// \brief Puts a complete results file's rows in point order (issue 17: rows are written as
/// points finish, in completion order, and sorted when the sweep ends).
///
/// One pass indexes the rows (point id and byte offset: 16 bytes a row, whatever the row's
/// width); if they are out of order the file is rewritten whole, header first, each row copied
/// byte for byte, through a temporary renamed over it (AtomicFileWriter), so an interruption
/// leaves either the old file or the sorted one, both complete and resumable. Throws as
/// read_sweep_results does, and std::runtime_error if the file cannot be rewritten.
SweepSortOutcome sort_sweep_results(const std::string& path);

/// \brief Appends rows to a results file, each written whole and flushed at once, so that a
/// process killed at any moment leaves at most one torn line at the end.
class SweepResultsWriter {
 public:
  /// Starts a new file at `path` (replacing any) with `header`.
  static SweepResultsWriter create(const std::string& path, const std::vector<std::string>& header);
  /// Continues the file at `path`, first truncating it to `keep_bytes` (dropping a torn tail).
  static SweepResultsWriter append(const std::string& path, std::uint64_t keep_bytes);

  SweepResultsWriter(SweepResultsWriter&& other) noexcept;
  SweepResultsWriter& operator=(SweepResultsWriter&&) = delete;
  SweepResultsWriter(const SweepResultsWriter&) = delete;
  SweepResultsWriter& operator=(const SweepResultsWriter&) = delete;
  ~SweepResultsWriter();

  /// Writes `line` and flushes it to the operating system; throws std::runtime_error on failure.
  void write(const std::string& line);

 private:
  SweepResultsWriter(std::FILE* file, std::string path) : file_(file), path_(std::move(path)) {}
  std::FILE* file_;
  std::string path_;
};

}  // namespace parley::io
