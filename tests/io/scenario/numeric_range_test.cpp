// Finite inputs whose derived numbers would not be (issue 18): an issue range wider than the
// largest double made every amount infinite or NaN and `solve` printed "pie = inf". The loader
// refuses it, naming the key.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "parley/io/scenario/scenario_loader.hpp"
#include "parley/io/scenario/scenario_schema.hpp"

namespace {

/// The diagnostics of loading the Rubinstein scenario with `assignment`, as "path: message".
std::string range_refusal(const std::string& assignment) {
  try {
    (void)parley::io::load_scenario("rubinstein", {assignment});
  } catch (const parley::io::ScenarioError& e) {
    std::string out;
    for (const auto& d : e.diagnostics()) out += d.path + ": " + d.message + "\n";
    return out;
  }
  return "accepted";
}

}  // namespace

TEST_CASE("an issue range wider than the largest double is a located error", "[io][scenario]") {
  CHECK_THAT(range_refusal("issues[0].range=[-1e308, 1e308]"),
             Catch::Contains("issues[0].range: the width hi - lo must be a finite number"));
  // Huge but representable widths are ranges like any other.
  CHECK(range_refusal("issues[0].range=[-1e307, 1e307]") == "accepted");
  CHECK(range_refusal("issues[0].range=[0, 1e308]") == "accepted");
}

TEST_CASE("clause valuations whose spread passes the largest double are located errors", "[io][scenario]") {
  // Each value finite, their spread not: utilities normalised by it were NaN ("nan [nan, nan]").
  const auto refused = [](const std::vector<std::string>& sets) {
    try {
      (void)parley::io::load_scenario("ukraine-2025", sets);
    } catch (const parley::io::ScenarioError& e) {
      std::string out;
      for (const auto& d : e.diagnostics()) out += d.path + ": " + d.message + "\n";
      return out;
    }
    return std::string("accepted");
  };
  CHECK_THAT(refused({"parties.russia.values.plan.sovereignty=1e308", "parties.russia.values.plan.non_aggression=-1e308"}),
             Catch::Contains("parties[0].values.plan: the values' spread (the positive values' sum minus the negative "
                             "ones') must be a finite"));
  CHECK(refused({"parties.russia.values.plan.sovereignty=1e300", "parties.russia.values.plan.non_aggression=-1e300"}) ==
        "accepted");
}

TEST_CASE("sizes past the documented limits are located errors (docs/limits.md)", "[io][scenario]") {
  using parley::io::max_horizon;
  const auto refused = [](const std::vector<std::string>& sets) {
    try {
      (void)parley::io::load_scenario("ukraine-2025", sets);
    } catch (const parley::io::ScenarioError& e) {
      return e.diagnostics().front().path + ": " + e.diagnostics().front().message;
    }
    return std::string("accepted");
  };
  // A horizon of 10^7 periods hung `run` and took 3.6 GB in `analyze`; a billion states or steps hung.
  CHECK(refused({"horizon=10000000"}) == "horizon: must be in [1, 100000], got 10000000");
  CHECK(refused({"battlefield.states=1000000000"}) == "battlefield.states: must be in [2, 100000], got 1000000000");
  CHECK(refused({"issues.territory.steps=1000000000"}) == "issues[0].steps: must be in [1, 100000], got 1000000000");
  // Each within its range, together too large.
  CHECK_THAT(refused({"horizon=" + std::to_string(max_horizon), "battlefield.states=1000"}),
             Catch::StartsWith("battlefield.states: (horizon + 1) x (states + 1) = 100101001 periods x states is more "
                               "than the limit of 4000000"));
  // Past 2^31 the value is refused, not truncated (4294967348 ran as a 52-week horizon).
  CHECK_THAT(refused({"horizon=4294967348"}), Catch::Contains("got 4294967348"));
  CHECK(refused({"horizon=1000", "battlefield.states=100"}) == "accepted");
}
