// The one tie rule of every utility comparison (DESIGN 1.9): values the same up to rounding are
// ties, ties go to acceptance, and the tolerance scales with the utilities compared.
#include <catch2/catch.hpp>

#include <limits>

#include "parley/model/utility_tolerance.hpp"

using namespace parley;

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
constexpr double kEps = std::numeric_limits<double>::epsilon();

}  // namespace

TEST_CASE("tie_tolerance: 4096 eps, scaled by the larger utility beyond 1", "[model][ties]") {
  CHECK(tie_tolerance(0.0, 0.0) == 4096.0 * kEps);
  CHECK(tie_tolerance(0.5, -0.25) == 4096.0 * kEps);
  CHECK(tie_tolerance(-3.0, 2.0) == 3.0 * 4096.0 * kEps);
  CHECK(tie_tolerance(1e6, 1.0) == 1e6 * 4096.0 * kEps);
  // An unbounded value is compared exactly.
  CHECK(tie_tolerance(-kInfinity, 0.5) == 0.0);
  CHECK(tie_tolerance(0.5, kInfinity) == 0.0);
}

TEST_CASE("Rounding is a tie: 0.9 x 0.2 against 0.18, 0.1 + 0.2 against 0.3", "[model][ties]") {
  const double floor = 0.9 * 0.2;  // 0.18000000000000002
  const double offer = 0.18;       // 0.17999999999999999
  REQUIRE(offer < floor);          // what an exact comparison gets wrong
  CHECK(worth_at_least(offer, floor));
  CHECK(worth_at_least(floor, offer));
  CHECK(same_utility(offer, floor));
  CHECK_FALSE(worth_more(floor, offer));
  CHECK_FALSE(worth_more(offer, floor));

  const double sum = 0.1 + 0.2;
  REQUIRE(sum != 0.3);
  CHECK(same_utility(sum, 0.3));
  CHECK(worth_at_least(0.3, sum));
  CHECK_FALSE(worth_more(sum, 0.3));
}

TEST_CASE("A cent is not a tie, at any scale", "[model][ties]") {
  CHECK_FALSE(worth_at_least(0.17, 0.18));
  CHECK(worth_more(0.19, 0.18));
  CHECK_FALSE(same_utility(0.17, 0.18));
  // Just beyond the tolerance is a difference; just within it is not.
  CHECK(worth_more(4096.0 * kEps * 1.5, 0.0));
  CHECK_FALSE(worth_more(4096.0 * kEps * 0.5, 0.0));
  // Relative for large utilities: 1e6 + 1e-7 is the same as 1e6, 1e6 + 1e-3 is more.
  CHECK(same_utility(1e6 + 1e-7, 1e6));
  CHECK(worth_more(1e6 + 1e-3, 1e6));
  CHECK_FALSE(worth_at_least(1e6 - 1e-3, 1e6));
}

TEST_CASE("worth_more is the negation of worth_at_least the other way", "[model][ties]") {
  for (double a : {-1.0, 0.0, 0.18, 0.9 * 0.2, 0.3, 0.1 + 0.2, 1.0, 2.5})
    for (double b : {-1.0, 0.0, 0.18, 0.9 * 0.2, 0.3, 0.1 + 0.2, 1.0, 2.5}) {
      INFO(a << " vs " << b);
      CHECK(worth_more(a, b) == !worth_at_least(b, a));
      CHECK(same_utility(a, b) == (worth_at_least(a, b) && worth_at_least(b, a)));
    }
}

TEST_CASE("Infinite floors and NaN", "[model][ties]") {
  // A floor of -infinity binds nothing; -infinity meets no finite floor.
  CHECK(worth_at_least(0.0, -kInfinity));
  CHECK(worth_at_least(-1e300, -kInfinity));
  CHECK_FALSE(worth_at_least(-kInfinity, 0.0));
  CHECK(worth_at_least(-kInfinity, -kInfinity));
  CHECK(same_utility(kInfinity, kInfinity));
  CHECK_FALSE(same_utility(kInfinity, 1e308));
  CHECK(worth_more(0.0, -kInfinity));
  const double nan = std::numeric_limits<double>::quiet_NaN();
  CHECK_FALSE(worth_at_least(nan, 0.0));
  CHECK_FALSE(worth_at_least(0.0, nan));
  CHECK_FALSE(worth_more(nan, 0.0));
  CHECK_FALSE(same_utility(nan, nan));
}
