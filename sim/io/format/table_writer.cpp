#include "parley/io/format/table_writer.hpp"

#include <stdexcept>

#include "parley/io/format/printable_text.hpp"

namespace parley::io {

std::size_t display_width(const std::string& text) {
  std::size_t n = 0;
  // Every code point has exactly one byte that is not a continuation byte (10xxxxxx).
  for (const char c : text)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

TableWriter::TableWriter(std::vector<std::string> headers, std::vector<Align> align)
    : headers_(std::move(headers)), align_(std::move(align)) {
  align_.resize(headers_.size(), Align::left);
  for (auto& header : headers_) header = printable_text(header);
}

void TableWriter::add_row(std::vector<std::string> cells) {
  if (cells.size() != headers_.size())
    throw std::invalid_argument("TableWriter: a row of " + std::to_string(cells.size()) + " cells for " +
                                std::to_string(headers_.size()) + " columns");
  // Cells quote the input (names, titles): its control bytes are shown, not sent to the terminal.
  for (auto& cell : cells) cell = printable_text(cell);
  rows_.push_back(std::move(cells));
}

void TableWriter::write(std::ostream& out, const std::string& indent) const {
  std::vector<std::size_t> width(headers_.size());
  for (std::size_t c = 0; c < headers_.size(); ++c) width[c] = display_width(headers_[c]);
  for (const auto& row : rows_)
    for (std::size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], display_width(row[c]));

  const auto line = [&](const std::vector<std::string>& cells) {
    std::string text = indent;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      const std::string pad(width[c] - display_width(cells[c]), ' ');
      if (c > 0) text += "  ";
      text += align_[c] == Align::right ? pad + cells[c] : cells[c] + pad;
    }
    while (text.size() > indent.size() && text.back() == ' ') text.pop_back();
    out << text << '\n';
  };
  line(headers_);
  std::vector<std::string> rule;
  for (const std::size_t w : width) rule.emplace_back(w, '-');
  line(rule);
  for (const auto& row : rows_) line(row);
}

}  // namespace parley::io
