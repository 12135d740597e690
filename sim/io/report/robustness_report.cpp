#include "parley/io/report/robustness_report.hpp"

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

#include "parley/io/format/table_writer.hpp"

namespace parley::io {
namespace {


// `check`, when given, adds to each finding the number of changes under which it holds.
void write_findings_json(JsonWriter& json, const RobustnessFindings& findings, const RobustnessCheck* check) {
  json.begin_array();
  for (std::size_t k = 0; k < findings.names.size(); ++k) {
    json.begin_object().field("name", findings.names[k]).field("value", findings.values[k]);
    json.field("detail", findings.details[k]);
    if (check) json.field("holds_under", holds_under(*check, findings.names[k]));
    json.end_object();
  }
  json.end_array();
}

// The value of finding `name` under `findings`, or nullptr when it has none of that name.
const std::string* value_named(const RobustnessFindings& findings, const std::string& name) {
  for (std::size_t k = 0; k < findings.names.size(); ++k)
    if (findings.names[k] == name) return &findings.values[k];
  return nullptr;
}

int surviving(const RobustnessCheck& check) {
  int count = 0;
  for (const RobustnessRow& row : check.rows) count += survives(check, row) ? 1 : 0;
  return count;
}

}  // namespace

int holds_under(const RobustnessCheck& check, const std::string& name) {
  int count = 0;
  for (const RobustnessRow& row : check.rows) {
    const auto changed = changed_findings(check, row);
    count += std::find(changed.begin(), changed.end(), name) == changed.end() ? 1 : 0;
  }
  return count;
}

std::vector<std::string> changed_findings(const RobustnessCheck& check, const RobustnessRow& row) {
  if (!row.findings) return check.base.names;
  std::vector<std::string> changed;
  for (std::size_t k = 0; k < check.base.names.size(); ++k) {
    const std::string* value = value_named(*row.findings, check.base.names[k]);
    if (!value || *value != check.base.values[k]) changed.push_back(check.base.names[k]);
  }
  return changed;
}

bool survives(const RobustnessCheck& check, const RobustnessRow& row) {
  return row.findings && changed_findings(check, row).empty();
}

void write_robustness_table(std::ostream& out, const RobustnessCheck& check) {
  out << "\nRobustness: does the conclusion survive a change of set-up that is not an assumption about the war?\n";
  const std::string tried = std::to_string(check.rows.size());
  TableWriter base({"finding", "as given", "", "holds under"});
  for (std::size_t k = 0; k < check.base.names.size(); ++k)
    base.add_row({check.base.names[k], check.base.values[k], check.base.details[k],
                  std::to_string(holds_under(check, check.base.names[k])) + " of " + tried + " changes"});
  base.write(out, "  ");
  out << "\n";
  TableWriter changes({"change", "survives", "what changes"});
  for (const RobustnessRow& row : check.rows) {
    std::string what;
    if (!row.findings) {
      what = "not evaluated: " + row.error;
    } else {
      for (const std::string& name : changed_findings(check, row)) {
        const std::string* value = value_named(*row.findings, name);
        what += (what.empty() ? "" : "; ") + name + ": " + (value ? *value : "(none)");
      }
    }
    changes.add_row({row.variant.label, survives(check, row) ? "yes" : "no", what});
  }
  changes.write(out, "  ");
  out << "  The conclusion survives " << surviving(check) << " of " << check.rows.size() << " changes";
  if (!check.rows.empty()) out << " (reproduce a row with its --set assignments: --format json lists them)";
  out << ".\n";
}

void write_robustness_json(JsonWriter& json, const RobustnessCheck& check) {
  json.key("robustness").begin_object();
  json.key("findings");
  write_findings_json(json, check.base, &check);
  json.key("changes").begin_array();
  for (const RobustnessRow& row : check.rows) {
    json.begin_object().field("label", row.variant.label).field("aspect", row.variant.aspect);
    json.key("set").array(row.variant.overrides);
    json.field("survives", survives(check, row));
    json.key("changed").array(changed_findings(check, row));
    if (row.findings) {
      json.key("findings");
      write_findings_json(json, *row.findings, nullptr);
    } else {
      json.field("error", row.error);
    }
    json.end_object();
  }
  json.end_array();
  json.field("survives", surviving(check)).field("changes_tried", static_cast<int>(check.rows.size()));
  json.end_object();
}

}  // namespace parley::io
