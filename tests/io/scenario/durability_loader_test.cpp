// The scenario's `durability` section (DESIGN 1.10): read back to the numbers it states, its
// defaults, every error located at file:line:column and key path, and `--set` into it.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "parley/io/scenario/builtin_scenarios.hpp"
#include "parley/io/scenario/scenario_loader.hpp"
#include "parley/model/post_settlement.hpp"

#include "schema_example.hpp"

using namespace parley;
using namespace parley::io;

namespace {

/// Thirteen lines: a front-linked share, an ordinal guarantee, a clauses plan, two belligerents
/// and a guarantor, and a battlefield. A test appends its `durability` section from line 14.
const char* const kDurabilityBase = R"(title: T
horizon: 10
issues:
  - {id: share, kind: continuous, linked: front}
  - {id: guarantee, kind: ordinal, levels: [none, article5, troops]}
  - id: plan_points
    kind: clauses
    clauses: [{id: ceasefire}, {id: buffer_zone}, {id: amnesty}]
parties:
  - {id: ukraine, weights: {share: 1}, values: {share: increasing}}
  - {id: russia, weights: {share: 1}, values: {share: decreasing}}
  - {id: usa, role: guarantor, weights: {share: 1}, values: {share: increasing}}
battlefield: {side_a: ukraine, side_b: russia, states: 10, start: 5, tempo: 0.1, advantage: 0.2}
)";

Scenario durability_load(const std::string& section) {
  return build_scenario(parse_scenario_text(std::string(kDurabilityBase) + section, "test.yaml", "test"));
}

std::vector<Diagnostic> durability_errors(const std::string& yaml) {
  try {
    build_scenario(parse_scenario_text(yaml, "test.yaml", "test"));
  } catch (const ScenarioError& e) {
    return e.diagnostics();
  }
  return {};
}

Scenario durability_with(const std::vector<std::string>& assignments) {
  ScenarioDocument doc = parley::testing::example();
  for (const auto& a : assignments) apply_override(doc, a);
  return build_scenario(doc);
}

}  // namespace

TEST_CASE("durability: a full section loads to the numbers it states", "[io][loader][durability]") {
  const Scenario s = durability_load(R"(durability:
  hazard: 0.02
  renewed_war:
    advantage: {kind: linear, from: 0.3, to: -0.1, end: 20}
    tempo: 0.05
  terms:
    guarantee:
      article5: {hazard: 0.5, advantage: -0.1, cost: {russia: 0.0005}}
      troops: {hazard: 0.25, cost: {usa: 0.001, russia: 0.002}}
    plan_points:
      buffer_zone: {hazard: 0.7}
      amnesty: {advantage: 0.15}
)");
  REQUIRE(s.durability.has_value());
  const DurabilityParams& d = *s.durability;
  CHECK(d.base_hazard == 0.02);
  REQUIRE(d.renewed_tempo.has_value());
  CHECK(*d.renewed_tempo == 0.05);
  REQUIRE(d.renewed_advantage.has_value());
  CHECK(d.renewed_advantage->kind == AdvantageSchedule::Kind::linear);
  CHECK(d.renewed_advantage->a0 == 0.3);
  CHECK(d.renewed_advantage->a1 == -0.1);
  CHECK(d.renewed_advantage->t0 == 0.0);
  CHECK(d.renewed_advantage->t1 == 20.0);
  // The battlefield itself is untouched: the renewed war's values are its own.
  CHECK(s.battlefield->tempo == 0.1);
  CHECK(s.battlefield->advantage.a0 == 0.2);

  REQUIRE(d.terms.size() == 4);
  // Levels of the ordinal issue, by level index; costs by party index, zeros elsewhere.
  CHECK(d.terms[0].issue == 1);
  CHECK(d.terms[0].level == 1);
  CHECK(d.terms[0].clause == -1);
  CHECK(d.terms[0].hazard_multiplier == 0.5);
  CHECK(d.terms[0].advantage_shift == -0.1);
  CHECK(d.terms[0].cost_shift == std::vector<double>{0.0, 0.0005, 0.0});
  CHECK(d.terms[1].issue == 1);
  CHECK(d.terms[1].level == 2);
  CHECK(d.terms[1].hazard_multiplier == 0.25);
  CHECK(d.terms[1].advantage_shift == 0.0);
  CHECK(d.terms[1].cost_shift == std::vector<double>{0.0, 0.002, 0.001});
  // Clauses of the clauses issue, by clause index within the issue; no cost: an empty vector.
  CHECK(d.terms[2].issue == 2);
  CHECK(d.terms[2].level == -1);
  CHECK(d.terms[2].clause == 1);
  CHECK(d.terms[2].hazard_multiplier == 0.7);
  CHECK(d.terms[2].advantage_shift == 0.0);
  CHECK(d.terms[2].cost_shift.empty());
  CHECK(d.terms[3].clause == 2);
  CHECK(d.terms[3].hazard_multiplier == 1.0);
  CHECK(d.terms[3].advantage_shift == 0.15);

  // What the model makes of them: an agreement with article 5 and the buffer zone.
  Agreement x = s.status_quo();
  x.amounts[1] = 1.0;
  x.clauses[s.issues[2].clause_offset + 1] = 1;
  CHECK(breakdown_hazard(s, x) == Approx(0.02 * 0.5 * 0.7).epsilon(1e-15));
  const PostSettlementBalance balance = post_settlement_balance(s, x);
  CHECK(balance.advantage_shift == -0.1);
  CHECK(balance.cost_shift == std::vector<double>{0.0, 0.0005, 0.0});
  CHECK(breakdown_hazard(s, s.status_quo()) == 0.02);
}

TEST_CASE("durability: defaults and the short forms", "[io][loader][durability]") {
  SECTION("only the hazard") {
    const Scenario s = durability_load("durability: {hazard: 0.1}\n");
    REQUIRE(s.durability.has_value());
    CHECK(s.durability->base_hazard == 0.1);
    CHECK_FALSE(s.durability->renewed_tempo.has_value());
    CHECK_FALSE(s.durability->renewed_advantage.has_value());
    CHECK(s.durability->terms.empty());
    // The renewed war is then the battlefield's.
    CHECK(renewed_battlefield(s).tempo == 0.1);
    CHECK(renewed_battlefield(s).advantage.a0 == 0.2);
  }
  SECTION("a constant renewed advantage, a term with every default") {
    const Scenario s = durability_load(
        "durability: {hazard: 0, renewed_war: {advantage: -0.3}, terms: {guarantee: {none: {}}}}\n");
    const DurabilityParams& d = *s.durability;
    CHECK(d.base_hazard == 0.0);
    REQUIRE(d.renewed_advantage.has_value());
    CHECK(d.renewed_advantage->kind == AdvantageSchedule::Kind::constant);
    CHECK(d.renewed_advantage->a0 == -0.3);
    CHECK_FALSE(d.renewed_tempo.has_value());
    REQUIRE(d.terms.size() == 1);
    CHECK(d.terms[0].level == 0);
    CHECK(d.terms[0].hazard_multiplier == 1.0);
    CHECK(d.terms[0].advantage_shift == 0.0);
    CHECK(d.terms[0].cost_shift.empty());
  }
  SECTION("absent: no durability; only the default scenario and its 28-point variant ship the section") {
    CHECK_FALSE(durability_load("").durability.has_value());
    for (const auto& builtin : builtin_scenarios()) {
      INFO(builtin.name);
      const Scenario sc = load_scenario(builtin.name);
      if (!builtin.name.starts_with("ukraine-2025")) {
        CHECK_FALSE(sc.durability.has_value());
        continue;
      }
      // Its A8: the Minsk hazard, self-enforcement, four guarantee levels, two caps, two clauses.
      REQUIRE(sc.durability.has_value());
      CHECK(sc.durability->base_hazard == 0.005);
      CHECK(sc.durability->commitment == DurabilityParams::Commitment::self_enforcing);
      CHECK(sc.durability->terms.size() == 8);
    }
  }
}

TEST_CASE("durability: every error names file, line, column and key", "[io][loader][durability]") {
  SECTION("no battlefield") {
    const auto errors = durability_errors(R"(title: T
horizon: 10
issues: [{id: share, kind: continuous}]
parties:
  - {id: a, weights: {share: 1}, values: {share: increasing}}
  - {id: b, weights: {share: 1}, values: {share: decreasing}}
durability:
  hazard: 0.1
)");
    REQUIRE(errors.size() == 1);
    CHECK(to_string(errors[0]) ==
          "test.yaml:7:1: error: durability: the durability section needs a battlefield, and this scenario has none");
  }
  SECTION("one error per class, each alone in its section") {
    struct Expectation {
      const char* section;  // appended to the base from line 14
      int line;
      int column;
      const char* path;
      const char* message;  // the whole message
    };
    const std::vector<Expectation> cases = {
        // At the map, which starts at its first key.
        {"durability:\n  terms: {}\n", 15, 3, "durability.hazard", "missing required key 'hazard'"},
        {"durability:\n  hazard: 1.5\n", 15, 11, "durability.hazard", "must be in [0, 1], got 1.5"},
        {"durability:\n  hazard: 0.1\n  renewd_war: {tempo: 0.5}\n", 16, 3, "durability.renewd_war",
         "unknown key 'renewd_war' (did you mean 'renewed_war'?)"},
        {"durability:\n  hazard: 0.1\n  terms:\n    guarantee:\n      article5: {hazrd: 0.5}\n", 18, 18,
         "durability.terms.guarantee.article5.hazrd", "unknown key 'hazrd' (did you mean 'hazard'?)"},
        {"durability:\n  hazard: 0.1\n  renewed_war: {tempo: 0}\n", 16, 24, "durability.renewed_war.tempo",
         "must be in (0, 1], got 0"},
        {"durability:\n  hazard: 0.1\n  renewed_war:\n    advantage: 1.5\n", 17, 16, "durability.renewed_war.advantage",
         "must be in [-1, 1], got 1.5"},
        // A renewed war's schedule is checked like the battlefield's.
        {"durability:\n  hazard: 0.1\n  renewed_war:\n    advantage: {kind: constant, value: 0.1, end: 3}\n", 17, 45,
         "durability.renewed_war.advantage.end", "'end' is only for kind linear, and this is constant"},
        {"durability:\n  hazard: 0.1\n  terms:\n    guarantee:\n      article5: {hazard: -0.5}\n", 18, 26,
         "durability.terms.guarantee.article5.hazard", "must be >= 0, got -0.5"},
        {"durability:\n  hazard: 0.1\n  terms:\n    plan_points:\n      amnesty: {advantage: 2.5}\n", 18, 28,
         "durability.terms.plan_points.amnesty.advantage", "must be in [-2, 2], got 2.5"},
        {"durability:\n  hazard: 0.1\n  terms:\n    guarante: {article5: {}}\n", 17, 5, "durability.terms.guarante",
         "unknown issue 'guarante' (did you mean 'guarantee'?)"},
        {"durability:\n  hazard: 0.1\n  terms:\n    share: {half: {}}\n", 17, 5, "durability.terms.share",
         "continuous issue 'share' cannot carry durability terms; a term is a level of an ordinal issue or a "
         "clause of a clauses issue"},
        {"durability:\n  hazard: 0.1\n  terms:\n    guarantee: {article6: {}}\n", 17, 17,
         "durability.terms.guarantee.article6",
         "unknown level 'article6' of issue 'guarantee' (levels: none, article5, troops) (did you mean "
         "'article5'?)"},
        {"durability:\n  hazard: 0.1\n  terms:\n    plan_points:\n      bufer_zone: {}\n", 18, 7,
         "durability.terms.plan_points.bufer_zone",
         "unknown clause 'bufer_zone' of issue 'plan_points' (did you mean 'buffer_zone'?)"},
        {"durability:\n  hazard: 0.1\n  terms:\n    guarantee:\n      troops: {cost: {rusia: 0.1}}\n", 18, 23,
         "durability.terms.guarantee.troops.cost.rusia", "unknown party 'rusia' (did you mean 'russia'?)"},
        {"durability:\n  hazard: 0.1\n  terms:\n    guarantee:\n      troops: {cost: {russia: -0.1}}\n", 18, 31,
         "durability.terms.guarantee.troops.cost.russia", "must be >= 0, got -0.1"},
    };
    for (const auto& c : cases) {
      INFO(c.section);
      const auto errors = durability_errors(std::string(kDurabilityBase) + c.section);
      REQUIRE(errors.size() == 1);
      CHECK(errors[0].file == "test.yaml");
      CHECK(errors[0].line == c.line);
      CHECK(errors[0].column == c.column);
      CHECK(errors[0].path == c.path);
      CHECK(errors[0].message == c.message);
    }
  }
  SECTION("several errors at once, in line order") {
    const auto errors = durability_errors(std::string(kDurabilityBase) +
                                          "durability:\n  hazard: -1\n  terms:\n    guarantee: {article6: {}}\n"
                                          "    plan_points: {amnesty: {hazard: -2}}\n");
    REQUIRE(errors.size() == 3);
    CHECK(errors[0].path == "durability.hazard");
    CHECK(errors[1].path == "durability.terms.guarantee.article6");
    CHECK(errors[2].path == "durability.terms.plan_points.amnesty.hazard");
  }
}

TEST_CASE("durability: --set reaches into the section", "[io][set][durability]") {
  // The example has no durability: setting the hazard creates the section.
  CHECK_FALSE(durability_with({}).durability.has_value());
  CHECK(durability_with({"durability.hazard=0.1"}).durability->base_hazard == 0.1);
  const Scenario terms = durability_with({"durability.hazard=0.05", "durability.terms.guarantee.alliance.hazard=0.4",
                                          "durability.terms.plan.elections.cost.south=0.003"});
  REQUIRE(terms.durability->terms.size() == 2);
  CHECK(terms.durability->terms[0].level == 2);
  CHECK(terms.durability->terms[0].hazard_multiplier == 0.4);
  CHECK(terms.durability->terms[1].clause == 1);
  CHECK(terms.durability->terms[1].cost_shift == std::vector<double>{0.0, 0.003, 0.0});
  // A constant renewed advantage opens into its map form when the path goes inside it.
  const Scenario renewed = durability_with({"durability.hazard=0.05", "durability.renewed_war.advantage=0.2",
                                            "durability.renewed_war.advantage.value=-0.4"});
  CHECK(renewed.durability->renewed_advantage->kind == AdvantageSchedule::Kind::constant);
  CHECK(renewed.durability->renewed_advantage->a0 == -0.4);
  CHECK(durability_with({"durability.hazard=0.05", "durability.renewed_war.tempo=0.3"}).durability->renewed_tempo ==
        0.3);
  // A value out of range is reported at the --set argument.
  try {
    durability_with({"durability.hazard=2"});
    FAIL("expected an error");
  } catch (const ScenarioError& e) {
    REQUIRE(e.diagnostics().size() == 1);
    CHECK(to_string(e.diagnostics()[0]) == "--set durability.hazard=2: error: durability.hazard: must be in [0, 1], got 2");
  }
}
