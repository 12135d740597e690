#pragma once
/// \file word_list.hpp
/// Words in messages: a name in quotes, and a list of choices ("expected one of: a, b, c").

#include <string>
#include <string_view>
#include <vector>

namespace parley::io {

/// `s` in single quotes, as every error message quotes a key, id or value: 'russia'.
inline std::string in_quotes(std::string_view s) { return "'" + std::string(s) + "'"; }

/// The words joined by ", ": {"a", "b", "c"} gives "a, b, c"; no words give "".
inline std::string join_words(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : ", ") + w;
  return out;
}

}  // namespace parley::io
