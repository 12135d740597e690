// The equilibrium set of an estimated meta-game at a confidence (issue 16): ties within the
// confidence, exact ties between strategies that play identically, and the tie-closed game.
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <memory>
#include <vector>

#include "meta_game_fixtures.hpp"
#include "parley/engine/episode_runner.hpp"
#include "parley/engine/simulation.hpp"
#include "parley/solve/meta_equilibrium_set.hpp"

using namespace parley;
using namespace parley::testing;

namespace {

// Side a may play linear or prolonged with e = 1 (the same concession curve under two names)
// or quick; side b prolonged or quick.
MetaGameSpec linear_twice_spec() {
  MetaGameSpec spec;
  spec.players = {0, 1};
  spec.strategies[0] = linear_under_two_names();
  spec.strategies[0].push_back(strategy("quick"));
  spec.strategies[1] = {strategy("prolonged"), strategy("quick")};
  return spec;
}

}  // namespace

TEST_CASE("equilibrium set: linear and prolonged with e = 1 play the same episodes", "[solve][adaptive]") {
  // The premise of the known tie below, checked run by run rather than assumed.
  const auto setting = std::make_shared<const BargainingSetting>(partial_collapse_war());
  const MetaGameSpec spec = linear_twice_spec();
  for (const StrategySpec& against : spec.strategies[1]) {
    INFO("against " << against.name);
    const std::vector<StrategySpec> as_linear{spec.strategies[0][0], against};
    const std::vector<StrategySpec> as_prolonged{spec.strategies[0][1], against};
    const Simulation linear(setting, as_linear);
    const Simulation prolonged(setting, as_prolonged);
    EpisodeRunner x(linear);
    EpisodeRunner y(prolonged);
    std::size_t offers = 0;
    for (std::uint64_t k = 0; k < 200; ++k) {
      const EpisodeResult a = x.run(3, 0, k);
      const EpisodeResult& b = y.run(3, 0, k);
      REQUIRE(a.outcome == b.outcome);
      REQUIRE(a.period == b.period);
      REQUIRE(a.duration == b.duration);
      REQUIRE(a.final_state == b.final_state);
      REQUIRE(*a.terms == *b.terms);
      REQUIRE(a.payoffs == b.payoffs);
      // Offer by offer, not only in the end.
      REQUIRE(x.history().size() == y.history().size());
      for (std::size_t h = 0; h < x.history().size(); ++h) REQUIRE(x.history()[h].package == y.history()[h].package);
      offers += x.history().size();
    }
    CHECK(offers > 0);  // the strategies do bargain: the sameness is of offers, not only of wars
  }
}

TEST_CASE("equilibrium set: a known exact tie is a tie at any confidence, and the set counts it", "[solve][adaptive]") {
  const auto setting = std::make_shared<const BargainingSetting>(partial_collapse_war());
  RunOptions options = meta_run_options(400, 3, 2);
  const MetaGame meta = play_meta_game(setting, linear_twice_spec(), options);
  for (const double z : {z_95, 0.0, confidence_z(0.999)}) {
    INFO("z = " << z);
    // Against each strategy of b, linear (0) and prolonged:e=1 (1) are tied exactly.
    for (const BestReply& r : best_replies(meta, 0, z)) {
      const bool linear_best = r.reply == 0 || r.reply == 1;
      if (!linear_best) continue;  // quick is better: both are behind it together
      REQUIRE(!r.ties.empty());
      const BestReplyTie& tie = r.ties.front();
      CHECK(tie.strategy == 1 - r.reply);
      CHECK(tie.exact());
      CHECK(tie.margin == 0.0);
      CHECK(tie.margin_standard_error == 0.0);
    }
    const MetaEquilibriumSet set = meta_equilibrium_set(meta, z);
    REQUIRE(set.ties[0].size() == 2);
    REQUIRE(set.ties[1].size() == 3);
    for (const std::vector<int>& tied : set.ties[0]) {
      // The two names are in or out of T_0(t) together.
      const bool has_linear = std::find(tied.begin(), tied.end(), 0) != tied.end();
      const bool has_prolonged = std::find(tied.begin(), tied.end(), 1) != tied.end();
      CHECK(has_linear == has_prolonged);
    }
    // b's replies to linear and to prolonged:e=1 are the same replies.
    CHECK(set.ties[1][0] == set.ties[1][1]);
    // Every equilibrium with linear in a's support has a twin with prolonged:e=1 instead.
    REQUIRE(!set.supports.empty());
    CHECK(every_support_has_twin(set, 0, 0, 1));
  }
  // The sets are sorted and distinct.
  const MetaEquilibriumSet set = meta_equilibrium_set(meta, z_95);
  CHECK(std::is_sorted(set.supports.begin(), set.supports.end()));
  CHECK(std::adjacent_find(set.supports.begin(), set.supports.end()) == set.supports.end());
}

TEST_CASE("equilibrium set: the tie-closed game raises exactly the tied payoffs to the best reply's",
          "[solve][adaptive]") {
  const auto setting = std::make_shared<const BargainingSetting>(partial_collapse_war());
  RunOptions options = meta_run_options(60, 8, 1);  // few runs: wide intervals, so that some ties are statistical
  const MetaGame meta = play_meta_game(setting, linear_twice_spec(), options);
  const BimatrixGame& g = meta.game();
  for (const double z : {0.0, z_95, 50.0}) {
    INFO("z = " << z);
    const BimatrixGame closed = tie_closed_game(meta, z);
    CHECK(closed.strategy_labels(0) == g.strategy_labels(0));
    CHECK(closed.player_name(1) == g.player_name(1));
    for (const BestReply& r : best_replies(meta, 0, z)) {
      std::vector<bool> tied(3, false);
      tied[static_cast<std::size_t>(r.reply)] = true;
      for (const BestReplyTie& t : r.ties) {
        tied[static_cast<std::size_t>(t.strategy)] = true;
        CHECK(t.margin <= z * t.margin_standard_error);
        CHECK(t.margin == g.a()(r.reply, r.against) - g.a()(t.strategy, r.against));
      }
      for (int s = 0; s < 3; ++s)
        CHECK(closed.a()(s, r.against) == (tied[static_cast<std::size_t>(s)] ? g.a()(r.reply, r.against)
                                                                               : g.a()(s, r.against)));
    }
    for (const BestReply& r : best_replies(meta, 1, z))
      for (int s = 0; s < 2; ++s) {
        const bool tied = s == r.reply || std::any_of(r.ties.begin(), r.ties.end(),
                                                      [&](const BestReplyTie& t) { return t.strategy == s; });
        CHECK(closed.b()(r.against, s) == (tied ? g.b()(r.against, r.reply) : g.b()(r.against, s)));
      }
  }
  // With z so large that every strategy is tied with the best, each player's payoff no longer
  // depends on its own strategy: every profile is an equilibrium.
  const MetaEquilibriumSet everything = meta_equilibrium_set(meta, 1e9);
  for (const auto& ties : everything.ties[0]) CHECK(ties == std::vector<int>{0, 1, 2});
  for (const auto& ties : everything.ties[1]) CHECK(ties == std::vector<int>{0, 1});
  int pure = 0;
  for (const auto& supports : everything.supports) pure += supports[0].size() == 1 && supports[1].size() == 1;
  CHECK(pure == 6);
}
