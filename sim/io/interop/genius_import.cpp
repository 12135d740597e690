#include "parley/io/interop/genius_import.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "parley/io/format/number_format.hpp"
#include "parley/io/format/utf8_text.hpp"

namespace parley::io {

namespace {

namespace fs = std::filesystem;

/// Weights within this of summing to 1 are written as they are: the utilities are then
/// GENIUS's to rounding, and GENIUS's cap at 1 moves them by at most this much.
constexpr double weight_sum_tolerance = 1e-12;

bool is_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

/// A YAML scalar for an identifier: plain when it cannot be read as anything but a string.
std::string yaml_id(const std::string& id) {
  static const std::set<std::string> reserved{"y", "n", "yes", "no", "true", "false", "on", "off", "null"};
  if (!id.empty() && id[0] >= 'a' && id[0] <= 'z' && !reserved.count(id)) return id;
  return "\"" + id + "\"";
}

/// A double-quoted YAML string (escapes for quotes, backslashes and control characters). Text
/// that is not UTF-8 (older GENIUS files are often Latin-1) has its bytes above 0x7f written as
/// `\xNN`, which YAML reads as the Latin-1 character of that code.
std::string yaml_string(std::string_view s) {
  // The scenario loader refuses text that is not UTF-8, by the same test (utf8_text.hpp).
  const bool utf8 = !first_invalid_utf8(s);
  std::string out = "\"";
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20 || u == 0x7f || (u >= 0x80 && !utf8)) {
      static const char* hex = "0123456789abcdef";
      out += "\\x";
      out += hex[u >> 4];
      out += hex[u & 15];
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string num(double x) { return format_shortest(x); }

/// Text on one comment line (no line breaks inside a comment).
std::string one_line(std::string_view s) {
  std::string out(s);
  std::replace(out.begin(), out.end(), '\n', ' ');
  std::replace(out.begin(), out.end(), '\r', ' ');
  if (first_invalid_utf8(out))
    for (char& c : out)
      if (static_cast<unsigned char>(c) >= 0x80) c = '?';
  return out;
}

/// `text` as comment lines of at most about 100 columns, the first starting with `lead`.
std::string comment_lines(const std::string& lead, std::string_view text) {
  constexpr std::size_t width = 100;
  std::string out;
  std::string line = "# " + lead;
  std::istringstream words{std::string(one_line(text))};
  std::string word;
  bool first = true;
  while (words >> word) {
    if (!first && line.size() + 1 + word.size() > width) {
      out += line + "\n";
      line = "#   ";
      first = true;
    }
    line += (first ? "" : " ") + word;
    first = false;
  }
  return out + line + "\n";
}

/// \brief Ids made unique by appending _2, _3, ...: the first of id, id_2, id_3, ... not taken.
///
/// The next suffix to try is remembered per id, so n items with the same slug cost n steps,
/// not n^2 / 2 (every id taken stays taken, so a suffix once found taken need not be tried again).
class UniqueIds {
 public:
  /// `id` made unique; `fallback` when empty.
  std::string make(std::string id, const std::string& fallback) {
    if (id.empty()) id = fallback;
    std::string candidate = id;
    if (taken_.count(candidate)) {
      int& k = next_suffix_.try_emplace(id, 2).first->second;
      for (candidate = id + "_" + std::to_string(k); taken_.count(candidate); candidate = id + "_" + std::to_string(k))
        ++k;
    }
    taken_.insert(candidate);
    return candidate;
  }

 private:
  std::unordered_set<std::string> taken_;
  std::unordered_map<std::string, int> next_suffix_;
};

std::string stem(const std::string& path) { return fs::path(path).stem().string(); }

bool is_separator(char c) { return c == '_' || c == '-' || c == ' ' || c == '.'; }

/// The domain's name for titles and ids: the domain file's stem without a trailing
/// "domain" (`Laptop-B-domain` -> `Laptop-B`), else the stem.
std::string domain_base(const std::string& domain_stem) {
  std::string lower = domain_stem;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  const std::string suffix = "domain";
  if (lower.size() > suffix.size() + 1 && lower.ends_with(suffix) &&
      is_separator(lower[lower.size() - suffix.size() - 1])) {
    return domain_stem.substr(0, domain_stem.size() - suffix.size() - 1);
  }
  return domain_stem;
}

/// Party ids from the profiles' file stems: the part after the domain's name when every stem
/// starts with it and a separator (`Laptop-B-prof1` -> `prof1`, `Grocery_domain_sam` -> `sam`),
/// as identifiers, de-duplicated.
std::vector<std::string> party_ids(const std::string& domain_stem, const std::vector<std::string>& stems) {
  std::size_t cut = 0;
  for (const std::string& candidate : {domain_stem, domain_base(domain_stem)}) {
    const bool all = std::all_of(stems.begin(), stems.end(), [&](const std::string& s) {
      return s.size() > candidate.size() + 1 && s.compare(0, candidate.size(), candidate) == 0 &&
             is_separator(s[candidate.size()]);
    });
    if (all) {
      cut = candidate.size() + 1;
      break;
    }
  }
  std::vector<std::string> ids;
  UniqueIds taken;
  for (std::size_t i = 0; i < stems.size(); ++i) {
    const std::string rest = stems[i].substr(cut);
    ids.push_back(taken.make(genius_slug(rest), "party" + std::to_string(i + 1)));
  }
  return ids;
}

/// How one party's weights are written (see the header: exact unless the sum exceeds 1).
struct WeightPlan {
  double sum = 1.0;
  bool normalize = false;        ///< S > 1: `normalize: true`, reservation / S
  int slack_issue = -1;          ///< S < 1: the issue that takes the missing weight
  double slack_factor = 1.0;     ///< its values are multiplied by w / (w + 1 - S)
  std::vector<double> weights;   ///< as written in the YAML
};

WeightPlan plan_weights(const GeniusProfile& profile) {
  WeightPlan plan;
  plan.weights = profile.weights;
  plan.sum = profile.weight_sum();
  if (std::abs(plan.sum - 1.0) <= weight_sum_tolerance) return plan;
  if (plan.sum > 1.0) {
    plan.normalize = true;
    return plan;
  }
  const auto largest = std::max_element(plan.weights.begin(), plan.weights.end());
  plan.slack_issue = static_cast<int>(largest - plan.weights.begin());
  const double w = *largest;
  const double slack = 1.0 - plan.sum;
  plan.slack_factor = w / (w + slack);
  *largest = w + slack;
  return plan;
}

/// Breakpoints of x -> clamp(offset + slope (x - origin), 0, 1) on [lo, hi]: the ends and the
/// points in between where the line crosses 0 or 1, each with its exact value.
std::vector<std::pair<double, double>> clamped_line_points(const GeniusEvaluator& e, double lo, double hi) {
  std::vector<std::pair<double, double>> points{{lo, e.linear_value(lo)}};
  if (e.slope != 0.0) {
    std::vector<std::pair<double, double>> kinks;
    for (const double level : {0.0, 1.0}) {
      const double x = e.origin + (level - e.offset) / e.slope;
      if (x > lo && x < hi) kinks.emplace_back(x, level);
    }
    std::sort(kinks.begin(), kinks.end());
    for (const auto& k : kinks)
      if (k.first > points.back().first) points.push_back(k);
  }
  if (hi > points.back().first) points.emplace_back(hi, e.linear_value(hi));
  return points;
}

/// The description of where the scenario came from and what every choice was.
void write_origin_comment(std::ostringstream& out, const GeniusFiles& files, const GeniusDomain& domain,
                          const std::vector<GeniusProfile>& profiles, const std::vector<std::string>& ids,
                          const std::vector<WeightPlan>& plans, const GeniusImportOptions& options,
                          std::vector<std::string>& notes) {
  out << "# Imported from GENIUS XML by `parley import-genius` (docs/genius.md). Original files:\n"
      << "#   domain:  " << one_line(files.domain) << "\n";
  for (std::size_t i = 0; i < profiles.size(); ++i)
    out << "#   profile: " << one_line(files.profiles[i]) << "  -> party " << ids[i] << "\n";
  out << "# Semantics exactly as GENIUS: u(x) = sum_k w_k e_k(x_k), weights as written, a discrete issue's\n"
         "# e = evaluation / the issue's largest evaluation (an ordinal issue here: one level per item, in\n"
         "# item order, the item's value as the level's name); an integer issue is one level per integer,\n"
         "# e(v) = clamp(offset + slope (v - lowerbound), 0, 1); a real issue is continuous, e its clamped\n"
         "# line. No battlefield: disagreement gives each party its reservation value.\n"
      << "# Horizon: " << options.rounds
      << " rounds (GENIUS keeps deadlines in the tournament set-up; `--rounds N` on import to\n"
         "# change it, not `--set horizon`). GENIUS's discount factor d applies over the whole deadline\n"
         "# (u d^t, t the elapsed fraction), so each party's per-round discount is d^(1/"
      << options.rounds << ").\n";
  for (std::size_t i = 0; i < profiles.size(); ++i) {
    const WeightPlan& plan = plans[i];
    std::string note;
    if (plan.normalize) {
      note = "party " + ids[i] + ": weights sum to " + num(plan.sum) +
             " > 1; GENIUS uses them as written and caps utility at 1, which no weights summing to 1 "
             "reproduce, so `normalize: true` divides them by the sum (every utility is GENIUS's / " +
             num(plan.sum) + ") and the reservation value is divided by it too (" + num(profiles[i].reservation) +
             " -> " + num(profiles[i].reservation / plan.sum) +
             "): acceptance, the Pareto frontier, Nash and Kalai-Smorodinsky points are unchanged, sums across "
             "parties (maximum welfare) use the rescaled utilities";
    } else if (plan.slack_issue >= 0) {
      const auto& issue = domain.issues[static_cast<std::size_t>(plan.slack_issue)];
      note = "party " + ids[i] + ": weights sum to " + num(plan.sum) +
             " < 1; to keep GENIUS's utilities exactly, the missing weight " + num(1.0 - plan.sum) +
             " goes to issue '" + one_line(issue.name) + "' (weight " +
             num(profiles[i].weights[static_cast<std::size_t>(plan.slack_issue)]) + " -> " +
             num(plan.weights[static_cast<std::size_t>(plan.slack_issue)]) + ") whose values are multiplied by " +
             num(plan.slack_factor);
    }
    if (!note.empty()) {
      out << comment_lines("Adjusted: ", note + ".");
      notes.push_back(note);
    }
  }
}

}  // namespace

std::string genius_slug(std::string_view text) {
  std::string out;
  bool pending_separator = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (is_alnum(c)) {
      if (pending_separator && !out.empty()) out += '_';
      pending_separator = false;
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (c == '-' && !out.empty() && !pending_separator && is_alnum(text[i - 1]) && i + 1 < text.size() &&
               is_alnum(text[i + 1])) {
      out += '-';
    } else {
      pending_separator = true;
    }
  }
  return out;
}

GeniusImport import_genius(const GeniusFiles& files, const GeniusImportOptions& options) {
  if (options.rounds < 1)
    throw ScenarioError({{"--rounds", 0, 0, "", "the number of rounds must be at least 1"}});
  if (files.profiles.size() < 2) {
    throw ScenarioError({{files.domain, 0, 0, "",
                          "missing profiles: a negotiation needs at least two GENIUS profiles, got " +
                              std::to_string(files.profiles.size())}});
  }
  const GeniusDomain domain = read_genius_domain(files.domain);
  std::vector<GeniusProfile> profiles;
  std::vector<Diagnostic> problems;
  for (const auto& path : files.profiles) {
    try {
      profiles.push_back(read_genius_profile(path, domain));
    } catch (const ScenarioError& e) {
      problems.insert(problems.end(), e.diagnostics().begin(), e.diagnostics().end());
    }
  }
  if (!problems.empty()) throw ScenarioError(problems);

  GeniusImport result;
  const std::string domain_stem = stem(files.domain);
  const std::string base = domain_base(domain_stem);
  result.id = genius_slug(base);
  if (result.id.empty()) result.id = "genius-domain";

  std::vector<std::string> stems;
  for (const auto& p : files.profiles) stems.push_back(stem(p));
  const std::vector<std::string> ids = party_ids(domain_stem, stems);

  std::vector<WeightPlan> plans;
  for (const auto& profile : profiles) plans.push_back(plan_weights(profile));

  // Issue ids from the issues' names, level ids from the items' values.
  UniqueIds issue_taken;
  std::vector<std::string> issue_ids;
  std::vector<std::vector<std::string>> level_ids(domain.issues.size());
  for (std::size_t k = 0; k < domain.issues.size(); ++k) {
    const GeniusIssue& issue = domain.issues[k];
    issue_ids.push_back(issue_taken.make(genius_slug(issue.name), "issue" + std::to_string(k + 1)));
    UniqueIds level_taken;
    if (issue.type == GeniusIssueType::discrete) {
      for (std::size_t j = 0; j < issue.items.size(); ++j)
        level_ids[k].push_back(level_taken.make(genius_slug(issue.items[j]), "item" + std::to_string(j + 1)));
    } else if (issue.type == GeniusIssueType::integer) {
      for (long long v = issue.lower; v <= issue.upper; ++v) level_ids[k].push_back(std::to_string(v));
    }
  }

  std::ostringstream out;
  write_origin_comment(out, files, domain, profiles, ids, plans, options, result.notes);
  const std::string title = base.empty() ? domain_stem : base;
  // The objective's name, unless it is GENIUS's placeholder "root" (then the profiles' name).
  std::string display_name = domain.name == "root" ? std::string() : domain.name;
  if (display_name.empty() && profiles.front().name != "root") display_name = profiles.front().name;
  out << "\ntitle: " << yaml_string(title) << "\n";
  std::string profile_names;
  for (std::size_t i = 0; i < profiles.size(); ++i)
    profile_names += (i ? ", " : "") + fs::path(files.profiles[i]).filename().string();
  out << "description: "
      << yaml_string("GENIUS negotiation domain " + title + (display_name.empty() ? "" : " (" + display_name + ")") +
                     ", " + std::to_string(domain.issues.size()) + " issues, imported from " +
                     fs::path(files.domain).filename().string() + " with the profiles " + profile_names + ".")
      << "\n";
  out << "horizon: " << options.rounds << "\nperiod: round\n\nissues:\n";
  for (std::size_t k = 0; k < domain.issues.size(); ++k) {
    const GeniusIssue& issue = domain.issues[k];
    out << "  - id: " << yaml_id(issue_ids[k]) << "\n    name: " << yaml_string(issue.name) << "\n";
    if (issue.type == GeniusIssueType::real) {
      out << "    kind: continuous\n    range: [" << num(issue.real_lower) << ", " << num(issue.real_upper) << "]\n";
      continue;
    }
    out << "    kind: ordinal\n    levels:\n";
    for (std::size_t j = 0; j < level_ids[k].size(); ++j) {
      const std::string name = issue.type == GeniusIssueType::discrete ? issue.items[j] : level_ids[k][j];
      out << "      - {id: " << yaml_id(level_ids[k][j]) << ", name: " << yaml_string(name) << "}\n";
    }
  }

  out << "\nparties:\n";
  for (std::size_t i = 0; i < profiles.size(); ++i) {
    const GeniusProfile& profile = profiles[i];
    const WeightPlan& plan = plans[i];
    const double discount = profile.discount_factor == 1.0
                                ? 1.0
                                : std::pow(profile.discount_factor, 1.0 / static_cast<double>(options.rounds));
    const double reservation = plan.normalize ? profile.reservation / plan.sum : profile.reservation;
    out << "  - id: " << yaml_id(ids[i]) << "\n    name: " << yaml_string(stems[i]) << "\n"
        << "    role: belligerent\n    veto: true\n"
        << "    discount: " << num(discount) << "    # GENIUS discount_factor " << num(profile.discount_factor)
        << " over " << options.rounds << " rounds\n"
        << "    reservation: " << num(reservation);
    if (plan.normalize) out << "    # GENIUS reservation " << num(profile.reservation) << " / weight sum";
    out << "\n";
    if (plan.normalize) out << "    normalize: true    # GENIUS weights sum to " << num(plan.sum) << "\n";
    out << "    weights:\n";
    for (std::size_t k = 0; k < domain.issues.size(); ++k)
      out << "      " << yaml_id(issue_ids[k]) << ": " << num(plan.weights[k]) << "\n";
    out << "    values:\n";
    for (std::size_t k = 0; k < domain.issues.size(); ++k) {
      const GeniusIssue& issue = domain.issues[k];
      const GeniusEvaluator& evaluator = profile.evaluators[k];
      const double factor = static_cast<int>(k) == plan.slack_issue ? plan.slack_factor : 1.0;
      out << "      " << yaml_id(issue_ids[k]) << ": ";
      if (issue.type == GeniusIssueType::real) {
        out << "{points: [";
        const auto points = clamped_line_points(evaluator, issue.real_lower, issue.real_upper);
        for (std::size_t p = 0; p < points.size(); ++p)
          out << (p ? ", " : "") << "[" << num(points[p].first) << ", " << num(points[p].second * factor) << "]";
        out << "]}\n";
        continue;
      }
      out << "{";
      const double max = issue.type == GeniusIssueType::discrete ? evaluator.max_evaluation() : 0.0;
      for (std::size_t j = 0; j < level_ids[k].size(); ++j) {
        const double e = issue.type == GeniusIssueType::discrete
                             ? evaluator.discrete_value(j, max)
                             : evaluator.linear_value(static_cast<double>(issue.lower + static_cast<long long>(j)));
        out << (j ? ", " : "") << yaml_id(level_ids[k][j]) << ": " << num(factor == 1.0 ? e : e * factor);
      }
      out << "}\n";
    }
  }
  result.yaml = out.str();
  return result;
}

}  // namespace parley::io
