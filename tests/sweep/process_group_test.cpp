// Spreading a sweep over processes: the row encoding, the group of one, and `mpirun -np 2`
// against a serial run (this test binary re-run under mpirun with a hidden test case).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <limits>

#include "analytic_evaluator.hpp"
#include "parley/io/sweep/sweep_session.hpp"
#include "parley/sweep/process_group.hpp"
#include "../support/temp_folder.hpp"
#include "result_rows.hpp"

using namespace parley;
using parley::testing::read_text;
using parley::testing::TempFolder;
using parley::testing::sorted_lines;

namespace {

sweep::SweepSpec mpi_spec() {
  sweep::SweepSpec spec;
  sweep::VariedParameter x, y;
  x.path = "x";
  x.levels = sweep::evenly_spaced_levels(-1, 1, 25);
  y.path = "y";
  y.lo = 0;
  y.hi = 2;
  spec.design = sweep::DesignKind::latin_hypercube;
  spec.samples = 90;
  spec.parameters = {x, y};
  spec.runs = 30;
  spec.seed = 11;
  return spec;
}

void run_mpi_spec(const sweep::ProcessGroup& group, const std::string& output, unsigned threads) {
  const auto spec = mpi_spec();
  const sweep::Design design(spec);
  io::SweepSessionOptions options;
  options.output = output;
  options.threads = threads;
  options.scenario = "analytic";
  options.scenario_sha256 = "0";
  io::run_sweep_session(group, design, parley::testing::analytic_evaluator(spec.seed, spec.runs, 1.5), options);
}

}  // namespace

TEST_CASE("Rows survive encoding for sending between ranks", "[sweep]") {
  const sweep::PointResult ok{42, sweep::PointStatus::ok, "", {0.1, -1e300, std::numeric_limits<double>::infinity()}};
  const sweep::PointResult failed{7, sweep::PointStatus::invalid, std::string("with\0nul", 8), {}};
  CHECK(sweep::decode_row(sweep::encode_row(ok)) == ok);
  CHECK(sweep::decode_row(sweep::encode_row(failed)) == failed);
  const auto bytes = sweep::encode_row(ok);
  CHECK_THROWS_AS(sweep::decode_row(bytes.substr(0, bytes.size() - 1)), std::invalid_argument);
  CHECK_THROWS_AS(sweep::decode_row(bytes + "x"), std::invalid_argument);
}

TEST_CASE("Without a launcher the group is this process alone", "[sweep]") {
  if (std::getenv("OMPI_COMM_WORLD_SIZE") || std::getenv("PMI_RANK") || std::getenv("PMIX_RANK")) {
    WARN("running under an MPI launcher: the group-of-one case is not checked");
    return;
  }
  const sweep::ProcessGroup group;
  CHECK(group.rank() == 0);
  CHECK(group.size() == 1);
  CHECK(group.is_root());
  std::string bytes = "unchanged";
  group.broadcast(bytes);
  CHECK(bytes == "unchanged");
}

// Run by the next test under mpirun: every rank takes part, rank 0 writes the file.
TEST_CASE("mpi child: a sweep over the ranks of mpirun", "[.sweep-mpi-child]") {
  const char* output = std::getenv("PARLEY_SWEEP_MPI_OUTPUT");
  REQUIRE(output);
  const sweep::ProcessGroup group;
  REQUIRE(group.size() == 2);
  run_mpi_spec(group, output, 2);
}

TEST_CASE("mpirun -np 2 writes the same rows as a serial run", "[sweep]") {
#if defined(PARLEY_WITH_MPI) && PARLEY_WITH_MPI
  const TempFolder folder("mpi");
  const auto serial = folder.file("serial.csv");
  {
    const sweep::ProcessGroup group;
    run_mpi_spec(group, serial, 1);
  }
  const auto parallel = folder.file("mpi.csv");
  const std::string self = std::filesystem::read_symlink("/proc/self/exe").string();
  // As root (CI containers) OpenMPI needs --allow-run-as-root; --oversubscribe lets two ranks
  // run on a machine with fewer free slots.
  const std::string command = "PARLEY_SWEEP_MPI_OUTPUT='" + parallel +
                              "' mpirun --allow-run-as-root --oversubscribe -np 2 '" + self +
                              "' '[.sweep-mpi-child]' > '" + folder.file("mpirun.log") + "' 2>&1";
  const int status = std::system(command.c_str());
  INFO(read_text(folder.file("mpirun.log")));
  REQUIRE(status == 0);
  CHECK(sorted_lines(read_text(parallel)) == sorted_lines(read_text(serial)));
  CHECK(sorted_lines(read_text(parallel)).size() == 91);
#else
  // Built without MPI: a process that a launcher started as one of several must refuse
  // rather than redo the whole sweep in every rank.
  WARN("built without MPI (configure with -DPARLEY_WITH_MPI=ON): mpirun -np 2 is not run");
  REQUIRE(::setenv("OMPI_COMM_WORLD_SIZE", "2", 1) == 0);
  CHECK_THROWS_WITH(sweep::ProcessGroup(), Catch::Contains("-DPARLEY_WITH_MPI=ON"));
  ::unsetenv("OMPI_COMM_WORLD_SIZE");
  const sweep::ProcessGroup alone;
  CHECK(alone.size() == 1);
#endif
}
