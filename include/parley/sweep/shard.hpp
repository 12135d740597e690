#pragma once
/// \file shard.hpp
/// Splitting a design between the jobs of a job array (`--shard k/n`, SLURM's `--array`).

#include <cstdint>
#include <vector>

namespace parley::sweep {

/// \brief Shard k of n (1 <= k <= n): the design points p with p mod n = k - 1.
///
/// Dealing points round-robin rather than in blocks spreads expensive regions of the design
/// (a grid's last parameter varies fastest, its first slowest) evenly over the shards. The n
/// shards partition the design, so their files merged hold every point exactly once.
struct Shard {
  std::uint64_t index = 1;  ///< k, 1-based
  std::uint64_t count = 1;  ///< n

  [[nodiscard]] bool contains(std::uint64_t point) const { return point % count == index - 1; }
  [[nodiscard]] bool is_whole() const { return count == 1; }
  friend bool operator==(const Shard&, const Shard&) = default;
};

/// The points of a design of `design_size` points that belong to `shard`, in increasing order.
/// Requires 1 <= shard.index <= shard.count.
std::vector<std::uint64_t> shard_points(std::uint64_t design_size, const Shard& shard);

}  // namespace parley::sweep
