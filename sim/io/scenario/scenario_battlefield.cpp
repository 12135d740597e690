// The battlefield section of a scenario: sides, states and thresholds, tempo, the advantage
// schedule, offensives and the terms imposed at a collapse.

#include "scenario_build.hpp"

#include "parley/io/format/number_format.hpp"
#include "parley/io/scenario/key_path.hpp"

namespace parley::io::loader {

std::optional<AdvantageSchedule> read_advantage_schedule(ScenarioBuild& b, const YamlNode& n,
                                                         const std::string& path) {
  AdvantageSchedule schedule;
  if (n.is_scalar()) {
    const auto a = b.reader.read_number(n, path, schema_key(path));
    if (!a) return std::nullopt;
    schedule.a0 = *a;
    return schedule;
  }
  if (!n.is_map()) {
    b.reader.error(n, path, "expected a number in [-1, 1] or a schedule map {kind: ...}, got " + n.describe());
    return std::nullopt;
  }
  std::optional<std::string> kind;
  if (const YamlNode* k = n.find("kind"))
    kind = b.reader.read_string(*k, child_path(path, "kind"), schema_key(path + ".kind"));
  if (!b.reader.check_map(n, path, path, kind.value_or(""))) return std::nullopt;
  if (!kind) return std::nullopt;
  bool ok = true;
  auto get = [&](std::string_view key, double& out) {
    if (auto x = b.reader.number_key(n, path, path, key))
      out = *x;
    else
      ok = false;
  };
  if (*kind == "constant") {
    schedule.kind = AdvantageSchedule::Kind::constant;
    get("value", schedule.a0);
  } else if (*kind == "linear") {
    schedule.kind = AdvantageSchedule::Kind::linear;
    get("from", schedule.a0);
    get("to", schedule.a1);
    get("start", schedule.t0);
    if (const YamlNode* end = n.find("end")) {
      if (auto x = b.reader.read_number(*end, path + ".end", schema_key(path + ".end"))) {
        schedule.t1 = *x;
        if (ok && !(schedule.t1 > schedule.t0)) {
          b.reader.error(*end, path + ".end",
                         "end (" + format_shortest(schedule.t1) + ") must come after start (" +
                             format_shortest(schedule.t0) + ")");
          ok = false;
        }
      } else {
        ok = false;
      }
    } else {
      ok = false;
    }
  } else if (*kind == "exponential") {
    schedule.kind = AdvantageSchedule::Kind::exponential;
    get("from", schedule.a0);
    get("limit", schedule.a_inf);
    get("half_life", schedule.half_life);
  } else {
    schedule.kind = AdvantageSchedule::Kind::steps;
    get("from", schedule.a0);
    const YamlNode* steps = b.reader.list_key(n, path, "steps");
    if (!steps) return std::nullopt;
    const std::string sp = path + ".steps";
    if (steps->items.empty()) {
      b.reader.error(*steps, sp, "needs at least one step");
      ok = false;
    }
    for (std::size_t j = 0; j < steps->items.size(); ++j) {
      const YamlNode& item = steps->items[j];
      const std::string ip = item_path(sp, j);
      if (!b.reader.check_map(item, ip, sp + "[]")) {
        ok = false;
        continue;
      }
      const auto period = b.reader.int_key(item, ip, sp + "[]", "period");
      const auto value = b.reader.number_key(item, ip, sp + "[]", "value");
      if (!period || !value) {
        ok = false;
        continue;
      }
      if (!schedule.steps.empty() && *period <= schedule.steps.back().first) {
        b.reader.error(*item.find("period"), child_path(ip, "period"),
                       "step periods must increase strictly: " + std::to_string(*period) + " follows " +
                           std::to_string(schedule.steps.back().first));
        ok = false;
        continue;
      }
      schedule.steps.emplace_back(*period, *value);
    }
  }
  if (!ok) return std::nullopt;
  return schedule;
}

void read_battlefield(ScenarioBuild& b, const YamlNode& n) {
  const std::string path = "battlefield";
  if (!b.reader.check_map(n, path, path)) return;
  BattlefieldParams bf;
  int side_a = -1, side_b = -1;
  if (const YamlNode* side = n.find("side_a")) side_a = party_reference(b, *side, "battlefield.side_a");
  if (const YamlNode* side = n.find("side_b")) side_b = party_reference(b, *side, "battlefield.side_b");
  if (side_a >= 0 && side_a == side_b) {
    b.reader.error(*n.find("side_b"), "battlefield.side_b", "side_b must differ from side_a");
  }
  if (side_a >= 0) bf.side_a = b.scenario.parties[static_cast<std::size_t>(side_a)].id;
  if (side_b >= 0) bf.side_b = b.scenario.parties[static_cast<std::size_t>(side_b)].id;

  const auto states = b.reader.int_key(n, path, path, "states");
  const auto start = b.reader.int_key(n, path, path, "start");
  const auto collapse_a = b.reader.int_key(n, path, path, "collapse_a");
  auto collapse_b = b.reader.int_key(n, path, path, "collapse_b");
  const auto tempo = b.reader.number_key(n, path, path, "tempo");
  if (!n.find("collapse_b") && states) collapse_b = states;
  if (states && collapse_b && *collapse_b > *states) {
    b.reader.error(*n.find("collapse_b"), "battlefield.collapse_b",
                   "collapse_b (" + std::to_string(*collapse_b) + ") exceeds states (" + std::to_string(*states) + ")");
  }
  if (collapse_a && collapse_b && !(*collapse_a < (static_cast<long long>(*collapse_b) - 1))) {
    const YamlNode& at = n.find("collapse_a") ? *n.find("collapse_a") : *n.find("collapse_b");
    b.reader.error(at, n.find("collapse_a") ? "battlefield.collapse_a" : "battlefield.collapse_b",
                   "the thresholds cross: collapse_a (" + std::to_string(*collapse_a) +
                       ") must be below collapse_b - 1 (" + std::to_string((static_cast<long long>(*collapse_b) - 1)) +
                       ") to leave an interior state");
  } else if (start && collapse_a && collapse_b && !(*collapse_a < *start && *start < *collapse_b)) {
    b.reader.error(*n.find("start"), "battlefield.start",
                   "start (" + std::to_string(*start) + ") must lie strictly between collapse_a (" +
                       std::to_string(*collapse_a) + ") and collapse_b (" + std::to_string(*collapse_b) + ")");
  }
  if (const YamlNode* advantage = n.find("advantage")) {
    if (auto schedule = read_advantage_schedule(b, *advantage, "battlefield.advantage")) bf.advantage = *schedule;
  }
  if (const YamlNode* offensive = n.find("offensive")) {
    const std::string p = "battlefield.offensive";
    if (b.reader.check_map(*offensive, p, p)) {
      const auto probability = b.reader.number_key(*offensive, p, p, "probability");
      const auto size = b.reader.int_key(*offensive, p, p, "size");
      if (probability && size) {
        bf.offensive_probability = *probability;
        bf.offensive_size = *size;
      }
    }
  }
  if (states) bf.states = *states;
  if (start) bf.start = *start;
  if (collapse_a) bf.collapse_a = *collapse_a;
  if (collapse_b) bf.collapse_b = *collapse_b;
  if (tempo) bf.tempo = *tempo;
  b.scenario.battlefield = bf;
}

void read_collapse_terms(ScenarioBuild& b, const YamlNode& n) {
  const BattlefieldParams& bf = *b.scenario.battlefield;
  b.scenario.collapse_a_terms = b.scenario.frozen(bf.collapse_a);
  b.scenario.collapse_b_terms = b.scenario.frozen(bf.collapse_b);
  for (const char* key : {"collapse_a_terms", "collapse_b_terms"}) {
    const YamlNode* terms = n.find(key);
    if (!terms) continue;
    const std::string p = child_path("battlefield", key);
    Agreement& target =
        std::string_view(key) == "collapse_a_terms" ? b.scenario.collapse_a_terms : b.scenario.collapse_b_terms;
    // Listed issues are set; the rest keep frozen(collapse state): an issue linked to the
    // front that the terms leave out sits where the front ended, not at its status quo
    // (the collapsed side cannot keep a line the front has overrun).
    if (auto x = read_terms(b, *terms, p, p, target)) target = std::move(*x);
  }
}

}  // namespace parley::io::loader
