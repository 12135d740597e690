// The manifest reader: JSON's types are kept (a count is a JSON whole number, a text a JSON
// string), and what is wrong is named with the file and the key.
#include <catch2/catch.hpp>

#include <string>

#include "parley/io/sweep/sweep_manifest.hpp"

using namespace parley;

namespace {

io::SweepManifest small_manifest() {
  io::SweepManifest m;
  m.version = "0.1.0";
  m.scenario = "ukraine-2025";
  m.scenario_sha256 = "abc";
  m.spec.design = sweep::DesignKind::grid;
  m.spec.runs = 10;
  m.spec.seed = 1;
  sweep::VariedParameter p;
  p.path = "battlefield.advantage";
  p.spec = "-0.6:0.6";
  p.lo = -0.6;
  p.hi = 0.1 + 0.2;  // 0.30000000000000004: needs all 17 digits
  m.spec.parameters = {p};
  m.design_points = 13;
  m.points_in_file = 13;
  m.columns = {"point", "battlefield.advantage", "seed"};
  m.start_time = "2025-12-03T10:00:00Z";
  m.sessions = 1;
  return m;
}

// `json` with the first `from` replaced by `to`; fails the test if `from` is not there.
std::string replaced(std::string json, const std::string& from, const std::string& to) {
  const auto at = json.find(from);
  REQUIRE(at != std::string::npos);
  return json.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("The manifest reader reads back exact numbers and a null end time", "[sweep][json]") {
  const auto back = io::parse_manifest(io::manifest_json(small_manifest()), "m.json");
  CHECK(back.spec.parameters.at(0).lo == -0.6);
  CHECK(back.spec.parameters.at(0).hi == 0.1 + 0.2);
  CHECK(back.end_time.empty());
  CHECK(back.rows_done == 0);
}

TEST_CASE("The manifest reader keeps JSON's types and names the key that is wrong", "[sweep][json]") {
  const std::string json = io::manifest_json(small_manifest());
  CHECK_THROWS_WITH(io::parse_manifest(replaced(json, "\"runs\": 10", "\"runs\": \"10\""), "m.json"),
                    Catch::Contains("m.json: runs: expected a whole number, got \"10\""));
  CHECK_THROWS_WITH(io::parse_manifest(replaced(json, "\"runs\": 10", "\"runs\": -10"), "m.json"),
                    Catch::Contains("m.json: runs: expected a whole number, got -10"));
  CHECK_THROWS_WITH(io::parse_manifest(replaced(json, "\"runs\": 10", "\"runs\": 2.5"), "m.json"),
                    Catch::Contains("runs: expected a whole number"));
  CHECK_THROWS_WITH(io::parse_manifest(replaced(json, "\"version\": \"0.1.0\"", "\"version\": 1"), "m.json"),
                    Catch::Contains("m.json: version: expected a string, got 1"));
  CHECK_THROWS_WITH(io::parse_manifest(replaced(json, "\"lo\": -0.6", "\"lo\": \"-0.6\""), "m.json"),
                    Catch::Contains("m.json: lo: expected a number"));
  CHECK_THROWS_WITH(io::parse_manifest(replaced(json, "\"metrics\": []", "\"metrics\": [1]"), "m.json"),
                    Catch::Contains("m.json: metrics: expected a list of strings"));
  CHECK_THROWS_WITH(io::parse_manifest("[]", "m.json"), Catch::Contains("m.json: manifest: expected a JSON object"));
}

TEST_CASE("A manifest that is not JSON is refused with its file named", "[sweep][json]") {
  // YAML that is not JSON: the old reader (yaml-cpp) took it, JSON's does not.
  CHECK_THROWS_WITH(io::parse_manifest("program: parley\n", "m.json"),
                    Catch::StartsWith("m.json: the manifest is not valid JSON"));
  CHECK_THROWS_WITH(io::parse_manifest("{\"program\": \"parley\",", "m.json"),
                    Catch::StartsWith("m.json: the manifest is not valid JSON"));
}
