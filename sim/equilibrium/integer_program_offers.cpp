#include "parley/equilibrium/integer_program_offers.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>

#include "package_program.hpp"

namespace parley {

IntegerProgramOffers::IntegerProgramOffers(const Scenario& scenario)
    : scenario_(scenario), veto_(scenario_.veto_parties()) {
  if (veto_.size() < 2) throw std::invalid_argument("integer program offers: needs at least two veto parties");
  program_ = std::make_unique<PackageProgram>(scenario_, veto_);
}

IntegerProgramOffers::~IntegerProgramOffers() = default;

std::optional<SpacePoint> IntegerProgramOffers::best_for(std::size_t proposer, std::span<const double> floors,
                                                         std::span<double> utilities) const {
  // The key: the floors that bind (veto responders'), -infinity for the others, so that
  // queries differing only in ignored entries share an answer.
  std::vector<double> binding(scenario_.parties.size(), -std::numeric_limits<double>::infinity());
  for (const std::size_t j : veto_)
    if (j != proposer) binding[j] = floors[j];
  const std::lock_guard lock(mutex_);
  auto key = std::pair{proposer, binding};
  auto found = answers_.find(key);
  if (found == answers_.end()) {
    const auto x = program_->best(proposer, binding);
    long index = -1;
    if (x) {
      index = static_cast<long>(packages_.size());
      packages_.push_back(*x);
    }
    found = answers_.emplace(std::move(key), index).first;
  }
  if (found->second < 0) return std::nullopt;
  const auto index = static_cast<std::size_t>(found->second);
  const Agreement& x = packages_[index];
  for (std::size_t i = 0; i < utilities.size(); ++i) utilities[i] = scenario_.utility(i, x);
  return SpacePoint{index, 0.0, scenario_.utility(proposer, x)};
}

void IntegerProgramOffers::package_into(const SpacePoint& point, Agreement& out) const {
  const std::lock_guard lock(mutex_);
  out = packages_.at(point.index);
}

std::size_t IntegerProgramOffers::programs_solved() const {
  const std::lock_guard lock(mutex_);
  return answers_.size();
}

}  // namespace parley
