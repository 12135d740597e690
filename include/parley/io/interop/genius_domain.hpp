#pragma once
/// \file genius_domain.hpp
/// Negotiation domains in GENIUS XML, as the automated-negotiation community keeps them
/// (GENIUS, NegMAS, the ANAC competitions): one domain file (the issues and their values) and
/// one profile file per party (weights, evaluations, reservation value, discount factor).
///
/// This file reads them, checked, into plain structures that hold exactly what GENIUS uses,
/// with GENIUS's own evaluation rules (genius.core.utility.AdditiveUtilitySpace,
/// EvaluatorDiscrete, EvaluatorInteger, EvaluatorReal):
///   u(x) = min(1, sum_k w_k e_k(x_k)),  w_k the weights as written (not normalised),
/// - discrete issue: e_k(item) = evaluation(item) / max over the profile's items of evaluation;
/// - integer issue: e_k(v) = clamp(offset + slope (v - lowerbound), 0, 1) (or, in the older
///   form `ftype="linear" parameter0 parameter1`, clamp(parameter0 + parameter1 v, 0, 1));
/// - real issue: linear e_k(x) = clamp(parameter0 + parameter1 x, 0, 1), or constant parameter0.
/// genius_import.hpp turns them into a Parley scenario; genius_export.hpp writes them back.
///
/// Every error is a Diagnostic naming the file, the line (tinyxml2's line numbers) and the
/// element (`objective/issue[index=3]/item[2]`), collected and thrown as one ScenarioError.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parley/io/format/diagnostic.hpp"

namespace parley::io {

/// \brief The largest GENIUS file Parley reads (64 MiB), checked before the file is read or
/// parsed: tinyxml2 keeps the whole document in memory, several times the file's size. The
/// ANAC files Parley ships are under 5 KB.
inline constexpr std::uint64_t max_genius_file_bytes = std::uint64_t{64} << 20;

/// \brief The most levels a GENIUS domain may have: the items of one discrete issue (in the
/// domain, or in a profile's evaluator of it), and the items of every discrete issue and the
/// values of every integer issue together. Each becomes an ordinal level of the imported
/// scenario (nine YAML nodes with two profiles), and the Pareto frontier of two issues of n
/// levels merges n^2 points: at 2 x 5,000 levels the scenario loads in 0.3 s and `analyze`
/// takes 2.3 s and 260 MB; 2 x 15,000 would pass the scenario's node limit (max_yaml_nodes)
/// and take a minute.
inline constexpr std::size_t max_genius_levels = 10'000;

/// GENIUS's issue types (the `type` attribute, or `vtype` in older files; discrete if absent).
enum class GeniusIssueType { discrete, integer, real };

const char* to_string(GeniusIssueType type);

/// \brief One issue of a GENIUS domain file.
struct GeniusIssue {
  int index = 0;      ///< the `index` attribute: profiles and weights refer to the issue by it
  std::string name;   ///< the `name` attribute
  GeniusIssueType type = GeniusIssueType::discrete;
  std::vector<std::string> items;  ///< discrete: the items' `value`s, in document order
  long long lower = 0;             ///< integer: the values lower .. upper
  long long upper = 0;
  double real_lower = 0.0;         ///< real: the range [real_lower, real_upper]
  double real_upper = 0.0;
  int line = 0;                    ///< line of the `<issue>` element in the domain file

  /// Number of outcomes of this issue: items for discrete, upper - lower + 1 for integer,
  /// 0 for real (a continuum).
  [[nodiscard]] std::size_t size() const;
};

/// \brief A GENIUS domain: its issues in the order GENIUS enumerates them (preorder over the
/// objective tree, which for the usual flat domains is document order).
struct GeniusDomain {
  std::string path;  ///< the file it was read from (or the name given to the parser)
  std::string name;  ///< the root objective's `name` attribute
  std::vector<GeniusIssue> issues;

  /// Position in `issues` of the issue with this `index`, or -1.
  [[nodiscard]] int position(int index) const;
  /// Number of outcomes (product of the issues' sizes); 0 if an issue is real.
  [[nodiscard]] double outcome_count() const;
};

/// \brief One party's evaluator of one issue, as GENIUS computes it.
struct GeniusEvaluator {
  /// discrete: the raw `evaluation` of each domain item, in the domain's item order.
  std::vector<double> evaluations;
  /// integer and real: e(x) = clamp(offset + slope (x - origin), 0, 1). The new integer form
  /// has origin = lowerbound; the older integer form and real evaluators have origin 0
  /// (offset = parameter0, slope = parameter1); a constant evaluator has slope 0.
  double offset = 0.0;
  double slope = 0.0;
  double origin = 0.0;
  int line = 0;  ///< line of the profile's `<issue>` element

  /// The largest raw evaluation (discrete issues).
  [[nodiscard]] double max_evaluation() const;
  /// GENIUS's e(item) = evaluation(item) / max evaluation, for the item at position `item`
  /// (EvaluatorDiscrete.normalize; the importer rejects a largest evaluation below 1e-5,
  /// where GENIUS would return 0 for every item).
  [[nodiscard]] double discrete_value(std::size_t item) const;
  /// The same with the largest evaluation given (`max_evaluation()`, computed once), so that
  /// valuing every item of an issue is linear in its items, not quadratic.
  [[nodiscard]] double discrete_value(std::size_t item, double max) const;
  /// GENIUS's e(x) = clamp(offset + slope (x - origin), 0, 1) (integer and real issues;
  /// EvaluatorInteger.getEvaluation, EvaluatorReal.getEvaluation for linear and constant).
  [[nodiscard]] double linear_value(double x) const;
};

/// \brief One party's GENIUS profile (a `utility_space` file) over a domain.
struct GeniusProfile {
  std::string path;
  std::string name;                         ///< the root objective's `name` attribute
  std::vector<double> weights;              ///< w_k per domain issue, as written
  std::vector<GeniusEvaluator> evaluators;  ///< per domain issue
  double reservation = 0.0;      ///< `<reservation value>`; GENIUS's default 0 when absent
  double discount_factor = 1.0;  ///< `<discount_factor value>`; 1 (no discounting) when absent
  int line = 0;                  ///< line of the root element

  /// sum_k w_k: GENIUS uses the weights as written, so its utilities range up to this
  /// (capped at 1).
  [[nodiscard]] double weight_sum() const;
};

/// Reads and checks a GENIUS domain file. Throws ScenarioError naming the file, line and
/// element: the file cannot be read or is larger than max_genius_file_bytes, malformed XML, not
/// a domain (the root must be `negotiation_template` or a `utility_space` without weights), no
/// issue, an issue without name or index, duplicate indices, an unknown type, a discrete issue
/// with fewer than one item, more than max_genius_levels items or two items of the same value,
/// integer or real bounds missing or crossing.
GeniusDomain read_genius_domain(const std::string& path);
/// The same from XML text; `source` names it in diagnostics.
GeniusDomain parse_genius_domain(std::string_view xml, const std::string& source);

/// Reads and checks one party's profile against its domain. Throws ScenarioError naming the
/// file, line and element: larger than max_genius_file_bytes, malformed XML, not a profile, an
/// issue of the domain without an evaluator or weight, an issue not in the domain or whose name
/// or type differs, a domain item without evaluation or a profile item the domain lacks, more
/// than max_genius_levels items, an evaluation that is negative, not a number, or all
/// evaluations of an issue zero (largest below 1e-5), a negative weight, all weights zero, an
/// integer or real evaluator without parameters or with bounds other than the domain's, an
/// evaluator type Parley cannot represent exactly (`triangular`), a reservation value outside
/// [0, 1] or a discount factor outside (0, 1].
GeniusProfile read_genius_profile(const std::string& path, const GeniusDomain& domain);
/// The same from XML text; `source` names it in diagnostics.
GeniusProfile parse_genius_profile(std::string_view xml, const std::string& source, const GeniusDomain& domain);

/// \brief Which files make up one GENIUS negotiation: a domain and two or more profiles.
struct GeniusFiles {
  std::string domain;
  std::vector<std::string> profiles;  ///< one per party, in party order
};

/// \brief Finds the files of a negotiation from a command-line argument.
///
/// `argument` is a folder (its `*.xml` files, by name, each classified by its root element:
/// `negotiation_template` is the domain, a `utility_space` with weights a profile, other XML
/// ignored), a domain file (the profiles are the profile files next to it), or the files
/// themselves joined by commas (`domain.xml,a.xml,b.xml`, in any order; the profiles keep the
/// order given). Throws ScenarioError naming the folder or file: nothing there, no domain, two
/// domains, fewer than two profiles, a profile given where the domain is expected.
GeniusFiles find_genius_files(const std::string& argument);

/// The same from the files themselves, in any order: each is classified by its root element;
/// exactly one must be a domain, and the profiles keep the order given.
GeniusFiles find_genius_files(const std::vector<std::string>& paths);

/// True if a SCENARIO argument designates a GENIUS negotiation rather than a YAML scenario or
/// a built-in name: an existing folder, a path ending in `.xml`, or `.xml` paths joined by
/// commas. Only looks at the name and the file system, never parses.
bool looks_like_genius(const std::string& argument);

}  // namespace parley::io
