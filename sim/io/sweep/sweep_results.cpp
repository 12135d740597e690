#include "parley/io/sweep/sweep_results.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <stdexcept>

#include "parley/io/format/atomic_file_writer.hpp"
#include "parley/io/format/csv_writer.hpp"
#include "parley/io/format/number_format.hpp"

namespace parley::io {

namespace {

constexpr std::size_t fixed_before_parameters = 1;  // point
constexpr std::size_t fixed_after_parameters = 3;   // seed, status, message

std::string one_line(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') continue;
    if (text[i] == '\n') {
      if (i + 1 < text.size()) out += "; ";
    } else {
      out += text[i];
    }
  }
  return out;
}

std::optional<std::uint64_t> parse_count(const std::string& text) {
  std::uint64_t n = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return n;
}

std::optional<double> parse_metric(const std::string& text) {
  if (text.empty()) return std::numeric_limits<double>::quiet_NaN();
  double x = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), x);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return x;
}

std::optional<sweep::PointStatus> parse_status(const std::string& text) {
  for (const auto s : {sweep::PointStatus::ok, sweep::PointStatus::invalid, sweep::PointStatus::error})
    if (text == sweep::to_string(s)) return s;
  return std::nullopt;
}

}  // namespace

std::vector<std::string> sweep_results_header(const std::vector<std::string>& parameters,
                                              const std::vector<std::string>& metrics) {
  std::vector<std::string> header{"point"};
  header.insert(header.end(), parameters.begin(), parameters.end());
  header.insert(header.end(), {"seed", "status", "message"});
  header.insert(header.end(), metrics.begin(), metrics.end());
  return header;
}

std::string format_sweep_row(const sweep::DesignPoint& point, std::uint64_t seed, const sweep::PointResult& result,
                             std::size_t metric_count) {
  std::string line = std::to_string(point.id);
  for (const auto& value : point.values) line += ',' + csv_field(one_line(value));
  line += ',' + std::to_string(seed);
  line += ',' + std::string(sweep::to_string(result.status));
  line += ',' + csv_field(one_line(result.message));
  for (std::size_t m = 0; m < metric_count; ++m) {
    const double x = m < result.metrics.size() ? result.metrics[m] : std::numeric_limits<double>::quiet_NaN();
    line += ',' + (std::isnan(x) ? std::string() : format_shortest(x));
  }
  line += '\n';
  return line;
}

std::optional<std::vector<std::string>> split_csv_record(std::string_view line) {
  std::vector<std::string> fields;
  std::string field;
  std::size_t i = 0;
  for (;;) {
    field.clear();
    if (i < line.size() && line[i] == '"') {
      ++i;
      for (;;) {
        if (i >= line.size()) return std::nullopt;  // the quoted field never closes
        if (line[i] == '"') {
          if (i + 1 < line.size() && line[i + 1] == '"') {
            field += '"';
            i += 2;
          } else {
            ++i;
            break;
          }
        } else {
          field += line[i++];
        }
      }
      if (i < line.size() && line[i] != ',') return std::nullopt;  // text after a closing quote
    } else {
      while (i < line.size() && line[i] != ',') field += line[i++];
    }
    fields.push_back(field);
    if (i >= line.size()) return fields;
    ++i;  // the comma
  }
}

SweepResultsFile scan_sweep_results(const std::string& path,
                                    const std::function<void(const SweepResultsFile& file, SweepResultRow&& row)>& on_row) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot read the results file");

  SweepResultsFile file;
  std::size_t line_number = 0;
  std::string raw;
  // One line at a time: a line is complete when getline consumed its "\n" (it did not stop at
  // the end of the file); a last line without one is a torn tail, not a row.
  while (std::getline(in, raw)) {
    if (in.eof()) {
      file.torn_tail = !raw.empty();
      break;
    }
    const std::string_view content =
        !raw.empty() && raw.back() == '\r' ? std::string_view(raw).substr(0, raw.size() - 1) : std::string_view(raw);
    ++line_number;
    const std::string where = path + ":" + std::to_string(line_number) + ": ";
    const auto fields = split_csv_record(content);
    if (!fields) throw std::runtime_error(where + "a quoted field is not closed");
    if (line_number == 1) {
      file.header = *fields;
      std::size_t seed_column = 0;
      while (seed_column < file.header.size() && file.header[seed_column] != "seed") ++seed_column;
      if (file.header.empty() || file.header[0] != "point" || seed_column + fixed_after_parameters > file.header.size() ||
          file.header[seed_column + 1] != "status" || file.header[seed_column + 2] != "message")
        throw std::runtime_error(where + "not a sweep results header (point, parameters..., seed, status, message, metrics...)");
      file.parameters.assign(file.header.begin() + fixed_before_parameters,
                             file.header.begin() + static_cast<std::ptrdiff_t>(seed_column));
      file.metrics.assign(file.header.begin() + static_cast<std::ptrdiff_t>(seed_column + fixed_after_parameters),
                          file.header.end());
    } else {
      if (fields->size() != file.header.size())
        throw std::runtime_error(where + "the row has " + std::to_string(fields->size()) + " fields, the header " +
                                 std::to_string(file.header.size()));
      SweepResultRow row;
      const auto point = parse_count((*fields)[0]);
      if (!point) throw std::runtime_error(where + "bad point id '" + (*fields)[0] + "'");
      row.point = *point;
      const std::size_t p = file.parameters.size();
      row.values.assign(fields->begin() + 1, fields->begin() + 1 + static_cast<std::ptrdiff_t>(p));
      const auto seed = parse_count((*fields)[1 + p]);
      if (!seed) throw std::runtime_error(where + "bad seed '" + (*fields)[1 + p] + "'");
      row.seed = *seed;
      const auto status = parse_status((*fields)[2 + p]);
      if (!status) throw std::runtime_error(where + "bad status '" + (*fields)[2 + p] + "'");
      row.status = *status;
      row.message = (*fields)[3 + p];
      for (std::size_t m = 4 + p; m < fields->size(); ++m) {
        const auto x = parse_metric((*fields)[m]);
        if (!x) throw std::runtime_error(where + "bad number '" + (*fields)[m] + "' in column " + file.header[m]);
        row.metrics.push_back(*x);
      }
      row.line = raw;
      row.line += '\n';
      row.line_number = line_number;
      on_row(file, std::move(row));
    }
    file.complete_bytes += raw.size() + 1;
  }
  if (in.bad()) throw std::runtime_error(path + ": cannot read the results file");
  return file;
}

SweepResultsFile read_sweep_results(const std::string& path) {
  std::vector<SweepResultRow> rows;
  SweepResultsFile file =
      scan_sweep_results(path, [&rows](const SweepResultsFile&, SweepResultRow&& row) { rows.push_back(std::move(row)); });
  file.rows = std::move(rows);
  return file;
}

SweepResultsWriter SweepResultsWriter::create(const std::string& path, const std::vector<std::string>& header) {
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (!file) throw std::runtime_error(path + ": cannot create the results file");
  SweepResultsWriter writer(file, path);
  std::string line;
  for (std::size_t i = 0; i < header.size(); ++i) line += (i ? "," : "") + csv_field(header[i]);
  writer.write(line + '\n');
  return writer;
}

SweepResultsWriter SweepResultsWriter::append(const std::string& path, std::uint64_t keep_bytes) {
  std::error_code error;
  std::filesystem::resize_file(path, keep_bytes, error);
  if (error) throw std::runtime_error(path + ": cannot truncate the torn last line: " + error.message());
  std::FILE* file = std::fopen(path.c_str(), "ab");
  if (!file) throw std::runtime_error(path + ": cannot open the results file for appending");
  return SweepResultsWriter(file, path);
}

SweepResultsWriter::SweepResultsWriter(SweepResultsWriter&& other) noexcept
    : file_(other.file_), path_(std::move(other.path_)) {
  other.file_ = nullptr;
}

SweepResultsWriter::~SweepResultsWriter() {
  if (file_) std::fclose(file_);
}

void SweepResultsWriter::write(const std::string& line) {
  // One fwrite of the whole line, then fflush: the line reaches the kernel in one piece unless
  // it is longer than the stream buffer, and a torn line is detected on resume either way.
  if (std::fwrite(line.data(), 1, line.size(), file_) != line.size() || std::fflush(file_) != 0)
    throw std::runtime_error(path_ + ": cannot write to the results file");
}

SweepSortOutcome sort_sweep_results(const std::string& path) {
  // The header line's bytes, where the first row starts.
  std::string header_line;
  {
    std::ifstream in(path, std::ios::binary);
    if (!in || !std::getline(in, header_line)) throw std::runtime_error(path + ": cannot read the results file");
  }
  struct RowAt {
    std::uint64_t point;
    std::uint64_t offset;
  };
  std::vector<RowAt> index;
  std::uint64_t offset = header_line.size() + 1;
  bool ordered = true;
  bool too_large = false;
  const SweepResultsFile file = scan_sweep_results(path, [&](const SweepResultsFile&, SweepResultRow&& row) {
    if (!index.empty() && row.point < index.back().point) ordered = false;
    if (index.size() >= max_sorted_rows) too_large = true;
    if (!too_large) index.push_back({row.point, offset});
    offset += row.line.size();
  });
  if (file.torn_tail) throw std::runtime_error(path + ": the last line is incomplete; resume the sweep first");
  if (ordered) return SweepSortOutcome::already_sorted;
  if (too_large) return SweepSortOutcome::too_large;
  // Stable: a file has one row per point, but a damaged one with two keeps their order.
  std::stable_sort(index.begin(), index.end(), [](const RowAt& a, const RowAt& b) { return a.point < b.point; });
  std::ifstream in(path, std::ios::binary);
  AtomicFileWriter out(path);
  out.stream() << header_line << '\n';
  std::string line;
  for (const RowAt& row : index) {
    in.seekg(static_cast<std::streamoff>(row.offset));
    if (!std::getline(in, line)) throw std::runtime_error(path + ": cannot read back a row while sorting");
    out.stream() << line << '\n';
  }
  out.commit();
  return SweepSortOutcome::sorted;
}

}  // namespace parley::io
