#pragma once
/// \file diagnostic.hpp
/// A located input error: which file (or `--set` argument), where in it, which key, what is wrong.

#include <stdexcept>
#include <string>
#include <vector>

namespace parley::io {

/// \brief One error found in a scenario, located for the reader.
///
/// `line` and `column` are 1-based; 0 means the position is not known (a file that cannot be
/// read, a `--set` argument, which is one line of the command). `path` is the key path in the
/// document, list items by index: `parties[1].weights.territory`; empty for errors that belong
/// to no key (YAML syntax).
struct Diagnostic {
  std::string file;     ///< file path, built-in scenario name, or `--set PATH=VALUE`
  int line = 0;
  int column = 0;
  std::string path;
  std::string message;
};

/// `file:line:col: error: path: message`, the form compilers use, so editors can jump to it;
/// `:line:col` is left out when the position is unknown and `path: ` when the path is empty.
/// Control bytes and bytes that are not UTF-8 are written as `\xHH` (printable_text).
std::string to_string(const Diagnostic& diagnostic);

/// \brief Thrown by the scenario loader with every error it found, not only the first.
///
/// The loader checks a whole document before giving up, so one run reports all the mistakes in
/// a file; `what()` holds them formatted one per line.
class ScenarioError : public std::runtime_error {
 public:
  explicit ScenarioError(std::vector<Diagnostic> diagnostics);
  [[nodiscard]] const std::vector<Diagnostic>& diagnostics() const noexcept { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace parley::io
