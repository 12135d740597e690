#include "parley/battlefield/battlefield_chain.hpp"

#include <algorithm>
#include <cmath>
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

double BattlefieldChain::probability(int t, int from, int to) const {
  if (absorbing(from)) return from == to ? 1.0 : 0.0;
  const FrontMoves m = moves(t);
  const int k = params_.offensive_size;
  double p = 0.0;
  if (to == from) p += m.stay;
  if (to == destination(from, 1)) p += m.up;
  if (to == destination(from, k)) p += m.up_far;
  if (to == destination(from, -1)) p += m.down;
  if (to == destination(from, -k)) p += m.down_far;
  return p;
}

Eigen::SparseMatrix<double, Eigen::RowMajor> BattlefieldChain::transition(int t) const {
  const int n = state_count();
  const FrontMoves m = moves(t);
  const int k = params_.offensive_size;
  std::vector<Eigen::Triplet<double>> entries;
  entries.reserve(static_cast<std::size_t>(n) * 5);
  for (int s = 0; s < n; ++s) {
    if (absorbing(s)) {
      entries.emplace_back(s, s, 1.0);
      continue;
    }
    // Duplicates (a far move clamped onto an ordinary one, K = 1) are summed by setFromTriplets.
    const std::pair<int, double> row[] = {{s - k, m.down_far}, {s - 1, m.down}, {s, m.stay},
                                          {s + 1, m.up},       {s + k, m.up_far}};
    for (const auto& [to, p] : row)
      if (p != 0.0) entries.emplace_back(s, std::clamp(to, params_.collapse_a, params_.collapse_b), p);
  }
  Eigen::SparseMatrix<double, Eigen::RowMajor> p(n, n);
  p.setFromTriplets(entries.begin(), entries.end());
  return p;
}

}  // namespace parley
