#pragma once
/// \file svg_chart.hpp
/// Charts as inline SVG for `parley report` (issue 17): the page an analyst mails carries its
/// figures as vector markup, so it needs no image files, no plotting library at run time and
/// no network, and its numbers stay selectable text. Three kinds: an x-y chart (lines, shaded
/// bands, markers, vertical rules and spans), horizontal bars with interval whiskers, and
/// strips (one row per categorical feature, coloured by its value over x: a regime map).

#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace parley::io {

/// The colour of series `k` (cycling) from Okabe and Ito's palette (2008), which readers with
/// any common colour-vision deficiency can tell apart: "#0072B2", "#D55E00", ...
[[nodiscard]] std::string chart_colour(int k);

/// `text` with &, <, >, " and ' replaced by their character references, for HTML and SVG
/// text and attribute values.
[[nodiscard]] std::string markup_escape(const std::string& text);

/// \brief Tick positions for an axis over [lo, hi]: multiples of 1, 2 or 5 times a power of
/// ten (Heckbert, "Nice numbers for graph labels", Graphics Gems 1990), about `target` of them,
/// covering [lo, hi]. A degenerate range (lo == hi) is widened to lo -+ 1 (or -+ |lo|/10).
[[nodiscard]] std::vector<double> nice_ticks(double lo, double hi, int target);

/// \brief An x-y chart with linear axes and round ticks. Add series, then write it; the axes
/// span the data (and every rule and span) unless a range is set.
class SvgChart {
 public:
  enum class Marker { circle, square, diamond, triangle };

  SvgChart(std::string title, std::string x_label, std::string y_label);

  /// Fixes an axis to [lo, hi] instead of the data's range.
  void set_x_range(double lo, double hi);
  void set_y_range(double lo, double hi);

  /// A polyline through (x_k, y_k) (non-finite points break it), in `colour`, named `label` in
  /// the legend (no entry when empty).
  void add_line(std::vector<double> x, std::vector<double> y, std::string colour, std::string label,
                bool dashed = false);
  /// A shaded band between `low` and `high` over `x` (a confidence band), in `colour`.
  void add_band(std::vector<double> x, std::vector<double> low, std::vector<double> high, std::string colour);
  /// One marker at (x, y) with a legend entry `label`.
  void add_marker(double x, double y, std::string colour, Marker marker, std::string label);
  /// Points joined by nothing (a cloud), in `colour`, with a legend entry `label`.
  void add_points(std::vector<double> x, std::vector<double> y, std::string colour, std::string label);
  /// A dashed vertical rule at x, with `label` written beside it at the top.
  void add_vertical_rule(double x, std::string label);
  /// A grey vertical span [lo, hi] behind everything (a bracket).
  void add_vertical_span(double lo, double hi);

  /// The chart as an <svg> element `width` x `height` user units wide, with a <title> (the
  /// chart's title, for screen readers) and a viewBox, so the page can scale it.
  void write(std::ostream& out, double width = 720.0, double height = 380.0) const;

 private:
  struct Series {
    enum class Kind { line, band, marker, points } kind = Kind::line;
    std::vector<double> x, y, y2;
    std::string colour;
    std::string label;
    bool dashed = false;
    Marker marker = Marker::circle;
  };
  std::string title_, x_label_, y_label_;
  std::vector<Series> series_;
  std::vector<std::pair<double, std::string>> rules_;
  std::vector<std::pair<double, double>> spans_;
  bool fixed_x_ = false, fixed_y_ = false;
  double x_lo_ = 0.0, x_hi_ = 1.0, y_lo_ = 0.0, y_hi_ = 1.0;
};

/// \brief One bar: a share in [0, 1] with its 95% interval.
struct ShareBar {
  std::string label;
  double share = 0.0;
  double low = 0.0;
  double high = 0.0;
};

/// Horizontal bars of shares on a 0-100% axis, each with its interval as a whisker and its
/// percentage written at its end.
void write_share_bars_svg(std::ostream& out, const std::string& title, const std::vector<ShareBar>& bars,
                          double width = 720.0);

/// \brief A stretch of a strip where its feature has one value.
struct StripSegment {
  double from = 0.0;
  double to = 0.0;
  std::string value;  ///< the feature's value in words (its colour is chosen by this text)
};

/// \brief One feature over x: its name and its segments, left to right.
struct Strip {
  std::string label;
  std::vector<StripSegment> segments;
};

/// Strips stacked one per feature over a common x axis, each segment coloured by its value
/// (the same text, the same colour, across strips) and named in a legend below; `rules` are
/// boundary estimates with their half-widths, drawn as lines with shaded brackets.
void write_strips_svg(std::ostream& out, const std::string& title, const std::string& x_label,
                      const std::vector<Strip>& strips, const std::vector<std::pair<double, double>>& rules,
                      double width = 720.0);

}  // namespace parley::io
