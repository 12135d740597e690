#include "parley/io/scenario/scenario_loader.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <map>
#include <stdexcept>

#include "parley/agents/strategy_catalog.hpp"
#include "parley/io/scenario/key_path.hpp"
#include "parley/io/format/number_format.hpp"
#include "parley/io/scenario/scenario_schema.hpp"
#include "parley/io/format/spelling_suggestion.hpp"
#include "parley/io/format/word_list.hpp"

namespace parley::io {

namespace {

// ---------------------------------------------------------------------------------------------
// Scalars

/// Tolerance for "sums to 1" (weights, priors, recognition probabilities), as the format says.
constexpr double kSumTolerance = 1e-9;

/// A computed sum for a message: 12 significant digits, so 0.6 + 0.3 + 0.2 reads "1.1", not
/// "1.0999999999999999".
std::string sum_text(double x) {
  std::array<char, 32> buffer{};
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), x, std::chars_format::general, 12);
  return std::string(buffer.data(), result.ptr);
}

bool is_identifier(std::string_view s) {
  if (s.empty()) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

/// A plain scalar read as a finite real. YAML's own spellings of numbers that from_chars lacks
/// (a leading '+') are accepted; quoted scalars, infinities and NaN are not numbers here.
std::optional<double> scalar_number(const YamlNode& n) {
  if (!n.is_scalar() || !n.plain || n.scalar.empty()) return std::nullopt;
  std::string_view text = n.scalar;
  if (text.front() == '+') text.remove_prefix(1);
  double x = 0.0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), x);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(x)) return std::nullopt;
  return x;
}

std::optional<long long> scalar_integer(const YamlNode& n) {
  if (!n.is_scalar() || !n.plain || n.scalar.empty()) return std::nullopt;
  std::string_view text = n.scalar;
  if (text.front() == '+') text.remove_prefix(1);
  long long x = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), x);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return x;
}

std::optional<bool> scalar_boolean(const YamlNode& n) {
  if (!n.is_scalar() || !n.plain) return std::nullopt;
  static const char* const truths[] = {"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"};
  static const char* const falsehoods[] = {"false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF"};
  for (const char* t : truths)
    if (n.scalar == t) return true;
  for (const char* f : falsehoods)
    if (n.scalar == f) return false;
  return std::nullopt;
}

std::string last_component(std::string_view pattern) {
  const auto dot = pattern.rfind('.');
  return std::string(dot == std::string_view::npos ? pattern : pattern.substr(dot + 1));
}

bool applies(const KeySpec& spec, std::string_view kind) {
  return spec.only_for.empty() ||
         std::find(spec.only_for.begin(), spec.only_for.end(), kind) != spec.only_for.end();
}

std::string expected(const KeySpec& spec) {
  switch (spec.type) {
    case KeyType::string: return "a string";
    case KeyType::identifier: return "an identifier (lower-case letters, digits, '_', '-')";
    case KeyType::integer: return "an integer";
    case KeyType::number: return "a number";
    case KeyType::boolean: return "true or false";
    case KeyType::choice: return "one of " + join_words(spec.choices);
    case KeyType::list: return "a list";
    case KeyType::map: return "a map";
    case KeyType::variant: return spec.type_text;
  }
  return "";
}

/// Per issue, what later checks need to know about how it was read.
struct IssueState {
  bool kind_known = false;  ///< false: the kind was invalid, so values and terms are not checked
  SourceLocation id_location;
};

// ---------------------------------------------------------------------------------------------
// The validating builder

/// Walks the document once, filling a Scenario and collecting every error. Reading a key goes
/// through the schema table (type, range, default, required); what the table cannot say
/// (references between parts, sums, thresholds) is checked here.
class Builder {
 public:
  explicit Builder(const ScenarioDocument& document) : doc_(document) {}

  Scenario build() {
    s_.id = doc_.id;
    const YamlNode& root = doc_.root;
    if (root.is_null()) {
      error(root.location, "", "the scenario is empty");
      fail();
    }
    if (!check_map(root, "", "")) fail();

    if (auto title = string_key(root, "", "", "title")) s_.title = *title;
    if (auto description = string_key(root, "", "", "description")) s_.description = *description;
    if (auto horizon = integer_key(root, "", "", "horizon")) s_.horizon = static_cast<int>(*horizon);
    if (auto period = string_key(root, "", "", "period")) s_.period_unit = *period;
    else s_.period_unit = "period";

    if (const YamlNode* issues = list_key(root, "", "issues")) {
      if (issues->items.empty()) error(*issues, "issues", "needs at least one issue");
      for (std::size_t k = 0; k < issues->items.size(); ++k) read_issue(issues->items[k], item_path("issues", k));
    }
    assign_clause_offsets();

    const YamlNode* parties = list_key(root, "", "parties");
    if (parties) {
      if (parties->items.size() < 2)
        error(*parties, "parties", "needs at least two parties, got " + std::to_string(parties->items.size()));
      for (std::size_t i = 0; i < parties->items.size(); ++i)
        read_party(parties->items[i], item_path("parties", i));
    }

    if (const YamlNode* battlefield = root.find("battlefield")) read_battlefield(*battlefield);

    // What needs the parties and the battlefield both.
    for (std::size_t i = 0; i < pending_beliefs_.size(); ++i) {
      const auto& [party, node] = pending_beliefs_[i];
      read_belief(*node, child_path(party_paths_[party], "belief"), s_.parties[party].belief);
    }
    for (std::size_t k = 0; k < s_.issues.size(); ++k) {
      if (s_.issues[k].linked_to_front && !s_.battlefield)
        error(linked_locations_[k], child_path(item_path("issues", k), "linked"),
              "'linked: front' needs a battlefield, and this scenario has none");
    }
    if (parties) check_veto_count(*parties);
    read_protocol(root.find("protocol"));
    if (s_.battlefield) read_collapse_terms(*root.find("battlefield"));

    if (!errors_.empty()) fail();
    s_.finalize();
    return std::move(s_);
  }

 private:
  // --- reporting ------------------------------------------------------------------------------

  void error(const SourceLocation& at, const std::string& path, std::string message) {
    errors_.push_back(Diagnostic{at.source ? *at.source : doc_.name, at.line, at.column, path, std::move(message)});
  }
  void error(const YamlNode& at, const std::string& path, std::string message) {
    error(at.location, path, std::move(message));
  }

  [[noreturn]] void fail() {
    // Diagnostics from the file first, in the order of its lines, then those from `--set`.
    std::stable_sort(errors_.begin(), errors_.end(), [&](const Diagnostic& a, const Diagnostic& b) {
      const bool a_file = a.file == doc_.name;
      const bool b_file = b.file == doc_.name;
      if (a_file != b_file) return a_file;
      return std::pair(a.line, a.column) < std::pair(b.line, b.column);
    });
    throw ScenarioError(std::move(errors_));
  }

  // --- maps -----------------------------------------------------------------------------------

  /// Reports non-scalar and repeated keys.
  void check_unique_keys(const YamlNode& map, const std::string& path) {
    std::map<std::string, const YamlNode*> seen;
    for (const auto& [key, value] : map.entries) {
      if (!key.is_scalar()) {
        error(key, path, "map keys must be names, got " + key.describe());
        continue;
      }
      const auto [it, inserted] = seen.emplace(key.scalar, &key);
      if (!inserted)
        error(key, child_path(path, key.scalar),
              "duplicate key " + in_quotes(key.scalar) + " (first at line " +
                  std::to_string(it->second->location.line) + ")");
    }
  }

  /// Checks that `node` is a map holding only keys the schema lists under `pattern` (unless
  /// `dynamic_keys`: then others are the caller's to check), that keys restricted to some kinds
  /// fit `kind`, and that every required key that applies is present. Returns false if `node`
  /// is not a map.
  bool check_map(const YamlNode& node, const std::string& path, const std::string& pattern,
                 std::string_view kind = {}, bool dynamic_keys = false) {
    if (!node.is_map()) {
      error(node, path, "expected a map, got " + node.describe());
      return false;
    }
    check_unique_keys(node, path);
    const auto children = schema_children(pattern);
    std::vector<std::string> names;
    for (const KeySpec* c : children) names.push_back(last_component(c->path));
    for (const auto& [key, value] : node.entries) {
      if (!key.is_scalar()) continue;
      const auto it = std::find(names.begin(), names.end(), key.scalar);
      if (it == names.end()) {
        if (!dynamic_keys) {
          std::string hint = did_you_mean(key.scalar, names);
          if (hint.empty()) hint = "; allowed here: " + join_words(names);
          error(key, child_path(path, key.scalar), "unknown key " + in_quotes(key.scalar) + hint);
        }
        continue;
      }
      const KeySpec& spec = *children[static_cast<std::size_t>(it - names.begin())];
      if (!kind.empty() && !applies(spec, kind))
        error(key, child_path(path, key.scalar),
              in_quotes(key.scalar) + " is only for kind " + join_words(spec.only_for) + ", and this is " +
                  std::string(kind));
    }
    for (const KeySpec* c : children) {
      const std::string name = last_component(c->path);
      if (!c->required || node.find(name)) continue;
      if (!c->only_for.empty() && (kind.empty() || !applies(*c, kind))) continue;
      error(node, child_path(path, name), "missing required key " + in_quotes(name));
    }
    return true;
  }

  // --- typed reads ----------------------------------------------------------------------------

  void range_error(const YamlNode& n, const std::string& path, const NumericRange& range, double x) {
    const bool interval = !std::isinf(range.lo) && !std::isinf(range.hi);
    error(n, path, "must be " + std::string(interval ? "in " : "") + range.to_string() + ", got " + format_shortest(x));
  }

  std::optional<double> read_number(const YamlNode& n, const std::string& path, const KeySpec& spec) {
    const auto x = scalar_number(n);
    if (!x) {
      error(n, path, "expected a number, got " + n.describe());
      return std::nullopt;
    }
    if (!spec.range.contains(*x)) {
      range_error(n, path, spec.range, *x);
      return std::nullopt;
    }
    return x;
  }

  std::optional<long long> read_integer(const YamlNode& n, const std::string& path, const KeySpec& spec) {
    const auto x = scalar_integer(n);
    if (!x) {
      error(n, path, "expected an integer, got " + n.describe());
      return std::nullopt;
    }
    if (!spec.range.contains(static_cast<double>(*x))) {
      range_error(n, path, spec.range, static_cast<double>(*x));
      return std::nullopt;
    }
    return x;
  }

  std::optional<std::string> read_string(const YamlNode& n, const std::string& path, const KeySpec& spec) {
    if (!n.is_scalar()) {
      error(n, path, "expected " + expected(spec) + ", got " + n.describe());
      return std::nullopt;
    }
    if (spec.type == KeyType::identifier && !is_identifier(n.scalar)) {
      error(n, path, "expected " + expected(spec) + ", got " + n.describe());
      return std::nullopt;
    }
    if (spec.type == KeyType::choice &&
        std::find(spec.choices.begin(), spec.choices.end(), n.scalar) == spec.choices.end()) {
      error(n, path, "expected one of " + join_words(spec.choices) + ", got " + n.describe() +
                         did_you_mean(n.scalar, spec.choices));
      return std::nullopt;
    }
    return n.scalar;
  }

  std::optional<bool> read_boolean(const YamlNode& n, const std::string& path) {
    const auto b = scalar_boolean(n);
    if (!b) error(n, path, "expected true or false, got " + n.describe());
    return b;
  }

  /// The value under `key` of `map` (at `path`, pattern `pattern`), type- and range-checked by
  /// the schema entry `pattern.key`; the entry's default when absent (nullopt if it has none).
  std::optional<double> number_key(const YamlNode& map, const std::string& path, const std::string& pattern,
                                   std::string_view key) {
    const KeySpec& spec = schema_key(child_path(pattern, key));
    const YamlNode* n = map.find(key);
    if (!n) return spec.default_number;
    return read_number(*n, child_path(path, key), spec);
  }
  std::optional<long long> integer_key(const YamlNode& map, const std::string& path, const std::string& pattern,
                                       std::string_view key) {
    const KeySpec& spec = schema_key(child_path(pattern, key));
    const YamlNode* n = map.find(key);
    if (!n) {
      if (spec.default_number) return static_cast<long long>(*spec.default_number);
      return std::nullopt;
    }
    return read_integer(*n, child_path(path, key), spec);
  }
  std::optional<std::string> string_key(const YamlNode& map, const std::string& path, const std::string& pattern,
                                        std::string_view key) {
    const KeySpec& spec = schema_key(child_path(pattern, key));
    const YamlNode* n = map.find(key);
    if (!n) return std::nullopt;
    return read_string(*n, child_path(path, key), spec);
  }
  std::optional<bool> boolean_key(const YamlNode& map, const std::string& path, const std::string& pattern,
                                  std::string_view key) {
    const KeySpec& spec = schema_key(child_path(pattern, key));
    const YamlNode* n = map.find(key);
    if (!n) {
      if (spec.default_number) return *spec.default_number != 0.0;
      return std::nullopt;
    }
    return read_boolean(*n, child_path(path, key));
  }
  /// The list under `key`, or nullptr (absent, or not a list: reported).
  const YamlNode* list_key(const YamlNode& map, const std::string& path, std::string_view key) {
    const YamlNode* n = map.find(key);
    if (!n) return nullptr;
    if (!n->is_sequence()) {
      error(*n, child_path(path, key), "expected a list, got " + n->describe());
      return nullptr;
    }
    return n;
  }

  // --- issues ---------------------------------------------------------------------------------

  void read_issue(const YamlNode& n, const std::string& path) {
    const std::string pattern = "issues[]";
    Issue issue;
    IssueState state;
    std::optional<std::string> kind;
    if (n.is_map()) {
      if (const YamlNode* k = n.find("kind"))
        kind = read_string(*k, child_path(path, "kind"), schema_key("issues[].kind"));
    }
    if (!check_map(n, path, pattern, kind.value_or(""))) {
      issues_state_.push_back(state);
      linked_locations_.emplace_back();
      s_.issues.push_back(std::move(issue));
      return;
    }
    if (auto id = string_key(n, path, pattern, "id")) {
      issue.id = *id;
      state.id_location = n.find("id")->location;
      if (const int first = s_.issue_index(*id); first >= 0)
        error(*n.find("id"), child_path(path, "id"),
              "duplicate issue id " + in_quotes(*id) + " (first at line " +
                  std::to_string(issues_state_[static_cast<std::size_t>(first)].id_location.line) + ")");
    }
    else if (const YamlNode* raw = n.find("id"); raw && raw->is_scalar())
      issue.id = raw->scalar;  // reported already; keeping it spares errors on every reference to it
    issue.name = string_key(n, path, pattern, "name").value_or(issue.id);
    SourceLocation linked_at = n.location;
    if (kind) {
      state.kind_known = true;
      if (*kind == "continuous") {
        issue.kind = IssueKind::continuous;
        read_range(n, path, issue);
        issue.unit = string_key(n, path, pattern, "unit").value_or("");
        if (auto steps = integer_key(n, path, pattern, "steps")) issue.steps = static_cast<int>(*steps);
        if (const YamlNode* linked = n.find("linked")) {
          linked_at = linked->location;
          if (string_key(n, path, pattern, "linked")) issue.linked_to_front = true;
        }
      } else if (*kind == "ordinal") {
        issue.kind = IssueKind::ordinal;
        read_levels(n, path, issue);
      } else {
        issue.kind = IssueKind::clauses;
        read_clauses(n, path, issue);
      }
      issue.status_quo = issue.kind == IssueKind::continuous ? issue.lo : 0.0;
      issue.status_quo_clauses.assign(issue.clauses.size(), 0);
      if (const YamlNode* sq = n.find("status_quo")) {
        if (auto value = read_term_value(*sq, child_path(path, "status_quo"), issue)) {
          issue.status_quo = value->amount;
          if (issue.kind == IssueKind::clauses) issue.status_quo_clauses = value->flags;
        }
      }
    }
    issues_state_.push_back(state);
    linked_locations_.push_back(linked_at);
    s_.issues.push_back(std::move(issue));
  }

  void read_range(const YamlNode& n, const std::string& path, Issue& issue) {
    const YamlNode* range = n.find("range");
    if (!range) return;
    const std::string p = child_path(path, "range");
    if (!range->is_sequence() || range->items.size() != 2) {
      error(*range, p, "expected a list [lo, hi] of two numbers, got " + range->describe());
      return;
    }
    const auto lo = scalar_number(range->items[0]);
    const auto hi = scalar_number(range->items[1]);
    if (!lo) error(range->items[0], item_path(p, 0), "expected a number, got " + range->items[0].describe());
    if (!hi) error(range->items[1], item_path(p, 1), "expected a number, got " + range->items[1].describe());
    if (!lo || !hi) return;
    if (!(*lo < *hi)) {
      error(*range, p, "lo must be below hi, got [" + format_shortest(*lo) + ", " + format_shortest(*hi) + "]");
      return;
    }
    issue.lo = *lo;
    issue.hi = *hi;
  }

  void read_levels(const YamlNode& n, const std::string& path, Issue& issue) {
    const YamlNode* levels = list_key(n, path, "levels");
    if (!levels) return;
    const std::string p = child_path(path, "levels");
    if (levels->items.size() < 2)
      error(*levels, p, "an ordinal issue needs at least two levels, got " + std::to_string(levels->items.size()));
    for (std::size_t j = 0; j < levels->items.size(); ++j) {
      const YamlNode& item = levels->items[j];
      const std::string ip = item_path(p, j);
      std::optional<std::string> id;
      std::string name;
      if (item.is_scalar()) {
        id = read_string(item, ip, schema_key("issues[].levels[].id"));
      } else if (check_map(item, ip, "issues[].levels[]")) {
        id = string_key(item, ip, "issues[].levels[]", "id");
        name = string_key(item, ip, "issues[].levels[]", "name").value_or("");
      }
      if (!id) continue;
      if (issue.level_index(*id) >= 0) {
        error(item, ip, "duplicate level id " + in_quotes(*id) + " in issue " + in_quotes(issue.id));
        continue;
      }
      issue.levels.push_back(*id);
      issue.level_names.push_back(name.empty() ? *id : name);
    }
  }

  void read_clauses(const YamlNode& n, const std::string& path, Issue& issue) {
    const YamlNode* clauses = list_key(n, path, "clauses");
    if (!clauses) return;
    const std::string p = child_path(path, "clauses");
    if (clauses->items.empty()) error(*clauses, p, "a clauses issue needs at least one clause");
    for (std::size_t j = 0; j < clauses->items.size(); ++j) {
      const YamlNode& item = clauses->items[j];
      const std::string ip = item_path(p, j);
      if (!check_map(item, ip, "issues[].clauses[]")) continue;
      const auto id = string_key(item, ip, "issues[].clauses[]", "id");
      if (!id) continue;
      const auto [it, inserted] = clause_owner_.emplace(*id, std::pair(issue.id, item.find("id")->location));
      if (!inserted) {
        error(*item.find("id"), child_path(ip, "id"),
              "duplicate clause id " + in_quotes(*id) + " (first in issue " + in_quotes(it->second.first) +
                  " at line " + std::to_string(it->second.second.line) +
                  "); clause ids are unique in the whole scenario");
        continue;
      }
      issue.clauses.push_back(Clause{*id, string_key(item, ip, "issues[].clauses[]", "text").value_or(*id)});
    }
  }

  void assign_clause_offsets() {
    std::size_t offset = 0;
    for (auto& issue : s_.issues) {
      issue.clause_offset = offset;
      if (issue.kind == IssueKind::clauses) offset += issue.clauses.size();
    }
  }

  /// One issue's value in a package or status quo: a number in range (continuous), a level id
  /// (ordinal, as its index), or a list of the issue's clause ids (as flags).
  struct TermValue {
    double amount = 0.0;
    std::vector<std::uint8_t> flags;
  };

  std::optional<TermValue> read_term_value(const YamlNode& n, const std::string& path, const Issue& issue) {
    TermValue out;
    switch (issue.kind) {
      case IssueKind::continuous: {
        const auto x = scalar_number(n);
        if (!x) {
          error(n, path, "expected a number for continuous issue " + in_quotes(issue.id) + ", got " + n.describe());
          return std::nullopt;
        }
        if (*x < issue.lo || *x > issue.hi) {
          error(n, path, "must be in the range of issue " + in_quotes(issue.id) + ", [" + format_shortest(issue.lo) +
                             ", " + format_shortest(issue.hi) + "], got " + format_shortest(*x));
          return std::nullopt;
        }
        out.amount = *x;
        return out;
      }
      case IssueKind::ordinal: {
        if (!n.is_scalar()) {
          error(n, path, "expected a level of issue " + in_quotes(issue.id) + ", got " + n.describe());
          return std::nullopt;
        }
        const int level = issue.level_index(n.scalar);
        if (level < 0) {
          error(n, path, "unknown level " + in_quotes(n.scalar) + " of issue " + in_quotes(issue.id) + " (levels: " +
                             join_words(issue.levels) + ")" + did_you_mean(n.scalar, issue.levels));
          return std::nullopt;
        }
        out.amount = level;
        return out;
      }
      case IssueKind::clauses: {
        if (!n.is_sequence()) {
          error(n, path, "expected a list of clause ids of issue " + in_quotes(issue.id) + ", got " + n.describe());
          return std::nullopt;
        }
        out.flags.assign(issue.clauses.size(), 0);
        bool ok = true;
        for (std::size_t j = 0; j < n.items.size(); ++j) {
          const YamlNode& item = n.items[j];
          const int c = item.is_scalar() ? issue.clause_index(item.scalar) : -1;
          if (c < 0) {
            error(item, item_path(path, j), unknown_clause_message(item, issue));
            ok = false;
          } else if (out.flags[static_cast<std::size_t>(c)]) {
            error(item, item_path(path, j), "clause " + in_quotes(item.scalar) + " is listed twice");
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

  std::string unknown_clause_message(const YamlNode& n, const Issue& issue) {
    if (!n.is_scalar()) return "expected a clause id, got " + n.describe();
    if (const auto it = clause_owner_.find(n.scalar); it != clause_owner_.end())
      return "clause " + in_quotes(n.scalar) + " belongs to issue " + in_quotes(it->second.first) + ", not " +
             in_quotes(issue.id);
    std::vector<std::string> ids;
    for (const auto& c : issue.clauses) ids.push_back(c.id);
    return "unknown clause " + in_quotes(n.scalar) + " of issue " + in_quotes(issue.id) + did_you_mean(n.scalar, ids);
  }

  /// The issue a key names, or -1 after reporting an unknown reference.
  int issue_reference(const YamlNode& key, const std::string& path) {
    const int k = key.is_scalar() ? s_.issue_index(key.scalar) : -1;
    if (k < 0 && key.is_scalar()) {
      std::vector<std::string> ids;
      for (const auto& issue : s_.issues) ids.push_back(issue.id);
      error(key, path, "unknown issue " + in_quotes(key.scalar) + did_you_mean(key.scalar, ids));
    }
    return k;
  }

  /// A package written as a map issue id -> value; issues not listed keep `base`'s values.
  std::optional<Agreement> read_terms(const YamlNode& n, const std::string& path, const std::string& pattern,
                                      Agreement base) {
    if (!check_map(n, path, pattern, {}, true)) return std::nullopt;
    bool ok = true;
    for (const auto& [key, value] : n.entries) {
      if (!key.is_scalar()) continue;
      const std::string p = child_path(path, key.scalar);
      const int k = issue_reference(key, p);
      if (k < 0) {
        ok = false;
        continue;
      }
      const auto ku = static_cast<std::size_t>(k);
      if (!issues_state_[ku].kind_known) continue;
      const Issue& issue = s_.issues[ku];
      const auto v = read_term_value(value, p, issue);
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

  // --- parties --------------------------------------------------------------------------------

  void read_party(const YamlNode& n, const std::string& path) {
    const std::string pattern = "parties[]";
    Party party;
    party.weights.assign(s_.issues.size(), 0.0);
    party.values.resize(s_.issues.size());
    for (std::size_t k = 0; k < s_.issues.size(); ++k) set_indifferent(party.values[k], s_.issues[k]);
    const std::size_t index = s_.parties.size();
    party_paths_.push_back(path);
    party_id_locations_.emplace_back();
    if (!check_map(n, path, pattern)) {
      s_.parties.push_back(std::move(party));
      return;
    }
    if (auto id = string_key(n, path, pattern, "id")) {
      party.id = *id;
      party_id_locations_.back() = n.find("id")->location;
      if (const int first = s_.party_index(*id); first >= 0)
        error(*n.find("id"), child_path(path, "id"),
              "duplicate party id " + in_quotes(*id) + " (first at line " +
                  std::to_string(party_id_locations_[static_cast<std::size_t>(first)].line) + ")");
    }
    else if (const YamlNode* raw = n.find("id"); raw && raw->is_scalar())
      party.id = raw->scalar;  // reported already; keeping it spares errors on every reference to it
    party.name = string_key(n, path, pattern, "name").value_or(party.id);
    if (auto role = string_key(n, path, pattern, "role")) {
      if (*role == "mediator") party.role = Role::mediator;
      else if (*role == "guarantor") party.role = Role::guarantor;
      else if (*role == "observer") party.role = Role::observer;
    }
    party.veto = boolean_key(n, path, pattern, "veto").value_or(party.role == Role::belligerent);
    party.discount = number_key(n, path, pattern, "discount").value_or(1.0);
    party.cost = number_key(n, path, pattern, "cost").value_or(0.0);
    party.reservation = number_key(n, path, pattern, "reservation").value_or(0.0);
    const bool normalize = boolean_key(n, path, pattern, "normalize").value_or(false);
    if (const YamlNode* weights = n.find("weights"))
      read_weights(*weights, child_path(path, "weights"), normalize, party);
    read_values(n, path, party);
    if (const YamlNode* belief = n.find("belief")) pending_beliefs_.emplace_back(index, belief);
    read_strategy(n, path, party);
    if (const YamlNode* proposal = n.find("proposal")) {
      if (auto terms = read_terms(*proposal, child_path(path, "proposal"), "parties[].proposal", s_.status_quo()))
        party.proposal = std::move(*terms);
    } else if (party.strategy.name == "plan") {
      error(n, child_path(path, "proposal"), "strategy 'plan' tables a package: missing required key 'proposal'");
    }
    s_.parties.push_back(std::move(party));
  }

  /// A valuation for an issue the party gives no value: flat 0 (indifference). Only reached for
  /// issues of zero weight, where it does not change the utility.
  static void set_indifferent(IssueValuation& v, const Issue& issue) {
    v.curve = PiecewiseLinear({{issue.lo, 0.0}, {issue.hi, 0.0}});
    v.level_values.assign(issue.levels.size(), 0.0);
    v.clause_values.assign(issue.clauses.size(), 0.0);
  }

  void read_weights(const YamlNode& n, const std::string& path, bool normalize, Party& party) {
    if (!check_map(n, path, "parties[].weights", {}, true)) return;
    const KeySpec& spec = schema_key("parties[].weights.<issue>");
    double sum = 0.0;
    bool ok = true;
    for (const auto& [key, value] : n.entries) {
      if (!key.is_scalar()) continue;
      const std::string p = child_path(path, key.scalar);
      const int k = issue_reference(key, p);
      const auto w = read_number(value, p, spec);
      if (k < 0 || !w) {
        ok = false;
        continue;
      }
      party.weights[static_cast<std::size_t>(k)] = *w;
      sum += *w;
    }
    if (!ok) return;
    if (!(sum > 0.0)) {
      error(n, path, "the weights sum to 0; at least one issue must matter");
      return;
    }
    if (normalize) {
      for (double& w : party.weights) w /= sum;
    } else if (std::abs(sum - 1.0) > kSumTolerance) {
      error(n, path, "the weights sum to " + sum_text(sum) +
                         ", not 1 (fix them, or set 'normalize: true' to rescale)");
    }
  }

  void read_values(const YamlNode& party_node, const std::string& party_path, Party& party) {
    const YamlNode* values = party_node.find("values");
    const std::string path = child_path(party_path, "values");
    std::vector<bool> given(s_.issues.size(), false);
    if (values && check_map(*values, path, "parties[].values", {}, true)) {
      for (const auto& [key, value] : values->entries) {
        if (!key.is_scalar()) continue;
        const std::string p = child_path(path, key.scalar);
        const int k = issue_reference(key, p);
        if (k < 0) continue;
        const auto ku = static_cast<std::size_t>(k);
        given[ku] = true;
        if (issues_state_[ku].kind_known) read_valuation(value, p, s_.issues[ku], party.values[ku]);
      }
    }
    for (std::size_t k = 0; k < s_.issues.size(); ++k) {
      if (given[k] || party.weights[k] <= 0.0 || !issues_state_[k].kind_known) continue;
      error(values ? *values : party_node, child_path(path, s_.issues[k].id),
            "missing value for issue " + in_quotes(s_.issues[k].id) + ", which has weight " +
                format_shortest(party.weights[k]));
    }
  }

  void read_valuation(const YamlNode& n, const std::string& path, const Issue& issue, IssueValuation& v) {
    switch (issue.kind) {
      case IssueKind::continuous:
        if (n.is_scalar() && n.scalar == "increasing") {
          v.curve = PiecewiseLinear::increasing(issue.lo, issue.hi);
        } else if (n.is_scalar() && n.scalar == "decreasing") {
          v.curve = PiecewiseLinear::decreasing(issue.lo, issue.hi);
        } else if (n.is_map()) {
          if (check_map(n, path, "parties[].values.<issue>", "continuous"))
            if (const YamlNode* points = n.find("points")) read_points(*points, child_path(path, "points"), issue, v);
        } else {
          error(n, path, "expected increasing, decreasing or {points: [[x, v], ...]} for continuous issue " +
                             in_quotes(issue.id) + ", got " + n.describe());
        }
        return;
      case IssueKind::ordinal: {
        if (!n.is_map()) {
          error(n, path, "expected a map level -> value for ordinal issue " + in_quotes(issue.id) + ", got " +
                             n.describe());
          return;
        }
        check_unique_keys(n, path);
        const KeySpec& spec = schema_key("parties[].values.<issue>.<level>");
        std::vector<bool> given(issue.levels.size(), false);
        for (const auto& [key, value] : n.entries) {
          if (!key.is_scalar()) continue;
          const std::string p = child_path(path, key.scalar);
          const int level = issue.level_index(key.scalar);
          if (level < 0) {
            error(key, p, "unknown level " + in_quotes(key.scalar) + " of issue " + in_quotes(issue.id) + " (levels: " +
                              join_words(issue.levels) + ")" + did_you_mean(key.scalar, issue.levels));
            continue;
          }
          given[static_cast<std::size_t>(level)] = true;
          if (auto x = read_number(value, p, spec)) v.level_values[static_cast<std::size_t>(level)] = *x;
        }
        for (std::size_t j = 0; j < issue.levels.size(); ++j)
          if (!given[j])
            error(n, child_path(path, issue.levels[j]),
                  "missing value for level " + in_quotes(issue.levels[j]) + " (every level needs one)");
        return;
      }
      case IssueKind::clauses: {
        if (!n.is_map()) {
          error(n, path, "expected a map clause -> value for clauses issue " + in_quotes(issue.id) + ", got " +
                             n.describe());
          return;
        }
        check_unique_keys(n, path);
        const KeySpec& spec = schema_key("parties[].values.<issue>.<clause>");
        for (const auto& [key, value] : n.entries) {
          if (!key.is_scalar()) continue;
          const std::string p = child_path(path, key.scalar);
          const int c = issue.clause_index(key.scalar);
          if (c < 0) {
            error(key, p, unknown_clause_message(key, issue));
            continue;
          }
          if (auto x = read_number(value, p, spec)) v.clause_values[static_cast<std::size_t>(c)] = *x;
        }
        return;
      }
    }
  }

  void read_points(const YamlNode& n, const std::string& path, const Issue& issue, IssueValuation& v) {
    if (!n.is_sequence()) {
      error(n, path, "expected a list of [x, v] pairs, got " + n.describe());
      return;
    }
    if (n.items.size() < 2) {
      error(n, path, "needs at least two points, from lo to hi");
      return;
    }
    std::vector<std::pair<double, double>> points;
    bool ok = true;
    for (std::size_t j = 0; j < n.items.size(); ++j) {
      const YamlNode& item = n.items[j];
      const std::string p = item_path(path, j);
      std::optional<double> x, value;
      if (item.is_sequence() && item.items.size() == 2) {
        x = scalar_number(item.items[0]);
        value = scalar_number(item.items[1]);
      }
      if (!x || !value) {
        error(item, p, "expected a pair [x, v] of numbers, got " + item.describe());
        ok = false;
        continue;
      }
      if (*value < 0.0 || *value > 1.0) {
        error(item.items[1], item_path(p, 1), "a value must be in [0, 1], got " + format_shortest(*value));
        ok = false;
      }
      if (!points.empty() && !(*x > points.back().first)) {
        error(item.items[0], item_path(p, 0),
              "x must increase strictly: " + format_shortest(*x) + " follows " + format_shortest(points.back().first));
        ok = false;
      }
      points.emplace_back(*x, *value);
    }
    if (!ok) return;
    if (points.front().first != issue.lo || points.back().first != issue.hi) {
      error(n, path, "the points must run from lo to hi of issue " + in_quotes(issue.id) + " ([" +
                         format_shortest(issue.lo) + ", " + format_shortest(issue.hi) + "]), got [" +
                         format_shortest(points.front().first) + ", " + format_shortest(points.back().first) + "]");
      return;
    }
    v.curve = PiecewiseLinear(std::move(points));
  }

  void read_belief(const YamlNode& n, const std::string& path, BeliefSpec& belief) {
    const std::string pattern = "parties[].belief";
    if (!check_map(n, path, pattern)) return;
    if (!s_.battlefield) {
      error(n, path, "a belief about the battlefield advantage needs a battlefield, and this scenario has none");
      return;
    }
    const YamlNode* offset = n.find("offset");
    const YamlNode* offsets = n.find("offsets");
    const YamlNode* prior = n.find("prior");
    if (offset && (offsets || prior)) {
      error(n, path, "give either 'offset' (a point belief) or 'offsets' with 'prior', not both");
      return;
    }
    if (offset) {
      if (auto a = number_key(n, path, pattern, "offset")) belief = BeliefSpec{{*a}, {1.0}};
      return;
    }
    if (!offsets || !prior) {
      error(n, child_path(path, offsets ? "prior" : "offsets"),
            offsets || prior ? "missing required key " + in_quotes(offsets ? "prior" : "offsets") +
                                   " ('offsets' and 'prior' go together)"
                             : "missing required key 'offset' (or 'offsets' with 'prior')");
      return;
    }
    const KeySpec& offset_spec = schema_key("parties[].belief.offset");
    NumericRange probability{0.0, 1.0, false, false};
    KeySpec prior_spec;
    prior_spec.range = probability;
    const auto a = number_list(*offsets, child_path(path, "offsets"), offset_spec);
    const auto p = number_list(*prior, child_path(path, "prior"), prior_spec);
    if (!a || !p) return;
    if (a->size() != p->size() || a->empty()) {
      error(*prior, child_path(path, "prior"),
            "needs one probability per offset: " + std::to_string(a->size()) + " offsets, " +
                std::to_string(p->size()) + " probabilities");
      return;
    }
    double sum = 0.0;
    for (double x : *p) sum += x;
    if (std::abs(sum - 1.0) > kSumTolerance) {
      error(*prior, child_path(path, "prior"), "the probabilities sum to " + sum_text(sum) + ", not 1");
      return;
    }
    belief = BeliefSpec{*a, *p};
  }

  std::optional<std::vector<double>> number_list(const YamlNode& n, const std::string& path, const KeySpec& spec) {
    if (!n.is_sequence()) {
      error(n, path, "expected a list of numbers, got " + n.describe());
      return std::nullopt;
    }
    std::vector<double> out;
    bool ok = true;
    for (std::size_t j = 0; j < n.items.size(); ++j) {
      if (auto x = read_number(n.items[j], item_path(path, j), spec)) out.push_back(*x);
      else ok = false;
    }
    if (!ok) return std::nullopt;
    return out;
  }

  static std::string default_strategy(const Party& party) {
    switch (party.role) {
      case Role::belligerent: return "linear";
      case Role::mediator: return "plan";
      case Role::guarantor:
      case Role::observer: break;
    }
    return "none";
  }

  void read_strategy(const YamlNode& party_node, const std::string& party_path, Party& party) {
    const std::string path = child_path(party_path, "strategy");
    const YamlNode* n = party_node.find("strategy");
    std::string name = default_strategy(party);
    const YamlNode* name_node = n;
    std::vector<const std::pair<YamlNode, YamlNode>*> params;
    if (n) {
      if (n->is_scalar()) {
        name = n->scalar;
      } else if (n->is_map()) {
        if (!check_map(*n, path, "parties[].strategy", {}, true)) return;
        if (const YamlNode* explicit_name = n->find("name")) {
          name_node = explicit_name;
          if (!explicit_name->is_scalar()) {
            error(*explicit_name, child_path(path, "name"),
                  "expected a strategy name, got " + explicit_name->describe());
            return;
          }
          name = explicit_name->scalar;
        }
        for (const auto& entry : n->entries)
          if (entry.first.is_scalar() && entry.first.scalar != "name") params.push_back(&entry);
      } else {
        error(*n, path, "expected a strategy name or a map {name: ..., <param>: ...}, got " + n->describe());
        return;
      }
    }
    party.strategy = StrategySpec{name, {}};
    const std::string name_path = n && n->is_map() && n->find("name") ? child_path(path, "name") : path;
    if (name == "none") {
      if (party.role == Role::belligerent || party.role == Role::mediator)
        error(name_node ? name_node->location : party_node.location, name_path,
              "strategy 'none' never proposes, which only guarantors and observers may do; " +
                  in_quotes(party.id) + " has role " + to_string(party.role));
      if (!params.empty()) error(params.front()->first, child_path(path, params.front()->first.scalar),
                                 "strategy 'none' has no parameters");
      return;
    }
    const StrategyInfo* info = find_strategy(name);
    if (!info) {
      std::vector<std::string> names;
      for (const auto& s : strategy_catalog()) names.push_back(s.name);
      error(name_node ? name_node->location : party_node.location, name_path,
            "unknown strategy " + in_quotes(name) + did_you_mean(name, names) + "; the strategies are: " +
                join_words(names) + ", none");
      return;
    }
    const bool fits = party.role == Role::mediator ? info->for_mediators : info->for_belligerents;
    if (!fits)
      error(name_node ? name_node->location : party_node.location, name_path,
            "strategy " + in_quotes(name) + " is for " + (info->for_mediators ? "mediators" : "belligerents") +
                ", and " + in_quotes(party.id) + " has role " + to_string(party.role));
    for (const auto& param : info->params) party.strategy.params[param.name] = param.default_value;
    for (const auto* entry : params) {
      const std::string& key = entry->first.scalar;
      const std::string p = child_path(path, key);
      const auto it = std::find_if(info->params.begin(), info->params.end(),
                                   [&](const StrategyParam& sp) { return sp.name == key; });
      if (it == info->params.end()) {
        std::vector<std::string> names;
        for (const auto& sp : info->params) names.push_back(sp.name);
        error(entry->first, p, "unknown key " + in_quotes(key) + ": strategy " + in_quotes(name) +
                                   (names.empty() ? " has no parameters" : " has parameters " + join_words(names)) +
                                   did_you_mean(key, names));
        continue;
      }
      KeySpec spec;
      spec.range = NumericRange{it->lo, it->hi, false, false};
      if (auto x = read_number(entry->second, p, spec)) party.strategy.params[key] = *x;
    }
  }

  void check_veto_count(const YamlNode& parties) {
    std::vector<std::string> veto;
    for (const auto& p : s_.parties)
      if (p.veto) veto.push_back(p.id.empty() ? "?" : p.id);
    if (veto.size() < 2)
      error(parties, "parties",
            "a negotiation needs at least two parties with a veto, and this one has " + std::to_string(veto.size()) +
                (veto.empty() ? "" : " (" + join_words(veto) + ")"));
  }

  /// The party a scalar names, or -1 after reporting an unknown reference.
  int party_reference(const YamlNode& n, const std::string& path) {
    if (!n.is_scalar()) {
      error(n, path, "expected a party id, got " + n.describe());
      return -1;
    }
    const int i = s_.party_index(n.scalar);
    if (i < 0) {
      std::vector<std::string> ids;
      for (const auto& p : s_.parties) ids.push_back(p.id);
      error(n, path, "unknown party " + in_quotes(n.scalar) + did_you_mean(n.scalar, ids));
    }
    return i;
  }

  // --- battlefield ----------------------------------------------------------------------------

  void read_battlefield(const YamlNode& n) {
    const std::string path = "battlefield";
    if (!check_map(n, path, path)) return;
    BattlefieldParams bf;
    int a = -1, b = -1;
    if (const YamlNode* side = n.find("side_a")) a = party_reference(*side, "battlefield.side_a");
    if (const YamlNode* side = n.find("side_b")) b = party_reference(*side, "battlefield.side_b");
    if (a >= 0 && a == b) {
      error(*n.find("side_b"), "battlefield.side_b", "side_b must differ from side_a");
    }
    if (a >= 0) bf.side_a = s_.parties[static_cast<std::size_t>(a)].id;
    if (b >= 0) bf.side_b = s_.parties[static_cast<std::size_t>(b)].id;

    const auto states = integer_key(n, path, path, "states");
    const auto start = integer_key(n, path, path, "start");
    const auto collapse_a = integer_key(n, path, path, "collapse_a");
    auto collapse_b = integer_key(n, path, path, "collapse_b");
    const auto tempo = number_key(n, path, path, "tempo");
    if (!n.find("collapse_b") && states) collapse_b = states;
    if (states && collapse_b && *collapse_b > *states) {
      error(*n.find("collapse_b"), "battlefield.collapse_b",
            "collapse_b (" + std::to_string(*collapse_b) + ") exceeds states (" + std::to_string(*states) + ")");
    }
    if (collapse_a && collapse_b && !(*collapse_a < *collapse_b - 1)) {
      const YamlNode& at = n.find("collapse_a") ? *n.find("collapse_a") : *n.find("collapse_b");
      error(at, n.find("collapse_a") ? "battlefield.collapse_a" : "battlefield.collapse_b",
            "the thresholds cross: collapse_a (" + std::to_string(*collapse_a) + ") must be below collapse_b - 1 (" +
                std::to_string(*collapse_b - 1) + ") to leave an interior state");
    } else if (start && collapse_a && collapse_b && !(*collapse_a < *start && *start < *collapse_b)) {
      error(*n.find("start"), "battlefield.start",
            "start (" + std::to_string(*start) + ") must lie strictly between collapse_a (" +
                std::to_string(*collapse_a) + ") and collapse_b (" + std::to_string(*collapse_b) + ")");
    }
    if (const YamlNode* advantage = n.find("advantage")) {
      if (auto schedule = read_advantage(*advantage)) bf.advantage = *schedule;
    }
    if (const YamlNode* offensive = n.find("offensive")) {
      const std::string p = "battlefield.offensive";
      if (check_map(*offensive, p, p)) {
        const auto probability = number_key(*offensive, p, p, "probability");
        const auto size = integer_key(*offensive, p, p, "size");
        if (probability && size) {
          bf.offensive_probability = *probability;
          bf.offensive_size = static_cast<int>(*size);
        }
      }
    }
    if (states) bf.states = static_cast<int>(*states);
    if (start) bf.start = static_cast<int>(*start);
    if (collapse_a) bf.collapse_a = static_cast<int>(*collapse_a);
    if (collapse_b) bf.collapse_b = static_cast<int>(*collapse_b);
    if (tempo) bf.tempo = *tempo;
    s_.battlefield = bf;
  }

  std::optional<AdvantageSchedule> read_advantage(const YamlNode& n) {
    const std::string path = "battlefield.advantage";
    AdvantageSchedule schedule;
    if (n.is_scalar()) {
      const auto a = read_number(n, path, schema_key(path));
      if (!a) return std::nullopt;
      schedule.a0 = *a;
      return schedule;
    }
    if (!n.is_map()) {
      error(n, path, "expected a number in [-1, 1] or a schedule map {kind: ...}, got " + n.describe());
      return std::nullopt;
    }
    std::optional<std::string> kind;
    if (const YamlNode* k = n.find("kind"))
      kind = read_string(*k, child_path(path, "kind"), schema_key(path + ".kind"));
    if (!check_map(n, path, path, kind.value_or(""))) return std::nullopt;
    if (!kind) return std::nullopt;
    bool ok = true;
    auto get = [&](std::string_view key, double& out) {
      if (auto x = number_key(n, path, path, key)) out = *x;
      else ok = false;
    };
    if (*kind == "constant") {
      schedule.kind = AdvantageSchedule::Kind::constant;
      get("value", schedule.a0);
    } else if (*kind == "linear") {
      schedule.kind = AdvantageSchedule::Kind::linear;
      get("from", schedule.a0);
      get("to", schedule.a1);
      get("start", schedule.t0);
      if (const YamlNode* end = n.find("end")) {
        if (auto x = read_number(*end, path + ".end", schema_key(path + ".end"))) {
          schedule.t1 = *x;
          if (ok && !(schedule.t1 > schedule.t0)) {
            error(*end, path + ".end",
                  "end (" + format_shortest(schedule.t1) + ") must come after start (" + format_shortest(schedule.t0) +
                      ")");
            ok = false;
          }
        } else {
          ok = false;
        }
      } else {
        ok = false;
      }
    } else if (*kind == "exponential") {
      schedule.kind = AdvantageSchedule::Kind::exponential;
      get("from", schedule.a0);
      get("limit", schedule.a_inf);
      get("half_life", schedule.half_life);
    } else {
      schedule.kind = AdvantageSchedule::Kind::steps;
      get("from", schedule.a0);
      const YamlNode* steps = list_key(n, path, "steps");
      if (!steps) return std::nullopt;
      const std::string sp = path + ".steps";
      if (steps->items.empty()) {
        error(*steps, sp, "needs at least one step");
        ok = false;
      }
      for (std::size_t j = 0; j < steps->items.size(); ++j) {
        const YamlNode& item = steps->items[j];
        const std::string ip = item_path(sp, j);
        if (!check_map(item, ip, sp + "[]")) {
          ok = false;
          continue;
        }
        const auto period = integer_key(item, ip, sp + "[]", "period");
        const auto value = number_key(item, ip, sp + "[]", "value");
        if (!period || !value) {
          ok = false;
          continue;
        }
        if (!schedule.steps.empty() && *period <= schedule.steps.back().first) {
          error(*item.find("period"), child_path(ip, "period"),
                "step periods must increase strictly: " + std::to_string(*period) + " follows " +
                    std::to_string(schedule.steps.back().first));
          ok = false;
          continue;
        }
        schedule.steps.emplace_back(static_cast<int>(*period), *value);
      }
    }
    if (!ok) return std::nullopt;
    return schedule;
  }

  void read_collapse_terms(const YamlNode& n) {
    const BattlefieldParams& bf = *s_.battlefield;
    s_.collapse_a_terms = s_.frozen(bf.collapse_a);
    s_.collapse_b_terms = s_.frozen(bf.collapse_b);
    for (const char* key : {"collapse_a_terms", "collapse_b_terms"}) {
      const YamlNode* terms = n.find(key);
      if (!terms) continue;
      const std::string p = child_path("battlefield", key);
      Agreement& target = std::string_view(key) == "collapse_a_terms" ? s_.collapse_a_terms : s_.collapse_b_terms;
      // Listed issues are set; the rest keep frozen(collapse state): an issue linked to the
      // front that the terms leave out sits where the front ended, not at its status quo
      // (the collapsed side cannot keep a line the front has overrun).
      if (auto x = read_terms(*terms, p, p, target)) target = std::move(*x);
    }
  }

  // --- protocol -------------------------------------------------------------------------------

  void read_protocol(const YamlNode* n) {
    const std::string path = "protocol";
    ProtocolParams& protocol = s_.protocol;
    std::optional<std::string> kind = "alternating";
    if (n) {
      if (!check_map(*n, path, path)) return;
      if (const YamlNode* k = n->find("kind")) kind = read_string(*k, "protocol.kind", schema_key("protocol.kind"));
    }
    if (kind == "random") protocol.kind = ProtocolParams::Kind::random;
    else if (kind == "mediated") protocol.kind = ProtocolParams::Kind::mediated;

    // Order: explicit, or the veto belligerents (all veto parties if none is a belligerent).
    const YamlNode* order = n ? list_key(*n, path, "order") : nullptr;
    if (order) {
      if (order->items.empty()) error(*order, "protocol.order", "needs at least one party");
      for (std::size_t j = 0; j < order->items.size(); ++j) {
        const std::string p = item_path("protocol.order", j);
        const int i = party_reference(order->items[j], p);
        if (i < 0) continue;
        const auto iu = static_cast<std::size_t>(i);
        if (!s_.parties[iu].veto) {
          error(order->items[j], p,
                "party " + in_quotes(s_.parties[iu].id) + " has no veto; the order lists veto parties");
        } else if (std::find(protocol.order.begin(), protocol.order.end(), iu) != protocol.order.end()) {
          error(order->items[j], p, "party " + in_quotes(s_.parties[iu].id) + " is listed twice");
        } else {
          protocol.order.push_back(iu);
        }
      }
    } else {
      for (std::size_t i = 0; i < s_.parties.size(); ++i)
        if (s_.parties[i].veto && s_.parties[i].role == Role::belligerent) protocol.order.push_back(i);
      if (protocol.order.empty())
        for (std::size_t i = 0; i < s_.parties.size(); ++i)
          if (s_.parties[i].veto) protocol.order.push_back(i);
    }

    protocol.recognition.assign(s_.parties.size(), 0.0);
    const YamlNode* recognition = n ? n->find("recognition") : nullptr;
    if (recognition) {
      read_recognition(*recognition);
    } else {
      for (std::size_t i : protocol.order) protocol.recognition[i] = 1.0 / static_cast<double>(protocol.order.size());
    }

    const YamlNode* mediator = n ? n->find("mediator") : nullptr;
    if (mediator) {
      const int i = party_reference(*mediator, "protocol.mediator");
      if (i >= 0) {
        const auto iu = static_cast<std::size_t>(i);
        if (s_.parties[iu].role != Role::mediator)
          error(*mediator, "protocol.mediator",
                "party " + in_quotes(s_.parties[iu].id) + " has role " + to_string(s_.parties[iu].role) +
                    "; the mediator must have role mediator");
        else
          protocol.mediator = iu;
      }
    } else if (protocol.kind == ProtocolParams::Kind::mediated) {
      error(n ? *n : doc_.root, "protocol.mediator",
            "a mediated protocol needs a mediator: missing required key 'mediator'");
    }
    if (n) {
      protocol.counter = boolean_key(*n, path, path, "counter").value_or(true);
      protocol.every = static_cast<int>(integer_key(*n, path, path, "every").value_or(1));
      if (const YamlNode* periods = list_key(*n, path, "periods")) read_periods(*periods);
    }
  }

  void read_recognition(const YamlNode& n) {
    const std::string path = "protocol.recognition";
    if (!check_map(n, path, path, {}, true)) return;
    const KeySpec& spec = schema_key("protocol.recognition.<party>");
    double sum = 0.0;
    bool ok = true;
    for (const auto& [key, value] : n.entries) {
      if (!key.is_scalar()) continue;
      const std::string p = child_path(path, key.scalar);
      const int i = party_reference(key, p);
      const auto x = read_number(value, p, spec);
      if (i < 0 || !x) {
        ok = false;
        continue;
      }
      const auto iu = static_cast<std::size_t>(i);
      if (std::find(s_.protocol.order.begin(), s_.protocol.order.end(), iu) == s_.protocol.order.end()) {
        error(key, p, "party " + in_quotes(key.scalar) + " is not in protocol.order, so it cannot be recognised");
        ok = false;
        continue;
      }
      s_.protocol.recognition[iu] = *x;
      sum += *x;
    }
    if (ok && std::abs(sum - 1.0) > kSumTolerance)
      error(n, path, "the recognition probabilities sum to " + sum_text(sum) + ", not 1");
  }

  void read_periods(const YamlNode& n) {
    const std::string path = "protocol.periods";
    KeySpec spec;
    spec.range = NumericRange{0.0, static_cast<double>(s_.horizon), false, true};
    for (std::size_t j = 0; j < n.items.size(); ++j) {
      const std::string p = item_path(path, j);
      const auto t = read_integer(n.items[j], p, spec);
      if (!t) continue;
      if (!s_.protocol.periods.empty() && *t <= s_.protocol.periods.back()) {
        error(n.items[j], p, "periods must increase strictly: " + std::to_string(*t) + " follows " +
                                 std::to_string(s_.protocol.periods.back()));
        continue;
      }
      s_.protocol.periods.push_back(static_cast<int>(*t));
    }
    if (n.items.empty()) error(n, path, "needs at least one period (or leave it out to use 'every')");
  }

  const ScenarioDocument& doc_;
  std::vector<Diagnostic> errors_;
  Scenario s_;
  std::vector<IssueState> issues_state_;
  std::vector<SourceLocation> linked_locations_;
  std::map<std::string, std::pair<std::string, SourceLocation>> clause_owner_;  ///< clause id -> issue id, where
  std::vector<std::string> party_paths_;
  std::vector<SourceLocation> party_id_locations_;
  std::vector<std::pair<std::size_t, const YamlNode*>> pending_beliefs_;
};

}  // namespace

Scenario build_scenario(const ScenarioDocument& document) { return Builder(document).build(); }

Scenario load_scenario(std::string_view path_or_name, const std::vector<std::string>& overrides) {
  ScenarioDocument doc = parse_scenario_argument(path_or_name);
  std::vector<Diagnostic> errors;
  for (const auto& assignment : overrides) {
    try {
      apply_override(doc, assignment);
    } catch (const ScenarioError& e) {
      errors.insert(errors.end(), e.diagnostics().begin(), e.diagnostics().end());
    }
  }
  if (!errors.empty()) throw ScenarioError(std::move(errors));
  return build_scenario(doc);
}

}  // namespace parley::io
