#include "parley/battlefield/war_value.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>
#include <utility>

namespace parley {

namespace {

// The terms imposed on a collapse; a scenario built in code may leave them empty, and the
// format's default is then the frozen front at the threshold.
const Agreement& collapse_terms_or_frozen(const Scenario& scenario, const Agreement& terms,
                                          int threshold, Agreement& fallback) {
  if (terms.amounts.size() == scenario.issues.size()) return terms;
  fallback = scenario.frozen(threshold);
  return fallback;
}

// One period of the backward induction on the interior states (collapse_a, collapse_b):
//   next is V(t + 1, .), out is V(t, .); absorbing entries of `out` are already set.
// Far moves read next[s -+ K] directly wherever s -+ K is a valid index: every state beyond
// a threshold holds that threshold's collapse value, so no clamping is needed there.
void backward_period(const double* next, double* out, const FrontMoves& m, double cost,
                     double discount, int collapse_a, int collapse_b, int size, int last) {
  const double cd = discount * m.down;
  const double cs = discount * m.stay;
  const double cu = discount * m.up;
  const int lo = collapse_a + 1;
  const int hi = collapse_b;  // exclusive
  const bool far = (m.up_far != 0.0 || m.down_far != 0.0) && size > 1;
  if (!far) {
    // The three-point stencil of the gambler's ruin with holding (K = 1 folded in).
    const double cd1 = cd + discount * m.down_far;
    const double cu1 = cu + discount * m.up_far;
    for (int s = lo; s < hi; ++s)
      out[s] = -cost + cd1 * next[s - 1] + cs * next[s] + cu1 * next[s + 1];
    return;
  }
  const double cdf = discount * m.down_far;
  const double cuf = discount * m.up_far;
  const auto at = [&](int s) {
    return -cost + cdf * next[std::max(s - size, collapse_a)] + cd * next[s - 1] + cs * next[s] +
           cu * next[s + 1] + cuf * next[std::min(s + size, collapse_b)];
  };
  // Bulk: s - K >= 0 and s + K <= N, contiguous loads at fixed offsets (vectorisable).
  const int bulk_lo = std::max(lo, size);
  const int bulk_hi = std::min(hi, last - size + 1);
  int s = lo;
  for (; s < std::min(bulk_lo, hi); ++s) out[s] = at(s);
  for (; s < bulk_hi; ++s)
    out[s] = -cost + cdf * next[s - size] + cd * next[s - 1] + cs * next[s] + cu * next[s + 1] +
             cuf * next[s + size];
  for (; s < hi; ++s) out[s] = at(s);
}

}  // namespace

WarPayoffs war_payoffs(const Scenario& scenario, std::size_t party) {
  const Party& p = scenario.parties.at(party);
  WarPayoffs out;
  out.cost = p.cost;
  out.discount = p.discount;
  if (!scenario.battlefield) {
    out.frozen = {p.reservation};
    out.collapse_a = out.collapse_b = p.reservation;
    return out;
  }
  const BattlefieldParams& bf = *scenario.battlefield;
  Agreement fallback;
  out.collapse_a = scenario.utility(
      party, collapse_terms_or_frozen(scenario, scenario.collapse_a_terms, bf.collapse_a, fallback));
  out.collapse_b = scenario.utility(
      party, collapse_terms_or_frozen(scenario, scenario.collapse_b_terms, bf.collapse_b, fallback));
  out.frozen.resize(static_cast<std::size_t>(bf.states) + 1);
  for (int s = 0; s <= bf.states; ++s)
    out.frozen[static_cast<std::size_t>(s)] = scenario.utility(party, scenario.frozen(s));
  return out;
}

WarValueTable::WarValueTable(int horizon, int state_count, std::shared_ptr<const double[]> values)
    : storage_(std::move(values)), data_(storage_.get()), horizon_(horizon), state_count_(state_count) {
  if (horizon < 0 || state_count < 1 || !storage_)
    throw std::invalid_argument("war value table: needs horizon >= 0, states >= 1 and values");
}

namespace {

std::size_t table_size(int horizon, int state_count) {
  return static_cast<std::size_t>(horizon + 1) * static_cast<std::size_t>(state_count);
}

}  // namespace

WarValueTable::WarValueTable(int horizon, int state_count, const std::vector<double>& values)
    : horizon_(horizon), state_count_(state_count) {
  if (horizon < 0 || state_count < 1 || values.size() != table_size(horizon, state_count))
    throw std::invalid_argument("war value table: values do not match (horizon + 1) x states");
  std::shared_ptr<double[]> storage(new double[values.size()]);
  std::copy(values.begin(), values.end(), storage.get());
  data_ = storage.get();
  storage_ = std::move(storage);
}

namespace {

WarValueTable without_battlefield(int horizon, const WarPayoffs& payoffs) {
  std::vector<double> v(static_cast<std::size_t>(horizon) + 1);
  v[static_cast<std::size_t>(horizon)] = payoffs.frozen.at(0);
  for (int t = horizon - 1; t >= 0; --t)
    v[static_cast<std::size_t>(t)] = -payoffs.cost + payoffs.discount * v[static_cast<std::size_t>(t) + 1];
  return WarValueTable(horizon, 1, v);
}

}  // namespace

WarValueTable war_value(const BattlefieldChain& chain, int horizon, const WarPayoffs& payoffs) {
  if (horizon < 0) throw std::invalid_argument("war value: horizon must be >= 0");
  const int n = chain.state_count();
  if (payoffs.frozen.size() != static_cast<std::size_t>(n))
    throw std::invalid_argument("war value: frozen values must cover the N + 1 states");
  const int ca = chain.collapse_a();
  const int cb = chain.collapse_b();
  const auto stride = static_cast<std::size_t>(n);
  // Every entry is written below: absorbing columns by the fills, row T by the frozen values,
  // interior entries of rows t < T by the sweep.
  std::shared_ptr<double[]> v(new double[table_size(horizon, n)]);
  // Row T: frozen values inside, collapse values outside; then the absorbing columns of every
  // row, which the sweep never touches.
  double* row_t = v.get() + static_cast<std::size_t>(horizon) * stride;
  std::copy(payoffs.frozen.begin(), payoffs.frozen.end(), row_t);
  for (int t = 0; t <= horizon; ++t) {
    double* row = v.get() + static_cast<std::size_t>(t) * stride;
    std::fill(row, row + ca + 1, payoffs.collapse_a);
    std::fill(row + cb, row + n, payoffs.collapse_b);
  }
  for (int t = horizon - 1; t >= 0; --t) {
    double* row = v.get() + static_cast<std::size_t>(t) * stride;
    backward_period(row + stride, row, chain.moves(t), payoffs.cost, payoffs.discount, ca, cb,
                    chain.offensive_size(), n - 1);
  }
  return WarValueTable(horizon, n, std::shared_ptr<const double[]>(std::move(v)));
}

WarValueTable war_value(const Scenario& scenario, std::size_t party, double advantage_offset) {
  const WarPayoffs payoffs = war_payoffs(scenario, party);
  if (!scenario.battlefield) return without_battlefield(scenario.horizon, payoffs);
  return war_value(BattlefieldChain(*scenario.battlefield, advantage_offset), scenario.horizon,
                   payoffs);
}

std::vector<std::vector<WarValueTable>> war_values_by_belief(const Scenario& scenario) {
  std::vector<std::vector<WarValueTable>> out(scenario.parties.size());
  std::map<double, BattlefieldChain> chains;  // one chain per distinct offset
  for (std::size_t i = 0; i < scenario.parties.size(); ++i) {
    const WarPayoffs payoffs = war_payoffs(scenario, i);
    const auto& offsets = scenario.parties[i].belief.offsets;
    out[i].reserve(offsets.size());
    if (!scenario.battlefield) {
      const WarValueTable table = without_battlefield(scenario.horizon, payoffs);
      out[i].assign(offsets.size(), table);
      continue;
    }
    for (double offset : offsets) {
      auto it = chains.find(offset);
      if (it == chains.end())
        it = chains.emplace(offset, BattlefieldChain(*scenario.battlefield, offset)).first;
      out[i].push_back(war_value(it->second, scenario.horizon, payoffs));
    }
  }
  return out;
}

}  // namespace parley
