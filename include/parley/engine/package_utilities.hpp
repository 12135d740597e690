#pragma once
/// \file package_utilities.hpp
/// Every party's utility of a package in one pass, for the episode loop's hot path.

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "parley/model/agreement.hpp"
#include "parley/model/scenario.hpp"

namespace parley {

/// \brief u_i(x) = sum_k w_ik v_ik(x_k) for every party i at once (DESIGN 1.2), with the
/// weights folded into precomputed tables.
///
/// Scenario::utility evaluates one party issue by issue, normalising clause sums as it goes.
/// Here the affine clause value is expanded once,
///   w_ik v_ik(S) = sum_{c in S} w_ik a_ic / (max_ik - min_ik) - w_ik min_ik / (max_ik - min_ik),
/// so a package's clause part is one pass over its flags adding a per-party coefficient; an
/// ordinal issue is a table of w_ik v_ik(level); a continuous one w_ik times its curve. The
/// result equals Scenario::utility up to the order of summation (about 1e-16).
class PackageUtilities {
 public:
  PackageUtilities() = default;
  /// Tables for a finalized scenario (which must outlive this object: curves are read from it).
  explicit PackageUtilities(const Scenario& scenario);

  /// out[i] = u_i(x) for every party i (out.size() == number of parties). No allocation.
  void evaluate(const Agreement& x, std::span<double> out) const;

 private:
  const Scenario* scenario_ = nullptr;
  std::size_t parties_ = 0;
  std::size_t clause_count_ = 0;
  std::vector<double> constant_;          ///< per party: the clause issues' -w min / range terms
  struct Term {
    std::size_t issue;
    bool continuous;
    std::size_t offset;                   ///< ordinal: first entry in levels_ (level-major, parties inner)
  };
  std::vector<Term> terms_;               ///< continuous and ordinal issues with any weight
  std::vector<double> levels_;            ///< w_ik v_ik(level) per level and party
  std::vector<double> clause_coefficients_;  ///< per party, per clause: w_ik a_ic / range
};

}  // namespace parley
