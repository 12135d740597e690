#pragma once
/// \file scenario_description.hpp
/// What `parley describe` prints: a scenario's parties, issues, each party's ideal agreement
/// and its utility to every party, the battlefield assumption and the protocol in words.

#include <ostream>
#include <string>

#include "parley/io/format/json_writer.hpp"
#include "parley/model/scenario.hpp"

namespace parley::io {

/// The battlefield assumption in one paragraph, e.g. "Russia (side A) holds 30% of the
/// contested territory; each week the front moves with probability 0.3; Russia's advantage
/// starts at +0.30 and decays toward 0 with a half-life of 52 weeks. ..." Empty without a
/// battlefield.
std::string battlefield_in_words(const Scenario& scenario);

/// The protocol in one sentence: who proposes, who may counter, when talks take place.
std::string protocol_in_words(const Scenario& scenario);

/// The plural of the scenario's period unit ("week" -> "weeks") for `count` periods.
std::string periods_in_words(const Scenario& scenario, double count);

/// The description as aligned plain-text tables (`--format table`).
void write_description_table(std::ostream& out, const Scenario& scenario);

/// The description as one JSON object (`--format json`): id, title, description, horizon,
/// period, parties (with weights, belief, strategy and parameters), issues, status_quo and
/// ideal_agreements (each {agreement, utilities: {party: u}}), battlefield (parameters and
/// `summary`) and protocol (parameters and `summary`).
void write_description_json(JsonWriter& json, const Scenario& scenario);

}  // namespace parley::io
