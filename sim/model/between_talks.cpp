#include "parley/model/between_talks.hpp"

#include <bit>
#include <stdexcept>

namespace parley {

std::uint64_t pressers(const Scenario& scenario, std::span<const std::size_t> veto) {
  std::uint64_t out = 0;
  for (std::size_t k = 0; k < veto.size(); ++k)
    if (scenario.parties[veto[k]].pressure) out |= std::uint64_t{1} << k;
  return out;
}

std::uint64_t between_talks_bits(const Scenario& scenario, std::span<const std::size_t> veto) {
  const std::uint64_t targets = leverage_targets(scenario.leverage, veto);
  const std::uint64_t pressing = pressers(scenario, veto);
  if ((targets | pressing) >> kPressingBit != 0)
    throw std::invalid_argument("leverage and pressure need their parties among the first 32 veto parties");
  return targets | pressing << kPressingBit;
}

WarShift between_talks_shift(const Scenario& scenario, std::span<const std::size_t> veto, std::uint64_t mask) {
  WarShift shift = leverage_effect(scenario.leverage, veto, scenario.parties.size(), mask & 0xffffffffU);
  for (std::size_t k = 0; k < veto.size() && k < kPressingBit; ++k) {
    if (!(mask >> (kPressingBit + k) & 1U)) continue;
    const Party& party = scenario.parties[veto[k]];
    if (!party.pressure) continue;
    // Toward the presser's side: side A's advantage up for A, down for B.
    const bool side_a = scenario.battlefield && scenario.battlefield->side_a == party.id;
    shift.advantage_shift += side_a ? party.pressure->advantage : -party.pressure->advantage;
    shift.cost_shift[veto[k]] += party.pressure->cost;
  }
  return shift;
}

BetweenTalksStates::BetweenTalksStates(std::uint64_t bits) : bits_(bits) {
  // The states are few (a handful of targets and pressers): 16 varying bits would already need
  // 65536 copies of the solver's tables.
  if (std::popcount(bits) > 16) throw std::invalid_argument("at most 16 parties targeted by leverage or pressing");
  masks_.clear();
  // Every subset of `bits`, increasing (the sub-mask walk: sub -> (sub - bits) & bits).
  std::uint64_t sub = 0;
  do {
    masks_.push_back(sub);
    sub = (sub - bits) & bits;
  } while (sub != 0);
}

std::size_t BetweenTalksStates::index_of(std::uint64_t m) const {
  // The k-th subset in increasing order is the one whose bits, read over the varying bits'
  // positions, spell k: compress m's bits onto them.
  const std::uint64_t in = m & bits_;
  std::size_t k = 0;
  std::size_t bit = 0;
  for (std::uint64_t t = bits_; t != 0; t &= t - 1, ++bit)
    if (in & (t & (~t + 1))) k |= std::size_t{1} << bit;
  return k;
}

}  // namespace parley
