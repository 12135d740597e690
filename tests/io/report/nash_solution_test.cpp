// `parley nash`'s two ways to the same JSON (issue 20): solved then written (solve_nash,
// write_nash_json), and written as the exact enumeration finds the equilibria
// (stream_exact_nash_json). The bytes must be the same on every kind of game.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>

#include "parley/io/interop/nfg_format.hpp"
#include "parley/io/report/nash_report.hpp"
#include "parley/io/report/nash_solution.hpp"

using namespace parley;

namespace {

io::NfgGame nfg_of(const std::string& text) {
  std::istringstream in(text);
  return io::read_nfg(in, "test.nfg");
}

std::string solved_then_written(const io::NfgGame& game) {
  std::ostringstream out;
  io::solve_nash(game, "enum", [&](const io::NashReport& report) { io::write_nash_json(out, report); });
  return out.str();
}

}  // namespace

TEST_CASE("nash JSON streamed as the equilibria are found is the JSON written after", "[io][report][nash]") {
  const std::vector<std::string> games{
      // The all-zero 2 x 3 game: one maximal Nash subset of six extreme equilibria.
      "NFG 1 R \"zero\" { \"1\" \"2\" } { 2 3 }\n\n0 0 0 0 0 0 0 0 0 0 0 0\n",
      // Coordination 3 x 3: seven isolated equilibria.
      "NFG 1 R \"coord\" { \"A\" \"B\" } { 3 3 }\n\n1 1 0 0 0 0 0 0 1 1 0 0 0 0 0 0 1 1\n",
      // 3 x 2, more rows than columns (the search runs on player 2's polytope), fractions and
      // decimals as payoffs, and a continuum: player 1's rows 2 and 3 tie against column 1.
      "NFG 1 R \"wide\" { \"P\" \"Q\" } { 3 2 }\n\n1/2 1 0.25 0 0.25 0 0 1/3 1 0 1 0\n",
      // Two players of the same name (the JSON keys get _1 and _2).
      "NFG 1 R \"same\" { \"X\" \"X\" } { 2 2 }\n\n3 1 0 0 0 0 1 3\n"};
  for (const std::string& text : games) {
    INFO(text);
    const io::NfgGame game = nfg_of(text);
    std::ostringstream streamed;
    REQUIRE(io::stream_exact_nash_json(game, streamed));
    CHECK(streamed.str() == solved_then_written(game));
    CHECK(streamed.str().find("\"fractions\"") != std::string::npos);
  }
  // The continuum of the zero game is one subset of all six.
  std::ostringstream zero;
  REQUIRE(io::stream_exact_nash_json(nfg_of(games[0]), zero));
  CHECK(zero.str().find("\"nash_subsets\": [\n    [\n      0,\n      1,\n      2,\n      3,\n      4,\n      5\n    ]\n  ]") !=
        std::string::npos);
}
