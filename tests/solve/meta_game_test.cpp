// The strategy meta-game (DESIGN 1.7): profiles simulated with common random numbers, paired
// standard errors, and every Nash equilibrium of the estimated game.
#include <catch2/catch.hpp>

#include <cmath>
#include <memory>

#include "meta_game_fixtures.hpp"
#include "parley/battlefield/war_value.hpp"
#include "parley/engine/confidence_interval.hpp"
#include "parley/engine/episode_runner.hpp"
#include "parley/engine/simulation.hpp"
#include "parley/equilibrium/bargaining_equilibrium.hpp"
#include "parley/solve/meta_game.hpp"

using namespace parley;
using namespace parley::testing;

namespace {

MetaGameSpec hardline_or_equilibrium() {
  MetaGameSpec spec;
  spec.players = {0, 1};
  spec.strategies[0] = {strategy("hardline"), strategy("equilibrium")};
  spec.strategies[1] = {strategy("hardline"), strategy("equilibrium")};
  return spec;
}

}  // namespace

TEST_CASE("meta-game: hardline against anyone is war, equilibrium against equilibrium is the solver's deal",
          "[solve]") {
  const Scenario sc = partial_collapse_war();
  const auto setting = std::make_shared<const BargainingSetting>(sc);
  RunOptions options;
  options.runs = 3000;
  options.seed = 5;
  options.threads = 2;
  const MetaGame meta = play_meta_game(setting, hardline_or_equilibrium(), options);
  REQUIRE(meta.runs() == 3000);
  const auto eq = BargainingEquilibrium::solve(sc, setting->space());
  const int s0 = eq.start_state();
  REQUIRE(eq.path().settled_at[0] == 1.0);
  const BimatrixGame& g = meta.game();
  CHECK(g.player_name(0) == "a");
  CHECK(g.strategy_labels(1)[1] == "equilibrium");

  // (equilibrium, equilibrium): immediate agreement on the solver's offer in every run.
  CHECK(std::abs(g.a()(1, 1) - eq.value(0, s0, 0)) < 1e-12);
  CHECK(std::abs(g.b()(1, 1) - eq.value(0, s0, 1)) < 1e-12);
  CHECK(meta.standard_error(0, 1, 1) == 0.0);
  CHECK(meta.outcome(1, 1).settled == 1.0);
  CHECK(meta.outcome(1, 1).mean_duration == 0.0);

  // Any profile with a hardliner: the war fought to the end, the same war in every such
  // profile run by run (common random numbers), worth the war value in expectation.
  const double war_a = war_value(sc, 0)(0, s0);
  const double war_b = war_value(sc, 1)(0, s0);
  for (auto [i, j] : {std::pair{0, 0}, std::pair{0, 1}, std::pair{1, 0}}) {
    INFO("profile " << i << ", " << j);
    CHECK(meta.outcome(i, j).settled == 0.0);
    CHECK(std::abs(g.a()(i, j) - war_a) <= z_999 * meta.standard_error(0, i, j));
    CHECK(std::abs(g.b()(i, j) - war_b) <= z_999 * meta.standard_error(1, i, j));
    CHECK(meta.standard_error(0, i, j) > 0.0);
    CHECK(g.a()(i, j) == g.a()(0, 0));
    CHECK(g.b()(i, j) == g.b()(0, 0));
    CHECK(meta.difference_standard_error(0, i, j, 0, 0) == 0.0);
    CHECK(meta.difference_standard_error(1, i, j, 0, 0) == 0.0);
  }
  // The deal pays a constant, so the paired difference with the war has the war's error.
  CHECK(std::abs(meta.difference_standard_error(0, 1, 1, 0, 0) - meta.standard_error(0, 0, 0)) < 1e-15);

  // Equilibria: both play equilibrium (strict), or both play hardline (weak: against a
  // hardliner nothing else does better). Nothing else: a mixture with any weight on
  // `equilibrium` makes `equilibrium` the strict best reply.
  const auto equilibria = meta_equilibria(meta);
  REQUIRE(equilibria.size() == 2);
  int found = 0;
  for (const MetaEquilibrium& e : equilibria) {
    REQUIRE(e.supports[0].size() == 1);
    REQUIRE(e.supports[1].size() == 1);
    const int i = e.supports[0][0];
    CHECK(e.supports[1][0] == i);
    CHECK(e.profile.x(i) == Approx(1.0).margin(1e-12));
    CHECK(e.payoffs[0] == Approx(g.a()(i, i)).margin(1e-12));
    CHECK(e.payoffs[1] == Approx(g.b()(i, i)).margin(1e-12));
    found |= 1 << i;
  }
  CHECK(found == 3);

  // Best replies: `equilibrium` against `equilibrium` by the gain of the deal over the war;
  // against a hardliner both strategies tie exactly (the first is reported).
  const auto replies = best_replies(meta, 0);
  REQUIRE(replies.size() == 2);
  CHECK(replies[1].reply == 1);
  CHECK(replies[1].margin == Approx(eq.value(0, s0, 0) - g.a()(0, 1)).margin(1e-12));
  CHECK(replies[1].margin_standard_error == meta.difference_standard_error(0, 1, 1, 0, 1));
  CHECK(replies[0].reply == 0);
  CHECK(replies[0].margin == 0.0);
  CHECK(replies[0].margin_standard_error == 0.0);
  const auto column_replies = best_replies(meta, 1);
  CHECK(column_replies[1].reply == 1);
  CHECK(column_replies[1].margin > 0.0);
}

TEST_CASE("meta-game: the estimate does not depend on the number of threads", "[solve]") {
  const Scenario sc = partial_collapse_war();
  const auto setting = std::make_shared<const BargainingSetting>(sc);
  MetaGameSpec spec;
  spec.players = {1, 0};  // the column player first: any order of the parties
  spec.strategies[0] = {strategy("quick"), strategy("prolonged"), strategy("contingent")};
  spec.strategies[1] = {strategy("linear"), strategy("stall")};
  RunOptions options;
  options.runs = 700;  // three blocks, the last one partial
  options.seed = 9;
  options.threads = 1;
  const MetaGame one = play_meta_game(setting, spec, options);
  options.threads = 3;
  const MetaGame three = play_meta_game(setting, spec, options);
  CHECK(one.game().a() == three.game().a());
  CHECK(one.game().b() == three.game().b());
  CHECK(one.game().player_name(0) == "b");
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 2; ++j) {
      CHECK(one.standard_error(0, i, j) == three.standard_error(0, i, j));
      CHECK(one.difference_standard_error(1, i, j, 2, 1) == three.difference_standard_error(1, i, j, 2, 1));
      CHECK(one.outcome(i, j).settled == three.outcome(i, j).settled);
    }
}

TEST_CASE("meta-game: paired differences against an independent computation of the runs", "[solve]") {
  // Two runs of the meta-game by hand: run each profile's episodes directly and compute the
  // means, the variances and the covariance of the paired differences in two passes.
  const Scenario sc = partial_collapse_war();
  const auto setting = std::make_shared<const BargainingSetting>(sc);
  MetaGameSpec spec;
  spec.players = {0, 1};
  spec.strategies[0] = {strategy("quick"), strategy("prolonged")};
  spec.strategies[1] = {strategy("contingent")};
  RunOptions options;
  options.runs = 300;
  options.seed = 21;
  options.threads = 2;
  const MetaGame meta = play_meta_game(setting, spec, options);

  std::vector<double> x[2];
  for (int i = 0; i < 2; ++i) {
    std::vector<StrategySpec> strategies = {spec.strategies[0][static_cast<std::size_t>(i)], spec.strategies[1][0]};
    const Simulation simulation(setting, strategies);
    EpisodeRunner runner(simulation);
    for (std::int64_t k = 0; k < options.runs; ++k)
      x[i].push_back(runner.run(options.seed, options.point, static_cast<std::uint64_t>(k)).payoffs[0]);
  }
  const double n = static_cast<double>(options.runs);
  double mean[2] = {0, 0};
  for (int i = 0; i < 2; ++i) {
    for (double v : x[i]) mean[i] += v;
    mean[i] /= n;
  }
  double var[2] = {0, 0}, cov = 0;
  for (std::size_t k = 0; k < x[0].size(); ++k) {
    var[0] += (x[0][k] - mean[0]) * (x[0][k] - mean[0]);
    var[1] += (x[1][k] - mean[1]) * (x[1][k] - mean[1]);
    cov += (x[0][k] - mean[0]) * (x[1][k] - mean[1]);
  }
  for (double& v : var) v /= n - 1;
  cov /= n - 1;
  CHECK(meta.game().a()(0, 0) == Approx(mean[0]).epsilon(1e-12));
  CHECK(meta.game().a()(1, 0) == Approx(mean[1]).epsilon(1e-12));
  CHECK(meta.standard_error(0, 1, 0) == Approx(std::sqrt(var[1] / n)).epsilon(1e-9));
  CHECK(meta.difference_standard_error(0, 0, 0, 1, 0) == Approx(std::sqrt((var[0] + var[1] - 2 * cov) / n)).epsilon(1e-9));
}

TEST_CASE("meta-game: bad specifications are refused", "[solve]") {
  const auto setting = std::make_shared<const BargainingSetting>(partial_collapse_war());
  RunOptions options;
  options.runs = 10;
  MetaGameSpec spec = hardline_or_equilibrium();
  spec.players = {0, 0};
  CHECK_THROWS_AS(play_meta_game(setting, spec, options), std::invalid_argument);
  spec = hardline_or_equilibrium();
  spec.strategies[1].clear();
  CHECK_THROWS_AS(play_meta_game(setting, spec, options), std::invalid_argument);
  spec = hardline_or_equilibrium();
  options.runs = 0;
  CHECK_THROWS_AS(play_meta_game(setting, spec, options), std::invalid_argument);
}

namespace {

/// Whether two meta-games hold the same estimate to the last bit: payoffs, every standard error
/// and paired standard error, and the outcomes.
bool meta_games_bit_identical(const MetaGame& x, const MetaGame& y) {
  if (x.runs() != y.runs() || x.game().a() != y.game().a() || x.game().b() != y.game().b()) return false;
  const int rows = x.game().rows();
  const int cols = x.game().cols();
  for (int p = 0; p < 2; ++p)
    for (int i = 0; i < rows; ++i)
      for (int j = 0; j < cols; ++j) {
        if (x.standard_error(p, i, j) != y.standard_error(p, i, j)) return false;
        if (x.outcome(i, j).settled != y.outcome(i, j).settled) return false;
        if (x.outcome(i, j).mean_duration != y.outcome(i, j).mean_duration) return false;
        for (int k = 0; k < rows; ++k)
          for (int l = 0; l < cols; ++l)
            if (x.difference_standard_error(p, i, j, k, l) != y.difference_standard_error(p, i, j, k, l)) return false;
      }
  return true;
}

MetaGameSpec three_by_two_for_extension() {
  MetaGameSpec spec;
  spec.players = {1, 0};
  spec.strategies[0] = {strategy("quick"), strategy("prolonged"), strategy("contingent")};
  spec.strategies[1] = {strategy("linear"), strategy("stall")};
  return spec;
}

}  // namespace

TEST_CASE("meta-game: runs added by doubling give the estimate of the larger size played at once, bit for bit",
          "[solve][adaptive]") {
  const auto setting = std::make_shared<const BargainingSetting>(partial_collapse_war());
  const MetaGameSpec spec = three_by_two_for_extension();
  RunOptions options;
  options.seed = 17;
  options.point = 3;
  options.threads = 1;
  options.runs = 1200;  // four whole blocks of 256 and a partial one
  const MetaGame at_once = play_meta_game(setting, spec, options);
  for (const int threads : {1, 2}) {
    INFO(threads << " threads");
    options.threads = threads;
    // 300 -> 600 -> 1200: every size ends inside a block, so each extension continues one.
    options.runs = 300;
    const MetaGame first = play_meta_game(setting, spec, options);
    CHECK(first.seed() == 17);
    CHECK(first.point() == 3);
    const MetaGame doubled = extend_meta_game(first, 600, threads);
    CHECK(doubled.runs() == 600);
    const MetaGame twice = extend_meta_game(doubled, 1200, threads);
    CHECK(meta_games_bit_identical(twice, at_once));
    // The extension leaves the game it started from as it was.
    options.runs = 300;
    CHECK(meta_games_bit_identical(first, play_meta_game(setting, spec, options)));
    // From one run, and from a whole number of blocks.
    options.runs = 1;
    CHECK(meta_games_bit_identical(extend_meta_game(play_meta_game(setting, spec, options), 1200, threads), at_once));
    options.runs = 512;
    CHECK(meta_games_bit_identical(extend_meta_game(play_meta_game(setting, spec, options), 1200, threads), at_once));
  }
  // Progress counts the runs of every profile up to the new size.
  std::int64_t last_done = 0;
  std::int64_t wanted = 0;
  const MetaGame same = extend_meta_game(at_once, 1300, 2, [&](std::int64_t done, std::int64_t total) {
    last_done = done;
    wanted = total;
  });
  CHECK(same.runs() == 1300);
  CHECK(last_done == 1300);
  CHECK(wanted == 1300);
  CHECK(meta_games_bit_identical(extend_meta_game(at_once, 1200), at_once));
  CHECK_THROWS_AS(extend_meta_game(at_once, 1199), std::invalid_argument);
}
