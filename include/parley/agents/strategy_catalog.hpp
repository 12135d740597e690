#pragma once
/// \file strategy_catalog.hpp
/// The built-in strategies a scenario may name, each with a typed parameter specification.
/// The scenario loader validates `strategy:` against it, `parley describe` and the docs print
/// it, and the strategy registry (agents/strategy_registry.hpp) constructs from it
/// (DESIGN 1.6). Each strategy describes itself where it registers, in its own source file;
/// the catalog is the registry's entries that a scenario may name, in the registry's order.

#include <string>
#include <string_view>
#include <vector>

namespace parley {

/// One numeric parameter of a strategy: default and closed range [lo, hi].
struct StrategyParam {
  std::string name;
  double default_value;
  double lo;
  double hi;
  std::string meaning;
};

/// A built-in strategy's name, who may use it, its parameters and where it comes from.
struct StrategyInfo {
  std::string name;
  bool for_belligerents;  ///< usable by a party that answers offers and fights
  bool for_mediators;     ///< usable by a mediator (proposes packages, never vetoes)
  std::string summary;
  std::string source;     ///< the paper the rule comes from
  std::vector<StrategyParam> params;
  /// Whether a scenario may name it in `strategy:`: false only for `none`, which a scenario
  /// chooses by leaving `strategy` out.
  bool in_catalog = true;
};

/// Every built-in strategy a scenario may name, in a fixed order (the registry's).
const std::vector<StrategyInfo>& strategy_catalog();

/// The entry with this name, or nullptr.
const StrategyInfo* find_strategy(std::string_view name);

}  // namespace parley
