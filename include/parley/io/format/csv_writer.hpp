#pragma once
/// \file csv_writer.hpp
/// Comma-separated values for `--format csv` and sweep output, quoted as RFC 4180 says.

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace parley::io {

/// `field` as a CSV field (RFC 4180, section 2): enclosed in double quotes when it holds a
/// comma, a double quote, a line break or leading or trailing spaces, with every double quote
/// doubled; unchanged otherwise.
std::string csv_field(std::string_view field);

/// \brief Writes CSV rows as they come (sweeps write one row per design point).
///
/// Lines end with "\n", which every CSV reader accepts (RFC 4180 names CRLF; R, pandas and
/// spreadsheets read both). Numbers use the shortest text that reads back as the same double.
class CsvWriter {
 public:
  explicit CsvWriter(std::ostream& out) : out_(out) {}

  /// Writes a whole row.
  void write_row(const std::vector<std::string>& fields);

  /// Appends one field to the current row.
  CsvWriter& field(std::string_view text);
  CsvWriter& field(const std::string& text) { return field(std::string_view(text)); }
  CsvWriter& field(const char* text) { return field(std::string_view(text)); }
  CsvWriter& field(double x);
  CsvWriter& field(long long x);
  CsvWriter& field(int x) { return field(static_cast<long long>(x)); }
  /// Ends the current row.
  void end_row();

 private:
  std::ostream& out_;
  bool row_started_ = false;
};

}  // namespace parley::io
