#pragma once
/// \file robustness_report.hpp
/// `--robustness` (issue 16, item 2): the conclusion of `run`, `solve` or `compare` under the
/// scenario's own set-up, then under each change of set-up that is not an assumption about the
/// war (the horizon, the speaking order, the planning horizons), and whether it survives each.

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "parley/io/format/json_writer.hpp"
#include "parley/io/report/robustness_findings.hpp"

namespace parley::io {

/// \brief One change of set-up, as `--set` assignments applied after the user's own.
struct RobustnessVariant {
  /// What is changed, in words: "horizon halved (T = 52)".
  std::string label;
  /// Which of the three artifacts it probes: "horizon", "speaking order", "planning horizon".
  std::string aspect;
  /// `--set PATH=VALUE` texts that make the change (how to reproduce the row).
  std::vector<std::string> overrides;
  /// The factor the planning horizons are scaled by (1 for the other aspects): a command
  /// whose strategies do not come from the scenario (`compare`'s candidates) applies it to
  /// them with scaled_planning_horizon.
  double planning_factor = 1.0;
};

/// \brief One change of set-up and what the command concluded under it.
struct RobustnessRow {
  RobustnessVariant variant;
  /// The findings, named as the base's; std::nullopt when the variant could not be evaluated.
  std::optional<RobustnessFindings> findings;
  std::string error;  ///< why it could not be (a scenario error, a solver's refusal)
};

/// \brief The conclusion as given and under every change.
struct RobustnessCheck {
  RobustnessFindings base;
  std::vector<RobustnessRow> rows;
};

/// The names of the base's findings whose value differs under `row` (every one when the row
/// could not be evaluated).
[[nodiscard]] std::vector<std::string> changed_findings(const RobustnessCheck& check, const RobustnessRow& row);

/// The number of changes under which finding `name` keeps its value (a change that could not be
/// evaluated counts as changing it).
[[nodiscard]] int holds_under(const RobustnessCheck& check, const std::string& name);

/// Whether the conclusion survives `row`: it was evaluated and no finding changed.
[[nodiscard]] bool survives(const RobustnessCheck& check, const RobustnessRow& row);

/// The table: the findings as given, each with the number of changes it holds under, then one
/// row per change with "yes"/"no" and what changed ("most likely end: settled at the table"),
/// then the number of changes the whole conclusion survives.
void write_robustness_table(std::ostream& out, const RobustnessCheck& check);

/// JSON key `robustness`: {"findings": [{"name", "value", "detail", "holds_under"}], "changes": [{"label",
/// "aspect", "set": [...], "survives", "changed": [...], "findings": [...] or "error"}],
/// "survives": count, "changes_tried": count}.
void write_robustness_json(JsonWriter& json, const RobustnessCheck& check);

}  // namespace parley::io
