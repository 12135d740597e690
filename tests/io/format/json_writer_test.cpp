// The streaming JSON writer: structure, escaping, and doubles that read back exactly.
#include <catch2/catch.hpp>

#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <sstream>
#include <string>
#include <stdexcept>

#include "parley/io/format/json_writer.hpp"

using parley::io::json_quote;
using parley::io::JsonWriter;

TEST_CASE("JSON objects and arrays nest with commas and indentation", "[io][json]") {
  std::ostringstream out;
  JsonWriter json(out);
  json.begin_object()
      .field("runs", 3)
      .key("outcomes").begin_object().field("settled", 0.25).field("frozen", 0.75).end_object()
      .key("empty").begin_array().end_array()
      .key("none").begin_object().end_object()
      .key("list").begin_array().value("a").value(true).null().end_array()
      .end_object();
  CHECK(json.complete());
  CHECK(out.str() ==
        "{\n"
        "  \"runs\": 3,\n"
        "  \"outcomes\": {\n"
        "    \"settled\": 0.25,\n"
        "    \"frozen\": 0.75\n"
        "  },\n"
        "  \"empty\": [],\n"
        "  \"none\": {},\n"
        "  \"list\": [\n"
        "    \"a\",\n"
        "    true,\n"
        "    null\n"
        "  ]\n"
        "}");
}

TEST_CASE("JSON arrays of numbers or strings (array()) stand on one line, whatever the indentation", "[io][json]") {
  std::ostringstream out;
  JsonWriter json(out);
  json.begin_object()
      .key("x").array(std::vector<double>{1, 0, 0.5})
      .key("names").array(std::vector<std::string>{"a", "b"})
      .key("none").array(std::vector<int>{})
      .key("rows").begin_array().begin_object().key("y").array(std::vector<int>{2, 3}).end_object().end_array()
      .end_object();
  CHECK(out.str() ==
        "{\n"
        "  \"x\": [1, 0, 0.5],\n"
        "  \"names\": [\"a\", \"b\"],\n"
        "  \"none\": [],\n"
        "  \"rows\": [\n"
        "    {\n"
        "      \"y\": [2, 3]\n"
        "    }\n"
        "  ]\n"
        "}");
  std::ostringstream flat;
  JsonWriter(flat, 0).begin_object().key("x").array(std::vector<int>{1, 2}).end_object();
  CHECK(flat.str() == "{\"x\":[1,2]}");
}

TEST_CASE("JSON values formatted apart at their depth splice into a document as if written in place", "[io][json]") {
  const auto element = [](int k) {
    std::string text;
    JsonWriter json(text, 2, 2);  // inside the document's object and its "items" array
    json.begin_object().field("k", k).key("pair").array(std::vector<int>{k, k + 1}).end_object();
    CHECK(json.complete());
    return text;
  };
  std::ostringstream spliced;
  JsonWriter document(spliced);
  document.begin_object().key("items").begin_array().json_text(element(1)).json_text(element(2)).end_array().end_object();
  std::ostringstream direct;
  JsonWriter in_place(direct);
  in_place.begin_object().key("items").begin_array();
  for (const int k : {1, 2}) in_place.begin_object().field("k", k).key("pair").array(std::vector<int>{k, k + 1}).end_object();
  in_place.end_array().end_object();
  CHECK(spliced.str() == direct.str());
  CHECK(spliced.str().find("\n      \"k\": 2,\n") != std::string::npos);
}

TEST_CASE("JSON can be written on one line", "[io][json]") {
  std::ostringstream out;
  JsonWriter json(out, 0);
  json.begin_object().field("a", 1).key("b").array(std::vector<double>{0.5, 2}).field("c", false).end_object();
  CHECK(out.str() == R"({"a":1,"b":[0.5,2],"c":false})");
}

TEST_CASE("JSON strings escape quotes, backslashes and control characters", "[io][json]") {
  CHECK(json_quote("plain") == "\"plain\"");
  CHECK(json_quote("say \"no\"") == R"("say \"no\"")");
  CHECK(json_quote("a\\b") == R"("a\\b")");
  CHECK(json_quote("line\nbreak\ttab\rret\bback\fform") == R"("line\nbreak\ttab\rret\bback\fform")");
  CHECK(json_quote(std::string("nul\0x", 5)) == R"("nul\u0000x")");
  CHECK(json_quote("\x1f") == R"("\u001f")");
  // UTF-8 passes through: JSON text is UTF-8.
  CHECK(json_quote("Україна") == "\"Україна\"");
}

TEST_CASE("JSON numbers read back as the same double", "[io][json]") {
  const double values[] = {0.1, 1.0 / 3.0, 539.0 / 625.0, 10.0 / 19.0, 2.0 / 3.0 * 1e-300,
                           std::numeric_limits<double>::denorm_min(), std::numeric_limits<double>::max(),
                           -123456.789e-12, 1e21, 0.0005, 1.0, 0.0};
  for (const double x : values) {
    std::ostringstream out;
    JsonWriter(out, 0).value(x);
    const std::string text = out.str();
    double back = 0.0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), back);
    INFO(text);
    REQUIRE(ec == std::errc());
    CHECK(end == text.data() + text.size());
    CHECK(std::memcmp(&back, &x, sizeof x) == 0);
  }
}

TEST_CASE("JSON has no NaN or infinity: they are written as null", "[io][json]") {
  std::ostringstream out;
  JsonWriter(out, 0).begin_array().value(std::nan("")).value(std::numeric_limits<double>::infinity()).end_array();
  CHECK(out.str() == "[null,null]");
}

TEST_CASE("misusing the JSON writer throws", "[io][json]") {
  std::ostringstream out;
  SECTION("a value in an object without a key") {
    JsonWriter json(out);
    json.begin_object();
    CHECK_THROWS_AS(json.value(1), std::logic_error);
  }
  SECTION("a key in an array") {
    JsonWriter json(out);
    json.begin_array();
    CHECK_THROWS_AS(json.key("a"), std::logic_error);
  }
  SECTION("mismatched ends") {
    JsonWriter json(out);
    json.begin_array();
    CHECK_THROWS_AS(json.end_object(), std::logic_error);
  }
  SECTION("a second top-level value") {
    JsonWriter json(out);
    json.value(1);
    CHECK_THROWS_AS(json.value(2), std::logic_error);
  }
  SECTION("a key without its value") {
    JsonWriter json(out);
    json.begin_object().key("a");
    CHECK_FALSE(json.complete());
    CHECK_THROWS_AS(json.end_object(), std::logic_error);
  }
}
