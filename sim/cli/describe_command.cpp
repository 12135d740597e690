// `parley describe [SCENARIO] [--set PATH=VALUE]... [--format table|json]`: what a scenario
// says, read back after validation: parties, issues, each party's ideal agreement and its
// utility to every party, the battlefield assumption and the protocol in words.
#include <iostream>
#include <string>
#include <vector>

#include "command.hpp"
#include "parley/io/format/json_writer.hpp"
#include "parley/io/scenario/scenario_description.hpp"
#include "scenario_options.hpp"

namespace parley::cli {
namespace {

int describe(const std::vector<std::string>& args) {
  ScenarioCommandLine cli("describe",
                          "Describes a scenario: its parties, issues, weights, each party's ideal agreement and\n"
                          "its utility to every party, the battlefield assumption and the protocol, in words.",
                          {.formats = {OutputFormat::table, OutputFormat::json}});
  if (const auto exit_code = cli.parse(args)) return *exit_code;
  const auto scenario = cli.load_scenario();
  if (!scenario) return 1;
  std::ostream* out = cli.output();
  if (!out) return 1;
  if (cli.values().format == OutputFormat::json) {
    io::JsonWriter json(*out);
    io::write_description_json(json, *scenario);
    *out << "\n";
  } else {
    io::write_description_table(*out, *scenario);
  }
  return out->good() ? 0 : 1;
}

const CommandRegistration describe_registration{
    {"describe", "summarise a scenario: parties, issues, ideal agreements, the battlefield in words", describe}};

}  // namespace
}  // namespace parley::cli
