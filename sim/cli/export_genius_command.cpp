// `parley export-genius`: a scenario written as a GENIUS negotiation, one domain file and one
// profile per veto party (genius_export.hpp, docs/genius.md).
#include <iostream>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "command.hpp"
#include "command_line.hpp"
#include "parley/io/interop/genius_export.hpp"
#include "scenario_options.hpp"

namespace {

namespace po = boost::program_options;

int run_export_genius(const std::vector<std::string>& args) {
  std::string scenario_argument;
  std::string folder;
  std::vector<std::string> sets;
  po::options_description options(
      "Usage: parley export-genius SCENARIO -o FOLDER [--set PATH=VALUE]... [--ignore-battlefield]\n\n"
      "Writes FOLDER/<id>_domain.xml and FOLDER/<id>_<party>.xml for every veto party, in GENIUS XML,\n"
      "for GENIUS and NegMAS. Only what GENIUS represents exactly is written: ordinal issues, continuous\n"
      "issues with steps (as their grid) or with linear value functions, clauses (one yes/no issue\n"
      "each, exact); anything else is an error naming the field. Options");
  options.add_options()("help,h", "print this help")("output,o", po::value(&folder), "the folder to write (required)")(
      "set", po::value(&sets)->composing(), "PATH=VALUE: change a field of the scenario (repeatable)")(
      "ignore-battlefield", "drop the battlefield and the costs of fighting instead of refusing the scenario");
  po::options_description hidden;
  hidden.add_options()("scenario", po::value(&scenario_argument));
  const auto parsed = parley::cli::parse_command_line("export-genius", args, options, hidden, "scenario", 1);
  if (!parsed) return 2;
  const po::variables_map& vm = *parsed;
  if (vm.count("help")) {
    std::cout << options << "\n";
    return 0;
  }
  if (scenario_argument.empty() || folder.empty()) {
    std::cerr << "parley export-genius: give a SCENARIO and -o FOLDER\n\n" << options << "\n";
    return 2;
  }
  const auto scenario = parley::cli::load_scenario_or_report(scenario_argument, sets, std::cerr);
  if (!scenario) return 1;
  parley::io::GeniusExportOptions export_options;
  export_options.ignore_battlefield = vm.count("ignore-battlefield") > 0;
  export_options.source = scenario_argument;
  try {
    for (const auto& path : parley::io::write_genius_files(*scenario, folder, export_options))
      std::cout << path << "\n";
  } catch (const parley::io::ScenarioError& e) {
    parley::cli::print_diagnostics(e, std::cerr);
    return 1;
  }
  return 0;
}

const parley::cli::CommandRegistration export_genius_registration{
    {"export-genius", "write a scenario as a GENIUS negotiation domain (XML)", run_export_genius}};

}  // namespace
