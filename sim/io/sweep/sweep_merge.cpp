#include "parley/io/sweep/sweep_merge.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <stdexcept>
#include <vector>

#include "parley/io/format/atomic_file_writer.hpp"
#include "parley/io/format/csv_writer.hpp"
#include "parley/io/sweep/sweep_manifest.hpp"
#include "parley/io/sweep/sweep_results.hpp"

namespace parley::io {

namespace {

/// How many duplicated points a merge error lists by line; the rest are counted.
constexpr std::size_t merge_duplicates_listed = 10;

}  // namespace

std::uint64_t merge_sweep_results(const std::vector<std::string>& inputs, const std::string& output, bool overwrite) {
  if (inputs.empty()) throw std::runtime_error("merge: give the shards' results files");
  if (std::filesystem::exists(output) && !overwrite)
    throw std::runtime_error(output + " exists: --force replaces it");

  std::vector<SweepManifest> manifests;
  std::vector<SweepResultsFile> files;
  std::map<std::uint64_t, std::string> shard_files;  // shard index -> file
  for (const auto& input : inputs) {
    manifests.push_back(read_manifest(input));
    files.push_back(read_sweep_results(input));
    const SweepManifest& m = manifests.back();
    const SweepResultsFile& f = files.back();
    const std::string shard = std::to_string(m.shard.index) + "/" + std::to_string(m.shard.count);
    const auto differences = sweep_differences(manifests.front(), m);
    if (!differences.empty()) {
      std::string why;
      for (const auto& d : differences) why += "\n  " + d;
      throw std::runtime_error(input + " is not a shard of the same sweep as " + inputs.front() + ":" + why);
    }
    if (!shard_files.emplace(m.shard.index, input).second)
      throw std::runtime_error(input + " and " + shard_files[m.shard.index] + " are both shard " + shard);
    if (f.header != m.columns) throw std::runtime_error(input + ": the columns differ from its manifest's");
    // A point with more than one row is named with its lines: counted as rows, a shard with a
    // duplicate and nothing missing read "29 of 28 rows" (issue 18).
    std::map<std::uint64_t, std::vector<std::uint64_t>> lines_of_point;
    for (const auto& row : f.rows) lines_of_point[row.point].push_back(row.line_number);
    std::string duplicates;
    std::size_t duplicated_points = 0;
    for (const auto& [point, lines] : lines_of_point) {
      if (lines.size() < 2) continue;
      if (++duplicated_points > merge_duplicates_listed) continue;
      std::string at;
      for (std::size_t k = 0; k < lines.size(); ++k)
        at += (k == 0 ? "" : k + 1 == lines.size() ? " and " : ", ") + std::to_string(lines[k]);
      duplicates += "\n  point " + std::to_string(point) + " at lines " + at;
    }
    if (duplicated_points > merge_duplicates_listed)
      duplicates += "\n  and " + std::to_string(duplicated_points - merge_duplicates_listed) + " more points";
    if (duplicated_points > 0)
      throw std::runtime_error(input + " (shard " + shard + ") has more than one row for " +
                               std::to_string(duplicated_points) + (duplicated_points == 1 ? " point" : " points") +
                               " (each point has one row; keep one of each and remove the others):" + duplicates);
    if (f.torn_tail || lines_of_point.size() != m.points_in_file)
      throw std::runtime_error(input + " (shard " + shard + ") is incomplete: " +
                               std::to_string(lines_of_point.size()) + " of " + std::to_string(m.points_in_file) +
                               " rows; complete it with the same parley sweep command and --resume");
    for (const auto& row : f.rows)
      if (row.point >= m.design_points || !m.shard.contains(row.point))
        throw std::runtime_error(input + ": point " + std::to_string(row.point) + " does not belong to shard " + shard);
  }
  const std::uint64_t count = manifests.front().shard.count;
  std::string missing;
  for (std::uint64_t k = 1; k <= count; ++k)
    if (!shard_files.count(k)) missing += (missing.empty() ? "" : ", ") + std::to_string(k) + "/" + std::to_string(count);
  if (!missing.empty()) throw std::runtime_error("merge: missing shard(s) " + missing);

  std::vector<const SweepResultRow*> rows;
  for (const auto& f : files)
    for (const auto& row : f.rows) rows.push_back(&row);
  std::sort(rows.begin(), rows.end(), [](const auto* a, const auto* b) { return a->point < b->point; });
  for (std::size_t i = 1; i < rows.size(); ++i)
    if (rows[i]->point == rows[i - 1]->point)
      throw std::runtime_error("merge: point " + std::to_string(rows[i]->point) + " appears twice");

  SweepManifest merged = manifests.front();
  merged.shard = sweep::Shard{};
  merged.points_in_file = merged.design_points;
  merged.sessions = 0;
  merged.rows_done = rows.size();
  merged.rows_failed = 0;
  for (const auto& m : manifests) {
    merged.start_time = std::min(merged.start_time, m.start_time);
    merged.end_time = std::max(merged.end_time, m.end_time);
    merged.sessions += m.sessions;
  }
  for (const auto* row : rows)
    if (row->status != sweep::PointStatus::ok) ++merged.rows_failed;

  // The merged file is replaced whole or not at all (AtomicFileWriter), then its manifest: a
  // merge that fails midway leaves no partial results file looking complete.
  AtomicFileWriter file(output);
  for (std::size_t i = 0; i < merged.columns.size(); ++i) file.stream() << (i ? "," : "") << csv_field(merged.columns[i]);
  file.stream() << '\n';
  for (const auto* row : rows) file.stream() << row->line;
  file.commit();
  write_manifest(output, merged);
  return rows.size();
}

}  // namespace parley::io
