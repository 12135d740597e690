// The inline SVG figures of `parley report` (issue 17): round ticks, escaping, where a point
// lands on the page, and strips coloured by their answer.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstddef>
#include <limits>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "parley/io/report/svg_chart.hpp"

using namespace parley;

namespace {

std::size_t svg_count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

// Every attribute value `name="..."` of the elements of kind `tag`, in order.
std::vector<std::string> svg_attributes(const std::string& text, const std::string& tag, const std::string& name) {
  std::vector<std::string> values;
  const std::regex element("<" + tag + "\\b[^>]*\\b" + name + "=\"([^\"]*)\"");
  for (std::sregex_iterator it(text.begin(), text.end(), element), end; it != end; ++it) values.push_back((*it)[1]);
  return values;
}

}  // namespace

TEST_CASE("nice_ticks: multiples of 1, 2 or 5 times a power of ten that cover the range", "[io][report][svg]") {
  const std::vector<double> unit = io::nice_ticks(0.0, 1.0, 5);
  REQUIRE(unit.size() == 6);
  for (std::size_t k = 0; k < unit.size(); ++k) CHECK(unit[k] == Approx(0.2 * static_cast<double>(k)).margin(1e-12));

  const std::vector<double> week = io::nice_ticks(0.0, 104.0, 8);
  CHECK(week.front() == 0.0);
  CHECK(week[1] - week[0] == Approx(20.0));
  CHECK(week.back() >= 104.0);

  const std::vector<double> signed_range = io::nice_ticks(-0.5, 0.5, 8);
  CHECK(signed_range.front() <= -0.5);
  CHECK(signed_range.back() >= 0.5);
  CHECK(signed_range[1] - signed_range[0] == Approx(0.2));
  bool has_zero = false;
  for (double t : signed_range) has_zero = has_zero || t == 0.0;
  CHECK(has_zero);  // exactly 0, not 1e-17: the label reads "0.0"

  // A single value is widened, never a division by zero.
  const std::vector<double> flat = io::nice_ticks(3.0, 3.0, 5);
  CHECK(flat.front() < 3.0);
  CHECK(flat.back() > 3.0);
  CHECK(io::nice_ticks(0.0, std::numeric_limits<double>::infinity(), 5).empty());
}

TEST_CASE("markup_escape replaces the five characters markup reserves", "[io][report][svg]") {
  CHECK(io::markup_escape("a < b & \"c\" > 'd'") == "a &lt; b &amp; &quot;c&quot; &gt; &#39;d&#39;");
  CHECK(io::markup_escape("Kyiv's plan") == "Kyiv&#39;s plan");
}

TEST_CASE("SvgChart maps data to the plot area: a fixed range's corners land on its corners", "[io][report][svg]") {
  io::SvgChart chart("corners <test>", "x", "y");
  chart.set_x_range(0.0, 1.0);
  chart.set_y_range(0.0, 1.0);
  chart.add_marker(0.0, 0.0, io::chart_colour(0), io::SvgChart::Marker::circle, "origin");
  chart.add_marker(1.0, 1.0, io::chart_colour(1), io::SvgChart::Marker::circle, "far corner");
  std::ostringstream out;
  chart.write(out, 720.0, 380.0);
  const std::string svg = out.str();
  INFO(svg);
  CHECK(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0) == 0);
  CHECK(svg_count(svg, "<svg") == 1);
  CHECK(svg_count(svg, "</svg>") == 1);
  CHECK(svg.find("<title>corners &lt;test&gt;</title>") != std::string::npos);
  // The plot area is the first rect; the markers are the circles after the legend's own.
  const auto xs = svg_attributes(svg, "rect", "x"), ys = svg_attributes(svg, "rect", "y");
  const auto ws = svg_attributes(svg, "rect", "width"), hs = svg_attributes(svg, "rect", "height");
  REQUIRE_FALSE(xs.empty());
  const double left = std::stod(xs[0]), top = std::stod(ys[0]);
  const double right = left + std::stod(ws[0]), bottom = top + std::stod(hs[0]);
  const auto cx = svg_attributes(svg, "circle", "cx"), cy = svg_attributes(svg, "circle", "cy");
  REQUIRE(cx.size() == 4);  // two markers, two legend swatches
  CHECK(std::stod(cx[0]) == Approx(left).margin(0.06));
  CHECK(std::stod(cy[0]) == Approx(bottom).margin(0.06));
  CHECK(std::stod(cx[1]) == Approx(right).margin(0.06));
  CHECK(std::stod(cy[1]) == Approx(top).margin(0.06));
  CHECK(svg.find(">origin</text>") != std::string::npos);
  CHECK(svg.find(">far corner</text>") != std::string::npos);
}

TEST_CASE("SvgChart breaks a line at a non-finite point and shades a band", "[io][report][svg]") {
  io::SvgChart chart("t", "x", "y");
  chart.add_line({0.0, 1.0, std::nan(""), 2.0, 3.0}, {0.0, 1.0, 1.0, 2.0, 3.0}, io::chart_colour(0), "two pieces");
  chart.add_band({0.0, 1.0}, {0.0, 0.5}, {1.0, 1.5}, io::chart_colour(1));
  std::ostringstream out;
  chart.write(out);
  const std::string svg = out.str();
  CHECK(svg_count(svg, "<polyline") == 2);
  const auto bands = svg_attributes(svg, "polygon", "points");
  REQUIRE(bands.size() == 1);
  CHECK(svg_count(bands[0], ",") == 4);  // two points along the top, two back along the bottom
}

TEST_CASE("share bars: one bar per share, its whisker and its percentage", "[io][report][svg]") {
  std::ostringstream out;
  io::write_share_bars_svg(out, "ends", {{"settled", 0.25, 0.2, 0.3}, {"collapse", 0.75, 0.7, 0.8}});
  const std::string svg = out.str();
  CHECK(svg.find(">25.0%</text>") != std::string::npos);
  CHECK(svg.find(">75.0%</text>") != std::string::npos);
  // The second bar is three times as long as the first.
  std::vector<double> widths;
  for (const std::string& w : svg_attributes(svg, "rect", "width")) widths.push_back(std::stod(w));
  REQUIRE(widths.size() == 2);
  CHECK(widths[1] == Approx(3.0 * widths[0]).margin(0.2));
}

TEST_CASE("strips: the same answer has the same colour in every strip, named once in the legend",
          "[io][report][svg]") {
  const std::vector<io::Strip> strips{
      {"Russia's best reply", {{-0.5, 0.2, "quick"}, {0.2, 0.5, "prolonged"}}},
      {"Ukraine's best reply", {{-0.5, 0.5, "prolonged"}}},
  };
  std::ostringstream out;
  io::write_strips_svg(out, "map", "advantage", strips, {{0.2, 0.01}});
  const std::string svg = out.str();
  INFO(svg);
  const auto fills = svg_attributes(svg, "rect", "fill");
  // Segments first (three), then the bracket, then two legend boxes.
  REQUIRE(fills.size() == 6);
  CHECK(fills[0] != fills[1]);
  CHECK(fills[1] == fills[2]);  // "prolonged" in both strips
  CHECK(svg_count(svg, ">prolonged</text>") == 1);
  CHECK(svg_count(svg, ">quick</text>") == 1);
  CHECK(svg.find("stroke-dasharray") != std::string::npos);  // the boundary's line
}
