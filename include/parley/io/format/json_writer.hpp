#pragma once
/// \file json_writer.hpp
/// A streaming JSON writer (RFC 8259) for `--format json`: values go straight to the stream,
/// so memory does not grow with the output. (Why it is not nlohmann-json's writer:
/// json_writer.cpp's opening comment.)

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace parley::io {

/// The JSON string literal for `text`, quotes included: `"`, `\` and control characters are
/// escaped (\n, \t, ..., \u00XX); UTF-8 passes through unchanged, and each byte that is not
/// part of a well-formed UTF-8 sequence is written as U+FFFD, so the output is always valid JSON.
std::string json_quote(std::string_view text);

/// \brief Writes one JSON value, built with nested begin/end calls.
///
/// \code
///   JsonWriter json(std::cout);
///   json.begin_object().field("runs", 1000).key("outcomes").begin_object().field("settled", 0.25)
///       .end_object().end_object();
/// \endcode
/// Numbers are written with the shortest text that reads back as the same double
/// (std::to_chars), so `--format json` loses nothing; NaN and infinities, which JSON lacks,
/// are written as null. Misuse (a value without a key inside an object, a key outside one,
/// unbalanced ends, a second top-level value) throws std::logic_error: it is a bug in the caller.
class JsonWriter {
 public:
  /// `indent` spaces per level, one member per line; 0 writes everything on one line.
  explicit JsonWriter(std::ostream& out, int indent = 2);
  /// A writer of one value, appended to `text`, that another writer will splice in
  /// (json_text) `depth` levels deep: its lines are indented as they will stand there. Lets
  /// threads format the values of one document apart, and one writer put them in order; a
  /// string, not a stream, since such values are many and small (no stream call per piece).
  JsonWriter(std::string& text, int indent, std::size_t depth);

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  /// The next member's name (inside an object).
  JsonWriter& key(std::string_view name);

  JsonWriter& value(std::string_view text);
  JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(double x);
  JsonWriter& value(bool b);
  template <std::integral I>
    requires(!std::same_as<I, bool>)
  JsonWriter& value(I x) {
    return raw(std::to_string(x));
  }
  JsonWriter& null();
  /// A complete JSON value written elsewhere (by a writer made with its depth here), as is.
  JsonWriter& json_text(std::string_view text) { return raw(text); }

  /// key(name) then value(x).
  template <class T>
  JsonWriter& field(std::string_view name, const T& x) {
    key(name);
    return value(x);
  }
  /// An array of numbers or strings, on one line ([1, 0, 0.5]) however the writer indents:
  /// an equilibrium of a 30x30 game is then two lines, not sixty (a megabyte less for the
  /// 900 of the all-zero game), and a vector reads as one.
  template <class T>
  JsonWriter& array(const std::vector<T>& xs) {
    begin_array();
    stack_.back().one_line = true;
    for (const auto& x : xs) value(x);
    return end_array();
  }

  /// Whether one complete top-level value has been written.
  [[nodiscard]] bool complete() const { return done_; }

 private:
  struct Frame {
    bool object;
    bool empty = true;
    bool has_key = false;
    bool one_line = false;  ///< an array whose items are written on its opening line (array())
  };
  JsonWriter& raw(std::string_view text);
  void before_value();
  void newline();
  /// Writes `piece_`, what the call put together, to the stream and empties it (nothing to
  /// do for a string: the pieces went straight into it).
  void emit();
  /// Where a call puts its pieces: the string written to, or `piece_` for a stream.
  std::string& buffer() { return text_ ? *text_ : piece_; }

  std::ostream* out_ = nullptr;  ///< where the pieces go, or
  std::string* text_ = nullptr;  ///< the string they are appended to
  int indent_;
  std::size_t depth_ = 0;  ///< levels of the enclosing document, for the indentation
  std::vector<Frame> stack_;
  bool done_ = false;
  std::string piece_;  ///< the separator, indentation and text of the current call

};

}  // namespace parley::io
