#include "parley/sweep/sobol_sequence.hpp"

#include <stdexcept>
#include <string>

namespace parley::sweep {

namespace {

// One row of new-joe-kuo-6.21201: degree s of the primitive polynomial, its inner
// coefficients a (bits a_1..a_{s-1}, highest first) and the initial direction numbers m_1..m_s.
struct JoeKuoRow {
  int degree;
  std::uint32_t a;
  std::array<std::uint32_t, 8> m;
};

// Dimensions 2..41 of S. Joe and F. Y. Kuo, new-joe-kuo-6.21201 (2008),
// https://web.maths.unsw.edu.au/~fkuo/sobol/ (columns s, a, m_i).
constexpr JoeKuoRow joe_kuo[] = {
    {1, 0, {1}},                              // d = 2
    {2, 1, {1, 3}},                           // d = 3
    {3, 1, {1, 3, 1}},                        // d = 4
    {3, 2, {1, 1, 1}},                        // d = 5
    {4, 1, {1, 1, 3, 3}},                     // d = 6
    {4, 4, {1, 3, 5, 13}},                    // d = 7
    {5, 2, {1, 1, 5, 5, 17}},                 // d = 8
    {5, 4, {1, 1, 5, 5, 5}},                  // d = 9
    {5, 7, {1, 1, 7, 11, 19}},                // d = 10
    {5, 11, {1, 1, 5, 1, 1}},                 // d = 11
    {5, 13, {1, 1, 1, 3, 11}},                // d = 12
    {5, 14, {1, 3, 5, 5, 31}},                // d = 13
    {6, 1, {1, 3, 3, 9, 7, 49}},              // d = 14
    {6, 13, {1, 1, 1, 15, 21, 21}},           // d = 15
    {6, 16, {1, 3, 1, 13, 27, 49}},           // d = 16
    {6, 19, {1, 1, 1, 15, 7, 5}},             // d = 17
    {6, 22, {1, 3, 1, 15, 13, 25}},           // d = 18
    {6, 25, {1, 1, 5, 5, 19, 61}},            // d = 19
    {7, 1, {1, 3, 7, 11, 23, 15, 103}},       // d = 20
    {7, 4, {1, 3, 7, 13, 13, 15, 69}},        // d = 21
    {7, 7, {1, 1, 3, 13, 7, 35, 63}},         // d = 22
    {7, 8, {1, 3, 5, 9, 1, 25, 53}},          // d = 23
    {7, 14, {1, 3, 1, 13, 9, 35, 107}},       // d = 24
    {7, 19, {1, 3, 1, 5, 27, 61, 31}},        // d = 25
    {7, 21, {1, 1, 5, 11, 19, 41, 61}},       // d = 26
    {7, 28, {1, 3, 5, 3, 3, 13, 69}},         // d = 27
    {7, 31, {1, 1, 7, 13, 1, 19, 1}},         // d = 28
    {7, 32, {1, 3, 7, 5, 13, 19, 59}},        // d = 29
    {7, 37, {1, 1, 3, 9, 25, 29, 41}},        // d = 30
    {7, 41, {1, 3, 5, 13, 23, 1, 55}},        // d = 31
    {7, 42, {1, 3, 7, 3, 13, 59, 17}},        // d = 32
    {7, 50, {1, 3, 1, 3, 5, 53, 69}},         // d = 33
    {7, 55, {1, 1, 5, 5, 23, 33, 13}},        // d = 34
    {7, 56, {1, 1, 7, 7, 1, 61, 123}},        // d = 35
    {7, 59, {1, 1, 7, 9, 13, 61, 49}},        // d = 36
    {7, 62, {1, 3, 3, 5, 3, 55, 33}},         // d = 37
    {8, 14, {1, 3, 1, 15, 31, 13, 49, 245}},  // d = 38
    {8, 21, {1, 3, 5, 15, 31, 59, 63, 97}},   // d = 39
    {8, 22, {1, 3, 1, 11, 11, 11, 77, 249}},  // d = 40
    {8, 38, {1, 3, 1, 11, 27, 43, 71, 9}},    // d = 41
};
static_assert(std::size(joe_kuo) + 1 == SobolSequence::max_dimension);

constexpr int bits = 32;

}  // namespace

SobolSequence::SobolSequence(int dimension) {
  if (dimension < 1 || dimension > max_dimension)
    throw std::invalid_argument("SobolSequence: dimension " + std::to_string(dimension) +
                                " outside 1.." + std::to_string(max_dimension));
  directions_.resize(static_cast<std::size_t>(dimension));
  for (int k = 1; k <= bits; ++k) directions_[0][k - 1] = std::uint32_t{1} << (bits - k);
  for (int j = 1; j < dimension; ++j) {
    const JoeKuoRow& row = joe_kuo[j - 1];
    auto& v = directions_[static_cast<std::size_t>(j)];
    const int s = row.degree;
    for (int k = 1; k <= s; ++k) v[k - 1] = row.m[static_cast<std::size_t>(k - 1)] << (bits - k);
    for (int k = s + 1; k <= bits; ++k) {
      std::uint32_t x = v[k - s - 1] ^ (v[k - s - 1] >> s);
      for (int l = 1; l <= s - 1; ++l)
        if ((row.a >> (s - 1 - l)) & 1u) x ^= v[k - l - 1];
      v[k - 1] = x;
    }
  }
}

std::vector<std::uint32_t> SobolSequence::integer_point(std::uint64_t index) const {
  const std::uint64_t gray = index ^ (index >> 1);
  std::vector<std::uint32_t> x(directions_.size(), 0);
  for (int k = 0; k < bits; ++k) {
    if (((gray >> k) & 1u) == 0) continue;
    for (std::size_t j = 0; j < directions_.size(); ++j) x[j] ^= directions_[j][static_cast<std::size_t>(k)];
  }
  return x;
}

std::vector<double> SobolSequence::point(std::uint64_t index) const {
  const auto x = integer_point(index);
  std::vector<double> u(x.size());
  for (std::size_t j = 0; j < x.size(); ++j) u[j] = static_cast<double>(x[j]) * 0x1.0p-32;
  return u;
}

}  // namespace parley::sweep
