#include "parley/solve/lemke_howson.hpp"

#include <bitset>
#include <stdexcept>
#include <string>
#include <unordered_set>

#include "best_response_polytopes.hpp"
#include "polytope_tableau.hpp"

namespace parley {

namespace {

/// Tableau entries below this count as zero (payoffs are normalised to [1, 2] per
/// player's incentive scale, so this is relative to the game's incentives).
constexpr double kPivotTolerance = 1e-10;

}  // namespace

MixedProfile lemke_howson(const BimatrixGame& game, int missing_label) {
  const int m = game.rows();
  const int n = game.cols();
  if (missing_label < 0 || missing_label >= m + n) {
    throw std::invalid_argument("lemke_howson: missing label " + std::to_string(missing_label) +
                                " is not in 0.." + std::to_string(m + n - 1));
  }
  const detail::BestResponsePolytopes polytopes(game);
  // P's variables are x_0..x_{m-1} (labels 0..m-1) then the slacks of B'^T x <= 1 (labels
  // m..m+n-1), so in P a variable's label is its index. Q's are y_0..y_{n-1} (labels m..m+n-1)
  // then the slacks of A'y <= 1 (labels 0..m-1).
  detail::PolytopeTableau p(polytopes.p_matrix, kPivotTolerance);
  detail::PolytopeTableau q(polytopes.q_matrix, kPivotTolerance);
  const auto q_variable = [m, n](int label) { return label < m ? n + label : label - m; };
  const auto q_label = [m, n](int variable) { return variable < n ? m + variable : variable - n; };

  // Cycle guard: the pair of bases, as one set of (polytope, variable) bits. Only
  // floating-point trouble could revisit one, and then an exception beats an endless loop.
  std::unordered_set<std::string> visited;
  const auto key = [&]() {
    std::string bits(static_cast<std::size_t>(2 * (m + n)), '0');
    for (int r = 0; r < p.num_rows(); ++r) bits[static_cast<std::size_t>(p.basic_in_row(r))] = '1';
    for (int r = 0; r < q.num_rows(); ++r) bits[static_cast<std::size_t>(m + n + q.basic_in_row(r))] = '1';
    return bits;
  };

  bool in_p = missing_label < m;
  int entering = in_p ? missing_label : q_variable(missing_label);
  while (true) {
    detail::PolytopeTableau& t = in_p ? p : q;
    const int row = t.leaving_row(entering);
    if (row < 0) throw std::runtime_error("lemke_howson: unbounded ray (numerical trouble)");
    const int leaving = t.pivot(entering, row);
    const int label = in_p ? leaving : q_label(leaving);
    if (label == missing_label) break;
    if (!visited.insert(key()).second) {
      throw std::runtime_error(
          "lemke_howson: the path returned to a basis it had visited (numerical trouble)");
    }
    // The label just dropped in one polytope is now duplicated: its partner in the other
    // polytope enters.
    in_p = !in_p;
    entering = in_p ? label : q_variable(label);
  }

  MixedProfile profile{Eigen::VectorXd(m), Eigen::VectorXd(n)};
  for (int i = 0; i < m; ++i) profile.x(i) = p.value(i);
  for (int j = 0; j < n; ++j) profile.y(j) = q.value(j);
  profile.x /= profile.x.sum();
  profile.y /= profile.y.sum();
  return profile;
}

std::vector<MixedProfile> lemke_howson_equilibria(const BimatrixGame& game, double tolerance) {
  std::vector<MixedProfile> found;
  for (int label = 0; label < game.rows() + game.cols(); ++label) {
    MixedProfile profile = lemke_howson(game, label);
    bool known = false;
    for (const auto& f : found) known = known || profile_distance(f, profile) <= tolerance;
    if (!known) found.push_back(std::move(profile));
  }
  return found;
}

}  // namespace parley
