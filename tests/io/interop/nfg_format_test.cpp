// Gambit's .nfg format: both versions read, errors located, two-player games written and
// read back unchanged, and every file of Gambit's collection read as Gambit read it.
#include <catch2/catch.hpp>

#include <filesystem>
#include <random>
#include <sstream>
#include <string>


#include "../../solve/gambit_reference.hpp"
#include "../../support/temp_folder.hpp"
#include "parley/io/interop/nfg_format.hpp"

namespace {

using parley::io::NfgFormatError;
using parley::io::NfgGame;

NfgGame parse(const std::string& text) {
  std::istringstream in(text);
  return parley::io::read_nfg(in, "game.nfg");
}

/// The error read_nfg reports for `text` (fails the test if there is none).
NfgFormatError error_of(const std::string& text) {
  try {
    (void)parse(text);
  } catch (const NfgFormatError& e) {
    return e;
  }
  FAIL("no error for:\n" << text);
  return NfgFormatError("", 0, 0, "");
}

}  // namespace

TEST_CASE("nfg: the payoff version with strategy counts, player 1 varying fastest", "[io][nfg]") {
  // Gambit's e04.nfg, a 3x2 game: profiles (1,1) (2,1) (3,1) (1,2) (2,2) (3,2).
  const NfgGame g = parse(
      "NFG 1 D \"Kreps-Wilson\" { \"Player 1\" \"Player 2\" } { 3 2 }\n\n"
      "0.000000 0.000000 -1.000000 2.000000 -2.000000 -2.000000 0.000000 0.000000 -1.000000 0.000000 "
      "3.000000 "
      "-1.000000\n");
  CHECK(g.title == "Kreps-Wilson");
  REQUIRE(g.num_players() == 2);
  CHECK(g.strategies[0] == std::vector<std::string>{"1", "2", "3"});
  CHECK(g.strategies[1] == std::vector<std::string>{"1", "2"});
  const auto game = parley::io::to_bimatrix_game(g);
  Eigen::MatrixXd a(3, 2);
  Eigen::MatrixXd b(3, 2);
  a << 0, 0, -1, -1, -2, 3;
  b << 0, 0, 2, 0, -2, -1;
  CHECK(game.a() == a);
  CHECK(game.b() == b);
  CHECK(game.player_name(1) == "Player 2");
}

TEST_CASE("nfg: the payoff version with strategy labels, a comment and rationals", "[io][nfg]") {
  const NfgGame g = parse(
      "NFG 1 R \"Labels\" { \"Row\" \"Col\" }\n{ { \"Up\" \"Down\" }\n{ \"Left\" \"Right\" }\n}\n\"a "
      "comment\"\n"
      "1/3 -45/2 .5 +2 1e-3 2.5E+1 -0 7\n");
  CHECK(g.comment == "a comment");
  CHECK(g.strategies[0] == std::vector<std::string>{"Up", "Down"});
  CHECK(g.strategies[1] == std::vector<std::string>{"Left", "Right"});
  const auto game = parley::io::to_bimatrix_game(g);
  CHECK(game.a()(0, 0) == 1.0 / 3);
  CHECK(game.b()(0, 0) == -22.5);
  CHECK(game.a()(1, 0) == 0.5);
  CHECK(game.b()(1, 0) == 2.0);
  CHECK(game.a()(0, 1) == 0.001);
  CHECK(game.b()(0, 1) == 25.0);
  CHECK(game.a()(1, 1) == 0.0);
  CHECK(game.b()(1, 1) == 7.0);
  CHECK(game.strategy_labels(0)[1] == "Down");
}

TEST_CASE("nfg: the outcome version, commas optional, outcome 0 is the null outcome", "[io][nfg]") {
  const NfgGame g = parse(
      "NFG 1 R \"Outcomes\" { \"P1\" \"P2\" }\n\n{ { \"a\" \"b\" }\n{ \"c\" \"d\" }\n}\n\"\"\n\n"
      "{\n{ \"win \\\"big\\\"\" 2, 0 }\n{ \"\" 0 1 }\n}\n1 2 0 1\n");
  const auto game = parley::io::to_bimatrix_game(g);
  Eigen::MatrixXd a(2, 2);
  Eigen::MatrixXd b(2, 2);
  a << 2, 0, 0, 2;  // profiles (1,1)->1, (2,1)->2, (1,2)->0, (2,2)->1
  b << 0, 0, 1, 0;
  CHECK(game.a() == a);
  CHECK(game.b() == b);
}

TEST_CASE("nfg: three-player games are read, but only two-player games become bimatrix games", "[io][nfg]") {
  const NfgGame g = parse("NFG 1 R \"\" { \"1\" \"2\" \"3\" } { 2 1 2 }\n1 2 3  4 5 6  7 8 9  10 11 12\n");
  REQUIRE(g.num_players() == 3);
  REQUIRE(g.num_profiles() == 4);
  // Profile (s1, s2, s3) = (0, 0, 1) has index 0 + 2 (0 + 1 * 1) = 2.
  CHECK(g.payoffs[2] == std::vector<double>{7, 8, 9});
  CHECK_THROWS_AS(parley::io::to_bimatrix_game(g), std::invalid_argument);
}

TEST_CASE("nfg: malformed files name the file, line and what is wrong", "[io][nfg]") {
  struct Case {
    std::string text;
    int line;
    std::string words;
  };
  const std::vector<Case> cases{
      {"EFG 2 R \"\" { \"1\" \"2\" } { 2 2 }\n", 1, "NFG"},
      {"NFG 2 R \"\" { \"1\" \"2\" } { 2 2 }\n", 1, "version"},
      {"NFG 1 X \"\" { \"1\" \"2\" } { 2 2 }\n", 1, "R or D"},
      {"NFG 1 R \"\" { \"1\" \"2 }\n{ 2 2 }\n1 2\n", 1, "not closed"},
      {"NFG 1 R \"\" { \"1\" \"2\" }\n{ 2 }\n1 2 3 4\n", 2, "number of strategies of player 2"},
      {"NFG 1 R \"\" { \"1\" \"2\" }\n{ 2 2 0 }\n", 2, "'}' after the strategies"},
      {"NFG 1 R \"\" { \"1\" \"2\" } { 2 0 }\n", 1, "at least one strategy"},
      {"NFG 1 R \"\" { \"1\" \"2\" } { 2 2 }\n1 2 3 4\n5 6\n", 4, "payoff 7 of 8"},
      {"NFG 1 R \"\" { \"1\" \"2\" } { 1 1 }\n1 2\n3\n", 3, "unexpected number 3"},
      {"NFG 1 R \"\" { \"1\" \"2\" } { 1 1 }\n1 2/0\n", 2, "zero denominator"},
      {"NFG 1 R \"\" { \"1\" \"2\" } { 1 1 }\n1 1.2.3\n", 2, "'1.2.3' is not a number"},
      {"NFG 1 R \"\" { \"1\" \"2\" } { 1 1 }\n\n1 nan\n", 3, "found 'nan'"},
      {"NFG 1 R \"\" { \"1\" \"2\" } { 1 2 }\n{ { \"\" 1 2 } }\n1 2\n", 3, "outcome index 2"},
      {"NFG 1 R \"\" { \"1\" \"2\" } { 1 1 }\n{ { \"\" 1 } }\n1\n", 2, "payoff of player 2 in outcome 1"},
      {"NFG 1 R \"\" { \"1\" \"2\" } { 1 1 }\n", 2, "payoffs"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    const NfgFormatError e = error_of(c.text);
    CHECK(e.file() == "game.nfg");
    CHECK(e.line() == c.line);
    CHECK_THAT(e.message(), Catch::Contains(c.words));
    CHECK_THAT(std::string(e.what()), Catch::StartsWith("game.nfg:" + std::to_string(c.line) + ":"));
  }
}

TEST_CASE("nfg: a file that cannot be opened is an error naming it", "[io][nfg]") {
  try {
    (void)parley::io::read_nfg_file("/nonexistent/game.nfg");
    FAIL("no error");
  } catch (const NfgFormatError& e) {
    CHECK(e.file() == "/nonexistent/game.nfg");
    CHECK(e.line() == 0);
  }
}

TEST_CASE("nfg: written games read back with the same payoffs, names and labels", "[io][nfg]") {
  std::mt19937_64 rng(5);
  std::uniform_real_distribution<double> uniform(-100.0, 100.0);
  Eigen::MatrixXd a(3, 4);
  Eigen::MatrixXd b(3, 4);
  for (int i = 0; i < 3; ++i) {
    for (int j = 0; j < 4; ++j) {
      a(i, j) = uniform(rng);
      b(i, j) = std::round(uniform(rng));
    }
  }
  a(0, 0) = 0.1;
  a(1, 1) = 1e-20;
  a(2, 2) = 1.0 / 3;
  b(0, 1) = -3e15;
  const parley::BimatrixGame game(
      a, b, {"Side \"A\"", "Side B"},
      {std::vector<std::string>{"hold", "push", "talk"}, std::vector<std::string>{"w", "x \"y\"", "z", ""}},
      "A \"quoted\" title");
  std::stringstream buffer;
  parley::io::write_nfg(buffer, game);
  const auto back = parley::io::to_bimatrix_game(parley::io::read_nfg(buffer, "round-trip"));
  CHECK(back.a() == game.a());
  CHECK(back.b() == game.b());
  CHECK(back.title() == game.title());
  for (int p = 0; p < 2; ++p) {
    CHECK(back.player_name(p) == game.player_name(p));
    CHECK(back.strategy_labels(p) == game.strategy_labels(p));
  }

  const parley::testing::TempFolder folder("nfg");
  const auto path = folder / "round_trip.nfg";
  parley::io::write_nfg_file(path, game);
  const auto from_file = parley::io::to_bimatrix_game(parley::io::read_nfg_file(path));
  CHECK(from_file.a() == game.a());
  CHECK(from_file.b() == game.b());
}

TEST_CASE("nfg: an integer game is written with the R type and integers", "[io][nfg]") {
  Eigen::MatrixXd a(1, 2);
  a << 3, -2;
  std::ostringstream out;
  parley::io::write_nfg(out, parley::BimatrixGame(a, a));
  CHECK_THAT(out.str(), Catch::StartsWith("NFG 1 R \"\" { \"Player 1\" \"Player 2\" }"));
  CHECK_THAT(out.str(), Catch::EndsWith("\n3 3\n-2 -2\n"));
}

TEST_CASE("nfg: every .nfg file of Gambit's collection is read as Gambit read it", "[io][nfg]") {
  const auto dir = parley::testing::gambit_dir();
  std::map<std::string, const parley::testing::JsonValue*> reference;
  for (const auto& g : parley::testing::gambit_reference_json()["games"].items) reference[g["file"].string] = &g;
  int files = 0;
  for (const auto& sub : {"games", "games/efg_strategic"}) {
    for (const auto& entry : std::filesystem::directory_iterator(dir / sub)) {
      if (entry.path().extension() != ".nfg") continue;
      const std::string key = std::string(sub) + "/" + entry.path().filename().string();
      INFO(key);
      REQUIRE(reference.count(key) == 1);
      const auto& ref = *reference.at(key);
      const NfgGame g = parley::io::read_nfg_file(entry.path());
      ++files;
      CHECK(g.title == ref["title"].string);
      REQUIRE(g.num_players() == static_cast<int>(ref["n_players"].number));
      for (int p = 0; p < g.num_players(); ++p) {
        CHECK(g.players[static_cast<std::size_t>(p)] ==
              ref["players"].items[static_cast<std::size_t>(p)].string);
        CHECK(g.strategies[static_cast<std::size_t>(p)].size() ==
              static_cast<std::size_t>(ref["strategy_counts"].items[static_cast<std::size_t>(p)].number));
      }
      if (g.num_players() != 2) continue;
      const auto game = parley::io::to_bimatrix_game(g);
      for (int i = 0; i < game.rows(); ++i) {
        for (int j = 0; j < game.cols(); ++j) {
          const auto& a =
              ref["payoffs"]["A"].items[static_cast<std::size_t>(i)].items[static_cast<std::size_t>(j)];
          const auto& b =
              ref["payoffs"]["B"].items[static_cast<std::size_t>(i)].items[static_cast<std::size_t>(j)];
          CHECK(game.a()(i, j) == parley::testing::gambit_number(a.string));
          CHECK(game.b()(i, j) == parley::testing::gambit_number(b.string));
        }
      }
    }
  }
  CHECK(files == 43);  // 32 in games/, 11 in games/efg_strategic/
}

TEST_CASE(".nfg: a game declaring more strategy profiles than the limit is refused before it is allocated", "[nfg]") {
  // `{ 4294967297 2 }` grew memory at 250 MB/s and `{ 1000000 1000000 }` ended in std::bad_alloc
  // (issue 18); both are now the reader's located error, at once.
  const auto message = [](const std::string& counts) {
    std::istringstream in("NFG 1 R \"big\" { \"1\" \"2\" } " + counts + "\n");
    try {
      (void)parley::io::read_nfg(in, "big.nfg");
    } catch (const parley::io::NfgFormatError& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  CHECK_THAT(message("{ 4294967297 2 }"),
             Catch::Contains("big.nfg:1:29: error: player 1's 4294967297 strategies make more than 1000000 strategy "
                             "profiles"));
  CHECK_THAT(message("{ 1000000 1000000 }"),
             Catch::Contains("player 2's 1000000 strategies make more than 1000000 strategy profiles"));
  // At the limit the header is accepted: the reader then asks for the payoffs.
  CHECK_THAT(message("{ 1000 1000 } 7"), Catch::Contains("expected payoff 2 of 2000000"));
}
