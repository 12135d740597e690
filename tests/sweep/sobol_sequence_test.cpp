// The Sobol' sequence against Joe and Kuo's published numbers, against Boost.Random's engine
// stepping through the same sequence in order, and the net properties that make it a
// low-discrepancy sequence.
#include <catch2/catch.hpp>

#include <boost/random/sobol.hpp>
#include <set>

#include "parley/sweep/sobol_sequence.hpp"

using parley::sweep::SobolSequence;

TEST_CASE("Sobol points equal Boost.Random's sobol_engine in every dimension", "[sweep]") {
  constexpr int d = SobolSequence::max_dimension;
  const SobolSequence sequence(d);
  // Boost's engine with 32-bit direction numbers; it starts after the origin (our point 0).
  boost::random::sobol_engine<std::uint32_t, 32> boost_sobol(d);
  CHECK(sequence.integer_point(0) == std::vector<std::uint32_t>(d, 0));
  for (std::uint64_t i = 1; i <= 4096; ++i) {
    const auto ours = sequence.integer_point(i);
    for (int j = 0; j < d; ++j) {
      const std::uint32_t theirs = boost_sobol();
      if (ours[static_cast<std::size_t>(j)] != theirs) FAIL("point " << i << ", dimension " << j + 1);
    }
  }
}

TEST_CASE("Sobol direction numbers are Joe and Kuo's new-joe-kuo-6.21201", "[sweep]") {
  // Point 2^k - 1 has Gray code 2^(k-1): its coordinates are the direction numbers v_jk, which
  // for k <= s are m_k 2^(32-k) with the table's initial numbers m_1..m_s.
  struct Row {
    int dimension;
    std::vector<std::uint32_t> m;
  };
  const Row rows[] = {{2, {1}},
                      {3, {1, 3}},
                      {7, {1, 3, 5, 13}},
                      {20, {1, 3, 7, 11, 23, 15, 103}},
                      {41, {1, 3, 1, 11, 27, 43, 71, 9}}};
  const SobolSequence sequence(SobolSequence::max_dimension);
  for (const Row& row : rows) {
    for (std::size_t k = 1; k <= row.m.size(); ++k) {
      INFO("dimension " << row.dimension << ", k = " << k);
      const auto v = sequence.integer_point((std::uint64_t{1} << k) - 1);
      CHECK(v[static_cast<std::size_t>(row.dimension - 1)] == row.m[k - 1] << (32 - k));
    }
  }
  // Dimension 1 is van der Corput's sequence.
  for (int k = 1; k <= 32; ++k) CHECK(sequence.integer_point((std::uint64_t{1} << k) - 1)[0] == std::uint32_t{1} << (32 - k));
}

TEST_CASE("The first Sobol points in three dimensions are Joe and Kuo's", "[sweep]") {
  const SobolSequence sequence(3);
  const std::vector<std::vector<double>> published = {{0, 0, 0},          {0.5, 0.5, 0.5},       {0.75, 0.25, 0.25},
                                                      {0.25, 0.75, 0.75}, {0.375, 0.375, 0.625}, {0.875, 0.875, 0.125},
                                                      {0.625, 0.125, 0.875}, {0.125, 0.625, 0.375}};
  for (std::size_t i = 0; i < published.size(); ++i) CHECK(sequence.point(i) == published[i]);
}

TEST_CASE("The first 2^m Sobol points stratify every coordinate into 2^m cells", "[sweep]") {
  const int m = 10;
  const std::uint64_t n = std::uint64_t{1} << m;
  const SobolSequence sequence(SobolSequence::max_dimension);
  std::vector<std::set<std::uint32_t>> cells(SobolSequence::max_dimension);
  for (std::uint64_t i = 0; i < n; ++i) {
    const auto x = sequence.integer_point(i);
    for (std::size_t j = 0; j < x.size(); ++j) cells[j].insert(x[j] >> (32 - m));
  }
  for (const auto& c : cells) CHECK(c.size() == n);
}

TEST_CASE("Sobol dimensions 1 and 2 form a (0, m, 2)-net", "[sweep]") {
  // Every elementary box of area 2^-m, [a 2^-k, (a+1) 2^-k) x [b 2^-(m-k), (b+1) 2^-(m-k)),
  // holds exactly one of the first 2^m points.
  const int m = 8;
  const SobolSequence sequence(2);
  for (int k = 0; k <= m; ++k) {
    std::set<std::pair<std::uint32_t, std::uint32_t>> boxes;
    for (std::uint64_t i = 0; i < (std::uint64_t{1} << m); ++i) {
      const auto x = sequence.integer_point(i);
      boxes.emplace(k == 0 ? 0 : x[0] >> (32 - k), k == m ? 0 : x[1] >> (32 - (m - k)));
    }
    CHECK(boxes.size() == (std::size_t{1} << m));
  }
}

TEST_CASE("Sobol coordinates are the integer points over 2^32 and the dimension is checked", "[sweep]") {
  const SobolSequence sequence(3);
  const auto u = sequence.point(5);
  const auto x = sequence.integer_point(5);
  for (std::size_t j = 0; j < 3; ++j) CHECK(u[j] == static_cast<double>(x[j]) / 4294967296.0);
  CHECK(sequence.point(1) == std::vector<double>(3, 0.5));
  CHECK_THROWS_AS(SobolSequence(0), std::invalid_argument);
  CHECK_THROWS_AS(SobolSequence(SobolSequence::max_dimension + 1), std::invalid_argument);
}
