#pragma once
/// \file sweep_merge.hpp
/// `parley merge`: joining the files of a sharded sweep (`--shard k/n` jobs) into one.

#include <cstdint>
#include <string>
#include <vector>

namespace parley::io {

/// \brief Joins the results files `inputs`, the n shards of one sweep, into `output`, rows
/// sorted by point id, with a manifest for the whole design (shard 1/1).
///
/// Checks before writing anything: every input has its manifest, all describe the same sweep
/// (sweep_differences), they are the shards 1..n of it each exactly once, and each is complete
/// (as many rows as its shard has points, no torn last line); each problem is named with the
/// remedy (`--resume` the shard). The merged file equals, line for line, the file of one
/// unsharded run sorted by point id. Refuses to replace an existing `output` unless `overwrite`.
/// Throws std::runtime_error. Returns the number of rows written.
std::uint64_t merge_sweep_results(const std::vector<std::string>& inputs, const std::string& output, bool overwrite);

}  // namespace parley::io
