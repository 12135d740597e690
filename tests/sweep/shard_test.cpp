#include <catch2/catch.hpp>

#include <set>

#include "parley/sweep/metric_selection.hpp"
#include "parley/sweep/shard.hpp"

using namespace parley::sweep;

TEST_CASE("Shards partition the design round-robin", "[sweep]") {
  const std::uint64_t size = 103;
  for (const std::uint64_t n : {1u, 2u, 4u, 7u, 200u}) {
    std::set<std::uint64_t> all;
    std::size_t total = 0;
    for (std::uint64_t k = 1; k <= n; ++k) {
      const auto points = shard_points(size, Shard{k, n});
      total += points.size();
      // Round-robin: shard sizes differ by at most one.
      CHECK(points.size() >= size / n);
      CHECK(points.size() <= size / n + 1);
      for (const auto p : points) {
        CHECK(p % n == k - 1);
        CHECK(Shard{k, n}.contains(p));
        all.insert(p);
      }
    }
    CHECK(total == size);
    CHECK(all.size() == size);
  }
  CHECK_THROWS_AS(shard_points(10, Shard{0, 3}), std::invalid_argument);
  CHECK_THROWS_AS(shard_points(10, Shard{4, 3}), std::invalid_argument);
}

TEST_CASE("Metric patterns select in the metrics' order and reject what matches nothing", "[sweep]") {
  const std::vector<std::string> names = {"outcomes.settled", "outcomes.frozen", "parties.russia.utility.mean",
                                          "parties.russia.utility.se", "parties.ukraine.utility.mean"};
  CHECK(matches_pattern("parties.*.utility.mean", "parties.russia.utility.mean"));
  CHECK_FALSE(matches_pattern("parties.*.utility.mean", "parties.russia.utility.se"));
  CHECK(matches_pattern("*", ""));
  CHECK(matches_pattern("a*b*c", "aXXbYbc"));
  CHECK_FALSE(matches_pattern("a*b*c", "aXXbYbcd"));
  CHECK(select_metrics(names, {}) == std::vector<std::size_t>{0, 1, 2, 3, 4});
  CHECK(select_metrics(names, {"parties.*.utility.mean", "outcomes.settled"}) == std::vector<std::size_t>{0, 2, 4});
  CHECK(select_metrics(names, {"outcomes.*", "outcomes.settled"}) == std::vector<std::size_t>{0, 1});
  CHECK_THROWS_WITH(select_metrics(names, {"outcome.settled", "parties.*"}), Catch::Contains("outcome.settled") &&
                                                                                  !Catch::Contains("parties.*,"));
}
