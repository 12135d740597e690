// `parley run [SCENARIO]`: Monte Carlo over episodes of talks and fighting (DESIGN 1.1, 2, 4).
// The summary says how the war ends and when, what each party can expect, and what a typical
// settlement looks like; `--trace` narrates one episode period by period instead.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "command.hpp"
#include "parley/engine/episode_runner.hpp"
#include "parley/engine/monte_carlo.hpp"
#include "parley/io/format/csv_writer.hpp"
#include "parley/io/format/json_writer.hpp"
#include "parley/io/format/number_format.hpp"
#include "parley/io/report/package_report.hpp"
#include "parley/io/format/table_writer.hpp"
#include "scenario_options.hpp"

namespace parley::cli {
namespace {

namespace po = boost::program_options;
using io::format_fixed;

std::string percent(double p) { return format_fixed(100.0 * p, 1) + "%"; }

std::string interval(const Interval& ci, int decimals) {
  return "[" + format_fixed(ci.low, decimals) + ", " + format_fixed(ci.high, decimals) + "]";
}

std::string strategy_label(const StrategySpec& spec) {
  std::string label = spec.name;
  if (spec.params.empty()) return label;
  label += " (";
  bool first = true;
  for (const auto& [name, value] : spec.params) {
    label += (first ? "" : ", ") + name + " " + io::format_shortest(value);
    first = false;
  }
  return label + ")";
}

// What side A's or B's collapse means, in the scenario's words.
std::string collapse_label(const Scenario& s, bool side_a) {
  const int i = side_a ? s.side_a() : s.side_b();
  return i < 0 ? std::string(side_a ? "side A" : "side B") + " collapses"
               : s.parties[static_cast<std::size_t>(i)].name + "'s effort collapses";
}

// ---- table --------------------------------------------------------------------------------

void write_terms_table(std::ostream& out, const Scenario& s, const std::vector<TermsSummary>& terms) {
  for (std::size_t k = 0; k < s.issues.size(); ++k) {
    const Issue& issue = s.issues[k];
    const TermsSummary& t = terms[k];
    const std::string title = issue.name.empty() || issue.name == issue.id ? issue.id : issue.name + " (" + issue.id + ")";
    switch (issue.kind) {
      case IssueKind::continuous:
        out << "  " << title << ": mean " << format_fixed(t.amount.mean, 3) << " " << interval(t.amount.ci95, 3)
            << (issue.unit.empty() ? "" : ", " + issue.unit) << "\n";
        break;
      case IssueKind::ordinal: {
        out << "  " << title << ":\n";
        io::TableWriter table({"level", "share"}, {io::TableWriter::Align::left, io::TableWriter::Align::right});
        for (std::size_t l = 0; l < issue.levels.size(); ++l) {
          const std::string name = l < issue.level_names.size() && issue.level_names[l] != issue.levels[l]
                                       ? issue.levels[l] + " (" + issue.level_names[l] + ")"
                                       : issue.levels[l];
          table.add_row({name, percent(t.level_frequencies[l])});
        }
        table.write(out, "    ");
        break;
      }
      case IssueKind::clauses: {
        out << "  " << title << ", how often each clause is in the deal:\n";
        io::TableWriter table({"clause", "in", "text"},
                              {io::TableWriter::Align::left, io::TableWriter::Align::right, io::TableWriter::Align::left});
        for (std::size_t c = 0; c < issue.clauses.size(); ++c)
          table.add_row({issue.clauses[c].id, percent(t.clause_frequencies[c]), issue.clauses[c].text});
        table.write(out, "    ");
        break;
      }
    }
  }
}

void write_table(std::ostream& out, const Simulation& simulation, const RunSummary& r) {
  const Scenario& s = simulation.scenario();
  const std::string& unit = s.period_unit;
  out << s.title << " (" << s.id << ")\n"
      << r.runs << " runs, seed " << r.seed << ", horizon " << s.horizon << " " << unit
      << "s; 95% intervals in brackets\n\n";

  out << "How the war ends\n";
  io::TableWriter outcomes({"outcome", "probability", "95% interval"},
                           {io::TableWriter::Align::left, io::TableWriter::Align::right, io::TableWriter::Align::left});
  outcomes.add_row({"settled at the table", format_fixed(r.settled.p, 3), interval(r.settled.ci95, 3)});
  if (s.battlefield) {
    outcomes.add_row({collapse_label(s, true), format_fixed(r.collapse_a.p, 3), interval(r.collapse_a.ci95, 3)});
    outcomes.add_row({collapse_label(s, false), format_fixed(r.collapse_b.p, 3), interval(r.collapse_b.ci95, 3)});
    outcomes.add_row({"frozen at " + unit + " " + std::to_string(s.horizon), format_fixed(r.frozen.p, 3),
                      interval(r.frozen.ci95, 3)});
  } else {
    outcomes.add_row({"no deal by " + unit + " " + std::to_string(s.horizon), format_fixed(r.frozen.p, 3),
                      interval(r.frozen.ci95, 3)});
  }
  outcomes.write(out, "  ");

  out << "\nHow long it lasts (" << unit << "s until a settlement, a collapse or the freeze)\n"
      << "  mean " << format_fixed(r.duration.mean.mean, 1) << " " << interval(r.duration.mean.ci95, 1) << ", median "
      << r.duration.median << "; 10% are over by " << unit << " " << r.duration.p10 << ", 90% by " << unit << " "
      << r.duration.p90 << "\n";

  out << "\nExpected utility (discounted, net of the costs of war; DESIGN 1.1)\n";
  io::TableWriter parties({"party", "role", "strategy", "mean", "95% interval"},
                          {io::TableWriter::Align::left, io::TableWriter::Align::left, io::TableWriter::Align::left,
                           io::TableWriter::Align::right, io::TableWriter::Align::left});
  for (std::size_t i = 0; i < s.parties.size(); ++i) {
    const Party& p = s.parties[i];
    parties.add_row({p.name, std::string(to_string(p.role)) + (p.veto ? ", veto" : ""),
                     strategy_label(simulation.strategy(i)), format_fixed(r.utility[i].mean, 3),
                     interval(r.utility[i].ci95, 3)});
  }
  parties.write(out, "  ");

  out << "\nThe typical settlement";
  if (r.settled.count == 0) {
    out << ": no run settled.\n";
    return;
  }
  out << " (" << r.settled.count << " settled runs; settled in " << unit << " "
      << format_fixed(r.settlement_period.mean, 1) << " on average, median "
      << histogram_quantile(r.settlement_periods, 1, 2) << ")\n";
  write_terms_table(out, s, r.settlement_terms);
}

// ---- JSON ---------------------------------------------------------------------------------

void write_interval_json(io::JsonWriter& json, const Interval& ci) {
  json.begin_array().value(ci.low).value(ci.high).end_array();
}

void write_terms_json(io::JsonWriter& json, const Scenario& s, const std::vector<TermsSummary>& terms) {
  json.begin_object();
  for (std::size_t k = 0; k < s.issues.size(); ++k) {
    const Issue& issue = s.issues[k];
    const TermsSummary& t = terms[k];
    json.key(issue.id).begin_object();
    switch (issue.kind) {
      case IssueKind::continuous:
        json.field("mean", t.amount.mean).field("std_error", t.amount.std_error).key("ci95");
        write_interval_json(json, t.amount.ci95);
        break;
      case IssueKind::ordinal:
        json.field("mean_level", t.amount.mean).key("levels").begin_object();
        for (std::size_t l = 0; l < issue.levels.size(); ++l) json.field(issue.levels[l], t.level_frequencies[l]);
        json.end_object();
        break;
      case IssueKind::clauses:
        json.key("clauses").begin_object();
        for (std::size_t c = 0; c < issue.clauses.size(); ++c) json.field(issue.clauses[c].id, t.clause_frequencies[c]);
        json.end_object();
        break;
    }
    json.end_object();
  }
  json.end_object();
}

void write_json(std::ostream& out, const Simulation& simulation, const RunSummary& r) {
  const Scenario& s = simulation.scenario();
  io::JsonWriter json(out);
  json.begin_object().field("scenario", s.id).field("title", s.title);
  json.field("runs", r.runs).field("seed", r.seed).field("horizon", s.horizon).field("period", s.period_unit);
  json.key("outcomes").begin_object();
  for (const Outcome o : {Outcome::settled, Outcome::collapse_a, Outcome::collapse_b, Outcome::frozen})
    json.field(to_string(o), r.outcome(o).p);
  json.end_object().key("outcomes_ci95").begin_object();
  for (const Outcome o : {Outcome::settled, Outcome::collapse_a, Outcome::collapse_b, Outcome::frozen}) {
    json.key(to_string(o));
    write_interval_json(json, r.outcome(o).ci95);
  }
  json.end_object();
  json.key("duration").begin_object().field("mean", r.duration.mean.mean).field("std_error", r.duration.mean.std_error);
  json.key("ci95");
  write_interval_json(json, r.duration.mean.ci95);
  json.field("median", r.duration.median).field("p10", r.duration.p10).field("p90", r.duration.p90);
  json.key("histogram").array(r.duration.histogram).end_object();
  json.key("parties").begin_object();
  for (std::size_t i = 0; i < s.parties.size(); ++i) {
    json.key(s.parties[i].id).begin_object();
    const StrategySpec& spec = simulation.strategy(i);
    json.key("strategy").begin_object().field("name", spec.name);
    for (const auto& [name, value] : spec.params) json.field(name, value);
    json.end_object();
    json.key("utility").begin_object().field("mean", r.utility[i].mean).field("std_error", r.utility[i].std_error);
    json.key("ci95");
    write_interval_json(json, r.utility[i].ci95);
    json.end_object().end_object();
  }
  json.end_object();
  json.field("settlements", r.settled.count);
  json.key("settlement_period").begin_object().field("mean", r.settlement_period.mean);
  json.field("median", histogram_quantile(r.settlement_periods, 1, 2));
  json.key("counts").array(r.settlement_periods).end_object();
  json.key("terms");
  write_terms_json(json, s, r.settlement_terms);
  json.key("final_terms");
  write_terms_json(json, s, r.outcome_terms);
  json.end_object();
  out << "\n";
}

// ---- CSV: one row, the JSON names flattened ---------------------------------------------------

void write_csv(std::ostream& out, const Simulation& simulation, const RunSummary& r) {
  const Scenario& s = simulation.scenario();
  std::vector<std::string> names;
  std::vector<std::string> values;
  const auto add = [&](std::string name, std::string value) {
    names.push_back(std::move(name));
    values.push_back(std::move(value));
  };
  const auto number = [](double x) { return io::format_shortest(x); };
  add("scenario", s.id);
  add("runs", std::to_string(r.runs));
  add("seed", std::to_string(r.seed));
  for (const Outcome o : {Outcome::settled, Outcome::collapse_a, Outcome::collapse_b, Outcome::frozen}) {
    const std::string key = std::string("outcomes.") + to_string(o);
    add(key, number(r.outcome(o).p));
    add(key + ".ci95_low", number(r.outcome(o).ci95.low));
    add(key + ".ci95_high", number(r.outcome(o).ci95.high));
  }
  add("duration.mean", number(r.duration.mean.mean));
  add("duration.median", std::to_string(r.duration.median));
  add("duration.p10", std::to_string(r.duration.p10));
  add("duration.p90", std::to_string(r.duration.p90));
  for (std::size_t i = 0; i < s.parties.size(); ++i) {
    const std::string key = "parties." + s.parties[i].id + ".utility";
    add(key + ".mean", number(r.utility[i].mean));
    add(key + ".ci95_low", number(r.utility[i].ci95.low));
    add(key + ".ci95_high", number(r.utility[i].ci95.high));
  }
  add("settlement_period.mean", number(r.settlement_period.mean));
  for (std::size_t k = 0; k < s.issues.size(); ++k) {
    const Issue& issue = s.issues[k];
    const TermsSummary& t = r.settlement_terms[k];
    const std::string key = "terms." + issue.id;
    switch (issue.kind) {
      case IssueKind::continuous: add(key + ".mean", number(t.amount.mean)); break;
      case IssueKind::ordinal:
        for (std::size_t l = 0; l < issue.levels.size(); ++l)
          add(key + ".levels." + issue.levels[l], number(t.level_frequencies[l]));
        break;
      case IssueKind::clauses:
        for (std::size_t c = 0; c < issue.clauses.size(); ++c)
          add(key + ".clauses." + issue.clauses[c].id, number(t.clause_frequencies[c]));
        break;
    }
  }
  io::CsvWriter csv(out);
  csv.write_row(names);
  csv.write_row(values);
}

// ---- trace --------------------------------------------------------------------------------

// Words the events of one episode for a person.
class TextNarrator final : public EpisodeObserver {
 public:
  TextNarrator(std::ostream& out, const Simulation& simulation) : out_(out), simulation_(simulation) {}

  void on_talks(const NegotiationState& state, std::span<const double> aspirations) override {
    const Scenario& s = simulation_.scenario();
    out_ << "\n" << capitalised(s.period_unit) << " " << state.period << ": talks";
    if (s.battlefield) out_ << ", front at " << front_text(state.front);
    out_ << "\n";
    for (const std::size_t i : simulation_.setting().veto_parties())
      out_ << "  " << s.parties[i].name << ": fighting on is worth " << format_fixed(state.reservations[i], 3)
           << ", it demands " << format_fixed(aspirations[i], 3) << "\n";
  }
  void on_pass(const NegotiationState&, std::size_t party) override {
    out_ << "  " << name(party) << " makes no offer\n";
  }
  void on_offer(const NegotiationState&, const Offer& offer) override {
    const Scenario& s = simulation_.scenario();
    out_ << "  " << name(offer.proposer) << " proposes:\n";
    for (const std::string& line : io::package_lines(s, offer.package)) out_ << "      " << line << "\n";
    out_ << "    worth";
    for (const std::size_t i : simulation_.setting().veto_parties())
      out_ << " " << s.parties[i].name << " " << format_fixed(offer.utilities[i], 3);
    out_ << "\n";
  }
  void on_answer(const NegotiationState&, std::size_t party, const Offer& offer, const Answer& answer) override {
    const double u = offer.utilities[party];
    out_ << "    " << name(party) << (answer.accept ? " accepts: " : " rejects: ") << format_fixed(u, 3);
    switch (answer.reason) {
      case AnswerReason::meets_demand: out_ << " meets its demand " << format_fixed(answer.threshold, 3); break;
      case AnswerReason::below_demand: out_ << " is below its demand " << format_fixed(answer.threshold, 3); break;
      case AnswerReason::below_reservation: out_ << " is below what fighting on is worth"; break;
      case AnswerReason::waiting_pays:
        out_ << " is below what it expects from waiting, " << format_fixed(answer.threshold, 3);
        break;
    }
    out_ << "\n";
  }
  void on_fighting(int t, int from, int to) override {
    const Scenario& s = simulation_.scenario();
    out_ << capitalised(s.period_unit) << " " << t << ": fighting, the front "
         << (to == from ? "holds at " + front_text(from) : "moves to " + front_text(to)) << "\n";
  }
  void on_end(const EpisodeResult& r) override {
    const Scenario& s = simulation_.scenario();
    out_ << "\n";
    switch (r.outcome) {
      case Outcome::settled:
        out_ << "Settled in " << s.period_unit << " " << r.period << " on the offer of " << name(r.proposer) << ".\n";
        break;
      case Outcome::collapse_a:
      case Outcome::collapse_b:
        out_ << "The war ends in " << s.period_unit << " " << r.period << ": "
             << collapse_label(s, r.outcome == Outcome::collapse_a) << ". Terms imposed:\n";
        for (const std::string& line : io::package_lines(s, *r.terms)) out_ << "      " << line << "\n";
        break;
      case Outcome::frozen:
        out_ << (s.battlefield ? "No settlement: the war freezes at " + front_text(r.final_state) + "."
                               : "No settlement by the deadline.")
             << "\n";
        break;
    }
    out_ << "Payoffs (discounted, net of the costs of war):";
    for (std::size_t i = 0; i < s.parties.size(); ++i) out_ << " " << s.parties[i].name << " " << format_fixed(r.payoffs[i], 3);
    out_ << "\n";
  }

 private:
  std::string name(std::size_t party) const { return simulation_.scenario().parties[party].name; }
  std::string front_text(int state) const {
    const Scenario& s = simulation_.scenario();
    const int n = s.battlefield->states;
    const int a = s.side_a();
    const std::string holder = a < 0 ? "side A" : s.parties[static_cast<std::size_t>(a)].name;
    return std::to_string(state) + " of " + std::to_string(n) + " (" + holder + " holds " +
           percent(static_cast<double>(state) / n) + ")";
  }
  static std::string capitalised(std::string text) {
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
    return text;
  }

  std::ostream& out_;
  const Simulation& simulation_;
};

// The same events as a JSON array of objects.
class JsonNarrator final : public EpisodeObserver {
 public:
  JsonNarrator(io::JsonWriter& json, const Simulation& simulation) : json_(json), simulation_(simulation) {}

  void on_talks(const NegotiationState& state, std::span<const double> aspirations) override {
    const Scenario& s = simulation_.scenario();
    json_.begin_object().field("event", "talks").field("period", state.period).field("front", state.front);
    json_.key("parties").begin_object();
    for (std::size_t i = 0; i < s.parties.size(); ++i) {
      json_.key(s.parties[i].id).begin_object().field("reservation", state.reservations[i]);
      json_.field("aspiration", aspirations[i]).key("belief").array(state.beliefs[i].probabilities()).end_object();
    }
    json_.end_object().end_object();
  }
  void on_pass(const NegotiationState& state, std::size_t party) override {
    json_.begin_object().field("event", "pass").field("period", state.period).field("party", id(party)).end_object();
  }
  void on_offer(const NegotiationState& state, const Offer& offer) override {
    const Scenario& s = simulation_.scenario();
    json_.begin_object().field("event", "offer").field("period", state.period).field("proposer", id(offer.proposer));
    json_.key("package");
    io::write_package_json(json_, s, offer.package);
    json_.key("utilities").begin_object();
    for (std::size_t i = 0; i < s.parties.size(); ++i) json_.field(s.parties[i].id, offer.utilities[i]);
    json_.end_object().end_object();
  }
  void on_answer(const NegotiationState& state, std::size_t party, const Offer& offer, const Answer& answer) override {
    json_.begin_object().field("event", "answer").field("period", state.period).field("party", id(party));
    json_.field("accept", answer.accept).field("utility", offer.utilities[party]).field("threshold", answer.threshold);
    json_.field("reason", to_string(answer.reason)).end_object();
  }
  void on_fighting(int t, int from, int to) override {
    json_.begin_object().field("event", "fighting").field("period", t).field("from", from).field("to", to).end_object();
  }
  void on_end(const EpisodeResult& r) override {
    const Scenario& s = simulation_.scenario();
    json_.begin_object().field("event", "end").field("outcome", to_string(r.outcome)).field("period", r.period);
    json_.field("duration", r.duration).field("front", r.final_state).key("terms");
    io::write_package_json(json_, s, *r.terms);
    json_.key("payoffs").begin_object();
    for (std::size_t i = 0; i < s.parties.size(); ++i) json_.field(s.parties[i].id, r.payoffs[i]);
    json_.end_object().end_object();
  }

 private:
  const std::string& id(std::size_t party) const { return simulation_.scenario().parties[party].id; }
  io::JsonWriter& json_;
  const Simulation& simulation_;
};

int trace(std::ostream& out, const Simulation& simulation, const ScenarioOptions& options) {
  EpisodeRunner runner(simulation);
  const Scenario& s = simulation.scenario();
  if (options.format == OutputFormat::json) {
    io::JsonWriter json(out);
    json.begin_object().field("scenario", s.id).field("seed", options.seed).field("run", 0).key("events").begin_array();
    JsonNarrator narrator(json, simulation);
    (void)runner.run(options.seed, 0, 0, &narrator);
    json.end_array().end_object();
    out << "\n";
    return 0;
  }
  out << s.title << " (" << s.id << "): one episode, run 0 of seed " << options.seed
      << " (another seed shows another episode)\n";
  out << "Each party's demand is what it asks for now; fighting on is its reservation value, the most it\n"
         "would get by rejecting everything (DESIGN 1.6).\n";
  TextNarrator narrator(out, simulation);
  (void)runner.run(options.seed, 0, 0, &narrator);
  return 0;
}

// ---- progress -----------------------------------------------------------------------------

// "run 41,216 of 100,000 (41%)" on stderr, redrawn in place at most ten times a second, shown
// only on a terminal and only once a second has passed.
class ProgressLine {
 public:
  explicit ProgressLine(bool enabled) : enabled_(enabled), start_(std::chrono::steady_clock::now()) {}
  void update(std::int64_t done, std::int64_t total) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - start_ < std::chrono::seconds(1) || (drawn_ && now - last_ < std::chrono::milliseconds(100))) return;
    last_ = now;
    drawn_ = true;
    std::cerr << "\rrun " << done << " of " << total << " (" << (100 * done / total) << "%)" << std::flush;
  }
  void finish() {
    if (drawn_) std::cerr << "\r" << std::string(60, ' ') << "\r" << std::flush;
  }

 private:
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_{};
};

int run_command(const std::vector<std::string>& args) {
  ScenarioOptionsConfig config;
  config.seed = true;
  config.runs = true;
  config.threads = true;
  ScenarioCommandLine cli("run",
                          "Simulates a scenario many times: how often and when the talks settle, on what terms, "
                          "and what each party can expect (DESIGN 1.1, 2). With --trace, narrates one episode "
                          "period by period instead.",
                          config);
  bool trace_episode = false;
  cli.options().add_options()("trace", po::bool_switch(&trace_episode),
                              "narrate one episode (run 0 of --seed): the front, each side's reservation value and "
                              "demand, every offer and every answer with its reason");
  if (const auto exit_code = cli.parse(args)) return *exit_code;
  const ScenarioOptions& options = cli.values();
  if (trace_episode && options.format == OutputFormat::csv) {
    std::cerr << "parley run: --trace writes text or JSON, not CSV\n";
    return 2;
  }
  const auto scenario = cli.load_scenario();
  if (!scenario) return 1;
  std::optional<Simulation> simulation;
  try {
    simulation.emplace(*scenario);
  } catch (const std::invalid_argument& e) {
    std::cerr << "parley run: " << scenario->id << ": " << e.what() << "\n";
    return 1;
  }
  std::ostream* out = cli.output();
  if (!out) return 1;
  if (trace_episode) return trace(*out, *simulation, options);

  RunOptions run;
  run.runs = options.runs;
  run.seed = options.seed;
  run.threads = options.threads;
  ProgressLine progress(isatty(STDERR_FILENO) != 0);
  run.progress = [&](std::int64_t done, std::int64_t total) { progress.update(done, total); };
  const RunSummary summary = simulate(*simulation, run);
  progress.finish();
  switch (options.format) {
    case OutputFormat::table: write_table(*out, *simulation, summary); break;
    case OutputFormat::json: write_json(*out, *simulation, summary); break;
    case OutputFormat::csv: write_csv(*out, *simulation, summary); break;
  }
  out->flush();
  return 0;
}

const CommandRegistration run_registration{
    {"run", "simulate a scenario: outcome probabilities, durations, payoffs, settlement terms", run_command}};

}  // namespace
}  // namespace parley::cli
