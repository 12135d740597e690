#include "parley/io/interop/genius_export.hpp"

#include <tinyxml2.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>

#include "parley/io/format/atomic_file_writer.hpp"
#include "parley/io/format/diagnostic.hpp"
#include "parley/io/format/number_format.hpp"

namespace parley::io {

namespace {

namespace fs = std::filesystem;
using tinyxml2::XMLDocument;
using tinyxml2::XMLElement;

/// How far a value function may be from a clamped line and still be written as one: the
/// breakpoints are read from text, so a line through them holds them to rounding.
constexpr double line_tolerance = 1e-12;

/// One issue of the GENIUS domain and where it comes from in the scenario.
struct ExportIssue {
  enum class Source { ordinal, grid, line, clause };
  Source source = Source::ordinal;
  std::size_t issue = 0;   ///< Parley issue index
  std::size_t clause = 0;  ///< clause index within the issue (Source::clause)
  std::string name;
  std::vector<std::string> items;  ///< discrete items (ordinal, grid, clause)
  std::vector<double> grid;        ///< Source::grid: the amounts of the items
};

/// e(x) = parameter0 + parameter1 x clamped to [0, 1]: GENIUS's linear real evaluator.
struct ClampedLine {
  double parameter0 = 0.0;
  double parameter1 = 0.0;
};

/// The clamped line equal to `curve` on [lo, hi], if there is one (see the header).
std::optional<ClampedLine> as_clamped_line(const PiecewiseLinear& curve, double lo, double hi) {
  std::vector<std::pair<double, double>> pts = curve.points();
  if (pts.empty()) return std::nullopt;
  // The curve is constant beyond its ends; only [lo, hi] matters.
  if (pts.front().first > lo) pts.insert(pts.begin(), {lo, pts.front().second});
  if (pts.back().first < hi) pts.emplace_back(hi, pts.back().second);
  const auto flat = [&](std::size_t s) { return std::abs(pts[s + 1].second - pts[s].second) <= line_tolerance; };
  std::size_t first = pts.size();
  std::size_t last = 0;
  for (std::size_t s = 0; s + 1 < pts.size(); ++s) {
    if (!flat(s)) {
      first = std::min(first, s);
      last = s;
    }
  }
  if (first == pts.size()) return ClampedLine{pts.front().second, 0.0};
  const auto [xa, va] = pts[first];
  const auto [xb, vb] = pts[last + 1];
  ClampedLine line;
  line.parameter1 = (vb - va) / (xb - xa);
  line.parameter0 = va - line.parameter1 * xa;
  for (std::size_t j = first; j <= last + 1; ++j)
    if (std::abs(line.parameter0 + line.parameter1 * pts[j].first - pts[j].second) > line_tolerance) return std::nullopt;
  // Flat stretches outside the line are the clamp: at 0 where the line is below, at 1 above.
  const bool rising = line.parameter1 > 0.0;
  if (first > 0) {
    const bool ok = (std::abs(va) <= line_tolerance && rising) || (std::abs(va - 1.0) <= line_tolerance && !rising);
    if (!ok) return std::nullopt;
  }
  if (last + 2 < pts.size()) {
    const bool ok = (std::abs(vb - 1.0) <= line_tolerance && rising) || (std::abs(vb) <= line_tolerance && !rising);
    if (!ok) return std::nullopt;
  }
  return line;
}

std::string safe_comment(std::string text) {
  // "--" may not appear inside an XML comment.
  for (std::size_t p = text.find("--"); p != std::string::npos; p = text.find("--", p)) text.replace(p, 2, "- -");
  return " " + text + " ";
}

std::string print(XMLDocument& document) {
  tinyxml2::XMLPrinter printer;
  document.Print(&printer);
  return printer.CStr();
}

/// The `<objective>` element that holds the issues, as the domain and every profile write it,
/// appended to `space`.
XMLElement* objective_element(XMLDocument& doc, XMLElement* space, const std::string& title) {
  XMLElement* objective = doc.NewElement("objective");
  objective->SetAttribute("index", 0);
  objective->SetAttribute("description", "");
  objective->SetAttribute("name", title.c_str());
  objective->SetAttribute("type", "objective");
  objective->SetAttribute("etype", "objective");
  space->InsertEndChild(objective);
  return objective;
}

/// GENIUS issue `index` (0-based) as the domain and every profile write it: a real issue with
/// its `<range>`, or a discrete one, items still to add.
XMLElement* issue_element(XMLDocument& doc, const Scenario& scenario, const ExportIssue& g, std::size_t index) {
  XMLElement* e = doc.NewElement("issue");
  const char* type = g.source == ExportIssue::Source::line ? "real" : "discrete";
  e->SetAttribute("index", static_cast<int>(index + 1));
  e->SetAttribute("name", g.name.c_str());
  e->SetAttribute("etype", type);
  e->SetAttribute("type", type);
  e->SetAttribute("vtype", type);
  if (g.source == ExportIssue::Source::line) {
    XMLElement* range = doc.NewElement("range");
    range->SetAttribute("lowerbound", format_shortest(scenario.issues[g.issue].lo).c_str());
    range->SetAttribute("upperbound", format_shortest(scenario.issues[g.issue].hi).c_str());
    e->InsertEndChild(range);
  }
  return e;
}

}  // namespace

GeniusExport export_genius(const Scenario& scenario, const GeniusExportOptions& options) {
  const std::string source = options.source.empty() ? scenario.id : options.source;
  std::vector<Diagnostic> problems;
  const auto error = [&](const std::string& path, const std::string& message) {
    problems.push_back({source, 0, 0, path, message});
  };
  if (scenario.battlefield && !options.ignore_battlefield) {
    error("battlefield",
          "GENIUS has no battlefield (its disagreement outcome is the reservation value); "
          "`--ignore-battlefield` exports the issues, preferences, reservation values and discounts without it");
  }
  const std::vector<std::size_t> veto = scenario.veto_parties();
  for (const std::size_t i : veto) {
    if (scenario.parties[i].cost > 0.0 && !options.ignore_battlefield) {
      error("parties[" + std::to_string(i) + "].cost",
            "GENIUS has no cost per round; `--ignore-battlefield` exports without the costs of fighting");
    }
  }

  // The GENIUS issues.
  std::vector<ExportIssue> genius_issues;
  for (std::size_t k = 0; k < scenario.issues.size(); ++k) {
    const Issue& issue = scenario.issues[k];
    const std::string name = issue.name.empty() ? issue.id : issue.name;
    if (issue.kind == IssueKind::ordinal) {
      ExportIssue g{ExportIssue::Source::ordinal, k, 0, name, {}, {}};
      std::vector<std::string> names = issue.level_names.size() == issue.levels.size() ? issue.level_names : issue.levels;
      std::vector<std::string> sorted = names;
      std::sort(sorted.begin(), sorted.end());
      g.items = std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end() ? names : issue.levels;
      genius_issues.push_back(std::move(g));
    } else if (issue.kind == IssueKind::continuous && issue.steps) {
      ExportIssue g{ExportIssue::Source::grid, k, 0, name, {}, {}};
      for (int j = 0; j <= *issue.steps; ++j) {
        const double x = issue.lo + j * (issue.hi - issue.lo) / *issue.steps;
        g.grid.push_back(x);
        g.items.push_back(format_shortest(x));
      }
      genius_issues.push_back(std::move(g));
    } else if (issue.kind == IssueKind::continuous) {
      genius_issues.push_back({ExportIssue::Source::line, k, 0, name, {}, {}});
    } else {
      for (std::size_t c = 0; c < issue.clauses.size(); ++c) {
        const Clause& clause = issue.clauses[c];
        genius_issues.push_back({ExportIssue::Source::clause, k, c, clause.text.empty() ? clause.id : clause.text,
                                 {"excluded", "included"}, {}});
      }
    }
  }

  // Every veto party's weights and evaluations, GENIUS issue by GENIUS issue.
  struct PartyColumns {
    std::vector<double> weights;
    std::vector<std::vector<double>> evaluations;  ///< discrete issues
    std::vector<ClampedLine> lines;                ///< real issues
  };
  std::vector<PartyColumns> columns(veto.size());
  for (std::size_t v = 0; v < veto.size(); ++v) {
    const Party& party = scenario.parties[veto[v]];
    PartyColumns& col = columns[v];
    col.weights.resize(genius_issues.size(), 0.0);
    col.evaluations.resize(genius_issues.size());
    col.lines.resize(genius_issues.size());
    for (std::size_t g = 0; g < genius_issues.size(); ++g) {
      const ExportIssue& gi = genius_issues[g];
      const Issue& issue = scenario.issues[gi.issue];
      const IssueValuation& valuation = party.values[gi.issue];
      const double w = party.weights[gi.issue];
      // An issue the party does not weigh: weight 0 and evaluations GENIUS accepts (not all 0).
      const auto indifferent = [&] {
        col.weights[g] = 0.0;
        col.lines[g] = ClampedLine{1.0, 0.0};
        col.evaluations[g].assign(gi.items.size(), 1.0);
      };
      if (w == 0.0) {
        indifferent();
        continue;
      }
      if (gi.source == ExportIssue::Source::line) {
        const auto line = as_clamped_line(valuation.curve, issue.lo, issue.hi);
        if (!line) {
          if (w > 0.0) {
            error("parties[" + std::to_string(veto[v]) + "].values." + issue.id,
                  "GENIUS real issues take linear evaluators only, and this value function has a kink that is not "
                  "a clamp at 0 or 1; give issue '" + issue.id + "' `steps` to export it as a discrete grid");
          }
          indifferent();
          continue;
        }
        if (line->parameter0 + line->parameter1 * issue.lo <= 0.0 && line->parameter0 + line->parameter1 * issue.hi <= 0.0) {
          indifferent();  // v = 0 on the whole range
          continue;
        }
        col.lines[g] = *line;
        col.weights[g] = w;
        continue;
      }
      std::vector<double> values;
      if (gi.source == ExportIssue::Source::ordinal) {
        values = valuation.level_values;
      } else if (gi.source == ExportIssue::Source::grid) {
        for (const double x : gi.grid) values.push_back(valuation.curve(x));
      } else {
        // Clause c alone: |a_c| / (max - min) of the issue's value, on the side the party prefers.
        const double a = gi.clause < valuation.clause_values.size() ? valuation.clause_values[gi.clause] : 0.0;
        const double range = valuation.clause_max - valuation.clause_min;
        if (range <= 0.0 || a == 0.0) {
          indifferent();
          continue;
        }
        col.evaluations[g] = a > 0.0 ? std::vector<double>{0.0, 1.0} : std::vector<double>{1.0, 0.0};
        col.weights[g] = w * std::abs(a) / range;
        continue;
      }
      // GENIUS divides by the largest evaluation: write v / m with weight w m.
      const double m = values.empty() ? 0.0 : *std::max_element(values.begin(), values.end());
      if (m <= 0.0 || values.size() != gi.items.size()) {
        indifferent();
        continue;
      }
      for (double& x : values) x /= m;
      col.evaluations[g] = std::move(values);
      col.weights[g] = w * m;
    }
  }
  if (!problems.empty()) throw ScenarioError(problems);

  // Comments: where the files come from and what they leave out.
  std::string about = "Exported by `parley export-genius` from the Parley scenario '" + scenario.id + "' (" +
                      scenario.title + "), docs/genius.md. Horizon " + std::to_string(scenario.horizon) + " " +
                      scenario.period_unit + "s: each discount_factor is the per-period discount to the power " +
                      std::to_string(scenario.horizon) + " (GENIUS discounts over the whole deadline); import with `--rounds " +
                      std::to_string(scenario.horizon) + "` to get it back.";
  if (scenario.battlefield) about += " The battlefield and the costs of fighting were dropped (--ignore-battlefield).";
  if (veto.size() < scenario.parties.size()) about += " Parties without veto are not written (GENIUS profiles are negotiators).";
  std::string mapping = "Issues:";
  for (std::size_t g = 0; g < genius_issues.size(); ++g) {
    const ExportIssue& gi = genius_issues[g];
    const Issue& issue = scenario.issues[gi.issue];
    mapping += " " + std::to_string(g + 1) + " = ";
    switch (gi.source) {
      case ExportIssue::Source::ordinal: mapping += issue.id + " (ordinal);"; break;
      case ExportIssue::Source::grid: mapping += issue.id + " (continuous, its grid of " + std::to_string(*issue.steps + 1) + " amounts);"; break;
      case ExportIssue::Source::line: mapping += issue.id + " (continuous, linear evaluators);"; break;
      case ExportIssue::Source::clause:
        mapping += "clause " + issue.clauses[gi.clause].id + " of " + issue.id + ";";
        break;
    }
  }
  mapping += " A clause issue is exact: a clause's share of its issue's value is |a_c| / (max - min), on the side the party prefers.";

  GeniusExport result;
  {
    XMLDocument doc;
    doc.InsertEndChild(doc.NewDeclaration());
    doc.InsertEndChild(doc.NewComment(safe_comment(about).c_str()));
    doc.InsertEndChild(doc.NewComment(safe_comment(mapping).c_str()));
    XMLElement* root = doc.NewElement("negotiation_template");
    doc.InsertEndChild(root);
    XMLElement* space = doc.NewElement("utility_space");
    space->SetAttribute("number_of_issues", static_cast<int>(genius_issues.size()));
    root->InsertEndChild(space);
    XMLElement* objective = objective_element(doc, space, scenario.title);
    for (std::size_t g = 0; g < genius_issues.size(); ++g) {
      const ExportIssue& gi = genius_issues[g];
      XMLElement* e = issue_element(doc, scenario, gi, g);
      for (std::size_t j = 0; j < gi.items.size(); ++j) {
        XMLElement* item = doc.NewElement("item");
        item->SetAttribute("index", static_cast<int>(j + 1));
        item->SetAttribute("value", gi.items[j].c_str());
        item->SetAttribute("cost", "0");
        item->SetAttribute("description", gi.items[j].c_str());
        e->InsertEndChild(item);
      }
      objective->InsertEndChild(e);
    }
    result.domain_xml = print(doc);
  }

  for (std::size_t v = 0; v < veto.size(); ++v) {
    const Party& party = scenario.parties[veto[v]];
    const PartyColumns& col = columns[v];
    XMLDocument doc;
    doc.InsertEndChild(doc.NewDeclaration());
    doc.InsertEndChild(doc.NewComment(
        safe_comment("Profile of party '" + party.id + "' (" + party.name + "). " + about).c_str()));
    XMLElement* space = doc.NewElement("utility_space");
    doc.InsertEndChild(space);
    XMLElement* objective = objective_element(doc, space, scenario.title);
    for (std::size_t g = 0; g < genius_issues.size(); ++g) {
      const ExportIssue& gi = genius_issues[g];
      XMLElement* e = issue_element(doc, scenario, gi, g);
      if (gi.source == ExportIssue::Source::line) {
        XMLElement* evaluator = doc.NewElement("evaluator");
        evaluator->SetAttribute("ftype", "linear");
        evaluator->SetAttribute("parameter0", format_shortest(col.lines[g].parameter0).c_str());
        evaluator->SetAttribute("parameter1", format_shortest(col.lines[g].parameter1).c_str());
        e->InsertEndChild(evaluator);
      }
      for (std::size_t j = 0; j < gi.items.size(); ++j) {
        XMLElement* item = doc.NewElement("item");
        item->SetAttribute("index", static_cast<int>(j + 1));
        item->SetAttribute("value", gi.items[j].c_str());
        item->SetAttribute("evaluation", format_shortest(col.evaluations[g][j]).c_str());
        e->InsertEndChild(item);
      }
      objective->InsertEndChild(e);
    }
    for (std::size_t g = 0; g < genius_issues.size(); ++g) {
      XMLElement* w = doc.NewElement("weight");
      w->SetAttribute("index", static_cast<int>(g + 1));
      w->SetAttribute("value", format_shortest(col.weights[g]).c_str());
      objective->InsertEndChild(w);
    }
    XMLElement* discount = doc.NewElement("discount_factor");
    discount->SetAttribute("value",
                           format_shortest(std::pow(party.discount, static_cast<double>(scenario.horizon))).c_str());
    space->InsertEndChild(discount);
    XMLElement* reservation = doc.NewElement("reservation");
    reservation->SetAttribute("value", format_shortest(party.reservation).c_str());
    space->InsertEndChild(reservation);
    result.profiles.emplace_back(party.id, print(doc));
  }
  return result;
}

std::vector<std::string> write_genius_files(const Scenario& scenario, const std::string& folder,
                                            const GeniusExportOptions& options) {
  const GeniusExport files = export_genius(scenario, options);
  const std::string base = scenario.id.empty() ? std::string("scenario") : scenario.id;
  for (const auto& profile : files.profiles) {
    if (profile.first == "domain") {
      throw ScenarioError({{options.source.empty() ? base : options.source, 0, 0, "parties",
                            "a veto party with id 'domain' would be written over the domain file " + base +
                                "_domain.xml; rename it"}});
    }
  }
  std::error_code ec;
  fs::create_directories(folder, ec);
  if (ec) throw ScenarioError({{folder, 0, 0, "", "cannot create the folder: " + ec.message()}});
  std::vector<std::pair<std::string, const std::string*>> outputs;
  outputs.emplace_back((fs::path(folder) / (base + "_domain.xml")).string(), &files.domain_xml);
  for (const auto& [party, xml] : files.profiles)
    outputs.emplace_back((fs::path(folder) / (base + "_" + party + ".xml")).string(), &xml);
  // Every file is written to its temporary first and the files replaced only then, each whole
  // (AtomicFileWriter): a failure leaves no partial file, and none replaced if it is in writing.
  std::vector<std::unique_ptr<AtomicFileWriter>> writers;
  std::vector<std::string> written;
  try {
    for (const auto& [path, text] : outputs) {
      writers.push_back(std::make_unique<AtomicFileWriter>(path));
      writers.back()->stream() << *text;
    }
    for (std::size_t k = 0; k < writers.size(); ++k) {
      writers[k]->commit();
      written.push_back(outputs[k].first);
    }
  } catch (const FileWriteError& e) {
    throw ScenarioError({{folder, 0, 0, "", e.what()}});
  }
  return written;
}

}  // namespace parley::io
