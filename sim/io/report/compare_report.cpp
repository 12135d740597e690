#include "parley/io/report/compare_report.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstddef>
#include <string>
#include <vector>

#include "parley/io/format/csv_writer.hpp"
#include "parley/io/format/json_writer.hpp"
#include "parley/io/format/number_format.hpp"
#include "parley/io/format/printable_text.hpp"
#include "parley/io/format/table_writer.hpp"
#include "parley/io/report/artifact_warnings.hpp"
#include "parley/io/report/nash_report.hpp"
#include "parley/io/report/robustness_report.hpp"
#include "parley/solve/vertex_enumeration.hpp"

namespace parley::io {

CompareReport make_compare_report(const Scenario& scenario, const AdaptiveMetaGame& adaptive) {
  const MetaGame& meta = adaptive.meta;
  const BimatrixGame& g = meta.game();
  const double z = adaptive.history.z;
  CompareReport r{scenario,
                  g,
                  {},
                  {},
                  Eigen::MatrixXd(g.rows(), g.cols()),
                  Eigen::MatrixXd(g.rows(), g.cols()),
                  meta.runs(),
                  meta.seed(),
                  meta_equilibria(meta),
                  {best_replies(meta, 0, z), best_replies(meta, 1, z)},
                  {},
                  adaptive.history};
  std::vector<MixedProfile> profiles;
  for (const MetaEquilibrium& e : r.equilibria) profiles.push_back(e.profile);
  r.nash_subsets = nash_subset_members(profiles);
  for (int p = 0; p < 2; ++p) {
    r.player_names[static_cast<std::size_t>(p)] = scenario.parties[meta.spec().players[static_cast<std::size_t>(p)]].name;
    Eigen::MatrixXd& se = r.standard_errors[static_cast<std::size_t>(p)];
    se.resize(g.rows(), g.cols());
    for (int i = 0; i < g.rows(); ++i)
      for (int j = 0; j < g.cols(); ++j) se(i, j) = meta.standard_error(p, i, j);
  }
  for (int i = 0; i < g.rows(); ++i)
    for (int j = 0; j < g.cols(); ++j) {
      r.settled(i, j) = meta.outcome(i, j).settled;
      r.mean_duration(i, j) = meta.outcome(i, j).mean_duration;
    }
  return r;
}

std::string strategy_argument(const StrategySpec& spec) {
  std::string out = spec.name;
  for (const auto& [name, value] : spec.params) out += ":" + name + "=" + format_shortest(value);
  return out;
}

std::string advantage_phrase(const Scenario& s) {
  if (!s.battlefield) return "Without a battlefield";
  const AdvantageSchedule& a = s.battlefield->advantage;
  const std::string side = s.parties[static_cast<std::size_t>(s.side_a())].name;
  const std::string unit = s.period_unit;
  switch (a.kind) {
    case AdvantageSchedule::Kind::constant:
      return "Under a constant advantage of " + format_signed(a.a0, 2) + " for " + side;
    case AdvantageSchedule::Kind::linear:
      return "Under an advantage for " + side + " moving from " + format_signed(a.a0, 2) + " to " +
             format_signed(a.a1, 2) + " between " + unit + "s " + format_shortest(a.t0) + " and " +
             format_shortest(a.t1);
    case AdvantageSchedule::Kind::exponential:
      return "Under an advantage for " + side + " of " + format_signed(a.a0, 2) + " decaying toward " +
             format_signed(a.a_inf, 2) + " with a half-life of " + format_shortest(a.half_life) + " " + unit + "s";
    case AdvantageSchedule::Kind::steps: {
      std::string out = "Under an advantage for " + side + " of " + format_signed(a.a0, 2);
      for (const auto& [period, value] : a.steps)
        out += ", " + format_signed(value, 2) + " from " + unit + " " + std::to_string(period);
      return out;
    }
  }
  return "Under this advantage";
}

std::string confidence_percent(double confidence) {
  std::string out = format_fixed(100.0 * confidence, 4);
  while (out.back() == '0') out.pop_back();
  if (out.back() == '.') out.pop_back();
  return out + "%";
}

std::string estimate_with_error(double estimate, double standard_error) {
  return format_fixed(estimate, 4) + " (" + format_fixed(standard_error, 4) + ")";
}

namespace {

using Align = TableWriter::Align;

const std::string& player_id(const CompareReport& r, int p) { return r.game.player_name(p); }
const std::string& player_name(const CompareReport& r, int p) { return r.player_names[static_cast<std::size_t>(p)]; }
/// The label of strategy k of player p.
const std::string& label_of(const CompareReport& r, int p, int k) {
  return r.game.strategy_labels(p)[static_cast<std::size_t>(k)];
}

/// "a", "a and b", "a, b and c".
std::string list_phrase(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t k = 0; k < items.size(); ++k)
    out += (k == 0 ? "" : k + 1 == items.size() ? " and " : ", ") + items[k];
  return out;
}

/// "prolonged (60%) and quick (40%)", or "prolonged" for a pure strategy.
std::string mixture_phrase(const CompareReport& r, const MetaEquilibrium& e, int p) {
  const Eigen::VectorXd& probabilities = p == 0 ? e.profile.x : e.profile.y;
  const auto& support = e.supports[static_cast<std::size_t>(p)];
  if (support.size() == 1) return label_of(r, p, support[0]);
  std::vector<std::string> parts;
  for (const int k : support)
    parts.push_back(label_of(r, p, k) + " (" + format_fixed(100.0 * probabilities(k), 0) + "%)");
  return list_phrase(parts);
}

/// A support pair as "(prolonged, quick)", a support of several strategies in braces:
/// "({prolonged, quick}, quick)".
std::string support_pair_text(const CompareReport& r, const std::array<std::vector<int>, 2>& supports) {
  std::string out = "(";
  for (int p = 0; p < 2; ++p) {
    const std::vector<int>& support = supports[static_cast<std::size_t>(p)];
    out += p == 0 ? "" : ", ";
    if (support.size() != 1) out += "{";
    for (std::size_t k = 0; k < support.size(); ++k) out += (k == 0 ? "" : ", ") + label_of(r, p, support[k]);
    if (support.size() != 1) out += "}";
  }
  return out + ")";
}

/// The support pairs of an equilibrium set: "(prolonged, prolonged) and (quick, quick)"; "none"
/// when empty.
std::string supports_text(const CompareReport& r, const MetaEquilibriumSet& set) {
  if (set.supports.empty()) return "none";
  std::vector<std::string> pairs;
  for (const auto& supports : set.supports) pairs.push_back(support_pair_text(r, supports));
  return list_phrase(pairs);
}

/// Whether a best reply is tied, at the confidence but not exactly, with another strategy: more
/// runs may tell them apart.
bool statistically_tied(const BestReply& b) {
  return std::any_of(b.ties.begin(), b.ties.end(), [](const BestReplyTie& t) { return !t.exact(); });
}

/// The number of best replies tied at the confidence but not exactly (JSON `statistical_ties`).
int statistical_ties(const CompareReport& r) {
  int count = 0;
  for (const auto& replies : r.replies)
    for (const BestReply& b : replies) count += statistically_tied(b) ? 1 : 0;
  return count;
}

/// "the stop" in words: how the runs ended (the table's line under the history, the summary's
/// clause after the set).
std::string stop_clause(const AdaptiveHistory& h) {
  const std::size_t n = h.steps.size();
  switch (h.stop) {
    case AdaptiveStop::stable:
      if (n < 2) return "the set was stable";  // a history made by hand
      return "the set was the same at " + std::to_string(h.steps[n - 2].runs) + " and " +
             std::to_string(h.steps[n - 1].runs) + " runs per profile";
    case AdaptiveStop::budget:
      if (n == 1)
        return "the budget of " + std::to_string(h.max_runs) +
               " runs per profile allowed no second look, so whether more runs change the set was not checked";
      return "the budget of " + std::to_string(h.max_runs) +
             " runs per profile was spent before the set settled: more runs (--max-runs) may change it";
    case AdaptiveStop::fixed:
      return "the runs were fixed (--fixed-runs), so whether more runs change the set was not checked";
  }
  return "";
}

/// The sentence on a best reply: clear ("Russia's best reply to a quick Ukraine is quick: it
/// expects ...") or tied ("Russia is indifferent between quick and prolonged against a quick
/// Ukraine at 95% confidence: ...").
std::string best_reply_sentence(const CompareReport& r, int p, const BestReply& b) {
  const std::string& against = label_of(r, 1 - p, b.against);
  const bool vowel = std::string("aeiou").find(against.front()) != std::string::npos;
  const std::string opponent = (vowel ? "an " : "a ") + against + " " + player_name(r, 1 - p);
  const std::string setting = advantage_phrase(r.scenario) + ", ";
  if (b.runner_up < 0)
    return setting + player_name(r, p) + "'s best reply to " + opponent + " is " + label_of(r, p, b.reply) +
           " (its only strategy here).";
  if (b.ties.empty())
    return setting + player_name(r, p) + "'s best reply to " + opponent + " is " + label_of(r, p, b.reply) +
           ": it expects " + format_fixed(b.payoff, 4) + ", " + format_fixed(b.margin, 4) + " more than with " +
           label_of(r, p, b.runner_up) + " (standard error " + format_fixed(b.margin_standard_error, 4) + ").";
  std::vector<std::string> tied{label_of(r, p, b.reply)};
  for (const BestReplyTie& t : b.ties) tied.push_back(label_of(r, p, t.strategy));
  std::string s = setting + player_name(r, p) + " is indifferent between " + list_phrase(tied) + " against " + opponent;
  if (!statistically_tied(b)) return s + ": " + (tied.size() == 2 ? "both pay" : "they pay") + " the same in every run.";
  s += " at " + confidence_percent(r.history.confidence) + " confidence: " + tied.front() + " expects " +
       format_fixed(b.payoff, 4);
  for (const BestReplyTie& t : b.ties)
    s += ", " + label_of(r, p, t.strategy) +
         (t.exact() ? " the same in every run"
                    : " " + format_fixed(t.margin, 4) + " less (standard error " +
                          format_fixed(t.margin_standard_error, 4) + ")");
  return s + ", within " + format_fixed(r.history.z, 2) + " standard errors.";
}

}  // namespace

std::vector<std::string> compare_summary(const CompareReport& r) {
  std::vector<std::string> out;
  for (int p = 0; p < 2; ++p)
    for (const BestReply& b : r.replies[static_cast<std::size_t>(p)]) out.push_back(best_reply_sentence(r, p, b));
  // The payoffs are Monte Carlo estimates, and so are the equilibria: those of the estimated
  // payoffs first, then the set at the confidence, with ties counted as ties (issue 16).
  const std::string game = "The meta-game of the estimated payoffs";
  if (r.equilibria.size() == 1) {
    const MetaEquilibrium& e = r.equilibria.front();
    out.push_back(game + " has one Nash equilibrium: " + player_name(r, 0) + " plays " + mixture_phrase(r, e, 0) +
                  " and " + player_name(r, 1) + " plays " + mixture_phrase(r, e, 1) + ", expecting " +
                  format_fixed(e.payoffs[0], 4) + " and " + format_fixed(e.payoffs[1], 4) + ".");
  } else {
    const std::size_t sets = r.nash_subsets.size();
    if (sets == r.equilibria.size()) {
      out.push_back(game + " has " + std::to_string(r.equilibria.size()) +
                    " Nash equilibria, each isolated (no mixture of two of them is an equilibrium): with several, "
                    "the strategies alone do not settle the question.");
    } else {
      out.push_back(game + " has " + std::to_string(r.equilibria.size()) + " extreme Nash equilibria in " +
                    std::to_string(sets) + (sets == 1 ? " convex set" : " convex sets") +
                    " (maximal Nash subsets): every mixture of the extreme equilibria of one set is an equilibrium "
                    "too, so the equilibria form a continuum.");
      for (const std::vector<int>& subset : r.nash_subsets) {
        if (subset.size() < 2) continue;
        std::vector<std::string> members;
        for (const int k : subset) members.push_back(std::to_string(k + 1));
        out.push_back("Equilibria " + list_phrase(members) + " span one convex set.");
      }
    }
    for (std::size_t k = 0; k < r.equilibria.size(); ++k) {
      const MetaEquilibrium& e = r.equilibria[k];
      out.push_back("Equilibrium " + std::to_string(k + 1) + ": " + player_name(r, 0) + " plays " +
                    mixture_phrase(r, e, 0) + ", " + player_name(r, 1) + " plays " + mixture_phrase(r, e, 1) +
                    "; payoffs " + format_fixed(e.payoffs[0], 4) + " and " + format_fixed(e.payoffs[1], 4) + ".");
    }
  }
  const AdaptiveHistory& h = r.history;
  if (!h.steps.empty()) {
    const MetaEquilibriumSet& set = h.steps.back().set;
    out.push_back("At " + confidence_percent(h.confidence) + " confidence, with differences within " +
                  format_fixed(h.z, 2) + " paired standard errors counted as ties, the equilibri" +
                  (set.supports.size() == 1 ? "um" : "a") + " of (" + player_name(r, 0) + ", " + player_name(r, 1) +
                  ") " + (set.supports.size() == 1 ? "is " : "are ") + supports_text(r, set) + "; " + stop_clause(h) +
                  ".");
  }
  const int open = statistical_ties(r);
  if (open > 0)
    out.push_back(std::to_string(open) + (open == 1 ? " best reply is" : " best replies are") + " tied at " +
                  confidence_percent(h.confidence) +
                  " confidence but not exactly, so the equilibria above are those of the estimated payoffs and more "
                  "runs may tell the strategies apart and change them.");
  return out;
}

namespace {

// ---- JSON -------------------------------------------------------------------------------

void write_matrix(JsonWriter& json, const Eigen::MatrixXd& m) {
  json.begin_array();
  for (Eigen::Index i = 0; i < m.rows(); ++i) {
    json.begin_array();
    for (Eigen::Index j = 0; j < m.cols(); ++j) json.value(m(i, j));
    json.end_array();
  }
  json.end_array();
}

/// {row player id: a, column player id: b}, matrices as arrays of rows.
void write_matrix_pair(JsonWriter& json, const CompareReport& r, const Eigen::MatrixXd& a, const Eigen::MatrixXd& b) {
  json.begin_object().key(player_id(r, 0));
  write_matrix(json, a);
  json.key(player_id(r, 1));
  write_matrix(json, b);
  json.end_object();
}

/// An equilibrium set: {"supports": [{row id: [...], column id: [...]}, ...], "ties": {player id:
/// [{"against": label, "tied": [labels]}, ...]}}.
void write_equilibrium_set_json(JsonWriter& json, const CompareReport& r, const MetaEquilibriumSet& set) {
  json.key("supports").begin_array();
  for (const auto& supports : set.supports) {
    json.begin_object();
    for (int p = 0; p < 2; ++p) {
      json.key(player_id(r, p)).begin_array();
      for (const int k : supports[static_cast<std::size_t>(p)]) json.value(label_of(r, p, k));
      json.end_array();
    }
    json.end_object();
  }
  json.end_array();
  json.key("ties").begin_object();
  for (int p = 0; p < 2; ++p) {
    json.key(player_id(r, p)).begin_array();
    const auto& ties = set.ties[static_cast<std::size_t>(p)];
    for (std::size_t t = 0; t < ties.size(); ++t) {
      json.begin_object().field("against", label_of(r, 1 - p, static_cast<int>(t))).key("tied").begin_array();
      for (const int k : ties[t]) json.value(label_of(r, p, k));
      json.end_array().end_object();
    }
    json.end_array();
  }
  json.end_object();
}

/// `confidence`, and `adaptive`: how the runs were chosen and each look's equilibrium set.
void write_adaptive_json(JsonWriter& json, const CompareReport& r) {
  const AdaptiveHistory& h = r.history;
  json.field("confidence", h.confidence);
  json.key("adaptive").begin_object();
  json.field("doubling", h.stop != AdaptiveStop::fixed);
  json.field("stop", h.stop == AdaptiveStop::stable ? "stable" : h.stop == AdaptiveStop::budget ? "budget" : "fixed");
  json.field("z", h.z).field("max_runs", h.max_runs);
  json.key("history").begin_array();
  for (const AdaptiveStep& step : h.steps) {
    json.begin_object().field("runs", step.runs).field("equilibria", static_cast<std::int64_t>(step.set.supports.size()));
    write_equilibrium_set_json(json, r, step.set);
    json.end_object();
  }
  json.end_array();
  json.end_object();
}

void write_meta_game_json(std::ostream& out, const CompareReport& r, const RobustnessCheck* robustness) {
  const BimatrixGame& g = r.game;
  const std::array<std::string, 2> ids{player_id(r, 0), player_id(r, 1)};
  JsonWriter json(out);
  json.begin_object().field("scenario", r.scenario.id).field("title", r.scenario.title);
  json.field("runs", r.runs).field("seed", r.seed);
  write_adaptive_json(json, r);
  write_warnings_json(json, compare_warnings(r.history));
  json.key("players").begin_array().value(ids[0]).value(ids[1]).end_array();
  json.key("strategies").begin_object();
  for (int p = 0; p < 2; ++p) json.key(player_id(r, p)).array(g.strategy_labels(p));
  json.end_object();
  json.key("payoffs");
  write_matrix_pair(json, r, g.a(), g.b());
  json.key("standard_errors");
  write_matrix_pair(json, r, r.standard_errors[0], r.standard_errors[1]);
  json.key("outcomes").begin_object().key("settled");
  write_matrix(json, r.settled);
  json.key("mean_duration");
  write_matrix(json, r.mean_duration);
  json.end_object();
  json.key("best_replies").begin_object();
  for (int p = 0; p < 2; ++p) {
    json.key(player_id(r, p)).begin_array();
    for (const BestReply& b : r.replies[static_cast<std::size_t>(p)]) {
      json.begin_object().field("against", label_of(r, 1 - p, b.against)).field("reply", label_of(r, p, b.reply));
      json.field("payoff", b.payoff).key("runner_up");
      if (b.runner_up >= 0) json.value(label_of(r, p, b.runner_up)); else json.null();
      json.field("margin", b.margin).field("margin_standard_error", b.margin_standard_error);
      json.key("ties").begin_array();
      for (const BestReplyTie& t : b.ties) {
        json.begin_object().field("strategy", label_of(r, p, t.strategy)).field("margin", t.margin);
        json.field("margin_standard_error", t.margin_standard_error).field("exact", t.exact()).end_object();
      }
      json.end_array().end_object();
    }
    json.end_array();
  }
  json.end_object();
  // Best replies tied at the confidence but not exactly: more runs may change the equilibria.
  json.field("statistical_ties", statistical_ties(r));
  json.key("equilibria").begin_array();
  for (const MetaEquilibrium& e : r.equilibria) {
    json.begin_object();
    write_probabilities_json(json, ids, e.profile);
    json.key("support").begin_object();
    for (int p = 0; p < 2; ++p) {
      json.key(player_id(r, p)).begin_array();
      for (int k : e.supports[static_cast<std::size_t>(p)]) json.value(label_of(r, p, k));
      json.end_array();
    }
    json.end_object();
    write_payoffs_json(json, ids, e.payoffs);
    json.end_object();
  }
  json.end_array();
  json.key("nash_subsets").begin_array();
  for (const std::vector<int>& subset : r.nash_subsets) {
    json.begin_array();
    for (const int k : subset) json.value(k);
    json.end_array();
  }
  json.end_array();
  json.key("summary").array(compare_summary(r));
  if (robustness) write_robustness_json(json, *robustness);
  json.end_object();
  out << "\n";
}

// ---- CSV: one row per profile -----------------------------------------------------------

void write_meta_game_csv(std::ostream& out, const CompareReport& r) {
  const BimatrixGame& g = r.game;
  const std::string& a = player_id(r, 0);
  const std::string& b = player_id(r, 1);
  CsvWriter csv(out);
  csv.write_row({a, b, "payoff." + a, "standard_error." + a, "payoff." + b, "standard_error." + b, "settled",
                 "mean_duration"});
  for (int i = 0; i < g.rows(); ++i)
    for (int j = 0; j < g.cols(); ++j) {
      csv.field(label_of(r, 0, i)).field(label_of(r, 1, j));
      csv.field(g.a()(i, j)).field(r.standard_errors[0](i, j)).field(g.b()(i, j)).field(r.standard_errors[1](i, j));
      csv.field(r.settled(i, j)).field(r.mean_duration(i, j));
      csv.end_row();
    }
}

// ---- table ------------------------------------------------------------------------------

/// The equilibrium set at the confidence at each number of runs, and how the runs stopped.
void write_history_table(std::ostream& out, const CompareReport& r) {
  const AdaptiveHistory& h = r.history;
  if (h.steps.empty()) return;
  out << "\nEquilibrium set at " << confidence_percent(h.confidence) << " confidence (differences within "
      << format_fixed(h.z, 2) << " paired standard errors are ties), by runs per profile\n";
  TableWriter looks({"runs", "equilibria", "supports (" + player_id(r, 0) + ", " + player_id(r, 1) + ")"},
                    {Align::right, Align::right, Align::left});
  for (const AdaptiveStep& step : h.steps)
    looks.add_row({std::to_string(step.runs), std::to_string(step.set.supports.size()), supports_text(r, step.set)});
  looks.write(out, "  ");
  std::string clause = stop_clause(h);
  clause.front() = static_cast<char>(std::toupper(static_cast<unsigned char>(clause.front())));
  out << clause << ".\n";
}

void write_meta_game_table(std::ostream& out, const CompareReport& r) {
  const BimatrixGame& g = r.game;
  const Scenario& sc = r.scenario;
  out << printable_text(sc.title) << " - strategy meta-game\n";
  out << r.runs << " runs per profile, seed " << r.seed
      << ", common random numbers (every profile fights on the same fronts)\n";
  out << advantage_phrase(sc) << ".\n";
  for (const ArtifactWarning& w : compare_warnings(r.history)) out << "Warning: " << w.message << "\n";

  out << "\nExpected payoffs (" << player_id(r, 0) << ", " << player_id(r, 1) << "), standard errors in brackets\n";
  std::vector<std::string> header{player_id(r, 0) + " \\ " + player_id(r, 1)};
  std::vector<Align> align{Align::left};
  for (int j = 0; j < g.cols(); ++j) {
    header.push_back(label_of(r, 1, j));
    align.push_back(Align::right);
  }
  TableWriter payoffs(header, align);
  TableWriter outcomes(header, align);
  for (int i = 0; i < g.rows(); ++i) {
    std::vector<std::string> row{label_of(r, 0, i)};
    std::vector<std::string> outcome_row{label_of(r, 0, i)};
    for (int j = 0; j < g.cols(); ++j) {
      row.push_back(estimate_with_error(g.a()(i, j), r.standard_errors[0](i, j)) + ", " +
                    estimate_with_error(g.b()(i, j), r.standard_errors[1](i, j)));
      outcome_row.push_back(format_fixed(r.settled(i, j), 3) + ", " + format_fixed(r.mean_duration(i, j), 1) + " " +
                            sc.period_unit + "s");
    }
    payoffs.add_row(row);
    outcomes.add_row(outcome_row);
  }
  payoffs.write(out, "  ");
  out << "\nP(agreement), mean duration of the fighting\n";
  outcomes.write(out, "  ");

  out << "\nNash equilibria of the meta-game (" << r.equilibria.size() << ", by vertex enumeration)\n";
  TableWriter equilibria({"#", "player", "strategy", "probability", "payoff"},
                         {Align::right, Align::left, Align::left, Align::right, Align::right});
  for (std::size_t k = 0; k < r.equilibria.size(); ++k) {
    const MetaEquilibrium& e = r.equilibria[k];
    for (int p = 0; p < 2; ++p) {
      const Eigen::VectorXd& v = p == 0 ? e.profile.x : e.profile.y;
      bool first = true;
      for (int s : e.supports[static_cast<std::size_t>(p)]) {
        equilibria.add_row({p == 0 && first ? std::to_string(k + 1) : "", first ? player_id(r, p) : "",
                            label_of(r, p, s), format_fixed(v(s), 4),
                            first ? format_fixed(e.payoffs[static_cast<std::size_t>(p)], 4) : ""});
        first = false;
      }
    }
  }
  equilibria.write(out, "  ");
  if (r.nash_subsets.size() < r.equilibria.size()) {
    out << "Convex sets of equilibria (maximal Nash subsets):";
    for (const std::vector<int>& subset : r.nash_subsets) {
      out << " {";
      for (std::size_t k = 0; k < subset.size(); ++k) out << (k > 0 ? ", " : "") << subset[k] + 1;
      out << "}";
    }
    out << "\n";
  }
  write_history_table(out, r);
  out << "\nIn words\n";
  for (const std::string& s : compare_summary(r)) out << "  " << s << "\n";
}

}  // namespace

void write_compare_table(std::ostream& out, const CompareReport& report) { write_meta_game_table(out, report); }
void write_compare_json(std::ostream& out, const CompareReport& report, const RobustnessCheck* robustness) {
  write_meta_game_json(out, report, robustness);
}
void write_compare_csv(std::ostream& out, const CompareReport& report) { write_meta_game_csv(out, report); }

}  // namespace parley::io
