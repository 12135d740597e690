#pragma once
/// \file sobol_report_inputs.hpp
/// What a Sobol report (io/report/sobol_report.hpp) is computed from: the outputs of one
/// metric on a Saltelli sweep's points, read back from its results file and manifest and
/// arranged as sweep::sobol_indices takes them.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <Eigen/Dense>

#include "parley/io/sweep/sweep_manifest.hpp"
#include "parley/io/sweep/sweep_results.hpp"

namespace parley::io {

/// \brief One metric's outputs on a Saltelli design (sweep/design.hpp, SaltelliPosition):
/// for the n complete base samples j, in sample order, f_a[j] = f(A_j), f_b[j] = f(B_j) and
/// f_ab(j, i) = f(A_B^(i)_j); `parameters` are the varied paths (column i of f_ab is
/// `parameters[i]`), `planned_samples` the N base samples the sweep was to have.
struct SaltelliOutputs {
  std::vector<std::string> parameters;
  Eigen::VectorXd f_a;
  Eigen::VectorXd f_b;
  Eigen::MatrixXd f_ab;
  std::uint64_t planned_samples = 0;
};

/// \brief The outputs of `metric` on the rows of `file`, a results file of the sweep
/// `manifest` describes; `source` names the file in errors.
///
/// Row p holds position p mod (d + 2) of base sample saltelli_position(p, d).sample. A base
/// sample is used only when all d + 2 of its rows are in the file with status ok and a finite
/// value: a missing, failed or undefined point leaves out its sample, not just itself. Throws
/// std::runtime_error if the sweep is not a Sobol design ("SOURCE is a grid sweep: Sobol
/// indices need --design sobol ...") or has no column `metric` (naming the metrics it has).
SaltelliOutputs saltelli_outputs(const SweepManifest& manifest, const SweepResultsFile& file,
                                 const std::string& metric, const std::string& source);

/// \brief The same from the results file at `results_path` and its manifest (read_manifest,
/// read_sweep_results, whose errors it passes on); the design is checked before the results
/// file is read.
SaltelliOutputs read_saltelli_outputs(const std::string& results_path, const std::string& metric);

/// \brief When fewer base samples are complete than planned: `using n of N base samples (the
/// others have missing, failed or undefined points)`; nothing when all N are.
std::optional<std::string> missing_samples_note(const SaltelliOutputs& outputs);

}  // namespace parley::io
