#pragma once
// The documented example scenario (parties north, south, broker; issues territory, guarantee,
// plan), parsed: the starting point of the tests that edit a scenario field by field.

#include "parley/io/scenario/scenario_loader.hpp"
#include "parley/io/scenario/scenario_schema.hpp"

namespace parley::testing {

/// The schema's example YAML as a scenario document, named "example.yaml".
inline io::ScenarioDocument example() {
  return io::parse_scenario_text(io::schema_example_yaml(), "example.yaml", "example");
}

}  // namespace parley::testing
