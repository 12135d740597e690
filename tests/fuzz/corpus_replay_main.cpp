// The `main` of a fuzz target outside libFuzzer: runs the target once on each file given,
// and on every file (recursively, in name order) of each folder given, so that a seed corpus
// and the inputs fuzzing found (tests/fuzz/regressions/) are replayed as regression tests in
// the ordinary and the sanitizer builds. A crash or an escaping exception ends the process
// with the file named on the line before; otherwise it prints how many inputs ran and exits 0.
// With no argument, or a path that does not exist, it fails: a replay that ran nothing would
// pass without testing anything.
#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "fuzz_target.hpp"

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> inputs_under(const fs::path& path) {
  std::vector<fs::path> files;
  if (fs::is_directory(path)) {
    for (const auto& entry : fs::recursive_directory_iterator(path))
      if (entry.is_regular_file()) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
  } else if (fs::is_regular_file(path)) {
    files.push_back(path);
  }
  return files;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: " << argv[0] << " FILE_OR_FOLDER...: runs the fuzz target on each input\n";
    return 2;
  }
  std::size_t count = 0;
  for (int i = 1; i < argc; ++i) {
    const auto files = inputs_under(argv[i]);
    if (files.empty()) {
      std::cerr << argv[0] << ": no input at " << argv[i] << "\n";
      return 1;
    }
    for (const auto& file : files) {
      std::ifstream in(file, std::ios::binary);
      const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      if (!in.eof() && in.fail()) {
        std::cerr << argv[0] << ": cannot read " << file.string() << "\n";
        return 1;
      }
      std::cerr << "running " << file.string() << "\n";
      LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
      ++count;
    }
  }
  std::cout << count << " inputs ran without a finding\n";
  return 0;
}
