#pragma once
/// \file tit_for_tat_strategy.hpp
/// The `tit_for_tat` built-in: reciprocal concession (DESIGN 1.6; Axelrod 1984; Faratin,
/// Sierra and Jennings 1998, behaviour-dependent tactics).

#include <cstddef>

#include "parley/agents/strategy.hpp"

namespace parley {

/// \brief Concedes, in its own utility, what the other side conceded in its last offer.
///
/// It keeps a demand d_i, starting at its ideal m_i. Whenever another veto party j makes an
/// offer and j's previous offer in the episode is known, j's concession is what j gave up by
/// its own measure, u_j(previous) - u_j(latest); party i lowers its demand by
/// `reciprocity` times that (or raises it, if j hardened: tit for tat both ways), keeping
/// d_i within [r_i, m_i] when it is used. Offers of mediators and of itself do not count.
/// It proposes the agreement best for the others among those worth at least max(d_i, r_i),
/// and accepts offers worth at least max(d_i, r_i). Two tit-for-tat players open at their
/// ideals and never concede first: reciprocity alone does not start a settlement.
class TitForTatStrategy final : public Strategy {
 public:
  /// \param reciprocity the fraction of the other side's concession it returns, >= 0.
  /// \throws std::invalid_argument if reciprocity < 0 or not finite.
  explicit TitForTatStrategy(double reciprocity);
  [[nodiscard]] double reciprocity() const { return reciprocity_; }

  void reset() override;
  bool propose(const StrategyView& view, Agreement& offer) override;
  Answer respond(const StrategyView& view, const Offer& offer) override;
  [[nodiscard]] double aspiration(const StrategyView& view) const override;

 private:
  /// Reads the offers added to the history since the last call and updates the demand.
  void catch_up(const StrategyView& view);

  double reciprocity_;
  bool started_ = false;
  double demand_ = 0.0;
  std::size_t seen_ = 0;  ///< offers of the history already read
};

}  // namespace parley
