// The normal quantile of a confidence level (issue 16: `compare --confidence`), against
// reference values of Phi^{-1} (Wichura's AS 241, as Python's statistics.NormalDist computes it).
#include <catch2/catch.hpp>

#include <stdexcept>

#include "parley/engine/confidence_interval.hpp"

using parley::confidence_z;

TEST_CASE("confidence_z is the two-sided normal quantile", "[engine][adaptive]") {
  CHECK(confidence_z(0.95) == Approx(parley::z_95).epsilon(1e-15));
  CHECK(confidence_z(0.95) == Approx(1.9599639845400536).epsilon(1e-15));
  CHECK(confidence_z(0.999) == Approx(3.2905267314919255).epsilon(1e-14));
  CHECK(confidence_z(0.5) == Approx(0.6744897501960817).epsilon(1e-14));
  CHECK(confidence_z(0.99) == Approx(2.5758293035489).epsilon(1e-14));
  // The tail branch of Acklam's approximation (p above 0.97575), and a small confidence (the
  // central branch near p = 1/2).
  CHECK(confidence_z(1.0 - 1e-9) == Approx(6.109410191663286).epsilon(1e-9));
  CHECK(confidence_z(1e-6) == Approx(1.2533141372127222e-06).epsilon(1e-9));
  CHECK_THROWS_AS(confidence_z(1.0), std::invalid_argument);
  CHECK_THROWS_AS(confidence_z(0.0), std::invalid_argument);
  CHECK_THROWS_AS(confidence_z(-0.5), std::invalid_argument);
}
