#pragma once
/// \file sweep_plan.hpp
/// Reading what a sweep varies: `--vary PATH=SPEC` arguments, `--shard k/n`, and sweep plan
/// files (`--plan sweep.yaml`), which describe a sweep so it can be versioned and shared.
///
/// SPEC is one of
///   - `lo:hi:n`   n evenly spaced numbers from lo to hi (n >= 1; n = 1 needs lo = hi);
///   - `lo:hi`     the continuous range [lo, hi] (random, LHS and Sobol designs), lo < hi;
///   - `v1,v2,...` a list of YAML values (`0.002,0.005`, `prolonged,quick`,
///                 `{name: prolonged, e: 0.1},quick`).
///
/// A plan file is a YAML map with these keys, all optional but `vary`:
/// \code{.yaml}
///   scenario: ukraine-2025.yaml   # a file (relative to the plan's folder) or a built-in name
///   design: lhs                   # grid | random | lhs | sobol (default grid)
///   samples: 200                  # random, lhs: points; sobol: base samples N
///   runs: 1000                    # Monte Carlo runs per point
///   seed: 7                       # base seed
///   metrics: [outcomes.settled, "parties.*.utility.mean"]
///   set: {parties.russia.cost: 0.003}          # base overrides, as --set
///   vary:                                       # path -> SPEC, a list, or {lo:, hi:, n:}
///     battlefield.advantage: -0.6:0.6:13
///     parties.ukraine.strategy: [prolonged, quick]
///     battlefield.tempo: {lo: 0.2, hi: 0.6}
/// \endcode

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/io/format/diagnostic.hpp"
#include "parley/io/scenario/yaml_tree.hpp"
#include "parley/sweep/shard.hpp"
#include "parley/sweep/sweep_spec.hpp"

namespace parley::io {

/// \brief The parameter a `SPEC` describes for field `path` (forms above).
///
/// Throws ScenarioError with one diagnostic located at `source` (e.g. `--vary PATH=SPEC`) for
/// an empty spec, n = 0, lo >= hi, n = 1 with lo != hi, a value listed twice, or a list that is
/// not valid YAML.
sweep::VariedParameter parse_vary_spec(const std::string& path, std::string_view spec, const std::string& source);

/// One `--vary PATH=SPEC` argument (split at the first '='); errors name `--vary PATH=SPEC`.
sweep::VariedParameter parse_vary(std::string_view argument);

/// `k/n` with 1 <= k <= n (`--shard 3/8`); throws std::invalid_argument otherwise.
sweep::Shard parse_shard(std::string_view text);

/// \brief A YAML value as compact one-line flow YAML that parses back to the same value:
/// `prolonged`, `0.2`, `{name: prolonged, e: 0.1}`, `[a, b]`. Quoted scalars stay quoted;
/// a plain scalar holding flow indicators (`,[]{}`, `: `, `#`) is quoted.
std::string flow_text(const YamlNode& node);

/// \brief A sweep plan file's content; a field left out of the file is empty / nothing, so the
/// command line can fill or override it.
struct SweepPlan {
  std::optional<std::string> scenario;  ///< a path resolved against the plan's folder, or a built-in name
  std::optional<sweep::DesignKind> design;
  std::optional<std::uint64_t> samples;
  std::optional<std::uint64_t> runs;
  std::optional<std::uint64_t> seed;
  std::vector<std::string> metrics;
  std::vector<std::string> base_overrides;  ///< `PATH=VALUE`
  std::vector<sweep::VariedParameter> parameters;
};

/// \brief Parses a plan from YAML text. `source` names it in diagnostics; a relative
/// `scenario:` is resolved against `folder` when a file by that name exists there (otherwise it
/// is kept as given: a built-in name). The plan is read with the scenario loader's reader
/// (yaml_reader.hpp), so numbers, integers, unknown keys ("did you mean"), repeated keys and
/// choices are checked and worded as in a scenario file. Throws ScenarioError with every error
/// found (unknown key, wrong type, bad design name, bad SPEC), each at its line and column, in
/// the order of the lines.
SweepPlan parse_sweep_plan(std::string_view text, const std::string& source, const std::string& folder);

/// Reads and parses a plan file (its folder resolves `scenario:`); throws ScenarioError.
SweepPlan read_sweep_plan(const std::string& path);

}  // namespace parley::io
