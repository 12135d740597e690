#include "parley/agents/bargaining_setting.hpp"

#include <stdexcept>

namespace parley {

BargainingSetting::BargainingSetting(const Scenario& scenario, const AgreementSpaceOptions& options)
    : space_(scenario, options), veto_(scenario.veto_parties()), war_values_(war_values_by_belief(scenario)) {
  if (scenario.horizon < 1) throw std::invalid_argument("bargaining setting: the horizon must be >= 1");
  if (scenario.battlefield) chain_ = std::make_shared<const BattlefieldChain>(*scenario.battlefield);
  for (const Party& p : scenario.parties)
    if (p.belief.offsets.size() != 1) static_beliefs_ = false;
  pressing_values_.resize(scenario.parties.size());
  for (std::size_t i = 0; i < scenario.parties.size(); ++i) {
    const Party& p = scenario.parties[i];
    if (!p.pressure || !scenario.battlefield) continue;
    // Each of its hypotheses shifted its way, its cost raised: the war it would fight pressing.
    const double shift = scenario.battlefield->side_a == p.id ? p.pressure->advantage : -p.pressure->advantage;
    for (const double offset : p.belief.offsets)
      pressing_values_[i].push_back(war_value(scenario, i, offset + shift, p.pressure->cost));
  }

  schedule_ = ProtocolSchedule(scenario.protocol, veto_, scenario.parties.size(), scenario.horizon);
}

std::shared_ptr<const BargainingEquilibrium> BargainingSetting::equilibrium() const {
  const std::lock_guard<std::mutex> lock(equilibrium_mutex_);
  if (!equilibrium_)
    equilibrium_ = std::make_shared<const BargainingEquilibrium>(BargainingEquilibrium::solve(scenario(), space_));
  return equilibrium_;
}

}  // namespace parley
