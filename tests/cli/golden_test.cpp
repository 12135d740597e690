// Golden results of the shipped scenarios (tests/data/golden/<scenario>.json, written by
// tools/regenerate_goldens.sh): `parley run` must reproduce every stored number, to a relative
// 1e-9 (summation order may differ across compilers; the run itself is deterministic).
//
// To regenerate after an intended change of the engine, a strategy or a shipped scenario,
// build parley_cli and run, from the source folder,
//   tools/regenerate_goldens.sh BUILD_DIR
// which writes `parley run NAME --runs 2000 --seed 1 --threads 2 --format json` for every
// scenarios/NAME.yaml; review the diff of tests/data/golden before committing it.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <set>
#include <string>

#include "../support/cli_runner.hpp"
#include "../support/flat_json.hpp"
#include "parley/engine/simulation.hpp"
#include "parley/io/scenario/builtin_scenarios.hpp"
#include "parley/io/scenario/scenario_loader.hpp"

using namespace parley;
using namespace parley::testing;

namespace {

const std::filesystem::path golden_folder = std::filesystem::path(PARLEY_SOURCE_DIR) / "tests" / "data" / "golden";

}  // namespace

TEST_CASE("golden results: every shipped scenario that runs has a golden file", "[engine]") {
  for (const auto& builtin : io::builtin_scenarios()) {
    const std::string name(builtin.name);
    bool runs = true;
    try {
      const Simulation simulation(io::load_scenario(name));
    } catch (const std::exception&) {
      runs = false;  // e.g. a strategy of a layer not built yet
    }
    INFO(name);
    if (runs) CHECK(std::filesystem::exists(golden_folder / (name + ".json")));
  }
}

TEST_CASE("golden results: parley run reproduces the stored summaries", "[engine]") {
  int compared = 0;
  for (const auto& entry : std::filesystem::directory_iterator(golden_folder)) {
    if (entry.path().extension() != ".json") continue;
    INFO(entry.path().filename().string());
    const auto golden = FlatJson::parse(read_text(entry.path()));
    const std::string scenario = golden.at("scenario").text;
    const auto runs = static_cast<long long>(golden.at("runs").number);
    const auto seed = static_cast<long long>(golden.at("seed").number);
    const CliResult r = run_cli("run " + scenario + " --runs " + std::to_string(runs) + " --seed " +
                                std::to_string(seed) + " --threads 2 --format json");
    REQUIRE(r.exit_code == 0);
    const auto now = FlatJson::parse(r.out);
    std::set<std::string> keys;
    for (const auto& [key, leaf] : golden) keys.insert(key);
    for (const auto& [key, leaf] : now) {
      INFO(key);
      CHECK(keys.count(key) == 1);
    }
    for (const auto& [key, leaf] : golden) {
      INFO(key);
      REQUIRE(now.count(key) == 1);
      const JsonLeaf& current = now.at(key);
      REQUIRE(current.is_number == leaf.is_number);
      if (leaf.is_number) CHECK(std::abs(current.number - leaf.number) <= 1e-9 * std::max(1.0, std::abs(leaf.number)));
      else CHECK(current.text == leaf.text);
    }
    ++compared;
  }
  CHECK(compared > 0);
}
