#include "parley/io/scenario/key_path.hpp"

#include <charconv>

namespace parley::io {

std::string child_path(const std::string& base, std::string_view key) {
  return base.empty() ? std::string(key) : base + "." + std::string(key);
}

std::string item_path(const std::string& base, std::size_t index) { return base + "[" + std::to_string(index) + "]"; }

std::optional<std::vector<KeyPathStep>> parse_key_path(std::string_view path) {
  std::vector<KeyPathStep> steps;
  std::size_t i = 0;
  while (i < path.size()) {
    std::size_t j = i;
    while (j < path.size() && path[j] != '.' && path[j] != '[') ++j;
    if (j > i)
      steps.push_back({std::string(path.substr(i, j - i)), std::nullopt});
    else if (path[j] != '[' || steps.empty())  // an empty key; "[0]" must follow a key
      return std::nullopt;
    i = j;
    while (i < path.size() && path[i] == '[') {
      const std::size_t close = path.find(']', i);
      if (close == std::string_view::npos) return std::nullopt;
      const std::string_view digits = path.substr(i + 1, close - i - 1);
      std::size_t index = 0;
      const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), index);
      if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
      steps.push_back({"", index});
      i = close + 1;
    }
    if (i < path.size()) {
      if (path[i] != '.' || i + 1 == path.size()) return std::nullopt;
      ++i;
    }
  }
  if (steps.empty()) return std::nullopt;
  return steps;
}

}  // namespace parley::io
