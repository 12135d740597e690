#include "frontier_envelope.hpp"
#include "linear_interpolation.hpp"
#include "parley/model/utility_tolerance.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace parley::envelope {

namespace {

// Two utilities the same up to rounding (same_utility, DESIGN 1.9) are the same level: they are
// sums of the same numbers in different orders (0.1 + 0.2 and 0.3), or the two lines' values at
// a computed crossing.

/// Fraction of the way along edge j at abscissa x (clamped to [0, 1]).
double fraction(const Frontier& f, std::size_t j, double x) {
  const double x0 = f.v[j].x;
  const double x1 = f.v[j + 1].x;
  if (x <= x0) return 0.0;
  if (x >= x1) return 1.0;
  return (x - x0) / (x1 - x0);
}

// The ends are returned exactly so that a vertex and the edges meeting at it agree bit for bit.
double edge_y(const Frontier& f, std::size_t j, double x) {
  if (x <= f.v[j].x) return f.v[j].y;
  if (x >= f.v[j + 1].x) return f.v[j + 1].y;
  return lerp(f.v[j].y, f.v[j + 1].y, fraction(f, j, x));
}

double edge_amount(const Frontier& f, std::size_t j, double x) {
  const Edge& e = f.e[j];
  if (x <= f.v[j].x) return e.a0;
  if (x >= f.v[j + 1].x) return e.a1;
  return lerp(e.a0, e.a1, fraction(f, j, x));
}

enum class Presence { absent, real, level };

/// E at one abscissa: absent (right of the frontier), real (a vertex or a segment point,
/// with its package) or a level (a gap or left of the frontier: the value of a real point
/// further right).
struct Probe {
  Presence presence = Presence::absent;
  double y = 0.0;
  Ref ref;
};

/// E on an open interval between consecutive breakpoints: affine from y0 to y1; `edge` is
/// the segment when real.
struct Span {
  Presence presence = Presence::absent;
  double y0 = 0.0;
  double y1 = 0.0;
  std::size_t edge = 0;
};

/// Walks one frontier along increasing breakpoints.
class Cursor {
 public:
  explicit Cursor(const Frontier& f) : f_(f) {}

  void advance(double x) {
    const std::size_t n = f_.v.size();
    while (first_at_or_after_ < n && f_.v[first_at_or_after_].x < x) ++first_at_or_after_;
    while (count_at_or_before_ < n && f_.v[count_at_or_before_].x <= x) ++count_at_or_before_;
  }

  [[nodiscard]] Probe at(double x) const {
    const std::size_t n = f_.v.size();
    if (n == 0) return {};
    // Several vertices may share x (a vertical drop): E takes the top one, the first.
    if (first_at_or_after_ < n && f_.v[first_at_or_after_].x == x)
      return {Presence::real, f_.v[first_at_or_after_].y, f_.v[first_at_or_after_].ref};
    if (count_at_or_before_ == 0) return {Presence::level, f_.v.front().y, {}};
    if (count_at_or_before_ == n) return {};
    const std::size_t j = count_at_or_before_ - 1;
    const Edge& e = f_.e[j];
    if (e.segment) return {Presence::real, edge_y(f_, j, x), Ref{e.row, e.issue, edge_amount(f_, j, x)}};
    return {Presence::level, f_.v[j + 1].y, {}};
  }

  /// E on (lo, hi), lo the breakpoint the cursor was last advanced to.
  [[nodiscard]] Span over(double lo, double hi) const {
    const std::size_t n = f_.v.size();
    if (n == 0) return {};
    if (count_at_or_before_ == 0) return {Presence::level, f_.v.front().y, f_.v.front().y, 0};
    if (count_at_or_before_ == n) return {};
    const std::size_t j = count_at_or_before_ - 1;
    if (f_.e[j].segment) return {Presence::real, edge_y(f_, j, lo), edge_y(f_, j, hi), j};
    return {Presence::level, f_.v[j + 1].y, f_.v[j + 1].y, j};
  }

  [[nodiscard]] const Frontier& frontier() const { return f_; }

 private:
  const Frontier& f_;
  std::size_t first_at_or_after_ = 0;
  std::size_t count_at_or_before_ = 0;
};

/// Which input edge a piece of output came from, so that consecutive pieces of one input
/// segment become one output segment again.
struct Source {
  int frontier = -1;
  std::size_t edge = 0;
  friend bool operator==(const Source&, const Source&) = default;
};

/// Appends points and segments, left to right, keeping the frontier invariants.
class Assembler {
 public:
  explicit Assembler(Frontier& out) : h_(out) {}

  void point(double x, double y, const Ref& ref) {
    if (!h_.v.empty()) {
      const Vertex& last = h_.v.back();
      // The same u_a up to rounding and not worth more to b: the last vertex is worth at least
      // as much to both and, unless tied, more to b; the point is dominated (DESIGN 1.9).
      if (same_utility(x, last.x) && !worth_more(y, last.y)) return;
      // Rounding must not break monotonicity: the new point is right of and below the last.
      x = std::max(x, last.x);
      y = std::min(y, last.y);
      h_.e.push_back({});
    }
    h_.v.push_back({x, y, ref});
    source_ = {};
  }

  void segment(double x0, double y0, double x1, double y1, const Edge& edge, Source source) {
    if (!(x1 > x0) || !(y1 < y0)) {
      // A sliver flattened by rounding: its dominant end stands for it.
      if (x1 > x0)
        point(x1, y1, {edge.row, edge.issue, edge.a1});
      else
        point(x0, y0, {edge.row, edge.issue, edge.a0});
      return;
    }
    if (!h_.v.empty()) {
      Vertex& last = h_.v.back();
      if (same_utility(x0, last.x) && same_utility(y0, last.y)) {
        if (source_ == source && source.frontier >= 0 && !h_.e.empty() && h_.e.back().segment) {
          last.x = x1;
          last.y = y1;
          last.ref = {edge.row, edge.issue, edge.a1};
          h_.e.back().a1 = edge.a1;
          return;
        }
        h_.e.push_back(edge);
        h_.v.push_back({x1, std::min(y1, last.y), {edge.row, edge.issue, edge.a1}});
        source_ = source;
        return;
      }
      x0 = std::max(x0, last.x);
      y0 = std::min(y0, last.y);
      h_.e.push_back({});
    }
    h_.v.push_back({x0, y0, {edge.row, edge.issue, edge.a0}});
    h_.e.push_back(edge);
    h_.v.push_back({x1, y1, {edge.row, edge.issue, edge.a1}});
    source_ = source;
  }

 private:
  Frontier& h_;
  Source source_;
};

/// Emits the part [s0, s1] of segment `span.edge` of frontier `which`.
void emit_span(Assembler& out, const Cursor& c, int which, const Span& span, double s0, double s1) {
  if (span.presence != Presence::real || !(s1 > s0)) return;
  const Frontier& f = c.frontier();
  Edge piece = f.e[span.edge];
  piece.a0 = edge_amount(f, span.edge, s0);
  piece.a1 = edge_amount(f, span.edge, s1);
  out.segment(s0, edge_y(f, span.edge, s0), s1, edge_y(f, span.edge, s1), piece, {which, span.edge});
}

void emit_point(Assembler& out, const Probe& pf, const Probe& pg, double x) {
  if (pf.presence == Presence::absent && pg.presence == Presence::absent) return;
  // Heights the same up to rounding are ties (same_utility, DESIGN 1.9): sums of the same
  // weights in another order differ in the last bit, and a real point that only rounding lifts
  // above the level of a point further right is weakly dominated by it, not efficient.
  const bool f_above = pg.presence == Presence::absent || (pf.presence != Presence::absent && worth_more(pf.y, pg.y));
  const bool g_above = pf.presence == Presence::absent || (pg.presence != Presence::absent && worth_more(pg.y, pf.y));
  if (f_above) {
    if (pf.presence == Presence::real) out.point(x, pf.y, pf.ref);
  } else if (g_above) {
    if (pg.presence == Presence::real) out.point(x, pg.y, pg.ref);
  } else if (pf.presence == Presence::real && pg.presence == Presence::real) {
    out.point(x, pf.y, pf.ref);
  }
  // Equal, one of them a level: weakly dominated by a real point further right.
}

void emit_interval(Assembler& out, const Cursor& cf, const Cursor& cg, double lo, double hi) {
  const Span sf = cf.over(lo, hi);
  const Span sg = cg.over(lo, hi);
  if (sf.presence == Presence::absent && sg.presence == Presence::absent) return;
  if (sg.presence == Presence::absent) return emit_span(out, cf, 0, sf, lo, hi);
  if (sf.presence == Presence::absent) return emit_span(out, cg, 1, sg, lo, hi);
  const double d0 = sf.y0 - sg.y0;
  const double d1 = sf.y1 - sg.y1;
  if ((d0 >= 0.0 && d1 >= 0.0) || (d0 <= 0.0 && d1 <= 0.0)) {
    if (d0 == 0.0 && d1 == 0.0) {
      // Identical on the interval: prefer the real one, F among two real ones.
      if (sf.presence == Presence::real) return emit_span(out, cf, 0, sf, lo, hi);
      return emit_span(out, cg, 1, sg, lo, hi);
    }
    if (d0 + d1 > 0.0) return emit_span(out, cf, 0, sf, lo, hi);
    return emit_span(out, cg, 1, sg, lo, hi);
  }
  // The lines cross inside: d changes sign once (both are affine).
  const double t = d0 / (d0 - d1);
  const double xm = std::clamp(lo + (hi - lo) * t, lo, hi);
  if (d0 > 0.0) {
    emit_span(out, cf, 0, sf, lo, xm);
    emit_span(out, cg, 1, sg, xm, hi);
  } else {
    emit_span(out, cg, 1, sg, lo, xm);
    emit_span(out, cf, 0, sf, xm, hi);
  }
}

}  // namespace

bool Frontier::has_segments() const {
  return std::any_of(e.begin(), e.end(), [](const Edge& edge) { return edge.segment; });
}

Frontier Frontier::point(double x, double y, const Ref& ref) {
  Frontier f;
  f.v.push_back({x, y, ref});
  return f;
}

Frontier Frontier::segment(double x0, double y0, double x1, double y1, std::int32_t issue, std::uint32_t row,
                           double a0, double a1) {
  Frontier f;
  f.v.push_back({x0, y0, {row, issue, a0}});
  f.v.push_back({x1, y1, {row, issue, a1}});
  f.e.push_back({true, issue, row, a0, a1});
  return f;
}

Frontier merge(const Frontier& f, const Frontier& g) {
  if (f.empty()) return g;
  if (g.empty()) return f;
  std::vector<double> breaks;
  breaks.reserve(f.v.size() + g.v.size());
  {
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < f.v.size() || j < g.v.size()) {
      double x;
      if (j == g.v.size() || (i < f.v.size() && f.v[i].x <= g.v[j].x))
        x = f.v[i++].x;
      else
        x = g.v[j++].x;
      if (breaks.empty() || breaks.back() != x) breaks.push_back(x);
    }
  }
  Frontier h;
  h.v.reserve(f.v.size() + g.v.size());
  h.e.reserve(f.v.size() + g.v.size());
  Assembler out(h);
  Cursor cf(f);
  Cursor cg(g);
  for (std::size_t b = 0; b < breaks.size(); ++b) {
    const double x = breaks[b];
    cf.advance(x);
    cg.advance(x);
    emit_point(out, cf.at(x), cg.at(x), x);
    if (b + 1 < breaks.size()) emit_interval(out, cf, cg, x, breaks[b + 1]);
  }
  return h;
}

Frontier merge_all(std::vector<Frontier> pieces) {
  if (pieces.empty()) return {};
  while (pieces.size() > 1) {
    std::vector<Frontier> next;
    next.reserve(pieces.size() / 2 + 1);
    for (std::size_t i = 0; i + 1 < pieces.size(); i += 2) next.push_back(merge(pieces[i], pieces[i + 1]));
    if (pieces.size() % 2 == 1) next.push_back(std::move(pieces.back()));
    pieces = std::move(next);
  }
  return std::move(pieces.front());
}

}  // namespace parley::envelope
