#pragma once
/// \file peace_report.hpp
/// The peace a settlement makes (issue 14) as a person reads it and as JSON: how likely it is to
/// break, how long it is expected to last, whether it is self-enforcing and what it is worth to
/// each party. `analyze` and `solve` write it through these, so it reads the same in both.

#include <string>
#include <utility>
#include <vector>

#include "parley/battlefield/peace_value.hpp"
#include "parley/io/format/json_writer.hpp"
#include "parley/model/scenario.hpp"

namespace parley::io {

/// The horizons at which reports give P(the peace still holds): 1, 5 and 10 years when the
/// period is a calendar unit, else 10, 50 and 100 periods; each with its column heading.
[[nodiscard]] std::vector<std::pair<int, std::string>> holding_horizons(const Scenario& scenario);

/// Whether the peace is self-enforcing, in words: "yes", or who renews the war when.
[[nodiscard]] std::string renewal_phrase(const Scenario& scenario, const PeaceOutlook& outlook);

/// The outlook's fields as JSON members of the object being written: hazard, expected_periods,
/// holds (periods -> probability), self_enforcing, first_renewal, renewers, utilities (u_i, the
/// value were the peace final) and values (the value of the peace as it may break).
void write_peace_fields_json(JsonWriter& json, const Scenario& scenario, const PeaceOutlook& outlook,
                             const std::vector<double>& utilities);

}  // namespace parley::io
