#include "parley/io/sweep/sweep_plan.hpp"

#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

namespace parley::io {

namespace {

std::string trim(std::string_view text) {
  const auto begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return {};
  const auto end = text.find_last_not_of(" \t");
  return std::string(text.substr(begin, end - begin + 1));
}

// The whole of `text` as a finite double, or nothing.
std::optional<double> whole_number(const std::string& text) {
  if (text.empty()) return std::nullopt;
  double x = 0;
  const char* begin = text.data() + (text[0] == '+' ? 1 : 0);
  const auto [end, error] = std::from_chars(begin, text.data() + text.size(), x);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(x)) return std::nullopt;
  return x;
}

// The whole of `text` as an unsigned integer, or nothing.
std::optional<std::uint64_t> whole_count(const std::string& text) {
  std::uint64_t n = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return n;
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
  if (!whole_number(parts[0]) || !whole_number(parts[1])) return std::nullopt;
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
    const double lo = *whole_number((*parts)[0]);
    const double hi = *whole_number((*parts)[1]);
    if (parts->size() == 2) {
      if (!(lo < hi)) throw fail("empty range " + parameter.spec + ": lo must be less than hi");
      parameter.lo = lo;
      parameter.hi = hi;
      return parameter;
    }
    const auto n = whole_count((*parts)[2]);
    if (!n) throw fail("in lo:hi:n, n must be a whole number >= 1, got '" + (*parts)[2] + "'");
    if (*n == 0) throw fail("n = 0 in " + parameter.spec + ": a lo:hi:n spec needs n >= 1 values");
    if (*n == 1 && lo != hi) throw fail(parameter.spec + " asks for one value between two different ends: write the value");
    if (*n > 1 && !(lo < hi)) throw fail("empty range " + parameter.spec + ": lo must be less than hi");
    parameter.levels = sweep::evenly_spaced_levels(lo, hi, *n);
    return parameter;
  }

  YamlNode list;
  try {
    list = parse_yaml("[" + parameter.spec + "]", source);
  } catch (const ScenarioError& e) {
    throw fail("'" + parameter.spec + "' is not a list of YAML values (" + e.diagnostics().front().message + ")");
  }
  std::set<std::string> seen;
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
  const auto k = slash == std::string_view::npos ? std::nullopt : whole_count(trim(text.substr(0, slash)));
  const auto n = slash == std::string_view::npos ? std::nullopt : whole_count(trim(text.substr(slash + 1)));
  if (!k || !n || *n == 0 || *k == 0 || *k > *n)
    throw std::invalid_argument("--shard must be k/n with 1 <= k <= n (e.g. 3/8), got '" + std::string(text) + "'");
  return sweep::Shard{*k, *n};
}

SweepPlan parse_sweep_plan(std::string_view text, const std::string& source, const std::string& folder) {
  const YamlNode root = parse_yaml(text, source);
  std::vector<Diagnostic> errors;
  auto error = [&](const YamlNode& node, const std::string& path, const std::string& message) {
    errors.push_back(located_error(source, &node, path, message).diagnostics().front());
  };
  SweepPlan plan;
  if (!root.is_map()) {
    error(root, "", "a sweep plan is a map with keys scenario, design, samples, runs, seed, metrics, set, vary");
    throw ScenarioError(std::move(errors));
  }
  auto scalar = [&](const YamlNode& node, const std::string& key) -> std::optional<std::string> {
    if (node.is_scalar()) return node.scalar;
    error(node, key, "expected a single value, got " + node.describe());
    return std::nullopt;
  };
  auto count = [&](const YamlNode& node, const std::string& key) -> std::optional<std::uint64_t> {
    const auto digits = scalar(node, key);
    if (!digits) return std::nullopt;
    const auto n = whole_count(*digits);
    if (!n || !node.plain) error(node, key, "expected a whole number >= 0, got " + node.describe());
    return n;
  };
  std::set<std::string> keys;
  for (const auto& [key_node, value] : root.entries) {
    const std::string key = key_node.is_scalar() ? key_node.scalar : flow_text(key_node);
    if (!keys.insert(key).second) {
      error(key_node, key, "the key appears twice");
      continue;
    }
    if (key == "scenario") {
      if (const auto name = scalar(value, key)) {
        const auto candidate = std::filesystem::path(folder) / *name;
        plan.scenario = std::filesystem::path(*name).is_relative() && std::filesystem::exists(candidate)
                            ? candidate.lexically_normal().string()
                            : *name;
      }
    } else if (key == "design") {
      if (const auto name = scalar(value, key)) {
        plan.design = sweep::design_kind_named(*name);
        if (!plan.design) error(value, key, "unknown design '" + *name + "': expected grid, random, lhs or sobol");
      }
    } else if (key == "samples") {
      plan.samples = count(value, key);
    } else if (key == "runs") {
      plan.runs = count(value, key);
    } else if (key == "seed") {
      plan.seed = count(value, key);
    } else if (key == "metrics") {
      if (value.is_scalar()) {
        plan.metrics.push_back(value.scalar);
      } else if (value.is_sequence()) {
        for (std::size_t i = 0; i < value.items.size(); ++i)
          if (const auto name = scalar(value.items[i], "metrics[" + std::to_string(i) + "]"))
            plan.metrics.push_back(*name);
      } else {
        error(value, key, "expected a metric name or a list of them, got " + value.describe());
      }
    } else if (key == "set") {
      if (!value.is_map()) {
        error(value, key, "expected a map PATH: VALUE, got " + value.describe());
        continue;
      }
      for (const auto& [path, assigned] : value.entries)
        plan.base_overrides.push_back((path.is_scalar() ? path.scalar : flow_text(path)) + "=" + flow_text(assigned));
    } else if (key == "vary") {
      if (!value.is_map() || value.entries.empty()) {
        error(value, key, "expected a map PATH: SPEC with at least one entry, got " + value.describe());
        continue;
      }
      for (const auto& [path_node, spec] : value.entries) {
        const std::string path = path_node.is_scalar() ? path_node.scalar : flow_text(path_node);
        const std::string where = "vary." + path;
        try {
          sweep::VariedParameter parameter;
          if (spec.is_scalar()) {
            parameter = parse_vary_spec(path, spec.scalar, source);
          } else if (spec.is_sequence()) {
            std::string list;
            for (std::size_t i = 0; i < spec.items.size(); ++i) list += (i ? ", " : "") + flow_text(spec.items[i]);
            parameter = parse_vary_spec(path, list, source);
          } else if (spec.is_map()) {
            const YamlNode* lo = spec.find("lo");
            const YamlNode* hi = spec.find("hi");
            const YamlNode* n = spec.find("n");
            for (const auto& [k, v] : spec.entries)
              if (!k.is_scalar() || (k.scalar != "lo" && k.scalar != "hi" && k.scalar != "n"))
                error(k, where, "unknown key " + flow_text(k) + ": a range is {lo: , hi: } or {lo: , hi: , n: }");
            if (!lo || !hi || !lo->is_scalar() || !hi->is_scalar() || (n && !n->is_scalar())) {
              error(spec, where, "a range needs numbers lo and hi (and optionally a count n)");
              continue;
            }
            parameter = parse_vary_spec(path, lo->scalar + ":" + hi->scalar + (n ? ":" + n->scalar : ""), source);
            if (!numeric_parts(parameter.spec)) {
              error(spec, where, "lo and hi must be numbers");
              continue;
            }
          } else {
            error(spec, where, "expected lo:hi:n, lo:hi, a list, or {lo: , hi: , n: }, got " + spec.describe());
            continue;
          }
          parameter.spec = flow_text(spec);
          plan.parameters.push_back(std::move(parameter));
        } catch (const ScenarioError& e) {
          error(spec, where, e.diagnostics().front().message);
        }
      }
    } else {
      error(key_node, key, "unknown key: a sweep plan has scenario, design, samples, runs, seed, metrics, set, vary");
    }
  }
  if (!root.find("vary")) error(root, "vary", "missing key: a sweep plan needs `vary`");
  if (!errors.empty()) throw ScenarioError(std::move(errors));
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
