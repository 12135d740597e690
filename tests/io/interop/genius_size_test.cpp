// GENIUS domains at the size limits (issue 18: a domain of 2 x 100,000 items took 186 s to
// import, a linear search per item): the reader is linear, a discrete issue of more than
// max_genius_levels items and a file of more than max_genius_file_bytes are refused with their
// file and line before any work on them. The XML is generated here.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <string>

#include "parley/io/interop/genius_domain.hpp"
#include "parley/io/interop/genius_import.hpp"
#include "../../support/temp_folder.hpp"

namespace {

namespace fs = std::filesystem;
using parley::io::ScenarioError;
using parley::testing::TempFolder;
using parley::testing::write_text;

// A domain of `issues` discrete issues of `items` items each, and a profile over it whose
// evaluations differ by party (`party` 0 prefers the first items, 1 the last).
std::string domain_xml(int issues, int items) {
  std::string xml = "<negotiation_template>\n<utility_space>\n<objective index=\"0\" name=\"root\" type=\"objective\">\n";
  for (int k = 1; k <= issues; ++k) {
    xml += "<issue index=\"" + std::to_string(k) + "\" name=\"issue" + std::to_string(k) + "\" type=\"discrete\">\n";
    for (int j = 1; j <= items; ++j) xml += "<item index=\"" + std::to_string(j) + "\" value=\"v" + std::to_string(j) + "\"/>\n";
    xml += "</issue>\n";
  }
  return xml + "</objective>\n</utility_space>\n</negotiation_template>\n";
}

std::string profile_xml(int issues, int items, int party) {
  std::string xml = "<utility_space>\n<reservation value=\"0.1\"/>\n<objective index=\"0\" name=\"root\" type=\"objective\">\n";
  for (int k = 1; k <= issues; ++k) {
    xml += "<issue index=\"" + std::to_string(k) + "\" name=\"issue" + std::to_string(k) + "\" type=\"discrete\">\n";
    // Profiles list their items in their own order: the last first.
    for (int j = items; j >= 1; --j) {
      const int evaluation = party == 0 ? items + 1 - j : j;
      xml += "<item index=\"" + std::to_string(j) + "\" value=\"v" + std::to_string(j) + "\" evaluation=\"" +
             std::to_string(evaluation) + "\"/>\n";
    }
    xml += "</issue>\n<weight index=\"" + std::to_string(k) + "\" value=\"" + (k == 1 ? "0.5" : "0.5") + "\"/>\n";
  }
  return xml + "</objective>\n</utility_space>\n";
}

parley::io::GeniusFiles write_negotiation(const TempFolder& folder, int issues, int items) {
  write_text(folder / "big-domain.xml", domain_xml(issues, items));
  write_text(folder / "big-a.xml", profile_xml(issues, items, 0));
  write_text(folder / "big-b.xml", profile_xml(issues, items, 1));
  return {folder.file("big-domain.xml"), {folder.file("big-a.xml"), folder.file("big-b.xml")}};
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

TEST_CASE("A GENIUS domain of 2 x 5,000 items imports in well under a few seconds", "[genius]") {
  const TempFolder folder("genius-5k");
  const auto files = write_negotiation(folder, 2, 5'000);
  const auto start = std::chrono::steady_clock::now();
  const auto imported = parley::io::import_genius(files);
  const double elapsed = seconds_since(start);
  INFO("import took " << elapsed << " s");
  // Quadratic, 2 x 15,000 items took about 4 s (186 s at 100,000 items); linear, a few
  // hundredths.
  CHECK(elapsed < 2.0);
  CHECK(imported.id == "big");
  CHECK_THAT(imported.yaml, Catch::Contains("{id: v5000, name: \"v5000\"}"));
  // Party a prefers v1 (evaluation 5000 of 5000), party b v5000.
  CHECK_THAT(imported.yaml, Catch::Contains("issue1: {v1: 1, v2: "));
  CHECK_THAT(imported.yaml, Catch::Contains("v5000: 1}"));
}

TEST_CASE("A GENIUS discrete issue of more than max_genius_levels items is refused quickly, with its line",
          "[genius]") {
  const TempFolder folder("genius-100k");
  const auto files = write_negotiation(folder, 2, 100'000);
  const auto start = std::chrono::steady_clock::now();
  try {
    (void)parley::io::import_genius(files);
    FAIL("a domain of 2 x 100,000 items was imported");
  } catch (const ScenarioError& e) {
    REQUIRE(e.diagnostics().size() == 2);  // one per issue
    const auto& d = e.diagnostics().front();
    CHECK(d.file == files.domain);
    CHECK(d.line == 4);  // the first <issue>
    CHECK(d.path == "objective/issue[index=1]");
    CHECK_THAT(d.message, Catch::Contains("100000 items, more than the limit of 10000 (max_genius_levels)"));
  }
  CHECK(seconds_since(start) < 5.0);
  CHECK(parley::io::max_genius_levels == 10'000);

  // A profile is held to the same limit, against a domain within it.
  const auto domain = parley::io::parse_genius_domain(domain_xml(1, 3), "small.xml");
  CHECK_THROWS_WITH(parley::io::parse_genius_profile(profile_xml(1, 10'001, 0), "huge-profile.xml", domain),
                    Catch::Contains("10001 items, more than the limit of 10000"));
}

TEST_CASE("A GENIUS domain whose issues have more than max_genius_levels levels together is refused", "[genius]") {
  // Three issues of 4,000 items: each within the limit, 12,000 together. Two issues of 5,000
  // (the largest pair the limit allows) are accepted.
  try {
    (void)parley::io::parse_genius_domain(domain_xml(3, 4'000), "three.xml");
    FAIL("a domain of 3 x 4,000 items was read");
  } catch (const ScenarioError& e) {
    REQUIRE(e.diagnostics().size() == 1);
    const auto& d = e.diagnostics().front();
    CHECK(d.file == "three.xml");
    CHECK(d.line == 3);  // the <objective>
    CHECK(d.path == "objective");
    CHECK_THAT(d.message, Catch::Contains("12000 items and integer values together, more than the limit of 10000"));
  }
  CHECK(parley::io::parse_genius_domain(domain_xml(2, 5'000), "two.xml").issues.size() == 2);
}

TEST_CASE("A GENIUS file over max_genius_file_bytes is refused before it is read", "[genius]") {
  const TempFolder folder("genius-bytes");
  const auto path = folder / "huge-domain.xml";
  write_text(path, "<negotiation_template>");
  // Sparse: the size is what the limit looks at, nothing is written or read.
  fs::resize_file(path, parley::io::max_genius_file_bytes + 1);
  const auto start = std::chrono::steady_clock::now();
  try {
    (void)parley::io::read_genius_domain(path.string());
    FAIL("a file of 64 MiB + 1 byte was read");
  } catch (const ScenarioError& e) {
    REQUIRE(e.diagnostics().size() == 1);
    CHECK(e.diagnostics().front().file == path.string());
    CHECK_THAT(e.diagnostics().front().message,
               Catch::Contains("67108865 bytes, more than the limit of 67108864 bytes (64 MiB)") &&
                   Catch::Contains("max_genius_file_bytes"));
  }
  // Finding the files reads each one's root element: the limit comes first there too.
  CHECK_THROWS_WITH(parley::io::find_genius_files(folder.path().string()), Catch::Contains("max_genius_file_bytes"));
  CHECK(seconds_since(start) < 2.0);
  CHECK(parley::io::max_genius_file_bytes == 64u << 20);
}
