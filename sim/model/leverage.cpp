#include "parley/model/leverage.hpp"

#include <bit>
#include <stdexcept>

namespace parley {

LeverageEffect leverage_effect(std::span<const Leverage> leverage, std::span<const std::size_t> veto,
                               std::size_t parties, std::uint64_t rejecters) {
  LeverageEffect effect;
  effect.cost_shift.assign(parties, 0.0);
  for (const Leverage& measure : leverage)
    for (std::size_t k = 0; k < veto.size(); ++k) {
      if (veto[k] != measure.on || !(rejecters >> k & 1U)) continue;
      effect.advantage_shift += measure.advantage_shift;
      for (std::size_t i = 0; i < measure.cost_shift.size() && i < parties; ++i)
        effect.cost_shift[i] += measure.cost_shift[i];
    }
  return effect;
}

std::uint64_t leverage_targets(std::span<const Leverage> leverage, std::span<const std::size_t> veto) {
  std::uint64_t targets = 0;
  for (const Leverage& measure : leverage)
    for (std::size_t k = 0; k < veto.size(); ++k)
      if (veto[k] == measure.on) targets |= std::uint64_t{1} << k;
  return targets;
}

LeverageStates::LeverageStates(std::uint64_t targets) : targets_(targets) {
  // The states are few (a measure targets a veto party, and only a handful are targeted): a
  // scenario with more than 16 targets would need 65536 copies of the solver's tables.
  if (std::popcount(targets) > 16) throw std::invalid_argument("leverage: at most 16 targeted parties");
  masks_.clear();
  // Every subset of `targets`, increasing (the standard sub-mask walk, reversed).
  std::uint64_t sub = 0;
  do {
    masks_.push_back(sub);
    sub = (sub - targets) & targets;
  } while (sub != 0);
}

std::size_t LeverageStates::index_of(std::uint64_t rejecters) const {
  const std::uint64_t m = rejecters & targets_;
  // The k-th subset in increasing order is the one whose bits, read over the targets' positions,
  // spell k: compress m's bits onto the targets' (a software pext).
  std::size_t k = 0;
  std::size_t bit = 0;
  for (std::uint64_t t = targets_; t != 0; t &= t - 1, ++bit)
    if (m & (t & (~t + 1))) k |= std::size_t{1} << bit;
  return k;
}

}  // namespace parley
