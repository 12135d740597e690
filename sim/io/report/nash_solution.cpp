#include "parley/io/report/nash_solution.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "parley/io/format/json_writer.hpp"
#include "parley/io/interop/nfg_exact_payoffs.hpp"
#include "parley/solve/equilibrium_verification.hpp"
#include "parley/solve/exact_fraction.hpp"
#include "parley/solve/exact_payoffs.hpp"
#include "parley/solve/lemke_howson.hpp"
#include "parley/solve/reverse_search_enumeration.hpp"
#include "parley/solve/vertex_enumeration.hpp"

namespace parley::io {

namespace {

constexpr const char* kExactDescription = "all extreme equilibria, by exact vertex enumeration";
/// The depth of an equilibrium in the JSON report: in the report's object, in "equilibria".
constexpr std::size_t kEquilibriumDepth = 2;

void require_two_player_method(const NfgGame& nfg, const std::string& method) {
  if (method != "enum" && method != "lh")
    throw std::invalid_argument("the method must be enum or lh, not '" + method + "'");
  if (nfg.num_players() != 2)
    throw std::invalid_argument("the game has " + std::to_string(nfg.num_players()) +
                                " players; parley nash solves two-player games only");
}

/// The payoffs as the file wrote them, exactly; else exact if they are all integers.
std::optional<ExactBimatrix> exact_payoffs_of(const NfgGame& nfg, const BimatrixGame& game) {
  std::optional<ExactBimatrix> exact = exact_payoffs(nfg);
  if (!exact) exact = exact_integer_payoffs(game);
  return exact;
}

/// \brief The edges of the maximal Nash subsets' graph (nash_subset_members_of_edges) for
/// equilibria from the exact enumeration, as they come: each player's strategies numbered
/// exactly, with no rounding grid. The outer player's strategy is its vertex of the reverse
/// search, whose equilibria come one after the other (for_each_exact_extreme_equilibrium), so
/// a counter numbers it; the inner player's is looked up by its key (strategy_keys: its
/// vertex's labels, a few bytes). Kept: 8 bytes per equilibrium and one key per distinct inner
/// strategy, what listing the subsets after the equilibria needs.
class ExactSubsetEdges {
 public:
  void add(const ExactExtremeEquilibrium& e) {
    if (e.outer_vertex != last_outer_vertex_) {
      last_outer_vertex_ = e.outer_vertex;
      ++outer_count_;
    }
    const std::string& key = e.strategy_keys[static_cast<std::size_t>(1 - e.outer_player)];
    const int inner = inner_index_.emplace(key, static_cast<int>(inner_index_.size())).first->second;
    const int outer = outer_count_ - 1;
    edges_.emplace_back(e.outer_player == 0 ? outer : inner, e.outer_player == 0 ? inner : outer);
  }
  /// The maximal Nash subsets, once every equilibrium is added; the keys are let go first
  /// (the subsets need the edges only), so the two never take memory at once.
  [[nodiscard]] std::vector<std::vector<int>> members() {
    std::unordered_map<std::string, int>().swap(inner_index_);
    return nash_subset_members_of_edges(edges_);
  }

 private:
  std::int64_t last_outer_vertex_ = -1;
  int outer_count_ = 0;
  std::unordered_map<std::string, int> inner_index_;
  std::vector<std::pair<int, int>> edges_;
};

NashReport::ExactValues exact_values(const ExactExtremeEquilibrium& e) {
  NashReport::ExactValues values;
  for (const ExactFraction& p : e.x) values.probabilities[0].push_back(p.text());
  for (const ExactFraction& p : e.y) values.probabilities[1].push_back(p.text());
  for (std::size_t p = 0; p < 2; ++p) {
    values.payoff_fractions[p] = e.payoffs[p].text();
    values.payoffs[p] = e.payoffs[p].value();
  }
  return values;
}

MixedProfile rounded_profile(const ExactExtremeEquilibrium& e) {
  MixedProfile doubles{Eigen::VectorXd(static_cast<Eigen::Index>(e.x.size())),
                       Eigen::VectorXd(static_cast<Eigen::Index>(e.y.size()))};
  for (std::size_t i = 0; i < e.x.size(); ++i) doubles.x(static_cast<Eigen::Index>(i)) = e.x[i].value();
  for (std::size_t j = 0; j < e.y.size(); ++j) doubles.y(static_cast<Eigen::Index>(j)) = e.y[j].value();
  return doubles;
}

}  // namespace

void solve_nash(const NfgGame& nfg, const std::string& method, const std::function<void(const NashReport&)>& write) {
  require_two_player_method(nfg, method);
  const BimatrixGame game = to_bimatrix_game(nfg);
  const std::optional<ExactBimatrix> exact = exact_payoffs_of(nfg, game);

  if (method == "enum" && exact) {
    // Payoffs known exactly: exact reverse search, whose equilibria come verified, exactly
    // (reverse_search_enumeration.hpp), each once, with their fractions.
    NashReport report{game, {}, method, kExactDescription};
    report.verification = to_string(VerificationKind::exact);
    ExactSubsetEdges edges;
    for_each_exact_extreme_equilibrium(*exact, [&](const ExactExtremeEquilibrium& e) {
      NashReport::ExactValues values = exact_values(e);
      edges.add(e);
      report.equilibria.push_back(rounded_profile(e));
      report.exact.push_back(std::move(values));
    });
    report.nash_subsets = edges.members();
    write(report);
    return;
  }
  std::vector<MixedProfile> equilibria;
  std::string description;
  if (method == "enum") {
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
  VerifiedEquilibria verified = verify_equilibria(game, equilibria, exact);
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

bool stream_exact_nash_json(const NfgGame& nfg, std::ostream& out) {
  require_two_player_method(nfg, "enum");
  const BimatrixGame game = to_bimatrix_game(nfg);
  const std::optional<ExactBimatrix> exact = exact_payoffs_of(nfg, game);
  if (!exact) return false;
  NashReport opening{game, {}, "enum", kExactDescription};
  opening.verification = to_string(VerificationKind::exact);
  const auto names = distinct_player_names(game);
  JsonWriter json(out);
  write_nash_json_opening(json, opening);
  ExactSubsetEdges edges;
  // Each equilibrium's JSON is written on the search's threads as it is found (the formatting
  // is most of the work per equilibrium), then put in order.
  const auto format = [&](ExactExtremeEquilibrium& e) {
    const NashReport::ExactValues values = exact_values(e);
    // About 40 bytes per probability (its decimal and its fraction, a line each): one
    // allocation instead of a string grown by doubling.
    e.prepared.reserve(40 * (e.x.size() + e.y.size()) + 400);
    JsonWriter element(e.prepared, 2, kEquilibriumDepth);
    write_nash_json_equilibrium(element, names, rounded_profile(e), values.payoffs, &values);
    // The text is all the writer needs now (the subsets take the keys): what waits for its
    // turn is no larger than it must be.
    std::vector<ExactFraction>().swap(e.x);
    std::vector<ExactFraction>().swap(e.y);
  };
  for_each_exact_extreme_equilibrium(
      *exact,
      [&](const ExactExtremeEquilibrium& e) {
        edges.add(e);
        json.json_text(e.prepared);
      },
      {}, format);
  write_nash_json_closing(json, edges.members());
  out << "\n";
  return true;
}

}  // namespace parley::io
