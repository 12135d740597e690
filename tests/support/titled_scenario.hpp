#pragma once
// tests/data/minimal.yaml with another title, written as raw bytes: for the tests of what the
// CLI does with a title's bytes (invalid UTF-8, control characters).
#include <catch2/catch.hpp>

#include <string>

#include "temp_folder.hpp"

namespace parley::testing {

/// Writes tests/data/minimal.yaml with its title replaced by `title` (the bytes as given) into
/// `folder` as titled.yaml, and returns the file's path.
inline std::string minimal_scenario_titled(const TempFolder& folder, const std::string& title) {
  std::string text = read_text(std::string(PARLEY_SOURCE_DIR) + "/tests/data/minimal.yaml");
  const auto at = text.find("title: Minimal");
  REQUIRE(at != std::string::npos);
  text.replace(at, 14, "title: " + title);
  const auto path = folder.file("titled.yaml");
  write_text(path, text);
  return path;
}

}  // namespace parley::testing
