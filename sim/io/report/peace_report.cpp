#include "parley/io/report/peace_report.hpp"

#include "parley/io/report/package_report.hpp"

namespace parley::io {

namespace {

/// Periods in a year for the scenario's period unit, or 0 when the unit is not a calendar one.
int periods_per_year(const std::string& unit) {
  if (unit == "day") return 365;
  if (unit == "week") return 52;
  if (unit == "month") return 12;
  if (unit == "quarter") return 4;
  if (unit == "year") return 1;
  return 0;
}

}  // namespace

std::vector<std::pair<int, std::string>> holding_horizons(const Scenario& scenario) {
  const int year = periods_per_year(scenario.period_unit);
  if (year > 0) return {{year, "holds 1 y"}, {5 * year, "holds 5 y"}, {10 * year, "holds 10 y"}};
  return {{10, "holds 10"}, {50, "holds 50"}, {100, "holds 100"}};
}

std::string renewal_phrase(const Scenario& scenario, const PeaceOutlook& outlook) {
  if (outlook.self_enforcing()) return "yes";
  std::string who;
  for (std::size_t k = 0; k < outlook.renewers.size(); ++k)
    who += (k == 0 ? "" : k + 1 == outlook.renewers.size() ? " and " : ", ") + party_label(scenario, outlook.renewers[k]);
  if (outlook.first_renewal == outlook.settlement_period) return "no: " + who + " would fight on at once";
  return "no: " + who + " renews the war in " + scenario.period_unit + " " + std::to_string(outlook.first_renewal);
}

void write_peace_fields_json(JsonWriter& json, const Scenario& scenario, const PeaceOutlook& outlook,
                             const std::vector<double>& utilities) {
  json.field("hazard", outlook.hazard).field("expected_periods", outlook.expected_periods());
  json.key("holds").begin_object();
  for (const auto& [periods, heading] : holding_horizons(scenario))
    json.field(std::to_string(periods), outlook.holds_probability(periods));
  json.end_object().field("self_enforcing", outlook.self_enforcing());
  json.key("first_renewal");
  if (outlook.self_enforcing()) json.null(); else json.value(outlook.first_renewal);
  json.key("renewers").begin_array();
  for (const std::size_t i : outlook.renewers) json.value(scenario.parties[i].id);
  json.end_array().key("utilities");
  write_party_values_json(json, scenario, utilities);
  std::vector<double> with;
  for (std::size_t i = 0; i < scenario.parties.size(); ++i) with.push_back(outlook.value[i][0]);
  json.key("values");
  write_party_values_json(json, scenario, with);
}

}  // namespace parley::io
