// `parley validate FILE...`: checks scenario files against the format (docs/scenario-format.md)
// and prints every error of each, or `FILE: ok`.
#include <iostream>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "command.hpp"
#include "command_line.hpp"
#include "parley/io/scenario/scenario_loader.hpp"
#include "scenario_options.hpp"

namespace po = boost::program_options;

namespace parley::cli {
namespace {

int validate(const std::vector<std::string>& args) {
  std::vector<std::string> files;
  std::vector<std::string> sets;
  po::options_description options("Options");
  options.add_options()("help,h", "show this help")(
      "set", po::value<std::vector<std::string>>(&sets)->composing(),
      "PATH=VALUE: change a field of every scenario before checking it (repeatable)");
  po::options_description hidden;
  hidden.add_options()("file", po::value<std::vector<std::string>>(&files));
  const auto parsed = parse_command_line("validate", args, options, hidden, "file", -1);
  if (!parsed) return 2;
  const po::variables_map& vm = *parsed;
  if (vm.count("help")) {
    std::cout << "Usage: parley validate FILE... [--set PATH=VALUE]...\n\n"
                 "Checks each scenario (a file, or a built-in scenario's name) against the format in\n"
                 "docs/scenario-format.md and prints `FILE: ok` or every error it has, as\n"
                 "FILE:LINE:COLUMN: error: KEY.PATH: message. Exits with 1 if any scenario has an error.\n\n"
              << options;
    return 0;
  }
  if (files.empty()) {
    std::cerr << "parley validate: give one or more scenario files (parley validate --help)\n";
    return 2;
  }
  int status = 0;
  for (const auto& file : files) {
    if (load_scenario_or_report(file, sets, std::cerr)) {
      std::cout << file << ": ok\n";
    } else {
      status = 1;
    }
  }
  return status;
}

const CommandRegistration validate_registration{
    {"validate", "check scenario files and report every error with file, line and key", validate}};

}  // namespace
}  // namespace parley::cli
