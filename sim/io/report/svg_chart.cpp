#include "parley/io/report/svg_chart.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <limits>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "parley/io/format/number_format.hpp"

namespace parley::io {
namespace {

constexpr double font_size = 12.0;
// A rough advance of one character of the page's sans-serif font at font_size: enough to lay
// out legends and to keep labels inside the chart, not to typeset.
constexpr double char_width = 6.6;
constexpr double legend_row = 18.0;

std::string num(double x) { return format_fixed(x, 1); }

// A tick label: as few decimals as the tick step needs.
std::string tick_text(double value, double step) {
  const int decimals = step >= 1.0 ? 0 : std::min(6, static_cast<int>(std::ceil(-std::log10(step) - 1e-9)));
  return format_fixed(value, decimals);
}

double text_width(const std::string& text) { return char_width * static_cast<double>(text.size()); }

// A legend entry: a swatch (line, box or marker) and its label.
struct LegendEntry {
  std::string colour;
  std::string label;
  char swatch = 'l';  // 'l' line, 'b' box, 'm' marker
  SvgChart::Marker marker = SvgChart::Marker::circle;
  bool dashed = false;
};

// Legend entries laid out in rows across `width`; returns the rows' height.
double legend_height(const std::vector<LegendEntry>& entries, double width) {
  if (entries.empty()) return 0.0;
  double x = 0.0;
  int rows = 1;
  for (const auto& e : entries) {
    const double w = 28.0 + text_width(e.label) + 16.0;
    if (x > 0.0 && x + w > width) {
      ++rows;
      x = 0.0;
    }
    x += w;
  }
  return rows * legend_row;
}

void write_marker(std::ostream& out, double x, double y, const std::string& colour, SvgChart::Marker marker) {
  const double r = 5.0;
  switch (marker) {
    case SvgChart::Marker::circle:
      out << "<circle cx=\"" << num(x) << "\" cy=\"" << num(y) << "\" r=\"" << num(r) << "\"";
      break;
    case SvgChart::Marker::square:
      out << "<rect x=\"" << num(x - r) << "\" y=\"" << num(y - r) << "\" width=\"" << num(2 * r) << "\" height=\""
          << num(2 * r) << "\"";
      break;
    case SvgChart::Marker::diamond:
      out << "<polygon points=\"" << num(x) << "," << num(y - 1.3 * r) << " " << num(x + 1.3 * r) << "," << num(y)
          << " " << num(x) << "," << num(y + 1.3 * r) << " " << num(x - 1.3 * r) << "," << num(y) << "\"";
      break;
    case SvgChart::Marker::triangle:
      out << "<polygon points=\"" << num(x) << "," << num(y - 1.3 * r) << " " << num(x + 1.2 * r) << ","
          << num(y + 0.9 * r) << " " << num(x - 1.2 * r) << "," << num(y + 0.9 * r) << "\"";
      break;
  }
  out << " fill=\"" << colour << "\" stroke=\"#222\" stroke-width=\"1\"/>\n";
}

void write_legend(std::ostream& out, const std::vector<LegendEntry>& entries, double left, double top, double width) {
  double x = 0.0, y = top + legend_row / 2.0;
  for (const auto& e : entries) {
    const double w = 28.0 + text_width(e.label) + 16.0;
    if (x > 0.0 && x + w > width) {
      x = 0.0;
      y += legend_row;
    }
    const double sx = left + x;
    if (e.swatch == 'b') {
      out << "<rect x=\"" << num(sx) << "\" y=\"" << num(y - 6) << "\" width=\"20\" height=\"12\" fill=\"" << e.colour
          << "\" stroke=\"#555\" stroke-width=\"0.5\"/>\n";
    } else if (e.swatch == 'm') {
      write_marker(out, sx + 10, y, e.colour, e.marker);
    } else {
      out << "<line x1=\"" << num(sx) << "\" y1=\"" << num(y) << "\" x2=\"" << num(sx + 20) << "\" y2=\"" << num(y)
          << "\" stroke=\"" << e.colour << "\" stroke-width=\"2.5\"" << (e.dashed ? " stroke-dasharray=\"6 3\"" : "")
          << "/>\n";
    }
    out << "<text x=\"" << num(sx + 26) << "\" y=\"" << num(y + 4) << "\">" << markup_escape(e.label) << "</text>\n";
    x += w;
  }
}

void open_svg(std::ostream& out, double width, double height, const std::string& title) {
  out << "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 " << num(width) << " " << num(height)
      << "\" width=\"" << num(width) << "\" height=\"" << num(height) << "\" font-family=\"sans-serif\" font-size=\""
      << num(font_size) << "\">\n<title>" << markup_escape(title) << "</title>\n";
  out << "<text x=\"" << num(width / 2) << "\" y=\"18\" text-anchor=\"middle\" font-size=\"14\" font-weight=\"bold\">"
      << markup_escape(title) << "</text>\n";
}

// Extends [lo, hi] by the finite values of `v`.
void extend(double& lo, double& hi, const std::vector<double>& v) {
  for (double x : v)
    if (std::isfinite(x)) {
      lo = std::min(lo, x);
      hi = std::max(hi, x);
    }
}

}  // namespace

std::string chart_colour(int k) {
  // Okabe & Ito (2008), "Color Universal Design", without their yellow (too light on white).
  static const std::array<const char*, 7> palette{"#0072B2", "#D55E00", "#009E73", "#CC79A7",
                                                  "#E69F00", "#56B4E9", "#000000"};
  const auto n = static_cast<int>(palette.size());
  return palette[static_cast<std::size_t>(((k % n) + n) % n)];
}

std::string markup_escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::vector<double> nice_ticks(double lo, double hi, int target) {
  if (!(std::isfinite(lo) && std::isfinite(hi))) return {};
  if (lo > hi) std::swap(lo, hi);
  if (hi - lo <= 0.0) {
    const double pad = lo == 0.0 ? 1.0 : std::abs(lo) / 10.0;
    lo -= pad;
    hi += pad;
  }
  const double raw = (hi - lo) / std::max(1, target);
  const double power = std::pow(10.0, std::floor(std::log10(raw)));
  const double fraction = raw / power;
  const double step = (fraction <= 1.0 ? 1.0 : fraction <= 2.0 ? 2.0 : fraction <= 5.0 ? 5.0 : 10.0) * power;
  std::vector<double> ticks;
  const double first = std::floor(lo / step + 1e-9) * step;
  for (double t = first; t <= hi + step * (1.0 - 1e-9); t += step) {
    ticks.push_back(std::abs(t) < step * 1e-9 ? 0.0 : t);
    if (ticks.size() > 100) break;  // a guard against a pathological step, never reached by finite data
  }
  return ticks;
}

SvgChart::SvgChart(std::string title, std::string x_label, std::string y_label)
    : title_(std::move(title)), x_label_(std::move(x_label)), y_label_(std::move(y_label)) {}

void SvgChart::set_x_range(double lo, double hi) {
  fixed_x_ = true;
  x_lo_ = lo;
  x_hi_ = hi;
}

void SvgChart::set_y_range(double lo, double hi) {
  fixed_y_ = true;
  y_lo_ = lo;
  y_hi_ = hi;
}

void SvgChart::add_line(std::vector<double> x, std::vector<double> y, std::string colour, std::string label,
                        bool dashed) {
  series_.push_back({.kind = Series::Kind::line, .x = std::move(x), .y = std::move(y), .y2 = {},
                     .colour = std::move(colour), .label = std::move(label), .dashed = dashed, .marker = {}});
}

void SvgChart::add_band(std::vector<double> x, std::vector<double> low, std::vector<double> high, std::string colour) {
  series_.push_back({.kind = Series::Kind::band, .x = std::move(x), .y = std::move(low), .y2 = std::move(high),
                     .colour = std::move(colour), .label = {}, .dashed = false, .marker = {}});
}

void SvgChart::add_marker(double x, double y, std::string colour, Marker marker, std::string label) {
  series_.push_back({.kind = Series::Kind::marker, .x = {x}, .y = {y}, .y2 = {}, .colour = std::move(colour),
                     .label = std::move(label), .dashed = false, .marker = marker});
}

void SvgChart::add_points(std::vector<double> x, std::vector<double> y, std::string colour, std::string label) {
  series_.push_back({.kind = Series::Kind::points, .x = std::move(x), .y = std::move(y), .y2 = {},
                     .colour = std::move(colour), .label = std::move(label), .dashed = false, .marker = {}});
}

void SvgChart::add_vertical_rule(double x, std::string label) { rules_.emplace_back(x, std::move(label)); }

void SvgChart::add_vertical_span(double lo, double hi) { spans_.emplace_back(lo, hi); }

void SvgChart::write(std::ostream& out, double width, double height) const {
  // The data's ranges, then round ticks that cover them.
  double xl = std::numeric_limits<double>::infinity(), xh = -xl, yl = xl, yh = -xl;
  for (const Series& s : series_) {
    extend(xl, xh, s.x);
    extend(yl, yh, s.y);
    extend(yl, yh, s.y2);
  }
  for (const auto& [x, label] : rules_) extend(xl, xh, {x});
  for (const auto& [lo, hi] : spans_) extend(xl, xh, {lo, hi});
  if (fixed_x_) xl = x_lo_, xh = x_hi_;
  if (fixed_y_) yl = y_lo_, yh = y_hi_;
  if (!std::isfinite(xl)) xl = 0.0, xh = 1.0;
  if (!std::isfinite(yl)) yl = 0.0, yh = 1.0;
  const std::vector<double> xt = nice_ticks(xl, xh, 8);
  const std::vector<double> yt = nice_ticks(yl, yh, 6);
  if (!fixed_x_) xl = std::min(xl, xt.front()), xh = std::max(xh, xt.back());
  if (!fixed_y_) yl = std::min(yl, yt.front()), yh = std::max(yh, yt.back());
  if (xh <= xl) xh = xl + 1.0;
  if (yh <= yl) yh = yl + 1.0;

  std::vector<LegendEntry> legend;
  for (const Series& s : series_) {
    if (s.label.empty()) continue;
    const char swatch = s.kind == Series::Kind::line ? 'l' : 'm';
    legend.push_back({s.colour, s.label, swatch, s.kind == Series::Kind::points ? Marker::circle : s.marker, s.dashed});
  }
  const double left = 64.0, right = 20.0, top = 34.0;
  const double legend_h = legend_height(legend, width - left - right);
  const double bottom = 44.0 + (legend_h > 0.0 ? legend_h + 8.0 : 0.0);
  const double pw = width - left - right, ph = height - top - bottom;
  const auto px = [&](double x) { return left + (x - xl) / (xh - xl) * pw; };
  const auto py = [&](double y) { return top + (1.0 - (y - yl) / (yh - yl)) * ph; };

  open_svg(out, width, height, title_);
  out << "<rect x=\"" << num(left) << "\" y=\"" << num(top) << "\" width=\"" << num(pw) << "\" height=\"" << num(ph)
      << "\" fill=\"#fbfbfb\" stroke=\"#999\"/>\n";
  const double step_x = xt.size() > 1 ? xt[1] - xt[0] : 1.0, step_y = yt.size() > 1 ? yt[1] - yt[0] : 1.0;
  for (double t : xt) {
    if (t < xl - 1e-12 || t > xh + 1e-12) continue;
    out << "<line x1=\"" << num(px(t)) << "\" y1=\"" << num(top) << "\" x2=\"" << num(px(t)) << "\" y2=\""
        << num(top + ph) << "\" stroke=\"#e3e3e3\"/>\n<text x=\"" << num(px(t)) << "\" y=\"" << num(top + ph + 15)
        << "\" text-anchor=\"middle\">" << tick_text(t, step_x) << "</text>\n";
  }
  for (double t : yt) {
    if (t < yl - 1e-12 || t > yh + 1e-12) continue;
    out << "<line x1=\"" << num(left) << "\" y1=\"" << num(py(t)) << "\" x2=\"" << num(left + pw) << "\" y2=\""
        << num(py(t)) << "\" stroke=\"#e3e3e3\"/>\n<text x=\"" << num(left - 6) << "\" y=\"" << num(py(t) + 4)
        << "\" text-anchor=\"end\">" << tick_text(t, step_y) << "</text>\n";
  }
  out << "<text x=\"" << num(left + pw / 2) << "\" y=\"" << num(top + ph + 34) << "\" text-anchor=\"middle\">"
      << markup_escape(x_label_) << "</text>\n";
  out << "<text transform=\"translate(16," << num(top + ph / 2) << ") rotate(-90)\" text-anchor=\"middle\">"
      << markup_escape(y_label_) << "</text>\n";

  out << "<g>\n";
  for (const auto& [lo, hi] : spans_)
    out << "<rect x=\"" << num(px(lo)) << "\" y=\"" << num(top) << "\" width=\"" << num(std::max(1.0, px(hi) - px(lo)))
        << "\" height=\"" << num(ph) << "\" fill=\"#888\" fill-opacity=\"0.18\"/>\n";
  for (const Series& s : series_) {
    if (s.kind != Series::Kind::band) continue;
    std::string points;
    for (std::size_t k = 0; k < s.x.size(); ++k) points += num(px(s.x[k])) + "," + num(py(s.y2[k])) + " ";
    for (std::size_t k = s.x.size(); k-- > 0;) points += num(px(s.x[k])) + "," + num(py(s.y[k])) + " ";
    out << "<polygon points=\"" << points << "\" fill=\"" << s.colour << "\" fill-opacity=\"0.18\" stroke=\"none\"/>\n";
  }
  for (const Series& s : series_) {
    if (s.kind == Series::Kind::line) {
      std::string points;
      const auto flush = [&] {
        if (!points.empty())
          out << "<polyline points=\"" << points << "\" fill=\"none\" stroke=\"" << s.colour
              << "\" stroke-width=\"2\"" << (s.dashed ? " stroke-dasharray=\"6 3\"" : "") << "/>\n";
        points.clear();
      };
      for (std::size_t k = 0; k < s.x.size() && k < s.y.size(); ++k) {
        if (!std::isfinite(s.x[k]) || !std::isfinite(s.y[k])) {
          flush();
          continue;
        }
        points += num(px(s.x[k])) + "," + num(py(s.y[k])) + " ";
      }
      flush();
    } else if (s.kind == Series::Kind::points) {
      for (std::size_t k = 0; k < s.x.size() && k < s.y.size(); ++k)
        if (std::isfinite(s.x[k]) && std::isfinite(s.y[k]))
          out << "<circle cx=\"" << num(px(s.x[k])) << "\" cy=\"" << num(py(s.y[k])) << "\" r=\"2\" fill=\""
              << s.colour << "\"/>\n";
    }
  }
  for (const Series& s : series_)
    if (s.kind == Series::Kind::marker && std::isfinite(s.x[0]) && std::isfinite(s.y[0]))
      write_marker(out, px(s.x[0]), py(s.y[0]), s.colour, s.marker);
  for (const auto& [x, label] : rules_) {
    out << "<line x1=\"" << num(px(x)) << "\" y1=\"" << num(top) << "\" x2=\"" << num(px(x)) << "\" y2=\""
        << num(top + ph) << "\" stroke=\"#444\" stroke-dasharray=\"4 3\"/>\n";
    if (!label.empty())
      out << "<text x=\"" << num(px(x) + 3) << "\" y=\"" << num(top + 12) << "\" font-size=\"10\">"
          << markup_escape(label) << "</text>\n";
  }
  out << "</g>\n";
  write_legend(out, legend, left, top + ph + 44.0, pw);
  out << "</svg>\n";
}

void write_share_bars_svg(std::ostream& out, const std::string& title, const std::vector<ShareBar>& bars,
                          double width) {
  double label_w = 0.0;
  for (const ShareBar& b : bars) label_w = std::max(label_w, text_width(b.label));
  const double left = std::min(width / 2.0, label_w + 16.0), right = 56.0, top = 34.0, bar_h = 22.0, gap = 10.0;
  const double pw = width - left - right;
  const double height = top + static_cast<double>(bars.size()) * (bar_h + gap) + 30.0;
  const auto px = [&](double share) { return left + std::clamp(share, 0.0, 1.0) * pw; };
  open_svg(out, width, height, title);
  for (double t = 0.0; t <= 1.0 + 1e-9; t += 0.25) {
    out << "<line x1=\"" << num(px(t)) << "\" y1=\"" << num(top) << "\" x2=\"" << num(px(t)) << "\" y2=\""
        << num(height - 26) << "\" stroke=\"#e3e3e3\"/>\n<text x=\"" << num(px(t)) << "\" y=\"" << num(height - 12)
        << "\" text-anchor=\"middle\">" << format_fixed(100.0 * t, 0) << "%</text>\n";
  }
  for (std::size_t k = 0; k < bars.size(); ++k) {
    const ShareBar& b = bars[k];
    const double y = top + static_cast<double>(k) * (bar_h + gap);
    out << "<text x=\"" << num(left - 8) << "\" y=\"" << num(y + bar_h / 2 + 4) << "\" text-anchor=\"end\">"
        << markup_escape(b.label) << "</text>\n";
    out << "<rect x=\"" << num(left) << "\" y=\"" << num(y) << "\" width=\"" << num(px(b.share) - left)
        << "\" height=\"" << num(bar_h) << "\" fill=\"" << chart_colour(static_cast<int>(k)) << "\"/>\n";
    out << "<line x1=\"" << num(px(b.low)) << "\" y1=\"" << num(y + bar_h / 2) << "\" x2=\"" << num(px(b.high))
        << "\" y2=\"" << num(y + bar_h / 2) << "\" stroke=\"#222\" stroke-width=\"1.5\"/>\n";
    for (double end : {b.low, b.high})
      out << "<line x1=\"" << num(px(end)) << "\" y1=\"" << num(y + 5) << "\" x2=\"" << num(px(end)) << "\" y2=\""
          << num(y + bar_h - 5) << "\" stroke=\"#222\" stroke-width=\"1.5\"/>\n";
    out << "<text x=\"" << num(px(std::max(b.share, b.high)) + 6) << "\" y=\"" << num(y + bar_h / 2 + 4) << "\">"
        << format_fixed(100.0 * b.share, 1) << "%</text>\n";
  }
  out << "</svg>\n";
}

void write_strips_svg(std::ostream& out, const std::string& title, const std::string& x_label,
                      const std::vector<Strip>& strips, const std::vector<std::pair<double, double>>& rules,
                      double width) {
  double xl = std::numeric_limits<double>::infinity(), xh = -xl;
  for (const Strip& s : strips)
    for (const StripSegment& g : s.segments) extend(xl, xh, {g.from, g.to});
  if (!std::isfinite(xl)) xl = 0.0, xh = 1.0;
  if (xh <= xl) xh = xl + 1.0;
  // One colour per distinct value, in order of first appearance.
  std::map<std::string, int> colour_of;
  std::vector<LegendEntry> legend;
  for (const Strip& s : strips)
    for (const StripSegment& g : s.segments)
      if (colour_of.emplace(g.value, static_cast<int>(colour_of.size())).second)
        legend.push_back({chart_colour(colour_of[g.value]), g.value, 'b'});
  const double strip_h = 26.0, gap = 22.0, left = 24.0, right = 24.0, top = 34.0;
  const double pw = width - left - right;
  const double body = static_cast<double>(strips.size()) * (strip_h + gap);
  const double legend_h = legend_height(legend, pw);
  const double height = top + body + 40.0 + legend_h + 8.0;
  const auto px = [&](double x) { return left + (x - xl) / (xh - xl) * pw; };
  open_svg(out, width, height, title);
  for (std::size_t k = 0; k < strips.size(); ++k) {
    const double y = top + static_cast<double>(k) * (strip_h + gap) + 14.0;
    out << "<text x=\"" << num(left) << "\" y=\"" << num(y - 4) << "\">" << markup_escape(strips[k].label)
        << "</text>\n";
    for (const StripSegment& g : strips[k].segments) {
      out << "<rect x=\"" << num(px(g.from)) << "\" y=\"" << num(y) << "\" width=\""
          << num(std::max(0.5, px(g.to) - px(g.from))) << "\" height=\"" << num(strip_h) << "\" fill=\""
          << chart_colour(colour_of[g.value]) << "\" fill-opacity=\"0.8\"><title>" << markup_escape(g.value)
          << "</title></rect>\n";
    }
  }
  const double axis_y = top + body + 6.0;
  for (const auto& [at, plus_minus] : rules) {
    out << "<rect x=\"" << num(px(at - plus_minus)) << "\" y=\"" << num(top) << "\" width=\""
        << num(std::max(1.0, px(at + plus_minus) - px(at - plus_minus))) << "\" height=\"" << num(axis_y - top)
        << "\" fill=\"#000\" fill-opacity=\"0.15\"/>\n<line x1=\"" << num(px(at)) << "\" y1=\"" << num(top)
        << "\" x2=\"" << num(px(at)) << "\" y2=\"" << num(axis_y) << "\" stroke=\"#222\" stroke-dasharray=\"4 3\"/>\n";
  }
  const std::vector<double> ticks = nice_ticks(xl, xh, 8);
  const double step = ticks.size() > 1 ? ticks[1] - ticks[0] : 1.0;
  out << "<line x1=\"" << num(left) << "\" y1=\"" << num(axis_y) << "\" x2=\"" << num(left + pw) << "\" y2=\""
      << num(axis_y) << "\" stroke=\"#999\"/>\n";
  for (double t : ticks) {
    if (t < xl - 1e-12 || t > xh + 1e-12) continue;
    out << "<text x=\"" << num(px(t)) << "\" y=\"" << num(axis_y + 15) << "\" text-anchor=\"middle\">"
        << tick_text(t, step) << "</text>\n";
  }
  out << "<text x=\"" << num(left + pw / 2) << "\" y=\"" << num(axis_y + 32) << "\" text-anchor=\"middle\">"
      << markup_escape(x_label) << "</text>\n";
  write_legend(out, legend, left, axis_y + 40.0, pw);
  out << "</svg>\n";
}

}  // namespace parley::io
