#include "parley/io/report/episode_narrator.hpp"

#include "parley/engine/episode_runner.hpp"
#include "parley/io/format/json_writer.hpp"
#include "parley/io/format/number_format.hpp"
#include "parley/io/format/printable_text.hpp"
#include "parley/io/report/package_report.hpp"
#include "parley/io/report/run_report.hpp"

namespace parley::io {

namespace {

// "week" -> "Week": a period unit at the start of a sentence.
std::string capitalised(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

}  // namespace

// ---- text ---------------------------------------------------------------------------------

void EpisodeNarrator::on_talks(const NegotiationState& state, std::span<const double> aspirations) {
  const Scenario& s = simulation_.scenario();
  out_ << "\n" << capitalised(s.period_unit) << " " << state.period << ": talks";
  if (s.battlefield) out_ << ", front at " << front_text(state.front);
  out_ << "\n";
  for (const std::size_t i : simulation_.setting().veto_parties())
    out_ << "  " << s.parties[i].name << ": fighting on is worth " << format_fixed(state.reservations[i], 3)
         << ", it demands " << format_fixed(aspirations[i], 3) << "\n";
}

void EpisodeNarrator::on_pass(const NegotiationState&, std::size_t party) {
  out_ << "  " << name(party) << " makes no offer\n";
}

void EpisodeNarrator::on_offer(const NegotiationState&, const Offer& offer) {
  const Scenario& s = simulation_.scenario();
  out_ << "  " << name(offer.proposer) << " proposes:\n";
  for (const std::string& line : package_lines(s, offer.package)) out_ << "      " << line << "\n";
  out_ << "    worth";
  for (const std::size_t i : simulation_.setting().veto_parties())
    out_ << " " << s.parties[i].name << " " << format_fixed(offer.utilities[i], 3);
  out_ << "\n";
}

void EpisodeNarrator::on_answer(const NegotiationState&, std::size_t party, const Offer& offer, const Answer& answer) {
  const double u = offer.utilities[party];
  out_ << "    " << name(party) << (answer.accept ? " accepts: " : " rejects: ") << format_fixed(u, 3);
  switch (answer.reason) {
    case AnswerReason::meets_demand: out_ << " meets its demand " << format_fixed(answer.threshold, 3); break;
    case AnswerReason::below_demand: out_ << " is below its demand " << format_fixed(answer.threshold, 3); break;
    case AnswerReason::below_reservation: out_ << " is below what fighting on is worth"; break;
    case AnswerReason::not_self_enforcing: out_ << " would not be kept: a belligerent would renew the war"; break;
    case AnswerReason::crosses_red_line: out_ << " crosses one of its red lines, which it never signs"; break;
    case AnswerReason::breaks_constraint: out_ << " breaks a constraint between its terms: it cannot be signed"; break;
    case AnswerReason::waiting_pays:
      out_ << " is below what it expects from waiting, " << format_fixed(answer.threshold, 3);
      break;
  }
  out_ << "\n";
}

void EpisodeNarrator::on_fighting(int t, int from, int to) {
  const Scenario& s = simulation_.scenario();
  out_ << capitalised(s.period_unit) << " " << t << ": fighting, the front "
       << (to == from ? "holds at " + front_text(from) : "moves to " + front_text(to)) << "\n";
}

void EpisodeNarrator::on_breakdown(const PeaceBreakdown& event) {
  const Scenario& s = simulation_.scenario();
  out_ << capitalised(s.period_unit) << " " << event.period << ": ";
  if (event.renewers.empty()) {
    out_ << "the peace of " << s.period_unit << " " << event.settled_at << " breaks (hazard "
         << format_fixed(event.hazard, 3) << " a " << s.period_unit << ")";
  } else {
    for (std::size_t k = 0; k < event.renewers.size(); ++k)
      out_ << (k == 0 ? "" : k + 1 == event.renewers.size() ? " and " : ", ") << name(event.renewers[k]);
    out_ << (event.renewers.size() == 1 ? " renews" : " renew") << " the war at will"
         << (event.period == event.settled_at ? ": the peace never starts" : "");
  }
  out_ << "; war resumes from the line at " << front_text(event.line);
  if (event.advantage_shift != 0.0)
    out_ << ", " << (s.side_a() < 0 ? std::string("side A") : name(static_cast<std::size_t>(s.side_a())))
         << "'s advantage shifted by " << format_fixed(event.advantage_shift, 3);
  out_ << "\n";
}

void EpisodeNarrator::on_end(const EpisodeResult& r) {
  const Scenario& s = simulation_.scenario();
  out_ << "\n";
  if (r.breakdowns > 0) {
    out_ << "The peace broke " << r.breakdowns << (r.breakdowns == 1 ? " time" : " times") << ": "
         << r.peace_periods << " " << s.period_unit << "s of peace, " << r.duration << " of fighting.\n";
  }
  switch (r.outcome) {
    case Outcome::settled:
      out_ << "Settled in " << s.period_unit << " " << r.period << " on the offer of " << name(r.proposer)
           << (simulation_.durable() ? "; the peace holds to " + s.period_unit + " " + std::to_string(s.horizon) : "")
           << ".\n";
      break;
    case Outcome::collapse_a:
    case Outcome::collapse_b:
      out_ << "The war ends in " << s.period_unit << " " << r.period << ": "
           << collapse_label(s, r.outcome == Outcome::collapse_a) << ". Terms imposed:\n";
      for (const std::string& line : package_lines(s, *r.terms)) out_ << "      " << line << "\n";
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

std::string EpisodeNarrator::name(std::size_t party) const { return simulation_.scenario().parties[party].name; }

std::string EpisodeNarrator::front_text(int state) const {
  const Scenario& s = simulation_.scenario();
  const int n = s.battlefield->states;
  const int a = s.side_a();
  const std::string holder = a < 0 ? "side A" : s.parties[static_cast<std::size_t>(a)].name;
  return std::to_string(state) + " of " + std::to_string(n) + " (" + holder + " holds " +
         percent_text(static_cast<double>(state) / n) + ")";
}

// ---- JSON ---------------------------------------------------------------------------------

namespace {

// The events of one episode as JSON objects, written as elements of an array the caller opened.
class EpisodeEventWriter final : public EpisodeObserver {
 public:
  EpisodeEventWriter(JsonWriter& json, const Simulation& simulation) : json_(json), simulation_(simulation) {}

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
    write_package_json(json_, s, offer.package);
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
  void on_breakdown(const PeaceBreakdown& event) override {
    json_.begin_object().field("event", "breakdown").field("period", event.period);
    json_.field("settled_at", event.settled_at).field("hazard", event.hazard).key("renewers").begin_array();
    for (const std::size_t j : event.renewers) json_.value(id(j));
    json_.end_array().field("line", event.line).field("advantage_shift", event.advantage_shift).end_object();
  }
  void on_end(const EpisodeResult& r) override {
    const Scenario& s = simulation_.scenario();
    json_.begin_object().field("event", "end").field("outcome", to_string(r.outcome)).field("period", r.period);
    json_.field("duration", r.duration).field("front", r.final_state);
    if (simulation_.durable()) {  // DESIGN 1.10, only with a durability section
      json_.field("breakdowns", r.breakdowns).field("renewals", r.renewals).field("peace_periods", r.peace_periods);
    }
    json_.key("terms");
    write_package_json(json_, s, *r.terms);
    json_.key("payoffs").begin_object();
    for (std::size_t i = 0; i < s.parties.size(); ++i) json_.field(s.parties[i].id, r.payoffs[i]);
    json_.end_object().end_object();
  }

 private:
  const std::string& id(std::size_t party) const { return simulation_.scenario().parties[party].id; }

  JsonWriter& json_;
  const Simulation& simulation_;
};

}  // namespace

// ---- the trace ----------------------------------------------------------------------------

void write_episode_trace(std::ostream& out, const Simulation& simulation, std::uint64_t seed, TraceFormat format) {
  EpisodeRunner runner(simulation);
  const Scenario& s = simulation.scenario();
  if (format == TraceFormat::json) {
    JsonWriter json(out);
    json.begin_object().field("scenario", s.id).field("seed", seed).field("run", 0).key("events").begin_array();
    EpisodeEventWriter events(json, simulation);
    (void)runner.run(seed, 0, 0, &events);
    json.end_array().end_object();
    out << "\n";
    return;
  }
  out << printable_text(s.title) << " (" << printable_text(s.id) << "): one episode, run 0 of seed " << seed
      << " (another seed shows another episode)\n";
  out << "Each party's demand is what it asks for now; fighting on is its reservation value, the most it\n"
         "would get by rejecting everything (DESIGN 1.6).\n";
  EpisodeNarrator narrator(out, simulation);
  (void)runner.run(seed, 0, 0, &narrator);
}

}  // namespace parley::io
