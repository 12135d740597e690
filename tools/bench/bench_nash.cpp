// Times the Nash solvers (issue 6's targets): all extreme equilibria of 100 random 10x10
// bimatrix games by vertex enumeration (the set gambit-enummixed reports, which takes
// 0.1-0.6 s per game in floating point on this machine: the target is at least 5 times
// faster), and Lemke-Howson on random 20x20 games (target: under 1 ms); then the cost of
// verifying the equilibria as `parley nash` does (issue 18), exactly and relatively.
//
// Usage: bench_nash [games=100] [seed=2026]
#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdlib>
#include <iomanip>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "parley/solve/equilibrium_verification.hpp"
#include "parley/solve/exact_payoffs.hpp"
#include "parley/solve/lemke_howson.hpp"
#include "parley/solve/vertex_enumeration.hpp"

namespace {

parley::BimatrixGame random_game(std::mt19937_64& rng, int m, int n) {
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  Eigen::MatrixXd a(m, n);
  Eigen::MatrixXd b(m, n);
  for (int i = 0; i < m; ++i) {
    for (int j = 0; j < n; ++j) {
      a(i, j) = uniform(rng);
      b(i, j) = uniform(rng);
    }
  }
  return parley::BimatrixGame(a, b);
}

/// Wall-clock and CPU time of one call. The CPU time (of this thread) is the figure to
/// compare on a busy machine: wall-clock time there includes the time other processes ran.
struct Timing {
  double wall = 0.0;
  double cpu = 0.0;
};

double thread_cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

template <class F>
Timing time_of(F&& f) {
  const double cpu = thread_cpu_seconds();
  const auto start = std::chrono::steady_clock::now();
  f();
  return {std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(),
          thread_cpu_seconds() - cpu};
}

/// "mean X, max Y" of the wall-clock and CPU times, in units of `scale` seconds.
std::string summary(const std::vector<Timing>& timings, double scale, const std::string& unit) {
  double wall_mean = 0.0, wall_max = 0.0, cpu_mean = 0.0, cpu_max = 0.0;
  const auto n = static_cast<double>(timings.size());
  for (const Timing& t : timings) {
    wall_mean += t.wall / n;
    cpu_mean += t.cpu / n;
    wall_max = std::max(wall_max, t.wall);
    cpu_max = std::max(cpu_max, t.cpu);
  }
  std::ostringstream out;
  out << std::fixed << std::setprecision(3) << "CPU mean " << cpu_mean / scale << " " << unit << ", max "
      << cpu_max / scale << " " << unit << "; wall-clock mean " << wall_mean / scale << " " << unit
      << ", max " << wall_max / scale << " " << unit;
  return out.str();
}

}  // namespace

int main(int argc, char** argv) {
  const int games = argc > 1 ? std::atoi(argv[1]) : 100;
  const unsigned long seed = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 2026UL;
  std::cout << std::fixed;

  // All extreme equilibria of random 10x10 games.
  std::mt19937_64 rng(seed);
  std::vector<Timing> enumeration;
  std::size_t equilibria = 0;
  std::size_t worst_equilibria = 0;
  double worst_regret = 0.0;
  for (int g = 0; g < games; ++g) {
    const parley::BimatrixGame game = random_game(rng, 10, 10);
    std::vector<parley::MixedProfile> found;
    enumeration.push_back(time_of([&] { found = parley::extreme_equilibria(game); }));
    equilibria += found.size();
    worst_equilibria = std::max(worst_equilibria, found.size());
    for (const auto& p : found) worst_regret = std::max(worst_regret, parley::regret(game, p));
  }
  std::cout << "vertex enumeration, " << games << " random 10x10 games (seed " << seed << "):\n"
            << "  per game: " << summary(enumeration, 1e-3, "ms") << "\n"
            << "  (target: under 20 ms, 5x faster than gambit-enummixed's 0.1 s)\n"
            << "  equilibria per game: mean " << std::setprecision(2)
            << static_cast<double>(equilibria) / games << ", max " << worst_equilibria << "; largest regret "
            << std::scientific << std::setprecision(1) << worst_regret << std::fixed << "\n";

  // Lemke-Howson on random 20x20 games, every missing label.
  std::vector<Timing> lemke_howson;
  double lh_regret = 0.0;
  for (int g = 0; g < games; ++g) {
    const parley::BimatrixGame game = random_game(rng, 20, 20);
    for (int label = 0; label < 40; label += 7) {
      parley::MixedProfile p;
      lemke_howson.push_back(time_of([&] { p = parley::lemke_howson(game, label); }));
      lh_regret = std::max(lh_regret, parley::regret(game, p));
    }
  }
  std::cout << "Lemke-Howson, " << lemke_howson.size() << " runs on " << games << " random 20x20 games:\n"
            << "  per run: " << summary(lemke_howson, 1e-6, "us") << "\n"
            << "  (target: under 1 ms); largest regret " << std::scientific << std::setprecision(1)
            << lh_regret << "\n";

  // Verification of vertex enumeration's equilibria, as `parley nash` does it (issue 18):
  // exactly (rational arithmetic) and relatively, on random 10x10 games with integer payoffs
  // (their own random stream, so the figures above are unchanged by this section).
  std::mt19937_64 integer_rng(seed + 1);
  std::uniform_int_distribution<int> payoff(0, 999);
  std::vector<Timing> exact_timings;
  std::vector<Timing> relative_timings;
  std::size_t candidates = 0;
  std::size_t rejected = 0;
  for (int g = 0; g < games; ++g) {
    Eigen::MatrixXd a(10, 10);
    Eigen::MatrixXd b(10, 10);
    for (Eigen::Index k = 0; k < a.size(); ++k) {
      a(k) = payoff(integer_rng);
      b(k) = payoff(integer_rng);
    }
    const parley::BimatrixGame game(a, b);
    const auto found = parley::extreme_equilibria(game);
    const auto exact = parley::exact_integer_payoffs(game);
    candidates += found.size();
    parley::VerifiedEquilibria verified;
    exact_timings.push_back(time_of([&] { verified = parley::verify_equilibria(game, found, exact); }));
    rejected += static_cast<std::size_t>(verified.rejected);
    relative_timings.push_back(time_of([&] { verified = parley::verify_equilibria(game, found, std::nullopt); }));
    rejected += static_cast<std::size_t>(verified.rejected);
  }
  std::cout << "verification of the equilibria of " << games << " random 10x10 games with payoffs 0..999 ("
            << candidates << " candidates):\n"
            << "  exact, per game: " << summary(exact_timings, 1e-3, "ms") << "\n"
            << "  relative, per game: " << summary(relative_timings, 1e-3, "ms") << "\n"
            << "  candidates rejected: " << rejected << " (expected 0)\n";
  return 0;
}
