// The issues section of a scenario: each issue's kind, range, levels or clauses and status
// quo, and packages of terms written as a map issue id -> value (proposals, collapse terms).

#include "scenario_build.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "parley/io/format/number_format.hpp"
#include "parley/io/format/spelling_suggestion.hpp"
#include "parley/io/format/word_list.hpp"
#include "parley/io/scenario/key_path.hpp"

namespace parley::io::loader {

namespace {

/// A continuous issue's `range: [lo, hi]`, lo < hi (default [0, 1], as Issue has it).
void read_range(ScenarioBuild& b, const YamlNode& n, const std::string& path, Issue& issue) {
  const YamlNode* range = n.find("range");
  if (!range) return;
  const std::string p = child_path(path, "range");
  if (!range->is_sequence() || range->items.size() != 2) {
    b.reader.error(*range, p, "expected a list [lo, hi] of two numbers, got " + range->describe());
    return;
  }
  const auto lo = scalar_number(range->items[0]);
  const auto hi = scalar_number(range->items[1]);
  if (!lo) b.reader.error(range->items[0], item_path(p, 0), "expected a number, got " + range->items[0].describe());
  if (!hi) b.reader.error(range->items[1], item_path(p, 1), "expected a number, got " + range->items[1].describe());
  if (!lo || !hi) return;
  if (!(*lo < *hi)) {
    b.reader.error(*range, p, "lo must be below hi, got [" + format_shortest(*lo) + ", " + format_shortest(*hi) + "]");
    return;
  }
  // Amounts are interpolated across the range (lo + (hi - lo) t): a width beyond the largest
  // double would make every amount inside it infinite or NaN.
  if (!std::isfinite(*hi - *lo)) {
    b.reader.error(*range, p,
                   "the width hi - lo must be a finite number (below 1.8e308), got [" + format_shortest(*lo) + ", " +
                       format_shortest(*hi) + "]");
    return;
  }
  issue.lo = *lo;
  issue.hi = *hi;
}

/// An ordinal issue's `levels`, worst to best: ids (or {id, name} maps), at least two, unique.
void read_levels(ScenarioBuild& b, const YamlNode& n, const std::string& path, Issue& issue) {
  const YamlNode* levels = b.reader.list_key(n, path, "levels");
  if (!levels) return;
  const std::string p = child_path(path, "levels");
  if (levels->items.size() < 2)
    b.reader.error(*levels, p,
                   "an ordinal issue needs at least two levels, got " + std::to_string(levels->items.size()));
  for (std::size_t j = 0; j < levels->items.size(); ++j) {
    const YamlNode& item = levels->items[j];
    const std::string ip = item_path(p, j);
    std::optional<std::string> id;
    std::string name;
    if (item.is_scalar()) {
      id = b.reader.read_string(item, ip, schema_key("issues[].levels[].id"));
    } else if (b.reader.check_map(item, ip, "issues[].levels[]")) {
      id = b.reader.string_key(item, ip, "issues[].levels[]", "id");
      name = b.reader.string_key(item, ip, "issues[].levels[]", "name").value_or("");
    }
    if (!id) continue;
    if (issue.level_index(*id) >= 0) {
      b.reader.error(item, ip, "duplicate level id " + in_quotes(*id) + " in issue " + in_quotes(issue.id));
      continue;
    }
    issue.levels.push_back(*id);
    issue.level_names.push_back(name.empty() ? *id : name);
  }
}

/// A clauses issue's `clauses`: {id, text} maps, ids unique in the whole scenario (a package
/// names a clause by its id alone).
void read_clauses(ScenarioBuild& b, const YamlNode& n, const std::string& path, Issue& issue) {
  const YamlNode* clauses = b.reader.list_key(n, path, "clauses");
  if (!clauses) return;
  const std::string p = child_path(path, "clauses");
  if (clauses->items.empty()) b.reader.error(*clauses, p, "a clauses issue needs at least one clause");
  for (std::size_t j = 0; j < clauses->items.size(); ++j) {
    const YamlNode& item = clauses->items[j];
    const std::string ip = item_path(p, j);
    if (!b.reader.check_map(item, ip, "issues[].clauses[]")) continue;
    const auto id = b.reader.string_key(item, ip, "issues[].clauses[]", "id");
    if (!id) continue;
    const auto [it, inserted] = b.clause_owner.emplace(*id, std::pair(issue.id, item.find("id")->location));
    if (!inserted) {
      b.reader.error(*item.find("id"), child_path(ip, "id"),
                     "duplicate clause id " + in_quotes(*id) + " (first in issue " + in_quotes(it->second.first) + " " +
                         location_text(it->second.second) + "); clause ids are unique in the whole scenario");
      continue;
    }
    issue.clauses.push_back(Clause{*id, b.reader.string_key(item, ip, "issues[].clauses[]", "text").value_or(*id)});
  }
}

/// One issue's value in a package or status quo: a number in range (continuous), a level id
/// (ordinal, as its index), or a list of the issue's clause ids (as flags).
struct TermValue {
  double amount = 0.0;
  std::vector<std::uint8_t> flags;
};

/// One issue's value in a package or status quo, checked against the issue (TermValue).
std::optional<TermValue> read_term_value(ScenarioBuild& b, const YamlNode& n, const std::string& path,
                                         const Issue& issue) {
  TermValue out;
  switch (issue.kind) {
    case IssueKind::continuous: {
      const auto x = scalar_number(n);
      if (!x) {
        b.reader.error(n, path,
                       "expected a number for continuous issue " + in_quotes(issue.id) + ", got " + n.describe());
        return std::nullopt;
      }
      if (*x < issue.lo || *x > issue.hi) {
        b.reader.error(n, path,
                       "must be in the range of issue " + in_quotes(issue.id) + ", [" + format_shortest(issue.lo) +
                           ", " + format_shortest(issue.hi) + "], got " + format_shortest(*x));
        return std::nullopt;
      }
      out.amount = *x;
      return out;
    }
    case IssueKind::ordinal: {
      if (!n.is_scalar()) {
        b.reader.error(n, path, "expected a level of issue " + in_quotes(issue.id) + ", got " + n.describe());
        return std::nullopt;
      }
      const int level = issue.level_index(n.scalar);
      if (level < 0) {
        b.reader.error(n, path,
                       "unknown level " + in_quotes(n.scalar) + " of issue " + in_quotes(issue.id) +
                           " (levels: " + join_words(issue.levels) + ")" + did_you_mean(n.scalar, issue.levels));
        return std::nullopt;
      }
      out.amount = level;
      return out;
    }
    case IssueKind::clauses: {
      if (!n.is_sequence()) {
        b.reader.error(n, path,
                       "expected a list of clause ids of issue " + in_quotes(issue.id) + ", got " + n.describe());
        return std::nullopt;
      }
      out.flags.assign(issue.clauses.size(), 0);
      bool ok = true;
      for (std::size_t j = 0; j < n.items.size(); ++j) {
        const YamlNode& item = n.items[j];
        const int c = item.is_scalar() ? issue.clause_index(item.scalar) : -1;
        if (c < 0) {
          b.reader.error(item, item_path(path, j), unknown_clause_message(b, item, issue));
          ok = false;
        } else if (out.flags[static_cast<std::size_t>(c)]) {
          b.reader.error(item, item_path(path, j), "clause " + in_quotes(item.scalar) + " is listed twice");
          ok = false;
        } else {
          out.flags[static_cast<std::size_t>(c)] = 1;
        }
      }
      if (!ok) return std::nullopt;
      return out;
    }
  }
  return std::nullopt;
}

}  // namespace

std::string unknown_clause_message(ScenarioBuild& b, const YamlNode& n, const Issue& issue) {
  if (!n.is_scalar()) return "expected a clause id, got " + n.describe();
  if (const auto it = b.clause_owner.find(n.scalar); it != b.clause_owner.end())
    return "clause " + in_quotes(n.scalar) + " belongs to issue " + in_quotes(it->second.first) + ", not " +
           in_quotes(issue.id);
  std::vector<std::string> ids;
  for (const auto& c : issue.clauses) ids.push_back(c.id);
  return "unknown clause " + in_quotes(n.scalar) + " of issue " + in_quotes(issue.id) + did_you_mean(n.scalar, ids);
}

void read_issue(ScenarioBuild& b, const YamlNode& n, const std::string& path) {
  const std::string pattern = "issues[]";
  Issue issue;
  IssueState state;
  std::optional<std::string> kind;
  if (n.is_map()) {
    if (const YamlNode* k = n.find("kind"))
      kind = b.reader.read_string(*k, child_path(path, "kind"), schema_key("issues[].kind"));
  }
  if (!b.reader.check_map(n, path, pattern, kind.value_or(""))) {
    b.issues_state.push_back(state);
    b.linked_locations.emplace_back();
    b.scenario.issues.push_back(std::move(issue));
    return;
  }
  if (auto id = b.reader.string_key(n, path, pattern, "id")) {
    issue.id = *id;
    state.id_location = n.find("id")->location;
    if (const int first = b.scenario.issue_index(*id); first >= 0)
      b.reader.error(*n.find("id"), child_path(path, "id"),
                     "duplicate issue id " + in_quotes(*id) + " (first " +
                         location_text(b.issues_state[static_cast<std::size_t>(first)].id_location) + ")");
    else if (*id == "n_settled")  // the outputs' `terms.n_settled` is the count of settled runs
      b.reader.error(*n.find("id"), child_path(path, "id"),
                     "the issue id \"n_settled\" is reserved (terms.n_settled counts the settled runs): choose another");
  } else if (const YamlNode* raw = n.find("id"); raw && raw->is_scalar())
    issue.id = raw->scalar;  // reported already; keeping it spares errors on every reference to it
  issue.name = b.reader.string_key(n, path, pattern, "name").value_or(issue.id);
  SourceLocation linked_at = n.location;
  if (kind) {
    state.kind_known = true;
    if (*kind == "continuous") {
      issue.kind = IssueKind::continuous;
      read_range(b, n, path, issue);
      issue.unit = b.reader.string_key(n, path, pattern, "unit").value_or("");
      if (auto steps = b.reader.int_key(n, path, pattern, "steps")) issue.steps = *steps;
      if (const YamlNode* linked = n.find("linked")) {
        linked_at = linked->location;
        if (b.reader.string_key(n, path, pattern, "linked")) issue.linked_to_front = true;
      }
    } else if (*kind == "ordinal") {
      issue.kind = IssueKind::ordinal;
      read_levels(b, n, path, issue);
    } else {
      issue.kind = IssueKind::clauses;
      read_clauses(b, n, path, issue);
    }
    issue.status_quo = issue.kind == IssueKind::continuous ? issue.lo : 0.0;
    issue.status_quo_clauses.assign(issue.clauses.size(), 0);
    if (const YamlNode* sq = n.find("status_quo")) {
      if (auto value = read_term_value(b, *sq, child_path(path, "status_quo"), issue)) {
        issue.status_quo = value->amount;
        if (issue.kind == IssueKind::clauses) issue.status_quo_clauses = value->flags;
      }
    }
  }
  b.issues_state.push_back(state);
  b.linked_locations.push_back(linked_at);
  b.scenario.issues.push_back(std::move(issue));
}

void assign_clause_offsets(Scenario& scenario) {
  std::size_t offset = 0;
  for (auto& issue : scenario.issues) {
    issue.clause_offset = offset;
    if (issue.kind == IssueKind::clauses) offset += issue.clauses.size();
  }
}

/// The issue a key names, or -1 after reporting an unknown reference.
int issue_reference(ScenarioBuild& b, const YamlNode& key, const std::string& path) {
  const int k = key.is_scalar() ? b.scenario.issue_index(key.scalar) : -1;
  if (k < 0 && key.is_scalar()) {
    std::vector<std::string> ids;
    for (const auto& issue : b.scenario.issues) ids.push_back(issue.id);
    b.reader.error(key, path, "unknown issue " + in_quotes(key.scalar) + did_you_mean(key.scalar, ids));
  }
  return k;
}

/// A package written as a map issue id -> value; issues not listed keep `base`'s values.
std::optional<Agreement> read_terms(ScenarioBuild& b, const YamlNode& n, const std::string& path,
                                    const std::string& pattern, Agreement base) {
  if (!b.reader.check_map(n, path, pattern, {}, true)) return std::nullopt;
  bool ok = true;
  for (const auto& [key, value] : n.entries) {
    if (!key.is_scalar()) continue;
    const std::string p = child_path(path, key.scalar);
    const int k = issue_reference(b, key, p);
    if (k < 0) {
      ok = false;
      continue;
    }
    const auto ku = static_cast<std::size_t>(k);
    if (!b.issues_state[ku].kind_known) continue;
    const Issue& issue = b.scenario.issues[ku];
    const auto v = read_term_value(b, value, p, issue);
    if (!v) {
      ok = false;
      continue;
    }
    if (issue.kind == IssueKind::clauses)
      std::copy(v->flags.begin(), v->flags.end(),
                base.clauses.begin() + static_cast<std::ptrdiff_t>(issue.clause_offset));
    else
      base.amounts[ku] = v->amount;
  }
  if (!ok) return std::nullopt;
  return base;
}

}  // namespace parley::io::loader
