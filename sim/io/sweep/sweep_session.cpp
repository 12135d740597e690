#include "parley/io/sweep/sweep_session.hpp"

#include <chrono>
#include <filesystem>
#include <optional>
#include <stdexcept>

#include "parley/io/sweep/sweep_manifest.hpp"
#include "parley/io/sweep/sweep_output_lock.hpp"
#include "parley/io/sweep/sweep_results.hpp"

namespace parley::io {

namespace {

// What rank 0 prepares before any point is evaluated.
struct Preparation {
  std::optional<SweepOutputLock> lock;  ///< held from before the results are read until the end
  SweepManifest manifest;
  std::optional<SweepResultsWriter> writer;
  std::optional<sweep::DonePoints> done;  ///< the rows already in the file, by point
  SweepProgress progress;
};

Preparation prepare(const sweep::Design& design, const sweep::PointEvaluator& evaluator,
                    const SweepSessionOptions& options) {
  namespace fs = std::filesystem;
  const auto& spec = design.spec();
  std::vector<std::string> paths;
  for (const auto& p : spec.parameters) paths.push_back(p.path);
  const auto header = sweep_results_header(paths, evaluator.metric_names);
  // The shard's points are counted, never listed: a grid of 10^9 points starts at once.
  const std::uint64_t points_in_file = sweep::shard_size(design.size(), options.shard);

  Preparation prep;
  SweepManifest& m = prep.manifest;
  m.version = PARLEY_VERSION;
  m.scenario = options.scenario;
  m.scenario_sha256 = options.scenario_sha256;
  m.spec = spec;
  m.design_points = design.size();
  m.shard = options.shard;
  m.points_in_file = points_in_file;
  m.columns = header;
  prep.progress.total = points_in_file;

  const std::string& out = options.output;
  prep.lock.emplace(out);
  const bool exists = fs::exists(out);
  if (exists && !options.resume && !options.overwrite)
    throw std::runtime_error(out + " exists: --resume completes it, --force replaces it");

  prep.done.emplace(design.size(), options.shard);
  sweep::DonePoints& done = *prep.done;
  if (options.resume && exists) {
    const SweepManifest old = read_manifest(out);
    auto differences = sweep_differences(old, m);
    if (old.shard != m.shard)
      differences.push_back("it holds shard " + std::to_string(old.shard.index) + "/" + std::to_string(old.shard.count));
    if (!differences.empty()) {
      std::string why;
      for (const auto& d : differences) why += "\n  " + d;
      throw std::runtime_error("cannot resume " + out + ": it was made by a different sweep:" + why);
    }
    // Line by line into the compact set of done points: the file is never held in memory.
    const auto check_header = [&](const SweepResultsFile& file) {
      if (file.header != header) throw std::runtime_error("cannot resume " + out + ": its columns differ from this sweep's");
    };
    bool header_checked = false;
    const SweepResultsFile file = scan_sweep_results(out, [&](const SweepResultsFile& f, SweepResultRow&& row) {
      if (!header_checked) check_header(f);
      header_checked = true;
      if (row.point >= design.size() || !options.shard.contains(row.point))
        throw std::runtime_error(out + ": row for point " + std::to_string(row.point) + " is not in this sweep");
      if (!done.insert(row.point))
        throw std::runtime_error(out + ": point " + std::to_string(row.point) + " appears twice");
      if (row.status != sweep::PointStatus::ok) ++prep.progress.failed;
    });
    if (!file.header.empty()) check_header(file);
    if (const auto twice = done.finish())
      throw std::runtime_error(out + ": point " + std::to_string(*twice) + " appears twice");
    m.start_time = old.start_time;
    m.sessions = old.sessions + 1;
    m.rows_done = done.size();
    m.rows_failed = prep.progress.failed;
    write_manifest(out, m);
    prep.writer.emplace(file.header.empty() ? SweepResultsWriter::create(out, header)
                                            : SweepResultsWriter::append(out, file.complete_bytes));
  } else {
    m.start_time = utc_now();
    m.sessions = 1;
    // The manifest first: a results file without one is never ours to resume.
    write_manifest(out, m);
    prep.writer.emplace(SweepResultsWriter::create(out, header));
  }
  done.finish();
  prep.progress.done = done.size();
  prep.progress.resumed = done.size();
  return prep;
}

}  // namespace

SweepProgress run_sweep_session(const sweep::ProcessGroup& group, const sweep::Design& design,
                                const sweep::PointEvaluator& evaluator, const SweepSessionOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  std::optional<Preparation> prep;
  std::string verdict;  // empty: go on; otherwise rank 0's error
  if (group.is_root()) {
    try {
      prep.emplace(prepare(design, evaluator, options));
    } catch (const std::exception& e) {
      verdict = e.what();
      if (verdict.empty()) verdict = "the sweep could not start";
    }
  }
  group.broadcast(verdict);
  if (!verdict.empty()) throw SweepNotStarted(verdict);
  // Every rank walks the same pending points: rank 0 sends the done set (a list or a bitmap),
  // never a list of the points to do.
  std::string done_bytes;
  if (group.is_root() && group.size() > 1) done_bytes = prep->done->encode();
  group.broadcast(done_bytes);
  std::optional<sweep::DonePoints> received;
  if (!group.is_root()) received.emplace(sweep::DonePoints::decode(design.size(), options.shard, done_bytes));
  const sweep::DonePoints& done = group.is_root() ? *prep->done : *received;
  const sweep::PendingPoints pending(done);

  SweepProgress progress = group.is_root() ? prep->progress : SweepProgress{};
  const auto seed = design.spec().seed;
  auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
  if (group.is_root() && options.progress) options.progress(progress);
  sweep::evaluate_points_distributed(group, design, pending, evaluator, options.threads, [&](sweep::PointResult&& row) {
    prep->writer->write(format_sweep_row(design.point(row.point), seed, row, evaluator.metric_names.size()));
    ++progress.done;
    if (row.status != sweep::PointStatus::ok) ++progress.failed;
    progress.elapsed_seconds = elapsed();
    if (options.progress) options.progress(progress);
  });
  if (group.is_root()) {
    // Rows were written as points finished; once the file holds every point, they are put in
    // point order (one indexing pass, then an atomic rewrite only if they are out of order),
    // before the manifest that says the file is complete.
    prep->writer.reset();
    if (progress.done == progress.total)
      progress.in_point_order = sort_sweep_results(options.output) != SweepSortOutcome::too_large;
    progress.elapsed_seconds = elapsed();
    SweepManifest& m = prep->manifest;
    m.end_time = utc_now();
    m.rows_done = progress.done;
    m.rows_failed = progress.failed;
    write_manifest(options.output, m);
  }
  return progress;
}

}  // namespace parley::io
