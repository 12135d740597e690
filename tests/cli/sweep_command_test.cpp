// `parley sweep` and `parley merge` end to end, on a small built-in scenario with few runs:
// errors before any work, invalid combinations as rows, plan files, shards and merge, MPI, and
// the Sobol analysis. The command's rows must equal the library's (same evaluator, same session).
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <sys/wait.h>

#include "../sweep/analytic_evaluator.hpp"
#include "parley/io/sweep/sweep_evaluator.hpp"
#include "parley/io/sweep/sweep_manifest.hpp"
#include "parley/io/sweep/sweep_plan.hpp"
#include "parley/io/sweep/sweep_results.hpp"
#include "parley/io/sweep/sweep_session.hpp"
#include "parley/io/format/number_format.hpp"
#include "parley/sweep/sobol_indices.hpp"
#include "../support/cli_runner.hpp"
#include "../sweep/result_rows.hpp"

using namespace parley;
using parley::testing::read_text;
using parley::testing::run_cli;
using parley::testing::TempFolder;
using parley::testing::sorted_lines;
using parley::testing::write_text;

namespace {

// The scenario the sweeps run on: small (Fearon's mutual optimism, ten front states), so that the
// sweep machinery's tests stay fast under the sanitizers; nothing here depends on the scenario.
const std::string sweep_scenario = "optimism";

// The rows the library writes for `spec` on that scenario (the reference for the command).
std::string library_rows(const TempFolder& folder, const sweep::SweepSpec& spec) {
  auto base = std::make_shared<io::ScenarioDocument>(io::parse_builtin_scenario(sweep_scenario));
  for (const auto& s : spec.base_overrides) io::apply_override(*base, s);
  const sweep::ProcessGroup group;
  io::SweepSessionOptions options;
  options.output = folder.file("library.csv");
  options.overwrite = true;
  options.threads = 1;
  options.scenario = sweep_scenario;
  io::run_sweep_session(group, sweep::Design(spec), io::scenario_evaluator(base, spec), options);
  return read_text(options.output);
}

sweep::SweepSpec small_grid() {
  sweep::SweepSpec spec;
  spec.parameters = {io::parse_vary("battlefield.advantage=-0.3,0.3"), io::parse_vary("parties.a.cost=0.002:0.006:3")};
  spec.runs = 40;
  spec.seed = 3;
  spec.metrics = {"outcomes.*", "duration.mean", "parties.*.utility.mean"};
  return spec;
}

const std::string small_grid_args =
    "optimism --vary battlefield.advantage=-0.3,0.3 --vary parties.a.cost=0.002:0.006:3 --runs 40 --seed 3 "
    "--metrics 'outcomes.*,duration.mean' --metrics 'parties.*.utility.mean' -q";

}  // namespace

TEST_CASE("parley sweep writes the library's rows, and the manifest", "[sweep]") {
  const TempFolder folder("cli-grid");
  const auto out = folder.file("r.csv");
  const auto o = run_cli("sweep " + small_grid_args + " --threads 2 -o '" + out + "'");
  INFO(o.err);
  REQUIRE(o.exit_code == 0);
  CHECK(sorted_lines(read_text(out)) == sorted_lines(library_rows(folder, small_grid())));
  const auto file = io::read_sweep_results(out);
  REQUIRE(file.rows.size() == 6);
  // Written as the two threads finished them, in point order once the sweep ended (issue 17).
  for (std::size_t k = 0; k < file.rows.size(); ++k) CHECK(file.rows[k].point == k);
  CHECK(file.parameters == std::vector<std::string>{"battlefield.advantage", "parties.a.cost"});
  CHECK(file.metrics.front() == "outcomes.settled");
  for (const auto& row : file.rows) {
    CHECK(row.status == sweep::PointStatus::ok);
    // The four outcomes partition the runs.
    CHECK(row.metrics[0] + row.metrics[1] + row.metrics[2] + row.metrics[3] == Approx(1.0).epsilon(1e-12));
  }
  const auto manifest = io::read_manifest(out);
  CHECK(manifest.scenario == sweep_scenario);
  CHECK(manifest.spec == small_grid());
  CHECK(manifest.scenario_sha256.size() == 64);
}

TEST_CASE("Bad sweep specs stop parley sweep before any work", "[sweep]") {
  const TempFolder folder("cli-errors");
  const auto out = folder.file("r.csv");
  const std::string o_arg = " -q --runs 5 -o '" + out + "'";
  struct Case {
    std::string args;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"--vary parties.nobody.cost=0.1,0.2", "--vary parties.nobody.cost"},
      {"--vary battlefield.tempo=1:1 --design lhs --samples 4", "empty range"},
      {"--vary battlefield.tempo=0:1:0", "n = 0"},
      {"--vary battlefield.tempo=0,0.5", "the value 0 does not validate"},
      {"--vary battlefield.states=10:30 --design random --samples 3", "whole numbers"},
      {"--vary battlefield.tempo=0.2:0.4", "a grid needs values"},
      {"--vary battlefield.tempo=0.2,0.4 --metrics outcomes.setled", "no metric matches outcomes.setled"},
      {"--vary battlefield.tempo=0.2,0.4 --design halton", "--design must be"},
      {"--vary battlefield.tempo=0.2,0.4 --shard 3/2", "--shard must be k/n"},
      {"--vary battlefield.tempo=0.2,0.4 --set parties.russia.cost=-1", "parties"},
  };
  for (const auto& c : cases) {
    INFO(c.args);
    const auto o = run_cli("sweep " + c.args + o_arg);
    INFO(o.err);
    CHECK(o.exit_code != 0);
    CHECK_THAT(o.err, Catch::Contains(c.message));
    CHECK_FALSE(std::filesystem::exists(out));
  }
  // No output file: a usage error.
  CHECK(run_cli("sweep --vary battlefield.tempo=0.2,0.4").exit_code == 2);
}

TEST_CASE("A combination that does not validate is a row with its status and message", "[sweep]") {
  const TempFolder folder("cli-invalid");
  const auto out = folder.file("r.csv");
  // start 15 and collapse_b 10 are each valid alone, not together (start < collapse_b).
  const auto o = run_cli("sweep --vary battlefield.start=6,15 --vary battlefield.collapse_b=10,20 --runs 10 -q "
                                "--metrics outcomes.settled -o '" + out + "'");
  INFO(o.err);
  REQUIRE(o.exit_code == 0);
  const auto file = io::read_sweep_results(out);
  REQUIRE(file.rows.size() == 4);
  for (const auto& row : file.rows) {
    const bool invalid = row.values == std::vector<std::string>{"15", "10"};
    CHECK((row.status == sweep::PointStatus::invalid) == invalid);
    if (invalid) {
      CHECK_THAT(row.message, Catch::Contains("battlefield"));
      CHECK(std::isnan(row.metrics[0]));
    }
  }
  CHECK(io::read_manifest(out).rows_failed == 1);
}

TEST_CASE("A plan file gives the same sweep as the command line", "[sweep]") {
  const TempFolder folder("cli-plan");
  write_text(folder.file("sweep.yaml"), R"(scenario: optimism
runs: 40
seed: 3
metrics: ["outcomes.*", duration.mean, "parties.*.utility.mean"]
vary:
  battlefield.advantage: [-0.3, 0.3]
  parties.a.cost: {lo: 0.002, hi: 0.006, n: 3}
)");
  const auto from_plan = folder.file("plan.csv");
  const auto o = run_cli("sweep --plan '" + folder.file("sweep.yaml") + "' -q -o '" + from_plan + "'");
  INFO(o.err);
  REQUIRE(o.exit_code == 0);
  CHECK(sorted_lines(read_text(from_plan)) == sorted_lines(library_rows(folder, small_grid())));
  // Command-line options override the plan.
  const auto reseeded = folder.file("reseeded.csv");
  REQUIRE(run_cli("sweep --plan '" + folder.file("sweep.yaml") + "' --seed 4 -q -o '" + reseeded + "'").exit_code == 0);
  CHECK(io::read_manifest(reseeded).spec.seed == 4);
}

TEST_CASE("parley sweep --shard k/n and parley merge equal one run, and --resume completes a cut file", "[sweep]") {
  const TempFolder folder("cli-shards");
  const auto whole = folder.file("whole.csv");
  REQUIRE(run_cli("sweep " + small_grid_args + " -o '" + whole + "'").exit_code == 0);
  std::string shards;
  for (int k = 1; k <= 4; ++k) {
    const auto shard = folder.file("shard" + std::to_string(k) + ".csv");
    const auto o = run_cli("sweep " + small_grid_args + " --threads 1 --shard " + std::to_string(k) + "/4 -o '" + shard + "'");
    INFO(o.err);
    REQUIRE(o.exit_code == 0);
    shards += " '" + shard + "'";
  }
  const auto merged = folder.file("merged.csv");
  const auto o = run_cli("merge -o '" + merged + "'" + shards);
  INFO(o.err);
  REQUIRE(o.exit_code == 0);
  std::string sorted;
  for (const auto& line : sorted_lines(read_text(whole))) sorted += line + "\n";
  CHECK(read_text(merged) == sorted);
  CHECK(run_cli("merge -o '" + merged + "'" + shards).exit_code == 1);  // exists

  // A file cut mid-row (as by SIGKILL) completes with --resume to the same rows.
  const std::string text = read_text(whole);
  write_text(whole, text.substr(0, text.size() * 2 / 3));
  CHECK(run_cli("sweep " + small_grid_args + " -o '" + whole + "'").exit_code == 1);  // no --resume: refuses
  REQUIRE(run_cli("sweep " + small_grid_args + " --resume -o '" + whole + "'").exit_code == 0);
  CHECK(sorted_lines(read_text(whole)) == sorted_lines(text));
}

TEST_CASE("mpirun -np 2 parley sweep equals the serial run", "[sweep]") {
#if defined(PARLEY_WITH_MPI) && PARLEY_WITH_MPI
  const TempFolder folder("cli-mpi");
  const auto serial = folder.file("serial.csv");
  REQUIRE(run_cli("sweep " + small_grid_args + " --threads 1 -o '" + serial + "'").exit_code == 0);
  const auto parallel = folder.file("mpi.csv");
  const auto o = run_cli("sweep " + small_grid_args + " -o '" + parallel + "'",
                        {"", "mpirun --allow-run-as-root --oversubscribe -np 2 ", ""});
  INFO(o.err << o.out);
  REQUIRE(o.exit_code == 0);
  CHECK(sorted_lines(read_text(parallel)) == sorted_lines(read_text(serial)));
  CHECK(io::read_manifest(parallel).rows_done == 6);
#else
  // Built without MPI, parley refuses to run as one of several launched processes.
  WARN("built without MPI (configure with -DPARLEY_WITH_MPI=ON): mpirun -np 2 parley sweep is not run");
  const TempFolder folder("cli-no-mpi");
  const auto o = run_cli("sweep " + small_grid_args + " -o '" + folder.file("x.csv") + "'",
                            {"", "OMPI_COMM_WORLD_SIZE=2 ", ""});
  CHECK(o.exit_code != 0);
  CHECK_THAT(o.err, Catch::Contains("-DPARLEY_WITH_MPI=ON"));
#endif
}

TEST_CASE("parley sweep --analyze sobol prints the library's indices", "[sweep]") {
  const TempFolder folder("cli-analyze");
  // A Saltelli sweep of the analytic evaluator (x + y u averaged over runs, x y, ...).
  sweep::SweepSpec spec;
  spec.design = sweep::DesignKind::sobol;
  spec.samples = 64;
  spec.runs = 10;
  spec.parameters = {io::parse_vary("x=-1:1"), io::parse_vary("y=0:2")};
  const sweep::Design design(spec);
  const auto out = folder.file("sobol.csv");
  io::SweepSessionOptions options;
  options.output = out;
  options.scenario = "analytic";
  const sweep::ProcessGroup group;
  io::run_sweep_session(group, design, parley::testing::analytic_evaluator(spec.seed, spec.runs), options);

  const auto o = run_cli("sweep --analyze sobol '" + out + "' --metric product --bootstrap 100 --seed 5 --format csv");
  INFO(o.err);
  REQUIRE(o.exit_code == 0);
  const auto file = io::read_sweep_results(out);
  Eigen::VectorXd f_a(64), f_b(64);
  Eigen::MatrixXd f_ab(64, 2);
  for (const auto& row : file.rows) {
    const auto position = sweep::saltelli_position(row.point, 2);
    const auto j = static_cast<Eigen::Index>(position.sample);
    const double y = row.metrics[1];
    if (position.matrix == sweep::SaltelliPosition::Matrix::a) f_a[j] = y;
    if (position.matrix == sweep::SaltelliPosition::Matrix::b) f_b[j] = y;
    if (position.matrix == sweep::SaltelliPosition::Matrix::a_with_b_column) f_ab(j, static_cast<Eigen::Index>(position.column)) = y;
  }
  const auto indices = sweep::sobol_indices(f_a, f_b, f_ab, 100, 0.95, 5);
  std::string expected = "parameter,first_order,first_order_lo,first_order_hi,total,total_lo,total_hi\n";
  for (std::size_t i = 0; i < 2; ++i) {
    const auto& s = indices.first_order[i];
    const auto& t = indices.total[i];
    expected += spec.parameters[i].path + "," + io::format_shortest(s.value) + "," + io::format_shortest(s.lo) + "," +
                io::format_shortest(s.hi) + "," + io::format_shortest(t.value) + "," + io::format_shortest(t.lo) + "," +
                io::format_shortest(t.hi) + "\n";
  }
  CHECK(o.out == expected);
  const auto table = run_cli("sweep --analyze sobol '" + out + "' --metric product --bootstrap 100");
  CHECK(table.exit_code == 0);
  CHECK_THAT(table.out, Catch::Contains("Sobol indices of product (64 base samples"));

  CHECK_THAT(run_cli("sweep --analyze sobol '" + out + "' --metric nope").err, Catch::Contains("no metric 'nope'"));
  // A grid is not a Saltelli design.
  const auto grid = folder.file("grid.csv");
  REQUIRE(run_cli("sweep " + small_grid_args + " -o '" + grid + "'").exit_code == 0);
  CHECK_THAT(run_cli("sweep --analyze sobol '" + grid + "' --metric outcomes.settled").err,
             Catch::Contains("need --design sobol"));
}

// Tagged [docs] with the other checks of shipped files: it runs in the warnings-as-errors build,
// not again under the sanitizers, where its 44 points of the default scenario cost half a minute.
TEST_CASE("The shipped prolonged-versus-quick plan runs: advantage x strategies, every point valid", "[sweep][docs]") {
  const TempFolder folder("cli-shipped-plan");
  const auto out = folder.file("pvq.csv");
  const std::string plan = std::string(PARLEY_SOURCE_DIR) + "/scenarios/sweeps/prolonged-vs-quick.yaml";
  const auto o = run_cli("sweep --plan '" + plan + "' --runs 5 -q -o '" + out + "'");
  INFO(o.err);
  REQUIRE(o.exit_code == 0);
  const auto file = io::read_sweep_results(out);
  REQUIRE(file.rows.size() == 44);
  std::set<std::vector<std::string>> profiles;
  for (const auto& row : file.rows) {
    CHECK(row.status == sweep::PointStatus::ok);
    profiles.insert(row.values);
  }
  CHECK(profiles.size() == 44);  // every combination once
  CHECK(file.parameters == std::vector<std::string>{"battlefield.advantage.from", "parties.russia.strategy",
                                                    "parties.ukraine.strategy"});
}

TEST_CASE("Sweep design limits: too many points or values are refused before any work, --max-points raises them",
          "[sweep]") {
  const TempFolder folder("cli-limits");
  const auto out = folder.file("r.csv");
  const std::string o_arg = " -q --runs 5 -o '" + out + "'";
  struct Case {
    std::string args;
    int exit_code;
    std::string message;
  };
  const std::string billion = "--vary battlefield.tempo=0.1:0.9:1000 --vary parties.a.cost=0.001:0.01:1000 "
                              "--vary battlefield.advantage=-0.5:0.5:1000";
  const std::vector<Case> cases = {
      // 1000 x 1000 x 1001 points: over 10^9.
      {billion + " --vary battlefield.start=6,7", 1, "the design has 2000000000 points, more than the limit of 1000000000"},
      {billion + " --vary battlefield.start=6,7", 1, "--max-points N raises the limit"},
      // 100,000^4 = 10^20 points: more than 2^64.
      {"--vary battlefield.tempo=0.1:0.9:100000 --vary parties.a.cost=0.001:0.01:100000 "
       "--vary battlefield.advantage=-0.5:0.5:100000 --vary parties.b.cost=0.001:0.01:100000",
       1, "more than 2^64 points"},
      {"--vary battlefield.tempo=0.1:0.9:100001", 1, "more than the limit of 100000 values per varied parameter"},
      {"--vary battlefield.tempo=0.1:0.9:1000000000000", 1, "more than the limit of 100000 values"},
      {"--vary battlefield.tempo=0.1:0.9 --vary battlefield.advantage=-0.5:0.5 --design lhs --samples 12500001", 1,
       "more than the limit of 12500000 for a Latin hypercube of 2 parameters"},
      {"--vary battlefield.tempo=0.1:0.9 --design random --samples 1000000001", 1, "more than the limit of 1000000000"},
      {"--vary battlefield.tempo=0.1,0.9 --max-points 1", 1, "the design has 2 points, more than the limit of 1;"},
      {"--vary battlefield.tempo=0.1,0.9 --max-points 0", 2, "--max-points must be at least 1"},
      {"--vary battlefield.tempo=0.1,0.9 --max-points 18446744073709551616", 2, "max-points"},
      {"--vary battlefield.tempo=0.1,0.9 --max-points -5", 2, "max-points"},
  };
  for (const auto& c : cases) {
    INFO(c.args);
    const auto start = std::chrono::steady_clock::now();
    const auto o = run_cli("sweep optimism " + c.args + o_arg);
    INFO(o.err);
    CHECK(o.exit_code == c.exit_code);
    CHECK_THAT(o.err, Catch::Contains(c.message));
    CHECK_FALSE(std::filesystem::exists(out));
    // Refused before the values are validated or the points listed.
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
  }
  // --max-points raises the limit: the two points run.
  const auto o = run_cli("sweep optimism --vary battlefield.tempo=0.1,0.9 --max-points 2 --metrics outcomes.settled" + o_arg);
  INFO(o.err);
  CHECK(o.exit_code == 0);
  CHECK(io::read_sweep_results(out).rows.size() == 2);
}
