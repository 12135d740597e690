#include "parley/battlefield/war_outcome.hpp"

#include <utility>
#include <stdexcept>

namespace parley {

WarOutcome war_outcome(const BattlefieldChain& chain, int start, int horizon) {
  const int n = chain.state_count();
  if (start < 0 || start >= n) throw std::invalid_argument("war outcome: start outside 0..N");
  if (horizon < 1) throw std::invalid_argument("war outcome: horizon must be >= 1");
  const int ca = chain.collapse_a();
  const int cb = chain.collapse_b();
  WarOutcome out;
  out.end_a.assign(static_cast<std::size_t>(horizon), 0.0);
  out.end_b.assign(static_cast<std::size_t>(horizon), 0.0);
  out.final_distribution.assign(static_cast<std::size_t>(n), 0.0);
  if (chain.absorbing(start)) {
    // The war is over before it starts.
    (start <= ca ? out.collapse_a : out.collapse_b) = 1.0;
    out.final_distribution[static_cast<std::size_t>(start)] = 1.0;
    return out;
  }

  // pi holds the interior mass only; what reaches a threshold is booked to that side's
  // collapse in the period it happens and leaves the vector.
  std::vector<double> pi(static_cast<std::size_t>(n), 0.0);
  std::vector<double> next(static_cast<std::size_t>(n), 0.0);
  pi[static_cast<std::size_t>(start)] = 1.0;
  double survival_sum = 0.0;  // sum_{t < T} P(tau > t) = E[min(tau, T)]
  for (int t = 0; t < horizon; ++t) {
    const double alive = chain.propagate(t, pi, next);
    survival_sum += alive;
    const auto ia = static_cast<std::size_t>(ca);
    const auto ib = static_cast<std::size_t>(cb);
    out.end_a[static_cast<std::size_t>(t)] = next[ia];
    out.end_b[static_cast<std::size_t>(t)] = next[ib];
    out.collapse_a += next[ia];
    out.collapse_b += next[ib];
    next[ia] = next[ib] = 0.0;
    std::swap(pi, next);
  }
  double frozen = 0.0;
  double share = 0.0;
  for (int s = ca + 1; s < cb; ++s) {
    const double mass = pi[static_cast<std::size_t>(s)];
    frozen += mass;
    share += mass * static_cast<double>(s) / static_cast<double>(chain.states());
    out.final_distribution[static_cast<std::size_t>(s)] = mass;
  }
  out.final_distribution[static_cast<std::size_t>(ca)] = out.collapse_a;
  out.final_distribution[static_cast<std::size_t>(cb)] = out.collapse_b;
  out.frozen = frozen;
  out.expected_frozen_share = frozen > 0.0 ? share / frozen : 0.0;
  out.expected_duration = survival_sum;
  // Median: the first duration d whose cumulative probability reaches one half (a tolerance
  // of 1e-12 keeps exact halves, e.g. 1/2 + 1/2, from being lost to rounding).
  out.median_duration = horizon;
  double cdf = 0.0;
  for (int t = 0; t < horizon; ++t) {
    cdf += out.end_a[static_cast<std::size_t>(t)] + out.end_b[static_cast<std::size_t>(t)];
    if (cdf >= 0.5 - 1e-12) {
      out.median_duration = t + 1;
      break;
    }
  }
  return out;
}

WarOutcome war_outcome(const Scenario& scenario) {
  if (!scenario.battlefield) throw std::invalid_argument("war outcome: the scenario has no battlefield");
  const BattlefieldChain chain(*scenario.battlefield);
  return war_outcome(chain, scenario.battlefield->start, scenario.horizon);
}

}  // namespace parley
