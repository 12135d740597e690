#include "parley/io/scenario/scenario_loader.hpp"

#include <algorithm>
#include <array>
#include <charconv>

#include "parley/io/scenario/key_path.hpp"
#include "scenario_build.hpp"

namespace parley::io {

namespace loader {

std::string sum_text(double x) {
  std::array<char, 32> buffer{};
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), x, std::chars_format::general, 12);
  return std::string(buffer.data(), result.ptr);
}

IdNumbers read_id_numbers(ScenarioBuild& b, const YamlNode& n, const std::string& path, const KeySpec& spec,
                          int (*resolve)(ScenarioBuild&, const YamlNode&, const std::string&)) {
  IdNumbers out;
  for (const auto& [key, value] : n.entries) {
    if (!key.is_scalar()) continue;
    std::string p = child_path(path, key.scalar);
    const int index = resolve(b, key, p);
    const auto x = b.reader.read_number(value, p, spec);
    if (index < 0 || !x) {
      out.ok = false;
      continue;
    }
    out.entries.push_back(IdNumber{static_cast<std::size_t>(index), &key, std::move(p), *x});
  }
  return out;
}

}  // namespace loader

namespace {

/// Throws every error found: those from the file first, in the order of its lines, then those
/// from `--set` (in the order of the arguments).
[[noreturn]] void throw_build_errors(loader::ScenarioBuild& b) {
  std::vector<Diagnostic> errors = b.reader.take_errors();
  std::stable_sort(errors.begin(), errors.end(), [&](const Diagnostic& x, const Diagnostic& y) {
    const bool x_file = x.file == b.doc.name;
    const bool y_file = y.file == b.doc.name;
    if (x_file != y_file) return x_file;
    return std::pair(x.line, x.column) < std::pair(y.line, y.column);
  });
  throw ScenarioError(std::move(errors));
}

}  // namespace

Scenario build_scenario(const ScenarioDocument& document) {
  using namespace loader;
  ScenarioBuild b(document);
  Scenario& s = b.scenario;
  YamlReader& r = b.reader;
  s.id = document.id;
  const YamlNode& root = document.root;
  if (root.is_null()) {
    r.error(root.location, "", "the scenario is empty");
    throw_build_errors(b);
  }
  if (!r.check_map(root, "", "")) throw_build_errors(b);

  if (auto title = r.string_key(root, "", "", "title")) s.title = *title;
  if (auto description = r.string_key(root, "", "", "description")) s.description = *description;
  if (auto horizon = r.int_key(root, "", "", "horizon")) s.horizon = *horizon;
  s.period_unit = r.string_key(root, "", "", "period").value_or("period");

  if (const YamlNode* issues = r.list_key(root, "", "issues")) {
    if (issues->items.empty()) r.error(*issues, "issues", "needs at least one issue");
    for (std::size_t k = 0; k < issues->items.size(); ++k) read_issue(b, issues->items[k], item_path("issues", k));
  }
  assign_clause_offsets(s);

  const YamlNode* parties = r.list_key(root, "", "parties");
  if (parties) {
    if (parties->items.size() < 2)
      r.error(*parties, "parties", "needs at least two parties, got " + std::to_string(parties->items.size()));
    for (std::size_t i = 0; i < parties->items.size(); ++i) read_party(b, parties->items[i], item_path("parties", i));
  }

  if (const YamlNode* battlefield = root.find("battlefield")) read_battlefield(b, *battlefield);

  // What needs the parties and the battlefield both.
  for (const auto& [party, node] : b.pending_beliefs)
    read_belief(b, *node, child_path(b.party_paths[party], "belief"), s.parties[party].belief);
  for (std::size_t k = 0; k < s.issues.size(); ++k) {
    if (s.issues[k].linked_to_front && !s.battlefield)
      r.error(b.linked_locations[k], child_path(item_path("issues", k), "linked"),
              "'linked: front' needs a battlefield, and this scenario has none");
  }
  if (parties) check_veto_count(b, *parties);
  if (const YamlNode* constraints = root.find("constraints")) read_constraints(b, *constraints);
  read_protocol(b, root.find("protocol"));
  if (s.battlefield) read_collapse_terms(b, *root.find("battlefield"));
  // Found by its key, not its value: "needs a battlefield" points at the line `durability:` is on.
  const auto durability = std::find_if(root.entries.begin(), root.entries.end(), [](const auto& entry) {
    return entry.first.is_scalar() && entry.first.scalar == "durability";
  });
  if (durability != root.entries.end()) read_durability(b, durability->second, durability->first.location);
  if (const YamlNode* leverage = root.find("leverage")) read_leverage(b, *leverage);
  if (parties) check_pressure(b, *parties);
  // Each within its range, the horizon and the front together can still ask for tables
  // (one double per period and state, per party and hypothesis) no machine holds.
  if (s.battlefield && static_cast<long long>(s.horizon + 1) * (s.battlefield->states + 1) > max_time_state_cells) {
    const YamlNode* states = root.find("battlefield")->find("states");
    r.error(states ? states->location : root.location, "battlefield.states",
            "(horizon + 1) x (states + 1) = " + std::to_string(static_cast<long long>(s.horizon + 1) *
                                                               (s.battlefield->states + 1)) +
                " periods x states is more than the limit of " + std::to_string(max_time_state_cells) +
                " (docs/limits.md)");
  }

  if (r.has_errors()) throw_build_errors(b);
  s.finalize();
  check_admissible_packages(b, root);
  if (r.has_errors()) throw_build_errors(b);
  return std::move(s);
}

Scenario load_scenario(std::string_view path_or_name, const std::vector<std::string>& overrides) {
  ScenarioDocument doc = parse_scenario_argument(path_or_name);
  apply_overrides(doc, overrides);
  return build_scenario(doc);
}

}  // namespace parley::io
