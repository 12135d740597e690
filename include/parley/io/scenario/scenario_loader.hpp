#pragma once
/// \file scenario_loader.hpp
/// Checks a scenario document (scenario_document.hpp) against the format
/// (docs/scenario-format.md) once, reporting every error with file, line, column and key path
/// (DESIGN 3), and builds the Scenario.
///
/// Error handling: every function here and in scenario_document.hpp throws ScenarioError
/// (diagnostic.hpp), which holds ALL the diagnostics found, never only the first. Parsing and
/// building are separate so that a sweep can parse a file once and build many variants:
///
/// \code
///   ScenarioDocument base = parse_scenario_file("scenarios/ukraine-2025.yaml");
///   for (double a : {-0.2, 0.0, 0.2}) {
///     ScenarioDocument doc = base;                       // a deep copy
///     apply_override(doc, "battlefield.advantage", std::to_string(a));
///     Scenario s = build_scenario(doc);                  // validates, then Scenario::finalize()
///   }
/// \endcode

#include <string>
#include <string_view>
#include <vector>

#include "parley/io/format/diagnostic.hpp"
#include "parley/io/scenario/scenario_document.hpp"
#include "parley/model/scenario.hpp"

namespace parley::io {

/// \brief Validates the document against the format and builds the Scenario.
///
/// Checks every key against the schema (scenario_schema.hpp: unknown keys, required keys,
/// types, ranges), then the cross-field rules: weights summing to 1, unique ids, references to
/// parties, issues, levels, clauses and strategies, at least two veto parties, the battlefield's
/// thresholds and the protocol. Fills the defaults (strategy parameters from the strategy
/// catalog) and calls Scenario::finalize(). Throws ScenarioError with every error found.
Scenario build_scenario(const ScenarioDocument& document);

/// parse_scenario_argument, then every override in order, then build_scenario. Errors of all
/// overrides are collected before throwing.
Scenario load_scenario(std::string_view path_or_name, const std::vector<std::string>& overrides = {});

}  // namespace parley::io
