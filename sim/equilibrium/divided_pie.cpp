#include "parley/equilibrium/divided_pie.hpp"

#include <algorithm>
#include <stdexcept>

namespace parley {

DividedPie::DividedPie(std::size_t parties) : parties_(parties) {
  if (parties < 1) throw std::invalid_argument("divided pie: needs at least one party");
}

std::optional<SpacePoint> DividedPie::best_for(std::size_t proposer, std::span<const double> floors,
                                               std::span<double> utilities) const {
  double given = 0.0;
  for (std::size_t j = 0; j < parties_; ++j)
    if (j != proposer) given += std::max(floors[j], 0.0);  // -infinity: nothing
  const double kept = 1.0 - given;
  if (kept < 0.0) return std::nullopt;
  for (std::size_t j = 0; j < parties_; ++j) utilities[j] = j == proposer ? kept : std::max(floors[j], 0.0);
  return SpacePoint{proposer, 0.0, kept};
}

}  // namespace parley
