// Uses the installed library: Fearon's bargaining range (p - c_A, p + c_B) = (0.5, 0.7) from
// the built-in scenario (docs/theory.md, "War as a costly lottery"). Exit 0 when it is exact.
#include <cmath>
#include <cstdio>

#include "parley/io/scenario/scenario_loader.hpp"
#include "parley/solve/scenario_analysis.hpp"

int main() {
  const parley::Scenario scenario = parley::io::load_scenario("fearon");
  const parley::ScenarioAnalysis analysis = parley::analyze_scenario(scenario);
  const double low = analysis.zopa.sides[0].low;
  const double high = analysis.zopa.sides[0].high;
  std::printf("Fearon's range for side A: [%.12f, %.12f]\n", low, high);
  return std::abs(low - 0.5) < 1e-12 && std::abs(high - 0.7) < 1e-12 ? 0 : 1;
}
