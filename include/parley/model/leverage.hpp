#pragma once
/// \file leverage.hpp
/// A third party's support made conditional on the answers to the mediator's plan (issue 15):
/// "while Ukraine rejects the plan, aid is paused" (the advantage shifts toward Russia), "while
/// Russia rejects it, sanctions rise" (Russia's cost per period rises). Each is in force from a
/// talk period in which its target rejected the mediator's package until the next talk period,
/// where the package is tabled again and the target answers anew.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "parley/model/war_shift.hpp"

namespace parley {

/// \brief One conditional measure: what changes while party `on` rejects the mediator's package.
struct Leverage {
  std::size_t on = 0;                 ///< the veto party whose rejection puts it in force
  std::optional<std::size_t> by;      ///< the party that applies it (for reports only)
  double advantage_shift = 0.0;       ///< added to side A's advantage a_t while in force
  std::vector<double> cost_shift;     ///< per party (scenario order), added to its cost per period; empty: none
  std::string note;                   ///< what it stands for and where it was reported (for reports)
};

/// Whether `measure` is in force after the veto parties in `rejecters` rejected the plan: its target
/// is among them (bit k of `rejecters` stands for party veto[k]).
[[nodiscard]] bool leverage_in_force(const Leverage& measure, std::span<const std::size_t> veto,
                                     std::uint64_t rejecters);

/// The summed shift of the measures whose target is in `rejecters`: bit k of `rejecters` stands
/// for party veto[k] (the solver's veto-party bit order). `parties` sizes cost_shift.
[[nodiscard]] WarShift leverage_effect(std::span<const Leverage> leverage, std::span<const std::size_t> veto,
                                       std::size_t parties, std::uint64_t rejecters);

/// The veto parties some measure targets, as bits in the order of `veto` (bit k: veto[k]).
[[nodiscard]] std::uint64_t leverage_targets(std::span<const Leverage> leverage, std::span<const std::size_t> veto);

}  // namespace parley
