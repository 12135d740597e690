#include "parley/equilibrium/divided_pie.hpp"

#include <algorithm>
#include <stdexcept>

#include "parley/model/utility_tolerance.hpp"

namespace parley {

DividedPie::DividedPie(std::size_t parties) : parties_(parties) {
  if (parties < 1) throw std::invalid_argument("divided pie: needs at least one party");
}

std::optional<SpacePoint> DividedPie::best_for(std::size_t proposer, std::span<const double> floors,
                                               std::span<double> utilities) const {
  double given = 0.0;
  for (std::size_t j = 0; j < parties_; ++j)
    if (j != proposer) given += std::max(floors[j], 0.0);  // -infinity: nothing
  // Floors that use up the pie up to rounding still leave an offer (ties go to acceptance,
  // DESIGN 1.9): the proposer keeps nothing.
  if (!worth_at_least(1.0, given)) return std::nullopt;
  const double kept = std::max(1.0 - given, 0.0);
  for (std::size_t j = 0; j < parties_; ++j) utilities[j] = j == proposer ? kept : std::max(floors[j], 0.0);
  return SpacePoint{proposer, 0.0, kept};
}

}  // namespace parley
