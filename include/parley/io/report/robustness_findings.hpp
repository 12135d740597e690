#pragma once
/// \file robustness_findings.hpp
/// What each command concludes, as categorical findings that `--robustness` compares across
/// changes of set-up (issue 16, item 2): the way the war most likely ends and the sign of each
/// side's gain (`run`), when agreement comes and who gains (`solve`), the equilibrium set and
/// every best reply (`compare`). Numbers go beside a finding as detail; only the finding
/// itself is compared, so a figure that moves without changing the conclusion does not count
/// as a change.

#include <string>
#include <vector>

#include "parley/engine/run_statistics.hpp"
#include "parley/equilibrium/bargaining_equilibrium.hpp"
#include "parley/io/report/compare_report.hpp"
#include "parley/model/scenario.hpp"

namespace parley::io {

/// \brief A command's conclusion: named findings, each a categorical value with a detail.
struct RobustnessFindings {
  std::vector<std::string> names;    ///< "most likely end", "Russia gains over fighting to the end"
  std::vector<std::string> values;   ///< the findings compared: "Ukraine's effort collapses", "yes"
  std::vector<std::string> details;  ///< figures beside them, not compared: "P = 0.895"

  void add(std::string name, std::string value, std::string detail = {});
};

/// The supports of a set of equilibria in words: each "row / column", a mixed player's support
/// as "mix(a, b)", sorted and joined by "; "; "none found" for none. Strategies are named by
/// `labels` (per player, by index).
[[nodiscard]] std::string equilibrium_set_words(const std::vector<std::array<std::vector<int>, 2>>& supports,
                                                const std::array<std::vector<std::string>, 2>& labels);

/// A best reply in words from the strategies tied for it (ascending indices into `labels`):
/// "prolonged", or "tie: prolonged, quick".
[[nodiscard]] std::string tied_reply_words(const std::vector<int>& tied, const std::vector<std::string>& labels);

/// `run`'s conclusion:
/// - the most likely way a run ends (settled at the table, a side's collapse, the front frozen);
/// - per veto party, whether its expected payoff beats its value of fighting to the end from
///   the start, V^war_i(0, s_0): "yes" or "no" when the 95% interval of the mean lies on one
///   side of it, "within the 95% interval" otherwise.
[[nodiscard]] RobustnessFindings run_findings(const Scenario& scenario, const RunSummary& summary);

/// `solve`'s conclusion:
/// - when agreement comes on the equilibrium path: "at the first talks" when most of the
///   probability settles there; when most settles after it, "in the last quarter of the
///   horizon" if E[t | agreement] > 3T/4 (a deadline effect: the end of the model deciding
///   when), "later, before the last quarter of the horizon" otherwise; "mostly not" when
///   P(agreement) <= 1/2;
/// - per veto party, whether its equilibrium value V_i(0, s_0) beats V^war_i(0, s_0) (by more
///   than 1e-9: "yes", less than -1e-9: "no", else "no gain");
/// - which veto party gains more over fighting to the end (or "equal" within 1e-9).
[[nodiscard]] RobustnessFindings solve_findings(const Scenario& scenario, const BargainingEquilibrium& equilibrium);

/// `compare`'s conclusion, strategies named by `labels` (per player, by index: a change of
/// set-up may rename a strategy, e.g. its planning horizon, without it being another
/// strategy):
/// - the equilibrium set at the report's confidence (the supports of the last look's
///   MetaEquilibriumSet; the estimated game's equilibria for a report without a history), each
///   as "row / column", a mixed player's support as "mix(a, b)", sorted and joined by "; ";
/// - per player and pure strategy of the other, the best reply, or "tie: a, b" listing the
///   strategies tied for it at the confidence (BestReply::ties).
[[nodiscard]] RobustnessFindings compare_findings(const CompareReport& report,
                                                  const std::array<std::vector<std::string>, 2>& labels);

}  // namespace parley::io
