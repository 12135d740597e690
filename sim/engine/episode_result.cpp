#include "parley/engine/episode_result.hpp"

namespace parley {

const char* to_string(Outcome outcome) {
  switch (outcome) {
    case Outcome::settled: return "settled";
    case Outcome::collapse_a: return "collapse_a";
    case Outcome::collapse_b: return "collapse_b";
    case Outcome::frozen: return "frozen";
  }
  return "?";
}

}  // namespace parley
