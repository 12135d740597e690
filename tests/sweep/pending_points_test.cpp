// The pending points of a sweep (issue 18): a shard's points counted, never listed; the points
// already done kept as a compact list or bitmap; the rest walked in increasing order, and shared
// out between MPI ranks as the list used to be.
#include <catch2/catch.hpp>

#include <set>
#include <vector>

#include "parley/sweep/design.hpp"
#include "parley/sweep/pending_points.hpp"
#include "parley/sweep/shard.hpp"
#include "parley/sweep/sweep_runner.hpp"

using namespace parley::sweep;

namespace {

std::vector<std::uint64_t> walk(PendingPoints points) {
  std::vector<std::uint64_t> out;
  while (const auto p = points.next()) out.push_back(*p);
  return out;
}

// What the session did before: the shard's points minus those done, as a list.
std::vector<std::uint64_t> listed(std::uint64_t size, const Shard& shard, const std::set<std::uint64_t>& done) {
  std::vector<std::uint64_t> out;
  for (const auto p : shard_points(size, shard))
    if (!done.count(p)) out.push_back(p);
  return out;
}

}  // namespace

TEST_CASE("Shard sizes are counted as shard_points lists them", "[sweep]") {
  for (const std::uint64_t size : {1u, 2u, 7u, 64u, 103u})
    for (const std::uint64_t n : {1u, 2u, 4u, 7u, 200u})
      for (std::uint64_t k = 1; k <= n; ++k) CHECK(shard_size(size, Shard{k, n}) == shard_points(size, Shard{k, n}).size());
  CHECK(shard_size(1'000'000'000'000ULL, Shard{3, 7}) == 142'857'142'857ULL);
  CHECK_THROWS_AS(shard_size(10, Shard{4, 3}), std::invalid_argument);
}

TEST_CASE("Pending points are the shard's points not done, in increasing order", "[sweep]") {
  const std::uint64_t size = 1000;
  for (const Shard shard : {Shard{1, 1}, Shard{2, 3}, Shard{7, 7}}) {
    DonePoints done(size, shard);
    std::set<std::uint64_t> reference;
    for (std::uint64_t p = shard.index - 1; p < size; p += 3 * shard.count) {
      CHECK(done.insert(p));
      reference.insert(p);
    }
    CHECK_FALSE(done.insert(shard.index - 1));  // a bitmap tells a point added twice at once
    CHECK_FALSE(done.finish());
    CHECK(done.is_bitmap());
    CHECK(done.size() == reference.size());
    const PendingPoints pending(done);
    CHECK(pending.size() == shard_size(size, shard) - reference.size());
    CHECK(walk(pending) == listed(size, shard, reference));
    CHECK_THROWS_AS(done.insert(size + shard.index - 1), std::out_of_range);
    if (shard.count > 1) CHECK_THROWS_AS(done.insert(shard.index % shard.count), std::out_of_range);
  }
}

TEST_CASE("The ranks' shares of the pending points are every size-th one, as the list's were", "[sweep]") {
  DonePoints done(500, Shard{2, 3});
  for (const std::uint64_t p : {1u, 4u, 40u, 100u, 499u}) REQUIRE(done.insert(p));
  done.finish();
  const PendingPoints all(done);
  const auto whole = walk(all);
  for (const std::uint64_t ranks : {1u, 2u, 3u, 5u}) {
    std::uint64_t total = 0;
    for (std::uint64_t r = 0; r < ranks; ++r) {
      const PendingPoints mine = all.every(ranks, r);
      std::vector<std::uint64_t> expected;
      for (std::size_t i = r; i < whole.size(); i += ranks) expected.push_back(whole[i]);
      CHECK(walk(mine) == expected);
      CHECK(mine.size() == expected.size());
      total += mine.size();
    }
    CHECK(total == whole.size());
  }
}

TEST_CASE("A large shard keeps its done points as a list, then a bitmap once smaller", "[sweep]") {
  const std::uint64_t size = DonePoints::bitmap_from_start * 4;  // 2^25 points
  DonePoints done(size, Shard{1, 1});
  CHECK_FALSE(done.is_bitmap());
  CHECK(done.memory_bytes() == 0);  // a new sweep holds nothing
  // Out of order, as rows finish: the list learns of a duplicate when it is sorted.
  for (const std::uint64_t p : {10u, 3u, 7u, 3u}) done.insert(p);
  CHECK(done.finish() == std::optional<std::uint64_t>{3});
  CHECK(done.size() == 3);
  CHECK(done.contains(7));
  CHECK_FALSE(done.contains(8));
  PendingPoints pending(done);
  CHECK(pending.size() == size - 3);
  CHECK(*pending.next() == 0);
  CHECK(*pending.next() == 1);
  CHECK(*pending.next() == 2);
  CHECK(*pending.next() == 4);

  // size / 64 points in the list take as much as the bitmap: it becomes the bitmap.
  DonePoints dense(size, Shard{1, 1});
  for (std::uint64_t p = 0; p < size / 64; ++p) dense.insert(2 * p);
  CHECK(dense.is_bitmap());
  CHECK_FALSE(dense.finish());
  CHECK(dense.size() == size / 64);
  CHECK(dense.memory_bytes() <= size / 8);
  CHECK(dense.contains(2 * (size / 64 - 1)));
  CHECK_FALSE(dense.contains(1));
  CHECK_FALSE(dense.insert(0));
  PendingPoints rest(dense);
  CHECK(rest.size() == size - size / 64);
  CHECK(*rest.next() == 1);
  CHECK(*rest.next() == 3);
}

TEST_CASE("Done points survive encoding for the other ranks", "[sweep]") {
  for (const std::uint64_t size : {std::uint64_t{1000}, DonePoints::bitmap_from_start * 10}) {
    DonePoints done(size, Shard{2, 5});
    for (const std::uint64_t p : {1u, 11u, 6u, 996u}) done.insert(p);
    done.finish();
    CHECK(done.is_bitmap() == (size == 1000));
    const auto copy = DonePoints::decode(size, Shard{2, 5}, done.encode());
    CHECK(copy.is_bitmap() == done.is_bitmap());
    CHECK(copy.size() == 4);
    CHECK(walk(PendingPoints(copy, 0, 1)).size() == shard_size(size, Shard{2, 5}) - 4);
    CHECK(walk(PendingPoints(copy).every(7, 3)) == walk(PendingPoints(done).every(7, 3)));
    const auto bytes = done.encode();
    CHECK_THROWS_AS(DonePoints::decode(size, Shard{2, 5}, bytes.substr(0, bytes.size() - 1)), std::invalid_argument);
  }
}

TEST_CASE("A 1000 x 1000 x 1000 grid is an index space: no point is listed", "[sweep]") {
  SweepSpec spec;
  for (const char* path : {"a", "b", "c"}) {
    VariedParameter p;
    p.path = path;
    p.levels = evenly_spaced_levels(0, 999, 1000);
    spec.parameters.push_back(p);
  }
  const Design design(spec);
  REQUIRE(design.size() == 1'000'000'000);
  DonePoints done(design.size(), Shard{1, 1});
  done.finish();
  CHECK(done.memory_bytes() == 0);
  PendingPoints pending(done);
  CHECK(pending.size() == 1'000'000'000);
  // Mixed radix, the last parameter fastest: the order of nested loops, as before.
  CHECK(design.point(*pending.next()).values == std::vector<std::string>{"0", "0", "0"});
  CHECK(design.point(*pending.next()).values == std::vector<std::string>{"0", "0", "1"});
  CHECK(design.point(1'234'567).values == std::vector<std::string>{"1", "234", "567"});
  CHECK(design.point(999'999'999).values == std::vector<std::string>{"999", "999", "999"});
}
