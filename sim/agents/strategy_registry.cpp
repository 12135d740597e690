#include "parley/agents/strategy_registry.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace parley {

namespace {

// What the registerers add during static initialisation, in whatever order the linker ran
// their files' initialisers.
struct PendingStrategy {
  int position;
  StrategyInfo info;
  StrategyPreparer prepare;
};

struct StrategyTable {
  std::vector<StrategyInfo> infos;  // by position; never changed once built
  std::vector<StrategyRegistration> entries;
};

std::vector<PendingStrategy>& pending_strategies() {
  static std::vector<PendingStrategy> pending;
  return pending;
}

bool& strategy_table_built() {
  static bool built = false;
  return built;
}

StrategyTable build_strategy_table() {
  for (const StrategyRegisterer* registerer : linked_strategy_registerers())
    if (!registerer->registered())
      throw std::logic_error("the strategy registry was read before every strategy registered itself");
  std::vector<PendingStrategy> pending = pending_strategies();
  std::sort(pending.begin(), pending.end(),
            [](const PendingStrategy& a, const PendingStrategy& b) { return a.position < b.position; });
  StrategyTable table;
  table.infos.reserve(pending.size());
  for (std::size_t k = 0; k < pending.size(); ++k) {
    for (std::size_t e = 0; e < k; ++e) {
      if (pending[e].info.name == pending[k].info.name)
        throw std::logic_error("strategy '" + pending[k].info.name + "' is registered twice");
      if (pending[e].position == pending[k].position)
        throw std::logic_error("strategies '" + pending[e].info.name + "' and '" + pending[k].info.name +
                               "' are registered at the same position");
    }
    table.infos.push_back(std::move(pending[k].info));
  }
  for (std::size_t k = 0; k < pending.size(); ++k)
    table.entries.push_back({table.infos[k].name, &table.infos[k], pending[k].prepare, pending[k].position});
  strategy_table_built() = true;
  return table;
}

const StrategyTable& strategy_table() {
  static const StrategyTable table = build_strategy_table();
  return table;
}

}  // namespace

StrategyRegisterer::StrategyRegisterer(int position, StrategyInfo info, StrategyPreparer prepare) {
  if (strategy_table_built())
    throw std::logic_error("strategy '" + info.name + "' registered after the registry was read");
  pending_strategies().push_back({position, std::move(info), prepare});
  registered_ = true;
}

std::span<const StrategyRegistration> registered_strategies() { return strategy_table().entries; }

const StrategyRegistration* find_registered_strategy(std::string_view name) {
  if (name.empty()) name = "none";
  for (const auto& entry : registered_strategies())
    if (entry.name == name) return &entry;
  return nullptr;
}

StrategySpec complete_strategy_spec(const StrategySpec& spec) {
  const StrategyRegistration* entry = find_registered_strategy(spec.name);
  if (!entry)
    throw std::invalid_argument("unknown strategy '" + spec.name + "'");
  StrategySpec out;
  out.name = std::string(entry->name);
  for (const auto& [name, value] : spec.params) {
    const auto it = std::find_if(entry->info->params.begin(), entry->info->params.end(),
                                 [&param_name = name](const StrategyParam& p) { return p.name == param_name; });
    if (it == entry->info->params.end())
      throw std::invalid_argument("strategy " + out.name + " has no parameter '" + name + "'");
    if (!(value >= it->lo && value <= it->hi))
      throw std::invalid_argument("strategy " + out.name + ": parameter " + name + " = " + std::to_string(value) +
                                  " is outside [" + std::to_string(it->lo) + ", " + std::to_string(it->hi) + "]");
  }
  for (const StrategyParam& p : entry->info->params) {
    const auto it = spec.params.find(p.name);
    out.params[p.name] = it == spec.params.end() ? p.default_value : it->second;
  }
  return out;
}

StrategyMaker prepare_strategy(const BargainingSetting& setting, std::size_t party, const StrategySpec& spec) {
  const StrategySpec complete = complete_strategy_spec(spec);
  return find_registered_strategy(complete.name)->prepare(setting, party, complete);
}

}  // namespace parley
