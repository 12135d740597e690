#include "parley/io/report/nash_solution.hpp"

#include <array>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "parley/io/interop/nfg_exact_payoffs.hpp"
#include "parley/solve/equilibrium_verification.hpp"
#include "parley/solve/exact_payoffs.hpp"
#include "parley/solve/lemke_howson.hpp"
#include "parley/solve/reverse_search_enumeration.hpp"
#include "parley/solve/vertex_enumeration.hpp"

namespace parley::io {

void solve_nash(const NfgGame& nfg, const std::string& method, const std::function<void(const NashReport&)>& write) {
  if (method != "enum" && method != "lh")
    throw std::invalid_argument("the method must be enum or lh, not '" + method + "'");
  if (nfg.num_players() != 2)
    throw std::invalid_argument("the game has " + std::to_string(nfg.num_players()) +
                                " players; parley nash solves two-player games only");
  const BimatrixGame game = to_bimatrix_game(nfg);
  // The payoffs as the file wrote them, exactly; else exact if they are all integers.
  std::optional<ExactBimatrix> exact = exact_payoffs(nfg);
  if (!exact) exact = exact_integer_payoffs(game);

  std::vector<MixedProfile> equilibria;
  std::vector<RationalProfile> exact_equilibria_found;
  std::string description;
  if (method == "enum" && exact) {
    // Payoffs known exactly: exact reverse search, whose equilibria need no recovery from
    // floating point.
    exact_equilibria_found = exact_extreme_equilibria(*exact).equilibria;
    description = "all extreme equilibria, by exact vertex enumeration";
  } else if (method == "enum") {
    equilibria = extreme_equilibria(game);
    description = "all extreme equilibria, by vertex enumeration";
  } else {
    try {
      equilibria = lemke_howson_equilibria(game);
    } catch (const std::runtime_error& e) {
      // Lemke-Howson pivots in floating point: on payoffs of very different magnitudes the
      // lexicographic rule can misread a rounding error and the path revisit a basis.
      throw PivotingFailure(e.what());
    }
    description = "Lemke-Howson from each of the " + std::to_string(game.rows() + game.cols()) + " missing labels";
  }
  // Every candidate is verified before it is reported: exactly when the payoffs are known
  // exactly, relative to the incentive scale otherwise.
  VerifiedEquilibria verified = exact_equilibria_found.empty() ? verify_equilibria(game, equilibria, exact)
                                                               : verify_exact_equilibria(*exact, exact_equilibria_found);
  std::vector<RationalProfile>().swap(exact_equilibria_found);  // verified holds them now
  NashReport report{game, std::move(verified.equilibria), method, description};
  report.verification = to_string(verified.kind);
  report.max_regret = verified.max_regret;
  report.rejected_candidates = verified.rejected;
  if (method == "enum") report.nash_subsets = nash_subset_members(report.equilibria);
  const auto payoffs = verified.exact.empty() ? std::vector<std::array<Rational, 2>>{}
                                              : exact_expected_payoffs(*exact, verified.exact);
  for (std::size_t k = 0; k < verified.exact.size(); ++k) {
    const RationalProfile& profile = verified.exact[k];
    NashReport::ExactValues values;
    for (const auto& p : profile.x) values.probabilities[0].push_back(p.str());
    for (const auto& p : profile.y) values.probabilities[1].push_back(p.str());
    for (std::size_t p = 0; p < 2; ++p) {
      values.payoff_fractions[p] = payoffs[k][p].str();
      values.payoffs[p] = payoffs[k][p].convert_to<double>();
    }
    report.exact.push_back(std::move(values));
  }
  std::vector<RationalProfile>().swap(verified.exact);  // the report holds them as fractions now
  write(report);
}

}  // namespace parley::io
