#pragma once
/// \file offer_space.hpp
/// What a proposer can offer, as the equilibrium solver asks it: the best agreement for the
/// proposer given floors on the others' utilities (DESIGN 1.7).

#include <cstddef>
#include <optional>
#include <span>

#include "parley/agreement/agreement_space.hpp"

namespace parley {

/// \brief The one query backward induction needs from an agreement space.
///
/// In the subgame-perfect equilibrium of bargaining with a proposer and responders
/// (Rubinstein 1982; Baron and Ferejohn 1989; DESIGN 1.7), the proposer rho offers
///   x* = argmax u_rho(x)  s.t.  u_j(x) >= f_j  for every responder j whose vote it needs,
/// where f_j is j's value of rejecting. Everything else the solver does is arithmetic on
/// utilities, so an agreement space enters only through this query. Its realisations:
/// AgreementSpaceOffers (a scenario's agreements, through AgreementSpace: exact with two veto
/// parties), IntegerProgramOffers (a scenario's agreements by mixed-integer programming, exact
/// with any number: integer_program_offers.hpp), PeaceOffers (agreements valued by the peace
/// they make) and DividedPie (the n-party division of a unit pie of Baron and Ferejohn, in
/// closed form).
class OfferSpace {
 public:
  virtual ~OfferSpace() = default;

  /// Number of parties (all of the scenario's, veto or not); the size of `floors` and
  /// `utilities` in best_for.
  [[nodiscard]] virtual std::size_t party_count() const = 0;

  /// \brief The proposer's best offer given floors on the veto responders' utilities.
  ///
  /// Solves argmax u_proposer(x) s.t. u_j(x) >= floors[j] for every veto party j other than
  /// the proposer; a floor of -infinity binds nothing (a responder whose vote is not needed),
  /// floors of non-veto parties are ignored. Among maximisers, the one best for the others.
  /// Writes every party's utility of the offer to `utilities` and returns its handle (for
  /// AgreementSpaceOffers, the point to materialise the package from); std::nullopt when no
  /// agreement meets the floors. `proposer` must be a veto party.
  [[nodiscard]] virtual std::optional<SpacePoint> best_for(std::size_t proposer,
                                                           std::span<const double> floors,
                                                           std::span<double> utilities) const = 0;

  /// \brief The same query for an offer made at period t with the front at state s. Offers
  /// worth the same wherever they are made (the default) answer best_for; PeaceOffers values an
  /// agreement by the peace it makes from (t, s) on (issue 14).
  [[nodiscard]] virtual std::optional<SpacePoint> best_for_at(int t, int s, std::size_t proposer,
                                                              std::span<const double> floors,
                                                              std::span<double> utilities) const {
    static_cast<void>(t);
    static_cast<void>(s);
    return best_for(proposer, floors, utilities);
  }

  /// The package of a point best_for returned, into `out`.
  /// \throws std::logic_error for offer spaces without packages (DividedPie).
  virtual void package_into(const SpacePoint& point, Agreement& out) const;
};

/// \brief A scenario's agreements as an OfferSpace: AgreementSpace::best_for, exact on the
/// two-party frontier (interpolated along segments), up to AgreementSpace::epsilon() on the
/// epsilon-Pareto set of three or more veto parties.
///
/// Holds a reference: the AgreementSpace must outlive it.
class AgreementSpaceOffers final : public OfferSpace {
 public:
  explicit AgreementSpaceOffers(const AgreementSpace& space) : space_(&space) {}

  [[nodiscard]] std::size_t party_count() const override;
  [[nodiscard]] std::optional<SpacePoint> best_for(std::size_t proposer, std::span<const double> floors,
                                                   std::span<double> utilities) const override;
  void package_into(const SpacePoint& point, Agreement& out) const override { space_->package_into(point, out); }

  [[nodiscard]] const AgreementSpace& space() const { return *space_; }

 private:
  const AgreementSpace* space_;
};

}  // namespace parley
