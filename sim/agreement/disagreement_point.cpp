#include "parley/agreement/disagreement_point.hpp"

namespace parley {

std::vector<double> reservation_point(const Scenario& scenario) {
  std::vector<double> d;
  d.reserve(scenario.parties.size());
  for (const Party& p : scenario.parties) d.push_back(p.reservation);
  return d;
}

std::vector<double> frozen_front_point(const Scenario& scenario, int state) {
  const Agreement x = scenario.frozen(state);
  std::vector<double> d(scenario.parties.size());
  for (std::size_t i = 0; i < d.size(); ++i) d[i] = scenario.utility(i, x);
  return d;
}

}  // namespace parley
