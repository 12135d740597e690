#pragma once
// `parley compare --across PATH=SPEC` (issue 17): the meta-game at every value of one numeric
// parameter, with the boundaries where its answer changes located by bisection
// (solve/regime_map.hpp); the report is io/report/regime_map_report.hpp.

#include <optional>
#include <utility>
#include <string>
#include <vector>

#include "parley/engine/monte_carlo.hpp"
#include "parley/io/report/regime_map_report.hpp"
#include "parley/solve/adaptive_meta_game.hpp"
#include "scenario_options.hpp"

namespace parley::cli {

/// The regime map for `across` on the command line's scenario, as compare_across computes it,
/// or nothing after an error, which it prints to standard error (prefixed by `command`) and
/// reports through `exit_code` (1 for a scenario error, 2 for a bad `--across`). `parley
/// report` draws it.
/// With `second` (a path and a value), every meta-game of the map has that field overridden too:
/// one row of a map over two parameters.
std::optional<io::RegimeMapReport> play_regime_map(ScenarioCommandLine& cli, const std::string& command,
                                                   const std::vector<std::string>& strategy_args,
                                                   const std::string& across, double tolerance,
                                                   const RunOptions& options, const AdaptiveOptions& adaptive,
                                                   int& exit_code,
                                                   const std::pair<std::string, std::string>* second = nullptr);

/// Plays the regime map for `across` (one `PATH=lo:hi:n` or `PATH=v1,v2,...`, numeric, at least
/// two values; or two, the second any field with any values, for one map along the first at
/// each value of the second, all with the same random numbers) on the command line's scenario, the players and strategies of `strategy_args`, each
/// value's meta-game as `compare` plays it (`options`, `adaptive`), bisecting to `tolerance`
/// (negative: the smallest grid step / 8; 0: no bisection), and writes it in the command
/// line's format. Returns the exit code: 1 for a scenario error, 2 for a bad `--across`.
int compare_across(ScenarioCommandLine& cli, const std::vector<std::string>& strategy_args,
                   const std::vector<std::string>& across,
                   double tolerance, const RunOptions& options, const AdaptiveOptions& adaptive);

}  // namespace parley::cli
