// `parley nash GAME.nfg`: every Nash equilibrium of a two-player game in Gambit's .nfg
// format, so the solver serves on its own and can be checked against Gambit's.
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "command.hpp"
#include "command_line.hpp"
#include "parley/io/format/json_writer.hpp"
#include "parley/io/interop/nfg_format.hpp"
#include "parley/io/format/number_format.hpp"
#include "parley/io/format/table_writer.hpp"
#include "parley/solve/lemke_howson.hpp"
#include "parley/solve/vertex_enumeration.hpp"

namespace po = boost::program_options;

namespace parley::cli {
namespace {

/// p/q in lowest terms with q <= 1000 when it is within 1e-9 of x, from the continued
/// fraction of x (its convergents are the best rational approximations, Khinchin 1935).
std::optional<std::string> simple_fraction(double x) {
  constexpr long kMaxDenominator = 1000;
  constexpr double kTolerance = 1e-9;
  const double magnitude = std::abs(x);
  long p0 = 0, q0 = 1, p1 = 1, q1 = 0;  // convergents p_{k-2}/q_{k-2}, p_{k-1}/q_{k-1}
  double rest = magnitude;
  for (int step = 0; step < 40; ++step) {
    const double whole = std::floor(rest);
    if (whole > 1e12) break;
    const long a = static_cast<long>(whole);
    const long p = a * p1 + p0;
    const long q = a * q1 + q0;
    if (q > kMaxDenominator) break;
    if (std::abs(magnitude - static_cast<double>(p) / static_cast<double>(q)) <= kTolerance) {
      const std::string sign = x < 0 && p != 0 ? "-" : "";
      return sign + std::to_string(p) + (q == 1 ? "" : "/" + std::to_string(q));
    }
    p0 = p1;
    q0 = q1;
    p1 = p;
    q1 = q;
    if (rest - whole <= 0.0) break;
    rest = 1.0 / (rest - whole);
  }
  return std::nullopt;
}

/// The players' names as JSON keys and table entries: Gambit allows two players with the
/// same (or no) name; such names get the suffixes _1 and _2, as Gambit gives them.
std::vector<std::string> distinct_player_names(const BimatrixGame& game) {
  std::vector<std::string> names{game.player_name(0), game.player_name(1)};
  if (names[0] == names[1]) {
    names[0] += "_1";
    names[1] += "_2";
  }
  return names;
}

void write_table(std::ostream& out, const BimatrixGame& game, const std::vector<MixedProfile>& equilibria,
                 const std::string& method) {
  const auto names = distinct_player_names(game);
  out << (game.title().empty() ? std::string("(untitled game)") : game.title()) << ": " << names[0] << " has "
      << game.rows() << " strategies, " << names[1] << " has " << game.cols() << "\n"
      << equilibria.size() << (equilibria.size() == 1 ? " equilibrium" : " equilibria") << " (" << method
      << ")\n";
  const auto fraction_or_blank = [](double v) { return simple_fraction(v).value_or(""); };
  for (std::size_t k = 0; k < equilibria.size(); ++k) {
    const MixedProfile& eq = equilibria[k];
    out << "\nEquilibrium " << k + 1 << "\n";
    io::TableWriter table({"player", "strategy", "probability", "fraction"},
                          {io::TableWriter::Align::left, io::TableWriter::Align::left,
                           io::TableWriter::Align::right, io::TableWriter::Align::right});
    for (int p = 0; p < 2; ++p) {
      const Eigen::VectorXd& probabilities = p == 0 ? eq.x : eq.y;
      for (int s = 0; s < game.num_strategies(p); ++s) {
        table.add_row({names[static_cast<std::size_t>(p)],
                       game.strategy_labels(p)[static_cast<std::size_t>(s)],
                       io::format_fixed(probabilities(s), 10), fraction_or_blank(probabilities(s))});
      }
    }
    table.write(out, "  ");
    out << "\n";
    io::TableWriter payoffs(
        {"player", "payoff", "fraction"},
        {io::TableWriter::Align::left, io::TableWriter::Align::right, io::TableWriter::Align::right});
    const auto values = expected_payoffs(game, eq);
    for (std::size_t p = 0; p < 2; ++p) {
      payoffs.add_row({names[p], io::format_fixed(values[p], 10), fraction_or_blank(values[p])});
    }
    payoffs.write(out, "  ");
  }
}

void write_json(std::ostream& out, const BimatrixGame& game, const std::vector<MixedProfile>& equilibria,
                const std::string& method) {
  const auto names = distinct_player_names(game);
  io::JsonWriter json(out);
  json.begin_object().field("game", game.title()).key("players").array(names);
  json.key("strategies").begin_object();
  for (int p = 0; p < 2; ++p) json.key(names[static_cast<std::size_t>(p)]).array(game.strategy_labels(p));
  json.end_object().field("method", method).key("equilibria").begin_array();
  for (const MixedProfile& eq : equilibria) {
    json.begin_object().key("probabilities").begin_object();
    for (int p = 0; p < 2; ++p) {
      const Eigen::VectorXd& v = p == 0 ? eq.x : eq.y;
      json.key(names[static_cast<std::size_t>(p)]).array(std::vector<double>(v.data(), v.data() + v.size()));
    }
    json.end_object().key("payoffs").begin_object();
    const auto values = expected_payoffs(game, eq);
    for (std::size_t p = 0; p < 2; ++p) json.field(names[p], values[p]);
    json.end_object().end_object();
  }
  json.end_array().end_object();
  out << "\n";
}

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
                 "fractions where a fraction with denominator up to 1000 is within 1e-9) and expected\n"
                 "payoffs. With --method enum (the default) a game with a continuum of equilibria is\n"
                 "reported by the extreme points of its convex pieces, as gambit-enummixed does.\n\n"
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
  try {
    const io::NfgGame nfg = io::read_nfg_file(file);
    if (nfg.num_players() != 2) {
      std::cerr << "parley nash: " << file << ": the game has " << nfg.num_players()
                << " players; parley nash solves two-player games only\n";
      return 1;
    }
    game.emplace(io::to_bimatrix_game(nfg));
  } catch (const io::NfgFormatError& e) {
    std::cerr << "parley nash: " << e.what() << "\n";
    return 1;
  }

  std::vector<MixedProfile> equilibria;
  std::string description;
  try {
    if (method == "enum") {
      equilibria = extreme_equilibria(*game);
      description = "all extreme equilibria, by vertex enumeration";
    } else {
      equilibria = lemke_howson_equilibria(*game);
      description =
          "Lemke-Howson from each of the " + std::to_string(game->rows() + game->cols()) + " missing labels";
    }
  } catch (const std::invalid_argument& e) {
    std::cerr << "parley nash: " << file << ": " << e.what() << "\n";
    return 1;
  }
  if (format == "json") {
    write_json(std::cout, *game, equilibria, method);
  } else {
    write_table(std::cout, *game, equilibria, description);
  }
  return 0;
}

const CommandRegistration nash_registration{
    {"nash", "all Nash equilibria of a two-player game in Gambit's .nfg format", nash}};

}  // namespace
}  // namespace parley::cli
