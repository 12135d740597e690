// Numbers as text: shortest round-trip, fixed and signed forms.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "parley/io/format/number_format.hpp"

using namespace parley::io;

TEST_CASE("the shortest form prints what reads back as the same double", "[io][number]") {
  CHECK(format_shortest(0.1) == "0.1");
  CHECK(format_shortest(1.0) == "1");
  CHECK(format_shortest(-2.5) == "-2.5");
  CHECK(format_shortest(0.0005) == "0.0005");
  CHECK(format_shortest(1e-20) == "1e-20");
  CHECK(format_shortest(1e15) == "1e+15");
  CHECK(format_shortest(0.1 + 0.2) == "0.30000000000000004");
  CHECK(format_shortest(std::nan("")) == "nan");
  CHECK(format_shortest(-std::numeric_limits<double>::infinity()) == "-inf");
}

TEST_CASE("fixed and signed forms round to the given decimals", "[io][number]") {
  CHECK(format_fixed(0.12345, 3) == "0.123");
  CHECK(format_fixed(2.0, 2) == "2.00");
  CHECK(format_fixed(-0.0001, 2) == "0.00");
  CHECK(format_fixed(-0.5, 1) == "-0.5");
  CHECK(format_signed(0.2, 2) == "+0.20");
  CHECK(format_signed(-0.1, 2) == "-0.10");
  CHECK(format_signed(0.0, 2) == "0.00");
}
