#pragma once
/// \file yaml_reader.hpp
/// Reading typed values out of a YAML tree (yaml_tree.hpp) and reporting what does not fit,
/// each error at its file:line:col and key path (diagnostic.hpp). The scenario loader and the
/// sweep plan reader both read through this, so a number, an integer, a boolean, an unknown key
/// ("did you mean ...?") and a repeated key mean the same and are worded the same in both.
///
/// A reader collects errors instead of throwing on the first, so one run reports every mistake
/// in a file; the caller throws ScenarioError with take_errors() when it is done.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/io/format/diagnostic.hpp"
#include "parley/io/scenario/scenario_schema.hpp"
#include "parley/io/scenario/yaml_tree.hpp"

namespace parley::io {

/// Text read as a finite real the way a plain YAML scalar is: what std::from_chars reads,
/// plus YAML's leading '+'. Infinities and NaN are not numbers here (no model quantity is).
std::optional<double> number_text(std::string_view text);

/// Text read as a whole number the way a plain YAML scalar is (decimal, optional sign);
/// nothing for a fraction, other text, or a value beyond the range of long long.
std::optional<long long> integer_text(std::string_view text);

/// A plain (unquoted) scalar as a finite real (number_text); a quoted "0.5" is a string.
std::optional<double> scalar_number(const YamlNode& node);

/// A plain scalar as a whole number (integer_text).
std::optional<long long> scalar_integer(const YamlNode& node);

/// A plain scalar as a boolean: YAML 1.1's true/yes/on and false/no/off, in lower, Title or
/// UPPER case.
std::optional<bool> scalar_boolean(const YamlNode& node);

/// "unknown key 'x'" followed by " (did you mean 'y'?)" for a near miss among `allowed`, or
/// by "; allowed here: a, b, c" when nothing is near.
std::string unknown_key_message(std::string_view key, const std::vector<std::string>& allowed);

/// \brief Reads typed values from a YAML tree, collecting an error for every value that does
/// not fit.
///
/// Every read takes the key path of the value (`parties[1].cost`) for the message, and returns
/// nothing after recording an error; the error's file is the node's source, or `source` for a
/// node that has none.
class YamlReader {
 public:
  explicit YamlReader(std::string source) : source_(std::move(source)) {}

  /// Records an error at `at`.
  void error(const SourceLocation& at, const std::string& path, std::string message);
  void error(const YamlNode& at, const std::string& path, std::string message);

  [[nodiscard]] bool has_errors() const { return !errors_.empty(); }
  /// The errors recorded so far, in the order they were found; the reader is left empty.
  std::vector<Diagnostic> take_errors();

  // --- maps -----------------------------------------------------------------------------------

  /// Reports keys of `map` that are not names (a list as a key) and keys given twice.
  void check_unique_keys(const YamlNode& map, const std::string& path);

  /// Checks that `node` is a map whose keys are unique and among `allowed` (unknown_key_message
  /// for the others). Returns false, after reporting, if `node` is not a map.
  bool check_keys(const YamlNode& node, const std::string& path, const std::vector<std::string>& allowed);

  /// Checks `node` against the scenario schema's map pattern `pattern` (scenario_schema.hpp):
  /// a map, unique keys, only keys the schema lists there (unless `dynamic_keys`: then the
  /// others are the caller's to check), keys restricted to some kinds only when the enclosing
  /// `kind` is one of them, and every required key that applies present. Returns false if
  /// `node` is not a map.
  bool check_map(const YamlNode& node, const std::string& path, const std::string& pattern,
                 std::string_view kind = {}, bool dynamic_keys = false);

  /// Reports "missing required key 'key'" at `map` unless `map` holds `key`.
  void require_key(const YamlNode& map, const std::string& path, std::string_view key);

  // --- values ---------------------------------------------------------------------------------

  /// A finite real in `spec.range`.
  std::optional<double> read_number(const YamlNode& n, const std::string& path, const KeySpec& spec);
  /// A whole number in `spec.range`.
  std::optional<long long> read_integer(const YamlNode& n, const std::string& path, const KeySpec& spec);
  /// A whole number in `spec.range` that also fits an int: a model count never silently wraps.
  std::optional<int> read_int(const YamlNode& n, const std::string& path, const KeySpec& spec);
  /// A scalar; for `KeyType::identifier` matching [a-z0-9_-]+, for `KeyType::choice` one of
  /// `spec.choices` (with "did you mean").
  std::optional<std::string> read_string(const YamlNode& n, const std::string& path, const KeySpec& spec);
  /// true or false (scalar_boolean).
  std::optional<bool> read_boolean(const YamlNode& n, const std::string& path);
  /// A list of finite reals, each in `spec.range`; nothing if any item is not.
  std::optional<std::vector<double>> read_number_list(const YamlNode& n, const std::string& path,
                                                      const KeySpec& spec);

  // --- keys of a map described by the scenario schema ------------------------------------------

  /// The value under `key` of `map` (at `path`, schema pattern `pattern`), checked against the
  /// schema entry `pattern.key`; the entry's default when absent (nothing if it has none).
  std::optional<double> number_key(const YamlNode& map, const std::string& path, const std::string& pattern,
                                   std::string_view key);
  std::optional<long long> integer_key(const YamlNode& map, const std::string& path, const std::string& pattern,
                                       std::string_view key);
  std::optional<int> int_key(const YamlNode& map, const std::string& path, const std::string& pattern,
                             std::string_view key);
  std::optional<std::string> string_key(const YamlNode& map, const std::string& path, const std::string& pattern,
                                        std::string_view key);
  std::optional<bool> boolean_key(const YamlNode& map, const std::string& path, const std::string& pattern,
                                  std::string_view key);
  /// The list under `key`, or nullptr (absent, or not a list: reported).
  const YamlNode* list_key(const YamlNode& map, const std::string& path, std::string_view key);

 private:
  void range_error(const YamlNode& n, const std::string& path, const NumericRange& range, double x);
  /// Whether `x`, read from `n`, fits an int; reports it if not.
  bool fits_int(const YamlNode& n, const std::string& path, long long x);

  std::string source_;
  std::vector<Diagnostic> errors_;
};

}  // namespace parley::io
