#pragma once
/// \file yaml_tree.hpp
/// A parsed YAML document as a plain value tree whose every node knows where it came from.
///
/// The loader needs three things yaml-cpp's node type makes awkward: the source position of
/// every key and value (for errors), value semantics (a sweep copies a document and changes one
/// field per design point, and yaml-cpp nodes alias on assignment), and duplicate keys kept
/// visible (so they can be reported). This tree gives all three; yaml-cpp stays an
/// implementation detail of sim/io.

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace parley::io {

/// Where a node came from: the source's display name and a 1-based line and column
/// (0 when unknown, e.g. inside a `--set` value).
struct SourceLocation {
  std::shared_ptr<const std::string> source;  ///< shared by every node of one parse
  int line = 0;
  int column = 0;
};

/// Where a node came from, for messages that point back at it ("duplicate id 'x' (first at line
/// 12)"): "at line 12", or, for a node given on the command line (no line), "in " and its source,
/// e.g. "in --set parties[0].id=x", never "at line 0".
std::string location_text(const SourceLocation& location);

struct YamlEntry;

/// \brief A YAML node: null, scalar, sequence or map (keys and values in document order).
struct YamlNode {
  enum class Kind { null, scalar, sequence, map };
  Kind kind = Kind::null;
  std::string scalar;  ///< the text of a scalar
  bool plain = true;   ///< unquoted scalar: only these are read as numbers or booleans
  std::vector<YamlNode> items;                          ///< sequence items
  std::vector<YamlEntry> entries;  ///< map entries, duplicates kept
  SourceLocation location;

  [[nodiscard]] bool is_null() const { return kind == Kind::null; }
  [[nodiscard]] bool is_scalar() const { return kind == Kind::scalar; }
  [[nodiscard]] bool is_sequence() const { return kind == Kind::sequence; }
  [[nodiscard]] bool is_map() const { return kind == Kind::map; }

  /// The value of the first entry whose key is the scalar `key`, or nullptr (maps only).
  [[nodiscard]] const YamlNode* find(std::string_view key) const;
  [[nodiscard]] YamlNode* find(std::string_view key);

  /// "a list", "a map", "a number", ... for error messages ("expected a number, got a list").
  [[nodiscard]] std::string describe() const;
};

/// \brief One entry of a YAML map: its key node and its value node. A struct of its own (not
/// `std::pair<YamlNode, YamlNode>`) because YamlNode holds these while still incomplete, which
/// std::vector allows and std::pair does not.
struct YamlEntry {
  YamlEntry(YamlNode key, YamlNode value) : first(std::move(key)), second(std::move(value)) {}
  YamlNode first;   ///< the key
  YamlNode second;  ///< the value
};

/// The most nodes a parsed document may hold once its aliases are expanded: a real scenario has
/// a few thousand; a few kilobytes of aliases nested in aliases would otherwise expand to
/// gigabytes.
inline constexpr std::size_t max_yaml_nodes = 250'000;

/// Parses `text` (the first YAML document in it) into a tree whose locations name `source`.
/// Throws ScenarioError with one diagnostic at the offending line and column on a YAML syntax
/// error, on an alias to a list or map that contains it (a cycle), and on a document that
/// expands to more than max_yaml_nodes nodes. An empty text gives a null node.
YamlNode parse_yaml(std::string_view text, const std::string& source);

/// Sets every location in the tree to `location` (used for values given on the command line,
/// whose lines and columns would only confuse).
void relocate(YamlNode& node, const SourceLocation& location);

}  // namespace parley::io
