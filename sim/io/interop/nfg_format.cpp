#include "parley/io/interop/nfg_format.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <fstream>
#include <istream>
#include <iterator>
#include <ostream>
#include <sstream>
#include <utility>

#include "parley/io/format/atomic_file_writer.hpp"

namespace parley::io {

NfgFormatError::NfgFormatError(std::string file, int line, int column, std::string message)
    : std::runtime_error(
          file + (line > 0 ? ":" + std::to_string(line) + ":" + std::to_string(column) : std::string()) +
          ": error: " + message),
      file_(std::move(file)),
      line_(line),
      column_(column),
      message_(std::move(message)) {}

std::size_t NfgGame::num_profiles() const {
  std::size_t count = 1;
  for (const auto& s : strategies) count *= s.size();
  return count;
}

namespace {

/// A token of the format: a quoted string, a number, a brace, a comma, or a bare word
/// (`NFG`, `R`, `D`); `end` marks the end of the input.
struct Token {
  enum class Kind { text, number, word, open, close, comma, end };
  Kind kind = Kind::end;
  std::string text;  ///< the string's contents (escapes resolved), the number or word as written
  int line = 0;
  int column = 0;
};

std::string describe(const Token& t) {
  switch (t.kind) {
    case Token::Kind::text: return "string \"" + t.text + "\"";
    case Token::Kind::number: return "number " + t.text;
    case Token::Kind::word: return "'" + t.text + "'";
    case Token::Kind::open: return "'{'";
    case Token::Kind::close: return "'}'";
    case Token::Kind::comma: return "','";
    case Token::Kind::end: return "end of file";
  }
  return "token";
}

/// Splits the whole file into tokens, tracking lines and columns.
class Lexer {
 public:
  Lexer(std::string source, std::string file) : source_(std::move(source)), file_(std::move(file)) {}

  Token next() {
    skip_space();
    Token t;
    t.line = line_;
    t.column = column_;
    if (pos_ >= source_.size()) return t;
    const char c = source_[pos_];
    if (c == '{' || c == '}' || c == ',') {
      t.kind = c == '{' ? Token::Kind::open : c == '}' ? Token::Kind::close : Token::Kind::comma;
      t.text = std::string(1, c);
      advance();
    } else if (c == '"') {
      t.kind = Token::Kind::text;
      advance();
      // Gambit's escape: \" is a quote inside the string; any other backslash is kept.
      while (true) {
        if (pos_ >= source_.size())
          throw NfgFormatError(file_, t.line, t.column, "string is not closed before the end of the file");
        const char d = source_[pos_];
        if (d == '"') {
          advance();
          break;
        }
        if (d == '\\' && pos_ + 1 < source_.size() && source_[pos_ + 1] == '"') {
          t.text += '"';
          advance();
          advance();
          continue;
        }
        t.text += d;
        advance();
      }
    } else if (std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '+' || c == '.') {
      t.kind = Token::Kind::number;
      while (pos_ < source_.size() && !std::isspace(static_cast<unsigned char>(source_[pos_])) &&
             source_[pos_] != '{' && source_[pos_] != '}' && source_[pos_] != ',' && source_[pos_] != '"') {
        t.text += source_[pos_];
        advance();
      }
    } else {
      t.kind = Token::Kind::word;
      while (pos_ < source_.size() && !std::isspace(static_cast<unsigned char>(source_[pos_])) &&
             source_[pos_] != '{' && source_[pos_] != '}' && source_[pos_] != '"') {
        t.text += source_[pos_];
        advance();
      }
    }
    return t;
  }

  [[nodiscard]] const std::string& file() const { return file_; }

 private:
  void advance() {
    if (source_[pos_] == '\n') {
      ++line_;
      column_ = 1;
    } else {
      ++column_;
    }
    ++pos_;
  }
  void skip_space() {
    while (pos_ < source_.size() && std::isspace(static_cast<unsigned char>(source_[pos_]))) advance();
  }

  std::string source_;
  std::string file_;
  std::size_t pos_ = 0;
  int line_ = 1;
  int column_ = 1;
};

/// Recursive-descent reader of the grammar in read_nfg's documentation.
class Parser {
 public:
  Parser(std::string source, std::string file) : lexer_(std::move(source), std::move(file)) { advance(); }

  NfgGame parse() {
    NfgGame game;
    expect_word("NFG", "the file type 'NFG' at the start of the file");
    if (current_.kind != Token::Kind::number || current_.text != "1")
      fail("expected version number 1 after 'NFG'");
    advance();
    if (current_.kind != Token::Kind::word || (current_.text != "R" && current_.text != "D")) {
      fail("expected the number type R or D after 'NFG 1', found " + describe(current_));
    }
    advance();
    game.title = expect_text("the game's title in quotes");

    expect(Token::Kind::open, "'{' before the player names");
    while (current_.kind == Token::Kind::text) {
      game.players.push_back(current_.text);
      advance();
    }
    expect(Token::Kind::close, "a player name in quotes or '}' after the player names");
    if (game.players.empty()) fail_at(last_, "the game has no players");
    read_strategies(game);
    if (current_.kind == Token::Kind::text) {
      game.comment = current_.text;
      advance();
    }

    if (current_.kind == Token::Kind::open) {
      read_outcome_body(game);
    } else if (current_.kind == Token::Kind::number) {
      read_payoff_body(game);
    } else {
      fail("expected the payoffs (numbers) or the outcome list ('{'), found " + describe(current_));
    }
    if (current_.kind != Token::Kind::end)
      fail("unexpected " + describe(current_) + " after the end of the game");
    return game;
  }

 private:
  void read_strategies(NfgGame& game) {
    expect(Token::Kind::open, "'{' before the strategy counts or labels");
    const std::size_t players = game.players.size();
    if (current_.kind == Token::Kind::open) {
      for (std::size_t p = 0; p < players; ++p) {
        expect(Token::Kind::open, "'{' before the strategy labels of player " + std::to_string(p + 1));
        std::vector<std::string> labels;
        while (current_.kind == Token::Kind::text) {
          labels.push_back(current_.text);
          advance();
        }
        expect(Token::Kind::close, "a strategy label in quotes or '}'");
        if (labels.empty()) fail_at(last_, "player " + std::to_string(p + 1) + " has no strategies");
        check_profile_count(game, labels.size(), p);
        game.strategies.push_back(std::move(labels));
      }
    } else {
      for (std::size_t p = 0; p < players; ++p) {
        if (current_.kind != Token::Kind::number) {
          fail("expected the number of strategies of player " + std::to_string(p + 1) + " (the game has " +
               std::to_string(players) + " players), found " + describe(current_));
        }
        const long count = to_integer(current_);
        if (count < 1) fail("player " + std::to_string(p + 1) + " must have at least one strategy");
        check_profile_count(game, static_cast<unsigned long>(count), p);
        std::vector<std::string> labels;
        for (long s = 1; s <= count; ++s) labels.push_back(std::to_string(s));
        game.strategies.push_back(std::move(labels));
        advance();
      }
    }
    expect(Token::Kind::close, "'}' after the strategies of the " + std::to_string(players) + " players");
  }

  /// Refuses player p's `count` strategies when, with the players before it, the game would
  /// have more than max_nfg_profiles profiles: checked before anything is allocated for them.
  void check_profile_count(const NfgGame& game, unsigned long count, std::size_t p) const {
    const std::size_t before = game.num_profiles();  // of the players read so far
    if (count > max_nfg_profiles / before) {
      fail("player " + std::to_string(p + 1) + "'s " + std::to_string(count) +
           " strategies make more than " + std::to_string(max_nfg_profiles) +
           " strategy profiles, the limit of the reader (docs/limits.md)");
    }
  }

  void read_payoff_body(NfgGame& game) {
    const std::size_t players = game.players.size();
    const std::size_t expected = game.num_profiles() * players;
    game.payoffs.assign(game.num_profiles(), std::vector<double>(players, 0.0));
    game.payoff_texts.assign(game.num_profiles(), std::vector<std::string>(players, "0"));
    for (std::size_t k = 0; k < expected; ++k) {
      if (current_.kind != Token::Kind::number) {
        fail("expected payoff " + std::to_string(k + 1) + " of " + std::to_string(expected) + " (" +
             std::to_string(game.num_profiles()) + " profiles x " + std::to_string(players) +
             " players), found " + describe(current_));
      }
      game.payoffs[k / players][k % players] = to_number(current_);
      game.payoff_texts[k / players][k % players] = current_.text;
      advance();
    }
  }

  void read_outcome_body(NfgGame& game) {
    const std::size_t players = game.players.size();
    expect(Token::Kind::open, "'{' before the outcomes");
    std::vector<std::vector<double>> outcomes;
    std::vector<std::vector<std::string>> outcome_texts;
    while (current_.kind == Token::Kind::open) {
      advance();
      expect_text("the outcome's name in quotes");
      std::vector<double> payoffs;
      std::vector<std::string> texts;
      for (std::size_t p = 0; p < players; ++p) {
        if (current_.kind != Token::Kind::number) {
          fail("expected the payoff of player " + std::to_string(p + 1) + " in outcome " +
               std::to_string(outcomes.size() + 1) + ", found " + describe(current_));
        }
        payoffs.push_back(to_number(current_));
        texts.push_back(current_.text);
        advance();
        if (current_.kind == Token::Kind::comma) advance();
      }
      expect(Token::Kind::close, "'}' after the " + std::to_string(players) + " payoffs of outcome " +
                                     std::to_string(outcomes.size() + 1));
      outcomes.push_back(std::move(payoffs));
      outcome_texts.push_back(std::move(texts));
    }
    expect(Token::Kind::close, "'{' starting an outcome or '}' ending the outcome list");
    game.payoffs.assign(game.num_profiles(), std::vector<double>(players, 0.0));
    game.payoff_texts.assign(game.num_profiles(), std::vector<std::string>(players, "0"));
    for (std::size_t k = 0; k < game.num_profiles(); ++k) {
      if (current_.kind != Token::Kind::number) {
        fail("expected the outcome of profile " + std::to_string(k + 1) + " of " +
             std::to_string(game.num_profiles()) + ", found " + describe(current_));
      }
      const long index = to_integer(current_);
      if (index < 0 || static_cast<std::size_t>(index) > outcomes.size()) {
        fail("outcome index " + current_.text + " is not between 0 and " + std::to_string(outcomes.size()));
      }
      if (index > 0) {
        game.payoffs[k] = outcomes[static_cast<std::size_t>(index - 1)];
        game.payoff_texts[k] = outcome_texts[static_cast<std::size_t>(index - 1)];
      }
      advance();
    }
  }

  /// The value of a number token: an integer, a decimal (with optional exponent) or a
  /// rational p/q.
  double to_number(const Token& t) const {
    const std::string& s = t.text;
    const auto slash = s.find('/');
    if (slash == std::string::npos) return parse_decimal(t, s);
    const std::string numerator = s.substr(0, slash);
    const std::string denominator = s.substr(slash + 1);
    const auto all_digits = [](const std::string& x, bool sign) {
      std::size_t i = sign && !x.empty() && (x[0] == '-' || x[0] == '+') ? 1 : 0;
      if (i == x.size()) return false;
      for (; i < x.size(); ++i) {
        if (!std::isdigit(static_cast<unsigned char>(x[i]))) return false;
      }
      return true;
    };
    if (!all_digits(numerator, true) || !all_digits(denominator, false)) {
      fail_at(t, "'" + s + "' is not a number (a rational is written like 45/2)");
    }
    const double q = parse_decimal(t, denominator);
    if (q == 0.0) fail_at(t, "'" + s + "' has a zero denominator");
    return parse_decimal(t, numerator) / q;
  }

  double parse_decimal(const Token& t, const std::string& s) const {
    const std::size_t skip = !s.empty() && s[0] == '+' ? 1 : 0;  // from_chars takes no '+'
    double value = 0.0;
    const char* first = s.data() + skip;
    const char* last = s.data() + s.size();
    const auto [end, ec] = std::from_chars(first, last, value);
    if (ec != std::errc() || end != last || first == last || !std::isfinite(value)) {
      fail_at(t, "'" + t.text + "' is not a number");
    }
    return value;
  }

  long to_integer(const Token& t) const {
    long value = 0;
    const auto [end, ec] = std::from_chars(t.text.data(), t.text.data() + t.text.size(), value);
    if (ec != std::errc() || end != t.text.data() + t.text.size())
      fail_at(t, "expected a whole number, found " + t.text);
    return value;
  }

  void advance() {
    last_ = current_;
    current_ = lexer_.next();
  }
  void expect(Token::Kind kind, const std::string& what) {
    if (current_.kind != kind) fail("expected " + what + ", found " + describe(current_));
    advance();
  }
  void expect_word(const std::string& word, const std::string& what) {
    if (current_.kind != Token::Kind::word || current_.text != word)
      fail("expected " + what + ", found " + describe(current_));
    advance();
  }
  std::string expect_text(const std::string& what) {
    if (current_.kind != Token::Kind::text) fail("expected " + what + ", found " + describe(current_));
    std::string text = current_.text;
    advance();
    return text;
  }
  [[noreturn]] void fail(const std::string& message) const { fail_at(current_, message); }
  [[noreturn]] void fail_at(const Token& t, const std::string& message) const {
    throw NfgFormatError(lexer_.file(), t.line, t.column, message);
  }

  Lexer lexer_;
  Token current_;
  Token last_;
};

/// Shortest text that reads back as x; integers without a decimal point.
std::string number_text(double x) {
  char buffer[64];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, x);
  (void)ec;  // 64 characters always hold a double
  return std::string(buffer, end);
}

std::string nfg_quoted(const std::string& s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"') out += '\\';
    out += c;
  }
  return out + "\"";
}

}  // namespace

NfgGame read_nfg(std::istream& in, const std::string& file_name) {
  std::string source((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw NfgFormatError(file_name, 0, 0, "could not be read");
  return Parser(std::move(source), file_name).parse();
}

NfgGame read_nfg_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw NfgFormatError(path.string(), 0, 0, "cannot open the file");
  return read_nfg(in, path.string());
}

BimatrixGame to_bimatrix_game(const NfgGame& nfg) {
  if (nfg.num_players() != 2) {
    throw std::invalid_argument("the game has " + std::to_string(nfg.num_players()) +
                                " players; only two-player games are bimatrix games");
  }
  const auto m = static_cast<Eigen::Index>(nfg.strategies[0].size());
  const auto n = static_cast<Eigen::Index>(nfg.strategies[1].size());
  Eigen::MatrixXd a(m, n);
  Eigen::MatrixXd b(m, n);
  for (Eigen::Index j = 0; j < n; ++j) {
    for (Eigen::Index i = 0; i < m; ++i) {
      const auto& payoffs = nfg.payoffs[static_cast<std::size_t>(i + m * j)];
      a(i, j) = payoffs[0];
      b(i, j) = payoffs[1];
    }
  }
  return BimatrixGame(std::move(a), std::move(b), {nfg.players[0], nfg.players[1]},
                      {nfg.strategies[0], nfg.strategies[1]}, nfg.title);
}

void write_nfg(std::ostream& out, const BimatrixGame& game) {
  const bool integral = (game.a().array() == game.a().array().round()).all() &&
                        (game.b().array() == game.b().array().round()).all();
  out << "NFG 1 " << (integral ? "R" : "D") << " " << nfg_quoted(game.title()) << " { "
      << nfg_quoted(game.player_name(0)) << " " << nfg_quoted(game.player_name(1)) << " }\n\n{ ";
  for (int p = 0; p < 2; ++p) {
    out << "{";
    for (const auto& label : game.strategy_labels(p)) out << " " << nfg_quoted(label);
    out << " }\n";
  }
  out << "}\n\"\"\n\n";
  // Profiles with player 1's strategy varying fastest, both players' payoffs for each.
  for (int j = 0; j < game.cols(); ++j) {
    for (int i = 0; i < game.rows(); ++i) {
      out << number_text(game.a()(i, j)) << " " << number_text(game.b()(i, j))
          << (i + 1 < game.rows() ? " " : "");
    }
    out << "\n";
  }
}

void write_nfg_file(const std::filesystem::path& path, const BimatrixGame& game) {
  AtomicFileWriter file(path);  // throws FileWriteError (a std::runtime_error) naming the file
  write_nfg(file.stream(), game);
  file.commit();
}

}  // namespace parley::io
