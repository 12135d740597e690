// The durability section of a scenario (DESIGN 1.10): the base breakdown hazard of a
// settlement, the battlefield of a war renewed after a breakdown, and the terms of an agreement
// (levels of ordinal issues, clauses of clauses issues) that change the peace it makes.

#include "scenario_build.hpp"

#include "parley/io/format/spelling_suggestion.hpp"
#include "parley/io/format/word_list.hpp"
#include "parley/io/scenario/key_path.hpp"

namespace parley::io::loader {

namespace {

/// `durability.renewed_war`: the tempo and advantage schedule of a renewed war. Keys left out
/// stay unset, so that the renewed war takes the battlefield's (renewed_battlefield).
void read_durability_renewed_war(ScenarioBuild& b, const YamlNode& n, DurabilityParams& d) {
  const std::string path = "durability.renewed_war";
  if (!b.reader.check_map(n, path, path)) return;
  if (n.find("tempo"))
    if (auto tempo = b.reader.number_key(n, path, path, "tempo")) d.renewed_tempo = *tempo;
  if (const YamlNode* advantage = n.find("advantage"))
    d.renewed_advantage = read_advantage_schedule(b, *advantage, child_path(path, "advantage"));
}

/// One term `durability.terms.<issue>.<term>`: its hazard multiplier, advantage shift and cost
/// shifts, into `term` (whose issue, level or clause the caller has set). False if any is wrong.
bool read_durability_term_values(ScenarioBuild& b, const YamlNode& n, const std::string& path,
                                 DurabilityTerm& term) {
  const std::string pattern = "durability.terms.<issue>.<term>";
  if (!b.reader.check_map(n, path, pattern)) return false;
  bool ok = true;
  if (auto mu = b.reader.number_key(n, path, pattern, "hazard"))
    term.hazard_multiplier = *mu;
  else
    ok = false;
  if (auto shift = b.reader.number_key(n, path, pattern, "advantage"))
    term.advantage_shift = *shift;
  else
    ok = false;
  const YamlNode* cost = n.find("cost");
  if (!cost) return ok;
  const std::string cost_path = child_path(path, "cost");
  const std::string cost_pattern = pattern + ".cost";
  if (!b.reader.check_map(*cost, cost_path, cost_pattern, {}, true)) return false;
  const auto costs = read_id_numbers(b, *cost, cost_path, schema_key(cost_pattern + ".<party>"), party_reference);
  if (!costs.ok) return false;
  // Sized to the parties only when some cost is given: an empty vector says "no cost shift".
  if (!costs.entries.empty()) {
    term.cost_shift.assign(b.scenario.parties.size(), 0.0);
    for (const auto& c : costs.entries) term.cost_shift[c.index] = c.value;
  }
  return ok;
}

/// `durability.terms.<issue>` for an ordinal or clauses issue: a map level id / clause id ->
/// term, appended to `d.terms` in the file's order.
void read_durability_issue_terms(ScenarioBuild& b, const YamlNode& n, const std::string& path, std::size_t k,
                                 DurabilityParams& d) {
  if (!b.reader.check_map(n, path, "durability.terms.<issue>", {}, true)) return;
  const Issue& issue = b.scenario.issues[k];
  for (const auto& [key, value] : n.entries) {
    if (!key.is_scalar()) continue;
    const std::string p = child_path(path, key.scalar);
    DurabilityTerm term;
    term.issue = k;
    if (issue.kind == IssueKind::ordinal) {
      term.level = issue.level_index(key.scalar);
      if (term.level < 0) {
        b.reader.error(key, p,
                       "unknown level " + in_quotes(key.scalar) + " of issue " + in_quotes(issue.id) + " (levels: " +
                           join_words(issue.levels) + ")" + did_you_mean(key.scalar, issue.levels));
        continue;
      }
    } else {
      term.clause = issue.clause_index(key.scalar);
      if (term.clause < 0) {
        b.reader.error(key, p, unknown_clause_message(b, key, issue));
        continue;
      }
    }
    if (read_durability_term_values(b, value, p, term)) d.terms.push_back(std::move(term));
  }
}

/// `durability.terms`: a map issue id -> that issue's terms. A continuous issue has no level or
/// clause an agreement could contain, so it cannot carry terms.
void read_durability_terms(ScenarioBuild& b, const YamlNode& n, DurabilityParams& d) {
  const std::string path = "durability.terms";
  if (!b.reader.check_map(n, path, path, {}, true)) return;
  for (const auto& [key, value] : n.entries) {
    if (!key.is_scalar()) continue;
    const std::string p = child_path(path, key.scalar);
    const int k = issue_reference(b, key, p);
    if (k < 0) continue;
    const auto ku = static_cast<std::size_t>(k);
    if (!b.issues_state[ku].kind_known) continue;  // the issue's kind was reported already
    if (b.scenario.issues[ku].kind == IssueKind::continuous) {
      b.reader.error(key, p,
                     "continuous issue " + in_quotes(key.scalar) +
                         " cannot carry durability terms; a term is a level of an ordinal issue or a clause of a "
                         "clauses issue");
      continue;
    }
    read_durability_issue_terms(b, value, p, ku, d);
  }
}

}  // namespace

void read_durability(ScenarioBuild& b, const YamlNode& n, const SourceLocation& key_at) {
  const std::string path = "durability";
  // A breakdown renews the war, which is fought on the battlefield: without one there is no
  // war to renew. The rest of the section is still checked, so every error shows at once.
  if (!b.scenario.battlefield)
    b.reader.error(key_at, path, "the durability section needs a battlefield, and this scenario has none");
  // A stochastic deadline closes the talks in the first war and in every renewed one; the
  // solver's renewed wars do not model it yet, so the two are not combined.
  if (b.scenario.protocol.closing_hazard > 0.0)
    b.reader.error(key_at, path,
                   "a durability section cannot be combined with protocol.closing_hazard > 0 (yet): leave one out");
  if (!b.reader.check_map(n, path, path)) return;
  DurabilityParams d;
  if (auto hazard = b.reader.number_key(n, path, path, "hazard")) d.base_hazard = *hazard;
  // The schema restricts the word to its two choices, so anything else was reported already.
  if (auto commitment = b.reader.string_key(n, path, path, "commitment"); commitment && *commitment == "binding")
    d.commitment = DurabilityParams::Commitment::binding;
  if (const YamlNode* war = n.find("renewed_war")) read_durability_renewed_war(b, *war, d);
  if (const YamlNode* terms = n.find("terms")) read_durability_terms(b, *terms, d);
  b.scenario.durability = std::move(d);
}

}  // namespace parley::io::loader
