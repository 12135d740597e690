#pragma once
// The state a scenario build carries from section to section, and the sections' entry points.
//
// build_scenario (scenario_loader.cpp) walks a document once, section by section: the issues
// (scenario_issues.cpp), the parties (scenario_parties.cpp), the battlefield
// (scenario_battlefield.cpp), the protocol (scenario_protocol.cpp) and the durability of a
// settlement (scenario_durability.cpp). Each reads its keys through the schema (yaml_reader.hpp:
// type, range, default, required) and checks here what the schema cannot say: references between
// sections, sums, thresholds. A later section reads what
// an earlier one built (the parties read the issues' ids), so the order of the calls matters;
// scenario_loader.cpp keeps it. Every error goes to `reader`, none is thrown before the end.

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "parley/io/scenario/scenario_document.hpp"
#include "parley/io/scenario/yaml_reader.hpp"
#include "parley/model/scenario.hpp"

namespace parley::io::loader {

/// Tolerance for "sums to 1" (weights, priors, recognition probabilities), as the format says.
inline constexpr double kSumTolerance = 1e-9;

/// A computed sum for a message: 12 significant digits, so 0.6 + 0.3 + 0.2 reads "1.1", not
/// "1.0999999999999999".
std::string sum_text(double x);

struct ScenarioBuild;

/// One entry of a map id -> number whose id and number were both read.
struct IdNumber {
  std::size_t index;     ///< what the id names: an issue's or a party's index
  const YamlNode* key;   ///< the id, where it stands in the file
  std::string path;      ///< the entry's key path
  double value;
};

/// The entries of a map id -> number that were read, and whether every entry was.
struct IdNumbers {
  std::vector<IdNumber> entries;
  bool ok = true;  ///< false: some id or number was wrong (reported)
};

/// Reads a map id -> number (a party's weights, the recognition probabilities): each id is
/// resolved by `resolve` (issue_reference, party_reference: reports an unknown id and gives -1),
/// each number is read with `spec`. The caller checks what the numbers must add up to.
IdNumbers read_id_numbers(ScenarioBuild& b, const YamlNode& n, const std::string& path, const KeySpec& spec,
                          int (*resolve)(ScenarioBuild&, const YamlNode&, const std::string&));

/// Per issue, what later checks need to know about how it was read.
struct IssueState {
  bool kind_known = false;  ///< false: the kind was invalid, so values and terms are not checked
  SourceLocation id_location;
};

/// What one build of a scenario has read so far, and the errors it has found.
struct ScenarioBuild {
  explicit ScenarioBuild(const ScenarioDocument& document) : doc(document), reader(document.name) {}

  const ScenarioDocument& doc;
  YamlReader reader;
  Scenario scenario;
  std::vector<IssueState> issues_state;           ///< one per issue read
  std::vector<SourceLocation> linked_locations;   ///< per issue: where `linked` is, or the issue
  std::map<std::string, std::pair<std::string, SourceLocation>> clause_owner;  ///< clause id -> issue id, where
  std::vector<std::string> party_paths;           ///< per party: its key path (`parties[1]`)
  std::vector<SourceLocation> party_id_locations;  ///< per party: where its id is
  /// Beliefs wait for the battlefield they are about: (party index, `belief` node).
  std::vector<std::pair<std::size_t, const YamlNode*>> pending_beliefs;
};

// --- issues (scenario_issues.cpp) --------------------------------------------------------------

/// Reads `issues[k]` at `path` and appends it to the scenario (also when it is broken, so that
/// indices stay those of the file): id, name, kind and its range, levels or clauses, status quo.
void read_issue(ScenarioBuild& b, const YamlNode& n, const std::string& path);

/// Numbers the clauses of all clauses issues one after the other (Issue::clause_offset), the
/// order an Agreement stores their flags in.
void assign_clause_offsets(Scenario& scenario);

/// The issue a key names, or -1 after reporting an unknown reference (with "did you mean").
int issue_reference(ScenarioBuild& b, const YamlNode& key, const std::string& path);

/// Why a scalar is not a clause of `issue`: another issue's clause, or no clause at all.
std::string unknown_clause_message(ScenarioBuild& b, const YamlNode& n, const Issue& issue);

/// A package written as a map issue id -> value; issues not listed keep `base`'s values.
/// Nothing if any value is wrong (each reported).
std::optional<Agreement> read_terms(ScenarioBuild& b, const YamlNode& n, const std::string& path,
                                    const std::string& pattern, Agreement base);

// --- parties (scenario_parties.cpp) ------------------------------------------------------------

/// Reads `parties[i]` at `path` and appends it to the scenario: id, role, veto, discount, cost,
/// reservation, weights (summing to 1, or normalised), values of every weighted issue, strategy
/// and its parameters (from the strategy catalog), proposal. The belief is left in
/// `pending_beliefs` for read_belief, as it needs the battlefield.
void read_party(ScenarioBuild& b, const YamlNode& n, const std::string& path);

/// A party's belief about the battlefield advantage: a point `offset`, or `offsets` with a
/// `prior` summing to 1.
void read_belief(ScenarioBuild& b, const YamlNode& n, const std::string& path, BeliefSpec& belief);

/// Reports a negotiation with fewer than two veto parties.
void check_veto_count(ScenarioBuild& b, const YamlNode& parties);

/// The party a scalar names, or -1 after reporting an unknown reference (with "did you mean").
int party_reference(ScenarioBuild& b, const YamlNode& n, const std::string& path);

// --- battlefield (scenario_battlefield.cpp) ----------------------------------------------------

/// An advantage schedule at `path` (`battlefield.advantage`, `durability.renewed_war.advantage`):
/// a constant a_0 in [-1, 1], or a map {kind: constant | linear | exponential | steps, ...} with
/// its keys. `path` is also the schema pattern, so each place it is read from has its own rows.
std::optional<AdvantageSchedule> read_advantage_schedule(ScenarioBuild& b, const YamlNode& n,
                                                         const std::string& path);

/// Reads `battlefield`: the sides, the states and thresholds (collapse_a < start < collapse_b
/// <= states), the tempo, the advantage schedule and offensives.
void read_battlefield(ScenarioBuild& b, const YamlNode& n);

/// The terms imposed when a side collapses: frozen at the collapse state, then the issues
/// `collapse_a_terms` / `collapse_b_terms` list. Needs the battlefield read.
void read_collapse_terms(ScenarioBuild& b, const YamlNode& n);

// --- durability (scenario_durability.cpp) ------------------------------------------------------

/// Reads `durability` (DESIGN 1.10), whose key is at `key_at`: the base hazard, the renewed
/// war's tempo and advantage, and the terms (levels and clauses) that change the peace. Needs
/// the issues, the parties and the battlefield read; reports a section without a battlefield.
void read_durability(ScenarioBuild& b, const YamlNode& n, const SourceLocation& key_at);

// --- protocol (scenario_protocol.cpp) ----------------------------------------------------------

/// Reads `protocol` (or its defaults when `n` is null): kind, proposing order, recognition
/// probabilities (summing to 1), mediator, counter-offers and the periods talks take place in.
/// Needs the parties and the horizon read.
void read_protocol(ScenarioBuild& b, const YamlNode* n);

// --- constraints between terms (scenario_constraints.cpp) -------------------------------------

/// Reads `constraints` (issue 15): each `{excludes: [A, B]}` or `{requires: [A, B]}` with A and B
/// terms written `issue.level` or `issue.clause`. Needs the issues read; reports constraints
/// with three or more veto parties (needs the parties read).
void read_constraints(ScenarioBuild& b, const YamlNode& n);

// --- leverage (scenario_leverage.cpp) ------------------------------------------------------------

/// Reads `leverage` (issue 15): the measures in force while a veto party rejects the mediator's
/// plan. Needs the parties, the battlefield and the protocol read.
void read_leverage(ScenarioBuild& b, const YamlNode& n);

// --- pressure (scenario_pressure.cpp) ------------------------------------------------------------

/// Checks each party's offensive option (`parties[].pressure`, issue 15) against the battlefield
/// and the protocol: the party is a veto belligerent side of the front, without a closing hazard.
void check_pressure(ScenarioBuild& b, const YamlNode& parties);

/// After the whole scenario is valid and finalized: reports when the constraints and the veto
/// parties' red lines together leave no package to sign (the agreement space is empty).
void check_admissible_packages(ScenarioBuild& b, const YamlNode& root);

}  // namespace parley::io::loader
