#include "parley/agents/strategy_catalog.hpp"

#include <algorithm>

#include "parley/agents/strategy_registry.hpp"

namespace parley {

const std::vector<StrategyInfo>& strategy_catalog() {
  // Read once, after every strategy registered itself (static initialisation ends before main).
  static const std::vector<StrategyInfo> all = [] {
    std::vector<StrategyInfo> named;
    for (const StrategyRegistration& entry : registered_strategies())
      if (entry.info->in_catalog) named.push_back(*entry.info);
    return named;
  }();
  return all;
}

const StrategyInfo* find_strategy(std::string_view name) {
  const auto& all = strategy_catalog();
  const auto it = std::find_if(all.begin(), all.end(), [&](const StrategyInfo& s) { return s.name == name; });
  return it == all.end() ? nullptr : &*it;
}

}  // namespace parley
