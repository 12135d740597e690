// The layering of docs/design.md ("Layers") holds: no header or source includes a layer above its
// own, and every file lies in a layer. The check itself is tested on a fixture tree
// (tests/data/layering) that holds one upward include, one stray folder and one clean file.
#include <catch2/catch.hpp>

#include <filesystem>
#include <sstream>
#include <string>

#include "include_layers.hpp"

using parley::testing::layer_of;
using parley::testing::layering_violations;

namespace {

std::string listed(const std::vector<parley::testing::LayeringViolation>& violations) {
  std::ostringstream out;
  for (const auto& v : violations) {
    out << v.file << ":" << v.line << ": " << (v.from.empty() ? "(no layer)" : v.from);
    if (!v.included.empty()) out << " includes parley/" << v.included << " (" << (v.to.empty() ? "no layer" : v.to) << ")";
    out << "\n";
  }
  return out.str();
}

}  // namespace

TEST_CASE("layering: a file's layer is the longest layer folder its path starts with", "[repository]") {
  CHECK(layer_of("model/scenario.hpp") == "model");
  CHECK(layer_of("io/format/json_writer.hpp") == "io/format");
  CHECK(layer_of("io/sweep/sweep_plan.cpp") == "io/sweep");
  CHECK(layer_of("sweep/design.hpp") == "sweep");
  CHECK(layer_of("io/json_writer.hpp").empty());  // io itself is no layer, only its rooms
  CHECK(layer_of("modeling/x.hpp").empty());      // a folder name is matched whole
}

TEST_CASE("layering: the check reports an upward include and a stray folder, and nothing else", "[repository]") {
  const auto fixture = std::filesystem::path(PARLEY_SOURCE_DIR) / "tests" / "data" / "layering";
  const auto found = layering_violations(fixture);
  INFO(listed(found));
  REQUIRE(found.size() == 2);
  CHECK(found[0].file == "include/parley/model/upward.hpp");
  CHECK(found[0].line == 5);
  CHECK(found[0].from == "model");
  CHECK(found[0].included == "engine/simulation.hpp");
  CHECK(found[0].to == "engine");
  CHECK(found[1].file == "sim/widgets/stray.cpp");
  CHECK(found[1].from.empty());
}

TEST_CASE("layering: no file of Parley includes a layer above its own", "[repository]") {
  const auto found = layering_violations(PARLEY_SOURCE_DIR);
  INFO(listed(found));
  CHECK(found.empty());
}
