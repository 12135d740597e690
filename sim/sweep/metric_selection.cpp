#include "parley/sweep/metric_selection.hpp"

#include <stdexcept>

namespace parley::sweep {

bool matches_pattern(std::string_view pattern, std::string_view name) {
  // Greedy wildcard matching with backtracking to the last star: O(|pattern| |name|) worst case.
  std::size_t p = 0, n = 0, star = std::string_view::npos, resume = 0;
  while (n < name.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      resume = n;
    } else if (p < pattern.size() && pattern[p] == name[n]) {
      ++p;
      ++n;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      n = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

std::vector<std::size_t> select_metrics(const std::vector<std::string>& available,
                                        const std::vector<std::string>& patterns) {
  std::vector<std::size_t> selected;
  if (patterns.empty()) {
    for (std::size_t i = 0; i < available.size(); ++i) selected.push_back(i);
    return selected;
  }
  std::string unmatched;
  for (const auto& pattern : patterns) {
    bool any = false;
    for (const auto& name : available) any = any || matches_pattern(pattern, name);
    if (!any) unmatched += (unmatched.empty() ? "" : ", ") + pattern;
  }
  if (!unmatched.empty()) {
    std::string names;
    for (const auto& name : available) names += (names.empty() ? "" : ", ") + name;
    throw std::invalid_argument("--metrics: no metric matches " + unmatched + " (the metrics are: " + names + ")");
  }
  for (std::size_t i = 0; i < available.size(); ++i)
    for (const auto& pattern : patterns)
      if (matches_pattern(pattern, available[i])) {
        selected.push_back(i);
        break;
      }
  return selected;
}

}  // namespace parley::sweep
