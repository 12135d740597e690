#pragma once
/// \file sweep_evaluator.hpp
/// A sweep point evaluated on a scenario: the point's values applied to the scenario document
/// as `--set` overrides, the result validated, and the Monte Carlo engine run on it. This is
/// where the sweep meets the loader and the engine; the sweep layer itself knows neither.

#include <memory>
#include <string>
#include <vector>

#include "parley/engine/run_statistics.hpp"
#include "parley/io/scenario/scenario_loader.hpp"
#include "parley/model/scenario.hpp"
#include "parley/sweep/point_evaluation.hpp"
#include "parley/sweep/sweep_spec.hpp"

namespace parley::io {

/// \brief The metric columns of a sweep of `scenario`, named as `parley run`'s JSON names them
/// (DESIGN 4):
///   outcomes.{settled,collapse_a,collapse_b,frozen}   outcome probabilities;
///   duration.{mean,median,p10,p90}                    periods of fighting;
///   parties.<id>.utility.{mean,se}                    expected payoff and its standard error;
///   terms.<issue>                                     continuous: mean amount; ordinal: mean level index;
///   terms.<issue>.<level>, terms.<issue>.<clause>     level and clause frequencies;
/// the terms over the settled runs only (undefined, written empty, when none settled).
std::vector<std::string> run_metric_names(const Scenario& scenario);

/// The values of `run_metric_names`, in the same order, from a Monte Carlo summary.
std::vector<double> run_metric_values(const RunSummary& summary);

/// \brief Every problem found by applying each value of each varied parameter alone to `base`
/// and validating the result: a path that cannot be followed (one message per parameter) or a
/// value that does not validate (with the loader's diagnostics). A range is probed at both
/// ends and at the irrational fraction sqrt(2) - 1 of the way, which catches a field that
/// takes whole numbers (a range's values are reals). Empty when the sweep may start.
std::vector<std::string> varied_value_problems(const ScenarioDocument& base, const sweep::SweepSpec& spec);

/// \brief The evaluator of a sweep of `base` (the scenario document with the base overrides
/// applied, valid): point p gets its values as overrides (in parameter order), is validated
/// (a ScenarioError becomes sweep::InvalidPoint with the loader's diagnostics) and simulated
/// with spec.runs runs from RandomStream(spec.seed, p, k) on one thread; its metrics are the
/// `run_metric_names` of `base` selected by spec.metrics (sweep::select_metrics, which throws
/// std::invalid_argument for a pattern that matches nothing).
sweep::PointEvaluator scenario_evaluator(std::shared_ptr<const ScenarioDocument> base, const sweep::SweepSpec& spec);

}  // namespace parley::io
