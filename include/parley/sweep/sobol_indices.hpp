#pragma once
/// \file sobol_indices.hpp
/// Variance-based sensitivity indices from a Saltelli design (Sobol' 1993; Saltelli et al.
/// 2010), with bootstrap confidence intervals (Archer, Saltelli and Sobol' 1997).

#include <cstdint>
#include <vector>

#include <Eigen/Dense>

namespace parley::sweep {

/// An estimate with its bootstrap percentile interval [lo, hi].
struct IndexEstimate {
  double value = 0.0;
  double lo = 0.0;
  double hi = 0.0;
};

/// First-order and total indices of each parameter, in parameter order.
struct SobolIndices {
  std::vector<IndexEstimate> first_order;  ///< S_i = V[E(Y | X_i)] / V(Y)
  std::vector<IndexEstimate> total;        ///< S_Ti = E[V(Y | X_~i)] / V(Y)
  double variance = 0.0;                   ///< V(Y), estimated from f(A) and f(B)
  std::size_t samples = 0;                 ///< N, the base samples used
};

/// \brief Sobol' indices from the model outputs on a Saltelli design.
///
/// `f_a` and `f_b` (length N) are the outputs on the rows of A and B, `f_ab` (N x d) column i
/// the outputs on A_B^(i) (A with column i from B). With V the sample variance of the 2N values
/// of f_a and f_b (denominator 2N), the estimators of Saltelli et al. 2010 (Comput. Phys.
/// Commun. 181, 259-270), Table 2, are
///   S_i  = (1/N) sum_j f(B)_j (f(A_B^(i))_j - f(A)_j) / V           (their (b), Saltelli 2010)
///   S_Ti = (1/(2N)) sum_j (f(A)_j - f(A_B^(i))_j)^2 / V              (their (f), Jansen 1999).
/// Intervals: the percentile bootstrap at `confidence` (e.g. 0.95) over `bootstrap` resamples
/// of the N base samples with replacement (each resample keeps a sample's d + 2 outputs
/// together and re-estimates V), drawn from RandomStream(seed, b, 0, stream) for resample b.
/// `bootstrap` = 0 gives intervals equal to the estimate. Requires N >= 2 and V > 0; throws
/// std::invalid_argument otherwise.
SobolIndices sobol_indices(const Eigen::VectorXd& f_a, const Eigen::VectorXd& f_b, const Eigen::MatrixXd& f_ab,
                           int bootstrap, double confidence, std::uint64_t seed);

}  // namespace parley::sweep
