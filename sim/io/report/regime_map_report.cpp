#include "parley/io/report/regime_map_report.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <string>
#include <vector>

#include "parley/io/format/json_writer.hpp"
#include "parley/io/format/number_format.hpp"
#include "parley/io/format/table_writer.hpp"
#include "parley/io/report/robustness_findings.hpp"

namespace parley::io {
namespace {

// A grid value as the user would write it.
std::string value_text(double x) { return format_shortest(x); }

// A boundary's estimate or half-width: one decimal finer than the bracket (at least 2, at most 8).
std::string bracket_text(double x, double width) {
  const int decimals = width > 0.0 ? static_cast<int>(std::ceil(-std::log10(width))) + 1 : 6;
  return format_fixed(x, std::clamp(decimals, 2, 8));
}

std::string equilibria_words(const RegimeMapReport& r, const RegimeAnswer& a) {
  return equilibrium_set_words(a.set.supports, r.labels);
}

std::string reply_words(const RegimeMapReport& r, const RegimeAnswer& a, int player, int against) {
  const auto p = static_cast<std::size_t>(player);
  return tied_reply_words(a.set.ties[p][static_cast<std::size_t>(against)], r.labels[p]);
}

}  // namespace

std::string feature_value(const RegimeMapReport& r, const RegimeFeature& f, const RegimeAnswer& a) {
  return f.equilibria ? equilibria_words(r, a) : reply_words(r, a, f.player, f.against);
}

std::string feature_name(const RegimeMapReport& r, const RegimeFeature& f) {
  if (f.equilibria) return "equilibria";
  const auto other = static_cast<std::size_t>(1 - f.player);
  return r.player_names[static_cast<std::size_t>(f.player)] + "'s best reply to " + r.player_names[other] +
         " playing " + r.labels[other][static_cast<std::size_t>(f.against)];
}

std::vector<RegimeFeature> regime_features(const RegimeMapReport& r) {
  std::vector<RegimeFeature> features{RegimeFeature{}};
  for (int p = 0; p < 2; ++p)
    for (std::size_t t = 0; t < r.labels[static_cast<std::size_t>(1 - p)].size(); ++t)
      features.push_back({false, p, static_cast<int>(t)});
  return features;
}

std::string boundary_sentence(const RegimeMapReport& r, const RegimeBoundary& b) {
  const double width = b.high - b.low;
  std::string where = " at " + r.parameter + " " + bracket_text(b.at(), width) + " ± " +
                      bracket_text(b.plus_minus(), width);
  if (!r.second_parameter.empty()) where += " when " + r.second_parameter + " = " + r.second_value;
  const std::string from = feature_value(r, b.feature, b.before);
  const std::string to = feature_value(r, b.feature, b.after);
  if (b.feature.equilibria) return "The equilibria turn from " + from + " to " + to + where + ".";
  return feature_name(r, b.feature) + " turns from " + from + " to " + to + where + ".";
}

void write_regime_map_table(std::ostream& out, const RegimeMapReport& r) {
  const RegimeMap& map = r.map;
  out << r.scenario.title << " - regime map across " << r.parameter << "\n"
      << "The meta-game at each value (common random numbers, seed " << r.seed << "; equilibrium sets at "
      << format_fixed(100.0 * r.confidence, 0) << "% confidence, ties as ties); '*' marks a change from the row above\n";
  std::vector<std::string> headers{r.parameter, "runs", "equilibria"};
  std::vector<RegimeFeature> replies;
  for (int p = 0; p < 2; ++p)
    for (std::size_t t = 0; t < r.labels[static_cast<std::size_t>(1 - p)].size(); ++t) {
      replies.push_back({false, p, static_cast<int>(t)});
      headers.push_back(r.player_ids[static_cast<std::size_t>(p)] + " vs " +
                        r.labels[static_cast<std::size_t>(1 - p)][t]);
    }
  TableWriter table(headers);
  for (std::size_t k = 0; k < map.points.size(); ++k) {
    const RegimeAnswer& a = map.points[k];
    const auto cell = [&](const RegimeFeature& f) {
      const std::string text = feature_value(r, f, a);
      return k > 0 && !same_feature(f, a, map.points[k - 1]) ? "*" + text : text;
    };
    std::vector<std::string> row{value_text(map.values[k]), std::to_string(a.runs), cell({true, 0, 0})};
    for (const RegimeFeature& f : replies) row.push_back(cell(f));
    table.add_row(std::move(row));
  }
  table.write(out, "  ");
  out << "\nBoundaries";
  if (map.tolerance > 0.0)
    out << " (located by bisection to a bracket of at most " << bracket_text(map.tolerance, map.tolerance)
        << "; the Monte Carlo resolution is the confidence of the ties: a best reply within it is a tie)";
  out << "\n";
  if (map.boundaries.empty()) out << "  None: the answer is the same at every value.\n";
  for (const RegimeBoundary& b : map.boundaries) out << "  " << boundary_sentence(r, b) << "\n";
  out << "  " << map.evaluations << " meta-games played (" << map.points.size() << " on the grid).\n";
}

namespace {

// The fields of one map's JSON object, inside an object the caller opened.
void write_regime_map_fields(JsonWriter& json, const RegimeMapReport& r) {
  const RegimeMap& map = r.map;
  json.field("scenario", r.scenario.id).field("parameter", r.parameter);
  if (!r.second_parameter.empty())
    json.field("second_parameter", r.second_parameter).field("second_value", r.second_value);
  json.field("confidence", r.confidence).field("seed", r.seed).field("tolerance", map.tolerance);
  json.field("evaluations", map.evaluations);
  json.key("players").begin_array();
  for (std::size_t p = 0; p < 2; ++p) {
    json.begin_object().field("id", r.player_ids[p]).field("name", r.player_names[p]);
    json.key("strategies").array(r.labels[p]).end_object();
  }
  json.end_array();
  json.key("points").begin_array();
  for (std::size_t k = 0; k < map.points.size(); ++k) {
    const RegimeAnswer& a = map.points[k];
    json.begin_object().field("value", map.values[k]).field("runs", a.runs);
    json.field("equilibrium_set", equilibria_words(r, a));
    json.key("equilibria").begin_array();
    for (const MetaEquilibrium& eq : a.equilibria) {
      json.begin_object();
      json.key("row").array(std::vector<double>(eq.profile.x.data(), eq.profile.x.data() + eq.profile.x.size()));
      json.key("column").array(std::vector<double>(eq.profile.y.data(), eq.profile.y.data() + eq.profile.y.size()));
      json.key("payoffs").array(std::vector<double>{eq.payoffs[0], eq.payoffs[1]}).end_object();
    }
    json.end_array();
    json.key("best_replies").begin_array();
    for (int p = 0; p < 2; ++p)
      for (std::size_t t = 0; t < a.set.ties[static_cast<std::size_t>(p)].size(); ++t)
        json.begin_object()
            .field("player", r.player_ids[static_cast<std::size_t>(p)])
            .field("against", r.labels[static_cast<std::size_t>(1 - p)][t])
            .field("reply", reply_words(r, a, p, static_cast<int>(t)))
            .end_object();
    json.end_array();
    // Welfare: the sum of the two players' expected payoffs, per profile (rows x columns).
    json.key("welfare").begin_array();
    for (Eigen::Index i = 0; i < a.payoffs[0].rows(); ++i) {
      std::vector<double> row;
      for (Eigen::Index j = 0; j < a.payoffs[0].cols(); ++j) row.push_back(a.payoffs[0](i, j) + a.payoffs[1](i, j));
      json.array(row);
    }
    json.end_array();
    // Every profile with both payoffs and their standard errors (0 when exact): what a plot of
    // payoffs against the parameter draws, with its confidence bands.
    json.key("profiles").begin_array();
    for (Eigen::Index i = 0; i < a.payoffs[0].rows(); ++i)
      for (Eigen::Index j = 0; j < a.payoffs[0].cols(); ++j) {
        const auto error = [&](std::size_t p) {
          const Eigen::MatrixXd& se = a.standard_errors[p];
          return se.rows() > i && se.cols() > j ? se(i, j) : 0.0;
        };
        json.begin_object()
            .field("row", r.labels[0][static_cast<std::size_t>(i)])
            .field("column", r.labels[1][static_cast<std::size_t>(j)]);
        json.key("payoffs").array(std::vector<double>{a.payoffs[0](i, j), a.payoffs[1](i, j)});
        json.key("std_errors").array(std::vector<double>{error(0), error(1)}).end_object();
      }
    json.end_array().end_object();
  }
  json.end_array();
  json.key("boundaries").begin_array();
  for (const RegimeBoundary& b : map.boundaries) {
    json.begin_object().field("feature", feature_name(r, b.feature));
    if (!b.feature.equilibria) {
      const auto p = static_cast<std::size_t>(b.feature.player);
      json.field("player", r.player_ids[p]).field("against", r.labels[1 - p][static_cast<std::size_t>(b.feature.against)]);
    }
    json.field("cell", static_cast<std::int64_t>(b.cell)).field("low", b.low).field("high", b.high);
    json.field("at", b.at()).field("plus_minus", b.plus_minus());
    json.field("from", feature_value(r, b.feature, b.before)).field("to", feature_value(r, b.feature, b.after));
    json.field("sentence", boundary_sentence(r, b)).end_object();
  }
  json.end_array();
}

}  // namespace

void write_regime_map_json(std::ostream& out, const RegimeMapReport& r) {
  JsonWriter json(out);
  json.begin_object();
  write_regime_map_fields(json, r);
  json.end_object();
  out << "\n";
}

std::vector<std::string> boundary_curves(const std::vector<RegimeMapReport>& maps) {
  std::vector<std::string> curves;
  if (maps.empty()) return curves;
  const RegimeMapReport& first = maps.front();
  for (const RegimeFeature& feature : regime_features(first)) {
    std::vector<std::string> places;
    bool changes = false;
    for (const RegimeMapReport& r : maps) {
      const auto b = std::find_if(r.map.boundaries.begin(), r.map.boundaries.end(),
                                  [&](const RegimeBoundary& x) { return x.feature == feature; });
      const std::string with = "with " + r.second_parameter + " = " + r.second_value + ", ";
      if (b == r.map.boundaries.end()) {
        places.push_back(with + feature_value(r, feature, r.map.points.front()) + " from " +
                         value_text(r.map.values.front()) + " to " + value_text(r.map.values.back()));
      } else {
        changes = true;
        const double width = b->high - b->low;
        places.push_back(with + (feature.equilibria ? "turn" : "turns") + " from " +
                         feature_value(r, feature, b->before) + " to " + feature_value(r, feature, b->after) + " at " +
                         bracket_text(b->at(), width) + " ± " + bracket_text(b->plus_minus(), width));
      }
    }
    if (!changes) continue;
    std::string sentence = (feature.equilibria ? std::string("The equilibria") : feature_name(first, feature)) +
                           " along " + first.parameter + ": ";
    for (std::size_t k = 0; k < places.size(); ++k) sentence += (k == 0 ? "" : "; ") + places[k];
    curves.push_back(sentence + ".");
  }
  return curves;
}

void write_regime_maps_table(std::ostream& out, const std::vector<RegimeMapReport>& maps) {
  for (const RegimeMapReport& r : maps) {
    out << "With " << r.second_parameter << " = " << r.second_value << ":\n";
    write_regime_map_table(out, r);
    out << "\n";
  }
  out << "Boundary curves (along the first parameter, at each value of the second)\n";
  const auto curves = boundary_curves(maps);
  if (curves.empty()) out << "  None: no answer changes anywhere on the grid.\n";
  for (const std::string& c : curves) out << "  " << c << "\n";
}

void write_regime_maps_json(std::ostream& out, const std::vector<RegimeMapReport>& maps) {
  JsonWriter json(out);
  json.begin_object();
  if (!maps.empty()) {
    json.field("scenario", maps.front().scenario.id);
    json.key("parameters").array(std::vector<std::string>{maps.front().parameter, maps.front().second_parameter});
  }
  json.key("curves").array(boundary_curves(maps));
  json.key("maps").begin_array();
  for (const RegimeMapReport& r : maps) {
    json.begin_object();
    write_regime_map_fields(json, r);
    json.end_object();
  }
  json.end_array().end_object();
  out << "\n";
}

}  // namespace parley::io
