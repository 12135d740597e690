// Constraints between terms (issue 15): `constraints: [{excludes: [A, B]}, {requires: [A, B]}]`,
// each term `issue.level` (an ordinal issue) or `issue.clause` (a clauses issue).
#include <stdexcept>
#include <string>
#include <vector>

#include "scenario_build.hpp"
#include "parley/agreement/admissible_packages.hpp"
#include "parley/io/format/spelling_suggestion.hpp"
#include "parley/io/format/word_list.hpp"
#include "parley/io/scenario/key_path.hpp"

namespace parley::io::loader {
namespace {

/// A term `issue.option`, or nothing after reporting.
std::optional<PackageTerm> read_term(ScenarioBuild& b, const YamlNode& n, const std::string& path) {
  const auto fail = [&](const std::string& why) {
    b.reader.error(n, path, why);
    return std::nullopt;
  };
  if (!n.is_scalar()) return fail("expected a term 'issue.level' or 'issue.clause', got " + n.describe());
  const std::string& text = n.scalar;
  const auto dot = text.find('.');
  if (dot == std::string::npos)
    return fail("expected a term 'issue.level' or 'issue.clause', got " + in_quotes(text));
  const std::string issue_id = text.substr(0, dot), option = text.substr(dot + 1);
  const int k = b.scenario.issue_index(issue_id);
  if (k < 0) {
    std::vector<std::string> ids;
    for (const auto& issue : b.scenario.issues) ids.push_back(issue.id);
    return fail("unknown issue " + in_quotes(issue_id) + " in term " + in_quotes(text) + did_you_mean(issue_id, ids));
  }
  const Issue& issue = b.scenario.issues[static_cast<std::size_t>(k)];
  PackageTerm term;
  term.issue = static_cast<std::size_t>(k);
  if (issue.kind == IssueKind::ordinal) {
    const int l = issue.level_index(option);
    if (l < 0)
      return fail("unknown level " + in_quotes(option) + " of issue " + in_quotes(issue.id) + " (levels: " +
                  join_words(issue.levels) + ")" + did_you_mean(option, issue.levels));
    term.option = static_cast<std::size_t>(l);
  } else if (issue.kind == IssueKind::clauses) {
    const int c = issue.clause_index(option);
    if (c < 0) {
      std::vector<std::string> ids;
      for (const auto& clause : issue.clauses) ids.push_back(clause.id);
      return fail("unknown clause " + in_quotes(option) + " of issue " + in_quotes(issue.id) + did_you_mean(option, ids));
    }
    term.option = static_cast<std::size_t>(c);
  } else {
    return fail("issue " + in_quotes(issue.id) + " is continuous: a constraint's terms are levels of ordinal issues "
                "or clauses (a continuous amount takes red lines: at_most, at_least)");
  }
  return term;
}

}  // namespace

void read_constraints(ScenarioBuild& b, const YamlNode& n) {
  const std::string path = "constraints";
  if (!n.is_sequence()) {
    b.reader.error(n, path, "expected a list of constraints ({excludes: [A, B]} or {requires: [A, B]}), got " +
                                n.describe());
    return;
  }
  if (n.items.size() > max_term_constraints)
    b.reader.error(n, path,
                   "at most " + std::to_string(max_term_constraints) + " constraints (each doubles the classes of "
                   "agreements the agreement space builds), got " + std::to_string(n.items.size()));
  for (std::size_t c = 0; c < n.items.size(); ++c) {
    const YamlNode& item = n.items[c];
    const std::string p = item_path(path, c);
    if (!b.reader.check_map(item, p, "constraints[]")) continue;
    const YamlNode* excludes = item.find("excludes");
    const YamlNode* requires_ = item.find("requires");
    if ((excludes != nullptr) == (requires_ != nullptr)) {
      b.reader.error(item, p, "give one of excludes: [A, B] (never both) or requires: [A, B] (A only with B)");
      continue;
    }
    const YamlNode& terms = excludes ? *excludes : *requires_;
    const std::string terms_path = child_path(p, excludes ? "excludes" : "requires");
    if (!terms.is_sequence() || terms.items.size() != 2) {
      b.reader.error(terms, terms_path, "expected two terms [A, B], got " + terms.describe());
      continue;
    }
    const auto first = read_term(b, terms.items[0], item_path(terms_path, 0));
    const auto second = read_term(b, terms.items[1], item_path(terms_path, 1));
    if (!first || !second) continue;
    if (first->issue == second->issue && first->option == second->option) {
      b.reader.error(terms, terms_path, "the two terms are the same");
      continue;
    }
    TermConstraint constraint;
    constraint.kind = excludes ? TermConstraint::Kind::excludes : TermConstraint::Kind::implies;
    constraint.first = *first;
    constraint.second = *second;
    b.scenario.constraints.push_back(constraint);
  }
}

void check_admissible_packages(ScenarioBuild& b, const YamlNode& root) {
  const Scenario& s = b.scenario;
  const auto veto = s.veto_parties();
  bool red_lines = false;
  for (const std::size_t i : veto) red_lines = red_lines || !s.parties[i].red_lines.empty();
  if ((!red_lines && s.constraints.empty()) || veto.size() < 2) return;
  // The red lines alone, issue by issue (a red line is about one issue): name the issues they
  // leave without any term, by the rule the frontier's construction uses.
  const std::vector<IssueRestriction> lines = red_line_restriction(s, veto);
  std::vector<std::string> empty;
  for (std::size_t k = 0; k < lines.size(); ++k)
    if (restriction_empties_issue(s.issues[k], lines[k])) empty.push_back(s.issues[k].id);
  if (!empty.empty()) {
    const YamlNode* parties = root.find("parties");
    b.reader.error(parties ? *parties : root, "parties",
                   "the veto parties' red lines leave no package to sign: every term of issue " + join_words(empty) +
                       " crosses one of them");
    return;
  }
  // Then the constraints' classes, each narrowed by the red lines: something can be signed iff
  // one of them leaves every issue some term (a class is a product of per-issue options), for
  // any number of veto parties and without building the agreement space.
  try {
    std::vector<std::vector<IssueRestriction>> classes = constraint_classes(s);
    if (classes.empty()) classes.emplace_back();
    for (const auto& cls : classes) {
      const std::vector<IssueRestriction> narrowed = intersect_restrictions(s, cls, lines);
      bool open = true;
      for (std::size_t k = 0; k < narrowed.size() && open; ++k)
        open = !restriction_empties_issue(s.issues[k], narrowed[k]);
      if (open) return;
    }
  } catch (const std::invalid_argument& e) {
    b.reader.error(root, "constraints", e.what());
    return;
  }
  const YamlNode* at = root.find("constraints");
  b.reader.error(at ? *at : root, s.constraints.empty() ? "parties" : "constraints",
                 std::string("the ") + (s.constraints.empty() ? "veto parties' red lines leave"
                                        : red_lines ? "constraints and the veto parties' red lines leave"
                                                    : "constraints leave") +
                     " no package to sign");
}

}  // namespace parley::io::loader
