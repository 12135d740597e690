// Exact reverse-search vertex enumeration (issue 20): the same vertices as the floating-point
// depth-first search, the same equilibria as the floating-point path, the same output at any
// thread count, and the fallback from 128-bit to unbounded integers.
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <map>
#include <random>
#include <set>
#include <stdexcept>
#include <string>

#include "gambit_reference.hpp"
#include "parley/solve/reverse_search_enumeration.hpp"
#include "parley/solve/vertex_enumeration.hpp"

namespace {

/// Integer payoffs uniform on {low, ..., high}: few levels make degenerate games.
parley::BimatrixGame random_integer_game(std::mt19937_64& rng, int m, int n, int low, int high) {
  std::uniform_int_distribution<int> payoff(low, high);
  Eigen::MatrixXd a(m, n);
  Eigen::MatrixXd b(m, n);
  for (Eigen::Index k = 0; k < a.size(); ++k) {
    a(k) = payoff(rng);
    b(k) = payoff(rng);
  }
  return parley::BimatrixGame(a, b);
}

std::vector<std::vector<int>> sorted_sets(std::vector<std::vector<int>> sets) {
  std::sort(sets.begin(), sets.end());
  return sets;
}

}  // namespace

TEST_CASE("reverse search: the same vertices as the floating-point search, random and degenerate games",
          "[solve][nash][reverse_search]") {
  std::mt19937_64 rng(2020);
  const std::vector<std::array<int, 4>> shapes{{3, 3, 0, 2}, {4, 4, 0, 2}, {4, 5, 0, 3}, {6, 6, -10, 10}, {7, 5, -10, 10}};
  for (const auto& [m, n, low, high] : shapes) {
    for (int trial = 0; trial < 15; ++trial) {
      const parley::BimatrixGame game = random_integer_game(rng, m, n, low, high);
      const auto exact = parley::exact_integer_payoffs(game);
      REQUIRE(exact);
      INFO(m << "x" << n << " trial " << trial << "\nA =\n" << game.a() << "\nB =\n" << game.b());
      for (int player = 0; player < 2; ++player) {
        const auto reverse = parley::best_response_polytope_vertex_labels(*exact, player);
        CHECK(sorted_sets(reverse) == sorted_sets(parley::polytope_vertex_labels(game, player)));
      }
      // The integer path and the floating-point path give the same equilibria.
      CHECK(parley::testing::same_profile_sets(parley::extreme_equilibria(game),
                                               parley::floating_point_extreme_equilibria(game), 1e-9));
    }
  }
}

TEST_CASE("reverse search: the thread count does not change the output or its order", "[solve][nash][reverse_search]") {
  std::mt19937_64 rng(77);
  for (int trial = 0; trial < 4; ++trial) {
    const auto exact = parley::exact_integer_payoffs(random_integer_game(rng, 9, 9, -10, 10));
    REQUIRE(exact);
    const auto one = parley::exact_extreme_equilibria(*exact, {1, false});
    const auto two = parley::exact_extreme_equilibria(*exact, {2, false});
    const auto five = parley::exact_extreme_equilibria(*exact, {5, false});
    REQUIRE(!one.equilibria.empty());
    CHECK(one.vertices == two.vertices);
    CHECK(one.bases == five.bases);
    for (const auto* other : {&two, &five}) {
      REQUIRE(other->equilibria.size() == one.equilibria.size());
      for (std::size_t k = 0; k < one.equilibria.size(); ++k) {
        CHECK(other->equilibria[k].x == one.equilibria[k].x);
        CHECK(other->equilibria[k].y == one.equilibria[k].y);
      }
    }
  }
}

TEST_CASE("reverse search: huge payoffs overflow 128 bits and are redone in unbounded integers",
          "[solve][nash][reverse_search]") {
  // Payoffs near 10^15 in a 6x6 game: products of tableau minors pass 2^127.
  std::mt19937_64 rng(5);
  const parley::BimatrixGame small = random_integer_game(rng, 6, 6, -10, 10);
  std::uniform_int_distribution<long long> noise(0, 999'999'999'999LL);
  Eigen::MatrixXd a = small.a() * 1e14;
  Eigen::MatrixXd b = small.b() * 1e14;
  for (Eigen::Index k = 0; k < a.size(); ++k) {
    a(k) += static_cast<double>(noise(rng));
    b(k) += static_cast<double>(noise(rng));
  }
  const parley::BimatrixGame game(a, b);
  const auto exact = parley::exact_integer_payoffs(game);
  REQUIRE(exact);
  const auto found = parley::exact_extreme_equilibria(*exact);
  CHECK(found.arithmetic == parley::PivotArithmetic::big_integer);
  const auto big = parley::exact_extreme_equilibria(*exact, {0, true});
  REQUIRE(found.equilibria.size() == big.equilibria.size());
  for (std::size_t k = 0; k < big.equilibria.size(); ++k) {
    CHECK(found.equilibria[k].x == big.equilibria[k].x);
    CHECK(found.equilibria[k].y == big.equilibria[k].y);
    CHECK(parley::exact_regret(*exact, found.equilibria[k]) == 0);
  }
  // The ordinary game stays in 128 bits, and both arithmetics agree on it.
  const auto plain = parley::exact_integer_payoffs(small);
  const auto narrow = parley::exact_extreme_equilibria(*plain);
  CHECK(narrow.arithmetic == parley::PivotArithmetic::int128);
  const auto wide = parley::exact_extreme_equilibria(*plain, {0, true});
  REQUIRE(narrow.equilibria.size() == wide.equilibria.size());
  for (std::size_t k = 0; k < wide.equilibria.size(); ++k) CHECK(narrow.equilibria[k].x == wide.equilibria[k].x);
}

TEST_CASE("reverse search: degenerate families, their known equilibria and the floating-point path's",
          "[solve][nash][reverse_search]") {
  // Coordination n x n (Gambit's coord2..coord4): one equilibrium per nonempty support, uniform
  // on it for both players: 2^n - 1, each isolated.
  const Eigen::MatrixXd identity = Eigen::MatrixXd::Identity(7, 7);
  const auto coordination = parley::exact_extreme_equilibria(*parley::exact_integer_payoffs({identity, identity}));
  CHECK(coordination.equilibria.size() == 127);
  for (const auto& e : coordination.equilibria) CHECK(e.x == e.y);
  // The all-zero game: every pure profile is extreme, and all of them span one convex set.
  const Eigen::MatrixXd zero = Eigen::MatrixXd::Zero(6, 5);
  const parley::BimatrixGame zero_game(zero, zero);
  CHECK(parley::exact_extreme_equilibria(*parley::exact_integer_payoffs(zero_game)).equilibria.size() == 30);
  CHECK(parley::nash_subset_members(parley::extreme_equilibria(zero_game)).size() == 1);
  // Payoffs in {0, 1}: ties everywhere, so most partner faces are degenerate and searched by
  // pivoting on the face; the floating-point path (the whole of Q searched) must agree.
  std::mt19937_64 rng(31);
  for (int trial = 0; trial < 6; ++trial) {
    const parley::BimatrixGame game = random_integer_game(rng, 8, 8, 0, 1);
    INFO("trial " << trial << "\nA =\n" << game.a() << "\nB =\n" << game.b());
    CHECK(parley::testing::same_profile_sets(parley::extreme_equilibria(game),
                                             parley::floating_point_extreme_equilibria(game), 1e-9));
  }
}

TEST_CASE("reverse search streams each equilibrium once, verified, in the collected order at any thread count",
          "[solve][nash][reverse_search]") {
  // Coordination 12 x 12: 4,095 equilibria, most of them in a few subtrees of the cut, so at
  // two and five threads later tasks fill their waiting lists and wait to be the head.
  const Eigen::MatrixXd identity = Eigen::MatrixXd::Identity(12, 12);
  const auto game = parley::exact_integer_payoffs({identity, identity});
  REQUIRE(game);
  const auto collect = [&](int threads) {
    std::vector<parley::ExactExtremeEquilibrium> found;
    const auto statistics = parley::for_each_exact_extreme_equilibrium(
        *game, [&](const parley::ExactExtremeEquilibrium& e) { found.push_back(e); }, {threads, false});
    CHECK(statistics.vertices > 0);
    return found;
  };
  const auto one = collect(1);
  REQUIRE(one.size() == 4095);
  const auto listed = parley::exact_extreme_equilibria(*game, {2, false});
  REQUIRE(listed.equilibria.size() == one.size());
  std::set<std::pair<std::vector<std::string>, std::vector<std::string>>> distinct;
  std::map<std::int64_t, std::vector<std::string>> outer_strategy;
  const auto texts = [](const std::vector<parley::ExactFraction>& p) {
    std::vector<std::string> t;
    for (const auto& f : p) t.push_back(f.text());
    return t;
  };
  for (std::size_t k = 0; k < one.size(); ++k) {
    const auto& e = one[k];
    const parley::RationalProfile profile = listed.equilibria[k];
    REQUIRE(e.x.size() == profile.x.size());
    for (std::size_t i = 0; i < e.x.size(); ++i) CHECK(e.x[i].rational() == profile.x[i]);
    CHECK(parley::exact_regret(*game, profile) == 0);
    const auto payoffs = parley::exact_expected_payoffs(*game, profile);
    CHECK(e.payoffs[0].rational() == payoffs[0]);
    CHECK(e.payoffs[1].rational() == payoffs[1]);
    distinct.emplace(texts(e.x), texts(e.y));
    // Vertex numbers grow, and one number is one strategy of the outer player.
    if (k > 0) CHECK(e.outer_vertex >= one[k - 1].outer_vertex);
    const auto strategy = texts(e.outer_player == 0 ? e.x : e.y);
    const auto [it, inserted] = outer_strategy.emplace(e.outer_vertex, strategy);
    CHECK(it->second == strategy);
  }
  CHECK(distinct.size() == one.size());  // each once, with no set to drop repeats
  std::set<std::vector<std::string>> outer_strategies;
  for (const auto& [vertex, strategy] : outer_strategy) outer_strategies.insert(strategy);
  CHECK(outer_strategies.size() == outer_strategy.size());
  for (const int threads : {2, 5}) {
    const auto other = collect(threads);
    REQUIRE(other.size() == one.size());
    for (std::size_t k = 0; k < one.size(); ++k) {
      CHECK(other[k].outer_vertex == one[k].outer_vertex);
      CHECK(texts(other[k].x) == texts(one[k].x));
      CHECK(texts(other[k].y) == texts(one[k].y));
    }
  }
}

TEST_CASE("reverse search: an exception from the consumer stops the search and reaches the caller",
          "[solve][nash][reverse_search]") {
  const Eigen::MatrixXd identity = Eigen::MatrixXd::Identity(10, 10);
  const auto game = parley::exact_integer_payoffs({identity, identity});
  REQUIRE(game);
  for (const int threads : {1, 2}) {
    int seen = 0;
    CHECK_THROWS_AS(parley::for_each_exact_extreme_equilibrium(
                        *game,
                        [&](const parley::ExactExtremeEquilibrium&) {
                          if (++seen == 300) throw std::runtime_error("output failed");
                        },
                        {threads, false}),
                    std::runtime_error);
    CHECK(seen == 300);
  }
}

TEST_CASE("reverse search: the consumer's prepare step runs on the search's threads and its result arrives in order",
          "[solve][nash][reverse_search]") {
  const Eigen::MatrixXd identity = Eigen::MatrixXd::Identity(9, 9);
  const auto game = parley::exact_integer_payoffs({identity, identity});
  REQUIRE(game);
  const auto text_of = [](const parley::ExactExtremeEquilibrium& e) {
    std::string text = std::to_string(e.outer_vertex) + ":";
    for (const auto& f : e.x) text += f.text() + " ";
    return text;
  };
  std::vector<std::string> plain;
  parley::for_each_exact_extreme_equilibrium(
      *game, [&](const parley::ExactExtremeEquilibrium& e) { plain.push_back(e.prepared + text_of(e)); }, {1, false});
  std::vector<std::string> prepared;
  std::atomic<int> calls{0};
  parley::for_each_exact_extreme_equilibrium(
      *game, [&](const parley::ExactExtremeEquilibrium& e) { prepared.push_back(e.prepared + text_of(e)); }, {2, false},
      [&](parley::ExactExtremeEquilibrium& e) {
        ++calls;
        // Numbered within its task here, so only the strategy is prepared.
        for (const auto& f : e.x) e.prepared += f.text() + ",";
      });
  REQUIRE(plain.size() == 511);
  CHECK(calls == 511);
  REQUIRE(prepared.size() == plain.size());
  for (std::size_t k = 0; k < plain.size(); ++k) {
    const std::string strategy = plain[k].substr(plain[k].find(':') + 1);
    std::string commas = strategy;
    std::replace(commas.begin(), commas.end(), ' ', ',');
    CHECK(prepared[k] == commas + plain[k]);
  }
}

TEST_CASE("reverse search: tasks that overflow midway are redone without repeating what they handed on",
          "[solve][nash][reverse_search]") {
  // A 9x9 game with small payoffs but for one strategy of each player, near 10^7: tasks find
  // equilibria in 128 bits, some hand them on, and then a pivot through the large strategy
  // overflows and the task is redone in unbounded integers (with this seed, a task at the head
  // hands on an equilibrium before it overflows). The streamed list must be the unbounded
  // search's, at one thread or two.
  std::mt19937_64 rng(5);
  std::uniform_int_distribution<int> payoff(-10, 10);
  std::uniform_int_distribution<long long> noise(0, 99'999LL);
  const int n = 9;
  Eigen::MatrixXd a(n, n);
  Eigen::MatrixXd b(n, n);
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < n; ++j) {
      a(i, j) = payoff(rng);
      b(i, j) = payoff(rng);
    }
  }
  for (int j = 0; j < n; ++j) {
    b(0, j) = b(0, j) * 1e7 + static_cast<double>(noise(rng));
    a(j, 0) = a(j, 0) * 1e7 + static_cast<double>(noise(rng));
  }
  const auto exact = parley::exact_integer_payoffs(parley::BimatrixGame(a, b));
  REQUIRE(exact);
  const auto wide = parley::exact_extreme_equilibria(*exact, {1, true});
  REQUIRE(!wide.equilibria.empty());
  for (const int threads : {1, 2}) {
    const auto mixed = parley::exact_extreme_equilibria(*exact, {threads, false});
    CHECK(mixed.arithmetic == parley::PivotArithmetic::big_integer);
    CHECK(mixed.vertices == wide.vertices);
    REQUIRE(mixed.equilibria.size() == wide.equilibria.size());
    for (std::size_t k = 0; k < wide.equilibria.size(); ++k) {
      CHECK(mixed.equilibria[k].x == wide.equilibria[k].x);
      CHECK(mixed.equilibria[k].y == wide.equilibria[k].y);
    }
  }
}
