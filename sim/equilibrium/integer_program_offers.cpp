#include "parley/equilibrium/integer_program_offers.hpp"

#include <stdexcept>

#include "program_answers.hpp"

namespace parley {

IntegerProgramOffers::IntegerProgramOffers(const Scenario& scenario)
    : scenario_(scenario), veto_(scenario_.veto_parties()) {
  if (veto_.size() < 2) throw std::invalid_argument("integer program offers: needs at least two veto parties");
  answers_ = std::make_unique<ProgramAnswers>(scenario_, veto_);
}

IntegerProgramOffers::~IntegerProgramOffers() = default;

std::optional<SpacePoint> IntegerProgramOffers::best_for(std::size_t proposer, std::span<const double> floors,
                                                         std::span<double> utilities) const {
  const std::lock_guard lock(mutex_);
  const auto index = answers_->best(proposer, floors);
  if (!index) return std::nullopt;
  const std::span<const double> u = answers_->utilities(*index);
  for (std::size_t i = 0; i < utilities.size(); ++i) utilities[i] = u[i];
  return SpacePoint{*index, 0.0, u[proposer]};
}

void IntegerProgramOffers::package_into(const SpacePoint& point, Agreement& out) const {
  const std::lock_guard lock(mutex_);
  out = answers_->package(point.index);
}

std::size_t IntegerProgramOffers::programs_solved() const {
  const std::lock_guard lock(mutex_);
  return answers_->programs_solved();
}

}  // namespace parley
