#pragma once
/// \file html_report.hpp
/// `parley report` (issue 17, item 3): one self-contained HTML page an analyst can mail. It
/// holds the scenario in words with its stated assumptions, the bargaining range and its
/// packages on the Pareto frontier, the subgame-perfect equilibrium, the Monte Carlo outcomes,
/// the regime map of prolonged against quick over the battlefield advantage, the robustness
/// checks, and the command that reproduces each part. Figures are inline SVG (svg_chart.hpp):
/// no image files, no scripts, no network.

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "parley/io/report/compare_report.hpp"
#include "parley/io/report/regime_map_report.hpp"
#include "parley/io/report/robustness_report.hpp"
#include "parley/io/report/run_report.hpp"
#include "parley/io/report/solve_report.hpp"
#include "parley/solve/scenario_analysis.hpp"

namespace parley::io {

/// \brief One command's conclusion (RobustnessCheck::base) and, when it was checked, the
/// changes of set-up it was asked under (no rows: not checked).
struct ReportRobustness {
  std::string command;  ///< "run", "solve" or "compare"
  RobustnessCheck check;
};

/// \brief Everything the page shows. The references must outlive the writer's call.
struct ReportPage {
  const Scenario& scenario;
  const ScenarioAnalysis& analysis;
  const SolveReport* solve = nullptr;  ///< the equilibrium; null when `solve` refused the scenario
  std::string solve_error;             ///< why, when `solve` is null
  const RunReport& run;
  const CompareReport* compare = nullptr;  ///< the meta-game at the scenario's own set-up
  const RegimeMapReport* regime = nullptr;  ///< the map over `regime_parameter`, when it was drawn
  std::string regime_note;             ///< why there is no map, or empty
  std::vector<ReportRobustness> robustness;  ///< the conclusions of run, solve and compare
  /// The page's provenance: the program's version, and the arguments every reproducing command
  /// shares (the scenario and its `--set`s), shell-quoted.
  std::string version;
  std::string scenario_arguments;
  std::string report_command;          ///< the whole `parley report ...` line that made the page
  std::string strategy_arguments;      ///< the `--strategies` options of the meta-game, or empty
  std::string regime_arguments;        ///< `--across ...` and its options, for the map's command
  std::int64_t runs = 0;
  std::uint64_t seed = 0;
  /// The scenario in words, as `parley describe` prints it (io/scenario/scenario_description.hpp).
  std::string scenario_in_words;
  /// The scenario file's opening comment (its sources and modelling assumptions, as its authors
  /// wrote them), or empty.
  std::string stated_assumptions;
};

/// The whole page, from <!DOCTYPE html> to </html>: one file, UTF-8, whose figures are inline
/// <svg> elements with titles and whose text tables are the commands' own.
void write_report_html(std::ostream& out, const ReportPage& page);

/// The opening comment block of a scenario file's text: its leading lines that start with '#'
/// (after optional spaces), with the '#' and one following space removed, up to the first line
/// that is not a comment; rules made only of '=' or '-' are dropped. Empty when the text does
/// not open with a comment.
[[nodiscard]] std::string opening_comment(const std::string& scenario_text);

}  // namespace parley::io
