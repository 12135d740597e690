// Benchmark of `parley sweep` (issue 7's performance targets), through the same session the
// command runs (results file and manifest included), on the default scenario:
// - a 1,000-point grid x 1,000 runs (target: under 60 s on this machine);
// - two threads against one on the same sweep (target: at least 1.8 times faster);
// - wall time against points x runs (target: linear, i.e. a constant time per point-run).
// Prints one line per figure: wall time, and the process's CPU time (which a busy machine
// does not inflate), so that a loaded machine can be told from a slow program.
//
// Usage: bench_sweep [--scale F]   (F < 1 shrinks every sweep, e.g. 0.1 for a quick look)
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <unistd.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <vector>

#include "parley/io/scenario/builtin_scenarios.hpp"
#include "parley/io/scenario/scenario_loader.hpp"
#include "parley/io/sweep/sweep_evaluator.hpp"
#include "parley/io/sweep/sweep_session.hpp"
#include "parley/sweep/design.hpp"
#include "parley/sweep/process_group.hpp"

using namespace parley;

namespace {

double process_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

struct Timing {
  double wall = 0.0;
  double cpu = 0.0;
  std::uint64_t points = 0;
};

// A grid over battlefield.advantage x parties.russia.cost with `points` points (a x c), over
// the given ranges.
sweep::SweepSpec grid(std::uint64_t advantage_values, std::uint64_t cost_values, std::uint64_t runs,
                      double advantage_lo = -0.6, double advantage_hi = 0.6, double cost_lo = 0.001,
                      double cost_hi = 0.01) {
  sweep::SweepSpec spec;
  sweep::VariedParameter advantage, cost;
  advantage.path = "battlefield.advantage";
  advantage.levels = sweep::evenly_spaced_levels(advantage_lo, advantage_hi, advantage_values);
  cost.path = "parties.russia.cost";
  cost.levels = sweep::evenly_spaced_levels(cost_lo, cost_hi, cost_values);
  spec.parameters = {advantage, cost};
  spec.runs = runs;
  spec.seed = 1;
  return spec;
}

Timing time_sweep(const sweep::ProcessGroup& group, const std::shared_ptr<const io::ScenarioDocument>& base,
                  const sweep::SweepSpec& spec, unsigned threads) {
  const sweep::Design design(spec);
  const auto evaluator = io::scenario_evaluator(base, spec);
  const auto output = (std::filesystem::temp_directory_path() /
                       ("parley-bench-sweep-" + std::to_string(::getpid()) + ".csv")).string();
  io::SweepSessionOptions options;
  options.output = output;
  options.overwrite = true;
  options.threads = threads;
  options.scenario = std::string(io::default_scenario_name);
  const double cpu0 = process_seconds();
  const auto t0 = std::chrono::steady_clock::now();
  const auto progress = io::run_sweep_session(group, design, evaluator, options);
  Timing t;
  t.wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  t.cpu = process_seconds() - cpu0;
  t.points = progress.done;
  std::filesystem::remove(output);
  std::filesystem::remove(output + ".json");
  return t;
}

}  // namespace

int main(int argc, char** argv) {
#if defined(__GLIBC__)
  // As the parley program does (sim/cli/main.cpp): keep freed heap memory for the next point
  // instead of trimming it back to the kernel after every agreement-space build.
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
#endif
  double scale = 1.0;
  for (int i = 1; i + 1 < argc; ++i)
    if (std::strcmp(argv[i], "--scale") == 0) scale = std::atof(argv[i + 1]);
  auto scaled = [&](std::uint64_t n) { return std::max<std::uint64_t>(1, static_cast<std::uint64_t>(n * scale)); };

  const sweep::ProcessGroup group;
  const auto base = std::make_shared<const io::ScenarioDocument>(
      io::parse_builtin_scenario(io::default_scenario_name));
  const unsigned hardware = std::max(1u, std::thread::hardware_concurrency());
  std::printf("bench_sweep: default scenario %s, %u hardware threads, scale %g\n",
              std::string(io::default_scenario_name).c_str(), hardware, scale);

  // 1. The headline: a 1,000-point grid x 1,000 runs on every hardware thread.
  {
    const auto spec = grid(40, 25, scaled(1000));
    const auto t = time_sweep(group, base, spec, hardware);
    std::printf("grid %llu points x %llu runs, %u threads: %.2f s wall, %.2f s CPU (target: under 60 s at scale 1)\n",
                static_cast<unsigned long long>(t.points), static_cast<unsigned long long>(spec.runs), hardware,
                t.wall, t.cpu);
  }

  // 2. Threads: the same 100-point sweep on one and on two threads.
  {
    const auto spec = grid(10, 10, scaled(1000));
    const auto one = time_sweep(group, base, spec, 1);
    const auto two = time_sweep(group, base, spec, 2);
    std::printf("100 points x %llu runs: 1 thread %.2f s wall (%.2f s CPU), 2 threads %.2f s wall (%.2f s CPU): "
                "speed-up %.2f (target: at least 1.8)\n",
                static_cast<unsigned long long>(spec.runs), one.wall, one.cpu, two.wall, two.cpu, one.wall / two.wall);
  }

  // 3. Linearity: time per point-run over sweeps of different shapes, one thread. The points
  // lie in a tiny box (advantage 0.3 to 0.3001, cost 0.005 to 0.00501) so that every point
  // simulates the same war: over the wide grids above, episodes at strong advantages end
  // sooner, and the shapes would differ by what they simulate, not by how the sweep scales.
  // A least-squares fit of CPU = a points + b point-runs separates the per-point set-up
  // (loading, war-value tables, agreement space) from the per-run cost.
  {
    std::vector<double> xs_points, xs_runs, ys;
    struct Shape {
      std::uint64_t a, c, runs;
    };
    const Shape shapes[] = {{5, 10, 1000}, {10, 10, 500}, {10, 10, 1000}, {20, 10, 500}, {10, 10, 2000}, {40, 10, 250}};
    double lo = 1e300, hi = 0.0;
    for (const auto& s : shapes) {
      const auto spec = grid(s.a, s.c, scaled(s.runs), 0.3, 0.3001, 0.005, 0.00501);
      const auto t = time_sweep(group, base, spec, 1);
      const double point_runs = static_cast<double>(t.points) * static_cast<double>(spec.runs);
      xs_points.push_back(static_cast<double>(t.points));
      xs_runs.push_back(point_runs);
      ys.push_back(t.cpu);
      const double per = t.cpu / point_runs * 1e6;
      lo = std::min(lo, per);
      hi = std::max(hi, per);
      std::printf("linearity: %4llu points x %5llu runs = %8.0f point-runs: %6.2f s wall, %6.2f s CPU, "
                  "%.2f us CPU per point-run\n",
                  static_cast<unsigned long long>(t.points), static_cast<unsigned long long>(spec.runs), point_runs,
                  t.wall, t.cpu, per);
    }
    std::printf("linearity: CPU per point-run varies by a factor %.2f over the shapes (target: close to 1)\n", hi / lo);
    // Normal equations of the two-parameter fit, no intercept.
    double spp = 0, spr = 0, srr = 0, spy = 0, sry = 0;
    for (std::size_t k = 0; k < ys.size(); ++k) {
      spp += xs_points[k] * xs_points[k];
      spr += xs_points[k] * xs_runs[k];
      srr += xs_runs[k] * xs_runs[k];
      spy += xs_points[k] * ys[k];
      sry += xs_runs[k] * ys[k];
    }
    const double det = spp * srr - spr * spr;
    const double a = (spy * srr - sry * spr) / det;
    const double b = (spp * sry - spr * spy) / det;
    double worst = 0.0;
    for (std::size_t k = 0; k < ys.size(); ++k)
      worst = std::max(worst, std::abs(a * xs_points[k] + b * xs_runs[k] - ys[k]) / ys[k]);
    std::printf("linearity: CPU = %.3f ms per point + %.2f us per point-run; largest relative residual %.1f%%\n",
                a * 1e3, b * 1e6, 100.0 * worst);
  }
  return 0;
}
