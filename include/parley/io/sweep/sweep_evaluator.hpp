#pragma once
/// \file sweep_evaluator.hpp
/// A sweep point evaluated on a scenario: the point's values applied to the scenario document
/// as `--set` overrides, the result validated, and the Monte Carlo engine run on it. This is
/// where the sweep meets the loader and the engine; the sweep layer itself knows neither.

#include <memory>
#include <string>
#include <vector>

#include "parley/io/scenario/scenario_loader.hpp"
#include "parley/model/scenario.hpp"
#include "parley/sweep/point_evaluation.hpp"
#include "parley/sweep/sweep_spec.hpp"

namespace parley::io {

/// \brief Every problem found by applying each value of each varied parameter alone to `base`
/// and validating the result: a path that cannot be followed (one message per parameter) or a
/// value that does not validate (with the loader's diagnostics). A range is probed at both
/// ends and at the irrational fraction sqrt(2) - 1 of the way, which catches a field that
/// takes whole numbers (a range's values are reals). Empty when the sweep may start.
std::vector<std::string> varied_value_problems(const ScenarioDocument& base, const sweep::SweepSpec& spec);

/// \brief The evaluator of a sweep of `base` (the scenario document with the base overrides
/// applied, valid): point p gets its values as overrides (in parameter order), is validated
/// (a ScenarioError becomes sweep::InvalidPoint with the loader's diagnostics) and simulated
/// with spec.runs runs from RandomStream(spec.seed, p, k) on one thread. Its metrics are the
/// run's RunReport::metrics(), named as `parley run --format json` names them
/// (docs/outputs.md), those of RunReport::metric_names(base) that spec.metrics selects
/// (sweep::select_metrics, which throws std::invalid_argument for a pattern that matches
/// nothing).
sweep::PointEvaluator scenario_evaluator(std::shared_ptr<const ScenarioDocument> base, const sweep::SweepSpec& spec);

}  // namespace parley::io
