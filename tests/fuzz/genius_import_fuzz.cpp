// Fuzz target: the GENIUS importer behind `parley import-genius` and GENIUS scenario arguments.
// The input is a negotiation in one piece: the domain's XML, a NUL byte, the first profile's
// XML, a NUL byte, the second profile's XML (tools/fuzz.sh assembles the seeds this way from
// the ANAC domains of tests/data/genius). The domain and the profiles are parsed and checked;
// when they pass, they are written to a scratch folder and imported as the command does
// (import_genius reads files), and the scenario it writes is validated exactly as a
// hand-written one. A ScenarioError is the acceptable failure at every step.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include <unistd.h>

#include "fuzz_target.hpp"
#include "parley/io/format/diagnostic.hpp"
#include "parley/io/interop/genius_domain.hpp"
#include "parley/io/interop/genius_import.hpp"
#include "parley/io/scenario/scenario_document.hpp"
#include "parley/io/scenario/scenario_loader.hpp"

namespace {

/// The input's three parts, split at the first two NUL bytes (missing parts are empty).
std::vector<std::string_view> negotiation_parts(std::string_view text) {
  std::vector<std::string_view> parts;
  for (int k = 0; k < 2; ++k) {
    const std::size_t nul = text.find('\0');
    if (nul == std::string_view::npos) break;
    parts.push_back(text.substr(0, nul));
    text.remove_prefix(nul + 1);
  }
  parts.push_back(text);
  while (parts.size() < 3) parts.emplace_back();
  return parts;
}

/// A scratch folder of this process, made once and removed at exit.
const std::filesystem::path& scratch_folder() {
  static const std::filesystem::path folder = [] {
    const auto path = std::filesystem::temp_directory_path() / ("parley-genius-fuzz-" + std::to_string(::getpid()));
    std::filesystem::create_directories(path);
    std::atexit([] {
      std::error_code ignored;
      std::filesystem::remove_all(scratch_folder(), ignored);
    });
    return path;
  }();
  return folder;
}

void write_text(const std::filesystem::path& path, std::string_view text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto parts = negotiation_parts(std::string_view(reinterpret_cast<const char*>(data), size));
  try {
    const parley::io::GeniusDomain domain = parley::io::parse_genius_domain(parts[0], "domain.xml");
    (void)parley::io::parse_genius_profile(parts[1], "a.xml", domain);
    (void)parley::io::parse_genius_profile(parts[2], "b.xml", domain);
    const auto& folder = scratch_folder();
    parley::io::GeniusFiles files{(folder / "fuzz_domain.xml").string(),
                                  {(folder / "fuzz_a.xml").string(), (folder / "fuzz_b.xml").string()}};
    write_text(files.domain, parts[0]);
    write_text(files.profiles[0], parts[1]);
    write_text(files.profiles[1], parts[2]);
    const parley::io::GeniusImport imported = parley::io::import_genius(files);
    (void)parley::io::build_scenario(parley::io::parse_scenario_text(imported.yaml, files.domain, imported.id));
  } catch (const parley::io::ScenarioError&) {
    // The located refusal of a bad domain or profile.
  }
  return 0;
}
