#pragma once
/// \file scenario.hpp
/// The scenario as a whole: issues, parties, battlefield, protocol, horizon (DESIGN 1).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/model/agreement.hpp"
#include "parley/model/battlefield_params.hpp"
#include "parley/model/durability_params.hpp"
#include "parley/model/issue.hpp"
#include "parley/model/leverage.hpp"
#include "parley/model/party.hpp"
#include "parley/model/protocol_params.hpp"
#include "parley/model/term_constraint.hpp"

namespace parley {

/// \brief Everything an episode needs. Built and checked by the scenario loader (io); the
/// core assumes a scenario it receives is valid.
struct Scenario {
  std::string id;           ///< short name (file stem)
  std::string title;
  std::string description;
  int horizon = 10;         ///< T: periods of talks and fighting before the conflict freezes
  std::string period_unit = "period";  ///< "week", "month", ... for reports
  std::vector<Issue> issues;
  std::vector<Party> parties;
  std::optional<BattlefieldParams> battlefield;
  ProtocolParams protocol;
  /// How long a settlement lasts (DESIGN 1.10); absent: settlements are final (DESIGN 1.1).
  /// Needs a battlefield.
  std::optional<DurabilityParams> durability;
  /// Constraints between terms (issue 15): packages that break one cannot be signed.
  std::vector<TermConstraint> constraints;
  /// Measures in force while a veto party rejects the mediator's plan (issue 15; leverage.hpp).
  /// Needs the mediated protocol with a mediator playing `plan`.
  std::vector<Leverage> leverage;
  /// Imposed terms when side A (B) collapses; only meaningful with a battlefield.
  Agreement collapse_a_terms;
  Agreement collapse_b_terms;

  /// Sets derived fields: clause offsets, clause sums (min_i, max_i) of every valuation.
  /// Call once after building or changing issues or values.
  void finalize();

  /// u_i(x) = sum_k w_ik v_ik(x_k), O(issues + clauses).
  [[nodiscard]] double utility(std::size_t party, const Agreement& x) const;

  /// The red lines of party i that x crosses (indices into Party::red_lines, in order): empty
  /// when the party would sign x whatever else it is worth (issue 15).
  [[nodiscard]] std::vector<std::size_t> red_lines_crossed(std::size_t party, const Agreement& x) const;
  /// Whether x crosses a red line of party i.
  [[nodiscard]] bool crosses_red_line(std::size_t party, const Agreement& x) const;
  /// Whether x crosses a red line of some veto party: no settlement can be signed on it.
  [[nodiscard]] bool crosses_veto_red_line(const Agreement& x) const;
  /// Whether x keeps every constraint between terms (no allocation).
  [[nodiscard]] bool keeps_constraints(const Agreement& x) const;
  /// The constraints x breaks (indices into `constraints`, in order).
  [[nodiscard]] std::vector<std::size_t> constraints_broken(const Agreement& x) const;
  /// Whether x can be signed at all: it keeps every constraint and crosses no veto party's red
  /// line (issue 15).
  [[nodiscard]] bool admissible(const Agreement& x) const;

  /// The package where every issue is at its status quo.
  [[nodiscard]] Agreement status_quo() const;
  /// frozen(s): issues linked to the front take lo + (hi - lo) s / N, the rest their status quo.
  [[nodiscard]] Agreement frozen(int state) const;

  /// Total number of clauses over all clauses issues (size of Agreement::clauses).
  [[nodiscard]] std::size_t clause_count() const;
  /// Indices of the parties whose acceptance is needed, in scenario order.
  [[nodiscard]] std::vector<std::size_t> veto_parties() const;
  /// Index of the party (issue) with this id, or -1.
  [[nodiscard]] int party_index(std::string_view id) const;
  [[nodiscard]] int issue_index(std::string_view id) const;
  /// Index of battlefield side A (B) among the parties; -1 without a battlefield.
  [[nodiscard]] int side_a() const;
  [[nodiscard]] int side_b() const;
};

}  // namespace parley
