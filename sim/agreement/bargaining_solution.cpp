#include "parley/agreement/bargaining_solution.hpp"

#include <algorithm>
#include <limits>

#include "parley/model/utility_tolerance.hpp"

#include "linear_interpolation.hpp"

namespace parley {

namespace {

using Point = ParetoFrontier::Point;

Point on_edge(const ParetoFrontier& f, std::size_t j, double t) {
  if (t <= 0.0) return f.vertex(j);
  if (t >= 1.0) return f.vertex(j + 1);
  return {j, t, lerp(f.u_a(j), f.u_a(j + 1), t), lerp(f.u_b(j), f.u_b(j + 1), t)};
}

bool before(const Point& p, const Point& q) { return p.vertex < q.vertex || (p.vertex == q.vertex && p.t < q.t); }

/// The efficient part of the zone on a two-party frontier: from `lo` (the zone's best for b,
/// max u_b s.t. u_a >= d_a) to `hi` (its best for a, max u_a s.t. u_b >= d_b).
struct FrontierZone {
  bool exists = false;
  Point lo;
  Point hi;
};

FrontierZone frontier_zone(const ParetoFrontier& f, double da, double db) {
  FrontierZone z;
  const auto hi = f.max_a_given_b(db);
  if (!hi || !worth_at_least(hi->u_a, da)) return z;
  const auto lo = f.max_b_given_a(std::min(da, hi->u_a));
  z.exists = true;
  z.hi = *hi;
  z.lo = lo && !before(*hi, *lo) ? *lo : *hi;
  return z;
}

/// Calls visit(point) for the ends of the zone and every vertex between them, and
/// segment(j, t0, t1) for the part [t0, t1] of every segment edge inside the zone.
template <class Visit, class Segment>
void scan_zone(const ParetoFrontier& f, const FrontierZone& z, Visit visit, Segment segment) {
  visit(z.lo);
  for (std::size_t v = z.lo.vertex + 1; v <= z.hi.vertex && v < f.size(); ++v) visit(f.vertex(v));
  visit(z.hi);
  for (std::size_t j = z.lo.vertex; j <= z.hi.vertex && j + 1 < f.size(); ++j) {
    if (f.edge_kind(j) != ParetoFrontier::EdgeKind::segment) continue;
    const double t0 = j == z.lo.vertex ? z.lo.t : 0.0;
    const double t1 = j == z.hi.vertex ? z.hi.t : 1.0;
    if (t1 > t0) segment(j, t0, t1);
  }
}

BargainingSolution make_solution(const AgreementSpace& space, const SpacePoint& point) {
  BargainingSolution s;
  s.agreement = space.package(point);
  s.utilities = space.utilities(s.agreement);
  s.point = point;
  return s;
}

/// Veto party coordinates of set point p.
bool in_zone(const EpsilonParetoSet& set, std::size_t p, std::span<const double> d) {
  for (std::size_t k = 0; k < set.dimension(); ++k)
    if (!worth_at_least(set.utility(p, k), d[set.parties()[k]])) return false;
  return true;
}

}  // namespace

double nash_product(const AgreementSpace& space, std::span<const double> utilities, std::span<const double> disagreement) {
  double product = 1.0;
  for (std::size_t i : space.veto_parties()) product *= std::max(0.0, utilities[i] - disagreement[i]);
  return product;
}

Zopa zone_of_possible_agreement(const AgreementSpace& space, std::span<const double> d) {
  Zopa z;
  z.epsilon = space.epsilon();
  const auto veto = space.veto_parties();
  for (std::size_t i : veto) z.disagreement_welfare += d[i];
  const BargainingSolution welfare = max_welfare(space);
  for (std::size_t i : veto) z.max_welfare += welfare.utilities[i];
  for (std::size_t i : veto) {
    ZopaSide side;
    side.party = i;
    side.disagreement = d[i];
    side.ideal = space.max_utility(i);
    if (const auto p = space.best_for(i, d)) side.best_given_others = p->value;
    z.sides.push_back(side);
  }
  if (space.is_exact()) {
    const ParetoFrontier& f = space.frontier();
    const FrontierZone zone = frontier_zone(f, d[veto[0]], d[veto[1]]);
    z.exists = zone.exists;
    if (zone.exists) {
      z.sides[0].low = zone.lo.u_a;
      z.sides[0].high = zone.hi.u_a;
      z.sides[1].low = zone.hi.u_b;
      z.sides[1].high = zone.lo.u_b;
    }
    return z;
  }
  const EpsilonParetoSet& set = space.epsilon_set();
  for (std::size_t k = 0; k < veto.size(); ++k) {
    z.sides[k].low = std::numeric_limits<double>::infinity();
    z.sides[k].high = -std::numeric_limits<double>::infinity();
  }
  for (std::size_t p = 0; p < set.size(); ++p) {
    if (!in_zone(set, p, d)) continue;
    z.exists = true;
    for (std::size_t k = 0; k < veto.size(); ++k) {
      z.sides[k].low = std::min(z.sides[k].low, set.utility(p, k));
      z.sides[k].high = std::max(z.sides[k].high, set.utility(p, k));
    }
  }
  if (!z.exists)
    for (auto& side : z.sides) side.low = side.high = 0.0;
  return z;
}

std::optional<BargainingSolution> nash_solution(const AgreementSpace& space, std::span<const double> d) {
  const auto veto = space.veto_parties();
  if (space.is_exact()) {
    const ParetoFrontier& f = space.frontier();
    const double da = d[veto[0]], db = d[veto[1]];
    const FrontierZone zone = frontier_zone(f, da, db);
    if (!zone.exists) return std::nullopt;
    double best = -1.0;
    Point best_point = zone.lo;
    auto visit = [&](const Point& p) {
      const double product = std::max(0.0, p.u_a - da) * std::max(0.0, p.u_b - db);
      if (product > best) {
        best = product;
        best_point = p;
      }
    };
    // Along a segment (u_a, u_b) = (x0 + t dx, y0 + t dy) with dx > 0 > dy, so the product
    // (A + t dx)(B + t dy), A = x0 - d_a, B = y0 - d_b, is a concave quadratic in t with its
    // stationary point at t* = -(dx B + dy A) / (2 dx dy); clamp it to the zone's part.
    auto segment = [&](std::size_t j, double t0, double t1) {
      const double dx = f.u_a(j + 1) - f.u_a(j), dy = f.u_b(j + 1) - f.u_b(j);
      const double a = f.u_a(j) - da, b = f.u_b(j) - db;
      const double t = std::clamp(-(dx * b + dy * a) / (2.0 * dx * dy), t0, t1);
      visit(on_edge(f, j, t));
    };
    scan_zone(f, zone, visit, segment);
    return make_solution(space, {best_point.vertex, best_point.t, best});
  }
  const EpsilonParetoSet& set = space.epsilon_set();
  std::optional<SpacePoint> best;
  for (std::size_t p = 0; p < set.size(); ++p) {
    if (!in_zone(set, p, d)) continue;
    double product = 1.0;
    for (std::size_t k = 0; k < set.dimension(); ++k) product *= std::max(0.0, set.utility(p, k) - d[veto[k]]);
    if (!best || product > best->value) best = SpacePoint{p, 0.0, product};
  }
  if (!best) return std::nullopt;
  return make_solution(space, *best);
}

std::optional<BargainingSolution> kalai_smorodinsky(const AgreementSpace& space, std::span<const double> d) {
  const auto veto = space.veto_parties();
  // Score of a point: min_i of the normalised gains r_i = (u_i - d_i) / (I_i - d_i) over the
  // parties that can gain, then their sum to break ties.
  struct Score {
    double min = -std::numeric_limits<double>::infinity();
    double sum = -std::numeric_limits<double>::infinity();
    [[nodiscard]] bool beats(const Score& o) const { return min > o.min || (min == o.min && sum > o.sum); }
  };
  if (space.is_exact()) {
    const ParetoFrontier& f = space.frontier();
    const double da = d[veto[0]], db = d[veto[1]];
    const FrontierZone zone = frontier_zone(f, da, db);
    if (!zone.exists) return std::nullopt;
    const double ga = zone.hi.u_a - da, gb = zone.lo.u_b - db;
    const bool use_a = worth_more(zone.hi.u_a, da), use_b = worth_more(zone.lo.u_b, db);
    auto score = [&](const Point& p) {
      Score s{std::numeric_limits<double>::infinity(), 0.0};
      if (use_a) {
        s.min = std::min(s.min, (p.u_a - da) / ga);
        s.sum += (p.u_a - da) / ga;
      }
      if (use_b) {
        s.min = std::min(s.min, (p.u_b - db) / gb);
        s.sum += (p.u_b - db) / gb;
      }
      return s;
    };
    Score best;
    Point best_point = zone.lo;
    auto visit = [&](const Point& p) {
      const Score s = score(p);
      if (s.beats(best)) {
        best = s;
        best_point = p;
      }
    };
    // On a segment r_a rises and r_b falls, both affine in t: the minimum peaks where they
    // cross, t* = ((y0 - d_b)/g_b - (x0 - d_a)/g_a) / (dx/g_a - dy/g_b), or at an end.
    auto segment = [&](std::size_t j, double t0, double t1) {
      const double dx = f.u_a(j + 1) - f.u_a(j), dy = f.u_b(j + 1) - f.u_b(j);
      double t = t1;
      if (use_a && use_b)
        t = ((f.u_b(j) - db) / gb - (f.u_a(j) - da) / ga) / (dx / ga - dy / gb);
      else if (use_b)
        t = t0;
      visit(on_edge(f, j, std::clamp(t, t0, t1)));
    };
    scan_zone(f, zone, visit, segment);
    return make_solution(space, {best_point.vertex, best_point.t, best.min});
  }
  const EpsilonParetoSet& set = space.epsilon_set();
  const std::size_t m = set.dimension();
  std::vector<double> ideal(m, -std::numeric_limits<double>::infinity());
  bool any = false;
  for (std::size_t p = 0; p < set.size(); ++p) {
    if (!in_zone(set, p, d)) continue;
    any = true;
    for (std::size_t k = 0; k < m; ++k) ideal[k] = std::max(ideal[k], set.utility(p, k));
  }
  if (!any) return std::nullopt;
  Score best;
  std::size_t best_point = 0;
  for (std::size_t p = 0; p < set.size(); ++p) {
    if (!in_zone(set, p, d)) continue;
    Score s{std::numeric_limits<double>::infinity(), 0.0};
    for (std::size_t k = 0; k < m; ++k) {
      if (!worth_more(ideal[k], d[veto[k]])) continue;
      const double gain = ideal[k] - d[veto[k]];
      const double r = (set.utility(p, k) - d[veto[k]]) / gain;
      s.min = std::min(s.min, r);
      s.sum += r;
    }
    if (s.beats(best)) {
      best = s;
      best_point = p;
    }
  }
  return make_solution(space, {best_point, 0.0, best.min});
}

BargainingSolution max_welfare(const AgreementSpace& space) {
  const auto veto = space.veto_parties();
  std::size_t best_point = 0;
  double best = -std::numeric_limits<double>::infinity();
  for (std::size_t p = 0; p < space.point_count(); ++p) {
    double sum = 0.0;
    for (std::size_t i : veto) sum += space.utility(space.point(p), i);
    if (worth_more(sum, best)) {  // the first of the points whose welfare is the same up to rounding
      best = sum;
      best_point = p;
    }
  }
  return make_solution(space, {best_point, 0.0, best});
}

}  // namespace parley
