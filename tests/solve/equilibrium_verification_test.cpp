// Verified equilibria (issue 18): scale-aware tolerances in the Nash solvers, exact regrets for
// payoffs known exactly, and the rejection of candidates that are not equilibria.
#include <catch2/catch.hpp>

#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "gambit_reference.hpp"
#include "parley/io/interop/nfg_exact_payoffs.hpp"
#include "parley/io/interop/nfg_format.hpp"
#include "parley/solve/equilibrium_verification.hpp"
#include "parley/solve/lemke_howson.hpp"
#include "parley/solve/support_enumeration.hpp"
#include "parley/solve/vertex_enumeration.hpp"

using parley::BimatrixGame;
using parley::MixedProfile;
using parley::Rational;

namespace {

parley::io::NfgGame nfg_from_text(const std::string& payoffs) {
  std::istringstream in("NFG 1 R \"scaled\" { \"1\" \"2\" } { 2 2 }\n" + payoffs + "\n");
  return parley::io::read_nfg(in, "scaled.nfg");
}

MixedProfile profile(std::vector<double> x, std::vector<double> y) {
  return {Eigen::Map<Eigen::VectorXd>(x.data(), static_cast<Eigen::Index>(x.size())),
          Eigen::Map<Eigen::VectorXd>(y.data(), static_cast<Eigen::Index>(y.size()))};
}

/// The exact profiles as strings, e.g. {{"1/2", "1/2"}, {"1", "0"}}.
using ProfileText = std::vector<std::vector<std::string>>;
std::set<ProfileText> as_text(const std::vector<parley::RationalProfile>& profiles) {
  std::set<ProfileText> texts;
  for (const auto& p : profiles) {
    ProfileText t(2);
    for (const auto& v : p.x) t[0].push_back(v.str());
    for (const auto& v : p.y) t[1].push_back(v.str());
    texts.insert(t);
  }
  return texts;
}

// { 2 2 } 1e12 1 1e12 0 0 0 1 1: A = [[1e12, 0], [1e12, 1]], B = [[1, 0], [0, 1]]. Row 2
// weakly dominates row 1 by 1 beside payoffs of 1e12. lrsnash finds three extreme equilibria:
// ((1, 0), (1, 0)), ((1/2, 1/2), (1, 0)) and ((0, 1), (0, 1)); ((0, 1), (1, 0)) is none
// (player 2 gains 1 by switching to column 2).
const std::set<ProfileText> kScaledGameEquilibria{
    {{"1", "0"}, {"1", "0"}}, {{"1/2", "1/2"}, {"1", "0"}}, {{"0", "1"}, {"0", "1"}}};

const std::vector<std::pair<std::string, std::string>> kScaledGames{
    {"1e12", "1e12 1 1e12 0 0 0 1 1"},  // issue 18's game
    {"1e-12", "1 1e-12 1 0 0 0 1e-12 1e-12"},  // the same times 1e-12
};

}  // namespace

TEST_CASE("verified equilibria: the 1e12 game and its 1e-12 copy have lrsnash's three equilibria",
          "[equilibrium][nash]") {
  for (const auto& [name, payoffs] : kScaledGames) {
    INFO("scale " << name);
    const auto nfg = nfg_from_text(payoffs);
    const BimatrixGame game = parley::io::to_bimatrix_game(nfg);
    const auto exact = parley::io::exact_payoffs(nfg);
    REQUIRE(exact.has_value());

    // Vertex enumeration alone (the normalised payoffs keep player 1's incentive of 1).
    const auto candidates = parley::extreme_equilibria(game);
    CHECK(candidates.size() == 3);
    const auto verified = parley::verify_equilibria(game, candidates, exact);
    CHECK(verified.kind == parley::VerificationKind::exact);
    CHECK(verified.rejected == 0);
    CHECK(verified.duplicates == 0);
    CHECK(verified.max_regret == 0.0);
    CHECK(as_text(verified.exact) == kScaledGameEquilibria);
    // The doubles printed are the exact values, 1/2 exactly.
    const std::vector<MixedProfile> listed{profile({1, 0}, {1, 0}), profile({0.5, 0.5}, {1, 0}),
                                           profile({0, 1}, {0, 1})};
    CHECK(parley::testing::same_profile_sets(verified.equilibria, listed, 0.0));

    // Relative verification in floating point agrees.
    const auto relative = parley::verify_equilibria(game, candidates, std::nullopt);
    CHECK(relative.kind == parley::VerificationKind::relative);
    CHECK(relative.rejected == 0);
    CHECK(parley::testing::same_profile_sets(relative.equilibria, listed, 1e-12));
    CHECK(relative.max_regret <= parley::kRelativeRegretTolerance);

    // Support enumeration finds those with equal supports, Lemke-Howson only equilibria.
    const auto by_support = parley::verify_equilibria(game, parley::equal_support_equilibria(game), exact);
    CHECK(by_support.rejected == 0);
    CHECK(by_support.exact.size() == 2);  // the pure ones; the mixed one has supports of sizes 2 and 1
    for (const auto& t : as_text(by_support.exact)) CHECK(kScaledGameEquilibria.count(t) == 1);
    const auto by_lh = parley::verify_equilibria(game, parley::lemke_howson_equilibria(game), exact);
    CHECK(by_lh.rejected == 0);
    CHECK_FALSE(by_lh.equilibria.empty());
  }
}

TEST_CASE("verified equilibria: a candidate that is no equilibrium is rejected and counted", "[equilibrium][nash]") {
  for (const auto& [name, payoffs] : kScaledGames) {
    INFO("scale " << name);
    const auto nfg = nfg_from_text(payoffs);
    const BimatrixGame game = parley::io::to_bimatrix_game(nfg);
    const auto exact = parley::io::exact_payoffs(nfg);
    // ((0, 1), (1, 0)): player 2 gains 1 (1e-12 in the small copy) by switching to column 2.
    // ((1/2, 1/2), (1/2, 1/2)): player 1 gains by playing row 2 alone. ((1/2, 1/2), (0, 1)) is
    // the fourth "equilibrium" the solver reported before issue 18 (player 1 gains 1/2).
    const std::vector<MixedProfile> candidates{profile({0, 1}, {1, 0}), profile({1, 0}, {1, 0}),
                                               profile({0.5, 0.5}, {0.5, 0.5}),
                                               profile({0.5, 0.49999999999999994}, {0, 1})};
    for (const auto& kind : {exact, std::optional<parley::ExactBimatrix>()}) {
      const auto verified = parley::verify_equilibria(game, candidates, kind);
      CHECK(verified.rejected == 3);
      REQUIRE(verified.equilibria.size() == 1);
      CHECK(parley::profile_distance(verified.equilibria[0], candidates[1]) == 0.0);
    }
    CHECK(parley::relative_regret(game, candidates[0]) == 1.0);  // the whole incentive scale
    CHECK(parley::relative_regret(game, candidates[3]) == Approx(0.5));
    CHECK_FALSE(parley::exact_equilibrium_near(game, *exact, candidates[0]).has_value());
  }
}

TEST_CASE("verified equilibria: the exact regret of a known equilibrium of an integer game is 0",
          "[equilibrium][nash]") {
  // Gambit's 2x2.nfg: A = [[2, 0], [0, 1]], B = [[0, 1], [1, 0]]; the only equilibrium is
  // x = (1/2, 1/2), y = (1/3, 2/3).
  const BimatrixGame game((Eigen::MatrixXd(2, 2) << 2, 0, 0, 1).finished(),
                          (Eigen::MatrixXd(2, 2) << 0, 1, 1, 0).finished());
  const auto exact = parley::exact_integer_payoffs(game);
  REQUIRE(exact.has_value());
  const parley::RationalProfile equilibrium{{Rational(1, 2), Rational(1, 2)}, {Rational(1, 3), Rational(2, 3)}};
  CHECK(parley::exact_regret(*exact, equilibrium) == 0);
  const auto payoffs = parley::exact_expected_payoffs(*exact, equilibrium);
  CHECK(payoffs[0] == Rational(2, 3));
  CHECK(payoffs[1] == Rational(1, 2));
  // Off by 1/1000 in y, player 1 strictly prefers a row: the regret is positive, exactly.
  const parley::RationalProfile off{{Rational(1, 2), Rational(1, 2)}, {Rational(334, 1000), Rational(666, 1000)}};
  CHECK(parley::exact_regret(*exact, off) == Rational(1, 1000));  // (A y) = (0.668, 0.666)
  // The floating-point candidate 1/3 = 0.333... is recovered exactly.
  const auto recovered = parley::exact_equilibrium_near(game, *exact, parley::extreme_equilibria(game).at(0));
  REQUIRE(recovered.has_value());
  CHECK(recovered->x == equilibrium.x);
  CHECK(recovered->y == equilibrium.y);
  // Non-integer doubles have no exact integer form.
  CHECK_FALSE(parley::exact_integer_payoffs(BimatrixGame((Eigen::MatrixXd(1, 1) << 0.5).finished(),
                                                         (Eigen::MatrixXd(1, 1) << 1).finished()))
                  .has_value());
}

TEST_CASE("exact payoffs: numbers as a .nfg file writes them", "[equilibrium][nash]") {
  CHECK(*parley::io::exact_number("1e12") == Rational(1000000000000LL));
  CHECK(*parley::io::exact_number("1e-12") == Rational(1, 1000000000000LL));
  CHECK(*parley::io::exact_number("-2.5") == Rational(-5, 2));
  CHECK(*parley::io::exact_number("+.5E+1") == Rational(5));
  CHECK(*parley::io::exact_number("45/2") == Rational(45, 2));
  CHECK(*parley::io::exact_number("-3/6") == Rational(-1, 2));
  CHECK(*parley::io::exact_number("0.1") == Rational(1, 10));  // not the double nearest 0.1
  CHECK_FALSE(parley::io::exact_number("1/0").has_value());
  CHECK_FALSE(parley::io::exact_number("1e").has_value());
  CHECK_FALSE(parley::io::exact_number(".").has_value());
  CHECK_FALSE(parley::io::exact_number("1e401").has_value());
  CHECK_FALSE(parley::io::exact_number("0x10").has_value());
}

TEST_CASE("verified equilibria: every Gambit reference game keeps enummixed's equilibria, exactly",
          "[equilibrium][nash]") {
  const auto cases = parley::testing::gambit_enummixed_cases();
  REQUIRE(cases.size() == 42);
  const auto& reference = parley::testing::gambit_reference_json()["games"].items;
  for (const auto& c : cases) {
    INFO(c.entry);
    const auto nfg = parley::io::read_nfg_file(c.nfg);
    const BimatrixGame game = parley::io::to_bimatrix_game(nfg);
    const auto exact = parley::io::exact_payoffs(nfg);
    REQUIRE(exact.has_value());
    const auto verified = parley::verify_equilibria(game, parley::extreme_equilibria(game), exact);
    CHECK(verified.rejected == 0);
    CHECK(verified.duplicates == 0);
    CHECK(parley::testing::same_profile_sets(verified.equilibria, c.equilibria, 1e-9));
    // Gambit's rational profiles, as strings, are exactly the verified ones.
    std::set<ProfileText> gambit;
    for (const auto& game_json : reference) {
      if (game_json["file"].string != c.entry) continue;
      for (const auto& run : game_json["runs"].items) {
        if (run["run_id"].string != "enummixed") continue;
        for (const auto& eq : run["equilibria"].items) {
          ProfileText t(2);
          for (std::size_t p = 0; p < 2; ++p) {
            for (const auto& v : eq["profile"].items[p].items) t[p].push_back(v.string);
          }
          gambit.insert(t);
        }
      }
    }
    CHECK(as_text(verified.exact) == gambit);
  }
}

TEST_CASE("normalised payoffs: differences beyond double range still give the equilibria", "[equilibrium][nash]") {
  // A = [[1e308, 0], [-1e308, 0]]: 1e308 - -1e308 overflows; B = 0, player 2 is indifferent.
  // Row 1 is a best response to every y, both rows to column 2: three extreme equilibria.
  const BimatrixGame game((Eigen::MatrixXd(2, 2) << 1e308, 0, -1e308, 0).finished(), Eigen::MatrixXd::Zero(2, 2));
  const auto normalized = parley::normalized_payoffs(game);
  CHECK(normalized.a.allFinite());
  CHECK(normalized.a(0, 0) == 1.0);
  CHECK(normalized.scale_b == 0.0);
  const auto verified = parley::verify_equilibria(game, parley::extreme_equilibria(game), std::nullopt);
  CHECK(verified.rejected == 0);
  const std::vector<MixedProfile> listed{profile({1, 0}, {1, 0}), profile({1, 0}, {0, 1}), profile({0, 1}, {0, 1})};
  CHECK(parley::testing::same_profile_sets(verified.equilibria, listed, 0.0));
}
