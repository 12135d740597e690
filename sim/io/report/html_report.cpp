#include "parley/io/report/html_report.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <initializer_list>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "parley/io/format/number_format.hpp"
#include "parley/io/report/analyze_report.hpp"
#include "parley/io/report/package_report.hpp"
#include "parley/io/report/run_report_writers.hpp"
#include "parley/io/report/svg_chart.hpp"

namespace parley::io {
namespace {

// The page's look: readable in a mail client's browser and on paper; no external fonts.
constexpr const char* page_style = R"(
body { font-family: sans-serif; max-width: 980px; margin: 2em auto; padding: 0 1em; color: #222; line-height: 1.45; }
h1 { font-size: 1.7em; margin-bottom: 0.2em; }
h2 { border-bottom: 1px solid #ccc; padding-bottom: 0.2em; margin-top: 2em; }
.meta { color: #555; font-size: 0.9em; }
.brief h2 { margin-top: 0.3em; }
.brief { background: #f4f7fb; border: 1px solid #c9d6e8; padding: 0.6em 1.2em; border-radius: 4px; }
pre { background: #f7f7f7; border: 1px solid #ddd; padding: 0.6em; overflow-x: auto; font-size: 0.82em; line-height: 1.3; }
code { background: #f0f0f0; padding: 0 0.2em; }
pre.command { background: #272822; color: #f8f8f2; border: none; white-space: pre-wrap; }
table { border-collapse: collapse; margin: 0.6em 0; font-size: 0.92em; }
th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: right; }
th:first-child, td:first-child { text-align: left; }
th { background: #eef1f5; }
figure { margin: 1em 0; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: 0.88em; color: #444; }
details { margin: 0.6em 0; }
summary { cursor: pointer; color: #0b4f8a; }
nav ol { columns: 2; }
)";

std::string esc(const std::string& text) { return markup_escape(text); }

std::string fixed3(double x) { return format_fixed(x, 3); }

// The text a report writer prints, captured.
template <class Writer>
std::string captured(Writer&& write) {
  std::ostringstream text;
  write(text);
  return text.str();
}

void preformatted(std::ostream& out, const std::string& text) { out << "<pre>" << esc(text) << "</pre>\n"; }

void details(std::ostream& out, const std::string& summary, const std::string& text) {
  out << "<details><summary>" << esc(summary) << "</summary>\n";
  preformatted(out, text);
  out << "</details>\n";
}

void reproduce(std::ostream& out, const std::string& command) {
  out << "<p>Reproduce:</p>\n<pre class=\"command\">" << esc(command) << "</pre>\n";
}

// A command line from words, some of which may be empty.
std::string command_line(std::initializer_list<std::string> words) {
  std::string line;
  for (const std::string& w : words)
    if (!w.empty()) line += (line.empty() ? "" : " ") + w;
  return line;
}

std::string runs_and_seed(const ReportPage& page) {
  return "--runs " + std::to_string(page.runs) + " --seed " + std::to_string(page.seed);
}

// The names of the veto parties and their indices, for the frontier's axes.
std::vector<std::size_t> frontier_parties(const ScenarioAnalysis& analysis) {
  const auto veto = analysis.space.veto_parties();
  return {veto.begin(), veto.end()};
}

// The typical simulated settlement as one package: each continuous issue at its mean amount,
// each ordinal issue at its most frequent level, each clause included when most settlements
// include it. A summary of the settled runs for the frontier figure; not a package any run
// necessarily signed.
std::optional<Agreement> typical_settlement(const Scenario& scenario, const RunSummary& summary) {
  if (summary.settled.count == 0) return std::nullopt;
  Agreement x = scenario.status_quo();
  for (std::size_t k = 0; k < scenario.issues.size() && k < summary.settlement_terms.size(); ++k) {
    const Issue& issue = scenario.issues[k];
    const TermsSummary& terms = summary.settlement_terms[k];
    if (terms.count == 0) return std::nullopt;
    switch (issue.kind) {
      case IssueKind::continuous: x.amounts[k] = terms.amount.mean; break;
      case IssueKind::ordinal: {
        const auto& f = terms.level_frequencies;
        x.amounts[k] = static_cast<double>(std::max_element(f.begin(), f.end()) - f.begin());
        break;
      }
      case IssueKind::clauses:
        for (std::size_t c = 0; c < issue.clauses.size() && c < terms.clause_frequencies.size(); ++c)
          x.clauses[issue.clause_offset + c] = terms.clause_frequencies[c] > 0.5 ? 1 : 0;
        break;
    }
  }
  return x;
}

void write_frontier_figure(std::ostream& out, const ReportPage& page) {
  const ScenarioAnalysis& a = page.analysis;
  const Scenario& s = page.scenario;
  const std::vector<std::size_t> veto = frontier_parties(a);
  if (!a.space.is_exact()) {
    out << "<p>With " << veto.size()
        << " veto parties the frontier is a set of points in as many dimensions; it is not drawn.</p>\n";
    return;
  }
  const ParetoFrontier& f = a.space.frontier();
  const std::size_t pa = f.party_a(), pb = f.party_b();
  SvgChart chart("Pareto frontier of " + s.parties[pa].name + " and " + s.parties[pb].name,
                 "utility of " + s.parties[pa].name, "utility of " + s.parties[pb].name);
  // Segments of the frontier are lines (a continuous issue moving); gaps between packages are
  // left open: the points between two discrete packages are not agreements.
  std::vector<double> lx, ly, vx, vy;
  for (std::size_t v = 0; v < f.size(); ++v) {
    vx.push_back(f.u_a(v));
    vy.push_back(f.u_b(v));
    lx.push_back(f.u_a(v));
    ly.push_back(f.u_b(v));
    if (v + 1 < f.size() && f.edge_kind(v) == ParetoFrontier::EdgeKind::gap) {
      lx.push_back(std::nan(""));
      ly.push_back(std::nan(""));
    }
  }
  chart.add_line(lx, ly, chart_colour(0), "frontier: segments");
  chart.add_points(vx, vy, chart_colour(0), "frontier: packages (" + std::to_string(f.size()) + ")");
  chart.add_marker(a.disagreement[pa], a.disagreement[pb], "#777777", SvgChart::Marker::square,
                   "disagreement point d (fighting on)");
  if (a.nash) chart.add_marker(a.nash->utilities[pa], a.nash->utilities[pb], chart_colour(1),
                               SvgChart::Marker::diamond, "Nash bargaining solution");
  if (a.kalai_smorodinsky)
    chart.add_marker(a.kalai_smorodinsky->utilities[pa], a.kalai_smorodinsky->utilities[pb], chart_colour(2),
                     SvgChart::Marker::triangle, "Kalai-Smorodinsky solution");
  for (const ProposalAssessment& p : a.proposals)
    chart.add_marker(p.utilities[pa], p.utilities[pb], chart_colour(3), SvgChart::Marker::circle,
                     s.parties[p.party].name + "'s tabled package");
  if (page.solve) {
    const SolveReport& r = *page.solve;
    const int s0 = r.equilibrium.start_state();
    const int k = r.period >= 0 ? path_offer(r.equilibrium, r.period, s0) : -1;
    if (k >= 0) {
      // The package's own utilities, where it lies on the frontier (with durability the
      // offer's value is that of the peace it makes, which lies below).
      const EquilibriumOffer& offer = r.equilibrium.offer(r.period, s0, static_cast<std::size_t>(k));
      const Agreement x = r.equilibrium.package(offer.point);
      chart.add_marker(s.utility(pa, x), s.utility(pb, x), chart_colour(4), SvgChart::Marker::square,
                       std::string("equilibrium offer at the first talks (solve): ") +
                           (offer.settles ? "passes" : "not agreed"));
    }
  }
  if (const auto typical = typical_settlement(s, page.run.summary())) {
    chart.add_marker(s.utility(pa, *typical), s.utility(pb, *typical), chart_colour(5), SvgChart::Marker::circle,
                     "typical simulated settlement (run)");
  }
  out << "<figure>\n";
  chart.write(out, 720.0, 480.0);
  out << "<figcaption>Every efficient package of the two veto parties (dots; lines where a continuous issue "
         "moves), the point of fighting on, the bargaining solutions, the tabled packages, the equilibrium "
         "offer and the typical simulated settlement (each continuous issue at its mean over settled runs, "
         "each ordinal issue at its most frequent level, each clause in when most settlements include it)."
         "</figcaption>\n</figure>\n";
}

void write_package_table(std::ostream& out, const ReportPage& page) {
  const ScenarioAnalysis& a = page.analysis;
  const Scenario& s = page.scenario;
  const std::vector<std::size_t> veto = frontier_parties(a);
  out << "<table>\n<tr><th>package</th>";
  for (std::size_t i : veto) out << "<th>" << esc(s.parties[i].name) << "</th>";
  out << "<th>rejected by</th></tr>\n";
  const auto row = [&](const std::string& name, const std::vector<double>& u, const std::string& rejected) {
    out << "<tr><td>" << esc(name) << "</td>";
    for (std::size_t i : veto) out << "<td>" << fixed3(u[i]) << "</td>";
    out << "<td>" << esc(rejected) << "</td></tr>\n";
  };
  row("fighting on (d)", a.disagreement, "");
  if (a.nash) row("Nash bargaining solution", a.nash->utilities, "");
  if (a.kalai_smorodinsky) row("Kalai-Smorodinsky solution", a.kalai_smorodinsky->utilities, "");
  row("maximum welfare", a.max_welfare.utilities, "");
  for (const ProposalAssessment& p : a.proposals) {
    std::string rejected;
    for (std::size_t i : p.rejected_by) rejected += (rejected.empty() ? "" : ", ") + s.parties[i].name;
    // A package that breaks a constraint between terms cannot be signed by anyone (issue 15).
    if (!p.constraints_broken.empty()) rejected = "everyone: it breaks " + constraint_text(s, s.constraints[p.constraints_broken.front()]);
    row(s.parties[p.party].name + "'s tabled package", p.utilities, rejected.empty() ? "nobody" : rejected);
  }
  out << "</table>\n";
}

void write_range_section(std::ostream& out, const ReportPage& page) {
  const ScenarioAnalysis& a = page.analysis;
  const Scenario& s = page.scenario;
  out << "<section id=\"range\"><h2>2. The bargaining range</h2>\n<p>";
  if (a.zopa.exists) {
    out << "A bargaining range exists: some agreements are worth more to every veto party than fighting on. ";
    for (const ZopaSide& side : a.zopa.sides)
      out << esc(s.parties[side.party].name) << " can get between " << fixed3(side.low) << " and "
          << fixed3(side.high) << " against " << fixed3(side.disagreement) << " from fighting on. ";
  } else {
    out << "No bargaining range: no agreement is worth at least its value of fighting on to every veto party. ";
  }
  out << "</p>\n";
  // Red lines and constraints between terms (issue 15): what each does to the range, lifted alone.
  const auto limit_sentence = [&](const std::string& what, const Zopa& without) {
    const std::string effect = limit_effect(a, without);
    out << "<li>" << esc(what) << ": "
        << (effect == "empties"   ? "empties the range (without it a range exists)"
            : effect == "narrows" ? "narrows the range (without it the most welfare is " + fixed3(without.max_welfare) +
                                        ", now " + fixed3(a.zopa.max_welfare) + ")"
                                  : "does not bind")
        << "</li>\n";
  };
  if (!a.red_line_effects.empty() || !a.constraint_effects.empty()) {
    out << "<p>What cannot be signed, whatever it is worth, each lifted in turn:</p>\n<ul>\n";
    for (const RedLineEffect& e : a.red_line_effects)
      limit_sentence(s.parties[e.party].name + "'s red line " + red_line_text(s, s.parties[e.party].red_lines[e.line]),
                     e.without);
    for (const ConstraintEffect& e : a.constraint_effects)
      limit_sentence("the constraint " + constraint_text(s, s.constraints[e.constraint]), e.without);
    out << "</ul>\n";
  }
  write_package_table(out, page);
  write_frontier_figure(out, page);
  details(out, "The whole analysis (parley analyze)",
          captured([&](std::ostream& text) { write_analyze_table(text, AnalyzeReport{s, a}); }));
  reproduce(out, "parley analyze " + page.scenario_arguments);
  out << "</section>\n";
}

void write_equilibrium_section(std::ostream& out, const ReportPage& page) {
  const Scenario& s = page.scenario;
  out << "<section id=\"equilibrium\"><h2>3. The equilibrium</h2>\n";
  if (!page.solve) {
    out << "<p>The subgame-perfect equilibrium could not be solved for this scenario: " << esc(page.solve_error)
        << "</p>\n</section>\n";
    return;
  }
  const SolveReport& r = *page.solve;
  const BargainingEquilibrium& eq = r.equilibrium;
  const EquilibriumPath& path = eq.path();
  const int s0 = eq.start_state();
  out << "<p>Under complete information, the subgame-perfect Markov equilibrium reaches agreement with "
         "probability "
      << fixed3(path.settled);
  if (path.settled > 0.0)
    out << ", on average in " << esc(s.period_unit) << " " << format_fixed(path.expected_settlement_period, 1)
        << " of " << s.horizon;
  out << ".</p>\n";
  if (eq.plan_stage()) {
    // The mediator's plan is the solver's first stage (issue 15).
    out << "<p>" << esc(s.parties[eq.mediator()].name) << " tables its plan first at every round of talks; ";
    if (path.settled_on_plan > 0.0)
      out << "on the equilibrium path it is signed with probability " << fixed3(path.settled_on_plan) << ".</p>\n";
    else if (s.protocol.counter)
      out << "it is never signed: the counter-proposals that follow its rejection are at least as good for "
             "the side that makes them.</p>\n";
    else
      out << "it is never signed on the equilibrium path.</p>\n";
  }
  if (eq.between_talks_count() > 1 && r.period >= 0) {
    // Leverage and offensives (issue 15): what comes into force when the first talks fail.
    const std::uint64_t mask = eq.between_talks_mask(eq.after_talks(r.period, s0));
    std::string measures, pressers;
    for (const Leverage& m : s.leverage)
      if (leverage_in_force(m, eq.veto_parties(), mask))
        measures += (measures.empty() ? "" : "; ") + leverage_text(s, m) + " (" + s.parties[m.on].name + " rejected the plan)";
    for (std::size_t b = 0; b < eq.veto_parties().size(); ++b)
      if (mask >> (kPressingBit + b) & 1U) pressers += (pressers.empty() ? "" : ", ") + s.parties[eq.veto_parties()[b]].name;
    out << "<p>If the first talks fail, until the next round: "
        << esc(measures.empty() ? "no leverage measure in force" : "in force: " + measures) << "; "
        << esc(pressers.empty() ? "nobody presses" : pressers + " presses") << ". The values below set the "
        << "equilibrium, where these come into force after failed talks, against fighting to the end without "
        << "them, so a gain may be negative.</p>\n";
  }
  out << "<table>\n<tr><th>party</th><th>equilibrium value</th><th>fighting to the end</th><th>gain</th></tr>\n";
  for (std::size_t i : eq.veto_parties()) {
    const double v = eq.value(0, s0, i), w = r.war_value[i];
    out << "<tr><td>" << esc(s.parties[i].name) << "</td><td>" << fixed3(v) << "</td><td>" << fixed3(w)
        << "</td><td>" << format_signed(v - w, 3) << "</td></tr>\n";
  }
  out << "</table>\n";
  // When agreement comes: the cumulative probability of settlement over time on the path.
  std::vector<double> t, cumulative;
  double total = 0.0;
  for (std::size_t k = 0; k < path.settled_at.size(); ++k) {
    total += path.settled_at[k];
    t.push_back(static_cast<double>(k));
    cumulative.push_back(total);
  }
  if (total > 0.0) {
    SvgChart chart("When agreement comes in equilibrium", s.period_unit, "P(agreed by then)");
    chart.set_x_range(0.0, static_cast<double>(s.horizon));
    chart.set_y_range(0.0, 1.0);
    chart.add_line(t, cumulative, chart_colour(0), "");
    out << "<figure>\n";
    chart.write(out, 720.0, 300.0);
    out << "<figcaption>The probability that the equilibrium path has settled by each " << esc(s.period_unit)
        << ".</figcaption>\n</figure>\n";
  }
  details(out, "The whole equilibrium (parley solve)", captured([&](std::ostream& text) { write_solve_table(text, r); }));
  reproduce(out, "parley solve " + page.scenario_arguments);
  out << "</section>\n";
}

void write_monte_carlo_section(std::ostream& out, const ReportPage& page) {
  const Scenario& s = page.scenario;
  const RunSummary& m = page.run.summary();
  out << "<section id=\"montecarlo\"><h2>4. Simulated outcomes</h2>\n<p>" << m.runs
      << " episodes of the scenario's own strategies (seed " << m.seed << "): each party's tactic as the scenario "
      << "sets it, the front moving by its battlefield chain.</p>\n";
  std::vector<ShareBar> bars;
  bars.push_back({"settled at the table", m.settled.p, m.settled.ci95.low, m.settled.ci95.high});
  if (s.battlefield) {
    bars.push_back({collapse_label(s, true), m.collapse_a.p, m.collapse_a.ci95.low, m.collapse_a.ci95.high});
    bars.push_back({collapse_label(s, false), m.collapse_b.p, m.collapse_b.ci95.low, m.collapse_b.ci95.high});
  }
  bars.push_back({"frozen at the horizon", m.frozen.p, m.frozen.ci95.low, m.frozen.ci95.high});
  out << "<figure>\n";
  write_share_bars_svg(out, "How the episodes end", bars);
  out << "<figcaption>Share of runs ending each way, with 95% Wilson intervals.</figcaption>\n</figure>\n";
  // When talks succeed: the first agreement of each run (durable or not) and the settlements that held.
  std::vector<double> t, signed_by, held_by;
  double signed_total = 0.0, held_total = 0.0;
  const auto runs = static_cast<double>(std::max<std::int64_t>(1, m.runs));
  for (std::size_t k = 0; k < m.settlement_periods.size(); ++k) {
    held_total += static_cast<double>(m.settlement_periods[k]) / runs;
    if (k < m.first_agreement_periods.size()) signed_total += static_cast<double>(m.first_agreement_periods[k]) / runs;
    t.push_back(static_cast<double>(k));
    held_by.push_back(held_total);
    signed_by.push_back(signed_total);
  }
  if (held_total > 0.0 || signed_total > 0.0) {
    SvgChart chart("When the talks succeed", s.period_unit, "share of runs");
    chart.set_x_range(0.0, static_cast<double>(s.horizon));
    chart.set_y_range(0.0, 1.0);
    if (m.durable) chart.add_line(t, signed_by, chart_colour(1), "a first agreement signed by then", true);
    chart.add_line(t, held_by, chart_colour(0), m.durable ? "settled by then, in a peace that held" : "settled by then");
    out << "<figure>\n";
    chart.write(out, 720.0, 300.0);
    out << "<figcaption>Cumulative share of runs over time.</figcaption>\n</figure>\n";
  }
  out << "<table>\n<tr><th>party</th><th>expected payoff</th><th>95% interval</th></tr>\n";
  for (std::size_t i = 0; i < s.parties.size(); ++i)
    out << "<tr><td>" << esc(s.parties[i].name) << "</td><td>" << fixed3(m.utility[i].mean) << "</td><td>"
        << esc(interval_text(m.utility[i].ci95, 3)) << "</td></tr>\n";
  out << "</table>\n";
  details(out, "The whole summary, with the typical settlement (parley run)",
          captured([&](std::ostream& text) { write_run_table(text, page.run); }));
  reproduce(out, command_line({"parley run", page.scenario_arguments, runs_and_seed(page)}));
  out << "</section>\n";
}

void write_compare_section(std::ostream& out, const ReportPage& page) {
  if (!page.compare) return;
  out << "<h3>The meta-game at the scenario's own set-up</h3>\n<ul>\n";
  for (const std::string& sentence : compare_summary(*page.compare)) out << "<li>" << esc(sentence) << "</li>\n";
  out << "</ul>\n";
  details(out, "The meta-game (parley compare)",
          captured([&](std::ostream& text) { write_compare_table(text, *page.compare); }));
  reproduce(out, command_line({"parley compare", page.scenario_arguments, page.strategy_arguments,
                                runs_and_seed(page)}));
}

// The strips of a regime map: one per feature whose answer is drawn (the equilibrium set, then
// every best reply), each cut at its boundaries' estimates.
std::vector<Strip> regime_strips(const RegimeMapReport& r) {
  const RegimeMap& map = r.map;
  std::vector<Strip> strips;
  for (const RegimeFeature& feature : regime_features(r)) {
    Strip strip;
    strip.label = feature.equilibria ? std::string("equilibria (row / column: ") + r.player_names[0] + " / " +
                                           r.player_names[1] + ")"
                                     : feature_name(r, feature);
    double from = map.values.front();
    std::string value = feature_value(r, feature, map.points.front());
    for (std::size_t k = 0; k + 1 < map.values.size(); ++k) {
      // The boundary of this feature in cell k, if its answer changes there.
      for (const RegimeBoundary& b : map.boundaries) {
        if (b.cell != k || !(b.feature == feature)) continue;
        strip.segments.push_back({from, b.at(), value});
        from = b.at();
        value = feature_value(r, feature, b.after);
      }
      const std::string next = feature_value(r, feature, map.points[k + 1]);
      if (next != value) {  // a second change in the cell that bisection did not follow
        const double mid = 0.5 * (map.values[k] + map.values[k + 1]);
        strip.segments.push_back({from, std::max(from, mid), value});
        from = std::max(from, mid);
        value = next;
      }
    }
    strip.segments.push_back({from, map.values.back(), value});
    strips.push_back(std::move(strip));
  }
  return strips;
}

void write_regime_section(std::ostream& out, const ReportPage& page) {
  out << "<section id=\"regimes\"><h2>5. Prolonged or quick: the regime map</h2>\n";
  write_compare_section(out, page);
  if (!page.regime) {
    out << "<p>" << esc(page.regime_note) << "</p>\n</section>\n";
    return;
  }
  const RegimeMapReport& r = *page.regime;
  const RegimeMap& map = r.map;
  out << "<p>The strategy meta-game of " << esc(r.player_names[0]) << " and " << esc(r.player_names[1])
      << " at every value of <code>" << esc(r.parameter) << "</code>, with common random numbers across values; "
      << "each boundary where the equilibrium set or a best reply changes is bisected to "
      << format_shortest(std::round(map.tolerance * 1e9) / 1e9)
      << " (" << map.evaluations << " meta-games played). Ties are judged at "
      << confidence_percent(r.confidence) << " confidence.</p>\n";
  std::vector<std::pair<double, double>> rules;
  for (const RegimeBoundary& b : map.boundaries) rules.emplace_back(b.at(), b.plus_minus());
  out << "<figure>\n";
  write_strips_svg(out, "Regime map across " + r.parameter, r.parameter, regime_strips(r), rules);
  out << "<figcaption>Each strip is one answer across the parameter, coloured by its value; dashed lines are "
         "the boundaries' estimates, shaded by their brackets.</figcaption>\n</figure>\n";
  if (map.boundaries.empty()) {
    out << "<p>No answer changes across the range.</p>\n";
  } else {
    out << "<ul>\n";
    for (const RegimeBoundary& b : map.boundaries) out << "<li>" << esc(boundary_sentence(r, b)) << "</li>\n";
    out << "</ul>\n";
  }
  // Payoffs of every profile against the parameter, with 95% bands, one chart per player.
  for (std::size_t p = 0; p < 2; ++p) {
    SvgChart chart(r.player_names[p] + "'s expected payoff by profile", r.parameter,
                   "expected payoff of " + r.player_names[p]);
    chart.set_x_range(map.values.front(), map.values.back());
    int series = 0;
    for (std::size_t i = 0; i < r.labels[0].size(); ++i)
      for (std::size_t j = 0; j < r.labels[1].size(); ++j, ++series) {
        std::vector<double> mean, low, high;
        for (const RegimeAnswer& a : map.points) {
          const auto row = static_cast<Eigen::Index>(i), col = static_cast<Eigen::Index>(j);
          const double m = a.payoffs[p](row, col);
          const double se = a.standard_errors[p].size() > 0 ? a.standard_errors[p](row, col) : 0.0;
          mean.push_back(m);
          low.push_back(m - 1.96 * se);
          high.push_back(m + 1.96 * se);
        }
        chart.add_band(map.values, low, high, chart_colour(series));
        chart.add_line(map.values, mean, chart_colour(series), r.labels[0][i] + " / " + r.labels[1][j]);
      }
    for (const RegimeBoundary& b : map.boundaries)
      if (!b.feature.equilibria && static_cast<std::size_t>(b.feature.player) == p) chart.add_vertical_rule(b.at(), "");
    out << "<figure>\n";
    chart.write(out, 720.0, 360.0);
    out << "<figcaption>Profiles as " << esc(r.player_names[0]) << "'s strategy / " << esc(r.player_names[1])
        << "'s; bands are 95% intervals of the Monte Carlo means; dashed lines are " << esc(r.player_names[p])
        << "'s best-reply boundaries.</figcaption>\n</figure>\n";
  }
  details(out, "The map point by point (parley compare --across)",
          captured([&](std::ostream& text) { write_regime_map_table(text, r); }));
  reproduce(out, command_line({"parley compare", page.scenario_arguments, page.strategy_arguments,
                                page.regime_arguments}));
  out << "</section>\n";
}

// Whether some conclusion was asked under changes of set-up.
bool any_checked(const ReportPage& page) {
  return std::any_of(page.robustness.begin(), page.robustness.end(),
                     [](const ReportRobustness& r) { return !r.check.rows.empty(); });
}

// What each command's findings are about, for the brief.
std::string findings_heading(const std::string& command) {
  if (command == "run") return "The simulated outcomes (<code>run</code>)";
  if (command == "solve") return "The equilibrium (<code>solve</code>)";
  return "The strategy meta-game at the scenario's own set-up (<code>compare</code>)";
}

void write_brief(std::ostream& out, const ReportPage& page) {
  out << "<section class=\"brief\" id=\"brief\"><h2>The answer in brief</h2>\n<ul>\n";
  const Scenario& s = page.scenario;
  out << "<li>" << esc(advantage_phrase(s)) << ", "
      << (page.analysis.zopa.exists ? "a bargaining range exists" : "there is no bargaining range") << ".</li>\n";
  for (const ReportRobustness& r : page.robustness) {
    const RobustnessFindings& f = r.check.base;
    out << "<li>" << findings_heading(r.command) << "\n<ul>\n";
    for (std::size_t k = 0; k < f.names.size(); ++k) {
      out << "<li><b>" << esc(f.names[k]) << "</b>: " << esc(f.values[k]);
      if (!f.details[k].empty()) out << " <span class=\"meta\">(" << esc(f.details[k]) << ")</span>";
      if (!r.check.rows.empty())
        out << " &mdash; holds under " << holds_under(r.check, f.names[k]) << " of " << r.check.rows.size()
            << " changes of set-up";
      out << "</li>\n";
    }
    out << "</ul></li>\n";
  }
  if (page.regime) {
    const RegimeMapReport& r = *page.regime;
    out << "<li>Across <code>" << esc(r.parameter) << "</code> from " << format_shortest(r.map.values.front())
        << " to " << format_shortest(r.map.values.back()) << " (the regime map)\n<ul>\n";
    if (r.map.boundaries.empty()) out << "<li>No equilibrium and no best reply changes.</li>\n";
    for (const RegimeBoundary& b : r.map.boundaries) out << "<li>" << esc(boundary_sentence(r, b)) << "</li>\n";
    out << "</ul></li>\n";
  }
  out << "</ul>\n";
  if (any_checked(page))
    out << "<p class=\"meta\">A change of set-up is one of <code>--robustness</code>'s: the horizon halved and "
           "doubled, every other speaking order, the planning horizons halved and doubled; none is an assumption "
           "about the war.</p>\n";
  out << "</section>\n";
}

void write_robustness_section(std::ostream& out, const ReportPage& page) {
  out << "<section id=\"robustness\"><h2>6. Robustness</h2>\n";
  if (!any_checked(page)) {
    out << "<p>Not checked (the page was made with <code>--no-robustness</code>).</p>\n</section>\n";
    return;
  }
  out << "<p>Each conclusion asked again with the horizon halved and doubled, under every other speaking order, "
         "and with the planning horizons halved and doubled: the changes of set-up that are not assumptions "
         "about the war.</p>\n";
  for (const ReportRobustness& r : page.robustness) {
    out << "<h3><code>" << esc(r.command) << "</code></h3>\n";
    preformatted(out, captured([&](std::ostream& text) { write_robustness_table(text, r.check); }));
    reproduce(out, command_line({"parley " + r.command, page.scenario_arguments,
                                 r.command == "compare" ? page.strategy_arguments : std::string(),
                                 r.command == "solve" ? std::string() : runs_and_seed(page), "--robustness"}));
  }
  out << "</section>\n";
}

}  // namespace

std::string opening_comment(const std::string& scenario_text) {
  std::istringstream in(scenario_text);
  std::string line, comment;
  while (std::getline(in, line)) {
    const auto start = line.find_first_not_of(" \t");
    if (start == std::string::npos || line[start] != '#') break;
    std::string body = line.substr(start + 1);
    if (!body.empty() && body[0] == ' ') body.erase(0, 1);
    const bool rule = !body.empty() && body.find_first_not_of("=-") == std::string::npos;
    if (!rule) comment += body + "\n";
  }
  return comment;
}

void write_report_html(std::ostream& out, const ReportPage& page) {
  const Scenario& s = page.scenario;
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" "
         "content=\"parley "
      << esc(page.version) << "\">\n<title>" << esc(s.title) << " - Parley report</title>\n<style>" << page_style
      << "</style>\n</head>\n<body>\n";
  out << "<h1>" << esc(s.title) << "</h1>\n<p class=\"meta\">A Parley " << esc(page.version) << " report on scenario <code>"
      << esc(s.id) << "</code>: " << page.runs << " runs per estimate, seed " << page.seed << ". Made by</p>\n"
      << "<pre class=\"command\">" << esc(page.report_command) << "</pre>\n";
  out << "<p>" << esc(s.description) << "</p>\n";
  out << "<nav><ol><li><a href=\"#scenario\">The scenario</a></li><li><a href=\"#range\">The bargaining range</a></li>"
         "<li><a href=\"#equilibrium\">The equilibrium</a></li><li><a href=\"#montecarlo\">Simulated outcomes</a></li>"
         "<li><a href=\"#regimes\">Prolonged or quick: the regime map</a></li><li><a href=\"#robustness\">Robustness"
         "</a></li><li><a href=\"#reproduce\">Reproduce</a></li></ol></nav>\n";
  write_brief(out, page);

  out << "<section id=\"scenario\"><h2>1. The scenario</h2>\n";
  preformatted(out, page.scenario_in_words);
  if (!page.stated_assumptions.empty())
    details(out, "Sources and modelling assumptions, as the scenario file states them", page.stated_assumptions);
  reproduce(out, "parley describe " + page.scenario_arguments);
  out << "</section>\n";

  write_range_section(out, page);
  write_equilibrium_section(out, page);
  write_monte_carlo_section(out, page);
  write_regime_section(out, page);
  write_robustness_section(out, page);

  out << "<section id=\"reproduce\"><h2>7. Reproduce</h2>\n<p>Every number on this page is computed by Parley "
         "from the scenario; the same commands with the same seed give the same numbers at any thread count. "
         "The page itself:</p>\n<pre class=\"command\">"
      << esc(page.report_command) << "</pre>\n<p>Each section's command is given beside it; "
      << "<code>--format json</code> gives any of them to a program.</p>\n</section>\n</body>\n</html>\n";
}

}  // namespace parley::io
