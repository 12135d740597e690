#pragma once
/// \file red_line.hpp
/// A party's red line (issue 15): terms on one issue that it rejects whatever the rest of the
/// package is worth ("never, at any price"). Utilities are additive, so without red lines a
/// large enough gain elsewhere buys any term; a red line takes those packages out of what the
/// party will sign. A veto party's red lines therefore shrink the agreement space itself
/// (agreement/admissible_packages.hpp); every part of the model that sees a package checks them.

#include <cstddef>
#include <optional>
#include <vector>

#include "parley/model/agreement.hpp"
#include "parley/model/issue.hpp"

namespace parley {

/// \brief Terms on one issue that a party never signs.
///
/// By the issue's kind: an ordinal issue's levels it never agrees to (`levels`); a clauses
/// issue's clauses it never accepts in the deal (`never`) and those it never signs without
/// (`always`); a continuous issue's amounts above `at_most` or below `at_least`. A package
/// crosses the red line when its term on the issue is one of these.
struct RedLine {
  std::size_t issue = 0;             ///< index into Scenario::issues
  std::vector<std::size_t> levels;   ///< ordinal: level indices never agreed
  std::vector<std::size_t> never;    ///< clauses: clause indices (the issue's own order) never in the deal
  std::vector<std::size_t> always;   ///< clauses: clause indices never left out of it
  std::optional<double> at_most;     ///< continuous: no amount above this
  std::optional<double> at_least;    ///< continuous: no amount below this

  /// Whether package x crosses the line: its term on `issue` (Scenario::issues[this->issue],
  /// whose clause_offset locates its clauses in x) is one the party never signs. Amounts are
  /// compared exactly (an amount equal to at_most is allowed).
  [[nodiscard]] bool crossed_by(const Agreement& x, const Issue& issue) const;
};

/// Whether `line` is meaningful for `issue`: the fields of its kind only, indices in range,
/// bounds not NaN and at_least <= at_most. The loader reports the details in the file's terms;
/// red_line_restriction (agreement/admissible_packages.hpp) refuses a line that does not fit.
[[nodiscard]] bool fits_issue(const RedLine& line, const Issue& issue);

}  // namespace parley
