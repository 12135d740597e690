#include "parley/battlefield/front_sampler.hpp"

#include <limits>
#include <stdexcept>
#include <string>

namespace parley {

FrontSampler::FrontSampler(const BattlefieldChain& chain, int horizon)
    : horizon_(horizon),
      start_(chain.start()),
      collapse_a_(chain.collapse_a()),
      collapse_b_(chain.collapse_b()),
      size_(chain.offensive_size()) {
  if (horizon < 0) throw std::invalid_argument("front sampler: horizon must be >= 0");
  cumulative_.resize(static_cast<std::size_t>(horizon));
  for (int t = 0; t < horizon; ++t) {
    const FrontMoves m = chain.moves(t);
    const double p[5] = {m.down_far, m.down, m.stay, m.up, m.up_far};
    // The last move with positive probability takes everything above the previous
    // threshold, so that rounding in the cumulative sums can never select a move of
    // probability zero (with o = 0 no uniform may ever trigger an offensive).
    int last = 4;
    while (last > 0 && p[last] == 0.0) --last;
    auto& c = cumulative_[static_cast<std::size_t>(t)];
    double sum = 0.0;
    for (int j = 0; j < 4; ++j) {
      sum += p[j];
      c[static_cast<std::size_t>(j)] = j >= last ? std::numeric_limits<double>::infinity() : sum;
    }
  }
}

void FrontSampler::throw_period(int t) {
  throw std::out_of_range("front sampler: period " + std::to_string(t) + " outside the horizon");
}

FrontPathEnd FrontSampler::run_to_end(RandomStream& rng) const {
  int s = start_;
  for (int t = 0; t < horizon_; ++t) {
    s = step(t, s, rng);
    if (s <= collapse_a_ || s >= collapse_b_) return {s, t + 1};
  }
  return {s, horizon_};
}

FrontPathEnd FrontSampler::run_to_end(RandomStream& rng, std::vector<int>& path) const {
  path.clear();
  int s = start_;
  path.push_back(s);
  for (int t = 0; t < horizon_; ++t) {
    s = step(t, s, rng);
    path.push_back(s);
    if (s <= collapse_a_ || s >= collapse_b_) return {s, t + 1};
  }
  return {s, horizon_};
}

}  // namespace parley
