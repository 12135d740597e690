#include "parley/io/sweep/sweep_plan.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <limits>
#include <set>
#include <sstream>
#include <stdexcept>

#include "parley/io/scenario/key_path.hpp"
#include "parley/io/scenario/yaml_reader.hpp"

namespace parley::io {

namespace {

std::string trim(std::string_view text) {
  const auto begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return {};
  const auto end = text.find_last_not_of(" \t");
  return std::string(text.substr(begin, end - begin + 1));
}

// Splits `spec` at top-level colons if it is `lo:hi` or `lo:hi:n` with numbers; else nothing.
std::optional<std::vector<std::string>> numeric_parts(std::string_view spec) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (;;) {
    const auto colon = spec.find(':', start);
    parts.push_back(trim(spec.substr(start, colon == std::string_view::npos ? colon : colon - start)));
    if (colon == std::string_view::npos) break;
    start = colon + 1;
  }
  if (parts.size() < 2 || parts.size() > 3) return std::nullopt;
  if (!number_text(parts[0]) || !number_text(parts[1])) return std::nullopt;
  return parts;
}

// A plain scalar read in block context may hold what ends a plain scalar in flow context.
bool needs_quotes(const std::string& scalar) {
  if (scalar.empty() || scalar.front() == ' ' || scalar.back() == ' ' || scalar.back() == ':') return true;
  if (scalar.find_first_of(",[]{}\n") != std::string::npos) return true;
  return scalar.find(": ") != std::string::npos || scalar.find(" #") != std::string::npos;
}

std::string double_quoted(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else {
      out += c;
    }
  }
  return out + "\"";
}

ScenarioError located_error(const std::string& source, const YamlNode* node, const std::string& path,
                            const std::string& message) {
  Diagnostic d;
  d.file = source;
  if (node) {
    d.line = node->location.line;
    d.column = node->location.column;
  }
  d.path = path;
  d.message = message;
  return ScenarioError({d});
}

}  // namespace

std::string flow_text(const YamlNode& node) {
  switch (node.kind) {
    case YamlNode::Kind::null: return "null";
    case YamlNode::Kind::scalar:
      if (!node.plain || needs_quotes(node.scalar)) return double_quoted(node.scalar);
      return node.scalar;
    case YamlNode::Kind::sequence: {
      std::string out = "[";
      for (std::size_t i = 0; i < node.items.size(); ++i) out += (i ? ", " : "") + flow_text(node.items[i]);
      return out + "]";
    }
    case YamlNode::Kind::map: {
      std::string out = "{";
      for (std::size_t i = 0; i < node.entries.size(); ++i)
        out += (i ? ", " : "") + flow_text(node.entries[i].first) + ": " + flow_text(node.entries[i].second);
      return out + "}";
    }
  }
  return "null";
}

sweep::VariedParameter parse_vary_spec(const std::string& path, std::string_view spec, const std::string& source) {
  auto fail = [&](const std::string& message) { return located_error(source, nullptr, path, message); };
  sweep::VariedParameter parameter;
  parameter.path = path;
  parameter.spec = trim(spec);
  if (path.empty()) throw fail("missing PATH: write --vary PATH=SPEC");
  if (parameter.spec.empty()) throw fail("no values: SPEC is lo:hi:n, lo:hi or v1,v2,...");

  if (const auto parts = numeric_parts(parameter.spec)) {
    const double lo = *number_text((*parts)[0]);
    const double hi = *number_text((*parts)[1]);
    if (parts->size() == 2) {
      if (!(lo < hi)) throw fail("empty range " + parameter.spec + ": lo must be less than hi");
      parameter.lo = lo;
      parameter.hi = hi;
      return parameter;
    }
    const auto n = integer_text((*parts)[2]);
    if (!n || *n < 0) throw fail("in lo:hi:n, n must be a whole number >= 1, got '" + (*parts)[2] + "'");
    if (*n == 0) throw fail("n = 0 in " + parameter.spec + ": a lo:hi:n spec needs n >= 1 values");
    if (*n == 1 && lo != hi) throw fail(parameter.spec + " asks for one value between two different ends: write the value");
    if (*n > 1 && !(lo < hi)) throw fail("empty range " + parameter.spec + ": lo must be less than hi");
    if (static_cast<std::uint64_t>(*n) > sweep::max_parameter_values)
      throw fail("n = " + (*parts)[2] + " in " + parameter.spec + ": more than the limit of " +
                 std::to_string(sweep::max_parameter_values) + " values per varied parameter");
    parameter.levels = sweep::evenly_spaced_levels(lo, hi, static_cast<std::uint64_t>(*n));
    return parameter;
  }

  YamlNode list;
  try {
    list = parse_yaml("[" + parameter.spec + "]", source);
  } catch (const ScenarioError& e) {
    throw fail("'" + parameter.spec + "' is not a list of YAML values (" + e.diagnostics().front().message + ")");
  }
  std::set<std::string> seen;
  if (list.items.size() > sweep::max_parameter_values)
    throw fail(std::to_string(list.items.size()) + " values listed, more than the limit of " +
               std::to_string(sweep::max_parameter_values) + " values per varied parameter");
  for (const auto& item : list.items) {
    std::string text = flow_text(item);
    if (!seen.insert(text).second) throw fail("the value " + text + " is listed twice");
    parameter.levels.push_back(std::move(text));
  }
  if (parameter.levels.empty()) throw fail("no values: SPEC is lo:hi:n, lo:hi or v1,v2,...");
  return parameter;
}

sweep::VariedParameter parse_vary(std::string_view argument) {
  const std::string source = "--vary " + std::string(argument);
  const auto equals = argument.find('=');
  if (equals == std::string_view::npos)
    throw located_error(source, nullptr, "", "expected PATH=SPEC (e.g. battlefield.advantage=-0.6:0.6:13)");
  return parse_vary_spec(trim(argument.substr(0, equals)), argument.substr(equals + 1), source);
}

sweep::Shard parse_shard(std::string_view text) {
  const auto slash = text.find('/');
  const auto k = slash == std::string_view::npos ? std::nullopt : integer_text(trim(text.substr(0, slash)));
  const auto n = slash == std::string_view::npos ? std::nullopt : integer_text(trim(text.substr(slash + 1)));
  if (!k || !n || *k < 1 || *k > *n)
    throw std::invalid_argument("--shard must be k/n with 1 <= k <= n (e.g. 3/8), got '" + std::string(text) + "'");
  return sweep::Shard{static_cast<std::uint64_t>(*k), static_cast<std::uint64_t>(*n)};
}

namespace {

/// The names `design:` takes, as sweep::design_kind_named reads them.
std::vector<std::string> design_names() {
  std::vector<std::string> names;
  for (const auto kind : {sweep::DesignKind::grid, sweep::DesignKind::random, sweep::DesignKind::latin_hypercube,
                          sweep::DesignKind::sobol})
    names.emplace_back(sweep::to_string(kind));
  return names;
}

/// A count (`samples`, `runs`, `seed`): a whole number >= 0, read as the scenario loader reads
/// integers.
std::optional<std::uint64_t> read_count(YamlReader& reader, const YamlNode& node, const std::string& path) {
  KeySpec spec;
  spec.type = KeyType::integer;
  spec.range = NumericRange{0.0, std::numeric_limits<double>::infinity(), false, false};
  const auto n = reader.read_integer(node, path, spec);
  if (!n) return std::nullopt;
  return static_cast<std::uint64_t>(*n);
}

/// `vary: {PATH: {lo: , hi: , n: }}`: the range written as a SPEC `lo:hi` or `lo:hi:n`, or
/// nothing after reporting a key or a value that does not fit.
std::optional<std::string> range_spec(YamlReader& reader, const YamlNode& range, const std::string& path) {
  if (!reader.check_keys(range, path, {"lo", "hi", "n"})) return std::nullopt;
  reader.require_key(range, path, "lo");
  reader.require_key(range, path, "hi");
  const KeySpec number;  // any finite real: the order of lo and hi is parse_vary_spec's to check
  KeySpec count;
  count.type = KeyType::integer;
  const YamlNode* lo = range.find("lo");
  const YamlNode* hi = range.find("hi");
  const YamlNode* n = range.find("n");
  const bool lo_ok = lo && reader.read_number(*lo, child_path(path, "lo"), number);
  const bool hi_ok = hi && reader.read_number(*hi, child_path(path, "hi"), number);
  const bool n_ok = !n || reader.read_integer(*n, child_path(path, "n"), count);
  if (!lo_ok || !hi_ok || !n_ok) return std::nullopt;
  return lo->scalar + ":" + hi->scalar + (n ? ":" + n->scalar : "");
}

}  // namespace

SweepPlan parse_sweep_plan(std::string_view text, const std::string& source, const std::string& folder) {
  const YamlNode root = parse_yaml(text, source);
  YamlReader reader(source);
  // Errors in the order of the file's lines, as the scenario loader reports them.
  const auto fail = [&]() {
    std::vector<Diagnostic> errors = reader.take_errors();
    std::stable_sort(errors.begin(), errors.end(), [](const Diagnostic& a, const Diagnostic& b) {
      return std::pair(a.line, a.column) < std::pair(b.line, b.column);
    });
    return ScenarioError(std::move(errors));
  };
  SweepPlan plan;
  if (!reader.check_keys(root, "", {"scenario", "design", "samples", "runs", "seed", "metrics", "set", "vary"}))
    throw fail();
  KeySpec string_spec;
  string_spec.type = KeyType::string;

  if (const YamlNode* value = root.find("scenario")) {
    if (const auto name = reader.read_string(*value, "scenario", string_spec)) {
      const auto candidate = std::filesystem::path(folder) / *name;
      plan.scenario = std::filesystem::path(*name).is_relative() && std::filesystem::exists(candidate)
                          ? candidate.lexically_normal().string()
                          : *name;
    }
  }
  if (const YamlNode* value = root.find("design")) {
    KeySpec design_spec;
    design_spec.type = KeyType::choice;
    design_spec.choices = design_names();
    if (const auto name = reader.read_string(*value, "design", design_spec)) plan.design = sweep::design_kind_named(*name);
  }
  if (const YamlNode* value = root.find("samples")) plan.samples = read_count(reader, *value, "samples");
  if (const YamlNode* value = root.find("runs")) plan.runs = read_count(reader, *value, "runs");
  if (const YamlNode* value = root.find("seed")) plan.seed = read_count(reader, *value, "seed");
  if (const YamlNode* value = root.find("metrics")) {
    if (value->is_scalar()) {
      plan.metrics.push_back(value->scalar);
    } else if (value->is_sequence()) {
      for (std::size_t i = 0; i < value->items.size(); ++i)
        if (const auto name = reader.read_string(value->items[i], item_path("metrics", i), string_spec))
          plan.metrics.push_back(*name);
    } else {
      reader.error(*value, "metrics", "expected a metric name or a list of them, got " + value->describe());
    }
  }
  if (const YamlNode* value = root.find("set")) {
    if (!value->is_map()) {
      reader.error(*value, "set", "expected a map PATH: VALUE, got " + value->describe());
    } else {
      for (const auto& [path, assigned] : value->entries)
        plan.base_overrides.push_back((path.is_scalar() ? path.scalar : flow_text(path)) + "=" + flow_text(assigned));
    }
  }
  reader.require_key(root, "", "vary");
  const YamlNode* vary = root.find("vary");
  if (vary && (!vary->is_map() || vary->entries.empty()))
    reader.error(*vary, "vary", "expected a map PATH: SPEC with at least one entry, got " + vary->describe());
  else if (vary)
    for (const auto& [path_node, spec] : vary->entries) {
      const std::string path = path_node.is_scalar() ? path_node.scalar : flow_text(path_node);
      const std::string where = child_path("vary", path);
      try {
        sweep::VariedParameter parameter;
        if (spec.is_scalar()) {
          parameter = parse_vary_spec(path, spec.scalar, source);
        } else if (spec.is_sequence()) {
          std::string list;
          for (std::size_t i = 0; i < spec.items.size(); ++i) list += (i ? ", " : "") + flow_text(spec.items[i]);
          parameter = parse_vary_spec(path, list, source);
        } else if (spec.is_map()) {
          const auto range = range_spec(reader, spec, where);
          if (!range) continue;
          parameter = parse_vary_spec(path, *range, source);
        } else {
          reader.error(spec, where, "expected lo:hi:n, lo:hi, a list, or {lo: , hi: , n: }, got " + spec.describe());
          continue;
        }
        parameter.spec = flow_text(spec);
        plan.parameters.push_back(std::move(parameter));
      } catch (const ScenarioError& e) {
        reader.error(spec, where, e.diagnostics().front().message);
      }
    }
  if (reader.has_errors()) throw fail();
  return plan;
}

SweepPlan read_sweep_plan(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ScenarioError({Diagnostic{path, 0, 0, "", "cannot read the sweep plan"}});
  std::ostringstream text;
  text << in.rdbuf();
  return parse_sweep_plan(text.str(), path, std::filesystem::path(path).parent_path().string());
}

}  // namespace parley::io
