#include "parley/io/scenario/yaml_tree.hpp"

#include <yaml-cpp/yaml.h>

#include "parley/io/format/diagnostic.hpp"

namespace parley::io {

namespace {

SourceLocation location_of(const YAML::Mark& mark, const std::shared_ptr<const std::string>& source) {
  // yaml-cpp counts lines and columns from 0, editors and compilers from 1.
  if (mark.is_null()) return {source, 0, 0};
  return {source, mark.line + 1, mark.column + 1};
}

YamlNode convert(const YAML::Node& node, const std::shared_ptr<const std::string>& source) {
  YamlNode out;
  out.location = location_of(node.Mark(), source);
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
      out.kind = YamlNode::Kind::sequence;
      out.items.reserve(node.size());
      for (const auto& item : node) out.items.push_back(convert(item, source));
      break;
    case YAML::NodeType::Map:
      out.kind = YamlNode::Kind::map;
      out.entries.reserve(node.size());
      for (const auto& entry : node)
        out.entries.emplace_back(convert(entry.first, source), convert(entry.second, source));
      break;
  }
  return out;
}

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

YamlNode parse_yaml(std::string_view text, const std::string& source) {
  const auto name = std::make_shared<const std::string>(source);
  try {
    return convert(YAML::Load(std::string(text)), name);
  } catch (const YAML::Exception& e) {
    const SourceLocation at = location_of(e.mark, name);
    throw ScenarioError({Diagnostic{source, at.line, at.column, "", "YAML syntax: " + e.msg}});
  }
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
