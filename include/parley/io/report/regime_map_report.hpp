#pragma once
/// \file regime_map_report.hpp
/// What `parley compare --across PATH=SPEC` prints (issue 17): the meta-game at every value of
/// the parameter (its equilibria with payoffs, each side's best reply to each strategy of the
/// other, the welfare of each profile), then every boundary in a sentence.

#include <array>
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "parley/model/scenario.hpp"
#include "parley/solve/regime_map.hpp"

namespace parley::io {

/// \brief A regime map with what its report names.
struct RegimeMapReport {
  Scenario scenario;                     ///< at the first value (names, the period unit)
  std::string parameter;                 ///< the varied path, as given
  RegimeMap map;
  std::array<std::string, 2> player_ids;
  std::array<std::string, 2> player_names;
  std::array<std::vector<std::string>, 2> labels;  ///< each player's strategies
  double confidence = 0.95;              ///< of the equilibrium sets and ties
  std::uint64_t seed = 0;                ///< of the common random numbers
  /// With a second parameter (`--across` given twice): its path and the value this map holds
  /// it at; empty for a map over one parameter.
  std::string second_parameter;
  std::string second_value;
};

/// Every feature of the map, in the order the reports list them: the equilibrium set, then each
/// player's best reply to each strategy of the other.
[[nodiscard]] std::vector<RegimeFeature> regime_features(const RegimeMapReport& report);

/// A feature's answer at one point in words: the equilibrium set ("prolonged / prolonged;
/// quick / quick"), or a best reply ("prolonged", "tie: prolonged, quick").
[[nodiscard]] std::string feature_value(const RegimeMapReport& report, const RegimeFeature& feature,
                                        const RegimeAnswer& answer);

/// A feature's name: "equilibria", or "Russia's best reply to Ukraine playing quick".
[[nodiscard]] std::string feature_name(const RegimeMapReport& report, const RegimeFeature& feature);

/// "Russia's best reply to quick turns from quick to prolonged at battlefield.advantage.from
/// +0.21 ± 0.02", or "The equilibria turn from ... to ... at ...": one boundary in words (the
/// ± is half the final bracket; without bisection, the cell's).
[[nodiscard]] std::string boundary_sentence(const RegimeMapReport& report, const RegimeBoundary& boundary);

/// The table: one row per value (equilibria, then each best reply; a cell differing from the
/// row above marked '*'), then the boundaries in sentences, the tolerance and the number of
/// meta-games played.
void write_regime_map_table(std::ostream& out, const RegimeMapReport& report);

/// \brief The boundary curves of a map over two parameters (one map along the first per value
/// of the second, `maps`): a sentence per feature that changes in some map, listing where it
/// changes at each value of the second ("Russia's best reply to Ukraine playing quick along
/// battlefield.advantage.from: with battlefield.advantage.half_life = 26, prolonged from -0.5 to
/// 0.5; with battlefield.advantage.half_life = 104, turns from prolonged to quick at 0.331 ±
/// 0.006."). Only a feature's first change in each map is listed; the maps list them all.
[[nodiscard]] std::vector<std::string> boundary_curves(const std::vector<RegimeMapReport>& maps);

/// The maps over two parameters as a table: each map (write_regime_map_table) under the value
/// of the second parameter, then the boundary curves.
void write_regime_maps_table(std::ostream& out, const std::vector<RegimeMapReport>& maps);

/// The maps over two parameters as JSON: `parameters` (both paths), `curves` (boundary_curves)
/// and `maps`, each the one-parameter object of write_regime_map_json with `second_value`.
void write_regime_maps_json(std::ostream& out, const std::vector<RegimeMapReport>& maps);

/// The same as JSON: parameter, confidence, seed, tolerance, evaluations, `points` (value,
/// runs, equilibria with supports, probabilities and payoffs, best replies with ties, welfare
/// per profile, the equilibrium set's supports, and `profiles`: each profile's row and column
/// strategies, both payoffs and their standard errors) and `boundaries` (feature, cell: between points
/// cell and cell + 1, low, high, at,
/// plus_minus, from, to, sentence; a best reply's also `player`, the replying player's id, and
/// `against`, the other's strategy).
void write_regime_map_json(std::ostream& out, const RegimeMapReport& report);

}  // namespace parley::io
