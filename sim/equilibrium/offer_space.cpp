#include "parley/equilibrium/offer_space.hpp"

#include <stdexcept>

namespace parley {

void OfferSpace::package_into(const SpacePoint& /*point*/, Agreement& /*out*/) const {
  throw std::logic_error("this offer space has no packages (it is a division of a pie in closed form)");
}

std::size_t AgreementSpaceOffers::party_count() const { return space_->scenario().parties.size(); }

std::optional<SpacePoint> AgreementSpaceOffers::best_for(std::size_t proposer, std::span<const double> floors,
                                                         std::span<double> utilities) const {
  const auto point = space_->best_for(proposer, floors);
  if (!point) return std::nullopt;
  for (std::size_t i = 0; i < utilities.size(); ++i) utilities[i] = space_->utility(*point, i);
  return point;
}

}  // namespace parley
