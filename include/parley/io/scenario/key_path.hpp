#pragma once
/// \file key_path.hpp
/// Key paths name a place in a scenario document: map keys joined by '.', list items as
/// `[index]` (`parties[1].weights.territory`). Diagnostics print them; `--set` and `--vary`
/// read them, where a list item may also be named by its id (`parties.russia.cost`).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parley::io {

/// `base.key`, or `key` at the top level (empty base).
std::string child_path(const std::string& base, std::string_view key);

/// `base[index]`.
std::string item_path(const std::string& base, std::size_t index);

/// One step of a path: a map key or a list item's id (`key`), or a list index (`index`).
struct KeyPathStep {
  std::string key;
  std::optional<std::size_t> index;
  friend bool operator==(const KeyPathStep&, const KeyPathStep&) = default;
};

/// The steps of a dotted path with optional `[index]` suffixes: "parties[1].cost" gives
/// {parties}, {[1]}, {cost}. std::nullopt for an empty path, an empty key ("a..b", "a."),
/// or an index that is not a decimal number ("a[x]", "a[1").
std::optional<std::vector<KeyPathStep>> parse_key_path(std::string_view path);

}  // namespace parley::io
