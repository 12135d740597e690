#include "parley/io/report/robustness_findings.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <string>
#include <vector>

#include "parley/battlefield/war_value.hpp"
#include "parley/io/format/number_format.hpp"
#include "parley/io/report/run_report.hpp"

namespace parley::io {
namespace {

// Exact values (solve) count as equal within this; Monte Carlo ones use their intervals.
constexpr double kExactTolerance = 1e-9;

double start_war_value(const Scenario& scenario, std::size_t party, int start_state) {
  return war_value(scenario, party)(0, start_state);
}

std::string gain_name(const Scenario& scenario, std::size_t party) {
  return scenario.parties[party].name + " gains over fighting to the end";
}

std::string outcome_words(const Scenario& scenario, Outcome outcome) {
  switch (outcome) {
    case Outcome::settled: return "settled at the table";
    case Outcome::collapse_a: return collapse_label(scenario, true);
    case Outcome::collapse_b: return collapse_label(scenario, false);
    case Outcome::frozen: break;
  }
  return "the front frozen at the horizon";
}

}  // namespace

std::string equilibrium_set_words(const std::vector<std::array<std::vector<int>, 2>>& supports,
                                  const std::array<std::vector<std::string>, 2>& labels) {
  std::vector<std::string> each;
  for (const auto& pair : supports) {
    std::string text;
    for (std::size_t p = 0; p < 2; ++p) {
      std::string side;
      for (const int k : pair[p]) side += (side.empty() ? "" : ", ") + labels[p][static_cast<std::size_t>(k)];
      if (pair[p].size() > 1) side = "mix(" + side + ")";
      text += (p == 0 ? "" : " / ") + side;
    }
    each.push_back(std::move(text));
  }
  std::sort(each.begin(), each.end());
  std::string joined;
  for (const std::string& e : each) joined += (joined.empty() ? "" : "; ") + e;
  return joined.empty() ? "none found" : joined;
}

std::string tied_reply_words(const std::vector<int>& tied, const std::vector<std::string>& labels) {
  std::string reply;
  for (const int k : tied) reply += (reply.empty() ? "" : ", ") + labels[static_cast<std::size_t>(k)];
  return tied.size() > 1 ? "tie: " + reply : reply;
}

void RobustnessFindings::add(std::string name, std::string value, std::string detail) {
  names.push_back(std::move(name));
  values.push_back(std::move(value));
  details.push_back(std::move(detail));
}

RobustnessFindings run_findings(const Scenario& scenario, const RunSummary& summary) {
  RobustnessFindings findings;
  Outcome likeliest = Outcome::settled;
  for (const Outcome o : {Outcome::collapse_a, Outcome::collapse_b, Outcome::frozen})
    if (summary.outcome(o).p > summary.outcome(likeliest).p) likeliest = o;
  findings.add("most likely end", outcome_words(scenario, likeliest),
               "P = " + format_fixed(summary.outcome(likeliest).p, 3));
  const int s0 = scenario.battlefield ? scenario.battlefield->start : 0;
  for (std::size_t i = 0; i < scenario.parties.size(); ++i) {
    if (!scenario.parties[i].veto) continue;
    const double war = start_war_value(scenario, i, s0);
    const MeanEstimate& u = summary.utility[i];
    const char* sign = u.ci95.low > war ? "yes" : u.ci95.high < war ? "no" : "within the 95% interval";
    findings.add(gain_name(scenario, i), sign, format_signed(u.mean - war, 3));
  }
  return findings;
}

RobustnessFindings solve_findings(const Scenario& scenario, const BargainingEquilibrium& equilibrium) {
  RobustnessFindings findings;
  const EquilibriumPath& path = equilibrium.path();
  const int first = equilibrium.first_talk_period();
  const double at_first = first >= 0 ? path.settled_at[static_cast<std::size_t>(first)] : 0.0;
  // An agreement expected in the last quarter of the horizon is the signature of a deadline
  // effect: the end of the model, not the war, deciding when.
  const bool late = path.settled > 0.5 && path.expected_settlement_period > 0.75 * scenario.horizon;
  const char* when = at_first > 0.5 ? "at the first talks"
                     : path.settled <= 0.5 ? "mostly not"
                     : late ? "in the last quarter of the horizon"
                            : "later, before the last quarter of the horizon";
  findings.add("agreement comes", when,
               "P(at the first talks) = " + format_fixed(at_first, 3) + ", P(ever) = " + format_fixed(path.settled, 3) +
                   (path.settled > 0.0 ? ", mean " + scenario.period_unit + " " +
                                             format_fixed(path.expected_settlement_period, 1)
                                       : std::string()));
  const int s0 = equilibrium.start_state();
  std::string larger;
  double best_gain = 0.0;
  bool tied = false;
  for (std::size_t i = 0; i < scenario.parties.size(); ++i) {
    if (!scenario.parties[i].veto) continue;
    const double gain = equilibrium.value(0, s0, i) - start_war_value(scenario, i, s0);
    findings.add(gain_name(scenario, i), gain > kExactTolerance ? "yes" : gain < -kExactTolerance ? "no" : "no gain",
                 format_signed(gain, 4));
    if (larger.empty() || gain > best_gain + kExactTolerance) {
      larger = scenario.parties[i].name;
      best_gain = gain;
      tied = false;
    } else if (std::abs(gain - best_gain) <= kExactTolerance) {
      tied = true;
    }
  }
  findings.add("larger gain", tied ? "equal" : larger);
  return findings;
}

RobustnessFindings compare_findings(const CompareReport& report, const std::array<std::vector<std::string>, 2>& labels) {
  RobustnessFindings findings;
  // The equilibrium set at the report's confidence (ties closed, MetaEquilibriumSet) when the
  // report has one, so that noise within the confidence is not a change of conclusion; the
  // estimated game's equilibria otherwise.
  std::vector<std::array<std::vector<int>, 2>> supports;
  if (!report.history.steps.empty()) {
    supports = report.history.steps.back().set.supports;
  } else {
    for (const MetaEquilibrium& eq : report.equilibria) supports.push_back(eq.supports);
  }
  findings.add("equilibria", equilibrium_set_words(supports, labels), std::to_string(supports.size()) + " in all");
  for (int p = 0; p < 2; ++p) {
    const auto& own = labels[static_cast<std::size_t>(p)];
    const auto& other = labels[static_cast<std::size_t>(1 - p)];
    for (const BestReply& b : report.replies[static_cast<std::size_t>(p)]) {
      // Tied strategies (within the confidence, BestReply::ties) are one finding: "tie: a, b".
      std::vector<int> tied{b.reply};
      for (const BestReplyTie& t : b.ties) tied.push_back(t.strategy);
      std::sort(tied.begin(), tied.end());
      findings.add(report.player_names[static_cast<std::size_t>(p)] + "'s best reply to " +
                       other[static_cast<std::size_t>(b.against)],
                   tied_reply_words(tied, own),
                   b.runner_up >= 0 ? "margin " + format_fixed(b.margin, 4) : std::string());
    }
  }
  return findings;
}

}  // namespace parley::io
