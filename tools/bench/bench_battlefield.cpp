// Benchmark of the battlefield layer (issue 3's performance targets):
// - exact war values for N = 1000 states, T = 520 periods, 4 parties x 5 belief hypotheses
//   (target: under 100 ms on one core);
// - sampling the front (target: at least 50 million moves per second per core);
// plus the other exact analytics at the same size, for reference.
// Prints one line per figure. Times are the thread's CPU time (CLOCK_THREAD_CPUTIME_ID), the
// best of several repetitions: "on one core" even when the machine is busy with other work.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <vector>

#include "parley/battlefield/belief.hpp"
#include "parley/battlefield/front_sampler.hpp"
#include "parley/battlefield/infinite_horizon.hpp"
#include "parley/battlefield/war_outcome.hpp"
#include "parley/battlefield/war_value.hpp"

using namespace parley;

namespace {

double thread_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

// N = 1000, T = 520 (ten years of weeks), four parties each with five hypotheses.
Scenario large_scenario(double offensive_probability) {
  Scenario s;
  s.horizon = 520;
  Issue territory;
  territory.id = "territory";
  territory.linked_to_front = true;
  territory.status_quo = 0.5;
  Issue guarantee;
  guarantee.id = "guarantee";
  guarantee.kind = IssueKind::ordinal;
  guarantee.levels = {"none", "bilateral", "nato"};
  s.issues = {territory, guarantee};
  const char* ids[] = {"a", "b", "mediator", "guarantor"};
  for (int i = 0; i < 4; ++i) {
    Party p;
    p.id = ids[i];
    p.cost = 0.001 * (i + 1);
    p.discount = 0.999 - 0.001 * i;
    p.weights = {0.7, 0.3};
    p.values.resize(2);
    p.values[0].curve = i % 2 == 0 ? PiecewiseLinear::increasing(0, 1) : PiecewiseLinear::decreasing(0, 1);
    p.values[1].level_values = {1.0 - 0.3 * i, 0.5, 0.3 * i};
    const double shift = 0.05 * (i % 2 == 0 ? 1 : -1);
    p.belief = BeliefSpec{{-0.2 + shift, -0.1 + shift, shift, 0.1 + shift, 0.2 + shift},
                          {0.1, 0.2, 0.4, 0.2, 0.1}};
    s.parties.push_back(p);
  }
  BattlefieldParams bf;
  bf.states = 1000;
  bf.start = 500;
  bf.collapse_a = 0;
  bf.collapse_b = 1000;
  bf.tempo = 0.6;
  bf.advantage.kind = AdvantageSchedule::Kind::exponential;
  bf.advantage.a0 = 0.3;
  bf.advantage.a_inf = -0.1;
  bf.advantage.half_life = 104;
  bf.offensive_probability = offensive_probability;
  bf.offensive_size = 5;
  bf.side_a = "a";
  bf.side_b = "b";
  s.battlefield = bf;
  s.collapse_a_terms = s.frozen(0);
  s.collapse_b_terms = s.frozen(1000);
  s.finalize();
  return s;
}

template <typename F>
double best_of(int repetitions, F&& f) {
  double best = 1e300;
  for (int r = 0; r < repetitions; ++r) {
    const double start = thread_seconds();
    f();
    best = std::min(best, thread_seconds() - start);
  }
  return best;
}

}  // namespace

int main() {
  double checksum = 0.0;  // keeps the optimiser from dropping the work
  for (double offensive : {0.0, 0.1}) {
    const Scenario sc = large_scenario(offensive);
    const double t = best_of(7, [&] {
      const auto tables = war_values_by_belief(sc);
      checksum += tables[0][0](0, 500) + tables[3][4](0, 500);
    });
    std::printf("war values, N = 1000, T = 520, 4 parties x 5 hypotheses%s: %.1f ms (target < 100 ms)\n",
                offensive > 0 ? ", offensives (K = 5)" : "", 1e3 * t);
  }

  const Scenario sc = large_scenario(0.0);
  const BattlefieldChain chain(*sc.battlefield);
  {
    const double t = best_of(5, [&] { checksum += war_outcome(chain, 500, 520).expected_duration; });
    std::printf("war outcome (forward propagation), N = 1000, T = 520: %.2f ms\n", 1e3 * t);
  }
  {
    const double t = best_of(5, [&] {
      const InfiniteHorizon ih(chain);
      checksum += ih.expected_duration()(500) + ih.value(0.001, 0.999, 0.0, 1.0)(500);
    });
    std::printf("infinite horizon (two sparse LU solves), N = 1000: %.2f ms\n", 1e3 * t);
  }
  {
    Belief belief(sc.parties[0].belief, &*sc.battlefield, sc.horizon);
    const int observations = 1000000;
    const double t = best_of(3, [&] {
      belief.reset();
      for (int i = 0; i < observations; ++i) belief.observe(i % 520, 500, 500 + (i % 3) - 1);
      checksum += belief.probabilities()[0];
    });
    std::printf("belief updates, 5 hypotheses: %.1f million per second\n", observations / t / 1e6);
  }

  for (double offensive : {0.0, 0.1}) {
    BattlefieldParams bf = *sc.battlefield;
    bf.offensive_probability = offensive;
    const FrontSampler sampler(BattlefieldChain(bf), 520);
    const int runs = 20000;
    std::int64_t moves = 0;
    const double t = best_of(3, [&] {
      moves = 0;
      for (int run = 0; run < runs; ++run) {
        RandomStream rng(2025, 0, static_cast<std::uint64_t>(run));
        const FrontPathEnd end = sampler.run_to_end(rng);
        moves += end.duration;
        checksum += end.state;
      }
    });
    std::printf("front sampling%s: %.1f million moves per second (target >= 50)\n",
                offensive > 0 ? ", offensives" : "", static_cast<double>(moves) / t / 1e6);
  }
  std::printf("(checksum %.6g)\n", checksum);
  return 0;
}
