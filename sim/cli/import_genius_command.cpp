// `parley import-genius`: a GENIUS negotiation (domain + profiles, ANAC's format) as a Parley
// scenario file (genius_import.hpp, docs/genius.md).
#include <iostream>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "command.hpp"
#include "command_line.hpp"
#include "parley/io/format/atomic_file_writer.hpp"
#include "parley/io/format/printable_text.hpp"
#include "parley/io/interop/genius_import.hpp"
#include "scenario_options.hpp"

namespace {

namespace po = boost::program_options;

int run_import_genius(const std::vector<std::string>& args) {
  std::vector<std::string> files;
  std::string output;
  int rounds = 100;
  po::options_description options(
      "Usage: parley import-genius DOMAIN.xml PROFILE.xml PROFILE.xml... [-o scenario.yaml] [--rounds N]\n"
      "       parley import-genius FOLDER [-o scenario.yaml]\n\n"
      "Writes the Parley scenario equivalent to a GENIUS negotiation domain (GENIUS, NegMAS, ANAC):\n"
      "one veto party per profile, GENIUS's utilities kept exactly, no battlefield (disagreement gives\n"
      "the reservation values); the file's comment says where it came from and every choice made.\n"
      "Every scenario command also takes the folder, the domain file or the files joined by commas\n"
      "directly. Options");
  options.add_options()("help,h", "print this help")(
      "output,o", po::value(&output), "write the scenario to FILE (default: standard output)")(
      "rounds", po::value(&rounds)->default_value(100),
      "horizon in rounds; GENIUS's discount factor d becomes d^(1/rounds) per round");
  po::options_description hidden;
  hidden.add_options()("files", po::value(&files));
  const auto parsed = parley::cli::parse_command_line("import-genius", args, options, hidden, "files", -1);
  if (!parsed) return 2;
  const po::variables_map& vm = *parsed;
  if (vm.count("help")) {
    std::cout << options << "\n";
    return 0;
  }
  if (files.empty()) {
    std::cerr << "parley import-genius: give a GENIUS folder, or the domain file and two or more profiles\n\n"
              << options << "\n";
    return 2;
  }
  if (rounds < 1) {
    std::cerr << "parley import-genius: --rounds must be at least 1\n";
    return 2;
  }
  try {
    const parley::io::GeniusFiles genius =
        files.size() == 1 ? parley::io::find_genius_files(files.front()) : parley::io::find_genius_files(files);
    parley::io::GeniusImportOptions import_options;
    import_options.rounds = rounds;
    const parley::io::GeniusImport imported = parley::io::import_genius(genius, import_options);
    // Validate exactly as a hand-written scenario before writing anything.
    (void)parley::io::build_scenario(parley::io::parse_scenario_text(imported.yaml, genius.domain, imported.id));
    for (const auto& note : imported.notes) std::cerr << "parley import-genius: note: " << note << "\n";
    if (output.empty()) {
      std::cout << imported.yaml;
      return 0;
    }
    try {
      parley::io::write_file_atomically(output, imported.yaml);
    } catch (const parley::io::FileWriteError& e) {
      std::cerr << "parley import-genius: error: " << parley::io::printable_text(e.what()) << "\n";
      return 1;
    }
    return 0;
  } catch (const parley::io::ScenarioError& e) {
    parley::cli::print_diagnostics(e, std::cerr);
    return 1;
  }
}

const parley::cli::CommandRegistration import_genius_registration{
    {"import-genius", "convert a GENIUS negotiation domain (ANAC XML) into a scenario", run_import_genius}};

}  // namespace
