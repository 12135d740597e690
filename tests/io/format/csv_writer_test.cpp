// CSV quoting (RFC 4180) and rows.
#include <catch2/catch.hpp>

#include <sstream>

#include "parley/io/format/csv_writer.hpp"

using parley::io::csv_field;
using parley::io::CsvWriter;

TEST_CASE("CSV fields are quoted only when they must be", "[io][csv]") {
  CHECK(csv_field("plain") == "plain");
  CHECK(csv_field("") == "");
  CHECK(csv_field("a,b") == "\"a,b\"");
  CHECK(csv_field("say \"no\"") == "\"say \"\"no\"\"\"");
  CHECK(csv_field("two\nlines") == "\"two\nlines\"");
  CHECK(csv_field("cr\r") == "\"cr\r\"");
  CHECK(csv_field(" padded") == "\" padded\"");
}

TEST_CASE("CSV rows are written field by field", "[io][csv]") {
  std::ostringstream out;
  CsvWriter csv(out);
  csv.write_row({"point", "advantage", "note"});
  csv.field(3).field(-0.25).field("mixed, \"quoted\"").end_row();
  csv.field(1.0 / 3.0).end_row();
  CHECK(out.str() ==
        "point,advantage,note\n"
        "3,-0.25,\"mixed, \"\"quoted\"\"\"\n"
        "0.3333333333333333\n");
}
