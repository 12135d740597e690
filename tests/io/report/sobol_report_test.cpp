// The `parley sweep --analyze sobol` writers on hand-made indices: every number of the report
// is known, so each format's text is known to the byte.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>

#include "parley/io/report/sobol_report.hpp"

using namespace parley;

namespace {

// Two parameters, N = 64, V(Y) = 0.25; numbers exact in binary so every format is exact.
io::SobolReport hand_made_sobol_report() {
  io::SobolReport report;
  report.metric = "outcomes.settled";
  report.parameters = {"battlefield.advantage", "parties.russia.cost"};
  report.indices.samples = 64;
  report.indices.variance = 0.25;
  report.indices.first_order = {{0.5, 0.375, 0.625}, {0.125, -0.0625, 0.25}};
  report.indices.total = {{0.75, 0.5, 1}, {0.25, 0.125, 0.375}};
  report.bootstrap = 100;
  report.confidence = 0.9;
  return report;
}

template <class Writer>
std::string sobol_report_text(Writer write, const io::SobolReport& report) {
  std::ostringstream out;
  write(out, report);
  return out.str();
}

}  // namespace

TEST_CASE("Sobol report: the table gives each index to 3 decimals with its interval", "[report][sweep]") {
  const auto text = sobol_report_text(io::write_sobol_table, hand_made_sobol_report());
  CHECK(text ==
        "Sobol indices of outcomes.settled (64 base samples, variance 0.250000, 90% bootstrap intervals over 100 "
        "resamples)\n"
        "\n"
        "parameter              first order  90% interval     total  90% interval\n"
        "---------------------  -----------  ---------------  -----  --------------\n"
        "battlefield.advantage        0.500  [0.375, 0.625]   0.750  [0.500, 1.000]\n"
        "parties.russia.cost          0.125  [-0.062, 0.250]  0.250  [0.125, 0.375]\n");
}

TEST_CASE("Sobol report: the CSV gives each index and interval end exactly", "[report][sweep]") {
  CHECK(sobol_report_text(io::write_sobol_csv, hand_made_sobol_report()) ==
        "parameter,first_order,first_order_lo,first_order_hi,total,total_lo,total_hi\n"
        "battlefield.advantage,0.5,0.375,0.625,0.75,0.5,1\n"
        "parties.russia.cost,0.125,-0.0625,0.25,0.25,0.125,0.375\n");
}

TEST_CASE("Sobol report: the JSON maps each parameter to its two indices", "[report][sweep]") {
  const auto text = sobol_report_text(io::write_sobol_json, hand_made_sobol_report());
  CHECK(text == R"({
  "metric": "outcomes.settled",
  "samples": 64,
  "variance": 0.25,
  "confidence": 0.9,
  "bootstrap": 100,
  "parameters": {
    "battlefield.advantage": {
      "first_order": {
        "value": 0.5,
        "lo": 0.375,
        "hi": 0.625
      },
      "total": {
        "value": 0.75,
        "lo": 0.5,
        "hi": 1
      }
    },
    "parties.russia.cost": {
      "first_order": {
        "value": 0.125,
        "lo": -0.0625,
        "hi": 0.25
      },
      "total": {
        "value": 0.25,
        "lo": 0.125,
        "hi": 0.375
      }
    }
  }
}
)");
}
