#include "parley/io/report/artifact_warnings.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "parley/io/format/number_format.hpp"
#include "parley/io/report/compare_report.hpp"

namespace parley::io {

namespace {

std::string percent(double share) { return format_fixed(100.0 * share, 0) + "%"; }

/// The warning that a share `share` of `what` (the settlements, the probability of agreement)
/// comes in period t of T.
ArtifactWarning one_round(const Scenario& s, const std::string& what, double share, int t) {
  return {"settlements_in_one_round",
          "more than half of " + what + " (" + percent(share) + ") falls in one round of talks, " + s.period_unit +
              " " + std::to_string(t) + " of " + std::to_string(s.horizon) +
              ": check that the horizon does not decide when (--set horizon=" + std::to_string(2 * s.horizon) + ")"};
}

ArtifactWarning truncation(const Scenario& s, double share) {
  return {"horizon_truncates", "the horizon cuts off " + percent(share) + " of the probability (the front frozen at " +
                                   s.period_unit + " " + std::to_string(s.horizon) +
                                   "): the answer depends on what the model does at its end"};
}

/// The first talk period of the scenario's protocol, or -1.
int first_talks(const Scenario& s) {
  for (int t = 0; t < s.horizon; ++t)
    if (s.protocol.talks_at(t)) return t;
  return -1;
}

}  // namespace

std::vector<ArtifactWarning> run_warnings(const Scenario& scenario, const RunSummary& summary) {
  std::vector<ArtifactWarning> out;
  const auto& periods = summary.settlement_periods;
  std::int64_t settled = 0;
  for (const std::int64_t n : periods) settled += n;
  if (settled > 0) {
    const auto most = std::max_element(periods.begin(), periods.end());
    const int t = static_cast<int>(most - periods.begin());
    if (2 * *most > settled && t != first_talks(scenario))
      out.push_back(one_round(scenario, "the settlements", static_cast<double>(*most) / static_cast<double>(settled), t));
  }
  if (summary.frozen.p > kTruncationShare) out.push_back(truncation(scenario, summary.frozen.p));
  return out;
}

std::vector<ArtifactWarning> solve_warnings(const Scenario& scenario, const BargainingEquilibrium& equilibrium) {
  std::vector<ArtifactWarning> out;
  const EquilibriumPath& path = equilibrium.path();
  if (path.settled > 0.0) {
    const auto most = std::max_element(path.settled_at.begin(), path.settled_at.end());
    const int t = static_cast<int>(most - path.settled_at.begin());
    if (*most > 0.5 * path.settled && t != equilibrium.first_talk_period())
      out.push_back(one_round(scenario, "the probability of agreement", *most / path.settled, t));
  }
  if (path.frozen > kTruncationShare) out.push_back(truncation(scenario, path.frozen));
  return out;
}

std::vector<ArtifactWarning> compare_warnings(const AdaptiveHistory& history) {
  if (!history.changed()) return {};
  // "between 300 and 600; 3 equilibria at 300, 3 at 600 and 3 at 1200"
  std::string changes;
  std::string counts;
  for (std::size_t k = 0; k < history.steps.size(); ++k) {
    const AdaptiveStep& step = history.steps[k];
    const std::size_t n = step.set.supports.size();
    counts += (k == 0 ? "" : k + 1 == history.steps.size() ? " and " : ", ") + std::to_string(n) +
              (k > 0 ? "" : n == 1 ? " equilibrium" : " equilibria") + " at " + std::to_string(step.runs);
    if (k > 0 && !(step.set == history.steps[k - 1].set))
      changes += (changes.empty() ? "between " : ", between ") + std::to_string(history.steps[k - 1].runs) + " and " +
                 std::to_string(step.runs);
  }
  std::string message = "the equilibrium set at " + confidence_percent(history.confidence) +
                        " confidence changed with the number of runs per profile (" + changes + "; " + counts +
                        "): fewer runs would have given another answer";
  if (history.stop == AdaptiveStop::budget)
    message += ", and it had not settled when the budget of " + std::to_string(history.max_runs) +
               " runs per profile was spent: more runs (--max-runs) may change it again";
  return {{"equilibria_changed_with_runs", message}};
}

void write_warnings_json(JsonWriter& json, const std::vector<ArtifactWarning>& warnings) {
  json.key("warnings").begin_array();
  for (const ArtifactWarning& w : warnings) json.begin_object().field("code", w.code).field("message", w.message).end_object();
  json.end_array();
}

}  // namespace parley::io
