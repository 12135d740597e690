#include "parley/io/sweep/sobol_report_inputs.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <stdexcept>

#include "parley/sweep/design.hpp"

namespace parley::io {

namespace {

// Sobol' indices need Saltelli's points: any other design's rows cannot be paired as A, B, A_B.
void require_saltelli_design(const SweepManifest& manifest, const std::string& source) {
  if (manifest.spec.design != sweep::DesignKind::sobol)
    throw std::runtime_error(source + " is a " + sweep::to_string(manifest.spec.design) +
                             " sweep: Sobol indices need --design sobol (Saltelli's points)");
}

}  // namespace

SaltelliOutputs saltelli_outputs(const SweepManifest& manifest, const SweepResultsFile& file,
                                 const std::string& metric, const std::string& source) {
  require_saltelli_design(manifest, source);
  const auto column = std::find(file.metrics.begin(), file.metrics.end(), metric);
  if (column == file.metrics.end()) {
    std::string names;
    for (const auto& m : file.metrics) names += (names.empty() ? "" : ", ") + m;
    throw std::runtime_error("no metric '" + metric + "' in " + source + " (its metrics: " + names + ")");
  }
  const auto m = static_cast<std::size_t>(column - file.metrics.begin());
  const std::size_t d = manifest.spec.parameters.size();
  // Collect each base sample's d + 2 outputs; use the samples that have all of them.
  std::map<std::uint64_t, std::vector<double>> samples;
  for (const auto& row : file.rows) {
    auto& outputs = samples[sweep::saltelli_position(row.point, d).sample];
    outputs.resize(d + 2, std::numeric_limits<double>::quiet_NaN());
    outputs[row.point % (d + 2)] =
        row.status == sweep::PointStatus::ok ? row.metrics[m] : std::numeric_limits<double>::quiet_NaN();
  }
  std::vector<const std::vector<double>*> complete;
  for (const auto& [j, outputs] : samples)
    if (std::all_of(outputs.begin(), outputs.end(), [](double y) { return std::isfinite(y); }))
      complete.push_back(&outputs);

  SaltelliOutputs result;
  for (const auto& parameter : manifest.spec.parameters) result.parameters.push_back(parameter.path);
  result.planned_samples = manifest.spec.samples;
  const auto n = static_cast<Eigen::Index>(complete.size());
  result.f_a.resize(n);
  result.f_b.resize(n);
  result.f_ab.resize(n, static_cast<Eigen::Index>(d));
  for (Eigen::Index j = 0; j < n; ++j) {
    const auto& y = *complete[static_cast<std::size_t>(j)];
    result.f_a[j] = y[0];
    result.f_b[j] = y[1];
    for (std::size_t i = 0; i < d; ++i) result.f_ab(j, static_cast<Eigen::Index>(i)) = y[2 + i];
  }
  return result;
}

SaltelliOutputs read_saltelli_outputs(const std::string& results_path, const std::string& metric) {
  const auto manifest = read_manifest(results_path);
  require_saltelli_design(manifest, results_path);
  return saltelli_outputs(manifest, read_sweep_results(results_path), metric, results_path);
}

std::optional<std::string> missing_samples_note(const SaltelliOutputs& outputs) {
  const auto used = static_cast<std::uint64_t>(outputs.f_a.size());
  if (used >= outputs.planned_samples) return std::nullopt;
  return "using " + std::to_string(used) + " of " + std::to_string(outputs.planned_samples) +
         " base samples (the others have missing, failed or undefined points)";
}

}  // namespace parley::io
