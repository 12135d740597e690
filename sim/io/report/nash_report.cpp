#include "parley/io/report/nash_report.hpp"

#include <cmath>

#include "parley/io/format/number_format.hpp"
#include "parley/io/format/table_writer.hpp"
#include "parley/solve/continued_fraction.hpp"

namespace parley::io {

std::optional<std::string> simple_fraction(double x) {
  constexpr long long kMaxDenominator = 1000;
  constexpr double kTolerance = 1e-9;
  const double magnitude = std::abs(x);
  for (const Convergent& c : convergents(x, kMaxDenominator)) {
    if (std::abs(magnitude - static_cast<double>(c.p) / static_cast<double>(c.q)) <= kTolerance) {
      const std::string sign = x < 0 && c.p != 0 ? "-" : "";
      return sign + std::to_string(c.p) + (c.q == 1 ? "" : "/" + std::to_string(c.q));
    }
  }
  return std::nullopt;
}

std::array<std::string, 2> distinct_player_names(const BimatrixGame& game) {
  std::array<std::string, 2> names{game.player_name(0), game.player_name(1)};
  if (names[0] == names[1]) {
    names[0] += "_1";
    names[1] += "_2";
  }
  return names;
}

void write_probabilities_json(JsonWriter& json, const std::array<std::string, 2>& names, const MixedProfile& profile) {
  json.key("probabilities").begin_object();
  for (std::size_t p = 0; p < 2; ++p) {
    const Eigen::VectorXd& v = p == 0 ? profile.x : profile.y;
    json.key(names[p]).array(std::vector<double>(v.data(), v.data() + v.size()));
  }
  json.end_object();
}

void write_payoffs_json(JsonWriter& json, const std::array<std::string, 2>& names, const std::array<double, 2>& payoffs) {
  json.key("payoffs").begin_object();
  for (std::size_t p = 0; p < 2; ++p) json.field(names[p], payoffs[p]);
  json.end_object();
}

void write_nash_table(std::ostream& out, const NashReport& report) {
  const BimatrixGame& game = report.game;
  const auto& equilibria = report.equilibria;
  const auto names = distinct_player_names(game);
  out << (game.title().empty() ? std::string("(untitled game)") : game.title()) << ": " << names[0] << " has "
      << game.rows() << " strategies, " << names[1] << " has " << game.cols() << "\n"
      << equilibria.size() << (equilibria.size() == 1 ? " equilibrium" : " equilibria") << " ("
      << report.description << ")\n";
  if (report.verification == "exact") {
    out << "Verified exactly (rational arithmetic): every regret is 0\n";
  } else {
    out << "Verified in floating point: largest regret " << format_shortest(report.max_regret)
        << " of the incentive scale\n";
  }
  if (report.rejected_candidates > 0) {
    out << report.rejected_candidates
        << (report.rejected_candidates == 1 ? " candidate was" : " candidates were")
        << " rejected as no equilibrium: the solver pivots in floating point and misjudged this game, so it"
        << " may have equilibria this list lacks\n";
  }
  const auto fraction_or_blank = [](double v) { return simple_fraction(v).value_or(""); };
  for (std::size_t k = 0; k < equilibria.size(); ++k) {
    const MixedProfile& eq = equilibria[k];
    const NashReport::ExactValues* exact = k < report.exact.size() ? &report.exact[k] : nullptr;
    out << "\nEquilibrium " << k + 1 << "\n";
    TableWriter table({"player", "strategy", "probability", "fraction"},
                      {TableWriter::Align::left, TableWriter::Align::left, TableWriter::Align::right,
                       TableWriter::Align::right});
    for (int p = 0; p < 2; ++p) {
      const Eigen::VectorXd& probabilities = p == 0 ? eq.x : eq.y;
      for (int s = 0; s < game.num_strategies(p); ++s) {
        table.add_row({names[static_cast<std::size_t>(p)], game.strategy_labels(p)[static_cast<std::size_t>(s)],
                       format_fixed(probabilities(s), 10),
                       exact ? exact->probabilities[static_cast<std::size_t>(p)][static_cast<std::size_t>(s)]
                             : fraction_or_blank(probabilities(s))});
      }
    }
    table.write(out, "  ");
    out << "\n";
    TableWriter payoffs({"player", "payoff", "fraction"},
                        {TableWriter::Align::left, TableWriter::Align::right, TableWriter::Align::right});
    const auto values = exact ? exact->payoffs : expected_payoffs(game, eq);
    for (std::size_t p = 0; p < 2; ++p) {
      payoffs.add_row({names[p], format_fixed(values[p], 10),
                       exact ? exact->payoff_fractions[p] : fraction_or_blank(values[p])});
    }
    payoffs.write(out, "  ");
  }
  if (!report.nash_subsets || equilibria.empty()) return;
  const auto& subsets = *report.nash_subsets;
  if (subsets.size() == equilibria.size()) {
    out << "\nEvery equilibrium is isolated: no mixture of two of them is an equilibrium\n";
    return;
  }
  out << "\n" << subsets.size() << (subsets.size() == 1 ? " maximal Nash subset" : " maximal Nash subsets")
      << " (convex sets of equilibria: every mixture of one set's members is an equilibrium)\n";
  for (std::size_t k = 0; k < subsets.size(); ++k) {
    out << "  " << k + 1 << ": equilibri" << (subsets[k].size() == 1 ? "um " : "a ");
    for (std::size_t e = 0; e < subsets[k].size(); ++e) out << (e > 0 ? ", " : "") << subsets[k][e] + 1;
    out << "\n";
  }
}

void write_nash_json_opening(JsonWriter& json, const NashReport& report) {
  const BimatrixGame& game = report.game;
  const auto names = distinct_player_names(game);
  json.begin_object().field("game", game.title()).key("players").array(std::vector<std::string>(names.begin(), names.end()));
  json.key("strategies").begin_object();
  for (int p = 0; p < 2; ++p) json.key(names[static_cast<std::size_t>(p)]).array(game.strategy_labels(p));
  json.end_object().field("method", report.method);
  json.key("verification").begin_object().field("kind", report.verification).field("max_regret", report.max_regret);
  json.end_object().field("rejected_candidates", report.rejected_candidates).key("equilibria").begin_array();
}

void write_nash_json_equilibrium(JsonWriter& json, const std::array<std::string, 2>& names, const MixedProfile& eq,
                                 const std::array<double, 2>& payoffs, const NashReport::ExactValues* exact) {
  json.begin_object();
  write_probabilities_json(json, names, eq);
  write_payoffs_json(json, names, payoffs);
  if (exact) {
    // The exact values as fractions in lowest terms, for tools that compare exactly.
    json.key("fractions").begin_object();
    for (std::size_t p = 0; p < 2; ++p) json.key(names[p]).array(exact->probabilities[p]);
    json.end_object().key("payoff_fractions").begin_object();
    for (std::size_t p = 0; p < 2; ++p) json.field(names[p], exact->payoff_fractions[p]);
    json.end_object();
  }
  json.end_object();
}

void write_nash_json_closing(JsonWriter& json, const std::optional<std::vector<std::vector<int>>>& nash_subsets) {
  json.end_array().key("nash_subsets");
  if (nash_subsets) {
    json.begin_array();
    for (const std::vector<int>& subset : *nash_subsets) {
      json.begin_array();
      for (const int k : subset) json.value(k);
      json.end_array();
    }
    json.end_array();
  } else {
    json.null();
  }
  json.end_object();
}

void write_nash_json(std::ostream& out, const NashReport& report) {
  const BimatrixGame& game = report.game;
  const auto names = distinct_player_names(game);
  JsonWriter json(out);
  write_nash_json_opening(json, report);
  for (std::size_t k = 0; k < report.equilibria.size(); ++k) {
    const MixedProfile& eq = report.equilibria[k];
    const bool exact = k < report.exact.size();
    write_nash_json_equilibrium(json, names, eq, exact ? report.exact[k].payoffs : expected_payoffs(game, eq),
                                exact ? &report.exact[k] : nullptr);
  }
  write_nash_json_closing(json, report.nash_subsets);
  out << "\n";
}

}  // namespace parley::io
