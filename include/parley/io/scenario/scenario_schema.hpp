#pragma once
/// \file scenario_schema.hpp
/// The table of every key a scenario file may hold: its type, range, default, whether it is
/// required and what it means. The loader validates with this table (unknown keys, required
/// keys, types, ranges, defaults) and docs/scenario-format.md is rendered from it (`parley
/// schema`), with a test that the committed page equals the rendering, so the documentation
/// and the checks cannot drift apart.

#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parley::io {

/// The YAML shape a key's value must have.
enum class KeyType {
  string,      ///< any scalar
  identifier,  ///< a scalar matching [a-z0-9_-]+ (ids of issues, parties, levels, clauses)
  integer,
  number,      ///< a finite real
  boolean,     ///< true/false (also yes/no, on/off)
  choice,      ///< one of KeySpec::choices
  list,
  map,
  variant      ///< several shapes (KeySpec::type_text says which); checked by the loader's code
};

/// \name Size limits (docs/limits.md)
/// The largest sizes a scenario may ask for. Each is far above what the shipped scenarios use and
/// below what would exhaust a workstation: the war-value and solver tables hold one double per
/// (period, front state) per party and belief hypothesis, so a 10^7-period horizon took 3.6 GB
/// and hung `run`. Raise one by changing it here and rebuilding.
/// \{
inline constexpr int max_horizon = 100'000;            ///< `horizon`, in periods
inline constexpr int max_front_states = 100'000;       ///< `battlefield.states`
inline constexpr int max_issue_steps = 100'000;        ///< `issues[].steps`
inline constexpr long long max_time_state_cells = 4'000'000;  ///< (horizon + 1) x (states + 1)
/// Veto parties targeted by leverage plus those with an offensive option (issue 15): the solver
/// keeps one copy of every war per set of them, 2^4 = 16 at most.
inline constexpr int max_between_talks_parties = 4;
/// \}

/// \brief A numeric interval, each end open or closed, possibly unbounded.
struct NumericRange {
  double lo = -std::numeric_limits<double>::infinity();
  double hi = std::numeric_limits<double>::infinity();
  bool lo_open = false;
  bool hi_open = false;

  [[nodiscard]] bool contains(double x) const;
  [[nodiscard]] bool unbounded() const;
  /// "[0, 1]", "(0, 1]", ">= 0", "> 0", "<= 1", or "" when unbounded.
  [[nodiscard]] std::string to_string() const;
};

/// \brief One key of the format.
///
/// `path` is a pattern: map keys joined by '.', `[]` for "every item of the list", and
/// `<issue>`, `<party>`, `<level>`, `<clause>`, `<param>` for keys that are ids defined
/// elsewhere in the scenario (`parties[].weights.<issue>`).
struct KeySpec {
  std::string path;
  KeyType type = KeyType::string;
  std::string type_text;               ///< shape in words for `variant` (and to refine lists)
  NumericRange range;                  ///< integer and number keys
  std::string constraint;              ///< rules beyond the range, in words ("lo < hi")
  std::vector<std::string> choices;    ///< choice keys
  std::optional<double> default_number;  ///< the default the loader fills in, for numbers and booleans (0/1)
  std::string default_text;            ///< the default in words, when it is not a plain number
  bool required = false;               ///< must be present (when it applies, see only_for)
  /// The key applies only when the enclosing map's `kind` (for `parties[].values.<issue>`: the
  /// issue's kind) is one of these; empty: always.
  std::vector<std::string> only_for;
  std::string meaning;
};

/// Every key of the format, grouped by section, in the order the reference page lists them.
const std::vector<KeySpec>& scenario_schema();

/// The entry with this pattern, or nullptr.
const KeySpec* find_schema_key(std::string_view pattern);

/// The entry with this pattern; throws std::logic_error if there is none (a loader bug: the
/// loader must never read a key the table does not describe).
const KeySpec& schema_key(std::string_view pattern);

/// The entries directly under the map pattern `map_pattern` whose last component is a literal
/// key (not `[]` or `<id>`): the keys a map at that place may hold. "" is the top level.
std::vector<const KeySpec*> schema_children(std::string_view map_pattern);

/// A small, complete scenario using every part of the format: the example on the reference
/// page (a test loads it, so the documented example always validates).
std::string_view schema_example_yaml();

/// docs/scenario-format.md: the semantics in brief, the table of every key, the strategies and
/// their parameters (from the strategy catalog), the error classes and the `--set` paths.
std::string render_schema_markdown();

}  // namespace parley::io
