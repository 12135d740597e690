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

namespace parley {

/// \brief One conditional measure: what changes while party `on` rejects the mediator's package.
struct Leverage {
  std::size_t on = 0;                 ///< the veto party whose rejection puts it in force
  std::optional<std::size_t> by;      ///< the party that applies it (for reports only)
  double advantage_shift = 0.0;       ///< added to side A's advantage a_t while in force
  std::vector<double> cost_shift;     ///< per party (scenario order), added to its cost per period; empty: none
  std::string note;                   ///< what it stands for and where it was reported (for reports)
};

/// \brief What the measures in force change, summed: side A's advantage (the sum added to a_t,
/// the result clamped to [-1, 1] by the battlefield chain) and each party's cost per period.
struct LeverageEffect {
  double advantage_shift = 0.0;
  std::vector<double> cost_shift;  ///< per party, >= 0 when every measure's is
};

/// The effect of the measures whose target is in `rejecters`: bit k of `rejecters` stands for
/// party veto[k] (the solver's veto-party bit order). `parties` sizes cost_shift.
[[nodiscard]] LeverageEffect leverage_effect(std::span<const Leverage> leverage, std::span<const std::size_t> veto,
                                             std::size_t parties, std::uint64_t rejecters);

/// The veto parties some measure targets, as bits in the order of `veto` (bit k: veto[k]).
[[nodiscard]] std::uint64_t leverage_targets(std::span<const Leverage> leverage, std::span<const std::size_t> veto);

/// \brief The distinct sets of targets that can be in force, and the index of each.
///
/// With targets K (leverage_targets), the sets are the 2^|K| subsets of K, in increasing order
/// of their masks: index 0 is the empty set (nothing in force). index_of(m) maps any set of
/// rejecters to the index of m & K, since a rejecter no measure targets changes nothing.
class LeverageStates {
 public:
  LeverageStates() = default;
  explicit LeverageStates(std::uint64_t targets);
  /// Number of states, 2^|targets| (1 without leverage).
  [[nodiscard]] std::size_t size() const { return masks_.size(); }
  /// The set of targets in force in state k.
  [[nodiscard]] std::uint64_t mask(std::size_t k) const { return masks_[k]; }
  /// The state in force after the parties in `rejecters` rejected the plan.
  [[nodiscard]] std::size_t index_of(std::uint64_t rejecters) const;
  [[nodiscard]] std::uint64_t targets() const { return targets_; }

 private:
  std::uint64_t targets_ = 0;
  std::vector<std::uint64_t> masks_{0};
};

}  // namespace parley
