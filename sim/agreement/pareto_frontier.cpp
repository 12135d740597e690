#include "parley/agreement/pareto_frontier.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <utility>

#include "parley/model/utility_tolerance.hpp"

#include "frontier_envelope.hpp"
#include "parley/agreement/admissible_packages.hpp"

#include "clause_split.hpp"
#include "linear_interpolation.hpp"
#include "parley/agreement/restricted_issue.hpp"

namespace parley {

namespace {

using envelope::Frontier;
using envelope::Ref;

/// Keeps one point per u_a-interval of width eta (the first, highest in u_b) when a discrete
/// frontier has more than `cap` points; returns eta (0 if nothing was done).
double thin(Frontier& f, std::size_t cap) {
  if (f.v.size() <= cap || f.has_segments() || cap < 2) return 0.0;
  const double x0 = f.v.front().x;
  const double eta = (f.v.back().x - x0) / static_cast<double>(cap / 2);
  if (!(eta > 0.0)) return 0.0;
  Frontier out;
  double bucket = -1.0;
  for (const auto& vertex : f.v) {
    const double b = std::floor((vertex.x - x0) / eta);
    if (b == bucket) continue;
    bucket = b;
    if (!out.v.empty()) out.e.push_back({});
    out.v.push_back(vertex);
  }
  f = std::move(out);
  return eta;
}

}  // namespace

/// Builds a ParetoFrontier issue by issue (see pareto_frontier.hpp for the method).
class FrontierBuilder {
 public:
  FrontierBuilder(const Scenario& scenario, std::size_t a, std::size_t b, const FrontierOptions& options)
      : scenario_(scenario), a_(a), b_(b), options_(options), table_(scenario) {}

  ParetoFrontier run() {
    if (options_.alternatives.empty()) return finish(build_class());
    // A union of classes: each class's frontier on one package table (not compacted until the
    // end, so that no class drops another's rows), then their upper envelope, the frontier of
    // the union.
    const std::vector<IssueRestriction> base = options_.restriction;
    std::vector<Frontier> classes;
    compacting_ = false;
    for (const auto& alternative : options_.alternatives) {
      options_.restriction = intersect_restrictions(scenario_, base, alternative);
      Frontier f = build_class();
      if (!f.v.empty()) classes.push_back(std::move(f));
    }
    compacting_ = true;
    options_.restriction = base;
    Frontier all = classes.empty() ? Frontier{} : envelope::merge_all(std::move(classes));
    compact(all);
    return finish(all);
  }

 private:
  /// The frontier of the class options_.restriction describes (the whole space without one).
  Frontier build_class() {
    // An empty class has an empty frontier: no stage is built (a neutral code would not exist).
    for (std::size_t k = 0; k < scenario_.issues.size(); ++k)
      if (restriction_empties(scenario_.issues[k], restriction(k))) return Frontier{};
    // One row with every issue at its neutral value; every stage then overwrites its issue.
    const std::size_t root = table_.add_row();
    for (std::size_t k = 0; k < scenario_.issues.size(); ++k)
      table_.row(root)[k] = scenario_.issues[k].kind == IssueKind::clauses
                                ? 0.0
                                : restricted_neutral_code(scenario_.issues[k], restriction(k));
    Frontier sum = Frontier::point(0.0, 0.0, Ref{static_cast<std::uint32_t>(root), -1, 0.0});

    std::vector<Frontier> issue_frontiers(scenario_.issues.size());
    for (std::size_t k = 0; k < scenario_.issues.size(); ++k) issue_frontiers[k] = issue_frontier(k);
    // Discrete issues first: continuous segments then prune their staircases wholesale.
    std::vector<std::size_t> order(scenario_.issues.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t i, std::size_t j) {
      return !issue_frontiers[i].has_segments() && issue_frontiers[j].has_segments();
    });
    for (std::size_t k : order) {
      sum = add_issue(sum, issue_frontiers[k], static_cast<std::int32_t>(k));
      if (compacting_) compact(sum);
      epsilon_ += thin(sum, options_.max_discrete_points);
    }
    return sum;
  }

  /// Issue k's restriction, or nullptr when the frontier ranges over the whole space.
  [[nodiscard]] const IssueRestriction* restriction(std::size_t k) const {
    return options_.restriction.empty() ? nullptr : &options_.restriction[k];
  }

  [[nodiscard]] double weight(std::size_t party, std::size_t k) const { return scenario_.parties[party].weights[k]; }

  [[nodiscard]] double value(std::size_t party, std::size_t k, double amount) const {
    if (weight(party, k) == 0.0) return 0.0;
    return weight(party, k) * scenario_.parties[party].values[k].value_of_amount(scenario_.issues[k], amount);
  }

  /// The issue's own frontier; refs carry the issue's code in `amount` (row unused).
  Frontier issue_frontier(std::size_t k) {
    const Issue& issue = scenario_.issues[k];
    const auto ik = static_cast<std::int32_t>(k);
    if (weight(a_, k) == 0.0 && weight(b_, k) == 0.0 && issue.kind != IssueKind::clauses)
      return Frontier::point(0.0, 0.0, Ref{0, ik, restricted_neutral_code(issue, restriction(k))});
    const IssueRestriction* r = restriction(k);
    std::vector<Frontier> pieces;
    switch (issue.kind) {
      case IssueKind::ordinal:
        for (std::size_t l = 0; l < issue.levels.size(); ++l) {
          if (r != nullptr && !r->levels.empty() && r->levels[l] == 0) continue;
          const auto level = static_cast<double>(l);
          pieces.push_back(Frontier::point(value(a_, k, level), value(b_, k, level), Ref{0, ik, level}));
        }
        break;
      case IssueKind::continuous:
        if (issue.steps) {
          const auto [first, last] = restricted_grid_span(issue, r);
          for (int s = first; s <= last; ++s) {
            const double z = frontier_grid_point(issue, s);
            pieces.push_back(Frontier::point(value(a_, k, z), value(b_, k, z), Ref{0, ik, z}));
          }
        } else {
          continuous_pieces(k, pieces);
        }
        break;
      case IssueKind::clauses:
        return clauses_frontier(k);
    }
    return envelope::merge_all(std::move(pieces));
  }

  /// The curve z -> (u_a, u_b) is affine between consecutive breakpoints of either value
  /// function: a decreasing piece is a segment, any other piece is dominated by an end. Over
  /// [lo_k, hi_k] (the restriction's interval) the breakpoints are clipped to it and its ends
  /// added; a single amount (lo_k == hi_k) is a single point.
  void continuous_pieces(std::size_t k, std::vector<Frontier>& pieces) const {
    const Issue& issue = scenario_.issues[k];
    const auto ik = static_cast<std::int32_t>(k);
    const auto [lo, hi] = restricted_interval(issue, restriction(k));
    std::vector<double> z{lo, hi};
    for (std::size_t party : {a_, b_}) {
      if (weight(party, k) == 0.0) continue;
      for (const auto& [x, v] : scenario_.parties[party].values[k].curve.points())
        if (x > lo && x < hi) z.push_back(x);
    }
    std::sort(z.begin(), z.end());
    z.erase(std::unique(z.begin(), z.end()), z.end());
    if (z.size() == 1) pieces.push_back(Frontier::point(value(a_, k, z[0]), value(b_, k, z[0]), Ref{0, ik, z[0]}));
    for (std::size_t i = 0; i + 1 < z.size(); ++i) {
      const double xa0 = value(a_, k, z[i]), xb0 = value(b_, k, z[i]);
      const double xa1 = value(a_, k, z[i + 1]), xb1 = value(b_, k, z[i + 1]);
      if (xa1 > xa0 && xb1 < xb0)
        pieces.push_back(Frontier::segment(xa0, xb0, xa1, xb1, ik, 0, z[i], z[i + 1]));
      else if (xa1 < xa0 && xb1 > xb0)
        pieces.push_back(Frontier::segment(xa1, xb1, xa0, xb0, ik, 0, z[i + 1], z[i]));
      else if (xa1 >= xa0 && xb1 >= xb0)
        pieces.push_back(Frontier::point(xa1, xb1, Ref{0, ik, z[i + 1]}));
      else
        pieces.push_back(Frontier::point(xa0, xb0, Ref{0, ik, z[i]}));
    }
  }

  /// The subset-sum frontier of a clauses issue, clause by clause: S <- frontier(S u (S + c)).
  /// A clause good for both (no value negative, one positive) is always in, one bad for
  /// both always out, one neither party cares about stays at its status quo, one the
  /// restriction forces at its forced state. Subsets are
  /// tracked as a persistent list (each node adds one clause to its parent) and registered
  /// with the package table at the end.
  Frontier clauses_frontier(std::size_t k) {
    const Issue& issue = scenario_.issues[k];
    const auto ik = static_cast<std::int32_t>(k);
    const IssueValuation& va = scenario_.parties[a_].values[k];
    const IssueValuation& vb = scenario_.parties[b_].values[k];
    // Each clause's move in (u_a, u_b) when included (clause_split.hpp).
    auto gain = [&](std::size_t party, const IssueValuation& v, std::size_t c) {
      return clause_gain(weight(party, k), v, c);
    };
    ClauseSplit split = split_clauses(issue, 2, [&](std::size_t d, std::size_t c) {
      return d == 0 ? gain(a_, va, c) : gain(b_, vb, c);
    });
    // A forced clause is at its forced state in every subset of the class, whatever the pair
    // thinks of it, so it is fixed in the base and never searched.
    if (const IssueRestriction* r = restriction(k); r != nullptr && !r->clauses.empty()) {
      for (std::size_t c = 0; c < r->clauses.size(); ++c)
        if (r->clauses[c] >= 0) split.base[c] = static_cast<std::uint8_t>(r->clauses[c]);
      std::erase_if(split.mixed, [&](std::size_t c) { return r->clauses[c] >= 0; });
    }
    const std::vector<std::uint8_t>& base = split.base;
    const std::vector<std::size_t>& mixed = split.mixed;
    auto issue_value = [&](std::size_t party, const IssueValuation& v) {
      return weight(party, k) == 0.0 ? 0.0 : weight(party, k) * v.value_of_clauses(base.data());
    };
    struct Node {
      std::int64_t parent;
      std::size_t clause;
    };
    std::vector<Node> nodes{{-1, 0}};
    Frontier s = Frontier::point(issue_value(a_, va), issue_value(b_, vb), Ref{0, ik, 0.0});
    for (std::size_t c : mixed) {
      const double ga = gain(a_, va, c), gb = gain(b_, vb, c);
      Frontier with = s;
      for (auto& vertex : with.v) {
        vertex.x += ga;
        vertex.y += gb;
        nodes.push_back({static_cast<std::int64_t>(vertex.ref.amount), c});
        vertex.ref.amount = static_cast<double>(nodes.size() - 1);
      }
      s = envelope::merge(s, with);
      epsilon_ += thin(s, options_.max_discrete_points);
    }
    std::vector<std::uint8_t> flags;
    for (auto& vertex : s.v) {
      flags = base;
      for (auto node = static_cast<std::int64_t>(vertex.ref.amount); node > 0; node = nodes[node].parent)
        flags[nodes[static_cast<std::size_t>(node)].clause] = 1;
      vertex.ref.amount = static_cast<double>(table_.add_subset(k, flags));
    }
    return s;
  }

  /// Row of the package of a reference, with its override written in.
  std::uint32_t materialise(const Ref& ref) {
    const std::size_t row = table_.copy_row(ref.row);
    if (ref.issue >= 0) table_.row(row)[static_cast<std::size_t>(ref.issue)] = ref.amount;
    return static_cast<std::uint32_t>(row);
  }

  /// Copy of `row` with issue k at `code`.
  std::uint32_t with_code(std::uint32_t row, std::int32_t k, double code) {
    const std::size_t r = table_.copy_row(row);
    table_.row(r)[static_cast<std::size_t>(k)] = code;
    return static_cast<std::uint32_t>(r);
  }

  /// S + t for a translate of the whole of S by a point t of the issue.
  Frontier translate_sum(const Frontier& s, const std::vector<std::uint32_t>& vertex_rows, const envelope::Vertex& t,
                         std::int32_t k) {
    Frontier out = s;
    for (std::size_t i = 0; i < out.v.size(); ++i) {
      out.v[i].x += t.x;
      out.v[i].y += t.y;
      out.v[i].ref = Ref{vertex_rows[i], k, t.ref.amount};
    }
    for (auto& edge : out.e)
      if (edge.segment) edge.row = with_code(edge.row, k, t.ref.amount);
    return out;
  }

  /// The issue's frontier translated by a point of S (whose package row is `row`).
  static Frontier translate_issue(const Frontier& t, const envelope::Vertex& s, std::uint32_t row) {
    Frontier out = t;
    for (auto& vertex : out.v) {
      vertex.x += s.x;
      vertex.y += s.y;
      vertex.ref.row = row;
    }
    for (auto& edge : out.e) edge.row = row;
    return out;
  }

  /// The frontier of S + T (T the frontier of issue k): the upper envelope of
  /// (vertex of S) + T, (segment of S) + (vertex of T) and the efficient boundary of
  /// (segment of S) + (segment of T), a parallelogram whose efficient edges are its two
  /// sides taken flatter first.
  Frontier add_issue(const Frontier& s, const Frontier& t, std::int32_t k) {
    std::vector<std::uint32_t> vertex_rows(s.v.size());
    for (std::size_t i = 0; i < s.v.size(); ++i) vertex_rows[i] = materialise(s.v[i].ref);
    std::vector<Frontier> pieces;
    if (!t.has_segments()) {
      // |S| x |T| translated vertices would be held at once (2 x 5,000 ordinal levels: 25
      // million, 2.4 GB), so they are made and merged in batches of 2^m translates of S, at
      // most options_.max_merge_vertices vertices a batch. merge_all pairs pieces (2i, 2i + 1)
      // level by level, so a batch aligned on a multiple of 2^m is a subtree of the tree it
      // would build over all |T| pieces, and merging the batches' results pairwise continues
      // that same tree: the result is the same, bit for bit, and only memory changes.
      std::size_t batch = 1;
      while (batch * 2 <= t.v.size() && batch * 2 * s.v.size() <= options_.max_merge_vertices) batch *= 2;
      std::vector<Frontier> batches;
      for (std::size_t first = 0; first < t.v.size(); first += batch) {
        const std::size_t last = std::min(t.v.size(), first + batch);
        pieces.clear();
        for (std::size_t j = first; j < last; ++j) pieces.push_back(translate_sum(s, vertex_rows, t.v[j], k));
        batches.push_back(envelope::merge_all(std::move(pieces)));
      }
      return envelope::merge_all(std::move(batches));
    }
    for (std::size_t i = 0; i < s.v.size(); ++i) pieces.push_back(translate_issue(t, s.v[i], vertex_rows[i]));
    for (std::size_t j = 0; j < s.e.size(); ++j) {
      const envelope::Edge& e = s.e[j];
      if (!e.segment) continue;
      const auto& p0 = s.v[j];
      const auto& p1 = s.v[j + 1];
      for (const auto& w : t.v) {
        const std::uint32_t row = with_code(e.row, k, w.ref.amount);
        pieces.push_back(Frontier::segment(p0.x + w.x, p0.y + w.y, p1.x + w.x, p1.y + w.y, e.issue, row, e.a0, e.a1));
      }
      for (std::size_t m = 0; m < t.e.size(); ++m) {
        const envelope::Edge& f = t.e[m];
        if (!f.segment) continue;
        const auto& q0 = t.v[m];
        const auto& q1 = t.v[m + 1];
        const double ex = p1.x - p0.x, ey = p1.y - p0.y;
        const double fx = q1.x - q0.x, fy = q1.y - q0.y;
        const double cx = p0.x + q0.x, cy = p0.y + q0.y;
        Frontier piece;
        // Slope e >= slope f (e flatter): walk e first, then f.
        if (ey * fx >= fy * ex) {
          const std::uint32_t row1 = with_code(e.row, k, f.a0);  // e moves, f at its start
          const std::uint32_t row2 = with_code(e.row, e.issue, e.a1);  // f moves, e at its end
          piece.v = {{cx, cy, {row1, e.issue, e.a0}},
                     {cx + ex, cy + ey, {row1, e.issue, e.a1}},
                     {cx + ex + fx, cy + ey + fy, {row2, k, f.a1}}};
          piece.e = {{true, e.issue, row1, e.a0, e.a1}, {true, k, row2, f.a0, f.a1}};
        } else {
          const std::uint32_t row1 = with_code(e.row, e.issue, e.a0);  // f moves, e at its start
          const std::uint32_t row2 = with_code(e.row, k, f.a1);  // e moves, f at its end
          piece.v = {{cx, cy, {row1, k, f.a0}},
                     {cx + fx, cy + fy, {row1, k, f.a1}},
                     {cx + fx + ex, cy + fy + ey, {row2, e.issue, e.a1}}};
          piece.e = {{true, k, row1, f.a0, f.a1}, {true, e.issue, row2, e.a0, e.a1}};
        }
        pieces.push_back(std::move(piece));
      }
    }
    return envelope::merge_all(std::move(pieces));
  }

  /// Drops the package rows the frontier no longer uses.
  void compact(Frontier& f) {
    std::vector<std::int64_t> remap(table_.row_count(), -1);
    std::vector<std::size_t> kept;
    auto use = [&](std::uint32_t& row) {
      if (remap[row] < 0) {
        remap[row] = static_cast<std::int64_t>(kept.size());
        kept.push_back(row);
      }
      row = static_cast<std::uint32_t>(remap[row]);
    };
    for (auto& vertex : f.v) use(vertex.ref.row);
    for (auto& edge : f.e)
      if (edge.segment) use(edge.row);
    table_.keep_rows(kept);
  }

  ParetoFrontier finish(const Frontier& f) {
    ParetoFrontier out;
    out.party_a_ = a_;
    out.party_b_ = b_;
    out.u_a_.reserve(f.v.size());
    out.u_b_.reserve(f.v.size());
    for (const auto& vertex : f.v) {
      out.u_a_.push_back(vertex.x);
      out.u_b_.push_back(vertex.y);
      out.vertex_packages_.push_back(vertex.ref);
    }
    for (const auto& edge : f.e)
      out.edges_.push_back({edge.segment ? ParetoFrontier::EdgeKind::segment : ParetoFrontier::EdgeKind::gap,
                            edge.segment ? edge.issue : -1, edge.row, edge.a0, edge.a1});
    out.packages_ = std::move(table_);
    out.epsilon_ = epsilon_;
    return out;
  }

  const Scenario& scenario_;
  std::size_t a_;
  std::size_t b_;
  FrontierOptions options_;
  PackageTable table_;
  double epsilon_ = 0.0;
  bool compacting_ = true;  ///< false while the classes of a union share the table
};

bool restriction_empties_issue(const Issue& issue, const IssueRestriction& restriction) {
  return restriction_empties(issue, &restriction);
}

ParetoFrontier ParetoFrontier::build(const Scenario& scenario, std::size_t party_a, std::size_t party_b,
                                     const FrontierOptions& options) {
  check_restriction_fits(scenario, options.restriction);
  for (const auto& alternative : options.alternatives) check_restriction_fits(scenario, alternative);
  return FrontierBuilder(scenario, party_a, party_b, options).run();
}

double ParetoFrontier::moving_amount(std::size_t edge, double t) const {
  const Edge& e = edges_[edge];
  return lerp(e.amount_left, e.amount_right, t);
}

std::size_t ParetoFrontier::segment_count() const {
  return static_cast<std::size_t>(
      std::count_if(edges_.begin(), edges_.end(), [](const Edge& e) { return e.kind == EdgeKind::segment; }));
}

std::optional<ParetoFrontier::Point> ParetoFrontier::max_a_given_b(double floor_b) const noexcept {
  const std::size_t n = u_b_.size();
  // A vertex meets the floor when it is worth at least the floor up to rounding (DESIGN 1.9):
  // a responder offered exactly its value of rejecting accepts.
  const auto meets = [floor_b](double y) { return worth_at_least(y, floor_b); };
  if (n == 0 || !meets(u_b_.front())) return std::nullopt;
  // u_b is non-increasing: j is the last vertex meeting the floor.
  const auto it = std::partition_point(u_b_.begin(), u_b_.end(), meets);
  std::size_t j = static_cast<std::size_t>(it - u_b_.begin()) - 1;
  // Inside the segment only when v_j is worth more than the floor: v_{j+1} is then worth less
  // beyond rounding, so t is in (0, 1). A vertex tied with the floor is the answer itself.
  if (j + 1 < n && edges_[j].kind == EdgeKind::segment && worth_more(u_b_[j], floor_b)) {
    const double t = (u_b_[j] - floor_b) / (u_b_[j] - u_b_[j + 1]);
    return Point{j, t, lerp(u_a_[j], u_a_[j + 1], t), floor_b};
  }
  // At a vertex: among vertices with the same u_a (a vertical drop), the highest in u_b.
  while (j > 0 && same_utility(u_a_[j - 1], u_a_[j])) --j;
  return vertex(j);
}

std::optional<ParetoFrontier::Point> ParetoFrontier::max_b_given_a(double floor_a) const noexcept {
  const std::size_t n = u_a_.size();
  const auto meets = [floor_a](double x) { return worth_at_least(x, floor_a); };
  if (n == 0 || !meets(u_a_.back())) return std::nullopt;
  // u_a is non-decreasing: i is the first vertex meeting the floor (up to rounding).
  const auto it = std::partition_point(u_a_.begin(), u_a_.end(), [&](double x) { return !meets(x); });
  std::size_t i = static_cast<std::size_t>(it - u_a_.begin());
  if (i > 0 && edges_[i - 1].kind == EdgeKind::segment && worth_more(u_a_[i], floor_a)) {
    const std::size_t j = i - 1;
    const double t = (floor_a - u_a_[j]) / (u_a_[i] - u_a_[j]);
    return Point{j, t, floor_a, lerp(u_b_[j], u_b_[i], t)};
  }
  // At a vertex: among vertices with the same u_b (a horizontal gap), the one furthest right.
  while (i + 1 < n && same_utility(u_b_[i + 1], u_b_[i])) ++i;
  return vertex(i);
}

Agreement ParetoFrontier::package(const Point& point) const {
  Agreement out;
  package_into(point, out);
  return out;
}

void ParetoFrontier::package_into(const Point& point, Agreement& out) const {
  if (point.t == 0.0) {
    const PackageRef& ref = vertex_packages_[point.vertex];
    packages_.write(ref.row, ref.issue, ref.amount, out);
    return;
  }
  const Edge& e = edges_[point.vertex];
  packages_.write(e.row, e.issue, lerp(e.amount_left, e.amount_right, point.t), out);
}

}  // namespace parley
