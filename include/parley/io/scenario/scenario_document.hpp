#pragma once
/// \file scenario_document.hpp
/// A scenario file parsed but not yet validated, and `--set PATH=VALUE` overrides applied to
/// it. scenario_loader.hpp validates a document and builds the Scenario; keeping the two apart
/// lets a sweep parse a file once and build one variant per design point.

#include <string>
#include <string_view>
#include <vector>

#include "parley/io/format/diagnostic.hpp"
#include "parley/io/interop/genius_import.hpp"
#include "parley/io/scenario/yaml_tree.hpp"

namespace parley::io {

/// \brief A parsed, not yet validated scenario document, with the overrides applied to it.
///
/// A value: copying it copies the whole tree, so variants never share state.
struct ScenarioDocument {
  std::string name;  ///< display name in diagnostics: the file path or the built-in name
  std::string id;    ///< becomes Scenario::id: the file stem or the built-in name
  YamlNode root;
  std::vector<std::string> overrides;  ///< `PATH=VALUE` of every override applied, in order
};

/// Reads and parses a YAML file; the id is the file's stem. Throws ScenarioError if the file
/// cannot be read or is not well-formed YAML.
ScenarioDocument parse_scenario_file(const std::string& path);

/// Parses YAML text; `name` is used in diagnostics, `id` becomes Scenario::id.
ScenarioDocument parse_scenario_text(std::string_view text, std::string name, std::string id);

/// Parses a scenario built into the program (builtin_scenarios.hpp) by name, e.g. "ukraine-2025".
ScenarioDocument parse_builtin_scenario(std::string_view name);

/// A command-line SCENARIO argument: an existing file, otherwise a built-in scenario name
/// (with or without ".yaml"). Throws ScenarioError naming both possibilities if neither exists.
ScenarioDocument parse_scenario_argument(std::string_view path_or_name);

/// A GENIUS negotiation as a parsed, not yet validated document: the scenario import_genius
/// writes (interop/genius_import.hpp), parsed as parse_scenario_text parses a file. The name in
/// diagnostics is the domain file, the id the domain's.
ScenarioDocument genius_document(const GeniusFiles& files, const GeniusImportOptions& options = {});

/// The same from a SCENARIO argument: a folder, a domain file, or the comma-joined files
/// (find_genius_files). What parse_scenario_argument calls when looks_like_genius(argument).
ScenarioDocument genius_document(const std::string& argument, const GeniusImportOptions& options = {});

/// \brief Replaces the field at `path` by `value` parsed as YAML (`--set PATH=VALUE`).
///
/// `path` is dotted; a list item is addressed by its `id` (`parties.russia.cost`) or by
/// `[index]` (`parties[1].cost`, `battlefield.advantage.steps[0].value`). A missing last key,
/// and missing maps on the way, are created (so defaults can be overridden). Two shorthands
/// are expanded when the path goes inside them: a strategy given by name becomes
/// `{name: ...}` (`parties.russia.strategy.e`), a constant advantage becomes
/// `{kind: constant, value: ...}`. Nothing is validated here beyond the path: build_scenario
/// checks the result, and its errors on overridden nodes name `--set PATH=VALUE` as their
/// location. Throws ScenarioError if the path cannot be followed (no item with that id, index
/// out of range, a scalar in the way) or the value is not valid YAML.
void apply_override(ScenarioDocument& document, std::string_view path, std::string_view value);

/// The same, from one `PATH=VALUE` argument (split at the first '=').
void apply_override(ScenarioDocument& document, std::string_view assignment);

/// \brief Applies every `PATH=VALUE` of `assignments` (`--set`, a sweep plan's `set:`), in
/// order, each as apply_override(document, assignment): a later one sees, and may replace,
/// what an earlier one set.
///
/// An assignment that fails (malformed, a path that cannot be followed, a value that is not
/// YAML) does not stop the others: every assignment is tried, and afterwards one ScenarioError
/// is thrown with the diagnostics of all that failed, in the order of `assignments`, so a
/// command line with three bad `--set` reports all three. The assignments that succeeded stay
/// applied to `document`. Nothing is validated here beyond the paths (build_scenario does it).
void apply_overrides(ScenarioDocument& document, const std::vector<std::string>& assignments);

}  // namespace parley::io
