#include "parley/model/term_constraint.hpp"

namespace parley {

bool PackageTerm::in(const Agreement& x, const Issue& on) const {
  if (on.kind == IssueKind::clauses) return x.clauses[on.clause_offset + option] != 0;
  return static_cast<std::size_t>(x.level(issue)) == option;
}

bool TermConstraint::kept_by(const Agreement& x, const std::vector<Issue>& issues) const {
  const bool a = first.in(x, issues[first.issue]);
  const bool b = second.in(x, issues[second.issue]);
  return kind == Kind::excludes ? !(a && b) : (!a || b);
}

const char* to_string(TermConstraint::Kind kind) {
  return kind == TermConstraint::Kind::excludes ? "excludes" : "requires";
}

}  // namespace parley
