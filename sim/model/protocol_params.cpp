#include "parley/model/protocol_params.hpp"

#include <algorithm>

namespace parley {

bool ProtocolParams::talks_at(int t) const {
  if (!periods.empty()) return std::binary_search(periods.begin(), periods.end(), t);
  return every > 0 && t % every == 0;
}

const char* to_string(ProtocolParams::Kind kind) {
  switch (kind) {
    case ProtocolParams::Kind::alternating: return "alternating";
    case ProtocolParams::Kind::random: return "random";
    case ProtocolParams::Kind::mediated: return "mediated";
  }
  return "?";
}

}  // namespace parley
