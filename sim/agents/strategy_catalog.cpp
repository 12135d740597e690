#include "parley/agents/strategy_catalog.hpp"

#include <algorithm>

namespace parley {

namespace {

// Faratin, Sierra and Jennings (1998), "Negotiation decision functions for autonomous
// agents", Robotics and Autonomous Systems 24: the polynomial family's exponent; e < 1 is
// Boulware (holds out), e > 1 Conceder.
StrategyParam concession_exponent(double default_e) {
  return {"e", default_e, 0.01, 100.0, "concession exponent: aspiration r + (m - r)(1 - (t/T)^(1/e))"};
}

const char* const kFaratin = "Faratin, Sierra, Jennings (1998), Robotics and Autonomous Systems 24(3-4)";

}  // namespace

const std::vector<StrategyInfo>& strategy_catalog() {
  static const std::vector<StrategyInfo> all = {
      {"prolonged", true, false, "Boulware time-dependent concession: holds out, concedes late", kFaratin,
       {concession_exponent(0.2)}},
      {"quick", true, false, "Conceder time-dependent concession: concedes early to settle fast", kFaratin,
       {concession_exponent(3.0)}},
      {"linear", true, false, "time-dependent concession at a constant rate (e = 1)", kFaratin,
       {concession_exponent(1.0)}},
      {"hardline", true, false, "demands its ideal agreement to the end; accepts only that or better",
       kFaratin, {}},
      {"contingent", true, false,
       "demands track the front: its reservation value plus a share beta of the surplus it believes exists",
       "Slantchev (2003), APSR 97(4); Smith and Stam (2004), JCR 48(6)",
       {{"beta", 0.5, 0.0, 1.0, "share of the believed surplus demanded on top of the reservation value"}}},
      {"stall", true, false,
       "fight and talk: rejects while waiting pays by its own belief, then plays contingent",
       "Slantchev (2003), APSR 97(4); Powell (2004), AJPS 48(2)",
       {{"beta", 0.5, 0.0, 1.0, "share of the believed surplus demanded once it stops stalling"}}},
      {"tit_for_tat", true, false,
       "concedes, in its own utility, what the other side conceded in its last offer",
       "Axelrod (1984); Faratin, Sierra, Jennings (1998) behaviour-dependent tactics",
       {{"reciprocity", 1.0, 0.0, 2.0, "fraction of the opponent's last concession it returns"}}},
      {"equilibrium", true, false,
       "plays the subgame-perfect Markov equilibrium policy under complete information",
       "Rubinstein (1982); Slantchev (2003); Powell (2004)", {}},
      {"plan", false, true, "proposes a fixed package (the plan as tabled), optionally drifting toward the Nash point",
       "mediator tabling a single negotiating text (Raiffa 1982)",
       {{"drift", 0.0, 0.0, 1.0, "fraction of the way from the plan toward the Nash package moved per round"}}},
      {"nash", false, true, "proposes the Nash bargaining package of its estimates",
       "Nash (1950), Econometrica 18(2)", {}},
  };
  return all;
}

const StrategyInfo* find_strategy(std::string_view name) {
  const auto& all = strategy_catalog();
  const auto it = std::find_if(all.begin(), all.end(), [&](const StrategyInfo& s) { return s.name == name; });
  return it == all.end() ? nullptr : &*it;
}

}  // namespace parley
