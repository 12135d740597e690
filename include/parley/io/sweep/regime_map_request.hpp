#pragma once
/// \file regime_map_request.hpp
/// A regime map asked for by name (`compare --across PATH=SPEC`, `parley report`, and Python's
/// `Scenario.compare(across=...)`): the scenario document, the `--across` texts and the players
/// turned into the meta-game at every value of one numeric field, with the boundaries where its
/// answer changes located by bisection (solve/regime_map.hpp). The report is
/// io/report/regime_map_report.hpp.

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "parley/engine/monte_carlo.hpp"
#include "parley/io/report/regime_map_report.hpp"
#include "parley/io/scenario/scenario_document.hpp"
#include "parley/solve/adaptive_meta_game.hpp"

namespace parley::io {

/// \brief An `--across` text that cannot make a regime map (a usage error: the command line
/// exits 2): what() is "ACROSS: the reason", e.g. "x=a,b: a regime map needs numeric values".
class RegimeMapRequestError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

/// \brief The regime map of `document` along `across` (`PATH=lo:hi:n` or `PATH=v1,v2,...`,
/// numeric, at least two values), each value's meta-game played as `compare` plays it (the
/// players of `strategy_args`, as `--strategies` gives them; `options`, `adaptive`), with the
/// same random numbers at every value, bisecting each boundary to `tolerance` (negative: the
/// smallest grid step / 8; 0: no bisection).
///
/// With `second` (a path and a value), every meta-game has that field set too: one row of a map
/// over two parameters. Throws RegimeMapRequestError for a bad `across`, ScenarioError when the
/// document does not validate at the first value, and std::runtime_error ("ACROSS: reason")
/// when a meta-game along the map fails.
[[nodiscard]] RegimeMapReport play_regime_map(const ScenarioDocument& document,
                                              const std::vector<std::string>& strategy_args,
                                              const std::string& across, double tolerance,
                                              const RunOptions& options, const AdaptiveOptions& adaptive,
                                              const std::pair<std::string, std::string>* second = nullptr);

/// \brief The maps of `across`: one text, one map; two, one map along the first at each value of
/// the second (any field, any values; `lo:hi:n` or a list), all with the same random numbers.
/// Throws as play_regime_map does, and RegimeMapRequestError for a bad second text or for none
/// or more than two.
[[nodiscard]] std::vector<RegimeMapReport> play_regime_maps(const ScenarioDocument& document,
                                                            const std::vector<std::string>& strategy_args,
                                                            const std::vector<std::string>& across, double tolerance,
                                                            const RunOptions& options, const AdaptiveOptions& adaptive);

}  // namespace parley::io
