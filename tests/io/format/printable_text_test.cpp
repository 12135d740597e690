// io::printable_text (issue 18): the control bytes of the input are shown as text instead of
// being sent to the terminal.
#include <catch2/catch.hpp>

#include <string>

#include "parley/io/format/printable_text.hpp"

using namespace std::string_literals;

TEST_CASE("printable_text shows control bytes as hex escapes and keeps text, line feeds and tabs", "[io][printable]") {
  using parley::io::printable_text;
  CHECK(printable_text("title \x1b[31mred\x1b[0m") == "title \\x1b[31mred\\x1b[0m");
  CHECK(printable_text("bell\a, cr\r, del\x7f") == "bell\\x07, cr\\x0d, del\\x7f");
  CHECK(printable_text("C1 CSI \xC2\x9B" "2J") == "C1 CSI \\xc2\\x9b2J");
  CHECK(printable_text("not UTF-8 \xFF") == "not UTF-8 \\xff");
  CHECK(printable_text("two lines\n\tand a tab") == "two lines\n\tand a tab");
  CHECK(printable_text("Україна, Zürich ©") == "Україна, Zürich ©");
  CHECK(printable_text("nul "s + '\0' + " byte") == "nul \\x00 byte");
}
