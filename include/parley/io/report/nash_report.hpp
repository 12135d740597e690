#pragma once
/// \file nash_report.hpp
/// What `parley nash` prints: the Nash equilibria of a two-player game as a table (decimals and
/// exact fractions) and as JSON; and how any report writes an equilibrium's probabilities and
/// payoffs, so `parley compare` writes its meta-game's equilibria the same way.

#include <array>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "parley/io/format/json_writer.hpp"
#include "parley/solve/bimatrix_game.hpp"

namespace parley::io {

/// \brief A game with its equilibria, as `parley nash` reports them.
struct NashReport {
  /// An equilibrium known exactly: its probabilities and expected payoffs as fractions
  /// ("1/3", "1000000000000"), and the expected payoffs rounded to doubles.
  struct ExactValues {
    std::array<std::vector<std::string>, 2> probabilities;
    std::array<std::string, 2> payoff_fractions;
    std::array<double, 2> payoffs{};
  };

  const BimatrixGame& game;
  std::vector<MixedProfile> equilibria;
  std::string method;       ///< the solver's id in JSON: "enum" or "lh"
  std::string description;  ///< how they were found, in words, for the table
  /// How the equilibria were verified (equilibrium_verification.hpp): "exact" or "relative".
  std::string verification = "relative";
  /// The largest regret among them: 0 when exact, relative to the incentive scale otherwise.
  double max_regret = 0.0;
  /// The solver's candidates that verification rejected as no equilibrium.
  int rejected_candidates = 0;
  /// Parallel to `equilibria` when they were verified exactly; empty otherwise. The table's
  /// fractions and both writers' payoffs then come from here.
  std::vector<ExactValues> exact{};
  /// With all extreme equilibria (method "enum"): the maximal Nash subsets they span, each the
  /// indices into `equilibria` of its members (nash_subset_members); nullopt otherwise.
  std::optional<std::vector<std::vector<int>>> nash_subsets{};
};

/// p/q in lowest terms with q <= 1000 when |x - p/q| <= 1e-9 ("1/3", "-2", "0"), from the
/// continued fraction of x, whose convergents are its best rational approximations
/// (Khinchin 1935); nullopt when no such fraction is that close.
[[nodiscard]] std::optional<std::string> simple_fraction(double x);

/// The players' names as JSON keys and table entries: Gambit allows two players with the same
/// (or no) name; such names get the suffixes _1 and _2, as Gambit gives them.
[[nodiscard]] std::array<std::string, 2> distinct_player_names(const BimatrixGame& game);

/// Writes "probabilities": {names[0]: x, names[1]: y}, each player's mixed strategy as an array
/// over its strategies.
void write_probabilities_json(JsonWriter& json, const std::array<std::string, 2>& names, const MixedProfile& profile);

/// Writes "payoffs": {names[0]: x^T A y, names[1]: x^T B y}.
void write_payoffs_json(JsonWriter& json, const std::array<std::string, 2>& names, const std::array<double, 2>& payoffs);

/// The table: the game's size, how the equilibria were verified, then for each equilibrium every strategy's probability (10
/// decimals and as a simple fraction where there is one) and each player's expected payoff;
/// last the maximal Nash subsets, when known.
void write_nash_table(std::ostream& out, const NashReport& report);

/// The same as one JSON object: players, strategies, method, verification ({"kind": "exact" or
/// "relative", "max_regret": r}), rejected_candidates, per equilibrium its probabilities
/// and payoffs (under exact verification also "fractions" and "payoff_fractions": the same
/// as strings of fractions in lowest terms, "2/11"), and "nash_subsets" (arrays of 0-based indices into "equilibria"; null when
/// not all extreme equilibria were enumerated).
void write_nash_json(std::ostream& out, const NashReport& report);

/// write_nash_json in three pieces, for a writer that sends each equilibrium as it is found
/// (stream_exact_nash_json, nash_solution.hpp): the opening, from the object's "{" to the
/// "equilibria" array opened (`report`'s equilibria are not written); one equilibrium, with
/// its payoffs and, when `exact` is given, its fractions; the closing, from the end of the
/// array to the end of the object (no newline). Together they write what write_nash_json does.
void write_nash_json_opening(JsonWriter& json, const NashReport& report);
void write_nash_json_equilibrium(JsonWriter& json, const std::array<std::string, 2>& names, const MixedProfile& eq,
                                 const std::array<double, 2>& payoffs, const NashReport::ExactValues* exact);
void write_nash_json_closing(JsonWriter& json, const std::optional<std::vector<std::vector<int>>>& nash_subsets);

}  // namespace parley::io
