#pragma once
/// \file scenario_analysis.hpp
/// The exact analytics of a scenario in one place (what `parley analyze` reports): how a war
/// fought to the end ends, what fighting on is worth to each party, and the bargaining range
/// and solution packages that leaves (DESIGN 1.4, 1.5, 1.8). No simulation.

#include <optional>
#include <string>
#include <vector>

#include "parley/agreement/agreement_space.hpp"
#include "parley/agreement/bargaining_solution.hpp"
#include "parley/agreement/package_explanation.hpp"
#include "parley/battlefield/peace_value.hpp"
#include "parley/battlefield/war_outcome.hpp"
#include "parley/battlefield/war_value.hpp"
#include "parley/model/scenario.hpp"

namespace parley {

/// \brief A package a party tables (Party::proposal: the mediator's plan, say), held against
/// the disagreement point: u_i(x) for every party, and the veto parties for which
/// u_i(x) < d_i, who would rather fight on (or disagree) than sign it.
struct ProposalAssessment {
  std::size_t party = 0;              ///< who tables it
  Agreement agreement;
  std::vector<double> utilities;      ///< u_i(x), every party (DESIGN 1.2)
  /// Veto parties with u_i(x) < d_i or whose red line x crosses, in party order.
  std::vector<std::size_t> rejected_by;
  std::vector<std::size_t> red_lines_crossed_by;  ///< veto parties whose red line x crosses
  std::vector<std::size_t> constraints_broken;    ///< Scenario::constraints x breaks: nobody can sign it
  /// With leverage, for the mediator's plan only (issue 15): each party's value of fighting to
  /// the end, under the true schedule, with every measure aimed at it in force throughout (A's
  /// advantage shifted, its cost raised): what rejecting the plan at every talk period leads
  /// to at worst. ScenarioAnalysis::war_value for a party no measure targets; empty otherwise.
  std::vector<double> value_under_leverage;
};

/// \brief What one red line of a veto party does to the bargaining range (issue 15): the zone of
/// possible agreement with every other red line kept and this one lifted, to set against
/// ScenarioAnalysis::zopa (all of them kept).
struct RedLineEffect {
  std::size_t party = 0;  ///< whose red line
  std::size_t line = 0;   ///< index into Party::red_lines
  Zopa without;           ///< the zone without this line, d = ScenarioAnalysis::disagreement
};

/// \brief What one constraint between terms does to the bargaining range (issue 15): the zone
/// with every other constraint kept and this one lifted.
struct ConstraintEffect {
  std::size_t constraint = 0;  ///< index into Scenario::constraints
  Zopa without;
};

/// \brief How long the peace one package makes would last, settled at the start (issue 14;
/// DESIGN 1.10): only with a durability section and a battlefield.
struct PackageDurability {
  /// "nash", "kalai_smorodinsky" or "proposal" (then `party` tabled it).
  std::string package;
  std::size_t party = 0;
  Agreement agreement;
  std::vector<double> utilities;  ///< u_i(x): its worth were the peace final
  PeaceOutlook outlook;           ///< settled in period 0 at the starting front
};

/// \brief Everything the exact analytics give for one scenario at its start.
struct ScenarioAnalysis {
  std::vector<WarValueTable> true_values;  ///< V_i(t, s) under the true schedule, per party
  std::vector<double> war_value;           ///< V_i(0, s_0), per party (reservation-based without a battlefield)
  /// sum_k pi_k(0) V_i(0, s_0 | a_k): the value of fighting on as party i believes it at the
  /// start (DESIGN 1.5); equals war_value for a party that knows the truth.
  std::vector<double> subjective_value;
  /// sum_k pi_k(0) V_i(0, s | a_k) over every state s: the value of fighting on from s as party
  /// i believes it at the start (empty rows without a battlefield).
  std::vector<std::vector<double>> subjective_by_state;
  std::optional<WarOutcome> outcome;       ///< absorption and duration, with a battlefield
  /// The disagreement point d of the bargaining solutions: with a battlefield, each party's
  /// subjective value of fighting on (what it bargains on: Fearon 1995's mutual optimism
  /// empties the range through it); without one, Party::reservation (as GENIUS and NegMAS).
  std::vector<double> disagreement;
  AgreementSpace space;
  Zopa zopa;                       ///< with d = disagreement
  Zopa zopa_complete_information;  ///< with d = the true war values
  /// With red lines on some veto party: the zone with none of them (what they cost together),
  /// and each line's effect alone (RedLineEffect), in party and line order.
  std::optional<Zopa> zopa_without_red_lines;
  std::vector<RedLineEffect> red_line_effects;
  /// With constraints between terms: the zone with none of them, and each one's effect alone.
  std::optional<Zopa> zopa_without_constraints;
  std::vector<ConstraintEffect> constraint_effects;
  std::optional<BargainingSolution> nash;
  std::optional<BargainingSolution> kalai_smorodinsky;
  BargainingSolution max_welfare;
  std::optional<PackageExplanation> nash_explained;  ///< the Nash package taken apart against d
  std::vector<ProposalAssessment> proposals;         ///< every tabled package, in party order
  /// With a durability section: the Nash package, the Kalai-Smorodinsky package and every
  /// tabled package, in that order, with the peace each would make (empty otherwise).
  std::vector<PackageDurability> durability;
  /// Whether `durability` values a renewed war with talks resumed (the solver's renewed wars)
  /// rather than fought to the end (where the solver cannot solve the talks).
  bool renewed_talks = false;
};

/// Computes every field of ScenarioAnalysis for a validated scenario with at least two veto
/// parties: O(T N) per party and hypothesis for the war values, plus the agreement space.
[[nodiscard]] ScenarioAnalysis analyze_scenario(const Scenario& scenario);

}  // namespace parley
