// Leverage (issue 15): `leverage: [{on, by, advantage, cost, note}]`, measures a third party makes
// conditional on the answers to the mediator's plan.
#include <string>
#include <vector>

#include "scenario_build.hpp"
#include "parley/io/format/word_list.hpp"
#include "parley/io/scenario/key_path.hpp"

namespace parley::io::loader {

namespace {

/// Why the protocol cannot carry leverage, or "" when it can: the measures answer the mediator's
/// plan, which the solver tables only when a `plan` mediator has a proposal.
std::string leverage_protocol_problem(const Scenario& s) {
  const ProtocolParams& protocol = s.protocol;
  if (protocol.kind != ProtocolParams::Kind::mediated)
    return "needs the mediated protocol (protocol.kind: mediated), whose mediator tables a plan the measures answer";
  if (protocol.mediator >= s.parties.size()) return "needs the mediated protocol's mediator";
  const Party& mediator = s.parties[protocol.mediator];
  if (mediator.strategy.name != "plan" || !mediator.proposal)
    return "needs the mediator " + in_quotes(mediator.id) + " to table a plan (strategy plan, with a proposal); it plays " +
           in_quotes(mediator.strategy.name) + (mediator.proposal ? "" : " without a proposal");
  if (protocol.closing_hazard > 0.0) return "cannot be combined with a closing hazard (protocol.closing_hazard) yet";
  return "";
}

}  // namespace

void read_leverage(ScenarioBuild& b, const YamlNode& n) {
  const std::string path = "leverage";
  Scenario& s = b.scenario;
  if (!n.is_sequence()) {
    b.reader.error(n, path, "expected a list of measures ({on, advantage, cost}), got " + n.describe());
    return;
  }
  const std::string pattern = "leverage[]";
  for (std::size_t m = 0; m < n.items.size(); ++m) {
    const YamlNode& item = n.items[m];
    const std::string p = item_path(path, m);
    if (!b.reader.check_map(item, p, pattern)) continue;
    Leverage measure;
    bool ok = true;
    if (const YamlNode* on = item.find("on")) {
      const int i = party_reference(b, *on, child_path(p, "on"));
      if (i < 0) {
        ok = false;
      } else if (!s.parties[static_cast<std::size_t>(i)].veto) {
        b.reader.error(*on, child_path(p, "on"), "party " + in_quotes(on->scalar) +
                                                     " has no veto: its answer to the plan does not decide it, so no "
                                                     "measure can answer it");
        ok = false;
      } else {
        measure.on = static_cast<std::size_t>(i);
      }
    } else {
      ok = false;  // check_map reported the missing key
    }
    if (const YamlNode* by = item.find("by")) {
      const int i = party_reference(b, *by, child_path(p, "by"));
      if (i < 0) ok = false; else measure.by = static_cast<std::size_t>(i);
    }
    if (auto shift = b.reader.number_key(item, p, pattern, "advantage")) measure.advantage_shift = *shift; else ok = false;
    if (const YamlNode* cost = item.find("cost")) {
      const std::string cost_path = child_path(p, "cost");
      if (!b.reader.check_map(*cost, cost_path, pattern + ".cost", {}, true)) {
        ok = false;
      } else {
        const auto costs = read_id_numbers(b, *cost, cost_path, schema_key(pattern + ".cost.<party>"), party_reference);
        ok = ok && costs.ok;
        if (!costs.entries.empty()) {
          measure.cost_shift.assign(s.parties.size(), 0.0);
          for (const auto& c : costs.entries) measure.cost_shift[c.index] = c.value;
        }
      }
    }
    if (auto note = b.reader.string_key(item, p, pattern, "note")) measure.note = *note;
    if (!ok) continue;
    if (measure.advantage_shift != 0.0 && !s.battlefield) {
      b.reader.error(*item.find("advantage"), child_path(p, "advantage"),
                     "an advantage shift needs a battlefield, and this scenario has none");
      continue;
    }
    bool costs_something = false;
    for (const double c : measure.cost_shift) costs_something = costs_something || c != 0.0;
    if (measure.advantage_shift == 0.0 && !costs_something) {
      b.reader.error(item, p, "the measure changes nothing: give an advantage shift or a cost");
      continue;
    }
    s.leverage.push_back(std::move(measure));
  }
  if (s.leverage.empty()) return;
  if (const std::string problem = leverage_protocol_problem(s); !problem.empty()) {
    b.reader.error(n, path, problem);
    return;
  }
  for (std::size_t m = 0; m < s.leverage.size(); ++m)
    if (s.leverage[m].on == s.protocol.mediator)
      b.reader.error(n.items[m], child_path(item_path(path, m), "on"),
                     "the mediator tables the plan and does not answer it: a measure's target is a veto party that "
                     "answers it");
}

}  // namespace parley::io::loader
