#include "parley/io/report/package_report.hpp"

#include "parley/io/format/number_format.hpp"

namespace parley::io {

std::vector<std::string> included_clauses(const Scenario& scenario, std::size_t issue, const Agreement& x) {
  const Issue& is = scenario.issues[issue];
  std::vector<std::string> ids;
  for (std::size_t c = 0; c < is.clauses.size(); ++c)
    if (x.clauses[is.clause_offset + c]) ids.push_back(is.clauses[c].id);
  return ids;
}

namespace {

std::string level_text(const Issue& issue, int level) {
  const auto k = static_cast<std::size_t>(level);
  std::string text = issue.levels[k];
  if (k < issue.level_names.size() && issue.level_names[k] != issue.levels[k])
    text += " (" + issue.level_names[k] + ")";
  return text;
}

}  // namespace

std::vector<std::string> package_lines(const Scenario& scenario, const Agreement& x) {
  std::vector<std::string> lines;
  for (std::size_t k = 0; k < scenario.issues.size(); ++k) {
    const Issue& issue = scenario.issues[k];
    switch (issue.kind) {
      case IssueKind::continuous:
        lines.push_back(issue.id + " = " + format_fixed(x.amounts[k], 3) +
                        (issue.unit.empty() ? "" : " (" + issue.unit + ")"));
        break;
      case IssueKind::ordinal:
        lines.push_back(issue.id + " = " + level_text(issue, x.level(k)));
        break;
      case IssueKind::clauses: {
        const auto in = included_clauses(scenario, k, x);
        std::string line = issue.id + ": " + std::to_string(in.size()) + " of " +
                           std::to_string(issue.clauses.size()) + " clauses in";
        for (std::size_t c = 0; c < in.size(); ++c) line += (c == 0 ? ": " : ", ") + in[c];
        lines.push_back(line);
        break;
      }
    }
  }
  return lines;
}

void write_package_json(JsonWriter& json, const Scenario& scenario, const Agreement& x) {
  json.begin_object();
  for (std::size_t k = 0; k < scenario.issues.size(); ++k) {
    const Issue& issue = scenario.issues[k];
    json.key(issue.id);
    switch (issue.kind) {
      case IssueKind::continuous: json.value(x.amounts[k]); break;
      case IssueKind::ordinal: json.value(issue.levels[static_cast<std::size_t>(x.level(k))]); break;
      case IssueKind::clauses: json.array(included_clauses(scenario, k, x)); break;
    }
  }
  json.end_object();
}

void write_party_values_json(JsonWriter& json, const Scenario& scenario, std::span<const double> values) {
  json.begin_object();
  for (std::size_t i = 0; i < scenario.parties.size(); ++i) json.field(scenario.parties[i].id, values[i]);
  json.end_object();
}

std::string party_label(const Scenario& scenario, std::size_t party) {
  return scenario.parties[party].name + " (" + scenario.parties[party].id + ")";
}

std::string utilities_line(const Scenario& scenario, std::span<const double> utilities, int decimals) {
  std::string line = "  utilities:";
  for (std::size_t i = 0; i < scenario.parties.size(); ++i)
    line += " " + scenario.parties[i].id + " " + format_fixed(utilities[i], decimals);
  return line;
}

double front_share(const Scenario& scenario, int state) {
  return scenario.battlefield ? static_cast<double>(state) / scenario.battlefield->states : 0.0;
}

}  // namespace parley::io
