#include "parley/io/report/sobol_report.hpp"

#include <utility>

#include "parley/io/format/json_writer.hpp"
#include "parley/io/format/number_format.hpp"
#include "parley/io/format/table_writer.hpp"

namespace parley::io {

namespace {

// `[lo, hi]` of an index's interval, as the table shows it.
std::string sobol_interval_text(const sweep::IndexEstimate& e) {
  return "[" + format_fixed(e.lo, 3) + ", " + format_fixed(e.hi, 3) + "]";
}

}  // namespace

void write_sobol_table(std::ostream& out, const SobolReport& report) {
  const auto& indices = report.indices;
  const std::string level = format_shortest(100 * report.confidence) + "%";
  out << "Sobol indices of " << report.metric << " (" << indices.samples << " base samples, variance "
      << format_fixed(indices.variance, 6) << ", " << level << " bootstrap intervals over " << report.bootstrap
      << " resamples)\n\n";
  TableWriter table({"parameter", "first order", level + " interval", "total", level + " interval"},
                    {TableWriter::Align::left, TableWriter::Align::right, TableWriter::Align::left,
                     TableWriter::Align::right, TableWriter::Align::left});
  for (std::size_t i = 0; i < report.parameters.size(); ++i)
    table.add_row({report.parameters[i], format_fixed(indices.first_order[i].value, 3),
                   sobol_interval_text(indices.first_order[i]), format_fixed(indices.total[i].value, 3),
                   sobol_interval_text(indices.total[i])});
  table.write(out);
}

void write_sobol_csv(std::ostream& out, const SobolReport& report) {
  out << "parameter,first_order,first_order_lo,first_order_hi,total,total_lo,total_hi\n";
  for (std::size_t i = 0; i < report.parameters.size(); ++i) {
    const auto& s = report.indices.first_order[i];
    const auto& t = report.indices.total[i];
    out << report.parameters[i] << ',' << format_shortest(s.value) << ',' << format_shortest(s.lo) << ','
        << format_shortest(s.hi) << ',' << format_shortest(t.value) << ',' << format_shortest(t.lo) << ','
        << format_shortest(t.hi) << "\n";
  }
}

void write_sobol_json(std::ostream& out, const SobolReport& report) {
  const auto& indices = report.indices;
  JsonWriter json(out);
  json.begin_object().field("metric", report.metric).field("samples", indices.samples).field("variance", indices.variance);
  json.field("confidence", report.confidence).field("bootstrap", report.bootstrap).key("parameters").begin_object();
  for (std::size_t i = 0; i < report.parameters.size(); ++i) {
    json.key(report.parameters[i]).begin_object();
    for (const auto& [name, e] : {std::pair{"first_order", indices.first_order[i]}, {"total", indices.total[i]}})
      json.key(name).begin_object().field("value", e.value).field("lo", e.lo).field("hi", e.hi).end_object();
    json.end_object();
  }
  json.end_object().end_object();
  out << "\n";
}

}  // namespace parley::io
