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

WarValueTable::WarValueTable(TimeStateTable values)
    : storage_(std::make_shared<const TimeStateTable>(std::move(values))),
      data_(storage_->row(0).data()),
      horizon_(storage_->periods() - 1),
      state_count_(storage_->state_count()) {
  if (horizon_ < 0 || state_count_ < 1)
    throw std::invalid_argument("war value table: needs horizon >= 0 and states >= 1");
}

WarValueTable::WarValueTable(int horizon, int state_count, const std::vector<double>& values)
    : horizon_(horizon), state_count_(state_count) {
  if (horizon < 0 || state_count < 1 ||
      values.size() != static_cast<std::size_t>(horizon + 1) * static_cast<std::size_t>(state_count))
    throw std::invalid_argument("war value table: values do not match (horizon + 1) x states");
  TimeStateTable table(horizon + 1, state_count);
  for (int t = 0; t <= horizon; ++t)
    std::copy_n(values.begin() + static_cast<std::ptrdiff_t>(t) * state_count, state_count, table.row(t).begin());
  storage_ = std::make_shared<const TimeStateTable>(std::move(table));
  data_ = storage_->row(0).data();
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
  // Every entry is written below: absorbing columns by the fills, row T by the frozen values,
  // interior entries of rows t < T by the backward steps.
  TimeStateTable v(horizon + 1, n);
  // Row T: frozen values inside, collapse values outside; then the absorbing columns of every
  // row, which the backward steps never touch.
  std::copy(payoffs.frozen.begin(), payoffs.frozen.end(), v.row(horizon).begin());
  for (int t = 0; t <= horizon; ++t) {
    const std::span<double> row = v.row(t);
    std::fill(row.begin(), row.begin() + ca + 1, payoffs.collapse_a);
    std::fill(row.begin() + cb, row.end(), payoffs.collapse_b);
  }
  for (int t = horizon - 1; t >= 0; --t)
    chain.backward_step(t, v.row(t + 1), v.row(t), payoffs.cost, payoffs.discount);
  return WarValueTable(std::move(v));
}

WarValueTable war_value(const Scenario& scenario, std::size_t party, double advantage_offset, double extra_cost) {
  WarPayoffs payoffs = war_payoffs(scenario, party);
  payoffs.cost += extra_cost;
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
