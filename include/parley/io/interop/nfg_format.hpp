#pragma once
/// \file nfg_format.hpp
/// Gambit's strategic-form file format (.nfg): reading both of its versions for any number
/// of players, and writing two-player games, so that Parley's games can be checked with
/// Gambit's solvers and Gambit's games solved by Parley.

#include <filesystem>
#include <iosfwd>
#include <stdexcept>
#include <string>
#include <vector>

#include "parley/solve/bimatrix_game.hpp"

namespace parley::io {

/// \brief A malformed .nfg file: which file, where (1-based line and column; 0 when the
/// error belongs to no position, such as a file that cannot be opened), and what is wrong.
/// `what()` is `file:line:column: error: message`, the form compilers use.
class NfgFormatError : public std::runtime_error {
 public:
  NfgFormatError(std::string file, int line, int column, std::string message);
  [[nodiscard]] const std::string& file() const noexcept { return file_; }
  [[nodiscard]] int line() const noexcept { return line_; }
  [[nodiscard]] int column() const noexcept { return column_; }
  [[nodiscard]] const std::string& message() const noexcept { return message_; }

 private:
  std::string file_;
  int line_;
  int column_;
  std::string message_;
};

/// \brief An n-player game in strategic form as a .nfg file holds it.
///
/// Strategy profiles are numbered as in the file format: player 1's strategy varies
/// fastest, so profile (s_1, ..., s_n) (0-based) has index
/// s_1 + k_1 (s_2 + k_2 (s_3 + ...)) with k_p the number of strategies of player p.
struct NfgGame {
  std::string title;
  std::string comment;
  std::vector<std::string> players;
  std::vector<std::vector<std::string>> strategies;  ///< strategy labels of each player
  /// payoffs[profile][player]; a profile with Gambit's null outcome (index 0) pays 0 to all.
  std::vector<std::vector<double>> payoffs;
  /// payoff_texts[profile][player]: each payoff as the file wrote it ("1e12", "45/2"; "0" for
  /// the null outcome), so that it can be read exactly (parley/solve/exact_payoffs.hpp).
  std::vector<std::vector<std::string>> payoff_texts;

  [[nodiscard]] int num_players() const { return static_cast<int>(players.size()); }
  /// Number of strategy profiles, the product of the players' strategy counts.
  [[nodiscard]] std::size_t num_profiles() const;
};

/// The most strategy profiles (the product of the players' strategy counts) a .nfg file may
/// declare (docs/limits.md): a million profiles hold their payoffs in tens of megabytes, while a
/// declared `{ 4294967297 2 }` made the reader allocate without end. Raise it here and rebuild.
inline constexpr std::size_t max_nfg_profiles = 1'000'000;

/// Reads a .nfg file from `in`; `file_name` is only used in error messages.
///
/// Both versions of the format are accepted (Gambit's documentation, "The strategic game
/// (.nfg) file format"): the header `NFG 1 R|D "title" { "player" ... }`, then either the
/// strategy counts `{ 3 2 }` or the strategy labels `{ { "a" "b" } { "c" "d" } }`, an optional
/// comment string, and then either
/// - the payoff version: for each profile in the order above, one payoff per player; or
/// - the outcome version: a list of outcomes `{ { "name" p_1, p_2 } ... }` (commas optional)
///   followed by one outcome index per profile (1-based; 0 is the null outcome).
/// Numbers may be integers, decimals with optional exponent, or rationals such as `45/2`.
/// Throws NfgFormatError naming the line and column of the first thing that is wrong, and when
/// the game declares more than max_nfg_profiles strategy profiles.
[[nodiscard]] NfgGame read_nfg(std::istream& in, const std::string& file_name);

/// read_nfg on the file at `path`; NfgFormatError (line 0) when it cannot be opened.
[[nodiscard]] NfgGame read_nfg_file(const std::filesystem::path& path);

/// The two-player game of `nfg`: A(i, j), B(i, j) are the payoffs of profile (i, j), with the
/// file's title, player names and strategy labels. Throws std::invalid_argument when the
/// game does not have exactly two players.
[[nodiscard]] BimatrixGame to_bimatrix_game(const NfgGame& nfg);

/// Writes `game` in the payoff version of the format, with its strategy labels. Payoffs are
/// written as the shortest decimals that read back to the same doubles (integers without a
/// point); the type indicator is R when all of them are integers and D otherwise. Quotes in
/// names are escaped as \" (a backslash not followed by a quote reads back as itself).
void write_nfg(std::ostream& out, const BimatrixGame& game);

/// write_nfg to the file at `path`, replaced whole or not at all (AtomicFileWriter); throws
/// FileWriteError (a std::runtime_error naming the file and the reason) when it cannot be written.
void write_nfg_file(const std::filesystem::path& path, const BimatrixGame& game);

}  // namespace parley::io
