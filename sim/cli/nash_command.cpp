// `parley nash GAME.nfg`: every Nash equilibrium of a two-player game in Gambit's .nfg
// format, so the solver serves on its own and can be checked against Gambit's.
// The writers are io/report/nash_report.hpp; this file reads the options and dispatches.
#include <iostream>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <boost/program_options.hpp>

#include "command.hpp"
#include "command_line.hpp"
#include "parley/io/format/printable_text.hpp"
#include "parley/io/interop/nfg_exact_payoffs.hpp"
#include "parley/io/interop/nfg_format.hpp"
#include "parley/io/report/nash_report.hpp"
#include "parley/solve/equilibrium_verification.hpp"
#include "parley/solve/lemke_howson.hpp"
#include "parley/solve/reverse_search_enumeration.hpp"
#include "parley/solve/vertex_enumeration.hpp"

namespace po = boost::program_options;

namespace parley::cli {
namespace {

int nash(const std::vector<std::string>& args) {
  std::string file;
  std::string format = "table";
  std::string method = "enum";
  po::options_description options("Options");
  options.add_options()("help,h", "show this help")(
      "format", po::value<std::string>(&format)->default_value("table"), "table or json")(
      "method", po::value<std::string>(&method)->default_value("enum"),
      "enum: all extreme equilibria (vertex enumeration, the set gambit-enummixed reports);\n"
      "lh: the equilibria Lemke-Howson reaches from each missing label (fast, maybe not all)");
  po::options_description hidden;
  hidden.add_options()("game", po::value<std::string>(&file));
  const auto parsed = parse_command_line("nash", args, options, hidden, "game", 1);
  if (!parsed) return 2;
  const po::variables_map& vm = *parsed;
  if (vm.count("help")) {
    std::cout << "Usage: parley nash GAME.nfg [--format table|json] [--method enum|lh]\n\n"
                 "Reads a two-player game in Gambit's .nfg format (payoff or outcome version) and\n"
                 "prints its Nash equilibria: each player's probabilities (as decimals, and as\n"
                 "fractions) and expected payoffs. With --method enum (the default) a game with a\n"
                 "continuum of equilibria is reported by the extreme points of its convex pieces, as\n"
                 "gambit-enummixed does. Every equilibrium the solver finds is verified before it is\n"
                 "printed: exactly, in rational arithmetic, when the payoffs are written as integers,\n"
                 "decimals or fractions (the fractions shown are then exact); otherwise in floating\n"
                 "point, relative to each player's largest payoff difference. Candidates that fail\n"
                 "are not printed, and counted.\n\n"
              << options;
    return 0;
  }
  if (file.empty()) {
    std::cerr << "parley nash: give a game file (parley nash --help)\n";
    return 2;
  }
  if (format != "table" && format != "json") {
    std::cerr << "parley nash: --format must be table or json, not '" << format << "'\n";
    return 2;
  }
  if (method != "enum" && method != "lh") {
    std::cerr << "parley nash: --method must be enum or lh, not '" << method << "'\n";
    return 2;
  }

  std::optional<BimatrixGame> game;
  std::optional<ExactBimatrix> exact;
  try {
    const io::NfgGame nfg = io::read_nfg_file(file);
    if (nfg.num_players() != 2) {
      std::cerr << "parley nash: " << file << ": the game has " << nfg.num_players()
                << " players; parley nash solves two-player games only\n";
      return 1;
    }
    game.emplace(io::to_bimatrix_game(nfg));
    // The payoffs as the file wrote them, exactly; else exact if they are all integers.
    exact = io::exact_payoffs(nfg);
    if (!exact) exact = exact_integer_payoffs(*game);
  } catch (const io::NfgFormatError& e) {
    std::cerr << "parley nash: " << io::printable_text(e.what()) << "\n";
    return 1;
  }

  std::vector<MixedProfile> equilibria;
  std::vector<RationalProfile> exact_equilibria_found;
  std::string description;
  try {
    if (method == "enum" && exact) {
      // Payoffs known exactly (integers, or the file's fractions): exact reverse search,
      // whose equilibria need no recovery from floating point.
      exact_equilibria_found = exact_extreme_equilibria(*exact).equilibria;
      description = "all extreme equilibria, by exact vertex enumeration";
    } else if (method == "enum") {
      equilibria = extreme_equilibria(*game);
      description = "all extreme equilibria, by vertex enumeration";
    } else {
      equilibria = lemke_howson_equilibria(*game);
      description =
          "Lemke-Howson from each of the " + std::to_string(game->rows() + game->cols()) + " missing labels";
    }
  } catch (const std::invalid_argument& e) {
    std::cerr << "parley nash: " << file << ": " << io::printable_text(e.what()) << "\n";
    return 1;
  } catch (const std::runtime_error& e) {
    // Lemke-Howson pivots in floating point: on payoffs of very different magnitudes the
    // lexicographic rule can misread a rounding error and the path revisit a basis. That is
    // an honest failure, never a reported equilibrium; vertex enumeration verifies each one.
    std::cerr << "parley nash: " << file << ": " << io::printable_text(e.what())
              << "; floating-point pivoting failed on this game's payoffs: try --method enum\n";
    return 1;
  }
  // Every candidate is verified before it is reported: exactly when the payoffs are known
  // exactly, relative to the incentive scale otherwise (equilibrium_verification.hpp).
  VerifiedEquilibria verified;
  try {
    verified = exact_equilibria_found.empty() ? verify_equilibria(*game, equilibria, exact)
                                              : verify_exact_equilibria(*exact, exact_equilibria_found);
    std::vector<RationalProfile>().swap(exact_equilibria_found);  // verified holds them now
  } catch (const std::invalid_argument& e) {
    std::cerr << "parley nash: " << file << ": " << io::printable_text(e.what()) << "\n";
    return 1;
  }
  io::NashReport report{*game, std::move(verified.equilibria), method, description};
  report.verification = to_string(verified.kind);
  report.max_regret = verified.max_regret;
  report.rejected_candidates = verified.rejected;
  if (method == "enum") report.nash_subsets = nash_subset_members(report.equilibria);
  const auto exact_payoffs = verified.exact.empty() ? std::vector<std::array<Rational, 2>>{}
                                                    : exact_expected_payoffs(*exact, verified.exact);
  for (std::size_t k = 0; k < verified.exact.size(); ++k) {
    const RationalProfile& profile = verified.exact[k];
    io::NashReport::ExactValues values;
    for (const auto& p : profile.x) values.probabilities[0].push_back(p.str());
    for (const auto& p : profile.y) values.probabilities[1].push_back(p.str());
    const auto& payoffs = exact_payoffs[k];
    for (std::size_t p = 0; p < 2; ++p) {
      values.payoff_fractions[p] = payoffs[p].str();
      values.payoffs[p] = payoffs[p].convert_to<double>();
    }
    report.exact.push_back(std::move(values));
  }
  std::vector<RationalProfile>().swap(verified.exact);  // the report holds them as fractions now
  if (format == "json") {
    io::write_nash_json(std::cout, report);
  } else {
    io::write_nash_table(std::cout, report);
  }
  return 0;
}

const CommandRegistration nash_registration{
    {"nash", "all Nash equilibria of a two-player game in Gambit's .nfg format", nash}};

}  // namespace
}  // namespace parley::cli
