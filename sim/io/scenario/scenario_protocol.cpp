// The protocol section of a scenario: who proposes in which order, with which recognition
// probabilities, the mediator, counter-offers and when talks take place.

#include "scenario_build.hpp"

#include <algorithm>
#include <cmath>

#include "parley/io/format/word_list.hpp"
#include "parley/io/scenario/key_path.hpp"

namespace parley::io::loader {

namespace {

/// `protocol.recognition`: party id -> probability of being recognised as proposer, for parties
/// in the order only, summing to 1 within kSumTolerance.
void read_recognition(ScenarioBuild& b, const YamlNode& n) {
  const std::string path = "protocol.recognition";
  if (!b.reader.check_map(n, path, path, {}, true)) return;
  const auto shares = read_id_numbers(b, n, path, schema_key("protocol.recognition.<party>"), party_reference);
  const auto& order = b.scenario.protocol.order;
  double sum = 0.0;
  bool ok = shares.ok;
  for (const auto& share : shares.entries) {
    if (std::find(order.begin(), order.end(), share.index) == order.end()) {
      b.reader.error(*share.key, share.path,
                     "party " + in_quotes(share.key->scalar) + " is not in protocol.order, so it cannot be recognised");
      ok = false;
      continue;
    }
    b.scenario.protocol.recognition[share.index] = share.value;
    sum += share.value;
  }
  if (ok && std::abs(sum - 1.0) > kSumTolerance)
    b.reader.error(n, path, "the recognition probabilities sum to " + sum_text(sum) + ", not 1");
}

/// `protocol.periods`: the periods talks take place in, strictly increasing, within the horizon.
void read_periods(ScenarioBuild& b, const YamlNode& n) {
  const std::string path = "protocol.periods";
  KeySpec spec;
  spec.range = NumericRange{0.0, static_cast<double>(b.scenario.horizon), false, true};
  for (std::size_t j = 0; j < n.items.size(); ++j) {
    const std::string p = item_path(path, j);
    const auto t = b.reader.read_int(n.items[j], p, spec);
    if (!t) continue;
    if (!b.scenario.protocol.periods.empty() && *t <= b.scenario.protocol.periods.back()) {
      b.reader.error(n.items[j], p,
                     "periods must increase strictly: " + std::to_string(*t) + " follows " +
                         std::to_string(b.scenario.protocol.periods.back()));
      continue;
    }
    b.scenario.protocol.periods.push_back(*t);
  }
  if (n.items.empty()) b.reader.error(n, path, "needs at least one period (or leave it out to use 'every')");
}

}  // namespace

void read_protocol(ScenarioBuild& b, const YamlNode* n) {
  const std::string path = "protocol";
  ProtocolParams& protocol = b.scenario.protocol;
  std::optional<std::string> kind = "alternating";
  if (n) {
    if (!b.reader.check_map(*n, path, path)) return;
    if (const YamlNode* k = n->find("kind"))
      kind = b.reader.read_string(*k, "protocol.kind", schema_key("protocol.kind"));
  }
  if (kind == "random")
    protocol.kind = ProtocolParams::Kind::random;
  else if (kind == "mediated")
    protocol.kind = ProtocolParams::Kind::mediated;

  // Order: explicit, or the veto belligerents (all veto parties if none is a belligerent).
  const YamlNode* order = n ? b.reader.list_key(*n, path, "order") : nullptr;
  if (order) {
    if (order->items.empty()) b.reader.error(*order, "protocol.order", "needs at least one party");
    for (std::size_t j = 0; j < order->items.size(); ++j) {
      const std::string p = item_path("protocol.order", j);
      const int i = party_reference(b, order->items[j], p);
      if (i < 0) continue;
      const auto iu = static_cast<std::size_t>(i);
      if (!b.scenario.parties[iu].veto) {
        b.reader.error(order->items[j], p,
                       "party " + in_quotes(b.scenario.parties[iu].id) + " has no veto; the order lists veto parties");
      } else if (std::find(protocol.order.begin(), protocol.order.end(), iu) != protocol.order.end()) {
        b.reader.error(order->items[j], p, "party " + in_quotes(b.scenario.parties[iu].id) + " is listed twice");
      } else {
        protocol.order.push_back(iu);
      }
    }
  } else {
    for (std::size_t i = 0; i < b.scenario.parties.size(); ++i)
      if (b.scenario.parties[i].veto && b.scenario.parties[i].role == Role::belligerent) protocol.order.push_back(i);
    if (protocol.order.empty())
      for (std::size_t i = 0; i < b.scenario.parties.size(); ++i)
        if (b.scenario.parties[i].veto) protocol.order.push_back(i);
  }

  protocol.recognition.assign(b.scenario.parties.size(), 0.0);
  const YamlNode* recognition = n ? n->find("recognition") : nullptr;
  if (recognition) {
    read_recognition(b, *recognition);
  } else {
    for (std::size_t i : protocol.order) protocol.recognition[i] = 1.0 / static_cast<double>(protocol.order.size());
  }

  const YamlNode* mediator = n ? n->find("mediator") : nullptr;
  if (mediator) {
    const int i = party_reference(b, *mediator, "protocol.mediator");
    if (i >= 0) {
      const auto iu = static_cast<std::size_t>(i);
      if (b.scenario.parties[iu].role != Role::mediator)
        b.reader.error(*mediator, "protocol.mediator",
                       "party " + in_quotes(b.scenario.parties[iu].id) + " has role " +
                           to_string(b.scenario.parties[iu].role) + "; the mediator must have role mediator");
      else
        protocol.mediator = iu;
    }
  } else if (protocol.kind == ProtocolParams::Kind::mediated) {
    b.reader.error(n ? *n : b.doc.root, "protocol.mediator",
                   "a mediated protocol needs a mediator: missing required key 'mediator'");
  }
  if (n) {
    protocol.counter = b.reader.boolean_key(*n, path, path, "counter").value_or(true);
    protocol.every = b.reader.int_key(*n, path, path, "every").value_or(1);
    protocol.closing_hazard = b.reader.number_key(*n, path, path, "closing_hazard").value_or(0.0);
    if (const YamlNode* periods = b.reader.list_key(*n, path, "periods")) read_periods(b, *periods);
  }
}

}  // namespace parley::io::loader
