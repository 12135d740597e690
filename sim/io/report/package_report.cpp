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

namespace parley::io {
namespace {

/// The ids of `indices` among `names`, as a list of strings.
template <class Names, class Name>
std::vector<std::string> ids_of(const std::vector<std::size_t>& indices, const Names& names, Name name) {
  std::vector<std::string> out;
  for (const std::size_t i : indices) out.push_back(name(names[i]));
  return out;
}

std::string joined(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : ", ") + id;
  return out;
}

}  // namespace

std::string red_line_text(const Scenario& scenario, const RedLine& line) {
  const Issue& issue = scenario.issues[line.issue];
  const auto clause_id = [](const Clause& c) { return c.id; };
  const auto level_id = [](const std::string& l) { return l; };
  std::vector<std::string> parts;
  if (!line.levels.empty()) parts.push_back("never " + joined(ids_of(line.levels, issue.levels, level_id)));
  if (!line.never.empty()) parts.push_back("never " + joined(ids_of(line.never, issue.clauses, clause_id)));
  if (!line.always.empty()) parts.push_back("always " + joined(ids_of(line.always, issue.clauses, clause_id)));
  if (line.at_least) parts.push_back("at least " + format_shortest(*line.at_least));
  if (line.at_most) parts.push_back("at most " + format_shortest(*line.at_most));
  std::string out = issue.id + ":";
  for (std::size_t k = 0; k < parts.size(); ++k) out += (k == 0 ? " " : "; ") + parts[k];
  return out;
}

std::string constraint_text(const Scenario& scenario, const TermConstraint& constraint) {
  const auto term = [&](const PackageTerm& t) {
    const Issue& issue = scenario.issues[t.issue];
    return issue.id + "." + (issue.kind == IssueKind::clauses ? issue.clauses[t.option].id : issue.levels[t.option]);
  };
  return term(constraint.first) + " " + to_string(constraint.kind) + " " + term(constraint.second);
}

std::string leverage_text(const Scenario& scenario, const Leverage& measure) {
  std::string text;
  const auto add = [&](const std::string& part) { text += (text.empty() ? "" : "; ") + part; };
  if (measure.advantage_shift != 0.0) {
    const std::string side = scenario.battlefield ? scenario.battlefield->side_a + "'s" : "side A's";
    add(side + " advantage " + format_signed(measure.advantage_shift, 3));
  }
  for (std::size_t i = 0; i < measure.cost_shift.size(); ++i)
    if (measure.cost_shift[i] != 0.0)
      add(scenario.parties[i].id + "'s cost " + format_signed(measure.cost_shift[i], 4) + " per " + scenario.period_unit);
  std::string why;
  if (measure.by) why = "by " + scenario.parties[*measure.by].id;
  if (!measure.note.empty()) why += (why.empty() ? "" : ": ") + measure.note;
  return why.empty() ? text : text + " (" + why + ")";
}

void write_leverage_json(JsonWriter& json, const Scenario& scenario, const Leverage& measure) {
  json.begin_object().field("on", scenario.parties[measure.on].id);
  if (measure.by) json.field("by", scenario.parties[*measure.by].id);
  json.field("advantage", measure.advantage_shift).key("cost").begin_object();
  for (std::size_t i = 0; i < measure.cost_shift.size(); ++i)
    if (measure.cost_shift[i] != 0.0) json.field(scenario.parties[i].id, measure.cost_shift[i]);
  json.end_object();
  if (!measure.note.empty()) json.field("note", measure.note);
  json.field("text", leverage_text(scenario, measure)).end_object();
}

void write_red_line_json(JsonWriter& json, const Scenario& scenario, const RedLine& line) {
  const Issue& issue = scenario.issues[line.issue];
  json.begin_object().field("issue", issue.id);
  const auto list = [&](const char* key, const std::vector<std::size_t>& indices, bool levels) {
    if (indices.empty()) return;
    json.key(key).begin_array();
    for (const std::size_t i : indices) json.value(levels ? issue.levels[i] : issue.clauses[i].id);
    json.end_array();
  };
  list("never", line.levels, true);
  list("never", line.never, false);
  list("always", line.always, false);
  if (line.at_most) json.field("at_most", *line.at_most);
  if (line.at_least) json.field("at_least", *line.at_least);
  json.field("text", red_line_text(scenario, line)).end_object();
}

}  // namespace parley::io
