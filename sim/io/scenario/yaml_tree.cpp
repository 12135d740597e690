#include "parley/io/scenario/yaml_tree.hpp"

#include <yaml-cpp/yaml.h>

#include <exception>
#include <string>
#include <vector>

#include "parley/io/format/diagnostic.hpp"
#include "parley/io/format/utf8_text.hpp"
#include "parley/io/scenario/key_path.hpp"

namespace parley::io {

namespace {

SourceLocation location_of(const YAML::Mark& mark, const std::shared_ptr<const std::string>& source) {
  // yaml-cpp counts lines and columns from 0, editors and compilers from 1.
  if (mark.is_null()) return {source, 0, 0};
  return {source, mark.line + 1, mark.column + 1};
}

/// Copies yaml-cpp's tree into YamlNode values, refusing the two shapes that would never end or
/// would exhaust memory. yaml-cpp resolves an alias to the very node of its anchor, so
///   `extra: &a [*a]` is a list that contains itself: copying it recursed until the stack
///   overflowed (SIGSEGV);
///   nested aliases ("billion laughs": a list of ten *b, each a list of ten *c, ...) are a small
///   file whose copy doubles at every level (1.5 KB became 1.5 GB).
/// So the copy keeps the path of nodes it is inside (a node met again on its own path is a
/// cycle) and a budget of nodes, far above any real scenario (the default scenario has about
/// 3,000) and far below what a machine cannot hold.
class TreeCopy {
 public:
  explicit TreeCopy(std::shared_ptr<const std::string> source) : source_(std::move(source)) {}

  YamlNode convert(const YAML::Node& node) {
    YamlNode out;
    out.location = location_of(node.Mark(), source_);
    if (++copied_ > max_yaml_nodes) {
      fail(out.location, "the document holds more than " + std::to_string(max_yaml_nodes) +
                             " nodes once its aliases are expanded (max_yaml_nodes, docs/limits.md); a scenario "
                             "needs far fewer");
    }
    switch (node.Type()) {
      case YAML::NodeType::Undefined:
      case YAML::NodeType::Null:
        out.kind = YamlNode::Kind::null;
        break;
      case YAML::NodeType::Scalar:
        out.kind = YamlNode::Kind::scalar;
        out.scalar = node.Scalar();
        // yaml-cpp tags plain scalars "?" and quoted ones "!": a quoted "0.5" is a string.
        out.plain = node.Tag() != "!";
        break;
      case YAML::NodeType::Sequence:
        enter(node, out.location);
        out.kind = YamlNode::Kind::sequence;
        out.items.reserve(node.size());
        for (const auto& item : node) out.items.push_back(convert(item));
        path_.pop_back();
        break;
      case YAML::NodeType::Map:
        enter(node, out.location);
        out.kind = YamlNode::Kind::map;
        out.entries.reserve(node.size());
        for (const auto& entry : node) out.entries.emplace_back(convert(entry.first), convert(entry.second));
        path_.pop_back();
        break;
    }
    return out;
  }

 private:
  void enter(const YAML::Node& node, const SourceLocation& at) {
    for (const auto& outer : path_)
      if (outer.is(node)) fail(at, "an alias refers to a list or map that contains it (a cycle: it would never end)");
    path_.push_back(node);
  }

  [[noreturn]] void fail(const SourceLocation& at, const std::string& message) const {
    throw ScenarioError({Diagnostic{*source_, at.line, at.column, "", message}});
  }

  std::shared_ptr<const std::string> source_;
  std::vector<YAML::Node> path_;
  std::size_t copied_ = 0;
};

}  // namespace

const YamlNode* YamlNode::find(std::string_view key) const {
  for (const auto& [k, v] : entries)
    if (k.is_scalar() && k.scalar == key) return &v;
  return nullptr;
}

YamlNode* YamlNode::find(std::string_view key) {
  for (auto& [k, v] : entries)
    if (k.is_scalar() && k.scalar == key) return &v;
  return nullptr;
}

std::string YamlNode::describe() const {
  switch (kind) {
    case Kind::null: return "nothing (null)";
    case Kind::sequence: return "a list";
    case Kind::map: return "a map";
    case Kind::scalar: break;
  }
  if (!plain) return "the string \"" + scalar + "\"";
  return "'" + scalar + "'";
}

namespace {

/// The path of the key or value that holds position (`line`, `column`): of the nodes that start
/// at or before it, the last one ("" when none does).
void find_invalid_byte_holder(const YamlNode& node, const std::string& path, int line, int column,
                              SourceLocation& best, std::string& best_path) {
  const auto before = [&](const SourceLocation& at) {
    return at.line > 0 && (at.line < line || (at.line == line && at.column <= column));
  };
  const auto later = [&](const SourceLocation& at) {
    return at.line > best.line || (at.line == best.line && at.column >= best.column);
  };
  if (before(node.location) && later(node.location)) {
    best = node.location;
    best_path = path;
  }
  for (std::size_t k = 0; k < node.items.size(); ++k)
    find_invalid_byte_holder(node.items[k], item_path(path, k), line, column, best, best_path);
  for (const auto& [key, value] : node.entries) {
    const std::string child = child_path(path, key.is_scalar() ? key.scalar : std::string("?"));
    find_invalid_byte_holder(key, child, line, column, best, best_path);
    find_invalid_byte_holder(value, child, line, column, best, best_path);
  }
}

}  // namespace

YamlNode parse_yaml(std::string_view text, const std::string& source) {
  const auto name = std::make_shared<const std::string>(source);
  // Scenario files are UTF-8 (YAML 1.2, section 5.2): yaml-cpp passes other bytes through, and a
  // title holding one made `--format json` print invalid JSON (issue 18). The error is located
  // at the byte, with the key whose text holds it.
  if (const auto bad = first_invalid_utf8(text)) {
    int line = 1;
    int column = 1;
    for (std::size_t i = 0; i < *bad; ++i) {
      if (text[i] == '\n') {
        ++line;
        column = 1;
      } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
        ++column;  // characters, not bytes, as editors count
      }
    }
    std::string path;
    try {
      SourceLocation best;
      find_invalid_byte_holder(TreeCopy(name).convert(YAML::Load(valid_utf8(text))), "", line, column, best, path);
    } catch (const std::exception&) {
      path.clear();  // not YAML either: the position alone says where
    }
    static const char* const hex = "0123456789ABCDEF";
    const auto byte = static_cast<unsigned char>(text[*bad]);
    throw ScenarioError({Diagnostic{source, line, column, path,
                                    std::string("invalid UTF-8 (byte 0x") + hex[byte >> 4] + hex[byte & 0xf] +
                                        "); YAML text must be UTF-8"}});
  }
  try {
    return TreeCopy(name).convert(YAML::Load(std::string(text)));
  } catch (const YAML::Exception& e) {
    const SourceLocation at = location_of(e.mark, name);
    throw ScenarioError({Diagnostic{source, at.line, at.column, "", "YAML syntax: " + e.msg}});
  }
}

std::string location_text(const SourceLocation& location) {
  if (location.line > 0) return "at line " + std::to_string(location.line);
  return "in " + (location.source ? *location.source : std::string("the command line"));
}

void relocate(YamlNode& node, const SourceLocation& location) {
  node.location = location;
  for (auto& item : node.items) relocate(item, location);
  for (auto& [key, value] : node.entries) {
    relocate(key, location);
    relocate(value, location);
  }
}

}  // namespace parley::io
