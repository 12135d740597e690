// `parley compare [SCENARIO] --strategies russia=prolonged,quick,stall --strategies
// ukraine=prolonged,quick,contingent`: the strategy meta-game (DESIGN 1.7). Every profile is
// simulated by Monte Carlo with common random numbers; the expected payoffs, with standard
// errors (paired, for the differences that decide best replies), form a bimatrix game whose
// every Nash equilibrium is reported, with supports, probabilities and payoffs, and in words.
// `--export-nfg FILE` writes the game in Gambit's .nfg format.
#include <algorithm>
#include <cmath>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "command.hpp"
#include "parley/agents/bargaining_setting.hpp"
#include "parley/agents/strategy_registry.hpp"
#include "parley/io/format/csv_writer.hpp"
#include "parley/io/format/json_writer.hpp"
#include "parley/io/interop/nfg_format.hpp"
#include "parley/io/format/number_format.hpp"
#include "parley/io/format/table_writer.hpp"
#include "parley/solve/meta_game.hpp"
#include "scenario_options.hpp"

namespace po = boost::program_options;

namespace parley::cli {
namespace {

using io::format_fixed;
using Align = io::TableWriter::Align;

/// Strategy lists as given on the command line: the party id and its strategy specs.
struct PlayerStrategies {
  std::string party;
  std::vector<StrategySpec> strategies;
};

/// A strategy as the user wrote it: `name` or `name:param=value:param=value`.
StrategySpec parse_strategy(const std::string& text) {
  StrategySpec spec;
  std::stringstream parts(text);
  std::string part;
  std::getline(parts, spec.name, ':');
  while (std::getline(parts, part, ':')) {
    const auto eq = part.find('=');
    if (eq == std::string::npos || eq == 0) throw std::invalid_argument("expected param=value in '" + text + "'");
    std::size_t used = 0;
    const double value = std::stod(part.substr(eq + 1), &used);
    if (used != part.size() - eq - 1) throw std::invalid_argument("not a number in '" + text + "'");
    spec.params[part.substr(0, eq)] = value;
  }
  return spec;
}

/// `party=s1,s2,...`.
PlayerStrategies parse_player(const std::string& text) {
  const auto eq = text.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == text.size())
    throw std::invalid_argument("--strategies expects PARTY=STRATEGY,STRATEGY,..., got '" + text + "'");
  PlayerStrategies out;
  out.party = text.substr(0, eq);
  std::stringstream list(text.substr(eq + 1));
  std::string item;
  while (std::getline(list, item, ','))
    if (!item.empty()) out.strategies.push_back(parse_strategy(item));
  if (out.strategies.empty()) throw std::invalid_argument("no strategy listed for '" + out.party + "'");
  return out;
}

/// The strategy's label: its name, then the parameters given on the command line.
std::string label(const StrategySpec& spec) {
  std::string out = spec.name;
  for (const auto& [name, value] : spec.params) out += ":" + name + "=" + io::format_shortest(value);
  return out;
}

/// The belligerents the meta-game is about when --strategies names fewer than two: the
/// battlefield's sides, or else the first veto parties.
std::vector<std::size_t> default_players(const Scenario& s) {
  if (s.battlefield) return {static_cast<std::size_t>(s.side_a()), static_cast<std::size_t>(s.side_b())};
  return s.veto_parties();
}

/// "a constant advantage of +0.20 for Russia", and so on: the battlefield assumption in words.
std::string advantage_phrase(const Scenario& s) {
  if (!s.battlefield) return "Without a battlefield";
  const AdvantageSchedule& a = s.battlefield->advantage;
  const std::string side = s.parties[static_cast<std::size_t>(s.side_a())].name;
  const std::string unit = s.period_unit;
  switch (a.kind) {
    case AdvantageSchedule::Kind::constant:
      return "Under a constant advantage of " + io::format_signed(a.a0, 2) + " for " + side;
    case AdvantageSchedule::Kind::linear:
      return "Under an advantage for " + side + " moving from " + io::format_signed(a.a0, 2) + " to " +
             io::format_signed(a.a1, 2) + " between " + unit + "s " + io::format_shortest(a.t0) + " and " +
             io::format_shortest(a.t1);
    case AdvantageSchedule::Kind::exponential:
      return "Under an advantage for " + side + " of " + io::format_signed(a.a0, 2) + " decaying toward " +
             io::format_signed(a.a_inf, 2) + " with a half-life of " + io::format_shortest(a.half_life) + " " + unit + "s";
    case AdvantageSchedule::Kind::steps: {
      std::string out = "Under an advantage for " + side + " of " + io::format_signed(a.a0, 2);
      for (const auto& [period, value] : a.steps)
        out += ", " + io::format_signed(value, 2) + " from " + unit + " " + std::to_string(period);
      return out;
    }
  }
  return "Under this advantage";
}

/// The whole analysis, for every format.
struct CompareReport {
  const Scenario& scenario;
  const MetaGame& meta;
  std::vector<MetaEquilibrium> equilibria;
  std::array<std::vector<BestReply>, 2> replies;
  std::vector<std::string> sentences;
};

const std::string& player_id(const CompareReport& r, int p) { return r.meta.game().player_name(p); }
const std::string& player_name(const CompareReport& r, int p) {
  return r.scenario.parties[r.meta.spec().players[static_cast<std::size_t>(p)]].name;
}
const std::string& strategy_label(const CompareReport& r, int p, int k) {
  return r.meta.game().strategy_labels(p)[static_cast<std::size_t>(k)];
}

/// "prolonged (60%) and quick (40%)", or "prolonged" for a pure strategy.
std::string mixture_phrase(const CompareReport& r, const MetaEquilibrium& e, int p) {
  const Eigen::VectorXd& probabilities = p == 0 ? e.profile.x : e.profile.y;
  const auto& support = e.supports[static_cast<std::size_t>(p)];
  if (support.size() == 1) return strategy_label(r, p, support[0]);
  std::string out;
  for (std::size_t k = 0; k < support.size(); ++k) {
    out += (k == 0 ? "" : k + 1 == support.size() ? " and " : ", ") + strategy_label(r, p, support[k]) + " (" +
           format_fixed(100.0 * probabilities(support[k]), 0) + "%)";
  }
  return out;
}

std::vector<std::string> summary_sentences(const CompareReport& r) {
  std::vector<std::string> out;
  const std::string setting = advantage_phrase(r.scenario);
  for (int p = 0; p < 2; ++p) {
    for (const BestReply& b : r.replies[static_cast<std::size_t>(p)]) {
      const std::string& against = strategy_label(r, 1 - p, b.against);
      const bool vowel = std::string("aeiou").find(against.front()) != std::string::npos;
      std::string s = setting + ", " + player_name(r, p) + "'s best reply to " + (vowel ? "an " : "a ") + against +
                      " " + player_name(r, 1 - p) + " is " + strategy_label(r, p, b.reply);
      if (b.runner_up < 0) {
        s += " (its only strategy here).";
      } else if (b.margin == 0.0) {
        s += ", but " + strategy_label(r, p, b.runner_up) + " does exactly as well (" +
             (b.margin_standard_error == 0.0 ? "the same episodes in every run" : "the same mean payoff") + ").";
      } else {
        s += ": it expects " + format_fixed(b.payoff, 4) + ", " + format_fixed(b.margin, 4) + " more than with " +
             strategy_label(r, p, b.runner_up) + " (standard error " + format_fixed(b.margin_standard_error, 4) + ")";
        if (b.margin < 2.0 * b.margin_standard_error)
          s += "; at this number of runs the two cannot be told apart.";
        else
          s += ".";
      }
      out.push_back(s);
    }
  }
  if (r.equilibria.size() == 1) {
    const MetaEquilibrium& e = r.equilibria.front();
    out.push_back("The meta-game has one Nash equilibrium: " + player_name(r, 0) + " plays " + mixture_phrase(r, e, 0) +
                  " and " + player_name(r, 1) + " plays " + mixture_phrase(r, e, 1) + ", expecting " +
                  format_fixed(e.payoffs[0], 4) + " and " + format_fixed(e.payoffs[1], 4) + ".");
  } else {
    out.push_back("The meta-game has " + std::to_string(r.equilibria.size()) +
                  " extreme Nash equilibria (with several, the strategies alone do not settle the question; "
                  "mixtures of equilibria sharing a component are equilibria too).");
    for (std::size_t k = 0; k < r.equilibria.size(); ++k) {
      const MetaEquilibrium& e = r.equilibria[k];
      out.push_back("Equilibrium " + std::to_string(k + 1) + ": " + player_name(r, 0) + " plays " +
                    mixture_phrase(r, e, 0) + ", " + player_name(r, 1) + " plays " + mixture_phrase(r, e, 1) +
                    "; payoffs " + format_fixed(e.payoffs[0], 4) + " and " + format_fixed(e.payoffs[1], 4) + ".");
    }
  }
  return out;
}

// ---- JSON -------------------------------------------------------------------------------

void write_matrix(io::JsonWriter& json, const Eigen::MatrixXd& m) {
  json.begin_array();
  for (Eigen::Index i = 0; i < m.rows(); ++i) {
    json.begin_array();
    for (Eigen::Index j = 0; j < m.cols(); ++j) json.value(m(i, j));
    json.end_array();
  }
  json.end_array();
}

void write_json(std::ostream& out, const CompareReport& r, std::uint64_t seed) {
  const MetaGame& meta = r.meta;
  const BimatrixGame& g = meta.game();
  io::JsonWriter json(out);
  json.begin_object().field("scenario", r.scenario.id).field("title", r.scenario.title);
  json.field("runs", meta.runs()).field("seed", seed);
  json.key("players").begin_array().value(player_id(r, 0)).value(player_id(r, 1)).end_array();
  json.key("strategies").begin_object();
  for (int p = 0; p < 2; ++p) json.key(player_id(r, p)).array(g.strategy_labels(p));
  json.end_object();
  json.key("payoffs").begin_object();
  json.key(player_id(r, 0));
  write_matrix(json, g.a());
  json.key(player_id(r, 1));
  write_matrix(json, g.b());
  json.end_object();
  json.key("standard_errors").begin_object();
  for (int p = 0; p < 2; ++p) {
    Eigen::MatrixXd se(g.rows(), g.cols());
    for (int i = 0; i < g.rows(); ++i)
      for (int j = 0; j < g.cols(); ++j) se(i, j) = meta.standard_error(p, i, j);
    json.key(player_id(r, p));
    write_matrix(json, se);
  }
  json.end_object();
  Eigen::MatrixXd settled(g.rows(), g.cols()), duration(g.rows(), g.cols());
  for (int i = 0; i < g.rows(); ++i)
    for (int j = 0; j < g.cols(); ++j) {
      settled(i, j) = meta.outcome(i, j).settled;
      duration(i, j) = meta.outcome(i, j).mean_duration;
    }
  json.key("outcomes").begin_object().key("settled");
  write_matrix(json, settled);
  json.key("mean_duration");
  write_matrix(json, duration);
  json.end_object();
  json.key("best_replies").begin_object();
  for (int p = 0; p < 2; ++p) {
    json.key(player_id(r, p)).begin_array();
    for (const BestReply& b : r.replies[static_cast<std::size_t>(p)]) {
      json.begin_object().field("against", strategy_label(r, 1 - p, b.against)).field("reply", strategy_label(r, p, b.reply));
      json.field("payoff", b.payoff).key("runner_up");
      if (b.runner_up >= 0) json.value(strategy_label(r, p, b.runner_up)); else json.null();
      json.field("margin", b.margin).field("margin_standard_error", b.margin_standard_error).end_object();
    }
    json.end_array();
  }
  json.end_object();
  json.key("equilibria").begin_array();
  for (const MetaEquilibrium& e : r.equilibria) {
    json.begin_object().key("probabilities").begin_object();
    for (int p = 0; p < 2; ++p) {
      const Eigen::VectorXd& v = p == 0 ? e.profile.x : e.profile.y;
      json.key(player_id(r, p)).begin_array();
      for (Eigen::Index k = 0; k < v.size(); ++k) json.value(v(k));
      json.end_array();
    }
    json.end_object().key("support").begin_object();
    for (int p = 0; p < 2; ++p) {
      json.key(player_id(r, p)).begin_array();
      for (int k : e.supports[static_cast<std::size_t>(p)]) json.value(strategy_label(r, p, k));
      json.end_array();
    }
    json.end_object().key("payoffs").begin_object();
    for (int p = 0; p < 2; ++p) json.field(player_id(r, p), e.payoffs[static_cast<std::size_t>(p)]);
    json.end_object().end_object();
  }
  json.end_array();
  json.key("summary").array(r.sentences);
  json.end_object();
  out << "\n";
}

// ---- CSV: one row per profile -----------------------------------------------------------

void write_csv(std::ostream& out, const CompareReport& r) {
  const MetaGame& meta = r.meta;
  const BimatrixGame& g = meta.game();
  const std::string& a = player_id(r, 0);
  const std::string& b = player_id(r, 1);
  io::CsvWriter csv(out);
  csv.write_row({a, b, "payoff." + a, "standard_error." + a, "payoff." + b, "standard_error." + b, "settled",
                 "mean_duration"});
  for (int i = 0; i < g.rows(); ++i)
    for (int j = 0; j < g.cols(); ++j) {
      csv.field(strategy_label(r, 0, i)).field(strategy_label(r, 1, j));
      csv.field(g.a()(i, j)).field(meta.standard_error(0, i, j)).field(g.b()(i, j)).field(meta.standard_error(1, i, j));
      csv.field(meta.outcome(i, j).settled).field(meta.outcome(i, j).mean_duration);
      csv.end_row();
    }
}

// ---- table ------------------------------------------------------------------------------

void write_table(std::ostream& out, const CompareReport& r, std::uint64_t seed) {
  const MetaGame& meta = r.meta;
  const BimatrixGame& g = meta.game();
  const Scenario& sc = r.scenario;
  out << sc.title << " - strategy meta-game\n";
  out << meta.runs() << " runs per profile, seed " << seed
      << ", common random numbers (every profile fights on the same fronts)\n";
  out << advantage_phrase(sc) << ".\n";

  out << "\nExpected payoffs (" << player_id(r, 0) << ", " << player_id(r, 1) << "), standard errors in brackets\n";
  std::vector<std::string> header{player_id(r, 0) + " \\ " + player_id(r, 1)};
  std::vector<Align> align{Align::left};
  for (int j = 0; j < g.cols(); ++j) {
    header.push_back(strategy_label(r, 1, j));
    align.push_back(Align::right);
  }
  io::TableWriter payoffs(header, align);
  io::TableWriter outcomes(header, align);
  for (int i = 0; i < g.rows(); ++i) {
    std::vector<std::string> row{strategy_label(r, 0, i)};
    std::vector<std::string> outcome_row{strategy_label(r, 0, i)};
    for (int j = 0; j < g.cols(); ++j) {
      row.push_back(format_fixed(g.a()(i, j), 4) + " (" + format_fixed(meta.standard_error(0, i, j), 4) + "), " +
                    format_fixed(g.b()(i, j), 4) + " (" + format_fixed(meta.standard_error(1, i, j), 4) + ")");
      outcome_row.push_back(format_fixed(meta.outcome(i, j).settled, 3) + ", " +
                            format_fixed(meta.outcome(i, j).mean_duration, 1) + " " + sc.period_unit + "s");
    }
    payoffs.add_row(row);
    outcomes.add_row(outcome_row);
  }
  payoffs.write(out, "  ");
  out << "\nP(agreement), mean duration of the fighting\n";
  outcomes.write(out, "  ");

  out << "\nNash equilibria of the meta-game (" << r.equilibria.size() << ", by vertex enumeration)\n";
  io::TableWriter equilibria({"#", "player", "strategy", "probability", "payoff"},
                             {Align::right, Align::left, Align::left, Align::right, Align::right});
  for (std::size_t k = 0; k < r.equilibria.size(); ++k) {
    const MetaEquilibrium& e = r.equilibria[k];
    for (int p = 0; p < 2; ++p) {
      const Eigen::VectorXd& v = p == 0 ? e.profile.x : e.profile.y;
      bool first = true;
      for (int s : e.supports[static_cast<std::size_t>(p)]) {
        equilibria.add_row({p == 0 && first ? std::to_string(k + 1) : "", first ? player_id(r, p) : "",
                            strategy_label(r, p, s), format_fixed(v(s), 4),
                            first ? format_fixed(e.payoffs[static_cast<std::size_t>(p)], 4) : ""});
        first = false;
      }
    }
  }
  equilibria.write(out, "  ");
  out << "\nIn words\n";
  for (const std::string& s : r.sentences) out << "  " << s << "\n";
}

int run_compare(const std::vector<std::string>& args) {
  ScenarioOptionsConfig config;
  config.seed = true;
  config.runs = true;
  config.default_runs = 2000;
  config.threads = true;
  ScenarioCommandLine cli("compare",
                          "The strategy meta-game: every profile of the listed strategies simulated with common "
                          "random numbers, the expected payoffs with their standard errors, every Nash "
                          "equilibrium of the resulting game, and best replies in words. Strategies are catalog "
                          "names, optionally with parameters: prolonged:e=0.1.",
                          config);
  std::vector<std::string> strategy_args;
  std::string nfg_path;
  cli.options().add_options()(
      "strategies", po::value(&strategy_args)->composing(),
      "PARTY=S1,S2,...: a player and its strategies; give it once per player (default: both sides of the "
      "battlefield with prolonged,quick)")("export-nfg", po::value(&nfg_path),
                                           "also write the meta-game to FILE in Gambit's .nfg format");
  if (const auto code = cli.parse(args)) return *code;
  const auto scenario = cli.load_scenario();
  if (!scenario) return 1;

  MetaGameSpec spec;
  try {
    std::vector<PlayerStrategies> given;
    for (const auto& text : strategy_args) given.push_back(parse_player(text));
    if (given.size() > 2) throw std::invalid_argument("--strategies names more than two players");
    for (const auto& g : given) {
      const int index = scenario->party_index(g.party);
      if (index < 0) throw std::invalid_argument("--strategies: no party '" + g.party + "' in the scenario");
      for (const auto& s : g.strategies) (void)complete_strategy_spec(s);  // names and parameters
    }
    std::vector<std::size_t> players;
    for (const auto& g : given) players.push_back(static_cast<std::size_t>(scenario->party_index(g.party)));
    for (const std::size_t p : default_players(*scenario))
      if (players.size() < 2 && std::find(players.begin(), players.end(), p) == players.end()) players.push_back(p);
    if (players.size() < 2) throw std::invalid_argument("the meta-game needs two players");
    for (int p = 0; p < 2; ++p) {
      spec.players[static_cast<std::size_t>(p)] = players[static_cast<std::size_t>(p)];
      if (static_cast<std::size_t>(p) < given.size()) spec.strategies[static_cast<std::size_t>(p)] = given[static_cast<std::size_t>(p)].strategies;
      else spec.strategies[static_cast<std::size_t>(p)] = {parse_strategy("prolonged"), parse_strategy("quick")};
      for (const auto& s : spec.strategies[static_cast<std::size_t>(p)]) spec.labels[static_cast<std::size_t>(p)].push_back(label(s));
    }
    if (spec.players[0] == spec.players[1]) throw std::invalid_argument("--strategies names the same party twice");
  } catch (const std::exception& e) {
    std::cerr << "parley compare: " << e.what() << "\n";
    return 2;
  }

  RunOptions options;
  options.runs = cli.values().runs;
  options.seed = cli.values().seed;
  options.threads = cli.values().threads;
  std::optional<MetaGame> meta;
  try {
    meta.emplace(play_meta_game(std::make_shared<const BargainingSetting>(*scenario), spec, options));
  } catch (const std::invalid_argument& e) {
    std::cerr << "parley compare: " << e.what() << "\n";
    return 1;
  }
  if (!nfg_path.empty()) {
    try {
      io::write_nfg_file(nfg_path, meta->game());
    } catch (const std::exception& e) {
      std::cerr << "parley compare: " << e.what() << "\n";
      return 1;
    }
  }

  CompareReport report{*scenario, *meta, meta_equilibria(*meta), {best_replies(*meta, 0), best_replies(*meta, 1)}, {}};
  report.sentences = summary_sentences(report);
  std::ostream* out = cli.output();
  if (!out) return 1;
  switch (cli.values().format) {
    case OutputFormat::json: write_json(*out, report, options.seed); break;
    case OutputFormat::csv: write_csv(*out, report); break;
    case OutputFormat::table: write_table(*out, report, options.seed); break;
  }
  return 0;
}

const CommandRegistration compare_registration{
    {"compare", "strategy meta-game: payoffs of every profile, Nash equilibria, best replies", run_compare}};

}  // namespace
}  // namespace parley::cli
