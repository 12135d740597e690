// Like for like with NegMAS: a bilateral alternating-offers negotiation over five discrete
// issues of 5 to 10 values (linear additive utilities), 100 rounds, a Boulware against a
// Conceder time-dependent strategy, no battlefield. NegMAS 0.15 takes about 120-600 ms per
// such negotiation; the target here is at least 10,000 negotiations per second per core.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>

#include "parley/engine/episode_runner.hpp"

namespace {

// Five ordinal issues with 5, 6, 7, 8 and 10 values; each party's weights and value per level
// drawn at random (seeded), the two parties' values of each issue opposed (one increasing in
// the level, the other decreasing), as in the usual generated NegMAS/GENIUS domains.
parley::Scenario negmas_like_domain(std::uint64_t seed) {
  using namespace parley;
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  Scenario s;
  s.id = "negmas-like";
  s.title = "five discrete issues";
  s.horizon = 100;
  s.period_unit = "round";
  for (const int size : {5, 6, 7, 8, 10}) {
    Issue issue;
    issue.id = "issue" + std::to_string(s.issues.size());
    issue.kind = IssueKind::ordinal;
    for (int v = 0; v < size; ++v) issue.levels.push_back("v" + std::to_string(v));
    issue.level_names = issue.levels;
    s.issues.push_back(issue);
  }
  for (int i = 0; i < 2; ++i) {
    Party p;
    p.id = i == 0 ? "buyer" : "seller";
    p.name = p.id;
    p.strategy.name = i == 0 ? "prolonged" : "quick";  // Boulware e = 0.2 against Conceder e = 3
    double total = 0.0;
    for (const Issue& issue : s.issues) {
      p.weights.push_back(unit(rng) + 0.1);
      total += p.weights.back();
      IssueValuation v;
      const auto n = issue.levels.size();
      for (std::size_t l = 0; l < n; ++l) {
        const double rank = static_cast<double>(i == 0 ? l : n - 1 - l) / static_cast<double>(n - 1);
        v.level_values.push_back(std::clamp(rank + 0.2 * (unit(rng) - 0.5), 0.0, 1.0));
      }
      p.values.push_back(v);
    }
    for (double& w : p.weights) w /= total;
    p.reservation = 0.0;
    s.parties.push_back(p);
  }
  s.protocol.kind = ProtocolParams::Kind::alternating;
  s.protocol.order = {0, 1};
  s.protocol.every = 1;
  s.finalize();
  return s;
}

}  // namespace

int main() {
  using namespace parley;
  using Clock = std::chrono::steady_clock;
  const Scenario domain = negmas_like_domain(2025);
  auto start = Clock::now();
  const Simulation simulation(domain);
  const double prepare = std::chrono::duration<double>(Clock::now() - start).count();
  EpisodeRunner runner(simulation);
  for (std::uint64_t k = 0; k < 1000; ++k) (void)runner.run(1, 0, k);

  const std::uint64_t negotiations = 50000;
  long long agreements = 0;
  double rounds = 0.0;
  double offers = 0.0;
  start = Clock::now();
  for (std::uint64_t k = 0; k < negotiations; ++k) {
    const EpisodeResult& r = runner.run(1, 0, k);
    if (r.outcome == Outcome::settled) {
      ++agreements;
      rounds += r.period;
    }
    offers += static_cast<double>(runner.history().size());
  }
  const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  std::printf("domain: 5 ordinal issues (5, 6, 7, 8, 10 values = 16,800 outcomes), 100 rounds, Boulware vs Conceder\n");
  std::printf("  prepare (exact Pareto frontier, %zu points): %.3f s, once per domain\n",
              simulation.setting().space().point_count(), prepare);
  std::printf("one core: %.0f negotiations/s (target >= 10,000; NegMAS 0.15: about 2-8 per second)\n",
              static_cast<double>(negotiations) / elapsed);
  std::printf("  %.1f us per negotiation, %.1f offers each, agreement in %.1f%%, at round %.1f on average\n",
              1e6 * elapsed / static_cast<double>(negotiations), offers / static_cast<double>(negotiations),
              100.0 * static_cast<double>(agreements) / static_cast<double>(negotiations),
              agreements ? rounds / static_cast<double>(agreements) : 0.0);
  return 0;
}
