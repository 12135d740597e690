#pragma once
// The vertices of a face of a best-response polytope, exactly, by a depth-first search over
// its feasible bases (private to sim/solve; used by reverse_search_enumeration.cpp for the
// partners of a degenerate vertex).

#include <cstddef>
#include <vector>

#include "checked_integer.hpp"
#include "parley/solve/exact_payoffs.hpp"

namespace parley::detail {

/// \brief The vertices of F = {y in R^t : y >= 0, E y = 1, G y <= 1}, each once, exactly, in
/// a fixed order (that of the search below), each as nonnegative integer weights w with
/// y = w / D for the determinant D of a basis at the vertex; empty when F is empty.
/// `equalities` (E) and `inequalities` (G) are integer rows of length t, E nonempty; F must be
/// bounded (it is a face of a best-response polytope, whose constraint matrix is positive).
///
/// Method: F in standard form [E 0; G I] (y, s) = 1 with y, s >= 0 (s the slacks of G), whose
/// vertices are its basic feasible solutions (Dantzig). Phase 1 of the simplex method, with an
/// artificial variable for each row of E and Bland's rule, finds one feasible basis or shows
/// there is none; artificials left basic at value 0 are pivoted out, or stay basic in rows
/// that are redundant (linear combinations of others) and never leave. Phase 2 walks the
/// lexicographically feasible bases depth first: from a basis, each nonbasic column enters
/// and the lexicographic minimum-ratio test, perturbing the right-hand side around the basis
/// phase 1 found (Dantzig, Orden and Wolfe 1955), picks the row that leaves. These bases are
/// the vertices of a simple perturbed polytope, whose graph is connected and each of whose
/// vertices lies on a vertex of F, so every vertex of F is reached (as the floating-point
/// search of vertex_enumeration.hpp does on whole polytopes). The bases seen are kept in a
/// set, and the vertices (the weights divided by their gcd: since E y = 1 with E nonempty, two
/// points of F are proportional only when equal, so reduced weights name a vertex) in another:
/// the memory of one face, not of the whole enumeration. Rows equal to an earlier row (of E or
/// G) are dropped first: they change no vertex and multiply the bases of a degenerate face.
///
/// Arithmetic: integer pivoting (the tableau holds D B^-1 [A 1] with D the basis determinant;
/// Edmonds 1967) in `Int`: CheckedInt128, which throws IntegerOverflow when a value leaves the
/// 128-bit range (the caller redoes its work in BigInteger), or BigInteger. So every ratio and
/// sign is decided exactly.
template <class Int>
[[nodiscard]] std::vector<std::vector<Int>> face_vertex_weights(const std::vector<std::vector<Int>>& equalities,
                                                                const std::vector<std::vector<Int>>& inequalities,
                                                                std::size_t t);

}  // namespace parley::detail
