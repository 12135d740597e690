// Exact fractions in 64-bit integers or unbounded ones, and the integer check the exact
// enumeration runs on each equilibrium it finds (issue 20).
#include <catch2/catch.hpp>

#include <limits>
#include <vector>

#include "../../sim/solve/integer_equilibrium_check.hpp"
#include "parley/solve/exact_fraction.hpp"
#include "parley/solve/vertex_enumeration.hpp"

using parley::ExactFraction;
using parley::Rational;

TEST_CASE("exact fractions: text and value as Rational gives them, small or large", "[solve][nash][exact_fraction]") {
  CHECK(ExactFraction().text() == "0");
  CHECK(ExactFraction(1, 3).text() == "1/3");
  CHECK(ExactFraction(-7, 2).text() == "-7/2");
  CHECK(ExactFraction(5, 1).text() == "5");
  CHECK(ExactFraction(1, 3).value() == 1.0 / 3.0);
  const Rational huge = Rational(boost::multiprecision::cpp_int(1) << 90, 3);
  const ExactFraction big(huge);
  CHECK(big.text() == huge.str());
  CHECK(big.value() == huge.convert_to<double>());
  CHECK(big.rational() == huge);
  CHECK(ExactFraction(Rational(6, 4)) == ExactFraction(3, 2));
  // Beyond 2^53 a double cannot hold the numerator exactly: the value comes from Rational.
  const std::int64_t wide = (std::int64_t(1) << 60) + 1;
  CHECK(ExactFraction(wide, 3).value() == Rational(wide, 3).convert_to<double>());
  CHECK(ExactFraction(Rational(wide, 3)).text() == Rational(wide, 3).str());
}

TEST_CASE("checked 128-bit products: 64-bit factors multiply exactly, larger ones still overflow",
          "[solve][nash][exact_fraction]") {
  using parley::detail::CheckedInt128;
  const CheckedInt128 low(std::numeric_limits<std::int64_t>::min());
  CHECK((low * low).value == static_cast<parley::detail::NativeInt128>(1) << 126);
  const CheckedInt128 two_64 = CheckedInt128(std::int64_t(1) << 62) * CheckedInt128(4);
  CHECK_THROWS_AS(two_64 * two_64, parley::detail::IntegerOverflow);
  CHECK((two_64 * CheckedInt128(-3)).value == -3 * two_64.value);
  CHECK(parley::detail::integer_gcd(CheckedInt128(-12), CheckedInt128(18)).value == 6);
  CHECK(parley::detail::integer_gcd(CheckedInt128(0), CheckedInt128(7)).value == 7);
}

TEMPLATE_TEST_CASE("the integer equilibrium check accepts equilibria and rejects the rest", "[solve][nash][exact_fraction]",
                   parley::detail::CheckedInt128, parley::detail::BigInteger) {
  // Matching pennies with payoffs 1/2 and -1/2: the one equilibrium mixes half and half.
  parley::ExactBimatrix game;
  game.rows = 2;
  game.cols = 2;
  game.a = {Rational(1, 2), Rational(-1, 2), Rational(-1, 2), Rational(1, 2)};
  game.b = {Rational(-1, 2), Rational(1, 2), Rational(1, 2), Rational(-1, 2)};
  const parley::detail::IntegerEquilibriumCheck<TestType> check(game);
  parley::ExactExtremeEquilibrium e;
  CHECK(check.evaluate({TestType(3), TestType(3)}, {TestType(5), TestType(5)}, e));
  CHECK(e.x == std::vector<ExactFraction>{ExactFraction(1, 2), ExactFraction(1, 2)});
  CHECK(e.y == std::vector<ExactFraction>{ExactFraction(1, 2), ExactFraction(1, 2)});
  CHECK(e.payoffs[0].text() == "0");
  // No zeros, and both of the other player's strategies best responses: bits 2 and 3.
  CHECK(e.strategy_keys[0] == std::string(1, '\x0c'));
  CHECK(e.strategy_keys[1] == std::string(1, '\x0c'));
  // Player 2 would deviate from (heads, half-half); a negative weight is no distribution.
  CHECK_FALSE(check.evaluate({TestType(1), TestType(0)}, {TestType(1), TestType(1)}, e));
  CHECK_FALSE(check.evaluate({TestType(2), TestType(-1)}, {TestType(1), TestType(1)}, e));
  CHECK_FALSE(check.evaluate({TestType(0), TestType(0)}, {TestType(1), TestType(1)}, e));
}

TEST_CASE("maximal Nash subsets from edges: isolated equilibria and bicliques, as from the profiles",
          "[solve][nash][exact_fraction]") {
  // Equilibria 0, 2, 3, 5 form the biclique {x1, x2} x {y1, y2}; 1 is isolated; in the
  // component of x3, x4, y3, y4 (without the edge x3-y4) there are two: {x3, x4} x {y3} and
  // {x4} x {y3, y4}, which share equilibrium 6.
  const std::vector<std::pair<int, int>> edges{{1, 1}, {0, 0}, {1, 2}, {2, 1}, {3, 3}, {2, 2}, {4, 3}, {4, 4}};
  const std::vector<std::vector<int>> expected{{0, 2, 3, 5}, {1}, {4, 6}, {6, 7}};
  CHECK(parley::nash_subset_members_of_edges(edges) == expected);
  const auto pure = [](int k, int size) {
    Eigen::VectorXd v = Eigen::VectorXd::Zero(size);
    v(k) = 1.0;
    return v;
  };
  std::vector<parley::MixedProfile> profiles;
  for (const auto& [xi, yi] : edges) profiles.push_back({pure(xi, 5), pure(yi, 5)});
  CHECK(parley::nash_subset_members(profiles) == expected);
  CHECK(parley::nash_subset_members_of_edges({}).empty());
}
