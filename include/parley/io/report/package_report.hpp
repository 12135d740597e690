#pragma once
/// \file package_report.hpp
/// A package (an Agreement) as a person reads it and as JSON: the territory line, the level of
/// each ordinal issue, which clauses are in. Every command that reports a package (describe,
/// analyze, run, solve) writes it through these, so packages read the same everywhere.

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

}  // namespace parley::io
