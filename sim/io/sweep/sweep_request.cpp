#include "parley/io/sweep/sweep_request.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <utility>

#include "parley/io/scenario/builtin_scenarios.hpp"
#include "parley/io/scenario/scenario_loader.hpp"
#include "parley/io/sweep/sha256.hpp"
#include "parley/io/sweep/sweep_evaluator.hpp"

namespace parley::io {

SweepRequest merge_sweep_request(const SweepRequestOptions& options, const SweepPlan* plan) {
  SweepRequest request;
  request.scenario = options.scenario;
  sweep::SweepSpec& spec = request.spec;
  if (plan) {
    if (request.scenario.empty() && plan->scenario) request.scenario = *plan->scenario;
    if (plan->design) spec.design = *plan->design;
    if (plan->samples) spec.samples = *plan->samples;
    if (plan->runs) spec.runs = *plan->runs;
    if (plan->seed) spec.seed = *plan->seed;
    spec.metrics = plan->metrics;
    spec.base_overrides = plan->base_overrides;
    spec.parameters = plan->parameters;
  }
  for (const auto& v : options.vary) spec.parameters.push_back(parse_vary(v));
  if (request.scenario.empty()) request.scenario = std::string(default_scenario_name);
  if (!options.design.empty()) {
    const auto kind = sweep::design_kind_named(options.design);
    if (!kind) throw std::invalid_argument("--design must be grid, random, lhs or sobol, got '" + options.design + "'");
    spec.design = *kind;
  }
  if (options.samples) spec.samples = *options.samples;
  if (options.runs) spec.runs = *options.runs;
  if (options.seed) spec.seed = *options.seed;
  request.limits.max_points = options.max_points;
  spec.metrics.insert(spec.metrics.end(), options.metrics.begin(), options.metrics.end());
  spec.base_overrides.insert(spec.base_overrides.end(), options.sets.begin(), options.sets.end());
  spec.meta_game = spec.meta_game || options.meta_game;
  spec.strategies.insert(spec.strategies.end(), options.strategies.begin(), options.strategies.end());
  return request;
}

SweepRequest read_sweep_request(const SweepRequestOptions& options) {
  if (options.plan.empty()) return merge_sweep_request(options, nullptr);
  const SweepPlan plan = read_sweep_plan(options.plan);
  return merge_sweep_request(options, &plan);
}

std::shared_ptr<ScenarioDocument> sweep_base_scenario(const SweepRequest& request) {
  auto base = std::make_shared<ScenarioDocument>(parse_scenario_argument(request.scenario));
  apply_overrides(*base, request.spec.base_overrides);
  (void)build_scenario(*base);
  return base;
}

namespace {

std::string joined_problems(const std::vector<std::string>& problems) {
  std::string text;
  for (const auto& p : problems) text += (text.empty() ? "" : "; ") + p;
  return text;
}

}  // namespace

SweepRequestProblems::SweepRequestProblems(std::vector<std::string> problems)
    : std::runtime_error(joined_problems(problems)), problems_(std::move(problems)) {}

PreparedSweep prepare_sweep(const SweepRequest& request) {
  if (auto problems = sweep::spec_problems(request.spec, request.limits); !problems.empty())
    throw SweepRequestProblems(std::move(problems));
  PreparedSweep prepared;
  const auto base = sweep_base_scenario(request);
  if (auto problems = varied_value_problems(*base, request.spec); !problems.empty())
    throw SweepRequestProblems(std::move(problems));
  try {
    prepared.evaluator = scenario_evaluator(base, request.spec);
  } catch (const std::invalid_argument& e) {
    throw SweepRequestProblems({e.what()});
  }
  prepared.base = base;
  return prepared;
}

std::string sweep_scenario_sha256(const std::string& scenario) {
  if (std::filesystem::is_regular_file(scenario)) {
    std::ifstream in(scenario, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return sha256_hex(text.str());
  }
  std::string_view name = scenario;
  if (name.ends_with(".yaml")) name.remove_suffix(5);
  for (const auto& builtin : builtin_scenarios())
    if (builtin.name == name) return sha256_hex(builtin.yaml);
  return sha256_hex("");
}

unsigned sweep_worker_threads(int requested, int ranks) {
  if (requested > 0) return static_cast<unsigned>(requested);
  if (ranks > 1) return 1;
  return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace parley::io
