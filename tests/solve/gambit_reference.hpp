#pragma once
// Gambit's reference equilibria (tests/data/gambit/reference.json) for the tests
// of the Nash solvers and of the .nfg reader: a minimal JSON reader (there is no JSON library
// in the project) and the two-player games Gambit's `enummixed` solved.

#include <catch2/catch.hpp>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "parley/solve/bimatrix_game.hpp"

namespace parley::testing {

/// A JSON value: null, boolean, number, string, array or object (RFC 8259), enough to read
/// reference.json; \u escapes other than ASCII are not needed there and are rejected.
struct JsonValue {
  enum class Kind { null, boolean, number, string, array, object };
  Kind kind = Kind::null;
  bool boolean = false;
  double number = 0.0;
  std::string string;
  std::vector<JsonValue> items;
  std::map<std::string, JsonValue> members;

  [[nodiscard]] bool has(const std::string& key) const { return members.count(key) > 0; }
  [[nodiscard]] const JsonValue& operator[](const std::string& key) const {
    const auto it = members.find(key);
    if (it == members.end()) throw std::runtime_error("reference.json: missing key " + key);
    return it->second;
  }
};

class JsonReader {
 public:
  explicit JsonReader(std::string text) : text_(std::move(text)) {}

  JsonValue read() {
    JsonValue v = value();
    space();
    if (pos_ != text_.size()) fail("trailing characters");
    return v;
  }

 private:
  JsonValue value() {
    space();
    if (pos_ >= text_.size()) fail("unexpected end");
    JsonValue v;
    const char c = text_[pos_];
    if (c == '{') {
      v.kind = JsonValue::Kind::object;
      ++pos_;
      space();
      if (peek('}')) return v;
      do {
        space();
        std::string key = string_literal();
        space();
        consume(':');
        v.members[key] = value();
        space();
      } while (peek(','));
      consume('}');
    } else if (c == '[') {
      v.kind = JsonValue::Kind::array;
      ++pos_;
      space();
      if (peek(']')) return v;
      do {
        v.items.push_back(value());
        space();
      } while (peek(','));
      consume(']');
    } else if (c == '"') {
      v.kind = JsonValue::Kind::string;
      v.string = string_literal();
    } else if (text_.compare(pos_, 4, "true") == 0 || text_.compare(pos_, 5, "false") == 0) {
      v.kind = JsonValue::Kind::boolean;
      v.boolean = text_[pos_] == 't';
      pos_ += v.boolean ? 4 : 5;
    } else if (text_.compare(pos_, 4, "null") == 0) {
      pos_ += 4;
    } else {
      v.kind = JsonValue::Kind::number;
      const char* start = text_.c_str() + pos_;
      char* end = nullptr;
      v.number = std::strtod(start, &end);
      if (end == start) fail("bad value");
      pos_ += static_cast<std::size_t>(end - start);
    }
    return v;
  }

  std::string string_literal() {
    consume('"');
    std::string s;
    while (pos_ < text_.size() && text_[pos_] != '"') {
      char c = text_[pos_++];
      if (c == '\\') {
        if (pos_ >= text_.size()) fail("bad escape");
        const char e = text_[pos_++];
        switch (e) {
          case 'n': c = '\n'; break;
          case 't': c = '\t'; break;
          case 'r': c = '\r'; break;
          case 'b': c = '\b'; break;
          case 'f': c = '\f'; break;
          case 'u': {
            const unsigned long code = std::stoul(text_.substr(pos_, 4), nullptr, 16);
            if (code > 0x7f) fail("non-ASCII \\u escape");
            c = static_cast<char>(code);
            pos_ += 4;
            break;
          }
          default: c = e;  // \" \\ \/
        }
      }
      s += c;
    }
    consume('"');
    return s;
  }

  void space() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }
  bool peek(char c) {
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  void consume(char c) {
    if (!peek(c)) fail(std::string("expected '") + c + "'");
  }
  [[noreturn]] void fail(const std::string& what) const {
    throw std::runtime_error("reference.json: " + what + " at offset " + std::to_string(pos_));
  }

  std::string text_;
  std::size_t pos_ = 0;
};

/// The directory of Gambit's games; a test that needs it fails (not skips) without it.
inline std::filesystem::path gambit_dir() {
  const std::filesystem::path dir = std::filesystem::path(PARLEY_SOURCE_DIR) / "tests" / "data" / "gambit";
  if (!std::filesystem::exists(dir / "reference.json")) {
    FAIL("Gambit's reference games are missing: expected " << (dir / "reference.json").string()
                                                           << " (tests/data/gambit in the source tree)");
  }
  return dir;
}

inline const JsonValue& gambit_reference_json() {
  static const JsonValue root = [] {
    std::ifstream in(gambit_dir() / "reference.json");
    std::stringstream buffer;
    buffer << in.rdbuf();
    return JsonReader(buffer.str()).read();
  }();
  return root;
}

/// A profile of profile_float: [[x...], [y...]].
inline MixedProfile profile_from_json(const JsonValue& v) {
  MixedProfile p{Eigen::VectorXd(static_cast<Eigen::Index>(v.items.at(0).items.size())),
                 Eigen::VectorXd(static_cast<Eigen::Index>(v.items.at(1).items.size()))};
  for (std::size_t i = 0; i < v.items[0].items.size(); ++i)
    p.x(static_cast<Eigen::Index>(i)) = v.items[0].items[i].number;
  for (std::size_t j = 0; j < v.items[1].items.size(); ++j)
    p.y(static_cast<Eigen::Index>(j)) = v.items[1].items[j].number;
  return p;
}

/// A number Gambit wrote as a string: an integer, a decimal or a rational p/q.
inline double gambit_number(const std::string& s) {
  const auto slash = s.find('/');
  if (slash == std::string::npos) return std::stod(s);
  return std::stod(s.substr(0, slash)) / std::stod(s.substr(slash + 1));
}

/// One two-player game with Gambit's `enummixed` (and, where run, `enummixed -c`) results.
struct GambitEnummixedCase {
  std::string entry;          ///< the game's "file" in reference.json
  std::filesystem::path nfg;  ///< the .nfg to read (the strategic form of an .efg)
  Eigen::MatrixXd a;          ///< the payoffs Gambit recorded
  Eigen::MatrixXd b;
  std::vector<MixedProfile> equilibria;                ///< as Gambit listed them (possibly repeated)
  std::vector<std::vector<MixedProfile>> convex_sets;  ///< maximal Nash subsets' extreme points
};

/// Every game of reference.json that has an `enummixed` run. An extensive-form game's
/// equilibria are of its reduced strategic form, which games/efg_strategic/ holds as .nfg.
inline std::vector<GambitEnummixedCase> gambit_enummixed_cases() {
  const std::filesystem::path dir = gambit_dir();
  std::vector<GambitEnummixedCase> cases;
  for (const JsonValue& game : gambit_reference_json()["games"].items) {
    const JsonValue* run = nullptr;
    const JsonValue* run_c = nullptr;
    for (const JsonValue& r : game["runs"].items) {
      if (r["run_id"].string == "enummixed") run = &r;
      if (r["run_id"].string == "enummixed_c") run_c = &r;
    }
    if (run == nullptr) continue;
    GambitEnummixedCase c;
    c.entry = game["file"].string;
    std::filesystem::path file = dir / c.entry;
    if (file.extension() == ".efg")
      file = dir / "games" / "efg_strategic" / file.filename().replace_extension(".nfg");
    c.nfg = file;
    const auto& a = game["payoffs"]["A"].items;
    const auto& b = game["payoffs"]["B"].items;
    c.a.resize(static_cast<Eigen::Index>(a.size()), static_cast<Eigen::Index>(a.at(0).items.size()));
    c.b.resizeLike(c.a);
    for (Eigen::Index i = 0; i < c.a.rows(); ++i) {
      for (Eigen::Index j = 0; j < c.a.cols(); ++j) {
        c.a(i, j) = gambit_number(a[static_cast<std::size_t>(i)].items[static_cast<std::size_t>(j)].string);
        c.b(i, j) = gambit_number(b[static_cast<std::size_t>(i)].items[static_cast<std::size_t>(j)].string);
      }
    }
    for (const JsonValue& eq : (*run)["equilibria"].items)
      c.equilibria.push_back(profile_from_json(eq["profile_float"]));
    if (run_c != nullptr && run_c->has("convex_sets")) {
      for (const JsonValue& set : (*run_c)["convex_sets"].items) {
        std::vector<MixedProfile> points;
        for (const JsonValue& point : set["extreme_points"].items) {
          JsonValue as_float = point;  // extreme points are rational strings
          for (auto& player : as_float.items) {
            for (auto& prob : player.items) {
              prob.number = gambit_number(prob.string);
              prob.kind = JsonValue::Kind::number;
            }
          }
          points.push_back(profile_from_json(as_float));
        }
        c.convex_sets.push_back(std::move(points));
      }
    }
    cases.push_back(std::move(c));
  }
  return cases;
}

/// The distinct profiles of `profiles` (within `tolerance`), in order of first appearance.
inline std::vector<MixedProfile> distinct_profiles(const std::vector<MixedProfile>& profiles,
                                                   double tolerance) {
  std::vector<MixedProfile> distinct;
  for (const auto& p : profiles) {
    bool known = false;
    for (const auto& d : distinct) known = known || profile_distance(p, d) <= tolerance;
    if (!known) distinct.push_back(p);
  }
  return distinct;
}

/// True when every profile of `a` is within `tolerance` of one of `b` and vice versa.
inline bool same_profile_sets(const std::vector<MixedProfile>& a, const std::vector<MixedProfile>& b,
                              double tolerance) {
  const auto covered = [tolerance](const std::vector<MixedProfile>& from,
                                   const std::vector<MixedProfile>& in) {
    for (const auto& p : from) {
      bool found = false;
      for (const auto& q : in) found = found || profile_distance(p, q) <= tolerance;
      if (!found) return false;
    }
    return true;
  };
  return covered(a, b) && covered(b, a);
}

}  // namespace parley::testing
