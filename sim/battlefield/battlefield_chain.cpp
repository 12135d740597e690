#include "parley/battlefield/battlefield_chain.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

namespace parley {

namespace {

bool in_unit_interval(double a) { return a >= -1.0 && a <= 1.0; }

void check_schedule(const AdvantageSchedule& s) {
  auto fail = [](const std::string& what) {
    throw std::invalid_argument("battlefield advantage schedule: " + what);
  };
  if (!in_unit_interval(s.a0)) fail("initial value outside [-1, 1]");
  switch (s.kind) {
    case AdvantageSchedule::Kind::constant: break;
    case AdvantageSchedule::Kind::linear:
      if (!in_unit_interval(s.a1)) fail("final value outside [-1, 1]");
      if (!(s.t0 < s.t1)) fail("linear schedule needs start < end");
      break;
    case AdvantageSchedule::Kind::exponential:
      if (!in_unit_interval(s.a_inf)) fail("limit outside [-1, 1]");
      if (!(s.half_life > 0.0)) fail("half-life must be positive");
      break;
    case AdvantageSchedule::Kind::steps:
      for (std::size_t k = 0; k < s.steps.size(); ++k) {
        if (!in_unit_interval(s.steps[k].second)) fail("step value outside [-1, 1]");
        if (k > 0 && s.steps[k].first <= s.steps[k - 1].first) fail("step periods not increasing");
      }
      break;
  }
}

}  // namespace

BattlefieldChain::BattlefieldChain(const BattlefieldParams& params, double advantage_offset)
    : params_(params), offset_(advantage_offset) {
  const auto fail = [](const std::string& what) {
    throw std::invalid_argument("battlefield: " + what);
  };
  if (params.states < 2) fail("needs N >= 2 states");
  if (!(params.tempo > 0.0 && params.tempo <= 1.0)) fail("tempo must be in (0, 1]");
  if (params.collapse_a < 0 || params.collapse_b > params.states)
    fail("collapse thresholds outside 0..N");
  if (params.collapse_a >= params.collapse_b - 1) fail("collapse thresholds leave no interior state");
  if (params.start <= params.collapse_a || params.start >= params.collapse_b)
    fail("start state must lie strictly between the collapse thresholds");
  if (!(params.offensive_probability >= 0.0 && params.offensive_probability <= 1.0))
    fail("offensive probability must be in [0, 1]");
  if (params.offensive_size < 1) fail("offensive size must be at least 1");
  if (!std::isfinite(advantage_offset)) fail("advantage offset must be finite");
  check_schedule(params.advantage);
  // Conservative: a varying schedule counts as varying even where clamping flattens it.
  homogeneous_ = params.advantage.is_constant();
}

bool BattlefieldChain::homogeneous() const { return homogeneous_; }

double BattlefieldChain::advantage(int t) const {
  return std::clamp(params_.advantage.at(t) + offset_, -1.0, 1.0);
}

FrontMoves BattlefieldChain::moves(int t) const {
  const double a = advantage(t);
  const double r = params_.tempo;
  const double o = params_.offensive_probability;
  const double up_total = 0.5 * r * (1.0 + a);
  const double down_total = 0.5 * r * (1.0 - a);
  FrontMoves m;
  m.up = up_total * (1.0 - o);
  m.up_far = up_total * o;
  m.down = down_total * (1.0 - o);
  m.down_far = down_total * o;
  m.stay = 1.0 - r;
  return m;
}

int BattlefieldChain::destination(int s, int delta) const {
  return std::clamp(s + delta, params_.collapse_a, params_.collapse_b);
}

unsigned BattlefieldChain::moves_reaching(int from, int to) const {
  const FrontMoves any;
  unsigned mask = 0;
  unsigned j = 0;
  for (const FrontMove& move : moves_from(any, from)) {
    if (move.to == to) mask |= 1U << j;
    ++j;
  }
  return mask;
}

double BattlefieldChain::probability(int t, int from, int to) const {
  if (absorbing(from)) return from == to ? 1.0 : 0.0;
  return probability(moves(t), from, to);
}

Eigen::SparseMatrix<double, Eigen::RowMajor> BattlefieldChain::transition(int t) const {
  const int n = state_count();
  const FrontMoves m = moves(t);
  std::vector<Eigen::Triplet<double>> entries;
  entries.reserve(static_cast<std::size_t>(n) * 5);
  for (int s = 0; s < n; ++s) {
    if (absorbing(s)) {
      entries.emplace_back(s, s, 1.0);
      continue;
    }
    // Duplicates (a far move clamped onto an ordinary one, K = 1) are summed by setFromTriplets.
    for (const FrontMove& move : moves_from(m, s))
      if (move.probability != 0.0) entries.emplace_back(s, move.to, move.probability);
  }
  Eigen::SparseMatrix<double, Eigen::RowMajor> p(n, n);
  p.setFromTriplets(entries.begin(), entries.end());
  return p;
}

void BattlefieldChain::backward_step(int t, std::span<const double> next_values, std::span<double> out_values,
                                     double cost, double discount) const {
  // Far moves read next[s -+ K] directly wherever s -+ K is a valid index: every state beyond
  // a threshold holds that threshold's collapse value, so no clamping is needed there.
  const FrontMoves m = moves(t);
  const double* next = next_values.data();
  double* out = out_values.data();
  const int collapse_a = params_.collapse_a;
  const int collapse_b = params_.collapse_b;
  const int size = params_.offensive_size;
  const int last = params_.states;
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

double BattlefieldChain::propagate(int t, std::span<const double> pi, std::span<double> next) const {
  const FrontMoves m = moves(t);
  std::fill(next.begin(), next.end(), 0.0);
  double alive = 0.0;
  for (int s = params_.collapse_a + 1; s < params_.collapse_b; ++s) {
    const double mass = pi[static_cast<std::size_t>(s)];
    if (mass == 0.0) continue;
    alive += mass;
    for (const FrontMove& move : moves_from(m, s))
      next[static_cast<std::size_t>(move.to)] += mass * move.probability;
  }
  return alive;
}

FrontThresholds BattlefieldChain::thresholds(int t) const {
  const FrontMoves m = moves(t);
  const double p[5] = {m.down_far, m.down, m.stay, m.up, m.up_far};
  int last = 4;
  while (last > 0 && p[last] == 0.0) --last;
  FrontThresholds c{};
  double sum = 0.0;
  for (int j = 0; j < 4; ++j) {
    sum += p[j];
    c[static_cast<std::size_t>(j)] = j >= last ? std::numeric_limits<double>::infinity() : sum;
  }
  return c;
}

}  // namespace parley
