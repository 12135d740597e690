#include "parley/io/scenario/yaml_reader.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <map>

#include "parley/io/format/number_format.hpp"
#include "parley/io/format/spelling_suggestion.hpp"
#include "parley/io/format/word_list.hpp"
#include "parley/io/scenario/key_path.hpp"

namespace parley::io {

namespace {

/// YAML writes a positive number with a '+' that from_chars does not read.
std::string_view without_plus(std::string_view text) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  return text;
}

bool is_identifier(std::string_view s) {
  if (s.empty()) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

std::string last_component(std::string_view pattern) {
  const auto dot = pattern.rfind('.');
  return std::string(dot == std::string_view::npos ? pattern : pattern.substr(dot + 1));
}

bool applies(const KeySpec& spec, std::string_view kind) {
  return spec.only_for.empty() ||
         std::find(spec.only_for.begin(), spec.only_for.end(), kind) != spec.only_for.end();
}

/// What a key of this spec must hold, in words ("expected <this>, got ...").
std::string expected(const KeySpec& spec) {
  switch (spec.type) {
    case KeyType::string: return "a string";
    case KeyType::identifier: return "an identifier (lower-case letters, digits, '_', '-')";
    case KeyType::integer: return "an integer";
    case KeyType::number: return "a number";
    case KeyType::boolean: return "true or false";
    case KeyType::choice: return "one of " + join_words(spec.choices);
    case KeyType::list: return "a list";
    case KeyType::map: return "a map";
    case KeyType::variant: return spec.type_text;
  }
  return "";
}

}  // namespace

std::optional<double> number_text(std::string_view text) {
  text = without_plus(text);
  if (text.empty()) return std::nullopt;
  double x = 0.0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), x);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(x)) return std::nullopt;
  return x;
}

std::optional<long long> integer_text(std::string_view text) {
  text = without_plus(text);
  if (text.empty()) return std::nullopt;
  long long x = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), x);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return x;
}

std::optional<double> scalar_number(const YamlNode& node) {
  if (!node.is_scalar() || !node.plain) return std::nullopt;
  return number_text(node.scalar);
}

std::optional<long long> scalar_integer(const YamlNode& node) {
  if (!node.is_scalar() || !node.plain) return std::nullopt;
  return integer_text(node.scalar);
}

std::optional<bool> scalar_boolean(const YamlNode& node) {
  if (!node.is_scalar() || !node.plain) return std::nullopt;
  static const char* const truths[] = {"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"};
  static const char* const falsehoods[] = {"false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF"};
  for (const char* t : truths)
    if (node.scalar == t) return true;
  for (const char* f : falsehoods)
    if (node.scalar == f) return false;
  return std::nullopt;
}

std::string unknown_key_message(std::string_view key, const std::vector<std::string>& allowed) {
  std::string hint = did_you_mean(key, allowed);
  if (hint.empty()) hint = "; allowed here: " + join_words(allowed);
  return "unknown key " + in_quotes(key) + hint;
}

// --- reporting --------------------------------------------------------------------------------

void YamlReader::error(const SourceLocation& at, const std::string& path, std::string message) {
  errors_.push_back(Diagnostic{at.source ? *at.source : source_, at.line, at.column, path, std::move(message)});
}

void YamlReader::error(const YamlNode& at, const std::string& path, std::string message) {
  error(at.location, path, std::move(message));
}

std::vector<Diagnostic> YamlReader::take_errors() {
  std::vector<Diagnostic> out = std::move(errors_);
  errors_.clear();
  return out;
}

// --- maps -------------------------------------------------------------------------------------

void YamlReader::check_unique_keys(const YamlNode& map, const std::string& path) {
  std::map<std::string, const YamlNode*> seen;
  for (const auto& [key, value] : map.entries) {
    if (!key.is_scalar()) {
      error(key, path, "map keys must be names, got " + key.describe());
      continue;
    }
    const auto [it, inserted] = seen.emplace(key.scalar, &key);
    if (!inserted)
      error(key, child_path(path, key.scalar),
            "duplicate key " + in_quotes(key.scalar) + " (first " + location_text(it->second->location) + ")");
  }
}

bool YamlReader::check_keys(const YamlNode& node, const std::string& path, const std::vector<std::string>& allowed) {
  if (!node.is_map()) {
    error(node, path, "expected a map, got " + node.describe());
    return false;
  }
  check_unique_keys(node, path);
  for (const auto& [key, value] : node.entries)
    if (key.is_scalar() && std::find(allowed.begin(), allowed.end(), key.scalar) == allowed.end())
      error(key, child_path(path, key.scalar), unknown_key_message(key.scalar, allowed));
  return true;
}

bool YamlReader::check_map(const YamlNode& node, const std::string& path, const std::string& pattern,
                           std::string_view kind, bool dynamic_keys) {
  if (!node.is_map()) {
    error(node, path, "expected a map, got " + node.describe());
    return false;
  }
  check_unique_keys(node, path);
  const auto children = schema_children(pattern);
  std::vector<std::string> names;
  for (const KeySpec* c : children) names.push_back(last_component(c->path));
  for (const auto& [key, value] : node.entries) {
    if (!key.is_scalar()) continue;
    const auto it = std::find(names.begin(), names.end(), key.scalar);
    if (it == names.end()) {
      if (!dynamic_keys) error(key, child_path(path, key.scalar), unknown_key_message(key.scalar, names));
      continue;
    }
    const KeySpec& spec = *children[static_cast<std::size_t>(it - names.begin())];
    if (!kind.empty() && !applies(spec, kind))
      error(key, child_path(path, key.scalar),
            in_quotes(key.scalar) + " is only for kind " + join_words(spec.only_for) + ", and this is " +
                std::string(kind));
  }
  for (const KeySpec* c : children) {
    const std::string name = last_component(c->path);
    if (!c->required) continue;
    if (!c->only_for.empty() && (kind.empty() || !applies(*c, kind))) continue;
    require_key(node, path, name);
  }
  return true;
}

void YamlReader::require_key(const YamlNode& map, const std::string& path, std::string_view key) {
  if (!map.find(key)) error(map, child_path(path, key), "missing required key " + in_quotes(key));
}

// --- values -----------------------------------------------------------------------------------

void YamlReader::range_error(const YamlNode& n, const std::string& path, const NumericRange& range, double x) {
  const bool interval = !std::isinf(range.lo) && !std::isinf(range.hi);
  error(n, path, "must be " + std::string(interval ? "in " : "") + range.to_string() + ", got " + format_shortest(x));
}

std::optional<double> YamlReader::read_number(const YamlNode& n, const std::string& path, const KeySpec& spec) {
  const auto x = scalar_number(n);
  if (!x) {
    error(n, path, "expected a number, got " + n.describe());
    return std::nullopt;
  }
  if (!spec.range.contains(*x)) {
    range_error(n, path, spec.range, *x);
    return std::nullopt;
  }
  return x;
}

std::optional<long long> YamlReader::read_integer(const YamlNode& n, const std::string& path, const KeySpec& spec) {
  const auto x = scalar_integer(n);
  if (!x) {
    error(n, path, "expected an integer, got " + n.describe());
    return std::nullopt;
  }
  if (!spec.range.contains(static_cast<double>(*x))) {
    range_error(n, path, spec.range, static_cast<double>(*x));
    return std::nullopt;
  }
  return x;
}

bool YamlReader::fits_int(const YamlNode& n, const std::string& path, long long x) {
  const NumericRange fits{static_cast<double>(std::numeric_limits<int>::min()),
                          static_cast<double>(std::numeric_limits<int>::max()), false, false};
  if (fits.contains(static_cast<double>(x))) return true;
  range_error(n, path, fits, static_cast<double>(x));
  return false;
}

std::optional<int> YamlReader::read_int(const YamlNode& n, const std::string& path, const KeySpec& spec) {
  const auto x = read_integer(n, path, spec);
  if (!x || !fits_int(n, path, *x)) return std::nullopt;
  return static_cast<int>(*x);
}

std::optional<std::string> YamlReader::read_string(const YamlNode& n, const std::string& path, const KeySpec& spec) {
  if (!n.is_scalar()) {
    error(n, path, "expected " + expected(spec) + ", got " + n.describe());
    return std::nullopt;
  }
  if (spec.type == KeyType::identifier && !is_identifier(n.scalar)) {
    error(n, path, "expected " + expected(spec) + ", got " + n.describe());
    return std::nullopt;
  }
  if (spec.type == KeyType::choice &&
      std::find(spec.choices.begin(), spec.choices.end(), n.scalar) == spec.choices.end()) {
    error(n, path, "expected one of " + join_words(spec.choices) + ", got " + n.describe() +
                       did_you_mean(n.scalar, spec.choices));
    return std::nullopt;
  }
  return n.scalar;
}

std::optional<bool> YamlReader::read_boolean(const YamlNode& n, const std::string& path) {
  const auto b = scalar_boolean(n);
  if (!b) error(n, path, "expected true or false, got " + n.describe());
  return b;
}

std::optional<std::vector<double>> YamlReader::read_number_list(const YamlNode& n, const std::string& path,
                                                                const KeySpec& spec) {
  if (!n.is_sequence()) {
    error(n, path, "expected a list of numbers, got " + n.describe());
    return std::nullopt;
  }
  std::vector<double> out;
  bool ok = true;
  for (std::size_t j = 0; j < n.items.size(); ++j) {
    if (auto x = read_number(n.items[j], item_path(path, j), spec)) out.push_back(*x);
    else ok = false;
  }
  if (!ok) return std::nullopt;
  return out;
}

// --- keys of a map described by the scenario schema --------------------------------------------

std::optional<double> YamlReader::number_key(const YamlNode& map, const std::string& path, const std::string& pattern,
                                             std::string_view key) {
  const KeySpec& spec = schema_key(child_path(pattern, key));
  const YamlNode* n = map.find(key);
  if (!n) return spec.default_number;
  return read_number(*n, child_path(path, key), spec);
}

std::optional<long long> YamlReader::integer_key(const YamlNode& map, const std::string& path,
                                                 const std::string& pattern, std::string_view key) {
  const KeySpec& spec = schema_key(child_path(pattern, key));
  const YamlNode* n = map.find(key);
  if (!n) {
    if (spec.default_number) return static_cast<long long>(*spec.default_number);
    return std::nullopt;
  }
  return read_integer(*n, child_path(path, key), spec);
}

std::optional<int> YamlReader::int_key(const YamlNode& map, const std::string& path, const std::string& pattern,
                                       std::string_view key) {
  const auto x = integer_key(map, path, pattern, key);
  if (!x) return std::nullopt;
  // A default comes from the schema and fits; a value from the file is checked.
  if (const YamlNode* n = map.find(key); n && !fits_int(*n, child_path(path, key), *x)) return std::nullopt;
  return static_cast<int>(*x);
}

std::optional<std::string> YamlReader::string_key(const YamlNode& map, const std::string& path,
                                                  const std::string& pattern, std::string_view key) {
  const KeySpec& spec = schema_key(child_path(pattern, key));
  const YamlNode* n = map.find(key);
  if (!n) return std::nullopt;
  return read_string(*n, child_path(path, key), spec);
}

std::optional<bool> YamlReader::boolean_key(const YamlNode& map, const std::string& path, const std::string& pattern,
                                            std::string_view key) {
  const KeySpec& spec = schema_key(child_path(pattern, key));
  const YamlNode* n = map.find(key);
  if (!n) {
    if (spec.default_number) return *spec.default_number != 0.0;
    return std::nullopt;
  }
  return read_boolean(*n, child_path(path, key));
}

const YamlNode* YamlReader::list_key(const YamlNode& map, const std::string& path, std::string_view key) {
  const YamlNode* n = map.find(key);
  if (!n) return nullptr;
  if (!n->is_sequence()) {
    error(*n, child_path(path, key), "expected a list, got " + n->describe());
    return nullptr;
  }
  return n;
}

}  // namespace parley::io
