// Pressure as a choice (issue 15): `parties[].pressure: {advantage, cost}`, read with the party;
// what it needs of the rest of the scenario is checked here, once the battlefield and the protocol
// are read.
#include <bit>
#include <string>

#include "scenario_build.hpp"
#include "parley/io/format/word_list.hpp"
#include "parley/io/scenario/key_path.hpp"
#include "parley/io/scenario/scenario_schema.hpp"
#include "parley/model/between_talks.hpp"

namespace parley::io::loader {

void check_pressure(ScenarioBuild& b, const YamlNode& parties) {
  const Scenario& s = b.scenario;
  for (std::size_t i = 0; i < s.parties.size() && i < parties.items.size(); ++i) {
    const Party& party = s.parties[i];
    if (!party.pressure) continue;
    const YamlNode* at = parties.items[i].find("pressure");
    const YamlNode& where = at ? *at : parties.items[i];
    const std::string path = child_path(b.party_paths[i], "pressure");
    if (!s.battlefield) {
      b.reader.error(where, path, "pressing moves the front: it needs a battlefield, and this scenario has none");
    } else if (party.id != s.battlefield->side_a && party.id != s.battlefield->side_b) {
      b.reader.error(where, path,
                     "party " + in_quotes(party.id) + " is not a side of the front (battlefield.side_a " +
                         in_quotes(s.battlefield->side_a) + ", side_b " + in_quotes(s.battlefield->side_b) +
                         "): only a side presses");
    } else if (!party.veto || party.role != Role::belligerent) {
      b.reader.error(where, path, "only a veto belligerent presses (its choice is the solver's)");
    } else if (s.protocol.closing_hazard > 0.0) {
      b.reader.error(where, path, "pressure cannot be combined with a closing hazard (protocol.closing_hazard) yet");
    }
  }
  // Each targeted party and each presser doubles the wars the solver keeps between talks.
  const auto veto = s.veto_parties();
  const int varying = std::popcount(leverage_targets(s.leverage, veto)) + std::popcount(pressers(s, veto));
  if (varying > max_between_talks_parties)
    b.reader.error(parties, "parties",
                   std::to_string(varying) + " parties targeted by leverage or with an offensive option: at most " +
                       std::to_string(max_between_talks_parties) + " (each doubles the copies of the war the solver "
                       "keeps between talks; docs/limits.md)");
}

}  // namespace parley::io::loader
