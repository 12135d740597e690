#pragma once
/// \file strategy_registry.hpp
/// Strategies by name (DESIGN 1.6): each registered with its description (the typed parameter
/// specification of the strategy catalog) and a function that prepares it for a scenario.
///
/// Adding a strategy touches only its own file pair (include/parley/agents/x_strategy.hpp,
/// sim/agents/x_strategy.cpp): the source defines the class, a StrategyPreparer and, at
/// namespace parley scope, one PARLEY_REGISTER_STRATEGY per name it plays under, as
/// OpenSpiel's REGISTER_SPIEL_GAME does. The library is static, and a linker keeps an object
/// file of an archive only if something it links already refers to it, so a strategy that
/// only registers itself would vanish from the program, the tests and an installed
/// consumer. The build therefore lists every PARLEY_REGISTER_STRATEGY of sim/agents in a
/// generated source (tools/list_strategy_registerers.cmake) whose
/// linked_strategy_registerers() the registry calls: whatever uses the registry links every
/// strategy, with or without the unity build.

#include <cstddef>
#include <functional>
#include <memory>
#include <span>
#include <string_view>
#include <utility>

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

/// \brief The maker of fresh copies of `prototype`, the usual end of a preparer.
///
/// Constructing the prototype in the preparer checks the strategy's parameters once, when the
/// simulation is prepared, rather than in every thread, and whatever the constructor computed
/// from the scenario is copied into each instance rather than computed again.
template <class S>
[[nodiscard]] StrategyMaker copies_of(S prototype) {
  return [prototype = std::move(prototype)] { return std::make_unique<S>(prototype); };
}

/// \brief One registered strategy.
struct StrategyRegistration {
  std::string_view name;      ///< info->name
  const StrategyInfo* info;   ///< its parameters (names, defaults, ranges) and provenance
  StrategyPreparer prepare;
  int position;               ///< its place in every listing (the registry's order)
};

/// \brief Adds one strategy to the registry when it is constructed, at static
/// initialisation; define it with PARLEY_REGISTER_STRATEGY.
class StrategyRegisterer {
 public:
  /// \param position its place in every listing (`parley schema` and the strategy table of
  ///   docs/scenario-format.md, the loader's list of names in its errors, the conformance
  ///   tests' order): strategies are listed by increasing position, which must be unique.
  ///   The built-ins use multiples of ten, so that a new strategy can take a place between
  ///   two without renumbering them.
  /// \param info its name, roles, summary, source and parameters with defaults and meaning.
  /// \param prepare prepares it for a party of a scenario.
  StrategyRegisterer(int position, StrategyInfo info, StrategyPreparer prepare);

  /// True once the constructor has run: a registerer read before its static initialisation
  /// (a registry used during another file's static initialisation) is false, and the
  /// registry refuses to answer rather than list too few strategies.
  [[nodiscard]] bool registered() const { return registered_; }

 private:
  bool registered_ = false;
};

/// \brief Every StrategyRegisterer the build found in sim/agents (a generated source lists
/// them). The registry reads it once, which makes every program that uses the registry link
/// the object file of every strategy.
[[nodiscard]] std::span<const StrategyRegisterer* const> linked_strategy_registerers();

/// Registers a strategy from its own source file, at namespace parley scope:
///   PARLEY_REGISTER_STRATEGY(id, position, StrategyInfo{...}, &prepare_x);
/// `id` is a C++ identifier unique among the strategies (its name, usually); the arguments
/// after it are StrategyRegisterer's.
#define PARLEY_REGISTER_STRATEGY(id, ...)                      \
  extern const StrategyRegisterer strategy_registerer_##id;   \
  const StrategyRegisterer strategy_registerer_##id(__VA_ARGS__)

/// Every registered strategy, by increasing position (the catalog's, then `none`).
/// \throws std::logic_error if two strategies share a name or a position, or if it is called
/// before every strategy has registered itself (during static initialisation).
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
