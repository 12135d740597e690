#pragma once
/// \file sweep_spec.hpp
/// What a parameter sweep varies and how (DESIGN 2): the varied scenario fields, each over a
/// list of values or a continuous range, the design that picks the points, and the number of
/// Monte Carlo runs and the base seed of every point.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parley::sweep {

/// \brief How the design points are chosen.
///
/// - `grid`: the full factorial of every parameter's values, first parameter slowest;
/// - `random`: independent uniform points (McKay, Beckman and Conover 1979 call it simple
///   random sampling);
/// - `latin_hypercube`: Latin hypercube sampling (McKay, Beckman and Conover 1979): each
///   parameter's range cut into as many equal strata as points, one point per stratum;
/// - `sobol`: Saltelli's scheme for variance-based sensitivity (Saltelli et al. 2010) built on
///   a Sobol' sequence with Joe and Kuo's (2008) direction numbers.
enum class DesignKind { grid, random, latin_hypercube, sobol };

/// The name used on the command line and in files: "grid", "random", "lhs", "sobol".
const char* to_string(DesignKind kind);

/// The design with this name (as `to_string` spells it), or nothing.
std::optional<DesignKind> design_kind_named(std::string_view name);

/// \brief One varied scenario field.
///
/// `path` is a `--set` path (`battlefield.advantage`, `parties.russia.cost`). The field takes
/// either one of `levels` (YAML texts, given as a list or as `lo:hi:n`, evenly spaced) or, when
/// `levels` is empty, a number in the continuous range [lo, hi] (random, LHS and Sobol designs).
struct VariedParameter {
  std::string path;
  std::vector<std::string> levels;  ///< YAML text of each value; empty for a range
  double lo = 0.0;                  ///< range only
  double hi = 0.0;                  ///< range only
  std::string spec;                 ///< as the user wrote it (`-0.6:0.6:13`), for the manifest

  [[nodiscard]] bool is_range() const { return levels.empty(); }
  friend bool operator==(const VariedParameter&, const VariedParameter&) = default;
};

/// \brief A whole sweep: what varies, the design, and how each point is simulated.
struct SweepSpec {
  std::vector<VariedParameter> parameters;
  DesignKind design = DesignKind::grid;
  /// Random and LHS designs: the number of points. Sobol: the number N of base samples; the
  /// Saltelli design has N (d + 2) points for d parameters. Unused (0) for a grid.
  std::uint64_t samples = 0;
  std::uint64_t runs = 1000;  ///< Monte Carlo runs per design point
  std::uint64_t seed = 1;     ///< base seed: point p, run k use the stream of (seed, p, k)
  /// Metric columns to keep, as names or `*` patterns (`parties.*.utility.mean`); empty: all.
  std::vector<std::string> metrics;
  /// `--set PATH=VALUE` overrides applied to the scenario before any varied field.
  std::vector<std::string> base_overrides;
  /// `--meta-game`: also play the strategy meta-game at every point (its `meta.*` metrics,
  /// io/sweep/meta_game_metrics.hpp), with the players and strategies of `strategies`
  /// (`--strategies PARTY=S1,S2,...`, as `parley compare` reads them).
  bool meta_game = false;
  std::vector<std::string> strategies;

  friend bool operator==(const SweepSpec&, const SweepSpec&) = default;
};

/// Sobol designs need 2d dimensions of the sequence for d parameters; this many are supported.
inline constexpr std::size_t max_sobol_parameters = 20;

/// \brief The most points a design may have unless `--max-points` says otherwise (docs/limits.md).
///
/// Grid, random and Sobol points are computed one at a time from their id, so the limit bounds
/// the time a sweep would take, not its memory; it catches a typo (`0:1:10000` for `0:1:100`)
/// before the sweep starts writing a file it will never finish.
inline constexpr std::uint64_t default_max_design_points = 1'000'000'000;

/// \brief A Latin hypercube keeps one permutation of its n points per parameter, 8 bytes a
/// point each: by default at most this many (points x parameters), 200 MB.
inline constexpr std::uint64_t max_latin_hypercube_cells = 25'000'000;

/// The most values one varied parameter may list (`lo:hi:n` or `v1,v2,...`).
inline constexpr std::uint64_t max_parameter_values = 100'000;

/// \brief The limits a design is checked against.
struct DesignLimits {
  /// `--max-points N`: the most points, replacing the defaults (default_max_design_points, and
  /// max_latin_hypercube_cells / d for a Latin hypercube of d parameters); nothing: the defaults.
  std::optional<std::uint64_t> max_points;
};

/// The most points `spec`'s design may have under `limits`.
std::uint64_t max_design_points(const SweepSpec& spec, const DesignLimits& limits = {});

/// \brief Everything wrong with `spec` as a sweep, one message per problem (empty if none).
///
/// Checked: at least one parameter; distinct paths; levels non-empty (at most
/// `max_parameter_values`) or lo < hi (finite); runs >= 1; a grid has no `samples` and no
/// ranges (it needs values: `lo:hi:n` or a list); random, LHS and Sobol designs have
/// samples >= 1; Sobol has at most 2^32 samples and `max_sobol_parameters` parameters; the
/// design's size fits in 64 bits and is at most max_design_points(spec, limits).
std::vector<std::string> spec_problems(const SweepSpec& spec, const DesignLimits& limits = {});

/// \brief The number of design points: the product of the level counts for a grid, `samples`
/// for random and LHS designs, `samples (d + 2)` for Sobol (Saltelli et al. 2010, section 3).
/// Requires a spec without problems.
std::uint64_t design_size(const SweepSpec& spec);

/// \brief The `n` values `lo + (hi - lo) k / (n - 1)`, k = 0..n-1 (just `lo` for n = 1), each
/// rounded to 15 significant digits of the larger end's magnitude max(|lo|, |hi|), as text.
///
/// Rounding makes `0:1:11` give 0.3 rather than 0.30000000000000004 and the middle of
/// `-0.6:0.6:13` give 0 rather than a residue of 1e-17: a double carries 15 to 17 significant
/// digits, so 15 removes the representation error of the arithmetic and nothing a user typed.
/// The text is what the scenario receives and what the results file shows, so the two agree.
std::vector<std::string> evenly_spaced_levels(double lo, double hi, std::uint64_t n);

/// The shortest decimal text that reads back as exactly `x` (std::to_chars); "nan", "inf" and
/// "-inf" for the non-finite values.
std::string number_text(double x);

}  // namespace parley::sweep
