#pragma once
/// \file divided_pie.hpp
/// The division of a unit pie among n parties: the agreement space of Baron and Ferejohn's
/// legislative bargaining, where every split of the pie is an agreement.

#include <cstddef>
#include <optional>
#include <span>

#include "parley/equilibrium/offer_space.hpp"

namespace parley {

/// \brief The simplex X = {x in R^n : x_i >= 0, sum_i x_i = 1} with u_i(x) = x_i, as an
/// OfferSpace answered in closed form.
///
/// Baron and Ferejohn (1989), "Bargaining in legislatures", APSR 83(4): n legislators divide
/// a dollar; a recognised member proposes a split, which passes with a majority. This space
/// is not a product of issues (the shares are tied by sum x_i = 1), so it cannot be written
/// as a scenario's issues; the solver takes it directly. Every party has a veto in the sense
/// of OfferSpace (its floor counts); which votes are needed is the solver's quota.
///
/// The proposer's best offer is explicit: giving each bound responder exactly its floor (or
/// 0 if the floor is negative) and keeping the rest,
///   x_j = max(f_j, 0) for j != rho,  x_rho = 1 - sum_{j != rho} max(f_j, 0),
/// feasible iff the kept share is >= 0. A floor of -infinity gives j nothing. Among
/// maximisers this is the only one (any more to j is less for the proposer), so the tie rule
/// of OfferSpace is moot.
class DividedPie final : public OfferSpace {
 public:
  /// \throws std::invalid_argument if parties < 1.
  explicit DividedPie(std::size_t parties);

  [[nodiscard]] std::size_t party_count() const override { return parties_; }
  /// The closed form above; the handle's `index` is the proposer and `value` its share.
  [[nodiscard]] std::optional<SpacePoint> best_for(std::size_t proposer, std::span<const double> floors,
                                                   std::span<double> utilities) const override;

 private:
  std::size_t parties_;
};

}  // namespace parley
