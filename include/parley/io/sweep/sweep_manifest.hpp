#pragma once
/// \file sweep_manifest.hpp
/// The sidecar of a results file (`results.csv.json`): which program, scenario and sweep made
/// the file, and how far it got. It keeps the CSV tidy (no metadata lines) while recording what
/// is needed to reproduce, resume, merge and analyse it.
///
/// \code{.json}
///   {"program": "parley", "version": "0.1.0",
///    "scenario": {"path": "ukraine-2025", "sha256": "9f2c..."},
///    "sweep": {"design": "grid", "samples": 0, "runs": 1000, "seed": 1,
///              "parameters": [{"path": "battlefield.advantage", "spec": "-0.6:0.6:13",
///                              "levels": ["-0.6", ...]}],
///              "metrics": [], "set": []},
///    "design_points": 13, "shard": {"index": 1, "count": 1}, "points_in_file": 13,
///    "columns": ["point", "battlefield.advantage", "seed", ...],
///    "start_time": "2025-12-03T10:00:00Z", "end_time": "2025-12-03T10:01:10Z",
///    "sessions": 1, "rows_done": 13, "rows_failed": 0}
/// \endcode

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parley/sweep/shard.hpp"
#include "parley/sweep/sweep_spec.hpp"

namespace parley::io {

/// The manifest's content.
struct SweepManifest {
  std::string version;          ///< Parley's version
  std::string scenario;         ///< SCENARIO as given: a file path or a built-in name
  std::string scenario_sha256;  ///< hash of the scenario's text (before any override)
  sweep::SweepSpec spec;        ///< the full sweep specification
  std::uint64_t design_points = 0;   ///< points in the whole design
  sweep::Shard shard;                ///< which part of the design this file holds
  std::uint64_t points_in_file = 0;  ///< points of the design in this shard
  std::vector<std::string> columns;  ///< the results file's header
  std::string start_time;       ///< UTC, ISO 8601, when the sweep was first started
  std::string end_time;         ///< when the last session finished; empty while one runs
  std::uint64_t sessions = 0;   ///< how many times the sweep was started or resumed
  std::uint64_t rows_done = 0;  ///< rows in the file when the last session finished
  std::uint64_t rows_failed = 0;  ///< of which with status invalid or error
};

/// The manifest file of a results file: `path` + ".json".
std::string manifest_path(const std::string& results_path);

/// The manifest as JSON text (RFC 8259), numbers exact.
std::string manifest_json(const SweepManifest& manifest);

/// Parses manifest JSON; throws std::runtime_error naming `source` if a field is missing or wrong.
SweepManifest parse_manifest(std::string_view json, const std::string& source);

/// Writes the manifest beside the results: to a temporary file, then renamed over the old one,
/// so a reader (or a kill) never sees half a manifest (AtomicFileWriter). Throws
/// std::runtime_error (FileWriteError) naming the file and the reason on failure.
void write_manifest(const std::string& results_path, const SweepManifest& manifest);

/// Reads the manifest of `results_path`; throws std::runtime_error if missing or malformed.
SweepManifest read_manifest(const std::string& results_path);

/// \brief How the sweeps of two manifests differ (scenario hash, sweep specification, design
/// size, shard count, columns), one sentence each; empty when `b` continues or completes the
/// same sweep as `a`. Shard indices are not compared (shards of one sweep differ in them).
std::vector<std::string> sweep_differences(const SweepManifest& a, const SweepManifest& b);

/// The current time, UTC, as ISO 8601 (`2025-12-03T10:00:00Z`).
std::string utc_now();

}  // namespace parley::io
