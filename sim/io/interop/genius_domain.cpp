#include "parley/io/interop/genius_domain.hpp"

#include <tinyxml2.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <cstdint>
#include <optional>
#include <set>
#include <sstream>
#include <unordered_map>

namespace parley::io {

namespace {

namespace fs = std::filesystem;
using tinyxml2::XMLDocument;
using tinyxml2::XMLElement;

/// GENIUS's EvaluatorDiscrete returns 0 for every item when the largest evaluation is below
/// this; such an issue carries no preference and is rejected as "all evaluations zero".
constexpr double genius_zero_evaluation = 1e-5;

/// The most integer values an integer issue may have: each becomes an ordinal level.
constexpr unsigned long long max_integer_levels = 10000;

/// Collects the diagnostics of one file, each located at an element.
class Reporter {
 public:
  explicit Reporter(std::string file) : file_(std::move(file)) {}
  void error(const XMLElement* at, const std::string& path, const std::string& message) {
    diagnostics_.push_back({file_, at ? at->GetLineNum() : 0, 0, path, message});
  }
  void error(int line, const std::string& path, const std::string& message) {
    diagnostics_.push_back({file_, line, 0, path, message});
  }
  [[nodiscard]] bool ok() const { return diagnostics_.empty(); }
  void throw_if_any() const {
    if (!diagnostics_.empty()) throw ScenarioError(diagnostics_);
  }
  [[nodiscard]] const std::string& file() const { return file_; }

 private:
  std::string file_;
  std::vector<Diagnostic> diagnostics_;
};

/// The refusal of a file (or text) of `bytes` bytes, over max_genius_file_bytes.
ScenarioError too_large(const std::string& source, std::uint64_t bytes) {
  return ScenarioError({{source, 0, 0, "",
                         "the file is " + std::to_string(bytes) + " bytes, more than the limit of " +
                             std::to_string(max_genius_file_bytes) + " bytes (64 MiB) for a GENIUS file "
                             "(max_genius_file_bytes)"}});
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ScenarioError({{path, 0, 0, "", "cannot read the file"}});
  // Checked before anything is read or parsed.
  std::error_code error;
  const auto bytes = fs::file_size(path, error);
  if (!error && bytes > max_genius_file_bytes) throw too_large(path, bytes);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// Parses XML text with tinyxml2; a syntax error is a diagnostic at tinyxml2's line.
void parse_xml(XMLDocument& document, std::string_view xml, const std::string& source) {
  if (xml.size() > max_genius_file_bytes) throw too_large(source, xml.size());
  document.Parse(xml.data(), xml.size());
  if (document.Error()) {
    throw ScenarioError(
        {{source, document.ErrorLineNum(), 0, "", std::string("malformed XML: ") + document.ErrorStr()}});
  }
  if (!document.RootElement()) throw ScenarioError({{source, 0, 0, "", "malformed XML: no root element"}});
}

std::string quoted(const std::string& s) { return "'" + s + "'"; }

std::string issue_path(int index) { return "objective/issue[index=" + std::to_string(index) + "]"; }

/// The attribute's text; nullptr if it is missing (reported when `required`).
const char* attribute_text(const XMLElement* e, const char* name, const std::string& path, Reporter& report,
                           bool required) {
  const char* text = e->Attribute(name);
  if (!text && required) report.error(e, path, std::string("missing attribute '") + name + "'");
  return text;
}

/// The attribute as a finite double; nullopt (with a diagnostic) if missing or not a number.
std::optional<double> number_attribute(const XMLElement* e, const char* name, const std::string& path,
                                       Reporter& report, bool required = true) {
  const char* text = attribute_text(e, name, path, report, required);
  if (!text) return std::nullopt;
  double x = 0.0;
  if (e->QueryDoubleAttribute(name, &x) != tinyxml2::XML_SUCCESS || !std::isfinite(x)) {
    report.error(e, path, std::string("attribute ") + name + "=\"" + text + "\" is not a number");
    return std::nullopt;
  }
  return x;
}

/// The attribute as an integer; nullopt (with a diagnostic) if missing or not an integer.
std::optional<long long> integer_attribute(const XMLElement* e, const char* name, const std::string& path,
                                           Reporter& report, bool required = true) {
  const char* text = attribute_text(e, name, path, report, required);
  if (!text) return std::nullopt;
  int64_t x = 0;
  if (e->QueryInt64Attribute(name, &x) != tinyxml2::XML_SUCCESS) {
    report.error(e, path, std::string("attribute ") + name + "=\"" + text + "\" is not an integer");
    return std::nullopt;
  }
  return static_cast<long long>(x);
}

/// How many integers lie in [lower, upper], lower <= upper, without overflow: upper - lower
/// wraps for bounds far apart (upperbound 2^63 - 1 and a negative lowerbound), so it is taken in
/// unsigned arithmetic, where it is exact; the full range of long long holds 2^64 values, one
/// more than unsigned long long can, and is counted as its maximum.
unsigned long long integer_value_count(long long lower, long long upper) {
  const unsigned long long width = static_cast<unsigned long long>(upper) - static_cast<unsigned long long>(lower);
  return width == std::numeric_limits<unsigned long long>::max() ? width : width + 1;
}

/// The count in words: the full range of long long is 2^64 values, one beyond the count's type.
std::string values_text(unsigned long long values) {
  return values == std::numeric_limits<unsigned long long>::max() ? "2^64" : std::to_string(values);
}

/// GENIUS reads the type from `type`, older files from `vtype`; discrete when neither is given.
std::optional<GeniusIssueType> issue_type(const XMLElement* e, const std::string& path, Reporter& report) {
  const char* type = e->Attribute("type");
  if (!type) type = e->Attribute("vtype");
  if (!type) return GeniusIssueType::discrete;
  const std::string t = type;
  if (t == "discrete") return GeniusIssueType::discrete;
  if (t == "integer") return GeniusIssueType::integer;
  if (t == "real") return GeniusIssueType::real;
  report.error(e, path, "unknown issue type '" + t + "' (GENIUS issues are discrete, integer or real)");
  return std::nullopt;
}

/// The issue elements under an objective in the order GENIUS's loader builds the tree: the
/// objective's issues, then those of its sub-objectives, recursively (preorder).
void collect_issues(const XMLElement* objective, std::vector<const XMLElement*>& issues,
                    std::vector<const XMLElement*>& objectives) {
  objectives.push_back(objective);
  for (const XMLElement* e = objective->FirstChildElement("issue"); e; e = e->NextSiblingElement("issue"))
    issues.push_back(e);
  for (const XMLElement* e = objective->FirstChildElement("objective"); e; e = e->NextSiblingElement("objective"))
    collect_issues(e, issues, objectives);
}

/// A utility space's objective tree, as the domain and the profile readers both need it.
struct ObjectiveTree {
  const XMLElement* objective = nullptr;       ///< the top <objective>
  std::string name;                            ///< its name attribute, if any
  std::vector<const XMLElement*> issues;       ///< in GENIUS's order (collect_issues)
  std::vector<const XMLElement*> objectives;   ///< the top objective and its sub-objectives
  std::set<int> objective_indices;             ///< the index attributes the objectives take
};

/// The objective tree under `space`; a space without an <objective> is reported and thrown
/// (`file`, "domain" or "profile", names what has no issues).
ObjectiveTree read_objective_tree(const XMLElement* space, const std::string& file, Reporter& report) {
  ObjectiveTree tree;
  tree.objective = space->FirstChildElement("objective");
  if (!tree.objective) {
    report.error(space, "utility_space", "no <objective> element: the " + file + " has no issues");
    report.throw_if_any();
  }
  if (const char* name = tree.objective->Attribute("name")) tree.name = name;
  collect_issues(tree.objective, tree.issues, tree.objectives);
  for (const XMLElement* o : tree.objectives) {
    int index = 0;
    if (o->QueryIntAttribute("index", &index) == tinyxml2::XML_SUCCESS) tree.objective_indices.insert(index);
  }
  return tree;
}

bool has_weights(const XMLElement* root) {
  // A profile holds <weight> elements under its objectives; a domain has none.
  std::vector<const XMLElement*> stack{root};
  while (!stack.empty()) {
    const XMLElement* e = stack.back();
    stack.pop_back();
    if (std::string_view(e->Name()) == "weight") return true;
    for (const XMLElement* c = e->FirstChildElement(); c; c = c->NextSiblingElement()) stack.push_back(c);
  }
  return false;
}

/// Integer bounds: attributes of the issue (GENIUS since 2014), else of its <range> child.
void read_integer_bounds(const XMLElement* e, const std::string& path, Reporter& report,
                         std::optional<long long>& lower, std::optional<long long>& upper) {
  const XMLElement* holder = e;
  if (!e->Attribute("lowerbound") && !e->Attribute("upperbound")) {
    if (const XMLElement* range = e->FirstChildElement("range")) holder = range;
  }
  lower = integer_attribute(holder, "lowerbound", path, report);
  upper = integer_attribute(holder, "upperbound", path, report);
}

}  // namespace

const char* to_string(GeniusIssueType type) {
  switch (type) {
    case GeniusIssueType::discrete: return "discrete";
    case GeniusIssueType::integer: return "integer";
    case GeniusIssueType::real: return "real";
  }
  return "discrete";
}

std::size_t GeniusIssue::size() const {
  switch (type) {
    case GeniusIssueType::discrete: return items.size();
    case GeniusIssueType::integer: return static_cast<std::size_t>(upper - lower + 1);
    case GeniusIssueType::real: return 0;
  }
  return 0;
}

int GeniusDomain::position(int index) const {
  for (std::size_t k = 0; k < issues.size(); ++k)
    if (issues[k].index == index) return static_cast<int>(k);
  return -1;
}

double GeniusDomain::outcome_count() const {
  double n = 1.0;
  for (const auto& issue : issues) n *= static_cast<double>(issue.size());
  return n;
}

double GeniusEvaluator::max_evaluation() const {
  return evaluations.empty() ? 0.0 : *std::max_element(evaluations.begin(), evaluations.end());
}

double GeniusEvaluator::discrete_value(std::size_t item) const { return discrete_value(item, max_evaluation()); }

double GeniusEvaluator::discrete_value(std::size_t item, double max) const {
  if (max < genius_zero_evaluation) return 0.0;
  return evaluations[item] / max;
}

double GeniusEvaluator::linear_value(double x) const {
  const double e = offset + slope * (x - origin);
  return std::clamp(e, 0.0, 1.0);
}

double GeniusProfile::weight_sum() const {
  double s = 0.0;
  for (double w : weights) s += w;
  return s;
}

GeniusDomain parse_genius_domain(std::string_view xml, const std::string& source) {
  XMLDocument document;
  parse_xml(document, xml, source);
  Reporter report(source);
  const XMLElement* root = document.RootElement();
  const std::string root_name = root->Name();
  const XMLElement* space = nullptr;
  if (root_name == "negotiation_template") {
    space = root->FirstChildElement("utility_space");
    if (!space) report.error(root, "negotiation_template", "no <utility_space> element");
  } else if (root_name == "utility_space") {
    if (has_weights(root)) {
      report.error(root, "utility_space",
                   "this is a GENIUS profile (it has weights), not a domain: the domain file's root element is "
                   "<negotiation_template>");
    } else {
      space = root;
    }
  } else {
    report.error(root, root_name,
                 "not a GENIUS domain: the root element is <" + root_name + ">, expected <negotiation_template>");
  }
  report.throw_if_any();

  GeniusDomain domain;
  domain.path = source;
  const ObjectiveTree tree = read_objective_tree(space, "domain", report);
  domain.name = tree.name;
  if (tree.issues.empty()) report.error(tree.objective, "objective", "the domain has no <issue>");

  // Issue indices must differ from each other and from the objectives' indices.
  std::set<int> indices = tree.objective_indices;
  std::size_t position = 0;
  for (const XMLElement* e : tree.issues) {
    ++position;
    GeniusIssue issue;
    issue.line = e->GetLineNum();
    std::string path = "objective/issue[" + std::to_string(position) + "]";
    const auto index = integer_attribute(e, "index", path, report);
    if (index) {
      issue.index = static_cast<int>(*index);
      path = issue_path(issue.index);
      if (!indices.insert(issue.index).second)
        report.error(e, path, "duplicate index " + std::to_string(issue.index) + " (indices identify issues)");
    }
    if (const char* name = attribute_text(e, "name", path, report, true)) issue.name = name;
    const auto type = issue_type(e, path, report);
    if (!type) continue;
    issue.type = *type;
    switch (issue.type) {
      case GeniusIssueType::discrete: {
        std::size_t item_count = 0;
        for (const XMLElement* item = e->FirstChildElement("item"); item; item = item->NextSiblingElement("item"))
          ++item_count;
        if (item_count > max_genius_levels) {
          report.error(e, path, "discrete issue with " + std::to_string(item_count) +
                                    " items, more than the limit of " + std::to_string(max_genius_levels) +
                                    " (max_genius_levels): each item becomes a level of the imported scenario");
          break;
        }
        std::set<std::string_view> seen;
        issue.items.reserve(item_count);
        int item_position = 0;
        for (const XMLElement* item = e->FirstChildElement("item"); item; item = item->NextSiblingElement("item")) {
          ++item_position;
          const std::string item_path = path + "/item[" + std::to_string(item_position) + "]";
          const char* value = attribute_text(item, "value", item_path, report, true);
          if (!value) continue;
          if (!seen.insert(value).second)
            report.error(item, item_path, "duplicate item value " + quoted(value));
          issue.items.emplace_back(value);
        }
        if (item_position == 0) report.error(e, path, "a discrete issue needs at least one <item>");
        break;
      }
      case GeniusIssueType::integer: {
        std::optional<long long> lower;
        std::optional<long long> upper;
        read_integer_bounds(e, path, report, lower, upper);
        if (lower && upper) {
          issue.lower = *lower;
          issue.upper = *upper;
          if (*lower > *upper) {
            report.error(e, path, "lowerbound " + std::to_string(*lower) + " exceeds upperbound " +
                                      std::to_string(*upper));
          } else if (const auto values = integer_value_count(*lower, *upper); values > max_integer_levels) {
            report.error(e, path,
                         "integer issue with " + values_text(values) +
                             " values: Parley imports an integer issue as one ordinal level per value, at most " +
                             std::to_string(max_integer_levels));
          }
        }
        break;
      }
      case GeniusIssueType::real: {
        const XMLElement* range = e->FirstChildElement("range");
        if (!range) {
          report.error(e, path, "a real issue needs a <range lowerbound=... upperbound=...> element");
          break;
        }
        const auto lower = number_attribute(range, "lowerbound", path + "/range", report);
        const auto upper = number_attribute(range, "upperbound", path + "/range", report);
        if (lower && upper) {
          issue.real_lower = *lower;
          issue.real_upper = *upper;
          if (!(*lower < *upper)) report.error(range, path + "/range", "lowerbound must be below upperbound");
        }
        break;
      }
    }
    domain.issues.push_back(std::move(issue));
  }
  report.throw_if_any();
  // The levels of all issues together, under the same limit as one issue's: the imported
  // scenario holds each (max_genius_levels in genius_domain.hpp says why the limit is there).
  unsigned long long total_levels = 0;
  for (const GeniusIssue& issue : domain.issues) {
    if (issue.type == GeniusIssueType::discrete) total_levels += issue.items.size();
    if (issue.type == GeniusIssueType::integer) total_levels += integer_value_count(issue.lower, issue.upper);
  }
  if (total_levels > max_genius_levels) {
    report.error(tree.objective, "objective",
                 "the issues have " + std::to_string(total_levels) + " items and integer values together, more " +
                     "than the limit of " + std::to_string(max_genius_levels) +
                     " (max_genius_levels): each becomes a level of the imported scenario");
  }
  report.throw_if_any();
  return domain;
}

GeniusDomain read_genius_domain(const std::string& path) { return parse_genius_domain(read_text(path), path); }

namespace {

/// Reads the evaluator of a discrete issue: every domain item's evaluation, by value. Items are
/// found by value through a hash index of the domain's items, so a profile of n items is read
/// in time linear in n (a linear search per item took minutes for 2 x 100,000 items).
void read_discrete_evaluator(const XMLElement* e, const std::string& path, const GeniusIssue& issue,
                             GeniusEvaluator& evaluator, Reporter& report) {
  std::size_t item_count = 0;
  for (const XMLElement* item = e->FirstChildElement("item"); item; item = item->NextSiblingElement("item"))
    ++item_count;
  if (item_count > max_genius_levels) {
    report.error(e, path, "discrete issue with " + std::to_string(item_count) + " items, more than the limit of " +
                              std::to_string(max_genius_levels) + " (max_genius_levels)");
    return;
  }
  std::unordered_map<std::string_view, std::size_t> position;
  position.reserve(issue.items.size());
  for (std::size_t j = 0; j < issue.items.size(); ++j) position.emplace(issue.items[j], j);
  std::vector<double> evaluation_of(issue.items.size(), 0.0);
  std::vector<bool> evaluated(issue.items.size(), false);
  int item_position = 0;
  bool bad_number = false;
  for (const XMLElement* item = e->FirstChildElement("item"); item; item = item->NextSiblingElement("item")) {
    ++item_position;
    const std::string item_path = path + "/item[" + std::to_string(item_position) + "]";
    const char* value = attribute_text(item, "value", item_path, report, true);
    if (!value) continue;
    const auto found = position.find(value);
    if (found == position.end()) {
      report.error(item, item_path,
                   "item " + quoted(value) + " is not an item of issue " + quoted(issue.name) + " in the domain");
      continue;
    }
    const auto evaluation = number_attribute(item, "evaluation", item_path, report);
    if (!evaluation) {
      bad_number = true;
      continue;
    }
    if (*evaluation < 0.0) {
      report.error(item, item_path, "negative evaluation " + std::string(item->Attribute("evaluation")) +
                                        " (GENIUS evaluations are >= 0)");
      bad_number = true;
      continue;
    }
    if (evaluated[found->second]) {
      report.error(item, item_path, "duplicate item value " + quoted(value));
      continue;
    }
    evaluated[found->second] = true;
    evaluation_of[found->second] = *evaluation;
  }
  evaluator.evaluations.assign(issue.items.size(), 0.0);
  bool complete = true;
  for (std::size_t j = 0; j < issue.items.size(); ++j) {
    if (!evaluated[j]) {
      complete = false;
      if (!bad_number)
        report.error(e, path, "item " + quoted(issue.items[j]) + " of the domain has no evaluation");
    } else {
      evaluator.evaluations[j] = evaluation_of[j];
    }
  }
  if (complete && !bad_number && evaluator.max_evaluation() < genius_zero_evaluation) {
    report.error(e, path,
                 "every evaluation of issue " + quoted(issue.name) +
                     " is zero (largest below 1e-5): GENIUS would value every item at 0, so the issue's weight "
                     "would be meaningless");
  }
}

/// Reads a linear or constant evaluator (integer and real issues) into offset, slope, origin.
void read_linear_evaluator(const XMLElement* e, const std::string& path, const GeniusIssue& issue,
                           GeniusEvaluator& evaluator, Reporter& report) {
  const XMLElement* ev = e->FirstChildElement("evaluator");
  const std::string ev_path = path + "/evaluator";
  bool parsed = false;
  if (!ev) {
    report.error(e, path, "no <evaluator> element: a " + std::string(to_string(issue.type)) +
                              " issue needs a linear evaluator");
    return;
  }
  if (issue.type == GeniusIssueType::integer && (ev->Attribute("slope") || ev->Attribute("offset"))) {
    // GENIUS since 2014: e(v) = offset + slope (v - lowerbound), bounds from the profile's issue.
    const auto slope = number_attribute(ev, "slope", ev_path, report);
    const auto offset = number_attribute(ev, "offset", ev_path, report);
    if (slope && offset) {
      evaluator.slope = *slope;
      evaluator.offset = *offset;
      evaluator.origin = static_cast<double>(issue.lower);
      parsed = true;
    }
  } else {
    // Older integer evaluators and real evaluators: ftype linear (parameter0 + parameter1 x) or
    // constant (parameter0).
    const char* ftype = ev->Attribute("ftype");
    const std::string f = ftype ? ftype : "";
    if (f == "linear") {
      const auto p0 = number_attribute(ev, "parameter0", ev_path, report);
      const auto p1 = number_attribute(ev, "parameter1", ev_path, report);
      if (p0 && p1) {
        evaluator.offset = *p0;
        evaluator.slope = *p1;
        parsed = true;
      }
    } else if (f == "constant") {
      const auto p0 = number_attribute(ev, "parameter0", ev_path, report);
      if (p0) {
        if (*p0 < 0.0 || *p0 > 1.0) {
          report.error(ev, ev_path, "constant evaluation " + std::string(ev->Attribute("parameter0")) +
                                        " outside [0, 1]");
        } else {
          evaluator.offset = *p0;
          parsed = true;
        }
      }
    } else if (f.empty()) {
      report.error(ev, ev_path, "missing attribute 'ftype' (linear or constant)");
      return;
    } else {
      report.error(ev, ev_path,
                   "evaluator ftype '" + f + "' is not supported: Parley imports linear and constant evaluators exactly");
      return;
    }
  }
  // An evaluator that is 0 over the whole range is the all-zero case of a discrete issue.
  const double lo = issue.type == GeniusIssueType::integer ? static_cast<double>(issue.lower) : issue.real_lower;
  const double hi = issue.type == GeniusIssueType::integer ? static_cast<double>(issue.upper) : issue.real_upper;
  if (parsed && evaluator.linear_value(lo) == 0.0 && evaluator.linear_value(hi) == 0.0) {
    report.error(ev, ev_path, "the evaluator is 0 over the issue's whole range [" + std::to_string(lo) + ", " +
                                  std::to_string(hi) + "]: the issue's weight would be meaningless");
  }
}

/// A profile's bounds, when it repeats them, must be the domain's: GENIUS evaluates with the
/// profile's lowerbound, so different bounds would mean a different function.
void check_bounds(const XMLElement* e, const std::string& path, const GeniusIssue& issue, Reporter& report) {
  if (issue.type == GeniusIssueType::integer) {
    std::optional<long long> lower;
    std::optional<long long> upper;
    const XMLElement* holder = e;
    if (!e->Attribute("lowerbound") && !e->Attribute("upperbound")) holder = e->FirstChildElement("range");
    if (!holder) return;
    if (holder->Attribute("lowerbound")) lower = integer_attribute(holder, "lowerbound", path, report);
    if (holder->Attribute("upperbound")) upper = integer_attribute(holder, "upperbound", path, report);
    if ((lower && *lower != issue.lower) || (upper && *upper != issue.upper)) {
      report.error(holder, path, "bounds differ from the domain's [" + std::to_string(issue.lower) + ", " +
                                     std::to_string(issue.upper) + "]");
    }
  } else if (issue.type == GeniusIssueType::real) {
    const XMLElement* range = e->FirstChildElement("range");
    if (!range) return;
    const auto lower = number_attribute(range, "lowerbound", path + "/range", report, false);
    const auto upper = number_attribute(range, "upperbound", path + "/range", report, false);
    if ((lower && *lower != issue.real_lower) || (upper && *upper != issue.real_upper))
      report.error(range, path + "/range", "bounds differ from the domain's");
  }
}

}  // namespace

GeniusProfile parse_genius_profile(std::string_view xml, const std::string& source, const GeniusDomain& domain) {
  XMLDocument document;
  parse_xml(document, xml, source);
  Reporter report(source);
  const XMLElement* root = document.RootElement();
  const std::string root_name = root->Name();
  if (root_name == "negotiation_template") {
    report.error(root, root_name, "this is a GENIUS domain file, not a profile (a profile's root is <utility_space>)");
  } else if (root_name != "utility_space") {
    report.error(root, root_name, "not a GENIUS profile: the root element is <" + root_name +
                                      ">, expected <utility_space>");
  }
  report.throw_if_any();

  GeniusProfile profile;
  profile.path = source;
  profile.line = root->GetLineNum();
  if (const XMLElement* r = root->FirstChildElement("reservation")) {
    if (const auto value = number_attribute(r, "value", "reservation", report)) {
      profile.reservation = *value;
      if (*value < 0.0 || *value > 1.0) report.error(r, "reservation", "reservation value outside [0, 1]");
    }
  }
  if (const XMLElement* d = root->FirstChildElement("discount_factor")) {
    if (const auto value = number_attribute(d, "value", "discount_factor", report)) {
      profile.discount_factor = *value;
      if (!(*value > 0.0 && *value <= 1.0)) report.error(d, "discount_factor", "discount factor outside (0, 1]");
    }
  }
  const ObjectiveTree tree = read_objective_tree(root, "profile", report);
  profile.name = tree.name;

  const std::size_t n = domain.issues.size();
  profile.weights.assign(n, 0.0);
  profile.evaluators.assign(n, GeniusEvaluator{});
  std::vector<const XMLElement*> issue_element(n, nullptr);
  // The domain's issues by index, looked up once per profile issue and weight.
  std::unordered_map<int, int> position_of;
  position_of.reserve(n);
  for (std::size_t k = 0; k < n; ++k) position_of.emplace(domain.issues[k].index, static_cast<int>(k));
  const auto domain_position = [&position_of](long long index) {
    const auto found = position_of.find(static_cast<int>(index));
    return found == position_of.end() ? -1 : found->second;
  };

  std::size_t position = 0;
  for (const XMLElement* e : tree.issues) {
    ++position;
    std::string path = "objective/issue[" + std::to_string(position) + "]";
    const auto index = integer_attribute(e, "index", path, report);
    if (!index) continue;
    path = issue_path(static_cast<int>(*index));
    const int k = domain_position(*index);
    if (k < 0) {
      const char* name = e->Attribute("name");
      report.error(e, path, "issue index " + std::to_string(*index) + (name ? " " + quoted(name) : std::string()) +
                                " is not an issue of the domain " + domain.path);
      continue;
    }
    const GeniusIssue& issue = domain.issues[static_cast<std::size_t>(k)];
    if (issue_element[static_cast<std::size_t>(k)]) {
      report.error(e, path, "issue index " + std::to_string(*index) + " appears twice");
      continue;
    }
    issue_element[static_cast<std::size_t>(k)] = e;
    const char* name = e->Attribute("name");
    if (name && issue.name != name) {
      report.error(e, path, "issue index " + std::to_string(*index) + " is named " + quoted(name) +
                                " here but " + quoted(issue.name) + " in the domain " + domain.path);
      continue;
    }
    const auto type = issue_type(e, path, report);
    if (!type) continue;
    if (*type != issue.type) {
      report.error(e, path, "issue " + quoted(issue.name) + " is " + to_string(*type) + " here but " +
                                to_string(issue.type) + " in the domain " + domain.path);
      continue;
    }
    GeniusEvaluator& evaluator = profile.evaluators[static_cast<std::size_t>(k)];
    evaluator.line = e->GetLineNum();
    if (issue.type == GeniusIssueType::discrete) {
      read_discrete_evaluator(e, path, issue, evaluator, report);
    } else {
      check_bounds(e, path, issue, report);
      read_linear_evaluator(e, path, issue, evaluator, report);
    }
  }
  for (std::size_t k = 0; k < n; ++k) {
    if (!issue_element[k]) {
      report.error(tree.objective, "objective",
                   "issue index " + std::to_string(domain.issues[k].index) + " " + quoted(domain.issues[k].name) +
                       " of the domain has no evaluator in this profile");
    }
  }

  // Weights: <weight index= value=> under the objectives, one per issue.
  std::vector<bool> weighted(n, false);
  for (const XMLElement* o : tree.objectives) {
    for (const XMLElement* w = o->FirstChildElement("weight"); w; w = w->NextSiblingElement("weight")) {
      const auto index = integer_attribute(w, "index", "objective/weight", report);
      if (!index) continue;
      const std::string path = "objective/weight[index=" + std::to_string(*index) + "]";
      const auto value = number_attribute(w, "value", path, report);
      const int k = domain_position(*index);
      if (k < 0) {
        if (!tree.objective_indices.count(static_cast<int>(*index)))
          report.error(w, path, "weight for index " + std::to_string(*index) + ", which is no issue of the domain");
        continue;
      }
      const auto uk = static_cast<std::size_t>(k);
      if (weighted[uk]) {
        report.error(w, path, "second weight for issue " + quoted(domain.issues[uk].name));
        continue;
      }
      weighted[uk] = true;
      if (!value) continue;
      if (*value < 0.0) {
        report.error(w, path, "negative weight " + std::string(w->Attribute("value")));
        continue;
      }
      profile.weights[uk] = *value;
    }
  }
  bool all_weighted = true;
  for (std::size_t k = 0; k < n; ++k) {
    if (!weighted[k] && issue_element[k]) {
      all_weighted = false;
      report.error(issue_element[k], issue_path(domain.issues[k].index),
                   "issue " + quoted(domain.issues[k].name) + " has no <weight index=\"" +
                       std::to_string(domain.issues[k].index) + "\">");
    }
  }
  if (report.ok() && all_weighted && profile.weight_sum() <= 0.0)
    report.error(tree.objective, "objective", "every weight is zero: the profile values every outcome at 0");
  report.throw_if_any();
  return profile;
}

GeniusProfile read_genius_profile(const std::string& path, const GeniusDomain& domain) {
  return parse_genius_profile(read_text(path), path, domain);
}

namespace {

enum class FileKind { domain, profile, other };

/// What a GENIUS file is, by its root element (and weights).
FileKind classify(const std::string& path) {
  XMLDocument document;
  parse_xml(document, read_text(path), path);
  const XMLElement* root = document.RootElement();
  const std::string name = root->Name();
  if (name == "negotiation_template") return FileKind::domain;
  if (name == "utility_space") return has_weights(root) ? FileKind::profile : FileKind::domain;
  return FileKind::other;
}

bool ends_with_xml(std::string_view s) {
  if (s.size() < 4) return false;
  std::string tail(s.substr(s.size() - 4));
  std::transform(tail.begin(), tail.end(), tail.begin(), [](unsigned char c) { return std::tolower(c); });
  return tail == ".xml";
}

std::vector<std::string> split_commas(const std::string& s) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = s.find(',', start);
    parts.push_back(s.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return parts;
}

/// Classifies `paths`; exactly one domain, two or more profiles (kept in order).
GeniusFiles assemble(const std::vector<std::string>& paths, const std::string& where, bool ignore_other) {
  GeniusFiles files;
  std::vector<std::string> domains;
  std::vector<Diagnostic> problems;
  for (const auto& path : paths) {
    FileKind kind = FileKind::other;
    try {
      kind = classify(path);
    } catch (const ScenarioError& e) {
      problems.insert(problems.end(), e.diagnostics().begin(), e.diagnostics().end());
      continue;
    }
    if (kind == FileKind::domain) domains.push_back(path);
    if (kind == FileKind::profile) files.profiles.push_back(path);
    if (kind == FileKind::other && !ignore_other)
      problems.push_back({path, 0, 0, "", "not a GENIUS file: its root element is neither <negotiation_template> "
                                          "(a domain) nor <utility_space> (a profile)"});
  }
  if (!problems.empty()) throw ScenarioError(problems);
  if (domains.empty()) {
    throw ScenarioError({{where, 0, 0, "",
                          "no GENIUS domain (an XML file whose root element is <negotiation_template>)"}});
  }
  if (domains.size() > 1) {
    std::string list;
    for (const auto& d : domains) list += (list.empty() ? "" : ", ") + d;
    throw ScenarioError({{where, 0, 0, "", "more than one GENIUS domain: " + list + "; give the files explicitly"}});
  }
  files.domain = domains.front();
  if (files.profiles.size() < 2) {
    throw ScenarioError({{where, 0, 0, "",
                          "missing profiles: found " + std::to_string(files.profiles.size()) +
                              " GENIUS profile(s) (<utility_space> files with weights) for the domain " +
                              files.domain + ", a negotiation needs at least two"}});
  }
  return files;
}

}  // namespace

GeniusFiles find_genius_files(const std::vector<std::string>& paths) {
  std::vector<Diagnostic> missing;
  std::string where;
  for (const auto& p : paths) {
    where += (where.empty() ? "" : ",") + p;
    std::error_code ec;
    if (!fs::is_regular_file(p, ec)) missing.push_back({p, 0, 0, "", "no such file"});
  }
  if (!missing.empty()) throw ScenarioError(missing);
  return assemble(paths, where, false);
}

GeniusFiles find_genius_files(const std::string& argument) {
  if (argument.find(',') != std::string::npos) return find_genius_files(split_commas(argument));
  std::error_code ec;
  if (fs::is_directory(argument, ec)) {
    std::vector<std::string> xml;
    for (const auto& entry : fs::directory_iterator(argument, ec))
      if (entry.is_regular_file() && ends_with_xml(entry.path().filename().string()))
        xml.push_back(entry.path().string());
    std::sort(xml.begin(), xml.end());
    if (xml.empty()) throw ScenarioError({{argument, 0, 0, "", "the folder holds no GENIUS XML file"}});
    return assemble(xml, argument, true);
  }
  if (!fs::is_regular_file(argument, ec)) throw ScenarioError({{argument, 0, 0, "", "no such file or folder"}});
  const FileKind kind = classify(argument);
  if (kind == FileKind::profile) {
    throw ScenarioError({{argument, 0, 0, "",
                          "this is a GENIUS profile: give the domain file, the folder, or the files joined by commas "
                          "(domain.xml,profile1.xml,profile2.xml)"}});
  }
  if (kind == FileKind::other) {
    throw ScenarioError({{argument, 0, 0, "", "not a GENIUS domain: its root element is not <negotiation_template>"}});
  }
  // A domain file: its profiles are the profile files next to it.
  const fs::path folder = fs::path(argument).parent_path().empty() ? fs::path(".") : fs::path(argument).parent_path();
  std::vector<std::string> profiles;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    if (!entry.is_regular_file() || !ends_with_xml(entry.path().filename().string())) continue;
    if (fs::equivalent(entry.path(), argument, ec)) continue;
    profiles.push_back(entry.path().string());
  }
  std::sort(profiles.begin(), profiles.end());
  GeniusFiles files;
  files.domain = argument;
  std::vector<Diagnostic> problems;
  for (const auto& p : profiles) {
    try {
      if (classify(p) == FileKind::profile) files.profiles.push_back(p);
    } catch (const ScenarioError& e) {
      problems.insert(problems.end(), e.diagnostics().begin(), e.diagnostics().end());
    }
  }
  if (!problems.empty()) throw ScenarioError(problems);
  if (files.profiles.size() < 2) {
    throw ScenarioError({{argument, 0, 0, "",
                          "missing profiles: found " + std::to_string(files.profiles.size()) +
                              " GENIUS profile(s) next to this domain in " + folder.string() +
                              ", a negotiation needs at least two"}});
  }
  return files;
}

bool looks_like_genius(const std::string& argument) {
  std::error_code ec;
  if (fs::is_directory(argument, ec)) return true;
  if (argument.find(',') != std::string::npos) {
    const auto parts = split_commas(argument);
    return std::all_of(parts.begin(), parts.end(), [](const std::string& p) { return ends_with_xml(p); });
  }
  return ends_with_xml(argument);
}

}  // namespace parley::io
