#include "parley/solve/scenario_analysis.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>

#include "parley/agreement/disagreement_point.hpp"
#include "parley/equilibrium/bargaining_equilibrium.hpp"
#include "parley/model/leverage.hpp"
#include "parley/model/utility_tolerance.hpp"

namespace parley {

ScenarioAnalysis analyze_scenario(const Scenario& scenario) {
  ScenarioAnalysis a;
  const int start = scenario.battlefield ? scenario.battlefield->start : 0;
  const auto by_belief = war_values_by_belief(scenario);
  for (std::size_t i = 0; i < scenario.parties.size(); ++i) {
    a.true_values.push_back(war_value(scenario, i));
    a.war_value.push_back(a.true_values.back()(0, start));
    const BeliefSpec& belief = scenario.parties[i].belief;
    double subjective = 0.0;
    for (std::size_t k = 0; k < belief.prior.size(); ++k) subjective += belief.prior[k] * by_belief[i][k](0, start);
    a.subjective_value.push_back(subjective);
    std::vector<double> by_state;
    if (scenario.battlefield) {
      by_state.assign(static_cast<std::size_t>(a.true_values.back().state_count()), 0.0);
      for (std::size_t s = 0; s < by_state.size(); ++s)
        for (std::size_t k = 0; k < belief.prior.size(); ++k)
          by_state[s] += belief.prior[k] * by_belief[i][k](0, static_cast<int>(s));
    }
    a.subjective_by_state.push_back(std::move(by_state));
  }
  if (scenario.battlefield) a.outcome = war_outcome(scenario);
  a.disagreement = scenario.battlefield ? a.subjective_value : reservation_point(scenario);
  a.space = AgreementSpace(scenario);
  a.zopa = zone_of_possible_agreement(a.space, a.disagreement);
  a.zopa_complete_information =
      zone_of_possible_agreement(a.space, scenario.battlefield ? a.war_value : a.disagreement);
  // Red lines (issue 15): the zone without each veto party's red line in turn, and without any.
  const auto veto = scenario.veto_parties();
  if (std::any_of(veto.begin(), veto.end(), [&](std::size_t i) { return !scenario.parties[i].red_lines.empty(); })) {
    Scenario lifted = scenario;
    for (Party& p : lifted.parties) p.red_lines.clear();
    a.zopa_without_red_lines = zone_of_possible_agreement(AgreementSpace(lifted), a.disagreement);
    for (const std::size_t i : veto) {
      for (std::size_t r = 0; r < scenario.parties[i].red_lines.size(); ++r) {
        Scenario one = scenario;
        auto& lines = one.parties[i].red_lines;
        lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(r));
        a.red_line_effects.push_back({i, r, zone_of_possible_agreement(AgreementSpace(one), a.disagreement)});
      }
    }
  }
  // Constraints between terms: the zone without each in turn, and without any.
  if (!scenario.constraints.empty()) {
    Scenario lifted = scenario;
    lifted.constraints.clear();
    a.zopa_without_constraints = zone_of_possible_agreement(AgreementSpace(lifted), a.disagreement);
    for (std::size_t c = 0; c < scenario.constraints.size(); ++c) {
      Scenario one = scenario;
      one.constraints.erase(one.constraints.begin() + static_cast<std::ptrdiff_t>(c));
      a.constraint_effects.push_back({c, zone_of_possible_agreement(AgreementSpace(one), a.disagreement)});
    }
  }
  a.nash = nash_solution(a.space, a.disagreement);
  a.kalai_smorodinsky = kalai_smorodinsky(a.space, a.disagreement);
  a.max_welfare = max_welfare(a.space);
  if (a.nash) a.nash_explained = explain_package(a.space, a.nash->agreement, a.disagreement);
  for (std::size_t p = 0; p < scenario.parties.size(); ++p) {
    if (!scenario.parties[p].proposal) continue;
    ProposalAssessment tabled{p, *scenario.parties[p].proposal, {}, {}, {}, {}, {}};
    if (!scenario.leverage.empty() && p == scenario.protocol.mediator) {
      for (std::size_t i = 0; i < scenario.parties.size(); ++i) {
        const auto k = std::find(veto.begin(), veto.end(), i);
        const std::uint64_t alone = k == veto.end() ? 0 : std::uint64_t{1} << (k - veto.begin());
        const WarShift effect = leverage_effect(scenario.leverage, veto, scenario.parties.size(), alone);
        tabled.value_under_leverage.push_back(
            war_value(scenario, i, effect.advantage_shift, effect.cost_shift[i])(0, start));
      }
    }
    tabled.constraints_broken = scenario.constraints_broken(tabled.agreement);
    for (std::size_t i = 0; i < scenario.parties.size(); ++i) {
      tabled.utilities.push_back(scenario.utility(i, tabled.agreement));
      if (!scenario.parties[i].veto) continue;
      const bool crosses = scenario.crosses_red_line(i, tabled.agreement);
      if (crosses) tabled.red_lines_crossed_by.push_back(i);
      if (crosses || !worth_at_least(tabled.utilities[i], a.disagreement[i])) tabled.rejected_by.push_back(i);
    }
    a.proposals.push_back(std::move(tabled));
  }
  if (scenario.durability && scenario.battlefield) {
    // A renewed war is worth what the solver's renewed wars say, talks included (DESIGN 1.10);
    // where the solver cannot solve the talks (a protocol it refuses), it is valued as fought to
    // the end, and the report says so.
    std::optional<BargainingEquilibrium> eq;
    try {
      eq = BargainingEquilibrium::solve(scenario, a.space);
    } catch (const std::invalid_argument&) {
      eq.reset();
    }
    a.renewed_talks = eq.has_value();
    const auto add = [&](std::string package, std::size_t party, const Agreement& x) {
      const PeaceTerms terms = eq ? eq->peace_offers()->terms_of(x, 0, start) : peace_terms(scenario, x, 0, start);
      PackageDurability d{std::move(package), party, x, {}, peace_outlook(terms)};
      for (std::size_t i = 0; i < scenario.parties.size(); ++i) d.utilities.push_back(scenario.utility(i, x));
      a.durability.push_back(std::move(d));
    };
    if (a.nash) add("nash", 0, a.nash->agreement);
    if (a.kalai_smorodinsky) add("kalai_smorodinsky", 0, a.kalai_smorodinsky->agreement);
    for (const ProposalAssessment& tabled : a.proposals) add("proposal", tabled.party, tabled.agreement);
  }
  return a;
}

}  // namespace parley
