#pragma once
/// \file solve_report.hpp
/// What `parley solve` prints: the subgame-perfect Markov equilibrium under complete
/// information (DESIGN 1.7) as a table, JSON, and CSV of the offers over the front's states.

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

#include "parley/agreement/agreement_space.hpp"
#include "parley/equilibrium/bargaining_equilibrium.hpp"
#include "parley/io/report/robustness_report.hpp"
#include "parley/model/agreement.hpp"
#include "parley/model/scenario.hpp"

namespace parley::io {

/// \brief An equilibrium with what the three formats of `parley solve` report beside it.
struct SolveReport {
  const Scenario& scenario;
  const AgreementSpace& space;
  const BargainingEquilibrium& equilibrium;
  std::vector<double> war_value;  ///< V^war_i(0, s_0), fighting to the end: what the equilibrium gains on
  int period = -1;                ///< the talk period whose offers are reported (-1: no talks before the horizon)
};

/// The report of `equilibrium` with each party's war value V^war_i(0, s_0) at the start state,
/// and offers reported at `period`, or at the first talks when `period` is negative.
[[nodiscard]] SolveReport make_solve_report(const Scenario& scenario, const AgreementSpace& space,
                                            const BargainingEquilibrium& equilibrium, int period);

/// The index k of the offer that is made, and passes, at (t, s) on the equilibrium path: the
/// first stage whose offer settles; under random recognition, among that stage's proposers who
/// settle, the most likely. Without any settling offer, the first proposer's; -1 without proposers.
[[nodiscard]] int path_offer(const BargainingEquilibrium& equilibrium, int t, int s);

/// Issue `issue` of package x in one cell: a continuous amount (3 decimals, or shortest
/// round-trip text when `full`), an ordinal level's id, or the included clauses ("k/n", or
/// their ids joined by ';' when `full`).
[[nodiscard]] std::string issue_cell(const Scenario& scenario, std::size_t issue, const Agreement& x, bool full);

/// The table: the protocol in words, each party's equilibrium value V_i(0, s_0) against its war
/// value, the probabilities of agreement and of each way the war ends, when agreement comes, the
/// offer on the path at the reported period with its package, and (with a battlefield) the
/// offer that passes and V_i(t, s) of the veto parties over the front's states.
void write_solve_table(std::ostream& out, const SolveReport& report);

/// The same as one JSON object, with every proposer's offer at (period, s_0) and at each
/// interior state, and `robustness` (robustness_report.hpp) when `robustness` is given.
void write_solve_json(std::ostream& out, const SolveReport& report, const RobustnessCheck* robustness = nullptr);

/// One CSV row per interior front state and proposer at the reported period: P(agreement),
/// the recognition, V_i(t, s), the offer's utilities and its terms in full.
void write_solve_csv(std::ostream& out, const SolveReport& report);

}  // namespace parley::io
