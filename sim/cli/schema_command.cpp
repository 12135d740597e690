// `parley schema [-o FILE]`: prints the scenario format's reference page (Markdown), rendered
// from the table the loader validates with; docs/scenario-format.md is this output.
#include <iostream>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "command.hpp"
#include "parley/io/format/atomic_file_writer.hpp"
#include "parley/io/format/printable_text.hpp"
#include "parley/io/scenario/scenario_schema.hpp"

namespace po = boost::program_options;

namespace parley::cli {
namespace {

int schema(const std::vector<std::string>& args) {
  std::string output;
  po::options_description options("Options");
  options.add_options()("help,h", "show this help")("output,o", po::value<std::string>(&output),
                                                    "write to FILE instead of standard output");
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(options).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "parley schema: " << io::printable_text(e.what()) << "\n";
    return 2;
  }
  if (vm.count("help")) {
    std::cout << "Usage: parley schema [-o FILE]\n\n"
                 "Prints the reference of the scenario file format (Markdown): every key with its type,\n"
                 "range and default, the strategies and their parameters. It is generated from the table\n"
                 "the loader checks scenarios with; docs/scenario-format.md is this output.\n\n"
              << options;
    return 0;
  }
  const std::string page = io::render_schema_markdown();
  if (output.empty()) {
    std::cout << page;
    return std::cout.good() ? 0 : 1;
  }
  try {
    io::write_file_atomically(output, page);
  } catch (const io::FileWriteError& e) {
    std::cerr << "parley schema: error: " << io::printable_text(e.what()) << "\n";
    return 1;
  }
  return 0;
}

const CommandRegistration schema_registration{{"schema", "print the scenario format's reference (Markdown)", schema}};

}  // namespace
}  // namespace parley::cli
