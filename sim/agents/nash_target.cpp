#include "parley/agents/nash_target.hpp"

#include "parley/agreement/bargaining_solution.hpp"

namespace parley {

const Agreement* NashTarget::find(const StrategyView& view) {
  const BargainingSetting& setting = view.setting();
  // Learning beliefs, or a war renewed after a breakdown, make r depend on more than (t, s):
  // the cache would serve another war's package.
  if (!setting.static_beliefs() || view.state().renewed_war()) {
    auto solution = nash_solution(view.space(), view.reservations());
    if (!solution) return nullptr;
    fresh_ = std::move(solution->agreement);
    return &fresh_;
  }
  // Static beliefs: r(t, s) is a function of (t, s), and so is the Nash package.
  const auto states = static_cast<std::size_t>(setting.state_count());
  const std::size_t cells = static_cast<std::size_t>(setting.horizon()) * states;
  if (slot_.size() != cells) slot_.assign(cells, unknown);
  const std::size_t key = static_cast<std::size_t>(view.period()) * states + static_cast<std::size_t>(view.front());
  if (slot_[key] == unknown) {
    auto solution = nash_solution(view.space(), view.reservations());
    if (!solution) {
      slot_[key] = empty_zone;
    } else {
      packages_.push_back(std::move(solution->agreement));
      slot_[key] = static_cast<std::int32_t>(packages_.size() - 1);
    }
  }
  return slot_[key] == empty_zone ? nullptr : &packages_[static_cast<std::size_t>(slot_[key])];
}

}  // namespace parley
