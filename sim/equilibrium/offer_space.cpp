#include "parley/equilibrium/offer_space.hpp"

namespace parley {

std::size_t AgreementSpaceOffers::party_count() const { return space_->scenario().parties.size(); }

std::optional<SpacePoint> AgreementSpaceOffers::best_for(std::size_t proposer, std::span<const double> floors,
                                                         std::span<double> utilities) const {
  const auto point = space_->best_for(proposer, floors);
  if (!point) return std::nullopt;
  for (std::size_t i = 0; i < utilities.size(); ++i) utilities[i] = space_->utility(*point, i);
  return point;
}

}  // namespace parley
