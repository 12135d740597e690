// Side A's advantage over time, a_t (DESIGN 1.4), for the four kinds of schedule.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "parley/model/advantage_schedule.hpp"

using namespace parley;

TEST_CASE("advantage schedule: constant", "[model][battlefield]") {
  AdvantageSchedule s;
  s.a0 = -0.35;
  for (int t : {0, 1, 17, 1000}) CHECK(s.at(t) == -0.35);
  CHECK(s.is_constant());
  CHECK(std::string(to_string(s.kind)) == "constant");
}

TEST_CASE("advantage schedule: linear from a0 to a1 over [t0, t1]", "[model][battlefield]") {
  AdvantageSchedule s;
  s.kind = AdvantageSchedule::Kind::linear;
  s.a0 = 0.3;
  s.a1 = -0.1;
  s.t0 = 4;
  s.t1 = 12;
  CHECK(s.at(0) == 0.3);
  CHECK(s.at(4) == 0.3);
  // A quarter of the way: 0.3 - 0.4 / 4.
  CHECK(s.at(6) == Approx(0.2).epsilon(1e-15));
  CHECK(s.at(8) == Approx(0.1).epsilon(1e-15));
  CHECK(s.at(12) == -0.1);
  CHECK(s.at(100) == -0.1);
  CHECK(!s.is_constant());
  s.a1 = s.a0;
  CHECK(s.is_constant());
}

TEST_CASE("advantage schedule: exponential toward a limit with a half-life", "[model][battlefield]") {
  AdvantageSchedule s;
  s.kind = AdvantageSchedule::Kind::exponential;
  s.a0 = 0.4;
  s.a_inf = -0.2;
  s.half_life = 10;
  CHECK(s.at(0) == Approx(0.4).epsilon(1e-15));
  // One half-life closes half the gap of 0.6, two close three quarters.
  CHECK(s.at(10) == Approx(0.1).epsilon(1e-14));
  CHECK(s.at(20) == Approx(-0.05).epsilon(1e-14));
  CHECK(s.at(5) == Approx(-0.2 + 0.6 / std::sqrt(2.0)).epsilon(1e-14));
  CHECK(std::abs(s.at(2000) + 0.2) < 1e-15);
  CHECK(!s.is_constant());
  CHECK(std::string(to_string(s.kind)) == "exponential");
}

TEST_CASE("advantage schedule: steps at given periods", "[model][battlefield]") {
  AdvantageSchedule s;
  s.kind = AdvantageSchedule::Kind::steps;
  s.a0 = 0.2;
  s.steps = {{26, 0.0}, {52, -0.1}};
  CHECK(s.at(0) == 0.2);
  CHECK(s.at(25) == 0.2);
  CHECK(s.at(26) == 0.0);
  CHECK(s.at(51) == 0.0);
  CHECK(s.at(52) == -0.1);
  CHECK(s.at(500) == -0.1);
  CHECK(!s.is_constant());
  // Steps that repeat the initial value change nothing.
  s.steps = {{3, 0.2}, {9, 0.2}};
  CHECK(s.is_constant());
  CHECK(std::string(to_string(s.kind)) == "steps");
}
