// `--set PATH=VALUE` (apply_override): every kind of field, by id and by index, validation of
// the result, and errors located at the `--set` argument.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "parley/io/scenario/scenario_loader.hpp"
#include "parley/io/scenario/scenario_schema.hpp"

#include "schema_example.hpp"

using namespace parley;
using namespace parley::io;
using parley::testing::example;

namespace {

Scenario with(const std::vector<std::string>& assignments) {
  ScenarioDocument doc = example();
  for (const auto& a : assignments) apply_override(doc, a);
  return build_scenario(doc);
}

std::vector<Diagnostic> errors_with(const std::vector<std::string>& assignments) {
  try {
    with(assignments);
  } catch (const ScenarioError& e) {
    return e.diagnostics();
  }
  return {};
}

}  // namespace

TEST_CASE("override: --set changes numbers, by id and by index", "[io][set]") {
  CHECK(with({"parties.north.cost=0.02"}).parties[0].cost == 0.02);
  CHECK(with({"parties[1].cost=0.03"}).parties[1].cost == 0.03);
  CHECK(with({"horizon=12"}).horizon == 12);
  CHECK(with({"battlefield.tempo=0.25"}).battlefield->tempo == 0.25);
  CHECK(with({"issues.territory.status_quo=0.7"}).issues[0].status_quo == 0.7);
  // A key the file leaves to its default is created.
  CHECK(with({"parties.south.reservation=0.2"}).parties[1].reservation == 0.2);
  CHECK(with({"parties.broker.discount=0.9"}).parties[2].discount == 0.9);
}

TEST_CASE("override: --set changes strings, enums and booleans", "[io][set]") {
  CHECK(with({"title=Another title"}).title == "Another title");
  CHECK(with({"parties.north.name=Nord"}).parties[0].name == "Nord");
  CHECK(with({"protocol.kind=alternating"}).protocol.kind == ProtocolParams::Kind::alternating);
  CHECK(with({"parties.broker.veto=true"}).parties[2].veto);
  CHECK(with({"issues.guarantee.status_quo=alliance"}).issues[1].status_quo == 2.0);
}

TEST_CASE("override: --set changes lists and maps", "[io][set]") {
  CHECK(with({"protocol.periods=[0, 3, 9]"}).protocol.periods == std::vector<int>{0, 3, 9});
  CHECK(with({"issues.plan.status_quo=[elections]"}).issues[2].status_quo_clauses == std::vector<std::uint8_t>{0, 1});
  const Scenario weights = with({"parties.north.weights={territory: 0.5, guarantee: 0.5}"});
  CHECK(weights.parties[0].weights == std::vector<double>{0.5, 0.5, 0.0});
  const Scenario one_weight = with({"parties.north.weights.territory=0.7", "parties.north.weights.guarantee=0.2"});
  CHECK(one_weight.parties[0].weights == std::vector<double>{0.7, 0.2, 0.1});
  const Scenario values = with({"parties.north.values.guarantee={none: 0.9, bilateral: 1, alliance: 0}"});
  CHECK(values.parties[0].values[1].level_values == std::vector<double>{0.9, 1.0, 0.0});
  const Scenario points = with({"parties.north.values.territory={points: [[0, 0], [0.2, 1], [1, 1]]}"});
  CHECK(points.parties[0].values[0].curve(0.1) == 0.5);
  const Scenario belief = with({"parties.south.belief={offsets: [-0.1, 0.1], prior: [0.5, 0.5]}"});
  CHECK(belief.parties[1].belief.offsets == std::vector<double>{-0.1, 0.1});
  const Scenario proposal = with({"parties.broker.proposal.guarantee=none"});
  CHECK(proposal.parties[2].proposal->amounts[1] == 0.0);
  CHECK(proposal.parties[2].proposal->amounts[0] == 0.5);
}

TEST_CASE("override: --set reaches strategies and their parameters", "[io][set]") {
  // A strategy given by name is opened into {name: ...} to set a parameter.
  const Scenario e = with({"parties.south.strategy.e=5"});
  CHECK(e.parties[1].strategy.name == "quick");
  CHECK(e.parties[1].strategy.params.at("e") == 5.0);
  CHECK(with({"parties.north.strategy.e=0.1"}).parties[0].strategy.params.at("e") == 0.1);
  const Scenario renamed = with({"parties.north.strategy=hardline"});
  CHECK(renamed.parties[0].strategy.name == "hardline");
  CHECK(renamed.parties[0].strategy.params.empty());
  const Scenario map = with({"parties[1].strategy={name: contingent, beta: 0.25}"});
  CHECK(map.parties[1].strategy.name == "contingent");
  CHECK(map.parties[1].strategy.params.at("beta") == 0.25);
}

TEST_CASE("override: --set reaches the advantage schedule", "[io][set]") {
  const Scenario constant = with({"battlefield.advantage=0.3"});
  CHECK(constant.battlefield->advantage.kind == AdvantageSchedule::Kind::constant);
  CHECK(constant.battlefield->advantage.a0 == 0.3);
  CHECK(with({"battlefield.advantage.half_life=13"}).battlefield->advantage.half_life == 13.0);
  // A constant opened into {kind: constant, value: ...}.
  CHECK(with({"battlefield.advantage=0.3", "battlefield.advantage.value=-0.4"}).battlefield->advantage.a0 == -0.4);
  const Scenario linear = with({"battlefield.advantage={kind: linear, from: 0.3, to: 0, end: 52}"});
  CHECK(linear.battlefield->advantage.kind == AdvantageSchedule::Kind::linear);
  CHECK(linear.battlefield->advantage.t1 == 52.0);
  const Scenario steps = with({"battlefield.advantage={kind: steps, from: 0.2, steps: [{period: 4, value: 0}]}",
                               "battlefield.advantage.steps[0].value=-0.3"});
  CHECK(steps.battlefield->advantage.steps.at(0) == std::pair(4, -0.3));
}

TEST_CASE("override: --set reaches list items inside items, and creates missing maps", "[io][set]") {
  CHECK(with({"issues.plan.clauses.elections.text=Elections soon"}).issues[2].clauses[1].text == "Elections soon");
  CHECK(with({"issues[2].clauses[0].text=Truce"}).issues[2].clauses[0].text == "Truce");
  // Levels written as plain ids are found by their text.
  CHECK(with({"issues.guarantee.levels.alliance=treaty", "parties.north.values.guarantee={none: 1, bilateral: 0.5, "
              "treaty: 0}",
              "parties.south.values.guarantee={none: 0, bilateral: 0.5, treaty: 1}"})
            .issues[1]
            .levels[2] == "treaty");
  const Scenario offensive = with({"battlefield.offensive.probability=0.1", "battlefield.offensive.size=2"});
  CHECK(offensive.battlefield->offensive_probability == 0.1);
  CHECK(offensive.battlefield->offensive_size == 2);
}

TEST_CASE("an overridden document is validated again, errors located at --set", "[io][set]") {
  const auto errors = errors_with({"parties.north.cost=-1", "parties.south.strategy.e=0", "protocol.kind=random"});
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].file == "--set parties.north.cost=-1");
  CHECK(errors[0].line == 0);
  CHECK(errors[0].path == "parties[0].cost");
  CHECK(errors[0].message == "must be >= 0, got -1");
  CHECK(to_string(errors[1]) ==
        "--set parties.south.strategy.e=0: error: parties[1].strategy.e: must be in [0.01, 100], got 0");

  const auto unknown = errors_with({"parties.north.cots=0.1"});
  REQUIRE(unknown.size() == 1);
  CHECK(unknown[0].file == "--set parties.north.cots=0.1");
  CHECK(unknown[0].message == "unknown key 'cots' (did you mean 'cost'?)");

  // An error that the override causes elsewhere points at the file's key.
  const auto sum = errors_with({"parties.north.weights.territory=0.7"});
  REQUIRE(sum.size() == 1);
  CHECK(sum[0].file == "example.yaml");
  CHECK(sum[0].path == "parties[0].weights");
  CHECK(sum[0].message == "the weights sum to 1.1, not 1 (fix them, or set 'normalize: true' to rescale)");
}

TEST_CASE("paths that cannot be followed are reported at --set", "[io][set]") {
  struct Case {
    const char* assignment;
    const char* path;
    const char* message;
  };
  const std::vector<Case> cases = {
      {"parties.nrth.cost=1", "parties",
       "has no item with id 'nrth' (did you mean 'north'?) (ids: north, south, broker)"},
      {"parties[7].cost=1", "parties", "has 3 items, so [7] does not exist"},
      {"horizon.value=1", "horizon", "is '52', which has no key 'value'"},
      {"title[0]=x", "title",
       "is the string \"Example: two sides, a mediator, a front\", not a list, so [0] cannot be set"},
      {"parties..cost=1", "", "malformed path 'parties..cost'"},
      {"parties[x].cost=1", "", "malformed path 'parties[x].cost'"},
      {"horizon=[1", "horizon", "the value is not valid YAML"},
      {"no equals sign", "", "expected PATH=VALUE"},
  };
  for (const auto& c : cases) {
    INFO(c.assignment);
    ScenarioDocument doc = example();
    try {
      apply_override(doc, c.assignment);
      FAIL("no error");
    } catch (const ScenarioError& e) {
      REQUIRE(e.diagnostics().size() == 1);
      const Diagnostic& d = e.diagnostics()[0];
      CHECK(d.file == std::string("--set ") + c.assignment);
      CHECK(d.path == c.path);
      CHECK_THAT(d.message, Catch::StartsWith(c.message));
    }
  }
}

TEST_CASE("a document parsed once gives independent variants (the sweep's pattern)", "[io][set]") {
  const ScenarioDocument base = example();
  std::vector<double> tempos;
  for (const char* tempo : {"0.1", "0.2", "0.3"}) {
    ScenarioDocument doc = base;
    apply_override(doc, "battlefield.tempo", tempo);
    CHECK(doc.overrides == std::vector<std::string>{std::string("battlefield.tempo=") + tempo});
    tempos.push_back(build_scenario(doc).battlefield->tempo);
  }
  CHECK(tempos == std::vector<double>{0.1, 0.2, 0.3});
  CHECK(base.overrides.empty());
  CHECK(build_scenario(base).battlefield->tempo == 0.5);
}

TEST_CASE("load_scenario reports the errors of every override at once", "[io][set]") {
  const std::string path = std::string(PARLEY_SOURCE_DIR) + "/tests/data/minimal.yaml";
  try {
    load_scenario(path, {"parties.x.cost=1", "parties[5].cost=1", "parties.a.cost=0.5"});
    FAIL("no error");
  } catch (const ScenarioError& e) {
    REQUIRE(e.diagnostics().size() == 2);
    CHECK(e.diagnostics()[0].file == "--set parties.x.cost=1");
    CHECK(e.diagnostics()[1].file == "--set parties[5].cost=1");
  }
  CHECK(load_scenario(path, {"parties.a.cost=0.5"}).parties[0].cost == 0.5);
}

TEST_CASE("apply_overrides tries every assignment, keeps the good ones and reports the bad in order", "[io][set]") {
  ScenarioDocument doc = example();
  try {
    apply_overrides(doc, {"parties.nowhere.cost=1", "parties.north.cost=0.02", "no-equals-sign",
                          "parties.south.cost=0.04"});
    FAIL("no error");
  } catch (const ScenarioError& e) {
    REQUIRE(e.diagnostics().size() == 2);
    CHECK(e.diagnostics()[0].file == "--set parties.nowhere.cost=1");
    CHECK(e.diagnostics()[1].file == "--set no-equals-sign");
  }
  // The assignments on either side of the bad ones were applied, in order.
  CHECK(doc.overrides == std::vector<std::string>{"parties.north.cost=0.02", "parties.south.cost=0.04"});
  const Scenario s = build_scenario(doc);
  CHECK(s.parties[0].cost == 0.02);
  CHECK(s.parties[1].cost == 0.04);
  // A later assignment replaces what an earlier one set.
  ScenarioDocument twice = example();
  apply_overrides(twice, {"horizon=12", "horizon=14"});
  CHECK(build_scenario(twice).horizon == 14);
}
