// Grid, random, Latin hypercube and Saltelli designs: sizes, order, bounds, stratification and
// reproducibility from the base seed alone.
#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <set>

#include "parley/sweep/design.hpp"

#include "varied_parameters.hpp"

using namespace parley::sweep;
using parley::testing::levels;
using parley::testing::range;

namespace {

SweepSpec sampled(DesignKind kind, std::uint64_t samples, std::uint64_t seed) {
  SweepSpec spec;
  spec.design = kind;
  spec.samples = samples;
  spec.seed = seed;
  spec.parameters = {range("x", -2.0, 3.0), range("y", 0.0, 1e-3), levels("s", {"prolonged", "quick", "linear"})};
  return spec;
}

}  // namespace

TEST_CASE("A grid lists every combination, first parameter slowest", "[sweep]") {
  SweepSpec spec;
  spec.parameters = {levels("a", {"1", "2"}), levels("b", {"x", "y", "z"})};
  const Design design(spec);
  REQUIRE(design.size() == 6);
  const std::vector<std::vector<std::string>> expected = {{"1", "x"}, {"1", "y"}, {"1", "z"},
                                                          {"2", "x"}, {"2", "y"}, {"2", "z"}};
  for (std::uint64_t p = 0; p < 6; ++p) {
    CHECK(design.point(p).id == p);
    CHECK(design.point(p).values == expected[p]);
  }
  CHECK_THROWS_AS(design.point(6), std::out_of_range);
}

TEST_CASE("An invalid spec gives no design", "[sweep]") {
  SweepSpec spec;
  spec.parameters = {range("a", 0, 1)};
  CHECK_THROWS_WITH(Design(spec), Catch::Contains("a grid needs values"));
}

TEST_CASE("Random designs: size, bounds, reproducible from the seed, extendable", "[sweep]") {
  const Design design(sampled(DesignKind::random, 500, 7));
  REQUIRE(design.size() == 500);
  std::set<std::string> strategies;
  double x_min = 1e9, x_max = -1e9;
  for (std::uint64_t p = 0; p < design.size(); ++p) {
    const auto point = design.point(p);
    const double x = std::stod(point.values[0]);
    const double y = std::stod(point.values[1]);
    CHECK((x >= -2.0 && x < 3.0));
    CHECK((y >= 0.0 && y < 1e-3));
    x_min = std::min(x_min, x);
    x_max = std::max(x_max, x);
    strategies.insert(point.values[2]);
    // The value text is exact: it reads back as the mapped unit coordinate.
    CHECK(x == -2.0 + design.unit_point(p)[0] * 5.0);
  }
  CHECK(strategies == std::set<std::string>{"prolonged", "quick", "linear"});
  // 500 uniform points leave gaps of about 5/500 at the ends.
  CHECK(x_min < -1.9);
  CHECK(x_max > 2.9);

  const Design again(sampled(DesignKind::random, 500, 7));
  const Design larger(sampled(DesignKind::random, 800, 7));
  const Design other(sampled(DesignKind::random, 500, 8));
  for (std::uint64_t p = 0; p < 500; ++p) {
    CHECK(again.point(p).values == design.point(p).values);
    CHECK(larger.point(p).values == design.point(p).values);
  }
  CHECK(other.point(0).values != design.point(0).values);
}

TEST_CASE("Random design coordinates are uniform (mean and variance within 4 standard errors)", "[sweep]") {
  const std::uint64_t n = 20000;
  double sum = 0, squares = 0;
  for (std::uint64_t p = 0; p < n; ++p) {
    const double u = random_unit_point(3, p, 1)[0];
    sum += u;
    squares += u * u;
  }
  const double mean = sum / n;
  const double variance = squares / n - mean * mean;
  // Uniform(0,1): mean 1/2 with variance 1/12, so the standard error of the mean is sqrt(1/(12 n)).
  CHECK(std::abs(mean - 0.5) < 4 * std::sqrt(1.0 / (12.0 * n)));
  // The sample variance's standard error is sqrt((mu4 - sigma^4) / n) with mu4 = 1/80.
  CHECK(std::abs(variance - 1.0 / 12) < 4 * std::sqrt((1.0 / 80 - 1.0 / 144) / n));
}

TEST_CASE("Latin hypercube: one point per stratum in every column", "[sweep]") {
  for (const std::uint64_t n : {1u, 2u, 7u, 64u, 1000u}) {
    const LatinHypercube lhs(n, 4, 11);
    for (std::size_t j = 0; j < 4; ++j) {
      std::set<std::uint64_t> strata;
      for (std::uint64_t i = 0; i < n; ++i) {
        const double u = lhs.point(i)[j];
        const auto k = static_cast<std::uint64_t>(u * static_cast<double>(n));
        CHECK(k == lhs.stratum(i, j));
        CHECK((u >= 0.0 && u < 1.0));
        strata.insert(k);
      }
      CHECK(strata.size() == n);
    }
  }
}

TEST_CASE("LHS designs stratify each range parameter and depend only on the seed", "[sweep]") {
  const std::uint64_t n = 50;
  const Design design(sampled(DesignKind::latin_hypercube, n, 5));
  REQUIRE(design.size() == n);
  std::set<int> x_strata, y_strata;
  std::map<std::string, int> strategy_counts;
  for (std::uint64_t p = 0; p < n; ++p) {
    const auto point = design.point(p);
    x_strata.insert(static_cast<int>((std::stod(point.values[0]) + 2.0) / 5.0 * n));
    y_strata.insert(static_cast<int>(std::stod(point.values[1]) / 1e-3 * n));
    ++strategy_counts[point.values[2]];
  }
  CHECK(x_strata.size() == n);
  CHECK(y_strata.size() == n);
  // Three levels over 50 strata: a level gets the strata inside its third of [0, 1) (16) and
  // perhaps the one stratum cut by each of its ends, so 16 to 18 points; simple random sampling
  // would spread the counts over 50/3 -+ 3.3 (one standard deviation).
  for (const auto& [name, count] : strategy_counts) CHECK((count >= 16 && count <= 18));

  const Design same(sampled(DesignKind::latin_hypercube, n, 5));
  const Design other(sampled(DesignKind::latin_hypercube, n, 6));
  bool differs = false;
  for (std::uint64_t p = 0; p < n; ++p) {
    CHECK(same.point(p).values == design.point(p).values);
    differs = differs || other.point(p).values != design.point(p).values;
  }
  CHECK(differs);
}

TEST_CASE("Saltelli design: A, B and A_B^(i) rows of a 2d-dimensional Sobol sequence", "[sweep]") {
  const std::size_t d = 3;
  const SobolSequence sequence(2 * d);
  for (std::uint64_t j = 0; j < 16; ++j) {
    const auto base = sequence.point(j);
    const std::vector<double> a(base.begin(), base.begin() + d), b(base.begin() + d, base.end());
    const std::uint64_t first = j * (d + 2);
    CHECK(saltelli_point(sequence, first) == a);
    CHECK(saltelli_point(sequence, first + 1) == b);
    for (std::size_t i = 0; i < d; ++i) {
      auto ab = a;
      ab[i] = b[i];
      CHECK(saltelli_point(sequence, first + 2 + i) == ab);
      const auto position = saltelli_position(first + 2 + i, d);
      CHECK(position.sample == j);
      CHECK(position.matrix == SaltelliPosition::Matrix::a_with_b_column);
      CHECK(position.column == i);
    }
  }
  auto spec = sampled(DesignKind::sobol, 32, 1);
  const Design design(spec);
  CHECK(design.size() == 32 * (spec.parameters.size() + 2));
  // A Sobol design has no randomness: the seed does not change it.
  spec.seed = 99;
  const Design reseeded(spec);
  for (std::uint64_t p = 0; p < design.size(); ++p) CHECK(reseeded.point(p).values == design.point(p).values);
}

TEST_CASE("value_at splits the unit interval evenly between levels and maps ranges linearly", "[sweep]") {
  const auto s = levels("s", {"a", "b", "c", "d"});
  CHECK(value_at(s, 0.0) == "a");
  CHECK(value_at(s, 0.2499) == "a");
  CHECK(value_at(s, 0.25) == "b");
  CHECK(value_at(s, 0.75) == "d");
  CHECK(value_at(s, 0.9999999) == "d");
  const auto r = range("r", -1.0, 1.0);
  CHECK(value_at(r, 0.0) == "-1");
  CHECK(value_at(r, 0.5) == "0");
  CHECK(value_at(r, 0.75) == "0.5");
}
