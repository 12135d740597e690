// The adaptive meta-game (issue 16): runs doubled until the equilibrium set at a confidence is
// stable or the budget is spent; the same answer at any thread count.
#include <catch2/catch.hpp>

#include <memory>
#include <stdexcept>
#include <vector>

#include "meta_game_fixtures.hpp"
#include "parley/solve/adaptive_meta_game.hpp"

using namespace parley;
using namespace parley::testing;

namespace {

// Side b (the row player here) chooses between linear and prolonged with e = 1, which play the
// same episodes (meta_game_fixtures.hpp); side a between hardline and equilibrium.
MetaGameSpec known_tie_spec() {
  MetaGameSpec spec;
  spec.players = {1, 0};
  spec.strategies[0] = linear_under_two_names();
  spec.strategies[1] = {strategy("hardline"), strategy("equilibrium")};
  return spec;
}

}  // namespace

TEST_CASE("adaptive meta-game: a game with a known tie reports the tie and stops stable", "[solve][adaptive]") {
  const auto setting = std::make_shared<const BargainingSetting>(partial_collapse_war());
  RunOptions options = meta_run_options(200, 4, 1);
  const AdaptiveMetaGame one = play_adaptive_meta_game(setting, known_tie_spec(), options);
  const AdaptiveHistory& h = one.history;
  CHECK(h.confidence == 0.95);
  CHECK(h.z == Approx(z_95).epsilon(1e-14));
  CHECK(h.max_runs == kAdaptiveBudgetFactor * 200);
  REQUIRE(h.stop == AdaptiveStop::stable);
  REQUIRE(h.steps.size() >= 2);
  CHECK(h.steps[0].runs == 200);
  for (std::size_t k = 1; k < h.steps.size(); ++k) CHECK(h.steps[k].runs == 2 * h.steps[k - 1].runs);
  CHECK(h.steps.back().set == h.steps[h.steps.size() - 2].set);
  CHECK(one.meta.runs() == h.steps.back().runs);
  // b is indifferent between its two names of one strategy whatever a plays: T_b(t) = {0, 1}.
  for (const std::vector<int>& tied : h.steps.back().set.ties[0]) CHECK(tied == std::vector<int>{0, 1});
  for (const BestReply& r : best_replies(one.meta, 0, h.z)) {
    CHECK(r.reply == 0);
    REQUIRE(r.ties.size() == 1);
    CHECK(r.ties[0].strategy == 1);
    CHECK(r.ties[0].exact());
  }
  // Every equilibrium comes with its twin under the other name.
  CHECK(every_support_has_twin(h.steps.back().set, 0, 0, 1));

  // The same answer on two threads: every step, the stop, and the estimate to the last bit.
  options.threads = 2;
  const AdaptiveMetaGame two = play_adaptive_meta_game(setting, known_tie_spec(), options);
  CHECK(two.history.stop == h.stop);
  REQUIRE(two.history.steps.size() == h.steps.size());
  for (std::size_t k = 0; k < h.steps.size(); ++k) {
    CHECK(two.history.steps[k].runs == h.steps[k].runs);
    CHECK(two.history.steps[k].set == h.steps[k].set);
  }
  CHECK(two.meta.game().a() == one.meta.game().a());
  CHECK(two.meta.game().b() == one.meta.game().b());
  CHECK(two.meta.difference_standard_error(1, 0, 1, 1, 1) == one.meta.difference_standard_error(1, 0, 1, 1, 1));
}

TEST_CASE("adaptive meta-game: the budget and fixed runs end the doubling and say so", "[solve][adaptive]") {
  const auto setting = std::make_shared<const BargainingSetting>(partial_collapse_war());
  RunOptions options = meta_run_options(50, 4, 2);
  AdaptiveOptions adaptive;
  // A budget equal to the starting runs: one look, and the budget, not the data, ends the runs.
  adaptive.max_runs = 50;
  const AdaptiveMetaGame spent = play_adaptive_meta_game(setting, known_tie_spec(), options, adaptive);
  CHECK(spent.history.stop == AdaptiveStop::budget);
  REQUIRE(spent.history.steps.size() == 1);
  CHECK(spent.history.max_runs == 50);
  CHECK(spent.meta.runs() == 50);
  CHECK_FALSE(spent.history.changed());
  // A budget that is no power of two times the start: the last step stops at it.
  adaptive.max_runs = 120;
  adaptive.confidence = 0.5;
  const AdaptiveMetaGame capped = play_adaptive_meta_game(setting, known_tie_spec(), options, adaptive);
  CHECK(capped.history.z == Approx(0.6744897501960817).epsilon(1e-12));
  CHECK(capped.meta.runs() <= 120);
  for (const AdaptiveStep& step : capped.history.steps) CHECK(step.runs <= 120);
  if (capped.history.stop == AdaptiveStop::budget) CHECK(capped.meta.runs() == 120);
  if (capped.meta.runs() == 120) CHECK(capped.history.steps.size() == 3);  // 50, 100, 120
  // Doubling off: the starting runs only.
  adaptive = AdaptiveOptions{};
  adaptive.doubling = false;
  const AdaptiveMetaGame fixed = play_adaptive_meta_game(setting, known_tie_spec(), options, adaptive);
  CHECK(fixed.history.stop == AdaptiveStop::fixed);
  CHECK(fixed.history.steps.size() == 1);
  CHECK(fixed.history.max_runs == 50);
  CHECK(fixed.meta.runs() == 50);
  // Refused: a confidence outside (0, 1), a budget below the start.
  adaptive = AdaptiveOptions{};
  adaptive.confidence = 1.0;
  CHECK_THROWS_AS(play_adaptive_meta_game(setting, known_tie_spec(), options, adaptive), std::invalid_argument);
  adaptive.confidence = 0.0;
  CHECK_THROWS_AS(play_adaptive_meta_game(setting, known_tie_spec(), options, adaptive), std::invalid_argument);
  adaptive = AdaptiveOptions{};
  adaptive.max_runs = 49;
  CHECK_THROWS_AS(play_adaptive_meta_game(setting, known_tie_spec(), options, adaptive), std::invalid_argument);
}

TEST_CASE("adaptive meta-game: changed() is whether two successive sets differ", "[solve][adaptive]") {
  AdaptiveHistory h;
  CHECK_FALSE(h.changed());
  const MetaEquilibriumSet one = one_equilibrium_set(0, 0);
  const MetaEquilibriumSet tied = column_tie_set(0, 0);
  h.steps = {{100, one}, {200, one}};
  CHECK_FALSE(h.changed());
  h.steps = {{100, tied}, {200, one}, {400, one}};
  CHECK(h.changed());
  h.steps = {{100, one}, {200, one}, {400, tied}};
  CHECK(h.changed());
}
