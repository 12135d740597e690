#pragma once
// Linear systems over the rationals, by Gauss-Jordan elimination (private to sim/solve; used by
// the exact verification of equilibria).

#include <cstddef>
#include <optional>
#include <vector>

#include "parley/solve/exact_payoffs.hpp"

namespace parley::detail {

/// The unique solution of the linear system whose rows are `rows` (coefficients of the
/// `unknowns` unknowns, then the right-hand side), by Gauss-Jordan elimination over the
/// rationals; nullopt when it has none or more than one.
[[nodiscard]] std::optional<std::vector<Rational>> solve_unique(std::vector<std::vector<Rational>> rows,
                                                                std::size_t unknowns);

}  // namespace parley::detail
