#include "parley/io/report/artifact_warnings.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "parley/io/format/number_format.hpp"

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

void write_warnings_json(JsonWriter& json, const std::vector<ArtifactWarning>& warnings) {
  json.key("warnings").begin_array();
  for (const ArtifactWarning& w : warnings) json.begin_object().field("code", w.code).field("message", w.message).end_object();
  json.end_array();
}

}  // namespace parley::io
