// Fuzz target: the scenario loader. The input is a scenario file's text; it is parsed
// (yaml_tree: aliases, cycles and the node budget), checked against the schema and the
// cross-field rules, built into a Scenario, and described, as `parley validate` and
// `parley describe` do. The only acceptable failure is a ScenarioError: the located error a
// user sees. Any other exception escapes to the fuzzer as a finding, since the CLI would report
// it as an internal error instead of naming the file, line and key.
#include <sstream>
#include <string>
#include <string_view>

#include "fuzz_target.hpp"
#include "parley/io/format/diagnostic.hpp"
#include "parley/io/scenario/scenario_description.hpp"
#include "parley/io/scenario/scenario_document.hpp"
#include "parley/io/scenario/scenario_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const parley::io::ScenarioDocument document = parley::io::parse_scenario_text(text, "fuzz.yaml", "fuzz");
    const parley::Scenario scenario = parley::io::build_scenario(document);
    std::ostringstream description;
    parley::io::write_description_table(description, scenario);
  } catch (const parley::io::ScenarioError&) {
    // The clean, located refusal every bad scenario must get.
  }
  return 0;
}
