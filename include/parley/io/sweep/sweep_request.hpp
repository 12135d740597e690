#pragma once
/// \file sweep_request.hpp
/// What `parley sweep` is asked to run: the command line's options merged with a plan file
/// (sweep_plan.hpp) into one scenario and one sweep::SweepSpec, and what the run needs from
/// that request (the scenario document, the manifest's hash, the worker threads).
///
/// Precedence, field by field (as `parley sweep --help` says: the command line overrides the plan):
///   - scenario: the SCENARIO argument, else the plan's `scenario:`, else the default scenario;
///   - design, samples, runs, seed: the option when given, else the plan's, else SweepSpec's
///     defaults (grid, 0 samples, 1000 runs, seed 1);
///   - metrics, `set`, `vary`: the plan's, then the command line's added after them.

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "parley/io/scenario/scenario_document.hpp"
#include "parley/io/sweep/sweep_plan.hpp"
#include "parley/sweep/point_evaluation.hpp"
#include "parley/sweep/sweep_spec.hpp"

namespace parley::io {

/// \brief The sweep options as given on the command line; an option left out is empty or
/// nothing, so that the plan's value stands.
struct SweepRequestOptions {
  std::string scenario;                 ///< SCENARIO: a file or a built-in name; empty: not given
  std::string plan;                     ///< `--plan FILE`; empty: no plan
  std::string design;                   ///< `--design NAME`; empty: not given
  std::optional<std::uint64_t> samples;  ///< `--samples`
  std::optional<std::uint64_t> runs;     ///< `--runs`
  std::optional<std::uint64_t> seed;     ///< `--seed`
  std::optional<std::uint64_t> max_points;  ///< `--max-points`: the design's size limit
  std::vector<std::string> metrics;     ///< `--metrics`, split at commas, in order
  std::vector<std::string> sets;        ///< `--set PATH=VALUE`, in order
  std::vector<std::string> vary;        ///< `--vary PATH=SPEC`, in order
  bool meta_game = false;               ///< `--meta-game`
  std::vector<std::string> strategies;  ///< `--strategies PARTY=S1,S2,...`, in order
};

/// A sweep request: the scenario to sweep (as given: a file or a built-in name) and the sweep.
struct SweepRequest {
  std::string scenario;
  sweep::SweepSpec spec;
  sweep::DesignLimits limits;  ///< `--max-points` (not part of the sweep: a resume may raise it)
};

/// \brief The request of `options` over `plan` (nullptr: no plan), by the precedence above.
///
/// Throws ScenarioError for a `--vary` argument that is not PATH=SPEC (parse_vary), and
/// std::invalid_argument ("--design must be grid, random, lhs or sobol, got 'NAME'") for an
/// unknown design name. The spec is not checked further (sweep::spec_problems does that).
SweepRequest merge_sweep_request(const SweepRequestOptions& options, const SweepPlan* plan);

/// \brief The same, reading `options.plan` first when it is given (read_sweep_plan): a plan's
/// errors (ScenarioError) come before those of `--vary` and `--design`.
SweepRequest read_sweep_request(const SweepRequestOptions& options);

/// \brief The scenario a sweep runs on: `request.scenario` parsed (parse_scenario_argument)
/// with the base overrides applied, then checked to build. Throws ScenarioError.
std::shared_ptr<ScenarioDocument> sweep_base_scenario(const SweepRequest& request);

/// \brief Why a request cannot run, one sentence per problem (what() joins them with "; ").
class SweepRequestProblems : public std::runtime_error {
 public:
  explicit SweepRequestProblems(std::vector<std::string> problems);
  [[nodiscard]] const std::vector<std::string>& problems() const { return problems_; }

 private:
  std::vector<std::string> problems_;
};

/// A request ready to run: its base scenario and the evaluator of its points.
struct PreparedSweep {
  std::shared_ptr<const ScenarioDocument> base;
  sweep::PointEvaluator evaluator;
};

/// \brief Checks a request before any point runs, in this order, and makes it ready: the
/// spec and the design's size (sweep::spec_problems with request.limits), the base scenario (sweep_base_scenario; its ScenarioError is
/// passed on), every varied value alone (varied_value_problems), the metric patterns
/// (scenario_evaluator). Throws SweepRequestProblems with the first step's problems.
PreparedSweep prepare_sweep(const SweepRequest& request);

/// \brief The manifest's scenario hash: SHA-256 (hex) of the text SCENARIO names, a file's
/// bytes or a built-in scenario's YAML (with or without ".yaml"); the hash of the empty text
/// when it names neither.
std::string sweep_scenario_sha256(const std::string& scenario);

/// \brief The worker threads per process for `--threads requested`: `requested` when positive;
/// for 0, one per hardware thread, or 1 when the sweep is spread over `ranks` > 1 processes
/// (the ranks already share the machine's cores).
unsigned sweep_worker_threads(int requested, int ranks);

}  // namespace parley::io
