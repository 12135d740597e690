// Fuzz target: Gambit's .nfg reader and, for small two-player games, the Nash solvers behind
// `parley nash`. The input is a .nfg file's text. A NfgFormatError (the located refusal) or the
// documented std::invalid_argument of to_bimatrix_game (not two players) are the acceptable
// failures; anything else escapes to the fuzzer as a finding. Games are solved only up to
// 6 x 6 strategies so that one input stays well under the fuzzer's time limit (vertex
// enumeration is exponential in the size); larger games exercise the reader alone.
#include <sstream>
#include <stdexcept>
#include <string>

#include "fuzz_target.hpp"
#include "parley/io/interop/nfg_format.hpp"
#include "parley/solve/bimatrix_game.hpp"
#include "parley/solve/lemke_howson.hpp"
#include "parley/solve/vertex_enumeration.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  parley::io::NfgGame nfg;
  try {
    nfg = parley::io::read_nfg(in, "fuzz.nfg");
  } catch (const parley::io::NfgFormatError&) {
    return 0;
  }
  if (nfg.num_players() != 2) return 0;
  const parley::BimatrixGame game = parley::io::to_bimatrix_game(nfg);
  if (game.rows() > 6 || game.cols() > 6) return 0;
  for (const auto& profile : parley::extreme_equilibria(game)) (void)parley::regret(game, profile);
  (void)parley::lemke_howson_equilibria(game);
  return 0;
}
