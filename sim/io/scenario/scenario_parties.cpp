// The parties section of a scenario: each party's role, veto, costs, weights, valuations,
// belief and strategy.

#include "scenario_build.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "parley/agents/strategy_catalog.hpp"
#include "parley/io/format/number_format.hpp"
#include "parley/io/format/spelling_suggestion.hpp"
#include "parley/io/format/word_list.hpp"
#include "parley/io/scenario/key_path.hpp"

namespace parley::io::loader {

namespace {

/// A clause valuation is normalised by its spread, the sum of the positive values minus the sum
/// of the negative ones (DESIGN 1.2). Values that are each finite can have a spread beyond the
/// largest double (1e308 and -1e308), which made every utility NaN; that is refused here, naming
/// the valuation. (Level values are in [0, 1] by the schema, so their spread is at most 1.)
void check_clause_spread(ScenarioBuild& b, const YamlNode& n, const std::string& path,
                         const std::vector<double>& values) {
  double spread = 0.0;
  for (const double a : values) spread += std::abs(a);
  if (!std::isfinite(spread))
    b.reader.error(n, path,
                   "the values' spread (the positive values' sum minus the negative ones') must be a finite number "
                   "(below 1.8e308)");
}

/// A valuation for an issue the party gives no value: flat 0 (indifference). Only reached for
/// issues of zero weight, where it does not change the utility.
void set_indifferent(IssueValuation& v, const Issue& issue) {
  v.curve = PiecewiseLinear({{issue.lo, 0.0}, {issue.hi, 0.0}});
  v.level_values.assign(issue.levels.size(), 0.0);
  v.clause_values.assign(issue.clauses.size(), 0.0);
}

/// `weights`: issue id -> w >= 0, summing to 1 within kSumTolerance, or rescaled to sum 1 with
/// `normalize` (the additive utility u = sum_k w_k v_k(x_k) needs sum_k w_k = 1 to lie in [0, 1]).
void read_weights(ScenarioBuild& b, const YamlNode& n, const std::string& path, bool normalize, Party& party) {
  if (!b.reader.check_map(n, path, "parties[].weights", {}, true)) return;
  const auto weights = read_id_numbers(b, n, path, schema_key("parties[].weights.<issue>"), issue_reference);
  // The weights read are kept even when others are wrong: read_values asks a value of every
  // issue that has weight, and would otherwise report fewer of them.
  double sum = 0.0;
  for (const auto& w : weights.entries) {
    party.weights[w.index] = w.value;
    sum += w.value;
  }
  if (!weights.ok) return;
  if (!(sum > 0.0)) {
    b.reader.error(n, path, "the weights sum to 0; at least one issue must matter");
    return;
  }
  if (normalize) {
    for (double& w : party.weights) w /= sum;
  } else if (std::abs(sum - 1.0) > kSumTolerance) {
    b.reader.error(n, path,
                   "the weights sum to " + sum_text(sum) + ", not 1 (fix them, or set 'normalize: true' to rescale)");
  }
}

/// `points: [[x, v], ...]` of a continuous valuation: x strictly increasing from lo to hi of the
/// issue, v in [0, 1]; the valuation is the piecewise-linear curve through them.
void read_points(ScenarioBuild& b, const YamlNode& n, const std::string& path, const Issue& issue, IssueValuation& v) {
  if (!n.is_sequence()) {
    b.reader.error(n, path, "expected a list of [x, v] pairs, got " + n.describe());
    return;
  }
  if (n.items.size() < 2) {
    b.reader.error(n, path, "needs at least two points, from lo to hi");
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
      b.reader.error(item, p, "expected a pair [x, v] of numbers, got " + item.describe());
      ok = false;
      continue;
    }
    if (*value < 0.0 || *value > 1.0) {
      b.reader.error(item.items[1], item_path(p, 1), "a value must be in [0, 1], got " + format_shortest(*value));
      ok = false;
    }
    if (!points.empty() && !(*x > points.back().first)) {
      b.reader.error(
          item.items[0], item_path(p, 0),
          "x must increase strictly: " + format_shortest(*x) + " follows " + format_shortest(points.back().first));
      ok = false;
    }
    points.emplace_back(*x, *value);
  }
  if (!ok) return;
  if (points.front().first != issue.lo || points.back().first != issue.hi) {
    b.reader.error(n, path,
                   "the points must run from lo to hi of issue " + in_quotes(issue.id) + " ([" +
                       format_shortest(issue.lo) + ", " + format_shortest(issue.hi) + "]), got [" +
                       format_shortest(points.front().first) + ", " + format_shortest(points.back().first) + "]");
    return;
  }
  v.curve = PiecewiseLinear(std::move(points));
}

/// One issue's valuation v_k: a curve (continuous), a value per level (ordinal, every level) or
/// a value per clause (clauses, additive over the clauses agreed).
void read_valuation(ScenarioBuild& b, const YamlNode& n, const std::string& path, const Issue& issue,
                    IssueValuation& v) {
  switch (issue.kind) {
    case IssueKind::continuous:
      if (n.is_scalar() && n.scalar == "increasing") {
        v.curve = PiecewiseLinear::increasing(issue.lo, issue.hi);
      } else if (n.is_scalar() && n.scalar == "decreasing") {
        v.curve = PiecewiseLinear::decreasing(issue.lo, issue.hi);
      } else if (n.is_map()) {
        if (b.reader.check_map(n, path, "parties[].values.<issue>", "continuous"))
          if (const YamlNode* points = n.find("points")) read_points(b, *points, child_path(path, "points"), issue, v);
      } else {
        b.reader.error(n, path,
                       "expected increasing, decreasing or {points: [[x, v], ...]} for continuous issue " +
                           in_quotes(issue.id) + ", got " + n.describe());
      }
      return;
    case IssueKind::ordinal: {
      if (!n.is_map()) {
        b.reader.error(
            n, path,
            "expected a map level -> value for ordinal issue " + in_quotes(issue.id) + ", got " + n.describe());
        return;
      }
      b.reader.check_unique_keys(n, path);
      const KeySpec& spec = schema_key("parties[].values.<issue>.<level>");
      std::vector<bool> given(issue.levels.size(), false);
      for (const auto& [key, value] : n.entries) {
        if (!key.is_scalar()) continue;
        const std::string p = child_path(path, key.scalar);
        const int level = issue.level_index(key.scalar);
        if (level < 0) {
          b.reader.error(key, p,
                         "unknown level " + in_quotes(key.scalar) + " of issue " + in_quotes(issue.id) +
                             " (levels: " + join_words(issue.levels) + ")" + did_you_mean(key.scalar, issue.levels));
          continue;
        }
        given[static_cast<std::size_t>(level)] = true;
        if (auto x = b.reader.read_number(value, p, spec)) v.level_values[static_cast<std::size_t>(level)] = *x;
      }
      for (std::size_t j = 0; j < issue.levels.size(); ++j)
        if (!given[j])
          b.reader.error(n, child_path(path, issue.levels[j]),
                         "missing value for level " + in_quotes(issue.levels[j]) + " (every level needs one)");
      return;
    }
    case IssueKind::clauses: {
      if (!n.is_map()) {
        b.reader.error(
            n, path,
            "expected a map clause -> value for clauses issue " + in_quotes(issue.id) + ", got " + n.describe());
        return;
      }
      b.reader.check_unique_keys(n, path);
      const KeySpec& spec = schema_key("parties[].values.<issue>.<clause>");
      for (const auto& [key, value] : n.entries) {
        if (!key.is_scalar()) continue;
        const std::string p = child_path(path, key.scalar);
        const int c = issue.clause_index(key.scalar);
        if (c < 0) {
          b.reader.error(key, p, unknown_clause_message(b, key, issue));
          continue;
        }
        if (auto x = b.reader.read_number(value, p, spec)) v.clause_values[static_cast<std::size_t>(c)] = *x;
      }
      check_clause_spread(b, n, path, v.clause_values);
      return;
    }
  }
}

/// `values`: issue id -> valuation; every issue of positive weight needs one.
void read_values(ScenarioBuild& b, const YamlNode& party_node, const std::string& party_path, Party& party) {
  const YamlNode* values = party_node.find("values");
  const std::string path = child_path(party_path, "values");
  std::vector<bool> given(b.scenario.issues.size(), false);
  if (values && b.reader.check_map(*values, path, "parties[].values", {}, true)) {
    for (const auto& [key, value] : values->entries) {
      if (!key.is_scalar()) continue;
      const std::string p = child_path(path, key.scalar);
      const int k = issue_reference(b, key, p);
      if (k < 0) continue;
      const auto ku = static_cast<std::size_t>(k);
      given[ku] = true;
      if (b.issues_state[ku].kind_known) read_valuation(b, value, p, b.scenario.issues[ku], party.values[ku]);
    }
  }
  for (std::size_t k = 0; k < b.scenario.issues.size(); ++k) {
    if (given[k] || party.weights[k] <= 0.0 || !b.issues_state[k].kind_known) continue;
    b.reader.error(values ? *values : party_node, child_path(path, b.scenario.issues[k].id),
                   "missing value for issue " + in_quotes(b.scenario.issues[k].id) + ", which has weight " +
                       format_shortest(party.weights[k]));
  }
}

/// The strategy a party of this role uses when it names none.
std::string default_strategy(const Party& party) {
  switch (party.role) {
    case Role::belligerent: return "linear";
    case Role::mediator: return "plan";
    case Role::guarantor:
    case Role::observer: break;
  }
  return "none";
}

/// `strategy`: a name, or {name, <param>: value}; the name must be in the strategy catalog and
/// fit the role, the parameters must be the strategy's, each in its range; the others keep
/// their catalog defaults.
void read_strategy(ScenarioBuild& b, const YamlNode& party_node, const std::string& party_path, Party& party) {
  const std::string path = child_path(party_path, "strategy");
  const YamlNode* n = party_node.find("strategy");
  std::string name = default_strategy(party);
  const YamlNode* name_node = n;
  std::vector<const YamlEntry*> params;
  if (n) {
    if (n->is_scalar()) {
      name = n->scalar;
    } else if (n->is_map()) {
      if (!b.reader.check_map(*n, path, "parties[].strategy", {}, true)) return;
      if (const YamlNode* explicit_name = n->find("name")) {
        name_node = explicit_name;
        if (!explicit_name->is_scalar()) {
          b.reader.error(*explicit_name, child_path(path, "name"),
                         "expected a strategy name, got " + explicit_name->describe());
          return;
        }
        name = explicit_name->scalar;
      }
      for (const auto& entry : n->entries)
        if (entry.first.is_scalar() && entry.first.scalar != "name") params.push_back(&entry);
    } else {
      b.reader.error(*n, path, "expected a strategy name or a map {name: ..., <param>: ...}, got " + n->describe());
      return;
    }
  }
  party.strategy = StrategySpec{name, {}};
  const std::string name_path = n && n->is_map() && n->find("name") ? child_path(path, "name") : path;
  if (name == "none") {
    if (party.role == Role::belligerent || party.role == Role::mediator)
      b.reader.error(name_node ? name_node->location : party_node.location, name_path,
                     "strategy 'none' never proposes, which only guarantors and observers may do; " +
                         in_quotes(party.id) + " has role " + to_string(party.role));
    if (!params.empty())
      b.reader.error(params.front()->first, child_path(path, params.front()->first.scalar),
                     "strategy 'none' has no parameters");
    return;
  }
  const StrategyInfo* info = find_strategy(name);
  if (!info) {
    std::vector<std::string> names;
    for (const auto& s : strategy_catalog()) names.push_back(s.name);
    b.reader.error(name_node ? name_node->location : party_node.location, name_path,
                   "unknown strategy " + in_quotes(name) + did_you_mean(name, names) +
                       "; the strategies are: " + join_words(names) + ", none");
    return;
  }
  const bool fits = party.role == Role::mediator ? info->for_mediators : info->for_belligerents;
  if (!fits)
    b.reader.error(name_node ? name_node->location : party_node.location, name_path,
                   "strategy " + in_quotes(name) + " is for " + (info->for_mediators ? "mediators" : "belligerents") +
                       ", and " + in_quotes(party.id) + " has role " + to_string(party.role));
  for (const auto& param : info->params) party.strategy.params[param.name] = param.default_value;
  for (const auto* entry : params) {
    const std::string& key = entry->first.scalar;
    const std::string p = child_path(path, key);
    const auto it =
        std::find_if(info->params.begin(), info->params.end(), [&](const StrategyParam& sp) { return sp.name == key; });
    if (it == info->params.end()) {
      std::vector<std::string> names;
      for (const auto& sp : info->params) names.push_back(sp.name);
      b.reader.error(entry->first, p,
                     "unknown key " + in_quotes(key) + ": strategy " + in_quotes(name) +
                         (names.empty() ? " has no parameters" : " has parameters " + join_words(names)) +
                         did_you_mean(key, names));
      continue;
    }
    KeySpec spec;
    spec.range = NumericRange{it->lo, it->hi, false, false};
    if (auto x = b.reader.read_number(entry->second, p, spec)) party.strategy.params[key] = *x;
  }
}

/// The ids of a red line's `never` or `always` list as indices of the issue's levels or clauses,
/// or nothing after reporting (an unknown or repeated id, a level on a clauses issue...).
std::optional<std::vector<std::size_t>> red_line_ids(ScenarioBuild& b, const YamlNode& list, const std::string& path,
                                                     const Issue& issue, bool levels) {
  if (!list.is_sequence() || list.items.empty()) {
    b.reader.error(list, path, "expected a non-empty list of " + std::string(levels ? "level" : "clause") +
                                   " ids of issue " + in_quotes(issue.id) + ", got " + list.describe());
    return std::nullopt;
  }
  std::vector<std::size_t> out;
  bool ok = true;
  for (std::size_t j = 0; j < list.items.size(); ++j) {
    const YamlNode& item = list.items[j];
    const std::string p = item_path(path, j);
    int index = -1;
    if (levels) {
      index = item.is_scalar() ? issue.level_index(item.scalar) : -1;
      if (index < 0)
        b.reader.error(item, p,
                       (item.is_scalar() ? "unknown level " + in_quotes(item.scalar) : "expected a level id, got " + item.describe()) +
                           " of issue " + in_quotes(issue.id) + " (levels: " + join_words(issue.levels) + ")" +
                           (item.is_scalar() ? did_you_mean(item.scalar, issue.levels) : std::string()));
    } else {
      index = item.is_scalar() ? issue.clause_index(item.scalar) : -1;
      if (index < 0) b.reader.error(item, p, unknown_clause_message(b, item, issue));
    }
    if (index < 0) {
      ok = false;
    } else if (std::find(out.begin(), out.end(), static_cast<std::size_t>(index)) != out.end()) {
      b.reader.error(item, p, in_quotes(item.scalar) + " is listed twice");
      ok = false;
    } else {
      out.push_back(static_cast<std::size_t>(index));
    }
  }
  if (!ok) return std::nullopt;
  return out;
}

/// `parties[].red_lines` (issue 15): each entry an issue and, by its kind, the levels or clauses
/// the party never signs (`never`), the clauses it never signs without (`always`), or the bounds
/// of the amounts it signs (`at_most`, `at_least`).
void read_red_lines(ScenarioBuild& b, const YamlNode& n, const std::string& path, Party& party) {
  const std::string pattern = "parties[].red_lines[]";
  if (!n.is_sequence()) {
    b.reader.error(n, path, "expected a list of red lines ({issue, never | always | at_most | at_least}), got " +
                                n.describe());
    return;
  }
  for (std::size_t r = 0; r < n.items.size(); ++r) {
    const YamlNode& item = n.items[r];
    const std::string p = item_path(path, r);
    if (!b.reader.check_map(item, p, pattern)) continue;
    const YamlNode* issue_key = item.find("issue");
    // Missing (a required key) or not an identifier: reported by check_map and string_key.
    if (!issue_key || !b.reader.string_key(item, p, pattern, "issue")) continue;
    const int k = issue_reference(b, *issue_key, child_path(p, "issue"));
    if (k < 0) continue;
    const Issue& issue = b.scenario.issues[static_cast<std::size_t>(k)];
    RedLine line;
    line.issue = static_cast<std::size_t>(k);
    const YamlNode* never = item.find("never");
    const YamlNode* always = item.find("always");
    const bool bounds = item.find("at_most") || item.find("at_least");
    const auto misplaced = [&](const char* key, const std::string& why) {
      b.reader.error(*item.find(key), child_path(p, key), std::string(key) + " " + why + "; issue " +
                                                                in_quotes(issue.id) + " is " + to_string(issue.kind));
    };
    bool ok = true;
    if (issue.kind == IssueKind::continuous) {
      for (const char* key : {"never", "always"})
        if (item.find(key)) {
          misplaced(key, "is for an ordinal or clauses issue (a continuous one takes at_most and at_least)");
          ok = false;
        }
      KeySpec spec;
      spec.range = NumericRange{issue.lo, issue.hi, false, false};
      if (const YamlNode* x = item.find("at_most")) line.at_most = b.reader.read_number(*x, child_path(p, "at_most"), spec);
      if (const YamlNode* x = item.find("at_least"))
        line.at_least = b.reader.read_number(*x, child_path(p, "at_least"), spec);
      if ((item.find("at_most") && !line.at_most) || (item.find("at_least") && !line.at_least)) ok = false;
      if (line.at_most && line.at_least && *line.at_least > *line.at_most) {
        b.reader.error(*item.find("at_least"), child_path(p, "at_least"),
                       "at_least " + format_shortest(*line.at_least) + " is above at_most " +
                           format_shortest(*line.at_most) + ": every amount would cross the red line");
        ok = false;
      }
      if (!bounds && ok) {
        b.reader.error(item, p, "a red line on continuous issue " + in_quotes(issue.id) + " needs at_most or at_least");
        ok = false;
      }
    } else {
      for (const char* key : {"at_most", "at_least"})
        if (item.find(key)) {
          misplaced(key, "is for a continuous issue (an ordinal or clauses one takes never or always)");
          ok = false;
        }
      if (issue.kind == IssueKind::ordinal && always) {
        misplaced("always", "is for a clauses issue (an ordinal issue takes never: the levels it never agrees to)");
        ok = false;
      }
      const bool levels = issue.kind == IssueKind::ordinal;
      if (never) {
        if (auto ids = red_line_ids(b, *never, child_path(p, "never"), issue, levels))
          (levels ? line.levels : line.never) = std::move(*ids);
        else
          ok = false;
      }
      if (always && !levels) {
        if (auto ids = red_line_ids(b, *always, child_path(p, "always"), issue, false))
          line.always = std::move(*ids);
        else
          ok = false;
      }
      if (!never && !always && ok) {
        b.reader.error(item, p, "a red line on issue " + in_quotes(issue.id) + " needs never" +
                                    (levels ? "" : " or always"));
        ok = false;
      }
      if (ok && levels && line.levels.size() == issue.levels.size()) {
        b.reader.error(*never, child_path(p, "never"),
                       "every level of issue " + in_quotes(issue.id) + " is listed: no package could be signed");
        ok = false;
      }
      for (const std::size_t c : line.always)
        if (std::find(line.never.begin(), line.never.end(), c) != line.never.end()) {
          b.reader.error(*always, child_path(p, "always"),
                         "clause " + in_quotes(issue.clauses[c].id) + " is both never and always");
          ok = false;
        }
    }
    if (ok) party.red_lines.push_back(std::move(line));
  }
}

}  // namespace

void read_party(ScenarioBuild& b, const YamlNode& n, const std::string& path) {
  const std::string pattern = "parties[]";
  Party party;
  party.weights.assign(b.scenario.issues.size(), 0.0);
  party.values.resize(b.scenario.issues.size());
  for (std::size_t k = 0; k < b.scenario.issues.size(); ++k) set_indifferent(party.values[k], b.scenario.issues[k]);
  const std::size_t index = b.scenario.parties.size();
  b.party_paths.push_back(path);
  b.party_id_locations.emplace_back();
  if (!b.reader.check_map(n, path, pattern)) {
    b.scenario.parties.push_back(std::move(party));
    return;
  }
  if (auto id = b.reader.string_key(n, path, pattern, "id")) {
    party.id = *id;
    b.party_id_locations.back() = n.find("id")->location;
    if (const int first = b.scenario.party_index(*id); first >= 0)
      b.reader.error(*n.find("id"), child_path(path, "id"),
                     "duplicate party id " + in_quotes(*id) + " (first " +
                         location_text(b.party_id_locations[static_cast<std::size_t>(first)]) + ")");
  } else if (const YamlNode* raw = n.find("id"); raw && raw->is_scalar())
    party.id = raw->scalar;  // reported already; keeping it spares errors on every reference to it
  party.name = b.reader.string_key(n, path, pattern, "name").value_or(party.id);
  if (auto role = b.reader.string_key(n, path, pattern, "role")) {
    if (*role == "mediator")
      party.role = Role::mediator;
    else if (*role == "guarantor")
      party.role = Role::guarantor;
    else if (*role == "observer")
      party.role = Role::observer;
  }
  party.veto = b.reader.boolean_key(n, path, pattern, "veto").value_or(party.role == Role::belligerent);
  party.discount = b.reader.number_key(n, path, pattern, "discount").value_or(1.0);
  party.cost = b.reader.number_key(n, path, pattern, "cost").value_or(0.0);
  party.reservation = b.reader.number_key(n, path, pattern, "reservation").value_or(0.0);
  const bool normalize = b.reader.boolean_key(n, path, pattern, "normalize").value_or(false);
  if (const YamlNode* weights = n.find("weights"))
    read_weights(b, *weights, child_path(path, "weights"), normalize, party);
  read_values(b, n, path, party);
  if (const YamlNode* belief = n.find("belief")) b.pending_beliefs.emplace_back(index, belief);
  read_strategy(b, n, path, party);
  if (const YamlNode* proposal = n.find("proposal")) {
    if (auto terms =
            read_terms(b, *proposal, child_path(path, "proposal"), "parties[].proposal", b.scenario.status_quo()))
      party.proposal = std::move(*terms);
  } else if (party.strategy.name == "plan") {
    b.reader.error(n, child_path(path, "proposal"),
                   "strategy 'plan' tables a package: missing required key 'proposal'");
  }
  if (const YamlNode* lines = n.find("red_lines")) read_red_lines(b, *lines, child_path(path, "red_lines"), party);
  if (const YamlNode* pressure = n.find("pressure")) {
    // Its offensive option (issue 15); whose side it is, the battlefield says (check_pressure).
    const std::string p = child_path(path, "pressure");
    const std::string pressure_pattern = pattern + ".pressure";
    if (b.reader.check_map(*pressure, p, pressure_pattern)) {
      const auto advantage = b.reader.number_key(*pressure, p, pressure_pattern, "advantage");
      const auto cost = b.reader.number_key(*pressure, p, pressure_pattern, "cost");
      if (advantage && cost) party.pressure = Pressure{*advantage, *cost};
    }
  }
  b.scenario.parties.push_back(std::move(party));
}

void read_belief(ScenarioBuild& b, const YamlNode& n, const std::string& path, BeliefSpec& belief) {
  const std::string pattern = "parties[].belief";
  if (!b.reader.check_map(n, path, pattern)) return;
  if (!b.scenario.battlefield) {
    b.reader.error(n, path, "a belief about the battlefield advantage needs a battlefield, and this scenario has none");
    return;
  }
  const YamlNode* offset = n.find("offset");
  const YamlNode* offsets = n.find("offsets");
  const YamlNode* prior = n.find("prior");
  if (offset && (offsets || prior)) {
    b.reader.error(n, path, "give either 'offset' (a point belief) or 'offsets' with 'prior', not both");
    return;
  }
  if (offset) {
    if (auto a = b.reader.number_key(n, path, pattern, "offset")) belief = BeliefSpec{{*a}, {1.0}};
    return;
  }
  if (!offsets || !prior) {
    b.reader.error(n, child_path(path, offsets ? "prior" : "offsets"),
                   offsets || prior ? "missing required key " + in_quotes(offsets ? "prior" : "offsets") +
                                          " ('offsets' and 'prior' go together)"
                                    : "missing required key 'offset' (or 'offsets' with 'prior')");
    return;
  }
  const KeySpec& offset_spec = schema_key("parties[].belief.offset");
  NumericRange probability{0.0, 1.0, false, false};
  KeySpec prior_spec;
  prior_spec.range = probability;
  const auto a = b.reader.read_number_list(*offsets, child_path(path, "offsets"), offset_spec);
  const auto p = b.reader.read_number_list(*prior, child_path(path, "prior"), prior_spec);
  if (!a || !p) return;
  if (a->size() != p->size() || a->empty()) {
    b.reader.error(*prior, child_path(path, "prior"),
                   "needs one probability per offset: " + std::to_string(a->size()) + " offsets, " +
                       std::to_string(p->size()) + " probabilities");
    return;
  }
  double sum = 0.0;
  for (double x : *p) sum += x;
  if (std::abs(sum - 1.0) > kSumTolerance) {
    b.reader.error(*prior, child_path(path, "prior"), "the probabilities sum to " + sum_text(sum) + ", not 1");
    return;
  }
  belief = BeliefSpec{*a, *p};
}

void check_veto_count(ScenarioBuild& b, const YamlNode& parties) {
  std::vector<std::string> veto;
  for (const auto& p : b.scenario.parties)
    if (p.veto) veto.push_back(p.id.empty() ? "?" : p.id);
  if (veto.size() < 2)
    b.reader.error(parties, "parties",
                   "a negotiation needs at least two parties with a veto, and this one has " +
                       std::to_string(veto.size()) + (veto.empty() ? "" : " (" + join_words(veto) + ")"));
}

/// The party a scalar names, or -1 after reporting an unknown reference.
int party_reference(ScenarioBuild& b, const YamlNode& n, const std::string& path) {
  if (!n.is_scalar()) {
    b.reader.error(n, path, "expected a party id, got " + n.describe());
    return -1;
  }
  const int i = b.scenario.party_index(n.scalar);
  if (i < 0) {
    std::vector<std::string> ids;
    for (const auto& p : b.scenario.parties) ids.push_back(p.id);
    b.reader.error(n, path, "unknown party " + in_quotes(n.scalar) + did_you_mean(n.scalar, ids));
  }
  return i;
}

}  // namespace parley::io::loader
