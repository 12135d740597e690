// Engine throughput and memory (issue 5 targets): episodes per second per core on the default
// scenario, wall time of 10^5 runs on every core, allocations per episode after warm-up, and
// peak memory at 10^4 against 10^6 runs, each measured in a separate process.
//
//   bench_engine                 all figures
//   bench_engine --memory RUNS   one process: simulate RUNS runs, print its peak RSS in KiB
#include <sys/resource.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <new>
#include <string>
#include <thread>

#include "parley/engine/episode_runner.hpp"
#include "parley/engine/monte_carlo.hpp"
#include "parley/io/scenario/builtin_scenarios.hpp"
#include "parley/io/scenario/scenario_loader.hpp"

// Counting allocations: every operator new of this program goes through here.
namespace {
std::atomic<long long> allocations{0};
}  // namespace

void* operator new(std::size_t size) {
  allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

long peak_rss_kib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;  // KiB on Linux
}

parley::Scenario default_scenario() {
  return parley::io::load_scenario(std::string(parley::io::default_scenario_name));
}

// Peak RSS of a child process that simulates `runs` runs.
long child_peak_rss(const char* self, long long runs) {
  const std::string command = std::string(self) + " --memory " + std::to_string(runs);
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return -1;
  long kib = -1;
  if (std::fscanf(pipe, "%ld", &kib) != 1) kib = -1;
  pclose(pipe);
  return kib;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace parley;
  if (argc == 3 && std::string(argv[1]) == "--memory") {
    const Simulation simulation(default_scenario());
    RunOptions options;
    options.runs = std::atoll(argv[2]);
    options.threads = 2;
    const RunSummary summary = simulate(simulation, options);
    std::printf("%ld %.6f\n", peak_rss_kib(), summary.settled.p);
    return 0;
  }

  auto start = Clock::now();
  const Scenario scenario = default_scenario();
  const double load = seconds_since(start);
  start = Clock::now();
  const Simulation simulation(scenario);
  const double prepare = seconds_since(start);
  std::printf("default scenario %s: %zu parties, %zu issues, horizon %d\n", scenario.id.c_str(),
              scenario.parties.size(), scenario.issues.size(), scenario.horizon);
  std::printf("  load %.3f s, prepare (agreement space, war tables, strategies) %.3f s, frontier %zu points\n",
              load, prepare, simulation.setting().space().point_count());

  // One core: one runner, warm-up first.
  EpisodeRunner runner(simulation);
  for (std::uint64_t k = 0; k < 2000; ++k) (void)runner.run(1, 0, k);
  const long long before = allocations.load();
  const std::uint64_t episodes = 40000;
  double talks = 0.0;
  start = Clock::now();
  for (std::uint64_t k = 0; k < episodes; ++k) talks += runner.run(1, 0, k).duration;
  const double single = seconds_since(start);
  const long long allocated = allocations.load() - before;
  std::printf("one core: %.0f episodes/s (target >= 50,000), mean duration %.1f periods\n",
              static_cast<double>(episodes) / single, talks / static_cast<double>(episodes));
  std::printf("  allocations after warm-up: %lld in %llu episodes\n", allocated,
              static_cast<unsigned long long>(episodes));

  // Issue 14's target: with its durability section (peaces that break, renewed wars, talks
  // again) the default scenario runs at least half as many episodes a second as without it.
  if (scenario.durability) {
    Scenario final_settlements = scenario;
    final_settlements.durability.reset();
    const Simulation plain(final_settlements);
    EpisodeRunner plain_runner(plain);
    for (std::uint64_t k = 0; k < 2000; ++k) (void)plain_runner.run(1, 0, k);
    const long long plain_before = allocations.load();
    start = Clock::now();
    for (std::uint64_t k = 0; k < episodes; ++k) (void)plain_runner.run(1, 0, k);
    const double without = seconds_since(start);
    std::printf("  durability: %.0f episodes/s with the section, %.0f without it: ratio %.2f (target >= 0.5); "
                "allocations after warm-up without it: %lld\n",
                static_cast<double>(episodes) / single, static_cast<double>(episodes) / without, without / single,
                allocations.load() - plain_before);
  }

  // Every core: 10^5 runs through simulate().
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  RunOptions options;
  options.runs = 100000;
  options.threads = 0;
  start = Clock::now();
  const RunSummary summary = simulate(simulation, options);
  const double wall = seconds_since(start);
  std::printf("simulate 10^5 runs on %u threads: %.3f s wall (target < 2 s), %.0f runs/s; settled %.4f\n", cores,
              wall, 1e5 / wall, summary.settled.p);

  // Peak memory, separate processes.
  const long small = child_peak_rss(argv[0], 10000);
  const long large = child_peak_rss(argv[0], 1000000);
  std::printf("peak RSS: 10^4 runs %ld KiB, 10^6 runs %ld KiB, ratio %.3f (target <= 1.10)\n", small, large,
              small > 0 ? static_cast<double>(large) / static_cast<double>(small) : 0.0);
  return 0;
}
