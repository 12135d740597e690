// Sobol' indices of the Ishigami function (Ishigami and Homma 1990), whose indices are known in
// closed form, estimated on a Saltelli design built by Design.
#include <catch2/catch.hpp>

#include <cmath>

#include "parley/sweep/design.hpp"
#include "parley/sweep/sobol_indices.hpp"

#include "varied_parameters.hpp"

using namespace parley::sweep;
using parley::testing::range;

namespace {

constexpr double pi = 3.14159265358979323846;

double ishigami(double x1, double x2, double x3, double a, double b) {
  return std::sin(x1) + a * std::sin(x2) * std::sin(x2) + b * std::pow(x3, 4) * std::sin(x1);
}

struct Outputs {
  Eigen::VectorXd f_a, f_b;
  Eigen::MatrixXd f_ab;
};

// Evaluates f on every point of a Sobol design over `parameters`, read back from the value texts.
template <class F>
Outputs evaluate(const std::vector<VariedParameter>& parameters, std::uint64_t n, F f) {
  SweepSpec spec;
  spec.design = DesignKind::sobol;
  spec.samples = n;
  spec.parameters = parameters;
  const Design design(spec);
  const auto d = static_cast<Eigen::Index>(parameters.size());
  Outputs out{Eigen::VectorXd(n), Eigen::VectorXd(n), Eigen::MatrixXd(n, d)};
  for (std::uint64_t p = 0; p < design.size(); ++p) {
    std::vector<double> x;
    for (const auto& v : design.point(p).values) x.push_back(std::stod(v));
    const double y = f(x);
    const auto position = saltelli_position(p, parameters.size());
    const auto j = static_cast<Eigen::Index>(position.sample);
    switch (position.matrix) {
      case SaltelliPosition::Matrix::a: out.f_a[j] = y; break;
      case SaltelliPosition::Matrix::b: out.f_b[j] = y; break;
      case SaltelliPosition::Matrix::a_with_b_column: out.f_ab(j, static_cast<Eigen::Index>(position.column)) = y; break;
    }
  }
  return out;
}

}  // namespace

TEST_CASE("Ishigami: the exact Sobol indices lie within the bootstrap intervals", "[sweep]") {
  const double a = 7.0, b = 0.1;
  // Closed forms (Ishigami and Homma 1990; Saltelli et al. 2008, Global Sensitivity Analysis,
  // section 4.9): V = a^2/8 + b pi^4/5 + b^2 pi^8/18 + 1/2.
  const double v1 = 0.5 * std::pow(1 + b * std::pow(pi, 4) / 5, 2);
  const double v2 = a * a / 8;
  const double v13 = b * b * std::pow(pi, 8) * (1.0 / 18 - 1.0 / 50);
  const double variance = v1 + v2 + v13;
  const std::vector<double> first = {v1 / variance, v2 / variance, 0.0};
  const std::vector<double> total = {(v1 + v13) / variance, v2 / variance, v13 / variance};
  REQUIRE(variance == Approx(a * a / 8 + b * std::pow(pi, 4) / 5 + b * b * std::pow(pi, 8) / 18 + 0.5).epsilon(1e-12));

  const auto out = evaluate({range("x1", -pi, pi), range("x2", -pi, pi), range("x3", -pi, pi)}, 4096,
                            [&](const std::vector<double>& x) { return ishigami(x[0], x[1], x[2], a, b); });
  const auto indices = sobol_indices(out.f_a, out.f_b, out.f_ab, 500, 0.95, 1);
  CHECK(indices.samples == 4096);
  CHECK(indices.variance == Approx(variance).epsilon(0.05));
  for (std::size_t i = 0; i < 3; ++i) {
    INFO("parameter x" << i + 1);
    const auto& s = indices.first_order[i];
    const auto& st = indices.total[i];
    CHECK(s.lo <= first[i]);
    CHECK(first[i] <= s.hi);
    CHECK(st.lo <= total[i]);
    CHECK(total[i] <= st.hi);
    CHECK(s.lo <= s.value);
    CHECK(s.value <= s.hi);
    // The intervals are informative, not merely wide.
    CHECK(s.hi - s.lo < 0.1);
    CHECK(st.hi - st.lo < 0.1);
  }
}

TEST_CASE("An additive function has S_i = S_Ti = a_i^2 / sum a_j^2, estimated exactly for the total", "[sweep]") {
  // f = sum a_i x_i with x_i uniform: f(A) - f(A_B^(i)) = a_i (A_i - B_i), so the Jansen total
  // index is a_i^2 mean((A_i - B_i)^2) / V for every sample, and both indices approach a_i^2 / sum a^2.
  const std::vector<double> coefficients = {1.0, 2.0, 3.0};
  const auto out = evaluate({range("a", 0, 1), range("b", 0, 1), range("c", 0, 1)}, 2048,
                            [&](const std::vector<double>& x) {
                              return coefficients[0] * x[0] + coefficients[1] * x[1] + coefficients[2] * x[2];
                            });
  const auto indices = sobol_indices(out.f_a, out.f_b, out.f_ab, 200, 0.95, 2);
  const double sum = 1 + 4 + 9;
  for (std::size_t i = 0; i < 3; ++i) {
    const double exact = coefficients[i] * coefficients[i] / sum;
    CHECK(indices.first_order[i].value == Approx(exact).margin(0.01));
    CHECK(indices.total[i].value == Approx(exact).margin(0.01));
    CHECK(indices.first_order[i].lo <= exact);
    CHECK(exact <= indices.first_order[i].hi);
  }
}

TEST_CASE("Sobol indices reject degenerate inputs and are reproducible", "[sweep]") {
  Eigen::VectorXd constant = Eigen::VectorXd::Constant(8, 1.0);
  Eigen::MatrixXd ab = Eigen::MatrixXd::Constant(8, 2, 1.0);
  CHECK_THROWS_AS(sobol_indices(constant, constant, ab, 10, 0.95, 1), std::invalid_argument);
  CHECK_THROWS_AS(sobol_indices(constant.head(1), constant.head(1), ab.topRows(1), 10, 0.95, 1), std::invalid_argument);
  Eigen::VectorXd fa(4), fb(4);
  fa << 1, 2, 3, 4;
  fb << 2, 1, 4, 3;
  Eigen::MatrixXd fab(4, 1);
  fab << 2, 1, 4, 3;
  CHECK_THROWS_AS(sobol_indices(fa, fb, fab, 10, 1.5, 1), std::invalid_argument);
  const auto x = sobol_indices(fa, fb, fab, 50, 0.9, 3);
  const auto y = sobol_indices(fa, fb, fab, 50, 0.9, 3);
  CHECK(x.first_order[0].lo == y.first_order[0].lo);
  CHECK(x.total[0].hi == y.total[0].hi);
  // Hand computation: V = var{1,2,3,4,2,1,4,3} = 1.25; f(A_B) - f(A) = (1, -1, 1, -1);
  // S = mean(f(B) (f(A_B) - f(A))) / V = (2 - 1 + 4 - 3) / 4 / 1.25 = 0.4;
  // ST = mean((f(A) - f(A_B))^2) / 2 / V = 1 / 2 / 1.25 = 0.4.
  CHECK(x.variance == Approx(1.25).epsilon(1e-12));
  CHECK(x.first_order[0].value == Approx(0.4).epsilon(1e-12));
  CHECK(x.total[0].value == Approx(0.4).epsilon(1e-12));
}
