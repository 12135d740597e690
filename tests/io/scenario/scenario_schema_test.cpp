// The schema table is what the loader validates with and what docs/scenario-format.md shows:
// the committed page equals the rendering, every bounded number in the table is enforced at
// its path, and every required key is required.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <fstream>
#include <sstream>
#include <string>

#include "parley/agents/strategy_catalog.hpp"
#include "parley/io/format/number_format.hpp"
#include "parley/io/scenario/scenario_loader.hpp"
#include "parley/io/scenario/scenario_schema.hpp"

#include "schema_example.hpp"

using namespace parley;
using namespace parley::io;
using parley::testing::example;

namespace {

/// A concrete path into the example for a schema pattern: list items [0] (the continuous issue
/// territory, the party north), `<issue>` territory or the ordinal guarantee for levels and
/// durability terms, `<level>` and `<term>` none, `<param>` e (north plays prolonged), `<party>`
/// north.
std::string concrete(std::string pattern) {
  const auto replace = [&](const std::string& from, const std::string& to) {
    for (auto at = pattern.find(from); at != std::string::npos; at = pattern.find(from, at + to.size()))
      pattern.replace(at, from.size(), to);
  };
  if (pattern.find("<level>") != std::string::npos || pattern.find("<term>") != std::string::npos)
    replace("<issue>", "guarantee");
  replace("[]", "[0]");
  replace("<issue>", "territory");
  replace("<level>", "none");
  replace("<term>", "none");
  replace("<param>", "e");
  replace("<party>", "north");
  return pattern;
}

/// A value just outside a bounded range: below lo (lo itself when lo is excluded), else above hi.
std::string outside(const KeySpec& k) {
  double x = 0.0;
  if (!std::isinf(k.range.lo)) x = k.range.lo_open ? k.range.lo : k.range.lo - 1.0;
  else x = k.range.hi_open ? k.range.hi : k.range.hi + 1.0;
  return format_shortest(x);
}

/// Overrides that make the key at `pattern` apply in the example (the right schedule kind, an
/// offensive to put a value in), before the key itself is set.
std::vector<std::string> context_for(const std::string& pattern) {
  // A renewed war's schedule takes the battlefield's forms: the same context, at its own place.
  const std::string renewed = "durability.renewed_war.advantage";
  if (pattern.starts_with(renewed + ".")) {
    auto context = context_for("battlefield.advantage" + pattern.substr(renewed.size()));
    for (auto& c : context) c.replace(0, std::string("battlefield.advantage").size(), renewed);
    // The exponential keys need no context on the battlefield (the example's schedule is
    // exponential); a renewed war has no schedule until one is set.
    if (context.empty()) context.push_back(renewed + "={kind: exponential, from: 0, half_life: 1}");
    return context;
  }
  if (pattern.starts_with("battlefield.advantage.steps"))
    return {"battlefield.advantage={kind: steps, from: 0, steps: [{period: 1, value: 0}]}"};
  if (pattern == "battlefield.advantage.value") return {"battlefield.advantage={kind: constant, value: 0}"};
  if (pattern == "battlefield.advantage.to" || pattern == "battlefield.advantage.start")
    return {"battlefield.advantage={kind: linear, from: 0, to: 0, end: 10}"};
  if (pattern.starts_with("battlefield.offensive.")) return {"battlefield.offensive={probability: 0.1, size: 2}"};
  if (pattern.starts_with("protocol.recognition")) return {"protocol.kind=random"};
  if (pattern.starts_with("leverage[]")) return {"leverage=[{on: north, advantage: 0.1}]"};
  return {};
}

std::vector<Diagnostic> errors_of(const ScenarioDocument& doc) {
  try {
    build_scenario(doc);
  } catch (const ScenarioError& e) {
    return e.diagnostics();
  }
  return {};
}

}  // namespace

TEST_CASE("docs/scenario-format.md is the rendering of the schema table", "[io][schema]") {
  std::ifstream in(std::string(PARLEY_SOURCE_DIR) + "/docs/scenario-format.md", std::ios::binary);
  REQUIRE(in);
  std::ostringstream committed;
  committed << in.rdbuf();
  // If this fails, regenerate the page: parley schema -o docs/scenario-format.md
  CHECK(committed.str() == render_schema_markdown());
}

TEST_CASE("the reference page lists every key and every strategy parameter", "[io][schema]") {
  const std::string page = render_schema_markdown();
  for (const auto& k : scenario_schema()) CHECK_THAT(page, Catch::Contains("| `" + k.path + "` |"));
  for (const auto& s : strategy_catalog()) {
    CHECK_THAT(page, Catch::Contains("| `" + s.name + "` |"));
    for (const auto& p : s.params)
      CHECK_THAT(page, Catch::Contains("`" + p.name + "` = " + format_shortest(p.default_value) + " in [" +
                                       format_shortest(p.lo) + ", " + format_shortest(p.hi) + "]"));
  }
}

TEST_CASE("the documented example is a valid scenario", "[io][schema]") {
  CHECK_NOTHROW(build_scenario(example()));
}

TEST_CASE("every bounded number in the table is enforced at its path", "[io][schema]") {
  int checked = 0;
  for (const auto& k : scenario_schema()) {
    if (k.type != KeyType::number && k.type != KeyType::integer && k.type != KeyType::variant) continue;
    if (k.range.unbounded()) continue;
    const std::string path = concrete(k.path);
    INFO(k.path << " at " << path << " = " << outside(k));
    ScenarioDocument doc = example();
    for (const auto& c : context_for(k.path)) apply_override(doc, c);
    apply_override(doc, path, outside(k));
    const auto errors = errors_of(doc);
    const bool reported = std::any_of(errors.begin(), errors.end(), [&](const Diagnostic& d) {
      return d.path == path && d.message.starts_with("must be");
    });
    CHECK(reported);
    ++checked;
  }
  // discount, cost, reservation, weights, level values, belief offset, horizon, steps,
  // battlefield (states, collapse_a, tempo, advantage and its schedule's values, offensive),
  // recognition, every.
  CHECK(checked >= 20);
}

TEST_CASE("every required key of the example is required", "[io][schema]") {
  const ScenarioDocument base = example();
  int checked = 0;
  for (const auto& k : scenario_schema()) {
    if (!k.required || k.path.find('<') != std::string::npos) continue;
    // Follow the concrete path in the example; skip keys the example does not hold (another
    // kind's keys, list items written in short form).
    ScenarioDocument doc = base;
    YamlNode* node = &doc.root;
    YamlNode* parent = nullptr;
    std::string key;
    std::string path = concrete(k.path);
    std::string rest = path;
    while (node && !rest.empty()) {
      const auto dot = rest.find('.');
      std::string step = rest.substr(0, dot);
      rest = dot == std::string::npos ? "" : rest.substr(dot + 1);
      std::size_t index = 0;
      const bool indexed = step.ends_with("[0]");
      if (indexed) step.resize(step.size() - 3);
      parent = node;
      key = step;
      node = node->is_map() ? node->find(step) : nullptr;
      if (node && indexed) {
        parent = nullptr;
        node = node->is_sequence() && node->items.size() > index && node->items[index].is_map() ? &node->items[index]
                                                                                                 : nullptr;
      }
    }
    if (!node || !parent) continue;
    auto& entries = parent->entries;
    entries.erase(std::remove_if(entries.begin(), entries.end(), [&](const auto& e) { return e.first.scalar == key; }),
                  entries.end());
    INFO(k.path << " removed at " << path);
    const auto errors = errors_of(doc);
    const bool reported = std::any_of(errors.begin(), errors.end(), [&](const Diagnostic& d) {
      return d.path == path && d.message.find("missing") != std::string::npos;
    });
    CHECK(reported);
    ++checked;
  }
  CHECK(checked >= 10);
}

TEST_CASE("numeric ranges print and test their ends", "[io][schema]") {
  const NumericRange half_open{0.0, 1.0, true, false};
  CHECK(half_open.to_string() == "(0, 1]");
  CHECK_FALSE(half_open.contains(0.0));
  CHECK(half_open.contains(1.0));
  const NumericRange at_least{0.0, std::numeric_limits<double>::infinity(), false, false};
  CHECK(at_least.to_string() == ">= 0");
  CHECK(at_least.contains(0.0));
  CHECK_FALSE(at_least.contains(-1e-300));
  CHECK(NumericRange{}.unbounded());
  CHECK(NumericRange{}.to_string().empty());
  CHECK_THROWS_AS(schema_key("parties[].no_such_key"), std::logic_error);
}
