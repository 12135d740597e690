// Parley's own JSON writer, kept although nlohmann-json (Debian's nlohmann-json3-dev) is a
// dependency, for two measured reasons (nlohmann 3.11.2, the version Debian 12 ships):
//  - bytes: nlohmann's dump() writes a whole-valued double with a ".0" (2.0, 123456789012345.0,
//    -0.0) where format_shortest, the number format of every other output (tables, CSV), writes
//    2, 123456789012345 and -0; `--format json` would then print other text for the same
//    numbers than today and than the table and CSV formats. nlohmann::json also sorts an
//    object's keys (ordered_json is needed to keep the order written).
//  - streaming: nlohmann serialises a complete json value, so a sweep's rows or a run's
//    outcomes would be built in memory first; this writer sends each value to the stream as
//    it comes.
// Reading JSON (the sweep manifest) goes through nlohmann (sweep_manifest.cpp).
#include "parley/io/format/json_writer.hpp"

#include <cmath>
#include <stdexcept>

#include "parley/io/format/number_format.hpp"
#include "parley/io/format/utf8_text.hpp"

namespace parley::io {

std::string json_quote(std::string_view text) {
  static const char* const hex = "0123456789abcdef";
  std::string out;
  out.reserve(text.size() + 2);
  out += '"';
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20) {
          out += "\\u00";
          out += hex[u >> 4];
          out += hex[u & 0xf];
        } else if (u < 0x80) {
          out += c;
        } else if (const std::size_t n = utf8_sequence_length(text, i); n > 0) {
          out.append(text.substr(i, n));
          i += n - 1;
        } else {
          // JSON text is UTF-8 (RFC 8259, section 8.1): a byte that is not is written as U+FFFD.
          out += utf8_replacement_character;
        }
      }
    }
  }
  out += '"';
  return out;
}

JsonWriter::JsonWriter(std::ostream& out, int indent) : out_(&out), indent_(indent) {}
JsonWriter::JsonWriter(std::string& text, int indent, std::size_t depth) : text_(&text), indent_(indent), depth_(depth) {}

void JsonWriter::newline() {
  if (indent_ <= 0) return;
  buffer() += '\n';
  buffer().append((depth_ + stack_.size()) * static_cast<std::size_t>(indent_), ' ');
}

void JsonWriter::emit() {
  // One write per call: pretty-printed output has a line per number, and each insertion into
  // a stream costs a sentry and a virtual call (thousands of equilibria write megabytes).
  if (text_) return;  // written in place
  out_->write(piece_.data(), static_cast<std::streamsize>(piece_.size()));
  piece_.clear();
}

void JsonWriter::before_value() {
  if (stack_.empty()) {
    if (done_) throw std::logic_error("JsonWriter: a second top-level value");
    return;
  }
  Frame& top = stack_.back();
  if (top.object) {
    if (!top.has_key) throw std::logic_error("JsonWriter: a value inside an object needs a key");
    top.has_key = false;
    return;
  }
  if (!top.empty) buffer() += top.one_line && indent_ > 0 ? ", " : ",";
  top.empty = false;
  if (!top.one_line) newline();
}

JsonWriter& JsonWriter::raw(std::string_view text) {
  before_value();
  buffer() += text;
  emit();
  if (stack_.empty()) done_ = true;
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
  if (stack_.empty() || !stack_.back().object) throw std::logic_error("JsonWriter: a key outside an object");
  Frame& top = stack_.back();
  if (top.has_key) throw std::logic_error("JsonWriter: two keys in a row");
  if (!top.empty) buffer() += ',';
  top.empty = false;
  top.has_key = true;
  newline();
  buffer() += json_quote(name);
  buffer() += indent_ > 0 ? ": " : ":";
  emit();
  return *this;
}

JsonWriter& JsonWriter::begin_object() {
  before_value();
  buffer() += '{';
  emit();
  stack_.push_back({true});
  return *this;
}

JsonWriter& JsonWriter::begin_array() {
  before_value();
  buffer() += '[';
  emit();
  stack_.push_back({false});
  return *this;
}

JsonWriter& JsonWriter::end_object() {
  if (stack_.empty() || !stack_.back().object || stack_.back().has_key)
    throw std::logic_error("JsonWriter: end_object without a matching begin_object");
  const bool empty = stack_.back().empty;
  stack_.pop_back();
  if (!empty) newline();
  buffer() += '}';
  emit();
  if (stack_.empty()) done_ = true;
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  if (stack_.empty() || stack_.back().object)
    throw std::logic_error("JsonWriter: end_array without a matching begin_array");
  const bool empty = stack_.back().empty;
  const bool one_line = stack_.back().one_line;
  stack_.pop_back();
  if (!empty && !one_line) newline();
  buffer() += ']';
  emit();
  if (stack_.empty()) done_ = true;
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) { return raw(json_quote(text)); }

JsonWriter& JsonWriter::value(double x) { return std::isfinite(x) ? raw(format_shortest(x)) : raw("null"); }

JsonWriter& JsonWriter::value(bool b) { return raw(b ? "true" : "false"); }

JsonWriter& JsonWriter::null() { return raw("null"); }

}  // namespace parley::io
