#pragma once
/// \file agreement.hpp
/// An agreement (a package): a value for every issue (DESIGN 1.2).

#include <cstdint>
#include <vector>

namespace parley {

/// \brief A package: one value per issue.
///
/// `amounts[k]` is issue k's value: the number for a continuous issue, the level index for
/// an ordinal one, unused (0) for a clauses issue. `clauses` holds one flag (1 = included)
/// for every clause of every clauses issue, issue after issue in scenario order; issue k's
/// clauses start at `Issue::clause_offset`. A flat layout keeps utility evaluation at
/// O(issues + clauses) with no allocation, and copying a package cheap.
struct Agreement {
  std::vector<double> amounts;
  std::vector<std::uint8_t> clauses;

  [[nodiscard]] int level(std::size_t issue) const { return static_cast<int>(amounts[issue]); }
  friend bool operator==(const Agreement&, const Agreement&) = default;
};

}  // namespace parley
