#include "parley/io/format/diagnostic.hpp"

#include "parley/io/format/printable_text.hpp"

namespace parley::io {

std::string to_string(const Diagnostic& d) {
  std::string out = d.file;
  if (d.line > 0) {
    out += ':' + std::to_string(d.line);
    if (d.column > 0) out += ':' + std::to_string(d.column);
  }
  out += ": error: ";
  if (!d.path.empty()) out += d.path + ": ";
  out += d.message;
  // The file name, key and message may quote the input: its control bytes are shown, not sent
  // to the terminal (issue 18).
  return printable_text(out);
}

namespace {

std::string join(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) {
    if (!out.empty()) out += '\n';
    out += to_string(d);
  }
  return out;
}

}  // namespace

ScenarioError::ScenarioError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(join(diagnostics)), diagnostics_(std::move(diagnostics)) {}

}  // namespace parley::io
