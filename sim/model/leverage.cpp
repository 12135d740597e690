#include "parley/model/leverage.hpp"

namespace parley {

bool leverage_in_force(const Leverage& measure, std::span<const std::size_t> veto, std::uint64_t rejecters) {
  for (std::size_t k = 0; k < veto.size() && k < 64; ++k)
    if (veto[k] == measure.on) return (rejecters >> k & 1U) != 0;
  return false;
}

WarShift leverage_effect(std::span<const Leverage> leverage, std::span<const std::size_t> veto, std::size_t parties,
                         std::uint64_t rejecters) {
  WarShift effect;
  effect.cost_shift.assign(parties, 0.0);
  for (const Leverage& measure : leverage) {
    if (!leverage_in_force(measure, veto, rejecters)) continue;
    effect.advantage_shift += measure.advantage_shift;
    for (std::size_t i = 0; i < measure.cost_shift.size() && i < parties; ++i) effect.cost_shift[i] += measure.cost_shift[i];
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

}  // namespace parley
