#pragma once
// A small JSON reader for the tests: a document flattened to its leaves, each under its path
// ("outcomes.settled", "duration.histogram[3]"), numbers as doubles, everything else as text.
// Enough to compare `parley run --format json` with stored goldens; throws on malformed input.

#include <cctype>
#include <cstdlib>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>

namespace parley::testing {

struct JsonLeaf {
  bool is_number = false;
  double number = 0.0;
  std::string text;  ///< strings unescaped for the simple escapes; true, false, null as such
};

class FlatJson {
 public:
  static std::map<std::string, JsonLeaf> parse(std::string_view text) {
    FlatJson reader(text);
    reader.value("");
    reader.skip();
    if (reader.pos_ != text.size()) throw std::runtime_error("json: trailing characters");
    return std::move(reader.leaves_);
  }

 private:
  explicit FlatJson(std::string_view text) : text_(text) {}

  void skip() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }
  char peek() {
    skip();
    if (pos_ >= text_.size()) throw std::runtime_error("json: unexpected end");
    return text_[pos_];
  }
  void expect(char c) {
    if (peek() != c) throw std::runtime_error(std::string("json: expected ") + c);
    ++pos_;
  }
  std::string string() {
    expect('"');
    std::string out;
    while (pos_ < text_.size() && text_[pos_] != '"') {
      char c = text_[pos_++];
      if (c == '\\') {
        c = text_[pos_++];
        if (c == 'n') c = '\n';
        else if (c == 't') c = '\t';
        else if (c == 'u') {
          out += "\\u" + std::string(text_.substr(pos_, 4));
          pos_ += 4;
          continue;
        }
      }
      out += c;
    }
    expect('"');
    return out;
  }
  void value(const std::string& path) {
    const char c = peek();
    if (c == '{') {
      ++pos_;
      if (peek() == '}') {
        ++pos_;
        return;
      }
      for (;;) {
        const std::string key = string();
        expect(':');
        value(path.empty() ? key : path + "." + key);
        if (peek() == ',') {
          ++pos_;
          continue;
        }
        expect('}');
        return;
      }
    }
    if (c == '[') {
      ++pos_;
      if (peek() == ']') {
        ++pos_;
        return;
      }
      for (std::size_t i = 0;; ++i) {
        value(path + "[" + std::to_string(i) + "]");
        if (peek() == ',') {
          ++pos_;
          continue;
        }
        expect(']');
        return;
      }
    }
    JsonLeaf leaf;
    if (c == '"') {
      leaf.text = string();
    } else if (c == '-' || std::isdigit(static_cast<unsigned char>(c))) {
      const std::string rest(text_.substr(pos_));
      char* end = nullptr;
      leaf.number = std::strtod(rest.c_str(), &end);
      leaf.is_number = true;
      pos_ += static_cast<std::size_t>(end - rest.c_str());
    } else {
      for (const char* word : {"true", "false", "null"}) {
        if (text_.substr(pos_, std::string_view(word).size()) == word) {
          leaf.text = word;
          pos_ += std::string_view(word).size();
        }
      }
      if (leaf.text.empty()) throw std::runtime_error("json: unexpected character");
    }
    leaves_[path] = leaf;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  std::map<std::string, JsonLeaf> leaves_;
};

}  // namespace parley::testing
