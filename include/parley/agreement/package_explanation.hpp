#pragma once
/// \file package_explanation.hpp
/// Why a package is what it is: issue by issue and clause by clause, what each party gets
/// and how the Nash product would change if a clause were flipped. `parley analyze` words
/// it ("clause p07 is in: Russia gains 0.031, Ukraine loses 0.004; dropping it lowers the
/// Nash product from 0.081 to 0.075").

#include <cstddef>
#include <span>
#include <vector>

#include "parley/agreement/agreement_space.hpp"
#include "parley/model/agreement.hpp"

namespace parley {

/// \brief One issue of the package: its value and what each party draws from it.
struct IssueAssessment {
  std::size_t issue = 0;
  double amount = 0.0;                ///< continuous amount or ordinal level (0 for clauses)
  std::vector<double> value;          ///< v_ik(x_k) per party
  std::vector<double> contribution;   ///< w_ik v_ik(x_k) per party: its share of u_i
};

/// \brief One clause of a clauses issue.
struct ClauseAssessment {
  std::size_t issue = 0;
  std::size_t clause = 0;             ///< index within the issue
  bool included = false;
  /// Per party: u_i(with the clause) - u_i(without it) = w_ik a_ic / (max_ik - min_ik)
  /// (DESIGN 1.2), whatever the rest of the package.
  std::vector<double> gain;
  /// Nash product (prod over veto parties of max(0, u_i - d_i)) of the package with this
  /// clause flipped, to compare with PackageExplanation::nash_product: a clause is in the
  /// Nash package because flipping it would not raise the product.
  double nash_product_flipped = 0.0;
};

/// \brief A package taken apart.
struct PackageExplanation {
  std::vector<double> utilities;      ///< u_i per party
  double nash_product = 0.0;          ///< prod over veto parties of max(0, u_i - d_i)
  std::vector<IssueAssessment> issues;
  std::vector<ClauseAssessment> clauses;  ///< every clause of every clauses issue, in order
};

/// Takes `package` apart against disagreement point `disagreement` (indexed by party).
[[nodiscard]] PackageExplanation explain_package(const AgreementSpace& space, const Agreement& package,
                                                 std::span<const double> disagreement);

}  // namespace parley
