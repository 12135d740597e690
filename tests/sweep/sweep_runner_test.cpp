#include <catch2/catch.hpp>

#include <algorithm>
#include <mutex>
#include <thread>

#include "analytic_evaluator.hpp"
#include "parley/sweep/process_group.hpp"
#include "parley/sweep/sweep_runner.hpp"

using namespace parley::sweep;

namespace {

SweepSpec grid_spec() {
  SweepSpec spec;
  VariedParameter x, y;
  x.path = "x";
  x.levels = evenly_spaced_levels(-1, 1, 9);
  y.path = "y";
  y.levels = evenly_spaced_levels(0, 2, 5);
  spec.parameters = {x, y};
  spec.seed = 42;
  return spec;
}

std::vector<PointResult> run(const Design& design, const PointEvaluator& evaluator, unsigned threads) {
  std::vector<std::uint64_t> points(design.size());
  for (std::uint64_t p = 0; p < design.size(); ++p) points[p] = p;
  std::vector<PointResult> rows;
  evaluate_points(design, points, evaluator, threads, [&](PointResult&& row) { rows.push_back(std::move(row)); });
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.point < b.point; });
  return rows;
}

}  // namespace

TEST_CASE("Rows do not depend on the number of threads", "[sweep]") {
  const Design design(grid_spec());
  const auto evaluator = parley::testing::analytic_evaluator(42, 50, 2.0);
  const auto one = run(design, evaluator, 1);
  const auto three = run(design, evaluator, 3);
  REQUIRE(one.size() == design.size());
  // Bit for bit (NaN metrics included): compare the rows' encodings.
  for (std::size_t i = 0; i < one.size(); ++i) CHECK(encode_row(one[i]) == encode_row(three[i]));
  // Each row is the evaluator's value at its point: x + y/2 up to Monte Carlo error, x y exactly.
  for (const auto& row : one) {
    const auto point = design.point(row.point);
    const double x = std::stod(point.values[0]), y = std::stod(point.values[1]);
    if (x + y > 2.0) {
      CHECK(row.status == PointStatus::invalid);
      CHECK(row.metrics.empty());
      CHECK_THAT(row.message, Catch::Contains("above 2"));
      continue;
    }
    REQUIRE(row.status == PointStatus::ok);
    CHECK(row.metrics[1] == x * y);
    // 50 uniforms: standard error y / sqrt(12 * 50).
    CHECK(std::abs(row.metrics[0] - (x + y / 2)) <= 4 * y / std::sqrt(600.0));
  }
}

TEST_CASE("A failing evaluation is a row, not the end of the sweep", "[sweep]") {
  const Design design(grid_spec());
  PointEvaluator evaluator;
  evaluator.metric_names = {"m"};
  evaluator.evaluate = [](const DesignPoint& point) -> std::vector<double> {
    if (point.id == 3) throw std::runtime_error("engine failure");
    if (point.id == 4) return {1.0, 2.0};  // wrong number of metrics
    if (point.id == 5) throw 17;
    return {static_cast<double>(point.id)};
  };
  const auto rows = run(design, evaluator, 2);
  REQUIRE(rows.size() == design.size());
  CHECK(rows[3].status == PointStatus::error);
  CHECK(rows[3].message == "engine failure");
  CHECK(rows[4].status == PointStatus::error);
  CHECK_THAT(rows[4].message, Catch::Contains("2 metrics instead of 1"));
  CHECK(rows[5].status == PointStatus::error);
  CHECK(rows[6].status == PointStatus::ok);
  CHECK(rows[6].metrics == std::vector<double>{6.0});
}

TEST_CASE("A sink failure stops the sweep and is rethrown", "[sweep]") {
  const Design design(grid_spec());
  const auto evaluator = parley::testing::analytic_evaluator(1, 1);
  std::vector<std::uint64_t> points(design.size());
  for (std::uint64_t p = 0; p < design.size(); ++p) points[p] = p;
  std::size_t written = 0;
  CHECK_THROWS_WITH(evaluate_points(design, points, evaluator, 3,
                                    [&](PointResult&&) {
                                      if (++written == 5) throw std::runtime_error("disk full");
                                    }),
                    "disk full");
  CHECK(written == 5);
}

TEST_CASE("Only the listed points are evaluated, each once", "[sweep]") {
  const Design design(grid_spec());
  const auto evaluator = parley::testing::analytic_evaluator(1, 1);
  const std::vector<std::uint64_t> points = {44, 0, 17, 3};
  std::vector<std::uint64_t> seen;
  evaluate_points(design, points, evaluator, 4, [&](PointResult&& row) { seen.push_back(row.point); });
  std::sort(seen.begin(), seen.end());
  CHECK(seen == std::vector<std::uint64_t>{0, 3, 17, 44});
}
