#pragma once
/// \file random_stream.hpp
/// The random stream of one run: xoshiro256** seeded from (seed, design point, run, stream)
/// through splitmix64 mixing, so that results never depend on thread count, shard or the
/// order runs are done in (DESIGN 2), and so that two strategy profiles compared on the same
/// run see the same front (common random numbers, DESIGN 1.7).

#include <array>
#include <cstdint>

namespace parley {

/// \brief splitmix64's output function (Steele, Lea and Flood 2014): a bijection of 64-bit
/// words with good avalanche, used to mix seeds. `mix64(x)` adds nothing to x; it is
/// z = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9, z = (z ^ (z >> 27)) * 0x94d049bb133111eb,
/// z ^ (z >> 31).
[[nodiscard]] std::uint64_t mix64(std::uint64_t x) noexcept;

/// \brief A pseudo-random stream: xoshiro256** 1.0 (Blackman and Vigna 2021).
///
/// Seeding (the mixing function of DESIGN 2): a 64-bit key is built by chaining the bijection
/// mix64 over the four coordinates,
///   key = mix64(mix64(mix64(mix64(seed) ^ point) ^ run) ^ stream),
/// and the four state words are the first four outputs of splitmix64 started at `key`
/// (state_j = mix64(key + (j + 1) * 0x9e3779b97f4a7c15)), the seeding Vigna recommends. For
/// fixed (seed, point, stream) distinct runs give distinct keys (mix64 is a bijection), and the
/// state is never all zero (the four words are images of distinct inputs under a bijection).
///
/// `stream` separates independent uses within one run: the front uses stream 0
/// (`front_stream`); anything whose draws may depend on the players' decisions (e.g. random
/// recognition of proposers) must use another stream so that the front stays the same
/// whatever the strategies do.
class RandomStream {
 public:
  /// The stream of the front.
  static constexpr std::uint64_t front_stream = 0;

  RandomStream(std::uint64_t seed, std::uint64_t point, std::uint64_t run,
               std::uint64_t stream = front_stream) noexcept;

  /// A stream started from an explicit state (not all zero), e.g. to check the generator
  /// against the reference implementation's outputs.
  static RandomStream from_state(const std::array<std::uint64_t, 4>& state) noexcept {
    RandomStream r;
    r.state_ = state;
    return r;
  }

  /// The next 64 random bits (xoshiro256**: rotl(s1 * 5, 7) * 9, then the state update).
  std::uint64_t next() noexcept {
    const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
    const std::uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = rotl(state_[3], 45);
    return result;
  }

  /// A uniform number in [0, 1) with 53 random bits: (next() >> 11) * 2^-53.
  double uniform() noexcept { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

  /// The current state (for tests of the seeding).
  [[nodiscard]] const std::array<std::uint64_t, 4>& state() const noexcept { return state_; }

 private:
  RandomStream() = default;
  static std::uint64_t rotl(std::uint64_t x, int k) noexcept { return (x << k) | (x >> (64 - k)); }
  std::array<std::uint64_t, 4> state_{};
};

}  // namespace parley
