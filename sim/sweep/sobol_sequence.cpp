#include "parley/sweep/sobol_sequence.hpp"

#include <boost/random/sobol.hpp>

#include <stdexcept>
#include <string>

namespace parley::sweep {

SobolSequence::SobolSequence(int dimension) {
  if (dimension < 1 || dimension > max_dimension)
    throw std::invalid_argument("SobolSequence: dimension " + std::to_string(dimension) +
                                " outside 1.." + std::to_string(max_dimension));
  // The direction numbers are Boost.Random's (its sobol_engine carries Joe and Kuo's
  // new-joe-kuo-6.21201 table), read off its points rather than typed in: the Gray code of
  // 2^k - 1 is 2^(k-1), so point 2^k - 1 is v_k in every coordinate. Boost's engine after
  // seed(n) gives point n + 1 (its first point is after the origin), hence seed(2^k - 2).
  boost::random::sobol_engine<std::uint32_t, bits> engine(static_cast<std::size_t>(dimension));
  directions_.resize(static_cast<std::size_t>(dimension));
  for (int k = 1; k <= bits; ++k) {
    engine.seed(static_cast<std::uint32_t>((std::uint64_t{1} << k) - 2));
    for (auto& v : directions_) v[static_cast<std::size_t>(k - 1)] = engine();
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
