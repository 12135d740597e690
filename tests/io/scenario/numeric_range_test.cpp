// Finite inputs whose derived numbers would not be (issue 18): an issue range wider than the
// largest double made every amount infinite or NaN and `solve` printed "pie = inf". The loader
// refuses it, naming the key.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "parley/io/scenario/scenario_loader.hpp"

namespace {

/// The diagnostics of loading the Rubinstein scenario with `assignment`, as "path: message".
std::string refusal(const std::string& assignment) {
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
  CHECK_THAT(refusal("issues[0].range=[-1e308, 1e308]"),
             Catch::Contains("issues[0].range: the width hi - lo must be a finite number"));
  // Huge but representable widths are ranges like any other.
  CHECK(refusal("issues[0].range=[-1e307, 1e307]") == "accepted");
  CHECK(refusal("issues[0].range=[0, 1e308]") == "accepted");
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
