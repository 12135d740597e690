#include "parley/io/scenario/scenario_document.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "parley/io/scenario/builtin_scenarios.hpp"
#include "parley/io/interop/genius_domain.hpp"
#include "parley/io/interop/genius_import.hpp"
#include "parley/io/scenario/key_path.hpp"
#include "parley/io/format/spelling_suggestion.hpp"
#include "parley/io/format/word_list.hpp"

namespace parley::io {

namespace {

std::vector<std::string> builtin_names() {
  std::vector<std::string> names;
  for (const auto& builtin : builtin_scenarios()) names.emplace_back(builtin.name);
  return names;
}

YamlNode scalar_node(std::string text, const SourceLocation& at) {
  YamlNode n;
  n.kind = YamlNode::Kind::scalar;
  n.scalar = std::move(text);
  n.location = at;
  return n;
}

/// Whether `canonical` (a path with indices) is `parties[N].strategy`.
bool is_strategy_path(const std::string& canonical) {
  return canonical.starts_with("parties[") && canonical.ends_with("].strategy") &&
         canonical.find('.') == canonical.size() - std::string_view(".strategy").size();
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ScenarioError({Diagnostic{path, 0, 0, "", "cannot open the file"}});
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw ScenarioError({Diagnostic{path, 0, 0, "", "cannot read the file"}});
  return text.str();
}

}  // namespace

ScenarioDocument parse_scenario_text(std::string_view text, std::string name, std::string id) {
  ScenarioDocument doc;
  doc.root = parse_yaml(text, name);
  doc.name = std::move(name);
  doc.id = std::move(id);
  return doc;
}

ScenarioDocument parse_scenario_file(const std::string& path) {
  return parse_scenario_text(read_file(path), path, std::filesystem::path(path).stem().string());
}

ScenarioDocument parse_builtin_scenario(std::string_view name) {
  for (const auto& builtin : builtin_scenarios())
    if (builtin.name == name) return parse_scenario_text(builtin.yaml, std::string(name), std::string(name));
  const auto names = builtin_names();
  throw ScenarioError({Diagnostic{std::string(name), 0, 0, "",
                                  "no built-in scenario of that name" + did_you_mean(name, names) +
                                      "; built-in: " + join_words(names)}});
}

ScenarioDocument genius_document(const GeniusFiles& files, const GeniusImportOptions& options) {
  const GeniusImport imported = import_genius(files, options);
  return parse_scenario_text(imported.yaml, files.domain, imported.id);
}

ScenarioDocument genius_document(const std::string& argument, const GeniusImportOptions& options) {
  return genius_document(find_genius_files(argument), options);
}

ScenarioDocument parse_scenario_argument(std::string_view path_or_name) {
  const std::string arg(path_or_name);
  // A GENIUS negotiation (a folder, a domain file, or its files joined by commas) is imported
  // on the fly, so that every command reads ANAC domains as they are (docs/genius.md).
  if (looks_like_genius(arg)) return genius_document(arg);
  std::error_code ec;
  if (std::filesystem::exists(arg, ec)) return parse_scenario_file(arg);
  std::string_view name = path_or_name;
  if (name.ends_with(".yaml")) name.remove_suffix(5);
  for (const auto& builtin : builtin_scenarios())
    if (builtin.name == name) return parse_builtin_scenario(name);
  const auto names = builtin_names();
  throw ScenarioError({Diagnostic{arg, 0, 0, "",
                                  "no such file, and no built-in scenario of that name" + did_you_mean(name, names) +
                                      " (built-in: " + join_words(names) + ")"}});
}

void apply_override(ScenarioDocument& document, std::string_view path, std::string_view value) {
  const std::string origin = "--set " + std::string(path) + "=" + std::string(value);
  const auto fail = [&](const std::string& at, const std::string& message) {
    throw ScenarioError({Diagnostic{origin, 0, 0, at, message}});
  };
  const auto steps = parse_key_path(path);
  if (!steps)
    fail("", "malformed path " + in_quotes(path) + " (expected keys joined by '.', list items as [index] or by id)");

  YamlNode replacement;
  try {
    replacement = parse_yaml(value, origin);
  } catch (const ScenarioError& e) {
    fail(std::string(path), "the value is not valid YAML: " + e.diagnostics().front().message);
  }
  const SourceLocation here{std::make_shared<const std::string>(origin), 0, 0};
  relocate(replacement, here);

  YamlNode* node = &document.root;
  std::string canonical;
  for (const KeyPathStep& step : *steps) {
    if (step.index) {
      if (!node->is_sequence())
        fail(canonical,
             "is " + node->describe() + ", not a list, so [" + std::to_string(*step.index) + "] cannot be set");
      if (*step.index >= node->items.size())
        fail(canonical, "has " + std::to_string(node->items.size()) + " items, so [" + std::to_string(*step.index) +
                            "] does not exist");
      canonical = item_path(canonical, *step.index);
      node = &node->items[*step.index];
      continue;
    }
    if (node->is_scalar()) {
      // The short forms of a strategy and of a constant advantage, opened up so that a path can
      // reach inside them (`parties.russia.strategy.e`, `battlefield.advantage.value`; a renewed
      // war's advantage takes the same forms).
      YamlNode expanded;
      expanded.kind = YamlNode::Kind::map;
      expanded.location = node->location;
      if (is_strategy_path(canonical)) {
        expanded.entries.emplace_back(scalar_node("name", node->location), *node);
      } else if (canonical == "battlefield.advantage" || canonical == "durability.renewed_war.advantage") {
        expanded.entries.emplace_back(scalar_node("kind", here), scalar_node("constant", here));
        expanded.entries.emplace_back(scalar_node("value", node->location), *node);
      } else {
        fail(canonical, "is " + node->describe() + ", which has no key " + in_quotes(step.key));
      }
      *node = std::move(expanded);
    }
    if (node->is_null()) {
      node->kind = YamlNode::Kind::map;
      node->location = here;
    }
    if (node->is_map()) {
      YamlNode* child = node->find(step.key);
      if (!child) {
        YamlNode created;
        created.location = here;
        node->entries.emplace_back(scalar_node(step.key, here), std::move(created));
        child = &node->entries.back().second;
      }
      canonical = child_path(canonical, step.key);
      node = child;
      continue;
    }
    // A list: the item whose `id` (or, for a list of plain ids such as levels, whose text) is the key.
    std::vector<std::string> ids;
    YamlNode* found = nullptr;
    for (std::size_t j = 0; j < node->items.size() && !found; ++j) {
      YamlNode& item = node->items[j];
      const YamlNode* id = item.is_map() ? item.find("id") : &item;
      if (!id || !id->is_scalar()) continue;
      if (id->scalar == step.key) {
        found = &item;
        canonical = item_path(canonical, j);
      }
      ids.push_back(id->scalar);
    }
    if (!found)
      fail(canonical, "has no item with id " + in_quotes(step.key) + did_you_mean(step.key, ids) +
                          (ids.empty() ? "" : " (ids: " + join_words(ids) + ")"));
    node = found;
  }
  *node = std::move(replacement);
  document.overrides.push_back(std::string(path) + "=" + std::string(value));
}

void apply_override(ScenarioDocument& document, std::string_view assignment) {
  const auto eq = assignment.find('=');
  if (eq == std::string_view::npos || eq == 0)
    throw ScenarioError({Diagnostic{"--set " + std::string(assignment), 0, 0, "",
                                    "expected PATH=VALUE, e.g. --set battlefield.advantage=0.3"}});
  apply_override(document, assignment.substr(0, eq), assignment.substr(eq + 1));
}

void apply_overrides(ScenarioDocument& document, const std::vector<std::string>& assignments) {
  std::vector<Diagnostic> errors;
  for (const auto& assignment : assignments) {
    try {
      apply_override(document, assignment);
    } catch (const ScenarioError& e) {
      errors.insert(errors.end(), e.diagnostics().begin(), e.diagnostics().end());
    }
  }
  if (!errors.empty()) throw ScenarioError(std::move(errors));
}

}  // namespace parley::io
