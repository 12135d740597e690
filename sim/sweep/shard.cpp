#include "parley/sweep/shard.hpp"

#include <stdexcept>

namespace parley::sweep {

std::vector<std::uint64_t> shard_points(std::uint64_t design_size, const Shard& shard) {
  if (shard.count == 0 || shard.index == 0 || shard.index > shard.count)
    throw std::invalid_argument("shard_points: the shard must be k/n with 1 <= k <= n");
  std::vector<std::uint64_t> points;
  points.reserve(static_cast<std::size_t>(design_size / shard.count + 1));
  for (std::uint64_t p = shard.index - 1; p < design_size; p += shard.count) points.push_back(p);
  return points;
}

}  // namespace parley::sweep
