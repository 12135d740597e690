// Continued-fraction convergents (continued_fraction.hpp) against hand-computed expansions.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "parley/solve/continued_fraction.hpp"

namespace {

std::string as_text(const std::vector<parley::Convergent>& c) {
  std::string out;
  for (const auto& f : c) out += (out.empty() ? "" : " ") + std::to_string(f.p) + "/" + std::to_string(f.q);
  return out;
}

}  // namespace

TEST_CASE("convergents of pi, 1/2, 0.3 and -7/3 with a bound on the denominator", "[solve][fraction]") {
  // pi = [3; 7, 15, 1, 292, ...]: 3, 22/7, 333/106, 355/113, then 103993/33102.
  CHECK(as_text(parley::convergents(M_PI, 1000)) == "3/1 22/7 333/106 355/113");
  CHECK(as_text(parley::convergents(M_PI, 113)) == "3/1 22/7 333/106 355/113");
  CHECK(as_text(parley::convergents(M_PI, 112)) == "3/1 22/7 333/106");
  // 1/2 = [0; 2] ends exactly.
  CHECK(as_text(parley::convergents(0.5, 1000)) == "0/1 1/2");
  // 3/10 = [0; 3, 2, 1]. The double nearest 0.3 is not 3/10, but so close that the partial
  // quotient after 3/10 is above 10^12 and the expansion stops there.
  CHECK(as_text(parley::convergents(0.3, 1'000'000)) == "0/1 1/3 2/7 3/10");
  // The sign is the caller's: the convergents are those of |x|.
  // 7/3 = [2; 2, 1].
  CHECK(as_text(parley::convergents(-7.0 / 3.0, 1000)) == "2/1 5/2 7/3");
  CHECK(parley::convergents(0.0, 10).size() == 1);
  CHECK(parley::convergents(2e12, 10).empty());
}
