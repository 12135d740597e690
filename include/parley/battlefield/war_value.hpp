#pragma once
/// \file war_value.hpp
/// Each party's exact value of fighting to the end, V_i(t, s), by backward induction over the
/// battlefield chain (DESIGN 1.4; Slantchev 2003, Smith and Stam 2004 for its use as the
/// value of rejecting in bargaining while fighting).

#include <cstddef>
#include <memory>
#include <vector>

#include "parley/battlefield/battlefield_chain.hpp"
#include "parley/battlefield/time_state_table.hpp"
#include "parley/model/scenario.hpp"

namespace parley {

/// \brief What one party gets from a war that is fought to the end (DESIGN 1.1).
///
/// `frozen[s]` = u_i(frozen(s)) for every state s = 0..N (the value at the horizon), and the
/// utilities of the collapse terms (the value at absorbing states); without a battlefield,
/// `frozen` has one entry, the party's reservation value.
struct WarPayoffs {
  double cost = 0.0;      ///< c_i per period of fighting
  double discount = 1.0;  ///< delta_i per period
  double collapse_a = 0.0;  ///< u_i(collapse_a_terms)
  double collapse_b = 0.0;  ///< u_i(collapse_b_terms)
  std::vector<double> frozen;
};

/// The war payoffs of party `party` in `scenario`: u_i(frozen(s)) for s = 0..N, u_i of the
/// collapse terms, c_i and delta_i (reservation_i as the single frozen value without a
/// battlefield).
[[nodiscard]] WarPayoffs war_payoffs(const Scenario& scenario, std::size_t party);

/// \brief V_i(t, s) for t = 0..T and every state s: the value of fighting to the end.
///
/// V(T, s) = u_i(frozen(s)) for interior s; for t < T and interior s
///   V(t, s) = -c_i + delta_i sum_s' P_t(s, s') V(t + 1, s'),
/// and V(t, s) = u_i(collapse terms) at absorbing states (collapse_a_terms for
/// s <= collapse_a, collapse_b_terms for s >= collapse_b). Values are in "utility at t"
/// units: the payoff of DESIGN 1.1 seen from period t, before the cost of period t.
/// Without a battlefield the table has one state: V(T) = reservation_i and
/// V(t) = -c_i + delta_i V(t + 1).
///
/// Rows are stored period by period, states contiguous. Copies share the storage
/// (tables are immutable once built).
class WarValueTable {
 public:
  WarValueTable() = default;
  /// A table over `horizon + 1` periods and `state_count` states from its values, row t at
  /// `values[t * state_count .. (t + 1) * state_count)`.
  WarValueTable(int horizon, int state_count, const std::vector<double>& values);
  /// The same from a filled (T + 1) x state_count table, taken over without a copy.
  /// \throws std::invalid_argument if the table has no period or no state.
  explicit WarValueTable(TimeStateTable values);

  /// V_i(t, s), 0 <= t <= T, 0 <= s < state_count() (unchecked).
  [[nodiscard]] double operator()(int t, int s) const {
    return data_[static_cast<std::size_t>(t) * static_cast<std::size_t>(state_count_) +
                 static_cast<std::size_t>(s)];
  }
  /// W_i(t, s) = -c_i + delta_i sum_s' P_t(s, s') V_i(t + 1, s'), 0 <= t < T: the value of
  /// rejecting at t and fighting on (DESIGN 1.7). For interior s this is V_i(t, s) itself,
  /// since the war value is the value of always fighting on; at an absorbing state the war
  /// is over and it is the collapse value.
  [[nodiscard]] double continuation(int t, int s) const { return (*this)(t, s); }
  /// Row t: V_i(t, 0..state_count()-1).
  [[nodiscard]] const double* period(int t) const {
    return data_ + static_cast<std::size_t>(t) * static_cast<std::size_t>(state_count_);
  }
  /// T.
  [[nodiscard]] int horizon() const { return horizon_; }
  /// N + 1 with a battlefield, 1 without.
  [[nodiscard]] int state_count() const { return state_count_; }

 private:
  std::shared_ptr<const TimeStateTable> storage_;
  const double* data_ = nullptr;
  int horizon_ = 0;
  int state_count_ = 0;
};

/// V_i for a party with payoffs `payoffs` on `chain` over `horizon` periods
/// (`payoffs.frozen` has N + 1 entries).
[[nodiscard]] WarValueTable war_value(const BattlefieldChain& chain, int horizon,
                                      const WarPayoffs& payoffs);

/// V_i for party `party` of `scenario` under the true schedule shifted by
/// `advantage_offset` (a belief hypothesis, DESIGN 1.5), its cost per period raised by
/// `extra_cost` (c_i + extra_cost in the recursion: a leverage measure or an offensive in force
/// to the end, issue 15).
[[nodiscard]] WarValueTable war_value(const Scenario& scenario, std::size_t party,
                                      double advantage_offset = 0.0, double extra_cost = 0.0);

/// \brief The tables of every party under every hypothesis of its own belief:
/// result[i][k] is V_i(. | a_k) with a_k = schedule + parties[i].belief.offsets[k]
/// (a party that knows the truth has the one table of the true chain). Without a battlefield
/// every hypothesis has the same one-state table.
///
/// Chains shared between parties (same offset) are built once; each table is one backward
/// sweep of O(T N) with a five-point stencil per period, vectorised over the states (no
/// matrix is built). This is what the engine and the strategies read the value of fighting
/// on from.
[[nodiscard]] std::vector<std::vector<WarValueTable>> war_values_by_belief(
    const Scenario& scenario);

}  // namespace parley
