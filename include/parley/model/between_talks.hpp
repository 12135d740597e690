#pragma once
/// \file between_talks.hpp
/// The state of the war between two talk periods (issue 15): which leverage measures are in
/// force (their targets rejected the mediator's plan) and which belligerents press. Both are
/// decided when talks fail and last until the next talks.

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "parley/model/scenario.hpp"
#include "parley/model/war_shift.hpp"

namespace parley {

/// Bit b of a between-talks mask: the measures aimed at veto party b are in force; bit
/// kPressingBit + b: veto party b presses. So leverage and pressure need at most 32 veto parties.
inline constexpr unsigned kPressingBit = 32;

/// The veto parties with a pressure option (Party::pressure), as bits in the order of `veto`.
[[nodiscard]] std::uint64_t pressers(const Scenario& scenario, std::span<const std::size_t> veto);

/// What can vary between talks: leverage_targets in the low bits, pressers above kPressingBit.
/// \throws std::invalid_argument when leverage or pressure would need a veto party beyond the 32nd.
[[nodiscard]] std::uint64_t between_talks_bits(const Scenario& scenario, std::span<const std::size_t> veto);

/// The war's shift under between-talks mask `mask`: the measures in force and the offensives
/// of the pressers, summed (Pressure::advantage toward each presser's side).
[[nodiscard]] WarShift between_talks_shift(const Scenario& scenario, std::span<const std::size_t> veto,
                                           std::uint64_t mask);

/// \brief The distinct between-talks states, and the index of each.
///
/// With varying bits K (between_talks_bits), the states are the 2^|K| subsets of K, in
/// increasing order of their masks: index 0 is the empty set (nothing in force, nobody presses).
/// index_of(m) maps any mask to the index of m & K.
class BetweenTalksStates {
 public:
  BetweenTalksStates() = default;
  /// \throws std::invalid_argument with more than 16 varying bits.
  explicit BetweenTalksStates(std::uint64_t bits);
  /// Number of states, 2^|bits| (1 when nothing varies).
  [[nodiscard]] std::size_t size() const { return masks_.size(); }
  /// The mask of state k.
  [[nodiscard]] std::uint64_t mask(std::size_t k) const { return masks_[k]; }
  /// The state of mask m (its bits outside the varying ones ignored).
  [[nodiscard]] std::size_t index_of(std::uint64_t m) const;
  [[nodiscard]] std::uint64_t bits() const { return bits_; }

 private:
  std::uint64_t bits_ = 0;
  std::vector<std::uint64_t> masks_{0};
};

}  // namespace parley
