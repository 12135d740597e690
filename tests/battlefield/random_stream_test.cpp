// The run's random stream: reference outputs of splitmix64 and xoshiro256**, and the
// seeding contract of DESIGN 2 (a function of (seed, point, run, stream) only).
#include <catch2/catch.hpp>

#include <cmath>
#include <set>

#include "parley/battlefield/random_stream.hpp"

using namespace parley;

TEST_CASE("random stream: splitmix64's mixing gives the reference outputs", "[battlefield]") {
  // splitmix64 started at 0 (Vigna's splitmix64.c) outputs mix64(k * 0x9e3779b97f4a7c15).
  CHECK(mix64(0x9e3779b97f4a7c15ULL) == 0xe220a8397b1dcdafULL);
  CHECK(mix64(2 * 0x9e3779b97f4a7c15ULL) == 0x6e789e6aa1b965f4ULL);
  CHECK(mix64(3 * 0x9e3779b97f4a7c15ULL) == 0x06c45d188009454fULL);
}

TEST_CASE("random stream: xoshiro256** gives the reference outputs", "[battlefield]") {
  // The reference implementation (xoshiro256starstar.c) from the state {1, 2, 3, 4}.
  RandomStream r = RandomStream::from_state({1, 2, 3, 4});
  CHECK(r.next() == 11520ULL);
  CHECK(r.next() == 0ULL);
  CHECK(r.next() == 1509978240ULL);
  CHECK(r.next() == 1215971899390074240ULL);
}

TEST_CASE("random stream: seeding chains the coordinates through mix64", "[battlefield]") {
  const RandomStream r(42, 7, 1000, 3);
  const std::uint64_t key = mix64(mix64(mix64(mix64(42) ^ 7) ^ 1000) ^ 3);
  for (std::size_t j = 0; j < 4; ++j)
    CHECK(r.state()[j] == mix64(key + (j + 1) * 0x9e3779b97f4a7c15ULL));
  // The front stream is the default.
  CHECK(RandomStream(42, 7, 1000).state() == RandomStream(42, 7, 1000, RandomStream::front_stream).state());
}

TEST_CASE("random stream: a function of its coordinates only", "[battlefield]") {
  RandomStream a(1, 2, 3), b(1, 2, 3);
  for (int i = 0; i < 100; ++i) REQUIRE(a.next() == b.next());
  // Every coordinate matters: changing any one changes the stream.
  std::set<std::uint64_t> firsts;
  for (auto [seed, point, run, stream] :
       {std::array<std::uint64_t, 4>{1, 2, 3, 0}, {0, 2, 3, 0}, {1, 0, 3, 0}, {1, 2, 0, 0},
        {1, 2, 3, 1}, {2, 1, 3, 0}, {1, 3, 2, 0}}) {
    RandomStream r(seed, point, run, stream);
    firsts.insert(r.next());
  }
  CHECK(firsts.size() == 7);
}

TEST_CASE("random stream: uniforms take the top 53 bits", "[battlefield]") {
  RandomStream a(9, 0, 0), b(9, 0, 0);
  for (int i = 0; i < 1000; ++i) {
    const double u = a.uniform();
    CHECK(u == static_cast<double>(b.next() >> 11) / 9007199254740992.0);
    CHECK(u >= 0.0);
    CHECK(u < 1.0);
  }
  // Mean and variance of 10^6 uniforms within 99.9% intervals of 1/2 and 1/12.
  RandomStream r(2024, 1, 1);
  const int n = 1000000;
  double sum = 0.0, sum2 = 0.0;
  for (int i = 0; i < n; ++i) {
    const double u = r.uniform();
    sum += u;
    sum2 += u * u;
  }
  const double mean = sum / n;
  CHECK(std::abs(mean - 0.5) < 3.29 * std::sqrt(1.0 / 12.0 / n));
  // Var(U^2) = 1/5 - 1/9 = 4/45.
  CHECK(std::abs(sum2 / n - 1.0 / 3.0) < 3.29 * std::sqrt(4.0 / 45.0 / n));
}
