#pragma once
/// \file package_report.hpp
/// A package (an Agreement) as a person reads it and as JSON: the territory line, the level of
/// each ordinal issue, which clauses are in. Every command that reports a package (describe,
/// analyze, run, solve) writes it through these, so packages read the same everywhere; so are
/// the words around a package: who a party is, its utilities, the front state it is offered at.

#include <span>
#include <string>
#include <vector>

#include "parley/io/format/json_writer.hpp"
#include "parley/model/agreement.hpp"
#include "parley/model/scenario.hpp"

namespace parley::io {

/// One line per issue: "territory = 0.70 (share of contested territory)",
/// "guarantee = us_guarantee (US guarantee)", "plan: 12 of 26 clauses in: p01, p03, ...".
std::vector<std::string> package_lines(const Scenario& scenario, const Agreement& x);

/// The ids of the clauses of issue `issue` included in x, in scenario order.
std::vector<std::string> included_clauses(const Scenario& scenario, std::size_t issue, const Agreement& x);

/// Writes x as a JSON object {issue id: number | level id | [clause ids]}: the same shape as
/// a package (`terms`) in a scenario file, so a reported package can be pasted into one.
void write_package_json(JsonWriter& json, const Scenario& scenario, const Agreement& x);

/// A red line in words, in the file's ids: "guarantee: never none", "plan: never recognition;
/// always no_nato_troops", "territory: at most 0.8" (issue 15).
[[nodiscard]] std::string red_line_text(const Scenario& scenario, const RedLine& line);

/// A constraint between terms in words, in the file's ids: "army_cap.cap_85k excludes
/// guarantee.coalition_force", "plan.elections requires plan.ceasefire" (issue 15).
[[nodiscard]] std::string constraint_text(const Scenario& scenario, const TermConstraint& constraint);

/// A leverage measure in words (issue 15): "side A's advantage +0.1; russia's cost +0.0005 per
/// week (by usa: aid paused)", in the file's ids and the scenario's period unit.
[[nodiscard]] std::string leverage_text(const Scenario& scenario, const Leverage& measure);

/// A leverage measure as JSON: {"on", "by", "advantage", "cost": {party: cost}, "note", "text"},
/// "by" and "note" when given.
void write_leverage_json(JsonWriter& json, const Scenario& scenario, const Leverage& measure);

/// A red line as JSON: {"issue", "never": [ids], "always": [ids], "at_most", "at_least", "text"},
/// the fields it has.
void write_red_line_json(JsonWriter& json, const Scenario& scenario, const RedLine& line);

/// Writes {party id: values[i]} for every party of the scenario, in party order: utilities,
/// values of fighting on, disagreement points.
void write_party_values_json(JsonWriter& json, const Scenario& scenario, std::span<const double> values);

/// A party as tables name it: "Russia (russia)", its name then its id.
std::string party_label(const Scenario& scenario, std::size_t party);

/// "  utilities: russia 0.600 ukraine 0.400": u_i(x) of every party, by id, with `decimals`
/// digits, as the line above a package in a report.
std::string utilities_line(const Scenario& scenario, std::span<const double> utilities, int decimals);

/// The share s / N of the contested territory the side-A party holds at front state s of N
/// (BattlefieldParams: the front runs over states 0..N); 0 for a scenario without a battlefield.
double front_share(const Scenario& scenario, int state);

}  // namespace parley::io
