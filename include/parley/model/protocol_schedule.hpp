#pragma once
/// \file protocol_schedule.hpp
/// Who proposes when, under a scenario's bargaining protocol (DESIGN 1.7): the one reading of
/// ProtocolParams that the engine, the strategies and the equilibrium solver share.

#include <cstddef>
#include <span>
#include <vector>

#include "parley/model/protocol_params.hpp"

namespace parley {

/// \brief A proposer of a talk period: who, with what probability, at which stage.
///
/// A talk period is a sequence of stages (one under `alternating` and `random`, one per
/// counter-proposer under `mediated`); in each stage one party is recognised with the given
/// probability (1 except under `random`) and proposes, and if its offer fails the next stage
/// follows in the same period, with no fighting in between.
struct Recognition {
  std::size_t party = 0;
  double probability = 1.0;
  std::size_t stage = 0;
};

/// \brief The talk periods of a protocol over a horizon and who proposes in each.
///
/// With `order` the protocol's order, or the veto parties in scenario order when it is empty,
/// the k-th talk period (k counts talk periods, not periods) runs:
/// - alternating: one stage, order[k mod |order|] proposes (Rubinstein 1982);
/// - random: one stage, party i is recognised with probability rho_i, the protocol's
///   `recognition` (rho_i = (number of times i is in `order`) / |order| when it is empty), and
///   proposes (Baron and Ferejohn 1989);
/// - mediated: the mediator tables its package first (mediator_first()); then, with
///   `counter`, each party of `order` other than the mediator counter-proposes in turn, each
///   in its own stage after the previous offer failed.
/// proposers(k) lists the belligerents' stages (the mediator's package is not one of them).
class ProtocolSchedule {
 public:
  ProtocolSchedule() = default;
  /// The schedule of `protocol` over periods 0..horizon-1 for `party_count` parties.
  /// \throws std::invalid_argument if a proposer or the mediator is not a party, the order is
  /// empty under `alternating`, or under `random` the recognition probabilities are not one
  /// per party or do not sum to 1 (within 1e-9).
  ProtocolSchedule(const ProtocolParams& protocol, std::span<const std::size_t> veto_parties,
                   std::size_t party_count, int horizon);

  [[nodiscard]] ProtocolParams::Kind kind() const { return kind_; }
  /// T.
  [[nodiscard]] int horizon() const { return static_cast<int>(talk_index_.size()); }
  /// Whether period t has talks (ProtocolParams::talks_at), 0 <= t < T.
  [[nodiscard]] bool talks_at(int t) const { return talk_index(t) >= 0; }
  /// k if period t is the k-th talk period, -1 without talks; 0 <= t < T.
  [[nodiscard]] int talk_index(int t) const { return talk_index_[static_cast<std::size_t>(t)]; }
  /// The number of talk periods before T.
  [[nodiscard]] int talk_periods() const { return talk_periods_; }
  /// The first talk period after t, or T if there is none; 0 <= t < T.
  [[nodiscard]] int next_talks(int t) const { return next_talks_[static_cast<std::size_t>(t)]; }

  /// The proposers of `alternating`, the candidates of `random` and the counter-proposers of
  /// `mediated`: ProtocolParams::order, or the veto parties in scenario order when it is empty.
  [[nodiscard]] std::span<const std::size_t> order() const { return order_; }
  /// rho_i, per party: the probability that party i is recognised in a talk period of
  /// `random` (ProtocolParams::recognition, or equal over order() when it is empty).
  [[nodiscard]] std::span<const double> recognition() const { return recognition_; }
  /// Whether the mediator's package opens every talk period (`mediated`).
  [[nodiscard]] bool mediator_first() const { return kind_ == ProtocolParams::Kind::mediated; }
  /// The mediator (meaningful under `mediated`).
  [[nodiscard]] std::size_t mediator() const { return mediator_; }

  /// The belligerents' proposals in the k-th talk period, by stage (k >= 0): one entry under
  /// `alternating`; every party with rho_i > 0 under `random` (in scenario order, or in the
  /// order of order() when `recognition` is empty); the counter-proposers under `mediated`
  /// (none without `counter`).
  [[nodiscard]] std::span<const Recognition> proposers(int k) const {
    if (cycle_.empty()) return {};
    return cycle_[static_cast<std::size_t>(k) % cycle_.size()];
  }
  /// The party recognised under `random` by the uniform u in [0, 1): the first i with
  /// u < rho_0 + ... + rho_i (inversion; parties with rho_i = 0 are skipped, and the last
  /// party with rho_i > 0 takes what rounding leaves above the sum).
  [[nodiscard]] std::size_t recognised(double u) const;

 private:
  ProtocolParams::Kind kind_ = ProtocolParams::Kind::alternating;
  std::size_t mediator_ = 0;
  std::vector<std::size_t> order_;
  std::vector<double> recognition_;
  std::vector<int> talk_index_;
  std::vector<int> next_talks_;
  int talk_periods_ = 0;
  /// The proposers of talk period k are cycle_[k mod |cycle_|].
  std::vector<std::vector<Recognition>> cycle_;
};

}  // namespace parley
