#include "parley/battlefield/random_stream.hpp"

namespace parley {

namespace {
// The Weyl increment of splitmix64 (the golden ratio in 64-bit fixed point).
constexpr std::uint64_t golden_gamma = 0x9e3779b97f4a7c15ULL;
}  // namespace

std::uint64_t mix64(std::uint64_t x) noexcept {
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

RandomStream::RandomStream(std::uint64_t seed, std::uint64_t point, std::uint64_t run,
                           std::uint64_t stream) noexcept {
  // Chaining the bijection keeps every coordinate's bits spread over the whole key.
  const std::uint64_t key = mix64(mix64(mix64(mix64(seed) ^ point) ^ run) ^ stream);
  for (std::size_t j = 0; j < state_.size(); ++j)
    state_[j] = mix64(key + (j + 1) * golden_gamma);
}

}  // namespace parley
