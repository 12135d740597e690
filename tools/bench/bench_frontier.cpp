// Benchmark of the agreement space (DESIGN 1.8): building the exact two-party frontier and
// answering the strategies' and the solver's queries.
//
// Targets (issue 4): a space like the default scenario's (a continuous territory issue, an
// ordinal guarantee with 5 levels, an ordinal army cap with 4 levels, 28 clauses of mixed
// sign) builds in under 0.5 s and answers a query in under 1 microsecond, on one core.
//
// Memory (issue 18): two ordinal issues of 5,000 levels ranked in opposite orders by the two
// sides, the largest pair a GENIUS import allows (max_genius_levels): every stage keeps all its
// packages, and adding the second issue merges 25 million translated points. Built in a child
// process each way, batched (FrontierOptions::max_merge_vertices, the default) and in one
// merge, to compare their peak RSS; the two frontiers must have the same vertices.
//
//   bench_frontier            the synthetic space, the shipped default scenario, the large merge
//   bench_frontier --large-merge batched|whole   one child: build, print peak RSS (KiB), seconds,
//                                                vertices and a checksum of the vertices
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include <sys/resource.h>

#include "parley/agreement/agreement_space.hpp"
#include "parley/agreement/bargaining_solution.hpp"
#include "parley/agreement/pareto_frontier.hpp"
#include "parley/io/scenario/builtin_scenarios.hpp"
#include "parley/io/scenario/scenario_loader.hpp"

using namespace parley;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Two belligerents and a mediator over the four issues; the clause values are drawn with a
// fixed seed, each of either sign, like a 28-point plan both sides read differently. With
// `contested`, every clause is good for one side and bad for the other (opposite signs): all
// 28 are traded, the hardest case for the subset-sum frontier.
Scenario synthetic_space(bool contested) {
  std::mt19937 rng(2025);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  Scenario s;
  Issue territory;
  territory.id = "territory";
  territory.kind = IssueKind::continuous;
  Issue guarantee;
  guarantee.id = "guarantee";
  guarantee.kind = IssueKind::ordinal;
  guarantee.levels = {"none", "bilateral", "coalition", "article5", "nato"};
  Issue army;
  army.id = "army_cap";
  army.kind = IssueKind::ordinal;
  army.levels = {"none", "800k", "600k", "400k"};
  Issue plan;
  plan.id = "plan";
  plan.kind = IssueKind::clauses;
  for (int c = 0; c < 28; ++c) plan.clauses.push_back({"p" + std::to_string(c), ""});
  plan.status_quo_clauses.assign(28, 0);
  s.issues = {territory, guarantee, army, plan};
  std::vector<double> base(28);
  for (auto& v : base) v = 2.0 * unit(rng) - 1.0;
  auto make = [&](std::string id, std::vector<double> w, bool a_side, bool veto) {
    Party p;
    p.id = std::move(id);
    p.veto = veto;
    p.role = veto ? Role::belligerent : Role::mediator;
    p.weights = std::move(w);
    p.values.resize(4);
    p.values[0].curve = a_side ? PiecewiseLinear({{0.0, 0.0}, {0.6, 0.8}, {1.0, 1.0}})
                               : PiecewiseLinear({{0.0, 1.0}, {0.3, 0.6}, {1.0, 0.0}});
    p.values[1].level_values = a_side ? std::vector<double>{1.0, 0.7, 0.4, 0.2, 0.0}
                                      : std::vector<double>{0.0, 0.3, 0.6, 0.85, 1.0};
    p.values[2].level_values = a_side ? std::vector<double>{0.0, 0.4, 0.7, 1.0} : std::vector<double>{1.0, 0.8, 0.5, 0.0};
    for (int c = 0; c < 28; ++c) {
      const double magnitude = unit(rng);
      const double sign = base[static_cast<std::size_t>(c)] > 0.0 ? 1.0 : -1.0;
      p.values[3].clause_values.push_back(contested ? (a_side ? sign : -sign) * magnitude : 2.0 * unit(rng) - 1.0);
    }
    return p;
  };
  s.parties = {make("russia", {0.45, 0.25, 0.1, 0.2}, true, true), make("ukraine", {0.4, 0.3, 0.1, 0.2}, false, true),
               make("usa", {0.3, 0.2, 0.1, 0.4}, true, false)};
  s.finalize();
  return s;
}

void run(const std::string& title, const Scenario& s) {
  std::printf("%s\n", title.c_str());
  // Build: best of 5 (the first run also pays for cold caches).
  double build = 1e9;
  AgreementSpace space;
  for (int r = 0; r < 5; ++r) {
    const auto start = Clock::now();
    space = AgreementSpace(s);
    build = std::min(build, seconds_since(start));
  }
  const auto veto = space.veto_parties();
  std::printf("  veto parties             %zu (%s)\n", veto.size(), space.is_exact() ? "exact frontier" : "epsilon set");
  std::printf("  frontier vertices        %zu (%zu segments), epsilon %.3g\n", space.point_count(),
              space.is_exact() ? space.frontier().segment_count() : std::size_t{0}, space.epsilon());
  std::printf("  build                    %.4f s   (target < 0.5 s)\n", build);

  // Queries at random floors, the inner loop of the strategies and the solver.
  const int queries = 2'000'000;
  std::mt19937 rng(1);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::vector<double> floors(static_cast<std::size_t>(queries));
  for (auto& f : floors) f = unit(rng);
  std::vector<double> floor_vector(s.parties.size(), 0.0);
  double sink = 0.0;
  auto time_query = [&](const char* name, auto&& query) {
    const auto start = Clock::now();
    for (int q = 0; q < queries; ++q) sink += query(floors[static_cast<std::size_t>(q)]);
    const double per = seconds_since(start) / queries * 1e9;
    std::printf("  %-24s %.1f ns/query   (target < 1000 ns)\n", name, per);
  };
  time_query("best_for(a, floors)", [&](double f) {
    floor_vector[veto[1]] = f;
    const auto p = space.best_for(veto[0], floor_vector);
    return p ? p->value : 0.0;
  });
  time_query("best_for_others(a, f)", [&](double f) {
    const auto p = space.best_for_others(veto[0], f);
    return p ? p->value : 0.0;
  });
  time_query("utility(point, mediator)", [&](double f) {
    const auto p = space.best_for_others(veto[1], f);
    return p ? space.utility(*p, s.parties.size() - 1) : 0.0;
  });
  {
    Agreement x;
    const int n = 200'000;
    const auto start = Clock::now();
    for (int q = 0; q < n; ++q) {
      const auto p = space.best_for_others(veto[0], floors[static_cast<std::size_t>(q)]);
      if (p) space.package_into(*p, x);
      sink += x.amounts[0];
    }
    std::printf("  %-24s %.1f ns/query\n", "query + package_into", seconds_since(start) / n * 1e9);
  }
  const std::vector<double> d(s.parties.size(), 0.1);
  const auto start = Clock::now();
  const auto nash = nash_solution(space, d);
  const auto ks = kalai_smorodinsky(space, d);
  std::printf("  nash + kalai-smorodinsky %.1f us (d = 0.1)\n", seconds_since(start) * 1e6);
  if (nash && ks)
    std::printf("  nash (%.4f, %.4f), ks (%.4f, %.4f)\n", nash->utilities[veto[0]], nash->utilities[veto[1]],
                ks->utilities[veto[0]], ks->utilities[veto[1]]);
  std::printf("  (checksum %.3f)\n\n", sink);
}

// Two belligerents and two ordinal issues of n levels each: a prefers level 0, b level n - 1,
// linearly, with equal weights, so every package of a stage is efficient.
Scenario opposed_levels(std::size_t n) {
  Scenario s;
  for (const char* id : {"first", "second"}) {
    Issue issue;
    issue.id = id;
    issue.kind = IssueKind::ordinal;
    for (std::size_t l = 0; l < n; ++l) issue.levels.push_back("v" + std::to_string(l));
    s.issues.push_back(issue);
  }
  for (const bool a_side : {true, false}) {
    Party p;
    p.id = a_side ? "a" : "b";
    p.veto = true;
    p.role = Role::belligerent;
    p.weights = {0.5, 0.5};
    p.values.resize(2);
    for (auto& value : p.values) {
      for (std::size_t l = 0; l < n; ++l) {
        const double x = static_cast<double>(l) / static_cast<double>(n - 1);
        value.level_values.push_back(a_side ? 1.0 - x : x);
      }
    }
    s.parties.push_back(p);
  }
  s.finalize();
  return s;
}

// The child of --large-merge: builds the frontier of opposed_levels(5000), batched or whole.
int large_merge_child(const std::string& how) {
  FrontierOptions options;
  if (how == "whole") options.max_merge_vertices = std::numeric_limits<std::size_t>::max() / 4;
  const Scenario s = opposed_levels(5000);
  const auto start = Clock::now();
  const ParetoFrontier f = ParetoFrontier::build(s, 0, 1, options);
  const double seconds = seconds_since(start);
  double checksum = 0.0;
  for (std::size_t v = 0; v < f.size(); ++v) checksum += f.u_a(v) * static_cast<double>(v % 7 + 1) + f.u_b(v);
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("%ld %.6f %zu %.17g\n", usage.ru_maxrss, seconds, f.size(), checksum);
  return 0;
}

void run_large_merge(const char* self) {
  std::printf("two opposed ordinal issues of 5,000 levels (25 million points to merge), one child process each\n");
  double checksums[2] = {0.0, 0.0};
  int k = 0;
  for (const char* how : {"batched", "whole"}) {
    const std::string command = std::string(self) + " --large-merge " + how;
    FILE* pipe = popen(command.c_str(), "r");
    long kib = -1;
    double seconds = 0.0;
    std::size_t vertices = 0;
    if (!pipe || std::fscanf(pipe, "%ld %lf %zu %lf", &kib, &seconds, &vertices, &checksums[k]) != 4) kib = -1;
    if (pipe) pclose(pipe);
    std::printf("  %-8s %.2f s, peak RSS %ld MiB, %zu vertices%s\n", how, seconds, kib / 1024, vertices,
                k == 0 ? "   (target < 1 GiB)" : "");
    ++k;
  }
  std::printf("  same frontier: %s\n\n", checksums[0] == checksums[1] ? "yes" : "NO");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 3 && std::string(argv[1]) == "--large-merge") return large_merge_child(argv[2]);
  run("synthetic: territory (continuous) + guarantee (5 levels) + army cap (4) + 28 clauses of random sign",
      synthetic_space(false));
  run("synthetic, every clause contested (opposite signs for the two sides)", synthetic_space(true));
  try {
    run("shipped default scenario " + std::string(io::default_scenario_name),
        io::load_scenario(io::default_scenario_name));
  } catch (const std::exception& e) {
    std::printf("default scenario not loaded: %s\n", e.what());
  }
  run_large_merge(argv[0]);
  return 0;
}
