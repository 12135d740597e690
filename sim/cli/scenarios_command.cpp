// `parley scenarios [--format table|json]`: the scenarios built into the program, by name.
#include <iostream>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "command.hpp"
#include "parley/io/format/printable_text.hpp"
#include "parley/io/scenario/builtin_scenarios.hpp"
#include "parley/io/format/json_writer.hpp"
#include "parley/io/scenario/scenario_loader.hpp"
#include "parley/io/format/table_writer.hpp"

namespace po = boost::program_options;

namespace parley::cli {
namespace {

/// The `title` of a built-in scenario, read from its YAML without validating the rest, so that
/// the list shows every scenario even if one of them has an error.
std::string title_of(std::string_view name) {
  try {
    const io::ScenarioDocument doc = io::parse_builtin_scenario(name);
    const io::YamlNode* title = doc.root.is_map() ? doc.root.find("title") : nullptr;
    return title && title->is_scalar() ? title->scalar : "";
  } catch (const io::ScenarioError&) {
    return "(not valid YAML: parley validate " + std::string(name) + ")";
  }
}

int scenarios(const std::vector<std::string>& args) {
  std::string format;
  po::options_description options("Options");
  options.add_options()("help,h", "show this help")(
      "format", po::value<std::string>(&format)->default_value("table"), "output format: table|json");
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(options).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "parley scenarios: " << io::printable_text(e.what()) << "\n";
    return 2;
  }
  if (vm.count("help")) {
    std::cout << "Usage: parley scenarios [--format table|json]\n\n"
                 "Lists the scenarios built into the program; give a name wherever a command takes\n"
                 "SCENARIO (parley describe NAME). The default is marked with *.\n\n"
              << options;
    return 0;
  }
  if (format != "table" && format != "json") {
    std::cerr << "parley scenarios: --format must be table or json, got '" << format << "'\n";
    return 2;
  }
  if (format == "json") {
    io::JsonWriter json(std::cout);
    json.begin_array();
    for (const auto& s : io::builtin_scenarios())
      json.begin_object()
          .field("name", s.name)
          .field("title", title_of(s.name))
          .field("default", s.name == io::default_scenario_name)
          .end_object();
    json.end_array();
    std::cout << "\n";
    return 0;
  }
  io::TableWriter table({"name", "title"});
  for (const auto& s : io::builtin_scenarios())
    table.add_row({std::string(s.name) + (s.name == io::default_scenario_name ? " *" : ""), title_of(s.name)});
  table.write(std::cout);
  return 0;
}

const CommandRegistration scenarios_registration{{"scenarios", "list the built-in scenarios", scenarios}};

}  // namespace
}  // namespace parley::cli
