// Scenario loading costs, as a sweep pays them: parse the default scenario once, then per design
// point copy the document, apply one `--set` override and build (validate) the Scenario.
// Prints microseconds per operation.
#include <chrono>
#include <iostream>
#include <string>

#include "parley/io/scenario/builtin_scenarios.hpp"
#include "parley/io/format/number_format.hpp"
#include "parley/io/scenario/scenario_loader.hpp"

namespace {

template <class F>
double microseconds_per_call(int calls, F&& f) {
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < calls; ++i) f(i);
  const std::chrono::duration<double, std::micro> elapsed = std::chrono::steady_clock::now() - start;
  return elapsed.count() / calls;
}

}  // namespace

int main() {
  using namespace parley::io;
  const std::string name(default_scenario_name);
  std::size_t sink = 0;
  const double parse = microseconds_per_call(200, [&](int) { sink += parse_builtin_scenario(name).root.entries.size(); });
  const ScenarioDocument base = parse_builtin_scenario(name);
  const double build = microseconds_per_call(200, [&](int) { sink += build_scenario(base).parties.size(); });
  const double variant = microseconds_per_call(200, [&](int i) {
    ScenarioDocument doc = base;
    apply_override(doc, "battlefield.advantage", format_shortest(-0.5 + 0.005 * i));
    sink += build_scenario(doc).parties.size();
  });
  std::cout << "scenario " << name << "\n"
            << "  parse YAML into a document:            " << format_fixed(parse, 1) << " us\n"
            << "  validate and build the Scenario:       " << format_fixed(build, 1) << " us\n"
            << "  copy + one --set + build (per sweep point): " << format_fixed(variant, 1) << " us\n"
            << "(checksum " << sink << ")\n";
  return 0;
}
