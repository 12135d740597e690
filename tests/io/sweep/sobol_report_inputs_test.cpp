// A Saltelli sweep's results read back as sobol_indices takes them, on a hand-made file of
// one parameter (d + 2 = 3 rows per base sample) whose every output is known.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <stdexcept>

#include "parley/io/sweep/sobol_report_inputs.hpp"
#include "parley/io/sweep/sweep_plan.hpp"

using namespace parley;

namespace {

// Row p's metrics are (10 p, 10 p + 1): metric m1 of point p is 10 p.
io::SweepResultRow saltelli_input_row(std::uint64_t point, sweep::PointStatus status = sweep::PointStatus::ok) {
  io::SweepResultRow row;
  row.point = point;
  row.status = status;
  const double p = static_cast<double>(point);
  row.metrics = {10 * p, 10 * p + 1};
  return row;
}

io::SweepManifest saltelli_input_manifest(sweep::DesignKind design) {
  io::SweepManifest manifest;
  manifest.spec.design = design;
  manifest.spec.samples = 3;
  manifest.spec.parameters = {io::parse_vary("battlefield.tempo=0.2:0.6")};
  return manifest;
}

}  // namespace

TEST_CASE("Sobol inputs: each complete base sample gives f(A), f(B), f(A_B)", "[sweep]") {
  io::SweepResultsFile file;
  file.metrics = {"m1", "m2"};
  // Samples 0 and 1 complete (in completion order, not point order); sample 2 has a failed point.
  for (const std::uint64_t p : {4u, 0u, 2u, 1u, 3u, 5u, 6u, 8u}) file.rows.push_back(saltelli_input_row(p));
  file.rows.push_back(saltelli_input_row(7, sweep::PointStatus::invalid));
  const auto manifest = saltelli_input_manifest(sweep::DesignKind::sobol);

  const auto outputs = io::saltelli_outputs(manifest, file, "m2", "r.csv");
  CHECK(outputs.parameters == std::vector<std::string>{"battlefield.tempo"});
  CHECK(outputs.planned_samples == 3);
  REQUIRE(outputs.f_a.size() == 2);
  CHECK(outputs.f_a[0] == 1);   // point 0
  CHECK(outputs.f_b[0] == 11);  // point 1
  CHECK(outputs.f_ab(0, 0) == 21);
  CHECK(outputs.f_a[1] == 31);
  CHECK(outputs.f_b[1] == 41);
  CHECK(outputs.f_ab(1, 0) == 51);
  CHECK(io::missing_samples_note(outputs) ==
        "using 2 of 3 base samples (the others have missing, failed or undefined points)");

  // An undefined metric (NaN) leaves out its sample as a failed point does.
  file.rows.back() = saltelli_input_row(7);
  CHECK(io::saltelli_outputs(manifest, file, "m1", "r.csv").f_a.size() == 3);
  CHECK_FALSE(io::missing_samples_note(io::saltelli_outputs(manifest, file, "m1", "r.csv")));
  file.rows.back().metrics[0] = std::numeric_limits<double>::quiet_NaN();
  CHECK(io::saltelli_outputs(manifest, file, "m1", "r.csv").f_a.size() == 2);
}

TEST_CASE("Sobol inputs: another design or an unknown metric is refused", "[sweep]") {
  io::SweepResultsFile file;
  file.metrics = {"m1", "m2"};
  CHECK_THROWS_WITH(io::saltelli_outputs(saltelli_input_manifest(sweep::DesignKind::grid), file, "m1", "r.csv"),
                    "r.csv is a grid sweep: Sobol indices need --design sobol (Saltelli's points)");
  CHECK_THROWS_WITH(io::saltelli_outputs(saltelli_input_manifest(sweep::DesignKind::sobol), file, "m3", "r.csv"),
                    "no metric 'm3' in r.csv (its metrics: m1, m2)");
}
