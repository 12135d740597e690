// Support enumeration: the equilibria with equal-sized supports, found and only those.
#include <catch2/catch.hpp>

#include <random>

#include "gambit_reference.hpp"
#include "parley/solve/support_enumeration.hpp"
#include "parley/solve/vertex_enumeration.hpp"

namespace {

using parley::BimatrixGame;
using parley::MixedProfile;

int support_size(const Eigen::VectorXd& v) { return static_cast<int>((v.array() > 1e-12).count()); }

}  // namespace

TEST_CASE("support enumeration: battle of the sexes, pure equilibria first, then the mixed one",
          "[solve][nash]") {
  Eigen::MatrixXd a(2, 2);
  Eigen::MatrixXd b(2, 2);
  a << 2, 0, 0, 1;
  b << 1, 0, 0, 2;
  const auto eq = parley::equal_support_equilibria(BimatrixGame(a, b));
  REQUIRE(eq.size() == 3);
  CHECK(parley::profile_distance(eq[0], {Eigen::Vector2d(1, 0), Eigen::Vector2d(1, 0)}) == 0.0);
  CHECK(parley::profile_distance(eq[1], {Eigen::Vector2d(0, 1), Eigen::Vector2d(0, 1)}) == 0.0);
  CHECK(parley::profile_distance(
            eq[2], {Eigen::Vector2d(2.0 / 3, 1.0 / 3), Eigen::Vector2d(1.0 / 3, 2.0 / 3)}) < 1e-12);
}

TEST_CASE("support enumeration: a degenerate game's equilibria with unequal supports are missed",
          "[solve][nash]") {
  // von Stengel (2007), the degenerate 3x2 game: the end (1, 0, 0), (2/3, 1/3) of the
  // equilibrium segment has supports of sizes 1 and 2, so only the other two extreme
  // equilibria are found.
  Eigen::MatrixXd a(3, 2);
  Eigen::MatrixXd b(3, 2);
  a << 3, 3, 2, 5, 0, 6;
  b << 3, 3, 2, 6, 3, 1;
  const BimatrixGame game(a, b);
  const auto eq = parley::equal_support_equilibria(game);
  CHECK(parley::testing::same_profile_sets(
      eq,
      {{Eigen::Vector3d(1, 0, 0), Eigen::Vector2d(1, 0)},
       {Eigen::Vector3d(0, 1.0 / 3, 2.0 / 3), Eigen::Vector2d(1.0 / 3, 2.0 / 3)}},
      1e-12));
  CHECK(parley::extreme_equilibria(game).size() == 3);
}

TEST_CASE("support enumeration: random games, every report an equilibrium with equal supports",
          "[solve][nash]") {
  std::mt19937_64 rng(1951);
  std::uniform_real_distribution<double> uniform(-1.0, 1.0);
  for (int trial = 0; trial < 20; ++trial) {
    const int m = 2 + trial % 5;
    const int n = 2 + (trial * 3) % 5;
    Eigen::MatrixXd a(m, n);
    Eigen::MatrixXd b(m, n);
    for (int i = 0; i < m; ++i) {
      for (int j = 0; j < n; ++j) {
        a(i, j) = uniform(rng);
        b(i, j) = uniform(rng);
      }
    }
    const BimatrixGame game(a, b);
    std::vector<MixedProfile> reported;
    parley::enumerate_equal_support_equilibria(game, [&](const MixedProfile& p) { reported.push_back(p); });
    const auto listed = parley::equal_support_equilibria(game);
    REQUIRE(reported.size() == listed.size());
    CHECK(reported.size() % 2 == 1);
    for (std::size_t k = 0; k < listed.size(); ++k) {
      CHECK(parley::profile_distance(reported[k], listed[k]) == 0.0);
      CHECK(parley::is_nash_equilibrium(game, listed[k], 1e-10));
      CHECK(support_size(listed[k].x) == support_size(listed[k].y));
    }
  }
}
