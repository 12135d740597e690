// The repository stands on its own: no tracked file names a folder beside the checkout or an
// absolute path of a developer's machine (a home or workspace folder). Such a path works on
// the machine that wrote it and nowhere else: a clone would build, and its tests, docs or
// scenario sources would point at nothing. Everything the project uses lives in it (test data in
// tests/data, the sources of the default scenario in docs/sources, the model in docs/).
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

// The patterns are assembled from pieces so that this file does not match itself.
const std::string dot_dot = "..";
const std::vector<std::string> forbidden = {
    dot_dot + "/shared",  // the team's folder beside the checkout
    "/" "work/",          // the team's workspace
    "/" "home/",          // Linux home folders
    "/" "root/",          // root's home folder
    "/" "Users/",         // macOS home folders
    "/" "mnt/",           // mounted drives
};

/// The files git tracks, relative to the source tree; empty when the tree is not a git checkout
/// (a release tarball), in which case every regular file outside build folders is checked.
std::vector<fs::path> project_files(const fs::path& root) {
  std::vector<fs::path> files;
  if (fs::exists(root / ".git")) {
    const std::string command = "git -C '" + root.string() + "' ls-files -z 2>/dev/null";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    if (pipe) {
      std::string name;
      for (int c = std::fgetc(pipe.get()); c != EOF; c = std::fgetc(pipe.get())) {
        if (c == '\0') {
          files.push_back(name);
          name.clear();
        } else {
          name.push_back(static_cast<char>(c));
        }
      }
    }
    if (!files.empty()) return files;
  }
  for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator(); ++it) {
    const auto& p = it->path();
    if (it->is_directory() && (p.filename() == ".git" || fs::exists(p / "CMakeCache.txt"))) {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file()) files.push_back(fs::relative(p, root));
  }
  return files;
}

/// Each line of `text` that holds a forbidden pattern, as "file:line: text".
std::vector<std::string> offending_lines(const fs::path& name, const std::string& text) {
  std::vector<std::string> found;
  std::istringstream lines(text);
  std::string line;
  for (int number = 1; std::getline(lines, line); ++number) {
    for (const auto& pattern : forbidden) {
      if (line.find(pattern) != std::string::npos) {
        found.push_back(name.string() + ":" + std::to_string(number) + ": " + line.substr(0, 160));
        break;
      }
    }
  }
  return found;
}

}  // namespace

TEST_CASE("the pattern scan finds a machine path and passes a repository path", "[repository]") {
  // The offending samples are made from the patterns themselves, so no line of this file has one.
  CHECK(offending_lines("a.md", "see " + forbidden[0] + "/DESIGN.md\n").size() == 1);
  CHECK(offending_lines("b.cpp", "// read " + forbidden[1] + "data\nint x;\n// and " + forbidden[2] + "me/x\n").size() == 2);
  CHECK(offending_lines("c.yaml", "# docs/sources/plan-2025.md and tests/data/genius\n").empty());
}

TEST_CASE("no tracked file names a folder beside the checkout or a machine's absolute path", "[repository]") {
  const fs::path root = PARLEY_SOURCE_DIR;
  const auto files = project_files(root);
  // The scan must have seen the project, not an empty or wrong folder.
  REQUIRE(files.size() > 100);
  std::vector<std::string> found;
  std::size_t scanned = 0;
  for (const auto& name : files) {
    std::ifstream in(root / name, std::ios::binary);
    if (!in) continue;  // deleted in the work tree but still in the index
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (text.find('\0') != std::string::npos) continue;  // binary (images)
    ++scanned;
    const auto lines = offending_lines(name, text);
    found.insert(found.end(), lines.begin(), lines.end());
  }
  CHECK(scanned > 100);
  std::string report;
  for (const auto& line : found) report += "\n  " + line;
  INFO("files naming a path outside the repository:" << report);
  CHECK(found.empty());
}

TEST_CASE("the reference data and the scenario's sources are in the repository", "[repository]") {
  const fs::path root = PARLEY_SOURCE_DIR;
  CHECK(fs::is_regular_file(root / "tests" / "data" / "README.md"));
  CHECK(fs::is_regular_file(root / "tests" / "data" / "gambit" / "reference.json"));
  std::size_t domains = 0;
  for (const auto& entry : fs::directory_iterator(root / "tests" / "data" / "genius"))
    if (entry.is_directory()) ++domains;
  CHECK(domains == 12);
  for (const char* doc : {"design.md", "theory.md", "sources/talks-2025-12.txt", "sources/plan-2025.md"})
    CHECK(fs::is_regular_file(root / "docs" / doc));
}
