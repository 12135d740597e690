#include "parley/io/sweep/sweep_manifest.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "parley/io/format/atomic_file_writer.hpp"
#include "parley/io/format/json_writer.hpp"

namespace parley::io {

namespace {

// The manifest is read with nlohmann's JSON parser (Debian's nlohmann-json3-dev), which keeps
// JSON's types: a count must be a JSON whole number, a text a JSON string. Numbers read back
// exactly: the writer prints the shortest text that rounds to the double, and the parser's
// strtod rounds correctly.
using Json = nlohmann::json;

struct ManifestReader {
  const std::string& source;

  [[noreturn]] void fail(const std::string& key, const std::string& problem) const {
    throw std::runtime_error(source + ": " + key + ": " + problem);
  }
  const Json& member(const Json& object, const std::string& key) const {
    const auto found = object.is_object() ? object.find(key) : object.end();
    if (found == object.end()) fail(key, "missing");
    return *found;
  }
  std::string text(const Json& object, const std::string& key) const {
    const Json& node = member(object, key);
    if (node.is_null()) return {};
    if (!node.is_string()) fail(key, "expected a string, got " + node.dump());
    return node.get<std::string>();
  }
  std::uint64_t count(const Json& object, const std::string& key) const {
    const Json& node = member(object, key);
    if (!node.is_number_unsigned()) fail(key, "expected a whole number, got " + node.dump());
    return node.get<std::uint64_t>();
  }
  double number(const Json& object, const std::string& key) const {
    const Json& node = member(object, key);
    if (!node.is_number()) fail(key, "expected a number, got " + node.dump());
    return node.get<double>();
  }
  std::vector<std::string> texts(const Json& object, const std::string& key) const {
    const Json& node = member(object, key);
    if (!node.is_array()) fail(key, "expected a list");
    std::vector<std::string> out;
    for (const auto& item : node) {
      if (!item.is_string()) fail(key, "expected a list of strings");
      out.push_back(item.get<std::string>());
    }
    return out;
  }
};

}  // namespace

std::string manifest_path(const std::string& results_path) { return results_path + ".json"; }

std::string manifest_json(const SweepManifest& m) {
  std::ostringstream out;
  JsonWriter json(out);
  json.begin_object().field("program", "parley").field("version", m.version);
  json.key("scenario").begin_object().field("path", m.scenario).field("sha256", m.scenario_sha256).end_object();
  json.key("sweep").begin_object();
  json.field("design", sweep::to_string(m.spec.design))
      .field("samples", m.spec.samples)
      .field("runs", m.spec.runs)
      .field("seed", m.spec.seed);
  json.key("parameters").begin_array();
  for (const auto& p : m.spec.parameters) {
    json.begin_object().field("path", p.path).field("spec", p.spec);
    if (p.is_range())
      json.field("lo", p.lo).field("hi", p.hi);
    else
      json.key("levels").array(p.levels);
    json.end_object();
  }
  json.end_array();
  json.key("metrics").array(m.spec.metrics);
  json.key("set").array(m.spec.base_overrides);
  if (m.spec.meta_game) json.key("meta_game").begin_object().key("strategies").array(m.spec.strategies).end_object();
  json.end_object();
  json.field("design_points", m.design_points);
  json.key("shard").begin_object().field("index", m.shard.index).field("count", m.shard.count).end_object();
  json.field("points_in_file", m.points_in_file);
  json.key("columns").array(m.columns);
  json.field("start_time", m.start_time);
  json.key("end_time");
  if (m.end_time.empty())
    json.null();
  else
    json.value(m.end_time);
  json.field("sessions", m.sessions).field("rows_done", m.rows_done).field("rows_failed", m.rows_failed);
  json.end_object();
  out << '\n';
  return out.str();
}

SweepManifest parse_manifest(std::string_view text, const std::string& source) {
  Json root;
  try {
    root = Json::parse(text);
  } catch (const Json::parse_error& e) {
    throw std::runtime_error(source + ": the manifest is not valid JSON (" + e.what() + ")");
  }
  const ManifestReader read{source};
  if (!root.is_object()) read.fail("manifest", "expected a JSON object");
  SweepManifest m;
  if (read.text(root, "program") != "parley") read.fail("program", "not a Parley manifest");
  m.version = read.text(root, "version");
  const Json& scenario = read.member(root, "scenario");
  m.scenario = read.text(scenario, "path");
  m.scenario_sha256 = read.text(scenario, "sha256");
  const Json& spec = read.member(root, "sweep");
  const auto design = sweep::design_kind_named(read.text(spec, "design"));
  if (!design) read.fail("sweep.design", "unknown design");
  m.spec.design = *design;
  m.spec.samples = read.count(spec, "samples");
  m.spec.runs = read.count(spec, "runs");
  m.spec.seed = read.count(spec, "seed");
  const Json& parameters = read.member(spec, "parameters");
  if (!parameters.is_array()) read.fail("sweep.parameters", "expected a list");
  for (const auto& item : parameters) {
    sweep::VariedParameter p;
    p.path = read.text(item, "path");
    p.spec = read.text(item, "spec");
    if (item.is_object() && item.contains("levels")) {
      p.levels = read.texts(item, "levels");
    } else {
      p.lo = read.number(item, "lo");
      p.hi = read.number(item, "hi");
    }
    m.spec.parameters.push_back(std::move(p));
  }
  m.spec.metrics = read.texts(spec, "metrics");
  m.spec.base_overrides = read.texts(spec, "set");
  // Absent in the manifests of sweeps without the meta-game (and of earlier versions).
  if (spec.is_object() && spec.contains("meta_game")) {
    m.spec.meta_game = true;
    m.spec.strategies = read.texts(read.member(spec, "meta_game"), "strategies");
  }
  m.design_points = read.count(root, "design_points");
  const Json& shard = read.member(root, "shard");
  m.shard.index = read.count(shard, "index");
  m.shard.count = read.count(shard, "count");
  if (m.shard.count == 0 || m.shard.index == 0 || m.shard.index > m.shard.count) read.fail("shard", "not k/n with 1 <= k <= n");
  m.points_in_file = read.count(root, "points_in_file");
  m.columns = read.texts(root, "columns");
  m.start_time = read.text(root, "start_time");
  m.end_time = read.text(root, "end_time");
  m.sessions = read.count(root, "sessions");
  m.rows_done = read.count(root, "rows_done");
  m.rows_failed = read.count(root, "rows_failed");
  return m;
}

void write_manifest(const std::string& results_path, const SweepManifest& manifest) {
  // Replaced whole or not at all: a sweep killed while writing it leaves the previous manifest.
  write_file_atomically(manifest_path(results_path), manifest_json(manifest));
}

SweepManifest read_manifest(const std::string& results_path) {
  const std::string path = manifest_path(results_path);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": the results file's manifest is missing");
  std::ostringstream text;
  text << in.rdbuf();
  return parse_manifest(text.str(), path);
}

std::vector<std::string> sweep_differences(const SweepManifest& a, const SweepManifest& b) {
  std::vector<std::string> differences;
  if (a.scenario_sha256 != b.scenario_sha256)
    differences.push_back("the scenario's content differs (sha256 " + a.scenario_sha256 + " vs " + b.scenario_sha256 + ")");
  if (a.spec.design != b.spec.design)
    differences.push_back(std::string("the design differs (") + sweep::to_string(a.spec.design) + " vs " +
                          sweep::to_string(b.spec.design) + ")");
  if (a.spec.samples != b.spec.samples) differences.emplace_back("--samples differs");
  if (a.spec.runs != b.spec.runs) differences.emplace_back("--runs differs");
  if (a.spec.seed != b.spec.seed) differences.emplace_back("--seed differs");
  // The same values written differently (a plan's list, --vary's v1,v2) are the same sweep.
  const auto same_values = [](const sweep::VariedParameter& x, const sweep::VariedParameter& y) {
    return x.path == y.path && x.levels == y.levels && (!x.is_range() || (x.lo == y.lo && x.hi == y.hi));
  };
  if (a.spec.parameters.size() != b.spec.parameters.size() ||
      !std::equal(a.spec.parameters.begin(), a.spec.parameters.end(), b.spec.parameters.begin(), same_values))
    differences.emplace_back("the varied parameters (--vary) differ");
  if (a.spec.metrics != b.spec.metrics) differences.emplace_back("--metrics differs");
  if (a.spec.base_overrides != b.spec.base_overrides) differences.emplace_back("the --set overrides differ");
  if (a.spec.meta_game != b.spec.meta_game || a.spec.strategies != b.spec.strategies)
    differences.emplace_back("the meta-game (--meta-game, --strategies) differs");
  if (a.design_points != b.design_points) differences.emplace_back("the design's size differs");
  if (a.shard.count != b.shard.count) differences.emplace_back("the number of shards differs");
  if (a.columns != b.columns) differences.emplace_back("the columns differ");
  return differences;
}

std::string utc_now() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

}  // namespace parley::io
