// Benchmark: importing GENIUS negotiation domains (ANAC 2010-2013) and computing their exact
// Pareto frontier and solution points (Nash, Kalai-Smorodinsky, maximum welfare) with the
// reservation values as the disagreement point. Target: the largest domain here (Travel-A,
// 188,160 outcomes) imported and solved in under 50 ms; NegMAS takes about 0.8 s for its
// frontier alone on the same machine.
//
//   bench_genius [GENIUS_FOLDER] [REPETITIONS]
// GENIUS_FOLDER holds one folder per domain (default: tests/data/genius in the source tree,
// the twelve ANAC domains of tests/data/README.md). Each figure is the median over the repetitions (default 21).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "parley/agreement/agreement_space.hpp"
#include "parley/agreement/bargaining_solution.hpp"
#include "parley/agreement/disagreement_point.hpp"
#include "parley/io/interop/genius_import.hpp"
#include "parley/io/scenario/scenario_loader.hpp"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double milliseconds(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

struct Figures {
  double outcomes = 0.0;
  std::size_t vertices = 0;
  double import_ms = 0.0;
  double frontier_ms = 0.0;
  double solutions_ms = 0.0;
  double total_ms = 0.0;
  bool zone = false;
};

Figures measure(const fs::path& folder, int repetitions) {
  std::vector<double> import_ms, frontier_ms, solutions_ms, total_ms;
  Figures f;
  for (int r = 0; r < repetitions; ++r) {
    const auto t0 = Clock::now();
    const parley::Scenario scenario = parley::io::build_scenario(parley::io::genius_document(folder.string()));
    const auto t1 = Clock::now();
    const parley::AgreementSpace space(scenario);
    const auto t2 = Clock::now();
    const std::vector<double> d = parley::reservation_point(scenario);
    const auto nash = parley::nash_solution(space, d);
    const auto ks = parley::kalai_smorodinsky(space, d);
    const auto welfare = parley::max_welfare(space);
    const auto t3 = Clock::now();
    import_ms.push_back(milliseconds(t1 - t0));
    frontier_ms.push_back(milliseconds(t2 - t1));
    solutions_ms.push_back(milliseconds(t3 - t2));
    total_ms.push_back(milliseconds(t3 - t0));
    f.vertices = space.point_count();
    f.zone = nash.has_value() && ks.has_value() && !welfare.utilities.empty();
    f.outcomes = 1.0;
    for (const auto& issue : scenario.issues) f.outcomes *= static_cast<double>(issue.levels.size());
  }
  f.import_ms = median(import_ms);
  f.frontier_ms = median(frontier_ms);
  f.solutions_ms = median(solutions_ms);
  f.total_ms = median(total_ms);
  return f;
}

}  // namespace

int main(int argc, char** argv) {
  fs::path root;
  if (argc > 1) {
    root = argv[1];
  } else {
    root = fs::path(PARLEY_SOURCE_DIR) / "tests" / "data" / "genius";
  }
  const int repetitions = argc > 2 ? std::max(1, std::atoi(argv[2])) : 21;
  if (!fs::is_directory(root)) {
    std::fprintf(stderr, "bench_genius: no GENIUS folder at %s (give it as the first argument)\n", root.c_str());
    return 1;
  }
  std::vector<fs::path> folders;
  for (const auto& entry : fs::directory_iterator(root))
    if (entry.is_directory()) folders.push_back(entry.path());
  std::sort(folders.begin(), folders.end());

  std::printf("GENIUS import + exact frontier + Nash, Kalai-Smorodinsky, max welfare (median of %d runs)\n",
              repetitions);
  std::printf("%-24s %10s %9s %10s %12s %13s %10s %5s\n", "domain", "outcomes", "vertices", "import ms",
              "frontier ms", "solutions ms", "total ms", "zopa");
  Figures largest;
  std::string largest_name;
  for (const auto& folder : folders) {
    try {
      const Figures f = measure(folder, repetitions);
      std::printf("%-24s %10.0f %9zu %10.3f %12.3f %13.3f %10.3f %5s\n", folder.filename().c_str(), f.outcomes,
                  f.vertices, f.import_ms, f.frontier_ms, f.solutions_ms, f.total_ms, f.zone ? "yes" : "no");
      if (f.outcomes > largest.outcomes) {
        largest = f;
        largest_name = folder.filename().string();
      }
    } catch (const parley::io::ScenarioError& e) {
      std::fprintf(stderr, "%s: %s\n", folder.c_str(), e.what());
      return 1;
    }
  }
  const double target_ms = 50.0;
  std::printf("\nlargest domain %s: %.0f outcomes, %.3f ms in all (target < %.0f ms): %s\n", largest_name.c_str(),
              largest.outcomes, largest.total_ms, target_ms, largest.total_ms < target_ms ? "met" : "NOT met");
  return largest.total_ms < target_ms ? 0 : 1;
}
