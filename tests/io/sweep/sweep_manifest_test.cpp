// The manifest reader: JSON's types are kept (a count is a JSON whole number, a text a JSON
// string), numbers read back exactly, and what is wrong is named with the file and the key.
#include <catch2/catch.hpp>

#include <string>

#include "parley/io/sweep/sweep_manifest.hpp"

using namespace parley;

namespace {

// A manifest as `parley sweep` writes it (one varied parameter; the sweep still running).
const std::string running_manifest = R"({
  "program": "parley",
  "version": "0.1.0",
  "scenario": {"path": "ukraine-2025", "sha256": "abc"},
  "sweep": {
    "design": "grid", "samples": 0, "runs": 10, "seed": 18446744073709551615,
    "parameters": [{"path": "battlefield.advantage", "spec": "-0.6:0.3", "lo": -0.6, "hi": 0.30000000000000004}],
    "metrics": [],
    "set": ["parties.russia.cost=0.003"]
  },
  "design_points": 13,
  "shard": {"index": 1, "count": 1},
  "points_in_file": 13,
  "columns": ["point", "battlefield.advantage", "seed"],
  "start_time": "2025-12-03T10:00:00Z",
  "end_time": null,
  "sessions": 1, "rows_done": 0, "rows_failed": 0
})";

// `running_manifest` with `from` replaced by `to`; fails the test if `from` is not there.
std::string changed(const std::string& from, const std::string& to) {
  std::string json = running_manifest;
  const auto at = json.find(from);
  REQUIRE(at != std::string::npos);
  return json.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("The manifest reader reads exact numbers, the largest seed and a null end time", "[sweep][json]") {
  const auto m = io::parse_manifest(running_manifest, "m.json");
  CHECK(m.spec.seed == 18446744073709551615ull);
  REQUIRE(m.spec.parameters.size() == 1);
  CHECK(m.spec.parameters[0].lo == -0.6);
  CHECK(m.spec.parameters[0].hi == 0.1 + 0.2);
  CHECK(m.spec.parameters[0].levels.empty());
  CHECK(m.spec.base_overrides == std::vector<std::string>{"parties.russia.cost=0.003"});
  CHECK(m.end_time.empty());
  // What the writer makes of it reads back the same.
  CHECK(io::manifest_json(io::parse_manifest(io::manifest_json(m), "m.json")) == io::manifest_json(m));
}

TEST_CASE("The manifest reader keeps JSON's types and names the key that is wrong", "[sweep][json]") {
  struct Damage {
    std::string from, to, message;
  };
  const Damage damages[] = {
      {R"("runs": 10)", R"("runs": "10")", R"(m.json: runs: expected a whole number, got "10")"},
      {R"("runs": 10)", R"("runs": -10)", "m.json: runs: expected a whole number, got -10"},
      {R"("runs": 10)", R"("runs": 2.5)", "m.json: runs: expected a whole number, got 2.5"},
      {R"("version": "0.1.0")", R"("version": 1)", "m.json: version: expected a string, got 1"},
      {R"("lo": -0.6)", R"("lo": "-0.6")", R"(m.json: lo: expected a number, got "-0.6")"},
      {R"("metrics": [])", R"("metrics": [1])", "m.json: metrics: expected a list of strings"},
      {R"("sessions": 1, )", "", "m.json: sessions: missing"},
  };
  for (const Damage& d : damages) {
    INFO(d.to);
    CHECK_THROWS_WITH(io::parse_manifest(changed(d.from, d.to), "m.json"), d.message);
  }
  CHECK_THROWS_WITH(io::parse_manifest("[]", "m.json"), "m.json: manifest: expected a JSON object");
}

TEST_CASE("A manifest that is not JSON is refused with its file named", "[sweep][json]") {
  // YAML that is not JSON: the YAML parser that read manifests before took it.
  CHECK_THROWS_WITH(io::parse_manifest("program: parley\n", "m.json"),
                    Catch::StartsWith("m.json: the manifest is not valid JSON"));
  CHECK_THROWS_WITH(io::parse_manifest(running_manifest.substr(0, running_manifest.size() / 2), "m.json"),
                    Catch::StartsWith("m.json: the manifest is not valid JSON"));
}
