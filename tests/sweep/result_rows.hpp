#pragma once
// A sweep's results file as a set of rows: sweeps write rows in the order points finish, so two
// files hold the same results when their headers match and their rows match once sorted.
#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

namespace parley::testing {

/// The header line first, then the other lines sorted by point id (the first field, as a number).
inline std::vector<std::string> sorted_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  if (!lines.empty()) {
    std::sort(lines.begin() + 1, lines.end(), [](const std::string& a, const std::string& b) {
      return std::stoull(a.substr(0, a.find(','))) < std::stoull(b.substr(0, b.find(',')));
    });
  }
  return lines;
}

}  // namespace parley::testing
