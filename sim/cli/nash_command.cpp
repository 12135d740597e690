// `parley nash GAME.nfg`: every Nash equilibrium of a two-player game in Gambit's .nfg
// format, so the solver serves on its own and can be checked against Gambit's.
// The solving is io/report/nash_solution.hpp (shared with `parley.nash` in Python), the writers
// io/report/nash_report.hpp; this file reads the options and dispatches.
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
#include "parley/io/interop/nfg_format.hpp"
#include "parley/io/report/nash_report.hpp"
#include "parley/io/report/nash_solution.hpp"

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

  std::optional<io::NfgGame> nfg;
  try {
    nfg.emplace(io::read_nfg_file(file));
  } catch (const io::NfgFormatError& e) {
    std::cerr << "parley nash: " << io::printable_text(e.what()) << "\n";
    return 1;
  }
  try {
    // All extreme equilibria of an exact game as JSON: written as they are found, in memory
    // that does not grow with their number (stream_exact_nash_json); else solved, then written.
    if (format == "json" && method == "enum" && io::stream_exact_nash_json(*nfg, std::cout)) return 0;
    io::solve_nash(*nfg, method, [&](const io::NashReport& report) {
      if (format == "json")
        io::write_nash_json(std::cout, report);
      else
        io::write_nash_table(std::cout, report);
    });
  } catch (const io::PivotingFailure& e) {
    std::cerr << "parley nash: " << file << ": " << io::printable_text(e.what())
              << "; floating-point pivoting failed on this game's payoffs: try --method enum\n";
    return 1;
  } catch (const io::NfgFormatError& e) {
    std::cerr << "parley nash: " << io::printable_text(e.what()) << "\n";
    return 1;
  } catch (const std::invalid_argument& e) {
    std::cerr << "parley nash: " << file << ": " << io::printable_text(e.what()) << "\n";
    return 1;
  }
  return 0;
}

const CommandRegistration nash_registration{
    {"nash", "all Nash equilibria of a two-player game in Gambit's .nfg format", nash}};

}  // namespace
}  // namespace parley::cli
