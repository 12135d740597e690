// Lemke-Howson: one equilibrium per missing label, on textbook, degenerate, Gambit's and
// random games; every result checked by best responses or against the full set.
#include <catch2/catch.hpp>

#include <random>

#include "gambit_reference.hpp"
#include "parley/io/interop/nfg_format.hpp"
#include "parley/solve/lemke_howson.hpp"
#include "parley/solve/vertex_enumeration.hpp"

namespace {

using parley::BimatrixGame;
using parley::MixedProfile;

BimatrixGame uniform_random_game(std::mt19937_64& rng, int m, int n) {
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  Eigen::MatrixXd a(m, n);
  Eigen::MatrixXd b(m, n);
  for (int i = 0; i < m; ++i) {
    for (int j = 0; j < n; ++j) {
      a(i, j) = uniform(rng);
      b(i, j) = uniform(rng);
    }
  }
  return BimatrixGame(a, b);
}

}  // namespace

TEST_CASE("Lemke-Howson: matching pennies from every label ends at the mixed equilibrium", "[solve][nash]") {
  Eigen::MatrixXd a(2, 2);
  a << 1, -1, -1, 1;
  const BimatrixGame game(a, -a);
  for (int label = 0; label < 4; ++label) {
    const MixedProfile p = parley::lemke_howson(game, label);
    CHECK((p.x - Eigen::Vector2d(0.5, 0.5)).cwiseAbs().maxCoeff() < 1e-12);
    CHECK((p.y - Eigen::Vector2d(0.5, 0.5)).cwiseAbs().maxCoeff() < 1e-12);
  }
}

TEST_CASE("Lemke-Howson: battle of the sexes reaches a pure equilibrium from the artificial one",
          "[solve][nash]") {
  Eigen::MatrixXd a(2, 2);
  Eigen::MatrixXd b(2, 2);
  a << 2, 0, 0, 1;
  b << 1, 0, 0, 2;
  const BimatrixGame game(a, b);
  // Shapley (1974): the paths from the artificial equilibrium end at equilibria of the
  // opposite index to it, here the two pure ones; the mixed one (2/3, 1/3), (1/3, 2/3) is
  // reached from the pure ones only.
  const auto found = parley::lemke_howson_equilibria(game);
  REQUIRE(found.size() == 2);
  for (const auto& p : found) {
    CHECK(parley::regret(game, p) == 0.0);
    CHECK(p.x.maxCoeff() == 1.0);
    CHECK(p.y.maxCoeff() == 1.0);
  }
  // Dropping label 0 (player 1's first strategy) from (0, 0): player 1 picks it, player 2
  // best-responds with her first strategy, which player 1 already plays against.
  const MixedProfile first = parley::lemke_howson(game, 0);
  CHECK(first.x(0) == 1.0);
  CHECK(first.y(0) == 1.0);
}

TEST_CASE("Lemke-Howson: prisoners' dilemma ends at mutual defection from every label", "[solve][nash]") {
  Eigen::MatrixXd a(2, 2);
  a << 3, 0, 5, 1;
  const BimatrixGame game(a, a.transpose());
  for (int label = 0; label < 4; ++label) {
    const MixedProfile p = parley::lemke_howson(game, label);
    CHECK(p.x(1) == 1.0);
    CHECK(p.y(1) == 1.0);
  }
}

TEST_CASE("Lemke-Howson: every start on every Gambit game ends at one of enummixed's equilibria",
          "[solve][nash]") {
  // The degenerate games among them (deg1, deg2, csg1, csg2, zero, winkels, ...) need the
  // lexicographic rule to terminate.
  for (const auto& c : parley::testing::gambit_enummixed_cases()) {
    INFO(c.entry);
    const BimatrixGame game = parley::io::to_bimatrix_game(parley::io::read_nfg_file(c.nfg));
    for (int label = 0; label < game.rows() + game.cols(); ++label) {
      INFO("missing label " << label);
      const MixedProfile p = parley::lemke_howson(game, label);
      CHECK(parley::regret(game, p) < 1e-9);
      CHECK(std::any_of(c.equilibria.begin(), c.equilibria.end(),
                        [&](const MixedProfile& q) { return parley::profile_distance(p, q) < 1e-6; }));
    }
  }
}

TEST_CASE("Lemke-Howson: Wilson's game hides two of its three equilibria from every start", "[solve][nash]") {
  // Shapley (1974), "A note on the Lemke-Howson algorithm": in Wilson's 3x3 game only one
  // equilibrium is reachable from the artificial equilibrium (Gambit's sh3.nfg).
  const auto game = parley::io::to_bimatrix_game(
      parley::io::read_nfg_file(parley::testing::gambit_dir() / "games" / "sh3.nfg"));
  const auto all = parley::extreme_equilibria(game);
  REQUIRE(all.size() == 3);
  CHECK(parley::lemke_howson_equilibria(game).size() == 1);
}

TEST_CASE("Lemke-Howson: random 20x20 games give equilibria from every label", "[solve][nash]") {
  std::mt19937_64 rng(1964);
  for (int trial = 0; trial < 5; ++trial) {
    const BimatrixGame game = uniform_random_game(rng, 20, 20);
    for (int label = 0; label < 40; ++label) {
      const MixedProfile p = parley::lemke_howson(game, label);
      INFO("trial " << trial << ", label " << label);
      CHECK(parley::is_nash_equilibrium(game, p, 1e-10));
    }
  }
  // Rectangular games too.
  const BimatrixGame wide = uniform_random_game(rng, 5, 17);
  for (int label = 0; label < 22; ++label)
    CHECK(parley::is_nash_equilibrium(wide, parley::lemke_howson(wide, label), 1e-10));
}

TEST_CASE("Lemke-Howson: a missing label out of range is refused", "[solve][nash]") {
  const BimatrixGame game(Eigen::MatrixXd::Ones(2, 3), Eigen::MatrixXd::Ones(2, 3));
  CHECK_THROWS_AS(parley::lemke_howson(game, 5), std::invalid_argument);
  CHECK_THROWS_AS(parley::lemke_howson(game, -1), std::invalid_argument);
  CHECK(parley::is_nash_equilibrium(game, parley::lemke_howson(game, 4), 0.0));
}
