// All extreme equilibria by vertex enumeration: textbook games with known equilibria,
// degenerate games with continua, random games against independent methods, and every
// two-player game Gambit's `enummixed` solved.
#include <catch2/catch.hpp>

#include <random>

#include "gambit_reference.hpp"
#include "parley/io/interop/nfg_format.hpp"
#include "parley/io/report/nash_solution.hpp"
#include "parley/solve/lemke_howson.hpp"
#include "parley/solve/support_enumeration.hpp"
#include "parley/solve/vertex_enumeration.hpp"

namespace {

using parley::BimatrixGame;
using parley::MixedProfile;

MixedProfile profile(std::initializer_list<double> x, std::initializer_list<double> y) {
  MixedProfile p{Eigen::VectorXd(static_cast<Eigen::Index>(x.size())),
                 Eigen::VectorXd(static_cast<Eigen::Index>(y.size()))};
  Eigen::Index k = 0;
  for (const double v : x) p.x(k++) = v;
  k = 0;
  for (const double v : y) p.y(k++) = v;
  return p;
}

Eigen::MatrixXd matrix(int rows, int cols, std::initializer_list<double> entries) {
  Eigen::MatrixXd m(rows, cols);
  auto it = entries.begin();
  for (int i = 0; i < rows; ++i) {
    for (int j = 0; j < cols; ++j) m(i, j) = *it++;
  }
  return m;
}

/// A random game with payoffs uniform on [0, 1) (nondegenerate with probability one) or, if
/// `levels` > 0, drawn from {0, ..., levels - 1} (degenerate more often than not).
BimatrixGame random_game(std::mt19937_64& rng, int m, int n, int levels = 0) {
  Eigen::MatrixXd a(m, n);
  Eigen::MatrixXd b(m, n);
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  for (int i = 0; i < m; ++i) {
    for (int j = 0; j < n; ++j) {
      a(i, j) = levels > 0 ? std::floor(uniform(rng) * levels) : uniform(rng);
      b(i, j) = levels > 0 ? std::floor(uniform(rng) * levels) : uniform(rng);
    }
  }
  return BimatrixGame(a, b);
}

/// Vertices of {z >= 0 : M z <= 1} by brute force: every choice of d tight constraints out
/// of d + k, solved and kept when feasible. Independent of the solver's pivoting; only for
/// small polytopes (C(d + k, d) systems). Returns (point, tight-label mask) pairs, where
/// label_of_z and label_of_row give the labels of z_c >= 0 and of row r.
struct BruteVertex {
  Eigen::VectorXd point;
  std::vector<bool> labels;
};
std::vector<BruteVertex> brute_force_vertices(const Eigen::MatrixXd& mat, const std::vector<int>& label_of_z,
                                              const std::vector<int>& label_of_row, int total_labels) {
  const int k = static_cast<int>(mat.rows());
  const int d = static_cast<int>(mat.cols());
  std::vector<BruteVertex> vertices;
  std::vector<bool> choose(static_cast<std::size_t>(d + k), false);
  std::fill(choose.begin(), choose.begin() + d, true);
  std::sort(choose.begin(), choose.end());
  do {
    // Constraint c < d is z_c = 0; c >= d is row c - d of M z = 1.
    Eigen::MatrixXd system = Eigen::MatrixXd::Zero(d, d);
    Eigen::VectorXd rhs = Eigen::VectorXd::Zero(d);
    int r = 0;
    for (int c = 0; c < d + k; ++c) {
      if (!choose[static_cast<std::size_t>(c)]) continue;
      if (c < d) {
        system(r, c) = 1.0;
      } else {
        system.row(r) = mat.row(c - d);
        rhs(r) = 1.0;
      }
      ++r;
    }
    const Eigen::FullPivLU<Eigen::MatrixXd> lu(system);
    if (!lu.isInvertible()) continue;
    const Eigen::VectorXd z = lu.solve(rhs);
    const Eigen::VectorXd slack = Eigen::VectorXd::Ones(k) - mat * z;
    if (z.minCoeff() < -1e-9 || slack.minCoeff() < -1e-9) continue;
    bool known = false;
    for (const auto& v : vertices) known = known || (v.point - z).cwiseAbs().maxCoeff() < 1e-9;
    if (known) continue;
    std::vector<bool> labels(static_cast<std::size_t>(total_labels), false);
    for (int c = 0; c < d; ++c) {
      if (std::abs(z(c)) < 1e-9)
        labels[static_cast<std::size_t>(label_of_z[static_cast<std::size_t>(c)])] = true;
    }
    for (int row = 0; row < k; ++row) {
      if (std::abs(slack(row)) < 1e-9)
        labels[static_cast<std::size_t>(label_of_row[static_cast<std::size_t>(row)])] = true;
    }
    vertices.push_back({z, labels});
  } while (std::next_permutation(choose.begin(), choose.end()));
  return vertices;
}

/// Extreme equilibria by brute-force vertex enumeration of both polytopes (payoffs shifted
/// by 1 - min, a different normalisation from the solver's).
std::vector<MixedProfile> brute_force_extreme_equilibria(const BimatrixGame& game) {
  const int m = game.rows();
  const int n = game.cols();
  const Eigen::MatrixXd a = game.a().array() - game.a().minCoeff() + 1.0;
  const Eigen::MatrixXd b = game.b().array() - game.b().minCoeff() + 1.0;
  std::vector<int> x_labels(static_cast<std::size_t>(m));
  std::vector<int> x_row_labels(static_cast<std::size_t>(n));
  for (int i = 0; i < m; ++i) x_labels[static_cast<std::size_t>(i)] = i;
  for (int j = 0; j < n; ++j) x_row_labels[static_cast<std::size_t>(j)] = m + j;
  const auto p = brute_force_vertices(b.transpose(), x_labels, x_row_labels, m + n);
  const auto q = brute_force_vertices(a, x_row_labels, x_labels, m + n);
  std::vector<MixedProfile> equilibria;
  for (const auto& xv : p) {
    if (xv.point.sum() < 1e-9) continue;
    for (const auto& yv : q) {
      if (yv.point.sum() < 1e-9) continue;
      bool complete = true;
      for (int l = 0; l < m + n; ++l)
        complete =
            complete && (xv.labels[static_cast<std::size_t>(l)] || yv.labels[static_cast<std::size_t>(l)]);
      if (complete) equilibria.push_back({xv.point / xv.point.sum(), yv.point / yv.point.sum()});
    }
  }
  return equilibria;
}

}  // namespace

TEST_CASE("vertex enumeration: matching pennies has one equilibrium, both mix 1/2-1/2", "[solve][nash]") {
  const Eigen::MatrixXd a = matrix(2, 2, {1, -1, -1, 1});
  const auto eq = parley::extreme_equilibria(BimatrixGame(a, -a));
  REQUIRE(eq.size() == 1);
  CHECK(parley::profile_distance(eq[0], profile({0.5, 0.5}, {0.5, 0.5})) < 1e-12);
}

TEST_CASE("vertex enumeration: battle of the sexes has its three equilibria", "[solve][nash]") {
  // Player 1 prefers the first event (2 vs 1), player 2 the second. The mixed equilibrium
  // makes the opponent indifferent: x1 * 1 = x2 * 2 gives x = (2/3, 1/3); 2 y1 = y2 gives
  // y = (1/3, 2/3).
  const BimatrixGame game(matrix(2, 2, {2, 0, 0, 1}), matrix(2, 2, {1, 0, 0, 2}));
  const auto eq = parley::extreme_equilibria(game);
  REQUIRE(eq.size() == 3);
  CHECK(parley::testing::same_profile_sets(
      eq, {profile({1, 0}, {1, 0}), profile({0, 1}, {0, 1}), profile({2.0 / 3, 1.0 / 3}, {1.0 / 3, 2.0 / 3})},
      1e-12));
  const auto mixed =
      std::find_if(eq.begin(), eq.end(), [](const MixedProfile& p) { return p.x(0) < 0.9 && p.x(0) > 0.1; });
  REQUIRE(mixed != eq.end());
  const auto payoffs = parley::expected_payoffs(game, *mixed);
  CHECK(payoffs[0] == Approx(2.0 / 3).margin(1e-12));  // 2 y1 = 2/3
  CHECK(payoffs[1] == Approx(2.0 / 3).margin(1e-12));  // x1 = 2/3
}

TEST_CASE("vertex enumeration: prisoners' dilemma's only equilibrium is mutual defection", "[solve][nash]") {
  // Strategies (cooperate, defect); defection strictly dominates.
  const Eigen::MatrixXd a = matrix(2, 2, {3, 0, 5, 1});
  const BimatrixGame game(a, a.transpose());
  const auto eq = parley::extreme_equilibria(game);
  REQUIRE(eq.size() == 1);
  CHECK(parley::profile_distance(eq[0], profile({0, 1}, {0, 1})) == 0.0);
  CHECK(parley::expected_payoffs(game, eq[0])[0] == 1.0);
}

TEST_CASE("vertex enumeration: a degenerate game's continuum is reported by its extreme points",
          "[solve][nash]") {
  // von Stengel (2007, Algorithmic Game Theory ch. 3, section 3.6): against x = (1, 0, 0)
  // player 2 is indifferent (payoffs 3, 3), and the top row is a best response to y = (q, 1-q)
  // iff 3 >= 5 - 3q and 3 >= 6 - 6q, i.e. q >= 2/3: the segment from (2/3, 1/3) to (1, 0).
  // The other equilibrium makes player 2 indifferent with rows 2, 3: x = (0, 1/3, 2/3),
  // y = (1/3, 2/3) (row payoffs 3, 4, 4).
  const BimatrixGame game(matrix(3, 2, {3, 3, 2, 5, 0, 6}), matrix(3, 2, {3, 3, 2, 6, 3, 1}));
  const auto eq = parley::extreme_equilibria(game);
  CHECK(eq.size() == 3);
  CHECK(parley::testing::same_profile_sets(eq,
                                        {profile({1, 0, 0}, {1, 0}), profile({1, 0, 0}, {2.0 / 3, 1.0 / 3}),
                                         profile({0, 1.0 / 3, 2.0 / 3}, {1.0 / 3, 2.0 / 3})},
                                        1e-12));
  const auto subsets = parley::maximal_nash_subsets(game);
  REQUIRE(subsets.size() == 2);
  const auto& segment = subsets[0].y.size() == 2 ? subsets[0] : subsets[1];
  REQUIRE(segment.x.size() == 1);
  REQUIRE(segment.y.size() == 2);
  CHECK((segment.x[0] - Eigen::Vector3d(1, 0, 0)).norm() < 1e-12);
  // Every point of the segment is an equilibrium, not only its ends.
  const MixedProfile middle{segment.x[0], 0.5 * (segment.y[0] + segment.y[1])};
  CHECK(parley::regret(game, middle) < 1e-12);
}

TEST_CASE("vertex enumeration: the subsets a list of extreme equilibria spans, as indices into it",
          "[solve][nash]") {
  // The game above: the segment {(1,0,0)} x [(1,0), (2/3,1/3)] and the isolated equilibrium.
  const BimatrixGame game(matrix(3, 2, {3, 3, 2, 5, 0, 6}), matrix(3, 2, {3, 3, 2, 6, 3, 1}));
  const auto eq = parley::extreme_equilibria(game);
  const auto members = parley::nash_subset_members(eq);
  REQUIRE(members.size() == 2);
  std::vector<int> pair_sizes{static_cast<int>(members[0].size()), static_cast<int>(members[1].size())};
  std::sort(pair_sizes.begin(), pair_sizes.end());
  CHECK(pair_sizes == std::vector<int>{1, 2});
  for (const auto& subset : members) {
    REQUIRE(std::is_sorted(subset.begin(), subset.end()));
    if (subset.size() == 2) {  // the segment: one strategy of player 1, two of player 2
      const MixedProfile& first = eq[static_cast<std::size_t>(subset[0])];
      const MixedProfile& second = eq[static_cast<std::size_t>(subset[1])];
      CHECK((first.x - Eigen::Vector3d(1, 0, 0)).norm() < 1e-12);
      CHECK((second.x - Eigen::Vector3d(1, 0, 0)).norm() < 1e-12);
      CHECK((first.y - second.y).norm() > 0.1);
    }
  }
  // The all-zero 2x3 game: its six pure profiles are one subset; a lone equilibrium is its own.
  const auto zero = parley::extreme_equilibria(BimatrixGame(Eigen::MatrixXd::Zero(2, 3), Eigen::MatrixXd::Zero(2, 3)));
  CHECK(parley::nash_subset_members(zero) == std::vector<std::vector<int>>{{0, 1, 2, 3, 4, 5}});
  CHECK(parley::nash_subset_members({profile({1, 0}, {0, 1})}) == std::vector<std::vector<int>>{{0}});
  CHECK(parley::nash_subset_members({}).empty());
  // Two equilibria that share neither strategy are two subsets, however close in payoff.
  CHECK(parley::nash_subset_members({profile({1, 0}, {1, 0}), profile({0, 1}, {0, 1})}) ==
        std::vector<std::vector<int>>{{0}, {1}});
  // Three corners of a square share strategies pairwise but (0,1)x(0,1) is missing: no
  // subset holds all three; {(1,0)} x {(1,0),(0,1)} and {(1,0),(0,1)} x {(1,0)} are the two.
  CHECK(parley::nash_subset_members({profile({1, 0}, {1, 0}), profile({1, 0}, {0, 1}), profile({0, 1}, {1, 0})}) ==
        std::vector<std::vector<int>>{{0, 1}, {0, 2}});
}

TEST_CASE("vertex enumeration: the all-zero game's equilibria span every profile", "[solve][nash]") {
  const BimatrixGame game(Eigen::MatrixXd::Zero(2, 3), Eigen::MatrixXd::Zero(2, 3));
  const auto eq = parley::extreme_equilibria(game);
  CHECK(eq.size() == 6);  // the pure profiles, the extreme points of the whole profile space
  for (const auto& p : eq) CHECK((p.x.maxCoeff() == 1.0 && p.y.maxCoeff() == 1.0));
  const auto subsets = parley::maximal_nash_subsets(game);
  REQUIRE(subsets.size() == 1);
  CHECK(subsets[0].x.size() == 2);
  CHECK(subsets[0].y.size() == 3);
}

TEST_CASE("vertex enumeration: the callback reports each equilibrium as the list has it", "[solve][nash]") {
  std::mt19937_64 rng(7);
  const BimatrixGame game = random_game(rng, 5, 5);
  std::vector<MixedProfile> reported;
  parley::enumerate_extreme_equilibria(game, [&](const MixedProfile& p) { reported.push_back(p); });
  const auto listed = parley::extreme_equilibria(game);
  REQUIRE(reported.size() == listed.size());
  for (std::size_t k = 0; k < listed.size(); ++k)
    CHECK(parley::profile_distance(reported[k], listed[k]) == 0.0);
}

TEST_CASE("vertex enumeration: random nondegenerate games agree with support enumeration", "[solve][nash]") {
  std::mt19937_64 rng(20251201);
  const std::vector<std::pair<int, int>> sizes{{2, 2}, {3, 3}, {4, 6}, {6, 4}, {6, 6}};
  for (const auto& [m, n] : sizes) {
    for (int trial = 0; trial < 10; ++trial) {
      const BimatrixGame game = random_game(rng, m, n);
      const auto eq = parley::extreme_equilibria(game);
      INFO(m << "x" << n << " game, trial " << trial);
      CHECK(eq.size() % 2 == 1);  // nondegenerate games have an odd number of equilibria
      for (const auto& p : eq) CHECK(parley::is_nash_equilibrium(game, p, 1e-10));
      CHECK(parley::testing::distinct_profiles(eq, 1e-9).size() == eq.size());
      CHECK(parley::testing::same_profile_sets(eq, parley::equal_support_equilibria(game), 1e-9));
      for (int label = 0; label < m + n; ++label) {
        const auto lh = parley::lemke_howson(game, label);
        const bool contained = std::any_of(eq.begin(), eq.end(), [&](const MixedProfile& p) {
          return parley::profile_distance(p, lh) < 1e-9;
        });
        CHECK(contained);
      }
    }
  }
}

TEST_CASE("vertex enumeration: random degenerate games agree with brute-force vertex enumeration",
          "[solve][nash]") {
  // Payoffs from {0, 1, 2}: ties everywhere, vertices with more tight constraints than the
  // dimension, continua of equilibria.
  std::mt19937_64 rng(42);
  const std::vector<std::pair<int, int>> sizes{{2, 2}, {2, 3}, {3, 3}, {3, 4}, {4, 4}};
  for (const auto& [m, n] : sizes) {
    for (int trial = 0; trial < 30; ++trial) {
      const BimatrixGame game = random_game(rng, m, n, 3);
      INFO(m << "x" << n << " game, trial " << trial << "\nA =\n" << game.a() << "\nB =\n" << game.b());
      const auto eq = parley::extreme_equilibria(game);
      REQUIRE(!eq.empty());
      for (const auto& p : eq) CHECK(parley::is_nash_equilibrium(game, p, 1e-10));
      CHECK(parley::testing::distinct_profiles(eq, 1e-9).size() == eq.size());
      CHECK(parley::testing::same_profile_sets(eq, brute_force_extreme_equilibria(game), 1e-9));
      for (int label = 0; label < m + n; ++label) {
        const auto lh = parley::lemke_howson(game, label);
        CHECK(std::any_of(eq.begin(), eq.end(),
                          [&](const MixedProfile& p) { return parley::profile_distance(p, lh) < 1e-9; }));
      }
    }
  }
}

TEST_CASE("vertex enumeration: every two-player game Gambit's enummixed solved gives Gambit's set",
          "[solve][nash]") {
  const auto cases = parley::testing::gambit_enummixed_cases();
  REQUIRE(cases.size() == 42);  // 24 .nfg games, 9 extensive-form games and their 9 strategic forms
  for (const auto& c : cases) {
    INFO(c.entry << " (read from " << c.nfg.string() << ")");
    const BimatrixGame game = parley::io::to_bimatrix_game(parley::io::read_nfg_file(c.nfg));
    // The file read is the game Gambit solved.
    REQUIRE(game.a().rows() == c.a.rows());
    REQUIRE(game.a().cols() == c.a.cols());
    CHECK((game.a() - c.a).cwiseAbs().maxCoeff() < 1e-12);
    CHECK((game.b() - c.b).cwiseAbs().maxCoeff() < 1e-12);
    const auto eq = parley::extreme_equilibria(game);
    // Gambit lists an equilibrium once per degenerate basis of a vertex (csg2 has
    // repeats); compare as sets, and check that Parley lists each one once.
    CHECK(parley::testing::distinct_profiles(eq, 1e-9).size() == eq.size());
    CHECK(parley::testing::same_profile_sets(eq, c.equilibria, 1e-6));
    for (const auto& p : eq) CHECK(parley::regret(game, p) < 1e-9);

    if (c.convex_sets.empty()) continue;
    // Maximal Nash subsets: the same sets of extreme points as `enummixed -c`.
    const auto subsets = parley::maximal_nash_subsets(game);
    CHECK(subsets.size() == c.convex_sets.size());
    for (const auto& reference : c.convex_sets) {
      const bool matched = std::any_of(subsets.begin(), subsets.end(), [&](const parley::NashSubset& s) {
        std::vector<MixedProfile> points;
        for (const auto& x : s.x) {
          for (const auto& y : s.y) points.push_back({x, y});
        }
        return parley::testing::same_profile_sets(points, reference, 1e-6);
      });
      CHECK(matched);
    }
    // The same subsets from the list of extreme equilibria alone, and from what `parley nash`
    // reports (the exact search's equilibria, told apart by their strategy keys).
    const auto listed_in_gambit = [&](const std::vector<MixedProfile>& equilibria,
                                      const std::vector<std::vector<int>>& members) {
      CHECK(members.size() == subsets.size());
      for (const auto& member : members) {
        std::vector<MixedProfile> points;
        for (const int e : member) points.push_back(equilibria[static_cast<std::size_t>(e)]);
        const bool listed = std::any_of(c.convex_sets.begin(), c.convex_sets.end(), [&](const auto& reference) {
          return parley::testing::same_profile_sets(points, reference, 1e-6);
        });
        CHECK(listed);
      }
    };
    listed_in_gambit(eq, parley::nash_subset_members(eq));
    parley::io::solve_nash(parley::io::read_nfg_file(c.nfg), "enum", [&](const parley::io::NashReport& report) {
      REQUIRE(report.nash_subsets);
      CHECK(report.verification == "exact");
      listed_in_gambit(report.equilibria, *report.nash_subsets);
    });
  }
}

TEST_CASE("vertex enumeration: games with more than 128 strategies in all are refused", "[solve][nash]") {
  const BimatrixGame game(Eigen::MatrixXd::Ones(65, 64), Eigen::MatrixXd::Ones(65, 64));
  CHECK_THROWS_AS(parley::extreme_equilibria(game), std::invalid_argument);
}
