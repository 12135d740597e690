#pragma once
/// \file term_constraint.hpp
/// Constraints between terms of a package (issue 15): two terms that exclude each other (no
/// 85,000-troop cap with a coalition force in the country) or one that requires another. Utility
/// is additive, so without them politically incoherent packages can be efficient; a constraint
/// takes the packages that break it out of what can be signed, for every party at once.

#include <cstddef>

#include "parley/model/agreement.hpp"
#include "parley/model/issue.hpp"

namespace parley {

/// \brief One term of a package: a level of an ordinal issue, or a clause of a clauses issue
/// (in the package).
struct PackageTerm {
  std::size_t issue = 0;   ///< index into Scenario::issues
  std::size_t option = 0;  ///< the level index (ordinal) or the clause index in the issue (clauses)

  /// Whether package x has this term: its level on the issue is `option`, or clause `option`
  /// of the issue is in it (`issue` is Scenario::issues[this->issue]).
  [[nodiscard]] bool in(const Agreement& x, const Issue& issue) const;
};

/// \brief A constraint between two terms: `excludes` (never both in one package) or `requires`
/// (the first only with the second: Kind::implies).
struct TermConstraint {
  enum class Kind { excludes, implies };  // implies: the YAML key `requires`
  Kind kind = Kind::excludes;
  PackageTerm first;
  PackageTerm second;

  /// Whether package x keeps the constraint (issues: Scenario::issues).
  [[nodiscard]] bool kept_by(const Agreement& x, const std::vector<Issue>& issues) const;
};

[[nodiscard]] const char* to_string(TermConstraint::Kind kind);

}  // namespace parley
