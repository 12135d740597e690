// The scenario loader (docs/scenario-format.md): defaults, values read back, and every error
// class reported with the right file, line, column and key path.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "parley/agents/strategy_catalog.hpp"
#include "parley/io/scenario/builtin_scenarios.hpp"
#include "parley/io/scenario/scenario_loader.hpp"
#include "parley/io/scenario/scenario_schema.hpp"

using namespace parley;
using namespace parley::io;

namespace {

std::string data_path(const std::string& name) { return std::string(PARLEY_SOURCE_DIR) + "/tests/data/" + name; }

/// The diagnostics build_scenario (or parsing) reports for a document, empty if it loads.
std::vector<Diagnostic> errors_of(const std::function<Scenario()>& load) {
  try {
    load();
  } catch (const ScenarioError& e) {
    return e.diagnostics();
  }
  return {};
}

std::vector<Diagnostic> errors_of_text(const std::string& yaml) {
  return errors_of([&] { return build_scenario(parse_scenario_text(yaml, "test.yaml", "test")); });
}

const char* const kTwoParties = R"(title: T
horizon: 10
issues:
  - {id: share, kind: continuous}
parties:
  - {id: a, weights: {share: 1}, values: {share: increasing}}
  - {id: b, weights: {share: 1}, values: {share: decreasing}}
)";

}  // namespace

TEST_CASE("the minimal scenario loads and takes every default", "[io][loader]") {
  const Scenario s = load_scenario(data_path("minimal.yaml"));
  CHECK(s.id == "minimal");
  CHECK(s.title == "Minimal");
  CHECK(s.description.empty());
  CHECK(s.horizon == 10);
  CHECK(s.period_unit == "period");
  REQUIRE(s.issues.size() == 1);
  const Issue& share = s.issues[0];
  CHECK(share.name == "share");
  CHECK(share.kind == IssueKind::continuous);
  CHECK(share.lo == 0.0);
  CHECK(share.hi == 1.0);
  CHECK_FALSE(share.steps.has_value());
  CHECK_FALSE(share.linked_to_front);
  CHECK(share.status_quo == share.lo);
  REQUIRE(s.parties.size() == 2);
  for (const Party& p : s.parties) {
    CHECK(p.name == p.id);
    CHECK(p.role == Role::belligerent);
    CHECK(p.veto);
    CHECK(p.discount == 1.0);
    CHECK(p.cost == 0.0);
    CHECK(p.reservation == 0.0);
    CHECK(p.belief.knows_truth());
    CHECK(p.strategy.name == "linear");
    // The strategy's parameters come from the catalog's defaults.
    const StrategyInfo* linear = find_strategy("linear");
    REQUIRE(linear != nullptr);
    REQUIRE(p.strategy.params.size() == linear->params.size());
    for (const auto& param : linear->params) CHECK(p.strategy.params.at(param.name) == param.default_value);
    CHECK_FALSE(p.proposal.has_value());
  }
  CHECK(s.parties[0].values[0].curve(0.25) == 0.25);
  CHECK(s.parties[1].values[0].curve(0.25) == 0.75);
  CHECK_FALSE(s.battlefield.has_value());
  CHECK(s.protocol.kind == ProtocolParams::Kind::alternating);
  CHECK(s.protocol.order == std::vector<std::size_t>{0, 1});
  CHECK(s.protocol.recognition == std::vector<double>{0.5, 0.5});
  CHECK(s.protocol.every == 1);
  CHECK(s.protocol.periods.empty());
  CHECK(s.protocol.counter);
}

TEST_CASE("the documented example loads with every value it states", "[io][loader]") {
  const Scenario s = build_scenario(parse_scenario_text(schema_example_yaml(), "example.yaml", "example"));
  CHECK(s.horizon == 52);
  CHECK(s.period_unit == "week");
  CHECK(s.description == "A territory line linked to the front, a security guarantee and a two-clause plan.\n");
  REQUIRE(s.issues.size() == 3);
  CHECK(s.issues[0].name == "Contested territory");
  CHECK(s.issues[0].unit == "share held by side A");
  CHECK(s.issues[0].linked_to_front);
  CHECK(s.issues[0].status_quo == 0.5);
  CHECK(s.issues[1].kind == IssueKind::ordinal);
  CHECK(s.issues[1].levels == std::vector<std::string>{"none", "bilateral", "alliance"});
  CHECK(s.issues[1].level_names == s.issues[1].levels);
  CHECK(s.issues[1].status_quo == 0.0);
  CHECK(s.issues[2].kind == IssueKind::clauses);
  REQUIRE(s.issues[2].clauses.size() == 2);
  CHECK(s.issues[2].clauses[1].id == "elections");
  CHECK(s.issues[2].clauses[1].text == "Elections within a year");
  CHECK(s.issues[2].clause_offset == 0);

  const Party& north = s.parties[0];
  CHECK(north.discount == 0.99);
  CHECK(north.cost == 0.004);
  CHECK(north.weights == std::vector<double>{0.6, 0.3, 0.1});
  CHECK(north.values[1].level_values == std::vector<double>{1.0, 0.6, 0.0});
  CHECK(north.values[2].clause_values == std::vector<double>{1.0, -0.5});
  // finalize() ran: the clause sums are set.
  CHECK(north.values[2].clause_min == -0.5);
  CHECK(north.values[2].clause_max == 1.0);
  CHECK(north.belief.offsets == std::vector<double>{0.1});
  CHECK(north.belief.prior == std::vector<double>{1.0});
  CHECK(north.strategy.name == "prolonged");
  CHECK(north.strategy.params.at("e") == 0.3);

  const Party& south = s.parties[1];
  const std::vector<std::pair<double, double>> points{{0.0, 1.0}, {0.5, 0.6}, {1.0, 0.0}};
  CHECK(south.values[0].curve.points() == points);
  CHECK(south.strategy.name == "quick");

  const Party& broker = s.parties[2];
  CHECK(broker.role == Role::mediator);
  CHECK_FALSE(broker.veto);
  CHECK(broker.weights == std::vector<double>{0.0, 0.0, 1.0});
  CHECK(broker.strategy.name == "plan");
  REQUIRE(broker.proposal.has_value());
  CHECK(broker.proposal->amounts[0] == 0.5);
  CHECK(broker.proposal->amounts[1] == 1.0);
  CHECK(broker.proposal->clauses == std::vector<std::uint8_t>{1, 1});

  REQUIRE(s.battlefield.has_value());
  const BattlefieldParams& bf = *s.battlefield;
  CHECK(bf.side_a == "north");
  CHECK(bf.side_b == "south");
  CHECK(bf.states == 10);
  CHECK(bf.start == 5);
  CHECK(bf.collapse_a == 0);
  CHECK(bf.collapse_b == 10);
  CHECK(bf.tempo == 0.5);
  CHECK(bf.advantage.kind == AdvantageSchedule::Kind::exponential);
  CHECK(bf.advantage.a0 == 0.2);
  CHECK(bf.advantage.a_inf == 0.0);
  CHECK(bf.advantage.half_life == 26.0);
  CHECK(bf.offensive_probability == 0.0);
  // Collapse terms default to the frozen front at the thresholds.
  CHECK(s.collapse_a_terms == s.frozen(0));
  CHECK(s.collapse_b_terms == s.frozen(10));
  CHECK(s.collapse_b_terms.amounts[0] == 1.0);

  CHECK(s.protocol.kind == ProtocolParams::Kind::mediated);
  CHECK(s.protocol.mediator == 2);
  CHECK(s.protocol.order == std::vector<std::size_t>{0, 1});
  CHECK(s.protocol.every == 2);
}

TEST_CASE("every bad scenario in the corpus is reported at the right line and key", "[io][loader]") {
  struct Expectation {
    const char* file;
    int line;
    int column;
    const char* path;     // the first diagnostic's key path, exactly
    const char* message;  // a phrase of its message
  };
  // One file per error class of the format (tests/data/bad/<class>.yaml).
  const std::vector<Expectation> corpus = {
      {"yaml_syntax", 11, 7, "", "YAML syntax"},
      {"unknown_key", 28, 5, "parties[1].cots", "unknown key 'cots' (did you mean 'cost'?)"},
      {"missing_required_key", 8, 5, "issues[1].kind", "missing required key 'kind'"},
      {"wrong_type", 3, 10, "horizon", "expected an integer, got 'ten weeks'"},
      {"out_of_range", 27, 15, "parties[1].discount", "must be in (0, 1], got 1.5"},
      {"negative_cost", 19, 11, "parties[0].cost", "must be >= 0, got -0.01"},
      {"weights_sum", 29, 14, "parties[1].weights", "the weights sum to 1.1, not 1"},
      {"duplicate_id", 26, 9, "parties[1].id", "duplicate party id 'north' (first at line 17)"},
      {"duplicate_key", 20, 5, "parties[0].cost", "duplicate key 'cost' (first at line 19)"},
      {"duplicate_clause", 15, 14, "issues[2].clauses[1].id", "duplicate clause id 'ceasefire'"},
      {"unknown_party", 36, 11, "battlefield.side_b", "unknown party 'sooth' (did you mean 'south'?)"},
      {"unknown_issue", 20, 15, "parties[0].weights.teritory", "unknown issue 'teritory'"},
      {"unknown_level", 32, 53, "parties[1].values.guarantee.alliance", "unknown level 'alliance'"},
      {"unknown_clause", 16, 29, "issues[2].status_quo[1]", "unknown clause 'referendum'"},
      {"unknown_strategy", 25, 15, "parties[0].strategy", "unknown strategy 'protracted'"},
      {"strategy_role", 25, 15, "parties[0].strategy", "strategy 'nash' is for mediators"},
      {"strategy_parameter", 25, 36, "parties[0].strategy.e", "must be in [0.01, 100], got 0"},
      {"too_few_veto", 17, 3, "parties", "at least two parties with a veto"},
      {"battlefield_states", 37, 11, "battlefield.states", "must be in [2, 100000], got 1"},
      {"battlefield_tempo", 39, 10, "battlefield.tempo", "must be in (0, 1], got 0"},
      {"battlefield_thresholds", 39, 15, "battlefield.collapse_a", "the thresholds cross"},
      {"battlefield_start", 38, 10, "battlefield.start",
       "must lie strictly between collapse_a (0) and collapse_b (10)"},
      {"advantage_range", 40, 44, "battlefield.advantage.to", "must be in [-1, 1], got -1.5"},
      {"advantage_kind_key", 44, 5, "battlefield.advantage.end", "'end' is only for kind linear"},
      {"protocol_mediator", 43, 13, "protocol.mediator", "the mediator must have role mediator"},
      {"protocol_periods", 42, 19, "protocol.periods[2]", "periods must increase strictly"},
      {"protocol_recognition", 43, 16, "protocol.recognition", "sum to 0.9, not 1"},
      {"linked_without_battlefield", 7, 13, "issues[0].linked", "needs a battlefield"},
      {"kind_mismatch", 8, 5, "issues[0].levels", "'levels' is only for kind ordinal"},
      {"value_points", 22, 27, "parties[0].values.territory.points", "must run from lo to hi"},
      {"belief_prior", 26, 43, "parties[0].belief.prior", "the probabilities sum to 1.1, not 1"},
      {"identifier", 11, 9, "issues[2].id", "expected an identifier"},
      {"durability_without_battlefield", 33, 1, "durability", "the durability section needs a battlefield"},
      {"durability_continuous_terms", 44, 5, "durability.terms.territory",
       "continuous issue 'territory' cannot carry durability terms"},
      {"durability_closing_hazard", 43, 1, "durability",
       "a durability section cannot be combined with protocol.closing_hazard > 0"},
      {"red_line", 35, 37, "parties[1].red_lines[0].at_most", "at_most is for a continuous issue"},
      {"constraint", 42, 33, "constraints[0].excludes[1]", "unknown clause 'ceasfire' of issue 'plan'"},
      {"leverage", 42, 3, "leverage", "needs the mediated protocol (protocol.kind: mediated)"},
  };
  // Every file of the corpus has an expectation, and every expectation a file.
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(data_path("bad")))
    if (entry.path().stem() != "several_errors") ++files;
  CHECK(files == corpus.size());

  for (const auto& e : corpus) {
    INFO("tests/data/bad/" << e.file << ".yaml");
    const std::string path = data_path(std::string("bad/") + e.file + ".yaml");
    const auto errors = errors_of([&] { return load_scenario(path); });
    REQUIRE_FALSE(errors.empty());
    const Diagnostic& d = errors.front();
    CHECK(d.file == path);
    CHECK(d.line == e.line);
    CHECK(d.column == e.column);
    CHECK(d.path == e.path);
    CHECK_THAT(d.message, Catch::Contains(e.message));
  }
}

TEST_CASE("a file with several errors reports all of them, in line order", "[io][loader]") {
  const std::string path = data_path("bad/several_errors.yaml");
  const auto errors = errors_of([&] { return load_scenario(path); });
  REQUIRE(errors.size() == 4);
  CHECK(errors[0].line == 9);
  CHECK(errors[0].path == "parties[0].discount");
  CHECK(errors[1].line == 13);
  CHECK(errors[1].path == "parties[1].weights");
  CHECK(errors[2].line == 15);
  CHECK(errors[2].path == "parties[1].stratgy");
  CHECK(errors[3].line == 17);
  CHECK(errors[3].path == "protocol.order[1]");
  CHECK(to_string(errors[3]) == path + ":17:14: error: protocol.order[1]: unknown party 'c'");
}

TEST_CASE("diagnostics are formatted like a compiler's", "[io][loader]") {
  CHECK(to_string(Diagnostic{"a.yaml", 3, 7, "parties[1].cost", "must be >= 0, got -1"}) ==
        "a.yaml:3:7: error: parties[1].cost: must be >= 0, got -1");
  CHECK(to_string(Diagnostic{"--set x=1", 0, 0, "x", "unknown key"}) == "--set x=1: error: x: unknown key");
  CHECK(to_string(Diagnostic{"a.yaml", 2, 0, "", "YAML syntax: bad"}) == "a.yaml:2: error: YAML syntax: bad");
  const ScenarioError error({Diagnostic{"a", 1, 1, "p", "m"}, Diagnostic{"b", 2, 2, "q", "n"}});
  CHECK(std::string(error.what()) == "a:1:1: error: p: m\nb:2:2: error: q: n");
}

TEST_CASE("types are checked strictly", "[io][loader]") {
  std::string yaml = kTwoParties;
  SECTION("a quoted number is a string") {
    yaml += "protocol: {every: \"2\"}\n";
    const auto errors = errors_of_text(yaml);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].path == "protocol.every");
    CHECK(errors[0].message == "expected an integer, got the string \"2\"");
  }
  SECTION("an integer key rejects a fraction") {
    yaml += "protocol: {every: 1.5}\n";
    const auto errors = errors_of_text(yaml);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].message == "expected an integer, got '1.5'");
  }
  SECTION("a boolean key rejects a number") {
    yaml += "protocol: {counter: 1}\n";
    const auto errors = errors_of_text(yaml);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].path == "protocol.counter");
  }
  SECTION("a map where a list belongs") {
    yaml += "protocol: {order: {a: 1}}\n";
    const auto errors = errors_of_text(yaml);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].message == "expected a list, got a map");
  }
  SECTION("an empty document") {
    const auto errors = errors_of_text("");
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].message == "the scenario is empty");
  }
  SECTION("an integer beyond the range of int is an error, not wrapped") {
    yaml += "protocol: {every: 4294967297}\n";
    const auto errors = errors_of_text(yaml);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].path == "protocol.every");
    CHECK(errors[0].message == "must be in [-2147483648, 2147483647], got 4294967297");
  }
  SECTION("an integer beyond the range of long long is not an integer") {
    const auto errors = errors_of_text(std::string(kTwoParties).replace(std::string(kTwoParties).find("horizon: 10"),
                                                                        11, "horizon: 99999999999999999999"));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].path == "horizon");
    CHECK(errors[0].message == "expected an integer, got '99999999999999999999'");
  }
  SECTION("infinities and NaN are not numbers") {
    yaml += "battlefield: {side_a: a, side_b: b, states: 4, start: 2, tempo: .nan}\n";
    const auto errors = errors_of_text(yaml);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].path == "battlefield.tempo");
  }
}

TEST_CASE("weights may be rescaled with normalize", "[io][loader]") {
  const std::string yaml = R"(title: T
horizon: 3
issues: [{id: x, kind: continuous}, {id: y, kind: ordinal, levels: [lo, hi]}]
parties:
  - {id: a, normalize: true, weights: {x: 3, y: 1}, values: {x: increasing, y: {lo: 0, hi: 1}}}
  - {id: b, weights: {x: 1}, values: {x: decreasing}}
)";
  const Scenario s = build_scenario(parse_scenario_text(yaml, "t.yaml", "t"));
  CHECK(s.parties[0].weights == std::vector<double>{0.75, 0.25});
  // An unlisted issue weighs 0 and needs no value.
  CHECK(s.parties[1].weights == std::vector<double>{1.0, 0.0});
}

TEST_CASE("roles set the defaults of veto and strategy", "[io][loader]") {
  std::string yaml = kTwoParties;
  yaml += "  - {id: m, role: mediator, weights: {share: 1}, values: {share: increasing}, proposal: {share: 0.5}}\n"
          "  - {id: g, role: guarantor, weights: {share: 1}, values: {share: increasing}}\n"
          "  - {id: o, role: observer, veto: true, weights: {share: 1}, values: {share: increasing}}\n";
  const Scenario s = build_scenario(parse_scenario_text(yaml, "t.yaml", "t"));
  CHECK_FALSE(s.parties[2].veto);
  CHECK(s.parties[2].strategy.name == "plan");
  CHECK(s.parties[2].strategy.params.at("drift") == find_strategy("plan")->params.at(0).default_value);
  CHECK_FALSE(s.parties[3].veto);
  CHECK(s.parties[3].strategy.name == "none");
  CHECK(s.parties[4].veto);
  CHECK(s.parties[4].strategy.name == "none");
  // The default order is the veto belligerents; a vetoing observer is not a proposer.
  CHECK(s.protocol.order == std::vector<std::size_t>{0, 1});

  SECTION("a mediator with the default strategy needs a proposal") {
    std::string no_proposal = kTwoParties;
    no_proposal += "  - {id: m, role: mediator, weights: {share: 1}, values: {share: increasing}}\n";
    const auto errors = errors_of_text(no_proposal);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].path == "parties[2].proposal");
  }
  SECTION("a belligerent may not play none") {
    std::string none = kTwoParties;
    none.insert(none.find("values: {share: decreasing}}"), "strategy: none, ");
    const auto errors = errors_of_text(none);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].path == "parties[1].strategy");
  }
}

TEST_CASE("advantage schedules of every kind are read", "[io][loader]") {
  const auto schedule = [](const std::string& advantage) {
    std::string yaml = kTwoParties;
    yaml += "battlefield: {side_a: a, side_b: b, states: 6, start: 3, tempo: 0.5, advantage: " + advantage + "}\n";
    return build_scenario(parse_scenario_text(yaml, "t.yaml", "t")).battlefield->advantage;
  };
  const AdvantageSchedule constant = schedule("-0.25");
  CHECK(constant.kind == AdvantageSchedule::Kind::constant);
  CHECK(constant.at(7) == -0.25);
  CHECK(schedule("{kind: constant, value: 0.5}").at(0) == 0.5);
  const AdvantageSchedule linear = schedule("{kind: linear, from: 0.4, to: 0, start: 10, end: 30}");
  CHECK(linear.at(5) == 0.4);
  CHECK(linear.at(20) == Approx(0.2).epsilon(1e-15));
  CHECK(linear.at(40) == 0.0);
  const AdvantageSchedule exponential = schedule("{kind: exponential, from: 0.4, half_life: 8}");
  CHECK(exponential.a_inf == 0.0);
  CHECK(exponential.at(8) == Approx(0.2).epsilon(1e-15));
  const AdvantageSchedule steps =
      schedule("{kind: steps, from: 0.2, steps: [{period: 4, value: 0}, {period: 9, value: -0.1}]}");
  CHECK(steps.at(3) == 0.2);
  CHECK(steps.at(4) == 0.0);
  CHECK(steps.at(9) == -0.1);
}

TEST_CASE("beliefs, offensives, collapse terms and periods are read", "[io][loader]") {
  const std::string yaml = R"(title: T
horizon: 20
issues:
  - {id: share, kind: continuous, linked: front}
  - {id: plan, kind: clauses, clauses: [{id: c1}, {id: c2}], status_quo: [c2]}
parties:
  - {id: a, weights: {share: 1}, values: {share: increasing}, belief: {offsets: [-0.2, 0.3], prior: [0.25, 0.75]}}
  - {id: b, weights: {share: 1}, values: {share: decreasing}}
battlefield:
  side_a: a
  side_b: b
  states: 8
  start: 4
  collapse_a: 1
  collapse_b: 7
  tempo: 1
  offensive: {probability: 0.05, size: 3}
  collapse_b_terms: {share: 0.9, plan: [c1]}
protocol: {kind: random, recognition: {a: 0.7, b: 0.3}, periods: [0, 5, 10]}
)";
  const Scenario s = build_scenario(parse_scenario_text(yaml, "t.yaml", "t"));
  CHECK(s.parties[0].belief.offsets == std::vector<double>{-0.2, 0.3});
  CHECK(s.parties[0].belief.prior == std::vector<double>{0.25, 0.75});
  CHECK(s.issues[1].clauses[0].text == "c1");
  CHECK(s.issues[1].status_quo_clauses == std::vector<std::uint8_t>{0, 1});
  const BattlefieldParams& bf = *s.battlefield;
  CHECK(bf.collapse_a == 1);
  CHECK(bf.collapse_b == 7);
  CHECK(bf.offensive_probability == 0.05);
  CHECK(bf.offensive_size == 3);
  // Listed issues of explicit terms are set; the default terms freeze the front.
  CHECK(s.collapse_b_terms.amounts[0] == 0.9);
  CHECK(s.collapse_b_terms.clauses == std::vector<std::uint8_t>{1, 0});
  CHECK(s.collapse_a_terms == s.frozen(1));
  CHECK(s.collapse_a_terms.amounts[0] == 1.0 / 8.0);
  // Terms that leave out the front-linked issue put it where the front ended (7 of 8), not at
  // its status quo; unlisted issues not linked to the front keep their status quo.
  std::string partial = yaml;
  partial.replace(partial.find("collapse_b_terms: {share: 0.9, plan: [c1]}"),
                  std::string("collapse_b_terms: {share: 0.9, plan: [c1]}").size(), "collapse_b_terms: {plan: [c1]}");
  const Scenario p = build_scenario(parse_scenario_text(partial, "p.yaml", "p"));
  CHECK(p.collapse_b_terms.amounts[0] == 7.0 / 8.0);
  CHECK(p.collapse_b_terms.clauses == std::vector<std::uint8_t>{1, 0});
  std::string clauses_left_out = yaml;
  clauses_left_out.replace(clauses_left_out.find("collapse_b_terms: {share: 0.9, plan: [c1]}"),
                           std::string("collapse_b_terms: {share: 0.9, plan: [c1]}").size(), "collapse_b_terms: {share: 0.9}");
  const Scenario q = build_scenario(parse_scenario_text(clauses_left_out, "q.yaml", "q"));
  CHECK(q.collapse_b_terms.clauses == s.issues[1].status_quo_clauses);
  CHECK(s.protocol.kind == ProtocolParams::Kind::random);
  CHECK(s.protocol.recognition == std::vector<double>{0.7, 0.3});
  CHECK(s.protocol.periods == std::vector<int>{0, 5, 10});
}

TEST_CASE("scenario arguments resolve to files, then built-in names", "[io][loader]") {
  CHECK(parse_scenario_argument(data_path("minimal.yaml")).id == "minimal");
  const ScenarioDocument builtin = parse_scenario_argument(default_scenario_name);
  CHECK(builtin.name == builtin.id);
  const auto errors = errors_of([] { return load_scenario("no-such-scenario"); });
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].file == "no-such-scenario");
  CHECK_THAT(errors[0].message, Catch::Contains("no such file, and no built-in scenario of that name"));
  const auto unreadable = errors_of([] { return build_scenario(parse_scenario_file("/nonexistent/x.yaml")); });
  REQUIRE(unreadable.size() == 1);
  CHECK(unreadable[0].message == "cannot open the file");
}
