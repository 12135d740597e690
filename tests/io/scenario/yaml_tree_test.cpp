// The YAML tree refuses documents that would never end or would not fit in memory, with a
// located error instead of a crash (issue 18): an alias to a list or map that contains it, and
// aliases nested in aliases that expand past max_yaml_nodes.
#include <catch2/catch.hpp>

#include <string>

#include "../../support/cli_runner.hpp"
#include "parley/io/scenario/yaml_tree.hpp"

using parley::io::parse_yaml;
using parley::io::ScenarioError;

namespace {

/// The one diagnostic parse_yaml throws for `text`, as "line:column: message".
std::string yaml_refusal(const std::string& text) {
  try {
    (void)parse_yaml(text, "c.yaml");
  } catch (const ScenarioError& e) {
    REQUIRE(e.diagnostics().size() == 1);
    const auto& d = e.diagnostics().front();
    CHECK(d.file == "c.yaml");
    return std::to_string(d.line) + ":" + std::to_string(d.column) + ": " + d.message;
  }
  return "accepted";
}

/// `levels` anchors, each a list of ten aliases of the one before: 10^levels leaves once
/// expanded, from a text of a few hundred bytes.
std::string nested_aliases(int levels) {
  std::string text = "l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int k = 1; k <= levels; ++k) {
    const std::string prev = "*l" + std::to_string(k - 1);
    text += "l" + std::to_string(k) + ": &l" + std::to_string(k) + " [";
    for (int i = 0; i < 10; ++i) text += (i ? ", " : "") + prev;
    text += "]\n";
  }
  return text;
}

}  // namespace

TEST_CASE("yaml tree: an alias inside the list or map it names is a located error", "[io][yaml]") {
  CHECK_THAT(yaml_refusal("extra: &a [*a]\n"), Catch::Matches("1:8: .*cycle.*"));
  CHECK_THAT(yaml_refusal("title: t\nloop: &m {inner: *m}\n"), Catch::Matches("2:7: .*cycle.*"));
  // An alias that repeats a node elsewhere (not inside itself) is ordinary YAML.
  const auto tree = parse_yaml("a: &v [1, 2]\nb: *v\n", "c.yaml");
  REQUIRE(tree.entries.size() == 2);
  CHECK(tree.entries[1].second.items.size() == 2);
}

TEST_CASE("yaml tree: aliases nested in aliases stop at the node budget", "[io][yaml]") {
  // 10^4 leaves: well within the budget, copied in full.
  const auto small = parse_yaml(nested_aliases(4), "c.yaml");
  CHECK(small.entries.back().second.items.size() == 10);
  // 10^7 leaves: refused once the copy passes max_yaml_nodes, not after gigabytes.
  CHECK_THAT(yaml_refusal(nested_aliases(7)),
             Catch::Contains("expands to more than " + std::to_string(parley::io::max_yaml_nodes) + " nodes"));
}

TEST_CASE("yaml tree: parley validate and --set report a cyclic alias and exit 1", "[io][yaml][cli]") {
  const parley::testing::TempFolder folder("yaml");
  parley::testing::write_text(folder / "c.yaml", "extra: &a [*a]\n");
  const auto file = parley::testing::run_cli("validate '" + folder.file("c.yaml") + "'");
  CHECK(file.exit_code == 1);
  CHECK_THAT(file.err, Catch::Contains("c.yaml:1:8: error: an alias refers to a list or map that contains it"));
  const auto set = parley::testing::run_cli("validate ukraine-2025 --set 'title=&a [*a]'");
  CHECK(set.exit_code == 1);
  CHECK_THAT(set.err, Catch::Contains("cycle"));
}
