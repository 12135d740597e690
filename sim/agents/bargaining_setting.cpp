#include "parley/agents/bargaining_setting.hpp"

#include <stdexcept>

namespace parley {

BargainingSetting::BargainingSetting(const Scenario& scenario, const AgreementSpaceOptions& options)
    : space_(scenario, options), veto_(scenario.veto_parties()), war_values_(war_values_by_belief(scenario)) {
  if (scenario.horizon < 1) throw std::invalid_argument("bargaining setting: the horizon must be >= 1");
  if (scenario.battlefield) chain_ = std::make_shared<const BattlefieldChain>(*scenario.battlefield);
  for (const Party& p : scenario.parties)
    if (p.belief.offsets.size() != 1) static_beliefs_ = false;

  const auto horizon = static_cast<std::size_t>(scenario.horizon);
  talks_.resize(horizon);
  for (std::size_t t = 0; t < horizon; ++t) talks_[t] = scenario.protocol.talks_at(static_cast<int>(t)) ? 1 : 0;
  next_talks_.resize(horizon);
  int next = scenario.horizon;
  for (std::size_t t = horizon; t-- > 0;) {
    next_talks_[t] = next;
    if (talks_[t]) next = static_cast<int>(t);
  }

  const ProtocolParams& protocol = scenario.protocol;
  if (protocol.order.empty()) order_ = veto_;
  else order_ = protocol.order;
  for (std::size_t p : order_)
    if (p >= scenario.parties.size()) throw std::invalid_argument("protocol: proposer index out of range");
  recognition_.assign(scenario.parties.size(), 0.0);
  if (protocol.recognition.size() == scenario.parties.size()) {
    recognition_ = protocol.recognition;
  } else {
    for (std::size_t p : order_) recognition_[p] += 1.0 / static_cast<double>(order_.size());
  }
  if (protocol.kind == ProtocolParams::Kind::mediated && protocol.mediator >= scenario.parties.size())
    throw std::invalid_argument("protocol: mediator index out of range");
}

}  // namespace parley
