#pragma once
/// \file strategy_registry.hpp
/// Strategies by name (DESIGN 1.6): each registered with the typed parameter specification of
/// the strategy catalog and a function that prepares it for a scenario.
///
/// Adding a strategy touches its own file pair (include/parley/agents/x_strategy.hpp,
/// sim/agents/x_strategy.cpp, defining the class and a StrategyPreparer) and one line of the
/// table in sim/agents/strategy_registry.cpp (plus its catalog entry, if scenarios may name
/// it). The table is explicit rather than self-registering because the library is static and
/// a linker drops unreferenced self-registering objects.

#include <cstddef>
#include <functional>
#include <memory>
#include <span>
#include <string_view>

#include "parley/agents/bargaining_setting.hpp"
#include "parley/agents/strategy.hpp"
#include "parley/agents/strategy_catalog.hpp"
#include "parley/model/party.hpp"

namespace parley {

/// Makes a fresh instance of one party's prepared strategy; called once per episode runner
/// (thread). It may share read-only data prepared once (e.g. an equilibrium policy).
using StrategyMaker = std::function<std::unique_ptr<Strategy>()>;

/// \brief Prepares party `party`'s strategy for `setting` from its parameters.
///
/// Called once per simulation (not per thread): anything costly that depends only on the
/// scenario is computed here and captured by the returned maker. `spec.params` holds every
/// parameter of the strategy (defaults filled in by prepare_strategy).
/// \throws std::invalid_argument if the party cannot use the strategy (e.g. `plan` without a
/// proposal).
using StrategyPreparer = StrategyMaker (*)(const BargainingSetting& setting, std::size_t party,
                                           const StrategySpec& spec);

/// \brief One registered strategy.
struct StrategyRegistration {
  std::string_view name;
  const StrategyInfo* info;   ///< its parameters (names, defaults, ranges) and provenance
  StrategyPreparer prepare;
};

/// Every registered strategy, in a fixed order (the catalog's, then `none`).
[[nodiscard]] std::span<const StrategyRegistration> registered_strategies();

/// The registration with this name, or nullptr. An empty name means `none`.
[[nodiscard]] const StrategyRegistration* find_registered_strategy(std::string_view name);

/// `spec` with every parameter of its strategy present: the given values, the catalog's
/// defaults for the rest.
/// \throws std::invalid_argument for an unknown strategy, an unknown parameter, or a value
/// outside the parameter's range.
[[nodiscard]] StrategySpec complete_strategy_spec(const StrategySpec& spec);

/// Looks the strategy up, completes and checks its parameters, and prepares it for party
/// `party` of `setting`.
/// \throws std::invalid_argument as complete_strategy_spec and the strategy's preparer do.
[[nodiscard]] StrategyMaker prepare_strategy(const BargainingSetting& setting, std::size_t party,
                                             const StrategySpec& spec);

}  // namespace parley
