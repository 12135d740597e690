#pragma once
/// \file table_writer.hpp
/// Aligned plain-text tables for `--format table`.

#include <ostream>
#include <string>
#include <vector>

namespace parley::io {

/// \brief Collects rows, then writes them with every column as wide as its widest cell.
///
/// Columns are separated by two spaces; the header is underlined with dashes. Widths count
/// UTF-8 code points, not bytes, so names such as "Україна" line up. Numbers are usually
/// right-aligned, text left-aligned. Headers and cells are written as printable_text (control
/// bytes as `\xHH`), since they quote the input.
class TableWriter {
 public:
  enum class Align { left, right };

  /// One column per header; `align` gives each column's alignment (left if not given).
  explicit TableWriter(std::vector<std::string> headers, std::vector<Align> align = {});

  /// Adds a row; throws std::invalid_argument unless it has one cell per column.
  void add_row(std::vector<std::string> cells);

  [[nodiscard]] std::size_t rows() const { return rows_.size(); }

  /// Writes the table, each line prefixed with `indent`; no trailing spaces.
  void write(std::ostream& out, const std::string& indent = "") const;

 private:
  std::vector<std::string> headers_;
  std::vector<Align> align_;
  std::vector<std::vector<std::string>> rows_;
};

/// Display width of UTF-8 text: its number of code points.
std::size_t display_width(const std::string& text);

}  // namespace parley::io
