#include "parley/battlefield/front_sampler.hpp"

#include <stdexcept>
#include <string>

namespace parley {

FrontSampler::FrontSampler(const BattlefieldChain& chain, int horizon) : chain_(chain), horizon_(horizon), collapse_a_(chain.collapse_a()), collapse_b_(chain.collapse_b()) {
  if (horizon < 0) throw std::invalid_argument("front sampler: horizon must be >= 0");
  thresholds_.reserve(static_cast<std::size_t>(horizon));
  for (int t = 0; t < horizon; ++t) thresholds_.push_back(chain.thresholds(t));
}

void FrontSampler::throw_period(int t) {
  throw std::out_of_range("front sampler: period " + std::to_string(t) + " outside the horizon");
}

FrontPathEnd FrontSampler::run_to_end(RandomStream& rng) const {
  int s = chain_.start();
  for (int t = 0; t < horizon_; ++t) {
    s = step(t, s, rng);
    if (s <= collapse_a_ || s >= collapse_b_) return {s, t + 1};
  }
  return {s, horizon_};
}

FrontPathEnd FrontSampler::run_to_end(RandomStream& rng, std::vector<int>& path) const {
  path.clear();
  int s = chain_.start();
  path.push_back(s);
  for (int t = 0; t < horizon_; ++t) {
    s = step(t, s, rng);
    path.push_back(s);
    if (s <= collapse_a_ || s >= collapse_b_) return {s, t + 1};
  }
  return {s, horizon_};
}

}  // namespace parley
