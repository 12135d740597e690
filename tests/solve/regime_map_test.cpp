// Regime maps (issue 17): the answer at each grid value, and bisection to a stated bracket
// where it changes; tested on an oracle whose boundaries are known exactly.
#include <catch2/catch.hpp>

#include <stdexcept>
#include <vector>

#include "parley/solve/regime_map.hpp"

using namespace parley;

namespace {

// A 2 x 2 answer whose row player's best reply to column 0 is strategy 0 below `flip` and
// strategy 1 from it on; its best reply to column 1 is always 0; the column player's replies
// are fixed. The supports follow the row player's first reply.
RegimeAnswer answer_at(double x, double flip) {
  RegimeAnswer a;
  const int reply = x < flip ? 0 : 1;
  a.set.ties[0] = {{reply}, {0}};
  a.set.ties[1] = {{0}, {1}};
  a.set.supports = {{std::vector<int>{reply}, std::vector<int>{0}}};
  a.runs = 1;
  return a;
}

}  // namespace

TEST_CASE("regime map: bisection brackets a known boundary to the tolerance", "[regime]") {
  const double flip = 0.3137;
  int calls = 0;
  const RegimeOracle oracle = [&](double x) {
    ++calls;
    return answer_at(x, flip);
  };
  const std::vector<double> grid{0.0, 0.25, 0.5, 0.75, 1.0};
  const RegimeMap map = map_regimes(grid, oracle, 0.01);
  REQUIRE(map.points.size() == 5);
  // The supports and the row player's reply to column 0 change in the cell [0.25, 0.5]; nothing
  // else changes anywhere.
  REQUIRE(map.boundaries.size() == 2);
  for (const RegimeBoundary& b : map.boundaries) {
    CHECK(b.cell == 1);
    CHECK(b.low < flip);
    CHECK(b.high >= flip);
    CHECK(b.high - b.low <= 0.01);
    CHECK(std::abs(b.at() - flip) <= b.plus_minus());
    CHECK(b.before.set.ties[0][0] == std::vector<int>{0});
    CHECK(b.after.set.ties[0][0] == std::vector<int>{1});
  }
  CHECK(map.boundaries[0].feature.equilibria);
  CHECK(map.boundaries[1].feature == RegimeFeature{false, 0, 0});
  // 0.25 wide to 0.01: five halvings, shared by the two features of the cell.
  CHECK(map.evaluations == 5 + 5);
  CHECK(calls == map.evaluations);

  // Tolerance 0: the grid's cell is the bracket.
  const RegimeMap coarse = map_regimes(grid, oracle, 0.0);
  REQUIRE(coarse.boundaries.size() == 2);
  CHECK(coarse.boundaries[0].low == 0.25);
  CHECK(coarse.boundaries[0].high == 0.5);
  CHECK(coarse.evaluations == 5);
}

TEST_CASE("regime map: no boundary where nothing changes, and bad grids are refused", "[regime]") {
  const RegimeOracle constant = [](double) { return answer_at(0.0, 10.0); };
  CHECK(map_regimes({0.0, 1.0, 2.0}, constant, 0.1).boundaries.empty());
  CHECK_THROWS_AS(map_regimes({0.0}, constant, 0.1), std::invalid_argument);
  CHECK_THROWS_AS(map_regimes({0.0, 0.0}, constant, 0.1), std::invalid_argument);
  CHECK_THROWS_AS(map_regimes({1.0, 0.0}, constant, 0.1), std::invalid_argument);
}
