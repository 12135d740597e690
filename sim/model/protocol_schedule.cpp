#include "parley/model/protocol_schedule.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace parley {

namespace {

[[noreturn]] void reject_protocol(const std::string& what) { throw std::invalid_argument("protocol: " + what); }

}  // namespace

ProtocolSchedule::ProtocolSchedule(const ProtocolParams& protocol, std::span<const std::size_t> veto_parties,
                                   std::size_t party_count, int horizon)
    : kind_(protocol.kind), mediator_(protocol.mediator) {
  if (protocol.order.empty()) order_.assign(veto_parties.begin(), veto_parties.end());
  else order_ = protocol.order;
  for (std::size_t party : order_)
    if (party >= party_count) reject_protocol("proposer index out of range");

  const auto periods = static_cast<std::size_t>(std::max(horizon, 0));
  talk_index_.assign(periods, -1);
  for (std::size_t t = 0; t < periods; ++t)
    if (protocol.talks_at(static_cast<int>(t))) talk_index_[t] = talk_periods_++;
  next_talks_.resize(periods);
  int next = horizon;
  for (std::size_t t = periods; t-- > 0;) {
    next_talks_[t] = next;
    if (talk_index_[t] >= 0) next = static_cast<int>(t);
  }

  recognition_.assign(party_count, 0.0);
  if (protocol.recognition.size() == party_count) {
    recognition_ = protocol.recognition;
  } else {
    for (std::size_t party : order_) recognition_[party] += 1.0 / static_cast<double>(order_.size());
  }

  switch (kind_) {
    case ProtocolParams::Kind::alternating:
      if (order_.empty()) reject_protocol("no proposer: the order is empty");
      for (std::size_t party : order_) cycle_.push_back({{party, 1.0, 0}});
      break;
    case ProtocolParams::Kind::random: {
      std::vector<Recognition> recognised;
      if (protocol.recognition.empty()) {
        for (std::size_t party : order_) recognised.push_back({party, 1.0 / static_cast<double>(order_.size()), 0});
      } else {
        if (protocol.recognition.size() != party_count) reject_protocol("recognition needs one probability per party");
        double total = 0.0;
        for (std::size_t i = 0; i < party_count; ++i) {
          total += protocol.recognition[i];
          if (protocol.recognition[i] > 0.0) recognised.push_back({i, protocol.recognition[i], 0});
        }
        if (std::abs(total - 1.0) > 1e-9) reject_protocol("recognition probabilities must sum to 1");
      }
      cycle_.push_back(std::move(recognised));
      break;
    }
    case ProtocolParams::Kind::mediated: {
      if (mediator_ >= party_count) reject_protocol("mediator index out of range");
      std::vector<Recognition> counters;
      if (protocol.counter)
        for (std::size_t party : order_)
          if (party != mediator_) counters.push_back({party, 1.0, counters.size()});
      cycle_.push_back(std::move(counters));
      break;
    }
  }
}

std::size_t ProtocolSchedule::recognised(double u) const {
  std::size_t chosen = order_.back();
  double cumulative = 0.0;
  for (std::size_t p = 0; p < recognition_.size(); ++p) {
    if (recognition_[p] <= 0.0) continue;
    cumulative += recognition_[p];
    chosen = p;
    if (u < cumulative) break;
  }
  return chosen;
}

}  // namespace parley
