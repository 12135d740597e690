#include <catch2/catch.hpp>

#include "parley/sweep/sweep_spec.hpp"

#include "varied_parameters.hpp"

using namespace parley::sweep;
using parley::testing::levels;
using parley::testing::range;

namespace {

bool mentions(const std::vector<std::string>& problems, const std::string& text) {
  for (const auto& p : problems)
    if (p.find(text) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("Evenly spaced levels hit both ends and print as typed", "[sweep]") {
  CHECK(evenly_spaced_levels(0, 1, 11) ==
        std::vector<std::string>{"0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9", "1"});
  const auto a = evenly_spaced_levels(-0.6, 0.6, 13);
  REQUIRE(a.size() == 13);
  CHECK(a.front() == "-0.6");
  CHECK(a[6] == "0");
  CHECK(a.back() == "0.6");
  CHECK(evenly_spaced_levels(0.002, 0.002, 1) == std::vector<std::string>{"0.002"});
  CHECK(evenly_spaced_levels(1e-3, 3e-3, 3) == std::vector<std::string>{"0.001", "0.002", "0.003"});
}

TEST_CASE("number_text is the shortest exact text", "[sweep]") {
  CHECK(number_text(0.1) == "0.1");
  CHECK(number_text(1.0) == "1");
  CHECK(std::stod(number_text(1.0 / 3.0)) == 1.0 / 3.0);
}

TEST_CASE("Design sizes: product for grids, samples, N (d + 2) for Sobol", "[sweep]") {
  SweepSpec spec;
  spec.parameters = {levels("a", {"1", "2", "3"}), levels("b", {"x", "y"})};
  CHECK(spec_problems(spec).empty());
  CHECK(design_size(spec) == 6);
  spec.design = DesignKind::random;
  spec.samples = 17;
  CHECK(design_size(spec) == 17);
  spec.design = DesignKind::sobol;
  spec.parameters.push_back(range("c", 0, 1));
  CHECK(spec_problems(spec).empty());
  CHECK(design_size(spec) == 17 * 5);
}

TEST_CASE("Bad sweep specs are named", "[sweep]") {
  SweepSpec spec;
  CHECK(mentions(spec_problems(spec), "nothing is varied"));

  spec.parameters = {range("a", 0, 1)};
  CHECK(mentions(spec_problems(spec), "a grid needs values"));

  spec.design = DesignKind::latin_hypercube;
  CHECK(mentions(spec_problems(spec), "needs --samples"));
  spec.samples = 10;
  CHECK(spec_problems(spec).empty());

  spec.parameters = {range("a", 1, 1)};
  CHECK(mentions(spec_problems(spec), "empty range"));
  spec.parameters = {range("a", 0, 1), range("a", 0, 2)};
  CHECK(mentions(spec_problems(spec), "varied twice"));

  spec.parameters = {levels("a", {"1"})};
  spec.runs = 0;
  CHECK(mentions(spec_problems(spec), "--runs"));
  spec.runs = 1;

  spec.design = DesignKind::grid;
  CHECK(mentions(spec_problems(spec), "--samples does not apply"));
  spec.samples = 0;
  CHECK(spec_problems(spec).empty());

  spec.design = DesignKind::sobol;
  spec.samples = 8;
  spec.parameters.clear();
  for (std::size_t i = 0; i <= max_sobol_parameters; ++i) spec.parameters.push_back(range("p" + std::to_string(i), 0, 1));
  CHECK(mentions(spec_problems(spec), "at most"));

  // 2^16 values in each of 5 parameters: 2^80 points.
  spec.design = DesignKind::grid;
  spec.samples = 0;
  spec.parameters.clear();
  for (int i = 0; i < 5; ++i) spec.parameters.push_back(levels("q" + std::to_string(i), std::vector<std::string>(1u << 16, "0")));
  CHECK(mentions(spec_problems(spec), "2^64"));
}

TEST_CASE("Design names round-trip", "[sweep]") {
  for (const auto kind : {DesignKind::grid, DesignKind::random, DesignKind::latin_hypercube, DesignKind::sobol})
    CHECK(design_kind_named(to_string(kind)) == kind);
  CHECK_FALSE(design_kind_named("halton"));
}
