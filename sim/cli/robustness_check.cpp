#include "robustness_check.hpp"

#include <exception>
#include <string>
#include <utility>
#include <vector>

#include "parley/io/format/printable_text.hpp"
#include "parley/io/scenario/scenario_loader.hpp"

namespace parley::cli {

io::RobustnessCheck check_robustness(const ScenarioOptions& options, const Scenario& scenario,
                                     io::RobustnessFindings base, io::PlanningHorizons planning,
                                     const FindingsOf& evaluate) {
  io::RobustnessCheck check;
  check.base = std::move(base);
  for (io::RobustnessVariant& variant : io::robustness_variants(scenario, planning)) {
    io::RobustnessRow row;
    try {
      std::vector<std::string> sets = options.sets;
      sets.insert(sets.end(), variant.overrides.begin(), variant.overrides.end());
      row.findings = evaluate(io::load_scenario(options.scenario, sets), variant);
    } catch (const std::exception& e) {
      // A change the scenario cannot take (a horizon past a limit, an order the protocol
      // rejects) or a solve that refuses it is reported in its row.
      row.error = io::printable_text(e.what());
    }
    row.variant = std::move(variant);
    check.rows.push_back(std::move(row));
  }
  return check;
}

}  // namespace parley::cli
