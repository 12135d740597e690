#include "parley/io/format/csv_writer.hpp"

#include "parley/io/format/number_format.hpp"

namespace parley::io {

std::string csv_field(std::string_view field) {
  const bool needs_quotes = field.find_first_of(",\"\r\n") != std::string_view::npos ||
                            (!field.empty() && (field.front() == ' ' || field.back() == ' '));
  if (!needs_quotes) return std::string(field);
  std::string out = "\"";
  for (const char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

void CsvWriter::write_row(const std::vector<std::string>& fields) {
  for (const auto& f : fields) field(f);
  end_row();
}

CsvWriter& CsvWriter::field(std::string_view text) {
  if (row_started_) out_ << ',';
  row_started_ = true;
  out_ << csv_field(text);
  return *this;
}

CsvWriter& CsvWriter::field(double x) { return field(format_shortest(x)); }

CsvWriter& CsvWriter::field(long long x) { return field(std::to_string(x)); }

void CsvWriter::end_row() {
  out_ << '\n';
  row_started_ = false;
}

}  // namespace parley::io
