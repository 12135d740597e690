// UTF-8 checking and repair (issue 18: a scenario title with a byte that is not UTF-8 made
// `--format json` print invalid JSON).
#include <catch2/catch.hpp>

#include <string>

#include "parley/io/format/json_writer.hpp"
#include "parley/io/format/utf8_text.hpp"

TEST_CASE("utf8_sequence_length accepts RFC 3629 and nothing else", "[io][utf8]") {
  using parley::io::first_invalid_utf8;
  CHECK_FALSE(first_invalid_utf8("plain ASCII"));
  CHECK_FALSE(first_invalid_utf8("Україна, Zürich, 日本, \xF0\x9F\x98\x80"));
  CHECK(first_invalid_utf8("ab\xFF") == 2u);              // never in UTF-8
  CHECK(first_invalid_utf8("a\x80") == 1u);               // a stray continuation byte
  CHECK(first_invalid_utf8("a\xC3") == 1u);               // truncated
  CHECK(first_invalid_utf8("\xC0\xAF") == 0u);            // overlong '/'
  CHECK(first_invalid_utf8("\xE0\x80\xAF") == 0u);        // overlong, three bytes
  CHECK(first_invalid_utf8("\xED\xA0\x80") == 0u);        // a surrogate
  CHECK(first_invalid_utf8("\xF4\x90\x80\x80") == 0u);    // above U+10FFFF
  CHECK(parley::io::valid_utf8("a\xFF" "b") == "a\xEF\xBF\xBD" "b");
  CHECK(parley::io::valid_utf8("Zürich") == "Zürich");
}

TEST_CASE("json_quote writes U+FFFD for bytes that are not UTF-8, so its output is valid JSON", "[io][utf8]") {
  using parley::io::json_quote;
  CHECK(json_quote("War \xFF title") == "\"War \xEF\xBF\xBD title\"");
  CHECK(json_quote("\xC3") == "\"\xEF\xBF\xBD\"");
  CHECK(json_quote("Україна \xF0\x9F\x98\x80") == "\"Україна \xF0\x9F\x98\x80\"");
  CHECK(json_quote("esc \x1b[31m") == "\"esc \\u001b[31m\"");
}
