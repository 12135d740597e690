#include "command_line.hpp"

#include <iostream>

#include "parley/io/format/printable_text.hpp"

namespace po = boost::program_options;

namespace parley::cli {

std::optional<po::variables_map> parse_command_line(const std::string& command, const std::vector<std::string>& args,
                                                    const po::options_description& visible,
                                                    const po::options_description& hidden,
                                                    const char* positional_name, int max_positional) {
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description positional;
  if (positional_name) positional.add(positional_name, max_positional);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    usage_error(command, io::printable_text(e.what()));
    return std::nullopt;
  }
  return vm;
}

int usage_error(const std::string& command, const std::string& message) {
  std::cerr << "parley " << command << ": " << message << "\n(parley " << command << " --help lists the options)\n";
  return 2;
}

}  // namespace parley::cli
