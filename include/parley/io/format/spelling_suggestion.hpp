#pragma once
/// \file spelling_suggestion.hpp
/// "Did you mean ...?" for misspelt keys, ids and names in scenarios and on the command line.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace parley::io {

/// Levenshtein distance: the fewest single-character insertions, deletions and substitutions
/// that turn `a` into `b` (Wagner and Fischer 1974, one row of the table at a time).
std::size_t edit_distance(std::string_view a, std::string_view b);

/// " (did you mean 'x'?)" for the candidate closest to `word`, if it is fewer than 3 edits away
/// (and fewer edits than `word` has letters) or starts with `word` (at least 3 letters: "ukraine"
/// for "ukraine-2025"); "" otherwise.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace parley::io
