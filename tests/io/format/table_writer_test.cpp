// Aligned plain-text tables.
#include <catch2/catch.hpp>

#include <sstream>
#include <stdexcept>

#include "parley/io/format/table_writer.hpp"

using parley::io::display_width;
using parley::io::TableWriter;

TEST_CASE("tables align columns to their widest cell", "[io][table]") {
  TableWriter table({"party", "utility"}, {TableWriter::Align::left, TableWriter::Align::right});
  table.add_row({"russia", "0.75"});
  table.add_row({"eu", "1"});
  std::ostringstream out;
  table.write(out, "  ");
  CHECK(out.str() ==
        "  party   utility\n"
        "  ------  -------\n"
        "  russia     0.75\n"
        "  eu            1\n");
}

TEST_CASE("table widths count characters, not bytes", "[io][table]") {
  CHECK(display_width("Україна") == 7);
  CHECK(display_width("abc") == 3);
  TableWriter table({"name", "x"});
  table.add_row({"Україна", "1"});
  table.add_row({"EU", "2"});
  std::ostringstream out;
  table.write(out);
  CHECK(out.str() ==
        "name     x\n"
        "-------  -\n"
        "Україна  1\n"
        "EU       2\n");
}

TEST_CASE("a row of the wrong size is refused", "[io][table]") {
  TableWriter table({"a", "b"});
  CHECK_THROWS_AS(table.add_row({"1"}), std::invalid_argument);
  CHECK(table.rows() == 0);
}
