// The ordered block reduction behind every Monte Carlo: blocks merge in block order whatever
// the thread count, a floating-point sum is bit-identical for any thread count, and a failing
// block stops the work and is rethrown.
#include <catch2/catch.hpp>

#include <atomic>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <vector>

#include "parley/engine/ordered_reduction.hpp"

using namespace parley;

namespace {

// Remembers the blocks it was given, in the order merges saw them.
struct BlockLog {
  std::vector<std::int64_t> blocks;
  void clear() { blocks.clear(); }
  void merge(const BlockLog& other) { blocks.insert(blocks.end(), other.blocks.begin(), other.blocks.end()); }
};

// A sum whose value depends on the order of the additions (1e16 + 1 - 1e16 != 1 - 1e16 + 1e16).
struct OrderSensitiveSum {
  double value = 0.0;
  void clear() { value = 0.0; }
  void merge(const OrderSensitiveSum& other) { value += other.value; }
};

}  // namespace

TEST_CASE("ordered reduction: blocks merge in block order for any thread count", "[engine]") {
  for (int threads = 1; threads <= 4; ++threads) {
    std::vector<std::int64_t> progress;
    const BlockLog total = reduce_blocks_in_order(
        97, threads, BlockLog{},
        [] { return [](std::int64_t block, BlockLog& slot) { slot.blocks.push_back(block); }; },
        [&](const BlockLog& merged) { progress.push_back(static_cast<std::int64_t>(merged.blocks.size())); });
    REQUIRE(total.blocks.size() == 97);
    for (std::int64_t b = 0; b < 97; ++b) CHECK(total.blocks[static_cast<std::size_t>(b)] == b);
    // One progress report per merged block, counting up.
    REQUIRE(progress.size() == 97);
    CHECK(progress.back() == 97);
  }
}

TEST_CASE("ordered reduction: a sum of wildly scaled terms is the same bits on 1 and 3 threads", "[engine]") {
  const auto sum_on = [](int threads) {
    return reduce_blocks_in_order(
               200, threads, OrderSensitiveSum{},
               [] {
                 return [](std::int64_t block, OrderSensitiveSum& slot) {
                   slot.value = (block % 3 == 0 ? 1e16 : block % 3 == 1 ? 1.0 : -1e16) * (1.0 + 1e-3 * double(block));
                 };
               },
               [](const OrderSensitiveSum&) {})
        .value;
  };
  const double one = sum_on(1);
  CHECK(std::isfinite(one));
  CHECK(sum_on(3) == one);
  CHECK(sum_on(2) == one);
}

TEST_CASE("ordered reduction: the first failure stops the work and is rethrown", "[engine]") {
  for (int threads = 1; threads <= 3; ++threads) {
    std::atomic<int> started{0};
    CHECK_THROWS_WITH(reduce_blocks_in_order(
                          10000, threads, BlockLog{},
                          [&] {
                            return [&](std::int64_t block, BlockLog&) {
                              ++started;
                              if (block == 5) throw std::runtime_error("block 5 failed");
                            };
                          },
                          [](const BlockLog&) {}),
                      "block 5 failed");
    // Workers stop: with a window of 4 x threads blocks, far fewer than all 10000 start.
    CHECK(started.load() < 100);
  }
}

TEST_CASE("ordered reduction: worker_count clamps to [1, blocks]", "[engine]") {
  CHECK(worker_count(8, 3) == 3);
  CHECK(worker_count(2, 100) == 2);
  CHECK(worker_count(0, 1) == 1);
  CHECK(worker_count(0, 1000) >= 1);
  CHECK(worker_count(5, 0) == 1);
}
