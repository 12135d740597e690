#pragma once
/// \file pending_points.hpp
/// The points a sweep session still has to evaluate, without listing the design (issue 18: a
/// 1000x1000x1000 grid allocated every point id before writing a row). A shard's points are an
/// arithmetic progression of ids (p = k - 1, k - 1 + n, ...), so they are counted, not listed;
/// the points already in a results file are a compact set over the shard, and the pending ones
/// are walked in increasing order, one at a time.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "parley/sweep/shard.hpp"

namespace parley::sweep {

/// The number of points p < design_size with p mod n = k - 1 (shard k of n). Requires
/// 1 <= shard.index <= shard.count.
std::uint64_t shard_size(std::uint64_t design_size, const Shard& shard);

/// \brief Points of one shard of a design, already done (read back from a results file).
///
/// A point is stored by its position in the shard (p / n). While the set is small it is a list
/// of positions; once the list would take more memory than a bitmap with one bit per point of
/// the shard, it becomes that bitmap (a shard of at most `bitmap_from_start` points starts as
/// one). So it never takes more than about shard_size / 8 bytes, and nothing for a new sweep:
/// 125 MB for a fully done shard of 10^9 points, 0 for none.
class DonePoints {
 public:
  /// Shards of at most this many points start as a bitmap (1 MiB).
  static constexpr std::uint64_t bitmap_from_start = std::uint64_t{1} << 23;

  /// An empty set for shard `shard` of a design of `design_size` points. Throws
  /// std::invalid_argument if the shard is not k/n with 1 <= k <= n.
  DonePoints(std::uint64_t design_size, const Shard& shard);

  /// \brief Adds `point`. Returns false if the set already held it and could tell: a bitmap
  /// always can, a list only once `finish` has sorted it (finish reports the rest). Throws
  /// std::out_of_range if the point is not in the shard or beyond the design.
  bool insert(std::uint64_t point);
  /// After the last insert: sorts a list and returns a point it holds twice (the smallest), if any.
  std::optional<std::uint64_t> finish();

  /// Whether `point` is in the set (after `finish`).
  [[nodiscard]] bool contains(std::uint64_t point) const;
  /// The number of points added (duplicates in a list counted twice until `finish`).
  [[nodiscard]] std::uint64_t size() const { return count_; }
  [[nodiscard]] std::uint64_t design_size() const { return design_size_; }
  [[nodiscard]] const Shard& shard() const { return shard_; }
  /// The points of the shard, done or not.
  [[nodiscard]] std::uint64_t shard_size() const { return shard_size_; }
  [[nodiscard]] bool is_bitmap() const { return bitmap_; }
  /// The bytes the set holds (its list or bitmap).
  [[nodiscard]] std::uint64_t memory_bytes() const;

  /// Whether the shard position `q` (point k - 1 + q n) is done (after `finish`).
  [[nodiscard]] bool contains_position(std::uint64_t q) const;
  /// The first position >= q that is not done, or shard_size() if there is none.
  [[nodiscard]] std::uint64_t next_pending_position(std::uint64_t q) const;

  /// The set as bytes, for sending to the other processes of an MPI job (same architecture).
  [[nodiscard]] std::string encode() const;
  /// The set `encode` gave, for the same design size and shard; throws std::invalid_argument on
  /// bytes that are not such a set.
  static DonePoints decode(std::uint64_t design_size, const Shard& shard, const std::string& bytes);

 private:
  void to_bitmap();

  std::uint64_t design_size_;
  Shard shard_;
  std::uint64_t shard_size_;
  bool bitmap_ = false;
  bool sorted_ = true;
  std::uint64_t count_ = 0;
  std::vector<std::uint64_t> list_;  ///< positions, while not a bitmap
  std::vector<std::uint64_t> bits_;  ///< bit q of word q / 64, once a bitmap
  std::optional<std::uint64_t> duplicate_;  ///< a point found twice when the list became a bitmap
};

/// \brief The points of a shard not in a DonePoints, in increasing order, handed out one at a
/// time; optionally only every `stride`-th of them from the `offset`-th (0-based), as the ranks
/// of an MPI job share them out (rank r takes pending points r, r + size, ...).
///
/// Holds a pointer to `done`, which must outlive it; copies walk independently.
class PendingPoints {
 public:
  explicit PendingPoints(const DonePoints& done, std::uint64_t offset = 0, std::uint64_t stride = 1);

  /// How many points `next` gives in all.
  [[nodiscard]] std::uint64_t size() const { return size_; }
  /// The next point, or nothing at the end.
  std::optional<std::uint64_t> next();
  /// The same sequence restricted to every `stride`-th point from the `offset`-th, walked from
  /// the start; requires offset < stride and this sequence's own stride 1.
  [[nodiscard]] PendingPoints every(std::uint64_t stride, std::uint64_t offset) const;

 private:
  const DonePoints* done_;
  std::uint64_t stride_;
  std::uint64_t size_;
  std::uint64_t given_ = 0;     ///< points handed out so far
  std::uint64_t position_ = 0;  ///< shard position to look at next
  std::uint64_t skip_;          ///< pending points to pass over before the next one handed out
};

}  // namespace parley::sweep
